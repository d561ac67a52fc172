"""The folder lock refuses what is not its own lock file, and says which
problem it met: each branch made to happen on purpose (a link, a folder, a
FIFO, a folder it cannot write, a disk that fails), with the exact words."""

from __future__ import annotations

import errno
import fcntl
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
    assert error.filename == str(path)
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
    assert error.filename == str(path)
    assert f"touch {path}" in str(error.hint)


def test_another_failure_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.ENOSPC]))
    error = _take(tmp_path)
    monkeypatch.undo()
    assert str(error) == f"{tmp_path / LOCK_FILE}: cannot open the lock file: No space left on device"
    assert error.filename == str(tmp_path / LOCK_FILE)
    assert str(error.hint) == "check the plan folder"


def test_a_lock_file_of_another_user_is_opened_for_reading(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"")
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EACCES]))  # read-write refused, read-only works
    with folder_lock(tmp_path, wait=0):
        [fd] = _lock_fds(tmp_path / LOCK_FILE)
        # opened as the first try would have been: no link followed, no waiting on a FIFO, not inherited
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        assert flags & os.O_ACCMODE == os.O_RDONLY and flags & os.O_NONBLOCK and not os.get_inheritable(fd)


def test_a_read_only_retry_that_fails_too_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"")
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EACCES, errno.EIO]))
    error = _take(tmp_path)
    monkeypatch.undo()
    assert str(error) == f"{tmp_path / LOCK_FILE}: cannot open the lock file: Input/output error"


@pytest.mark.parametrize("code", [errno.EPERM, errno.EROFS])
def test_a_lock_file_on_a_read_only_place_is_opened_for_reading(tmp_path: Path, monkeypatch, code: int) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"")
    monkeypatch.setattr(lock.os, "open", _failing_open([code]))
    with folder_lock(tmp_path, wait=0):
        entered = True
    assert entered


@pytest.mark.parametrize("code", [errno.EPERM, errno.EROFS])
def test_no_lock_file_and_no_right_to_make_one(tmp_path: Path, monkeypatch, code: int) -> None:
    monkeypatch.setattr(lock.os, "open", _failing_open([code]))
    error = _take(tmp_path)
    monkeypatch.undo()
    path = tmp_path / LOCK_FILE
    assert str(error) == f"{path}: cannot create the lock file: {os.strerror(code)}"
    assert str(error.hint) == (
        f"record needs to create .jmplan.lock in the plan folder once: make the folder writable, or ask "
        f"someone who can write it to run `touch {path}` (a lock file anyone can read is enough)"
    )
    assert not path.exists()


def test_a_too_deep_link_chain_is_named_as_a_link(tmp_path: Path, monkeypatch) -> None:
    """ELOOP is what O_NOFOLLOW gives for a link, whether or not it is still there when asked."""
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.ELOOP]))
    error = _take(tmp_path)
    assert str(error) == f"{tmp_path / LOCK_FILE}: the lock file is a symbolic link, which jmplan does not follow"


def test_a_folder_in_the_way_is_named_as_not_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock.os, "open", _failing_open([errno.EISDIR]))
    error = _take(tmp_path)
    assert str(error) == f"{tmp_path / LOCK_FILE}: the lock file is not a regular file"


def test_the_lock_error_carries_its_file_message_and_hint(tmp_path: Path) -> None:
    error = LockError(tmp_path / "x", "the message", "the hint")
    assert error.args == ("the message",)  # as OSError("...") has it: pickling and repr see the message
    assert (str(error), error.message, error.hint, error.filename) == (
        "the message",
        "the message",
        "the hint",
        str(tmp_path / "x"),
    )


def _lock_fds(path: Path) -> list[int]:
    return [
        int(fd)
        for fd in os.listdir("/proc/self/fd")
        if os.path.realpath(f"/proc/self/fd/{fd}") == os.path.realpath(path)
    ]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_the_lock_file_is_made_for_all_kept_from_children_and_closed(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        with folder_lock(tmp_path, wait=0):
            [fd] = _lock_fds(tmp_path / LOCK_FILE)
            assert not os.get_inheritable(fd)  # a process record starts does not keep the lock
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            assert flags & os.O_ACCMODE == os.O_RDWR and flags & os.O_NONBLOCK
    finally:
        os.umask(previous)
    assert _lock_fds(tmp_path / LOCK_FILE) == []  # closing it released the lock
    assert (tmp_path / LOCK_FILE).stat().st_mode & 0o777 == 0o666


def test_the_holder_writes_its_process_id_over_what_was_there(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text("999999 a much longer line left by an earlier holder\n")
    with folder_lock(tmp_path, wait=0):
        assert (tmp_path / LOCK_FILE).read_text() == f"{os.getpid()}\n"


@pytest.mark.parametrize("missing", [False, True], ids=["write-fails", "no-pwrite"])
def test_a_lock_file_it_cannot_write_is_still_a_lock(tmp_path: Path, monkeypatch, missing: bool) -> None:
    (tmp_path / LOCK_FILE).write_text("123\n")
    if missing:
        monkeypatch.delattr(lock.os, "pwrite")
    else:
        monkeypatch.setattr(lock.os, "ftruncate", _fail_with(errno.EBADF))
    with folder_lock(tmp_path, wait=0):
        pass
    # without pwrite the file was emptied first: either way, no error and the lock was held
    assert (tmp_path / LOCK_FILE).read_text() == ("" if missing else "123\n")


def _fail_with(code: int):
    def fail(*args):
        raise OSError(code, os.strerror(code))

    return fail


def test_a_lock_the_system_refuses_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock.fcntl, "flock", _fail_with(errno.ENOLCK))
    error = _take(tmp_path)
    monkeypatch.undo()
    assert str(error) == f"{tmp_path / LOCK_FILE}: cannot lock: No locks available"
    assert str(error.hint) == "check the plan folder"
    assert _lock_fds(tmp_path / LOCK_FILE) == []


# Waiting for another holder, on a clock of the test's own: the lock is held by
# a second open file of this process (flock locks belong to an open file, so
# the two exclude each other as two processes would).


class Clock:
    def __init__(self, release_after: int | None = None, held_fd: int | None = None):
        self.now = 1000.0
        self.pauses: list[float] = []
        self.release_after, self.held_fd = release_after, held_fd

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds
        if self.release_after is not None and len(self.pauses) == self.release_after:
            fcntl.flock(self.held_fd, fcntl.LOCK_UN)


@pytest.fixture
def held(tmp_path: Path):
    fd = os.open(tmp_path / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    yield fd
    os.close(fd)


def test_a_lock_held_too_long_is_given_up_after_the_wait(tmp_path: Path, held: int, monkeypatch) -> None:
    clock = Clock()
    monkeypatch.setattr(lock, "time", clock)
    messages: list[str] = []
    with pytest.raises(LockError) as caught:
        with folder_lock(tmp_path, wait=1.0, on_wait=messages.append):
            pass
    # the pause doubles from 20 ms up to a quarter of a second, until the second has passed
    assert clock.pauses == [0.02, 0.04, 0.08, 0.16, 0.25, 0.25, 0.25]
    assert messages == [f"waiting for the lock on {tmp_path}, held by another process (giving up after 1 s)"]
    path = tmp_path / LOCK_FILE
    assert str(caught.value) == f"{path}: the plan folder is still locked by another process after waiting 1 s"
    assert str(caught.value.hint) == (
        "another jmplan is writing to this folder; run again when it has finished, give a longer --wait, "
        "or, if that process is stuck, stop it"
    )
    assert caught.value.filename == str(path)


def test_no_wait_gives_up_at_once(tmp_path: Path, held: int, monkeypatch) -> None:
    clock = Clock()
    monkeypatch.setattr(lock, "time", clock)
    with pytest.raises(LockError, match="after waiting 0.5 s"):
        with folder_lock(tmp_path, wait=0.5):
            pass
    with pytest.raises(LockError, match="after waiting 0 s"):
        with folder_lock(tmp_path, wait=0):
            pass
    assert clock.pauses == [0.02, 0.04, 0.08, 0.16, 0.25]  # 0.55 s for the first; none for the second


def test_a_lock_released_while_waiting_is_taken(tmp_path: Path, held: int, monkeypatch) -> None:
    clock = Clock(release_after=3, held_fd=held)
    monkeypatch.setattr(lock, "time", clock)
    messages: list[str] = []
    with folder_lock(tmp_path, wait=60, on_wait=messages.append):
        assert (tmp_path / LOCK_FILE).read_text() == f"{os.getpid()}\n"
    assert clock.pauses == [0.02, 0.04, 0.08]
    assert messages == [f"waiting for the lock on {tmp_path}, held by another process (giving up after 60 s)"]


def test_a_free_lock_is_taken_without_a_word(tmp_path: Path, monkeypatch) -> None:
    clock = Clock()
    monkeypatch.setattr(lock, "time", clock)
    messages: list[str] = []
    with folder_lock(tmp_path, on_wait=messages.append):
        pass
    assert (messages, clock.pauses) == ([], [])


# Who holds the lock


def _fake_proc(monkeypatch, files: dict[str, object]) -> None:
    """open() in lock.py sees these files in place of /proc's (an OSError instance: that file fails)."""
    import builtins
    import io

    def fake_open(name, mode="r", **kwargs):
        if name in files:
            content = files[name]
            if isinstance(content, OSError):
                raise content
            raw = io.BytesIO(content if isinstance(content, bytes) else content.encode("latin-1"))
            return raw if "b" in mode else io.TextIOWrapper(raw, **kwargs)
        return builtins.open(name, mode, **kwargs)

    monkeypatch.setattr(lock, "open", fake_open, raising=False)


def test_the_holder_is_read_from_proc_locks(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"")
    info = os.stat(path)
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    _fake_proc(
        monkeypatch,
        {
            "/proc/locks": (
                f"1: POSIX  ADVISORY  WRITE 111 {device} 0 EOF\n"
                f"2: -> FLOCK  ADVISORY  WRITE 222 {device} 0 EOF\n"
                "3: FLOCK  ADVISORY  WRITE 333 00:00:1 0 EOF\n"
                "4: FLOCK  ADVISORY  WRITE\n"
                f"5: FLOCK  ADVISORY  WRITE 4x4 {device} 0 EOF\n"
                f"6: FLOCK  ADVISORY  WRITE 444 {device}\n"
                f"7: FLOCK  ADVISORY  WRITE 555 {device} 0 EOF\n"
                "8: FLOCK  ADVISORY  WRITE 666 \xff\xfe:00:1 0 EOF\n"  # a byte that is not ASCII: read, not fatal
            )
        },
    )
    assert lock._pid_from_proc_locks(info) == 444


def test_without_proc_locks_no_holder_is_found_there(tmp_path: Path, monkeypatch) -> None:
    _fake_proc(monkeypatch, {"/proc/locks": PermissionError(errno.EACCES, "Permission denied")})
    assert lock._pid_from_proc_locks(os.stat(tmp_path)) is None


def _holder_of(tmp_path: Path, written: bytes) -> str:
    path = tmp_path / "lockfile"
    path.write_bytes(written)
    fd = os.open(path, os.O_RDONLY)
    try:
        return str(lock.lock_holder(fd))
    finally:
        os.close(fd)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_without_proc_locks_the_holder_is_what_it_wrote(tmp_path: Path, monkeypatch) -> None:
    import pwd

    monkeypatch.setattr(lock, "_pid_from_proc_locks", lambda info: None)
    parent = os.getppid()
    user = pwd.getpwuid(os.stat(f"/proc/{parent}").st_uid).pw_name
    with open(f"/proc/{parent}/cmdline", "rb") as handle:
        command = " ".join(w for w in handle.read(400).decode().split("\0") if w)[:120]
    assert _holder_of(tmp_path, f"{parent}\n".encode()) == f"process {parent}, user {user}, running `{command}`"
    assert _holder_of(tmp_path, f"{parent} and more".encode()).startswith(f"process {parent}, ")


@pytest.mark.parametrize(
    "written",
    [b"", b"\n", b"abc 12", b"-5", f"{os.getpid()}\n".encode()],
    ids=["empty", "blank", "word", "sign", "self"],
)
def test_a_holder_that_cannot_be_known_is_another_process(tmp_path: Path, monkeypatch, written: bytes) -> None:
    monkeypatch.setattr(lock, "_pid_from_proc_locks", lambda info: None)
    assert _holder_of(tmp_path, written) == "another process"


@pytest.mark.parametrize("missing", [False, True], ids=["read-fails", "no-pread"])
def test_a_lock_file_it_cannot_read_has_an_unknown_holder(tmp_path: Path, monkeypatch, missing: bool) -> None:
    monkeypatch.setattr(lock, "_pid_from_proc_locks", lambda info: None)
    if missing:
        monkeypatch.delattr(lock.os, "pread")
    else:
        monkeypatch.setattr(lock.os, "pread", _fail_with(errno.EIO))
    assert _holder_of(tmp_path, f"{os.getppid()}\n".encode()) == "another process"


def test_a_holder_without_user_or_command_is_its_process(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock, "_pid_from_proc_locks", lambda info: None)
    monkeypatch.setattr(lock, "_user_of", lambda pid: None)
    monkeypatch.setattr(lock, "_command_of", lambda pid: None)
    assert _holder_of(tmp_path, b"4242\n") == "process 4242"
    monkeypatch.setattr(lock, "_command_of", lambda pid: "jmplan record")
    assert _holder_of(tmp_path, b"4242\n") == "process 4242, running `jmplan record`"
    monkeypatch.setattr(lock, "_user_of", lambda pid: "li")
    assert _holder_of(tmp_path, b"4242\n") == "process 4242, user li, running `jmplan record`"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_the_user_of_a_process(monkeypatch) -> None:
    import pwd

    assert lock._user_of(os.getpid()) == pwd.getpwuid(os.getuid()).pw_name
    assert lock._user_of(2**22 + 1) is None  # above Linux's highest process id: no such process

    def unknown(uid):
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    assert lock._user_of(os.getpid()) == str(os.getuid())  # a user id without a name: the number


def test_the_command_of_a_process(monkeypatch) -> None:
    _fake_proc(
        monkeypatch,
        {
            "/proc/1/cmdline": b"python3\0-m\0jmplan\0record\0\0",
            "/proc/2/cmdline": b"evil\0\x1b[2Jname\0\xff",
            "/proc/3/cmdline": b"x" * 130,
            "/proc/4/cmdline": b"",
            "/proc/5/cmdline": b"\0" * 400 + b"after the first 400 bytes",
            "/proc/6/cmdline": PermissionError(errno.EACCES, "Permission denied"),
        },
    )
    assert lock._command_of(1) == "python3 -m jmplan record"
    assert lock._command_of(2) == "evil ?[2Jname \ufffd"  # no control character reaches the terminal
    assert lock._command_of(3) == "x" * 120
    assert lock._command_of(4) is None
    assert lock._command_of(5) is None
    assert lock._command_of(6) is None
