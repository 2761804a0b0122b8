"""review38: the first round's detector change (german37, paracons37, realfa37, rewrite37, paranot37) read again.

Each test pins one fix: a reading whose cost grew with the product of two sizes, made to grow with one; a pattern
that fired where its design note says it must not, narrowed; logic written twice, folded.
"""

from __future__ import annotations

from privacykit.changes import furthered, inferred, items
from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.changes.items import ONLY_SAID_OTHERWISE
from privacykit.load.rules import load_rules

RULES = load_rules()


def _verdict(old: str, new: str) -> tuple[str, list[str]]:
    result = classify_sections(section_from_text(old), section_from_text(new), RULES)
    return result.classification.value, [f.id for f in result.findings]


class _Counted:
    """A pattern whose searches are counted."""

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, text: str, *args: int):
        self.searches += 1
        return self.pattern.search(text, *args)


def test_a_described_source_asks_for_a_data_noun_once_a_clause(monkeypatch) -> None:
    """paranot37's described sources searched the whole clause for a data noun at each party it matched: a long
    clause of many parties cost their number times its length. The answer is the clause's: asked once."""
    counted = _Counted(items._DATA_NOUN)
    monkeypatch.setattr(items, "_DATA_NOUN", counted)
    clause = "firms that specialise in property information supply us with details of your home, " * 40
    found = items._described_sources(clause, False)
    assert len(found) == 40 and counted.searches == 1
    assert items._described_sources("firms that sell ads send us signed agreements", False) == []


def test_biometric_and_inferred_readings_ask_each_old_section_once(monkeypatch) -> None:
    """paracons37's biometric reading (like consent36's inference, folded with it into `_special_read`) put every
    sentence of the old section to its test for each new sentence: a long list of new sentences against a long
    old section cost the product. Each old sentence is now asked once a section, whatever the new list's length."""
    asked: list[str] = []
    test = furthered._furthered

    def counted(text: str):
        asked.append(text)
        return test(text)

    monkeypatch.setattr(furthered, "_furthered", counted)
    size = 60
    old = "".join(f"- Record {i} kept in our archive.\n" for i in range(size))
    new = "".join(f"- Record {i} kept in our archive; we also match your selfie against all users.\n"
                  for i in range(size))
    label, ids = _verdict(old, new)
    assert label == "material-consent" and any("biometric-furthered" in i for i in ids)
    assert len(asked) <= 4 * size     # (each new sentence and its pair, and each old sentence once)
    # the same reading of an inference, through the fold
    label, ids = _verdict("We look at what you log to show you trends.\n",
                          "We look at what you log to show you trends, and we scan it for signs of diabetes.\n")
    assert label == "material-consent"
    assert inferred.tells_inference("Patterns in your typing may point to dyslexia.")


def test_a_denial_before_an_inset_denies_the_further_end_it_goes_on_to() -> None:
    """paracons37's note: no further end "where the clause up to the end denies". The clause was cut at the last
    comma, so a denial before an inset ("We do not, under any circumstances, match …", "We never use your selfie,
    which …, to search …") was left behind and the promise read as a new use of face data."""
    assert furthered._furthered("We do not, under any circumstances, match your faceprint against other users.") is None
    assert furthered._furthered("We never use your selfie, which we delete after 30 days, to search for other "
                                "accounts.") is None
    # a clause with a subject of its own, or a conjunction, keeps its own polarity
    assert furthered._furthered("We never sell your data, but we keep your selfie, to match it against other "
                                "accounts.") is not None
    assert furthered._furthered("We create a biometric template of your face, which we match against everyone who "
                                "registers afterwards.") is not None
    label, _ = _verdict("We do not compare your face data with other users.\n",
                        "We do not, under any circumstances, compare your face data with other users.\n")
    assert label == "editorial"


def test_a_quantifier_over_a_free_relative_is_no_pseudo_cleft() -> None:
    """rewrite37's note: "All data is encrypted" (a quantifier) is no limit. "All you post is public" is the same
    quantifier over what a relative clause names ("everything you post"), not "only": read as "only", its rewording
    to "Everything you post …" was a limit lifted."""
    assert not ONLY_SAID_OTHERWISE.search("All you post on the forum is public.")
    assert not ONLY_SAID_OTHERWISE.search("All we collect is stored in Ireland.")
    assert ONLY_SAID_OTHERWISE.search("All we see is encrypted data.")
    assert ONLY_SAID_OTHERWISE.search("All that is kept is the date.")
    label, _ = _verdict("All you post on the forum is public and can be seen by anyone.\n",
                        "Everything you post on the forum is public and can be seen by anyone.\n")
    assert label == "editorial"
    label, _ = _verdict("We keep only the date of your last login.\n", "All we keep is the date of your last login.\n")
    assert label == "editorial"


def test_face_data_kept_beside_others_is_no_match_against_many() -> None:
    """paracons37's note: "Retention alone … names no end"; one matched against many is a further end. "Stored with
    all other users' records" and "separate from other accounts" name others without matching them: the match needs
    a verb of an end before it ("which we match against everyone", "to search for other accounts")."""
    assert furthered._furthered("Your selfie is stored with all other users' verification records in a vault.") is None
    assert furthered._furthered("We keep your selfie separate from other accounts.") is None
    assert furthered._furthered("We use your face data to search for other accounts you hold.") is not None
    label, _ = _verdict("Your selfie is stored in an encrypted vault.\n",
                        "Your selfie is stored with all other users' verification records in an encrypted vault.\n")
    assert label == "editorial"
