"""Load `statements/` into validated model objects, collecting every problem.

Layout::

    statements/regions.yml
    statements/<statement>/statement.yml
    statements/<statement>/sections/<id>.md            base text
    statements/<statement>/sections/<id>.<region>.md   a region's override
    statements/<statement>/apps/<id>.md                app sections (product teams)
    statements/<statement>/translations/<language>/…   translations (see `load/translations.py`)
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from ..errors import ContentError, Problem, ProblemLog
from ..model import vocabulary as vocab
from ..model.facts import parse_facts
from ..model.region import LANGUAGE_TAG, REGION_ID, Region, RegionSet, find_cycle
from ..model.statement import (
    SECTION_ID,
    STATEMENT_ID,
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
from .frontmatter import split_front_matter
from .overrides import DIGEST
from .rules import load_rules
from .translations import TranslationSet
from .yamlio import line_of, load_yaml, plain, read_text

SECTION_KEYS = ("title", "heading", "owner", "regions", "declares", "app")
OVERRIDE_KEYS = ("title", "heading", "owner", "declares", "based_on")
STATEMENT_KEYS = ("title", "description", "owners", "variables", "outline")
REGION_KEYS = ("name", "parent", "locale", "language", "laws", "variables")
SECTION_FILE = re.compile(r"^(?P<id>[^.]+)(?:\.(?P<region>[^.]+))?\.md$")


class Loader:
    """Reads one project root; `problems` collects everything wrong with it."""

    def __init__(self, root: Path, statements_dir: str = "statements"):
        self.root = Path(root)
        self.content_dir = self.root / statements_dir
        self.log = ProblemLog()
        self.unreadable: set[str] = set()

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    # -- regions -------------------------------------------------------------------

    def load_regions(self, known_laws) -> RegionSet:
        path = self.content_dir / "regions.yml"
        shown = self.shown(path)
        if not path.exists():
            self.log.add(shown, None, "regions file is missing",
                         "create it with at least a 'global' region (see README)")
            return RegionSet({})
        try:
            doc = load_yaml(read_text(path, shown), shown)
        except ContentError as exc:
            self.log.extend(exc.problems)
            return RegionSet({})
        raw = doc.get("regions") if isinstance(doc, dict) else None
        if not isinstance(raw, dict) or not raw:
            self.log.add(shown, 1, "no regions defined", "add a 'regions:' mapping with at least 'global'")
            return RegionSet({})

        regions: dict[str, Region] = {}
        for rid, spec in raw.items():
            line = line_of(raw, rid)
            rid = str(rid)
            if not REGION_ID.match(rid):
                self.log.add(shown, line, f"invalid region id '{rid}'",
                             "use lowercase letters, digits and hyphens, like 'us-ca'")
                continue
            if not isinstance(spec, dict):
                self.log.add(shown, line, f"region '{rid}' must be a mapping", "give it at least 'name:'")
                continue
            self._unknown_keys(spec, REGION_KEYS, shown, f"region '{rid}'")
            laws = spec.get("laws") or []
            for i, law in enumerate(laws):
                if law not in known_laws or law == "default":
                    self.log.add(shown, line_of(laws, i, line), f"region '{rid}' names unknown law '{law}'",
                                 f"{vocab.suggest(str(law), [k for k in known_laws if k != 'default'])} "
                                 "(laws are defined by the rule tables)")
            variables = spec.get("variables") or {}
            if not isinstance(variables, dict):
                self.log.add(shown, line_of(spec, "variables", line), f"variables of region '{rid}' must be a mapping",
                             "write 'name: value' lines")
                variables = {}
            language = spec.get("language")
            if language is not None and not LANGUAGE_TAG.match(str(language)):
                self.log.add(shown, line_of(spec, "language", line),
                             f"region '{rid}' has invalid language '{language}'",
                             "write a language tag such as 'pt-BR' or 'zh-CN'")
                language = None
            regions[rid] = Region(
                id=rid, name=str(spec.get("name") or rid), parent=spec.get("parent"),
                locale=str(spec.get("locale") or "en"), laws=tuple(str(x) for x in laws),
                variables=MappingProxyType(plain(variables)), language=str(language) if language else None,
            )
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

    # -- statements -----------------------------------------------------------------

    def load_statement(self, folder: Path, regions: RegionSet) -> Statement | None:
        path = folder / "statement.yml"
        shown = self.shown(path)
        sid = folder.name
        if not STATEMENT_ID.match(sid):
            self.log.add(self.shown(folder), None, f"invalid statement id '{sid}'",
                         "name the folder with lowercase letters, digits, '-' or '_'")
            return None
        try:
            doc = load_yaml(read_text(path, shown), shown)
        except ContentError as exc:
            self.log.extend(exc.problems)
            return None
        if not isinstance(doc, dict):
            self.log.add(shown, 1, "statement.yml must be a mapping", "give it 'title:' and 'outline:'")
            return None
        self._unknown_keys(doc, STATEMENT_KEYS, shown, "statement.yml")
        if not doc.get("title"):
            self.log.add(shown, 1, "statement has no title", "add 'title: …'")

        sections = self._load_sections(folder, regions)
        outline = self._load_outline(doc, shown, sections)
        placed = {e.section_id for g in outline for top in g.entries for e, _ in top.walk()}
        if not placed:
            self.log.add(shown, line_of(doc, "outline", 1), "statement is empty: its outline places no section",
                         "add top headings with sections to 'outline:'")
        for section in sections.values():
            if section.id not in placed:
                self.log.add(section.base.source, 1, f"section '{section.id}' is not in the outline of {shown}",
                             f"add '{section.id}' to the outline or delete the file")
        variables = doc.get("variables") or {}
        owners = doc.get("owners") or []
        return Statement(
            id=sid, title=str(doc.get("title") or sid), source=shown, outline=tuple(outline),
            sections=MappingProxyType(sections), variables=MappingProxyType(plain(variables)),
            owners=tuple(str(o) for o in owners), description=str(doc.get("description") or ""),
        )

    def _load_outline(self, doc, shown: str, sections: dict[str, Section]) -> list[OutlineGroup]:
        raw = doc.get("outline")
        if not isinstance(raw, list):
            if raw is not None:
                self.log.add(shown, line_of(doc, "outline"), "'outline' must be a list of top headings",
                             "write '- heading: …' items each with 'sections: [...]'")
            return []
        seen: dict[str, int | None] = {}
        groups: list[OutlineGroup] = []
        for gi, group in enumerate(raw):
            gline = line_of(raw, gi)
            if not isinstance(group, dict) or "sections" not in group:
                self.log.add(shown, gline, "an outline item needs 'sections:'",
                             "write '- heading: …' then 'sections: [id, …]'")
                continue
            heading = group.get("heading")
            gid = str(group.get("id") or (slugify(heading) if heading else f"part-{gi + 1}"))
            entries = self._entries(group["sections"], shown, gline, sections, seen)
            groups.append(OutlineGroup(gid, str(heading) if heading else None, tuple(entries)))
        return groups

    def _entries(self, items, shown, line, sections, seen) -> list[OutlineEntry]:
        if not isinstance(items, list):
            self.log.add(shown, line, "'sections' must be a list of section ids", "write 'sections: [id, …]'")
            return []
        entries = []
        for i, item in enumerate(items):
            iline = line_of(items, i, line)
            children: list[OutlineEntry] = []
            if isinstance(item, dict) and len(item) == 1:
                (sid, kids), = item.items()
                children = self._entries(kids or [], shown, iline, sections, seen)
            elif isinstance(item, str):
                sid = item
            else:
                self.log.add(shown, iline, f"invalid outline entry '{item}'",
                             "write a section id, or 'id: [child ids]' to nest sections")
                continue
            sid = str(sid)
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
        for kind, sub in ((SectionKind.SECTION, "sections"), (SectionKind.APP, "apps")):
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
                             f"{vocab.suggest(rid, regions.ids)} (regions are defined in statements/regions.yml)")
                continue
            if sid not in bases:
                self.log.add(shown, 1, f"override of section '{sid}' which has no base file",
                             f"create {sid}.md next to it")
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
        before = len(self.log.problems)
        try:
            variant = self._variant(text, shown, sid, region, kind, base, fast=True)
        except ContentError:
            variant = None
        if variant is not None and len(self.log.problems) == before:
            return variant
        del self.log.problems[before:]
        try:
            return self._variant(text, shown, sid, region, kind, base, fast=False)
        except ContentError as exc:
            self.log.extend(exc.problems)
            return None

    def _variant(self, text: str, shown: str, sid: str, region: str | None, kind: SectionKind,
                 base: SectionVariant | None, fast: bool) -> SectionVariant | None:
        doc = split_front_matter(text, shown, fast=fast)
        meta = doc.meta
        allowed = OVERRIDE_KEYS if region else SECTION_KEYS
        self._unknown_keys(meta, allowed, shown, "front matter", offset=doc.meta_offset,
                           extra_hint="an override cannot change 'regions' or 'app'" if region else "")
        line = lambda key, default=None: line_of(meta, key, default, doc.meta_offset)  # noqa: E731

        title = meta.get("title", base.title if base else None)
        if not title or not isinstance(title, str):
            self.log.add(shown, line("title", 2), "section has no title", "add 'title: …' to the front matter")
            title = sid
        if kind is SectionKind.APP and not base and "app" in meta and not isinstance(meta["app"], dict):
            self.log.add(shown, line("app"), "'app' must be a mapping", "write 'app: {name: …, platforms: [...]}'")
        if kind is SectionKind.SECTION and "app" in meta:
            self.log.add(shown, line("app"), "'app' is only allowed in apps/ sections",
                         "move the file to apps/ or remove 'app:'")
        facts = base.facts if base else None
        if "declares" in meta or facts is None:
            facts, fact_problems = parse_facts(meta.get("declares"))
            declares = meta.get("declares")
            for fp in fact_problems:
                node = declares.get(fp.key) if isinstance(declares, dict) else None
                fl = (line_of(node, fp.index, None, doc.meta_offset) if fp.index is not None else None) \
                    or line_of(declares, fp.key, None, doc.meta_offset) or line("declares", 2)
                self.log.add(shown, fl, fp.message, fp.hint)
        show_heading = meta.get("heading", base.show_heading if base else True)
        if not isinstance(show_heading, bool):
            self.log.add(shown, line("heading"), "'heading' must be true or false",
                         "write 'heading: false' to hide the section title")
            show_heading = True
        app = base.app if base else None
        if not base and isinstance(meta.get("app"), dict):
            spec = meta["app"]
            self._unknown_keys(spec, ("name", "platforms"), shown, "'app'", offset=doc.meta_offset)
            app = AppInfo(str(spec.get("name") or title), tuple(str(p) for p in spec.get("platforms") or ()))
        elif kind is SectionKind.APP and not base:
            app = AppInfo(str(title))
        if kind is SectionKind.APP and not base and not meta.get("owner"):
            self.log.add(shown, 2, "app section has no owner",
                         "add 'owner: <team>' so the product team is asked to review its changes")
        based_on = meta.get("based_on") if region else None
        if based_on is not None and not (isinstance(based_on, str) and DIGEST.match(based_on)):
            self.log.add(shown, line("based_on"), "'based_on' must be the digest of the base text",
                         f"run: privacykit overrides --stamp {shown}")
            based_on = None
        return SectionVariant(
            section_id=sid, region=region, title=str(title), body=doc.body, source=shown, based_on=based_on,
            body_line=doc.body_line, show_heading=show_heading,
            owner=str(meta["owner"]) if meta.get("owner") else (base.owner if base else None),
            scope=self._scope(meta, shown, line) if not base else base.scope,
            facts=facts, app=app,
        )

    def _scope(self, meta, shown, line) -> RegionScope:
        raw = meta.get("regions")
        if raw is None:
            return RegionScope()
        if not isinstance(raw, dict) or not set(raw) <= {"only", "except"}:
            self.log.add(shown, line("regions"), "'regions' must have 'only:' or 'except:' with a list of regions",
                         "write e.g. 'regions: {only: [eu, uk]}'")
            return RegionScope()
        only = [str(r) for r in raw.get("only") or []]
        exclude = [str(r) for r in raw.get("except") or []]
        return RegionScope(tuple(only), tuple(exclude))

    def _check_scope(self, base: SectionVariant, regions: RegionSet) -> None:
        for rid in base.scope.only + base.scope.exclude:
            if rid not in regions:
                self.log.add(base.source, self._regions_line(base), f"unknown region '{rid}' in 'regions'",
                             vocab.suggest(rid, regions.ids))

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

    def _unknown_keys(self, mapping, allowed, shown, what, offset=0, extra_hint=""):
        for key in mapping:
            if key not in allowed:
                hint = vocab.suggest(str(key), allowed)
                if extra_hint:
                    hint = f"{extra_hint}; {hint}"
                self.log.add(shown, line_of(mapping, key, None, offset), f"unknown key '{key}' in {what}", hint)


def slugify(text: str) -> str:
    """A URL-safe anchor id for a heading."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return slug[:60].rstrip("-") or "section"


def load_project(root: Path | str, statements_dir: str = "statements",
                 default_region: str = "global") -> Project:
    """Load and validate a whole project; raise `ContentError` listing every problem."""
    loader = Loader(Path(root), statements_dir)
    if not loader.content_dir.is_dir():
        raise ContentError(Problem(loader.shown(loader.content_dir), None, "content folder not found",
                                   "run privacykit from the project root, or pass --root"))
    try:
        rules = load_rules(loader.content_dir, loader.root)
    except ContentError as exc:
        loader.log.extend(exc.problems)
        rules = load_rules()
    regions = loader.load_regions(rules.laws)
    statements: dict[str, Statement] = {}
    for folder in sorted(p for p in loader.content_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not (folder / "statement.yml").exists():
            loader.log.add(loader.shown(folder), None, "folder has no statement.yml",
                           "add statement.yml or move the folder out of statements/")
            continue
        statement = loader.load_statement(folder, regions)
        if statement is not None:
            statements[statement.id] = statement
    if not statements and not loader.log:
        loader.log.add(loader.shown(loader.content_dir), None, "no statements found",
                       "create statements/<id>/statement.yml")
    if len(regions) and default_region not in regions:
        loader.log.add(loader.shown(loader.content_dir / "regions.yml"), None,
                       f"default region '{default_region}' is not defined", "add it or change 'default_region'")
    loader.log.raise_if_any()
    return Project(str(loader.root), regions, MappingProxyType(statements), default_region, rules,
                   TranslationSet(loader.root))
