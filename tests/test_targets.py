"""Targets as real plans state them: the worked cases W1-W5 of methods.md
("Targets as real plans state them"), to 4 decimals, through the library
from plan folders written here, and the rules of the data format."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

from jmplan import assess_plan
from jmplan.measure.assess import EUROSTAT
from jmplan.plan.loader import read_plan
from jmplan.show import fmt

PLAN = """\
plan:
  name_zh: 测试规划
  base_year: 2020
  target_year: 2025
indicators:
  level:
    name_zh: 水平
    unit: 亿元
    growth_model: compound
    attribute: binding
  share:
    name_zh: 比率
    unit: "%"
    growth_model: linear
  intensity:
    name_zh: 能耗强度
    unit: 吨标准煤/万元
    growth_model: compound
    direction: decrease
    observed_as: annual_change_percent
"""


def make(folder: Path, baseline: str, targets: str, actuals: str = "", milestones: dict | None = None, plan=PLAN):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    (folder / "baseline_2020.yaml").write_text("year: 2020\nvalues:\n" + baseline, encoding="utf-8")
    (folder / "targets.yaml").write_text("year: 2025\nvalues:\n" + targets, encoding="utf-8")
    if actuals:
        (folder / "actuals.yaml").write_text("observations:\n" + actuals, encoding="utf-8")
    for year, text in (milestones or {}).items():
        (folder / f"targets_{year}.yaml").write_text(f"year: {year}\nvalues:\n" + text, encoding="utf-8")
    return folder


def load(folder: Path):
    plan, problems = read_plan(folder)
    assert not problems, "\n".join(map(str, problems))
    return plan


def row_of(plan, key: str, year: int | None = None):
    return next(r for r in assess_plan(plan, year).rows if r.key == key)


W1_MILESTONE = {2022: "  level: 60\n"}


def w1(tmp_path, observations: str):
    return load(
        make(
            tmp_path / "w1",
            "  level: 50\n",
            "  level: 100\n",
            actuals="  level:\n" + textwrap.indent(textwrap.dedent(observations), "    "),
            milestones=W1_MILESTONE,
        )
    )


def test_w1_path_through_the_milestone(tmp_path):
    row = row_of(w1(tmp_path, "2021: 54\n"), "level")
    path = dict(row.from_baseline.trajectory())
    assert path[2021] == pytest.approx(54.7723, abs=5e-5)
    assert path[2022] == 60
    assert path[2023] == pytest.approx(71.1379, abs=5e-5)
    assert path[2024] == pytest.approx(84.3433, abs=5e-5)
    assert path[2025] == 100


def test_w1_2021_behind_and_moderate(tmp_path):
    row = row_of(w1(tmp_path, "2021: 54\n"), "level")
    assert row.progress.expected == pytest.approx(0.095445, abs=5e-7)
    assert row.progress.completion == pytest.approx(0.08)
    assert round(row.progress.ratio, 4) == 0.8382
    assert row.status == "behind"
    assert round(row.growth_ratio.ratio, 4) == 0.8382
    assert row.status_for(EUROSTAT) == "moderate"


def test_w1_exactly_on_the_milestone_is_on_track(tmp_path):
    row = row_of(w1(tmp_path, "2022: 60\n"), "level")
    assert row.progress.ratio == pytest.approx(1.0)
    assert row.status == "on_track"


def test_w1_2023_ahead_and_significant(tmp_path):
    row = row_of(w1(tmp_path, "2023: 75\n"), "level")
    assert row.progress.expected == pytest.approx(0.422757, abs=5e-7)
    assert row.progress.completion == pytest.approx(0.5)
    assert round(row.progress.ratio, 4) == 1.1827
    assert row.status == "ahead"
    g = row.growth_ratio
    assert round(g.actual * 100, 4) == 14.4714
    assert round(g.required * 100, 4) == 12.4718
    assert round(g.ratio, 4) == 1.1603
    assert g.status == "significant"


def test_w2_cumulative_percentage_points(tmp_path):
    plan = load(make(tmp_path, "  share: 60\n", "  share: {change: 15, stated: 〔15〕}\n", "  share:\n    2023: 70\n"))
    row = row_of(plan, "share")
    assert row.target.value == 75
    assert row.target.form == "change"
    assert round(row.progress.ratio, 4) == 1.1111
    assert row.status == "ahead"
    assert row.from_latest.required_change == pytest.approx(2.5)


def test_w3_average_annual_growth(tmp_path):
    plan = load(make(tmp_path, "  level: 200\n", "  level: {annual_growth_percent: 8}\n", "  level:\n    2023: 245\n"))
    row = row_of(plan, "level")
    assert round(row.target.value, 4) == 293.8656
    assert round(row.progress.completion, 6) == 0.479409
    assert round(row.progress.expected, 6) == 0.553370
    assert round(row.progress.ratio, 4) == 0.8663
    assert row.status == "behind"
    g = row.growth_ratio
    assert round(g.actual * 100, 4) == 6.9987
    assert g.required == pytest.approx(0.08)  # the plan's own rate
    assert round(g.ratio, 4) == 0.8748
    assert g.status == "moderate"
    assert round(row.from_latest.required_growth * 100, 4) == 9.5195


def test_w4_relative_change_observed_as_yearly_changes(tmp_path):
    plan = load(
        make(
            tmp_path,
            "  intensity: 0.50\n",
            "  intensity: {change_percent: -18, stated: 累计下降18%}\n",
            "  intensity:\n    2021: -4.0\n    2022: -3.5\n    2023: -4.2\n",
        )
    )
    row = row_of(plan, "intensity")
    assert row.target.value == pytest.approx(0.41)
    assert round(row.latest.value, 6) == 0.443746
    assert round((row.latest.value / 0.5 - 1) * 100, 4) == -11.2509
    assert row.latest.change_percent == -4.2
    assert round(row.progress.completion, 6) == 0.625049
    assert round(row.progress.expected, 6) == 0.623638
    assert round(row.progress.ratio, 4) == 1.0023
    assert row.status == "on_track"
    assert round(row.growth_ratio.ratio, 4) == 1.0024
    assert row.status_for(EUROSTAT) == "significant"
    assert round(row.from_latest.required_growth * 100, 4) == -3.8775


@pytest.mark.parametrize(("observed", "verdict"), [(89.9, "not_achieved"), (90, "achieved")])
def test_w5_final_verdict(tmp_path, observed, verdict):
    plan = load(
        make(
            tmp_path,
            "  share: 80\n",
            '  share: {value: 90, bound: at_least, stated: "≥90%"}\n',
            f"  share:\n    2023: 85\n    2025: {observed}\n",
        )
    )
    row = row_of(plan, "share")
    assert row.status == verdict
    assert row.status_for(EUROSTAT) == verdict


# --- the same cases written only as the plan writes them (`stated:`), read by jmplan.plan.stated


def test_w2_from_stated_text(tmp_path):
    plan = load(make(tmp_path, "  share: 60\n", "  share: {stated: 〔15〕}\n", "  share:\n    2023: 70\n"))
    row = row_of(plan, "share")
    assert (row.target.form, row.target.value, row.target.bound) == ("change", 75, "at_least")
    assert round(row.progress.ratio, 4) == 1.1111


def test_w3_from_stated_text(tmp_path):
    plan = load(make(tmp_path, "  level: 200\n", "  level: {stated: 年均增长8%}\n", "  level:\n    2023: 245\n"))
    row = row_of(plan, "level")
    assert row.target.form == "annual_growth_percent"
    assert round(row.target.value, 4) == 293.8656
    assert round(row.growth_ratio.ratio, 4) == 0.8748


def test_w4_from_stated_text(tmp_path):
    plan = load(
        make(
            tmp_path,
            "  intensity: 0.50\n",
            "  intensity: {stated: 累计下降18%}\n",
            "  intensity:\n    2021: -4.0\n    2022: -3.5\n    2023: -4.2\n",
        )
    )
    row = row_of(plan, "intensity")
    assert row.target.value == pytest.approx(0.41)
    assert round(row.progress.ratio, 4) == 1.0023


@pytest.mark.parametrize(("observed", "verdict"), [(89.9, "not_achieved"), (90, "achieved")])
def test_w5_from_stated_text(tmp_path, observed, verdict):
    plan = load(make(tmp_path, "  share: 80\n", '  share: {stated: "90%以上"}\n', f"  share:\n    2025: {observed}\n"))
    row = row_of(plan, "share")
    assert row.target.bound == "at_least"
    assert row.status == row.status_for(EUROSTAT) == verdict


def test_stated_and_explicit_form_agree(tmp_path):
    plan = load(make(tmp_path, "  share: 60\n", "  share: {change: 15, stated: 〔>15〕}\n"))
    assert plan.targets["share"].bound == "at_least"
    assert plan.targets["share"].bound_stated


def test_a_ceiling_the_baseline_meets_is_a_real_target(tmp_path):
    """控制在5.5%以内 above a baseline of 4 % for a less-is-better rate: met while at or below 5.5."""
    plan_text = (
        PLAN
        + "  unemployment:\n    name_zh: 失业率\n    unit: '%'\n    growth_model: linear\n    direction: decrease\n"
    )
    plan = load(
        make(
            tmp_path,
            "  unemployment: 4.0\n",
            "  unemployment: {stated: 控制在5.5%以内}\n",
            "  unemployment:\n    2025: 5.5\n",
            plan=plan_text,
        )
    )
    row = row_of(plan, "unemployment")
    assert row.target.bound == "at_most"
    assert row.status == "achieved"  # 以内 includes the number


def test_about_is_met_within_the_tolerance(tmp_path):
    plan_text = PLAN.replace("  target_year: 2025\n", "  target_year: 2025\n  thresholds:\n    about: 0.02\n")
    folder = make(
        tmp_path, "  share: 60\n", "  share: {stated: 70%左右}\n", "  share:\n    2025: 68.6\n", plan=plan_text
    )
    assert row_of(load(folder), "share").status == "achieved"  # |68.6 - 70| = 1.4 <= 0.02 * 70
    (folder / "actuals.yaml").write_text("observations:\n  share:\n    2025: 68.5\n", encoding="utf-8")
    assert row_of(load(folder), "share").status == "not_achieved"


def test_keep_is_met_while_the_level_holds(tmp_path):
    plan = load(make(tmp_path, "  share: 100\n", "  share: {stated: 保持100%}\n", "  share:\n    2023: 100\n"))
    row = row_of(plan, "share")
    assert row.target.keep and row.target.value == 100
    assert row.status == "achieved"


def test_verdict_awaits_the_target_year(tmp_path):
    """--year 2025 with data only to 2023: a progress status, and the verdict waits for 2025."""
    plan = load(make(tmp_path, "  share: 60\n", "  share: {change: 15}\n", "  share:\n    2023: 70\n"))
    row = row_of(plan, "share", year=2025)
    assert row.status == "ahead"
    assert row.verdict_awaits == 2025


def test_previous_version_applies_before_its_until(tmp_path):
    targets = "  level:\n    value: 100\n    previous:\n      - {value: 90, until: 2023, source: 草案}\n"
    plan = load(make(tmp_path, "  level: 50\n", targets, "  level:\n    2022: 60\n    2024: 80\n"))
    early = row_of(plan, "level", year=2022)
    assert early.target.value == 90 and early.replaced == ()
    late = row_of(plan, "level", year=2024)
    assert late.target.value == 100 and [v.value for v in late.replaced] == [90]


def test_index_of_100_for_a_relative_target_without_a_level(tmp_path):
    """GDP observed only as 增长x%: a 年均增长 target runs on an index of 100."""
    plan_text = PLAN + (
        "  gdp:\n    name_zh: 地区生产总值\n    unit: 亿元\n    growth_model: compound\n"
        "    observed_as: annual_change_percent\n"
    )
    plan = load(
        make(
            tmp_path,
            "  level: 1\n",
            "  gdp: {stated: 年均增长6%}\n",
            "  gdp:\n    2021: 6.0\n    2022: 6.0\n",
            plan=plan_text,
        )
    )
    row = row_of(plan, "gdp")
    assert row.baseline.value == 100
    assert row.latest.value == pytest.approx(100 * 1.06**2)
    assert row.growth_ratio.ratio == pytest.approx(1.0)
    assert row.status == "on_track"


# --- what the outputs show


def _outputs_plan(tmp_path):
    """level (binding) 50 -> 100 via the 2022 milestone 60, behind at 54 in 2021; share 60 + 〔>15〕, missed in 2025."""
    return make(
        tmp_path / "out",
        "  level: 50\n  share: 60\n",
        "  level: 100\n  share: {stated: 〔>15〕}\n",
        "  level:\n    2021: 54\n  share:\n    2025: 74\n",
        milestones=W1_MILESTONE,
    )


def test_status_shows_attribute_and_the_target_as_stated(run, tmp_path):
    out = run("status", "--lang", "zh", "--data-dir", str(_outputs_plan(tmp_path))).stdout
    header = next(line for line in out.splitlines() if line.startswith("指标"))
    assert "属性" in header
    level = next(line for line in out.splitlines() if line.startswith("水平"))
    share = next(line for line in out.splitlines() if line.startswith("比率"))
    assert "约束性" in level and "预期性" in share
    assert "75% (〔>15〕)" in share and "未完成" in share


def test_check_fails_on_not_achieved(run, tmp_path):
    result = run("status", "--check", "--data-dir", str(_outputs_plan(tmp_path)))
    assert result.exit_code == 3
    assert "not achieved" in result.stderr and "share" in result.stderr


def test_gap_shows_the_next_milestone_and_what_it_needs(run, tmp_path):
    out = run("gap", "-m", "level", "--lang", "en", "--data-dir", str(_outputs_plan(tmp_path))).stdout
    # from 54 in 2021 to 60 in 2022: 60 / 54 - 1 = 11.1 % in one year
    assert "Next milestone (2022): 60 亿元; needed per year 11.1%/yr" in out
    assert "Milestone (2022): 60 亿元" in out


def test_json_carries_the_new_keys(run, tmp_path):
    import json

    data = json.loads(run("status", "-f", "json", "--data-dir", str(_outputs_plan(tmp_path))).stdout)
    assert data["schema_version"] == 2
    level, share = (m for m in data["metrics"] if m["key"] in ("level", "share"))
    assert level["attribute"] == "binding" and level["observed_as"] == "level"
    assert level["milestones"] == [{"year": 2022, "value": 60.0, "stated": "", "source": ""}]
    assert (share["target"]["form"], share["target"]["bound"], share["target"]["previous"]) == (
        "change",
        "at_least",
        [],
    )
    assert share["target"]["value"] == 75 and share["target"]["stated"] == "〔>15〕"
    assert share["status"] == "not_achieved"
    gap = json.loads(run("gap", "-m", "level", "-f", "json", "--data-dir", str(_outputs_plan(tmp_path))).stdout)
    assert next(iter(gap)) == "schema_version"


def test_csv_has_attribute_form_bound_and_stated(run, tmp_path):
    import csv
    import io

    text = run("status", "-f", "csv", "--lang", "en", "--data-dir", str(_outputs_plan(tmp_path))).stdout
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    share = dict(zip(rows[0], rows[2]))
    assert (share["Attribute"], share["Target form"], share["Bound"], share["As stated"]) == (
        "expected",
        "change",
        "at_least",
        "〔>15〕",
    )


def test_report_lists_binding_indicators_off_course_first(run, tmp_path):
    folder = _outputs_plan(tmp_path)
    out = tmp_path / "report.md"
    run("report", "--lang", "en", "--data-dir", str(folder), "-o", str(out))
    summary = out.read_text(encoding="utf-8").split("\n## ")[1]
    lines = [line for line in summary.splitlines() if line.startswith("- ")]
    assert lines[0] == "- Binding indicators behind or not achieved: 水平 (behind)"


def test_chinese_only_plan_falls_back_to_chinese_names(run, tmp_path):
    out = run("status", "--lang", "en", "--data-dir", str(_outputs_plan(tmp_path))).stdout
    assert out.splitlines()[0] == "测试规划"
    assert any(line.startswith("水平") for line in out.splitlines())


def test_record_takes_a_negative_yearly_change(run, tmp_path):
    """下降4.0% is recorded as -4.0 on an indicator observed as yearly changes; JSON shows the chained level."""
    import json

    folder = make(tmp_path, "  intensity: 0.50\n", "  intensity: {stated: 累计下降18%}\n")
    (folder / "actuals.yaml").write_text("observations: {}\n", encoding="utf-8")
    result = run("record", "intensity", "2021", "-4.0", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "-4.0%" in result.stdout
    assert run("record", "intensity", "2022", "-3.5%", "--data-dir", str(folder)).exit_code == 0
    gap = json.loads(run("gap", "-m", "intensity", "-f", "json", "--data-dir", str(folder)).stdout)
    assert [o["reported_change_percent"] for o in gap["observations"]] == [-4.0, -3.5]
    assert gap["observations"][-1]["value"] == pytest.approx(0.5 * 0.96 * 0.965)


def test_a_range_the_baseline_already_meets_is_accepted(tmp_path):
    """A less-is-better rate of 4 with a target range 3—5: met at the high end, which 4 already meets."""
    plan_text = (
        PLAN + "  rate:\n    name_zh: 比率二\n    unit: '%'\n    growth_model: linear\n    direction: decrease\n"
    )
    plan = load(make(tmp_path, "  rate: 4\n", "  rate: {stated: 3—5%}\n", plan=plan_text))
    target = plan.targets["rate"]
    assert (target.form, target.value, target.upper) == ("range", 5, 5)
    assert fmt.figure(target, plan.indicators["rate"], "en") == "3–5%"


def test_json_says_the_verdict_awaits_the_target_year(tmp_path):
    """The same in JSON: a script can tell a progress status at the target
    year from a verdict (W2's 60 % + 〔15〕, 70 in 2023, asked for 2025)."""
    import json

    from conftest import run_main

    folder = make(tmp_path, "  share: 60\n", "  share: {change: 15}\n", "  share:\n    2023: 70\n")
    code, out, _ = run_main(["status", "--format", "json", "--year", "2025", "--data-dir", folder])
    metric = next(m for m in json.loads(out)["metrics"] if m["key"] == "share")
    assert code == 0 and (metric["status"], metric["verdict_awaits"]) == ("ahead", 2025)
    code, out, _ = run_main(["status", "--format", "json", "--year", "2023", "--data-dir", folder])
    metric = next(m for m in json.loads(out)["metrics"] if m["key"] == "share")
    assert code == 0 and metric["verdict_awaits"] is None


# --- the next milestone, the subset of indicators, notes up to a year (assess.py)


def test_the_next_milestone_and_the_leg_to_it(tmp_path):
    """W1: 50 in 2020, the milestone 60 in 2022, the target 100 in 2025."""
    row = row_of(w1(tmp_path / "a", "2021: 54\n"), "level")
    assert (row.next_milestone.year, row.next_milestone.value) == (2022, 60)
    leg = row.to_next_milestone()
    # from 54 in 2021 to 60 in 2022: 6 in one year, 6 / 54 = 1/9 of the start
    assert (leg.start.year, leg.start.value, leg.target.year) == (2021, 54, 2022)
    assert leg.gap == 6 and leg.required_change == 6
    assert leg.relative_gap == pytest.approx(1 / 9) and leg.required_growth == pytest.approx(1 / 9)
    assert leg.undefined_reason is None and leg.bound is None
    # from the latest value the path still runs through the milestone, then to the target
    assert row.from_latest.points == [(2021, 54), (2022, 60), (2025, 100)]
    assert row.from_baseline.points == [(2020, 50), (2022, 60), (2025, 100)]

    # nothing observed yet: from the baseline, 50 -> 60 over two years is sqrt(1.2) - 1 a year, 5 a year linear
    plan = load(make(tmp_path / "b", "  level: 50\n", "  level: 100\n", milestones=W1_MILESTONE))
    leg = row_of(plan, "level").to_next_milestone()
    assert (leg.start.year, leg.target.year) == (2020, 2022)
    assert leg.required_growth == pytest.approx(math.sqrt(1.2) - 1) and leg.required_change == 5

    # in the milestone's own year the next step is the target, with no milestone left
    row = row_of(w1(tmp_path / "c", "2022: 60\n"), "level")
    assert row.next_milestone is None and row.to_next_milestone() is None
    assert row.from_latest.points == [(2022, 60), (2025, 100)]


def test_a_lower_bound_start_needs_at_most_or_at_least(tmp_path):
    """超过700 is really more than 700: an increase from it needs at most the
    computed rate, a decrease from it at least the computed fall."""
    plan_text = PLAN.replace(
        "    attribute: binding\n",
        "    attribute: binding\n  fall:\n    name_zh: 下降\n"
        "    unit: 亿元\n    growth_model: compound\n    direction: decrease\n",
    )
    baseline = "  level: {value: 50, qualifier: over}\n  fall: {value: 50, qualifier: over}\n"
    plan = load(make(tmp_path, baseline, "  level: 100\n  fall: 25\n", plan=plan_text))
    assert row_of(plan, "level").from_baseline.bound == "at_most"
    assert row_of(plan, "fall").from_baseline.bound == "at_least"
    assert row_of(plan, "fall").from_baseline.required_growth == pytest.approx(0.5 ** (1 / 5) - 1)


def test_only_the_indicators_asked_for(tmp_path):
    plan_text = PLAN + "goals:\n  hub:\n    text_zh: 枢纽\ntasks:\n  build:\n    text_zh: 建设\n"
    plan = load(make(tmp_path, "  level: 50\n  share: 60\n", "  level: 100\n  share: 75\n", plan=plan_text))
    assessed = assess_plan(plan)
    assert [goal.key for goal in assessed.goals] == ["hub"] and [task.key for task in assessed.tasks] == ["build"]
    assert [row.key for row in assessed.rows] == ["level", "share", "intensity"]
    subset = assessed.only(["share"])
    assert [row.key for row in subset.rows] == ["share"]
    assert subset.goals == () and subset.tasks == ()  # no department owns them


def test_notes_up_to_the_year_asked_for(tmp_path):
    actuals = "  share:\n    2022: 65\nnotes:\n  share:\n    2021: 口径调整\n    2022: 初步数\n    2023: 修订\n"
    plan = load(make(tmp_path, "  share: 60\n", "  share: 75\n", actuals))
    assert [note.year for note in row_of(plan, "share", year=2022).notes] == [2021, 2022]  # the year itself counts
    assert [note.year for note in assess_plan(plan, 2022).notes_for("share")] == [2021, 2022]
    assert [note.year for note in row_of(plan, "share").notes] == [2021, 2022, 2023]


def test_an_observation_standing_in_for_the_baseline_counts_once(tmp_path):
    """No baseline for the share: its first observation (60 in 2021) is the
    baseline, and the pace is the least-squares slope over 2021-2023 with each
    year once: mean year 2022, mean value 65, slope ((-1)(-5) + (1)(6)) / 2 = 5.5."""
    observations = "  share:\n    2021: 60\n    2022: 64\n    2023: 71\n"
    row = row_of(load(make(tmp_path, "  level: 50\n", "  share: 75\n", observations)), "share")
    assert row.baseline_observed and (row.baseline.year, row.baseline.value) == (2021, 60)
    assert (row.latest.year, row.latest.value) == (2023, 71)
    # 71 + 5.5 × 2 = 82 in 2025; 75 is passed after (75 - 71) / 5.5 = 0.73 years: in 2024
    assert row.projection.value == pytest.approx(82) and row.projection.year_reached == 2024


def test_the_version_in_force_follows_the_year_assessed(tmp_path):
    """A version replaced in 2023 applies to the years before 2023: the year
    asked for decides, else the latest observation's year (methods.md, Revised targets)."""
    targets = "  level:\n    value: 100\n    previous:\n      - {value: 90, until: 2023, source: 草案}\n"
    milestones = {2022: "  level:\n    value: 60\n    previous:\n      - {value: 55, until: 2022, source: 草案}\n"}
    plan = load(make(tmp_path, "  level: 50\n", targets, "  level:\n    2021: 54\n", milestones=milestones))
    latest_only = row_of(plan, "level")  # assessed in 2021, the latest observation's year
    assert latest_only.target.value == 90 and [m.value for m in latest_only.milestones] == [55]
    asked = row_of(plan, "level", year=2023)  # the same data asked for 2023
    assert asked.target.value == 100 and [v.value for v in asked.replaced] == [90]
    assert [m.value for m in asked.milestones] == [60]


def test_an_observation_in_the_base_year_is_the_latest_value(tmp_path):
    """A figure observed for the base year itself (a revised baseline) is the
    latest value, but no time has passed: no growth to judge yet."""
    row = row_of(load(make(tmp_path, "  share: 60\n", "  share: 75\n", "  share:\n    2020: 61\n")), "share")
    assert (row.latest.year, row.latest.value) == (2020, 61) and row.has_observation
    assert row.status == "no_data" and row.status_reason("time") == "no observation after the baseline yet"
    assert row.from_latest.gap == 14  # 75 - 61, not 75 - 60


def test_a_milestone_in_the_observed_baselines_year_is_behind_it(tmp_path):
    """No baseline stated: the first observation (62 in 2022) stands in, so a
    milestone of that same year is not ahead of it and the path runs straight to the target."""
    milestones = {2022: "  share: 65\n"}
    observations = "  share:\n    2022: 62\n    2023: 66\n"
    row = row_of(load(make(tmp_path, "  level: 50\n", "  share: 75\n", observations, milestones=milestones)), "share")
    assert row.baseline.year == 2022 and row.milestones == ()
    assert row.from_baseline.points == [(2022, 62), (2025, 75)]
    # linear, 13 points over 3 years: e = 1/3, c = 4/13, r = 12/13 = 0.923 on track
    assert row.progress.ratio == pytest.approx(12 / 13) and row.status == "on_track"


def test_off_course_under_the_method_asked_for(tmp_path):
    """W1 in 2021: behind under method 1, moderate under method 2, so off
    course (what `status --check` alerts on) under the first only."""
    row = row_of(w1(tmp_path, "2021: 54\n"), "level")
    assert row.is_off_course("time") and not row.is_off_course(EUROSTAT)


def test_about_is_met_before_the_target_year_too(tmp_path):
    """70%左右 with 5 %: 67 in 2023 is within 3.5 of 70, so met (achieved) under both methods, not behind."""
    folder = make(tmp_path, "  share: 60\n", "  share: {stated: 70%左右}\n", "  share:\n    2023: 67\n")
    row = row_of(load(folder), "share")
    assert row.status_for("time") == "achieved" and row.status_for(EUROSTAT) == "achieved"


def test_the_plans_own_on_track_bound(tmp_path):
    """W1 in 2021 has r = 0.8382: behind at the default 0.90, on track at the plan's 0.80."""
    plan_text = PLAN.replace("  target_year: 2025\n", "  target_year: 2025\n  thresholds:\n    on_track: 0.80\n")
    folder = make(tmp_path, "  level: 50\n", "  level: 100\n", "  level:\n    2021: 54\n", W1_MILESTONE, plan_text)
    assert row_of(load(folder), "level").status == "on_track"


def test_milestones_with_levels_below_one(tmp_path):
    """W1 scaled down a hundredfold (0.5, milestone 0.6 in 2022, target 1.0;
    0.54 in 2021): the same ratios, g_req(t) from the path, R = 0.8382 moderate."""
    folder = make(tmp_path, "  level: 0.5\n", "  level: 1.0\n", "  level:\n    2021: 0.54\n", {2022: "  level: 0.6\n"})
    row = row_of(load(folder), "level")
    assert row.growth_ratio.required == pytest.approx(math.sqrt(1.2) - 1)
    assert round(row.growth_ratio.ratio, 4) == 0.8382 and row.status_for(EUROSTAT) == "moderate"


def test_milestones_from_a_baseline_of_zero(tmp_path):
    """A share from 0 (milestone 10 in 2022, target 30): no growth rate from 0
    under method 2; method 1 runs along the linear path, 5 in 2021 is on it (r = 1)."""
    folder = make(tmp_path, "  share: 0\n", "  share: 30\n", "  share:\n    2021: 5\n", {2022: "  share: 10\n"})
    row = row_of(load(folder), "share")
    assert row.status_for(EUROSTAT) == "no_data" and row.status_reason(EUROSTAT) == "the baseline is not positive"
    assert row.progress.ratio == pytest.approx(1.0) and row.status == "on_track"


def test_an_observation_in_the_base_year_with_milestones(tmp_path):
    """W1 with a figure for 2020 itself: no time has passed, so no rate yet under either method."""
    row = row_of(w1(tmp_path, "2020: 51\n"), "level")
    assert row.status_for("time") == "no_data" and row.status_for(EUROSTAT) == "no_data"
    assert row.status_reason(EUROSTAT) == "no observation after the baseline yet"


def test_a_path_down_to_zero_has_no_growth_rate(tmp_path):
    """A share to bring down from 10 to 0 by the 2022 milestone: at 0 the path
    has no compound rate, so method 2 says why instead of R (1 in 2022 is
    -68 % a year, against no required rate)."""
    plan_text = PLAN.replace(
        '    unit: "%"\n    growth_model: linear\n',
        '    unit: "%"\n    growth_model: linear\n    direction: decrease\n',
    )
    folder = make(
        tmp_path, "  share: 10\n", "  share: 0\n", "  share:\n    2022: 1\n", {2022: "  share: 0\n"}, plan_text
    )
    row = row_of(load(folder), "share")
    assert row.status_for(EUROSTAT) == "no_data" and row.status_reason(EUROSTAT) == "the target is not positive"
    assert row.growth_ratio.actual == pytest.approx(math.sqrt(0.1) - 1)
