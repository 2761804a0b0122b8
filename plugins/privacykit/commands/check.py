"""`privacykit check`: validate the project; with `--against`, judge the draft like a release would."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..changes.redline import redline
from ..changes.report import PendingRelease, reversals, verdict_markdown
from ..changes.verdict import Verdict
from ..errors import ContentError, Problem
from ..load.anchors import fragment_anchors, link_warnings, statement_link_warnings
from ..load.overrides import override_problems, untracked_overrides
from ..load.project import load_project
from ..load.settings import ProjectSettings, pages_folder
from ..load.textfile import pages_folder_links
from ..model.document import ResolvedDocument
from ..model.statement import Project, SectionKind
from ..model.translation import BlockState
from ..publish.owners import changed_by_owner, owner_drift
from ..render import dates
from ..render.resolve import resolve_all
from ..translate.status import orphan_translations
from ..versions import lookup
from ..versions.gate import draft_verdict, gate_problems, kept_notes_problems, read_release_notes, recalled_problems
from ..versions.regional import versions_in
from ..versions.release import reads_as
from ..versions.rules_change import PREFIX as RULES
from ..versions.rules_change import rules_base as load_rules_base
from ..versions.rules_change import rules_gate
from ..versions.sent import record_problems, unsent_warnings
from ..versions.store import Version, VersionStore


@dataclass
class CheckResult:
    """What `check` found: a one-line summary, the Markdown report (with `--against`), the
    changes that stop a release (`problems`) and what deserves a look (`warnings`)."""

    summary: str
    report: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    translation_gaps: list[Problem] = field(default_factory=list)   # stale or untranslated blocks, one line each

    def stale_translations(self) -> list[Problem]:
        """The translation gaps `--strict` fails on: stale translations of blocks and release summaries."""
        from ..translate.status import is_stale

        return [p for p in self.translation_gaps if is_stale(p)]


def check(source: Path | str | ProjectSettings, against: str | None = None,
          today: dt.date | None = None, rules_base: str | None = None) -> CheckResult:
    """Validate everything (raise `ContentError` listing every problem); with `against` (a
    version name), also judge each statement's draft against that release, and the project's
    rules against those of `rules_base` (a git revision; see `versions/rules_change.py`)."""
    project = load_project(source)
    documents = resolve_all(project)
    drifted = override_problems(project)
    if drifted:
        raise ContentError(drifted)
    sections = sum(len(s.sections) for s in project.statements.values())
    gaps, gap_lines, gap_problems = _translations(project)
    untranslated = ""
    if gaps:
        stale = sum(1 for g in gaps if g.state is BlockState.STALE)
        untranslated = (f"; translations: {stale} stale and {len(gaps) - stale} untranslated blocks, "
                        "published as the release notes state")
    result = CheckResult(f"ok: {len(project.statements)} statements, {sections} sections, "
                         f"{len(project.regions)} regions, {len(documents)} resolved documents{untranslated}",
                         problems=gap_problems,
                         warnings=untracked_overrides(project) + _coverage(project, documents) + link_warnings(project)
                         + fragment_anchors(project) + statement_link_warnings(project)
                         + _dropped_text(project) + owner_drift(project) + heading_levels(project, documents)
                         + _computed(project) + orphan_translations(project),
                         translation_gaps=gap_lines)
    # The draft's release notes are read by `build` (the draft page) and `release`: what stops them
    # stops `check` too, with or without --against (which adds the gate's own problems).
    unreadable = []
    for statement in project.statements:
        notes_path = project.paths.release_notes(statement)
        try:
            notes = read_release_notes(notes_path, project.paths.shown(notes_path))
        except ContentError as exc:
            unreadable.extend(exc.problems)
            continue
        if against is None:
            result.problems.extend(notes.problems)
    result.problems.extend(unreadable)
    # What `build` refuses in the pages folder, said before the merge (sec45).
    pages = pages_folder(project.paths.config_file)
    if pages is not None:
        result.problems.extend(pages_folder_links(pages, project.paths.shown(pages)))
    # The records of notices sent, read whenever one exists; then the notices written for a release whose notice
    # period has begun, and not recorded as sent: warned.
    store = VersionStore(project.paths)
    records = record_problems(store, store.statements())
    result.problems.extend(records)
    if not records:
        result.warnings.extend(unsent_warnings(store, store.statements(), today or dates.clock_today()))
    if against is None or unreadable:
        return result
    name = lookup.VersionName.parse(against)
    tampered = store.verify(list(project.statements))
    if tampered:
        raise ContentError(tampered)
    reports = []
    verdicts: list[Verdict] = []
    rule_acks: list = []
    for statement in project.statements:
        drafts = {r: documents[(s, r)] for s, r in documents if s == statement}
        versions = store.versions(statement)
        version = lookup.find(versions, name, today or dates.clock_today())
        if version is None and name.selector is lookup.Selector.DATE:
            store.get(statement, str(name))  # raises, naming the known versions
        if not versions:
            reports.append(f"## Privacy statement `{statement}`\n\n{_nothing_to_compare(store, statement)}\n")
            continue
        # The draft is judged as its release will be, against the latest release and with the draft's
        # notes; the releases after the version asked about were judged when released, and their
        # acknowledgements stand (so the gate and the next release never ask for different notes).
        latest = versions[-1]
        pending = [v for v in versions if version is None or v.effective_date > version.effective_date]
        verdict = draft_verdict(project, store, statement, latest, drafts=drafts)
        notes_path = project.paths.release_notes(statement)
        notes = read_release_notes(notes_path, project.paths.shown(notes_path))
        verdicts.append(verdict)
        rule_acks += [(a, notes.shown) for a in notes.acknowledgements if a.change.startswith(RULES)]
        reports.append(_statement_report(project, store, verdict.acknowledged(notes.acknowledgements), latest,
                                         drafts, version, pending))
        reports.extend(_recalls_to_send(store, statement, today or dates.clock_today()))
        if notes.problems:
            # Notes read in part (an entry of the wrong shape): the comment says what stops the gate there.
            from ..changes.report import md_text

            reports.append(f"### The release notes of `{statement}` need fixing\n\n"
                           + "".join(f"- {md_text(str(problem))}\n" for problem in notes.problems))
        # Notes kept with the latest release and never reset stop `check` as they stop `release` (fix44); with
        # the draft still that release's text, `release` finishes the stopped release instead, and so says `check`.
        kept = kept_notes_problems(store, latest, notes)
        if kept and reads_as(store, latest, drafts):
            kept = []
            result.warnings.append(Problem(notes.shown, None, f"these release notes are the ones kept with the release "
                                           f"of {latest.id}, never reset (a release stopped before it reset them?)",
                                           f"finish it: privacykit release {statement} --effective {latest.id}"))
        result.problems.extend(kept + gate_problems(verdict, notes)
                               + recalled_problems(store, statement, latest, verdict, notes))
        result.warnings.extend(notes.warnings)
    rules_report, rules_problems = rules_gate(load_rules_base(project, rules_base), project.rules, verdicts,
                                              rule_acks, project.paths.shown(project.paths.rules),
                                              project.paths.rules.exists())
    result.problems.extend(rules_problems)
    stale_lines = result.stale_translations()
    if stale_lines:
        # Readers of a stale block get the English text: the reviewers of the pull request see which (i18n44).
        from ..changes.report import md_text

        reports.append(f"## Stale translations ({len(stale_lines)})\n\nReaders of these regions get the source text of "
                       "these blocks until they are translated again:\n\n"
                       + "".join(f"- {md_text(str(problem))}\n" for problem in stale_lines))
    result.report = "\n".join(([rules_report] if rules_report else []) + reports)
    return result


def input_problems_report(problems: list[Problem]) -> str:
    """The Markdown report of a check that could not judge the draft: every input problem, one line
    each as `check` prints it (where, what is wrong, what to do), for the pull-request comment."""
    from ..changes.report import md_text

    lines = ["## privacykit check: the draft could not be judged", "",
             "The project has input problems; fix each (the file and line say where), then push again "
             "and the check runs again.", ""]
    lines += [f"- {md_text(str(problem))}" for problem in problems]
    return "\n".join(lines) + "\n"


def _dropped_text(project: Project) -> list[Problem]:
    """One warning per section file whose text readers would partly never see, though it is not inside a
    closed <style>, <script> or comment: an element left open, or markup the sanitizer removes with
    the words inside it (sec43). Only bodies with a '<' are converted."""
    from ..render.markdown import dropped_text, hidden_elements

    warnings = []
    for statement in project.statements.values():
        for section in statement.sections.values():
            for variant in (section.base, *section.overrides.values()):
                found = dropped_text(variant.body) if "<" in variant.body else None
                if found:
                    warnings.append(Problem(variant.source, variant.body_line + found[0] - 1,
                                            f"text readers never see: {found[1]}",
                                            "close the element, or write the markup as text (in backticks)"))
                # A closed <script> or <style> is dropped whole, with what it holds (author44): said, not silent.
                for start, end, what in hidden_elements(variant.body) if "<" in variant.body else ():
                    element = variant.body[start:end]
                    closed = re.search(r">(.*)</(?:style|script)\s*>\Z", element, re.I | re.S)
                    if what != "an HTML comment" and closed and closed.group(1).strip():
                        warnings.append(Problem(variant.source, variant.body_line + variant.body.count("\n", 0, start),
                                                f"{what} is dropped: pages, the legal record and the redline leave "
                                                "it out", "remove it (content is text; the theme styles pages), or "
                                                "write it as text in backticks"))
    return warnings


def _computed(project: Project) -> list[Problem]:
    """One warning per template tag of a section file that computes its text (`{{ 7*7 }}`, a filter, a loop)
    rather than naming a plain variable (author44): content may only use plain variables."""
    from ..render.sandbox import computed_expressions

    warnings = []
    for statement in project.statements.values():
        for section in statement.sections.values():
            for variant in (section.base, *section.overrides.values()):
                for line, tag in computed_expressions(variant.body):
                    warnings.append(Problem(variant.source, variant.body_line + line - 1,
                                            f"template '{tag}' computes text: content may only use plain variables "
                                            "such as {{ company }} or {{ region.privacy_email }}",
                                            "write the text itself, or define a variable in statement.yml or "
                                            "regions.yml (write {{ '{{' }} for a literal brace)"))
    return warnings


_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")


def heading_levels(project: Project, documents: dict) -> list[Problem]:
    """One warning per heading inside a section's text at a level the page cannot place (author44). A section's
    title is an h3 (an app nested in a section: h4; one level deeper per nesting), under its top heading's h2, so
    its own headings go one level below the title and one level at a time down to h6: a `#` or `##` would stand
    above the statement's parts (an h1 is not published), a heading at the title's level reads as the next
    section, and `######` under an h4 skips levels a screen reader lists."""
    from ..render.markdown import fenced_lines

    depths: dict[tuple[str, str], int] = {}
    for (statement, _region), document in documents.items():
        for section in document.sections:
            depths.setdefault((statement, section.id), 2 + section.depth + (1 if section.show_heading else 0))
    warnings = []
    for statement in project.statements.values():
        for section in statement.sections.values():
            title = depths.get((statement.id, section.id))
            if title is None:
                continue
            for variant in (section.base, *section.overrides.values()):
                if "#" not in variant.body:
                    continue
                lines = variant.body.split("\n")
                fenced, _ = fenced_lines(lines)
                above = title
                for i, line in enumerate(lines):
                    m = _ATX_HEADING.match(line) if i not in fenced and "#" in line else None
                    if m is None:
                        continue
                    level, text = len(m.group(1)), (m.group(2) or "").strip()
                    if title < level <= above + 1:
                        above = level
                        continue
                    allowed = min(title + 1 if level <= title else above + 1, 6)
                    why = ("a page's only h1 is its title, so an h1 here is published as plain text" if level == 1 else
                           f"an h{level} stands at or above the section title (h{title})" if level <= title else
                           f"it skips from h{above} to h{level}")
                    kind = "an app section" if section.kind is SectionKind.APP else "a section"
                    warnings.append(Problem(
                        variant.source, variant.body_line + i,
                        f"heading '{m.group(1)} {text}' is at level {level}: {why}",
                        f"write it as '{'#' * allowed} {text}' (in {kind} whose title is an h{title}, headings go "
                        f"from h{min(title + 1, 6)} to h6, one level at a time)"))
                    above = allowed      # read on as if written at the level it should have
    return warnings


def _coverage(project: Project, documents: dict) -> list[Problem]:
    """One warning per value a section's text names that its `declares:` does not cover, at the line
    of the sentence that names it (else of its `declares:`): the prose is what readers see; the facts
    are what is compared."""
    from ..changes.coverage import document_gaps
    from ..changes.terms import project_lexicon

    warnings = []
    declares_line: dict[str, int] = {}
    texts: dict[str, list[str]] = {}
    said: set[tuple[str, str]] = set()
    for source, gap in document_gaps(documents.values(), project_lexicon(project.vocabulary),
                                     project.vocabulary.recipient_keys()):
        # A section's text reads the same in every region that shows it (its translations aside, which are
        # read in English): one warning per file and gap, not one per region (counsel43).
        if (source, gap.message()) in said:
            continue
        said.add((source, gap.message()))
        if source not in declares_line:
            try:
                text = (project.paths.root / source).read_text("utf-8")
            except OSError:
                text = ""
            texts[source] = text.splitlines()
            found = [i for i, line in enumerate(texts[source], 1) if line.startswith("declares:")]
            declares_line[source] = found[0] if found else 1
        line = _sentence_line(texts[source], gap.sentence, gap.words) or declares_line[source]
        warnings.append(Problem(source, line, gap.message(), gap.hint()))
    return warnings


def _sentence_line(lines: list[str], sentence: str, words: str) -> int | None:
    """The line of a section file's body where `sentence` names `words` (author44: a gap is the sentence's, and
    the writer fixes it there or in `declares:`), None when no line of the body holds the words."""
    fences = [i for i, line in enumerate(lines) if line.strip() == "---"]
    start = fences[1] + 1 if len(fences) > 1 and fences[0] == 0 else 0
    wanted = words.casefold()
    opening = " ".join(sentence.split()[:4]).casefold()
    holding = [i for i in range(start, len(lines)) if wanted and wanted in " ".join(lines[i].split()).casefold()]
    best = next((i for i in holding if opening and opening in " ".join(lines[i].split()).casefold()), None)
    opened = [i for i in range(start, len(lines)) if opening and opening in " ".join(lines[i].split()).casefold()]
    found = [best] if best is not None else holding or opened
    return found[0] + 1 if found else None


def _translations(project: Project) -> tuple[list, list[Problem], list[Problem]]:
    """Stale and untranslated blocks, their lines for the report, and what stops a release: a
    region that would read them while the release notes do not say how it is published."""
    from ..translate.status import (
        gap_report,
        needless_entries,
        notes_line,
        published_as,
        summary_gaps,
        translation_gaps,
    )
    from ..translate.status import gate_problems as translation_gate

    refused = project.translations.refused() if project.translations is not None else []
    if refused:
        raise ContentError(refused)
    gaps = translation_gaps(project)
    summaries = summary_gaps(project) if project.translations is not None else []
    problems: list[Problem] = []
    needless: list[Problem] = []        # (warnings, year45)
    for statement in project.statements:
        path = project.paths.release_notes(statement)
        notes = read_release_notes(path, project.paths.shown(path))
        published, wrong = published_as(notes.located or notes.meta, notes.shown, project.regions)
        folder = project.paths.shown(project.paths.statement(statement)) + "/"
        own = [g for g in gaps if g.source_file.startswith(folder)]
        line = notes_line(notes.located or notes.meta, notes.text)
        needless += needless_entries(own, published, notes.shown, line)
        if gaps:
            problems += wrong + translation_gate(own, published, notes.shown, line)
    return gaps, gap_report(gaps) + summaries + needless, problems


def _recalls_to_send(store: VersionStore, statement: str, today: dt.date) -> list[str]:
    """The recall notices of releases withdrawn before their date, while the date is still ahead (withdraw44):
    their readers were told of a change that will not come, and the team sends each region its recall."""
    withdrawals, _ = store.withdrawals(statement)
    lines = [f"- `{w.id}` (withdrawn on {w.withdrawn_on}: {w.reason}): send `{w.shown}/notices/` to the readers "
             f"of {', '.join(w.recall_regions())}, who were told of it" for w in withdrawals
             if w.recall_regions() and w.release > today]
    if not lines:
        return []
    return ["### Withdrawn after its notices were written: recall notices to send\n\n"
            "Readers were told of these releases, which will not take effect; each region's recall (e-mail and "
            "in-app, in the language of the first notice) says so.\n\n" + "\n".join(lines) + "\n"]


def _nothing_to_compare(store: VersionStore, statement: str) -> str:
    if not store.versions(statement):
        return "Not released yet: nothing to compare."
    return "No release to compare with."


def _statement_report(project: Project, store: VersionStore, verdict: Verdict, latest: Version,
                      drafts: dict[str, ResolvedDocument], compared: Version | None,
                      pending: list[Version]) -> str:
    """The verdict of one statement's draft (with what readers will read of each change), the
    releases not yet in force with their recorded decisions, the redline of the default region
    from the version asked about, and who must review."""
    from ..changes.reader import ReaderWords, reader_line, titles_of
    from ..render.templates import TemplateSet

    statement = verdict.statement
    region = project.default_region
    since = compared or latest
    result = redline(store.document(since, region), drafts[region], since.id, "draft") \
        if region in since.regions else None
    owner_of = {s: project.statements[statement].owner_of(s) for s in project.statements[statement].sections}
    owners: dict[str, list[str]] = {}
    for rid in since.regions:
        if rid in drafts:
            changed = redline(store.document(since, rid), drafts[rid])
            for owner, ids in changed_by_owner(changed, owner_of).items():
                owners[owner] = sorted(set(owners.get(owner, [])) | set(ids))
    words = ReaderWords.of(TemplateSet(project.paths.templates), "en", project.regions.source_language(region) or "en",
                           project.vocabulary.recipient_names())
    titles = titles_of(drafts[region].in_source_language()) if region in drafts else {}
    lines = {f.ref: reader_line(f, words, titles).text for f in verdict.merged_findings()}
    # A pending release is a version only where it changes what a region publishes (versions44): the table
    # names the regions it includes where it is none, as the site, the API and the feeds leave it out there.
    regions = sorted({r for v in pending for r in v.regions})
    versions = {r: {v.id for v in versions_in(store, statement, r)} for r in regions} if pending else {}
    releases = tuple(PendingRelease(v.id, v.id, v.verdict, tuple(r for r in v.regions if v.id not in versions[r]))
                     for v in pending)
    # (a reduction that takes back what an earlier release told readers: the report suggests a notice, gate43)
    taken_back = tuple(reversals(verdict, store.versions(statement)))
    for item in taken_back:
        finding = next(f for f in verdict.merged_findings() if f.ref == item.ref)
        lines.setdefault(item.ref, reader_line(finding, words, titles).text)
    # A region in the project that no release includes yet (added to regions.yml) is published for the
    # first time by the next release: the table shows it too (release43). A region an earlier release published
    # is judged against its last published text (`gate.judged_against`): its row is the verdict's.
    new_regions = tuple((rid, project.regions.laws(rid), len(drafts[rid].sections)) for rid in drafts
                        if rid not in latest.regions and verdict.region(rid) is None)
    return verdict_markdown(verdict, {region: result} if result and result.changed else {}, owners, lines, releases,
                            compared.id if compared else ("nothing in force" if pending else None), taken_back,
                            new_regions)
