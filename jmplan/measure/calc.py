"""Pure arithmetic of progress towards a target, as ../docs/methods.md defines it.

No I/O and no plan objects: numbers in, numbers out, so each formula can be
checked against the worked cases on its own. Notation follows methods.md:
b base value, x latest value in year t, target in year T, k = t - t0,
n = T - t0, d = +1 (more is better) or -1 (less is better).
"""

from __future__ import annotations

import functools
import math
from typing import Final, Literal

from ..plan.kinds import COMPOUND, GrowthModel
from ..plan.kinds import LINEAR as LINEAR  # re-exported: the formulas are read with both models in view
from ..plan.tuples import NamedTuple

# Every status an indicator can have, by either method. Code compares with
# the constants below, never with the words typed again.
Status = Literal[
    "achieved",
    "ahead",
    "on_track",
    "behind",
    "moving_away",
    "not_achieved",
    "no_target",
    "no_data",
    "qualitative",
    "significant",
    "moderate",
    "insufficient",
    "movement_away",
    "significant_progress",
    "moderate_progress",
    "moderate_movement_away",
    "significant_movement_away",
]

# Method 1 statuses (time progress)
ACHIEVED: Final = "achieved"
AHEAD: Final = "ahead"
ON_TRACK: Final = "on_track"
BEHIND: Final = "behind"
MOVING_AWAY: Final = "moving_away"
# the final verdict, at or after the target year (both methods): ACHIEVED or
NOT_ACHIEVED: Final = "not_achieved"
NO_TARGET: Final = "no_target"
NO_DATA: Final = "no_data"
QUALITATIVE: Final = "qualitative"

# Method 2 classes (Eurostat)
SIGNIFICANT: Final = "significant"
MODERATE: Final = "moderate"
INSUFFICIENT: Final = "insufficient"
MOVEMENT_AWAY: Final = "movement_away"
SIGNIFICANT_PROGRESS: Final = "significant_progress"
MODERATE_PROGRESS: Final = "moderate_progress"
MODERATE_MOVEMENT_AWAY: Final = "moderate_movement_away"
SIGNIFICANT_MOVEMENT_AWAY: Final = "significant_movement_away"


# Ratios and rates are compared with their bounds after rounding to this many
# decimals: 18 % done of 20 % expected is 0.9 exactly, but 0.18 / 0.2 in
# binary floating point is 0.8999999999999999, which would read as "behind".
# Nine decimals sit far above float noise (~1e-15) and far below any
# difference a plan's bounds could mean.
COMPARE_DECIMALS = 9


def settled(value: float) -> float:
    """`value` as compared with a status bound: rounded to COMPARE_DECIMALS."""
    return round(value, COMPARE_DECIMALS)


def meets(value: float, target: float, sign: int) -> bool:
    """Whether `value` reaches `target` in the direction d = sign."""
    return sign * (value - target) >= 0


def gap(x: float, target: float) -> float:
    """target - x, in the indicator's unit (percentage points for %)."""
    return target - x


def relative_gap(x: float, target: float) -> float | None:
    return None if x == 0 else (target - x) / x


def compound_rate_undefined(x: float, target: float, years: int) -> str | None:
    """Why a compound rate from x to target over `years` cannot be computed."""
    if years <= 0:
        return "the target year has been reached"
    if x <= 0:
        return "the starting value is not positive"
    if target <= 0:
        return "the target is not positive"
    return None


def required_growth(x: float, target: float, years: int) -> float | None:
    """Required compound annual growth: (target / x) ** (1 / years) - 1."""
    if compound_rate_undefined(x, target, years):
        return None
    return math.pow(target / x, 1 / years) - 1  # math.pow: a float, never the complex `**` may give


def required_change(x: float, target: float, years: int) -> float | None:
    """Required linear change per year: (target - x) / years."""
    return None if years <= 0 else (target - x) / years


def trajectory(x: float, t: int, target: float, T: int, model: GrowthModel) -> list[tuple[int, float]]:
    """The required path from (t, x) to (T, target), one point a year, both
    ends included. It ends exactly on the target. Compound paths that are
    undefined (non-positive ends) fall back to linear."""
    if T <= t:
        return [(t, x)]
    n = T - t
    rate = required_growth(x, target, n) if model == COMPOUND else None
    points = []
    for i in range(n):
        value = x * (1 + rate) ** i if rate is not None else x + (target - x) * i / n
        points.append((t + i, value))
    points.append((T, target))  # exactly, not x * (1+g)**n with its rounding error
    return points


def path_trajectory(points: list[tuple[int, float]], model: GrowthModel) -> list[tuple[int, float]]:
    """The required path through `points` ((year, value), years ascending: the
    start, each milestone, the target), one point a year, on the growth model
    within each segment. It passes exactly through every point."""
    path = [points[0]]
    for (t, x), (t_next, x_next) in zip(points, points[1:]):
        path.extend(trajectory(x, t, x_next, t_next, model)[1:])
    return path


def path_value(points: list[tuple[int, float]], model: GrowthModel, year: int) -> float:
    """path(t): the required path's value in `year` (the last point's value after it)."""
    if year <= points[0][0]:
        return points[0][1]
    for (t, x), (t_next, x_next) in zip(points, points[1:]):
        if year <= t_next:
            if year == t_next:
                return x_next
            rate = required_growth(x, x_next, t_next - t) if model == COMPOUND else None
            if rate is not None:
                return x * (1 + rate) ** (year - t)
            return x + (x_next - x) * (year - t) / (t_next - t)
    return points[-1][1]


def completion(x: float, b: float, target: float) -> float | None:
    """c = (x - b) / (target - b): the share of the way covered."""
    return None if target == b else (x - b) / (target - b)


def expected_share(k: int, n: int, model: GrowthModel, b: float, target: float) -> float:
    """e: the share of (target - b) the required path from b covers after k years.

    Linear: k / n, the plain time progress. Compound: ((1+g)**k - 1) / ((1+g)**n - 1),
    so that growing at exactly the required rate is on track. Past the target
    year the whole way is expected (e = 1).
    """
    k = min(k, n)
    if model == COMPOUND and required_growth(b, target, n) not in (None, 0.0):
        ratio = target / b  # (1 + g) ** n
        return (math.pow(ratio, k / n) - 1) / (ratio - 1)
    return k / n


# Why a status is no_data, or a ratio undefined: said in every output (i18n translates them)
NO_LATER_VALUE = "no observation after the baseline yet"
NOTHING_OBSERVED = "the plan states no baseline and nothing is observed yet"
TARGET_IS_BASELINE = "the target equals the baseline"
BASELINE_NOT_POSITIVE = "the baseline is not positive"
LATEST_NOT_POSITIVE = "the latest value is not positive"
TARGET_NOT_POSITIVE = "the target is not positive"


def _growth_undefined(b: float, x: float, k: int) -> str | None:
    """Why g_act = (x / b) ** (1 / k) - 1 cannot be computed."""
    if k <= 0:
        return NO_LATER_VALUE
    if b <= 0:
        return BASELINE_NOT_POSITIVE
    if x <= 0:
        return LATEST_NOT_POSITIVE
    return None


class TimeProgress(NamedTuple):
    """Method 1: completion c, expected share e, r = c / e and the status;
    `reason` says why the status is no_data or the ratio undefined."""

    status: Status
    completion: float | None = None
    expected: float | None = None
    ratio: float | None = None
    reason: str | None = None


def time_progress(
    b: float,
    x: float,
    k: int,
    target: float,
    n: int,
    model: GrowthModel,
    sign: int,
    ahead: float = 1.10,
    on_track: float = 0.90,
    met: bool | None = None,
    path_now: float | None = None,
) -> TimeProgress:
    """Method 1. `met`: whether x meets the target under its bound (default:
    reached in direction `sign`). `path_now`: path(t) of a path through
    milestones, for e = (path(t) - b) / (target - b); without it, e is the
    single segment's expected_share (the same figure for a path without milestones)."""
    c = completion(x, b, target)
    if met if met is not None else meets(x, target, sign):
        return TimeProgress(ACHIEVED, c)
    if k <= 0:
        return TimeProgress(NO_DATA, c, reason=NO_LATER_VALUE)
    if path_now is not None and target != b and k < n:
        e = (path_now - b) / (target - b)
    else:
        e = expected_share(k, n, model, b, target)
    if c is None:  # target equals the baseline and x has fallen short of it
        return TimeProgress(MOVING_AWAY, None, e, reason=TARGET_IS_BASELINE)
    if settled(c) < 0:
        return TimeProgress(MOVING_AWAY, c, e, c / e)
    r = c / e
    compared = settled(r)
    status: Status = AHEAD if compared >= ahead else ON_TRACK if compared >= on_track else BEHIND
    return TimeProgress(status, c, e, r)


def verdict(met: bool) -> Status:
    """At or after the target year, with an observation from then: only whether the target was met."""
    return ACHIEVED if met else NOT_ACHIEVED


def actual_growth(b: float, x: float, k: int) -> float | None:
    """g_act = (x / b) ** (1 / k) - 1, the compound growth so far."""
    if k <= 0 or b <= 0 or x <= 0:
        return None
    return math.pow(x / b, 1 / k) - 1


class GrowthRatio(NamedTuple):
    """Method 2: R = g_act / g_req and its class; `reason` says why the
    status is no_data."""

    status: Status
    ratio: float | None = None
    actual: float | None = None
    required: float | None = None
    reason: str | None = None


def eurostat(
    b: float,
    x: float,
    k: int,
    target: float | None,
    n: int,
    sign: int,
    met: bool | None = None,
    required: float | None = None,
) -> GrowthRatio:
    """Method 2. `met` as in time_progress; `required` replaces g_req from the
    base (g_req(t) of a path through milestones, or a stated average growth)."""
    g_act = actual_growth(b, x, k)
    if target is None:
        if g_act is None:
            return GrowthRatio(NO_DATA, reason=_growth_undefined(b, x, k))
        growth = settled(sign * g_act)
        status: Status = (
            SIGNIFICANT_PROGRESS
            if growth > 0.01
            else MODERATE_PROGRESS
            if growth >= 0
            else MODERATE_MOVEMENT_AWAY
            if growth >= -0.01
            else SIGNIFICANT_MOVEMENT_AWAY
        )
        return GrowthRatio(status, None, g_act)
    if met if met is not None else meets(x, target, sign):
        return GrowthRatio(ACHIEVED, None, g_act)
    g_req = required if required is not None else required_growth(b, target, n)
    if g_act is None or not g_req:
        why = _growth_undefined(b, x, k)
        if why is None:
            why = (
                TARGET_IS_BASELINE
                if g_req == 0
                else BASELINE_NOT_POSITIVE
                if b <= 0
                else TARGET_NOT_POSITIVE
                if target <= 0
                else TARGET_IS_BASELINE
            )
        return GrowthRatio(NO_DATA, None, g_act, g_req, why)
    r = g_act / g_req
    compared = settled(r)
    status = (
        SIGNIFICANT
        if compared >= 0.95
        else MODERATE
        if compared >= 0.60
        else INSUFFICIENT
        if compared >= 0
        else MOVEMENT_AWAY
    )
    return GrowthRatio(status, r, g_act, g_req)


def least_squares_slope(points: list[tuple[int, float]]) -> float | None:
    if len(points) < 2:
        return None
    from_mean, spread = _years_from_mean(tuple([t for t, _ in points]))
    if spread == 0:
        return None
    values = [v for _, v in points]
    mean_v = sum(values) / len(points)
    return sum([d * (v - mean_v) for d, v in zip(from_mean, values)]) / spread


@functools.lru_cache(maxsize=256)
def _years_from_mean(years: tuple[int, ...]) -> tuple[tuple[float, ...], float]:
    """Each year's distance from the years' mean, t - mean_t, and the sum of
    their squares. They depend on the years alone, which most indicators of a
    plan share: computed once for them, they take half of the slope's cost
    away (the same operations in the same order: the same floats to the last bit)."""
    mean_t = sum(years) / len(years)
    from_mean = tuple([t - mean_t for t in years])
    return from_mean, sum([d**2 for d in from_mean])


class Projection(NamedTuple):
    """Where the pace so far leads by the target year.

    `value` never leaves what the indicator can take: a share stops at 100 %,
    a level at 0. When the pace would carry it past that limit, `limit` is the
    limit and `limit_year` the first year the pace reaches it."""

    value: float
    meets_target: bool
    year_reached: int | None
    limit: float | None = None
    limit_year: int | None = None
    # the pace year by year from the latest point to the target year, each value
    # kept within the limits: what a chart draws (a straight line from the latest
    # point to `value` would misdraw a pace that is stopped by a limit, or compound)
    path: tuple[tuple[int, float], ...] = ()


def projection(
    points: list[tuple[int, float]],
    target: float,
    T: int,
    model: GrowthModel,
    sign: int,
    lowest: float = -math.inf,
    highest: float = math.inf,
) -> Projection | None:
    """Where the pace so far leads by the target year, from the latest point.

    Compound: the growth rate from the first point to the latest. Linear: the
    least-squares slope over all points. None with fewer than two points.
    The value stays within [lowest, highest], the values the indicator can take.
    """
    if len(points) < 2:
        return None
    (t0, b), (t, x) = points[0], points[-1]
    if model == COMPOUND:
        g = actual_growth(b, x, t - t0)
        if g is None:
            return None

        def years_to(level: float) -> int | None:
            return _years_to_reach_compound(x, level, g, 1 if level >= x else -1)

        def at(year: int) -> float:
            try:
                return x * (1 + g) ** (year - t)
            except OverflowError:  # steep growth carried over many years: beyond any float
                return math.inf

        step_years = _years_to_reach_compound(x, target, g, sign)
    else:
        slope = least_squares_slope(points)
        if slope is None:
            return None

        def years_to(level: float) -> int | None:
            return _years_to_reach_linear(x, level, slope, 1 if level >= x else -1)

        def at(year: int) -> float:
            return x + slope * (year - t)

        step_years = _years_to_reach_linear(x, target, slope, sign)
    value = at(T)
    limit = highest if value > highest else lowest if value < lowest else None
    limit_year = None
    if limit is not None:
        value = limit
        limit_steps = years_to(limit)
        limit_year = None if limit_steps is None else t + limit_steps
    year = None if step_years is None else t + step_years
    path = _within_limits([(year, at(year)) for year in range(t, T + 1)], lowest, highest)
    return Projection(value, meets(value, target, sign), year, limit, limit_year, path)


def _within_limits(points: list[tuple[int, float]], lowest: float, highest: float) -> tuple[tuple[int, float], ...]:
    """Each value held within [lowest, highest]; the points end before the first
    value beyond any float (a chart cannot draw it)."""
    kept = []
    for year, value in points:
        if not math.isfinite(value):
            break
        # min(max(value, lowest), highest) as two comparisons: the same value
        # (ties keep `value`, as max and min do), at a third of the cost for
        # each year of each indicator's path (the builtins iterate over their arguments)
        if value < lowest:
            value = lowest
        if value > highest:
            value = highest
        kept.append((year, value))
    return tuple(kept)


def _years_to_reach_compound(x: float, target: float, g: float, sign: int) -> int | None:
    if meets(x, target, sign):
        return 0
    if target <= 0 or g == 0 or sign * g < 0:
        return None
    years = math.ceil(math.log(target / x) / math.log(1 + g) - 1e-9)
    return years if years >= 0 else None


def _years_to_reach_linear(x: float, target: float, slope: float, sign: int) -> int | None:
    if meets(x, target, sign):
        return 0
    if slope == 0 or sign * slope < 0:
        return None
    return math.ceil((target - x) / slope - 1e-9)
