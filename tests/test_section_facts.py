"""Declared facts per section (facts45): a value one app takes on that another app already declared
is new data to that app's users, from `check` to the API's per-app consent signals and the notices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import REPO, acknowledge, allow_new_signer, changes_to_acknowledge, run_cli
from privacykit.changes.facts import document_fact_changes
from privacykit.changes.reader import ReaderWords, reader_line, titles_of
from privacykit.changes.verdict import Finding, region_verdict
from privacykit.cli import cli
from privacykit.model.facts import DeclaredFacts, FactKind
from privacykit.model.rules import Action, ChangeKind
from privacykit.publish.api import must_ask_again_for
from privacykit.render.templates import TemplateSet

MOTO_BODY = "statements/products/apps/moto-body.md"
VANTAGE = "statements/products/apps/lenovo-vantage.md"
BODY_CATEGORIES = "user.sensor, user.behavior]"


def _copy(tmp_path):
    work = tmp_path / "example"
    for name in ("statements", "versions", "site-src"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def _api(root, on: dt.date) -> dict:
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache

    inputs = site_inputs(root, build_date=on.isoformat())
    assets: list = []
    next(inputs.builder(RenderCache()).region_pages("products", "eu", inputs.store.versions("products"),
                                                    assets.append))
    return {a.path: json.loads(a.content) for a in assets if a.path.startswith("api/v1/")}


def _redline_html(root, on: dt.date, version: str) -> str:
    from privacykit.publish import redline
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache
    from privacykit.publish.context import RegionalStatement

    inputs = site_inputs(root, build_date=on.isoformat())
    site = inputs.builder(RenderCache()).site
    regional = RegionalStatement.of(site, "products", "eu", inputs.store.versions("products"))
    release = next(v for v in regional.versions if v.id == version)
    return "".join(page.html for page in redline.release_redline(site, regional, release))


def test_moto_body_takes_on_what_vantage_declared_end_to_end(tmp_path):
    """Moto Body declares `user.financial`, which only Vantage declared before: `check` names Moto Body,
    the release's consent is about Moto Body alone (its users are asked again, Vantage's are not), and the
    notice and the redline tell Moto Body's users in plain words."""
    work = _copy(tmp_path)
    key = allow_new_signer(work, tmp_path)
    first, second = (dt.date.today() + dt.timedelta(days=d) for d in (40, 80))
    result = CliRunner().invoke(cli, ["release", "--root", str(work), "products", "--effective", first.isoformat(),
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output
    assert "user.financial" in (work / VANTAGE).read_text()
    _edit(work / MOTO_BODY, BODY_CATEGORIES, "user.sensor, user.behavior, user.financial]")

    refs = changes_to_acknowledge(work)
    assert [r.split("@")[0] for r in refs] == ["new_data_category:user.financial"]
    report = run_cli(work, "check", "--against", "in-force").output
    assert "Moto Body now collects data category 'user.financial' (declared before for lenovo-vantage only)" \
        " (sections: moto-body;" in report
    assert "readers read: “Moto Body now collects your financial information.”" in report

    translated = "translations: {br: source-binding, cn: source-binding}\n"
    acknowledge(work, refs, "consent", "Counsel reviewed the new financial data for Moto Body users.", statement="products",
                extra=translated)
    result = CliRunner().invoke(cli, ["release", "--root", str(work), "products", "--effective", second.isoformat(),
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output

    api = _api(work, second)
    eu = api["api/v1/products/eu.json"]
    signals = eu["section_signals"]
    assert signals["moto-body"]["consent_required_since"] == second.isoformat()
    assert signals["lenovo-vantage"]["consent_required_since"] == first.isoformat()    # the first release's AI use
    assert signals["moto-camera"]["consent_required_since"] is None
    assert must_ask_again_for(first.isoformat(), eu, "moto-body")
    assert not must_ask_again_for(first.isoformat(), eu, "lenovo-vantage")
    assert not must_ask_again_for(second.isoformat(), eu, "moto-body")
    findings = {v["id"]: v["verdict"]["findings"] for v in eu["versions"]}[second.isoformat()]
    assert findings == [{"id": "new_data_category:user.financial", "sections": ["moto-body"], "decision": "consent"}]

    line = "Moto Body now collects your financial information."
    assert line in (work / f"versions/products/{second.isoformat()}/notices/eu.email.md").read_text()
    assert line in (work / f"versions/products/{second.isoformat()}/notices/global.email.md").read_text()
    assert line in _redline_html(work, second, second.isoformat())
    # The manifest keeps the change's scope: a later build reads the same line from it.
    manifest = (work / f"versions/products/{second.isoformat()}/manifest.yml").read_text()
    assert "scope: app" in manifest


def _eu(example_project):
    from privacykit.render.resolve import resolve_all

    return resolve_all(example_project, lint=False)[("products", "eu")]


def _declaring(document, sid: str, fact: FactKind, values) -> object:
    """`document` with section `sid` declaring `values` for `fact` (nothing when empty)."""
    sections = []
    for section in document.sections:
        if section.id == sid:
            facts = section.facts.to_dict()
            if values:
                facts[fact.value] = sorted(values) if isinstance(values, (set, frozenset)) else values
            else:
                facts.pop(fact.value, None)
            section = dataclasses.replace(section, facts=DeclaredFacts.from_dict(facts))
        sections.append(section)
    return dataclasses.replace(document, sections=tuple(sections))


def _categories(document, sid: str) -> set[str]:
    return set(document.section(sid).facts.data_categories)


def test_a_value_moved_tells_nothing_new_to_anyone(example_project):
    """A value moved out of a general section into an app's section (every reader read it before), or into
    the same app's section, draws no finding; moved from one app to another it is one finding, the second
    app's, and never a second one for the first app."""
    old = _eu(example_project)
    assert "system.operations" in _categories(old, "product-usage")
    assert "system.operations" not in _categories(old, "moto-body")
    moved = _declaring(_declaring(old, "product-usage", FactKind.DATA_CATEGORIES,
                                  _categories(old, "product-usage") - {"system.operations"}),
                       "moto-body", FactKind.DATA_CATEGORIES, _categories(old, "moto-body") | {"system.operations"})
    assert moved.facts.data_categories == old.facts.data_categories
    assert not [c for c in document_fact_changes(old, moved) if c.value == "system.operations"]

    # Moved between two apps: new data to Moto Body's users, one change, Moto Body's.
    between = _declaring(_declaring(old, "lenovo-vantage", FactKind.DATA_CATEGORIES,
                                    _categories(old, "lenovo-vantage") - {"user.financial"}),
                         "moto-body", FactKind.DATA_CATEGORIES, _categories(old, "moto-body") | {"user.financial"})
    assert between.facts.data_categories == old.facts.data_categories
    changes = [c for c in document_fact_changes(old, between) if c.value == "user.financial"]
    assert [(c.kind, c.sections, c.scope) for c in changes] == [(ChangeKind.NEW_DATA_CATEGORY, ("moto-body",), "app")]

    # A general section taking it on: every reader but Vantage's reads it now (the whole statement's change).
    general = _declaring(old, "product-usage", FactKind.DATA_CATEGORIES,
                         _categories(old, "product-usage") | {"user.financial"})
    changes = [c for c in document_fact_changes(old, general) if c.value == "user.financial"]
    assert [(c.sections, c.scope) for c in changes] == [(("product-usage",), "general")]
    assert changes[0].detail.startswith("The general section “Product functionality and usage” now collects")


@pytest.mark.parametrize(("fact", "value", "line"), [
    (FactKind.DATA_CATEGORIES, "user.financial", "Moto Body now collects your financial information."),
    (FactKind.RECIPIENTS, "security_partners", "Moto Body now shares your information with"),
    (FactKind.DATA_USES, "train_ai_system", "Moto Body now uses your information for"),
])
def test_the_reader_line_names_the_app(example_project, fact, value, line):
    old = _eu(example_project)
    assert value in old.section("lenovo-vantage").facts.get(fact)
    new = _declaring(old, "moto-body", fact, set(old.section("moto-body").facts.get(fact) or ()) | {value})
    rules = example_project.rules
    verdict = region_verdict(old, new, ("gdpr",), rules)
    found = [f for f in verdict.findings if f.fact is not None and f.fact.value == value]
    assert len(found) == 1 and found[0].sections == ("moto-body",) and found[0].action is not Action.NONE
    words = ReaderWords.of(TemplateSet(example_project.paths.templates), "en-IE")
    text = reader_line(found[0], words, titles_of(new)).text
    assert text.startswith(line), text
    # As a release's manifest keeps it, the line is the same.
    again = Finding.from_manifest(found[0].to_manifest())
    assert reader_line(again, words, titles_of(new)).text == text


def test_a_section_that_declares_what_its_old_text_said_draws_nothing(example_project):
    """Moto Body's text always said it tracks activity: declaring `user.behavior` (which general sections and
    other apps declare) after dropping it is a change of Moto Body's facts, but no news to anyone (in the
    document before, and in the section's own text), so the verdict says nothing of it."""
    old = _eu(example_project)
    dropped = _declaring(old, "moto-body", FactKind.DATA_CATEGORIES, _categories(old, "moto-body") - {"user.behavior"})
    assert [c.scope for c in document_fact_changes(dropped, old) if c.value == "user.behavior"] == ["app"]
    verdict = region_verdict(dropped, old, ("gdpr",), example_project.rules)
    assert not [f for f in verdict.findings if f.fact is not None and f.fact.value == "user.behavior"]


def test_old_acknowledgements_still_cover_the_example(tmp_path):
    """The example's releases verify, and its draft's acknowledgement (given before facts were compared per
    section) still covers its change: `check --against in-force --strict` passes, nothing new is asked."""
    work = _copy(tmp_path)
    assert run_cli(work, "verify").exit_code == 0
    result = run_cli(work, "check", "--against", "in-force", "--strict")
    assert result.exit_code == 0, result.output
    notes = (work / "statements/products/release-notes.md").read_text()
    ref = re.search(r"change: (\S+)", notes).group(1)
    assert f"`{ref}`" in result.output and changes_to_acknowledge(work) == []


def _with_text(document, edits: dict[str, tuple[str, str]]):
    """`document` with each section's Markdown edited: sid -> (old words, new words); old "" appends."""
    sections = []
    for section in document.sections:
        if section.id in edits:
            before, after = edits[section.id]
            text = section.markdown.rstrip() + "\n\n" + after + "\n" if not before else \
                section.markdown.replace(before, after)
            assert text != section.markdown
            section = dataclasses.replace(section, markdown=text)
        sections.append(section)
    return dataclasses.replace(document, sections=tuple(sections))


@pytest.mark.parametrize(("sentence", "change"), [
    ("Moto Body also collects your email address.", "text:moto-body:new_data_category:user-contact-email"),
    ("Moto Body sends your location to Google Firebase.", "text:moto-body:new_recipient:org-google-firebase"),
])
def test_an_apps_text_naming_what_only_other_sections_named(example_project, sentence, change):
    """Prose per app (facts45): a kind of data or a recipient the old document named only in other sections
    (Vantage's Google Firebase, Lenovo ID's email address) is new in Moto Body's text; the same words in a
    general section restate the statement, and a paragraph moved from a general section into the app tells
    nothing new."""
    old = _eu(example_project)
    rules = example_project.rules
    verdict = region_verdict(old, _with_text(old, {"moto-body": ("", sentence)}), ("gdpr",), rules)
    assert [(f.id, f.sections) for f in verdict.findings] == [(change, ("moto-body",))]
    assert verdict.findings[0].action is not Action.NONE

    general = _with_text(old, {"product-usage": ("", sentence.replace("Moto Body", "Lenovo"))})
    assert not region_verdict(old, general, ("gdpr",), rules).findings

    paragraph = next(b for b in old.section("product-usage").markdown.split("\n\n")
                     if b.startswith("We use this software usage information"))
    moved = _with_text(old, {"product-usage": (paragraph + "\n\n", ""), "moto-body": ("", paragraph)})
    assert not region_verdict(old, moved, ("gdpr",), rules).findings


def test_a_chinese_in_app_notice_puts_no_space_between_its_sentences(tmp_path):
    """The in-app notice is one paragraph of the release's reader lines: joined with a space, the
    Chinese one read "…训练人工智能模型。 Moto Body现在会收集…" (final45b); a Chinese sentence ends with
    its full stop. The Portuguese one keeps its spaces."""
    work = _copy(tmp_path)
    key = allow_new_signer(work, tmp_path)
    _edit(work / MOTO_BODY, BODY_CATEGORIES, "user.sensor, user.behavior, user.financial]")
    (ref,) = changes_to_acknowledge(work)          # beside the draft's own (Vantage's AI training)
    _edit(work / "statements/products/release-notes.md", "# Translated regions",
          f"  - change: {ref}\n    decision: consent\n    reason: Moto Body asks again.\n# Translated regions")
    effective = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    result = CliRunner().invoke(cli, ["release", "--root", str(work), "products", "--effective", effective,
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output
    notices = work / f"versions/products/{effective}/notices"
    cn = (notices / "cn.inapp.txt").read_text("utf-8")
    assert "训练人工智能模型。Moto Body现在会收集您的财务信息。这些变更需要征得您的同意。" in cn
    assert not re.search(r"。 ", cn)
    br = (notices / "br.inapp.txt").read_text("utf-8")
    assert "inteligência artificial. Moto Body passa a coletar as suas informações financeiras. Precisamos" in br


@pytest.mark.parametrize(("locale", "text"), [
    ("zh-CN", "Camera现在会收集您的财务信息。Moto Body现在会收集您的财务信息。"),
    ("pt-BR", "Camera passa a coletar as suas informações financeiras. Moto Body passa a coletar as suas "
              "informações financeiras.")])
def test_one_line_for_two_apps_joins_its_sentences_as_the_language_does(example_project, locale, text):
    """Two apps take on what Vantage declared: the reader line is a sentence per app, with a space
    between them in Portuguese and none in Chinese (final45b)."""
    old = _eu(example_project)
    new = old
    for app in ("moto-body", "moto-camera"):
        new = _declaring(new, app, FactKind.DATA_CATEGORIES,
                         set(old.section(app).facts.get(FactKind.DATA_CATEGORIES) or ()) | {"user.financial"})
    verdict = region_verdict(old, new, ("gdpr",), example_project.rules)
    (found,) = [f for f in verdict.findings if f.fact is not None and f.fact.value == "user.financial"]
    assert found.sections == ("moto-camera", "moto-body")          # in the statement's order
    words = ReaderWords.of(TemplateSet(example_project.paths.templates), locale)
    assert reader_line(found, words, titles_of(new)).text == text
