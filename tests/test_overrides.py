"""Region overrides that fall behind their base text are caught before they are released."""

from __future__ import annotations

from conftest import run_cli as run

OVERRIDE = "statements/web/sections/contact.br.md"
BASE = "statements/web/sections/contact.md"


def project_with_override(statement_project):
    return statement_project({OVERRIDE: (
        "---\n"
        "title: Contato  # translated by the Brazilian team\n"
        "---\n"
        "Escreva para {{ privacy_email }}.\n"
        "\n"
        "Trailing text stays byte for byte.  \n")})


def test_an_override_behind_its_base_fails_check_and_release_until_reviewed(statement_project):
    root = project_with_override(statement_project)
    listed = run(root, "overrides")
    assert listed.output.splitlines()[-1] == "1 overrides: 0 current, 0 changed, 1 untracked"
    before = (root / OVERRIDE).read_text()

    stamped = run(root, "overrides", "--stamp", str(root / OVERRIDE))
    assert stamped.exit_code == 0, stamped.output
    after = (root / OVERRIDE).read_text()
    digest = stamped.output.split("based_on ")[1].split()[0]
    assert after == before.replace("# translated by the Brazilian team\n",
                                   f"# translated by the Brazilian team\nbased_on: {digest}\n")
    assert run(root, "check").exit_code == 0

    base = root / BASE
    base.write_text(base.read_text().replace("Write to", "Write, including about data we share, to"))
    result = run(root, "check")
    assert result.exit_code == 1
    line, = result.output.splitlines()
    assert line.startswith(f"{OVERRIDE}:3: {BASE} changed since this override was written (based_on {digest}, now ")
    assert line.endswith(f"; bring the override up to date with it, then run: privacykit overrides --stamp {OVERRIDE}")
    assert "changed    BASE CHANGED since" in run(root, "overrides").output
    release = run(root, "release", "web", "--effective", "2024-01-10")
    assert release.exit_code == 1 and "changed since this override was written" in release.output
    assert not (root / "versions").exists()

    assert run(root, "overrides", "--stamp", OVERRIDE, "--root", str(root)).exit_code == 0
    assert run(root, "check").exit_code == 0
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0


def test_based_on_must_be_a_digest_and_stamp_only_overrides(statement_project):
    root = statement_project({OVERRIDE: "---\nbased_on: 12345\n---\nText.\n"})
    result = run(root, "check")
    assert result.exit_code == 1
    assert result.output == (f"{OVERRIDE}:2: 'based_on' must be the digest of the base text; "
                             f"run: privacykit overrides --stamp {OVERRIDE}\n")
    root = project_with_override(statement_project)
    result = run(root, "overrides", "--stamp", str(root / BASE))
    assert result.exit_code == 1
    assert result.output == (f"{root / BASE}: not a region override of this project; "
                             "name a file such as statements/<statement>/sections/<id>.<region>.md\n")


def test_stamping_keeps_line_ends_byte_order_mark_and_body(statement_project):
    """A file saved on Windows (BOM, CRLF) keeps both: only the based_on line is added."""
    before = ("\ufeff---\r\ntitle: Contato  # translated by the Brazilian team\r\n---\r\n"
              "Escreva para {{ privacy_email }}.\r\n\r\nTrailing text stays byte for byte.  \r\n").encode("utf-8")
    root = statement_project({OVERRIDE: before})
    stamped = run(root, "overrides", "--stamp", OVERRIDE, "--root", str(root))
    assert stamped.exit_code == 0, stamped.output
    digest = stamped.output.split("based_on ")[1].split()[0]
    after = (root / OVERRIDE).read_bytes()
    assert after == before.replace(b"team\r\n", f"team\r\nbased_on: {digest}\r\n".encode())
    assert run(root, "overrides").output.splitlines()[0].split()[1] == "current"


def test_stamping_keeps_the_authors_layout_and_writes_no_trailing_spaces(statement_project):
    """Only the based_on line is written: a long flow list, quotes and comments stay as the author wrote them."""
    front = ("---\n"
             "title: 'Contato'\n"
             "based_on: 0123456789ab  # an old review\n"
             "declares:\n"
             "  data_categories: [user.contact.email, user.contact.phone_number, user.contact.address.street, "
             "user.contact.address.city, user.name]\n"
             "  # the Brazilian team's list\n"
             "owner: \"legal-br\"\n"
             "---\n"
             "Escreva para {{ privacy_email }}.\n")
    root = statement_project({OVERRIDE: front})
    stamped = run(root, "overrides", "--stamp", OVERRIDE, "--root", str(root))
    assert stamped.exit_code == 0, stamped.output
    digest = stamped.output.split("based_on ")[1].split()[0]
    after = (root / OVERRIDE).read_text()
    assert after == front.replace("based_on: 0123456789ab  # an old review", f"based_on: {digest}")
    assert run(root, "overrides").output.splitlines()[0].split()[1] == "current"

    flow = "---\n{title: Contato, owner: legal-br, declares: {data_categories: [user.contact.email, user.name]}}\n---\nT\n"
    (root / OVERRIDE).write_text(flow)
    assert run(root, "overrides", "--stamp", OVERRIDE, "--root", str(root)).exit_code == 0
    written = (root / OVERRIDE).read_text()
    assert all(line == line.rstrip() for line in written.splitlines())
    assert f"based_on: {digest}" in written and written.endswith("---\nT\n")
    assert run(root, "overrides").output.splitlines()[0].split()[1] == "current"



def test_one_yaml_writer_wraps_at_100_unless_given_a_width():
    """`dump_yaml` is the one round-trip writer: 100 columns by default (translations, manifests), and as
    wide as it is told (a stamped flow front matter keeps a long value on its line)."""
    from privacykit.load.yamlio import dump_yaml, load_yaml

    words = " ".join(["word"] * 40)
    meta = load_yaml(f"{{title: '{words}', owner: legal-br}}", "front matter", comments=True)
    assert len(dump_yaml(meta).splitlines()) == 3
    wide = dump_yaml(meta, 4096)
    assert wide.splitlines() == [f"{{title: {words}, owner: legal-br}}"]
    assert load_yaml(wide, "again") == {"title": words, "owner": "legal-br"}
