"""Close spellings of a word among known ones: the one "did you mean" of
jmplan, for fields, choices, keys and indicator names alike."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import Msg, Words


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `choices` spelt like `word`, the closest first."""
    import difflib  # only when something is misspelt; not worth its import at every start

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def did_you_mean(word: str, choices: Iterable[str]) -> Msg | None:
    """ "did you mean 'a' or 'b'?" for the choices spelt like `word`, or None."""
    close = close_matches(word, choices)
    return Msg("did_you_mean", choices=Words(close, quoted=True)) if close else None
