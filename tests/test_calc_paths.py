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
