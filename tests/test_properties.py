"""Properties that must hold for any plan, checked with hypothesis."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmplan.measure import calc

values = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)
models = st.sampled_from([calc.COMPOUND, calc.LINEAR])
years = st.integers(min_value=1, max_value=30)


@given(b=values, target=values, n=years, model=models)
def test_trajectory_ends_on_target(b, target, n, model):
    path = calc.trajectory(b, 2000, target, 2000 + n, model)
    assert path[0] == (2000, b)
    assert path[-1] == (2000 + n, target)
    assert len(path) == n + 1


@given(b=values, target=values, n=st.integers(min_value=2, max_value=30), model=models, data=st.data())
def test_a_value_on_the_trajectory_is_on_track(b, target, n, model, data):
    # Away from tiny differences, where the path is flat to float precision
    if abs(target - b) < 1e-6 * max(b, target):
        return
    k = data.draw(st.integers(min_value=1, max_value=n - 1))
    x = calc.trajectory(b, 2000, target, 2000 + n, model)[k][1]
    sign = 1 if target > b else -1
    progress = calc.time_progress(b, x, k, target, n, model, sign)
    assert progress.status == calc.ON_TRACK
    assert progress.ratio == pytest.approx(1.0, rel=1e-6)


@given(b=values, target=values, n=years)
def test_growing_at_the_required_rate_reaches_the_target(b, target, n):
    rate = calc.required_growth(b, target, n)
    # float cancellation scales with the larger end, not the target
    assert b * (1 + rate) ** n == pytest.approx(target, rel=1e-9, abs=1e-9 * max(b, target))


@given(b=values, target=values, n=years)
def test_required_change_reaches_the_target(b, target, n):
    assert b + calc.required_change(b, target, n) * n == pytest.approx(target, abs=1e-9 * max(b, target))
