"""Product teams: owned app sections, the JSON API, fragments, feeds, consent, snapshot fixtures."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import CORPUS, REPO, SEED, acknowledge, allow_new_signer, changes_to_acknowledge, run_cli
from privacykit.cli import cli
from privacykit.publish.api import must_ask_again, must_ask_again_for

pytest_plugins = ["pytester"]


def test_owners_lists_every_seed_app():
    result = CliRunner().invoke(cli, ["owners", "--root", str(REPO), "--prefix", "@lenovo/"])
    assert result.exit_code == 0
    seed = (SEED / "products-privacy-statement-2024-03-05.md").read_text("utf-8")
    apps = re.findall(r"^### (.+)$", seed, flags=re.M)
    app_lines = [line for line in result.output.splitlines() if "/apps/" in line]
    assert len(app_lines) == len(apps) == 30
    assert "/statements/products/apps/lenovo-vantage.md @lenovo/lenovo-vantage-team" in app_lines


def test_app_section_without_owner(statement_project):
    root = statement_project({
        "statements/web/apps/widget.md": "---\ntitle: Widget\napp: {name: Widget, platforms: [android]}\n---\nText.\n",
        "statements/web/statement.yml": "title: T\noutline:\n  - heading: H\n    sections: [account, cookies, contact, widget]\n",
    })
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert result.output == ("statements/web/apps/widget.md:2: app section has no owner; add 'owner: <team>' "
                             "so the product team is asked to review its changes\n")


def test_fragment_for_a_missing_region():
    result = CliRunner().invoke(cli, ["fragment", "--root", str(REPO), "products", "lenovo-vantage", "--region", "fr"])
    assert result.exit_code == 1
    assert result.output == "--region: no region 'fr'; use one of: global, us, us-ca, eu, uk, br, cn\n"


def test_in_force_names_the_regions_version_in_a_fragment_and_a_redline(example_site):
    # year45: the example's 2024-05-01 releases changed br and cn only. In eu the site's version in force on
    # 2024-06-01 is 2024-03-05 (its API, its `latest/` fragments); `fragment … --version in-force@…` labelled the
    # section "2024-05-01", a version eu never had, and `diff in-force@… in-force@…` did not date its sides.
    api = json.loads((example_site / "api/v1/products/eu.json").read_text())
    assert api["in_force"] == "2024-03-05"
    site = (example_site / "fragments/products/eu/latest/lenovo-vantage.html").read_text()
    result = run_cli(REPO, "fragment", "products", "lenovo-vantage", "--region", "eu", "--version",
                     "in-force@2024-06-01")
    assert result.exit_code == 0, result.output
    # (the id in data-version; the footer dates it as the region's pages do, polish45)
    assert re.findall(r"\d{4}-\d\d-\d\d", result.stdout) == ["2024-03-05"]
    assert "version of 5 March 2024" in result.stdout and "version of 5 March 2024" in site
    assert re.findall(r"\d{4}-\d\d-\d\d", re.sub(r' data-[a-z-]+="[^"]*"', "", site)) == []
    br = run_cli(REPO, "fragment", "products", "lenovo-vantage", "--region", "br", "--version", "in-force@2024-06-01")
    assert re.findall(r"\d{4}-\d\d-\d\d", br.stdout) == ["2024-05-01"]     # br's own version
    assert "vers&#227;o de 1 de maio de 2024" in br.stdout
    redline = run_cli(REPO, "diff", "website", "in-force@2024-04-01", "in-force@2024-06-01", "--region", "eu")
    assert redline.stdout.startswith("### Changes to `website` (eu): in-force@2024-04-01 (2024-03-05) → "
                                     "in-force@2024-06-01 (2024-03-05)\n")


def _schema(example_site: Path, name: str):
    schema = json.loads((example_site / "api/v1/schema.json").read_text())
    return {"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]}


def test_api_validates_against_its_schema(example_site):
    api = example_site / "api/v1"
    jsonschema.validate(json.loads((api / "index.json").read_text()), _schema(example_site, "index"))
    region_files = sorted(api.glob("*/*.json"))
    version_files = sorted(api.glob("*/*/*.json"))
    # One document per version of each region: 2024-05-01 (br and cn translated) is a version only there.
    assert len(region_files) == 14 and len(version_files) == 2 * (5 * 2 + 2 * 3)
    for path in region_files:
        jsonschema.validate(json.loads(path.read_text()), _schema(example_site, "region"))
    for path in version_files:
        jsonschema.validate(json.loads(path.read_text()), _schema(example_site, "version"))
    eu = json.loads((api / "products/eu.json").read_text())
    # 2024-05-01 left the EU text as it was: it is no version there, in the API as on the pages (versions44).
    assert eu["in_force"] == "2024-03-05"
    assert [(v["id"], v["previous"]) for v in eu["versions"]] == [("2023-06-30", None), ("2024-03-05", "2023-06-30")]
    assert eu["versions"][1]["url"].endswith("/eu/products/2024-03-05/")
    assert not (api / "products/eu/2024-05-01.json").exists()
    br = json.loads((api / "products/br.json").read_text())
    assert (br["in_force"], [v["id"] for v in br["versions"]]) == ("2024-05-01", ["2023-06-30", "2024-03-05",
                                                                                   "2024-05-01"])
    vantage = json.loads((api / "products/eu/2024-03-05.json").read_text())["sections"]
    vantage = next(s for s in vantage if s["id"] == "lenovo-vantage")
    assert vantage["owner"] == "lenovo-vantage-team" and vantage["app"]["platforms"] == ["windows", "android"]
    # Addresses are absolute: the example sets a site_url.
    assert vantage["fragment_url"] == "https://privacy.example.com/fragments/products/eu/2024-03-05/lenovo-vantage.html"
    assert vantage["fragment_page_url"] == (
        "https://privacy.example.com/fragments/products/eu/2024-03-05/lenovo-vantage.page.html")
    # The digest that vouches for every release: the latest manifest's, as `privacykit verify` prints it.
    index = json.loads((api / "index.json").read_text())
    heads = {s["id"]: s["releases_sha256"] for s in index["statements"]}
    assert heads == {s: hashlib.sha256((REPO / f"versions/{s}/2024-05-01/manifest.yml").read_bytes()).hexdigest()
                     for s in ("website", "products")}


def test_the_api_of_a_build_with_pdfs_validates_and_names_them(pdf_site):
    """`pdf_url` as a build with archival PDFs publishes it (the example's fixture is built without)."""
    api = pdf_site / "api/v1"
    versions = [json.loads(path.read_text()) for path in sorted(api.glob("*/*/*.json"))]
    for path in sorted(api.glob("*/*.json")):
        region = json.loads(path.read_text())
        jsonschema.validate(region, _schema(pdf_site, "region"))
        assert all(v["pdf_url"].endswith(".pdf") for v in region["versions"]), path
    for document in versions:
        jsonschema.validate(document, _schema(pdf_site, "version"))
    assert len(versions) == 2 * 3 * 2


def test_fragments_are_self_contained_and_script_free(example_site):
    fragments = sorted((example_site / "fragments").rglob("*.html"))
    # 30 apps x (5 English regions x (2 versions + latest) + br, cn x (3 versions + latest)), each bare and as a
    # standalone document: 2024-05-01 (br and cn translated) is a version only in br and cn (versions44).
    assert len(fragments) == 30 * (5 * 3 + 2 * 4) * 2
    for path in fragments:
        html = path.read_text()
        assert "<script" not in html.lower()
        assert not re.search(r"\son[a-z]+\s*=", html, flags=re.I)
        assert "javascript:" not in html.lower()
        assert "<link" not in html and "src=\"/" not in html
        assert html.isascii()   # readable whatever character set a server declares
    latest = (example_site / "fragments/products/br/latest/moto-face-unlock.html").read_text()
    assert latest.startswith('<section class="pk-fragment" id="moto-face-unlock"')
    assert "<h2>Moto Face Unlock</h2>" in latest
    page = (example_site / "fragments/products/br/latest/moto-face-unlock.page.html").read_text()
    assert page.startswith('<!doctype html>\n<html lang="pt-BR">\n<head>\n<meta charset="utf-8">\n'
                           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                           '<meta name="color-scheme" content="light dark">\n'
                           "<title>Moto Face Unlock &#8211; Declara&#231;&#227;o de Privacidade dos Produtos Lenovo"
                           "</title>")
    # The standalone page is the fragment as its main content, with the section's title as its <h1>
    # and its links opening in the window that holds the frame.
    assert latest.replace("<h2>", '<h1 id="pk-title">', 1).replace("</h2>", "</h1>", 1) \
        in page.replace('<a target="_top" ', "<a ")
    assert '<main aria-labelledby="pk-title">\n<section' in page and "<h2>" not in page


def test_atom_feed_lists_versions_newest_first(example_site):
    feed = ET.parse(example_site / "eu/products/feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    # 2024-05-01 translated br and cn only: it is no new version in the EU (release43).
    assert [e.find("a:title", ns).text for e in entries] == ["Version effective 5 March 2024",
                                                             "Version effective 30 June 2023"]
    # The release that changed the EU text asked for notice.
    assert entries[0].find("a:category", ns).get("term") == "notify"


def test_consent_contract_on_the_example_history(tmp_path):
    """Release the example's draft (AI training: consent) and follow what an app would do."""
    work = tmp_path / "example"
    for name in ("statements", "versions", "site-src"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    key = allow_new_signer(work, tmp_path)     # the example's releases are signed
    effective = dt.date.today() + dt.timedelta(days=40)
    result = CliRunner().invoke(cli, ["release", "--root", str(work), "products", "--effective", effective.isoformat(),
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output

    before = _api(work, effective - dt.timedelta(days=1))
    eu_before = before["api/v1/products/eu.json"]
    assert eu_before["upcoming"] == effective.isoformat() and eu_before["upcoming_requires_consent"]
    assert eu_before["consent_required_since"] is None
    assert not must_ask_again("2024-03-05", eu_before)      # nothing to ask yet
    assert must_ask_again(None, eu_before)                   # never accepted anything: ask

    after = _api(work, effective)
    eu_after = after["api/v1/products/eu.json"]
    assert eu_after["consent_required_since"] == effective.isoformat()
    assert must_ask_again("2024-03-05", eu_after)            # accepted before the change: ask again
    assert not must_ask_again(effective.isoformat(), eu_after)  # accepted the new version: done
    website = after["api/v1/website/eu.json"]
    assert website["consent_required_since"] is None and not must_ask_again("2024-03-05", website)


def _api(root, on: dt.date, regions=(("products", "eu"), ("website", "eu"))) -> dict:
    """The API documents a build of `root` on `on` publishes for `regions` (statement, region).

    A build makes a region's API documents first, before any of its pages (`region_pages`):
    the test takes them there rather than render every page of the example twice."""
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache

    inputs = site_inputs(root, build_date=on.isoformat())
    builder = inputs.builder(RenderCache())
    assets: list = []
    for statement, region in regions:
        next(builder.region_pages(statement, region, inputs.store.versions(statement), assets.append))
    return {a.path: json.loads(a.content) for a in assets if a.path.startswith("api/v1/")}


# -- the pytest fixtures, as a product team uses them ---------------------------------------

FIXTURE_TEST = """
def test_vantage(section_snapshot):
    section_snapshot("web", "account", "us")
"""


@pytest.fixture
def team_project(pytester, statement_project):
    root = statement_project()
    for path in root.rglob("*"):
        if path.is_file():
            target = pytester.path / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    pytester.makepyfile(test_team=FIXTURE_TEST)
    return pytester


def test_snapshot_update_then_pass(team_project):
    result = team_project.runpytest("--privacykit-update")
    result.assert_outcomes(passed=1)
    snapshot = team_project.path / "snapshots/web.account.us.md"
    assert snapshot.read_text() == ("# Your account\n\nWhen you create an account, Example Corp collects "
                                    "your name and e-mail address.\n")
    team_project.runpytest().assert_outcomes(passed=1)


def test_the_old_option_name_coexists_with_syrupy(team_project):
    """syrupy registers --snapshot-update too: installed together, pytest still starts."""
    pytest.importorskip("syrupy")
    started = team_project.runpytest("--snapshot-update")
    started.assert_outcomes(failed=1)  # syrupy's option: privacykit's snapshot is not written
    assert not (team_project.path / "snapshots").exists()
    # Without syrupy the old name still updates privacykit's snapshots.
    team_project.runpytest("-p", "no:syrupy", "--snapshot-update").assert_outcomes(passed=1)
    team_project.runpytest("-p", "no:syrupy").assert_outcomes(passed=1)


def test_snapshot_mismatch_shows_a_unified_diff(team_project):
    team_project.runpytest("--privacykit-update")
    section = team_project.path / "statements/web/sections/account.md"
    section.write_text(section.read_text().replace("name and e-mail address", "name, e-mail address and phone"))
    result = team_project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*web.account.us.md: rendered text differs from the snapshot (run pytest --privacykit-update*",
        "*--- web.account.us.md (snapshot)*",
        "*+++ web.account.us.md (rendered)*",
        "*-When you create an account, Example Corp collects your name and e-mail address.*",
        "*+When you create an account, Example Corp collects your name, e-mail address and phone.*",
    ])


def test_snapshot_that_is_not_utf8(team_project):
    (team_project.path / "snapshots").mkdir()
    (team_project.path / "snapshots/web.account.us.md").write_bytes(b"caf\xe9\n")
    result = team_project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*web.account.us.md: snapshot is not valid UTF-8; delete it and run pytest "
                                 "--privacykit-update*"])


def test_the_shipped_taxonomy_is_fideslangs():
    """The taxonomy snapshot (read instead of importing fideslang) equals fideslang's own terms."""
    from privacykit.model import vocabulary

    shipped = (REPO / "plugins/privacykit" / vocabulary.TAXONOMY_SNAPSHOT).read_text()
    if json.loads(shipped)["fideslang"] == vocabulary._installed_fideslang():
        assert shipped == vocabulary.taxonomy_snapshot_text(), "run: python -m privacykit.model.vocabulary"
        assert vocabulary._snapshot() is not None
    else:  # another fideslang is installed: its terms are read live, never the stale snapshot
        assert vocabulary._snapshot() is None
    live = vocabulary.taxonomy_rows()
    assert {k for k, *_ in live["data_category"]} == set(vocabulary.data_categories())
    assert vocabulary.data_categories()["user.contact.email"].parent == "user.contact"


def test_owners_covers_what_is_not_a_section():
    # regions.yml's privacy_email is in every statement; release notes hold the gate's decisions;
    # versions/allowed_signers says who may sign: each needs a reviewer (sec43).
    lines = CliRunner().invoke(cli, ["owners", "--root", str(REPO)]).output.splitlines()
    legal = "@legal-products @legal-web"
    assert f"/statements/regions.yml {legal}" in lines
    assert f"/statements/vocabulary.yml {legal}" in lines
    assert "/statements/website/release-notes.md @legal-web" in lines
    assert "/statements/products/translations/ @legal-products" in lines
    assert "/versions/products/ @legal-products" in lines
    # gov44: what decides or publishes without being a statement is legal's too: the rules (even before the
    # file exists), the templates, the site's configuration and .github/ (CODEOWNERS and the workflow).
    for path in ("/statements/rules.yml", "/templates/", "/mkdocs.yml", "/.github/"):
        assert f"{path} {legal}" in lines
    # the last matching line wins: the signers file is legal's, after every narrower versions/ line
    assert lines[-2:] == [f"/versions/allowed_signers {legal}", f"/versions/evidence.yml {legal}"]


def test_an_imported_policy_is_owned_once_its_statement_names_its_owners(tmp_path):
    """Reddit's policy imported: no section has an owner (the import cannot know the team), so `owners` says that
    CODEOWNERS asks nobody and where to name the team. Once statement.yml names it, CODEOWNERS routes every
    section to it and `check --against` lists a changed section under it, not under "(no owner)": one answer to
    who reviews a section."""
    root = tmp_path / "privacy"
    assert run_cli(root, "import", str(CORPUS / "Reddit/2026-08-20T005210Z.md"), "--statement", "reddit").exit_code == 0
    assert run_cli(root, "release", "reddit", "--effective", "2026-07-01", "--record-past", "adopted").exit_code == 0
    unowned = run_cli(root, "owners")
    assert unowned.exit_code == 0 and unowned.stderr.splitlines() == [
        "warning: statements/reddit/statement.yml: no owners, and 14 of its 14 sections name no owner: CODEOWNERS "
        "asks nobody to review them; add 'owners: [your-legal-team]' to this file (a section without 'owner:' goes "
        "to the first), then print CODEOWNERS again"]
    assert "/statements/reddit/sections/" not in unowned.stdout
    outline = root / "statements/reddit/statement.yml"
    outline.write_text(outline.read_text("utf-8").replace("\noutline:", "\nowners: [legal-privacy]\noutline:", 1))
    owned = run_cli(root, "owners", "--prefix", "@reddit/")
    assert owned.exit_code == 0 and owned.stderr == ""
    sections = [line for line in owned.stdout.splitlines() if line.startswith("/statements/reddit/sections/")]
    assert len(sections) == 14 and all(line.endswith(".md @reddit/legal-privacy") for line in sections)
    section = root / "statements/reddit/sections/contact-us-text.md"
    section.write_text(section.read_text("utf-8").replace("If you have", "Should you have", 1), "utf-8")
    checked = run_cli(root, "check", "--against", "latest")
    assert "### Owners to review\n\n- legal-privacy: `contact-us-text`\n" in checked.stdout, checked.output


def test_a_changed_owner_line_shows_until_the_committed_codeowners_agrees(statement_project):
    # A pull request can set a section's `owner:` to its own team; CODEOWNERS (legal's, under .github/)
    # decides who reviews, so `owners --check` and `check` say where the two differ (gov44).
    root = statement_project({})
    (root / ".github").mkdir()
    generated = CliRunner().invoke(cli, ["owners", "--root", str(root), "--prefix", "@org/"]).output
    (root / ".github/CODEOWNERS").write_text(generated)
    agreed = CliRunner().invoke(cli, ["owners", "--root", str(root), "--check"])
    assert agreed.exit_code == 0 and agreed.output.startswith("ok: .github/CODEOWNERS names the owners")
    cookies = root / "statements/web/sections/cookies.md"
    cookies.write_text(cookies.read_text().replace("owner: legal", "owner: growth-team"))
    drift = CliRunner().invoke(cli, ["owners", "--root", str(root), "--check"])
    assert drift.exit_code == 1
    assert drift.output.startswith("statements/web/sections/cookies.md: owned by growth-team in the project, by "
                                   "legal in .github/CODEOWNERS:")
    strict = CliRunner().invoke(cli, ["check", "--root", str(root), "--strict"])
    assert strict.exit_code == 1 and "owned by growth-team in the project" in strict.output
    (root / ".github/CODEOWNERS").unlink()
    assert CliRunner().invoke(cli, ["check", "--root", str(root), "--strict"]).exit_code == 0
    assert "no CODEOWNERS file" in CliRunner().invoke(cli, ["owners", "--root", str(root), "--check"]).output



def test_owners_check_with_a_prefix_compares_the_prefix_too(statement_project):
    """fix44: `owners --check --prefix @org/` fails on a CODEOWNERS written with bare '@team' names (GitHub would
    ask another team to review); without --prefix, names compare whatever their prefix."""
    root = statement_project({})
    (root / ".github").mkdir()
    bare = CliRunner().invoke(cli, ["owners", "--root", str(root)]).output
    (root / ".github/CODEOWNERS").write_text(bare)
    asked = CliRunner().invoke(cli, ["owners", "--root", str(root), "--check", "--prefix", "@org/"])
    assert asked.exit_code == 1 and "by @legal in .github/CODEOWNERS:" in asked.output
    assert "owned by @org/legal in the project" in asked.output
    assert CliRunner().invoke(cli, ["owners", "--root", str(root), "--check"]).exit_code == 0
    (root / ".github/CODEOWNERS").write_text(
        CliRunner().invoke(cli, ["owners", "--root", str(root), "--prefix", "@org/"]).output)
    assert CliRunner().invoke(cli, ["owners", "--root", str(root), "--check", "--prefix", "@org/"]).exit_code == 0

# -- per-app signals and embedding (embed44) --------------------------------------------------

def _release(root, key, effective: dt.date, decision: str = "consent", extra: str = "") -> None:
    refs = changes_to_acknowledge(root)
    assert refs, "the edit draws no change to decide"
    acknowledge(root, refs, decision, "Reviewed by counsel.", statement="products", extra=extra)
    result = CliRunner().invoke(cli, ["release", "--root", str(root), "products", "--effective", effective.isoformat(),
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output


def test_another_apps_consent_does_not_ask_my_users_again(tmp_path):
    """The example's draft (Vantage: AI training, consent), then a release that changes Vantage only,
    then one that changes Moto Body only, each decided `consent`: a Vantage user who accepted the
    second is not asked again for the third; a Moto Body user is."""
    work = tmp_path / "example"
    for name in ("statements", "versions", "site-src"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    key = allow_new_signer(work, tmp_path)
    first, second, third = (dt.date.today() + dt.timedelta(days=d) for d in (40, 70, 100))
    result = CliRunner().invoke(cli, ["release", "--root", str(work), "products", "--effective", first.isoformat(),
                                      "--sign-key", str(key)])
    assert result.exit_code == 0, result.output
    translated = "translations: {br: source-binding, cn: source-binding}\n"
    vantage = work / "statements/products/apps/lenovo-vantage.md"
    vantage.write_text(vantage.read_text() + "\nLenovo Vantage shares your device usage data with advertising "
                                             "partners, who use it to show you ads.\n")
    _release(work, key, second, extra=translated)
    body = work / "statements/products/apps/moto-body.md"
    body.write_text(body.read_text().replace(
        "Except for data hosting and processing services that may be used by Motorola, none of the information "
        "described above is shared externally.",
        "We share your wellness data and location with insurance companies, who use it to set your premiums."))
    _release(work, key, third, extra=translated)

    before = _api(work, third - dt.timedelta(days=1), (("products", "eu"),))["api/v1/products/eu.json"]
    assert before["in_force"] == second.isoformat() and before["upcoming_requires_consent"]
    assert before["section_signals"]["moto-body"]["upcoming_requires_consent"]
    assert not before["section_signals"]["lenovo-vantage"]["upcoming_requires_consent"]

    after = _api(work, third, (("products", "eu"),))
    eu = after["api/v1/products/eu.json"]
    sections = eu["section_signals"]
    assert eu["consent_required_since"] == third.isoformat()           # the statement as one document
    assert sections["lenovo-vantage"]["consent_required_since"] == second.isoformat()
    assert sections["moto-body"]["consent_required_since"] == third.isoformat()
    assert sections["moto-camera"]["consent_required_since"] is None  # no consent decision was about it
    assert sections["lenovo-vantage"]["changed"] == second.isoformat()
    assert sections["moto-body"]["changed"] == third.isoformat()
    assert max(s["consent_required_since"] or "" for s in sections.values()) == eu["consent_required_since"]
    # The consent contract per app: only the app whose section the decision is about asks again.
    assert not must_ask_again_for(second.isoformat(), eu, "lenovo-vantage")
    assert must_ask_again_for(second.isoformat(), eu, "moto-body")
    assert must_ask_again_for(first.isoformat(), eu, "lenovo-vantage")
    assert must_ask_again(second.isoformat(), eu)                      # the statement-wide field still says so
    # Every change names its sections, facts included (`new_incompatible_use:train_ai_system` is Vantage's).
    findings = {v["id"]: v["verdict"]["findings"] for v in eu["versions"]}
    assert {"id": "new_incompatible_use:train_ai_system", "sections": ["lenovo-vantage"], "decision": "consent"} \
        in findings[first.isoformat()]
    assert {s for f in findings[third.isoformat()] if f["decision"] == "consent" for s in f["sections"]} == {"moto-body"}
    # The version document carries the same signals, with the digest the fragments carry.
    document = {s["id"]: s for s in after[f"api/v1/products/eu/{third.isoformat()}.json"]["sections"]}
    assert document["lenovo-vantage"]["digest"] == sections["lenovo-vantage"]["digest"]
    assert document["moto-body"]["consent_required_since"] == third.isoformat()
    earlier = {s["id"]: s for s in after[f"api/v1/products/eu/{second.isoformat()}.json"]["sections"]}
    assert earlier["lenovo-vantage"]["digest"] == document["lenovo-vantage"]["digest"]
    assert earlier["moto-body"]["digest"] != document["moto-body"]["digest"]
    assert eu["language"] == after[f"api/v1/products/eu/{third.isoformat()}.json"]["language"] == "en-IE"
    # A translated region's fragment keeps the page's word on which text is binding.
    br = _assets(work, third, "products", "br")
    fragment = br["fragments/products/br/latest/lenovo-vantage.html"]
    assert "O texto em ingl&#234;s prevalece at&#233; que a tradu&#231;&#227;o seja aprovada." in fragment
    assert f'data-consent-required-since="{second.isoformat()}"' in fragment


def _assets(root, on: dt.date, statement: str, region: str) -> dict[str, str]:
    """The API documents and fragments a build of `root` on `on` publishes for one region."""
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache

    inputs = site_inputs(root, build_date=on.isoformat())
    assets: list = []
    next(inputs.builder(RenderCache()).region_pages(statement, region, inputs.store.versions(statement), assets.append))
    return {a.path: a.content for a in assets}


def test_fragments_say_whether_my_section_changed(example_site):
    api = example_site / "api/v1/products/eu"
    for version in ("2023-06-30", "2024-03-05"):
        section = next(s for s in json.loads((api / f"{version}.json").read_text())["sections"]
                       if s["id"] == "lenovo-vantage")
        fragment = (example_site / f"fragments/products/eu/{version}/lenovo-vantage.html").read_text()
        assert f'data-digest="{section["digest"]}" data-changed="{section["changed"]}"' in fragment
    region = json.loads((example_site / "api/v1/products/eu.json").read_text())["section_signals"]["lenovo-vantage"]
    latest = (example_site / "fragments/products/eu/latest/lenovo-vantage.html").read_text()
    assert f'data-digest="{region["digest"]}" data-changed="{region["changed"]}"' in latest
    # The fragment links to the statement it is part of and to its archive, absolutely.
    assert '<a href="https://privacy.example.com/eu/products/">' in latest
    assert '<a href="https://privacy.example.com/eu/products/archive/">' in latest


def test_fragment_stylesheet_is_a_file_and_a_hash(example_site):
    css = (example_site / "fragments/fragment.css").read_text()
    fragment = (example_site / "fragments/products/us/latest/lenovo-vantage.html").read_text()
    inline = re.search(r"<style>(.*?)</style>", fragment).group(1)
    assert css == inline + "\n" and "prefers-color-scheme:dark" in inline
    style = json.loads((example_site / "api/v1/index.json").read_text())["fragment_style"]
    digest = __import__("base64").b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert style == {"url": "https://privacy.example.com/fragments/fragment.css", "csp_hash": f"'sha256-{digest}'"}
    # docs/embedding.md states the hash a strict CSP allows: it is the one the build computes.
    assert style["csp_hash"] in (REPO / "docs/embedding.md").read_text()


APP_WITH_ANCHOR = {
    "statements/web/apps/notes.md": (
        "---\ntitle: Notes\nowner: notes-team\napp: {name: Notes, platforms: [android]}\n---\n"
        "Notes keeps your notes. Read [how to contact us](#contact) or "
        "[write to us](mailto:privacy@example.com) or see [our site](https://example.com/).\n"),
    "statements/web/statement.yml": ("title: T\nvariables:\n  company: Example Corp\noutline:\n  - heading: H\n"
                                     "    id: h\n    sections: [account, cookies, contact, notes]\n"),
}


def test_in_page_links_of_a_fragment_go_to_the_statement_page(statement_project):
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache

    root = statement_project(APP_WITH_ANCHOR)
    # Without site_url the fragment cannot link to the statement page from another site: `check` says so.
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert "statements/web/apps/notes.md:6: the link to #contact cannot be followed from the app's fragment" \
        in result.output
    assert CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-10"]).exit_code == 0
    inputs = site_inputs(root, build_date="2024-02-01")
    builder = inputs.builder(RenderCache(), site_url="https://privacy.example.org/")
    assets: list = []
    next(builder.region_pages("web", "us", inputs.store.versions("web"), assets.append))
    files = {a.path: a.content for a in assets}
    fragment = files["fragments/web/us/latest/notes.html"]
    assert '<a href="https://privacy.example.org/us/web/#contact" rel="noopener noreferrer">how to contact us</a>' \
        in fragment
    dated = files["fragments/web/us/2024-01-10/notes.html"]
    assert 'href="https://privacy.example.org/us/web/2024-01-10/#contact"' in dated
    # In the iframe page every link leaves the frame: to the statement, to mail, to another site.
    page = files["fragments/web/us/latest/notes.page.html"]
    assert page.count('<a target="_top" href=') == page.count("<a ") == 5
    assert '<meta name="color-scheme" content="light dark">' in page


# -- author44: a legal writer new to the tool adds an app section ------------------------------------------------

APP_OUTLINE = ("title: Example Privacy Statement\nvariables:\n  company: Example Corp\noutline:\n"
               "  - heading: What do we collect?\n    id: collect\n    sections: [account, {cookies: [pulse]}]\n"
               "  - heading: How may I contact us?\n    id: contact-us\n    sections: [contact]\n")
PULSE_APP = ("---\ntitle: Pulse\nowner: wearables\napp: {name: Pulse, platforms: [android]}\n---\n"
             "The Pulse app measures your heart rate.\n")


def test_an_apps_headings_scripts_and_computed_text_are_warned_with_the_level_or_fix(statement_project):
    body = ("\n# Big heading\n\n## Too high\n\n#### Your choices\n\n##### Fine\n\n###### Deeper\n\n"
            "##### Back up\n\n```\n# code, not a heading\n```\n\n<script>alert(1)</script>\n\n"
            "Ask {{ company }} at {{ region.name }}; {{ 7*7 }} {{ '{{' }}\n")
    root = statement_project({"statements/web/statement.yml": APP_OUTLINE,
                              "statements/web/apps/pulse.md": PULSE_APP + body})
    result = run_cli(root, "check")
    lines = [line for line in result.output.splitlines() if line.startswith("warning:")]
    where = "warning: statements/web/apps/pulse.md:"
    assert any(line.startswith(where + "8: heading '# Big heading' is at level 1") and "'##### Big heading'" in line
               for line in lines), lines
    assert any(line.startswith(where + "10: heading '## Too high'") and "headings go from h5 to h6" in line
               for line in lines), lines
    assert any(line.startswith(where + "12: heading '#### Your choices'") and "'##### Your choices'" in line
               for line in lines), lines
    assert not [line for line in lines if "Fine" in line or "Deeper" in line or "Back up" in line or "code" in line]
    assert any(line.startswith(where + "24: a <script> element is dropped") for line in lines), lines
    assert [line for line in lines if "computes text" in line] == [
        where + "26: template '{{ 7*7 }}' computes text: content may only use plain variables such as {{ company }} "
        "or {{ region.privacy_email }}; write the text itself, or define a variable in statement.yml or regions.yml "
        "(write {{ '{{' }} for a literal brace)"]
    assert run_cli(root, "check", "--strict").exit_code == 1
    # A section (not nested) may start at h4, and skipping from its h3 title to h6 is said.
    root = statement_project({"statements/web/sections/cookies.md": "---\ntitle: Cookies\nowner: legal\n---\n"
                                                                     "Text.\n\n#### Kinds\n\n###### Skipped\n"})
    lines = run_cli(root, "check").output.splitlines()
    headings = [line.split(": ", 2)[2] for line in lines if "heading" in line]
    assert len(headings) == 1 and headings[0].startswith("heading '###### Skipped' is at level 6: it skips from h4 "
                                                         "to h6; write it as '##### Skipped'"), lines


def test_an_app_overrides_misspellings_and_an_unquoted_colon_name_what_to_write(statement_project):
    files = {"statements/web/statement.yml": APP_OUTLINE, "statements/web/apps/pulse.md": PULSE_APP,
             "statements/web/apps/puls.br.md": "---\ntitle: Pulse\n---\nText.\n",
             "statements/web/apps/pulse.brazil.md": "---\ntitle: Pulse\n---\nText.\n"}
    output = run_cli(statement_project(files), "check").output
    assert ("statements/web/apps/puls.br.md:1: override of section 'puls' which has no base file; did you mean "
            "'pulse'? rename it pulse.br.md") in output
    assert "statements/web/apps/pulse.brazil.md:1: override for unknown region 'brazil'; did you mean 'br' (Brasil)?" \
        in output
    # A base file that cannot be read is told once, by its own line, not as an override without a base.
    files = {"statements/web/statement.yml": APP_OUTLINE,
             "statements/web/apps/pulse.md": PULSE_APP.replace("title: Pulse", "title: Pulse: fitness"),
             "statements/web/apps/pulse.br.md": "---\ntitle: Pulse\n---\nText.\n"}
    output = run_cli(statement_project(files), "check").output
    assert output.splitlines() == [
        "statements/web/apps/pulse.md:2: invalid YAML: mapping values are not allowed here (the value of 'title' "
        "holds a colon and a space); quote the value: title: \"…\""], output
