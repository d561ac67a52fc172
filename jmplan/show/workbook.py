"""Tables as Excel workbooks (.xlsx), through openpyxl.

openpyxl is the optional `office` extra (`pip install 'jmplan[office]'`),
imported only here and only when a workbook is written.
"""

from __future__ import annotations

import io

from ..i18n import Msg
from .render import Table

# Excel refuses these characters in a sheet title
_TITLE_REFUSED = str.maketrans({c: "_" for c in "[]:*?/\\"})


class OfficeUnavailable(RuntimeError):
    """openpyxl (or python-docx) is not installed."""


def openpyxl():
    try:
        import openpyxl as module
    except ImportError:
        raise OfficeUnavailable(Msg("xlsx_needs_openpyxl")) from None
    return module


def sheet_title(name: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    return (name.translate(_TITLE_REFUSED).strip("'") or "Sheet")[:31]


def _number(text: str) -> float | int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def table_workbook(table: Table, title: str = "jmplan", kinds: list[str] | None = None) -> bytes:
    """One sheet: a bold, frozen header row, then the rows. `kinds` says per
    column 'text', 'number', 'percent' (a fraction, shown as 12.3%) or
    'year'; without it a cell that reads as a number is stored as one."""
    xl = openpyxl()
    from openpyxl.styles import Font

    book = xl.Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            kind = kinds[c - 1] if kinds else None
            if value is None or value == "":
                continue
            cell = sheet.cell(row=r, column=c)
            number = value if isinstance(value, (int, float)) else _number(str(value))
            if kind == "text" or number is None:
                cell.value = str(value)
                cell.data_type = "s"  # openpyxl would take a text starting with = for a formula
            else:
                cell.value = number
                if kind == "percent":
                    cell.number_format = "0.0%"
    for column in sheet.columns:
        width = max(len(str(c.value if c.value is not None else "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(8, width * 1.6 + 2), 40)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
