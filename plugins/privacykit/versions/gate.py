"""The gate: what a draft changes against a release, and whether it may be published.

Used by `privacykit check --against` (CI on a pull request) and by
`privacykit release`, so both refuse the same unacknowledged changes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..changes.redline import Redline
from ..changes.terms import project_lexicon
from ..changes.verdict import Acknowledgement, Decision, Verdict, statement_verdict
from ..errors import ContentError, Problem
from ..load.frontmatter import split_front_matter
from ..load.validate import validate
from ..load.yamlio import dump_yaml, line_of, plain, read_text
from ..model.document import ResolvedDocument
from ..model.files import ReleaseNotesFront
from ..model.paths import NOTES_FILE
from ..model.rules import Action
from ..model.statement import Project
from ..render.resolve import resolve
from .rules_change import PREFIX as RULES
from .store import Version, VersionStore, written_summaries


@dataclass(frozen=True)
class ReleaseNotes:
    """A release's notes: the text kept with it, its summary and the writer's acknowledgements."""

    path: Path
    shown: str
    text: str
    summary: str
    acknowledgements: tuple[Acknowledgement, ...]
    problems: tuple[Problem, ...]
    meta: dict = field(default_factory=dict)   # the front matter as plain data
    located: Any = None          # the front matter as read, with line numbers (for messages)
    summaries: dict[str, str] = field(default_factory=dict)   # the summary's translations, by language
    warnings: tuple[Problem, ...] = ()   # what was read other than as written (an id with HTML entities)

    @property
    def say_nothing(self) -> bool:
        """No summary, no acknowledgement and no words under the front matter: the notes a release leaves for the
        next one (a decision about translations it carries over is no one release's), as written or read."""
        body = self.text.partition("\n---\n")[2] if self.text.startswith("---") else self.text
        return not (self.summary.strip() or self.summaries or self.acknowledgements or self.problems or body.strip())


def draft_notes_path(project: Project, statement: str) -> Path:
    """Where the draft's release notes live (`release-notes.md` in the statement's folder)."""
    return project.paths.release_notes(statement)


def read_release_notes(path: Path | None, shown: str | None = None) -> ReleaseNotes:
    """Release notes with their front matter; a missing file is empty notes."""
    if path is None or not path.exists():
        return ReleaseNotes(path or Path(NOTES_FILE), shown or NOTES_FILE, "", "", (), ())
    shown = shown or path.as_posix()
    text = read_text(path, shown)
    if not text.startswith("---"):
        return ReleaseNotes(path, shown, text, "", (), ())
    doc = split_front_matter(text, shown)
    front, problems = validate(ReleaseNotesFront, doc.meta, shown, doc.meta, doc.meta_offset, 2)
    meta = plain(doc.meta)
    if front is None:
        return ReleaseNotes(path, shown, text, "", (), tuple(problems), meta, doc.meta)
    listed = doc.meta.get("acknowledge") if isinstance(doc.meta, dict) else None
    acknowledgements = []
    warnings = []
    for i, a in enumerate(front.acknowledge or ()):
        line = line_of(listed, i, None, doc.meta_offset)
        change = html.unescape(a.change)
        if change != a.change:
            # An id copied from a rendered page or an older report (`-&gt;`): read as the id it stands for,
            # and said, with the exact id to write (gate43).
            warnings.append(Problem(shown, line, f"acknowledgement '{a.change.strip()}' has HTML entities "
                                                 f"(copied from a rendered page); read as '{change.strip()}'",
                                    "write the id so, as `check` prints it"))
        acknowledgements.append(Acknowledgement.written(change, Decision(a.decision), a.reason or "", line, a.by))
    return ReleaseNotes(path, shown, text, front.summary or "", tuple(acknowledgements), (), meta, doc.meta,
                        written_summaries(doc.meta), tuple(warnings))


# Said above the translations a release keeps in the next notes (gate42).
KEPT_TRANSLATIONS = ("Kept from the last release: these regions still read stale or untranslated\n"
                     "blocks, published as this says until they are translated (then remove them).")


def next_notes(statement: str, translations: Mapping[str, str] | None = None) -> str:
    """The text of empty release notes for the next release of `statement`: front matter with an empty
    `summary:` and `acknowledge: []`, and `translations` (region -> how it is published) as one flow
    mapping when given, written by the round-trip YAML writer (a region id YAML reads as a number quoted)."""
    front = CommentedMap([("summary", None), ("acknowledge", CommentedSeq())])
    front.yaml_set_start_comment(f"Release notes of the next {statement} release (see README).")
    if translations:
        held = CommentedMap(translations)
        held.fa.set_flow_style()
        front["translations"] = held
        front.yaml_set_comment_before_after_key("translations", before=KEPT_TRANSLATIONS)
    return f"---\n{dump_yaml(front)}---\n"


def reset_release_notes(path: Path, statement: str, translations: Mapping[str, str] | None = None) -> None:
    """Leave empty release notes for the next release (the old ones went with the release).

    `translations` (region -> how it is published) are the decisions about translations that still
    hold after the release (gate42): its regions still read stale or untranslated blocks, so the next
    draft is published the same way until they are translated. Acknowledgements never carry over:
    they were decisions about the changes just released. The fresh notes name no release (chain44): two
    branches that both released then leave the same notes, which merge cleanly, and a release withdrawn
    later is never named as the one the decisions were kept from."""
    from ..atomic import replace_file

    replace_file(path, next_notes(statement, translations).encode("utf-8"))


def offer_withdrawn_notes(path: Path, statement: str, name: str, reason: str, kept: str, shown: str) -> bool:
    """Offer the front matter of the notes of the release withdrawn as `name` (its folder under withdrawn/, the
    release's date, `-2`… when a date was withdrawn again; `kept`, from `shown`) back in the draft's notes at
    `path`, as a commented block inside their front matter (chain44): the summary and the decisions were
    written for a text the next release mostly brings again, but they are the team's to take back, line by
    line, since the changes were judged against another release. Once per release; False when nothing was
    written (offered already, or the withdrawn notes have no front matter)."""
    from ..atomic import replace_file

    lines = kept.split("\n")
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None) \
        if lines and lines[0].strip() == "---" else None
    if end is None or end == 1:
        return False
    marker = f"# The withdrawn release {name} said"
    text = read_text(path, path.name) if path.is_file() else next_notes(statement)
    if marker in text:
        return False
    block = [f"{marker} ({' '.join(reason.split())}); its notes are in {shown}.",
             "# Uncomment what still holds for this draft, merged into its keys (YAML keeps one of each): one",
             "# summary: (in place of an empty one), and the entries under one acknowledge: (remove the empty",
             "# `acknowledge: []` and any repeated key line, as when two withdrawn releases are offered back):"]
    # (the notes' own comments, their header first, stay in the kept notes: uncommented, the block is YAML only, fix44)
    block += [f"# {line}".rstrip() for line in lines[1:end] if not line.lstrip().startswith("#")]
    draft = text.split("\n")
    close = next((i for i, line in enumerate(draft[1:], 1) if line.strip() == "---"), None) \
        if draft and draft[0].strip() == "---" else None
    if close is None:       # (notes without front matter: the block opens one)
        draft = ["---", *block, "---", *draft]
    else:
        draft[close:close] = block
    replace_file(path, "\n".join(draft).encode("utf-8"))
    return True


def judged_against(store: VersionStore, statement: str, against: Version) -> dict[str, Version]:
    """Region -> the release whose text a draft's verdict in that region compares with: `against` for the regions
    it publishes, and, for a region `against` left out that an earlier release published, the last release that
    published it. Restored, the region begins a version whose page redlines it against that text (the site's
    "previous version"), the last its readers were given as theirs: its verdict and notices compare with it too."""
    last: dict[str, Version] = {}
    for release in store.versions(statement):
        if release.effective_date > against.effective_date:
            break
        last.update(dict.fromkeys(release.regions, release))
    return last


def documents_of(project: Project, store: VersionStore, statement: str,
                 version: Version) -> dict[str, ResolvedDocument]:
    """The texts a draft is judged against, by region (`judged_against` `version`)."""
    return {region: store.document(release, region)
            for region, release in judged_against(store, statement, version).items() if region in project.regions}


def draft_verdict(project: Project, store: VersionStore, statement: str, against: Version,
                  new_label: str = "draft", drafts: dict[str, ResolvedDocument] | None = None,
                  redlines: Mapping[str, Redline] | None = None) -> Verdict:
    """The verdict of the draft (or `drafts`) against release `against`, in every region
    (`redlines`: those from `against` to the drafts the caller already made, by region)."""
    drafts = drafts or {r.id: resolve(project, statement, r.id) for r in project.regions}
    _say_when_large(statement, drafts)
    return statement_verdict(statement, documents_of(project, store, statement, against), drafts,
                             project.regions.laws, project.rules, against.id, new_label,
                             project_lexicon(project.vocabulary), redlines)


# A section this long (a pasted table) takes the detector a while in every region: say so before starting.
LARGE_SECTION = 200_000


def _say_when_large(statement: str, drafts: Mapping[str, ResolvedDocument]) -> None:
    """One line on stderr per section of `LARGE_SECTION` characters or more (author44): `check --against` and
    `build` read such a section sentence by sentence in every region, minutes for 1 MB, and say why they wait."""
    from ..terminal import echo

    large: dict[str, int] = {}
    for document in drafts.values():
        for section in document.sections:
            if len(section.markdown) >= LARGE_SECTION:
                large[section.id] = max(large.get(section.id, 0), len(section.markdown))
    for sid, size in large.items():
        echo(f"{statement}: section '{sid}' is {size // 1000:,} KB: reading its changes in {len(drafts)} regions "
             "may take minutes (a table that long reads better as its own page or a download)", err=True)


def gate_problems(verdict: Verdict, notes: ReleaseNotes) -> list[Problem]:
    """What stops a release: problems in the notes, unacknowledged changes, stale acknowledgements."""
    # (an entry the notes' problems name, such as one with an empty reason, is told once, by its own line: gate43)
    listed = notes.meta.get("acknowledge") if notes.problems and isinstance(notes.meta, dict) else None
    named = [html.unescape(str(a["change"])) for a in listed or () if isinstance(a, dict) and a.get("change")] \
        if isinstance(listed, list) else []
    # (an acknowledgement of a weakened rule, `rules:<law>:<kind>`, is the rules gate's: gov44)
    changes = [a for a in notes.acknowledgements if not a.change.startswith(RULES)]
    return list(notes.problems) + verdict.unacknowledged(changes, notes.shown, named)




def notes_kept_with(store: VersionStore, version: Version, notes: ReleaseNotes) -> bool:
    """The release notes `notes` are, word for word, those kept with `version` (written for it, never reset).
    Notes that say nothing were written for no release: a release that needed no decision keeps the fresh notes
    it was made with, and the fresh notes it leaves read the same; they were refused for the next release."""
    return not notes.say_nothing and notes.text == store.notes(version)


def kept_notes_problems(store: VersionStore, last: Version | None, notes: ReleaseNotes) -> list[Problem]:
    """The draft's notes are, word for word, those kept with the latest release `last` (written for it and never
    reset: a release stopped before it reset them): their summary and decisions are that release's, never the
    next one's (chain44). One function for `release` and `check --against`, which refuse them alike (fix44)."""
    if last is None or not notes_kept_with(store, last, notes):
        return []
    return [Problem(notes.shown, None, f"these release notes are the ones kept with the release of {last.id} (a "
                    "release stopped before it reset them?): they were written for it",
                    f"write this release's summary and acknowledgements (the notes of {last.id} stay in "
                    f"{last.shown}/notes.md)")]


def rules_acknowledgements(project: Project, statement: str, notes: ReleaseNotes) -> list[tuple[Acknowledgement, str]]:
    """The `rules:` acknowledgements the rules gate reads, with the notes they are in (gov44): those of `notes`
    (the release's, for `statement`) and of every other statement's draft notes, as `check --against` reads
    them all (fix44: a weaker rule acknowledged once holds for every statement's release)."""
    found = [(a, notes.shown) for a in notes.acknowledgements if a.change.startswith(RULES)]
    for other in project.statements:
        if other == statement:
            continue
        path = project.paths.release_notes(other)
        try:
            read = read_release_notes(path, project.paths.shown(path))
        except ContentError:
            continue        # (`check` names it)
        found += [(a, read.shown) for a in read.acknowledgements if a.change.startswith(RULES)]
    return found


def recalled_problems(store: VersionStore, statement: str, latest: Version | None, verdict: Verdict,
                      notes: ReleaseNotes) -> list[Problem]:
    """Changes of the draft that a release withdrawn since `latest` (the release the draft follows) told
    readers of, decided `notify` or `consent`, and that the draft's notes no longer decide (withdraw44).

    A withdrawal resets nothing in the draft but its release took the notes with it: the same change
    released again would otherwise go out without the notice its readers were promised then recalled
    from, whenever the rules alone leave it editorial (a translation that changed meaning, a region's
    own text). Each is one problem until the notes decide it again."""
    if latest is None:
        return []
    withdrawals, _ = store.withdrawals(statement)
    told: dict[str, tuple[str, str]] = {}
    for withdrawal in withdrawals:
        if withdrawal.name in latest.withdrawn or withdrawal.release <= latest.effective_date:
            continue        # (withdrawn before `latest` was made: judged again by it already)
        try:
            kept = store.withdrawn_release(withdrawal)
        except ContentError:
            continue        # (`verify` names it)
        if kept.verdict is None or kept.verdict.undecided:
            continue
        for region in kept.verdict.regions:
            for finding in region.findings:
                if finding.acknowledged is not None and finding.decided in (Action.NOTIFY, Action.CONSENT):
                    told.setdefault(finding.id, (finding.decided.value, withdrawal.id))
    decided = {a.change for a in notes.acknowledgements}
    material = verdict.material_ids()       # (the gate asks for those already)
    problems = []
    for finding in verdict.merged_findings():
        if finding.id in told and finding.id not in decided and finding.id not in material:
            how, release_id = told[finding.id]
            problems.append(Problem(notes.shown, None, f"change '{finding.ref}' was decided {how} in release "
                                    f"{release_id}, withdrawn after its readers were told (they get a recall): "
                                    "decide it again",
                                    "add it under 'acknowledge:' with a decision and a reason (its decision "
                                    f"then is in versions/{statement}/withdrawn/{release_id}/release/notes.md)"))
    return problems
