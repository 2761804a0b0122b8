"""recall41: "material unless shown editorial" — a changed statement no reading finds and no editorial
recogniser explains.

The detector's stance is "editorial unless a reading fires": a changed sentence that no reading of an item
finds falls through to an editorial note (`_Judge.compare`'s last step, a sentence added or removed that no
judge reads). This step reads those sentences the other way: a changed clause that

(a) states a practice or a legal item (its reading names data, a purpose, a recipient, a period, a right, a
    country, a limit or a party: `Statement.substantive`; with `STANCE` "processing", also a sentence about
    processing, rights or children whose items the lists do not name),
(b) is not explained by an editorial recogniser (typo, spelling, reorder, reflow, formatting, dates, links,
    addresses, renumbering, cross-references: `editorial.recognise` gave "rewording", the catch-all), nor by
    the same facts restated (`_explained`: only function words changed; the same items item by item; every
    content word it gains the old section already states and every one it loses the new section still states),
(c) and has no finding of its own,

is "material-notify" with a finding that says so ("changed statement of <item>: review").

It is switched by `STANCE` (None: off). See docs/design-notes.md, "unexplained41 (recall41)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .items import SCOPE_CUE, Context, Limit, Statement, analyse, clause_scopes, content_words
from .negation import NEGATION_FORMS, negation_words
from .terms import stem, tokens
from .text import LazyPattern

# None: off (the detector's stance: editorial unless a reading fires). "substantive": a clause whose reading
# names an item. "processing": that, or a sentence about processing, rights or children.
STANCE: str | None = None
# A document with more unexplained clauses than this is a rewrite: the step leaves it to the readings
# (0: no limit).
MOST = 0
# For measurement only (tests/classify/unexplained.py): each candidate's reading, whatever STANCE says.
RECORD: list[dict] | None = None
# grampol42: a value's polarity read by the scope of its clause's negation (`_scoped`) in `facts`: the default
# of their `scoped` parameter (False: synonym41's recogniser, for measurement).
SCOPE = True


@dataclass(frozen=True)
class Candidate:
    """A changed clause no judge found anything in: the old and the new sentence (one of them None for a
    sentence added or removed), with their readings and the content-word stems of their sections."""

    section: str
    old: str | None
    new: str | None
    old_statement: Statement | None
    new_statement: Statement | None
    old_section_words: frozenset[str]
    new_section_words: frozenset[str]
    old_section_items: frozenset = frozenset()     # the positive items (item, value) each section states
    new_section_items: frozenset = frozenset()


def _states_item(s: Statement | None, stance: str) -> bool:
    if s is None:
        return False
    if s.substantive:
        return True
    return stance == "processing" and (s.processing or s.about_rights or s.about_children)


def _items(s: Statement) -> tuple:
    return (frozenset(s.positive()), frozenset(s.negative()), s.limits,
            frozenset((q.item, q.words) for q in s.quantities), frozenset(s.entities), frozenset(s.dpo))


# synonym41: a restriction told the other way round. "We send it only if you opt in" and "we do not send it unless
# you opt in" (or "… except …") state one rule: the practice is allowed under the condition and nowhere else; the
# reader reads the first as an ONLY limit, the second as a CONDITION on a denial. Read as one kind of limit when
# one sentence is negated and the other is not (the grammar of the rewrite); a limit dropped or added with the
# polarity unchanged ("only for the registration the law requires" -> "for the registration …") stays a change.
_RESTRICTIONS = frozenset({Limit.ONLY, Limit.CONDITION})
_NEGATED = LazyPattern(negation_words(*NEGATION_FORMS), re.IGNORECASE)


def _restricted(limits: frozenset[Limit]) -> frozenset:
    return frozenset("restricted" if x in _RESTRICTIONS else x for x in limits)


# The keys of values the reader makes of a phrase it names, no list's term: a company ("org:"), a capitalised name
# ("named:"), the object of a collecting verb ("object:").
_OWN_KEYS = ("org:", "named:", "object:")


def _named_in(s: Statement, other: Statement) -> set:
    """The values `s` reads of a name or phrase the other wording writes too, in grammar its reader reads as no
    value ("Lenovo does not disclose it" / "it is not disclosed by Lenovo"): the same party or thing named in both
    wordings is no value gained or lost."""
    text = other.text.lower()
    return {c.value for c in s.claims if c.key.startswith(_OWN_KEYS) and c.words and c.words.lower() in text}


def _values(values: set) -> frozenset:
    """Values as the same party whatever the grammar names it by: a company named in the possessive ("Lenovo's
    partners" reads the party "lenovo s") is the company."""
    return frozenset((item, key[:-2]) if key.startswith("org:") and key.endswith(" s") else (item, key)
                     for item, key in values)


def scope(s: Statement, values: frozenset) -> frozenset | None:
    """grampol42: the values of `values` that `s` names, each with the scope its clause gives it (`clause_scopes`:
    "denied" where a negation governs the clause's practice, wherever the word stands; "affirmed"; "condition" in
    an exception or a condition), each clause read on its own. None when a value is named in no clause alone."""
    out = set()
    context = Context.of(s.text)     # the whole sentence's cues: a clause alone may lack its verb ("…; it is not …")
    for clause, kind in clause_scopes(s.text):
        for value in _values({c.value for c in analyse(clause, context).claims}):
            if value in values:
                out.add((value, kind))
    return frozenset(out) if {v for v, _ in out} == values else None


def _scoped(a: Statement, b: Statement, x: tuple, y: tuple) -> tuple[frozenset, frozenset] | None:
    """grampol42: the values two wordings name alike, each with the scope its clause gives it in each wording, when
    they name the same values under the same limits, periods and parties (`facts`), or None. The reader's polarity
    follows where the negation word stands ("This information will not be uploaded to Motorola" denies the
    information; "… will neither be uploaded to Motorola nor shared" reads it as affirmed); the scope follows which
    clause the negation governs, so the two wordings read alike, and a clause denied in one wording and affirmed in
    the other (a denial of automated decisions turned into "may close that account without human involvement")
    still reads as the change it is."""
    if x[2:] != y[2:]:
        return None
    values = x[0] | x[1]
    if values != y[0] | y[1] or not values:
        return None
    sa, sb = scope(a, values), scope(b, values)
    return None if sa is None or sb is None else (sa, sb)


def _scope_moved(a: Statement, b: Statement) -> bool:
    """grampol42: two wordings with the same words whose clauses govern their values otherwise ("we share your
    location, not your contacts" / "we share your contacts, not your location"): the reader's polarities differ,
    and so do the scopes."""
    x, y = facts(a, b, scoped=False)
    scoped = _scoped(a, b, x, y) if x != y else None
    return scoped is not None and scoped[0] != scoped[1]


def denies(s: Statement) -> bool:
    """grampol42: a clause of `s` whose practice a negation governs (`clause_scopes`: denied, or restricted by a
    denial and its exception); a "without" phrase alone denies no practice."""
    return bool(SCOPE_CUE.search(s.text)) and any(kind in ("denied", "restricted") for _, kind in clause_scopes(s.text))


def facts(a: Statement, b: Statement, scoped: bool | None = None) -> tuple[tuple, tuple]:
    """The items of two wordings of one sentence read for what they state, not how (synonym41): a period or an
    age by its amount and the event it runs until ("24 months" is "two years", "as long as it is necessary" is
    "as long as we need it"), not its words; a restriction by its kind when the rewrite turns the polarity
    ("only if" for "not … unless"); a company, name or object both wordings write, whatever grammar reads it as a
    value in one of them (`_named_in`), and a company named in the possessive (`_values`). Values, polarities,
    entities and names otherwise as `_items` reads them; `scoped` (default `SCOPE`): by the scope of a negation."""
    def read(s: Statement, other: Statement, flip: bool) -> tuple:
        named = _named_in(s, other)
        return (_values(s.positive() - named), _values(s.negative() - named),
                _restricted(s.limits) if flip else s.limits,
                frozenset((q.item, q.amount, q.event) for q in s.quantities), frozenset(s.entities),
                frozenset(s.dpo))
    flip = bool(_NEGATED.search(a.text)) != bool(_NEGATED.search(b.text)) \
        and bool(a.limits & _RESTRICTIONS) and bool(b.limits & _RESTRICTIONS)
    x, y = read(a, b, flip), read(b, a, flip)
    scoped = SCOPE if scoped is None else scoped
    if scoped and x != y and any(_NEGATED.search(t) or SCOPE_CUE.search(t) for t in (a.text, b.text)):
        by_scope = _scoped(a, b, x, y)
        if by_scope is not None:     # each value by the scope of its clause, not where the negation word stands
            return (by_scope[0], frozenset(), *x[2:]), (by_scope[1], frozenset(), *y[2:])
    return x, y


def same_facts(a: Statement, b: Statement, scoped: bool | None = None) -> bool:
    """Whether two wordings of one sentence state the same items (`facts`)."""
    x, y = facts(a, b, scoped)
    return x == y


# The words of a restriction, either way round ("only if", "solely", "not … unless", "except where").
_RESTRICTION_WORDS = frozenset({"only", "sole", "solely", "exclusively", "unless", "except", "excepting", "save"})
# The words of a denial that are content words to `content_words` ("not" is not one).
_NEGATION_WORDS = content_words("no never neither nor none nothing nobody cannot")
# Irregular verb forms the stemmer leaves apart ("kept" for "keep"): one verb, one practice.
_IRREGULAR = {"kept": "keep", "sent": "send", "held": "hold", "sold": "sell", "told": "tell", "made": "make",
              "given": "give", "gave": "give", "taken": "take", "took": "take", "shown": "show", "seen": "see",
              "saw": "see", "got": "get", "gotten": "get", "bought": "buy", "found": "find", "left": "leave",
              "built": "build", "chosen": "choos", "chose": "choos", "stored": "store", "shared": "share"}


def restated_words(a: Statement, b: Statement, scoped: bool | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The content words each wording has that the other lacks, less those the same facts account for
    (synonym41): the words of a period or an age both state by amount ("12 months", "one year"), the words of a
    restriction turned (`facts`), and an irregular form of a verb the other wording has."""
    scoped = SCOPE if scoped is None else scoped
    x, y = facts(a, b, scoped)
    same_periods = x[3] & y[3]
    told: set[str] = set()
    for s in (a, b):
        for q in s.quantities:
            if (q.item, q.amount, q.event) in same_periods:
                told.update(stem(w) for w in tokens(q.words))
                told.update(tokens(q.words))
    if x[2] != a.limits or y[2] != b.limits:      # a restriction turned
        told.update(_RESTRICTION_WORDS)
    if scoped and denies(a) and denies(b):
        # grampol42: both wordings deny, and `facts` compares what each denial governs: the words that say it
        # ("no", "never", "neither … nor", "none") are the polarity already read, as "not" is
        told.update(_NEGATION_WORDS)

    def base(words: frozenset[str]) -> frozenset[str]:
        return frozenset(_IRREGULAR.get(w, w) for w in words if w not in told)
    old, new = base(a.words), base(b.words)
    return new - old, old - new


def moved_values(c: Candidate, scoped: bool | None = None) -> tuple[frozenset, frozenset] | None:
    """same43: the values a pair's new wording states that its old one does not, and those it no longer states,
    when that is all their facts (`facts`) differ by: the same denials, limits, periods, parties and DPO. None when
    anything else differs (a value denied, a limit, a period), or when the facts are compared by scope."""
    a, b = c.old_statement, c.new_statement
    if a is None or b is None:
        return None
    x, y = facts(a, b, scoped)
    if x[1:] != y[1:] or any(isinstance(v[0], tuple) for v in x[0] | y[0]):
        return None
    return y[0] - x[0], x[0] - y[0]


def told_in_sections(c: Candidate, scoped: bool | None = None) -> bool:
    """same43: the same facts, told across the section. A clause split in two, two merged, a value moved to the
    neighbouring sentence, or a value named where the section already names it ("these partners" written out):
    each value the new wording gains the old section already states, and each one it loses the new section still
    states, with nothing else of the facts changed. A section's statement is the set of its facts: a value
    neither section side lacks is no value gained or lost."""
    moved = moved_values(c, scoped)
    if moved is None:
        return False
    gained, lost = moved
    return gained <= _values(set(c.old_section_items)) and lost <= _values(set(c.new_section_items))


def explained(c: Candidate, scoped: bool | None = None, sections: bool = False) -> str | None:
    """Why the change says the same (a recogniser's name), or None; `scoped` as `facts` reads it; `sections`
    (same43, off: measured, it costs the step's gains at the rate it saves its false alarms): also a pair whose
    facts the section sides still tell (`told_in_sections`)."""
    scoped = SCOPE if scoped is None else scoped
    a, b = c.old_statement, c.new_statement
    if a is not None and b is not None:
        gained, lost = b.words - a.words, a.words - b.words
        if not gained and not lost:
            return None if scoped and _scope_moved(a, b) else "function-words"
        gained, lost = restated_words(a, b, scoped)
        if (gained - c.old_section_words) or (lost - c.new_section_words):
            return None
        if same_facts(a, b, scoped):
            return "same-items"
        return "told-in-sections" if sections and told_in_sections(c, scoped) else None
    if b is not None:       # added: every item and content word already told in the old section
        told = b.words <= c.old_section_words
        return "told-in-section" if told and b.positive() <= c.old_section_items else None
    if a is not None:       # removed: every content word still told in the new section
        return "still-told" if a.words <= c.new_section_words and a.positive() <= c.new_section_items else None
    return "empty"


def features(c: Candidate) -> dict:
    """What measurement needs of a candidate (tests/classify/unexplained.py)."""
    s = c.new_statement or c.old_statement
    a, b = c.old_statement, c.new_statement
    return {"section": c.section, "form": "pair" if a and b else "added" if b else "removed",
            "substantive": bool(s and s.substantive),
            "processing": bool(s and (s.processing or s.about_rights or s.about_children)),
            "explained": explained(c),
            "same_items": bool(a and b and _items(a) == _items(b)),
            "same_facts": bool(a and b and same_facts(a, b)),
            "same_facts_unscoped": bool(a and b and same_facts(a, b, scoped=False)),
            # same43: the values a pair moves, and whether the sections still tell them
            "told_in_sections": bool(a and b and told_in_sections(c)),
            "moved": _moved_dump(c),
            "explained_sections": explained(c, sections=True),
            "explained_unscoped": explained(c, scoped=False),
            "gained": sorted(b.words - a.words) if a and b else sorted(b.words) if b else [],
            "lost": sorted(a.words - b.words) if a and b else sorted(a.words) if a else [],
            "gained_untold": sorted((b.words - a.words if a else b.words) - c.old_section_words) if b else [],
            "lost_untold": sorted((a.words - b.words if b else a.words) - c.new_section_words) if a else [],
            "sentence": c.new or c.old or "",
            # synonym41: what an offline recogniser needs (tests/classify/unexplained.py --dump)
            "old": c.old, "new": c.new,
            "old_items": _dump(a), "new_items": _dump(b),
            "old_words": sorted(a.words) if a else [], "new_words": sorted(b.words) if b else [],
            "old_section_words": sorted(c.old_section_words), "new_section_words": sorted(c.new_section_words),
            "old_section_items": sorted(f"{i.value}:{k}" for i, k in c.old_section_items),
            "new_section_items": sorted(f"{i.value}:{k}" for i, k in c.new_section_items)}


def _moved_dump(c: Candidate) -> list[list[str]] | None:
    moved = moved_values(c)
    return None if moved is None else [sorted(f"{i.value}:{k}" for i, k in side) for side in moved]


def _dump(s: Statement | None) -> dict | None:
    if s is None:
        return None
    return {"positive": sorted(f"{c.item.value}:{c.key}" for c in s.claims if c.positive),
            "negative": sorted(f"{c.item.value}:{c.key}" for c in s.claims if not c.positive),
            "claims": [(c.item.value, c.key, c.words, c.positive) for c in s.claims],
            "limits": sorted(x.value for x in s.limits),
            "quantities": sorted(f"{q.item.value}:{q.words}" for q in s.quantities),
            "entities": list(s.entities), "dpo": list(s.dpo)}


def unexplained(candidates: Iterable[Candidate], found: set[str]) -> list[Candidate]:
    """The candidates that are material under `STANCE`: they state an item, no recogniser explains them, and
    no finding names their sentence (`found`)."""
    candidates = [c for c in candidates if (c.new or c.old or "") not in found]
    if RECORD is not None:
        RECORD.extend(features(c) for c in candidates)
    if STANCE is None:
        return []
    stance = STANCE
    out = [c for c in candidates if _states_item(c.new_statement or c.old_statement, stance)
           and explained(c) is None]
    return [] if MOST and len(out) > MOST else out
