"""calc.py against the worked figures of methods.md (t0 = 2015, T = 2020, t = 2018)."""

import pytest

from jmplan.measure import calc

K, N = 3, 5


def test_ecommerce_required_growth_and_trajectory():
    # methods.md: 700 -> 1,700 亿元 over 2015-2020 needs 19.418 % a year
    assert calc.required_growth(700, 1700, 5) == pytest.approx(0.19418, abs=5e-6)
    path = calc.trajectory(700, 2015, 1700, 2020, calc.COMPOUND)
    assert [year for year, _ in path] == [2015, 2016, 2017, 2018, 2019, 2020]
    assert [round(v, 2) for _, v in path[1:]] == [835.93, 998.25, 1192.09, 1423.57, 1700.00]
    assert path[-1][1] == 1700  # exactly, not within rounding


def test_ecommerce_on_the_path_is_on_track():
    progress = calc.time_progress(700, 1192.09, K, 1700, N, calc.COMPOUND, +1)
    assert progress.status == calc.ON_TRACK
    assert progress.ratio == pytest.approx(1.00, abs=1e-4)


@pytest.mark.parametrize(
    "b, x, target, model, sign, ratio, status",
    [
        (100, 120, 150, calc.COMPOUND, +1, 0.7262, calc.BEHIND),  # case A
        (100, 120, 150, calc.LINEAR, +1, 0.6667, calc.BEHIND),
        (1.00, 0.90, 0.85, calc.COMPOUND, -1, 1.0763, calc.ON_TRACK),  # case B, less is better
        (1.00, 0.90, 0.85, calc.LINEAR, -1, 1.1111, calc.AHEAD),
        (100, 104, 150, calc.COMPOUND, +1, 0.1452, calc.BEHIND),  # case D
    ],
)
def test_time_progress_worked_cases(b, x, target, model, sign, ratio, status):
    progress = calc.time_progress(b, x, K, target, N, model, sign)
    assert progress.ratio == pytest.approx(ratio, abs=5e-5)
    assert progress.status == status


@pytest.mark.parametrize("model", [calc.COMPOUND, calc.LINEAR])
def test_case_c_moving_away(model):
    progress = calc.time_progress(100, 95, K, 150, N, model, +1)
    assert progress.completion == pytest.approx(-0.10)
    assert progress.status == calc.MOVING_AWAY


@pytest.mark.parametrize("model", [calc.COMPOUND, calc.LINEAR])
def test_case_e_achieved(model):
    assert calc.time_progress(100, 155, K, 150, N, model, +1).status == calc.ACHIEVED


@pytest.mark.parametrize(
    "x, target, rate",
    [
        (120, 150, 0.118034),  # A
        (0.90, 0.85, -0.028175),  # B
        (95, 150, 0.256562),  # C
        (104, 150, 0.200961),  # D
    ],
)
def test_required_growth_from_latest_worked_cases(x, target, rate):
    assert calc.required_growth(x, target, N - K) == pytest.approx(rate, abs=5e-7)


def test_required_linear_change_worked_cases():
    assert calc.required_change(120, 150, 2) == pytest.approx(15.0)
    assert calc.required_change(0.90, 0.85, 2) == pytest.approx(-0.025)


@pytest.mark.parametrize(
    "b, x, target, sign, ratio, status",
    [
        (100, 120, 150, +1, 0.7418, calc.MODERATE),
        (1.00, 0.90, 0.85, -1, 1.0791, calc.SIGNIFICANT),
        (100, 95, 150, +1, -0.2007, calc.MOVEMENT_AWAY),
        (100, 104, 150, +1, 0.1558, calc.INSUFFICIENT),
    ],
)
def test_eurostat_worked_cases(b, x, target, sign, ratio, status):
    result = calc.eurostat(b, x, K, target, N, sign)
    assert result.ratio == pytest.approx(ratio, abs=5e-5)
    assert result.status == status


def test_eurostat_achieved_and_without_target():
    assert calc.eurostat(100, 155, K, 150, N, +1).status == calc.ACHIEVED
    # 100 -> 110 over 3 years is 3.2 % a year: significant progress without a target
    assert calc.eurostat(100, 110, K, None, N, +1).status == calc.SIGNIFICANT_PROGRESS
    assert calc.eurostat(100, 101, K, None, N, +1).status == calc.MODERATE_PROGRESS
    assert calc.eurostat(100, 99, K, None, N, +1).status == calc.MODERATE_MOVEMENT_AWAY
    assert calc.eurostat(100, 90, K, None, N, +1).status == calc.SIGNIFICANT_MOVEMENT_AWAY


@pytest.mark.parametrize(
    "b, x, target, sign, value",
    [
        (100, 120, 150, +1, 135.5092),
        (1.00, 0.90, 0.85, -1, 0.8390),
        (100, 95, 150, +1, 91.8063),
        (100, 104, 150, +1, 106.7552),
    ],
)
def test_projection_worked_cases(b, x, target, sign, value):
    result = calc.projection([(2015, b), (2018, x)], target, 2020, calc.COMPOUND, sign)
    assert result.value == pytest.approx(value, abs=5e-5)
    assert result.meets_target == (sign * (result.value - target) >= 0)


def test_projection_year_reached():
    # A grows 6.27 % a year from 120 in 2018: 135.5 (2020), 144.0 (2021), 153.0 (2022)
    assert calc.projection([(2015, 100), (2018, 120)], 150, 2020, calc.COMPOUND, +1).year_reached == 2022
    # B meets 0.85 in 2020 (0.839) at 3.45 % less a year
    assert calc.projection([(2015, 1.0), (2018, 0.9)], 0.85, 2020, calc.COMPOUND, -1).year_reached == 2020
    # C is moving away: never
    assert calc.projection([(2015, 100), (2018, 95)], 150, 2020, calc.COMPOUND, +1).year_reached is None
    # linear, least squares over three points: slope 10 a year from 130 in 2018 -> 150 in 2020
    linear = calc.projection([(2016, 110), (2017, 120), (2018, 130)], 150, 2020, calc.LINEAR, +1)
    assert linear.value == pytest.approx(150)
    assert linear.meets_target and linear.year_reached == 2020


def test_projection_needs_two_points():
    assert calc.projection([(2015, 100)], 150, 2020, calc.COMPOUND, +1) is None


@pytest.mark.parametrize(
    "x, target, years, reason",
    [
        (0, 150, 5, "the starting value is not positive"),
        (100, 0, 5, "the target is not positive"),
        (100, 150, 0, "the target year has been reached"),
    ],
)
def test_required_growth_undefined(x, target, years, reason):
    assert calc.required_growth(x, target, years) is None
    assert calc.compound_rate_undefined(x, target, years) == reason


def test_expected_share_linear_is_time_progress_and_capped():
    assert calc.expected_share(3, 5, calc.LINEAR, 10, 90) == pytest.approx(0.6)
    assert calc.expected_share(7, 5, calc.COMPOUND, 100, 150) == pytest.approx(1.0)


def test_no_observation_yet_is_no_data():
    assert calc.time_progress(700, 700, 0, 1700, 5, calc.COMPOUND, +1).status == calc.NO_DATA
