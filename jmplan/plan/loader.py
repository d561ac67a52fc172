"""Load a plan folder into a `Plan`, with every problem found along the way.

A plan folder holds:
- `plan.yaml`: the plan's facts, indicator definitions, goals and tasks;
- `baseline_<base year>.yaml`: the figures the plan states for its base year;
- `targets.yaml`: the targets it sets for its target year;
- `targets_<year>.yaml` (optional): interim targets (milestones) for a year
  between the two;
- `actuals.yaml` (optional): values observed in later years.

Any other `.yaml` file in the folder is refused: a file the loader would not
read is almost always a milestone or baseline file misnamed.
"""

from __future__ import annotations

import datetime  # loaded with yaml anyway: a local import would save nothing
import gc
import re
from contextlib import contextmanager
from pathlib import Path

from ..i18n import Msg
from .citations import check_citations
from .common import CommonIndicator
from .fields import (
    MAX_KEY_CHARS,
    Fields,
    check_key,
    parse_number,
    plain_observation,
    plain_year_figure,
    read_number,
    require_mapping,
    year_value,
)
from .kinds import COMPOUND, DIRECTIONS, GROWTH_MODELS, INCREASE
from .model import (
    ATTRIBUTES,
    DATA_STATUSES,
    OBSERVED_AS,
    QUALIFIERS,
    Figure,
    Goal,
    Indicator,
    Note,
    Plan,
    PlanInfo,
    Target,
    Thresholds,
    plain_figure,
)
from .problems import PlanError, Problem, Source, located
from .targets import INDEX_BASE, TargetContext, read_target
from .tuples import NamedTuple
from .validate import check_plan
from .yamlfile import MAPPING, NULLS, REFUSED, SCALAR, Entries, Hook, Node, read_yaml

PLAN_FILE = "plan.yaml"
TARGETS_FILE = "targets.yaml"
ACTUALS_FILE = "actuals.yaml"
_MILESTONE_FILE = re.compile(r"targets_(\d{4})\.yaml")


# A plan of more indicators is refused: 100,000 (x 10 years) take about 30 s
# and 950 MB on a small machine (README, Performance), and time and memory
# grow with the count. Issue 14 asks for linear time up to this size.
MAX_INDICATORS = 100_000


def baseline_file(base_year: int) -> str:
    return f"baseline_{base_year}.yaml"


def milestone_file(year: int) -> str:
    return f"targets_{year}.yaml"


def _folder_files(folder: Path, info: PlanInfo, problems: list[Problem]) -> list[int]:
    """The years of the milestone files; every other YAML file the loader
    would not read is a problem (nothing in a plan folder is silently ignored)."""
    known = {PLAN_FILE, TARGETS_FILE, ACTUALS_FILE, baseline_file(info.base_year)}
    years = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name in known or name.startswith(".") or not name.lower().endswith((".yaml", ".yml")):
            continue
        milestone = _MILESTONE_FILE.fullmatch(name)
        if milestone and info.base_year < int(milestone.group(1)) < info.target_year:
            years.append(int(milestone.group(1)))
            continue
        if milestone:
            hint = Msg("hint_milestone_years", base=info.base_year, target=info.target_year, file=TARGETS_FILE)
        elif name.startswith("baseline_"):
            hint = Msg("hint_baseline_file", base=info.base_year, file=baseline_file(info.base_year))
        elif name.lower().startswith("target"):
            hint = Msg("hint_interim_targets", example=milestone_file(info.base_year + 2))
        else:
            hint = Msg(
                "hint_plan_folder_holds",
                plan=PLAN_FILE,
                baseline=baseline_file(info.base_year),
                targets=TARGETS_FILE,
                actuals=ACTUALS_FILE,
            )
        problems.append(Problem(Source(located(path)), Msg("unread_yaml_file"), hint))
    return years


def default_data_dir() -> Path:  # pragma: no mutate block (tests/conftest.py calls it on import)
    """The plan that ships with jmplan: inside the installed package, or the
    repository's data/ when running from a checkout (an editable install does
    not copy data/ into the package)."""
    package = Path(__file__).resolve().parent.parent  # jmplan/
    packaged = package / "data"
    return packaged if packaged.is_dir() else package.parent / "data"


def load_plan(folder: str | Path | None = None) -> Plan:
    """Load and check a plan folder; raise PlanError listing every problem."""
    plan, problems = read_plan(folder)
    if problems or plan is None:
        raise PlanError(problems)
    return plan


def read_plan(folder: str | Path | None = None, actuals: Path | None = None) -> tuple[Plan | None, list[Problem]]:
    """Load and check a plan folder without raising: (plan or None, problems).

    `actuals`, if given, is read in place of the folder's actuals.yaml (and
    named as it in messages): a writer checks its new file this way before
    it replaces the old one."""
    with collector_paused():
        return _read_plan(folder, actuals)


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused inside the block (and restored as
    it was after). For loading only: loading allocates hundreds of thousands
    of small objects and no cycles, and the collector would rescan them
    again and again (two thirds of the time on a 10,000-indicator plan, and
    growing faster than linearly). Elsewhere it must run: a report's charts
    hold cycles that only it frees."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_plan(folder: str | Path | None, actuals: Path | None = None) -> tuple[Plan | None, list[Problem]]:
    folder = Path(folder) if folder is not None else default_data_dir()
    shown = located(folder)
    if not folder.exists():
        return None, [
            Problem(
                Source(shown),
                Msg("plan_folder_not_found"),
                Msg("hint_pass_data_dir"),
            )
        ]
    if not folder.is_dir():
        return None, [Problem(Source(shown), Msg("not_a_plan_folder"), Msg("hint_data_dir_folder"))]
    problems: list[Problem] = []
    plan_path = folder / PLAN_FILE
    if not plan_path.exists():
        return None, [
            Problem(
                Source(located(plan_path)),
                Msg("no_plan_in_folder"),
                Msg("hint_plan_folder_files"),
            )
        ]
    # plan.yaml's node tree is not kept: freed before the other files are read, it lowers the peak memory
    plan_root = _read(plan_path, problems, _IndicatorHook())
    info, indicators, goals, tasks, common = _plan_file(plan_root, located(plan_path), problems)
    del plan_root
    if info is None:
        return None, problems

    milestone_years = _folder_files(folder, info, problems)
    baselines = _figures_file(folder / baseline_file(info.base_year), info.base_year, problems, required=True)
    if actuals is None:
        observations, notes, found = read_actuals(folder / ACTUALS_FILE)
    else:
        observations, notes, found = read_actuals(actuals, located(folder / ACTUALS_FILE))
    problems.extend(found)
    observations = _chain_yearly_changes(observations, indicators, baselines, info.base_year, problems)
    baselines = _index_baselines(baselines, indicators, observations, info.base_year)

    def read(path: Path, year: int) -> dict[str, Target]:
        return _targets_file(path, year, info, indicators, baselines, problems)

    targets = read(folder / TARGETS_FILE, info.target_year)
    milestones: dict[str, dict[int, Target]] = {}
    for year in milestone_years:
        for key, target in read(folder / milestone_file(year), year).items():
            milestones.setdefault(key, {})[year] = target
    plan = Plan(
        info=info,
        indicators=indicators,
        baselines=baselines,
        targets=targets,
        observations=observations,
        notes=notes,
        goals=goals,
        tasks=tasks,
        folder=folder,
        common=common,
        milestones=milestones,
    )
    problems.extend(check_plan(plan))
    problems.extend(check_citations(plan, folder, plan_path))
    return (None if problems else plan), problems


def _read(path: Path, problems: list[Problem], hook: Hook | None = None) -> Node | None:
    root, found = read_yaml(path, located(path), hook)
    problems.extend(found)
    return root


def _plan_file(root: Node | None, shown: Path, problems: list[Problem]):
    """plan.yaml's sections: (info, indicators, goals, tasks, common)."""
    if not require_mapping(root, shown, problems):
        return None, {}, (), (), {}
    top = Fields(root, shown, problems)
    plan_node = top.mapping("plan", required=True)
    indicators_node = top.mapping("indicators", required=True)
    if indicators_node is not None and len(indicators_node.by_key) > MAX_INDICATORS:
        # refused before anything else is read: such a plan would take minutes and gigabytes
        problems.append(
            Problem(
                indicators_node.where,
                Msg("too_many_indicators", count=f"{len(indicators_node.by_key):,}", limit=f"{MAX_INDICATORS:,}"),
                Msg("hint_too_many_indicators"),
            )
        )
        return None, {}, (), (), {}
    goals = _goals(top.mapping("goals"), "goal", problems)
    tasks = _goals(top.mapping("tasks"), "task", problems)
    common = _common(top.mapping("common"), problems)
    top.finish()
    info = None if plan_node is None else _plan_info(plan_node, _key_where(root, "plan"), problems)
    indicators: dict[str, Indicator] = {}
    for key_node, node in indicators_node.items if indicators_node else []:
        if isinstance(node, _ReadIndicator):  # read as the file was (_IndicatorHook)
            problems.extend(node.problems)
            indicator = node.indicator
        else:  # not a mapping: _indicator says so
            indicator = _indicator(key_node, node, problems)
        if indicator is not None:
            indicators[key_node.text] = indicator
    if indicators_node is not None and not indicators:
        problems.append(Problem(indicators_node.where, Msg("no_indicators")))
    return info, indicators, goals, tasks, common


class _ReadIndicator(NamedTuple):
    """One indicator read by _IndicatorHook, and the problems found in it (reported in file order later)."""

    indicator: Indicator | None
    problems: list[Problem]


class _IndicatorHook:
    """plan.yaml's hook (yamlfile.Hook): each mapping under `indicators:` is
    read into an Indicator as soon as the parser has read it, so that its
    nodes are freed at once. A 10,000-indicator plan.yaml's whole node tree
    was 40 MB, most of the peak memory of loading it; now only one
    indicator's nodes are held at a time. Past MAX_INDICATORS the rest are
    only parsed: the plan is refused anyway."""

    def __init__(self) -> None:
        self.count = 0

    def wants(self, path: list[str | None], key: str) -> bool:
        return len(path) == 2 and path[1] == "indicators"  # root -> indicators -> this indicator

    def read(self, key_node: Node, entries: Entries) -> _ReadIndicator:
        self.count += 1
        if self.count > MAX_INDICATORS:
            for _entry in entries:  # the events are still read, to stay paired
                pass
            return _ReadIndicator(None, [])
        problems: list[Problem] = []
        return _ReadIndicator(_indicator(key_node, entries.node(), problems), problems)


def _plan_info(plan_node: Node, at: Source, problems: list[Problem]) -> PlanInfo | None:
    """The `plan:` section; None when its years are missing or in the wrong order."""
    f = Fields(plan_node, "'plan'", problems, at=at)
    name_zh = f.text("name_zh", required=True)
    name_en = f.text("name_en")
    region_zh, region_en = f.text("region_zh"), f.text("region_en")
    source_zh, source_en, source_file = f.text("source_zh"), f.text("source_en"), f.text("source_file")
    base_year = f.year("base_year", required=True)
    target_year = f.year("target_year", required=True)
    thresholds = _thresholds(f.mapping("thresholds"), problems)
    info = None
    if base_year is not None and target_year is not None:
        if target_year <= base_year:
            problems.append(
                Problem(
                    f.where("target_year"),
                    Msg("target_not_after_base", target=target_year, base=base_year),
                    Msg("hint_plan_years"),
                )
            )
        else:
            info = PlanInfo(
                name_zh=name_zh,
                name_en=name_en,
                base_year=base_year,
                target_year=target_year,
                region_zh=region_zh,
                region_en=region_en,
                source_zh=source_zh,
                source_en=source_en,
                source_file=source_file,
                thresholds=thresholds,
            )
    f.finish()
    return info


_NOWHERE = Source("")  # made once: a NamedTuple's call costs a microsecond, and a plan has 10,000s of indicators


def _indicator(key_node: Node, node: Node | None, problems: list[Problem]) -> Indicator | None:
    """One entry of `indicators:`; None when it is not a mapping."""
    plain = _plain_indicator(key_node, node)
    if plain is not None:
        return plain
    check_key(key_node, "indicator", problems)
    if node is None or node.kind != MAPPING:
        require_mapping(node, Msg("what_indicator", key=key_node.text), problems)
        return None
    f = Fields(node, lambda: Msg("what_indicator", key=key_node.text), problems, at=key_node.where)
    same_as = f.text("same_as").strip()
    if not same_as and f.raw("same_as") is not None:
        problems.append(Problem(f.where("same_as"), Msg("same_as_empty", key=key_node.text), Msg("hint_same_as_empty")))
    indicator = Indicator(
        key=key_node.text,
        name_zh=f.text("name_zh", required=True),
        name_en=f.text("name_en"),
        unit=normal_unit(f.text("unit", required=True)),
        unit_zh=normal_unit(f.text("unit_zh")),
        unit_en=normal_unit(f.text("unit_en")),
        growth_model=f.choice("growth_model", GROWTH_MODELS, required=True, default=COMPOUND),
        direction=f.choice("direction", DIRECTIONS, default=INCREASE),
        responsible=f.text("responsible"),
        responsible_en=f.text("responsible_en"),
        where=key_node.where,
        same_as=same_as,
        same_as_where=f.where("same_as") if same_as else _NOWHERE,
        attribute=f.choice("attribute", ATTRIBUTES, default="expected"),
        observed_as=f.choice("observed_as", OBSERVED_AS, default="level"),
    )
    f.finish()
    return indicator


# What _indicator reads: the fields of free text, and those that choose from words.
_INDICATOR_TEXTS = frozenset(
    ("name_zh", "name_en", "unit", "unit_zh", "unit_en", "responsible", "responsible_en", "same_as")
)
_INDICATOR_CHOICES = {
    "growth_model": GROWTH_MODELS,
    "direction": DIRECTIONS,
    "attribute": ATTRIBUTES,
    "observed_as": OBSERVED_AS,
}


def _plain_indicator(key_node: Node, node: Node | None) -> Indicator | None:
    """The indicator, read in one pass over its fields, when there is nothing
    to say about it: a plain key, every field one _indicator reads and
    written as text (no empty one), each word one of its words, and the
    required fields there. None for anything else, which _indicator reads
    field by field to say what is wrong. The same reading as _indicator's
    (tests/test_loader_paths.py checks the two agree), in a third of the
    time: a large plan.yaml is 10,000s of indicators, nearly all like this."""
    key = key_node.text
    if node is None or node.kind != MAPPING or not key.isidentifier() or len(key) > MAX_KEY_CHARS:
        return None
    texts: dict[str, str] = {}
    for name, (_name_node, value) in node.by_key.items():
        if value.kind != SCALAR or (not value.quoted and value.text in NULLS):
            return None
        words = _INDICATOR_CHOICES.get(name)
        if (name not in _INDICATOR_TEXTS) if words is None else (value.text not in words):
            return None
        texts[name] = value.text
    get = texts.get
    same_as = get("same_as", "").strip()
    if (
        "name_zh" not in texts
        or "unit" not in texts
        or "growth_model" not in texts
        or (not same_as and "same_as" in texts)
    ):
        return None
    return Indicator(
        key=key,
        name_zh=texts["name_zh"],
        name_en=get("name_en", ""),
        unit=normal_unit(texts["unit"]),
        unit_zh=normal_unit(get("unit_zh", "")),
        unit_en=normal_unit(get("unit_en", "")),
        growth_model=texts["growth_model"],  # type: ignore[arg-type]  # one of GROWTH_MODELS, checked above
        direction=get("direction", INCREASE),  # type: ignore[arg-type]  # one of DIRECTIONS
        responsible=get("responsible", ""),
        responsible_en=get("responsible_en", ""),
        where=key_node.where,
        same_as=same_as,
        same_as_where=node.by_key["same_as"][0].where if same_as else _NOWHERE,
        attribute=get("attribute", "expected"),
        observed_as=get("observed_as", "level"),
    )


def _common(node: Node | None, problems: list[Problem]) -> dict[str, CommonIndicator]:
    """The plan's additions to the common list: key -> names, unit, direction."""
    common: dict[str, CommonIndicator] = {}
    for key_node, entry in node.items if node else []:
        check_key(key_node, "common indicator", problems)
        what = Msg("what_common_indicator", key=key_node.text)
        if not require_mapping(entry, what, problems):
            continue
        f = Fields(entry, what, problems, at=key_node.where)
        common[key_node.text] = CommonIndicator(
            key=key_node.text,
            name_zh=f.text("name_zh", required=True),
            name_en=f.text("name_en", required=True),
            unit=f.text("unit", required=True),
            direction=f.choice("direction", DIRECTIONS, default=INCREASE),
            where=key_node.where,
        )
        f.finish()
    return common


def normal_unit(unit: str) -> str:
    """A unit as jmplan compares it: the full-width ％ of Chinese text is %."""
    return "%" if unit.strip() == "％" else unit


def _key_where(mapping: Node, name: str):
    return next((k.where for k, _ in mapping.items if k.text == name), mapping.where)


def _thresholds(node: Node | None, problems: list[Problem]) -> Thresholds:
    if node is None:
        return Thresholds()
    f = Fields(node, "'thresholds'", problems)
    ahead = f.number("ahead")
    on_track = f.number("on_track")
    about = f.number("about")
    f.finish()
    usual = Thresholds()
    result = Thresholds(
        ahead=ahead if ahead is not None else usual.ahead,
        on_track=on_track if on_track is not None else usual.on_track,
        about=about if about is not None else usual.about,
    )
    if not 0 <= result.about < 1:
        problems.append(
            Problem(
                f.where("about"),
                Msg("about_out_of_range", about=f"{result.about:g}"),
                Msg("hint_about"),
            )
        )
    if not 0 < result.on_track <= 1 <= result.ahead:
        problems.append(
            Problem(
                node.where,
                Msg("thresholds_order", on_track=result.on_track, ahead=result.ahead),
                Msg("hint_thresholds"),
            )
        )
    return result


def _goals(node: Node | None, kind: str, problems: list[Problem]) -> tuple[Goal, ...]:
    goals = []
    for key_node, value in node.items if node else []:
        check_key(key_node, kind, problems)
        what = Msg("what_" + kind, key=key_node.text)
        if not require_mapping(value, what, problems):
            continue
        f = Fields(value, what, problems, at=key_node.where)
        goals.append(
            Goal(
                key=key_node.text,
                text_zh=f.text("text_zh", required=True),
                text_en=f.text("text_en"),
                quote=f.text("source"),
                where=key_node.where,
                quote_where=f.where("source"),
            )
        )
        f.finish()
    return tuple(goals)


def _figures_file(path: Path, expected_year: int, problems: list[Problem], required: bool) -> dict[str, Figure]:
    """A baseline file: `year:` and `values:` of key -> figure."""
    figures: dict[str, Figure] = {}
    for key_node, node in _values(path, expected_year, problems, required):
        figure = _figure(node, key_node.text, key_node, expected_year, problems)
        if figure is not None:
            figures[key_node.text] = figure
    return figures


def _targets_file(
    path: Path,
    expected_year: int,
    info: PlanInfo,
    indicators: dict[str, Indicator],
    baselines: dict[str, Figure],
    problems: list[Problem],
) -> dict[str, Target]:
    """targets.yaml or a milestone file: `year:` and `values:` of key -> target, resolved to levels."""
    targets: dict[str, Target] = {}
    for key_node, node in _values(path, expected_year, problems, required=True):
        key = key_node.text
        context = TargetContext(indicators.get(key), baselines.get(key), info.base_year, info.thresholds.about)
        target = read_target(node, key, key_node, expected_year, context, problems)
        if target is not None:
            targets[key] = target
    return targets


def _values(path: Path, expected_year: int, problems: list[Problem], required: bool):
    """(key node, value node) of each entry under `values:` of a baseline or targets file."""
    shown = located(path)
    if not path.exists() and not required:
        return []
    root = _read(path, problems)
    if not require_mapping(root, shown, problems):
        return []
    top = Fields(root, shown, problems)
    year = top.year("year", required=True)
    values = top.mapping("values", required=True)
    top.finish()
    if year is not None and year != expected_year:
        year_where = next(v.where for k, v in root.items if k.text == "year")
        problems.append(
            Problem(
                year_where,
                Msg("file_year_mismatch", year=year, expected=expected_year)
                if path.name in (TARGETS_FILE,) or path.name.startswith("baseline_")
                else Msg("milestone_year_mismatch", year=year, expected=expected_year),
                Msg("hint_file_year", expected=expected_year)
                if path.name in (TARGETS_FILE,) or path.name.startswith("baseline_")
                else Msg("hint_file_year_by_name", expected=expected_year),
            )
        )
    return values.items if values else []


def _index_baselines(
    baselines: dict[str, Figure], indicators: dict[str, Indicator], observations: dict, base_year: int
) -> dict[str, Figure]:
    """An indicator observed only as yearly changes, whose level the plan does
    not state, runs on an index: 100 in the base year."""
    missing = [
        key for key, ind in indicators.items() if ind.observed_as == "annual_change_percent" and key not in baselines
    ]
    if not missing:
        return baselines
    indexed = dict(baselines)
    for key in missing:
        indexed[key] = Figure(
            base_year, INDEX_BASE, stated="100", note="index: the plan states no level; the base year is 100"
        )
    return indexed


def _chain_yearly_changes(
    observations: dict[str, dict[int, Figure]],
    indicators: dict[str, Indicator],
    baselines: dict[str, Figure],
    base_year: int,
    problems: list[Problem],
) -> dict[str, dict[int, Figure]]:
    """Observations of an indicator observed as yearly changes (增长6.9% -> 6.9)
    chained into levels from the baseline (or an index of 100):
    level_t = b * prod(1 + a_i / 100) over the years base_year+1 .. t."""
    chained_all = dict(observations)
    for key, by_year in observations.items():
        indicator = indicators.get(key)
        if indicator is None or indicator.observed_as != "annual_change_percent" or not by_year:
            continue
        baseline = baselines.get(key)
        level = baseline.value if baseline is not None else INDEX_BASE
        chained: dict[int, Figure] = {}
        expected = base_year + 1
        for year, figure in by_year.items():
            if year != expected:
                problems.append(
                    Problem(
                        figure.where,
                        Msg("change_year_missing", key=key, year=year, first=base_year + 1, expected=expected)
                        if year > expected
                        else Msg("change_in_base_year", key=key, year=year, base=base_year),
                        Msg("hint_change_year_missing", expected=expected)
                        if year > expected
                        else Msg("hint_change_in_base_year"),
                    )
                )
                break
            if figure.value <= -100:
                problems.append(
                    Problem(
                        figure.where,
                        Msg("observed_change_leaves_nothing", key=key, year=year, value=f"{figure.value:g}"),
                        Msg("hint_change_above_minus_100"),
                    )
                )
                break
            level = level * (1 + figure.value / 100)
            chained[year] = figure._replace(value=level, change_percent=figure.value)
            expected += 1
        chained_all[key] = chained
    return chained_all


def _figure(
    node: Node, key: str, key_node: Node, year: int, problems: list[Problem], observed: bool = False
) -> Figure | None:
    """One figure: either a bare number or a mapping with value and its context.
    `key_node` is its key, where a missing field is reported. An `observed`
    figure (actuals.yaml) may also carry its provenance: data_status,
    recorded and the history of the figures it replaced."""
    if node.kind == SCALAR:  # the common case, kept lean: a large plan has 100,000s
        value = None if node.quoted else parse_number(node.text)
        if value is None:
            read_number(node, key, problems)  # to say what is wrong
            return None
        return plain_figure(year, value, node.where)
    what = Msg("what_figure", key=key)
    if not require_mapping(node, what, problems):
        return None
    f = Fields(node, what, problems, at=key_node.where)
    value = f.number("value", required=True)
    qualifier = f.choice("qualifier", QUALIFIERS)
    upper = f.number("upper")
    figure = Figure(
        year=year,
        value=value if value is not None else 0.0,
        qualifier=qualifier,
        upper=upper,
        unit=normal_unit(f.text("unit")),
        stated=f.text("stated"),
        quote=f.text("source"),
        note=f.text("note"),
        note_en=f.text("note_en"),
        where=node.where,
        quote_where=f.where("source"),
        from_table=f.choice("from_table", ("true", "false"), default="false") == "true",
    )
    if observed:
        figure = figure._replace(
            data_status=f.choice("data_status", DATA_STATUSES, default="final"),
            recorded=_date(f, "recorded", problems),
            history=_history(f.sequence("history"), key, year, problems),
        )
    f.finish()
    if qualifier == "range" and upper is None:
        problems.append(
            Problem(
                node.where,
                Msg("range_without_upper", what=what),
                Msg("hint_range_upper"),
            )
        )
    if upper is not None and value is not None and upper < value:
        problems.append(
            Problem(node.where, Msg("upper_below_value", what=what, upper=f"{upper:g}", value=f"{value:g}"))
        )
    return None if value is None else figure


def _date(f: Fields, name: str, problems: list[Problem]) -> str:
    """A calendar date written YYYY-MM-DD, as text ('' when absent)."""
    written = f.text(name)
    if not written:
        return ""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
            raise ValueError(written)
        return datetime.date.fromisoformat(written).isoformat()
    except ValueError:
        problems.append(Problem(f.where(name), Msg("should_be_date", name=name, written=written), Msg("hint_date")))
        return ""


def _history(node: Node | None, key: str, year: int, problems: list[Problem]) -> tuple[Figure, ...]:
    """The figures an observation replaced: a list of {value, source, data_status, recorded}."""
    if node is None:
        return ()
    history = []
    for item in node.children:
        what = Msg("what_history", key=key, year=year)
        if not require_mapping(item, what, problems):
            continue
        f = Fields(item, what, problems)
        value = f.number("value", required=True)
        entry = Figure(
            year,
            value if value is not None else 0.0,
            quote=f.text("source"),
            note=f.text("note"),
            where=item.where,
            data_status=f.choice("data_status", DATA_STATUSES, default="final"),
            recorded=_date(f, "recorded", problems),
        )
        f.finish()
        if value is not None:
            history.append(entry)
    return tuple(history)


def read_actuals(
    path: Path, shown: Path | None = None
) -> tuple[dict[str, dict[int, Figure]], dict[str, dict[int, Note]], list[Problem]]:
    """actuals.yaml: `observations:` of key -> {year: value or {value, source, note}},
    and `notes:` of goal, task or indicator key -> {year: text}.

    Returns (observations, notes, problems); a missing file holds nothing.
    `shown` names the file in messages (default: its path).
    """
    problems: list[Problem] = []
    if not path.exists():
        return {}, {}, problems
    shown = shown or located(path)
    # each indicator's years are read into figures as the parser reads them (_ObservationRows)
    root, found = read_yaml(path, shown, hook=_ObservationRows(shown))
    problems.extend(found)
    if not require_mapping(root, shown, problems):
        return {}, {}, problems
    top = Fields(root, shown, problems)
    observations_node = top.mapping("observations")
    notes_node = top.mapping("notes")
    top.finish()
    observations: dict[str, dict[int, Figure]] = {}
    for key_node, row in observations_node.items if observations_node else ():
        if isinstance(row, _ObservedRow):
            problems.extend(row.problems)  # in file order, after the file's own (as for every section)
            observations[key_node.text] = row.by_year
        elif not row.is_null:
            require_mapping(row, Msg("what_section_of", section="observations", key=key_node.text), problems)
    notes: dict[str, dict[int, Note]] = {}
    for key_node, years_node in _by_key(notes_node, "notes", problems):
        by_year_notes: dict[int, Note] = {}
        for year_node, node in years_node.items:
            year = _year(year_node, problems)
            if year is None or node.kind == REFUSED:  # REFUSED: already reported
                continue
            if node.kind != "scalar" or node.is_null:
                problems.append(Problem(node.where, Msg("note_not_text", found=node.describe())))
                continue
            by_year_notes[year] = Note(year, node.text, node.where)
        notes[key_node.text] = dict(sorted(by_year_notes.items()))
    return observations, notes, problems


class _ObservedRow(NamedTuple):
    """One indicator's observations, read by _ObservationRows: its figures
    by year, and the problems found in them (reported once the file's own are)."""

    by_year: dict[int, Figure]
    problems: list[Problem]


class _ObservationRows:
    """read_actuals' hook (yamlfile.Hook): each mapping under `observations:`
    is read into figures as the parser reads it. A large plan's actuals.yaml
    is 100,000s of `YEAR: number` entries, and a node for each, read again
    afterwards, cost more than the parser's own events: for 1,000 indicators
    the file took 370 M instructions, 328 M now, of which the events are
    181 M. Every entry that is not a plain year and number goes the full
    way, through the same nodes and checks as any other mapping."""

    def __init__(self, shown: Path):
        self.shown = shown

    def wants(self, path: list[str | None], key: str) -> bool:
        return len(path) == 2 and path[1] == "observations"  # root -> observations -> this indicator

    def read(self, key_node: Node, entries: Entries) -> _ObservedRow:
        key, shown, plain = key_node.text, self.shown, plain_year_figure
        by_year: dict[int, Figure] = {}
        problems: list[Problem] = []
        for year_key, value, key_line, line in entries:
            if key_line:  # both plain text: the common case, in one step
                figure = plain(year_key, value, shown, line)
                if figure is None:  # as nodes, to say what is wrong
                    year_key = Node(SCALAR, shown, key_line, year_key)
                    value = Node(SCALAR, shown, line, value)
            else:  # quoted, tagged or not text: a tagged number (`!!float 5`) still reads in one step
                figure = plain_observation(year_key, value)
            if figure is None:  # anything but the common case: read in full, with every check and message
                year = _year(year_key, problems)
                figure = None if year is None else _figure(value, key, year_key, year, problems, True)
            if figure is not None:
                by_year[figure.year] = figure
        years = list(by_year)
        if years != sorted(years):  # written out of order: kept in order of years, as everywhere
            by_year = dict(sorted(by_year.items()))
        return _ObservedRow(by_year, problems)


def _by_key(section: Node | None, what: str, problems: list[Problem]):
    """(key node, mapping node) for each `key: {YEAR: ...}` of a section, in file order."""
    for key_node, years_node in section.items if section else ():
        if years_node.kind == "mapping":
            yield key_node, years_node
        elif not years_node.is_null:
            require_mapping(years_node, Msg("what_section_of", section=what, key=key_node.text), problems)


def _year(node: Node, problems: list[Problem]) -> int | None:
    """The year a `YEAR:` key names, or None after reporting why it is none."""
    year = year_value(node)
    if year is None:
        problems.append(Problem(node.where, Msg("not_a_year", text=node.text), Msg("hint_year_entry")))
    return year
