"""`python -m jmplan` and the installed `jmplan` command.

`jmplan --version` is answered here, before the command line module is
imported: that module imports click, which alone costs more than printing
one line should (issue 14: at most 0.3x the time of importing the
dependencies). Every other command line, `--version` among other options
included, goes to click, which prints the same line.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        try:
            sys.stdout.write(f"jmplan, version {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `jmplan --version | true`: the reader went away, as cli.main treats it
            sys.exit(1)
        return
    import gc

    # Start-up (importing click, the command line and what the command
    # needs) makes tens of thousands of objects and no garbage: the cyclic
    # collector, which runs every few hundred new objects, would scan them
    # again and again to free nothing. It is off until the command has
    # loaded its plan (cli._freeze turns it on: a report's charts need it).
    gc.disable()
    from .cli import main

    try:
        main()
    finally:
        # The process ends here. Frozen, the objects it made are left to the
        # end of the process, rather than searched for cycles once more by
        # the interpreter's collections on the way out (7 % of the
        # instructions of `jmplan status --format json`). Nothing is lost:
        # files are written and closed by then, standard output is flushed
        # after this, and atexit functions still run.
        gc.freeze()


if __name__ == "__main__":
    run()
