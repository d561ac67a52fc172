"""Change a YAML text in place: new text spliced in at the positions the
parser reports, every other character left exactly as it was.

Rewriting a whole file through a YAML library normalises what it does not
need to understand (`+1` becomes `1`, `True` becomes `true`, a key `False:`
becomes `false:`, line endings, indentation, a tab after a colon), and a plan
file edited by hand must not change where nobody asked it to. So a change
here is a list of splices (start, end, new text) computed against the
original text and applied in one pass.

What to change is a `Merge`: a mapping of key -> new value, `REMOVE`, or a
nested `Merge` (change some children of that mapping, keep the rest). A
plain value (number, text, dict, list) replaces the value there; a dict
replacing a mapping changes only the fields that differ. New entries go
after the last entry before them when the keys are years (so years stay in
order), else at the end of their mapping, in the style of that mapping
(block or flow), with its indentation and line endings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from ..plan.yamlfile import MAPPING, SCALAR, Span, read_spans


class _Remove:
    def __repr__(self) -> str:
        return "REMOVE"


REMOVE = _Remove()  # as a value in a Merge: delete that entry


class Merge(dict):
    """Changes to some entries of a mapping; entries not named stay untouched.
    Written in block style when the mapping has to be created."""


class SpliceError(ValueError):
    """The text cannot be changed as asked (its layout is one this module does not edit)."""


def edit(text: str, changes: Merge) -> str:
    """`text` (a YAML document whose root is a mapping, or no document) with
    `changes` applied to its root mapping. A byte-order mark stays where it was."""
    if text.startswith("\ufeff"):  # the parser does not count it in its positions
        return "\ufeff" + _Editor(text[1:]).apply(changes)
    return _Editor(text).apply(changes)


# Text that YAML reads back as the same string when written without quotes,
# in block and in flow context alike: no indicator first, no `: ` or ` #`,
# no flow punctuation, no leading or trailing space.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}:#\r\n\t]*")
_NOT_TEXT = frozenset({"", "~", "null", "Null", "NULL"})
_YEAR = re.compile(r"\d{4}")


def format_scalar(value) -> str:
    """One value as YAML text: numbers as a person writes them (850, not
    850.0), text plain where that reads back the same, else double-quoted."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SpliceError(f"{value!r} is not a finite number")
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value == value.rstrip() and value not in _NOT_TEXT and value.isprintable():
            return value
        return _double_quoted(value)
    raise SpliceError(f"cannot write a {type(value).__name__} into a plan file")


def _double_quoted(text: str) -> str:
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif not ch.isprintable() or ch in "\u2028\u2029\ufeff\x85":
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def format_flow(value) -> str:
    """A value in flow style, on one line: `{value: 850, source: ...}`."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{format_scalar(k)}: {format_flow(v)}" for k, v in _present(value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_flow(v) for v in value) + "]"
    return format_scalar(value)


def _present(mapping: Mapping):
    """A mapping's entries without the REMOVE markers; years in order."""
    items = [(k, v) for k, v in mapping.items() if v is not REMOVE]
    if items and all(isinstance(k, str) and _YEAR.fullmatch(k) for k, _ in items):
        items.sort(key=lambda item: int(item[0]))
    return items


class _Editor:
    def __init__(self, text: str):
        self.text = text
        if "\r\n" in text:
            self.newline = "\r\n"
        elif "\r" in text and "\n" not in text:
            self.newline = "\r"
        else:
            self.newline = "\n"
        self.splices: list[tuple[int, int, str]] = []
        self.root = read_spans(text)
        self.step = self._indent_step()

    # --- positions ---------------------------------------------------------

    def line_start(self, i: int) -> int:
        return max(self.text.rfind("\n", 0, i), self.text.rfind("\r", 0, i)) + 1

    def line_end(self, i: int) -> int:
        ends = [p for p in (self.text.find("\n", i), self.text.find("\r", i)) if p >= 0]
        return min(ends) if ends else len(self.text)

    def break_length(self, i: int) -> int:
        if self.text.startswith("\r\n", i):
            return 2
        return 1 if i < len(self.text) else 0

    def after_line(self, end: int) -> int:
        """Where a new line goes after an entry ending at `end`: the end of
        its last line (after a comment on it, before the line break)."""
        while end > 0 and self.text[end - 1] in "\r\n":
            end -= 1
        return self.line_end(end)

    def indent_of(self, mapping: Span) -> str:
        """The indentation of a block mapping's keys, as written."""
        first = mapping.pairs[0][0]
        start = self.line_start(first.start)
        prefix = self.text[start : first.start]
        return prefix if not prefix.strip() else " " * (first.start - start)

    def key_indent(self, key: Span) -> str:
        start = self.line_start(key.start)
        prefix = self.text[start : key.start]
        return prefix if not prefix.strip() else " " * (key.start - start)

    def _indent_step(self) -> int:
        """How far this file indents a nested block mapping (2 if it has none)."""
        stack = list(self.root.pairs) if self.root is not None else []
        while stack:
            key, value = stack.pop()
            if value.kind == MAPPING and not value.flow and value.pairs:
                first = value.pairs[0][0]
                step = (first.start - self.line_start(first.start)) - (key.start - self.line_start(key.start))
                if step > 0:
                    return step
            stack.extend(reversed(value.pairs))
        return 2

    # --- the changes ---------------------------------------------------------

    def apply(self, changes: Merge) -> str:
        root = self.root
        if root is None:  # no document: the file is empty or holds only comments
            new = self.newline.join(self.block_pair(k, v, "") for k, v in _present(changes))
            if new:
                gap = "" if not self.text or self.text.endswith(("\n", "\r")) else self.newline
                self.splices.append((len(self.text), len(self.text), gap + new + self.newline))
        elif root.kind != MAPPING:
            raise SpliceError("the file's top level is not a mapping")
        else:
            self.merge(root, changes)
        return self._spliced()

    def merge(self, mapping: Span, changes: Mapping) -> None:
        existing = {k.value: (k, v) for k, v in mapping.pairs if k.kind == SCALAR}
        removed: set[str] = set()
        inserts = []
        for key, new in changes.items():
            pair = existing.get(key)
            if new is REMOVE:
                if pair is not None:
                    removed.add(key)
            elif pair is None:
                inserts.append((key, new))
            else:
                self.set_value(mapping, pair, new)
        self.remove(mapping, removed)
        self.insert(mapping, inserts, removed)

    def set_value(self, mapping: Span, pair: tuple[Span, Span], new) -> None:
        key, old = pair
        if isinstance(new, Merge):
            if old.kind == MAPPING and old.pairs:
                self.merge(old, new)
            elif old.is_null or old.kind == MAPPING:  # `key:`, `key: ~` or `key: {}`
                self.fill(mapping, key, old, new)
            else:
                self.replace(key, old, format_flow(new))
            return
        if isinstance(new, Mapping) and old.kind == MAPPING and old.pairs:
            # the fields that differ, and nothing else
            wanted = {k: REMOVE for k, _ in ((k.value, v) for k, v in old.pairs) if k not in new}
            wanted.update(new)
            self.merge(old, wanted)
            return
        if old.kind == SCALAR and not isinstance(new, (Mapping, list, tuple)) and _same(old, new):
            return
        self.replace(key, old, format_flow(new))

    def replace(self, key: Span, old: Span, new_text: str) -> None:
        if old.kind != SCALAR and not old.flow:  # a block collection: from the key's end, its colon included
            self.splices.append((key.end, old.end, ": " + new_text))
        elif old.start == old.end:  # `key:` with nothing after the colon
            self.splices.append((old.start, old.start, " " + new_text))
        else:
            self.splices.append((old.start, old.end, new_text))

    def fill(self, mapping: Span, key: Span, old: Span, changes: Merge) -> None:
        """Give `key: ~` (or `key:`, `key: {}`) the entries of `changes`."""
        if mapping.flow:
            self.replace(key, old, format_flow(changes))
            return
        indent = self.key_indent(key) + " " * self.step
        lines = [self.block_pair(k, v, indent) for k, v in _present(changes)]
        if not lines:
            return
        if old.start != old.end:  # drop `~` or `{}` and the space before it
            start = old.start
            while start > key.end and self.text[start - 1] in " \t":
                start -= 1
            self.splices.append((start, old.end, ""))
        at = self.after_line(max(old.end, key.end))
        self.splices.append((at, at, "".join(self.newline + line for line in lines)))

    def block_pair(self, key: str, value, indent: str) -> str:
        """A new `key: value` in block style (several lines for a Merge)."""
        head = f"{indent}{format_scalar(key)}:"
        if isinstance(value, Merge):
            inner = indent + " " * self.step
            return self.newline.join([head] + [self.block_pair(k, v, inner) for k, v in _present(value)])
        return f"{head} {format_flow(value)}"

    def remove(self, mapping: Span, removed: set[str]) -> None:
        if not removed:
            return
        pairs = mapping.pairs
        gone = [i for i, (k, _v) in enumerate(pairs) if k.value in removed]
        survivors = [i for i in range(len(pairs)) if i not in gone]
        if mapping.flow:
            if not survivors:
                self.splices.append((pairs[0][0].start, pairs[-1][1].end, ""))
                return
            last = survivors[-1]
            for i in gone:
                if i < last:  # up to the next key: `2016: 1, ` goes
                    self.splices.append((pairs[i][0].start, pairs[i + 1][0].start, ""))
            if gone[-1] > last:  # the tail after the last survivor: `, 2019: 5, 2020: 6` goes
                self.splices.append((pairs[last][1].end, pairs[-1][1].end, ""))
            return
        for i in gone:
            key, value = pairs[i]
            start = self.line_start(key.start)
            end = self.after_line(value.end)
            if self.text[start : key.start].strip():  # not alone on its line (after `- `): only the entry
                self.splices.append((key.start, end, ""))
            else:
                self.splices.append((start, end + self.break_length(end), ""))

    def insert(self, mapping: Span, inserts: list, removed: set[str]) -> None:
        if not inserts:
            return
        survivors = [(k, v) for k, v in mapping.pairs if k.value not in removed]
        groups: dict[int, list] = {}  # index of the survivor it follows (-1: before the first) -> entries
        for key, value in inserts:
            anchor = len(survivors) - 1
            if _YEAR.fullmatch(key):
                earlier = [i for i, (k, _v) in enumerate(survivors) if _YEAR.fullmatch(k.value) and k.value < key]
                years = [i for i, (k, _v) in enumerate(survivors) if _YEAR.fullmatch(k.value)]
                anchor = earlier[-1] if earlier else (years[0] - 1 if years else anchor)
            groups.setdefault(anchor, []).append((key, value))
        for anchor, entries in groups.items():
            if _YEAR.fullmatch(entries[0][0]):
                entries.sort(key=lambda entry: entry[0])
            if mapping.flow:
                texts = [f"{format_scalar(k)}: {format_flow(v)}" for k, v in entries]
                if not mapping.pairs:  # `{}`
                    self.splices.append((mapping.start + 1, mapping.start + 1, ", ".join(texts)))
                elif not survivors:  # every entry removed: their place
                    self.splices.append((mapping.pairs[0][0].start, mapping.pairs[0][0].start, ", ".join(texts)))
                elif anchor < 0:
                    at = survivors[0][0].start
                    self.splices.append((at, at, "".join(t + ", " for t in texts)))
                else:
                    at = survivors[anchor][1].end
                    self.splices.append((at, at, "".join(", " + t for t in texts)))
                continue
            indent = self.indent_of(mapping)
            lines = [self.block_pair(k, v, indent) for k, v in entries]
            if anchor < 0:
                first = survivors[0][0] if survivors else mapping.pairs[0][0]
                at = self.line_start(first.start)
                self.splices.append((at, at, "".join(line + self.newline for line in lines)))
            else:
                at = self.after_line(survivors[anchor][1].end)
                self.splices.append((at, at, "".join(self.newline + line for line in lines)))

    def _spliced(self) -> str:
        pieces = []
        done = 0
        for start, end, new in sorted(self.splices, key=lambda s: (s[0], s[1])):
            if start < done:
                raise SpliceError("two changes overlap in the file")
            pieces.append(self.text[done:start])
            pieces.append(new)
            done = end
        pieces.append(self.text[done:])
        return "".join(pieces)


def _same(old: Span, new) -> bool:
    """Whether the scalar `old` already reads as `new` (then it is left as written)."""
    if new is None:
        return old.is_null
    if isinstance(new, bool):
        return not old.quoted and old.value.lower() == ("true" if new else "false")
    if isinstance(new, (int, float)):
        if old.quoted:
            return False
        try:
            return float(old.value) == float(new)
        except ValueError:
            return False
    return isinstance(new, str) and old.value == new and not old.is_null
