"""The command line is wiring: errors are one line, warnings go to stderr, --strict and --debug work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import privacykit
from conftest import run_cli
from privacykit.cli import cli

OVERRIDE = "statements/web/sections/contact.br.md"
UNTRACKED = {OVERRIDE: "---\ntitle: Contato\n---\nEscreva para {{ privacy_email }}.\n"}
WARNING = (f"warning: {OVERRIDE}: this override records no based_on: changes to statements/web/sections/contact.md "
           f"will not be flagged; after reviewing it against its base, run: privacykit overrides --stamp {OVERRIDE}")


def test_a_warning_goes_to_stderr_and_strict_makes_it_fail(statement_project):
    root = statement_project(UNTRACKED)
    result = run_cli(root, "check")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [WARNING]
    assert result.stdout == "ok: 1 statements, 3 sections, 3 regions, 3 resolved documents\n"
    strict = run_cli(root, "check", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [WARNING.removeprefix("warning: ")]


def test_strict_release_writes_nothing(statement_project):
    root = statement_project(UNTRACKED)
    assert run_cli(root, "release", "web", "--effective", "2024-01-10", "--strict").exit_code == 1
    assert not (root / "versions").exists()
    result = run_cli(root, "release", "web", "--effective", "2024-01-10")
    assert result.exit_code == 0 and result.stderr.splitlines() == [WARNING]


def test_check_against_a_day_before_any_release_takes_effect_judges_the_draft_as_the_next_release(released):
    cookies = released / "statements/web/sections/cookies.md"
    cookies.write_text(cookies.read_text().replace("measure visits.", "measure visits and sell them to data brokers."))
    result = run_cli(released, "check", "--against", "in-force@2023-12-31")
    assert result.exit_code == 1
    assert result.stdout.startswith("## Privacy statement `web`: nothing in force → draft\n\n"
                                    "Released, not yet in force: 2024-01-10")
    assert "### Released 2024-01-10, in force from 2024-01-10\n\nFirst release: nothing to compare with." \
        in result.stdout
    assert "unacknowledged consent change 'text:cookies:starts_selling:" in result.stderr


def test_debug_shows_the_traceback_of_a_user_error(statement_project):
    root = statement_project({"statements/web/sections/cookies.md": "---\ntitle: [x\n---\nText.\n"})
    plain = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert plain.exit_code == 1 and "Traceback" not in plain.output
    debug = CliRunner().invoke(cli, ["--debug", "check", "--root", str(root)])
    assert debug.exit_code == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-1].startswith("statements/web/sections/cookies.md:2: invalid YAML")


def test_a_bug_is_one_line_without_debug_and_a_traceback_with_it(statement_project, monkeypatch):
    import privacykit.commands.check as command

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(command, "check", broken)
    root = statement_project()
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 2
    assert result.stderr == ("privacykit: internal error (KeyError: 'boom'); run again with --debug to see where, "
                             "and report it\n")
    debug = CliRunner().invoke(cli, ["--debug", "check", "--root", str(root)])
    assert isinstance(debug.exception, KeyError)


def test_a_value_error_is_not_mistaken_for_bad_input(statement_project, monkeypatch):
    """Only what the user can fix is one line with exit 1; a programming error is not hidden as such."""
    import privacykit.commands.show as command

    monkeypatch.setattr(command, "redline", lambda *a: int("not a number"))
    result = run_cli(statement_project(), "diff", "web", "draft", "draft")
    assert result.exit_code == 2 and "internal error (ValueError" in result.stderr


def test_a_bad_build_date_is_one_line(statement_project):
    result = run_cli(statement_project(), "build", "--date", "2024-13-01")
    assert result.exit_code == 1
    assert result.output == "--date: invalid --date '2024-13-01': expected YYYY-MM-DD; write the date as YYYY-MM-DD\n"


def test_a_usage_error_is_one_line_with_exit_1_for_every_command_and_help_is_unchanged(statement_project):
    """CI tells a typo (exit 1) from a bug (exit 2): click's usage errors are one line naming the command."""
    root = str(statement_project())
    cases = {
        ("diff", "web", "draft", "draft", "--format", "pdf", "--root", root):
            "privacykit diff: invalid value for '--format': 'pdf' is not one of 'md', 'html', 'json'; "
            "see privacykit diff --help",
        ("check", "--bogus"): "privacykit check: no such option '--bogus'; see privacykit check --help",
        ("release",): "privacykit release: missing argument 'STATEMENT'; see privacykit release --help",
        ("sign", "--key"): "privacykit sign: option '--key' requires an argument; see privacykit sign --help",
        ("translate", "export"):
            "privacykit translate export: missing option '--region'; see privacykit translate export --help",
        ("nonsense",): "privacykit: no such command 'nonsense'; see privacykit --help",
        ("translate", "nonsense"): "privacykit translate: no such command 'nonsense'; see privacykit translate --help",
        ("translate", "export", "--region"):
            "privacykit translate export: option '--region' requires an argument; see privacykit translate export --help",
    }
    for args, line in cases.items():
        result = CliRunner().invoke(cli, list(args), prog_name="privacykit")
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", line + "\n"), args
    helped = CliRunner().invoke(cli, ["diff", "--help"], prog_name="privacykit")
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: privacykit diff [OPTIONS] STATEMENT FROM TO")
    # A bare group name asks for its help: shown, exit 0 (not click's 2, which the README keeps for bugs).
    for args, usage in (((), "Usage: privacykit [OPTIONS] COMMAND"), (("translate",), "Usage: privacykit translate")):
        bare = CliRunner().invoke(cli, list(args), prog_name="privacykit")
        assert bare.exit_code == 0 and bare.stdout.startswith(usage), (args, bare.output)


def test_the_example_ci_workflow_installs_from_the_repository_and_what_the_pdfs_need():
    """privacykit is not on PyPI (a package of that name would be someone else's), and the publish job
    builds archival PDFs: it installs the Makefile's system packages."""
    import re
    from pathlib import Path

    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    workflow = YAML(typ="safe").load((root / "docs/ci-workflow.yml").read_text())
    runs = {job: " ".join(step.get("run", "") for step in spec["steps"]) for job, spec in workflow["jobs"].items()}
    assert all(not re.search(r"pip install privacykit(\s|$)", run) for run in runs.values())
    assert all('pip install "privacykit @ $PRIVACYKIT_SOURCE"' in run for run in runs.values())
    assert workflow["env"]["PRIVACYKIT_SOURCE"].startswith("git+https://")
    wanted = re.search(r"^SYSTEM_PACKAGES = (.*)$", (root / "Makefile").read_text(), re.M).group(1).split()
    assert set(wanted) <= set(runs["publish"].split())


def test_the_readme_and_the_detection_history_link_only_to_what_exists():
    """Every relative link (a file, or a heading's anchor) in the README and the history it links to resolves."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent

    def anchors(path: Path) -> set[str]:
        headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)
        return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}

    checked = 0
    for page in (root / "README.md", root / "docs/detection-history.md"):
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"`[^`\n]*`", "", text)  # code quotes a link, it does not make one
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page
            assert linked.exists(), f"{page.name}: {target}"
            assert not anchor or anchor in anchors(linked), f"{page.name}: {target}"
            checked += 1
    assert checked >= 3


def test_build_strict_fails_where_check_strict_fails_before_writing_anything(statement_project):
    """`--strict` means the same in both commands: a warning `check --strict` fails on (here an
    override with no based_on) fails `build --strict` too, and no site is written."""
    root = statement_project({**UNTRACKED, "pages/.keep": "", "mkdocs.yml": (
        "site_name: T\ndocs_dir: pages\ntheme:\n  name: material\nplugins:\n  - privacykit\n")})
    assert run_cli(root, "check", "--strict").exit_code == 1
    strict = run_cli(root, "build", "--strict", "--no-pdf")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [WARNING.removeprefix("warning: ")]
    assert not (root / "site").exists()
    assert run_cli(root, "build", "--no-pdf").exit_code == 0 and (root / "site").is_dir()


def test_mkdocs_strict_mode_fails_where_check_strict_fails(statement_project, caplog):
    """`mkdocs build --strict` (MkDocs' own strict mode, as a properdocs or mkdocs user runs it) fails on what
    `check --strict` lists, here a kind of data the text names and the declares leave out (strict43); a
    plain build publishes, and a clean project builds strictly."""
    from privacykit.errors import PrivacykitError
    from privacykit.mkdocs.build import build_site

    section = ("---\ntitle: Orders\nowner: legal\ndeclares:\n  data_categories: [user.name]\n---\n"
               "We collect your name and your order records.\n")
    mkdocs = "site_name: T\ndocs_dir: pages\ntheme:\n  name: material\nplugins:\n  - privacykit:\n      pdf: false\n"
    root = statement_project({"statements/web/sections/account.md": section, "pages/.keep": "", "mkdocs.yml": mkdocs})
    assert run_cli(root, "check", "--strict").exit_code == 1
    with pytest.raises(PrivacykitError) as refused:
        build_site(root / "mkdocs.yml", root / "site", strict=True)
    assert "strict" in str(refused.value)
    assert any("“order records” that 'declares' does not cover" in r.getMessage() for r in caplog.records)
    assert not (root / "site").exists()
    assert build_site(root / "mkdocs.yml", root / "site").is_dir()
    (root / "statements/web/sections/account.md").write_text(section.replace(
        "[user.name]", "[user.name, user.behavior.purchase_history]"))
    assert build_site(root / "mkdocs.yml", root / "site2", strict=True).is_dir()


def test_python_dash_m_runs_the_same_command_line(statement_project):
    """`python -m privacykit` is the `privacykit` script (a virtualenv used without activating it), bad input
    included: one line, exit 1."""
    root = statement_project()
    env = {**os.environ, "PYTHONPATH": str(Path(privacykit.__file__).parent.parent)}
    ran = subprocess.run([sys.executable, "-m", "privacykit", "check", "--root", str(root)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert (ran.returncode, ran.stdout) == (0, "ok: 1 statements, 3 sections, 3 regions, 3 resolved documents\n")
    wrong = subprocess.run([sys.executable, "-m", "privacykit", "diff", "web", "latest", "draft", "--root", str(root),
                            "--format", "pdf"], env=env, capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines() == ["python -m privacykit diff: invalid value for '--format': 'pdf' is not one "
                                         "of 'md', 'html', 'json'; see python -m privacykit diff --help"]
