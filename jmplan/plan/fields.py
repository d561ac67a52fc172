"""Read typed fields out of YAML nodes, collecting problems instead of raising.

Scalars are read from their raw text, so what the user typed is what counts:
`no` in a name is the word "no", `012` is refused rather than read as octal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeGuard

from ..i18n import Msg, Words
from .model import Figure, plain_figure
from .problems import Problem, Source
from .spelling import close_matches, did_you_mean
from .yamlfile import MAPPING, NULLS, REFUSED, SCALAR, SEQUENCE, Node

_COLLECTIONS = (MAPPING, SEQUENCE)

# A plain decimal number. No leading zero before other digits: YAML 1.1 reads
# 012 as the octal 10, so such text is refused rather than guessed at.
# (Groups that do not capture: the match is only asked whether it matches, and
# capturing made each of a large plan's 100,000s of numbers cost twice as much.)
_NUMBER = re.compile(r"[-+]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_YEAR = re.compile(r"\d{4}")


def number_problem(text: str) -> tuple[Msg, Msg | None]:
    """Why `text` is not a plain number, and how to write it instead."""
    stripped = text.strip()
    not_plain = Msg("not_plain_number", text=stripped)
    if re.fullmatch(r"[-+]?0\d+(\.\d+)?", stripped):
        return not_plain, Msg("hint_leading_zero", text=stripped)
    if re.fullmatch(r"[-+]?[\d,]+(\.\d+)?", stripped) and "," in stripped:
        return not_plain, Msg("hint_no_separators", plain=stripped.replace(",", ""))
    if any(ch in stripped for ch in "万亿"):
        return not_plain, Msg("hint_wan_yi")
    if stripped.endswith("%"):
        return not_plain, Msg("hint_no_percent", plain=stripped[:-1].strip())
    if stripped.lower() in (".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf"):
        return Msg("not_finite", text=stripped), Msg("hint_write_figure")
    if _NUMBER.fullmatch(stripped) and math.isfinite(float(stripped)):  # finite, but outside jmplan's range
        return range_problem(stripped)
    if _NUMBER.fullmatch(stripped):  # a number, but beyond what a float holds (1e400)
        return Msg("too_large_number", text=stripped), Msg("hint_write_figure")
    return Msg("expected_number", text=stripped), None


# The values jmplan accepts: 0, or a size from MIN_VALUE to MAX_VALUE. A
# quadrillion holds any real figure (China's GDP in yuan is about 1.3e14);
# what lies beyond is a typing mistake, and bounds on the inputs keep every
# ratio, rate and projection computed from them within what a float holds.
MAX_VALUE = 1e15
MIN_VALUE = 1e-9  # (the messages below spell both out)


def in_range(value: float) -> bool:
    return value == 0 or MIN_VALUE <= abs(value) <= MAX_VALUE


def range_problem(text: str) -> tuple[Msg, Msg]:
    """The message and hint for a number outside what jmplan accepts."""
    return Msg("out_of_range", text=text, low="1e-9", high="1e15"), Msg("hint_out_of_range")


def parse_number(text: str) -> float | None:
    """The value of a plain decimal number, or None (also for one too large
    for a float, like 1e999, or outside the range jmplan accepts)."""
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if value == 0 or MIN_VALUE <= abs(value) <= MAX_VALUE else None


class Fields:
    """The fields of one YAML mapping, read one by one.

    Call `finish()` last: it reports every field that nobody asked for.
    `what` names the mapping in messages; it may be a function that makes
    the name, called only when there is a problem to report (a large plan
    reads 10,000s of mappings, and most have none).
    """

    def __init__(
        self, node: Node, what: str | Path | Callable[[], str], problems: list[Problem], at: Source | None = None
    ):
        self.node = node
        self._what = what
        self.at = at or node.where  # where a missing field is reported: the mapping's key
        self.problems = problems
        self._by_name = node.by_key  # empty unless a mapping
        # a dict, not a set: "known fields" hints list them in the order they are read,
        # the same on every run (a set's order changes with the hash seed)
        self._asked: dict[str, None] = {}

    @property
    def what(self) -> str | Path:
        return self._what() if callable(self._what) else self._what

    def _get(self, name: str, required: bool) -> Node | None:
        self._asked[name] = None
        pair = self._by_name.get(name)
        if pair is not None:
            node = pair[1]
            if node.kind == SCALAR and (node.quoted or node.text not in NULLS) or node.kind in _COLLECTIONS:
                return node  # the common case: a value is written
            if node.kind == REFUSED:  # already reported
                return None
        if required:
            self._missing(name, pair)
        return None

    def _missing(self, name: str, pair: tuple[Node, Node] | None) -> None:
        at = pair[0].where if pair else self.at
        hint = Msg("hint_add_line", name=name)
        if not pair:
            close = close_matches(name, self._by_name, n=1, cutoff=0.8)
            if close:  # growth_modle: the field is there, misspelt
                hint = Msg("hint_misspelt_field", close=close[0], line=self._by_name[close[0]][0].line)
        self.problems.append(Problem(at, Msg("field_missing", what=self.what, name=name), hint))

    def where(self, name: str) -> Source:
        """The line of field `name`, or of the mapping when it is absent."""
        pair = self._by_name.get(name)
        return pair[0].where if pair else self.at

    def text(self, name: str, required: bool = False, default: str = "") -> str:
        node = self._get(name, required)
        if node is None:
            return default
        if node.kind != "scalar":
            self.problems.append(Problem(node.where, Msg("should_be_text", name=name, found=node.describe())))
            return default
        return node.text

    def choice(self, name: str, choices: tuple[str, ...], required: bool = False, default: str | None = None):
        node = self._get(name, required)
        if node is None:
            return default
        if node.kind != "scalar" or node.text not in choices:
            hint = did_you_mean(node.text, choices) if node.kind == "scalar" else None
            self.problems.append(
                Problem(
                    node.where,
                    Msg("must_be_one_of", name=name, choices=Words(choices, quoted=True), found=node.describe()),
                    hint,
                )
            )
            return default
        return node.text

    def number(self, name: str, required: bool = False) -> float | None:
        node = self._get(name, required)
        return None if node is None else read_number(node, name, self.problems)

    def year(self, name: str, required: bool = False) -> int | None:
        node = self._get(name, required)
        return None if node is None else read_year(node, name, self.problems)

    def raw(self, name: str) -> Node | None:
        """The node of field `name` as written (None when absent), for a caller that reads it itself."""
        return self._get(name, False)

    def mapping(self, name: str, required: bool = False) -> Node | None:
        node = self._get(name, required)
        if node is None:
            return None
        if node.kind != "mapping":
            self.problems.append(Problem(node.where, Msg("should_be_mapping", what=repr(name), found=node.describe())))
            return None
        return node

    def sequence(self, name: str, required: bool = False) -> Node | None:
        node = self._get(name, required)
        if node is None:
            return None
        if node.kind != "sequence":
            self.problems.append(Problem(node.where, Msg("should_be_list", name=name, found=node.describe())))
            return None
        return node

    def finish(self) -> None:
        if self._by_name.keys() <= self._asked.keys():  # every field asked for: one look in C, the common case
            return
        for name, (key, _value) in self._by_name.items():
            if name not in self._asked:
                known = list(self._asked)
                self.problems.append(
                    Problem(
                        key.where,
                        Msg("unknown_field", name=name, what=self.what),
                        did_you_mean(name, known) or Msg("known_fields", known=Words(known, quoted=True)),
                    )
                )


# A key names an indicator, goal or task in commands, in JSON and in the file
# names of a report's charts, so it is a plain name: a Unicode identifier
# (letters of any script, digits, `_`; not starting with a digit), which
# cannot hold a path separator, a dot, a space or a control character.
MAX_KEY_CHARS = 64


def check_key(node: Node, what: str, problems: list[Problem]) -> bool:
    """Whether `node`, the key of a definition, is a plain name; says why not."""
    key = node.text
    if key.isidentifier() and len(key) <= MAX_KEY_CHARS:
        return True
    shown = key if key.isprintable() else key.encode("unicode_escape").decode("ascii")
    why = Msg("key_too_long", limit=MAX_KEY_CHARS) if key.isidentifier() else Msg("key_not_a_name")
    problems.append(
        Problem(
            node.where,
            Msg("bad_key", what=Msg("kind_" + what.replace(" ", "_")), key=shown, why=why),
            Msg("hint_bad_key", limit=MAX_KEY_CHARS),
        )
    )
    return False


def read_number(node: Node, name: str, problems: list[Problem]) -> float | None:
    if node.kind != "scalar":
        problems.append(Problem(node.where, Msg("should_be_number", name=name, found=node.describe())))
        return None
    if node.quoted:
        problems.append(Problem(node.where, Msg("number_quoted", name=name, text=node.text), Msg("hint_remove_quotes")))
        return None
    value = parse_number(node.text)
    if value is None:
        message, hint = number_problem(node.text)
        problems.append(Problem(node.where, Msg("named", name=name, message=message), hint))
    return value


# Years as read from text, made once: a large actuals.yaml repeats the same
# few years 100,000s of times, and one int object per year saves memory.
_COMMON_YEARS = {str(year): year for year in range(1900, 2101)}
_new = tuple.__new__  # a Source from a tuple of its fields, without NamedTuple's keyword __new__


def year_value(node: Node) -> int | None:
    """The year an unquoted four-digit scalar names, else None."""
    if node.kind != "scalar" or node.quoted:
        return None
    year = _COMMON_YEARS.get(node.text)
    if year is None and _YEAR.fullmatch(node.text):
        year = int(node.text)
    return year


def plain_observation(year_node: Node, node: Node) -> Figure | None:
    """`2016: 563743.89`, an unquoted year and a bare number in range, read
    in one step; None for anything else, which the caller reads in full."""
    if year_node.quoted or node.kind != SCALAR or node.quoted:
        return None
    return plain_year_figure(year_node.text, node.text, node.file, node.line)


def plain_year_figure(year_text: str, text: str, file: str | Path, line: int) -> Figure | None:
    """The figure of a plain `YEAR: number` entry (both unquoted scalars),
    or None when it is anything else (a year outside 1900-2100, not a plain
    number, out of range), which the caller reads in full to say what is
    wrong. A large actuals.yaml is 100,000s of these, and this is the same
    reading as year_value and parse_number in one call instead of five."""
    year = _COMMON_YEARS.get(year_text)
    if year is None or not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    if value != 0 and not MIN_VALUE <= abs(value) <= MAX_VALUE:
        return None
    return plain_figure(year, value, _new(Source, (file, line)))


def read_year(node: Node, name: str, problems: list[Problem]) -> int | None:
    year = year_value(node)
    if year is not None:
        return year
    problems.append(Problem(node.where, Msg("should_be_year", name=name, found=node.describe())))
    return None


def require_mapping(node: Node | None, what: str | Path, problems: list[Problem]) -> TypeGuard[Node]:
    if node is not None and node.kind == REFUSED:  # already reported
        return False
    if node is not None and node.kind != "mapping":
        problems.append(
            Problem(
                node.where,
                Msg("should_be_mapping", what=what, found=node.describe()),
                Msg("hint_see_layout"),
            )
        )
        return False
    return node is not None
