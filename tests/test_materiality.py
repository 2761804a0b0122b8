"""Materiality: each rule for each law, the gate in check and release, and bad rule input."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import acknowledge, changes_to_acknowledge
from conftest import run_cli as run
from privacykit.changes.facts import fact_changes
from privacykit.changes.verdict import region_verdict
from privacykit.load.rules import load_rules
from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from privacykit.model.facts import DeclaredFacts
from privacykit.model.rules import Action, ChangeKind

RULES = load_rules()
BASE = DeclaredFacts(
    data_categories=frozenset({"user.contact.email", "user.location"}),
    data_uses=frozenset({"essential.service"}), data_subjects=frozenset({"customer"}),
    recipients=frozenset({"service_providers"}), transfer_countries=frozenset({"US"}), retention="P1Y",
    minimum_age=16, sells_data=False, shares_for_advertising=False, rights=frozenset({"access", "erasure"}))
CHANGED = {
    ChangeKind.NEW_DATA_CATEGORY: {"data_categories": BASE.data_categories | {"user.demographic.gender"}},
    ChangeKind.NEW_SENSITIVE_DATA: {"data_categories": BASE.data_categories | {"user.biometric.fingerprint"}},
    ChangeKind.NEW_DATA_USE: {"data_uses": BASE.data_uses | {"analytics.reporting"}},
    ChangeKind.NEW_INCOMPATIBLE_USE: {"data_uses": BASE.data_uses | {"train_ai_system"}},
    ChangeKind.NEW_DATA_SUBJECT: {"data_subjects": BASE.data_subjects | {"job_applicant"}},
    ChangeKind.NEW_RECIPIENT: {"recipients": BASE.recipients | {"business_partners"}},
    ChangeKind.NEW_TRANSFER_COUNTRY: {"transfer_countries": BASE.transfer_countries | {"IN"}},
    ChangeKind.LONGER_RETENTION: {"retention": "P5Y"},
    ChangeKind.LOWER_MINIMUM_AGE: {"minimum_age": 13},
    ChangeKind.STARTS_SELLING: {"sells_data": True},
    ChangeKind.STARTS_SHARING_FOR_ADVERTISING: {"shares_for_advertising": True},
    ChangeKind.REMOVED_RIGHT: {"rights": frozenset({"access"})},
    ChangeKind.NARROWER_CHANGE: {"data_categories": BASE.data_categories | {"user.location.imprecise"}},
    ChangeKind.REDUCTION: {"recipients": frozenset()},
}


def document(facts: DeclaredFacts) -> ResolvedDocument:
    return ResolvedDocument("s", "S", "r", "R", "en-US", (ResolvedGroup("g", None),),
                            (ResolvedSection("sec", "Section", "Same text.\n", "g", facts=facts),))


def test_every_kind_of_change_is_detected_as_that_kind():
    for kind, change in CHANGED.items():
        new = DeclaredFacts(**{**BASE.to_dict(), **change})
        kinds = {c.kind for c in fact_changes(BASE, new)}
        assert kinds == {kind}, (kind, kinds)


# Kinds a declared fact can show (the others are shown by prose only: tests/test_prose.py).
LAW_RULES = [(law.id, kind) for law in RULES.laws.values() for kind in law.rules if kind in CHANGED]


@pytest.mark.parametrize("law, kind", LAW_RULES, ids=[f"{law}-{kind.value}" for law, kind in LAW_RULES])
def test_each_default_rule_fires_for_its_law(law, kind):
    rule = RULES.laws[law].rules[kind]
    changed = CHANGED[kind]
    if rule.special:    # a law that names its special categories judges one of them (counsel43)
        changed = {"data_categories": BASE.data_categories | {rule.special[0]}}
    new = DeclaredFacts(**{**BASE.to_dict(), **changed})
    verdict = region_verdict(document(BASE), document(new), (law,) if law != "default" else (), RULES)
    assert [f.kind for f in verdict.findings] == [kind]
    assert verdict.findings[0].action is rule.action
    assert verdict.findings[0].rules == (rule,)
    assert rule.source in verdict.findings[0].why()


def test_narrower_category_is_said_to_be_narrower():
    new = DeclaredFacts(data_categories=BASE.data_categories | {"user.location.imprecise"})
    old = DeclaredFacts(data_categories=BASE.data_categories)
    (change,) = fact_changes(old, new)
    assert change.detail == "narrower data category 'user.location.imprecise' under declared 'user.location'"


def test_region_with_several_laws_takes_the_strongest():
    new = DeclaredFacts(**{**BASE.to_dict(), "transfer_countries": frozenset({"US", "CN"})})
    verdict = region_verdict(document(BASE), document(new), ("ccpa", "pipl"), RULES)
    assert verdict.action is Action.CONSENT
    assert [r.law for r in verdict.findings[0].rules] == ["ccpa", "pipl"]


# -- the gate ------------------------------------------------------------------------------

COOKIES = "statements/web/sections/cookies.md"
NOTES = "statements/web/release-notes.md"
TRAINING = ("---\ntitle: Cookies\ndeclares:\n  data_categories: [user.device.cookie_id]\n"
            "  data_uses: [analytics.reporting, train_ai_system]\n---\n"
            "We use cookies to measure visits and to train our recommendation models.\n")
ACK = ("---\nsummary: Cookies train models.\nacknowledge:\n  - change: new_incompatible_use:train_ai_system\n"
       "    decision: consent\n    reason: Training is opt-in.\n---\nNotes.\n")


def test_check_against_fails_on_an_unacknowledged_material_change(released):
    (released / COOKIES).write_text(TRAINING)
    result = run(released, "check", "--against", "in-force")
    assert result.exit_code == 1
    assert "| br | lgpd | 1 section changed | ask for consent again | not decided yet |" in result.output
    (ref,) = changes_to_acknowledge(released)
    assert ref.startswith("new_incompatible_use:train_ai_system@")
    assert f"`{ref}` — new data use 'train_ai_system'" in result.output
    assert "  - readers read: “We now use cookies for training artificial intelligence models.”" in result.output
    assert result.output.splitlines()[-1] == (
        f"statements/web/release-notes.md: unacknowledged consent change '{ref}' "
        "(consent in br; notify in global, us): new data use 'train_ai_system', not compatible with the purposes already declared; "
        "add it under 'acknowledge:' with a decision and a reason")


def test_check_against_passes_with_the_acknowledgement(released, tmp_path):
    (released / COOKIES).write_text(TRAINING)
    acknowledge(released, changes_to_acknowledge(released), "consent", "Training is opt-in.")
    report = tmp_path / "report.md"
    result = run(released, "check", "--against", "in-force", "--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text()
    assert text.startswith("## Privacy statement `web`: 2024-01-10 → draft")
    assert "| br | lgpd | 1 section changed | ask for consent again | ask for consent again |" in text
    assert "  - decision: consent — Training is opt-in." in text


def test_acknowledging_a_change_that_does_not_exist(released):
    (released / NOTES).write_text(ACK)
    (released / COOKIES).write_text((released / COOKIES).read_text().replace("measure", "count"))
    result = run(released, "check", "--against", "in-force")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "statements/web/release-notes.md:4: acknowledges change 'new_incompatible_use:train_ai_system' which the "
        "draft does not contain; remove it (known changes: none)")


def test_release_refuses_unacknowledged_and_short_notice(released):
    (released / COOKIES).write_text(TRAINING)
    today = dt.date.today()
    soon = (today + dt.timedelta(days=10)).isoformat()
    result = run(released, "release", "web", "--effective", soon)
    assert result.exit_code == 1
    assert "unacknowledged consent change 'new_incompatible_use:train_ai_system@" in result.output
    acknowledge(released, changes_to_acknowledge(released), "consent", "Training is opt-in.")
    result = run(released, "release", "web", "--effective", soon)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"--effective: global needs 30 days of notice, {soon} gives 10; choose a later effective date, "
        "or pass --force-notice with the reason",
        f"--effective: us needs 30 days of notice, {soon} gives 10; choose a later effective date, "
        "or pass --force-notice with the reason"]
    assert not (released / "versions/web" / soon).exists()


def test_release_with_forced_notice_records_verdict_reason_and_notices(released):
    (released / COOKIES).write_text(TRAINING)
    acknowledge(released, changes_to_acknowledge(released), "consent", "Training is opt-in.", "Cookies train models.")
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    result = run(released, "release", "web", "--effective", soon, "--force-notice", "Regulator deadline")
    assert result.exit_code == 0, result.output
    folder = released / "versions/web" / soon
    manifest = (folder / "manifest.yml").read_text()
    assert "reason: Regulator deadline" in manifest and "consent_regions:\n    - global\n    - us\n    - br" in manifest
    assert "We need your consent" in (folder / "notices/us.inapp.txt").read_text()
    # Each region's notice is in its language (br: pt-BR).
    assert "Precisamos do seu consentimento" in (folder / "notices/br.inapp.txt").read_text()
    assert "Subject: Changes to the Example Privacy Statement" in (folder / "notices/us.email.md").read_text()
    # The draft's notes went with the release; a fresh copy waits for the next one.
    assert "acknowledge: []" in (released / NOTES).read_text()
    assert run(released, "verify").exit_code == 0


@pytest.mark.parametrize("rules, message", [
    ("laws:\n  gdpr:\n    rules:\n      new_data_use: {action: warn, source: x}\n",
     "statements/rules.yml:4: unknown action 'warn' in rule 'new_data_use' of law 'gdpr'; "
     "use one of: consent, none, notify"),
    ("laws:\n  gdpr:\n    rules:\n      new_data_usage: {action: notify, source: x}\n",
     "statements/rules.yml:4: unknown change kind 'new_data_usage' in law 'gdpr'; did you mean 'new_data_use'?"),
])
def test_bad_rule_files(statement_project, rules, message):
    root = statement_project({"statements/rules.yml": rules})
    result = run(root, "check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [message]


def test_project_rules_override_one_entry(statement_project):
    root = statement_project({"statements/rules.yml": "laws:\n  lgpd:\n    rules:\n"
                                                      "      new_data_use: {action: consent, source: Our policy}\n"})
    from privacykit.load.project import load_project

    rules = load_project(root).rules
    assert rules.laws["lgpd"].rules[ChangeKind.NEW_DATA_USE].action is Action.CONSENT
    assert rules.laws["lgpd"].rules[ChangeKind.NEW_RECIPIENT].source == "LGPD Art. 7 §5 (sharing with other controllers)"


def test_example_draft_has_its_material_change_on_the_site(example_site):
    redline = (example_site / "eu/products/draft/changes/index.html").read_text()
    assert 'data-action="consent"' in redline and "train_ai_system" in redline
    notice = (example_site / "eu/products/draft/notice/index.html").read_text()
    assert "Subject: Changes to the Lenovo Products Privacy Statement" in notice
    assert "We need your consent for" in notice
    website = (example_site / "us/website/draft/changes/index.html").read_text()
    assert 'data-action="none"' in website


def test_a_documents_facts_join_its_sections_and_keep_the_riskier_value():
    sections = [
        DeclaredFacts(data_categories=frozenset({"user.contact.email"}), retention="P30D", minimum_age=16,
                      sells_data=False),
        DeclaredFacts(data_categories=frozenset({"user.location"}), retention="P2Y", minimum_age=13),
        DeclaredFacts(retention="P24M", shares_for_advertising=False, sells_data=True),
        DeclaredFacts(),
    ]
    doc = ResolvedDocument("s", "S", "r", "R", "en-US", (ResolvedGroup("g", None),), tuple(
        ResolvedSection(f"s{i}", "Section", "Text.\n", "g", facts=f) for i, f in enumerate(sections)))
    assert doc.facts == DeclaredFacts(
        data_categories=frozenset({"user.contact.email", "user.location"}),
        retention="P2Y",              # 730 days against 720 for 24 months: the longest
        minimum_age=13, sells_data=True, shares_for_advertising=False)
    # Joining all at once is the same as joining two at a time, left to right.
    folded = DeclaredFacts()
    for facts in sections:
        folded = folded.merged(facts)
    assert folded == doc.facts
    assert DeclaredFacts.union([]) == DeclaredFacts()


def test_a_sections_own_period_or_age_is_compared_section_by_section():
    # The document keeps the riskiest value ("as long as necessary" measures as forever), which hid any
    # section's own longer period (gate42): each section's ordered facts are compared with its own.
    def doc(*facts: DeclaredFacts) -> ResolvedDocument:
        return ResolvedDocument("s", "S", "r", "R", "en-US", (ResolvedGroup("g", None),), tuple(
            ResolvedSection(f"s{i}", "Section", "Text.\n", "g", facts=f) for i, f in enumerate(facts)))

    wide = DeclaredFacts(retention="as_long_as_necessary", minimum_age=13)
    old = doc(wide, DeclaredFacts(retention="session", minimum_age=16), DeclaredFacts())
    new = doc(wide, DeclaredFacts(retention="P2Y", minimum_age=14), DeclaredFacts(retention="P10Y", minimum_age=18))
    verdict = region_verdict(old, new, ("gdpr",), RULES)
    found = {f.id: f for f in verdict.findings}
    assert found["longer_retention:session->P2Y"].sections == ("s1",)
    assert found["longer_retention:unstated->P10Y"].sections == ("s2",)
    assert found["lower_minimum_age:16->14"].action is Action.CONSENT
    assert not [i for i in found if i.endswith("->18")]      # an age first declared restricts: no finding
    # The same change read twice (the document's and the section's) is one finding.
    alone = region_verdict(doc(DeclaredFacts(retention="P1Y")), doc(DeclaredFacts(retention="P5Y")), ("gdpr",), RULES)
    assert [f.id for f in alone.findings] == ["longer_retention:P1Y->P5Y"]


def test_a_law_judges_only_the_categories_it_treats_as_special():
    """counsel43: precise location and a passport are sensitive under CCPA and PIPL, not special categories of GDPR
    Art. 9 (consent on Art. 6(1)(a) and ePrivacy Art. 5(3) there) nor of LGPD Art. 11 (a new kind of data, a
    notice); biometric data is special under all four; COPPA
    speaks of children's data only, so an adult's new sensitive data in the US takes the default's notice."""
    def judged(category: str, law: str):
        new = DeclaredFacts(**{**BASE.to_dict(), "data_categories": BASE.data_categories | {category}})
        [finding] = region_verdict(document(BASE), document(new), (law,), RULES).findings
        return finding.action, finding.why()

    for category in ("user.location.precise", "user.government_id"):
        action, why = judged(category, "gdpr")      # consent, the basis the rules choose, on Art. 6 and ePrivacy
        assert action is Action.CONSENT and "Art. 9(2)" not in why and "GDPR Art. 6(1)(a)" in why
        action, why = judged(category, "lgpd")
        assert action is Action.NOTIFY and "Art. 11" not in why
        assert judged(category, "pipl")[0] is Action.CONSENT
        action, why = judged(category, "coppa")
        assert "COPPA" not in why and "30 days" in why
    action, why = judged("user.biometric.fingerprint", "gdpr")
    assert action is Action.CONSENT and "GDPR Art. 9" in why
    assert judged("user.biometric.fingerprint", "lgpd")[0] is Action.CONSENT
