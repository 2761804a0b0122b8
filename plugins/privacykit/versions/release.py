"""`privacykit release`: freeze the draft of a statement into a dated release.

The release is written into a hidden temporary folder next to its final place
and renamed into place in one step: a failure leaves `versions/` as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from ..changes.redline import Redline, redline
from ..changes.verdict import ForcedNotice, reason_says_nothing
from ..errors import ContentError, Problem, UsageError, display_path
from ..load.yamlio import dump_yaml
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render import dates
from ..render.dates import parse_iso_date
from ..render.resolve import resolve
from ..render.templates import TemplateSet
from ..translate.status import gate_problems as translation_gate
from ..translate.status import notes_line, published_as, translation_gaps, translation_record
from .gate import (
    draft_verdict,
    gate_problems,
    judged_against,
    kept_notes_problems,
    notes_kept_with,
    read_release_notes,
    recalled_problems,
    reset_release_notes,
    rules_acknowledgements,
)
from .notices import NoticePlan, render_notices
from .regional import Published
from .rules_change import RulesBase, rules_gate
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


def reads_as(store: VersionStore, version: Version, documents: Mapping[str, ResolvedDocument]) -> bool:
    """The draft (`documents`, by region) reads as `version` in every region and has no other region: what
    `release` refuses as unchanged, runs again as finished (chain44), and `check` tells to finish."""
    return set(version.regions) == set(documents) and all(
        same_text(store.document(version, region), document) for region, document in documents.items())


def release(project: Project, store: VersionStore, statement_id: str, effective: str,
            notes_path: Path | None = None, today: dt.date | None = None, gate: bool = True,
            force_notice: str | None = None, templates: TemplateSet | None = None,
            reset_notes: bool = False, attest: Callable[[Path], None] | None = None,
            verify: bool = True, redlines: Mapping[str, Redline] | None = None,
            timestamping: bool = False, record_past: str | None = None,
            rules: RulesBase | None = None) -> Version:
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
    records every earlier release that carries a token too. An effective date before the real day
    (UTC) is refused unless `record_past` gives why history is recorded on purpose (kept in the
    manifest, evidence44); imported history (`gate` False) is marked `imported` instead. `rules`, the rule
    table of the base (`rules_change.rules_base`, as `check` reads it), holds the release to the rules gate
    `check --against` applies: a weakened rule unacknowledged, or a stale `rules:` acknowledgement, refuses it
    (fix44).
    """
    if statement_id not in project.statements:
        raise UsageError(Problem(project.paths.shown(project.paths.statements), None,
                                 f"unknown statement '{statement_id}'",
                                 "use one of: " + ", ".join(project.statements)))
    effective_date = parse_iso_date(effective, "--effective")
    today = today or dates.clock_today()     # the real day (UTC), never a build date (withdraw44)
    if gate:
        refuse_past_effective(effective_date, record_past, today)
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
                                  force_notice, templates, attest, redlines or {}, timestamping,
                                  (record_past or "").strip() or None, rules)
        if reset_notes and notes_path is not None and notes_path.exists():
            reset_release_notes(notes_path, statement_id, _translations_still_held(project, statement_id, notes_path))
    return version


@dataclass(frozen=True)
class Rerun:
    """A release run again for the date of the latest release, whose draft it still is (chain44): it was made;
    `finished` when the draft's notes were still those kept with it (a stop between the release's rename and
    the notes' reset) and were reset now."""

    version: Version
    finished: bool = False


def rerun_of(project: Project, store: VersionStore, statement_id: str, effective: str,
             notes_path: Path | None) -> Rerun | None:
    """The latest release when `effective` is its date and the draft reads as it does in every region, else
    None (a release to make, or to refuse as `release` does). A release stopped after its folder took its place
    but before the notes were reset left the notes it kept: they are reset now, and the release is finished."""
    if statement_id not in project.statements:
        return None
    effective_date = parse_iso_date(effective, "--effective")
    with store.locked(statement_id):
        versions = store.versions(statement_id)
        last = versions[-1] if versions else None
        if last is None or last.effective_date != effective_date or not reads_as(
                store, last, {region.id: resolve(project, statement_id, region.id) for region in project.regions}):
            return None
        stale = _notes_kept_with(project, store, last, notes_path)
        if stale and notes_path is not None:
            reset_release_notes(notes_path, statement_id, _translations_still_held(project, statement_id, notes_path))
        return Rerun(last, finished=stale)


def _notes_kept_with(project: Project, store: VersionStore, version: Version, notes_path: Path | None) -> bool:
    """The notes at `notes_path` are, word for word, those kept with `version` (written for it, never reset)."""
    if notes_path is None or not notes_path.is_file():
        return False
    return notes_kept_with(store, version, read_release_notes(notes_path, _shown(notes_path, project)))


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
                    known: Mapping[str, Redline], timestamping: bool = False,
                    record_past: str | None = None, rules: RulesBase | None = None) -> Version:
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
    if last and reads_as(store, last, documents):
        raise UsageError(Problem(project.paths.shown(project.paths.statement(statement_id)), None,
                                 f"the draft is unchanged since the release of {last.id}",
                                 "edit the statement before releasing it again"))
    notes = read_release_notes(notes_path, _shown(notes_path, project))
    # Each region's redline from the last release is made once: the verdict judges it and the
    # automatic summary tells it (a translation's verdict judges its source's redline instead).
    # A region `last` left out and this release restores is judged against its last published text (`judged_against`).
    against = {rid: v for rid, v in judged_against(store, statement_id, last).items() if rid in documents} \
        if last else {}
    redlines = {rid: known[rid] if rid in known and against[rid] is last
                else redline(store.document(against[rid], rid), document)
                for rid, document in documents.items() if rid in against and not document.is_translation}
    verdict = draft_verdict(project, store, statement_id, last, effective_date.isoformat(), documents,
                            redlines) if last else None
    gaps = translation_gaps(project, statement_id)
    published, published_problems = published_as(notes.located or notes.meta, notes.shown, project.regions)
    if gate:
        # A region whose translation fell behind is published only as the notes say.
        at = notes_line(notes.located or notes.meta, notes.text)
        problems = list(notes.problems) + published_problems + translation_gate(gaps, published, notes.shown, at)
        problems += kept_notes_problems(store, last, notes)
        if verdict is not None:
            problems += gate_problems(verdict, notes) + recalled_problems(store, statement_id, last, verdict, notes)
            shortfalls = verdict.notice_shortfalls(effective_date, today)
            if shortfalls and not force_notice:
                problems += [Problem("--effective", None, f"{s.region} needs {s.required_days} days of notice, "
                                     f"{effective_date} gives {s.given_days}",
                                     "choose a later effective date, or pass --force-notice with the reason")
                             for s in shortfalls]
            if shortfalls and force_notice:
                verdict = replace(verdict, forced_notice=ForcedNotice(force_notice, shortfalls))
        if rules is not None:
            # The rules gate `check --against` applies (fix44): a release never freezes what a weakened rule
            # waved through unless the notes acknowledge the weaker rule.
            problems += rules_gate(rules, project.rules, [verdict] if verdict is not None else [],
                                   rules_acknowledgements(project, statement_id, notes),
                                   project.paths.shown(project.paths.rules), project.paths.rules.exists())[1]
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
        previous = {rid: store.document(v, rid) for rid, v in against.items()} if last else None
        files.update(render_notices(project, verdict, statement_id, plan,
                                    templates or TemplateSet(project.paths.templates), documents, previous))
    summary = notes.summary or _auto_summary(store, last, documents, project, redlines, against)
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
        + ((effective_date.isoformat(),) if timestamping else ())
        # and the withdrawals that carry one (evidence44), so a token deleted afterwards is named too
        + tuple(f"{WITHDRAWN}/{w.name}" for w in store.withdrawals(statement_id)[0]
                if (w.folder / TIMESTAMP).is_file()),
        released=today,
        withdrawn=MappingProxyType(store.withdrawal_digests(statement_id)),
        recorded_past=record_past if effective_date < today else None,
        imported=not gate,
        # bundle45: what a reader of each region read, so a bundle can tell the region's versions apart
        # from the signed manifests alone (a release that left a region's text as it was is no version there).
        texts=MappingProxyType({rid: Published.of(document).to_manifest() for rid, document in documents.items()}),
        restored=MappingProxyType({rid: v.id for rid, v in sorted(against.items()) if v is not last}),
    )
    _write_atomically(version, files, attest)
    store.forget(statement_id)
    return version


def refuse_past_effective(effective_date: dt.date, record_past: str | None, today: dt.date) -> None:
    """A release must not take effect before it was made (evidence44): an effective date before `today` (the
    day the release is made and dated by: the real day, UTC, never a build date) is refused in one line, unless
    `record_past` says why history is recorded on purpose (the reason is kept in the manifest, and `verify`
    names the release as recorded after it took effect)."""
    if effective_date < today and not (record_past or "").strip():
        raise UsageError(Problem("--effective", None, f"effective date {effective_date} is before today ({today}, "
                                 "UTC): a release cannot take effect before it is made",
                                 "choose today or a later date; to record past history on purpose, pass "
                                 "--record-past \"REASON\" (recorded in the manifest), or use privacykit import"))


def _shown(path: Path | None, project: Project) -> str | None:
    return None if path is None else display_path(path, project.paths.root)


def _auto_summary(store: VersionStore, last: Version | None, documents: dict[str, ResolvedDocument],
                  project: Project, redlines: Mapping[str, Redline], against: Mapping[str, Version]) -> str:
    """What changed, for readers: the default region's redline sentence, then the regions
    whose change differs ("1 section changed. In br: 1 section removed."); `redlines` are
    those already made, by region, from the release each region is judged `against` (`last`, or for a
    region it left out, the region's last published release)."""
    if last is None:
        return "First release."
    default = project.default_region if project.default_region in documents else next(iter(documents))
    by_sentence: dict[str, list[str]] = {}
    for region in [default, *(r for r in documents if r != default)]:
        made = redlines.get(region) or redline(store.document(against[region], region), documents[region]) \
            if region in against else None
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


@dataclass(frozen=True)
class Withdrawn:
    """What `withdraw` did with one release: withdrew it now, finished a withdrawal a stop interrupted (its
    record was written, the release was still in the history), or nothing (`already`: withdrawn before)."""

    withdrawal: Withdrawal
    already: bool = False
    finished: bool = False
    head: dt.date | None = None     # the latest release in the history once this was done (chain44)
    notes_offered: str | None = None    # the draft's notes its notes were offered back in, commented (chain44)


def withdraw(store: VersionStore, statement_id: str, release_id: str | Sequence[str], reason: str, today: dt.date,
             attest: Callable[[Path], None] | None = None,
             recall: Callable[[Version], Mapping[str, bytes]] | None = None,
             unpublished: bool = False, timestamping: bool = False, by: str | None = None) -> list[Withdrawn]:
    """Withdraw the releases `release_id` (one date or several) of `statement_id`, which must not be in force
    on `today` and must be the latest ones (release43), for `reason`; newest first, one record each
    (withdraw44). Return what was done with each, newest first.

    A release is not deleted: it moves, untouched, to `withdrawn/<date>/release/` next to a withdrawal
    manifest (which release, the sha256 of its manifest, its predecessor, the reason and the day), signed
    by `attest` as a release is. It is then neither published nor notified; the chain goes on from its
    predecessor, and the next release records the withdrawal's digest. `recall(release)` writes the recall
    notices of a release whose notices were written (`notices/<region>.email.md`, `.inapp.txt`), kept and
    hashed in the withdrawal (withdraw44).

    Each withdrawal is atomic and idempotent (withdraw44): the new folder is complete (renamed into place)
    before the release leaves the history, and the release leaves it in one rename too. Run again after a
    stop, a withdrawal whose record is written but whose release is still in the history only takes the
    release out (one record, not two); a release withdrawn already is said so, and nothing is written.

    With `unpublished` (chain44), the releases are those one branch made beside another branch's release that
    followed the same release, both merged into main: the team states they were never published (the site
    publishes from main), so they are withdrawn even past their date; no other release may follow them, and
    each record says it was unpublished and which release it was made beside. This is the way out of a
    history two branches forked, whichever of the two is later and whether or not it is in force.
    """
    reason = (reason or "").strip()
    if not reason:
        raise UsageError(Problem("--reason", None, "a withdrawal needs a reason",
                                 "say why, e.g. --reason \"wrong transfer to Vietnam\""))
    empty = reason_says_nothing(reason)     # (the check of an acknowledgement's reason: fix44)
    if empty:
        raise UsageError(Problem("--reason", None, f"the reason, '{reason}', {empty}",
                                 "say why in words of your own, e.g. --reason \"wrong transfer to Vietnam\""))
    asked = [release_id] if isinstance(release_id, str) else list(release_id)
    days = sorted({parse_iso_date(r, "--withdraw") for r in asked}, reverse=True)
    with store.locked(statement_id):
        versions = store.versions(statement_id)
        withdrawals, _ = store.withdrawals(statement_id)
        live = {v.effective_date: v for v in versions}
        done: dict[dt.date, Withdrawn] = {}
        for day in days:
            if day in live:
                continue
            before = [w for w in withdrawals if w.release == day]
            if not before:
                known = ", ".join(v.id for v in versions) or "none yet"
                raise UsageError(Problem("--withdraw", None, f"no release {day} of '{statement_id}' to withdraw",
                                         f"releases: {known}"))
            done[day] = Withdrawn(before[-1], already=True)
        targets = [live[day] for day in days if day in live]
        beside: dict[dt.date, dt.date] = {}
        if targets and unpublished:
            beside = _check_unpublished(statement_id, versions, targets)
        elif targets:
            _check_withdrawable(statement_id, versions, targets, today)
        for target in targets:          # newest first
            done[target.effective_date] = _withdraw_one(store, statement_id, target, reason, today, attest, recall,
                                                        withdrawals, beside.get(target.effective_date),
                                                        timestamping, by)
        store.forget(statement_id)
        left = store.versions(statement_id)
        head = left[-1].effective_date if left else None
    return [replace(done[day], head=head) for day in days]


def forks(versions: Sequence[Version]) -> dict[dt.date, list[Version]]:
    """The releases that follow one release together with another (two branches that both released, merged),
    by the release they follow (chain44); empty for a history that is one chain."""
    by_previous: dict[dt.date | None, list[Version]] = {}
    for version in versions:
        by_previous.setdefault(version.previous, []).append(version)
    return {previous: siblings for previous, siblings in by_previous.items()
            if previous is not None and len(siblings) > 1}


def _check_unpublished(statement_id: str, versions: list[Version], targets: list[Version]) -> dict[dt.date, dt.date]:
    """Refuse `--unpublished` unless `targets` are one branch's releases beside another's in a forked history
    (the earliest follows a release another live release follows too) and no release left follows any of
    them; return, by target, the release of the other branch it was made beside (chain44)."""
    chosen = {v.effective_date for v in targets}
    earliest = min(targets, key=lambda v: v.effective_date)
    others = [v for v in versions if v.effective_date not in chosen]
    built_on = [v for v in others if v.previous in chosen]
    if built_on:
        needed = sorted(chosen | {v.effective_date for v in built_on}, reverse=True)
        raise UsageError(Problem("--withdraw", None, f"release {', '.join(v.id for v in built_on)} follows "
                                 f"{built_on[0].previous} (made on the same branch)",
                                 "withdraw the branch's releases together: privacykit release "
                                 f"{statement_id} {' '.join(f'--withdraw {d}' for d in needed)} --unpublished "
                                 "--reason \"...\""))
    siblings = [v for v in others if v.previous == earliest.previous and earliest.previous is not None]
    if not siblings:
        raise UsageError(Problem("--unpublished", None, f"release {earliest.id} was made on no branch beside "
                                 f"another: no other release follows {earliest.previous or 'nothing'} as it does",
                                 "--unpublished is for two branches that both released (README); a release in "
                                 "force on main is never withdrawn: a new release corrects it"))
    return dict.fromkeys(chosen, siblings[0].effective_date)


def _check_withdrawable(statement_id: str, versions: list[Version], targets: list[Version], today: dt.date) -> None:
    """Refuse, naming the command that works, unless `targets` are the latest releases, none in force."""
    earliest = min(targets, key=lambda v: v.effective_date)
    if earliest.effective_date <= today:
        hint = "make a new release that corrects it (its notice tells readers what changed)"
        if any(v.previous == earliest.previous and v is not earliest for v in versions):
            # Two branches that both released, merged (chain44): one of the two was never published.
            hint = (f"if it was released on a branch beside another and never published (the site publishes "
                    f"from main), say so: privacykit release {statement_id} --withdraw {earliest.id} --unpublished "
                    "--reason \"...\"; else " + hint)
        raise UsageError(Problem("--withdraw", None, f"release {earliest.id} is in force since {earliest.id} "
                                 f"(today is {today}, UTC): a release in force is never withdrawn", hint))
    chosen = {v.effective_date for v in targets}
    later = [v for v in versions if v.effective_date > earliest.effective_date and v.effective_date not in chosen]
    if later:
        needed = sorted(chosen | {v.effective_date for v in later}, reverse=True)
        command = " ".join(f"--withdraw {d}" for d in needed)
        follows = ", ".join(v.id for v in later)
        raise UsageError(Problem("--withdraw", None, f"release {follows} follows {earliest.id} "
                                 "(releases are withdrawn newest first)",
                                 f"withdraw {'them' if len(later) > 1 else 'it'} too, in one command: privacykit "
                                 f"release {statement_id} {command} --reason \"...\" (one record each)"))


def _withdraw_one(store: VersionStore, statement_id: str, target: Version, reason: str, today: dt.date,
                  attest: Callable[[Path], None] | None, recall: Callable[[Version], Mapping[str, bytes]] | None,
                  withdrawals: list[Withdrawal], beside: dt.date | None = None, timestamping: bool = False,
                  by: str | None = None) -> Withdrawn:
    """Withdraw the latest release `target` (checked withdrawable) with the lock held."""
    digest = store.manifest_digest(target)
    recorded = next((w for w in withdrawals if w.release == target.effective_date and w.release_manifest == digest),
                    None)
    if recorded is not None:
        # A stop after the record was written: its copy of the release is complete (`verify` checks it).
        _leave_history(target)
        return Withdrawn(recorded, finished=True)
    tampered = store._verify_version(target)
    if tampered:
        raise ContentError(tampered)
    base = store.folder(statement_id) / WITHDRAWN
    name, n = target.id, 1
    while (base / name).exists():
        n += 1
        name = f"{target.id}-{n}"
    notices = dict(recall(target)) if recall is not None and any(f.startswith("notices/") for f in target.files) \
        else {}
    withdrawal = Withdrawal(statement_id, target.effective_date, base / name, store.shown(base / name), reason,
                            today, digest, target.previous,
                            MappingProxyType({rel: sha256(data) for rel, data in sorted(notices.items())}),
                            unpublished=beside is not None, beside=beside, timestamped=timestamping,
                            by=(by or "").strip() or None)
    base.mkdir(parents=True, exist_ok=True)
    for stale in base.iterdir():        # (a withdrawal stopped before its rename: nothing of it counts)
        if stale.name.startswith(".") and ".tmp-" in stale.name and stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    staging = base / f".{name}.tmp-{os.getpid()}"
    try:
        shutil.copytree(target.folder, staging / "release", symlinks=True)
        for rel, data in notices.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_bytes(data)
        never = f"was made on a branch beside {beside} and never published" if beside else "never took effect"
        header = (f"# Withdrawal of the '{statement_id}' release {target.id}, which {never}.\n"
                  "# Never edit this folder: `privacykit verify` checks it and the release kept under release/.\n")
        (staging / MANIFEST).write_text(header + dump_yaml(withdrawal.to_manifest()), encoding="utf-8")
        if attest is not None:
            attest(staging)
        os.rename(staging, withdrawal.folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    _leave_history(target)
    return Withdrawn(withdrawal)


def _leave_history(target: Version) -> None:
    """Take a withdrawn release out of the history in one rename, then remove it (a stop midway leaves a
    hidden folder the next release or withdrawal removes, never a release with files missing)."""
    gone = target.folder.parent / f".{target.folder.name}.withdrawn-{os.getpid()}"
    if gone.exists():
        shutil.rmtree(gone)
    os.rename(target.folder, gone)
    shutil.rmtree(gone, ignore_errors=True)
