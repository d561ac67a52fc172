"""Write a file so that it is always whole: the old content or the new one.

The text goes to a temporary file in the same folder, is flushed to disk,
and is renamed over the target, which the OS does in one step. A rename
replaces whatever has the name, so what is not a regular file is never
renamed over: a symbolic link is followed to the file it names (as shell
redirection does), and a device or FIFO (`-o /dev/stdout`, a named pipe) is
written through, as a stream.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files for `path` start with this, so they can be found again."""
    return f".{Path(path).name}."


def final_target(path: Path) -> Path:
    """The file that writing to `path` changes: `path`, or where its
    symbolic links lead."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, data: bytes | Iterable[bytes], check: Callable[[Path], None] | None = None) -> None:
    """Replace `path` with `data` (bytes, or bytes in pieces) in one step. `check`, if given, is called
    with the finished temporary file before it replaces the old one; if it
    raises, the old file stays as it was. A link is followed; a device or
    FIFO is written through (then without `check`, which needs a file)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # through any links: what writing would reach
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        raise NotADirectoryError(errno.ENOTDIR, "a part of the path is a file, not a folder", str(path)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        if check is not None:
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        # a device or a FIFO (also /dev/stdout, whose link leads to no file name): no rename, no temporary file
        with open(path, "wb") as stream:
            _write_all(stream, data)
        return
    path = final_target(path)  # a regular file (or none yet) behind links: replaced where it is
    folder = path.parent  # Path("name").parent is Path("."), never empty
    fd, temp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:  # keep the permissions the user gave the file
            os.chmod(temp, mode & 0o7777)
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


def _write_all(stream, data: bytes | Iterable[bytes]) -> None:
    if isinstance(data, bytes):
        stream.write(data)
    else:
        for piece in data:
            stream.write(piece)
