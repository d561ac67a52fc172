"""Read a YAML file into a tree of nodes that remember their line.

Only this module imports yaml. It builds its own nodes straight from the
parser's events and never constructs Python objects from the document, so:
- every value keeps its file and line for error messages;
- a `!!python/object` tag is refused, never run;
- YAML 1.1's surprises (`no` as False, `012` as 10, `1:20` as 80) cannot
  happen, because the loader reads each scalar's raw text itself;
- duplicate keys, which PyYAML silently accepts, are reported;
- aliases are refused, which also stops "billion laughs" alias bombs.
Building from events rather than from yaml.compose() also skips PyYAML's
own node tree (two position marks per value) and its per-scalar type
guessing: on a 10,000-indicator plan that was half the load time and a
quarter of the memory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Container
from pathlib import Path
from types import MappingProxyType
from typing import Protocol, cast

import yaml

from ..i18n import Msg, os_reason
from ..i18n.yaml_zh import yaml_phrase
from .problems import Problem, Source
from .tuples import NamedTuple

try:  # the C parser (libyaml) is several times faster; not every build of PyYAML has it
    from yaml._yaml import CParser

    _Parser: type = CParser  # the C parser and the Python loader offer the same parsing methods
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

# Plan files are small hand-written text; a huge one is a mistake (or an
# attack), and refusing it early keeps memory bounded.
MAX_FILE_BYTES = 32 * 1024 * 1024
# ... and so is a line longer than a few pages of text (a pasted blob, an export on one line)
MAX_LINE_CHARS = 10_000
# tried at line starts only: one pass over the text, no copy of each line
_LONG_LINE = re.compile(f"(?m)^[^\n]{{{MAX_LINE_CHARS + 1}}}")

# Explicit standard tags (`!!str 2020`) are harmless: jmplan reads the raw
# text either way. `!` alone means "no tag", as if none were written.
_ALLOWED_TAGS = frozenset(
    {
        "!",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq",
    }
)
_QUOTED_STYLES = frozenset({"'", '"', "|", ">"})  # plain is "" (C parser) or None (Python parser)

SCALAR, MAPPING, SEQUENCE = "scalar", "mapping", "sequence"
# What stands in for an alias or a value with a refused tag: its problem is
# already reported, so readers skip it rather than add "expected a number".
REFUSED = "refused"
# a scalar's or list's by_key: empty, and read-only since shared (typed as the dict it stands in for)
_EMPTY = cast("dict[str, tuple[Node, Node]]", MappingProxyType({}))


class Node(NamedTuple):
    """A YAML node: a scalar (`text`), a mapping (`by_key`) or a list (`children`).

    A tuple, made by tuple.__new__ in one call, not an object with an
    __init__: the builder makes one per value of the file (430,000 for a
    10,000-indicator plan), and the call of a Python __init__ was a tenth
    of the load time. Nodes are never compared: they are read."""

    kind: str  # SCALAR, MAPPING, SEQUENCE or REFUSED
    file: str | Path
    line: int
    text: str = ""
    quoted: bool = False
    # Containers only where they are used: a plan has far more scalars than collections.
    by_key: dict[str, tuple[Node, Node]] = _EMPTY  # key text -> (key, value)
    children: list[Node] | tuple = ()  # a list's items

    @property
    def items(self):
        """A mapping's (key node, value node) pairs, in file order."""
        return self.by_key.values()

    @property
    def where(self) -> Source:
        # made on demand: most nodes are never asked where they are
        return _new(Source, (self.file, self.line))

    def __repr__(self) -> str:
        return f"Node({self.kind}, {self.where}, {self.text!r})"

    @property
    def is_null(self) -> bool:
        return self.kind == SCALAR and not self.quoted and self.text in NULLS

    def describe(self) -> Msg | str:
        """What the node is, in words, for 'expected X, found Y' messages."""
        if self.kind == MAPPING:
            return Msg("found_mapping")
        if self.kind == SEQUENCE:
            return Msg("found_list")
        if self.is_null:
            return Msg("found_nothing")
        if self.kind == REFUSED:
            return Msg("found_refused")
        return repr(self.text)


_new = tuple.__new__  # a Node or Source from a tuple of its fields, without a Python-level __new__
# the plain scalars that mean "nothing" (YAML 1.1's null), read as an absent value
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


# `unit: %` or `- %...`: the YAML error it gives says nothing of quoting
_UNQUOTED_PERCENT = re.compile(r"^(\s*(?:[^\s#:'\"][^#:]*:\s+|-\s+))(%[^\s#]*)\s*(?:#.*)?$")


def read_yaml(path: Path, shown: str | Path, hook: Hook | None = None) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML file. Returns (root node or None, problems).

    `shown` is the file name to use in messages. `hook`, if given, reads the
    mappings it wants itself (see Hook); what it returns stands in the tree
    in their place.
    """
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    parser = None
    try:
        parser = _Parser(text)  # the pure-Python parser checks the characters here already
        root = _build(parser, shown, problems, hook)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what: str = yaml_phrase(exc.problem or exc.context or "not valid YAML")
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            # e.g. an unclosed [ : say where the construct began, not only where parsing failed
            what = Msg("yaml_where_began", what=what, context=yaml_phrase(exc.context), line=exc.context_mark.line + 1)
        bad_line = _line(text, line)
        hint = Msg("hint_yaml_tabs") if "\t" in bad_line else None
        percent = _UNQUOTED_PERCENT.match(bad_line)
        if percent:  # `unit: %`: in YAML a % starts a directive, so it must be quoted
            what = Msg("yaml_unquoted_percent", text=percent.group(2))
            hint = Msg("hint_quote_it", key=percent.group(1).strip(), text=percent.group(2))
        return None, [Problem(Source(shown, line), Msg("yaml_syntax", what=what), hint)]
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (libyaml counts its position in bytes)
        character = chr(exc.character)
        line = text[: text.find(character)].count("\n") + 1 if character in text else None
        return None, [
            Problem(
                Source(shown, line),
                Msg("control_character", code=f"U+{exc.character:04X}"),
                Msg("hint_control_character"),
            )
        ]
    except yaml.YAMLError as exc:  # anything else without a mark
        return None, [Problem(Source(shown), Msg("cannot_read_yaml", error=str(exc)))]
    finally:
        if parser is not None:
            parser.dispose()
    if root is None:
        return None, [
            Problem(
                Source(shown, 1),
                Msg("file_empty"),
                Msg("hint_see_layout"),
            )
        ]
    return root, problems


def _line(text: str, line: int | None) -> str:
    if not line:
        return ""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_FILE_BYTES + 1 of them.
    Raises FileTooLarge, NotARegularFile, or the OSError of opening it. A
    FIFO is not waited on, and a device such as /dev/zero is not read."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(str(path))
        if info.st_size > MAX_FILE_BYTES:
            raise FileTooLarge(info.st_size)
        raw = handle.read(MAX_FILE_BYTES + 1)  # the size on record may be wrong (a file still growing)
    if len(raw) > MAX_FILE_BYTES:
        raise FileTooLarge(len(raw))
    return raw


class NotARegularFile(OSError):
    pass


class FileTooLarge(OSError):
    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def _read_text(path: Path, shown: str | Path) -> tuple[str | None, list[Problem]]:
    where = Source(shown)
    try:
        raw = read_limited(path)
    except FileTooLarge as exc:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, [
            Problem(
                where,
                Msg("file_too_large", size=exc.size // (1024 * 1024), limit=limit)
                if exc.size != MAX_FILE_BYTES + 1
                else Msg("file_over_limit", limit=limit),  # read up to the limit, never further
                Msg("hint_right_file"),
            )
        ]
    except NotARegularFile:
        return None, [
            Problem(
                where,
                Msg("not_regular_data_file"),
                Msg("hint_not_regular_data_file"),
            )
        ]
    except FileNotFoundError:
        return None, [Problem(where, Msg("file_not_found"))]
    except IsADirectoryError:
        return None, [Problem(where, Msg("is_a_folder"))]
    except PermissionError:
        return None, [Problem(where, Msg("permission_denied"))]
    except OSError as exc:
        return None, [Problem(where, Msg("cannot_read_file", error=os_reason(exc)))]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # the byte-order mark of UTF-16, full of NUL bytes
        return None, [
            Problem(
                Source(shown, 1),
                Msg("file_utf16"),
                Msg("hint_save_utf8"),
            )
        ]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem(
                Source(shown, line),
                Msg("file_nul_byte"),
                Msg("hint_nul_byte"),
            )
        ]
    try:
        # utf-8-sig accepts the byte-order mark that Windows editors add
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = Msg("hint_save_utf8")
        try:
            raw.decode("gb18030")
            message = Msg("file_gbk")
        except UnicodeDecodeError:
            message = Msg("file_not_utf8")
        return None, [Problem(Source(shown, line), message, hint)]
    too_long = _LONG_LINE.search(text) if _may_have_long_line(text) else None
    if too_long:
        start = too_long.start()
        end = text.find("\n", start)
        length = (len(text) if end < 0 else end) - start
        return None, [
            Problem(
                Source(shown, text.count("\n", 0, start) + 1),
                Msg("line_too_long", length=length, limit=MAX_LINE_CHARS),
                Msg("hint_right_file_sentences"),
            )
        ]
    hidden = FORBIDDEN_CHARACTERS.search(text) if _may_hold_forbidden(raw) else None
    if hidden:
        line = text.count("\n", 0, hidden.start()) + 1
        return None, [character_problem(hidden.group(), Source(shown, line), escaped=False)]
    return text, []


def _may_have_long_line(text: str) -> bool:
    """False when no line of `text` can be over MAX_LINE_CHARS: a line that
    long holds a whole half-limit block starting at a multiple of the half
    limit, so a newline in every such block rules it out. A few hundred
    searches in C instead of a regular expression tried at every line start."""
    half = MAX_LINE_CHARS // 2
    find = text.find
    return any(find("\n", start, start + half) < 0 for start in range(0, len(text) - half + 1, half))


def _may_hold_forbidden(raw: bytes) -> bool:
    """False when the UTF-8 bytes `raw` cannot hold a FORBIDDEN_CHARACTER: no
    control byte, no C1 control (UTF-8 C2 80-9F, so no C2 at all) and no bidi
    control. Byte searches in C: the expression below looks at every character."""
    return bool(raw.translate(None, _NOT_CONTROL_BYTES)) or b"\xc2" in raw or any(b in raw for b in _BIDI_UTF8)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)  # deleted: what is left is controls
_BIDI_UTF8 = tuple(chr(c).encode() for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


# Characters refused anywhere in a plan's text, written or escaped ("\e"):
# C0 controls other than tab and line ends, DEL, C1 controls (ESC [ and
# CSI drive a terminal: colours, titles, hidden text), and the bidi
# overrides and isolates, which make text show in another order than it
# is written. U+200B and a BOM, common in pasted Chinese text, are fine.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def character_problem(character: str, where: Source, escaped: bool) -> Problem:
    """Why a control or bidi character is refused, and what to do."""
    code = f"U+{ord(character):04X}"
    if "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069":
        return Problem(where, Msg("bidi_character", code=code), Msg("hint_bidi_character"))
    if escaped:
        return Problem(where, Msg("escaped_control_character", code=code), Msg("hint_escaped_control_character"))
    return Problem(where, Msg("control_character", code=code), Msg("hint_control_character"))


def _build(parser, shown: str | Path, problems: list[Problem], hook: Hook | None = None) -> Node | None:
    """The node tree of the one document in the stream (None for no document),
    from the parser's events; `hook` (read_yaml) takes over some mappings."""
    get_event = parser.get_event
    get_event()  # StreamStartEvent
    if isinstance(get_event(), yaml.StreamEndEvent):  # else a DocumentStartEvent
        return None
    alias_lines: set[int] = set()
    root = _node_from(
        get_event(), get_event, shown, problems, alias_lines, hook
    )  # (an empty document is a null scalar)
    get_event()  # its DocumentEndEvent
    following = get_event()
    if not isinstance(following, yaml.StreamEndEvent):
        problems.append(
            Problem(Source(shown, following.start_mark.line + 1), Msg("second_document"), Msg("hint_second_document"))
        )
    return root


def _node_from(first, get_event, shown: str | Path, problems: list[Problem], alias_lines: set[int], hook) -> Node:
    """The node that begins with event `first`, its contents read from
    get_event up to its end. Iterative, so deep nesting cannot overflow.

    This loop runs once per value of the file (430,000 times for a
    10,000-indicator plan), so the common path is written out inline and
    the innermost open collection is kept in local variables; only the rare
    paths (an escaped character, an alias, a tag) are functions of their
    own. Every check is made on every value: there is no faster, looser
    path. A mapping at the place `hook` names is handed to it whole."""
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    allowed_tags, quoted_styles, forbidden = _ALLOWED_TAGS, _QUOTED_STYLES, FORBIDDEN_CHARACTERS.search
    new, empty = _new, _EMPTY
    root = None
    parent = None  # the innermost open mapping or list
    entries = None  # its by_key when it is a mapping
    key = None  # in a mapping, the key waiting for its value
    enclosing: list[tuple] = []  # (parent, entries, key) of the collections around it
    # the key of each open collection, outermost first (None for the root, a list's item or a refused key)
    path: list[str | None] = []
    event = first
    while True:
        kind = type(event)
        if kind is scalar_event:
            text, style, tag = event.value, event.style, event.tag
            line = event.start_mark.line + 1
            if (style == '"' and forbidden(text)) or (tag is not None and tag not in allowed_tags):
                # `"` is the one style with escapes, which can write any character
                node = _refused_scalar(text, style, tag, shown, line, problems)
            else:
                node = new(Node, (SCALAR, shown, line, text, style in quoted_styles, empty, ()))
        elif kind is mapping_end or kind is sequence_end:
            if len(enclosing) == 1:
                return root  # type: ignore[return-value]  # the first event opened it
            parent, entries, key = enclosing.pop()
            path.pop()
            event = get_event()
            continue
        elif kind is mapping_start or kind is sequence_start:
            at = _key_name(key, entries) if entries is not None else None  # the key it is the value of
            opened = True
            if hook is not None and at is not None and kind is mapping_start and hook.wants(path, at):
                node = hook.read(key, Entries(event, get_event, shown, problems, alias_lines))  # up to its end
                opened = False
            else:
                node = _open(event, kind is mapping_start, shown, problems)
        elif kind is alias_event:
            node = _alias_stand_in(event, shown, alias_lines, problems)
        else:  # cannot happen inside a node; stop rather than loop
            raise yaml.YAMLError(f"unexpected {kind.__name__}")
        # the node's place: a key, a key's value, a list's item or the root
        if entries is not None:
            if key is None:
                key = node  # its value comes next
            else:
                key_text = key.text
                if key_text not in entries and key.kind == SCALAR and (key_text != "<<" or key.quoted):
                    entries[key_text] = (key, node)
                elif key.kind != REFUSED:
                    problems.append(_key_problem(key, entries[key_text][0].line if key_text in entries else None))
                key = None
        elif parent is not None:
            parent.children.append(node)
        else:
            root = node
        if (kind is mapping_start or kind is sequence_start) and opened:  # read its contents next
            path.append(at)
            enclosing.append((parent, entries, key))
            parent, entries, key = node, node.by_key if kind is mapping_start else None, None
        elif not enclosing:
            return node  # a scalar or an alias standing alone
        event = get_event()


def _open(event, is_mapping: bool, shown: str | Path, problems: list[Problem]) -> Node:
    """An empty mapping or list; a refused tag on it is reported, and it is still read, to keep the events paired."""
    line = event.start_mark.line + 1
    node = (
        _new(Node, (MAPPING, shown, line, "", False, {}, ()))
        if is_mapping
        else Node(SEQUENCE, shown, line, children=[])
    )
    if event.tag is not None and event.tag not in _ALLOWED_TAGS:
        _refuse_tag(event.tag, node.where, problems)
    return node


def _refused_scalar(text: str, style: str | None, tag: str | None, shown: str | Path, line: int, problems) -> Node:
    """A refused node in place of a scalar that writes a hidden character as an
    escape, or has a tag jmplan does not read: each problem reported, in that order."""
    node = Node(REFUSED, shown, line, text, style in _QUOTED_STYLES)
    hidden = FORBIDDEN_CHARACTERS.search(text) if style == '"' else None
    if hidden:
        problems.append(character_problem(hidden.group(), node.where, escaped=True))
    if tag is not None and tag not in _ALLOWED_TAGS:
        _refuse_tag(tag, node.where, problems)
    return node


def _alias_stand_in(event, shown: str | Path, alias_lines: set[int], problems: list[Problem]) -> Node:
    """A refused node in place of an alias, so that keys and values stay paired;
    one message per line, however many aliases a bomb packs in."""
    node = Node(REFUSED, shown, event.start_mark.line + 1)
    if node.line not in alias_lines:
        alias_lines.add(node.line)
        problems.append(Problem(node.where, Msg("aliases"), Msg("hint_write_value_out")))
    return node


def _refuse_tag(tag: str, where: Source, problems: list[Problem]) -> None:
    written = tag.replace("tag:yaml.org,2002:", "!!", 1)  # as it was written
    problems.append(Problem(where, Msg("tag_refused", tag=written), Msg("hint_remove_tag")))


def _key_name(key: Node | None, taken: Container[str]) -> str | None:
    """The text of `key` if it can be a key of a mapping whose keys read so far are `taken`, else None."""
    if key is None or key.kind != SCALAR or key.text in taken or (key.text == "<<" and not key.quoted):
        return None
    return key.text


def _key_problem(key: Node, first_line: int | None) -> Problem:
    """Why `key` cannot be a key of its mapping; `first_line` is where the
    same key was first written, when it is a duplicate."""
    if key.kind != SCALAR:
        return Problem(key.where, Msg("key_not_text"))
    if first_line is not None:
        return Problem(
            key.where,
            Msg("duplicate_key", key=key.text, line=first_line),
            Msg("hint_duplicate_key"),
        )
    return Problem(key.where, Msg("merge_key"), Msg("hint_write_out"))


class Hook(Protocol):
    """Takes over the reading of some mappings of a file (read_yaml's `hook`),
    so that a large plan is read into its figures and indicators as it is
    parsed: the 100,000s of `YEAR: figure` entries of actuals.yaml with no
    node per value, plan.yaml's indicators one at a time, never the whole
    node tree at once (loader._ObservationRows, loader._IndicatorHook). The
    mapping's entries are given as the parser reads them, with the same
    checks and messages as every other mapping: a hook is a faster path to
    the same result, never a looser one."""

    def wants(self, path: list[str | None], key: str) -> bool:
        """Whether the mapping that is the value of `key`, inside the open
        collections whose keys are `path` (outermost first, the root's None), is the hook's."""
        ...

    def read(self, key: Node, entries: Entries) -> object:
        """What stands in the tree for the mapping, the value of `key`: its entries read to the end."""
        ...


class Entries:
    """The entries of a mapping whose start was just read, in file order, up
    to its end. Iterating gives, for each entry, either
    - (key text, value text, key line, value line) when both are plain
      scalars (unquoted, untagged), as most entries are; or
    - (key node, value node, 0, 0) for any other entry.
    A duplicate key or a merge key is reported, and its entry skipped, as in
    any mapping. Iterate to the end: the parser's events must stay paired."""

    __slots__ = ("_start", "_get_event", "_shown", "_problems", "_alias_lines")

    def __init__(self, start, get_event, shown: str | Path, problems: list[Problem], alias_lines: set[int]):
        self._start = start  # the mapping's start event
        self._get_event = get_event
        self._shown = shown
        self._problems = problems
        self._alias_lines = alias_lines

    def node(self) -> Node:
        """The mapping read into a node, as any other mapping is (for a hook
        that reads it with Fields). Either this or iterating, once."""
        return _node_from(self._start, self._get_event, self._shown, self._problems, self._alias_lines, None)

    def __iter__(self):
        get_event, shown, problems = self._get_event, self._shown, self._problems
        scalar_event, mapping_end = yaml.ScalarEvent, yaml.MappingEndEvent
        collection_starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        tag = self._start.tag
        if tag is not None and tag not in _ALLOWED_TAGS:  # as _open does for every other collection
            _refuse_tag(tag, Source(shown, self._start.start_mark.line + 1), problems)
        seen = {}  # key text -> its line, for the duplicate-key message (str -> int)
        while True:
            event = get_event()
            kind = type(event)
            if kind is mapping_end:
                return
            if kind is scalar_event and event.tag is None and not event.style:  # a plain key: "" (C) or None
                text = event.value
                key_line = event.start_mark.line + 1
                value = get_event()
                if (
                    type(value) is scalar_event
                    and value.tag is None
                    and not value.style
                    and text not in seen
                    and text != "<<"
                ):
                    seen[text] = key_line
                    yield text, value.value, key_line, value.start_mark.line + 1
                    continue
                key = _new(Node, (SCALAR, shown, key_line, text, False, _EMPTY, ()))
            else:
                key = _node_from(event, get_event, shown, problems, self._alias_lines, None)
                value = get_event()
            at = _key_name(key, seen)
            before = len(problems)
            node = _node_from(value, get_event, shown, problems, self._alias_lines, None)
            if at is not None:
                seen[at] = key.line
                yield key, node, 0, 0
            elif key.kind != REFUSED:
                # where _node_from places it: after a scalar's or an alias's own problems, but for a
                # collection as it starts, after its refused tag (_open) and before anything inside it
                problem = _key_problem(key, seen.get(key.text) if key.kind == SCALAR else None)
                if type(value) in collection_starts:
                    before += value.tag is not None and value.tag not in _ALLOWED_TAGS
                    problems.insert(before, problem)
                else:
                    problems.append(problem)


class Span:
    """Where one node of a YAML text lies, as character offsets into the text
    the parser read: for writers that change a file in place, splicing new
    text in at these positions and leaving every other byte as it was.

    `start`/`end` cover the node's own text (for a block collection, from its
    first key to the end of its last value; for a flow one, from `{` to `}`).
    A plain empty scalar (`key:` with nothing after it) has start == end, just
    after the colon. `pairs` holds a mapping's (key, value) spans in file
    order, `items` a list's items."""

    __slots__ = ("kind", "start", "end", "value", "quoted", "flow", "pairs", "items")

    def __init__(self, kind: str, start: int, end: int, value: str = "", quoted: bool = False, flow: bool = False):
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.quoted = quoted
        self.flow = flow
        self.pairs: list[tuple[Span, Span]] = []
        self.items: list[Span] = []

    def __repr__(self) -> str:
        return f"Span({self.kind}, {self.start}-{self.end}, {self.value!r})"

    @property
    def is_null(self) -> bool:
        return self.kind == SCALAR and not self.quoted and self.value in ("", "~", "null", "Null", "NULL")

    def get(self, key: str) -> tuple[Span, Span] | None:
        """The (key, value) pair of a mapping whose key reads `key`."""
        return next(((k, v) for k, v in self.pairs if k.value == key), None)


def read_spans(text: str) -> Span | None:
    """The spans of the one document in `text` (None for none). Parsed by the
    same parser as read_yaml, so that positions agree with what the loader
    reads; call it only on text that read_yaml accepted."""
    parser = _Parser(text)
    try:
        get_event = parser.get_event
        get_event()  # StreamStartEvent
        if isinstance(get_event(), yaml.StreamEndEvent):
            return None
        root: Span | None = None
        stack: list[tuple[Span, list[Span]]] = []  # open collections, each with its key waiting for a value
        while True:
            event = get_event()
            start = event.start_mark.index if event.start_mark else 0
            end = event.end_mark.index if event.end_mark else start
            if isinstance(event, yaml.ScalarEvent):
                node = Span(SCALAR, start, end, event.value, event.style in _QUOTED_STYLES)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                kind = MAPPING if isinstance(event, yaml.MappingStartEvent) else SEQUENCE
                node = Span(kind, start, start, flow=bool(event.flow_style))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                closed, _pending = stack.pop()
                if closed.flow:
                    closed.end = end
                elif closed.pairs:
                    closed.end = closed.pairs[-1][1].end
                elif closed.items:
                    closed.end = closed.items[-1].end
                continue
            elif isinstance(event, yaml.AliasEvent):
                raise ValueError("aliases are not supported")
            else:  # DocumentEndEvent
                return root
            if stack:
                parent, pending = stack[-1]
                if parent.kind == SEQUENCE:
                    parent.items.append(node)
                elif pending:
                    parent.pairs.append((pending.pop(), node))
                else:
                    pending.append(node)
            else:
                root = node
            if node.kind != SCALAR:
                stack.append((node, []))
    finally:
        parser.dispose()
