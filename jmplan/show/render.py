"""Blocks of output -> text table, Markdown or CSV.

Views build a document out of blocks (a table, a heading, lines of text) in
display strings; this module only lays them out. tabulate is imported only
here and only when a table is drawn, so the JSON path never pays for it;
likewise json and csv are imported by the format that needs them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Table(NamedTuple):
    headers: list[str]
    rows: list[list[str]]
    # "left" or "right" per column; numbers read best right-aligned
    align: list[str] | tuple[str, ...] = ()


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
    report); HTML embeds the SVG itself."""

    svg: str
    alt: str
    name: str = "chart"  # a file name for it, without extension
    href: str | None = None


Block = Table | Heading | Lines | Paragraph | Chart


def to_text(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(_tabulate(block, "simple"))
        elif isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Lines):
            out.append("\n".join(_items(block)))
    return "\n\n".join(part for part in out if part) + "\n"


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
                out.append(f"![{_md_line(block.alt).replace(']', '')}]({block.href})")
        else:
            out.append("\n".join(_md_line(item) for item in _items(block, markdown=True)))
    return "\n\n".join(part for part in out if part) + "\n"


def to_html(blocks: list[Block], title: str, lang: str) -> str:
    """One self-contained HTML page: styles inline, charts as inline SVG, no
    network. Every text from the data is escaped."""
    from html import escape

    body = []
    for block in blocks:
        if isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            align = block.align or ["left"] * len(block.headers)
            rows = "".join(
                "<tr>" + "".join(f'<td class="{a}">{escape(c)}</td>' for c, a in zip(row, align)) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Heading):
            first, *rest = block.text.splitlines() or [""]
            body.append(f"<h{block.level}>{escape(first)}</h{block.level}>")
            body.extend(f'<p class="subtitle">{escape(line)}</p>' for line in rest)
        elif isinstance(block, Paragraph):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Chart):
            body.append(f'<figure role="img" aria-label="{escape(block.alt)}">{_svg_element(block.svg)}</figure>')
        else:
            tag = "ol" if block.numbered else "ul"
            items = "".join(f"<li>{escape(line)}</li>" for line in block.lines)
            body.append(f"<{tag}>{items}</{tag}>")
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
figure { margin: 0.5em 0 1em; }
figure svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
}
"""


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
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in table.headers])
    writer.writerows([_csv_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


# Excel (and LibreOffice, Google Sheets) runs a cell beginning with one of
# these as a formula: `=HYPERLINK(...)` in an indicator's name would become a
# live link, `@SUM(...)` a calculation ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSV_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?")


def _csv_cell(text: str) -> str:
    """A cell as Excel will read it as text: one that would start a formula
    gets a leading `'` (OWASP's advice), except a number such as -3.5, which
    must stay a number."""
    if text.startswith(_FORMULA_START) and not _CSV_NUMBER.fullmatch(text):
        return "'" + text
    return text


def to_json(data) -> str:
    """JSON with objects indented, and each item of a list of objects (a
    metric, a goal, a point of a trajectory) on one line of its own: easy to
    read, and `grep` or `diff` work indicator by indicator.

    Also fast: json's C encoder writes each item, where `indent=` would switch
    the whole document to its pure-Python encoder (4x slower on a large plan).
    """
    import json

    encode = json.JSONEncoder(ensure_ascii=False).encode

    def pieces(value, indent: str):
        # pieces joined once at the end: a large plan's JSON is tens of MB,
        # and joining level by level would copy it at every level
        inner = indent + "  "
        if isinstance(value, dict) and value:
            opening = "{\n"
            for k, v in value.items():
                yield f"{opening}{inner}{encode(k)}: "
                yield from pieces(v, inner)
                opening = ",\n"
            yield f"\n{indent}}}"
        elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
            opening = "[\n"
            for item in value:
                yield f"{opening}{inner}{encode(item)}"
                opening = ",\n"
            yield f"\n{indent}]"
        else:
            yield encode(value)

    return "".join([*pieces(data, ""), "\n"])


def _items(block: Lines, markdown: bool = False) -> list[str]:
    if block.numbered:
        return [f"{i}. {line}" for i, line in enumerate(block.lines, 1)]
    return [f"- {line}" if markdown else f"  {line}" for line in block.lines]


def _tabulate(table: Table, style: str) -> str:
    from tabulate import tabulate  # deferred: see the module docstring

    align = table.align or ["left"] * len(table.headers)
    # disable_numparse: cells are already formatted (rounded half up); letting
    # tabulate re-parse them would re-round half to even and drop separators.
    return tabulate(table.rows, headers=table.headers, tablefmt=style, colalign=align, disable_numparse=True)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def _md_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ")
