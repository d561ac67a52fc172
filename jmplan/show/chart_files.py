"""A Markdown report's charts as files beside it: which folder, which file
names, what goes in each. The report layer decides all of that; writing a
file is the writer's job, passed in (the CLI passes the atomic writer), so
this stage never imports the one that changes files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from .render import Block, Chart

_SAFE_STEM = re.compile(r"[A-Za-z0-9_]{1,64}")


def file_stem(name: str, index: int, used: set[str]) -> str:
    """A file name (without extension) for something named `name` in the
    data, the `index`th of its kind: the name itself when it is plain ASCII
    letters, digits and _, else `item_<index>`; never one in `used`, which
    it joins. So no text from a plan becomes a path (no `/`, `..`, leading
    dot, or character a file system or a URL treats specially)."""
    stem = name if _SAFE_STEM.fullmatch(name) else f"item_{index}"
    candidate, n = stem, 1
    while candidate.lower() in used:  # also on file systems that ignore case
        n += 1
        candidate = f"{stem}_{n}"
    used.add(candidate.lower())
    return candidate


def chart_folder(report_file: Path) -> Path:
    """Where the charts of the report written to `report_file` go:
    `NAME_charts/` beside `NAME.md`."""
    return report_file.with_name(report_file.stem + "_charts")


def write_chart_files(blocks: list[Block], folder: Path, write: Callable[[Path, bytes], None]) -> list[Block]:
    """Write each chart among `blocks` into `folder` (made if missing) with
    `write(path, data)`; the blocks with each chart linking to its file,
    relative to the report beside the folder. Every file lies directly in
    `folder`: its name is a chart's plain key or its place in the report,
    never text from the data as it is. An OSError from `write` or from
    making the folder passes to the caller."""
    folder.mkdir(exist_ok=True)
    linked: list[Block] = []
    used: set[str] = set()
    for block in blocks:
        if isinstance(block, Chart):
            stem = file_stem(block.name, len(used) + 1, used)
            write(folder / f"{stem}.svg", block.svg.encode("utf-8"))
            block = block._replace(href=quote(f"{folder.name}/{stem}.svg"))
        linked.append(block)
    return linked
