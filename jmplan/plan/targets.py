"""Targets as real plans state them: read a target (or milestone) in any of
its forms and resolve it to the level it comes to in its year.

The forms (docs/methods.md, "Targets as real plans state them"), with `b` the
baseline and `n` the years from the base year to the target's year:
- `value`: a level; the target is the value itself;
- `change`: a cumulative change in the indicator's unit (〔30〕: percentage
  points for %): `b + change`;
- `change_percent`: a cumulative change in percent of the baseline (累计下降15%
  is -15): `b * (1 + change_percent / 100)`;
- `annual_growth_percent`: an average growth per year (年均增长7%):
  `b * (1 + a / 100) ** n`;
- `range` (3—5个): `value` the low end, `upper` the high end.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..i18n import Msg
from .fields import Fields, parse_number, read_number, require_mapping
from .kinds import COMPOUND, DECREASE, INCREASE
from .model import BOUNDS, Figure, Indicator, Target
from .problems import Problem, Source
from .stated import StatedTarget, StatedTextError, read_stated
from .tuples import NamedTuple
from .yamlfile import Node

# The fields that state a target's figure, one per form (a range is `value` with `upper`)
FORM_FIELDS = ("value", "change", "change_percent", "annual_growth_percent")
RELATIVE_FORMS = ("change_percent", "annual_growth_percent")
# The level an indicator observed only as yearly changes is indexed to
INDEX_BASE = 100.0
# The level of a target for a key plan.yaml does not define, where resolving it
# needs the indicator (a change, or `stated` alone): the target is kept so that
# validate refuses the key (naming the one it may be a slip for), and its
# level is never used.
UNRESOLVED = math.nan


class TargetContext(NamedTuple):
    """What resolving a target needs to know of its indicator."""

    indicator: Indicator | None  # None for a key plan.yaml does not define (reported elsewhere)
    baseline: Figure | None  # the plan's baseline for the indicator, if it states one
    base_year: int
    tolerance: float  # thresholds.about


def resolve_level(
    form: str, amount: float, baseline: float | None, years: int, upper: float | None = None, sign: int = 1
) -> float:
    """The level a target stated in `form` comes to after `years` years from `baseline`."""
    if form == "value":
        return amount
    if form == "range":
        # met at the end reached first: the low end when more is better, the high end when less is
        return amount if sign > 0 or upper is None else upper
    if baseline is None:
        raise ValueError(f"a target stated as {form} needs a baseline")
    if form == "change":
        return baseline + amount
    if form == "change_percent":
        return baseline * (1 + amount / 100)
    if form == "annual_growth_percent":
        return baseline * (1 + amount / 100) ** years
    raise ValueError(f"unknown target form {form!r}")


def meets_bound(x: float, target: float, bound: str, tolerance: float) -> bool:
    """Whether `x` meets `target` under `bound`. 以上/以下/以内 include the number itself.

    Equal to nine digits counts as equal: a resolved target (0.5 × 0.82) or a
    tolerance (0.02 × 70) carries a float's rounding error, which must not
    decide a verdict."""
    slack = 1e-9 * max(1.0, abs(target))
    if bound == "at_least":
        return x >= target - slack
    if bound == "at_most":
        return x <= target + slack
    return abs(x - target) <= tolerance * abs(target) + slack


def baseline_for(ctx: TargetContext, form: str) -> float | None:
    """The level a target's change is counted from: the plan's baseline, or an
    index of 100 for a relative target of an indicator observed as yearly changes."""
    if ctx.baseline is not None:
        return ctx.baseline.value
    if ctx.indicator is not None and ctx.indicator.observed_as == "annual_change_percent" and form in RELATIVE_FORMS:
        return INDEX_BASE
    return None


def read_target(
    node: Node, key: str, key_node: Node, year: int, ctx: TargetContext, problems: list[Problem]
) -> Target | None:
    """One target: a bare number (a level) or a mapping stating it in one form."""
    if node.kind == "scalar":
        value = None if node.quoted else parse_number(node.text)
        if value is None:
            read_number(node, key, problems)  # to say what is wrong
            return None
        return _resolved(year, "value", value, None, False, None, "", "", "", "", None, (), node, ctx, problems)
    what = Msg("what_figure", key=key)
    if not require_mapping(node, what, problems):
        return None
    return _read_mapping(node, what, key_node, year, ctx, problems, version=False)


def _read_mapping(
    node: Node, what: str, key_node: Node, year: int, ctx: TargetContext, problems: list[Problem], version: bool
) -> Target | None:
    """A target written as a mapping: one form, or the plan's words in
    `stated` alone, with its bound, range, citation and earlier versions;
    None after saying what is wrong. A `version` (an entry of `previous:`)
    needs `until:` and has no `previous:` of its own."""
    f = Fields(node, what, problems, at=key_node.where)
    amounts = {name: f.number(name) for name in FORM_FIELDS}
    given = [name for name in FORM_FIELDS if name in node.by_key]
    upper = f.number("upper")
    bound = f.choice("bound", BOUNDS)
    qualifier = f.choice("qualifier", ("over", "about", "range"))
    stated = f.text("stated")
    unit = f.text("unit")
    quote = f.text("source")
    citation = {
        "quote_where": f.where("source"),
        "from_table": f.choice("from_table", ("true", "false"), default="false") == "true",
        "note_en": f.text("note_en"),
    }
    note = f.text("note")
    until = None
    if version:
        until = f.year("until", required=True)
    elif f.raw("until") is not None:  # the year a version was replaced: the target in force has none
        problems.append(Problem(f.where("until"), Msg("unknown_field", name="until", what=what), Msg("hint_until")))
    previous_node = None if version else f.raw("previous")
    f.finish()

    # Each check reports its problem and says whether it passed. Most failures
    # let the reading go on, so that one run shows every problem; the figure is
    # compared with `stated` only once it is sound, not to repeat a fault.
    ok = _one_form(node, what, given, problems)
    try:
        read = _read_stated_field(stated, ctx)
    except StatedTextError as exc:
        problems.append(Problem(f.where("stated"), Msg("stated_problem", what=what, message=exc.message), exc.hint))
        return None
    keep = False
    if given:
        form = given[0]
        amount = amounts[form]
        if amount is None:  # reported by Fields
            return None
    elif read is not None:  # read from `stated` alone
        form, amount, upper, keep = read.form, read.amount, read.upper, read.keep
        form = "value" if form == "range" else form  # a range is a level with an upper end, as written in full
    elif stated and ctx.indicator is None:  # `stated` is read in the unit of an indicator plan.yaml lacks
        form, amount = "value", UNRESOLVED
    else:
        problems.append(Problem(key_node.where, Msg("target_no_value", what=what), Msg("hint_target_no_value")))
        return None
    ok &= _qualifier_allowed(node, what, qualifier, problems)
    ok &= _upper_fits(node, what, form, amount, upper, qualifier, problems)
    if ok and upper is not None:
        form = "range"  # a level with an upper end
    if ok and read is not None and given:
        ok = _agrees_with_stated(read, form, amount, upper, bound, stated, f.where("stated"), what, problems)
    if read is not None and bound is None:
        bound = read.bound
        keep = keep or read.keep
    if ok and ctx.indicator is not None and form == "change":
        ok = _not_flow_total(stated, ctx.indicator, f.where("stated"), what, problems)
    previous = _previous(previous_node, what, key_node, year, ctx, problems) if previous_node is not None else ()
    if not ok or previous is None:
        return None
    target = _resolved(
        year,
        form,
        amount,
        upper,
        bound is not None,
        bound,
        unit,
        stated,
        quote,
        note,
        until,
        previous,
        node,
        ctx,
        problems,
        keep,
    )
    return target._replace(**citation) if target is not None else None


def _read_stated_field(stated: str, ctx: TargetContext) -> StatedTarget | None:
    """What `stated` says, read in the indicator's unit; None without either.
    Raises StatedTextError when the words cannot be read as a target."""
    if not stated or ctx.indicator is None:
        return None
    return read_stated(stated, ctx.indicator.unit, (ctx.indicator.unit_zh, ctx.indicator.unit_en))


def _one_form(node: Node, what: str, given: list[str], problems: list[Problem]) -> bool:
    """At most one of FORM_FIELDS: a target is stated one way."""
    if len(given) <= 1:
        return True
    problems.append(
        Problem(
            node.by_key[given[1]][0].where,
            Msg("target_two_forms", what=what, first=given[0], second=given[1]),
            Msg("hint_target_two_forms"),
        )
    )
    return False


def _qualifier_allowed(node: Node, what: str, qualifier: str | None, problems: list[Problem]) -> bool:
    """`qualifier: over` or `about` describes a stated figure (a baseline of
    over 90 %); how a target is met is its `bound`."""
    if qualifier not in ("over", "about") or "qualifier" not in node.by_key:
        return True
    replacement = "at_least" if qualifier == "over" else "about"
    problems.append(
        Problem(
            node.by_key["qualifier"][0].where,
            Msg("target_qualifier", what=what, qualifier=qualifier),
            Msg("hint_target_qualifier", replacement=replacement),
        )
    )
    return False


def _upper_fits(
    node: Node,
    what: str,
    form: str,
    amount: float,
    upper: float | None,
    qualifier: str | None,
    problems: list[Problem],
) -> bool:
    """An `upper` end belongs to a level (`value`, the low end) and is not
    below it; `qualifier: range` needs one."""
    if upper is None:
        if qualifier != "range":
            return True
        problem = Problem(node.where, Msg("range_without_upper", what=what), Msg("hint_range_upper"))
    elif form != "value":
        problem = Problem(
            node.by_key["upper"][0].where, Msg("target_upper_not_level", what=what), Msg("hint_target_upper_not_level")
        )
    elif upper < amount:
        problem = Problem(node.where, Msg("upper_below_value", what=what, upper=f"{upper:g}", value=f"{amount:g}"))
    else:
        return True
    problems.append(problem)
    return False


def _agrees_with_stated(
    read: StatedTarget,
    form: str,
    amount: float,
    upper: float | None,
    bound: str | None,
    stated: str,
    where: Source,
    what: str,
    problems: list[Problem],
) -> bool:
    """A target written both ways (a form and `stated`) says the same thing in both."""
    disagreement = _disagreement(read, form, amount, upper, bound)
    if not disagreement:
        return True
    problems.append(
        Problem(
            where,
            Msg("stated_disagrees", what=what, stated=stated, read=_describe(read), but=disagreement),
            Msg("hint_stated_disagrees"),
        )
    )
    return False


def _not_flow_total(stated: str, indicator: Indicator, where: Source, what: str, problems: list[Problem]) -> bool:
    """A `change` of the indicator's level, not a plan's total of a yearly flow over its years (_is_flow_total)."""
    if not _is_flow_total(stated, indicator):
        return True
    problems.append(
        Problem(
            where,
            Msg("flow_total", what=what, stated=stated, unit=indicator.unit),
            Msg("hint_flow_total"),
        )
    )
    return False


def _disagreement(read: StatedTarget, form: str, amount: float, upper: float | None, bound: str | None) -> Msg | None:
    """How the explicit form differs from what `stated` says, or None when they agree."""
    if form != read.form:
        return Msg("written_as", form=Msg("form_" + form))
    if not _same(amount, read.amount) or (read.upper is not None and (upper is None or not _same(upper, read.upper))):
        shown = f"{amount:g}" if upper is None else f"{amount:g}–{upper:g}"
        return Msg("written_figure", figure=shown)
    if bound is not None and read.bound is not None and bound != read.bound:
        return Msg("written_bound", bound=bound)
    return None


def _describe(read: StatedTarget) -> Msg:
    amount = f"{read.amount:g}"
    if read.form == "range" and read.upper is not None:
        amount = f"{amount}–{read.upper:g}"
    described = Msg("reads_" + read.form, amount=amount)
    return Msg("reads_bounded", what=described, bound=Msg("bound_" + read.bound)) if read.bound else described


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _is_flow_total(stated: str, indicator: Indicator) -> bool:
    """〔x〕 on an indicator that is not a share: in a plan table that is a total
    over the plan's years of a yearly flow (〔>5000〕万人 new urban jobs), which
    as `b + x` would be misread as a level."""
    return not indicator.is_percent and any(mark in stated for mark in ("〔", "["))


def _previous(
    node: Node, what: str, key_node: Node, year: int, ctx: TargetContext, problems: list[Problem]
) -> tuple[Target, ...] | None:
    """`previous:` a list of earlier versions, each with `until: YEAR` (replaced in that year), oldest first."""
    if node.kind != "sequence":
        problems.append(
            Problem(
                node.where,
                Msg("previous_not_list", what=what, found=node.describe()),
                Msg("hint_previous_list"),
            )
        )
        return None
    versions = []
    last_until = None
    for item in node.children:
        version_what = Msg("what_previous_version", what=what)
        if not require_mapping(item, version_what, problems):
            return None
        version = _read_mapping(item, version_what, item, year, ctx, problems, version=True)
        if version is None:
            return None
        if last_until is not None and version.until is not None and version.until <= last_until:
            problems.append(
                Problem(
                    item.by_key["until"][1].where,
                    Msg("until_not_after", what=version_what, until=version.until, last=last_until),
                    Msg("hint_until_order"),
                )
            )
            return None
        if version.until is not None and not ctx.base_year < version.until <= year:
            problems.append(
                Problem(
                    item.by_key["until"][1].where,
                    Msg("until_outside", what=version_what, until=version.until, first=ctx.base_year + 1, last=year),
                    Msg("hint_until"),
                )
            )
            return None
        last_until = version.until
        versions.append(version)
    return tuple(versions)


def _resolved(
    year: int,
    form: str,
    amount: float,
    upper: float | None,
    bound_stated: bool,
    bound: str | None,
    unit: str,
    stated: str,
    quote: str,
    note: str,
    until: int | None,
    previous: tuple[Target, ...],
    node: Node,
    ctx: TargetContext,
    problems: list[Problem],
    keep: bool = False,
) -> Target | None:
    """The target resolved to a level, or None after saying why it cannot be."""
    indicator = ctx.indicator
    sign = indicator.sign if indicator else 1
    effective_bound = bound or (indicator.default_bound if indicator else "at_least")

    def what() -> Msg:  # made only for a problem: a large plan resolves 10,000s of targets
        return (
            Msg("what_target_of", year=year) if until is None else Msg("what_target_replaced", year=year, until=until)
        )

    b = baseline_for(ctx, form)
    if form in ("value", "range") or b is not None:
        level = resolve_level(form, amount, b, year - ctx.base_year, upper, sign)
    elif indicator is None:  # a change counts from the baseline of an indicator plan.yaml lacks
        level = UNRESOLVED
    else:
        needs = Msg("needs_yearly_changes") if form in RELATIVE_FORMS else Msg("needs_level")
        problems.append(
            Problem(
                node.where,
                Msg("target_needs_baseline", what=what(), key=indicator.key, form=form),
                Msg("hint_target_needs_baseline", needs=needs),
            )
        )
        return None
    target = Target(
        year=year,
        value=level,
        form=form,
        amount=amount,
        bound=effective_bound,
        bound_stated=bound_stated,
        upper=upper,
        keep=keep,
        unit=unit,
        stated=stated,
        quote=quote,
        note=note,
        until=until,
        previous=previous,
        where=node.where,
        qualifier="range" if form == "range" else None,
    )
    if indicator is not None and ctx.baseline is not None:
        problem = _wrong_side(target, indicator, ctx, what)
        if problem:
            problems.append(problem)
            return None
    return target


def _wrong_side(target: Target, indicator: Indicator, ctx: TargetContext, what: Callable[[], Msg]) -> Problem | None:
    """A target on the wrong side of the baseline for the indicator's direction
    is almost always a misreading (〔30〕 typed as 30, a fall typed as a level).
    Allowed when the plan states a bound the baseline already meets (a ceiling
    such as 控制在5.5%以内 above today's 4 %), and for `about` targets (a level to
    stay near, in either direction)."""
    b = ctx.baseline.value if ctx.baseline else None
    if b is None or indicator.sign * (target.value - b) >= 0 or target.bound == "about":
        return None
    if target.value < 0 and (indicator.growth_model == COMPOUND or indicator.is_percent):
        return None  # an impossible level: validate says why
    # a range states its own bound: the end that meets it (3—5 met at 3 when more is better)
    if (target.bound_stated or target.form == "range") and meets_bound(b, target.value, target.bound, ctx.tolerance):
        return None
    if target.form == "value":
        fix = Msg(
            "hint_wrong_side_level",
            amount=f"{target.amount:g}",
            direction=DECREASE if indicator.sign > 0 else INCREASE,
        )
    else:
        fix = Msg("hint_wrong_side_change")
    return Problem(
        target.where,
        Msg(
            "wrong_side_below" if indicator.sign > 0 else "wrong_side_above",
            what=what(),
            key=indicator.key,
            value=f"{target.value:g}",
            baseline=f"{b:g}",
        ),
        fix,
    )
