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
