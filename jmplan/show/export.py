"""Assessments as plain dicts: the JSON contract documented in the README.

Values stay in the indicator's own unit and are never rounded; growth rates
are fractions per year (0.19418, not 19.4). Keys are stable: scripts use them.
"""

from __future__ import annotations

from typing import Any

from ..measure.assess import TIME, Assessment, Leg, PlanAssessment
from ..measure.calc import QUALITATIVE, Projection
from ..plan.model import Figure, Goal, Indicator, Note, Plan, Target

# 2: a status at or after the target year is the final verdict (achieved or
# not_achieved); targets gain form, bound and previous; metrics gain attribute,
# observed_as and milestones.
SCHEMA_VERSION = 2


def plan_dict(plan: Plan) -> dict:
    info = plan.info
    return {
        "name_zh": info.name_zh,
        "name_en": info.name_en,
        "region_zh": info.region_zh,
        "region_en": info.region_en,
        "source_zh": info.source_zh,
        "source_en": info.source_en,
        "base_year": info.base_year,
        "target_year": info.target_year,
        "thresholds": {
            "ahead": info.thresholds.ahead,
            "on_track": info.thresholds.on_track,
            "about": info.thresholds.about,
        },
    }


def figure_dict(fig: Figure | Target | None, observed: bool | None = None) -> dict | None:
    if fig is None:
        return None
    out = _stated_dict(fig)
    if fig.is_preliminary:
        out["data_status"] = fig.data_status
    if fig.recorded:
        out["recorded"] = fig.recorded
    if fig.history:
        out["history"] = [figure_dict(old) for old in fig.history]
    if observed is not None:
        out["observed"] = observed
    if fig.change_percent is not None:  # observed as yearly changes: value is the chained level
        out["reported_change_percent"] = fig.change_percent
    return out


def _stated_dict(fig: Figure | Target) -> dict[str, Any]:
    """What a figure and a target both give: year, value, qualifier, then
    upper, stated, source and the notes where they are given."""
    out: dict[str, Any] = {"year": fig.year, "value": fig.value, "qualifier": fig.qualifier}
    # Each optional key tested on its own, in the order of the contract: a
    # loop over (key, value) pairs built anew for each of a large plan's
    # 10,000s of figures cost a third of figure_dict.
    if fig.upper is not None:
        out["upper"] = fig.upper
    if fig.stated:
        out["stated"] = fig.stated
    if fig.quote:
        out["source"] = fig.quote
    if fig.note:
        out["note"] = fig.note
    if fig.note_en:
        out["note_en"] = fig.note_en
    return out


def target_dict(target: Target | None, replaced: tuple[Target, ...] = ()) -> dict | None:
    """A target: the figure (value is the resolved level) with how it is stated
    and met, and the earlier versions it replaced, each with `until` (the year it was replaced)."""
    out = _version_dict(target)
    if out is not None:
        out["previous"] = [_version_dict(version) for version in replaced]
    return out


def _version_dict(target: Target | None) -> dict | None:
    if target is None:
        return None
    # figure_dict's stated part alone: the rest (data status, date recorded,
    # history, yearly change) is an observation's, which a target never has,
    # and asking a target for each of them costs half of this function
    out = _stated_dict(target)
    out["form"] = target.form
    out["bound"] = target.bound
    if target.until is not None:
        out["until"] = target.until
    return out


def milestone_dict(milestone: Target) -> dict:
    return {"year": milestone.year, "value": milestone.value, "stated": milestone.stated, "source": milestone.quote}


def _leg_fields(leg: Leg | None) -> dict:
    return {
        "gap": leg.gap if leg else None,
        "relative_gap": leg.relative_gap if leg else None,
        "required_annual_growth": leg.required_growth if leg else None,
        "required_annual_change": leg.required_change if leg else None,
        "required_growth_bound": leg.bound if leg else None,
        "required_growth_undefined": leg.undefined_reason if leg else None,
    }


def _points(points) -> list[dict]:
    return [{"year": year, "value": value} for year, value in points]


def indicator_dict(ind: Indicator, lang: str) -> dict:
    """An indicator's definition, as plan.yaml gives it (`status`, `gap` and
    `metrics` all start a metric with these keys, in this order)."""
    return {
        "key": ind.key,
        "name_zh": ind.name_zh,
        "name_en": ind.name_en,
        "unit": ind.unit,
        "unit_label": ind.unit_label(lang),
        "growth_model": ind.growth_model,
        "direction": ind.direction,
        "responsible": ind.responsible,
        "responsible_en": ind.responsible_en,
        "attribute": ind.attribute,
        "observed_as": ind.observed_as,
    }


def metric_dict(row: Assessment, detail: bool = False, method: str = TIME, lang: str = "en") -> dict:
    """One indicator. `detail` adds what `gap` shows: trajectories and observations.
    `lang` chooses the display unit given beside the unit as the data writes it."""
    ind = row.indicator
    progress, growth = row.progress, row.growth_ratio
    out = {
        **indicator_dict(ind, lang),
        # the effective baseline; "observed": true when an observation stands in
        "baseline": figure_dict(row.baseline, row.baseline_observed if row.baseline else None),
        "latest": figure_dict(row.latest),
        "target": target_dict(row.target, row.replaced),
        "milestones": [milestone_dict(m) for m in row.milestones],
        **_leg_fields(row.from_latest),
        "method": method,
        "completion": progress.completion,
        "expected_progress": progress.expected,
        "actual_growth": growth.actual if growth else None,
        "ratio": row.ratio_for(method),
        "status": row.status_for(method),
        "status_reason": row.status_reason(method),  # why no_data, or why the ratio is null
        # with --year T and only data before T: the verdict waits for year T's figure
        "verdict_awaits": row.verdict_awaits,
        "notes": notes_list(row.notes),  # the indicator's notes up to the year asked for
        "projection": _projection_dict(row.projection),
    }
    if detail:
        out = {"schema_version": SCHEMA_VERSION, **out}
        out["observations"] = [figure_dict(f) for f in row.observations]
        out["from_baseline"] = _leg_fields(row.from_baseline)
        out["trajectory"] = _points(row.from_baseline.trajectory()) if row.from_baseline else []
        out["trajectory_from_latest"] = (
            _points(row.from_latest.trajectory()) if row.from_latest and row.has_observation else []
        )
    return out


def _projection_dict(projection: Projection | None) -> dict | None:
    if projection is None:
        return None
    return {
        "value": projection.value,
        "meets_target": projection.meets_target,
        "year_reached": projection.year_reached,
        # the pace would carry it past what it can take (100 % for a share, 0 for a level):
        # value stops there, and this says where and in which year the pace gets there
        "limit": None if projection.limit is None else {"value": projection.limit, "year": projection.limit_year},
    }


def notes_list(notes: tuple[Note, ...]) -> list[dict]:
    return [{"year": n.year, "text": n.text} for n in notes]


def goal_dict(goal: Goal, notes: tuple[Note, ...] = ()) -> dict:
    """A goal or task; `notes` as PlanAssessment.notes_for gives them (up to the year asked for)."""
    return {
        "key": goal.key,
        "text_zh": goal.text_zh,
        "text_en": goal.text_en,
        "status": QUALITATIVE,
        "source": goal.quote,
        "notes": notes_list(notes),
    }


def status_dict(result: PlanAssessment, method: str = TIME, lang: str = "en", stream: bool = False) -> dict:
    """`jmplan status --format json`. With `stream`, `metrics` is an iterator
    that makes each metric's dict as it is taken (render.json_chunks writes
    it so): a large plan's metrics are never all held at once."""
    metrics = (metric_dict(row, method=method, lang=lang) for row in result.rows)
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "plan": plan_dict(result.plan),
        "year": result.year,
        "method": method,
        "counts": result.counts(method),
        "metrics": metrics if stream else list(metrics),
        "goals": [goal_dict(g, result.notes_for(g.key)) for g in result.goals],
        "tasks": [goal_dict(t, result.notes_for(t.key)) for t in result.tasks],
    }


def metrics_dict(plan: Plan, lang: str = "en") -> dict:
    """`jmplan metrics`: what each indicator is and what is known of it."""
    rows = []
    for ind in plan.indicators.values():
        target = plan.targets.get(ind.key)
        rows.append(
            {
                **indicator_dict(ind, lang),
                "baseline": figure_dict(plan.baselines.get(ind.key)),
                "target": target_dict(target, target.previous if target else ()),
                "milestones": [milestone_dict(m) for m in plan.milestones_of(ind.key).values()],
                "observation_years": sorted(plan.observations_of(ind.key)),
            }
        )
    return {"schema_version": SCHEMA_VERSION, "lang": lang, "plan": plan_dict(plan), "metrics": rows}


def compare_dict(comparison, detail: bool = False) -> dict:
    """`jmplan compare`: the plans, then per shared indicator one row per plan.
    In rows, `plan` is an index into `plans`; figures are in the metric's unit."""
    from .compare_view import plan_folder

    counts = comparison.counts()
    plans = []
    for index, plan in enumerate(comparison.plans):
        plans.append(
            {
                "label_zh": comparison.labels_zh[index],
                "label_en": comparison.labels_en[index],
                "folder": plan_folder(plan),
                **plan_dict(plan),
                "counts": counts[index],
            }
        )
    metrics = []
    for metric in comparison.metrics:
        rows = []
        for row in metric.rows:
            plan = comparison.plans[row.plan]
            out = {
                "plan": row.plan,
                "region": plan.info.region_zh or plan.info.region_en,
                "indicator": row.indicator.key,
                "unit": row.indicator.unit,
                "unit_factor": None if row.factor is None else float(row.factor),
                "baseline": figure_dict(row.baseline),
                "latest": figure_dict(row.latest),
                "target": target_dict(row.target, row.replaced),
                "milestones": [milestone_dict(m) for m in row.milestones],
                "required_annual_growth": row.required_growth,
                "required_annual_change": row.required_change,
                "required_growth_bound": row.required_bound,
                "status": row.status,
                "rank": row.rank,
                "rank_value": row.rank_value.value if row.rank_value else None,
                "rank_reason": row.rank_reason,
            }
            if detail:
                out["observations"] = [figure_dict(f) for f in row.observations]
                out["trajectory"] = _points(row.trajectory())
            rows.append(out)
        metrics.append(
            {
                "key": metric.key,
                "name_zh": metric.name_zh,
                "name_en": metric.name_en,
                "unit": metric.unit,
                "growth_model": metric.growth_model,
                "direction": metric.direction,
                "rank_year": metric.rank_year,
                "rank_reason": metric.rank_reason,
                "rows": rows,
            }
        )
    successions = [
        {
            "predecessor": s.predecessor,
            "successor": s.successor,
            "metrics": [
                {
                    "key": h.key,
                    "year": h.year,
                    "final": figure_dict(h.final),
                    "target": target_dict(h.target),
                    "baseline": figure_dict(h.baseline),
                    "difference": h.difference,
                    "relative_difference": h.relative_difference,
                    "mismatch": h.mismatch,
                    "target_met": h.target_met,
                }
                for h in s.handovers
            ],
        }
        for s in comparison.successions
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "year": comparison.year,
        "method": comparison.method,
        "plans": plans,
        "metrics": metrics,
        "successions": successions,
        "warnings": [
            {"kind": n.kind, "metric": n.metric, "plans": list(n.plans), **n.details} for n in comparison.notices
        ],
    }
