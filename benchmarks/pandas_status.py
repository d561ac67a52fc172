"""The status table of a plan folder computed with pandas: the peer that
benchmarks/run.py times against `jmplan status --format json` (issue 14).

    python3 benchmarks/pandas_status.py PLAN_DIR [--year Y] [--check JMPLAN_JSON]

What a user who knows pandas would write instead of installing jmplan: read
the four files with PyYAML (its C loader where there is one), put them in
DataFrames, and compute, for each indicator, the latest value up to the
year, the gap, the required annual growth (compound) and change (linear),
and the status by jmplan's default method (docs/methods.md, method 1, time
progress): achieved when the latest value meets the target in the
indicator's direction, else completion c = (x - b) / (target - b), moving
away when c < 0, else the ratio r = c / e to the expected share e of the
way (k / n for a linear indicator, ((1+g)**k - 1) / ((1+g)**n - 1) for a
compound one, g the required rate from the baseline): ahead when r >= 1.10,
on track when r >= 0.90, behind below.

It reads what make_plan.py writes: one target year, a baseline for every
indicator, figures as numbers or as `value:` mappings. It checks nothing (no
line numbers, units, bounds or plausibility) and leaves out what needs more
than a few vectorised lines (the projection, milestones, target forms,
final verdicts after the target year): the least a peer would do. It writes
the table as JSON records; `--check` compares its statuses with jmplan's
JSON of the same plan and year, so the two are known to compute the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
AHEAD, ON_TRACK = 1.10, 0.90  # the plan's default thresholds (README, `thresholds:`)


def _read(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=LOADER)


def _figure(value) -> float:
    return float(value["value"] if isinstance(value, dict) else value)


def status_table(folder: Path, year: int | None) -> pd.DataFrame:
    plan = _read(folder / "plan.yaml")
    base_year, target_year = plan["plan"]["base_year"], plan["plan"]["target_year"]
    indicators = pd.DataFrame.from_dict(plan["indicators"], orient="index")[["growth_model", "direction"]]
    baseline = _read(folder / f"baseline_{base_year}.yaml")["values"]
    targets = _read(folder / "targets.yaml")["values"]
    table = indicators.assign(
        b=pd.Series({k: _figure(v) for k, v in baseline.items()}),
        target=pd.Series({k: _figure(v) for k, v in targets.items()}),
    )
    observations = _read(folder / "actuals.yaml")["observations"]
    long = pd.DataFrame(
        [(key, y, _figure(v)) for key, by_year in observations.items() for y, v in by_year.items()],
        columns=["key", "year", "x"],
    )
    if year is not None:
        long = long[long["year"] <= year]
    latest = long.sort_values(["key", "year"]).groupby("key").last()
    table = table.join(latest, how="left")

    d = np.where(table["direction"] == "decrease", -1.0, 1.0)
    compound = (table["growth_model"] == "compound").to_numpy()
    b, x, target, t = table["b"], table["x"], table["target"], table["year"]
    n, k, left = target_year - base_year, t - base_year, target_year - t
    table["gap"] = target - x
    table["relative_gap"] = (target - x) / x
    table["required_annual_growth"] = (target / x) ** (1 / left) - 1
    table["required_annual_change"] = (target - x) / left
    table["completion"] = (x - b) / (target - b)
    g = (target / b) ** (1 / n) - 1
    table["expected_progress"] = np.where(compound, ((1 + g) ** k - 1) / ((1 + g) ** n - 1), k / n)
    table["ratio"] = table["completion"] / table["expected_progress"]
    table["status"] = np.select(
        [
            table["x"].isna(),
            d * (x - target) >= 0,
            table["completion"] < 0,
            table["ratio"] >= AHEAD,
            table["ratio"] >= ON_TRACK,
        ],
        ["no_data", "achieved", "moving_away", "ahead", "on_track"],
        default="behind",
    )
    return table.rename_axis("key").reset_index()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--year", type=int)
    parser.add_argument("--check", type=Path, help="jmplan's status JSON of the same plan and year")
    args = parser.parse_args(argv)
    table = status_table(args.plan, args.year)
    if args.check:
        theirs = {m["key"]: m["status"] for m in json.loads(args.check.read_text(encoding="utf-8"))["metrics"]}
        ours = dict(zip(table["key"], table["status"]))
        differ = sorted(key for key in theirs.keys() | ours.keys() if theirs.get(key) != ours.get(key))
        print(f"{len(ours) - len(differ)} of {len(ours)} statuses as jmplan's; differ: {differ[:5]}")
        return 1 if differ else 0
    columns = ["key", "x", "year", "gap", "required_annual_growth", "required_annual_change", "ratio", "status"]
    sys.stdout.write(table[columns].to_json(orient="records", lines=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
