"""The README shows real output: every ```console block that starts with
`$ jmplan ...` must print exactly what the command prints now.

After changing output on purpose, regenerate the blocks with
    python tests/test_readme.py
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (jmplan [^\n]*)\n(.*?)```", re.S)
# The examples run as a new user's shell would, with no jmplan settings.
ENV = {
    "JMPLAN_LANG": None,
    "JMPLAN_DATA_DIR": None,
    "JMPLAN_DEBUG": None,
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANG": "C.UTF-8",
    "COLUMNS": None,  # no terminal: tables keep every column
}


def command_output(command: str) -> str:
    from jmplan.cli import cli

    args = shlex.split(command)[1:]
    result = CliRunner().invoke(cli, args, env=ENV)
    text = result.stdout + result.stderr
    return text.lstrip("\ufeff")


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{command_output(m.group(1))}```", text)


def test_readme_examples_match_the_commands():
    text = README.read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) >= 3, "the README should show real output of the commands"
    for command, shown in blocks:
        assert shown == command_output(command), (
            f"README is out of date for `{command}`: run python tests/test_readme.py"
        )


def test_ci_runs_the_readme_test_command():
    test_command = "python3 -m pip install '.[test]' && python3 -m pytest"
    assert test_command in README.read_text(encoding="utf-8")
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_documented():
    from jmplan.cli import cli

    text = README.read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"jmplan {name}" in text, f"the README does not mention `jmplan {name}`"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
