"""The shipped example examples/china-14th-fyp-2021: the main targets of China's 14th
Five-Year Plan as the plan writes them, and the published results.

Every expected figure below is computed by hand from methods.md ("Targets as
real plans state them", method 1 and method 2), never taken from jmplan's output:
- rd_spending, 年均增长7%以上 from 24,393.1 亿元 (2020): target = 24393.1 * 1.07**5
  = 34,212.5846; in 2023 (k = 3) x = 33,357.1: c = 8,964.0 / 9,819.4846 = 0.912879,
  e = (1.07**3 - 1) / (1.07**5 - 1) = 0.559041, r = 1.632937 (ahead);
  g_act = (33357.1 / 24393.1)**(1/3) - 1 = 10.9959 %, R = 0.109959 / 0.07 = 1.570849.
- energy_intensity, 降低13.5% on an index of 100: target 86.5; 2021 下降2.7% gives 97.3;
  g = 0.865**(1/5) - 1 = -2.858854 %, e = g / (0.865 - 1) = 0.211767, c = 2.7 / 13.5 = 0.2,
  r = 0.944434 (on track); R = -0.027 / g = 0.944434 (moderate: below 0.95).
- co2_intensity, 降低18%: target 82; 2021 下降3.8% gives 96.2; g = 0.82**(1/5) - 1
  = -3.891285 %, e = 0.216183, c = 3.8 / 18 = 0.211111, r = R = 0.976541.
- unemployment, 控制在5.5%以内 (at most 5.5), baseline 5.6: 2021 5.1 meets it;
  2022 5.6 is back at the baseline: c = 0, r = 0 (behind); 2025 5.2: achieved.
- life_expectancy, 再提高1岁 from 77.3: target 78.3; 2021 78.2: c = 0.9, e = 1/5,
  r = 4.5 (ahead); 2025 79.25: achieved.
"""

from pathlib import Path

import pytest
import yaml

from jmplan import assess_plan, read_plan
from jmplan.plan.stated import read_stated

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "china-14th-fyp-2021"
SOURCE = (EXAMPLE / "source_zh.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan():
    plan, problems = read_plan(EXAMPLE)
    assert not problems, [f"{problem.where.file}:{problem.where.line}: {problem.message}" for problem in problems]
    return plan


def _figures(name):
    data = yaml.safe_load((EXAMPLE / name).read_text(encoding="utf-8"))
    if "values" in data:
        return list(data["values"].items())
    return [(key, figure) for key, years in data["observations"].items() for figure in years.values()]


@pytest.mark.parametrize("name", ["baseline_2020.yaml", "targets.yaml", "actuals.yaml"])
def test_every_figure_quotes_the_source_word_for_word(name):
    # read with plain YAML, so the citations are checked whatever the loader knows
    figures = _figures(name)
    assert len(figures) == {"baseline_2020.yaml": 3, "targets.yaml": 5, "actuals.yaml": 14}[name]
    for key, figure in figures:
        assert figure["source"] in SOURCE, (name, key)
        if "stated" in figure:
            assert figure["stated"] in figure["source"], (name, key)


def test_the_stated_targets_read_as_the_plan_means_them():
    # independent of the loader: the forms the targets file writes
    assert read_stated("控制在5.5%以内", "%") == ("value", 5.5, "at_most", None, False)
    assert read_stated("年均增长7%以上", "亿元") == ("annual_growth_percent", 7.0, "at_least", None, False)
    assert read_stated("降低13.5%", "2020=100") == ("change_percent", -13.5, None, None, False)
    assert read_stated("降低18%", "2020=100") == ("change_percent", -18.0, None, None, False)
    assert read_stated("再提高1岁", "岁") == ("change", 1.0, None, None, False)


def test_targets_resolve_to_the_hand_computed_levels(plan):
    targets = plan.targets
    assert targets["unemployment"].value == pytest.approx(5.5)
    assert targets["unemployment"].bound == "at_most"
    assert targets["rd_spending"].value == pytest.approx(34212.5846, abs=1e-4)
    assert targets["rd_spending"].form == "annual_growth_percent"
    assert targets["rd_spending"].bound == "at_least"
    assert targets["energy_intensity"].value == pytest.approx(86.5)
    assert targets["energy_intensity"].form == "change_percent"
    assert targets["co2_intensity"].value == pytest.approx(82.0)
    assert targets["life_expectancy"].value == pytest.approx(78.3)
    assert targets["life_expectancy"].form == "change"


def test_binding_indicators_are_the_two_the_mid_term_review_names(plan):
    binding = [key for key, indicator in plan.indicators.items() if indicator.attribute == "binding"]
    assert binding == ["energy_intensity", "co2_intensity"]


def _rows(plan, year):
    return {row.key: row for row in assess_plan(plan, year=year).rows}


def test_rd_spending_in_2023_is_ahead(plan):
    row = _rows(plan, 2023)["rd_spending"]
    assert row.status == "ahead"
    assert row.ratio_for("time") == pytest.approx(1.632937, abs=1e-6)
    assert row.ratio_for("eurostat") == pytest.approx(1.570849, abs=1e-6)


def test_energy_and_co2_intensity_in_2021_chain_from_an_index_of_100(plan):
    rows = _rows(plan, 2021)
    energy, co2 = rows["energy_intensity"], rows["co2_intensity"]
    assert energy.latest.value == pytest.approx(97.3)
    assert energy.status == "on_track"
    assert energy.ratio_for("time") == pytest.approx(0.944434, abs=1e-6)
    assert energy.status_for("eurostat") == "moderate"
    assert co2.latest.value == pytest.approx(96.2)
    assert co2.ratio_for("time") == pytest.approx(0.976541, abs=1e-6)
    assert co2.status_for("eurostat") == "significant"


def test_unemployment_back_at_the_baseline_in_2022_is_behind(plan):
    row = _rows(plan, 2022)["unemployment"]
    assert row.status == "behind"
    assert row.ratio_for("time") == pytest.approx(0.0, abs=1e-9)


def test_the_final_verdict_in_2025(plan):
    rows = _rows(plan, 2025)
    assert rows["unemployment"].status == "achieved"  # 5.2 within the 5.5 ceiling
    assert rows["life_expectancy"].status == "achieved"  # 79.25 against 78.3


def test_life_expectancy_in_2021_is_ahead(plan):
    row = _rows(plan, 2021)["life_expectancy"]
    assert row.status == "ahead"
    assert row.ratio_for("time") == pytest.approx(4.5, abs=1e-9)


def test_each_targets_stated_text_agrees_with_its_form():
    # the form fields and `stated` are typed separately: the text must say the same
    units = {"unemployment": "%", "rd_spending": "亿元", "life_expectancy": "岁"}
    for key, figure in _figures("targets.yaml"):
        stated = read_stated(figure["stated"], units.get(key, "2020=100"))
        forms = ("value", "change", "change_percent", "annual_growth_percent")
        written = {form: figure[form] for form in forms if form in figure}
        assert written == {stated.form: stated.amount}, key
        assert figure.get("bound") == stated.bound, key
