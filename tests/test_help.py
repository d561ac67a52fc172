"""`--help` in the run's language: every command's and option's help has its
Chinese text in jmplan/i18n/help_zh.py, laid out by the columns it takes in
a terminal; English help is left as it was."""

from __future__ import annotations

import inspect
import re

import click
import pytest
from conftest import run_main
from test_bad_inputs_zh import english_words
from wcwidth import wcswidth

from jmplan.cli import cli
from jmplan.i18n.help_zh import help_zh

COMMANDS = [[], *[[name] for name in sorted(cli.commands)]]


def _texts(command: click.Command) -> list[str]:
    texts = [inspect.cleandoc(command.help or "")]
    texts += [param.help for param in command.params if getattr(param, "help", None)]
    return [t for t in texts if t]


def test_every_help_text_has_its_chinese_text():
    """A new option or command without its Chinese help fails here."""
    missing = [t for c in [cli, *cli.commands.values()] for t in _texts(c) if help_zh(t) == t]
    assert not missing, missing
    for command in [cli, *cli.commands.values()]:
        assert help_zh(inspect.cleandoc(command.epilog or "Examples:")).startswith("示例：")


def _typed_words(command: click.Command) -> set[str]:
    """What a user types, shown as it is typed: option names, metavars, choices."""
    words = {"OPTIONS", "COMMAND", "ARGS", "TEXT", "INTEGER", "PATH", "FILE", "DIR", "FLOAT"}
    for param in command.params:
        words.update(re.findall(r"[A-Za-z]{2,}", " ".join(param.opts + [param.metavar or "", param.name or ""])))
        if isinstance(param.type, click.Choice):
            words.update(re.findall(r"[A-Za-z]{2,}", " ".join(map(str, param.type.choices))))
    return words


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "jmplan")
def test_help_in_chinese_has_no_english_sentence_and_fits_80_columns(args, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, stdout, stderr = run_main(["--lang", "zh", *args, "--help"])
    assert (code, stderr) == (0, "")
    command = cli.commands[args[0]] if args else cli
    allowed = _typed_words(command) | _typed_words(cli) | set(re.findall(r"[A-Za-z]{2,}", command.epilog or ""))
    allowed |= {"pip", "install", "jmplan", "office", "charts", "history", "actuals", "yaml", "xlsx", "csv", "svg"}
    allowed |= {"png", "docx", "pdf", "html", "markdown", "table", "json", "import", "template", "KEY", "YEAR"}
    allowed |= {"VALUE", "FOLDER", "SHEET", "CELL", "BOM", "FILE_charts", "zh", "PNG", "DIR", "Markdown", *cli.commands}
    lines = [line for line in stdout.splitlines() if not line.strip().startswith("jmplan ")]  # examples
    assert not english_words("\n".join(lines), allowed), stdout
    assert max(wcswidth(line) for line in stdout.splitlines()) <= 80, stdout
    assert "选项：" in stdout and "显示本帮助并退出。" in stdout
    assert stdout.startswith("用法：jmplan ")  # no space after a full-width colon


def test_the_group_lists_each_command_by_its_first_phrase():
    code, stdout, _ = run_main(["--help"], env={"JMPLAN_LANG": "zh"})
    assert code == 0
    assert "  metrics   全部指标\n" in stdout and "  report    年度进展报告\n" in stdout


def test_clicks_own_help_option_is_in_chinese_after_an_english_help():
    """Click makes a command's --help option once, in the language of the first help asked."""
    run_main(["--lang", "en", "gap", "--help"])
    code, stdout, _ = run_main(["--lang", "zh", "gap", "--help"])
    assert code == 0 and "显示本帮助并退出。" in stdout and "Show this message" not in stdout


def test_english_help_is_as_written_after_a_chinese_one():
    """The Chinese texts are swapped in for the one help only."""
    run_main(["--lang", "zh", "status", "--help"])
    code, stdout, _ = run_main(["--lang", "en", "status", "--help"])
    assert "Show this message and exit." in stdout and "显示" not in stdout
    assert code == 0 and "A row per indicator: baseline, latest value, target, gap" in stdout
    assert "Use observations up to this year" in stdout and "只使用" not in stdout
    assert cli.commands["status"].help.startswith("A row per indicator")
