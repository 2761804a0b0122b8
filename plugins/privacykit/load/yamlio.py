"""Reading and writing YAML safely, with line numbers for every key.

Everything the toolkit reads is untrusted: a file over `MAX_FILE_BYTES`, a YAML
alias (the "billion laughs" bomb), an explicit tag (which could construct
objects) or a duplicate key is refused with one line naming the file and line.
Everything the toolkit writes goes through ruamel.yaml's round-trip mode, so
comments and key order in files it updates survive.
"""

from __future__ import annotations

import io
import re
import sys
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from ..errors import ContentError, Problem
from ..model.controls import first_control
from .textfile import MAX_FILE_BYTES, read_exact_text, read_text

__all__ = ["MAX_FILE_BYTES", "dump_yaml", "line_of", "load_yaml", "plain", "read_exact_text", "read_text",
           "refuse_controls"]

# Deeper YAML than any privacykit file needs is refused before recursive code walks it.
MAX_DEPTH = 40
_HUGE_NUMBER = re.compile(rf"\d{{{sys.get_int_max_str_digits() or 4300}}}")


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


try:
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]
except ImportError:  # ruamel.yaml.clib missing: the pure-Python parser does everything
    CParser = None


if CParser is not None:
    class _LinesLoader(CParser, RoundTripConstructor, VersionedResolver):
        """ruamel's round-trip objects (line numbers, key order, scalar styles) built from the
        C parser's nodes, which carry the same positions as the pure-Python parser's. Comments
        are not kept: for files that are read, not written back."""

        comment_handling = None
        preserve_quotes = None
        allow_duplicate_keys = False

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            self._parser = self._composer = self
            RoundTripConstructor.__init__(self, loader=self)
            VersionedResolver.__init__(self, loadumper=self)


def _load_lines(text: str, shown: str, line_offset: int) -> Any:
    """`load_yaml`'s round-trip result through the C parser (a 14 KB outline: a tenth of the
    time). Raises YAMLError, RecursionError or ValueError where the caller must ask the
    pure-Python parser, whose words the messages use."""
    if "&" in text or "*" in text or "!" in text:
        _checked_events(YAML(typ="safe"), text, shown, line_offset)
    _shallow(text, shown, line_offset)
    loader = _LinesLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml(text: str, shown: str, line_offset: int = 0, fast: bool = False, comments: bool = False) -> Any:
    """Parse YAML text into round-trip objects (dict/list subclasses with line info).

    `line_offset` is added to reported lines (front matter starts after `---`).
    With `fast`, plain dicts and lists come back without line numbers, through the C
    parser when it is installed: for files the toolkit wrote itself (release manifests).
    Without `comments`, the round-trip objects come from the C parser too and hold no
    comments; ask for them to write the data back.
    """
    if not (fast or comments) and CParser is not None and "%YAML" not in text:
        try:
            data = _load_lines(text, shown, line_offset)
        except (YAMLError, RecursionError, ValueError, IndexError):
            pass  # read again below, so that the message is the one the pure-Python parser gives
        else:
            return _checked(data, text, shown, line_offset)
    yaml = YAML(typ="safe") if fast else YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        # Anchors (&), aliases (*) and tags (!) need one of these characters: a text
        # without them is safe to load without the extra pass over its events.
        if "&" in text or "*" in text or "!" in text:
            # The C parser (through the safe loader) reads events several times faster.
            _checked_events(YAML(typ="safe") if fast else YAML(typ="rt"), text, shown, line_offset)
        if not fast:
            _shallow(text, shown, line_offset)
        data = yaml.load(text)
    except ContentError:
        raise
    except RecursionError:
        return _raise(shown, None, "YAML is nested too deeply", f"keep it under {MAX_DEPTH} levels")
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and (exc.context or "").startswith("while scanning"):
            # A token that never ended (a key without its colon, a quote never closed): the cause is
            # where it starts, not where the scanner gave up on it (the next line, or the file's end).
            mark = exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in str(exc):
            problem = "duplicate key " + _duplicate_key(str(exc))
            return _raise(shown, line, problem, "keep one of the two entries")
        if "mapping values are not allowed" in problem and mark is not None:
            # A value holding ": " ("title: Moto Pulse: fitness") reads as a key of its own (author44).
            key = text.split("\n")[mark.line].split(":", 1)[0].strip() if mark.line < text.count("\n") + 1 else ""
            return _raise(shown, line, f"invalid YAML: {problem} (the value of '{key}' holds a colon and a space)",
                          f"quote the value: {key}: \"…\"" if key else "quote the value")
        return _raise(shown, line, f"invalid YAML: {problem}", "fix the YAML syntax")
    except ReaderError as exc:
        # A character YAML refuses (a NUL, most often): its line, not its offset in the text.
        position = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, position) + 1 + line_offset
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return _raise(shown, line, f"invalid YAML: character {character} is not allowed ({exc.reason})",
                      "remove it (a text editor or a binary file put it there)")
    except YAMLError as exc:
        return _raise(shown, None, f"invalid YAML: {exc}", "fix the YAML syntax")
    except IndexError:
        # ruamel.yaml's number reader fails on a plain value of a sign and underscores alone ("-_").
        return _raise(shown, None, "invalid YAML: a value the YAML reader cannot read (a sign or underscores "
                      "alone?)", "quote the value")
    except ValueError:
        # Python refuses to convert whole numbers of more than 4,300 digits (a denial-of-service guard).
        digits = _HUGE_NUMBER.search(text)
        line = text.count("\n", 0, digits.start()) + 1 + line_offset if digits else None
        return _raise(shown, line, "number too long to read", "shorten it, or quote it to keep it as text")
    return _checked(data, text, shown, line_offset, fast)


def _checked(data: Any, text: str, shown: str, line_offset: int, fast: bool = False) -> Any:
    _check_depth(data, shown, line_offset)
    # YAML refuses raw control characters, but a quoted "\e" or "\x07" makes one. (Not
    # checked in the files the toolkit wrote itself, read `fast`: what is frozen stays readable.)
    if not fast and "\\" in text:
        refuse_controls(data, shown, line_offset)
    return data


def _shallow(text: str, shown: str, line_offset: int) -> None:
    """Refuse nesting deeper than `MAX_DEPTH` before the round-trip loader (slow, and
    recursive) builds it: the C parser's events are counted in one quick pass."""
    depth = 0
    try:
        for event in YAML(typ="safe").parse(io.StringIO(text)):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 + line_offset if event.start_mark else None
                    raise ContentError(Problem(shown, line, "YAML is nested too deeply",
                                               f"keep it under {MAX_DEPTH} levels"))
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return  # a syntax error: the round-trip loader reports it, in its own words


def _check_depth(data: Any, shown: str, line_offset: int) -> None:
    """Refuse nesting deeper than `MAX_DEPTH` (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            line = line_of(node, None, None, line_offset)
            raise ContentError(Problem(shown, line, "YAML is nested too deeply", f"keep it under {MAX_DEPTH} levels"))
        stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))


def refuse_controls(node: Any, shown: str, offset: int = 0, line: int | None = None) -> None:
    """Raise `ContentError` at the first text in loaded YAML that holds a control character."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        here = line_of(node, key, line, offset)
        for text in (key, value):
            found = first_control(text) if isinstance(text, str) else None
            if found:
                raise ContentError(Problem(shown, here, f"control character {found[1]} in a value",
                                           "remove it: readers cannot see it, and feeds and terminals break on it"))
        refuse_controls(value, shown, offset, here)


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


def dump_yaml(data: Any, width: int = 100) -> str:
    """Serialize data as round-trip YAML in block style (keeps comments and order of loaded data),
    a line wrapped past `width` where the writer can (quoting as loaded is kept by the loaded values)."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = width
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
