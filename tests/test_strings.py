"""The words around a statement (banners, archive, redline) in each region's language."""

from __future__ import annotations

import re

import pytest

from privacykit.errors import ContentError
from privacykit.mkdocs.build import build_site
from privacykit.render.templates import PACKAGE_STRINGS, TemplateSet, _parse_strings

LANGUAGES = ("en", "pt", "es", "fr", "de", "zh")


def test_every_entry_is_translated_with_the_same_placeholders():
    catalog = _parse_strings(PACKAGE_STRINGS.read_text("utf-8"), "strings.yml")
    assert len(catalog) > 50
    for key, texts in catalog.items():
        assert set(texts) == set(LANGUAGES), key
        expected = set(re.findall(r"\{(\w+)\}", texts["en"]))
        for language, text in texts.items():
            assert set(re.findall(r"\{(\w+)\}", text)) == expected, (key, language)


def test_brazilian_and_chinese_pages_speak_their_language(example_site):
    br = (example_site / "br/website/index.html").read_text("utf-8")
    assert 'lang="pt-BR"' in br
    assert "A declaração de privacidade foi atualizada pela última vez em" in br
    assert '<time datetime="2024-05-01">1 de maio de 2024</time>' in br
    assert ">Rever a versão anterior</a>" in br and "Review previous version" not in br
    archive = (example_site / "br/website/archive/index.html").read_text("utf-8")
    assert "<th scope=\"col\">Data de vigência</th>" in archive and ">Em vigor<" in archive and ">Substituída<" in archive
    changes = (example_site / "br/website/2024-03-05/changes/index.html").read_text("utf-8")
    assert "<strong>1 seção adicionada, 1 movida</strong> entre a versão em vigor a partir de 30 de junho de 2023" in changes
    # The page names the statement as the region reads it, also above a version in English.
    assert "<title>Alterações da Declaração de Privacidade dos Sites da Lenovo (Brasil), 5 de março de 2024" in changes
    cn = (example_site / "cn/website/2023-06-30/index.html").read_text("utf-8")
    assert "此版本自2023年6月30日起生效，现已被取代。" in cn
    fragment = (example_site / "fragments/products/br/latest/lenovo-vantage.html").read_text("utf-8")
    # (the statement's title links to its page: embed44)
    assert "Declara&#231;&#227;o de Privacidade dos Produtos Lenovo</a>, vers&#227;o de 1 de maio de 2024" in fragment
    # English regions keep English; a language without a translation falls back to it.
    us = (example_site / "us/website/index.html").read_text("utf-8")
    assert "The privacy statement was last updated on" in us
    assert TemplateSet(None).strings("ja-JP")["in_force"] == "This is the version in force."


@pytest.fixture
def project_copy(golden_copy):
    """The golden project (a Brazilian region in Portuguese), with a templates folder."""
    (golden_copy / "templates").mkdir()
    return golden_copy


def test_a_project_corrects_a_translation_and_placeholders_stay_plain(project_copy):
    (project_copy / "templates/strings.yml").write_text(
        "# Our legal team's wording.\n"
        "last_updated:\n"
        "  pt: \"Última atualização: {date} {date.__class__} <b>\"\n")
    site = build_site(project_copy / "mkdocs.yml", project_copy / "site", build_date="2024-07-01")
    br = (site / "br/web/index.html").read_text("utf-8")
    assert ('Última atualização: <time datetime="2024-06-01">1 de junho de 2024</time> '
            "{date.__class__} &lt;b&gt;") in br
    assert "The privacy statement was last updated on" in (site / "us/web/index.html").read_text("utf-8")


@pytest.mark.parametrize("text, message", [
    ("last_updated:\n  pt: [a, b]\n", "templates/strings.yml:2: 'last_updated' in 'pt' is not text; quote the text"),
    ("last_updated: Hello\n", "templates/strings.yml:1: 'last_updated' needs texts by language, such as 'en: …'; "
                              "write one line per language under it"),
    ("my_words:\n  pt: Olá\n", "templates/strings.yml: no English text for 'my_words'; "
                               "give every entry an 'en:' text (the fallback of every language)"),
])
def test_a_bad_strings_file_is_one_clear_line(project_copy, monkeypatch, text, message):
    (project_copy / "templates/strings.yml").write_text(text)
    monkeypatch.chdir(project_copy)
    with pytest.raises(ContentError) as caught:
        build_site(project_copy / "mkdocs.yml", project_copy / "site", build_date="2024-06-01")
    assert str(caught.value) == message
    assert not (project_copy / "site").exists()


# A German subordinate clause opens on its question word (with its preposition) or "ob".
GERMAN_CLAUSE = re.compile(r"^(?:(?:an|mit|von|für|über) )?(?:wer|wen|wem|wie|was|welche[nmrs]?|warum|wohin|woher|wo|ob)"
                           r" .+ \w+$")


def test_german_reader_lines_say_what_changed_as_a_clause_after_their_comma():
    """"Wir haben geändert, was „…“ darüber sagt, {item}." takes a clause after its comma: an item named by a noun
    ("…, unseren Datenschutzbeauftragten.") was no German sentence. Each German item is a clause, and the lines of
    Reddit's own sentences (its automated decisions, its rights, its Brazilian officer) read as German does."""
    from privacykit.changes.prose import ProseFinding, ProseKind
    from privacykit.changes.reader import Phrase, ReaderWords, reader_line
    from privacykit.changes.terms import Item
    from privacykit.changes.verdict import Finding, Origin
    from privacykit.model.rules import Action

    names = TemplateSet(None).names("de-DE")
    items = {key: name for key, (name, language) in names.items() if key.startswith("items:") and language == "de"}
    assert len(items) == 15
    assert [key for key, name in items.items() if not GERMAN_CLAUSE.match(name)] == []

    words = ReaderWords.of(TemplateSet(None), "de-DE")

    def line(kind, item, old, sentence):
        prose = ProseFinding("s", kind, item, None, old, None, (old,), sentence)
        finding = Finding("t", None, Origin.TEXT, "", ("s",), Action.NOTIFY, prose=prose)
        return reader_line(finding, words, {"s": Phrase("Kontakt")}).text

    # Reddit's sentences (2026-08-20): a limit on its automated decisions, and its rights paragraph, each read as no
    # longer given.
    profiling = ("We do not engage in profiling of consumers in furtherance of automated decisions that produce legal "
                 "or similarly significant effects as those terms are defined in applicable regulations.")
    assert line(ProseKind.WIDER_SCOPE, Item.AUTOMATED_DECISIONS, "legal or similarly significant effects",
                profiling) == ("Wir haben die Worte „legal or similarly significant effects“ entfernt, die "
                               "einschränkten, welche automatisierten Entscheidungen wir über Sie treffen.")
    rights = ("If you have questions regarding your rights or wish to make a request related to your personal data, "
              "you can contact the Controller or the Data Protection Officer by emailing us.")
    assert line(ProseKind.WIDER_SCOPE, Item.RIGHTS, "regarding your rights", rights) == \
        "Wir haben die Worte „regarding your rights“ entfernt, die einschränkten, welche Rechte Sie haben."
    officer = ("In accordance with Article 41 of the LGPD, our Data Protection Officer (DPO) for Brazil acts as the "
               "communication channel between Reddit, data subjects in Brazil, and the ANPD.")
    assert line(ProseKind.RIGHT_REMOVED, Item.DPO, "our Data Protection Officer (DPO) for Brazil", officer) == \
        "Wir haben geändert, was „Kontakt“ darüber sagt, wer unser Datenschutzbeauftragter ist."
