"""The one table of negation forms (fold26): each reading's pattern is built from it, and the patterns keep
the readings they had."""

from __future__ import annotations

import re

import pytest

from privacykit.changes.negation import (
    NEGATION_FORMS,
    negated_verb_group,
    negation_marks,
    negation_tokens,
    negation_words,
)


def _found(pattern: str, text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)]


def test_marks_take_the_contraction_as_its_ending() -> None:
    pattern = negation_marks("not", "never", "n't")
    assert _found(pattern, "We don't sell it, and never will; notable") == ["n't", "never"]
    assert _found(pattern, "They won’t") == ["n’t"]


def test_marks_are_one_group_to_join_to() -> None:
    held = negation_marks("not", "never", "n't") + r"[^.;]*\bunless\b"
    assert re.search(held, "We don't share it unless you ask", re.IGNORECASE)
    assert not re.search(held, "We share it unless you object; we do not sell", re.IGNORECASE)


def test_words_take_the_whole_contracted_word() -> None:
    pattern = negation_words("no", "without", "n't")
    assert _found(pattern, "They didn't keep it without a reason; nobody knows no one") == ["didn't", "without", "no"]


def test_a_phrase_before_its_first_word() -> None:
    assert _found(negation_marks("no", "no longer"), "it is no longer kept") == ["no longer"]


def test_verb_group_span_leaves_the_practice_affirmed() -> None:
    span = re.compile(negated_verb_group(), re.IGNORECASE)
    assert span.sub("", "We do not share your data") == "We share your data"
    assert span.sub("", "We doesn’t share") == "We share"
    assert span.search("We will not share").group(0) == "will not"
    assert span.search("We won't share").group(0) == "won't"


@pytest.mark.parametrize("forms", [("not", "no", "never"), ("neither", "nor", "cannot", "without")])
def test_tokens_are_the_forms_words(forms: tuple[str, ...]) -> None:
    assert negation_tokens(*forms, "n't") == frozenset(forms)


def test_every_form_is_a_regex_of_its_own() -> None:
    for name, text in NEGATION_FORMS.items():
        assert re.fullmatch(text, name.replace("'", "’")) or re.fullmatch(text, name)


def test_the_scope_of_a_clause_s_negation() -> None:
    """grampol42: a negation in the verb, the subject or the object denies its clause's practice, wherever the word
    stands; "without" denies only its own phrase; a denied predicate coordinated after an affirmed one is a clause
    of its own; a denial an exception follows and an "only" restrict alike."""
    from privacykit.changes.items import clause_scopes

    def kinds(text: str) -> list[str]:
        return [kind for _, kind in clause_scopes(text)]

    assert kinds("We do not sell your email address.") == ["denied"]
    assert kinds("Your email address is neither sold nor rented.") == ["denied"]
    assert kinds("No voice recording is shared with advertisers.") == ["denied"]
    assert kinds("We share nothing you upload with advertisers.") == ["denied"]
    assert kinds("We may close your account without human review.") == ["affirmed"]
    assert kinds("We collect your email address, and we do not collect your phone number.") == ["affirmed", "denied"]
    assert kinds("We share your location with partners, not your contacts.") == ["affirmed", "denied"]
    assert kinds("We not only store your playlists but also share them.") == ["affirmed", "affirmed"]
    assert kinds("We share your data with partners that do not sell it.") == ["affirmed", "denied"]
    assert kinds("We do not log: - the sites you visit; - your IP address.") == ["denied", "denied", "denied"]
    assert kinds("We do not sell it. We share it, e.g. with banks.") == ["denied", "affirmed"]
    assert kinds("We share it only with your bank.") == ["restricted"]
    assert kinds("We do not share it unless you agree.") == ["restricted", "condition"]
