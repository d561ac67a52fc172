"""Checks that need more than one field or file. Each returns a list of
problems; `check_plan` runs them all so the user sees every problem at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .common import COMMON
from .fields import did_you_mean
from .model import Figure, Indicator, Plan, Target
from .problems import Problem
from .units import unit_factor


def check_plan(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for check in (check_figures, check_years, check_notes, check_same_as):
        problems.extend(check(plan))
    return problems


def _figure_groups(plan: Plan) -> Iterator[tuple[str, str, Iterable[Figure | Target]]]:
    """(indicator key, kind, figures) for the baseline, the target and the
    observations of each key: grouped, so each indicator is looked up once."""
    for key, figure in plan.baselines.items():
        yield key, "baseline", (figure,)
    for key, target in plan.targets.items():
        yield key, "target", (target,)
    for key, milestones in plan.milestones.items():
        yield key, "milestone", milestones.values()
    for key, by_year in plan.observations.items():
        yield key, "observation", by_year.values()


def _what(kind: str, figure: Figure | Target) -> str:
    return f"{kind} for {figure.year}" if kind in ("observation", "milestone") else kind


def check_figures(plan: Plan) -> list[Problem]:
    """Every figure belongs to an indicator that plan.yaml defines, is in the
    indicator's unit when it names one, and has a value the indicator can take.
    One pass over the figures: on a large plan they number in the 100,000s."""
    problems = []
    undefined_reported = set()
    for key, kind, figures in _figure_groups(plan):
        indicator = plan.indicators.get(key)
        if indicator is None:
            for figure in figures:
                if (key, figure.where.file) not in undefined_reported:
                    undefined_reported.add((key, figure.where.file))
                    problems.append(
                        Problem(
                            figure.where,
                            f"{_what(kind, figure)} for {key!r}, which plan.yaml does not define",
                            did_you_mean(key, plan.indicators) or "add it under `indicators:` in plan.yaml",
                        )
                    )
            continue
        units = (indicator.unit, indicator.unit_zh, indicator.unit_en)
        # a compound level (its growth rate is a ratio) and a share cannot be negative
        lowest, highest = indicator.lowest, indicator.highest
        for figure in figures:
            if figure.unit and figure.unit not in units:
                problems.append(
                    Problem(
                        figure.where,
                        f"the {_what(kind, figure)} of {key!r} is in {figure.unit!r}, "
                        f"but the indicator is measured in {indicator.unit!r}",
                        f"convert the value to {indicator.unit} or fix the unit in plan.yaml",
                    )
                )
            if not lowest <= figure.value <= highest or figure.upper is not None:
                problems.extend(_range_problems(figure, _what(kind, figure), indicator, lowest, highest))
    return problems


def _range_problems(
    figure: Figure | Target, what: str, indicator: Indicator, lowest: float, highest: float
) -> list[Problem]:
    """Why the value (or the range's ends) of a figure outside [lowest, highest] cannot be."""
    problems = []
    key = indicator.key
    for value in (figure.value,) if figure.upper is None else (figure.value, figure.upper):
        if value < lowest:
            why = (
                "a share in % cannot be negative"
                if indicator.is_percent
                else "a compound indicator cannot be negative (its growth rate compares levels)"
            )
            problems.append(
                Problem(
                    figure.where,
                    f"the {what} of {key!r} is {value:g}: {why}",
                    "check the sign; a decrease is set with `direction: decrease`",
                )
            )
        elif value > highest:
            problems.append(
                Problem(
                    figure.where,
                    f"the {what} of {key!r} is {value:g} %, over 100 %",
                    "a share in % lies between 0 and 100; for other ratios use another unit",
                )
            )
    return problems


def check_years(plan: Plan) -> list[Problem]:
    """Observations fall within the plan's years."""
    first, last = plan.info.base_year, plan.info.target_year
    return [
        Problem(
            figure.where,
            f"observation for {key!r} in {figure.year}, outside the plan's years {first}–{last}",
            f"use a year from {first} to {last}",
        )
        for key, by_year in plan.observations.items()
        for figure in by_year.values()
        if not first <= figure.year <= last
    ]


def check_notes(plan: Plan) -> list[Problem]:
    """Notes belong to a goal, task or indicator of the plan."""
    known = set(plan.indicators) | {g.key for g in plan.goals} | {t.key for t in plan.tasks}
    problems = []
    for key, by_year in plan.notes.items():
        if key not in known and by_year:
            first = next(iter(by_year.values()))
            problems.append(
                Problem(
                    first.where,
                    f"note for {key!r}, which is no goal, task or indicator of the plan",
                    did_you_mean(key, sorted(known)),
                )
            )
    return problems


def check_same_as(plan: Plan) -> list[Problem]:
    """`same_as:` names a key of the common list, in a unit that converts to
    the common indicator's; no two indicators of one plan are the same one;
    the plan's `common:` additions do not redefine jmplan's own keys."""
    problems = []
    for entry in plan.common.values():
        if entry.key in COMMON:
            problems.append(
                Problem(
                    entry.where,
                    f"common indicator {entry.key!r} is already in jmplan's common list",
                    "use it as it is (`same_as: " + entry.key + "`), or give yours another key",
                )
            )
    known = {**plan.common, **COMMON}
    claimed: dict[str, Indicator] = {}
    for indicator in plan.indicators.values():
        key = indicator.compare_key
        if indicator.same_as:
            common = known.get(key)
            if common is None:
                problems.append(
                    Problem(
                        indicator.same_as_where,
                        f"same_as: {key!r} is not a key of the common list",
                        did_you_mean(key, known)
                        or "see the README's list of common indicators, or add yours under `common:` in plan.yaml",
                    )
                )
                continue
            if unit_factor(indicator.unit, common.unit) is None:
                problems.append(
                    Problem(
                        indicator.same_as_where,
                        f"{indicator.key!r} is measured in {indicator.unit!r}, which does not convert to "
                        f"{common.unit!r}, the unit of common indicator {key!r}",
                        f"same_as joins indicators that measure the same thing: give {indicator.key!r} "
                        f"{common.unit!r} or a multiple of it (万, 亿; k, M, G, T for rates), or remove same_as",
                    )
                )
        other = claimed.get(key)
        if other is not None:
            problems.append(
                Problem(
                    indicator.same_as_where if indicator.same_as else indicator.where,
                    f"{indicator.key!r} and {other.key!r} would both be compared as {key!r}",
                    "one indicator of a plan stands for a common indicator; remove one same_as",
                )
            )
        else:
            claimed[key] = indicator
    return problems
