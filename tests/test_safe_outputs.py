"""Text from the data files is safe to open: CSV cannot start a formula in
Excel, HTML escapes it, Markdown keeps it inside its table cell. And an
internal error says it is a bug, in one line, with exit 70."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from conftest import run_main

BASE = Path(__file__).parent / "bad_inputs" / "_base"


def plan_named(tmp_path: Path, name_en: str, actuals: str | None = None) -> Path:
    """The catalogue's base plan with the first indicator's English name set to `name_en`."""
    folder = tmp_path / "plan"
    shutil.copytree(BASE, folder)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    (folder / "plan.yaml").write_text(text.replace("name_en: Sales", f"name_en: {name_en}"), encoding="utf-8")
    if actuals is not None:
        (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return folder


def csv_rows(args) -> list[list[str]]:
    code, stdout, stderr = run_main(args)
    assert (code, stderr) == (0, "")
    return list(csv.reader(io.StringIO(stdout.lstrip("\ufeff"))))


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://example.com","x")', "@SUM(1)", "+1+2", "-2+3", "=1+1", "\tcell", "\rcell"]
)
@pytest.mark.parametrize("command", ["status", "metrics"])
def test_csv_cells_that_excel_would_run_are_neutralised(tmp_path, name, command):
    folder = plan_named(
        tmp_path, '"' + name.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") + '"'
    )
    rows = csv_rows([command, "--format", "csv", "--lang", "en", "--data-dir", folder])
    sales = next(row for row in rows if row[0] == "sales")
    assert "'" + name in sales
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row)


def test_csv_numbers_stay_numbers(tmp_path):
    """A negative gap (the latest value is past the target) is a plain negative number, not text."""
    folder = plan_named(tmp_path, "Sales", actuals="observations:\n  sales:\n    2018: 160.5\n")
    rows = csv_rows(["status", "--format", "csv", "--lang", "en", "--data-dir", folder])
    header, sales = rows[0], next(row for row in rows if row[0] == "sales")
    assert sales[header.index("Gap")] == "-10.5"
    assert float(sales[header.index("Relative gap")]) < 0
    assert not sales[header.index("Relative gap")].startswith("'")


def test_html_escapes_text_from_the_data(tmp_path):
    folder = plan_named(tmp_path, '"<script>alert(1)</script>"')
    code, stdout, stderr = run_main(
        ["report", "--format", "html", "--lang", "en", "--year", "2018", "--data-dir", folder]
    )
    assert code == 0
    assert "<script>alert(1)</script>" not in stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in stdout
    assert "<script" not in stdout.lower()


def test_markdown_keeps_a_pipe_and_a_newline_inside_the_cell(tmp_path):
    folder = plan_named(tmp_path, '"a|b\\nc"')
    code, stdout, stderr = run_main(["status", "--format", "markdown", "--lang", "en", "--data-dir", folder])
    assert (code, stderr) == (0, "")
    table = [line for line in stdout.splitlines() if line.startswith("|")]
    row = next(line for line in table if "a\\|b" in line)
    assert "a\\|b<br>c" in row
    columns = table[0].count("|") - table[0].count("\\|")
    assert all(line.count("|") - line.count("\\|") == columns for line in table)


# --- internal errors ---------------------------------------------------------


@pytest.fixture
def broken(monkeypatch):
    """A bug planted in the library: assessing a plan raises."""

    def fail(*args, **kwargs):
        raise RuntimeError("planted\nfor the test")

    monkeypatch.setattr("jmplan.measure.assess.assess_plan", fail)


def test_an_internal_error_is_one_line_and_exit_70(broken):
    code, stdout, stderr = run_main(["status"])
    assert code == 70 and stdout == ""
    assert stderr.splitlines() == [
        "jmplan: internal error (a bug in jmplan) while running `status`: RuntimeError: planted for the test. "
        "Run again with --debug (or JMPLAN_DEBUG=1) for the full traceback, and report it."
    ]


@pytest.mark.parametrize("args, env", [(["--debug", "status"], {}), (["status"], {"JMPLAN_DEBUG": "1"})])
def test_debug_shows_the_traceback(broken, args, env):
    code, _stdout, stderr = run_main(args, env=env)
    assert code == 70
    assert stderr.startswith("Traceback (most recent call last):") and "RuntimeError: planted" in stderr
    assert stderr.splitlines()[-1].startswith("jmplan: internal error (a bug in jmplan)")
