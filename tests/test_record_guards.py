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


@pytest.mark.parametrize(
    "typed, ratio",
    [("900", "10"), ("-95.123", "0.05")],  # 1 + 900/100 = 10; 1 - 0.95123 = 0.04877, shown to 2 places
)
def test_a_slip_in_a_yearly_change_is_named_with_the_level_it_would_make(tmp_path, typed, ratio):
    from jmplan.write.record import RecordError, record_observation

    folder = tmp_path / "china"
    shutil.copytree(EXAMPLES / "china-14th-fyp-2021", folder)
    before = (folder / "actuals.yaml").read_bytes()
    with pytest.raises(RecordError) as refused:
        record_observation(folder, "energy_intensity", 2022, typed)
    assert str(refused.value) == (
        f"a change of {typed}% would take the level of energy_intensity to {ratio} times what it was"
    )
    assert (refused.value.hint, refused.value.param) == (
        "check the figure as typed; if it is right, add --force",
        "value",
    )
    assert (folder / "actuals.yaml").read_bytes() == before


def test_a_yearly_change_of_minus_100_percent_is_impossible_not_a_slip(tmp_path):
    """1 - 100/100 = 0: the level would be gone, which no --force makes possible."""
    from jmplan.write.record import RecordError, record_observation

    folder = tmp_path / "china"
    shutil.copytree(EXAMPLES / "china-14th-fyp-2021", folder)
    with pytest.raises(RecordError) as refused:
        record_observation(folder, "energy_intensity", 2022, "-100")
    assert (
        str(refused.value) == "energy_intensity is observed as yearly changes; a change of -100 % would leave nothing"
    )
    assert refused.value.hint is None  # not "add --force": nothing makes it possible
    assert refused.value.param == "value"


def test_remove_through_the_library_returns_what_it_removed(plan):
    from jmplan.write.record import remove_observation

    done = remove_observation(plan, "sales", 2018)
    assert (done.indicator.key, done.year, done.value, done.previous.value) == ("sales", 2018, 120.0, 120.0)
    assert done.path == plan / "actuals.yaml"
    assert 2018 not in load_plan(plan).observations_of("sales")


def test_remove_waits_for_the_lock_and_says_so(plan):
    import fcntl
    import os

    from jmplan.write.record import RecordError, remove_observation

    held = os.open(plan / ".jmplan.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another open file of the lock: as another process would
    messages: list[str] = []
    try:
        with pytest.raises(RecordError, match="still locked by another process after waiting 0.05 s"):
            remove_observation(plan, "sales", 2018, wait=0.05, on_wait=messages.append)
    finally:
        os.close(held)
    assert messages == [f"waiting for the lock on {plan}, held by another process (giving up after 0.05 s)"]
    assert 2018 in load_plan(plan).observations_of("sales")


def _slip(folder, key, year, value):
    """check_slip's message for `value`, or None when it lets it pass."""
    from jmplan.write.record import RecordError, check_slip

    plan = load_plan(folder)
    try:
        check_slip(plan, plan.indicators[key], year, value)
    except RecordError as refused:
        return str(refused)
    return None


@pytest.fixture
def without_share_baseline(tmp_path):
    """share has no baseline: observed 55 in 2017, 60 in 2019; sales 100 in 2015, 120 in 2018."""
    return write_plan(
        tmp_path / "plan",
        baseline="year: 2015\nvalues:\n  sales: 100\n",
        actuals="observations:\n  sales:\n    2018: 120\n  share:\n    2017: 55\n    2019: 60\n",
    )


def test_the_level_before_is_the_latest_earlier_observation_then_the_baseline(without_share_baseline):
    folder = without_share_baseline
    # 2019 after 2018's 120: 1200 is 10 times 120
    assert (
        _slip(folder, "sales", 2019, 1200)
        == "1200 亿元 for sales in 2019 is 10 times or more away from 120 亿元 in 2018"
    )
    # replacing 2018 itself: what came before 2018 is the baseline, 100; 1000 is 10 times that
    assert (
        _slip(folder, "sales", 2018, 1000)
        == "1000 亿元 for sales in 2018 is 10 times or more away from 100 亿元 in 2015"
    )


def test_without_anything_earlier_the_first_later_observation_is_the_reference(without_share_baseline):
    folder = without_share_baseline
    # 2016, nothing before and no baseline: 2017's 55; 5.5 is a tenth of it
    assert _slip(folder, "share", 2016, 5.5) == "5.5 % for share in 2016 is 10 times or more away from 55 % in 2017"
    assert _slip(folder, "share", 2016, 5.6) is None
    # replacing 2017 itself: the first observation after 2017, 60 in 2019
    assert _slip(folder, "share", 2017, 6) == "6 % for share in 2017 is 10 times or more away from 60 % in 2019"
    assert _slip(folder, "share", 2017, 6.1) is None


def test_no_reference_or_a_level_of_zero_is_no_slip(tmp_path):
    folder = write_plan(
        tmp_path / "plan",
        baseline="year: 2015\nvalues:\n  sales: 0.5\n",
        actuals="observations:\n  sales:\n    2016: 0\n",
    )
    assert _slip(folder, "share", 2017, 90) is None  # share: no baseline, no observation
    assert _slip(folder, "sales", 2017, 1000) is None  # after 0, any level is no multiple of it
    assert _slip(folder, "sales", 2016, 5) == "5 亿元 for sales in 2016 is 10 times or more away from 0.5 亿元 in 2015"
    assert _slip(folder, "sales", 2016, 0) is None  # a level of 0 is no slip of a digit


def test_a_level_of_one_far_below_the_level_before_is_a_slip(plan):
    assert _slip(plan, "sales", 2019, 1) == "1 亿元 for sales in 2019 is 10 times or more away from 120 亿元 in 2018"


def test_a_slip_names_the_value_as_the_argument_at_fault(plan):
    from jmplan.write.record import RecordError, check_slip

    loaded = load_plan(plan)
    with pytest.raises(RecordError) as refused:
        check_slip(loaded, loaded.indicators["sales"], 2019, 1200)
    assert (refused.value.param, refused.value.hint) == (
        "value",
        "check the figure as typed; if it is right, add --force",
    )
