"""Properties of targets as plans state them (hypothesis): a value on the
required path, milestones included, is on track under both methods; the
path passes through every milestone; each resolved target agrees with the
definition of its form (docs/methods.md, "Targets as real plans state them")."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from jmplan.measure import calc
from jmplan.plan.targets import meets_bound, resolve_level

BASE, TARGET_YEAR = 2020, 2030
levels = st.floats(min_value=1, max_value=1e6, allow_nan=False, allow_infinity=False)
growths = st.floats(min_value=0.01, max_value=0.5)  # growth per segment, so the path rises
models = st.sampled_from([calc.COMPOUND, calc.LINEAR])


@st.composite
def rising_paths(draw):
    """(points, model): the baseline, 0-3 milestones and the target, rising."""
    model = draw(models)
    years = sorted(draw(st.sets(st.integers(BASE + 1, TARGET_YEAR - 1), max_size=3)))
    value = draw(levels)
    points = [(BASE, value)]
    for year in [*years, TARGET_YEAR]:
        value = value * (1 + draw(growths))
        points.append((year, value))
    return points, model


@settings(max_examples=200, deadline=None)
@given(rising_paths(), st.data())
def test_a_value_on_the_path_is_on_track(path, data):
    points, model = path
    (t0, b), (T, target) = points[0], points[-1]
    t = data.draw(st.integers(t0 + 1, T - 1))
    x = calc.path_value(points, model, t)
    with_milestones = len(points) > 2
    progress = calc.time_progress(b, x, t - t0, target, T - t0, model, 1, path_now=x if with_milestones else None)
    assert progress.status == calc.ON_TRACK
    assert math.isclose(progress.ratio, 1, rel_tol=1e-9)
    if model == calc.COMPOUND:  # method 2 compares compound rates
        required = (x / b) ** (1 / (t - t0)) - 1 if with_milestones else None
        ratio = calc.eurostat(b, x, t - t0, target, T - t0, 1, required=required)
        assert ratio.status == calc.SIGNIFICANT
        assert math.isclose(ratio.ratio, 1, rel_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(rising_paths())
def test_the_path_passes_through_every_milestone(path):
    points, model = path
    trajectory = dict(calc.path_trajectory(points, model))
    assert sorted(trajectory) == list(range(BASE, TARGET_YEAR + 1))
    for year, value in points:
        assert trajectory[year] == value  # exactly, not within rounding
        assert calc.path_value(points, model, year) == value


baselines = st.floats(min_value=0.01, max_value=1e6)
amounts = st.floats(min_value=-50, max_value=50)
spans = st.integers(1, 15)


@given(baselines, amounts, spans)
def test_change_is_counted_from_the_baseline(b, change, years):
    assert math.isclose(resolve_level("change", change, b, years) - b, change, rel_tol=1e-9, abs_tol=1e-6)


@given(baselines, amounts, spans)
def test_change_percent_is_a_share_of_the_baseline(b, percent, years):
    level = resolve_level("change_percent", percent, b, years)
    assert math.isclose((level / b - 1) * 100, percent, rel_tol=1e-9, abs_tol=1e-9)


@given(baselines, st.floats(min_value=-20, max_value=30), spans)
def test_annual_growth_compounds_over_the_years(b, rate, years):
    level = resolve_level("annual_growth_percent", rate, b, years)
    assert math.isclose((level / b) ** (1 / years) - 1, rate / 100, rel_tol=1e-9, abs_tol=1e-12)
    # and the required growth from the baseline to it is the stated rate
    assert math.isclose(calc.required_growth(b, level, years), rate / 100, rel_tol=1e-9, abs_tol=1e-12)


@given(baselines, amounts, spans)
def test_a_value_is_the_level_itself(b, value, years):
    assert resolve_level("value", value, b, years) == value


@given(st.floats(0, 100), st.floats(0, 100), st.sampled_from([1, -1]))
def test_a_range_is_met_at_the_end_reached_first(low, width, sign):
    high = low + width
    level = resolve_level("range", low, None, 5, upper=high, sign=sign)
    assert level == (low if sign > 0 else high)


@given(st.floats(0.01, 1e6), st.floats(0, 0.2))
def test_bounds_include_the_number_itself(target, tolerance):
    for bound in ("at_least", "at_most", "about"):
        assert meets_bound(target, target, bound, tolerance)
    assert meets_bound(target * 1.5, target, "at_least", tolerance)
    assert not meets_bound(target * 1.5, target, "at_most", tolerance)
    assert meets_bound(target * (1 + tolerance / 2), target, "about", tolerance)
    assert not meets_bound(target * (1 + tolerance + 0.01), target, "about", tolerance)
