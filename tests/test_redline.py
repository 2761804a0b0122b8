"""The redline engine on small cases and on real consecutive versions from the corpus."""

from __future__ import annotations

import difflib

import pytest

from conftest import CORPUS
from privacykit.changes.redline import BlockStatus, SectionStatus, redline, split_blocks
from privacykit.changes.report import redline_json, redline_markdown
from privacykit.load.importer import split_policy
from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection


def doc(*sections: tuple[str, str]) -> ResolvedDocument:
    return ResolvedDocument("s", "Statement", "global", "Global", "en-US", (ResolvedGroup("g", "G"),),
                            tuple(ResolvedSection(sid, sid.title(), text, "g") for sid, text in sections))


def test_moved_unchanged_section_is_moved_not_deleted_and_added():
    result = redline(doc(("a", "Alpha."), ("b", "Beta."), ("c", "Gamma.")),
                     doc(("b", "Beta."), ("c", "Gamma."), ("a", "Alpha.")))
    assert [(s.id, s.status) for s in result.sections if s.is_change] == [("a", SectionStatus.MOVED)]
    assert result.summary() == "1 section moved"


def test_one_word_change_marks_only_that_word():
    result = redline(doc(("a", "Children aged 16 and over may use our sites.")),
                     doc(("a", "Children aged 13 and over may use our sites.")))
    block = result.sections[0].blocks[0]
    assert block.status is BlockStatus.CHANGED
    assert [(w.op, w.text) for w in block.words if w.op != "equal"] == [("delete", "16"), ("insert", "13")]


def test_list_item_added_and_changed():
    old = "Rights:\n\n* Access to your data\n* Erasure\n* Portability\n"
    new = "Rights:\n\n* Access to a copy of your data\n* Erasure\n* Objection\n* Portability\n"
    blocks = redline(doc(("r", old)), doc(("r", new))).sections[0].blocks
    assert [(b.status.value, b.kind) for b in blocks] == [
        ("equal", "p"), ("changed", "li"), ("equal", "li"), ("added", "li"), ("equal", "li")]


def test_whitespace_only_change_is_reported_as_such():
    result = redline(doc(("a", "We collect your\nname and  e-mail.")), doc(("a", "We collect your name and e-mail.")))
    assert [b.status for b in result.sections[0].blocks] == [BlockStatus.WHITESPACE]


def test_formatting_only_change_is_reported_as_such():
    result = redline(doc(("a", "Contact [privacy@example.com](mailto:old@example.com) **now**.")),
                     doc(("a", "Contact [privacy@example.com](mailto:privacy@example.com) now.")))
    assert [b.status for b in result.sections[0].blocks] == [BlockStatus.FORMATTING]


def test_added_removed_and_summary_counts():
    result = redline(doc(("a", "A."), ("b", "B."), ("c", "C.")),
                     doc(("a", "A, changed."), ("c", "C."), ("d", "D.")))
    assert result.summary() == "1 section changed, 1 added, 1 removed"
    assert [s.id for s in result.sections] == ["a", "b", "c", "d"]


def test_identical_documents_have_no_changes():
    d = doc(("a", "Alpha.\n\n* one\n* two\n"))
    result = redline(d, d)
    assert not result.changed and result.summary() == "no changes"


def test_reports_in_three_formats():
    result = redline(doc(("a", "We keep data for 2 years.")), doc(("a", "We keep data for 5 years.")))
    assert "<del>2</del><ins>5</ins>" in redline_markdown(result)
    assert '"summary": "1 section changed"' in redline_json(result)


def _corpus_pair(service: str, index: int):
    files = sorted((CORPUS / service).glob("*.md"))
    return files[index].read_text("utf-8"), files[index + 1].read_text("utf-8")


def _as_document(text: str) -> ResolvedDocument:
    imported = split_policy(text, "corpus")
    sections = []
    for group in imported.groups:
        for section in group.sections:
            sections.append(ResolvedSection(section.id, section.title, section.body, group.id))
    return ResolvedDocument("p", imported.title, "global", "Global", "en-US",
                            tuple(ResolvedGroup(g.id, g.heading) for g in imported.groups), tuple(sections))


def _words(text: str) -> list[str]:
    """Visible words of the section bodies, as the redline sees them (headings aside)."""
    words: list[str] = []
    for section in _as_document(text).sections:
        for block in split_blocks(section.markdown):
            words.extend(block.text.split())
    return words


@pytest.mark.parametrize("service, index", [("Telegram", 0), ("Telegram", 1), ("Reddit", 0), ("Spotify", 0)])
def test_corpus_redline_finds_the_changes_difflib_finds(service, index):
    old_text, new_text = _corpus_pair(service, index)
    result = redline(_as_document(old_text), _as_document(new_text))
    inserted = set()
    deleted = set()
    for section in result.sections:
        for block in section.blocks:
            if block.words:
                inserted.update(w for op in block.words if op.op == "insert" for w in op.text.split())
                deleted.update(w for op in block.words if op.op == "delete" for w in op.text.split())
            elif block.status is BlockStatus.ADDED:
                inserted.update(block.new.text.split())
            elif block.status is BlockStatus.REMOVED:
                deleted.update(block.old.text.split())
    a, b = _words(old_text), _words(new_text)
    expected_ins, expected_del = set(), set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("insert", "replace"):
            expected_ins.update(b[j1:j2])
        if tag in ("delete", "replace"):
            expected_del.update(a[i1:i2])
    # Every word difflib sees inserted or deleted, the redline shows too.
    missing = {w.strip(".,;:()*") for w in expected_ins} - {w.strip(".,;:()*") for w in inserted}
    assert not missing - {""}, sorted(missing)[:10]
    missing = {w.strip(".,;:()*") for w in expected_del} - {w.strip(".,;:()*") for w in deleted}
    assert not missing - {""}, sorted(missing)[:10]
    if a != b:
        assert result.changed
