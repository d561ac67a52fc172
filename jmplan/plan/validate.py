"""Checks that need more than one field or file. Each returns a list of
problems; `check_plan` runs them all so the user sees every problem at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..i18n import Msg
from .common import COMMON
from .fields import did_you_mean
from .model import Figure, Indicator, Plan, Target
from .problems import Problem
from .units import unit_factor


def check_plan(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for check in (check_figures, check_years, check_notes, check_same_as, check_milestones):
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


def _what(kind: str, figure: Figure | Target) -> Msg:
    if kind in ("observation", "milestone"):
        return Msg(f"what_{kind}_in", year=figure.year)
    return Msg("what_" + kind)


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
                            Msg("figure_for_undefined", what=_what(kind, figure), key=key),
                            did_you_mean(key, plan.indicators) or Msg("hint_add_indicator"),
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
                        Msg(
                            "figure_unit_mismatch",
                            what=_what(kind, figure),
                            key=key,
                            unit=figure.unit,
                            expected=indicator.unit,
                        ),
                        Msg("hint_convert_unit", unit=indicator.unit),
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
            why = Msg("why_share_negative") if indicator.is_percent else Msg("why_compound_negative")
            problems.append(
                Problem(
                    figure.where,
                    Msg("figure_negative", what=what, key=key, value=f"{value:g}", why=why),
                    Msg("hint_check_sign"),
                )
            )
        elif value > highest:
            problems.append(
                Problem(
                    figure.where,
                    Msg("share_over_100", what=what, key=key, value=f"{value:g}"),
                    Msg("hint_share_range"),
                )
            )
    return problems


def check_milestones(plan: Plan) -> list[Problem]:
    """A milestone leads to a target: one for an indicator without a target would never be used."""
    problems = []
    for key, by_year in plan.milestones.items():
        if key not in plan.indicators or not by_year:
            continue  # an undefined key is reported by check_figures
        first = next(iter(by_year.values()))
        if key not in plan.targets:
            problems.append(
                Problem(first.where, Msg("milestone_without_target", key=key), Msg("hint_milestone_without_target"))
            )
    return problems


def check_years(plan: Plan) -> list[Problem]:
    """Observations fall within the plan's years."""
    first, last = plan.info.base_year, plan.info.target_year
    return [
        Problem(
            figure.where,
            Msg("observation_outside_years", key=key, year=figure.year, first=first, last=last),
            Msg("hint_year_range", first=first, last=last),
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
                    Msg("note_for_unknown", key=key),
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
                    Msg("common_redefined", key=entry.key),
                    Msg("hint_common_redefined", key=entry.key),
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
                        Msg("same_as_unknown", key=key),
                        did_you_mean(key, known) or Msg("hint_same_as_unknown"),
                    )
                )
                continue
            if unit_factor(indicator.unit, common.unit) is None:
                problems.append(
                    Problem(
                        indicator.same_as_where,
                        Msg(
                            "same_as_unit", key=indicator.key, unit=indicator.unit, common_unit=common.unit, common=key
                        ),
                        Msg("hint_same_as_unit", key=indicator.key, common_unit=common.unit),
                    )
                )
        other = claimed.get(key)
        if other is not None:
            problems.append(
                Problem(
                    indicator.same_as_where if indicator.same_as else indicator.where,
                    Msg("same_as_twice", key=indicator.key, other=other.key, common=key),
                    Msg("hint_same_as_twice"),
                )
            )
        else:
            claimed[key] = indicator
    return problems
