"""Signed and timestamped releases: made by `release`, checked by `verify`, re-checked with OpenSSH/OpenSSL."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess

import pytest

from conftest import rehash
from conftest import run_cli as run
from tsa import LocalTSA

COOKIES = "statements/web/sections/cookies.md"


def make_key(folder, name="legal@example.com"):
    key = folder / name.split("@")[0]
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True)
    public = key.with_suffix(".pub").read_text().split()
    return key, f"{name} {public[0]} {public[1]}\n"


@pytest.fixture
def signer(tmp_path):
    keys = tmp_path / "keys"
    keys.mkdir()
    return make_key(keys)


@pytest.fixture
def signed(statement_project, signer):
    """A project whose releases are signed, with one signed release (2024-01-10)."""
    key, line = signer
    root = statement_project({"versions/allowed_signers": line})
    result = run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(key))
    assert result.exit_code == 0, result.output
    assert "signed" in result.output
    return root


def edit_cookies(root, text):
    (root / COOKIES).write_text(f"---\ntitle: Cookies\nowner: legal\n---\n{text}\n")



# -- signatures ------------------------------------------------------------------------------

def test_a_signed_release_verifies_here_and_with_openssh_alone(signed, signer):
    folder = signed / "versions/web/2024-01-10"
    assert (folder / "manifest.yml.sig").read_text().startswith("-----BEGIN SSH SIGNATURE-----")
    result = run(signed, "verify")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 1 releases intact, 1 signed by legal@example.com SHA256:")
    with (folder / "manifest.yml").open("rb") as manifest:
        check = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(signed / "versions/allowed_signers"),
                                "-I", "legal@example.com", "-n", "privacykit-release", "-s",
                                str(folder / "manifest.yml.sig")], stdin=manifest, capture_output=True, text=True)
    assert check.returncode == 0 and "Good" in check.stdout


def test_a_manifest_rewritten_with_fresh_hashes_is_caught_by_its_signature(signed):
    folder = signed / "versions/web/2024-01-10"
    (folder / "regions/us.md").write_text("We sell all your data.\n")
    rehash(folder)
    result = run(signed, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/manifest.yml.sig: signature does not match the "
                                    "manifest (")
    assert result.output.endswith("; the manifest or its signature changed after release: restore both from "
                                  "version control\n")
    assert len(result.output.splitlines()) == 1


def test_a_missing_signature_names_its_release(signed, signer):
    edit_cookies(signed, "We count visits.")
    assert run(signed, "release", "web", "--effective", "2024-06-01", "--sign-key", str(signer[0])).exit_code == 0
    (signed / "versions/web/2024-06-01/manifest.yml.sig").unlink()
    result = run(signed, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-06-01/manifest.yml: release is not signed (versions/allowed_signers "
                             "lists who signs releases); sign it: privacykit sign web --key KEY\n")


def test_a_signature_by_a_stranger_is_refused(signed, tmp_path):
    stranger, _ = make_key(tmp_path, "mallory@example.com")
    folder = signed / "versions/web/2024-01-10"
    with (folder / "manifest.yml").open("rb") as manifest:
        forged = subprocess.run(["ssh-keygen", "-Y", "sign", "-q", "-f", str(stranger), "-n", "privacykit-release"],
                                stdin=manifest, capture_output=True, check=True).stdout
    (folder / "manifest.yml.sig").write_bytes(forged)
    result = run(signed, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/manifest.yml.sig: signed by a key that is not in "
                                    "the allowed signers;")


def test_a_truncated_signature_is_refused(signed):
    sig = signed / "versions/web/2024-01-10/manifest.yml.sig"
    sig.write_bytes(sig.read_bytes()[:120])
    result = run(signed, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/manifest.yml.sig: signature is unreadable "
                                    "(damaged or truncated);")


def test_a_release_without_a_key_is_refused_before_anything_is_written(signed, monkeypatch):
    monkeypatch.delenv("PRIVACYKIT_SIGNING_KEY", raising=False)
    edit_cookies(signed, "We count visits.")
    result = run(signed, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 1
    assert result.output == ("--sign-key: releases of this project are signed (versions/allowed_signers lists who "
                             "may sign); pass --sign-key with your SSH private key, or set PRIVACYKIT_SIGNING_KEY\n")
    assert sorted(p.name for p in (signed / "versions/web").iterdir()) == ["2024-01-10"]


def test_a_key_that_is_not_allowed_cannot_release(signed, tmp_path):
    stranger, _ = make_key(tmp_path, "mallory@example.com")
    edit_cookies(signed, "We count visits.")
    result = run(signed, "release", "web", "--effective", "2024-06-01", "--sign-key", str(stranger))
    assert result.exit_code == 1
    assert result.output == (f"{stranger}: cannot sign with this key: signed by a key that is not in the allowed "
                             "signers; pass an SSH private key (ssh-keygen -t ed25519 makes one) whose public key is "
                             "listed in versions/allowed_signers\n")
    assert sorted(p.name for p in (signed / "versions/web").iterdir()) == ["2024-01-10"]


@pytest.mark.parametrize("first", [False, True], ids=["next release", "first release"])
def test_release_probes_its_key_as_sign_does_before_anything_is_written(statement_project, signer, tmp_path, first):
    """`release --sign-key <not a key>` fails as `sign --key` does, in one line, before the lock, the
    staging folder or the statement's versions folder exist, and keeps the release notes."""
    key, line = signer
    root = statement_project({"versions/allowed_signers": line})
    if not first:
        assert run(root, "release", "web", "--effective", "2024-01-10", "--sign-key", str(key)).exit_code == 0
        edit_cookies(root, "We count visits.")
    garbage = tmp_path / "garbage.key"
    garbage.write_text("not a key\n")
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    notes = [p.read_bytes() for p in sorted(root.glob("statements/*/release-notes.md"))]
    for command in (["release", "web", "--effective", "2024-06-01", "--sign-key"], ["sign", "--key"]):
        result = run(root, *command, str(garbage))
        assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
        assert result.output.startswith(f"{garbage}: cannot sign with this key: ")
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == before
    assert [p.read_bytes() for p in sorted(root.glob("statements/*/release-notes.md"))] == notes


def test_sign_signs_the_releases_made_before_signing_began(released, signer):
    key, line = signer
    (released / "versions/allowed_signers").write_text(line)
    result = run(released, "verify")
    assert result.exit_code == 1 and "release is not signed" in result.output
    result = run(released, "sign", "--key", str(key))
    assert result.exit_code == 0, result.output
    assert result.output == "attested web 2024-01-10\n1 releases signed or timestamped\n"
    assert run(released, "verify").exit_code == 0
    assert run(released, "sign", "--key", str(key)).output.endswith("0 releases signed or timestamped\n")


def test_sign_checks_its_key_before_counting_releases(released, signer, tmp_path):
    """A file that is no private key, or a key nobody allowed, is one line and exit 1, not "0 releases signed"."""
    key, line = signer
    (released / "versions/allowed_signers").write_text(line)
    garbage = tmp_path / "garbage.key"
    garbage.write_text("not a key\n")
    result = run(released, "sign", "--key", str(garbage))
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert result.output.startswith(f"{garbage}: cannot sign with this key: ")
    stranger = tmp_path / "stranger"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True)
    result = run(released, "sign", "--key", str(stranger))
    assert result.exit_code == 1
    assert result.output.startswith(f"{stranger}: cannot sign with this key: signed by a key that is not in the "
                                    "allowed signers; ")
    assert not (released / "versions/web/2024-01-10/manifest.yml.sig").exists()
    assert run(released, "sign", "--key", str(key)).exit_code == 0


def test_sign_refuses_a_tampered_history(released, signer):
    key, line = signer
    (released / "versions/allowed_signers").write_text(line)
    (released / "versions/web/2024-01-10/regions/us.md").write_text("Edited.\n")
    result = run(released, "sign", "--key", str(key))
    assert result.exit_code == 1
    assert "frozen file was edited after release" in result.output
    assert not (released / "versions/web/2024-01-10/manifest.yml.sig").exists()


# -- timestamps ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    with LocalTSA(tmp_path_factory.mktemp("tsa")) as tsa:
        yield tsa


@pytest.fixture(scope="module")
def other_authority(tmp_path_factory):
    with LocalTSA(tmp_path_factory.mktemp("other-tsa"), "Other TSA") as tsa:
        yield tsa


@pytest.fixture
def timestamped(statement_project, authority):
    """A project that trusts the local TSA, with two timestamped releases."""
    root = statement_project({"versions/evidence.yml": "timestamp:\n  certificates: tsa.pem\n"})
    (root / "versions/tsa.pem").write_bytes(authority.chain)
    result = run(root, "release", "web", "--effective", "2024-01-10", "--timestamp", authority.url)
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("timestamped) -> versions/web/2024-01-10/")
    edit_cookies(root, "We count visits.")
    assert run(root, "release", "web", "--effective", "2024-06-01", "--timestamp", authority.url).exit_code == 0
    return root


def test_a_timestamped_release_verifies_here_and_with_openssl_alone(timestamped):
    result = run(timestamped, "verify")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 2 releases intact, 0 signed, 2 timestamped;")
    folder = timestamped / "versions/web/2024-01-10"
    check = subprocess.run(["openssl", "ts", "-verify", "-data", str(folder / "manifest.yml"), "-in",
                            str(folder / "manifest.yml.tsr"), "-CAfile", str(timestamped / "versions/tsa.pem")],
                           capture_output=True, text=True)
    assert check.returncode == 0 and "Verification: OK" in check.stdout


def test_the_timestamp_setting_is_used_without_the_option(statement_project, authority):
    root = statement_project({"versions/evidence.yml": f"timestamp:\n  url: {authority.url}\n  certificates: tsa.pem\n"})
    (root / "versions/tsa.pem").write_bytes(authority.chain)
    before = authority.requests
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    assert authority.requests == before + 1
    assert (root / "versions/web/2024-01-10/manifest.yml.tsr").is_file()


def one_line_refusal(root, token_file, message):
    result = run(root, "verify")
    assert result.exit_code == 1
    assert result.output == f"{token_file}: timestamp refused: {message}; restore the manifest and its token from " \
                            "version control\n"


def test_a_token_for_another_digest_is_refused(timestamped):
    first, second = (timestamped / "versions/web" / d / "manifest.yml.tsr" for d in ("2024-01-10", "2024-06-01"))
    first.write_bytes(second.read_bytes())
    one_line_refusal(timestamped, "versions/web/2024-01-10/manifest.yml.tsr",
                     "the token timestamps another digest than this manifest's")


def test_a_manifest_rewritten_with_fresh_hashes_no_longer_matches_its_token(timestamped):
    folder = timestamped / "versions/web/2024-06-01"
    (folder / "regions/us.md").write_text("We sell all your data.\n")
    rehash(folder)
    one_line_refusal(timestamped, "versions/web/2024-06-01/manifest.yml.tsr",
                     "the token timestamps another digest than this manifest's")


def test_a_tampered_token_is_refused(timestamped):
    token = timestamped / "versions/web/2024-01-10/manifest.yml.tsr"
    data = bytearray(token.read_bytes())
    data[-30] ^= 0x01                       # inside the signature value
    token.write_bytes(bytes(data))
    one_line_refusal(timestamped, "versions/web/2024-01-10/manifest.yml.tsr",
                     "the token's signature does not verify (the token was altered)")


def test_a_token_from_another_authority_is_refused(timestamped, other_authority):
    from privacykit.evidence.timestamps import request_token

    folder = timestamped / "versions/web/2024-01-10"
    (folder / "manifest.yml.tsr").write_bytes(request_token(other_authority.url, (folder / "manifest.yml").read_bytes()))
    one_line_refusal(timestamped, "versions/web/2024-01-10/manifest.yml.tsr",
                     "the token is not signed by the configured timestamping authority")


def test_a_truncated_token_is_refused(timestamped):
    token = timestamped / "versions/web/2024-01-10/manifest.yml.tsr"
    token.write_bytes(token.read_bytes()[:300])
    one_line_refusal(timestamped, "versions/web/2024-01-10/manifest.yml.tsr",
                     "not a timestamp response (damaged or truncated)")


def test_an_unreachable_authority_stops_the_release_before_anything_is_written(timestamped):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    edit_cookies(timestamped, "We count all visits.")
    result = run(timestamped, "release", "web", "--effective", "2024-09-01", "--timestamp",
                 f"http://127.0.0.1:{port}/tsr")
    assert result.exit_code == 1
    assert result.output.startswith(f"--timestamp: no timestamp: the timestamping authority at "
                                    f"http://127.0.0.1:{port}/tsr cannot be reached (")
    assert len(result.output.splitlines()) == 1
    assert sorted(p.name for p in (timestamped / "versions/web").iterdir() if p.is_dir()) == ["2024-01-10",
                                                                                             "2024-06-01"]


def test_a_timestamp_needs_configured_certificates(released, authority):
    edit_cookies(released, "We count visits.")
    result = run(released, "release", "web", "--effective", "2024-06-01", "--timestamp", authority.url)
    assert result.exit_code == 1
    assert result.output.startswith("--timestamp: no TSA certificates are configured")


def test_history_imported_into_a_signed_project_is_signed_afterwards(statement_project, signer):
    """An import releases history without signing; `sign` then signs all of it."""
    from privacykit.load.project import load_project
    from privacykit.versions.release import release
    from privacykit.versions.store import VersionStore

    key, line = signer
    root = statement_project({"versions/allowed_signers": line})
    release(load_project(root), VersionStore(root), "web", "2024-01-10", gate=False)
    edit_cookies(root, "We count visits.")
    release(load_project(root), VersionStore(root), "web", "2024-06-01", gate=False)
    assert "release is not signed" in run(root, "verify").output
    assert run(root, "sign", "web", "--key", str(key)).output.endswith("2 releases signed or timestamped\n")
    assert run(root, "verify").output.startswith("ok: 2 releases intact, 2 signed by legal@example.com")


def test_a_timestamp_address_must_be_http(timestamped):
    edit_cookies(timestamped, "We count all visits.")
    result = run(timestamped, "release", "web", "--effective", "2024-09-01", "--timestamp", "file:///etc/passwd")
    assert result.exit_code == 1
    assert result.output == ("--timestamp: 'file:///etc/passwd' is not an http(s) address; give the timestamping "
                             "authority's http:// or https:// address\n")


def test_an_authority_that_sends_its_certificate_chain_is_accepted(statement_project, tmp_path):
    """OpenSSL with `certs=` a chain sends the certificates out of DER order; the reply still verifies,
    and the token kept is the authority's own bytes (openssl accepts it)."""
    root = statement_project({"versions/evidence.yml": "timestamp:\n  certificates: tsa.pem\n"})
    with LocalTSA(tmp_path / "chain-tsa", "Chain TSA", send_chain=True) as authority:
        (root / "versions/tsa.pem").write_bytes(authority.chain)
        assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
        result = run(root, "sign", "web", "--timestamp", authority.url)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("1 releases signed or timestamped\n")
    assert run(root, "verify").output.startswith("ok: 1 releases intact, 0 signed, 1 timestamped;")
    folder = root / "versions/web/2024-01-10"
    check = subprocess.run(["openssl", "ts", "-verify", "-data", str(folder / "manifest.yml"), "-in",
                            str(folder / "manifest.yml.tsr"), "-CAfile", str(root / "versions/tsa.pem")],
                           capture_output=True, text=True)
    assert check.returncode == 0 and "Verification: OK" in check.stdout


def test_a_removed_token_is_missed_because_the_manifests_record_it(timestamped):
    """Each manifest records the releases that carried a token when it was made (itself too, when
    released with --timestamp): deleting a token is not 'one fewer timestamped', it is a problem."""
    later = (timestamped / "versions/web/2024-06-01/manifest.yml").read_text()
    assert "timestamped:" in later and "2024-01-10" in later.split("timestamped:")[1].split("files:")[0]
    (timestamped / "versions/web/2024-01-10/manifest.yml.tsr").unlink()
    result = run(timestamped, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-01-10/manifest.yml.tsr: timestamp is missing, though its manifest "
                             "records that this release was timestamped; restore the token from version control\n")


def test_a_token_added_by_sign_is_recorded_by_the_next_release(statement_project, authority):
    root = statement_project({"versions/evidence.yml": "timestamp:\n  certificates: tsa.pem\n"})
    (root / "versions/tsa.pem").write_bytes(authority.chain)
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    assert run(root, "sign", "web", "--timestamp", authority.url).exit_code == 0
    edit_cookies(root, "We count visits.")
    assert run(root, "release", "web", "--effective", "2024-06-01").exit_code == 0
    (root / "versions/web/2024-01-10/manifest.yml.tsr").unlink()
    result = run(root, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/manifest.yml.tsr: timestamp is missing, though the "
                                    "manifest of release 2024-06-01 records that this release was timestamped;")


# -- trust pinned outside the repository (sec43) -----------------------------------------------

@pytest.fixture
def insider(signed, signer, tmp_path):
    """What someone with write access to content only does: edit a released file, add their own key to
    versions/allowed_signers under the existing signer's name, rehash and re-sign. Returns the pin
    (the original allowed_signers, kept outside the repository) and the original key's fingerprint."""
    pin = tmp_path / "trusted_signers"
    pin.write_text(signer[1])
    folder = signed / "versions/web/2024-01-10"
    before = run(signed, "verify").output.split(" SHA256:")[1].split(",")[0]
    mine = tmp_path / "mine"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "me", "-f", str(mine)], check=True)
    kind, blob = mine.with_suffix(".pub").read_text().split()[:2]
    with (signed / "versions/allowed_signers").open("a") as signers:
        signers.write(f"legal@example.com {kind} {blob}\n")
    (folder / "regions/us.md").write_text("Write to attacker@evil.example.\n")
    rehash(folder)
    (folder / "manifest.yml.sig").unlink()
    assert run(signed, "sign", "--key", str(mine)).exit_code == 0
    return pin, "SHA256:" + before


def test_an_insiders_own_key_is_refused_by_a_pin_kept_outside_the_repository(insider, signed, monkeypatch):
    pin, fingerprint = insider
    unpinned = run(signed, "verify")
    assert unpinned.exit_code == 0     # the repository vouches for itself: only warnings can say so
    assert "warning: versions/allowed_signers: legal@example.com has 2 keys" in unpinned.output
    assert "which signed no earlier release" not in unpinned.output    # the only release: nothing earlier
    pinned = run(signed, "verify", "--trusted-signers", str(pin))
    assert pinned.exit_code == 1
    assert pinned.output.startswith("versions/web/2024-01-10/manifest.yml.sig: signed by legal@example.com with "
                                    "key SHA256:")
    assert f"which the trusted signers {pin} do not name" in pinned.output
    monkeypatch.setenv("PRIVACYKIT_TRUSTED_SIGNERS", f"legal {fingerprint}")   # a CI variable's fingerprints
    assert run(signed, "verify").exit_code == 1
    assert run(signed, "build", "--no-pdf").exit_code == 1     # the build trusts only the pin too


def test_a_pin_accepts_its_keys_and_requires_every_release_signed(signed, signer, tmp_path, monkeypatch):
    pin = tmp_path / "pin"
    pin.write_text("# kept in CI settings\n" + signer[1])
    assert run(signed, "verify", "--trusted-signers", str(pin)).exit_code == 0
    (signed / "versions/web/2024-01-10/manifest.yml.sig").unlink()
    (signed / "versions/allowed_signers").unlink()      # no signers file: the pin still asks for a signature
    result = run(signed, "verify", "--trusted-signers", str(pin))
    assert result.exit_code == 1
    assert "release is not signed, though the trusted signers" in result.output
    pin.write_text("nobody\n")
    assert "name no key" in run(signed, "verify", "--trusted-signers", str(pin)).output


def test_a_release_signed_by_a_key_new_to_its_statement_is_warned_of(signed, signer, tmp_path):
    other, line = make_key(tmp_path, "counsel@example.com")
    with (signed / "versions/allowed_signers").open("a") as signers:
        signers.write(line)
    edit_cookies(signed, "We count visits.")
    assert run(signed, "release", "web", "--effective", "2024-06-01", "--sign-key", str(other)).exit_code == 0
    result = run(signed, "verify")
    assert result.exit_code == 0
    assert "warning: web 2024-06-01: signed by counsel@example.com with key SHA256:" in result.output
    assert "which signed no earlier release of web" in result.output


def test_a_new_signers_release_outside_the_pin_says_how_the_pins_owner_adds_the_key(signed, signer, tmp_path):
    # README step 4 adds a signer to allowed_signers; the pin, kept outside the repository, does not know the
    # key yet. Its release, not in force yet, is told apart from an earlier release re-signed (gov44).
    import datetime as dt

    pin = tmp_path / "pin"
    pin.write_text(signer[1])
    counsel, line = make_key(tmp_path, "counsel@example.com")
    with (signed / "versions/allowed_signers").open("a") as signers:
        signers.write(line)
    edit_cookies(signed, "We count visits.")
    soon = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    assert run(signed, "release", "web", "--effective", soon, "--sign-key", str(counsel)).exit_code == 0
    result = run(signed, "verify", "--trusted-signers", str(pin))
    assert result.exit_code == 1
    assert f"versions/web/{soon}/manifest.yml.sig: signed by counsel@example.com" in result.output
    assert "a new release, by a new signer or a rotated key" in result.output
    assert "ask the pin's owner" in result.output and "ssh-keygen -lf" in result.output
    assert "never add a key" not in result.output
    # The pin's owner adds the key (after checking who holds it): the release verifies.
    pin.write_text(signer[1] + line)
    assert run(signed, "verify", "--trusted-signers", str(pin)).exit_code == 0


def test_an_earlier_release_re_signed_outside_the_pin_is_never_a_reason_to_grow_it(insider, signed):
    pin, _ = insider
    result = run(signed, "verify", "--trusted-signers", str(pin))
    assert "a release already in force was re-signed or altered" in result.output
    assert "never add a key to the pin to make this pass" in result.output
    assert "ask the pin's owner" not in result.output


def test_verify_says_once_that_it_ran_unpinned(signed, signer, monkeypatch):
    # A workflow passes an empty variable when the repository's is unset (gov44).
    monkeypatch.setenv("PRIVACYKIT_TRUSTED_SIGNERS", "")
    result = run(signed, "verify")
    assert result.exit_code == 0 and result.output.startswith("ok: 1 releases intact")
    assert result.output.count("no trusted signers are pinned ($PRIVACYKIT_TRUSTED_SIGNERS is empty)") == 1
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert "::warning title=privacykit verify is not pinned::" in run(signed, "verify").output
    from privacykit.evidence.signing import key_fingerprint

    monkeypatch.setenv("PRIVACYKIT_TRUSTED_SIGNERS", f"legal {key_fingerprint(signer[1].split()[2])}")
    pinned = run(signed, "verify")
    assert pinned.exit_code == 0 and "not pinned" not in pinned.output


# -- evidence44: the dates a release claims, against the clock and its token -------------------------

def test_a_past_effective_date_is_refused_by_the_real_clock_unless_recorded_on_purpose(released, monkeypatch):
    import datetime as dt

    from privacykit.render import dates
    from privacykit.versions import release as release_module

    monkeypatch.setattr(release_module, "refuse_past_effective", release_module.refuse_past_effective.__wrapped__)
    monkeypatch.setattr(dates, "clock_today", lambda: dt.date(2024, 7, 1))
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-01-20")     # a build date vouches for nothing
    edit_cookies(released, "We count visits.")
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1].startswith("--effective: effective date 2024-06-01 is before today (2024-07-01, UTC)")
    assert len(lines) == 2 and lines[0].startswith("warning: PRIVACYKIT_BUILD_DATE: 2024-01-20 dates builds only")
    assert not (released / "versions/web/2024-06-01").exists()
    result = run(released, "release", "web", "--effective", "2024-06-01", "--record-past", "Backfilling 2024.")
    assert result.exit_code == 0, result.output
    manifest = (released / "versions/web/2024-06-01/manifest.yml").read_text()
    assert "recorded_past: Backfilling 2024." in manifest
    monkeypatch.setenv("PRIVACYKIT_BUILD_DATE", "2024-07-01")
    edit_cookies(released, "Cookies count visits.")
    assert run(released, "release", "web", "--effective", "2024-07-01").exit_code == 0   # today itself is fine


def test_verify_names_a_release_recorded_after_it_took_effect(released):
    # the fixture's release was made today (the real day), long after 2024-01-10
    result = run(released, "verify")
    assert result.exit_code == 0
    assert "warning: versions/web/2024-01-10/manifest.yml: release 2024-01-10 was recorded after it took " \
           "effect: released " in result.output


def test_verify_prints_each_token_time_and_flags_one_later_than_the_day_it_proves(statement_project, authority,
                                                                                    monkeypatch):
    import datetime as dt

    root = statement_project({"versions/evidence.yml": "timestamp:\n  certificates: tsa.pem\n"})
    (root / "versions/tsa.pem").write_bytes(authority.chain)
    # the company's word (the day it released, by its clock), not the token's
    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    assert run(root, "release", "web", "--effective", "2024-01-10", "--timestamp", authority.url).exit_code == 0
    result = run(root, "verify")
    assert result.exit_code == 0, result.output
    today = dt.datetime.now(dt.timezone.utc).date()
    line = next(x for x in result.output.splitlines() if x.startswith("timestamp: web release 2024-01-10"))
    assert f"timestamped {today.isoformat()}" in line and "released 2024-01-05" in line
    assert f"release 2024-01-10: its timestamp ({today.isoformat()}) is {(today - dt.date(2024, 1, 5)).days} " \
           "days after the released date it records (2024-01-05)" in result.output
    assert "was recorded after it took effect: its timestamp is of" in result.output


def test_a_token_proves_a_notice_only_when_it_is_old_enough():
    import datetime as dt

    from privacykit.evidence.attest import dates_of

    token = dt.datetime(2024, 1, 31, 9, 0, tzinfo=dt.timezone.utc)
    proven = dates_of("2024-03-01", "2024-01-31", token, notice_days=30)
    line, said = proven.line, proven.said
    assert line.endswith("the 30-day notice is proven by the token") and said == []
    line = dates_of("2024-02-15", "2024-01-31", token, notice_days=30).line
    assert "the 30-day notice is NOT proven by the token (2024-01-31 + 30 days is after 2024-02-15)" in line
    said = dates_of("2024-01-10", "2024-01-31", token, imported=True).said
    assert said == ["release 2024-01-10 was recorded after it took effect: released 2024-01-31 (imported history: "
                    "recorded when it was imported)"]


def test_a_deleted_withdrawal_token_is_named(statement_project, authority, monkeypatch):
    # evidence44: the withdrawal's own token and the withdrawn release's are on the record, like a release's.
    root = statement_project({"versions/evidence.yml": f"timestamp:\n  url: {authority.url}\n  certificates: tsa.pem\n"})
    (root / "versions/tsa.pem").write_bytes(authority.chain)
    monkeypatch.setattr("privacykit.render.dates.clock_today", lambda: dt.date(2024, 1, 5))
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    edit_cookies(root, "We count visits.")
    assert run(root, "release", "web", "--effective", "2024-02-15").exit_code == 0
    result = run(root, "release", "web", "--withdraw", "2024-02-15", "--reason", "the wording was wrong")
    assert result.exit_code == 0, result.output
    folder = root / "versions/web/withdrawn/2024-02-15"
    assert "timestamped: true" in (folder / "manifest.yml").read_text()
    assert run(root, "verify").exit_code == 0
    for token, said in ((folder / "manifest.yml.tsr", "its manifest records"),
                        (folder / "release/manifest.yml.tsr", "its manifest records")):
        kept = token.read_bytes()
        token.unlink()
        result = run(root, "verify")
        assert result.exit_code == 1
        assert f"{token.relative_to(root)}: timestamp is missing, though {said} that this release was timestamped" \
            in result.output
        token.write_bytes(kept)
    assert run(root, "verify").exit_code == 0


def test_a_pin_tells_a_new_withdrawal_from_one_a_later_release_recorded(signed, signer, tmp_path, monkeypatch):
    """fix44: a withdrawal signed by a key outside the pin is not "a release already in force": while no later
    release recorded it, the pin's owner decides (a new signer?); once one did, it was re-signed since."""
    from privacykit.render import dates

    monkeypatch.setattr(dates, "clock_today", lambda: dt.date(2024, 1, 5))
    path = signed / COOKIES
    path.write_text(path.read_text().replace("We use cookies to measure visits.", "We count visits."))
    assert run(signed, "release", "web", "--effective", "2024-03-01", "--sign-key", str(signer[0])).exit_code == 0
    keys = tmp_path / "newkeys"
    keys.mkdir()
    newcomer, line = make_key(keys, "newcomer@example.com")
    with open(signed / "versions/allowed_signers", "a") as out:
        out.write(line)
    done = run(signed, "release", "web", "--withdraw", "2024-03-01", "--reason", "The date was wrong.",
               "--sign-key", str(newcomer))
    assert done.exit_code == 0, done.output
    pin = tmp_path / "pin"
    pin.write_text(signer[1])
    pending = run(signed, "verify", "--trusted-signers", str(pin))
    assert pending.exit_code == 1
    assert "a new withdrawal (no later release recorded it)" in pending.output
    assert "ask the pin's owner" in pending.output and "already in force" not in pending.output
    path.write_text(path.read_text().replace("We count visits.", "We count the visits."))
    assert run(signed, "release", "web", "--effective", "2024-04-01", "--sign-key", str(signer[0])).exit_code == 0
    recorded = run(signed, "verify", "--trusted-signers", str(pin))
    assert recorded.exit_code == 1
    assert "a withdrawal a later release recorded was re-signed or altered since" in recorded.output
    assert "never add a key to the pin" in recorded.output and "ask the pin's owner" not in recorded.output
