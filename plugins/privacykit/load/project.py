"""Load a project's content folder into validated model objects, collecting every problem.

Layout (the content folder is `statements/` unless `mkdocs.yml` names another)::

    <content>/regions.yml
    <content>/<statement>/statement.yml
    <content>/<statement>/sections/<id>.md            base text
    <content>/<statement>/sections/<id>.<region>.md   a region's override
    <content>/<statement>/apps/<id>.md                app sections (product teams)
    <content>/<statement>/translations/<language>/…   translations (see `load/translations.py`)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ContentError, Problem, ProblemLog
from ..model import vocabulary as vocab
from ..model.facts import DeclaredFacts, Declares, fact_change_kinds
from ..model.files import (
    REGION_ID,
    SECTION_ID,
    STATEMENT_ID,
    AppFront,
    OverrideFront,
    RegionsFile,
    RegionSpec,
    SectionFront,
    StatementFile,
)
from ..model.paths import APPS_DIR, SECTIONS_DIR, STATEMENT_FILE, ProjectPaths
from ..model.region import Region, RegionSet, find_cycle
from ..model.rules import RuleTable
from ..model.statement import (
    AppInfo,
    OutlineEntry,
    OutlineGroup,
    Project,
    RegionScope,
    Section,
    SectionKind,
    SectionVariant,
    Statement,
)
from ..model.vocabulary import ProjectVocabulary
from .frontmatter import FrontMatterDocument, split_front_matter
from .rules import load_rules
from .settings import ProjectSettings, read_settings
from .translations import TranslationSet
from .validate import salvage, validate
from .vocabulary import load_vocabulary, validation_context
from .yamlio import line_of, load_yaml, read_text

SECTION_FILE = re.compile(r"^(?P<id>[^.]+)(?:\.(?P<region>[^.]+))?\.md$")


def declared_facts(raw: Any, shown: str, node: Any = None, offset: int = 0, top_line: int | None = None,
                   vocabulary: ProjectVocabulary | None = None) -> tuple[DeclaredFacts, list[Problem]]:
    """A `declares:` block as facts, with its problems (and no facts when there are any).

    `vocabulary` adds the project's own kinds of recipient to the closed list.
    """
    if raw is None:
        return DeclaredFacts(), []
    context = validation_context(vocabulary) if vocabulary else None
    model, problems = validate(Declares, raw, shown, node, offset, top_line, context=context)
    return (facts_of(model), problems) if model is not None else (DeclaredFacts(), problems)


def facts_of(declares: Any) -> DeclaredFacts:
    """Validated `declares:` as facts."""
    return DeclaredFacts(**declares.model_dump(exclude_none=True)) if declares is not None else DeclaredFacts()


class Loader:
    """Reads one project root; `problems` collects everything wrong with it.

    Each file is first validated on its own by its model (`model/files.py`); what one
    file cannot know (references between files, ids that must be unique across items)
    is checked here afterwards.
    """

    def __init__(self, paths: ProjectPaths):
        self.paths = paths
        self.root = paths.root
        self.content_dir = paths.statements
        self.log = ProblemLog()
        self.unreadable: set[str] = set()
        self.vocabulary = ProjectVocabulary()

    def shown(self, path: Path) -> str:
        return self.paths.shown(path)

    def _yaml(self, path: Path, shown: str) -> Any:
        """A YAML file as round-trip data, or None (its problems logged)."""
        try:
            return load_yaml(read_text(path, shown), shown)
        except ContentError as exc:
            self.log.extend(exc.problems)
            return None

    # -- regions -------------------------------------------------------------------------------

    def load_regions(self, known_laws) -> RegionSet:
        path = self.paths.regions_file
        shown = self.shown(path)
        if not path.exists():
            self.log.add(shown, None, "regions file is missing",
                         "create it with at least a 'global' region (see README)")
            return RegionSet({})
        logged = len(self.log.problems)
        node = self._yaml(path, shown)
        if node is None and len(self.log.problems) > logged:
            return RegionSet({})  # the YAML error, logged
        if node is None:
            self.log.add(shown, 1, "the file is empty (or holds only comments)",
                         "define at least a 'global' region under 'regions:' (see README)")
            return RegionSet({})
        _, problems = validate(RegionsFile, node, shown, node)
        self.log.extend(problems)
        raw = node.get("regions") if isinstance(node, dict) else None
        if not raw or not isinstance(raw, dict):
            if len(self.log.problems) == logged:  # an empty file, or `regions:` with nothing under it
                self.log.add(shown, line_of(node, "regions", 1), "no regions defined",
                             "define at least a 'global' region under 'regions:' (see README)")
            return RegionSet({})
        regions: dict[str, Region] = {}
        for rid, spec in raw.items():
            # Regions that are valid on their own are kept, so other files are checked against them.
            if not (isinstance(rid, str) and REGION_ID.match(rid)):
                continue
            model = salvage(RegionSpec, spec)
            if model is None:
                continue
            line = line_of(raw, rid)
            laws = model.laws or []
            for i, law in enumerate(laws):
                if law not in known_laws or law == "default":
                    self.log.add(shown, line_of(spec.get("laws"), i, line),
                                 f"region '{rid}' names unknown law '{law}'",
                                 f"{vocab.suggest(str(law), [k for k in known_laws if k != 'default'])} "
                                 "(laws are defined by the rule tables)")
            regions[rid] = Region(id=rid, name=model.name or rid, parent=model.parent, locale=model.locale or "en",
                                  laws=tuple(laws), variables=MappingProxyType(model.variables or {}),
                                  language=model.language)
        for rid, region in regions.items():
            if region.parent is not None and region.parent not in regions:
                self.log.add(shown, line_of(raw[rid], "parent", line_of(raw, rid)),
                             f"region '{rid}' has unknown parent '{region.parent}'",
                             vocab.suggest(str(region.parent), regions))
                regions[rid] = replace(region, parent=None)
        cycle = find_cycle({r.id: r.parent for r in regions.values()})
        if cycle:
            self.log.add(shown, line_of(raw[cycle[0]], "parent", line_of(raw, cycle[0])),
                         "region parent cycle: " + " -> ".join(cycle),
                         "make one of these regions have no parent or another parent")
            for rid in cycle:
                regions[rid] = replace(regions[rid], parent=None)
        return RegionSet(regions)

    # -- statements -------------------------------------------------------------------------------

    def load_statement(self, folder: Path, regions: RegionSet) -> Statement | None:
        path = folder / STATEMENT_FILE
        shown = self.shown(path)
        sid = folder.name
        if not STATEMENT_ID.match(sid):
            self.log.add(self.shown(folder), None, f"invalid statement id '{sid}'",
                         "name the folder with lowercase letters, digits, '-' or '_'")
            return None
        if folder.is_symlink():
            self.log.add(self.shown(folder), None, "statement folders may not be symbolic links",
                         "move the folder here instead")
            return None
        node = self._yaml(path, shown)
        sections = self._load_sections(folder, regions)
        if node is None:
            return None
        doc, problems = validate(StatementFile, node, shown, node)
        self.log.extend(problems)
        if doc is None:
            return None
        outline = self._load_outline(node, shown, sections)
        placed = {e.section_id for g in outline for top in g.entries for e, _ in top.walk()}
        if not placed:
            self.log.add(shown, line_of(node, "outline", 1), "statement is empty: its outline places no section",
                         "add top headings with sections to 'outline:'")
        for section in sections.values():
            if section.id not in placed:
                self.log.add(section.base.source, 1, f"section '{section.id}' is not in the outline of {shown}",
                             f"add '{section.id}' to the outline or delete the file")
        return Statement(
            id=sid, title=doc.title, source=shown, outline=tuple(outline), sections=MappingProxyType(sections),
            variables=MappingProxyType(doc.variables or {}), owners=tuple(doc.owners or ()),
            description=doc.description or "",
        )

    def _load_outline(self, node, shown: str, sections: dict[str, Section]) -> list[OutlineGroup]:
        """The outline (already valid in shape) with its references and ids checked."""
        raw = node["outline"]
        seen: dict[str, int | None] = {}
        groups: list[OutlineGroup] = []
        group_lines: dict[str, int | None] = {}
        for gi, group in enumerate(raw):
            gline = line_of(raw, gi)
            heading = group.get("heading")
            gid = str(group.get("id") or (slugify(heading) if heading else f"part-{gi + 1}"))
            # Sections are grouped by their top heading's id, and a heading's id is an anchor on
            # every page next to the sections' ids: both must be unique.
            if gid in group_lines:
                self.log.add(shown, line_of(group, "id", gline), f"two top headings have the id '{gid}'",
                             f"the other is at line {group_lines[gid]}; give one of them its own 'id:'")
            elif heading and gid in sections:
                self.log.add(shown, line_of(group, "id", gline), f"top heading id '{gid}' is also a section id",
                             "give the top heading another 'id:'")
            group_lines.setdefault(gid, gline)
            entries = self._entries(group["sections"], shown, gline, sections, seen)
            groups.append(OutlineGroup(gid, str(heading) if heading else None, tuple(entries)))
        return groups

    def _entries(self, items, shown, line, sections, seen) -> list[OutlineEntry]:
        entries = []
        for i, item in enumerate(items or []):
            iline = line_of(items, i, line)
            children: list[OutlineEntry] = []
            if isinstance(item, dict):
                (sid, kids), = item.items()
                children = self._entries(kids or [], shown, iline, sections, seen)
            else:
                sid = item
            if sid in seen:
                self.log.add(shown, iline, f"section '{sid}' is placed twice in the outline",
                             f"it is already at line {seen[sid]}; remove one")
                continue
            seen[sid] = iline
            if sid not in sections:
                if sid in self.unreadable:
                    continue  # its file exists; its own problem is reported already
                self.log.add(shown, iline, f"section '{sid}' has no file",
                             f"create sections/{sid}.md (or apps/{sid}.md), or remove it from the outline")
                continue
            entries.append(OutlineEntry(sid, iline, tuple(children)))
        return entries

    def _load_sections(self, folder: Path, regions: RegionSet) -> dict[str, Section]:
        self.unreadable = set()
        bases: dict[str, SectionVariant] = {}
        kinds: dict[str, SectionKind] = {}
        overrides: dict[str, dict[str, SectionVariant]] = {}
        pending: list[tuple[Path, str, str]] = []
        for kind, sub in ((SectionKind.SECTION, SECTIONS_DIR), (SectionKind.APP, APPS_DIR)):
            if (folder / sub).is_symlink():
                # Following it would publish text from outside the project.
                self.log.add(self.shown(folder / sub), None, "section folders may not be symbolic links",
                             f"make {sub}/ a folder of its own")
                continue
            for path in sorted((folder / sub).glob("*")):
                shown = self.shown(path)
                if path.is_dir() or path.name.startswith("."):
                    continue
                m = SECTION_FILE.match(path.name)
                if not m or not SECTION_ID.match(m["id"]) or (m["region"] and not REGION_ID.match(m["region"])):
                    self.log.add(shown, None, f"invalid section file name '{path.name}'",
                                 "name it <id>.md or <id>.<region>.md with lowercase letters, digits, '-' or '_'")
                    continue
                if path.is_symlink():
                    self.log.add(shown, None, "section files may not be symbolic links", "copy the file instead")
                    continue
                if m["region"]:
                    pending.append((path, m["id"], m["region"]))
                    continue
                variant = self._read_variant(path, m["id"], None, kind, None)
                if variant is None:
                    self.unreadable.add(m["id"])
                    continue
                if m["id"] in bases:
                    self.log.add(shown, 1, f"duplicate section id '{m['id']}'",
                                 f"{bases[m['id']].source} already defines it; rename one of them")
                    continue
                bases[m["id"]] = variant
                kinds[m["id"]] = kind
        for path, sid, rid in pending:
            shown = self.shown(path)
            if rid not in regions:
                self.log.add(shown, 1, f"override for unknown region '{rid}'",
                             f"{regions.suggest(rid)} "
                             f"(regions are defined in {self.shown(self.paths.regions_file)})")
                continue
            if sid in self.unreadable:
                continue    # its base file exists; its own problem is reported already (author44)
            if sid not in bases:
                # (a misspelt id names the section it overrides, author44: 'moto-puls.br.md' -> 'moto-pulse')
                near = difflib.get_close_matches(sid, list(bases), n=1, cutoff=0.8)
                self.log.add(shown, 1, f"override of section '{sid}' which has no base file",
                             f"did you mean '{near[0]}'? rename it {near[0]}.{rid}.md" if near
                             else f"create {sid}.md next to it")
                continue
            variant = self._read_variant(path, sid, rid, kinds[sid], bases[sid])
            if variant is not None:
                overrides.setdefault(sid, {})[rid] = variant
        for base in bases.values():
            self._check_scope(base, regions)
        return {sid: Section(sid, kinds[sid], bases[sid], MappingProxyType(overrides.get(sid, {})))
                for sid in bases}

    def _read_variant(self, path: Path, sid: str, region: str | None, kind: SectionKind,
                      base: SectionVariant | None) -> SectionVariant | None:
        """Read one section file: first with the fast C parser; a file with any problem is
        read again with the round-trip parser, whose line numbers the messages need."""
        shown = self.shown(path)
        try:
            text = read_text(path, shown)
        except ContentError as exc:
            self.log.extend(exc.problems)
            return None
        model = OverrideFront if region else AppFront if kind is SectionKind.APP else SectionFront
        try:
            doc = split_front_matter(text, shown, fast=True)
            front, problems = validate(model, doc.meta, shown, context=validation_context(self.vocabulary))
        except ContentError:
            front, problems = None, []
        if front is None:
            try:
                doc = split_front_matter(text, shown)
            except ContentError as exc:
                self.log.extend(exc.problems)
                return None
            front, problems = validate(model, doc.meta, shown, doc.meta, doc.meta_offset, 2,
                                       context=validation_context(self.vocabulary))
            self.log.extend(problems)
            if front is None:
                return None
        return self._variant(front, doc, shown, sid, region, kind, base)

    @staticmethod
    def _variant(front: Any, doc: FrontMatterDocument, shown: str, sid: str, region: str | None,
                 kind: SectionKind, base: SectionVariant | None) -> SectionVariant:
        given = front.model_fields_set
        title = front.title or (base.title if base else sid)
        facts = facts_of(front.declares) if base is None or "declares" in given else base.facts
        if base is not None:
            return SectionVariant(
                section_id=sid, region=region, title=title, body=doc.body, source=shown, based_on=front.based_on,
                body_line=doc.body_line, scope=base.scope, facts=facts, app=base.app,
                show_heading=base.show_heading if front.heading is None else front.heading,
                owner=front.owner or base.owner)
        app = None
        if kind is SectionKind.APP:
            spec = front.app
            app = AppInfo(spec.name or title, tuple(spec.platforms)) if spec else AppInfo(title)
        scope = RegionScope(tuple(front.regions.only), tuple(front.regions.except_)) if front.regions \
            else RegionScope()
        return SectionVariant(section_id=sid, region=None, title=title, body=doc.body, source=shown,
                              body_line=doc.body_line, show_heading=front.heading, owner=front.owner,
                              scope=scope, facts=facts, app=app)

    def _check_scope(self, base: SectionVariant, regions: RegionSet) -> None:
        for rid in base.scope.only + base.scope.exclude:
            if rid not in regions:
                self.log.add(base.source, self._regions_line(base), f"unknown region '{rid}' in 'regions'",
                             regions.suggest(rid))

    def _regions_line(self, base: SectionVariant) -> int | None:
        # The scope is validated after all regions are known; find its line again.
        try:
            text = (self.root / base.source).read_text("utf-8").split("\n")
        except OSError:
            return None
        for i, line in enumerate(text[: base.body_line], start=1):
            if line.startswith("regions:"):
                return i
        return None


def slugify(text: str) -> str:
    """A URL-safe anchor id for a heading."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return slug[:60].rstrip("-") or "section"


def _check_rules_cover_facts(loader: Loader, regions: RegionSet, rules: RuleTable) -> None:
    """Every kind of change a declared fact can give needs a rule in every region: a change
    no rule judges would otherwise pass as needing nothing."""
    kinds = sorted(fact_change_kinds(), key=lambda k: k.value)
    for region in regions:
        for kind in rules.unruled(regions.laws(region.id), kinds):
            laws = ", ".join(regions.laws(region.id)) or "default"
            loader.log.add(loader.shown(loader.paths.regions_file), None,
                           f"no rule judges '{kind.value}' changes in region '{region.id}' (laws: {laws})",
                           f"add a rule for '{kind.value}' to {loader.shown(loader.paths.rules)} under one of "
                           "these laws or 'default'")


def load_project(source: Path | str | ProjectSettings) -> Project:
    """Load and validate a whole project; raise `ContentError` listing every problem.

    `source` is the project's settings, or its root folder (whose `mkdocs.yml`, if any,
    says where the content is).
    """
    settings = source if isinstance(source, ProjectSettings) else read_settings(source)
    loader = Loader(settings.paths)
    default_region = settings.default_region
    if not loader.content_dir.is_dir():
        raise ContentError(Problem(loader.shown(loader.content_dir), None, "content folder not found",
                                   "run privacykit from the project root, or pass --root"))
    try:
        rules = load_rules(settings.paths.rules, loader.shown(settings.paths.rules))
    except ContentError as exc:
        loader.log.extend(exc.problems)
        rules = load_rules()
    regions = loader.load_regions(rules.laws)
    if not len(regions):
        # Every section, override and statement would be measured against no regions: the cause, once.
        loader.log.raise_if_any()
    loader.vocabulary = load_vocabulary(settings.paths.vocabulary_file, loader.shown(settings.paths.vocabulary_file),
                                        loader.log)
    statements: dict[str, Statement] = {}
    for folder in sorted(p for p in loader.content_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not (folder / STATEMENT_FILE).exists():
            loader.log.add(loader.shown(folder), None, f"folder has no {STATEMENT_FILE}",
                           f"add {STATEMENT_FILE} or move the folder out of {loader.shown(loader.content_dir)}/")
            continue
        statement = loader.load_statement(folder, regions)
        if statement is not None:
            statements[statement.id] = statement
    if not statements and not loader.log:
        loader.log.add(loader.shown(loader.content_dir), None, "no statements found",
                       f"create {loader.shown(loader.content_dir)}/<id>/{STATEMENT_FILE}")
    _check_rules_cover_facts(loader, regions, rules)
    if len(regions) and default_region not in regions:
        loader.log.add(loader.shown(settings.paths.regions_file), None,
                       f"default region '{default_region}' is not defined", "add it or change 'default_region'")
    loader.log.raise_if_any()
    return Project(settings.paths, regions, MappingProxyType(statements), default_region, rules,
                   TranslationSet(loader.root), loader.vocabulary, settings.site_url)
