"""Read the sheets departments filled in (`jmplan import`) into one batch
of changes to actuals.yaml, with every problem found, each placed at its
cell as `FILE:SHEET!CELL` (`FILE:CELL` for a CSV file).

Workbooks (.xlsx) are read with openpyxl, the optional `office` extra,
imported only here and only for a workbook. A workbook is a zip of XML
files from outside the office, so it is read only within limits (file
size, unpacked size, rows, cells) and with defusedxml in place, which
refuses the XML tricks (entity expansion, external entities) that could
make a small file take all memory or read other files.

CSV files are read as Excel writes them: UTF-8 with or without a
byte-order mark, GBK (older Excel on Chinese Windows), separated by
commas, semicolons or tabs.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..i18n import Both, Msg, colon, os_reason, say
from ..plan.lookup import UnknownIndicator, find_indicator
from ..plan.model import Figure, Indicator, Plan
from ..plan.quantity import QuantityError, parse_quantity
from ..plan.sheet import column_of, status_of
from ..plan.tuples import NamedTuple
from .provenance import observation_fields, plain
from .record import Change

MAX_FILE_BYTES = 20 * 2**20  # a year's sheet of a few hundred indicators is tens of kilobytes
MAX_UNPACKED_BYTES = 200 * 2**20  # all the XML inside a workbook, unpacked
MAX_ROWS = 20_000  # per sheet
MAX_CELLS = 1_000_000  # in all the files of one import
HEADER_ROWS = 10  # the header row is looked for among the first rows


class SheetProblem(NamedTuple):
    """A problem at a cell. `message` and `hint` are Msgs of jmplan.i18n
    (str() is the English text, render() either language): the sheets come
    from people who may read either."""

    where: str  # FILE:SHEET!CELL, FILE:CELL or FILE
    message: str
    hint: str | None = None

    def render(self, lang: str = "en") -> str:
        text = f"{self.where}{colon(lang)}{say(self.message, lang)}"
        if self.hint:
            text += "\n  " + Msg("hint", hint=self.hint).render(lang)
        return text

    def __str__(self) -> str:
        return self.render("en")


class Cell(NamedTuple):
    where: str
    value: object  # str, int, float, datetime or None, as the file holds it
    percent: bool = False  # a workbook cell formatted as a percentage: 82% is stored as 0.82


class Row(NamedTuple):
    cells: dict[str, Cell]  # column -> cell


class Incoming(NamedTuple):
    """One figure read from a sheet, checked, and what it changes."""

    change: Change
    indicator: Indicator
    previous: Figure | None
    where: str  # its value's cell


class Collected(NamedTuple):
    incoming: list[Incoming]
    unchanged: int  # rows whose figure is already recorded exactly so
    problems: list[SheetProblem]


class SheetUnavailable(RuntimeError):
    """openpyxl or defusedxml is missing."""


def collect(
    plan: Plan,
    paths: Sequence[Path],
    shown: Sequence[str],
    replace: bool = False,
    year: int | None = None,
    today: datetime.date | None = None,
) -> Collected:
    """Every filled row of every file, checked against the plan: the changes
    to make, and every problem (then nothing may be written)."""
    today = today or datetime.date.today()
    problems: list[SheetProblem] = []
    incoming: list[Incoming] = []
    unchanged = 0
    seen: dict[tuple[str, int], str] = {}
    budget = [MAX_CELLS]
    for path, name in zip(paths, shown):
        # a sheet without the template's header (notes a department added) is
        # passed over, as long as some sheet of the file has one
        headerless: list[SheetProblem] = []
        sheets = list(_read(path, name, problems, budget))
        for sheet_rows in sheets:
            for row in _rows(sheet_rows, name, headerless):
                result = _figure(plan, row, replace, year, today, problems)
                if result is None:
                    continue
                if isinstance(result, str):  # "unchanged"
                    unchanged += 1
                    continue
                key = (result.change.key, result.change.year)
                if key in seen:
                    problems.append(
                        SheetProblem(
                            result.where,
                            Msg(
                                "sheet_given_twice",
                                name=_named(result.indicator),
                                year=result.change.year,
                                first=seen[key],
                            ),
                            Msg("hint_keep_one_row"),
                        )
                    )
                    continue
                seen[key] = result.where
                incoming.append(result)
        if headerless and len(headerless) == len([rows for rows in sheets if _has_content(rows)]):
            problems.extend(headerless)
    return Collected(incoming, unchanged, problems)


# --- reading files -----------------------------------------------------------


def _read(path: Path, shown: str, problems: list[SheetProblem], budget: list[int]) -> Iterable[list[list[Cell]]]:
    """The rows of each sheet of the file, as cells that know where they are."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.append(SheetProblem(shown, Msg("sheet_cannot_read", error=os_reason(exc))))
        return []
    if size > MAX_FILE_BYTES:
        problems.append(
            SheetProblem(
                shown,
                Msg("sheet_too_big", size=size / 2**20, limit=MAX_FILE_BYTES // 2**20),
                Msg("hint_sheet_too_big"),
            )
        )
        return []
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, shown, problems, budget)
    if suffix == ".csv":
        return _read_csv(path, shown, problems, budget)
    if suffix == ".xls":
        problems.append(SheetProblem(shown, Msg("sheet_xls"), Msg("hint_save_as_xlsx")))
    else:
        what = suffix or Msg("no_extension")
        problems.append(SheetProblem(shown, Msg("sheet_not_a_sheet", what=what), Msg("hint_save_as_xlsx")))
    return []


def _openpyxl():
    # openpyxl parses with defusedxml when it is installed, unless told not to
    # by this variable; it reads it once, at import
    os.environ["OPENPYXL_DEFUSEDXML"] = "True"
    try:
        import defusedxml  # noqa: F401
        import openpyxl
    except ImportError:
        raise SheetUnavailable(Msg("sheets_need_openpyxl")) from None
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # imported earlier in this process with the variable set otherwise
        raise SheetUnavailable(Msg("openpyxl_without_defusedxml"))
    return openpyxl


def _read_xlsx(path: Path, shown: str, problems: list[SheetProblem], budget: list[int]) -> list[list[list[Cell]]]:
    openpyxl = _openpyxl()
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        problems.append(SheetProblem(shown, Msg("sheet_not_zip"), Msg("hint_resave_as_xlsx")))
        return []
    if unpacked > MAX_UNPACKED_BYTES:
        problems.append(
            SheetProblem(
                shown,
                Msg("sheet_unpacks_too_big", size=unpacked / 2**20, limit=MAX_UNPACKED_BYTES // 2**20),
                Msg("hint_workbook_too_big"),
            )
        )
        return []
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file  # noqa: BLE001
        problems.append(_unreadable(shown, exc))
        return []
    sheets: list[list[list[Cell]]] = []
    try:
        for sheet in book.worksheets:
            rows = []
            for number, row in enumerate(sheet.iter_rows(), start=1):
                if number > MAX_ROWS:
                    problems.append(
                        SheetProblem(
                            f"{shown}:{sheet.title}",
                            Msg("sheet_too_many_rows", rows=MAX_ROWS),
                            Msg("hint_one_row_per_indicator"),
                        )
                    )
                    break
                budget[0] -= len(row)
                if budget[0] < 0:
                    problems.append(_too_many_cells(shown))
                    return sheets
                rows.append(
                    [
                        Cell(
                            f"{shown}:{sheet.title}!{letter(column)}{number}",
                            getattr(cell, "value", None),
                            "%" in str(getattr(cell, "number_format", "") or ""),
                        )
                        # a read-only sheet gives empty cells without a place: count them
                        for column, cell in enumerate(row, start=1)
                    ]
                )
            sheets.append(rows)
    finally:
        book.close()
    return sheets


def _read_csv(path: Path, shown: str, problems: list[SheetProblem], budget: list[int]) -> list[list[list[Cell]]]:
    import csv

    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(SheetProblem(shown, Msg("sheet_cannot_read", error=os_reason(exc))))
        return []
    text = _decode(data, shown, problems)
    if text is None:
        return []
    if "\x00" in text:
        problems.append(SheetProblem(shown, Msg("sheet_nul"), Msg("hint_save_as_csv_or_xlsx")))
        return []
    first = text.split("\n", 1)[0]
    # Excel writes ';' where the decimal comma is the custom, tabs for "Text (Tab delimited)"
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = []
    for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        if number > MAX_ROWS:
            problems.append(
                SheetProblem(shown, Msg("sheet_too_many_rows", rows=MAX_ROWS), Msg("hint_one_row_per_indicator"))
            )
            break
        budget[0] -= len(values)
        if budget[0] < 0:
            problems.append(_too_many_cells(shown))
            break
        rows.append([Cell(f"{shown}:{letter(i)}{number}", value) for i, value in enumerate(values, start=1)])
    return [rows]


def _decode(data: bytes, shown: str, problems: list[SheetProblem]) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(SheetProblem(shown, Msg("sheet_utf16"), Msg("hint_save_as_csv_utf8")))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # GBK, as older Excel on Chinese Windows saves CSV
    except UnicodeDecodeError:
        problems.append(SheetProblem(shown, Msg("sheet_not_utf8_or_gbk"), Msg("hint_save_as_csv_utf8")))
        return None


def _unreadable(shown: str, exc: BaseException) -> SheetProblem:
    """Why openpyxl could not read a workbook: the first cause, which names it."""
    root = exc
    while root.__cause__ is not None or root.__context__ is not None:
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    if type(root).__name__.endswith("Forbidden"):  # defusedxml: EntitiesForbidden, DTDForbidden, ...
        return SheetProblem(shown, Msg("sheet_xml_entities", kind=type(root).__name__), Msg("hint_xml_entities"))
    return SheetProblem(
        shown, Msg("sheet_unreadable_workbook", kind=type(root).__name__, error=root), Msg("hint_open_and_save")
    )


def _too_many_cells(shown: str) -> SheetProblem:
    return SheetProblem(shown, Msg("sheet_too_many_cells", cells=MAX_CELLS), Msg("hint_import_separately"))


def _named(indicator: Indicator) -> Both:
    """An indicator in a problem: its key in English (the sheet's key column),
    its name in Chinese."""
    return Both(indicator.key, indicator.name_zh)


def letter(column: int) -> str:
    """1 -> A, 27 -> AA: a column as a spreadsheet names it."""
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


# --- reading rows ------------------------------------------------------------


def _rows(rows: list[list[Cell]], shown: str, problems: list[SheetProblem]) -> Iterable[Row]:
    """The data rows under the header row, each as column -> cell."""
    header_at = None
    columns: dict[int, str] = {}
    for number, cells in enumerate(rows[:HEADER_ROWS]):
        named_as = {i: column_of(cell.value) for i, cell in enumerate(cells) if isinstance(cell.value, str)}
        found = {i: column for i, column in named_as.items() if column is not None}
        named = set(found.values())
        if "value" in named and named & {"key", "name"}:
            header_at, columns = number, found
            break
    if header_at is None:
        if _has_content(rows):
            first = rows[0][0].where if rows and rows[0] else shown
            where = first.rsplit("!", 1)[0] if "!" in first else shown
            problems.append(SheetProblem(where, Msg("sheet_no_header"), Msg("hint_keep_header")))
        return
    for cells in rows[header_at + 1 :]:
        row = {columns[i]: cell for i, cell in enumerate(cells) if i in columns}
        if any(not _blank(cell.value) for cell in row.values()):
            yield Row(row)


def _has_content(rows: list[list[Cell]]) -> bool:
    return any(not _blank(cell.value) for cells in rows for cell in cells)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _figure(
    plan: Plan,
    row: Row,
    replace: bool,
    year: int | None,
    today: datetime.date,
    problems: list[SheetProblem],
) -> Incoming | str | None:
    cells = row.cells
    value_cell = cells.get("value")
    if value_cell is None or _blank(value_cell.value):
        return None  # not filled in: nothing to record
    indicator = _indicator(plan, cells, problems)
    if indicator is None:
        return None
    figure_year = _year(plan, cells, year, value_cell, problems)
    value = _value(value_cell, indicator, problems)
    status_cell = cells.get("data_status")
    data_status = "final"
    if status_cell is not None and not _blank(status_cell.value):
        found = status_of(_text(status_cell))
        if found is None:
            problems.append(
                SheetProblem(
                    status_cell.where,
                    Msg("sheet_unknown_status", text=_text(status_cell)),
                    Msg("hint_sheet_status"),
                )
            )
            return None
        data_status = found
    if figure_year is None or value is None:
        return None
    source = _text(cells.get("source"))
    previous = plan.observations_of(indicator.key).get(figure_year)
    if previous is not None:
        if previous.value == value and previous.data_status == data_status and (not source or source == previous.quote):
            return "unchanged"
        if not replace:
            problems.append(
                SheetProblem(
                    value_cell.where,
                    Msg(
                        "sheet_already_recorded",
                        name=_named(indicator),
                        year=figure_year,
                        value=plain(previous.value),
                        where=previous.where,
                    ),
                    Msg("hint_sheet_replace"),
                )
            )
            return None
    # every imported figure is dated: the office sees when each department's figure came in
    fields = observation_fields(source, data_status, today.isoformat(), previous)
    if previous is not None:
        change = Change.replace(indicator.key, figure_year, plain(value), **fields)
    else:
        change = Change.add(indicator.key, figure_year, plain(value), **fields)
    return Incoming(change, indicator, previous, value_cell.where)


def _indicator(plan: Plan, cells: dict[str, Cell], problems: list[SheetProblem]) -> Indicator | None:
    key_cell = cells.get("key")
    if key_cell is not None and not _blank(key_cell.value):
        key = _text(key_cell)
        indicator = plan.indicators.get(key)
        if indicator is None:
            problems.append(SheetProblem(key_cell.where, Msg("metric_unknown", query=key), Msg("hint_keep_key_column")))
        return indicator
    name_cell = cells.get("name")
    if name_cell is None or _blank(name_cell.value):
        where = next(iter(cells.values())).where
        problems.append(SheetProblem(where, Msg("sheet_row_without_indicator"), Msg("hint_keep_row_key")))
        return None
    try:
        return find_indicator(plan, _text(name_cell))
    except UnknownIndicator as exc:
        problems.append(SheetProblem(name_cell.where, exc.message, Msg("hint_keep_row_key")))
        return None


def _year(plan: Plan, cells: dict[str, Cell], year: int | None, value_cell: Cell, problems) -> int | None:
    info = plan.info
    year_cell = cells.get("year")
    if year_cell is not None and not _blank(year_cell.value):
        text = _text(year_cell).removesuffix("年")
        if not (text.isdigit() and len(text) == 4):
            problems.append(
                SheetProblem(year_cell.where, Msg("sheet_not_a_year", text=_text(year_cell)), Msg("hint_year_like"))
            )
            return None
        found, where = int(text), year_cell.where
    elif year is not None:
        found, where = year, value_cell.where
    else:
        problems.append(SheetProblem(value_cell.where, Msg("sheet_row_without_year"), Msg("hint_sheet_year")))
        return None
    if not info.base_year <= found <= info.target_year:
        problems.append(
            SheetProblem(where, Msg("sheet_year_outside", year=found, first=info.base_year, last=info.target_year))
        )
        return None
    return found


def _value(cell: Cell, indicator: Indicator, problems: list[SheetProblem]) -> float | None:
    value = cell.value
    if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        problems.append(SheetProblem(cell.where, Msg("sheet_not_a_number", value=str(value)), Msg("hint_sheet_number")))
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        if cell.percent and indicator.is_percent:  # 82% in Excel is the number 0.82
            number *= 100
    else:
        try:
            number = parse_quantity(str(value), indicator)
        except QuantityError as exc:
            problems.append(SheetProblem(cell.where, exc.message, exc.hint))
            return None
    if number < indicator.lowest:
        problems.append(SheetProblem(cell.where, Msg("sheet_negative", name=_named(indicator), value=plain(number))))
        return None
    if number > indicator.highest:
        problems.append(
            SheetProblem(cell.where, Msg("sheet_share_over_100", name=_named(indicator), value=plain(number)))
        )
        return None
    return number
