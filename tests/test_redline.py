"""The redline engine on small cases and on real consecutive versions from the corpus."""

from __future__ import annotations

import difflib
import itertools
import json
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from privacykit.changes.redline import BlockStatus, SectionStatus, reading, redline, split_blocks
from privacykit.changes.redline import rebuild as rebuild_side
from privacykit.changes.report import block_html, redline_html, redline_json, redline_markdown
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
    # The link that changed is shown with its old and new target.
    (link,) = result.sections[0].blocks[0].links
    assert (link.text, link.old, link.new) == ("privacy@example.com", "mailto:old@example.com",
                                               "mailto:privacy@example.com")


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


def _marks_closed(markdown: str) -> bool:
    return all(line.count(f"<{t}>") == line.count(f"</{t}>") for line in markdown.splitlines() for t in ("ins", "del"))


def _json_sides(result, old: ResolvedDocument, new: ResolvedDocument) -> None:
    data = json.loads(redline_json(result))
    assert rebuild_side(data, "old") == reading(old)
    assert rebuild_side(data, "new") == reading(new)


@pytest.mark.parametrize("old, new, inserted", [
    ("Children < 16 may not register.", "Children < 13 may not register.", "13"),
    ("Write to <privacy@example.com> for help.", "Write to <legal@example.com> for help.", "legal"),
    ("We keep logs for < 30 days.", "We keep logs for < 3650 days.", "3650"),
    ("Minors (age <16>) need consent.", "Minors (age <13>) need consent.", "13"),
])
def test_text_between_angle_brackets_is_compared(old, new, inserted):
    """What readers see between `<` and `>` is text: a change there is never 'formatting only'."""
    result = redline(doc(("a", old)), doc(("a", new)))
    blocks = [b for b in result.sections[0].blocks if b.status is not BlockStatus.EQUAL]
    assert [b.status for b in blocks] == [BlockStatus.CHANGED]
    assert inserted in "".join(w.text for w in blocks[0].words if w.op == "insert")


def test_text_in_a_style_element_is_not_part_of_the_redline(statement_project):
    """Readers never see a <style> element: its words are neither in the redline nor in the record."""
    from privacykit.load.project import load_project
    from privacykit.render.resolve import resolve

    before = doc(("a", "We use cookies.\n\n<style>p { color: red } We sell your data.</style>\n"))
    after = doc(("a", "We use cookies.\n"))
    assert not redline(before, after).changed
    root = statement_project({"statements/web/sections/cookies.md": (
        "---\ntitle: Cookies\nowner: legal\n---\nWe use cookies.\n\n<style>\nWe sell your data.\n</style>\n")})
    record = resolve(load_project(root), "web", "global").to_markdown()
    assert "We use cookies." in record and "sell" not in record


def _grouped(title: str, heading: str, sections, gid: str = "g", shown: bool = True) -> ResolvedDocument:
    return ResolvedDocument("s", title, "global", "Global", "en-US", (ResolvedGroup(gid, heading),),
                            tuple(ResolvedSection(sid, t, text, gid, show_heading=shown) for sid, t, text in sections))


def test_a_changed_title_top_heading_or_hidden_heading_is_a_change():
    sections = [("a", "Your account", "We collect your name.\n")]
    base = _grouped("Privacy Statement", "What do we collect?", sections)
    title = redline(base, _grouped("Privacy and Cookie Statement", "What do we collect?", sections))
    assert title.changed and title.summary() == "title changed" and title.old_title == "Privacy Statement"
    assert "<del>Privacy</del>" not in redline_html(title) and "<ins>and Cookie </ins>" in redline_html(title)
    heading = redline(base, _grouped("Privacy Statement", "What do we collect and sell?", sections))
    assert heading.changed and heading.summary() == "1 heading changed"
    assert [(g.old_heading, g.heading) for g in heading.headings] == [("What do we collect?",
                                                                       "What do we collect and sell?")]
    assert "- heading: What do we collect<ins> and sell</ins>?" in redline_markdown(heading)
    # A top heading renamed with its id (ids come from headings) is one heading, its sections unmoved.
    renamed = redline(base, _grouped("Privacy Statement", "What do we collect and sell?", sections, gid="g2"))
    assert renamed.summary() == "1 heading changed"
    hidden = redline(base, _grouped("Privacy Statement", "What do we collect?", sections, shown=False))
    assert hidden.summary() == "1 section changed" and hidden.sections[0].heading_toggled
    assert "heading no longer shown" in redline_markdown(hidden)
    for result, new in ((title, title.new_document), (heading, heading.new_document),
                        (renamed, renamed.new_document), (hidden, hidden.new_document)):
        _json_sides(result, base, new)


def test_a_release_that_changes_only_a_top_heading_says_so(released):
    from conftest import run_cli
    from privacykit.versions.store import VersionStore

    statement = released / "statements/web/statement.yml"
    # Worded so that no rule asks for notice (a heading that says "sell" is read as a sale).
    statement.write_text(statement.read_text().replace("What do we collect?", "What we collect"))
    result = run_cli(released, "release", "web", "--effective", "2024-02-10")
    assert result.exit_code == 0, result.output
    assert VersionStore(released).versions("web")[-1].summary == "1 heading changed."


def test_a_renamed_section_with_the_same_text_shows_its_old_title_and_text():
    old = doc(("cookies", "We use cookies to measure visits to our pages and to keep you signed in."))
    new = doc(("cookie-technologies", "We use cookies to measure visits to our pages and to keep you signed in."))
    result = redline(old, new)
    (change,) = result.sections
    assert (change.status, change.old_title, change.title) == (SectionStatus.CHANGED, "Cookies",
                                                               "Cookie-Technologies")
    assert "was titled “Cookies”; text unchanged" in redline_markdown(result)
    html = redline_html(result)
    assert "<del>Cookies</del><ins>Cookie-Technologies</ins>" in html and "measure visits" in html
    _json_sides(result, old, new)


def test_a_long_paragraph_with_a_two_word_change_is_marked_word_by_word():
    words = [f"word{i % 700}" for i in range(3000)]
    old_text = " ".join(words)
    words[1234], words[2345] = "changed", "also"
    new_text = " ".join(words)
    result = redline(doc(("a", old_text)), doc(("a", new_text)))
    (block,) = result.sections[0].blocks
    assert block.status is BlockStatus.CHANGED
    assert [(w.op, w.text) for w in block.words if w.op != "equal"] == [
        ("delete", "word534"), ("insert", "changed"), ("delete", "word245"), ("insert", "also")]
    report = redline_markdown(result)
    line = next(line for line in report.splitlines() if "<ins>changed</ins>" in line)
    # Unchanged words are shortened around the marks; marked words never are.
    assert len(line) < 600 and "<del>word534</del><ins>changed</ins>" in line and "<ins>also</ins>" in line
    assert _marks_closed(report)


def test_a_replaced_phrase_in_a_long_paragraph_keeps_the_spaces_around_it_in_markdown():
    # The pull-request comment shortens the unchanged words around a change; the spaces next to the
    # change are the text's, not the shortening's: GitHub would render "encryptionwhen necessary" (gov44).
    before = " ".join(f"clause{i} of the account terms" for i in range(40)) + "; we use encryption "
    after = " while transmitting " + " ".join(f"and to server{i} in another country" for i in range(40)) + "."
    result = redline(doc(("a", before + "when necessary" + after)), doc(("a", before + "where appropriate" + after)))
    report = redline_markdown(result)
    line = next(line for line in report.splitlines() if "<ins>" in line)
    assert "encryption <del>when necessary</del><ins>where appropriate</ins> while transmitting" in line
    assert len(line) < 400 and "…" in line
    # What a reader of the comment sees of the new text: the words as the draft spaces them.
    new_side = re.sub(r"</?ins>", "", re.sub(r"<del>.*?</del>", "", line))
    assert "we use encryption where appropriate while transmitting and" in new_side
    assert "encryption <del>when necessary</del><ins>where appropriate</ins> while" in redline_html(result)


def test_a_changed_table_cell_is_marked_word_by_word():
    old = "| Data | Kept for |\n| --- | --- |\n| Logs | 7 days |\n| Orders | 10 years |\n"
    new = "| Data | Kept for |\n| --- | --- |\n| Logs | 3 months |\n| Orders | 10 years |\n"
    result = redline(doc(("a", old)), doc(("a", new)))
    blocks = result.sections[0].blocks
    assert [(b.status, b.kind) for b in blocks] == [(BlockStatus.EQUAL, "row"), (BlockStatus.CHANGED, "row"),
                                                    (BlockStatus.EQUAL, "row")]
    assert blocks[0].new.text == "Data | Kept for" and "---" not in blocks[0].new.text
    assert [(w.op, w.text) for w in blocks[1].words] == [
        ("equal", "Logs | "), ("delete", "7 days"), ("insert", "3 months")]
    assert "Logs | <del>7 days</del><ins>3 months</ins>" in redline_html(result)


def test_a_changed_opt_out_link_shows_its_old_and_new_target():
    old = "You can [opt out of targeted advertising](https://example.com/optout) at any time."
    new = "You can [opt out of targeted advertising](https://ads.partner.example/optout) at any time."
    result = redline(doc(("a", old)), doc(("a", new)))
    (block,) = result.sections[0].blocks
    assert block.status is BlockStatus.FORMATTING
    html = block_html(block)
    assert "link changed; the text is the same" in html
    assert "<del>https://example.com/optout</del> → <ins>https://ads.partner.example/optout</ins>" in html
    assert ("link “opt out of targeted advertising”: <del>https://example.com/optout</del> → "
            "<ins>https://ads.partner.example/optout</ins>") in redline_markdown(result)


def test_a_paragraph_moved_between_sections_is_a_move_with_its_origin():
    moved = "If you are under 16, we ask a parent or guardian to agree before you create an account."
    old = doc(("account", f"We collect your name.\n\n{moved}"), ("children", "Our services are for everyone."))
    new = doc(("account", "We collect your name."), ("children", f"Our services are for everyone.\n\n{moved}"))
    result = redline(old, new)
    account, children = result.sections
    (gone,) = [b for b in account.blocks if b.status is not BlockStatus.EQUAL]
    (came,) = [b for b in children.blocks if b.status is not BlockStatus.EQUAL]
    assert (gone.status, gone.destination, came.status, came.origin) == (BlockStatus.MOVED, "children",
                                                                         BlockStatus.MOVED, "account")
    assert "moved from “Account”" in block_html(came, {"account": "Account"})
    assert "moved to “Children”" in redline_markdown(result)
    _json_sides(result, old, new)
    # Moved and reworded: the move keeps its origin, and only the new words are marked.
    edited = doc(("account", "We collect your name."),
                 ("children", "Our services are for everyone.\n\n" + moved.replace("16", "13")))
    came = next(b for b in redline(old, edited).sections[1].blocks if b.status is not BlockStatus.EQUAL)
    assert (came.status, came.origin) == (BlockStatus.CHANGED, "account")
    assert [(w.op, w.text) for w in came.words if w.op != "equal"] == [("delete", "16"), ("insert", "13")]


# Reddit 2024-05-09 → 2024-08-17, "Additional Information for EEA and UK Users" (trimmed): the
# consent basis moved to the end of the list (and took the "or"), a contract basis was added.
EEA_OLD = """We process your information on the following legal bases:

* You have consented for us to do so for a specific purpose;
* We need to process the information to provide the Services, including to operate the Services, provide customer support and personalized features and to protect the safety and security of the Services;
* It satisfies a legitimate interest (which is not overridden by your data protection interests), such as preventing fraud, enforcing our rules and policies, and marketing and promoting the Services; or
* We need to process your information to comply with our legal obligations.
"""
EEA_NEW = """We process your information where:

* It is necessary to fulfill our contract with you, including
* to provide, operate, and improve the Services, provide customer support, personalize features and to protect the safety and security of the Services;
* It satisfies a legitimate interest (which is not overridden by your data protection interests), such as preventing fraud, enforcing our rules and policies, and marketing and promoting the Services;
* You have consented for us to do so for a specific purpose; or
* We need to process your information to comply with our legal obligations.
"""


def test_a_list_item_moved_within_its_section_is_shown_once_as_moved_there():
    old, new = doc(("eea", EEA_OLD)), doc(("eea", EEA_NEW))
    result = redline(old, new)
    blocks = [b for b in result.sections[0].blocks if b.status is not BlockStatus.EQUAL]
    shown = [(b.status.value, b.moved, (b.new or b.old).text.split()[0]) for b in blocks]
    assert shown == [("changed", False, "We"), ("added", False, "It"), ("changed", False, "to"),
                     ("changed", False, "It"), ("changed", True, "You")]
    # Never "moved from/to" the section it is in; the moved item shows its one new word.
    assert not any(b.origin or b.destination for b in blocks)
    consent = blocks[-1]
    assert [(w.op, w.text) for w in consent.words if w.op != "equal"] == [("insert", " or")]
    assert "moved within the section" in block_html(consent)
    assert "moved within the section, changed: You have consented" in redline_markdown(result)
    assert json.loads(redline_json(result))["sections"][0]["blocks"][-2]["moved"] is True
    _json_sides(result, old, new)


# Reddit 2024-05-09 → 2024-08-17, "What Information We Collect" (trimmed): a "Reddit Pro Users"
# row was inserted before a row that only changed "e.g." to "for example".
PROGRAM = ("If you sign up to participate in a Reddit Program ({eg} our Contributor Program), we collect, "
           "directly or indirectly through our providers, some additional information from you ({eg} your "
           "name, date of birth, address, email, tax, government ID, and payment information).")
ADS = ("If you use Reddit Ads (Reddit’s self-serve ads platform at ads.reddit.com), we collect some additional "
       "information. To sign up for Reddit Ads, you must provide your name, email address, and information "
       "about your business.")


def _row(label: str, text: str) -> str:
    return f"|     | Information Collected from {label}  <br>{text} |     |\n"


def test_an_inserted_table_row_reads_as_inserted_not_as_the_next_row_rewritten():
    head = "| a | b | c |\n| --- | --- | --- |\n"
    old = head + _row("Advertisers", ADS) + _row("Reddit Program Participants", PROGRAM.format(eg="e.g.,"))
    new = head + _row("Advertisers", ADS) + _row("Reddit Pro Users", PROGRAM.format(eg="for example,")) + \
        _row("Reddit Program Participants", PROGRAM.format(eg="for example,"))
    blocks = [b for b in redline(doc(("c", old)), doc(("c", new))).sections[0].blocks
              if b.status is not BlockStatus.EQUAL]
    assert [(b.status, "Pro Users" in (b.new or b.old).text) for b in blocks] == [
        (BlockStatus.ADDED, True), (BlockStatus.CHANGED, False)]
    assert {w.text for w in blocks[1].words if w.op != "equal"} == {"e.g.", "for example"}


def test_a_row_given_an_example_stays_one_changed_row():
    # Spotify 2022-11-23 → 2022-12-30, "Our purpose for using your personal data" (trimmed): each
    # purpose gained an example in its label cell; the row is changed in place, not removed and
    # another added. A short line keeps its word behind its colon ("Or:" → "Or at:", Reddit).
    head = "| Purpose | Legal basis | Categories |\n| --- | --- | --- |\n"
    purpose = "To understand, diagnose, troubleshoot, and fix issues with the Spotify Service."
    example = ("<br><br>For example, we use your personal data to:<br><br>* respond to your messages when you "
               "contact customer services<br>* spot unusual data or behavior in our logs which might indicate a "
               "bug or other issue, or<br>* check and verify accounts to find and prevent unauthorized users")
    old = head + f"| {purpose} | * Performance of a Contract | * User Data<br>* Usage Data |\n"
    new = head + f"| {purpose}{example} | Performance of a Contract | * User Data<br>* Usage Data |\n"
    blocks = redline(doc(("p", old)), doc(("p", new))).sections[0].blocks
    assert [b.status.value for b in blocks] == ["equal", "changed"]
    assert "For example, we use your personal data" in "".join(w.text for w in blocks[1].words if w.op == "insert")
    # A paragraph kept whole inside a much longer one, alone in its place, is not paired with it (it may
    # be quoted there, and the detector reads a sentence that gained a clause as one removed and one
    # added). Beside the block it was merged with, it is (test_redline_pairing.py).
    short = "For personal data that we have about you, you can:"
    long = " ".join([short] + [f"term{n}" for n in range(50)])
    blocks = redline(doc(("r", f"Rights.\n\n{short}\n")), doc(("r", f"Rights.\n\n{long}\n"))).sections[0].blocks
    assert [b.status.value for b in blocks] == ["equal", "removed", "added"]
    merged = redline(doc(("r", f"Rights.\n\n{short}\n\nAccess and erase it.\n")),
                     doc(("r", f"Rights.\n\n{short} Access and erase it, or object.\n"))).sections[0].blocks
    assert [b.status.value for b in merged] == ["equal", "changed", "removed"]
    assert merged[1].old.text == short
    blocks = redline(doc(("c", "Write to us.\n\nOr:\n")), doc(("c", "Write to us.\n\nOr at:\n"))).sections[0].blocks
    assert [b.status.value for b in blocks] == ["equal", "changed"]


def test_two_sections_of_one_title_get_one_heading_each():
    # Reddit as imported: the date line before the first heading and the introduction after it
    # are both titled "Introduction"; readers see that heading over the introduction only.
    def reddit(date: str, intro: str) -> ResolvedDocument:
        return ResolvedDocument("s", "Reddit Privacy Policy", "global", "Global", "en-US",
                                (ResolvedGroup("preamble", None), ResolvedGroup("introduction", "Introduction")),
                                (ResolvedSection("preamble-text", "Introduction", f"Effective: {date}, 2024.",
                                                 "preamble", show_heading=False),
                                 ResolvedSection("introduction-text", "Introduction", intro, "introduction",
                                                 show_heading=False)))

    result = redline(reddit("February 15", "Reddit, Inc. collects information."),
                     reddit("August 16", "Reddit collects information."))
    assert result.distinct_titles() == {"preamble-text": "Introduction — “Effective: August 16, 2024.”",
                                        "introduction-text": "Introduction"}
    headings = re.findall(r"<h3>(.*?) \(", redline_html(result))
    assert headings == ["Introduction — “Effective: August 16, 2024.”", "Introduction"]
    # Titles that differ are left as they are.
    assert redline(doc(("a", "A.")), doc(("a", "B."))).distinct_titles() == {"a": "A"}


def test_pairing_renamed_sections_is_not_quadratic(monkeypatch):
    """2,000 renamed sections are paired through an index, not by comparing every pair."""
    from privacykit.changes import redline as module

    calls = []
    real = module._overlap
    monkeypatch.setattr(module, "_overlap", lambda a, b: calls.append(1) or real(a, b))
    n = 2000
    old = doc(*((f"old-{i}", f"Clause {i} covers topic t{i}x and keeps records r{i}y for {i % 90} days.")
                for i in range(n)))
    new = doc(*((f"new-{i}", f"Clause {i} covers topic t{i}x and keeps records r{i}y for {i % 90 + 1} days.")
                for i in range(n)))
    result = redline(old, new)
    assert [s.status for s in result.sections] == [SectionStatus.CHANGED] * n
    assert all(s.old_title == f"Old-{i}" for i, s in enumerate(result.sections))
    assert len(calls) <= 4 * n


class Counted:
    """A sequence element that counts how often it is compared."""

    seen = 0

    def __init__(self, value: int):
        self.value = value

    def __hash__(self) -> int:
        Counted.seen += 1
        return hash(self.value)

    def __eq__(self, other) -> bool:
        Counted.seen += 1
        return self.value == other.value


def test_aligning_repetitive_blocks_is_near_linear():
    from privacykit.changes.align import align

    rng = random.Random(5)
    a = [Counted(rng.choice((1, 2, 3))) for _ in range(20_000)]
    b = list(a)
    for _ in range(20):
        b.insert(rng.randrange(len(b)), Counted(rng.choice((1, 2, 3, 4))))
    Counted.seen = 0
    ops = align(a, b)
    assert Counted.seen <= 200 * (len(a) + len(b))
    rebuilt = [x for tag, i1, i2, j1, j2 in ops for x in (a[i1:i2] if tag == "equal" else b[j1:j2])]
    assert [x.value for x in rebuilt] == [x.value for x in b]
    # Twenty thousand alike blocks in one section: the one change is found.
    blocks = ["We may update this policy."] * 20_000
    changed = list(blocks)
    changed[12_345] = "We may update this policy at any time."
    (block,) = [x for x in redline(doc(("a", "\n\n".join(blocks))), doc(("a", "\n\n".join(changed))))
                .sections[0].blocks if x.status is not BlockStatus.EQUAL]
    assert [(w.op, w.text) for w in block.words if w.op != "equal"] == [("insert", " at any time")]


def test_markdown_report_never_cuts_a_mark():
    added = "A new paragraph. " * 80
    result = redline(doc(("a", "Short.")), doc(("a", f"Short.\n\n{added}")))
    report = redline_markdown(result)
    assert f"added: <ins>{added.strip()}</ins>" in report and _marks_closed(report)
    # A report too long for a comment stops between blocks, and says how many it left out.
    many = doc(*((f"s{i}", f"Paragraph {i} is new.") for i in range(400)))
    short = redline_markdown(redline(doc(), many), limit=2_000)
    assert len(short) <= 2_200 and _marks_closed(short)
    assert re.search(r"- … \d+ more changed blocks: run `privacykit diff` for the whole redline", short)


def test_markdown_report_escapes_the_text():
    """Text shown in a report is text: `<b>`, `*stars*` or `|` that readers see never become markup."""
    result = redline(doc(("a", "We may contact you about your account.")),
                     doc(("a", "We may contact you &lt;b&gt;by \\*phone\\* | mail&lt;/b&gt; about your account.")))
    report = redline_markdown(result)
    assert "<ins>&lt;b&gt;by \\*phone\\* \\| mail&lt;/b&gt; </ins>" in report


@pytest.mark.histories
def test_section_runs_convert_like_the_whole_section(corpus_imports, every_history):
    """Long sections are converted in runs of paragraphs: the blocks are those of the whole
    (every third version of the whole corpus; every version of its sample)."""
    from privacykit.changes.blocks import html_blocks, markdown_runs
    from privacykit.render.markdown import markdown_to_html

    root, _ = corpus_imports
    cut = 0
    for path in sorted(root.glob("versions/*/*/regions/global.json"))[::3 if every_history else 1]:
        for section in json.loads(path.read_text())["document"]["sections"]:
            text = section["markdown"]
            cut += len(markdown_runs(text) or ()) > 1
            assert split_blocks(text) == html_blocks(markdown_to_html(text)), (path, section["id"])
    assert cut > 100


@pytest.mark.histories
def test_every_consecutive_corpus_version_rebuilds_from_the_json_redline(corpus_imports, every_history):
    """Both sides of every pair can be rebuilt from the JSON; no report line ends inside a mark."""
    from privacykit.versions.store import VersionStore

    root, _ = corpus_imports
    store = VersionStore(root)
    pairs = 0
    cells = 0
    for statement in store.statements():
        for before, after in itertools.pairwise(store.versions(statement)):
            old, new = store.document(before, "global"), store.document(after, "global")
            result = redline(old, new, before.id, after.id)
            assert result.changed
            _json_sides(result, old, new)
            assert _marks_closed(redline_markdown(result, limit=10**9))
            cells += sum(1 for s in result.sections for b in s.blocks if b.kind == "row" and b.words
                         and " | " in "".join(w.text for w in b.words if w.op == "equal"))
            pairs += 1
    # The corpus' 232 captures give about 140 versions that read differently; its sample, about 50.
    assert pairs >= (130 if every_history else 40)
    assert cells > 0   # table rows (Reddit's) are compared cell by cell


# -- fuzzing -------------------------------------------------------------------------------

FUZZ = settings(max_examples=80, deadline=None)
PARAGRAPHS = [
    "We collect your name.", "* Access\n* Erasure", "1. First\n2. Second", "Children aged < 16 and over.",
    "We do not sell data.", "### Heading", "We keep logs for 30 days.", "Contact [us](mailto:a@b.c).",
    "**Bold** text here.", "| Data | Kept |\n| --- | --- |\n| Logs | 7 days |", "> Quoted text.",
    "```\ncode <b>\n\nmore code\n```", "    indented code", "* item\n\n    continued item", "Setext\n---",
    "Write to <privacy@example.com>.", "\u00a0\u00a0 ", "<style>hidden words</style>", "A [link](https://x.y/a).",
    "We may share data with partners and affiliates for advertising, with your consent.",
]
paragraph_lists = st.lists(st.sampled_from(PARAGRAPHS), max_size=6)


@st.composite
def documents(draw) -> ResolvedDocument:
    groups = draw(st.lists(st.sampled_from([("g1", "What we collect"), ("g2", "Why"), ("g3", None),
                                            ("g4", "What we collect and sell")]),
                           min_size=1, max_size=3, unique_by=lambda g: g[0]))
    ids = draw(st.lists(st.sampled_from("abcdef"), max_size=5, unique=True))
    sections = tuple(ResolvedSection(sid, draw(st.sampled_from([sid.title(), "Cookies", "Your rights"])),
                                     "\n\n".join(draw(paragraph_lists)) + "\n", draw(st.sampled_from(groups))[0],
                                     show_heading=draw(st.booleans()))
                     for sid in ids)
    return ResolvedDocument("s", draw(st.sampled_from(["Privacy", "Privacy and cookies"])), "global", "Global",
                            "en-US", tuple(ResolvedGroup(g, h) for g, h in groups), sections)


@FUZZ
@given(old=documents(), new=documents())
def test_any_redline_rebuilds_both_sides_and_closes_its_marks(old, new):
    result = redline(old, new)
    _json_sides(result, old, new)
    assert _marks_closed(redline_markdown(result))
    # Every change readers can see is reported (an empty, untitled section may come and go unseen).
    if reading(old) != reading(new):
        assert result.changed


@FUZZ
@given(st.lists(st.sampled_from(PARAGRAPHS), max_size=40), st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]))
def test_runs_convert_like_the_whole_text(paragraphs, separator):
    from privacykit.changes.blocks import html_blocks, markdown_runs
    from privacykit.render.markdown import markdown_to_html

    text = separator.join(paragraphs)
    whole = html_blocks(markdown_to_html(text))
    runs = markdown_runs(text)
    if runs is not None:
        assert tuple(b for run in runs for b in html_blocks(markdown_to_html(run))) == whole
