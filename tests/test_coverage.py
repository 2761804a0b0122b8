"""Prose and facts agree: `check` warns when a section's text names what its declares leave out,
a project extends the recipient vocabulary, and completing declares is not a new practice."""

from __future__ import annotations

from conftest import run_cli as run
from privacykit.changes.coverage import GapKind, section_gaps
from privacykit.changes.verdict import region_verdict
from privacykit.load.rules import load_rules
from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from privacykit.model.facts import DeclaredFacts
from privacykit.model.rules import Action, ChangeKind

ORDERS = ("---\ntitle: Orders\nowner: legal\ndeclares:\n  data_categories: [user.name]\n"
          "  recipients: [service_providers]\n---\n"
          "We share your name with service providers, payment processors and ticketing partners.\n"
          "We keep order records for 10 years.\n")
VOCABULARY = ("recipients:\n  ticketing_partners:\n    name: Ticketing partners\n"
              "    phrases: [ticketing partners, ticket sellers]\n")


def test_check_warns_with_the_key_to_add(statement_project):
    # (at the line of the sentence that names it, author44; 8 and 9 here, not the `declares:` line)
    root = statement_project({"statements/web/sections/account.md": ORDERS})
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "warning: statements/web/sections/account.md:8: the text names recipient “payment processors” that "
        "'declares' does not cover; add 'payment_processors' to 'recipients' in its declares",
        "warning: statements/web/sections/account.md:8: the text names recipient “ticketing partners” that "
        "'declares' does not cover; add a recipient kind for it under 'recipients:' in statements/vocabulary.yml, "
        "then declare it (or reword the text)",
        "warning: statements/web/sections/account.md:9: the text names kind of data “order records” that 'declares' "
        "does not cover; add 'user.behavior.purchase_history' to 'data_categories' in its declares",
        "warning: statements/web/sections/account.md:9: the text names retention period “10 years” that 'declares' "
        "does not cover; add 'retention: P10Y' to its declares",
        "ok: 1 statements, 3 sections, 3 regions, 3 resolved documents",
    ]


def test_a_project_adds_a_kind_of_recipient_and_declares_it(statement_project):
    root = statement_project({"statements/web/sections/account.md": ORDERS, "statements/vocabulary.yml": VOCABULARY})
    warnings = run(root, "check").output.splitlines()[:-1]
    assert any("add 'ticketing_partners' to 'recipients'" in line for line in warnings)
    complete = ORDERS.replace("[user.name]", "[user.name, user.behavior.purchase_history]").replace(
        "recipients: [service_providers]",
                              "recipients: [service_providers, payment_processors, ticketing_partners]\n"
                              "  retention: P10Y")
    root = statement_project({"statements/web/sections/account.md": complete, "statements/vocabulary.yml": VOCABULARY})
    assert run(root, "check").output == "ok: 1 statements, 3 sections, 3 regions, 3 resolved documents\n"


def test_an_unknown_recipient_is_still_refused_without_the_vocabulary(statement_project):
    declared = ORDERS.replace("recipients: [service_providers]", "recipients: [service_providers, ticketing_partners]")
    result = run(statement_project({"statements/web/sections/account.md": declared}), "check")
    assert result.exit_code == 1
    assert "unknown recipient 'ticketing_partners'" in result.output


def test_a_bad_vocabulary_gets_one_line_with_its_line(statement_project):
    bad = "recipients:\n  Fraud Partners:\n    name: Fraud partners\n"
    result = run(statement_project({"statements/vocabulary.yml": bad}), "check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "statements/vocabulary.yml:2: invalid recipient key 'Fraud Partners'; use lower case letters, digits and "
        "underscores"]


def test_gaps_follow_the_fides_hierarchy_and_skip_denials():
    section = ResolvedSection("s", "Sharing", "We collect your e-mail address. We do not share it with data brokers.\n",
                              "g", facts=DeclaredFacts(data_categories=frozenset({"user.contact"})))
    assert section_gaps(section) == []
    section = ResolvedSection("s", "Sharing", "We share your name with research partners.\n", "g",
                              facts=DeclaredFacts(data_categories=frozenset({"user.name"})))
    assert [(g.kind, g.words) for g in section_gaps(section)] == [(GapKind.UNKNOWN_KEY, "research partners")]


def _document(facts: DeclaredFacts, text: str) -> ResolvedDocument:
    return ResolvedDocument("s", "S", "global", "Global", "en", (ResolvedGroup("g", None),),
                            (ResolvedSection("orders", "Orders", text, "g", facts=facts),))


def test_declaring_what_the_text_always_said_is_not_a_new_practice():
    text = "We share your order details with payment processors.\n"
    before = _document(DeclaredFacts(recipients=frozenset({"service_providers"})), text)
    after = _document(DeclaredFacts(recipients=frozenset({"service_providers", "payment_processors"})), text)
    finding = region_verdict(before, after, ("gdpr",), load_rules()).findings[0]
    assert (finding.kind, finding.action) == (ChangeKind.NEW_RECIPIENT, Action.NONE)
    assert finding.description.endswith("(declared now; the previous text already said so)")
    # A recipient the old text did not name is news, declared or not.
    new_text = _document(DeclaredFacts(recipients=frozenset({"service_providers", "payment_processors"})),
                         "We share your order details with service providers and payment processors.\n")
    silent = _document(DeclaredFacts(recipients=frozenset({"service_providers"})),
                       "We share your order details with service providers.\n")
    assert region_verdict(silent, new_text, ("gdpr",), load_rules()).action is Action.NOTIFY


def _gaps(title: str, text: str, declared: frozenset[str]) -> list[tuple[str, str | None]]:
    section = ResolvedSection("s", title, text + "\n", "g", facts=DeclaredFacts(data_categories=declared))
    return [(g.words, g.key) for g in section_gaps(section)]


def test_messages_the_company_sends_the_reader_are_not_data_it_processes():
    # The example's Lenovo ID section (real Lenovo text): the marketing messages are what Lenovo sends.
    lenovo_id = ("We will use this information to administer your account or profile; provide services that you "
                 "requested; and to provide you with communications, including marketing messages that you choose "
                 "to receive from Lenovo.")
    assert _gaps("Lenovo ID", lenovo_id, frozenset({"user.name"})) == []
    assert _gaps("Newsletters", "We send you newsletters and promotional messages about our products.",
                 frozenset({"user.name"})) == []
    # The same form with the reader's messages processed still warns.
    read = "To provide you with support, we read the messages that you send to our agents."
    assert _gaps("Support", read, frozenset({"user.name"})) == [("messages", "user.content")]


def test_data_named_as_what_a_legal_basis_covers_is_not_a_collection():
    # The example's EU legal-bases section: consent "for marketing cookies" names a basis, not a collection
    # (the cookies are declared in the section that says they are set).
    bases = ("If you are in the European Economic Area or the United Kingdom, Lenovo processes your personal "
             "information on these legal bases: to perform a contract with you (for example, to deliver an order or "
             "support a product you registered), to comply with a legal obligation, for our legitimate interests "
             "(such as securing our services and improving our products) where those interests are not overridden "
             "by your rights, and with your consent (for example, for marketing cookies and marketing "
             "communications), which you may withdraw at any time.")
    assert _gaps("Legal bases", bases, frozenset({"user.name"})) == []
    # A legal basis with a collection it governs still warns.
    collected = "With your consent, we collect your precise location and set advertising cookies on your device."
    assert _gaps("Legal bases", collected, frozenset({"user.name"})) == [
        ("precise location", "user.location.precise"), ("cookies", "user.device.cookie")]
    # A basis's list of the data it covers is a list of data processed: only what follows a "for" is a purpose.
    listed = "For our legitimate interests, such as fraud prevention: device identifiers and your precise location."
    assert _gaps("Legal bases", listed, frozenset({"user.name"})) == [
        ("device identifiers", "user.device.device_id"), ("precise location", "user.location.precise")]


def test_the_companys_contact_channel_is_not_data_it_collects():
    channel = "To exercise these rights, send your request to the postal address or the email address given below."
    assert _gaps("Your rights", channel, frozenset({"user.name"})) == []
    # The same form naming the reader's own data still warns: the phone number is "your" number, and the
    # support team's address beside it is the channel.
    requests = ("Lenovo collects the requests you send to the email address of our support team, together with your "
                "phone number.")
    assert _gaps("Support", requests, frozenset({"user.name"})) == [("phone number", "user.contact.phone_number")]
    assert _gaps("Orders", "We transfer your order details to the postal address and phone number you give us.",
                 frozenset({"user.behavior.purchase_history"})) == [
        ("postal address", "user.contact.address"), ("phone number", "user.contact.phone_number")]
