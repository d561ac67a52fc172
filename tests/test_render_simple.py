"""Text tables: jmplan lays out tabulate's "simple" style itself for the
tables it makes (show/render.py, _simple), several times faster; what it
lays out must be what tabulate gives, character for character, and every
other table is left to tabulate."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from jmplan.show.render import Table, _simple, _tabulate

# ASCII, Chinese and full-width text, and what tabulate treats specially:
# surrounding and ideographic spaces, combining and zero-width characters,
# line breaks, tabs, ANSI colours, its separating-line mark, emoji.
PRINTABLE = ["a", "Z", "7", "1,234.5", "-", "%", "—", "·", " ", "  ", "\u3000", "江门", "宽带中国", "（2015）",
             "ｗ", "é", "e\u0301", "\u200b", "😀", "\u00a0"]  # fmt: skip
SPECIAL = ["\t", "\n", "\r", "\x1b[31m", "\x1b[0m", "\x01", "\x7f", "\u0085"]
PRINTABLE_CELLS = st.lists(st.sampled_from(PRINTABLE), max_size=4).map("".join)
ANY_CELLS = st.lists(st.sampled_from(PRINTABLE + SPECIAL), max_size=4).map("".join)


def by_tabulate(table: Table) -> str:
    align = table.align or ["left"] * len(table.headers)
    return tabulate(table.rows, headers=table.headers, tablefmt="simple", colalign=align, disable_numparse=True)


@st.composite
def tables(draw) -> Table:
    count = draw(st.integers(1, 5))
    # half the tables printable (jmplan lays them out), half with anything (mostly left to tabulate)
    cells = draw(st.sampled_from([PRINTABLE_CELLS, ANY_CELLS]))
    headers = draw(st.lists(cells, min_size=count, max_size=count))
    rows = draw(st.lists(st.lists(cells, min_size=count, max_size=count), max_size=5))
    align = draw(st.lists(st.sampled_from(["left", "right"]), max_size=count + 1))
    return Table(headers, rows, align)


@settings(max_examples=400, deadline=None)
@given(tables())
@example(Table(["Plan", "Rank"], [["江门市", "1/2"], ["Hunan", "—"]], ["left", "right"]))
@example(Table(["a"], [[" x "], ["\u3000y"]], []))  # cells are stripped, headers are not
def test_what_jmplan_lays_out_is_what_tabulate_gives(table):
    laid_out = _simple(table)
    if laid_out is not None:
        assert laid_out == by_tabulate(table)
    assert _tabulate(table, "simple") == by_tabulate(table)


def test_the_tables_jmplan_makes_are_laid_out_by_jmplan():
    plain = Table(["Indicator", "Value"], [["宽带用户", "300 (2020)"], ["fibre", ""]], ["left", "right"])
    assert _simple(plain) == by_tabulate(plain)
    assert _simple(Table(["a"], [["two\nlines"]])) is None  # left to tabulate
    assert _simple(Table(["a", "b"], [["short row"]])) is None
    assert _simple(Table(["a"], [])) is None
    assert _simple(Table(["a"], [["x"]], ["center"])) is None
