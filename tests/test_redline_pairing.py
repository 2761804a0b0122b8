"""Replaced blocks paired as readers read them, on real consecutive versions of the corpus:
a paragraph split in two (or two merged) paired with the part that keeps most of its words, a
list collapsed into a sentence paired with the sentence it became, a block moved with the same
words in other markup shown as moved (not as changed with nothing marked), and every changed
block's marked words spelling both sides and read alike in the HTML and Markdown redlines."""

from __future__ import annotations

import itertools
import re
from html import unescape

import pytest

from conftest import CORPUS
from privacykit.changes.redline import BlockStatus, redline
from privacykit.changes.report import _block_markdown, block_html
from test_redline import _as_document


def _spotify(old: str, new: str):
    path = CORPUS / "Spotify"
    return redline(_as_document((path / f"{old}.md").read_text("utf-8")),
                   _as_document((path / f"{new}.md").read_text("utf-8")))


def _section(result, sid: str):
    return next(s for s in result.sections if s.id == sid)


def _kept(words) -> int:
    return sum(len(w.text.split()) for w in words if w.op == "equal")


def test_a_row_split_in_three_is_paired_with_the_part_that_keeps_most_of_it():
    # "To provide the Spotify Service (as defined in Section 1 …)" became three rows: the service
    # under the contract, further parts of it, and voluntary features asked with consent.
    result = _spotify("2022-11-23T063355Z", "2022-12-30T183417Z")
    blocks = _section(result, "4-our-purpose-for-using-your-personal-data-text").blocks
    (provide,) = [b for b in blocks if b.old is not None and b.old.text.startswith("To provide the Spotify Service")]
    assert provide.status is BlockStatus.CHANGED
    assert provide.new.text.startswith("To provide the Spotify Service in accordance with our contract with you.")
    added = [b.new.text[:60] for b in blocks if b.status is BlockStatus.ADDED]
    assert any(t.startswith("To provide further parts of the Spotify Service.") for t in added)
    assert any(t.startswith("To provide certain additional voluntary features") for t in added)
    # The rewritten example of a purpose is that row changed, not a row removed and another added.
    (fulfil,) = [b for b in blocks if (b.new or b.old).text.startswith("To fulfill contractual obligations")]
    assert fulfil.status is BlockStatus.CHANGED and "pseudonymized" in fulfil.new.text


def test_two_rows_merged_are_paired_with_the_one_that_keeps_most_words():
    # "For marketing … where the law requires … consent" and "For other marketing … to tailor
    # advertising to your interests" became one row whose example is the second row's.
    result = _spotify("2024-06-12T123409Z", "2024-06-27T123405Z")
    blocks = _section(result, "4-our-purpose-for-using-your-personal-data-text").blocks
    (merged,) = [b for b in blocks if b.new is not None and b.new.text.startswith("For marketing or advertising")]
    assert merged.status is BlockStatus.CHANGED
    assert merged.old.text.startswith("For other marketing, promotion and advertising purposes")
    (other,) = [b for b in blocks if b.old is not None and b.old.text.startswith("For marketing or advertising where")]
    assert other.status is BlockStatus.REMOVED
    assert _kept(merged.words) > 20


def test_a_list_collapsed_into_a_sentence_is_paired_with_its_opening():
    # "Whenever we transfer … we use tools to:" + "make sure the data transfer complies …" became
    # one sentence; "To ensure each data transfer complies with applicable EU legislation" went.
    result = _spotify("2023-06-29T063611Z", "2023-06-29T123544Z")
    blocks = _section(result, "7-transfer-to-other-countries-text").blocks
    (sentence,) = [b for b in blocks if b.new is not None and b.new.text.startswith("Whenever we transfer")]
    assert sentence.status is BlockStatus.CHANGED
    assert sentence.old.text == "Whenever we transfer personal data internationally, we use tools to:"
    (ensure,) = [b for b in blocks if b.old is not None and b.old.text.startswith("To ensure each data transfer")]
    assert ensure.status is BlockStatus.REMOVED


def test_an_item_merged_from_three_blocks_is_paired_with_the_one_that_keeps_most_of_it():
    # "*Data retained for extended time periods …", "After your account is deleted, we keep some data …"
    # and the item "Is Spotify subject to a legal or contractual obligation … mandatory data retention
    # laws …" became one item: paired with the last, whose words it keeps most of; the items around it
    # are changed in place (", or"), and nothing is shown changed with nothing marked.
    result = _spotify("2023-06-29T063611Z", "2023-12-05T123522Z")
    blocks = _section(result, "6-data-retention-text").blocks
    (joined,) = [b for b in blocks if b.new is not None and b.new.text.startswith("Data retained for extended time")]
    assert joined.status is BlockStatus.CHANGED
    assert joined.old.text.startswith("Is Spotify subject to a legal or contractual obligation")
    assert _kept(joined.words) > 25
    (safety,) = [b for b in blocks if b.new is not None and b.new.text.startswith("to help ensure user safety")]
    assert [(w.op, w.text) for w in safety.words if w.op != "equal"] == [("insert", ", or")]


def test_a_block_moved_with_the_same_words_in_other_markup_is_moved_not_changed():
    result = _spotify("2025-05-13T003524Z", "2025-08-06T124018Z")
    moved = [b for s in result.sections for b in s.blocks
             if b.origin and b.old is not None and b.new is not None and b.old.text == b.new.text]
    assert moved, "the Safety & Privacy Center block and the recipients' rows moved between sections"
    assert all(b.status is BlockStatus.MOVED and not b.words for b in moved)


_MARKS = re.compile(r"<(ins|del)>(.*?)</\1>", re.S)
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]|~])")


_TAG = re.compile(r"<[^>]*>")


def _marks(text: str, markdown: bool = False) -> list[tuple[str, str]]:
    """The marked words, in order (a link or emphasis inside a mark of the HTML aside)."""
    return [(tag, " ".join(unescape(_MD_ESCAPE.sub(r"\1", body) if markdown else _TAG.sub("", body)).split()))
            for tag, body in _MARKS.findall(text)]


@pytest.mark.parametrize("service", ["LinkedIn", "Pinterest", "Quora", "Reddit", "Snapchat", "Spotify", "Telegram",
                                     "Twitch"])
def test_what_readers_see_is_what_changed(service):
    """Two consecutive versions of each service: no block shown changed with nothing marked, no
    marked words that do not spell both sides, no mark inside a word, and the Markdown report
    marks the words the HTML redline marks."""
    files = sorted((CORPUS / service).glob("*.md"))
    old, new = (_as_document(f.read_text("utf-8")) for f in files[-2:])
    result = redline(old, new)
    titles = {s.id: s.title for s in result.sections} | result.distinct_titles()
    for section in result.sections:
        for block in section.blocks:
            if block.status is BlockStatus.EQUAL:
                assert block.old.key == block.new.key
                continue
            if block.part:
                continue        # shown with the paragraph it was split from or merged into
            if block.status is BlockStatus.CHANGED:
                assert block.old.text != block.new.text
                assert "".join(w.text for w in block.words if w.op != "insert") == block.old.text
                assert "".join(w.text for w in block.words if w.op != "delete") == block.new.text
                for a, b in itertools.pairwise(block.words):
                    torn = a.text[-1:].isalnum() and b.text[:1].isalnum()
                    assert not (torn and "equal" in (a.op, b.op)), (a, b)
            elif block.old is not None and block.new is not None:
                assert block.old.text == block.new.text, block.status
            assert _marks(block_html(block, titles)) == _marks(_block_markdown(block, titles), markdown=True)
