"""Blocks of a report -> a Word document (.docx), through python-docx.

The office edits the report before filing it, so it gets real Word
structure: the title in Word's Title style, sections in Heading 1 and
indicators in Heading 2 (the navigation pane and a table of contents work),
tables as Word tables with a repeated header row, charts as PNG pictures at
print resolution (python-docx cannot embed SVG). Headings keep with the
next paragraph, and a paragraph before its chart keeps with the chart, so
no heading ends a page alone.

python-docx is part of the optional `office` extra, imported only here.
"""

from __future__ import annotations

import io

from ..i18n import Msg
from .render import COLOURS, MARKS, Chart, Heading, Lines, Paragraph, Table, cell_tone, is_wide
from .workbook import OfficeUnavailable

# Word's East Asian font for Chinese text, and a Latin one beside it
EAST_ASIAN_FONT = "Microsoft YaHei"
LATIN_FONT = "Arial"


def to_docx(blocks: list, title: str, lang: str, chart_width_cm: float = 16.0) -> bytes:
    try:
        import docx
        from docx.enum.section import WD_SECTION
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
    except ImportError:
        raise OfficeUnavailable(Msg("word_needs_python_docx")) from None

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = "zh-CN" if lang == "zh" else "en"
    _page(document.sections[0], landscape=False)
    _fonts(document, lang)

    blocks = list(blocks)
    before_chart = _before_a_chart(blocks)
    landscape = False
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if landscape and not isinstance(block, (Table, Lines)):
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=False)
            landscape = False
        if isinstance(block, Heading) and is_wide(following):
            # the completion table prints on landscape pages, its heading and notes with it
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=True)
            landscape = True
        if isinstance(block, Heading):
            first, *rest = block.text.splitlines() or [""]
            # level 1 is the report's title; sections and indicators are Heading 1 and 2
            heading = document.add_heading(first, level=0 if block.level <= 1 else block.level - 1)
            heading.paragraph_format.keep_with_next = True
            for line in rest:
                document.add_paragraph(line).paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph(block.text)
            # what is said about an indicator stays on the page of its chart
            paragraph.paragraph_format.keep_with_next = before_chart[i]
        elif isinstance(block, Lines):
            style = "List Number" if block.numbered else "List Bullet"
            for line in block.lines:
                document.add_paragraph(line, style=style).paragraph_format.keep_with_next = before_chart[i]
        elif isinstance(block, Table):
            _table(document, block, Pt, LANDSCAPE_TEXT_WIDTH_CM if landscape else TEXT_WIDTH_CM)
        elif isinstance(block, Chart) and block.png:
            document.add_picture(io.BytesIO(block.png), width=Cm(chart_width_cm))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(section, landscape: bool) -> None:
    """A4 with 2 cm margins, the page Chinese offices print on; landscape for a wide table."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Cm(29.7), Cm(21)
    section.page_width, section.page_height = (long_side, short_side) if landscape else (short_side, long_side)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))


def _before_a_chart(blocks: list) -> list[bool]:
    """For each block, whether a chart follows it before the next heading."""
    marks = [False] * len(blocks)
    chart_ahead = False
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Heading):
            chart_ahead = False
        marks[i] = chart_ahead
        if isinstance(block, Chart):
            chart_ahead = True
    return marks


def _fonts(document, lang: str) -> None:
    """Chinese text in a Chinese font: Word takes it from the East Asian
    font of each style (w:eastAsia), which python-docx does not set."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    document.styles["Normal"].font.size = Pt(10.5)  # 五号, the size of official documents' body text
    document.styles["Title"].font.size = Pt(20)


def _table(document, block: Table, Pt, text_width_cm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    columns = len(block.headers)
    table = document.add_table(rows=1, cols=columns)
    table.style = "Table Grid"
    table.autofit = False
    widths = _widths(block, text_width_cm)
    size = Pt(8.5 if columns > 9 else 9)  # the wide table has a landscape page
    align = block.align or ["left"] * columns
    header = table.rows[0]
    # the header row repeats on every page the table runs onto
    header._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader"), qn))
    for cell, text in zip(header.cells, block.headers):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, size
        _shade(cell, "EEEEEE", OxmlElement, qn)
    for r, values in enumerate(block.rows):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit"), qn))
        for c, (cell, text) in enumerate(zip(row.cells, values)):
            paragraph = cell.paragraphs[0]
            if align[c] == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            shade = cell_tone(block, r, c)
            if shade is None:
                paragraph.add_run(text).font.size = size
                continue
            colour, background = COLOURS[shade]
            # a mark that a black-and-white print still shows, then the word in colour
            run = paragraph.add_run(f"{MARKS[shade]} {text}")
            run.font.size, run.font.color.rgb = size, RGBColor.from_string(colour)
            run.bold = shade == "bad"
            if background:
                _shade(cell, background, OxmlElement, qn)
    # Word reads the cells' widths, LibreOffice the grid's: set both
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    document.add_paragraph()


TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins
LANDSCAPE_TEXT_WIDTH_CM = 25.7


def _widths(block: Table, text_width_cm: float) -> list:
    """Column widths: the name column wide enough for a short name per line,
    the status column for its mark and word, the figures sharing the rest."""
    from docx.shared import Cm

    columns = len(block.headers)
    if columns <= 3:  # a small table (the summary) needs no page-wide columns
        return [Cm(5.0)] + [Cm(2.5)] * (columns - 1)
    # the completion table: name, then unit and attribute (short words), figures, the status
    fixed = {0: 4.0, 1: 1.6, 2: 1.4} if columns > 9 else {0: 2.6}
    if block.status_column is not None:
        fixed[block.status_column % columns] = 2.6
    share = (text_width_cm - sum(fixed.values())) / (columns - len(fixed))
    return [Cm(fixed.get(c, share)) for c in range(columns)]


def _on(element, qn):
    element.set(qn("w:val"), "true")
    return element


def _shade(cell, fill: str, OxmlElement, qn) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
