"""The reader's quick looks over a file's text never miss what the full checks would find."""

from hypothesis import given, settings
from hypothesis import strategies as st

from jmplan.plan import loader, yamlfile
from jmplan.plan.yamlfile import FORBIDDEN_CHARACTERS, MAX_LINE_CHARS, read_yaml

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


def test_a_newline_in_every_half_limit_block_passes_quickly():
    # the blocks start at 0, HALF, 2 * HALF...: a newline at the very start counts, and a line over half the
    # limit is passed when each block holds a newline
    assert not yamlfile._may_have_long_line("\n" + "y" * HALF)
    assert not yamlfile._may_have_long_line("y" * (HALF - 2) + "\n" + "y" * HALF + "\n")


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


# A mapping under `observations:` is read by a hook from the parser's events;
# its key problems must come where they come in any other mapping: a key is
# placed when its value starts, so a duplicate key whose value is a mapping
# or a list is reported before anything wrong inside that value.
_KEY_THEN_INSIDE = """\
observations:
  sales:
    2019: 5
    2019:
      a: 1
      a: 2
    <<: [x, "\\e"]
    ? [k]
    : {b: 1, b: 2}
"""


def _problem_lines(problems):
    return [(p.where.line, p.message.key) for p in problems]


def test_an_observation_row_reports_its_key_problems_in_file_order(tmp_path):
    path = tmp_path / "actuals.yaml"
    path.write_text(_KEY_THEN_INSIDE, encoding="utf-8")
    _observations, _notes, problems = loader.read_actuals(path)
    assert _problem_lines(problems)[:6] == [
        (4, "duplicate_key"),  # 2019, first at line 3: its value's own problems come after it
        (6, "duplicate_key"),  # a, first at line 5
        (7, "merge_key"),
        (7, "escaped_control_character"),
        (8, "key_not_text"),
        (9, "duplicate_key"),  # b
    ]


def test_a_hooked_mapping_gives_the_problems_of_an_unhooked_one(tmp_path):
    class ReadEveryEntry:
        def wants(self, path, key):
            return key == "sales"

        def read(self, key, entries):
            return [entry for entry in entries]

    path = tmp_path / "any.yaml"
    path.write_text(_KEY_THEN_INSIDE, encoding="utf-8")
    _root, plain = read_yaml(path, "any.yaml")
    _root, hooked = read_yaml(path, "any.yaml", ReadEveryEntry())
    assert _problem_lines(hooked) == _problem_lines(plain)


_ENTRY_KEYS = [
    "2016",
    "2017",
    "'2016'",
    "<<",
    "'<<'",
    "!!str 2017",
    "!!python/object 2018",
    "*k",
    "? [a]\n     ",
    "2016.0",
]
_ENTRY_VALUES = [
    "5",
    "x",
    "~",
    "'5'",
    '"\\e"',
    "!!float 5",
    "!!python/object 5",
    "*k",
    "&k 5",
    "{a: 1, a: 2}",
    "[1, *k]",
    "!!python/object {a: 1}",
    "\n      a: 1\n      a: 2",
    "\n      - 1\n      - !!python/object 2",
]


@given(st.lists(st.tuples(st.sampled_from(_ENTRY_KEYS), st.sampled_from(_ENTRY_VALUES)), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_a_hooked_mapping_reports_what_an_unhooked_one_does_in_the_same_order(tmp_path_factory, entries):
    """Any mapping read by a hook (as each row under `observations:` is) gets
    the same problems, in the same order, as the same mapping in the tree."""

    class ReadEveryEntry:
        def wants(self, path, key):
            return key == "sales"

        def read(self, key, entries):
            return [entry for entry in entries]

    text = "observations:\n  sales:\n" + "".join(f"    {key}: {value}\n" for key, value in entries)
    path = tmp_path_factory.mktemp("hook") / "any.yaml"
    path.write_text(text, encoding="utf-8")
    plain_root, plain = read_yaml(path, "any.yaml")
    hooked_root, hooked = read_yaml(path, "any.yaml", ReadEveryEntry())
    assert (plain_root is None) == (hooked_root is None)
    assert [(p.where.line, str(p.message), str(p.hint)) for p in hooked] == [
        (p.where.line, str(p.message), str(p.hint)) for p in plain
    ]
