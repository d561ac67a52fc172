"""record's refusals through the library, each with its exact message, hint
and the argument it names (`param`), and what a recording that succeeds
writes and returns."""

import fcntl
import os

import pytest
from conftest import write_plan

from jmplan import load_plan
from jmplan.write.record import Change, RecordError, apply_changes, record_observation


@pytest.fixture
def plan(tmp_path):
    """sales 100 (2015) -> 150 (2020) in 亿元, observed 120 in 2018; share 40 -> 90, 55 in 2017."""
    return write_plan(
        tmp_path / "plan",
        actuals="observations:\n  sales:\n    2018: 120\n  share:\n    2017: 55\n",
    )


def _actuals(folder):
    return (folder / "actuals.yaml").read_bytes()


def _refused(call, *args, **kwargs):
    with pytest.raises(RecordError) as refused:
        call(*args, **kwargs)
    return refused.value


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda p: apply_changes(p, [Change.add("sales", 2021, 130)]), "year"),  # outside 2015-2020
        (lambda p: record_observation(p, "sales", 2021, "130"), "year"),
        (lambda p: apply_changes(p, [Change.replace("sales", 2019, 130)]), "year"),  # nothing there to replace
        (lambda p: apply_changes(p, [Change.add("sales", 2019, -1)]), "value"),  # a level cannot be negative
        (lambda p: record_observation(p, "sales", 2015, "100"), "year"),  # the plan states the 2015 baseline
        (lambda p: record_observation(p, "sales", 2019, "850万元"), "value"),  # shrunk by its multiplier
        (lambda p: record_observation(p, "sales", 2019, "abc"), "value"),  # not a quantity
    ],
)
def test_each_refusal_names_the_argument_at_fault(plan, call, param):
    before = _actuals(plan)
    assert _refused(call, plan).param == param
    assert _actuals(plan) == before


def test_a_value_outside_the_range_is_refused_with_it_written_out(plan):
    refused = _refused(apply_changes, plan, [Change.add("sales", 2019, 1e20)])
    assert str(refused) == "'1e+20' is outside the range jmplan accepts: 0, or a size from 1e-9 to 1e15"
    assert str(refused.hint) == (
        "check the number of digits; a very large or very small figure reads better in another unit (亿元, 万人)"
    )
    assert refused.param == "value"


def test_an_unknown_action_is_a_programming_error_naming_the_actions(plan):
    with pytest.raises(ValueError) as refused:
        apply_changes(plan, [Change("move", "sales", 2019, {"value": 1})])
    assert str(refused.value) == "unknown action 'move'; one of add, replace, remove"


def test_a_change_after_a_removal_is_still_checked(plan):
    before = _actuals(plan)
    refused = _refused(apply_changes, plan, [Change.remove("sales", 2018), Change("add", "share", 2019, {})])
    assert str(refused) == "share 2019: the value must be a number" and refused.param == "value"
    assert _actuals(plan) == before


def test_a_hidden_character_in_a_field_is_refused_with_its_hint(plan):
    before = _actuals(plan)
    refused = _refused(apply_changes, plan, [Change.add("sales", 2019, 130, note="初步\u202e数")])
    assert str(refused) == "the note holds a bidirectional control character (U+202E), which jmplan refuses in any text"
    assert str(refused.hint) == (
        "delete it: it changes the order in which text is shown, so what a reader sees is not what is written"
    )
    assert refused.param == "note"
    refused = _refused(apply_changes, plan, [Change.add("sales", 2019, 130, note="初步\x07数")])
    assert str(refused) == "the note holds a control character (U+0007), which jmplan refuses in any text"
    # it reaches the file as an escape in quoted text
    assert str(refused.hint) == (
        "write the text without it: a control character would reach the terminal of whoever reads the output"
    )
    refused = _refused(apply_changes, plan, [Change.add("sales", 2019, 130, source="公报\x07")])
    assert refused.param == "--source"
    # in a mapping's key as well as in its values
    refused = _refused(apply_changes, plan, [Change.add("sales", 2019, 130, extra={"a\u202eb": "x"})])
    assert (
        str(refused) == "the extra holds a bidirectional control character (U+202E), which jmplan refuses in any text"
    )
    assert _actuals(plan) == before


def test_a_link_outside_the_plan_folder_says_how_to_keep_the_figures(tmp_path, plan):
    elsewhere = tmp_path / "elsewhere.yaml"
    (plan / "actuals.yaml").rename(elsewhere)
    (plan / "actuals.yaml").symlink_to(elsewhere)
    refused = _refused(record_observation, plan, "sales", 2019, "130")
    shown = str(plan / "actuals.yaml")
    assert str(refused.hint) == (
        "to record into that file, use the plan folder it belongs to; to keep the figures with this plan, "
        f"replace the link by a copy: `cp --remove-destination {elsewhere} {shown}`"
    )


@pytest.mark.parametrize("mode", [0o444, 0o401])  # 0o401: executable by others, still writable by nobody
def test_a_read_only_file_is_left_alone_with_a_hint(plan, mode):
    before = _actuals(plan)
    os.chmod(plan / "actuals.yaml", mode)
    try:
        refused = _refused(record_observation, plan, "sales", 2019, "130")
    finally:
        os.chmod(plan / "actuals.yaml", 0o644)
    assert str(refused) == f"{plan / 'actuals.yaml'} is read-only"
    assert str(refused.hint) == "make it writable first if the figure belongs in it"
    assert _actuals(plan) == before


def test_an_observation_already_there_is_not_replaced_unless_asked(plan):
    before = _actuals(plan)
    refused = _refused(record_observation, plan, "sales", 2018, "125")
    assert str(refused).startswith("sales already has 120 for 2018 (")
    assert _actuals(plan) == before


def test_status_and_date_are_written_and_read_back(plan):
    record_observation(plan, "sales", 2019, "130", data_status="preliminary", recorded="2020-03-01")
    figure = load_plan(plan).observations["sales"][2019]
    assert (figure.value, figure.data_status, figure.recorded) == (130, "preliminary", "2020-03-01")
    apply_changes(plan, [Change.add("share", 2019, 60, data_status="preliminary")])
    assert load_plan(plan).observations["share"][2019].data_status == "preliminary"


def test_a_replacement_with_its_own_note_keeps_none(plan):
    record_observation(plan, "sales", 2019, "130", source="初步公报", note="初步数")
    done = record_observation(plan, "sales", 2019, "131", replace=True, source="最终公报", note="最终数")
    assert (done.kept_source, done.kept_note) == ("", "")
    figure = load_plan(plan).observations["sales"][2019]
    assert (figure.quote, figure.note) == ("最终公报", "最终数")


def test_apply_changes_returns_each_change_with_its_indicator(plan):
    change = Change.replace("sales", 2018, 125)
    done = apply_changes(plan, [change])
    [applied] = done.applied
    assert applied.change == change
    assert (applied.indicator.key, applied.previous.value) == ("sales", 120)


def test_apply_changes_waits_for_the_lock_and_says_so(plan):
    held = os.open(plan / ".jmplan.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another open file of the lock: as another process would
    messages: list[str] = []
    try:
        with pytest.raises(RecordError, match="still locked by another process after waiting 0.05 s"):
            apply_changes(plan, [Change.add("sales", 2019, 130)], wait=0.05, on_wait=messages.append)
    finally:
        os.close(held)
    assert messages == [f"waiting for the lock on {plan}, held by another process (giving up after 0.05 s)"]
