"""Problems found in a plan's data files, and where they are.

Loading never raises on bad data: every check adds a Problem, and the caller
decides what to do with the whole list (the CLI prints them all and exits 1),
so a user fixes every mistake in one round instead of one per run.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import Msg, say, shown_path
from .tuples import NamedTuple


class Source(NamedTuple):
    """Where a value was written: a file and a 1-based line. The file is kept
    as data, an absolute Path (`located`), and made relative to the working
    folder only when printed, so a Source means the same file wherever the
    program is when it shows it. A Source with no file holds ""."""

    file: str | Path
    line: int | None = None

    def __str__(self) -> str:
        name = shown_path(self.file) if isinstance(self.file, Path) else self.file
        return f"{name}:{self.line}" if self.line else name


class Problem(NamedTuple):
    """One thing wrong in the data, printed as `FILE:LINE: message`.

    `message` and `hint` are Msgs of jmplan.i18n (plain strings also work,
    shown as they are): str() gives the English text, render() either
    language. The location stays `FILE:LINE:` in both, as editors read it."""

    where: Source
    message: str
    hint: str | None = None

    def render(self, lang: str = "en") -> str:
        text = f"{self.where}: {say(self.message, lang)}"
        if self.hint:
            text += "\n  " + Msg("hint", hint=self.hint).render(lang)
        return text

    def __str__(self) -> str:
        return self.render("en")


class PlanError(Exception):
    """Raised by the library's public entry points when a plan cannot be used.

    Carries every problem found, not only the first.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def located(path: str | Path) -> Path:
    """A file as a problem or a message keeps it: absolute, so that it is
    the same file whatever the working folder when it is printed."""
    return Path(path).absolute()


def display_path(path: Path) -> str:
    """A path as the user should see it, now (i18n.shown_path)."""
    return shown_path(path)
