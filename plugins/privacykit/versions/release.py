"""`privacykit release`: freeze the draft of a statement into a dated release.

The release is written into a hidden temporary folder next to its final place
and renamed into place in one step: a failure leaves `versions/` as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from types import MappingProxyType

from ..changes.verdict import Verdict, consent_regions, decided_action, decided_region_action, notice_shortfalls
from ..errors import ContentError, Problem, UsageError
from ..load.yamlio import dump_yaml
from ..model.document import ResolvedDocument
from ..model.rules import Action
from ..model.statement import Project
from ..render.dates import format_date, parse_iso_date
from ..render.resolve import resolve
from ..render.templates import TemplateSet
from .gate import ReleaseNotes, draft_verdict, gate_problems, read_release_notes
from .store import MANIFEST, Version, VersionStore, sha256

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
            force_notice: str | None = None, templates: TemplateSet | None = None) -> Version:
    """Freeze `statement_id` as of `effective` (YYYY-MM-DD); return the new version.

    With `gate` (the default), material or unreviewed changes must be acknowledged in
    the release notes, and the effective date must give the notice the rules ask for
    unless `force_notice` records why not. Imported history passes `gate=False`: it
    records what was published, not a decision.
    """
    if statement_id not in project.statements:
        raise UsageError(Problem("statements", None, f"unknown statement '{statement_id}'",
                                 "use one of: " + ", ".join(project.statements)))
    try:
        effective_date = parse_iso_date(effective, "--effective")
    except ValueError as exc:
        raise UsageError(Problem("--effective", None, str(exc), "write the date as YYYY-MM-DD")) from None
    today = today or dt.date.today()
    if effective_date > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is more than {MAX_DAYS_AHEAD} days ahead",
                                 "release closer to the date the statement takes effect"))
    versions = store.versions(statement_id)
    last = versions[-1] if versions else None
    if last and effective_date <= last.effective_date:
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is not after the last release {last.id}",
                                 f"choose a date after {last.id}"))

    documents = {region.id: resolve(project, statement_id, region.id) for region in project.regions}
    if last and set(last.regions) == set(documents) and all(
            same_text(store.document(last, rid), doc) for rid, doc in documents.items()):
        raise UsageError(Problem(f"statements/{statement_id}", None,
                                 f"the draft is unchanged since the release of {last.id}",
                                 "edit the statement before releasing it again"))
    notes = read_release_notes(notes_path, _shown(notes_path, project))
    verdict = draft_verdict(project, store, statement_id, last, effective_date.isoformat(), documents) \
        if last else None
    forced = None
    if gate:
        problems = list(notes.problems)
        if verdict is not None:
            problems += gate_problems(verdict, notes)
            shortfalls = notice_shortfalls(verdict, effective_date, today)
            if shortfalls and not force_notice:
                problems += [Problem("--effective", None,
                                     f"{region} needs {need} days of notice, {effective_date} gives {given}",
                                     "choose a later effective date, or pass --force-notice with the reason")
                             for region, need, given in shortfalls]
            if shortfalls and force_notice:
                forced = {"reason": force_notice,
                          "shortfalls": [{"region": r, "required_days": n, "given_days": g} for r, n, g in shortfalls]}
        if problems:
            raise UsageError(problems)

    files: dict[str, bytes] = {"notes.md": notes.text.encode("utf-8")}
    for rid, document in documents.items():
        files[f"regions/{rid}.md"] = document.to_markdown().encode("utf-8")
        files[f"regions/{rid}.json"] = frozen_json(document, effective_date).encode("utf-8")
    if verdict is not None:
        files.update(render_notices(project, verdict, statement_id, effective_date, notes,
                              templates or TemplateSet(Path(project.root) / "templates")))
    summary = str(notes.meta.get("summary") or "") or _auto_summary(store, last, documents, project)
    version = Version(
        statement=statement_id, effective_date=effective_date,
        folder=store.folder(statement_id) / effective_date.isoformat(),
        shown=store.shown(store.folder(statement_id) / effective_date.isoformat()),
        previous=last.effective_date if last else None, summary=summary, regions=tuple(documents),
        files=MappingProxyType({name: sha256(data) for name, data in sorted(files.items())}),
        verdict=MappingProxyType(_manifest_verdict(verdict, notes, forced)),
        previous_manifest=store.manifest_digest(last) if last else None,
    )
    _write_atomically(version, files)
    store.add(version)
    return version


def _shown(path: Path | None, project: Project) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(Path(project.root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _manifest_verdict(verdict: Verdict | None, notes: ReleaseNotes, forced: dict | None) -> dict:
    """The verdict as kept in the manifest: per region the action, and each change with its rules."""
    if verdict is None:
        return {}
    decided = {a.change: a.decision for a in notes.acknowledgements}
    out: dict = {"action": verdict.action.value, "against": verdict.old_label,
                 "consent_regions": consent_regions(verdict, decided), "regions": {}}
    decisions = {a.change: {"decision": a.decision, "reason": a.reason} for a in notes.acknowledgements}
    for region in verdict.regions:
        out["regions"][region.region] = {
            "action": region.action.value, "decision": decided_region_action(region, decided).value,
            "advance_days": region.advance_days,
            "changes": [dict(f.to_dict(), **({"acknowledged": decisions[f.id]} if f.id in decisions else {}))
                        for f in region.findings],
        }
    if forced:
        out["forced_notice"] = forced
    return out


def render_notices(project: Project, verdict: Verdict, statement: str, effective: dt.date, notes: ReleaseNotes,
                   templates: TemplateSet) -> dict[str, bytes]:
    """E-mail and in-app notice texts for every region with a material change."""
    decisions = {a.change: a.decision for a in notes.acknowledgements}
    title = project.statements[statement].title
    out = {}
    for region in verdict.regions:
        material = [f for f in region.material if decided_action(f, decisions) is not Action.NONE]
        if not material:
            continue
        consent = decided_region_action(region, decisions) is Action.CONSENT
        info = project.regions[region.region]
        context = {
            "statement_title": title, "region_name": info.name,
            "effective": format_date(effective, info.locale), "consent": consent,
            "findings": [{"id": f.id, "summary": _plain_summary(f)} for f in material],
            "changes_path": f"/{region.region}/{statement}/{effective.isoformat()}/changes/",
        }
        out[f"notices/{region.region}.email.md"] = templates.render("notice-email.md", **context).encode("utf-8")
        inapp = templates.render("notice-inapp.txt", **context).strip() + "\n"
        out[f"notices/{region.region}.inapp.txt"] = inapp.encode("utf-8")
    return out


def _plain_summary(finding) -> str:
    """A reader-facing phrase for one change (not the lawyer's description)."""
    kind = finding.kind.value if finding.kind else ""
    value = finding.id.split(":", 1)[1] if finding.origin == "fact" else "described in the statement"
    phrases = {
        "new_incompatible_use": f"a new use of your information ({value.replace('_', ' ')})",
        "new_data_use": f"a new use of your information ({value.replace('_', ' ')})",
        "new_sensitive_data": "we may collect a new kind of sensitive information",
        "new_data_category": "we may collect a new kind of information",
        "new_recipient": f"a new kind of recipient ({value.replace('_', ' ')})",
        "new_transfer_country": f"your information may be transferred to {value}",
        "longer_retention": "we keep some information longer",
        "lower_minimum_age": "a lower minimum age to use our services",
        "starts_selling": "we may sell personal information",
        "starts_sharing_for_advertising": "we may share personal information for advertising",
        "removed_right": "a change to the rights we describe",
        "new_data_subject": "the statement now covers more people",
    }
    return phrases.get(kind, "a change to how we handle your information")


def _auto_summary(store: VersionStore, last: Version | None, documents, project: Project) -> str:
    if last is None:
        return "First release."
    from ..changes.redline import redline

    region = project.default_region if project.default_region in documents else next(iter(documents))
    if region not in last.regions:
        return "New release."
    return redline(store.document(last, region), documents[region]).sentence()


def _write_atomically(version: Version, files: dict[str, bytes]) -> None:
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
        if final.exists():
            raise ContentError(Problem(version.shown, None, "release folder already exists",
                                       "choose another effective date"))
        os.rename(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
