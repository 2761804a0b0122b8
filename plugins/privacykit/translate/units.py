"""Translation units: what a translator gets (one per source block) and what comes back.

`export_units` lists, for one region, every block of every source file its readers see
(sections, app sections, region overrides, the statement's title and top headings),
with the current translation and its state. `apply_units` takes units back from a
translator (XLIFF, PO or Markdown, read by `translate.formats`), validates every one
before anything is written, and writes the translation files of the region's language.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, Problem
from ..load.translations import translation_path, write_translation
from ..model.blocks import BlockKind, block_key
from ..model.statement import Project, SectionVariant, Statement
from ..model.translation import (
    AlignedBlock,
    Alignment,
    BlockState,
    FileTranslation,
    TranslationEntry,
    align,
    text_problem,
)
from .summaries import RELEASES_HEADER, SummaryFile, merged_summaries, summary_files

TITLE_KEY = "title"
CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Unit:
    """One block to translate, as exported: its source, current translation and state."""

    source_file: str           # project-relative path of the file the block is in
    key: str                   # the block's key (`title` for a title)
    kind: BlockKind
    source: str
    state: BlockState
    target: str | None = None            # the translation (for a stale block: of an earlier source)
    previous_source: str | None = None   # for a stale block: the source the target was made from
    section: str = ""                    # section id (or `statement`) for the translator's context
    section_title: str = ""
    line: int = 0                        # line of the block in its source file (0: front matter)
    before: str = ""                     # neighbouring source text, for context
    after: str = ""
    about: str = ""                      # what the unit is, when not a block of a section (a release summary)


@dataclass(frozen=True)
class SourceFile:
    """A file readers of a region see, with its blocks' translation into the region's language."""

    path: str
    section: str
    title: str
    alignment: Alignment
    body_line: int = 0


def region_files(project: Project, region_id: str) -> list[SourceFile]:
    """Every source file a region's readers see, in reading order, aligned with its translation."""
    language = project.regions.language(region_id)
    store = project.translations
    if store is None:
        raise ContentError(Problem(project.paths.shown(project.paths.statements), None,
                                   "this project has no translations", "load it with load_project"))
    files: list[SourceFile] = []
    for statement in project.statements.values():
        files.append(SourceFile(statement.source, "statement", statement.title,
                                store.statement_alignment(language, statement)))
        seen: set[str] = set()
        for variant in _variants(project, statement, region_id):
            if variant.source in seen:
                continue
            seen.add(variant.source)
            files.append(SourceFile(variant.source, variant.section_id, variant.title,
                                    store.alignment(language, variant.source, variant.body, variant.title),
                                    variant.body_line))
    return files


def language_files(project: Project, language: str) -> list[SourceFile]:
    """Every source file readers in `language` see, whichever of its regions they are in."""
    files: dict[str, SourceFile] = {}
    for region_id in readers(project, language):
        for file in region_files(project, region_id):
            files.setdefault(file.path, file)
    return list(files.values())


def _variants(project: Project, statement: Statement, region_id: str) -> list[SectionVariant]:
    out = []
    for _group, entry, _depth in statement.placed():
        variant = statement.sections[entry.section_id].variant_for(region_id, project.regions)
        if variant is not None:
            out.append(variant)
    return out


def export_units(project: Project, region_id: str) -> list[Unit]:
    """One unit per distinct block of every file the region's readers see."""
    units: list[Unit] = []
    for file in region_files(project, region_id):
        blocks = file.alignment.all()
        seen: set[str] = set()
        for i, aligned in enumerate(blocks):
            key = TITLE_KEY if aligned.block.kind is BlockKind.TITLE else aligned.block.key
            if key in seen:
                continue
            seen.add(key)
            units.append(_unit(file, aligned, key, blocks[i - 1].block.text if i else "",
                               blocks[i + 1].block.text if i + 1 < len(blocks) else ""))
    return units + summary_units(project, region_id)


def summary_units(project: Project, region_id: str) -> list[Unit]:
    """One unit per release summary the region's archives show, keyed by the release's date."""
    units = []
    for file in summary_files(project, [region_id]):
        for version, aligned in zip(file.releases, file.alignment.blocks, strict=True):
            entry = aligned.entry
            units.append(Unit(file.folder, version.id, BlockKind.PARAGRAPH, version.summary, aligned.state,
                              target=entry.text if entry else None,
                              previous_source=entry.source if entry and aligned.state is BlockState.STALE else None,
                              section="release", section_title=file.statement.title,
                              about=f"release summary of {file.statement.title} ({file.statement.id}), "
                                    f"released {version.id}"))
    return units


def _unit(file: SourceFile, aligned: AlignedBlock, key: str, before: str, after: str) -> Unit:
    block = aligned.block
    entry = aligned.entry
    line = file.body_line + block.line - 1 if block.line and file.body_line else block.line
    return Unit(file.path, key, block.kind, block.text, aligned.state,
                target=entry.text if entry else None,
                previous_source=entry.source if entry and aligned.state is BlockState.STALE else None,
                section=file.section, section_title=file.title, line=line,
                before=_clip(before), after=_clip(after, end=False))


def _clip(text: str, end: bool = True) -> str:
    text = " ".join(text.split())
    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:] if end else text[:CONTEXT_CHARS] + "…"


# -- import -----------------------------------------------------------------------------


class ImportState(str, enum.Enum):
    """What the translator says of a unit that comes back."""

    TRANSLATED = "translated"        # a translation to take
    UNFINISHED = "unfinished"        # still new, or marked for review: not taken


@dataclass(frozen=True)
class ReturnedUnit:
    """A unit as read back from a translator's file."""

    source_file: str
    key: str
    source: str
    target: str
    state: ImportState
    where: str                     # file the unit was read from
    line: int | None               # its line there


@dataclass
class ImportReport:
    """What an import did, counted; and the units it could not place, reported."""

    imported: int = 0
    unchanged: int = 0
    unfinished: int = 0
    stale: int = 0                    # taken, but the source changed since it was exported
    obsolete: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)   # blocks of the files sent back that have no unit
    made_for: list[str] = field(default_factory=list)      # releases whose text the obsolete units translate

    def summary(self, language: str, dry_run: bool = False) -> str:
        parts = [f"{self.imported} translated", f"{self.unchanged} unchanged",
                 f"{self.unfinished} not translated or still to review"]
        if self.stale:
            parts.append(f"{self.stale} translated from an older source (stale)")
        parts.append(f"{len(self.obsolete)} for blocks that no longer exist")
        if self.made_for:
            parts[-1] += f" (the file was exported from the text of release {', '.join(self.made_for)})"
        files = f"{len(self.files)} files"
        written = f"{files} would be written (dry run: nothing written)" if dry_run else f"{files} written"
        return f"imported {language}: " + ", ".join(parts) + f"; {written}"


def apply_units(project: Project, language: str, units: list[ReturnedUnit], write: bool = True) -> ImportReport:
    """Validate returned units and write them into the translation files of the region's language.

    Every unit is checked before anything is written (placeholders and links kept, no
    markup brought in, one block per unit); any problem refuses the whole import with
    one line per unit. A unit whose block no longer exists is reported and left out.
    """
    files = {f.path: f for f in language_files(project, language)}
    if not files:
        raise ContentError(Problem(units[0].where if units else "translations", None,
                                   f"no region reads {language}",
                                   "give a region 'language: " + language + "' in statements/regions.yml"))
    summaries = {f.folder: f for f in summary_files(project, readers(project, language))}
    problems: list[Problem] = []
    report = ImportReport()
    taken: dict[str, dict[str, ReturnedUnit]] = {}
    for unit in units:
        if unit.state is ImportState.UNFINISHED:
            report.unfinished += 1
            continue
        summary = summaries.get(unit.source_file)
        if summary is not None and summary.aligned(unit.key) is None:
            report.obsolete.append(Problem(unit.where, unit.line,
                                           f"unit for release {unit.key} of {summary.statement.id}, which does not "
                                           f"exist or no {language} reader sees",
                                           "export again: privacykit translate export --region …"))
            continue
        if summary is not None:
            problem = text_problem(BlockKind.PARAGRAPH, unit.source, unit.target)
            if problem:
                problems.append(_unit_problem(unit, problem))
            else:
                taken.setdefault(unit.source_file, {})[unit.key] = unit
            continue
        file = files.get(unit.source_file)
        if file is None:
            report.obsolete.append(Problem(unit.where, unit.line,
                                           f"unit for {unit.source_file or 'an unnamed file'}, which no {language} "
                                           "reader sees", "export again: privacykit translate export --region …"))
            continue
        kind = _kind_of(file.alignment, unit.key)
        problem = text_problem(kind or BlockKind.PARAGRAPH, unit.source, unit.target)
        if problem:
            problems.append(_unit_problem(unit, problem))
            continue
        taken.setdefault(unit.source_file, {})[unit.key] = unit
    if problems:
        raise ContentError(problems)
    report.missing = _missing_units(files, units)
    written: list[tuple[FileTranslation, str]] = []
    for path, returned in taken.items():
        if path in summaries:
            translation = _merge_summaries(summaries[path], returned, language, report)
            if translation is not None:
                written.append((translation, RELEASES_HEADER.format(language=language)))
            continue
        translation = _merge(files[path], returned, language, report)
        if translation is not None:
            written.append((translation, header(translation)))
    old = [u for u in units if u.state is ImportState.TRANSLATED and any(
        p.file == u.where and p.line == u.line and "no longer exists" in p.message for p in report.obsolete)]
    if old:
        report.made_for = _releases_of(project, old)
    if write:
        _write_all(Path(project.root), written)
    report.files = [t.path for t, _header in written]
    return report


MISSING_SHOWN = 5


def _missing_units(files: dict[str, SourceFile], units: list[ReturnedUnit]) -> list[Problem]:
    """One warning per file sent back whose blocks are not all in it (a unit the translator deleted),
    with the count and the first ids: such a block keeps its translation, or stays untranslated."""
    returned: dict[str, set[str]] = {}
    where: dict[str, ReturnedUnit] = {}
    for unit in units:
        returned.setdefault(unit.source_file, set()).add(unit.key)
        where.setdefault(unit.source_file, unit)
    warnings = []
    for path, keys in returned.items():
        file = files.get(path)
        if file is None:
            continue
        wanted = dict.fromkeys(TITLE_KEY if b.block.kind is BlockKind.TITLE else b.block.key
                               for b in file.alignment.all())
        absent = [key for key in wanted if key not in keys]
        if absent:
            shown = ", ".join(absent[:MISSING_SHOWN]) + (", …" if len(absent) > MISSING_SHOWN else "")
            warnings.append(Problem(where[path].where, None,
                                    f"{len(absent)} unit{'' if len(absent) == 1 else 's'} of {path} "
                                    f"{'is' if len(absent) == 1 else 'are'} missing from the file ({shown}): "
                                    "not imported",
                                    "export again and translate every unit, or leave a unit's target empty"))
    return warnings


def _releases_of(project: Project, units: list[ReturnedUnit]) -> list[str]:
    """The releases (`statement date`) whose published source text has the words of `units`: the text an
    old export was made from. Placeholders are left out of the comparison (releases keep their values)."""
    import re

    from ..model.blocks import PLACEHOLDER
    from ..versions.store import VersionStore

    store = VersionStore(project.paths)
    found: list[str] = []
    for unit in units:
        parts = [" ".join(p.split()) for p in PLACEHOLDER.split(unit.source)]
        parts = [p for p in parts if len(p) >= 12] or [" ".join(unit.source.split())]
        own = unit.source_file.split("/")[1] if unit.source_file.count("/") > 1 else ""
        source_language = project.regions.source_language(next(iter(project.regions.ids)))
        versions = [v for statement in sorted(project.statements, key=lambda s: s != own)
                    for v in reversed(store.versions(statement))]
        for version in versions:
            statement = version.statement
            texts = [re.sub(r"\s+", " ", (version.folder / "regions" / f"{region}.md").read_text("utf-8"))
                     for region in version.regions if project.regions.language(region) == source_language
                     and (version.folder / "regions" / f"{region}.md").exists()][:1]
            if texts and all(part in texts[0] for part in parts):
                label = f"{version.id} of {statement}"
                if label not in found:
                    found.append(label)
                break
    return found


def readers(project: Project, language: str) -> list[str]:
    """The regions whose readers read `language` as a translation."""
    return [r.id for r in project.regions
            if project.regions.language(r.id) == language and project.regions.translates(r.id)]


def _unit_problem(unit: ReturnedUnit, problem: str) -> Problem:
    return Problem(unit.where, unit.line, f"unit {unit.key} of {unit.source_file}: {problem}",
                   "keep placeholders such as {{ company }} and links as in the source, and translate the words only")


def _merge_summaries(file: SummaryFile, returned: dict[str, ReturnedUnit], language: str,
                     report: ImportReport) -> FileTranslation | None:
    """The statement's release summaries file with the returned units in (None: nothing changed)."""
    translated: dict[str, TranslationEntry] = {}
    for release_id, unit in returned.items():
        aligned = file.aligned(release_id)
        if aligned is None:                 # reported when read: no such release
            continue
        current = aligned.state is BlockState.TRANSLATED and aligned.entry is not None
        if block_key(unit.source) == aligned.block.key:
            if current and aligned.entry is not None and aligned.entry.text == unit.target:
                report.unchanged += 1
                continue
            translated[aligned.block.key] = TranslationEntry(aligned.block.text, unit.target)
            report.imported += 1
        elif current:
            # The summary's words changed since the export and the new words are translated already.
            report.obsolete.append(Problem(unit.where, unit.line,
                                           f"unit {release_id} of {unit.source_file} translates earlier words of "
                                           "that release's summary, whose current words are translated",
                                           "export again and translate the current summary"))
        else:
            # Translated from earlier words of the summary: kept, stale, as for a section's block.
            translated[aligned.block.key] = TranslationEntry(unit.source, unit.target)
            report.stale += 1
    return merged_summaries(file, language, translated) if translated else None


def _kind_of(alignment: Alignment, key: str) -> BlockKind | None:
    for aligned in alignment.all():
        if (TITLE_KEY if aligned.block.kind is BlockKind.TITLE else aligned.block.key) == key:
            return aligned.block.kind
    return None


def _merge(file: SourceFile, returned: dict[str, ReturnedUnit], language: str,
           report: ImportReport) -> FileTranslation | None:
    """The file's translation with the returned units in: current blocks first, in source order."""
    alignment = file.alignment
    blocks = [b.block for b in alignment.blocks]
    entries = {b.block.key: b.entry for b in alignment.blocks if b.entry is not None}
    keep = {b.block.key: b.state for b in alignment.blocks}
    changed = False
    extra: list[TranslationEntry] = []
    for key, unit in returned.items():
        if key == TITLE_KEY:
            continue
        old = entries.get(key)
        if key in keep:
            if old is not None and keep[key] is BlockState.TRANSLATED and old.text == unit.target:
                report.unchanged += 1
                continue
            entries[key] = TranslationEntry(next(b.text for b in blocks if b.key == key), unit.target)
            changed = True
            report.imported += 1
        else:
            # Translated from a text the block no longer has: kept as a stale translation when
            # it still stands for a block, reported when nothing is left for it to translate.
            extra.append(TranslationEntry(unit.source, unit.target, unit.line))
    if extra:
        candidates = [e for b in blocks if (e := entries.get(b.key)) is not None] + extra
        realigned = align(blocks, candidates)
        for entry in extra:
            placed = next((b for b in realigned.blocks if b.entry is entry), None)
            unit = next(u for u in returned.values() if u.source == entry.source and u.target == entry.text)
            if placed is None or placed.state is not BlockState.STALE or entries.get(placed.block.key):
                report.obsolete.append(Problem(unit.where, unit.line,
                                               f"unit {unit.key} of {unit.source_file} translates a block that no "
                                               "longer exists", "export again and translate the current text"))
                continue
            entries[placed.block.key] = replace(entry, line=None)
            report.stale += 1
            changed = True
    title = alignment.title.entry if alignment.title else None
    if TITLE_KEY in returned and alignment.title is not None:
        unit = returned[TITLE_KEY]
        if title is not None and alignment.title.state is BlockState.TRANSLATED and title.text == unit.target:
            report.unchanged += 1
        else:
            title = TranslationEntry(alignment.title.block.text, unit.target)
            report.imported += 1
            changed = True
    if not changed:
        return None
    ordered_entries = []
    seen: set[str] = set()
    for block in blocks:
        found = entries.get(block.key)
        if found is not None and block.key not in seen:
            seen.add(block.key)
            ordered_entries.append(replace(found, line=None))
    return FileTranslation(language, file.path, translation_path(file.path, language), title, tuple(ordered_entries))


def _write_all(root: Path, translations: list[tuple[FileTranslation, str]]) -> None:
    """Write every file (with its header comment), or none: each goes to a temporary name first,
    then all are renamed."""
    staged: list[tuple[Path, Path]] = []
    try:
        for translation, comment in translations:
            staging = replace(translation, path=_staging_name(translation.path))
            write_translation(root, staging, comment)
            staged.append((root / staging.path, root / translation.path))
    except BaseException:
        for temporary, _final in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, final in staged:
        os.replace(temporary, final)


def _staging_name(path: str) -> str:
    folder, _, name = path.rpartition("/")
    return f"{folder}/.{name}.import-{os.getpid()}"


def header(translation: FileTranslation) -> str:
    """The comment at the top of a translation file."""
    return (f"{translation.language} translation of {translation.source}.\n"
            "Each block keeps the source text it was translated from: when the source changes,\n"
            "the block is stale until translated again (privacykit translate export / import).")

