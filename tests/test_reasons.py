"""Every "no data" and every undefined figure says why, in every format."""

import csv
import io
import json

import pytest
from conftest import write_plan

from jmplan.measure import calc


def test_calc_gives_the_reason_of_each_no_data():
    assert calc.time_progress(100, 100, 0, 150, 5, calc.COMPOUND, +1).reason == calc.NO_LATER_VALUE
    # target equal to the baseline, fallen short of it: r undefined, and why
    assert calc.time_progress(100, 90, 2, 100, 5, calc.LINEAR, +1).reason == calc.TARGET_IS_BASELINE
    assert calc.eurostat(0, 10, 3, 50, 5, +1).reason == calc.BASELINE_NOT_POSITIVE
    assert calc.eurostat(10, 0, 3, 50, 5, +1, met=False).reason == calc.LATEST_NOT_POSITIVE
    assert calc.eurostat(40, 30, 3, 40, 5, +1, met=False).reason == calc.TARGET_IS_BASELINE
    assert calc.eurostat(0, 10, 3, None, 5, +1).reason == calc.BASELINE_NOT_POSITIVE


def test_json_says_why(run):
    metrics = {m["key"]: m for m in json.loads(run("status", "--format", "json").stdout)["metrics"]}
    assert metrics["ecommerce"]["status"] == "no_data"
    assert metrics["ecommerce"]["status_reason"] == "no observation after the baseline yet"
    assert metrics["fibre_to_home"]["status_reason"] == "the plan states no baseline and nothing is observed yet"
    assert metrics["fibre_length"]["status_reason"] is None  # no target: nothing to explain


@pytest.mark.parametrize(
    "lang, cell, footnote",
    [("en", "no data ¹", "¹ no observation after the baseline yet"), ("zh", "暂无数据 ¹", "¹ 基期后尚无观测值")],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_table_marks_and_footnotes(run, lang, cell, footnote, fmt):
    out = run("status", "--lang", lang, "--format", fmt).stdout
    assert cell in out and footnote in out


def test_csv_has_why_columns(run):
    out = run("status", "--format", "csv", "--lang", "en").stdout
    rows = {r["Key"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert rows["ecommerce"]["Why this status"] == "no observation after the baseline yet"
    assert rows["benchmark_fields"]["Why this status"] == "the plan states no baseline and nothing is observed yet"


def test_gap_and_report_say_why(run):
    assert "Status: no data (no observation after the baseline yet)" in run("gap", "--metric", "ecommerce").stdout
    report = run("report", "--lang", "en").stdout
    assert "status: no data (no observation after the baseline yet)" in report
    assert "status: no data." not in report


BASELINE_ZERO = """\
year: 2015
values:
  sales: 100
  share: 0
"""


def test_a_baseline_of_0_under_method_2(run, tmp_path):
    """Growth from 0 is undefined: method 2 says no data, and why."""
    plan = write_plan(tmp_path / "plan", baseline=BASELINE_ZERO, actuals="observations:\n  share: {2018: 10}\n")
    out = json.loads(run("status", "--method", "eurostat", "--format", "json", "--data-dir", plan).stdout)
    share = next(m for m in out["metrics"] if m["key"] == "share")
    assert (share["status"], share["status_reason"]) == ("no_data", "the baseline is not positive")
    text = run("status", "--method", "eurostat", "--lang", "en", "--data-dir", plan).stdout
    # sales, with nothing after its baseline, takes the first mark
    assert "no data ²" in text and "² the baseline is not positive" in text


@pytest.mark.parametrize("args", [["report"], ["status", "--layout", "review"]])
def test_completion_table_marks_and_footnotes(run, args):
    out = run(*args, "--lang", "en").stdout
    assert "no data ¹" in out and "¹ no observation after the baseline yet" in out
    assert "² the plan states no baseline and nothing is observed yet" in out


def test_completion_table_csv_says_why(run):
    out = run("status", "--layout", "review", "--format", "csv", "--lang", "en").stdout
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    ecommerce = next(r for r in rows if r["Key"] == "ecommerce")
    assert ecommerce["Why this status"] == "no observation after the baseline yet"


def test_gap_says_why_method_2_cannot_class(run, tmp_path):
    plan = write_plan(tmp_path / "plan", baseline=BASELINE_ZERO, actuals="observations:\n  share: {2018: 10}\n")
    out = run("gap", "--metric", "share", "--lang", "en", "--data-dir", plan).stdout
    assert "Growth ratio (method 2): no data (the baseline is not positive)" in out
