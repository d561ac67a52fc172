"""What one indicator's chart shows, apart from how it is drawn: the title,
the unit, each line or set of points with its legend label and style, the
target's level and the range the value axis may cover. The SVG writer
(svg_chart.py) and matplotlib (chart.py, for PNG) draw the same ChartData,
so a chart in the HTML report and the same chart in Word say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import text
from ..measure.assess import Assessment
from ..plan.tuples import NamedTuple
from .fmt import as_stated

# Fonts with Chinese glyphs, as they are named on Linux, Windows and macOS
CJK_FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
]


class Style(NamedTuple):
    colour: str
    line: str = "none"  # "solid", "dashed", "dotted" or "none" (points only)
    marker: str = ""  # "o" circle, "*" star, "D" diamond, "" none
    marker_size: float = 6.0  # points, as matplotlib's markersize
    hollow: bool = False  # a white marker face: a figure not yet final
    clipped: bool = True  # cut at the plot's edge; markers on the edge are not


BLUE, GREY, ORANGE, GREEN = "#1f5fa8", "#888888", "#d9822b", "#2a9d4a"
STYLES = {
    "trajectory": Style(GREY, line="dashed"),
    "actual": Style(BLUE, line="solid", marker="o", clipped=False),
    "preliminary": Style(BLUE, marker="o", hollow=True),
    "projection": Style(ORANGE, line="dotted", clipped=False),
    "target": Style(GREEN, marker="*", marker_size=12, clipped=False),
    "milestones": Style(GREEN, marker="D", marker_size=6, clipped=False),
}
TARGET_LINE = (GREEN, 0.8)  # the target's level across the plot: colour, width


class Series(NamedTuple):
    role: str  # a key of STYLES
    points: Sequence[tuple[float, float]]
    label: str

    @property
    def style(self) -> Style:
        return STYLES[self.role]


class ChartData(NamedTuple):
    title: str
    unit: str
    series: list[Series]  # in drawing order, which is also the legend's
    target_level: float | None  # a horizontal line at the target
    lowest: float  # the value axis never shows less (0 for a share or a level)
    highest: float  # nor more (100 for a share in %)


def chart_data(row: Assessment, lang: str) -> ChartData:
    ind = row.indicator
    series = []
    actual = []
    if row.baseline is not None:
        actual.append((row.baseline.year, row.baseline.value))
    actual += [(f.year, f.value) for f in row.observations if f is not row.baseline]
    if row.from_baseline is not None:
        series.append(Series("trajectory", list(row.from_baseline.trajectory()), text("trajectory", lang)))
    if actual:
        series.append(Series("actual", actual, text("actual", lang)))
    preliminary = [(f.year, f.value) for f in row.observations if f.is_preliminary]
    if preliminary:  # open circles: a figure not yet final
        series.append(Series("preliminary", preliminary, text("preliminary", lang)))
    pr = row.projection
    if pr is not None and len(pr.path) >= 2:
        # the pace year by year, held at what the indicator can take (100 % for a
        # share): the line bends where a limit stops it, and follows compound growth
        series.append(Series("projection", list(pr.path), text("projection", lang)))
    if row.target is not None:
        stated = as_stated(row.target, ind, lang)  # the plan's words beside the level: 〔30〕, ≥90%
        label = f"{text('target', lang)} ({row.target.year})" + (f" {stated}" if stated else "")
        series.append(Series("target", [(row.target.year, row.target.value)], label))
    if row.milestones:
        series.append(Series("milestones", [(m.year, m.value) for m in row.milestones], text("milestones", lang)))
    return ChartData(
        title=ind.name(lang),
        unit=ind.unit_label(lang),
        series=series,
        target_level=row.target.value if row.target is not None else None,
        lowest=ind.lowest,
        highest=ind.highest,
    )
