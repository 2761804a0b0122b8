"""A member put among the examples a sentence already gives, a form the member reading refuses (listed41).

`prose.enumeration_runs` reads a member put into a list of data, parties or purposes, whatever the document says
elsewhere; it refuses, on purpose, a run that stands inside the examples of a general term ("such as …",
"(e.g., …)", "including …"): examples illustrate, and an example of a value the policy already states adds
nothing (Art. 13(1)(c)-(e) ask for the categories, not for every instance). But writers also widen a practice by
its examples: "(e.g., learning video)" -> "(e.g., learning video, and how long you watch it)"; "Examples of partners
include: • device partners" gaining "• retail brands that sponsor playlists", or "…, as well as shops that pay to
put their names on playlists". This module finds that form by the grammar of the pair, never by the document's
vocabulary:

- the new sentence is the old one with one run put in (the joints ",", "and", "or", ";" compared apart, as they
  move when a member is put in; "as well as" read as one), and the old sentence already gave examples there: the
  run stands inside a bracket whose examples it extends ("(e.g., …", "(such as …"), or after an opener of examples
  in its own clause ("such as", "e.g.", "for example", "including", "include:");
- and the run is no mere instance of the term the examples illustrate ("learning videos" + "articles", "nudity" +
  "threats of violence": notify21's look-alikes): it names a **party** (the examples of recipients are their
  categories, Art. 13(1)(e): "retail and consumer brands that sponsor playlists", "shops and consumer goods
  companies") or a **measure** of the activity the examples illustrate, a clause opened by "how", "whether" or
  "what" ("how long you watch it": another datum about the activity, not an instance of it).

Not read (measured on the development half, they cost more editorial false alarms than they found): examples put
where there were none (a bracket of examples put in whole, ", such as …" or ", including …" after a term), which
writers add to illustrate far more often than to widen; "like" (a verb as often as an opener). Never: examples of
a condition's terms ("If you link a third-party service (e.g., …)"), a run opened by a word of a clause, a pronoun or
a preposition (a clause or an adverbial of its own: "unless you …", "via the settings", "by blocking …"), a
denial, a run whose words the old sentence has (a reordering). Whether the old document stated the value of the same
practice is asked by the caller (`prose._Practice.member_listed`).
"""

from __future__ import annotations

import re

from .conjoined import PARTY, inserted_run
from .items import LEGAL_DUTY
from .text import LazyPattern

# What joins the members of a list, and moves when one is put in.
_JOINTS = frozenset({",", "and", "or", ";"})
_BULLETS = frozenset({"•", "*", "-"})
# An opener of examples ("such as", "e.g.", "including", …).
_EXAMPLES = LazyPattern(r"\b(?:such as|e\s?\.\s?g\b|eg\b|for example|for instance|including|includes?|"
                        r"in particular|especially)\b", re.IGNORECASE)
# A clause opened by a condition: its examples qualify the case, not the practice's values.
_CONDITION = frozenset({"if", "when", "where", "whenever", "once", "unless", "while", "should"})
# A run opened by a word of a clause, a pronoun subject or a preposition: a clause or an adverbial of its own
# ("unless you switch off …", "we encrypt …", "via the settings", "by blocking …"), no member of the examples.
_OPENS_CLAUSE = frozenset({"if", "when", "where", "whenever", "unless", "because", "since", "although", "though",
                           "while", "which", "who", "whom", "whose", "that", "but", "however", "so", "then", "we",
                           "you", "they", "it", "he", "she", "i", "in", "on", "at", "from", "via", "through",
                           "within", "under", "by", "into", "during", "after", "before", "upon", "to", "for", "with",
                           "as", "not", "no", "off", "only"})
# The cheap guard: an opener of examples or a bracket in the new text.
_GUARD = LazyPattern(r"\(|\b(?:such as|e\.\s?g|for example|for instance|including|includes?|like|in particular|"
                     r"especially)\b", re.IGNORECASE)
_ABBREVIATED = LazyPattern(r"\b([eE]|[iI])\.\s?([gG]|[eE])\.")
_SHOWN = {"eg": "e.g.", "ie": "i.e.", "EG": "E.g.", "Eg": "E.g.", "Ie": "I.e."}
_AND_OR = LazyPattern(r"\b(?:and|or) / (?:and|or)\b")
# A denial in the clause or the run: read by the denial readings.
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nor|neither|without|cannot|except)\b|n['’]t\b", re.IGNORECASE)
# The end of a clause, for the clause before the run.
# (a colon goes on the clause: "Examples of partners include: • …" lists examples)
_CLAUSE_END = frozenset({".", ";", "!", "?"})
_WORD = LazyPattern(r"\w")
# Words for a party beside coord41's (`conjoined.PARTY`): those who sell or make things.
_MORE_PARTIES = frozenset({"brands", "brand", "shops", "shop", "stores", "store", "makers", "manufacturers",
                           "carriers", "operators", "merchants", "sellers", "banks", "insurers", "lenders"})
# The openers of a clause that names a measure of an activity ("how long you watch it", "whether you finished it").
_MEASURE = frozenset({"how", "whether", "what"})
# The most words a run may have: an example, not a sentence.
MOST_WORDS = 24


def may_list(old: str, new: str) -> bool:
    """The cheap guard: the new text is longer and holds a bracket or an opener of examples."""
    return len(new) > len(old) and _GUARD.search(new) is not None


def member_listed(old: str, new: str) -> tuple[str, str] | None:
    """The form ("party" or "measure") and the words of a run `new` puts among the examples `old` gives of a term,
    where `new` is `old` with that run put in and nothing else changed; else None."""
    if not may_list(old, new):
        return None
    # ("e.g." and "i.e." read as one word, so their points end no sentence)
    inserted = inserted_run(_ABBREVIATED.sub(r"\1\2", old), _ABBREVIATED.sub(r"\1\2", new), _JOINTS)
    if inserted is None:
        return None     # more than one part changed, or a word of the old sentence lost
    la, b, lb, j1, j2 = inserted
    if j1 == 0:
        return None     # put before the whole sentence: a label
    if _AND_OR.search(" ".join(lb[max(0, j1 - 2):j2 + 2])):
        return None
    while j1 < j2 and (lb[j1] in _JOINTS or lb[j1] in _BULLETS):
        j1 += 1
    while j2 > j1 and lb[j2 - 1] in _JOINTS:
        j2 -= 1
    if lb[j1:j1 + 3] == ["as", "well", "as"]:
        j1 += 3     # ("…, as well as shops that sponsor playlists": the joint of one more member)
    body = lb[j1:j2]
    words = [t for t in body if _WORD.search(t)]
    if not words or len(words) > MOST_WORDS or any(t in (".", "!", "?", ";", ":") for t in body):
        return None
    start = j1
    while start > 0 and lb[start - 1] not in _CLAUSE_END:
        start -= 1
    if lb[start] in _CONDITION or body[0] in _OPENS_CLAUSE or _EXAMPLES.match(" ".join(body).lstrip("( ")):
        return None     # examples of a condition's terms, a clause or an adverbial of its own, or examples opened anew
    prefix = lb[:j1]
    if prefix.count("(") > prefix.count(")"):
        # (inside a bracket: the bracket holds the examples the run extends)
        opened = len(prefix) - 1 - prefix[::-1].index("(")
        if not _EXAMPLES.search(" ".join(lb[opened:j1])):
            return None
    elif not _EXAMPLES.search(" ".join(lb[start:j1])) or "(" in body or ")" in body:
        return None
    text = " ".join(body)
    if _DENIED.search(text) or _DENIED.search(" ".join(lb[start:j1])):
        return None
    if not (frozenset(words) - frozenset(la)) or LEGAL_DUTY.search(text) or LEGAL_DUTY.search(" ".join(lb[start:j1])):
        return None     # every word the old sentence's own (a reordering), or what the law demands
    shown = " ".join(_SHOWN.get(t, t) for t in b[j1:j2])
    if any(PARTY.match(w) or w in _MORE_PARTIES for w in words):
        return "party", shown     # a kind of recipient: the examples of parties are their categories
    if body[0] in _MEASURE:
        return "measure", shown   # a measure of the activity the examples illustrate: another datum
    return None     # an instance of the term the examples illustrate ("learning videos" + "articles")
