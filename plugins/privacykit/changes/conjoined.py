"""A part joined by "and" or "or" to a coordination of a practice (coord41).

A statement of a practice names its values in coordinations: who does it ("LinkedIn and our advertising partners
use cookies"), where the data are taken ("we log your activity on the site and on your devices"), when it is done
("if you create an account, or if you log in to an existing one, we combine …"). A part joined to such a
coordination widens the practice by a value the old sentence did not state: another party doing it (a recipient,
GDPR Art. 13(1)(e)), another place or source of the data (Art. 13(1), 14(2)(f)), another case in which it is done
(the purpose's reach, Art. 13(1)(c)). `prose.enumeration_runs` reads a member put into a list of data, parties or
purposes; it refuses, on purpose, a run that opens with a preposition of place or with a condition (an adverbial,
a clause), and a party whose words the old sentence uses for something else ("advertising purposes"). This module
reads those three forms by the grammar of the coordination, never by the document's vocabulary:

- **place**: the run repeats the preposition of the phrase it is joined to ("on LinkedIn" + "and on the devices
  on which they use our apps", "from our partners" + "and from public sources");
- **condition**: the run repeats the opener of the condition it is joined to ("If you decide to create an
  account, …" + ", or if you log in to an existing account, …");
- **party**: the run is a short noun phrase ending in a word for a party (partners, advertisers, affiliates,
  providers, …), joined to the actor or the recipient of the practice, whose head the old sentence did not name.

Not read (left editorial): "and/or" for "or", a run inside examples ("such as", "including", "for example"), a
run in a denied clause, a run whose words the old sentence already has (a reordering, a synonym pair, "on and
through"), a run in a sentence that tells no processing. Whether the old document stated the value for the same
practice is asked by the caller (`prose._Practice.conjunct_joined`), of the old sentences of that practice, never
of the document's vocabulary.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from .text import LazyPattern

_TOKEN = LazyPattern(r"\w+(?:['’]\w+)*|[^\w\s]")
# What joins the parts of a coordination, and moves when a part is joined.
_JOINTS = frozenset({",", "and", "or"})
_AND_OR = LazyPattern(r"\b(?:and|or) / (?:and|or)\b")
# The cheap guard: a coordinator in the new text.
_COORDINATOR = LazyPattern(r"\b(?:and|or)\b", re.IGNORECASE)
# Prepositions of place or source a coordinated phrase repeats.
_PLACES = frozenset({"on", "in", "at", "from", "across", "through", "via", "outside", "within", "inside", "into"})
# The people a place may qualify ("customers in Portugal and in Canada"): where they are, not where their data go.
_PEOPLE = LazyPattern(r"^(?:customers?|users?|members?|people|persons?|residents?|visitors?|individuals?|consumers?|"
                      r"children|employees?|citizens?|subscribers?|listeners?|you|those|anyone|everyone)$")
# Openers of a condition a coordinated condition repeats.
_CONDITIONS = frozenset({"if", "when", "where", "whenever", "once"})
# The head of a noun phrase naming a party ("partners", "advertisers", "service providers"): one word, matched whole.
# Shared: `listed` reads a list's members as parties with it.
PARTY = LazyPattern(r"^(?:partners?|advertisers?|affiliates?|providers?|vendors?|companies|company|parties|party|"
                    r"agencies|agency|networks?|brokers?|processors?|suppliers?|sponsors?|publishers?|developers?|"
                    r"subsidiaries|subsidiary|insurers?|retailers?|researchers?|universities|institutions?|"
                    r"organi[sz]ations?|businesses|firms?|platforms?|apps?|services?|contractors?|resellers?|"
                    r"distributors?|employers?|recruiters?|marketers?|clients?)$", re.IGNORECASE)
# A run's words that make it no party phrase: a verb, a pronoun subject, a relative or a preposition.
_NOT_NOUN = frozenset({"we", "you", "they", "it", "he", "she", "who", "which", "that", "whose", "is", "are", "was",
                       "were", "will", "may", "can", "to", "for", "with", "by", "on", "in", "at", "from", "of", "if",
                       "when", "where", "not", "no", "never"})
# An opener of examples in the clause before the run: the run illustrates what the clause names.
_EXAMPLES = LazyPattern(r"\b(?:such as|e\.\s?g\b|eg\b|for example|for instance|including|includes?|like|i\.\s?e\b|"
                        r"namely|in particular|especially)\b", re.IGNORECASE)
# A denial in the clause or the run.
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nor|neither|without|cannot)\b|n['’]t\b", re.IGNORECASE)
# The end of a clause, for the clause before the run.
_CLAUSE_END = frozenset({".", ";", ":", "!", "?", "(", ")"})
_WORD = LazyPattern(r"\w")
_GLUE = frozenset({"the", "a", "an", "our", "your", "their", "its", "his", "her", "other", "any", "all", "some",
                   "and", "or", "of", "on", "in", "at", "from", "if", "when", "where", "whenever", "once", "to",
                   "you", "we", "they", "it", "which", "that", "who", "this", "these", "those", "with", "by", "for",
                   "us", "is", "are", "be", "do", "does", "use", "uses", "same", "then"})


def may_join(old: str, new: str) -> bool:
    """The cheap guard: the new text is longer and holds a coordinator."""
    return len(new) > len(old) and _COORDINATOR.search(new) is not None


class Inserted(NamedTuple):
    """What `inserted_run` finds: the tokens of the old sentence (lower-cased) and of the new one (as written and
    lower-cased), and the span [j1, j2) of the new tokens that the new sentence puts in."""
    la: list[str]
    b: list[str]
    lb: list[str]
    j1: int
    j2: int


def inserted_run(old: str, new: str, joints: frozenset[str]) -> Inserted | None:
    """The run of tokens `new` puts into `old`, the two compared without the `joints` (which move when a part is
    joined: "A and B" -> "A, B and C"); None where more than one part changed or a word of `old` was lost (coord41;
    shared with listed41)."""
    la = [t.lower() for t in _TOKEN.findall(old)]
    b = _TOKEN.findall(new)
    lb = [t.lower() for t in b]
    kept_a = [t for t in la if t not in joints]
    kept_b = [k for k, t in enumerate(lb) if t not in joints]
    ops = [op for op in difflib.SequenceMatcher(None, kept_a, [lb[k] for k in kept_b], autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "insert":
        return None
    _, _, _, k1, k2 = ops[0]
    return Inserted(la, b, lb, kept_b[k1 - 1] + 1 if k1 > 0 else 0, kept_b[k2] if k2 < len(kept_b) else len(lb))

def conjunct_joined(old: str, new: str) -> tuple[str, str] | None:
    """The form ("place", "condition" or "party") and the words of a part `new` joins by "and" or "or" to a
    coordination of `old`, where `new` is `old` with that part put in and nothing else changed; else None."""
    if not may_join(old, new):
        return None
    inserted = inserted_run(old, new, _JOINTS)
    if inserted is None:
        return None     # more than one part changed
    la, b, lb, j1, j2 = inserted
    run = lb[j1:j2]
    if _AND_OR.search(" ".join(lb[max(0, j1 - 2):j2 + 2])):
        return None     # "and/or" for "or"
    if not any(t in ("and", "or") for t in run) and not (j1 > 0 and lb[j1 - 1] in ("and", "or")):
        return None     # no coordinator joins the run
    k = 0
    while k < len(run) and run[k] in _JOINTS:
        k += 1
    body = run[k:]
    while body and body[0] == ",":
        body = body[1:]
    while body and body[-1] in (",", "and", "or"):
        body = body[:-1]
    words = [t for t in body if _WORD.search(t)]
    if not words or len(words) > 16 or any(t in (".", "!", "?", ";", "(", ")") for t in body):
        return None
    start = j1
    while start > 0 and lb[start - 1] not in _CLAUSE_END:
        start -= 1
    clause = lb[start:j1]
    text = " ".join(b[j1:j2]).strip(" ,")
    if _EXAMPLES.search(" ".join(clause)) or _EXAMPLES.search(" ".join(body)) or _DENIED.search(" ".join(body)) \
            or _DENIED.search(" ".join(clause)):
        return None
    if not (frozenset(words) - frozenset(la) - _GLUE):
        return None     # every word the old sentence's own: a reordering, a word said again
    first = body[0]
    if first in _PLACES and first in clause[-8:] and len(words) >= 2:
        at = len(clause) - 1 - clause[::-1].index(first)
        named = [t for t in b[j1 + k + 1:j2] if _WORD.search(t) and t.lower() not in ("the", "of", "and", "or")]
        if (at > 0 and _PEOPLE.match(clause[at - 1])) or all(t[:1].isupper() for t in named):
            return None     # the people placed ("customers in Portugal"), or a country: the transfers' readings
        return "place", text
    if first in _CONDITIONS and first in clause and len(words) >= 3:
        return "condition", text
    if len(words) <= 5 and PARTY.match(words[-1]) and not any(t in _NOT_NOUN for t in words) \
            and words[-1] not in la and (words[-1].rstrip("s") not in {t.rstrip("s") for t in la}):
        return "party", text
    return None
