"""Benchmark jmplan against the goals of issue 14, in one interleaved run.

    python3 benchmarks/run.py [--quick] [--sizes 1000,10000,50000,100000] [--src DIR | --rev REV]
                              [--only scale,charts,startup,compare,peer]

A report, not a test: it prints a table per part, then every goal as met or
NOT MET, and the machine; it exits 0 even when goals are missed, 1 only when
a command itself fails. The machine may be shared (other processes running),
so every part runs its commands interleaved, round by round (the order
reversed every other round), and compares medians: a slow spell hits all of
a part's commands alike, and the ratios, which the goals use, hold steadier
than the seconds.

What runs: jmplan from a source tree (default: this checkout), as
`<this python> -m jmplan ...` with the tree as working folder and on
PYTHONPATH, so it is the code in the tree that is measured, never a stale
installed `jmplan`; `--rev HEAD` measures a clean copy of a commit instead,
undisturbed by edits in progress. The tree is byte-compiled first, as
`pip install` does. `<this python>` is sys.executable, the real interpreter:
`python3` on PATH may be a shim script (pyenv's adds ~70 ms to every start).
Each run of a command is timed in a fresh probe process that reports the
command's wall time and peak RSS together.

- scale: `jmplan status --format json --data-dir PLAN` on synthetic plans
  from make_plan.py (cached in a temp folder; 10 years of figures per
  indicator), against a floor script that only iterates PyYAML's C-parser
  events over the same four files, and a bound beside it ("kept": the floor
  plus each scalar's text and line kept, the least a reader does that can
  say where a value came from). Goals: at 10,000 indicators at most 2x
  the floor's time and under 100 MB; 10x the data in at most 11x the time
  (5x in 5.5x), up to 100,000 indicators (50,000 and 100,000 only without
  --quick). A size the loader refuses (over its limit on indicators) is
  reported as refused, and the run goes on.
- charts: `jmplan report -o FILE.html` (a chart per indicator) on plans of
  20 and 200 indicators; each further chart costs the difference over 180.
  Goals: at most 25 ms a chart, and peak memory not growing with the
  charts (under 100 KB a chart: the chart's own text; a matplotlib figure
  held was about 1 MB).
- startup: `jmplan --version`, `jmplan status` and `jmplan status --format
  json` on the embedded plan against `python -c "import click, yaml,
  tabulate"` (the floor set by the dependencies), with hyperfine when it is
  installed (Debian: apt-get install hyperfine), else a perf_counter loop.
  Goals: --version at most 0.3x the floor, status 1.10x, status --format
  json 0.73x (issue 14: no worse than they were).
- compare: `jmplan compare PROVINCE` (json and table) on folders of
  synthetic city plans of 50 indicators x 10 years, every indicator shared:
  21 cities (issue 13: under 1 s) and 300 (issue 14: under 2 s).
- peer: benchmarks/pandas_status.py, a pandas script computing the same
  status table (same formulas, same files), against `jmplan status
  --format json --year 2020` on 10,000 indicators; first it checks that the
  two agree on every status, then prints jmplan's lead (the peer's time over
  jmplan's). Needs pandas (`pip install -e '.[bench]'`); without it the part
  says so and is skipped.
Offline: needs nothing but the project's own dependencies (and pandas for the peer).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import resource
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
PARTS = ("scale", "charts", "startup", "compare", "peer")
FULL_SIZES, QUICK_SIZES = [1_000, 10_000, 50_000, 100_000], [1_000, 10_000]
FLOOR = "import click, yaml, tabulate"
# the scale floor: what reading the four files costs at the least with PyYAML (its C parser's events, nothing more)
EVENTS_FLOOR = """\
import sys, yaml
for path in sys.argv[1:]:
    with open(path, "rb") as stream:
        for _event in yaml.parse(stream, Loader=yaml.CSafeLoader):
            pass
"""
# Not a goal, a bound: the floor plus keeping each scalar's text and line, the least any reader does
# that builds values from the events and can say where each came from. Its distance from the floor
# is what is left of a ratio goal for everything else: checks, figures, assessing and writing JSON.
KEPT_REFERENCE = """\
import sys, yaml
from yaml.events import ScalarEvent
for path in sys.argv[1:]:
    with open(path, "rb") as stream:
        kept = [
            (event.value, event.start_mark.line)
            for event in yaml.parse(stream, Loader=yaml.CSafeLoader)
            if event.__class__ is ScalarEvent
        ]
"""
# Goals of issue 14
SIZE_GOAL, FLOOR_RATIO_GOAL, MB_GOAL = 10_000, 2.0, 100
SLACK = 1.1  # ten times the data in at most eleven times the time
CHART_SIZES, CHART_MS_GOAL, CHART_KB_GOAL = (20, 200), 25.0, 100.0
STARTUP_GOALS = {"jmplan --version": 0.3, "jmplan status": 1.10, "jmplan status --format json": 0.73}  # x the floor
# issue 13: a province's cities compared in under a second; issue 14: 300 plans in under 2 s
COMPARE_PLANS, COMPARE_INDICATORS, COMPARE_GOALS = (21, 300), 50, {21: 1.0, 300: 2.0}
PEER_SIZE, PEER_YEAR = 10_000, 2020  # a year within the plan: every formula of the status table is used

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


def time_with_hyperfine(commands, warmup, runs, cwd, env, rounds=5) -> tuple[list[list[float]], list[list[float]]]:
    """Seconds of each run of each command, measured by hyperfine.

    hyperfine runs all of one command's runs before the next command's, so a
    slow spell of a shared machine would land on one command only; splitting
    the runs into rounds spreads such spells over all of them."""
    times: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]  # hyperfine gives the mean CPU time of a round's runs
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
                cpus[c].append(result["user"] + result["system"])
    return times, cpus


def time_with_loop(commands, warmup, runs, cwd, env) -> tuple[list[list[float]], list[list[float]]]:
    """hyperfine's job without hyperfine: perf_counter around each run, and
    the CPU time (user + system) each run took, from this process's
    children's rusage. Commands are interleaved run by run, so a slow spell
    of the machine hits them all alike."""
    times: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for i in range(warmup + runs):
        for c, argv in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                error = done.stderr.decode(errors="replace")
                raise CommandFailed(f"`{shown(argv)}` exited {done.returncode}:\n{error}")
            if i >= warmup:
                times[c].append(elapsed)
                cpus[c].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpus


def probe(argv, cwd, env) -> tuple[float, float]:
    """(seconds, peak MB) of one run of argv, measured by PROBE."""
    done = subprocess.run([PY, "-c", PROBE] + argv, cwd=cwd, env=env, capture_output=True, text=True)
    code, seconds, peak_kb = done.stdout.split() if done.returncode == 0 else ("?", 0, 0)
    if code != "0":
        raise CommandFailed(f"`{shown(argv)}` exited {code}:\n{done.stderr}")
    return float(seconds), int(peak_kb) / 1024  # ru_maxrss is in KiB on Linux


def interleaved(
    commands: dict[str, list[str]], warmup: int, runs: int, cwd, env
) -> dict[str, list[tuple[float, float]]]:
    """(seconds, peak MB) of each run of each command, the commands taking
    turns run by run (in reverse order every other round), so that a slow
    spell of a shared machine falls on all of them alike."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for r in range(warmup + runs):
        order = list(commands.items())
        for name, argv in order if r % 2 == 0 else reversed(order):
            sample = probe(argv, cwd, env)
            if r >= warmup:
                samples[name].append(sample)
    return samples


def median_time(samples: list[tuple[float, float]]) -> float:
    return statistics.median(s for s, _ in samples)


def median_peak(samples: list[tuple[float, float]]) -> float:
    return statistics.median(mb for _, mb in samples)


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
    (100,000 indicators take half a minute or more on a slow machine)."""
    if quick:
        return (1, 3) if size <= 1_000 else (0, 3)
    return (1, 9) if size <= 1_000 else (1, 5) if size <= 10_000 else (0, 3)


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


def refusal(argv: list[str], cwd, env) -> str | None:
    """The first line of jmplan's message when it refuses the data (exit 1),
    else None; any other failure aborts the benchmark."""
    done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode == 1 and done.stderr.strip():
        first = done.stderr.strip().splitlines()[0]
        return first.split(".yaml:", 1)[-1].split(": ", 1)[-1]  # without the (long) FILE:LINE
    if done.returncode != 0:
        raise CommandFailed(f"`{shown(argv)}` exited {done.returncode}:\n{done.stderr}")
    return None


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


Goal = tuple[str, "bool | None"]  # what was measured against what, and whether it was met (None: reported only)


def ratio_text(value: float) -> str:
    return f"{value:.2f}x"


# --- the parts ------------------------------------------------------------------


def part_scale(sizes: list[int], cache: Path, src: Path, env: dict, quick: bool) -> tuple[list[str], list[Goal]]:
    rows, goals, previous = [], [], None
    for size in sizes:
        folder = plan_dir(cache, size)
        files = [str(folder / n) for n in ("plan.yaml", f"baseline_{make_plan.BASE_YEAR}.yaml", "targets.yaml")]
        files.append(str(folder / "actuals.yaml"))
        warmup, runs = runs_for(size, quick)
        print(f"  scale: {size:,} indicators, {runs} rounds...", file=sys.stderr)
        commands = {
            "floor": [PY, "-c", EVENTS_FLOOR, *files],
            "kept": [PY, "-c", KEPT_REFERENCE, *files],
            "jmplan": [PY, "-m", "jmplan", "status", "--format", "json", "--data-dir", str(folder)],
        }
        refused = refusal(commands["jmplan"], src, env)
        if refused:  # a plan over the loader's limit on indicators: said as it is, and the run goes on
            rows.append([f"{size:,}", 0, "", "", "", "", "", f"refused: {refused}", ""])
            goals.append((f"scale: {size:,} indicators: jmplan refuses the plan: {refused}", False))
            continue
        samples = interleaved(commands, warmup, runs, src, env)
        floor, seconds = median_time(samples["floor"]), median_time(samples["jmplan"])
        kept = median_time(samples["kept"])
        peak = max(mb for _, mb in samples["jmplan"])
        row = [f"{size:,}", runs, f"{floor:.3f}", ratio_text(kept / floor), f"{seconds:.3f}"]
        row += [ratio_text(seconds / floor), f"{peak:.0f}", "", ""]
        if previous:
            growth, allowed = seconds / previous[1], SLACK * size / previous[0]
            row[7] = f"{growth:.2f}x for {size / previous[0]:g}x the data"
            row[8] = f"{floor / previous[2]:.2f}x"  # the machine's own: reading bigger files is not linear either
            goals.append(
                (
                    f"scale: {previous[0]:,} -> {size:,} indicators took {growth:.2f}x the time "
                    f"(goal: at most {allowed:.1f}x)",
                    growth <= allowed,
                )
            )
        rows.append(row)
        previous = (size, seconds, floor)
        if size == SIZE_GOAL:
            goals.append(
                (
                    f"scale: {size:,} indicators x 10 years: {ratio_text(seconds / floor)} the floor "
                    f"({seconds:.2f} s against {floor:.2f} s; goal: at most {FLOOR_RATIO_GOAL:g}x)",
                    seconds / floor <= FLOOR_RATIO_GOAL,
                )
            )
            goals.append((f"scale: {size:,} indicators: {peak:.0f} MB peak (goal: under {MB_GOAL} MB)", peak < MB_GOAL))
    lines = [
        "Scale: jmplan status --format json --data-dir PLAN (10 years of figures an indicator), interleaved with",
        "the floor: a script that only iterates PyYAML's C-parser events over the same four files",
        table(
            [
                "indicators",
                "rounds",
                "floor s",
                "kept x floor",
                "jmplan s",
                "x floor",
                "peak MB",
                "time x previous size",
                "floor x previous",
            ],
            rows,
            right={0, 1, 2, 3, 4, 5, 6, 8},
        ),
        "medians of the rounds; peak MB: the highest of jmplan's runs;",
        "kept: the floor plus each scalar's text and line kept in a list, the least a reader does that",
        "builds values and can say where each came from (a bound, not a goal);",
        "floor x previous: the floor's own growth with the size (the machine's, with bigger files)",
    ]
    return lines, goals


def part_charts(cache: Path, src: Path, env: dict, quick: bool) -> tuple[list[str], list[Goal]]:
    small, large = CHART_SIZES
    out = Path(tempfile.mkdtemp(prefix="charts-", dir=cache))
    commands = {
        f"{n} charts": [
            PY,
            "-m",
            "jmplan",
            "report",
            "--data-dir",
            str(plan_dir(cache, n)),
            "-o",
            str(out / f"r{n}.html"),
        ]
        for n in CHART_SIZES
    }
    check(list(commands.values()), src, env)
    drawn = {n: (out / f"r{n}.html").read_text(encoding="utf-8").count("<svg") for n in CHART_SIZES}
    if drawn[small] != small or drawn[large] != large:
        shutil.rmtree(out, ignore_errors=True)
        line = f"charts: the reports drew {drawn[small]} and {drawn[large]} charts: is the charts extra installed?"
        return [line], [(line, False)]
    svg_kb = (out / f"r{large}.html").stat().st_size / 1024 / large
    rounds = 3 if quick else 7
    print(f"  charts: reports of {small} and {large} indicators, {rounds} rounds...", file=sys.stderr)
    samples = interleaved(commands, 1, rounds, src, env)
    shutil.rmtree(out, ignore_errors=True)
    times = {n: median_time(samples[f"{n} charts"]) for n in CHART_SIZES}
    peaks = {n: median_peak(samples[f"{n} charts"]) for n in CHART_SIZES}
    per_chart_ms = (times[large] - times[small]) / (large - small) * 1000
    per_chart_kb = (peaks[large] - peaks[small]) / (large - small) * 1024
    rows = [[f"{n}", n, f"{times[n]:.3f}", f"{peaks[n]:.0f}"] for n in CHART_SIZES]
    lines = [
        "Charts: jmplan report --data-dir PLAN -o r.html, a chart per indicator, the two sizes interleaved",
        table(["indicators", "charts", "median s", "median peak MB"], rows, right={0, 1, 2, 3}),
        f"each further chart: {per_chart_ms:.1f} ms and {per_chart_kb:.0f} KB of peak memory "
        f"(the report's HTML takes {svg_kb:.0f} KB a chart)",
    ]
    goals = [
        (
            f"charts: each further chart {per_chart_ms:.1f} ms (goal: at most {CHART_MS_GOAL:g} ms)",
            per_chart_ms <= CHART_MS_GOAL,
        ),
        (
            f"charts: peak memory {per_chart_kb:+.0f} KB a chart (goal: not growing with the charts, "
            f"under {CHART_KB_GOAL:g} KB a chart)",
            per_chart_kb < CHART_KB_GOAL,
        ),
    ]
    return lines, goals


def part_startup(src: Path, env: dict, quick: bool, hyperfine: bool) -> tuple[list[str], list[Goal]]:
    commands = [
        [PY, "-c", "pass"],
        [PY, "-c", FLOOR],
        [PY, "-m", "jmplan", "--version"],
        [PY, "-m", "jmplan", "status"],
        [PY, "-m", "jmplan", "status", "--format", "json"],
    ]
    check(commands, src, env)
    warmup, runs = (2, 10) if quick else (3, 40)  # runs: a multiple of time_with_hyperfine's rounds
    print(f"  start-up: {len(commands)} commands, {runs} runs each...", file=sys.stderr)
    timing = time_with_hyperfine if hyperfine else time_with_loop
    samples, cpus = timing(commands, warmup, runs, src, env)
    medians = [statistics.median(t) for t in samples]
    floor, floor_min = medians[1], min(samples[1])
    cpu_medians = [statistics.median(c) for c in cpus]
    rows, goals = [], []
    for argv, times, median, cpu in zip(commands, samples, medians, cpu_medians, strict=True):
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
                f"{cpu * 1000:.1f}",
                f"{cpu / cpu_medians[1]:.2f}",
                "floor" if argv[-1] == FLOOR else f"<= {goal:.2f}" if goal else "",
            ]
        )
        if goal:
            goals.append(
                (
                    f"start-up: `{name}` {ratio_text(median / floor)} the floor ({median * 1000:.0f} ms against "
                    f"{floor * 1000:.0f} ms; CPU time {ratio_text(cpu / cpu_medians[1])}; goal: at most {goal:.2f}x)",
                    median / floor <= goal,
                )
            )
    how = f"median of {runs} runs after {warmup} warm-up, {'hyperfine' if hyperfine else 'perf_counter loop'}"
    lines = [
        f"Start-up on the embedded plan ({how})",
        table(
            ["command", "median ms", "min ms", "IQR ms", "x floor", "x floor (min)", "CPU ms", "x floor (CPU)", "goal"],
            rows,
            right={1, 2, 3, 4, 5, 6, 7},
        ),
        "IQR: interquartile range. x floor: median over the floor's median, which the goals use; x floor (min):",
        "  fastest over fastest, steadier than the medians when the machine is noisy (a large IQR);",
        "  CPU ms: median user + system time, which other processes on a busy machine disturb less than wall time",
    ]
    return lines, goals


def part_compare(cache: Path, src: Path, env: dict, quick: bool) -> tuple[list[str], list[Goal]]:
    rows, goals = [], []
    for plans in COMPARE_PLANS:
        folder = province_dir(cache, plans)
        warmup, runs = (0, 2) if quick and plans > 100 else (1, 3) if quick or plans > 100 else (1, 5)
        print(f"  compare: {plans} plans, json and table interleaved, {runs} rounds...", file=sys.stderr)
        commands = {fmt: [PY, "-m", "jmplan", "compare", str(folder), "--format", fmt] for fmt in ("json", "table")}
        samples = interleaved(commands, warmup, runs, src, env)
        limit = COMPARE_GOALS[plans]
        for fmt, runs_of in samples.items():
            seconds, peak = median_time(runs_of), max(mb for _, mb in runs_of)
            rows.append([plans, COMPARE_INDICATORS, fmt, runs, f"{seconds:.3f}", f"{peak:.0f}", f"< {limit:g} s"])
            goals.append(
                (
                    f"compare: {plans} plans x {COMPARE_INDICATORS} indicators, --format {fmt}: {seconds:.2f} s "
                    f"(goal: under {limit:g} s)",
                    seconds < limit,
                )
            )
    lines = [
        "Comparison: jmplan compare PROVINCE, every indicator shared, 10 years of figures each",
        table(
            ["plans", "indicators each", "format", "rounds", "median s", "peak MB", "goal"], rows, right={0, 1, 3, 4, 5}
        ),
    ]
    return lines, goals


def part_peer(cache: Path, src: Path, env: dict, quick: bool) -> tuple[list[str], list[Goal]]:
    if importlib.util.find_spec("pandas") is None:
        line = (
            "peer: skipped: pandas is not installed for this Python "
            f"({PY}); `python3 -m pip install -e '.[bench]'` installs it"
        )
        return [line], []
    folder = plan_dir(cache, PEER_SIZE)
    peer_script = str(HERE / "pandas_status.py")
    jmplan_argv = [
        PY,
        "-m",
        "jmplan",
        "status",
        "--format",
        "json",
        "--year",
        str(PEER_YEAR),
        "--data-dir",
        str(folder),
    ]
    # first: do the two compute the same table? (the statuses, each from every formula before it)
    ours = subprocess.run(jmplan_argv, cwd=src, env=env, capture_output=True)
    if ours.returncode != 0:
        raise CommandFailed(f"`{shown(jmplan_argv)}` exited {ours.returncode}:\n{ours.stderr.decode(errors='replace')}")
    with tempfile.NamedTemporaryFile(suffix=".json", dir=cache) as expected:
        expected.write(ours.stdout)
        expected.flush()
        agree = subprocess.run(
            [PY, peer_script, str(folder), "--year", str(PEER_YEAR), "--check", expected.name],
            cwd=src,
            env=env,
            capture_output=True,
            text=True,
        )
    agreement = (agree.stdout.strip() or agree.stderr.strip().splitlines()[-1]) if agree.stdout or agree.stderr else "?"
    warmup, rounds = (0, 2) if quick else (1, 5)
    print(f"  peer: pandas and jmplan on {PEER_SIZE:,} indicators, {rounds} rounds...", file=sys.stderr)
    commands = {"jmplan": jmplan_argv, "pandas": [PY, peer_script, str(folder), "--year", str(PEER_YEAR)]}
    samples = interleaved(commands, warmup, rounds, src, env)
    times = {name: median_time(runs_of) for name, runs_of in samples.items()}
    peaks = {name: max(mb for _, mb in runs_of) for name, runs_of in samples.items()}
    lead = times["pandas"] / times["jmplan"]
    version = subprocess.run([PY, "-c", "import pandas; print(pandas.__version__)"], capture_output=True, text=True)
    rows = [
        [shown(commands[name]).replace(str(folder), "PLAN"), f"{times[name]:.3f}", f"{peaks[name]:.0f}"]
        for name in commands
    ]
    lines = [
        f"Peer: the same status table with pandas {version.stdout.strip()} (benchmarks/pandas_status.py),"
        f" {PEER_SIZE:,} indicators x 10 years, year {PEER_YEAR}, interleaved",
        table(["command", "median s", "peak MB"], rows, right={1, 2}),
        f"agreement: {agreement}",
        f"jmplan's lead: the pandas script takes {lead:.2f}x jmplan's time",
    ]
    goals = [
        (f"peer: the pandas script computes the same statuses ({agreement})", agree.returncode == 0),
        (f"peer: jmplan's lead over pandas: the pandas script takes {lead:.2f}x jmplan's time", None),
    ]
    return lines, goals


# --- the run --------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark jmplan against the goals of issue 14.")
    parser.add_argument("--quick", action="store_true", help="fewer runs, sizes up to 10,000 (a minute or two)")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x.replace("_", "").replace(",", "")) for x in s.split(",")],
        help="comma-separated plan sizes for the scale part [default: 1000,10000,50000,100000; --quick: 1000,10000]",
    )
    parser.add_argument(
        "--only",
        type=lambda s: [p.strip() for p in s.split(",")],
        help=f"run only these parts, comma-separated, of: {', '.join(PARTS)}",
    )
    parser.add_argument("--compare-only", action="store_true", help="the same as --only compare")
    parser.add_argument(
        "--src",
        type=Path,
        default=HERE.parent,
        help="jmplan source tree to measure [default: this checkout, as it is on disk]",
    )
    parser.add_argument("--rev", help="measure this commit of the checkout instead (e.g. HEAD), from a clean copy")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "jmplan-bench",
        help="where generated plans (and --rev copies) are kept [default: %(default)s]",
    )
    args = parser.parse_args(argv)
    parts = args.only or (["compare"] if args.compare_only else list(PARTS))
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"--only: no part {', '.join(unknown)}; the parts are {', '.join(PARTS)}")
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    args.cache.mkdir(parents=True, exist_ok=True)
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
    started, load_before = time.time(), load_average()
    sections, goals = [], []
    try:
        for part in parts:
            print(f"{part}...", file=sys.stderr)
            if part == "scale":
                lines, met = part_scale(sizes, args.cache, src, env, args.quick)
            elif part == "charts":
                lines, met = part_charts(args.cache, src, env, args.quick)
            elif part == "startup":
                lines, met = part_startup(src, env, args.quick, hyperfine)
            elif part == "compare":
                lines, met = part_compare(args.cache, src, env, args.quick)
            else:
                lines, met = part_peer(args.cache, src, env, args.quick)
            sections.append(lines)
            goals += met
    except CommandFailed as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 1

    for lines in sections:
        print("\n".join(lines))
        print()
    judged = [ok for _, ok in goals if ok is not None]
    print(f"Goals of issue 14 ({sum(judged)} of {len(judged)} met)")
    for text, ok in goals:
        print(f"  {'reported' if ok is None else 'met     ' if ok else 'NOT MET '}  {text}")
    print()
    print("Machine")
    timer = "hyperfine" if hyperfine else "perf_counter loop (hyperfine not installed)"
    for line in machine(src, version, timer):
        print(f"  {line}")
    print(
        f"  run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}, {time.time() - started:.0f} s; "
        f"load average (1, 5, 15 min) {load_before} before, {load_average()} after"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
