"""Citations checked against the source text a plan keeps beside its data.

Where plan.yaml names `source_file`, every `source` the plan's own files
quote (goals, tasks, baseline and target figures, milestones and earlier
versions of targets) must be an exact substring of that text, and a figure's
`stated` must appear in its `source` unless the figure says `from_table: true`
(a figure read from a table: its header plus its cell are not one phrase of
the text). Observation sources name bulletins, not sentences: free text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..i18n import Msg, os_reason
from .model import Figure, Plan, Target
from .problems import Problem, Source, located
from .yamlfile import read_limited


def check_citations(plan: Plan, folder: Path, plan_file: Path) -> list[Problem]:
    source_file = plan.info.source_file
    if not source_file:
        return []
    path = folder / source_file
    shown = located(path)
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
        raw = read_limited(path) if inside else b""
    except OSError as exc:
        return [Problem(Source(located(plan_file)), Msg("source_file_unreadable", file=shown, reason=os_reason(exc)))]
    if not inside:
        return [Problem(Source(located(plan_file)), Msg("source_file_outside", file=source_file))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(Source(shown), Msg("source_file_not_utf8"))]
    problems = []
    for what, quote, stated, from_table, where in _citations(plan):
        if quote not in text:
            problems.append(
                Problem(where, Msg("citation_not_in_source", what=what, file=source_file), _agrees_up_to(quote, text))
            )
        elif stated and not from_table and stated not in quote:
            problems.append(
                Problem(where, Msg("stated_not_in_source", what=what, stated=stated), Msg("hint_stated_not_in_source"))
            )
    return problems


def _citations(plan: Plan) -> Iterator[tuple[Msg, str, str, bool, Source]]:
    """(what, source, stated, from_table, where) of every quoted citation."""
    for goal in plan.goals:
        if goal.quote:
            yield Msg("what_goal", key=goal.key), goal.quote, "", True, goal.quote_where or goal.where
    for task in plan.tasks:
        if task.quote:
            yield Msg("what_task", key=task.key), task.quote, "", True, task.quote_where or task.where
    for key, figure in plan.baselines.items():
        yield from _figure(Msg("cited_baseline", key=key), figure)
    for key, target in plan.targets.items():
        for version in (*target.previous, target):
            yield from _figure(Msg("cited_target", key=key, year=version.year), version)
    for key, by_year in plan.milestones.items():
        for milestone in by_year.values():
            yield from _figure(Msg("cited_target", key=key, year=milestone.year), milestone)


def _figure(what: Msg, figure: Figure | Target) -> Iterator[tuple[Msg, str, str, bool, Source]]:
    if figure.quote and figure.where.file:  # a figure jmplan made (an index of 100) quotes nothing
        yield what, figure.quote, figure.stated, figure.from_table, figure.quote_where or figure.where


def _agrees_up_to(quote: str, text: str) -> Msg:
    """A hint that shows where the quote stops matching the text: the longest
    beginning of it that the text contains (found by bisection: a beginning
    that is in the text has every shorter beginning in it too)."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return Msg("hint_citation_nowhere")
    return Msg("hint_citation_differs", agreed=quote[max(0, low - 20) : low], rest=quote[low : low + 20])
