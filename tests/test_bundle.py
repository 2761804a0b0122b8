"""Evidence bundles: what a statement said on a date, re-checked far from the repository."""

from __future__ import annotations

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
    # was released, effective 2024-05-01.
    ("2024-04-30", "2024-03-05", ["2024-03-05", "2024-05-01"]),
    ("2024-06-01", "2024-05-01", ["2024-05-01"]),
])
def test_the_example_bundle_for_brazil_holds_the_text_then_in_force(tmp_path, on, version, chain):
    work = tmp_path / "example"
    for name in ("statements", "versions", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name)
    bundle = tmp_path / "br.zip"
    result = run(work, "evidence", "website", "--region", "br", "--at", on, "-o", str(bundle))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {bundle}: website in br on {on} was the release of {version}")
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        text = archive.read(f"text/website-br-{version}.md")
        pdf = archive.read(f"text/website-br-{version}.pdf")
        index = json.loads(archive.read("bundle.json"))
    assert text == (REPO / f"versions/website/{version}/regions/br.md").read_bytes()
    assert pdf.startswith(b"%PDF-1.7")
    assert {f"releases/{version}/manifest.yml", f"releases/{version}/manifest.yml.sig", "trust/allowed_signers",
            f"releases/{version}/regions/br.md", f"releases/{version}/SHA256SUMS", "README.md"} <= names
    assert not any(n.startswith("releases/2023-06-30/") for n in names)
    assert index["in_force"] == version and index["chain"] == chain
    shutil.rmtree(work)                               # nothing of the repository is left
    verified = recheck_elsewhere(bundle, tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.tools_output.count("Good \"privacykit-release\" signature for legal@privacy.example.com") \
        == len(chain)
    assert verified.stdout.splitlines()[-1] == "bundle.zip: the bundle verifies"
    assert f"ok: signatures: {len(chain)} of {len(chain)} manifests signed by legal@privacy.example.com SHA256:" \
        in verified.stdout


def test_the_day_before_a_release_is_answered_with_the_older_one(tmp_path):
    bundle = tmp_path / "b.zip"
    result = run(REPO, "evidence", "website", "--region", "br", "--at", "2024-03-04", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(bundle) as archive:
        index = json.loads(archive.read("bundle.json"))
        assert "text/website-br-2023-06-30.pdf" not in archive.namelist()
    assert (index["in_force"], index["superseded_on"], index["chain"]) == ("2023-06-30", "2024-03-05",
                                                                          ["2023-06-30", "2024-03-05", "2024-05-01"])


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


@pytest.fixture(scope="module")
def example_bundle(tmp_path_factory) -> Path:
    bundle = tmp_path_factory.mktemp("bundle") / "us.zip"
    result = run(REPO, "evidence", "products", "--region", "us", "--at", "2023-12-31", "-o", str(bundle), "--no-pdf")
    assert result.exit_code == 0, result.output
    return bundle


@pytest.mark.parametrize("name, data, problem", [
    ("text/products-us-2023-06-30.md", b"We sell all your data.\n",
     "text/products-us-2023-06-30.md: differs from the frozen text releases/2023-06-30/regions/us.md"),
    ("releases/2023-06-30/regions/us.md", b"We sell all your data.\n",
     "releases/2023-06-30/regions/us.md: sha256 differs from the manifest (the file was changed)"),
    ("releases/2024-03-05/manifest.yml.sig", b"-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n",
     "releases/2024-03-05/manifest.yml.sig: signature is unreadable (damaged or truncated)"),
])
def test_a_tampered_bundle_is_refused(example_bundle, tmp_path, name, data, problem):
    bundle = tmp_path / "tampered.zip"
    shutil.copy(example_bundle, bundle)
    rewrite(bundle, name, data)
    result = run(REPO, "evidence", "--verify", str(bundle))
    assert result.exit_code == 1
    assert f"{bundle}: {problem}; do not rely on this bundle" in result.output.splitlines()


def test_a_rewritten_manifest_breaks_the_chain_and_its_signature(example_bundle, tmp_path):
    bundle = tmp_path / "tampered.zip"
    shutil.copy(example_bundle, bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("releases/2023-06-30/manifest.yml")
    rewrite(bundle, "releases/2023-06-30/manifest.yml", manifest.replace(b"summary:", b"summary: Edited."))
    lines = run(REPO, "evidence", "--verify", str(bundle)).output.splitlines()
    assert any("releases/2024-03-05/manifest.yml: does not follow release 2023-06-30" in line for line in lines)
    assert any("releases/2023-06-30/manifest.yml.sig: signature does not match the manifest" in line
               for line in lines)


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
