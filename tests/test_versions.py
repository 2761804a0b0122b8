"""Releases: freezing, immutability, dates, and the in-force/upcoming choice."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import CORPUS, acknowledge, changes_to_acknowledge
from conftest import run_cli as run
from privacykit.load.project import load_project
from privacykit.publish.context import SiteContext
from privacykit.publish.site import SiteBuilder
from privacykit.render.templates import TemplateSet
from privacykit.versions.store import VersionStore

COOKIES = "statements/web/sections/cookies.md"


def edit_cookies(root, text):
    path = root / COOKIES
    path.write_text(path.read_text().replace("We use cookies to measure visits.", text))


def test_release_freezes_every_region_with_hashes(released):
    folder = released / "versions/web/2024-01-10"
    assert sorted(p.name for p in (folder / "regions").iterdir()) == [
        "br.json", "br.md", "global.json", "global.md", "us.json", "us.md"]
    assert "Write to privacy@example.com." in (folder / "regions/us.md").read_text()
    version = VersionStore(released).get("web", "2024-01-10")
    assert version.previous is None and len(version.files) == 7
    head = VersionStore(released).head("web")
    # (then a warning: the fixture released 2024-01-10 today, after it took effect, evidence44)
    assert run(released, "verify").output.splitlines()[0] == \
        f"ok: 1 releases intact; latest manifests: web 2024-01-10 sha256:{head}"


def test_manifest_keeps_comments_and_order(released):
    text = (released / "versions/web/2024-01-10/manifest.yml").read_text()
    assert text.startswith("# Release of the 'web' statement, effective 2024-01-10.")
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in "# "]
    assert keys == ["manifest_format", "statement", "effective_date", "previous", "summary", "regions", "released",
                    "texts", "files"]
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    text = (released / "versions/web/2024-06-01/manifest.yml").read_text()
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in "# "]
    assert keys == ["manifest_format", "statement", "effective_date", "previous", "previous_manifest", "summary",
                    "regions", "verdict", "released", "texts", "files"]


def test_second_release_links_previous_and_summarises(released):
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "1 section changed" in result.output.lower()
    assert VersionStore(released).get("web", "2024-06-01").previous == dt.date(2024, 1, 10)


def test_manifests_form_a_chain_that_catches_an_edited_verdict(released):
    """The manifest is not in its own list of hashes: the next release records its digest."""
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    store = VersionStore(released)
    first, second = store.versions("web")
    assert second.previous_manifest == store.manifest_digest(first)
    assert store.head("web") == store.manifest_digest(second)
    assert store.verify() == []
    manifest = released / "versions/web/2024-01-10/manifest.yml"
    manifest.write_text(manifest.read_text().replace("summary: First release.", "summary: Nothing to see."))
    # A store that read the manifest before it was edited reads it again.
    store.forget("web")
    assert store.versions("web")[0].summary == "Nothing to see."
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-01-10/manifest.yml: manifest was edited after release 2024-06-01 "
                             "recorded its hash (sha256 mismatch); restore it from version control; releases are "
                             "immutable (make a new release instead)\n")
    edit_cookies(released, "Cookies, again.")
    result = run(released, "release", "web", "--effective", "2024-09-01")
    assert result.exit_code == 1 and "manifest was edited after release 2024-06-01" in result.output


def test_unchanged_draft_is_refused(released):
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 1
    assert result.output == ("statements/web: the draft is unchanged since the release of 2024-01-10; "
                             "edit the statement before releasing it again\n")
    assert not (released / "versions/web/2024-06-01").exists()


@pytest.mark.parametrize("date, message", [
    ("2024-01-10", "--effective: effective date 2024-01-10 is not after the last release 2024-01-10; "
                   "choose a date after 2024-01-10; 2024-01-10 is in force, and a release in force is never "
                   "withdrawn: a new release corrects it"),
    ("2024-13-01", "--effective: invalid --effective '2024-13-01': expected YYYY-MM-DD; write the date as YYYY-MM-DD"),
    ("10/01/2024", "--effective: invalid --effective '10/01/2024': expected YYYY-MM-DD; write the date as YYYY-MM-DD"),
    ("2999-01-01", "--effective: effective date 2999-01-01 is more than 366 days ahead; "
                   "release closer to the date the statement takes effect"),
])
def test_bad_effective_dates(released, date, message):
    edit_cookies(released, "Changed.")
    result = run(released, "release", "web", "--effective", date)
    assert result.exit_code == 1
    assert result.output == message + "\n"
    assert sorted(p.name for p in (released / "versions/web").iterdir()) == ["2024-01-10"]


def test_verify_names_every_tampered_file(released):
    folder = released / "versions/web/2024-01-10"
    (folder / "regions/us.md").write_text("Edited after release.\n")
    (folder / "regions/br.json").unlink()
    (folder / "extra.txt").write_text("x")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "versions/web/2024-01-10/extra.txt: file was added to a release after it was made; remove it",
        "versions/web/2024-01-10/regions/br.json: frozen file is missing; restore it from version control; "
        "releases are immutable (make a new release instead)",
        "versions/web/2024-01-10/regions/us.md: frozen file was edited after release (sha256 mismatch); "
        "restore it from version control; releases are immutable (make a new release instead)",
    ]


def test_build_refuses_a_tampered_release(released):
    (released / "versions/web/2024-01-10/regions/us.md").write_text("Edited.\n")
    (released / "mkdocs.yml").write_text("site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n")
    (released / "src").mkdir()
    result = run(released, "build")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/regions/us.md: frozen file was edited after release")
    assert not (released / "site").exists()


def test_manifest_that_does_not_parse(released):
    (released / "versions/web/2024-01-10/manifest.yml").write_text("statement: [web\n")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/manifest.yml:2: invalid YAML:")


def test_diff_between_unknown_versions(released):
    result = run(released, "diff", "web", "2020-01-01", "draft")
    assert result.exit_code == 1
    assert result.output == "versions/web: no version '2020-01-01' of statement 'web'; known versions: 2024-01-10\n"


def test_failed_release_leaves_versions_untouched(released, monkeypatch):
    import privacykit.versions.release as release_module

    edit_cookies(released, "Changed.")
    before = sorted(p.relative_to(released).as_posix() for p in (released / "versions").rglob("*"))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(release_module.os, "rename", full_disk)
    with pytest.raises(OSError):
        release_module.release(load_project(released), VersionStore(released), "web", "2024-06-01")
    after = sorted(p.relative_to(released).as_posix() for p in (released / "versions").rglob("*"))
    assert after == before


def _site(root, on):
    project = load_project(root)
    builder = SiteBuilder(SiteContext(project, TemplateSet(None), on, VersionStore(root)))
    return {page.url: page for page in builder.pages()}


def test_in_force_and_upcoming_around_the_build_date(released):
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0

    before = _site(released, dt.date(2024, 5, 31))
    main = before["us/web/"].html
    assert "January 10, 2024" in main and "count the visits" not in main
    assert "This statement changes on June 1, 2024." in main and 'href="2024-06-01/changes/"' in main
    # An upcoming version's page says when it takes effect, never "last updated" on a future day.
    upcoming = before["us/web/2024-06-01/"].html
    assert "This version of the privacy statement takes effect on" in upcoming
    assert "was last updated on" not in upcoming
    assert "was last updated on" in main
    first = _site(released, dt.date(2024, 1, 9))["us/web/"].html
    assert "takes effect on" in first and "was last updated on" not in first

    on_the_day = _site(released, dt.date(2024, 6, 1))["us/web/"].html
    assert "count the visits" in on_the_day and "Upcoming change" not in on_the_day
    assert 'href="2024-06-01/changes/">Review previous version' in on_the_day

    old = _site(released, dt.date(2024, 6, 1))["us/web/2024-01-10/"].html
    assert "Superseded version" in old and 'href="../">Read the version in force' in old
    assert "5 de junho de 2024" not in old
    assert "1 de junho de 2024" in _site(released, dt.date(2024, 6, 1))["br/web/"].html


def test_archive_lists_every_version(released):
    edit_cookies(released, "Changed text.")
    run(released, "release", "web", "--effective", "2024-06-01")
    archive = _site(released, dt.date(2024, 7, 1))["us/web/archive/"].html
    assert archive.index("2024-06-01") < archive.index("2024-01-10")
    assert "In force" in archive and "Superseded" in archive
    table = archive[archive.index("<table"):archive.index("</table>")]
    assert table.count("What changed on June 1, 2024") == 1 and "Review previous version" not in table


# release43: a release not yet in force can be withdrawn, on the record, and made again.

def _withdraw(root, date, *more):
    return run(root, "release", "web", "--withdraw", date, *more)


def clock(monkeypatch, day: str) -> None:
    """Set the real clock (UTC) that releases and withdrawals are judged by (withdraw44): the build-date
    variables no longer move it."""
    from privacykit.render import dates

    monkeypatch.setattr(dates, "clock_today", lambda: dt.date.fromisoformat(day))


def test_withdrawn_release_stays_on_the_record_and_frees_its_date(released, monkeypatch):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    result = run(released, "release", "web", "--effective", "2024-02-15")
    assert result.exit_code == 0, result.output
    # An earlier or equal date is refused, and the refusal names the way out.
    result = run(released, "release", "web", "--effective", "2024-02-01")
    assert result.exit_code == 1
    assert "withdraw it first: privacykit release web --withdraw 2024-02-15 --reason" in result.output
    assert "a withdrawal needs a reason" in _withdraw(released, "2024-02-15").output
    result = _withdraw(released, "2024-02-15", "--reason", "the wording was wrong")
    assert result.exit_code == 0, result.output
    assert "withdrew web 2024-02-15" in result.output and "goes on from 2024-01-10" in result.output
    store = VersionStore(released)
    assert [v.id for v in store.versions("web")] == ["2024-01-10"]
    (withdrawal,), problems = store.withdrawals("web")
    assert not problems and withdrawal.reason == "the wording was wrong"
    assert withdrawal.withdrawn_on == dt.date(2024, 1, 5)
    assert store.withdrawn_release(withdrawal).id == "2024-02-15"
    assert run(released, "verify").exit_code == 0
    # The corrected release takes the same date; it records the withdrawal, so deleting it is named.
    path = released / COOKIES
    path.write_text(path.read_text().replace("to count the visits to our pages.", "to count the visits to our web pages."))
    acknowledge(released, changes_to_acknowledge(released))
    result = run(released, "release", "web", "--effective", "2024-02-15")
    assert result.exit_code == 0, result.output
    store = VersionStore(released)
    corrected = store.get("web", "2024-02-15")
    assert corrected.previous == dt.date(2024, 1, 10) and list(corrected.withdrawn) == ["2024-02-15"]
    assert run(released, "verify").exit_code == 0
    import shutil
    shutil.rmtree(released / "versions/web/withdrawn/2024-02-15")
    result = run(released, "verify")
    assert result.exit_code == 1 and "withdrawal 2024-02-15 recorded by release 2024-02-15 is missing" in result.output


def test_a_rollback_is_named_against_a_heads_file_kept_elsewhere(released, monkeypatch, tmp_path):
    # evidence44: deleting the latest release and its withdrawal, or moving a withdrawn release back, leaves a
    # history that verifies on its own; the heads file an earlier verify wrote outside the repository names it.
    import shutil

    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-02-15").exit_code == 0
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    result = run(released, "verify", "--write-heads", str(before))
    assert result.exit_code == 0 and f"wrote the heads to {before}" in result.output
    assert _withdraw(released, "2024-02-15", "--reason", "the wording was wrong").exit_code == 0
    result = run(released, "verify", "--expect-heads", str(before), "--write-heads", str(after))
    assert result.exit_code == 0, result.output          # withdrawn since: its manifest is kept
    assert "web withdrawn/2024-02-15 sha256:" in after.read_text()
    # A withdrawn release moved back, its withdrawal deleted: the history alone still verifies.
    withdrawn = released / "versions/web/withdrawn"
    shutil.move(withdrawn / "2024-02-15/release", released / "versions/web/2024-02-15")
    shutil.rmtree(withdrawn)
    assert run(released, "verify").exit_code == 0
    result = run(released, "verify", "--expect-heads", str(after))
    assert result.exit_code == 1
    assert f"{after}:4: withdrawal 2024-02-15 of web, recorded here, is gone from the history (rolled back?)" \
        in result.output
    # The latest release and its withdrawal both deleted.
    shutil.rmtree(released / "versions/web/2024-02-15")
    assert run(released, "verify").exit_code == 0
    result = run(released, "verify", "--expect-heads", str(before))
    assert result.exit_code == 1
    assert "release 2024-02-15 of web, the head recorded here, is gone from the history (rolled back?)" \
        in result.output


def test_verify_write_heads_into_a_missing_folder_is_one_line_before_the_history_is_read(released, tmp_path):
    # mend1: it was an internal error (FileNotFoundError), after the whole verify; `check --report` says it first.
    missing = tmp_path / "nowhere" / "heads.txt"
    (released / "versions/web/2024-01-10/regions/us.md").write_text("Edited.\n")     # not what it is refused for
    result = run(released, "verify", "--write-heads", str(missing))
    assert result.exit_code == 1
    assert result.output == (f"--write-heads: no folder {missing.parent} to write the heads file in; create the "
                             "folder first, or name a file in an existing one\n")
    assert not missing.parent.exists()


def test_withdrawn_release_kept_intact(released, monkeypatch):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    assert _withdraw(released, "2024-03-01", "--reason", "a typo in the year").exit_code == 0
    kept = released / "versions/web/withdrawn/2024-03-01/release/regions/us.md"
    kept.write_text(kept.read_text() + "More.\n")
    result = run(released, "verify")
    assert result.exit_code == 1 and "withdrawn/2024-03-01/release/regions/us.md: frozen file was edited" \
        in result.output


def test_release_in_force_or_not_latest_is_never_withdrawn(released, monkeypatch):
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    result = _withdraw(released, "2024-01-10", "--reason", "the date was wrong")
    assert result.exit_code == 1 and "a release in force is never withdrawn" in result.output
    clock(monkeypatch, "2024-01-05")
    result = _withdraw(released, "2024-01-10", "--reason", "the date was wrong")
    assert result.exit_code == 1 and "release 2024-06-01 follows 2024-01-10" in result.output
    assert [v.id for v in VersionStore(released).versions("web")] == ["2024-01-10", "2024-06-01"]


def test_date_far_ahead_is_warned_and_withdrawn(released, monkeypatch):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "Changed.")
    result = run(released, "release", "web", "--effective", "2024-11-30", "--strict")
    assert result.exit_code == 1 and "is 330 days ahead (a typo in the year?)" in result.output
    assert run(released, "release", "web", "--effective", "2024-11-30").exit_code == 0
    edit_cookies(released, "Urgent.")
    path = released / COOKIES
    path.write_text(path.read_text().replace("Changed.", "Urgent fix."))
    assert "--withdraw 2024-11-30" in run(released, "release", "web", "--effective", "2024-01-20").output
    assert _withdraw(released, "2024-11-30", "--reason", "meant 2023-11-30 instead").exit_code == 0
    assert run(released, "release", "web", "--effective", "2024-01-20").exit_code == 0


def test_two_branches_that_both_released_are_resolved_by_withdrawing_the_later(released, monkeypatch, tmp_path):
    import shutil
    clock(monkeypatch, "2024-01-05")
    branch = tmp_path / "branch"
    shutil.copytree(released, branch)
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    edit_cookies(branch, "We use cookies to count the visits to our pages.")
    assert run(branch, "release", "web", "--effective", "2024-07-01").exit_code == 0
    shutil.copytree(branch / "versions/web/2024-07-01", released / "versions/web/2024-07-01")   # the merge
    result = run(released, "verify")
    assert result.exit_code == 1
    assert "release 2024-06-01 is not in the history: release 2024-07-01 follows 2024-01-10" in result.output
    assert "withdraw it (privacykit release web --withdraw 2024-07-01" in result.output
    assert "remove it" not in result.output
    assert _withdraw(released, "2024-07-01", "--reason", "released on a branch beside 2024-06-01").exit_code == 0
    assert run(released, "verify").exit_code == 0
    path = released / COOKIES
    path.write_text(path.read_text().replace("to count the visits to our pages.", "to count the visits to our web pages."))
    acknowledge(released, changes_to_acknowledge(released))
    assert run(released, "release", "web", "--effective", "2024-07-01").exit_code == 0
    assert VersionStore(released).get("web", "2024-07-01").previous == dt.date(2024, 6, 1)
    assert run(released, "verify").exit_code == 0


def test_two_branches_both_in_force_are_resolved_by_withdrawing_the_unpublished_one(released, monkeypatch, tmp_path):
    """chain44: merged when both are in force, the branch's release main never published is withdrawn as such,
    on the record, which `verify` explains; a site built here that publishes it, or a release no other branch
    released beside, refuses `--unpublished`; the merged draft is then released after main's."""
    import shutil
    clock(monkeypatch, "2024-01-05")
    branch = tmp_path / "branch"
    shutil.copytree(released, branch)
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-02-01").exit_code == 0
    assert "made on no branch beside another" in _withdraw(released, "2024-02-01", "--unpublished",
                                                           "--reason", "made on a branch").output
    path = branch / "statements/web/sections/contact.md"
    path.write_text(path.read_text().replace("Write to", "Please write to"))
    acknowledge(branch, [], summary="Contact wording.")
    assert run(branch, "release", "web", "--effective", "2024-02-10").exit_code == 0
    shutil.copytree(branch / "versions/web/2024-02-10", released / "versions/web/2024-02-10")   # the merge
    clock(monkeypatch, "2024-03-01")            # both in force
    result = run(released, "verify")
    assert result.exit_code == 1 and "withdraw the one main never published with --unpublished" in result.output
    result = _withdraw(released, "2024-02-10", "--reason", "made on a branch")
    assert result.exit_code == 1 and "a release in force is never withdrawn" in result.output
    assert "--withdraw 2024-02-10 --unpublished" in result.output
    site = released / "site/api/v1/web/us/2024-02-10.json"
    site.parent.mkdir(parents=True)
    site.write_text("{}")
    result = _withdraw(released, "2024-02-10", "--unpublished", "--reason", "made on a branch")
    assert result.exit_code == 1 and "is published by the site built here" in result.output
    shutil.rmtree(released / "site")
    assert "--unpublished qualifies a withdrawal" in run(released, "release", "web", "--effective", "2024-04-01",
                                                         "--unpublished").output
    result = _withdraw(released, "2024-02-10", "--unpublished", "--reason", "made on branch b, never merged first")
    assert result.exit_code == 0, result.output
    assert "(made on a branch beside 2024-02-01, never published)" in result.output
    assert "the history goes on from 2024-02-01" in result.output     # the latest release, not 2024-01-10
    (withdrawal,), _ = VersionStore(released).withdrawals("web")
    assert withdrawal.unpublished and withdrawal.beside == dt.date(2024, 2, 1)
    result = run(released, "verify")
    assert result.exit_code == 0, result.output
    assert "web 2024-02-10 withdrawn as made on a branch beside 2024-02-01 and never published" in result.output
    # Its notes are offered back, commented, in the draft's notes; the merged draft is released after main's.
    notes = (released / "statements/web/release-notes.md").read_text()
    assert "# The withdrawn release 2024-02-10 said" in notes and "# summary: Contact wording." in notes
    path = released / "statements/web/sections/contact.md"
    path.write_text(path.read_text().replace("Write to", "Please write to"))
    acknowledge(released, changes_to_acknowledge(released))
    result = run(released, "release", "web", "--effective", "2024-04-01")
    assert result.exit_code == 0, result.output
    assert VersionStore(released).get("web", "2024-04-01").previous == dt.date(2024, 2, 1)
    assert run(released, "verify").exit_code == 0


def test_verify_base_refuses_a_release_that_does_not_follow_main(released, monkeypatch):
    """chain44: in a pull request's gate, `verify --base main` names a release the branch added beside main's
    latest, with the fix; one that follows it passes."""
    import subprocess

    def git(*args):
        subprocess.run(["git", "-C", str(released), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                       check=True, capture_output=True)

    clock(monkeypatch, "2024-01-05")
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "first release")
    git("checkout", "-qb", "branch")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    git("add", "-A")
    git("commit", "-qm", "branch release")
    assert run(released, "verify", "--base", "main").exit_code == 0
    git("checkout", "-q", "main")
    path = released / "statements/web/sections/contact.md"
    path.write_text(path.read_text().replace("Write to", "Please write to"))
    acknowledge(released, changes_to_acknowledge(released))
    assert run(released, "release", "web", "--effective", "2024-02-01").exit_code == 0
    git("add", "-A")
    git("commit", "-qm", "main release")
    git("checkout", "-q", "branch")
    result = run(released, "verify", "--base", "main")
    assert result.exit_code == 1
    assert ("release 2024-03-01, added by this branch, follows 2024-01-10, but main's latest release is "
            "2024-02-01; rebase the branch on main") in result.output
    assert "git does not know the revision 'nope'" in run(released, "verify", "--base", "nope").output


def test_verify_base_with_the_releases_outside_the_repository_is_one_line(released, tmp_path):
    """mend1: a versions folder outside the git repository (a symbolic link out of it) was a traceback."""
    import subprocess

    outside = tmp_path / "elsewhere"
    (released / "versions").rename(outside)
    (released / "versions").symlink_to(outside)
    subprocess.run(["git", "-C", str(released), "init", "-q", "-b", "main"], check=True)
    result = run(released, "verify", "--base", "main")
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1, result.output
    assert result.output == (f"versions/web: the releases of 'web' are outside the git repository at "
                             f"{released.resolve()}, so git cannot list them in 'main'; keep the versions folder "
                             "inside the repository, or leave out --base\n")


def test_a_strict_refusal_far_ahead_names_nothing_to_withdraw_and_a_warning_is_said_once(released, monkeypatch,
                                                                                           capsys):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "Changed.")
    result = run(released, "release", "web", "--effective", "2024-11-30", "--strict")
    assert result.exit_code == 1 and "nothing was released" in result.output and "--withdraw" not in result.output
    assert not (released / "versions/web/2024-11-30").exists()
    result = run(released, "release", "web", "--effective", "2024-11-30")
    assert result.exit_code == 0 and "withdraw it: privacykit release web --withdraw 2024-11-30" in result.output
    from privacykit.cli_app import warn
    from privacykit.errors import Problem

    line = Problem("statements/web/translations/pt-BR/releases.yml", None, "1 release summary not translated", "do")
    warn([line, line])
    assert capsys.readouterr().err.count("1 release summary not translated") == 1


def test_withdrawal_is_signed_and_a_forged_reason_is_named(statement_project, tmp_path, monkeypatch):
    import subprocess
    key = tmp_path / "legal"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "legal@example.com", "-f", str(key)],
                   check=True)
    public = key.with_suffix(".pub").read_text().split()
    root = statement_project({"versions/allowed_signers": f"legal@example.com {public[0]} {public[1]}\n"})
    clock(monkeypatch, "2024-01-05")
    assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(key)).exit_code == 0
    result = _withdraw(root, "2024-01-10", "--reason", "the date was wrong")
    assert result.exit_code == 1 and "releases of this project are signed" in result.output
    assert _withdraw(root, "2024-01-10", "--reason", "the date was wrong", "--sign-key", str(key)).exit_code == 0
    assert (root / "versions/web/withdrawn/2024-01-10/manifest.yml.sig").is_file()
    result = run(root, "verify")
    assert result.exit_code == 0 and "1 withdrawn before taking effect" in result.output
    # An unsigned withdrawal, or the release it keeps, names the command that signs them: `sign <statement>`.
    for sig in ("withdrawn/2024-01-10/manifest.yml.sig", "withdrawn/2024-01-10/release/manifest.yml.sig"):
        kept = (root / "versions/web" / sig).read_bytes()
        (root / "versions/web" / sig).unlink()
        unsigned = run(root, "verify")
        assert unsigned.exit_code == 1 and "sign it: privacykit sign web --key KEY" in unsigned.output, unsigned.output
        (root / "versions/web" / sig).write_bytes(kept)
    manifest = root / "versions/web/withdrawn/2024-01-10/manifest.yml"
    manifest.write_text(manifest.read_text().replace("reason: the date was wrong", "reason: a better story"))
    result = run(root, "verify")
    assert result.exit_code == 1 and "versions/web/withdrawn/2024-01-10/manifest.yml.sig" in result.output


def test_a_withdrawal_signed_by_a_key_outside_the_pin_is_refused(statement_project, tmp_path, monkeypatch):
    """The pin holds for withdrawals as for releases: a key the repository's allowed_signers gained cannot
    remove a release a pinned key signed; and a key that cannot sign writes nothing."""
    import subprocess
    keys = {}
    for name in ("legal", "other"):
        keys[name] = tmp_path / name
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(keys[name])], check=True)
    line = {n: "legal@example.com " + " ".join(k.with_suffix(".pub").read_text().split()[:2]) for n, k in keys.items()}
    root = statement_project({"versions/allowed_signers": line["legal"] + "\n"})
    clock(monkeypatch, "2024-01-05")
    assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(keys["legal"])).exit_code == 0
    result = _withdraw(root, "2024-01-10", "--reason", "the date was wrong here", "--sign-key", str(keys["other"]))
    assert result.exit_code == 1 and not (root / "versions/web/withdrawn").exists()     # nothing written
    with (root / "versions/allowed_signers").open("a") as signers:
        signers.write(line["other"] + "\n")
    assert _withdraw(root, "2024-01-10", "--reason", "the date was wrong here", "--sign-key", str(keys["other"])).exit_code == 0
    pin = tmp_path / "trusted_signers"
    pin.write_text(line["legal"] + "\n")
    assert run(root, "verify").exit_code == 0
    pinned = run(root, "verify", "--trusted-signers", str(pin))
    assert pinned.exit_code == 1 and "withdrawn/2024-01-10" in pinned.output, pinned.output



# withdraw44: the guards are judged by the real clock; a withdrawal is atomic, idempotent, several at once.

def _tree(root):
    """Every path under versions/ with its bytes (a file) or None (a folder): to show nothing was written."""
    base = root / "versions"
    return {p.relative_to(base).as_posix(): p.read_bytes() if p.is_file() else None for p in sorted(base.rglob("*"))}


def test_a_build_date_before_the_clock_never_unlocks_a_withdrawal_and_one_after_it_never_refuses(released,
                                                                                                  monkeypatch):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    # In force by the clock: a build date set before it (either variable) does not make it withdrawable.
    clock(monkeypatch, "2024-06-02")
    for name, value in (("PRIVACYKIT_BUILD_DATE", "2024-05-01"), ("SOURCE_DATE_EPOCH", "1714521600")):
        monkeypatch.setenv(name, value)
        result = _withdraw(released, "2024-06-01", "--reason", "released too late")
        assert result.exit_code == 1
        assert ("release 2024-06-01 is in force since 2024-06-01 (today is 2024-06-02, UTC): a release in force "
                "is never withdrawn") in result.output
        assert f"warning: {name}: 2024-05-01 dates builds only: releases and withdrawals are judged and dated by " \
               "today in UTC, 2024-06-02" in result.stderr
        monkeypatch.delenv(name)
    # Not in force by the clock: a build date after it refuses nothing, and the record is dated by the clock.
    clock(monkeypatch, "2024-05-20")
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-07-01")
    assert _withdraw(released, "2024-06-01", "--reason", "the text was wrong").exit_code == 0
    (withdrawal,), _ = VersionStore(released).withdrawals("web")
    assert withdrawal.withdrawn_on == dt.date(2024, 5, 20)


def test_the_effective_date_far_ahead_is_judged_by_the_clock_and_the_release_dated_by_it(released, monkeypatch):
    clock(monkeypatch, "2024-01-05")
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-06-01")      # later than the clock: allows nothing more
    edit_cookies(released, "Changed.")
    result = run(released, "release", "web", "--effective", "2025-03-01")
    assert result.exit_code == 1 and "effective date 2025-03-01 is more than 366 days ahead" in result.output
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2023-06-01")      # earlier: warns of nothing more either
    result = run(released, "release", "web", "--effective", "2024-03-01")
    assert result.exit_code == 0 and "days ahead (a typo in the year?)" not in result.output, result.output
    assert VersionStore(released).get("web", "2024-03-01").released == dt.date(2024, 1, 5)
    # The command's help says so (final45a: it said the build date dated the release).
    helped = " ".join(run(released, "release", "--help").output.split())
    assert "judged and dated by today in UTC, by the clock: $PRIVACYKIT_BUILD_DATE and $SOURCE_DATE_EPOCH date " \
        "builds only" in helped and "if set, else today" not in helped


@pytest.mark.parametrize("stop", [1, 2, 3], ids=["before the record", "after the record", "while removing"])
def test_a_withdrawal_stopped_at_any_write_and_run_again_is_recorded_once(released, monkeypatch, stop):
    import os
    import shutil

    from privacykit.versions import release as release_module

    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    # The writes that move things: 1 the withdrawal into place, 2 the release out of the history, 3 its removal.
    calls = []
    real_rename, real_rmtree = os.rename, shutil.rmtree

    def rename(src, dst):
        calls.append(dst)
        if len(calls) == stop:
            raise OSError("stopped here")
        real_rename(src, dst)

    def rmtree(path, *args, **kwargs):
        if stop == 3 and ".withdrawn-" in str(path):
            raise OSError("stopped here")       # (a kill: the hidden folder stays)
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(release_module.os, "rename", rename if stop < 3 else real_rename)
    monkeypatch.setattr(release_module.shutil, "rmtree", rmtree)
    assert _withdraw(released, "2024-06-01", "--reason", "the text was wrong").exit_code == 1
    monkeypatch.setattr(release_module.os, "rename", real_rename)
    monkeypatch.setattr(release_module.shutil, "rmtree", real_rmtree)
    store = VersionStore(released)
    if stop == 2:
        result = run(released, "verify")
        assert result.exit_code == 1 and "the withdrawal was interrupted" in result.output
    result = _withdraw(released, "2024-06-01", "--reason", "the text was wrong")
    assert result.exit_code == 0, result.output
    said = {1: "withdrew web 2024-06-01", 2: "finished the interrupted withdrawal of web 2024-06-01",
            3: "web 2024-06-01 is already withdrawn"}      # (3: out of the history in one rename already)
    assert result.output.startswith(said[stop])
    withdrawals, problems = store.withdrawals("web")
    assert [w.id for w in withdrawals] == ["2024-06-01"] and not problems
    assert [v.id for v in VersionStore(released).versions("web")] == ["2024-01-10"]
    assert sorted(p.name for p in (released / "versions/web").iterdir()) == ["2024-01-10", "withdrawn"]
    assert run(released, "verify").exit_code == 0
    # The same withdrawal again: one line, exit 0, nothing written.
    before = _tree(released)
    result = _withdraw(released, "2024-06-01", "--reason", "the text was wrong")
    assert result.exit_code == 0 and result.output == (
        "web 2024-06-01 is already withdrawn (on 2024-01-05: the text was wrong) -> versions/web/withdrawn/2024-06-01/; "
        "nothing written\n")
    assert _tree(released) == before


def test_several_scheduled_releases_are_withdrawn_in_one_command_newest_first(released, monkeypatch):
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    path = released / COOKIES
    path.write_text(path.read_text().replace("to count the visits to our pages.", "to count visits."))
    acknowledge(released, changes_to_acknowledge(released))
    assert run(released, "release", "web", "--effective", "2024-04-15").exit_code == 0
    before = _tree(released)
    result = _withdraw(released, "2024-03-01", "--reason", "the wording was wrong")
    assert result.exit_code == 1 and result.output == (
        "--withdraw: release 2024-04-15 follows 2024-03-01 (releases are withdrawn newest first); withdraw it too, "
        "in one command: privacykit release web --withdraw 2024-04-15 --withdraw 2024-03-01 --reason \"...\" "
        "(one record each)\n")
    assert _tree(released) == before
    # Once in force (by the clock), neither is withdrawn, together or not.
    clock(monkeypatch, "2024-03-02")
    result = run(released, "release", "web", "--withdraw", "2024-03-01", "--withdraw", "2024-04-15", "--reason", "the wording was wrong")
    assert result.exit_code == 1 and "a release in force is never withdrawn" in result.output
    assert _tree(released) == before
    clock(monkeypatch, "2024-02-01")
    result = run(released, "release", "web", "--withdraw", "2024-04-15", "--withdraw", "2024-03-01",
                 "--reason", "the wording was wrong")
    assert result.exit_code == 0, result.output
    assert [line.split(" (")[0] for line in result.output.splitlines()] == ["withdrew web 2024-04-15",
                                                                           "withdrew web 2024-03-01"]
    store = VersionStore(released)
    withdrawals, _ = store.withdrawals("web")
    assert [(w.id, str(w.previous)) for w in withdrawals] == [("2024-03-01", "2024-01-10"), ("2024-04-15", "2024-03-01")]
    assert [v.id for v in store.versions("web")] == ["2024-01-10"]
    assert run(released, "verify").exit_code == 0


def test_a_translation_told_then_withdrawn_is_not_released_again_without_a_decision(statement_project, monkeypatch):
    """A change the rules leave editorial (a translation alone) that the writer decided to notify, withdrawn after
    its notice was written: the same change is not released again, silently, as editorial (withdraw44)."""
    import re

    from privacykit.testing.plugin import MINIMAL_PROJECT

    regions = MINIMAL_PROJECT["statements/regions.yml"].replace("    laws: [lgpd]\n",
                                                                "    language: pt-BR\n    laws: [lgpd]\n")
    translation = "statements/web/translations/pt-BR/sections/cookies.yml"
    said = ("blocks:\n  - source: |-\n      We use cookies to measure visits.\n"
            "    translation: |-\n      Usamos cookies para medir as visitas.\n")
    root = statement_project({"statements/regions.yml": regions, translation: said})
    clock(monkeypatch, "2024-01-05")
    published = "translations: {br: source-binding}\n"
    acknowledge(root, [], extra=published)
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0, "first"
    (root / translation).write_text(said.replace("medir as visitas", "medir as visitas e vender os dados"))
    (ref,) = re.findall(r"`(translation:cookies:pt-BR@\w+)`", run(root, "check", "--against", "in-force").output)
    acknowledge(root, [ref], "notify", "The Portuguese text now says we sell the data.", extra=published)
    assert run(root, "release", "web", "--effective", "2024-03-01").exit_code == 0
    assert (root / "versions/web/2024-03-01/notices/br.email.md").is_file()
    assert not (root / "versions/web/2024-03-01/notices/global.email.md").exists()
    result = _withdraw(root, "2024-03-01", "--reason", "the translation is wrong")
    assert result.exit_code == 0 and "notices/ (br) to those readers" in result.output
    # The notes went with the release: the gate and the release ask for the decision again, not for silence.
    acknowledge(root, [], extra=published)
    line = (f"change '{ref}' was decided notify in release 2024-03-01, withdrawn after its readers were told "
            "(they get a recall): decide it again")
    assert line in run(root, "check", "--against", "in-force").output
    result = run(root, "release", "web", "--effective", "2024-03-01")
    assert result.exit_code == 1 and line in result.output
    acknowledge(root, [ref], "notify", "Told again.", extra=published)
    assert run(root, "release", "web", "--effective", "2024-03-01").exit_code == 0

def test_a_region_only_release_is_no_new_version_elsewhere(released):
    regions = released / "statements/regions.yml"
    regions.write_text(regions.read_text().replace("    laws: [lgpd]\n",
                                                   "    laws: [lgpd]\n    variables:\n      privacy_email: dpo@example.com.br\n"))
    acknowledge(released, changes_to_acknowledge(released))
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 0, result.output
    pages = _site(released, dt.date(2024, 7, 1))
    assert "br/web/2024-06-01/" in pages and "br/web/2024-06-01/changes/" in pages
    assert "us/web/2024-06-01/" not in pages and "us/web/2024-06-01/changes/" not in pages
    archive = pages["us/web/archive/"].html
    assert "2024-06-01" not in archive and "In force" in archive
    assert "Superseded" not in pages["us/web/2024-01-10/"].html
    assert "dpo@example.com.br" in pages["br/web/"].html
    # Before it takes effect, the region it does not change announces nothing.
    before = _site(released, dt.date(2024, 5, 1))
    assert "changes on" not in before["us/web/"].html and "2024-06-01" in before["br/web/"].html


def test_a_new_region_has_a_row_in_the_gate_table(released, tmp_path):
    regions = released / "statements/regions.yml"
    regions.write_text(regions.read_text() + "  mx:\n    name: México\n    parent: global\n    laws: [ccpa]\n")
    report = tmp_path / "report.md"
    result = run(released, "check", "--against", "in-force", "--report", str(report))
    assert result.exit_code == 0, result.output
    row = next(line for line in report.read_text().splitlines() if line.startswith("| mx |"))
    assert "| ccpa | first publication: the whole text (3 sections) |" in row
    assert "published from the next release" in row
    assert not any(line.startswith("| br |") and "first publication" in line for line in report.read_text().splitlines())


def _consumers(files, statement, region):
    """What each consumer publishes of one statement in one region, from the site's files (path -> text):
    its versions, the one in force, the next to take effect, and each version's previous one."""
    import json
    import re

    base = f"{region}/{statement}/"
    api = json.loads(files[f"api/v1/{statement}/{region}.json"])
    ids = [v["id"] for v in api["versions"]]
    previous = {v["id"]: v["previous"] for v in api["versions"]}
    # (the changes_url and url of every entry are its own page's)
    assert all(v["url"].endswith(f"{base}{v['id']}/") for v in api["versions"])
    assert all((v["changes_url"] is not None) == (v["previous"] is not None) for v in api["versions"])
    dated = sorted(m[1] for p in files if (m := re.fullmatch(re.escape(base) + r"(\d{4}-\d{2}-\d{2})/index\.html", p)))
    redlines = sorted(m[1] for p in files
                      if (m := re.fullmatch(re.escape(base) + r"(\d{4}-\d{2}-\d{2})/changes/index\.html", p)))
    documents = sorted(m[1] for p in files if (m := re.fullmatch(f"api/v1/{statement}/{region}/(.+)\\.json", p)))
    rows = re.findall(r'<tr class="pk-archive__row pk-archive__row--([a-z-]+)">\s*<td><h2 class="pk-archive__version">'
                      r'<a href="[^"]*"><time datetime="([^"]+)"', files[f"{base}archive/index.html"])
    pdfs = sorted(m[1] for p in files if (m := re.fullmatch(re.escape(base) + r"(\d{4}-\d{2}-\d{2})/[^/]+\.pdf", p)))
    feed = re.findall(r"<entry>\s*<title>[^<]*</title>\s*<id>[^<]*/(\d{4}-\d{2}-\d{2})/</id>", files[f"{base}feed.xml"])
    prefix = f"fragments/{statement}/{region}/"
    folders = {p[len(prefix):].split("/")[0] for p in files if p.startswith(prefix)}
    latest = next(files[p] for p in sorted(files) if p.startswith(f"{prefix}latest/") and p.endswith(".page.html"))
    page = files[f"{base}index.html"]
    since = re.search(r'<p class="pk-in-force">.*?<time datetime="([^"]+)">.*?(?:<time datetime="([^"]+)">.*)?</p>',
                      page)
    link = re.search(r'<a class="pk-previous__link" href="(\d{4}-\d{2}-\d{2})/changes/">', page)
    in_force, upcoming = api["in_force"], api["upcoming"]
    return {
        "versions": {"api": ids, "api documents": documents, "dated pages": dated,
                     "archive": [d for _, d in reversed(rows)], "feed": list(reversed(feed)),
                     "fragments": sorted(folders - {"latest"}), **({"archival PDFs": pdfs} if pdfs else {})},
        "redlines": {"api": [i for i in ids if previous[i]], "pages": redlines,
                     "archive": sorted(d for d, p in previous.items() if p)},
        "in force": {"api": in_force, "archive": next((d for s, d in rows if s == "in-force"), None),
                     "page (in force since)": since[1] if since else None,
                     "latest fragment": re.search(r'data-version="([^"]+)"', latest)[1]},
        "next change": {"api": upcoming, "archive": min((d for s, d in rows if s == "upcoming"), default=None),
                        "page": since[2] if since else None},
        "previous": {"api": previous.get(in_force),
                     "versions before": ids[ids.index(in_force) - 1] if in_force and ids.index(in_force) else None},
        # The page in force links to the redline of its version against the previous one.
        "redline linked": {"api": in_force if previous.get(in_force) else None, "page": link[1] if link else None},
    }


def _agree(files, statement, region):
    """Assert that every consumer publishes the same versions of the region; return the API's view."""
    found = _consumers(files, statement, region)
    for what, views in found.items():
        values = list(views.values())
        if what == "in force" and found["in force"]["api"] is None:
            values[-1] = None                        # before the first takes effect, `latest` is the first
        assert all(v == values[0] for v in values), (region, what, views)
    return {what: views["api"] for what, views in found.items()}


def _built(root, on):
    """Every file of a build of `root` on `on`, page or asset (path -> text)."""
    project = load_project(root)
    builder = SiteBuilder(SiteContext(project, TemplateSet(None), on, VersionStore(root), pdf=True))
    files = {f"{page.url}index.html": page.html for page in builder.pages()}
    # (the archival PDFs a build with PDFs publishes: their paths, not rendered here)
    pdfs = {copy.path: "" for copy in builder.archival_copies()}
    return files | {asset.path: asset.content for asset in builder.assets()} | pdfs


def test_every_consumer_publishes_the_same_versions_of_a_region(statement_project, example_site):
    """The page, the archive, the feed, the API and the fragments read one list of a region's versions
    (versions44): the same versions, version in force, next change and previous version everywhere."""
    example = {str(p.relative_to(example_site)): p.read_text("utf-8") for p in example_site.rglob("*")
               if p.is_file() and p.suffix in (".html", ".json", ".xml")}
    for region in ("us", "eu", "br"):
        seen = _agree(example, "products", region)
        # 2024-05-01 translated br and cn only: a version there, none in the English regions.
        assert seen["versions"] == ["2023-06-30", "2024-03-05"] + (["2024-05-01"] if region == "br" else [])
        assert seen["in force"] == ("2024-05-01" if region == "br" else "2024-03-05")

    root = statement_project({
        "statements/web/apps/widget.md": "---\ntitle: Widget\nowner: legal\napp: {name: Widget, platforms: [android]}"
                                         "\n---\nThe widget shows the weather.\n",
        "statements/web/statement.yml": (MINIMAL_STATEMENT := (
            "title: Example Privacy Statement\nvariables:\n  company: Example Corp\noutline:\n"
            "  - heading: What do we collect?\n    id: collect\n    sections: [account, cookies, widget]\n"
            "  - heading: How may I contact us?\n    id: contact-us\n    sections: [contact]\n")),
    })
    assert MINIMAL_STATEMENT and run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    # A release for br alone (its e-mail address), then one that changes every region.
    regions = root / "statements/regions.yml"
    regions.write_text(regions.read_text().replace(
        "    laws: [lgpd]\n", "    laws: [lgpd]\n    variables:\n      privacy_email: dpo@example.com.br\n"))
    acknowledge(root, changes_to_acknowledge(root))
    assert run(root, "release", "web", "--effective", "2024-06-01").exit_code == 0
    edit_cookies(root, "We use cookies to count the visits to our pages.")
    acknowledge(root, changes_to_acknowledge(root))
    result = run(root, "release", "web", "--effective", "2024-09-01")
    assert result.exit_code == 0, result.output
    assert [v.id for v in VersionStore(root).versions("web")] == ["2024-01-10", "2024-06-01", "2024-09-01"]
    for on, expected in [
        (dt.date(2024, 7, 1), {"us": (["2024-01-10", "2024-09-01"], "2024-01-10", "2024-09-01", None),
                               "br": (["2024-01-10", "2024-06-01", "2024-09-01"], "2024-06-01", "2024-09-01",
                                      "2024-01-10")}),
        (dt.date(2024, 10, 1), {"us": (["2024-01-10", "2024-09-01"], "2024-09-01", None, "2024-01-10"),
                                "br": (["2024-01-10", "2024-06-01", "2024-09-01"], "2024-09-01", None,
                                       "2024-06-01")}),
    ]:
        files = _built(root, on)
        assert "us/web/2024-01-10/web-us-2024-01-10.pdf" in files and not any("2024-06-01" in p for p in files
                                                                               if p.startswith("us/"))
        for region, (versions, in_force, upcoming, previous) in expected.items():
            seen = _agree(files, "web", region)
            assert (seen["versions"], seen["in force"], seen["next change"], seen["previous"]) == \
                (versions, in_force, upcoming, previous), (on, region)


def test_a_region_restored_after_a_release_that_left_it_out_is_a_version_on_every_page(statement_project, monkeypatch):
    """mend1: the site read a region's versions among the releases that include it, so a region dropped by one
    release and restored by a later one with the same text kept its old version "in force" across the gap. A
    release that leaves the region out ends its version: the restoring release is one, everywhere."""
    from test_bundle import dropped_then_restored

    root = dropped_then_restored(statement_project, monkeypatch, {   # (an app section: fragments are published)
        "statements/web/apps/widget.md": "---\ntitle: Widget\nowner: legal\napp: {name: Widget, platforms: [android]}"
                                         "\n---\nThe widget shows the weather.\n",
        "statements/web/statement.yml": (
            "title: Example Privacy Statement\nvariables:\n  company: Example Corp\noutline:\n"
            "  - heading: What do we collect?\n    id: collect\n    sections: [account, cookies, widget]\n"
            "  - heading: How may I contact us?\n    id: contact-us\n    sections: [contact]\n")})
    files = _built(root, dt.date(2024, 4, 1))
    seen = _agree(files, "web", "br")
    assert (seen["versions"], seen["in force"], seen["previous"]) == (["2024-01-10", "2024-03-20"], "2024-03-20",
                                                                       "2024-01-10")
    assert _agree(files, "web", "us")["versions"] == ["2024-01-10"]

def test_a_region_published_again_is_warned_as_such_not_as_a_first_publication(statement_project, monkeypatch):
    """A release that restores a region an earlier release left out said "first publication" of it, which its
    readers' history belies: it now names the release that left it out and the version that ended there."""
    root = statement_project()
    clock(monkeypatch, "2024-01-05")
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    regions = root / "statements/regions.yml"
    full = regions.read_text()
    regions.write_text(full[:full.index("  br:")])
    assert run(root, "release", "web", "--effective", "2024-02-15").exit_code == 0
    regions.write_text(full)
    result = run(root, "release", "web", "--effective", "2024-03-20")
    assert result.exit_code == 0, result.output
    assert ("web published again in region 'br', which release 2024-02-15 left out (its version of 2024-01-10 ended "
            "there): judged against that version, the text its readers read last: no material change, so no notice; "
            "its readers read 'global' until now; what they read in between is not compared: tell them if it "
            "differs") in result.output
    assert "first publication" not in result.output
    assert VersionStore(root).get("web", "2024-03-20").restored == {"br": "2024-01-10"}


def test_a_region_restored_on_the_example_is_judged_against_its_last_text_and_told(example_copy):
    """A region a release left out and the next one publishes again got no verdict and no notice, so a material
    change its readers never read passed ungated and untold. Its readers were last given the region's own text (the
    version its page's "previous version" shows): the restored text is judged against that, the gate asks for a
    decision there, and the notice goes out under the region's rules. On the example: uk left out, then restored
    with a sentence added to the text eu and uk read (a new recipient, new kinds of data: notify, 30 days)."""
    from conftest import allow_new_signer

    key = allow_new_signer(example_copy, example_copy.parent)
    regions = example_copy / "statements/regions.yml"
    full = regions.read_text()
    bases = [example_copy / f"statements/{s}/sections/eu-legal-bases.md" for s in ("website", "products")]

    def only(was: str, now: str) -> None:
        for base in bases:
            base.write_text(base.read_text().replace(f"regions: {{only: [{was}]}}", f"regions: {{only: [{now}]}}"))

    left_out, restored = ((dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=n)).isoformat()
                          for n in (40, 80))
    regions.write_text(full[:full.index("  uk:\n")] + full[full.index("  br:\n"):])
    only("eu, uk", "eu")
    result = run(example_copy, "release", "website", "--effective", left_out, "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    regions.write_text(full)
    only("eu", "eu, uk")
    bases[0].write_text(bases[0].read_text().replace(
        "where needed.", "where needed. We also share your name and order details with fraud-prevention and "
        "identity-verification partners."))
    # The gate (check --against the latest release, which left uk out) judges uk too.
    gate = run(example_copy, "check", "--against", "latest")
    refs = re.findall(r"unacknowledged \w+ change '([^']+)' \(notify in eu, uk\)", gate.output)
    assert len(refs) == 3, gate.output
    assert "| uk | uk-gdpr | first publication" not in gate.output
    acknowledge(example_copy, refs, "notify", "Partners check orders for fraud.", statement="website")
    result = run(example_copy, "release", "website", "--effective", restored, "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    folder = f"versions/website/{restored}"
    assert (f"warning: {folder}: website published again in region 'uk', which release {left_out} left out (its "
            "version of 2024-05-01 ended there): judged against that version, the text its readers read last: 3 "
            f"material changes, decided notify; its notice is in {folder}/notices/uk.*; its readers read 'global' "
            "until now") in result.output
    version = VersionStore(example_copy).get("website", restored)
    assert version.restored == {"uk": "2024-05-01"} and version.verdict.old_label == left_out
    assert version.region_verdict("uk").decision.value == "notify"
    assert version.region_verdict("uk").advance_days == 30
    notice = (example_copy / folder / "notices/uk.email.md").read_text()
    assert "We now share your name and order details with identity verification partners." in notice
    assert f"https://privacy.example.com/uk/website/{restored}/changes/" in notice
    assert sorted(p.name for p in (example_copy / folder / "notices").iterdir()) == [
        "eu.email.md", "eu.inapp.txt", "uk.email.md", "uk.inapp.txt"]
    assert run(example_copy, "verify").exit_code == 0


def test_the_gate_table_names_the_regions_where_a_pending_release_is_no_version(released, tmp_path):
    regions = released / "statements/regions.yml"
    regions.write_text(regions.read_text().replace("    laws: [lgpd]\n",
                                                   "    laws: [lgpd]\n    variables:\n      privacy_email: dpo@example.com.br\n"))
    acknowledge(released, changes_to_acknowledge(released))
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    report = tmp_path / "report.md"
    result = run(released, "check", "--against", "in-force@2024-05-01", "--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text()
    section = text[text.index("### Released 2024-06-01"):]
    assert "No new version in global, us: it leaves their text as it was" in section
    assert "br" not in section.splitlines()[2]


def _git_commit(root, message):
    import subprocess

    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-qm", message)):
        if args[0] == "init" and (root / ".git").exists():
            continue
        subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                       check=True, capture_output=True)


def test_release_refuses_a_weakened_rule_as_check_does(released, monkeypatch):
    """fix44: a rule table weakened beside a change stops `release` as it stops `check --against` (the rules of
    the last release's commit, or --rules-base), until the notes acknowledge it; a stale `rules:` entry too."""
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    clock(monkeypatch, "2024-01-05")
    _git_commit(released, "first release")
    rules = released / "statements/rules.yml"
    rules.write_text("laws:\n  gdpr: {rules: {new_incompatible_use: {action: none, source: team decision}}}\n")
    path = released / "statements/web/sections/contact.md"
    path.write_text(path.read_text().replace("Write to", "Please write to"))
    acknowledge(released, changes_to_acknowledge(released))
    said = "rule 'rules:gdpr:new_incompatible_use' is weaker than at the last release's commit"
    assert run(released, "check", "--against", "latest").exit_code == 1
    refused = run(released, "release", "web", "--effective", "2024-03-01")
    assert refused.exit_code == 1 and said in refused.output
    assert not (released / "versions/web/2024-03-01").exists()
    # A base named on the command line is read as check reads it.
    assert "cannot compare the rules with nope" in run(released, "release", "web", "--effective", "2024-03-01",
                                                       "--rules-base", "nope").output
    # Acknowledged with a reason that says why: both pass; the entry is kept with the release.
    entry = ("  - change: rules:gdpr:new_incompatible_use\n    decision: none\n"
             "    reason: EU readers are asked in the app before any new use of their data.\n")
    notes = released / "statements/web/release-notes.md"
    notes.write_text(f"---\nsummary: S\nacknowledge:\n{entry}---\nNotes.\n")
    passed = run(released, "check", "--against", "latest")
    assert passed.exit_code == 0, passed.output
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    # The weaker rule is committed with the release: a later `rules:` acknowledgement is stale, refused alike.
    _git_commit(released, "second release")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    refs = "".join(f"  - change: {ref}\n    decision: notify\n    reason: Reviewed.\n"
                   for ref in changes_to_acknowledge(released))
    notes.write_text(f"---\nsummary: S\nacknowledge:\n{entry}{refs}---\nNotes.\n")
    stale = "acknowledges 'rules:gdpr:new_incompatible_use', which weakens no rule since"
    assert stale in run(released, "check", "--against", "latest").output
    refused = run(released, "release", "web", "--effective", "2024-04-01")
    assert refused.exit_code == 1 and stale in refused.output


def test_check_refuses_the_notes_kept_with_a_release_as_release_does(released, monkeypatch):
    """fix44: notes a stopped release never reset are refused by `check --against` with the words `release`
    uses (one function); while the draft is still that release's text, check says to finish it instead."""
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    acknowledge(released, changes_to_acknowledge(released), summary="Cookies count visits.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    notes = released / "statements/web/release-notes.md"
    notes.write_text((released / "versions/web/2024-03-01/notes.md").read_text())    # (a stop before the reset)
    waiting = run(released, "check", "--against", "latest")
    assert waiting.exit_code == 0 and "finish it: privacykit release web --effective 2024-03-01" in waiting.output
    path = released / "statements/web/sections/contact.md"
    path.write_text(path.read_text().replace("Write to", "Please write to"))
    said = "these release notes are the ones kept with the release of 2024-03-01"
    checked = run(released, "check", "--against", "latest")
    assert checked.exit_code == 1 and said in checked.output
    refused = run(released, "release", "web", "--effective", "2024-04-01")
    assert refused.exit_code == 1 and said in refused.output


def test_the_fresh_notes_a_release_left_untouched_serve_the_next_release_too(tmp_path):
    """Reddit's policy, released three times by a team that writes notes only when a release asks for them: the
    second release leaves fresh notes, the third (reworded, editorial) is made with them and keeps them, and the
    fresh notes it leaves read the same. They were refused for the fourth as "the ones kept with the release of
    2026-07-03 … written for it": notes that say nothing were written for no release."""
    root = tmp_path / "privacy"
    assert run(root, "import", str(CORPUS / "Reddit/2026-08-20T005210Z.md"), "--statement", "reddit").exit_code == 0
    section = root / "statements/reddit/sections/how-we-protect-your-information-text.md"
    notes = root / "statements/reddit/release-notes.md"
    for day, (old, new) in enumerate([(None, None), ("We take measures", "We take steps"),
                                      ("We take steps", "We take measures"), ("We take measures", "We act")], 1):
        if old:
            text = section.read_text("utf-8")
            assert old in text
            section.write_text(text.replace(old, new, 1), "utf-8")
        if day == 2:
            notes.write_text("---\nsummary: We reworded how we protect your information.\nacknowledge: []\n---\n")
        checked = run(root, "check", "--against", "latest")
        assert checked.exit_code == 0, checked.output
        released = run(root, "release", "reddit", "--effective", f"2026-07-0{day}", "--record-past", "our history")
        assert released.exit_code == 0, released.output
    kept = [(root / f"versions/reddit/2026-07-0{day}/notes.md").read_text("utf-8") for day in (3, 4)]
    assert kept[0] == kept[1] == notes.read_text("utf-8") and "summary:\nacknowledge: []\n---\n" in kept[0]


def test_a_withdrawal_rerun_after_a_stop_offers_back_every_release_notes(released, monkeypatch):
    """fix44: withdrawing two releases stopped while the newest was being removed; the rerun finds it withdrawn
    already, yet its notes were never offered back: they are (once, by the block's marker)."""
    import shutil as shutil_module

    from privacykit.versions import release as release_module

    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    acknowledge(released, changes_to_acknowledge(released), summary="Cookies count visits.",
                extra="# Release notes of the next web release: `release` keeps them\n# with the release.\n")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    path = released / COOKIES
    path.write_text(path.read_text().replace("to count the visits to our pages.", "to count visits."))
    acknowledge(released, changes_to_acknowledge(released), summary="Shorter cookie wording.")
    assert run(released, "release", "web", "--effective", "2024-04-15").exit_code == 0
    real_rmtree = shutil_module.rmtree

    def rmtree(folder, *args, **kwargs):
        if ".withdrawn-" in str(folder):
            raise OSError("stopped here")       # (a kill while the first release leaves the history)
        real_rmtree(folder, *args, **kwargs)

    monkeypatch.setattr(release_module.shutil, "rmtree", rmtree)
    both = ("--withdraw", "2024-04-15", "--withdraw", "2024-03-01", "--reason", "the wording was wrong")
    assert run(released, "release", "web", *both).exit_code == 1
    monkeypatch.setattr(release_module.shutil, "rmtree", real_rmtree)
    result = run(released, "release", "web", *both)
    assert result.exit_code == 0, result.output
    assert "web 2024-04-15 is already withdrawn" in result.output and "offered back" in result.output
    notes = (released / "statements/web/release-notes.md").read_text()
    assert "# The withdrawn release 2024-04-15 said" in notes and "# summary: Shorter cookie wording." in notes
    assert "# The withdrawn release 2024-03-01 said" in notes and "# summary: Cookies count visits." in notes
    # Only YAML is offered (no stray "# # with the release."), and the block says how two blocks merge.
    assert "# # " not in notes and "with the release." not in notes and "YAML keeps one of each" in notes
    again = run(released, "release", "web", *both)
    assert again.output.count("nothing written") == 2
    assert (released / "statements/web/release-notes.md").read_text() == notes


def test_a_withdrawal_reason_is_held_to_the_acknowledgement_check(released, monkeypatch):
    """fix44: a reason that says nothing ('.', 'ok') is refused as for an acknowledgement, nothing written."""
    clock(monkeypatch, "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    for reason in (".", "ok", "ok ok ok"):
        result = _withdraw(released, "2024-03-01", "--reason", reason)
        assert result.exit_code == 1 and result.output.startswith(f"--reason: the reason, '{reason}', ")
    assert [v.id for v in VersionStore(released).versions("web")] == ["2024-01-10", "2024-03-01"]
