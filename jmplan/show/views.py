"""What each command shows: assessments -> blocks of display text, and the
raw tables behind the CSV output. Reusable from Python, not only the CLI."""

from __future__ import annotations

from ..i18n import Msg, colon, comma, reason, say, semicolon, text
from ..measure.assess import EUROSTAT, TIME, Assessment, Leg, PlanAssessment
from ..measure.calc import ACHIEVED, NOT_ACHIEVED, Projection
from ..plan.kinds import COMPOUND
from ..plan.model import Figure, Indicator, Note, Plan, Target
from . import fmt
from .render import Heading, Lines, Table

R, L = "right", "left"


def _plan_heading(plan: Plan, lang: str, year: int | None = None) -> Heading:
    info = plan.info
    name = info.name(lang)
    period = text("plan_period", lang, base=info.base_year, target=info.target_year)
    when = text("data_to", lang, year=year) if year else text("data_latest", lang)
    sep = semicolon(lang)
    return Heading(f"{name}\n{period}{sep}{when}")


def _with_year(fig: Figure | Target | None, row: Assessment, lang: str, default_year: int) -> str:
    shown = fmt.figure(fig, row.indicator, lang)
    if fig is not None and fig.year != default_year:
        shown += f" ({fig.year})"
    return shown


def _inline(key: str, lang: str) -> str:
    """A label inside a sentence: lower case in English."""
    label = text(key, lang)
    return label[0].lower() + label[1:] if lang == "en" else label


def needed_per_year(leg: Leg | None, row: Assessment, lang: str) -> str:
    """The growth still needed each year, on the indicator's growth model."""
    if leg is None:
        return ""
    per_year = text("per_year", lang)
    if row.indicator.growth_model == COMPOUND:
        if leg.required_growth is None:
            return text("undefined", lang) + colon(lang) + reason(leg.undefined_reason, lang)
        return fmt.bounded(leg.bound, fmt.percent(leg.required_growth) + per_year, lang)
    if leg.required_change is None:
        return text("undefined", lang) + colon(lang) + reason("the target year has been reached", lang)
    return fmt.difference(leg.required_change, row.indicator, lang, sign=True, with_unit=False) + per_year


def _progress(row: Assessment, method: str) -> str:
    """Method 1: completion / expected share. Method 2: actual / required growth."""
    if method == EUROSTAT:
        g = row.growth_ratio
        if g is None or g.actual is None:
            return ""
        return fmt.percent(g.actual) + (f" / {fmt.percent(g.required)}" if g.required is not None else "")
    p = row.progress
    if p.completion is None or p.expected is None:
        return ""
    return f"{fmt.percent(p.completion)} / {fmt.percent(p.expected)}"


# the columns a narrow terminal keeps (100 columns and less): the rest with --wide
NARROW_COLUMNS = ("indicator", "latest", "target", "needed", "status")
STATUS_COLUMNS = (
    "indicator",
    "unit",
    "attribute",
    "baseline",
    "latest",
    "target",
    "gap",
    "needed",
    "progress",
    "status",
)


def status_table(result: PlanAssessment, lang: str, method: str = TIME, narrow: bool = False) -> Table:
    """The table of every indicator, as `status` and the report show it;
    `narrow` keeps only NARROW_COLUMNS, for a terminal too narrow for all."""
    info = result.plan.info
    table = Table(
        headers=[
            text("indicator", lang),
            text("unit", lang),
            text("attribute", lang),
            f"{text('baseline', lang)} ({info.base_year})",
            text("latest", lang),
            f"{text('target', lang)} ({info.target_year})",
            text("gap", lang),
            text("needed", lang),
            text("progress" if method == TIME else "growth_vs_required", lang),
            text("status", lang),
        ],
        rows=[],
        align=[L, L, L, R, R, R, R, R, R, L],
    )
    marks = reason_marks(result, method)
    for row in result.rows:
        ind = row.indicator
        leg = row.from_latest
        observed = row.latest if row.has_observation else None
        table.rows.append(
            [
                ind.name(lang),
                ind.unit_label(lang),
                fmt.attribute(ind, lang),
                _with_year(row.baseline, row, lang, info.base_year),
                _latest_cell(observed or (row.baseline if narrow else None), ind, lang),
                target_cell(row, lang, info.target_year),
                fmt.difference(leg.gap, ind, lang, with_unit=False) if leg else "",
                _needed_cell(leg, row, lang, method),
                _progress(row, method),
                text(row.status_for(method), lang) + marks.get(row.status_reason(method) or "", ""),
            ]
        )
    table = table._replace(status_column=9, statuses=tuple(row.status_for(method) for row in result.rows))
    if any(row.indicator.responsible for row in result.rows):
        # a column only for plans that name departments: the others keep their width
        table.headers.append(text("responsible", lang))
        table.rows[:] = [cells + [row.indicator.responsible_label(lang)] for cells, row in zip(table.rows, result.rows)]
        table = table._replace(align=[*table.align, L])
    table = table._replace(wrap=(0,))  # names wrap when the terminal is narrow
    return _narrowed(table) if narrow else table


def _latest_cell(figure: Figure | None, ind: Indicator, lang: str) -> str:
    """A value with its year: '82% (2018)'. A narrow table, which has no
    baseline column, shows the baseline here until there is an observation."""
    if figure is None:
        return ""
    mark = preliminary_mark(lang) if figure.is_preliminary else ""
    return f"{fmt.figure(figure, ind, lang)} ({figure.year}){mark}"


def _needed_cell(leg: Leg | None, row: Assessment, lang: str, method: str) -> str:
    """Growth still needed per year; none once the target is met, or once the
    target year is over (the verdict says the rest): a met target would
    otherwise read as a negative rate still "needed"."""
    if row.status_for(method) in (ACHIEVED, NOT_ACHIEVED):
        return "—"
    return needed_per_year(leg, row, lang)


def _narrowed(table: Table) -> Table:
    keep = [STATUS_COLUMNS.index(name) for name in NARROW_COLUMNS]
    return table._replace(
        headers=[table.headers[i] for i in keep],
        rows=[[cells[i] for i in keep] for cells in table.rows],
        align=[table.align[i] for i in keep],
        status_column=NARROW_COLUMNS.index("status"),
        wrap=(0,),
    )


def target_cell(row: Assessment, lang: str, default_year: int) -> str:
    """The resolved level, with the target as the plan states it beside it: 75% (〔15〕)."""
    shown = _with_year(row.target, row, lang, default_year)
    stated = fmt.as_stated(row.target, row.indicator, lang)
    return f"{shown} ({stated})" if stated and stated != shown else shown


_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"


def reason_marks(result: PlanAssessment, method: str) -> dict[str, str]:
    """A mark for each reason a status is no_data or its ratio undefined,
    in order of first appearance: the table's status cell carries the mark,
    a footnote under it says why (reason_footnotes)."""
    reasons = dict.fromkeys(r for r in (row.status_reason(method) for row in result.rows) if r)
    return {why: " " + (_MARKS[i] if i < len(_MARKS) else f"({i + 1})") for i, why in enumerate(reasons)}


def reason_footnotes(result: PlanAssessment, lang: str, method: str) -> list[str]:
    """'¹ no observation after the baseline yet', one line per mark of the table."""
    return [f"{mark.strip()} {reason(why, lang)}" for why, mark in reason_marks(result, method).items()]


def summary_line(result: PlanAssessment, lang: str, method: str = TIME) -> str:
    counts = result.counts(method)  # most severe first
    return text("summary", lang) + colon(lang) + comma(lang).join(f"{text(s, lang)} {n}" for s, n in counts.items())


def status_blocks(result: PlanAssessment, lang: str, method: str = TIME, width: int | None = None) -> list:
    """`status` as text. With `width`, a terminal's columns: a table wider
    than that keeps only the essential columns (and says how to see all)."""
    table = status_table(result, lang, method)
    dropped = []
    if width is not None:
        from .render import table_width

        if table_width(table) > width:
            table = status_table(result, lang, method, narrow=True)
            dropped = [text("wide_hint", lang)]
    blocks: list = [
        _plan_heading(result.plan, lang, result.year),
        table,
        Lines([summary_line(result, lang, method), *reason_footnotes(result, lang, method), *dropped]),
    ]
    blocks.extend(_notes(result, lang))
    if result.goals:
        blocks.append(Heading(text("goals", lang)))
        blocks.append(Lines([with_notes(g.text(lang), result.notes_for(g.key)) for g in result.goals]))
    if result.tasks:
        blocks.append(Heading(text("tasks", lang)))
        blocks.append(Lines([with_notes(t.text(lang), result.notes_for(t.key)) for t in result.tasks], numbered=True))
    return blocks


def with_notes(line: str, notes: tuple[Note, ...]) -> str:
    """A goal, task or indicator with its notes: 'text — 2019: note — 2020: note',
    the same in every output that shows them."""
    return line + "".join(f" — {note.year}: {note.text}" for note in notes)


def notes_cell(notes: tuple[Note, ...]) -> str:
    """Notes in one cell (CSV): '2019: note; 2020: note'."""
    return "; ".join(f"{note.year}: {note.text}" for note in notes)


def figure_remarks(row: Assessment, lang: str) -> list[str]:
    """What the data says about the figures beyond their values: each one's
    `stated` text and `note`, and the indicator's notes up to the year."""
    sep, join = colon(lang), semicolon(lang)
    figures: list[tuple[str, Figure | Target | None]] = [
        ("baseline", row.baseline),
        ("latest", row.latest if row.has_observation else None),
        ("target", row.target),
    ]
    lines = []
    for label, fig in figures:
        if fig is None:
            continue
        said = [
            f"{text(name, lang)}{sep}{value}"
            for name, value in (("stated", fig.stated), ("note", fig.note_text(lang)))
            if value
        ]
        if said:
            lines.append(f"{text(label, lang)} ({fig.year}) — {join.join(said)}")
    if row.notes:
        lines.append(f"{text('notes', lang)}{sep}{notes_cell(row.notes)}")
    return lines


def review_blocks(result: PlanAssessment, lang: str, method: str = TIME) -> list:
    """`status --layout review`: the standard completion table and its notes."""
    from .review import review_notes, review_table, summary_counts_line

    notes = [summary_counts_line(result, lang, method), *reason_footnotes(result, lang, method)] + review_notes(
        result, lang
    )
    return [_plan_heading(result.plan, lang, result.year), review_table(result, lang, method), Lines(notes)]


def review_csv(result: PlanAssessment, lang: str, method: str = TIME) -> Table:
    """The completion table with unrounded numbers, for CSV."""
    from .review import review_raw

    headers, _kinds, rows = review_raw(result, lang, method)
    return Table(headers, [[_cell(value) for value in row] for row in rows])


def preliminary_mark(lang: str) -> str:
    return say(Msg("preliminary_mark"), lang)


def revisions(figure: Figure, ind, lang: str) -> str:
    """'修订：835亿元（初步核算，快报）→ 841亿元（最终核实）': the figures a
    value replaced, oldest first, then the value itself."""
    steps = []
    for step in (*figure.history, figure):
        about = [text(step.data_status, lang)]
        if step.quote:
            about.append(step.quote)
        if step.recorded:
            about.append(step.recorded)
        value = fmt.quantity(step.value, ind, lang)
        steps.append(say(Msg("with_reason", text=value, why=comma(lang).join(about)), lang))
    return say(Msg("revised", steps=" → ".join(steps)), lang)


def _notes(result: PlanAssessment, lang: str) -> list:
    """Footnotes the table needs to be read right."""
    notes = []
    for row in result.rows:
        name = row.indicator.name(lang)
        if row.baseline_observed and row.baseline:
            notes.append(name + colon(lang) + text("observed_baseline", lang, year=row.baseline.year))
        if row.from_latest and row.from_latest.bound:
            notes.append(name + colon(lang) + text("lower_bound_note", lang))
        if row.notes:
            notes.append(with_notes(name, row.notes))
        notes.extend(name + colon(lang) + line for line in target_notes(row, lang))
    return [Lines(notes)] if notes else []


def target_notes(row: Assessment, lang: str) -> list[str]:
    """What a reader needs to know of the target: a revision, a verdict still to come."""
    notes = []
    ind = row.indicator
    for old in row.replaced:
        shown = fmt.figure(old, ind, lang, with_unit=True)
        if old.stated and old.stated != shown:
            shown += f" ({old.stated})"
        notes.append(text("replaced_target", lang, old=shown, until=old.until))
    if row.verdict_awaits is not None:
        notes.append(text("verdict_awaits", lang, year=row.verdict_awaits))
    return notes


def status_csv(result: PlanAssessment, lang: str, method: str = TIME) -> Table:
    """`status` as raw cells, for CSV and .xlsx: one row per indicator, numbers
    unrounded, each code beside its words. Each group of columns is named
    beside the function that writes its cells, in the same order."""
    columns = (*_INDICATOR_COLUMNS, *_FIGURE_COLUMNS, *_PROGRESS_COLUMNS, *_VERDICT_COLUMNS, *_REMARK_COLUMNS)
    # 'baseline year' is two labels: 'Baseline Year', '基期值 年份'
    headers = [" ".join(text(label, lang) for label in column.split()) for column in columns]
    rows = [
        [
            *_indicator_cells(row.indicator, lang),
            *_figure_cells(row, lang),
            *_progress_cells(row, method),
            *_verdict_cells(row, lang, method),
            *_remark_cells(row, lang),
        ]
        for row in result.rows
    ]
    return Table(headers, rows)


_INDICATOR_COLUMNS = ("key", "indicator", "unit", "unit_code", "model", "model_code")


def _indicator_cells(ind: Indicator, lang: str) -> list[str]:
    """The indicator, its unit and growth model, each as people read it beside the code the data writes."""
    return [ind.key, ind.name(lang), ind.unit_label(lang), ind.unit, text(ind.growth_model, lang), ind.growth_model]


# a figure's year sits in a column of its own, so that every value cell is a bare number
_FIGURE_COLUMNS = ("baseline year", "baseline", "qualifier", "latest year", "latest", "target year", "target", "upper")


def _figure_cells(row: Assessment, lang: str) -> list[str]:
    """The baseline (with its qualifier: over, about), the latest value and the target (with a range's upper end)."""
    baseline, latest, target = row.baseline, row.latest, row.target
    return [
        _cell(baseline and baseline.year),
        _cell(baseline and baseline.value),
        text(baseline.qualifier, lang) if baseline and baseline.qualifier in ("over", "about") else "",
        _cell(latest and latest.year),
        _cell(latest and latest.value),
        _cell(target and target.year),
        _cell(target and target.value),
        _cell(target and target.upper),
    ]


_PROGRESS_COLUMNS = (
    "gap",
    "relative_gap",
    "required_growth",
    "required_change",
    "completion",
    "expected",
    "actual_growth",
    "ratio",
)


def _progress_cells(row: Assessment, method: str) -> list[str]:
    """What is still needed from the latest value, and the progress so far by each method."""
    leg, p, g = row.from_latest, row.progress, row.growth_ratio
    return [
        _cell(leg and leg.gap),
        _cell(leg and leg.relative_gap),
        _cell(leg and leg.required_growth),
        _cell(leg and leg.required_change),
        _cell(p.completion),
        _cell(p.expected),
        _cell(g and g.actual),
        _cell(row.ratio_for(method)),
    ]


_VERDICT_COLUMNS = ("status", "status_slug", "status_reason", "growth_undefined")


def _verdict_cells(row: Assessment, lang: str, method: str) -> list[str]:
    """The status in words and as its code, why it has no ratio (or no data), and why no growth needed can be given."""
    status = row.status_for(method)
    leg = row.from_latest
    return [
        text(status, lang),
        status,
        reason(row.status_reason(method), lang),
        reason(leg.undefined_reason, lang) if leg else "",
    ]


_REMARK_COLUMNS = ("responsible", "notes", "attribute", "target_form", "bound", "stated")


def _remark_cells(row: Assessment, lang: str) -> list[str]:
    """Who answers for the indicator, its notes and attribute, and the target as the plan states it."""
    ind, target = row.indicator, row.target
    return [
        ind.responsible_label(lang),
        notes_cell(row.notes),
        ind.attribute,
        target.form if target else "",
        target.bound if target else "",
        target.stated if target else "",
    ]


def _cell(value) -> str:
    """A raw number for CSV: full precision, no grouping, '' for none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def gap_blocks(row: Assessment, lang: str) -> list:
    """`jmplan gap`: the indicator, its figures, each leg to the target, its
    status and projection, and the year-by-year table."""
    ind = row.indicator
    sep, join = colon(lang), semicolon(lang)
    about = [text(ind.growth_model, lang), text(ind.direction, lang), fmt.attribute(ind, lang)]
    head = [f"{ind.name(lang)} ({ind.key})", join.join([f"{text('unit', lang)}{sep}{ind.unit_label(lang)}", *about])]
    blocks: list = [Heading("\n".join(head)), Lines(_figure_lines(row, lang))]
    for label, leg in (
        ("from_baseline", row.from_baseline),
        ("from_latest", row.from_latest if row.has_observation else None),
    ):
        if leg is not None:
            blocks += [Heading(f"{text(label, lang)} ({leg.start.year})"), Lines(_leg_lines(leg, ind, lang))]
    blocks.append(Lines(_status_lines(row, lang)))
    if row.projection is not None and row.target is not None:  # a projection is toward a target
        blocks.append(Lines([_projection_line(row, row.projection, lang)]))
    table = year_table(row, lang, raw=False)
    if table.rows:
        blocks += [Heading(text("trajectory", lang)), table]
    return blocks


def _figure_lines(row: Assessment, lang: str) -> list[str]:
    """The baseline, latest value, milestones and target, each with the text it is quoted from."""
    ind, sep = row.indicator, colon(lang)
    lines = []

    def point(label: str, fig: Figure | Target | None) -> None:
        if fig is not None:
            line = f"{text(label, lang)} ({fig.year}){sep}{fmt.figure(fig, ind, lang, with_unit=True)}"
            if isinstance(fig, Figure) and fig.is_preliminary:
                line += preliminary_mark(lang)
            stated = fmt.as_stated(fig, ind, lang) if isinstance(fig, Target) else ""
            if stated:
                line += f" ({stated})"
            if fig.quote:
                line += f"  — {' '.join(fig.quote.split())}"  # a quote of a table keeps its line breaks: one line here
            lines.append(line)

    point("baseline", row.baseline)
    if row.baseline_observed and row.baseline:
        lines.append(text("observed_baseline", lang, year=row.baseline.year))
    if row.has_observation:
        point("latest", row.latest)
        if row.latest is not None and row.latest.history:
            lines.append(revisions(row.latest, ind, lang))
    for milestone in row.milestones:
        point("milestone", milestone)
    point("target", row.target)
    lines += figure_remarks(row, lang)
    lines.extend(target_notes(row, lang))
    return lines


def _leg_lines(leg: Leg, ind: Indicator, lang: str) -> list[str]:
    """The gap, required growth and required change from one starting point."""
    sep = colon(lang)
    relative = (
        f" ({_inline('relative_gap', lang)} {fmt.percent(leg.relative_gap)})"
        if leg.relative_gap is not None and not ind.is_percent
        else ""
    )
    growth = (
        fmt.bounded(leg.bound, fmt.percent(leg.required_growth) + text("per_year", lang), lang)
        if leg.required_growth is not None
        else f"{text('undefined', lang)} ({reason(leg.undefined_reason, lang)})"
    )
    change = (
        fmt.difference(leg.required_change, ind, lang, sign=True) + text("per_year", lang)
        if leg.required_change is not None
        else f"{text('undefined', lang)} ({reason('the target year has been reached', lang)})"
    )
    lines = [
        f"{text('gap', lang)}{sep}{fmt.difference(leg.gap, ind, lang)}{relative}",
        f"{text('required_growth', lang)}{sep}{growth}",
        f"{text('required_change', lang)}{sep}{change}",
    ]
    if leg.bound:
        lines.append(text("lower_bound_note", lang))
    return lines


def _status_lines(row: Assessment, lang: str) -> list[str]:
    """The status by method 1 with its figures, method 2's class, and the next milestone."""
    ind, sep, p = row.indicator, colon(lang), row.progress
    status_line = f"{text('status', lang)}{sep}{text(row.status, lang)}"
    if p.reason:
        status_line += f" ({reason(p.reason, lang)})"
    if p.ratio is not None:
        status_line += (
            f" ({_inline('completion', lang)} {fmt.percent(p.completion)}, "
            f"{_inline('expected', lang)} {fmt.percent(p.expected)}, "
            f"{_inline('ratio', lang)} {fmt.number(p.ratio)})"
        )
    lines = [status_line]
    g = row.growth_ratio
    if g is not None and g.actual is not None:
        line = (
            f"{text('growth_ratio_line', lang)}{sep}{text(g.status, lang)} ({_inline('actual_growth', lang)} "
            f"{fmt.percent(g.actual)}"
        )
        if g.required is not None:
            line += f", {_inline('required_growth', lang)} {fmt.percent(g.required)}"
        if g.ratio is not None:
            line += f", R {fmt.number(g.ratio)}"
        lines.append(line + ")")
    elif g is not None and g.reason:  # method 2 cannot class it: say why
        lines.append(f"{text('growth_ratio_line', lang)}{sep}{text(g.status, lang)} ({reason(g.reason, lang)})")
    to_milestone = row.to_next_milestone()
    if to_milestone is not None:
        milestone = to_milestone.target
        needs = needed_per_year(to_milestone, row, lang)
        lines.append(
            f"{text('next_milestone', lang)} ({milestone.year}){sep}{fmt.figure(milestone, ind, lang, with_unit=True)}"
            + (f"; {_inline('needed', lang)} {needs}" if needs else "")
        )
    return lines


def _projection_line(row: Assessment, pr: Projection, lang: str) -> str:
    """Where the pace so far leads by the target year, and when it reaches the target."""
    verdict = text("meets" if pr.meets_target else "falls_short", lang)
    reached = (
        text("reached_in", lang, year=pr.year_reached) if pr.year_reached is not None else text("never_reached", lang)
    )
    tail = comma(lang) + verdict + semicolon(lang) + reached
    return f"{text('projection', lang)}{colon(lang)}{projected_value(row, lang)}{tail}"


def projection_limit(row: Assessment) -> tuple[float, int, str] | None:
    """(limit, year, why) when the pace so far would carry the indicator past
    what it can take (a share past 100 %, a level below 0), else None."""
    pr = row.projection
    if pr is None or pr.limit is None or row.target is None:
        return None
    year = pr.limit_year if pr.limit_year is not None else row.target.year
    return pr.limit, year, "limit_share" if row.indicator.is_percent and pr.limit > 0 else "limit_level"


def projected_value(row: Assessment, lang: str) -> str:
    """'95% in 2020', or '100% in 2019 (a share cannot exceed 100%)': never a
    value the indicator cannot take."""
    assert row.projection is not None and row.target is not None
    limited = projection_limit(row)
    if limited is not None:
        limit, year, why = limited
        value = fmt.quantity(limit, row.indicator, lang)
        return text("projected_limit", lang, year=year, value=value, why=text(why, lang))
    return text("projected", lang, year=row.target.year, value=fmt.quantity(row.projection.value, row.indicator, lang))


def year_table(row: Assessment, lang: str, raw: bool) -> Table:
    """Year by year: the required path from the baseline, the observations,
    and the path still required from the latest value."""
    ind = row.indicator
    show = _cell if raw else (lambda v: "" if v is None else fmt.number(v))
    required = dict(row.from_baseline.trajectory()) if row.from_baseline else {}
    observed = {f.year: f.value for f in row.observations}
    if row.baseline is not None and not row.baseline_observed:
        observed.setdefault(row.baseline.year, row.baseline.value)
    from_latest = dict(row.from_latest.trajectory()) if row.from_latest and row.has_observation else {}
    years = sorted(set(required) | set(observed) | set(from_latest))
    headers = [text("year", lang), text("trajectory", lang), text("actual", lang)]
    if from_latest:
        headers.append(text("trajectory_from_latest", lang))
    if raw:
        headers[1:1] = [text("unit", lang), text("unit_code", lang)]
    rows = []
    for year in years:
        cells = [str(year), show(required.get(year)), show(observed.get(year))]
        if from_latest:
            cells.append(show(from_latest.get(year)))
        if raw:
            cells[1:1] = [ind.unit_label(lang), ind.unit]
        rows.append(cells)
    return Table(headers, rows, [L] + [R] * (len(headers) - 1))


def metrics_table(plan: Plan, lang: str, raw: bool = False) -> Table:
    headers = [
        text(h, lang)
        for h in (
            "key",
            "name_zh",
            "name_en",
            "unit",
            "model",
            "direction",
            "attribute",
            "baseline",
            "target",
            "observations",
        )
    ]
    if raw:  # the codes as the data writes them, beside the words
        headers[4:4] = [text("unit_code", lang)]
        headers[6:6] = [text("model_code", lang)]
        headers[8:8] = [text("direction_code", lang)]
    named = any(ind.responsible for ind in plan.indicators.values())
    if named:
        headers.append(text("responsible", lang))
    rows = []
    for ind in plan.indicators.values():
        base, target = plan.baselines.get(ind.key), plan.targets.get(ind.key)
        years = sorted(plan.observations_of(ind.key))
        words = [ind.unit_label(lang), text(ind.growth_model, lang), text(ind.direction, lang)]
        if raw:
            known = [_cell(base and base.value), _cell(target and target.value), " ".join(map(str, years))]
            words = [words[0], ind.unit, words[1], ind.growth_model, words[2], ind.direction, ind.attribute]
        else:
            stated = fmt.as_stated(target, ind, lang)
            shown = fmt.figure(target, ind, lang)
            known = [fmt.figure(base, ind, lang), f"{shown} ({stated})" if stated else shown, _years(years)]
            words.append(fmt.attribute(ind, lang))
        rows.append([ind.key, ind.name_zh, ind.name_en, *words, *known])
        if named:
            rows[-1].append(ind.responsible if raw else ind.responsible_label(lang))
    return Table(headers, rows, [L, L, L, L, L, L, L, R, R, L] + ([L] if named else []))


def metrics_blocks(plan: Plan, lang: str, width: int | None = None) -> list:
    """`metrics` as text. With `width`, a terminal's columns: a table wider
    than that keeps the key, the name in `lang` with its unit, and what is
    known (and says how to see all); the names wrap."""
    table = metrics_table(plan, lang)
    if width is None:
        return [table]
    from .render import table_width

    if table_width(table) <= width:
        return [table]
    known = slice(7, 10)  # baseline, target, observations
    narrow = Table(
        [text("key", lang), text("indicator", lang), *table.headers[known]],
        [
            [ind.key, text("name_with_unit", lang, name=ind.name(lang), unit=ind.unit_label(lang)), *row[known]]
            for ind, row in zip(plan.indicators.values(), table.rows)
        ],
        [L, L, *table.align[known]],
        wrap=(1,),
    )
    return [narrow, Lines([text("wide_hint", lang)])]


def _years(years: list[int]) -> str:
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))
