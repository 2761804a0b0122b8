"""Reader lines of statements in German and Portuguese, and of regions read in Portuguese and Chinese: the
values in them are in the line's language or marked with theirs, never the detector's English reading of the
text ("Wir speichern … jetzt für 24 months." was a line on Telegram's German policy)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, run_cli
from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.changes.prose import ProseFinding, ProseKind
from privacykit.changes.reader import Phrase, ReaderWords, reader_line, titles_of
from privacykit.changes.terms import Item
from privacykit.changes.verdict import Finding, Origin
from privacykit.load.project import load_project
from privacykit.load.rules import load_rules
from privacykit.model.rules import Action
from privacykit.render.resolve import resolve
from privacykit.render.templates import TemplateSet
from privacykit.versions.gate import draft_verdict
from privacykit.versions.store import VersionStore

RULES = load_rules()
TELEGRAM = CORPUS / "Telegram" / "2026-08-22T010824Z.md"
METADATA = "statements/web/sections/metadaten.md"


def telegram_sentence(start: str) -> str:
    """A sentence of Telegram's German policy (2026-08-22), as the corpus holds it."""
    if not TELEGRAM.exists():
        pytest.skip("the corpus is not here")
    found = re.search(re.escape(start) + r"[^.]*\.", TELEGRAM.read_text("utf-8"))
    assert found is not None
    return found.group(0)


def german_project(statement_project, sentence: str) -> Path:
    """A statement written in German (Telegram's sentence), read in German, Portuguese, Chinese and English."""
    return statement_project({
        "statements/regions.yml": (
            "regions:\n  global: {name: Global, locale: de-DE}\n"
            "  br: {name: Brasil, parent: global, locale: pt-BR}\n"
            "  cn: {name: China, parent: global, locale: zh-CN}\n"
            "  us: {name: United States, parent: global, locale: en-US}\n"),
        "statements/web/statement.yml": ("title: Datenschutzerklärung\noutline:\n"
                                         "  - heading: Metadaten\n    id: daten\n    sections: [metadaten]\n"),
        "statements/web/sections/account.md": None, "statements/web/sections/contact.md": None,
        "statements/web/sections/cookies.md": None,
        METADATA: f"---\ntitle: Metadaten\nowner: legal\n---\n{sentence}\n",
    })


def lines(root: Path, region: str) -> list[str]:
    """The draft's lines for readers of `region`, as HTML (a value in another language is marked)."""
    project = load_project(root)
    store = VersionStore(project.paths)
    verdict = draft_verdict(project, store, "web", store.versions("web")[-1])
    words = ReaderWords.of(TemplateSet(project.paths.templates), project.regions[region].locale, "de")
    titles = titles_of(resolve(project, "web", region))
    return [str(reader_line(f, words, titles).html) for f in verdict.region(region).material]


def test_telegrams_longer_metadata_period_is_told_in_each_readers_language(statement_project):
    """Telegram keeps metadata "für maximal 12 Monate"; made 24, German readers read "24 Monate" as the text writes
    it (the detector's reading says "24 months"), the previous period in the catalog's German units, and readers
    of Portuguese, Chinese and English the catalog's units of theirs."""
    sentence = telegram_sentence("Diese Metadaten können wir")
    assert "für maximal 12 Monate" in sentence
    root = german_project(statement_project, sentence)
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    path = root / METADATA
    path.write_text(path.read_text("utf-8").replace("12 Monate", "24 Monate"), "utf-8")
    assert lines(root, "global") == [
        "Wir speichern die unter „Metadaten“ beschriebenen Informationen jetzt für 24 Monate statt 12 Monate."]
    assert lines(root, "br") == [
        "Passamos a guardar as informações descritas em “Metadaten” por 24 meses, em vez de 12 meses."]
    assert lines(root, "cn") == ["我们现在会将“Metadaten”中所述的信息保留24个月，而不是12个月。"]
    assert lines(root, "us") == ["We now keep the information described in “Metadaten” for 24 months instead of "
                                 "12 months."]


def read(old: str, new: str, locale: str, source: str) -> list[str]:
    """The lines of a change of one paragraph, as HTML, for readers in `locale` of a text in `source`."""
    result = classify_sections(section_from_text(old), section_from_text(new), RULES)
    words = ReaderWords.of(TemplateSet(None), locale, source)
    return [str(reader_line(f, words).html) for f in result.findings if f.prose is not None]


def test_a_period_in_words_of_the_text_is_quoted_for_its_readers_and_counted_for_others():
    """"ein Jahr" is the text's own words for its readers; readers of other languages get the number and the
    catalog's unit (the text's words read in English: "one year"), not "ein Jahr" quoted in German."""
    old, new = "Wir speichern deine Daten für 30 Tage.", "Wir speichern deine Daten für ein Jahr."
    assert read(old, new, "de-DE", "de") == ["Wir speichern Ihre Informationen jetzt für ein Jahr statt 30 Tage."]
    assert read(old, new, "pt-BR", "de") == ["Passamos a guardar as suas informações por 1 ano, em vez de 30 dias."]
    assert read(old, new, "zh-CN", "de") == ["我们现在会将您的信息保留1年，而不是30天。"]


def test_hours_have_units_in_every_language_of_the_catalog():
    """A period in hours was quoted in English to readers of Portuguese and Chinese ("“48 hours”") and in German to
    English readers; the catalog has the unit in each of its languages."""
    old, new = "Wir speichern deine Daten für 24 Stunden.", "Wir speichern deine Daten für 48 Stunden."
    assert read(old, new, "de-DE", "de") == ["Wir speichern Ihre Informationen jetzt für 48 Stunden statt 24 Stunden."]
    assert read(old, new, "en-US", "de") == ["We now keep your information for 48 hours instead of 24 hours."]
    english = ("We keep your data for 24 hours.", "We keep your data for 48 hours.")
    assert read(*english, "pt-BR", "en") == ["Passamos a guardar as suas informações por 48 horas, em vez de 24 horas."]
    assert read(*english, "zh-CN", "en") == ["我们现在会将您的信息保留48小时，而不是24小时。"]
    catalog = TemplateSet(None)
    for language in ("en", "pt", "es", "fr", "de", "zh"):
        assert "{n}" in catalog.strings(language)["period_hour"] and "{n}" in catalog.strings(language)["period_hour_one"]


def test_the_example_portuguese_translations_periods_are_its_own_words():
    """The example's pt-BR translation read as Portuguese: its readers get "dois anos" as written, not "two years"."""
    old, new = "Guardamos os seus dados por 12 meses.", "Guardamos os seus dados por dois anos."
    assert read(old, new, "pt-BR", "pt") == [
        "Passamos a guardar as suas informações por dois anos, em vez de 12 meses."]
    assert read(old, new, "zh-CN", "pt") == ["我们现在会将您的信息保留2年，而不是12个月。"]
    # (its real sentence on children: the ages are numbers, in every language)
    text = (REPO / "statements/products/translations/pt-BR/sections/children.yml").read_text("utf-8")
    sentence = re.search(r"Se a Lenovo tomar conhecimento[^\n]*", text).group(0)
    changed = sentence.replace("menor de 16 anos", "menor de 13 anos")
    assert read(sentence, changed, "pt-BR", "pt") == [
        "A idade mínima para usar os nossos serviços passa a ser 13 anos, em vez de 16."]
    assert read(sentence, changed, "zh-CN", "pt") == ["使用我们服务的最低年龄现为13岁，而不是16岁。"]


def line(prose: ProseFinding, locale: str, source: str) -> str:
    finding = Finding("t", None, Origin.TEXT, "", ("s",), Action.NOTIFY, prose=prose)
    words = ReaderWords.of(TemplateSet(None), locale, source)
    return str(reader_line(finding, words, {"s": Phrase("Kontakt", source)}).html)


def test_an_officer_named_only_by_the_office_is_no_name_in_any_language():
    """"Unser Datenschutzbeauftragter ist jetzt „a data protection officer“": the words name the office, not who
    holds it; every reader gets the neutral line of the item (English readers of English text got it already)."""
    sentence = "You can contact a data protection officer at dpo@example.com."
    prose = ProseFinding("s", ProseKind.IDENTITY, Item.DPO, None, "Maria Silva", "a data protection officer",
                         ("a data protection officer",), sentence)
    assert line(prose, "de-DE", "en") == \
        'Wir haben geändert, was „<span lang="en">Kontakt</span>“ darüber sagt, wer unser Datenschutzbeauftragter ist.'
    assert line(prose, "pt-BR", "en").startswith('Alteramos o que “<span lang="en">Kontakt</span>” diz sobre ')
    # A German text read in English ("einen Datenschutzbeauftragten" as "a data protection officer"): the same.
    german = "Du kannst einen Datenschutzbeauftragten unter dpo@example.com erreichen."
    prose = ProseFinding("s", ProseKind.IDENTITY, Item.DPO, None, "Max Mustermann", "a data protection officer",
                         ("a data protection officer",), german)
    assert line(prose, "de-DE", "de") == \
        "Wir haben geändert, was „Kontakt“ darüber sagt, wer unser Datenschutzbeauftragter ist."


def test_an_officer_no_longer_named_is_not_told_as_the_new_one():
    """A sentence that named the officer and names none now ("Maria Silva is our data protection officer" -> "You
    can contact our data protection officer"): "Our data protection officer is now maria silva" told the one gone
    as the new one; readers get the neutral line of the item."""
    sentence = "You can contact our data protection officer at dpo@example.com."
    prose = ProseFinding("s", ProseKind.IDENTITY, Item.DPO, None, "maria silva", None, ("maria silva",), sentence)
    assert line(prose, "en-US", "en") == \
        'We changed what “Kontakt” says about our data protection officer.'
    assert line(prose, "de-DE", "en") == \
        'Wir haben geändert, was „<span lang="en">Kontakt</span>“ darüber sagt, wer unser Datenschutzbeauftragter ist.'


def test_a_party_is_quoted_in_the_texts_words_or_marked_as_english():
    """A German text's recipient read in English ("logistik partners"): German readers get "Logistikpartner" as
    the text writes it, readers of Portuguese the same quoted and marked German; English words the text does not
    write are quoted and marked as English, never passed off as German."""
    german = "Wir geben deine Bestelldaten an Logistikpartner weiter."
    prose = ProseFinding("s", ProseKind.NEW_VALUE, Item.RECIPIENTS, None, None, "logistik partners",
                         ("logistik partners",), german)
    assert line(prose, "de-DE", "de") == \
        "Wir geben die unter „Kontakt“ beschriebenen Informationen jetzt an Logistikpartner weiter."
    assert line(prose, "pt-BR", "de") == ('Passamos a compartilhar as informações descritas em “<span lang="de">Kontakt'
                                          '</span>” com <span lang="de">“Logistikpartner”</span>.')
    controller = ProseFinding("s", ProseKind.IDENTITY, Item.CONTROLLER, None, None, "the parent company",
                              ("the parent company",), "Verantwortlich ist Telegram Messenger Inc.")
    assert line(controller, "de-DE", "de") == \
        '<span lang="en">„the parent company“</span> ist jetzt für Ihre Informationen verantwortlich.'


def test_a_declared_key_the_catalog_cannot_name_is_english_whatever_the_texts_language():
    """A recipient declared by the project's id ("courier_firms") in a German statement: its words are English, so
    German readers get them quoted and marked English, and Portuguese readers too (not marked German)."""
    from privacykit.changes.facts import FactChange
    from privacykit.model.facts import ChangeKind, FactKind

    fact = FactChange(ChangeKind.NEW_RECIPIENT, FactKind.RECIPIENTS, "courier_firms", "", ("s",))
    finding = Finding("recipients:courier_firms", ChangeKind.NEW_RECIPIENT, Origin.FACT, "", ("s",), Action.NOTIFY,
                      fact=fact)

    def said(locale: str, source: str) -> str:
        return str(reader_line(finding, ReaderWords.of(TemplateSet(None), locale, source)).html)

    assert said("de-DE", "de") == 'Wir geben Ihre Informationen jetzt an <span lang="en">„courier firms“</span> weiter.'
    assert said("pt-BR", "de") == \
        'Passamos a compartilhar as suas informações com <span lang="en">“courier firms”</span>.'
    assert said("en-US", "en") == "We now share your information with courier firms."
