"""A chart of one indicator: the baseline, the required trajectory, the
actual values, the projection to the target year, and the target.

What it shows is chart_data.py's; SVG (the HTML and Markdown reports,
`jmplan chart -o FILE.svg`) is written by svg_chart.py, PNG (Word, `jmplan
chart -o FILE.png`) drawn by matplotlib, an optional extra (`pip install
'jmplan[charts]'`), imported only here and only when a PNG is drawn.
"""

from __future__ import annotations

import io
import warnings

from ..i18n import Msg
from ..measure.assess import Assessment
from .chart_data import CJK_FONTS, STYLES, TARGET_LINE, ChartData, chart_data
from .svg_chart import draw_svg


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed, and a PNG was asked for."""


def installed_cjk_font() -> str | None:
    """The first font on this machine that has Chinese glyphs, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def chartable(row: Assessment) -> bool:
    """Something to draw: a path to a target, or at least two values over time."""
    points = (1 if row.baseline else 0) + sum(1 for f in row.observations if f is not row.baseline)
    return (row.baseline is not None and row.target is not None) or points >= 2


# A chart's size in centimetres: the width of an A4 page's text, a little over half as high
DEFAULT_SIZE_CM = (16.0, 9.0)
PRINT_DPI = 300  # PNG for print: 300 pixels per inch, as printers and Word expect


def parse_size(text: str) -> tuple[float, float]:
    """'16x9' (centimetres, width x height) -> (16.0, 9.0); ValueError (its
    argument a Msg of the catalogue) if not one."""
    parts = text.lower().replace("×", "x").replace("cm", "").split("x")
    try:
        width, height = (float(p) for p in parts)
    except ValueError:  # not two parts, or a part not a number
        raise ValueError(Msg("chart_size_not_wxh", text=text)) from None
    if not (4 <= width <= 60 and 3 <= height <= 60):
        raise ValueError(Msg("chart_size_out_of_range", text=text))
    return width, height


def draw(
    row: Assessment, lang: str, image_format: str = "svg", size_cm: tuple[float, float] = DEFAULT_SIZE_CM
) -> tuple[bytes, str | None]:
    """The chart as SVG or PNG bytes, and a note for the user (or None).
    `size_cm` is its width and height in centimetres; a PNG has 300 pixels an inch.

    SVG keeps its text as text, so a browser draws the Chinese with its own
    fonts. PNG needs a Chinese font here; without one, the labels fall back
    to English (and the note says how to get one) rather than empty boxes.
    """
    if image_format == "svg":
        # without matplotlib: a tenth of a second and a megabyte less per chart (svg_chart.py)
        return draw_svg(chart_data(row, lang), size_cm).encode("utf-8"), None
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailable(Msg("charts_need_matplotlib")) from None

    note = None
    font = installed_cjk_font()
    if lang == "zh" and font is None:
        lang = "en"
        note = Msg("no_cjk_font")
    families = ([font] if font else []) + CJK_FONTS + ["DejaVu Sans", "sans-serif"]
    settings = matplotlib.RcParams(
        {
            "font.family": "sans-serif",
            "font.sans-serif": families,
            "axes.unicode_minus": False,
        }
    )
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph missing from one font of the list
        figure = Figure(figsize=(size_cm[0] / 2.54, size_cm[1] / 2.54), dpi=100, layout="constrained")
        _plot(figure.subplots(), row, lang)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=image_format, dpi=PRINT_DPI)
    return buffer.getvalue(), note


_LINESTYLES = {"solid": "-", "dashed": "--", "dotted": ":", "none": "none"}


def _plot(ax, row: Assessment, lang: str) -> None:
    """Draw the chart of `row` on matplotlib axes `ax`."""
    _plot_data(ax, chart_data(row, lang))


def _plot_data(ax, data: ChartData) -> None:
    for series in data.series:
        if series.role == "target":  # the target's level across the plot, under its star
            ax.axhline(data.target_level, color=TARGET_LINE[0], linewidth=TARGET_LINE[1])
        style = STYLES[series.role]
        years, values = zip(*series.points)
        options: dict[str, object] = dict(color=style.colour, linestyle=_LINESTYLES[style.line], label=series.label)
        if style.marker:
            options.update(marker=style.marker, markersize=style.marker_size)
        if style.hollow:
            options["markerfacecolor"] = "white"
        ax.plot(years, values, clip_on=style.clipped, **options)
    # the axis shows only values the indicator can take: no 105 % above a share's
    # 100 %, no negative level under 0 (the markers on the edge are not clipped)
    bottom, top = ax.get_ylim()
    ax.set_ylim(max(bottom, data.lowest), min(top, data.highest))
    # text from the data is plain text: parse_math=False, or a `$` in a name starts TeX-like mathtext
    ax.set_title(data.title, parse_math=False)
    ax.set_ylabel(data.unit, parse_math=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(True, linewidth=0.3)
    # below the plot, outside it: a legend inside the axes can hide a point
    entries = len(ax.get_legend_handles_labels()[1])
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=min(entries, 3), frameon=False)
