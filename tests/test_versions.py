"""Releases: freezing, immutability, dates, and the in-force/upcoming choice."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import acknowledge, changes_to_acknowledge
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
                    "files"]
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    text = (released / "versions/web/2024-06-01/manifest.yml").read_text()
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in "# "]
    assert keys == ["manifest_format", "statement", "effective_date", "previous", "previous_manifest", "summary",
                    "regions", "verdict", "released", "files"]


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


def test_withdrawn_release_stays_on_the_record_and_frees_its_date(released, monkeypatch):
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    result = run(released, "release", "web", "--effective", "2024-02-15")
    assert result.exit_code == 0, result.output
    # An earlier or equal date is refused, and the refusal names the way out.
    result = run(released, "release", "web", "--effective", "2024-02-01")
    assert result.exit_code == 1
    assert "withdraw it first: privacykit release web --withdraw 2024-02-15 --reason" in result.output
    assert "a withdrawal needs a reason" in _withdraw(released, "2024-02-15").output
    result = _withdraw(released, "2024-02-15", "--reason", "wrong wording")
    assert result.exit_code == 0, result.output
    assert "withdrew web 2024-02-15" in result.output and "goes on from 2024-01-10" in result.output
    store = VersionStore(released)
    assert [v.id for v in store.versions("web")] == ["2024-01-10"]
    (withdrawal,), problems = store.withdrawals("web")
    assert not problems and withdrawal.reason == "wrong wording"
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

    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    edit_cookies(released, "We use cookies to count the visits to our pages.")
    assert run(released, "release", "web", "--effective", "2024-02-15").exit_code == 0
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    result = run(released, "verify", "--write-heads", str(before))
    assert result.exit_code == 0 and f"wrote the heads to {before}" in result.output
    assert _withdraw(released, "2024-02-15", "--reason", "wrong wording").exit_code == 0
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


def test_withdrawn_release_kept_intact(released, monkeypatch):
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-03-01").exit_code == 0
    assert _withdraw(released, "2024-03-01", "--reason", "typo").exit_code == 0
    kept = released / "versions/web/withdrawn/2024-03-01/release/regions/us.md"
    kept.write_text(kept.read_text() + "More.\n")
    result = run(released, "verify")
    assert result.exit_code == 1 and "withdrawn/2024-03-01/release/regions/us.md: frozen file was edited" \
        in result.output


def test_release_in_force_or_not_latest_is_never_withdrawn(released, monkeypatch):
    edit_cookies(released, "Changed.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    result = _withdraw(released, "2024-01-10", "--reason", "oops")
    assert result.exit_code == 1 and "a release in force is never withdrawn" in result.output
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    result = _withdraw(released, "2024-01-10", "--reason", "oops")
    assert result.exit_code == 1 and "withdraw 2024-06-01 first" in result.output
    assert [v.id for v in VersionStore(released).versions("web")] == ["2024-01-10", "2024-06-01"]


def test_date_far_ahead_is_warned_and_withdrawn(released, monkeypatch):
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    edit_cookies(released, "Changed.")
    result = run(released, "release", "web", "--effective", "2024-11-30", "--strict")
    assert result.exit_code == 1 and "is 330 days ahead (a typo in the year?)" in result.output
    assert run(released, "release", "web", "--effective", "2024-11-30").exit_code == 0
    edit_cookies(released, "Urgent.")
    path = released / COOKIES
    path.write_text(path.read_text().replace("Changed.", "Urgent fix."))
    assert "--withdraw 2024-11-30" in run(released, "release", "web", "--effective", "2024-01-20").output
    assert _withdraw(released, "2024-11-30", "--reason", "meant 2023-11-30").exit_code == 0
    assert run(released, "release", "web", "--effective", "2024-01-20").exit_code == 0


def test_two_branches_that_both_released_are_resolved_by_withdrawing_the_later(released, monkeypatch, tmp_path):
    import shutil
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
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


def test_withdrawal_is_signed_and_a_forged_reason_is_named(statement_project, tmp_path, monkeypatch):
    import subprocess
    key = tmp_path / "legal"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "legal@example.com", "-f", str(key)],
                   check=True)
    public = key.with_suffix(".pub").read_text().split()
    root = statement_project({"versions/allowed_signers": f"legal@example.com {public[0]} {public[1]}\n"})
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(key)).exit_code == 0
    result = _withdraw(root, "2024-01-10", "--reason", "wrong date")
    assert result.exit_code == 1 and "releases of this project are signed" in result.output
    assert _withdraw(root, "2024-01-10", "--reason", "wrong date", "--sign-key", str(key)).exit_code == 0
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
    manifest.write_text(manifest.read_text().replace("reason: wrong date", "reason: a better story"))
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
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-05")
    assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(keys["legal"])).exit_code == 0
    result = _withdraw(root, "2024-01-10", "--reason", "wrong date here", "--sign-key", str(keys["other"]))
    assert result.exit_code == 1 and not (root / "versions/web/withdrawn").exists()     # nothing written
    with (root / "versions/allowed_signers").open("a") as signers:
        signers.write(line["other"] + "\n")
    assert _withdraw(root, "2024-01-10", "--reason", "wrong date here", "--sign-key", str(keys["other"])).exit_code == 0
    pin = tmp_path / "trusted_signers"
    pin.write_text(line["legal"] + "\n")
    assert run(root, "verify").exit_code == 0
    pinned = run(root, "verify", "--trusted-signers", str(pin))
    assert pinned.exit_code == 1 and "withdrawn/2024-01-10" in pinned.output, pinned.output


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
