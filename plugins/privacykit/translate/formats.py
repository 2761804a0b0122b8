"""The files translators exchange: XLIFF 1.2, PO, and block-aligned Markdown.

XLIFF and PO are read and written with translate-toolkit's storage classes (the
library behind Pootle and Weblate), never as hand-made XML. In both, a unit is one
block; its id names the source file and the block's key. Jinja placeholders, link
targets and inline HTML are protected (`<ph>` in XLIFF), so a CAT tool locks them.

A folder of Markdown files laid out like `statements/` (`<statement>/sections/<id>.md`,
front matter with only the translated `title`, the body block for block like the
source) is read too: it is what a translator who edits Markdown directly hands back.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..load.frontmatter import split_front_matter
from ..load.yamlio import plain, read_text
from ..model.blocks import PLACEHOLDER, BlockKind, split_body
from ..model.statement import Project
from ..model.translation import BlockState
from .units import TITLE_KEY, ImportState, ReturnedUnit, Unit, language_files

# What a translator must keep as it is: placeholders, link targets, inline HTML tags.
PROTECTED = re.compile(PLACEHOLDER.pattern + r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<[^>\n]+>", re.DOTALL)
XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
# XLIFF 1.2 target states that mean "not finished": such units are not taken.
UNFINISHED_STATES = frozenset({"new", "needs-translation", "needs-adaptation", "needs-l10n",
                               "needs-review-translation", "needs-review-adaptation", "needs-review-l10n"})


class ExchangeFormat(str, enum.Enum):
    XLIFF = "xliff"
    PO = "po"

    @property
    def suffix(self) -> str:
        return ".xlf" if self is ExchangeFormat.XLIFF else ".po"


def _xliff_classes():
    """translate-toolkit's XLIFF store, writing the 1.2 namespace (it reads 1.1 and 1.2)."""
    from translate.storage import xliff

    class Xliff12Unit(xliff.xliffunit):
        namespace = XLIFF_NAMESPACE

    class Xliff12File(xliff.xlifffile):
        UnitClass = Xliff12Unit
        namespace = XLIFF_NAMESPACE
        XMLskeleton = ("<?xml version='1.0' ?>\n"
                       f"<xliff version='1.2' xmlns='{XLIFF_NAMESPACE}'>\n"
                       "<file original='NoName' source-language='en' datatype='plaintext'>\n"
                       "<body>\n</body>\n</file>\n</xliff>")

    return xliff, Xliff12File


def _rich(text: str, ids: dict[str, list[str]]):
    """`text` as translate-toolkit placeables: protected pieces become `<ph>` elements.

    Ids are unique in a unit: a piece that comes twice (a link repeated) has two ids; the
    target's n-th occurrence of a piece takes the id of the source's n-th, so a CAT tool pairs them.
    """
    from translate.storage.placeables import StringElem
    from translate.storage.placeables.xliff import Ph

    parts: list = []
    position = 0
    seen: dict[str, int] = {}
    for match in PROTECTED.finditer(text):
        if match.start() > position:
            parts.append(text[position:match.start()])
        piece = match.group(0)
        occurrence = seen.get(piece, 0)
        seen[piece] = occurrence + 1
        known = ids.setdefault(piece, [])
        if occurrence >= len(known):
            known.append(str(sum(len(v) for v in ids.values()) + 1))
        parts.append(Ph(id=known[occurrence], sub=[piece]))
        position = match.end()
    if position < len(text) or not parts:
        parts.append(text[position:])
    return [StringElem(parts)]


def _notes(unit: Unit) -> list[str]:
    notes = [unit.about or f"section {unit.section}: {unit.section_title} ({unit.source_file}"
             + (f":{unit.line}" if unit.line else "") + f"), {unit.kind.value}"]
    if unit.before:
        notes.append(f"before: {unit.before}")
    if unit.after:
        notes.append(f"after: {unit.after}")
    if unit.state is BlockState.STALE and unit.previous_source is not None:
        notes.append(f"the source changed; the translation was made from: {unit.previous_source}")
    if PLACEHOLDER.search(unit.source):
        notes.append("keep {{ … }} placeholders as they are: they are replaced by names and addresses")
    return notes


def write_xliff(units: list[Unit], source_language: str, target_language: str) -> bytes:
    """An XLIFF 1.2 document: one `<file>` per source file, one `<trans-unit>` per block."""
    _module, xliff_file = _xliff_classes()
    store = xliff_file(sourcelanguage=source_language, targetlanguage=target_language)
    for unit in units:
        ids: dict[str, list[str]] = {}
        xunit = store.addsourceunit("", filename=unit.source_file, createifmissing=True)
        xunit.setid(unit.key)
        if PROTECTED.search(unit.source) or (unit.target and PROTECTED.search(unit.target)):
            xunit.rich_source = _rich(unit.source, ids)
            xunit.rich_target = _rich(unit.target or "", ids)
        else:   # plain text: the same XML, without building placeables
            xunit.source = unit.source
            xunit.target = unit.target or ""
        xunit.get_target_dom().set("state", unit.state.xliff_state)
        # Setting a target marks the unit approved; only a current translation is (XLIFF 1.2: a
        # stale or new unit is not, so CAT tools that lock approved units offer it for review).
        xunit.markapproved(unit.state is BlockState.TRANSLATED)
        for note in _notes(unit):
            xunit.addnote(note, origin="privacykit")
    store.removedefaultfile()
    return bytes(store)


def write_po(units: list[Unit], source_language: str, target_language: str) -> bytes:
    """A PO catalog: one message per block, its context naming the file and the block's key.

    A stale block is a fuzzy message whose previous msgid (`#| msgid`) is the source
    its translation was made from.
    """
    from translate.storage import po

    store = po.pofile()
    store.updateheader(add=True, Language=target_language, Content_Type="text/plain; charset=UTF-8",
                       X_Source_Language=source_language)
    for unit in units:
        message = po.pounit(unit.source)
        message.setcontext(f"{unit.source_file}#{unit.key}")
        if unit.target:
            message.target = unit.target
        message.addlocation(f"{unit.source_file}:{unit.line}" if unit.line else unit.source_file)
        for note in _notes(unit):
            message.addnote(note, origin="developer")
        if unit.state is BlockState.STALE:
            message.markfuzzy(True)
            message.prev_source = unit.previous_source or ""
        store.addunit(message)
    return bytes(store)


def language_contradicts(declared: str, language: str) -> bool:
    """Whether a file's declared language (BCP 47, `de`, `pt_BR`, `zh-Hans`) cannot be `language`.

    The primary languages must be the same; a region (or a script) said on both sides must
    be the same too, so `pt` and `pt-BR` agree, and `pt-PT` and `pt-BR`, or `de` and `fr`, do not.
    """
    def tags(code: str) -> list[str]:
        return [t for t in code.strip().lower().replace("_", "-").split("-") if t]

    mine, theirs = tags(declared), tags(language)
    if not mine or not theirs:
        return False
    if mine[0] != theirs[0]:
        return True
    scripts = [[t for t in side[1:] if len(t) == 4 and t.isalpha()] for side in (mine, theirs)]
    regions = [[t for t in side[1:] if len(t) == 2 or (len(t) == 3 and t.isdigit())] for side in (mine, theirs)]
    return any(a and b and a[0] != b[0] for a, b in (scripts, regions))


@dataclass(frozen=True)
class Declared:
    """A language a translator's file declares: the whole file's, or one XLIFF `<file>` element's."""

    language: str
    line: int | None
    what: str          # "the file" or "<file original=…>"


def read_exchange(path: Path, shown: str) -> tuple[str | None, list[ReturnedUnit]]:
    """The target language and the units of an XLIFF (1.1 or 1.2) or PO file a translator sends back."""
    language, units, _declared = read_exchange_declared(path, shown)
    return language, units


def read_exchange_declared(path: Path, shown: str) -> tuple[str | None, list[ReturnedUnit], list[Declared]]:
    """`read_exchange`, with every target language the file declares (per XLIFF `<file>`, the PO header)."""
    raw = path.read_bytes()
    if path.suffix.lower() == ".po":
        return _read_po(raw, shown)
    if path.suffix.lower() in (".xlf", ".xliff", ".sdlxliff"):
        return _read_xliff(raw, shown)
    raise ContentError(Problem(shown, None, "unknown translation file type",
                               "import an .xlf/.xliff (XLIFF 1.2) or .po file, or a folder of Markdown files"))


def _read_xliff(raw: bytes, shown: str) -> tuple[str | None, list[ReturnedUnit], list[Declared]]:
    xliff, _file = _xliff_classes()
    try:
        store = xliff.xlifffile.parsestring(raw)
    except Exception as exc:  # lxml and translate-toolkit raise many kinds for broken XML
        line = getattr(exc, "lineno", None) or getattr(getattr(exc, "position", None), "__getitem__", None)
        raise ContentError(Problem(shown, line if isinstance(line, int) else None,
                                   f"not a readable XLIFF file ({exc})",
                                   "send back the file the export wrote, as XLIFF 1.2")) from None
    # A DOCTYPE declares entities: text that is not in the file (`&a;` ten thousand characters long), or
    # an external file the parser leaves out without a word, so the unit's target loses it (sec45).
    # The export never writes one, nor does a translation tool.
    info = store.document.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        at = raw.find(b"<!DOCTYPE")
        raise ContentError(Problem(shown, raw.count(b"\n", 0, at) + 1 if at >= 0 else None,
                                   "the file declares a DOCTYPE (entities that stand for other text): nothing "
                                   "imported", "send back the file the export wrote, without a DOCTYPE"))
    out = []
    declared: list[Declared] = []
    file_tags = [f"{{{XLIFF_NAMESPACE}}}file", "{urn:oasis:names:tc:xliff:document:1.1}file", "file"]
    for file_node in store.document.getroot().iter(*file_tags):
        target_language = file_node.get("target-language")
        if target_language:
            declared.append(Declared(target_language, file_node.sourceline,
                                     f"<file original=\"{file_node.get('original', '')}\">"))
    for unit in store.getunits():
        element = unit.xmlelement
        file_node = next(element.iterancestors(unit.namespaced("file")), None)
        original = file_node.get("original", "") if file_node is not None else ""
        target_node = unit.get_target_dom()
        target = str(unit.target or "")
        xml_state = target_node.get("state") if target_node is not None else None
        unfinished = not target.strip() or xml_state in UNFINISHED_STATES
        out.append(ReturnedUnit(original, element.get("id", ""), str(unit.source or ""), target,
                                ImportState.UNFINISHED if unfinished else ImportState.TRANSLATED,
                                shown, element.sourceline))
    return store.gettargetlanguage(), out, declared


def _read_po(raw: bytes, shown: str) -> tuple[str | None, list[ReturnedUnit], list[Declared]]:
    from translate.storage import po

    try:
        store = po.pofile.parsestring(raw)
    except Exception as exc:  # the PO parser raises plain ValueErrors and others on bad input
        raise ContentError(Problem(shown, None, f"not a readable PO file ({exc})",
                                   "send back the file the export wrote")) from None
    lines = _po_context_lines(raw.decode("utf-8", "replace"))
    out = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        context = unit.getcontext()
        source_file, _, key = context.rpartition("#")
        target = str(unit.target or "")
        unfinished = unit.isfuzzy() or not target.strip()
        out.append(ReturnedUnit(source_file, key, str(unit.source or ""), target,
                                ImportState.UNFINISHED if unfinished else ImportState.TRANSLATED,
                                shown, lines.get(context)))
    language = store.gettargetlanguage()
    header_line = next((n for n, line in enumerate(raw.decode("utf-8", "replace").split("\n"), start=1)
                        if line.startswith('"Language:')), None)
    return language, out, [Declared(language, header_line, "the Language header")] if language else []


def _po_context_lines(text: str) -> dict[str, int]:
    """The line of each message's `msgctxt` (the PO reader keeps none)."""
    lines = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("msgctxt "):
            lines[line[len("msgctxt "):].strip().strip('"')] = number
    return lines


def read_markdown_folder(project: Project, language: str, folder: Path) -> tuple[list[ReturnedUnit], list[Problem]]:
    """Units from translated Markdown files laid out like the content folder, block for block.

    Each file is paired with the source file of the same path that readers in `language`
    see; its blocks with the source's blocks, in order and of the same kind. Blocks
    that do not pair are returned as problems (`file:line`), and left out.
    """
    units: list[ReturnedUnit] = []
    problems: list[Problem] = []
    files = {f.path: f for f in language_files(project, language)}
    statements_dir = project.paths.statements
    for path in sorted(folder.rglob("*.md")):
        relative = path.relative_to(folder).as_posix()
        shown = path.as_posix()
        source = project.paths.shown(statements_dir / relative)
        file = files.get(source)
        if file is None:
            if (statements_dir / relative).exists():
                continue   # a translation of a file readers of this region do not see
            problems.append(Problem(shown, None, f"no source file {source}",
                                    "name translated files like the source files they translate"))
            continue
        document = split_front_matter(read_text(path, shown), shown)
        title = plain(document.meta or {}).get("title")
        if title and file.alignment.title is not None:
            units.append(ReturnedUnit(source, TITLE_KEY, file.alignment.title.block.text, str(title),
                                      ImportState.TRANSLATED, shown, 2))
        source_blocks = [b.block for b in file.alignment.blocks]
        translated = split_body(document.body).blocks
        offset = document.body_line - 1
        matcher = difflib.SequenceMatcher(None, [b.kind for b in source_blocks], [b.kind for b in translated],
                                          autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    if op == "replace" and source_blocks[i].kind is not translated[j].kind \
                            and BlockKind.TABLE_CELL in (source_blocks[i].kind, translated[j].kind):
                        problems.append(_unaligned(shown, translated[j].line + offset, source,
                                                   source_blocks[i].line + file.body_line - 1))
                        continue
                    units.append(ReturnedUnit(source, source_blocks[i].key, source_blocks[i].text,
                                              translated[j].text, ImportState.TRANSLATED, shown,
                                              translated[j].line + offset))
                continue
            for i in range(i1, i2):
                problems.append(Problem(shown, translated[j1].line + offset if j1 < len(translated) else None,
                                        f"no translation aligns with {source}:"
                                        f"{source_blocks[i].line + file.body_line - 1} ({source_blocks[i].kind.value})",
                                        "keep the source's blocks, one for one, in the same order"))
            for j in range(j1, j2):
                problems.append(Problem(shown, translated[j].line + offset,
                                        f"this {translated[j].kind.value} has no block of {source} to translate",
                                        "keep the source's blocks, one for one, in the same order"))
    return units, problems


def _unaligned(shown: str, line: int, source: str, source_line: int) -> Problem:
    return Problem(shown, line, f"block does not align with {source}:{source_line}",
                   "keep the source's blocks, one for one, in the same order")

