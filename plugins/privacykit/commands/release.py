"""`privacykit release`: freeze a statement's draft, then reset its release notes for the next one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, Problem, UsageError, refuse_warnings
from ..evidence.attest import Attestor
from ..load.overrides import override_problems, untracked_overrides
from ..load.project import load_project
from ..load.settings import ProjectSettings
from ..model.region import primary_language
from ..model.statement import Project
from ..render import dates
from ..render.dates import build_date
from ..render.templates import TemplateSet
from ..versions.gate import offer_withdrawn_notes
from ..versions.notices import render_recalls
from ..versions.release import Withdrawn, release, rerun_of, withdraw
from ..versions.rules_change import rules_base as load_rules_base
from ..versions.store import Version, VersionStore, notice_region, notice_regions


@dataclass
class ReleaseResult:
    """The new release, the draft's notes file if it was reset for the next one, and warnings."""

    version: Version
    notes_reset: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    attestor: Attestor | None = None
    # A release run again for the date and draft of the latest one (chain44): "finished" when the notes it kept
    # were reset now (a release stopped before the reset), "already" when nothing was left to do.
    rerun: str | None = None


def release_draft(source: Path | str | ProjectSettings, statement: str, effective: str, notes: Path | None = None,
                  force_notice: str | None = None, today: dt.date | None = None, strict: bool = False,
                  sign_key: Path | None = None, timestamp_url: str | None = None,
                  record_past: str | None = None, rules_base: str | None = None) -> ReleaseResult:
    """Release `statement` effective `effective` (YYYY-MM-DD) with `notes` (default: the draft's
    own release notes, which are then reset). Raise, writing nothing, on any problem; with
    `strict`, on any warning too. The release is signed with `sign_key` and timestamped by the
    authority at `timestamp_url` (or the project's `timestamp:` setting). The project's rules are compared
    with those of `rules_base` (a git revision; by default the last release's commit), as `check --against`
    compares them: a weakened rule stops the release until the notes acknowledge it (fix44)."""
    if notes is not None and not notes.is_file():
        if notes.exists():     # (/dev/null, a pipe, a folder: there, but no file of notes, gate43)
            raise UsageError(Problem(str(notes), None, "release notes must be a regular file, and this is not one",
                                     "give a Markdown file (for no acknowledgements, one with "
                                     "'---\\nsummary: …\\nacknowledge: []\\n---')"))
        raise UsageError(Problem(str(notes), None, "release notes file not found", "check the path"))
    project = load_project(source)
    store = VersionStore(project.paths)
    known = statement in project.statements
    # The day the release is made and judged by: today in UTC by the clock (withdraw44). The build-date
    # variables date builds only: one set in the past must not let a release give less notice than the
    # rules ask, nor back-date its record (`released:`, which dates its feed entry).
    today = today or dates.clock_today()
    signers = store.shown(store.base / "allowed_signers")
    attestor = Attestor.for_release(store.evidence(), sign_key, timestamp_url, signers)
    attestor.check_key(signers)     # a key that cannot sign is one line, before anything is written
    # The history is verified inside the release's lock.
    # An override behind its base would publish an outdated promise in its region.
    problems = override_problems(project, statement) if known else []
    if problems:
        raise ContentError(problems)
    warnings = untracked_overrides(project, statement) if known else []
    earlier = store.versions(statement) if known else []
    language_warnings = notice_warnings(project) if earlier and strict else []
    warnings += far_ahead_warnings(effective, today, statement, strict)
    # (--strict refuses before anything is written, on every region whose notices would be in English)
    refuse_warnings(warnings + language_warnings, strict)
    draft_notes = project.paths.release_notes(statement) if known else None
    rerun = rerun_of(project, store, statement, effective, draft_notes if notes is None else None)
    if rerun is not None:
        return ReleaseResult(rerun.version, draft_notes if rerun.finished else None, warnings,
                             attestor, "finished" if rerun.finished else "already")
    version = release(project, store, statement, effective, notes or draft_notes, today=today,
                      force_notice=force_notice, reset_notes=notes is None,
                      attest=attestor.attest if attestor.active else None,
                      timestamping=attestor.timestamp_url is not None, record_past=record_past,
                      rules=load_rules_base(project, rules_base) if known else None)
    # Only a region the release wrote notices for is told its notices are in English (an editorial release
    # writes none), and a region the release publishes for the first time is named: it gets no verdict and
    # no notice, though its readers may have read its parent's text before (i18n44).
    noticed = set(notice_regions(version.files))
    if earlier:
        warnings += notice_warnings(project, noticed) + first_publication_warnings(project, earlier, version)
    if notes is None and draft_notes is not None and draft_notes.exists():
        return ReleaseResult(version, draft_notes, warnings, attestor)
    return ReleaseResult(version, None, warnings, attestor)


def notice_warnings(project: Project, noticed: set[str] | None = None) -> list[Problem]:
    """What a release's notices cannot do well: link absolutely without `site_url`, or speak a region's
    language the catalog has no texts in (of the regions in `noticed`, those the release wrote notices for,
    when given). A release that wrote no notice (an editorial one) is told nothing of them: every such release
    of a new project warned of the missing `site_url` for notices it never wrote."""
    config = project.paths.shown(project.paths.config_file)
    warnings = []
    if not project.site_url and (noticed is None or noticed):
        warnings.append(Problem(config, None, "no site_url: notices link to the redline by a path (/<region>/…), "
                                "which an e-mail cannot open", "set site_url to the address the site is published at"))
    templates = TemplateSet(project.paths.templates)
    for region in project.regions:
        if noticed is not None and region.id not in noticed:
            continue
        if not templates.speaks(region.locale):
            language = primary_language(region.locale)
            warnings.append(Problem(project.paths.shown(project.paths.templates / "strings.yml"), None,
                                    f"no '{language}' texts: notices to region '{region.id}' ({region.locale}) "
                                    "are in English", f"add '{language}:' texts to the catalog"))
    return warnings


def first_publication_warnings(project: Project, earlier: Sequence[Version], version: Version) -> list[Problem]:
    """A region `version` publishes that the release before it (the last of `earlier`) did not: no verdict or
    notice is written for it, yet its readers may have read another region's text before (de under eu), now
    replaced by its own. A region an earlier release published and a later one left out is published *again*:
    its verdict and notice compare it with the region's last published text (`gate.judged_against`, recorded
    as `restored`), which the warning names with the release that left it out; what its readers read in between
    (another region's text) is not compared."""
    previous = earlier[-1]
    out: list[Problem] = []
    for region in version.regions:
        if region in previous.regions:
            continue
        before = next((r for r in project.regions.chain(region)[1:] if r in previous.regions), None)
        read = f"; its readers read '{before}' until now" if before else ""
        last = next((at for at in range(len(earlier) - 1, -1, -1) if region in earlier[at].regions), None)
        if last is None:
            out.append(Problem(version.shown, None, f"first publication of {version.statement} in region '{region}': "
                               f"no verdict and no notice are written for it{read}",
                               "compare its text with what its readers read before (privacykit diff), and tell "
                               "them if it differs"))
            continue
        out.append(Problem(version.shown, None, f"{version.statement} published again in region '{region}', which "
                           f"release {earlier[last + 1].id} left out (its version of {earlier[last].id} ended there): "
                           f"judged against that version, the text its readers read last: {_judged(version, region)}"
                           f"{read}", "what they read in between is not compared: tell them if it differs"
                           if before else "review its redline against that version"))
    return out


def _judged(version: Version, region: str) -> str:
    """What the verdict of a region published again said, and whether a notice was written for it."""
    judged = version.region_verdict(region)
    if judged is None or not judged.material:
        return "no material change, so no notice"
    count = len(judged.material)
    told = (f"its notice is in {version.shown}/notices/{region}.*" if region in notice_regions(version.files)
            else "no notice was written")
    return f"{count} material change{'s' if count > 1 else ''}, decided {judged.decision.value}; {told}"


# A release more than this many days ahead is most likely a typo in the year (release43): it is
# warned about (refused with --strict), since every later release must wait for it or withdraw it.
FAR_AHEAD_DAYS = 180


def far_ahead_warnings(effective: str, today: dt.date, statement: str = "STATEMENT",
                       strict: bool = False) -> list[Problem]:
    """The warning of an effective date far ahead. Said after the release was made, it names the withdrawal
    that undoes it; with `strict` it refuses the release, which writes nothing, so it names nothing to
    withdraw (chain44)."""
    try:
        day = dt.date.fromisoformat(effective)
    except (TypeError, ValueError):
        return []           # release() names the bad date
    ahead = (day - today).days
    if ahead <= FAR_AHEAD_DAYS:
        return []
    if strict:
        return [Problem("--effective", None, f"effective date {day} is {ahead} days ahead (a typo in the year?): "
                        "once released, no release could be made before it until it is withdrawn",
                        "check the date (nothing was released); if it is right, release without --strict")]
    return [Problem("--effective", None, f"effective date {day} is {ahead} days ahead (a typo in the year?): "
                    "no release can be made before it until it is withdrawn",
                    f"check the date; if it is wrong, withdraw it: privacykit release {statement} "
                    f"--withdraw {day} --reason \"...\"")]


def withdraw_release(source: Path | str | ProjectSettings, statement: str, release_id: str | Sequence[str],
                     reason: str, today: dt.date | None = None, sign_key: Path | None = None,
                     unpublished: bool = False, by: str | None = None) -> list[Withdrawn]:
    """Withdraw `release_id` of `statement` (one date or several: the latest releases, none in force yet) for
    `reason`, newest first, one record each; each withdrawal is signed with `sign_key` as releases are, and
    keeps the recall notices of a release whose notices were written (withdraw44). The day is today in UTC by
    the clock: a build date set in the past ($PRIVACYKIT_BUILD_DATE, $SOURCE_DATE_EPOCH) never makes a
    release in force look withdrawable (withdraw44). With `unpublished`, the releases were made on a branch
    beside another branch's release and never published (chain44): refused when the site built here
    publishes one of them. `by` names who decided (evidence44)."""
    project = load_project(source)
    store = VersionStore(project.paths)
    if statement not in project.statements and statement not in store.statements():
        raise UsageError(Problem(project.paths.shown(project.paths.statements), None,
                                 f"unknown statement '{statement}'",
                                 "use one of: " + ", ".join(project.statements)))
    signers = store.shown(store.base / "allowed_signers")
    attestor = Attestor.for_release(store.evidence(), sign_key, None, signers)
    attestor.check_key(signers)     # a key that cannot sign is one line, before anything is written
    templates = TemplateSet(project.paths.templates)

    def recall(version: Version) -> dict[str, bytes]:
        notices = {region: (version.folder / name).read_bytes() for name in version.files
                   if (region := notice_region(name)) and name.endswith(".email.md")}
        documents = {region: store.document(version, region) for region in notices if region in version.regions}
        return render_recalls(project, version.statement, version.effective_date, notices, documents, templates)

    if unpublished:
        published = published_releases(project, statement, [release_id] if isinstance(release_id, str)
                                        else list(release_id))
        if published:
            raise UsageError(published)
    done = withdraw(store, statement, release_id, reason, today or dates.clock_today(),
                    attest=attestor.attest if attestor.active else None, recall=recall, unpublished=unpublished,
                    timestamping=attestor.timestamp_url is not None, by=by)
    if statement in project.statements:
        # The withdrawn notes' summary and decisions, offered back (commented) in the draft's notes (chain44);
        # whenever their block is not there yet (its marker), whatever a rerun found: a withdrawal stopped after
        # one release left the history, rerun, finds it withdrawn already, its notes never offered (fix44).
        path = project.paths.release_notes(statement)
        for i in reversed(range(len(done))):         # (oldest first: the newest block ends up last)
            kept = done[i].withdrawal.folder / "release" / "notes.md"
            if kept.is_file() and offer_withdrawn_notes(
                    path, statement, done[i].withdrawal.name, done[i].withdrawal.reason, kept.read_text("utf-8"),
                    store.shown(kept)):
                done[i] = replace(done[i], notes_offered=project.paths.shown(path))
    return done


def published_releases(project: Project, statement: str, release_ids: Sequence[str]) -> list[Problem]:
    """The releases of `release_ids` that the site built in this project (its `site_dir`) publishes, one problem
    each (chain44): a release the site says was published cannot be withdrawn as unpublished. Without a
    built site nothing can be known here, and `--unpublished` is recorded as the team's statement."""
    from ..publish.api import API

    folder = project.paths.site / API / statement
    problems = []
    for release_id in release_ids:
        found = sorted(folder.glob(f"*/{release_id}.json")) if folder.is_dir() else []
        if found:
            problems.append(Problem("--unpublished", None, f"release {release_id} is published by the site built "
                                    f"here ({project.paths.shown(found[0])}): it was not unpublished",
                                    "withdraw the other branch's release instead, the one the site never "
                                    "published; a release in force that was published is corrected by a new one"))
    return problems


def clock_note(today: dt.date | None = None) -> Problem | None:
    """One line when $PRIVACYKIT_BUILD_DATE or $SOURCE_DATE_EPOCH names another day than the clock's:
    `release` and `--withdraw` do not follow them (withdraw44), and whoever set one should know."""
    import os

    if not (os.environ.get("PRIVACYKIT_BUILD_DATE") or os.environ.get("SOURCE_DATE_EPOCH")):
        return None
    try:
        variable = build_date()
    except UsageError:
        return None
    clock = today or dates.clock_today()
    if variable == clock:
        return None
    name = "PRIVACYKIT_BUILD_DATE" if os.environ.get("PRIVACYKIT_BUILD_DATE") else "SOURCE_DATE_EPOCH"
    return Problem(name, None, f"{variable} dates builds only: releases and withdrawals are judged and dated by "
                   f"today in UTC, {clock}", "unset it for releases (it changes nothing here)")
