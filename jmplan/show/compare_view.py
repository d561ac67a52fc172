"""What `jmplan compare` shows: a comparison -> blocks of display text, the
raw table behind its CSV, and the sentences of its notices. Reusable from
Python and by the report's comparison section."""

from __future__ import annotations

from ..i18n import colon, semicolon, text
from ..i18n.compare_words import COMPARE_NOTICES, COMPARE_WORDS
from ..measure.compare import Comparison, Metric, Notice, Row
from ..plan.kinds import COMPOUND, LINEAR
from ..plan.model import Indicator, Target
from . import fmt
from .render import Heading, Lines, Table

R, L = "right", "left"


def word(key: str, lang: str, **values) -> str:
    zh, en = COMPARE_WORDS[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**values) if values else chosen


def metric_indicator(metric: Metric, comparison: Comparison) -> Indicator:
    """An Indicator standing for the metric, for fmt: its unit, with the
    display labels of the first plan that writes it in that unit."""
    labels = next((r.indicator for r in metric.rows if r.indicator.unit == metric.unit), None)
    return Indicator(
        key=metric.key,
        name_zh=metric.name_zh,
        name_en=metric.name_en,
        unit=metric.unit,
        growth_model=metric.growth_model,
        direction=metric.direction,
        unit_zh=labels.unit_zh if labels else "",
        unit_en=labels.unit_en if labels else "",
    )


def notice_text(notice: Notice, comparison: Comparison, lang: str) -> str:
    metric = next((m for m in comparison.metrics if m.key == notice.metric), None)
    name = f"{metric.name(lang)} ({notice.metric})" if metric else notice.metric
    labels = [comparison.labels(lang)[i] for i in notice.plans]
    zh, en = COMPARE_NOTICES[notice.kind]
    d = notice.details
    values: dict = {"metric": name, "plan": labels[0]}
    if notice.kind == "unit_refused":
        values.update(unit=d["unit"], to=d["to"])
    elif notice.kind == "direction_differs":
        values.update(direction=text(d["direction"], lang))
    elif notice.kind == "baseline_mismatch":
        ind = metric_indicator(metric, comparison) if metric else None
        show = (lambda v: fmt.quantity(v, ind, lang)) if ind else str
        values.update(
            before=labels[0],
            after=labels[1],
            year=d["year"],
            final=show(d["final"]),
            baseline=show(d["baseline"]),
            relative=fmt.percent(abs(d["relative"])) if d["relative"] is not None else "",
        )
    return (zh if lang == "zh" else en).format(**values)  # the pair comes from jmplan/i18n/compare_words.py


def _needed(row: Row, ind: Indicator, lang: str) -> str:
    per_year = text("per_year", lang)
    if ind.growth_model == COMPOUND and row.required_growth is not None:
        return fmt.bounded(row.required_bound, fmt.percent(row.required_growth) + per_year, lang)
    if ind.growth_model == LINEAR and row.required_change is not None:
        return fmt.difference(row.required_change, ind, lang, sign=True, with_unit=False) + per_year
    return ""


def _with_year(fig, ind: Indicator, lang: str) -> str:
    return f"{fmt.figure(fig, ind, lang)} ({fig.year})" if fig is not None else ""


def _target_cell(target: Target | None, ind: Indicator, lang: str) -> str:
    """A target's level and year, and how the plan states it where that says
    more (a bound, a change, a rate): '3,000 (2015; 超过3000亿元)'."""
    if target is None:
        return ""
    stated = fmt.as_stated(target, ind, lang)
    sep = semicolon(lang)
    return f"{fmt.figure(target, ind, lang)} ({target.year}{sep + stated if stated else ''})"


def _ranked_count(metric: Metric) -> int:
    return sum(1 for r in metric.rows if r.rank is not None)


def _rank_cell(row: Row, ranked: int) -> str:
    """'2/21': the rank among the plans ranked; a dash for none."""
    return f"{row.rank}/{ranked}" if row.rank is not None else "—"


def metric_table(metric: Metric, comparison: Comparison, lang: str) -> Table:
    ind = metric_indicator(metric, comparison)
    table = Table(
        headers=[
            word("plan", lang),
            text("baseline", lang),
            text("latest", lang),
            text("target", lang),
            text("needed", lang),
            text("status", lang),
            word("rank", lang),
        ],
        rows=[],
        align=[L, R, R, R, R, L, R],
    )
    ranked = _ranked_count(metric)
    interim = any(row.milestones for row in metric.rows)
    if interim:  # the plans' interim targets, beside the final ones
        table.headers.insert(4, word("milestones", lang))
        table = table._replace(align=[L, R, R, R, R, R, L, R])
    for row in metric.rows:
        if row.factor is None:
            cells = ["", "", "", "", word("unit_refused", lang)]
        else:
            has_observation = row.assessment is not None and row.assessment.has_observation
            cells = [
                _with_year(row.baseline, ind, lang),
                _with_year(row.latest, ind, lang) if has_observation else "",
                _target_cell(row.target, ind, lang),
                _needed(row, ind, lang),
                text(row.status, lang),
            ]
        if interim:
            sep = semicolon(lang)
            cells.insert(3, sep.join(_target_cell(m, ind, lang) for m in row.milestones))
        table.rows.append([comparison.labels(lang)[row.plan], *cells, _rank_cell(row, ranked)])
    return table


def metric_heading(metric: Metric, comparison: Comparison, lang: str, level: int = 2) -> Heading:
    ind = metric_indicator(metric, comparison)
    unit = ind.unit_label(lang)
    sep = semicolon(lang)
    if metric.rank_reason is None and metric.rank_year is not None:
        ranking = word("ranked_on", lang, year=metric.rank_year)
    else:
        ranking = word("not_ranked", lang, why=word(metric.rank_reason or "no_shared_year", lang))
    details = sep.join([f"{text('unit', lang)}{colon(lang)}{unit}", text(metric.direction, lang), ranking])
    return Heading(f"{metric.name(lang)} ({metric.key})\n{details}", level=level)


def _rank_notes(metric: Metric, comparison: Comparison, lang: str) -> list[str]:
    """Why a plan with a value has no rank, where the table cannot say it."""
    notes = []
    for row in metric.rows:
        if row.rank is None and row.rank_reason not in (None, metric.rank_reason, "unit_refused"):
            why = word("not_ranked", lang, why=word(row.rank_reason, lang))
            notes.append(f"{comparison.labels(lang)[row.plan]}{colon(lang)}{why}")
    return notes


def plans_table(comparison: Comparison, lang: str) -> Table:
    rows = []
    for index, plan in enumerate(comparison.plans):
        info = plan.info
        rows.append(
            [
                comparison.labels(lang)[index],
                info.name_zh if lang == "zh" else info.name_en,
                f"{info.base_year}–{info.target_year}",
                plan_folder(plan),
            ]
        )
    return Table(
        [word("plan", lang), word("plan_name", lang), word("years", lang), word("folder", lang)],
        rows,
        [L, L, L, L],
    )


def ranks_table(comparison: Comparison, lang: str) -> Table:
    """Every shared indicator in a line: each plan's rank, at a glance."""
    labels = comparison.labels(lang)
    rows = []
    for metric in comparison.metrics:
        ranked = _ranked_count(metric)
        ranks = {row.plan: _rank_cell(row, ranked) for row in metric.rows}
        year = str(metric.rank_year) if metric.rank_reason is None and metric.rank_year is not None else "—"
        rows.append([metric.name(lang), year] + [ranks.get(i, "") for i in range(len(labels))])
    return Table([text("indicator", lang), word("rank_year", lang), *labels], rows, [L, L] + [R] * len(labels))


def counts_lines(comparison: Comparison, lang: str) -> list[str]:
    lines = []
    for index, counts in enumerate(comparison.counts()):
        shown = ", ".join(f"{text(s, lang)} {n}" for s, n in counts.items()) or "—"
        lines.append(f"{comparison.labels(lang)[index]}{colon(lang)}{shown}")
    return lines


def compare_blocks(comparison: Comparison, lang: str, level: int = 1, detail: bool = False) -> list:
    """The whole comparison. `level` is the level of its title (2 inside a report)."""
    zh = lang == "zh"
    when = text("data_to", lang, year=comparison.year) if comparison.year else text("data_latest", lang)
    blocks: list = [
        Heading(f"{word('compare_title', lang, n=len(comparison.plans))}\n{when}", level=level),
        plans_table(comparison, lang),
    ]
    if not comparison.metrics:
        blocks.append(Lines([word("nothing_shared", lang)]))
        return blocks
    if len(comparison.metrics) > 1:
        blocks += [Heading(word("ranks", lang), level=level + 1), ranks_table(comparison, lang)]
    for metric in comparison.metrics:
        blocks.append(metric_heading(metric, comparison, lang, level=level + 1))
        blocks.append(metric_table(metric, comparison, lang))
        notes = _rank_notes(metric, comparison, lang)
        if notes:
            blocks.append(Lines(notes))
        if detail:
            table = trajectory_table(metric, comparison, lang)
            if table.rows:
                blocks += [Heading(word("trajectories", lang), level=level + 2), table]
    blocks.append(Heading(word("shared_counts", lang), level=level + 1))
    blocks.append(Lines(counts_lines(comparison, lang)))
    for succession in comparison.successions:
        if not succession.handovers:
            continue
        before, after = comparison.labels(lang)[succession.predecessor], comparison.labels(lang)[succession.successor]
        year = comparison.plans[succession.predecessor].info.target_year
        blocks.append(Heading(word("succession_head", lang, before=before, after=after, year=year), level=level + 1))
        blocks.append(succession_table(comparison, succession, lang))
    notices = [notice_text(n, comparison, lang) for n in comparison.notices]
    if notices:
        blocks.append(Heading(word("warning", lang).capitalize() if not zh else word("warning", lang), level=level + 1))
        blocks.append(Lines(notices))
    return blocks


def succession_table(comparison: Comparison, succession, lang: str) -> Table:
    metrics = {m.key: m for m in comparison.metrics}
    rows = []
    for h in succession.handovers:
        metric = metrics[h.key]
        ind = metric_indicator(metric, comparison)
        if h.final is not None and h.baseline is not None:
            agreement = word("mismatch" if h.mismatch else "agree", lang)
        else:
            agreement = ""
        met = "" if h.target_met is None else word("yes" if h.target_met else "no", lang)
        rows.append(
            [
                metric.name(lang),
                ind.unit_label(lang),
                fmt.figure(h.final, ind, lang),
                fmt.figure(h.baseline, ind, lang),
                agreement,
                fmt.figure(h.target, ind, lang),
                met,
            ]
        )
    return Table(
        [
            text("indicator", lang),
            text("unit", lang),
            word("final", lang),
            word("succ_baseline", lang),
            word("difference", lang),
            word("pred_target", lang),
            word("target_met", lang),
        ],
        rows,
        [L, L, R, R, L, R, L],
    )


def trajectory_table(metric: Metric, comparison: Comparison, lang: str, raw: bool = False) -> Table:
    """Year by year, for each plan: its values and its required path."""
    show = _raw if raw else (lambda v: "" if v is None else fmt.number(v))
    columns = []
    years: set[int] = set()
    for row in metric.rows:
        if row.factor is None:
            continue
        actual = {f.year: f.value for f in row.observations}
        if row.baseline is not None and row.assessment is not None and not row.assessment.baseline_observed:
            actual.setdefault(row.baseline.year, row.baseline.value)
        path = dict(row.trajectory())
        years |= set(actual) | set(path)
        columns.append((comparison.labels(lang)[row.plan], actual, path))
    headers = [text("year", lang)]
    for label, _, _ in columns:
        headers += [f"{label} {text('actual', lang)}", f"{label} {text('trajectory', lang)}"]
    rows = []
    for year in sorted(years):
        cells = [str(year)]
        for _, actual, path in columns:
            cells += [show(actual.get(year)), show(path.get(year))]
        rows.append(cells)
    return Table(headers, rows, [L] + [R] * (len(headers) - 1))


def compare_csv(comparison: Comparison, lang: str) -> Table:
    """One row per compared indicator and plan: raw numbers in the metric's unit."""
    headers = [
        word("metric_key", lang),
        text("indicator", lang),
        text("unit", lang),
        word("plan", lang),
        word("region", lang),
        word("own_key", lang),
        word("plan_unit", lang),
        f"{text('baseline', lang)} {text('year', lang)}",
        text("baseline", lang),
        text("qualifier", lang),
        f"{text('latest', lang)} {text('year', lang)}",
        text("latest", lang),
        f"{text('target', lang)} {text('year', lang)}",
        text("target", lang),
        text("upper", lang),
        text("required_growth", lang),
        text("required_change", lang),
        text("status", lang),
        text("status_slug", lang),
        word("rank_year", lang),
        word("rank", lang),
        word("rank_value", lang),
        word("rank_reason", lang),
    ]
    rows = []
    for metric in comparison.metrics:
        for row in metric.rows:
            plan = comparison.plans[row.plan]
            region = plan.info.region_zh if lang == "zh" else plan.info.region_en
            b, x, t = row.baseline, row.latest, row.target
            observed = row.assessment is not None and row.assessment.has_observation
            rows.append(
                [
                    metric.key,
                    metric.name(lang),
                    metric.unit,
                    comparison.labels(lang)[row.plan],
                    region or "",
                    row.indicator.key,
                    row.indicator.unit,
                    _raw(b and b.year),
                    _raw(b and b.value),
                    text(b.qualifier, lang) if b and b.qualifier in ("over", "about") else "",
                    _raw(x and x.year) if observed else "",
                    _raw(x and x.value) if observed else "",
                    _raw(t and t.year),
                    _raw(t and t.value),
                    _raw(t and t.upper),
                    _raw(row.required_growth),
                    _raw(row.required_change),
                    text(row.status, lang),
                    row.status,
                    _raw(metric.rank_year),
                    _raw(row.rank),
                    _raw(row.rank_value and row.rank_value.value),
                    word(row.rank_reason, lang) if row.rank_reason else "",
                ]
            )
    return Table(headers, rows)


def _raw(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def plan_folder(plan) -> str:
    """The plan's folder as the user gave it (relative where it can be)."""
    from ..plan.problems import display_path

    return display_path(plan.folder) if plan.folder else ""
