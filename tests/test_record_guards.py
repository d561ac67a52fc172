"""record: --replace keeps what it is not told to change and says what it
replaced; --remove; guards against slips (10 times the level before, a
shrinking multiplier) unless --force; no observation in a stated base year."""

import shutil
from pathlib import Path

import pytest
from conftest import write_plan

from jmplan import load_plan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def plan(tmp_path):
    """sales 100 (2015) -> 150 (2020), observed 120 in 2018; share 40 -> 90, 55 in 2017."""
    return write_plan(
        tmp_path / "plan",
        actuals="observations:\n  sales:\n    2018: 120\n  share:\n    2017: 55\n",
    )


def _actuals(folder):
    return (folder / "actuals.yaml").read_text(encoding="utf-8")


def test_replace_keeps_source_and_note_and_says_so(run, plan):
    assert (
        run(
            "record", "sales", "2019", "130", "--source", "2019年公报", "--note", "初步数", "--data-dir", plan
        ).exit_code
        == 0
    )
    result = run("record", "sales", "2019", "131", "--replace", "--lang", "en", "--data-dir", plan)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Replaced Sales 2019: 130 × 100 million yuan → 131 × 100 million yuan" in out
    assert "the replaced value 130 × 100 million yuan is kept, with its source, in the entry's history" in out
    assert "kept the source: 2019年公报" in out and "kept the note: 初步数" in out
    figure = load_plan(plan).observations["sales"][2019]
    assert (figure.value, figure.quote, figure.note) == (131, "2019年公报", "初步数")
    assert [(old.value, old.quote) for old in figure.history] == [(130, "2019年公报")]


def test_replace_with_a_new_source_takes_it(run, plan):
    run("record", "sales", "2019", "130", "--source", "初步公报", "--data-dir", plan)
    out = run("record", "sales", "2019", "131", "--replace", "--source", "最终公报", "--data-dir", plan).stdout
    assert "kept the source" not in out
    figure = load_plan(plan).observations["sales"][2019]
    assert figure.quote == "最终公报" and figure.history[0].quote == "初步公报"


def test_remove(run, plan):
    result = run("record", "sales", "2018", "--remove", "--lang", "en", "--data-dir", plan)
    assert result.exit_code == 0, result.stderr
    assert "Removed Sales 2018: 120 × 100 million yuan" in result.stdout
    assert 2018 not in load_plan(plan).observations_of("sales")
    assert "share:\n    2017: 55" in _actuals(plan)  # the rest stays as it was


def test_remove_what_is_not_there_or_with_a_value(run, plan):
    before = _actuals(plan)
    assert run("record", "sales", "2019", "--remove", "--data-dir", plan).exit_code == 2
    assert run("record", "sales", "2018", "125", "--remove", "--data-dir", plan).exit_code == 2
    assert run("record", "sales", "2019", "--data-dir", plan).exit_code == 2  # no VALUE, no --remove
    assert _actuals(plan) == before


@pytest.mark.parametrize(
    "year, value, shown",
    [
        ("2019", "1200", "1200 亿元 for sales in 2019 is 10 times or more away from 120 亿元 in 2018"),
        ("2019", "12", "12 亿元 for sales in 2019 is 10 times or more away from 120 亿元 in 2018"),
        # nothing earlier: the baseline
        ("2016", "1000", "1000 亿元 for sales in 2016 is 10 times or more away from 100 亿元 in 2015"),
    ],
)
def test_ten_times_the_level_before_is_refused_without_force(run, plan, year, value, shown):
    before = _actuals(plan)
    result = run("record", "sales", year, value, "--lang", "en", "--data-dir", plan)
    assert result.exit_code == 2 and shown in result.stderr and "--force" in result.stderr
    assert _actuals(plan) == before
    assert run("record", "sales", year, value, "--force", "--data-dir", plan).exit_code == 0
    assert load_plan(plan).observations["sales"][int(year)].value == float(value)


def test_just_under_ten_times_passes(run, plan):
    assert run("record", "sales", "2019", "1199", "--data-dir", plan).exit_code == 0


def test_a_shrinking_multiplier_is_refused_without_force(run, plan):
    before = _actuals(plan)
    result = run("record", "sales", "2019", "850万元", "--lang", "en", "--data-dir", plan)
    assert result.exit_code == 2 and _actuals(plan) == before
    assert "'850万元' is 0.085 亿元" in result.stderr and "--force" in result.stderr
    # with --force it is recorded, and then the 10x guard has its say: 0.085 against 120
    assert run("record", "sales", "2019", "850万元", "--force", "--data-dir", plan).exit_code == 0
    assert load_plan(plan).observations["sales"][2019].value == 0.085


def test_a_growing_multiplier_is_fine(run, plan):
    assert run("record", "sales", "2019", "0.013万亿元", "--data-dir", plan).exit_code == 0  # 130 亿元
    assert load_plan(plan).observations["sales"][2019].value == 130


def test_an_observation_in_a_stated_base_year_is_refused(run, plan):
    before = _actuals(plan)
    result = run("record", "sales", "2015", "100", "--force", "--lang", "en", "--data-dir", plan)
    assert result.exit_code == 2 and _actuals(plan) == before
    assert "the plan states the 2015 baseline of sales, 100" in result.stderr
    assert "correct it in baseline_2015.yaml" in result.stderr


def test_base_year_allowed_where_the_plan_states_no_baseline(run, tmp_path):
    folder = write_plan(tmp_path / "plan", baseline="year: 2015\nvalues:\n  sales: 100\n")
    assert run("record", "share", "2015", "40", "--data-dir", folder).exit_code == 0


def test_yearly_changes_compare_chained_levels_not_typed_changes(tmp_path):
    """energy_intensity is observed as yearly changes: 2021 fell 2.7 %. A
    change of 69 % (a slip for 6.9 %?) is 25 times the typed -2.7, but moves
    the level only to 1.69 times: not a 10x slip. 900 % would be 10 times."""
    from jmplan.write.record import RecordError, check_slip

    folder = tmp_path / "china"
    shutil.copytree(EXAMPLES / "china-14th-fyp-2021", folder)
    plan = load_plan(folder)
    indicator = plan.indicators["energy_intensity"]
    check_slip(plan, indicator, 2022, 69)
    check_slip(plan, indicator, 2022, -85)
    with pytest.raises(RecordError):
        check_slip(plan, indicator, 2022, 900)
    with pytest.raises(RecordError):
        check_slip(plan, indicator, 2022, -95)  # the level at 0.05 times


def test_replace_of_a_figure_without_source_says_only_what_is_true(run, plan):
    out = run("record", "sales", "2018", "125", "--replace", "--lang", "en", "--data-dir", plan).stdout
    assert "the replaced value 120 × 100 million yuan is kept in the entry's history" in out
    assert "with its source" not in out and "kept the source" not in out
