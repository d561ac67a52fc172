"""The fill-in sheet a department gets once a year (`jmplan template`): one
row per indicator with what it needs to know (key, names, unit, responsible
department, last year's value, the target) and empty cells for what it
sends back (the value, the status of the figure, its source).

`jmplan import` reads the filled sheet back by its column headers, in
either language, so the column order may change and columns may be added;
the headers are listed here once for both.
"""

from __future__ import annotations

import io

from ..i18n import text
from ..plan.model import Indicator, Plan
from ..plan.sheet import COLUMNS, INPUT_COLUMNS, STATUS_WORDS, header
from . import fmt
from .render import Table, to_csv


def template_rows(plan: Plan, year: int, lang: str, indicators: list[Indicator] | None = None) -> Table:
    """The sheet for `year`: headers in `lang`, one row per indicator."""
    info = plan.info
    headers = [header(column, lang) for column in COLUMNS]
    headers[list(COLUMNS).index("previous")] += f" ({year - 1})"
    headers[list(COLUMNS).index("target")] += f" ({info.target_year})"
    rows = []
    for ind in indicators if indicators is not None else plan.indicators.values():
        previous = _last_year(plan, ind, year)
        target = plan.targets.get(ind.key)
        rows.append(
            [
                ind.key,
                ind.name(lang),
                ind.unit_label(lang),
                ind.responsible_label(lang),
                fmt.figure(previous, ind, lang) if previous is not None else "",
                fmt.figure(target, ind, lang) if target is not None else "",
                str(year),
                "",
                "",
                "",
            ]
        )
    return Table(headers, rows)


def _last_year(plan: Plan, ind: Indicator, year: int):
    """The value of the year before: an observation, or the baseline in the base year."""
    observed = plan.observations_of(ind.key).get(year - 1)
    if observed is not None:
        return observed
    baseline = plan.baselines.get(ind.key)
    return baseline if baseline is not None and baseline.year == year - 1 else None


def by_department(plan: Plan, lang: str) -> dict[str, list[Indicator]]:
    """Indicators grouped by responsible department, in the plan's order;
    those without one under '未指定' / 'Unassigned'."""
    groups: dict[str, list[Indicator]] = {}
    for ind in plan.indicators.values():
        name = ind.responsible_label(lang) or text("unassigned", lang)
        groups.setdefault(name, []).append(ind)
    return groups


def template_csv(plan: Plan, year: int, lang: str) -> bytes:
    """The sheet as CSV for Excel: UTF-8 with a byte-order mark."""
    return to_csv(template_rows(plan, year, lang)).encode("utf-8-sig")


def template_xlsx(plan: Plan, year: int, lang: str, split: bool = False) -> bytes:
    """The sheet as a workbook: one sheet, or one per department with `split`.
    Only the input cells can be edited (the sheet is protected, without a
    password: it stops slips, not people); the key column is greyed."""
    from .workbook import openpyxl, sheet_title

    xl = openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = xl.Workbook()
    book.remove(book.active)
    groups = by_department(plan, lang) if split else {_sheet_name(year, lang): list(plan.indicators.values())}
    used: set[str] = set()
    locked_fill = PatternFill("solid", fgColor="EEEEEE")
    input_fill = PatternFill("solid", fgColor="FFF9DB")
    statuses = [text(status, lang) for status in STATUS_WORDS]  # words status_of reads back
    for index, (group, indicators) in enumerate(groups.items(), start=1):
        title = sheet_title(group)
        if title in used:  # two names that differ only past 31 characters
            title = sheet_title(f"{index} {group}")
        used.add(title)
        sheet = book.create_sheet(title)
        table = template_rows(plan, year, lang, indicators)
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append(row)
        columns = list(COLUMNS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in sheet.iter_rows(min_row=2):
            for column, cell in zip(columns, row):
                if column in INPUT_COLUMNS:
                    cell.protection = Protection(locked=False)
                    cell.fill = input_fill
                    cell.number_format = "@" if column != "value" else "General"
                elif column == "key":
                    cell.fill = locked_fill
                    cell.font = Font(color="666666")
        validation = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"', allow_blank=True)
        status_letter = sheet.cell(row=1, column=columns.index("data_status") + 1).column_letter
        validation.add(f"{status_letter}2:{status_letter}{max(sheet.max_row, 2)}")
        sheet.add_data_validation(validation)
        widths = {"key": 18, "name": 30, "unit": 10, "responsible": 18, "previous": 14, "target": 14}
        for i, column in enumerate(columns, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = widths.get(column, 14)
        sheet.freeze_panes = "C2"
        # printed for a department's files: landscape, all columns on the page's width, the header on every page
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = "1:1"
        sheet.protection.sheet = True  # locked cells stay locked; the input cells are unlocked above
        sheet.protection.formatColumns = False  # widths may still be changed
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(year: int, lang: str) -> str:
    return text("sheet_title", lang, year=year)
