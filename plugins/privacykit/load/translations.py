"""Translation files: one per source file and language, next to the statement they translate.

Layout::

    statements/<statement>/translations/<language>/statement.yml          title, description, top headings
    statements/<statement>/translations/<language>/sections/<id>.yml      a section
    statements/<statement>/translations/<language>/sections/<id>.<region>.yml   a region's override
    statements/<statement>/translations/<language>/apps/<id>.yml          an app section

A file is YAML that reads well in a pull request: every block is the source text it
was translated from and its translation, so a reviewer sees both, and a change of the
source shows what the translation fell behind::

    title:
      source: Browsing our websites
      translation: Navegação em nossos sites
    blocks:
      - source: |-
          Our web server logs collect …
        translation: |-
          Os registros do nosso servidor web coletam …

Files are read on first use (a build that shows no translated region reads none) and
written through ruamel.yaml's round-trip writer, atomically.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, MappingStartEvent, ScalarEvent
from ruamel.yaml.scalarstring import LiteralScalarString

from ..atomic import replace_file
from ..errors import ContentError, Problem
from ..model.blocks import BlockKind, TextBlock
from ..model.controls import first_control
from ..model.statement import Statement
from ..model.translation import Alignment, FileTranslation, TranslationEntry, align, align_file, text_problem
from .yamlio import dump_yaml, line_of, load_yaml, read_text

try:
    from ruamel.yaml.cyaml import CParser
except ImportError:      # ruamel.yaml.clib missing: the pure-Python parser
    CParser = None

TRANSLATIONS_DIR = "translations"
STATEMENT_FILE = "statement.yml"
# The release summaries of a statement (what its archive and feed say of each release).
RELEASES_FILE = "releases.yml"
FILE_KEYS = ("title", "blocks")
ENTRY_KEYS = ("source", "translation")


def translation_path(source: str, language: str) -> str:
    """Where the `language` translation of source file `source` lives (project-relative).

    `statements/website/sections/browsing.md` -> `statements/website/translations/pt-BR/sections/browsing.yml`;
    `statements/website/statement.yml` -> `statements/website/translations/pt-BR/statement.yml`.
    """
    parts = source.split("/")
    if parts[-1] == STATEMENT_FILE:
        return "/".join([*parts[:-1], TRANSLATIONS_DIR, language, STATEMENT_FILE])
    stem = parts[-1].rsplit(".", 1)[0]
    return "/".join([*parts[:-2], TRANSLATIONS_DIR, language, parts[-2], f"{stem}.yml"])


def releases_source(statement_source: str) -> str:
    """The key the release summaries of a statement are translated under (`statements/<id>/releases.yml`)."""
    return statement_source.rsplit("/", 1)[0] + "/" + RELEASES_FILE


def releases_path(statement_source: str, language: str) -> str:
    """Where the `language` translation of a statement's release summaries lives (project-relative)."""
    return translation_path(statement_source, language).rsplit("/", 1)[0] + "/" + RELEASES_FILE


def statement_blocks(statement: Statement) -> tuple[TextBlock, list[TextBlock]]:
    """The statement's own translatable texts: its title, then its description and top headings."""
    blocks = [TextBlock(BlockKind.PARAGRAPH, statement.description, 0)] if statement.description else []
    blocks += [TextBlock(BlockKind.HEADING, g.heading, 0) for g in statement.outline if g.heading]
    return TextBlock(BlockKind.TITLE, statement.title, 0), blocks


def read_translation(root: Path, source: str, language: str, parser: YAML | None = None,
                     shown: str | None = None) -> FileTranslation | None:
    """The translation file of `source` into `language` (at `shown`, by default where
    `translation_path` puts it); None when there is none.

    Raises `ContentError` (file and line) for a file that is not of the expected shape.
    """
    shown = shown or translation_path(source, language)
    path = root / shown
    if not path.is_file():
        return None
    text = read_text(path, shown)
    # A file with a problem goes to the checked loader, which says what is wrong and where; so
    # does one whose quoted escape ("\e") made a control character. A backslash alone is no
    # reason: Markdown escapes (`consent\*`) are common in translated text.
    try:
        data, lines = _load_texts(parser or YAML(typ="safe"), text, shown)
        if not ("\\" in text and _has_control(data)):
            return _parse(data, shown, source, language, lines)
    except (ContentError, YAMLError):
        pass
    return _parse(load_yaml(text, shown), shown, source, language, None)


def _has_control(node: Any) -> bool:
    """Whether a text anywhere in `node` (loaded by `_load_texts`) holds a control character."""
    if isinstance(node, str):
        return first_control(node) is not None
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    return any(_has_control(value) for value in values)


def _events(parser: YAML, text: str) -> Iterator[Any]:
    """The YAML events of `text`: straight from the C parser when it is installed (`parser.parse`
    builds a loader class per call, a third of the time of reading a short file)."""
    if CParser is None:
        yield from parser.parse(io.StringIO(text))
        return
    events = CParser(text)
    try:
        while events.check_event():
            yield events.get_event()
    finally:
        events.dispose()


def _load_texts(parser: YAML, text: str, shown: str) -> tuple[Any, dict[int, int]]:
    """Mappings, lists and strings from the C parser's events, with the line of each mapping.

    A translation file holds texts only, so every scalar is a string (a title `yes` stays
    `yes`); anchors, aliases and tags are refused as everywhere (see `load.yamlio`). One
    pass of the C parser: a language's hundred files must not take seconds to read.
    """
    root: Any = None
    stack: list[Any] = []
    pending: list[Any] = []          # per open mapping: its key waiting for a value, or None
    lines: dict[int, int] = {}

    def add(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
        elif isinstance(stack[-1], list):
            stack[-1].append(value)
        elif pending[-1] is None:
            if not isinstance(value, str):
                raise ContentError(Problem(shown, line, "a key must be a plain word", "write 'key: value'"))
            if value in stack[-1]:
                raise ContentError(Problem(shown, line, f"duplicate key {value}", "keep one of the two entries"))
            pending[-1] = value
        else:
            stack[-1][pending[-1]] = value
            pending[-1] = None

    for event in _events(parser, text):
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise ContentError(Problem(shown, line, "YAML anchors and aliases are not allowed",
                                       "write the value out in full"))
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, ScalarEvent) and any(event.implicit)) \
                and not (isinstance(event, CollectionStartEvent) and event.implicit):
            raise ContentError(Problem(shown, line, f"YAML tag '{tag}' is not allowed",
                                       "remove the tag; plain values are enough"))
        if isinstance(event, CollectionStartEvent):
            container: Any = {} if isinstance(event, MappingStartEvent) else []
            lines[id(container)] = line
            add(container, line)
            stack.append(container)
            pending.append(None)
        elif isinstance(event, CollectionEndEvent):
            stack.pop()
            pending.pop()
        elif isinstance(event, ScalarEvent):
            add(event.value, line)
    return root, lines


def _parse(data: Any, shown: str, source: str, language: str, lines: dict[int, int] | None) -> FileTranslation:
    def fail(line: int | None, message: str, hint: str):
        raise ContentError(Problem(shown, line, message, hint))

    if data is None:
        return FileTranslation(language, source, shown)
    if not isinstance(data, dict):
        fail(1, "a translation file must be a mapping", "give it 'blocks:' (and 'title:')")
    for key in data:
        if key not in FILE_KEYS:
            fail(line_of(data, key, 1), f"unknown key '{key}' in a translation file", "use 'title' and 'blocks'")
    blocks = data.get("blocks") or []
    if not isinstance(blocks, list):
        fail(line_of(data, "blocks", 1), "'blocks' must be a list", "write one '- source: … translation: …' per block")
    def where(node: Any, default: int | None) -> int | None:
        return lines.get(id(node), default) if lines is not None else default

    entries = [_entry(item, shown, where(item, line_of(blocks, i, None)), fail) for i, item in enumerate(blocks)]
    title = _entry(data["title"], shown, where(data["title"], line_of(data, "title", 1)), fail) \
        if data.get("title") is not None else None
    # A file may have been edited by hand: an entry that brings markup, links or placeholders
    # its source does not have is never shown (readers get the source); `check` names it.
    refused = [(e, problem) for e in ([title] if title else []) + entries
               if (problem := text_problem(BlockKind.PARAGRAPH, e.source, e.text))]
    if refused:
        bad = {id(e) for e, _ in refused}
        entries = [e for e in entries if id(e) not in bad]
        title = None if title is not None and id(title) in bad else title
    return FileTranslation(language, source, shown, title, tuple(entries), tuple(refused))


def _entry(item: Any, shown: str, line: int | None, fail) -> TranslationEntry:
    if not isinstance(item, dict) or not isinstance(item.get("source"), str) \
            or not isinstance(item.get("translation"), str):
        fail(line, "a translated block needs 'source' and 'translation' texts",
             "write '- source: <the source text>' and 'translation: <its translation>'")
    for key in item:
        if key not in ENTRY_KEYS:
            fail(line_of(item, key, line), f"unknown key '{key}' in a translated block",
                 "use 'source' and 'translation'")
    return TranslationEntry(item["source"], item["translation"], line)


def write_translation(root: Path, translation: FileTranslation, header: str) -> None:
    """Write a translation file atomically (ruamel.yaml round-trip writer; texts as literal blocks)."""
    data = CommentedMap()
    if translation.title is not None:
        data["title"] = CommentedMap([("source", translation.title.source),
                                      ("translation", translation.title.text)])
    items = CommentedSeq()
    for entry in translation.entries:
        items.append(CommentedMap([("source", _scalar(entry.source)), ("translation", _scalar(entry.text))]))
    data["blocks"] = items
    path = root / translation.path
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {line}\n" if line else "#\n" for line in header.split("\n")) + dump_yaml(data)
    replace_file(path, text.encode("utf-8"))


def _scalar(text: str):
    # Literal blocks keep every character as written and read well in a diff; they cannot
    # hold trailing spaces at the end of a line, which YAML's quoted form then keeps.
    if any(line != line.rstrip() for line in text.split("\n")) or not text.strip():
        return text
    return LiteralScalarString(text)


@dataclass
class TranslationSet:
    """The translation files of one project, read once and aligned once per source text."""

    root: Path
    _files: dict[tuple[str, str], FileTranslation | None] = field(default_factory=dict)
    _parser: YAML = field(default_factory=lambda: YAML(typ="safe"), repr=False)
    _alignments: dict[tuple, Alignment] = field(default_factory=dict)

    def get(self, language: str, source: str) -> FileTranslation | None:
        """The translation of source file `source` into `language` (None: not translated)."""
        key = (language, source)
        if key not in self._files:
            self._files[key] = read_translation(self.root, source, language, self._parser)
        return self._files[key]

    def forget(self, language: str, source: str) -> None:
        """Read the file again on next use (after it was written)."""
        self._files.pop((language, source), None)
        self._alignments = {k: v for k, v in self._alignments.items() if k[:2] != (language, source)}

    def alignment(self, language: str, source: str, body: str, title: str | None) -> Alignment:
        """The source file's blocks with the state of their translation into `language`."""
        key = (language, source, body, title)
        if key not in self._alignments:
            self._alignments[key] = align_file(body, title, self.get(language, source))
        return self._alignments[key]

    def releases(self, language: str, statement: Statement) -> FileTranslation | None:
        """The translation of `statement`'s release summaries into `language` (None: no file)."""
        source = releases_source(statement.source)
        key = (language, source)
        if key not in self._files:
            self._files[key] = read_translation(self.root, source, language, self._parser,
                                                releases_path(statement.source, language))
        return self._files[key]

    def refused(self) -> list[Problem]:
        """Entries of the files read so far that cannot be shown, one problem each."""
        return [Problem(t.path, entry.line, f"this translation cannot be shown: {problem}",
                        "translate the source's words only, keeping its placeholders and links")
                for t in self._files.values() if t is not None for entry, problem in t.refused]

    def statement_alignment(self, language: str, statement: Statement) -> Alignment:
        """The statement's title, description and top headings with their translation state."""
        title, blocks = statement_blocks(statement)
        key = (language, statement.source, tuple(b.text for b in blocks), title.text)
        if key not in self._alignments:
            translation = self.get(language, statement.source)
            self._alignments[key] = align(blocks, translation.entries if translation else (), title,
                                          translation.title if translation else None)
        return self._alignments[key]
