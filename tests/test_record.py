"""`jmplan record`: what staff type, what is refused (and then nothing is
written), and that the file survives anything short of a full write."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jmplan.plan.loader import read_actuals, read_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "key, typed, value",
    [
        ("ecommerce", "850", 850),
        ("ecommerce", "1,700", 1700),
        ("ecommerce", "1700.5", 1700.5),
        ("ecommerce", "850亿元", 850),  # the indicator's own unit
        ("ecommerce", "1700亿", 1700),  # 亿 alone, on an indicator in 亿元
        ("ecommerce", "0.17万亿元", 1700),  # 0.17 × 10^12 yuan = 1,700 × 10^8 yuan
        ("ecommerce", "１，７００", 1700),  # full-width digits and comma
        ("ecommerce", "1.7E+03", 1700),  # as a spreadsheet may show it; read as in the data files
        ("fibre_length", "7.76万", 77600),  # 万 = 10^4, on an indicator in km
        ("fibre_length", "7.76万公里", 77600),
        ("fibre_length", "77600 km", 77600),
        ("fibre_users", "279万户", 2790000),
        ("fibre_to_home", "82%", 82),
        ("fibre_to_home", "82", 82),
        ("fibre_to_home", "８２％", 82),
    ],
)
def test_every_input_form(run, shipped_copy, key, typed, value):
    result = run("record", key, 2016, typed, "--data-dir", shipped_copy)
    assert result.exit_code == 0, result.stderr
    plan, problems = read_plan(shipped_copy)
    assert problems == []
    assert plan.observations[key][2016].value == value


@pytest.mark.parametrize(
    "args, exit_code, message",
    [
        (["nosuch", "2016", "850"], 2, "'nosuch' is not an indicator of this plan"),
        (["ecommerce", "2030", "850"], 2, "2030 is outside the plan's years 2015–2020"),
        (["ecommerce", "2014", "850"], 2, "2014 is outside the plan's years 2015–2020"),
        (["ecommerce", "2016", "lots"], 2, "'lots' is not a number"),
        (["ecommerce", "2016", "1e400"], 2, "'1e400' is too large to be a figure"),
        (["ecommerce", "2016", "82%"], 2, "'82%' is in '%', but this indicator is measured in 亿元"),
        (["fibre_length", "2016", "850亿元"], 2, "'850亿元' is in '亿元', but this indicator is measured in km"),
        (["ecommerce", "2016", "-5"], 2, "ecommerce cannot be negative"),
        (["fibre_to_home", "2016", "120%"], 2, "fibre_to_home is a share in %; 120 is over 100"),
        (["ecommerce", "twenty", "850"], 2, "'twenty' is not a valid integer"),
    ],
)
def test_refusals_write_nothing(run, shipped_copy, args, exit_code, message):
    actuals = shipped_copy / "actuals.yaml"
    before = actuals.read_bytes()
    result = run("record", *args, "--data-dir", shipped_copy)
    assert result.exit_code == exit_code
    assert message in result.stderr and result.stdout == ""
    assert actuals.read_bytes() == before


def test_existing_observation_needs_replace(run, shipped_copy):
    actuals = shipped_copy / "actuals.yaml"
    assert run("record", "ecommerce", 2016, "850", "--data-dir", shipped_copy).exit_code == 0
    before = actuals.read_bytes()
    refused = run("record", "ecommerce", 2016, "900", "--data-dir", shipped_copy, "--lang", "en")
    assert refused.exit_code == 1
    assert "ecommerce already has 850 for 2016" in refused.stderr and "--replace" in refused.stderr
    assert actuals.read_bytes() == before
    replaced = run("record", "ecommerce", 2016, "900", "--replace", "--data-dir", shipped_copy, "--lang", "zh")
    assert replaced.exit_code == 0
    assert replaced.stdout.startswith("已替换电子商务交易额 2016 年的值：850亿元 → 900亿元（")  # its name, not its key


def test_comments_and_layout_are_kept(run, shipped_copy):
    actuals = shipped_copy / "actuals.yaml"
    original = actuals.read_text(encoding="utf-8")
    run("record", "fibre_to_home", 2018, "85", "--data-dir", shipped_copy)
    run("record", "ecommerce", 2018, "1192.09", "--source", "2018年统计公报", "--data-dir", shipped_copy)
    run("record", "ecommerce", 2016, "850", "--data-dir", shipped_copy)
    text = actuals.read_text(encoding="utf-8")
    header = original[: original.index("observations: {}")]
    assert text.startswith(header)  # every comment above, byte for byte
    assert text[len(header) :] == (
        "observations:\n"
        "  fibre_to_home:\n"
        "    2018: 85\n"
        "  ecommerce:\n"
        "    2016: 850\n"  # years kept in order
        "    2018: {value: 1192.09, source: 2018年统计公报}\n"
    )


def test_a_comment_beside_an_entry_survives(run, tmp_path, shipped_copy):
    actuals = shipped_copy / "actuals.yaml"
    actuals.write_text("# header\nobservations:\n  ecommerce:\n    2016: 850  # provisional\n", encoding="utf-8")
    assert run("record", "ecommerce", 2017, "1000", "--data-dir", shipped_copy).exit_code == 0
    assert actuals.read_text(encoding="utf-8") == (
        "# header\nobservations:\n  ecommerce:\n    2016: 850  # provisional\n    2017: 1000\n"
    )


def test_creates_actuals_when_missing(run, shipped_copy):
    (shipped_copy / "actuals.yaml").unlink()
    assert run("record", "ecommerce", 2016, "850", "--data-dir", shipped_copy).exit_code == 0
    observations, _, problems = read_actuals(shipped_copy / "actuals.yaml")
    assert problems == [] and observations["ecommerce"][2016].value == 850


def test_needs_a_plan_folder(run):
    result = run("record", "ecommerce", 2016, "850")
    assert result.exit_code == 2 and "jmplan init" in result.stderr


def test_init_copies_the_embedded_plan(run, tmp_path):
    target = tmp_path / "jiangmen"
    assert run("init", target).exit_code == 0
    assert (target / "plan.yaml").exists() and (target / "actuals.yaml").exists()
    assert run("init", target).exit_code == 2  # never over an existing plan


def test_refuses_when_the_plan_has_problems(run, shipped_copy):
    (shipped_copy / "targets.yaml").write_text("year: 2020\nvalues:\n  ecommerce: lots\n", encoding="utf-8")
    before = (shipped_copy / "actuals.yaml").read_bytes()
    result = run("record", "ecommerce", 2016, "850", "--data-dir", shipped_copy)
    assert result.exit_code == 1 and "targets.yaml:3:" in result.stderr
    assert (shipped_copy / "actuals.yaml").read_bytes() == before


def _record(folder: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "jmplan", "record", *args, "--data-dir", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_killed_write_leaves_the_old_or_the_new_file(shipped_copy):
    """Kill `record` at random moments: the file always reads back whole,
    holding either the observations before or those after."""
    actuals = shipped_copy / "actuals.yaml"
    rng = random.Random(20161231)
    for attempt in range(15):
        before, _, problems = read_actuals(actuals)
        assert problems == []
        process = _record(shipped_copy, "ecommerce", str(2016 + attempt % 5), str(800 + attempt), "--replace")
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after, _, problems = read_actuals(actuals)
        assert problems == [], f"attempt {attempt}: the file no longer reads"
        values_before = {y: f.value for y, f in before.get("ecommerce", {}).items()}
        values_after = {y: f.value for y, f in after.get("ecommerce", {}).items()}
        expected_new = {**values_before, 2016 + attempt % 5: 800 + attempt}
        assert values_after in (values_before, expected_new)
    # a killed writer may leave its temporary file; the next record clears it
    leftovers = [p.name for p in shipped_copy.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1


def test_concurrent_records_all_land(shipped_copy):
    """20 processes at once, each a different indicator: the lock keeps all 20."""
    keys = list(read_plan(shipped_copy)[0].indicators)[:20]
    # --force: 50 is no slip guard's business here (77,600 km of fibre would make it one)
    processes = [_record(shipped_copy, key, "2016", "50", "--force") for key in keys]
    assert [p.wait() for p in processes] == [0] * 20
    plan, problems = read_plan(shipped_copy)
    assert problems == []
    assert sorted(plan.observations) == sorted(keys)
