"""Evidence bundles: what a statement said on a date, re-checked far from the repository."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from conftest import run_cli as run
from tsa import LocalTSA

PRIVACYKIT = Path(sys.executable).parent / "privacykit"


def readme_commands(folder: Path) -> str:
    """The shell block of a bundle's README: the commands a third party runs."""
    readme = (folder / "README.md").read_text()
    return re.search(r"```sh\n(.*?)```", readme, re.S).group(1)


def recheck_elsewhere(bundle: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """Copy the bundle where no repository is, unzip it, run the README's commands, then --verify."""
    away = tmp_path / "elsewhere"
    away.mkdir()
    shutil.copy(bundle, away / "bundle.zip")
    unpacked = away / "unpacked"
    with zipfile.ZipFile(away / "bundle.zip") as archive:
        archive.extractall(unpacked)
    tools = subprocess.run(["bash", "-euo", "pipefail", "-c", readme_commands(unpacked)], cwd=unpacked,
                           capture_output=True, text=True)
    assert tools.returncode == 0, tools.stdout + tools.stderr
    verified = subprocess.run([str(PRIVACYKIT), "evidence", "--verify", "bundle.zip"], cwd=away,
                              capture_output=True, text=True)
    verified.tools_output = tools.stdout + tools.stderr  # type: ignore[attr-defined]
    return verified


@pytest.mark.parametrize("on, version, chain", [
    # The example's br text was the English 2024-03-05 release until its Portuguese translation
    # was released, effective 2024-05-01. The chain starts at the release before the version (bundle45).
    ("2024-04-30", "2024-03-05", ["2023-06-30", "2024-03-05", "2024-05-01"]),
    ("2024-06-01", "2024-05-01", ["2024-03-05", "2024-05-01"]),
])
def test_the_example_bundle_for_brazil_holds_the_text_then_in_force(tmp_path, on, version, chain):
    work = tmp_path / "example"
    for name in ("statements", "versions", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name)
    bundle = tmp_path / "br.zip"
    result = run(work, "evidence", "website", "--region", "br", "--at", on, "-o", str(bundle))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {bundle}: website in br on {on} was its version of {version}")
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        text = archive.read(f"text/website-br-{version}.md")
        pdf = archive.read(f"text/website-br-{version}.pdf")
        index = json.loads(archive.read("bundle.json"))
    assert text == (REPO / f"versions/website/{version}/regions/br.md").read_bytes()
    assert pdf.startswith(b"%PDF-1.7")
    assert {f"releases/{version}/manifest.yml", f"releases/{version}/manifest.yml.sig", "trust/allowed_signers",
            f"releases/{version}/regions/br.md", f"releases/{version}/SHA256SUMS", "README.md"} <= names
    # Of the release before the version, its manifest and the region's text (to show the version began there).
    before = chain[0]
    assert {n for n in names if n.startswith(f"releases/{before}/")} == {
        f"releases/{before}/{name}" for name in ("manifest.yml", "manifest.yml.sig", "regions/br.md",
                                                 "regions/br.json")}
    assert index["in_force"] == version and index["chain"] == chain
    shutil.rmtree(work)                               # nothing of the repository is left
    verified = recheck_elsewhere(bundle, tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.tools_output.count("Good \"privacykit-release\" signature for legal@privacy.example.com") \
        == len(chain)
    assert verified.stdout.splitlines()[-1] == "bundle.zip: the bundle verifies (its bundle.json is not signed)"
    assert f"ok: signatures: {len(chain)} of {len(chain)} manifests signed by legal@privacy.example.com SHA256:" \
        in verified.stdout
    assert "note: bundle.json is not signed (the bundle was made without --sign-key): every claim in it was " \
           "recomputed from the signed manifests except two" in verified.stdout


def test_the_day_before_a_release_is_answered_with_the_older_one(tmp_path):
    bundle = tmp_path / "b.zip"
    result = run(REPO, "evidence", "website", "--region", "br", "--at", "2024-03-04", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
        assert "text/website-br-2023-06-30.pdf" not in archive.namelist()
    assert (index["in_force"], index["superseded_on"], index["chain"]) == ("2023-06-30", "2024-03-05",
                                                                          ["2023-06-30", "2024-03-05", "2024-05-01"])


def test_a_release_that_left_the_regions_text_as_it_was_is_not_the_answer(tmp_path, example_site):
    # year45: the example's 2024-05-01 release changed br and cn only; in eu it is no version (no page, archive
    # row or API entry: the site says 2024-03-05 is in force there). The auditor asking what eu read on
    # 2024-06-01 was answered "the release of 2024-05-01, in force in eu from 2024-05-01": a version eu never had.
    bundle = tmp_path / "eu.zip"
    result = run(REPO, "evidence", "website", "--region", "eu", "--at", "2024-06-01", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {bundle}: website in eu on 2024-06-01 was its version of 2024-03-05 ")
    api = json.loads((example_site / "api/v1/website/eu.json").read_text())     # built on 2024-06-01
    assert api["in_force"] == "2024-03-05" and "2024-05-01" not in [v["id"] for v in api["versions"]]
    with zipfile.ZipFile(bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
        text = archive.read("text/website-eu-2024-03-05.md")
    assert (index["in_force"], index["superseded_on"], index["chain"]) == ("2024-03-05", None,
                                                                          ["2023-06-30", "2024-03-05", "2024-05-01"])
    assert text == (REPO / "versions/website/2024-05-01/regions/eu.md").read_bytes()     # the same words
    verified = run(REPO, "evidence", "--verify", str(bundle))
    assert verified.exit_code == 0, verified.output
    lines = verified.output.splitlines()
    assert "ok: date: the release records show the version 2024-03-05 in force in region 'eu' from 2024-03-05 on, so " \
        "on 2024-06-01" in lines
    assert any(line.startswith("ok: versions: the version 2024-03-05 of region 'eu'") and
               "release 2024-05-01 left its text as it was; no later release changed it" in line for line in lines)


def test_a_release_that_changed_the_regions_text_still_ends_the_claim(tmp_path):
    # The br text of 2024-03-05 was replaced on 2024-05-01 (its translation): a bundle made for 2024-04-30 and
    # re-dated past it is refused, whatever it says of superseded_on; eu's text was kept (the test above).
    bundle = tmp_path / "br.zip"
    assert run(REPO, "evidence", "website", "--region", "br", "--at", "2024-04-30", "-o", str(bundle),
               "--no-pdf").exit_code == 0
    for superseded in ("keep", None):
        forged = tmp_path / "forged.zip"
        forge(bundle, forged, claim("2024-06-01", superseded))
        result = run(REPO, "evidence", "--verify", str(forged))
        assert result.exit_code == 1
        assert (f"{forged}: bundle.json: claims release 2024-03-05 on 2024-06-01, but the release records show "
                f"release 2024-05-01 changed the text of region 'br' on 2024-05-01; do not rely on this bundle") \
            in result.output.splitlines()


def test_a_date_before_the_first_release_is_one_line(tmp_path):
    result = run(REPO, "evidence", "website", "--region", "br", "--at", "2020-01-01", "-o", str(tmp_path / "x.zip"))
    assert result.exit_code == 1
    assert result.output == ("--at: no release of 'website' was in force in region 'br' on 2020-01-01; its first "
                             "release in that region took effect on 2023-06-30\n")
    assert not (tmp_path / "x.zip").exists()


def rewrite(bundle: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(bundle) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    files[name] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n, content in files.items():
            archive.writestr(n, content)
    bundle.write_bytes(out.getvalue())


def example_bundle_of(folder: Path, statement: str, region: str, on: str) -> Path:
    """The example's bundle of `statement` in `region` on `on` (without its PDF), made in `folder`."""
    bundle = folder / f"{region}.zip"
    result = run(REPO, "evidence", statement, "--region", region, "--at", on, "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    return bundle


@pytest.fixture(scope="module")
def example_bundle(tmp_path_factory) -> Path:
    return example_bundle_of(tmp_path_factory.mktemp("bundle"), "products", "us", "2023-12-31")


def refused_in_one_line(bundle: Path, problem: str) -> None:
    """`--verify` refuses `bundle` with exit 1 and one line: the file and what is wrong (`problem`, its start)."""
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) == 1, result.output
    assert result.output.startswith(f"{bundle}: {problem}"), result.output
    assert result.output.endswith("; do not rely on this bundle\n")


@pytest.mark.parametrize("name, data, problem", [
    ("text/products-us-2023-06-30.md", b"We sell all your data.\n",
     "text/products-us-2023-06-30.md: sha256 differs from bundle.json (the file was changed)"),
    ("releases/2023-06-30/regions/us.md", b"We sell all your data.\n",
     "releases/2023-06-30/regions/us.md: sha256 differs from bundle.json (the file was changed)"),
    ("releases/2024-03-05/manifest.yml.sig", b"-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n",
     "releases/2024-03-05/manifest.yml.sig: sha256 differs from bundle.json (the file was changed)"),
])
def test_a_tampered_bundle_is_refused(example_bundle, tmp_path, name, data, problem):
    bundle = tmp_path / "tampered.zip"
    shutil.copy(example_bundle, bundle)
    rewrite(bundle, name, data)
    refused_in_one_line(bundle, problem)


def test_a_bundle_with_an_unsafe_path_is_refused(tmp_path):
    bundle = tmp_path / "evil.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("../outside.txt", "x")
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1
    assert result.output == f"{bundle}: unsafe path in the bundle: ../outside.txt; this is not a privacykit " \
                            "evidence bundle\n"


def test_a_timestamped_history_rechecks_with_openssl(statement_project, tmp_path):
    root = statement_project({"versions/evidence.yml": "timestamp:\n  certificates: tsa.pem\n"})
    with LocalTSA(tmp_path / "tsa") as authority:
        (root / "versions/tsa.pem").write_bytes(authority.chain)
        assert run(root, "release", "web", "--effective", "2024-01-10", "--timestamp", authority.url).exit_code == 0
        (root / "statements/web/sections/cookies.md").write_text("---\ntitle: Cookies\nowner: legal\n---\nWe count.\n")
        assert run(root, "release", "web", "--effective", "2024-06-01", "--timestamp", authority.url).exit_code == 0
    bundle = tmp_path / "web.zip"
    result = run(root, "evidence", "web", "--region", "br", "--at", "2024-02-01", "-o", str(bundle))
    assert result.exit_code == 0, result.output
    verified = recheck_elsewhere(bundle, tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.tools_output.count("Verification: OK") == 2
    assert "ok: chain: 2024-01-10 -> 2024-06-01 unbroken" in verified.stdout
    assert "ok: timestamps: 2024-01-10 at " in verified.stdout
    # evidence44: each token's time is said against the released day and the effective date it proves.
    import datetime as dt

    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert f"note: timestamp: release 2024-01-10: timestamped {today}" in verified.stdout
    assert f"note: release 2024-06-01 was recorded after it took effect: released {today}" in verified.stdout
    # --trusted-tsa: the tokens against certificates kept outside the bundle, not the bundle's own.
    result = run(root, "evidence", "--verify", str(bundle), "--trusted-tsa", str(root / "versions/tsa.pem"))
    assert result.exit_code == 0 and "note: timestamps were checked against the TSA certificates in " in result.output
    with LocalTSA(tmp_path / "other-tsa", "Other TSA") as other:
        (tmp_path / "other.pem").write_bytes(other.chain)
    result = run(root, "evidence", "--verify", str(bundle), "--trusted-tsa", str(tmp_path / "other.pem"))
    assert result.exit_code == 1 and "releases/2024-01-10/manifest.yml.tsr: " in result.output
    # A token stripped from the bundle (and from bundle.json's list) is missed: the manifests record it.
    stripped = tmp_path / "stripped.zip"
    forge(bundle, stripped, lambda files, index: files.pop("releases/2024-01-10/manifest.yml.tsr"))
    result = run(root, "evidence", "--verify", str(stripped))
    assert result.exit_code == 1
    assert (f"{stripped}: releases/2024-01-10/manifest.yml.tsr: missing, though the manifest of release 2024-01-10 "
            "records that this release was timestamped; do not rely on this bundle") in result.output.splitlines()


def forge(bundle: Path, target: Path, change) -> None:
    """Rewrite a bundle as a careful forger would: `change(files, index)`, then bundle.json's
    hashes of every file made to match again."""
    import hashlib

    with zipfile.ZipFile(bundle) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    index = json.loads(files["bundle.json"])
    change(files, index)
    index["files"] = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()
                      if n not in ("bundle.json", "bundle.json.sig")}
    files["bundle.json"] = json.dumps(index).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n, content in files.items():
            archive.writestr(n, content)
    target.write_bytes(out.getvalue())


def claim(date: str | None = None, superseded: str | None = "keep"):
    def change(files, index):
        if date is not None:
            files["README.md"] = files["README.md"].replace(index["date"].encode(), date.encode())
            index["date"] = date
        if superseded != "keep":
            index["superseded_on"] = superseded
    return change


@pytest.mark.parametrize("change, problem", [
    # The us text of 2023-06-30 was replaced on 2024-03-05 (the example's history).
    (claim("2023-01-01"), "bundle.json: claims release 2023-06-30 on 2023-01-01, but the release records show it "
                          "took effect only on 2023-06-30"),
    (claim("2027-06-01"), "bundle.json: claims release 2023-06-30 on 2027-06-01, but the release records show "
                          "release 2024-03-05 changed the text of region 'us' on 2024-03-05"),
    (claim(superseded=None), "bundle.json: superseded_on null, but the release records show release 2024-03-05 "
                             "changed its text on 2024-03-05"),
])
def test_a_date_the_release_records_do_not_support_is_refused(example_bundle, tmp_path, change, problem):
    bundle = tmp_path / "forged.zip"
    forge(example_bundle, bundle, change)
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1
    assert f"{bundle}: {problem}; do not rely on this bundle" in result.output.splitlines()


@pytest.mark.parametrize("name, data, problem", [
    ("releases/2023-06-30/evil.md", b"We sell all your data.\n",
     "releases/2023-06-30/evil.md: not listed in bundle.json (added to the bundle)"),
    ("README.md", b"# Evidence\n\nAll is well.\n", "README.md: sha256 differs from bundle.json (the file was changed)"),
    ("releases/2023-06-30/SHA256SUMS", b"", "releases/2023-06-30/SHA256SUMS: sha256 differs from bundle.json (the "
                                           "file was changed)"),
])
def test_every_file_of_a_bundle_is_covered(example_bundle, tmp_path, name, data, problem):
    bundle = tmp_path / "tampered.zip"
    shutil.copy(example_bundle, bundle)
    rewrite(bundle, name, data)
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1
    assert f"{bundle}: {problem}; do not rely on this bundle" in result.output.splitlines()


def test_a_pdf_of_another_release_is_refused_even_with_fresh_hashes(tmp_path):
    work = tmp_path / "example"
    for name in ("statements", "versions", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name)
    ours, theirs = tmp_path / "website.zip", tmp_path / "products.zip"
    for statement, bundle in (("website", ours), ("products", theirs)):
        result = run(work, "evidence", statement, "--region", "br", "--at", "2024-06-01", "-o", str(bundle))
        assert result.exit_code == 0, result.output
    assert "ok: files: all 28 files are listed in bundle.json and match their sha256" in \
        run(REPO, "evidence", "--verify", str(ours)).output
    with zipfile.ZipFile(theirs) as archive:
        other = archive.read("text/products-br-2024-05-01.pdf")
    forged = tmp_path / "forged.zip"
    forge(ours, forged, lambda files, index: files.update({index["pdf"]: other}))
    result = run(REPO, "evidence", "--verify", str(forged))
    assert result.exit_code == 1
    assert result.output.endswith(f"{forged}: text/website-br-2024-05-01.pdf: does not name the manifest sha256 of "
                                  "release 2024-05-01 (it is not the PDF of this release); do not rely on this "
                                  "bundle\n")


def test_a_date_after_the_bundle_was_made_is_what_the_releases_schedule(statement_project, tmp_path):
    import datetime as dt

    root = statement_project()
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    (root / "statements/web/sections/cookies.md").write_text("---\ntitle: Cookies\nowner: legal\n---\nWe count.\n")
    soon = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    assert run(root, "release", "web", "--effective", soon).exit_code == 0
    later = (dt.date.today() + dt.timedelta(days=50)).isoformat()
    result = run(root, "evidence", "web", "--region", "us", "--at", later, "-o", str(tmp_path / "f.zip"), "--no-pdf")
    assert result.exit_code == 0, result.output
    assert f"on {later} is scheduled to be its version of {soon}" in result.output
    result = run(root, "evidence", "web", "--region", "us", "--at", "2025-01-01", "-o", str(tmp_path / "p.zip"),
                 "--no-pdf")
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        readme = archive.read("README.md").decode()
    assert ("On 2025-01-01 the text in force in region 'us' was its version of **2024-01-10** (language en, "
            "fingerprint `") in readme
    assert (f"made by the release effective 2024-01-10; a later release is scheduled to change this region's text "
            f"on {soon}.") in readme
    assert run(root, "evidence", "--verify", str(tmp_path / "p.zip")).exit_code == 0


@pytest.mark.parametrize("edit, problem", [
    (lambda manifest: manifest.replace(b"regions:", b"timestamped: 5\nregions:"),
     "releases/2023-06-30/manifest.yml: not a readable manifest (files, regions or timestamped in another form)"),
    (lambda manifest: manifest.replace(b"\nregions:", b"\nregions: 5\nregions_before:"),
     "releases/2023-06-30/manifest.yml: not a readable manifest (files, regions or timestamped in another form)"),
    (lambda manifest: manifest.replace(b"\nfiles:\n", b"\nfiles: [a, b]\nfiles_before:\n"),
     "releases/2023-06-30/manifest.yml: not a readable manifest (files, regions or timestamped in another form)"),
])
def test_a_manifest_of_another_shape_is_one_line_not_a_crash(example_bundle, tmp_path, edit, problem):
    bundle = tmp_path / "odd.zip"
    shutil.copy(example_bundle, bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("releases/2023-06-30/manifest.yml")
    forge(example_bundle, bundle, lambda files, index: files.update(
        {"releases/2023-06-30/manifest.yml": edit(manifest)}))
    refused_in_one_line(bundle, problem)


def test_a_pdf_entry_that_is_no_file_name_is_one_line_not_a_crash(example_bundle, tmp_path):
    bundle = tmp_path / "odd.zip"
    shutil.copy(example_bundle, bundle)
    with zipfile.ZipFile(bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
    index["pdf"] = ["a", "b"]
    rewrite(bundle, "bundle.json", json.dumps(index).encode("utf-8"))
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1, result.output
    assert f"{bundle}: bundle.json: pdf is not a file name; do not rely on this bundle" in result.output.splitlines()


# -- every claim signed (sign43) ----------------------------------------------------------------

def ssh_key(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name.split("@")[0]
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True)
    return key, " ".join(key.with_suffix(".pub").read_text().split()[:2])


@pytest.fixture(scope="module")
def signed_bundles(tmp_path_factory) -> dict[str, Path]:
    """A small project whose releases and bundles legal@example.com signs: the bundles of its us and
    br texts (with their PDFs), the key, a stranger's key and the project."""
    from privacykit.testing.plugin import write_project

    folder = tmp_path_factory.mktemp("signed")
    key, public = ssh_key(folder, "legal@example.com")
    stranger, _ = ssh_key(folder, "mallory@example.com")
    root = write_project(folder / "project", {
        "versions/allowed_signers": f'legal@example.com namespaces="privacykit-release,privacykit-evidence" {public}\n'})
    assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(key)).exit_code == 0
    (root / "statements/web/sections/cookies.md").write_text("---\ntitle: Cookies\nowner: legal\n---\nWe count.\n")
    assert run(root, "release", "web", "--effective", "2024-06-01", "--sign-key", str(key)).exit_code == 0
    made = {"root": root, "key": key, "stranger": stranger}
    for region in ("us", "br"):
        made[region] = folder / f"{region}.zip"
        result = run(root, "evidence", "web", "--region", region, "--at", "2024-02-01", "-o", str(made[region]),
                     "--sign-key", str(key))
        assert result.exit_code == 0, result.output
        assert "files, signed by legal@example.com; see its README.md)" in result.output
    return made


def test_a_signed_bundle_signs_every_claim_and_rechecks_with_openssh(signed_bundles, tmp_path):
    with zipfile.ZipFile(signed_bundles["us"]) as archive:
        index = json.loads(archive.read("bundle.json"))
        assert archive.read("bundle.json.sig").startswith(b"-----BEGIN SSH SIGNATURE-----")
    assert (index["format"], index["signer"]) == (5, "legal@example.com")
    assert "bundle.json.sig" not in index["files"] and "README.md" in index["files"]
    verified = recheck_elsewhere(signed_bundles["us"], tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert 'Good "privacykit-evidence" signature for legal@example.com' in verified.tools_output
    lines = verified.stdout.splitlines()
    assert lines[0].startswith("ok: bundle.json: signed by legal@example.com SHA256:")
    # (its notes are the PDF's text check and the dates, evidence44: none says that something is unsigned)
    assert lines[-1] == "bundle.zip: the bundle verifies" and not any(
        line.startswith("note:") and "not signed" in line for line in lines)


def edited_index(**changes):
    def change(files, index, *_):
        index.update(changes)
        files["bundle.json"] = json.dumps(index, indent=2).encode()
    return change


def swap(name: str, data: bytes | None):
    def change(files, index, *_):
        if data is None:
            files.pop(name)
        else:
            files[name] = data
    return change


def stranger_signature(made):
    with zipfile.ZipFile(made["us"]) as archive:
        data = archive.read("bundle.json")
    return subprocess.run(["ssh-keygen", "-Y", "sign", "-q", "-f", str(made["stranger"]), "-n",
                           "privacykit-evidence"], input=data, capture_output=True, check=True).stdout


def other_signature(made):
    with zipfile.ZipFile(made["br"]) as archive:
        return archive.read("bundle.json.sig")


def replace_in(name: str, old: bytes, new: bytes):
    def change(files, index, *_):
        assert old in files[name]
        files[name] = files[name].replace(old, new, 1)
    return change


NOT_SIGNED = "bundle.json.sig: signature does not match bundle.json ("


@pytest.mark.parametrize("change, problem", [
    # Every field of bundle.json: the signature covers them all.
    *[(edited_index(**{key: value}), NOT_SIGNED) for key, value in (
        ("statement", "shop"), ("region", "br"), ("date", "2024-03-01"), ("made", "2024-02-02"),
        ("in_force", "2024-06-01"), ("superseded_on", None), ("text", "text/web-br-2024-01-10.md"), ("pdf", None),
        ("text_sha256", "0" * 64), ("chain", ["2024-01-10"]), ("head", "0" * 64), ("signer", "mallory@example.com"),
        ("note", "Approved by counsel."), ("format", 2), ("fingerprint", "0" * 64), ("language", "fr"))],
    (replace_in("README.md", b"was its version", b"was not"),
     "README.md: sha256 differs from bundle.json (the file was changed)"),
    (replace_in("releases/2024-01-10/manifest.yml", b"summary: ", b"summary: Edited. "),
     "releases/2024-01-10/manifest.yml: sha256 differs from bundle.json (the file was changed)"),
    (swap("releases/2024-01-10/notes.md", b"Nothing changed.\n"),
     "releases/2024-01-10/notes.md: sha256 differs from bundle.json (the file was changed)"),
    (replace_in("text/web-us-2024-01-10.pdf", b"%%EOF", b"%%EOF\n% edited"),
     "text/web-us-2024-01-10.pdf: sha256 differs from bundle.json (the file was changed)"),
    (swap("bundle.json.sig", None), "bundle.json.sig: missing, though bundle.json records that legal@example.com "
                                    "signed it"),
    (lambda files, index, made: files.update({"bundle.json.sig": other_signature(made)}), NOT_SIGNED),
    (lambda files, index, made: files.update({"bundle.json.sig": stranger_signature(made)}),
     "bundle.json.sig: signed by a key that is not in the allowed signers"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_any_change_to_a_signed_bundle_is_one_line(signed_bundles, tmp_path, change, problem):
    """Tampered for real: each file of the bundle, each field, the signature removed or swapped."""
    with zipfile.ZipFile(signed_bundles["us"]) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    change(files, json.loads(files["bundle.json"]), signed_bundles)
    bundle = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    refused_in_one_line(bundle, problem)


@pytest.mark.parametrize("change, problem", [
    # bundle.json unsigned, every hash made to match: each claim is recomputed from the signed manifests.
    (edited_index(statement="website"), "bundle.json: statement 'website', but release 2023-06-30 is of statement "
                                        "'products'"),
    (edited_index(region="br"), "bundle.json: text 'text/products-us-2023-06-30.md', but the text of region 'br' in "
                                "release 2023-06-30 is text/products-br-2023-06-30.md"),
    (edited_index(made="2999-01-01"), "bundle.json: made 2999-01-01, a day that has not come yet"),
    (edited_index(in_force="2024-05-01"), "bundle.json: chain starts at 2023-06-30, not at in_force 2024-05-01 or "
                                          "the release before it"),
    (edited_index(in_force="2024-03-05"), "bundle.json: text 'text/products-us-2023-06-30.md', but the text of "
                                          "region 'us' in release 2024-03-05 is text/products-us-2024-03-05.md"),
    (edited_index(text="text/products-us-2024-03-05.md"), "bundle.json: text 'text/products-us-2024-03-05.md', but"),
    (edited_index(pdf="text/products-us-2023-06-30.pdf"), "text/products-us-2023-06-30.pdf: missing from the bundle "
                                                          "(bundle.json names it as its pdf)"),
    (edited_index(pdf="text/products-br-2023-06-30.pdf"), "bundle.json: pdf 'text/products-br-2023-06-30.pdf', but "
                                                          "the PDF of region 'us' in release 2023-06-30 is"),
    (edited_index(text_sha256="0" * 64), f"bundle.json: text_sha256 {'0' * 64} is not the text's sha256"),
    (edited_index(chain=["2023-06-30", "2024-05-01", "2024-03-05"]),
     "releases/2024-05-01/manifest.yml: does not follow release 2023-06-30 (the chain is broken)"),
    (edited_index(head="0" * 64), f"bundle.json: head {'0' * 64} is not the latest manifest's sha256"),
    (edited_index(signer="legal@privacy.example.com"), "bundle.json.sig: missing, though bundle.json records that "
                                                       "legal@privacy.example.com signed it"),
    (edited_index(note="Approved by counsel."), "bundle.json: unknown field 'note' (format 5 has no such field)"),
    (edited_index(format=1), "bundle.json: format 1 (this privacykit reads formats 2, 3, 4, 5;"),
    (replace_in("README.md", b"the frozen record of what readers saw", b"approved by counsel"),
     "README.md: line 5 differs from what bundle.json and the release records say"),
    (replace_in("README.md", b"compare its key", b"trust its key"), "README.md: line "),
    (replace_in("releases/2023-06-30/manifest.yml", b"summary: ", b"summary: Edited. "),
     "releases/2023-06-30/manifest.yml.sig: signature does not match the manifest ("),
    (replace_in("releases/2023-06-30/notes.md", b"", b"Edited. "),
     "releases/2023-06-30/notes.md: sha256 differs from the manifest (the file was changed)"),
    (swap("releases/2024-03-05/manifest.yml.sig", None),
     "releases/2024-03-05/manifest.yml: not signed, though trust/allowed_signers lists who signs releases"),
    (swap("releases/2023-06-30/evil.md", b"We sell all your data.\n"),
     "releases/2023-06-30/evil.md: not part of the evidence (added to the bundle)"),
    (swap("releases/2023-06-30/SHA256SUMS", b""), "releases/2023-06-30/SHA256SUMS: differs from the manifest's"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_careful_forgery_of_an_unsigned_bundle_is_one_line(example_bundle, tmp_path, change, problem):
    bundle = tmp_path / "forged.zip"
    forge(example_bundle, bundle, change)
    refused_in_one_line(bundle, problem)


# A bundle privacykit made at 0de1260 (format 3), before bundles spoke of a region's versions: the example's us text
# on 2024-04-01, which it says release 2024-05-01 superseded (that release changed only br and cn).
FORMAT_3 = REPO / "tests/bundles/format3-website-us-2024-04-01.zip"


def test_a_format_3_bundle_made_before_region_versions_still_verifies(tmp_path):
    result = run(REPO, "evidence", "--verify", str(FORMAT_3))
    assert result.exit_code == 0, result.output
    assert "ok: date: the release records show release 2024-03-05 in force in region 'us' from 2024-03-05 until " \
           "2024-05-01, so on 2024-04-01" in result.output
    assert "note: this format-3 bundle names the next release that covers region 'us' (2024-05-01) as superseding " \
           "release 2024-03-05, whether or not it changed the region's text: make the bundle again for the " \
           "region's versions (format 4)" in result.output
    assert result.output.endswith(f"{FORMAT_3}: the bundle verifies (its bundle.json is not signed)\n")
    # Its checks still hold: a region text changed (and re-listed in bundle.json) is one line.
    forged = tmp_path / "forged.zip"
    forge(FORMAT_3, forged, lambda files, index: files.update(
        {"releases/2024-03-05/regions/us.md": b"We sell all your data.\n"}))
    refused_in_one_line(forged, "releases/2024-03-05/regions/us.md: sha256 differs from the manifest (the file was "
                                "changed)")


def test_a_format_2_bundle_still_verifies_and_says_it_is_unsigned(tmp_path):
    old = tmp_path / "format2.zip"
    forge(FORMAT_3, old, lambda files, index: (index.update(format=2), index.pop("signer")))
    result = run(REPO, "evidence", "--verify", str(old))
    assert result.exit_code == 0, result.output
    assert "note: bundle.json is not signed (this format-2 bundle was made before bundles were signed; only its " \
           "README's answer was compared)" in result.output
    assert result.output.endswith(f"{old}: the bundle verifies (its bundle.json is not signed)\n")


def test_the_release_key_in_the_environment_signs_the_bundle(signed_bundles, tmp_path, monkeypatch):
    monkeypatch.setenv("PRIVACYKIT_SIGNING_KEY", str(signed_bundles["key"]))
    result = run(signed_bundles["root"], "evidence", "web", "--region", "us", "-o", str(tmp_path / "b.zip"),
                 "--no-pdf")
    assert result.exit_code == 0 and "signed by legal@example.com" in result.output, result.output
    assert run(REPO, "evidence", "--verify", str(tmp_path / "b.zip")).output.endswith(": the bundle verifies\n")


def test_a_key_that_cannot_sign_a_bundle_is_one_line_before_anything_is_made(signed_bundles, tmp_path):
    root, target = signed_bundles["root"], tmp_path / "b.zip"
    result = run(root, "evidence", "web", "--region", "us", "-o", str(target), "--sign-key",
                 str(signed_bundles["stranger"]))
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert result.output.startswith(f"{signed_bundles['stranger']}: cannot sign with this key: signed by a key "
                                    "that is not in the allowed signers; ")
    # A key allowed to sign releases only (its line lists no privacykit-evidence namespace).
    project = tmp_path / "project"
    shutil.copytree(root, project)
    signers = project / "versions/allowed_signers"
    signers.write_text(signers.read_text().replace(",privacykit-evidence", ""))
    result = run(project, "evidence", "web", "--region", "us", "-o", str(target), "--sign-key",
                 str(signed_bundles["key"]))
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "cannot sign with this key: legal@example.com's key may not sign in namespace privacykit-evidence" \
        in result.output
    signers.unlink()                   # nobody could check a signature: refused
    result = run(project, "evidence", "web", "--region", "us", "-o", str(target), "--sign-key",
                 str(signed_bundles["key"]))
    assert result.output.startswith("--sign-key: this project lists no signers (versions/allowed_signers is "
                                    "missing)")
    assert not target.exists()


def test_a_bundle_is_trusted_only_by_a_pin_kept_outside_it(signed_bundles, tmp_path):
    # The bundle's trust/allowed_signers is whatever the repository held: a pin names who is trusted (sec43).
    legal, mallory = tmp_path / "legal", tmp_path / "mallory"
    legal.write_text(f"legal@example.com {signed_bundles['key'].with_suffix('.pub').read_text()}")
    mallory.write_text(f"legal@example.com {signed_bundles['stranger'].with_suffix('.pub').read_text()}")
    trusted = run(REPO, "evidence", "--verify", str(signed_bundles["us"]), "--trusted-signers", str(legal))
    assert trusted.exit_code == 0, trusted.output
    assert f"note: every signature is by a key the trusted signers {legal} name" in trusted.output
    refused = run(REPO, "evidence", "--verify", str(signed_bundles["us"]), "--trusted-signers", str(mallory))
    assert refused.exit_code == 1
    assert f"{signed_bundles['us']}: releases/2024-01-10/manifest.yml.sig: signed by legal@example.com SHA256:" \
        in refused.output
    assert f"a key the trusted signers {mallory} do not name" in refused.output


def hand_made_pdf(*lines: str) -> bytes:
    """A one-page PDF showing `lines` (what a forger makes with any tool)."""
    text = "".join(f"({line}) Tj 0 -14 Td " for line in lines)
    stream = f"BT /F1 10 Tf 40 800 Td {text}ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_a_hand_made_pdf_with_the_manifest_digest_is_refused_by_its_text(signed_bundles, tmp_path):
    # evidence44: naming the release's manifest is not enough; the PDF must show the frozen text.
    result = run(REPO, "evidence", "--verify", str(signed_bundles["us"]))
    assert result.exit_code == 0, result.output
    fingerprint = json.loads(zipfile.ZipFile(signed_bundles["us"]).read("bundle.json"))["fingerprint"]
    assert "note: text/web-us-2024-01-10.pdf: its text is the frozen text text/web-us-2024-01-10.md of the version " \
           f"2024-01-10 (fingerprint {fingerprint}), word for word but for line breaks and hyphenation" in result.output

    def unsigned_with_a_pdf_of_our_own(files, index):
        import hashlib

        files.pop("bundle.json.sig")
        index["signer"] = None
        digest = hashlib.sha256(files["releases/2024-01-10/manifest.yml"]).hexdigest()
        files[index["pdf"]] = hand_made_pdf("Example Privacy Statement", "We sell your name and e-mail address.",
                                            "Nothing else.", f"Release manifest sha256:{digest}")

    forged = tmp_path / "forged.zip"
    forge(signed_bundles["us"], forged, unsigned_with_a_pdf_of_our_own)
    refused_in_one_line(forged, "text/web-us-2024-01-10.pdf: its text is not the frozen text of region 'us' (")


def test_a_bundle_holds_the_withdrawals_the_next_notices_and_who_decided(statement_project, tmp_path, monkeypatch):
    # evidence44: what an investigation needs besides the text, each checked against the release records.
    root = statement_project()
    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    cookies = root / "statements/web/sections/cookies.md"
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    cookies.write_text("---\ntitle: Cookies\nowner: legal\n---\nWe count visits.\n")
    assert run(root, "release", "web", "--effective", "2024-02-15").exit_code == 0
    result = run(root, "release", "web", "--withdraw", "2024-02-15", "--reason", "the wording was wrong", "--by", "Ana (DPO)")
    assert result.exit_code == 0, result.output
    cookies.write_text("---\ntitle: Cookies\nowner: legal\n---\nWe use cookies to measure visits and to advertise."
                       "\n")
    check = run(root, "check", "--against", "in-force")
    changes = re.findall(r"unacknowledged \w+ change '([^']+)'", check.output)
    assert changes, check.output
    entries = "".join(f"  - change: {c}\n    decision: notify\n    reason: Reviewed.\n    by: Ana (DPO)\n" for c in changes)
    (root / "statements/web/release-notes.md").write_text(f"---\nsummary: S\nacknowledge:\n{entries}---\nNotes.\n")
    result = run(root, "release", "web", "--effective", "2024-03-01", "--force-notice", "test")
    assert result.exit_code == 0, result.output
    assert "by: Ana (DPO)" in (root / "versions/web/2024-03-01/manifest.yml").read_text()
    before, after = tmp_path / "before.zip", tmp_path / "after.zip"
    for day, bundle in (("2024-02-01", before), ("2024-03-05", after)):
        result = run(root, "evidence", "web", "--region", "us", "--at", day, "-o", str(bundle), "--no-pdf")
        assert result.exit_code == 0, result.output
    with zipfile.ZipFile(before) as archive:
        names = archive.namelist()
    assert "withdrawn/2024-02-15/manifest.yml" in names
    notices = [n for n in names if n.startswith("releases/2024-03-01/notices/us.")]
    assert notices
    result = run(root, "evidence", "--verify", str(before))
    assert result.exit_code == 0, result.output
    assert "ok: withdrawal: release 2024-02-15 was withdrawn on 2024-01-05 by Ana (DPO), before it took effect: " \
           "the wording was wrong (withdrawn/2024-02-15/manifest.yml, recorded by release 2024-03-01)" in result.output
    assert "ok: notices: the notices prepared for release 2024-03-01 in region 'us' (releases/2024-03-01/notices/us." \
        in result.output
    result = run(root, "evidence", "--verify", str(after))
    assert result.exit_code == 0, result.output
    assert "ok: decisions of release 2024-03-01 in region 'us': " in result.output
    assert ": notify by Ana (DPO) (Reviewed.)" in result.output
    # Each is checked: a withdrawal or a notice changed (and re-listed in bundle.json) is one line.
    edited = tmp_path / "edited.zip"
    forge(before, edited, lambda files, index: files.update({"withdrawn/2024-02-15/manifest.yml": files[
        "withdrawn/2024-02-15/manifest.yml"].replace(b"the wording was wrong", b"a typo")}))
    refused_in_one_line(edited, "withdrawn/2024-02-15/manifest.yml: differs from the sha256 release 2024-03-01 "
                                "recorded (the withdrawal was changed)")
    forge(before, edited, lambda files, index: files.update({notices[0]: b"We told nobody.\n"}))
    refused_in_one_line(edited, f"{notices[0]}: sha256 differs from the manifest of release 2024-03-01")


@pytest.mark.parametrize("attestation, trust", [("manifest.yml.sig", "trust/allowed_signers"),
                                                ("manifest.yml.tsr", "trust/tsa.pem")])
def test_a_withdrawal_is_checked_as_a_release_is(statement_project, tmp_path, monkeypatch, attestation, trust):
    # mend1: a withdrawal's signature or token the bundle has no trust file for was passed in silence, where a
    # release's is refused. Both are now checked by one rule (`_attest`): the same refusal, in one line.
    root = statement_project()
    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    (root / "statements/web/sections/cookies.md").write_text("---\ntitle: Cookies\nowner: legal\n---\nWe count.\n")
    assert run(root, "release", "web", "--effective", "2024-02-15").exit_code == 0
    result = run(root, "release", "web", "--withdraw", "2024-02-15", "--reason", "the wording was wrong", "--by", "Ana")
    assert result.exit_code == 0, result.output
    bundle = tmp_path / "web.zip"
    result = run(root, "evidence", "web", "--region", "us", "--at", "2024-01-20", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 0 and "ok: withdrawal: release 2024-02-15 was withdrawn on 2024-01-05 by Ana" \
        in result.output, result.output
    with zipfile.ZipFile(bundle) as archive:
        assert trust not in archive.namelist()          # the project lists no signers and no authority
    for base in ("releases/2024-01-10", "withdrawn/2024-02-15"):
        forged = tmp_path / "forged.zip"
        forge(bundle, forged, lambda files, index, base=base: files.update({f"{base}/{attestation}": b"attested\n"}))
        refused_in_one_line(forged, f"{base}/{attestation}: cannot be checked: {trust} is missing")

# -- a region's versions, not its releases (bundle45) ---------------------------------------------------------------

def test_a_date_after_a_release_that_left_the_region_as_it_was_is_answered_with_the_version(tmp_path):
    """The example's 2024-05-01 release changed only br and cn: on 2024-06-01 the us text in force is the version
    of 2024-03-05, still in force, though release 2024-05-01 was the release in force that day."""
    from privacykit.versions.regional import Published
    from privacykit.versions.store import VersionStore

    bundle = tmp_path / "us.zip"
    result = run(REPO, "evidence", "website", "--region", "us", "--at", "2024-06-01", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    store = VersionStore(REPO)
    old, version, later = (store.get("website", day) for day in ("2023-06-30", "2024-03-05", "2024-05-01"))
    fingerprint = Published.of(store.document(version, "us")).fingerprint
    assert Published.of(store.document(later, "us")).fingerprint == fingerprint      # left as it was
    assert Published.of(store.document(old, "us")).fingerprint != fingerprint
    assert result.output.startswith(f"wrote {bundle}: website in us on 2024-06-01 was its version of 2024-03-05 "
                                    f"(fingerprint {fingerprint[:12]}…, still in force;")
    with zipfile.ZipFile(bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
        readme = archive.read("README.md").decode()
        names = set(archive.namelist())
    assert (index["format"], index["in_force"], index["superseded_on"], index["fingerprint"], index["language"]) == \
        (5, "2024-03-05", None, fingerprint, "en-US")
    assert index["chain"] == ["2023-06-30", "2024-03-05", "2024-05-01"]
    assert {"releases/2023-06-30/regions/us.md", "releases/2024-05-01/regions/us.json"} <= names
    assert readme.splitlines()[2] == (
        f"On 2024-06-01 the text in force in region 'us' was its version of **2024-03-05** (language en-US, "
        f"fingerprint `{fingerprint}`), made by the release effective 2024-03-05; still in force: no later release "
        "had changed this region's text when this bundle was made.")
    verified = recheck_elsewhere(bundle, tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert (f"ok: versions: the version 2024-03-05 of region 'us' (language en-US, fingerprint {fingerprint}) was "
            "made by release 2024-03-05; release 2024-05-01 left its text as it was; no later release changed it") \
        in verified.stdout.splitlines()
    # The example's manifests predate per-region fingerprints: the answer says it rests on recomputation.
    assert "ok: fingerprints: recomputed from the frozen text of releases 2023-06-30, 2024-03-05, 2024-05-01, which " \
           "match the sha256 their manifests list" in verified.stdout
    # The same day in br, whose text that release did change.
    result = run(REPO, "evidence", "website", "--region", "br", "--at", "2024-06-01", "-o", str(tmp_path / "br.zip"),
                 "--no-pdf")
    assert "was its version of 2024-05-01" in result.output and "still in force" in result.output


@pytest.fixture(scope="module")
def us_between(tmp_path_factory) -> Path:
    """The example's us text on 2024-06-01 (the version of 2024-03-05, release 2024-05-01 in force)."""
    return example_bundle_of(tmp_path_factory.mktemp("between"), "website", "us", "2024-06-01")


def _without(name: str):
    return lambda files, index: files.pop(name)


@pytest.mark.parametrize("change, problem", [
    # The us text of a release that left it as it was, edited to read as a change (every hash made to match).
    (lambda files, index: files.update({"releases/2024-05-01/regions/us.md": b"We sell all your data.\n"}),
     "releases/2024-05-01/regions/us.md: sha256 differs from the manifest of release 2024-05-01 (the text of region "
     "'us' was changed)"),
    (lambda files, index: files.update({"releases/2024-05-01/regions/us.json": files[
        "releases/2024-05-01/regions/us.json"].replace(b"Lenovo", b"Nobody", 1)}),
     "releases/2024-05-01/regions/us.json: sha256 differs from the manifest of release 2024-05-01 (the text of "
     "region 'us' was changed)"),
    # What the old manifests do not record is recomputed from the text: without the text, no answer.
    (_without("releases/2024-05-01/regions/us.json"),
     "releases/2024-05-01/regions/us.json: missing from the bundle (the manifest of release 2024-05-01 records no "
     "fingerprint of region 'us', so it is recomputed from the frozen text)"),
    (lambda files, index: index.update(superseded_on="2024-05-01"),
     'bundle.json: superseded_on "2024-05-01", but the release records show no later release in the bundle changed '
     "its text"),
    (lambda files, index: index.update(fingerprint="0" * 64),
     f"bundle.json: fingerprint '{'0' * 64}' is not the fingerprint of the version 2024-03-05 of region 'us' ("),
    (lambda files, index: index.update(language="fr"),
     "bundle.json: language 'fr' is not the language of the version 2024-03-05 of region 'us' (en-US)"),
    (lambda files, index: index.update(chain=index["chain"][1:]),
     "bundle.json: chain starts at 2024-03-05, without release 2023-06-30 before it, so nothing shows that release "
     "2024-03-05 changed the text of region 'us'"),
], ids=["text", "document", "missing", "superseded", "fingerprint", "language", "no-before"])
def test_a_tampered_region_text_or_version_claim_is_one_line(us_between, tmp_path, change, problem):
    forged = tmp_path / "forged.zip"
    forge(us_between, forged, change)
    refused_in_one_line(forged, problem)


def test_the_release_that_left_the_text_is_no_version_in_force(us_between, tmp_path):
    """Claiming the release in force that day (2024-05-01) made the us text is refused by the records."""
    def claim_release(files, index):
        index.update(in_force="2024-05-01", chain=["2024-03-05", "2024-05-01"], text="text/website-us-2024-05-01.md",
                     pdf=None)
        files["text/website-us-2024-05-01.md"] = files.pop("text/website-us-2024-03-05.md")
        for name in [n for n in files if n.startswith(("releases/2023-06-30/", "releases/2024-03-05/"))]:
            if not name.endswith(("manifest.yml", "manifest.yml.sig")) or name.startswith("releases/2023-06-30/"):
                files.pop(name)
        store = REPO / "versions/website/2024-05-01"
        for path in store.rglob("*"):
            if path.is_file() and path.name not in ("manifest.yml", "manifest.yml.sig"):
                files[f"releases/2024-05-01/{path.relative_to(store).as_posix()}"] = path.read_bytes()
        files["releases/2024-03-05/regions/us.md"] = (REPO / "versions/website/2024-03-05/regions/us.md").read_bytes()
        files["releases/2024-03-05/regions/us.json"] = \
            (REPO / "versions/website/2024-03-05/regions/us.json").read_bytes()
        files.pop("releases/2024-03-05/SHA256SUMS", None)
    forged = tmp_path / "forged.zip"
    forge(us_between, forged, claim_release)
    refused_in_one_line(forged, "bundle.json: in_force 2024-05-01, but release 2024-05-01 left the text of region "
                                "'us' as release 2024-03-05 published it (it is no version of the region)")


def test_a_release_that_changed_only_one_region_records_each_regions_fingerprint(statement_project, tmp_path):
    """New manifests record what each region published (`texts`); a release that changed only br is a version
    there alone, and the bundle's answer rests on the manifests' records, checked against the text."""
    import hashlib

    from privacykit.versions.regional import Published
    from privacykit.versions.store import VersionStore

    root = statement_project()
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    (root / "statements/web/sections/cookies.br.md").write_text("---\ntitle: Cookies\nowner: legal\n---\nContamos "
                                                                "as visitas.\n")
    soon = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    result = run(root, "release", "web", "--effective", soon)
    assert result.exit_code == 0, result.output
    store = VersionStore(root)
    first, second = store.versions("web")
    for release in (first, second):
        assert set(release.texts) == set(release.regions) == {"global", "us", "br"}
        for region in release.regions:     # what the manifest records is what its frozen text publishes
            assert Published.from_manifest(release.texts[region]) == Published.of(store.document(release, region))
    assert second.texts["us"] == first.texts["us"] and second.texts["br"] != first.texts["br"]
    assert "texts:\n  global:\n    language: " in (root / f"versions/web/{soon}/manifest.yml").read_text()
    later = (dt.date.today() + dt.timedelta(days=50)).isoformat()
    for region, version, left in (("us", "2024-01-10", f"; release {soon} left its text as it was"),
                                  ("br", soon, "")):
        bundle = tmp_path / f"{region}.zip"
        result = run(root, "evidence", "web", "--region", region, "--at", later, "-o", str(bundle), "--no-pdf")
        assert result.exit_code == 0, result.output
        assert f"is scheduled to be its version of {version} " in result.output
        # final45a: a version scheduled after today is not "still in force"
        assert "…, no later release changes it;" in result.output and "still in force" not in result.output
        verified = run(root, "evidence", "--verify", str(bundle))
        assert verified.exit_code == 0, verified.output
        fingerprint = store.versions("web")[0 if region == "us" else 1].texts[region]["fingerprint"]
        assert (f"ok: versions: the version {version} of region '{region}' (language "
                f"{store.versions('web')[0].texts[region]['language']}, fingerprint {fingerprint}) was made by "
                f"release {version}{left}; no later release changed it") in verified.output.splitlines()
        assert f"ok: fingerprints: as the manifests of releases 2024-01-10, {soon} record them" in verified.output \
            or f"ok: fingerprints: as the manifest of release {soon} records them" in verified.output
        assert "ok: fingerprints: recomputed" not in verified.output
    # A manifest whose fingerprint is not its text's (the head edited, the bundle's hashes made to match: the
    # releases are unsigned) is refused in one line.
    def edit_head(files, index):
        name = f"releases/{soon}/manifest.yml"
        recorded = first.texts["br"]["fingerprint"].encode()
        files[name] = files[name].replace(second.texts["br"]["fingerprint"].encode(), recorded)
        index["head"] = hashlib.sha256(files[name]).hexdigest()
    forged = tmp_path / "forged.zip"
    forge(tmp_path / "br.zip", forged, edit_head)
    refused_in_one_line(forged, f"releases/{soon}/regions/br.json: the fingerprint of its text "
                                f"({second.texts['br']['fingerprint']}) is not the one the manifest of release {soon} "
                                f"records ({first.texts['br']['fingerprint']})")
    # `privacykit verify` names a manifest whose texts are not its frozen text's.
    manifest = root / f"versions/web/{soon}/manifest.yml"
    manifest.write_text(manifest.read_text().replace(second.texts["br"]["fingerprint"],
                                                     first.texts["br"]["fingerprint"]))
    result = run(root, "verify")
    assert result.exit_code == 1
    assert f"versions/web/{soon}/manifest.yml: texts: what it records of region 'br' is not what regions/br.json " \
           "publishes" in result.output


def test_a_region_text_left_out_of_a_bundle_of_unrecorded_releases_is_refused(example_bundle, tmp_path):
    """final45a: the example's manifests were made before they recorded each region's fingerprint (`texts`), so
    `--verify` recomputes what release 2024-03-05 published in 'us' from its frozen text; a bundle without it
    (hashes made to match) is refused in one line, naming the file and why it is needed."""
    with zipfile.ZipFile(example_bundle) as archive:
        held = archive.namelist()
    assert "releases/2024-03-05/regions/us.json" in held and "releases/2024-03-05/regions/us.md" in held
    bundle = tmp_path / "without.zip"
    forge(example_bundle, bundle, lambda files, index: files.pop("releases/2024-03-05/regions/us.json"))
    refused_in_one_line(bundle, "releases/2024-03-05/regions/us.json: missing from the bundle (the manifest of "
                                "release 2024-03-05 records no fingerprint of region 'us', so it is recomputed from "
                                "the frozen text)")


def dropped_then_restored(statement_project, monkeypatch, files: dict | None = None) -> Path:
    """A project (the minimal one, with `files`) whose region br is dropped from regions.yml by release 2024-02-15
    and restored, with the same text as before, by release 2024-03-20 (every region's words unchanged)."""
    root = statement_project(files)
    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    regions = root / "statements/regions.yml"
    full = regions.read_text()
    regions.write_text(full[:full.index("  br:")])
    for day in ("2024-02-15", "2024-03-20"):
        result = run(root, "release", "web", "--effective", day)
        assert result.exit_code == 0, result.output
        regions.write_text(full)
    from privacykit.versions.store import VersionStore

    assert [v.regions for v in VersionStore(root).versions("web")] == [("global", "us", "br"), ("global", "us"),
                                                                       ("global", "us", "br")]
    return root


def test_a_region_dropped_then_restored_is_answered_with_the_gap(statement_project, tmp_path, monkeypatch):
    # mend1: the release that left br out did not end br's version, so on 2024-02-20 and 2024-03-25 br was said
    # to read its 2024-01-10 text "still in force", and --verify agreed (it passed over the release without br).
    # Now a release that leaves a region out ends its version there, for the site, `evidence` and `--verify`.
    from privacykit.versions.regional import versions_in
    from privacykit.versions.store import VersionStore

    root = dropped_then_restored(statement_project, monkeypatch)
    assert [v.id for v in versions_in(VersionStore(root), "web", "br")] == ["2024-01-10", "2024-03-20"]
    assert [v.id for v in versions_in(VersionStore(root), "web", "us")] == ["2024-01-10"]
    result = run(root, "evidence", "web", "--region", "br", "--at", "2024-02-20", "-o", str(tmp_path / "gap.zip"))
    assert result.exit_code == 1 and not (tmp_path / "gap.zip").exists()
    assert result.output == ("--at: no text of 'web' was in force in region 'br' on 2024-02-20: release 2024-02-15 "
                             "left the region out; ask for a date before 2024-02-15, or from 2024-03-20, when its "
                             "version of 2024-03-20 published it again\n")
    answers = {}
    for day in ("2024-01-20", "2024-03-25"):
        bundle = tmp_path / f"br-{day}.zip"
        result = run(root, "evidence", "web", "--region", "br", "--at", day, "-o", str(bundle), "--no-pdf")
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(bundle) as archive:
            index = json.loads(archive.read("bundle.json"))
        answers[day] = (index["in_force"], index["superseded_on"], index["chain"])
        verified = run(REPO, "evidence", "--verify", str(bundle))
        assert verified.exit_code == 0, verified.output
        answers[day] += (next(line for line in verified.output.splitlines() if line.startswith("ok: versions: ")),)
    assert answers["2024-01-20"][:3] == ("2024-01-10", "2024-02-15", ["2024-01-10", "2024-02-15", "2024-03-20"])
    assert answers["2024-01-20"][3].endswith("was made by release 2024-01-10; release 2024-02-15 left the region out")
    assert answers["2024-03-25"][:3] == ("2024-03-20", None, ["2024-02-15", "2024-03-20"])
    assert answers["2024-03-25"][3].endswith("was made by release 2024-03-20; no later release changed it")
    # What privacykit answered before (2024-01-10 still in force in br on 2024-03-25) is refused by the records.
    old = tmp_path / "old.zip"
    forge(tmp_path / "br-2024-01-20.zip", old, lambda files, index: index.update(date="2024-03-25",
                                                                                  superseded_on=None))
    refused_in_one_line(old, "bundle.json: claims release 2024-01-10 on 2024-03-25, but the release records show "
                             "release 2024-02-15 left out region 'br' on 2024-02-15")


# -- the notices recorded as sent (format 5) ------------------------------------------------------------------------

def example_with_notices_sent(folder: Path) -> Path:
    """A copy of the example whose notices of the website's 2024-03-05 release (30 days' notice in us and eu) are
    recorded as sent: us and eu by email on 2024-02-01 by Ana Lima, us in the app two days late."""
    from click.testing import CliRunner

    from privacykit.cli import cli

    work = folder / "example"
    for name in ("statements", "versions", "templates"):
        shutil.copytree(REPO / name, work / name)
    for args in (("--region", "us", "--region", "eu", "--channel", "email", "--on", "2024-02-01", "--by", "Ana Lima"),
                 ("--region", "us", "--channel", "in-app", "--on", "2024-03-07", "--late")):
        result = CliRunner().invoke(cli, ["notices", "sent", "--root", str(work), "website", "2024-03-05", *args])
        assert result.exit_code == 0, result.output
    return work


@pytest.fixture(scope="module")
def sent_bundle(tmp_path_factory) -> Path:
    """The bundle of the example's us text on 2024-04-01 (its version of 2024-03-05), notices recorded as sent."""
    folder = tmp_path_factory.mktemp("sent")
    bundle = folder / "us.zip"
    result = run(example_with_notices_sent(folder), "evidence", "website", "--region", "us", "--at", "2024-04-01",
                 "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    return bundle


EMAILED = ("notice of the 2024-03-05 release sent by email on 2024-02-01, by Ana Lima (33 days before it took "
           "effect; its rules asked 30)")
LATE = ("notice of the 2024-03-05 release sent in the app on 2024-03-07 (recorded as late), by someone not recorded "
        "(2 days after it took effect)")


def test_a_bundle_holds_the_notices_recorded_as_sent_to_its_region(sent_bundle, tmp_path):
    import hashlib

    from privacykit.load.yamlio import load_yaml

    with zipfile.ZipFile(sent_bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
        record = archive.read("notices-sent.yml")
        readme = archive.read("README.md").decode()
    # The region's entries only (eu's is left out), in the record's order, listed with their sha256.
    entries = load_yaml(record.decode(), "notices-sent.yml")["sent"]
    assert [(e["region"], e["channels"], e["sent_on"]) for e in entries] == [
        ("us", ["email"], "2024-02-01"), ("us", ["in-app"], "2024-03-07")]
    assert index["format"] == 5 and index["files"]["notices-sent.yml"] == hashlib.sha256(record).hexdigest()
    assert f"- Notices sent: {EMAILED}\n- Notices sent: {LATE}\n" in readme
    assert ("- `notices-sent.yml`: the 2 notices recorded as sent are the team's own statement (recorded with "
            "privacykit notices sent), not signed by the release key, and this bundle is not signed: they rest on the "
            "team's word;") in readme
    verified = recheck_elsewhere(sent_bundle, tmp_path)      # sha256sum checks it with every other file
    assert verified.returncode == 0, verified.stdout + verified.stderr
    lines = verified.stdout.splitlines()
    assert f"ok: notices sent: {EMAILED}" in lines and f"ok: notices sent: {LATE}" in lines
    assert any(line.startswith("note: notices-sent.yml: the 2 notices recorded as sent are the team's own statement")
               for line in lines)


def test_a_bundle_of_a_region_whose_notices_are_not_recorded_says_so(sent_bundle):
    # br's notice of 2024-03-05 was written and not recorded as sent: the bundle says so, in its README too.
    bundle = sent_bundle.parent / "br.zip"
    result = run(sent_bundle.parent / "example", "evidence", "website", "--region", "br", "--at", "2024-04-01",
                 "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(bundle) as archive:
        assert archive.read("notices-sent.yml").endswith(b"sent: []\n")
        readme = archive.read("README.md").decode()
    assert "- Notices sent: none recorded for region 'br' (release 2024-03-05 wrote notices for it)\n" in readme
    verified = run(REPO, "evidence", "--verify", str(bundle))
    assert verified.exit_code == 0, verified.output
    assert "ok: notices sent: none recorded for region 'br' (release 2024-03-05 wrote notices for it)" \
        in verified.output.splitlines()
    assert "team's own statement" not in verified.output


def _entry(number: int, **changes):
    """A forger's edit of entry `number` of the bundle's notices-sent.yml."""
    def change(files, index):
        from privacykit.load.yamlio import dump_yaml, load_yaml

        record = load_yaml(files["notices-sent.yml"].decode(), "notices-sent.yml", comments=True)
        record["sent"][number - 1].update(changes)
        files["notices-sent.yml"] = dump_yaml(record).encode()
    return change


@pytest.mark.parametrize("change, problem", [
    (_entry(1, release="2023-01-01"), "notices-sent.yml: entry 1 (notice of the 2023-01-01 release sent by email on "
                                      "2024-02-01, by Ana Lima): release 2023-01-01 is not in the bundle (its chain "
                                      "is 2023-06-30, 2024-03-05, 2024-05-01)"),
    (_entry(1, release="2024-05-01"), "notices-sent.yml: entry 1 (notice of the 2024-05-01 release sent by email on "
                                      "2024-02-01, by Ana Lima): release 2024-05-01 wrote no notice for region 'us' "
                                      "(its manifest lists none)"),
    (_entry(1, region="eu"), "notices-sent.yml: entry 1 (notice of the 2024-03-05 release sent by email on "
                             "2024-02-01, by Ana Lima): it is of region 'eu', not the bundle's 'us'"),
    (_entry(1, sent_on="2024-03-06"), "notices-sent.yml: entry 1 (notice of the 2024-03-05 release sent by email on "
                                      "2024-03-06, by Ana Lima): sent after release 2024-03-05 took effect, but not "
                                      "recorded as late"),
    (_entry(2, sent_on="2024-03-01"), "notices-sent.yml: entry 2 (notice of the 2024-03-05 release sent in the app on "
                                      "2024-03-01 (recorded as late), by someone not recorded): recorded as late, but "
                                      "sent before release 2024-03-05 took effect"),
    (_entry(1, recorded_on="2024-01-31"), "notices-sent.yml: entry 1 (notice of the 2024-03-05 release sent by email "
                                          "on 2024-02-01, by Ana Lima): recorded on 2024-01-31, before it was sent"),
    (_entry(1, recorded_on="2099-01-01"), "notices-sent.yml: entry 1 (notice of the 2024-03-05 release sent by email "
                                          "on 2024-02-01, by Ana Lima): recorded on 2099-01-01, after the bundle was "
                                          "made ("),
    (_entry(1, channels=["fax"]), "notices-sent.yml: entry 1 is not a notice sent ('fax' is not a valid Channel)"),
    (lambda files, index: files.update({"notices-sent.yml": b"sent: yes\n"}),
     "notices-sent.yml: not a record of notices sent (no 'sent:' list)"),
    (lambda files, index: files.pop("notices-sent.yml"),
     "notices-sent.yml: missing from the bundle (a bundle of format 5 holds the notices recorded as sent to its "
     "region, if only none)"),
])
def test_a_notice_sent_the_release_records_contradict_is_one_line(sent_bundle, tmp_path, change, problem):
    forged = tmp_path / "forged.zip"
    forge(sent_bundle, forged, change)
    refused_in_one_line(forged, problem)


def test_the_notices_sent_of_a_signed_bundle_are_covered_by_its_signature(tmp_path):
    work = example_with_notices_sent(tmp_path)
    key, public = ssh_key(tmp_path, "dpo@example.com")
    with (work / "versions/allowed_signers").open("a") as signers:
        signers.write(f'dpo@example.com namespaces="privacykit-evidence" {public}\n')
    bundle = tmp_path / "us.zip"
    result = run(work, "evidence", "website", "--region", "us", "--at", "2024-04-01", "-o", str(bundle), "--no-pdf",
                 "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    verified = run(REPO, "evidence", "--verify", str(bundle))
    assert verified.exit_code == 0, verified.output
    assert ("note: notices-sent.yml: the 2 notices recorded as sent are the team's own statement (recorded with "
            "privacykit notices sent), not signed by the release key; the bundle's signature by dpo@example.com SHA256:"
            ) in verified.output
    assert "covers them as they were when the bundle was made" in verified.output
    # Signed, an entry edited (and re-listed in bundle.json) breaks the signature first.
    forged = tmp_path / "forged.zip"
    forge(bundle, forged, _entry(1, sent_on="2024-01-15"))
    refused_in_one_line(forged, "bundle.json.sig: ")


FORMAT_4 = REPO / "tests/bundles/format4-website-us-2024-04-01.zip"


def test_a_format_4_bundle_made_before_notices_sent_still_verifies(tmp_path):
    # Made at 3ee429cd (format 4), before bundles held the notices recorded as sent: it verifies as it did, and
    # says nothing of notices sent; a notices-sent.yml slipped into it is not part of its evidence.
    result = run(REPO, "evidence", "--verify", str(FORMAT_4))
    assert result.exit_code == 0, result.output
    assert "notices sent" not in result.output
    assert result.output.endswith(f"{FORMAT_4}: the bundle verifies (its bundle.json is not signed)\n")
    forged = tmp_path / "forged.zip"
    forge(FORMAT_4, forged, lambda files, index: files.update({"notices-sent.yml": b"sent: []\n"}))
    refused_in_one_line(forged, "notices-sent.yml: not part of the evidence (added to the bundle)")


def test_a_record_of_notices_sent_that_cannot_be_read_makes_no_bundle(tmp_path):
    work = tmp_path / "example"
    for name in ("statements", "versions", "templates"):
        shutil.copytree(REPO / name, work / name)
    (work / "versions/website.notices-sent.yml").write_text("sent:\n  - release: '2024-03-05'\n    region: us\n")
    bundle = tmp_path / "us.zip"
    result = run(work, "evidence", "website", "--region", "us", "--at", "2024-04-01", "-o", str(bundle), "--no-pdf")
    assert (result.exit_code, result.output) == (1, "versions/website.notices-sent.yml:2: sent: entry 1 is not a "
                                                    "notice sent (no 'channels'); restore it from version control\n")
    assert not bundle.exists()
