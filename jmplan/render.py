"""Blocks of output -> text table, Markdown or CSV.

Views build a document out of blocks (a table, a heading, lines of text) in
display strings; this module only lays them out. tabulate is imported only
here and only when a table is drawn, so the JSON path never pays for it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    # "left" or "right" per column; numbers read best right-aligned
    align: list[str] = field(default_factory=list)


@dataclass
class Heading:
    text: str


@dataclass
class Lines:
    lines: list[str]
    numbered: bool = False


Block = Table | Heading | Lines


def to_text(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(_tabulate(block, "simple"))
        elif isinstance(block, Heading):
            out.append(block.text)
        else:
            out.append("\n".join(_items(block)))
    return "\n\n".join(part for part in out if part) + "\n"


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            escaped = Table([_md_cell(h) for h in block.headers],
                            [[_md_cell(c) for c in row] for row in block.rows], block.align)
            out.append(_tabulate(escaped, "pipe"))
        elif isinstance(block, Heading):
            first, *rest = block.text.splitlines() or [""]
            out.append("\n\n".join([f"## {_md_line(first)}"] + [_md_line(line) for line in rest]))
        else:
            out.append("\n".join(_md_line(item) for item in _items(block, markdown=True)))
    return "\n\n".join(part for part in out if part) + "\n"


def to_csv(table: Table) -> str:
    """CSV for Excel and scripts: one header row, numbers unformatted.

    The caller writes it with a UTF-8 byte-order mark, without which Excel on
    Chinese Windows reads the file as GBK and garbles every Chinese cell.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return buffer.getvalue()


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _items(block: Lines, markdown: bool = False) -> list[str]:
    if block.numbered:
        return [f"{i}. {line}" for i, line in enumerate(block.lines, 1)]
    return [f"- {line}" if markdown else f"  {line}" for line in block.lines]


def _tabulate(table: Table, style: str) -> str:
    from tabulate import tabulate  # deferred: see the module docstring

    align = table.align or ["left"] * len(table.headers)
    # disable_numparse: cells are already formatted (rounded half up); letting
    # tabulate re-parse them would re-round half to even and drop separators.
    return tabulate(table.rows, headers=table.headers, tablefmt=style, colalign=align,
                    disable_numparse=True)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def _md_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ")
