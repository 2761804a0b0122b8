"""The verdict is one typed object end to end: judged, kept in a manifest, read back, shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO, run_cli
from privacykit.changes.verdict import Acknowledgement, Decision, Finding, Origin, RegionVerdict, Verdict
from privacykit.model.rules import Action, ChangeKind
from privacykit.versions.store import MANIFEST_FORMAT, VersionStore

MANIFESTS = sorted(REPO.glob("versions/*/*/manifest.yml"))


def _raw(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text())


@pytest.mark.parametrize("path", MANIFESTS, ids=[p.parent.relative_to(REPO / "versions").as_posix() for p in MANIFESTS])
def test_every_example_manifest_reads_into_the_typed_verdict_and_back(path):
    """Manifests are immutable: the objects must read today's format exactly, and write it the same way."""
    raw = _raw(path)
    version = VersionStore(REPO).get(raw["statement"], raw["effective_date"])
    if "verdict" not in raw:
        assert version.verdict is None
        return
    assert version.verdict is not None and version.verdict.to_manifest() == raw["verdict"]
    # Action, decision and advance days are stored for readers and recomputed from the changes.
    for region, stored in raw["verdict"]["regions"].items():
        judged = version.region_verdict(region)
        assert (judged.action.value, judged.decision.value, judged.advance_days) == (
            stored["action"], stored["decision"], stored["advance_days"])


def test_example_verdict_keeps_actions_and_decisions_apart():
    version = VersionStore(REPO).get("products", "2024-03-05")
    global_ = version.region_verdict("global")
    (finding,) = global_.findings
    assert finding.origin is Origin.TEXT and finding.kind is ChangeKind.NEW_INCOMPATIBLE_USE
    assert finding.acknowledged.decision is Decision.NOTIFY and finding.decided is Action.NOTIFY
    assert version.verdict.action is Action.CONSENT      # the rules of us-ca and others ask for consent
    assert version.verdict.consent_regions == []         # the company decided to notify everywhere


def test_acknowledgement_turns_the_rules_action_into_the_decision():
    finding = Finding("new_incompatible_use:train_ai_system", ChangeKind.NEW_INCOMPATIBLE_USE, Origin.FACT,
                      "new data use", ("apps",), Action.NOTIFY)
    verdict = Verdict("web", "2024-01-10", "draft", (RegionVerdict("global", (), (finding,)),))
    assert verdict.decision is Action.NOTIFY and verdict.consent_regions == []
    decided = verdict.acknowledged([Acknowledgement(finding.id, Decision.CONSENT, "opt-in")])
    assert decided.decision is Action.CONSENT and decided.action is Action.NOTIFY
    assert decided.consent_regions == ["global"]
    assert Verdict.from_manifest(decided.to_manifest(), "web", "draft") == decided


def test_a_new_release_writes_the_current_format_and_reads_it_back(released):
    cookies = released / "statements/web/sections/cookies.md"
    cookies.write_text(cookies.read_text().replace("measure visits", "count visits"))
    assert run_cli(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    raw = _raw(released / "versions/web/2024-06-01/manifest.yml")
    assert raw["manifest_format"] == MANIFEST_FORMAT
    version = VersionStore(released).get("web", "2024-06-01")
    assert version.to_manifest() == raw


def test_a_manifest_of_a_newer_format_is_refused_with_one_line(released):
    manifest = released / "versions/web/2024-01-10/manifest.yml"
    manifest.write_text(manifest.read_text().replace("manifest_format: 1", "manifest_format: 2"))
    result = run_cli(released, "diff", "web", "2024-01-10", "draft")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-01-10/manifest.yml: manifest format 2 is not one this privacykit "
                             "reads (it reads format 1); upgrade privacykit to the version that made this release\n")


# (counsel43) The gate and `classify` read the same section change: the gate never says less.
_COUNSEL_EDITS = {
    "retail-ecommerce": "We also share your name, address and purchase history with insurance companies. "
                        "We keep your purchases for ten years.",
    "transfers": "Data of users in mainland China may be transferred to the United States for processing.",
    "marketing": "We may also use your contact details to train machine-learning systems licensed to others.",
    "california-notice-at-collection": "We also collect the precise GPS location of your device.",
}


def _strength(findings) -> int:
    return max((f.action.weight for f in findings), default=0)


def test_the_gate_says_at_least_what_classify_says_of_the_same_section_change(example_copy):
    """Each edit is judged by the gate (the draft against the release in force, declarations that
    catch up with the old text included) and by `classify` on the released and drafted section alone,
    under each region's laws: per region, the gate's findings on the section are at least as strong,
    and every text finding `classify` makes is in the gate's verdict."""
    from privacykit.changes.classify import classify_sections
    from privacykit.load.project import load_project
    from privacykit.render.resolve import resolve_all
    from privacykit.versions.gate import draft_verdict

    for sid, sentence in _COUNSEL_EDITS.items():
        path = example_copy / "statements/website/sections" / f"{sid}.md"
        path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{sentence}\n", "utf-8")
    project = load_project(example_copy)
    documents = resolve_all(project)
    store = VersionStore(project.paths)
    latest = store.versions("website")[-1]
    drafts = {r: documents[(s, r)] for s, r in documents if s == "website"}
    verdict = draft_verdict(project, store, "website", latest, drafts=drafts)
    for region in ("global", "us", "us-ca", "eu", "br", "cn"):
        if region not in {r.region for r in verdict.regions}:
            continue
        old = {s.id: s for s in store.document(latest, region).in_source_language().sections}
        new = {s.id: s for s in drafts[region].in_source_language().sections}
        gate = verdict.region(region)
        assert gate is not None
        for sid in _COUNSEL_EDITS:
            if sid not in old or sid not in new:
                continue    # a section some regions do not show (California's notice)
            alone = classify_sections(old[sid], new[sid], project.rules, project.regions.laws(region))
            here = [f for f in gate.findings if sid in f.sections]
            assert alone.findings, (region, sid)
            assert _strength(here) >= _strength(alone.findings), (region, sid)
            ids = {f.id for f in here}
            assert {f.id.replace("text:section:", f"text:{sid}:") for f in alone.findings
                    if f.origin is Origin.TEXT} <= ids, (region, sid)
    cn = verdict.region("cn")
    assert cn is not None
    moved = next(f for f in cn.findings if "transfers" in f.sections)
    assert moved.action is Action.CONSENT and "PIPL Art. 39" in moved.why()
    eu = verdict.region("eu")
    assert eu is not None
    assert "GDPR Art. 13(1)(f)" in next(f for f in eu.findings if "transfers" in f.sections).why()

    # Each gap between text and `declares:` is told once, not once per region; the precise location is one.
    from privacykit.commands.check import check

    warnings = [w.message for w in check(example_copy).warnings]
    assert len(warnings) == len(set(warnings))
    assert any("gps location" in w.lower() for w in warnings)


def test_an_acknowledgement_written_with_the_old_none_spelling_still_covers_its_change():
    """counsel43: ids say `unstated->P3Y` where an undeclared quantity was `None->P3Y`; notes written before keep
    covering the change they name."""
    finding = Finding("longer_retention:unstated->P3Y", ChangeKind.LONGER_RETENTION, Origin.FACT, "", ("s",),
                      Action.NOTIFY)
    assert Acknowledgement.written("longer_retention:None->P3Y", Decision.NOTIFY, "").covers(finding)
    assert not Acknowledgement.written("longer_retention:None->P2Y", Decision.NOTIFY, "").covers(finding)


def test_regions_with_the_same_texts_read_them_once(example_copy, monkeypatch):
    """perf46: the draft's prose is read once per distinct pair of texts (in the example global and us read the same
    products statement, as do eu and uk), and every region's verdict is the one it gets reading its texts alone."""
    from privacykit.changes import verdict as verdicts
    from privacykit.changes.terms import project_lexicon
    from privacykit.load.project import load_project
    from privacykit.render.resolve import resolve_all
    from privacykit.versions.gate import documents_of, draft_verdict

    path = example_copy / "statements/products/apps/moto-body.md"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\nWe share your heart rate with insurers.\n", "utf-8")
    project = load_project(example_copy)
    documents = resolve_all(project)
    store = VersionStore(project.paths)
    latest = store.versions("products")[-1]
    drafts = {r: documents[(s, r)] for s, r in documents if s == "products"}
    olds = documents_of(project, store, "products", latest)
    read: list[str] = []
    real = verdicts.prose_changes
    monkeypatch.setattr(verdicts, "prose_changes", lambda *args, **kw: read.append(args[1].region) or real(*args, **kw))
    shared = draft_verdict(project, store, "products", latest, drafts=drafts)
    pairs = {verdicts.text_pair(olds[r].in_source_language(), drafts[r].in_source_language()) for r in drafts}
    assert len(read) == len(pairs) == 5 < len(drafts) == 7
    assert "us" not in read and "uk" not in read
    terms = project_lexicon(project.vocabulary)
    for region, new in drafts.items():
        alone = verdicts.region_verdict(olds[region], new, project.regions.laws(region), project.rules, terms=terms)
        assert shared.region(region) == alone
        assert any("moto-body" in f.sections and "insurer" in f.description for f in alone.findings), region
