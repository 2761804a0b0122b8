"""Resolution: fallback chains, region scopes and variables, as a pure function."""

from __future__ import annotations

from privacykit.load.project import load_project
from privacykit.render.resolve import resolve

OVERRIDE = "---\ntitle: Contato\n---\nFale com o encarregado: {{ dpo }}.\n"
REGIONS = (
    "regions:\n"
    "  global:\n    name: Global\n    variables: {privacy_email: privacy@example.com}\n"
    "  us:\n    name: United States\n    parent: global\n"
    "  us-ca:\n    name: California\n    parent: us\n    variables: {privacy_email: ca@example.com}\n"
    "  br:\n    name: Brasil\n    parent: global\n    locale: pt-BR\n    variables: {dpo: Maria Silva}\n"
)


def test_override_applies_to_its_region_only(statement_project):
    root = statement_project({"statements/regions.yml": REGIONS,
                              "statements/web/sections/contact.br.md": OVERRIDE})
    project = load_project(root)
    br = resolve(project, "web", "br").section("contact")
    us = resolve(project, "web", "us").section("contact")
    assert (br.title, br.markdown, br.variant) == ("Contato", "Fale com o encarregado: Maria Silva.\n", "br")
    assert (us.title, us.markdown, us.variant) == ("Contact", "Write to privacy@example.com.\n", None)


def test_child_region_falls_back_to_parent_override(statement_project):
    root = statement_project({
        "statements/regions.yml": REGIONS,
        "statements/web/sections/cookies.us.md": "---\ntitle: Cookies (US)\n---\nUS cookie text.\n",
    })
    project = load_project(root)
    assert resolve(project, "web", "us-ca").section("cookies").markdown == "US cookie text.\n"
    assert resolve(project, "web", "global").section("cookies").markdown == "We use cookies to measure visits.\n"


def test_nearest_region_variable_wins(statement_project):
    project = load_project(statement_project({"statements/regions.yml": REGIONS}))
    assert resolve(project, "web", "us-ca").section("contact").markdown == "Write to ca@example.com.\n"
    assert resolve(project, "web", "us").section("contact").markdown == "Write to privacy@example.com.\n"


def test_only_and_except_scopes_include_descendants(statement_project):
    root = statement_project({
        "statements/regions.yml": REGIONS,
        "statements/web/sections/cookies.md": "---\ntitle: Cookies\nregions: {only: [us]}\n---\nUS only.\n",
        "statements/web/sections/account.md": "---\ntitle: Account\nregions: {except: [us]}\n---\nNot US.\n",
    })
    project = load_project(root)
    ids = {r: [s.id for s in resolve(project, "web", r).sections] for r in ("global", "us", "us-ca", "br")}
    assert ids == {"global": ["account", "contact"], "us": ["cookies", "contact"],
                   "us-ca": ["cookies", "contact"], "br": ["account", "contact"]}


def test_resolution_is_deterministic_and_keeps_outline_order(statement_project):
    project = load_project(statement_project())
    first = resolve(project, "web", "us")
    second = resolve(load_project(statement_project()), "web", "us")
    assert first.to_dict() == second.to_dict()
    assert [s.id for s in first.sections] == ["account", "cookies", "contact"]
    assert [g.heading for g in first.groups] == ["What do we collect?", "How may I contact us?"]


def test_document_facts_join_every_section(statement_project):
    document = resolve(load_project(statement_project()), "web", "us")
    assert document.facts.data_categories == {"user.contact.email", "user.name", "user.device.cookie_id"}
    assert document.facts.data_uses == {"essential.service.authentication", "analytics.reporting"}


def test_resolved_document_round_trips(statement_project):
    from privacykit.model.document import ResolvedDocument

    document = resolve(load_project(statement_project()), "web", "br")
    assert ResolvedDocument.from_dict(document.to_dict()) == document
