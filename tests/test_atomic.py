"""Writes are whole or not at all, tested by making each step fail on purpose
(the rename, the check, the flush to disk, an interrupt) rather than by killing
a process at a random moment: the old file must be byte for byte as it was,
and no temporary file may be left beside it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from jmplan.write import atomic
from jmplan.write.atomic import write_atomic

OLD = b"year: 2016\nvalues:\n  ecommerce: 850\n"
NEW = b"year: 2016\nvalues:\n  ecommerce: 900\n"


def _fail(error: BaseException):
    def fail(*args, **kwargs):
        raise error

    return fail


def _leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.yaml"
    path.write_bytes(OLD)
    return path


def test_the_new_content_replaces_the_old(old_file: Path) -> None:
    write_atomic(old_file, NEW)
    assert old_file.read_bytes() == NEW
    assert _leftovers(old_file.parent, old_file.name) == []


def test_the_file_keeps_the_permissions_the_user_gave_it(old_file: Path) -> None:
    old_file.chmod(0o640)
    write_atomic(old_file, NEW)
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    # mkstemp makes 0600 files; a new data file should be as any other file the user makes
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", NEW)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640


def test_the_check_sees_the_new_content_before_the_rename(old_file: Path) -> None:
    seen = []

    def check(temp: Path) -> None:
        seen.append((temp.parent, temp.name.startswith(atomic.temp_prefix(old_file)), temp.read_bytes()))
        assert old_file.read_bytes() == OLD  # not replaced yet

    write_atomic(old_file, NEW, check=check)
    assert seen == [(old_file.parent, True, NEW)]


def test_a_failing_check_keeps_the_old_file(old_file: Path) -> None:
    with pytest.raises(ValueError, match="does not read back"):
        write_atomic(old_file, NEW, check=_fail(ValueError("does not read back")))
    assert old_file.read_bytes() == OLD
    assert _leftovers(old_file.parent, old_file.name) == []


@pytest.mark.parametrize(
    "step, error",
    [
        ("replace", OSError(errno.EXDEV, "Invalid cross-device link")),
        ("replace", OSError(errno.EACCES, "Permission denied")),
        ("fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("chmod", OSError(errno.EPERM, "Operation not permitted")),
        ("replace", KeyboardInterrupt()),
        ("fsync", KeyboardInterrupt()),
    ],
    ids=["rename-exdev", "rename-eacces", "disk-full", "chmod", "interrupt-at-rename", "interrupt-at-flush"],
)
def test_a_failing_step_keeps_the_old_file_and_leaves_no_temporary(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: BaseException
) -> None:
    monkeypatch.setattr(atomic.os, step, _fail(error))
    with pytest.raises(type(error)):
        write_atomic(old_file, NEW)
    monkeypatch.undo()
    assert old_file.read_bytes() == OLD
    assert _leftovers(old_file.parent, old_file.name) == []


def test_a_failing_rename_of_a_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "replace", _fail(OSError(errno.EACCES, "Permission denied")))
    with pytest.raises(OSError):
        write_atomic(tmp_path / "new.yaml", NEW)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


# The same through `jmplan record`: the user sees one message, not a traceback,
# and the observations already recorded are all still there.


@pytest.fixture
def recorded_once(run, shipped_copy: Path) -> Path:
    result = run("record", "ecommerce", 2016, "850", "--data-dir", shipped_copy)
    assert result.exit_code == 0, result.stderr
    return shipped_copy


def _plan_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != ".jmplan.lock"}


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_record_that_cannot_write_changes_nothing(run, recorded_once: Path, monkeypatch, step: str) -> None:
    before = _plan_files(recorded_once)
    monkeypatch.setattr(atomic.os, step, _fail(OSError(errno.ENOSPC, "No space left on device")))
    result = run("record", "ecommerce", 2017, "900", "--data-dir", recorded_once)
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "actuals.yaml: cannot write: No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert _plan_files(recorded_once) == before
