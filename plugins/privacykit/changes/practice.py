"""Practices keyed by the data they relate, not by the document (practice22).

A statement of many products or features ("the products statement": thirty apps in one file) tells
each processing activity in its own section. Whether a value is "already told" is a question about
that activity: a country an app's data is now stored in, a recipient its data now goes to, reading
the device for it, are new for that app even if another app's paragraph tells the same of other data
(Art. 13(1)(c), (e), (f) relate purposes, recipients and transfers to the processing, 5(1)(b) binds a
purpose to the data collected for it). What is really told once for the whole document (controller,
DPO, rights, contact, a general transfers section) stays document-wide.

Two readings:

* **The data a sentence relates** (`data_of`): the kinds of data it names, and, where it points back
  ("this information", "the information described above", "this location information", "such data"),
  the kinds of data the sentences before it in its section name (the nearest sentence naming data
  first; a kind named with the pointer, such as "location", picks the nearest data of that kind;
  "described above" takes the section's whole inventory so far; never past the section).
* **Whether two sentences relate the same data** (`same_data`): they share a kind, or the old one
  names no particular data (all the company's data), unless the new one names special-category data,
  which a general statement does not reach (Art. 9(1)), or the comparison is strict (a transfer of a
  named flow: the general transfers section's list of countries is not where this flow is sent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .classes import LegalClass, classed
from .items import Claim, Item, Statement
from .text import LazyPattern, place

if TYPE_CHECKING:
    from .prose import Unit

DATA_ITEMS = (Item.CATEGORIES, Item.SENSITIVE)
# The whole of a reader's data, named as such: no particular kind.
_GENERIC = frozenset({"personal_data"})

# A phrase pointing back at data the section has named: a demonstrative with "information/data/details"
# (with a kind between: "this location information", "such usage data"), or "the information described
# above" and its kin, or "the data/information" as a subject with nothing after it telling which.
_POINTER = LazyPattern(
    r"\b(?:(?:this|that|these|those|such|said)\s+(?:(?P<kind>[\w-]+(?:\s+[\w-]+)?)\s+)??"
    r"(?:information|data|details)\b(?!\s+(?:protection|controllers?|processors?|subjects?|privacy|polic\w+|breach\w*))|"
    r"(?:the|all|any|some)\s+(?:(?P<kind2>[\w-]+)\s+)?(?:information|data|details)\s+"
    r"(?:(?:we\s+)?(?:described|mentioned|listed|set out|outlined|referred to|collected|noted|identified)\s+)?"
    r"(?:above|earlier|previously|in this section|hereinabove)\b|"
    r"\bthe\s+above(?:[- ]mentioned|[- ]described)?\s+(?:information|data)\b|"
    r"\bthe\s+(?:information|data)\b(?=\s+(?:is|are|was|were|will|may|might|can|could|shall|would|remains?|"
    r"stays?)\b|\s*[,.;)])|"
    r"\bthe\s+(?:information|data)\s+(?:so\s+)?collected\b(?!\s+(?:from|about|by|through|via|when|if|to|for)\b))",
    re.IGNORECASE)
# Words between a demonstrative and "information" that are no kind of data ("this additional information").
_NO_KIND = frozenset({"additional", "other", "same", "above", "personal", "such", "further", "related",
                      "relevant", "specific", "certain", "collected", "type", "types", "kind", "kinds", "of"})
# Where data "described above" lies: the section so far, not only the sentence before.
_ALL_ABOVE = LazyPattern(r"\b(?:above|earlier|previously|in this section|hereinabove)\b", re.IGNORECASE)
# A section that tells transfers for the whole document ("International transfers", "Where we store
# your data", "Cross-border data flows"): a country named there is the document's, not a flow's.
TRANSFERS_TITLE = LazyPattern(r"\b(?:transfer\w*|international\w*|cross[- ]border|where (?:we|your)\b[^|]{0,40}"
                              r"\b(?:stor\w*|process\w*|held|kept|located)|data (?:location|storage|residency)|"
                              r"global (?:operations|company|organi[sz]ation))", re.IGNORECASE)

# A sentence that tells transfers in general ("transferred to … other countries, including the United
# States", "countries where we operate", "outside the EEA"): its countries are examples of the document's
# transfers, whatever section it stands in (a region's section often repeats the transfers clause).
GENERAL_TRANSFER = LazyPattern(r"\b(?:other countries|countries (?:where|in which|other than)|"
                               r"(?:any|various|several|multiple) countries|internationally|cross[- ]border|"
                               r"outside (?:of )?(?:your|the) (?:country|region|jurisdiction|EEA|European|UK|"
                               r"United Kingdom)|"
                               r"international (?:data )?transfers?)\b", re.IGNORECASE)


def pointer(text: str) -> re.Match[str] | None:
    """The first phrase of `text` that points back at data named before it, if any."""
    return _POINTER.search(text)


def _own_data(unit: Unit) -> list[Claim]:
    return [c for c in unit.statement.claims if c.positive and c.item in DATA_ITEMS]


def _kind_words(match: re.Match[str]) -> set[str]:
    kind = match.group("kind") or match.group("kind2") or ""
    return {w.lower() for w in re.findall(r"[a-z]+", kind, re.IGNORECASE)} - _NO_KIND


def _of_kind(claim: Claim, words: set[str]) -> bool:
    named = {w.lower() for w in re.findall(r"[a-z]+", claim.key + " " + claim.words, re.IGNORECASE)}
    return bool(words & named) or any(w.rstrip("s") in named or w + "s" in named for w in words)


def resolved(unit: Unit, units: Sequence[Unit]) -> list[Claim]:
    """The data a pointer in `unit` ("this information", "the information described above") stands for:
    what the sentences before it in its section (`units`, the section's sentences in order) name, the
    nearest first; a kind named with the pointer picks the nearest data of that kind. Empty when the
    sentence points at nothing or nothing before it names data."""
    match = pointer(unit.text)
    if match is None:
        return []
    at = place(units, unit)
    if at is None:
        return []
    before = [u for u in units[:at] if not u.heading]
    kind = _kind_words(match)
    everything = _ALL_ABOVE.search(match.group(0)) is not None
    found: list[Claim] = []
    for earlier in reversed(before):
        data = [c for c in _own_data(earlier) if c.key not in _GENERIC]
        if kind:
            data = [c for c in data if _of_kind(c, kind)]
        if not data:
            continue
        found.extend(c for c in data if c.value not in {f.value for f in found})
        if not everything:
            break
    return found


def data_of(unit: Unit, units: Sequence[Unit]) -> frozenset[tuple[Item, str]]:
    """The kinds of data the sentence relates: those it names (the whole of the reader's data counts as
    none in particular) and those its pointer stands for (`resolved`)."""
    own = {c.value for c in _own_data(unit) if c.key not in _GENERIC}
    return frozenset(own | {c.value for c in resolved(unit, units)})


# The special categories of GDPR Art. 9(1), by lexicon key: the sensitive kinds whose processing for a
# purpose of the company's own (advertising) rests on explicit consent. Precise location, children's data,
# citizenship and criminal history are sensitive in the lexicon under other laws (CPRA, Art. 8, Art. 10),
# where advertising with them asks for a notice, an opt-out or a limit, not Art. 9(2)(a) consent.
_ART9 = ("user.biometric", "user.health_and_medical", "user.demographic.political_opinion",
         "user.demographic.race_ethnicity", "user.demographic.religious_belief",
         "user.demographic.sexual_orientation", "user.trade_union")


def art9(data: Iterable[tuple[Item, str]]) -> bool:
    """Whether the data hold a special category of Art. 9(1) (`_ART9`)."""
    return any(item is Item.SENSITIVE and key.startswith(_ART9) for item, key in data)


def special_class(data: Iterable[tuple[Item, str]]) -> bool:
    """Whether the data are named as the special class as a whole ("sensitive personal information",
    "special categories of personal data", the lexicon's `sensitive` key), which holds every category of
    Art. 9(1) and CPRA 1798.140(ae) (consent24): an end told of the class is told of each of them."""
    return any(item is Item.SENSITIVE and key == "sensitive" for item, key in data)


def special(data: Iterable[tuple[Item, str]]) -> bool:
    """Whether the data hold a special category (Art. 9(1)) or another kind the law asks consent for."""
    return any(item is Item.SENSITIVE for item, _ in data)


def same_data(new: frozenset[tuple[Item, str]], old: frozenset[tuple[Item, str]], strict: bool = False) -> bool:
    """Whether an old sentence relating `old` tells the practice for data `new`: a kind in common (or a
    broader kind holding one: "location" holds "location.city", never the other way), or, unless
    `strict` or the new data are special, an old sentence naming no particular data (all data). New
    data naming nothing in particular are any data: the comparison stays the document's."""
    if not new:
        return True
    if new & old:
        return True
    if any(n_item is o_item and n_key.startswith(o_key + ".") for n_item, n_key in new for o_item, o_key in old):
        return True
    return not old and not strict and not special(new)


# A denial with an exception that names what is done ("does not collect any personal data other than
# sample images from the camera", "we never share your information except with advertising partners"),
# the act denied or told of no data ("collects no personal data other than sample images"): the exception
# affirms its own data or party (the denial holds only for the rest). The one reading of an exception to a
# denial (fold23: `consent._CARVED_OUT` read the same again before the device's content).
_DENIED_ACT = (r"(?:collect|use|share|process|stor|retain|keep|upload|disclos|sell|transfer|access|read|send|receiv|"
               r"record|sav|track)\w*")
_CARVE_OUT = LazyPattern(
    rf"(?:\b(?:do(?:es)?\s+not|don['’]t|doesn['’]t|never|will\s+not|won['’]t|(?:is|are)\s+not|(?:is|are)\s+never)\s+"
    rf"(?:\w+\s+){{0,2}}?{_DENIED_ACT}\b|\b{_DENIED_ACT}\s+(?:no|none of)\b)"
    rf"[^.;:]{{0,160}}?\b(?:other than|except(?:\s+for)?|besides|apart from|aside from|save for)\s+(?P<kept>[^.;:]+)",
    re.IGNORECASE)


def carve_outs(sentence: str) -> list[tuple[int, int]]:
    """The spans of `sentence` that an exception to a denied practice affirms (`_CARVE_OUT`)."""
    return [m.span("kept") for m in _CARVE_OUT.finditer(sentence)]


def with_carve_outs(spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """`spans` (affirmed, in order) with the carve-outs of `sentence` added, merged and in order."""
    extra = carve_outs(sentence)
    if not extra:
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + extra):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def denied_before_carve_out(claim: Claim, statement: Statement) -> bool:
    """Whether a kind of data stands in the denied part of a practice whose exception is other data
    ("does not collect any personal or user data other than sample images"): what the denial still
    covers is not affirmed. An exception of a party or an end ("does not sell your data except to data
    brokers", "does not use sensitive information other than for advertising") leaves the data affirmed."""
    if claim.item not in DATA_ITEMS or not claim.words:
        return False
    sentence = statement.text
    lowered = claim.words.lower()
    others = [c.words.lower() for c in statement.claims if c.positive and c.item in DATA_ITEMS and c.words]
    for m in _CARVE_OUT.finditer(sentence):
        kept = sentence[m.start("kept"):m.end("kept")].lower()
        if lowered in sentence[m.start():m.start("kept")].lower() and any(w in kept for w in others) \
                and not _END_OR_PARTY.match(kept):
            return True
    return False


# An exception that names a party or an end, not data ("except to data brokers", "other than for ads").
_END_OR_PARTY = LazyPattern(r"\s*(?:to|for|with|by|as|where|when|if|in order)\b", re.IGNORECASE)


# -- a broader name for data the old text names (broad23) -------------------------------------------
# A plain-language restatement ("In short: we share your contact details with DHL", a US state's section
# restating the policy) often names data by a broader kind than the old text ("your email address and
# phone number"). Art. 13(1)(e) asks for recipients, 13(1)(f) for transfers, not for each recipient per
# category of data: a restatement that covers what the old text relates to the same party or place is
# editorial. What it must not hide is a party or place newly given data of a legal class the old text
# never gave it (Art. 9(1) categories, precise location, the content of communications, what is read
# from the device: the classes that carry their own consent), however broad the name that carries it.

# The lexicon's own broad kinds beside the fideslang hierarchy: "sensitive personal information" holds
# every sensitive kind; "payment information" holds the card and the bank account it is paid with.
_SENSITIVE_KIND = "sensitive"
_HOLDS = {"user.payment": ("user.financial.credit_card", "user.financial.bank_account")}
# The legal classes a broader name may not bring to a party or place (classes.py).
_GUARDED = frozenset({LegalClass.SENSITIVE, LegalClass.PRECISE, LegalClass.COMMS, LegalClass.DEVICE,
                      LegalClass.KEPT})


def claims_of(unit: Unit, units: Sequence[Unit]) -> tuple[Claim, ...]:
    """The data the sentence relates, as claims (with the words that name them): `data_of`'s kinds."""
    own = [c for c in _own_data(unit) if c.key not in _GENERIC]
    return tuple(own + [c for c in resolved(unit, units) if c.value not in {o.value for o in own}])


def classes_of(unit: Unit, units: Sequence[Unit]) -> frozenset[LegalClass]:
    """The guarded legal classes of the data the sentence relates: of the data its words name (a term's
    classes, or by construction: "the contacts on your phone"), of those its pointer stands for, and the
    sensitive class of a sensitive kind."""
    found = {c for data in classed(unit.text) for c in data.classes}
    for claim in claims_of(unit, units):
        if claim.item is Item.SENSITIVE:
            found.add(LegalClass.SENSITIVE)
        found |= {c for data in classed(claim.words or claim.label) for c in data.classes}
    return frozenset(found) & _GUARDED


def _holds(broad: Claim, narrow: Claim) -> bool:
    return narrow.key.startswith(broad.key + ".") or narrow.key in _HOLDS.get(broad.key, ()) or \
        (broad.key == _SENSITIVE_KIND and narrow.item is Item.SENSITIVE)


def _kin(new: Claim, old: Claim) -> bool:
    """The two kinds are one, or one holds the other: in the fideslang hierarchy (`user.contact` holds
    `user.contact.email`; `user.location` holds `user.location.precise`) or the lexicon's (`_HOLDS`, the
    sensitive kind)."""
    return new.key == old.key or _holds(new, old) or _holds(old, new)


def broadly_same_data(new: Sequence[Claim], old: Sequence[Claim], new_classes: frozenset[LegalClass],
                      old_classes: frozenset[LegalClass]) -> bool:
    """Whether old sentences relating the data `old` (of the legal classes `old_classes`) tell the
    practice for the data `new` once a broader name is read as covering its narrower members, either
    way ("your contact details" against "email address and phone number"; "device information" against
    "IP address"): every kind the new sentence relates is one of, holds or is held by a kind the old
    ones relate, and the new data bring no guarded legal class the old data lack (`_GUARDED`: "your
    contact details and precise location", "your contact list" against "your email address" stay new
    for the party or place)."""
    if not new or not old:
        return False
    if not all(any(_kin(n, o) for o in old) for n in new):
        return False
    return not new_classes - old_classes
