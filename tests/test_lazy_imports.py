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


# What `jmplan status --format json` must not load (issue 14: its start-up is
# measured against importing click, yaml and tabulate): tabulate and the text
# views draw tables; decimal scales figures written with 万 or 亿 and converts
# units; locale came with gettext's search for Click's catalogues; the help's
# and Click's Chinese, and the writing side, are for other commands.
NOT_FOR_STATUS_JSON = (
    "tabulate",
    "wcwidth",
    "decimal",
    "locale",
    "csv",
    "jmplan.show.views",
    "jmplan.show.fmt",
    "jmplan.i18n.help_zh",
    "jmplan.i18n.usage",
    "jmplan.write",
)


def test_status_json_loads_nothing_it_does_not_use() -> None:
    code = (
        "import io, sys; from jmplan.cli import main\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        "try:\n    main(['status', '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stderr.split())
    assert {"jmplan.measure.assess", "jmplan.show.export"} <= loaded  # it did run the command
    anyway = _modules_after("pass")  # a site hook may load some of them first, as for every program
    assert sorted(name for name in NOT_FOR_STATUS_JSON if name in loaded - anyway) == []
