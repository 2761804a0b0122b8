"""Every kind of bad input gets exactly one clear line, exit status 1, no traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from privacykit.cli import cli

ACCOUNT = "statements/web/sections/account.md"
STATEMENT = "statements/web/statement.yml"
REGIONS = "statements/regions.yml"

CASES = {
    "malformed front matter": (
        {ACCOUNT: "---\ntitle: Your account\ndeclares: [unclosed\n---\nText.\n"},
        "statements/web/sections/account.md:3: invalid YAML: expected ',' or ']', but got '<stream end>'; "
        "fix the YAML syntax",
    ),
    "outline names a section with no file": (
        {STATEMENT: "title: T\noutline:\n  - heading: H\n    sections: [account, cookies, contact, retention]\n"},
        "statements/web/statement.yml:4: section 'retention' has no file; "
        "create sections/retention.md (or apps/retention.md), or remove it from the outline",
    ),
    "section file not in the outline": (
        {"statements/web/sections/orphan.md": "---\ntitle: Orphan\n---\nText.\n"},
        "statements/web/sections/orphan.md:1: section 'orphan' is not in the outline of "
        "statements/web/statement.yml; add 'orphan' to the outline or delete the file",
    ),
    "override for an unknown region": (
        {"statements/web/sections/contact.fr.md": "---\ntitle: Contact\n---\nÉcrivez-nous.\n"},
        "statements/web/sections/contact.fr.md:1: override for unknown region 'fr'; "
        "use one of: br, global, us, … (regions are defined in statements/regions.yml)",
    ),
    "region parent cycle": (
        {REGIONS: "regions:\n  global:\n    name: Global\n  us:\n    name: US\n    parent: ca\n"
                  "  ca:\n    name: Canada\n    parent: us\n"},
        "statements/regions.yml:6: region parent cycle: us -> ca -> us; "
        "make one of these regions have no parent or another parent",
    ),
    "unknown region in regions:": (
        {"statements/web/sections/cookies.md": "---\ntitle: Cookies\nregions: {only: [eu]}\n---\nText.\n"},
        "statements/web/sections/cookies.md:3: unknown region 'eu' in 'regions'; use one of: br, global, us, …",
    ),
    "undefined variable": (
        {"statements/web/sections/contact.md": "---\ntitle: Contact\n---\nWrite to us.\n\nOr call {{ phone }}.\n"},
        "statements/web/sections/contact.md:6: undefined variable: 'phone' is undefined; "
        "define it under 'variables:' in statement.yml or regions.yml, or fix its name",
    ),
    "template syntax error": (
        {"statements/web/sections/contact.md": "---\ntitle: Contact\n---\nWrite to {{ privacy_email }.\n"},
        "statements/web/sections/contact.md:4: template syntax error: unexpected '}'; "
        "fix the {{ }} or {% %} markup, or write {{ '{{' }} for a literal brace",
    ),
    "sandbox escape": (
        {"statements/web/sections/contact.md": "---\ntitle: Contact\n---\nLine one.\n{{ ''.__class__ }}\n"},
        "statements/web/sections/contact.md:5: unsafe template: access to attribute '__class__' is not allowed "
        "in content; content may only use plain variables such as {{ company }}",
    ),
    "unknown taxonomy key": (
        {ACCOUNT: "---\ntitle: Your account\ndeclares:\n  data_categories:\n    - user.name\n"
                  "    - user.contct.email\n---\nText.\n"},
        "statements/web/sections/account.md:6: unknown data category 'user.contct.email'; "
        "did you mean 'user.contact.email'?",
    ),
    "duplicate section id": (
        {"statements/web/apps/cookies.md": "---\ntitle: Cookie app\nowner: apps\n---\nText.\n"},
        "statements/web/apps/cookies.md:1: duplicate section id 'cookies'; "
        "statements/web/sections/cookies.md already defines it; rename one of them",
    ),
    "non-UTF-8 file": (
        {"statements/web/sections/cookies.md": "---\ntitle: Cookies\n---\nCaf\xe9\n".encode("latin-1")},
        "statements/web/sections/cookies.md:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ),
    "empty statement": (
        {STATEMENT: "title: Empty\noutline: []\n", ACCOUNT: None, "statements/web/sections/cookies.md": None,
         "statements/web/sections/contact.md": None},
        "statements/web/statement.yml:2: statement is empty: its outline places no section; "
        "add top headings with sections to 'outline:'",
    ),
    "duplicate YAML key": (
        {ACCOUNT: "---\ntitle: Your account\ntitle: Again\n---\nText.\n"},
        "statements/web/sections/account.md:3: duplicate key \"title\"; keep one of the two entries",
    ),
    "unknown front matter key": (
        {ACCOUNT: "---\ntitle: Your account\nowners: legal\n---\nText.\n"},
        "statements/web/sections/account.md:3: unknown key 'owners' in front matter; did you mean 'owner'?",
    ),
    "number too long to read": (
        {ACCOUNT: "---\ntitle: Your account\ndeclares:\n  minimum_age: " + "9" * 5000 + "\n---\nText.\n"},
        "statements/web/sections/account.md:4: number too long to read; shorten it, or quote it to keep it as text",
    ),
    "5,000-digit retention": (
        {ACCOUNT: "---\ntitle: Your account\ndeclares:\n  retention: P" + "9" * 5000 + "D\n---\nText.\n"},
        "statements/web/sections/account.md:4: invalid retention 'P9999999999999999999…999999999D (5,002 characters)'; "
        "use an ISO 8601 duration such as P2Y or P90D (six digits at most), or one of: as_long_as_necessary, "
        "account_lifetime, session, not_retained",
    ),
    "a huge minimum age": (
        {ACCOUNT: "---\ntitle: Your account\ndeclares:\n  minimum_age: " + "9" * 4000 + "\n---\nText.\n"},
        "statements/web/sections/account.md:4: invalid minimum age '99999999999999999999…9999999999 "
        "(4,000 characters)'; use a whole number of years from 0 to 21",
    ),
    "region names an unknown law": (
        {REGIONS: "regions:\n  global:\n    name: Global\n    laws: [gpdr]\n"},
        "statements/regions.yml:4: region 'global' names unknown law 'gpdr'; did you mean 'gdpr'? "
        "(laws are defined by the rule tables)",
    ),
    # regions.yml that defines no region: its cause once, not one false error per override and scope.
    "empty regions file": (
        {REGIONS: "# regions come later\n"},
        "statements/regions.yml:1: the file is empty (or holds only comments); "
        "define at least a 'global' region under 'regions:' (see README)",
    ),
    "regions file with an empty mapping": (
        {REGIONS: "regions: {}\n"},
        "statements/regions.yml:1: no regions defined; add a 'regions:' mapping with at least 'global'",
    ),
    "YAML typo in the regions file": (
        {REGIONS: "regions:\n  global:\n    name: Global\n  us\n    name: US\n    parent: global\n"},
        "statements/regions.yml:4: invalid YAML: could not find expected ':'; fix the YAML syntax",
    ),
    # The line of the cause: the key that lost its colon, not the line where the scanner gave up.
    "key without its colon in front matter": (
        {ACCOUNT: "---\ntitle: Your account\nowner: web\ndeclares\n  data_uses: [marketing]\n---\nText.\n"},
        "statements/web/sections/account.md:4: invalid YAML: could not find expected ':'; fix the YAML syntax",
    ),
    # What stops `build` stops `check` (sec43): release notes that open '---' but are no front matter.
    "release notes with broken front matter": (
        {"statements/web/release-notes.md": "---summary: New cookies.\nNotes.\n"},
        "statements/web/release-notes.md:1: missing front matter; start the file with a '---' line, 'title: …', "
        "and a closing '---' line",
    ),
    "right-to-left override in section text": (
        {ACCOUNT: "---\ntitle: Your account\n---\nWe keep your data \u2067safe\u2069 for a year.\n"},
        "statements/web/sections/account.md:4: control character U+2067 in the text; remove it: readers cannot "
        "see it, and feeds and terminals break on it",
    ),
    "NUL byte in statement.yml": (
        {STATEMENT: "title: T\noutline:\n  - heading: H\x00\n    sections: [account, cookies, contact]\n"},
        "statements/web/statement.yml:3: invalid YAML: character U+0000 is not allowed (special characters are "
        "not allowed); remove it (a text editor or a binary file put it there)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_one_clear_line(case, statement_project):
    files, expected = CASES[case]
    root = statement_project(files)
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines() == [expected]


def test_every_problem_is_listed_at_once(statement_project):
    root = statement_project({
        ACCOUNT: "---\ntitle: Your account\ndeclares:\n  data_uses: [marketing.advertsing]\n---\nText.\n",
        "statements/web/sections/contact.fr.md": "---\ntitle: Contact\n---\nÉcrivez-nous.\n",
    })
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("statements/web/sections/account.md:4: unknown data use 'marketing.advertsing'")
    assert lines[1].startswith("statements/web/sections/contact.fr.md:1: override for unknown region 'fr'")


def test_clean_project_prints_a_one_line_summary(statement_project):
    result = CliRunner().invoke(cli, ["check", "--root", str(statement_project())])
    assert result.exit_code == 0, result.output
    assert result.output == "ok: 1 statements, 3 sections, 3 regions, 3 resolved documents\n"


def test_a_failed_build_prints_its_line_once_on_a_terminal(statement_project):
    """MkDocs logs a plugin's error before aborting; the command prints it once, itself."""
    import subprocess
    import sys

    root = statement_project({"statements/web/sections/cookies.md": "---\ntitle: [Cookies\n---\nText.\n",
                              "mkdocs.yml": "site_name: T\ndocs_dir: src\ntheme: {name: material}\n"
                                            "plugins: [privacykit]\n", "src/.keep": ""})
    result = subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", "build",
                             "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "statements/web/sections/cookies.md:2: invalid YAML: expected ',' or ']', but got '<stream end>'; "
        "fix the YAML syntax"]


SITE = {"mkdocs.yml": "site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n", "src/.keep": ""}
RANGE = "is outside 1970-01-01 to 2106-02-07; build for a date in that range"
EPOCH = "expected seconds since 1970-01-01 (0 to 4294967295); set it to a Unix timestamp, or unset it"


@pytest.mark.parametrize("args, environment, expected", [
    (["--date", "1969-12-31"], {}, f"--date: build date 1969-12-31 {RANGE}"),
    (["--date", "2107-01-01"], {}, f"--date: build date 2107-01-01 {RANGE}"),
    (["--date", "0001-01-01"], {}, f"--date: build date 0001-01-01 {RANGE}"),
    (["--date", "2024-02-30"], {}, "--date: invalid --date '2024-02-30': expected YYYY-MM-DD; "
                                   "write the date as YYYY-MM-DD"),
    ([], {"SOURCE_DATE_EPOCH": "99999999999999999999"},
     f"SOURCE_DATE_EPOCH: invalid SOURCE_DATE_EPOCH '99999999999999999999': {EPOCH}"),
    ([], {"SOURCE_DATE_EPOCH": "9" * 5000},
     f"SOURCE_DATE_EPOCH: invalid SOURCE_DATE_EPOCH '99999999999999999999…9999999999 (5,000 characters)': {EPOCH}"),
    ([], {"SOURCE_DATE_EPOCH": "-1"}, f"SOURCE_DATE_EPOCH: invalid SOURCE_DATE_EPOCH '-1': {EPOCH}"),
    ([], {"PRIVACYKIT_BUILD_DATE": "2200-01-01"}, f"PRIVACYKIT_BUILD_DATE: build date 2200-01-01 {RANGE}"),
], ids=["before 1970", "after 2106", "year 1", "no such day", "overflowing epoch", "5,000-digit epoch",
        "negative epoch", "environment"])
def test_a_build_date_that_cannot_be_built_gets_one_line_naming_its_source(statement_project, args, environment,
                                                                          expected):
    root = statement_project(SITE)
    result = CliRunner().invoke(cli, ["build", "--root", str(root), *args],
                                env={"SOURCE_DATE_EPOCH": None, "PRIVACYKIT_BUILD_DATE": None, **environment})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines() == [expected]
    assert not list(root.glob(".site-*")) and not (root / "site").exists()


def _run_limited(args: list[str]):
    """Run privacykit in a child process capped at 1 GB and a time-out: a hang or a read of an
    endless file fails the test instead of the machine."""
    import resource
    import subprocess
    import sys

    def one_gigabyte():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=120, preexec_fn=one_gigabyte)


def test_a_named_pipe_among_the_sections_is_refused_without_waiting(statement_project):
    import os

    root = statement_project()
    os.mkfifo(root / "statements/web/sections/cookies.us.md")
    result = _run_limited(["check", "--root", str(root)])
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["statements/web/sections/cookies.us.md: not a regular file (a named pipe); "
                                          "replace it with a plain text file"]


def test_an_endless_file_is_refused_before_it_is_read(statement_project):
    root = statement_project()
    result = _run_limited(["import", "--root", str(root), "/dev/zero", "--statement", "zero"])
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["/dev/zero: not a regular file (a device); replace it with a plain text file"]
    assert not (root / "statements/zero").exists()


def test_a_file_over_the_limit_is_refused_by_its_size(statement_project):
    root = statement_project()
    with open(root / "statements/web/sections/cookies.md", "ab") as handle:
        handle.truncate(50_000_000_000)  # sparse: 50 GB that take no room, and would if read
    result = _run_limited(["check", "--root", str(root)])
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["statements/web/sections/cookies.md: file is 50,000,000,000 bytes, "
                                          "over the limit of 1,000,000; split it into smaller sections"]
