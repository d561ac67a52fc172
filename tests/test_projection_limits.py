"""A projection never leaves what the indicator can take: a share stops at
100 % (and at 0 %), and the output says the year the pace gets there instead
of a share of 115 % in the target year. The same in JSON, gap, report, chart."""

import json

import pytest
from conftest import write_plan

from jmplan.measure import calc


def test_a_share_stops_at_100_in_the_year_the_pace_reaches_it():
    # 40 -> 85 over 2015-2018 is 15 pp a year: 100 in 2019, 115 by 2020 without the limit
    pr = calc.projection([(2015, 40), (2018, 85)], 90, 2020, calc.LINEAR, +1, 0, 100)
    assert (pr.value, pr.limit, pr.limit_year) == (100, 100, 2019)
    assert pr.meets_target and pr.year_reached == 2019  # 85 + 15 >= 90 in 2019


def test_a_compound_share_stops_at_100():
    # 40 -> 80 in 3 years is 2 ** (1/3) = 1.2599 a year: 80 * 1.2599 = 100.8 in 2019
    pr = calc.projection([(2015, 40), (2018, 80)], 90, 2020, calc.COMPOUND, +1, 0, 100)
    assert (pr.value, pr.limit, pr.limit_year) == (100, 100, 2019)


def test_a_falling_share_stops_at_0():
    # 40 -> 10 over 2015-2018 is -10 pp a year: 0 in 2019, -10 by 2020 without the limit
    pr = calc.projection([(2015, 40), (2018, 10)], 5, 2020, calc.LINEAR, -1, 0, 100)
    assert (pr.value, pr.limit, pr.limit_year) == (0, 0, 2019)


def test_within_the_limits_nothing_changes():
    # 40 -> 70 is 10 pp a year: 90 in 2020, exactly the target
    pr = calc.projection([(2015, 40), (2018, 70)], 90, 2020, calc.LINEAR, +1, 0, 100)
    assert pr.value == pytest.approx(90) and pr.limit is None and pr.limit_year is None


@pytest.fixture
def fast_share(tmp_path):
    """share 40 -> 90 (2020), observed at 85 in 2018: 15 pp a year."""
    return write_plan(tmp_path / "plan", actuals="observations:\n  share: {2018: 85}\n")


def test_json_projection_within_the_share(run, fast_share):
    out = json.loads(run("gap", "--metric", "share", "--format", "json", "--data-dir", fast_share).stdout)
    assert out["projection"] == {
        "value": 100,
        "meets_target": True,
        "year_reached": 2019,
        "limit": {"value": 100, "year": 2019},
    }


@pytest.mark.parametrize(
    "lang, words",
    [("en", "100% in 2019 (a share cannot exceed 100%)"), ("zh", "2019年即达100%（比例不能超过100%）")],
)
def test_gap_says_the_year_it_reaches_100(run, fast_share, lang, words):
    out = run("gap", "--metric", "share", "--lang", lang, "--data-dir", fast_share).stdout
    assert words in out and "115" not in out


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", "at the pace so far it would reach 100% in 2019 (a share cannot exceed 100%), meeting the target"),
        ("zh", "按现有速度，2019年即达100%（比例不能超过100%），可达到目标"),
    ],
)
def test_report_sentence_says_the_year_it_reaches_100(run, fast_share, lang, words):
    out = run("report", "--lang", lang, "--data-dir", fast_share).stdout
    assert words in out and "115%" not in out


def test_falling_share_in_the_report(run, tmp_path):
    plan = write_plan(
        tmp_path / "plan",
        plan=open_plan_with_falling_share(),
        baseline="year: 2015\nvalues:\n  poverty: 40\n",
        targets="year: 2020\nvalues:\n  poverty: 5\n",
        actuals="observations:\n  poverty: {2018: 10}\n",
    )
    out = run("report", "--lang", "en", "--data-dir", plan).stdout
    assert "it would reach 0% in 2019 (it cannot fall below 0)" in out and "-10%" not in out


def open_plan_with_falling_share() -> str:
    return """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
  poverty:
    name_zh: 贫困发生率
    name_en: Poverty rate
    unit: "%"
    growth_model: linear
    direction: decrease
"""


def test_chart_axis_and_projection_stay_within_the_share(fast_share):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from jmplan import assess_indicator, load_plan
    from jmplan.show.chart import _plot

    plan = load_plan(fast_share)
    row = assess_indicator(plan, plan.indicators["share"])
    ax = Figure().subplots()
    _plot(ax, row, "en")
    assert ax.get_ylim()[1] <= 100
    projection = next(line for line in ax.get_lines() if line.get_label() == "Projection at the pace so far")
    assert list(projection.get_xdata()) == [2018, 2019, 2020]
    assert list(projection.get_ydata()) == [85, 100, 100]


def test_the_charted_pace_bends_at_the_limit_even_in_the_target_year(tmp_path):
    """The line drawn is the pace year by year, held at 100 %, not a straight
    line from the latest point to the target year's value (which showed a share
    reaching the limit only in the target year rising at half its pace)."""
    from jmplan import assess_indicator, load_plan
    from jmplan.show.chart_data import chart_data

    plan = load_plan(write_plan(tmp_path / "plan", actuals="observations:\n  share: {2017: 64, 2018: 80}\n"))
    row = assess_indicator(plan, plan.indicators["share"])
    projection = next(s for s in chart_data(row, "en").series if s.role == "projection")
    # least-squares slope over 40 (2015), 64 (2017), 80 (2018): 61.33 / 4.667 = 13.14 pp a
    # year; 2019: 93.14; 2020: 106.29, held at 100 (a straight line would show 90 in 2019)
    assert [year for year, _ in projection.points] == [2018, 2019, 2020]
    assert [round(value, 2) for _, value in projection.points] == [80.0, 93.14, 100.0]
