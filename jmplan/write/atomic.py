"""Write a file so that it is always whole: the old content or the new one.

The text goes to a temporary file in the same folder, is flushed to disk,
and is renamed over the target, which the OS does in one step.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files for `path` start with this, so they can be found again."""
    return f".{Path(path).name}."


def write_atomic(path: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """Replace `path` with `data` in one step. `check`, if given, is called
    with the finished temporary file before it replaces the old one; if it
    raises, the old file stays as it was."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():  # keep the permissions the user gave the file
            os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        if check is not None:
            check(Path(temp))
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
