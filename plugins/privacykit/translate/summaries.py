"""Release summaries as translation units: what a statement's archive and feed say of each release.

A summary is written once, in the source language, in the release's notes (and kept in
its manifest); its translations live in `translations/<language>/releases.yml`, one block
per summary (`load.translations`). The notes may give the summary's translations too
(`summary_translations`, kept with the release in its `notes.md`): they stand until
`releases.yml` has a translation of the summary's words, which wins (a translator's
correction comes later than the notes). `translated_summary` is that one rule; the archive,
the feed, the API and the export all read it (a release's notices, written when it is made,
take the notes' translation). For exchange, a summary is a unit of its own: its file
is the statement's releases folder (`versions/<statement>`), its key the release's date,
so a translator's file names the release it speaks of and a unit for a release that
does not exist can be told apart from a summary whose words changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..load.translations import releases_path, releases_source
from ..model.blocks import BlockKind, TextBlock, block_key
from ..model.statement import Project, Statement
from ..model.translation import AlignedBlock, Alignment, FileTranslation, TranslationEntry, align
from ..versions.store import Version, VersionStore

RELEASES_HEADER = ("{language} translation of the release summaries of this statement "
                   "(its archive and feed show them).\n"
                   "A summary is kept with its release; each block is its words and their translation.")


@dataclass(frozen=True)
class SummaryFile:
    """The release summaries of one statement that readers of some regions see, with their translation."""

    statement: Statement
    folder: str                               # the statement's releases folder, project-relative
    releases: tuple[Version, ...]             # oldest first, each with a summary
    alignment: Alignment                      # one block per release, in the same order
    translation: FileTranslation | None = None
    by_id: dict[str, int] = field(default_factory=dict)   # release id -> its index

    def aligned(self, release_id: str) -> AlignedBlock | None:
        """The summary of release `release_id` and its translation state; None: no such release here."""
        index = self.by_id.get(release_id)
        return self.alignment.blocks[index] if index is not None else None


def summary_files(project: Project, regions: Iterable[str]) -> list[SummaryFile]:
    """Per statement, the summaries of the releases that include any of `regions` (one language's)."""
    store = project.translations
    if store is None:
        return []
    wanted = set(regions)
    languages = {project.regions.language(r) for r in wanted}
    if len(languages) != 1:
        return []
    language = languages.pop()
    versions = VersionStore(project.paths)
    files = []
    for statement in project.statements.values():
        releases = tuple(v for v in versions.versions(statement.id)
                         if v.summary.strip() and wanted.intersection(v.regions))
        if not releases:
            continue
        translation = store.releases(language, statement)
        blocks = [TextBlock(BlockKind.PARAGRAPH, v.summary, 0) for v in releases]
        entries = tuple(translation.entries) if translation else ()
        translated = _by_key(entries)
        # The notes' own translation of a summary releases.yml does not translate yet (`_summary_in`).
        written = tuple(TranslationEntry(v.summary, text) for v in releases if block_key(v.summary) not in translated
                        and (text := _summary_in(translated, versions, v, language)))
        alignment = align(blocks, entries + written)
        files.append(SummaryFile(statement, project.paths.shown(project.paths.releases(statement.id)), releases,
                                 alignment, translation, {v.id: i for i, v in enumerate(releases)}))
    return files


def merged_summaries(file: SummaryFile, language: str,
                     translated: dict[str, TranslationEntry]) -> FileTranslation:
    """The statement's `releases.yml` with `translated` (block key -> entry) in: the summaries'
    translations in release order, then the file's entries that match no summary, kept as written."""
    entries: dict[str, TranslationEntry] = {}
    for aligned in file.alignment.blocks:
        found = translated.get(aligned.block.key) or aligned.entry
        if found is not None:
            entries.setdefault(aligned.block.key, TranslationEntry(found.source, found.text))
    kept = [TranslationEntry(e.source, e.text) for e in file.alignment.obsolete
            if not any(e.source == t.source for t in translated.values())]
    source = releases_source(file.statement.source)
    return FileTranslation(language, source, releases_path(file.statement.source, language), None,
                           tuple(entries.values()) + tuple(kept))


def translated_summary(project: Project, versions: VersionStore, statement: Statement, version: Version,
                       language: str) -> str | None:
    """The summary of `version` in `language`: `releases.yml`'s translation of its words, else the
    one its release notes wrote (`summary_translations`); None when neither has one."""
    if not version.summary.strip():
        return None
    store = project.translations
    translation = store.releases(language, statement) if store is not None else None
    return _summary_in(_by_key(translation.entries if translation else ()), versions, version, language)


def _summary_in(translated: dict[str, str], versions: VersionStore, version: Version, language: str) -> str | None:
    """The one rule of a summary's translation: `releases.yml`'s (`translated`: its texts by block key) of the
    summary's words, else the one the release notes wrote (a translator's correction comes later)."""
    found = translated.get(block_key(version.summary))
    return found if found is not None else versions.summary_translations(version).get(language)


def _by_key(entries: Iterable[TranslationEntry]) -> dict[str, str]:
    """A translation file's texts by block key (the first entry of a key)."""
    out: dict[str, str] = {}
    for entry in entries:
        out.setdefault(entry.key, entry.text)
    return out
