"""`privacykit release`: freeze a statement's draft, then reset its release notes for the next one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Problem, UsageError, refuse_warnings
from ..evidence.attest import Attestor
from ..evidence.settings import load_evidence_settings
from ..load.overrides import override_problems, untracked_overrides
from ..load.project import load_project
from ..load.settings import ProjectSettings
from ..model.statement import Project
from ..render.dates import build_date
from ..render.templates import TemplateSet
from ..versions.release import release, withdraw
from ..versions.store import Version, VersionStore, Withdrawal


@dataclass
class ReleaseResult:
    """The new release, the draft's notes file if it was reset for the next one, and warnings."""

    version: Version
    notes_reset: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    attestor: Attestor | None = None


def release_draft(source: Path | str | ProjectSettings, statement: str, effective: str, notes: Path | None = None,
                  force_notice: str | None = None, today: dt.date | None = None, strict: bool = False,
                  sign_key: Path | None = None, timestamp_url: str | None = None,
                  record_past: str | None = None) -> ReleaseResult:
    """Release `statement` effective `effective` (YYYY-MM-DD) with `notes` (default: the draft's
    own release notes, which are then reset). Raise, writing nothing, on any problem; with
    `strict`, on any warning too. The release is signed with `sign_key` and timestamped by the
    authority at `timestamp_url` (or the project's `timestamp:` setting)."""
    if notes is not None and not notes.is_file():
        if notes.exists():     # (/dev/null, a pipe, a folder: there, but no file of notes, gate43)
            raise UsageError(Problem(str(notes), None, "release notes must be a regular file, and this is not one",
                                     "give a Markdown file (for no acknowledgements, one with "
                                     "'---\\nsummary: …\\nacknowledge: []\\n---')"))
        raise UsageError(Problem(str(notes), None, "release notes file not found", "check the path"))
    project = load_project(source)
    store = VersionStore(project.paths)
    known = statement in project.statements
    # The day the release is made: $PRIVACYKIT_BUILD_DATE or $SOURCE_DATE_EPOCH as `build` honours them,
    # else today (release43).
    today = today or build_date()
    signers = store.shown(store.base / "allowed_signers")
    attestor = Attestor.for_release(load_evidence_settings(store.base, store.root), sign_key, timestamp_url, signers)
    attestor.check_key(signers)     # a key that cannot sign is one line, before anything is written
    # The history is verified inside the release's lock.
    # An override behind its base would publish an outdated promise in its region.
    problems = override_problems(project, statement) if known else []
    if problems:
        raise ContentError(problems)
    warnings = untracked_overrides(project, statement) if known else []
    if known and store.versions(statement):
        warnings += notice_warnings(project)
    warnings += far_ahead_warnings(effective, today)
    refuse_warnings(warnings, strict)
    draft_notes = project.paths.release_notes(statement) if known else None
    version = release(project, store, statement, effective, notes or draft_notes, today=today,
                      force_notice=force_notice, reset_notes=notes is None,
                      attest=attestor.attest if attestor.active else None,
                      timestamping=attestor.timestamp_url is not None, record_past=record_past)
    if notes is None and draft_notes is not None and draft_notes.exists():
        return ReleaseResult(version, draft_notes, warnings, attestor)
    return ReleaseResult(version, None, warnings, attestor)


def notice_warnings(project: Project) -> list[Problem]:
    """What a release's notices cannot do well: link absolutely without `site_url`, or speak a region's
    language the catalog has no texts in."""
    config = project.paths.shown(project.paths.config_file)
    warnings = []
    if not project.site_url:
        warnings.append(Problem(config, None, "no site_url: notices link to the redline by a path (/<region>/…), "
                                "which an e-mail cannot open", "set site_url to the address the site is published at"))
    templates = TemplateSet(project.paths.templates)
    for region in project.regions:
        if not templates.speaks(region.locale):
            language = region.locale.split("-")[0]
            warnings.append(Problem(project.paths.shown(project.paths.templates / "strings.yml"), None,
                                    f"no '{language}' texts: notices to region '{region.id}' ({region.locale}) "
                                    "are in English", f"add '{language}:' texts to the catalog"))
    return warnings


# A release more than this many days ahead is most likely a typo in the year (release43): it is
# warned about (refused with --strict), since every later release must wait for it or withdraw it.
FAR_AHEAD_DAYS = 180


def far_ahead_warnings(effective: str, today: dt.date) -> list[Problem]:
    try:
        day = dt.date.fromisoformat(effective)
    except (TypeError, ValueError):
        return []           # release() names the bad date
    ahead = (day - today).days
    if ahead <= FAR_AHEAD_DAYS:
        return []
    return [Problem("--effective", None, f"effective date {day} is {ahead} days ahead (a typo in the year?): "
                    "no release can be made before it until it is withdrawn",
                    "check the date; if it is wrong, withdraw it: privacykit release STATEMENT "
                    f"--withdraw {day} --reason \"...\"")]


def withdraw_release(source: Path | str | ProjectSettings, statement: str, release_id: str, reason: str,
                     today: dt.date | None = None, sign_key: Path | None = None, by: str | None = None) -> Withdrawal:
    """Withdraw `release_id` of `statement` (not in force yet, the latest) for `reason`; the withdrawal is
    signed with `sign_key` as releases are. The day is today, or the build date of $PRIVACYKIT_BUILD_DATE /
    $SOURCE_DATE_EPOCH."""
    project = load_project(source)
    store = VersionStore(project.paths)
    if statement not in project.statements and statement not in store.statements():
        raise UsageError(Problem(project.paths.shown(project.paths.statements), None,
                                 f"unknown statement '{statement}'",
                                 "use one of: " + ", ".join(project.statements)))
    signers = store.shown(store.base / "allowed_signers")
    attestor = Attestor.for_release(load_evidence_settings(store.base, store.root), sign_key, None, signers)
    attestor.check_key(signers)     # a key that cannot sign is one line, before anything is written
    return withdraw(store, statement, release_id, reason, today or build_date(),
                    attest=attestor.attest if attestor.active else None,
                    timestamping=attestor.timestamp_url is not None, by=by)
