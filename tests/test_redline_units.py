"""A paragraph split in several (or several merged into one) is one change, and a changed block keeps
its links and emphasis, on real consecutive versions of the corpus and on the example's releases."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import CORPUS, REPO
from privacykit.changes.redline import BlockStatus, diff_blocks, redline
from privacykit.changes.report import _block_markdown, block_html, redline_html, redline_markdown
from privacykit.changes.styled import rebased
from privacykit.publish.redline import spoken
from privacykit.versions.store import VersionStore
from test_redline import _as_document

_MARKS = re.compile(r"<(ins|del)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]|~])")


def _pair(service: str, old: str, new: str):
    path = CORPUS / service
    return redline(_as_document((path / f"{old}.md").read_text("utf-8")),
                   _as_document((path / f"{new}.md").read_text("utf-8")))


def _blocks(result, sid: str):
    return next(s for s in result.sections if s.id == sid).blocks


def _marks(text: str, markdown: bool = False) -> list[tuple[str, str]]:
    return [(tag, " ".join(unescape(_MD_ESCAPE.sub(r"\1", body) if markdown else _TAG.sub("", body)).split()))
            for tag, body in _MARKS.findall(text)]


class _Balanced(HTMLParser):
    """Every element closed, in order (what a browser would not have to repair)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.faults: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.faults.append(tag)


def _balanced(html: str) -> bool:
    parser = _Balanced()
    parser.feed(html)
    parser.close()
    return not parser.faults and not parser.open


def test_a_paragraph_split_in_two_is_one_change_marked_across_its_parts():
    # Telegram's translation paragraph became two: its first sentence gained one about Premium, its
    # second (from "Since Telegram may rely …") is a paragraph of its own, reworded.
    result = _pair("Telegram", "2022-09-20T152258Z", "2023-02-04T003355Z")
    blocks = _blocks(result, "8-4-translation-of-chats-channels-and-specific-messages-at-t")
    (head,) = [b for b in blocks if b.unit is not None]
    assert head.unit.kind == "split" and len(head.unit.blocks) == 2 and head.unit.changed
    first, second = head.unit.blocks
    assert first.text.startswith("Users can choose to translate") and second.text.startswith("Since Telegram may")
    (part,) = [b for b in blocks if b.part]
    assert part.status is BlockStatus.ADDED and part.new in head.unit.blocks
    # Both sides spelled by the unit's words.
    assert "".join(w.text for w in head.unit.words if w.op != "insert") == head.old.text
    assert "".join(w.text for w in head.unit.words if w.op != "delete") == f"{first.text} {second.text}"
    html = block_html(head)
    assert html.startswith('<div class="pk-redline__block pk-redline__block--changed pk-redline__block--split">')
    paragraphs = re.findall(r'<p class="pk-redline__part[^"]*">(.*?)</p>', html)
    assert len(paragraphs) == 2
    assert "<ins>Telegram Premium users can also optionally enable" in paragraphs[0]
    assert "<del>specific</del><ins>any message or set of</ins>" in paragraphs[1]
    assert "paragraph split in 2" in paragraphs[1]
    assert _balanced(html)
    # The Markdown report marks the same words, a pilcrow where the second paragraph begins.
    markdown = _block_markdown(head, {})
    assert markdown.startswith("paragraph split in 2: ") and " ¶ Since Telegram may rely" in markdown
    assert _marks(markdown, markdown=True) == _marks(html)
    # The part is shown once, inside the unit, in both redlines.
    whole, report = redline_html(result), redline_markdown(result)
    assert whole.count("Since Telegram may rely on a third-party, Google LLC") == 1
    assert "added: <ins>Since Telegram may rely" not in report


def test_a_paragraph_split_in_three_keeps_its_parts_in_order():
    # Spotify's "Data retained until you remove it …" became a heading and two paragraphs.
    result = _pair("Spotify", "2024-06-12T123409Z", "2024-06-27T123405Z")
    units = [b for b in _blocks(result, "6-data-retention-text") if b.unit is not None]
    (three,) = [b for b in units if len(b.unit.blocks) == 3]
    assert three.old.text.startswith("Data retained until you remove it")
    assert three.unit.blocks[0].text.startswith("*Data retained until you remove it")
    html = block_html(three)
    assert html.count('<p class="pk-redline__part') == 3 and _balanced(html)
    assert _marks(_block_markdown(three, {}), markdown=True) == _marks(html)


def test_two_paragraphs_merged_are_one_change():
    # Quora's list items "Legally Required." and "Protection of Rights." became one paragraph.
    result = _pair("Quora", "2022-07-30T123204Z", "2022-08-05T003201Z")
    (head,) = [b for b in _blocks(result, "how-we-share-your-information-text") if b.unit is not None]
    assert head.unit.kind == "merged" and len(head.unit.blocks) == 2
    assert [b.text.split(".")[0] for b in head.unit.blocks] == ["Legally Required", "Protection of Rights"]
    html = block_html(head)
    assert "2 paragraphs merged into one" in html and "pk-redline__block--merged" in html
    assert head.new.text.startswith("Protection of Rights and When Legally Required.")
    assert _marks(_block_markdown(head, {}), markdown=True) == _marks(html)


def test_paragraphs_merged_with_the_same_words_say_so_with_nothing_marked():
    result = _pair("Pinterest", "2023-01-19T183246Z", "2023-01-26T003245Z")
    (head,) = [b for b in _blocks(result, "we-collect-information-in-a-few-different-ways-text") if b.unit is not None]
    assert not head.unit.changed
    html = block_html(head)
    assert "2 paragraphs merged into one; the words are the same" in html
    assert "pk-redline__block--formatting" in html and not _marks(html.split('<span class="pk-redline__link">')[0])
    markdown = _block_markdown(head, {})
    assert markdown.startswith("2 paragraphs merged into one; the words are the same: When you sign up")


def test_a_new_summary_sharing_some_words_is_not_a_part():
    # "We collect minimal information about you." added before Reddit's rewritten introduction shares
    # two thirds of its words with it (0.67, under UNIT_SHARE): a sentence added, not a split.
    result = _pair("Reddit", "2023-08-01T003343Z", "2024-02-16T003422Z")
    found = [b for s in result.sections for b in s.blocks
             if b.new is not None and b.new.text == "We collect minimal information about you."]
    assert found and all(b.status is BlockStatus.ADDED and not b.part for b in found)
    assert not any(b.unit is not None and any(p.text == found[0].new.text for p in b.unit.blocks)
                   for s in result.sections for b in s.blocks)


def test_a_changed_block_keeps_its_links_and_emphasis():
    # LinkedIn's preamble: the date line, emphasised and linked, was replaced by the next one.
    result = _pair("LinkedIn", "2025-10-03T003415Z", "2025-11-04T003500Z")
    (dated,) = [b for b in _blocks(result, "preamble-text")
                if b.status is BlockStatus.CHANGED and b.new.text == "Effective November 3, 2025"]
    html = block_html(dated)
    target = "https://www.linkedin.com/help/linkedin/answer/a1341216/updates-to-user-agreement-and-privacy-policy"
    assert f'<em><a href="{target}" rel="noopener noreferrer">Effective <del>February 27</del><ins>November 3</ins>' \
           f', 2025</a></em>' in html
    assert _balanced(html)


def test_a_changed_link_target_is_shown_with_the_new_target_and_as_a_change():
    result = _pair("Reddit", "2026-01-15T004951Z", "2026-07-02T125146Z")
    (intro,) = [b for b in _blocks(result, "introduction-text")
                if b.status is BlockStatus.CHANGED and any(k.text == "anonymously" for k in b.links)]
    html = block_html(intro)
    new = "https://support.reddithelp.com/hc/en-us/articles/360045622611-What-is-Anonymous-Browsing-and-how-does-it-work-"
    assert f'<a href="{new}" rel="noopener noreferrer">anonymously</a>' in html
    assert "link “anonymously”: <del>https://support.reddithelp.com/hc/articles/" in html


def test_a_link_to_a_section_leads_to_the_statement_page_from_the_redline_page():
    # Spotify's children section gained a link to "#12-how-to-contact-us": on the redline page
    # (the statement's `changes/`), it leads to the statement's section.
    result = _pair("Spotify", "2025-10-23T084950Z", "2026-04-14T005554Z")
    (children,) = [b for b in _blocks(result, "9-children-text")
                   if b.status is BlockStatus.CHANGED and any(k.text == "contact us" for k in b.links)]
    assert 'href="../#12-how-to-contact-us"' in block_html(children, base="../")
    assert 'href="#12-how-to-contact-us"' in block_html(children)
    assert rebased("../")("https://x.example/#a") == "https://x.example/#a"
    assert rebased("../")("mailto:privacy@example.com") == "mailto:privacy@example.com"
    assert rebased("../")("/legal/") == "/legal/"


def test_the_marks_still_speak_with_links_inside():
    result = _pair("LinkedIn", "2025-10-03T003415Z", "2025-11-04T003500Z")
    (dated,) = [b for b in _blocks(result, "preamble-text")
                if b.status is BlockStatus.CHANGED and b.new.text == "Effective November 3, 2025"]
    t = {"inserted": "inserted:", "deleted": "deleted:", "inserted_end": "end of insertion",
         "deleted_end": "end of deletion"}
    html = str(spoken(block_html(dated), t, None, "en-US"))
    # Each mark (in the text, inside the link, and in the note on the link's targets) says what it is.
    assert html.count("<ins>") == html.count(">inserted: </span>") == html.count("(end of insertion)") == 2
    assert html.count("<del>") == html.count(">deleted: </span>") == html.count("(end of deletion)") == 2
    assert "<del><span class=\"pk-sr-only\" lang=\"en-US\">deleted: </span>February 27" in html


@pytest.mark.parametrize("hostile", [
    "See [our page](javascript:alert(1)) now",
    'See <a href="https://e.example/" onclick="alert(1)">our page</a> now',
    'See <img src="x" onerror="alert(1)" alt="our page"> now <script>alert(1)</script>',
    'See <em title="&quot;><script>alert(1)</script>">our page</em> now',
])
def test_content_cannot_add_markup_to_a_changed_block(hostile):
    (change,) = diff_blocks(hostile.replace("now", "today"), hostile)
    html = block_html(change)
    assert change.status is BlockStatus.CHANGED and _balanced(html)
    lowered = html.lower()
    assert "javascript:" not in lowered and "onclick" not in lowered and "onerror" not in lowered
    assert "<script" not in lowered and "<img" not in lowered


def test_the_example_with_a_paragraph_split_and_a_link_changed():
    """The example's latest release, edited as an author would: a paragraph holding a link split after
    its first sentence, a word changed, the link given another target. One change, marked across its
    parts, the link shown with its new target and its change noted; the Markdown report marks the same."""
    store = VersionStore(REPO)
    release = store.versions("website")[-1]
    old = store.document(release, "global")
    section = next(s for s in old.sections if "](mailto:" in s.markdown or "](https://" in s.markdown)
    paragraph = next(p for p in section.markdown.split("\n\n") if "](" in p and ". " in p.split("](")[0])
    first, rest = paragraph.split(". ", 1)
    target = re.search(r"\]\(([^)]+)\)", rest).group(1)
    edited = f"{first}, in writing.\n\n{rest}".replace(f"]({target})", "](https://example.com/new-form)")
    new = replace(old, sections=tuple(replace(s, markdown=s.markdown.replace(paragraph, edited))
                                      if s.id == section.id else s for s in old.sections))
    result = redline(old, new)
    (head,) = [b for s in result.sections for b in s.blocks if b.unit is not None]
    assert head.unit.kind == "split" and head.unit.changed
    html = block_html(head)
    assert '<a href="https://example.com/new-form"' in html and _balanced(html)
    assert f"<del>{target}</del> → <ins>https://example.com/new-form</ins>" in html
    assert "<ins>, in writing</ins>" in html
    assert _marks(_block_markdown(head, {}), markdown=True) == _marks(html)
