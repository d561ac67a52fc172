"""An exclusive lock on a plan folder, held around read-modify-write, so that
`record` run by several processes at once loses no one's observation."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".jmplan.lock"


class LockError(OSError):
    """The lock cannot be taken: the folder is not writable, or the lock file
    cannot be opened."""


@contextmanager
def folder_lock(folder: Path):
    # A separate lock file: the data file itself is replaced by rename on
    # every write, so a lock on it would be a lock on a file already gone.
    path = folder / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise LockError(exc.errno, exc.strerror, str(path)) from None
    try:
        try:
            _lock(fd)
        except OSError as exc:
            raise LockError(exc.errno, exc.strerror, str(path)) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


# A platform test rather than try/except ImportError, so that type checkers see one branch per platform
if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
