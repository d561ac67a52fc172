"""The Python examples a user copies run as written: the README's ```pycon
blocks and the examples in the package's docstrings."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import jmplan

ROOT = Path(__file__).resolve().parent.parent
PYCON = re.compile(r"```pycon\n(.*?)```", re.S)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _readme_blocks() -> list[str]:
    return PYCON.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_a_python_example() -> None:
    assert any(">>> from jmplan import" in block for block in _readme_blocks())


@pytest.mark.parametrize("number", range(len(_readme_blocks())))
def test_readme_python_example_runs_as_shown(number: int) -> None:
    block = _readme_blocks()[number]
    test = doctest.DocTestParser().get_doctest(block, {}, f"README.md pycon block {number + 1}", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    assert runner.failures == 0, f"README.md's pycon block {number + 1} does not print what it shows"
    assert runner.tries > 0


def _modules() -> list[str]:
    names = [jmplan.__name__]
    for info in pkgutil.walk_packages(jmplan.__path__, prefix="jmplan."):
        if info.name != "jmplan.__main__":  # running it would start the command line
            names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    failures, _tries = doctest.testmod(module, optionflags=FLAGS, report=False)
    assert failures == 0, f"a docstring example in {name} fails; run python -m doctest -v on it"


def test_the_package_docstring_has_an_example() -> None:
    # so that the docstring test above is not vacuous
    assert doctest.testmod(jmplan, optionflags=FLAGS, report=False).attempted > 0
