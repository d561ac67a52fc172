"""JSON as the library gives it (show/export.py): the defaults of its
functions, and the keys only some plans have (a target revised, a unit that
cannot be converted). Expected values are the plan's own figures."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SMALL_PLAN, write_plan

from jmplan import assess_plan, compare_plans, load_plan
from jmplan.show.export import compare_dict, metrics_dict, status_dict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

REVISED = """\
year: 2020
values:
  sales:
    value: 150
    previous:
      - {value: 140, until: 2018, source: 草案}
  share: 90
"""


def test_the_library_speaks_english_unless_told(small_plan: Path) -> None:
    plan = load_plan(small_plan)
    assert status_dict(assess_plan(plan))["lang"] == "en"
    assert metrics_dict(plan)["lang"] == "en"


def test_metrics_give_the_unit_in_the_language_asked(tmp_path: Path) -> None:
    folder = tmp_path / "china"
    shutil.copytree(EXAMPLES / "china-14th-fyp-2021", folder)
    plan = load_plan(folder)
    for lang, label in (("zh", "指数（2020=100）"), ("en", "index, 2020 = 100")):
        (energy,) = [m for m in metrics_dict(plan, lang)["metrics"] if m["key"] == "energy_intensity"]
        assert (energy["unit"], energy["unit_label"]) == ("2020=100", label)


# REVISED's target of 140, replaced by 150 in 2018, as the JSON lists it
REPLACED_140 = {
    "year": 2020,
    "value": 140,
    "qualifier": None,
    "source": "草案",
    "form": "value",
    "bound": "at_least",
    "until": 2018,
}


def test_metrics_list_the_versions_a_target_replaced(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", targets=REVISED))
    sales, share = metrics_dict(plan)["metrics"]
    assert sales["target"]["value"] == 150
    assert sales["target"]["previous"] == [REPLACED_140]
    assert share["target"]["previous"] == []


def test_compare_rows_say_a_unit_not_converted_and_a_target_revised(tmp_path: Path) -> None:
    """A: sales in 亿元 with the target 140 replaced by 150 in 2018; B: sales
    counted in 个, which no factor turns into 亿元: its row has no factor and
    no figures."""
    a = write_plan(tmp_path / "a", targets=REVISED, actuals="observations:\n  sales:\n    2019: 130\n")
    b = write_plan(tmp_path / "b", plan=SMALL_PLAN.replace("unit: 亿元", "unit: 个"))
    comparison = compare_plans([load_plan(a), load_plan(b)])
    out = compare_dict(comparison)  # without detail: no observations, no path
    sales = next(m for m in out["metrics"] if m["key"] == "sales")
    row_a, row_b = sales["rows"]
    assert (row_a["unit"], row_a["unit_factor"]) == ("亿元", 1.0)
    assert row_a["target"]["value"] == 150
    assert row_a["target"]["previous"] == [REPLACED_140]
    assert (row_b["unit"], row_b["unit_factor"], row_b["baseline"], row_b["target"]) == ("个", None, None, None)
    assert row_b["rank_reason"] == "unit_refused"
    assert "observations" not in row_a and "trajectory" not in row_a
    assert out["warnings"] == [{"kind": "unit_refused", "metric": "sales", "plans": [1], "unit": "个", "to": "亿元"}]


def test_status_by_method_2_gives_its_ratio_status_and_counts(tmp_path: Path) -> None:
    """methods.md, worked case A: sales 100 -> 120 in 2018, target 150 in 2020,
    compound: method 1 r = 0.7262 (behind), method 2 R = 0.7418 (moderate).
    share has no observation: no_data under both."""
    plan = load_plan(write_plan(tmp_path / "plan", actuals="observations:\n  sales:\n    2018: 120\n"))
    result = assess_plan(plan, 2018)
    by_time = status_dict(result)
    by_growth = status_dict(result, method="eurostat")
    (sales_time, _), (sales_growth, share) = by_time["metrics"], by_growth["metrics"]
    assert (by_time["method"], sales_time["status"], round(sales_time["ratio"], 4)) == ("time", "behind", 0.7262)
    assert (by_growth["method"], sales_growth["status"], round(sales_growth["ratio"], 4)) == (
        "eurostat",
        "moderate",
        0.7418,
    )
    assert (share["status"], share["ratio"]) == ("no_data", None)
    assert by_time["counts"] == {"behind": 1, "no_data": 1}
    assert by_growth["counts"] == {"moderate": 1, "no_data": 1}


def test_status_gives_the_unit_in_the_language_asked(tmp_path: Path) -> None:
    folder = tmp_path / "china"
    shutil.copytree(EXAMPLES / "china-14th-fyp-2021", folder)
    result = assess_plan(load_plan(folder))
    for out, label in (
        (status_dict(result, lang="zh"), "指数（2020=100）"),
        (status_dict(result), "index, 2020 = 100"),
    ):
        (energy,) = [m for m in out["metrics"] if m["key"] == "energy_intensity"]
        assert energy["unit_label"] == label


def test_status_shows_the_target_version_replaced(tmp_path: Path) -> None:
    """Assessed in 2019, after the 2018 revision: the target is 150, and 140 is the version it replaced."""
    plan = load_plan(write_plan(tmp_path / "plan", targets=REVISED, actuals="observations:\n  sales:\n    2019: 130\n"))
    sales = status_dict(assess_plan(plan, 2019))["metrics"][0]
    assert sales["target"]["value"] == 150
    assert [(v["value"], v["until"]) for v in sales["target"]["previous"]] == [(140, 2018)]


def test_status_lists_the_notes_of_goals_and_tasks(shipped_copy: Path) -> None:
    with open(shipped_copy / "actuals.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            "notes:\n  governance_model:\n    2018: 模式初步形成\n  e_government:\n    2019: 网上办事大厅已上线\n"
        )
    out = status_dict(assess_plan(load_plan(shipped_copy)))
    goals = {g["key"]: g["notes"] for g in out["goals"]}
    tasks = {t["key"]: t["notes"] for t in out["tasks"]}
    assert goals["governance_model"] == [{"year": 2018, "text": "模式初步形成"}]
    assert tasks["e_government"] == [{"year": 2019, "text": "网上办事大厅已上线"}]
    assert all(notes == [] for key, notes in goals.items() if key != "governance_model")


def test_gap_detail_of_an_indicator_without_a_baseline_has_no_path(tmp_path: Path) -> None:
    """share without a baseline: no leg from the baseline, so no trajectory; sales keeps its path 100 -> 150."""
    from jmplan.show.export import metric_dict

    plan = load_plan(write_plan(tmp_path / "plan", baseline="year: 2015\nvalues:\n  sales: 100\n"))
    sales, share = (metric_dict(row, detail=True) for row in assess_plan(plan).rows)
    assert share["trajectory"] == [] and share["baseline"] is None
    assert [(p["year"], round(p["value"], 4)) for p in sales["trajectory"]][::5] == [(2015, 100), (2020, 150)]


def test_a_figure_carries_its_provenance_and_history(tmp_path: Path) -> None:
    """A final figure that replaced a preliminary one: the JSON holds both, each with its source and dates."""
    actuals = (
        "observations:\n  sales:\n    2019: {value: 131, source: 最终公报, data_status: final, recorded: 2021-03-01,"
        " history: [{value: 130, source: 初步公报, data_status: preliminary, recorded: 2020-03-01}]}\n"
    )
    plan = load_plan(write_plan(tmp_path / "plan", actuals=actuals))
    latest = status_dict(assess_plan(plan))["metrics"][0]["latest"]
    assert latest == {
        "year": 2019,
        "value": 131,
        "qualifier": None,
        "source": "最终公报",
        "recorded": "2021-03-01",  # data_status: final is the default, left out
        "history": [
            {
                "year": 2019,
                "value": 130,
                "qualifier": None,
                "source": "初步公报",
                "data_status": "preliminary",
                "recorded": "2020-03-01",
            }
        ],
    }


def test_status_streamed_gives_the_same_metrics_one_at_a_time(small_plan: Path) -> None:
    result = assess_plan(load_plan(small_plan))
    whole = status_dict(result)
    streamed = status_dict(result, stream=True)
    assert isinstance(whole["metrics"], list) and not isinstance(streamed["metrics"], list)
    assert next(streamed["metrics"]) == whole["metrics"][0]  # made when taken
    assert list(streamed["metrics"]) == whole["metrics"][1:]
    assert {k: v for k, v in streamed.items() if k != "metrics"} == {k: v for k, v in whole.items() if k != "metrics"}
