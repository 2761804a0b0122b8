"""The history of releases cannot be truncated, forged at its start, raced or bricked."""

from __future__ import annotations

import os
import shutil
import threading

from conftest import rehash
from conftest import run_cli as run
from privacykit.load.project import load_project
from privacykit.mkdocs.build import build_site
from privacykit.versions import release as release_module
from privacykit.versions.store import VersionStore, sha256

COOKIES = "statements/web/sections/cookies.md"
MKDOCS = "site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n"


def edit_cookies(root, text):
    path = root / COOKIES
    path.write_text(path.read_text().replace("We use cookies to measure visits.", text))


def three_releases(root):
    for date, text in (("2024-06-01", "We use cookies to count visits."), ("2024-09-01", "Cookies count visits.")):
        (root / COOKIES).write_text(f"---\ntitle: Cookies\nowner: legal\n---\n{text}\n")
        result = run(root, "release", "web", "--effective", date)
        assert result.exit_code == 0, result.output



# -- history truncated or forged at its start ----------------------------------------------

def test_deleting_the_oldest_release_is_named(released):
    three_releases(released)
    shutil.rmtree(released / "versions/web/2024-01-10")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-06-01/manifest.yml: previous release 2024-01-10 is missing "
                             "(the history was truncated); restore versions/web/2024-01-10/ from version control\n")


def test_a_forged_release_before_the_first_is_named_and_not_published(released):
    forged = released / "versions/web/2023-01-01"
    shutil.copytree(released / "versions/web/2024-01-10", forged)
    (forged / "regions/us.md").write_text("We sell all your data.\n")
    rehash(forged, effective_date="2023-01-01")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2023-01-01: release 2023-01-01 is not in the history: release 2024-01-10 "
                             "records no predecessor; remove it; a release can only be added after the latest one\n")
    (released / "mkdocs.yml").write_text(MKDOCS)
    (released / "src").mkdir()
    assert run(released, "build").exit_code == 1
    assert not (released / "site").exists()


def test_a_release_slipped_between_two_is_named(released):
    three_releases(released)
    slipped = released / "versions/web/2024-07-01"
    shutil.copytree(released / "versions/web/2024-06-01", slipped)
    rehash(slipped, effective_date="2024-07-01")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert "versions/web/2024-07-01: release 2024-07-01 is not in the history: release 2024-09-01 follows " \
           "2024-06-01" in result.output


def test_the_head_commits_to_every_release(released):
    three_releases(released)
    store = VersionStore(released)
    head = store.head("web")
    # Rewriting the start of history consistently changes every manifest after it, so the head.
    first = released / "versions/web/2024-01-10"
    (first / "regions/us.md").write_text("We sell all your data.\n")
    rehash(first)
    for date, previous in (("2024-06-01", "2024-01-10"), ("2024-09-01", "2024-06-01")):
        folder = released / "versions/web" / date
        rehash(folder, previous_manifest=sha256((released / "versions/web" / previous / "manifest.yml").read_bytes()))
    rewritten = VersionStore(released)
    assert rewritten.verify() == []
    assert rewritten.head("web") != head


def test_deleting_a_middle_release_blames_the_release_that_lost_its_predecessor(released):
    three_releases(released)
    shutil.rmtree(released / "versions/web/2024-06-01")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-09-01/manifest.yml: previous release 2024-06-01 is missing; "
                             "restore versions/web/2024-06-01/ from version control\n")


# -- links inside a release ------------------------------------------------------------------

def test_a_symlinked_folder_added_inside_a_release_is_named(released, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "us.md").write_text("We sell all your data.\n")
    os.symlink(outside, released / "versions/web/2024-01-10/regions/extra")
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output == ("versions/web/2024-01-10/regions/extra: a symbolic link inside a release; remove it; "
                             "a release holds only the files it was made with\n")


def test_a_frozen_file_replaced_by_a_link_to_the_same_text_is_named(released, tmp_path):
    frozen = released / "versions/web/2024-01-10/regions/us.md"
    copy = tmp_path / "us.md"
    shutil.copy(frozen, copy)
    frozen.unlink()
    os.symlink(copy, frozen)
    result = run(released, "verify")
    assert result.exit_code == 1
    assert result.output.startswith("versions/web/2024-01-10/regions/us.md: a symbolic link inside a release")


# -- a large release stays readable ----------------------------------------------------------

def test_a_release_over_the_input_cap_stays_readable(statement_project):
    paragraph = "We keep records of your orders to deliver them and to answer your questions. " * 8 + "\n\n"
    # Each file under the 1 MB cap, the release over it; the edited section (whose verdict is
    # the slow part) is the smaller one.
    root = statement_project({
        "statements/web/sections/account.md": "---\ntitle: Your account\nowner: legal\n---\n"
                                              + paragraph * (640_000 // len(paragraph)),
        COOKIES: "---\ntitle: Cookies\nowner: legal\n---\nWe use cookies to measure visits.\n\n"
                 + paragraph * (380_000 // len(paragraph)),
    })
    assert run(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    assert (root / "versions/web/2024-01-10/regions/us.md").stat().st_size > 1_000_000, "not over the cap"
    diff = run(root, "diff", "web", "2024-01-10", "draft", "--region", "us")
    assert diff.exit_code == 0, diff.output
    edit_cookies(root, "We use cookies to count visits.")
    result = run(root, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert run(root, "verify").exit_code == 0
    (root / "mkdocs.yml").write_text(MKDOCS)
    (root / "src").mkdir()
    assert run(root, "build", "--date", "2024-07-01", "--no-pdf").exit_code == 0  # the pages, not 1 MB PDFs


# -- two releases at once ------------------------------------------------------------------

def test_concurrent_releases_keep_one_chain(released, monkeypatch):
    """Two releases of one statement at the same time: the second waits for the first, then
    follows it (or is refused); the chain stays whole."""
    edit_cookies(released, "We use cookies to count visits.")
    other: dict = {}
    write = release_module._write_atomically

    def second_release():
        try:
            other["version"] = release_module.release(load_project(released), VersionStore(released), "web",
                                                      "2024-09-01")
        except Exception as exc:
            other["error"] = exc

    def slow_write(version, files, attest=None):
        # The first release has read the history and is about to write: start the second now.
        if version.id == "2024-06-01":
            thread = threading.Thread(target=second_release)
            thread.start()
            thread.join(timeout=2)   # the second finishes here unless it waits for the lock
            other["thread"] = thread
        write(version, files, attest)

    monkeypatch.setattr(release_module, "_write_atomically", slow_write)
    first = release_module.release(load_project(released), VersionStore(released), "web", "2024-06-01")
    other["thread"].join(timeout=60)
    assert first.id == "2024-06-01"
    # The drafts are the same text: the second release, made after the first, is refused as unchanged.
    assert "version" not in other
    assert "unchanged since the release of 2024-06-01" in str(other["error"])
    assert VersionStore(released).verify() == []


def test_a_release_waits_for_the_lock_and_says_so(released, monkeypatch):
    edit_cookies(released, "We use cookies to count visits.")
    monkeypatch.setattr("privacykit.versions.store.LOCK_TIMEOUT_SECONDS", 0.2)
    with VersionStore(released).locked("web"):
        result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 1
    assert result.output == ("versions/web: another release of this statement is still running; "
                             "wait for it to finish, then run again\n")


# -- what a killed release or build leaves behind ------------------------------------------

def test_a_killed_release_leaves_nothing_the_next_release_keeps(released):
    stale = released / "versions/web/.2024-03-01.tmp-999999"
    (stale / "regions").mkdir(parents=True)
    (stale / "regions/us.md").write_text("half written\n")
    edit_cookies(released, "We use cookies to count visits.")
    assert run(released, "release", "web", "--effective", "2024-06-01").exit_code == 0
    assert sorted(p.name for p in (released / "versions/web").iterdir()) == ["2024-01-10", "2024-06-01"]


def test_a_killed_build_leaves_nothing_the_next_build_keeps(released):
    (released / "mkdocs.yml").write_text(MKDOCS)
    (released / "src").mkdir()
    for name in (".site-staging-k1ll3d", ".site-abc12_xy", f".site-old-{2**22 + 12345}"):
        (released / name / "web").mkdir(parents=True)
    (released / ".site-notes").mkdir()        # not ours: kept
    assert run(released, "build", "--date", "2024-02-01").exit_code == 0
    assert sorted(p.name for p in released.iterdir() if p.name.startswith(".")) == [".site-notes"]


def test_the_release_notes_reset_is_all_or_nothing(released, monkeypatch):
    notes = released / "statements/web/release-notes.md"
    written = "---\nsummary: Counting visits.\nacknowledge: []\n---\nWe count visits now.\n"
    notes.write_text(written)
    edit_cookies(released, "We use cookies to count visits.")
    real_write_bytes, real_write_text = type(notes).write_bytes, type(notes).write_text

    def half_then_full_disk(path, data, *args, **kwargs):
        if path.name.startswith(".release-notes") or path.name == "release-notes.md":
            data = data.encode() if isinstance(data, str) else data
            real_write_bytes(path, data[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return (real_write_text if isinstance(data, str) else real_write_bytes)(path, data, *args, **kwargs)

    monkeypatch.setattr(type(notes), "write_bytes", half_then_full_disk)
    monkeypatch.setattr(type(notes), "write_text", half_then_full_disk)
    result = run(released, "release", "web", "--effective", "2024-06-01")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert notes.read_text() == written
    assert sorted(p.name for p in notes.parent.iterdir() if p.name.startswith(".")) == []
    # chain44: the release was made, its notes were not reset. Those notes are refused for another release
    # (their summary is that release's); the same release run again finishes it, then has nothing to do.
    path = released / COOKIES
    path.write_text(path.read_text().replace("We use cookies to count visits.", "We count visits."))
    result = run(released, "release", "web", "--effective", "2024-07-01")
    assert result.exit_code == 1 and "the ones kept with the release of 2024-06-01" in result.output
    path.write_text(path.read_text().replace("We count visits.", "We use cookies to count visits."))
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 0 and "finished the interrupted release of web 2024-06-01" in result.output
    assert "summary:\n" in notes.read_text() and "Counting visits." not in notes.read_text()
    result = run(released, "release", "web", "--effective", "2024-06-01")
    assert result.exit_code == 0 and "web 2024-06-01 is already released from this draft" in result.output


def test_fresh_notes_name_no_release_so_two_branches_merge_them_cleanly(tmp_path):
    """chain44: the notes a release leaves name no release: two branches that both released leave the same text
    (no conflict when merged), and a release withdrawn later is never named as the one they were kept from."""
    from privacykit.versions.gate import reset_release_notes

    texts = []
    for name in ("a", "b"):
        reset_release_notes(tmp_path / name, "web", {"br": "source-binding"})
        texts.append((tmp_path / name).read_text())
    assert texts[0] == texts[1] and "Kept from the last release" in texts[0] and "translations: {br: " in texts[0]


def test_a_build_running_now_keeps_its_staging_folder(released):
    import fcntl

    (released / "mkdocs.yml").write_text(MKDOCS)
    (released / "src").mkdir()
    running = released / ".site-staging-running"
    running.mkdir()
    fd = os.open(running, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        build_site(released / "mkdocs.yml", released / "site", build_date="2024-02-01")
        assert running.is_dir()
    finally:
        os.close(fd)



# -- evidence44: a tampered release is never read silently ------------------------------------

def test_diff_refuses_a_release_whose_json_or_md_was_edited(released):
    three_releases(released)
    assert run(released, "diff", "web", "2024-01-10", "2024-06-01", "--region", "us").exit_code == 0
    for name in ("us.json", "us.md"):
        path = released / "versions/web/2024-06-01/regions" / name
        kept = path.read_bytes()
        path.write_bytes(kept.replace(b"count visits", b"sell visits"))
        assert path.read_bytes() != kept
        result = run(released, "diff", "web", "2024-01-10", "2024-06-01", "--region", "us")
        assert result.exit_code == 1
        assert result.output == (f"versions/web/2024-06-01/regions/{name}: frozen file was edited after release "
                                 "(sha256 mismatch), so it is not read; run privacykit verify, and restore the "
                                 "release from version control (releases are immutable)\n")
        path.write_bytes(kept)


def test_fresh_notes_are_written_by_the_yaml_writer_and_read_back_as_given(tmp_path):
    """The notes a release leaves are round-trip YAML: the same text as the notes always were, and the
    translations kept read back as the mapping the release gave (a region YAML would read as null quoted)."""
    from privacykit.load.frontmatter import split_front_matter
    from privacykit.load.yamlio import plain
    from privacykit.versions.gate import reset_release_notes

    notes = tmp_path / "release-notes.md"
    reset_release_notes(notes, "web", {"br": "source-binding", "cn": "source-binding"})
    assert notes.read_text("utf-8") == (
        "---\n# Release notes of the next web release (see README).\nsummary:\nacknowledge: []\n"
        "# Kept from the last release: these regions still read stale or untranslated\n"
        "# blocks, published as this says until they are translated (then remove them).\n"
        "translations: {br: source-binding, cn: source-binding}\n---\n")
    reset_release_notes(notes, "web", {"null": "source-binding"})
    front = plain(split_front_matter(notes.read_text("utf-8"), notes.name).meta)
    assert front == {"summary": None, "acknowledge": [], "translations": {"null": "source-binding"}}
