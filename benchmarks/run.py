"""Benchmark jmplan's start-up and its scaling with the size of a plan (issue 5).

    python3 benchmarks/run.py [--quick] [--sizes 100,1000,10000,50000] [--src DIR | --rev REV]

A report, not a test: it prints a start-up table, a scale table and the
machine, checks each number against the goals of issue 5, and exits 0 even
when goals are missed. It exits 1 only when a command itself fails.

What runs: jmplan from a source tree (default: this checkout), as
`<this python> -m jmplan ...` with the tree as working folder and on
PYTHONPATH, so it is the code in the tree that is measured, never a stale
installed `jmplan`; `--rev HEAD` measures a clean copy of a commit instead,
undisturbed by edits in progress. The tree is byte-compiled first, as
`pip install` does. `<this python>` is sys.executable, the real interpreter:
`python3` on PATH may be a shim script (pyenv's adds ~70 ms to every start).

- Start-up: `jmplan status` and `jmplan status --format json` on the
  embedded plan, against `python -c "import click, yaml, tabulate"` (the
  floor set by the dependencies) and `python -c pass`, with hyperfine when it
  is installed (Debian: apt-get install hyperfine), else a perf_counter loop;
  medians either way.
- Scale: `jmplan status --format json --data-dir PLAN` on synthetic plans
  from make_plan.py (cached in a temp folder), each run in a fresh probe
  process that reports its child's wall time and peak RSS together.
- Comparison (issue 13): `jmplan compare PROVINCE --format json` (and the
  text table) on a folder of synthetic city plans of 50 indicators x 10
  years each, sharing every indicator: 21 cities (a province; goal: well
  under a second) and 300 (it must still work; time and memory reported).
  `--compare-only` runs this part alone.
Offline: needs nothing but the project's own dependencies.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_plan  # noqa: E402  (beside this file, not an installed module)

PY = sys.executable
FULL_SIZES = [100, 1_000, 10_000, 50_000]
FLOOR = "import click, yaml, tabulate"
# Goals of issue 5
STARTUP_GOALS = {"jmplan status": 1.2, "jmplan status --format json": 1.0}  # x the floor
SIZE_GOAL, SECONDS_GOAL, MB_GOAL = 10_000, 1.5, 200
SLACK = 1.1  # ten times the data in at most eleven times the time
# Goals of issue 13: a province's cities compared in well under a second; 300 plans still work
COMPARE_PLANS, COMPARE_INDICATORS, COMPARE_GOAL = (21, 300), 50, 1.0

# Runs one command and prints "returncode seconds peak_kb". Measuring in a
# fresh process matters: RUSAGE_CHILDREN keeps the maximum over every child a
# process has waited for, so in the runner itself it would never go down.
PROBE = """\
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(code, elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


class CommandFailed(Exception):
    pass


def shown(argv: list[str]) -> str:
    """A command as the tables show it: `python3` for the interpreter, `jmplan` for `python -m jmplan`."""
    words = ["python3" if w == PY else w for w in argv]
    if words[:3] == ["python3", "-m", "jmplan"]:
        words = ["jmplan"] + words[3:]
    return shlex.join(words)


def byte_compile(src: Path) -> None:
    """Compile the tree's modules as `pip install` does. Without it every run
    would recompile jmplan from source (PYTHONDONTWRITEBYTECODE is common in
    containers) while click, yaml and tabulate, installed by pip, load
    compiled: the comparison with the floor would be unfair by ~30 ms."""
    subprocess.run([PY, "-m", "compileall", "-q", str(src / "jmplan")], check=True, stdout=subprocess.DEVNULL)


def run_env(src: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")])))
    env.pop("JMPLAN_DATA_DIR", None)  # "the embedded plan" must mean it
    return env


# --- timing ------------------------------------------------------------------


def check(commands, cwd, env) -> None:
    """Run each command once, so a failing one is reported with its own error
    message (hyperfine only says that some exit code was not 0)."""
    for argv in commands:
        done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise CommandFailed(f"`{shown(argv)}` exited {done.returncode}:\n{done.stderr}")


def time_with_hyperfine(commands, warmup, runs, cwd, env, rounds=5) -> list[list[float]]:
    """Seconds of each run of each command, measured by hyperfine.

    hyperfine runs all of one command's runs before the next command's, so a
    slow spell of a shared machine would land on one command only; splitting
    the runs into rounds spreads such spells over all of them."""
    times = [[] for _ in commands]
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "results.json"
        for r in range(rounds):
            # -N: no intermediate shell, so the shell's own start-up is not timed
            cmd = [
                "hyperfine",
                "-N",
                "--style",
                "none",
                "--warmup",
                str(warmup if r == 0 else 1),
                "--runs",
                str(-(-runs // rounds)),
                "--export-json",
                str(export),
            ] + [shlex.join(c) for c in commands]
            done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise CommandFailed(f"hyperfine failed:\n{done.stdout}{done.stderr}")
            for c, result in enumerate(json.loads(export.read_text())["results"]):
                times[c].extend(result["times"])
    return times


def time_with_loop(commands, warmup, runs, cwd, env) -> list[list[float]]:
    """hyperfine's job without hyperfine: perf_counter around each run.
    Commands are interleaved run by run, so a slow spell of the machine hits
    them all alike."""
    times = [[] for _ in commands]
    for i in range(warmup + runs):
        for c, argv in enumerate(commands):
            start = time.perf_counter()
            done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                error = done.stderr.decode(errors="replace")
                raise CommandFailed(f"`{shown(argv)}` exited {done.returncode}:\n{error}")
            if i >= warmup:
                times[c].append(elapsed)
    return times


def probe(argv, cwd, env) -> tuple[float, float]:
    """(seconds, peak MB) of one run of argv, measured by PROBE."""
    done = subprocess.run([PY, "-c", PROBE] + argv, cwd=cwd, env=env, capture_output=True, text=True)
    code, seconds, peak_kb = done.stdout.split() if done.returncode == 0 else ("?", 0, 0)
    if code != "0":
        raise CommandFailed(f"`{shown(argv)}` exited {code}:\n{done.stderr}")
    return float(seconds), int(peak_kb) / 1024  # ru_maxrss is in KiB on Linux


def snapshot(rev: str, cache: Path) -> tuple[Path, str]:
    """A copy of the committed tree at `rev` (git archive), so that a
    benchmark of committed code is not disturbed by edits in the checkout."""
    sha = subprocess.run(
        ["git", "-C", str(HERE.parent), "rev-parse", "--verify", f"{rev}^{{commit}}"], capture_output=True, text=True
    ).stdout.strip()
    if not sha:
        raise SystemExit(f"--rev {rev}: not a commit of {HERE.parent}")
    folder = cache / f"src-{sha[:12]}"
    if not (folder / ".complete").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.Popen(["git", "-C", str(HERE.parent), "archive", sha], stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, check=True)
        if archive.wait() != 0:
            raise SystemExit(f"git archive {sha} failed")
        (folder / ".complete").touch()
    return folder, f"{rev} = {sha[:12]}, a clean copy"


# --- synthetic plans ----------------------------------------------------------


def plan_dir(cache: Path, size: int) -> Path:
    """The cached plan of `size` indicators, written when missing or when
    make_plan.py has changed since (its hash names the cache folder)."""
    version = hashlib.sha256(Path(make_plan.__file__).read_bytes()).hexdigest()[:12]
    folder = cache / f"plan-{size}-{version}"
    if not (folder / "actuals.yaml").exists():  # actuals.yaml is written last
        print(f"  generating {size:,} indicators in {folder}", file=sys.stderr)
        make_plan.write_plan(size, folder)
    return folder


def runs_for(size: int, quick: bool) -> tuple[int, int]:
    """(warmup, runs) for one plan size: fewer runs where one run takes long
    (50,000 indicators take about a minute on a slow machine)."""
    if quick:
        return (1, 3) if size <= 1_000 else (0, 3)
    return (1, 10) if size <= 1_000 else (1, 5) if size <= 10_000 else (0, 3)


def province_dir(cache: Path, plans: int) -> Path:
    """A folder of `plans` synthetic city plans (50 indicators, 10 years each,
    every indicator shared), written when missing or when make_plan.py changed."""
    version = hashlib.sha256(Path(make_plan.__file__).read_bytes()).hexdigest()[:12]
    folder = cache / f"province-{plans}-{version}"
    done = folder / ".complete"
    if not done.exists():
        print(f"  generating {plans} plans in {folder}", file=sys.stderr)
        for i in range(plans):
            make_plan.write_plan(COMPARE_INDICATORS, folder / f"city{i:03d}", seed=i)
        done.touch()
    return folder


def comparison(cache: Path, src: Path, env: dict, quick: bool) -> tuple[list, list[str]]:
    """The comparison table's rows and the verdict on the province goal."""
    rows, verdicts = [], []
    for plans in COMPARE_PLANS:
        folder = province_dir(cache, plans)
        runs = 3 if quick or plans > 100 else 5
        for fmt in ("json", "table"):
            print(f"  compare: {plans} plans, --format {fmt}, {runs} runs...", file=sys.stderr)
            argv = [PY, "-m", "jmplan", "compare", str(folder), "--format", fmt]
            samples = [probe(argv, src, env) for _ in range(runs + 1)][1:]
            seconds = statistics.median(s for s, _ in samples)
            peak = max(mb for _, mb in samples)
            goal = plans == COMPARE_PLANS[0]
            rows.append(
                [
                    plans,
                    COMPARE_INDICATORS,
                    fmt,
                    runs,
                    f"{seconds:.3f}",
                    f"{peak:.0f}",
                    f"< {COMPARE_GOAL:g} s" if goal else "reported",
                    verdict(seconds < COMPARE_GOAL) if goal else "",
                ]
            )
            if goal and fmt == "json":
                verdicts.append(
                    f"{plans} plans x {COMPARE_INDICATORS} indicators x 10 years: {seconds:.2f} s "
                    f"(goal: well under {COMPARE_GOAL:g} s) {verdict(seconds < COMPARE_GOAL)}"
                )
    return rows, verdicts


# --- report -------------------------------------------------------------------


def table(headers, rows, right) -> str:
    """A plain text table; columns listed in `right` are right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells):
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def machine(src: Path, version: str, timer: str) -> list[str]:
    cpu = "unknown"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info = subprocess.run(
        [PY, "-c", "import yaml; print(yaml.__version__, yaml.__with_libyaml__)"], capture_output=True, text=True
    ).stdout.split()
    yaml_text = f"PyYAML {info[0]}, {'with' if info[1] == 'True' else 'without'} libyaml" if info else "PyYAML ?"
    return [
        f"CPU: {cpu}; {os.cpu_count()} cores ({usable} usable)",
        f"Python {platform.python_version()} ({PY}); {yaml_text}",
        f"jmplan: {src} ({version}), run as `python3 -m jmplan` with PYTHONPATH={src}, byte-compiled",
        f"timer: {timer}",
    ]


def startup(src: Path, env: dict, quick: bool, hyperfine: bool) -> tuple[list, float, str]:
    """The start-up table's rows, the fastest run of `status --format json`, and how it was timed."""
    commands = [
        [PY, "-c", "pass"],
        [PY, "-c", FLOOR],
        [PY, "-m", "jmplan", "status"],
        [PY, "-m", "jmplan", "status", "--format", "json"],
    ]
    check(commands, src, env)
    warmup, runs = (2, 10) if quick else (3, 50)  # runs: a multiple of time_with_hyperfine's rounds
    timing = time_with_hyperfine if hyperfine else time_with_loop
    samples = timing(commands, warmup, runs, src, env)
    medians = [statistics.median(t) for t in samples]
    floor, floor_min = medians[1], min(samples[1])
    rows = []
    for argv, times, median in zip(commands, samples, medians, strict=True):
        name = shown(argv)
        goal = STARTUP_GOALS.get(name)
        q1, _, q3 = statistics.quantiles(times, n=4)
        rows.append(
            [
                name,
                f"{median * 1000:.1f}",
                f"{min(times) * 1000:.1f}",
                f"{(q3 - q1) * 1000:.1f}",
                f"{median / floor:.2f}",
                f"{min(times) / floor_min:.2f}",
                "floor" if argv[-1] == FLOOR else f"<= {goal:.1f}" if goal else "",
                verdict(median / floor <= goal) if goal else "",
            ]
        )
    how = f"median of {runs} runs after {warmup} warm-up, {'hyperfine' if hyperfine else 'perf_counter loop'}"
    return rows, min(samples[3]), how


def scale(sizes: list[int], cache: Path, src: Path, env: dict, quick: bool, startup_json: float):
    """The scale table's rows and the verdicts on the absolute goals."""
    rows, verdicts, previous = [], [], None
    for size in sizes:
        folder = plan_dir(cache, size)
        warmup, runs = runs_for(size, quick)
        print(f"  {size:,} indicators, {runs} runs...", file=sys.stderr)
        argv = [PY, "-m", "jmplan", "status", "--format", "json", "--data-dir", str(folder)]
        samples = [probe(argv, src, env) for _ in range(warmup + runs)][warmup:]
        seconds = statistics.median(s for s, _ in samples)
        peak = max(mb for _, mb in samples)
        # the cost of one indicator: what the run takes beyond the start-up on the embedded plan
        # (its fastest run: a noisy median can exceed a whole run on 100 indicators)
        per_item = (seconds - startup_json) / size * 1e6
        row = [f"{size:,}", runs, f"{seconds:.3f}", f"{peak:.0f}", f"{per_item:.0f}", "", "", ""]
        if previous:
            # linear with 10 % slack: x10 data may take x11 time (x5 data, x5.5 time)
            growth, allowed = seconds / previous[1], SLACK * size / previous[0]
            row[5:] = [f"{growth:.2f} (x{size / previous[0]:g} data)", f"<= {allowed:.1f}", verdict(growth <= allowed)]
        rows.append(row)
        previous = (size, seconds)
        if size == SIZE_GOAL:
            verdicts.append(
                f"{size:,} indicators: {seconds:.2f} s (goal < {SECONDS_GOAL} s) "
                f"{verdict(seconds < SECONDS_GOAL)}; {peak:.0f} MB peak (goal < {MB_GOAL} MB) "
                f"{verdict(peak < MB_GOAL)}"
            )
    return rows, verdicts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark jmplan's start-up and scaling (issue 5).")
    parser.add_argument("--quick", action="store_true", help="fewer runs, sizes up to 10,000")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x.replace("_", "")) for x in s.split(",")],
        help="comma-separated plan sizes [default: 100,1000,10000,50000; --quick: up to 10000]",
    )
    parser.add_argument(
        "--src",
        type=Path,
        default=HERE.parent,
        help="jmplan source tree to measure [default: this checkout, as it is on disk]",
    )
    parser.add_argument("--rev", help="measure this commit of the checkout instead (e.g. HEAD), from a clean copy")
    parser.add_argument("--compare-only", action="store_true", help="run only the comparison benchmark (issue 13)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "jmplan-bench",
        help="where generated plans (and --rev copies) are kept [default: %(default)s]",
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or [s for s in FULL_SIZES if not args.quick or s <= 10_000]
    if args.rev:
        src, version = snapshot(args.rev, args.cache)
    else:
        src = args.src.resolve()
        version = (
            subprocess.run(
                ["git", "-C", str(src), "describe", "--always", "--dirty"], capture_output=True, text=True
            ).stdout.strip()
            or "not a git checkout"
        )
    byte_compile(src)
    env = run_env(src)
    hyperfine = shutil.which("hyperfine") is not None
    try:
        if args.compare_only:
            compare_rows, compare_verdicts = comparison(args.cache, src, env, args.quick)
            _print_comparison(compare_rows, compare_verdicts)
            _print_machine(src, version, hyperfine)
            return 0
        print("Start-up...", file=sys.stderr)
        startup_rows, startup_json, how = startup(src, env, args.quick, hyperfine)
        print("Scale...", file=sys.stderr)
        scale_rows, verdicts = scale(sizes, args.cache, src, env, args.quick, startup_json)
        print("Comparison...", file=sys.stderr)
        compare_rows, compare_verdicts = comparison(args.cache, src, env, args.quick)
    except CommandFailed as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 1

    print(f"Start-up on the embedded plan ({how})")
    print(
        table(
            ["command", "median ms", "min ms", "IQR ms", "x floor", "x floor (min)", "goal", "result"],
            startup_rows,
            right={1, 2, 3, 4, 5},
        )
    )
    print()
    print("Scale: jmplan status --format json --data-dir PLAN, 10 years of observations per indicator")
    print(
        table(
            ["indicators", "runs", "median s", "peak MB", "us/indicator", "time x previous", "goal", "result"],
            scale_rows,
            right={0, 1, 2, 3, 4, 5},
        )
    )
    for line in verdicts:
        print(line)
    print(
        "IQR: interquartile range. x floor: median over the floor's median, which the goals use; x floor (min):\n"
        "  fastest over fastest, steadier than the medians when the machine is noisy (a large IQR)"
    )
    print(
        "us/indicator: (median - fastest start-up of `status --format json`) / indicators;"
        " peak MB: the highest of the runs"
    )
    print()
    _print_comparison(compare_rows, compare_verdicts)
    _print_machine(src, version, hyperfine)
    return 0


def _print_comparison(rows: list, verdicts: list[str]) -> None:
    print("Comparison: jmplan compare PROVINCE, every indicator shared, 10 years of observations each")
    print(
        table(
            ["plans", "indicators each", "format", "runs", "median s", "peak MB", "goal", "result"],
            rows,
            right={0, 1, 3, 4, 5},
        )
    )
    for line in verdicts:
        print(line)
    print()


def _print_machine(src: Path, version: str, hyperfine: bool) -> None:
    print("Machine")
    timer = "hyperfine" if hyperfine else "perf_counter loop (hyperfine not installed)"
    for line in machine(src, version, timer):
        print(f"  {line}")


if __name__ == "__main__":
    sys.exit(main())
