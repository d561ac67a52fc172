"""The catalogue of bad inputs: every folder in tests/bad_inputs/ is one case.

A case folder holds `case.yaml`:

    about: what is wrong, in a sentence
    args: [status, --data-dir, plan]     # the command line
    exit: 1                              # 1 bad data, 2 bad command line
    error: "plan/targets.yaml:3: ..."    # the first line of the error
    hint: "..."                          # optional: the `  hint:` line right after it

and, under `plan/`, the files that differ from the small valid plan in
`_base/`; a `compare` case may hold a second, whole plan folder `other/`,
copied beside it as it is. The test copies `_base/` to `plan/` in a temporary folder, lays the
case's files over it, and runs `jmplan` there. What cannot sensibly be
committed (a 50 MB file, GBK bytes, a NUL byte, a file mode) is described by
more keys, applied in this order:

    delete: [plan/targets.yaml]              remove a file
    mkdir: [plan/targets.yaml]               make a folder
    append:                                  add `before`, then `text` `times` times, then a newline
      - {file: plan/plan.yaml, before: "    source: ", text: x, times: 1_000_000}
    encode: {plan/targets.yaml: gbk}         re-encode a file from UTF-8
    chmod: {plan/actuals.yaml: "444"}        set a file's mode
    move: {plan/actuals.yaml: outside.yaml}  move a file (out of the plan folder)
    symlink: {plan/actuals.yaml: /dev/zero}  make a symbolic link (to a path, absolute or relative)
    mkfifo: [plan/actuals.yaml]              make a named pipe
    skip_as_root: true                       root reads and writes any file

For a data error (exit 1) `error` is the first line of stderr, `FILE:LINE:
message`; for a usage error (exit 2) stderr starts with Click's `Usage:`
line and `error` is its `Error: ...` line. Every case also checks: no
traceback, nothing on stdout, and no file created, changed or removed (the
lock file `record` takes is the one file allowed to appear).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import time
from pathlib import Path

import pytest
import yaml
from conftest import run_main

CATALOGUE = Path(__file__).parent / "bad_inputs"
BASE = CATALOGUE / "_base"
CASES = sorted(p for p in CATALOGUE.iterdir() if p.is_dir() and not p.name.startswith("_"))
LOCK_FILE = ".jmplan.lock"
DURATIONS: dict[str, float] = {}


def load_case(folder: Path) -> dict:
    with open(folder / "case.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lay_out(folder: Path, spec: dict, work: Path) -> None:
    """The case's files in `work`: _base/ as plan/, the case's plan/ over it, then the described ones."""
    shutil.copytree(BASE, work / "plan")
    if (folder / "plan").is_dir():
        shutil.copytree(folder / "plan", work / "plan", dirs_exist_ok=True)
    # a second plan for `compare`, copied as it is
    if (folder / "other").is_dir():
        shutil.copytree(folder / "other", work / "other")
    for path in spec.get("delete", []):
        (work / path).unlink()
    for path in spec.get("mkdir", []):
        (work / path).mkdir()
    for entry in spec.get("append", []):
        with open(work / entry["file"], "a", encoding="utf-8", newline="") as handle:
            handle.write(entry.get("before", "") + entry["text"] * entry["times"] + "\n")
    for path, encoding in spec.get("encode", {}).items():
        (work / path).write_bytes((work / path).read_text(encoding="utf-8").encode(encoding))
    for path, mode in spec.get("chmod", {}).items():
        os.chmod(work / path, int(mode, 8))
    for path, target in spec.get("move", {}).items():
        (work / path).rename(work / target)
    for path, target in spec.get("symlink", {}).items():
        if (work / path).exists() or (work / path).is_symlink():
            (work / path).unlink()
        (work / path).symlink_to(target)
    for path in spec.get("mkfifo", []):
        if (work / path).exists():
            (work / path).unlink()
        os.mkfifo(work / path)


def snapshot(work: Path) -> dict[str, str]:
    """Every file and folder under `work`, with a hash of each file's content and its mode."""
    state = {}
    for path in sorted(work.rglob("*")):
        name = str(path.relative_to(work))
        if path.name == LOCK_FILE and path.is_file():
            continue
        mode = path.lstat().st_mode
        if stat.S_ISDIR(mode):
            state[name] = f"folder {oct(mode)}"
        elif stat.S_ISLNK(mode):
            state[name] = f"link to {os.readlink(path)}"
        elif not stat.S_ISREG(mode):  # a FIFO: reading it would wait for a writer
            state[name] = f"special {oct(mode)}"
        else:
            os.chmod(path, mode | stat.S_IRUSR)  # hash even an unreadable file
            state[name] = f"{oct(mode)} {hashlib.sha256(path.read_bytes()).hexdigest()}"
            os.chmod(path, mode)
    return state


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 50


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_bad_input(folder, tmp_path, monkeypatch):
    spec = load_case(folder)
    assert set(spec) <= {
        "about",
        "args",
        "exit",
        "error",
        "hint",
        "delete",
        "mkdir",
        "append",
        "encode",
        "chmod",
        "move",
        "symlink",
        "mkfifo",
        "skip_as_root",
    }
    if spec.get("skip_as_root") and os.geteuid() == 0:
        pytest.skip("root can read and write any file")
    lay_out(folder, spec, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)

    started = time.perf_counter()
    code, stdout, stderr = run_main(spec["args"])
    DURATIONS[folder.name] = time.perf_counter() - started

    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert (code, stdout) == (spec["exit"], ""), stderr
    lines = stderr.splitlines()
    at = 0
    if spec["exit"] == 2:
        assert lines[0].startswith("Usage: jmplan"), stderr
        at = next((n for n, line in enumerate(lines) if line.startswith("Error:")), len(lines))
    assert lines[at : at + 1] == [spec["error"]], stderr
    if "hint" in spec:
        assert lines[at + 1 : at + 2] == [f"  hint: {spec['hint']}"], stderr
    assert snapshot(tmp_path) == before


def test_case_folders_hold_only_their_case():
    """Keep the catalogue honest: a case folder holds case.yaml and plan/,
    and a second plan folder (`other/`) only for a `compare` case."""
    for folder in CASES:
        allowed = {"case.yaml", "plan"} | ({"other"} if load_case(folder)["args"][0] == "compare" else set())
        assert {p.name for p in folder.iterdir()} <= allowed, folder.name


@pytest.fixture(scope="module", autouse=True)
def _report_slowest():
    """Print the slowest cases (with -s): a report, never an assertion."""
    yield
    if DURATIONS:
        slowest = sorted(DURATIONS.items(), key=lambda item: -item[1])[:5]
        print("\nslowest bad inputs: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in slowest))


# --- the other side: inputs that look odd but are right -----------------------


def _base_copy(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "plan")
    return tmp_path / "plan"


def test_the_base_plan_is_valid(tmp_path):
    """Every case changes one thing in _base/, so _base/ itself must pass."""
    code, stdout, stderr = run_main(["status", "--data-dir", _base_copy(tmp_path)])
    assert (code, stderr) == (0, "") and "Sales" in stdout


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    """Notepad adds a BOM to UTF-8 files: the plan reads exactly as without one."""
    plan = _base_copy(tmp_path)
    expected = run_main(["status", "--format", "json", "--data-dir", plan])
    for path in plan.iterdir():
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert run_main(["status", "--format", "json", "--data-dir", plan]) == expected
    assert expected[0] == 0


def test_yaml_11_words_in_text_stay_text_and_1e3_is_1000(tmp_path):
    """`no`, `off`, `012` and `2020-12-31` where text belongs are that text;
    `1e3` where a number belongs is 1000."""
    import json

    plan = _base_copy(tmp_path)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("name_en: Sales", "name_en: no").replace("unit_en: 100 million yuan", "unit_en: off")
    text = text.replace("text_en: Become an information hub", "text_en: 012")
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    targets = (plan / "targets.yaml").read_text(encoding="utf-8").replace("sales: 150", "sales: 1e3")
    (plan / "targets.yaml").write_text(targets, encoding="utf-8")
    baseline = (plan / "baseline_2015.yaml").read_text(encoding="utf-8")
    (plan / "baseline_2015.yaml").write_text(
        baseline.replace("stated: 100亿元", "stated: 2020-12-31"), encoding="utf-8"
    )
    code, stdout, stderr = run_main(["status", "--format", "json", "--data-dir", plan])
    assert (code, stderr) == (0, "")
    data = json.loads(stdout)
    sales = data["metrics"][0]
    assert (sales["name_en"], sales["target"]["value"], sales["baseline"]["stated"]) == ("no", 1000, "2020-12-31")
    assert data["goals"][0]["text_en"] == "012"
    code, stdout, _ = run_main(["status", "--lang", "en", "--data-dir", plan])
    sales_row = next(line for line in stdout.splitlines() if line.startswith("no "))
    assert code == 0 and sales_row.split()[:2] == ["no", "off"]  # name and unit
