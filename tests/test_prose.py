"""Prose judged by what a statement must say: the scenarios the detector was built for.

Each test gives an old and a new text (real Lenovo or corpus text where it can) and asserts
the verdict and the finding that explains it: its kind, information item, old and new values
and triggering words, which the reader lines and notices are made from.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.changes.consent import new_triggers, triggers
from privacykit.changes.editorial import (
    EditorialKind,
    is_change_log,
    is_label,
    is_pointer,
    is_protective,
    is_typo_fix,
    new_content,
    recognise,
    same_wording,
)
from privacykit.changes.inventory import alike_by_family, families, inventory, rewritten_alike
from privacykit.changes.items import Limit, analyse, burdens, sentences, subject_denied
from privacykit.changes.policy import align, policy_document, split_policy
from privacykit.changes.prose import ProseKind, prose_changes
from privacykit.changes.redline import redline
from privacykit.changes.terms import STOP_WORDS, Item, lexicon, listed_terms, stem, tokens
from privacykit.changes.text import HiddenTextKind, hidden_text, reading_form
from privacykit.changes.verdict import region_verdict
from privacykit.cli import cli
from privacykit.load.rules import load_rules
from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from privacykit.model.rules import Action, ChangeKind

RULES = load_rules()

SHARING = ("We may share this information with service providers and partners who are involved in our e-commerce "
           "and retail fulfillment activities, such as data hosting companies; payment processors; financial "
           "institutions; shipping companies; and wireless carriers.")
RETENTION = ("Lenovo intends to retain information, including personal information, only as long as necessary for "
             "business or other compelling purposes; and to securely delete personal information when those "
             "purposes of use have been satisfied.")
SALE = "Lenovo does not sell personal information of customers of any age."


def judge(old: str, new: str, laws: tuple[str, ...] = ("gdpr",)):
    return classify_sections(section_from_text(old), section_from_text(new), RULES, laws)


def label(old: str, new: str) -> str:
    return judge(old, new).classification.value


def prose(old: str, new: str):
    a = ResolvedDocument("s", "S", "r", "R", "en", (ResolvedGroup("g", None),),
                         (ResolvedSection("sec", "Section", old + "\n", "g"),))
    b = ResolvedDocument("s", "S", "r", "R", "en", (ResolvedGroup("g", None),),
                         (ResolvedSection("sec", "Section", new + "\n", "g"),))
    return prose_changes(redline(a, b), a, b)


# -- the issue's scenarios -------------------------------------------------------------------

def test_a_new_recipient_sentence_is_a_new_recipient():
    new = SHARING + " We also share your name and order details with fraud-prevention and identity-verification partners."
    result = judge(SHARING, new)
    assert result.classification.value == "material-notify"
    finding = next(f for f in prose(SHARING, new).findings if f.item is Item.RECIPIENTS)
    assert (finding.kind, finding.implied, finding.key) == (ProseKind.NEW_VALUE, ChangeKind.NEW_RECIPIENT,
                                                            "security_partners")
    assert finding.new == "identity verification partners"
    assert finding.sentence.startswith("We also share your name and order details")


def test_authorized_resellers_are_a_new_recipient_and_last_and_purchase_are_not_terms():
    old = "We will collect personal information from you when you choose to place an order with Lenovo."
    new = old + " We share your order details with authorized resellers. Last updated: 10 March 2025."
    findings = prose(old, new).findings
    assert {f.key for f in findings} == {"resellers", "user.behavior.purchase_history"}
    assert not any("last" in f.words or "purchase" in f.words for f in findings)


def test_a_new_retention_item_is_material():
    old = "We keep records for these periods:\n\n* Account data: while your account is open"
    new = old + "\n* Order records: 10 years"
    result = judge(old, new)
    assert result.classification.value == "material-notify"
    finding = next(f for f in prose(old, new).findings if f.item is Item.RETENTION)
    assert (finding.implied, finding.new, finding.sentence) == (ChangeKind.RETENTION_CHANGED, "10 years",
                                                                "Order records: 10 years")


def test_a_longer_period_is_longer_retention_and_a_shorter_one_is_not():
    assert judge("We keep server logs for 30 days.", "We keep server logs for 90 days.").findings[0].kind \
        is ChangeKind.LONGER_RETENTION
    assert label("We keep server logs for 90 days.", "We keep server logs for 30 days.") == "editorial"
    assert label(RETENTION, RETENTION.replace("only as long as necessary for business or other compelling purposes",
                                              "for ten years")) == "material-notify"


def test_the_retention_fact_from_as_long_as_necessary_to_ten_years_names_its_section():
    old = "---\ntitle: Retention\ndeclares: {retention: as_long_as_necessary}\n---\nWe keep order records.\n"
    new = "---\ntitle: Retention\ndeclares: {retention: P10Y}\n---\nWe keep order records.\n"
    finding = judge(old, new).findings[0]
    assert (finding.kind, finding.action, finding.sections) == (ChangeKind.RETENTION_CHANGED, Action.NOTIFY,
                                                                ("section",))


def test_deleted_limiting_words_widen_the_scope():
    assert label(RETENTION, RETENTION.replace("only as long as", "as long as")) == "material-notify"
    display = "We only collect basic information about the software such as version number."
    assert label(display, display.replace("only ", "")) == "material-notify"
    display = "With your consent, we may display your device name in the support portal."
    result = judge(display, "We may display your device name in the support portal.")
    assert [f.kind for f in result.findings] == [ChangeKind.CONSENT_CONDITION_REMOVED]
    # A person's name published with their comments rests on consent alone: the condition gone, the
    # publication needs consent again (GDPR Art. 6(1)(a)).
    reviews = "With your consent, we may post your comments along with your name."
    result = judge(reviews, "We may post your comments along with your name.")
    assert [f.kind for f in result.findings] == [ChangeKind.NEW_INCOMPATIBLE_USE]
    assert result.classification.value == "material-consent"
    health = ("To provide this functionality, the application will analyze certain basic (non-personally "
              "identifiable) device and application information, such as the BIOS version.")
    assert label(health, health.replace("basic (non-personally identifiable) ", "")) == "material-notify"


def test_a_non_prefix_deleted_from_a_sensitive_term_needs_consent():
    old = "Collects information about your device’s current non-precise location and uploads it to Motorola."
    result = judge(old, old.replace("non-precise", "precise"))
    assert result.classification.value == "material-consent"
    assert result.findings[0].kind is ChangeKind.NEW_SENSITIVE_DATA


def test_a_list_extended_by_one_recipient_or_kind_of_data_is_material():
    assert label(SHARING, SHARING.replace("and wireless carriers", "wireless carriers; and insurance companies")) \
        == "material-notify"
    loyalty = "The information collected may include:\n\n* your name\n* your email address"
    assert label(loyalty, loyalty + "\n* your phone number") == "material-notify"
    assert label(SHARING, SHARING.replace("and wireless carriers", "wireless carriers; and advertising networks")) \
        == "material-consent"


def test_a_new_purpose_is_material():
    old = "This information is used to measure the number of visits and pages viewed."
    assert label(old, old.replace("used to measure", "used to build new products and to measure")) \
        == "material-notify"


def test_a_changed_controller_or_dpo_is_material_and_a_new_address_is_not():
    applies = ("This privacy statement applies to data collected through websites owned and operated by "
               "Lenovo Group Ltd. and its affiliated group companies.")
    result = judge(applies, applies.replace("Lenovo Group Ltd.", "Lenovo PC HK Limited"))
    assert [(f.kind, f.words) for f in result.findings] == [
        (ChangeKind.CONTROLLER_CHANGED, ("lenovo group ltd", "lenovo pc hk ltd"))]
    brazil = "**Brazil:**  \nLenovo Tecnologia (Brazil) Ltda.  \nCEP 05069-900  \nData Protection Officer: Diogo Manganelli"
    assert judge(brazil, brazil.replace("Diogo Manganelli", "Mariana Costa")).findings[0].kind \
        is ChangeKind.DPO_CHANGED
    assert label(brazil, brazil.replace("CEP 05069-900", "CEP 04543-011")) == "editorial"
    us = "**United States:**  \nLenovo  \nAttn: Privacy Program  \n8001 Development Drive  \nMorrisville, NC, USA 27560"
    assert label(us, us.replace("8001 Development Drive", "1009 Think Place")) == "editorial"
    # A company name completed is the same company.
    assert label("We process your personal data at USA Inc.", "We process your personal data at Spotify USA Inc.") \
        == "editorial"


def test_a_promise_not_to_sell_turned_around_needs_consent():
    result = judge(SALE, SALE.replace("does not sell", "may sell"))
    assert result.classification.value == "material-consent"
    assert result.findings[0].kind is ChangeKind.STARTS_SELLING


def test_a_separate_controller_training_ai_is_news_in_a_policy_that_already_says_ai():
    old = ("Certain Lenovo products may use technologies powered by artificial intelligence.\n\n"
           "Some customer service personnel work for service providers that supply such services to Lenovo.")
    new = old + (" Our chat tool provider, acting as a separate controller, may use chat transcripts to train "
                 "its own AI models.")
    result = judge(old, new)
    assert result.classification.value == "material-consent"
    assert ChangeKind.NEW_INCOMPATIBLE_USE in {f.kind for f in result.findings}


# -- what must stay editorial ----------------------------------------------------------------

@pytest.mark.parametrize("old, new", [
    # The "rights text removed" false alarms: a doubled word, a cross-reference, a reflowed paragraph.
    ("We comply with the EU-U.S. and and Swiss-U.S. Data Privacy Framework; you may exercise your right of "
     "access.", "We comply with the EU-U.S. and Swiss-U.S. Data Privacy Framework; you may exercise your right of "
     "access."),
    ("You can request deletion of your data as described in Section 2.",
     "You can request deletion of your data as described in Section 3."),
    (RETENTION, RETENTION.replace("; and to securely delete", ";\nand to securely delete")),
    # A renumbered footnote next to "children" is not a lower minimum age.
    ("We do not knowingly collect data from children under 13.[1]", "We do not knowingly collect data from "
     "children under 13.[2]"),
    # Generic words from the taxonomy's names never count as data.
    ("Last updated: March 5, 2024.", "Last updated: April 2, 2025."),
    ("Privacy is built into Lenovo's core products.", "Privacy is built into Lenovo's core DNA."),
    ("We follow the laws of the state where you live.", "We follow the laws of the state and country where you live."),
    # Negations rewritten with the same meaning, a typo fix, a reordered list.
    ("Lenovo does not use sensitive personal information to infer characteristics about consumers.",
     "Lenovo never uses sensitive personal information to infer characteristics about consumers."),
    ("With your consent, we may post your comments along with your name.",
     "We will not post your comments along with your name unless you consent."),
    ("The order details are made available to the Family Manger.",
     "The order details are made available to the Family Manager."),
    (SHARING, SHARING.replace("data hosting companies; payment processors; financial institutions",
                              "payment processors; financial institutions; data hosting companies")),
])
def test_editorial_changes_stay_editorial(old, new):
    result = judge(old, new)
    assert result.classification.value == "editorial", [f.description for f in result.findings]


def test_link_churn_is_reported_with_both_targets_and_a_removed_opt_out_link_is_material():
    old = "To exercise your rights, [submit a privacy request](https://privacyportal.example.com/webform/a1)."
    new = "To exercise your rights, [submit a privacy request](https://privacyportal.example.com/webform/b2)."
    changes = prose(old, new)
    assert not changes.findings
    assert [(n.kind, n.old, n.new) for n in changes.editorial] == [
        (EditorialKind.LINK_TARGET, "https://privacyportal.example.com/webform/a1",
         "https://privacyportal.example.com/webform/b2")]
    gone = prose(old, "To exercise your rights, write to your local Lenovo office.").findings
    assert [(f.kind, f.implied) for f in gone] == [(ProseKind.LINK_REMOVED, ChangeKind.REMOVED_RIGHT)]


def test_editorial_recognisers_name_the_edit():
    assert recognise("Last modified on 07/19/2022", "Last modified on 08/15/2022") is EditorialKind.DATE
    assert recognise("See section 2 above.", "See section 3 above.") is EditorialKind.RENUMBERING
    assert recognise("name, email and phone", "email, phone and name") is EditorialKind.REORDER
    assert recognise("Write to 8001 Development Drive, Morrisville", "Write to 1009 Think Place, Morrisville") \
        is EditorialKind.ADDRESS
    assert is_typo_fix("made available to the Family Manger", "made available to the Family Manager")
    assert not is_typo_fix("we do not sell", "we do now sell")


def test_spelling_form_merges_variants_and_keeps_words_apart():
    assert same_wording("We analyse your behaviour to personalise e-mails & offers for ten (10) days, e.g. deals.",
                        "We analyze your behavior to personalize emails and offers for 10 days, for example deals.")
    assert same_wording("You can opt out when you log in.", "You can opt-out when you log-in.")
    assert recognise("We don't sell it to U.S. firms.", "We do not sell it to US firms.") is EditorialKind.SPELLING
    for old, new in (("We do not sell data", "We do sell data"), ("for ten days", "for 30 days"),
                     ("your hours", "yor hors"), ("We filed it", "We filled it")):
        assert not same_wording(old, new), (old, new)


def test_a_sentence_naming_this_notice_is_a_change_log_only_when_it_tells_of_changing_it():
    assert not is_change_log("The updates to how we share location data with partners are explained in this notice.")
    assert not is_change_log("The changes to the data we collect for payments are set out in this privacy notice.")
    assert is_change_log("If the changes are material, we will post a prominent notice on our website.")
    assert is_change_log("If the changes are material, we will notify you by email.")


def test_another_spelling_of_the_same_words_is_spelling_and_only_spacing_is_formatting():
    assert recognise("We send you e-mails about your opt-in.", "We send you emails about your opt in.") \
        is EditorialKind.SPELLING
    assert recognise("HOW TO CONTACT US", "How to contact us") is EditorialKind.SPELLING
    assert recognise("We keep it  for 30 days.", "We keep it for 30 days.") is EditorialKind.FORMATTING


def test_pointers_labels_change_logs_and_protection_are_told_apart():
    assert is_pointer("For details about the data Poe processes, please visit the Poe Privacy Policy.")
    assert is_pointer("You can review the information that applies to you in our European Regional Privacy Notice.")
    assert not is_pointer("Data you provide in a resume or your profile, such as the articles you read.")
    assert is_label("With linked services.") and not is_label("We keep it.")
    assert is_change_log("1 October 2024: we clarified how long we keep payment data.")
    assert is_change_log("Last updated: 14 October 2024") and is_change_log("We may change this policy from time to time.")
    assert not is_change_log("On 3 November 2025, we are updating this notice to tell you we train AI on your posts.")
    assert is_protective("You will not receive tailored ads unless you have reached the appropriate age.")
    assert is_protective("You can turn this recognition off at any time in the Privacy menu.")
    assert not is_protective("We will not delete your purchase history unless you ask us to.")
    # A contraction's "n't" holds back as "not" does, and takes protection away as "not" does.
    assert is_protective("We don't share it with partners unless you agree.")
    assert not is_protective("We won't delete your purchase history unless you ask us to.")


def test_a_run_of_dashes_or_apostrophes_after_a_pointer_phrase_is_read_at_once():
    # Overlapping word and separator classes once split such runs in exponentially many ways.
    assert not is_pointer("For more information " + "-" * 60 + " x")
    assert not is_pointer("Learn more " + "'" * 60 + " x")
    assert is_pointer("For more information, see our Cookie Policy.")


def test_long_lists_of_ages_and_repeated_scores_are_read_in_linear_time():
    # A list of ages could split its commas' spaces two ways each, and a score's three conditions
    # were chained lookaheads: both ran for seconds to minutes on a few thousand characters.
    assert [q.amount for q in analyse("Users aged " + ", ".join(map(str, range(1, 60))) + " apples.").quantities] == []
    assert [q.amount for q in analyse("If we think you're 15, 16 or 17 years old, we limit ads.").quantities] == [15.0]
    long = "We compute a score " + "score insurers use " * 400 + "."
    assert "automated-decisions" not in {t.concept for t in triggers(long, lexicon())}
    assert "automated-decisions" in {t.concept for t in triggers(
        "We pass your driving score to insurers, who use it to set your premium.", lexicon())}


def test_a_long_added_paragraph_is_read_for_a_disclaimer_once_not_once_per_sentence(monkeypatch):
    # Whether a paragraph disclaims others' practices is a question about the paragraph: asked
    # once per sentence of a long one, it cost the paragraph's length squared.
    import privacykit.changes.editorial as editorial

    read: list[int] = []

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, *rest):
            read.append(len(text))
            return self.pattern.search(text, *rest)

    monkeypatch.setattr(editorial, "_OTHERS_DISCLAIMED", Counted(editorial._OTHERS_DISCLAIMED))
    added = " ".join(f"Partner site {i} may collect your reading history." for i in range(300))
    new = ("Our pages link to other websites. We are not responsible for the practices of such third "
           "parties. " + added)
    found = prose("Our pages link to other websites.", new)
    assert sum(read) <= 4 * len(new)
    # The verdicts stand: those sentences tell what the linked sites do, not the controller.
    assert not [f for f in found.findings if "reading history" in f.sentence]


def test_an_insurer_named_is_not_a_reading_of_the_body():
    concepts = lambda text: {t.concept for t in triggers(text, lexicon())}  # noqa: E731
    assert "health-data-to-insurers" not in concepts("We share claims and policy information with health insurers.")
    assert "health-data-to-insurers" in concepts("We share your step count and heart rate with health insurers.")


def test_a_government_id_or_a_union_is_a_consent_trigger_only_where_the_sentence_processes_it():
    concepts = lambda text: {t.concept for t in triggers(text, lexicon())}  # noqa: E731
    assert "sensitive:user.trade_union" not in concepts("Union members get a discount on annual plans.")
    assert "sensitive:user.government_id" not in concepts(
        "Under California law a passport number or a driver's licence is sensitive personal information.")
    assert "sensitive:user.trade_union" in concepts("We record whether you belong to a teachers' union.")
    assert "sensitive:user.trade_union" in concepts("Payroll deducts your union dues if you ask us to collect them.")
    assert "sensitive:user.government_id" in concepts("We collect a photo of your passport to open your account.")
    assert "sensitive:user.government_id" in concepts("We collect a copy of your government-issued photo ID.")
    assert "sensitive:user.government_id" in concepts("We store the names on the government IDs you upload.")
    # An ID a legal duty asks for rests on that duty (GDPR Art. 6(1)(c)) ...
    assert "sensitive:user.government_id" not in concepts(
        "We collect your social security number to meet our tax reporting obligations.")
    # ... and one the sentence already asks consent for on that consent.
    assert "sensitive:user.government_id" not in concepts(
        "Where you give consent, we collect a photo of your identity card.")


def test_a_proof_of_identity_asked_for_a_right_is_a_burden_on_it():
    assert "proof of identity" in burdens("To verify your request we may ask for a copy of your driving licence.")
    assert "proof of identity" in burdens("You may need to send us a notarized statement or your passport.")
    assert "proof of identity" not in burdens("You can ask us for a copy of your data free of charge.")


def test_an_automatic_effect_is_a_decision_on_a_person_only_where_it_says_on_what():
    concepts = lambda text: {t.concept for t in triggers(text, lexicon())}  # noqa: E731
    assert "automated-decisions" not in concepts("Your browser may automatically reject cookies from other sites.")
    assert "automated-decisions" not in concepts("Your browser automatically rejects cookies from other sites.")
    assert "automated-decisions" in concepts("We automatically reject loan applications below the threshold.")
    assert "automated-decisions" in concepts("Our system automatically denies claims that lack a receipt.")


def test_a_body_reading_written_another_way_is_the_same_reading():
    before = ["The watch measures your blood oxygen saturation, and we store the readings in your account."]
    assert not new_triggers("The watch measures your SpO2, and we store the readings in your account.", before,
                            lexicon())
    assert new_triggers("The watch measures your heart rate, and we store the readings in your account.", before,
                        lexicon())


def test_a_right_given_as_far_as_the_law_allows_is_conditional_however_it_is_worded():
    assert "condition" in burdens("You may ask us to delete your data where allowed under local law.")
    assert "condition" in burdens("You may ask us to delete your data where authorised by law.")
    assert "condition" in burdens("You may ask us to delete your data where the law of your country requires it.")
    assert "condition" not in burdens("You may ask us to delete your data at any time.")


def test_we_and_our_ad_partners_denied_is_no_trigger_and_a_footnote_mark_never_reaches_the_recognisers():
    concepts = lambda text: {t.concept for t in triggers(text, lexicon())}  # noqa: E731
    # The denial is read by the affirmed spans, not by the pattern.
    assert not concepts("Neither we or our advertising partners use your messages to select ads.")
    assert "third-party-advertising" in concepts("We and our advertising partners use your browsing to select ads.")
    # Superscript digits are gone from the reading form the recognisers see.
    assert reading_form("We rely on your consent\u00b9 and on contract\u00b2.") == "We rely on your consent and on contract."


def test_the_same_wording_keeps_numbers_and_reads_capitals_as_typography():
    assert not same_wording("We keep call recordings for 1.5 years.", "We keep call recordings for 15 years.")
    assert not same_wording("Users aged 13-16 need a parent's consent.", "Users aged 1316 need a parent's consent.")
    assert same_wording("HOW TO CONTACT US", "How to contact us")
    assert same_wording("We send it to the US.", "We send it to the United States.")
    assert new_content("We transfer it to Great Britain.", "We transfer it to the United Kingdom.") == ([], [])


# -- terms, sentences, Unicode ---------------------------------------------------------------

def test_no_single_word_term_is_a_stop_word():
    singles = {" ".join(phrase) for phrase, _ in lexicon().phrases() if len(phrase) == 1}
    assert not singles & set(STOP_WORDS)


def test_every_listed_phrase_names_the_value_it_is_listed_under_and_is_listed_once():
    # A phrase listed twice matches only where it is listed first: the second listing is dead,
    # and under another key it says something the detector never reads.
    first: dict[tuple[str, ...], str] = {}
    twice, elsewhere = [], []
    for listed in listed_terms():
        where = f"{listed.line}: {listed.phrase!r} ({listed.term.item.value} {listed.term.key})"
        for form in listed.forms():
            if form in first:
                twice.append(f"{where}, already on {first[form]}")
            first.setdefault(form, where)
        words = tokens(listed.phrase)
        found = lexicon().find([stem(w) for w in words], words)
        if [(m.term.item, m.term.key, m.start, m.end) for m in found] != [
                (listed.term.item, listed.term.key, 0, len(words))]:
            elsewhere.append(f"{where} reads as {[(m.term.key, m.start, m.end) for m in found]}")
    assert not twice and not elsewhere, "\n".join(twice + elsewhere)


def test_a_credit_score_is_financial_data_and_an_insurer_is_an_insurer():
    keys = lambda text: {c.key for c in analyse(text).claims}  # noqa: E731
    assert "user.financial" in keys("We collect your credit score from credit reference agencies.")
    assert keys("We share claims data with insurers.") >= {"insurers"}
    assert "professional_advisers" not in keys("We share claims data with insurers.")


def test_terms_match_phrases_and_inflections_but_not_look_alikes():
    keys = lambda text: {c.key for c in analyse(text).claims}  # noqa: E731
    assert keys("We share it with our Service-Provider's subprocessors.") == {"service_providers"}
    assert "user.behavior.purchase_history" not in keys("You can purchase a product.")
    assert "personalize.profiling" not in keys("When you create a profile you receive emails.")
    assert "marketing.communications" not in keys("We collect data in your market.")
    assert "user.health_and_medical" not in keys("The app monitors the health of your PC and collects data.")


def test_a_verb_that_carries_a_negation_denies_the_same_in_claims_and_in_triggers():
    for text in ("We are discouraging you from sharing your health conditions with us.",
                 "Please refrain sharing your health conditions with us."):
        assert {(c.key, c.positive) for c in analyse(text).claims} == {("user.health_and_medical", False)}
        assert not triggers(text, lexicon())
    assert ("user.health_and_medical", True) in {(c.key, c.positive) for c in analyse(
        "We use it to discourage fraud and collect your health conditions.").claims}


def test_a_predicate_that_denies_its_subject_reads_as_the_denial_it_is():
    """denial41: "off-limits", "out of the question", "ruled out", "kept out of", "something we never do" deny their
    subject in their own clause, in the claims and in the consent triggers' scope; a clause after it, an exception,
    and a predicate itself denied or lifted keep their own reading. Own text, a tide-logging app."""
    keys = lambda text: {(c.key, c.positive) for c in analyse(text).claims}  # noqa: E731
    for text in ("Selling your tide-log data is out of the question.",
                 "Selling your tide-log data, or passing them to data brokers, is simply ruled out.",
                 "Selling your tide-log data is something we never do."):
        assert ("sell", False) in keys(text) and ("sell", True) not in keys(text), text
        assert not triggers(text, lexicon()), text
    assert ("marketing.advertising", False) in keys("Your health data is kept out of all advertising.")
    # The denial governs its clause, not the next one.
    mixed = keys("Your contacts stay off-limits to us, but we sell your tide-log data.")
    assert ("sell", True) in mixed
    # An exception after it makes it a limit: the sale is allowed under a condition.
    assert ("sell", False) not in keys("Selling your tide-log data is out of the question, except to insurers.")
    # Not a denial: the predicate's own words elsewhere, or the copula itself denied.
    assert ("sell", True) in keys("Selling your tide-log data is no longer ruled out.")
    assert ("sell", True) in keys("Selling your tide-log data is something we now do.")
    assert ("sell", True) in keys("We sell your tide-log data; the question of consent is out of scope.")


def test_a_company_that_receives_an_order_is_no_recipient_of_personal_data():
    keys = lambda text: {(c.key, c.positive) for c in analyse(text).claims}  # noqa: E731
    assert ("org:acme", True) not in keys("Acme receives your order and ships it within two days.")
    assert ("org:lenovo", True) not in keys("Lenovo receives your request and answers it within 30 days.")
    assert ("org:acme", True) in keys("Acme receives your order details and your email address.")
    assert ("org:acme", False) in keys("Acme never receives a copy of your messages.")


def test_negation_is_read_in_its_clause():
    claims = {(c.key, c.positive) for c in analyse("We share your name with partners, but we do not share your "
                                                   "email address.").claims}
    assert ("user.name", True) in claims and ("user.contact.email", False) in claims
    assert {(c.key, c.positive) for c in analyse("Your personal information is not sold.").claims} >= {("sell", False)}
    assert all(c.positive for c in analyse("Send you surveys about products you have not purchased.").claims)
    assert analyse("We do not share your data unless you consent.").limits >= {Limit.CONDITION, Limit.CONSENT}


@pytest.mark.parametrize("disguise", ["s\u0435ll", "s\u200bell", "se\u00adll", "&#115;ell", "ѕеll", "𝐬𝐞𝐥𝐥"])
def test_a_disguised_sell_is_read_as_sell(disguise):
    assert reading_form(disguise) == "sell"
    result = judge(SALE, f"Lenovo may {disguise} personal information of customers of any age.")
    assert result.classification.value == "material-consent"
    assert ChangeKind.STARTS_SELLING in {f.kind for f in result.findings}


def test_bidi_controls_and_mixed_scripts_are_findings_of_their_own():
    bidi = judge("We keep your data safe.", "We keep your data \u202eefas.")
    assert [f.kind for f in bidi.findings] == [None] and bidi.findings[0].action is Action.REVIEW
    assert "bidirectional" in bidi.findings[0].description
    assert [h.kind for h in hidden_text("Lenovo may s\u0435ll data")] == [HiddenTextKind.MIXED_SCRIPT]
    assert hidden_text("Привет, Lenovo") == [] and hidden_text("plain text") == []


# -- headings and whole policies -------------------------------------------------------------

def _document(title: str, heading: str, section_title: str, body: str) -> ResolvedDocument:
    return ResolvedDocument("web", title, "global", "Global", "en", (ResolvedGroup("collect", heading),),
                            (ResolvedSection("account", section_title, body, "collect"),))


def test_changed_headings_and_titles_are_read_for_signals():
    body = "We collect your name when you register.\n"
    old = _document("Privacy Statement", "What do we collect?", "Your account", body)
    for new in (_document("Privacy Statement", "What do we collect and sell?", "Your account", body),
                _document("Privacy Statement", "What do we collect?", "Your account and what we sell", body),
                _document("Privacy and Data Sale Statement", "What do we collect?", "Your account", body)):
        verdict = region_verdict(old, new, ("gdpr",), RULES)
        assert verdict.action is Action.CONSENT, verdict.findings
        assert verdict.findings[0].kind is ChangeKind.STARTS_SELLING


POLICY = """Example Privacy Policy
======================

Last updated: 1 March 2024.

1. Information we collect
-------------------------

We collect your name and email address when you register.

2. How we share information
---------------------------

We share your information with service providers.

3. Contact us
-------------

Write to privacy@example.com.
"""


def test_a_whole_policy_is_split_at_headings_and_aligned_through_renumbering():
    title, sections = split_policy(POLICY)
    assert title == "Example Privacy Policy"
    assert [t for t, _ in sections] == ["", "1. Information we collect", "2. How we share information",
                                        "3. Contact us"]
    new_text = POLICY.replace("1. Information", "2. Information").replace("2. How", "3. How").replace(
        "3. Contact", "4. Contact").replace("service providers.", "service providers and advertising partners.")
    old = policy_document(POLICY)
    new = align(old, policy_document(new_text))
    assert [s.id for s in new.sections] == [s.id for s in old.sections]
    verdict = region_verdict(old, new, ("gdpr",), RULES)
    assert [(f.kind, f.sections) for f in verdict.findings] == [
        (ChangeKind.STARTS_SHARING_FOR_ADVERTISING, ("how-we-share-information",))]


def test_classify_on_whole_policies_and_an_error_page(tmp_path):
    old, new, error = tmp_path / "old.md", tmp_path / "new.md", tmp_path / "error.md"
    # A policy of a realistic length: an error page is a small fraction of it.
    policy = POLICY + "\n".join(f"\n{n}. Other topic {n}\n-----------------\n\n" + RETENTION for n in range(4, 12))
    old.write_text(policy)
    new.write_text(policy.replace("1 March 2024", "2 April 2025").replace("name and email address",
                                                                         "name, email address and phone number"))
    error.write_text("We're all mixed up\n==================\n\nRefresh this page or try again later.\n")
    result = CliRunner().invoke(cli, ["classify", str(old), str(new)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "material-notify"
    assert "new kind of personal data: “phone number”" in result.output
    result = CliRunner().invoke(cli, ["classify", str(old), str(error)])
    assert result.output.splitlines()[-1] == "editorial"
    assert "is not a policy" in result.output


@pytest.mark.parametrize("content, message", [
    (b"", "file is empty; give a section or a whole policy in Markdown"),
    (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "binary file (contains NUL bytes); give a Markdown or text file"),
    (b"caf\xe9\n", "not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
])
def test_classify_refuses_bad_input_with_one_line(tmp_path, content, message):
    bad, good = tmp_path / "bad.md", tmp_path / "good.md"
    bad.write_bytes(content)
    good.write_text(POLICY)
    result = CliRunner().invoke(cli, ["classify", str(good), str(bad)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(bad.as_posix()) and lines[0].endswith(message)


def test_classify_refuses_a_huge_file_with_one_line(tmp_path):
    huge, good = tmp_path / "huge.md", tmp_path / "good.md"
    with huge.open("wb") as out:
        out.truncate(50_000_000)
    good.write_text(POLICY)
    result = CliRunner().invoke(cli, ["classify", str(huge), str(good)])
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and "over the limit" in result.output


# -- rules of the kinds only prose shows -----------------------------------------------------

PROSE_KINDS = {
    ChangeKind.CONTROLLER_CHANGED: ("The controller is Lenovo Group Ltd.", "The controller is Motorola Mobility LLC."),
    ChangeKind.DPO_CHANGED: ("Data Protection Officer: Diogo Manganelli", "Data Protection Officer: Mariana Costa"),
    ChangeKind.CONTACT_REMOVED: ("Questions? [Contact us](mailto:privacy@example.com).", "Questions? Ask us."),
    ChangeKind.NEW_SOURCE: ("We collect your name.", "We collect your name. We also receive your name from data "
                                                     "brokers."),
    ChangeKind.LEGAL_BASIS_CHANGED: ("We analyse usage of our websites.", "We analyse usage of our websites based "
                                                                          "on our legitimate interests."),
    ChangeKind.RETENTION_CHANGED: ("We keep order records as long as necessary.", "We keep order records for 10 "
                                                                                  "years."),
    ChangeKind.WIDER_SCOPE: ("We share your name only with service providers.", "We share your name with service "
                                                                                "providers."),
    ChangeKind.PRACTICE_CHANGED: ("We collect information about the posts you view.", "We collect information "
                                  "about the posts you view and how long you hover over each thumbnail."),
    ChangeKind.CONSENT_CONDITION_REMOVED: ("With your consent, we post your reviews.", "We post your reviews."),
    ChangeKind.TRANSFER_SAFEGUARD_CHANGED: ("We rely on standard contractual clauses for transfers.", "We rely on "
                                                                                                    "our own "
                                                                                                    "judgement."),
}


@pytest.mark.parametrize("kind", list(PROSE_KINDS), ids=[k.value for k in PROSE_KINDS])
def test_each_prose_kind_is_detected_and_judged_by_its_rule_in_every_law(kind):
    old, new = PROSE_KINDS[kind]
    for law in RULES.laws:
        if law == "coppa":
            continue
        findings = [f for f in judge(old, new, (law,)).findings if f.kind is kind]
        assert findings, (law, [f.description for f in judge(old, new, (law,)).findings])
        rule = RULES.laws[law].rules[kind]
        assert findings[0].rules == (rule,)
        assert findings[0].action is Action.strongest([rule.action, Action.REVIEW])


def test_a_verdict_finding_carries_what_a_reader_line_needs():
    finding = judge("We keep order records for 30 days.", "We keep order records for 10 years.").findings[0]
    assert finding.id == "text:section:longer_retention:10-years"
    assert (finding.prose.item, finding.prose.old, finding.prose.new, finding.prose.sentence) == (
        Item.RETENTION, "30 days", "10 years", "We keep order records for 10 years.")
    assert finding.prose.to_dict()["implied"] == "longer_retention"


def test_a_text_finding_and_the_editorial_notes_round_trip_through_the_manifest():
    from privacykit.changes.verdict import RegionVerdict

    result = judge("We keep order records for 30 days. Visit https://a.example/privacy.",
                   "We keep order records for 10 years. Visit https://b.example/privacy.")
    verdict = RegionVerdict("eu", ("gdpr",), tuple(result.findings), editorial=tuple(result.editorial))
    assert verdict.findings and verdict.editorial
    again = RegionVerdict.from_manifest("eu", verdict.to_manifest())
    assert [f.prose for f in again.findings] == [f.prose for f in verdict.findings]
    assert again.editorial == verdict.editorial
    assert again.to_manifest() == verdict.to_manifest()


# -- what the redline shows, read as prose ---------------------------------------------------

INDENTED = ("    We use data about you to suggest other [nearby](https://www.example.com/help/75689) Members "
            "for you to connect with, and we share your profile with recruiters.\n")


def test_indented_text_is_read_as_the_prose_it_is():
    """Text indented in a capture renders as code; its words, links and sharing are still read."""
    moved = INDENTED.replace("75689)", "75689?trk=legal&lang=en)")
    assert label(INDENTED, moved) == "editorial"
    assert any(n.kind is EditorialKind.LINK_TARGET for n in prose(INDENTED, moved).editorial)
    added = INDENTED.replace("with recruiters.", "with recruiters and with data brokers.")
    assert label(INDENTED, added) == "material-notify"


def test_words_split_where_a_line_break_became_visible_are_layout():
    old = "| Source | Data |\n| --- | --- |\n| Acquired companies | User DataUsage Data |\n"
    new = "| Source | Data |\n| --- | --- |\n| Acquired companies | User Data<br><br>Usage Data |\n"
    assert label(old, new) == "editorial"
    # The redline still shows it: the text readers see changed.
    assert any(n.kind is EditorialKind.FORMATTING for n in judge(old, new).editorial)
    assert redline(*(_document("P", "Data", "Sources", text) for text in (old, new))).changed


def test_an_abbreviation_joined_by_a_dash_ends_no_sentence():
    text = ("We rely on the EU-U.S. Data Privacy Framework and on Standard Contractual Clauses. "
            "Transfers from the EEA–U.K. Extension follow the same rules. You may ask for a copy.")
    assert sentences(text) == [
        "We rely on the EU-U.S. Data Privacy Framework and on Standard Contractual Clauses.",
        "Transfers from the EEA–U.K. Extension follow the same rules.", "You may ask for a copy."]


def test_rewritten_role_sentences_are_read_once_each(monkeypatch):
    """Each added sentence's roles are read once, not once per removed sentence: a long list of
    representatives rewritten costs linear time, not quadratic."""
    import privacykit.changes.prose as prose
    calls = []
    read = prose.role_holders

    def counted(text):
        calls.append(text)
        return read(text)

    monkeypatch.setattr(prose, "role_holders", counted)
    regions = ["Austria", "Belgium", "Croatia", "Cyprus", "Denmark", "Estonia", "Finland", "France",
               "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Malta", "Poland"]
    old = " ".join(f"Our representative in {r} is Verasafe {r} Limited, Harbour Road {i}." for i, r in
                   enumerate(regions))
    new = " ".join(f"For users in {r}, the representative is EDPO {r} Services, Avenue Louise {i + 40}." for i, r in
                   enumerate(regions))
    classify_sections(section_from_text(old), section_from_text(new), load_rules())
    assert len(calls) < 8 * len(regions)


def test_two_lexicons_never_share_a_sentence_reading():
    """Readings are kept per lexicon: a project's lexicon that names a kind of sensitive data
    the built-in one does not gets its own answer for the same sentence, read in either order."""
    from privacykit.changes.terms import Lexicon, Term, Weight, phrase_stems

    built_in = lexicon()
    gait = Term(Item.SENSITIVE, "user.biometric.gait", "gait signature", Weight.SENSITIVE)
    extended = built_in.extended([(phrase_stems("gait signature"), gait)])
    sentence = "We collect your gait signature from the app."
    assert [t.concept for t in triggers(sentence, built_in)] == []
    assert [t.concept for t in triggers(sentence, extended)] == ["sensitive:user.biometric.gait"]
    assert [t.concept for t in triggers(sentence, built_in)] == []
    other = Lexicon(built_in.phrases()[:0])
    assert triggers(sentence, other) == []
    assert [t.concept for t in triggers(sentence, extended)] == ["sensitive:user.biometric.gait"]


@pytest.mark.parametrize("text", [
    "we sell aggregated statistics to partners and advertisers " * 40,
    "short text here",
    "x" * 900 + " sell " + "y" * 900,
    ("word " * 3 + "z" * 500 + " ") * 4 + "sell data " + ("w" * 450 + " ") * 3,
])
def test_the_words_around_a_match_are_those_of_the_whole_text(text):
    """The words before and after a position, read from a window around it, are the ones the
    whole text gives, however long its words are."""
    from privacykit.changes.consent import _around

    for at in range(0, len(text), 37):
        before = text[:at].split()[-8:]
        after = text[at:].split()[:10]
        assert _around(text, at) == " ".join(before + after)


def test_a_sentence_passed_over_for_a_concept_never_tells_it() -> None:
    """`consent.may_affirm` lets a document asked whether it tells a concept skip sentences: on sentences
    of the seed statements and of the corpus, a sentence it passes over for a concept never affirms it
    (`affirmed_concepts`), and a document's answer per concept is `affirmed()`'s."""
    from conftest import CORPUS, SEED
    from privacykit.changes.consent import _needed_patterns, affirmed_concepts, may_affirm
    from privacykit.changes.prose import DocumentText
    from privacykit.changes.text import reading_form

    terms = lexicon()
    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::12]
    texts = sorted({s for f in files for line in f.read_text("utf-8").splitlines() if line.strip()
                    for s in sentences(reading_form(line))})[::30]
    assert len(texts) > 150
    concepts = sorted(_needed_patterns())
    assert {"sale", "third-party-advertising", "device-access", "cross-site-tracking"} <= set(concepts)
    skipped = 0
    for text in texts:
        told = affirmed_concepts([text], terms)
        for concept in concepts:
            if not may_affirm(text, concept):
                skipped += 1
                assert concept not in told, (concept, text)
    assert skipped > len(texts)     # most sentences are passed over for most concepts
    seed = sorted(SEED.glob("*.md"))[0].read_text("utf-8")
    lazy, whole = (DocumentText(policy_document(seed), terms) for _ in range(2))
    for concept in [*concepts, "data-combination", "others-own-purposes", "sensitive:user.location.precise"]:
        assert lazy.affirms(concept) == (concept in whole.affirmed()), concept


def test_a_word_no_spelling_matches_is_left_as_it_is_and_the_others_are_respelled_in_turn() -> None:
    """`editorial._respelled_word` answers at once for a word no spelling matches; every word of the seed
    statements and of a sample of the corpus respells as the spellings applied one after another do."""
    import re

    from conftest import CORPUS, SEED
    from privacykit.changes.editorial import _WORD_SPELLINGS, _respelled_word

    def in_turn(word: str) -> str:
        for pattern, replacement in _WORD_SPELLINGS:
            word = pattern.sub(replacement, word)
        return word

    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::10]
    words = {w for f in files for w in re.findall(r"[a-z]+", f.read_text("utf-8").lower())}
    words |= {"colour", "licence", "catalogues", "fulfil", "centres", "programme", "ageing", "paediatric", "cheque",
              "travelled", "organisation", "analysed", "behaviour", "skilful"}
    assert sum(in_turn(w) != w for w in words) > 20
    assert all(_respelled_word(w) == in_turn(w) for w in words)


def test_a_sentence_no_spelling_matches_respells_as_the_spellings_in_turn_do() -> None:
    """`editorial.respelled` skips `_SPELLINGS` for a text none of them matches: on sentences of the seed
    statements and of a sample of the corpus, and on texts with each kind of spelling, the answer is the
    spellings applied one after another."""
    from conftest import CORPUS, SEED
    from privacykit.changes.editorial import _LOWER_WORD, _NUMBER_WORD, _SPELLINGS, _US, _numeral, respelled
    from privacykit.changes.text import reading_form

    def in_turn(text: str) -> str:
        lowered = (text if text.isupper() else _US.sub("unitedstates", text)).lower()
        for pattern, replacement in _SPELLINGS:
            lowered = pattern.sub(replacement, lowered)
        lowered = _LOWER_WORD.sub(lambda m: _respelled_word_in_turn(m.group(0)), lowered)
        return _NUMBER_WORD.sub(_numeral, lowered)

    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::10]
    texts = {s for f in files for line in f.read_text("utf-8").splitlines() if line.strip()
             for s in sentences(reading_form(line))}
    texts |= {"We don't sell it, e.g. to Acme Corp. in the U.S. & the EU.", "You can't opt out whilst we're here.",
              "Our web site (approx. 10% of users) sends no. 5 forms to the United Kingdom, etc."}
    assert all(respelled(t) == in_turn(t) for t in texts)


def test_the_cheaper_spelling_test_lets_through_every_text_a_spelling_matches() -> None:
    """`editorial._MAY_RESPELL` (the spellings without their word boundaries) is asked before `_ANY_SPELLING`:
    dropping a boundary lets a pattern match more only while no spelling tests one inside a negation, and on
    sentences of the seed and of a sample of the corpus every text a spelling matches passes it."""
    from conftest import CORPUS, SEED
    from privacykit.changes.editorial import _ANY_SPELLING, _MAY_RESPELL, _SPELLINGS
    from privacykit.changes.text import reading_form

    assert not [p.pattern for p, _ in _SPELLINGS if "(?!" in p.pattern or "(?<!" in p.pattern]
    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::10]
    texts = {s.lower() for f in files for line in f.read_text("utf-8").splitlines() if line.strip()
             for s in sentences(reading_form(line))}
    matched = [t for t in texts if _ANY_SPELLING.search(t)]
    assert matched and all(_MAY_RESPELL.search(t) for t in matched)


def test_the_spellings_prefilter_lets_through_every_text_a_spelling_matches() -> None:
    """`editorial._may_respell` (speed26) tests most spellings by strings every match of theirs holds, the rest
    without their word boundaries: on the seed's sentences and a sample of the corpus', and on texts made to hold
    each spelling, every text a spelling matches passes it; most texts no spelling matches do not."""
    from conftest import CORPUS, SEED
    from privacykit.changes.editorial import _ANY_SPELLING, _LOWER_WORD, _may_respell, _may_respell_a_word, _respell
    from privacykit.changes.text import reading_form

    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::7]
    texts = {s.lower() for f in files for line in f.read_text("utf-8").splitlines() if line.strip()
             for s in sentences(reading_form(line))}
    texts |= {t.lower() for t in (
        "We don't sell it, e.g. to Acme Corp. in the U.S. & the EU.", "You can't opt out whilst we're here.",
        "Our web site (approx. 10% of users) sends no. 5 forms to the United Kingdom, etc.", "i.e. the data base",
        "Acme Co. and Acme Ltd, Acme Inc. and Acme Limited", "US law applies; USA vs. UK", "per cent upon towards",
        "they'll and they've, it's who's, amongst the web page", "The European Union and Great Britain")}
    matched = [t for t in texts if _ANY_SPELLING.search(t)]
    assert len(matched) > 20 and all(_may_respell(t) for t in matched)
    unmatched = [t for t in texts if not _ANY_SPELLING.search(t)]
    assert sum(map(_may_respell, unmatched)) < len(unmatched) / 4
    # Words: a text a word spelling changes holds one of the strings `_may_respell_a_word` looks for.
    texts |= {"the colour of our behaviour", "we analyse and personalise", "a cancelled licence", "the catalogue"}
    changed = [t for t in texts if _LOWER_WORD.sub(_respell, t) != t]
    assert len(changed) > 5 and all(_may_respell_a_word(t) for t in changed)


def _respelled_word_in_turn(word: str) -> str:
    from privacykit.changes.editorial import _WORD_SPELLINGS

    for pattern, replacement in _WORD_SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def test_a_heading_of_plain_words_keys_as_its_converted_text_does() -> None:
    """`policy._title_key` takes a heading of words, spaces and plain punctuation as its own visible text,
    without converting it: on the seed's and the corpus' headings, and on headings Markdown would change
    (numbering, links, emphasis, entities), the key is the one the converted text gives."""
    from conftest import CORPUS, SEED
    from privacykit.changes.policy import _ATX, _NUMBERING, _PLAIN_TITLE, _WORDS, _title_key
    from privacykit.changes.redline import visible_text

    def converted(title: str) -> str:
        return " ".join(_WORDS.findall(_NUMBERING.sub("", visible_text(title).lower().strip())))

    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::5]
    titles = {m.group(2) for f in files for line in f.read_text("utf-8").splitlines() if (m := _ATX.match(line))}
    titles |= {"1. Introduction", "II) Scope", "a) Cookies", "Section 4: Rights", "[Cookies](#cookies)", "*Your* choices",
               "Data &amp; you", "Children's Privacy", "What’s new?", "Opt-Out Rights, and more", "Who we are--and why"}
    assert any(_PLAIN_TITLE.fullmatch(t) for t in titles)
    assert all(_title_key(t) == converted(t) for t in titles)


def test_the_sentences_that_may_state_a_value_include_every_one_that_does() -> None:
    """`DocumentText.stating` finds the sentences that may affirm a value by their words alone (a term of its
    key, an open phrase's head), without reading them: on the seed's and a sample of the corpus' policies,
    every sentence that affirms a value once read is among them, and its list is the whole document
    where the value may come from elsewhere (a company by name, AI training)."""
    from conftest import CORPUS, SEED
    from privacykit.changes.items import value_words
    from privacykit.changes.prose import DocumentText

    terms = lexicon()
    assert value_words((Item.RECIPIENTS, "org:meta"), terms) is None
    assert value_words((Item.PURPOSES, "train_ai_system"), terms) is None
    narrowed = 0
    for path in sorted(SEED.glob("*.md"))[:3] + sorted(CORPUS.glob("*/*.md"))[::40]:
        document = DocumentText(policy_document(path.read_text("utf-8")), terms)
        units = document.units()
        values = {v for u in units for v in u.statement.positive()}
        for value in values:
            stating = {id(u) for u in document.stating(value)}
            narrowed += len(stating) < len(units)
            assert all(id(u) in stating for u in units if value in u.statement.positive()), (path.name, value)
    assert narrowed


def test_a_rename_listed_in_the_data_file_is_the_same_company(monkeypatch, tmp_path) -> None:
    """The known renames are read from `data/renames.txt` (fold24): every row of the shipped file is a rename
    `renamed` honours, and a row added to the file makes a company named by its new name the one the old
    text named, where the same swap unlisted is another company (a recipient changed)."""
    from privacykit.changes import prose as prose_module

    shipped = prose_module.shipped_file(prose_module.RENAMES_DATA)
    rows = prose_module.known_renames()
    assert ("twitter", "x") in rows and all(prose_module.renamed(former, name) for former, name in rows)
    old = new = "We store your files with {} in the United States."
    assert label(old.format("Northwind"), new.format("Tailspin")) != "editorial"
    listed = tmp_path / "renames.txt"
    listed.write_text(shipped.read_text("utf-8") + "contoso | fabrikam\n", "utf-8")
    monkeypatch.setattr(prose_module, "shipped_file", lambda relative: listed)
    prose_module.known_renames.cache_clear()
    try:
        assert prose_module.renamed("Contoso", "Fabrikam")
        assert label(old.format("Contoso"), new.format("Fabrikam")) == "editorial"
    finally:
        monkeypatch.undo()
        prose_module.known_renames.cache_clear()
    assert not prose_module.renamed("Contoso", "Fabrikam")


def test_a_sentence_is_read_when_its_statement_is_first_asked_however_the_unit_is_built() -> None:
    """`Unit.statement` (speed23c, an accessor since fold24): a unit made with `analyse`'s arguments reads the
    sentence when first asked, once, and states what `analyse` states; one made with a statement, copied with
    `dataclasses.replace` or given another statement answers with that one; comparing units reads nothing."""
    from dataclasses import replace

    from privacykit.changes.items import Context
    from privacykit.changes.prose import Unit, _pending

    terms = lexicon()
    text = "We share your email address with advertising partners."
    pending = Unit("s", 0, text, _pending(text, Context(), terms))
    twin = Unit("s", 0, text, _pending(text, Context(), terms))
    assert pending == twin and not isinstance(pending.reading, type(analyse(text, Context(), terms)))
    read = pending.statement
    assert read is pending.statement and read == analyse(text, Context(), terms)
    assert replace(twin, block=1).statement == read
    built = Unit("s", 0, text, analyse(text, Context(), terms))
    assert built.statement == read
    other = analyse("We keep it for a year.", Context(), terms)
    built.statement = other
    assert built.statement is other and built.reading is other


def test_a_closed_question_is_read_with_its_answer_in_the_companys_voice() -> None:
    """consent26: "Yes", "No", "Only if …" take their practice from the question heading above them."""
    from privacykit.changes.answers import answered, pointed_back

    assert answered("Do we use your location for ads?", "No.") == ["We do not use your location for ads."]
    assert answered("Do you read my chats?", "Yes, to train our models.") == ["We read your chats, to train our models."]
    assert answered("Will you share my location with partners?", "Not unless you say yes.") == [
        "We will not share your location with partners unless you say yes."]
    assert answered("Can you see my contacts?", "Only if you tap Allow.") == [
        "We can see your contacts only if you tap Allow."]
    assert answered("Does Pebble sell my data?", "Yes. It goes to ad partners.") == [
        "Pebble sells your data.", "It goes to ad partners."]
    assert answered("What do we collect?", "Yes.") is None           # an open question has no yes
    assert answered("Do we sell your data?", "We take privacy seriously.") is None
    # A pronoun spelled out only where the sentence before names one datum of the reader's.
    assert pointed_back(["We store your messages.", "We read them to suggest replies."])[1] == \
        "We read your messages to suggest replies."
    assert pointed_back(["We use your email and your phone number.", "We keep them for a year."])[1] == \
        "We keep them for a year."


def test_a_short_voice_answer_keeps_its_verdict_when_reworded() -> None:
    """consent26: the answer read with its question is read alike in both versions."""
    old = section_from_text("### Can you read my chats?\nNo. Chats are private.\n")
    new = section_from_text("### Can you read my chats?\nNo. Only you and the people you chat with can read them.\n")
    assert classify_sections(old, new, RULES).classification.value == "editorial"
    new = section_from_text("### Can you read my chats?\nYes, to pick the ads you see.\n")
    assert classify_sections(old, new, RULES).classification.value == "material-consent"


def test_an_answer_is_read_as_polarity_condition_and_rest() -> None:
    """answers27: the answer's parts, whatever the punctuation after its opening, and its scope compared."""
    from privacykit.changes.answers import answer_pieces, answered, read_answer, widened

    scopes = {"Never.": 0, "No, we don't.": 0, "Not usually.": 1, "Mostly no.": 1, "It depends on your settings.": 1,
              "No, unless a court orders us to.": 1, "Only if you ask us.": 1, "Yes, when you use the free plan.": 1,
              "Yes, at any time, from Settings.": 2, "Yes.": 2}
    for answer, scope in scopes.items():
        reading = read_answer(answer)
        assert reading is not None and reading.scope == scope, answer
    assert read_answer("We don't sell it.") is None          # a sentence of its own, not an opening
    question = "Can I delete my voice recordings?"
    glued = answered(question, "Yes, at any time, from the Recordings page.")
    assert glued is not None and len(glued) == 1
    assert answer_pieces(question, ["Yes.", "Whenever you like, from the Recordings page."])[1] == [
        glued[0].replace("at any time", "whenever you like")]
    assert answer_pieces("", ["Q: Do you sell my data?", "A: No, never."]) == (
        "Do you sell my data?", ["Q: Do you sell my data?", "We do not sell your data."])
    grown = widened("### Do you sell my data?\n\nNo.\n", "", "### Do you sell my data?\n\nPartly.\n", "")
    assert [(w.old.scope, w.new.scope) for w in grown] == [(0, 1)]
    assert widened("### Can I delete my data?\n\nOnly if you email us.\n", "",
                   "### Can I delete my data?\n\nYes.\n", "") == []      # a right, not a practice


def test_a_list_gaining_a_member_beside_a_safeguard_is_more_processing_not_the_safeguard_again() -> None:
    """notify30: a recipient or purpose the list gains outside the safeguard's clause is read; a member gained
    inside the safeguard's own clause, or the safeguard reworded, is not."""
    from privacykit.changes.prose import _gained_beside_safeguard, _promoting, added_members

    old = ("We share order data with providers of warehousing, parcel delivery and card payments, which are "
           "contractually bound to process it only on our instructions.")
    new = old.replace("parcel delivery and", "parcel delivery, gift wrapping and")
    assert _gained_beside_safeguard(new, added_members(old, new), [])
    old = "Staff such as adjusters and nurses sign confidentiality agreements and complete privacy training."
    new = old.replace("agreements and complete privacy training", "agreements, complete privacy training and pass "
                                                                  "yearly audits")
    assert not _gained_beside_safeguard(new, added_members(old, new), [])
    assert _promoting("* to let you know about deals at stores near you")
    assert not _promoting("* to tell you about changes to your booking")


def test_a_purpose_of_telling_about_offers_in_a_list_of_uses_is_a_notice() -> None:
    old = "We use your postcode for these reasons:\n\n* to work out delivery times\n* to calculate sales tax\n"
    rules = load_rules()
    offers = classify_sections(section_from_text(old), section_from_text(
        old + "* to let you know about discounts at shops near you\n"), rules)
    booking = classify_sections(section_from_text(old), section_from_text(
        old + "* to tell you about changes to your booking\n"), rules)
    assert offers.classification.value == "material-notify"
    assert booking.classification.value == "editorial"


def test_a_country_outside_the_eea_a_sentence_now_places_its_data_in_is_a_transfer_of_those_data() -> None:
    """notify31: "stored in Germany" -> "stored in Germany and in the United States" is a transfer of these data,
    though the document's transfers section names the United States for other parties; the same country renamed,
    or the readers placed there, is not."""
    from privacykit.changes.classify import classify_texts

    rules = load_rules()
    head = "# Notice\n\n## International transfers\n\nSome of our vendors are located in the United States. "

    def verdict(old: str, new: str) -> str:
        return classify_texts(head + old + "\n", head + new + "\n", rules).classification.value

    assert verdict("We store your personal data in Germany.",
                   "We store your personal data in Germany and in the United States.") == "material-notify"
    assert verdict("We store your personal data in the US.",
                   "We store your personal data in the United States of America.") == "editorial"
    assert verdict("We store your personal data in Germany for customers in Germany.",
                   "We store your personal data in Germany for customers in Germany and in the United States.") \
        == "editorial"


def test_a_member_a_list_gains_is_read_though_a_limit_is_cut_beside_it_or_a_clause_follows_its_examples() -> None:
    """miss33: the lead-in's limit cut beside a member gained ("limited details" -> "details") keeps the list's other
    pieces as they were; words of limit lost are no rewrite's words traded for the member's; a clause after the
    examples (", which give us …") is no example."""
    from privacykit.changes.prose import _illustrations_out, _limit_cut, added_members

    old = "Clients can view limited details of your account, such as your alias, city and plan, unless you opt out."
    new = "Clients can view details of your account, such as your alias, city, past orders and plan, unless you opt out."
    assert "past" in added_members(old, new)
    assert _limit_cut("clients can view limited details of your account", "clients can view details of your account")
    assert not _limit_cut("clients can view limited details of your account", "clients can view your account")
    assert not added_members(old, new.replace("alias, city, past orders", "city, alias"))
    clause = "Paired watches, such as sport watches and rings you link, which send us your step count and pace."
    assert "step count" in _illustrations_out(clause, clause)
    assert "sport watches" not in _illustrations_out(clause, clause)
    rules = load_rules()
    warrant = "We give your data to the police only in response to a valid warrant, and we tell you first."
    widened = classify_sections(section_from_text(warrant), section_from_text(
        "We give your data to the police in response to a warrant or a written demand, and we tell you first."), rules)
    reflowed = classify_sections(section_from_text(warrant), section_from_text(
        "We give your data to the police only in response to a valid warrant. We tell you first."), rules)
    assert widened.classification.value == "material-notify"
    assert reflowed.classification.value == "editorial"


def test_a_readers_setting_cut_from_a_sentence_naming_no_value_widens_it_unless_told_apart() -> None:
    """miss33: "… can be seen by anyone unless you hide them in Settings" losing its exception is a wider practice,
    though the sentence names no value of the lexicon (no denial to narrow); the exception told in a sentence of
    its own holds the practice back as before."""
    rules = load_rules()
    old = "Recipes you save can be seen on your profile page by anyone, unless you hide them in Settings > Privacy."

    def verdict(new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), rules).classification.value

    assert verdict("Recipes you save can be seen on your profile page by anyone.") == "material-notify"
    assert verdict("Recipes you save can be seen on your profile page by anyone. You can hide them in "
                   "Settings > Privacy.") == "editorial"


def test_a_denial_of_reaching_into_the_device_turned_into_that_access_needs_consent():
    """consent30 (`changes/accessed.py`): the device's position, the other apps on it, its fingerprint."""
    result = judge("We do not track where you are. The address you type in is all we use.\n",
                   "We follow your phone's location while the app is open. The address you type in is used too.\n")
    assert result.classification.value == "material-consent"
    assert any("access-turned" in f.id for f in result.findings)
    assert label("The widget never looks at which other sites you visit.\n",
                 "The widget looks at which other sites you visit, so we can suggest topics.\n") == "material-consent"


def test_a_denial_of_keeping_or_a_yes_asked_is_no_access_turned():
    from privacykit.changes.accessed import access_turned
    assert access_turned("We do not keep your GPS location after the ride.",
                         "We keep your GPS location for 30 days after the ride.") is None
    assert access_turned("The app does not use your phone's GPS.",
                         "The app uses your phone's GPS only if you allow it in Settings.") is None
    assert access_turned("We don't use your phone's GPS.",
                         "We use the address you type in rather than your phone's GPS.") is None


def test_an_end_of_targeting_added_to_special_data_in_place_needs_consent():
    """consent30 (`changes/targeted.py`): the sentence that told the ends of health data gains one of targeting."""
    result = judge("If you mention a food allergy in a booking note, we use it only to tell the restaurant.\n",
                   "If you mention a food allergy in a booking note, we use it to tell the restaurant and to pick the "
                   "deals we email you.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.targeted import targeting_added
    # (a denial of targeting is none added; an end of targeting the old sentence told is none new)
    assert targeting_added("We use it only to tell the restaurant.",
                           "We use it only to tell the restaurant; we never use it to choose ads.") is None
    assert targeting_added("We use it to tell the restaurant and to pick deals.",
                           "We use it to pick deals and to tell the restaurant.") is None


def test_a_denial_of_automated_decisions_replaced_by_one_the_machine_makes_needs_consent():
    """consent31 (`changes/decided.py`): "we make no solely automated decisions" -> a price set automatically."""
    result = judge("We do not make decisions about you based solely on automated means.\n",
                   "Your rent deposit is set automatically from your payment history; no person reviews it.\n")
    assert result.classification.value == "material-consent"
    assert any("person-removed" in f.id for f in result.findings)
    from privacykit.changes.decided import person_removed
    # (the denial reworded, or a person put first in the new words, is no decision handed to the machine)
    assert person_removed("We do not use automated decision-making.",
                          "No decision about you is ever made by automated means alone.") is None
    assert person_removed("We do not use automated decision-making.",
                          "Our systems score each loan application automatically, and a member of our credit "
                          "team makes the final decision.") is None


def test_a_decision_now_taken_without_a_person_is_ruled_by_the_boundaries_file():
    """boundary39 (`rules/boundaries.yml`, `changes/boundary.py`): the same hand-over to a machine needs consent or
    a notice by what it decides and the ground the text gives (GDPR Art. 22(1)-(4))."""
    from privacykit.changes.decided import ruled
    # (a significant decision, a review only on request: consent under Art. 22(2)(c))
    assert ruled("Accounts flagged for fraud are closed automatically.",
                 "You can ask a person to review the closure.").action == "consent"
    # (only when and how the user is contacted: no similarly significant effect, a notice)
    assert ruled("Our systems decide automatically when our sales team contacts you.").action == "notify"
    # (the contract's necessity given as the ground: a notice with the safeguards; health data: consent regardless)
    ground = "Your instalment limit is set automatically, as this is necessary to enter into the credit contract."
    assert ruled(ground).inputs == ("contract_or_law",) and ruled(ground).action == "notify"
    # (a law named in the next sentence of other things is no ground of the decision)
    assert ruled("We decide automatically whether to approve your warranty claims.",
                 "We describe these practices as required by law.").action == "consent"
    assert ruled(ground.replace("set automatically", "set automatically from your health records")).action \
        == "consent"
    result = judge("A member of our sales team decides whether to contact you after a demo.\n",
                   "Our lead-scoring system decides automatically, without review by our staff, whether to contact "
                   "you after a demo.\n")
    assert result.classification.value == "material-notify"


def test_a_call_with_the_companys_staff_newly_recorded_is_ruled_by_the_boundaries_file():
    """boundary39: a call with the company's own staff recorded is consent where German law governs the controller
    (§ 201 StGB), health data is carried or a child speaks, and a notice otherwise (`spoken_word_recorded`)."""
    from privacykit.changes.boundary import spoken_word_ruling
    said = "We record your calls with our support team."
    assert spoken_word_ruling(said, "", "The controller is Example Ltd, Dublin, Ireland.").action == "notify"
    assert spoken_word_ruling(said, "", "Amtsgericht Köln, HRB 12345.").inputs == ("german_law",)
    assert spoken_word_ruling(said, "Telehealth consultations", "").action == "consent"
    old = "The controller is Beispiel Shop GmbH, Hauptstraße 1, 10115 Berlin, Germany. Call us with any question.\n"
    result = judge(old, old + "Phone conversations with our customer service are recorded for training.\n")
    assert result.classification.value == "material-consent"
    assert triggers("Podcasts include conversations between artists that were recorded live.", lexicon()) == []


def test_a_sensor_bound_only_while_the_user_acts_given_a_wider_time_needs_consent():
    """consent31 (`changes/accessed.py`): "only while you …" -> whenever, in the background, or a time gained."""
    result = judge("The watch reads your GPS position only while a hike is being recorded.\n",
                   "The watch reads your GPS position whenever it is on your wrist.\n")
    assert result.classification.value == "material-consent"
    assert any("sensor-widened" in f.id for f in result.findings)
    from privacykit.changes.accessed import sensor_widened
    assert sensor_widened("The app uses your microphone only while you hold the button.",
                          "The app uses your microphone while you hold the button or have a chat open.")
    # (the limit kept, or a wider time denied, widens nothing)
    assert sensor_widened("The app uses your microphone only while you hold the button.",
                          "Only while you hold the button does the app use your microphone.") is None
    assert sensor_widened("We record your location only while a ride is in progress.",
                          "We record your location while a ride is in progress, never in the background.") is None
    # (a location bound to the app's state alone, the device's own position named nowhere: a limit of the notice's)
    assert sensor_widened("We use your location only while the app is open.",
                          "We use your location even when the app is closed.") is None


def test_an_end_the_policy_forswore_served_needs_consent():
    """consent33 (`changes/forsworn.py`): a denial of training, marketing, messaging people or a claim's decision
    turned, its end moved into the exception, or the data it covers fewer."""
    result = judge("We use your saved recipes only to build your shopping list, and never for marketing.\n",
                   "We use your saved recipes to build your shopping list and to choose the offers we email you.\n")
    assert result.classification.value == "material-consent"
    assert any("forsworn-turned-targeting" in f.id for f in result.findings)
    from privacykit.changes.forsworn import forsworn_served
    assert forsworn_served("We do not use your voice notes or your drafts to train language models.",
                           "We use your voice notes, but not your drafts, to train language models.")[:2] \
        == ("training", "turned")
    assert forsworn_served("We don't use your reviews, your photos or your chats to train them.",
                           "We don't use your chats to train them.") == ("training", "narrowed", "photo, review")
    assert forsworn_served("We do not use these readings to decide whether to pay a claim.",
                           "We use these readings to decide whether to pay a claim.")[0] == "decision"
    # (the denial reworded or reordered, a right to opt out, a limit kept, a yes asked: no end served)
    assert forsworn_served("We do not use your reviews to train models.",
                           "Your reviews are never used to train models.") is None
    assert forsworn_served("We don't use your reviews, your photos or your chats to train them.",
                           "We don't use your chats, your photos or your reviews to train them.") is None
    assert forsworn_served("You will not see personalised ads unless you are 18.",
                           "You will only see personalised ads once you are 18.") is None
    assert forsworn_served("We never use your saved recipes for marketing.",
                           "If you opt in, we use your saved recipes for marketing.") is None
    # (a denial until a condition, told as the end starting once it is met; a way out under a new label)
    assert forsworn_served("You will not see personalised ads unless you have turned 18.",
                           "When you turn 18, you will start to see personalised ads.") is None
    assert forsworn_served("_Opt Out of Targeted Advertising_ | You may opt out of us using your data to personalise "
                           "the ads you see.", "_Controlling Personalised Advertising_ | You may opt out of us using "
                           "your data to personalise the ads you see.") is None
    # (a denial of showing ads names no use of the data)
    assert forsworn_served("We do not show third-party advertising in the app.",
                           "We place our own advertisements on other websites.") is None


def test_a_forsworn_end_still_denied_elsewhere_is_not_served():
    """forsworn34: consent33's reading audited for false alarms. A member cut from a denial but denied still (later
    in the sentence, in the sentence beside it, in a sentence of the same end elsewhere) is not lost; an end served
    for other data while the denial keeps its own is no denial turned; an end the denial gave to others, or one
    another actor serves with its own means, is not the controller's."""
    from privacykit.changes.forsworn import forsworn_served
    old = "We do not use your playlists, your voice notes or your podcast replies to train language models."
    cut = "We do not use your playlists or your voice notes to train language models."
    assert forsworn_served(old, cut)[:2] == ("training", "narrowed")
    assert forsworn_served(old, cut, nearby=["Nor do we use your podcast replies for that."]) is None
    assert forsworn_served(old, cut, elsewhere=["Podcast replies are never used to train language models."]) is None
    # (a denial of another end, or another datum, elsewhere does not keep the member denied)
    assert forsworn_served(old, cut, elsewhere=["We do not sell your podcast replies."]) is not None
    assert forsworn_served(old, cut, elsewhere=["Voice notes are never used to train language models."]) is not None
    assert forsworn_served(old, "Your playlists and voice notes are not used to train language models; neither are "
                           "your podcast replies.") is None
    # (the end served for other data, the denial kept for its own; served for the data it denied, it is read)
    denial = "We do not use the content of your direct messages to choose ads."
    assert forsworn_served(denial, "We use the accounts you follow to choose ads; we do not use the content of "
                           "your direct messages.") is None
    assert forsworn_served(denial, "We use the accounts you follow and the content of your direct messages to "
                           "choose ads.")[:2] == ("targeting", "turned")
    # (another actor's end: a sale for the buyer's own marketing, a partner's marketing on sign-up)
    assert forsworn_served("We do not sell your data to third parties to use for their own marketing.",
                           "It is in our legitimate interests to show you advertising.") is None
    assert forsworn_served("We do not use your listening history for marketing.",
                           "Our partners may send you marketing if you sign up with them.") is None
    # (a denial's list after a colon, its items parted by semicolons; a member "left out"; an exception put first
    # before "nothing"; "nothing … prevents us from" is no denial)
    assert forsworn_served("We do not use your messages, photos or contacts for advertising.",
                           "For advertising, we do not use: your messages; your photos; your contacts.") is None
    assert forsworn_served("We do not use your notes or photos to train AI models.",
                           "We do not use your notes to train AI models, and we also leave your photos out.") is None
    assert forsworn_served("We do not share your data with advertisers, other than statistics that do not identify "
                           "you.", "Other than statistics that do not identify you, nothing we share with advertisers "
                           "comes from your data.") is None
    assert forsworn_served("Nothing in this policy prevents us from using your data for marketing.",
                           "We may use your data for marketing.") is None
    # (a denial extended to a member by the part after it: "The same is true of …")
    assert forsworn_served("We never use your voice notes or your podcast replies for advertising.",
                           "Voice notes are never used for advertising. The same is true of podcast replies.") is None
    assert forsworn_served("We never use your voice notes or your podcast replies for advertising.",
                           "Voice notes are never used for advertising. We keep podcast replies for a year.")[:2] \
        == ("targeting", "narrowed")
    # (the actor of an active denial is no datum it covered: its subject lost is no member lost)
    assert forsworn_served("Acme never uses your voice notes or your podcast replies for advertising.",
                           "Your voice notes are never used for advertising. The same is true of your podcast "
                           "replies.") is None
    # (an opening clause's negation ends where the main clause's subject, a name, begins)
    assert forsworn_served("Where your rights do not outweigh our interests, Acme uses your orders for marketing.",
                           "Acme uses your orders for marketing where our interests are not outweighed by your "
                           "rights.") is None
    assert forsworn_served("We do not share your data with partners for their marketing.",
                           "We share your contact details with partners so they can send you their marketing.") \
        is not None

def test_a_targeting_end_added_to_guarded_data_needs_consent():
    """consent34 (`changes/guarded.py`): an end of ads, offers or marketing added to data the law guards by kind
    (health revealed by wellness or dietary needs, a child's data, a precise position, private messages, data
    given for identity checks or a job application), in the sentence or, named by a pronoun, before it."""
    result = judge("We use your fitness goals only to plan your weekly workouts.\n",
                   "We use your fitness goals to plan your weekly workouts and to pick the sponsored offers you see.\n")
    assert result.classification.value == "material-consent"
    assert any("targeting-added" in f.id for f in result.findings)
    pointed = judge("**Inbox:** Moderators never read your direct messages. Our filter checks them only for spam.\n",
                    "**Inbox:** Moderators never read your direct messages. Our filter checks them for spam and "
                    "for topics that help us choose your ads.\n")
    assert pointed.classification.value == "material-consent"
    from privacykit.changes.guarded import guarded_kind
    assert guarded_kind("the places where your devices are") == "location"
    assert guarded_kind("your dietary needs") == "special"
    assert guarded_kind("the copy of your passport") == "narrower"
    # (the health of a PC, a general location, marketing messages, a kind's word naming what is offered: none)
    assert guarded_kind("monitor the health of their PCs") is None
    assert guarded_kind("your general location from your IP address") is None
    assert guarded_kind("the marketing messages you choose to receive") is None
    assert guarded_kind("to show you offers on health insurance") is None
    # (a guarded kind joined to the data of an ads sentence, or an added sentence that puts one to offers)
    from privacykit.changes.guarded import guarded_joined, guarded_targeted
    assert guarded_joined("We use your playlists to choose ads.", "We use your playlists and your GPS location "
                          "to choose ads.", "") == "GPS location"
    assert guarded_joined("We use your playlists and private chats to choose ads.",
                          "We use your playlists and private messages to choose ads.", "") is None
    assert guarded_joined("We never use your playlists for ads.", "We never use your playlists or your "
                          "private messages for ads.", "") is None
    assert guarded_targeted("Sponsors learn which topics a pupil finds hard and email the parent book offers.")
    assert guarded_targeted("We never use your children's profiles for advertising.") is None
    also = judge("To get a badge, you share a scan of your passport with our verification partner.\n",
                 "To get a badge, you share a scan of your passport with our verification partner. We also use the "
                 "age on it to pick the sponsored courses we show you.\n")
    assert also.classification.value == "material-consent"
    ordinary = judge("We use your order history only to deliver your parcels.\n",
                     "We use your order history to deliver your parcels and to recommend products you may like.\n")
    assert ordinary.classification.value != "material-consent"


def test_what_the_device_stores_read_without_asking_needs_consent():
    """consent34 (`changes/stored.py`): the phone's address book, photo library or installed apps affirmed read in
    a clause that asks no yes, where the old sentence did not affirm reaching them (ePrivacy Art. 5(3))."""
    result = judge("The app asks for your microphone only when you record a note, and never opens your photo "
                   "library without asking you first.\n", "The app asks for your microphone when you record a note "
                   "and, after you allow it, it also goes through your photo library to suggest pictures.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.stored import stored_read
    assert stored_read("The app asks for the camera only when you take a photo, and never opens your photo "
                       "library without asking.", "The app asks for the camera when you take a photo and, once "
                       "you allow it, it scans your photo library to tag your friends.") == "photo library"
    # (reworded under the same yes, the user's own upload, a denial kept: nothing read anew)
    assert stored_read("With your permission, we upload your phone's contacts.",
                       "If you give us permission, we upload the contacts on your phone.") is None
    assert stored_read("You can upload photos from your photo library.",
                       "You can pick photos from your photo library and upload them.") is None
    assert stored_read("We do not read the list of apps installed on your phone.",
                       "We never look at the apps installed on your phone.") is None
    # (device facts listed as collected with no end: a new category, a notice's)
    assert stored_read("We collect your device type and carrier name.", "We collect your device type, the apps "
                       "installed on your phone and carrier name.") is None


def test_a_yes_a_consent_bound_practice_waited_on_swapped_for_another_condition():
    """consent35 (`changes/swapped.py`): the user's own act that let sharing for ads or a reading of the device
    happen, cut or swapped for a condition the user does not give (GDPR Art. 6(1)(a), 7; ePrivacy Art. 5(3))."""
    result = judge("We give your purchase history to our ad partners only after you have said yes to tailored "
                   "ads.\n", "We give your purchase history to our ad partners, and we share it with them whenever "
                   "you shop as a guest.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.swapped import yes_swapped
    assert yes_swapped("If you sync your calendar, the app reads the contacts stored on your phone to suggest "
                       "meetings.", "When you install the app, it reads the contacts stored on your phone to "
                       "suggest meetings.") == ("device", "If you sync your calendar")
    # (the yes said in other words, a settings gate, a practice the law does not bind to consent: none)
    assert yes_swapped("If you choose to sync, we upload your address book.",
                       "If you decide to sync, we upload your address book.") is None
    assert yes_swapped("If you turn on backups, we copy your camera roll.",
                       "We copy your camera roll when backups are on in your settings.") is None
    assert yes_swapped("If you have opted in to news, we share your email with our delivery provider.",
                       "We share your email with our delivery provider.") is None


def test_keystrokes_and_session_replays_recorded_need_consent():
    """consent35 (`changes/typed.py`): the user's keystrokes, mouse movements or visits recorded as they happen,
    where the old text did not name them (ePrivacy Art. 5(3))."""
    result = judge("We collect the pages you view and the links you click.\n", "We collect the pages you view, the "
                   "links you click and, through session replay, your cursor movements on each page.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.typed import input_recorded
    assert input_recorded("We count page views.", "We count page views and record your keystrokes.") == "keystrokes"
    # (named before, denied, masked, or started by the user: none)
    assert input_recorded("We record your mouse movements.", "We log your mouse movements.") is None
    assert input_recorded("We count page views.", "We count page views but never record keystrokes.") is None
    assert input_recorded("We count page views.", "Our replay tool masks what you type.") is None
    assert input_recorded("We help by chat.", "If you share your screen, we record your session.") is None


def test_children_newly_taken_in_need_a_parents_consent():
    """consent36 (`changes/admitted.py`): a child group let use the service, or joined to the people whose data are
    taken, where the old text kept children out or did not name them (GDPR Art. 8(1); COPPA 16 CFR 312.5)."""
    result = judge("Our games are for adults. We do not let children register.\n", "Our games are for adults. Pupils "
                   "of primary schools can also register through their teacher's class account.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.admitted import children_taken_in
    assert children_taken_in(["Kids under 13 are not allowed to play."], "Kids under 13 may now play with a "
                             "parent's approval.") == "Kids under 13 may now play"
    assert children_taken_in([], "Clubs send us the names of their members, including players under 16.") \
        == "including players under 16"
    # (denied, found and deleted, let in before, or a parent as the actor: none)
    assert children_taken_in([], "Children under 13 cannot use the app.") is None
    assert children_taken_in([], "If we learn that a child under 13 can use the app, we delete the account.") is None
    assert children_taken_in(["If you are under 16, you may join with a parent's consent."],
                             "If you're under 16, you can join once a parent consents.") is None
    assert children_taken_in([], "Parents can ask us to delete their child's data.") is None


def test_a_default_turned_on_where_the_yes_was_waited_for_needs_consent():
    """consent36 (`changes/flipped.py`): a practice the old sentence ran only after the user's yes, now on by
    default with at most a way out (GDPR Art. 4(11), 7(1); CJEU C-673/17 Planet49)."""
    result = judge("We text you about new stock only if you have opted in at checkout.\n",
                   "We text you about new stock unless you have opted out at checkout.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.flipped import default_flipped
    assert default_flipped(["Cookie-based ad measurement runs only after you accept it in the banner."],
                           "Cookie-based ad measurement runs from your first visit.") == "runs from your first visit"
    # (the yes reworded, the default on before, the feature protects the user, another practice: none)
    assert default_flipped(["Analytics stays off until you say yes."], "Analytics is off until you agree.") is None
    assert default_flipped(["We send news unless you opt out."], "We send news unless you unsubscribe.") is None
    assert default_flipped(["Encryption of backups is on only if you turn it on."],
                           "Encryption of backups is switched on for all devices.") is None
    assert default_flipped(["We share your playlists only if you opt in."],
                           "Security alerts are on by default.") is None


def test_special_data_newly_inferred_from_patterns_need_consent():
    """consent36 (`changes/inferred.py`): a condition, a diet or a belief newly worked out from patterns in ordinary
    data (GDPR Art. 9(1); CJEU C-184/20)."""
    result = judge("We use your step count to set daily goals.\n", "We use your step count to set daily goals, and "
                   "we spot drops in it that may be a sign of an illness.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.inferred import special_inferred
    assert special_inferred([], "The app picks up on sleep patterns that indicate a disorder.") == "disorder"
    # (fraud spotted, a denial, an inference the old text told, a trait logged by the user: none)
    assert special_inferred([], "We detect login patterns that suggest fraud.") is None
    assert special_inferred([], "We never guess your religion from what you read.") is None
    assert special_inferred(["Patterns in your meals may point to a diet we can help with."],
                            "We spot patterns in your meals that suggest a diet.") is None
    assert special_inferred([], "You can log the conditions you have.") is None


def test_a_promise_not_to_record_a_communication_turned_needs_consent():
    """conscol39 (`changes/recorded.py`): a call, a consultation, a session the old sentence said was not recorded,
    now recorded with no yes asked (ePrivacy Art. 5(1); CIPA 632)."""
    result = judge("Group audio chats on the forum are never recorded.\n",
                   "Group audio chats on the forum are recorded so moderators can review them later.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.recorded import recording_turned
    assert recording_turned("We do not record your coaching sessions.",
                            "We record your coaching sessions to train new coaches.") is not None
    assert recording_turned("We never use session replay on our checkout pages.",
                            "Our checkout pages run a session-recording tool.") is not None
    # (the denial reworded, a yes asked, a recording told before, no communication named, a noun "record": none)
    assert recording_turned("We never record calls.", "Calls are not recorded.") is None
    assert recording_turned("We do not record calls.", "Calls are recorded only if both of you agree.") is None
    assert recording_turned("Support calls are recorded for training, but chats are not recorded.",
                            "Support calls and chats are recorded for training.") is None
    assert recording_turned("We do not record your location history.", "We record your location history.") is None
    assert recording_turned("We never record your calls.", "Your doctor keeps notes in your record.") is None


def test_a_promise_not_to_track_the_users_activity_turned_needs_consent():
    """consnov40 (`changes/recorded.py`, `activity_turned`): the sites a user visits, the buttons tapped or an
    identifier on the device, which the old sentence said were not recorded or tracked, now recorded with no yes
    asked (ePrivacy Art. 5(3))."""
    result = judge("Our in-app reader shows articles; we never track the websites you open from it.\n",
                   "Our in-app reader shows articles and tracks the websites you open from it to rank stories.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.recorded import activity_turned, recording_turned
    assert recording_turned("We do not log which sites you visit on the guest network.",
                            "We log which sites you visit on the guest network to block abuse.") is not None
    assert activity_turned("The widget works without storing an identifier on your phone.",
                           "The widget stores an identifier on your phone to count repeat visits.") is not None
    # (the denial reworded, a yes asked, tracking told before, an exception in the old denial: none)
    assert activity_turned("We never track the pages you visit.", "The pages you visit are never tracked.") is None
    assert activity_turned("We never track the pages you visit.",
                           "If you agree, we track the pages you visit.") is None
    assert activity_turned("We record the pages you visit on our site but do not track the websites you visit "
                           "elsewhere.", "We record the pages you visit on our site and the websites you visit "
                           "elsewhere.") is None
    assert activity_turned("We do not track the pages you view unless you sign in.",
                           "We track the pages you view once you sign in.") is None


def test_data_from_elsewhere_tied_to_the_persons_account_needs_consent():
    """consnov40 (`changes/exposed.py`, `account_combined`): another service's data, the person's visits to other
    sites, or data kept apart before, now combined with the person's account (CJEU C-252/21; GDPR Art. 6(4))."""
    result = judge("Our fitness app shows your weekly steps.\n",
                   "Our fitness app shows your weekly steps, and we combine your workouts from Stravo with your "
                   "Pulse account.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.exposed import account_combined
    assert account_combined([], [], "We associate the websites you visit with your Nimbus profile.") is not None
    assert account_combined([], ["Survey answers are anonymous and never linked to your account."],
                            "We link your survey answers to your account.") is not None
    # (the same service's own data, a link the user chooses, a denial, told before in the old section: none)
    assert account_combined([], [], "If you later sign up, we combine this data with your Nimbus account.") is None
    assert account_combined([], [], "If you choose, we link your data from Stravo to your Pulse account.") is None
    assert account_combined([], [], "We do not combine data from Stravo with your Pulse account.") is None
    told = "We combine your workouts from Stravo with your Pulse account."
    assert account_combined([told], [], "We combine workouts from Stravo with your Pulse account.") is None


def test_data_about_people_who_have_not_joined_kept_ahead_need_consent():
    """conscol39 (`changes/unjoined.py`): other people's data kept so as to be ready when they join (GDPR Art. 14,
    6(1)(f); data of non-users, who agreed to nothing)."""
    result = judge("We send an invite to the teammates' emails you add.\n",
                   "We send an invite to the teammates' emails you add, and we save those emails so we can show "
                   "your team to them when they register.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.unjoined import unjoined_kept
    assert unjoined_kept([], "We upload the numbers of people who aren't users yet to match them later.") is not None
    # (kept only upon joining, no one else's data, a denial, the old text kept them already: none)
    assert unjoined_kept([], "We only create a profile for your friends once they sign up.") is None
    assert unjoined_kept([], "We keep your basket until you sign up.") is None
    assert unjoined_kept([], "We never store your contacts before they join.") is None
    assert unjoined_kept(["We keep the contacts you upload so we can tell you when they join."],
                         "We store the contacts you upload to tell you when one of them joins.") is None


def test_a_yes_to_guarded_processing_deemed_from_an_act_needs_consent_anew():
    """conscol39 (`changes/deemed.py`): explicit consent to special data or a transfer taken from signing up,
    booking or accepting the terms is no consent (GDPR Art. 4(11), 7(2), 7(4), 49(1)(a))."""
    result = judge("We ask before we keep the allergy details you give us.\n",
                   "By creating an account, you consent to our keeping the allergy and other health details you "
                   "give us.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.deemed import yes_deemed
    assert yes_deemed([], "Transfers to India rely on your explicit consent, which you give when you register.") \
        is not None
    # (no guarded data, the yes asked on its own, a denial, the old text deemed it already: none)
    assert yes_deemed([], "By using our Services, you agree to the collection of information under this policy.") \
        is None
    assert yes_deemed([], "We ask for your explicit consent before we process health data.") is None
    assert yes_deemed([], "Signing up is not treated as consent to the use of sensitive data.") is None
    assert yes_deemed(["By signing up, you agree to the transfer of your data to the US."],
                      "When you sign up, you agree that your data may be transferred to the US.") is None


def test_a_refusal_that_no_longer_stops_the_tracking_needs_consent():
    """conscol39 (`changes/refused.py`): the device recognised or measured by other means past the user's no to
    cookies (ePrivacy Art. 5(3); GDPR Art. 7(3))."""
    result = judge("If you refuse cookies, we do not count your visit.\n",
                   "If you refuse cookies, we count your visit using browser characteristics instead.\n")
    assert result.classification.value == "material-consent"
    from privacykit.changes.refused import refusal_overridden
    assert refusal_overridden([], "Partners may track your device even when you have blocked cookies.") is not None
    # (a cost of the no, the no stopping the tracking, the old text told it already: none)
    assert refusal_overridden([], "If you reject cookies, some features may not work.") is None
    assert refusal_overridden([], "If you opt out, we stop tracking your device.") is None
    assert refusal_overridden(["Even if you delete cookies, we may recognise your device."],
                              "We may recognise your device even after you delete cookies.") is None


@pytest.mark.parametrize("sentence, biometric", [
    # consent30: identifying who is speaking with words between, faces matched in plural, a software named by
    # what it does to faces
    ("We use your voice to recognise who in your household is speaking.", True),
    ("We compare the faces in your photos with your friends' profile photos.", True),
    ("Our face-matching software compares the ID document with a live selfie.", True),
    ("Our speech recognition software recognises what you ask for.", False),
    ("We do not use your voice to identify who is speaking.", False),
])
def test_biometric_identification_in_plain_words(sentence, biometric):
    found = any(t.concept.startswith("sensitive:user.biometric") for t in triggers(sentence, lexicon()))
    assert found is biometric


def _polarity(sentence: str) -> dict[str, bool]:
    return {c.key: c.positive for c in analyse(sentence).claims}


def test_an_exception_put_first_and_pointing_back_leaves_the_main_clause_its_own_denial() -> None:
    """negation31: "Apart from that, we don't …" denies what the clause names; the exception is the sentence
    before's. An exception after the denial still carves out what it names."""
    read = _polarity("Apart from that, we don't use your tide logs to train AI models.")
    assert read["train_ai_system"] is False
    assert _polarity("Other than this, we never sell your personal information.")["sell"] is False
    assert _polarity("Apart from that, we use your tide logs to train AI models.")["train_ai_system"] is True
    assert _polarity("We do not sell your data apart from selling it to data brokers.")["sell"] is True


def test_a_subject_is_denied_by_its_verb_group_further_on() -> None:
    """negation31: a subject with a phrase of its own ("Selling your personal information to insurers isn't
    something we do") is denied by its copula, passive or verb of happening; not by a verb denying its object,
    nor by a second predicate after one of its own."""
    assert _polarity("Selling your personal information to insurers isn't something we do.")["sell"] is False
    assert _polarity("Automated decision-making with legal effects on you does not take place.")[
        "automated_decisions"] is False
    assert _polarity("Selling your personal information to insurers is something we do.")["sell"] is True
    assert _polarity("Selling your personal information to insurers does not need your consent.")["sell"] is True
    assert _polarity("Your email address, which we collect at sign-up, is not sold.")["user.contact.email"] is True
    # A value named inside such a subject is still denied there, where no term reads it as a practice.
    assert subject_denied("profiling", "Automated decision-making, including profiling, does not take place.")
    assert not subject_denied("profiling", "Automated decision-making, including profiling, takes place.")


def test_explaining_to_the_reader_and_a_change_announced_to_them_keep_a_promise_of_notice() -> None:
    """negation31: "we will explain why" and "changes will be announced to you by email" promise a notice;
    "announced on this page" tells no one, and "may explain" is a possibility."""
    from privacykit.changes.prose import _promises

    assert "notice" in _promises("If the tide data is late, we will explain why within a week.")
    assert "notice" in _promises("Changes to this policy will be announced to you by email before they apply.")
    assert "notice" not in _promises("Changes to this policy will be announced on this page.")
    assert _promises("If the tide data is late, we may explain why.")["notice"][0] < \
        _promises("If the tide data is late, we will explain why.")["notice"][0]


def test_a_consent_condition_said_in_other_words_is_still_a_consent_limit() -> None:
    """revfa33: the reader's assent by its plain word, a parent made the subject of consenting, the act that gives
    consent told as what it is, and the consent that was needed: each is the consent limit. A parent only told,
    or an OK the reader gives to a booking, limits nothing."""
    limited = [
        "We sync your tide logs with our partners only with your OK.",
        "In the EU, under-16s need a parent's OK.",
        "Skippers under 16 need a parent or legal guardian to agree before they log a voyage.",
        "Turning on Voyage Sharing is how you give us your explicit consent to share your track.",
        "If we find we hold a child's tide logs without the consent that was needed, we delete them.",
    ]
    for sentence in limited:
        assert Limit.CONSENT in analyse(sentence).limits, sentence
    assert Limit.CONSENT not in analyse("Skippers under 16 need a parent or legal guardian to be told.").limits
    assert Limit.CONSENT not in analyse("We sync your tide logs with our partners every hour.").limits


def test_asking_for_it_is_asking_for_the_consent_named_before_it() -> None:
    """revfa33: "if the law says we need your consent again, we'll ask for it" promises to ask for consent; "ask
    for it" with no consent before it promises nothing of the kind."""
    from privacykit.changes.prose import _promises

    assert "consent" in _promises("If the law says we need your consent again, we will ask for it.")
    assert "consent" not in _promises("If you want a copy of your tide logs, we will ask for it in writing.")


def test_words_of_grammar_add_no_practice() -> None:
    """revfa33: a sentence reworded with "inside", "once", "as soon as", "goes to", "taking" or "in response to"
    tells the same practice; the same rewording that also names another recipient is still a change."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    old = "After a voyage ends, your track is sent to our servers to compute the tide statistics."
    assert verdict(old, "As soon as a voyage ends, your track goes to our servers to compute the tide statistics.") \
        == "editorial"
    assert verdict(old, "As soon as a voyage ends, your track is sent to our servers and to our insurer to compute "
                        "the tide statistics.") != "editorial"
    assert verdict(old, "Once a voyage ends, your track goes to our servers to compute the tide statistics and to "
                        "profile your sailing habits for advertisers.") != "editorial"
    old = "Harbour masters get only your vessel's name, in reply to lawful requests."
    assert verdict("Harbour masters get only your vessel's name when they make lawful requests.", old) == "editorial"


def test_a_postal_address_moved_is_the_same_contact() -> None:
    """revfa33: a street whose kind is written in lower case ("12 rue Lamarck") is an address, and an address line
    replaced whole in a list of contacts tells no practice; a line that also names a use is still read."""
    from privacykit.changes.classify import classify_texts
    from privacykit.changes.editorial import EditorialKind, recognise

    assert recognise("Write to Tidewise SAS, 12 rue Lamarck, 75018 Paris.",
                     "Write to Tidewise SAS, 40 quai de la Loire, 75019 Paris.") is EditorialKind.ADDRESS
    head = "# Tidewise privacy\n\n## Contact\n\nTidewise Ltd is the controller of your tide logs.\n\n- Email: dpo@tidewise.example\n"
    old = head + "- Address: Tidewise Ltd, 3rd Floor, Quay House, 8 Dock Street, Leith EH6 6QA\n"
    new = head + "- Address: Tidewise Ltd, Unit 4, Ropeworks Yard, 19 Salamander Place, Edinburgh EH6 7JJ\n"
    assert classify_texts(old, new, RULES).classification.value == "editorial"
    used = new.rstrip("\n") + ", where a mailroom contractor scans your letters for marketing research\n"
    assert classify_texts(old, used, RULES).classification.value != "editorial"


def test_words_of_removal_or_concealment_add_no_practice() -> None:
    """revfa33: data "thrown away" or "hidden" is less done: no practice of its own; the same sentence that also
    passes the data to a partner is still a change."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    old = "Once a voyage is scored, we delete the recording of your track."
    assert verdict(old, "Once a voyage is scored, the recording of your track gets thrown away.") == "editorial"
    assert verdict(old, "Once a voyage is scored and sent to our insurer, the recording of your track gets thrown "
                        "away.") != "editorial"

def test_an_inventory_holds_what_a_paragraph_names_and_limits_not_its_wording():
    """para33: synonyms the project knows are one item; each subtle change is another inventory."""
    terms = lexicon()
    base = ("We keep your booking history for 24 months and share it only with our payment processor. "
            "We do not sell it.")
    same = ("Your booking history stays with us for two years. Our payment processor is the one party that sees it, "
            "and only for that; it is never sold.")
    assert inventory(base, terms) == inventory(same, terms)
    assert inventory("How long: only as long as we need it.", terms) == \
        inventory("Retention: no longer than we need.", terms)
    for changed in (base.replace(" only", ""),                                   # "only" dropped
                    base.replace("do not sell", "sell"),                         # "not" dropped
                    base.replace("24 months", "36 months"),                      # a period lengthened
                    base.replace("processor.", "processor and our advertising partners."),   # a recipient added
                    base.replace("share it", "share it, unless you object,")):  # an exception added
        assert inventory(changed, terms) != inventory(base, terms), changed

def test_an_inventory_reads_conditions_denials_until_and_citations_for_what_they_do():
    """para34: a condition on the reader's own doing is no condition on a practice; "not … until you agree" is
    "only once you have agreed"; a basis cited by its article is the basis; an address is one without its scheme.
    A condition that limits a practice, a denial dropped, a basis changed still differ."""
    terms = lexicon()
    assert inventory("If anything in this notice is unclear, contact our privacy team at privacy@tide.example.", terms) \
        == inventory("Something unclear? Contact our privacy team at privacy@tide.example.", terms)
    assert inventory("We will not use your tide logs for research until you agree to it.", terms) == \
        inventory("Your tide logs go to research only once you have agreed to it.", terms)
    assert inventory("We chart your tide logs to run the service (Art. 6(1)(b) GDPR).", terms) == \
        inventory("Charting your tide logs is part of the service: the performance of a contract with you.", terms)
    assert inventory("Tide tables: https://www.tide.example/tables", terms) == \
        inventory("Tide tables: www.tide.example/tables/", terms)
    assert inventory("Tax records: kept for six years.", terms) == \
        inventory("Tax records: kept until six years have passed.", terms)
    assert inventory("If you switch on sharing, we send your tide logs to the harbour office.", terms) != \
        inventory("We send your tide logs to the harbour office.", terms)           # a condition on a practice dropped
    assert inventory("We will not use your tide logs for research until you agree to it.", terms) != \
        inventory("Your tide logs go to research once you have agreed to it.", terms)   # the limit dropped
    assert inventory("We chart your tide logs to run the service (Art. 6(1)(b) GDPR).", terms) != \
        inventory("We chart your tide logs to run the service (Art. 6(1)(f) GDPR).", terms)   # another basis
    # A sentence of more condition clauses than are read one by one is taken as stating a condition, so an adversarial
    # run of "if …, if …," is not read at the square of its length (each clause re-reads the whole sentence).
    instruction = "Contact our privacy team " + "if you like, " * 9 + "at privacy@tide.example."
    assert inventory(instruction, terms) != inventory("Contact our privacy team at privacy@tide.example.", terms)
    assert inventory("Contact our privacy team, if you like, at privacy@tide.example.", terms) == \
        inventory("Contact our privacy team at privacy@tide.example.", terms)


def test_a_family_inventory_reads_items_by_concept_family_and_markers_where_they_bear_on_a_practice():
    """family35: data of one family named by other keys, an invitation's "don't" are one family inventory; a datum of
    another family, a recipient added, a limit or a denial dropped, a period lengthened still differ."""
    terms = lexicon()
    base = "We collect your device identifiers and use them only for the security of the tide app. We do not sell them."
    same = "The tide app reads your IP address and advertising ID, solely for its security; they are never sold."
    assert inventory(base, terms) != inventory(same, terms)
    assert families(base, terms) == families(same, terms)
    assert families("Please don't hesitate to contact our privacy team at privacy@tide.example.", terms) == \
        families("Write to our privacy team at privacy@tide.example.", terms)
    for changed in (same.replace("advertising ID", "advertising ID and your email address"),   # another family
                    same.replace("its security", "its security and our advertising partners"),  # a recipient added
                    same.replace("solely for", "for"),                                          # the limit dropped
                    same.replace("never sold", "sold")):                                        # the denial dropped
        assert families(changed, terms) != families(base, terms), changed
    assert families("Tide logs are kept for 12 months.", terms) != families("Tide logs are kept for 18 months.", terms)
    # A denial in what we do is a denial even when led by a word of invitation.
    assert families("Do not worry: we never share tide logs.", terms) != families("Do not worry: we share tide logs.",
                                                                                    terms)


def test_a_condition_whose_occasion_the_other_wording_names_is_no_difference():
    """family35: a condition said in one wording and told by a noun or a preposition in the other (its occasion named
    there) is alike; a condition whose occasion the other wording does not name is a limit dropped or added."""
    terms = lexicon()
    assert alike_by_family(
        "Transfers of your tide logs out of the European Economic Area rely on Standard Contractual Clauses.",
        "When we transfer your tide logs out of the European Economic Area, we rely on Standard Contractual Clauses.",
        terms)
    assert alike_by_family("For paid plans we also store your payment details.",
                           "If you choose a paid plan, we also store your payment details.", terms) is False  # "choose"
    for old, new in (("Whenever you rent, we note the time and the stations.", "We note the time and the stations."),
                     ("We collect your precise location if you allow it.", "We collect your precise location."),
                     ("If you switch on Sync, we store your reading progress.", "Sync stores your reading progress.")):
        assert not alike_by_family(old, new, terms), new
        assert not alike_by_family(new, old, terms), old

def test_paragraphs_sharing_few_words_pair_by_the_same_families():
    """family35: a paragraph rewritten with almost no word in common pairs with the old one naming the same families
    and numbers, and counts as rewritten heavily; one naming another family pairs with nothing."""
    terms = lexicon()
    old = [("Like most apps, we receive device information from your visits.",),
           ("Your payment card details are handled by our payment processor.",)]
    new = [("Each session leaves an IP address and a browser type on our servers.",),
           ("Card numbers go straight to a payment processor.",)]
    heavy, alike = rewritten_alike(old, new, terms)
    assert heavy >= 1
    assert (frozenset({0}), frozenset({0})) in alike
    other = [("Each session leaves your precise location on our servers.",), new[1]]
    assert all(0 not in news for _, news in rewritten_alike(old, other, terms)[1])

def test_the_balancing_test_of_legitimate_interests_denies_no_purpose() -> None:
    """real33: "a legitimate interest (which is not overridden by your interests)", "that your rights do not
    outweigh" deny the override (GDPR Art. 6(1)(f)), never the purposes the interest covers; a denial of its own
    beside the test still denies."""
    read = _polarity("We rely on a legitimate interest (which is not overridden by your rights), such as charting "
                     "the tides and marketing our tide tables.")
    assert read["marketing.communications"] is True
    assert _polarity("Where your rights do not outweigh our interests, we use your tide logs for marketing.")[
        "marketing.communications"] is True
    assert _polarity("Our interests are not outweighed by your rights, and we do not use your tide logs for "
                     "marketing.")["marketing.communications"] is False


def test_a_kind_of_data_named_with_another_head_noun_is_the_same_kind() -> None:
    """real33: "tide activity information" rewritten "tide activity data" names the same kind of data (data,
    information, info and details are one head noun); a denial under the other head, or words the old section never
    wrote, are read as before."""

    def classified(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    assert classified("We collect activity information when you chart the tides.",
                      "We collect activity data when you chart the tides.") == "editorial"
    assert classified("We collect log details when you chart the tides.",
                      "We collect log data when you chart the tides.") == "editorial"
    assert classified("We do not collect activity information.",
                      "We collect activity data when you chart the tides.") != "editorial"
    assert classified("We collect activity information when you chart the tides.",
                      "We collect activity information and log data when you chart the tides.") != "editorial"


def test_a_consent_condition_said_of_the_data_subject_or_as_a_second_limb_or_as_a_question_is_a_limit() -> None:
    """silent34: the consent a practice waits on named as the data subject's own ("on a member's consent"), joined as
    a second limb to another condition of the same clause and contracted ("if X is offered and you've switched it
    on"), or put as a question ("we'll ask whether you want to"), is a consent limit: cut, the practice no longer
    waits on the yes; reworded, it still does. A clause that joins two occasions with no choice is no limit."""
    def consent(text: str) -> bool:
        return Limit.CONSENT in analyse(text).limits

    assert consent("Partners may copy a member's work history into their hiring software on the member's consent.")
    assert consent("Partners may copy a member's work history with the permission of the member.")
    assert consent("If the sing-along feature is offered in your country and you've switched it on, we record it.")
    assert consent("When you follow a Space, we'll ask whether you want to share your email address with its owners.")
    assert not consent("When you visit our site and you read an article, we log the article you read.")
    old = "Approved partners may copy a member's work history into their hiring software on the member's consent."
    assert label(old, "Approved partners may copy a member's work history into their hiring software.") != "editorial"
    assert label(old, old.replace("on the member's consent", "with the member's permission")) == "editorial"


def test_a_table_row_losing_the_choice_it_waited_on_is_no_re_layout() -> None:
    """silent34: a row of a table that loses the limb of its condition the user's choice makes ("… and you've chosen
    to use a voice feature") keeps every other word: a limit dropped, not the old row laid out anew."""
    from privacykit.changes.classify import classify_texts

    head = ("# Privacy\n\n## Who we are\n\nHarbourtune AB runs the app.\n\n## What we collect\n\n"
            "| Category | Description |\n| --- | --- |\n| Usage Data | We log the songs you play. |\n")
    old = head + ("| Voice Data | If voice features are available in your market and you've chosen to use a voice "
                  "feature, we collect and process voice data. Voice data means audio recordings of your voice. |\n")
    new = head + ("| Voice Data | If voice features are available in your market, we collect and process voice data. "
                  "Voice data means audio recordings of your voice. |\n")
    assert classify_texts(old, new, RULES).classification.value != "editorial"
    assert classify_texts(old, old.replace("Usage Data", "Usage data"), RULES).classification.value == "editorial"


def test_a_disclosure_the_law_compelled_now_made_where_it_permits_or_where_it_serves_the_company() -> None:
    """silent34: "where it is required to do so by law" (the act between the compulsion and the law) and "where
    LinkedIn is required to allow access" (the company itself required) are compulsions; made "where it is permitted
    to do so by law" or "in areas of interest to" the company, the disclosure is the company's choice (Art. 6(1)(c)
    -> (f)); the compulsion said in other words is the same."""
    old = "We may give your listening history to the police where we are required to do so by law."
    assert label(old, old.replace("required", "permitted")) == "material-notify"
    assert label(old, old.replace("we are required to do so by law", "the law requires us to do so")) == "editorial"
    old = ("We share answer metadata with academic researchers studying misinformation and other areas where Quora is "
           "required to provide access to data.")
    assert label(old, old.split(" where ")[0].replace("other areas", "other areas of interest to Quora") + ".") \
        == "material-notify"


def test_guarded_data_around_a_targeting_end_is_read_by_grammar():
    """guard35: consent34's guarded data around an end of targeting added in place binds only where the end is told
    as an end (not an example of what the data are about), the position is finer than a region and the child is
    the one whose data it is."""
    from privacykit.changes.guarded import bound_kind, end_told
    assert end_told("We keep your chats.", "We keep your chats and use them to pick the offers you see.")
    assert end_told("We use your wellness data like step counts.",
                    "We use your wellness data like step counts, and to shape the offers you see.")
    assert not end_told("Messages: the chats you send to sellers.",
                        "Messages: the chats you send to sellers, such as questions about an item or an offer.")
    assert bound_kind("the places where your devices are") == "location"
    assert bound_kind("your approximate location data, such as your country") is None
    assert bound_kind("information about where you are, like your country or city") is None
    assert bound_kind("your child's reading level") == "children"
    assert bound_kind("including the Kids app for children") is None
    assert bound_kind("the messages you exchange with other Members") == "communications"
    assert bound_kind("whether you open the emails you receive from us") is None
    example = judge("Messages: the messages you send to sellers through our inbox.\n",
                    "Messages: the messages you send to sellers through our inbox, for example questions about a "
                    "listing or a deal.\n")
    assert example.classification.value != "material-consent"
    told = judge("We use your child's reading level only to pick the next book.\n",
                 "We use your child's reading level to pick the next book and to recommend sponsored titles.\n")
    assert told.classification.value == "material-consent"
    # (a pointer's referent is the nearest sentence before that names data)
    pointed = judge("We track your precise location during a ride. Afterwards we keep the fare and the payment card you "
                    "used. We use this information only to bill you.\n",
                    "We track your precise location during a ride. Afterwards we keep the fare and the payment card you "
                    "used. We use this information to bill you and to pick the offers we send you.\n")
    assert pointed.classification.value != "material-consent"


def test_a_member_put_into_a_numbered_list_is_read_though_the_members_after_it_are_renumbered():
    """realrec35: the enumerator of a numbered list ("(c)", "(3)", "(iv)") is the list's layout; a member put in
    renumbers those after it, and is still a member the list gains. Own text."""
    from privacykit.changes.prose import added_members, enumeration_runs, enumerators_out
    old = ("We pass booking data to (a) the hotels you book, (b) card processors that take your payment, and "
           "(c) the review site you choose.")
    new = ("We pass booking data to (a) the hotels you book, (b) card processors that take your payment, "
           "(c) insurers that cover your trip, and (d) the review site you choose.")
    assert added_members(old, new)
    assert any("insurers" in run for run in enumeration_runs(old, new))
    # The same list reordered and renumbered, or numbered in letters for numbers, gains nothing.
    reordered = ("We pass booking data to (a) card processors that take your payment, (b) the hotels you book, and "
                 "(c) the review site you choose.")
    assert not enumeration_runs(old, reordered) and not added_members(old, reordered)
    restyled = old.replace("(a)", "(i)").replace("(b)", "(ii)").replace("(c)", "(iii)")
    assert not enumeration_runs(old, restyled) and not added_members(old, restyled)
    # A citation's letters are no enumerators: "Art. 6(1)(a)" stays as written.
    cited = "We rely on Art. 6(1)(a) GDPR and Art. 6(1)(f) GDPR for (a) ads and (b) analytics."
    assert enumerators_out(cited, cited + " (c) x")[1].count("6(1)(") == 2

def test_a_datum_named_with_your_is_the_datum_the_old_list_named_bare() -> None:
    """revfa35: "your name" where the old list had "name" bare, after "such things as" or another possessive, is the
    same datum; "name" that named something else, or a datum the old list denied, still makes a new one."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    new = "To log a voyage we record your name, your boat's call sign and your home port."
    assert verdict("To log a voyage we record such details as name, the boat's call sign and home port.", new) \
        == "editorial"
    assert verdict("To log a voyage we record the skipper's name, call sign and home port.", new) == "editorial"
    assert verdict("To log a voyage we record the name of the boat, its call sign and home port.", new) != "editorial"
    assert verdict("To log a voyage we record the boat's call sign and home port, but not name or age.", new) \
        != "editorial"


def test_a_denial_restated_in_other_words_is_still_a_denial() -> None:
    """revfa35: the negation made the determiner, the denied datum made the subject of a coordinated clause, a
    generic head noun dropped: the promise stands; a clause that affirms the practice beside the denial does not."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    old = "We do not build a profile of your sailing habits, and we don't share your boat's position with insurers."
    assert verdict(old, "We build no profile of your sailing habits, and your boat's position is not passed to "
                        "insurers.") == "editorial"
    assert verdict("We do not disclose tide logs to marinas for their own marketing purposes.",
                   "Marinas never receive tide logs from us for their own marketing.") == "editorial"
    assert verdict("We do not sell tide logs and do not disclose them to marinas for their own marketing purposes.",
                   "We never sell tide logs, and we give them to marinas for their own marketing.") != "editorial"

def test_a_cookie_banner_the_capture_caught_is_no_text_of_the_statement() -> None:
    """realfa35: a paragraph ending in a cookie banner's buttons (two side by side, one a choice) is the site's
    chrome: it comes and goes between captures and tells no practice; the policy's own sentence naming one button,
    or a paragraph ending in two links that are no choice, is still read."""
    from privacykit.changes.classify import classify_texts
    from privacykit.changes.editorial import is_cookie_banner

    banner = "We and our partners use cookies to show you ads based on your interests. Accept all Cookie settings"
    assert is_cookie_banner(banner, ("Accept all", "Cookie settings"))
    assert not is_cookie_banner("You can refuse them with Reject all in the banner.", ("Reject all",))
    assert not is_cookie_banner("We use cookies to measure reading. Cookie Policy Settings", ("Cookie Policy", "Settings"))
    policy = "Privacy Policy\n==============\n\nWe keep your playlists to run the service.\n"
    caught = ("We and our partners use cookies to show you ads based on your interests and to measure them. "
              "[Accept Cookies](#) [Cookie Settings](#)\n\n")
    assert classify_texts(policy, caught + policy, RULES).classification.value == "editorial"
    assert classify_texts(caught + policy, policy, RULES).classification.value == "editorial"
    told = policy + "\nWe and our partners use cookies to show you ads based on your interests.\n"
    assert classify_texts(policy, told, RULES).classification.value != "editorial"


def test_steps_told_on_a_help_page_are_still_the_readers_own_way() -> None:
    """realfa35: a control or a place in the service replaced by the steps on a help page ("follow the steps on our
    Help Center") is the reader's own way told by reference, not a request only; the same right put to a request
    the company answers is narrowed."""
    from privacykit.changes.exercise import guided

    assert guided("To opt out, follow the steps on our Help Center.")
    assert guided("You can delete your account. Learn how on our Help page.")
    assert not guided("To opt out, follow the steps in our article and email us at privacy@example.com.")

    def classified(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    control = "To withdraw your consent, you can adjust the relevant control on Spotify."
    assert classified(control, "To withdraw your consent, use the instructions in our support article.") == "editorial"
    assert classified(control, "To withdraw your consent, submit a request to our privacy team.") != "editorial"
    settings = "You may delete your account information at any time from the user preferences page."
    assert classified(settings, "You may delete your account at any time from the settings page in your account.") \
        == "editorial"
    assert classified(settings, "You may delete your account at any time by submitting a request to us.") \
        != "editorial"


def test_a_copyright_line_the_capture_caught_names_no_controller() -> None:
    """realfa35: a site's footer ("[Privacy Policy](…) [Do Not Sell or Share My Personal Information](…) Reddit, Inc.
    © 2024.") names the page's publisher; the run of capitals that takes in the links is no new controller. Another
    company told as the controller beside such a line still is."""
    from privacykit.changes.classify import classify_texts

    policy = ("Contact Us\n----------\n\nIf you have other questions about this Privacy Policy, please contact us at "
              "Reddit, Inc., 548 Market St., San Francisco, and we will answer you as soon as we can.\n")
    footer = ("\n[Privacy Policy](https://example.com/privacy) [Do Not Sell or Share My Personal Information]"
              "(https://example.com/choices) Reddit, Inc. © 2024. All rights reserved.\n")
    assert classify_texts(policy, policy + footer, RULES).classification.value == "editorial"
    before = "Reddit, Inc. is the controller of your information. Reddit, Inc. © 2024.\n"
    after = "Advance Data Services LLC is the controller of your information. Reddit, Inc. © 2024.\n"
    assert classify_sections(section_from_text(before), section_from_text(after), RULES).classification.value \
        != "editorial"

def test_what_follows_if_the_reader_withholds_data_named_elsewhere_tells_no_new_data() -> None:
    """realfa37: "if you do not give us a shipping address, we will not be able to ship your order" tells the cost of
    withholding data (Art. 13(2)(e)); data another section of the old policy names are no new kind of data. Data named
    nowhere before, or a sentence telling what the company does instead, are still read."""
    from privacykit.changes.classify import classify_texts
    from privacykit.changes.editorial import tells_withholding

    assert tells_withholding("Should you decide not to share your card details, we will be unable to start your plan.")
    assert tells_withholding("You may decline to submit information, in which case we may not be able to serve you.")
    assert not tells_withholding("If you do not give us your number, we will instead obtain it from your carrier.")
    assert not tells_withholding("If you do not opt out, we share your data with advertisers.")
    data = ("What we collect\n---------------\n\nWhen you order, we collect your name, billing and shipping "
            "address and card details.\n\n")
    orders = ("Repairs\n-------\n\nSometimes, if you do not give us the information we need, we may not be able to "
              "provide the services you asked for.\n")
    told = " For example, if you do not give us a shipping address, we will not be able to return a repaired device.\n"
    assert classify_texts(data + orders, data + orders.rstrip("\n") + told, RULES).classification.value \
        == "editorial"
    asked = " For example, if you do not give us a photo of your driving licence, we will not be able to return a repaired device.\n"
    assert classify_texts(data + orders, data + orders.rstrip("\n") + asked, RULES).classification.value \
        != "editorial"


def test_a_sentence_split_in_two_keeps_the_consent_its_other_half_tells() -> None:
    """realfa37: "…, you may withdraw your consent at any time, without affecting …" split at the comma keeps the
    condition in its second half; a consent the split now says is not needed, or a consent for something else
    beside it, is still a condition dropped."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), RULES).classification.value

    old = "The app uses essential cookies that keep you signed in and that do not require your consent.\n"
    assert verdict(old, "The app uses essential cookies that keep you signed in. Your consent is not required "
                        "for them.\n") == "editorial"
    old = "The app uses analytics cookies that show us how you use it, but only with your consent.\n"
    assert verdict(old, "The app uses analytics cookies that show us how you use it. Your consent is not required "
                        "for them.\n") != "editorial"
    assert verdict(old, "The app uses analytics cookies that show us how you use it. Newsletters are sent only "
                        "with your consent.\n") != "editorial"


def test_a_way_to_ask_cut_from_the_ways_a_request_is_made_narrows_the_right_unless_told_apart() -> None:
    """ownrec35: one of the ways to make a rights request cut, the others kept, is a right made harder to exercise
    (Art. 12(2)); the way put into a sentence of its own, or a sentence about a booking, is no such cut."""
    rules = load_rules()

    def verdict(old: str, new: str) -> tuple[str, list[str]]:
        result = classify_sections(section_from_text(old), section_from_text(new), rules)
        return result.classification.value, [f.id for f in result.findings]

    old = "To exercise your rights, write to rights@pinecart.example or call 0800 555 0142."
    label, ids = verdict(old, "To exercise your rights, write to rights@pinecart.example.")
    assert label == "material-notify" and any("way-cut" in i for i in ids)
    assert verdict(old, "To exercise your rights, write to rights@pinecart.example. You can also call us on "
                        "0800 555 0142.")[0] == "editorial"
    assert verdict("Questions about a delivery? Write to help@pinecart.example or call 0800 555 0143.",
                   "Questions about a delivery? Write to help@pinecart.example.")[0] == "editorial"


def test_the_authority_of_the_readers_own_place_cut_from_a_complaint_narrows_it_unless_still_named() -> None:
    """ownrec35: a complaint that could go to the authority where the reader lives or works, now only to the
    company's own authority (Art. 77(1)), whether the alternative is cut or the sentence naming it merged away;
    the place still named in another sentence of the new text is no cut."""
    rules = load_rules()

    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), rules).classification.value

    old = ("You can complain to a supervisory authority, in particular in the country where you live or work. "
           "Our lead authority is the Commission nationale de l'informatique et des libertés (CNIL).")
    assert verdict(old, "You can complain to our lead supervisory authority, the Commission nationale de "
                        "l'informatique et des libertés (CNIL).") == "material-notify"
    assert verdict("Complaints may go to the CNIL or to the authority where you live.",
                   "Complaints may go to the CNIL.") == "material-notify"
    assert verdict(old, "Our lead authority is the Commission nationale de l'informatique et des libertés (CNIL). "
                        "You can also complain to a supervisory authority in the country where you live or work.") \
        == "editorial"


def test_a_sentence_giving_a_way_to_ask_rewritten_whole_with_post_only_is_read_as_the_same_sentence() -> None:
    """ownrec35: "You may also submit a request by e-mail to …" rewritten whole as "… in writing by post to our Data
    Protection Team at the address set out in Section 1 above" pairs with no sentence; read as one sentence, the
    request is now made on paper only (Art. 12(2)). The same way, reworded, is nothing."""
    from privacykit.changes.classify import classify_texts

    base = ("# Privacy notice\n\n## 1. Who we are\n\nHarbour Bank plc, 10 Quay Street, Bristol, is the controller of your "
            "personal data.\n\n## 7. Your rights\n\nYou have the right to access, rectify and erase your personal data "
            "and to object to its processing. You may also submit a request {way}. We answer every request within one "
            "month and free of charge.\n\n## 8. Changes\n\nWe will tell you about changes to this notice by e-mail.\n")
    old = base.format(way="by e-mail to dataprotection@harbourbank.co.uk")
    rules = load_rules()
    result = classify_texts(old, base.format(way="in writing by post to our Data Protection Team at the address set "
                                                  "out in Section 1 above"), rules)
    assert result.classification.value == "material-notify"
    assert any("post-only" in f.id for f in result.findings)
    assert classify_texts(old, base.format(way="by e-mail to our team at dataprotection@harbourbank.co.uk whenever "
                                               "you like"), rules).classification.value == "editorial"


def test_notice_of_a_change_given_ahead_and_cut_narrows_the_readers_time_unless_still_given() -> None:
    """notify36: a notice of changes that came a period before they apply, or before they take effect, now comes
    with no period or once they apply (Art. 12(1), 13(3)); the notice ahead still given in another sentence of
    the new text, or said in other words, is no cut. Own text: a seed-bank charity's newsletter policy."""
    from privacykit.changes.classify import classify_texts

    base = ("# Privacy policy\n\n## Who we are\n\nThe Meadow Seed Trust keeps the details of its supporters.\n\n"
            "## Changes to this policy\n\n{notice}\n")
    old = base.format(notice="If we change how we use your details, we will email you 21 days before the change "
                             "takes effect.")
    cut = classify_texts(old, base.format(notice="If we change how we use your details, we will email you about "
                                                 "the change."), RULES)
    assert cut.classification.value == "material-notify"
    assert any("advance-notice-cut" in f.id for f in cut.findings)
    assert classify_texts(old, base.format(notice="If we change how we use your details, we will email you before "
                                                  "the change takes effect."), RULES).classification.value \
        == "material-notify"
    assert classify_texts(old, base.format(notice="If we change how we use your details, we will email you. The "
                                                  "email reaches you 21 days before the change takes effect."),
                          RULES).classification.value == "editorial"
    assert classify_texts(old, base.format(notice="Should we change how we use your details, we will email you three "
                                                  "weeks before the change takes effect."),
                          RULES).classification.value == "editorial"


def test_a_way_of_the_readers_own_to_opt_out_removed_narrows_the_objection_unless_still_named() -> None:
    """notify36: of two ways to opt out, the one by a browser signal (or a named switch) removed, where the new
    text names it nowhere: the objection made harder (Art. 12(2), 21(5); CCPA §1798.135). The same way still
    given in another section, or a removed sentence naming no way, is no cut. Own text: a recipe website."""
    from privacykit.changes.classify import classify_texts

    base = ("# Privacy notice\n\n## Who we are\n\nPantry Notes Ltd runs the recipe site pantrynotes.example.\n\n"
            "## Sale of data\n\nYou can opt out of the sale of your data by using the form on our Do Not Sell page."
            "{extra}\n\n## Your choices\n\n{choices}\n")
    signal = " You can also opt out with a browser that sends the Global Privacy Control signal."
    old = base.format(extra=signal, choices="You can delete your account at any time.")
    cut = classify_texts(old, base.format(extra="", choices="You can delete your account at any time."), RULES)
    assert cut.classification.value == "material-notify"
    assert any("opt-out-way" in f.id for f in cut.findings)
    kept = base.format(extra=signal, choices="You can delete your account at any time." + signal)
    assert classify_texts(kept, base.format(extra="", choices="You can delete your account at any time." + signal),
                          RULES).classification.value == "editorial"
    repeat = " You can opt out at any time and free of charge."
    assert classify_texts(base.format(extra=repeat, choices="You can delete your account at any time."),
                          base.format(extra="", choices="You can delete your account at any time."),
                          RULES).classification.value == "editorial"


def test_consent_readings_know_a_concept_in_other_words_than_their_first_writer():
    """paracons37: readings widened by the legal concept, from the paraphrase sets: a system that learns from what it
    is fed, a search for signs of a guarded trait, hashed contacts handed for ads in any order, a permission given
    for one thing stretched to stored content, a decision on a claim by another verb, a fingerprint described."""
    from privacykit.changes.accessed import access_turned
    from privacykit.changes.forsworn import forsworn_served
    from privacykit.changes.inferred import special_inferred
    from privacykit.changes.stored import stored_read
    told = {t.concept for t in triggers("Your reviews are fed into the AI that writes our product summaries so "
                                        "that it learns your tone.", lexicon())}
    assert "ai-training" in told
    assert "ai-training" not in {t.concept for t in triggers("Your posts are fed into your home feed.", lexicon())}
    assert special_inferred([], "The app screens your entries for possible signs of an eating disorder.") is not None
    assert special_inferred([], "We scan uploads for signs of malware.") is None
    handed = {t.concept for t in triggers("So that social networks can show you our adverts, we share a hashed "
                                          "copy of your phone number with them.", lexicon())}
    assert "third-party-advertising" in handed
    assert "third-party-advertising" not in {t.concept for t in triggers(
        "We receive hashed email addresses from social networks to measure our adverts.", lexicon())}
    assert stored_read("The app asks for camera access to scan receipts.",
                       "Granting that permission also allows the app to read the photos stored on your phone to "
                       "build an inventory.") is not None
    assert stored_read("The app asks for camera access to scan receipts.",
                       "If you allow it, the app reads the photos stored on your phone to build an inventory.") is None
    old = "We use Sensor Data for alerts, and we will not use Sensor Data to decide whether to pay a claim."
    assert forsworn_served(old, "We also rely on it when assessing whether a claim is payable.",
                           nearby=["We do not use Sensor Data to infer anything about your health."]) is not None
    assert forsworn_served(old, "Sensor Data is never used when assessing whether a claim is payable.") is None
    denied = "We do not use device fingerprinting."
    assert access_turned(denied, "We recognise your browser by combining its settings into an identifier.")
    assert access_turned(denied, "We never identify your device from its settings or fonts.") is None


def test_biometric_data_put_to_a_further_end_needs_consent():
    """paracons37 (`changes/furthered.py`): face or voice data kept for verification, put to one more end."""
    from privacykit.changes.furthered import biometric_furthered
    old = ["Our partner compares the face in your selfie with the photo on your ID."]
    assert biometric_furthered(old, "We also keep a faceprint from your selfie and check new sign-ups against it.")
    assert biometric_furthered([], "We keep a biometric template of your face (passed or not), which we match "
                                   "against everyone who registers later.")
    # (retention alone, a denial, a yes asked, an end the old text told: none)
    assert biometric_furthered(old, "We also keep your selfie for 30 days.") is None
    assert biometric_furthered(old, "Your face data is never matched against any other accounts.") is None
    assert biometric_furthered(old, "With your consent, we also match your faceprint against new sign-ups.") is None
    assert biometric_furthered(["We also match your faceprint against new sign-ups."],
                               "We also compare your faceprint with new sign-ups.") is None

def test_a_consent_condition_dropped_is_read_whatever_the_grammar_of_the_practice():
    """paracons38: a disclosure to the reader's own employer or to one insurer is one to others; the reader's yes
    told by its verb ("only if you agree"); a sentence that asked consent rewritten whole, its practice (the same
    legal concept) told again in a new sentence that asks nothing."""
    from privacykit.changes.classify import classify_texts
    from privacykit.changes.consent import consent_basis
    from privacykit.changes.terms import lexicon
    told = consent_basis("Your course certificates are made available to your employer.", lexicon())
    assert told is not None and told.concept == "disclosure-to-others"
    assert consent_basis("We send the invoice to your employer's billing service provider.", lexicon()) is None

    def verdict(old: str, new: str) -> str:
        head = "# Sharing\n\nWe use cookies to run the site. "
        return classify_texts(head + old + "\n", head + new + "\n", RULES).classification.value

    asked = "Only if you agree, we send your Driver Score to the insurer you choose."
    assert verdict(asked, "We send your Driver Score to the insurer you choose.") == "material-consent"
    assert verdict(asked, "We send your Driver Score to the insurer you choose, but only once you have "
                          "agreed.") == "editorial"
    published = "With your permission, we may show your profile photo and name next to your answer."
    assert verdict(published, "We may also feature your name and profile picture beside the answers we "
                              "highlight.") == "material-consent"
    assert verdict(published, "With your permission, we may also feature your name and profile picture beside "
                              "the answers we highlight.") == "editorial"
    cookies = "We place advertising cookies only after you accept them in the cookie banner."
    assert verdict(cookies, "When you open a page, advertising cookies are stored in your browser to measure "
                            "campaigns.") == "material-consent"


def test_an_opt_in_told_as_the_readers_wish_or_a_box_made_an_opt_out():
    """paracons38 (`changes/flipped.py`): the reader's wish as the condition ("If you want, you can post it"), and
    the way out told through a box ("unless you have ticked the box to opt out")."""
    from privacykit.changes.flipped import default_flipped
    wish = ["Your runs are private.", "If you want, you can post a run to the community feed."]
    assert default_flipped(wish, "Unless you turn it off, every run you record is published on the community "
                                 "feed.") is not None
    assert default_flipped(["If you want to delete your runs, open Settings."],
                           "Unless you turn it off, every run you record is published on the community feed.") is None
    box = ["We send offers by email only if you ticked the marketing box when you signed up."]
    assert default_flipped(box, "We send offers by email unless you ticked the box to opt out when you "
                                "signed up.") is not None


def test_consent_set_aside_or_swapped_for_the_contract_is_read():
    """paracons38 (`_Rights.consent_disowned`): consent named only to be set aside for a consent-bound practice; special
    data the old sentence processed on consent, now rested on the contract with an acceptance deemed from an act."""
    from privacykit.changes.classify import classify_texts

    def verdict(old: str, new: str) -> str:
        head = "# Wellness\n\nThe app reads your heart rate. "
        return classify_texts(head + old + "\n", head + new + "\n", RULES).classification.value

    old = "This is health data, so we rely on your explicit consent (Article 9(2)(a) GDPR)."
    assert verdict(old, "This is what your plan is for, so we rely on our contract with you (Article 6(1)(b) "
                        "GDPR).") == "material-consent"
    assert verdict(old, "This is health data, so we rely on your explicit consent (Art. 9(2)(a) GDPR).") == "editorial"
    assert verdict("We show you ads.", "We show you ads. We rely on our legitimate interests rather than your consent "
                                       "to tailor ads to what you do on other websites.") == "material-consent"


def test_only_said_as_a_pseudo_cleft_or_a_purpose_counted_as_one_is_the_same_limit():
    """rewrite37 (`items.ONLY_SAID_OTHERWISE`): "All we log is …", "for a single purpose:" say "only"; a quantifier
    ("All logs are …") or a demonstrative ("All that data …") says none, and the limit dropped still widens."""
    assert Limit.ONLY in analyse("All we log is the time of the ride and the bike's number.").limits
    assert Limit.ONLY in analyse("All that is kept is the total of the fare.").limits
    assert Limit.ONLY in analyse("We read the tag for a single purpose: to unlock the bike.").limits
    assert Limit.ONLY not in analyse("All logs are kept for a year.").limits
    assert Limit.ONLY not in analyse("All that data is sent to our insurer.").limits
    old = "When a ride ends, we log only the time of the ride and the bike's number.\n"
    assert judge(old, "When a ride ends, all we log is the time of the ride and the bike's number.\n") \
        .classification.value == "editorial"
    assert judge("We read the tag on your card solely to unlock the bike you chose.\n",
                 "We read the tag on your card for one purpose only: to unlock the bike you chose.\n") \
        .classification.value == "editorial"
    assert judge("We read the tag on your card for a single purpose: to unlock the bike you chose.\n",
                 "We read the tag on your card, for example to unlock the bike you chose.\n") \
        .classification.value == "material-notify"

def test_a_source_described_by_what_the_party_does_is_a_source_in_any_voice() -> None:
    """notify37: a source told by its kind and a relative clause, as the subject handing data to us, as the party
    we get it through, or as the register we match it against, is a new source; the company's own records and a
    party that hands us no data about people are not."""
    base = "We receive certain profile information about you from the Linked Network."
    for added in ("Agencies that run loyalty schemes also pass us details of your purchases.",
                  "We also acquire contact lists by paying companies that compile business directories.",
                  "We may compare your address with the land registers that local councils publish."):
        result = judge(base, base + " " + added)
        assert any(f.kind is ChangeKind.NEW_SOURCE for f in result.findings), added
    for added in ("We check what you tell us against the records that we hold.",
                  "Brokers that arrange cover must follow our rules and send us a signed agreement."):
        result = judge(base, base + " " + added)
        assert not any(f.kind is ChangeKind.NEW_SOURCE for f in result.findings), added


def test_a_datum_that_was_one_of_alternatives_or_optional_and_is_now_needed_is_made_required() -> None:
    """notify38: a datum the reader could give instead of another ("email address and/or mobile number", "either …
    or …") now needed itself, and an optional datum now needed because a step waits until it is given, are data
    made required (Art. 13(2)(e)); the same alternative reordered, and a feature that waits for a datum still
    optional, are not."""
    alternative = "To sign up we need your name and your email address or your phone number."
    for old, new in ((alternative, "To sign up we need your name, your email address and your phone number."),
                     ("Giving us a phone number is optional.",
                      "Orders cannot be shipped until you give us a mobile number.")):
        result = judge(old, new)
        assert any(f.kind is ChangeKind.WIDER_SCOPE for f in result.findings), new
    for old, new in ((alternative, "To sign up we need your name and your phone number or your email address."),
                     ("Giving us a phone number is optional. Without it we cannot send you reminders.",
                      "Giving us a phone number is optional. We cannot send you reminders until you give us one.")):
        result = judge(old, new)
        assert not any(f.kind is ChangeKind.WIDER_SCOPE for f in result.findings), new


def test_a_disclosure_to_public_bodies_no_longer_bound_by_the_law_is_wider() -> None:
    """notify38: a disclosure to authorities made when the law compels it, now made with the compulsion cut or
    rewritten as the bodies' request, or with their request put beside it, is a wider disclosure; the compulsion
    told again in other words or moved to the next sentence is not."""
    old = "We may share your personal data with regulators and the police where required by law."
    for new in ("We may share your personal data with regulators and the police.",
                "We may share your personal data with regulators and the police on their request.",
                "We may share your personal data with regulators and the police where required by law, and also "
                "when they request it informally."):
        assert any(f.kind is ChangeKind.WIDER_SCOPE for f in judge(old, new).findings), new
    for new in ("We may share your personal data with regulators and the police if the law requires it.",
                "We may share your personal data with regulators and the police. We do so only where required by law."):
        assert not any(f.kind is ChangeKind.WIDER_SCOPE for f in judge(old, new).findings), new


def test_the_controller_named_for_the_people_of_another_place_is_another_controller_for_them() -> None:
    """notify38: the sentence naming the controller of the people of some places names it for another place too,
    or an entity the old sentence named without a role is now responsible for those people's data: those people
    have another controller; the same places in another order are not."""
    old = "If you live in Canada, Quora, Inc. is the controller of your personal data."
    for new in ("If you live in Canada or Mexico, Quora, Inc. is the controller of your personal data.",):
        assert any(f.kind is ChangeKind.CONTROLLER_CHANGED for f in judge(old, new).findings), new
    made = judge("Quora Canada Ltd. answers support requests from users in Canada.",
                 "Quora Canada Ltd. is responsible for the personal data of users in Canada.")
    assert any(f.kind is ChangeKind.CONTROLLER_CHANGED for f in made.findings)
    same = judge("If you live in Canada or Mexico, Quora, Inc. is the controller of your personal data.",
                 "If you live in Mexico or Canada, Quora, Inc. is the controller of the personal data about you.")
    assert not any(f.kind is ChangeKind.CONTROLLER_CHANGED for f in same.findings)


def test_what_was_shown_without_the_persons_identity_now_shown_with_it_is_wider() -> None:
    """notify38: content of closed accounts shown as by an unknown user, or kept anonymously, now shown with the
    person's name or picture, is personal data again; the same anonymity told in other words is not."""
    old = "Reviews left by closed accounts will show an unknown user as the source."
    for new in ("Reviews left by closed accounts will continue to show your name and profile photo as the source.",
                "Reviews left by closed accounts will still display your name as the author."):
        assert any(f.kind is ChangeKind.WIDER_SCOPE for f in judge(old, new).findings), new
    same = judge(old, "For closed accounts, reviews name an unknown user as their source instead of your name.")
    assert same.classification.value == "editorial"


_TIDE_OLD = """# Tidemark privacy notice

## About this notice

This notice explains how Tidemark Ltd handles personal data when you log tides with our app.

## What we collect

When you sign up, we collect your name and your email address. When you log a tide, we record the time of the reading and the location of your gauge.

## Who receives your data

Subscription payments are handled by our payment provider, which receives your card details and the price of your plan. We share your tide logs with marine research institutes. We do not sell your personal data.

## How long we keep it

We keep tide logs for 5 years after you log them.

## Contact

If you have any questions about this notice, please write to privacy@tidemark.example.
"""

_TIDE_NEW = """# Tidemark privacy notice

## About this notice

Tidemark Ltd wrote this notice to tell you what happens to your personal data when you use the app to log tides. Marine research institutes get your tide logs.

## What we collect

Signing up means giving us a name and an email address. Each tide you log adds a record: when the reading was taken and where your gauge stands.

## Who receives your data

Our payment provider takes care of subscription payments; for that it gets your card details and what your plan costs. Your personal data is never sold.

## How long we keep it

Tide logs are erased 5 years after they are logged.

## Contact

Questions about this notice? Write to privacy@tidemark.example.
"""


def test_a_value_the_old_document_states_is_no_news_in_a_document_rewritten_whole() -> None:
    """rewrite39: in a document rewritten paragraph by paragraph, a recipient the old document named (under a verb the
    reader does not read as disclosure, "handled by our payment provider, which receives …") is told again when the new
    line gives it the same data; the same party given other data, a party or a purpose the old document never names,
    and the same sentence edited in a document changed nowhere else stay material."""
    from privacykit.changes.classify import classify_texts

    def verdict(new: str, old: str = _TIDE_OLD) -> str:
        return classify_texts(old, new, RULES).classification.value

    assert verdict(_TIDE_NEW) == "editorial"
    assert verdict(_TIDE_NEW.replace("what your plan costs.", "what your plan costs and the location of your gauge.")) \
        != "editorial"
    assert verdict(_TIDE_NEW.replace("Marine research institutes get your tide logs.",
                                     "Marine research institutes get your tide logs, and we also share them with "
                                     "insurance companies.")) != "editorial"
    assert verdict(_TIDE_NEW.replace("Marine research institutes get your tide logs.",
                                     "Marine research institutes get your tide logs, and we use them to show you "
                                     "ads.")) != "editorial"
    single = _TIDE_OLD.replace("Subscription payments are handled by our payment provider, which receives your card "
                               "details and the price of your plan.",
                               "Our payment provider takes care of subscription payments; for that it gets your card "
                               "details and what your plan costs.")
    assert verdict(single) != "editorial"

def test_a_sentence_reworded_whole_in_a_document_rewritten_whole_states_nothing_new() -> None:
    """rewrite40: in a document rewritten paragraph by paragraph, a sentence that only rewords the old sentence it is
    aligned with ("Your tide logs are lodged with our cloud host, which stores them …") is no change, whatever word is
    left over; the same sentence going on to say more, and the same rewording as a single edit, stay material."""
    from privacykit.changes.classify import classify_texts
    from privacykit.changes.inventory import restated_pair
    from privacykit.changes.items import content_words
    from privacykit.changes.terms import lexicon

    kept = "We do not sell your personal data. Our cloud host stores your tide logs on servers in Norway."
    old = _TIDE_OLD.replace("We do not sell your personal data.", kept)
    said = "Your tide logs are lodged with our cloud host, which stores them on servers in Norway."
    new = _TIDE_NEW.replace("Your personal data is never sold.", "Your personal data is never sold. " + said)

    def verdict(text: str, before: str = old) -> str:
        return classify_texts(before, text, RULES).classification.value

    assert verdict(new) == "editorial"
    assert verdict(new.replace("in Norway.", "in Norway and mines them for weather trends.")) != "editorial"
    assert verdict(old.replace("Our cloud host stores your tide logs on servers in Norway.", said)) != "editorial"
    pairs = [(content_words(t), t) for t in ("Our cloud host stores your tide logs on servers in Norway.",
                                             "We keep tide logs for 5 years after you log them.")]
    assert restated_pair(said, pairs, lexicon()) == pairs[0][1]
    assert restated_pair(said.replace("Norway", "Norway and Canada"), pairs, lexicon()) is None
    assert restated_pair(said.replace("which stores", "which never stores"), pairs, lexicon()) is None


def test_a_limit_or_a_denial_said_again_in_a_document_rewritten_whole_is_no_change() -> None:
    """realfa41 (`changes/rebound.py`): in a document rewritten paragraph by paragraph, a sentence that only bounded
    its neighbours ("We keep only the hour of each reading and the gauge's harbour.") said again in another section
    with the same limit on the same things is no limit gone, and "your data stays inside the EU" where the old section
    denied a transfer of the data is no denial turned while the new document still denies something of it; the limit
    cut, set on other data, or the line giving the data to a partner abroad stay material."""
    from privacykit.changes.classify import classify_texts

    bound = "We keep only the hour of each reading and the gauge's harbour."
    old = _TIDE_OLD.replace("the location of your gauge.", "the location of your gauge. " + bound)
    erased = "Tide logs are erased 5 years after they are logged."
    again = erased + " Solely the hour and the harbour stay with us once a reading is logged."

    def verdict(text: str, before: str = old) -> str:
        return classify_texts(before, text, RULES).classification.value

    assert verdict(_TIDE_NEW.replace(erased, again)) == "editorial"
    assert verdict(_TIDE_NEW) != "editorial"     # the limit cut and said nowhere
    assert verdict(_TIDE_NEW.replace(erased, erased + " Solely your email address stays with us.")) != "editorial"
    denied = old.replace("We do not sell your personal data.",
                         "We do not sell your personal data.\n\nYour data is never transferred outside the European Union.")
    sold = "Your personal data is never sold."
    stays = _TIDE_NEW.replace(erased, again).replace(sold, sold + "\n\nYour data stays inside the European Union.")
    assert verdict(stays, denied) == "editorial"
    assert verdict(stays.replace("inside the European Union.", "inside the European Union, and our partner in "
                                 "Canada receives your tide logs."), denied) != "editorial"


def test_a_promise_that_others_do_not_see_guarded_data_turned_into_their_seeing_it_needs_consent() -> None:
    """consaud39 (`changes/exposed.py`): a denial that an audience sees the data, turned into that exposure, of data
    the law guards (health, a child's, positions, communications) or to the public or across two services; ordinary
    data shown, the company's staff reading more, or an exposure the user still chooses are not."""
    turned = judge("Each rider's heart rate stays private. Other riders cannot see your heart rate.\n",
                   "Each rider's heart rate stays private. Other riders can see your heart rate during a class.\n")
    assert turned.classification.value == "material-consent"
    from privacykit.changes.exposed import bound_exposure, exposure_turned
    clause = exposure_turned("Profiles are hidden from search engines.", "Search engines may show your profile.")
    assert clause is not None and bound_exposure(clause, "") == "Search engines"
    assert exposure_turned("We keep the two accounts apart.", "We link both accounts and combine your data.")
    # (the denial said again, the exposure asked for, the staff's reach, a link that is a noun: none)
    assert exposure_turned("Your playlists are never shown to others.", "Others never see your playlists.") is None
    assert exposure_turned("Your history is never shown to friends.",
                           "If you choose, your history is shown to friends.") is None
    assert exposure_turned("Our staff cannot see your symptoms.", "Our staff can see your symptoms.") is None
    assert bound_exposure("the link to your account ends", "the link to your account ends") is None
    ordinary = judge("Your follower count is not shown to other users.\n",
                     "Your follower count is shown to other users.\n")
    assert ordinary.classification.value != "material-consent"


def test_ordinary_data_newly_shown_to_an_audience_the_old_text_kept_them_from_is_a_notice() -> None:
    """notnov40 (`changes/exposed.py`, prose `exposure_turned`): ordinary data shown to others, or the company's
    staff let see what an elliptic denial kept from them, are a new recipient to name: a notice, not consent; the
    denial said again in a sentence of its own is no change."""
    shown = judge("Other collaborators are not shown which listener added each song.\n",
                  "Other collaborators are shown which listener added each song.\n")
    assert shown.classification.value == "material-notify"
    staff = judge("Our support engineers see the crash report you attach, never the rest of the device log.\n",
                  "Our support engineers see the crash report you attach and the full device log.\n")
    assert staff.classification.value == "material-notify"
    from privacykit.changes.exposed import denials, exposure_turned
    assert denials("Moderators see the reported messages and the 20 before them, never the whole history.") == 1
    assert exposure_turned("Moderators see the reported messages, never the whole history.",
                           "Moderators see the whole history.") is None       # (staff: only when asked for)
    split = judge("Other collaborators see the songs but are not shown which listener added each one.\n",
                  "Other collaborators see the songs. They are not shown which listener added each one.\n")
    assert split.classification.value == "editorial"


def test_a_recipients_binding_to_this_policy_cut_is_a_safeguard_removed() -> None:
    """notnov40 (prose `_SAFEGUARD`, `_BOUND`): a buyer, affiliates or partners bound to this policy, or the company
    liable for onward transfers, cut or put under the recipient's own terms: a notice; said again, no change."""
    cut = judge("If we sell a store, your data may pass to the buyer, who must honour this policy.\n",
                "If we sell a store, your data may pass to the buyer.\n")
    assert cut.classification.value == "material-notify"
    own = judge("We share data with affiliates, whose use of it is subject to this Privacy Policy.\n",
                "We share data with affiliates, whose use of it is subject to their own privacy policies.\n")
    assert own.classification.value == "material-notify"
    kept = judge("If we sell a store, your data may pass to the buyer, who must honour this policy.\n",
                 "If we sell a store, your data may pass to the buyer. The buyer will have to comply with this "
                 "policy.\n")
    assert kept.classification.value == "editorial"


def test_a_persons_likeness_newly_put_in_the_companys_promotion_needs_consent() -> None:
    """consaud39 (`changes/exposed.py`): a photo, a voice or clips of a person, with the person named before them,
    newly featured in the company's ads, marketing or social media posts with no yes asked; a yes asked, the use
    told before, or pictures of products are not."""
    from privacykit.changes.exposed import likeness_promoted
    assert likeness_promoted([], "We may feature your first name and profile photo in our ads.") == "profile photo"
    assert likeness_promoted([], "We may post riders' workout videos on our social media accounts.") == "videos"
    assert likeness_promoted([], "With your permission, we may feature your photo in our ads.") is None
    assert likeness_promoted(["We may use your photo in our marketing."],
                             "Your photo may be used in our marketing.") is None
    assert likeness_promoted([], "Our ads show photos of our laptops.") is None
    turned = judge("We celebrate your streaks with a badge.\n",
                   "We celebrate your streaks with a badge and may share your streak and profile photo in our ads.\n")
    assert turned.classification.value == "material-consent"


def test_a_party_outside_the_company_dealing_with_the_person_on_guarded_data_needs_consent() -> None:
    """consaud39 (`changes/exposed.py`): an insurer, a lender or a manufacturer now using the data for its own
    dealings with the person (what they pay, credit or financing, its own offers); the end forbidden, told before,
    or served by the company's own providers are not read."""
    from privacykit.changes.exposed import party_deals
    assert party_deals([], "Insurers may take them into account when setting your premiums.", "") \
        == "setting your premiums"
    assert party_deals([], "They receive it so they can invite you to join their loyalty programmes.",
                       "- Drug manufacturers.") == "invite you to join their loyalty programmes"
    assert party_deals([], "Insurers may not use them to set premiums.", "") is None
    assert party_deals(["Insurers use your scores to set your premiums."],
                       "Insurers set your premiums from your scores.", "") is None
    assert party_deals([], "Our payment provider uses them for its own fraud prevention.", "") is None
    turned = judge("Your journeys are stored in the app.\n", "Your journeys are stored in the app, and our "
                   "partner bank may use them when assessing your applications for a car loan.\n")
    assert turned.classification.value == "material-consent"


def test_a_safeguard_sentence_cut_where_its_words_recur_in_the_section_is_removed() -> None:
    """realnov40: in a long policy a protection's words recur in other statements ("unauthorized access"); a
    sentence of the protection cut leaves the new section saying it fewer times than the old one did, and the
    protection is gone. The sentence moved, or said again in other words, keeps the count."""
    old = ("We protect your data from unauthorized access. We use TLS in transit. We also enforce access controls "
           "so that only the staff who need it can open your records.")
    gone = judge(old, "We protect your data from unauthorized access. We use TLS in transit.")
    assert any(f.id.endswith("safeguard-access-controls") for f in gone.findings)
    for new in ("We protect your data from unauthorized access. We also enforce access controls so that only the "
                "staff who need it can open your records. We use TLS in transit.",
                "We protect your data from unauthorized access. We use TLS in transit. Only the staff who need it "
                "can open your records, because we enforce access controls."):
        assert label(old, new) == "editorial", new


def test_a_compelled_disclosure_whose_sentence_named_no_body_made_on_request_is_wider() -> None:
    """realnov40: "where we are required to do so by law" (no body named in the sentence, the bodies named in
    the section) now "where the police ask us to": the compulsion cut, a wider disclosure to authorities."""
    lead = "We may share data with the police and other government agencies in the cases below. "
    old = lead + "We may disclose your information where we are required to do so by law."
    assert any("compulsion-cut" in f.id for f in
               judge(old, lead + "We may disclose your information where the police ask us to.").findings)
    assert label(old, lead + "Where the law requires us to, we may disclose your information.") == "editorial"


def test_a_part_joined_to_a_coordination_of_a_practice_is_read_by_its_form() -> None:
    """coord41: a part joined by "and"/"or" that repeats the preposition of the place it joins, the opener of the
    condition it joins, or names another party beside the one doing the practice; not "and/or", a denial, a word
    said again, a preposition pair, or examples."""
    from privacykit.changes.conjoined import conjunct_joined
    assert conjunct_joined("We collect information about your listening on the Spotify Service.",
                           "We collect information about your listening on the Spotify Service and on your car's "
                           "dashboard.") == ("place", "and on your car's dashboard")
    assert conjunct_joined("If you use the Reddit app, we may receive information from app store APIs.",
                           "If you use the Reddit app, or if you visit Reddit in a mobile browser, we may receive "
                           "information from app store APIs.")[0] == "condition"
    assert conjunct_joined("We and our partners may use this information to measure how many people listen.",
                           "We, our partners and podcast publishers may use this information to measure how many "
                           "people listen.") == ("party", "and podcast publishers")
    for old, new in (("We or our partners may use this information.", "We and/or our partners may use this information."),
                     ("We do not collect your listening on the app.", "We do not collect your listening on the app or on "
                      "smart speakers."),
                     ("We collect your listening on the app.", "We collect your listening on and through the app."),
                     ("We use your data.", "We use and process your data."),
                     ("We share it with providers, such as hosting firms.", "We share it with providers, such as hosting "
                      "firms and payment firms.")):
        assert conjunct_joined(old, new) is None, new


def test_a_part_joined_to_a_practice_is_a_notice_unless_the_old_document_told_it_of_that_practice() -> None:
    """coord41: the place joined is a wider practice where no old sentence of the same practice named it; one that
    did (the same collection told of the car's dashboard) leaves the change editorial."""
    old = "We collect information about your listening on the Spotify Service."
    new = "We collect information about your listening on the Spotify Service and on your car's dashboard."
    found = judge(old, new)
    assert any(f.kind is ChangeKind.WIDER_SCOPE for f in found.findings)
    told = judge(old + " We also collect information about your listening on your car's dashboard.",
                 new + " We also collect information about your listening on your car's dashboard.")
    assert told.classification.value == "editorial"

def test_guarded_data_reaching_a_new_party_or_use_asks_a_yes_and_ordinary_data_a_notice():
    """consgen41 (`prose.guarded_reach`, `guarded.law_guarded`): a new recipient, audience or use that the new text
    adds to data the law guards specially is a change that needs a fresh yes; the same for ordinary data, for data
    that reach the recipient only aggregated, or for a processor acting on the controller's behalf, stays a notice."""
    from privacykit.changes.guarded import law_guarded
    from privacykit.changes.prose import ProseFinding, guarded_reach

    def reach(implied: ChangeKind, new: str, sentence: str) -> ChangeKind | None:
        return guarded_reach(ProseFinding("s", ProseKind.NEW_VALUE, Item.RECIPIENTS, implied, None, new, (new,),
                                          sentence)).implied

    assert law_guarded("the fingerprint you enrol") == "special" and law_guarded("your postal address") is None
    consent = ChangeKind.NEW_INCOMPATIBLE_USE
    assert reach(ChangeKind.NEW_RECIPIENT, "insurers", "We share the sleep scores your ring records with insurers.") \
        is consent
    assert reach(ChangeKind.NEW_DATA_USE, "to rank the courses we suggest",
                 "Religious beliefs you list are used to rank the courses we suggest.") is consent
    assert reach(ChangeKind.NEW_RECIPIENT, "insurers", "We share your postal address with insurers.") \
        is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "insurers",
                 "We share aggregated sleep scores with insurers.") is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "a hosting company",
                 "A hosting company stores your sleep scores on our behalf.") is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "insurers",
                 "With your explicit consent, we share your sleep scores with insurers.") is ChangeKind.NEW_RECIPIENT
    # (a company's name, a technical check, a word of a compound and the recipient's own words name no guarded data)
    assert reach(ChangeKind.NEW_RECIPIENT, "Vitalis Health Group",
                 "The app is now provided by Vitalis Health Group AG.") is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "wireless carrier",
                 "The results of the device diagnosis are sent to your wireless carrier.") is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "government",
                 "We may ask you to upload a government-issued photo ID.") is ChangeKind.NEW_RECIPIENT
    assert reach(ChangeKind.NEW_RECIPIENT, "health insurers",
                 "We share your postal address with health insurers.") is ChangeKind.NEW_RECIPIENT


def test_a_member_put_among_examples_is_read_by_the_grammar_of_the_pair() -> None:
    """listed41: a run put among the examples a sentence already gives (inside their bracket, after "such as",
    "including", "e.g." in its clause, a list after "Examples … include:"); not examples opened anew, a reordering,
    a bracket that gives no examples, a denial, the examples of a condition's terms, a clause or an adverbial of
    its own, an instance of the term the examples illustrate (neither a party nor a measure of the activity), what
    the law demands, or a run put in beside another change."""
    from privacykit.changes.listed import member_listed
    assert member_listed("We log how you use Reddit (e.g., the communities you visit).",
                         "We log how you use Reddit (e.g., the communities you visit and how long you stay).") \
        == ("measure", "how long you stay")
    assert member_listed("We share it with providers, such as hosting firms.",
                         "We share it with providers, such as hosting firms, as well as survey agencies.") \
        == ("party", "survey agencies")
    for old, new in (("We collect data (e.g., model, serial number).", "We collect data (e.g., serial number, model)."),
                     ("Employers provide us with data about you.",
                      "Employers provide us with data about you (e.g., your department and job level)."),
                     ("We collect your device data.", "We collect your device data (DD)."),
                     ("We do not collect sensitive data (such as health).",
                      "We do not collect sensitive data (such as health or religion)."),
                     ("If you link an app (e.g., a player), we receive data.",
                      "If you link an app (e.g., a player or a tracker), we receive data."),
                     ("We log activity, such as searches.", "We log activity, such as searches, unless you opt out."),
                     ("We use the content you view (e.g., learning videos) to recommend courses.",
                      "We use the content you view (e.g., learning videos and articles) to recommend courses."),
                     ("We keep it to comply with laws, including for tax purposes.",
                      "We keep it to comply with laws, including for tax and audit purposes."),
                     ("We collect your data, such as your name.", "We keep your data, such as your name and age.")):
        assert member_listed(old, new) is None, new


def test_a_member_put_among_examples_is_a_notice_unless_the_old_document_told_it_of_that_practice() -> None:
    """listed41: the example put in names a value no old sentence of the same practice names: a notice; one the
    old document tells of the same collection leaves the change editorial."""
    old = "We collect information about your device (e.g., its model). When the app crashes, we look at the batteries."
    new = ("We collect information about your device (e.g., its model and how old its battery is). When the app "
           "crashes, we look at the batteries.")
    found = judge(old, new)
    assert any(f.kind is ChangeKind.WIDER_SCOPE and "member-listed" in f.id for f in found.findings)
    told = judge("We collect information about your device (e.g., its model). We also collect information about how "
                 "old your device's battery is.",
                 "We collect information about your device (e.g., its model and how old its battery is). We also "
                 "collect information about how old your device's battery is.")
    assert told.classification.value == "editorial"


def test_a_section_compared_alone_and_rewritten_whole_keeps_only_the_facts_it_gained(monkeypatch) -> None:
    """sectionrw41 (`prose._section_rewritten_whole`): a section pair whose two paragraphs are both rewritten, every
    sentence reworded, is read with the rewrite inventory a whole document rewritten in three paragraphs gets: the
    advertising partners said again under the same condition are no new purpose; a provider added keeps its finding,
    and the shape of a single edit (one sentence changed among those left alone) stays under the gate."""
    from pathlib import Path

    from ruamel.yaml import YAML

    from privacykit.changes import prose

    probes = YAML(typ="safe").load((Path(__file__).parent / "classify" / "probes.yml").read_text("utf-8"))["cases"]
    probe = next(c for c in probes if c["id"] == "srw41-spotify-partners-agreed")
    old, new = probe["old"], probe["new"]

    def verdict(text: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(text), RULES).classification.value

    assert verdict(new) == "editorial"
    monkeypatch.setattr(prose, "_SECTIONS_REWRITTEN", False)
    assert verdict(new) != "editorial"          # the gate shut: read as a new purpose, as before
    monkeypatch.setattr(prose, "_SECTIONS_REWRITTEN", True)
    assert verdict(new.replace(" and cloud hosting providers", ", cloud hosting providers and data analytics firms")) \
        != "editorial"
    assert prose._section_rewritten_whole({"a": 0, "b": 0, "c": 1, "d": 1}, {"w": 0, "x": 0, "y": 1, "z": 1})
    assert not prose._section_rewritten_whole({"a": 0, "b": 0, "c": 1, "d": 1}, {"a": 0, "b": 0, "c": 1, "z": 1})


def test_rights_given_to_all_narrowed_beside_another_groups_all() -> None:
    """notreal42 (`prose._everyone_again`): a right given to all of its holders ("to every member, whatever country
    they live in") and now only where a law grants it is narrowed, though another sentence of the section speaks of
    all of another group ("all visitors"); the promise said again of the same holders, or by place, keeps it."""
    from privacykit.changes.prose import _everyone_again

    old = ("We give every member the same rights to access, correct and delete their data, whatever country they "
           "live in. Page admins can see how all visitors interacted with their Page.")
    narrowed = old.replace("every member", "members").replace(
        ", whatever country they live in", " where their local law grants them")
    assert label(old, narrowed) == "material-notify"
    assert any(f.key == "holders-narrowed" for f in prose(old, narrowed).findings)
    again = narrowed + " We extend the same rights to all members elsewhere, too."
    assert label(old, again) == "editorial"
    assert _everyone_again("to all residents of the U.S., regardless of where they live", "every resident")
    assert _everyone_again("to all of our users", "This holds wherever you live.")
    assert not _everyone_again("to all residents of the U.S.", "If all the members of a household ask us")


def test_marketing_sent_by_email_sms_or_push_beyond_the_soft_opt_in_needs_consent() -> None:
    """consmatrix42 (`consent._marketing_unasked`): marketing to the reader by e-mail, SMS or push needs a prior yes
    where the soft opt-in cannot cover it (ePrivacy Art. 13(1)-(2)): others' goods, an address given to verify the
    account, or a message sent without a yes; not the company's own marketing, a yes asked first, or a denial."""
    from privacykit.changes.consent import _marketing_unasked
    for sentence in ("We may send you text messages and emails promoting our partners' products.",
                     "We use the phone number you gave us to verify your account to text you special offers.",
                     "Push notifications also advertise products of our sponsors.",
                     "We send promotional emails without asking for your consent."):
        assert _marketing_unasked(sentence) is not None, sentence
    for sentence in ("We send you emails about our own similar products; you can unsubscribe at any time.",
                     "If you opt in, we send you offers from our partners by email.",
                     "An advertiser may match a hash of your email address.",
                     "We send you a text message to verify your account."):
        assert _marketing_unasked(sentence) is None, sentence
    found = new_triggers("We may also text you offers from our partners.", ["We text you about your orders."],
                         lexicon())
    assert [t.concept for t in found] == ["marketing-unasked"]
    assert new_triggers("We never text you offers from our partners.", ["We text you about your orders."],
                        lexicon()) == []


def test_guarded_data_named_by_the_sentence_a_new_use_leans_on_asks_a_yes() -> None:
    """consmatrix42 (`prose._leaned_on`): a new use told of "this information" or "them" reads the data the sentence
    before names, in the same paragraph; a purpose's label line reads the sentence after it. Ordinary data there, or
    guarded data in another paragraph, stay a notice."""
    def verdict(old: str, new: str) -> str:
        return classify_sections(section_from_text(old), section_from_text(new), load_rules()).classification.value

    before = "You can log your symptoms in the app. We use this information to show you patterns over time."
    assert verdict(before, before[:-1] + " and to develop new features.") == "material-consent"
    label = "To predict your next period. We use your cycle data and the symptoms you log."
    assert verdict(label, label + "\n\nTo develop new features. We study the cycle data and symptoms of our members.") \
        == "material-consent"
    songs = "You can save your favourite songs. We use this information to build your playlists."
    assert verdict(songs, songs[:-1] + " and to develop new features.") == "material-notify"
    apart = "You can log your symptoms in the app.\n\nYou can also save playlists. We use this information to suggest songs."
    assert verdict(apart, apart[:-1] + " and to develop new features.") == "material-notify"


def test_a_yes_asked_by_unless_you_agree_turned_into_a_notice_needs_consent() -> None:
    """consmatrix42 (`consent._CONSENT_ASKED`): "… will not sit in unless you agree" asks the yes as an "if you agree"
    does; a notice put in its place is no consent, and "unless you object" asks none."""
    from privacykit.changes.consent import asks_consent, consent_made_notice
    assert asks_consent("A visitor will not sit in unless you agree.")
    assert not asks_consent("We share your score with your coach unless you object.")
    assert consent_made_notice("At the start we will ask you, and a visitor will not sit in unless you agree.",
                               "At the start we will let you know when a visitor sits in.") == "let you know"


def test_one_sentence_naming_sensitive_data_is_one_finding_per_fact():
    """author44: a consent trigger's sensitive kind ("sensitive:user.health_and_medical") and the data category it
    is, read in one added sentence, are one change to acknowledge, not two."""
    found = prose("We collect your email address to send receipts.",
                  "We collect your email address to send receipts.\n\nThe Pulse app uses the sensor in your watch to "
                  "measure your heart rate while you exercise.").findings
    health = [f for f in found if (f.key or "").removeprefix("sensitive:") == "user.health_and_medical"]
    assert len(health) == 1, [f.id for f in found]


def test_places_find_an_element_itself_as_a_scan_does():
    """perf46: `Places` (a section's sentences) finds where an element stands by identity, the first place if it
    stands twice, and none for an equal element that is another object; again after elements are added."""
    from privacykit.changes.text import Places, place, where

    a, b, c = [1], [2], [1]
    units = Places([a, b, a])
    assert [place(units, x) for x in (a, b, c)] == [0, 1, None]
    assert where(units, lambda x: x == [1]) == [0, 2]
    units.append(c)
    assert place(units, c) == 3 and where(units, lambda x: x == [1]) == [0, 2, 3]
    assert place([a, b, c], c) == 2 and where([a, b, c], lambda x: x == [2]) == [1]
