"""Fuzzing: damaged copies of the shipped data files and random command
lines never crash jmplan, and never change a file unless `record` says it
recorded something.

Bounded and reproducible: a fixed number of examples, derandomized, so CI
runs the same 300 examples every time (about 3 s on a 2-core machine).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from conftest import SHIPPED, run_main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DATA_FILES = ("plan.yaml", "baseline_2015.yaml", "targets.yaml", "actuals.yaml")
ORIGINAL = {name: (SHIPPED / name).read_text(encoding="utf-8") for name in DATA_FILES}
# The shipped actuals.yaml is empty; half the examples start from one with data
# in it, so that gap, status and report have progress to compute.
WITH_DATA = ORIGINAL["actuals.yaml"].replace(
    "observations: {}",
    """\
observations:
  ecommerce:
    2016: 835.5
    2017: {value: 1010, source: 江门市2017年国民经济和社会发展统计公报}
  fibre_to_home:
    2017: 70
    2018: 85
notes:
  e_government:
    2019: 网上办事大厅已上线
""",
)
KEYS = ["ecommerce", "fibre_to_home", "fibre_length", "benchmark_fields", "电子商务", "fibre", "", "nosuch"]

# What people paste or mistype, and what YAML 1.1 would misread
VALUES = [
    "no",
    "off",
    "012",
    "1:20",
    "2020-12-31",
    "1e3",
    "1e400",
    ".nan",
    "-.inf",
    "-5",
    "0",
    "120",
    "1,700",
    "7.76万",
    "90%",
    '"150"',
    "[1",
    "{}",
    "~",
    "",
    "!!python/object/apply:os.system ['touch pwned']",
    "&a 5",
    "*a",
    "<<: {}",
    "|",
    "'",
    "中文",
    "2016: 5",
    "- 1",
]
NUMBER_LINE = re.compile(r"\s*[^#:]+:\s*-?[\d.]+\s*(#.*)?$")
CHARACTERS = list(":- \t\n#'\"[]{}&*!%|>,?@`") + ["\x00", "\ufeff", "\x1b", "中", "　", "\r"]


@st.composite
def mutation(draw, text: str) -> str:
    lines = text.split("\n")
    kind = draw(st.sampled_from(["delete_line", "duplicate_line", "retype", "cut", "swap", "insert", "delete"]))
    if kind == "retype":  # a number (a year, a value) becomes something else
        numbers = [n for n, line in enumerate(lines) if NUMBER_LINE.match(line)] or list(range(len(lines)))
        at = draw(st.sampled_from(numbers))
        lines[at] = f"{lines[at].split(':', 1)[0]}: {draw(st.sampled_from(VALUES))}"
        return "\n".join(lines)
    if kind in ("delete_line", "duplicate_line"):
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete_line":
            del lines[at]
        else:
            lines.insert(at, lines[at])
        return "\n".join(lines)
    if not text:
        return draw(st.sampled_from(CHARACTERS))
    at = draw(st.integers(0, len(text) - 1))
    if kind == "cut":
        return text[:at]
    if kind == "swap":
        return text[:at] + text[at + 1 : at + 2] + text[at : at + 1] + text[at + 2 :]
    if kind == "insert":
        return text[:at] + draw(st.sampled_from(CHARACTERS)) + text[at:]
    return text[:at] + text[at + 1 :]


@st.composite
def damaged_plan(draw) -> dict[str, str]:
    files = dict(ORIGINAL)
    if draw(st.booleans()):
        files["actuals.yaml"] = WITH_DATA
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(DATA_FILES))
        files[name] = draw(mutation(files[name]))
    return files


def _option(draw, name: str, good, bad=()) -> list[str]:
    """The option with a good value, or now and then a bad one, or not at all."""
    if draw(st.booleans()):
        return []
    wrong = bad and draw(st.integers(0, 7)) == 7  # hypothesis favours small numbers: 7 is the rare one
    return [name, str(draw(st.sampled_from(bad if wrong else good)))]


@st.composite
def command_line(draw) -> list[str]:
    command = draw(st.sampled_from(["status", "gap", "metrics", "report", "record"]))
    years, bad_years = [2015, 2016, 2017, 2018, 2020], [2014, 2021, "x", ""]
    args = [command]
    if command == "record":
        wrong = draw(st.integers(0, 3)) == 3
        args += [
            draw(st.sampled_from(KEYS[:4] + (KEYS[4:] if wrong else []))),
            str(draw(st.sampled_from(years + (bad_years if wrong else [])))),
            draw(
                st.sampled_from(["850", "82%", "7.76万", "1,700", "1e3"] + (["-5", "lots", "120", ""] if wrong else []))
            ),
        ]
        args += ["--replace"] if draw(st.booleans()) else []
        args += _option(draw, "--source", ["2017年统计公报", "=HYPERLINK(1)"], [""])
    else:
        if command != "metrics":
            args += _option(draw, "--year", years, bad_years)
        if command == "gap":
            wrong = draw(st.integers(0, 3)) == 3
            args += ["--metric", draw(st.sampled_from(KEYS[4:] if wrong else KEYS[:4]))]
        if command in ("status", "report"):
            args += _option(draw, "--method", ["time", "eurostat"], ["other"])
        if command == "status" and draw(st.booleans()):
            args.append("--check")
        # report to standard output: Markdown, without charts (charts need files)
        formats = ["markdown"] if command == "report" else ["table", "markdown", "csv", "json"]
        args += _option(draw, "--format", formats, ["xml"])
    args += _option(draw, "--lang", ["zh", "en"], ["fr"])
    if draw(st.integers(0, 9)) == 9:
        args.append(draw(st.sampled_from(["--bogus", "extra", "-"])))
    return args


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and p.name != ".jmplan.lock"
    }


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=damaged_plan(), args=command_line())
def test_no_crash_and_no_change_unless_recorded(files, args):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "plan"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_bytes(text.encode("utf-8"))
        before = _hashes(folder)

        code, stdout, stderr = run_main(args + ["--data-dir", str(folder)])

        assert "Traceback" not in stderr and "internal error" not in stderr, stderr
        assert code in (0, 1, 2, 3), stderr
        after = _hashes(folder)
        if args[0] == "record" and code == 0:
            assert set(after) == set(before)
            assert {name for name in after if after[name] != before[name]} <= {"actuals.yaml"}
        else:
            assert after == before, stderr
        if code in (1, 2):
            assert stdout == "" and stderr
