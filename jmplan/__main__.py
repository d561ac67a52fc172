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
    from .cli import main

    main()


if __name__ == "__main__":
    run()
