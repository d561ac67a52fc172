"""The plan folders in examples/: real plans, every figure traced to the
exact words of the source kept beside it, and comparable with the Jiangmen
plan through the common list."""

from __future__ import annotations

from pathlib import Path

import pytest

from jmplan import load_plan
from jmplan.measure.compare import compare_plans
from jmplan.plan.common import COMMON

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "plan.yaml").is_file())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_figure_quotes_its_source(folder):
    plan = load_plan(folder)
    assert plan.info.source_file, "an example keeps its source text beside its data"
    source = (folder / plan.info.source_file).read_text(encoding="utf-8")
    figures = [*plan.baselines.values(), *plan.targets.values()]
    figures += [m for by_year in plan.milestones.values() for m in by_year.values()]
    figures += [f for by_year in plan.observations.values() for f in by_year.values()]
    # the index of 100 an indicator observed as yearly changes runs on is jmplan's, not the text's
    figures = [f for f in figures if f.where.file]
    assert figures
    for figure in figures:
        assert figure.quote and figure.quote in source, f"{folder.name}: {figure.quote!r} is not in the source"
        assert figure.stated and figure.stated in figure.quote, f"{folder.name}: {figure.stated!r}"


def test_the_broadband_pair_shares_four_indicators():
    """Hunan's and Qinghai's opinions both set the Broadband China 2020 targets:
    70 % of households on fixed broadband, 85 % on 3G/4G, 50 and 12 Mbps."""
    hunan, qinghai = load_plan(EXAMPLES / "hunan-broadband-2014"), load_plan(EXAMPLES / "qinghai-broadband-2013")
    result = compare_plans([hunan, qinghai])
    targets = {m.key: [r.target.value for r in m.rows] for m in result.metrics}
    assert targets == {
        "urban_household_bandwidth": [50, 50],
        "rural_household_bandwidth": [12, 12],
        "broadband_penetration": [70, 70],
        "mobile_broadband_penetration": [85, 85],
    }


def test_jiangmen_and_hunan_share_ecommerce_in_one_unit():
    """Hunan's 1 万亿元 is 10,000 亿元 beside Jiangmen's 1,700 亿元."""
    result = compare_plans([load_plan(), load_plan(EXAMPLES / "hunan-broadband-2014")])
    (metric,) = [m for m in result.metrics if m.key == "ecommerce"]
    assert metric.unit == "亿元"
    assert [r.target.value for r in metric.rows] == [1700, 10_000]
    # and its 2015 milestone, 超过3000亿元 written as 0.3 万亿元
    (milestone,) = metric.rows[1].milestones
    assert (milestone.year, milestone.value, milestone.stated) == (2015, 3000, "超过3000亿元")
    # no year in which both plans have a value: no rank, and the reason
    assert metric.rank_reason == "no_shared_year"


# Plans that are not informatization plans share no indicator with the common list
NOT_INFORMATIZATION = {"china-14th-fyp-2021"}  # the national plan's main targets: jobs, R&D, energy, health


def test_example_keys_are_common_keys_or_their_own():
    for folder in FOLDERS:
        if folder.name in NOT_INFORMATIZATION:
            continue
        plan = load_plan(folder)
        shared = [k for k in plan.indicators if k in COMMON]
        assert len(shared) >= 3, folder.name
