"""Every word jmplan shows people, in Chinese and English: the one home of
user-facing text, at the bottom of the package so every stage can use it.

- Labels (column headers, status and model names, section titles):
  `text(key, lang)`, from the table in labels.py.
- Messages (problems, errors, hints, notes, what a command did):
  `Msg(key, **values)`, from the table in messages.py. A Msg is a str, the
  English text, so it works wherever a string does (and the library's
  exceptions read in English); `msg.render("zh")` or `say(msg, lang)` gives
  it in the chosen language. Values that are themselves a Msg, or a `Words`
  list, are rendered in the same language.

The language is chosen where text is printed (the CLI), never where a
problem is found: the loader returns Msgs and does not know the language.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any

from .labels import LANGS, default_lang, reason, text
from .messages import MESSAGES

__all__ = [
    "LANGS",
    "Both",
    "Msg",
    "Words",
    "colon",
    "comma",
    "default_lang",
    "os_reason",
    "reason",
    "say",
    "semicolon",
    "shown_path",
    "text",
]


class Msg(str):
    """A message of the catalogue with its values; as a str, its English text."""

    key: str
    values: dict[str, Any]

    def __new__(cls, message: str, /, **values: Any) -> Msg:  # positional: a value may be called `key`
        self = super().__new__(cls, _fill(MESSAGES[message][1], values, "en"))
        self.key = message
        self.values = values
        return self

    def render(self, lang: str) -> str:
        return _fill(MESSAGES[self.key][0 if lang == "zh" else 1], self.values, lang)

    def __reduce__(self):  # a str subclass with attributes: pickle (multiprocessing) keeps them
        return (_rebuild, (self.key, self.values))


def _rebuild(key: str, values: dict[str, Any]) -> Msg:
    return Msg(key, **values)


class Words(tuple):
    """A list of words shown joined: "a, b" in English, "a、b" in Chinese.
    `quoted=True` shows each as Python writes a string ('a'), as keys are
    quoted in messages."""

    quoted: bool = False

    def __new__(cls, items, quoted: bool = False) -> Words:
        self = super().__new__(cls, items)
        self.quoted = quoted
        return self

    def render(self, lang: str) -> str:
        items = [repr(str(i)) if self.quoted else say(i, lang) for i in self]
        return ("、" if lang == "zh" else ", ").join(items)


class Both(str):
    """A text given in both languages where it is made (a YAML parser's
    phrase, a name from the data): as a str, the English one."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Both:
        self = super().__new__(cls, en)
        self.zh = zh
        return self

    def render(self, lang: str) -> str:
        return self.zh if lang == "zh" else str.__str__(self)

    def __reduce__(self):
        return (Both, (str.__str__(self), self.zh))


def say(value: Any, lang: str) -> Any:
    """`value` in `lang`: a Msg, Words or Both rendered, a path as the user
    should see it (shown_path), anything else as it is."""
    if isinstance(value, (Msg, Words, Both)):
        return value.render(lang)
    if isinstance(value, PurePath):
        return shown_path(value)
    return value


def shown_path(path: str | PurePath) -> str:
    """A path as the user should see it, at the moment it is printed:
    relative to the working folder when it is inside it (short, clickable in
    editors), else as it is. Paths are kept absolute as data (where a value
    was written, which file a message names) and made relative only here."""
    whole = Path(os.path.normpath(Path(path).absolute()))
    here = Path.cwd()
    # first as written (a link keeps its own name), then with links followed
    for candidate, base in ((whole, here), (whole.resolve(), here.resolve())):
        try:
            return str(candidate.relative_to(base))
        except ValueError:
            continue
    return str(path)


# the operating system's reasons, by errno, for the errors a user can cause and fix
_OS_REASONS_ZH = {
    1: "不允许此操作",  # EPERM
    2: "没有这个文件或文件夹",  # ENOENT
    13: "没有权限",  # EACCES
    17: "文件已存在",  # EEXIST
    20: "不是文件夹",  # ENOTDIR
    21: "是文件夹",  # EISDIR
    28: "磁盘空间不足",  # ENOSPC
    30: "只读文件系统",  # EROFS
    36: "文件名太长",  # ENAMETOOLONG
}


def os_reason(exc: OSError) -> Both:
    """Why the system refused a file operation, in both languages."""
    english = exc.strerror or str(exc)
    return Both(english, _OS_REASONS_ZH.get(exc.errno or 0, english))


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if lang == "zh" else ": "


def comma(lang: str) -> str:
    """Between the items of a run-on list: full-width in Chinese."""
    return "，" if lang == "zh" else ", "


def semicolon(lang: str) -> str:
    """Between clauses: full-width in Chinese."""
    return "；" if lang == "zh" else "; "


def _fill(template: str, values: dict[str, Any], lang: str) -> str:
    # formatted even without values, so that {{ and }} read the same in every message
    return template.format(**{name: say(value, lang) for name, value in values.items()})
