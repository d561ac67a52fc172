"""The loader's one-pass readings agree with its field-by-field ones.

A large plan's common cases (an indicator whose fields are all plain, a
`YEAR: number` observation) are read in one pass; anything else is read
field by field, with every check and message. The one-pass reading must
give the very same result, and only when the full reading finds nothing to
say: these tests cross-check the two on generated input."""

from pathlib import Path

from conftest import SMALL_PLAN, write_plan
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jmplan.plan import loader
from jmplan.plan.problems import Source
from jmplan.plan.yamlfile import read_yaml

FIELDS = [
    "name_zh",
    "name_en",
    "unit",
    "unit_zh",
    "unit_en",
    "responsible",
    "responsible_en",
    "same_as",
    "growth_model",
    "direction",
    "attribute",
    "observed_as",
    "colour",  # no such field
    "growth_modle",  # misspelt
]
VALUES = [
    "宽带用户",
    "Fibre length",
    "km",
    "'％'",
    '"%"',
    "' 江门 '",
    "'  '",
    "''",
    "",
    "~",
    "null",
    "compound",
    "linear",
    "'linear'",
    "Linear",
    "increase",
    "decrease",
    "binding",
    "expected",
    "level",
    "annual_change_percent",
    "[a, b]",
    "{a: 1}",
    "!!str linear",
    "12",
]
KEYS = ["sales", "fibre_km", "江门宽带", "2bad", "a-b", "x" * 65]


def full_reading(key_node, node):
    """_indicator without its one-pass reading: every field read and checked one by one."""
    original = loader._plain_indicator
    loader._plain_indicator = lambda key_node, node: None
    try:
        problems: list = []
        return loader._indicator(key_node, node, problems), problems
    finally:
        loader._plain_indicator = original


# the fields every indicator needs, written well, so that many examples reach the one-pass reading
REQUIRED = st.fixed_dictionaries(
    {"name_zh": st.just("宽带用户"), "unit": st.sampled_from(["km", "'％'"]), "growth_model": st.just("linear")}
)
INDICATORS = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(VALUES), max_size=10),
    st.tuples(REQUIRED, st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(VALUES), max_size=4)).map(
        lambda pair: {**pair[0], **pair[1]}
    ),
)


@given(st.sampled_from(KEYS), INDICATORS)
@settings(max_examples=800, deadline=None)
def test_an_indicator_read_in_one_pass_is_the_one_read_field_by_field(tmp_path_factory, key, fields):
    read = _read_indicator(tmp_path_factory, key, fields)
    assume(read is not None)  # YAML that does not parse, or with a problem of its own: not what this compares
    key_node, node = read
    fast = loader._plain_indicator(key_node, node)
    if fast is not None:  # declining is always safe: the full reading is used then
        full, problems = full_reading(key_node, node)
        assert problems == []
        assert fast == full


def test_the_one_pass_reading_takes_plain_indicators_and_leaves_the_rest(tmp_path_factory):
    plain = {"name_zh": "宽带用户", "unit": "'％'", "growth_model": "linear", "same_as": "broadband_users"}
    indicator = loader._plain_indicator(*_read_indicator(tmp_path_factory, "users", plain))
    assert indicator is not None
    assert (indicator.unit, indicator.same_as, indicator.same_as_where.line) == ("%", "broadband_users", 6)
    for unusual in ({"name_en": ""}, {"direction": "up"}, {"colour": "red"}, {"same_as": "'  '"}, {"unit": "[km]"}):
        assert loader._plain_indicator(*_read_indicator(tmp_path_factory, "users", {**plain, **unusual})) is None
    del plain["unit"]  # a required field missing
    assert loader._plain_indicator(*_read_indicator(tmp_path_factory, "users", plain)) is None


def _read_indicator(tmp_path_factory, key: str, fields: dict[str, str]):
    """(key node, value node) of the one indicator of a plan.yaml holding `fields`."""
    text = f"indicators:\n  {key}:\n" + "".join(f"    {name}: {value}\n" for name, value in fields.items())
    if not fields:
        text = f"indicators:\n  {key}: {{}}\n"
    path = Path(tmp_path_factory.mktemp("plan")) / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    root, problems = read_yaml(path, "plan.yaml")
    return None if root is None or problems else root.by_key["indicators"][1].by_key[key]


def test_the_shipped_plan_reads_every_indicator_in_one_pass():
    # the common case stays common: if this fails, the one-pass reading no longer covers real plans
    root, problems = read_yaml(loader.default_data_dir() / "plan.yaml", "plan.yaml")
    assert problems == []
    indicators = root.by_key["indicators"][1].by_key.values()
    assert all(loader._plain_indicator(key_node, node) is not None for key_node, node in indicators)


def _actuals(tmp_path, text: str):
    path = tmp_path / "actuals.yaml"
    path.write_text(text, encoding="utf-8")
    observations, _notes, problems = loader.read_actuals(path, Path("a.yaml"))
    return observations, [problem.render("en") for problem in problems]


def test_observations_tagged_or_quoted_read_as_written(tmp_path):
    # a tag leaves the number plain (it reads as any other); quotes make it text, which is refused with its line
    observations, problems = _actuals(
        tmp_path,
        "observations:\n  sales:\n    2016: !!float 120.5\n    !!int 2017: 130\n    2018: 140\n"
        "    '2019': 150\n    2020: '160'\n",
    )
    assert [(f.year, f.value, f.where) for f in observations["sales"].values()] == [
        (2016, 120.5, Source(Path("a.yaml"), 3)),
        (2017, 130.0, Source(Path("a.yaml"), 4)),
        (2018, 140.0, Source(Path("a.yaml"), 5)),
    ]
    assert [problem.splitlines()[0] for problem in problems] == [
        "a.yaml:6: '2019' is not a year",
        "a.yaml:7: 'sales' should be a number, found the text '160'",
    ]


def test_observations_written_out_of_order_are_kept_in_order_of_years(tmp_path):
    observations, problems = _actuals(
        tmp_path, "observations:\n  sales:\n    2018: 140\n    2016: 120\n    2017: 130\n"
    )
    assert problems == []
    assert [(year, figure.value, figure.where.line) for year, figure in observations["sales"].items()] == [
        (2016, 120.0, 4),
        (2017, 130.0, 5),
        (2018, 140.0, 3),
    ]


def test_a_plan_of_exactly_the_indicator_limit_is_read_whole(tmp_path, monkeypatch):
    # the limit is lowered so that the plan stays small: its two indicators are at the limit, a third goes past it
    monkeypatch.setattr(loader, "MAX_INDICATORS", 2)
    write_plan(tmp_path / "p")
    plan, problems = loader.read_plan(tmp_path / "p")
    assert problems == []
    assert list(plan.indicators) == ["sales", "share"]
    extra = "  users:\n    name_zh: 用户\n    unit: 万户\n    growth_model: linear\n"
    write_plan(tmp_path / "q", plan=SMALL_PLAN.replace("  share:\n", extra + "  share:\n", 1))
    plan, problems = loader.read_plan(tmp_path / "q")
    assert plan is None
    assert [problem.render("en").splitlines()[0] for problem in problems] == [
        f"{tmp_path / 'q' / 'plan.yaml'}:7: the plan defines 3 indicators, over jmplan's limit of 2"
    ]
