"""`record` changes only the entry it records: every other byte of
actuals.yaml stays as the user wrote it, whatever the layout (CRLF, a
byte-order mark, any indentation, a tab after a colon, flow mappings,
comments, `+1`, `True`, a key `False:`).

The property test draws hand-written-looking files and one change, and
checks, independently of the code that edits: the file reads back with
exactly that change, and a line diff touches only the lines of that entry
(or of the mapping that holds it on one line)."""

from __future__ import annotations

import difflib
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmplan.plan.loader import read_actuals, read_plan
from jmplan.write.record import Change, RecordError, apply_changes, record_observation

BASE = Path(__file__).parent / "bad_inputs" / "_base"
KEYS = ("sales", "share")
SOURCES = ["统计公报", "a: b", "#1 source", "x, y", "True", 'it\'s "quoted"', "2018年统计公报", "- dash"]


def plan_folder(where: Path) -> Path:
    """The catalogue's base plan, with a goal whose key is `False`."""
    folder = where / "plan"
    shutil.copytree(BASE, folder)
    plan = (folder / "plan.yaml").read_text(encoding="utf-8")
    plan += "  False:\n    text_zh: 假\n    text_en: A goal keyed False\n"
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    return folder


@st.composite
def actuals_files(draw):
    """(text, owners, newline, bom): owners maps a line number to what it
    belongs to: ("entry", key, year), ("holder", key) for a one-line flow
    mapping of a key's years, ("holder", None) for `observations: {}`."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.booleans())
    step = draw(st.integers(1, 4))
    lines: list[tuple[str, tuple | None]] = []
    if draw(st.booleans()):
        lines.append(("# observed values, typed in by hand", None))
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=2))
    value = st.integers(0, 100)
    if not keys and draw(st.booleans()):
        lines.append(("observations: {}", ("holder", None)))
    else:
        lines.append(("observations:" + draw(st.sampled_from(["", "   # by year"])), None))
    for key in keys:
        years = draw(st.lists(st.integers(2015, 2020), unique=True, max_size=4))
        if draw(st.booleans()) and years:
            entries = ", ".join(f"{y}: {draw(st.sampled_from(['', '+']))}{draw(value)}" for y in years)
            lines.append((" " * step + f"{key}: {{{entries}}}", ("holder", key)))
            continue
        lines.append((" " * step + f"{key}:", None))
        indent = " " * (2 * step)
        for y in years:
            v = draw(value)
            owner = ("entry", key, y)
            style = draw(st.sampled_from(["plain", "plus", "float", "tab", "flow", "block", "comment", "lone comment"]))
            if style == "lone comment":
                lines.append((f"{indent}# checked in {y}", None))
                style = "plain"
            if style == "block":
                lines.append((f"{indent}{y}:", owner))
                lines.append((f"{indent}{' ' * step}value: {v}", owner))
                lines.append((f"{indent}{' ' * step}note: True", owner))
                continue
            text = {
                "plain": f"{y}: {v}",
                "plus": f"{y}: +{v}",
                "float": f"{y}: {v}.0",
                "tab": f"{y}:\t{v}",
                "flow": f"{y}: {{value: {v}, source: 统计公报}}",
                "comment": f"{y}: {v}  # provisional",
            }[style]
            lines.append((indent + text, owner))
    if draw(st.booleans()):
        lines += [("notes:", None), (" " * step + "False:", None), (" " * step * 2 + "2016: True", None)]
    text = newline.join(line for line, _ in lines) + (newline if draw(st.booleans()) or not lines else "")
    owners = {i: owner for i, (_, owner) in enumerate(lines) if owner}
    if newline not in text:  # one line without a line break: nothing says CRLF, so a new line is LF
        newline = "\n"
    return text, owners, newline, bom


def observed(path: Path) -> dict:
    observations, _notes, problems = read_actuals(path)
    assert problems == []
    return {(k, y): (f.value, f.quote, f.note) for k, by_year in observations.items() for y, f in by_year.items()}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    file=actuals_files(),
    key=st.sampled_from(KEYS),
    year=st.integers(2015, 2020),
    value=st.integers(0, 100),
    source=st.none() | st.sampled_from(SOURCES),
)
def test_record_changes_exactly_one_entry(file, key, year, value, source):
    text, owners, newline, bom = file
    with tempfile.TemporaryDirectory() as where:
        folder = plan_folder(Path(where))
        actuals = folder / "actuals.yaml"
        actuals.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
        plan, problems = read_plan(folder)
        assert problems == [], (text, problems)
        before = observed(actuals)
        exists = (key, year) in before
        change = (Change.replace if exists else Change.add)(key, year, value, source=source)
        apply_changes(folder, [change])
        raw = actuals.read_bytes()
        after_text = raw.decode("utf-8")

        # it reads back with exactly that change
        expected = dict(before)
        expected[(key, year)] = (float(value), source or "", "")
        assert observed(actuals) == expected

        # the byte-order mark and the line endings are as they were
        assert after_text.startswith("\ufeff") == bom
        body = after_text.lstrip("\ufeff")
        if newline == "\n":
            assert "\r" not in body
        else:
            assert body.count("\n") == body.count("\r\n")

        # a line diff touches only that entry's lines, or the line holding its mapping
        old_lines, new_lines = text.split(newline), body.split(newline)
        allowed = {i for i, owner in owners.items() if owner in (("entry", key, year), ("holder", key))}
        if not any(owner[0] == "entry" and owner[1] == key for owner in owners.values()) and key not in [
            o[1] for o in owners.values() if o[0] == "holder"
        ]:
            allowed |= {i for i, owner in owners.items() if owner == ("holder", None)}
        hunks = [op for op in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()]
        changed = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in hunks if tag != "equal"]
        if not changed:  # the same value again: nothing to change
            assert before.get((key, year)) == expected[(key, year)]
            return
        touched = {i for i1, i2, _j1, _j2 in changed for i in range(i1, i2)}
        assert touched <= allowed, (text, body)
        if not allowed:  # a new entry: lines inserted in one place, nothing else
            assert len(changed) == 1 and changed[0][0] == changed[0][1], (text, body)
        if not exists:
            assert any(str(year) in line for _i1, _i2, j1, j2 in changed for line in new_lines[j1:j2])


# --- the examples of the issue, one by one ------------------------------------------


@pytest.fixture
def folder(tmp_path) -> Path:
    return plan_folder(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "observations:\n  sales:\n    2016: +1\n",  # `+1` stays `+1`
        "observations:\n  sales:\n    2016: 110\n    2017: {value: 1, note: True}\n",  # `True` stays `True`
        "observations:\n  sales:\n    2016:\t110\n",  # a tab after the colon (libyaml accepts it)
        "notes:\n  False:\n    2016: True\nobservations:\n  sales:\n    2016: 110\n",  # a key `False:`
        "\ufeffobservations:\r\n  sales:\r\n    2016: 110\r\n",  # BOM and CRLF
        "observations:\n    sales:\n        2016: 110\n",  # four-space indentation
        "observations: {sales: {2016: 110}}\n",  # flow
    ],
)
def test_record_keeps_every_other_byte(run, folder, text):
    actuals = folder / "actuals.yaml"
    actuals.write_bytes(text.encode("utf-8"))
    result = run("record", "sales", 2019, "130", "--force", "--data-dir", folder)  # 130 after 1: no slip here
    assert result.exit_code == 0, result.stderr
    after = actuals.read_bytes().decode("utf-8")
    removed = [line for line in difflib.ndiff(text.splitlines(True), after.splitlines(True)) if line[0] == "-"]
    added = [line[2:] for line in difflib.ndiff(text.splitlines(True), after.splitlines(True)) if line[0] == "+"]
    if text.startswith("observations: {"):
        assert after == "observations: {sales: {2016: 110, 2019: 130}}\n"
    else:
        assert removed == [] and [line.strip() for line in added] == ["2019: 130"]
        assert added[0].endswith("\r\n" if "\r\n" in text else "\n")
        assert (
            added[0][: len(added[0]) - len(added[0].lstrip())]
            == {True: "        ", False: "    "}["        2016" in text]
        )


def test_replace_changes_only_the_value(folder):
    actuals = folder / "actuals.yaml"
    text = "observations:\n  sales:   # 亿元\n    2016:\n      value: +110   # first estimate\n      source: 公报\n"
    actuals.write_text(text, encoding="utf-8")
    apply_changes(folder, [Change.replace("sales", 2016, 112, source="公报")])
    assert actuals.read_text(encoding="utf-8") == text.replace("+110", "112")


def test_a_batch_adds_replaces_and_removes_at_once(folder):
    actuals = folder / "actuals.yaml"
    actuals.write_text(
        "observations:\n  sales:\n    2016: 110  # a\n    2017: 115\n    2018: 120\n  share:\n    2017: 55\n",
        encoding="utf-8",
    )
    done = apply_changes(
        folder,
        [
            Change.remove("sales", 2016),
            Change.add("sales", 2019, 125, source="公报", note="provisional"),
            Change.replace("sales", 2018, 121),
            Change.add("share", 2016, 50),
            Change.add("share", 2020, 60),
        ],
    )
    assert [a.previous.value if a.previous else None for a in done.applied] == [110, None, 120, None, None]
    assert actuals.read_text(encoding="utf-8") == (
        "observations:\n  sales:\n    2017: 115\n    2018: 121\n"
        "    2019: {value: 125, source: 公报, note: provisional}\n"
        "  share:\n    2016: 50\n    2017: 55\n    2020: 60\n"
    )


def test_a_batch_with_one_bad_change_writes_nothing(folder):
    actuals = folder / "actuals.yaml"
    before = actuals.read_bytes()
    with pytest.raises(RecordError, match="share is a share in %; 120 is over 100"):
        apply_changes(folder, [Change.add("sales", 2019, 125), Change.add("share", 2019, 120)])
    with pytest.raises(RecordError, match="sales already has 120 for 2018"):
        apply_changes(folder, [Change.add("sales", 2019, 125), Change.add("sales", 2018, 1)])
    with pytest.raises(RecordError, match="has no observation for 2016 to remove"):
        apply_changes(folder, [Change.remove("sales", 2016)])
    with pytest.raises(RecordError, match="changed twice"):
        apply_changes(folder, [Change.add("sales", 2019, 1), Change.add("sales", 2019, 2)])
    assert actuals.read_bytes() == before


def test_the_whole_plan_is_checked_before_the_file_is_replaced(folder):
    """A field the loader does not know would make the plan fail to load: refused, nothing written."""
    actuals = folder / "actuals.yaml"
    before = actuals.read_bytes()
    with pytest.raises(RecordError, match="with this change the plan would not load: .*unknown field 'colour'"):
        apply_changes(folder, [Change.add("sales", 2019, 125, colour="red")])
    assert actuals.read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_removal_keeps_the_rest(folder):
    actuals = folder / "actuals.yaml"
    actuals.write_text("observations:\n  sales: {2016: 1, 2017: 2, 2018: 3}\n  share:\n    2017: 55\n")
    apply_changes(folder, [Change.remove("sales", 2018), Change.remove("share", 2017)])
    assert actuals.read_text() == "observations:\n  sales: {2016: 1, 2017: 2}\n  share:\n"


# --- where record writes: links, the lock file, waiting ---------------------------


def test_a_link_inside_the_plan_folder_is_followed_and_kept(folder):
    shared = folder / "shared"
    shared.mkdir()
    (folder / "actuals.yaml").rename(shared / "actuals.yaml")
    (folder / "actuals.yaml").symlink_to("shared/actuals.yaml")
    done = record_observation(folder, "sales", 2019, "130")
    assert (folder / "actuals.yaml").is_symlink()
    assert done.path == (shared / "actuals.yaml").resolve()
    assert "2019: 130" in (shared / "actuals.yaml").read_text(encoding="utf-8")


def test_a_link_outside_the_plan_folder_is_refused(tmp_path, folder):
    elsewhere = tmp_path / "elsewhere.yaml"
    (folder / "actuals.yaml").rename(elsewhere)
    (folder / "actuals.yaml").symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    with pytest.raises(RecordError, match="is a link to .*elsewhere.yaml, outside the plan folder"):
        record_observation(folder, "sales", 2019, "130")
    assert elsewhere.read_bytes() == before and (folder / "actuals.yaml").is_symlink()


def test_a_lock_file_that_is_a_link_is_not_followed(tmp_path, folder):
    target = tmp_path / "created-elsewhere"
    (folder / ".jmplan.lock").symlink_to(target)
    with pytest.raises(RecordError, match="the lock file is a symbolic link"):
        record_observation(folder, "sales", 2019, "130")
    assert not target.exists()


def test_a_lock_file_that_is_a_fifo_is_refused_at_once(folder):
    import os

    os.mkfifo(folder / ".jmplan.lock")
    with pytest.raises(RecordError, match="the lock file is not a regular file"):
        record_observation(folder, "sales", 2019, "130")


def test_a_lock_file_only_readable_is_enough(monkeypatch, folder):
    """Another user of a group-shared folder made .jmplan.lock; this user may only read it."""
    import errno
    import os

    (folder / ".jmplan.lock").touch()
    real_open = os.open

    def open_as_another_user(path, flags, *args):
        if str(path).endswith(".jmplan.lock") and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_as_another_user)
    record_observation(folder, "sales", 2019, "130")
    assert "2019: 130" in (folder / "actuals.yaml").read_text(encoding="utf-8")


@pytest.fixture
def held_lock(folder):
    """Another process holding the plan folder's lock; yields its pid."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(30)",
            str(folder / ".jmplan.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_waiting_for_the_lock_says_for_whom_and_gives_up(folder, held_lock):
    import time

    messages: list[str] = []
    started = time.monotonic()
    with pytest.raises(RecordError, match="still locked by process .* after waiting 0.5 s") as refused:
        record_observation(folder, "sales", 2019, "130", wait=0.5, on_wait=messages.append)
    assert 0.5 <= time.monotonic() - started < 5
    assert len(messages) == 1 and messages[0].startswith(f"waiting for the lock on {folder}, held by process")
    assert f"process {held_lock}" in messages[0] and "user " in messages[0]
    assert "--wait" in refused.value.hint


def test_record_wait_on_the_command_line(run, folder, held_lock):
    before = (folder / "actuals.yaml").read_bytes()
    result = run("record", "sales", 2019, "130", "--wait", "0.3", "--data-dir", folder)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"jmplan: waiting for the lock on {folder}, held by process {held_lock}")
    assert "still locked" in result.stderr and "Nothing was written." in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before


def test_a_folder_where_the_lock_cannot_be_created_says_what_to_do(monkeypatch, folder):
    """Not allowed to create .jmplan.lock (a read-only shared folder, as a user without write access)."""
    import errno
    import os

    real_open = os.open

    def open_without_write_access(path, flags, *args):
        if str(path).endswith(".jmplan.lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_without_write_access)
    before = (folder / "actuals.yaml").read_bytes()
    with pytest.raises(RecordError, match="cannot create the lock file") as refused:
        record_observation(folder, "sales", 2019, "130")
    assert "touch" in str(refused.value.hint)
    assert (folder / "actuals.yaml").read_bytes() == before


# --- fields the loader knows, written and read back ------------------------------


@pytest.mark.parametrize(
    "fields, read_back",
    [
        ({"qualifier": "over"}, {"qualifier": "over"}),  # 超过130: a lower bound
        ({"qualifier": "range", "upper": 140}, {"qualifier": "range", "upper": 140.0}),  # 130—140
        ({"note": "初步数", "note_en": "preliminary"}, {"note": "初步数", "note_en": "preliminary"}),
        ({"stated": "130", "from_table": True}, {"stated": "130", "from_table": True}),  # a table's cell
        ({"unit": "亿元"}, {"unit": "亿元"}),  # the unit the figure is written in
    ],
    ids=["over", "range", "note-in-both-languages", "from-a-table", "unit"],
)
def test_every_field_the_loader_knows_can_be_recorded(folder, fields, read_back):
    apply_changes(folder, [Change.add("sales", 2019, 130, **fields)])
    figure = read_actuals(folder / "actuals.yaml")[0]["sales"][2019]
    assert figure.value == 130
    assert {name: getattr(figure, name) for name in read_back} == read_back


def test_a_link_to_nothing_inside_the_plan_folder_is_refused(folder):
    actuals = folder / "actuals.yaml"
    actuals.unlink()
    actuals.symlink_to("gone.yaml")
    with pytest.raises(RecordError) as refused:
        record_observation(folder, "sales", 2019, "130")
    assert str(refused.value) == f"{actuals} is a link to {folder.resolve() / 'gone.yaml'}, which does not exist"
    assert actuals.is_symlink() and not (folder / "gone.yaml").exists()


def test_actuals_replaced_by_a_folder_after_reading_is_refused(folder):
    """Another program (not a jmplan, which would wait for the lock) puts a
    folder where actuals.yaml was, between the plan's reading and its writing."""
    from jmplan.plan.loader import load_plan
    from jmplan.write.record import _apply_locked

    plan = load_plan(folder)
    actuals = folder / "actuals.yaml"
    actuals.unlink()
    actuals.mkdir()
    with pytest.raises(RecordError) as refused:
        _apply_locked(folder, plan, (Change.add("sales", 2019, 130),))
    assert (str(refused.value), str(refused.value.hint)) == (
        f"{actuals} is not a regular file",
        "actuals.yaml must be a text file; remove what has its name",
    )
    assert actuals.is_dir() and list(actuals.iterdir()) == []


@pytest.mark.parametrize(
    "changes, message, param",
    [
        (
            [Change.add("sales", 2019, 1), Change.add("sales", 2019, 2)],
            "sales 2019 is changed twice in one batch",
            "year",
        ),
        ([Change.add("sale", 2019, 130)], "'sale' is not an indicator of this plan", "key"),  # exact keys only
        ([Change("add", "sales", 2019, {"value": "130"})], "sales 2019: the value must be a number", "value"),
        (
            [Change.add("sales", 2019, 130, **{"the source": "x"})],
            "'the source' cannot be the name of a field",
            "value",
        ),
        ([Change.add("sales", 2019, float("inf"))], "sales 2019: value: inf is not a finite number", "value"),
        ([Change.add("share", 2019, 100.5)], "share is a share in %; 100.5 is over 100", "value"),
        (
            [Change.add("sales", 2019, 130, source=["公报", {"页": "第\x073页"}])],
            "the source holds a control character (U+0007), which jmplan refuses in any text",
            "--source",
        ),
    ],
    ids=[
        "twice",
        "unknown-key",
        "not-a-number",
        "field-name",
        "infinite",
        "share-over-100",
        "nested-control-character",
    ],
)
def test_a_batch_refused_says_why_and_which_argument(folder, changes, message, param):
    before = (folder / "actuals.yaml").read_bytes()
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, changes)
    assert (str(refused.value), refused.value.param) == (message, param)
    assert (folder / "actuals.yaml").read_bytes() == before


def test_a_value_out_of_range_is_refused_with_the_range(folder):
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, [Change.add("sales", 2019, 1e16)])
    assert refused.value.param == "value"
    assert "1e15" in str(refused.value) and "1e-9" in str(refused.value)
    assert refused.value.hint is not None and str(refused.value.hint) != str(refused.value)


def test_a_field_the_loader_does_not_know_is_refused_before_writing(folder):
    """The new file is read back with the whole plan before it replaces the old one."""
    actuals = folder / "actuals.yaml"
    before = actuals.read_bytes()
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, [Change.add("sales", 2019, 130, colour="red")])
    assert str(refused.value) == (
        f"{actuals}: with this change the plan would not load: unknown field 'colour' in the figure for 'sales'"
    )
    assert str(refused.value.hint) == "Nothing was written."
    assert actuals.read_bytes() == before


def test_a_file_the_splice_cannot_change_is_named_with_the_reason(folder, monkeypatch):
    """The splice refuses what it cannot change in place (made to happen here:
    a plan that loads never gives it such a file); nothing is written."""
    from jmplan.write import record
    from jmplan.write.splice import SpliceError

    def refuse(text, merge):
        raise SpliceError("two changes overlap in the file")

    monkeypatch.setattr(record, "edit", refuse)
    actuals = folder / "actuals.yaml"
    before = actuals.read_bytes()
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, [Change.add("sales", 2019, 130)])
    assert str(refused.value) == f"{actuals}: cannot change the file: two changes overlap in the file"
    assert actuals.read_bytes() == before


def test_a_new_file_that_reads_back_otherwise_is_not_written(folder, monkeypatch):
    """The read-back check, made to fail: the loaded observations differ from
    those expected (as they did for a note in English before _figure_of knew
    note_en), or the plan does not come back at all."""
    from jmplan.write import record

    actuals = folder / "actuals.yaml"
    before = actuals.read_bytes()
    monkeypatch.setattr(record, "_expected", lambda plan, changes: {})
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, [Change.add("sales", 2019, 130)])
    assert str(refused.value) == f"{actuals}: the edited file would not read back as intended; nothing was written"
    assert str(refused.value.hint) == "this is a bug in jmplan: please report it with the file"
    monkeypatch.undo()
    real_read_plan = record.read_plan
    monkeypatch.setattr(
        record, "read_plan", lambda folder, actuals=None: (None, []) if actuals else real_read_plan(folder)
    )
    with pytest.raises(RecordError) as refused:
        apply_changes(folder, [Change.add("sales", 2019, 130)])
    assert str(refused.value) == f"{actuals}: with this change the plan would not load: no plan"
    assert actuals.read_bytes() == before
