"""`privacykit translate export|import`: hand statements to translators and take their work back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..atomic import replace_file
from ..errors import ContentError, Problem, UsageError
from ..load.project import load_project
from ..load.settings import ProjectSettings
from ..model.statement import Project


@dataclass
class TranslationResult:
    """One line for the user, and the problems found on the way (obsolete units, unaligned files)."""

    summary: str
    problems: list[Problem] = field(default_factory=list)


def export_translation(source: Path | str | ProjectSettings, region_id: str, fmt: str = "xliff",
                       output: Path | None = None) -> TranslationResult:
    """Write one unit per block readers of `region_id` see (XLIFF 1.2 or PO), with its translation and state."""
    from ..model.translation import BlockState
    from ..translate.formats import ExchangeFormat, write_po, write_xliff
    from ..translate.units import export_units

    project = load_project(source)
    region = translated_region(project, region_id)
    language = project.regions.language(region)
    units = export_units(project, region)
    exchange = ExchangeFormat(fmt)
    write = write_xliff if exchange is ExchangeFormat.XLIFF else write_po
    content = write(units, project.regions.source_language(region), language)
    target = output or Path(f"{region}.{language}{exchange.suffix}")
    replace_file(target, content)
    counts = {state: sum(1 for u in units if u.state is state) for state in BlockState}
    return TranslationResult(f"exported {len(units)} units for {region} ({language}) to {target}: "
                             f"{counts[BlockState.TRANSLATED]} translated, {counts[BlockState.STALE]} stale, "
                             f"{counts[BlockState.MISSING]} new")


def import_translation(source: Path | str | ProjectSettings, exchange_file: Path, region_id: str | None = None,
                       dry_run: bool = False) -> TranslationResult:
    """Validate a translated XLIFF or PO file (or a folder of Markdown files) and take its translations."""
    from ..translate.formats import language_contradicts, read_exchange_declared, read_markdown_folder
    from ..translate.units import apply_units

    project = load_project(source)
    language = project.regions.language(translated_region(project, region_id)) if region_id else None
    aligned_problems: list[Problem] = []
    if exchange_file.is_dir():
        if language is None:
            raise UsageError(Problem(str(exchange_file), None, "a folder of Markdown files needs --region",
                                     "name the region whose language the files are in"))
        units, aligned_problems = read_markdown_folder(project, language, exchange_file)
    else:
        file_language, units, declared = read_exchange_declared(exchange_file, str(exchange_file))
        expected = language or file_language
        if expected is None:
            raise UsageError(Problem(str(exchange_file), None, "the file names no target language",
                                     "pass --region"))
        # A file (or one XLIFF <file> of it) in another language than the region's is refused whole:
        # taking it would overwrite the region's translation with text its readers cannot read.
        for said in declared:
            if language_contradicts(said.language, expected):
                if said.what.startswith("<file") and all(d.language == said.language for d in declared):
                    said = replace(said, what="the file", line=None if len(declared) > 1 else said.line)
                whose = f"region '{region_id}' reads" if language else "the file's target language is"
                raise ContentError(Problem(str(exchange_file), said.line,
                                           f"{said.what} is in '{said.language}' but {whose} '{expected}': "
                                           "nothing imported",
                                           "import the file for that language, or name its region with --region"))
        language = expected
    report = apply_units(project, language, units, write=not dry_run)
    return TranslationResult(report.summary(language, dry_run),
                             aligned_problems + list(report.obsolete) + list(report.missing))


def translated_region(project: Project, region_id: str) -> str:
    """`region_id`, checked to be a region whose readers read a translation."""
    if region_id not in project.regions:
        raise UsageError(Problem("--region", None, f"unknown region '{region_id}'",
                                 project.regions.suggest(region_id)))
    if not project.regions.translates(region_id):
        raise UsageError(Problem("--region", None,
                                 f"region '{region_id}' reads the source language "
                                 f"({project.regions.language(region_id)}): there is nothing to translate",
                                 f"give the region a 'language:' in {project.paths.shown(project.paths.regions_file)}"))
    return region_id
