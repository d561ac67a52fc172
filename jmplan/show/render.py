"""Blocks of output -> text table, Markdown or CSV.

Views build a document out of blocks (a table, a heading, lines of text) in
display strings; this module only lays them out. tabulate is imported only
here and only when a table is drawn, so the JSON path never pays for it;
likewise json and csv are imported by the format that needs them.
"""

from __future__ import annotations

import base64  # loaded with yaml anyway, as io is at start-up: local imports of them save nothing
import functools
import io
import re
from collections.abc import Callable, Iterator

from ..plan.tuples import NamedTuple


class Table(NamedTuple):
    headers: list[str]
    rows: list[list[str]]
    # "left" or "right" per column; numbers read best right-aligned
    align: list[str] | tuple[str, ...] = ()
    # for print formats: the column that holds each row's status, and the
    # status slug of each row, so that the cell can be marked by its tone
    status_column: int | None = None
    statuses: tuple[str, ...] = ()
    # columns whose text may wrap onto more lines when the table is wider
    # than the terminal (names, sentences); numbers never wrap
    wrap: tuple[int, ...] = ()


class Heading(NamedTuple):
    text: str
    level: int = 2


class Lines(NamedTuple):
    lines: list[str]
    numbered: bool = False


class Paragraph(NamedTuple):
    text: str


class Chart(NamedTuple):
    """An SVG chart. Markdown links to `href` (a file written beside the
    report); HTML embeds the SVG itself. A Word document needs `png`."""

    svg: str
    alt: str
    name: str = "chart"  # a file name for it, without extension
    href: str | None = None
    png: bytes = b""


# How a status reads in print: a tone for its colour and a mark that still
# tells them apart on a black-and-white printer.
TONES = {
    "not_achieved": "bad",
    "moving_away": "bad",
    "movement_away": "bad",
    "significant_movement_away": "bad",
    "moderate_movement_away": "bad",
    "behind": "bad",
    "insufficient": "bad",
    "on_track": "ok",
    "moderate": "ok",
    "moderate_progress": "ok",
    "ahead": "good",
    "significant": "good",
    "significant_progress": "good",
    "achieved": "good",
}
MARKS = {"bad": "▼", "ok": "●", "good": "▲", "none": "○"}
# text colour per tone (dark enough to read on white), and a light background
COLOURS = {
    "bad": ("B42318", "FDE8E7"),
    "ok": ("8A5A00", "FFF4D6"),
    "good": ("1E6B34", "E5F4EA"),
    "none": ("555555", ""),
}


def tone(status: str) -> str:
    return TONES.get(status, "none")


def is_wide(block) -> bool:
    """A table too wide for a portrait page (the completion table)."""
    return isinstance(block, Table) and len(block.headers) > 9


def cell_tone(table: Table, row: int, column: int) -> str | None:
    """The tone of a status cell, or None for any other cell."""
    if table.status_column is None or column != table.status_column % len(table.headers) or row >= len(table.statuses):
        return None
    return tone(table.statuses[row])


Block = Table | Heading | Lines | Paragraph | Chart


def to_text(blocks: list[Block], width: int | None = None) -> str:
    """The blocks for a terminal. With `width` (the terminal's columns), long
    lines wrap and a table too wide narrows its wrapping columns; without it,
    nothing wraps (output to a file or a pipe keeps whole lines)."""
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(_tabulate(fit_table(block, width) if width else block, "simple"))
        elif isinstance(block, (Heading, Paragraph)):
            lines = block.text.splitlines()
            out.append("\n".join(w for line in lines for w in wrap(line, width)) if width else block.text)
        elif isinstance(block, Lines):
            out.append("\n".join(_wrapped_items(block, width) if width else _items(block)))
    return "\n\n".join(part for part in out if part) + "\n"


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    from wcwidth import wcswidth  # with tabulate's widechars extra; only for terminal output

    return max((max(wcswidth(line), len(line)) for line in text.splitlines()), default=0)


# Compiled on first use, not at import: these two take milliseconds to compile
# (character classes over Unicode), which every command would pay at start-up
# while only terminal wrapping and CSV use them.
@functools.cache
def _wrap_token() -> re.Pattern[str]:
    return re.compile(
        r"\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f][、，。；：！？）」』”’]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+"
    )


def wrap(text: str, width: int | None, indent: int = 0) -> list[str]:
    """`text` in lines of at most `width` columns: between words in English,
    between characters in Chinese (never before a closing punctuation mark);
    lines after the first indented by `indent` spaces. A word longer than a
    line is cut."""
    if not width or display_width(text) <= width:
        return [text]
    lines: list[str] = []
    body = text.lstrip(" ")
    line, used = text[: len(text) - len(body)], len(text) - len(body)  # a leading indent stays
    for token in _tokens(body):
        size = display_width(token)
        if token.isspace():
            if line.strip():
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = " " * indent, indent
        while used + size > width and size > 1:  # a word longer than the line: cut it
            room = max(width - used, 1)
            head = _cut(token, room)
            lines.append(line + head)
            token = token[len(head) :]
            size = display_width(token)
            line, used = " " * indent, indent
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


_CLOSING = "、，。；：！？）」』”’%,.;:!?)"
_OPENING = "（「『“‘"


def _tokens(text: str) -> list[str]:
    """Words and Chinese characters, each closing punctuation mark kept with
    what it closes and each opening one with what it opens, so that no line
    starts with a closing mark or ends with an opening one."""
    tokens: list[str] = []
    for token in _wrap_token().findall(text):
        if tokens and token[0] in _CLOSING and not tokens[-1].isspace():
            tokens[-1] += token
        elif tokens and tokens[-1] and tokens[-1][-1] in _OPENING and not token.isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _cut(token: str, room: int) -> str:
    """The longest beginning of `token` that fits in `room` columns (at least one character)."""
    # each character takes a column or more (display_width), so no beginning longer than `room` fits:
    # starting there keeps cutting a long word linear, not quadratic in its length
    for end in range(min(len(token), room), 0, -1):
        if display_width(token[:end]) <= room:
            return token[:end]
    return token[:1]


def _wrapped_items(block: Lines, width: int) -> list[str]:
    out = []
    for item in _items(block):
        prefix = len(item) - len(item.lstrip(" ")) if not block.numbered else item.index(" ") + 1
        out.append("\n".join(wrap(item, width, indent=prefix)))
    return out


def table_width(table: Table) -> int:
    """Columns the table takes as plain text."""
    return display_width(_tabulate(table, "simple"))


def fit_table(table: Table, width: int, narrowest: int = 12) -> Table:
    """The table narrowed to `width` columns, where it can be, by wrapping
    the text of its wrapping columns (the widest first), each to no fewer
    than `narrowest` columns."""
    excess = table_width(table) - width
    if excess <= 0:
        return table
    columns = [list(col) for col in zip(table.headers, *table.rows)]
    for index in sorted(table.wrap, key=lambda i: -max(display_width(c) for c in columns[i])):
        current = max(display_width(c) for c in columns[index])
        target = max(current - excess, narrowest)
        if target >= current:
            continue
        columns[index] = ["\n".join(wrap(c, target)) for c in columns[index]]
        excess -= current - max(display_width(c) for c in columns[index])
        if excess <= 0:
            break
    if excess > 0:  # still too wide: headers wider than their column's values go onto more lines
        for column in columns:
            header, cells = column[0], column[1:]
            widest = max((display_width(c) for c in cells), default=0)
            if display_width(header) > max(widest, narrowest) and " " in header:
                column[0] = "\n".join(wrap(header, max(widest, narrowest)))
    headers, *rows = [list(row) for row in zip(*columns)]
    return table._replace(headers=headers, rows=rows)


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            escaped = Table(
                [_md_cell(h) for h in block.headers], [[_md_cell(c) for c in row] for row in block.rows], block.align
            )
            out.append(_tabulate(escaped, "pipe"))
        elif isinstance(block, Heading):
            first, *rest = block.text.splitlines() or [""]
            marks = "#" * block.level
            out.append("\n\n".join([f"{marks} {_md_line(first)}"] + [_md_line(line) for line in rest]))
        elif isinstance(block, Paragraph):
            out.append(_md_line(block.text))
        elif isinstance(block, Chart):
            if block.href:
                out.append(f"![{_md_line(block.alt)}]({block.href})")
        else:
            out.append("\n".join(_md_line(item) for item in _items(block, markdown=True)))
    return "\n\n".join(part for part in out if part) + "\n"


def to_html(blocks: list[Block], title: str, lang: str) -> str:
    """One self-contained HTML page: styles inline, charts as inline SVG, no
    network. Every text from the data is escaped."""
    from html import escape

    body = []
    # A level-3 heading opens a section kept on one page with its paragraph
    # and chart, so that no heading is left alone at the foot of a page.
    open_section = False
    # A wide table (the completion table) prints on landscape pages, with its
    # heading before it and its notes after it on the same pages
    landscape = False
    for i, block in enumerate(blocks):
        if landscape and not isinstance(block, (Table, Lines)):
            body.append("</section>")
            landscape = False
        if isinstance(block, Heading) and open_section:
            body.append("</section>")
            open_section = False
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Heading) and is_wide(following):
            body.append('<section class="landscape">')
            landscape = True
        if isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            align = block.align or ["left"] * len(block.headers)
            rows = "".join(
                "<tr>"
                + "".join(_html_cell(block, r, c, text, a, escape) for c, (text, a) in enumerate(zip(row, align)))
                + "</tr>"
                for r, row in enumerate(block.rows)
            )
            columns = len(block.headers)
            wide = ' class="wide"' if columns > 9 else ' class="narrow"' if columns <= 3 else ""
            body.append(f"<table{wide}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Heading):
            first, *rest = block.text.splitlines() or [""]
            if block.level >= 3:
                body.append('<section class="keep">')
                open_section = True
            body.append(f"<h{block.level}>{escape(first)}</h{block.level}>")
            body.extend(f'<p class="subtitle">{escape(line)}</p>' for line in rest)
        elif isinstance(block, Paragraph):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Chart):
            if block.svg:
                image = _svg_element(block.svg)
            else:  # a PNG chart, embedded so that the page fetches nothing
                image = f'<img alt="" src="data:image/png;base64,{base64.b64encode(block.png).decode("ascii")}">'
            body.append(f'<figure role="img" aria-label="{escape(block.alt)}">{image}</figure>')
        else:
            tag = "ol" if block.numbered else "ul"
            items = "".join(f"<li>{escape(line)}</li>" for line in block.lines)
            body.append(f"<{tag}>{items}</{tag}>")
    if open_section or landscape:
        body.append("</section>")
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# Chinese fonts first, in the order they are found on Windows, macOS and Linux
_CSS = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
       "WenQuanYi Micro Hei", SimHei, "Helvetica Neue", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.5; color: #222; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.5em; }
h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
p.subtitle { color: #555; margin: 0.1em 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.4em; vertical-align: top; }
th { background: #eee; }
td.right { text-align: right; white-space: nowrap; }
td:last-child { white-space: nowrap; }
table.wide { font-size: 8pt; }
table.wide th:first-child { width: 14%; }
table.wide td, table.wide td.right, table.wide td.status { white-space: normal; overflow-wrap: break-word; }
table.narrow { width: auto; min-width: 40%; }
table.wide th { font-weight: bold; vertical-align: bottom; }
thead { display: table-header-group; }
td.status { white-space: nowrap; }
td.status.bad { color: #b42318; background: #fde8e7; font-weight: bold; }
td.status.ok { color: #8a5a00; background: #fff4d6; }
td.status.good { color: #1e6b34; background: #e5f4ea; }
td.status.none { color: #555; }
.mark { font-size: 0.85em; }
figure { margin: 0.5em 0 1em; }
figure svg, figure img { max-width: 100%; height: auto; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
section.keep { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 15mm; }
@page landscape { size: A4 landscape; margin: 12mm 15mm; }
section.landscape { page: landscape; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  td.status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _html_cell(table: Table, r: int, c: int, text: str, align: str, escape) -> str:
    shade = cell_tone(table, r, c)
    if shade is None:
        return f'<td class="{align}">{escape(text)}</td>'
    return f'<td class="{align} status {shade}"><span class="mark">{MARKS[shade]}</span> {escape(text)}</td>'


def _svg_element(svg: str) -> str:
    """The <svg> element alone: an XML declaration or DOCTYPE is not allowed
    inside an HTML page, and the RDF metadata block says nothing to a reader."""
    start = svg.find("<svg")
    if start < 0:
        return ""
    svg = svg[start:]
    begin, end = svg.find("<metadata>"), svg.find("</metadata>")
    if 0 <= begin < end:
        svg = svg[:begin] + svg[end + len("</metadata>") :]
    return svg


def to_csv(table: Table) -> str:
    """CSV for Excel and scripts: one header row, numbers unformatted, text
    that Excel would run as a formula neutralised (see `_csv_cell`).

    The caller writes it with a UTF-8 byte-order mark, without which Excel on
    Chinese Windows reads the file as GBK and garbles every Chinese cell.
    """
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in table.headers])
    writer.writerows([_csv_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


# Excel (and LibreOffice, Google Sheets) runs a cell beginning with one of
# these as a formula: `=HYPERLINK(...)` in an indicator's name would become a
# live link, `@SUM(...)` a calculation ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@functools.cache
def _csv_number() -> re.Pattern[str]:  # compiled on first use, as _wrap_token
    return re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?")


# Excel splits a .csv at the locale's list separator, which is `;` in much
# of Europe (and LibreOffice offers `;` and tab): there, a cell `x;=cmd()`
# is two cells, the second a formula. So a formula start after one of these
# gets its `'` too.
_FORMULA_AFTER_SEPARATOR = r"([;\t])(?=[=+\-@\t\r])"  # text: re compiles it on first use, not at start-up


def _csv_cell(text: str) -> str:
    """A cell as Excel will read it as text: one that would start a formula
    gets a leading `'` (OWASP's advice), and so does a part of it that would
    start one after a `;` or tab; except a number such as -3.5, which must
    stay a number."""
    if _csv_number().fullmatch(text):
        return text
    text = re.sub(_FORMULA_AFTER_SEPARATOR, r"\1'", text)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _finite(value):
    """`value` with every infinite or NaN float replaced by None."""
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def to_json(data) -> str:
    """JSON with objects indented, and each item of a list of objects (a
    metric, a goal, a point of a trajectory) on one line of its own: easy to
    read, and `grep` or `diff` work indicator by indicator."""
    return "".join(json_chunks(data))


def json_chunks(data, size: int = 1 << 16) -> Iterator[str]:
    """to_json's text in pieces of about `size` characters, ending with the
    newline: a large plan's JSON is tens of MB, which a caller can write out
    as it comes rather than hold whole, twice (as text, then as bytes)."""
    batch: list[str] = []
    length = 0
    for piece in _json_pieces(data, _json_encoder()):
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    batch.append("\n")
    yield "".join(batch)


def _json_encoder() -> Callable[[object], str]:
    """JSON of one value on one line, by json's C encoder. Made once per
    document and called per item: json.dumps would set up a new encoder
    (a dozen Python-level steps) for each of a large plan's 10,000s of items.
    Never `indent=`, which switches json to its pure-Python encoder (4x slower).
    JSON has no Infinity or NaN: a value holding one is written with null there."""
    import json
    import json.encoder

    strict = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
    chunks: Callable[[object], str] = strict.encode
    make_c_encoder = getattr(json.encoder, "c_make_encoder", None)  # None in a Python without json's C speedups
    if make_c_encoder is not None:  # the arguments JSONEncoder.iterencode gives it, without the circularity check
        encode_one = make_c_encoder(
            None, strict.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, False
        )

        def chunks(value: object) -> str:
            return "".join(encode_one(value, 0))

    def encode(value: object) -> str:
        try:
            return chunks(value)
        except ValueError:  # an overflow somewhere inside
            return chunks(_finite(value))

    return encode


def _json_pieces(value, encode: Callable[[object], str], indent: str = "") -> Iterator[str]:
    inner = indent + "  "
    if isinstance(value, dict) and value:
        opening = "{\n"
        for k, v in value.items():
            yield f"{opening}{inner}{encode(k)}: "
            yield from _json_pieces(v, encode, inner)
            opening = ",\n"
        yield f"\n{indent}}}"
    elif isinstance(value, Iterator) or isinstance(value, list) and any(isinstance(i, (dict, list)) for i in value):
        # an iterator is a list of objects made as they are written (export.status_dict's `stream`)
        opening = "[\n"
        for item in value:
            yield f"{opening}{inner}{encode(item)}"
            opening = ",\n"
        yield "[]" if opening == "[\n" else f"\n{indent}]"
    else:
        yield encode(value)


def _items(block: Lines, markdown: bool = False) -> list[str]:
    if block.numbered:
        return [f"{i}. {line}" for i, line in enumerate(block.lines, 1)]
    return [f"- {line}" if markdown else f"  {line}" for line in block.lines]


def _tabulate(table: Table, style: str) -> str:
    if style == "simple":
        laid_out = _simple(table)
        if laid_out is not None:
            return laid_out
    from tabulate import tabulate  # deferred: see the module docstring

    align = table.align or ["left"] * len(table.headers)
    # disable_numparse: cells are already formatted (rounded half up); letting
    # tabulate re-parse them would re-round half to even and drop separators.
    return tabulate(table.rows, headers=table.headers, tablefmt=style, colalign=align, disable_numparse=True)


# What tabulate measures or lays out in its own ways: line breaks (cells of
# several lines), ANSI escapes, its separating-line mark \x01 and every other
# control character (wcswidth: -1 columns wide).
@functools.cache
def _control() -> re.Pattern[str]:  # compiled on first use, as _wrap_token
    return re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _simple(table: Table) -> str | None:
    """The table laid out exactly as tabulate's "simple" style lays it out
    (with disable_numparse and colalign, as _tabulate calls it), for the
    tables jmplan makes: text cells of one line each, aligned left or right,
    as many cells in each row as there are headers. None for any other
    table, which tabulate lays out.

    tabulate works out a type and a width for every cell through a dozen
    calls each; `compare` over 300 plans draws over 100,000 cells, and
    tabulate took 0.5-1 s of them. Here a cell costs a strip, a width and a
    pad: a column is as wide as its widest cell or its header and two spaces
    (tabulate's MIN_PADDING), cells are stripped of surrounding whitespace
    (headers are not), columns are two spaces apart and lines end without
    trailing spaces. tests/test_render_simple.py holds it to tabulate's own
    output."""
    headers, rows = table.headers, table.rows
    count = len(headers)
    if not count or not rows or any(len(row) != count for row in rows):
        return None
    align = [*table.align[:count], *["left"] * (count - len(table.align))]
    if any(a not in ("left", "right") for a in align):
        return None
    if not all(isinstance(cell, str) for cell in headers) or not all(
        isinstance(cell, str) for row in rows for cell in row
    ):
        return None
    control = _control().search
    if control("".join(headers)) or any(control("".join(row)) for row in rows):
        return None
    header_cells, dashes, columns = [], [], []
    for header, side, column in zip(headers, align, zip(*rows), strict=True):
        cells = [cell.strip() for cell in column]
        widths = [len(cell) if cell.isascii() else _wide_width(cell) for cell in cells]
        header_width = len(header) if header.isascii() else _wide_width(header)
        if min(widths) < 0 or header_width < 0:  # a character wcwidth cannot measure
            return None
        width = max(max(widths), header_width + 2)
        if side == "right":
            columns.append([" " * (width - w) + cell for cell, w in zip(cells, widths, strict=True)])
            header_cells.append(" " * (width - header_width) + header)
        else:
            columns.append([cell + " " * (width - w) for cell, w in zip(cells, widths, strict=True)])
            header_cells.append(header + " " * (width - header_width))
        dashes.append("-" * width)
    lines = ["  ".join(header_cells).rstrip(), "  ".join(dashes).rstrip()]
    lines += ["  ".join(cells).rstrip() for cells in zip(*columns)]
    return "\n".join(lines)


def _wide_width(text: str) -> int:
    """Columns a text takes as tabulate measures it (wcwidth's wcswidth: a Chinese character takes two)."""
    from wcwidth import wcswidth  # installed with tabulate; only for text that is not ASCII

    return wcswidth(text)


# Characters that start Markdown markup (emphasis, code, links, images, raw
# HTML, tables, headings): backslash-escaped, so that text from the data is
# text (a name `<img src=x>` or `[x](http://...)` shows as written).
# An `_` between two letters or digits (fibre_length) cannot start emphasis
# (CommonMark's flanking rules), so it is left as written.
# Patterns as text, compiled by re on first use: JSON and CSV output never need them.
_MD_MARKUP = r"([\\`*\[\]<>|#!]|(?<![^\W_])_|_(?![^\W_]))"
_LINE_BREAK = r"\r\n|\r|\n"  # a lone \r too: some renderers start a new block at it


def md_escape(text: str) -> str:
    return re.sub(_MD_MARKUP, r"\\\1", text)


def _md_cell(text: str) -> str:
    return re.sub(_LINE_BREAK, "<br>", md_escape(text))  # <br>: a line break inside a table cell


def _md_line(text: str) -> str:
    return re.sub(_LINE_BREAK, " ", md_escape(text))
