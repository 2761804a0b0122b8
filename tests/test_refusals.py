"""Content that would publish something wrong is refused by `check` with one line, and what is
written into reports and CODEOWNERS cannot be turned into markup or extra lines."""

from __future__ import annotations

import os

import pytest

from conftest import run_cli
from privacykit.load.project import load_project
from privacykit.publish.owners import codeowners
from privacykit.versions.store import VersionStore

STATEMENT = "statements/web/statement.yml"
REGIONS = "statements/regions.yml"
COOKIES = "statements/web/sections/cookies.md"
CONTACT = "statements/web/sections/contact.md"
WIDGET = "statements/web/apps/widget.md"
WITH_APP = "title: T\noutline:\n  - heading: H\n    sections: [account, {cookies: [widget]}, contact]\n"


def check_lines(root) -> list[str]:
    result = run_cli(root, "check")
    assert result.exit_code == 1, result.output
    return result.output.splitlines()


# -- outline ids (an id is an anchor on every page) --------------------------------------------------

def test_an_outline_group_id_is_checked_like_a_section_id(statement_project):
    root = statement_project({STATEMENT: "title: T\noutline:\n  - heading: What do we collect?\n"
                                         "    id: 'collect\"><img src=x onerror=alert(1)>'\n"
                                         "    sections: [account, cookies, contact]\n"})
    assert check_lines(root) == [
        "statements/web/statement.yml:4: invalid outline group id 'collect\"><img src=x onerror=alert(1)>'; "
        "use lowercase letters, digits, '-' or '_'"]


@pytest.mark.parametrize("outline, message", [
    ("  - heading: What do we collect?\n    sections: [account]\n"
     "  - heading: What do we collect?\n    sections: [cookies, contact]\n",
     "statements/web/statement.yml:5: two top headings have the id 'what-do-we-collect'; "
     "the other is at line 3; give one of them its own 'id:'"),
    ("  - {heading: A, id: part, sections: [account]}\n  - {heading: B, id: part, sections: [cookies, contact]}\n",
     "statements/web/statement.yml:4: two top headings have the id 'part'; "
     "the other is at line 3; give one of them its own 'id:'"),
    ("  - {heading: Cookies, id: cookies, sections: [account, cookies, contact]}\n",
     "statements/web/statement.yml:3: top heading id 'cookies' is also a section id; "
     "give the top heading another 'id:'"),
], ids=["same heading", "same id", "id of a section"])
def test_top_heading_ids_are_unique_and_apart_from_section_ids(statement_project, outline, message):
    root = statement_project({STATEMENT: "title: T\noutline:\n" + outline})
    assert check_lines(root) == [message]


# -- owners -----------------------------------------------------------------------------------

def test_an_owner_is_a_user_or_a_team(statement_project):
    root = statement_project({COOKIES: '---\ntitle: Cookies\nowner: "legal\\n* @attacker"\n---\nText.\n'})
    assert check_lines(root) == [
        "statements/web/sections/cookies.md:3: invalid owner 'legal * @attacker'; name a user or a team (org/team) "
        "with letters, digits, '.', '_' or '-', without '@'"]


def test_codeowners_paths_cannot_carry_other_patterns(statement_project):
    root = statement_project({"mkdocs.yml": "site_name: T\nplugins:\n  - privacykit: {statements_dir: 'my #content'}\n"})
    os.rename(root / "statements", root / "my #content")
    lines = codeowners(load_project(root)).splitlines()
    assert "/my\\ \\#content/web/sections/account.md @legal" in lines
    assert run_cli(root, "owners", "--prefix", "@org/team\n* @attacker").exit_code == 1


def test_markdown_reports_keep_content_on_its_line_and_escaped(released):
    cookies = released / COOKIES
    cookies.write_text(cookies.read_text()
                       .replace("title: Cookies", 'title: "Cookies\\n\\n<!-- hidden"')
                       .replace("We use cookies to measure visits.", "We use cookies <!-- to measure visits."))
    result = run_cli(released, "check", "--against", "in-force")
    report = result.stdout
    assert "<!--" not in report
    assert "- **Cookies &lt;!-- hidden** (`cookies`): changed" in report
    assert "&lt;!--" in report.split("changed", 1)[1]
    diff = run_cli(released, "diff", "web", "in-force", "draft").output
    assert "<!--" not in diff and "Cookies &lt;!-- hidden" in diff


# -- wrong types ------------------------------------------------------------------------------

WRONG_TYPES = {
    "laws: 5": ({REGIONS: "regions:\n  global: {name: G, laws: 5}\n  us: {name: US, parent: global}\n"
                          "  br: {name: B, parent: global}\n"},
                "statements/regions.yml:2: the laws of region 'global' must be a list; write 'laws: [gdpr]'"),
    "parent: [x]": ({REGIONS: "regions:\n  global: {name: G}\n  us: {name: US, parent: [x]}\n  br: {name: B}\n"},
                    "statements/regions.yml:3: invalid parent '['x']' of region 'us'; name another region's id, "
                    "like 'us'"),
    "variables: a list": ({STATEMENT: "title: T\nvariables: [company]\noutline:\n"
                                      "  - sections: [account, cookies, contact]\n"},
                          "statements/web/statement.yml:2: 'variables' must be a mapping; write 'name: value' lines"),
    "owners: 5": ({STATEMENT: "title: T\nowners: 5\noutline:\n  - sections: [account, cookies, contact]\n"},
                  "statements/web/statement.yml:2: 'owners' must be a list of teams; "
                  "write e.g. 'owners: [legal-web]'"),
    "platforms: 5": ({WIDGET: "---\ntitle: W\nowner: apps\napp: {platforms: 5}\n---\nText.\n", STATEMENT: WITH_APP},
                     "statements/web/apps/widget.md:4: 'platforms' must be a list; "
                     "write e.g. 'platforms: [android, ios]'"),
    "platforms: ios": ({WIDGET: "---\ntitle: W\nowner: apps\napp: {platforms: ios}\n---\nText.\n",
                        STATEMENT: WITH_APP},
                       "statements/web/apps/widget.md:4: 'platforms' must be a list; "
                       "write e.g. 'platforms: [android, ios]'"),
    "only: 5": ({COOKIES: "---\ntitle: Cookies\nregions: {only: 5}\n---\nText.\n"},
                "statements/web/sections/cookies.md:3: 'only' must be a list of regions; write e.g. 'only: [eu, uk]'"),
    "locale: [pt]": ({REGIONS: "regions:\n  global: {name: G, locale: [pt]}\n  us: {name: US, parent: global}\n"
                               "  br: {name: B, parent: global}\n"},
                     "statements/regions.yml:2: invalid locale '['pt']' of region 'global'; "
                     "write a language tag such as 'pt-BR'"),
    "deeply nested YAML": ({CONTACT: "---\ntitle: Contact\nowner: " + "[" * 3000 + "]" * 3000 + "\n---\nText.\n"},
                           "statements/web/sections/contact.md:3: YAML is nested too deeply; keep it under 40 levels"),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_wrong_types_are_one_line_not_a_traceback_or_garbage(statement_project, case):
    files, message = WRONG_TYPES[case]
    assert check_lines(statement_project(files)) == [message]


# -- what is published ------------------------------------------------------------------------------

def test_a_symlinked_sections_folder_is_refused(statement_project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\nText from outside the project.\n")
    root = statement_project({STATEMENT: "title: T\noutline:\n  - sections: [account, cookies, contact]\n"})
    (root / "statements/web/apps").symlink_to(outside)
    assert check_lines(root) == [
        "statements/web/apps: section folders may not be symbolic links; make apps/ a folder of its own"]


def test_the_automatic_summary_names_regions_whose_change_differs(released):
    cookies = released / COOKIES
    cookies.write_text(cookies.read_text().replace("owner: legal\n", "owner: legal\nregions: {except: [br]}\n"))
    assert run_cli(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    assert VersionStore(released).get("web", "2024-06-01").summary == "No changes. In br: 1 section removed."


def test_an_override_follows_the_facts_of_its_base(statement_project):
    override = "statements/web/sections/cookies.br.md"
    root = statement_project({override: "---\ntitle: Cookies\n---\nUsamos cookies.\n"})
    assert run_cli(root, "overrides", "--stamp", override).exit_code == 0
    assert run_cli(root, "check").exit_code == 0
    cookies = root / COOKIES
    cookies.write_text(cookies.read_text().replace("data_uses: [analytics.reporting]",
                                                   "data_uses: [analytics.reporting, marketing.advertising]"))
    lines = check_lines(root)
    assert len(lines) == 1 and lines[0].startswith(f"{override}:3: {COOKIES} changed since this override was written")
