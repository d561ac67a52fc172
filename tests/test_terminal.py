"""Tables and text fit the terminal: at 100 columns (and 80) `status` keeps
the name, latest value, target, growth needed per year and status, names and
long goal texts wrap, and --wide, a file or a pipe, CSV and JSON keep every
column."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import SHIPPED, run_main
from wcwidth import wcswidth

ROOT = Path(__file__).resolve().parent.parent


def widest(text: str) -> int:
    return max(wcswidth(line) for line in text.splitlines())


@pytest.fixture(scope="module")
def observed(tmp_path_factory) -> Path:
    """The shipped plan with an observation, so that the table has every kind of cell."""
    import shutil

    folder = tmp_path_factory.mktemp("plan") / "jiangmen"
    shutil.copytree(SHIPPED, folder)
    assert run_main(["record", "ecommerce", "2017", "1100", "--data-dir", folder])[0] == 0
    return folder


@pytest.mark.parametrize("lang, headers", [("en", ["Indicator", "Latest", "Target", "Needed per year", "Status"])])
def test_at_100_columns_status_keeps_the_main_columns(observed, lang, headers):
    code, stdout, stderr = run_main(["status", "--data-dir", observed, "--lang", lang], env={"COLUMNS": "100"})
    assert (code, stderr) == (0, "")
    assert widest(stdout) <= 100
    header = next(line for line in stdout.splitlines() if line.startswith("Indicator"))
    assert [h for h in headers if h in header] == headers
    assert "Gap" not in header and "Unit" not in header and "Baseline" not in header
    row = next(line for line in stdout.splitlines() if line.startswith("E-commerce transaction volume"))
    assert row.split()[-4:] == ["(2017)", "1,700", "15.6%/yr", "ahead"]  # (1700/1100)**(1/3) - 1 = 15.6 %
    assert "--wide" in stdout


@pytest.mark.parametrize("columns", [80, 70])
def test_names_and_goals_wrap_in_chinese(observed, columns):
    code, stdout, _ = run_main(["status", "--data-dir", observed, "--lang", "zh"], env={"COLUMNS": str(columns)})
    assert code == 0 and widest(stdout) <= columns
    lines = stdout.splitlines()
    # the first goal (over 100 characters) wraps, its lines indented like its first
    goal = next(n for n, line in enumerate(lines) if line.startswith("  到2020年"))
    assert lines[goal + 1].startswith("  ") and not lines[goal + 1].startswith("   ")
    if columns == 70:  # a long name goes on in the next line of the same cell
        first = next(n for n, line in enumerate(lines) if line.startswith("“12345”"))
        pieces = [line.split()[0] for line in lines[first : first + 3]]
        assert "连接单位" not in lines[first] and "".join(pieces) == "“12345”政府服务热线连接单位"


def test_wide_shows_every_column_however_narrow(observed):
    code, stdout, _ = run_main(["status", "--wide", "--data-dir", observed, "--lang", "en"], env={"COLUMNS": "100"})
    header = next(line for line in stdout.splitlines() if line.startswith("Indicator"))
    assert code == 0 and all(h in header for h in ("Unit", "Baseline", "Gap", "Done / expected"))
    assert widest(stdout) > 100


def test_a_file_or_a_pipe_keeps_whole_lines(observed, tmp_path):
    """Without COLUMNS and without a terminal there is no width to fit."""
    _, piped, _ = run_main(["status", "--data-dir", observed, "--lang", "en"], env={"COLUMNS": None})
    assert "Gap" in next(line for line in piped.splitlines() if line.startswith("Indicator"))
    out = tmp_path / "status.txt"
    run_main(["status", "--data-dir", observed, "--lang", "en", "-o", out], env={"COLUMNS": "80"})
    assert out.read_text(encoding="utf-8") == piped


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_have_every_column_at_any_width(observed, fmt):
    narrow = run_main(["status", "--format", fmt, "--data-dir", observed], env={"COLUMNS": "60"})
    wide = run_main(["status", "--format", fmt, "--data-dir", observed], env={"COLUMNS": None})
    assert narrow == wide and narrow[0] == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [100, 80])
def test_metrics_fits_the_terminal(observed, lang, columns):
    """metrics was 217 columns wide in English, 160 in Chinese, whatever the terminal."""
    code, stdout, stderr = run_main(["metrics", "--data-dir", observed, "--lang", lang], env={"COLUMNS": str(columns)})
    assert (code, stderr) == (0, "")
    assert widest(stdout) <= columns
    lines = stdout.splitlines()
    assert lines[0].split() == (
        ["Key", "Indicator", "Baseline", "Target", "Observations"]
        if lang == "en"
        else ["代码", "指标", "基期值", "目标值", "观测值"]
    )
    row = next(n for n, line in enumerate(lines) if line.startswith("ecommerce "))
    # the name with its unit, in one cell that may go on over the next lines
    following = [line for line in lines[row + 1 : row + 4] if line.startswith(" " * 22)]
    name = " ".join(line[22:].split("  ")[0].strip() for line in [lines[row], *following])
    if lang == "en":
        assert name.startswith("E-commerce transaction volume (100 million yuan)"), name
        assert lines[row].split()[-4:] == ["over", "700", "1,700", "2017"]
    else:
        assert lines[row].split()[1:] == ["电子商务交易额（亿元）", "超过700", "1,700", "2017"]
    assert "--wide" in stdout


def test_metrics_wide_and_piped_keep_every_column(observed):
    wide = run_main(["metrics", "--wide", "--data-dir", observed, "--lang", "en"], env={"COLUMNS": "80"})
    piped = run_main(["metrics", "--data-dir", observed, "--lang", "en"], env={"COLUMNS": None})
    assert wide == piped and wide[0] == 0
    header = wide[1].splitlines()[0]
    assert all(h in header for h in ("Chinese name", "English name", "Unit", "Growth model", "Direction", "Attribute"))


def _in_a_terminal(args: list, columns: int) -> str:
    """Run jmplan with its standard output on a pseudo-terminal `columns` wide (no COLUMNS set)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "JMPLAN_LANG", "JMPLAN_DATA_DIR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "jmplan", *map(str, args)], stdout=follower, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_real_terminal_of_100_columns(observed):
    shown = _in_a_terminal(["status", "--data-dir", observed, "--lang", "en"], 100)
    assert widest(shown) <= 100 and "Needed per year" in shown and "Gap" not in shown
    wider = _in_a_terminal(["status", "--data-dir", observed, "--lang", "en"], 250)
    assert "Gap" in wider and "--wide" not in wider  # room for all: nothing dropped


def test_no_line_starts_with_a_closing_mark_and_long_headers_wrap(observed):
    """`gap` at 80 columns: a Chinese quotation wraps between characters but
    never before 、，。 and the year table's long headers go onto more lines."""
    code, stdout, _ = run_main(
        ["gap", "-m", "ecommerce", "--data-dir", observed, "--lang", "en"], env={"COLUMNS": "80"}
    )
    assert code == 0 and widest(stdout) <= 80
    assert not any(line.lstrip()[:1] in set("、，。；：）") for line in stdout.splitlines())
    header = next(n for n, line in enumerate(stdout.splitlines()) if line.startswith("Year"))
    assert "Required" in stdout.splitlines()[header] and "trajectory" in stdout.splitlines()[header + 1]


def test_no_line_ends_with_an_opening_mark():
    """An opening bracket or quotation mark goes onto the line of what it opens."""
    from jmplan.show.render import wrap

    for text in (
        "只使用截至该年的观测值（默认：全部）。",
        "原文写作“735G”，按 Gbps 读取",
        "江门市国民经济“十三五”规划",
    ):
        for width in range(6, 40):
            lines = wrap(text, width)
            assert not any(line.endswith(("（", "“", "「")) for line in lines), (width, lines)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert wrap("只使用截至该年的观测值（默认：全部）。", 24) == ["只使用截至该年的观测值", "（默认：全部）。"]


def test_a_narrow_table_shows_the_baseline_where_there_is_no_observation_yet():
    """The narrow table has no baseline column: without an observation the
    latest-value cell carries the baseline and its year (the shipped plan
    states 7.76万公里 of fibre in 2015), not an empty cell."""
    code, stdout, _ = run_main(["status", "--lang", "en"], env={"COLUMNS": "100"})
    assert code == 0
    fibre = next(line for line in stdout.splitlines() if line.startswith("Fibre-optic cable length"))
    assert "77,600 (2015)" in fibre


def test_a_met_target_needs_no_growth_per_year():
    """Research spending in the 14th Five-Year Plan example reached 36,326.80
    in 2024 against a target of 34,212.58 (7 % a year from 2020): met early,
    so nothing is needed per year (the formula would say -5.8 %/yr)."""
    folder = ROOT / "examples" / "china-14th-fyp-2021"
    for columns in ("100", "250"):
        code, stdout, _ = run_main(["status", "--data-dir", folder, "--lang", "en"], env={"COLUMNS": columns})
        assert code == 0
        lines = stdout.splitlines()
        at = next(n for n, line in enumerate(lines) if line.startswith("Spending on research"))
        row = " ".join(lines[at : at + 2])
        assert "achieved" in row and "—" in row and "-5.8%" not in row, row


def test_a_word_longer_than_many_lines_is_cut_in_time(monkeypatch):
    """A name of 10,000 characters with no space (pasted text, a long URL) is
    cut into lines of the width; each cut measures at most a line's worth of
    beginnings, not every beginning of the rest of the word: `status` at 100
    columns took minutes for such a name."""
    from jmplan.show import render

    measured = []
    real = render.display_width
    monkeypatch.setattr(render, "display_width", lambda text: measured.append(text) or real(text))
    lines = render.wrap("x" * 10_050, 100)
    assert lines == ["x" * 100] * 100 + ["x" * 50]
    assert len(measured) < 100 * 100  # every cut tries at most 100 beginnings; was 5 million
