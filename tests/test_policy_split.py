"""A policy's headings written inside list items are still headings (fold26): LinkedIn's captures up to 2025-04
nest theirs in a numbered list."""

from __future__ import annotations

from privacykit.changes import policy
from privacykit.changes.policy import split_policy

NESTED = """Privacy Policy
==============

Intro text.

1.  Introduction
    ------------

    We are a social network.

    ### Services

    This policy applies to our services.

2.  Data We Collect
    ---------------

    #### Registration

    You give us your name.
"""


def _titles(markdown: str) -> list[str]:
    return [title for title, _ in split_policy(markdown)[1]]


def test_headings_inside_numbered_items() -> None:
    assert _titles(NESTED) == ["", "Introduction", "Services", "Data We Collect", "Registration"]
    sections = dict(split_policy(NESTED)[1])
    assert "applies to our services" in sections["Services"]
    assert "applies to our services" not in sections["Introduction"]


def test_headings_inside_bullets_and_nested_items() -> None:
    text = "Intro.\n\n- ## Your rights\n\n  You may ask for a copy.\n\n  1. ### Deletion\n\n     You may ask us to delete it.\n"
    assert _titles(text) == ["", "Your rights", "Deletion"]


def test_list_items_without_heading_markup_stay_text() -> None:
    text = ("## Sharing\n\nWe share data with:\n\n1.  Service providers\n2.  Affiliates\n\n---\n\n"
            "- a line\n\n  ```\n  # not a heading\n  ```\n")
    assert _titles(text) == ["Sharing"]


def test_a_line_left_of_the_item_ends_it() -> None:
    text = "## A\n\n1.  item\n\n### B\n\ntext\n    ### indented code, not in an item\n"
    assert _titles(text) == ["A", "B"]


def test_the_reading_can_be_turned_off(monkeypatch) -> None:
    monkeypatch.setattr(policy, "LIST_ITEM_HEADINGS", False)
    assert _titles(NESTED) == [""]


def test_a_nested_section_reads_as_the_items_content() -> None:
    text = ("1.  Your Rights\n    -----------\n\n    You can:\n\n    * Delete Data: ask us to erase it.\n"
            "    * Access Data: ask us for a copy.\n")
    sections = dict(split_policy(text)[1])
    assert sections["Your Rights"].split("\n") == ["You can:", "", "* Delete Data: ask us to erase it.",
                                                    "* Access Data: ask us for a copy."]


# split30: sections bearing one title ("Your rights" under each region) pair by their text, not their order.
RIGHTS_EEA = "You may access, correct or erase your personal data and complain to your supervisory authority."
RIGHTS_US = "California residents may request to know, delete or correct personal information and opt out of sales."
RIGHTS_BR = "Under the LGPD you may ask for anonymisation, blocking or deletion and for the entities we share data with."


def _regions(*regions: tuple[str, str]) -> str:
    return "# Policy\n\n" + "".join(f"## {name}\n\n### Your rights\n\n{text}\n\n" for name, text in regions)


def test_sections_of_one_title_pair_by_their_text() -> None:
    old = policy.policy_document(_regions(("EEA", RIGHTS_EEA), ("United States", RIGHTS_US)))
    new = policy.align(old, policy.policy_document(
        _regions(("Brazil", RIGHTS_BR), ("EEA", RIGHTS_EEA), ("United States", RIGHTS_US))))
    old_ids = {s.markdown: s.id for s in old.sections if s.title == "Your rights"}
    new_ids = {s.markdown: s.id for s in new.sections if s.title == "Your rights"}
    assert new_ids[RIGHTS_EEA + "\n"] == old_ids[RIGHTS_EEA + "\n"]
    assert new_ids[RIGHTS_US + "\n"] == old_ids[RIGHTS_US + "\n"]
    assert new_ids[RIGHTS_BR + "\n"] not in old_ids.values()


def test_sections_of_one_title_pair_in_order_when_turned_off(monkeypatch) -> None:
    monkeypatch.setattr(policy, "REPEATED_BY_CONTENT", False)
    old = policy.policy_document(_regions(("EEA", RIGHTS_EEA), ("United States", RIGHTS_US)))
    new = policy.align(old, policy.policy_document(
        _regions(("Brazil", RIGHTS_BR), ("EEA", RIGHTS_EEA), ("United States", RIGHTS_US))))
    first = next(s for s in new.sections if s.title == "Your rights")
    assert first.markdown == RIGHTS_BR + "\n" and first.id == "your-rights"
