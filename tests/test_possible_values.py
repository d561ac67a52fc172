"""One rule decides which values an indicator can take, and the plan's files
and `record` apply the same one: a share in % lies in [0, 100], a compound
level is not negative, a linear level may be anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SMALL_PLAN, write_plan

from jmplan.plan.loader import read_plan
from jmplan.write.record import RecordError, record_observation

PLAN = (
    SMALL_PLAN
    + """\
  compound_level:
    name_zh: 复合水平
    name_en: Compound level
    unit: 万元
    growth_model: compound
  linear_level:
    name_zh: 线性水平
    name_en: Linear level
    unit: km
    growth_model: linear
  linear_share:
    name_zh: 线性比率
    name_en: Linear share
    unit: "%"
    growth_model: linear
  compound_share:
    name_zh: 复合比率
    name_en: Compound share
    unit: "%"
    growth_model: compound
"""
)
VALUES = ["-0.5", "0", "100", "100.5", "1000000"]
# worked by hand from the rule above: the values each indicator cannot take
IMPOSSIBLE = {
    "compound_level": {"-0.5"},
    "linear_level": set(),
    "linear_share": {"-0.5", "100.5", "1000000"},
    "compound_share": {"-0.5", "100.5", "1000000"},
}
CASES = [(key, value) for key in IMPOSSIBLE for value in VALUES]


def _refused_by_the_loader(folder: Path, key: str, value: str) -> bool:
    (folder / "actuals.yaml").write_text(f"observations:\n  {key}:\n    2017: {value}\n", encoding="utf-8")
    _plan, problems = read_plan(folder)
    return any(key in p.message for p in problems)


def _refused_by_record(folder: Path, key: str, value: str) -> bool:
    (folder / "actuals.yaml").unlink(missing_ok=True)
    try:
        record_observation(folder, key, 2017, value)
    except RecordError:
        return True
    return False


@pytest.mark.parametrize("key, value", CASES, ids=[f"{k}={v}" for k, v in CASES])
def test_the_files_and_record_refuse_the_same_values(tmp_path: Path, key: str, value: str) -> None:
    folder = write_plan(tmp_path / "plan", plan=PLAN)
    expected = value in IMPOSSIBLE[key]
    assert _refused_by_the_loader(folder, key, value) is expected
    assert _refused_by_record(folder, key, value) is expected


def test_the_range_itself() -> None:
    from jmplan.plan.model import Indicator

    share = Indicator("s", "s", "s", "%", "linear")
    level = Indicator("l", "l", "l", "km", "compound")
    free = Indicator("f", "f", "f", "km", "linear")
    assert (share.lowest, share.highest) == (0, 100)
    assert (level.lowest, level.highest) == (0, float("inf"))
    assert (free.lowest, free.highest) == (float("-inf"), float("inf"))
