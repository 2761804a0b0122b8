"""Archival PDFs: PDF/A and PDF/UA, the record in the margins, CJK glyphs, cache and reproducibility."""

from __future__ import annotations

import io
import json
import subprocess

import pikepdf
import pytest

from privacykit.evidence import pdf as pdf_module
from privacykit.mkdocs.build import build_site
from privacykit.versions.store import VersionStore

MKDOCS = "site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n"


def pdf_text(path, page=1) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def fonts(pdf: pikepdf.Pdf) -> set[str]:
    return {str(font.BaseFont) for page in pdf.pages for font in (page.Resources.get("/Font") or {}).values()}


def test_every_released_version_of_every_region_is_archival_and_tagged(pdf_site):
    root = pdf_site.parent
    store = VersionStore(root)
    expected = {f"{r}/{s}/{v.id}/{s}-{r}-{v.id}.pdf" for s in store.statements() for v in store.versions(s)
                for r in v.regions}
    found = {p.relative_to(pdf_site).as_posix() for p in pdf_site.rglob("*.pdf")}
    assert found == expected and len(found) == 3 * 4      # 3 regions, 2 releases of each statement
    for rel in sorted(found):
        with pikepdf.open(pdf_site / rel) as pdf:
            meta = pdf.open_metadata()
            assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance"), meta.get("pdfuaid:part")) == \
                ("3", "B", "1"), rel
            assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked, rel
            assert pdf.Root.ViewerPreferences.DisplayDocTitle, rel
            region, statement, version = rel.split("/")[:3]
            frozen = json.loads((root / "versions" / statement / version / "regions" / f"{region}.json").read_text())
            assert str(pdf.Root.Lang) == frozen["document"]["locale"], rel
            # The region is named in the document's language (the example's catalog names cn in Chinese).
            region_name = "中国" if region == "cn" else frozen["document"]["region_name"]
            assert meta.get("dc:title") == f"{frozen['document']['title']} ({region_name}) {version}", rel
            # A CJK font for Chinese text only; English text (the cn versions before their translation) in the
            # Latin font (i18n44).
            assert any("CJK" in name for name in fonts(pdf)) == (region == "cn"), rel


def test_the_margins_carry_the_record_in_the_region_language(pdf_site):
    store = VersionStore(pdf_site.parent)
    version = store.get("website", "2024-03-05")
    digest = store.manifest_digest(version)
    first = pdf_text(pdf_site / "br/website/2024-03-05/website-br-2024-03-05.pdf")
    assert "Versão 2024-03-05" in first and "Página 1 de" in first
    assert "Em vigor a partir de 5 de março de 2024" in first
    assert f"sha256:{digest}" in first
    cn = pdf_text(pdf_site / "cn/website/2024-03-05/website-cn-2024-03-05.pdf")
    assert "生效日期：2024年3月5日" in cn and "版本 2024-03-05" in cn and "第 1 页" in cn
    # The translated text itself in the region's language, with its glyphs (the example's translations).
    translated = pdf_text(pdf_site / "br/website/2024-05-01/website-br-2024-05-01.pdf")
    assert "Declaração de Privacidade dos Sites da Lenovo" in translated and "Versão 2024-05-01" in translated
    chinese = pdf_text(pdf_site / "cn/website/2024-05-01/website-cn-2024-05-01.pdf")
    assert "联想网站隐私声明" in chinese and "隐私对世界各地的每一个人" in chinese
    last = pdf_text(pdf_site / "global/products/2024-03-05/products-global-2024-03-05.pdf", page=2)
    assert "Page 2 of" in last and "Version 2024-03-05" in last


def test_download_links_and_the_api_name_the_pdf(pdf_site):
    page = (pdf_site / "br/website/2024-03-05/index.html").read_text()
    assert '<a class="pk-pdf-link" href="./website-br-2024-03-05.pdf" type="application/pdf">Baixar PDF</a>' in page
    archive = (pdf_site / "cn/products/archive/index.html").read_text()
    # Once in the table (wide screens), once in the list phones show instead.
    assert archive.count('href="../2024-03-05/products-cn-2024-03-05.pdf"') == 2 and "下载 PDF" in archive
    # The project sets `site_url` (the example's mkdocs.yml): the API's addresses are absolute under it.
    root = "https://privacy.example.com/"
    versions = json.loads((pdf_site / "api/v1/products/br.json").read_text())["versions"]
    assert [v["pdf_url"] for v in versions] == [f"{root}br/products/{d}/products-br-{d}.pdf"
                                                for d in ("2024-03-05", "2024-05-01")]
    for entry in versions:
        assert (pdf_site / entry["pdf_url"].removeprefix(root)).is_file()


def test_the_example_links_no_pdf_when_built_without_them(example_site):
    """The example's pages and API as `--no-pdf` builds them: no link to a PDF that is not there."""
    assert not list(example_site.rglob("*.pdf"))
    assert "pk-pdf-link" not in (example_site / "br/website/2024-03-05/index.html").read_text()
    versions = json.loads((example_site / "api/v1/products/eu.json").read_text())["versions"]
    # (the EU's two versions: 2024-05-01 translated br and cn only, so it is none there: versions44)
    assert [v["pdf_url"] for v in versions] == [None, None]


@pytest.fixture
def small_site(released, tmp_path, monkeypatch):
    """The minimal project with one release, built with its own PDF cache; counts PDFs rendered."""
    (released / "mkdocs.yml").write_text(MKDOCS)
    (released / "src").mkdir()
    monkeypatch.delenv("PRIVACYKIT_PDF_CACHE", raising=False)
    rendered = []
    real = pdf_module.render_pdf

    def counting(copy, body, templates):
        rendered.append(copy.path)
        return real(copy, body, templates)

    monkeypatch.setattr(pdf_module, "render_pdf", counting)
    return released, rendered


def test_pdfs_are_reproducible_and_made_once(small_site):
    root, rendered = small_site
    first = build_site(root / "mkdocs.yml", root / "one", build_date="2024-02-01", jobs=1)
    assert sorted(rendered) == ["br/web/2024-01-10/web-br-2024-01-10.pdf", "global/web/2024-01-10/web-global-2024-01-10.pdf",
                                "us/web/2024-01-10/web-us-2024-01-10.pdf"]
    assert len(list((root / ".cache/pdf").glob("*.pdf"))) == 3
    # A rebuild on another day, with no new release, renders none and publishes the same bytes.
    again = build_site(root / "mkdocs.yml", root / "two", build_date="2024-03-01", jobs=1)
    assert len(rendered) == 3
    pdfs = sorted(p.relative_to(first) for p in first.rglob("*.pdf"))
    assert pdfs == sorted(p.relative_to(again) for p in again.rglob("*.pdf"))
    assert all((first / p).read_bytes() == (again / p).read_bytes() for p in pdfs)
    # Rendered anew without the cache: byte for byte the same.
    for path in (root / ".cache/pdf").iterdir():
        path.unlink()
    fresh = build_site(root / "mkdocs.yml", root / "three", build_date="2024-02-01", jobs=1)
    assert len(rendered) == 6
    assert all((first / p).read_bytes() == (fresh / p).read_bytes() for p in pdfs)
    assert not list(first.glob(".cache"))       # the cache is never inside the site


def test_a_word_only_the_site_shows_keeps_every_cached_pdf(small_site):
    """Rendering PDFs is most of a build's time: an edited word of the site's pages (the 404
    page's) re-renders none, while an edited word a PDF shows (its margin's "Version") re-renders
    them."""
    root, rendered = small_site
    build_site(root / "mkdocs.yml", root / "one", build_date="2024-02-01", jobs=1)
    assert len(rendered) == 3
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates/strings.yml").write_text('not_found_text:\n  en: "Nothing is here."\n')
    site = build_site(root / "mkdocs.yml", root / "two", build_date="2024-02-01", jobs=1)
    assert len(rendered) == 3 and "Nothing is here." in (site / "404.html").read_text("utf-8")
    (root / "templates/strings.yml").write_text('pdf_version:\n  en: "Edition {version}"\n')
    build_site(root / "mkdocs.yml", root / "three", build_date="2024-02-01", jobs=1)
    assert len(rendered) == 6     # (the key holds the word in every language: each PDF is rendered again)


def test_no_pdf_builds_and_serve_make_no_pdf_and_no_link(small_site):
    root, rendered = small_site
    site = build_site(root / "mkdocs.yml", root / "site", build_date="2024-02-01", pdf=False)
    assert not list(site.rglob("*.pdf")) and "pk-pdf-link" not in (site / "us/web/index.html").read_text()
    assert json.loads((site / "api/v1/web/us.json").read_text())["versions"][0]["pdf_url"] is None
    served = build_site(root / "mkdocs.yml", root / "served", build_date="2024-02-01", incremental=True)
    assert not list(served.rglob("*.pdf")) and rendered == []


def test_a_pdf_embeds_nothing_from_outside_the_frozen_text(statement_project, tmp_path, monkeypatch):
    monkeypatch.delenv("PRIVACYKIT_PDF_CACHE", raising=False)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    root = statement_project({
        "statements/web/sections/cookies.md": f"---\ntitle: Cookies\nowner: legal\n---\nWe use cookies.\n\n"
                                              f"![x](file://{secret})\n\n![y](https://tracker.example/p.gif)\n",
        "mkdocs.yml": MKDOCS, "src/.keep": ""})
    from conftest import run_cli

    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    site = build_site(root / "mkdocs.yml", root / "site", build_date="2024-02-01", jobs=1)
    with pikepdf.open(site / "us/web/2024-01-10/web-us-2024-01-10.pdf") as pdf:
        assert not any("/XObject" in (page.Resources or {}) and any(
            x.get("/Subtype") == "/Image" for x in page.Resources.XObject.values()) for page in pdf.pages)


@pytest.mark.parametrize("locale, font", [("ja-JP", "Noto-Sans-CJK-JP"), ("ko-KR", "Noto-Sans-CJK-KR"),
                                          ("zh-TW", "Noto-Sans-CJK-TC")])
def test_each_cjk_language_has_its_own_font_and_latin_text_the_latin_font(locale, font):
    """Japanese in the JP font (not the Simplified Chinese one), Korean in KR, Traditional Chinese in TC; an English
    passage and English record labels (a language the catalog lacks) in the Latin font (i18n44)."""
    import datetime as dt

    from markupsafe import Markup

    from privacykit.evidence.pdf import ArchivalCopy, render_pdf
    from privacykit.model.document import ResolvedDocument
    from privacykit.render.templates import TemplateSet

    document = ResolvedDocument(statement="web", title="プライバシー", region="jp", region_name="日本",
                                locale=locale, groups=(), sections=(), language=locale, source_language="en")
    body = Markup('<p>個人情報を保護します。</p><p lang="en">We keep “your data” safe.</p>')
    copy = ArchivalCopy(document, "2024-01-10", dt.date(2024, 1, 10), "0" * 64, "jp/web/x.pdf")
    with pikepdf.open(io.BytesIO(render_pdf(copy, body, TemplateSet()))) as pdf:
        names = fonts(pdf)
    assert any(font in name for name in names), names
    assert not any("CJK-SC" in name for name in names), names
    assert any("DejaVu-Sans" in name for name in names), names
