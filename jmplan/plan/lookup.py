"""Find an indicator by what a user types: its key, its Chinese or English
name, or an unambiguous beginning of any of them."""

from __future__ import annotations

from ..i18n import Msg
from .model import Indicator, Plan
from .spelling import close_matches


class UnknownIndicator(LookupError):
    def __init__(self, query: str, candidates: list[str], ambiguous: bool):
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous
        if not query.strip():
            self.message = Msg("metric_empty", query=query)
        else:
            self.message = Msg("metric_ambiguous" if ambiguous else "metric_unknown", query=query)
        super().__init__(self.message)


def find_indicator(plan: Plan, query: str) -> Indicator:
    wanted = query.strip()
    folded = wanted.casefold()
    indicators = list(plan.indicators.values())

    def names(ind: Indicator) -> tuple[str, ...]:
        return (ind.key.casefold(), ind.name_zh.casefold(), ind.name_en.casefold())

    if not folded:
        raise UnknownIndicator(query, [], ambiguous=False)
    exact = [ind for ind in indicators if folded in names(ind)]
    if len(exact) == 1:
        return exact[0]
    prefixed = exact or [ind for ind in indicators if any(n.startswith(folded) for n in names(ind))]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise UnknownIndicator(query, [ind.key for ind in prefixed], ambiguous=True)
    # Close spellings of keys and names, each reported as its key
    by_name: dict[str, str] = {}
    for ind in indicators:
        for name in names(ind):
            by_name.setdefault(name, ind.key)
    close = close_matches(folded, by_name, n=5, cutoff=0.5)
    contains = [ind.key for ind in indicators if any(folded in n for n in names(ind))]
    candidates = list(dict.fromkeys(contains + [by_name[c] for c in close]))[:5]
    raise UnknownIndicator(query, candidates, ambiguous=False)


def responsible_for(plan: Plan, query: str) -> list[Indicator]:
    """The indicators whose responsible department (责任部门), in either
    language, contains `query`, ignoring case."""
    folded = query.strip().casefold()
    return [
        ind
        for ind in plan.indicators.values()
        if folded and any(folded in name.casefold() for name in (ind.responsible, ind.responsible_en) if name)
    ]


def departments(plan: Plan) -> list[str]:
    """Every responsible department the plan names, in the plan's order."""
    return list(dict.fromkeys(ind.responsible for ind in plan.indicators.values() if ind.responsible))
