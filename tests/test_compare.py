"""`jmplan compare`: plans side by side. Expected figures are worked by hand
in each test's docstring or comment, never taken from the code's output."""

from __future__ import annotations

import json

import pytest
from conftest import write_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from jmplan.measure.compare import compare_plans
from jmplan.plan.loader import load_plan
from jmplan.plan.units import convert, unit_factor


def city(tmp_path, name, region_zh, region_en, indicators, baseline, targets, actuals=None, years=(2015, 2020)):
    """A plan folder for one city, from YAML fragments."""
    plan = f"""\
plan:
  name_zh: {region_zh}规划
  name_en: {region_en} plan
  region_zh: {region_zh}
  region_en: {region_en}
  base_year: {years[0]}
  target_year: {years[1]}
indicators:
{indicators}"""
    folder = write_plan(
        tmp_path / name,
        plan=plan,
        baseline=f"year: {years[0]}\nvalues:\n{baseline}",
        targets=f"year: {years[1]}\nvalues:\n{targets}",
        actuals=actuals,
    )
    if years[0] != 2015:
        (folder / "baseline_2015.yaml").rename(folder / f"baseline_{years[0]}.yaml")
    return folder


FIBRE_HU = """\
  fibre_users:
    name_zh: 光纤覆盖用户
    name_en: Users covered by fibre
    unit: 户
    growth_model: compound
"""
FIBRE_WANHU = """\
  fibre_wan:
    name_zh: 光纤覆盖用户
    name_en: Users covered by fibre
    unit: 万户
    growth_model: compound
    same_as: fibre_users
"""
SALES = """\
  sales:
    name_zh: 销售额
    name_en: Sales
    unit: 亿元
    growth_model: compound
"""


# --- units -------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, target, factor",
    [
        ("万户", "户", 10_000),
        ("户", "万户", 0.0001),
        ("亿元", "万元", 10_000),
        ("万亿元", "亿元", 10_000),
        ("公里", "km", 1),
        ("万公里", "km", 10_000),
        ("Tbps", "Gbps", 1000),
        ("G", "Gbps", 1),
        ("个", "户", None),
        ("%", "个", None),
        ("万个", "户", None),
    ],
)
def test_unit_factor(source, target, factor):
    found = unit_factor(source, target)
    assert (None if found is None else float(found)) == factor


def test_conversion_is_exact_where_the_figure_is():
    # 2.79 万户 is 27,900 户: a float product would give 27900.000000000004
    assert convert(2.79, unit_factor("万户", "户")) == 27900
    assert convert(0.17, unit_factor("万亿元", "亿元")) == 1700


# --- matching and units ------------------------------------------------------


def test_same_as_matches_keys_and_converts_units(tmp_path):
    """A: 2,790,000 户 in 2015; B: 300 万户 = 3,000,000 户. B ranks first."""
    a = city(tmp_path, "a", "甲市", "City A", FIBRE_HU, "  fibre_users: 2790000\n", "  fibre_users: 3500000\n")
    b = city(tmp_path, "b", "乙市", "City B", FIBRE_WANHU, "  fibre_wan: 300\n", "  fibre_wan: 400\n")
    result = compare_plans([load_plan(a), load_plan(b)])
    (metric,) = result.metrics
    assert (metric.key, metric.unit, metric.rank_year) == ("fibre_users", "户", 2015)
    row_a, row_b = metric.rows
    assert row_b.indicator.key == "fibre_wan"
    assert (row_b.baseline.value, row_b.target.value) == (3_000_000, 4_000_000)
    assert (row_a.rank, row_b.rank) == (2, 1)
    # the required growth is a rate, the same in any unit: (400/300)^(1/5) - 1
    assert row_b.required_growth == pytest.approx((400 / 300) ** 0.2 - 1)


def test_units_that_do_not_convert_are_refused_not_compared(tmp_path):
    a = city(tmp_path, "a", "甲市", "City A", FIBRE_HU, "  fibre_users: 2790000\n", "  fibre_users: 3500000\n")
    wrong = FIBRE_HU.replace("unit: 户", "unit: 个")
    b = city(tmp_path, "b", "乙市", "City B", wrong, "  fibre_users: 9\n", "  fibre_users: 10\n")
    c = city(tmp_path, "c", "丙市", "City C", FIBRE_HU, "  fibre_users: 100\n", "  fibre_users: 200\n")
    result = compare_plans([load_plan(p) for p in (a, b, c)])
    (metric,) = result.metrics
    refused = metric.rows[1]
    assert refused.factor is None and refused.baseline is None
    assert (refused.rank, refused.rank_reason) == (None, "unit_refused")
    assert [r.rank for r in metric.rows] == [1, None, 2]
    assert [(n.kind, n.plans) for n in result.notices] == [("unit_refused", (1,))]


def test_indicators_in_one_plan_only_are_not_compared(tmp_path):
    a = city(tmp_path, "a", "甲市", "City A", FIBRE_HU + SALES, "  fibre_users: 1\n  sales: 5\n", "  sales: 9\n")
    b = city(tmp_path, "b", "乙市", "City B", SALES, "  sales: 7\n", "  sales: 8\n")
    result = compare_plans([load_plan(a), load_plan(b)])
    assert [m.key for m in result.metrics] == ["sales"]


# --- ranks --------------------------------------------------------------------


def three_cities(tmp_path, direction="increase"):
    """sales in 2015: A 100, B 100, C 90; in 2018 A 120 and B 130, C nothing."""
    indicators = SALES + f"    direction: {direction}\n"
    # a target on the side of the baseline the direction calls better (the loader refuses the other side)
    target = "  sales: 150\n" if direction == "increase" else "  sales: 50\n"
    a = city(
        tmp_path,
        "a",
        "甲市",
        "A",
        indicators,
        "  sales: 100\n",
        target,
        "observations:\n  sales:\n    2018: 120\n",
    )
    b = city(
        tmp_path,
        "b",
        "乙市",
        "B",
        indicators,
        "  sales: 100\n",
        target,
        "observations:\n  sales:\n    2018: 130\n",
    )
    c = city(tmp_path, "c", "丙市", "C", indicators, "  sales: 90\n", target)
    return [load_plan(p) for p in (a, b, c)]


def test_ranks_use_the_year_most_plans_share_and_equal_values_share_a_rank(tmp_path):
    """2015 has three values, 2018 two: ranked on 2015, where A and B tie on 100."""
    (metric,) = compare_plans(three_cities(tmp_path)).metrics
    assert metric.rank_year == 2015
    assert [r.rank for r in metric.rows] == [1, 1, 3]
    assert [r.rank_value.value for r in metric.rows] == [100, 100, 90]
    # the latest value stays each plan's own latest
    assert [r.latest.year for r in metric.rows] == [2018, 2018, 2015]


def test_year_ranks_on_that_year_only(tmp_path):
    (metric,) = compare_plans(three_cities(tmp_path), year=2018).metrics
    assert metric.rank_year == 2018
    assert [(r.rank, r.rank_reason) for r in metric.rows] == [(2, None), (1, None), (None, "no_value_in_year")]


def test_less_is_better_ranks_the_lowest_first(tmp_path):
    (metric,) = compare_plans(three_cities(tmp_path, "decrease"), year=2018).metrics
    assert [r.rank for r in metric.rows] == [1, 2, None]


def test_no_shared_year_gives_no_rank_with_the_reason(tmp_path):
    a = city(tmp_path, "a", "甲市", "A", SALES, "  sales: 100\n", "  sales: 150\n")
    b = city(tmp_path, "b", "乙市", "B", SALES, "  sales: 100\n", "  sales: 150\n", years=(2020, 2025))
    (metric,) = compare_plans([load_plan(a), load_plan(b)]).metrics
    assert (metric.rank_year, metric.rank_reason) == (None, "no_shared_year")
    assert [r.rank_reason for r in metric.rows] == ["no_shared_year", "no_shared_year"]


def test_a_year_outside_a_plan_shows_no_value_for_it(tmp_path):
    """--year 2022: the 2015-2020 plan has no value for it; its stated figures stay."""
    a = city(tmp_path, "a", "甲市", "A", SALES, "  sales: 100\n", "  sales: 150\n")
    b = city(
        tmp_path,
        "b",
        "乙市",
        "B",
        SALES,
        "  sales: 100\n",
        "  sales: 150\n",
        "observations:\n  sales:\n    2022: 120\n",
        years=(2020, 2025),
    )
    (metric,) = compare_plans([load_plan(a), load_plan(b)], year=2022).metrics
    row_a, row_b = metric.rows
    assert (row_a.latest, row_a.status, row_a.rank_reason) == (None, "no_data", "outside_years")
    assert row_a.target.value == 150
    assert (row_b.latest.value, row_b.latest.year) == (120, 2022)
    assert metric.rank_reason == "fewer_than_two_in_year"


# --- a plan and its successor -------------------------------------------------


def succession(tmp_path, final, baseline, qualifier=""):
    """Jiangmen-like pair: the 2016-2020 plan observed `final` in 2020, the
    2021-2025 plan states `baseline` for 2020."""
    before = city(
        tmp_path,
        "before",
        "甲市",
        "A",
        SALES,
        "  sales: 100\n",
        "  sales: 150\n",
        f"observations:\n  sales:\n    2020: {final}\n",
    )
    stated = f"{{value: {baseline}, qualifier: {qualifier}}}" if qualifier else str(baseline)
    after = city(tmp_path, "after", "甲市", "A", SALES, f"  sales: {stated}\n", "  sales: 300\n", years=(2020, 2025))
    return compare_plans([load_plan(before), load_plan(after)])


def test_the_successor_baseline_is_checked_against_the_final_value(tmp_path):
    """160 against 176: 10 % apart, beyond rounding: a warning."""
    result = succession(tmp_path, 160, 176)
    (s,) = result.successions
    (h,) = s.handovers
    assert (s.predecessor, s.successor, h.year) == (0, 1, 2020)
    assert (h.final.value, h.baseline.value, h.difference) == (160, 176, 16)
    assert h.relative_difference == pytest.approx(0.1)
    assert h.mismatch and h.target_met
    assert [n.kind for n in result.notices] == ["baseline_mismatch"]
    assert result.labels_en == ("A 2016–2020", "A 2021–2025")


def test_figures_rounded_alike_agree(tmp_path):
    """160 and 160.5 differ by 0.3 %: rounding, no warning. 140 misses the target 150."""
    result = succession(tmp_path, 160, 160.5)
    assert not result.successions[0].handovers[0].mismatch
    assert result.notices == ()
    assert succession(tmp_path / "x", 140, 140).successions[0].handovers[0].target_met is False


def test_a_lower_bound_agrees_with_any_value_above_it(tmp_path):
    assert not succession(tmp_path, 180, 170, qualifier="over").successions[0].handovers[0].mismatch
    assert succession(tmp_path / "x", 150, 170, qualifier="over").successions[0].handovers[0].mismatch


def test_plans_of_different_regions_are_no_succession(tmp_path):
    a = city(tmp_path, "a", "甲市", "A", SALES, "  sales: 100\n", "  sales: 150\n")
    b = city(tmp_path, "b", "乙市", "B", SALES, "  sales: 150\n", "  sales: 300\n", years=(2020, 2025))
    assert compare_plans([load_plan(a), load_plan(b)]).successions == ()


# --- the command ----------------------------------------------------------------


def test_cli_json_contract(run, tmp_path):
    a = city(tmp_path / "p", "a", "甲市", "City A", FIBRE_HU, "  fibre_users: 2790000\n", "  fibre_users: 3500000\n")
    city(tmp_path / "p", "b", "乙市", "City B", FIBRE_WANHU, "  fibre_wan: 300\n", "  fibre_wan: 400\n")
    result = run("compare", a.parent, "--format", "json")  # a folder of plan folders
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"schema_version", "year", "method", "plans", "metrics", "successions", "warnings"}
    assert [p["region_en"] for p in data["plans"]] == ["City A", "City B"]
    (metric,) = data["metrics"]
    assert metric["key"] == "fibre_users" and metric["rank_year"] == 2015
    row = metric["rows"][1]
    assert (row["plan"], row["indicator"], row["unit"], row["unit_factor"]) == (1, "fibre_wan", "万户", 10000.0)
    assert row["latest"] == {"year": 2015, "value": 3000000.0, "qualifier": None}
    assert row["target"] == {
        "year": 2020,
        "value": 4000000.0,
        "qualifier": None,
        "form": "value",
        "bound": "at_least",
        "previous": [],
    }
    # the same object shape as in `status` JSON (there in the plan's own unit, 400 万户)
    status = json.loads(run("status", "--data-dir", a.parent / "b", "--format", "json").stdout)
    own = status["metrics"][0]
    assert set(own["target"]) == set(row["target"]) and own["target"]["value"] == 400
    assert set(own["latest"]) == set(row["latest"])
    assert row["milestones"] == []
    assert (row["status"], row["rank"], row["rank_value"]) == ("no_data", 1, 3000000.0)


def test_cli_table_both_languages_and_csv(run, tmp_path):
    plans = three_cities(tmp_path)
    folders = [p.folder for p in plans]
    en = run("compare", *folders, "--lang", "en", "--year", "2018")
    assert en.exit_code == 0, en.stderr
    assert "ranked on the 2018 values" in en.stdout
    assert "C: not ranked: no value in the rank year" in en.stdout
    zh = run("compare", *folders, "--lang", "zh")
    assert "按 2015 年数值排名" in zh.stdout and "甲市" in zh.stdout
    csv = run("compare", *folders, "--format", "csv", "--lang", "en")
    lines = csv.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Compare key,Indicator,Unit,Plan,Region,")
    assert lines[1].split(",")[:6] == ["sales", "Sales", "亿元", "A", "A", "sales"]


def test_cli_metric_shows_every_plans_path(run, tmp_path):
    """B's path from 100 to 150 over five years: 100 * 1.5^(1/5) = 108.45 in 2016."""
    folders = [p.folder for p in three_cities(tmp_path)]
    out = run("compare", *folders, "--metric", "销售", "--lang", "en")
    assert out.exit_code == 0, out.stderr
    assert "Year by year" in out.stdout
    assert "108.45" in out.stdout
    data = json.loads(run("compare", *folders, "--metric", "sales", "--format", "json").stdout)
    row = data["metrics"][0]["rows"][0]
    assert row["trajectory"][0] == {"year": 2015, "value": 100.0}
    assert row["trajectory"][-1] == {"year": 2020, "value": 150.0}
    assert row["observations"] == [{"year": 2018, "value": 120.0, "qualifier": None}]


def test_cli_warns_on_stderr(run, tmp_path):
    result = succession(tmp_path, 160, 176)
    out = run("compare", *(p.folder for p in result.plans), "--lang", "en")
    assert out.exit_code == 0
    assert out.stderr.startswith(
        "jmplan: warning: Sales (sales): A 2016–2020's final value for 2020 (160 亿元) "
        "differs from A 2021–2025's baseline (176 亿元) by 10.0%"
    )
    assert "MISMATCH" in out.stdout


def test_report_gets_a_comparison_section(run, tmp_path):
    plans = three_cities(tmp_path)
    out = run(
        "report",
        "--data-dir",
        plans[0].folder,
        "--compare",
        plans[1].folder,
        "--compare",
        plans[2].folder,
        "--lang",
        "en",
        "-o",
        tmp_path / "r.html",
    )
    assert out.exit_code == 0, out.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h2>Comparison of 3 plans</h2>" in page
    assert "ranked on the 2015 values" in page
    plain = run("report", "--data-dir", plans[0].folder, "--lang", "en", "-o", tmp_path / "p.md")
    assert "Comparison of" not in (tmp_path / "p.md").read_text(encoding="utf-8"), plain.stderr


def test_the_readme_lists_every_common_key():
    from pathlib import Path

    from jmplan.plan.common import COMMON

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for entry in COMMON.values():
        assert f"| `{entry.key}` | {entry.name_zh} | {entry.name_en} | {entry.unit} |" in readme, entry.key


def test_a_plan_extends_the_common_list(tmp_path):
    """Two plans name their own common key; A's 3.5 万人 is 35,000 人 beside B's 20,000 人."""
    common = "common:\n  app_users:\n    name_zh: 政务应用用户\n    name_en: Government app users\n    unit: 人\n"
    ind_a = "  users_a:\n    name_zh: 用户\n    name_en: Users\n    unit: 万人\n    growth_model: compound\n"
    ind_a += "    same_as: app_users\n"
    ind_b = ind_a.replace("users_a", "users_b").replace("unit: 万人", "unit: 人")
    a = city(tmp_path, "a", "甲市", "A", ind_a, "  users_a: 3.5\n", "  users_a: 5\n")
    b = city(tmp_path, "b", "乙市", "B", ind_b, "  users_b: 20000\n", "  users_b: 50000\n")
    for folder in (a, b):
        with open(folder / "plan.yaml", "a", encoding="utf-8") as handle:
            handle.write(common)
    (metric,) = compare_plans([load_plan(a), load_plan(b)]).metrics
    assert (metric.key, metric.unit, metric.name_en) == ("app_users", "人", "Government app users")
    assert [r.baseline.value for r in metric.rows] == [35_000, 20_000]
    assert [r.rank for r in metric.rows] == [1, 2]


def test_opposite_directions_are_not_ranked_together(tmp_path):
    a = city(tmp_path, "a", "甲市", "A", SALES, "  sales: 100\n", "  sales: 150\n")
    b = city(tmp_path, "b", "乙市", "B", SALES + "    direction: decrease\n", "  sales: 90\n", "  sales: 50\n")
    c = city(tmp_path, "c", "丙市", "C", SALES, "  sales: 120\n", "  sales: 150\n")
    result = compare_plans([load_plan(p) for p in (a, b, c)])
    (metric,) = result.metrics
    assert [(r.rank, r.rank_reason) for r in metric.rows] == [(2, None), (None, "direction_differs"), (1, None)]
    assert [(n.kind, n.plans) for n in result.notices] == [("direction_differs", (1,))]


def test_markdown_output(run, tmp_path):
    folders = [p.folder for p in three_cities(tmp_path)]
    out = run("compare", *folders, "--format", "markdown", "--lang", "zh")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("# 3 个规划对比")
    assert "| 甲市   |" in out.stdout and "按 2015 年数值排名" in out.stdout


def test_warnings_reach_stderr_with_json_too(run, tmp_path):
    result = succession(tmp_path, 160, 176)
    out = run("compare", *(p.folder for p in result.plans), "--format", "json")
    assert out.exit_code == 0
    assert json.loads(out.stdout)["warnings"][0]["kind"] == "baseline_mismatch"
    assert out.stderr.startswith("jmplan: warning: ")


# --- properties ---------------------------------------------------------------


def _plan_with(name: str, unit: str, value: float, direction: str = "increase"):
    """An in-memory plan: one indicator (same_as fibre_users) with a 2015 value."""
    from jmplan.plan.model import Figure, Indicator, Plan, PlanInfo

    info = PlanInfo(name_zh=name, name_en=name, base_year=2015, target_year=2020, region_zh=name, region_en=name)
    indicator = Indicator(
        key="users", name_zh="用户", name_en="Users", unit=unit, growth_model="compound", direction=direction
    )
    indicator = indicator._replace(same_as="fibre_users")
    return Plan(info, {"users": indicator}, {"users": Figure(2015, value)}, {}, {}, {})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=2, max_size=8), st.data())
def test_ranks_do_not_depend_on_the_unit_a_plan_writes(values, data):
    """Writing some plans' figures in 万户 (value / 10,000) instead of 户 leaves
    every rank as it was; ranks follow the values, equal values sharing one."""
    in_wan = [data.draw(st.booleans()) for _ in values]
    plans_hu = [_plan_with(f"c{i}", "户", v) for i, v in enumerate(values)]
    plans_mixed = [
        _plan_with(f"c{i}", "万户", v / 10_000) if wan else _plan_with(f"c{i}", "户", v)
        for i, (v, wan) in enumerate(zip(values, in_wan))
    ]
    ranks = [r.rank for r in compare_plans(plans_hu).metrics[0].rows]
    assert [r.rank for r in compare_plans(plans_mixed).metrics[0].rows] == ranks
    # competition ranking: 1 + the number of strictly better values
    assert ranks == [1 + sum(other > v for other in values) for v in values]


def _rounded(value):
    """Floats to 9 decimals, through lists and dicts, to compare with figures worked by hand."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def test_cli_json_of_a_plan_and_its_successor_in_full(run, tmp_path):
    """The whole `compare --format json` document, worked by hand. A 2016-2020:
    sales 100 in 2015, target 150 in 2020, observed 130 (2018) and 160 (2020),
    so achieved. A 2021-2025: baseline 176 in 2020, target 300 in 2025, no
    observation: required growth (300/176)^(1/5) - 1, change (300-176)/5 = 24.8
    a year. Ranked on 2020: 176 first, 160 second. The handover: 176 - 160 = 16,
    16/160 = 10 % apart, a mismatch; the final 160 met the target 150."""
    sales = "observations:\n  sales:\n    2018: 130\n    2020: 160\n"
    before = city(tmp_path, "before", "甲市", "A", SALES, "  sales: 100\n", "  sales: 150\n", sales)
    after = city(tmp_path, "after", "甲市", "A", SALES, "  sales: 176\n", "  sales: 300\n", years=(2020, 2025))
    result = run("compare", before, after, "--format", "json", "--metric", "sales")
    assert result.exit_code == 0, result.stderr

    def figure(year, value):
        return {"year": year, "value": value, "qualifier": None}

    def target(year, value):
        return {**figure(year, value), "form": "value", "bound": "at_least", "previous": []}

    def plan(label, folder, base_year, target_year, counts):
        return {
            "label_zh": f"甲市 {label}",
            "label_en": f"A {label}",
            "folder": str(folder),
            "name_zh": "甲市规划",
            "name_en": "A plan",
            "region_zh": "甲市",
            "region_en": "A",
            "source_zh": "",
            "source_en": "",
            "base_year": base_year,
            "target_year": target_year,
            "thresholds": {"ahead": 1.1, "on_track": 0.9, "about": 0.05},
            "counts": counts,
        }

    def row(index, baseline, latest, goal, growth, change, status, rank, observations, path):
        return {
            "plan": index,
            "region": "甲市",
            "indicator": "sales",
            "unit": "亿元",
            "unit_factor": 1.0,
            "baseline": baseline,
            "latest": latest,
            "target": goal,
            "milestones": [],
            "required_annual_growth": growth,
            "required_annual_change": change,
            "required_growth_bound": None,
            "status": status,
            "rank": rank,
            "rank_value": latest["value"],
            "rank_reason": None,
            "observations": observations,
            "trajectory": [{"year": year, "value": value} for year, value in path],
        }

    growth = (300 / 176) ** (1 / 5) - 1
    expected = {
        "schema_version": 2,
        "year": None,
        "method": "time",
        "plans": [
            plan("2016–2020", before, 2015, 2020, {"achieved": 1}),
            plan("2021–2025", after, 2020, 2025, {"no_data": 1}),
        ],
        "metrics": [
            {
                "key": "sales",
                "name_zh": "销售额",
                "name_en": "Sales",
                "unit": "亿元",
                "growth_model": "compound",
                "direction": "increase",
                "rank_year": 2020,
                "rank_reason": None,
                "rows": [
                    row(
                        0,
                        figure(2015, 100.0),
                        figure(2020, 160.0),
                        target(2020, 150.0),
                        None,  # the target year is reached: nothing more is required
                        None,
                        "achieved",
                        2,
                        [figure(2018, 130.0), figure(2020, 160.0)],
                        [(2015 + k, 100 * 1.5 ** (k / 5)) for k in range(6)],
                    ),
                    row(
                        1,
                        figure(2020, 176.0),
                        figure(2020, 176.0),  # the baseline stands as the latest figure
                        target(2025, 300.0),
                        growth,
                        24.8,
                        "no_data",
                        1,
                        [],
                        [(2020 + k, 176 * (1 + growth) ** k) for k in range(6)],
                    ),
                ],
            }
        ],
        "successions": [
            {
                "predecessor": 0,
                "successor": 1,
                "metrics": [
                    {
                        "key": "sales",
                        "year": 2020,
                        "final": figure(2020, 160.0),
                        "target": target(2020, 150.0),
                        "baseline": figure(2020, 176.0),
                        "difference": 16.0,
                        "relative_difference": 0.1,
                        "mismatch": True,
                        "target_met": True,
                    }
                ],
            }
        ],
        "warnings": [
            {
                "kind": "baseline_mismatch",
                "metric": "sales",
                "plans": [0, 1],
                "year": 2020,
                "final": 160.0,
                "baseline": 176.0,
                "relative": 0.1,
                "unit": "亿元",
            }
        ],
    }
    assert _rounded(json.loads(result.stdout)) == _rounded(expected)
    # without --metric, the rows leave out the observations and the path
    brief = json.loads(run("compare", before, after, "--format", "json").stdout)
    for row_out, row_expected in zip(brief["metrics"][0]["rows"], expected["metrics"][0]["rows"]):
        assert _rounded(row_out) == _rounded(
            {k: v for k, v in row_expected.items() if k not in ("observations", "trajectory")}
        )


def test_the_collector_stays_paused_while_plans_are_compared_and_shown(monkeypatch, tmp_path):
    """compare makes hundreds of thousands of objects and no cycles: the
    collector rescanning them took a tenth of its time over 300 plans."""
    import gc

    from conftest import SHIPPED, run_main

    import jmplan.measure.compare as compare_module
    import jmplan.show.export as export_module

    seen = []

    def watched(real):
        def call(*args, **kwargs):
            seen.append(gc.isenabled())
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(compare_module, "compare_plans", watched(compare_module.compare_plans))
    monkeypatch.setattr(export_module, "compare_dict", watched(export_module.compare_dict))
    was = gc.isenabled()
    code, out, _ = run_main(["compare", SHIPPED, "examples/hunan-broadband-2014", "--format", "json"])
    assert code == 0 and json.loads(out)["metrics"]
    assert seen == [False, False]
    assert gc.isenabled() == was
