"""Add one observation to a plan's actuals.yaml, safely.

The read-modify-write runs under a lock on the plan folder; the new file is
written beside the old one, checked, and renamed over it, so the file on
disk is always whole. ruamel.yaml does the editing because it keeps the
comments and layout the user wrote (PyYAML drops both).
"""

from __future__ import annotations

import io
import os
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from ..plan.loader import ACTUALS_FILE, read_actuals, read_plan
from ..plan.lookup import find_indicator
from ..plan.model import Figure, Indicator
from ..plan.problems import PlanError, Problem, Source, display_path
from ..plan.quantity import QuantityError, parse_quantity
from .atomic import TEMP_SUFFIX, temp_prefix, write_atomic
from .lock import LockError, folder_lock

NEW_FILE_HEADER = """\
# Observed values, one per indicator and year, in the indicator's unit.
# Written by `jmplan record`; safe to edit by hand.
observations:
"""


class RecordError(ValueError):
    """The observation cannot be recorded; nothing was written.

    `param` names the argument at fault ("year", "value"), or is None when
    the arguments are fine but the file's state is not (already recorded,
    not writable)."""

    def __init__(self, message: str, hint: str | None = None, param: str | None = None):
        self.message = message
        self.hint = hint
        self.param = param
        super().__init__(message)


@dataclass(frozen=True)
class Recorded:
    indicator: Indicator
    year: int
    value: float
    previous: Figure | None  # the observation replaced, if any
    path: Path


def record_observation(
    folder: str | Path, metric: str, year: int, value_text: str, source: str | None = None, replace: bool = False
) -> Recorded:
    """Record `value_text` for `metric` in `year`. Raises PlanError (the plan's
    data has problems), UnknownIndicator, or RecordError; writes nothing then."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PlanError([Problem(Source(display_path(folder)), "plan folder not found")])
    with ExitStack() as held:
        try:
            held.enter_context(folder_lock(folder))
        except LockError as exc:
            raise RecordError(
                f"{display_path(Path(exc.filename))}: cannot lock the plan folder: {exc.strerror}",
                "record keeps a lock file, .jmplan.lock, in the plan folder: check that the folder "
                "is writable and that .jmplan.lock is a file",
            ) from None
        plan, problems = read_plan(folder)
        if problems or plan is None:
            raise PlanError(problems)
        indicator = find_indicator(plan, metric)
        info = plan.info
        if not info.base_year <= year <= info.target_year:
            raise RecordError(f"{year} is outside the plan's years {info.base_year}–{info.target_year}", param="year")
        try:
            value = parse_quantity(value_text, indicator)
        except QuantityError as exc:
            raise RecordError(exc.message, exc.hint, param="value") from None
        _check_possible(value, indicator)
        previous = plan.observations_of(indicator.key).get(year)
        if previous is not None and not replace:
            raise RecordError(
                f"{indicator.key} already has {_plain(previous.value)} for {year} ({previous.where})",
                "add --replace to overwrite it",
            )
        path = folder / ACTUALS_FILE
        _check_writable(path)
        _remove_stale_temporaries(path)
        text = _edited(path, indicator.key, year, value, source)
        shown = display_path(path)

        def check(temp: Path) -> None:
            # Read the new file back as the loader will before it replaces the old one
            observations, _notes, found = read_actuals(temp, shown)
            if found or observations.get(indicator.key, {}).get(year) is None:
                raise RecordError(
                    "the edited file would not read back correctly; nothing was written",
                    "; ".join(str(p) for p in found) or None,
                )

        try:
            write_atomic(path, text.encode("utf-8"), check=check)
        except OSError as exc:
            raise RecordError(
                f"{shown}: cannot write: {exc.strerror or exc}", "check that the file and its folder are writable"
            ) from None
        return Recorded(indicator, year, value, previous, path)


def _check_writable(path: Path) -> None:
    """The file is replaced by a rename, which a read-only file does not stop
    (only its folder's permissions count), so read-only is honoured here:
    whoever made the file read-only meant it not to change. The mode bits are
    checked besides os.access, which grants root everything."""
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        raise RecordError(f"{display_path(path)} is read-only", "make it writable first if the figure belongs in it")


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of writers killed mid-write. Under the folder lock no
    other writer is running, so any that exist are abandoned."""
    for stale in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        try:
            stale.unlink()
        except OSError:
            pass


def _check_possible(value: float, indicator: Indicator) -> None:
    if value < 0 and (indicator.growth_model == "compound" or indicator.is_percent):
        raise RecordError(f"{indicator.key} cannot be negative ({_plain(value)} {indicator.unit})", param="value")
    if indicator.is_percent and value > 100:
        raise RecordError(f"{indicator.key} is a share in %; {_plain(value)} is over 100", param="value")


def _plain(value: float):
    """850.0 -> 850, so that the YAML file reads as a person would write it."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _edited(path: Path, key: str, year: int, value: float, source: str | None) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.width = 4096  # never fold a long source into several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    original = path.read_text(encoding="utf-8-sig") if path.exists() else NEW_FILE_HEADER
    document = yaml.load(original) if original.strip() else None
    if document is None:
        document = yaml.load(NEW_FILE_HEADER)
    if document.get("observations") is None:
        document["observations"] = CommentedMap()
    observations = document["observations"]
    observations.fa.set_block_style()  # `observations: {}` as shipped becomes a block
    if observations.get(key) is None:
        observations[key] = CommentedMap()
    by_year = observations[key]
    if source:
        entry = CommentedMap([("value", _plain(value)), ("source", source)])
        entry.fa.set_flow_style()  # `2018: {value: 850, source: ...}` on one line
    else:
        entry = _plain(value)
    if year in by_year:
        by_year[year] = entry
    else:
        position = sum(1 for y in by_year if isinstance(y, int) and y < year)  # keep years in order
        by_year.insert(position, year, entry)
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()
