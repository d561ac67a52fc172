"""Status words: each status its own label in both languages, and every
summary lists statuses from the most to the least in need of attention."""

import json

import pytest
from conftest import write_plan

from jmplan.i18n import LANGS, colon, comma, text
from jmplan.measure import calc

STATUSES = [
    calc.ACHIEVED,
    calc.NOT_ACHIEVED,
    calc.AHEAD,
    calc.ON_TRACK,
    calc.BEHIND,
    calc.MOVING_AWAY,
    calc.NO_TARGET,
    calc.NO_DATA,
    calc.QUALITATIVE,
    calc.SIGNIFICANT,
    calc.MODERATE,
    calc.INSUFFICIENT,
    calc.MOVEMENT_AWAY,
    calc.SIGNIFICANT_PROGRESS,
    calc.MODERATE_PROGRESS,
    calc.MODERATE_MOVEMENT_AWAY,
    calc.SIGNIFICANT_MOVEMENT_AWAY,
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_status_has_a_label_of_its_own(lang):
    labels = [text(status, lang) for status in STATUSES]
    assert len(set(labels)) == len(STATUSES), labels


def test_every_status_has_a_severity():
    from jmplan.measure.assess import SEVERITY

    assert sorted(SEVERITY) == sorted(STATUSES)


# sales has a target and grows 10 % a year against the 10 % required (significant);
# visits has no target and grows 10 % a year (significant progress without a target);
# share is behind (40 -> 45 of 90 by 2018: c = 0.1, e = 0.6); cost is achieved.
PLAN = """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
  cost:
    name_zh: 成本
    name_en: Cost
    unit: 元
    growth_model: compound
  sales:
    name_zh: 销售额
    name_en: Sales
    unit: 亿元
    growth_model: compound
  visits:
    name_zh: 访问量
    name_en: Visits
    unit: 次
    growth_model: compound
  share:
    name_zh: 覆盖率
    name_en: Coverage
    unit: "%"
    growth_model: linear
"""
BASELINE = """\
year: 2015
values:
  cost: 10
  sales: 100
  visits: 100
  share: 40
"""
TARGETS = """\
year: 2020
values:
  cost: 20
  sales: 161.051
  share: 90
"""
ACTUALS = """\
observations:
  cost: {2018: 25}
  sales: {2018: 133.1}
  visits: {2018: 133.1}
  share: {2018: 45}
"""


@pytest.fixture
def mixed(tmp_path):
    return write_plan(tmp_path / "plan", PLAN, BASELINE, TARGETS, ACTUALS)


@pytest.mark.parametrize("lang", LANGS)
def test_summary_lists_each_label_once_most_severe_first(run, mixed, lang):
    out = run("status", "--method", "eurostat", "--lang", lang, "--data-dir", mixed).stdout
    summary = next(line for line in out.splitlines() if text("summary", lang) in line)
    # share: 5 pp in 3 years is 4 % a year of compound growth against 17.6 % required: insufficient
    expected = [
        text(calc.INSUFFICIENT, lang),
        text(calc.SIGNIFICANT, lang),
        text(calc.SIGNIFICANT_PROGRESS, lang),
        text(calc.ACHIEVED, lang),
    ]
    assert summary.split(colon(lang), 1)[1] == comma(lang).join(f"{label} 1" for label in expected)


def test_method_1_summary_and_json_counts_most_severe_first(run, mixed):
    out = run("status", "--lang", "en", "--data-dir", mixed).stdout
    assert "Summary: behind 1, on track 1, achieved 1, no target 1" in out
    counts = json.loads(run("status", "--format", "json", "--data-dir", mixed).stdout)["counts"]
    assert list(counts) == ["behind", "on_track", "achieved", "no_target"]


def test_report_summary_table_most_severe_first(run, mixed):
    out = run("report", "--lang", "en", "--data-dir", mixed).stdout
    summary = out.split("## Summary", 1)[1]
    assert summary.index("behind") < summary.index("on track") < summary.index("achieved")
