"""Reading and writing YAML safely, with line numbers for every key.

Everything the toolkit reads is untrusted: a file over `MAX_FILE_BYTES`, a YAML
alias (the "billion laughs" bomb), an explicit tag (which could construct
objects) or a duplicate key is refused with one line naming the file and line.
Everything the toolkit writes goes through ruamel.yaml's round-trip mode, so
comments and key order in files it updates survive.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from ..errors import ContentError, Problem

MAX_FILE_BYTES = 1_000_000


def read_text(path: Path, shown: str, limit: int | None = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing binary, oversized or mis-encoded files.

    `limit` is None for files the toolkit wrote itself and vouches for by their hash (a
    release's frozen files): a large release must stay readable.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(shown, None, f"cannot read file ({exc.strerror})",
                                   "check that it exists and is readable")) from None
    if limit is not None and len(raw) > limit:
        raise ContentError(Problem(shown, None,
                                   f"file is {len(raw):,} bytes, over the limit of {limit:,}",
                                   "split it into smaller sections"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(Problem(shown, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                   "save the file as UTF-8")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def _checked_events(yaml: YAML, text: str, shown: str, line_offset: int) -> None:
    """Refuse aliases and explicit tags before anything is constructed."""
    for event in yaml.parse(io.StringIO(text)):
        line = (event.start_mark.line + 1 + line_offset) if event.start_mark else None
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise ContentError(Problem(shown, line, "YAML anchors and aliases are not allowed",
                                       "write the value out in full"))
        tag = getattr(event, "tag", None)
        if tag and isinstance(event, (ScalarEvent, CollectionStartEvent)):
            implicit = getattr(event, "implicit", (True, True))
            if isinstance(event, ScalarEvent) and any(implicit):
                continue
            if isinstance(event, CollectionStartEvent) and implicit:
                continue
            raise ContentError(Problem(shown, line, f"YAML tag '{tag}' is not allowed",
                                       "remove the tag; plain values are enough"))


def load_yaml(text: str, shown: str, line_offset: int = 0, fast: bool = False) -> Any:
    """Parse YAML text into round-trip objects (dict/list subclasses with line info).

    `line_offset` is added to reported lines (front matter starts after `---`).
    With `fast`, plain dicts and lists come back without line numbers, through the C
    parser when it is installed: for files the toolkit wrote itself (release manifests).
    """
    yaml = YAML(typ="safe") if fast else YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        # Anchors (&), aliases (*) and tags (!) need one of these characters: a text
        # without them is safe to load without the extra pass over its events.
        if "&" in text or "*" in text or "!" in text:
            _checked_events(YAML(typ="rt"), text, shown, line_offset)
        return yaml.load(text)
    except ContentError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in str(exc):
            problem = "duplicate key " + _duplicate_key(str(exc))
            return _raise(shown, line, problem, "keep one of the two entries")
        return _raise(shown, line, f"invalid YAML: {problem}", "fix the YAML syntax")
    except YAMLError as exc:
        return _raise(shown, None, f"invalid YAML: {exc}", "fix the YAML syntax")


def _duplicate_key(message: str) -> str:
    for line in message.splitlines():
        if "found duplicate key" in line:
            return line.split("found duplicate key", 1)[1].split("with value")[0].strip()
    return ""


def _raise(shown: str, line: int | None, message: str, hint: str):
    raise ContentError(Problem(shown, line, message, hint))


def line_of(node: Any, key: Any = None, default: int | None = None, offset: int = 0) -> int | None:
    """1-based line of `key` in a round-trip mapping (or of item `key` in a sequence)."""
    try:
        if key is None:
            return node.lc.line + 1 + offset
        if isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1 + offset
        if isinstance(node, CommentedSeq):
            return node.lc.item(key)[0] + 1 + offset
    except (AttributeError, KeyError, TypeError, IndexError):
        pass
    return default


def plain(node: Any) -> Any:
    """Convert round-trip objects to plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if hasattr(node, "value") and type(node).__module__.startswith("ruamel"):
        return node.value
    if type(node).__module__.startswith("ruamel"):
        # ScalarFloat, ScalarBoolean, LiteralScalarString…: keep the Python value.
        for base in (bool, int, float, str):
            if isinstance(node, base):
                return base(node)
    return node


def dump_yaml(data: Any) -> str:
    """Serialize data as round-trip YAML (keeps comments and order of loaded data)."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
