"""The SVG chart, written without matplotlib (show/svg_chart.py): the same
content as the PNG (show/chart_data.py), round ticks, the value axis within
what the indicator can take, text as plain escaped text, a long title
wrapped rather than cut off, the legend below the plot."""

import math
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import write_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from jmplan import assess_indicator, load_plan
from jmplan.show.chart_data import ChartData, Series, chart_data
from jmplan.show.svg_chart import draw_svg, nice_ticks, text_width, tick_label, wrap

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def _chart(folder: Path, key: str, lang: str = "en") -> ElementTree.Element:
    plan = load_plan(folder)
    data = chart_data(assess_indicator(plan, plan.indicators[key]), lang)
    return ElementTree.fromstring(draw_svg(data, (16, 9)).encode("utf-8"))


def _value_labels(root) -> list[float]:
    """The value axis's tick labels: the text right-aligned against the axis."""
    return [float(t.text.replace(",", "")) for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]


def _plot_box(root) -> tuple[float, float, float, float]:
    rect = root.find(f"{SVG}defs/{SVG}clipPath/{SVG}rect")
    x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
    return x, y, x + w, y + h


@pytest.mark.parametrize(
    "low, high, most, integer, expected",
    [
        (650, 1750, 6, False, [800, 1000, 1200, 1400, 1600]),  # steps of 200: 100 would give 11
        (37.5, 92.5, 6, False, [40, 50, 60, 70, 80, 90]),
        (0.4045, 0.5255, 6, False, [0.42, 0.44, 0.46, 0.48, 0.50, 0.52]),  # 0.01 would give 12
        (0.405, 0.525, 5, False, [0.425, 0.45, 0.475, 0.5, 0.525]),  # 0.02 would give 6: 2.5 x 10^-2
        (2014.75, 2020.25, 8, True, [2015, 2016, 2017, 2018, 2019, 2020]),
        (2014.5, 2025.5, 8, True, [2016, 2018, 2020, 2022, 2024]),  # 11 years: every second
        (2017.85, 2018.15, 8, True, [2018]),  # years are whole: never 2017.9
    ],
)
def test_ticks_are_round_and_few_enough(low, high, most, integer, expected):
    assert nice_ticks(low, high, most, integer) == pytest.approx(expected)


@pytest.mark.parametrize(
    "value, step, label",
    [
        (1600, 200, "1600"),
        (0.425, 0.025, "0.425"),
        (0.5, 0.025, "0.500"),
        (2.5, 2.5, "2.5"),
        (1_500_000, 500_000, "1,500,000"),
    ],
)
def test_tick_labels_show_the_step_and_no_more(value, step, label):
    assert tick_label(value, step) == label


def test_a_chinese_character_is_counted_a_full_em():
    assert text_width("电子商务", 10) == 40 and text_width("2020", 10) < 40


def test_a_long_title_wraps_between_words_or_anywhere_in_chinese():
    words = "Share of basic public services handled online in every county and district of the city"
    lines = wrap(words, 300, 12)
    assert len(lines) == 2 and " ".join(lines) == words and text_width(lines[0], 12) <= 300
    chinese = "一个很长很长的中文指标名称用来测试标题是否会被截断或者超出图表的宽度"
    lines = wrap(chinese, 200, 12)
    assert len(lines) == 2 and "".join(lines) == chinese and text_width(lines[0], 12) <= 200
    assert wrap("Short", 300, 12) == ["Short"]


@pytest.fixture
def fast_share(tmp_path):
    """share 40 -> 90 (2020), observed at 85 in 2018: at 15 pp a year it would pass 100 in 2019."""
    return write_plan(tmp_path / "plan", actuals="observations:\n  share: {2018: 85}\n")


def test_the_value_axis_never_goes_beyond_100_for_a_share(fast_share):
    root = _chart(fast_share, "share")
    labels = _value_labels(root)
    assert labels and max(labels) <= 100
    left, top, right, bottom = _plot_box(root)
    projection = next(p for p in root.iter(f"{SVG}polyline") if p.get("stroke") == "#d9822b")
    heights = [float(point.split(",")[1]) for point in projection.get("points").split()]
    assert len(heights) == 3 and min(heights) >= top - 0.01  # 85 -> 100 (2019) -> 100: on the top edge, not over it
    assert heights[1] == pytest.approx(heights[2])


def test_text_from_the_data_is_escaped_plain_text(tmp_path):
    plan = write_plan(tmp_path / "plan", actuals="observations:\n  sales: {2018: 120}\n")
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("name_en: Sales", 'name_en: "Cost $x^$ <b>&amp;"'), "utf-8")
    svg = draw_svg(chart_data(assess_indicator(load_plan(plan), load_plan(plan).indicators["sales"]), "en"), (16, 9))
    assert "Cost $x^$ &lt;b&gt;&amp;amp;" in svg
    root = ElementTree.fromstring(svg.encode("utf-8"))
    assert [t.text for t in root.iter(f"{SVG}text") if t.text.startswith("Cost")] == ["Cost $x^$ <b>&amp;"]


def test_legend_below_the_plot_and_every_series_in_it(fast_share):
    root = _chart(fast_share, "share")
    left, top, right, bottom = _plot_box(root)
    legend = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "start"]
    assert [t.text for t in legend] == [
        "Required trajectory",
        "Actual",
        "Projection at the pace so far",
        "Target (2020)",
    ]
    assert all(float(t.get("y")) > bottom + 10 for t in legend)  # under the year labels too
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert all(0 <= float(t.get("x")) < width for t in legend) and bottom < height


def test_a_long_title_is_wrapped_not_cut_off(tmp_path):
    plan = write_plan(tmp_path / "plan", actuals="observations:\n  sales: {2018: 120}\n")
    long_name = "Sales of the information services industry, software and digital content included, by year"
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("name_en: Sales", f"name_en: {long_name}"), "utf-8")
    root = _chart(plan, "sales")
    title = [t for t in root.iter(f"{SVG}text") if t.get("font-size") == "12"]
    assert " ".join(t.text for t in title) == long_name and len(title) == 2
    assert float(title[1].get("y")) < _plot_box(root)[1]  # both lines above the plot


def test_the_svg_is_drawn_without_importing_matplotlib(tmp_path):
    """What makes a report's charts cheap (issue 14): no figure objects, no
    text laid out twice. matplotlib only draws PNG."""
    code = (
        "import sys\n"
        "from jmplan import assess_plan, load_plan\n"
        "from jmplan.show.chart import draw\n"
        "rows = [r for r in assess_plan(load_plan()).rows if r.target is not None and r.baseline is not None]\n"
        "svg, note = draw(rows[0], 'zh', 'svg')\n"
        "print(svg.startswith(b'<?xml'), note, 'matplotlib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["True", "None", "False"]


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(finite, min_size=1, max_size=12),
    target=st.one_of(st.none(), finite),
    share=st.booleans(),
    first_year=st.integers(1990, 2030),
)
def test_any_figures_give_a_well_formed_chart_within_the_bounds(values, target, share, first_year):
    lowest, highest = (0.0, 100.0) if share else (-math.inf, math.inf)
    if share:
        values = [min(100.0, max(0.0, v)) for v in values]
        target = None if target is None else min(100.0, max(0.0, target))
    points = [(first_year + i, v) for i, v in enumerate(values)]
    series = [Series("actual", points, "Actual")]
    if target is not None:
        series.append(Series("target", [(first_year + len(values) + 2, target)], "Target"))
    data = ChartData("Title", "unit", series, target, lowest, highest)
    root = ElementTree.fromstring(draw_svg(data, (16, 9)).encode("utf-8"))
    labels = _value_labels(root)
    assert 1 <= len(labels) <= 12
    if share:
        assert 0 <= min(labels) and max(labels) <= 100
    left, top, right, bottom = _plot_box(root)
    assert left < right and top < bottom
