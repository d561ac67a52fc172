"""Plan + observations + year -> one assessment per indicator.

This is where the plan's data meets calc.py's formulas: it picks the
effective baseline, the latest value up to the year asked for, and the
target, and computes everything the reports show. Nothing here formats.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

from ..plan.kinds import GrowthModel
from ..plan.model import Figure, Goal, Indicator, Note, Plan, Target
from ..plan.targets import meets_bound
from ..plan.tuples import NamedTuple
from . import calc
from .calc import Status

Method = Literal["time", "eurostat"]
TIME: Final = "time"  # method 1: completion against time progress
EUROSTAT: Final = "eurostat"  # method 2: actual against required growth rate
METHODS: tuple[Method, ...] = (TIME, EUROSTAT)
OFF_COURSE = {
    calc.NOT_ACHIEVED,
    calc.BEHIND,
    calc.MOVING_AWAY,
    calc.INSUFFICIENT,
    calc.MOVEMENT_AWAY,
    calc.MODERATE_MOVEMENT_AWAY,
    calc.SIGNIFICANT_MOVEMENT_AWAY,
}


# Statuses from the most to the least in need of attention, so that every
# summary lists them in the same order: what is off course first, then what
# is on course, then what cannot be judged. Each method uses its own subset.
SEVERITY = (
    calc.NOT_ACHIEVED,
    calc.MOVING_AWAY,
    calc.MOVEMENT_AWAY,
    calc.SIGNIFICANT_MOVEMENT_AWAY,
    calc.BEHIND,
    calc.INSUFFICIENT,
    calc.MODERATE_MOVEMENT_AWAY,
    calc.ON_TRACK,
    calc.MODERATE,
    calc.MODERATE_PROGRESS,
    calc.AHEAD,
    calc.SIGNIFICANT,
    calc.SIGNIFICANT_PROGRESS,
    calc.ACHIEVED,
    calc.NO_TARGET,
    calc.NO_DATA,
    calc.QUALITATIVE,
)
_RANK = {status: rank for rank, status in enumerate(SEVERITY)}


class Leg(NamedTuple):
    """What it takes to go from one point to the target."""

    start: Figure
    gap: float
    relative_gap: float | None
    required_growth: float | None  # fraction per year, compound
    required_change: float | None  # unit per year, linear
    undefined_reason: str | None  # why required_growth is None
    # A start stated as a lower bound ("over 700") is really higher, so an
    # increase needs at most the computed growth, a decrease at least it.
    bound: str | None
    target: Target
    growth_model: GrowthModel
    milestones: tuple[Target, ...] = ()  # the milestones after the start, years ascending

    def trajectory(self) -> list[tuple[int, float]]:
        """The required path, year by year, from the start through each
        milestone to the target. Computed when asked: only the detailed views show it."""
        return calc.path_trajectory(self.points, self.growth_model)

    @property
    def points(self) -> list[tuple[int, float]]:
        """The path's fixed points: the start, each milestone, the target."""
        return (
            [(self.start.year, self.start.value)]
            + [(m.year, m.value) for m in self.milestones]
            + [(self.target.year, self.target.value)]
        )


class Assessment(NamedTuple):
    indicator: Indicator
    baseline: Figure | None  # the effective baseline
    baseline_observed: bool  # True when the plan states none and an observation stands in
    latest: Figure | None  # latest observation up to the year, else the baseline
    target: Target | None  # the version in force for the assessed year
    observations: tuple[Figure, ...]  # up to the year asked for
    from_baseline: Leg | None
    from_latest: Leg | None
    progress: calc.TimeProgress
    growth_ratio: calc.GrowthRatio | None
    projection: calc.Projection | None
    milestones: tuple[Target, ...] = ()  # in force, years ascending
    replaced: tuple[Target, ...] = ()  # the earlier versions of the target that the one in force replaced
    # the target year, when it has been asked for (--year) but has no observation yet: the final verdict waits for it
    verdict_awaits: int | None = None
    notes: tuple[Note, ...] = ()  # the indicator's notes up to the year asked for (notes_up_to)

    def to_next_milestone(self) -> Leg | None:
        """What it takes to go from the latest value to the next milestone (None when none is left)."""
        milestone = self.next_milestone
        if milestone is None or self.latest is None:
            return None
        return _leg(self.latest, milestone, self.indicator)

    @property
    def next_milestone(self) -> Target | None:
        """The first milestone after the latest value (the target when none is left)."""
        after = self.latest.year if self.latest is not None else None
        for milestone in self.milestones:
            if after is None or milestone.year > after:
                return milestone
        return None

    @property
    def status(self) -> Status:
        return self.progress.status

    def status_for(self, method: str) -> Status:
        """The status under method 1 ("time") or method 2 ("eurostat").
        Method 2 needs an observation after the baseline; until then both
        methods agree (achieved, no_target, no_data)."""
        if method == EUROSTAT and self.growth_ratio is not None:
            return self.growth_ratio.status
        return self.progress.status

    def status_reason(self, method: str) -> str | None:
        """Why the status is no_data, or its ratio undefined, under `method`
        (None when there is nothing to explain)."""
        if method == EUROSTAT and self.growth_ratio is not None:
            return self.growth_ratio.reason
        return self.progress.reason

    def ratio_for(self, method: str) -> float | None:
        """r = completion / expected (time) or R = g_act / g_req (eurostat)."""
        if method == EUROSTAT:
            return self.growth_ratio.ratio if self.growth_ratio else None
        return self.progress.ratio

    def is_off_course(self, method: str) -> bool:
        """Behind or moving away: what `status --check` alerts on."""
        return self.status_for(method) in OFF_COURSE

    @property
    def key(self) -> str:
        return self.indicator.key

    @property
    def has_observation(self) -> bool:
        return self.latest is not None and self.latest is not self.baseline


class PlanAssessment(NamedTuple):
    plan: Plan
    year: int | None  # the year asked for (None: the latest there is)
    rows: tuple[Assessment, ...]
    goals: tuple[Goal, ...]
    tasks: tuple[Goal, ...]

    def notes_for(self, key: str) -> tuple[Note, ...]:
        """The notes of a goal, task or indicator up to the year asked for."""
        return notes_up_to(self.plan, key, self.year)

    def only(self, keys: Iterable[str]) -> PlanAssessment:
        """The assessment of the indicators in `keys` alone, without the
        goals and tasks (which no department owns)."""
        wanted = set(keys)
        return self._replace(rows=tuple(row for row in self.rows if row.key in wanted), goals=(), tasks=())

    def counts(self, method: str = TIME) -> dict[str, int]:
        """How many indicators have each status, most severe first (SEVERITY)."""
        counts: dict[str, int] = {}
        for row in self.rows:
            status = row.status_for(method)
            counts[status] = counts.get(status, 0) + 1
        # every status has a rank (tests/test_statuses.py holds that)
        return {status: counts[status] for status in sorted(counts, key=_RANK.__getitem__)}


def notes_up_to(plan: Plan, key: str, year: int | None) -> tuple[Note, ...]:
    """The notes recorded for `key` (a goal, task or indicator) up to `year`,
    years ascending: the one place `--year` filters notes, so that every
    output shows the same ones."""
    notes = plan.notes.get(key)
    if not notes:  # most keys have none: no generator set up for them
        return ()
    return tuple(note for y, note in notes.items() if year is None or y <= year)


def assess_plan(plan: Plan, year: int | None = None) -> PlanAssessment:
    """Assess every indicator with the observations up to `year`."""
    rows = tuple(assess_indicator(plan, indicator, year) for indicator in plan.indicators.values())
    return PlanAssessment(plan, year, rows, plan.goals, plan.tasks)


def _up_to(by_year: dict[int, Figure] | None, year: int | None) -> tuple[Figure, ...]:
    """The figures of `by_year` (years ascending) up to `year`; all of them when `year` is None."""
    if not by_year:
        return ()
    if year is None:  # the usual run: every figure, taken whole rather than tested one by one
        return tuple(by_year.values())
    return tuple(f for y, f in by_year.items() if y <= year)


def _after(observed: tuple[Figure, ...], baseline: Figure) -> tuple[Figure, ...]:
    """The observations (years ascending) from the baseline's year on, the
    baseline itself left out when an observation stands in for it. They are
    the end of `observed`: found by dropping from its start (none, or the one
    standing in, in a plan as loaded) rather than by testing every one."""
    later = observed
    while later and (later[0].year < baseline.year or later[0] is baseline):
        later = later[1:]
    return later


def _milestones(
    by_year: dict[int, Target] | None, assessed: int | None, baseline: Figure | None, target: Target | None
) -> tuple[Target, ...]:
    """The milestones between the baseline's year and the target's, each in the version in force in `assessed`."""
    if not by_year or baseline is None or target is None:  # most indicators have none
        return ()
    return tuple(m.in_force(assessed) for y, m in by_year.items() if baseline.year < y < target.year)


def assess_indicator(plan: Plan, indicator: Indicator, year: int | None = None) -> Assessment:
    key = indicator.key
    observed = _up_to(plan.observations.get(key), year)
    stated = plan.baselines.get(key)
    baseline = stated or (observed[0] if observed else None)
    later = _after(observed, baseline) if baseline is not None else ()
    latest = later[-1] if later else baseline
    # the assessed year picks the version of a revised target: --year, else the latest observation's year
    assessed = year if year is not None else (later[-1].year if later else None)
    written = plan.targets.get(key)
    target = written.in_force(assessed) if written else None
    replaced = written.replaced(target) if written and target else ()
    milestones = _milestones(plan.milestones.get(key), assessed, baseline, target)

    from_baseline = _leg(baseline, target, indicator, milestones) if baseline and target else None
    from_latest = (
        _leg(latest, target, indicator, tuple(m for m in milestones if m.year > latest.year) if milestones else ())
        if latest and target
        else None
    )

    info = plan.info
    tolerance = info.thresholds.about
    met = meets_bound(latest.value, target.value, target.bound, tolerance) if latest and target else None
    final = target is not None and latest is not None and latest is not baseline and latest.year >= target.year
    awaits = (
        target.year
        if target is not None and year is not None and year >= target.year and not final and baseline is not None
        else None
    )
    path_now = None
    if milestones and from_baseline and latest is not None:
        path_now = calc.path_value(from_baseline.points, indicator.growth_model, latest.year)
    if baseline is None or latest is None:
        progress = calc.TimeProgress(calc.NO_DATA, reason=calc.NOTHING_OBSERVED)
    elif target is None:
        progress = calc.TimeProgress(calc.NO_TARGET)
    elif final:
        progress = calc.TimeProgress(
            calc.verdict(bool(met)), calc.completion(latest.value, baseline.value, target.value)
        )
    else:
        progress = calc.time_progress(
            baseline.value,
            latest.value,
            latest.year - baseline.year,
            target.value,
            target.year - baseline.year,
            indicator.growth_model,
            indicator.sign,
            info.thresholds.ahead,
            info.thresholds.on_track,
            met=met,
            path_now=path_now,
        )

    growth_ratio = projection = None
    if baseline is not None and latest is not None and latest is not baseline:
        k = latest.year - baseline.year
        n = (target.year if target else info.target_year) - baseline.year
        required = None
        if path_now is not None and k > 0:
            required = (path_now / baseline.value) ** (1 / k) - 1 if baseline.value > 0 and path_now > 0 else None
        elif target is not None and target.form == "annual_growth_percent" and baseline.year == info.base_year:
            required = target.amount / 100  # the plan's own rate: g_req = a / 100
        if final and target is not None:
            growth_ratio = calc.GrowthRatio(
                calc.verdict(bool(met)), None, calc.actual_growth(baseline.value, latest.value, k)
            )
        else:
            growth_ratio = calc.eurostat(
                baseline.value,
                latest.value,
                k,
                target.value if target else None,
                n,
                indicator.sign,
                met=met,
                required=required,
            )
        if target is not None:
            points = [(baseline.year, baseline.value)] + [(f.year, f.value) for f in later]
            projection = calc.projection(
                points,
                target.value,
                target.year,
                indicator.growth_model,
                indicator.sign,
                indicator.lowest,
                indicator.highest,
            )
    return Assessment(
        indicator,
        baseline,
        stated is None and baseline is not None,
        latest,
        target,
        observed,
        from_baseline,
        from_latest,
        progress,
        growth_ratio,
        projection,
        milestones,
        replaced,
        awaits,
        notes_up_to(plan, key, year),
    )


def _leg(start: Figure, target: Target, indicator: Indicator, milestones: tuple[Target, ...] = ()) -> Leg:
    years = target.year - start.year
    x, level = start.value, target.value
    # Positional: a plan makes two legs per indicator, and a NamedTuple takes
    # keywords at twice the cost. The order is Leg's fields'.
    return Leg(
        start,
        calc.gap(x, level),
        calc.relative_gap(x, level),
        calc.required_growth(x, level, years),
        calc.required_change(x, level, years),
        calc.compound_rate_undefined(x, level, years),  # undefined_reason
        ("at_most" if indicator.sign > 0 else "at_least") if start.is_lower_bound else None,  # bound
        target,
        indicator.growth_model,
        milestones,
    )
