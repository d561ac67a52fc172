"""Read a YAML file into a tree of nodes that remember their line.

Only this module imports yaml. It composes the document (parses it into
nodes) but never constructs Python objects from it, so:
- every value keeps its file and line for error messages;
- a `!!python/object` tag is refused, never run;
- YAML 1.1's surprises (`no` as False, `012` as 10, `1:20` as 80) cannot
  happen, because the loader reads each scalar's raw text itself;
- duplicate keys, which PyYAML silently accepts, are reported;
- aliases are refused, which also stops "billion laughs" alias bombs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, Source

try:  # the C parser is several times faster; not every build of PyYAML has it
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """Skips PyYAML's implicit typing (a regex per scalar): jmplan reads each
    scalar's raw text itself, so only `<<`, a merge key to refuse, needs
    recognising. Explicit tags (`!!python/...`) never come here."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0] and value == "<<":
                return "tag:yaml.org,2002:merge"
            return "tag:yaml.org,2002:str"
        return super().resolve(kind, value, implicit)

# Plan files are small hand-written text; a huge one is a mistake (or an
# attack), and refusing it early keeps memory bounded.
MAX_FILE_BYTES = 32 * 1024 * 1024
# ... and so is a line longer than a few pages of text (a pasted blob, an export on one line)
MAX_LINE_CHARS = 10_000

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class Node:
    """A YAML node: a scalar (`text`), a mapping (`items`) or a list (`children`)."""

    kind: str  # "scalar", "mapping" or "sequence"
    where: Source
    text: str = ""
    quoted: bool = False
    items: list[tuple[Node, Node]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and not self.quoted and self.text in ("", "~", "null", "Null", "NULL")

    def describe(self) -> str:
        """What the node is, in words, for 'expected X, found Y' messages."""
        if self.kind == "mapping":
            return "a mapping"
        if self.kind == "sequence":
            return "a list"
        if self.is_null:
            return "nothing"
        return repr(self.text)


def read_yaml(path: Path, shown: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML file. Returns (root node or None, problems).

    `shown` is the file name to use in messages.
    """
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "not valid YAML"
        if exc.context == "expected a single document in the stream":  # a second `---`
            what = "a second document starts here, and a plan file holds one"
        elif exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            # e.g. an unclosed [ : say where the construct began, not only where parsing failed
            what += f" ({exc.context}, which starts on line {exc.context_mark.line + 1})"
        hint = "YAML does not allow tabs for indentation; use spaces" if "\t" in _line(text, line) else None
        return None, [Problem(Source(shown, line), f"YAML syntax error: {what}", hint)]
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (libyaml counts its position in bytes)
        character = chr(exc.character)
        line = text[: text.find(character)].count("\n") + 1 if character in text else None
        return None, [Problem(Source(shown, line), f"a control character (U+{exc.character:04X}) that YAML "
                                                   f"does not allow",
                              "delete it: most editors do not show it; it comes with text copied from "
                              "another program")]
    except yaml.YAMLError as exc:  # anything else without a mark
        return None, [Problem(Source(shown), f"cannot read YAML: {exc}")]
    if root is None:
        return None, [Problem(Source(shown, 1), "the file is empty (or holds only comments)",
                              "see data/ of the jmplan repository for the expected layout")]
    problems: list[Problem] = []
    return _convert(root, shown, problems, {}), problems


def _line(text: str, line: int | None) -> str:
    if not line:
        return ""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    where = Source(shown)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(where, f"the file is {size // (1024 * 1024)} MB, over jmplan's limit of "
                                         f"{MAX_FILE_BYTES // (1024 * 1024)} MB for a data file",
                                  "a plan file holds hand-written figures; check that this is the right file")]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(where, "file not found")]
    except IsADirectoryError:
        return None, [Problem(where, "is a folder, not a file")]
    except PermissionError:
        return None, [Problem(where, "permission denied: cannot read the file")]
    except OSError as exc:
        return None, [Problem(where, f"cannot read the file: {exc.strerror or exc}")]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # the byte-order mark of UTF-16, full of NUL bytes
        return None, [Problem(Source(shown, 1), "the file is UTF-16 (\"Unicode\" in Notepad), not UTF-8",
                              "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(Source(shown, line), "the file contains a NUL byte: it is binary or damaged",
                              "open it in a text editor and save it again as UTF-8 text")]
    try:
        # utf-8-sig accepts the byte-order mark that Windows editors add
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
        try:
            raw.decode("gb18030")
            message = "the file is not UTF-8; it looks like GBK/GB18030 (a Chinese Windows encoding)"
        except UnicodeDecodeError:
            message = "the file is not valid UTF-8 text"
        return None, [Problem(Source(shown, line), message, hint)]
    if len(text) > MAX_LINE_CHARS:  # only then can a line be too long
        lines = text.split("\n")
        longest = max(lines, key=len)
        if len(longest) > MAX_LINE_CHARS:
            return None, [Problem(Source(shown, lines.index(longest) + 1),
                                  f"the line is {len(longest):,} characters long, over jmplan's limit of "
                                  f"{MAX_LINE_CHARS:,}",
                                  "a plan file holds hand-written figures and sentences; "
                                  "check that this is the right file")]
    return text, []


def _convert(node: yaml.Node, shown: str, problems: list[Problem], seen: dict[int, bool]) -> Node:
    where = Source(shown, node.start_mark.line + 1)
    if node.tag not in _STANDARD_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)  # as it was written
        problems.append(Problem(where, f"the tag {tag} is not allowed in a plan file",
                                "remove the tag (the part starting with !)"))
        return Node("scalar", where, text="", quoted=False)
    # The composer hands back the same node object for an alias and its
    # anchor, so seeing one twice means an alias (of a scalar too).
    if id(node) in seen:
        if not seen[id(node)]:  # once per anchor: an alias bomb repeats the same ones
            seen[id(node)] = True
            problems.append(Problem(where, "anchors and aliases (& and *) are not supported in plan files",
                                    "write the value out in full"))
        return Node("scalar", where)
    seen[id(node)] = False
    if isinstance(node, yaml.ScalarNode):
        return Node("scalar", where, text=node.value, quoted=node.style in ("'", '"', "|", ">"))
    if isinstance(node, yaml.SequenceNode):
        return Node("sequence", where, children=[_convert(c, shown, problems, seen) for c in node.value])
    items = []
    keys: dict[str, Source] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(Problem(Source(shown, key_node.start_mark.line + 1),
                                    "merge keys (<<) are not supported in plan files",
                                    "write the fields out in full"))
            continue
        key = _convert(key_node, shown, problems, seen)
        value = _convert(value_node, shown, problems, seen)
        if key.kind != "scalar":
            problems.append(Problem(key.where, "a key must be plain text, not a list or mapping"))
            continue
        if key.text in keys:
            problems.append(Problem(key.where, f"duplicate key {key.text!r} (first at line {keys[key.text].line})",
                                    "YAML keeps only one of them; remove or rename one"))
            continue
        keys[key.text] = key.where
        items.append((key, value))
    return Node("mapping", where, items=items)
