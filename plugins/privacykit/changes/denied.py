"""A thing the old text named only to deny it, now named in a clause that does it (notnov40).

"We keep the result and the date of the check, not your personal identification code" -> "We keep the result, the
date of the check and your personal identification code"; "We never set a price based on your past trips" gone
beside "Prices depend on distance, time and your past trips"; "we never store Reddit Vault private key information"
-> "we store an encrypted copy of your Reddit Vault private key". The practice told of the data changed: what is
kept, what a price or a decision rests on, what is stored (GDPR Art. 13(1)(c), 13(2)(a), 13(3)): a notice.

The reading rests on grammar, not on a list of practices: a pair of adjacent content words (a term: "identification
code", "past trips", "private key") that every clause of the old section naming it denies (a negation in the clause,
or the clause a bare "not X" after a comma), named in the new sentence in a clause with no negation and no yes asked,
where no clause of the new section denies it any longer. Generic terms ("personal data", "third parties") say
nothing of which practice changed and are left out. Consent-level practices are read elsewhere (turned.py,
limited.py); this reading only ever asks for a notice.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .text import LazyPattern

_NEGATED = LazyPattern(r"\b(?:not|never|no|neither|nor|cannot|without|none)\b|n['’]t\b", re.IGNORECASE)
_ASKED = LazyPattern(r"\b(?:consent\w*|opt(?:s|ed)?[- ]?in|permission|if\s+you\s+(?:agree|allow|choose|ask|want))\b",
                     re.IGNORECASE)
_WORD = LazyPattern(r"[A-Za-z][A-Za-z'’-]*")
# Grammar words and the terms too general to name a practice's object.
_LIGHT = frozenset({
    "we", "you", "your", "our", "the", "a", "an", "and", "or", "of", "to", "it", "its", "if", "only", "when", "once",
    "after", "by", "for", "with", "in", "on", "also", "so", "that", "this", "these", "those", "them", "they", "their",
    "is", "are", "be", "been", "may", "will", "can", "us", "such", "which", "who", "have", "has", "do", "does", "did",
    "not", "never", "no", "any", "all", "other", "others", "more", "than", "as", "at", "from", "about", "how", "what",
    "personal", "data", "information", "details", "third", "parties", "party", "service", "services", "use", "used",
    "account", "accounts", "user", "users", "people", "person", "time", "way", "ways", "example", "including",
    "based", "set", "make", "made", "keep", "kept", "store", "stored", "share", "shared", "sell", "sold", "would",
    "could", "should", "must", "shall", "ever", "without", "nor", "neither", "cannot", "none", "each", "every",
})


_CONTRAST = LazyPattern(r"^\s*(?:but|while|whereas|although|though|except|instead\s+of|rather\s+than)\s*$",
                        re.IGNORECASE)
_SUBJECT = LazyPattern(r"^\s*(?:(?:and|so|then)\s+)?(?:we|you|it|they|he|she|this|that|these|those|our|the\s+\w+\s+"
                       r"(?:is|are|was|were|will|may|can))\b", re.IGNORECASE)
_SPLIT = LazyPattern(r"([,;:()]\s*|\.\s+|\s+(?:but|while|whereas|although|though|except|instead\s+of|rather\s+than)"
                     r"\s+)", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The clauses of `text`, each with whether it denies: a negation in it, or a clause that goes on the list of a
    denying clause before it in the sentence ("We never set a price based on who you are, your past trips or your
    device": the last clause is denied too), up to a contrast ("but", "except") or a clause of its own subject."""
    parts = _SPLIT.split(text)
    out: list[tuple[str, bool]] = []
    carried = False
    for i in range(0, len(parts), 2):
        clause = parts[i]
        sep = parts[i - 1] if i else ""
        if sep.strip().startswith(".") or _CONTRAST.match(sep.strip() or "-") or sep.strip() == ";":
            carried = False
        if not clause or not clause.strip():
            continue
        negated = _NEGATED.search(clause) is not None
        if not negated and carried and not _SUBJECT.search(clause):
            negated = True
        else:
            carried = negated
        out.append((clause, negated))
    return out


def _terms(clause: str) -> set[str]:
    """Pairs of adjacent content words in the clause."""
    words = [w.lower().strip("'’-") for w in _WORD.findall(clause)]
    return {f"{a} {b}" for a, b in pairwise(words)
            if a not in _LIGHT and b not in _LIGHT and len(a) > 2 and len(b) > 2}


def _read(texts: list[str]) -> tuple[set[str], set[str]]:
    """The terms `texts` name in a denying clause, and those named in a clause that denies nothing."""
    denied: set[str] = set()
    done: set[str] = set()
    for text in texts:
        for clause, negated in _clauses(text):
            (denied if negated else done).update(_terms(clause))
    return denied, done


def denies_any(old_texts: list[str]) -> bool:
    """The cheap guard: some old sentence of the section denies something."""
    return any(_NEGATED.search(t) for t in old_texts)


def denied_now_done(old_texts: list[str], new_text: str, new_texts: list[str]) -> str | None:
    """The term of `new_text` that the old section (`old_texts`) named only in denying clauses, now named in a
    clause of `new_text` that denies nothing and asks no yes, denied nowhere in the new section (`new_texts`);
    None when there is none."""
    if _ASKED.search(new_text):
        return None
    denied, done = _read(old_texts)
    only_denied = denied - done
    if not only_denied:
        return None
    still_denied, _ = _read(new_texts)
    for clause, negated in _clauses(new_text):
        if negated:
            continue
        for term in sorted(_terms(clause) & only_denied):
            if term not in still_denied:
                return term
    return None
