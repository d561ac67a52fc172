"""Many plans read on two processes (jmplan.plan.many) give exactly what
reading them one by one gives: the same plans, the same problems in the
same order, and the same `compare` output."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SHIPPED, run_main
from test_bad_inputs import CASES, lay_out, load_case

from jmplan.plan import many
from jmplan.plan.loader import read_plan

EXAMPLES = Path(__file__).parent.parent / "examples"

pytestmark = pytest.mark.skipif(not many._can_fork(), reason="plans are read on two processes only where fork is safe")


@pytest.fixture
def forks(monkeypatch):
    """Counts the forked reads, so that a test knows the copy did read."""
    calls = []
    real = many._read_forked

    def counted(folders, meanwhile):
        mine, theirs = real(folders, meanwhile)
        calls.append(theirs is not None)
        return mine, theirs

    monkeypatch.setattr(many, "_read_forked", counted)
    return calls


def shown(results):
    return [(plan, [(p.render("en"), p.render("zh")) for p in problems]) for plan, problems in results]


def test_every_bad_input_gives_the_same_problems_in_the_same_order(tmp_path, forks):
    folders = []
    for case in CASES:
        spec = load_case(case)
        if spec.get("skip_as_root") or spec.get("mkfifo"):  # root reads any file; a pipe would wait for a writer
            continue
        work = tmp_path / case.name
        work.mkdir()
        lay_out(case, spec, work)
        folders.append(work / "plan")
    assert len(folders) > 150
    one_by_one = [read_plan(folder) for folder in folders]
    assert any(problems for _, problems in one_by_one)
    assert shown(many.read_plans(folders, parallel_from=2)) == shown(one_by_one)
    assert forks == [True]


def test_valid_plans_come_back_whole(forks):
    folders = [SHIPPED, *sorted(p for p in EXAMPLES.iterdir() if p.is_dir())]
    one_by_one = [read_plan(folder) for folder in folders]
    together = many.read_plans(folders, parallel_from=2)
    assert together == one_by_one
    assert all(plan is not None and not problems for plan, problems in together)
    assert forks == [True]


def test_a_failed_copy_leaves_the_reading_to_this_process(monkeypatch, forks):
    def broken(*_args, **_kwargs):
        raise OSError("no room to pickle")

    monkeypatch.setattr(many.pickle, "dumps", broken)  # the copy is forked with it, and fails
    folders = [SHIPPED, *sorted(p for p in EXAMPLES.iterdir() if p.is_dir())]
    assert many.read_plans(folders, parallel_from=2) == [read_plan(folder) for folder in folders]
    assert forks == [False]


def test_few_plans_are_read_here(forks):
    folders = [SHIPPED, EXAMPLES / "hunan-broadband-2014"]
    assert many.read_plans(folders) == [read_plan(folder) for folder in folders]
    assert forks == []


def test_compare_over_many_plans_prints_the_same_either_way(tmp_path, monkeypatch, forks):
    province = tmp_path / "province"
    for i in range(many.PARALLEL_FROM + 1):
        shutil.copytree(EXAMPLES / "hunan-broadband-2014" if i % 2 else SHIPPED, province / f"city{i:02d}")
    outputs = {}
    for fmt in ("json", "table"):
        outputs[fmt] = run_main(["compare", province, "--format", fmt])
        assert outputs[fmt][0] == 0
    assert forks == [True, True]
    monkeypatch.setattr(many, "PARALLEL_FROM", 10**9)
    for fmt in ("json", "table"):
        assert run_main(["compare", province, "--format", fmt]) == outputs[fmt]
    assert forks == [True, True]


def test_from_parallel_from_plans_on_the_copy_reads(forks):
    folders = [SHIPPED, EXAMPLES / "hunan-broadband-2014"]
    assert many.read_plans(folders, parallel_from=2) == [read_plan(folder) for folder in folders]
    assert forks == [True]


def test_on_one_core_every_plan_is_read_here(monkeypatch, forks):
    monkeypatch.setattr(many.os, "sched_getaffinity", lambda _pid: {0})
    folders = [SHIPPED, EXAMPLES / "hunan-broadband-2014"]
    assert many.read_plans(folders, parallel_from=2) == [read_plan(folder) for folder in folders]
    assert forks == []


def test_with_another_thread_running_every_plan_is_read_here(forks):
    # a fork copies only the calling thread: whatever the other one holds (a lock, a half-written buffer) is lost
    done = threading.Event()
    other = threading.Thread(target=done.wait)
    other.start()
    try:
        folders = [SHIPPED, EXAMPLES / "hunan-broadband-2014"]
        assert many.read_plans(folders, parallel_from=2) == [read_plan(folder) for folder in folders]
    finally:
        done.set()
        other.join()
    assert forks == []


def test_the_reading_process_goes_on_once_the_copy_has_left():
    # in a process of its own: the copy leaves with os._exit, which, run in the wrong process, would end the test's
    # own process too, with no failure to see
    code = (
        "import sys; from jmplan.plan import many\n"
        "results = many.read_plans(sys.argv[1:], parallel_from=2)\n"
        "print(sum(plan is not None and not problems for plan, problems in results))"
    )
    folders = [str(SHIPPED), str(EXAMPLES / "hunan-broadband-2014")]
    run = subprocess.run([sys.executable, "-c", code, *folders], capture_output=True, text=True, timeout=300)
    assert (run.returncode, run.stdout, run.stderr) == (0, "2\n", "")
