"""A number as staff type it (plan/quantity.py), read straight from the
library: the values come from the rules in its docstring (万 = 10^4, 亿 = 10^8,
a unit that carries a multiplier works both ways), the refusals say what is
wrong and how to fix it. `record` reads its values this way (test_record.py
runs the same forms through the command)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmplan.plan.fields import in_range
from jmplan.plan.model import Indicator
from jmplan.plan.quantity import QuantityError, number_as_typed, parse_in_unit, parse_quantity

INDEX = Indicator("gdp_growth", "地区生产总值", "GDP", "亿元", "compound", observed_as="annual_change_percent")
SALES = Indicator("sales", "电子商务交易额", "E-commerce sales", "亿元", "compound")
ROADS = Indicator("roads", "公路里程", "Roads", "km", "compound", unit_zh="公里", unit_en="kilometres")


def _refusal(text: str, unit: str, aliases: tuple[str, ...] = ()) -> QuantityError:
    with pytest.raises(QuantityError) as caught:
        parse_in_unit(text, unit, aliases)
    return caught.value


@pytest.mark.parametrize(
    "indicator, typed, value",
    [
        (SALES, "1700", 1700),
        (SALES, "0.17万亿元", 1700),  # 0.17 × 10^12 yuan is 1,700 × 10^8 yuan
        (ROADS, "7.76万公里", 77600),  # unit_zh names the unit too
        (ROADS, "12 kilometres", 12),  # and unit_en
        # observed as yearly changes: the figure typed is a change in %, whatever the level's unit
        (INDEX, "6.9%", 6.9),
        (INDEX, "-4", -4),
    ],
)
def test_the_value_in_the_indicators_unit(indicator: Indicator, typed: str, value: float) -> None:
    assert parse_quantity(typed, indicator) == value


def test_a_unit_name_with_spaces_is_read() -> None:
    # the typed text loses its spaces ("1 700" is 1,700), so a unit's name
    # must be compared without them too
    assert parse_in_unit("12.5 square kilometres", "km²", ("平方公里", "square kilometres")) == 12.5
    assert parse_in_unit("850 hundred million yuan", "亿元", ("hundred million yuan",)) == 850
    # a multiplier before it scales it: 0.17万 × 10^8 yuan = 1,700 × 10^8 yuan
    assert parse_in_unit("0.17万 hundred million yuan", "亿元", ("hundred million yuan",)) == 1700


def test_the_multiplier_of_any_name_sets_the_units_scale() -> None:
    # a unit written in English whose Chinese name carries 亿: 亿 typed alone is that unit
    assert parse_in_unit("1700亿", "100 million yuan", ("亿元",)) == 1700
    assert parse_in_unit("0.17万亿元", "100 million yuan", ("亿元",)) == 1700


def test_a_number_without_a_unit_still_scales() -> None:
    assert parse_in_unit("7.76万", "") == 77600
    assert parse_in_unit("3亿", "") == 300_000_000


def test_a_yearly_change_is_not_in_the_levels_unit() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("6.9亿元", INDEX)
    assert str(caught.value) == "'6.9亿元' is in '亿元', but this indicator is measured in %"


def test_a_unit_that_starts_with_a_letter_is_read() -> None:
    # only a suffix that starts as a number would (a digit, a comma, a point)
    # is a number typed wrong; any unit name is compared with the indicator's
    assert parse_in_unit("12X", "X") == 12
    assert parse_in_unit("12 XB", "XB") == 12


def test_the_refusal_is_the_exceptions_text() -> None:
    error = _refusal("lots", "亿元")
    assert str(error) == error.message == "'lots' is not a number"
    assert error.hint == "type digits, optionally with 万 or 亿 and the unit: 850, 1,700, 7.76万, 82%"


@pytest.mark.parametrize("typed", ["1,70", "1,7000", "1.2.3", "17,00万"])
def test_a_number_typed_wrong_says_where_the_separators_go(typed: str) -> None:
    # "1,70" reads as 1 followed by ",70": a slip in the separators, not a unit
    error = _refusal(typed, "亿元")
    assert error.message == f"{typed!r} is not a number"
    assert error.hint == "thousands separators go every three digits: 1,700"


def test_a_figure_outside_what_jmplan_accepts() -> None:
    error = _refusal("1e20", "亿元")
    assert error.message == "'1e20' is outside the range jmplan accepts: 0, or a size from 1e-9 to 1e15"
    assert error.hint == (
        "check the number of digits; a very large or very small figure reads better in another unit (亿元, 万人)"
    )
    too_large = _refusal("1e400", "亿元")
    assert too_large.message == "'1e400' is too large to be a figure"
    assert too_large.hint == "check the number of digits"


def test_another_unit_names_every_name_of_the_indicators() -> None:
    error = _refusal("850亿元", "km", ("公里", "kilometres"))
    assert error.message == "'850亿元' is in '亿元', but this indicator is measured in km / 公里 / kilometres"
    assert error.hint == "give the value in km, or the number alone"


@pytest.mark.parametrize(
    "typed, number",
    [
        ("850万元", 850),  # before 万 and the unit scale it
        ("1,700亿元", 1700),
        ("1 700", 1700),  # a space typed inside the number, as some spreadsheets show thousands
        ("１７００ 万元", 1700),  # full-width digits
        ("lots", None),
        ("万元", None),
    ],
)
def test_the_number_as_typed(typed: str, number: float | None) -> None:
    assert number_as_typed(typed) == number


_TYPED_NUMBER = st.builds(
    lambda sign, whole, fraction, exponent: f"{sign}{whole}{fraction}{exponent}",
    st.sampled_from(["", "+", "-"]),
    st.integers(0, 10**15).map(str) | st.integers(1000, 10**15).map(lambda n: f"{n:,}"),
    st.just("") | st.integers(0, 10**12).map(lambda n: f".{n}"),
    st.just("") | st.integers(-12, 12).map(lambda n: f"e{n}"),
)


@given(_TYPED_NUMBER)
def test_a_number_in_the_indicators_unit_reads_as_its_exact_decimal_value(typed: str) -> None:
    """A figure without a multiplier is read without Decimal (not imported at
    start-up): the same float as the exact decimal value rounded once."""
    exact = float(Decimal(typed.replace(",", "")))
    if not in_range(exact):
        assert _refusal(typed, "个").message.key == "out_of_range"
    else:
        assert parse_in_unit(typed, "个") == exact
        assert parse_in_unit(f"{typed}个", "个") == exact
