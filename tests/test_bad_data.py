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
