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
    assert "check that the file and its folder are writable" in result.stderr
    assert "Traceback" not in result.stderr
    assert _plan_files(recorded_once) == before


# The temporary file: where it is made and how it is named, so that record can
# find the ones a killed writer left (`.actuals.yaml.<random>.tmp`).


def test_the_temporary_file_sits_beside_the_target_with_its_name(old_file: Path) -> None:
    names = []
    write_atomic(old_file, NEW, check=lambda temp: names.append((temp.parent, temp.name)))
    [(folder, name)] = names
    assert folder == old_file.parent
    assert name.startswith(".actuals.yaml.") and name.endswith(".tmp") and len(name) > len(".actuals.yaml..tmp")


def test_a_relative_path_is_written_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert atomic.final_target(Path("plain.txt")) == Path("plain.txt")  # not a link: the path as given
    write_atomic(Path("plain.txt"), NEW)
    assert (tmp_path / "plain.txt").read_bytes() == NEW
    assert _leftovers(tmp_path, "plain.txt") == []


def test_the_data_reaches_the_disk_before_the_rename(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of the temporary file (its data, before the rename), then of the
    folder (the rename itself)."""
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else f"fsync {os.fstat(fd).st_size} bytes")
        real_fsync(fd)

    def replace(src, dst) -> None:
        steps.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    write_atomic(old_file, NEW)
    assert steps == [f"fsync {len(NEW)} bytes", "rename", "fsync folder"]


def test_a_failing_fsync_of_the_folder_is_reported_and_the_folder_closed(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the rename the new content is in place; a folder that cannot be
    flushed is still an error, and its descriptor is not left open."""
    closed: list[int] = []
    real_close, real_fsync = os.close, os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    def close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "close", close)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(old_file, NEW)
    monkeypatch.undo()
    assert len(closed) == 1
    with pytest.raises(OSError):
        os.fstat(closed[0])
    assert old_file.read_bytes() == NEW


def test_a_setuid_bit_and_the_file_type_are_not_passed_to_chmod(old_file: Path, monkeypatch) -> None:
    old_file.chmod(0o2750)
    modes = []
    real_chmod = os.chmod
    monkeypatch.setattr(atomic.os, "chmod", lambda path, mode: (modes.append(mode), real_chmod(path, mode)))
    write_atomic(old_file, NEW)
    assert modes == [0o2750]  # the permission bits only: st_mode also holds S_IFREG


def test_a_new_file_under_a_zero_umask_is_readable_and_writable_by_all(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        write_atomic(tmp_path / "new.yaml", NEW)
        assert os.umask(0) == 0  # the umask read is put back as it was
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o666


# What is not a regular file


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(tmp_path, NEW)
    assert (caught.value.errno, caught.value.strerror, caught.value.filename) == (
        errno.EISDIR,
        "is a folder",
        str(tmp_path),
    )


def test_a_path_through_a_file_is_refused(old_file: Path) -> None:
    path = old_file / "inside.yaml"
    with pytest.raises(NotADirectoryError) as caught:
        write_atomic(path, NEW)
    assert (caught.value.errno, caught.value.strerror, caught.value.filename) == (
        errno.ENOTDIR,
        "a part of the path is a file, not a folder",
        str(path),
    )
    assert caught.value.__suppress_context__
    assert old_file.read_bytes() == OLD


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that opening for writing does not wait
    try:
        write_atomic(fifo, NEW)
        assert os.read(reader, 1000) == NEW
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _leftovers(tmp_path, "pipe") == []


def test_a_fifo_cannot_be_checked(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as caught:
        write_atomic(fifo, NEW, check=lambda temp: None)
    assert (caught.value.errno, caught.value.strerror, caught.value.filename) == (
        errno.EINVAL,
        "not a regular file",
        str(fifo),
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path, old_file: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(old_file)
    assert atomic.final_target(link) == old_file
    assert atomic.final_target(old_file) == old_file
    write_atomic(link, NEW)
    assert link.is_symlink() and old_file.read_bytes() == NEW
    assert _leftovers(tmp_path, old_file.name) == ["link.yaml"]


def test_a_link_to_a_file_not_yet_there_creates_it(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "sub" / "new.yaml")
    (tmp_path / "sub").mkdir()
    write_atomic(link, NEW)
    assert link.is_symlink() and (tmp_path / "sub" / "new.yaml").read_bytes() == NEW
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["new.yaml"]


def test_data_in_pieces_is_written_whole(old_file: Path, tmp_path: Path) -> None:
    pieces = (piece for piece in (b"year: 2016\n", b"values:\n", b"  ecommerce: 900\n"))
    write_atomic(old_file, pieces)
    assert old_file.read_bytes() == NEW
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, iter([b"a", b"b"]))
        assert os.read(reader, 1000) == b"ab"
    finally:
        os.close(reader)
