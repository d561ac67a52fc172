"""A module imported inside a function (so that a command that does not need
it does not pay for it) must be one that is not loaded anyway: jmplan always
loads click and yaml, and what they import is free. A local import of such a
module only makes the code harder to read.

"Loaded anyway" is what click and yaml add to the interpreter's own start-up,
not what the start-up loads: a site hook of one machine's Python (a .pth file
that imports certifi, say) loads shutil and tempfile there and nowhere else."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jmplan"


def _local_imports() -> dict[str, list[str]]:
    """Module -> where it is imported inside a function (absolute imports only)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    found.setdefault(name, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_local_imports_are_of_modules_not_loaded_anyway() -> None:
    local = _local_imports()
    assert "difflib" in local  # the scan finds local imports (difflib rightly stays local: only errors need it)
    loaded = _modules_after("import click, yaml") - _modules_after("pass")
    assert "click.core" in loaded  # the two lists differ by what the dependencies load
    wasted = {name: places for name, places in local.items() if name in loaded}
    assert wasted == {}, f"imported at the top of the module instead: they are loaded anyway: {wasted}"
