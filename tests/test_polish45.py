"""Small defects readers saw (polish45): a doubled full stop after a name, a link to `#`, a raw date
in a fragment's footer, English labels on a Chinese page, two clocks, and the API's text in embedding."""

from __future__ import annotations

import pytest

from privacykit.render.resolve import resolve
from privacykit.render.templates import fill, fill_text


@pytest.mark.parametrize("statement", ["website", "products"])
@pytest.mark.parametrize("region", ["br"])
def test_a_controller_whose_name_ends_with_a_stop_ends_the_sentence_with_one(example_project, statement, region):
    text = resolve(example_project, statement, region).section("contact").markdown
    assert "Lenovo Tecnologia (Brazil) Ltda. Para exercer" in text
    assert "Ltda.." not in text
    assert "Lenovo Tecnologia (Brazil) Ltda.  \n" in text  # the address line keeps the name as written


def test_the_catalog_puts_a_name_ending_with_a_stop_at_a_sentence_end_with_one():
    assert fill_text("Write to {name}.", name="Example Ltd.") == "Write to Example Ltd."
    assert str(fill("Escreva a {name}. Obrigado.", name="Exemplo Ltda.")) == "Escreva a Exemplo Ltda. Obrigado."
    assert fill_text("{name}, or {other}.", name="A Inc.", other="B") == "A Inc., or B."
    assert fill_text("{missing}.", name="x.") == "{missing}."


def test_evidence_lookup_and_the_importer_read_the_release_clock(statement_project, monkeypatch, tmp_path):
    """The UTC clock releases use (`dates.clock_today`), not the machine's local day: set far from it here."""
    import datetime as dt
    import json
    import zipfile

    from conftest import run_cli as run
    from privacykit.load.project import load_project
    from privacykit.render import dates
    from privacykit.versions.importer import dated_files
    from privacykit.versions.lookup import version_for
    from privacykit.versions.store import VersionStore

    root = statement_project()
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    clock = dt.date(2031, 6, 1)
    monkeypatch.setattr(dates, "clock_today", lambda: clock)
    result = run(root, "evidence", "web", "--region", "us", "-o", str(tmp_path / "e.zip"), "--no-pdf")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "e.zip") as archive:
        index = json.loads(archive.read("bundle.json"))
    assert (index["date"], index["made"]) == ("2031-06-01", "2031-06-01")
    project = load_project(root)
    store = VersionStore(project.paths)
    assert version_for(project, store, "web", "in-force").effective_date == dt.date(2024, 1, 10)
    history = tmp_path / "history"
    history.mkdir()
    (history / "2030-01-02.md").write_text("Text.\n")  # after the machine's day, before the clock's
    assert [day for day, _ in dated_files(history)] == [dt.date(2030, 1, 2)]


def test_embedding_says_the_apis_text_fields_are_inserted_as_text(example_site):
    """Every text field the example's API gives (titles, app and region names) is named in docs/embedding.md's
    section, which inserts them with textContent, never innerHTML."""
    import json
    import re

    from conftest import REPO

    doc = (REPO / "docs/embedding.md").read_text()
    part = doc.split("### The API's text is text, not markup", 1)[1].split("\n### ", 1)[0]
    index = json.loads((example_site / "api/v1/index.json").read_text())
    region = json.loads((example_site / "api/v1/products/br.json").read_text())
    version = json.loads((example_site / f"api/v1/products/br/{region['in_force']}.json").read_text())
    fields = {"title": index["statements"][0]["title"], "description": index["statements"][0]["description"],
              "name": index["statements"][0]["regions"][0]["name"], "region_name": region["region_name"],
              "sections[].title": version["sections"][0]["title"],
              "app.name": next(s["app"]["name"] for s in version["sections"] if s.get("app"))}
    for field, value in fields.items():
        assert isinstance(value, str) and value, field
        assert f"`{field}`" in part, f"docs/embedding.md does not name `{field}` as text"
    assert "Brasil" in region["region_name"] and "&amp;" not in json.dumps(version["sections"][0]["title"])
    code = part.split("```js", 1)[1].split("```", 1)[0]
    assert "textContent" in code
    assert not [line for line in code.splitlines() if "innerHTML" in line and not line.lstrip().startswith("//")]
    assert re.search(r"never with\s+`innerHTML`", part)


@pytest.mark.parametrize("region, words", [("br", "versão de 1 de maio de 2024"), ("cn", "2024年5月1日版本"),
                                           ("eu", "version of 5 March 2024")])
def test_a_fragments_footer_dates_its_version_as_the_regions_pages_do(example_site, region, words):
    import datetime as dt
    import html
    import re

    from privacykit.render.dates import format_date

    folder = example_site / "fragments/products" / region
    for path in sorted(folder.glob("*/*.html")):
        text = path.read_text()
        found = re.search(r'<p class="pk-fragment__meta"[^>]*>(.*?)</p>', text, re.S)
        footer = html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))  # its words, not its links' addresses
        version = re.search(r'data-version="([^"]+)"', text).group(1)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", footer), f"{path}: {footer}"
        day = dt.date.fromisoformat(version[:10])
        assert format_date(day, {"br": "pt-BR", "cn": "zh-CN", "eu": "en-IE"}[region]) in footer, f"{path}: {footer}"
    latest = html.unescape((folder / "latest").glob("*.html").__next__().read_text())
    assert words in latest


@pytest.mark.parametrize("page, word, lang", [("cn/products/2023-06-30", "：小节", "zh-CN"),
                                              ("br/products/2023-06-30", ": subseções", "pt-BR"),
                                              ("eu/products/", ": subsections", "en-IE")])
def test_a_nested_table_of_contents_is_named_in_the_pages_language(example_site, page, word, lang):
    import html
    import re

    text = (example_site / page / "index.html").read_text()
    assert f'<html lang="{lang}"' in text
    navs = re.findall(r'<nav class="md-nav"( [^>]*)>', text)
    nested = [attrs for attrs in navs if "md-nav--" not in attrs]
    assert nested, f"{page} has no nested contents"
    for attrs in nested:
        label = html.unescape(re.search(r'aria-label="([^"]*)"', attrs).group(1))
        assert label.endswith(word), f"{page}: {label}"
        assert " lang=" not in attrs  # the name is in the page's language, not the heading's


@pytest.mark.parametrize("region", ["global", "br", "cn", "us-ca"])
def test_the_website_statement_links_the_products_statement_of_the_readers_region(example_project, region):
    """The seed links "Learn about our product privacy practices" to `#`; each region's text links its own
    products statement (`{{ statements.products }}`), in every language."""
    import re

    text = resolve(example_project, "website", region).section("does-not-apply").markdown
    links = re.findall(r"\]\(([^)]*)\)", text)
    assert links == [f"https://privacy.example.com/{region}/products/"], links


def test_check_warns_of_a_link_to_hash_alone_and_of_a_statement_link_without_site_url(statement_project):
    from conftest import run_cli as run

    root = statement_project({
        "statements/web/sections/cookies.md": "---\ntitle: Cookies\nowner: legal\n---\n"
                                              "We use cookies. [Learn more](#).\n",
        "statements/web/sections/contact.md": "---\ntitle: Contact\nowner: legal\n---\n"
                                              "Write to {{ privacy_email }}.\n\n"
                                              "[Our other statement]({{ statements.web }}).\n",
    })
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("statements/web/sections/cookies.md:5:" in line and "a link to # alone" in line for line in lines), \
        result.output
    assert any("statements/web/sections/contact.md:7:" in line and "no site_url" in line for line in lines), \
        result.output
    strict = run(root, "check", "--strict")
    assert strict.exit_code == 1
    from privacykit.load.project import load_project

    text = resolve(load_project(root), "web", "us").section("contact").markdown
    assert "[Our other statement](../web/)." in text


def test_the_fragment_command_dates_a_version_and_names_the_draft_in_the_regions_words():
    from conftest import REPO
    from conftest import run_cli as run

    dated = run(REPO, "fragment", "products", "lenovo-vantage", "--region", "cn", "--version", "2024-05-01")
    assert dated.exit_code == 0, dated.output
    assert "&#65292;2024&#24180;5&#26376;1&#26085;&#29256;&#26412;</p>" in dated.stdout  # "，2024年5月1日版本"
    draft = run(REPO, "fragment", "products", "lenovo-vantage", "--region", "br", "--version", "draft")
    assert "Declara&#231;&#227;o de Privacidade dos Produtos Lenovo (Brasil): rascunho</p>" in draft.stdout
