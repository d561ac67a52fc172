"""Read a target as a Chinese plan table writes it: "≥90%", "5.5%左右", "〔>30〕",
"累计下降15%", "年均增长7%", "1700亿元", "3—5个", "保持100%".

Pure text in, a StatedTarget out: the loader decides what the target resolves to
(methods.md, "Targets as real plans state them"). Numbers, 万/亿 and units are
read by quantity.parse_in_unit, the one number reader of the project.

The grammar, after full-width characters are made ASCII (NFKC) and spaces dropped:
    [保持[在]] ( 〔[bound]amount〕 | [bound words][累计|年均][verb][约]amount[suffix] | amount—amount )
A cumulative 〔x〕 is a change in the indicator's unit (percentage points for %).
A falling verb without 年均 (降低18%) is a cumulative relative change; 增长7% without
累计 is a growth rate per year, as a plan table's 年均增长 column writes it. A verb
followed by 到 states the level reached: 提高到65% is the level 65%.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..i18n import Msg, Words
from .quantity import QuantityError, parse_in_unit
from .tuples import NamedTuple

VALUE = "value"
CHANGE = "change"
CHANGE_PERCENT = "change_percent"
ANNUAL_GROWTH_PERCENT = "annual_growth_percent"
RANGE = "range"
FORMS = (VALUE, CHANGE, CHANGE_PERCENT, ANNUAL_GROWTH_PERCENT, RANGE)

AT_LEAST = "at_least"
AT_MOST = "at_most"
ABOUT = "about"
BOUNDS = (AT_LEAST, AT_MOST, ABOUT)


class StatedTarget(NamedTuple):
    form: str  # one of FORMS
    # the indicator's unit for value/change/range (low end); percent for change_percent and
    # annual_growth_percent (negative for a fall)
    amount: float
    bound: str | None  # one of BOUNDS; None when the text states none
    upper: float | None = None  # high end of a range
    keep: bool = False  # 保持: keep at the baseline


class StatedTextError(ValueError):
    """What was understood, what was not, and what to write instead.

    `message` and `hint` are Msgs of jmplan.i18n (English as str, Chinese
    when rendered); `understood` is the English list of what was read."""

    def __init__(self, text: str, understood: list[str], problem: str, hint: str):
        self.text = text
        self.understood = ", ".join(understood)
        self.problem = problem
        self.hint = hint
        if understood:
            self.message = Msg("stated_unreadable_understood", text=text, problem=problem, understood=Words(understood))
        else:
            self.message = Msg("stated_unreadable", text=text, problem=problem)
        super().__init__(f"{self.message}; {hint}")


# Words before the number that set the bound. Chinese 以上/以下/以内 include the
# number itself, so strict and non-strict comparisons both mean at least / at most.
_PREFIX_BOUNDS = {
    "≥": AT_LEAST,
    "≧": AT_LEAST,
    ">=": AT_LEAST,
    ">": AT_LEAST,
    "不低于": AT_LEAST,
    "不少于": AT_LEAST,
    "不小于": AT_LEAST,
    "超过": AT_LEAST,
    "高于": AT_LEAST,
    "大于": AT_LEAST,
    "多于": AT_LEAST,
    "≤": AT_MOST,
    "≦": AT_MOST,
    "<=": AT_MOST,
    "<": AT_MOST,
    "不超过": AT_MOST,
    "不高于": AT_MOST,
    "不多于": AT_MOST,
    "不大于": AT_MOST,
    "低于": AT_MOST,
    "少于": AT_MOST,
    "小于": AT_MOST,
    "控制在": AT_MOST,
    "大约": ABOUT,
    "约": ABOUT,
}
_SUFFIX_BOUNDS = {
    "及以上": AT_LEAST,
    "以上": AT_LEAST,
    "及以下": AT_MOST,
    "以下": AT_MOST,
    "以内": AT_MOST,
    "左右": ABOUT,
}
_RISING = ("增长", "提高", "增加", "上升", "提升")
_FALLING = ("下降", "降低", "减少", "压减")
_LEVEL_WORDS = ("达到", "达")
# words that change nothing the target means: 力争 (strive to), 再 (再提高1岁: raise by one more year)
_FILLERS = ("力争", "再")
# after a verb, 到/至 makes the figure the level reached: 提高到65% is 65%, not a rise of 65%
_TO = ("到", "至")
_BRACKET_BOUNDS = {symbol: bound for symbol, bound in _PREFIX_BOUNDS.items() if not symbol[0].isalpha()}
_POINTS = ("个百分点", "百分点")
# a dash or tilde between two figures: 3—5个, 3-5, 3～5 (NFKC makes ～ a ~), 6.5%至7%
_RANGE = re.compile(r"(.*[0-9%\w])(?:—+|–|-|~|〜|至|到)([+]?[0-9.].*)")

_EXAMPLES = Msg("stated_examples")
_GLOSS_BOUND = {AT_LEAST: "stated_gloss_at_least", AT_MOST: "stated_gloss_at_most", ABOUT: "stated_gloss_about"}


def _read(word: str, gloss: str) -> Msg:
    """What a word was read as: 累计 (cumulative)."""
    return Msg("stated_read", word=word, gloss=Msg(gloss))


def _bound_gloss(bound: str) -> Msg:
    return Msg(_GLOSS_BOUND[bound])


def read_stated(text: str, unit: str, aliases: Iterable[str] = ()) -> StatedTarget:
    """The target `text` states, for an indicator measured in `unit` (also written as any of
    `aliases`, e.g. 公里 for km); StatedTextError saying what it understood if it cannot."""
    return _Reader(text, unit, tuple(aliases)).read()


def _normal(text: str) -> str:
    # full-width digits, ％, ＞ and ～ become ASCII; 〔〕 and — are not touched by NFKC
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class _Reader:
    def __init__(self, text: str, unit: str, aliases: tuple[str, ...]):
        self.text = text
        self.unit = _normal(unit)
        self.aliases = tuple(_normal(a) for a in aliases if a)
        self.understood: list[str] = []
        self.trailing: list[str] = []  # what was read off the end (以上, 左右), reported last

    def fail(self, problem: str, hint: str) -> StatedTextError:
        return StatedTextError(self.text, self.understood + self.trailing, problem, hint)

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    def read(self) -> StatedTarget:
        body = _normal(self.text)
        if not body:
            raise self.fail(Msg("stated_empty"), Msg("hint_stated_empty", examples=_EXAMPLES))
        keep = False
        if body.startswith("保持"):
            keep = True
            body = body.removeprefix("保持").removeprefix("在")
            self.understood.append(_read("保持", "stated_gloss_keep"))
        body, suffix_bound = self._suffix_bound(body)
        if body.startswith("〔"):
            target = self._bracket(body, suffix_bound)
        else:
            target = self._words(body, suffix_bound)
        if keep and target.form != VALUE:
            raise self.fail(Msg("stated_keep_change"), Msg("hint_stated_keep_change"))
        return target._replace(keep=keep)

    def _suffix_bound(self, body: str) -> tuple[str, str | None]:
        for word, bound in _SUFFIX_BOUNDS.items():
            if body.endswith(word) and len(body) > len(word):
                self.trailing.append(Msg("stated_read", word=word, gloss=_bound_gloss(bound)))
                return body[: -len(word)], bound
        return body, None

    def _bracket(self, body: str, suffix_bound: str | None) -> StatedTarget:
        if not body.endswith("〕"):
            raise self.fail(Msg("stated_bracket_unclosed"), Msg("hint_stated_bracket"))
        inner = body[1:-1]
        self.understood.append(_read("〔〕", "stated_gloss_bracket"))
        bound = None
        for symbol in sorted(_BRACKET_BOUNDS, key=len, reverse=True):
            if inner.startswith(symbol):
                bound = _BRACKET_BOUNDS[symbol]
                inner = inner[len(symbol) :]
                self.understood.append(Msg("stated_read", word=symbol, gloss=_bound_gloss(bound)))
                break
        bound = self._one_bound(bound, suffix_bound)
        amount = self._points_or_unit(inner, Msg("stated_example_bracket"))
        return StatedTarget(CHANGE, amount, bound)

    def _words(self, body: str, suffix_bound: str | None) -> StatedTarget:
        prefix_bound = None
        cumulative = annual = False
        verb = ""
        reaches = False
        while True:
            word = _starting_word(body)
            if word is None:
                break
            body = body[len(word) :]
            if word in _PREFIX_BOUNDS:
                if prefix_bound is not None:
                    raise self.fail(Msg("stated_second_bound", word=word), Msg("hint_stated_one_bound"))
                prefix_bound = _PREFIX_BOUNDS[word]
                self.understood.append(Msg("stated_read", word=word, gloss=_bound_gloss(prefix_bound)))
            elif word == "累计":
                cumulative = True
                self.understood.append(_read("累计", "stated_gloss_cumulative"))
            elif word == "年均":
                annual = True
                self.understood.append(_read("年均", "stated_gloss_per_year"))
            elif word in _RISING or word in _FALLING:
                if verb:
                    raise self.fail(Msg("stated_second_verb", word=word), Msg("hint_stated_one_verb"))
                verb = word
                if body[:1] in _TO:
                    reaches = True
                    self.understood.append(_read(word + body[0], "stated_gloss_reached"))
                    body = body[1:]
                else:
                    self.understood.append(_read(word, "stated_gloss_rise" if word in _RISING else "stated_gloss_fall"))
            else:
                self.understood.append(word)
        if cumulative and annual:
            raise self.fail(Msg("stated_both_cumulative_and_yearly"), Msg("hint_stated_cumulative_or_yearly"))
        bound = self._one_bound(prefix_bound, suffix_bound)
        if reaches and (cumulative or annual):
            which = "累计" if cumulative else "年均"
            raise self.fail(
                Msg("stated_reached_and_change", which=which, verb=verb),
                Msg("hint_stated_reached_and_change", which=which, verb=verb),
            )
        if not verb or reaches:
            if cumulative or annual:
                raise self.fail(
                    Msg("stated_without_verb", which="累计" if cumulative else "年均"), Msg("hint_stated_which_way")
                )
            return self._level(body, bound)
        if body.startswith("-") or body.startswith("+"):
            raise self.fail(Msg("stated_sign_after_verb"), Msg("hint_stated_sign_after_verb"))
        return self._change(body, bound, verb, cumulative, annual)

    def _level(self, body: str, bound: str | None) -> StatedTarget:
        if body[:1] in "+-":
            # "+30" read as a level of 30 is how a cumulative +30 points was once misread
            raise self.fail(Msg("stated_sign_before_level", body=body), Msg("hint_stated_sign_before_level"))
        if body.endswith(_POINTS):
            raise self.fail(Msg("stated_points_without_verb"), Msg("hint_stated_points_which_way"))
        match = _RANGE.fullmatch(body)
        if match and not _is_number(body):
            if bound is not None:
                raise self.fail(Msg("stated_range_with_bound"), Msg("hint_stated_range_with_bound"))
            low = self._amount(match.group(1), Msg("stated_example_range"))
            high = self._amount(match.group(2), Msg("stated_example_range"))
            if not low < high:
                raise self.fail(
                    Msg("stated_range_reversed", low=match.group(1), high=match.group(2)),
                    Msg("hint_stated_range_reversed"),
                )
            return StatedTarget(RANGE, low, None, high)
        return StatedTarget(VALUE, self._amount(body, Msg("stated_example_level")), bound)

    def _change(self, body: str, bound: str | None, verb: str, cumulative: bool, annual: bool) -> StatedTarget:
        sign = 1 if verb in _RISING else -1
        percent_hint = Msg("stated_example_percent")
        if annual:
            if body.endswith(_POINTS):
                raise self.fail(Msg("stated_yearly_points"), Msg("hint_stated_yearly_points"))
            return StatedTarget(ANNUAL_GROWTH_PERCENT, sign * self._percent(body, percent_hint), bound)
        if body.endswith(_POINTS):
            return StatedTarget(CHANGE, sign * self._points_or_unit(body, Msg("stated_example_points")), bound)
        if body.endswith("%"):
            if cumulative or sign < 0:
                return StatedTarget(CHANGE_PERCENT, sign * self._percent(body, percent_hint), bound)
            if verb == "增长":
                # a plan table's 年均增长 column: 增长7%左右 is a rate per year
                return StatedTarget(ANNUAL_GROWTH_PERCENT, self._percent(body, percent_hint), bound)
            raise self.fail(
                Msg("stated_rise_ambiguous", text=verb + body), Msg("hint_stated_rise_ambiguous", text=verb + body)
            )
        return StatedTarget(CHANGE, sign * self._amount(body, Msg("stated_example_change")), bound)

    def _one_bound(self, first: str | None, second: str | None) -> str | None:
        if first and second and first != second:
            raise self.fail(
                Msg("stated_bounds_disagree", first=_bound_gloss(first), second=_bound_gloss(second)),
                Msg("hint_stated_bounds_disagree"),
            )
        return first or second

    def _percent(self, body: str, example: Msg) -> float:
        if not body.endswith("%"):
            raise self.fail(Msg("stated_not_percent", body=body), Msg("hint_stated_not_percent", example=example))
        number = self._amount_as(body, "%", example)
        self.understood.append(_read(body, "stated_gloss_percent"))
        return number

    def _points_or_unit(self, body: str, example: Msg) -> float:
        for word in _POINTS:
            if body.endswith(word):
                if not self.is_percent:
                    raise self.fail(
                        Msg("stated_points_not_percent", unit=self.unit), Msg("hint_stated_points_not_percent")
                    )
                number = self._amount_as(body[: -len(word)], "%", example)
                self.understood.append(_read(body, "stated_gloss_points"))
                return number
        return self._amount(body, example)

    def _amount(self, body: str, example: Msg) -> float:
        number = self._amount_as(body, self.unit, example, self.aliases)
        self.understood.append(Msg("stated_read_amount", word=body, number=f"{number:g}", unit=self.unit))
        return number

    def _amount_as(self, body: str, unit: str, example: Msg, aliases: tuple[str, ...] = ()) -> float:
        if not body:
            raise self.fail(Msg("stated_no_number"), Msg("hint_stated_no_number", example=example))
        if not any(c.isdigit() for c in body):
            # 大幅提高, 显著改善, 五个: words where the figure should be
            raise self.fail(Msg("stated_no_digits", body=body), Msg("hint_stated_no_digits", examples=_EXAMPLES))
        try:
            return parse_in_unit(body, unit, aliases)
        except QuantityError as exc:
            # the number reader's message quotes the text it could not read
            raise self.fail(exc.message, Msg("hint_stated_number", hint=exc.hint, examples=_EXAMPLES)) from None


def _starting_word(body: str) -> str | None:
    for word in _WORDS:
        if body.startswith(word):
            return word
    return None


def _is_number(body: str) -> bool:
    # "-5" or "1.2e-3" are single figures, not ranges
    return re.fullmatch(r"[+-]?[0-9.,]+(?:[eE][+-]?[0-9]+)?[^0-9]*", body) is not None


# longest first, so that 不超过 is not read as a stray 不
_WORDS = sorted(
    (*_PREFIX_BOUNDS, "累计", "年均", *_RISING, *_FALLING, *_LEVEL_WORDS, *_FILLERS),
    key=len,
    reverse=True,
)
