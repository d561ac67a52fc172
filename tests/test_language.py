"""Chinese or English, chosen once per run, and the options every command
shares given before the command as well as after it."""

from __future__ import annotations

import json

from conftest import run_main

from jmplan.i18n import Msg, Words, default_lang, say
from jmplan.i18n.messages import MESSAGES
from jmplan.plan.problems import Problem, Source


def test_a_message_is_its_english_text_and_renders_in_chinese():
    message = Msg("option_not_taken", option="--format", command="record")
    assert message == "record does not take --format."
    assert message.render("zh") == "record 命令没有 --format 选项。"
    assert say(message, "zh") == message.render("zh") and say("plain", "zh") == "plain"


def test_values_that_are_messages_or_lists_follow_the_language():
    inner = Msg("option_not_taken", option="--lang", command="init")
    outer = Msg("hint", hint=inner)
    assert outer.render("zh") == "提示：init 命令没有 --lang 选项。"
    listing = Msg("hint", hint=Words(["a", "b"], quoted=True))
    assert (listing.render("en"), listing.render("zh")) == ("hint: 'a', 'b'", "提示：'a'、'b'")


def test_a_problem_keeps_its_location_and_translates_message_and_hint():
    problem = Problem(Source("plan/plan.yaml", 3), Msg("nothing_written"), Msg("nothing_written"))
    assert problem.render("zh") == "plan/plan.yaml:3: 未写入任何内容。\n  提示：未写入任何内容。"
    assert str(problem) == "plan/plan.yaml:3: Nothing was written.\n  hint: Nothing was written."


def test_every_message_has_both_languages_with_the_same_placeholders():
    import string

    def fields(template):  # English plural endings ({plural}, {plural_es}) have no Chinese counterpart
        return {name for _, name, _, _ in string.Formatter().parse(template) if name and not name.startswith("plural")}

    for key, (zh, en) in MESSAGES.items():
        assert zh and en, key
        assert fields(zh) == fields(en), key


def test_chinese_messages_use_chinese_punctuation():
    import re

    for key, (zh, _en) in MESSAGES.items():
        words = (
            re.sub(r"`[^`]*`", "", zh).replace("{", "\0").split("\0")
        )  # `code` is typed as it is  # ignore the placeholders' own syntax
        for piece in words:
            text = piece.split("}", 1)[-1]
            # an ASCII colon or comma right after a Chinese character is a slip
            for n, char in enumerate(text[1:], 1):
                if char in ":,;?" and "\u4e00" <= text[n - 1] <= "\u9fff":
                    raise AssertionError(f"{key}: {char!r} after {text[n - 1]!r} in {zh!r}")


def test_the_language_comes_from_jmplan_lang_then_the_locale():
    assert default_lang({"JMPLAN_LANG": "zh", "LANG": "en_US.UTF-8"}) == "zh"
    assert default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert default_lang({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert default_lang({"LANG": "en_GB.UTF-8"}) == "en"
    assert default_lang({}) == "en"


def test_a_chinese_locale_gives_chinese_errors(tmp_path):
    code, _, stderr = run_main(
        ["status", "--data-dir", tmp_path / "missing"], env={"JMPLAN_LANG": None, "LC_ALL": None, "LANG": "zh_CN.UTF-8"}
    )
    assert code == 1 and "规划数据中有 1 个问题" in stderr


def test_shared_options_work_before_the_command(small_plan):
    after = run_main(["status", "--data-dir", small_plan, "--lang", "zh", "--format", "json"])
    before = run_main(["--data-dir", small_plan, "--lang", "zh", "--format", "json", "status"])
    assert before == after and before[0] == 0
    assert json.loads(before[1])["plan"]["name_zh"] == "测试规划"


def test_the_option_after_the_command_wins(small_plan):
    code, stdout, _ = run_main(["--lang", "en", "--format", "csv", "status", "--data-dir", small_plan, "--lang", "zh"])
    assert code == 0 and "指标" in stdout and "," in stdout.splitlines()[0]
    code, stdout, _ = run_main(["--format", "json", "status", "--format", "csv", "--data-dir", small_plan])
    assert code == 0 and not stdout.lstrip("\ufeff").startswith("{")


def test_an_option_before_the_command_beats_the_environment(small_plan):
    code, stdout, _ = run_main(["--lang", "zh", "--data-dir", small_plan, "metrics"], env={"JMPLAN_LANG": "en"})
    assert code == 0 and "代码" in stdout
    code, stdout, _ = run_main(["--data-dir", small_plan, "metrics"], env={"JMPLAN_DATA_DIR": "/nonexistent"})
    assert code == 0 and "sales" in stdout


def test_a_shared_option_the_command_does_not_take_is_refused(tmp_path, small_plan):
    code, _, stderr = run_main(["--data-dir", small_plan, "init", tmp_path / "new"])
    assert code == 2 and "Error: init does not take --data-dir." in stderr
    assert not (tmp_path / "new").exists()
    code, _, stderr = run_main(["--format", "csv", "report", "--data-dir", small_plan])
    assert code == 2 and "'csv' is not one of 'markdown', 'html'" in stderr


def test_locations_are_kept_absolute_and_shown_relative_when_printed(tmp_path, monkeypatch):
    """As beancount keeps them: a problem's file (and a file a message names)
    is an absolute path in the data, made relative to the working folder only
    when printed, so it names the same file wherever the program is then."""
    from pathlib import Path

    from jmplan.plan.loader import read_plan

    folder = tmp_path / "work" / "plan"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text("plan: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    _plan, problems = read_plan(Path("plan"))
    (problem,) = problems
    assert problem.where.file == folder / "plan.yaml" and problem.where.file.is_absolute()
    assert str(problem.where) == "plan/plan.yaml:2"
    monkeypatch.chdir(tmp_path)  # printed from elsewhere: still the same file
    assert str(problem.where) == "work/plan/plan.yaml:2"
    assert problem.render("zh").startswith("work/plan/plan.yaml:2: ")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the file is not inside: the whole path
    assert str(problem.where) == f"{folder / 'plan.yaml'}:2"
    message = Msg("cannot_write", path=folder / "actuals.yaml", error="x")
    monkeypatch.chdir(folder)
    assert (message.render("en"), message.render("zh")) == (
        "actuals.yaml: cannot write: x",
        "actuals.yaml：无法写入：x",
    )


def test_chinese_output_separates_clauses_with_chinese_punctuation():
    """Our own words in Chinese output join clauses with '；', never '; ' (the
    gap heading did: 单位：亿元; 复合增长; ...). The shipped data's text is
    Chinese, so any '; ' in this output is ours."""
    from jmplan.plan.loader import default_data_dir, load_plan

    keys = load_plan(default_data_dir()).indicators
    for key in keys:
        code, stdout, _stderr = run_main(["gap", "--metric", key, "--lang", "zh"])
        assert code == 0
        assert "; " not in stdout, key
    code, stdout, _stderr = run_main(["status", "--lang", "zh"])
    assert code == 0 and "; " not in stdout
