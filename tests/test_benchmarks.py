"""The benchmark's own parts that can be wrong without being slow: the
pandas peer (benchmarks/pandas_status.py) computes the statuses jmplan
computes, and the report's command line parses. The benchmark itself is a
report (README, Performance), never a timed test."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def test_the_pandas_peer_computes_the_statuses_jmplan_computes(run, tmp_path):
    pytest.importorskip("pandas")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import make_plan
    finally:
        sys.path.remove(str(BENCHMARKS))
    make_plan.write_plan(60, tmp_path / "plan")  # every status but achieved occurs by 2020 at this size
    result = run("status", "--format", "json", "--year", "2020", "--data-dir", tmp_path / "plan")
    assert result.exit_code == 0, result.stderr
    statuses = {m["status"] for m in json.loads(result.stdout)["metrics"]}
    assert {"ahead", "on_track", "behind", "moving_away"} <= statuses
    (tmp_path / "jmplan.json").write_text(result.stdout, encoding="utf-8")
    peer = [sys.executable, str(BENCHMARKS / "pandas_status.py"), str(tmp_path / "plan"), "--year", "2020"]
    done = subprocess.run([*peer, "--check", str(tmp_path / "jmplan.json")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("60 of 60 statuses as jmplan's"), done.stdout + done.stderr
    # and it notices a difference: one status changed in jmplan's output
    changed = json.loads(result.stdout)
    changed["metrics"][0]["status"] = "achieved"
    (tmp_path / "jmplan.json").write_text(json.dumps(changed), encoding="utf-8")
    done = subprocess.run([*peer, "--check", str(tmp_path / "jmplan.json")], capture_output=True, text=True)
    assert done.returncode == 1 and "59 of 60" in done.stdout and "ind_00000" in done.stdout


def test_the_benchmark_refuses_an_unknown_part():
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--only", "charts,speed"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "no part speed" in done.stderr and "scale, charts, startup" in done.stderr
