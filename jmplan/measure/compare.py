"""Several plans side by side: the cities of a province on the indicators
they share, or a plan beside its predecessor.

Indicators are matched on their compare key (`same_as:`, else their own
key); every plan's figures are converted to the metric's unit, or the plan
is left out of the ranking with the reason, never compared raw. Ranks
compare values of one year only. A predecessor's final values are checked
against its successor's baseline. Nothing here formats: show/ does.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import chain
from typing import Any, overload

from ..i18n import Msg
from ..plan.common import COMMON
from ..plan.kinds import INCREASE, Direction, GrowthModel
from ..plan.model import Figure, Indicator, Plan, Target
from ..plan.spelling import close_matches
from ..plan.tuples import NamedTuple
from ..plan.units import convert, unit_factor
from .assess import TIME, Assessment, assess_indicator
from .calc import NO_DATA

# Two figures for the same year are taken to agree when they differ by no
# more than this share of the larger: the rounding of a figure stated in 万
# or to three significant digits, not a revision of the statistics.
AGREE = 0.005
AGREE_ABOUT = 0.05  # for a figure stated as "about" (约)


class Row(NamedTuple):
    """One plan's figures for one compared indicator, in the metric's unit."""

    plan: int  # index into Comparison.plans
    indicator: Indicator  # the plan's own indicator
    factor: Decimal | None  # from the indicator's unit to the metric's; None: no conversion
    assessment: Assessment | None  # None when the year asked for is outside the plan's years
    baseline: Figure | None
    latest: Figure | None
    target: Target | None  # as the plan states it; value (and upper) in the metric's unit
    status: str
    required_growth: float | None
    required_change: float | None
    required_bound: str | None
    rank: int | None
    rank_value: Figure | None  # the figure the rank compares (the rank year's)
    rank_reason: str | None  # why rank is None (a slug with details, see i18n)
    # the plan's interim targets, years ascending, in the metric's unit (a
    # plan without a baseline has them too: comparisons set targets side by side)
    milestones: tuple[Target, ...] = ()

    @property
    def observations(self) -> tuple[Figure, ...]:
        if self.assessment is None or self.factor is None:  # no values for a unit that cannot be converted
            return ()
        return tuple(_converted(f, self.factor) for f in self.assessment.observations)

    @property
    def replaced(self) -> tuple[Target, ...]:
        """The earlier versions of the target in force, in the metric's unit."""
        if self.assessment is None or self.factor is None:
            return ()
        return tuple(_converted_target(t, self.factor) for t in self.assessment.replaced)

    def trajectory(self) -> list[tuple[int, float]]:
        """The required path from the baseline, in the metric's unit."""
        leg = self.assessment.from_baseline if self.assessment else None
        if leg is None or self.factor is None:
            return []
        return [(year, convert(value, self.factor)) for year, value in leg.trajectory()]


class Metric(NamedTuple):
    key: str  # the compare key
    name_zh: str
    name_en: str
    unit: str
    direction: Direction
    growth_model: GrowthModel
    rank_year: int | None
    rank_reason: str | None  # why no plan is ranked, when none is
    rows: tuple[Row, ...]

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


class Handover(NamedTuple):
    """One indicator across a plan and its successor: the predecessor's
    final value and target against the successor's baseline."""

    key: str
    year: int
    final: Figure | None  # the predecessor's value in its target year, if observed
    target: Target | None  # the predecessor's target
    baseline: Figure | None  # the successor's baseline
    difference: float | None  # baseline - final
    relative_difference: float | None  # difference / final
    mismatch: bool
    target_met: bool | None  # by the successor's baseline; None without both


class Succession(NamedTuple):
    predecessor: int
    successor: int
    handovers: tuple[Handover, ...]


class Notice(NamedTuple):
    """Something the reader should know: a slug (see i18n) with its details."""

    kind: str
    metric: str
    plans: tuple[int, ...]
    details: dict[str, Any]


class Comparison(NamedTuple):
    plans: tuple[Plan, ...]
    labels_zh: tuple[str, ...]  # a short name for each plan, unique
    labels_en: tuple[str, ...]
    year: int | None
    method: str
    metrics: tuple[Metric, ...]
    successions: tuple[Succession, ...]
    notices: tuple[Notice, ...]

    def labels(self, lang: str) -> tuple[str, ...]:
        return self.labels_zh if lang == "zh" else self.labels_en

    def counts(self, method: str | None = None) -> list[dict[str, int]]:
        """Per plan: its statuses on the compared indicators."""
        counts: list[dict[str, int]] = [{} for _ in self.plans]
        for metric in self.metrics:
            for row in metric.rows:
                status = row.status if method is None else _status(row.assessment, method)
                counts[row.plan][status] = counts[row.plan].get(status, 0) + 1
        return counts


def _status(assessment: Assessment | None, method: str) -> str:
    return assessment.status_for(method) if assessment else NO_DATA


def plan_labels(plans: list[Plan] | tuple[Plan, ...], lang: str) -> tuple[str, ...]:
    """A short name per plan: its region (or folder), with its years where
    two plans share a region, and a number where even that repeats."""
    base = []
    for p in plans:
        region = (p.info.region_zh or p.info.region_en) if lang == "zh" else (p.info.region_en or p.info.region_zh)
        base.append(region or (p.folder.name if p.folder else "") or p.info.name_en)
    labels = []
    for plan, name in zip(plans, base):
        if base.count(name) > 1:
            name = f"{name} {plan.info.base_year + 1}–{plan.info.target_year}"
        labels.append(name)
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if labels.count(label) == 1 else f"{label} #{seen[label]}")
    return tuple(unique)


def compare_plans(plans: list[Plan] | tuple[Plan, ...], year: int | None = None, method: str = TIME) -> Comparison:
    """Compare the plans on every indicator two or more of them share.

    >>> from jmplan import compare_plans, load_plan
    >>> jiangmen = load_plan()
    >>> twin = jiangmen._replace(info=jiangmen.info._replace(region_zh="孪生市", region_en="Twin"))
    >>> result = compare_plans([jiangmen, twin])
    >>> metric = result.metrics[0]
    >>> metric.key, metric.rank_year, [(result.labels_en[r.plan], r.rank) for r in metric.rows]
    ('fibre_length', 2015, [('Jiangmen', 1), ('Twin', 1)])
    """
    plans = tuple(plans)
    notices: list[Notice] = []
    # compare key -> [(plan index, indicator)], in the order first seen
    shared: dict[str, list[tuple[int, Indicator]]] = {}
    for index, plan in enumerate(plans):
        for indicator in plan.indicators.values():
            shared.setdefault(indicator.compare_key, []).append((index, indicator))
    metrics = []
    for key, members in shared.items():
        if len({index for index, _ in members}) < 2:
            continue
        metrics.append(_metric(key, members, plans, year, method, notices))
    successions = _successions(plans, metrics, notices)
    return Comparison(
        plans,
        plan_labels(plans, "zh"),
        plan_labels(plans, "en"),
        year,
        method,
        tuple(metrics),
        successions,
        tuple(notices),
    )


def _definition(
    key: str, members: list[tuple[int, Indicator]], plans: tuple[Plan, ...]
) -> tuple[str, str, str, Direction]:
    """(name_zh, name_en, unit, direction) of a compared indicator: the
    common list's, a plan's own addition to it, else the first plan's."""
    entry = COMMON.get(key)
    if entry is None:
        entry = next((plans[i].common[key] for i, _ in members if key in plans[i].common), None)
    if entry is not None:
        return entry.name_zh, entry.name_en, entry.unit, entry.direction
    first = members[0][1]
    return first.name_zh, first.name_en, first.unit, first.direction


def _metric(
    key: str,
    members: list[tuple[int, Indicator]],
    plans: tuple[Plan, ...],
    year: int | None,
    method: str,
    notices: list[Notice],
) -> Metric:
    name_zh, name_en, unit, direction = _definition(key, members, plans)
    models = [ind.growth_model for _, ind in members]
    starts = []
    factors: dict[str, Decimal | None] = {}
    for index, indicator in members:
        plan = plans[index]
        if indicator.unit not in factors:  # worked out once per unit: most plans write the same one
            factors[indicator.unit] = unit_factor(indicator.unit, unit)
        factor = factors[indicator.unit]
        if factor is None:
            notices.append(Notice("unit_refused", key, (index,), {"unit": indicator.unit, "to": unit}))
        if indicator.direction != direction:
            notices.append(Notice("direction_differs", key, (index,), {"direction": indicator.direction}))
        info = plan.info
        if year is not None and not info.base_year <= year <= info.target_year:
            assessment = None
        else:
            assessment = assess_indicator(plan, indicator, year)
        starts.append(_row_start(index, indicator, factor, assessment, plan, method))
    ranks, rank_year, reason = _ranks(starts, plans, year, direction)
    rows = tuple(
        # each Row made once, whole: NamedTuple._replace costs several times a tuple (15,000 rows over 300 plans)
        _new(Row, (*start, *rank, _milestones(start, plans[start[0]], year)))
        for start, rank in zip(starts, ranks)
    )
    return Metric(key, name_zh, name_en, unit, direction, max(set(models), key=models.count), rank_year, reason, rows)


RowStart = tuple[Any, ...]  # a Row's fields up to its rank, in order (_row_start)
_new = tuple.__new__  # a NamedTuple from a tuple of all its fields, without its Python-level __new__


def _milestones(start: RowStart, plan: Plan, year: int | None) -> tuple[Target, ...]:
    """The plan's interim targets for the row's indicator, in the metric's unit."""
    indicator, factor, assessment = start[1:4]
    written = plan.milestones_of(indicator.key)
    if not written:
        return ()
    # the year whose version of a revised milestone applies, as assess decides it for the target
    assessed = year
    if assessed is None and assessment is not None and assessment.has_observation and assessment.latest:
        assessed = assessment.latest.year
    milestones = tuple(_converted_target(m.in_force(assessed), factor) for m in written.values())
    return tuple(m for m in milestones if m is not None)


def _row_start(
    index: int, indicator: Indicator, factor: Decimal | None, assessment: Assessment | None, plan: Plan, method: str
) -> RowStart:
    """A row's fields up to its rank (Row's first fields, in order), figures in the metric's unit."""
    if assessment is None:
        # --year outside this plan's years: its stated figures stand, but it has no value for that year
        return (
            index,
            indicator,
            factor,
            None,
            _converted(plan.baselines.get(indicator.key), factor),
            None,
            _converted_target(plan.targets.get(indicator.key), factor),
            NO_DATA,
            None,
            None,
            None,
        )
    leg = assessment.from_latest
    change = leg.required_change if leg else None
    return (
        index,
        indicator,
        factor,
        assessment,
        _converted(assessment.baseline, factor),
        _converted(assessment.latest, factor),
        _converted_target(assessment.target, factor),
        assessment.status_for(method),
        leg.required_growth if leg else None,
        convert(change, factor) if factor is not None else None,
        leg.bound if leg else None,
    )


@overload
def _converted(figure: Figure, factor: Decimal) -> Figure: ...
@overload
def _converted(figure: Figure | None, factor: Decimal | None) -> Figure | None: ...
def _converted(figure: Figure | None, factor: Decimal | None) -> Figure | None:
    if figure is None or factor is None or factor == 1:
        return figure if factor is not None else None
    return figure._replace(value=convert(figure.value, factor), upper=convert(figure.upper, factor))


# the forms whose `amount` is in the indicator's unit (a level, a change); a
# percentage (年均增长7%, 提高10%) stays what it is in any unit
_AMOUNT_IN_UNIT = ("value", "change", "range")


@overload
def _converted_target(target: Target, factor: Decimal) -> Target: ...
@overload
def _converted_target(target: Target | None, factor: Decimal | None) -> Target | None: ...
def _converted_target(target: Target | None, factor: Decimal | None) -> Target | None:
    """The target with its level (and a level or change it is stated as) in the metric's unit."""
    if target is None or factor is None:
        return None
    if factor == 1:
        return target
    amount = convert(target.amount, factor) if target.form in _AMOUNT_IN_UNIT else target.amount
    return target._replace(
        value=convert(target.value, factor),
        upper=convert(target.upper, factor),
        amount=target.amount if amount is None else amount,
        previous=tuple(_converted_target(t, factor) for t in target.previous),
    )


_NO_VALUES: dict[int, Figure] = {}


def _values_by_year(plan: Plan, indicator: Indicator, year: int | None) -> dict[int, Figure]:
    """Every value (not target) the plan has for the indicator, by year (only
    `year`'s when given), in the plan's own unit: only the values a rank
    compares are converted."""
    observed = plan.observations_of(indicator.key)
    stated = plan.baselines.get(indicator.key)
    if year is not None:
        figure = observed[year] if year in observed else stated if stated is not None and stated.year == year else None
        return _NO_VALUES if figure is None else {year: figure}
    if stated is None or stated.year in observed:  # an observation of the base year stands for the baseline
        return observed
    return {stated.year: stated, **observed}


def _ranks(
    starts: list[RowStart], plans: tuple[Plan, ...], year: int | None, direction: Direction
) -> tuple[list[tuple[int | None, Figure | None, str | None]], int | None, str | None]:
    """Each row's (rank, the value ranked, why it has no rank), the year
    ranked, and why nothing is ranked when nothing is. Ranks compare values
    of one year: `year`, or else the year in which the most plans have a
    value (the latest of equals)."""
    by_row = []
    for start in starts:
        index, indicator, factor = start[:3]
        if factor is None or indicator.direction != direction:
            by_row.append(_NO_VALUES)
        else:
            by_row.append(_values_by_year(plans[index], indicator, year))
    years = Counter(chain.from_iterable(by_row))  # year -> how many rows have a value in it
    rank_year: int | None
    if year is not None:
        rank_year = year
    else:
        common = [y for y, n in years.items() if n >= 2]
        rank_year = max(common, key=lambda y: (years[y], y)) if common else None
    ranked: list[tuple[int, Figure]] = []
    if rank_year is not None and years.get(rank_year, 0) >= 2:
        ranked = [
            (i, _converted(values[rank_year], starts[i][2])) for i, values in enumerate(by_row) if rank_year in values
        ]
    sign = 1 if direction == INCREASE else -1
    order = sorted(ranked, key=lambda item: -sign * item[1].value)
    ranks: dict[int, tuple[int, Figure]] = {}
    for position, (i, fig) in enumerate(order):
        previous = order[position - 1] if position else None
        # equal values share a rank (1, 1, 3)
        rank = ranks[previous[0]][0] if previous and previous[1].value == fig.value else position + 1
        ranks[i] = (rank, fig)

    if not ranked:
        reason = "no_shared_year" if year is None else "fewer_than_two_in_year"
    else:
        reason = None
    out: list[tuple[int | None, Figure | None, str | None]] = []
    for i, start in enumerate(starts):
        if i in ranks:
            rank, fig = ranks[i]
            out.append((rank, fig, None))
            continue
        indicator, factor, assessment = start[1:4]
        if factor is None:
            why = "unit_refused"
        elif assessment is None:
            why = "outside_years"
        elif indicator.direction != direction:
            why = "direction_differs"
        elif reason is not None:
            why = reason
        else:
            why = "no_value_in_year"
        out.append((None, None, why))
    return out, rank_year if ranked else (year if year is not None else None), reason


def _successions(plans: tuple[Plan, ...], metrics: list[Metric], notices: list[Notice]) -> tuple[Succession, ...]:
    """Each plan beside the one that follows it: same region, and the
    successor's base year is the predecessor's target year."""
    successors: dict[int, list[int]] = {}  # base year -> the plans starting in it, in order
    for s, after in enumerate(plans):
        successors.setdefault(after.info.base_year, []).append(s)
    rows_of: list[dict[int, Row]] = []  # per metric, plan -> its row; made when a first succession is found
    out = []
    for p, before in enumerate(plans):
        for s in successors.get(before.info.target_year, ()):
            after = plans[s]
            if p == s or not _same_region(before, after):
                continue
            if not rows_of:
                rows_of = [{row.plan: row for row in metric.rows} for metric in metrics]
            handovers = []
            for metric, rows in zip(metrics, rows_of, strict=True):
                if p in rows and s in rows and rows[p].factor is not None and rows[s].factor is not None:
                    handover = _handover(metric, rows[p], rows[s], before, after)
                    handovers.append(handover)
                    if handover.mismatch:
                        notices.append(
                            Notice(
                                "baseline_mismatch",
                                metric.key,
                                (p, s),
                                {
                                    "year": handover.year,
                                    "final": handover.final.value if handover.final else None,
                                    "baseline": handover.baseline.value if handover.baseline else None,
                                    "relative": handover.relative_difference,
                                    "unit": metric.unit,
                                },
                            )
                        )
            out.append(Succession(p, s, tuple(handovers)))
    return tuple(out)


def _same_region(a: Plan, b: Plan) -> bool:
    pairs = ((a.info.region_zh, b.info.region_zh), (a.info.region_en, b.info.region_en))
    return any(x and x == y for x, y in pairs)


def _handover(metric: Metric, before: Row, after: Row, plan_before: Plan, plan_after: Plan) -> Handover:
    year = plan_before.info.target_year
    observed = plan_before.observations_of(before.indicator.key).get(year)
    final = _converted(observed, before.factor)
    stated = plan_after.baselines.get(after.indicator.key)
    baseline = _converted(stated, after.factor)
    target = before.target
    difference = relative = None
    mismatch = False
    if final is not None and baseline is not None:
        difference = baseline.value - final.value
        relative = difference / final.value if final.value else None
        mismatch = not _agree(final, baseline)
    target_met = None
    if target is not None and baseline is not None:
        sign = 1 if metric.direction == INCREASE else -1
        target_met = sign * (baseline.value - target.value) >= 0
    return Handover(metric.key, year, final, target, baseline, difference, relative, mismatch, target_met)


def _agree(a: Figure, b: Figure) -> bool:
    """Whether two figures for the same year can be the same statistic."""
    if a.is_lower_bound or b.is_lower_bound:
        # "over 700" agrees with any value of at least 700
        low = max(f.value for f in (a, b) if f.is_lower_bound)
        others = [f.value for f in (a, b) if not f.is_lower_bound]
        return all(v >= low * (1 - AGREE) for v in others)
    tolerance = AGREE_ABOUT if "about" in (a.qualifier, b.qualifier) else AGREE
    largest = max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= tolerance * largest


class UnknownMetric(LookupError):
    """--metric names no indicator the plans share (or several)."""

    def __init__(self, query: str, candidates: list[str], why: str):
        self.query = query
        self.candidates = candidates
        self.message = Msg(why, query=query)  # why: a message key of jmplan.i18n
        super().__init__(self.message)


def find_metric(comparison: Comparison, query: str) -> Comparison:
    """The comparison narrowed to the one shared indicator `query` names: its
    compare key, a plan's own key, a Chinese or English name, or an
    unambiguous beginning of one of them."""
    folded = query.strip().casefold()
    if not folded:
        raise UnknownMetric(query, [], "is empty: give an indicator's key or name")

    def names(metric: Metric) -> set[str]:
        out = {metric.key, metric.name_zh, metric.name_en}
        for row in metric.rows:
            out |= {row.indicator.key, row.indicator.name_zh, row.indicator.name_en}
        return {n.casefold() for n in out}

    exact = [m for m in comparison.metrics if folded in names(m)]
    found = exact or [m for m in comparison.metrics if any(n.startswith(folded) for n in names(m))]
    if len(found) == 1:
        chosen = found[0]
        keep = {n.metric for n in comparison.notices if n.metric == chosen.key}
        return comparison._replace(
            metrics=(chosen,),
            successions=tuple(
                s._replace(handovers=tuple(h for h in s.handovers if h.key == chosen.key))
                for s in comparison.successions
            ),
            notices=tuple(n for n in comparison.notices if n.metric in keep),
        )
    if found:
        raise UnknownMetric(query, [m.key for m in found], "metric_several_shared")
    alone = [
        p.info.region_en or p.info.name_en
        for p in comparison.plans
        for ind in p.indicators.values()
        if folded in (ind.key.casefold(), ind.name_zh.casefold(), ind.name_en.casefold())
    ]
    if alone:
        raise UnknownMetric(query, [], "metric_in_one_plan")
    keys = [m.key for m in comparison.metrics]
    raise UnknownMetric(query, close_matches(folded, keys), "metric_not_shared_by_plans")
