"""Notes are filtered by --year in one place and shown alike in every output;
a figure's `stated` text and `note`, and an indicator's notes, appear where a
reader looks (gap, report), not only in JSON."""

import csv
import io
import json
import shutil

import pytest
from conftest import SHIPPED

ACTUALS = """\
observations:
  ecommerce:
    2016: 850
    2018: {value: 1200, source: 江门市2018年统计公报, note: 初步数}
notes:
  e_government:
    2017: 网上办事大厅已上线
    2019: 第二期上线
  ecommerce:
    2017: 统计口径调整
    2019: 二次调整
"""


@pytest.fixture
def noted(tmp_path):
    folder = tmp_path / "jiangmen"
    shutil.copytree(SHIPPED, folder)
    (folder / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return folder


def test_json_notes_up_to_the_year(run, noted):
    out = json.loads(run("status", "--year", "2018", "--format", "json", "--data-dir", noted).stdout)
    goal = next(t for t in out["tasks"] if t["key"] == "e_government")
    assert goal["notes"] == [{"year": 2017, "text": "网上办事大厅已上线"}]  # not 2019's
    metric = next(m for m in out["metrics"] if m["key"] == "ecommerce")
    assert metric["notes"] == [{"year": 2017, "text": "统计口径调整"}]


def test_json_all_notes_without_a_year(run, noted):
    out = json.loads(run("status", "--format", "json", "--data-dir", noted).stdout)
    metric = next(m for m in out["metrics"] if m["key"] == "ecommerce")
    assert [n["year"] for n in metric["notes"]] == [2017, 2019]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_status_shows_the_notes_of_tasks_and_indicators(run, noted, fmt):
    out = run("status", "--year", "2018", "--format", fmt, "--lang", "zh", "--data-dir", noted).stdout
    assert "深化电子政务建设、构建“邑门式”服务体系 — 2017: 网上办事大厅已上线" in out
    assert "电子商务交易额 — 2017: 统计口径调整" in out
    assert "第二期上线" not in out and "二次调整" not in out


def test_status_csv_has_a_notes_column(run, noted):
    out = run("status", "--year", "2018", "--format", "csv", "--lang", "en", "--data-dir", noted).stdout
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    ecommerce = next(r for r in rows if r["Key"] == "ecommerce")
    assert ecommerce["Notes"] == "2017: 统计口径调整"


def test_report_shows_task_notes_as_status_does(run, noted):
    out = run("report", "--year", "2018", "--lang", "zh", "--data-dir", noted).stdout
    assert "— 2017: 网上办事大厅已上线" in out and "第二期上线" not in out


@pytest.mark.parametrize("command", [["gap", "--metric", "ecommerce"], ["report"]])
def test_stated_note_and_indicator_notes_where_a_reader_looks(run, noted, command):
    out = run(*command, "--year", "2018", "--lang", "en", "--data-dir", noted).stdout
    assert "Baseline (2015) — As stated: 超过700亿元" in out
    assert "Latest (2018) — Note: 初步数" in out
    assert "Target (2020) — As stated: 1700亿元" in out
    assert "Notes: 2017: 统计口径调整" in out and "二次调整" not in out


def test_a_baseline_note_in_gap(run):
    # the shipped bandwidth baseline carries a note on how "735G" was read
    out = run("gap", "--metric", "bandwidth", "--lang", "en").stdout
    assert 'Note: The text writes "735G"; read as Gbps' in out
