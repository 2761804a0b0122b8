"""Where translations fall behind their source, and whether a release may publish them so.

`check` lists every stale block (`file:line` and what changed in the source) and every
source file with blocks never translated; `release` refuses a statement whose regions
have any, unless the release notes state how such a region is published:

    translations:
      br: source-binding       # the English text binds until the translation is approved

which the region's pages then say in the region's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..changes.redline import word_diff
from ..errors import Problem
from ..load.frontmatter import front_matter_end
from ..load.yamlio import line_of
from ..model.statement import Project
from ..model.translation import BlockState, PublishedAs
from .units import SourceFile, readers, region_files

NOTES_KEY = "translations"
SHOWN_WORDS = 12


@dataclass(frozen=True)
class TranslationGap:
    """A block readers of some regions get in the source language: stale or never translated."""

    language: str
    regions: tuple[str, ...]
    state: BlockState
    source_file: str
    source_line: int
    translation_file: str
    translation_line: int | None = None
    old_source: str = ""          # for a stale block: the text its translation was made from
    new_source: str = ""

    def problem(self) -> Problem:
        """The gap as `check` prints it: where, what changed, what to do."""
        regions = ", ".join(self.regions)
        where = f"{self.source_file}:{self.source_line}" if self.source_line else self.source_file
        hint = f"translate it again: privacykit translate export --region {self.regions[0]}, then import"
        if self.state is BlockState.STALE:
            return Problem(self.translation_file, self.translation_line,
                           f"stale {self.language} translation (regions {regions}): {where} changed: "
                           + describe_change(self.old_source, self.new_source), hint)
        return Problem(self.source_file, self.source_line or None,
                       f"not translated into {self.language} (regions {regions}): «{_clip(self.new_source)}»", hint)


def describe_change(old: str, new: str) -> str:
    """What changed between two texts, in a few words: «5» → «10»; +«and partners»."""
    ops = word_diff(" ".join(old.split()), " ".join(new.split()))
    if ops is None:
        return f"«{_clip(old)}» → «{_clip(new)}»"
    changes: list[str] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        gone, added = "".join(deleted).strip(), "".join(inserted).strip()
        if gone and added:
            changes.append(f"«{_clip(gone)}» → «{_clip(added)}»")
        elif gone:
            changes.append(f"−«{_clip(gone)}»")
        elif added:
            changes.append(f"+«{_clip(added)}»")
        deleted.clear()
        inserted.clear()

    for at, op in enumerate(ops):
        if op.op == "equal" and op.text.strip() and (deleted or inserted) and len(op.text.split()) <= 2 \
                and at + 1 < len(ops) and ops[at + 1].op != "equal":
            # Two changes a word or two apart are one change, told whole: «and China» → «, China and Vietnam»,
            # not +«, China»; «China» → «Vietnam» (gate43).
            deleted.append(op.text)
            inserted.append(op.text)
        elif op.op == "equal" and op.text.strip():
            flush()
        elif op.op == "equal":       # a space between changed words belongs to them
            for pending in (deleted, inserted):
                if pending:
                    pending.append(op.text)
        else:
            (deleted if op.op == "delete" else inserted).append(op.text)
    flush()
    shown = "; ".join(changes[:3])
    return shown + (f" (and {len(changes) - 3} more)" if len(changes) > 3 else "") if shown else "spacing only"


def _clip(text: str) -> str:
    words = text.split()
    return " ".join(words[:SHOWN_WORDS]) + (" …" if len(words) > SHOWN_WORDS else "")


def translation_gaps(project: Project, statement: str | None = None) -> list[TranslationGap]:
    """Every stale or missing block of every translated region (of `statement`, or of all)."""
    found: dict[tuple, TranslationGap] = {}
    for region in project.regions:
        if not project.regions.translates(region.id):
            continue
        language = project.regions.language(region.id)
        for file in region_files(project, region.id):
            if statement is not None and not file.path.startswith(f"statements/{statement}/"):
                continue
            for gap in _file_gaps(file, language):
                key = (language, gap.source_file, gap.new_source, gap.state)
                if key in found:
                    found[key] = _with_region(found[key], region.id)
                else:
                    found[key] = _with_region(gap, region.id)
    return list(found.values())


def _with_region(gap: TranslationGap, region: str) -> TranslationGap:
    if region in gap.regions:
        return gap
    return TranslationGap(gap.language, (*gap.regions, region), gap.state, gap.source_file, gap.source_line,
                          gap.translation_file, gap.translation_line, gap.old_source, gap.new_source)


def _file_gaps(file: SourceFile, language: str):
    from ..load.translations import translation_path

    path = translation_path(file.path, language)
    for aligned in file.alignment.all():
        if aligned.state is BlockState.TRANSLATED:
            continue
        block = aligned.block
        line = file.body_line + block.line - 1 if block.line and file.body_line else (2 if block.line == 0 and
                                                                                      file.body_line else 0)
        entry = aligned.entry
        yield TranslationGap(language, (), aligned.state, file.path, line, path,
                             entry.line if entry else None, entry.source if entry else "", block.text)


def published_as(meta: dict, shown: str, regions, offset: int = 1) -> tuple[dict[str, PublishedAs], list[Problem]]:
    """The release notes' `translations:` mapping (region -> how it is published), checked.

    `offset` turns a line of the front matter into a line of the file (it starts on line 2).
    """
    raw = meta.get(NOTES_KEY) or {}   # a round-trip mapping carries line numbers
    problems: list[Problem] = []
    out: dict[str, PublishedAs] = {}
    choices = ", ".join(p.value for p in PublishedAs)
    if not isinstance(raw, dict):
        return {}, [Problem(shown, line_of(meta, NOTES_KEY, None, offset),
                            f"'{NOTES_KEY}' must map regions to how they are published",
                            f"write e.g. '{NOTES_KEY}: {{br: source-binding}}' ({choices})")]
    for region, value in raw.items():
        line = line_of(raw, region, None, offset)
        if str(region) not in regions:
            problems.append(Problem(shown, line, f"'{NOTES_KEY}' names unknown region '{region}'",
                                    f"{regions.suggest(str(region))} (regions are those of statements/regions.yml)"))
            continue
        try:
            out[str(region)] = PublishedAs(str(value).strip())
        except ValueError:
            problems.append(Problem(shown, line, f"region '{region}' is published as '{value}', "
                                    "which privacykit does not know", f"use one of: {choices}"))
    return out, problems


# More files than this with untranslated blocks in one language (a language just added): one line for the language.
FOLD_FILES = 5


def gap_report(gaps: list[TranslationGap]) -> list[Problem]:
    """What `check` prints: one line per stale block; one per file for blocks never translated, and
    one per language when more than `FOLD_FILES` files of it have some (a new language: its count, and
    the command that lists them, i18n44)."""
    out = [g.problem() for g in gaps if g.state is BlockState.STALE]
    missing: dict[tuple[str, str], list[TranslationGap]] = {}
    for gap in gaps:
        if gap.state is BlockState.MISSING:
            missing.setdefault((gap.language, gap.source_file), []).append(gap)
    languages: dict[str, list[tuple[str, list[TranslationGap]]]] = {}
    for (language, source_file), file_gaps in missing.items():
        languages.setdefault(language, []).append((source_file, file_gaps))
    for language, files in languages.items():
        if len(files) > FOLD_FILES:
            first = files[0][1][0]
            blocks = sum(len(file_gaps) for _file, file_gaps in files)
            out.append(Problem(first.source_file, first.source_line or None,
                               f"{blocks} blocks in {len(files)} files not translated into {language} "
                               f"(regions {', '.join(first.regions)})",
                               f"list them: privacykit translate export --region {first.regions[0]}; translate, "
                               "then import"))
            continue
        for source_file, file_gaps in files:
            if len(file_gaps) == 1:
                out.append(file_gaps[0].problem())
                continue
            first = file_gaps[0]
            out.append(Problem(source_file, first.source_line or None,
                               f"{len(file_gaps)} blocks not translated into {language} "
                               f"(regions {', '.join(first.regions)}), from «{_clip(first.new_source)}»",
                               f"translate them: privacykit translate export --region {first.regions[0]}, then import"))
    return out


def is_stale(problem: Problem) -> bool:
    """Whether a line of `gap_report` or `summary_gaps` is a stale translation (what `--strict` fails on)."""
    return problem.message.startswith("stale ")


def summary_gaps(project: Project) -> list[Problem]:
    """What `check` prints of release summaries readers get in the source language: one line per
    stale summary, one per statement and language for summaries never translated. They never stop
    a release (a release's summary is translated after it is written); readers see them marked."""
    from ..load.translations import releases_path
    from .summaries import summary_files

    out: list[Problem] = []
    languages = {project.regions.language(r.id) for r in project.regions if project.regions.translates(r.id)}
    for language in sorted(languages):
        regions = readers(project, language)
        hint = f"translate them: privacykit translate export --region {regions[0]}, then import"
        for file in summary_files(project, regions):
            path = releases_path(file.statement.source, language)
            missing = []
            for release, aligned in zip(file.releases, file.alignment.blocks, strict=True):
                if aligned.state is BlockState.STALE and aligned.entry is not None:
                    out.append(Problem(path, aligned.entry.line,
                                       f"stale {language} translation of the summary of release {release.id} "
                                       f"(regions {', '.join(regions)}): it changed: "
                                       + describe_change(aligned.entry.source, aligned.block.text), hint))
                elif aligned.state is not BlockState.TRANSLATED:
                    missing.append(release.id)
            if missing:
                out.append(Problem(path, None, f"{len(missing)} release summar{'y' if len(missing) == 1 else 'ies'} "
                                   f"of {file.statement.id} not translated into {language} (regions "
                                   f"{', '.join(regions)}): {', '.join(missing)}", hint))
    return out


def notes_line(meta: Any, text: str, offset: int = 1) -> int | None:
    """Where the release notes say how translated regions are published: the line of their
    `translations:` key, else of the front matter's closing `---` (where the key goes); None
    for notes without front matter."""
    found = line_of(meta, NOTES_KEY, None, offset) if isinstance(meta, dict) and NOTES_KEY in meta else None
    if found is not None:
        return found
    end = front_matter_end(text.split("\n"))
    return None if end is None else end + 1


def gate_problems(gaps: list[TranslationGap], published: dict[str, PublishedAs], shown: str,
                  line: int | None = None) -> list[Problem]:
    """One problem per region whose gaps the release notes do not account for, at `line` of the
    notes (`notes_line`)."""
    per_region: dict[str, list[TranslationGap]] = {}
    for gap in gaps:
        for region in gap.regions:
            per_region.setdefault(region, []).append(gap)
    problems = []
    for region, region_gaps in per_region.items():
        if region in published:
            continue
        stale = sum(1 for g in region_gaps if g.state is BlockState.STALE)
        missing = len(region_gaps) - stale
        problems.append(Problem(shown, line, f"region '{region}' would be published with {stale} stale and "
                                f"{missing} untranslated {region_gaps[0].language} blocks",
                                f"translate them (privacykit translate export --region {region}), or state how "
                                f"the region is published: '{NOTES_KEY}: {{{region}: source-binding}}'"))
    return problems


def needless_entries(gaps: list[TranslationGap], published: dict[str, PublishedAs], shown: str,
                     line: int | None = None) -> list[Problem]:
    """A warning per region the release notes say how to publish meanwhile, though it reads no stale or
    untranslated block now (year45: a late translation arrived after the notes carried the region)."""
    read = {region for gap in gaps for region in gap.regions}
    return [Problem(shown, line, f"'{NOTES_KEY}' says how region '{region}' is published while its translation is "
                    "behind, but it reads no stale or untranslated block now",
                    f"remove '{region}' from '{NOTES_KEY}'") for region in published if region not in read]


def translation_record(project: Project, documents: dict, gaps: list[TranslationGap],
                       published: dict[str, PublishedAs]) -> dict[str, dict]:
    """What a release keeps of its translated regions: language, blocks not translated, how published."""
    out: dict[str, dict] = {}
    for region_id in documents:
        if not project.regions.translates(region_id):
            continue
        region_gaps = [g for g in gaps if region_id in g.regions]
        record: dict = {"language": project.regions.language(region_id),
                        "stale": sum(1 for g in region_gaps if g.state is BlockState.STALE),
                        "missing": sum(1 for g in region_gaps if g.state is BlockState.MISSING)}
        if region_id in published and region_gaps:     # (year45: not for a region with nothing to publish so)
            record["published_as"] = published[region_id].value
        out[region_id] = record
    return out


def orphan_translations(project: Project) -> list[Problem]:
    """Translation files of a section, override or app whose source file is gone (year45: an app retired,
    its section deleted, left its translations behind, read by nothing and named by nothing)."""
    from ..load.translations import TRANSLATIONS_DIR

    out: list[Problem] = []
    for statement in project.statements:
        folder = project.paths.statement(statement)
        for language in sorted(p for p in (folder / TRANSLATIONS_DIR).glob("*") if p.is_dir()):
            for path in sorted(language.glob("*/*.yml")):
                source = folder / path.parent.name / f"{path.stem}.md"
                if not source.is_file():
                    out.append(Problem(project.paths.shown(path), None,
                                       f"translates {project.paths.shown(source)}, which no longer exists",
                                       f"delete it with its source (git rm {project.paths.shown(path)})"))
    return out
