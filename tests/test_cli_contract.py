"""Small promises of the command line: `-o -` is standard output, `--version`
answers without loading the library, hints list names in a fixed order."""

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "args",
    [
        ["status", "-o", "-"],
        ["status", "--format", "csv", "--output", "-"],
        ["gap", "--metric", "ecommerce", "-o", "-"],
        ["metrics", "-o", "-"],
        ["report", "-o", "-"],
        ["report", "--format", "html", "-o", "-"],
    ],
)
def test_dash_as_output_means_standard_output(run, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "E-commerce transaction volume" in result.stdout
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_dash_as_output_means_standard_output_for_compare_too(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plans = [str(ROOT / "examples" / name) for name in ("hunan-broadband-2014", "qinghai-broadband-2013")]
    result = run("compare", *plans, "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{")
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_version_does_not_load_the_library():
    """`jmplan --version` prints one line; the loader, YAML and the
    assessment are not imported for it."""
    code = (
        "import sys\n"
        "from jmplan.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('jmplan.', 'yaml', 'ruamel')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    version_line, loaded = done.stdout.splitlines()
    assert version_line.startswith("jmplan, version ")
    heavy = [m for m in loaded.split() if m.startswith(("jmplan.plan", "jmplan.measure", "yaml", "ruamel"))]
    assert heavy == [] and "jmplan.cli" in loaded.split()


@pytest.mark.parametrize("how", ["module", "script"])
def test_version_alone_is_answered_without_click(how):
    """`jmplan --version` on its own, as `python -m jmplan` and as the
    installed script runs it, prints click's line without importing click
    (issue 14: a tenth of a second saved on a one-line answer)."""
    start = (
        "import runpy; runpy.run_module('jmplan', run_name='__main__')"
        if how == "module"
        else "from jmplan.__main__ import run; run()"
    )
    shown = "print('click' in sys.modules, 'typing' in sys.modules)"
    code = f"import sys; sys.argv = ['jmplan', '--version']\n{start}\n{shown}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    from jmplan import __version__

    # typing counts only where the interpreter's own start-up does not load it
    # already (a site hook of CI's Python does: it is then free)
    bare = subprocess.run([sys.executable, "-c", f"import sys\n{shown}"], capture_output=True, text=True, check=True)
    typing_anyway = bare.stdout.split()[1]
    assert done.stdout.splitlines() == [f"jmplan, version {__version__}", f"False {typing_anyway}"]


def test_the_installed_command_starts_where_the_fast_version_is():
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib: Python 3.11 on
    assert '[project.scripts]\njmplan = "jmplan.__main__:run"\n' in project


def test_the_library_is_still_importable_from_the_package():
    import jmplan

    assert "load_plan" in dir(jmplan) and "assess_plan" in jmplan.__all__
    result = jmplan.assess_plan(jmplan.load_plan())
    assert isinstance(result, jmplan.PlanAssessment)
    with pytest.raises(AttributeError):
        jmplan.no_such_name  # noqa: B018


UNKNOWN_FIELD = """\
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
    growth_model: compound
    zzz: 1
"""


def test_known_fields_hint_in_the_order_they_are_read(tmp_path):
    """The hint lists the fields in one order, on every run: not in the order
    of a set, which changes with Python's hash seed."""
    folder = write_plan(tmp_path / "plan", plan=UNKNOWN_FIELD, baseline="year: 2015\nvalues: {}\n")
    hints = set()
    for seed in ("1", "2", "3", "4"):
        done = subprocess.run(
            [sys.executable, "-m", "jmplan", "status", "--data-dir", str(folder)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        hints.add(done.stderr.splitlines()[1])
    assert len(hints) == 1
    (hint,) = hints
    assert hint.startswith("  hint: known fields: ") and "'name_zh', 'name_en', 'unit', 'unit_zh', 'unit_en'" in hint


def test_every_public_name_is_exported():
    import jmplan

    for name in jmplan.__all__:
        assert getattr(jmplan, name) is not None


def test_the_command_starts_without_the_collector_and_leaves_its_objects_at_exit():
    """`jmplan` makes its start-up's objects with the cyclic garbage collector
    off (it would scan them again and again to free nothing: 22 collections
    in `status --format json`), and leaves them to the end of the process
    rather than to the interpreter's collections on the way out. Each
    collection notes how many objects were frozen when it ran: none before
    the plan is loaded (cli._freeze), so none may run before then."""
    code = (
        "import gc, json, sys\n"
        "from jmplan.__main__ import run\n"  # as the installed `jmplan` starts
        "frozen_then = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and frozen_then.append(gc.get_freeze_count()))\n"
        "sys.argv = ['jmplan', 'status', '--format', 'json']\n"
        "try:\n    run()\n"
        "except SystemExit as exc:\n"
        "    print(json.dumps([exc.code, frozen_then, gc.get_freeze_count()]), file=sys.stderr)\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("JMPLAN_DATA_DIR", "JMPLAN_LANG")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=environment)
    exit_code, frozen_then, frozen_at_exit = json.loads(done.stderr.splitlines()[-1])
    assert exit_code == 0 and done.stdout.startswith("{"), done.stderr
    assert [count for count in frozen_then if count == 0] == []  # no collection before the plan was loaded
    assert frozen_at_exit > 0


def test_the_collector_is_on_once_the_plan_is_loaded_and_as_it_was_after(monkeypatch, capfd):
    """main() called with the collector off (as `jmplan` calls it) turns it on
    when the plan is loaded, for what the command then makes (a report's
    charts hold cycles only it frees), and leaves it as it found it."""
    from jmplan import cli

    on_after_loading = []

    def freeze_and_look():
        freeze()
        on_after_loading.append(gc.isenabled())

    freeze = cli._freeze
    monkeypatch.setattr(cli, "_freeze", freeze_and_look)
    monkeypatch.delenv("JMPLAN_DATA_DIR", raising=False)
    gc.disable()
    try:
        with pytest.raises(SystemExit) as done:
            cli.main(["status", "--format", "json"])
        assert (done.value.code, on_after_loading, gc.isenabled()) == (0, [True], False)
    finally:
        gc.enable()
    assert capfd.readouterr().out.startswith("{")


def test_status_assesses_and_writes_with_the_collector_paused(monkeypatch, capfd):
    """`status` makes about ten objects per indicator and no reference cycles:
    the collector stays paused from the loaded plan to the last line written
    (its rescans cost a tenth of the assessment at 10,000 indicators), and
    is as it was after the command."""
    from jmplan.measure import assess
    from jmplan.show import export

    seen = []

    def look(function):
        def looked(*args, **kwargs):
            seen.append((function.__name__, gc.isenabled()))
            return function(*args, **kwargs)

        return looked

    monkeypatch.setattr(assess, "assess_plan", look(assess.assess_plan))
    monkeypatch.setattr(export, "metric_dict", look(export.metric_dict))
    monkeypatch.delenv("JMPLAN_DATA_DIR", raising=False)
    from jmplan import cli

    was = gc.isenabled()
    with pytest.raises(SystemExit) as done:
        cli.main(["status", "--format", "json"])
    assert done.value.code == 0 and capfd.readouterr().out.startswith("{")
    assert seen[0] == ("assess_plan", False) and ("metric_dict", False) in seen
    assert {enabled for _, enabled in seen} == {False} and gc.isenabled() == was
