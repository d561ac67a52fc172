"""The folder lock refuses what is not its own lock file, and says which
problem it met: each branch made to happen on purpose (a link, a folder, a
FIFO, a folder it cannot write, a disk that fails), with the exact words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jmplan.write import lock
from jmplan.write.lock import LOCK_FILE, LockError, folder_lock

REAL_OPEN = os.open


def _take(folder: Path) -> LockError:
    with pytest.raises(LockError) as caught:
        with folder_lock(folder, wait=0):
            pass
    return caught.value


def test_a_link_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / LOCK_FILE).symlink_to(elsewhere)
    error = _take(tmp_path)
    path = tmp_path / LOCK_FILE
    assert str(error) == f"{path}: the lock file is a symbolic link, which jmplan does not follow"
    assert str(error.hint) == "remove the link; jmplan creates .jmplan.lock as an empty file of its own"
    assert error.filename == str(path)
    assert not elsewhere.exists()  # nothing created where the link leads


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_what_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / LOCK_FILE
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    error = _take(tmp_path)
    assert str(error) == f"{path}: the lock file is not a regular file"
    assert str(error.hint) == (
        "remove it (.jmplan.lock is an empty file jmplan creates; nothing else belongs under that name)"
    )


def _failing_open(errors: list[int]):
    """os.open that fails with the given errnos, one per call, then opens for real."""

    def fake_open(path, flags, *args):
        if errors:
            code = errors.pop(0)
            raise OSError(code, os.strerror(code), str(path))
        return REAL_OPEN(path, flags, *args)

    return fake_open


def test_a_folder_it_cannot_write_says_how_to_make_the_lock_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EACCES]))
    error = _take(tmp_path)
    monkeypatch.undo()
    path = tmp_path / LOCK_FILE
    assert str(error) == f"{path}: cannot create the lock file: Permission denied"
    assert f"touch {path}" in str(error.hint)


def test_another_failure_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.ENOSPC]))
    error = _take(tmp_path)
    monkeypatch.undo()
    assert str(error) == f"{tmp_path / LOCK_FILE}: cannot open the lock file: No space left on device"
    assert str(error.hint) == "check the plan folder"


def test_a_lock_file_of_another_user_is_opened_for_reading(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"")
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EACCES]))  # read-write refused, read-only works
    with folder_lock(tmp_path, wait=0):
        pass


def test_a_read_only_retry_that_fails_too_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"")
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EACCES, errno.EIO]))
    error = _take(tmp_path)
    monkeypatch.undo()
    assert str(error) == f"{tmp_path / LOCK_FILE}: cannot open the lock file: Input/output error"
