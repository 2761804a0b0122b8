"""What readers are told: one plain line per change, notices built from the decisions, public
redlines without reviewers' words; and the gate that judges a draft as its release will."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, acknowledge, allow_new_signer, changes_to_acknowledge, run_cli
from privacykit.changes.reader import ReaderWords, reader_line, titles_of
from privacykit.load.project import load_project
from privacykit.mkdocs.build import build_site
from privacykit.render.resolve import resolve
from privacykit.render.templates import TemplateSet
from privacykit.versions.gate import draft_verdict
from privacykit.versions.store import VersionStore

ORDERS = "statements/web/sections/orders.md"
NOTES = "statements/web/release-notes.md"
SHOP = {
    "mkdocs.yml": ("site_name: Shop\nsite_url: https://privacy.example.com/\ndocs_dir: site-src\n"
                   "theme: {name: material}\nplugins:\n  - privacykit:\n      preview_draft: true\n"),
    "site-src/.keep": "",
    "statements/regions.yml": (
        "regions:\n"
        "  global: {name: Global, locale: en-US, variables: {privacy_email: privacy@example.com}}\n"
        "  us: {name: United States, parent: global}\n"
        "  br: {name: Brasil, parent: global, locale: pt-BR, laws: [lgpd]}\n"
        "  cn: {name: China, parent: global, locale: zh-CN, laws: [pipl]}\n"
        "  jp: {name: Japan, parent: global, locale: ja-JP}\n"),
    "statements/web/statement.yml": (
        "title: Example Privacy Statement\nvariables:\n  company: Example Corp\noutline:\n"
        "  - heading: What do we collect?\n    id: collect\n    sections: [account, cookies, orders]\n"
        "  - heading: How may I contact us?\n    id: contact-us\n    sections: [contact]\n"),
    ORDERS: ("---\ntitle: Orders\nowner: legal\ndeclares:\n  data_categories: [user.name, user.behavior.purchase_history]\n"
             "  data_uses: [essential.service.payment_processing]\n  recipients: [shipping_companies]\n"
             "  retention: as_long_as_necessary\n---\n"
             "When you order, we collect your name and order details. We share order details with shipping "
             "companies.\n\nWe keep your information:\n\n- Account records: 2 years\n"),
}
RECIPIENT = ("shipping companies.", "shipping companies. We also share your name and order details with "
             "fraud-prevention and identity-verification partners.")
RETENTION_ITEM = ("- Account records: 2 years\n", "- Account records: 2 years\n- Order records: 10 years\n")
RETENTION_FACT = ("retention: as_long_as_necessary", "retention: P10Y")


@pytest.fixture
def shop(statement_project):
    """A shop whose statement is released, effective 2024-01-10, with regions in four languages."""
    root = statement_project(SHOP)
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    return root


def edit(root, *replacements: tuple[str, str]) -> None:
    write(root, ORDERS, *replacements)


def lines(root, region: str) -> list[str]:
    """What readers of `region` would read of the draft's changes (as notices and public redlines say it)."""
    project = load_project(root)
    store = VersionStore(project.paths)
    verdict = draft_verdict(project, store, "web", store.versions("web")[-1])
    words = ReaderWords.of(TemplateSet(project.paths.templates), project.regions[region].locale)
    titles = titles_of(resolve(project, "web", region))
    return [reader_line(f, words, titles).text for f in verdict.region(region).material]


def later(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


# -- reader lines -----------------------------------------------------------------------------------

def test_a_new_recipient_is_one_plain_sentence_in_each_language(shop):
    edit(shop, RECIPIENT)
    assert lines(shop, "global") == [
        "We now share your name and order details with identity verification partners."]
    assert lines(shop, "br") == ["Passamos a compartilhar o seu nome e o seu histórico de compras com parceiros de "
                                 "prevenção de fraudes e proteção de identidade."]
    assert lines(shop, "cn") == ["我们现在会与反欺诈和身份保护合作伙伴共享您的姓名和您的购买记录。"]
    report = run_cli(shop, "check", "--against", "in-force").stdout
    assert "  - readers read: “We now share your name and order details with identity verification partners.”" \
        in report


def test_a_new_retention_item_says_what_is_kept_and_for_how_long(shop):
    edit(shop, RETENTION_ITEM)
    assert lines(shop, "global") == ["We now keep order records for 10 years."]
    assert lines(shop, "br") == ["Passamos a guardar o seu histórico de compras por 10 anos."]
    assert lines(shop, "cn") == ["我们现在会将您的购买记录保留10年。"]


def test_a_fixed_retention_fact_names_its_section_and_both_periods(shop):
    edit(shop, RETENTION_FACT)
    report = run_cli(shop, "check", "--against", "in-force")
    assert "`retention_changed:as_long_as_necessary->P10Y@" in report.stdout    # as pasted into the notes
    assert "retention from as_long_as_necessary to a fixed period of P10Y (sections: orders;" in report.stdout
    assert "| br | lgpd | no changes | notify users (30 days ahead) | not decided yet |" in report.stdout
    assert lines(shop, "global") == [
        "We now keep the information described in “Orders” for 10 years instead of as long as necessary."]
    assert lines(shop, "br") == [
        "Passamos a guardar as informações descritas em “Orders” por 10 anos, em vez de pelo tempo necessário."]
    assert lines(shop, "cn") == ["我们现在会将“Orders”中所述的信息保留10年，而不是必要的期限。"]


def test_the_fact_and_the_text_of_one_retention_change_read_as_one_line(shop):
    edit(shop, RETENTION_ITEM, RETENTION_FACT)
    assert lines(shop, "global") == ["We now keep order records for 10 years instead of as long as necessary."]


def test_one_officer_changed_in_regions_yml_is_one_change_told_with_the_names_case(statement_project):
    # A DPO named by a region's variable and changed there is one fact: one change to acknowledge, its names as
    # the text writes them; a country the text names keeps its capital in what readers read (gate43).
    root = statement_project({**SHOP, "statements/regions.yml": SHOP["statements/regions.yml"].replace(
        "laws: [lgpd]}", "laws: [lgpd], variables: {dpo: Diogo Manganelli}}"),
        "statements/web/sections/contact.md": "---\ntitle: Contact\nowner: legal\n---\nWrite to "
        "{{ privacy_email }}.{% if dpo is defined %} You may also contact our Data Protection Officer, {{ dpo }}, "
        "at the address below.{% endif %}\n"})
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    write(root, "statements/regions.yml", ("Diogo Manganelli", "Maria Silva"))
    write(root, ORDERS, ("shipping companies.", "shipping companies. We may transfer order details to our "
                                                "service centres in the United States and Vietnam."))
    refs = changes_to_acknowledge(root)
    assert [r.split("@")[0] for r in refs if "dpo" in r] == ["text:contact:dpo_changed:maria-silva"]
    assert "O nosso encarregado de proteção de dados passa a ser “Maria Silva”." in lines(root, "br")
    assert any(line.endswith(" to Vietnam.") for line in lines(root, "global")), lines(root, "global")


# -- notices ----------------------------------------------------------------------------------------

def test_notices_tell_the_decided_changes_in_each_language_with_absolute_links(shop):
    edit(shop, RECIPIENT, RETENTION_FACT)
    refs = changes_to_acknowledge(shop)
    recipient = next(r for r in refs if r.startswith("text:orders:new_recipient:"))
    retention = next(r for r in refs if r.startswith("retention_changed:"))
    (shop / NOTES).write_text(
        "---\nsummary: Fraud checks on orders; order records kept ten years.\n"
        "summary_translations:\n  pt-BR: Verificação antifraude dos pedidos; registros guardados por dez anos.\n"
        f"acknowledge:\n  - change: {recipient}\n    decision: notify\n    reason: Fraud checks are a processor's.\n"
        f"  - change: {retention}\n    decision: none\n    reason: The period was always ten years in practice.\n"
        "---\n")
    effective = later(40)
    result = run_cli(shop, "release", "web", "--effective", effective)
    assert result.exit_code == 0, result.output
    # A region whose language the catalog lacks is told in English, and the release says so.
    assert "templates/strings.yml: no 'ja' texts: notices to region 'jp' (ja-JP) are in English" in result.stderr
    notices = shop / "versions/web" / effective / "notices"
    day = dt.date.fromisoformat(effective)
    email = (notices / "global.email.md").read_text()
    assert email == (
        "Subject: Changes to the Example Privacy Statement\nContent-Language: en-US\n\n"
        f"We are updating the Example Privacy Statement (Global). The new version takes effect on "
        f"{day:%B} {day.day}, {day.year}.\n\n"
        "Fraud checks on orders; order records kept ten years.\n\nWhat changes:\n\n"
        "- We now share your name and order details with identity verification partners.\n\n"
        f"You do not need to do anything. If you continue to use our products and services after {day:%B} {day.day}, "
        f"{day.year}, the new version applies.\n\n"
        f"Review the changes: https://privacy.example.com/global/web/{effective}/changes/\n")
    # The retention change was decided `none`: it is not announced, in any language.
    br = (notices / "br.email.md").read_text()
    assert "Content-Language: pt-BR" in br and "Verificação antifraude dos pedidos" in br
    assert "- Passamos a compartilhar o seu nome e o seu histórico de compras com parceiros de prevenção" in br
    assert "guardar" not in br and "10 anos" not in br
    assert f"Reveja as alterações: https://privacy.example.com/br/web/{effective}/changes/" in br
    cn = (notices / "cn.email.md").read_text()
    assert "Content-Language: zh-CN" in cn and "我们现在会与反欺诈和身份保护合作伙伴共享" in cn
    # No translation of the summary: the English one, marked as English (author44), rather than none.
    assert '<p lang="en">Fraud checks on orders; order records kept ten years.</p>' in cn
    jp = (notices / "jp.email.md").read_text()
    assert jp.startswith("Subject: Changes to the Example Privacy Statement\nContent-Language: en\n")
    for text in (email, br, cn, jp, (notices / "br.inapp.txt").read_text()):
        assert "_" not in text and "needs legal review" not in text and "@" not in text


PULSE = ("---\ntitle: Pulse\nowner: wearables\ndeclares:\n  data_categories: [user.health_and_medical]\n"
         "  data_uses: [essential.service]\n  retention: P5Y\n---\n"
         "The Pulse app uses the sensor in your watch to measure your heart rate while you exercise.\n\n"
         "We keep your workout history for 5 years after your last workout.\n")


def test_a_section_added_whole_is_named_first_and_its_changes_are_acknowledged_once(shop):
    """author44: a writer adds an app section and a Brazilian override of it. Heart rate is one finding (not a
    sensitive kind and a data category of one sentence), the period one line though br reads it in its own
    text, the draft's verdict box and the notices name the new section first, and a notice in a language the
    summary has no translation in gets the English summary marked as English."""
    write(shop, "statements/web/statement.yml", ("[account, cookies, orders]", "[account, cookies, orders, pulse]"))
    (shop / "statements/web/sections/pulse.md").write_text(PULSE)
    override = shop / "statements/web/sections/pulse.br.md"
    override.write_text("---\ntitle: Pulse\n---\n" + PULSE.split("---\n", 2)[2].replace("5 years after", "5 years "
                                                                                            "(Brazil) after"))
    assert run_cli(shop, "overrides", "--stamp", str(override)).exit_code == 0
    refs = changes_to_acknowledge(shop)
    heart = [r for r in refs if "health" in r]
    assert len(heart) == 1, refs
    period = [r for r in refs if r.startswith("longer_retention:")]
    assert len(period) == 1 and "+" in period[0], refs            # one entry for both texts
    acknowledge(shop, refs, "notify", "A new app.", summary="A new app measures heart rate.")
    assert changes_to_acknowledge(shop) == []                      # the one entry covers both texts
    site = build_site(shop / "mkdocs.yml", shop / "site", build_date="2024-06-01")
    box = verdict_box((site / "global/web/draft/changes/index.html").read_text("utf-8"))
    items = re.findall(r'<li class="pk-verdict__change[^"]*">(.*?)(?:<br>|</li>)', box, re.S)
    assert items[0].strip() == "We added a section “Pulse”.", items
    assert len(items) >= 3 and items[0] not in items[1:]          # then each change's own line
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    notices = shop / "versions/web" / effective / "notices"
    email = (notices / "global.email.md").read_text()
    what = email.split("What changes:\n\n")[1]
    assert what.startswith("- We added a section “Pulse”.\n- "), what
    cn = (notices / "cn.email.md").read_text()
    assert '<p lang="en">A new app measures heart rate.</p>' in cn


def test_the_draft_preview_is_dated_the_earliest_day_the_rules_allow_and_links_to_the_draft(shop):
    edit(shop, RETENTION_ITEM)      # LGPD asks for 30 days of notice
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Reviewed.")
    site = build_site(shop / "mkdocs.yml", shop / "site", build_date="2024-06-01")
    page = (site / "br/web/draft/notice/index.html").read_text()
    assert ("Se o rascunho fosse publicado em 1 de junho de 2024, os leitores desta região receberiam estes avisos. "
            "Eles estão datados de 1 de julho de 2024, a data de vigência mais próxima que as regras permitem") in page
    assert "Isso corresponde a 30 dias de aviso prévio." in page
    assert "A nova versão entra em vigor em 1 de julho de 2024." in page
    assert "- Passamos a guardar o seu histórico de compras por 10 anos." in page
    assert "Reveja as alterações: https://privacy.example.com/br/web/draft/changes/" in page
    assert (site / "br/web/draft/changes/index.html").is_file()


def test_an_upcoming_release_keeps_its_feed_dates_from_build_to_build(shop, tmp_path):
    # Every daily build publishes the feed again: an entry is dated by the day its release was made (kept in
    # its manifest), never by the build, and its summary is the readers' text alone (gate43).
    edit(shop, RETENTION_ITEM)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Order records are kept for tax audits.",
                summary="Order records are kept ten years.")
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    made = dt.date.today().isoformat()
    assert f"released: '{made}'" in (shop / "versions/web" / effective / "manifest.yml").read_text()
    feeds = []
    for day in (1, 2):
        site = build_site(shop / "mkdocs.yml", tmp_path / f"site{day}", build_date=later(day), pdf=False)
        feeds.append((site / "br/web/feed.xml").read_text())
    assert feeds[0] == feeds[1]
    upcoming = feeds[0].split("<entry>")[1]
    assert f"<published>{made}T00:00:00Z</published>" in upcoming and f"<updated>{made}T00:00:00Z</updated>" in upcoming
    # (an untranslated summary in the Portuguese feed says its language: rtl44)
    assert "<summary xml:lang=\"en\">Order records are kept ten years.</summary>" in feeds[0].split("<entry>")[1]
    assert "regi" not in upcoming.split("<summary")[1]       # no "Ação para os leitores da região …"


def test_a_release_that_takes_back_a_notified_change_is_flagged_and_its_notice_says_no_longer(shop):
    # gate43: readers told "we may now transfer … to Vietnam" stay unaware when the next release removes it
    # (a reduction, no action asked): the report says so and suggests a notice; decided, the notice tells it.
    transfer = ("  retention: as_long_as_necessary\n", "  retention: as_long_as_necessary\n  transfer_countries: [VN]\n")
    sentence = ("shipping companies.", "shipping companies. Our order desk in Vietnam handles your order details.")
    edit(shop, transfer, sentence)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "The order desk moves to Vietnam.")
    first = later(40)
    assert run_cli(shop, "release", "web", "--effective", first).exit_code == 0
    edit(shop, (transfer[1], transfer[0]), (sentence[1], sentence[0]))
    gate = run_cli(shop, "check", "--against", "in-force")
    assert gate.exit_code == 0, gate.output      # a reduction asks nothing of the rules: the lawyer decides
    section = gate.stdout.split("### Takes back what readers were told", 1)[1]
    (ref,) = re.findall(r"^- `([^`]+)` takes back `new_transfer_country:VN` of the release " + first, section, re.M)
    assert "  - readers would read: “We no longer transfer your information to Vietnam.”" in section
    acknowledge(shop, [ref], "notify", "The order desk stays in Brazil after all.")
    second = later(80)
    assert run_cli(shop, "release", "web", "--effective", second).exit_code == 0
    email = (shop / "versions/web" / second / "notices/global.email.md").read_text()
    assert "- We no longer transfer your information to Vietnam." in email



def test_a_withdrawal_recalls_each_notice_written_in_its_language_and_the_gate_says_to_send_it(shop):
    # withdraw44: readers told of a release that is then withdrawn get a recall, per region and language the
    # notice had, with an absolute link to the statement in force; `check` lists it to send; `verify` keeps it.
    edit(shop, RECIPIENT)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Fraud checks are a processor's.")
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    told = sorted(p.name for p in (shop / "versions/web" / effective / "notices").iterdir())
    result = run_cli(shop, "release", "web", "--withdraw", effective, "--reason", "the partners were wrong")
    assert result.exit_code == 0, result.output
    folder = shop / "versions/web/withdrawn" / effective
    assert f"send the recall notices in versions/web/withdrawn/{effective}/notices/ (br, cn, global, jp, us)" \
        in result.output
    assert sorted(p.name for p in (folder / "notices").iterdir()) == told
    day = dt.date.fromisoformat(effective)
    assert (folder / "notices/global.email.md").read_text() == (
        "Subject: The announced change to the Example Privacy Statement will not take effect\n"
        "Content-Language: en-US\n\n"
        f"The change we announced for {day:%B} {day.day}, {day.year} will not take effect.\n\n"
        "The Example Privacy Statement (Global) stays as it is: the version in force continues to apply. "
        "You do not need to do anything.\n\n"
        "Read the version in force: https://privacy.example.com/global/web/\n")
    br = (folder / "notices/br.email.md").read_text()
    assert "Content-Language: pt-BR" in br and "A alteração que anunciamos para" in br
    assert "https://privacy.example.com/br/web/" in br
    assert (folder / "notices/jp.email.md").read_text().startswith("Subject: The announced change")  # English, as told
    assert (folder / "notices/cn.inapp.txt").read_text().endswith("对您而言一切不变。\n")
    gate = run_cli(shop, "check", "--against", "in-force")
    assert "### Withdrawn after its notices were written: recall notices to send" in gate.stdout
    assert f"- `{effective}` (withdrawn on " in gate.stdout and "br, cn, global, jp, us" in gate.stdout
    assert run_cli(shop, "verify").exit_code == 0
    (folder / "notices/br.email.md").write_text(br.replace("não entrará", "entrará"))
    result = run_cli(shop, "verify")
    assert result.exit_code == 1 and f"withdrawn/{effective}/notices/br.email.md: recall notice was edited" \
        in result.output


def test_an_evidence_bundle_holds_the_recalls_of_its_region_checked_against_the_withdrawal(shop, tmp_path):
    # mend1: the withdrawal names its recall notices (`files`, with their sha256); a bundle of a region now holds
    # those of its region and `evidence --verify` checks them against that record, as a release's notices are.
    from test_bundle import forge, refused_in_one_line

    edit(shop, RECIPIENT)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Fraud checks are a processor's.")
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    assert run_cli(shop, "release", "web", "--withdraw", effective, "--reason", "the partners were wrong").exit_code == 0
    bundle = tmp_path / "br.zip"
    result = run_cli(shop, "evidence", "web", "--region", "br", "--at", later(0), "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    base = f"withdrawn/{effective}"
    with zipfile.ZipFile(bundle) as archive:
        held = sorted(n for n in archive.namelist() if n.startswith(f"{base}/notices/"))
        readme = archive.read("README.md").decode()
        kept = archive.read(f"{base}/notices/br.email.md")
    assert held == [f"{base}/notices/br.email.md", f"{base}/notices/br.inapp.txt"]      # its region's only
    assert kept == (shop / "versions/web" / base / "notices/br.email.md").read_bytes()
    found = (f"recalls: the recall notices the withdrawal wrote for region 'br' ({base}/notices/br.email.md, "
             f"{base}/notices/br.inapp.txt) match its record")
    assert f"- {found}" in readme.splitlines()
    result = run_cli(shop, "evidence", "--verify", str(bundle))
    assert result.exit_code == 0 and f"ok: {found}" in result.output.splitlines(), result.output
    # A recall edited, or one of another region slipped in (both re-listed in bundle.json), is one line.
    forged = tmp_path / "forged.zip"
    forge(bundle, forged, lambda files, index: files.update({f"{base}/notices/br.email.md": b"We told nobody.\n"}))
    refused_in_one_line(forged, f"{base}/notices/br.email.md: sha256 differs from the withdrawal's record (the "
                                "recall notice was changed)")
    cn = (shop / "versions/web" / base / "notices/cn.email.md").read_bytes()
    forge(bundle, forged, lambda files, index: files.update({f"{base}/notices/cn.email.md": cn}))
    refused_in_one_line(forged, f"{base}/notices/cn.email.md: not a recall notice the withdrawal records for region "
                                "'br'")



def test_the_notice_period_is_counted_from_the_clock_whatever_the_build_date_says(shop, monkeypatch):
    # withdraw44: a build date in the past gave a release 4 days of notice where the rules ask 30.
    from privacykit.render import dates

    monkeypatch.setattr(dates, "clock_today", lambda: dt.date(2024, 3, 1))
    edit(shop, RETENTION_ITEM)      # LGPD asks for 30 days of notice
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Order records are kept for tax audits.")
    for name, value in (("PRIVACYKIT_BUILD_DATE", "2024-01-15"), ("SOURCE_DATE_EPOCH", "1705276800")):
        monkeypatch.setenv(name, value)
        result = run_cli(shop, "release", "web", "--effective", "2024-03-10")
        assert result.exit_code == 1 and "br needs 30 days of notice, 2024-03-10 gives 9" in result.output
        monkeypatch.delenv(name)
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-03-20")      # after the clock: asks no more than it
    assert run_cli(shop, "release", "web", "--effective", "2024-03-31").exit_code == 0
    assert VersionStore(shop).get("web", "2024-03-31").released == dt.date(2024, 3, 1)

def test_a_withdrawal_of_a_release_that_told_nobody_writes_no_recall(shop):
    edit(shop, RETENTION_ITEM)
    acknowledge(shop, changes_to_acknowledge(shop), "none", "Order records were always kept so.")
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    assert not (shop / "versions/web" / effective / "notices").exists()
    result = run_cli(shop, "release", "web", "--withdraw", effective, "--reason", "the period was wrong")
    assert result.exit_code == 0 and "recall" not in result.output
    assert not (shop / "versions/web/withdrawn" / effective / "notices").exists()
    assert "recall notices to send" not in run_cli(shop, "check", "--against", "in-force").stdout

# -- the gate ---------------------------------------------------------------------------------------

def test_a_released_change_not_yet_in_force_passes_the_gate_and_the_next_release_asks_the_same(shop):
    edit(shop, RECIPIENT)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Fraud checks are a processor's.")
    first = later(40)
    assert run_cli(shop, "release", "web", "--effective", first).exit_code == 0
    # The whole notice period long, the gate passes on what was released and acknowledged.
    gate = run_cli(shop, "check", "--against", "in-force")
    assert gate.exit_code == 0, gate.output
    assert gate.stdout.startswith("## Privacy statement `web`: 2024-01-10 → draft\n\n"
                                  f"Released, not yet in force: {first} (below, with the decisions recorded")
    assert f"### Released {first}, in force from {first}" in gate.stdout
    assert "  - decision: notify — Fraud checks are a processor's." in gate.stdout
    # A change made meanwhile is judged against that release, by the gate and the release alike.
    edit(shop, RETENTION_ITEM)
    refs = changes_to_acknowledge(shop)
    assert [r.split("@")[0] for r in refs] == ["text:orders:longer_retention:10-years"]
    acknowledge(shop, refs, "notify", "Order records are kept for tax audits.")
    assert run_cli(shop, "check", "--against", "in-force").exit_code == 0
    result = run_cli(shop, "release", "web", "--effective", later(80))
    assert result.exit_code == 0, result.output


def test_a_decision_weaker_than_the_rules_needs_a_reason_which_the_report_prints(shop):
    edit(shop, RECIPIENT)
    (ref,) = changes_to_acknowledge(shop)
    (shop / NOTES).write_text(f"---\nsummary: S\nacknowledge:\n  - change: {ref}\n    decision: notify\n---\n")
    refused = run_cli(shop, "check", "--against", "in-force")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[-1] == (
        f"statements/web/release-notes.md:4: acknowledgement of '{ref}' decides notify, weaker than the rules ask in "
        "br: consent (LGPD Art. 7 §5 (sharing with other controllers)); cn: consent (PIPL Art. 23 (separate "
        "consent)); say why under 'reason:' in 3 words or more of your own (what makes the rule not apply here; the "
        "check report prints it), or decide as the rules ask")
    acknowledge(shop, [ref], "notify", "The partners act as processors under contract.")
    passed = run_cli(shop, "check", "--against", "in-force")
    assert passed.exit_code == 0, passed.output
    assert "| br | lgpd | 1 section changed | ask for consent again | notify users — weaker than the rules |" \
        in passed.stdout
    assert "  - decision: notify — The partners act as processors under contract.\n" \
           "  - weaker than the rules in br (consent: LGPD Art. 7 §5 (sharing with other controllers)); " \
           "cn (consent: PIPL Art. 23 (separate consent))" in passed.stdout


def test_the_reports_ids_paste_into_the_notes_and_an_id_with_entities_is_read_and_named(shop, tmp_path):
    # A code span shows its characters as they are (gate43): the report's id is the id `check` prints, so
    # pasting it from the pull-request comment acknowledges the change; one copied from a rendered page
    # (`-&gt;`) is read as the id it stands for, with a warning that names the id to write.
    edit(shop, RETENTION_FACT)
    report = tmp_path / "report.md"
    assert run_cli(shop, "check", "--against", "in-force", "--report", str(report)).exit_code == 1
    (ref,) = re.findall(r"^- `(retention_changed:[^`]+)`", report.read_text(), re.M)
    assert "->P10Y@" in ref and "&" not in report.read_text().split("### Owners", 1)[0]
    acknowledge(shop, [ref], "notify", "Order records are kept ten years for tax audits.")
    assert run_cli(shop, "check", "--against", "in-force").exit_code == 0
    acknowledge(shop, [ref.replace(">", "&gt;")], "notify", "Order records are kept ten years for tax audits.")
    entities = run_cli(shop, "check", "--against", "in-force")
    assert entities.exit_code == 0, entities.output
    assert (f"warning: {NOTES}:4: acknowledgement '{ref.replace('>', '&gt;')}' has HTML entities (copied from a "
            f"rendered page); read as '{ref}'; write the id so, as `check` prints it") in entities.stderr
    assert run_cli(shop, "check", "--against", "in-force", "--strict").exit_code == 1


def test_a_check_that_cannot_read_its_input_still_writes_a_report_saying_why(shop, tmp_path):
    # The workflow comments the report on the pull request: an input error is the comment (gate43).
    report = tmp_path / "report.md"
    report.write_text("the previous run's report")
    edit(shop, ("recipients: [shipping_companies]", "recipients: [shiping_companies]"))
    result = run_cli(shop, "check", "--against", "in-force", "--report", str(report))
    assert result.exit_code == 1
    text = report.read_text()
    assert text.startswith("## privacykit check: the draft could not be judged\n")
    assert f"- {ORDERS}:7: unknown recipient 'shiping_companies'; did you mean 'shipping_companies'?" in text
    edit(shop, ("recipients: [shiping_companies]", "recipients: [shipping_companies]"))
    (shop / NOTES).write_text("---\nsummary: S\nacknowledge: [\n---\n")
    assert run_cli(shop, "check", "--against", "in-force", "--report", str(report)).exit_code == 1
    assert f"- {NOTES}:" in report.read_text() and "invalid YAML" in report.read_text()
    # Notes read in part (an entry of the wrong shape) still give the gate's report, which says what to fix.
    (shop / NOTES).write_text("---\nsummary: S\nacknowledge: nope\n---\n")
    assert run_cli(shop, "check", "--against", "in-force", "--report", str(report)).exit_code == 1
    missing = run_cli(shop, "check", "--against", "in-force", "--report", str(tmp_path / "no" / "report.md"))
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert "--report: no folder" in missing.output and not (tmp_path / "no").exists()
    assert "need fixing" in report.read_text() and f"- {NOTES}:3: 'acknowledge' must be a list" in report.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []    # written in one step


def test_the_gates_messages_say_each_regions_action_and_one_line_per_problem(shop, tmp_path):
    # gate43: the unacknowledged line lists every region with the action it needs (no notify-only region called
    # consent); the report's overall decision is "not decided yet" while a region is; an empty reason is one
    # line, not also "unacknowledged"; a one-letter reason does not carry a decision weaker than PIPL's consent.
    edit(shop, RECIPIENT)
    (ref,) = changes_to_acknowledge(shop)
    gate = run_cli(shop, "check", "--against", "in-force")
    assert f"unacknowledged consent change '{ref}' (consent in br, cn; notify in global, us, jp): " in gate.stderr
    assert "**Overall: ask for consent again; decided: not decided yet in global, us, br, cn, jp**" in gate.stdout
    (shop / NOTES).write_text(f'---\nsummary: S\nacknowledge:\n  - change: {ref}\n    decision: consent\n'
                              f'    reason: ""\n---\n')
    empty = run_cli(shop, "check", "--against", "in-force")
    assert [line for line in empty.stderr.splitlines() if not line.startswith("warning:")] == [f"{NOTES}:6: acknowledgement of '{ref}' gives no reason; "
                                         "add 'reason: …' (it is kept with the release)"]
    acknowledge(shop, [ref], "notify", "x")
    short = run_cli(shop, "check", "--against", "in-force")
    assert short.exit_code == 1 and "(its reason, 'x', is too short to say why)" in short.stderr
    # gov44: three words are not a reason when they are one word repeated, or only assent and pointers elsewhere.
    acknowledge(shop, [ref], "notify", "yes yes yes")
    assert "(its reason, 'yes yes yes', repeats one word)" in run_cli(shop, "check", "--against", "in-force").stderr
    acknowledge(shop, [ref], "notify", "OK, as discussed above")
    assert "says nothing of its own" in run_cli(shop, "check", "--against", "in-force").stderr
    acknowledge(shop, [ref], "notify", "The partners act as processors under contract.")
    decided = run_cli(shop, "check", "--against", "in-force")
    assert decided.exit_code == 0 and "decided: notify users**" in decided.stdout
    # gov44: who decided, when the notes say so (`by:`), is printed with the decision.
    (shop / NOTES).write_text(f"---\nsummary: S\nacknowledge:\n  - change: {ref}\n    decision: notify\n"
                              "    reason: The partners act as processors under contract.\n"
                              "    by: Jane Doe (legal)\n---\n")
    signed = run_cli(shop, "check", "--against", "in-force")
    assert signed.exit_code == 0
    assert "  - decision: notify (by Jane Doe (legal)) — The partners act as processors under contract." \
        in signed.stdout
    refused = run_cli(shop, "release", "web", "--effective", later(40), "--notes", "/dev/null")
    assert refused.exit_code == 1 and "/dev/null: release notes must be a regular file" in refused.stderr


# -- acknowledgements are bound to the text they were given for -----------------------------------------

COOKIES = "statements/web/sections/cookies.md"


def write(root, path: str, *replacements: tuple[str, str]) -> None:
    file = root / path
    text = file.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    file.write_text(text)


def edited_after_acknowledging(root, refs: list[str], *replacements: tuple[str, str]):
    """Acknowledge `refs` (the gate passes), then edit the cookies section: the gate's answer."""
    acknowledge(root, refs, "notify", "Reviewed by the legal team.")     # (weaker than consent: a few words)
    assert run_cli(root, "check", "--against", "in-force").exit_code == 0
    write(root, COOKIES, *replacements)
    result = run_cli(root, "check", "--against", "in-force")
    assert result.exit_code == 1
    return result


def test_an_acknowledgement_does_not_cover_text_written_after_it(shop):
    write(shop, COOKIES, ("measure visits.", "measure visits. We share visit statistics with analytics partners."))
    result = edited_after_acknowledging(shop, changes_to_acknowledge(shop), (
        "analytics partners.", "analytics partners. We also sell your browsing history to data brokers."))
    assert "unacknowledged consent change 'text:cookies:starts_selling:sell@" in result.stderr
    # The decision was given for the section as it read then: it is stale, and says what to write.
    stale = [line for line in result.stderr.splitlines() if "was given for other text" in line]
    assert len(stale) == 1 and "acknowledgement of 'text:cookies:new_recipient:analytics-providers@" in stale[0]
    assert re.search(r"review it again, then write 'text:cookies:new_recipient:analytics-providers@[0-9a-f]{10}' "
                     r"with your decision$", stale[0])


def test_an_acknowledged_declaration_does_not_cover_a_later_sentence_it_would_explain(shop):
    write(shop, COOKIES, ("  data_uses: [analytics.reporting]\n",
                          "  data_uses: [analytics.reporting]\n  recipients: [analytics_providers]\n"),
          ("measure visits.", "measure visits. We share visit statistics with analytics partners."))
    (ref,) = changes_to_acknowledge(shop)
    assert ref.startswith("new_recipient:analytics_providers@")
    # A new recipient in the same section is explained by the declared one, so no finding of its own
    # shows it: the declaration's acknowledgement must not carry it.
    result = edited_after_acknowledging(shop, [ref], ("analytics partners.", "analytics partners and data brokers."))
    assert f"acknowledgement of '{ref}' was given for other text: the change reads differently now (section " \
           "cookies)" in result.stderr


def test_an_acknowledged_period_does_not_cover_a_later_age(shop):
    write(shop, COOKIES, ("measure visits.", "measure visits. We keep cookie data for 30 days. Children under 16 "
                                             "may not use the site."))
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Stated as practised.")
    assert run_cli(shop, "release", "web", "--effective", "2024-02-10", "--force-notice", "Past").exit_code == 0
    write(shop, COOKIES, ("30 days", "60 days"))
    (ref,) = changes_to_acknowledge(shop)
    assert ref.startswith("text:cookies:longer_retention:60-days@")
    result = edited_after_acknowledging(shop, [ref], ("under 16", "under 13"))
    assert "unacknowledged consent change 'text:cookies:lower_minimum_age:under-13@" in result.stderr
    assert f"acknowledgement of '{ref}' was given for other text" in result.stderr


def test_the_examples_release_notes_name_the_text_they_acknowledge():
    notes = (REPO / "statements/products/release-notes.md").read_text()
    assert re.search(r"- change: new_incompatible_use:train_ai_system@[0-9a-f]{10}\b", notes)
    result = run_cli(REPO, "check", "--against", "in-force")
    assert result.exit_code == 0, result.stderr[-2000:]


# -- public pages ------------------------------------------------------------------------------------

REVIEWERS_WORDS = ("needs legal review", "gdpr:", "lgpd:", "pipl:", "Art.", "as_long_as_necessary", "P10Y",
                   "new data", "decision", "decisão", "决定")


def verdict_box(page: str) -> str:
    return re.search(r'<div class="admonition [a-z]+ pk-verdict".*?</div>', page, re.S).group(0)


def test_public_redlines_show_the_decision_and_plain_lines_in_the_readers_language(example_copy):
    retention = example_copy / "statements/website/sections/retention.md"
    retention.write_text(retention.read_text().replace(*RETENTION_FACT))
    notes = example_copy / "statements/website/release-notes.md"
    refs = changes_to_acknowledge(example_copy)
    assert [r.split("@")[0] for r in refs] == ["retention_changed:as_long_as_necessary->P10Y"]
    text = notes.read_text().replace("acknowledge: []", f"acknowledge:\n  - change: {refs[0]}\n    decision: notify\n"
                                                        "    reason: Ten years is the tax-law maximum.")
    notes.write_text(text)
    effective = later(40)
    key = allow_new_signer(example_copy, example_copy.parent)     # the example's releases are signed
    result = run_cli(example_copy, "release", "website", "--effective", effective, "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    # The redline pages are what this checks: without the new release's seven archival PDFs
    # (PDFs of released versions are checked in tests/test_pdf.py).
    site = build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date=effective, pdf=False)
    box = {region: verdict_box((site / f"{region}/website/{effective}/changes/index.html").read_text("utf-8"))
           for region in ("global", "eu", "br", "cn")}
    assert "<p class=\"admonition-title\">Material change: users are notified</p>" in box["global"]
    assert "We now keep the information described in “Retention” for 10 years instead of as long as necessary." \
        in box["eu"]
    assert "Alteração relevante: os usuários são notificados" in box["br"]
    assert re.search(r"Passamos a guardar as informações descritas em “[^”]+” por 10 anos, em vez de pelo tempo "
                     r"necessário\.", box["br"])
    assert "重大变更：将通知用户" in box["cn"]
    assert re.search(r"我们现在会将“[^”]+”中所述的信息保留10年，而不是必要的期限。", box["cn"])
    for region, html in box.items():
        assert not [w for w in REVIEWERS_WORDS if w in html], (region, html)
    # The reviewers' words stay on the draft's pages.
    shutil.rmtree(site)


FRAUD_VOCABULARY = ("  fraud_prevention_providers:\n    name: Fraud prevention providers\n"
                    "    phrases: [fraud prevention providers]\n")


def eu_retail_override(root) -> Path:
    """The newcomer's EU override of the example (gate42): a period of ten years and a new recipient kind the
    project's vocabulary adds, stamped against its base."""
    (root / "statements/vocabulary.yml").write_text((root / "statements/vocabulary.yml").read_text()
                                                    + FRAUD_VOCABULARY)
    base = (root / "statements/website/sections/retail-ecommerce.md").read_text()
    override = root / "statements/website/sections/retail-ecommerce.eu.md"
    override.write_text(base.replace("business_partners]", "business_partners, fraud_prevention_providers]\n"
                                                          "  retention: P10Y")
                        + "\nWe keep your order records for 10 years, and we share them with fraud prevention "
                          "providers.\n")
    assert run_cli(root, "overrides", "--stamp", str(override)).exit_code == 0
    return override


def test_a_sections_longer_period_is_a_finding_of_the_gate_its_notice_and_its_redline(example_copy):
    # The statement-wide "as long as necessary" used to hide any section's own period: the document's
    # longest one did not move, so the gate saw only the recipient (gate42).
    eu_retail_override(example_copy)
    refs = changes_to_acknowledge(example_copy)
    ids = sorted(r.split("@")[0] for r in refs)
    assert "longer_retention:unstated->P10Y" in ids and "new_recipient:fraud_prevention_providers" in ids
    result = run_cli(example_copy, "check", "--against", "in-force")
    assert re.search(r"unacknowledged notify change 'longer_retention:unstated->P10Y@\w+' \(notify in eu\): retention from "
                     r"undeclared to P10Y", result.output)
    notes = example_copy / "statements/website/release-notes.md"
    entries = "".join(f"\n  - change: {ref}\n    decision: notify\n    reason: Reviewed." for ref in refs)
    notes.write_text(notes.read_text().replace("acknowledge: []", "acknowledge:" + entries))
    assert run_cli(example_copy, "check", "--against", "in-force").exit_code == 0
    effective = later(40)
    key = allow_new_signer(example_copy, example_copy.parent)
    result = run_cli(example_copy, "release", "website", "--effective", effective, "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    folder = example_copy / "versions/website" / effective
    email = (folder / "notices/eu.email.md").read_text()
    assert "10 years" in email and "fraud prevention providers" in email.lower()
    assert not (folder / "notices/global.email.md").exists() or "10 years" not in \
        (folder / "notices/global.email.md").read_text()
    verdict = VersionStore(load_project(example_copy).paths).get("website", effective).verdict
    eu = verdict.region("eu")
    assert eu is not None and "longer_retention:unstated->P10Y" in {f.id for f in eu.findings if f.decided.value != "none"}
    assert "longer_retention:unstated->P10Y" not in {f.id for f in verdict.region("global").findings}


def test_classify_reads_the_projects_vocabulary_and_agrees_with_check(example_copy, tmp_path, monkeypatch):
    # `classify --root` (or the project above the files) declares the project's own kinds of recipient, and
    # finds the same declared changes as the gate (gate42).
    override = eu_retail_override(example_copy)
    base = example_copy / "statements/website/sections/retail-ecommerce.md"
    result = run_cli(example_copy, "classify", str(base), str(override))
    assert result.exit_code == 0, result.output
    said = set(re.findall(r"\[([^\]]+)\]$", result.output, re.M))
    gate = {r.split("@")[0] for r in changes_to_acknowledge(example_copy)}
    facts = {"longer_retention:unstated->P10Y", "new_recipient:fraud_prevention_providers"}
    assert facts <= said and facts <= gate
    monkeypatch.chdir(tmp_path)          # no project here: the one above the files is found
    from click.testing import CliRunner

    from privacykit.cli import cli

    found = CliRunner().invoke(cli, ["classify", str(base), str(override)])
    assert found.exit_code == 0 and facts <= set(re.findall(r"\[([^\]]+)\]$", found.output, re.M))
    loose = tmp_path / "loose"
    loose.mkdir()
    for path in (base, override):
        shutil.copy(path, loose / path.name)
    alone = CliRunner().invoke(cli, ["classify", str(loose / base.name), str(loose / override.name)])
    assert alone.exit_code == 1
    assert "unknown recipient 'fraud_prevention_providers'" in alone.output
    assert "statements/vocabulary.yml, pass --root <project>" in alone.output
    override.write_text(override.read_text().replace("fraud_prevention_providers]", "fraud_preventers]"))
    wrong = run_cli(example_copy, "classify", str(base), str(override))
    assert wrong.exit_code == 1 and "unknown recipient 'fraud_preventers'" in wrong.output
    assert "vocabulary.yml)" in wrong.output and "or add it to" in wrong.output


def _report_parts(report: str) -> tuple[str, str]:
    """The 'Needs your decision' and 'For information' parts of one statement's check report."""
    decide = report.split("### Needs your decision", 1)[1].split("\n### ", 1)[0] \
        if "### Needs your decision" in report else ""
    told = report.split("### For information (no decision needed)", 1)[1].split("\n### ", 1)[0] \
        if "### For information" in report else ""
    return decide, told


def test_the_report_parts_what_needs_a_decision_from_what_is_told_for_information(example_copy, tmp_path):
    # A legal reviewer sees at a glance which lines need a decision (gate42): every change the gate refuses is
    # under "Needs your decision", with the rules' action; every change the gate lets pass unacknowledged is
    # under "For information", with why no decision is needed (never a rule's "consent" read as a request).
    eu_retail_override(example_copy)
    report = tmp_path / "report.md"
    result = run_cli(example_copy, "check", "--against", "in-force", "--report", str(report))
    assert result.exit_code == 1
    refused = set(re.findall(r"unacknowledged \w+ change '([^']+)'", result.output))
    text = report.read_text()
    products, website = text.split("## Privacy statement `website`")
    undecided: set[str] = set()
    for part in (products, website):
        decide, told = _report_parts(part)
        for item in re.split(r"\n(?=- `)", decide.strip()):
            if item.startswith("- `"):
                assert "  - why: " in item
                if "  - decision: none recorded yet" in item:
                    undecided.add(item[3:].split("`", 1)[0])
        assert "  - why:" not in told and "recorded yet" not in told
        assert all(line.startswith(("- `", "  - no decision needed: ")) for line in told.strip().splitlines())
    assert undecided == refused        # nothing that needs a decision passes the gate silently
    decide, told = _report_parts(website)
    assert "`longer_retention:unstated->P10Y@" in decide and "`new_recipient:fraud_prevention_providers@" in decide
    assert re.search(r"- `new_recipient:recruitment_agencies@\w+` — new recipient 'recruitment_agencies' \(sections: "
                     r"employment; regions: [^)]+\)\n  - no decision needed: the previous text already said so", told)
    decide, told = _report_parts(products)
    assert "`new_incompatible_use:train_ai_system@" in decide and "  - decision: consent — " in decide
    assert "`new_sensitive_data:user.government_id@" in told and "government_id" not in decide


def test_a_period_the_old_text_already_gave_is_declared_not_new(example_project):
    # Family Space's text always said "stored for three years"; declaring `retention: P3Y` since then tells
    # readers nothing new (gate42), while a section's own change of period is found (above).
    store = VersionStore(example_project.paths)
    verdict = draft_verdict(example_project, store, "products", store.versions("products")[-1])
    found = [f for r in verdict.regions for f in r.findings if f.id == "longer_retention:unstated->P3Y"]
    assert found and all(f.action.value == "none" and "already said so" in f.description for f in found)


def test_an_example_redline_in_force_shows_no_reviewers_words(example_site):
    for region in ("global", "us-ca", "br", "cn"):
        html = verdict_box((example_site / f"{region}/products/2024-03-05/changes/index.html").read_text("utf-8"))
        assert not [w for w in REVIEWERS_WORDS if w in html], (region, html)
    br = verdict_box((example_site / "br/products/2024-03-05/changes/index.html").read_text("utf-8"))
    assert 'Adicionamos uma seção “<span lang="en">Artificial Intelligence</span>”.' in br   # a section added whole
    draft = (example_site / "br/products/draft/changes/index.html").read_text("utf-8")
    assert "Rules: lgpd: consent (LGPD Art. 8 §6, Art. 9 §2). Decision: consent." in draft


def test_a_region_left_out_of_the_latest_release_previews_its_draft_against_its_own(shop):
    # The draft's verdict is judged once per statement and release compared with: a region whose
    # latest release is an older one than the others' is judged against that one.
    regions = shop / "statements/regions.yml"
    every = regions.read_text()
    regions.write_text("".join(line for line in every.splitlines(keepends=True) if not line.startswith("  jp:")))
    edit(shop, RECIPIENT)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Reviewed by the legal team.")
    result = run_cli(shop, "release", "web", "--effective", later(60))
    assert result.exit_code == 0, result.output
    regions.write_text(every)
    edit(shop, RETENTION_ITEM)
    site = build_site(shop / "mkdocs.yml", shop / "site", build_date=dt.date.today().isoformat())
    japan = (site / "jp/web/draft/changes/index.html").read_text()
    us = (site / "us/web/draft/changes/index.html").read_text()
    inserted = [" | ".join(re.findall(r"<ins>(.*?)</ins>", page, re.S)) for page in (japan, us)]
    assert "fraud-prevention" in inserted[0] and "Order records: 10 years" in inserted[0]
    assert "fraud-prevention" not in inserted[1] and "Order records: 10 years" in inserted[1]
    notices = {r: (site / r / "web/draft/notice/index.html").read_text() for r in ("jp", "us")}
    assert "We now share your name and order details with identity verification partners." in notices["jp"]
    assert "We now share" not in notices["us"] and "We now keep order records for 10 years." in notices["us"]


def _git(root, *args):
    import subprocess

    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin"})


def test_a_pull_request_that_weakens_the_rules_stops_the_gate_until_acknowledged(shop, monkeypatch):
    # gov44: a rule table added beside the change it would wave through (PIPL's separate consent to a new
    # recipient set to `none`) is compared with the rules of the last release and stops the gate.
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    _git(shop, "init", "-q")
    _git(shop, "add", "-A")
    _git(shop, "commit", "-qm", "release")
    (shop / "statements/rules.yml").write_text(
        "laws:\n  pipl: {rules: {new_recipient: {action: none, source: team decision}}}\n"
        "  lgpd: {rules: {new_recipient: {action: consent, source: LGPD Art. 7 §5}}}\n")
    edit(shop, RECIPIENT)
    (ref,) = changes_to_acknowledge(shop)
    acknowledge(shop, [ref], "consent", "Partners receive names to check orders.")
    gate = run_cli(shop, "check", "--against", "in-force")
    assert gate.exit_code == 1
    assert ("statements/rules.yml: rule 'rules:pipl:new_recipient' is weaker than at the last release's commit "
            in gate.stderr)
    assert f"consent (PIPL Art. 23 (separate consent)) → none (team decision)), which judges {ref}" in gate.stderr
    assert "rules:lgpd:new_recipient" not in gate.stderr       # the same action, another source: not weaker
    assert "| `rules:pipl:new_recipient` | consent (PIPL Art. 23 (separate consent)) | none (team decision) | " \
           f"**weaker** | {ref} | — |" in gate.stdout
    entry = "  - change: rules:pipl:new_recipient\n    decision: none\n    reason: {}\n    by: Jane Doe (legal)\n"
    notes = (shop / NOTES).read_text()
    (shop / NOTES).write_text(notes.replace("---\nNotes.", entry.format("yes yes yes") + "---\nNotes."))
    filler = run_cli(shop, "check", "--against", "in-force")
    assert filler.exit_code == 1 and "its reason, 'yes yes yes', repeats one word" in filler.stderr
    (shop / NOTES).write_text(notes.replace("---\nNotes.", entry.format(
        "China readers are served by the local entity, which asks for consent in the app.") + "---\nNotes."))
    passed = run_cli(shop, "check", "--against", "in-force")
    assert passed.exit_code == 0, passed.output
    assert "none (by Jane Doe (legal)): China readers are served by the local entity" in passed.stdout
    # A base asked for and missing (a pull request's base branch not fetched) stops the gate, never passes it.
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    unfetched = run_cli(shop, "check", "--against", "in-force")
    assert unfetched.exit_code == 1
    assert "cannot compare the rules with origin/main: no such commit here" in unfetched.stderr
    # The release that follows the merge reads the rules acknowledgement as the gate's, not a stale one.
    monkeypatch.delenv("GITHUB_BASE_REF")
    assert run_cli(shop, "release", "web", "--effective", later(40)).exit_code == 0


def test_a_release_that_wrote_notices_says_to_send_them_and_an_editorial_one_says_nothing(example_copy):
    # year45: a newcomer's material release of the example (products: Vantage trains its AI, consent in every
    # region) wrote notices for seven regions, and its output said nothing of them; the withdrawal of such a
    # release names its recalls. The release names the folder, the regions and the day to send them by.
    effective = later(40)
    key = allow_new_signer(example_copy, example_copy.parent)
    result = run_cli(example_copy, "release", "products", "--effective", effective, "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    told = sorted({p.name.split(".")[0] for p in (example_copy / "versions/products" / effective / "notices").iterdir()})
    assert told == ["br", "cn", "eu", "global", "uk", "us", "us-ca"]
    assert result.stdout.splitlines()[-1] == (
        f"its notices were written: send each region's e-mail and in-app notice in versions/products/{effective}/"
        f"notices/ (br, cn, eu, global, uk, us, us-ca) to its readers before {effective}, then record it: "
        f"privacykit notices sent products {effective} --region R …")
    result = run_cli(example_copy, "release", "website", "--effective", later(41), "--sign-key", str(key))
    assert result.exit_code == 0, result.output      # the example's website draft is editorial: no notice
    assert "notice" not in result.stdout


def test_the_chinese_draft_notice_page_puts_no_space_between_its_sentences(example_site):
    """The page showing a draft's notices says when they would be sent and how many days ahead in one
    paragraph: the Chinese one read "…已发布版本的变更。 即提前30天通知。" (final45b). The Portuguese one keeps
    its space."""
    cn = (example_site / "cn/products/draft/notice/index.html").read_text("utf-8")
    assert "发布后将指向已发布版本的变更。即提前30天通知。</p>" in cn
    br = (example_site / "br/products/draft/notice/index.html").read_text("utf-8")
    assert "depois que ela for publicada. Isso corresponde a 30 dias de aviso prévio." in br


# -- notices recorded as sent (`privacykit notices sent`) ----------------------------------------------------------

def notices_sent(root, *args):
    """Run `privacykit notices sent --root ROOT <args…>`; never a traceback."""
    from click.testing import CliRunner

    from privacykit.cli import cli

    result = CliRunner().invoke(cli, ["notices", "sent", "--root", str(root), *args])
    assert "Traceback" not in result.output
    return result


def set_clock(monkeypatch, day: dt.date) -> None:
    """The clock (UTC) `notices sent` and `check` judge by, set to `day`."""
    from privacykit.render import dates

    monkeypatch.setattr(dates, "clock_today", lambda: day)


@pytest.fixture
def noticed(shop):
    """The shop with a second release, 40 days ahead, whose notices were written: br's rules ask 30 days' notice
    of the longer retention, the other regions' none."""
    edit(shop, RETENTION_ITEM, RETENTION_FACT)
    acknowledge(shop, changes_to_acknowledge(shop), "notify", "Order records are kept ten years.")
    effective = later(40)
    assert run_cli(shop, "release", "web", "--effective", effective).exit_code == 0
    return shop, effective


def test_notices_sent_appends_an_entry_per_region_to_the_record_beside_the_releases(noticed):
    shop, effective = noticed
    record = shop / "versions/web.notices-sent.yml"
    result = notices_sent(shop, "web", effective, "--region", "br", "--region", "cn", "--by", "Ana Lima",
                          "--note", "mailing 4711")
    assert result.exit_code == 0, result.output
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert result.output == (f"recorded the notices of web {effective} to br, cn as sent by email and in the app on "
                             f"{today} -> versions/web.notices-sent.yml\n")
    result = notices_sent(shop, "web", effective, "--region", "global", "--channel", "in-app")
    assert result.exit_code == 0, result.output
    entry = ("  - release: '{e}'\n    region: {r}\n    channels:\n{c}    sent_on: '{t}'\n    recorded_on: '{t}'\n")
    both = "      - email\n      - in-app\n"
    assert record.read_text() == (
        "# The notices of this statement's releases recorded as sent (privacykit notices sent).\n"
        "# Appended to by the command; an entry is the team's statement of what was sent, never edited after.\n"
        "sent:\n"
        + entry.format(e=effective, r="br", c=both, t=today) + "    by: Ana Lima\n    note: mailing 4711\n"
        + entry.format(e=effective, r="cn", c=both, t=today) + "    by: Ana Lima\n    note: mailing 4711\n"
        + entry.format(e=effective, r="global", c="      - in-app\n", t=today))
    # The record is beside the releases' folders, not in one: the signed releases still verify.
    verified = run_cli(shop, "verify")
    assert verified.exit_code == 0 and verified.stdout.startswith("ok: 2 releases intact"), verified.output


def test_notices_sent_refuses_in_one_line_and_writes_nothing(noticed, monkeypatch):
    shop, effective = noticed
    day = dt.date.fromisoformat(effective)
    record = shop / "versions/web.notices-sent.yml"
    assert notices_sent(shop, "web", effective, "--region", "br").exit_code == 0
    kept = record.read_bytes()
    refusals = {
        ("web", "2031-01-01", "--region", "br"):
            f"versions/web: no version '2031-01-01' of statement 'web'; known versions: 2024-01-10, {effective}",
        ("web", effective, "--region", "xx"):
            f"--region: release web {effective} wrote no notice for region 'xx'; it wrote notices for br, cn, "
            f"global, jp, us (versions/web/{effective}/notices/)",
        ("web", "2024-01-10", "--region", "br"):
            "--region: release web 2024-01-10 wrote no notice for region 'br'; it wrote no notices",
        ("web", effective, "--region", "br", "--on", later(1)):
            f"--on: {later(1)} is in the future (today is {later(0)}, UTC); record a notice once it was sent",
        ("web", effective, "--region", "br", "--on", "2024-13-01"):
            "--on: invalid --on '2024-13-01': expected YYYY-MM-DD; write the date as YYYY-MM-DD",
        ("web", effective, "--region", "br", "--on", later(-1)):
            f"--on: {later(-1)} is before release web {effective} was made ({later(0)}), which wrote the notices; "
            "give the day they were sent",
        ("web", effective, "--region", "br", "--late"):
            f"--late: {later(0)} is not after release web {effective} took effect; leave out --late",
        ("web", effective, "--region", "br", "--channel", "fax"):
            "cli notices sent: invalid value for '--channel': 'fax' is not one of 'email', 'in-app'; "
            "see cli notices sent --help",      # (click's test runner names the program 'cli')
    }
    for args, line in refusals.items():
        result = notices_sent(shop, *args)
        assert (result.exit_code, result.output) == (1, line + "\n"), args
        assert record.read_bytes() == kept, args
    # Sent after the release took effect: refused unless --late says so, and then recorded as late.
    set_clock(monkeypatch, day + dt.timedelta(days=3))
    after = (day + dt.timedelta(days=1)).isoformat()
    result = notices_sent(shop, "web", effective, "--region", "jp", "--on", after)
    assert (result.exit_code, result.output) == (1, f"--on: {after} is after release web {effective} took effect; "
                                                    "if they were sent late, record it so with --late\n")
    assert record.read_bytes() == kept
    result = notices_sent(shop, "web", effective, "--region", "jp", "--on", after, "--late")
    assert result.exit_code == 0, result.output
    assert "(late: after it took effect)" in result.output
    assert record.read_text().endswith(f"    region: jp\n    channels:\n      - email\n      - in-app\n"
                                       f"    sent_on: '{after}'\n    recorded_on: '{day + dt.timedelta(days=3)}'\n"
                                       "    late: true\n")


def test_notices_of_a_withdrawn_release_are_not_recorded_as_sent(noticed):
    shop, effective = noticed
    withdrawn = run_cli(shop, "release", "web", "--withdraw", effective, "--reason",
                        "the order records are kept five years after all")
    assert withdrawn.exit_code == 0, withdrawn.output
    result = notices_sent(shop, "web", effective, "--region", "br")
    assert (result.exit_code, result.output) == (
        1, f"versions/web/withdrawn/{effective}: release web {effective} was withdrawn on {later(0)} and never takes "
           "effect: its notices are not to be recorded as sent; send its recall notices "
           f"(versions/web/withdrawn/{effective}/notices/) instead\n")
    assert not (shop / "versions/web.notices-sent.yml").exists()


def test_check_warns_of_notices_not_recorded_as_sent_once_the_notice_period_begins(noticed, monkeypatch):
    shop, effective = noticed
    day = dt.date.fromisoformat(effective)
    warning = ("warning: versions/web.notices-sent.yml: release web {e} takes effect in {n} days and its notices to "
               "{regions} are not recorded as sent; send versions/web/{e}/notices/ to those readers, then: "
               "privacykit notices sent web {e} {flags}")
    set_clock(monkeypatch, day - dt.timedelta(days=31))      # before br's 30 days' notice: nothing yet
    assert "notices-sent" not in run_cli(shop, "check").output
    set_clock(monkeypatch, day - dt.timedelta(days=30))
    result = run_cli(shop, "check")
    assert result.exit_code == 0
    assert warning.format(e=effective, n=30, regions="br", flags="--region br") in result.stderr
    assert run_cli(shop, "check", "--strict").exit_code == 1
    assert notices_sent(shop, "web", effective, "--region", "br").exit_code == 0
    assert "notices-sent" not in run_cli(shop, "check").output
    # A region whose rules ask no notice is told on the day before at the latest.
    set_clock(monkeypatch, day - dt.timedelta(days=1))
    result = run_cli(shop, "check")
    flags = "--region cn --region global --region jp --region us"
    assert warning.format(e=effective, n=1, regions="cn, global, jp, us", flags=flags) in result.stderr
    assert notices_sent(shop, "web", effective, *flags.split()).exit_code == 0
    assert "notices-sent" not in run_cli(shop, "check").output
    # In force, nothing is warned: what was not sent stays missing from the record.
    set_clock(monkeypatch, day)
    assert "notices-sent" not in run_cli(shop, "check").output


def test_a_record_of_notices_sent_that_cannot_be_read_is_one_line(noticed):
    shop, effective = noticed
    record = shop / "versions/web.notices-sent.yml"
    record.write_text(f"sent:\n  - release: '{effective}'\n    region: br\n    channels: [fax]\n")
    result = run_cli(shop, "check")
    assert result.exit_code == 1
    assert ("versions/web.notices-sent.yml:2: sent: entry 1 is not a notice sent ('fax' is not a valid Channel); "
            "restore it from version control") in result.output
    record.write_text("sent: yes\n")
    result = notices_sent(shop, "web", effective, "--region", "br")
    assert (result.exit_code, result.output) == (1, "versions/web.notices-sent.yml:1: not a record of notices sent "
                                                    "(no 'sent:' list); restore it from version control\n")
    assert record.read_text() == "sent: yes\n"


# -- the record of notices sent, read whenever it exists ------------------------------------------------------------

SENT_US = ("sent:\n  - release: '2024-03-05'\n    region: us\n    channels: [email]\n    sent_on: '{sent_on}'\n"
           "    recorded_on: '2024-03-01'\n")


@pytest.mark.parametrize("record, problem", [
    ("sent:\n  - release: '2024-03-05\n", "versions/website.notices-sent.yml:2: "),      # (YAML's own words follow)
    ("sent: yes\n", "versions/website.notices-sent.yml:1: not a record of notices sent (no 'sent:' list)"),
    (SENT_US.replace("[email]", "[fax]").format(sent_on="2024-02-01"),
     "versions/website.notices-sent.yml:2: sent: entry 1 is not a notice sent ('fax' is not a valid Channel)"),
    (SENT_US.replace("2024-03-05", "2024-03-06").format(sent_on="2024-02-01"),
     "versions/website.notices-sent.yml:2: sent: entry 1 (notice of the 2024-03-06 release sent by email on "
     "2024-02-01, by someone not recorded): release 2024-03-06 is no release of this statement"),
    (SENT_US.replace("2024-03-05", "2024-05-01").format(sent_on="2024-02-01"),
     "versions/website.notices-sent.yml:2: sent: entry 1 (notice of the 2024-05-01 release sent by email on "
     "2024-02-01, by someone not recorded): release 2024-05-01 wrote no notice for region 'us'"),
    (SENT_US.format(sent_on="2024-03-06").replace("2024-03-01", "2024-03-07"),
     "versions/website.notices-sent.yml:2: sent: entry 1 (notice of the 2024-03-05 release sent by email on "
     "2024-03-06, by someone not recorded): sent after release 2024-03-05 took effect, but not recorded as late"),
    (SENT_US.format(sent_on="2024-02-01").replace("2024-03-01", "2024-01-31"),
     "versions/website.notices-sent.yml:2: sent: entry 1 (notice of the 2024-03-05 release sent by email on "
     "2024-02-01, by someone not recorded): recorded on 2024-01-31, before it was sent"),
])
def test_a_record_of_notices_sent_is_read_whenever_it_exists(example_copy, record, problem):
    # The example has no release pending, so `check` read no record and said nothing of a corrupt one; it is read
    # whole now, each problem one line with the entry's line, whatever is pending.
    from privacykit.versions.sent import record_problems

    (example_copy / "versions/website.notices-sent.yml").write_text(record)
    problems = record_problems(VersionStore(example_copy), ["products", "website"])
    assert len(problems) == 1
    assert str(problems[0]).startswith(problem), problems[0]


def test_check_reads_a_record_of_notices_sent_with_no_release_pending(example_copy):
    record = example_copy / "versions/website.notices-sent.yml"
    record.write_text(SENT_US.format(sent_on="2024-02-01") + "    late: true\n")
    result = run_cli(example_copy, "check")
    assert result.exit_code == 1
    assert ("versions/website.notices-sent.yml:2: sent: entry 1 (notice of the 2024-03-05 release sent by email on "
            "2024-02-01 (recorded as late), by someone not recorded): recorded as late, but sent before release "
            "2024-03-05 took effect; restore it from version control") in result.output.splitlines()
    assert "Traceback" not in result.output
    record.write_text(SENT_US.format(sent_on="2024-02-01"))         # a true record: nothing to say
    result = run_cli(example_copy, "check")
    assert result.exit_code == 0, result.output
    assert "notices-sent" not in result.output


def test_only_a_release_that_writes_notices_asks_for_a_site_url(tmp_path):
    """Reddit's policy in a new project (no site_url yet): its first release and an editorial one write no
    notice and say nothing of site_url, where each warned that notices would link by a path; the release that
    writes notices (a retention limit added, decided notify) still does."""
    root = tmp_path / "privacy"
    assert run_cli(root, "import", str(CORPUS / "Reddit/2026-08-20T005210Z.md"), "--statement", "reddit").exit_code == 0
    section = root / "statements/reddit/sections/how-we-protect-your-information-text.md"
    warning = "warning: mkdocs.yml: no site_url: notices link to the redline by a path (/<region>/…), which an " \
              "e-mail cannot open; set site_url to the address the site is published at"
    for day, edit in ((1, None), (2, ("We take measures", "We take steps"))):
        if edit:
            section.write_text(section.read_text("utf-8").replace(*edit, 1), "utf-8")
        released = run_cli(root, "release", "reddit", "--effective", f"2026-07-0{day}", "--record-past", "history")
        assert released.exit_code == 0 and warning not in released.stderr.splitlines(), released.output
        assert not (root / f"versions/reddit/2026-07-0{day}/notices").exists()
    purpose = "for which we originally collected it."
    section.write_text(section.read_text("utf-8").replace(purpose, purpose[:-1] + ", and in any case no longer "
                                                          "than 24 months after your account is deleted.", 1), "utf-8")
    acknowledge(root, changes_to_acknowledge(root), statement="reddit", summary="We keep information 24 months.")
    effective = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    noticed = run_cli(root, "release", "reddit", "--effective", effective)
    assert noticed.exit_code == 0, noticed.output
    assert (root / f"versions/reddit/{effective}/notices/global.email.md").is_file()
    assert warning in noticed.stderr.splitlines()
