"""Checks that need more than one field or file. Each returns a list of
problems; `check_plan` runs them all so the user sees every problem at once."""

from __future__ import annotations

from .fields import did_you_mean
from .model import Figure, Plan
from .problems import Problem


def check_plan(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for check in (check_defined, check_years, check_units, check_ranges, check_notes):
        problems.extend(check(plan))
    return problems


def _all_figures(plan: Plan):
    """(indicator key, figure, what) for every figure of the plan."""
    for key, figure in plan.baselines.items():
        yield key, figure, "baseline"
    for key, figure in plan.targets.items():
        yield key, figure, "target"
    for key, by_year in plan.observations.items():
        for figure in by_year.values():
            yield key, figure, f"observation for {figure.year}"


def check_defined(plan: Plan) -> list[Problem]:
    """Every figure belongs to an indicator that plan.yaml defines."""
    problems = []
    reported = set()
    for key, figure, what in _all_figures(plan):
        if key in plan.indicators or (key, figure.where.file) in reported:
            continue
        reported.add((key, figure.where.file))
        problems.append(Problem(figure.where, f"{what} for {key!r}, which plan.yaml does not define",
                                did_you_mean(key, plan.indicators) or "add it under `indicators:` in plan.yaml"))
    return problems


def check_years(plan: Plan) -> list[Problem]:
    """Observations fall within the plan's years."""
    first, last = plan.info.base_year, plan.info.target_year
    return [Problem(figure.where, f"observation for {key!r} in {figure.year}, outside the plan's years "
                                  f"{first}–{last}", f"use a year from {first} to {last}")
            for key, by_year in plan.observations.items() for figure in by_year.values()
            if not first <= figure.year <= last]


def check_units(plan: Plan) -> list[Problem]:
    """A unit written beside a figure must be the indicator's own."""
    problems = []
    for key, figure, what in _all_figures(plan):
        indicator = plan.indicators.get(key)
        if indicator and figure.unit and figure.unit not in (indicator.unit, indicator.unit_zh, indicator.unit_en):
            problems.append(Problem(figure.where, f"the {what} of {key!r} is in {figure.unit!r}, but the "
                                                  f"indicator is measured in {indicator.unit!r}",
                                    f"convert the value to {indicator.unit} or fix the unit in plan.yaml"))
    return problems


def check_ranges(plan: Plan) -> list[Problem]:
    """Values that cannot be: a negative level, a share outside 0–100 %."""
    problems = []
    for key, figure, what in _all_figures(plan):
        indicator = plan.indicators.get(key)
        if indicator is None:
            continue
        for value in _values(figure):
            if value < 0 and (indicator.growth_model == "compound" or indicator.is_percent):
                problems.append(Problem(figure.where, f"the {what} of {key!r} is negative ({value:g}), "
                                                      f"which a {indicator.growth_model} level in "
                                                      f"{indicator.unit} cannot be",
                                        "check the sign; a decrease is set with `direction: decrease`"))
            elif indicator.is_percent and value > 100:
                problems.append(Problem(figure.where, f"the {what} of {key!r} is {value:g} %, over 100 %",
                                        "a share in % lies between 0 and 100; for other ratios use another unit"))
    return problems


def _values(figure: Figure):
    yield figure.value
    if figure.upper is not None:
        yield figure.upper


def check_notes(plan: Plan) -> list[Problem]:
    """Notes belong to a goal, task or indicator of the plan."""
    known = set(plan.indicators) | {g.key for g in plan.goals} | {t.key for t in plan.tasks}
    problems = []
    for key, by_year in plan.notes.items():
        if key not in known and by_year:
            first = next(iter(by_year.values()))
            problems.append(Problem(first.where, f"note for {key!r}, which is no goal, task or indicator of the plan",
                                    did_you_mean(key, known)))
    return problems
