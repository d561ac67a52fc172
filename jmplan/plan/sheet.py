"""The layout of the fill-in sheet departments send back once a year: its
columns, by the headers `jmplan template` writes and `jmplan import` reads
(in either language), and the words for a figure's status."""

from __future__ import annotations

# Column -> (Chinese header, English header), in the order the template writes them
COLUMNS = {
    "key": ("代码", "Key"),
    "name": ("指标", "Indicator"),
    "unit": ("单位", "Unit"),
    "responsible": ("责任部门", "Responsible"),
    "previous": ("上年值", "Last year"),
    "target": ("目标值", "Target"),
    "year": ("年份", "Year"),
    "value": ("本年值", "Value"),
    "data_status": ("数据状态", "Data status"),
    "source": ("数据来源", "Source"),
}
# what staff fill in; the template locks everything else
INPUT_COLUMNS = ("value", "data_status", "source")
# a figure's status -> the words for it in a sheet (the first two are the template's)
STATUS_WORDS = {
    "preliminary": ("初步核算", "preliminary", "初步", "初核", "prelim.", "prelim"),
    "final": ("最终核实", "final", "最终", "核实", "终核"),
}


def header(column: str, lang: str) -> str:
    zh, en = COLUMNS[column]
    return zh if lang == "zh" else en


def column_of(header_text: str) -> str | None:
    """The column a header names: '本年值', 'Value', '上年值 (2018)' -> 'value', ..."""
    wanted = header_text.split("(")[0].split("（")[0].strip().casefold()
    for column, names in COLUMNS.items():
        if wanted in (name.casefold() for name in names):
            return column
    return None


def status_of(word: str) -> str | None:
    """'初步核算', 'Preliminary', ... -> 'preliminary'; None for a word it is not."""
    folded = word.strip().casefold()
    for status, words in STATUS_WORDS.items():
        if folded in (w.casefold() for w in words):
            return status
    return None
