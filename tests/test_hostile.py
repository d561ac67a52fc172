"""A plan folder made by an attacker, or output sent somewhere odd: jmplan
writes nowhere but the plan folder and the -o target, its output is inert
text in every format, numbers at the edges never crash it, and a closed or
full standard output is an error of the user's setup, not a bug.

(Bad data refused at load has its cases in tests/bad_inputs/400-419.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_main

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "bad_inputs" / "_base"


def plan_copy(tmp_path: Path, name_en: str | None = None, actuals: str | None = None) -> Path:
    folder = tmp_path / "plan"
    shutil.copytree(BASE, folder)
    if name_en is not None:
        text = (folder / "plan.yaml").read_text(encoding="utf-8").replace("name_en: Sales", f"name_en: {name_en}")
        (folder / "plan.yaml").write_text(text, encoding="utf-8")
    if actuals is not None:
        (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return folder


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


# --- -o: devices, FIFOs and links are never replaced ------------------------------------


def read_fifo(path: Path, into: list) -> threading.Thread:
    def reader():
        with open(path, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    "args",
    [["status", "--format", "json"], ["report", "--format", "html"], ["chart", "--metric", "sales"]],
    ids=["status", "report", "chart"],
)
def test_output_to_a_fifo_is_written_through(tmp_path, args):
    plan = plan_copy(tmp_path)
    fifo = tmp_path / ("out.svg" if args[0] == "chart" else "out")
    os.mkfifo(fifo)
    received: list[bytes] = []
    thread = read_fifo(fifo, received)
    code, _stdout, stderr = run_main([*args, "--data-dir", plan, "-o", fifo])
    thread.join(timeout=30)
    assert code == 0, stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file renamed over it
    assert received and received[0].strip().startswith((b"{", b"<!DOCTYPE html>", b"<?xml"))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_to_a_character_device_is_written_through(tmp_path):
    """A device such as /dev/null stays a device (made here: a null device of our own, when allowed)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    code, _stdout, stderr = run_main(["status", "--data-dir", plan_copy(tmp_path), "-o", device])
    assert code == 0, stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_output_to_dev_stdout_reaches_the_pipe(tmp_path):
    """/dev/stdout is a link to /proc/self/fd/1, which names no file: written through, never renamed over."""
    done = subprocess.run(
        [sys.executable, "-m", "jmplan", "status", "--format", "json", "--data-dir", plan_copy(tmp_path)]
        + ["-o", "/dev/stdout"],
        cwd=ROOT,
        capture_output=True,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout)["metrics"][0]["key"] == "sales"
    assert os.path.islink("/dev/stdout")


@pytest.mark.parametrize("args", [["status"], ["chart", "--metric", "sales"]], ids=["status", "chart"])
def test_output_to_a_link_follows_it_and_keeps_it(tmp_path, args):
    plan = plan_copy(tmp_path)
    target = tmp_path / "real" / ("out.svg" if args[0] == "chart" else "out.txt")
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / ("link.svg" if args[0] == "chart" else "link.txt")
    link.symlink_to(target)
    code, _stdout, stderr = run_main([*args, "--data-dir", plan, "-o", link])
    assert code == 0, stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") != "old"


def test_chart_file_names_never_come_from_the_data_as_they_are():
    from jmplan.show.chart_files import file_stem

    used: set[str] = set()
    assert file_stem("ecommerce", 1, used) == "ecommerce"
    assert file_stem("../../x", 2, used) == "item_2"
    assert file_stem("/tmp/x", 3, used) == "item_3"
    assert file_stem(".hidden", 4, used) == "item_4"
    assert file_stem("电子商务", 5, used) == "item_5"
    assert file_stem("ECOMMERCE", 6, used) == "ECOMMERCE_2"  # the same file on a file system that ignores case


def test_the_report_layer_names_chart_files_and_writes_them_with_the_writer_it_is_given(tmp_path):
    """show/ decides the folder, the names and the contents; the writer passed in (the CLI's atomic
    writer) only writes, and every file lies directly in the folder, whatever the chart's name."""
    from jmplan.show.chart_files import chart_folder, write_chart_files
    from jmplan.show.render import Chart, Paragraph

    folder = chart_folder(tmp_path / "report.md")
    assert folder == tmp_path / "report_charts"
    written: dict = {}
    blocks = [
        Paragraph("text"),
        Chart("<svg>a</svg>", "a", name="ecommerce"),
        Chart("<svg>b</svg>", "b", name="../../etc/passwd"),
        Chart("<svg>c</svg>", "c", name="Ecommerce"),
    ]
    linked = write_chart_files(blocks, folder, lambda path, data: written.__setitem__(path, data))
    assert written == {
        folder / "ecommerce.svg": b"<svg>a</svg>",
        folder / "item_2.svg": b"<svg>b</svg>",
        folder / "Ecommerce_2.svg": b"<svg>c</svg>",
    }
    assert all(path.parent == folder for path in written)
    assert [b.href for b in linked if isinstance(b, Chart)] == [
        "report_charts/ecommerce.svg",
        "report_charts/item_2.svg",
        "report_charts/Ecommerce_2.svg",
    ]
    assert linked[0] == blocks[0]


def test_a_chart_file_that_cannot_be_written_is_one_message(tmp_path):
    plan = plan_copy(tmp_path)
    (tmp_path / "r_charts").write_text("a file where the folder would go", encoding="utf-8")
    code, _stdout, stderr = run_main(["report", "--year", "2018", "--data-dir", plan, "-o", tmp_path / "r.md"])
    assert code == 1
    assert "r_charts: cannot write the charts:" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "r.md").exists()


def test_a_report_with_chinese_keys_names_its_charts_by_index(tmp_path):
    plan = plan_copy(tmp_path)
    for name in ("plan.yaml", "baseline_2015.yaml", "targets.yaml", "actuals.yaml"):
        path = plan / name
        path.write_text(path.read_text(encoding="utf-8").replace("sales", "销售额"), encoding="utf-8")
    code, _stdout, stderr = run_main(["report", "--year", "2018", "--data-dir", plan, "-o", tmp_path / "r.md"])
    assert code == 0, stderr
    charts = sorted(p.name for p in (tmp_path / "r_charts").iterdir())
    assert charts == ["item_1.svg", "share.svg"]  # the Chinese key by its index, the ASCII one as it is
    assert "](r_charts/item_" in (tmp_path / "r.md").read_text(encoding="utf-8")


# --- text from the data is text in every format -----------------------------------------


HOSTILE = "<img src=x onerror=alert(1)> [click](http://evil.example) ![i](http://evil.example/i.png) *bold* `code`"


def test_markdown_escapes_markup_from_the_data(tmp_path):
    plan = plan_copy(
        tmp_path, quoted(HOSTILE), actuals='observations:\n  sales:\n    2018: {value: 120, source: "a\\rb"}\n'
    )
    code, _stdout, stderr = run_main(["report", "--year", "2018", "--data-dir", plan, "-o", tmp_path / "r.md"])
    assert code == 0, stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    unescaped = re.compile(r"(?<!\\)(<img|\]\(http|\*bold|`code)")
    assert not unescaped.search(text)
    assert "\\<img src=x onerror=alert(1)\\>" in text and "\\[click\\](http://evil.example)" in text
    assert "\r" not in text
    code, stdout, _ = run_main(["status", "--format", "markdown", "--data-dir", plan])
    assert code == 0 and not unescaped.search(stdout)


def test_chart_text_is_plain_text(tmp_path):
    """A `$` is a dollar sign, not the start of TeX-like mathtext (which failed on `$x^$`: exit 70)."""
    import xml.etree.ElementTree as ElementTree

    plan = plan_copy(tmp_path, quoted("Cost $x^$ of $\\frac{$ <&>"))
    code, _stdout, stderr = run_main(
        ["chart", "--metric", "sales", "--lang", "en", "--data-dir", plan, "-o", tmp_path / "c.svg"]
    )
    assert code == 0, stderr
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    ElementTree.fromstring(svg.encode("utf-8"))  # well-formed XML
    assert "Cost $x^$ of $\\frac{$ &lt;&amp;&gt;" in svg


def test_csv_neutralises_a_formula_after_a_semicolon(tmp_path):
    """Where the list separator is `;`, Excel splits `x;=cmd()` into two cells, the second a formula."""
    import csv
    import io

    plan = plan_copy(tmp_path, quoted('Sales;=HYPERLINK("http://evil.example");@SUM(1)'))
    code, stdout, stderr = run_main(["status", "--format", "csv", "--data-dir", plan])
    assert code == 0, stderr
    cells = [cell for row in csv.reader(io.StringIO(stdout.lstrip("\ufeff"))) for cell in row]
    assert "Sales;'=HYPERLINK(\"http://evil.example\");'@SUM(1)" in cells
    assert not any(part.startswith(("=", "+", "-", "@")) for cell in cells for part in cell.split(";")[1:])


# --- numbers at the edges -------------------------------------------------------------


def steep_plan(tmp_path: Path, target_year: int = 2030) -> Path:
    """A 15-year plan whose indicator grew from 10 to 2,000 in its first year."""
    plan = plan_copy(tmp_path)
    text = (plan / "plan.yaml").read_text(encoding="utf-8").replace("target_year: 2020", f"target_year: {target_year}")
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    (plan / "baseline_2015.yaml").write_text("year: 2015\nvalues:\n  sales: 10\n  share: 40\n", encoding="utf-8")
    (plan / "targets.yaml").write_text(
        f"year: {target_year}\nvalues:\n  sales: 100000\n  share: 90\n", encoding="utf-8"
    )
    (plan / "actuals.yaml").write_text("observations:\n  sales:\n    2016: 2000\n", encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    "args",
    [["report", "--format", "html"], ["gap", "--metric", "sales"], ["status", "--format", "markdown"]],
    ids=["report", "gap", "status"],
)
def test_steep_growth_produces_its_output(tmp_path, args):
    """At the pace of 10 -> 2,000 a year, 2030 is 3.3e35: shown, not a crash."""
    code, stdout, stderr = run_main([*args, "--lang", "en", "--data-dir", steep_plan(tmp_path)])
    assert (code, stderr) == (0, "")
    if args[0] == "gap":
        assert "Projection at the pace so far: 3.28e+35 × 100 million yuan in 2030" in stdout


def test_json_never_holds_infinity_or_nan(tmp_path):
    """From 1e-9 to 1e15 in a year, carried over 14 more years, the projection overflows a float: null in JSON."""
    plan = steep_plan(tmp_path)
    (plan / "baseline_2015.yaml").write_text("year: 2015\nvalues:\n  sales: 1e-9\n  share: 40\n", encoding="utf-8")
    (plan / "actuals.yaml").write_text("observations:\n  sales:\n    2016: 1e15\n", encoding="utf-8")
    for args in (["status", "--format", "json"], ["gap", "--metric", "sales", "--format", "json"]):
        code, stdout, stderr = run_main([*args, "--data-dir", plan])
        assert (code, stderr) == (0, "")

        def refuse(constant):
            raise AssertionError(f"{constant} in the JSON")

        data = json.loads(stdout, parse_constant=refuse)
        sales = data["metrics"][0] if "metrics" in data else data
        assert sales["projection"]["value"] is None and sales["projection"]["meets_target"] is True


def test_numbers_of_any_size_are_formatted():
    from jmplan.show import fmt

    assert fmt.number(1e26) == "1.00e+26"
    assert fmt.number(123456789012345.678) == "123,456,789,012,345.67" or fmt.number(123456789012345.678).startswith(
        "123,456,789,012,345.6"
    )
    assert fmt.number(float("inf")) == "∞"
    assert fmt.percent(1e30) == "1.00e+32%"
    assert str(fmt.round_half_up(1e20, 2)) == "100000000000000000000.00"


# --- standard output closed or full ------------------------------------------------------


def jmplan(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jmplan", *args], cwd=ROOT, capture_output=False, **kwargs)


@pytest.mark.parametrize("command", [["status"], ["status", "--format", "json"], ["metrics", "--format", "csv"]])
def test_a_full_standard_output_is_exit_1(command):
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "jmplan", *command], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 1
    assert done.stderr.strip() == "Error: standard output: cannot write: No space left on device"


def test_a_full_standard_output_is_said_in_chinese():
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "jmplan", "status", "--lang", "zh"],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert done.stderr.strip() == "错误：标准输出：无法写入：磁盘空间不足"


def test_a_closed_standard_output_is_exit_1():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, runpy, sys; os.close(1); sys.argv = ['jmplan', 'status']; "
            "runpy.run_module('jmplan', run_name='__main__')",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert done.returncode == 1
    assert "cannot write" in done.stderr and "internal error" not in done.stderr


# --- memory: the collector runs while a report draws its charts; progress on stderr --------


def test_the_collector_runs_while_charts_are_drawn(tmp_path, monkeypatch):
    """Each chart is a matplotlib figure full of reference cycles: with the
    collector paused for the whole command, a report of 900 indicators held
    900 figures (~890 MB) until it ended."""
    import gc

    from jmplan.show import report

    seen = []
    real_draw = report.draw

    def draw(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_draw(*args, **kwargs)

    monkeypatch.setattr(report, "draw", draw)
    code, _stdout, stderr = run_main(
        ["report", "--year", "2018", "--data-dir", plan_copy(tmp_path), "-o", tmp_path / "r.html"]
    )
    assert code == 0, stderr
    assert seen and all(seen)
    assert gc.isenabled() and gc.get_freeze_count() == 0  # as before the command


def test_a_large_report_says_how_far_it_is(tmp_path, monkeypatch):
    monkeypatch.setattr("jmplan.cli.PROGRESS_FROM", 2)
    code, _stdout, stderr = run_main(
        ["report", "--year", "2018", "--data-dir", plan_copy(tmp_path), "-o", tmp_path / "r.html"]
    )
    assert code == 0
    lines = stderr.splitlines()
    assert lines[0] == "jmplan: report: 0 of 2 indicators" and lines[-1] == "jmplan: report: 2 of 2 indicators"


# --- limits ---------------------------------------------------------------------------


def test_a_plan_over_the_limit_is_refused_after_reading_plan_yaml_alone(tmp_path):
    """A plan of more indicators than the limit is refused before its other
    files are read: a broken actuals.yaml is never reached (so the refusal
    costs the reading of plan.yaml, not of the whole plan)."""
    plan = plan_copy(tmp_path)
    lines = [
        "plan:",
        "  name_zh: 大规划",
        "  name_en: A huge plan",
        "  base_year: 2015",
        "  target_year: 2020",
        "indicators:",
    ]
    for i in range(100_001):
        lines += [f"  i{i}:", f"    name_zh: 指标{i}", "    unit: 个", "    growth_model: compound"]
    (plan / "plan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan / "actuals.yaml").write_text("observations: [unclosed\n", encoding="utf-8")
    code, stdout, stderr = run_main(["status", "--data-dir", plan])
    assert (code, stdout) == (1, "")
    assert stderr.splitlines()[0].endswith(
        "plan/plan.yaml:7: the plan defines 100,001 indicators, over jmplan's limit of 100,000"
    )
    assert "actuals.yaml" not in stderr
