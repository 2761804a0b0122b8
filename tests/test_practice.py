"""Practices keyed by the data they relate (`changes/practice.py`), on whole documents.

`classify/probes-practice.yml` holds probes of several sections each: what they test is what
another section of the same document tells, which a probe of one section cannot show."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from privacykit.changes.classes import LegalClass
from privacykit.changes.classify import classify_texts
from privacykit.changes.items import Item, analyse
from privacykit.changes.practice import broadly_same_data, carve_outs, denied_before_carve_out, pointer, same_data
from privacykit.changes.terms import lexicon
from privacykit.load.rules import load_rules

PROBES = YAML(typ="safe").load((Path(__file__).parent / "classify" / "probes-practice.yml").read_text("utf-8"))["cases"]
RULES = load_rules()


@pytest.mark.parametrize("case", PROBES, ids=[c["id"] for c in PROBES])
def test_probe_of_a_practice(case):
    assert classify_texts(case["old"], case["new"], RULES).classification.value == case["label"], case["rule"]


@pytest.mark.parametrize("text, found", [
    ("We use this information to recommend Spaces to you.", "this information"),
    ("Lenovo does not otherwise collect, retain or share this location information.", "this location information"),
    ("None of the information described above is shared externally.", "the information described above"),
    ("We may ask for such information before you create an account.", "such information"),
    ("The data is stored on servers in Ireland.", "The data"),
    ("This data protection statement applies to our apps.", None),
    ("We collect the data you give us.", None),
])
def test_a_pointer_is_a_phrase_that_points_back_at_data(text, found):
    match = pointer(text)
    assert (match.group(0) if match else None) == found


def test_same_data_reaches_special_data_only_by_name():
    terms = lexicon()
    health = frozenset(c.value for c in analyse("We record your heart rate.", terms=terms).claims
                       if c.item in (Item.CATEGORIES, Item.SENSITIVE))
    email = frozenset({(Item.CATEGORIES, "user.contact.email")})
    assert same_data(email, frozenset())                   # told of all data: ordinary data too
    assert not same_data(health, frozenset())              # not special-category data (Art. 9(1))
    assert not same_data(email, frozenset(), strict=True)  # nor, strictly, a named flow
    assert same_data(frozenset(), email)                   # no particular data: the document's comparison
    assert not same_data(email, health)


def test_an_exception_to_a_denial_affirms_what_it_names():
    sentence = "Lenovo Aware does not collect any personal or user data other than sample images from the camera."
    (start, end), = carve_outs(sentence)
    assert sentence[start:end] == "sample images from the camera"
    statement = analyse(sentence, terms=lexicon())
    data = {c.words: c for c in statement.claims}
    assert denied_before_carve_out(data["personal or user data"], statement)
    assert not denied_before_carve_out(data["images"], statement)
    brokers = analyse("We don't sell your personal data to third parties, except to data brokers.", terms=lexicon())
    assert not any(denied_before_carve_out(c, brokers) for c in brokers.claims)
    assert carve_outs("We do not sell your data. We keep it other than as told.") == []
    # (fold23) the act told of no data: the same exception, read by the same pattern
    told = "Smart Camera collects no personal data other than sample images from the camera."
    (start, end), = carve_outs(told)
    assert told[start:end] == "sample images from the camera"


def test_only_the_special_categories_of_art_9_make_an_advertising_end_consent():
    """The advertising end read for special-category data rests on Art. 9(2)(a): health, biometric,
    genetic, racial or ethnic origin, beliefs, opinions, sexual orientation, union membership. The
    lexicon's other sensitive kinds (precise location, children's data, citizenship, criminal history)
    are sensitive under other laws, where advertising with them is not read as that consent."""
    from privacykit.changes.practice import art9

    def read(text: str) -> bool:
        statement = analyse(text, terms=lexicon())
        return art9(c.value for c in statement.claims if c.positive)

    assert read("We collect information about your health conditions and symptoms.")
    assert read("We collect your fingerprint.")
    assert read("We collect your religious beliefs.")
    assert not read("We collect your precise location from the GPS of your phone.")
    assert not read("We collect information about your criminal history.")


def _data(words):
    return [c for c in analyse(f"We collect {words}.", terms=lexicon()).claims if c.item in (Item.CATEGORIES, Item.SENSITIVE)]


def test_a_broader_name_covers_the_narrower_data_told_either_way_but_brings_no_legal_class():
    none = frozenset()
    contact, email_phone = _data("your contact details"), _data("your email address and phone number")
    assert broadly_same_data(contact, email_phone, none, none)            # broader new, narrower old
    assert broadly_same_data(_data("your email address"), contact, none, none)   # and the reverse
    assert broadly_same_data(_data("sensitive information"), _data("your heart rate"),
                             frozenset({LegalClass.SENSITIVE}), frozenset({LegalClass.SENSITIVE}))
    assert broadly_same_data(_data("payment information"), _data("credit card number"), none, none)
    # A kind outside the old data's hierarchy, or a legal class the old data lack, is not covered.
    assert not broadly_same_data(_data("your contact details and precise location"), email_phone,
                                 frozenset({LegalClass.PRECISE, LegalClass.SENSITIVE}), none)
    assert not broadly_same_data(contact, email_phone, frozenset({LegalClass.DEVICE, LegalClass.KEPT}), none)
    assert not broadly_same_data(_data("usage data"), email_phone, none, none)
    assert not broadly_same_data(contact, [], none, none)
