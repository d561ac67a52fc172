"""Shared fixtures: a runner that keeps stdout and stderr apart, and small
plan folders written from text so each test shows the data it relies on."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmplan.cli import cli
from jmplan.plan.loader import default_data_dir

SHIPPED = default_data_dir()

SMALL_PLAN = """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
  sales:
    name_zh: 销售额
    name_en: Sales
    unit: 亿元
    unit_en: 100 million yuan
    growth_model: compound
  share:
    name_zh: 覆盖率
    name_en: Coverage
    unit: "%"
    growth_model: linear
"""

SMALL_BASELINE = """\
year: 2015
values:
  sales:
    value: 100
    stated: 100亿元
  share: 40
"""

SMALL_TARGETS = """\
year: 2020
values:
  sales: 150
  share: 90
"""


def write_plan(
    folder: Path,
    plan: str = SMALL_PLAN,
    baseline: str = SMALL_BASELINE,
    targets: str = SMALL_TARGETS,
    actuals: str | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    (folder / "baseline_2015.yaml").write_text(textwrap.dedent(baseline), encoding="utf-8")
    (folder / "targets.yaml").write_text(textwrap.dedent(targets), encoding="utf-8")
    if actuals is not None:
        (folder / "actuals.yaml").write_text(textwrap.dedent(actuals), encoding="utf-8")
    return folder


@pytest.fixture
def small_plan(tmp_path) -> Path:
    """sales 100 -> 150 and share 40 -> 90, both observed in 2018."""
    return write_plan(
        tmp_path / "plan",
        actuals="""\
        observations:
          sales:
            2018: 120
          share:
            2017: 55
            2018: 70
        """,
    )


@pytest.fixture
def shipped_copy(tmp_path) -> Path:
    """A copy of the embedded Jiangmen plan that a test may change."""
    target = tmp_path / "jiangmen"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def run(monkeypatch):
    """Run the CLI in-process: run('status', '--lang', 'en') -> Result."""
    monkeypatch.delenv("JMPLAN_DATA_DIR", raising=False)
    monkeypatch.delenv("JMPLAN_LANG", raising=False)
    monkeypatch.delenv("JMPLAN_DEBUG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # the output as a pipe gets it, whatever the terminal
    runner = CliRunner()

    def invoke(*args, env=None):
        return runner.invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def run_main(args, env=None) -> tuple[int, str, str]:
    """Run the real entry point, `jmplan.cli.main`, in-process: what a user
    gets, including exit 70 for an internal error. Returns (exit code,
    stdout, stderr)."""
    from jmplan.cli import main

    environment = {"JMPLAN_DATA_DIR": None, "JMPLAN_LANG": "en", "JMPLAN_DEBUG": None, "COLUMNS": None, **(env or {})}
    with CliRunner().isolation(env=environment) as (out, err, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace")
