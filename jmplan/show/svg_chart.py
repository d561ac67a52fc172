"""One indicator's chart as SVG, written directly, without matplotlib.

A report draws one chart per indicator; through matplotlib each took about
a tenth of a second (laying out the text twice over) and a megabyte of
reference cycles, so a province's report of a few hundred indicators spent
most of its time on charts. Written here, a chart is a few hundred lines of
text and takes about a millisecond.

The text stays text, drawn by the reader's browser with its own fonts, as
matplotlib's SVG with `svg.fonttype: none` did: Chinese shows wherever the
reader has a Chinese font. Since no font is at hand here to measure text,
widths are estimated generously (a Chinese character a full em, a digit
0.64 em, a Latin letter 0.58 em or more), which decides the margins, the legend's columns
and where a long title wraps. Text from the data is escaped as XML and is
never read as markup or mathtext.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from xml.sax.saxutils import escape, quoteattr

from .chart_data import CJK_FONTS, TARGET_LINE, ChartData, Series, Style

POINTS_PER_CM = 72 / 2.54
TICK_SIZE, LABEL_SIZE, TITLE_SIZE, LEGEND_SIZE = 10.0, 10.0, 12.0, 8.5  # font sizes, points
TICK_LENGTH, TICK_PAD = 3.5, 3.5
LINE_WIDTH = 1.5
DASHES = {"dashed": "5.55 2.4", "dotted": "1.5 2.475"}  # matplotlib's, scaled by the line width
GRID = 'stroke="#b0b0b0" stroke-width="0.3"'


def text_width(text: str, size: float) -> float:
    """A generous estimate of the width of `text` at font size `size`."""
    ems = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            ems += 1.0
        elif ch in " .,:;'!|()[]ijlt":
            ems += 0.36
        elif ch.isupper() or ch in "mw%@〔〕":
            ems += 0.8
        elif ch.isdigit():
            ems += 0.64
        else:
            ems += 0.58
    return ems * size


def wrap(text: str, width: float, size: float, most: int = 2) -> list[str]:
    """`text` in at most `most` lines that each fit `width`, broken between
    words, or anywhere in text without spaces (Chinese); the last line takes
    what is left."""
    if text_width(text, size) <= width:
        return [text]
    words = text.split(" ") if " " in text.strip() else list(text)
    joint = " " if " " in text.strip() else ""
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        trial = current + joint + word if current else word
        if current and text_width(trial, size) > width:
            lines.append(current)
            if len(lines) == most - 1:
                return lines + [joint.join(words[n:])]
            current = word
        else:
            current = trial
    return lines + [current]


def nice_ticks(low: float, high: float, most: int, integer: bool = False) -> list[float]:
    """Round values within [low, high], at most `most` of them (at least two
    where the range allows), a step of 1, 2, 2.5 or 5 times a power of ten."""
    span = high - low
    if not span > 0:
        return [low]
    step = 0.0
    for exponent in range(math.floor(math.log10(span / most)) - 1, math.floor(math.log10(span)) + 2):
        for base in (1, 2, 2.5, 5):
            step = base * 10.0**exponent
            if integer and (step < 1 or step != int(step)):
                continue
            if math.floor(high / step) - math.ceil(low / step) + 1 <= most:
                break
        else:
            continue
        break
    first = math.ceil(low / step - 1e-9)
    count = math.floor(high / step + 1e-9) - first + 1
    return [round((first + i) * step, 12) for i in range(count)]


def tick_label(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
    if step > 0 and decimals == 0 and step != int(step):
        decimals = 1
    if abs(step * 10**decimals - round(step * 10**decimals)) > 1e-9:  # 2.5, 0.25
        decimals += 1
    label = f"{value:,.{decimals}f}" if abs(value) >= 10_000 else f"{value:.{decimals}f}"
    return "0" if label.strip("-0.,") == "" else label


def _limits(values: list[float], lowest: float, highest: float) -> tuple[float, float]:
    """Data range plus 5 % each side (as matplotlib's default margins), then
    cut to what the indicator can take: no 105 % over a share's 100 %."""
    low, high = min(values), max(values)
    if high - low <= 1e-9 * max(abs(low), abs(high)):  # one value, give or take its rounding
        low = high = (low + high) / 2
    pad = (high - low) * 0.05 or (abs(high) * 0.05 or 1.0)
    low, high = max(low - pad, lowest), min(high + pad, highest)
    if not high > low:  # everything at a bound, e.g. a share at 100 % throughout
        low, high = (high - 1, high) if high == highest else (low, low + 1)
    return low, high


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, size: float, anchor: str = "middle", extra: str = "") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'
    )


def _squeezed(content: str, size: float, width: float) -> str:
    """textLength for text estimated wider than `width`: the browser then fits it."""
    if text_width(content, size) <= width:
        return ""
    return f' textLength="{_n(width)}" lengthAdjust="spacingAndGlyphs"'


def _marker(style: Style, x: float, y: float) -> str:
    fill = "#ffffff" if style.hollow else style.colour
    paint = f'fill="{fill}" stroke="{style.colour}" stroke-width="1"'
    half = style.marker_size / 2
    if style.marker == "o":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(half)}" {paint}/>'
    if style.marker == "*":  # five points; the inner radius as matplotlib's star
        corners = []
        for i in range(10):
            radius = half if i % 2 == 0 else half * 0.381966
            angle = math.pi / 2 + i * math.pi / 5
            corners.append(f"{_n(x + radius * math.cos(angle))},{_n(y - radius * math.sin(angle))}")
        return f'<polygon points="{" ".join(corners)}" {paint}/>'
    if style.marker == "D":
        d = half * 1.2
        diamond = f"{_n(x)},{_n(y - d)} {_n(x + d)},{_n(y)} {_n(x)},{_n(y + d)} {_n(x - d)},{_n(y)}"
        return f'<polygon points="{diamond}" {paint}/>'
    return ""


def _line(style: Style, xy: list[tuple[float, float]], clip: str) -> str:
    dash = f' stroke-dasharray="{DASHES[style.line]}"' if style.line in DASHES else ""
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in xy)
    return (
        f'<polyline points="{points}" fill="none" stroke="{style.colour}" stroke-width="{LINE_WIDTH}"'
        f'{dash} stroke-linejoin="round"{clip}/>'
    )


def _legend_entry(series: Series, x: float, y: float, handle: float) -> list[str]:
    """The legend's sample of a series (a short line, its marker in the middle) at (x, y), its middle left."""
    style = series.style
    parts = []
    if style.line != "none":
        parts.append(_line(style, [(x, y), (x + handle, y)], ""))
    if style.marker:
        parts.append(_marker(style, x + handle / 2, y))
    return parts


def draw_svg(data: ChartData, size_cm: tuple[float, float]) -> str:
    """The chart of `data`, `size_cm` (width, height) centimetres, as an SVG document."""
    width, height = size_cm[0] * POINTS_PER_CM, size_cm[1] * POINTS_PER_CM
    xs = [x for s in data.series for x, _ in s.points]
    ys = [y for s in data.series for _, y in s.points if math.isfinite(y)]
    if data.target_level is not None:
        ys.append(data.target_level)
    x_low, x_high = min(xs), max(xs)
    if x_low == x_high:
        x_low, x_high = x_low - 1, x_high + 1
    x_pad = (x_high - x_low) * 0.05
    x_low, x_high = x_low - x_pad, x_high + x_pad
    y_low, y_high = _limits(ys, data.lowest, data.highest)

    # margins: the title above; the unit and the value labels left; the year labels and the legend below
    title_lines = wrap(data.title, width - 12, TITLE_SIZE)
    top = 6 + len(title_lines) * TITLE_SIZE * 1.25 + 4

    handle, pad, spacing = 2.0 * LEGEND_SIZE, 0.8 * LEGEND_SIZE, 2.0 * LEGEND_SIZE
    entries = [(s, handle + pad + text_width(s.label, LEGEND_SIZE)) for s in data.series]
    columns = min(len(entries), 3)
    while True:  # as many columns (at most 3) as fit the width; entries fill a column, then the next
        rows = -(-len(entries) // columns) if entries else 0
        column_widths = [max((w for _, w in entries[c * rows : (c + 1) * rows]), default=0) for c in range(columns)]
        legend_width = sum(column_widths) + spacing * (len(column_widths) - 1)
        if legend_width <= width - 8 or columns <= 1:
            break
        columns -= 1
    row_height = LEGEND_SIZE * 1.5
    bottom = TICK_LENGTH + TICK_PAD + TICK_SIZE * 1.2 + 8 + rows * row_height + 4
    plot_height = height - bottom - top
    y_ticks = nice_ticks(y_low, y_high, max(3, int(plot_height / 26)))
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else abs(y_ticks[0]) or 1.0
    y_labels = [tick_label(v, y_step) for v in y_ticks]
    left = 4 + LABEL_SIZE * 1.2 + 4 + max(text_width(t, TICK_SIZE) for t in y_labels) + TICK_PAD + TICK_LENGTH
    plot_left, plot_right, plot_top, plot_bottom = left, width - 10, top, height - bottom

    def px(x: float) -> float:
        return plot_left + (x - x_low) / (x_high - x_low) * (plot_right - plot_left)

    def py(y: float) -> float:
        return plot_bottom - (y - y_low) / (y_high - y_low) * (plot_bottom - plot_top)

    # the plot's clip path, named after what the chart shows: unique among the charts of one HTML page
    clip_id = "c" + hashlib.sha1(repr((data, size_cm)).encode("utf-8")).hexdigest()[:12]
    out: list[str] = []
    out.append(f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>')
    x_ticks = nice_ticks(math.ceil(x_low), math.floor(x_high), max(2, int((plot_right - plot_left) / 45)), True)
    for x in x_ticks:
        sx = px(x)
        out.append(f'<line x1="{_n(sx)}" y1="{_n(plot_top)}" x2="{_n(sx)}" y2="{_n(plot_bottom)}" {GRID}/>')
        out.append(
            f'<line x1="{_n(sx)}" y1="{_n(plot_bottom)}" x2="{_n(sx)}" y2="{_n(plot_bottom + TICK_LENGTH)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        out.append(_text(sx, plot_bottom + TICK_LENGTH + TICK_PAD + TICK_SIZE * 0.8, str(int(x)), TICK_SIZE))
    for y, label in zip(y_ticks, y_labels):
        sy = py(y)
        out.append(f'<line x1="{_n(plot_left)}" y1="{_n(sy)}" x2="{_n(plot_right)}" y2="{_n(sy)}" {GRID}/>')
        out.append(
            f'<line x1="{_n(plot_left - TICK_LENGTH)}" y1="{_n(sy)}" x2="{_n(plot_left)}" y2="{_n(sy)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        out.append(_text(plot_left - TICK_LENGTH - TICK_PAD, sy + TICK_SIZE * 0.35, label, TICK_SIZE, "end"))
    out.append(
        f'<rect x="{_n(plot_left)}" y="{_n(plot_top)}" width="{_n(plot_right - plot_left)}" '
        f'height="{_n(plot_bottom - plot_top)}" fill="none" stroke="#000000" stroke-width="0.8"/>'
    )

    target_line = ""
    if data.target_level is not None and y_low <= data.target_level <= y_high:
        colour, line_width = TARGET_LINE
        sy = py(data.target_level)
        target_line = (
            f'<line x1="{_n(plot_left)}" y1="{_n(sy)}" x2="{_n(plot_right)}" y2="{_n(sy)}" '
            f'stroke="{colour}" stroke-width="{line_width}"/>'
        )
    for series in data.series:
        if series.role == "target" or (series.role == "milestones" and target_line):
            out.append(target_line)  # under the target's star and the milestones, over the other lines
            target_line = ""
        style = series.style
        clip = f' clip-path="url(#{clip_id})"' if style.clipped else ""
        xy = [(px(x), py(y)) for x, y in series.points if math.isfinite(y)]
        if style.line != "none" and len(xy) > 1:
            out.append(_line(style, xy, clip))
        if style.marker:
            markers = "".join(_marker(style, x, y) for x, y in xy)
            out.append(f"<g{clip}>{markers}</g>" if clip else markers)
    out.append(target_line)

    # text: the title, the unit along the value axis, the legend
    for n, line_text in enumerate(title_lines):
        baseline = 6 + TITLE_SIZE * (n + 1) * 1.25 - TITLE_SIZE * 0.25
        out.append(
            _text(width / 2, baseline, line_text, TITLE_SIZE, extra=_squeezed(line_text, TITLE_SIZE, width - 12))
        )
    middle = (plot_top + plot_bottom) / 2
    unit_x = 4 + LABEL_SIZE * 0.85
    out.append(
        _text(
            unit_x,
            middle,
            data.unit,
            LABEL_SIZE,
            extra=f' transform="rotate(-90 {_n(unit_x)} {_n(middle)})"' + _squeezed(data.unit, LABEL_SIZE, plot_height),
        )
    )
    legend_left = (plot_left + plot_right) / 2 - legend_width / 2
    legend_left = max(4.0, min(legend_left, width - 4 - legend_width))
    legend_top = plot_bottom + TICK_LENGTH + TICK_PAD + TICK_SIZE * 1.2 + 8
    x = legend_left
    for c in range(columns):
        for r, (series, _) in enumerate(entries[c * rows : (c + 1) * rows]):
            y = legend_top + r * row_height + row_height / 2
            out += _legend_entry(series, x, y, handle)
            label_x = x + handle + pad
            room = width - 4 - label_x
            out.append(
                _text(
                    label_x,
                    y + LEGEND_SIZE * 0.35,
                    series.label,
                    LEGEND_SIZE,
                    "start",
                    _squeezed(series.label, LEGEND_SIZE, room),
                )
            )
        x += column_widths[c] + spacing

    body = "".join(out)
    fonts = ", ".join([f"'{f}'" for f in CJK_FONTS] + ["'DejaVu Sans'", "sans-serif"])
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'  # a file of its own, as `jmplan chart` and Markdown write it
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}pt" height="{_n(height)}pt" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" font-family={quoteattr(fonts)}>'
        f'<defs><clipPath id="{clip_id}"><rect x="{_n(plot_left)}" y="{_n(plot_top)}" '
        f'width="{_n(plot_right - plot_left)}" height="{_n(plot_bottom - plot_top)}"/></clipPath></defs>'
        f"{body}</svg>\n"
    )
