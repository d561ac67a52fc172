"""The fields an observation is written with: its value and where it stands
(source, data_status, recorded), and, when it replaces another, that one
kept in its `history:` so the change from a preliminary to a final figure
stays visible. Shared by `record` and `import`."""

from __future__ import annotations

import datetime

from ..plan.model import FINAL, Figure


def plain(value: float) -> float | int:
    """850.0 -> 850, so that the YAML file reads as a person would write it."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def history_entry(figure: Figure) -> dict[str, object]:
    """A replaced figure as the `history:` of the one replacing it keeps it."""
    entry: dict[str, object] = {"value": plain(figure.value)}
    if figure.quote:
        entry["source"] = figure.quote
    entry["data_status"] = figure.data_status
    if figure.recorded:
        entry["recorded"] = figure.recorded
    return entry


def observation_fields(
    source: str | None = None,
    data_status: str | None = None,
    recorded: str | None = None,
    previous: Figure | None = None,
    today: datetime.date | None = None,
    note: str | None = None,
) -> dict[str, object]:
    """The fields after `value` for a new or replacing observation. A
    replacement is dated (today unless `recorded` says otherwise), states
    its data_status, and keeps `previous` (with its own history) in history."""
    fields: dict[str, object] = {}
    if source:
        fields["source"] = source
    if note:
        fields["note"] = note
    if data_status is not None and (data_status != FINAL or previous is not None):
        fields["data_status"] = data_status
    elif previous is not None:
        fields["data_status"] = FINAL
    if recorded is None and previous is not None:
        recorded = (today or datetime.date.today()).isoformat()
    if recorded:
        fields["recorded"] = recorded
    if previous is not None:
        fields["history"] = [*map(history_entry, previous.history), history_entry(previous)]
    return fields
