"""Statuses, growth models, directions and methods are spelt once, as typed
constants (jmplan/plan/kinds.py, jmplan/measure/calc.py and assess.py); the
rest of the code compares with the constants, so a misspelt word is a name
error, not a comparison that is silently never true."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

from jmplan.measure import assess, calc
from jmplan.plan import kinds

PACKAGE = Path(__file__).resolve().parent.parent / "jmplan"
WORDS = {
    *get_args(calc.Status),
    *get_args(assess.Method),
    *get_args(kinds.GrowthModel),
    *get_args(kinds.Direction),
}
DEFINING = {"plan/kinds.py", "measure/calc.py", "measure/assess.py"}
ALLOWED = {
    # cli.py does not import the library before it is needed (start-up time);
    # test_cli_methods_are_the_library_methods holds its copy equal
    ("cli.py", "time"),
    ("cli.py", "eurostat"),
    # the names of the fields under plan.yaml's `thresholds:`, not statuses
    ("plan/loader.py", "ahead"),
    ("plan/loader.py", "on_track"),
}


def _spelt_out(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # a dict keyed by the words (labels, counts) names them, it does not compare with them
    keys = {id(k) for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys if k is not None}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in WORDS and id(node) not in keys
    ]


def test_the_words_are_spelt_only_where_they_are_defined() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in DEFINING or name.startswith("i18n/"):
            continue
        found += [f"{name}:{line}: {word!r}" for line, word in _spelt_out(path) if (name, word) not in ALLOWED]
    assert found == [], "use the constants of jmplan.plan.kinds / jmplan.measure.calc instead:\n" + "\n".join(found)


def test_every_word_has_its_constant() -> None:
    defined = {
        value
        for module in (calc, assess, kinds)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str)
    }
    assert WORDS <= defined, WORDS - defined


def test_cli_methods_are_the_library_methods() -> None:
    from jmplan import cli

    assert cli.METHODS == assess.METHODS


def test_the_scan_finds_a_spelt_out_status(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('LABELS = {"ahead": 1}\nif status == "on_track":\n    pass\n', encoding="utf-8")
    assert _spelt_out(planted) == [(2, "on_track")]
