"""The year's progress report on the plan, as blocks for render.to_markdown
or render.to_html: counts by status, the table of every indicator, a
paragraph (and a chart) for each indicator with data, the qualitative goals
and main tasks with their notes, and the sources and method."""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import reason, text
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
    return f"{name}：{year}年度实施进展报告" if lang == "zh" else f"{name}: progress report {year}"


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
    info = result.plan.info
    zh = lang == "zh"
    notes: list[str] = []
    blocks: list = [Heading(report_title(result, lang), level=1)]
    period = text("plan_period", lang, base=info.base_year, target=info.target_year)
    when = text("data_to", lang, year=result.year) if result.year else text("data_latest", lang)
    blocks.append(
        Paragraph(
            f"{period}；{when}；{text('method_' + method, lang)}。"
            if zh
            else f"{period.capitalize()}; {when}; {text('method_' + method, lang)}."
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

    blocks.append(Heading(text("by_indicator", lang)))
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


def _attention(result: PlanAssessment, lang: str, method: str) -> list[str]:
    """For each status off course, the indicators that have it, by name:
    '滞后于预期：光纤入户率、...'."""
    lines = []
    # binding indicators (约束性) are commitments: those off course are the first thing a review reports
    binding = [
        f"{row.indicator.name(lang)}（{text(row.status_for(method), lang)}）"
        if lang == "zh"
        else f"{row.indicator.name(lang)} ({text(row.status_for(method), lang)})"
        for row in result.rows
        if row.indicator.attribute == "binding" and TONES.get(row.status_for(method)) == "bad"
    ]
    if binding:
        joined = "、".join(binding) if lang == "zh" else ", ".join(binding)
        lines.append(f"{text('binding_first', lang)}{'：' if lang == 'zh' else ': '}{joined}")
    for status in result.counts(method):
        if TONES.get(status) != "bad":
            continue
        names = [row.indicator.name(lang) for row in ordered(result.rows) if row.status_for(method) == status]
        if lang == "zh":
            lines.append(f"{text(status, lang)}：{'、'.join(names)}")
        else:
            lines.append(f"{text(status, lang).capitalize()}: {', '.join(names)}")
    return lines


def indicator_paragraph(row: Assessment, lang: str, method: str = TIME) -> str | None:
    """Where the indicator stands, in plain words; None when there is no data."""
    ind = row.indicator
    if row.latest is None:
        return None
    zh = lang == "zh"
    value = fmt.figure(row.latest, ind, lang, with_unit=True)
    if row.has_observation and row.latest.is_preliminary:
        value += preliminary_mark(lang)
    parts = []
    if row.has_observation and row.baseline is not None:  # an observation is later than a baseline
        base = fmt.figure(row.baseline, ind, lang, with_unit=True)
        if row.baseline_observed:
            parts.append(
                f"{row.latest.year}年为{value}（{row.baseline.year}年首次观测值{base}）"
                if zh
                else f"{value} in {row.latest.year} (first observed at {base} in {row.baseline.year})"
            )
        else:
            parts.append(
                f"{row.latest.year}年为{value}（{row.baseline.year}年基期{base}）"
                if zh
                else f"{value} in {row.latest.year} (baseline {base} in {row.baseline.year})"
            )
    elif row.baseline_observed:
        parts.append(
            f"{row.latest.year}年首次观测值为{value}（规划未给出基期值），尚无可比较的后续观测值"
            if zh
            else f"{value} in {row.latest.year}, its first observation (the plan states no baseline), "
            f"with nothing later to compare"
        )
    else:
        parts.append(
            f"{row.latest.year}年基期{value}，暂无此后的观测值"
            if zh
            else f"{value} in the base year {row.latest.year}, with no observation since"
        )
    leg = row.from_latest
    if row.target is None:
        parts.append("规划未设目标值" if zh else "the plan sets no target")
    elif leg is not None:
        target = fmt.figure(row.target, ind, lang, with_unit=True)
        status = row.status_for(method)
        if status == ACHIEVED:
            parts.append(
                f"已达到{row.target.year}年目标{target}"
                if zh
                else f"it has reached the {row.target.year} target of {target}"
            )
        else:
            gap = fmt.difference(leg.gap, ind, lang)
            parts.append(
                f"距{row.target.year}年目标{target}尚差{gap}，{_needed_words(row, lang)}"
                if zh
                else f"{gap} short of the {row.target.year} target of {target}, {_needed_words(row, lang)}"
            )
    status = row.status_for(method)
    if status not in (NO_TARGET, ACHIEVED):
        shown = text(status, lang)
        why = row.status_reason(method)
        if why:  # never a bare "no data": say why
            shown += f"（{reason(why, lang)}）" if zh else f" ({reason(why, lang)})"
        parts.append(f"状态：{shown}" if zh else f"status: {shown}")
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
    sentence = "；".join(parts) + "。" if zh else "; ".join(parts) + "."
    if row.has_observation and row.latest.history:  # the office shows what changed since the preliminary figure
        sentence += revisions(row.latest, ind, lang) + "。" if zh else f" {revisions(row.latest, ind, lang)}."
    if ind.responsible:
        who = ind.responsible_label(lang)
        sentence += f"（{text('responsible', lang)}：{who}）" if zh else f" ({text('responsible', lang)}: {who}.)"
    return sentence if zh else sentence[0].upper() + sentence[1:]


def _needed_words(row: Assessment, lang: str) -> str:
    """'今后需年均增长19.4%' / 'it needs growth of 19.4% a year from now'."""
    leg, ind = row.from_latest, row.indicator
    assert leg is not None, "only called for an indicator with a target and a latest value"
    if ind.growth_model == COMPOUND and leg.required_growth is not None:
        rate = fmt.bounded(leg.bound, fmt.percent(leg.required_growth), lang)
        return f"今后需年均增长{rate}" if lang == "zh" else f"it needs growth of {rate} a year from now"
    if leg.required_change is None:
        return needed_per_year(leg, row, lang)
    step = fmt.difference(abs(leg.required_change), ind, lang)
    if lang == "zh":
        return f"今后需年均{'提高' if leg.required_change >= 0 else '降低'}{step}"
    return f"it needs {'a rise' if leg.required_change >= 0 else 'a fall'} of {step} a year from now"


def _goal_line(goal: Goal, result: PlanAssessment, lang: str) -> str:
    return with_notes(goal.text(lang), result.notes_for(goal.key))  # the section's heading says they are qualitative


def _sources(result: PlanAssessment, lang: str, method: str, version: str) -> list[str]:
    info = result.plan.info
    zh = lang == "zh"
    lines = []
    source = info.source_zh if zh or not info.source_en else f"{info.source_en} ({info.source_zh})"
    if source:
        lines.append(f"{text('plan_source', lang)}：{source}" if zh else f"{text('plan_source', lang)}: {source}")
    observed = sorted({f.quote for row in result.rows for f in row.observations if f.quote})
    if observed:
        joined = "；".join(observed) if zh else "; ".join(observed)
        lines.append(
            f"{text('observation_sources', lang)}：{joined}" if zh else f"{text('observation_sources', lang)}: {joined}"
        )
    t = info.thresholds
    lines.append(text("method_" + method + "_long", lang, ahead=fmt.number(t.ahead), on_track=fmt.number(t.on_track)))
    lines.append(text("made_by", lang, version=version))
    return lines
