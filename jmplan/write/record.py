"""Change the observations in a plan's actuals.yaml, safely: a batch of
additions, replacements and removals, applied all together or not at all.

The library API, for `jmplan record` and for any command that writes
observations:

    from jmplan.write.record import Change, apply_changes

    done = apply_changes(
        "jiangmen",
        [
            Change.add("ecommerce", 2016, 850, source="江门市2016年统计公报"),
            Change.replace("fibre_to_home", 2017, 82, note="revised"),
            Change.remove("fibre_length", 2018),
        ],
        wait=30,                                   # seconds to wait for another writer's lock
        on_wait=lambda message: print(message, file=sys.stderr),
    )
    for applied in done.applied:                   # in the order given
        print(applied.change.key, applied.change.year, applied.previous)

A `Change` names an indicator by its exact key (resolve names first with
plan.lookup.find_indicator) and a year of the plan. `fields` are the entry's
fields in the order they are written: `value` first (a finite number, in the
indicator's unit; required for add and replace), then any others: `source`
and `note` as the loader reads them, or fields a later version of the loader
knows (`Change.add(key, year, 850, data_status="preliminary")`); their
values may be text, numbers, booleans, lists and mappings. An entry with
`value` alone is written `2016: 850`; with more fields as one flow mapping,
`2016: {value: 850, source: ...}`. A replacement writes exactly the fields
given (pass the previous figure's `quote` as `source=` to keep it), and
changes in the file only the fields whose value differs.

- add: the year must have no observation yet;
- replace: it must have one; the entry is rewritten with the new fields;
- remove: it must have one; its line(s) go.

All of the batch is checked first: each key is an indicator, each year in
the plan's range, each value possible for its indicator (a level or a share
not negative, a share not over 100, within the range jmplan accepts), no
(key, year) twice. Then, under the folder's lock (see lock.py), the plan is
read, the changes are spliced into actuals.yaml's text (splice.py: every
byte outside the changed entries stays as it was: comments, CRLF line
endings, a byte-order mark, indentation, `+1`, `True`), and the new text is
written to a temporary file that is read back together with the rest of the
plan. Only if the whole plan then loads without a problem and its
observations are exactly the old ones with the batch applied does the
temporary file replace actuals.yaml, in one rename. If anything fails,
nothing was written: the function raises

- PlanError: the plan's data has problems (as read, or as the batch would make it);
- RecordError: the batch cannot be applied (its `param`, "key", "year" or
  "value", names what is wrong with a change when that is the fault), or
  the file cannot be locked or written.

A symbolic link named actuals.yaml is followed when it leads to a file
inside the plan folder (that file is replaced, the link stays); a link
leading elsewhere is refused, because nothing a plan folder holds may make
jmplan write outside it.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

from ..i18n import Msg, os_reason
from ..plan.fields import in_range, range_problem
from ..plan.loader import ACTUALS_FILE, baseline_file, read_plan
from ..plan.lookup import find_indicator
from ..plan.model import FINAL, Figure, Indicator, Plan
from ..plan.problems import PlanError, Problem, Source, located
from ..plan.quantity import QuantityError, number_as_typed, parse_quantity
from ..plan.tuples import NamedTuple
from ..plan.yamlfile import FORBIDDEN_CHARACTERS, character_problem
from .atomic import TEMP_SUFFIX, temp_prefix, write_atomic
from .lock import DEFAULT_WAIT, LockError, folder_lock
from .provenance import observation_fields
from .splice import REMOVE, Merge, SpliceError, edit, format_flow

NEW_FILE_HEADER = """\
# Observed values, one per indicator and year, in the indicator's unit.
# Written by `jmplan record`; safe to edit by hand.
observations:
"""

ADD, REPLACE, REMOVE_ACTION = "add", "replace", "remove"
ACTIONS = (ADD, REPLACE, REMOVE_ACTION)


class RecordError(ValueError):
    """The observation cannot be recorded; nothing was written.

    `param` names the argument at fault ("key", "year", "value"), or is None
    when the arguments are fine but the file's state is not (already
    recorded, not writable, locked)."""

    def __init__(self, message: str, hint: str | None = None, param: str | None = None):
        self.message = message
        self.hint = hint
        self.param = param
        super().__init__(message)


class Change(NamedTuple):
    """One change to actuals.yaml: `action` (add, replace or remove) of the
    observation of indicator `key` in `year`, with its `fields` (value first)."""

    action: str
    key: str
    year: int
    fields: Mapping[str, object] = MappingProxyType({})

    @classmethod
    def add(cls, key: str, year: int, value: float, **fields) -> Change:
        return cls(ADD, key, year, _fields(value, fields))

    @classmethod
    def replace(cls, key: str, year: int, value: float, **fields) -> Change:
        return cls(REPLACE, key, year, _fields(value, fields))

    @classmethod
    def remove(cls, key: str, year: int) -> Change:
        return cls(REMOVE_ACTION, key, year)

    @property
    def value(self) -> float | None:
        value = self.fields.get("value")
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _fields(value: float, fields: Mapping[str, object]) -> Mapping[str, object]:
    """value first, then the other fields given, without those given as None."""
    return MappingProxyType({"value": value, **{k: v for k, v in fields.items() if v is not None}})


class Applied(NamedTuple):
    change: Change
    indicator: Indicator
    previous: Figure | None  # the observation replaced or removed; None for an addition


class Changed(NamedTuple):
    applied: tuple[Applied, ...]
    path: Path  # the file written (a link's target, when actuals.yaml is a link)


class Recorded(NamedTuple):
    indicator: Indicator
    year: int
    value: float
    previous: Figure | None  # the observation replaced (or removed), if any
    path: Path
    # a replacement without a new source or note keeps the replaced one's: which it kept
    kept_source: str = ""
    kept_note: str = ""


# A value this many times the previous level, or this fraction of it, is
# taken for a slip (a digit too many, 万 for 亿) unless the user insists.
SLIP_FACTOR = 10


def record_observation(
    folder: str | Path,
    metric: str,
    year: int,
    value_text: str,
    source: str | None = None,
    replace: bool = False,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
    data_status: str | None = None,
    recorded: str | None = None,
    note: str | None = None,
    force: bool = False,
) -> Recorded:
    """Record `value_text` (as a person types it: "7.76万", "82%") for
    `metric` (a key, name or unambiguous beginning) in `year`. With
    `replace`, an observation already there is overwritten, and kept in the
    new one's history (provenance.observation_fields). `data_status`
    ("preliminary" or "final") and `recorded` (a YYYY-MM-DD date) are
    written when given. A replacement without a new `source` or `note`
    keeps the replaced observation's (and says so in `kept_source`,
    `kept_note`). Refused unless `force`: a value typed with a multiplier
    that shrinks it (850万元 on a 亿元 indicator), and a value 10 times or
    more away from the level before it (check_slip). Always refused: an
    observation in the base year of an indicator whose baseline the plan
    states. Raises PlanError, UnknownIndicator or RecordError; writes
    nothing then."""
    folder = Path(folder)
    with _locked(folder, wait, on_wait):
        plan = _plan_of(folder)
        indicator = find_indicator(plan, metric)
        _check_year(plan, year)
        try:
            value = parse_quantity(value_text, indicator)
        except QuantityError as exc:
            raise RecordError(exc.message, exc.hint, param="value") from None
        _check_not_base_year(plan, indicator, year)
        if not force:
            _check_not_shrunk(value_text, value, indicator)
            check_slip(plan, indicator, year, value)
        previous = plan.observations_of(indicator.key).get(year)
        action = REPLACE if previous is not None and replace else ADD
        kept_source = previous.quote if action == REPLACE and previous and not source else ""
        kept_note = previous.note if action == REPLACE and previous and not note else ""
        fields = observation_fields(
            source or kept_source,
            data_status,
            recorded,
            previous if action == REPLACE else None,
            note=note or kept_note,
        )
        change = Change(action, indicator.key, year, _fields(value, fields))
        _check_shapes((change,))
        done = _apply_locked(folder, plan, (change,))
    return Recorded(indicator, year, value, previous, done.path, kept_source, kept_note)


def remove_observation(
    folder: str | Path,
    metric: str,
    year: int,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
) -> Recorded:
    """Remove the observation of `metric` in `year` from actuals.yaml, with
    the same safety as recording one (lock, read-back, one rename).
    `previous` of the result is the observation removed."""
    folder = Path(folder)
    with _locked(folder, wait, on_wait):
        plan = _plan_of(folder)
        indicator = find_indicator(plan, metric)
        _check_year(plan, year)
        change = Change.remove(indicator.key, year)
        done = _apply_locked(folder, plan, (change,))
    removed = done.applied[0].previous
    assert removed is not None  # _checked refuses to remove what is not there
    return Recorded(indicator, year, removed.value, removed, done.path)


def _check_not_base_year(plan: Plan, indicator: Indicator, year: int) -> None:
    """The plan states this indicator's base-year value: an observation of
    the same year would stand beside it and never be used."""
    stated = plan.baselines.get(indicator.key)
    if stated is not None and year == plan.info.base_year:
        raise RecordError(
            Msg("record_base_year", key=indicator.key, year=year, value=format_flow(stated.value)),
            Msg("hint_record_base_year", file=baseline_file(year)),
            param="year",
        )


def _check_not_shrunk(text: str, value: float, indicator: Indicator) -> None:
    """`850万元` on an indicator in 亿元 is 0.085: a multiplier smaller than the
    indicator's unit shrank the number typed, which is more often a slip
    than meant."""
    typed = number_as_typed(text)
    if typed is not None and abs(value) < abs(typed) * (1 - 1e-9):
        raise RecordError(
            Msg("record_shrunk", text=text, value=format_flow(value), unit=indicator.unit),
            Msg("hint_force"),
            param="value",
        )


def check_slip(plan: Plan, indicator: Indicator, year: int, value: float) -> None:
    """Refuse a value SLIP_FACTOR times or more away from the level before it:
    the latest observation of an earlier year, else the baseline, else the
    first later observation. Levels are compared, never typed yearly changes:
    for an indicator observed as yearly changes, a change of a % moves the
    chained level by (1 + a/100)."""
    if indicator.observed_as == "annual_change_percent":
        ratio = 1 + value / 100
        if ratio >= SLIP_FACTOR or 0 < ratio <= 1 / SLIP_FACTOR:
            raise RecordError(
                Msg(
                    "record_slip_change",
                    key=indicator.key,
                    value=format_flow(value),
                    ratio=format_flow(round(ratio, 2)),
                ),
                Msg("hint_force"),
                param="value",
            )
        return
    observed = plan.observations_of(indicator.key)
    earlier = [f for y, f in observed.items() if y < year]
    later = [f for y, f in observed.items() if y > year]
    baseline = plan.baselines.get(indicator.key)
    reference = earlier[-1] if earlier else baseline if baseline is not None else later[0] if later else None
    if reference is None or reference.value <= 0 or value <= 0:
        return
    ratio = value / reference.value
    if ratio >= SLIP_FACTOR or ratio <= 1 / SLIP_FACTOR:
        raise RecordError(
            Msg(
                "record_slip",
                key=indicator.key,
                year=year,
                value=format_flow(value),
                other=format_flow(reference.value),
                other_year=reference.year,
                unit=indicator.unit,
            ),
            Msg("hint_force"),
            param="value",
        )


def apply_changes(
    folder: str | Path,
    changes: Iterable[Change],
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
) -> Changed:
    """Apply every change of the batch to `folder`'s actuals.yaml in one
    atomic step, or none of them (see the module's documentation)."""
    folder = Path(folder)
    changes = tuple(changes)
    _check_shapes(changes)
    with _locked(folder, wait, on_wait):
        return _apply_locked(folder, _plan_of(folder), changes)


@contextmanager
def _locked(folder: Path, wait: float, on_wait: Callable[[str], None] | None):
    if not folder.is_dir():
        raise PlanError([Problem(Source(located(folder)), Msg("plan_folder_not_found"))])
    lock = folder_lock(folder, wait=wait, on_wait=on_wait)
    try:
        lock.__enter__()
    except LockError as exc:
        raise RecordError(exc.message, exc.hint) from None
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def _apply_locked(folder: Path, plan: Plan, changes: tuple[Change, ...]) -> Changed:
    applied = tuple(_checked(plan, change) for change in changes)
    path = _writable_target(folder)
    _remove_stale_temporaries(path)
    raw = path.read_bytes() if path.exists() else NEW_FILE_HEADER.encode("utf-8")
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")  # read_plan has just read it as UTF-8
    shown = located(folder / ACTUALS_FILE)
    try:
        new_text = edit(text, _merge(changes))
    except SpliceError as exc:
        raise RecordError(Msg("cannot_change_file", path=shown, error=str(exc))) from None
    expected = _expected(plan, changes)

    def check(temp: Path) -> None:
        # the whole plan, with the new file in place of the old: it must load, and hold what was asked
        checked, problems = read_plan(folder, actuals=temp)
        if problems or checked is None:
            raise RecordError(
                Msg("would_not_load", path=shown, problem=problems[0].message if problems else Msg("no_plan")),
                Msg("nothing_written"),
            )
        if _observed(checked) != expected or _notes(checked) != _notes(plan):
            raise RecordError(
                Msg("would_not_read_back_as_intended", path=shown),
                Msg("hint_report_bug"),
            )

    data = ("\ufeff" if bom else "").encode("utf-8") + new_text.encode("utf-8")
    try:
        write_atomic(path, data, check=check)
    except OSError as exc:
        raise RecordError(
            Msg("cannot_write", path=located(path), error=os_reason(exc)),
            Msg("hint_writable"),
        ) from None
    return Changed(applied, path)


def _plan_of(folder: str | Path) -> Plan:
    plan, problems = read_plan(folder)
    if problems or plan is None:
        raise PlanError(problems)
    return plan


def _check_shapes(changes: tuple[Change, ...]) -> None:
    """What can be checked without the plan: each change is well formed, and
    no (key, year) comes twice (the order within a batch would then matter)."""
    seen: set[tuple[str, int]] = set()
    for change in changes:
        if change.action not in ACTIONS:
            raise ValueError(f"unknown action {change.action!r}; one of {', '.join(ACTIONS)}")
        if (change.key, change.year) in seen:
            raise RecordError(Msg("changed_twice", key=change.key, year=change.year), param="year")
        seen.add((change.key, change.year))
        if change.action == REMOVE_ACTION:
            continue
        if change.value is None:
            raise RecordError(Msg("value_must_be_number", key=change.key, year=change.year), param="value")
        for name, field in change.fields.items():
            if not isinstance(name, str) or not name.isidentifier():
                raise RecordError(Msg("bad_field_name", name=name), param="value")
            try:
                format_flow(field)
            except SpliceError as exc:
                raise RecordError(
                    Msg("bad_field_value", key=change.key, year=change.year, name=name, error=str(exc)), param="value"
                ) from None
            hidden = next(filter(None, (FORBIDDEN_CHARACTERS.search(text) for text in _texts(field))), None)
            if hidden:
                problem = character_problem(hidden.group(), Source(""), escaped=True)
                bidi = getattr(problem.message, "key", "") == "bidi_character"
                raise RecordError(
                    Msg(
                        "field_holds_character",
                        name=name,
                        what=Msg("what_bidi_character" if bidi else "what_control_character"),
                        code=f"U+{ord(hidden.group()):04X}",
                    ),
                    problem.hint,
                    param="--source" if name == "source" else name,
                )


def _texts(value) -> Iterable[str]:
    """Every string in a field's value, nested ones included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def _checked(plan: Plan, change: Change) -> Applied:
    indicator = plan.indicators.get(change.key)
    if indicator is None:
        raise RecordError(Msg("metric_unknown", query=change.key), param="key")
    _check_year(plan, change.year)
    previous = plan.observations_of(change.key).get(change.year)
    if change.action == ADD and previous is not None:
        raise RecordError(
            Msg(
                "already_recorded",
                key=change.key,
                value=format_flow(previous.value),
                year=change.year,
                where=previous.where,
            ),
            Msg("hint_replace"),
        )
    if change.action != ADD and previous is None:
        raise RecordError(
            Msg("no_observation_to_change", key=change.key, year=change.year, action=change.action), param="year"
        )
    if change.value is not None:
        _check_possible(change.value, indicator)
    return Applied(change, indicator, previous)


def _check_year(plan: Plan, year: int) -> None:
    info = plan.info
    if not info.base_year <= year <= info.target_year:
        raise RecordError(Msg("year_outside", year=year, first=info.base_year, last=info.target_year), param="year")


def _check_possible(value: float, indicator: Indicator) -> None:
    if not math.isfinite(value):
        raise RecordError(Msg("not_finite", text=repr(value)), param="value")
    if not in_range(value):
        message, hint = range_problem(format_flow(value))
        raise RecordError(message, hint, param="value")
    if indicator.observed_as == "annual_change_percent":  # the year's change in percent, not a level
        if value <= -100:
            raise RecordError(Msg("change_leaves_nothing", key=indicator.key, value=format_flow(value)), param="value")
        return
    lowest, highest = indicator.lowest, indicator.highest  # the rule validate applies to the plan's files
    if value < lowest:
        raise RecordError(
            Msg("cannot_be_negative", key=indicator.key, value=format_flow(value), unit=indicator.unit), param="value"
        )
    if value > highest:
        raise RecordError(Msg("share_value_over_100", key=indicator.key, value=format_flow(value)), param="value")


def _writable_target(folder: Path) -> Path:
    """The file to replace: actuals.yaml, or the file inside the plan folder
    that its link leads to; refused when it is anything else."""
    path = folder / ACTUALS_FILE
    shown = located(folder / ACTUALS_FILE)  # the link's own name, not where it leads
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        inside = Path(os.path.realpath(folder))
        if inside not in target.parents:
            raise RecordError(
                Msg("link_outside", path=shown, target=os.readlink(path)),
                Msg("hint_link_outside", path=shown, target=str(target)),
            )
        path = target
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if path != folder / ACTUALS_FILE:
            raise RecordError(Msg("link_dangling", path=shown, target=str(path))) from None
        return path
    if not stat.S_ISREG(mode):
        raise RecordError(Msg("not_regular_file", path=shown), Msg("hint_not_regular_file"))
    if not os.access(path, os.W_OK) or not mode & 0o222:
        # The file is replaced by a rename, which a read-only file does not
        # stop (only its folder's permissions count), so read-only is honoured
        # here: whoever made the file read-only meant it not to change. The
        # mode bits are checked besides os.access, which grants root everything.
        raise RecordError(Msg("read_only", path=shown), Msg("hint_read_only"))
    return path


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of writers killed mid-write. Under the folder lock no
    other writer is running, so any that exist are abandoned."""
    for stale in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        try:
            stale.unlink()
        except OSError:
            pass


def _merge(changes: tuple[Change, ...]) -> Merge:
    by_key: dict[str, Merge] = {}
    for change in changes:
        if change.action == REMOVE_ACTION:
            entry: object = REMOVE
        elif list(change.fields) == ["value"]:
            entry = change.fields["value"]
        else:
            entry = dict(change.fields)
        by_key.setdefault(change.key, Merge())[str(change.year)] = entry
    return Merge(observations=Merge(by_key))


def _observed(plan: Plan) -> dict[str, dict[int, Figure]]:
    """The observations without where they were written (the lines move)."""
    return {
        key: {year: _unplaced(figure) for year, figure in by_year.items()}
        for key, by_year in plan.observations.items()
        if by_year
    }


NOWHERE = Source("")


def _unplaced(figure: Figure) -> Figure:
    """The figure as written in the file: without its place, and for an
    indicator observed as yearly changes the change as typed, not the level
    the loader chains from it."""
    if figure.change_percent is not None:
        figure = figure._replace(value=figure.change_percent, change_percent=None)
    return figure._replace(where=NOWHERE, quote_where=NOWHERE, history=tuple(_unplaced(old) for old in figure.history))


def _notes(plan: Plan) -> dict:
    return {key: {year: note.text for year, note in by_year.items()} for key, by_year in plan.notes.items()}


def _expected(plan: Plan, changes: tuple[Change, ...]) -> dict[str, dict[int, Figure]]:
    """The observations as they must read back once the batch is applied."""
    observed = {key: dict(by_year) for key, by_year in _observed(plan).items()}
    for change in changes:
        by_year = observed.setdefault(change.key, {})
        if change.action == REMOVE_ACTION:
            del by_year[change.year]
        else:
            by_year[change.year] = _figure_of(change.year, change.fields)
    return {key: dict(sorted(by_year.items())) for key, by_year in observed.items() if by_year}


def _figure_of(year: int, fields: Mapping) -> Figure:
    """The figure the loader makes of an entry with these fields."""
    upper = fields.get("upper")
    history = fields.get("history") or ()
    return Figure(
        year=year,
        value=float(fields["value"]),
        qualifier=fields.get("qualifier"),
        upper=float(upper) if isinstance(upper, (int, float)) else None,
        unit=str(fields.get("unit", "")),
        stated=str(fields.get("stated", "")),
        quote=str(fields.get("source", "")),
        note=str(fields.get("note", "")),
        note_en=str(fields.get("note_en", "")),
        where=NOWHERE,
        from_table=str(fields.get("from_table", "false")).lower() == "true",  # True is written `true`
        data_status=str(fields.get("data_status", FINAL)),
        recorded=str(fields.get("recorded", "")),
        history=tuple(_figure_of(year, old) for old in history if isinstance(old, Mapping)),
    )
