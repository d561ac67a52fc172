"""The shipped example examples/broadband-china-2013: the "Broadband China" targets
table (2013), with milestones for 2013 and 2015 and the target for 2020.

Expected figures computed by hand from methods.md ("Milestones": the required path
runs through each milestone, compound within each segment; e = (path(t) - b) /
(target - b), c = (x - b) / (target - b); method 2 g_req(t) = (path(t) / b)**(1/k) - 1):
- netizens, b = 5.64 亿人 (2012), milestones 7.0 (2013) and 8.5 (2015), target 11.0 (2020).
  2013, x = 6.18: c = 0.54 / 5.36 = 0.100746, e = 1.36 / 5.36 = 0.253731, r = 0.397059 (behind);
  g_act = 9.5745 %, g_req = 7.0 / 5.64 - 1 = 24.1135 %, R = 0.397059 (insufficient).
  2015, x = 6.88: c = 1.24 / 5.36 = 0.231343, e = 2.86 / 5.36 = 0.533582, r = 0.433566 (behind);
  g_act = (6.88 / 5.64)**(1/3) - 1 = 6.8488 %, g_req = (8.5 / 5.64)**(1/3) - 1 = 14.6516 %, R = 0.467448.
  2020, x = 9.89 < 11.0: not achieved.
  The path between milestones: 2014 = 7.0 * (8.5 / 7.0)**(1/2) = 7.713624;
  2016 = 8.5 * (11 / 8.5)**(1/5) = 8.949807.
- users_3g_lte, b = 23280.3万户 = 2.328033 亿户; 2013 milestone 3.3, target 12:
  2013, x = 40161萬戶 = 4.0161: c = 0.174532, e = 0.100493, r = 1.736753 (ahead).
- village_broadband, 超过98% in 2020: a floor of 98 (at least).
"""

from pathlib import Path

import pytest
import yaml
from conftest import run_main

from jmplan import assess_plan, read_plan
from jmplan.plan.stated import read_stated

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "broadband-china-2013"
SOURCE = (EXAMPLE / "source_zh.txt").read_text(encoding="utf-8")
FILES = ("baseline_2012.yaml", "targets_2013.yaml", "targets_2015.yaml", "targets.yaml", "actuals.yaml")


def _figures(name):
    data = yaml.safe_load((EXAMPLE / name).read_text(encoding="utf-8"))
    if "values" in data:
        return list(data["values"].items())
    return [(key, figure) for key, years in data["observations"].items() for figure in years.values()]


@pytest.mark.parametrize("name", FILES)
def test_every_figure_quotes_the_source_word_for_word(name):
    # read with plain YAML, so the citations are checked whatever the loader knows
    for key, figure in _figures(name):
        assert figure["source"] in SOURCE, (name, key)
        assert str(figure["stated"]) in figure["source"], (name, key)


@pytest.fixture(scope="module")
def plan():
    plan, problems = read_plan(EXAMPLE)
    assert not problems, [f"{problem.where.file}:{problem.where.line}: {problem.message}" for problem in problems]
    return plan


def _rows(plan, year):
    return {row.key: row for row in assess_plan(plan, year=year).rows}


def test_the_targets_and_milestones_resolve_to_the_table(plan):
    assert plan.targets["netizens"].value == pytest.approx(11.0)
    assert plan.targets["village_broadband"].value == pytest.approx(98.0)
    assert plan.targets["village_broadband"].bound == "at_least"
    assert plan.baselines["users_3g_lte"].value == pytest.approx(2.328033)


def test_netizens_behind_at_the_2013_milestone(plan):
    row = _rows(plan, 2013)["netizens"]
    assert row.status == "behind"
    assert row.ratio_for("time") == pytest.approx(0.397059, abs=1e-6)
    assert row.ratio_for("eurostat") == pytest.approx(0.397059, abs=1e-6)


def test_netizens_behind_at_the_2015_milestone(plan):
    row = _rows(plan, 2015)["netizens"]
    assert row.status == "behind"
    assert row.ratio_for("time") == pytest.approx(0.433566, abs=1e-6)
    assert row.ratio_for("eurostat") == pytest.approx(0.467448, abs=1e-6)
    assert row.status_for("eurostat") == "insufficient"


def test_netizens_not_achieved_in_2020(plan):
    row = _rows(plan, 2020)["netizens"]
    assert row.status == "not_achieved"
    assert row.status_for("eurostat") == "not_achieved"


def test_3g_lte_users_ahead_in_2013(plan):
    row = _rows(plan, 2013)["users_3g_lte"]
    assert row.latest.value == pytest.approx(4.0161)
    assert row.status == "ahead"
    assert row.ratio_for("time") == pytest.approx(1.736753, abs=1e-6)


@pytest.mark.parametrize("name", ["targets_2013.yaml", "targets_2015.yaml", "targets.yaml"])
def test_each_targets_stated_text_agrees_with_its_value(name):
    units = {"netizens": "亿人", "users_3g_lte": "亿户"}
    for key, figure in _figures(name):
        stated = read_stated(str(figure["stated"]), units.get(key, "%"))
        assert (stated.form, stated.amount) == ("value", figure["value"]), (name, key)
        assert figure.get("bound") == stated.bound, (name, key)


def test_a_table_row_quoted_cell_by_cell_shows_on_one_line():
    # the milestones quote a row of the table, whose cells the source keeps on separate lines
    code, out, _ = run_main(["gap", "--data-dir", EXAMPLE, "--metric", "netizens", "--year", "2015", "--lang", "en"])
    assert code == 0
    assert "Milestone (2013): 7 × 100 million people  — 网民数量 | 亿人 | 7.0 | 8.5 | 11.0 |\n" in out
    assert "\n亿人 |" not in out
