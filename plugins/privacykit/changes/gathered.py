"""A summary box's line that gathers what several old sections say (revfa29).

A yearly revision adds a box ("At a glance", "In short", "Overview") whose lines each sum up a part of the policy in
one sentence: "We collect what you give us, what we collect automatically, and what partners and advertisers tell us
(section 2)". No old sentence, and no three, tells such a line (restate24's cover and revfa28's one old sentence ask
that), yet every value it names the old document names, in the same polarity, for the same kind of practice, in
the sections the line points to. GDPR Art. 12-13 ask what the notice tells, not in how many sentences: a line of a
section the old document lacks is told when

- every value it affirms (a kind of data, a purpose, a recipient, a source, a place) the old document affirms, and
  every value it denies the old document denies, somewhere, with no strong limit (consent, "only", de-identified,
  on the device, a part of the data) that the line drops from every old sentence affirming it;
- it relates its kinds of data to each use as the old document does (`related_before`: a use the laws allow only
  with consent is asked of each kind in one old sentence);
- every number, period, entity and capitalised name it writes, and every word of the finding, the old document
  writes too.

A line that adds one value, relates a kind of data to a new use, drops a limit, or names a party the old document
never names stays material. Whole documents only: one section compared alone has no rest of the policy to tell it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from ..model.rules import ChangeKind
from .inventory import inventory, restated_pair
from .items import PROCESSING_VERBS, Claim, Limit, Statement, analyse, assurances, content_words
from .restated import cover_words, related_before, value_numbers
from .terms import Item, Weight

if TYPE_CHECKING:
    from .prose import DocumentText, ProseFinding

Value = tuple[Item, str]

# The limits whose loss widens what a line allows (a condition or a setting is a summary's to leave out, as the
# sentences it points to still state it; these are promises about the data itself or the user's choice).
_STRONG = frozenset({Limit.CONSENT, Limit.ONLY, Limit.DEIDENTIFIED, Limit.LOCAL, Limit.PARTIAL, Limit.NON})
# The findings a frame's reading makes consent-level (`prose._CONSENT_IMPLIED`); shared with `rebound`, whose
# readings, like this module's, leave them where they stand.
CONSENT_FRAMES = frozenset({ChangeKind.NEW_INCOMPATIBLE_USE, ChangeKind.NEW_SENSITIVE_DATA, ChangeKind.STARTS_SELLING,
                            ChangeKind.STARTS_SHARING_FOR_ADVERTISING})
# What a gathered line may name: the items of the notice's information (Art. 13(1)(c)-(f), 14(1)(d)).
_GATHERED = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.RECIPIENTS, Item.SOURCES,
                       Item.TRANSFERS, Item.LEGAL_BASIS})
# A summary's label ("In short:", "**What we collect:**") opens the line; it names the topic, not a practice.
_LABEL = re.compile(r"^\W*[A-Z][^:.;!?]{0,40}:(?:\*\*|__)?\s+")
# A capitalised word inside the line (not its first): a product's, a programme's or a party's name.
# The words before a party's name that are not its name ("from your employer", "the payment processors").
_LEADING = re.compile(r"^(?:(?:from|by|via|with|to|your|our|their|the|a|an|any|other)\s+)+")
_NEGATION = re.compile(r"\b(?:not|never|no|none|neither|nor|cannot|without)\b|n't\b", re.IGNORECASE)
_NAME_INSIDE = re.compile(r"(?<=[\w,;:)] )[A-Z][a-z][A-Za-z0-9]*")


def _values(statements: Iterable[Statement]) -> tuple[dict[Value, list[frozenset[Limit]]], set[Value],
                                                       dict[Item, list[tuple[str, frozenset[Limit]]]]]:
    """The values the old sentences affirm, each with the strong limits of each sentence that affirms it, the values
    they deny, and the words of each affirmed value by its item (with the same limits)."""
    affirmed: dict[Value, list[frozenset[Limit]]] = {}
    denied: set[Value] = set()
    written: dict[Item, list[tuple[str, frozenset[Limit]]]] = {}
    for s in statements:
        for c in s.claims:
            if c.positive:
                affirmed.setdefault(c.value, []).append(s.limits & _STRONG)
                written.setdefault(c.item, []).append((c.words.lower(), s.limits & _STRONG))
            else:
                denied.add(c.value)
    return affirmed, denied, written


def _affirmed_in_words(c: Claim, told: _OldValues, limits: frozenset[Limit]) -> bool:
    """A value the line names in words an old value of the same item holds ("providers" of "sign-in providers"), read
    under another key: the same value, named more briefly (with no strong limit of the old sentence dropped)."""
    words = _LEADING.sub("", c.words.lower().strip())
    if len(words) < 4:
        return False
    pattern = re.compile(rf"\b{re.escape(words)}\b")
    if any(pattern.search(w) and before <= limits for w, before in told.written.get(c.item, ())):
        return True
    # A source the old document names in a sentence that denies nothing ("Sign-in providers: … we get your name …
    # from it"), its reader reading no source there: where data comes from is told by the party named
    # (Art. 14(2)(f)), not by the verb that took it.
    return c.item is Item.SOURCES and c.weight is Weight.PLAIN and c.value not in told.denied \
        and any(pattern.search(t) for t in told.affirming)


def _party_named_before(c: Claim, told: _OldValues, data: frozenset[Value]) -> bool:
    """A recipient the old document names, in a sentence that denies nothing, with one of the kinds of data the line
    gives it (or with no kind of data), its reader reading no recipient there (rewrite39): "Card payments are handled
    by our payment provider, which receives your card details" names to whom the data goes, as "Our payment provider
    gets your card details" does (Art. 13(1)(e) asks the recipient told, not the verb). A party the old document names
    only in a sentence that denies something, with only some of the kinds of data the line gives it, or as where data
    comes from, is no recipient told."""
    words = _LEADING.sub("", c.words.lower().strip())
    if c.item is not Item.RECIPIENTS or c.weight is not Weight.PLAIN or c.value in told.denied or len(words) < 4:
        return False
    pattern = re.compile(rf"\b{re.escape(words)}\b")
    if any(pattern.search(w) for w, _ in told.written.get(Item.SOURCES, ())):
        return False
    return any(pattern.search(t) and (data <= values or not any(item in _KINDS for item, _ in values))
               for t, values in zip(told.affirming, told.affirming_values, strict=True))


def gathered_from_old(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object]) -> bool:
    """Whether the finding stands on a line of a new box whose every value, relation, number and name the old
    document as a whole states (see the module's docstring)."""
    if not (old.whole and new.whole) or f.old is not None or not f.new:
        return False
    if old.document.section(f.section) is not None or new.document.section(f.section) is None:
        return False
    return told_by_old_values(f, old, new, cache)


def told_by_old_values(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object],
                       parties: bool = False) -> bool:
    """Whether every value, relation, number and name of the finding's line the old document as a whole states (the
    module's docstring), the line read where it stands in the new document. With `parties`, a value the old
    document does not affirm is still told where it names a party the old document named in words
    (`_party_named_before`), related to the line's data in one old sentence. Public: `rebound.stated_in_old_document`
    asks it (with `parties`) of a value denied and now stated."""
    units = new.section(f.section).units
    at = next((n for n, u in enumerate(units) if u.text == f.sentence), None)
    if at is None or units[at].heading or units[at].title:
        return False
    unit = units[at]
    if unit.context is not None and unit.context.lead and not _LABEL.match(unit.text):
        # A list item speaks with its lead-in: only a lead-in that is a label ("At a glance:", "In short:"), stating
        # no value of its own, leaves the item to say alone what it says.
        lead = next((u for u in reversed(units[:at]) if u.text.rstrip(" *_").endswith(":")), None)
        if lead is None or lead.statement.claims or lead.statement.processing:
            return False
    line: Statement = unit.statement
    claims = [c for c in line.claims if c.item in _GATHERED and c.weight is not Weight.VAGUE
              and not c.key.startswith("object:")]
    if not claims or line.quantities:
        return False
    if "gathered" not in cache:
        old_units = [u for u in old.texts_units() if not (u.heading or u.title)]
        statements = [old.statement_of(u) for u in old_units]
        affirmed, denied, written = _values(statements)
        sections: dict[str, set[Value]] = {}
        affirming = [u.text.lower() for u, s in zip(old_units, statements, strict=True)
                     if not s.negative() and not _NEGATION.search(u.text)]
        affirming_values = [frozenset(s.positive()) for u, s in zip(old_units, statements, strict=True)
                            if not s.negative() and not _NEGATION.search(u.text)]
        affirming_text = [u.text for u, s in zip(old_units, statements, strict=True)
                          if not s.negative() and not _NEGATION.search(u.text)]
        for u, s in zip(old_units, statements, strict=True):
            sections.setdefault(u.section, set()).update(s.positive())
        lowered = old.lowered()
        cache["gathered"] = _OldValues(affirmed, denied, written, affirming,
                                       [frozenset(s.positive()) for s in statements],
                                       [frozenset(v) for v in sections.values()], lowered, value_numbers(lowered),
                                       cover_words(lowered), affirming_values, affirming_text)
    told = cast("_OldValues", cache["gathered"])
    affirmed, denied = told.affirmed, told.denied
    limits = line.limits & _STRONG
    data = frozenset(c.value for c in line.claims if c.positive and c.item in _KINDS and c.weight is not Weight.VAGUE
                     and not c.key.startswith("object:"))
    by_words: set[Value] = set()
    for c in claims:
        if c.positive and not any(before <= limits for before in affirmed.get(c.value, ())) \
                and not _affirmed_in_words(c, told, limits):
            if not (parties and _party_named_before(c, told, data)):
                return False
            by_words.add(c.value)
        if not c.positive and c.value not in denied:
            return False
    # Each kind of data to each use, as the old document relates them (by its sections; a use that needs consent in
    # one old sentence for each kind); a recipient named in words is related by its sentence (`_party_named_before`).
    relation = replace(line, claims=tuple(c for c in line.claims if c.value not in by_words)) if by_words else line
    if not related_before(relation, told.sections, told.sentences):
        return False
    if parties and not _related_in_one_sentence(line, unit.text, new, told, by_words, cache):
        return False
    body = _LABEL.sub("", unit.text)
    if not value_numbers(body) <= told.numbers:
        return False
    if any(e.replace("|", " ").lower() not in told.lowered for e in line.entities):
        return False
    if any(name.lower() not in told.lowered for name in _NAME_INSIDE.findall(body)):
        return False
    if not all(cover_words(w) <= told.words for w in f.words):
        return False
    # A frame's reading that asks for consent (data of others' own purposes, an incompatible use, sharing for
    # advertising) is no value of the line: an old sentence that affirms, denying nothing, holds its words as written.
    if f.implied in CONSENT_FRAMES:
        phrases = [_LEADING.sub("", " ".join(re.findall(r"\w+", w.lower()))) for w in f.words]
        return all(p and any(re.search(rf"\b{re.escape(p)}\b", " ".join(re.findall(r"\w+", t))) for t in told.affirming)
                   for p in phrases)
    return True


def _related_in_one_sentence(line: Statement, text: str, new: DocumentText, told: _OldValues,
                             by_words: set[Value], cache: dict[str, object]) -> bool:
    """In a document rewritten whole, each use the line names (a purpose, a recipient) with each kind of data it names
    stated together by one old sentence that denies nothing (rewrite39), read by the sentences' claims or, for what
    the reader names but does not read ("together with your name", "researchers, who only ever see your email
    address"), by their inventories. A rewrite moves sentences whole or sums them up; a summary row that gives
    transaction data to the analytics providers an old row named for device data, or a review passed "with your name"
    to resellers an old sentence named for customer service data, relates them for the first time. A line naming no
    kind of data relates nothing in particular; a recipient told by its words is related by its sentence
    (`_party_named_before`)."""
    kinds = {c.value for c in line.claims if c.item in _KINDS and c.weight is not Weight.VAGUE
             and not c.key.startswith("object:")}
    uses = {c.value for c in line.claims if c.positive and c.item in _USES} - by_words
    if kinds and uses and not all(any(use in values and kind in values for values in told.sentences)
                                  for use in uses for kind in kinds):
        return False
    named = inventory(text, new.terms)[0]
    kinds_named = {n for n in named if n[0] in _KIND_NAMES and n[1] != "personal_data"}
    uses_named = {n for n in named if n[0] in _USE_NAMES and (Item(n[0]), n[1]) not in by_words}
    if not kinds_named or not uses_named:
        return True
    if "sentences_named" not in cache:
        # (each with the sentence before it, which "this information", "them" refer back to)
        cache["sentences_named"] = [inventory(f"{before} {t}", new.terms)[0]
                                    for before, t in zip(["", *told.affirming_text], told.affirming_text, strict=False)]
    return all(any(use in n and kind in n for n in cast("list[frozenset]", cache["sentences_named"]))
               for use in uses_named for kind in kinds_named)


_KIND_NAMES = frozenset({Item.CATEGORIES.value, Item.SENSITIVE.value})
_USE_NAMES = frozenset({Item.PURPOSES.value, Item.RECIPIENTS.value})
_USES = frozenset({Item.PURPOSES, Item.RECIPIENTS})
# The items that name kinds of data (`restated._DATA`).
_KINDS = frozenset({Item.CATEGORIES, Item.SENSITIVE})
# What a value new to a section of a document rewritten whole may be, to be asked of the whole old document: the items
# of gathered lines but special data (a consent-level item, read in its section as before). Shared with `rebound`.
REWRITTEN_ITEMS = _GATHERED - {Item.SENSITIVE}


def stated_in_old_document(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object],
                           alone: bool = False) -> bool:
    """Whether a value "new" to its section of a document rewritten whole (many paragraphs at once, `prose._REWRITTEN`:
    the caller asks) is one the old document already states, with everything else its line says (rewrite39). A
    rewrite moves what a notice tells between sections and boxes (a box line "Recipients: …, and authorities when the
    law forces our hand" beside a disclosures section that named the authorities, "ads" in a paragraph on opting out
    beside a cookies section that named them); Art. 13 asks what the notice tells, not where. The line is read as
    revfa29 reads a line of a new box (`told_by_old_values`): every value it affirms the old document affirms (no
    strong limit dropped), every one it denies the old document denies, each kind of data to each use as the old
    document relates them, every number, entity and name written before; a line with a period is not asked. A value
    of special data, a consent-level reading, a value changed in place (X -> Y) stay in their section."""
    from .prose import ProseKind  # (prose imports this module)

    if not (alone or (old.whole and new.whole)) or f.kind is not ProseKind.NEW_VALUE or f.old is not None or not f.new:
        return False
    if f.item not in REWRITTEN_ITEMS or f.implied in CONSENT_FRAMES or new.document.section(f.section) is None:
        return False
    if not told_by_old_values(f, old, new, cache, parties=True):
        return False
    # What the line names but does not state (a party under a verb the reader does not read, "and to data brokers,
    # which buy them from us"): every term, trigger, party and entity it names in any polarity the old document names.
    if "named" not in cache:
        cache["named"] = inventory(" ".join(u.text for u in old.texts_units()), old.terms)[0]
    return inventory(f.sentence, new.terms)[0] <= cast("frozenset", cache["named"])


def restated_in_pair(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object],
                     alone: bool = False) -> bool:
    """Whether a finding of a document rewritten whole (`prose._REWRITTEN`: the caller asks) stands on a sentence that
    only rewords the old sentence it is aligned with (rewrite40): a sentence reworded whole leaves a few content words
    on one side ("… together with your PIN", "Lenovo also relies on …", "Your data sits with our hosting provider,
    which stores it …") that the residual reading takes as a changed practice, or its reader reads a value the old
    sentence named in other grammar ("is sent directly to our payment processor" for "go straight to our payment
    processor"). The sentence is aligned with the old sentence sharing most of its content words, half or more
    (`inventory.restated_pair`), and the finding goes only where the pair differs in nothing it states: the same
    terms, triggers, parties, entities, addresses and numbers named, the same negations, limits, consent words and
    conditions counted, and no more than two content words gained beyond those it lost (a sentence that goes on to
    say more, "… and mines it for cooking trends", gains a clause and keeps its finding). Asked of the residual
    reading's finding (`PRACTICE_CHANGED` by its words) when none of its words is a verb of processing, and of a
    value new to its section as rewrite39 asks it (no special data, no consent-level reading, no value changed in
    place); a single edit never reaches the gate."""
    from .prose import ProseKind  # (prose imports this module)

    if not f.sentence or not (alone or (old.whole and new.whole)):
        return False
    residual = f.kind is ProseKind.PRACTICE and f.implied is ChangeKind.PRACTICE_CHANGED \
        and (f.key or "").startswith("practice:") and not any(w in PROCESSING_VERBS for w in f.words)
    value = f.kind is ProseKind.NEW_VALUE and f.old is None and bool(f.new) and f.item in REWRITTEN_ITEMS \
        and f.implied not in CONSENT_FRAMES
    if not (residual or value) or old.has_sentence(f.sentence):
        return False
    if "pairs" not in cache:
        cache["pairs"] = [(content_words(u.text), u.text) for u in old.units() if not (u.heading or u.title)]
        cache["new"] = frozenset(u.text for u in new.units())
    if f.sentence not in cast("frozenset", cache["new"]):
        return False
    best = restated_pair(f.sentence, cast("list", cache["pairs"]), new.terms)
    if best is None:
        return False
    mine, theirs = content_words(f.sentence), content_words(best)
    return len(mine - theirs) <= len(theirs - mine) + _GAINED


# rewrite40: a reworded sentence trades words; one that gains more than this many beyond those it lost says more.
_GAINED = 2


@dataclass(frozen=True)
class _OldValues:
    """What the old document states, read once per comparison: the values affirmed (with the strong limits of each
    sentence affirming them) and denied, each sentence's and each section's affirmed values, its text, numbers
    and content words."""

    affirmed: dict[Value, list[frozenset[Limit]]]
    denied: set[Value]
    written: dict[Item, list[tuple[str, frozenset[Limit]]]]
    affirming: list[str]
    sentences: list[frozenset[Value]]
    sections: list[frozenset[Value]]
    lowered: str
    numbers: frozenset[str]
    words: frozenset[str]
    affirming_values: list[frozenset[Value]]    # the values each sentence of `affirming` affirms
    affirming_text: list[str]                   # the sentences of `affirming` as written


def limit_still_standing(f: ProseFinding, old: DocumentText, new: DocumentText) -> bool:
    """A limit "removed" on a line of a section the old document lacks (a table of settings, a summary box) that
    restates an old sentence still standing word for word in the new document, its limit with it ("Personalised
    ads | Also uses your viewing history … | Settings > Privacy > Ads" beside the unchanged "If you turn on
    Personalised ads …, we also use your viewing history …"): the line points to the practice the sentence tells;
    the notice still says, where it said it, under which limit (Art. 12-13). A line whose old sentence is gone, or
    rewritten, is read as before."""
    if not (old.whole and new.whole) or f.new is not None or not f.old or not f.words:
        return False
    if old.document.section(f.section) is not None or new.document.section(f.section) is None:
        return False
    try:
        removed = {Limit(w) for w in f.words}
    except ValueError:
        return False
    line = cover_words(f.sentence)
    if len(line) < 3:
        return False
    return any(removed <= u.limits and len(line & cover_words(u.text)) >= 0.6 * len(line) and new.has_sentence(u.text)
               for u in (old.statement_of(unit) for unit in old.texts_units() if not (unit.heading or unit.title)))


def told_elsewhere29(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object]) -> bool:
    """Whether the finding is one of revfa29's forms the whole old document already told."""
    return gathered_from_old(f, old, new, cache) or limit_still_standing(f, old, new) \
        or assured_by_the_next_words(f, new)


def assured_by_the_next_words(f: ProseFinding, new: DocumentText) -> bool:
    """A right's promise ("at any time", "free of charge") "no longer" given by a sentence when another sentence of
    the same section gives it of the same right, the reader acting on "it" ("Can I withdraw my consent? Yes, at any
    time …" -> "Yes. You can withdraw it at any time, …": the answer read as "You can withdraw your consent." and
    the promise in the words after it). The section still promises it of the same right (Art. 7(3), 12(5)); a
    promise no sentence of the section makes of that right any more, or makes of another act, is read as before."""
    if f.implied is not ChangeKind.REMOVED_RIGHT or not (f.key or "").startswith("burden:no-longer-") or not f.words:
        return False
    if new.document.section(f.section) is None:
        return False
    given = {c.value for c in analyse(f.sentence).claims if c.item is Item.RIGHTS and c.positive}
    if not given:
        return False
    wanted = set(f.words)
    for u in new.section(f.section).units:
        if u.text == f.sentence or not wanted <= assurances(u.text) or not _ACTS_ON_IT.search(u.text):
            continue
        # (the sentence gives no other right: "… and delete your account at any time" promises of another act)
        if {c.value for c in u.statement.claims if c.item is Item.RIGHTS and c.positive} <= given:
            return True
    return False


# The reader acting on what the sentence before named ("You can withdraw it", "you can take them back").
_ACTS_ON_IT = re.compile(r"\byou (?:can|may|are able to) (?:\w+ )?\w+ (?:it|them)\b", re.IGNORECASE)
