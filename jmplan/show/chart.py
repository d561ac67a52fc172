"""A chart of one indicator: the baseline, the required trajectory, the
actual values, the projection to the target year, and the target.

matplotlib is an optional extra (`pip install 'jmplan[charts]'`), imported
only here and only when a chart is drawn.
"""

from __future__ import annotations

import io
import math
import warnings

from ..i18n import Msg, text
from ..measure.assess import Assessment
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


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed."""


def charts_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


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
    """'16x9' (centimetres, width x height) -> (16.0, 9.0); ValueError if not one."""
    parts = text.lower().replace("×", "x").replace("cm", "").split("x")
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not WIDTHxHEIGHT in centimetres, such as 16x9")
    try:
        width, height = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"{text!r} is not WIDTHxHEIGHT in centimetres, such as 16x9") from None
    if not (4 <= width <= 60 and 3 <= height <= 60):
        raise ValueError(f"{text!r}: width and height must lie between 4 x 3 and 60 x 60 centimetres")
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
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailable(Msg("charts_need_matplotlib")) from None

    note = None
    font = installed_cjk_font()
    if lang == "zh" and image_format != "svg" and font is None:
        lang = "en"
        note = Msg("no_cjk_font")
    families = ([font] if font else []) + CJK_FONTS + ["DejaVu Sans", "sans-serif"]
    settings = matplotlib.RcParams(
        {
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": families,
            "svg.hashsalt": "jmplan",
            "axes.unicode_minus": False,
        }
    )
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        # Laying out Chinese text without a Chinese font warns about each glyph;
        # in SVG the browser draws it, so the warnings say nothing useful.
        warnings.simplefilter("ignore", UserWarning)
        figure = Figure(figsize=(size_cm[0] / 2.54, size_cm[1] / 2.54), dpi=100, layout="constrained")
        _plot(figure.subplots(), row, lang)
        buffer = io.BytesIO()
        metadata = {"Date": None} if image_format == "svg" else {}
        dpi = PRINT_DPI if image_format == "png" else 100
        figure.savefig(buffer, format=image_format, metadata=metadata, dpi=dpi)
    return buffer.getvalue(), note


def _plot(ax, row: Assessment, lang: str) -> None:
    ind = row.indicator
    actual = []
    if row.baseline is not None:
        actual.append((row.baseline.year, row.baseline.value))
    actual += [(f.year, f.value) for f in row.observations if f is not row.baseline]
    if row.from_baseline is not None:
        years, values = zip(*row.from_baseline.trajectory())
        ax.plot(years, values, linestyle="--", color="#888888", label=text("trajectory", lang))
    if actual:
        years, values = zip(*actual)
        ax.plot(years, values, marker="o", color="#1f5fa8", label=text("actual", lang), clip_on=False)
    preliminary = [(f.year, f.value) for f in row.observations if f.is_preliminary]
    if preliminary:  # open circles: a figure not yet final
        years, values = zip(*preliminary)
        ax.plot(
            years,
            values,
            marker="o",
            markerfacecolor="white",
            color="#1f5fa8",
            linestyle="none",
            label=text("preliminary", lang),
        )
    projected = row.projection is not None and math.isfinite(row.projection.value)
    if projected and row.projection is not None and row.latest is not None and row.target is not None:
        pr = row.projection
        path = [(row.latest.year, row.latest.value)]
        if pr.limit is not None and pr.limit_year is not None and pr.limit_year < row.target.year:
            # the pace reaches what the indicator can take (100 % for a share) before
            # the target year, and stays there: the line never leaves the possible range
            path.append((pr.limit_year, pr.limit))
        path.append((row.target.year, pr.value))
        ax.plot(*zip(*path), linestyle=":", color="#d9822b", label=text("projection", lang), clip_on=False)
    if row.target is not None:
        stated = as_stated(row.target, ind, lang)  # the plan's words beside the level: 〔30〕, ≥90%
        ax.axhline(row.target.value, color="#2a9d4a", linewidth=0.8)
        ax.plot(
            [row.target.year],
            [row.target.value],
            marker="*",
            markersize=12,
            color="#2a9d4a",
            linestyle="none",
            label=f"{text('target', lang)} ({row.target.year})" + (f" {stated}" if stated else ""),
            clip_on=False,
        )
    if row.milestones:
        ax.plot(
            [m.year for m in row.milestones],
            [m.value for m in row.milestones],
            marker="D",
            markersize=6,
            color="#2a9d4a",
            linestyle="none",
            label=text("milestones", lang),
            clip_on=False,
        )
    # the axis shows only values the indicator can take: no 105 % above a share's
    # 100 %, no negative level under 0 (the markers on the edge are not clipped)
    bottom, top = ax.get_ylim()
    ax.set_ylim(max(bottom, ind.lowest), min(top, ind.highest))
    # text from the data is plain text: parse_math=False, or a `$` in a name starts TeX-like mathtext
    ax.set_title(ind.name(lang), parse_math=False)
    ax.set_ylabel(ind.unit_label(lang), parse_math=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(True, linewidth=0.3)
    # below the plot, outside it: a legend inside the axes can hide a point
    entries = len(ax.get_legend_handles_labels()[1])
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=min(entries, 3), frameon=False)
