"""Numbers for people: rounded half up (四舍五入), as statistics offices do.

Python's round() and format specs round half to even (2.675 -> 2.67 and
0.125 -> 0.12), which would disagree with figures checked by hand, so every
rounding for display goes through `decimal` with ROUND_HALF_UP.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from ..i18n import Msg, say, text
from ..plan.model import Figure, Indicator, Target

# Beyond this size a number is shown in scientific notation (1.23e+20):
# values jmplan accepts stay below it (see fields.MAX_VALUE), but what is
# computed from them (a projection of steep growth) need not.
LARGEST_PLAIN = 1e15


# The context rounding runs in: 28 digits, as decimal's default, are enough
# for every value below LARGEST_PLAIN; a larger one gets a context of its
# own. Passed to quantize rather than set with localcontext(), which cost
# more than the rounding itself (compare shows 100,000s of figures).
_CONTEXT = Context(prec=28)
_QUANTA: dict[int, Decimal] = {}  # places -> Decimal("1E-places")


def round_half_up(value: float, places: int) -> Decimal:
    # str() first: Decimal(2.675) is 2.67499999..., the float's exact value,
    # while the user wrote (and means) 2.675.
    exact = Decimal(str(value))
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = _QUANTA[places] = Decimal(1).scaleb(-places, context=_CONTEXT)
    digits = exact.adjusted() + places + 2  # the default 28 digits cannot quantize 1e26 to 2 places
    context = _CONTEXT if digits <= _CONTEXT.prec else Context(prec=digits)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP, context=context)


def number(value: float, places: int = 2, sign: bool = False) -> str:
    """Grouped thousands; whole numbers without decimals, others with `places`.
    Beyond 10^15, three significant digits in scientific notation; an
    infinite result (an overflow) as ∞."""
    if not math.isfinite(value):
        return "-∞" if value < 0 else "∞" if not sign else "+∞"
    if abs(value) >= LARGEST_PLAIN:
        return f"{value:+.2e}" if sign else f"{value:.2e}"
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return f"{rounded:+,}" if sign else f"{rounded:,}"


def percent(fraction: float | None, places: int = 1, sign: bool = False) -> str:
    """A fraction as a percentage: 0.19418 -> '19.4%'."""
    if fraction is None:
        return ""
    if not math.isfinite(fraction) or abs(fraction * 100) >= LARGEST_PLAIN:
        return number(fraction * 100, places, sign) + "%"
    rounded = round_half_up(fraction * 100, places)
    if rounded == 0:
        rounded = abs(rounded)
    return (f"{rounded:+}" if sign else f"{rounded}") + "%"


def unit_suffix(indicator: Indicator, lang: str) -> str:
    label = indicator.unit_label(lang)
    if not label or label == "%":
        return label
    if label[0].isdigit():  # "100 million yuan": 1,700 × 100 million yuan
        return f" × {label}"
    return say(Msg("after_number", word=label), lang)


def quantity(value: float, indicator: Indicator, lang: str, sign: bool = False) -> str:
    """A value with its unit: '77,600 km', '1,700亿元', '90%'."""
    return number(value, sign=sign) + unit_suffix(indicator, lang)


def difference(value: float, indicator: Indicator, lang: str, sign: bool = False, with_unit: bool = True) -> str:
    """A difference: in percentage points (百分点) for % indicators, else in
    the indicator's unit (left out with `with_unit=False`, for a table whose
    unit has a column of its own)."""
    if indicator.is_percent:
        rounded = number(value, places=1, sign=sign)
        return say(Msg("percentage_points", value=rounded), lang)
    if not with_unit:
        return number(value, sign=sign)
    return quantity(value, indicator, lang, sign=sign)


def figure(fig: Figure | Target | None, indicator: Indicator, lang: str, with_unit: bool = False) -> str:
    """A stated figure with its qualifier: '超过700', 'over 700', '3–5'."""
    if fig is None:
        return ""
    shown = number(fig.value)
    if fig.qualifier == "range" and fig.upper is not None:
        # a target range's value is the end that meets it; its low end is the amount stated
        low = fig.amount if isinstance(fig, Target) else fig.value
        shown = f"{number(low)}–{number(fig.upper)}"
    if with_unit:
        shown += unit_suffix(indicator, lang)
    elif indicator.is_percent:
        shown += "%"
    if fig.qualifier in ("over", "about"):
        word = text(fig.qualifier, lang)
        shown = say(Msg("before_number", word=word, value=shown), lang)
    return shown


_BOUND_SIGNS = {"at_least": "≥", "at_most": "≤"}


def as_stated(target: Target | None, indicator: Indicator, lang: str) -> str:
    """The target as the plan states it ("〔30〕", "≥90%", "年均增长7%"), where
    that says more than its level: a change, a growth rate, a stated bound or
    保持. The plan's own text (`stated`) when it has one, else written from the form."""
    if target is None or not (target.form in _CHANGE_FORMS or target.bound_stated or target.keep):
        return ""
    if target.stated:
        return target.stated
    amount = number(target.amount, places=2, sign=target.form != "annual_growth_percent")
    if target.form == "change":
        shown = f"〔{amount}〕" if indicator.is_percent else amount + unit_suffix(indicator, lang)
    elif target.form == "change_percent":
        shown = say(Msg("stated_change_percent", amount=amount), lang)
    elif target.form == "annual_growth_percent":
        shown = say(Msg("stated_annual_growth", amount=amount), lang)
    else:
        shown = number(target.amount) + ("%" if indicator.is_percent else "")
    if target.bound == "about":
        return say(Msg("stated_about", value=shown), lang)
    sign = _BOUND_SIGNS.get(target.bound, "") if target.bound_stated else ""
    return say(Msg("stated_keep", value=sign + shown), lang) if target.keep else sign + shown


_CHANGE_FORMS = ("change", "change_percent", "annual_growth_percent")


def attribute(indicator: Indicator, lang: str) -> str:
    """约束性 / 预期性 (binding / expected)."""
    return text("binding" if indicator.attribute == "binding" else "attribute_expected", lang)


def bounded(bound: str | None, shown: str, lang: str) -> str:
    """Prefix 'at most' / 'at least' where the start was a lower bound."""
    if not bound or not shown:
        return shown
    return say(Msg("before_number", word=text(bound, lang), value=shown), lang)
