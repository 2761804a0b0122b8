"""The materiality detector on a labelled set of real and hard section changes.

The set lives in tests/classify/cases.yml. Every case must come out as labelled; the
README quotes the accuracy and the recall of material changes this measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from privacykit.changes import fallback
from privacykit.changes.classify import classify_sections, classify_texts, section_from_text
from privacykit.changes.items import _located_in
from privacykit.changes.prose import ProseKind
from privacykit.cli import cli
from privacykit.load.rules import load_rules

CASES = YAML(typ="safe").load((Path(__file__).parent / "classify" / "cases.yml").read_text("utf-8"))["cases"]
EDITS = YAML(typ="safe").load((Path(__file__).parent / "classify" / "edits.yml").read_text("utf-8"))["cases"]
PROBES = YAML(typ="safe").load((Path(__file__).parent / "classify" / "probes.yml").read_text("utf-8"))["cases"]
TRIGGERS = YAML(typ="safe").load((Path(__file__).parent / "classify" / "triggers.yml").read_text("utf-8"))["cases"]
RULES = load_rules()


def classify(case) -> str:
    """A case's verdict as one section compared alone, or, for a case marked `whole: true`, as two whole
    documents (a reading that asks what the whole new document still names runs only there)."""
    if case.get("whole"):
        return classify_texts(case["old"], case["new"], RULES).classification.value
    old, new = section_from_text(case["old"]), section_from_text(case["new"])
    return classify_sections(old, new, RULES).classification.value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_labelled_case(case):
    assert classify(case) == case["label"], case["source"]


@pytest.mark.parametrize("case", EDITS, ids=[c["id"] for c in EDITS])
def test_edit_of_the_seed(case):
    assert classify(case) == case["label"]


@pytest.mark.parametrize("case", PROBES, ids=[c["id"] for c in PROBES])
def test_probe_of_a_rule(case, monkeypatch):
    """Each rule of the detector on wordings written to check it (`classify/probes.yml`); a probe marked
    `fallback: true` is read with the "material unless shown editorial" step on, whatever its switch says."""
    if case.get("fallback"):
        monkeypatch.setattr(fallback, "STANCE", fallback.STANCE or "substantive")
    assert classify(case) == case["label"], case["rule"]


def test_an_unexplained_change_of_a_statement_is_reviewed_only_with_the_step_switched_on(monkeypatch):
    """recall41: a changed clause that names an item, that no reading finds and no recogniser explains, is
    "material-notify" with a finding that says so and a line for readers, when `fallback.STANCE` is set; with
    it off, the detector's own stance (editorial unless a reading fires) answers."""
    case = next(c for c in PROBES if c["id"] == "r41-unexplained-linkedin-lawyers-when")
    monkeypatch.setattr(fallback, "STANCE", None)
    assert classify(case) == "editorial"
    monkeypatch.setattr(fallback, "STANCE", "substantive")
    result = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]), RULES)
    assert result.classification.value == "material-notify"
    [finding] = result.findings
    assert finding.prose is not None and finding.prose.kind is ProseKind.UNEXPLAINED
    assert finding.description.startswith("needs legal review: changed statement of recipient")
    assert _reader_lines_of(result, "Legal") == [
        "We changed how “Legal” describes what we do with your information."]


def test_the_step_leaves_a_sentence_that_keeps_its_facts_to_the_recognisers():
    """recall41: only function words changed, or every item and content word kept, explains a change."""
    from privacykit.changes.items import analyse

    old = "We may share your order details with our delivery partners."
    assert fallback.explained(_candidate(old, "We may share the details of your order with our delivery partners."))
    added = analyse("Your order details may be shared with our delivery partners.")
    told = analyse(old)
    assert fallback.explained(fallback.Candidate("s", None, added.text, None, added, told.words, told.words | added.words,
                                                 frozenset(told.positive()), frozenset(told.positive())))
    assert fallback.explained(_candidate(old, "We may share your order details with our payment partners.")) is None


def test_the_same_facts_are_read_by_value_not_by_wording():
    """synonym41: a period told in other units, and a restriction turned ("only if" for "not ... unless"), state
    the same facts; another amount, or a restriction dropped with the polarity kept, do not."""
    from privacykit.changes.items import analyse

    def same(old: str, new: str) -> bool:
        return fallback.explained(_candidate(old, new)) is not None

    kept = "We keep your chat messages for 24 months after they were sent."
    assert same(kept, "Your chat messages are kept for two years after they were sent.")
    assert not same(kept, "We keep your chat messages for 12 months after they were sent.")
    only = "We read your advertising identifier only if you turn on personalised ads."
    assert same(only, "We do not read your advertising identifier unless you turn on personalised ads.")
    assert not same(only, "We read your advertising identifier if you turn on personalised ads.")
    turned = fallback.facts(analyse(only), analyse("Unless you turn on personalised ads, we do not read it."))
    assert turned[0][2] == turned[1][2]
    party = "Northwind Ltd does not pass your call recordings to advertisers."
    assert same(party, "Your call recordings are not passed to advertisers by Northwind Ltd.")
    assert not same("We pass your call recordings to Northwind Ltd.", "We pass your call recordings to Eastbay Ltd.")


def test_the_same_facts_read_a_denial_by_its_scope():
    """grampol42: a denial said in the verb, the object or as "neither ... nor" in the passive states the same facts
    (the reader's polarity follows the word, the scope follows the clause); a denial turned into "without ..." or
    moved to another coordinated predicate does not."""
    def same(old: str, new: str) -> bool:
        return fallback.explained(_candidate(old, new)) is not None

    denied = "We do not upload your fingerprint template to Motorola, and we do not share it with partners."
    assert same(denied, "Your fingerprint template is neither uploaded to Motorola nor shared with partners.")
    assert same("We share none of your health data with advertisers.",
                "We do not share your health data with advertisers.")
    assert not same("We never make decisions about your account by automated means alone.",
                    "We may suspend your account by automated means alone, without human review.")
    assert not same("We do not share your health data with insurers, and we share your email address with them.",
                    "We share your health data with insurers, and we do not share your email address with them.")


def test_the_same_facts_are_read_across_the_section():
    """same43: a sentence split in two, or a value moved to its neighbour, says the same when each value the pair
    loses the new section still states and each one it gains the old section stated; a value neither side of the
    section stated before, or one gone from the whole new section, is still a change."""
    from privacykit.changes.items import analyse

    def pair(old: list[str], new: list[str]) -> fallback.Candidate:
        olds, news = [analyse(t) for t in old], [analyse(t) for t in new]
        return fallback.Candidate("s", old[0], new[0], olds[0], news[0],
                                  frozenset().union(*(s.words for s in olds)), frozenset().union(*(s.words for s in news)),
                                  frozenset().union(*(s.positive() for s in olds)),
                                  frozenset().union(*(s.positive() for s in news)))

    both = "We collect your email address and your location to provide the service."
    split = ["We collect your email address to provide the service.",
             "We also collect your location to provide the service."]
    assert fallback.explained(pair([both], split), sections=True) == "told-in-sections"
    assert fallback.explained(pair([both], split)) is None      # off by default (measured: no better trade-off)
    assert fallback.explained(pair([both], split[:1]), sections=True) is None
    merged = pair([split[0], split[1]], [both])
    assert fallback.explained(merged, sections=True) == "told-in-sections"
    assert fallback.explained(pair([split[0]], [both]), sections=True) is None


def test_a_rewritten_sentence_pairs_with_its_restriction_turned():
    """synonym41: rewrite40's sentence pair reads "not ... unless" as the "only" it restates, and nothing else."""
    from privacykit.changes.inventory import restated_pair
    from privacykit.changes.items import content_words
    from privacykit.changes.terms import lexicon

    old = "We send you marketing emails only if you have opted in to receive them."
    pairs = [(content_words(old), old)]
    assert restated_pair("Unless you have opted in to receive them, we will not send you marketing emails.",
                         pairs, lexicon()) == old
    assert restated_pair("We will not send you marketing emails, and you have opted in to receive them.",
                         pairs, lexicon()) is None


def _candidate(old: str, new: str) -> fallback.Candidate:
    from privacykit.changes.items import analyse

    a, b = analyse(old), analyse(new)
    return fallback.Candidate("s", old, new, a, b, a.words, b.words, frozenset(a.positive()),
                              frozenset(b.positive()))


def _reader_lines_of(result, title: str) -> list[str]:
    from privacykit.changes.reader import Phrase, ReaderWords, reader_line
    from privacykit.render.templates import TemplateSet

    words = ReaderWords.of(TemplateSet(None), "en-US")
    return [reader_line(f, words, {s: Phrase(title) for s in f.sections}).text
            for f in result.findings if f.action.value != "none"]


@pytest.mark.parametrize("case", TRIGGERS, ids=[c["id"] for c in TRIGGERS])
def test_consent_is_said_where_a_trigger_of_the_law_is_affirmed_and_only_there(case):
    """Consent triggers in the laws' words and their look-alikes (`classify/triggers.yml`)."""
    assert (classify(case) == "material-consent") == (case["label"] == "material-consent"), case["rule"]


def test_the_trigger_set_is_half_look_alikes():
    consent = sum(c["label"] == "material-consent" for c in TRIGGERS)
    assert len(TRIGGERS) >= 40 and abs(2 * consent - len(TRIGGERS)) <= 4


def test_the_set_covers_every_label_and_real_pairs():
    labels = [c["label"] for c in CASES]
    assert labels.count("editorial") >= 10
    assert labels.count("material-notify") >= 5 and labels.count("material-consent") >= 5
    assert sum(c["source"].startswith("corpus") for c in CASES) >= 10


def test_accuracy_and_material_recall():
    predicted = [(c["label"], classify(c)) for c in CASES]
    accuracy = sum(p == t for t, p in predicted) / len(predicted)
    material = [(t, p) for t, p in predicted if t != "editorial"]
    recall = sum(p != "editorial" for _, p in material) / len(material)
    assert recall == 1.0
    assert accuracy >= 0.95


def test_cli_prints_reasons_then_the_answer(tmp_path):
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text("Our websites are intended for adults and children aged 16 and over.\n")
    new.write_text("Our websites are intended for adults and children aged 13 and over.\n")
    result = CliRunner().invoke(cli, ["classify", str(old), str(new)])
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == ("- consent: needs legal review: minimum age: “aged 16” → “aged 13” in “Our websites are intended "
                        "for adults and children aged 13 and over.” [text:preamble:lower_minimum_age:aged-13]")
    assert lines[1] == "  why: gdpr: consent (GDPR Art. 8(1))"
    assert lines[-1] == "material-consent"


def test_cli_on_unreadable_files(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    (tmp_path / "ok.md").write_text("Text.\n")
    result = CliRunner().invoke(cli, ["classify", str(tmp_path / "ok.md"), str(tmp_path / "bad.md")])
    assert result.exit_code == 1
    assert result.output == f"{(tmp_path / 'bad.md').as_posix()}:1: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n"


def _reader_lines(probe: str, title: str) -> list[str]:
    """The lines readers are told of a probe's findings, its section titled `title`."""
    from privacykit.changes.reader import Phrase, ReaderWords, reader_line
    from privacykit.render.templates import TemplateSet

    case = next(c for c in PROBES if c["id"] == probe)
    words = ReaderWords.of(TemplateSet(None), "en-US")
    result = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]), RULES)
    return [reader_line(f, words, {s: Phrase(title) for s in f.sections}).text
            for f in result.findings if f.action.value != "none"]


def test_readers_are_told_of_a_practice_in_other_words_and_of_a_consent_trigger_by_name():
    """A practice no list names gets the section's general line; a trigger its catalog name."""
    def said(probe: str) -> list[str]:
        return _reader_lines(probe, "Messages")

    assert said("practice-linkedin-messages-scanned") == [
        "We changed how “Messages” describes what we do with your information."]
    assert any("for training artificial intelligence models" in line for line in said("ai-train-seed-generative"))
    assert any("for automated decisions about you" in line for line in said("automated-reddit-systems-decide"))


def test_readers_are_told_of_a_recorded_call_by_its_catalog_name_whichever_action_the_boundary_gives():
    """boundary39: a call with the company's staff recorded reads the same to readers, notice or consent."""
    for probe in ("b39-spoken-support-notify-spotify", "b39-spoken-german-controller-seed"):
        assert any("for recording your calls and consultations with our staff" in line
                   for line in _reader_lines(probe, "Customer Service")), probe


def test_readers_are_told_who_now_holds_a_role_and_what_stays_identifiable_longer():
    """A role given to another entity names both as written; a later de-identification is a period."""
    def said(probe: str) -> list[str]:
        return _reader_lines(probe, "Tags")

    # The name's own full stop ends the sentence: no doubled stop after "Inc.".
    assert said("role-reddit-uk-controller-to-representative") == [
        "Reddit UK Limited is now responsible for your information, instead of Reddit, Inc."]
    assert said("retention-linkedin-deidentified-weeks") == [
        "We now keep the information described in “Tags” for two weeks before it is de-identified instead of "
        "7 days before it is de-identified."]
    assert said("right-quora-list-designated-agent-removed") == [
        "This statement no longer offers this right: Designated Agent."]


def test_reader_lines_give_values_as_the_text_writes_them_and_periods_in_their_own_words():
    """findings43: an acronym or a country keeps the text's capitals (a list's title case does not); a period
    given as a clause or with its own "for" is not put after another "for"."""
    def said(probe: str) -> list[str]:
        return _reader_lines(probe, "Sharing")

    assert said("f43-name-acronym-ip") == ["We now collect IP address."]
    assert said("f43-name-device-ids") == ["We now collect device IDs."]
    assert "We may now transfer the information described in “Sharing” to Japan." in said("f43-name-country")
    assert said("f43-la-name-list-title-case") == ["We now collect date of birth."]
    assert said("f43-keep-until-account") == [
        "We now keep the information described in “Sharing” until you delete your account."]
    assert said("f43-keep-for-period-necessary") == [
        "We now keep the information described in “Sharing” for the period necessary."]


def test_a_basis_or_safeguard_dropped_is_not_told_as_a_right_and_a_non_name_gets_the_neutral_line():
    """findings43: a legal basis or a transfer safeguard no longer given reads as a change of what the section
    says of that item; a right the text gave by its verb is named by the catalog; a clause read as a recipient
    and an officer named only by the office give the neutral line."""
    from privacykit.changes.prose import ProseFinding, ProseKind
    from privacykit.changes.reader import Phrase, ReaderWords, reader_line
    from privacykit.changes.terms import Item
    from privacykit.changes.verdict import Finding, Origin
    from privacykit.model.facts import ChangeKind
    from privacykit.model.rules import Action
    from privacykit.render.templates import TemplateSet

    for probe in ("f43-basis-consent-gone", "f43-basis-interests-gone"):
        assert _reader_lines(probe, "Sharing") == ["We changed what “Sharing” says about why we may use your information."]
    assert _reader_lines("f43-safeguard-clauses-gone", "Sharing") == [
        "We changed what “Sharing” says about where your information is transferred."]
    assert _reader_lines("f43-right-by-its-verb-gone", "Sharing") == [
        "This statement no longer offers this right: equal treatment when you use your rights."]

    words = ReaderWords.of(TemplateSet(None), "en-US")

    def line(item, kind, implied, value, sentence):
        prose = ProseFinding("s", kind, item, implied, None, value, (value,), sentence)
        finding = Finding("t", implied, Origin.TEXT, "", ("s",), Action.NOTIFY, prose=prose)
        return reader_line(finding, words, {"s": Phrase("Contact")}).text

    clause = "They will have access to your information (e.g."
    assert line(Item.RECIPIENTS, ProseKind.NEW_VALUE, ChangeKind.NEW_RECIPIENT, clause, clause + ", tickets).") == \
        "We changed what “Contact” says about who we share your information with."
    office = "For email inquiries, you may reach our Data Protection Office at dpo@example.com."
    assert line(Item.DPO, ProseKind.IDENTITY, None, "a data protection officer", office) == \
        "We changed what “Contact” says about our data protection officer."
    link = "Learn more about the inferences we make and how they may be used for advertising."
    assert line(Item.PURPOSES, ProseKind.NEW_VALUE, ChangeKind.NEW_DATA_USE, link.rstrip("."), link) == \
        "We changed what “Contact” says about how we use your information."
    theirs = "We share your posts with Microsoft for its AI training."
    assert line(Item.PURPOSES, ProseKind.NEW_VALUE, ChangeKind.NEW_DATA_USE, "for its AI training", theirs) == \
        "We changed what “Contact” says about how we use your information."
    chatbot = "Your posts may also be used by ChatGPT and other assistants."
    assert line(Item.RECIPIENTS, ProseKind.NEW_VALUE, ChangeKind.NEW_RECIPIENT, "chatgpt", chatbot) == \
        "We now share posts with ChatGPT."


def test_a_country_or_a_transfer_instrument_is_no_recipient_a_company_beside_it_is():
    """findings43: "vendors based in Canada, Japan…", "transfer them to Japan", "in accordance with the DPF" name
    where data goes or on what terms; the countries stay transfers, and a company named beside them a recipient."""
    from privacykit.changes.terms import Item

    def recipients(probe: str) -> set[str]:
        case = next(c for c in PROBES if c["id"] == probe)
        result = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]), RULES)
        return {f.prose.value for f in result.findings
                if f.prose is not None and f.prose.item is Item.RECIPIENTS and f.action.value != "none"}

    assert not {"Japan", "Switzerland", "Canada"} & recipients("f43-place-not-party-vendors")
    assert "Japan" not in recipients("f43-name-country")
    assert "DPF" not in recipients("f43-instrument-not-party-dpf")
    assert "Acme Inc" in recipients("f43-la-company-after-instrument")
    assert "Zendesk" in recipients("f43-la-company-shared")
    assert "We may now transfer the information described in “Sharing” to Japan." in _reader_lines(
        "f43-place-not-party-vendors", "Sharing")


def test_a_country_placing_who_reaches_the_data_is_read_in_bounded_windows():
    """A country far from the access verb places no one who reaches the data (the reading looks in a
    bounded window around "in"; how its time grows is measured in bench/, "hostile text")."""
    line = "our vendor may access your data " + "a-" * 100_000 + " in germany may access it"
    assert not _located_in(line, "germany")
    assert _located_in("your data may be accessed by our vendors in germany.", "germany")


# A whole policy of several sections, and edits that restate it elsewhere (a summary box, a
# notice for US-state residents) or look like that but disclose something new.
_POLICY = """# Privacy policy of Brightmart

## Orders

When you place an order we collect your name, e-mail address, postal address and payment card
details. We share your payment card details with payment processors and your postal address with
shipping companies so that they can deliver your order.

## Marketing

We use cookies to show you advertising on our website. We share cookie identifiers with
advertising partners to measure our campaigns.

## Loyalty programme

If you join the loyalty programme, we collect your name, e-mail address and purchase history to
award points.

## Contact

Write to Brightmart Ltd, 1 Market Street, Leeds.
"""

_GLANCE = """## Our practices at a glance

- **What we collect:** your name, e-mail address, postal address, payment card details, purchase
  history and cookie identifiers.
- **Who receives it:** payment processors, shipping companies and advertising partners.

"""

_CALIFORNIA = """
## Additional information for California residents

The sections above describe the categories of personal information we collect: your name,
e-mail address, postal address and purchase history. We share cookie identifiers with
advertising partners.
"""


def _classify_policies(tmp_path: Path, new_text: str) -> str:
    from privacykit.changes.classify import classify_files
    (tmp_path / "old.md").write_text(_POLICY, "utf-8")
    (tmp_path / "new.md").write_text(new_text, "utf-8")
    return classify_files(tmp_path / "old.md", tmp_path / "new.md", RULES).classification.value


@pytest.mark.parametrize(("new_text", "label"), [
    # A summary box and a US-state notice name only what other sections disclose, for the uses
    # they relate it to: nothing new to the reader.
    (_POLICY.replace("## Orders", _GLANCE + "## Orders"), "editorial"),
    (_POLICY.replace("## Contact", _CALIFORNIA + "\n## Contact"), "editorial"),
    # The same summary naming a recipient no section names is a new recipient.
    (_POLICY.replace("## Orders", _GLANCE.replace("and advertising partners", ", advertising partners and "
                                                   "data brokers") + "## Orders"), "material"),
    # A restating notice that relates data to a use no section relates it to: purchase history
    # (collected for the loyalty programme) moved to advertising partners is a new use.
    (_POLICY.replace("## Contact", _CALIFORNIA.replace("share cookie identifiers", "share your purchase history")
                     + "\n## Contact"), "material"),
    # A restating notice sharing data with three recipients the policy names for other data: the
    # old policy never shared purchase history with anyone, however long the list.
    (_POLICY.replace("## Contact", "## For residents of the United Kingdom\n\nWe share your purchase history "
                     "with payment processors, shipping companies and advertising partners.\n\n## Contact"),
     "material"),
    # A restating notice whose sentence tells a practice in words no value names (partners combining
    # the identifiers with what they learn elsewhere): only sentences wholly restated are no news.
    (_POLICY.replace("## Contact", _CALIFORNIA.replace("advertising partners.", "advertising partners. Advertising "
                                                       "partners combine them with what they learn about you on "
                                                       "other websites.") + "\n## Contact"), "material"),
    # A new programme collecting data other sections already name is a new processing activity.
    (_POLICY.replace("## Contact", "## Referral club\n\nIf you join the referral club, we collect your name, "
                     "e-mail address and postal address.\n\n## Contact"), "material"),
    # Restatement without words that say so: a block under any title that names only what the old
    # policy states, for the uses it relates it to, in the policy's own words.
    (_POLICY.replace("## Contact", "## What you should know\n\nWhen you place an order, we collect your name, "
                     "e-mail address, postal address and payment card details. Shipping companies receive your "
                     "postal address so that they can deliver your order.\n\n## Contact"), "editorial"),
    (_POLICY.replace("## Orders", "## Before you shop\n\nAdvertising partners receive cookie identifiers from us "
                     "so that we can measure our campaigns.\n\n## Orders"), "editorial"),
    # ... and its guards: a name the old policy never gives (a new programme), a use the old policy
    # never related the data to, a recipient it never names, and a use that needs consent.
    (_POLICY.replace("## Contact", "## What you should know\n\nMembers of Brightmart Plus get free delivery: we "
                     "collect your name and postal address.\n\n## Contact"), "material"),
    (_POLICY.replace("## Contact", "## What you should know\n\nWe share your purchase history with shipping "
                     "companies.\n\n## Contact"), "material"),
    (_POLICY.replace("## Contact", "## What you should know\n\nWe share your postal address with shipping "
                     "companies and insurers.\n\n## Contact"), "material"),
    (_POLICY.replace("## Contact", "## What you should know\n\nWe share your purchase history and cookie "
                     "identifiers with advertising partners so that they can show you ads on other websites."
                     "\n\n## Contact"), "material-consent"),
])
def test_text_restating_the_old_policy_elsewhere_is_no_news(tmp_path, new_text, label):
    assert _classify_policies(tmp_path, new_text).startswith(label)


# A notice whose other sections restate it for some readers (revfa19): a frame that says what the
# section is, a consent-level use the old notice told in another section, a transfer instrument named
# in full, and a list of what was disclosed to advertisers restated in one sentence.
_NOTICE = """# Privacy notice of Northwind Books

## What we collect

When you buy a book we collect your name, e-mail address and purchase history. When you write a review
we collect your product reviews.

## How we improve our service

We use your product reviews, on the basis of our legitimate interests, to train our machine learning models
that recommend books.

## Advertising

In the past 12 months we have disclosed the following categories of personal information to advertising
partners:

- device identifiers, such as cookie IDs;
- inferences drawn from your browsing, such as your interests.

We collect your precise location when you use the store finder. We use your precise location only to show
you the nearest shop.

## Transfers

We transfer your data to servers in the United Kingdom and the United States, relying on the Data
Privacy Framework.

## Reading lists

Reading lists stay on your device: we do not collect any personal data through them, nor share any data with
others.

## Contact

Write to Northwind Books Ltd, 4 Quay Street, Bristol.
"""

_LISTS_DENIED = ("Reading lists stay on your device: we do not collect any personal data through them, nor share "
                 "any data with\nothers.")

_FRAMED = """## If you order often

For convenience, this part brings together the points of this policy that matter most if you order from us
often. The rest of this policy applies to you as well.

- We share your postal address with shipping companies so that they can deliver your order.
- We share cookie identifiers with advertising partners to measure our campaigns.

"""

_UK_POINTS = """## If you live in the United Kingdom

This section gathers the points of this notice that apply to you in the United Kingdom; the rest of the
notice applies to you as well.

- **Model training:** on the basis of legitimate interests, we use your product reviews to train our
  machine learning models. You can object at any time.
- **Transfers:** we rely on the UK Extension to the EU-U.S. Data Privacy Framework for transfers to the
  United States.

"""

_CALIFORNIA_SHARED = """## Additional information for California residents

In the past 12 months we have disclosed device identifiers and inferences to advertising partners.

"""

_SHOP = " We use your precise location only to show\nyou the nearest shop."


def _classify_notice(old_text: str, new_text: str) -> str:
    from privacykit.changes.classify import classify_texts
    return classify_texts(old_text, new_text, RULES).classification.value


@pytest.mark.parametrize(("old_text", "new_text", "label"), [
    # Sentences that frame a summary state no value: their words are no new context.
    (_POLICY, _POLICY.replace("## Contact", _FRAMED + "## Contact"), "editorial"),
    # ... but the same box adding one recipient, or a new activity among its restated points, is news.
    (_POLICY, _POLICY.replace("## Contact", _FRAMED.replace("shipping companies", "shipping companies and insurers")
                              + "## Contact"), "material"),
    (_POLICY, _POLICY.replace("## Contact", _FRAMED.replace("- We share cookie", "- If you join the referral club, "
                                                             "we collect your name and e-mail address.\n"
                                                             "- We share cookie") + "## Contact"), "material"),
    # A regional section restating a consent-level use another section tells, and the transfer
    # instrument by its full name: read against the whole old notice.
    (_NOTICE, _NOTICE.replace("## Contact", _UK_POINTS + "## Contact"), "editorial"),
    # ... with data the old notice never trained models on, or a destination it never named.
    (_NOTICE, _NOTICE.replace("## Contact", _UK_POINTS.replace("your product reviews to train",
                                                               "your product reviews and purchase history to train")
                              + "## Contact"), "material-consent"),
    (_NOTICE, _NOTICE.replace("## Contact", _UK_POINTS.replace("  United States.", "  United States and to our "
                                                               "office in India.") + "## Contact"), "material"),
    # A list's lead-in relates each item to its use: one sentence restating them relates nothing new.
    (_NOTICE, _NOTICE.replace("## Contact", _CALIFORNIA_SHARED + "## Contact"), "editorial"),
    # ... unless it adds data the list did not give to advertisers (collected for another use).
    (_NOTICE, _NOTICE.replace("## Contact", _CALIFORNIA_SHARED.replace("and inferences", ", inferences and your "
                                                                       "precise location") + "## Contact"),
     "material-consent"),
    (_NOTICE, _NOTICE.replace("## Contact", _CALIFORNIA_SHARED.replace("and inferences", ", inferences and your "
                                                                       "purchase history") + "## Contact"),
     "material-consent"),
    # A section that denied any collection now telling it: what another section tells restates nothing there.
    (_NOTICE, _NOTICE.replace(_LISTS_DENIED, "Through reading lists we collect your device identifiers, which may "
                              "be disclosed to advertising partners."), "material-consent"),
    # A paragraph moved to a section of its own keeps its "only"; moved without it, the limit is gone.
    (_NOTICE, _NOTICE.replace(_SHOP, "").replace("## Transfers", "## Store finder\n\n" + _SHOP.strip()
                                                  + "\n\n## Transfers"), "editorial"),
    (_NOTICE, _NOTICE.replace(_SHOP, "").replace("## Transfers", "## Store finder\n\n"
                                                  + _SHOP.strip().replace(" only", "") + "\n\n## Transfers"),
     "material"),
])
def test_a_section_restating_the_notice_is_read_by_the_values_it_states(old_text, new_text, label):
    assert new_text != old_text and _classify_notice(old_text, new_text).startswith(label)


def test_the_notice_edits_above_apply():
    """Each edit of the test above finds the text it replaces (a silent no-op would test nothing)."""
    for part in (_LISTS_DENIED, _SHOP, "  United States.", "your product reviews to train", "and inferences",
                 "shipping companies", "- We share cookie"):
        assert part in _NOTICE + _UK_POINTS + _CALIFORNIA_SHARED + _FRAMED


# A children's paragraph rewritten in two sentences while a new heading moves it to another section:
# the parent's permission it asks for is kept, or dropped.
_CHILDREN = """# Privacy policy of Brightmart

## Orders

When you place an order we collect your name, e-mail address and postal address.

Our website is intended for adults and children aged 16 and over who have permission from their parents or
legal guardians to use it.
"""


@pytest.mark.parametrize(("new_text", "label"), [
    (_CHILDREN.replace("Our website is intended for adults and children aged 16 and over who have permission from "
                       "their parents or\nlegal guardians to use it.",
                       "## Children\n\nOur website is meant for adults. Children may use it only if they are 16 or "
                       "older and have permission from a parent or legal guardian."), "editorial"),
    (_CHILDREN.replace("Our website is intended for adults and children aged 16 and over who have permission from "
                       "their parents or\nlegal guardians to use it.",
                       "## Children\n\nOur website is meant for adults. Children may use it if they are 16 or "
                       "older."), "material"),
])
def test_a_condition_kept_by_a_sentence_rewritten_under_a_new_heading(tmp_path, new_text, label):
    (tmp_path / "old.md").write_text(_CHILDREN, "utf-8")
    (tmp_path / "new.md").write_text(new_text, "utf-8")
    from privacykit.changes.classify import classify_files
    assert classify_files(tmp_path / "old.md", tmp_path / "new.md", RULES).classification.value.startswith(label)


# A section of protections, split into subsections in the new version, and a paragraph moved to
# another section: the whole new document is the unit for a removal.
_SECURITY = """# Privacy policy of Brightmart

## Orders

When you place an order we collect your name, e-mail address and postal address.

## Security

We protect your account with strong passwords. Every access to your order history is logged.

A member of our support team reviews every refund request before it is paid.

## Contact

Write to Brightmart Ltd, 1 Market Street, Leeds.
"""


@pytest.mark.parametrize(("new_text", "label"), [
    # The section split into subsections: each protection still told, word for word, in the new one.
    (_SECURITY.replace("We protect your account", "### Your account\n\nWe protect your account")
     .replace("A member of", "### Refunds\n\nA member of"), "editorial"),
    # A paragraph moved to another section keeps its protection.
    (_SECURITY.replace("A member of our support team reviews every refund request before it is paid.\n\n", "")
     .replace("postal address.\n", "postal address.\n\nA member of our support team reviews every refund "
              "request before it is paid.\n"), "editorial"),
    # The paragraph moves and loses its protection on the way: a safeguard removed.
    (_SECURITY.replace("We protect your account", "### Your account\n\nWe protect your account")
     .replace(" Every access to your order history is logged.", "")
     .replace("A member of", "### Refunds\n\nA member of"), "material"),
    (_SECURITY.replace("A member of our support team reviews every refund request before it is paid.\n\n", "")
     .replace("postal address.\n", "postal address.\n\nOur support team handles refund requests.\n"), "material"),
])
def test_a_protection_moved_with_its_paragraph_is_not_removed(tmp_path, new_text, label):
    (tmp_path / "old.md").write_text(_SECURITY, "utf-8")
    (tmp_path / "new.md").write_text(new_text, "utf-8")
    from privacykit.changes.classify import classify_files
    result = classify_files(tmp_path / "old.md", tmp_path / "new.md", RULES)
    assert result.classification.value.startswith(label), [f.description for f in result.findings]


# One edit of a whole seed statement each: the readings of a party named in another's stead, a ground
# added to the grounds data is kept on, a promise at the company's discretion, a new kind of party in a
# list and an identity document asked for, read against the whole old document (the section probes
# read only their own text), with the look-alikes that must stay editorial.
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
_PROFILE = "* User Profile information including email address and location information;\n"
_INFERENCES = ("* Inferences drawn from Personal Information, including preferences, interests, and other data used to "
               "personalize a consumer’s experience.\n")
WHOLE_EDITS = [
    ("products", "hosts the data on AWS.", "hosts the data on Amazon Web Services.", "editorial"),
    ("products", "hosts the data on AWS.", "hosts the data on Amazon AWS.", "editorial"),
    ("products", "hosts the data on AWS.", "hosts the data on Microsoft Azure.", "material-notify"),
    ("products", "Tablet Vantage uses Google Firebase to analyze", "Tablet Vantage uses Firebase to analyze",
     "editorial"),
    ("products", "Tablet Vantage uses Google Firebase to analyze", "Tablet Vantage uses Mixpanel to analyze",
     "material-notify"),
    ("products", "* To provide you with services or support that you may have requested",
     "* To provide you with services or support you have asked for", "editorial"),
    ("products", "* Your account or subscription is active",
     "* Your account is active\n* Your subscription is active", "editorial"),
    ("products", "* To comply with applicable laws, including for tax and audit purposes",
     "* To comply with applicable laws, including for tax and audit purposes\n"
     "* To personalize the marketing we send you", "material-notify"),
    ("products", "You will be notified via email and/or a prominent notice on our website",
     "We will notify you via email and/or a prominent notice on our website", "editorial"),
    ("products", "You will be notified via email and/or a prominent notice on our website",
     "You will be notified, as we see fit, via email and/or a prominent notice on our website",
     "material-notify"),
    ("website", "such as data hosting companies; payment processors;",
     "such as data hosting providers; payment processors;", "editorial"),
    ("website", "such as data hosting companies; payment processors;",
     "such as payment processors; data hosting companies;", "editorial"),
    ("website", "such as data hosting companies; payment processors;",
     "such as data hosting companies; payment processors; credit check services;", "material-notify"),
    ("website", "and (ii) your agent to verify their identity directly with Lenovo.",
     "and (ii) your agent to confirm their identity directly with Lenovo.", "editorial"),
    ("website", "and (ii) your agent to verify their identity directly with Lenovo.",
     "and (ii) your agent to verify their identity directly with Lenovo by sending a scan of their "
     "identification document.", "material-notify"),
    # A list whose lead-in paragraph speaks of keeping in an earlier sentence ("… use and retain the
    # information …") is the list its colon sentence opens: an item it gains is new in that list even
    # where the document names the data for another use (the loyalty programme's purchase history).
    ("website", _INFERENCES, _INFERENCES.replace(".\n", ";\n") + "* Order information and purchase history.\n",
     "material-notify"),
    ("website", _PROFILE, _PROFILE + "* Purchase history, including the products purchased;\n", "material-notify"),
    ("website", _PROFILE, _PROFILE + "* Phone number and billing and shipping address;\n", "material-notify"),
    ("website", _PROFILE, "* User Profile information, such as email address and location information;\n",
     "editorial"),
    ("website", _PROFILE, "* User Profile information including email address;\n"
     "* Location information from your User Profile;\n", "editorial"),
    ("website", _INFERENCES, _INFERENCES.replace(".\n", ";\n")
     + "* Other data used to personalize a consumer’s experience.\n", "editorial"),
]


@pytest.mark.parametrize(("statement", "old", "new", "label"), WHOLE_EDITS,
                         ids=[f"{s}-{n[:40]}" for s, _, n, _ in WHOLE_EDITS])
def test_one_edit_of_a_whole_seed_statement(statement, old, new, label):
    base = (SEED / f"{statement}-privacy-statement-2024-03-05.md").read_text("utf-8")
    assert base.count(old) == 1
    assert classify_texts(base, base.replace(old, new), RULES).classification.value == label


# -- revfa23: a policy written without heading markup, read at its plain heading lines ------------------
def test_a_policy_without_heading_markup_is_split_at_its_plain_heading_lines():
    from privacykit.changes.policy import split_policy
    text = ("Privacy Policy\n\nEffective date: August 25, 2023\n\nThis policy explains what we do.\n\nOverview\n\n"
            "Information We Collect\n\nWe collect your name and email address.\n\n3. How We Share Your Information\n\n"
            "We share it with service providers.\n\n**Your Choices**\n\nYou can opt out of marketing emails.\n\n"
            "Contact Us\n\nQuora, Inc.\n\nAttn: Privacy\n\n605 Castro Street\n")
    _, parts = split_policy(text)
    # An empty line of its own ("Overview"), a label and its value, an address line: no sections.
    assert [h for h, _ in parts] == ["Privacy Policy", "Information We Collect", "3. How We Share Your Information",
                                     "Your Choices", "Contact Us"]
    assert "Overview" in parts[0][1] and "Attn: Privacy" in parts[-1][1]
    # A policy with heading markup keeps its bold lines inside their sections.
    _, marked = split_policy("## Legal bases\n\n**Consent**\n\nWe ask for your consent.\n")
    assert [h for h, _ in marked] == ["Legal bases"]


_QUORA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "privacy-policies" / "Quora" / "2024-01-10T120050Z.md"
_SUMMARY = ("In Short\n\nWe collect information you give us, such as your account and profile data and your content, "
            "and information collected automatically when you use the Quora Platform. We share it with service "
            "providers and Quora affiliates{extra}. We do not sell your personal information.\n\n"
            "Information We Collect\n")


@pytest.mark.parametrize(("extra", "label"), [("", "editorial"), (", and with data brokers", "material-notify"),
                                              (", and with advertisers for their own marketing", "material-consent")])
def test_a_summary_in_a_policy_without_heading_markup_is_read_against_the_whole_old_policy(extra, label):
    """Quora's policy as captured (plain heading lines): a summary restating it is editorial, and one that
    adds a recipient or a use of the recipients' own is not."""
    if not _QUORA.exists():
        pytest.skip("the corpus is not here")
    base = _QUORA.read_text("utf-8")
    new = base.replace("Overview\n\nInformation We Collect\n", _SUMMARY.format(extra=extra))
    assert new != base
    assert classify_texts(base, new, RULES).classification.value == label


# -- calib23: what the old document as a whole tells, read where a whole-document revision moves it ----------
_CALIB_POLICY = ("# Privacy statement\n\n## What we collect\n\nWe collect your name, email address and phone number when "
           "you create an account.\n\nWe use your phone number to send you security codes.\n\n"
           "We do not share your phone number with advertisers.\n\n## How long we keep it\n\n"
           "We keep your order records for five years after your purchase.\n\n## Contact us\n\n"
           "Write to privacy@example.com with any question about this statement.\n")


@pytest.mark.parametrize(("added", "label"), [
    # A sentence moved or restated, whatever its summary's label: the old document said it in another section.
    ("At a glance: we use your phone number to send you security codes.", "editorial"),
    ("In a nutshell: we use your phone number to send you security codes.", "editorial"),
    ("We use your phone number to send you security codes.", "editorial"),
    # Look-alikes: a use, a recipient or an affirmation the old document never told stays news.
    # (consmatrix42: others' offers texted to a number given for security codes: beyond the soft opt-in, a yes)
    ("At a glance: we use your phone number to send you marketing offers from our partners.", "material-consent"),
    ("At a glance: we use your phone number to send you security codes and to personalise the ads you see.",
     "material-notify"),
    ("At a glance: we share your phone number with advertisers.", "material-consent"),
])
def test_a_sentence_the_old_document_told_in_another_section_is_no_new_practice(added, label):
    new = _CALIB_POLICY.replace("## Contact us\n\n", f"## Contact us\n\n{added}\n\n")
    assert classify_texts(_CALIB_POLICY, new, RULES).classification.value == label


@pytest.mark.parametrize(("added", "label"), [
    # A period the section never stated, which the old document states for the same data in most of its words.
    ("Order records are kept for five years after your purchase.", "editorial"),
    ("In short: we keep your order records for five years after your purchase.", "editorial"),
    # Look-alikes: the same period for other data, or another period, is a period the old document never gave.
    ("We keep your voice recordings for five years.", "material-notify"),
    ("We keep your order records for ten years after your purchase.", "material-notify"),
])
def test_a_period_the_old_document_states_elsewhere_is_not_stated_anew(added, label):
    new = _CALIB_POLICY.replace("## Contact us\n\n", f"## Contact us\n\n{added}\n\n")
    assert classify_texts(_CALIB_POLICY, new, RULES).classification.value == label


@pytest.mark.parametrize(("old", "new", "label"), [
    # A limit word in a heading line limits nothing: the sentences under it say what is done, and are read.
    ("## What we collect", "## What we collect only from you", "editorial"),
    ("## How long we keep it", "## How long we keep it, only as needed", "editorial"),
    # Look-alike: the same limit in a sentence under it, gone, widens that sentence's practice.
    ("We use your phone number to send you security codes.",
     "We use your phone number only to send you security codes.", "material-notify"),
])
def test_a_limit_removed_from_a_heading_line_widens_no_practice(old, new, label):
    before = _CALIB_POLICY.replace(old, new)
    assert before != _CALIB_POLICY
    assert classify_texts(before, _CALIB_POLICY, RULES).classification.value == label


# -- restate24: a sentence restated from a few old sentences, wherever they stand ------------------------------------
_RESTATE_POLICY = (
    "# Privacy statement\n\nThis statement explains how Example Ltd uses your personal data.\n\n"
    "## Who is responsible\n\nIf you live in the European Union, Example Ltd, 1 Main Street, Dublin 2, Ireland, is the "
    "controller of your personal data. If you live in the United Kingdom, Example UK Ltd, 5 High Street, London, is the "
    "controller of your personal data.\n\n"
    "## What we collect\n\nWe collect your name, email address and phone number when you create an account.\n\n"
    "We use your phone number only to send you security codes.\n\n"
    "## Sharing\n\nWe share your order records with our payment processor to complete your purchase.\n\n"
    "We do not share your phone number with advertisers.\n\n"
    "## How long we keep it\n\n"
    "* **Data kept until you delete it**\n\nYou can delete your profile photo at any time.\n\n"
    "* **Data kept until your account is closed**\n\nWe keep your name and email address until your account is closed.\n\n"
    "* **Data kept for longer**\n\nAfter your account is closed, we keep your order records for five years, but only to "
    "meet our legal obligations.\n\n"
    "## Contact us\n\nWrite to our Data Protection Officer, Example Ltd, 1 Main Street, Dublin 2, Ireland.\n\n"
    "## By post\n\nData Protection Officer\n\nExample Ltd\n\n1 Main Street\n\nDublin 2\n\n"
    "| Request | Received | Answered | Average response time |\n| --- | --- | --- | --- |\n"
    "| Access | 120 | 118 | 9 days |\n| Deletion | 80 | 80 | 12 days |\n")
_CONTROLLERS = ("If you live in the European Union, Example Ltd, 1 Main Street, Dublin 2, Ireland, is the controller of your "
                "personal data. If you live in the United Kingdom, Example UK Ltd, 5 High Street, London, is the controller "
                "of your personal data.")
_FIGURES = ("| Request | Received | Answered | Average response time |\n| --- | --- | --- | --- |\n"
            "| Access | 120 | 118 | 9 days |\n| Deletion | 80 | 80 | 12 days |\n")
_OPENING = "This statement explains how Example Ltd uses your personal data.\n\n"
_KEEPING = "## How long we keep it\n\n"


def _added(text: str, where: str = "## Contact us\n\n") -> str:
    assert where in _RESTATE_POLICY
    return _RESTATE_POLICY.replace(where, f"{where}{text}\n\n")


@pytest.mark.parametrize(("new", "label"), [
    # A summary box restating two sections, in one sentence and as bullets.
    (_added("> **At a glance:** we collect your name, email address and phone number when you create an account, and "
            "we keep your order records for five years after your account is closed, only to meet our legal "
            "obligations.", _OPENING), "editorial"),
    (_added("**In short**\n\n* We collect your name, email address and phone number when you create an account.\n"
            "* We share your order records with our payment processor to complete your purchase.", _OPENING),
     "editorial"),
    # A retention summary merging four old sentences, one a clause each; a pointer of form only.
    (_added("> **At a glance:** Some data is kept until you delete it, some until your account is closed, and some for "
            "longer after your account is closed, but only to meet legal obligations.", _OPENING), "editorial"),
    (_added("Each of these is explained below.", _OPENING), "editorial"),
    # A paragraph split in two and moved under a new heading; two sentences merged; a sentence moved under a heading.
    (_RESTATE_POLICY.replace("We collect your name, email address and phone number when you create an account.\n\n", "")
     .replace("## Contact us\n\n", "## Your account\n\nWhen you create an account, we collect your name and email "
              "address. We also collect your phone number.\n\n## Contact us\n\n"), "editorial"),
    (_RESTATE_POLICY.replace("We do not share your phone number with advertisers.\n\n", "").replace(
        "We use your phone number only to send you security codes.",
        "We use your phone number only to send you security codes, and we do not share your phone number with "
        "advertisers."), "editorial"),
    (_RESTATE_POLICY.replace("We share your order records with our payment processor to complete your purchase.\n\n", "")
     .replace("## Contact us", "## Payments\n\nTo complete your purchase, we share your order records with our payment "
              "processor.\n\n## Contact us"), "editorial"),
    # A pointer to a section, in another section. (A paragraph re-laid out in place, as a table or a list, is left to
    # the section's own reading: in-place edits are not asked of the cover, restate24's note.)
    (_added("**Writing to us:** you can write to our Data Protection Officer at the address under \"By post\" below.",
            "## Sharing\n\n"), "editorial"),
])
def test_a_sentence_a_few_old_sentences_tell_together_is_restated(new, label):
    assert classify_texts(_RESTATE_POLICY, new, RULES).classification.value == label


@pytest.mark.parametrize("new", [
    # A merged sentence that drops "only"; a restated sentence that adds one recipient; a summary that adds "and
    # partners"; a summary that adds a verb of processing, or another period; a limit dropped from a summary.
    _RESTATE_POLICY.replace("We use your phone number only to send you security codes.\n\n", "").replace(
        "We do not share your phone number with advertisers.",
        "We use your phone number to send you security codes, and we do not share your phone number with advertisers."),
    _added("At a glance: we share your order records with our payment processor and our analytics provider to complete "
           "your purchase."),
    _added("> **At a glance:** we collect your name, email address and phone number when you create an account and "
           "share them with our partners.", _OPENING),
    _added("At a glance: we sell your order records and keep them for five years after your account is closed."),
    _added("> **At a glance:** Some data is kept until you delete it, some until your account is closed, and some for ten "
           "years after your account is closed, but only to meet legal obligations.", _KEEPING),
    _added("> **At a glance:** Some data is kept until you delete it, some until your account is closed, and some for "
           "longer after your account is closed, for example to meet legal obligations.", _KEEPING),
    # A table of controllers naming another company; figures made a list with a period of keeping added.
    _RESTATE_POLICY.replace(_CONTROLLERS, "Your controller depends on where you live:\n\n| Where you live | Controller | "
                            "Address |\n| --- | --- | --- |\n| European Union | Example Ltd | 1 Main Street, Dublin 2, "
                            "Ireland |\n| United Kingdom | Example US Inc | 9 Market Street, San Francisco |"),
    _RESTATE_POLICY.replace(_FIGURES, "* **Access:** 120 received; 118 answered; average response time 9 days\n"
                            "* **Deletion:** 80 received; 80 answered; we keep deletion requests for 45 days\n"),
    _added("**Writing to us:** we share what you write to our Data Protection Officer with our advertisers."),
    _added("Each of these is sold to our partners.", _OPENING),
])
def test_a_restatement_that_adds_a_practice_a_party_a_period_or_drops_a_limit_stays_material(new):
    assert classify_texts(_RESTATE_POLICY, new, RULES).classification.value != "editorial"


# -- revfa25: a statement laid out anew in place ----------------------------------------------------------------------
_SHARING = "We share your order records with our payment processor to complete your purchase.\n\n"
_SECURITY_CODES = "We use your phone number only to send you security codes.\n\n"


@pytest.mark.parametrize("new", [
    # A paragraph of controllers made a table whose column carries the old "If you live in …"; a table of figures made
    # a list whose items carry the column names; a sentence made a table row with a label and column names.
    _RESTATE_POLICY.replace(_CONTROLLERS, "Who is responsible depends on where you live:\n\n"
                            "| Where you live | Controller | Address |\n| --- | --- | --- |\n"
                            "| European Union | Example Ltd | 1 Main Street, Dublin 2, Ireland |\n"
                            "| United Kingdom | Example UK Ltd | 5 High Street, London |"),
    _RESTATE_POLICY.replace(_FIGURES, "* **Access:** 120 received; 118 answered; average response time 9 days\n"
                            "* **Deletion:** 80 received; 80 answered; average response time 12 days\n"),
    _RESTATE_POLICY.replace(_SHARING, "| Recipient | What we share with them |\n| --- | --- |\n"
                            "| Payment processor | We share your order records with our payment processor to complete "
                            "your purchase. |\n\n"),
])
def test_a_statement_laid_out_anew_in_place_is_the_same_statement(new):
    assert classify_texts(_RESTATE_POLICY, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # The row adds a purpose; the row drops "only"; the row drops the denial of its neighbour; the list adds a period
    # of keeping. (A controller moved from one row to another of the same table, the United Kingdom's data given to the
    # Irish company, is read neither here nor on main: left.)
    _RESTATE_POLICY.replace(_SHARING, "| Recipient | What we share with them |\n| --- | --- |\n"
                            "| Payment processor | We share your order records with our payment processor to complete "
                            "your purchase and to market our products. |\n\n"),
    _RESTATE_POLICY.replace(_SECURITY_CODES, "| Data | Why we use it |\n| --- | --- |\n"
                            "| Phone number | We use your phone number to send you security codes. |\n\n"),
    _RESTATE_POLICY.replace(_SHARING + "We do not share your phone number with advertisers.\n\n",
                            "| Recipient | What we share with them |\n| --- | --- |\n"
                            "| Payment processor | We share your order records with our payment processor to complete "
                            "your purchase. |\n| Advertisers | We share your phone number with advertisers. |\n\n"),
    _RESTATE_POLICY.replace(_FIGURES, "* **Access:** 120 received; 118 answered; average response time 9 days\n"
                            "* **Deletion:** 80 received; 80 answered; we keep deletion requests for 12 days\n"),
])
def test_a_layout_that_adds_a_use_drops_a_limit_or_a_denial_stays_material(new):
    assert new != _RESTATE_POLICY
    assert classify_texts(_RESTATE_POLICY, new, RULES).classification.value != "editorial"


# -- a whole policy revised in its form (revfa27) -----------------------------------------------------------------
_NORTHWIND = (
    "# Privacy notice\n\nThis notice explains how Northwind Books handles your personal data.\n\n"
    "## 1. What we collect\n\nWe collect your name, email address and reading history when you open an account.\n\n"
    "Northwind collects details of your visits to shops run by us or by our franchise partners.\n\n"
    "Every so often, we may develop new or expand existing features.\n\n"
    "## 2. Service providers\n\nOther companies host our website and process payments for us. They may see your data "
    "only to do that work and must not use it for anything else.\n\n"
    "## 3. Keeping your data\n\nWe usually keep your data until you close your account or as needed to run the "
    "service. Some records stay after you close your account, to meet tax law.\n\n"
    "## 4. Transfers\n\nWe make sure your data receives an adequate level of protection in every country where we "
    "handle it. We rely on standard contractual clauses when data leaves the European Union.\n\n"
    "## 5. Contact\n\nWrite to privacy@northwind.example.\n")


def _revised(base: str, *edits: tuple[str, str]) -> str:
    """A whole policy with each (before, after) edit made once, in order, as a writer's edit script does."""
    text = base
    for before, after in edits:
        assert text.count(before) == 1
        text = text.replace(before, after)
    return text


def _northwind(*edits: tuple[str, str]) -> str:
    return _revised(_NORTHWIND, *edits)


_PROVIDERS = "Other companies host our website and process payments for us. They may see"
_FEATURES = "Every so often, we may develop new or expand existing features."


@pytest.mark.parametrize("new", [
    # A summary line whose clause gives the period an old sentence gives (the line pointing to its section by number).
    _northwind(("## 1. What we collect\n\n", "## At a glance\n\n* **Keeping data:** usually until you close your "
                "account or as needed to run the service; some records stay after you close it (section 3).\n\n"
                "## 1. What we collect\n\n")),
    # "They" made the category of recipients the section is titled for.
    _northwind((_PROVIDERS, _PROVIDERS.replace("They may see", "These service providers may see"))),
    # A sentence rewritten in place with its own words in another order.
    _northwind((_FEATURES, "We may develop new features or expand existing ones every so often.")),
    # The adequacy safeguard said in plain words.
    _northwind(("receives an adequate level of protection in every country where we handle it",
                "is adequately protected wherever we handle it")),
    # A summary line repeating an old sentence word for word, its label aside.
    _northwind(("## 5. Contact", "## In short\n\n* **What we collect:** details of your visits to shops run by us or "
                "by our franchise partners.\n\n## 5. Contact")),
])
def test_a_revision_in_form_of_the_whole_policy_is_editorial(new):
    assert classify_texts(_NORTHWIND, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # The summary gives another period; the titled section names another recipient; the reordered sentence gains data;
    # the safeguard is dropped; the summary line adds a kind of data.
    _northwind(("## 1. What we collect\n\n", "## At a glance\n\n* **Keeping data:** usually for ten years after you "
                "close your account; some records stay longer (section 3).\n\n## 1. What we collect\n\n")),
    _northwind((_PROVIDERS, _PROVIDERS.replace("They may see", "These service providers and advertisers may see"))),
    _northwind((_FEATURES, "We may develop new features or expand existing ones every so often, using your messages.")),
    _northwind(("We make sure your data receives an adequate level of protection in every country where we handle "
                "it. ", "")),
    _northwind(("## 5. Contact", "## In short\n\n* **What we collect:** your name, email address, reading history and "
                "location when you open an account.\n\n## 5. Contact")),
])
def test_a_revision_in_form_that_adds_or_drops_what_the_notice_tells_stays_material(new):
    assert new != _NORTHWIND
    assert classify_texts(_NORTHWIND, new, RULES).classification.value != "editorial"


# -- a whole policy revised in its form: a list folded, a list made a table, a summary box's denial (revfa28) --------
_STRIDE = (
    "# Stride privacy policy\n\nStride is a running app. This policy says what we do with your data.\n\n"
    "## Signing up\n\nWhen you register, you give us:\n\n* Your email address.\n* Your display name.\n"
    "* Your weight, if you choose to log it.\n\n"
    "## What the app records\n\n* **Runs.** We record the distance and time of each run.\n"
    "* **Routes.** We keep your run start point as a rough area. We record your full route only if you turn on Route "
    "Maps.\n\n"
    "## Advertising\n\nWe show ads from our own sponsors only. We do not sell personal information, and we do not "
    "share it for cross-context behavioural advertising.\n\n"
    "## Contact\n\nWrite to privacy@stride.example.\n")


def _stride(*edits: tuple[str, str]) -> str:
    return _revised(_STRIDE, *edits)


_SIGNUP = ("When you register, you give us:\n\n* Your email address.\n* Your display name.\n"
           "* Your weight, if you choose to log it.\n")
_RECORDS = ("* **Runs.** We record the distance and time of each run.\n"
            "* **Routes.** We keep your run start point as a rough area. We record your full route only if you turn on "
            "Route Maps.\n")


@pytest.mark.parametrize("new", [
    # A list under its lead-in folded into prose, the item's condition first.
    _stride((_SIGNUP, "When you register, you give us your email address and your display name. If you choose to log "
                      "it, you also give us your weight.\n")),
    # A list of labelled items made a table, a sentence's condition kept word for word in its cell.
    _stride((_RECORDS, "| Data | What we do |\n|---|---|\n| Runs | We record the distance and time of each run. |\n"
                       "| Routes | We keep your run start point as a rough area. We record your full route only if you "
                       "turn on Route Maps. |\n")),
    # A new summary box whose line repeats the old denial of selling and of sharing for advertising.
    _stride(("## Signing up", "## In brief\n\n* **Selling and sharing:** we do not sell personal information, and we "
                              "do not share it for cross-context behavioural advertising.\n\n## Signing up")),
])
def test_a_list_folded_a_list_made_a_table_or_a_box_repeating_a_denial_is_editorial(new):
    assert classify_texts(_STRIDE, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # Folded into prose, the item gains a datum; or loses its condition.
    _stride((_SIGNUP, "When you register, you give us your email address and your display name. If you choose to log "
                      "it, you also give us your weight and your resting heart rate.\n")),
    _stride((_SIGNUP, "When you register, you give us your email address, your display name and your weight.\n")),
    # The condition dropped from the sentence before it (a sentence the section no longer writes word for word).
    _stride(("We record your full route only if you turn on Route Maps.", "We record your full route.")),
    # A new summary box that affirms sharing for advertising.
    _stride(("## Signing up", "## In brief\n\n* **Selling and sharing:** we do not sell personal information, but we "
                              "share it for cross-context behavioural advertising.\n\n## Signing up")),
])
def test_a_list_folded_or_made_a_table_or_a_box_that_changes_what_is_told_stays_material(new):
    assert new != _STRIDE
    assert classify_texts(_STRIDE, new, RULES).classification.value != "editorial"


_HARBOUR = (
    "# Harbour Notes privacy notice\n\nHarbour Notes Ltd runs the Harbour Notes app.\n\n"
    "## What we collect\n\nWe collect your email address and the notes you write. See the section below about "
    "Sharing and Visibility Options for how to choose who sees a note.\n\n"
    "## Sharing and Visibility Options\n\nYou decide who can read each note.\n\n"
    "## Young people\n\nWe do not knowingly collect personal data from anyone under 16.\n\n"
    "## Contact\n\nWrite to privacy@harbour.example.\n")


@pytest.mark.parametrize("new", [
    # A heading renamed, and the pointer to it renamed with it.
    _HARBOUR.replace("Sharing and Visibility Options", "Sharing and Visibility Controls"),
    # A region's paragraph, run into the section above it, naming the controller of the data as a whole.
    _HARBOUR.replace("from anyone under 16.\n\n", "from anyone under 16.\n\nIf you live in the United Kingdom or "
                     "the European Union, Harbour Notes Ltd is the controller of your personal data.\n\n"),
])
def test_a_heading_renamed_with_its_pointer_or_a_controller_named_of_all_data_is_editorial(new):
    assert classify_texts(_HARBOUR, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # The pointer names another party outside the heading; another company is named the controller.
    _HARBOUR.replace("Sharing and Visibility Options", "Sharing and Visibility Controls").replace(
        "for how to choose who sees a note.", "for how to choose who sees a note; we also share notes with advertisers."),
    _HARBOUR.replace("from anyone under 16.\n\n", "from anyone under 16.\n\nIf you live in the European Union, "
                     "Quayside Analytics BV is the controller of your personal data.\n\n"),
])
def test_a_renamed_pointer_that_adds_a_party_or_another_controller_stays_material(new):
    assert classify_texts(_HARBOUR, new, RULES).classification.value != "editorial"


# A summary box whose lines each gather what several sections say (revfa29): every value a line names, the old
# document names, in the same polarity and with no strong limit dropped; the line relates its data to each use
# as the old document does.
_PEDAL = (
    "# Pedalpoint privacy notice\n\nPedalpoint Ltd runs the Pedalpoint bike-share app.\n\n"
    "## 1. What we collect\n\nWhen you sign up, we collect your name, your email address and your payment card. "
    "When you ride, we record your ride history: where each ride starts and ends, and how long it lasts.\n\n"
    "## 2. Where we get data from\n\nIf your employer pays for your pass, your employer tells us your work email "
    "address. Payment processors tell us whether a payment went through.\n\n"
    "## 3. How we use it\n\nWe use your data to run the bike-share service and to send you receipts. With your "
    "consent, we send you offers by email; you can unsubscribe at any time.\n\n"
    "## 4. Who we share it with\n\nWe share your data with payment processors and with our cloud hosting providers, "
    "who act only on our instructions. We do not sell your personal data.\n\n"
    "## 5. Your rights\n\nYou can ask for a copy of your data, correct it or delete it by writing to "
    "privacy@pedalpoint.example.\n")


def _pedal_box(*lines: str, heading: str = "The short version") -> str:
    return _PEDAL.replace("## 1. What we collect", f"## {heading}\n\n" + "\n".join(lines) + "\n\n## 1. What we collect")


@pytest.mark.parametrize("new", [
    _pedal_box("- In short: we collect your name, email address, payment card and ride history, and we hear from your "
               "employer and from payment processors (sections 1 and 2).",
               "- In short: we share your data with payment processors and cloud hosting providers, and we do not "
               "sell it (section 4).",
               "- In short: offers by email are sent with your consent (section 3)."),
    # Under a lead-in that is a label only, one line gathering two sections.
    _pedal_box("Here is the gist:", "", "- We record your rides and keep your name and payment card; payment processors "
               "and your employer tell us a little too.", heading="Summary"),
])
def test_a_box_line_gathering_what_several_sections_say_is_editorial(new):
    assert classify_texts(_PEDAL, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # A source the old document never names; a recipient it never names; data related to a use that needs consent.
    _pedal_box("- In short: we collect your name, email address, payment card and ride history, and we hear from your "
               "employer and from data brokers (sections 1 and 2)."),
    _pedal_box("- In short: we share your data with payment processors, cloud hosting providers and advertisers "
               "(section 4)."),
    _pedal_box("- In short: we share your ride history with advertisers, and we do not sell it (section 4)."),
    # A lead-in that states a use speaks for its items: an item the old document names is no longer a label's line.
    _pedal_box("We now share the following with insurers:", "", "- your ride history", "- your name", heading="Summary"),
])
def test_a_box_line_that_adds_a_value_or_a_relation_stays_material(new):
    assert classify_texts(_PEDAL, new, RULES).classification.value != "editorial"


@pytest.mark.parametrize("text", [
    "If you switch on Smart Replies, we read the last message you received to suggest an answer.",
    "Once a user has switched on location history, we keep a list of the places they visit.",
])
def test_switching_a_feature_on_is_a_consent_limit(text):
    # "switch on X" is "turn on X" (revfa29, rvK-07): the feature runs only once the user acts (Art. 4(11), 7).
    from privacykit.changes.items import Limit, analyse
    assert Limit.CONSENT in analyse(text).limits


@pytest.mark.parametrize(("text", "offered"), [
    ("Post: Harbour Notes Ltd, 4 Quay Street, Bristol", True),
    ("- **Mail:** Data Protection Officer, 12 Rue Verte, Lyon", True),
    ("E-mail: privacy@harbour.example", False),
    ("We post updates: see the blog.", False),
])
def test_a_contact_blocks_labelled_postal_line_offers_post(text, offered):
    # A contact block's "Post: <address>" line is a way to write (revfa29, rvL-05): a request by post still reaches us.
    from privacykit.changes.items import channels
    assert ("post" in channels(text)) is offered


_PEDAL_TIPS = _PEDAL.replace("and to send you receipts.", "and to send you receipts. If you switch on Ride Tips in "
                             "Account > Tips, we also use your ride history and the routes you save to suggest tips.")
_SWITCHES = ("## Which switches can I use?\n\n| Switch | What it does | Where to change it |\n|---|---|---|\n"
             "| Ride Tips | Also uses your ride history and the routes you save to suggest tips | Account > Tips |\n"
             "| Offers | Offers by email | Account > Emails |\n\n## 5. Your rights")


def test_a_table_of_switches_beside_the_sentences_that_limit_them_is_editorial():
    # The conditional sentence still stands word for word: the table row points to it (revfa29, rvK-04).
    assert classify_texts(_PEDAL_TIPS, _PEDAL_TIPS.replace("## 5. Your rights", _SWITCHES),
                          RULES).classification.value == "editorial"


def test_a_table_of_switches_whose_sentence_lost_its_condition_stays_material():
    new = _PEDAL_TIPS.replace("## 5. Your rights", _SWITCHES).replace(
        "If you switch on Ride Tips in Account > Tips, we also use", "In Account > Tips, we also use")
    assert classify_texts(_PEDAL_TIPS, new, RULES).classification.value != "editorial"


_PEDAL_WITHDRAW = _PEDAL + ("\n## Can I withdraw my consent to offers?\n\nYes, at any time and as easily as you gave "
                            "it. Untick the box in Account > Emails. Offers simply stop.\n")


@pytest.mark.parametrize(("said", "editorial"), [
    # The promise said of "it" in the next words (revfa29, rvK-06).
    ("Yes. You can take it back at any time, and it is as easy as giving it: untick", True),
    # The promise gone.
    ("Yes. You can take it back, and it is as easy as giving it: untick", False),
])
def test_a_rights_promise_said_of_it_in_the_next_words(said, editorial):
    new = _PEDAL_WITHDRAW.replace("Yes, at any time and as easily as you gave it. Untick", said)
    assert (classify_texts(_PEDAL_WITHDRAW, new, RULES).classification.value == "editorial") is editorial


# A denial said again with the value in one clause and the "not" in another, and "only" said in other words
# (revfa30): a whole policy revised so tells what it told. Own text: a tide-tables app.
_TIDE = (
    "# Tidewell privacy notice\n\nTidewell Ltd runs the Tidewell tide-tables app for sailors.\n\n"
    "## 1. What we collect\n\nWhen you sign up, we collect your name and your email address. "
    "We do not track your precise location. We do not read your logbook notes.\n\n"
    "## 2. How we use it\n\nWe use your email address only to send you tide alerts you have asked for. "
    "We use your name only if you post a trip report.\n\n"
    "## 3. Who we share it with\n\nWe share your data with our cloud hosting provider. "
    "We do not sell your personal information to third parties.\n\n"
    "## 4. Your rights\n\nYou can ask for a copy of your data or ask us to delete it by writing to "
    "privacy@tidewell.example. You can withdraw your consent to tide alerts at any time in Settings.\n")


@pytest.mark.parametrize("new", [
    # A question answered by a denial of "it"; a reason, then the denial of "it".
    _TIDE.replace("We do not track your precise location.", "Your precise location? We don't track it.")
         .replace("We do not sell your personal information to third parties.",
                  "Your personal information is yours, so we do not sell it to third parties."),
    # "only if" as "not … unless", "only to" as "just to", a heading renamed.
    _TIDE.replace("We use your name only if you post a trip report.",
                  "We do not use your name unless you post a trip report.")
         .replace("We use your email address only to send you tide alerts you have asked for.",
                  "We use your email address just to send you tide alerts you have asked for.")
         .replace("## 4. Your rights", "## 4. What you can do"),
    # The right to withdraw consent given on "it", the consent named before it.
    _TIDE.replace("You can withdraw your consent to tide alerts at any time in Settings.",
                  "Where you gave us your consent to tide alerts, you can withdraw it at any time in Settings."),
    # "only if" as "not until"; a denial of "them" after the data named.
    _TIDE.replace("We do not read your logbook notes.", "Your logbook notes are yours, so we do not read them.")
         .replace("We use your name only if you post a trip report.",
                  "We don't use your name until you post a trip report."),
])
def test_a_denial_said_in_another_clause_or_only_in_other_words_is_editorial(new):
    assert classify_texts(_TIDE, new, RULES).classification.value == "editorial"


@pytest.mark.parametrize("new", [
    # the answer denies another act than the old sentence did
    _TIDE.replace("We do not track your precise location.", "Your precise location? We don't delete it."),
    # the practice affirmed beside another denial
    _TIDE.replace("We do not track your precise location.", "Your precise location? We track it, and we never sell it."),
    # a bare answer that carves an exception out
    _TIDE.replace("We do not sell your personal information to third parties.",
                  "Selling your personal information to third parties? We do not do that, except to data brokers."),
    # the right denied of "it"
    _TIDE.replace("You can withdraw your consent to tide alerts at any time in Settings.",
                  "Where you gave us your consent to tide alerts, you cannot withdraw it in Settings."),
    # the "only" dropped and a purpose added
    _TIDE.replace("We use your name only if you post a trip report.",
                  "We use your name when you post a trip report and to recommend other sailors."),
])
def test_a_denial_turned_or_a_limit_dropped_in_another_clause_stays_material(new):
    assert classify_texts(_TIDE, new, RULES).classification.value != "editorial"


# para33: a paragraph rewritten whole, compared with the old one by what it names (`changes/inventory.py`).
_CYCLEHIRE = """# Cyclehire privacy notice

## What we collect

When you rent a bike, we record the station where you start and end each ride and the time of each ride. We only
use your ride history to bill you and to fix bikes that riders report as faulty. We do not track your route between
stations.

## Who we share it with

We share your name and ride history with our payment processor so that it can charge your card. We do not sell your
personal data to anyone.

## How long we keep it

Ride records are kept for 24 months after the ride, then deleted.
"""
_CYCLEHIRE_REWORDED = (
    ("When you rent a bike, we record the station where you start and end each ride and the time of each ride. We only\n"
     "use your ride history to bill you and to fix bikes that riders report as faulty. We do not track your route "
     "between\nstations.",
     "Whenever you rent, we note the time plus the start and end stations. That history goes to two uses only, "
     "charging you and\nrepairing bikes riders say are broken; we don't track your route between stations."),
    ("We share your name and ride history with our payment processor so that it can charge your card. We do not sell "
     "your\npersonal data to anyone.",
     "Our payment processor receives your name and ride history, which it needs to charge your card. Your personal "
     "data is\nnever sold to anyone."),
    ("Ride records are kept for 24 months after the ride, then deleted.",
     "We delete ride records two years after the ride."),
)


def _cyclehire_rewritten(cut: str = "", put: str = "") -> str:
    """The Cyclehire notice with its three paragraphs reworded, `cut` replaced by `put` in the rewording."""
    text = _CYCLEHIRE
    for old, new in _CYCLEHIRE_REWORDED:
        assert old in text
        text = text.replace(old, new.replace(cut, put) if cut else new)
    assert not cut or put in text
    return text


def test_a_document_rewritten_paragraph_by_paragraph_naming_the_same_things_is_editorial():
    # On main the first paragraph's "only", its old sentence paired with no new one, reads as a limit removed.
    assert classify_texts(_CYCLEHIRE, _cyclehire_rewritten(), RULES).classification.value == "editorial"


@pytest.mark.parametrize("cut, put", [
    ("two uses only,", "two uses,"),                                          # "only" dropped
    ("we don't track your route", "we track your route"),                     # "not" dropped
    ("are broken;", "are broken, and our insurance partners receive it;"),    # one recipient added
    ("two years after", "three years after"),                                 # a period lengthened
    ("Whenever you rent, we note", "We note"),                                # para34: a condition on a practice dropped
])
def test_a_rewritten_paragraph_that_adds_or_drops_one_item_stays_material(cut, put):
    assert classify_texts(_CYCLEHIRE, _cyclehire_rewritten(cut, put), RULES).classification.value != "editorial"


def test_coverage_reads_a_sections_sentences_once_for_gaps_and_for_what_it_always_said():
    """`coverage._read` is the one walk over a section's sentences: the period its text states is a gap of its
    `declares` (`section_gaps`) and, once declared, what the old text always said (`already_stated`)."""
    from privacykit.changes.coverage import already_stated, section_gaps
    from privacykit.changes.facts import FactChange
    from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
    from privacykit.model.facts import DeclaredFacts, FactKind
    from privacykit.model.rules import ChangeKind

    text = "We share your name with payment processors.\nWe keep order records for three years.\n"
    section = ResolvedSection("s", "Orders", text, "g", facts=DeclaredFacts(data_categories=frozenset({"user.name"})))
    gaps = section_gaps(section)
    assert {(g.fact, g.key) for g in gaps} >= {(FactKind.RETENTION, "P3Y"), (FactKind.RECIPIENTS, "payment_processors")}
    old = ResolvedDocument("d", "d", "any", "any", "en-US", (ResolvedGroup("g", None),), (section,))
    for period, stated in (("P3Y", True), ("P2Y", True), ("P5Y", False)):
        change = FactChange(ChangeKind.LONGER_RETENTION, FactKind.RETENTION, f"unstated->{period}", "", ("s",))
        assert already_stated(change, old) is stated, period
    recipient = FactChange(ChangeKind.NEW_RECIPIENT, FactKind.RECIPIENTS, "payment_processors", "", ("s",))
    assert already_stated(recipient, old)


def test_the_unscoped_reading_is_a_parameter_not_a_switched_global():
    """grampol42's measurement reads a pair without the scope of its negation (`scoped=False`) beside the
    scoped reading, without touching `fallback.SCOPE`: a pair whose clauses govern their values otherwise
    is a change scoped, and only function words unscoped."""
    c = _candidate("We do not share your health data with insurers, and we share your email address with them.",
                   "We share your health data with insurers, and we do not share your email address with them.")
    assert fallback.explained(c) is None and fallback.explained(c, scoped=False) == "function-words"
    passive = _candidate("We do not upload your fingerprint template to Motorola, and we do not share it with partners.",
                         "Your fingerprint template is neither uploaded to Motorola nor shared with partners.")
    assert fallback.explained(passive) == "same-items" and fallback.explained(passive, scoped=False) is None
    before = fallback.SCOPE
    found = fallback.features(c)
    assert (found["explained"], found["explained_unscoped"]) == (None, "function-words")
    assert fallback.SCOPE is before


def test_classify_names_the_vocabulary_by_the_problems_term_not_its_words():
    """A value unknown to the recipient vocabulary carries that vocabulary (`Problem.term`): classify's hint
    says where a project adds its own kinds; an unknown data category's hint is left as it is."""
    import pytest

    from privacykit.changes.classify import section_from_text
    from privacykit.errors import ContentError, Problem

    front = "---\ntitle: T\ndeclares:\n  {key}: [{value}]\n---\nText.\n"
    with pytest.raises(ContentError) as recipient:
        section_from_text(front.format(key="recipients", value="fraud_preventers"), "s.md", None, "vocabulary.yml")
    [problem] = recipient.value.problems
    assert problem.term == "recipient" and problem.hint.endswith("(or add it to vocabulary.yml)")
    with pytest.raises(ContentError) as category:
        section_from_text(front.format(key="data_categories", value="user.nothing"), "s.md", None, "vocabulary.yml")
    [problem] = category.value.problems
    assert problem.term == "data category" and "vocabulary.yml" not in problem.hint
    assert Problem("f", 1, "m", "h", "recipient") == Problem("f", 1, "m", "h")


@pytest.mark.parametrize("added", [
    "Data of users in mainland China may be transferred to the United States for processing.",
    "From now on, information about customers in China is stored in the United States.",
])
def test_a_transfer_abroad_told_anew_is_a_transfer_under_each_law(added):
    """counsel43: a sentence that moves data to a country the section already named is what the statement says of
    a transfer; under PIPL it is a new transfer out of China (separate consent, Art. 39), under GDPR a notice of
    Art. 13(1)(f), under LGPD Art. 33; a rewording of the old transfer sentence is none of these."""
    old = ("Lenovo is a global organization with legal entities in China, the United States and other countries. "
           "We may transfer your personal information to the United States.")
    result = classify_sections(section_from_text(old), section_from_text(f"{old} {added}"), RULES, ("pipl", "gdpr", "lgpd"))
    assert result.classification.value == "material-consent"
    [finding] = result.findings
    why = finding.why()
    assert "PIPL Art. 39" in why and "GDPR Art. 13(1)(f)" in why and "LGPD Art. 33" in why
    reworded = old.replace("We may transfer your personal information", "Your personal information may be transferred")
    assert classify_sections(section_from_text(old), section_from_text(reworded), RULES,
                             ("pipl",)).classification.value == "editorial"


def test_a_links_invitation_states_no_value_and_a_purpose_of_learning_still_does():
    """audit44: "Learn more about …", "Find out more about …", "To learn more about …, see …" point at another
    page: the data, parties and uses they name are no values of the text; "To learn more about your tastes, we
    collect …" is a processing sentence, and a table row's "cell; cell" keeps its statement."""
    from privacykit.changes.items import analyse, invitation
    from privacykit.changes.terms import Item

    def values(sentence: str) -> set[Item]:
        return {c.item for c in analyse(sentence).claims if c.positive}

    for sentence in ("Learn more about the inferences we may make, including as to your age and gender.",
                     "Find out more about how we share your order details with delivery partners.",
                     "To learn more about the device identifiers our analytics providers read, see our Cookie Notice."):
        assert invitation(sentence)
        assert not values(sentence) & {Item.CATEGORIES, Item.RECIPIENTS, Item.PURPOSES}, sentence
    purpose = "To learn more about your tastes, we collect your search history."
    assert not invitation(purpose) and Item.CATEGORIES in values(purpose)
    row = "Learn more about partners; We share your email address with our courier partners."
    assert not invitation(row) and Item.RECIPIENTS in values(row)


def test_a_word_for_data_swapped_is_no_new_party_and_a_company_swapped_still_is():
    """audit44: "Your Content" -> "Your Information", "Usage Data" -> "Usage Information" name the same data in
    other words; a processor named in another's stead ("Amazon Web Services" -> "Oracle Cloud") is a new recipient."""
    def recipients(probe: str) -> list[str]:
        case = next(c for c in PROBES if c["id"] == probe)
        result = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]), RULES)
        return [f.prose.new for f in result.findings if f.prose is not None and f.prose.item is not None
                and f.prose.item.value == "recipients"]

    assert recipients("a44-data-word-not-party-content") == []
    assert recipients("a44-data-word-not-party-heading-row") == []
    assert recipients("a44-la-party-swapped-still") == ["Oracle Cloud"]
