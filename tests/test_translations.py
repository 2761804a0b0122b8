"""Translations: block keys, the translation layer, the translator workflow and stale translations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, allow_new_signer, run_cli
from privacykit.load.frontmatter import split_front_matter
from privacykit.load.project import load_project
from privacykit.model.blocks import BlockKind, split_body
from privacykit.model.translation import BlockState, TranslationEntry, align
from privacykit.render.resolve import resolve
from privacykit.testing.plugin import MINIMAL_PROJECT

COOKIES = "statements/web/sections/cookies.md"
COOKIES_PT = "statements/web/translations/pt-BR/sections/cookies.yml"
REGIONS = MINIMAL_PROJECT["statements/regions.yml"].replace("    laws: [lgpd]\n", "    language: pt-BR\n    laws: [lgpd]\n")
COOKIES_TEXT = MINIMAL_PROJECT[COOKIES].replace("We use cookies to measure visits.\n", (
    "We use cookies to measure visits to {{ company }} sites.\n"
    "\n"
    "You can refuse cookies:\n"
    "\n"
    "- in your browser settings\n"
    "- in our [cookie banner](https://example.com/cookies)\n"
    "\n"
    "| Cookie | Kept for |\n"
    "| --- | --- |\n"
    "| visit | one year |\n"))


@pytest.fixture
def translated(statement_project):
    """The minimal project with a Brazilian Portuguese region and a section of every block kind."""
    return statement_project({"statements/regions.yml": REGIONS, COOKIES: COOKIES_TEXT})


# The stale demonstration (strict43): the example itself is clean (its translations current), so the tests of
# stale blocks make one the way a writer does: the English retention item reworded ("+«, accounting»") after its
# pt-BR and zh-CN translations were made, and the draft's release notes publishing br and cn with the English
# text binding until they are translated again.
RETENTION_NOW = "To comply with applicable laws, including for tax, accounting and audit purposes"
RETENTION_BEFORE = "To comply with applicable laws, including for tax and audit purposes"
RETENTION_TRANSLATED = {
    "pt-BR": ("Para cumprir as leis aplicáveis, inclusive para fins fiscais, contábeis e de auditoria",
              "Para cumprir as leis aplicáveis, inclusive para fins fiscais e de auditoria"),
    "zh-CN": ("为遵守适用法律，包括出于税务、会计和审计目的", "为遵守适用法律，包括出于税务和审计目的")}


def leave_retention_stale(work: Path) -> Path:
    """Make the retention item's pt-BR and zh-CN translations stale in a copy of the example, as translated
    before the English item named accounting, with release notes that publish br and cn meanwhile."""
    for language, (now, before) in RETENTION_TRANSLATED.items():
        path = work / f"statements/website/translations/{language}/sections/retention.yml"
        text = path.read_text("utf-8")
        assert text.count(RETENTION_NOW) == 1 and text.count(now) == 1, path
        path.write_text(text.replace(RETENTION_NOW, RETENTION_BEFORE).replace(now, before), "utf-8")
    notes = work / "statements/website/release-notes.md"
    text = notes.read_text("utf-8")
    assert "translations: {}\n" in text
    notes.write_text(text.replace("translations: {}\n", "translations:\n  br: source-binding\n  cn: source-binding\n"),
                     "utf-8")
    return work


@pytest.fixture
def stale_example(example_copy) -> Path:
    """A copy of the example whose retention item's translations are stale (`leave_retention_stale`)."""
    return leave_retention_stale(example_copy)


def run(root, *args):
    """`privacykit <command> [<subcommand>] --root ROOT <args…>`."""
    if args[0] != "translate":
        return run_cli(root, *args)
    from click.testing import CliRunner

    from privacykit.cli import cli

    result = CliRunner().invoke(cli, [*args[:2], "--root", str(root), *args[2:]])
    assert "Traceback" not in result.output
    return result


def _xliff_targets(path: Path, translations: dict[str, str], state: str = "translated") -> None:
    """Fill targets with translate-toolkit, as a CAT tool would."""
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(path.read_bytes())
    for unit in store.getunits():
        if unit.source in translations:
            unit.target = translations[unit.source]
            unit.get_target_dom().set("state", state)
    path.write_bytes(bytes(store))


PT = {
    "Cookies": "Cookies",
    "We use cookies to measure visits to {{ company }} sites.": "Usamos cookies para medir as visitas aos sites da {{ company }}.",
    "You can refuse cookies:": "Você pode recusar cookies:",
    "in your browser settings": "nas configurações do seu navegador",
    "in our [cookie banner](https://example.com/cookies)": "no nosso [aviso de cookies](https://example.com/cookies)",
    "Cookie": "Cookie",
    "Kept for": "Mantido por",
    "visit": "visita",
    "one year": "um ano",
}


# -- blocks -------------------------------------------------------------------------------


def test_every_example_section_splits_into_blocks_and_back_byte_for_byte():
    bodies = 0
    for path in sorted((REPO / "statements").glob("*/*/*.md")):
        if path.name == "release-notes.md":
            continue
        body = split_front_matter(path.read_text(), path.name).body
        skeleton = split_body(body)
        assert skeleton.fill([b.text for b in skeleton.blocks]) == body, path
        bodies += 1
    assert bodies > 90


def test_blocks_of_every_kind_and_the_structure_around_them():
    skeleton = split_body(split_front_matter(COOKIES_TEXT, "x").body)
    assert [(b.kind, b.text) for b in skeleton.blocks] == [
        (BlockKind.PARAGRAPH, "We use cookies to measure visits to {{ company }} sites."),
        (BlockKind.PARAGRAPH, "You can refuse cookies:"),
        (BlockKind.LIST_ITEM, "in your browser settings"),
        (BlockKind.LIST_ITEM, "in our [cookie banner](https://example.com/cookies)"),
        (BlockKind.TABLE_CELL, "Cookie"), (BlockKind.TABLE_CELL, "Kept for"),
        (BlockKind.TABLE_CELL, "visit"), (BlockKind.TABLE_CELL, "one year"),
    ]
    filled = skeleton.fill(["P1", "P2", "L1", "L2", "C1", "C2", "C3", "C4"])
    assert filled == "P1\n\nP2\n\n- L1\n- L2\n\n| C1 | C2 |\n| --- | --- |\n| C3 | C4 |\n"


def test_a_block_key_survives_unrelated_edits_and_an_edit_makes_only_its_block_stale():
    source = ["First paragraph about cookies.", "Second paragraph about retention for five years.",
              "Third paragraph about rights."]
    entries = [TranslationEntry(text, f"PT {text}") for text in source]

    def states(body_texts):
        skeleton = split_body("\n\n".join(body_texts) + "\n")
        return [(b.state, b.entry.text if b.entry else None) for b in align(skeleton.blocks, entries).blocks]

    inserted = [source[0], "A new paragraph nobody translated yet.", source[1], source[2]]
    assert states(inserted) == [(BlockState.TRANSLATED, f"PT {source[0]}"), (BlockState.MISSING, None),
                                (BlockState.TRANSLATED, f"PT {source[1]}"), (BlockState.TRANSLATED, f"PT {source[2]}")]
    edited = [source[0], source[1].replace("five", "ten"), source[2]]
    assert states(edited) == [(BlockState.TRANSLATED, f"PT {source[0]}"), (BlockState.STALE, f"PT {source[1]}"),
                              (BlockState.TRANSLATED, f"PT {source[2]}")]
    reflowed = [source[0].replace(" about ", "\nabout "), source[1], source[2]]
    assert [s for s, _ in states(reflowed)] == [BlockState.TRANSLATED] * 3
    moved = [source[2], source[0], source[1]]
    assert [s for s, _ in states(moved)] == [BlockState.TRANSLATED] * 3


# -- the translator workflow ---------------------------------------------------------------


def test_export_edit_with_translate_toolkit_import_round_trips(translated, tmp_path):
    xlf = tmp_path / "br.xlf"
    exported = run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    assert exported.exit_code == 0, exported.output
    text = xlf.read_text()
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in text and 'version="1.2"' in text
    assert 'target-language="pt-BR"' in text
    # Placeholders and link targets are protected; notes give the section and the neighbours.
    assert '<ph id="1">{{ company }}</ph>' in text
    assert '<ph id="1">](https://example.com/cookies)</ph>' in text
    assert "section cookies: Cookies (statements/web/sections/cookies.md:8), paragraph" in text
    assert "after: You can refuse cookies:" in text
    assert text.count('state="new"') == len(re.findall("<trans-unit", text)) == 16
    assert exported.output.endswith("16 units for br (pt-BR) to " + str(xlf) + ": 0 translated, 0 stale, 16 new\n")

    _xliff_targets(xlf, PT)
    imported = run(translated, "translate", "import", str(xlf))
    assert imported.exit_code == 0, imported.output
    assert imported.output == ("imported pt-BR: 9 translated, 0 unchanged, 7 not translated or still to review, "
                               "0 for blocks that no longer exist; 1 files written\n")

    project = load_project(translated)
    document = resolve(project, "web", "br")
    cookies = document.section("cookies")
    assert cookies.markdown == (
        "Usamos cookies para medir as visitas aos sites da Example Corp.\n\nVocê pode recusar cookies:\n\n"
        "- nas configurações do seu navegador\n- no nosso [aviso de cookies](https://example.com/cookies)\n\n"
        "| Cookie | Mantido por |\n| --- | --- |\n| visita | um ano |\n")
    assert cookies.translation.fallback == () and cookies.translation.source_markdown.startswith("We use cookies")
    assert cookies.facts == project.statements["web"].sections["cookies"].base.facts
    assert document.language == "pt-BR" and document.text_language() == "pt-BR"
    # Untranslated sections read in English, every block marked so.
    account = document.section("account")
    assert account.markdown.startswith("When you create an account, Example Corp")
    assert account.translation.fallback == (-1, 0)
    # The English regions are untouched.
    assert resolve(project, "web", "us").section("cookies").translation is None

    # Exported again: every unit of the section is translated, with its translation as target.
    again = tmp_path / "again.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(again))
    from translate.storage import xliff

    units = {u.source: u for u in xliff.xlifffile.parsestring(again.read_bytes()).getunits()}
    assert units["visit"].target == "visita"
    assert units["visit"].get_target_dom().get("state") == "translated"
    assert units["When you create an account, {{ company }} collects your name and e-mail address."] \
        .get_target_dom().get("state") == "new"
    assert run(translated, "translate", "import", str(again)).output.startswith(
        "imported pt-BR: 0 translated, 9 unchanged, 7 not translated")


def test_po_export_edited_as_text_imports(translated, tmp_path):
    po_file = tmp_path / "br.po"
    assert run(translated, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file)).exit_code == 0
    text = po_file.read_text()
    assert 'msgctxt "statements/web/sections/cookies.md#' in text and "Language: pt-BR" in text
    edited = text.replace('msgid "You can refuse cookies:"\nmsgstr ""', 'msgid "You can refuse cookies:"\nmsgstr "Você pode recusar cookies:"')
    po_file.write_text(edited)
    result = run(translated, "translate", "import", str(po_file))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported pt-BR: 1 translated")
    saved = (translated / COOKIES_PT).read_text()
    assert "  - source: |-\n      You can refuse cookies:\n    translation: |-\n      Você pode recusar cookies:\n" in saved


CAT_TOOL_EXTRAS = [
    # What CAT tools add: their own namespaces and attributes, approval, alternatives, segments.
    ('<xliff ', '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '),
    ('<trans-unit ', '<trans-unit sdl:conf="Translated" translate="yes" extradata="tm:87" '),
    ('</trans-unit>', '<alt-trans match-quality="87"><target>alternativa</target></alt-trans></trans-unit>'),
]


def test_a_file_from_a_cat_tool_with_extra_attributes_imports(translated, tmp_path):
    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    _xliff_targets(xlf, PT, state="final")
    text = xlf.read_text()
    for old, new in CAT_TOOL_EXTRAS:
        text = text.replace(old, new)
    xlf.write_text(text)
    result = run(translated, "translate", "import", str(xlf))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported pt-BR: 9 translated")
    assert "Mantido por" in resolve(load_project(translated), "web", "br").section("cookies").markdown


def test_a_unit_whose_placeholder_was_dropped_is_refused_with_file_and_line(translated, tmp_path):
    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    broken = dict(PT)
    broken["We use cookies to measure visits to {{ company }} sites."] = "Usamos cookies para medir as visitas."
    broken["in your browser settings"] = "nas <script>alert(1)</script> configurações"
    _xliff_targets(xlf, broken)
    result = run(translated, "translate", "import", str(xlf))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    unit_line = next(i for i, line in enumerate(xlf.read_text().splitlines(), 1)
                     if "<trans-unit" in line and "Usamos" in xlf.read_text().splitlines()[i + 1])
    assert lines[0].startswith(f"{xlf}:{unit_line}: unit ")
    assert "of statements/web/sections/cookies.md: placeholder {{ company }} was dropped; keep placeholders" in lines[0]
    assert "markup <script> is not in the source" in lines[1]
    assert len(lines) == 2
    assert not (translated / COOKIES_PT).exists()      # nothing half-written


def test_a_unit_for_a_block_that_no_longer_exists_is_reported_and_the_rest_imported(translated, tmp_path):
    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    _xliff_targets(xlf, PT)
    source = translated / COOKIES
    source.write_text(source.read_text().replace("You can refuse cookies:\n\n", ""))
    result = run(translated, "translate", "import", str(xlf))
    assert result.exit_code == 0, result.output
    reported = [line for line in result.output.splitlines() if "no longer exists" in line]
    assert len(reported) == 1 and reported[0].startswith(f"{xlf}:")
    assert "of statements/web/sections/cookies.md translates a block that no longer exists" in reported[0]
    assert "8 translated" in result.output and "1 for blocks that no longer exist" in result.output
    assert "recusar" not in (translated / COOKIES_PT).read_text()


def test_a_file_in_another_language_than_the_region_is_refused_and_nothing_written(translated, tmp_path):
    """A German file imported with --region br (pt-BR), a PO whose Language header says de, and one <file> of an
    XLIFF set in French: each refused in one line, exit 1, no translation written (i18n44)."""
    xlf, po_file = tmp_path / "br.xlf", tmp_path / "br.po"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    run(translated, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file))
    _xliff_targets(xlf, PT)
    german = xlf.read_text().replace('target-language="pt-BR"', 'target-language="de"')
    (tmp_path / "de.xlf").write_text(german)
    result = run(translated, "translate", "import", str(tmp_path / "de.xlf"), "--region", "br")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{tmp_path / 'de.xlf'}: the file is in 'de' but region 'br' reads "
                                          "'pt-BR': nothing imported; import the file for that language, or name "
                                          "its region with --region"]
    (tmp_path / "de.po").write_text(po_file.read_text().replace("Language: pt-BR", "Language: de_DE"))
    result = run(translated, "translate", "import", str(tmp_path / "de.po"), "--region", "br")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "the Language header is in 'de_DE' but region 'br' reads 'pt-BR'" in result.output
    mixed = xlf.read_text()
    mixed = mixed.replace('target-language="pt-BR"', 'target-language="fr"', 1) if mixed.count("<file ") > 1 else \
        mixed.replace('target-language="pt-BR"', 'target-language="pt-PT"')
    (tmp_path / "mixed.xlf").write_text(mixed)
    result = run(translated, "translate", "import", str(tmp_path / "mixed.xlf"))
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "<file original=" in result.output or "the file is in 'pt-PT'" in result.output
    assert not (translated / COOKIES_PT).exists()
    # A file that says the language without its region (pt for pt-BR) is the region's language.
    (tmp_path / "pt.xlf").write_text(xlf.read_text().replace('target-language="pt-BR"', 'target-language="pt"'))
    assert run(translated, "translate", "import", str(tmp_path / "pt.xlf"), "--region", "br").exit_code == 0


@pytest.mark.parametrize("declared, used", [
    ('<!ENTITY secret SYSTEM "file://{secret}">', "&secret;"),
    ('<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">',
     "&c;"),
], ids=["external entity", "expanding entities"])
def test_an_xliff_file_with_a_doctype_is_refused_and_nothing_written(translated, tmp_path, declared, used):
    """An external entity was left out without a word (the unit imported with a word missing), and internal
    ones expanded to text the file does not hold (sec45): a DOCTYPE refuses the whole file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    _xliff_targets(xlf, PT)
    head, rest = xlf.read_text().split("<xliff", 1)
    text = head + f"<!DOCTYPE xliff [{declared.format(secret=secret)}]>\n<xliff" + rest
    text = text.replace("Usamos cookies", f"Usamos {used} cookies", 1)
    assert f"Usamos {used} cookies" in text
    xlf.write_text(text)
    result = run(translated, "translate", "import", str(xlf))
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{xlf}:2: the file declares a DOCTYPE (entities that stand for other "
                                          "text): nothing imported; send back the file the export wrote, without "
                                          "a DOCTYPE"]
    assert not (translated / COOKIES_PT).exists()


def test_a_link_whose_bracket_was_dropped_is_refused_and_a_dropped_link_is_named_missing(translated, tmp_path):
    """Link syntax is checked outside the protected pieces too: «banner](https://…)» without its `[` would show
    the brackets on the page; a dropped link is missing from the translation (not «not in the source»), and an
    address with parentheses is named whole (i18n44)."""
    from privacykit.model.translation import text_problem

    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    broken = dict(PT)
    broken["in our [cookie banner](https://example.com/cookies)"] = "no nosso aviso de cookies](https://example.com/cookies)"
    _xliff_targets(xlf, broken)
    result = run(translated, "translate", "import", str(xlf))
    assert result.exit_code == 1
    assert "the link syntax is broken at «" in result.output and "cookies](https://example.com/cookies)»" in result.output
    assert not (translated / COOKIES_PT).exists()
    source = "See [our page](https://example.com/a) or [test](javascript:alert(1))."
    assert text_problem(BlockKind.PARAGRAPH, source, "Veja [nossa página](https://example.com/a).") == \
        "link javascript:alert(1) of the source is missing from the translation"
    assert text_problem(BlockKind.PARAGRAPH, "See the page.", "Veja [x](javascript:alert(1)).") == \
        "link javascript:alert(1) is not in the source"
    assert "broken" in text_problem(BlockKind.PARAGRAPH, source,
                                    "Veja [nossa página](https://example.com/a ou [t](javascript:alert(1)).")
    assert text_problem(BlockKind.PARAGRAPH, source, "Veja [nossa página](https://example.com/a) ou "
                                                     "[teste](javascript:alert(1)).") is None


def test_a_missing_unit_is_warned_with_its_id_and_a_dry_run_says_what_it_would_write(translated, tmp_path):
    """A unit the translator deleted is not taken silently: one warning per file, with the count and ids; a dry
    run says its files would be written (i18n44)."""
    from translate.storage import xliff

    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    _xliff_targets(xlf, PT)
    store = xliff.xlifffile.parsestring(xlf.read_bytes())
    gone = next(u for u in store.getunits() if u.source == "one year")
    gone_id = gone.xmlelement.get("id")
    gone.xmlelement.getparent().remove(gone.xmlelement)
    xlf.write_bytes(bytes(store))
    result = run(translated, "translate", "import", str(xlf), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"{xlf}: 1 unit of statements/web/sections/cookies.md is missing from the file ({gone_id}): " \
           "not imported" in result.output
    assert "1 files would be written (dry run: nothing written)" in result.output
    assert not (translated / COOKIES_PT).exists()


def test_a_unit_of_an_older_text_names_the_release_the_file_was_exported_from(example_copy, tmp_path):
    """An export of the released text, imported after its paragraph was cut from the source, says which release's
    text the file translates (i18n44)."""
    xlf = tmp_path / "br.xlf"
    run(example_copy, "translate", "export", "--region", "br", "-o", str(xlf))
    section = example_copy / "statements/website/sections/collection-overview.md"
    text = section.read_text("utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("Please note that, in certain circumstances"))
    assert paragraph.strip() in text
    section.write_text(text.replace("\n\n" + paragraph.strip(), ""), "utf-8")
    _xliff_targets(xlf, {paragraph.strip(): "Observe que, em certas circunstâncias, podemos não oferecer."})
    result = run(example_copy, "translate", "import", str(xlf), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "translates a block that no longer exists" in result.output
    assert "1 for blocks that no longer exist (the file was exported from the text of release 2024-05-01 of " \
           "website)" in result.output


def test_placeholder_ids_are_unique_in_a_unit_and_pair_source_with_target():
    """A link or placeholder that comes twice in a block gets two `<ph>` ids (XLIFF 1.2: unique in a unit); the
    target's n-th occurrence takes the source's n-th id (i18n44)."""
    from lxml import etree

    from privacykit.translate.formats import XLIFF_NAMESPACE, write_xliff
    from privacykit.translate.units import Unit

    source = "Write to {{ dpo }} at [our page](https://example.com/a) or [this page](https://example.com/a), {{ dpo }}."
    target = "Schreiben Sie {{ dpo }} über [unsere Seite](https://example.com/a) oder [diese](https://example.com/a)."
    unit = Unit("statements/web/sections/contact.md", "b1", BlockKind.PARAGRAPH, source, BlockState.TRANSLATED,
                target=target)
    tree = etree.fromstring(write_xliff([unit], "en", "de"))
    ns = {"x": XLIFF_NAMESPACE}
    source_ids = [p.get("id") for p in tree.iterfind(".//x:source//x:ph", ns)]
    target_ids = [p.get("id") for p in tree.iterfind(".//x:target//x:ph", ns)]
    assert len(source_ids) == 4 and len(set(source_ids)) == 4
    assert target_ids == source_ids[:3]


# -- stale translations --------------------------------------------------------------------


def test_check_strict_fails_on_a_stale_translation_and_a_new_language_is_one_line(stale_example):
    """`check --strict` fails on stale translations (never on blocks not translated yet); a language just added
    (here ja, every file untranslated) is one warning line with its count and the command, not one per file
    (i18n44)."""
    assert run(stale_example, "check").exit_code == 0
    strict = run(stale_example, "check", "--strict")
    assert strict.exit_code == 1 and "stale pt-BR translation" in strict.output
    report = stale_example / "report.md"
    assert run(stale_example, "check", "--against", "in-force", "--report", str(report)).exit_code in (0, 1)
    text = report.read_text()
    assert "## Stale translations (" in text and "stale pt-BR translation" in text and "stale zh-CN translation" in text
    regions = stale_example / "statements/regions.yml"
    regions.write_text(regions.read_text() + "  jp:\n    name: 日本\n    parent: global\n    locale: ja-JP\n"
                                             "    language: ja\n")
    result = run(stale_example, "check")
    lines = [line for line in result.output.splitlines() if "not translated into ja" in line]
    assert len(lines) == 1, lines
    assert re.search(r"\d+ blocks in \d+ files not translated into ja \(regions jp\); list them: privacykit "
                     r"translate export --region jp", lines[0])


def test_editing_a_source_paragraph_makes_exactly_its_translation_stale(translated, tmp_path):
    xlf = tmp_path / "br.xlf"
    run(translated, "translate", "export", "--region", "br", "-o", str(xlf))
    _xliff_targets(xlf, {**PT, "Example Privacy Statement": "Declaração de Privacidade",
                         "What do we collect?": "O que coletamos?", "How may I contact us?": "Como nos contatar?",
                         "Your account": "Sua conta", "Contact": "Contato",
                         "When you create an account, {{ company }} collects your name and e-mail address.":
                             "Quando você cria uma conta, a {{ company }} coleta seu nome e e-mail.",
                         "Write to {{ privacy_email }}.": "Escreva para {{ privacy_email }}."})
    assert run(translated, "translate", "import", str(xlf)).exit_code == 0
    assert run(translated, "check").exit_code == 0

    source = translated / COOKIES
    source.write_text(source.read_text().replace("| visit | one year |", "| visit | two years |"))
    result = run(translated, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    stale = [line for line in lines if "stale pt-BR" in line]
    assert stale == [f"warning: {COOKIES_PT}:36: stale pt-BR translation (regions br): {COOKIES}:17 changed: "
                     "«one year» → «two years»; translate it again: privacykit translate export --region br, "
                     "then import"]
    assert lines[-1] == ("statements/web/release-notes.md: region 'br' would be published with 1 stale and "
                         "0 untranslated pt-BR blocks; translate them (privacykit translate export --region br), "
                         "or state how the region is published: 'translations: {br: source-binding}'")
    cookies = resolve(load_project(translated), "web", "br").section("cookies")
    assert "| visita | two years |" in cookies.markdown     # readers get the source text, marked
    assert cookies.translation.fallback == (7,) and cookies.translation.stale == (7,)

    refused = run(translated, "release", "web", "--effective", "2024-01-10")
    assert refused.exit_code == 1 and "region 'br' would be published with 1 stale" in refused.output
    (translated / "statements/web/release-notes.md").write_text(
        "---\nsummary: First release.\ntranslations:\n  br: source-binding\n---\n")
    assert run(translated, "check").exit_code == 0
    released = run(translated, "release", "web", "--effective", "2024-01-10")
    assert released.exit_code == 0, released.output
    manifest = (translated / "versions/web/2024-01-10/manifest.yml").read_text()
    assert "translations:\n  br:\n    language: pt-BR\n    stale: 1\n    missing: 0\n    published_as: source-binding\n" \
        in manifest


def test_release_notes_name_how_a_region_is_published_from_a_closed_list(translated):
    (translated / "statements/web/release-notes.md").write_text(
        "---\ntranslations:\n  br: machine-translated\n  mars: source-binding\n---\n")
    result = run(translated, "check")
    assert result.exit_code == 1
    assert ("statements/web/release-notes.md:3: region 'br' is published as 'machine-translated', which privacykit "
            "does not know; use one of: source-binding, translation-informative") in result.output
    assert "statements/web/release-notes.md:4: 'translations' names unknown region 'mars'" in result.output


# -- the example: br and cn in their language ---------------------------------------------------


def test_the_example_pages_read_in_portuguese_and_chinese(example_site):
    from htmltext import visible_words

    br = (example_site / "br/website/index.html").read_text()
    assert '<html lang="pt-BR"' in br
    assert 'class="pk-statement__text" lang="pt-BR"' in br
    assert "Declaração de Privacidade dos Sites da Lenovo" in br
    assert "Os registros (logs) dos nossos servidores web coletam" in br
    cn = (example_site / "cn/products/index.html").read_text()
    assert '<html lang="zh-CN"' in cn and 'class="pk-statement__text" lang="zh-CN"' in cn
    assert "联想产品隐私声明" in cn
    # Nothing on the in-force pages is left in English: no block falls back to the source.
    assert 'lang="en"' not in br.split('class="pk-statement__text"')[1]
    # The English release before the translations stays English, and says so.
    old = (example_site / "br/website/2024-03-05/index.html").read_text()
    assert '<html lang="pt-BR"' in old and 'class="pk-statement__text" lang="en"' in old
    assert "Our web server logs collect" in " ".join(visible_words(old))
    # hreflang alternates between the regions that publish the statement, and a switcher naming languages.
    for lang, region in (("x-default", "global"), ("en-US", "us"), ("pt-BR", "br"), ("zh-CN", "cn")):
        assert f'<link rel="alternate" hreflang="{lang}" href="https://privacy.example.com/{region}/website/">' in br
    assert '<span class="pk-regions__language" lang="zh-CN">(中文)</span>' in br
    assert '<span class="pk-regions__language" lang="pt-BR">(Português)</span>' in br


def test_the_redline_of_the_translated_text_links_to_the_source_redline(example_site):
    redline = (example_site / "br/website/2024-05-01/changes/index.html").read_text()
    assert '<a href="source/" hreflang="en">Alterações no texto original em inglês</a>' in redline
    # Not the Portuguese text against the English one: the release published the translation.
    assert "<ins>" not in redline and "o texto em inglês que ela traduz não mudou" in redline
    source = (example_site / "br/website/2024-05-01/changes/source/index.html").read_text()
    assert 'class="pk-redline__changes" lang="en"' in source
    assert "Nenhuma seção mudou" in source or "pk-redline__section" not in source


def _draft_page(work: Path, region: str) -> str:
    """The website draft's page in `region`, rendered as a build of `work` renders it (without the whole site)."""
    from privacykit.publish.build import site_inputs
    from privacykit.publish.context import RegionalStatement, SiteContext
    from privacykit.publish.draft import draft_pages

    inputs = site_inputs(work, build_date="2024-06-01")
    site = SiteContext(inputs.project, inputs.templates, inputs.build_date, inputs.store)
    regional = RegionalStatement.of(site, "website", region, inputs.store.versions("website"))
    return draft_pages(site, regional)[0].html


def test_the_example_draft_reads_its_current_translations(example_site):
    draft = (example_site / "br/website/draft/index.html").read_text()
    assert 'class="pk-stale"' not in draft and "O texto em inglês prevalece" not in draft
    assert RETENTION_TRANSLATED["pt-BR"][0] in draft
    assert RETENTION_TRANSLATED["zh-CN"][0] in (example_site / "cn/website/draft/index.html").read_text()


def test_the_draft_marks_the_stale_block_and_says_the_english_text_binds(stale_example):
    draft = _draft_page(stale_example, "br")
    stale = re.findall(r'<span lang="en" class="pk-stale">(.*?)</span>', draft)
    assert stale == ["To comply with applicable laws, including for tax, accounting and audit purposes"]
    assert "pk-statement--draft" in draft
    assert "O texto em inglês prevalece até que a tradução seja aprovada." in draft
    assert "Os trechos destacados são exibidos em inglês" in draft
    cn = _draft_page(stale_example, "cn")
    assert re.findall(r'<span lang="en" class="pk-stale">(.*?)</span>', cn) == stale
    assert "以英文文本为准" in cn


def test_api_and_fragments_say_the_language_of_their_text(example_site):
    import json

    version = json.loads((example_site / "api/v1/products/br/2024-05-01.json").read_text())
    assert version["language"] == "pt-BR"
    assert {s["language"] for s in version["sections"]} == {"pt-BR"}
    old = json.loads((example_site / "api/v1/products/br/2024-03-05.json").read_text())
    assert old["language"] == "en"
    index = json.loads((example_site / "api/v1/index.json").read_text())
    assert {r["id"]: r["language"] for r in index["statements"][0]["regions"]}["cn"] == "zh-CN"
    fragment = (example_site / "fragments/products/cn/latest/lenovo-vantage.html").read_text()
    assert fragment.startswith('<section class="pk-fragment" id="lenovo-vantage" lang="zh-CN"')
    feed = (example_site / "br/products/feed.xml").read_text()
    assert 'xml:lang="pt-BR"' in feed and "<title>Versão em vigor a partir de 1 de maio de 2024</title>" in feed
    assert "<title>Declaração de Privacidade dos Produtos Lenovo (Brasil)</title>" in feed


def test_the_api_marks_each_translated_section_once_for_its_digest_and_once_for_its_html(monkeypatch):
    """A version document's section digests come from the build's cache, which the region's signals filled:
    a section's marked Markdown is made once for its digest and once for its HTML, not again for the JSON."""
    import json

    from privacykit.publish import api
    from privacykit.publish.build import site_inputs
    from privacykit.publish.context import RegionalStatement, SiteContext

    made: list[str] = []
    marked = api.marked_markdown
    monkeypatch.setattr(api, "marked_markdown", lambda section: made.append(section.digest) or marked(section))
    inputs = site_inputs(REPO, build_date="2024-06-01")
    site = SiteContext(inputs.project, inputs.templates, inputs.build_date, inputs.store)
    regional = RegionalStatement.of(site, "products", "br", inputs.store.versions("products"))
    assets = []
    api.region_api(site, regional, assets.append)
    texts = {(s.digest, e.document.text_language(site.source_language("br")))
             for e in regional.editions.values() for s in e.document.sections}
    assert any(s.translation for e in regional.editions.values() for s in e.document.sections)
    assert sorted(made) == sorted([d for d, _ in texts] + list({d for d, _ in texts}))
    # The digests the version documents give are the ones the region file's signals give.
    region = json.loads(next(a.content for a in assets if a.path.endswith("products/br.json")))
    latest = json.loads(next(a.content for a in assets if a.path.endswith(f"br/{region['in_force']}.json")))
    assert {s["id"]: s["digest"] for s in latest["sections"]} == {
        sid: signal["digest"] for sid, signal in region["section_signals"].items()}


def test_a_translation_only_release_is_editorial_and_a_source_change_carries_its_verdict(example_project):
    from privacykit.changes.terms import project_lexicon
    from privacykit.changes.verdict import region_verdict
    from privacykit.versions.store import VersionStore

    store = VersionStore(REPO)
    english, translated = (store.get("products", v) for v in ("2024-03-05", "2024-05-01"))
    for region in ("br", "cn"):
        verdict = region_verdict(store.document(english, region), store.document(translated, region),
                                 example_project.regions.laws(region), example_project.rules)
        assert verdict.findings == ()
    # The draft's new AI-training paragraph (translated) is judged on its source in br and cn as in eu:
    # the same changes, with the same bindings, each judged under the region's own law.
    terms = project_lexicon(example_project.vocabulary)
    judged = {}
    for region, words in (("eu", "artificial intelligence"), ("br", "inteligência artificial"), ("cn", "人工智能")):
        draft = resolve(example_project, "products", region)
        assert draft.is_translation is (region != "eu") and words in draft.section("lenovo-vantage").markdown
        judged[region] = region_verdict(store.document(translated, region), draft,
                                        example_project.regions.laws(region), example_project.rules, terms=terms)
    # The facts the draft declares for what the released text already said need nothing.
    assert [f.id for f in judged["br"].material] == ["new_incompatible_use:train_ai_system"]
    assert [f.ref for f in judged["br"].findings] == [f.ref for f in judged["cn"].findings] \
        == [f.ref for f in judged["eu"].findings]
    assert {r: v.action.value for r, v in judged.items()} == {"eu": "consent", "br": "consent", "cn": "consent"}
    assert [r.law for f in judged["cn"].material for r in f.rules] == ["pipl"]


def test_editing_one_english_paragraph_makes_exactly_its_pt_br_and_zh_cn_blocks_stale(stale_example):
    work = stale_example
    before = run(work, "check")
    assert before.exit_code == 0, before.output
    stale_before = [line for line in before.output.splitlines() if ": stale " in line]
    assert len(stale_before) == 2           # the retention item the example leaves stale
    browsing = work / "statements/website/sections/browsing.md"
    # (two changes a word apart are told as one: gate43)
    from privacykit.translate.status import describe_change
    assert describe_change("the United States and China). Regardless", "the United States, China and Vietnam). "
                           "Regardless") == "«and China» → «, China and Vietnam»"
    browsing.write_text(browsing.read_text().replace("We do this to better understand and serve you.",
                                                     "We do this to understand and serve you better."))
    after = run(work, "check")
    new = [line for line in after.output.splitlines() if ": stale " in line and line not in stale_before]
    assert new == [
        f"warning: statements/website/translations/{language}/sections/browsing.yml:{line}: stale {language} translation "
        f"(regions {region}): statements/website/sections/browsing.md:13 changed: −«better»; +«better»; "
        f"translate it again: privacykit translate export --region {region}, then import"
        for language, region, line in (("pt-BR", "br", 12), ("zh-CN", "cn", 12))]
    draft = resolve(load_project(work), "website", "br").section("browsing")
    assert draft.translation.stale == (1,) and draft.translation.fallback == (1,)
    notes = work / "statements/website/release-notes.md"
    notes.write_text(notes.read_text().replace("translations:\n  br: source-binding\n  cn: source-binding\n", ""))
    refused = run(work, "release", "website", "--effective", "2026-12-01", "--sign-key",
                  str(allow_new_signer(work, work.parent)))
    assert refused.exit_code == 1
    # At the front matter's end, where the notes' `translations:` goes.
    assert [line.split(";")[0] for line in refused.output.splitlines()] == [
        "statements/website/release-notes.md:7: region 'br' would be published with 2 stale and 0 untranslated "
        "pt-BR blocks",
        "statements/website/release-notes.md:7: region 'cn' would be published with 2 stale and 0 untranslated "
        "zh-CN blocks"]


def test_a_hand_edited_translation_that_brings_markup_is_never_shown(translated):
    (translated / COOKIES_PT).parent.mkdir(parents=True)
    (translated / COOKIES_PT).write_text(
        "blocks:\n"
        "  - source: 'You can refuse cookies:'\n"
        "    translation: 'Você pode <script>alert(1)</script> recusar [aqui](https://evil.example):'\n"
        "  - source: in your browser settings\n"
        "    translation: \"{{ ''.__class__ }} nas configurações\"\n"
        "  - source: visit\n"
        "    translation: visita\n")
    result = run(translated, "check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{COOKIES_PT}:2: this translation cannot be shown: markup <script> is not in the source; "
        "translate the source's words only, keeping its placeholders and links",
        f"{COOKIES_PT}:4: this translation cannot be shown: placeholder {{{{ ''.__class__ }}}} is not in the source; "
        "translate the source's words only, keeping its placeholders and links"]
    cookies = resolve(load_project(translated), "web", "br").section("cookies")
    assert "evil" not in cookies.markdown and "__class__" not in cookies.markdown
    assert "| visita |" in cookies.markdown and "You can refuse cookies:" in cookies.markdown


def test_a_markdown_escape_reads_as_written_and_a_quoted_control_escape_is_refused(tmp_path):
    from privacykit.errors import ContentError
    from privacykit.load.translations import read_translation

    path = tmp_path / COOKIES_PT
    path.parent.mkdir(parents=True)
    path.write_text("blocks:\n  - source: |-\n      Withdraw your consent\\*\n"
                    "    translation: |-\n      Revogar o seu consentimento\\*\n", encoding="utf-8")
    read = read_translation(tmp_path, COOKIES, "pt-BR")
    assert read is not None
    assert [(e.source, e.text, e.line) for e in read.entries] == [
        ("Withdraw your consent\\*", "Revogar o seu consentimento\\*", 2)]
    path.write_text('blocks:\n  - source: "Visits"\n    translation: "Visitas\\e"\n', encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        read_translation(tmp_path, COOKIES, "pt-BR")
    assert str(refused.value).startswith(f"{COOKIES_PT}:3: control character U+001B")


def browsing_reworded(work: Path, words: str) -> Path:
    """The example's pt-BR translation of one browsing block reworded alone ("A Lenovo <words> esses dados"), and
    the gate's report of the draft (the gate passes: a change of translation alone is editorial)."""
    browsing = work / "statements/website/translations/pt-BR/sections/browsing.yml"
    browsing.write_text(browsing.read_text().replace(
        "por terceiros. A Lenovo pode compartilhar esses dados", f"por terceiros. A Lenovo {words} esses dados"))
    report = work / "report.md"
    gate = run(work, "check", "--against", "in-force", "--report", str(report))
    assert gate.exit_code == 0, gate.output
    return report


def test_a_late_translation_is_a_change_in_its_regions_row_of_the_gate(example_copy):
    """year45: the example's website draft released, its pt-BR translation of one block then improved alone:
    the gate's table said "no changes" for br while the report below it listed the translation's change."""
    import datetime as dt

    work = example_copy
    effective = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    key = allow_new_signer(work, work.parent)
    assert run(work, "release", "website", "--effective", effective, "--sign-key", str(key)).exit_code == 0
    text = browsing_reworded(work, "poderá compartilhar").read_text()
    assert "| br | lgpd | translation of 1 section changed | editorial (no action) | editorial (no action) |" in text
    assert "| eu | gdpr | no changes | editorial (no action) | editorial (no action) |" in text
    assert "- `translation:browsing:pt-BR@" in text


def test_a_translation_change_the_writer_flags_reaches_the_verdict_report_redline_and_notices(example_copy):
    """A change of translation alone is editorial; acknowledged with a decision, it is material in
    the region that reads it (and only there), and readers there are told in their language."""
    from privacykit.publish.build import site_inputs

    work = example_copy
    report = browsing_reworded(work, "pode vender")
    listed = [line for line in report.read_text().splitlines() if "`translation:" in line]
    assert len(listed) == 1 and listed[0].startswith("- `translation:browsing:pt-BR@")
    assert listed[0].endswith("editorial unless acknowledged with a decision (sections: browsing; regions: br)")
    ref = listed[0].split("`")[1]
    # (the draft differs from the release in force: the products link and, in br, the controller's one stop, polish45)
    assert "| br | lgpd | 3 sections changed; translation of 1 section changed | editorial (no action) | editorial " \
           "(no action) |" in report.read_text()

    notes = work / "statements/website/release-notes.md"
    notes.write_text(notes.read_text().replace("acknowledge: []\n", (
        f"acknowledge:\n  - change: {ref}\n    decision: notify\n"
        "    reason: The Portuguese text now says Lenovo may sell these data.\n")))
    flagged = run(work, "check", "--against", "in-force", "--report", str(report))
    assert flagged.exit_code == 0, flagged.output
    text = report.read_text()
    assert "| br | lgpd | 3 sections changed; translation of 1 section changed | editorial (no action) | notify " \
           "users |" in text
    assert "| cn | pipl | 2 sections changed | editorial (no action) | editorial (no action) |" in text
    assert "  - decision: notify — The Portuguese text now says Lenovo may sell these data." in text

    released = run(work, "release", "website", "--effective", "2026-12-20", "--sign-key",
                   str(allow_new_signer(work, work.parent)))
    assert released.exit_code == 0, released.output
    release = work / "versions/website/2026-12-20"
    notices = sorted(p.name for p in (release / "notices").iterdir())
    assert notices == ["br.email.md", "br.inapp.txt"]
    line = "Alteramos a redação de “Navegação em nossos sites” nesta tradução."
    assert line in (release / "notices/br.email.md").read_text()
    pages = {p.url: p for p in site_inputs(work, build_date="2026-12-20").build()[0]}
    assert line in pages["br/website/2026-12-20/changes/"].html
    assert "Alteramos a redação" not in pages["cn/website/2026-12-20/changes/"].html


# -- release summaries ---------------------------------------------------------------------

WEBSITE_RELEASES_PT = "statements/website/translations/pt-BR/releases.yml"
AI_SUMMARY_PT = ("      Inclui a seção Inteligência artificial; as seções de marketing e de programas de "
                 "fidelidade mudaram de ordem.\n")


def _br_archive(work: Path) -> str:
    from privacykit.publish.archive import archive_page
    from privacykit.publish.build import site_inputs
    from privacykit.publish.context import RegionalStatement, SiteContext

    inputs = site_inputs(work, build_date="2024-06-01")
    site = SiteContext(inputs.project, inputs.templates, inputs.build_date, inputs.store)
    regional = RegionalStatement.of(site, "website", "br", inputs.store.versions("website"))
    return archive_page(site, regional).html


def _summaries_behind(work):
    """The 2024-03-05 summary's translation made from earlier English words (stale); the
    2024-05-01 summary's translation removed (new). Returns the translation file."""
    releases = work / WEBSITE_RELEASES_PT
    text = releases.read_text()
    text = text.replace("Adds the Artificial Intelligence section;", "Adds an Artificial Intelligence section;")
    start = text.index("  - source: |-\n      The statement in Brazilian Portuguese")
    releases.write_text(text[:start])
    return releases


def test_export_has_a_unit_per_release_summary_with_its_state(example_copy, tmp_path):
    work = example_copy
    _summaries_behind(work)
    xlf = tmp_path / "br.xlf"
    exported = run(work, "translate", "export", "--region", "br", "-o", str(xlf))
    assert exported.exit_code == 0, exported.output
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(xlf.read_bytes())
    summaries = {u.getid(): u for u in store.getunits() if u.getid().startswith("versions/website")}
    # translate-toolkit names a unit by its file and id, joined by \x04.
    assert sorted(summaries) == [f"versions/website\x04{d}" for d in ("2023-06-30", "2024-03-05", "2024-05-01")]
    states = {key[-10:]: (u.source, u.get_target_dom().get("state"), str(u.target or ""))
              for key, u in summaries.items()}
    assert states["2023-06-30"][1:] == ("translated", "Versão anterior ilustrativa, reconstruída para o exemplo "
                                                      "(não é o texto de 2023 publicado pela Lenovo).")
    assert states["2024-03-05"][0] == "Adds the Artificial Intelligence section; marketing and loyalty programs reordered."
    assert states["2024-03-05"][1] == "needs-review-translation" and states["2024-03-05"][2].startswith("Inclui a seção")
    assert states["2024-05-01"][1:] == ("new", "")
    notes = summaries[next(k for k in summaries if k.endswith("2024-03-05"))].getnotes()
    assert "release summary of Lenovo Website Privacy Statement (website), released 2024-03-05" in notes
    assert "the translation was made from: Adds an Artificial Intelligence section;" in notes

    # PO: the same units, the stale one fuzzy with its earlier English words.
    po_file = tmp_path / "br.po"
    assert run(work, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file)).exit_code == 0
    po_text = po_file.read_text()
    message = po_text[po_text.index('msgctxt "versions/website#2024-03-05"') - 200:]
    assert "#, fuzzy\n#| msgid \"\"\n#| \"Adds an Artificial Intelligence section;" in message.split("msgctxt")[0]


def test_an_edited_summary_imports_and_the_br_archive_shows_it(example_copy, tmp_path):
    work = example_copy
    assert AI_SUMMARY_PT.strip() in _br_archive(work)
    xlf = tmp_path / "br.xlf"
    assert run(work, "translate", "export", "--region", "br", "-o", str(xlf)).exit_code == 0
    text = xlf.read_text()
    new_words = "Acrescenta a seção Inteligência artificial e reordena as seções de marketing e de fidelidade."
    assert text.count(AI_SUMMARY_PT.strip()) == 2          # products and website share the words
    website = text.index('original="versions/website"')
    xlf.write_text(text[:website] + text[website:].replace(AI_SUMMARY_PT.strip(), new_words))
    before = (work / "statements/products/translations/pt-BR/releases.yml").read_text()
    imported = run(work, "translate", "import", str(xlf))
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith("imported pt-BR: 1 translated,") and "; 1 files written" in imported.output
    saved = (work / WEBSITE_RELEASES_PT).read_text()
    assert saved.startswith("# pt-BR translation of the release summaries of this statement")
    assert f"    translation: |-\n      {new_words}\n" in saved and AI_SUMMARY_PT not in saved
    assert (work / "statements/products/translations/pt-BR/releases.yml").read_text() == before
    archive = _br_archive(work)
    assert new_words in archive and AI_SUMMARY_PT.strip() not in archive


def test_a_summary_unit_for_a_release_that_does_not_exist_is_reported(example_copy, tmp_path):
    work = example_copy
    po_file = tmp_path / "br.po"
    assert run(work, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file)).exit_code == 0
    text = po_file.read_text()
    po_file.write_text(text.replace('msgctxt "versions/website#2024-05-01"', 'msgctxt "versions/website#2022-01-01"'))
    result = run(work, "translate", "import", str(po_file))
    assert result.exit_code == 0, result.output
    reported = [line for line in result.output.splitlines() if "does not exist" in line]
    line = next(i for i, text_line in enumerate(po_file.read_text().splitlines(), 1)
                if text_line == 'msgctxt "versions/website#2022-01-01"')
    assert reported == [f"{po_file}:{line}: unit for release 2022-01-01 of website, which does not exist or no "
                        "pt-BR reader sees; export again: privacykit translate export --region …"]
    assert "1 for blocks that no longer exist" in result.output


def test_a_summary_unit_that_brings_markup_is_refused_and_nothing_written(example_copy, tmp_path):
    work = example_copy
    po_file = tmp_path / "br.po"
    assert run(work, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file)).exit_code == 0
    text = po_file.read_text()
    start = text.index('msgctxt "versions/website#2024-05-01"')
    msgstr = text.index("msgstr ", start)
    end = text.index("\n\n", msgstr) if "\n\n" in text[msgstr:] else len(text)
    po_file.write_text(text[:msgstr] + 'msgstr "<b>A declaração</b> em português"' + text[end:])
    before = (work / WEBSITE_RELEASES_PT).read_text()
    result = run(work, "translate", "import", str(po_file))
    assert result.exit_code == 1
    assert result.output.startswith(f"{po_file}:") and "unit 2024-05-01 of versions/website: markup <b>" in result.output
    assert len(result.output.splitlines()) == 1
    assert (work / WEBSITE_RELEASES_PT).read_text() == before


def test_check_lists_stale_and_untranslated_release_summaries(example_copy):
    work = example_copy
    releases = _summaries_behind(work)
    result = run(work, "check")
    assert result.exit_code == 0, result.output      # summaries never stop a release
    stale_line = next(i for i, line in enumerate(releases.read_text().splitlines(), 1)
                      if line == "      Adds an Artificial Intelligence section; marketing and loyalty programs reordered.") - 1
    lines = [line for line in result.output.splitlines() if "summar" in line]
    assert lines == [
        f"warning: {WEBSITE_RELEASES_PT}:{stale_line}: stale pt-BR translation of the summary of release "
        "2024-03-05 (regions br): it changed: «an» → «the»; translate them: privacykit translate export "
        "--region br, then import",
        f"warning: {WEBSITE_RELEASES_PT}: 1 release summary of website not translated into pt-BR (regions br): "
        "2024-05-01; translate them: privacykit translate export --region br, then import"], result.output


def test_a_translation_decision_that_still_holds_survives_a_release(stale_example):
    # `release` resets the notes for the next draft; the decision about the stale pt-BR and zh-CN blocks still
    # holds (they are still stale), so the gate passes on the untouched draft right after it (gate42), while the
    # acknowledgements, decisions about the changes just released, go with the release.
    key = allow_new_signer(stale_example, stale_example.parent)
    import datetime as dt

    effective = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    for statement in ("website", "products"):
        result = run_cli(stale_example, "release", statement, "--effective", effective, "--sign-key", str(key))
        assert result.exit_code == 0, result.output
    website = (stale_example / "statements/website/release-notes.md").read_text()
    products = (stale_example / "statements/products/release-notes.md").read_text()
    assert "translations: {br: source-binding, cn: source-binding}" in website
    assert "acknowledge: []" in website and "acknowledge: []" in products
    assert "translations:" not in products           # its regions read no stale block: nothing to carry
    gate = run_cli(stale_example, "check", "--against", "in-force")
    assert gate.exit_code == 0, gate.output
    # The carried line is the decision the gate reads: a region left out of it is refused again.
    notes = stale_example / "statements/website/release-notes.md"
    notes.write_text(notes.read_text().replace("translations: {br: source-binding, cn: source-binding}",
                                               "translations: {br: source-binding}"))
    assert run_cli(stale_example, "check", "--against", "in-force").exit_code == 1   # cn still reads stale blocks

PRODUCTS_RELEASES_PT = "statements/products/translations/pt-BR/releases.yml"
VANTAGE_PT = ("O Lenovo Vantage pode usar dados de uso desidentificados, com permissão, para treinar os seus "
              "recursos de IA (ilustrativo).")


def test_a_summary_translated_in_the_release_notes_reads_alike_in_archive_feed_api_and_export(example_copy,
                                                                                              tmp_path):
    """One rule for a release's translated summary: releases.yml's translation of its words, else
    the release notes' `summary_translations` kept with the release; every output reads it."""
    import json

    from translate.storage import xliff

    from privacykit.mkdocs.build import build_site

    work = example_copy
    released = run(work, "release", "products", "--effective", "2027-03-01", "--sign-key",
                   str(allow_new_signer(work, work.parent)))
    assert released.exit_code == 0, released.output

    def outputs(site):
        build_site(work / "mkdocs.yml", site, build_date="2027-03-02", pdf=False)
        archive = (site / "br/products/archive/index.html").read_text()
        feed = (site / "br/products/feed.xml").read_text()
        api = json.loads((site / "api/v1/products/br.json").read_text())
        return archive, feed, api

    archive, feed, api = outputs(tmp_path / "site")
    assert f'<td lang="pt-BR">{VANTAGE_PT}' in archive
    assert f"<summary>{VANTAGE_PT}</summary>" in feed      # the readers' summary alone (gate43)
    assert api["title"] == "Declaração de Privacidade dos Produtos Lenovo" and api["language"] == "pt-BR"
    assert (api["versions"][-1]["summary"], api["versions"][-1]["summary_language"]) == (VANTAGE_PT, "pt-BR")
    # The US reads the English summary, marked as English.
    us = json.loads((tmp_path / "site/api/v1/products/us.json").read_text())
    # (its `language` is the one its version documents give its text, the region's locale: embed44)
    assert us["language"] == "en-US" and us["versions"][-1]["summary_language"] == "en"

    xlf = tmp_path / "br.xlf"
    assert run(work, "translate", "export", "--region", "br", "-o", str(xlf)).exit_code == 0
    units = {u.getid(): u for u in xliff.xlifffile.parsestring(xlf.read_bytes()).getunits()}
    unit = units["versions/products\x042027-03-01"]
    assert (unit.get_target_dom().get("state"), str(unit.target)) == ("translated", VANTAGE_PT)
    assert "not translated" not in run(work, "check").output

    # A translator's correction (releases.yml) wins over the notes, in every output alike.
    corrected = "O Lenovo Vantage pode, com a sua permissão, treinar os recursos de IA com dados de uso."
    xlf.write_text(xlf.read_text().replace(f">{VANTAGE_PT}<", f">{corrected}<"))
    assert run(work, "translate", "import", str(xlf)).exit_code == 0
    assert corrected in (work / PRODUCTS_RELEASES_PT).read_text()
    archive, feed, api = outputs(tmp_path / "site2")
    assert corrected in archive and f"<summary>{corrected}</summary>" in feed and api["versions"][-1]["summary"] == corrected
    assert VANTAGE_PT not in archive + feed + json.dumps(api, ensure_ascii=False)


def test_a_stale_xliff_unit_is_not_approved_and_a_stale_po_message_is_fuzzy(example_copy, tmp_path):
    """XLIFF 1.2: `approved="yes"` only on a current translation; CAT tools that lock approved units
    must offer a stale one for review."""
    from translate.storage import po, xliff

    work = example_copy
    _summaries_behind(work)
    xlf, po_file = tmp_path / "br.xlf", tmp_path / "br.po"
    assert run(work, "translate", "export", "--region", "br", "-o", str(xlf)).exit_code == 0
    assert run(work, "translate", "export", "--region", "br", "--format", "po", "-o", str(po_file)).exit_code == 0
    units = xliff.xlifffile.parsestring(xlf.read_bytes()).getunits()
    by_state: dict[str, set[bool]] = {}
    for unit in units:
        by_state.setdefault(unit.get_target_dom().get("state"), set()).add(unit.isapproved())
    assert by_state == {"translated": {True}, "needs-review-translation": {False}, "new": {False}}
    stale = [u for u in units if u.get_target_dom().get("state") == "needs-review-translation"]
    assert stale and all(u.xmlelement.get("approved") == "no" and u.isfuzzy() for u in stale)
    fuzzy = {u.getcontext() for u in po.pofile.parsestring(po_file.read_bytes()).units if u.isfuzzy()}
    assert "versions/website#2024-03-05" in fuzzy and len(fuzzy) == len(stale)


def test_release_notes_errors_about_translated_regions_name_their_line(stale_example):
    """A region whose stale blocks the notes do not account for: the error points at the notes'
    `translations:` line, or where it goes (the front matter's end)."""
    notes = stale_example / "statements/website/release-notes.md"
    notes.write_text("---\nsummary: Retention reworded.\nacknowledge: []\ntranslations:\n  cn: source-binding\n---\n")
    result = run(stale_example, "check")
    assert result.exit_code == 1
    assert ("statements/website/release-notes.md:4: region 'br' would be published with 1 stale and 0 "
            "untranslated pt-BR blocks") in result.output
    notes.write_text("---\nsummary: Retention reworded.\nacknowledge: []\n---\n")
    lines = [line for line in run(stale_example, "check").output.splitlines() if "would be published" in line]
    assert [line.split(": region")[0] for line in lines] == ["statements/website/release-notes.md:4"] * 2


def test_the_gate_and_the_store_read_the_summary_translations_the_notes_wrote_alike(tmp_path):
    """`versions.store.written_summaries` is the one reading of `summary_translations`: the draft's notes
    (the release's notices) and the notes kept with a release (archive, feed, API) give the same texts."""
    from privacykit.versions.gate import read_release_notes
    from privacykit.versions.store import _written_summaries

    notes = tmp_path / "release-notes.md"
    notes.write_text("---\nsummary: We keep order records longer.\n"
                     "summary_translations: {pt-BR: ' Guardamos os pedidos por mais tempo. ', zh-CN: 订单记录保存更久。}\n"
                     "acknowledge: []\n---\n", "utf-8")
    read = read_release_notes(notes)
    assert read.summaries == {"pt-BR": "Guardamos os pedidos por mais tempo.", "zh-CN": "订单记录保存更久。"}
    assert _written_summaries(notes.read_text("utf-8"), "We keep order records longer.", "notes.md") == read.summaries
    assert _written_summaries(notes.read_text("utf-8"), "An automatic summary.", "notes.md") == {}


def test_a_retired_apps_translations_are_named_until_deleted(example_copy):
    """year45: the product team retires Moto Body (its app file and outline line removed); its pt-BR and zh-CN
    translation files stayed, read by nothing, and `check` said nothing of them."""
    work = example_copy
    (work / "statements/products/apps/moto-body.md").unlink()
    outline = work / "statements/products/statement.yml"
    assert "          - moto-body\n" in outline.read_text()
    outline.write_text(outline.read_text().replace("          - moto-body\n", ""))
    result = run(work, "check")
    assert result.exit_code == 0, result.output
    for language in ("pt-BR", "zh-CN"):
        shown = f"statements/products/translations/{language}/apps/moto-body.yml"
        assert (f"warning: {shown}: translates statements/products/apps/moto-body.md, which no longer exists; "
                f"delete it with its source (git rm {shown})") in result.output.splitlines()
    assert run(work, "check", "--strict").exit_code == 1
    for language in ("pt-BR", "zh-CN"):
        (work / f"statements/products/translations/{language}/apps/moto-body.yml").unlink()
    assert "no longer exists" not in run(work, "check").output


def test_notes_that_say_how_a_translated_region_is_published_when_nothing_is_behind_are_named(example_copy):
    """year45: `translations: {br: source-binding}` carried in the notes while br's late translation arrived; the
    release recorded br as published source-binding with nothing stale or untranslated, and nothing said so."""
    import datetime as dt

    from privacykit.load.yamlio import load_yaml

    work = example_copy
    notes = work / "statements/website/release-notes.md"
    assert "translations: {}" in notes.read_text()
    notes.write_text(notes.read_text().replace("translations: {}", "translations: {br: source-binding}"))
    result = run(work, "check")
    assert result.exit_code == 0, result.output
    assert ("warning: statements/website/release-notes.md:7: 'translations' says how region 'br' is published while "
            "its translation is behind, but it reads no stale or untranslated block now; remove 'br' from "
            "'translations'") in result.output.splitlines()
    effective = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    key = allow_new_signer(work, work.parent)
    assert run(work, "release", "website", "--effective", effective, "--sign-key", str(key)).exit_code == 0
    manifest = load_yaml((work / "versions/website" / effective / "manifest.yml").read_text(), "manifest.yml")
    assert manifest["translations"]["br"] == {"language": "pt-BR", "stale": 0, "missing": 0}
