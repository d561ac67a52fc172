"""The `jmplan` command: options in, one library call, rendered output out.

Only this module imports click. Exit codes: 0 success, 1 bad data (every
problem printed as FILE:LINE: message) or a refused write, 2 bad command
line, 3 `status --check` found indicators off course, 70 a bug in jmplan.
"""

from __future__ import annotations

import datetime
import errno
import functools
import gc
import importlib
import inspect
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .i18n import LANGS, Msg, Words, default_lang, os_reason, say

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_CHECK = 3  # status --check: some indicator is behind, moving away or not achieved
EXIT_BUG = 70  # EX_SOFTWARE from sysexits.h: an internal error

FORMATS = ("table", "markdown", "csv", "json")
LAYOUTS = ("standard", "review")
METHODS = ("time", "eurostat")  # the same as jmplan.assess.METHODS, without importing it at start-up


_LANGUAGE = {"current": "en"}  # for messages printed outside a command: Click's errors, DataError


def _click_gettext(message: str) -> str:
    """Click's gettext: its own messages in the run's language."""
    if _LANGUAGE["current"] == "zh":
        from .i18n.usage import CLICK_ZH

        if message == "Error: {message}":
            return _ChineseSentence(CLICK_ZH[message])
        return CLICK_ZH.get(message, message)
    return message


class _ChineseSentence(str):
    """A template whose filled text ends with a Chinese full stop: Click ends
    some messages with '.' outside any translatable text."""

    def format(self, *args, **kwargs):
        filled = super().format(*args, **kwargs)
        return filled[:-1] + "。" if filled.endswith(".") else filled


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return _click_gettext(singular if count == 1 else plural)


def _translate_click() -> None:
    """Click's modules take `_` and `ngettext` from gettext at import; answer
    them instead, so that usage errors follow --lang like every other message.
    Done before any option is made: Click calls `_` as it makes them, and
    gettext's answer costs a search for catalogue files (and the locale
    module's import) on each call, for words that stay English."""
    for name in ("core", "exceptions", "types", "parser", "_parser", "formatting", "decorators", "termui"):
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a module of another Click version
            continue
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


_translate_click()


class PathArg(click.Path):
    """A path that may not be empty: `--data-dir ""` would otherwise mean the
    current folder, and `-o ""` a file named like it."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail(say(Msg("path_empty"), _language()), param, ctx)
        return super().convert(value, param, ctx)


class OutputArg(PathArg):
    """`-o FILE`, where `-o -` means standard output, as for most command-line
    tools (without this, `-` would be written as a file named "-")."""

    def convert(self, value, param, ctx):
        if value == "-":
            return None
        return super().convert(value, param, ctx)


def output_option(help: str, required: bool = False):
    """`--output`/`-o`, alike on every command. Where writing to standard
    output makes sense (not required), `-o -` means standard output."""
    path = (PathArg if required else OutputArg)(dir_okay=False, path_type=Path)
    return click.option("--output", "-o", required=required, type=path, help=help)


method_option = click.option(
    "--method",
    type=click.Choice(METHODS),
    default=METHODS[0],
    show_default=True,
    help="time: completion against time elapsed (method 1, as Chinese plan reviews do); "
    "eurostat: actual against required growth rate (method 2).",
)
year_option = click.option("--year", type=int, help="Use observations up to this year [default: all there are].")
REPORT_FORMATS = ("markdown", "html", "docx", "pdf")
REPORT_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def _chart_size(ctx, param, value):
    from .show.chart import DEFAULT_SIZE_CM, parse_size

    if value is None:
        return DEFAULT_SIZE_CM
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(say(exc.args[0], _language()), ctx, param) from None


chart_size_option = click.option(
    "--chart-size",
    metavar="WxH",
    callback=_chart_size,
    help="Chart width and height in centimetres [default: 16x9]; PNG charts have 300 pixels an inch.",
)


# --lang, --data-dir and --format may come before the command too (`jmplan
# --lang zh status`), as after git and kubectl. Both places share one option
# definition; each resolves the same way: given after the command, else given
# before it, else the environment variable, else the default.
def _shared(name: str, envvar: str | None = None, default=None):
    def resolve(ctx, param, value):
        if value is None and ctx.parent is not None:
            value = ctx.find_root().params.get(name)
            if value is not None:  # checked again: the choices before the command are all commands' together
                value = param.type.convert(value, param, ctx)
        if value is None and envvar and os.environ.get(envvar) is not None:
            value = param.type.convert(os.environ[envvar], param, ctx)
        if value is None and default is not None:
            value = default()
        return value

    return resolve


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    callback=_shared("lang", "JMPLAN_LANG", default_lang),
    help="Language of names, labels and messages [env JMPLAN_LANG; default: from the locale, zh_* is Chinese].",
)
data_dir_option = click.option(
    "--data-dir",
    type=PathArg(path_type=Path),
    callback=_shared("data_dir", "JMPLAN_DATA_DIR"),
    help="Plan folder to use instead of the embedded Jiangmen plan [env JMPLAN_DATA_DIR].",
)


def format_option(choices=FORMATS, default="table", help_text=None):
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(choices),
        callback=_shared("fmt", default=(lambda: default) if default else None),
        help=help_text
        or f"Output format [default: {default}]. CSV carries a UTF-8 BOM so Excel shows Chinese; JSON is for scripts.",
    )


class DataError(click.ClickException):
    """Bad data files: each problem on its own line, exit 1."""

    exit_code = EXIT_DATA

    def __init__(self, problems):
        self.problems = problems
        super().__init__("")

    def show(self, file=None):
        lang = _language()
        for problem in self.problems:
            click.echo(problem.render(lang), err=True)
        count = len(self.problems)
        click.echo(say(Msg("data_problems", count=count, plural="s" if count != 1 else ""), lang), err=True)


def common_options(command):
    """The options every command takes, in one place so they stay alike."""

    @format_option()
    @lang_option
    @data_dir_option
    @output_option("Write to this file instead of standard output (`-o -`: standard output).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


class _HelpInLanguage:
    """A command whose --help follows the run's language: in Chinese, the
    help texts are looked up in jmplan/i18n/help_zh.py while the help is
    written, then put back, so the next run in English finds them as they
    were. Click makes its own --help option once, in the language of the
    first help of the process: its words are put in this run's language."""

    def get_help(self, ctx: click.Context) -> str:
        from .i18n.help_zh import click_english, help_zh, short_help_zh

        zh = _language() == "zh"
        swapped: list[tuple[object, str, str | None]] = []

        def swap(thing: object, attribute: str) -> None:
            written = getattr(thing, attribute, None)
            if written:
                swapped.append((thing, attribute, written))
                english = click_english(inspect.cleandoc(written))
                setattr(thing, attribute, help_zh(english) if zh else english)

        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            swap(param, "help")
        if zh:
            swap(self, "help")
            swap(self, "epilog")
            for command in getattr(self, "commands", {}).values():  # a group lists each command's first phrase
                if command.help and not command.short_help:
                    swapped.append((command, "short_help", None))
                    command.short_help = short_help_zh(help_zh(inspect.cleandoc(command.help)))
        try:
            return super().get_help(ctx)  # type: ignore[misc]
        finally:
            for thing, attribute, written in reversed(swapped):
                setattr(thing, attribute, written)


class _ColumnsFormatter(click.HelpFormatter):
    """Click wraps help text counting characters, and a Chinese character
    takes two columns of a terminal: in Chinese, help is laid out by the
    columns it takes (show.render.wrap), paragraphs kept."""

    def _paragraphs(self, text: str, width: int) -> list[str]:
        from .show.render import wrap

        lines: list[str] = []
        for paragraph in text.split("\n\n"):
            if lines:
                lines.append("")
            lines += wrap(" ".join(paragraph.split()), max(width, 10))
        return lines

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # Click puts a space after "Usage:"; a full-width colon has its own
        super().write_usage(prog, args, prefix=_click_gettext("Usage:") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        lines = self._paragraphs(text, self.width - self.current_indent)
        self.write("".join(f"{indent}{line}\n" if line else "\n" for line in lines))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        term = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (self.current_indent + term)
        for first, second in rows:
            self.write(" " * self.current_indent + first)
            lines = self._paragraphs(second, self.width - self.current_indent - term) if second else []
            if not lines:
                self.write("\n")
                continue
            # a term wider than its column puts its text on the next line
            self.write(" " * (term - len(first)) if len(first) <= term - col_spacing else "\n" + margin)
            self.write(lines[0] + "\n" + "".join(f"{margin}{line}\n" if line else "\n" for line in lines[1:]))


class _Context(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        if _language() == "zh":
            return _ColumnsFormatter(width=self.terminal_width, max_width=self.max_content_width)
        return super().make_formatter()


class _Command(_HelpInLanguage, click.Command):
    context_class = _Context


class Jmplan(_HelpInLanguage, click.Group):
    """The command group; knows the language before Click parses anything,
    so that Click's own usage errors, and --help, can be in it too."""

    command_class = _Command
    context_class = _Context

    def main(self, args=None, *rest, **kwargs):
        _LANGUAGE["current"] = _language_in(sys.argv[1:] if args is None else list(args))
        return super().main(args, *rest, **kwargs)


def _say(key: str, **values) -> str:
    """Message `key` of the catalogue, in the language of this run."""
    return say(Msg(key, **values), _language())


def _language() -> str:
    """The language messages are printed in, for this run."""
    return _LANGUAGE["current"]


def _language_in(args: list[str]) -> str:
    """The language a command line asks for: its last --lang (the one after
    the command wins over one before it), else JMPLAN_LANG, else the locale."""
    chosen = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args):
            chosen = args[n + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in LANGS else default_lang()


@click.group(
    cls=Jmplan,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n  jmplan status\n\n  jmplan gap --metric ecommerce --lang en\n\n"
    "  jmplan status --format csv -o status.csv",
)
@click.version_option(__version__, prog_name="jmplan")
@click.option("--debug", is_flag=True, envvar="JMPLAN_DEBUG", help="Show the full traceback of an internal error.")
@data_dir_option
@lang_option
@format_option(FORMATS + ("html",), default=None, help_text="Output format, for the command that follows.")
@click.pass_context
def cli(ctx, debug, data_dir, lang, fmt):
    """Where each indicator of a five-year plan stands, how far it is from its
    target, and what growth per year would close the gap.

    --data-dir, --lang and --format may also come before the command; given
    in both places, the one after the command wins."""
    ctx.obj = {"debug": debug}
    command = cli.commands.get(ctx.invoked_subcommand or "")
    if command is None:
        return
    takes = {p.name for p in command.params}
    for name, option in (("data_dir", "--data-dir"), ("fmt", "--format")):
        if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE and name not in takes:
            raise click.UsageError(say(Msg("option_not_taken", option=option, command=command.name), lang))


_freezing = False  # set by main() for the length of one command


def _load(data_dir):
    from .plan.loader import collector_paused, read_plan

    with collector_paused():
        plan, problems = read_plan(data_dir)
        if problems:
            raise DataError(problems)
        _freeze()
    return plan


def _freeze() -> None:
    """Put what is loaded out of the collector's sight, before it runs again.

    A loaded plan holds no reference cycles: frozen, it is never rescanned
    while the command computes, while the collector still frees what does
    hold cycles later, such as a report's charts. Frozen while the collector
    is still paused: the first collection after loading would otherwise scan
    every object loading made (a tenth of a second at 10,000 indicators,
    once per plan for `compare`). Only in a run of `main`, which thaws them
    when the command ends; the library leaves the collector alone.

    The collector is on from here: `jmplan` starts without it (see
    __main__.run), and loading the plan ends the start-up."""
    if _freezing:
        gc.freeze()
        gc.enable()


def _assess_one(data_dir, metric, year):
    """The plan and the assessment of the indicator `--metric` names."""
    from .measure.assess import assess_indicator
    from .plan.lookup import UnknownIndicator, find_indicator

    plan = _load(data_dir)
    _check_year(plan, year)
    try:
        indicator = find_indicator(plan, metric)
    except UnknownIndicator as exc:
        raise _unknown_metric(exc, "'--metric'") from None
    return plan, assess_indicator(plan, indicator, year)


def _check_year(plan, year):
    info = plan.info
    if year is not None and not info.base_year <= year <= info.target_year:
        raise click.BadParameter(
            _say("year_outside_cli", year=year, first=info.base_year, last=info.target_year), param_hint="'--year'"
        )


def _emit(text: str | Iterator[str], fmt: str, output: Path | None):
    """Print, or write the file whole: a temporary file renamed into place,
    so an interrupted run never leaves half a report behind. `text` may come
    in pieces (JSON does), written as they come rather than held whole."""
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    if isinstance(text, str):
        data: bytes | Iterator[bytes] = text.encode(encoding)
    else:
        data = (piece.encode(encoding) for piece in text)
    if output is None:
        # bytes, so that CSV gets its BOM and the encoding does not depend on the locale
        for piece in [data] if isinstance(data, bytes) else data:
            _to_stdout(piece)
        return
    from .write.atomic import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise click.ClickException(_say("cannot_write", path=output, error=os_reason(exc))) from None


def _to_stdout(data: bytes) -> None:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise click.ClickException(_say("stdout_closed"))
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk or /dev/full, a closed descriptor
        raise click.ClickException(_say("stdout_cannot_write", error=os_reason(exc))) from None


def _render(blocks, table_for_csv, data, fmt, output=None, wide=False):
    from .show import render

    if fmt == "json":
        return render.json_chunks(data())
    if fmt == "csv":
        return render.to_csv(table_for_csv())
    if fmt == "markdown":
        return render.to_markdown(blocks())
    return render.to_text(blocks(), width=None if wide else _terminal_width(output))


def _terminal_width(output) -> int | None:
    """The columns text output must fit: COLUMNS if set, else the terminal's
    width when standard output is one; None (no limit) for a file or a pipe,
    which keep whole lines for whatever reads them."""
    if output is not None:
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


@cli.command(
    epilog="Examples:\n\n  jmplan status\n\n  jmplan status --year 2018 --lang en\n\n"
    "  jmplan status --format json > status.json\n\n"
    "  jmplan status --check --data-dir my-plan || notify-someone"
)
@year_option
@method_option
@click.option(
    "--check",
    is_flag=True,
    help="Exit with code 3 when any indicator is behind, moving away or not achieved (for scheduled jobs).",
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="standard",
    show_default=True,
    help="review: the standard completion table (主要指标完成情况表), binding indicators first.",
)
@click.option(
    "--responsible", metavar="TEXT", help="Only the indicators whose responsible department (责任部门) contains TEXT."
)
@click.option(
    "--wide", is_flag=True, help="Every column, however wide the terminal (a narrow one shows the main columns)."
)
@common_options
def status(year, method, check, layout, responsible, wide, fmt, lang, data_dir, output):
    """A row per indicator: baseline, latest value, target, gap, growth still
    needed per year, progress against time, and status.

    With -o FILE.xlsx the table (raw numbers, as in CSV) is written as an
    Excel workbook (needs the office extra: pip install 'jmplan[office]')."""
    from .plan.loader import collector_paused

    plan = _load(data_dir)
    _check_year(plan, year)
    # The collector stays paused for the rest of the command (loading turns
    # it on, see _freeze): the assessment makes about ten objects per
    # indicator and no reference cycles, and the collector's rescans of them
    # as they pile up cost a tenth of assess_plan's time at 10,000
    # indicators. No charts are drawn here, so nothing with cycles waits to be freed.
    with collector_paused():
        _status(plan, year, method, check, layout, responsible, wide, fmt, lang, output)


def _status(plan, year, method, check, layout, responsible, wide, fmt, lang, output):
    from .measure.assess import assess_plan

    result = _only_responsible(assess_plan(plan, year), responsible)
    review = layout == "review"

    def data():
        from .show.export import status_dict

        return status_dict(result, method, lang, stream=True)

    def blocks():
        from .show.views import review_blocks, status_blocks

        if review:
            return review_blocks(result, lang, method)
        return status_blocks(result, lang, method, width=None if wide else _terminal_width(output))

    def table():
        from .show.views import review_csv, status_csv

        return (review_csv if review else status_csv)(result, lang, method)

    if output is not None and output.suffix.lower() == ".xlsx":
        _write_status_workbook(result, lang, method, review, fmt, output)
    else:
        _emit(_render(blocks, table, data, fmt, output, wide), fmt, output)
    if check:
        off = [row.key for row in result.rows if row.is_off_course(method)]
        if off:
            plural = len(off) != 1
            click.echo(
                _say("off_course", count=len(off), plural="s are" if plural else " is", keys=Words(off)), err=True
            )
            sys.exit(EXIT_CHECK)


def _only_responsible(result, responsible: str | None):
    """The assessment narrowed to one department's indicators (`--responsible`)."""
    if responsible is None:
        return result
    from .plan.lookup import departments, responsible_for

    chosen = responsible_for(result.plan, responsible)
    if not chosen:
        named = departments(result.plan)
        known = _say("departments", names=Words(named)) if named else _say("no_departments")
        raise click.BadParameter(
            _say("no_responsibility", responsible=responsible, known=known), param_hint="'--responsible'"
        )
    return result.only(ind.key for ind in chosen)


def _write_status_workbook(result, lang, method, review, fmt, output):
    if fmt != "table":
        raise click.UsageError(_say("xlsx_format_conflict", fmt=fmt, name=output.name))
    from .show.render import Table
    from .show.review import review_raw
    from .show.views import status_csv
    from .show.workbook import OfficeUnavailable, table_workbook
    from .write.atomic import write_atomic

    kinds = None
    if review:
        headers, kinds, rows = review_raw(result, lang, method)
        table = Table(headers, rows)
    else:
        table = status_csv(result, lang, method)
    try:
        data = table_workbook(table, title=output.stem, kinds=kinds)
    except OfficeUnavailable as exc:
        raise click.ClickException(say(exc.args[0], _language())) from None
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise click.ClickException(_say("cannot_write", path=output, error=os_reason(exc))) from None


@cli.command(
    epilog="Examples:\n\n  jmplan gap --metric ecommerce\n\n  jmplan gap --metric 电子商务 --lang zh\n\n"
    "  jmplan gap --metric ecommerce --format json"
)
@click.option(
    "--metric",
    "-m",
    required=True,
    metavar="KEY",
    help="Indicator: its key, Chinese or English name, or an unambiguous beginning of one.",
)
@year_option
@common_options
def gap(metric, year, fmt, lang, data_dir, output):
    """One indicator in full: both ends, the gap, the required growth and
    change per year, and the required trajectory year by year."""
    _plan, row = _assess_one(data_dir, metric, year)

    def data():
        from .show.export import metric_dict

        return metric_dict(row, detail=True, lang=lang)

    def blocks():
        from .show.views import gap_blocks

        return gap_blocks(row, lang)

    def table():
        from .show.views import year_table

        return year_table(row, lang, raw=True)

    _emit(_render(blocks, table, data, fmt, output), fmt, output)


@cli.command(epilog="Examples:\n\n  jmplan metrics\n\n  jmplan metrics --format csv -o metrics.csv")
@click.option(
    "--wide", is_flag=True, help="Every column, however wide the terminal (a narrow one shows the main columns)."
)
@common_options
def metrics(wide, fmt, lang, data_dir, output):
    """Every indicator: key, names, unit, growth model, and what is known."""
    plan = _load(data_dir)

    def data():
        from .show.export import metrics_dict

        return metrics_dict(plan, lang)

    def blocks():
        from .show.views import metrics_blocks

        return metrics_blocks(plan, lang, width=None if wide else _terminal_width(output))

    def table():
        from .show.views import metrics_table

        return metrics_table(plan, lang, raw=True)

    _emit(_render(blocks, table, data, fmt, output, wide), fmt, output)


@cli.command(
    epilog="Examples:\n\n  jmplan report --year 2018 -o report.html\n\n"
    "  jmplan report --year 2018 --lang en --format markdown -o report.md\n\n"
    "  jmplan report --year 2018 --lang zh -o 2018年度报告.docx\n\n"
    "  jmplan report --year 2018 -o report.pdf --chart-size 15x8"
)
@year_option
@method_option
@format_option(
    REPORT_FORMATS,
    default=None,
    help_text="Report format [default: from the -o FILE's extension (.html, .docx, .pdf), else markdown].",
)
@lang_option
@data_dir_option
@output_option(
    "Write the report to this file (`-o -`: standard output). Markdown charts go into FILE_charts/ beside it."
)
@click.option(
    "--compare",
    "compare_with",
    multiple=True,
    type=PathArg(path_type=Path),
    metavar="DIR",
    help="Add a section comparing the plan with the plan in DIR (repeat for several).",
)
@chart_size_option
@click.option(
    "--responsible",
    metavar="TEXT",
    help="A department's own report: only the indicators whose responsible department contains TEXT.",
)
def report(year, method, fmt, lang, data_dir, output, compare_with, chart_size, responsible):
    """The year's progress report: counts by status, every indicator, a
    paragraph and a chart for each indicator with data, the goals and tasks,
    the sources and the method."""
    from .measure.assess import assess_plan
    from .show.render import Chart, to_html, to_markdown
    from .show.report import report_blocks, report_title

    suffix = output.suffix.lower() if output is not None else ""
    implied = REPORT_SUFFIXES.get(suffix)
    if fmt is None:
        fmt = implied or "markdown"
    elif implied is not None and implied != fmt:
        ending = next(s for s, f in REPORT_SUFFIXES.items() if f == fmt)
        raise click.UsageError(_say("report_format_conflict", fmt=fmt, name=output.name, suffix=ending))
    plan = _load(data_dir)
    _check_year(plan, year)
    result = _only_responsible(assess_plan(plan, year), responsible)
    comparison = None
    if compare_with:
        from .measure.compare import compare_plans

        comparison = compare_plans([plan, *_load_many(compare_with)], year, method)
    # Markdown on standard output has nowhere to put chart files
    want_charts = fmt != "markdown" or output is not None
    blocks, notes = report_blocks(
        result,
        lang,
        method,
        charts=want_charts,
        version=__version__,
        comparison=comparison,
        chart_format="png" if fmt == "docx" else "svg",
        chart_size=chart_size,
        progress=_progress_line("report") if want_charts and len(result.rows) >= PROGRESS_FROM else None,
    )
    if comparison is not None:
        from .show.compare_view import notice_text

        notes.extend(notice_text(n, comparison, lang) for n in comparison.notices)
    if fmt == "markdown":
        if any(isinstance(b, Chart) for b in blocks):
            blocks = _chart_files(blocks, output)
        elif not want_charts:
            notes.append(Msg("charts_need_output"))
        _emit(to_markdown(blocks), fmt, output)
    elif fmt == "html":
        _emit(to_html(blocks, report_title(result, lang), lang), fmt, output)
    else:
        _write_bytes(_office_report(blocks, report_title(result, lang), lang, fmt, chart_size), output)
    for note in dict.fromkeys(notes):
        click.echo(_say("note", text=note), err=True)


def _chart_files(blocks: list, report_file: Path) -> list:
    """The report layer writes the Markdown report's chart files, with the atomic writer."""
    from .show.chart_files import chart_folder, write_chart_files
    from .write.atomic import write_atomic

    folder = chart_folder(report_file)
    try:
        return write_chart_files(blocks, folder, write_atomic)
    except OSError as exc:
        raise click.ClickException(_say("cannot_write_charts", path=folder, error=os_reason(exc))) from None


def _office_report(blocks, title: str, lang: str, fmt: str, chart_size) -> bytes:
    """The report as a Word document or a PDF, or a clear error when the extra is missing."""
    from .show.pdf import PdfUnavailable, html_to_pdf
    from .show.render import to_html
    from .show.word import to_docx
    from .show.workbook import OfficeUnavailable

    try:
        if fmt == "docx":
            return to_docx(blocks, title, lang, chart_width_cm=chart_size[0])
        return html_to_pdf(to_html(blocks, title, lang))
    except (OfficeUnavailable, PdfUnavailable) as exc:
        raise click.ClickException(say(exc.args[0], _language())) from None


def _write_bytes(data: bytes, output: Path | None) -> None:
    """Binary output, to the file whole or to standard output."""
    if output is None:
        _to_stdout(data)
        return
    from .write.atomic import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise click.ClickException(_say("cannot_write", path=output, error=os_reason(exc))) from None


PROGRESS_FROM = 50  # indicators: below this a report takes a few seconds, and says nothing along the way


def _progress_line(what: str):
    """A progress callback (done, total) writing to stderr: one line updated
    in place on a terminal, else a line at each tenth (a log stays short)."""
    terminal = sys.stderr is not None and sys.stderr.isatty()
    shown = {"tenth": -1}

    def progress(done: int, total: int) -> None:
        if sys.stderr is None or total == 0:
            return
        if terminal:
            if done == total or done % 10 == 0:
                end = "\n" if done == total else ""
                click.echo("\r" + _say("progress", what=what, done=done, total=total), err=True, nl=False)
                click.echo(end, err=True, nl=False)
            return
        tenth = done * 10 // total
        if tenth > shown["tenth"]:
            shown["tenth"] = tenth
            click.echo(_say("progress", what=what, done=done, total=total), err=True)

    return progress


@cli.command(
    epilog="Examples:\n\n  jmplan chart --metric ecommerce -o ecommerce.svg\n\n"
    "  jmplan chart --metric 光纤入户率 --lang zh -o fibre.png"
)
@click.option("--metric", "-m", required=True, metavar="KEY", help="Indicator: key, name, or its beginning.")
@year_option
@lang_option
@data_dir_option
@output_option("The image file to write: .svg or .png.", required=True)
@chart_size_option
def chart(metric, year, lang, data_dir, output, chart_size):
    """Draw one indicator: baseline, required trajectory, actual values,
    projection and target (a PNG needs the charts extra: pip install 'jmplan[charts]')."""
    from .show.chart import ChartsUnavailable, chartable, draw

    image_format = output.suffix.lower().lstrip(".")
    if image_format not in ("svg", "png"):
        raise click.BadParameter(_say("chart_suffix", name=output.name), param_hint="'--output'")
    _plan, row = _assess_one(data_dir, metric, year)
    if not chartable(row):
        raise click.ClickException(_say("nothing_to_draw", name=row.indicator.name(lang)))
    try:
        image, note = draw(row, lang, image_format, chart_size)
    except ChartsUnavailable as exc:
        raise click.ClickException(say(exc.args[0], _language())) from None
    from .write.atomic import write_atomic

    try:
        write_atomic(output, image)
    except OSError as exc:
        raise click.ClickException(_say("cannot_write", path=output, error=os_reason(exc))) from None
    if note:
        click.echo(_say("note", text=note), err=True)


@cli.command(
    epilog="Examples:\n\n  jmplan record ecommerce 2016 850 --data-dir jiangmen\n\n"
    '  jmplan record fibre_length 2017 7.9万 --source "2017年统计公报"\n\n'
    "  jmplan record fibre_to_home 2018 82% --replace\n\n"
    "  jmplan record fibre_to_home 2018 --remove",
    # so that a VALUE of -5 reaches the value check instead of being taken for an option
    context_settings={"ignore_unknown_options": True},
)
@click.argument("metric", metavar="KEY")
@click.argument("year", type=int)
@click.argument("value", required=False)
@click.option("--source", help="Where the figure comes from (a statistical bulletin, a report).")
@click.option("--note", help="Anything a reader of the figure should know.")
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite an observation already recorded for that year (the old one is kept in its history; "
    "its source and note stay unless new ones are given).",
)
@click.option("--remove", is_flag=True, help="Remove the observation of KEY in YEAR (give no VALUE).")
@click.option(
    "--force",
    is_flag=True,
    help="Record a value even though it looks like a slip: 10 times or more away from the level before it, "
    "or shrunk by a unit smaller than the indicator's (850万元 on 亿元).",
)
@click.option(
    "--status",
    "data_status",
    type=click.Choice(("preliminary", "final")),
    help="How far the figure is checked: preliminary (初步核算) or final (最终核实, the default).",
)
@click.option(
    "--recorded",
    metavar="YYYY-MM-DD",
    callback=lambda ctx, param, value: _iso_date(value, param),
    help="The date the figure was recorded [default for a replacement: today].",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another jmplan writing to the same plan folder, then give up.",
)
@data_dir_option
@lang_option
def record(metric, year, value, source, note, replace, remove, force, data_status, recorded, wait, data_dir, lang):
    """Record the observed VALUE of indicator KEY in YEAR, in the plan's actuals.yaml.

    VALUE is read as typed: 850, 1,700, 7.76万, 850亿元, 82%, full-width digits.
    The file keeps its comments and layout, and is replaced in one step.
    """
    from .plan.lookup import UnknownIndicator
    from .plan.problems import PlanError
    from .write.record import RecordError, record_observation, remove_observation

    if data_dir is None:
        raise click.UsageError(_say("record_needs_data_dir"))
    if remove and value is not None:
        raise click.UsageError(_say("remove_takes_no_value"))
    if not remove and value is None:
        raise click.UsageError(_say("value_missing"))
    on_wait = lambda message: click.echo(_say("waiting", text=message), err=True)  # noqa: E731
    try:
        if remove:
            done = remove_observation(data_dir, metric, year, wait=wait, on_wait=on_wait)
        else:
            done = record_observation(
                data_dir,
                metric,
                year,
                value,
                source=source,
                replace=replace,
                wait=wait,
                on_wait=on_wait,
                data_status=data_status,
                recorded=recorded,
                note=note,
                force=force,
            )
    except PlanError as exc:
        raise DataError(exc.problems) from None
    except UnknownIndicator as exc:
        raise _unknown_metric(exc, "'KEY'") from None
    except RecordError as exc:
        message = say(exc.message, lang) + ("\n  " + _say("hint", hint=exc.hint) if exc.hint else "")
        if exc.param:
            hint = exc.param if exc.param.startswith("--") else exc.param.upper()
            raise click.BadParameter(message, param_hint=f"'{hint}'") from None
        raise click.ClickException(message + "\n" + _say("nothing_written")) from None
    click.echo(_recorded_lines(done, lang, remove))


def _recorded_lines(done, lang: str, removed: bool) -> str:
    """What record did, by the indicator's name: the value recorded, or the
    one replaced (kept in the history, with the source and note it kept), or
    the one removed."""
    from .show import fmt

    ind = done.indicator

    def shown(value: float) -> str:  # a yearly change is in %, whatever the indicator's unit
        if ind.observed_as == "annual_change_percent":
            return fmt.percent(value / 100, sign=True)
        return fmt.quantity(value, ind, lang)

    where = {"name": ind.name(lang), "year": done.year, "path": done.path}
    old = None
    if done.previous is not None:
        old = shown(done.previous.change_percent if done.previous.change_percent is not None else done.previous.value)
    if removed:
        return say(Msg("removed", value=old, **where), lang)
    new = shown(done.value)
    if old is not None:
        kept = "replaced_in_history" if done.previous.quote else "replaced_in_history_plain"
        lines = [Msg("replaced", old=old, new=new, **where), Msg(kept, old=old)]
        if done.kept_source:
            lines.append(Msg("kept_source", source=done.kept_source))
        if done.kept_note:
            lines.append(Msg("kept_note", note=done.kept_note))
    else:
        lines = [Msg("recorded", value=new, **where)]
    return "\n  ".join(say(line, lang) for line in lines)


@cli.command(
    epilog="Examples:\n\n  jmplan compare data examples/hunan-broadband-2014\n\n"
    "  jmplan compare examples --lang en\n\n"
    "  jmplan compare data examples/* --metric broadband_penetration --format json"
)
@click.argument("folders", nargs=-1, required=True, type=PathArg(path_type=Path), metavar="DIR [DIR ...]")
@click.option(
    "--metric",
    "-m",
    metavar="KEY",
    help="One shared indicator (its compare key, a plan's own key or name, or a beginning), "
    "with every plan's values and required path year by year.",
)
@click.option(
    "--year",
    type=int,
    help="Use observations up to this year and rank on this year's values; "
    "plans whose years do not include it show no value [default: the latest].",
)
@method_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format. CSV carries a UTF-8 BOM so Excel shows Chinese; JSON is for scripts.",
)
@lang_option
@output_option("Write to this file instead of standard output (`-o -`: standard output).")
def compare(folders, metric, year, method, fmt, lang, output):
    """Compare plans side by side: for every indicator two or more of them
    share, each plan's baseline, latest value, target, growth needed, status
    and rank. DIR is a plan folder; a single DIR may instead hold plan folders.
    A plan and its successor (same region, one's target year the other's base
    year) are checked against each other."""
    from .plan.loader import collector_paused

    plans = _load_many(_plan_folders(folders))
    if year is not None and not any(p.info.base_year <= year <= p.info.target_year for p in plans):
        first = min(p.info.base_year for p in plans)
        last = max(p.info.target_year for p in plans)
        raise click.BadParameter(
            _say("year_outside_every_plan", year=year, first=first, last=last), param_hint="'--year'"
        )
    # The collector stays paused after the plans are loaded too (loading
    # turns it on: _freeze): comparing and rendering make hundreds of
    # thousands of objects (assessments, rows, the JSON's dicts) and no
    # reference cycles, and its rescans of them cost a tenth of the time over
    # 300 plans. No charts are drawn here, so nothing with cycles waits to be freed.
    with collector_paused():
        _compare(plans, metric, year, method, fmt, lang, output)


def _compare(plans, metric, year, method, fmt, lang, output):
    from .measure.compare import compare_plans

    comparison = compare_plans(plans, year, method)
    if metric is not None:
        comparison = _narrow(comparison, metric)

    def data():
        from .show.export import compare_dict

        return compare_dict(comparison, detail=metric is not None)

    def blocks():
        from .show.compare_view import compare_blocks

        return compare_blocks(comparison, lang, detail=metric is not None)

    def table():
        from .show.compare_view import compare_csv, trajectory_table

        if metric is not None and comparison.metrics:
            return trajectory_table(comparison.metrics[0], comparison, lang, raw=True)
        return compare_csv(comparison, lang)

    _emit(_render(blocks, table, data, fmt, output), fmt, output)
    if comparison.notices:
        from .show.compare_view import notice_text

        for notice in comparison.notices:
            click.echo(_say("warning", text=notice_text(notice, comparison, lang)), err=True)


def _plan_folders(folders) -> list[Path]:
    """The plan folders to compare: those given, or the sub-folders holding a
    plan.yaml of a single folder that holds none itself."""
    from .plan.loader import PLAN_FILE

    resolved = [p.resolve() for p in folders]
    for i, path in enumerate(resolved):
        if path in resolved[:i]:
            raise click.BadParameter(_say("given_twice", folder=folders[i]), param_hint="'DIR'")
    if len(folders) == 1 and not folders[0].exists():
        raise click.BadParameter(_say("compare_folder_missing", folder=folders[0]), param_hint="'DIR'")
    if len(folders) == 1 and folders[0].is_dir() and not (folders[0] / PLAN_FILE).exists():
        found = sorted(p for p in folders[0].iterdir() if p.is_dir() and (p / PLAN_FILE).is_file())
        if not found:
            raise click.BadParameter(_say("no_plan_folders", folder=folders[0]), param_hint="'DIR'")
        folders = found
    if len(folders) < 2:
        raise click.UsageError(_say("compare_needs_two"))
    return list(folders)


def _load_many(folders):
    """Every plan, or every problem of every plan (exit 1)."""
    from .plan.loader import collector_paused
    from .plan.many import read_plans

    plans, problems = [], []
    with collector_paused():  # one pause for all: see _freeze
        for plan, found in read_plans(folders):
            problems.extend(found)
            if plan is not None:
                plans.append(plan)
        if problems:
            raise DataError(problems)
        _freeze()
    return plans


def _narrow(comparison, query):
    """The comparison of the one indicator `--metric` names."""
    from .measure.compare import UnknownMetric, find_metric

    try:
        return find_metric(comparison, query)
    except UnknownMetric as exc:
        shared = Words(m.key for m in comparison.metrics) or Msg("none_shared")
        if exc.candidates:
            candidates = Words(exc.candidates)
            message = _say("metric_not_shared_close", problem=exc.message, candidates=candidates, shared=shared)
        else:
            message = _say("metric_not_shared", problem=exc.message, shared=shared)
        raise click.BadParameter(message, param_hint="'--metric'") from None


@cli.command(
    epilog="Examples:\n\n  jmplan template --year 2019 -o 2019年填报表.xlsx --lang zh\n\n"
    "  jmplan template --year 2019 --by-department -o 2019.xlsx\n\n"
    "  jmplan template --year 2019 -o 2019.csv"
)
@click.option("--year", type=int, required=True, help="The year whose figures the sheet collects.")
@click.option(
    "--by-department",
    is_flag=True,
    help="One sheet per responsible department (责任部门), for an .xlsx file.",
)
@lang_option
@data_dir_option
@output_option("The sheet to write: .xlsx (a workbook, the office extra) or .csv.", required=True)
def template(year, by_department, lang, data_dir, output):
    """A fill-in sheet for the year's figures: one row per indicator with its
    key, name, unit, responsible department, last year's value and target,
    and empty cells for the value, the status of the figure (初步核算 or
    最终核实) and its source. Departments fill it in; `jmplan import` reads it.
    In a workbook only those cells can be edited (the sheet is protected,
    without a password)."""
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise click.BadParameter(_say("template_suffix", name=output.name), param_hint="'--output'")
    if by_department and suffix != ".xlsx":
        raise click.UsageError(_say("by_department_needs_xlsx"))
    plan = _load(data_dir)
    _check_year(plan, year)
    from .show.template import template_csv, template_xlsx
    from .show.workbook import OfficeUnavailable

    try:
        data = (
            template_xlsx(plan, year, lang, split=by_department)
            if suffix == ".xlsx"
            else template_csv(plan, year, lang)
        )
    except OfficeUnavailable as exc:
        raise click.ClickException(say(exc.args[0], _language())) from None
    _write_bytes(data, output)
    count = len(plan.indicators)
    click.echo(say(Msg("template_written", path=output, year=year, count=count), lang))


@cli.command(
    "import",
    epilog="Examples:\n\n  jmplan import 工信局.xlsx 商务局.xlsx --data-dir jiangmen --dry-run\n\n"
    "  jmplan import 2019.csv --data-dir jiangmen\n\n"
    "  jmplan import 2019-final.xlsx --replace --data-dir jiangmen",
)
@click.argument("files", nargs=-1, required=True, type=PathArg(dir_okay=False, path_type=Path), metavar="FILE...")
@click.option("--dry-run", is_flag=True, help="Check everything and show what would be recorded; write nothing.")
@click.option(
    "--replace", is_flag=True, help="Overwrite figures already recorded (each keeps the old one in its history)."
)
@click.option("--year", type=int, help="The year of rows whose 年份/Year cell is empty.")
@data_dir_option
@lang_option
def import_(files, dry_run, replace, year, data_dir, lang):
    """Record the figures of filled-in sheets (.xlsx or .csv, as `jmplan
    template` writes them; several at once). Values are read as staff type
    them (850, 7.9万, 850亿元, 82%). Every file is checked first and every
    problem reported as FILE:SHEET!CELL; then all values are written in one
    step, or none."""
    from .plan.problems import PlanError
    from .write.importer import SheetUnavailable, collect
    from .write.record import RecordError, apply_changes

    if data_dir is None:
        raise click.UsageError(_say("import_needs_data_dir"))
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise click.BadParameter(_say("no_such_file", path=missing[0]), param_hint="'FILE'")
    plan = _load(data_dir)
    if year is not None:
        _check_year(plan, year)
    from .plan.problems import display_path

    try:
        found = collect(plan, list(files), [display_path(f) for f in files], replace=replace, year=year)
    except SheetUnavailable as exc:
        raise click.ClickException(say(exc.args[0], lang)) from None
    if found.problems:
        for problem in found.problems:
            click.echo(problem.render(lang), err=True)
        count = len(found.problems)
        click.echo(say(Msg("sheet_problems", count=count, plural="s" if count != 1 else ""), lang), err=True)
        sys.exit(EXIT_DATA)
    _show_incoming(found, plan, lang, dry_run)
    if dry_run or not found.incoming:
        return
    try:
        done = apply_changes(data_dir, [item.change for item in found.incoming])
    except PlanError as exc:
        raise DataError(exc.problems) from None
    except RecordError as exc:
        message = say(exc.message, lang) + ("\n  " + _say("hint", hint=exc.hint) if exc.hint else "")
        raise click.ClickException(message + "\n" + say(Msg("nothing_written"), lang)) from None
    count = len(done.applied)
    click.echo(say(Msg("imported", count=count, plural="s" if count != 1 else "", path=done.path), lang))


def _show_incoming(found, plan, lang: str, dry_run: bool) -> None:
    """What the import records (or would record), one line per figure."""
    from .show import fmt

    for item in found.incoming:
        ind, change = item.indicator, item.change
        new = fmt.quantity(change.value or 0.0, ind, lang)
        if change.fields.get("data_status") == "preliminary":
            new = say(Msg("preliminary_value", value=new), lang)
        name = ind.name(lang)
        if item.previous is not None:
            old = fmt.quantity(item.previous.value, ind, lang)
            line = Msg("incoming_replaced", name=name, year=change.year, old=old, new=new)
        else:
            line = Msg("incoming", name=name, year=change.year, new=new)
        click.echo("  " + say(line, lang))
    if found.unchanged:
        click.echo("  " + say(Msg("unchanged_figures", count=found.unchanged), lang))
    if dry_run:
        click.echo(say(Msg("dry_run", count=len(found.incoming)), lang))
    elif not found.incoming:
        click.echo(say(Msg("nothing_to_import"), lang))


@cli.command(epilog="Example:\n\n  jmplan init jiangmen && jmplan record ecommerce 2016 850 --data-dir jiangmen")
@click.argument("folder", type=PathArg(path_type=Path))
@lang_option
def init(folder, lang):
    """Copy the embedded Jiangmen plan into FOLDER, to record observations in
    it or to adapt it into another plan."""
    import shutil

    from .plan.loader import default_data_dir

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise click.UsageError(_say("folder_exists", folder=folder))
    try:
        shutil.copytree(default_data_dir(), folder, dirs_exist_ok=True)
    except OSError as exc:
        raise click.ClickException(_say("cannot_create", path=folder, error=os_reason(exc))) from None
    click.echo(say(Msg("created", folder=folder), lang))


def _iso_date(value: str | None, param) -> str | None:
    """A YYYY-MM-DD date, checked to exist."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(_say("not_a_date", value=value), param=param) from None


def _unknown_metric(exc, param_hint: str) -> click.BadParameter:
    if exc.candidates:
        message = _say("unknown_metric_close", problem=exc.message, candidates=Words(exc.candidates))
    else:
        message = _say("unknown_metric", problem=exc.message)
    return click.BadParameter(message, param_hint=param_hint)


def main(argv=None):
    """Entry point: runs the CLI and turns an unexpected exception into one
    line that says it is a bug, unless --debug or JMPLAN_DEBUG asks for more."""
    args = sys.argv[1:] if argv is None else argv
    # The cyclic garbage collector runs as usual once the plan is loaded:
    # it is paused while a plan loads (plan.loader), where it pays, and the
    # `jmplan` command pauses it for its start-up too (__main__.run). Paused
    # for a whole command it would never free what does hold cycles, such as
    # a report's charts (matplotlib figures: about 1 MB each, kept until the
    # process ends). The loaded plan is frozen out of its sight (see _load).
    global _freezing
    _freezing = True
    collecting = gc.isenabled()
    try:
        cli.main(args=args, prog_name="jmplan", standalone_mode=True)
    except SystemExit:
        raise
    except BrokenPipeError:
        # the reader went away (`jmplan status | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        if exc.errno not in _STREAM_ERRORS:
            _internal_error(exc, args)
        # a message printed on a full or closed standard output (record's "Recorded ...")
        click.echo(_say("output_cannot_write", error=os_reason(exc)), err=True)
        sys.exit(EXIT_DATA)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        _internal_error(exc, args)
    finally:
        _freezing = False
        gc.unfreeze()  # as it was, for a caller in the same process (the tests)
        if not collecting:
            gc.disable()


# errors of writing to a stream, not bugs: a full disk (or /dev/full), a closed descriptor, an I/O error
_STREAM_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)})


def _internal_error(exc: BaseException, args) -> NoReturn:
    """One line that says it is a bug (the traceback too with --debug), exit 70."""
    debug = "--debug" in args or os.environ.get("JMPLAN_DEBUG", "") not in ("", "0")
    if debug:
        import traceback  # only here: a bug is the one time it is needed

        traceback.print_exc()
    command = next((a for a in args if a in cli.commands), "jmplan")
    what = " ".join(f"{type(exc).__name__}: {exc}".split())  # one line, even if the message has several
    click.echo(_say("internal_error", command=command, what=what), err=True)
    sys.exit(EXIT_BUG)
