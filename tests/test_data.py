"""The embedded Jiangmen plan: every figure traces to a sentence of the
source, and the figures are the ones the source states."""

import pytest

from jmplan import load_plan
from jmplan.plan.loader import default_data_dir

PLAN = load_plan()
SOURCE = (default_data_dir() / PLAN.info.source_file).read_text(encoding="utf-8")


def _figures():
    for kind, figures in (("baseline", PLAN.baselines), ("target", PLAN.targets)):
        for key, figure in figures.items():
            yield f"{kind}:{key}", figure


@pytest.mark.parametrize("label, figure", list(_figures()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_figure_quotes_the_source(label, figure):
    assert figure.quote and figure.quote in SOURCE, f"{label}: its source is not a sentence of the text"
    assert figure.stated and figure.stated in figure.quote, f"{label}: the stated figure is not in its sentence"


def test_goals_and_tasks_quote_the_source():
    assert len(PLAN.tasks) == 10  # 十大重点任务
    for goal in PLAN.goals + PLAN.tasks:
        assert goal.quote in SOURCE and goal.text_zh in goal.quote, goal.key


# The figures as the issue and the source state them (7.76万公里 = 77,600 km, 279万 = 2,790,000).
BASELINE_2015 = {
    "fibre_length": 77_600,
    "bandwidth": 735,
    "base_stations": 11_916,
    "wifi_aps": 3_802,
    "fibre_users": 2_790_000,
    "hotline_units": 200,
    "school_network": 100,
    "radio_tv_coverage": 100,
    "ecommerce": 700,
    "cross_border_share": 33.33,
    "clearance_centres": 5,
    "express_daily": 150_000,
}
TARGETS_2020 = {
    "fibre_to_home": 90,
    "broadband_coverage": 100,
    "public_wifi": 100,
    "online_services": 90,
    "open_data": 80,
    "social_security_card": 100,
    "health_records": 100,
    "enterprise_it": 80,
    "electronic_output": 1_000,
    "ecommerce": 1_700,
    "benchmark_fields": 3,
}


def test_baseline_figures():
    assert {k: f.value for k, f in PLAN.baselines.items()} == BASELINE_2015
    assert all(f.year == 2015 for f in PLAN.baselines.values())


def test_target_figures():
    assert {k: f.value for k, f in PLAN.targets.items()} == TARGETS_2020
    assert all(f.year == 2020 for f in PLAN.targets.values())


def test_qualifiers_are_kept():
    assert PLAN.baselines["ecommerce"].qualifier == "over"  # 超过700亿元
    assert PLAN.baselines["cross_border_share"].qualifier == "about"  # 约占三分之一
    fields = PLAN.targets["benchmark_fields"]
    assert (fields.qualifier, fields.value, fields.upper) == ("range", 3, 5)  # 3—5个


def test_growth_models_follow_the_units():
    for indicator in PLAN.indicators.values():
        expected = "linear" if indicator.unit == "%" else "compound"
        assert indicator.growth_model == expected, indicator.key


def test_plan_facts_live_in_the_data():
    info = PLAN.info
    assert (info.base_year, info.target_year) == (2015, 2020)
    assert (info.thresholds.ahead, info.thresholds.on_track) == (1.10, 0.90)
    assert "江门" in info.name_zh and PLAN.observations == {}
