"""Which module may import which: the library stays usable without click,
and the JSON path never pays for tabulate."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jmplan"

# third-party module -> the only jmplan module allowed to import it
OWNERS = {"click": "cli.py", "yaml": "yamlfile.py", "tabulate": "render.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_third_party_imports_stay_in_their_module(path):
    for module, owner in OWNERS.items():
        if module in _imports(path):
            assert path.name == owner, f"{path.name} imports {module}; only {owner} may"


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
