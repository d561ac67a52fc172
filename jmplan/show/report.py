"""The year's progress report on the plan, as blocks for render.to_markdown
or render.to_html: counts by status, the table of every indicator, a
paragraph (and a chart) for each indicator with data, the qualitative goals
and main tasks with their notes, and the sources and method."""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import Msg, Words, colon, reason, say, semicolon, text
from ..measure.assess import TIME, Assessment, PlanAssessment
from ..measure.calc import ACHIEVED, NO_TARGET
from ..plan.kinds import COMPOUND
from ..plan.model import Goal
from . import fmt
from .chart import DEFAULT_SIZE_CM, ChartsUnavailable, chartable, draw
from .render import TONES, Chart, Heading, Lines, Paragraph, Table
from .review import ordered, review_notes, review_table
from .views import (
    figure_remarks,
    needed_per_year,
    preliminary_mark,
    projection_limit,
    reason_footnotes,
    revisions,
    with_notes,
)


def report_title(result: PlanAssessment, lang: str) -> str:
    info = result.plan.info
    name = info.name(lang)
    year = result.year or _latest_year(result) or info.base_year
    return say(Msg("report_title", name=name, year=year), lang)


def _latest_year(result: PlanAssessment) -> int | None:
    years = [row.latest.year for row in result.rows if row.latest is not None and row.has_observation]
    return max(years) if years else None


def report_blocks(
    result: PlanAssessment,
    lang: str,
    method: str = TIME,
    charts: bool = True,
    version: str = "",
    comparison=None,
    chart_format: str = "svg",
    chart_size: tuple[float, float] = DEFAULT_SIZE_CM,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list, list[str]]:
    """(blocks, notes for the user). With `charts`, each indicator with data
    gets a chart (SVG, or PNG at print resolution for a Word document) when
    matplotlib is installed; without it, the report says how to get them.
    Indicators come binding first and those without a target last. With a `comparison` (measure.compare) of this plan
    and others, the report gets a section comparing them. `progress`, if
    given, is called as (indicators done, indicators in all) along the way:
    a chart takes a few hundredths of a second, a report of thousands minutes."""
    blocks = _opening_blocks(result, lang, method)
    shown, notes = _indicator_blocks(result, lang, method, charts, chart_format, chart_size, progress)
    blocks += shown
    if comparison is not None:
        from .compare_view import compare_blocks

        blocks.extend(compare_blocks(comparison, lang, level=2))
    for heading, goals in (("goals", result.goals), ("tasks", result.tasks)):
        if goals:
            blocks.append(Heading(text(heading, lang)))
            blocks.append(Lines([_goal_line(g, result, lang) for g in goals], numbered=heading == "tasks"))
    blocks.append(Heading(text("sources_and_method", lang)))
    blocks.append(Lines(_sources(result, lang, method, version)))
    return blocks, notes


def _opening_blocks(result: PlanAssessment, lang: str, method: str) -> list:
    """The title and period, the summary by status (worst first) with the
    indicators that need attention, and the completion table."""
    info = result.plan.info
    blocks: list = [Heading(report_title(result, lang), level=1)]
    period = text("plan_period", lang, base=info.base_year, target=info.target_year)
    when = text("data_to", lang, year=result.year) if result.year else text("data_latest", lang)
    blocks.append(
        Paragraph(
            _sentence(
                say(Msg("report_period", period=period, when=when, method=text("method_" + method, lang)), lang), lang
            )
        )
    )

    blocks.append(Heading(text("summary", lang)))
    counts = result.counts(method)  # most severe first: one summary, read from the top
    blocks.append(
        Table(
            [text("status", lang), text("count", lang)],
            [[text(status, lang), str(n)] for status, n in counts.items()],
            ["left", "right"],
            status_column=0,
            statuses=tuple(counts),
        )
    )
    attention = _attention(result, lang, method)
    if attention:
        blocks.append(Lines(attention))

    blocks.append(Heading(text("completion_table", lang)))
    blocks.append(review_table(result, lang, method))
    notes_below = reason_footnotes(result, lang, method) + review_notes(result, lang)
    if notes_below:
        blocks.append(Lines(notes_below))
    return blocks


def _indicator_blocks(
    result: PlanAssessment,
    lang: str,
    method: str,
    charts: bool,
    chart_format: str,
    chart_size: tuple[float, float],
    progress: Callable[[int, int], None] | None,
) -> tuple[list, list[str]]:
    """A heading, a paragraph, the figures' remarks and a chart for each
    indicator with data, in report order; and the notes for the user (a
    chart that could not be drawn as asked)."""
    blocks: list = [Heading(text("by_indicator", lang))]
    notes: list[str] = []
    can_draw = charts
    rows = ordered(result.rows)
    for done, row in enumerate(rows):
        if progress is not None:
            progress(done, len(rows))
        paragraph = indicator_paragraph(row, lang, method)
        if paragraph is None:
            continue
        blocks.append(Heading(row.indicator.name(lang), level=3))
        blocks.append(Paragraph(paragraph))
        remarks = figure_remarks(row, lang)
        if remarks:
            blocks.append(Lines(remarks))
        if can_draw and chartable(row):
            try:
                image, note = draw(row, lang, chart_format, chart_size)
            except ChartsUnavailable:
                can_draw = False
                notes.append(text("no_charts", lang))
                blocks.append(Paragraph(text("no_charts", lang)))
                continue
            if note:
                notes.append(note)
            name = row.indicator.name(lang)
            if chart_format == "png":
                blocks.append(Chart("", name, name=row.key, png=image))
            else:
                blocks.append(Chart(image.decode("utf-8"), name, name=row.key))
    if progress is not None:
        progress(len(result.rows), len(result.rows))
    return blocks, notes


def _attention(result: PlanAssessment, lang: str, method: str) -> list[str]:
    """For each status off course, the indicators that have it, by name:
    '滞后于预期：光纤入户率、...'."""
    lines = []
    # binding indicators (约束性) are commitments: those off course are the first thing a review reports
    binding = [
        say(Msg("with_status", name=row.indicator.name(lang), status=text(row.status_for(method), lang)), lang)
        for row in result.rows
        if row.indicator.attribute == "binding" and TONES.get(row.status_for(method)) == "bad"
    ]
    if binding:
        lines.append(say(Msg("labelled", label=text("binding_first", lang), value=Words(binding)), lang))
    for status in result.counts(method):
        if TONES.get(status) != "bad":
            continue
        names = [row.indicator.name(lang) for row in ordered(result.rows) if row.status_for(method) == status]
        lines.append(say(Msg("labelled", label=text(status, lang).capitalize(), value=Words(names)), lang))
    return lines


def indicator_paragraph(row: Assessment, lang: str, method: str = TIME) -> str | None:
    """Where the indicator stands, in plain words; None when there is no data."""
    ind = row.indicator
    if row.latest is None:
        return None
    value = fmt.figure(row.latest, ind, lang, with_unit=True)
    if row.has_observation and row.latest.is_preliminary:
        value += preliminary_mark(lang)
    parts: list[str] = []  # Msgs, and labels already in the language
    if row.has_observation and row.baseline is not None:  # an observation is later than a baseline
        base = fmt.figure(row.baseline, ind, lang, with_unit=True)
        if row.baseline_observed:
            parts.append(
                Msg(
                    "report_latest_first_observed",
                    value=value,
                    year=row.latest.year,
                    base=base,
                    base_year=row.baseline.year,
                )
            )
        else:
            parts.append(
                Msg("report_latest", value=value, year=row.latest.year, base=base, base_year=row.baseline.year)
            )
    elif row.baseline_observed:
        parts.append(Msg("report_only_first_observation", value=value, year=row.latest.year))
    else:
        parts.append(Msg("report_only_baseline", value=value, year=row.latest.year))
    leg = row.from_latest
    if row.target is None:
        parts.append(Msg("report_no_target"))
    elif leg is not None:
        target = fmt.figure(row.target, ind, lang, with_unit=True)
        status = row.status_for(method)
        if status == ACHIEVED:
            parts.append(Msg("report_reached", year=row.target.year, target=target))
        else:
            gap = fmt.difference(leg.gap, ind, lang)
            parts.append(
                Msg("report_short", gap=gap, year=row.target.year, target=target, needed=_needed_words(row, lang))
            )
    status = row.status_for(method)
    if status not in (NO_TARGET, ACHIEVED):
        shown = text(status, lang)
        why = row.status_reason(method)
        if why:  # never a bare "no data": say why
            shown = say(Msg("with_reason", text=shown, why=reason(why, lang)), lang)
        parts.append(Msg("report_status", status=shown))
    if row.projection is not None and row.target is not None and status != ACHIEVED:
        verdict = text("meeting" if row.projection.meets_target else "falling_short", lang)
        limited = projection_limit(row)
        if limited is not None:  # never "107 % by 2020": the year it would reach 100 % instead
            limit, year, why = limited
            value = fmt.quantity(limit, ind, lang)
            parts.append(
                text("report_projected_limit", lang, value=value, year=year, why=text(why, lang), verdict=verdict)
            )
        else:
            value = fmt.quantity(row.projection.value, ind, lang)
            parts.append(text("report_projected", lang, value=value, year=row.target.year, verdict=verdict))
    sentence = semicolon(lang).join(str(say(part, lang)) for part in parts) + say(Msg("full_stop"), lang)
    if row.has_observation and row.latest.history:  # the office shows what changed since the preliminary figure
        sentence += say(Msg("next_sentence", text=revisions(row.latest, ind, lang)), lang)
    if ind.responsible:
        who = ind.responsible_label(lang)
        sentence += say(Msg("report_responsible", label=text("responsible", lang), who=who), lang)
    return _sentence(sentence, lang)


def _sentence(words: str, lang: str) -> str:
    """A sentence as the language writes it: in English, a capital first."""
    return words[:1].upper() + words[1:] if lang != "zh" else words


def _needed_words(row: Assessment, lang: str) -> str:
    """'今后需年均增长19.4%' / 'it needs growth of 19.4% a year from now'."""
    leg, ind = row.from_latest, row.indicator
    assert leg is not None, "only called for an indicator with a target and a latest value"
    if ind.growth_model == COMPOUND and leg.required_growth is not None:
        rate = fmt.bounded(leg.bound, fmt.percent(leg.required_growth), lang)
        return say(Msg("report_needs_growth", rate=rate), lang)
    if leg.required_change is None:
        return needed_per_year(leg, row, lang)
    step = fmt.difference(abs(leg.required_change), ind, lang)
    return say(Msg("report_needs_rise" if leg.required_change >= 0 else "report_needs_fall", step=step), lang)


def _goal_line(goal: Goal, result: PlanAssessment, lang: str) -> str:
    return with_notes(goal.text(lang), result.notes_for(goal.key))  # the section's heading says they are qualitative


def _sources(result: PlanAssessment, lang: str, method: str, version: str) -> list[str]:
    info = result.plan.info
    lines = []
    source = info.source_zh if lang == "zh" or not info.source_en else f"{info.source_en} ({info.source_zh})"
    if source:
        lines.append(text("plan_source", lang) + colon(lang) + source)
    observed = sorted({f.quote for row in result.rows for f in row.observations if f.quote})
    if observed:
        lines.append(text("observation_sources", lang) + colon(lang) + semicolon(lang).join(observed))
    t = info.thresholds
    lines.append(text("method_" + method + "_long", lang, ahead=fmt.number(t.ahead), on_track=fmt.number(t.on_track)))
    lines.append(text("made_by", lang, version=version))
    return lines
