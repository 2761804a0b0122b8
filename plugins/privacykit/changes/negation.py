"""The forms a negation takes, in one table; each reading builds the pattern it needs from it.

Readings use a negation in different ways: a word to test ("does the clause deny?"), a span to strip
("we do not share …" read as "we share …"), a token to find in a clause's words, a denial before a
condition. Each built its own pattern, and they drifted apart ("no longer" in some, "cannot" or a
contraction in others). The forms are listed here once; which forms a reading takes is its own choice,
made by naming them. This module imports nothing of the detector's, so every module can use it (items.py
imports editorial.py, which could not import a table kept in items.py).
"""

from __future__ import annotations

# A form's name (how it is written) and its regex text.
NEGATION_FORMS: dict[str, str] = {
    "not": "not",
    "never": "never",
    "no": "no",
    "no longer": "no longer",
    "neither": "neither",
    "nor": "nor",
    "cannot": "cannot",
    "without": "without",
    # The contraction ("don't", "won't", "isn't"): the end of a word, with no word boundary before it.
    "n't": r"n['’]t",
}
# The auxiliaries that carry a "not" in a verb group: do-support ("we do not sell") and the modals
# ("we will not sell"); "won't" and "can't" are the modals' contracted forms.
DO_SUPPORT = ("do", "does", "did")
MODALS = ("will", "shall", "would", "may", "can")
CONTRACTED_MODALS = ("wo", "ca")


def _texts(forms: tuple[str, ...], contraction: str) -> list[str]:
    # Longest first, so that a phrase ("no longer") is preferred to its first word ("no") where the match's
    # span is used; single words are whole words either way.
    return [contraction if f == "n't" else NEGATION_FORMS[f] for f in sorted(forms, key=len, reverse=True)]


def negation_words(*forms: str) -> str:
    """The regex text of any of `forms` as a whole word; the contraction as the whole word it ends
    ("don't", the match starting at its "d")."""
    return r"\b(?:" + "|".join(_texts(forms, r"\w+" + NEGATION_FORMS["n't"])) + r")\b"


def negation_marks(*forms: str) -> str:
    """The regex text of any of `forms` as a whole word, the contraction as the ending alone ("n't" of
    "don't", matched wherever it ends a word): one group, safe to join to more pattern text."""
    text = r"\b(?:" + "|".join(_texts(tuple(f for f in forms if f != "n't"), "")) + r")\b"
    return "(?:" + text + "|" + NEGATION_FORMS["n't"] + r"\b)" if "n't" in forms else text


def negated_verb_group() -> str:
    """The regex text of a verb group's negation as a span to strip, the words it leaves to be read after it
    ("do not ", "doesn't ", "will not", "won't", "cannot", "never ", "not "): what is left, once taken out,
    affirms the practice (a modal's own word kept by its caller)."""
    do, modal, contracted = "|".join(DO_SUPPORT), "|".join(MODALS), "|".join(CONTRACTED_MODALS)
    nt, no, never, cannot = (NEGATION_FORMS[f] for f in ("n't", "not", "never", "cannot"))
    return (rf"\b(?:{do})\s+{no}\s+|\b(?:{do}){nt}\s+|\b(?:{modal})\s+{no}\b|\b(?:{contracted}){nt}\b|\b{cannot}\b|"
            rf"\b{never}\s+|\b{no}\s+")


def negation_tokens(*forms: str) -> frozenset[str]:
    """The words of `forms` as a reading's tokens are written (the contraction has no token of its own)."""
    return frozenset(f for f in forms if f != "n't" and NEGATION_FORMS[f])
