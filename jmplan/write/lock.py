"""An exclusive lock on a plan folder, held around read-modify-write, so that
`record` run by several processes at once loses no one's observation.

The lock is `flock` on a file `.jmplan.lock` in the folder. It is opened
without following symbolic links (a link planted there must not make jmplan
create or touch a file elsewhere) and only if it is a regular file. flock
needs only read access, so a lock file created by one member of a
group-shared folder works for the others even when they cannot write it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from ..i18n import Msg, Words, os_reason
from ..plan.problems import located

LOCK_FILE = ".jmplan.lock"
DEFAULT_WAIT = 60.0  # seconds: a record holds the lock well under a second, so a minute is something stuck


class LockError(OSError):
    """The lock cannot be taken: the lock file cannot be opened or is not a
    regular file, or another process held it for longer than the wait.
    `hint` says what to do."""

    def __init__(self, path: Path, message: str, hint: str):
        super().__init__(message)
        self.filename = str(path)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


@contextmanager
def folder_lock(folder: Path, wait: float = DEFAULT_WAIT, on_wait: Callable[[str], None] | None = None):
    """Hold the folder's lock inside the `with` block. If another process
    holds it, call `on_wait` once with who that is (as far as can be known)
    and retry until `wait` seconds have passed, then raise LockError."""
    # A separate lock file: the data file itself is replaced by rename on
    # every write, so a lock on it would be a lock on a file already gone.
    path = Path(folder) / LOCK_FILE
    fd = _open(path)
    try:
        if not _try_lock(fd, path):
            holder = lock_holder(fd)
            if on_wait is not None:
                on_wait(Msg("lock_waiting", folder=located(folder), holder=holder, wait=f"{wait:g}"))
            deadline = time.monotonic() + wait
            pause = 0.02
            while not _try_lock(fd, path):
                if time.monotonic() >= deadline:
                    raise LockError(
                        path,
                        Msg("lock_still_held", path=located(path), holder=lock_holder(fd) or holder, wait=f"{wait:g}"),
                        Msg("hint_lock_held"),
                    )
                time.sleep(pause)
                pause = min(pause * 2, 0.25)
        _note_holder(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# O_NONBLOCK: if a FIFO was planted under the lock file's name, opening it must not wait for a writer
_FLAGS = _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _open(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _FLAGS, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and path.exists():
            # made by another user of a shared folder: reading is enough for flock
            try:
                fd = os.open(path, os.O_RDONLY | _FLAGS)
            except OSError as again:
                raise _open_error(path, again) from None
        else:
            raise _open_error(path, exc) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _not_a_file(path)
    return fd


def _not_a_file(path: Path) -> LockError:
    return LockError(
        path,
        Msg("lock_not_a_file", path=located(path)),
        Msg("hint_lock_not_a_file", name=LOCK_FILE),
    )


def _open_error(path: Path, exc: OSError) -> LockError:
    if exc.errno == errno.ELOOP or (path.is_symlink()):
        return LockError(
            path,
            Msg("lock_symlink", path=located(path)),
            Msg("hint_lock_symlink", name=LOCK_FILE),
        )
    if exc.errno == errno.EISDIR:
        return _not_a_file(path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return LockError(
            path,
            Msg("lock_cannot_create", path=located(path), error=os_reason(exc)),
            Msg("hint_lock_create", name=LOCK_FILE, path=located(path)),
        )
    return LockError(path, Msg("lock_cannot_open", path=located(path), error=os_reason(exc)), Msg("hint_check_folder"))


def lock_holder(fd: int) -> str:
    """Who holds the lock on `fd`'s file, as far as the system says: the
    process, its user and its command on Linux; else what the holder wrote
    into the file; else 'another process'."""
    info = os.fstat(fd)
    pid = _pid_from_proc_locks(info)
    if pid is None:
        try:
            written = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
            pid = int(written[0]) if written and written[0].isdigit() else None
        except (OSError, AttributeError):  # AttributeError: no os.pread (Windows)
            pid = None
    if pid is None or pid == os.getpid():
        return Msg("holder_unknown")
    words = [Msg("holder_process", pid=pid)]
    user = _user_of(pid)
    if user:
        words.append(Msg("holder_user", user=user))
    command = _command_of(pid)
    if command:
        words.append(Msg("holder_command", command=command))
    return Msg("holder", words=Words(words))


def _pid_from_proc_locks(info: os.stat_result) -> int | None:
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; a waiter has "->" in place of FLOCK
        if len(fields) < 6 or fields[1] != "FLOCK":
            continue
        if fields[5] == device and fields[4].isdigit():
            return int(fields[4])
    return None


def _user_of(pid: int) -> str | None:
    try:
        uid = os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _command_of(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            words = handle.read(400).decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    command = " ".join(w for w in words if w)
    command = "".join(ch if ch.isprintable() else "?" for ch in command)  # never a control character on the terminal
    return command[:120] or None


def _note_holder(fd: int) -> None:
    """Write our pid into the lock file (when we can), for systems without
    /proc/locks; harmless when another user's read-only file keeps it."""
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except (OSError, AttributeError):  # read-only, or no os.pwrite (Windows)
        pass


# A platform test rather than try/except ImportError, so that type checkers see one branch per platform
if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int, path: Path) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int, path: Path) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:
            raise LockError(
                path, Msg("lock_cannot_lock", path=located(path), error=os_reason(exc)), Msg("hint_check_folder")
            ) from None
