"""Broken data files: one clear `FILE:LINE: message` per problem on stderr,
exit 1, nothing on stdout, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALL_BASELINE, SMALL_PLAN, SMALL_TARGETS, write_plan

ROOT = Path(__file__).resolve().parent.parent


def _case(tmp_path, monkeypatch, run, **files):
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "p", **files)
    result = run("status", "--data-dir", "p")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_malformed_yaml(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets="year: 2020\nvalues:\n  sales: [150\n  share: 90\n")
    assert lines[0].startswith("p/targets.yaml:4: YAML syntax error")


def test_wrong_type(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets="year: 2020\nvalues:\n  sales: lots\n  share: 90\n")
    assert lines[0] == "p/targets.yaml:3: 'sales': expected a number, found 'lots'"


def test_number_with_separators_gets_a_hint(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets="year: 2020\nvalues:\n  sales: 1,700\n  share: 90\n")
    assert lines == [
        "p/targets.yaml:3: 'sales': '1,700' is not a plain number",
        "  hint: write it without separators: 1700",
        "jmplan: 1 problem in the plan's data; nothing was computed.",
    ]


def test_missing_field(tmp_path, monkeypatch, run):
    plan = SMALL_PLAN.replace("    unit: 亿元\n", "")
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert lines[0] == "p/plan.yaml:7: indicator 'sales' has no 'unit'"
    assert lines[1] == "  hint: add a line `unit: ...`"


def test_unknown_field_suggests_the_right_one(tmp_path, monkeypatch, run):
    plan = SMALL_PLAN.replace("    growth_model: compound\n", "    growth_modle: compound\n")
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert "p/plan.yaml:12: unknown field 'growth_modle' in indicator 'sales'" in lines
    assert "  hint: did you mean 'growth_model'?" in lines


def test_duplicate_key(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets="year: 2020\nvalues:\n  sales: 150\n  share: 90\n  sales: 160\n")
    assert lines[0] == "p/targets.yaml:5: duplicate key 'sales' (first at line 3)"


def test_target_year_before_base_year(tmp_path, monkeypatch, run):
    plan = SMALL_PLAN.replace("target_year: 2020", "target_year: 2010")
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert lines[0] == "p/plan.yaml:5: target_year 2010 is not after base_year 2015"


def test_targets_file_for_another_year(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets=SMALL_TARGETS.replace("2020", "2010"))
    assert lines[0] == "p/targets.yaml:1: year 2010 does not match the plan's year 2020 for this file"


def test_every_problem_in_one_pass(tmp_path, monkeypatch, run):
    targets = "year: 2020\nvalues:\n  sales: lots\n  share: 120\n  salse: 3\n"
    lines = _case(tmp_path, monkeypatch, run, targets=targets)
    problems = [line for line in lines if line.startswith("p/")]
    assert problems == [
        "p/targets.yaml:3: 'sales': expected a number, found 'lots'",
        "p/targets.yaml:4: the target of 'share' is 120 %, over 100 %",
        "p/targets.yaml:5: target for 'salse', which plan.yaml does not define",
    ]
    assert lines[-1] == "jmplan: 3 problems in the plan's data; nothing was computed."


@pytest.mark.parametrize(
    "target", ["{change: 5}", "{change_percent: 20}", "{annual_growth_percent: 7}", "{stated: 〔5〕}"]
)
def test_a_target_for_a_misspelt_key_is_refused_as_such_in_every_form(tmp_path, monkeypatch, run, target):
    """A change counts from the indicator's baseline and `stated` is read in its
    unit: a key plan.yaml does not define has neither, which once ended in an
    internal error (a change) or in 'has no value' (`stated` alone)."""
    targets = f"year: 2020\nvalues:\n  sales: 150\n  share: 90\n  salse: {target}\n"
    lines = _case(tmp_path, monkeypatch, run, targets=targets)
    assert lines == [
        "p/targets.yaml:5: target for 'salse', which plan.yaml does not define",
        "  hint: did you mean 'sales', 'share'?",
        "jmplan: 1 problem in the plan's data; nothing was computed.",
    ]


def test_until_on_the_target_in_force_is_refused(tmp_path, monkeypatch, run):
    """`until: YEAR` is the year a previous version was replaced. On the target
    in force it meant nothing, yet was taken silently, and the JSON output showed
    that target as replaced."""
    targets = "year: 2020\nvalues:\n  sales:\n    value: 150\n    until: 2018\n  share: 90\n"
    lines = _case(tmp_path, monkeypatch, run, targets=targets)
    assert lines == [
        "p/targets.yaml:5: unknown field 'until' in the figure for 'sales'",
        "  hint: `until: YEAR` is the year the version was replaced",
        "jmplan: 1 problem in the plan's data; nothing was computed.",
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("no", "expected a number, found 'no'"),  # YAML 1.1 would read False
        ("012", "'012' is not a plain number"),  # ... the octal 10
        ("1:20", "expected a number, found '1:20'"),  # ... the sexagesimal 80
        ('"150"', "should be a number, found the text '150'"),
        (".nan", "'.nan' is not a finite number"),
        ("7.76万", "'7.76万' is not a plain number"),
    ],
)
def test_yaml_traps_are_refused_not_misread(tmp_path, monkeypatch, run, text, message):
    lines = _case(tmp_path, monkeypatch, run, targets=f"year: 2020\nvalues:\n  sales: {text}\n  share: 90\n")
    assert lines[0].startswith("p/targets.yaml:3: ") and message in lines[0]


def test_python_tags_are_refused(tmp_path, monkeypatch, run):
    targets = "year: 2020\nvalues:\n  sales: !!python/object/apply:os.system ['echo hacked']\n  share: 90\n"
    lines = _case(tmp_path, monkeypatch, run, targets=targets)
    assert lines[0].startswith("p/targets.yaml:3: the tag !!python/object/apply:os.system is not allowed")


def test_missing_plan_folder(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    result = run("status", "--data-dir", "nowhere")
    assert result.exit_code == 1 and result.stderr.startswith("nowhere: plan folder not found")


def test_missing_targets_file(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    folder = write_plan(tmp_path / "p")
    (folder / "targets.yaml").unlink()
    result = run("metrics", "--data-dir", "p")
    assert result.exit_code == 1 and result.stderr.startswith("p/targets.yaml: file not found")


def test_a_real_process_prints_no_traceback(tmp_path):
    folder = write_plan(tmp_path / "p", baseline=SMALL_BASELINE.replace("value: 100", "value: [1"))
    result = subprocess.run(
        [sys.executable, "-m", "jmplan", "status", "--data-dir", str(folder)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1 and result.stdout == ""
    assert (
        "baseline_2015.yaml:5: YAML syntax error: did not find expected ',' or ']' (while parsing a flow "
        "sequence, which starts on line 4)" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_refused_value_is_reported_once(tmp_path, monkeypatch, run):
    """An alias or a refused tag stands in as 'refused': no second message
    such as "expected a number, found ''" for the same value."""
    targets = "year: 2020\nvalues:\n  sales: &x 150\n  share: *x\n"
    assert _case(tmp_path, monkeypatch, run, targets=targets) == [
        "p/targets.yaml:4: anchors and aliases (& and *) are not supported in plan files",
        "  hint: write the value out in full",
        "jmplan: 1 problem in the plan's data; nothing was computed.",
    ]
    tagged = "year: 2020\nvalues:\n  sales: !!python/object:os.system 150\n  share: 90\n"
    lines = _case(tmp_path, monkeypatch, run, targets=tagged)
    assert lines[0] == "p/targets.yaml:3: the tag !!python/object:os.system is not allowed in a plan file"
    assert lines[-1] == "jmplan: 1 problem in the plan's data; nothing was computed."


# Every check that needs more than one field or file (plan/validate.py), and
# next to each the figure that sits on its edge and must pass: a share of 0
# and of 100, a compound level of 0, a negative linear level, an observation
# in the base and in the target year, a figure in the unit's other names.
CROSS_PLAN = """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
  sales:
    name_zh: 销售额
    name_en: Sales
    unit: 亿元
    unit_zh: 亿元人民币
    unit_en: 100 million yuan
    growth_model: compound
    same_as: ecommerse
  share:
    name_zh: 覆盖率
    name_en: Coverage
    unit: "%"
    growth_model: linear
    same_as: fibre_to_home
  users:
    name_zh: 用户数
    name_en: Users
    unit: 万户
    growth_model: compound
    same_as: fibre_to_home
  gap:
    name_zh: 差额
    name_en: Gap
    unit: 亿元
    growth_model: linear
    same_as: ecommerce
  retail:
    name_zh: 网络零售额
    name_en: Online retail
    unit: 亿元
    growth_model: compound
    same_as: online_retail
  online_retail:
    name_zh: 网上零售
    name_en: Retail online
    unit: 亿元
    growth_model: compound
  apps:
    name_zh: 应用
    name_en: Apps
    unit: 个
    growth_model: compound
    same_as: qqqqqqqq
goals:
  hub:
    text_zh: 成为信息枢纽
    text_en: Become an information hub
tasks:
  build:
    text_zh: 建设
    text_en: Build
common:
  ecommerce:
    name_zh: 电商
    name_en: E-commerce
    unit: "%"
"""
CROSS_BASELINE = """\
year: 2015
values:
  sales:
    value: 100
    unit: 亿元人民币
  share:
    value: 0
    unit: 万元
  users: 0
  gap: -20
  retail: 1
  online_retail: 1
"""
CROSS_TARGETS = """\
year: 2020
values:
  sales: 150
  share: {value: 90, qualifier: range, upper: 101}
  users: {value: -1, qualifier: range, upper: 5}
  retail: 2
  online_retail: 2
  salse: 3
"""
CROSS_MILESTONES = """\
year: 2017
values:
  sales: {value: 120, unit: 100 million yuan}
  share: {value: 0, qualifier: range, upper: 100}
  salse: 1
  hub: 1
  gap: {value: -10, unit: 万元}
"""
CROSS_ACTUALS = """\
observations:
  sales:
    2015: 100
    2020: 140
    2014: 90
    2021: 160
  share:
    2016: -0.5
  salse:
    2016: 1
    2017: 2
notes:
  hubb:
    2018: 已上线
  hub:
    2018: 已上线
  build:
    2018: 已开工
  users:
    2018: 开通
  zzzzzzzz:
    2018: 无
"""


def test_every_cross_file_problem_with_its_hint(tmp_path, monkeypatch, run):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "targets_2017.yaml").write_text(CROSS_MILESTONES, encoding="utf-8")
    files = {"plan": CROSS_PLAN, "baseline": CROSS_BASELINE, "targets": CROSS_TARGETS, "actuals": CROSS_ACTUALS}
    assert _case(tmp_path, monkeypatch, run, **files) == [
        # figures: the baseline's unit (unit_zh passes), a range's ends each checked, then undefined keys
        "p/baseline_2015.yaml:7: the baseline of 'share' is in '万元', but the indicator is measured in '%'",
        "  hint: convert the value to % or fix the unit in plan.yaml",
        "p/targets.yaml:4: the target of 'share' is 101 %, over 100 %",
        "  hint: a share in % lies between 0 and 100; for other ratios use another unit",
        "p/targets.yaml:5: the target of 'users' is -1: a compound indicator cannot be negative"
        " (its growth rate compares levels)",
        "  hint: check the sign; a decrease is set with `direction: decrease`",
        "p/targets.yaml:8: target for 'salse', which plan.yaml does not define",
        "  hint: did you mean 'sales', 'share'?",
        # milestones: unit_en passes, a share's range from 0 to 100 passes; a key with no spelling near it
        # gets the plain hint
        "p/targets_2017.yaml:5: milestone for 2017 for 'salse', which plan.yaml does not define",
        "  hint: did you mean 'sales', 'share'?",
        "p/targets_2017.yaml:6: milestone for 2017 for 'hub', which plan.yaml does not define",
        "  hint: add it under `indicators:` in plan.yaml",
        "p/targets_2017.yaml:7: the milestone for 2017 of 'gap' is in '万元', but the indicator is measured in '亿元'",
        "  hint: convert the value to 亿元 or fix the unit in plan.yaml",
        # observations: an undefined key once per file, however many years it has
        "p/actuals.yaml:8: the observation for 2016 of 'share' is -0.5: a share in % cannot be negative",
        "  hint: check the sign; a decrease is set with `direction: decrease`",
        "p/actuals.yaml:10: observation for 2016 for 'salse', which plan.yaml does not define",
        "  hint: did you mean 'sales', 'share'?",
        # years: 2015 and 2020 are the plan's own
        "p/actuals.yaml:5: observation for 'sales' in 2014, outside the plan's years 2015–2020",
        "  hint: use a year from 2015 to 2020",
        "p/actuals.yaml:6: observation for 'sales' in 2021, outside the plan's years 2015–2020",
        "  hint: use a year from 2015 to 2020",
        # notes: a goal, a task and an indicator are known; nothing spelt near: no hint
        "p/actuals.yaml:14: note for 'hubb', which is no goal, task or indicator of the plan",
        "  hint: did you mean 'hub'?",
        "p/actuals.yaml:22: note for 'zzzzzzzz', which is no goal, task or indicator of the plan",
        # same_as: jmplan's own common list wins over the plan's redefinition (gap in 亿元 passes)
        "p/plan.yaml:59: common indicator 'ecommerce' is already in jmplan's common list",
        "  hint: use it as it is (`same_as: ecommerce`), or give yours another key",
        "p/plan.yaml:14: same_as: 'ecommerse' is not a key of the common list",
        "  hint: did you mean 'ecommerce'?",
        "p/plan.yaml:26: 'users' is measured in '万户', which does not convert to '%', the unit of common"
        " indicator 'fibre_to_home'",
        "  hint: same_as joins indicators that measure the same thing: give 'users' '%' or a multiple of it"
        " (万, 亿; k, M, G, T for rates), or remove same_as",
        "p/plan.yaml:26: 'users' and 'share' would both be compared as 'fibre_to_home'",
        "  hint: one indicator of a plan stands for a common indicator; remove one same_as",
        # the second claim on a key: where same_as says so, else the indicator itself (its key is the common key)
        "p/plan.yaml:39: 'online_retail' and 'retail' would both be compared as 'online_retail'",
        "  hint: one indicator of a plan stands for a common indicator; remove one same_as",
        "p/plan.yaml:49: same_as: 'qqqqqqqq' is not a key of the common list",
        "  hint: see the README's list of common indicators, or add yours under `common:` in plan.yaml",
        # milestones: one for an indicator without a target (gap: a negative level is fine when linear)
        "p/targets_2017.yaml:7: milestone for 'gap', which has no target in targets.yaml",
        "  hint: a milestone is a step on the way to a target: add the target, or move this one there",
        "jmplan: 20 problems in the plan's data; nothing was computed.",
    ]


def test_a_tag_on_a_mapping_read_straight_into_figures_is_refused(tmp_path, monkeypatch, run):
    # an indicator's observations are read by the loader's fast path; the tag check must not be skipped there
    actuals = "observations:\n  sales: !!python/object:os.system\n    2018: 120\n"
    lines = _case(tmp_path, monkeypatch, run, actuals=actuals)
    assert lines[0] == "p/actuals.yaml:2: the tag !!python/object:os.system is not allowed in a plan file"


def test_a_tag_on_an_indicator_is_refused(tmp_path, monkeypatch, run):
    plan = SMALL_PLAN.replace("  sales:\n", "  sales: !!map\n", 1).replace("  share:\n", "  share: !custom\n", 1)
    assert plan != SMALL_PLAN
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert any(line.endswith("the tag !custom is not allowed in a plan file") for line in lines), lines


def test_problems_of_the_yaml_come_before_those_of_the_figures_each_in_file_order(tmp_path, monkeypatch, run):
    # the observations are read into figures while the file is parsed; the order of messages stays as it was
    actuals = "observations:\n  sales:\n    2017: lots\n    2018: 120\n    2018: 121\n  share:\n    2018: *x\n"
    lines = [line for line in _case(tmp_path, monkeypatch, run, actuals=actuals) if line.startswith("p/")]
    assert [line.split(":")[1] for line in lines] == ["5", "7", "3"], lines
    assert "duplicate key '2018'" in lines[0]
    assert "alias" in lines[1]
    assert "'sales': expected a number, found 'lots'" in lines[2]


def test_a_tag_alias_list_or_merge_key_among_years_read_into_figures_is_refused(tmp_path, monkeypatch, run):
    # the keys of an indicator's observations are read by the loader's fast path: each still gets its own message
    actuals = (
        "observations:\n  sales:\n    !custom 2016: 120\n    *y : 130\n    [2018]: 140\n"
        "    2019: !custom 150\n    <<: 5\n    2017: 125\n    !!int 2020: 160\n    2020: 161\n"
    )
    lines = [line for line in _case(tmp_path, monkeypatch, run, actuals=actuals) if line.startswith("p/")]
    assert lines == [
        "p/actuals.yaml:3: the tag !custom is not allowed in a plan file",
        "p/actuals.yaml:4: anchors and aliases (& and *) are not supported in plan files",
        "p/actuals.yaml:5: a key must be plain text, not a list or mapping",
        "p/actuals.yaml:6: the tag !custom is not allowed in a plan file",
        "p/actuals.yaml:7: merge keys (<<) are not supported in plan files",
        "p/actuals.yaml:10: duplicate key '2020' (first at line 9)",
    ]


def test_an_alias_inside_an_indicator_is_refused(tmp_path, monkeypatch, run):
    # each indicator is read while plan.yaml is parsed (loader._IndicatorHook): an alias in it is reported once
    plan = SMALL_PLAN.replace("    name_en: Sales\n", "    name_en: *sales_name\n", 1)
    assert plan != SMALL_PLAN
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert lines[0] == "p/plan.yaml:9: anchors and aliases (& and *) are not supported in plan files"


def test_a_second_document_is_refused_with_its_hint(tmp_path, monkeypatch, run):
    lines = _case(tmp_path, monkeypatch, run, targets=SMALL_TARGETS + "---\nyear: 2021\n")
    assert lines[:2] == [
        f"p/targets.yaml:{SMALL_TARGETS.count(chr(10)) + 1}: YAML syntax error: a second document starts here, "
        "and a plan file holds one",
        "  hint: a plan file is one document: remove the `---` line and what follows, or move it to a file of its own",
    ]


def test_a_duplicate_year_whose_value_is_a_refused_tagged_mapping_says_both_in_order(tmp_path, monkeypatch, run):
    # as in any other mapping: the value's refused tag first, then its key's problem, then anything inside it
    actuals = "observations:\n  sales:\n    2016: 120\n    2016: !custom {a: 1}\n"
    lines = [line for line in _case(tmp_path, monkeypatch, run, actuals=actuals) if line.startswith("p/")]
    assert lines == [
        "p/actuals.yaml:4: the tag !custom is not allowed in a plan file",
        "p/actuals.yaml:4: duplicate key '2016' (first at line 3)",
    ]


def test_a_same_as_written_on_the_next_line_points_at_its_key(tmp_path, monkeypatch, run):
    # the indicator is read in one pass (loader._plain_indicator): its same_as is placed where the full reading puts it
    plan = SMALL_PLAN.replace("    name_en: Sales\n", "    name_en: Sales\n    same_as:\n      no_such_common\n", 1)
    assert plan != SMALL_PLAN
    lines = _case(tmp_path, monkeypatch, run, plan=plan)
    assert lines[0] == "p/plan.yaml:10: same_as: 'no_such_common' is not a key of the common list"
