"""The standard completion table (主要指标完成情况表), as mid-term and final
reviews of a plan file it: one row per indicator, binding indicators first,
indicators without a target last.

Columns: 指标 / 单位 / 属性 / 基期值 / 目标值 (as the plan states it) / 当年值 /
年均增长 required and actual / 完成进度 / 时间进度 (k/n) / 预期进度 (e) / 评价.
Both 时间进度 and 预期进度 are shown because they differ for compound
indicators: growing at exactly the required rate covers less than k/n of the
way in the early years, and a reader sees why 49 % done against 60 % of the
time can still be on track.
"""

from __future__ import annotations

from ..i18n import Msg, colon, comma, reason, say, text
from ..measure.assess import TIME, Assessment, PlanAssessment
from ..plan.kinds import COMPOUND, LINEAR
from ..plan.model import Figure
from ..plan.tuples import NamedTuple
from . import fmt
from .render import Table
from .views import preliminary_mark, reason_marks

R, L = "right", "left"

# 约束性 / 预期性: the plan's attribute of an indicator, where the data gives one
_ATTRIBUTES = {"binding": ("约束性", "binding"), "expected": ("预期性", "expected")}


def attribute(row: Assessment) -> str:
    """'binding', 'expected' or '' (the plan's data states none)."""
    return getattr(row.indicator, "attribute", "") or ""


def attribute_label(row: Assessment, lang: str) -> str:
    words = _ATTRIBUTES.get(attribute(row))
    return "" if words is None else words[0] if lang == "zh" else words[1]


def ordered(rows) -> list[Assessment]:
    """Binding indicators first, then those with a target, then the rest;
    the plan's order within each group."""
    return sorted(rows, key=lambda row: (attribute(row) != "binding", row.target is None))


class Growth(NamedTuple):
    """Average growth per year: compound as a rate, linear as a change in the unit."""

    rate: float | None = None
    change: float | None = None


def required_growth(row: Assessment) -> Growth:
    """What the plan requires each year, from the baseline to the target."""
    leg = row.from_baseline
    if leg is None:
        return Growth()
    if row.indicator.growth_model == COMPOUND:
        return Growth(rate=leg.required_growth)
    return Growth(change=leg.required_change)


def actual_growth(row: Assessment) -> Growth:
    """What the indicator has done each year since the baseline: the compound
    rate g_act, or the average change (x - b) / k."""
    latest, baseline = _observed(row), row.baseline
    if latest is None or baseline is None or latest.year <= baseline.year:
        return Growth()
    if row.indicator.growth_model == COMPOUND:
        return Growth(rate=row.growth_ratio.actual if row.growth_ratio else None)
    return Growth(change=(latest.value - baseline.value) / (latest.year - baseline.year))


def _observed(row: Assessment) -> Figure | None:
    """The latest observation after the baseline, or None."""
    return row.latest if row.has_observation else None


def time_elapsed(row: Assessment) -> float | None:
    """时间进度 k / n: the share of the plan's years gone by at the latest value."""
    latest = _observed(row)
    if latest is None or row.baseline is None or row.target is None:
        return None
    n = row.target.year - row.baseline.year
    if n <= 0:
        return None
    return min(latest.year - row.baseline.year, n) / n


def current_year(result: PlanAssessment) -> int | None:
    """The year the table reports on: --year, else the latest observed."""
    if result.year is not None:
        return result.year
    years = [latest.year for latest in map(_observed, result.rows) if latest is not None]
    return max(years) if years else None


def _growth_cell(growth: Growth, row: Assessment, lang: str) -> str:
    if growth.rate is not None:
        return fmt.percent(growth.rate)
    if growth.change is not None:
        return fmt.difference(growth.change, row.indicator, lang, sign=True, with_unit=False)
    return ""


# Verbs that open a stated target once the indicator's name is taken off
# ("固定宽带家庭普及率达到70%" -> "70%"); 超过, 以上 and the like stay: they are the bound
_LEADING_VERBS = ("达到", "达", "为", "实现")


def target_as_stated(row: Assessment, lang: str) -> str:
    """The target as the plan writes it (Chinese), without the indicator's
    name where the plan's sentence repeats it; as jmplan shows it when that
    is still a sentence rather than a figure, and in English."""
    if row.target is None:
        return ""
    # a change, a growth rate or a bound: the level it resolves to, with the plan's words beside it
    as_stated = fmt.as_stated(row.target, row.indicator, lang)
    if as_stated:
        shown = fmt.figure(row.target, row.indicator, lang)
        return say(Msg("with_reason", text=shown, why=as_stated), lang)
    stated = row.target.stated.replace(row.indicator.name_zh, "", 1).strip() if lang == "zh" else ""
    for verb in _LEADING_VERBS:
        if stated.startswith(verb) and len(stated) > len(verb):
            stated = stated[len(verb) :]
            break
    if stated and len(stated) <= 12:
        return stated
    return fmt.figure(row.target, row.indicator, lang)


def current_value(row: Assessment, lang: str, year: int | None) -> str:
    latest = _observed(row)
    if latest is None:
        return ""
    shown = fmt.figure(latest, row.indicator, lang)
    if latest.year != year:
        shown += f" ({latest.year})"
    if latest.is_preliminary:
        shown += preliminary_mark(lang)
    return shown


def review_headers(result: PlanAssessment, lang: str) -> list[str]:
    info = result.plan.info
    year = current_year(result)
    return [
        text("indicator", lang),
        text("unit", lang),
        text("attribute", lang),
        f"{text('baseline', lang)} ({info.base_year})",
        f"{text('target', lang)} ({info.target_year})",
        text("value_of_year", lang, year=year) if year else text("value_this_year", lang),
        text("growth_required", lang),
        text("growth_actual", lang),
        text("completion", lang),
        text("time_elapsed", lang),
        text("expected", lang),
        text("assessment", lang),
    ]


def review_table(result: PlanAssessment, lang: str, method: str = TIME) -> Table:
    """The completion table in display strings, rounded half up."""
    year = current_year(result)
    rows = []
    chosen = ordered(result.rows)
    marks = reason_marks(result, method)  # the footnotes under the table say why (reason_footnotes)
    for row in chosen:
        ind = row.indicator
        rows.append(
            [
                ind.name(lang),
                ind.unit_label(lang),
                attribute_label(row, lang),
                _baseline(row, lang, result.plan.info.base_year),
                target_as_stated(row, lang),
                current_value(row, lang, year),
                # from a baseline stated as a lower bound ("over 700"), the rate is an upper bound
                fmt.bounded(
                    row.from_baseline.bound if row.from_baseline else None,
                    _growth_cell(required_growth(row), row, lang),
                    lang,
                ),
                _growth_cell(actual_growth(row), row, lang),
                fmt.percent(row.progress.completion) if row.has_observation else "",
                fmt.percent(time_elapsed(row)),
                fmt.percent(row.progress.expected),
                text(row.status_for(method), lang) + marks.get(row.status_reason(method) or "", ""),
            ]
        )
    return Table(
        review_headers(result, lang),
        rows,
        [L, L, L, R, R, R, R, R, R, R, R, L],
        status_column=11,
        statuses=tuple(row.status_for(method) for row in chosen),
    )


def _baseline(row: Assessment, lang: str, base_year: int) -> str:
    """The baseline; an observation standing in for one the plan does not state shows its year."""
    if row.baseline is None:
        return ""
    shown = fmt.figure(row.baseline, row.indicator, lang)
    return shown if row.baseline.year == base_year else f"{shown} ({row.baseline.year})"


def summary_counts_line(result: PlanAssessment, lang: str, method: str = TIME) -> str:
    """'状态汇总：滞后于预期 1，符合预期 2' - the worst first."""
    counts = result.counts(method)  # most severe first
    return text("summary", lang) + colon(lang) + comma(lang).join(f"{text(s, lang)} {n}" for s, n in counts.items())


def review_notes(result: PlanAssessment, lang: str) -> list[str]:
    """What a reader needs to read the table right."""
    notes = []
    if any(latest is not None and latest.is_preliminary for latest in map(_observed, result.rows)):
        notes.append(text("note_preliminary", lang))
    if any(row.indicator.growth_model == LINEAR and row.target is not None for row in result.rows):
        notes.append(text("note_points", lang))
    return notes


def review_raw(result: PlanAssessment, lang: str, method: str = TIME) -> tuple[list[str], list[str], list[list]]:
    """(headers, kinds, rows) with unrounded values, for CSV and .xlsx. A kind
    is 'text', 'number', 'percent' (a fraction) or 'year'; None is an empty cell.
    Code columns (attribute, data status, status) stand beside the words."""
    columns = [
        ("key", text("key", lang), "text"),
        ("name", text("indicator", lang), "text"),
        ("unit", text("unit", lang), "text"),
        ("attribute", text("column_attribute", lang), "text"),
        ("attribute_code", text("column_attribute_code", lang), "text"),
        ("baseline_year", text("column_baseline_year", lang), "year"),
        ("baseline", text("baseline", lang), "number"),
        ("target_year", text("column_target_year", lang), "year"),
        ("target", text("target", lang), "number"),
        ("target_stated", text("column_target_stated", lang), "text"),
        ("year", text("column_year", lang), "year"),
        ("value", text("column_value", lang), "number"),
        ("data_status", text("column_data_status", lang), "text"),
        ("required_growth", text("column_required_growth", lang), "percent"),
        ("required_change", text("column_required_change", lang), "number"),
        ("actual_growth", text("column_actual_growth", lang), "percent"),
        ("actual_change", text("column_actual_change", lang), "number"),
        ("completion", text("completion", lang), "percent"),
        ("time_elapsed", text("column_time_elapsed", lang), "percent"),
        ("expected", text("expected", lang), "percent"),
        ("assessment", text("column_assessment", lang), "text"),
        ("status", text("status_slug", lang), "text"),
        ("status_reason", text("status_reason", lang), "text"),
    ]
    rows = []
    for row in ordered(result.rows):
        ind = row.indicator
        required, actual = required_growth(row), actual_growth(row)
        latest = _observed(row)
        base = row.baseline
        values = {
            "key": ind.key,
            "name": ind.name(lang),
            "unit": ind.unit,
            "attribute": attribute_label(row, lang),
            "attribute_code": attribute(row),
            "baseline_year": base.year if base else None,
            "baseline": base.value if base else None,
            "target_year": row.target.year if row.target else None,
            "target": row.target.value if row.target else None,
            "target_stated": row.target.stated if row.target else "",
            "year": latest.year if latest else None,
            "value": latest.value if latest else None,
            "data_status": latest.data_status if latest else "",
            "required_growth": required.rate,
            "required_change": required.change,
            "actual_growth": actual.rate,
            "actual_change": actual.change,
            "completion": row.progress.completion if latest else None,
            "time_elapsed": time_elapsed(row),
            "expected": row.progress.expected,
            "assessment": text(row.status_for(method), lang),
            "status": row.status_for(method),
            "status_reason": reason(row.status_reason(method), lang),
        }
        rows.append([values[name] for name, _, _ in columns])
    return [header for _, header, _ in columns], [kind for _, _, kind in columns], rows
