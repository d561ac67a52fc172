"""The required path through milestones, value by value, against figures
worked by hand (methods.md: within each segment the path follows the growth
model, and it passes exactly through every milestone).

Points: 100 in 2015, a milestone of 133.1 in 2018, the target 150 in 2020.
Compound: 10 % a year to the milestone (1.1^3 = 1.331), then
(150 / 133.1)^(1/2) - 1 a year, so 2019 is sqrt(133.1 * 150) = sqrt(19965).
Linear: 33.1 / 3 a year to the milestone, then 16.9 / 2.
"""

from __future__ import annotations

import math

import pytest

from jmplan.measure import calc

POINTS = [(2015, 100.0), (2018, 133.1), (2020, 150.0)]


@pytest.mark.parametrize(
    "year, compound, linear",
    [
        (2013, 100.0, 100.0),  # before the start: the start
        (2015, 100.0, 100.0),
        (2016, 110.0, 100 + 33.1 / 3),
        (2017, 121.0, 100 + 2 * 33.1 / 3),
        (2018, 133.1, 133.1),  # exactly the milestone
        (2019, math.sqrt(19965), 141.55),
        (2020, 150.0, 150.0),
        (2022, 150.0, 150.0),  # after the target year: the target
    ],
)
def test_path_value_through_a_milestone(year: int, compound: float, linear: float) -> None:
    assert calc.path_value(POINTS, calc.COMPOUND, year) == pytest.approx(compound, rel=1e-12)
    assert calc.path_value(POINTS, calc.LINEAR, year) == pytest.approx(linear, rel=1e-12)


def test_path_trajectory_is_path_value_year_by_year() -> None:
    for model in (calc.COMPOUND, calc.LINEAR):
        path = calc.path_trajectory(POINTS, model)
        assert [year for year, _ in path] == list(range(2015, 2021))
        for year, value in path:
            assert value == pytest.approx(calc.path_value(POINTS, model, year), rel=1e-12)


def test_least_squares_slope_worked() -> None:
    # years 2016-2018 with 10, 14, 21: mean year 2017, mean value 15;
    # slope = ((-1)(-5) + 0 + (1)(6)) / ((-1)^2 + 0 + 1^2) = 11 / 2
    assert calc.least_squares_slope([(2016, 10.0), (2017, 14.0), (2018, 21.0)]) == 5.5
    assert calc.least_squares_slope([(2016, 10.0)]) is None
    assert calc.least_squares_slope([(2016, 10.0), (2016, 12.0)]) is None  # one year: no slope


@pytest.mark.parametrize(
    "b, x, k, reason",
    [
        (0.5, 0.8, 1, None),  # levels below 1 and one year are fine: (0.8 / 0.5) ** 1 - 1 = 0.6
        (100.0, 120.0, 0, calc.NO_LATER_VALUE),
        (0.0, 120.0, 1, calc.BASELINE_NOT_POSITIVE),
        (100.0, 0.0, 1, calc.LATEST_NOT_POSITIVE),
    ],
)
def test_why_growth_so_far_is_undefined(b: float, x: float, k: int, reason: str | None) -> None:
    assert calc._growth_undefined(b, x, k) == reason


def test_years_to_reach_worked() -> None:
    # 100 growing 10 % a year passes 121 after log(1.21) / log(1.1) = 2 years exactly
    assert calc._years_to_reach_compound(100.0, 121.0, 0.1, 1) == 2
    assert calc._years_to_reach_compound(100.0, 121.0, 0.0, 1) is None  # no growth: never
    assert calc._years_to_reach_compound(100.0, 0.0, -0.1, -1) is None  # a compound level never reaches 0
    # 10 rising 0.5 a year reaches 12 after 4 years
    assert calc._years_to_reach_linear(10.0, 12.0, 0.5, 1) == 4
    assert calc._years_to_reach_linear(10.0, 12.0, -0.5, 1) is None


def test_a_projection_exactly_on_a_limit_is_not_limited() -> None:
    # a share rising 4 points a year from 84 in 2016 is 100 in 2020: at the limit, not past it
    rising = calc.projection([(2015, 80.0), (2016, 84.0)], 90.0, 2020, calc.LINEAR, 1, 0.0, 100.0)
    rising_path = ((2016, 84.0), (2017, 88.0), (2018, 92.0), (2019, 96.0), (2020, 100.0))
    assert rising == calc.Projection(100.0, True, 2018, None, None, rising_path)
    # falling 4 a year from 16 in 2016 is 0 in 2020: at the floor, not below it
    falling = calc.projection([(2015, 20.0), (2016, 16.0)], 10.0, 2020, calc.LINEAR, -1, 0.0, 100.0)
    falling_path = ((2016, 16.0), (2017, 12.0), (2018, 8.0), (2019, 4.0), (2020, 0.0))
    assert falling == calc.Projection(0.0, True, 2018, None, None, falling_path)


def test_the_projected_path_bends_where_a_limit_stops_the_pace() -> None:
    # a share at 62 % in 2017 and 80 % in 2018 rises 18 points a year: 98 in 2019,
    # and 116 in 2020 is held at 100 (a straight line from 80 to 100 would show 90 in 2019)
    share = calc.projection([(2017, 62.0), (2018, 80.0)], 90.0, 2020, calc.LINEAR, 1, 0.0, 100.0)
    assert share is not None
    assert share.path == ((2018, 80.0), (2019, 98.0), (2020, 100.0))
    assert (share.value, share.limit, share.limit_year, share.year_reached) == (100.0, 100.0, 2020, 2019)
    # falling 6 a year from 4 in 2017: -2 in 2018 is held at the floor of 0
    level = calc.projection([(2016, 10.0), (2017, 4.0)], 1.0, 2019, calc.LINEAR, -1, 0.0)
    assert level is not None and level.path == ((2017, 4.0), (2018, 0.0), (2019, 0.0))


def test_the_projected_path_of_compound_growth_is_year_by_year() -> None:
    # 100 in 2015 and 121 in 2017: 10 % a year, so 133.1, 146.41 and 161.051 by 2020
    grown = calc.projection([(2015, 100.0), (2017, 121.0)], 150.0, 2020, calc.COMPOUND, 1)
    assert grown is not None
    assert [year for year, _ in grown.path] == [2017, 2018, 2019, 2020]
    assert [round(value, 3) for _, value in grown.path] == [121.0, 133.1, 146.41, 161.051]


def test_a_projection_beyond_any_float_is_infinite() -> None:
    # growing 10^10-fold in a year, carried over 84 years: beyond the largest float
    result = calc.projection([(2015, 1.0), (2016, 1e10)], 2e10, 2100, calc.COMPOUND, 1)
    assert result is not None and result.value == math.inf and result.meets_target
    # its path ends with the last year a float holds: 1e10 x (1e10)^29 = 1e300 in 2045
    assert result.path[0] == (2016, 1e10) and result.path[-1] == (2045, 1e300) and len(result.path) == 30


def test_method_2_without_a_target_keeps_the_growth_so_far() -> None:
    # 100 -> 121 in two years: 10 % a year, more than 1 %: significant progress
    result = calc.eurostat(100.0, 121.0, 2, None, 5, 1)
    assert (result.status, result.ratio, result.required, result.reason) == (
        calc.SIGNIFICANT_PROGRESS,
        None,
        None,
        None,
    )
    assert result.actual == pytest.approx(0.1, rel=1e-12)
    assert calc.eurostat(0.0, 121.0, 2, None, 5, 1) == calc.GrowthRatio(calc.NO_DATA, reason=calc.BASELINE_NOT_POSITIVE)


def test_method_2_takes_the_given_verdict() -> None:
    # 160 is past the target of 150, but the caller says the target's own rule is not met
    result = calc.eurostat(100.0, 160.0, 1, 150.0, 5, 1, met=False)
    assert result.status == calc.SIGNIFICANT  # 60 % a year against 1.5 ** (1/5) - 1 = 8.4 % required


def test_method_2_says_why_there_is_no_ratio() -> None:
    # less is better, the target is the baseline: no rate is required, so no ratio
    same = calc.eurostat(100.0, 120.0, 1, 100.0, 5, -1)
    assert (same.status, same.ratio, same.required, same.reason) == (calc.NO_DATA, None, 0.0, calc.TARGET_IS_BASELINE)
    assert same.actual == pytest.approx(0.2, rel=1e-12)
    # a fall towards a target of 0: no compound rate reaches 0
    zero = calc.eurostat(0.5, 0.25, 1, 0.0, 5, -1)
    assert (zero.status, zero.ratio, zero.required, zero.reason) == (calc.NO_DATA, None, None, calc.TARGET_NOT_POSITIVE)
    assert zero.actual == pytest.approx(-0.5, rel=1e-12)


def test_method_1_moving_away_in_full() -> None:
    # 100 -> 90 in year 1 of 5 towards 150, linear: c = -10 / 50 = -0.2, e = 1/5, r = -1
    away = calc.time_progress(100.0, 90.0, 1, 150.0, 5, calc.LINEAR, 1)
    assert away.status == calc.MOVING_AWAY and away.reason is None
    assert (away.completion, away.expected, away.ratio) == pytest.approx((-0.2, 0.2, -1.0), rel=1e-12)
    # less is better and the target is the baseline (hold at 100): 110 is away from it; e = 1/5
    hold = calc.time_progress(100.0, 110.0, 1, 100.0, 5, calc.LINEAR, -1)
    assert hold == calc.TimeProgress(calc.MOVING_AWAY, None, 0.2, None, calc.TARGET_IS_BASELINE)


def test_method_1_takes_the_given_verdict() -> None:
    # 160 is past 150, but the caller says the target's own rule is not met: judged on time
    result = calc.time_progress(100.0, 160.0, 1, 150.0, 5, calc.LINEAR, 1, met=False)
    assert result.status == calc.AHEAD  # c = 60 / 50 = 1.2 against e = 0.2


def test_edges_worked_by_hand() -> None:
    # in the target year itself the path is the one point where it stands
    assert calc.trajectory(100.0, 2020, 150.0, 2020, calc.LINEAR) == [(2020, 100.0)]
    # no year has passed: no growth so far
    assert calc.actual_growth(100.0, 120.0, 0) is None
    # compound, less is better, target = baseline: the expected share is plain time, 1/5
    hold = calc.time_progress(100.0, 110.0, 1, 100.0, 5, calc.COMPOUND, -1)
    assert hold == calc.TimeProgress(calc.MOVING_AWAY, None, 0.2, None, calc.TARGET_IS_BASELINE)
    # method 2 without a target, the latest value 0: why there is no growth rate
    assert calc.eurostat(100.0, 0.0, 2, None, 5, 1) == calc.GrowthRatio(calc.NO_DATA, reason=calc.LATEST_NOT_POSITIVE)
    # shrinking 10 % a year never rises from 100 to 105
    assert calc._years_to_reach_compound(100.0, 105.0, -0.1, 1) is None
    # a target within float noise above the level counts as reached now
    assert calc._years_to_reach_compound(100.0, 100.0 + 1e-10, 0.1, 1) == 0
