"""The reader's quick looks over a file's text never miss what the full checks would find."""

from hypothesis import given, settings
from hypothesis import strategies as st

from jmplan.plan import yamlfile
from jmplan.plan.yamlfile import FORBIDDEN_CHARACTERS, MAX_LINE_CHARS

HALF = MAX_LINE_CHARS // 2


@given(st.lists(st.integers(min_value=0, max_value=3 * MAX_LINE_CHARS), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_a_line_over_the_limit_is_never_missed(lengths):
    text = "\n".join("x" * n for n in lengths)
    too_long = yamlfile._LONG_LINE.search(text) is not None
    assert too_long == any(n > MAX_LINE_CHARS for n in lengths)
    if too_long:
        assert yamlfile._may_have_long_line(text)


def test_lines_under_half_the_limit_are_passed_quickly():
    assert not yamlfile._may_have_long_line("\n".join(["y" * (HALF - 1)] * 5))
    assert yamlfile._may_have_long_line("a\n" + "y" * (MAX_LINE_CHARS + 1))  # anywhere in the text
    assert yamlfile._may_have_long_line("y" * (MAX_LINE_CHARS + 1))  # without a newline at all


# text made of what plans hold (CJK, punctuation, quotes) and of every forbidden character
_CHARACTERS = st.sampled_from(
    list("ab 1.\n\t\r#:-'\"江门％“”…—·°×\u200b\ufeff")
    + [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA1)]
    + [chr(c) for c in range(0x2028, 0x2070)]
)


@given(st.lists(_CHARACTERS, max_size=40).map("".join))
@settings(max_examples=500, deadline=None)
def test_a_forbidden_character_is_never_missed(text):
    if FORBIDDEN_CHARACTERS.search(text):
        assert yamlfile._may_hold_forbidden(text.encode("utf-8"))


def test_plain_chinese_text_is_passed_quickly():
    assert not yamlfile._may_hold_forbidden("光纤“入户”…—率达到90%\t\r\n".encode())
    for forbidden in ("\x1b", "\x7f", "\x85", "\u202e", "\u2066"):
        assert yamlfile._may_hold_forbidden(f"江门{forbidden}".encode())
