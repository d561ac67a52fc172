"""Which module may import which: the library stays usable without click,
the JSON path never pays for tabulate, and the stages of the package only
use the stages below them (i18n <- plan <- measure <- show, write <- cli)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jmplan"
MODULES = sorted(PACKAGE.rglob("*.py"))

# third-party module -> the only jmplan module allowed to import it
OWNERS = {"click": "cli.py", "yaml": "plan/yamlfile.py", "tabulate": "show/render.py"}

# stage -> the stages it may import from (besides itself); i18n, the words
# shown to people, is the bottom: every stage may use it, it uses none
MAY_USE = {
    "i18n": set(),
    "plan": {"i18n"},
    "measure": {"plan", "i18n"},
    "show": {"plan", "measure", "i18n"},
    "write": {"plan", "measure", "i18n"},
}


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _jmplan_stages_used(path: Path) -> set[str]:
    """The stages (sub-packages) a module in a stage imports from, by relative import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            if node.module:
                used.add(node.module.split(".")[0])
            else:
                used |= {alias.name for alias in node.names}
    return used


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_third_party_imports_stay_in_their_module(path):
    for module, owner in OWNERS.items():
        if module in _imports(path):
            assert _name(path) == owner, f"{_name(path)} imports {module}; only {owner} may"


@pytest.mark.parametrize("path", [p for p in MODULES if p.parent != PACKAGE], ids=_name)
def test_stages_only_use_the_stages_below(path):
    stage = path.parent.name
    upward = _jmplan_stages_used(path) - MAY_USE[stage] - {stage}
    assert not upward, f"{_name(path)} imports from {sorted(upward)}; {stage}/ may use only {sorted(MAY_USE[stage])}"


def test_json_output_does_not_import_tabulate():
    code = (
        "import sys; from jmplan.cli import main\n"
        "try:\n    main(['status', '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "print('tabulate' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent, check=False
    )
    assert result.stderr.strip() == "False"
