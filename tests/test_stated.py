"""Targets read as Chinese plan tables write them (methods.md, "Targets as real plans state them")."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmplan.plan.quantity import parse_in_unit
from jmplan.plan.stated import StatedTarget, StatedTextError, read_stated

# (text, indicator unit, expected): each form the plan tables use, with what it must mean
CASES = [
    # bounds on a level: 以上/以下/以内 include the number, so > and ≥ both mean at least
    ("≥90%", "%", StatedTarget("value", 90.0, "at_least")),
    (">90%", "%", StatedTarget("value", 90.0, "at_least")),
    ("90%以上", "%", StatedTarget("value", 90.0, "at_least")),
    ("不低于90%", "%", StatedTarget("value", 90.0, "at_least")),
    ("不超过5.5%", "%", StatedTarget("value", 5.5, "at_most")),
    ("5.5%以内", "%", StatedTarget("value", 5.5, "at_most")),
    ("5.5%以下", "%", StatedTarget("value", 5.5, "at_most")),
    ("控制在5.5%以内", "%", StatedTarget("value", 5.5, "at_most")),
    ("控制在5.5%", "%", StatedTarget("value", 5.5, "at_most")),
    ("≤5.5%", "%", StatedTarget("value", 5.5, "at_most")),
    ("<5.5%", "%", StatedTarget("value", 5.5, "at_most")),
    ("5.5%左右", "%", StatedTarget("value", 5.5, "about")),
    ("约5.5%", "%", StatedTarget("value", 5.5, "about")),
    ("达到90%", "%", StatedTarget("value", 90.0, None)),
    ("90%", "%", StatedTarget("value", 90.0, None)),
    # 〔x〕: cumulative change in the indicator's unit (percentage points for %)
    ("〔30〕", "%", StatedTarget("change", 30.0, None)),
    ("〔>30〕", "%", StatedTarget("change", 30.0, "at_least")),
    ("〔1.38〕", "%", StatedTarget("change", 1.38, None)),
    ("〔>5000〕", "万人", StatedTarget("change", 5000.0, "at_least")),
    ("〔-15〕", "%", StatedTarget("change", -15.0, None)),
    # changes stated with a verb
    ("累计下降15%", "吨标准煤/万元", StatedTarget("change_percent", -15.0, None)),
    ("降低18%", "%", StatedTarget("change_percent", -18.0, None)),
    ("累计提高30个百分点", "%", StatedTarget("change", 30.0, None)),
    ("提高4个百分点", "%", StatedTarget("change", 4.0, None)),
    ("累计增加3000公里", "公里", StatedTarget("change", 3000.0, None)),
    ("累计增长20%", "亿元", StatedTarget("change_percent", 20.0, None)),
    ("年均增长7%", "亿元", StatedTarget("annual_growth_percent", 7.0, None)),
    ("年均增长7%以上", "亿元", StatedTarget("annual_growth_percent", 7.0, "at_least")),
    ("年均下降3%", "吨标准煤/万元", StatedTarget("annual_growth_percent", -3.0, None)),
    ("增长7%左右", "亿元", StatedTarget("annual_growth_percent", 7.0, "about")),
    # levels with 万/亿, converted into the indicator's unit
    ("1700亿元", "亿元", StatedTarget("value", 1700.0, None)),
    ("1,700亿元", "亿元", StatedTarget("value", 1700.0, None)),
    ("0.17万亿元", "亿元", StatedTarget("value", 1700.0, None)),
    ("7.76万", "公里", StatedTarget("value", 77600.0, None)),
    ("超过700亿元", "亿元", StatedTarget("value", 700.0, "at_least")),
    # ranges: the low end is the amount, the high end kept
    ("3—5个", "个", StatedTarget("range", 3.0, None, upper=5.0)),
    ("3-5", "个", StatedTarget("range", 3.0, None, upper=5.0)),
    ("3～5", "个", StatedTarget("range", 3.0, None, upper=5.0)),
    ("6.5%—7%", "%", StatedTarget("range", 6.5, None, upper=7.0)),
    # keep at the baseline
    ("保持100%", "%", StatedTarget("value", 100.0, None, keep=True)),
    ("保持在90%以上", "%", StatedTarget("value", 90.0, "at_least", keep=True)),
    # full-width digits, ％ and ＞, and spaces typed around the figure
    ("９０％以上", "%", StatedTarget("value", 90.0, "at_least")),
    ("〔＞３０〕", "%", StatedTarget("change", 30.0, "at_least")),
    ("90%", "％", StatedTarget("value", 90.0, None)),
    (" ≥ 90 % ", "%", StatedTarget("value", 90.0, "at_least")),
    ("１，７００亿元", "亿元", StatedTarget("value", 1700.0, None)),
]


@pytest.mark.parametrize(("text", "unit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_form_reads_as_the_plan_means_it(text, unit, expected):
    assert read_stated(text, unit) == expected


def test_the_unit_may_be_written_as_any_of_its_names():
    # an indicator kept in km and written 公里 in the plan's text
    assert read_stated("7.76万公里", "km", aliases=("公里", "km")) == StatedTarget("value", 77600.0, None)
    with pytest.raises(StatedTextError, match="km"):
        read_stated("7.76万公里", "km")


def test_a_unit_that_contradicts_the_indicators_is_refused():
    with pytest.raises(StatedTextError) as caught:
        read_stated("90%", "亿元")
    message = str(caught.value)
    assert "'90%'" in message and "亿元" in message
    with pytest.raises(StatedTextError, match="公里"):
        read_stated("1700亿元", "公里")


# --- error messages: what was understood, what was not, what to write instead ---


def error_for(text, unit="%"):
    with pytest.raises(StatedTextError) as caught:
        read_stated(text, unit)
    return caught.value


def test_percentage_points_on_an_indicator_not_in_percent():
    error = error_for("累计提高30个百分点", "亿元")
    assert "percentage points" in error.problem and "亿元" in error.problem
    assert "累计 (cumulative)" in error.understood and "提高 (a rise)" in error.understood
    assert "indicator's unit" in error.hint
    assert str(error).startswith("cannot read '累计提高30个百分点' as a target")


def test_a_rise_in_percent_without_per_year_or_cumulative_says_both_readings():
    error = error_for("提高7%", "亿元")
    assert "年均提高7%" in error.hint and "累计提高7%" in error.hint


def test_bounds_that_disagree():
    error = error_for("≥90%以下")
    assert "at_least" in error.problem and "at_most" in error.problem
    assert "≥ (at_least)" in error.understood and "以下 (at_most)" in error.understood


def test_two_bounds_before_the_number():
    assert "second bound" in error_for("不低于≥90%").problem


def test_an_unclosed_bracket():
    error = error_for("〔30")
    assert "not closed" in error.problem and "〔30〕" in error.hint


def test_letters_for_digits_inside_a_bracket():
    error = error_for("〔3o〕")
    assert "'3o'" in error.problem and "〔〕 (a cumulative change)" in error.understood


def test_a_range_written_high_to_low():
    error = error_for("5—3", "个")
    assert "low end" in error.problem and "3—5" in error.hint


def test_a_range_with_a_bound():
    assert "range with a bound" in error_for("3—5个以上", "个").problem


def test_keep_with_a_change():
    error = error_for("保持年均增长7%")
    assert "保持" in error.problem and "保持 (keep at the baseline)" in error.understood


def test_a_sign_after_a_verb():
    assert "下降4%" in error_for("下降-4%").hint


def test_cumulative_without_a_verb():
    error = error_for("累计15%")
    assert "without a verb" in error.problem and "累计下降15%" in error.hint


def test_both_cumulative_and_per_year():
    assert "both 累计 and 年均" in error_for("累计年均增长7%").problem


def test_percentage_points_without_a_verb():
    assert "〔30〕" in error_for("30个百分点").hint


def test_yearly_percentage_points():
    assert "累计提高5个百分点" in error_for("年均提高1个百分点").hint


def test_a_relative_change_without_percent():
    error = error_for("年均增长7", "亿元")
    assert "not a percentage" in error.problem and "年均增长7%" in error.hint


def test_empty_and_unreadable_text():
    assert "empty" in error_for("  ").problem
    error = error_for("abc")
    assert "'abc'" in error.problem and "≥90%" in error.hint
    assert error_for("〔〕").problem == "no number"


def test_the_error_is_a_value_error_with_its_parts():
    error = error_for("累计15%")
    assert isinstance(error, ValueError)
    assert error.text == "累计15%" and str(error) == f"{error.message}; {error.hint}"


# --- properties: a number formatted in each form reads back to itself ---

# figures as people type them: up to two decimals, from 0.01 to 99,999,999.99
figures = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2)


def plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


FORMS = [
    ("≥{}%", "%", lambda x: StatedTarget("value", x, "at_least")),
    ("{}%以上", "%", lambda x: StatedTarget("value", x, "at_least")),
    ("不超过{}%", "%", lambda x: StatedTarget("value", x, "at_most")),
    ("控制在{}%以内", "%", lambda x: StatedTarget("value", x, "at_most")),
    ("{}%左右", "%", lambda x: StatedTarget("value", x, "about")),
    ("〔{}〕", "%", lambda x: StatedTarget("change", x, None)),
    ("〔>{}〕", "%", lambda x: StatedTarget("change", x, "at_least")),
    ("累计提高{}个百分点", "%", lambda x: StatedTarget("change", x, None)),
    ("累计下降{}%", "%", lambda x: StatedTarget("change_percent", -x, None)),
    ("年均增长{}%", "亿元", lambda x: StatedTarget("annual_growth_percent", x, None)),
    ("年均增长{}%以上", "亿元", lambda x: StatedTarget("annual_growth_percent", x, "at_least")),
    ("{}亿元", "亿元", lambda x: StatedTarget("value", x, None)),
    ("保持{}%", "%", lambda x: StatedTarget("value", x, None, keep=True)),
]


@pytest.mark.parametrize(("template", "unit", "expected"), FORMS, ids=[f[0] for f in FORMS])
@given(number=figures)
def test_a_figure_in_each_form_reads_back(template, unit, expected, number):
    assert read_stated(template.format(plain(number)), unit) == expected(float(number))


@given(number=figures)
def test_full_width_and_thousands_separators_read_back(number):
    with_commas = format(number.normalize(), ",f")
    full_width = with_commas.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))
    assert read_stated(f"{full_width}％以上", "%") == StatedTarget("value", float(number), "at_least")


@given(number=figures)
def test_wan_is_ten_thousand_in_the_indicators_unit(number):
    # the same reading quantity.py gives record's values, so the two never disagree
    target = read_stated(f"{plain(number)}万", "公里")
    assert target.amount == float(number * 10000) == parse_in_unit(f"{plain(number)}万", "公里")


@given(low=figures, step=figures, dash=st.sampled_from(["—", "-", "～", "~", "——", "至"]))
def test_a_range_reads_back(low, step, dash):
    high = low + step
    assert read_stated(f"{plain(low)}{dash}{plain(high)}个", "个") == StatedTarget(
        "range", float(low), None, upper=float(high)
    )


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        # a verb followed by 到/至 states the level reached, as plan prose writes it
        ("提高到65%", "%", StatedTarget("value", 65.0, None)),
        ("提高到11.3年", "年", StatedTarget("value", 11.3, None)),
        ("下降到5%以下", "%", StatedTarget("value", 5.0, "at_most")),
        ("降低至0.5", "吨标准煤/万元", StatedTarget("value", 0.5, None)),
        # 再 (one more) and 力争 (strive to) change nothing the target means
        ("再提高1岁", "岁", StatedTarget("change", 1.0, None)),
        ("力争达到2.5%", "%", StatedTarget("value", 2.5, None)),
        ("降低13.5%", "%", StatedTarget("change_percent", -13.5, None)),
    ],
)
def test_plan_prose_forms(text, unit, expected):
    assert read_stated(text, unit) == expected


def test_a_level_reached_cannot_also_be_cumulative():
    error = error_for("累计提高到65%")
    assert "level reached" in error.problem and "提高到65%" in error.hint


@pytest.mark.parametrize("text", ["+30", "-15", "+30%", "约+5"])
def test_a_signed_level_is_refused_not_read_as_a_level(text):
    # "+30" once read as a target of 30 % showed a cumulative +30 points as achieved
    error = error_for(text)
    assert "sign before a level" in error.problem and "〔30〕" in error.hint


def test_words_without_a_figure_are_named_as_such():
    # a qualitative goal typed as a target: say there is no number, and where such a goal goes
    error = error_for("大幅提高")
    assert error.problem == "'大幅提高' has no figure in digits"
    assert "goals:" in error.hint
    assert "no figure in digits" in error_for("五个", "个").problem
