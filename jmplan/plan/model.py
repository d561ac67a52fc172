"""The plan as typed, immutable objects. Every value knows where it was written.

Value classes here and in calc, assess, problems and render are NamedTuples
rather than frozen dataclasses: just as immutable, but a tenth of the cost
to define at import (about 0.5 ms per dataclass, a tenth of jmplan's
start-up budget, and scripts start jmplan once per indicator) and cheaper to
create (a large plan holds hundreds of thousands of figures).
"""

from __future__ import annotations

import math
from pathlib import Path

from .common import CommonIndicator
from .kinds import COMPOUND, INCREASE, Direction, GrowthModel
from .problems import Source
from .tuples import NamedTuple

# How the text qualifies a figure: 超过 "over" (a lower bound), 约 "about",
# or a range "3–5" (value is the low end, `upper` the high end).
QUALIFIERS = ("over", "about", "range")
# How far an observed figure has been checked: 初步核算 (preliminary) or 最终核实 (final)
DATA_STATUSES = ("preliminary", "final")
PRELIMINARY, FINAL = DATA_STATUSES
# 约束性 (binding: a commitment) or 预期性 (expected: a forecast)
ATTRIBUTES = ("binding", "expected")
# How observations are written: levels, or each year's change in percent
# (增长6.9% -> 6.9), chained into levels from the baseline.
OBSERVED_AS = ("level", "annual_change_percent")
# How a target is stated (see docs/methods.md, "Targets as real plans state them").
TARGET_FORMS = ("value", "change", "change_percent", "annual_growth_percent", "range")
# The rule for meeting a target: 以上/不低于 at least, 以内/不超过 at most, 左右/约 about.
BOUNDS = ("at_least", "at_most", "about")


class Thresholds(NamedTuple):
    """Method 1 bounds on r = completion / expected progress."""

    ahead: float = 1.10
    on_track: float = 0.90
    # A target stated as "about" (左右, 约) is met within this share of it:
    # |x - target| <= about * |target|.
    about: float = 0.05


class PlanInfo(NamedTuple):
    name_zh: str
    name_en: str
    base_year: int
    target_year: int
    region_zh: str = ""
    region_en: str = ""
    source_zh: str = ""
    source_en: str = ""
    source_file: str = ""
    thresholds: Thresholds = Thresholds()

    def name(self, lang: str) -> str:
        """The plan's name in `lang`; English falls back to the Chinese name."""
        return self.name_zh if lang == "zh" else self.name_en or self.name_zh


class Indicator(NamedTuple):
    key: str
    name_zh: str
    name_en: str
    unit: str
    growth_model: GrowthModel
    direction: Direction = INCREASE
    unit_zh: str = ""
    unit_en: str = ""
    # the department that supplies the indicator's figures (责任部门), in each language
    responsible: str = ""
    responsible_en: str = ""
    where: Source = Source("")
    # a key of the common list (common.py, or the plan's `common:`): what
    # comparisons match this indicator on, when its own key is not that key
    same_as: str = ""
    same_as_where: Source = Source("")
    attribute: str = "expected"  # one of ATTRIBUTES
    observed_as: str = "level"  # one of OBSERVED_AS

    @property
    def compare_key(self) -> str:
        """The key comparisons between plans match this indicator on."""
        return self.same_as or self.key

    @property
    def sign(self) -> int:
        """d in methods.md: +1 when more is better, -1 when less is better."""
        return 1 if self.direction == INCREASE else -1

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def lowest(self) -> float:
        """The smallest value the indicator can take: 0 for a share or a
        compound level (its growth rate compares levels), else unbounded."""
        return 0.0 if self.is_percent or self.growth_model == COMPOUND else -math.inf

    @property
    def highest(self) -> float:
        """The largest value the indicator can take: 100 for a share in %."""
        return 100.0 if self.is_percent else math.inf

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en or self.name_zh

    @property
    def default_bound(self) -> str:
        """How a target is met when the plan states no bound: reached in the indicator's direction."""
        return "at_least" if self.direction == INCREASE else "at_most"

    def unit_label(self, lang: str) -> str:
        label = self.unit_zh if lang == "zh" else self.unit_en
        return label or self.unit

    def responsible_label(self, lang: str) -> str:
        """The responsible department; in English its English name where given."""
        return (self.responsible_en or self.responsible) if lang == "en" else self.responsible


class Figure(NamedTuple):
    """A number for one indicator in one year: stated by the plan or observed."""

    year: int
    value: float
    qualifier: str | None = None  # one of QUALIFIERS
    upper: float | None = None  # the high end of a range
    unit: str = ""  # optional; when written, it must match the indicator's unit
    stated: str = ""  # the figure as the text writes it, e.g. "超过700亿元"
    quote: str = ""  # the sentence it comes from, or the statistical source
    note: str = ""  # anything a reader should know, as written (shown in Chinese output)
    where: Source = Source("")
    # provenance of an observation (actuals.yaml only)
    data_status: str = FINAL  # one of DATA_STATUSES
    recorded: str = ""  # the date it was recorded, YYYY-MM-DD
    history: tuple[Figure, ...] = ()  # the figures it replaced, oldest first
    # observed_as: annual_change_percent: the year's change as typed; `value` is the chained level
    change_percent: float | None = None
    # citations: where `source:` is written, and whether `stated` comes from a
    # table (header plus cell), so that it need not appear in the source sentence
    quote_where: Source = Source("")
    from_table: bool = False
    note_en: str = ""  # the note in English, where the data gives one

    @property
    def is_lower_bound(self) -> bool:
        return self.qualifier == "over"

    def note_text(self, lang: str) -> str:
        """The note in `lang`: in English its English text where given, as `responsible_en` is."""
        return (self.note_en or self.note) if lang == "en" else self.note

    @property
    def is_preliminary(self) -> bool:
        return self.data_status == PRELIMINARY


# A figure written as a bare number (`2016: 563743.89`), every other field at
# its default: made from a tuple in one call rather than through the
# NamedTuple's keyword __new__, because a large plan has 100,000s of them.
# The defaults are written out (a tuple of constants is the cheapest to
# build); tests/test_model.py checks that they are Figure's own.
_NOWHERE = Source("")


def plain_figure(year: int, value: float, where: Source) -> Figure:
    """Figure(year, value, where=where), made faster."""
    return _new(Figure, (year, value, None, None, "", "", "", "", where, FINAL, "", (), None, _NOWHERE, False, ""))


_new = tuple.__new__


class Target(NamedTuple):
    """A target (or a milestone) as the plan states it, resolved to a level.

    `value` is the level the target comes to in its year, whatever the form it
    is stated in; `form` and `amount` keep how the plan stated it (a change of
    30 points, 7 % a year, ...). The fields shared with Figure have the same
    names and meaning, so a target shows wherever a figure does.
    """

    year: int
    value: float  # the resolved level; for a range, the end that meets it
    form: str = "value"  # one of TARGET_FORMS
    amount: float = 0.0  # the figure in its form: the level, the change, the percent
    bound: str = "at_least"  # one of BOUNDS, the plan's or the direction's default
    bound_stated: bool = False  # True when the plan states the bound (≥, 以内, 左右, `bound:`)
    upper: float | None = None  # the high end of a range
    keep: bool = False  # 保持: keep the baseline level
    unit: str = ""
    stated: str = ""  # the target as the plan writes it: "〔30〕", "≥90%", "年均增长7%"
    quote: str = ""
    note: str = ""
    until: int | None = None  # replaced in this year by a later version
    previous: tuple[Target, ...] = ()  # earlier versions, oldest first
    where: Source = Source("")
    qualifier: str | None = None  # kept for Figure's readers: "range" for a range
    quote_where: Source = Source("")  # as Figure's
    from_table: bool = False
    note_en: str = ""

    def note_text(self, lang: str) -> str:
        return (self.note_en or self.note) if lang == "en" else self.note

    # Figure's observation-only fields, so a target shows wherever a figure does
    @property
    def is_lower_bound(self) -> bool:
        return False

    @property
    def change_percent(self) -> float | None:
        return None

    @property
    def is_preliminary(self) -> bool:
        return False

    @property
    def data_status(self) -> str:
        return FINAL

    @property
    def recorded(self) -> str:
        return ""

    @property
    def history(self) -> tuple[Figure, ...]:
        return ()

    def as_figure(self) -> Figure:
        """The resolved level as a plain figure, for code that needs only the level."""
        return Figure(
            self.year,
            self.value,
            self.qualifier,
            self.upper,
            self.unit,
            self.stated,
            self.quote,
            self.note,
            self.where,
            note_en=self.note_en,
        )

    def in_force(self, year: int | None) -> Target:
        """The version that applies to the assessed `year`: a version with
        `until: Y` was replaced in year Y, so it applies to years before Y."""
        if year is not None:
            for version in self.previous:
                if version.until is not None and year < version.until:
                    return version
        return self

    def replaced(self, version: Target) -> tuple[Target, ...]:
        """The versions that `version` (this one or one of its previous) replaced, oldest first."""
        if version is self:
            return self.previous
        return self.previous[: self.previous.index(version)] if version in self.previous else ()


class Goal(NamedTuple):
    """A qualitative goal or a main task: text, no number."""

    key: str
    text_zh: str
    text_en: str
    quote: str = ""
    where: Source = Source("")
    quote_where: Source = Source("")  # where `source:` is written

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh" else self.text_en or self.text_zh


class Note(NamedTuple):
    """A remark recorded for a goal, task or indicator in a year (actuals.yaml `notes:`)."""

    year: int
    text: str
    where: Source = Source("")


class Plan(NamedTuple):
    info: PlanInfo
    indicators: dict[str, Indicator]  # in the order of the data file
    baselines: dict[str, Figure]
    targets: dict[str, Target]
    # key -> {year: Figure}, years ascending
    observations: dict[str, dict[int, Figure]]
    # goal, task or indicator key -> {year: Note}
    notes: dict[str, dict[int, Note]]
    goals: tuple[Goal, ...] = ()
    tasks: tuple[Goal, ...] = ()
    folder: Path | None = None
    # the plan's additions to the common list (plan.yaml `common:`)
    common: dict[str, CommonIndicator] = {}
    # interim targets from targets_<year>.yaml: key -> {year: Target}, years ascending
    milestones: dict[str, dict[int, Target]] = {}

    def observations_of(self, key: str) -> dict[int, Figure]:
        return self.observations.get(key, {})

    def milestones_of(self, key: str) -> dict[int, Target]:
        return self.milestones.get(key, {})
