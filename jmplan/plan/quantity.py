"""Read a number as staff type it: `850`, `1,700`, `7.76万`, `850亿元`, `82%`,
full-width digits `１７００`. The result is in the indicator's own unit.

万 (10^4) and 亿 (10^8) scale the number; a unit written after it must be the
indicator's. A unit that itself begins with a multiplier (亿元) works both
ways: `1700亿元`, `1700亿` and `0.17万亿元` are all 1,700 亿元.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

from ..i18n import Msg
from .fields import in_range, range_problem
from .model import Indicator

MULTIPLIERS = {"万": 10**4, "亿": 10**8}
# an exponent (1.7E+03, as a spreadsheet may show a figure) is read as in the data files
_NUMBER = re.compile(r"((?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:[eE][+-]?\d+)?)(.*)")


class QuantityError(ValueError):
    def __init__(self, message: str, hint: str | None = None):  # Msgs of jmplan.i18n
        self.message = message
        self.hint = hint
        super().__init__(message)


def _split_multiplier(text: str) -> tuple[int, str]:
    """'万亿元' -> (10^12, '元'); 'km' -> (1, 'km')."""
    factor = 1
    while text and text[0] in MULTIPLIERS:
        factor *= MULTIPLIERS[text[0]]
        text = text[1:]
    return factor, text


def parse_quantity(text: str, indicator: Indicator) -> float:
    """The value of `text` in the indicator's unit (in % for an indicator
    observed as yearly changes: 6.9% is 6.9); QuantityError if it is not one."""
    if indicator.observed_as == "annual_change_percent":
        return parse_in_unit(text, "%")
    return parse_in_unit(text, indicator.unit, (indicator.unit_zh, indicator.unit_en))


def parse_in_unit(text: str, unit: str, aliases: Iterable[str] = ()) -> float:
    """The value of `text` in `unit` (also written as any of `aliases`, e.g. 公里 for km)."""
    names = list(dict.fromkeys(n for n in (unit, *aliases) if n))
    try:
        value = _parse(text, names)
    except ArithmeticError:  # decimal's Overflow: 1e999999万 is beyond even Decimal's exponents
        value = math.inf
    if not math.isfinite(value):
        raise QuantityError(Msg("too_large_figure", text=text), Msg("hint_check_digits"))
    if not in_range(value):
        message, hint = range_problem(text)
        raise QuantityError(message, hint)
    return value


def number_as_typed(text: str) -> float | None:
    """The number `text` starts with, before any 万, 亿 or unit scales it
    ("850万元" -> 850), or None when it does not start with one."""
    match = _NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip().replace(" ", ""))
    return float(match.group(1).replace(",", "")) if match else None


def _parse(text: str, names: list[str]) -> float:
    # NFKC turns full-width digits, commas and percent signs into ASCII ones
    normal = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = _NUMBER.fullmatch(normal)
    if not match:
        raise QuantityError(Msg("not_a_number", text=text), Msg("hint_type_digits"))
    digits = match.group(1).replace(",", "")
    suffix = match.group(2)
    if suffix and suffix[0] in ",.0123456789":
        raise QuantityError(Msg("not_a_number", text=text), Msg("hint_thousands"))
    # the names as the text was made: spaces out ("square kilometres" typed is "squarekilometres")
    folded = {unicodedata.normalize("NFKC", n).replace(" ", "").casefold() for n in names}
    if not suffix or suffix.casefold() in folded:
        return float(digits)  # the float nearest the number written, as float(Decimal(digits)) gives
    from decimal import Decimal  # imported only here: most figures are written in the indicator's unit

    # Decimal, so that 7.76万 is exactly 77600 and not 77600.00000000001
    number = Decimal(digits)
    # the first name that carries a multiplier (亿元) sets the unit's own scale;
    # with none, the scale is 1 (and unit_base is never read)
    unit_factor, unit_base = next(((f, b) for f, b in map(_split_multiplier, names) if f > 1), (1, ""))
    factor, base = _split_multiplier(suffix)
    # '7.76万' or '1700亿': a multiplier alone means the indicator's own unit
    if base and base.casefold() not in folded and not (unit_factor > 1 and base == unit_base):
        raise _contradiction(text, suffix, names)
    if unit_factor > 1 and (not base or base == unit_base):
        # the unit carries a multiplier itself (亿元): 0.17万亿元 = 1,700 亿元, 1.7e11元 = 1,700 亿元
        return float(number * factor / unit_factor)
    return float(number * factor)


def _contradiction(text: str, suffix: str, names: list[str]) -> QuantityError:
    if not names:  # `unit: ""`, or no unit at all (reported on its own): nothing to give the value in
        return QuantityError(Msg("other_unit_none", text=text, suffix=suffix), Msg("hint_other_unit_none"))
    return QuantityError(
        Msg("other_unit", text=text, suffix=suffix, units=" / ".join(names)),
        Msg("hint_other_unit", unit=names[0]),
    )
