"""Write a synthetic plan folder for benchmarking jmplan at scale.

    python3 benchmarks/make_plan.py N OUTDIR [--seed S]

OUTDIR gets plan.yaml, baseline_2015.yaml, targets.yaml and actuals.yaml
with N indicators: two in three are levels (compound growth, positive
values), one in three are shares in % (linear, values within 0..100). Every
indicator has a baseline, a target and one observation a year for 2016-2025
(the plan runs 2015-2025, and observations must fall within those years).
Paces are spread so that every status (ahead, on track, behind, achieved,
moving away) occurs. The same N and seed always give the same bytes.

The files are written as text, not through yaml.dump, so the generator is
fast and its output looks like a hand-edited plan (one figure per line, some
figures in the full `value:`/`stated:`/`source:` form).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

BASE_YEAR, TARGET_YEAR = 2015, 2025
YEARS = range(BASE_YEAR + 1, TARGET_YEAR + 1)  # 10 observation years
LEVEL_UNITS = [("亿元", "100 million yuan"), ("个", "units"), ("km", "km"), ("户", "households")]


def _num(value: float) -> str:
    # Two decimals, always a plain decimal that jmplan's strict number reader accepts.
    return f"{value:.2f}"


def _indicator(rng: random.Random, i: int) -> dict:
    """One indicator's definition and figures (baseline, target, observations by year)."""
    n = TARGET_YEAR - BASE_YEAR
    # Actual pace relative to the required one: <0 moves away, ~1 on track, >1 ahead or achieved.
    pace = rng.choice([-0.3, 0.5, 0.8, 0.9, 0.95, 0.98, 1.05, 1.3])
    if i % 3 == 2:  # a share in %, linear
        base = rng.uniform(5, 60)
        target = min(100.0, base + rng.uniform(5, 35))
        step = (target - base) / n * pace
        observed = {y: min(100.0, max(0.0, base + step * (y - BASE_YEAR) + rng.uniform(-0.5, 0.5))) for y in YEARS}
        return dict(
            unit=("%", "%", "%"), model="linear", direction="increase", base=base, target=target, observed=observed
        )
    unit_zh, unit_en = LEVEL_UNITS[i % len(LEVEL_UNITS)]
    base = rng.uniform(100, 1_000_000)
    growth = rng.uniform(0.02, 0.15)
    decrease = i % 10 == 0  # a few "less is better" levels (e.g. energy per unit of output)
    if decrease:
        growth = -growth / 2
    target = base * (1 + growth) ** n
    actual = growth * pace
    observed = {y: base * (1 + actual) ** (y - BASE_YEAR) * rng.uniform(0.99, 1.01) for y in YEARS}
    return dict(
        unit=(unit_zh, unit_zh, unit_en),
        model="compound",
        direction="decrease" if decrease else "increase",
        base=base,
        target=target,
        observed=observed,
    )


def write_plan(count: int, out: Path, seed: int = 20160101) -> None:
    """Write the plan folder; files are written whole, then renamed, so a
    folder either holds a complete plan or its previous contents."""
    rng = random.Random(seed)
    plan = [
        "plan:",
        f'  name_zh: "合成基准规划（{count}项指标）"',
        f'  name_en: "Synthetic benchmark plan ({count} indicators)"',
        f"  base_year: {BASE_YEAR}",
        f"  target_year: {TARGET_YEAR}",
        "indicators:",
    ]
    baseline = [f"year: {BASE_YEAR}", "values:"]
    targets = [f"year: {TARGET_YEAR}", "values:"]
    actuals = ["observations:"]
    for i in range(count):
        key = f"ind_{i:05d}"
        ind = _indicator(rng, i)
        unit, unit_zh, unit_en = ind["unit"]
        plan += [
            f"  {key}:",
            f"    name_zh: 合成指标{i}",
            f"    name_en: Synthetic indicator {i}",
            f'    unit: "{unit}"',
            f'    unit_zh: "{unit_zh}"',
            f'    unit_en: "{unit_en}"',
            f"    growth_model: {ind['model']}",
            f"    direction: {ind['direction']}",
        ]
        if i % 5 == 0:  # the full form of a figure, as the real plan writes many
            baseline += [
                f"  {key}:",
                f"    value: {_num(ind['base'])}",
                f'    stated: "{_num(ind["base"])}{unit_zh}"',
                f'    source: "合成基准数据第{i}条。"',
            ]
        else:
            baseline.append(f"  {key}: {_num(ind['base'])}")
        targets.append(f"  {key}: {_num(ind['target'])}")
        actuals.append(f"  {key}:")
        actuals += [f"    {year}: {_num(value)}" for year, value in ind["observed"].items()]

    out.mkdir(parents=True, exist_ok=True)
    for name, lines in (
        ("plan.yaml", plan),
        (f"baseline_{BASE_YEAR}.yaml", baseline),
        ("targets.yaml", targets),
        ("actuals.yaml", actuals),
    ):
        tmp = out / (name + ".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(out / name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of indicators")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=20160101)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    write_plan(args.count, args.outdir, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
