"""Several plan folders read at once: on two processes when there are many.

Reading is most of what `jmplan compare` does over a province's city plans
(300 of them: two thirds of its time), and each plan is read on its own. So
with many plans a forked copy of the process reads the last part of them
while this one reads the first, and sends its plans back pickled. Sending
costs the copy about 40 % on top of reading (pickling: about 3 ms a plan of
50 indicators x 10 years) and this process about 13 % (unpickling), so the
copy takes a smaller part, CHILD_SHARE, and both finish together.

The result is the same as reading the folders one by one, in order: the
same plans and the same problems, in the same order. Should the copy fail
in any way, this process reads its part itself.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .loader import read_plan
from .model import Plan
from .problems import Problem

# From this many plans on, two processes read them: the fork costs a few
# milliseconds, and each plan the copy reads about 4 ms more (pickled and
# unpickled) against about 8 ms to read (50 indicators x 10 years). Measured
# on 2 shared cores, medians of interleaved runs of `jmplan compare --format
# json`: 21 plans 0.55 -> 0.50 s, 60 plans 0.92 -> 0.86 s, 300 plans 4.20 ->
# 3.36 s (table 4.51 -> 3.97 s), for 20-35 % more CPU time in all (the two
# processes also slow each other down). When the other core is busy it does
# not pay: 300 plans 3.43 -> 4.53 s in one such spell.
PARALLEL_FROM = 16
# The share of the plans the forked copy reads: reading r plus pickling
# 0.4 r in the copy against reading r plus unpickling 0.13 r here balance
# at about 0.4.
CHILD_SHARE = 0.4

Result = tuple[Plan | None, list[Problem]]


def read_plans(folders: Iterable[str | Path], parallel_from: int | None = None) -> list[Result]:
    """read_plan of every folder, in order: (plan or None, problems) each.
    Two processes read them from `parallel_from` folders on (default: PARALLEL_FROM)."""
    folders = list(folders)
    if len(folders) < max(parallel_from or PARALLEL_FROM, 2) or not _can_fork():
        return [read_plan(folder) for folder in folders]
    split = len(folders) - max(1, round(len(folders) * CHILD_SHARE))
    here, there = folders[:split], folders[split:]
    mine, theirs = _read_forked(there, lambda: [read_plan(folder) for folder in here])
    return mine + (theirs if theirs is not None else [read_plan(folder) for folder in there])


def _read_forked(
    folders: list[str | Path], meanwhile: Callable[[], list[Result]]
) -> tuple[list[Result], list[Result] | None]:
    """(what `meanwhile()` returns, the results of a forked copy reading
    `folders` meanwhile, or None when the copy failed)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: read, send, and leave without running any of the parent's exit handlers
        code = 1
        try:
            os.close(read_end)
            data = pickle.dumps([read_plan(folder) for folder in folders], pickle.HIGHEST_PROTOCOL)
            with open(write_end, "wb") as stream:
                stream.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        # closed on the way out whatever happens here, so that a copy still writing stops (broken pipe)
        with open(read_end, "rb") as stream:
            mine = meanwhile()
            data = stream.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0:
        return mine, None
    return mine, pickle.loads(data)


def _can_fork() -> bool:
    """Two cores or more, and fork that copies a process safely: on Linux
    (macOS's system libraries may not survive a fork without exec), and with
    no other thread running (a fork copies only the calling thread)."""
    if sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1
