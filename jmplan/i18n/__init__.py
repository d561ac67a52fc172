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

from typing import Any

from .labels import LANGS, default_lang, reason, text
from .messages import MESSAGES

__all__ = ["LANGS", "Msg", "Words", "default_lang", "reason", "say", "text", "colon"]


class Msg(str):
    """A message of the catalogue with its values; as a str, its English text."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Msg:
        self = super().__new__(cls, _fill(MESSAGES[key][1], values, "en"))
        self.key = key
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


def say(value: Any, lang: str) -> Any:
    """`value` in `lang`: a Msg or Words rendered, anything else as it is."""
    if isinstance(value, (Msg, Words)):
        return value.render(lang)
    return value


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if lang == "zh" else ": "


def _fill(template: str, values: dict[str, Any], lang: str) -> str:
    if not values:
        return template
    return template.format(**{name: say(value, lang) for name, value in values.items()})
