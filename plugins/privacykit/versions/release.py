"""`privacykit release`: freeze the draft of a statement into a dated release.

The release is written into a hidden temporary folder next to its final place
and renamed into place in one step: a failure leaves `versions/` as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from ..changes.redline import Redline, redline
from ..changes.verdict import ForcedNotice
from ..errors import ContentError, Problem, UsageError, display_path
from ..load.yamlio import dump_yaml
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.dates import parse_iso_date
from ..render.resolve import resolve
from ..render.templates import TemplateSet
from ..translate.status import gate_problems as translation_gate
from ..translate.status import notes_line, published_as, translation_gaps, translation_record
from .gate import draft_verdict, gate_problems, read_release_notes, reset_release_notes
from .notices import NoticePlan, render_notices
from .store import MANIFEST, TIMESTAMP, WITHDRAWN, Version, VersionStore, Withdrawal, sha256

# A release may be prepared ahead of its effective date, but not absurdly far ahead.
MAX_DAYS_AHEAD = 366


def frozen_json(document: ResolvedDocument, effective: dt.date) -> str:
    payload = {"effective_date": effective.isoformat(), "document": document.to_dict(),
               "declares": document.facts.to_dict()}
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def same_text(a: ResolvedDocument, b: ResolvedDocument) -> bool:
    """Two documents read the same and declare the same (file paths do not matter)."""
    def strip(doc: ResolvedDocument):
        data = doc.to_dict()
        for section in data["sections"]:
            section.pop("source", None)
        return data
    return strip(a) == strip(b)


def release(project: Project, store: VersionStore, statement_id: str, effective: str,
            notes_path: Path | None = None, today: dt.date | None = None, gate: bool = True,
            force_notice: str | None = None, templates: TemplateSet | None = None,
            reset_notes: bool = False, attest: Callable[[Path], None] | None = None,
            verify: bool = True, redlines: Mapping[str, Redline] | None = None,
            timestamping: bool = False) -> Version:
    """Freeze `statement_id` as of `effective` (YYYY-MM-DD); return the new version.

    With `gate` (the default), material or unreviewed changes must be acknowledged in
    the release notes, and the effective date must give the notice the rules ask for
    unless `force_notice` records why not. Imported history passes `gate=False`: it
    records what was published, not a decision (its verdict records none, and no notice is
    written). With `reset_notes`, the notes file is emptied for the next release once this one
    is written. `attest(folder)` signs and timestamps the manifest in the release's staging
    folder, before it takes its place.

    The statement's releases are locked meanwhile, and read and verified inside the lock:
    a release made by another process while this one waited is the one this follows. An
    import of history, which writes a chain of releases into a scratch folder of its own,
    passes `verify=False` and verifies the chain once at the end (verifying every earlier
    release before each one would make a long history quadratic). `redlines` are those from
    the last release to the draft the caller already made, by region (an import checks that
    each capture reads differently first): they are not made again. With `timestamping` (`attest`
    asks an authority for a token), the manifest records that this release is timestamped; it
    records every earlier release that carries a token too.
    """
    if statement_id not in project.statements:
        raise UsageError(Problem(project.paths.shown(project.paths.statements), None,
                                 f"unknown statement '{statement_id}'",
                                 "use one of: " + ", ".join(project.statements)))
    effective_date = parse_iso_date(effective, "--effective")
    today = today or dt.date.today()
    if effective_date > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is more than {MAX_DAYS_AHEAD} days ahead",
                                 "release closer to the date the statement takes effect"))
    with store.locked(statement_id):
        # A caller that does not sign (an import of history) is not held to missing signatures;
        # one that signs must not extend a history with an unsigned release in it.
        tampered = store.verify([statement_id], signatures=attest is not None) if verify else []
        if tampered:
            raise ContentError(tampered)
        version = _release_locked(project, store, statement_id, effective_date, notes_path, today, gate,
                                  force_notice, templates, attest, redlines or {}, timestamping)
        if reset_notes and notes_path is not None and notes_path.exists():
            reset_release_notes(notes_path, statement_id, _translations_still_held(project, statement_id, notes_path),
                                version.id)
    return version


def _translations_still_held(project: Project, statement_id: str, notes_path: Path) -> dict[str, str]:
    """The notes' decisions about translations that hold for the next draft too (gate42): those of the
    regions whose blocks are still stale or untranslated (a release translates nothing)."""
    notes = read_release_notes(notes_path, _shown(notes_path, project))
    published, _ = published_as(notes.located or notes.meta, notes.shown, project.regions)
    behind = {region for gap in translation_gaps(project, statement_id) for region in gap.regions}
    return {region: how.value for region, how in published.items() if region in behind}


def _release_locked(project: Project, store: VersionStore, statement_id: str, effective_date: dt.date,
                    notes_path: Path | None, today: dt.date, gate: bool, force_notice: str | None,
                    templates: TemplateSet | None, attest: Callable[[Path], None] | None,
                    known: Mapping[str, Redline], timestamping: bool = False) -> Version:
    versions = store.versions(statement_id)
    last = versions[-1] if versions else None
    if last and effective_date <= last.effective_date:
        if last.effective_date > today:
            hint = (f"choose a date after {last.id}, or, to correct or replace {last.id} (not in force yet), "
                    f"withdraw it first: privacykit release {statement_id} --withdraw {last.id} --reason \"...\"")
        else:
            hint = (f"choose a date after {last.id}; {last.id} is in force, and a release in force is never "
                    "withdrawn: a new release corrects it")
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is not after the last release {last.id}", hint))

    documents = {region.id: resolve(project, statement_id, region.id) for region in project.regions}
    if last and set(last.regions) == set(documents) and all(
            same_text(store.document(last, rid), doc) for rid, doc in documents.items()):
        raise UsageError(Problem(project.paths.shown(project.paths.statement(statement_id)), None,
                                 f"the draft is unchanged since the release of {last.id}",
                                 "edit the statement before releasing it again"))
    notes = read_release_notes(notes_path, _shown(notes_path, project))
    # Each region's redline from the last release is made once: the verdict judges it and the
    # automatic summary tells it (a translation's verdict judges its source's redline instead).
    redlines = {rid: known[rid] if rid in known else redline(store.document(last, rid), document)
                for rid, document in documents.items()
                if last and rid in last.regions and not document.is_translation}
    verdict = draft_verdict(project, store, statement_id, last, effective_date.isoformat(), documents,
                            redlines) if last else None
    gaps = translation_gaps(project, statement_id)
    published, published_problems = published_as(notes.located or notes.meta, notes.shown, project.regions)
    if gate:
        # A region whose translation fell behind is published only as the notes say.
        at = notes_line(notes.located or notes.meta, notes.text)
        problems = list(notes.problems) + published_problems + translation_gate(gaps, published, notes.shown, at)
        if verdict is not None:
            problems += gate_problems(verdict, notes)
            shortfalls = verdict.notice_shortfalls(effective_date, today)
            if shortfalls and not force_notice:
                problems += [Problem("--effective", None, f"{s.region} needs {s.required_days} days of notice, "
                                     f"{effective_date} gives {s.given_days}",
                                     "choose a later effective date, or pass --force-notice with the reason")
                             for s in shortfalls]
            if shortfalls and force_notice:
                verdict = replace(verdict, forced_notice=ForcedNotice(force_notice, shortfalls))
        if problems:
            raise UsageError(problems)
    if verdict is not None:
        verdict = verdict.acknowledged(notes.acknowledgements)
        if not gate:
            # Imported history (import43): what the rules read in each change is kept for reviewers, but
            # nobody decided anything then; no decision is recorded, and no notice is written.
            verdict = verdict.without_decisions()

    files: dict[str, bytes] = {"notes.md": notes.text.encode("utf-8")}
    for rid, document in documents.items():
        files[f"regions/{rid}.md"] = document.to_markdown().encode("utf-8")
        files[f"regions/{rid}.json"] = frozen_json(document, effective_date).encode("utf-8")
    if verdict is not None and not verdict.undecided:
        plan = NoticePlan(effective_date, effective_date.isoformat(), notes.summary, notes.summaries)
        previous = {rid: store.document(last, rid) for rid in last.regions if rid in documents} if last else None
        files.update(render_notices(project, verdict, statement_id, plan,
                                    templates or TemplateSet(project.paths.templates), documents, previous))
    summary = notes.summary or _auto_summary(store, last, documents, project, redlines)
    version = Version(
        statement=statement_id, effective_date=effective_date,
        folder=store.folder(statement_id) / effective_date.isoformat(),
        shown=store.shown(store.folder(statement_id) / effective_date.isoformat()),
        previous=last.effective_date if last else None, summary=summary, regions=tuple(documents),
        files=MappingProxyType({name: sha256(data) for name, data in sorted(files.items())}),
        verdict=verdict,
        previous_manifest=store.manifest_digest(last) if last else None,
        translations=MappingProxyType(translation_record(project, documents, gaps, published)),
        timestamped=tuple(v.id for v in versions if (v.folder / TIMESTAMP).is_file())
        + ((effective_date.isoformat(),) if timestamping else ()),
        released=today,
        withdrawn=MappingProxyType(store.withdrawal_digests(statement_id)),
    )
    _write_atomically(version, files, attest)
    store.forget(statement_id)
    return version


def _shown(path: Path | None, project: Project) -> str | None:
    return None if path is None else display_path(path, project.paths.root)


def _auto_summary(store: VersionStore, last: Version | None, documents: dict[str, ResolvedDocument],
                  project: Project, redlines: Mapping[str, Redline]) -> str:
    """What changed, for readers: the default region's redline sentence, then the regions
    whose change differs ("1 section changed. In br: 1 section removed."); `redlines` are
    those from `last` already made, by region."""
    if last is None:
        return "First release."
    default = project.default_region if project.default_region in documents else next(iter(documents))
    by_sentence: dict[str, list[str]] = {}
    for region in [default, *(r for r in documents if r != default)]:
        made = redlines.get(region) or redline(store.document(last, region), documents[region]) \
            if region in last.regions else None
        sentence = made.sentence() if made is not None else "First version for this region."
        by_sentence.setdefault(sentence, []).append(region)
    first, *others = by_sentence.items()
    return " ".join([first[0], *(f"In {', '.join(regions)}: {sentence}" for sentence, regions in others)])


def _write_atomically(version: Version, files: dict[str, bytes], attest: Callable[[Path], None] | None = None) -> None:
    final = version.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.parent / f".{final.name}.tmp-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        header = (f"# Release of the '{version.statement}' statement, effective {version.id}.\n"
                  "# Never edit this folder: `privacykit verify` checks every hash below.\n")
        (staging / MANIFEST).write_text(header + dump_yaml(version.to_manifest()), encoding="utf-8")
        if attest is not None:
            attest(staging)
        if final.exists():
            raise ContentError(Problem(version.shown, None, "release folder already exists",
                                       "choose another effective date"))
        os.rename(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def withdraw(store: VersionStore, statement_id: str, release_id: str, reason: str, today: dt.date,
             attest: Callable[[Path], None] | None = None) -> Withdrawal:
    """Withdraw the release `release_id` of `statement_id`, which must not be in force on `today` and
    must be the latest (releases are withdrawn newest first), for `reason` (release43).

    The release is not deleted: it moves, untouched, to `withdrawn/<date>/release/` next to a
    withdrawal manifest (which release, the sha256 of its manifest, its predecessor, the reason and
    the day), signed by `attest` as a release is. It is then neither published nor notified; the chain
    goes on from its predecessor, and the next release records the withdrawal's digest. The new
    folder is complete before the release leaves the history, so a stop midway loses nothing (`verify`
    names the release still in the history).
    """
    reason = (reason or "").strip()
    if not reason:
        raise UsageError(Problem("--reason", None, "a withdrawal needs a reason",
                                 "say why, e.g. --reason \"wrong transfer to Vietnam\""))
    day = parse_iso_date(release_id, "--withdraw")
    with store.locked(statement_id):
        versions = store.versions(statement_id)
        target = next((v for v in versions if v.effective_date == day), None)
        if target is None:
            known = ", ".join(v.id for v in versions) or "none yet"
            raise UsageError(Problem("--withdraw", None, f"no release {day} of '{statement_id}' to withdraw",
                                     f"releases: {known}"))
        if target.effective_date <= today:
            raise UsageError(Problem("--withdraw", None, f"release {target.id} is in force since {target.id}: "
                                     "a release in force is never withdrawn",
                                     "make a new release that corrects it (its notice tells readers what changed)"))
        later = [v.id for v in versions if v.effective_date > target.effective_date]
        if later:
            raise UsageError(Problem("--withdraw", None, f"release {later[-1]} follows {target.id}",
                                     f"withdraw {later[-1]} first (releases are withdrawn newest first)"))
        tampered = store._verify_version(target)
        if tampered:
            raise ContentError(tampered)
        base = store.folder(statement_id) / WITHDRAWN
        name, n = target.id, 1
        while (base / name).exists():
            n += 1
            name = f"{target.id}-{n}"
        withdrawal = Withdrawal(statement_id, target.effective_date, base / name, store.shown(base / name), reason,
                                today, store.manifest_digest(target), target.previous)
        staging = base / f".{name}.tmp-{os.getpid()}"
        base.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copytree(target.folder, staging / "release", symlinks=True)
            header = (f"# Withdrawal of the '{statement_id}' release {target.id}, which never took effect.\n"
                      "# Never edit this folder: `privacykit verify` checks it and the release kept under release/.\n")
            (staging / MANIFEST).write_text(header + dump_yaml(withdrawal.to_manifest()), encoding="utf-8")
            if attest is not None:
                attest(staging)
            os.rename(staging, withdrawal.folder)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(target.folder)
        store.forget(statement_id)
    return withdrawal
