"""Every case of the bad-input catalogue again, in Chinese: the same exit
code, and no English word in what jmplan says, apart from what the user
wrote or must type (file names, keys, options, quoted values, units) and a
few technical names (YAML, UTF-8, GBK)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import run_main
from test_bad_inputs import CASES, lay_out, load_case

# names that are the same in Chinese text
TECHNICAL = {"jmplan", "YAML", "UTF", "GBK", "GB", "NUL", "MB", "JSON", "CSV", "Excel", "Windows", "README", "DIR"}

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|\([^()]*[/\\.][^()]*\)")
_PATHLIKE = re.compile(r"\S*[/\\._<>=@$!-]\S*")  # file names, options, key_names, a.b, U+0001, --data-dir
_WORD = re.compile(r"[A-Za-z]{2,}")


def _written_by_the_user(work: Path, args: list[str]) -> set[str]:
    """Words the case's files and command line contain as keys or units: a
    message may quote them as they are."""
    words = set()
    for path in (work / "plan").rglob("*"):
        if path.is_file() and path.stat().st_size < 1_000_000:
            text = path.read_bytes().decode("utf-8", "replace")
            for key in re.findall(r"^[ \t-]*([^\s:#'\"][^:#\n]*?)\s*:", text, re.M):
                words.update(_WORD.findall(key))
            for unit in re.findall(r"unit\w*:\s*(.+)", text):
                words.update(_WORD.findall(unit))
    for arg in args:
        words.update(_WORD.findall(str(arg)))
    return words


# cases whose messages are not in the catalogue yet: each fails here until its
# module's messages move to jmplan/i18n/messages.py (strict: remove it then)
NOT_YET_IN_CHINESE: set[str] = set()


def english_words(text: str, allowed: set[str]) -> list[str]:
    found = []
    for line in text.splitlines():
        if line.startswith("用法："):  # Click's synopsis: the command as it is typed
            continue
        line = re.sub(r"^\S+?:\d+(:\d+)?: ", "", line)  # FILE:LINE: stays as editors read it
        line = _PATHLIKE.sub(" ", _QUOTED.sub(" ", line))
        found += [w for w in _WORD.findall(line) if w not in allowed and w not in TECHNICAL]
    return found


def test_english_words_are_found_and_names_pass():
    assert english_words("plan/plan.yaml:3: 'sales' is not a plain number", set()) == ["is", "not", "plain", "number"]
    assert english_words("plan/plan.yaml:3: 'sales' 不是数字（--data-dir），见 README.md", set()) == []


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_bad_input_in_chinese(folder, tmp_path, monkeypatch, request):
    if folder.name in NOT_YET_IN_CHINESE:
        request.applymarker(pytest.mark.xfail(strict=True, reason="messages not in the catalogue yet"))
    spec = load_case(folder)
    if spec.get("skip_as_root") and os.geteuid() == 0:
        pytest.skip("root can read and write any file")
    lay_out(folder, spec, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run_main(["--lang", "zh", *spec["args"]])
    assert (code, stdout) == (spec["exit"], ""), stderr
    assert "Traceback" not in stderr
    english = english_words(stderr, _written_by_the_user(tmp_path, spec["args"]))
    assert not english, f"English in the Chinese message: {english}\n{stderr}"
    if spec["exit"] == 2:
        assert stderr.startswith("用法："), stderr
