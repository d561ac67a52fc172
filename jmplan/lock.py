"""An exclusive lock on a plan folder, held around read-modify-write, so that
`record` run by several processes at once loses no one's observation."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".jmplan.lock"


@contextmanager
def folder_lock(folder: Path):
    # A separate lock file: the data file itself is replaced by rename on
    # every write, so a lock on it would be a lock on a file already gone.
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


try:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
except ImportError:  # Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
