"""Status bounds are exact: a ratio that is exactly on a bound in decimal
arithmetic gets the status of that bound, whatever binary floating point
makes of it (0.18 / 0.2 is 0.8999999999999999). Every bound of both methods,
with its value worked by hand in the comment, and a value a hair inside each
side so that the rounding cannot hide a real difference."""

import pytest

from jmplan.measure import calc

N = 5  # base year to target year


@pytest.mark.parametrize(
    "b, x, k, target, model, sign, status",
    [
        # linear, 40 -> 90: after 1 year e = 1/5 = 0.2
        (40, 49, 1, 90, calc.LINEAR, +1, calc.ON_TRACK),  # c = 9/50 = 0.18, r = 0.18/0.2 = 0.90 exactly
        (40, 48.9999, 1, 90, calc.LINEAR, +1, calc.BEHIND),  # r = 0.899996
        (40, 51, 1, 90, calc.LINEAR, +1, calc.AHEAD),  # c = 0.22, r = 1.10 exactly
        (40, 50.9999, 1, 90, calc.LINEAR, +1, calc.ON_TRACK),  # r = 1.099996
        (0, 18, 1, 100, calc.LINEAR, +1, calc.ON_TRACK),  # the case: 18 % done of 20 % expected
        (40, 62, 2, 90, calc.LINEAR, +1, calc.AHEAD),  # e = 0.4, c = 22/50 = 0.44, r = 1.10
        # linear, less is better, 100 -> 50: e = 0.2 after a year
        (100, 91, 1, 50, calc.LINEAR, -1, calc.ON_TRACK),  # c = 9/50 = 0.18, r = 0.90
        (100, 89, 1, 50, calc.LINEAR, -1, calc.AHEAD),  # c = 0.22, r = 1.10
        (1.0, 0.982, 1, 0.9, calc.LINEAR, -1, calc.ON_TRACK),  # c = 0.018/0.1 = 0.18, r = 0.90
        (1.0, 0.978, 1, 0.9, calc.LINEAR, -1, calc.AHEAD),  # c = 0.22, r = 1.10
        # compound, 100 -> 161.051 = 100 * 1.1**5: after a year the path is at 110, e = 10/61.051
        (100, 109, 1, 161.051, calc.COMPOUND, +1, calc.ON_TRACK),  # c = 9/61.051, r = 9/10 = 0.90
        (100, 108.9999, 1, 161.051, calc.COMPOUND, +1, calc.BEHIND),
        (100, 111, 1, 161.051, calc.COMPOUND, +1, calc.AHEAD),  # r = 11/10 = 1.10
        (100, 110, 1, 161.051, calc.COMPOUND, +1, calc.ON_TRACK),  # on the path: r = 1
        # at the baseline: c = 0 is not moving away
        (40, 40, 1, 90, calc.LINEAR, +1, calc.BEHIND),
        (40, 39.9999, 1, 90, calc.LINEAR, +1, calc.MOVING_AWAY),
    ],
)
def test_time_progress_bounds(b, x, k, target, model, sign, status):
    assert calc.time_progress(b, x, k, target, N, model, sign).status == status


@pytest.mark.parametrize(
    "x, ahead, on_track, status",
    [
        (48, 1.2, 0.8, calc.ON_TRACK),  # c = 8/50 = 0.16, r = 0.80: the plan's own on_track bound
        (47.9999, 1.2, 0.8, calc.BEHIND),
        (52, 1.2, 0.8, calc.AHEAD),  # c = 0.24, r = 1.20: the plan's own ahead bound
        (51.9999, 1.2, 0.8, calc.ON_TRACK),
    ],
)
def test_time_progress_bounds_set_by_the_plan(x, ahead, on_track, status):
    assert calc.time_progress(40, x, 1, 90, N, calc.LINEAR, +1, ahead, on_track).status == status


@pytest.mark.parametrize(
    "b, x, k, target, sign, status",
    [
        # required 10 % a year (161.051 = 100 * 1.1**5); 9.5 % a year is R = 0.95
        (100, 109.5, 1, 161.051, +1, calc.SIGNIFICANT),
        (100, 109.4999, 1, 161.051, +1, calc.MODERATE),
        # required 25 % a year (305.17578125 = 100 * 1.25**5); 15 % a year is R = 0.60
        (100, 115, 1, 305.17578125, +1, calc.MODERATE),
        (100, 114.9999, 1, 305.17578125, +1, calc.INSUFFICIENT),
        # 30 % required, 28.5 % actual over two years: R = 0.95; 18 % is R = 0.60
        (100, 100 * 1.285**2, 2, 100 * 1.3**5, +1, calc.SIGNIFICANT),
        (100, 100 * 1.18**2, 2, 100 * 1.3**5, +1, calc.MODERATE),
        # no growth at all: R = 0, insufficient, not movement away
        (100, 100, 1, 161.051, +1, calc.INSUFFICIENT),
        (100, 99.9999, 1, 161.051, +1, calc.MOVEMENT_AWAY),
        # less is better: required -10 % a year (59.049 = 100 * 0.9**5), actual -9.5 %: R = 0.95
        (100, 90.5, 1, 59.049, -1, calc.SIGNIFICANT),
    ],
)
def test_growth_ratio_bounds(b, x, k, target, sign, status):
    assert calc.eurostat(b, x, k, target, N, sign).status == status


@pytest.mark.parametrize(
    "x, sign, status",
    [
        (101, +1, calc.MODERATE_PROGRESS),  # exactly +1 % a year: "> 1 %" is significant, 1 % is not
        (101.0001, +1, calc.SIGNIFICANT_PROGRESS),
        (100, +1, calc.MODERATE_PROGRESS),  # 0 %
        (99.9999, +1, calc.MODERATE_MOVEMENT_AWAY),
        (99, +1, calc.MODERATE_MOVEMENT_AWAY),  # exactly -1 %: -1 % .. 0 is moderate movement away
        (98.9999, +1, calc.SIGNIFICANT_MOVEMENT_AWAY),
        (99, -1, calc.MODERATE_PROGRESS),  # less is better: -1 % is +1 % in the right direction
    ],
)
def test_no_target_growth_bounds(x, sign, status):
    assert calc.eurostat(100, x, 1, None, N, sign).status == status
