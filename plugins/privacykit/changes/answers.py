"""A yes/no question heading read as the subject of its answer (voice26).

Policies written as questions and answers ("Do you sell my data?" over "No." or "Yes, to ad partners.")
put the practice in the heading and only its polarity and its conditions in the answer. Read alone, "No."
states nothing and "Yes, to ad partners." states a recipient with no verb, so a denial turned into a sale
is not seen. `answered` turns the question and the opening of its answer into the statement they make
together ("We do not sell your data.", "We sell your data, to ad partners.", "We record your calls only if
you say yes."), which is what the answer's first sentence is read as; the sentence is quoted as written.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# A question answerable by yes or no: an auxiliary, then what it asks about.
_YES_NO = LazyPattern(r"^\W*(do|does|did|will|would|can|could|may|might|should|is|are|was|were|has|have)\s+"
                      r"(.+?)\s*\?\W*$", re.IGNORECASE)
# An answer that opens with its polarity: "Yes.", "No, never.", "Only if you allow it.", "Never."
_OPENING = LazyPattern(r"^\W*(?:(yes|yep|no|nope|never|not)\b[\s.,;:!—–-]*|(?=only\b))(.*)$",
                       re.IGNORECASE | re.DOTALL)
# Who the question speaks to or for, turned as the answer speaks: "you" is the company, "I" the reader.
_PERSON = {"you": "we", "your": "our", "yours": "ours", "yourself": "ourselves", "i": "you", "me": "you",
           "my": "your", "mine": "yours", "myself": "yourself"}
_PRONOUN_SUBJECTS = frozenset({"you", "i", "we", "they", "it"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "your", "my", "any", "anyone", "someone",
                          "anybody", "somebody", "other", "third"})
# Participles and adjectives a "to be" question asks of its subject ("Is my data sold?", "Are my chats
# visible to others?"): the subject ends before the first of them.
_PREDICATE = LazyPattern(r"^(?:\w+(?:ed|en)|sold|kept|told|seen|shown|made|sent|held|read|given|built|bought|"
                         r"visible|public|private|available|safe|secure|encrypted|stored|shared|anonymous|"
                         r"used|needed|required|optional|mandatory|necessary)$", re.IGNORECASE)


def _turned(words: list[str]) -> list[str]:
    """The question's words in the answer's persons ("my data" -> "your data", "you" -> "we")."""
    out = []
    for word in words:
        bare = word.strip(",;:")
        lowered = bare.lower()
        if lowered in _PERSON:
            turned = _PERSON[lowered]
            out.append(word.replace(bare, turned))
        else:
            out.append(word)
    return out


def _split_subject(aux: str, words: list[str]) -> int | None:
    """How many of the question's words after the auxiliary are its subject; None when not told."""
    if not words:
        return None
    first = words[0].lower()
    if first in _PRONOUN_SUBJECTS:
        return 1
    if aux.lower() in {"is", "are", "was", "were"}:
        for k, word in enumerate(words[:6]):
            if k and _PREDICATE.match(word.strip(",;:")):
                return k
        return None
    # "Does the app use …", "Does a computer make …", "Does Crumb sell …": a determiner and one or two
    # words, or a name, before the verb.
    if first in _DETERMINERS or words[0][:1].isupper():
        k = 1
        while k < min(len(words), 4) and words[k][:1].isupper():
            k += 1
        if first in _DETERMINERS:
            k += 1      # the noun after the determiner and any name ("the Crumb app")
        return k if k < len(words) else None
    return None


def answered(question: str, answer: str) -> str | None:
    """The statement a yes/no question heading and the first sentence of its answer make together, or
    None when the heading is no such question or the answer does not open with its polarity."""
    asked = _YES_NO.match(question.strip())
    opened = _OPENING.match(answer.strip())
    if asked is None or opened is None:
        return None
    aux, body = asked.group(1), asked.group(2).split()
    polarity = (opened.group(1) or "").lower()
    rest = opened.group(2).strip()
    negative = polarity in {"no", "nope", "never", "not"}
    if rest.lower().startswith(("not ", "never")) and polarity in {"yes", "yep"}:
        return None     # "Yes, not …": read as written
    cut = _split_subject(aux, body)
    if cut is None:
        return None
    subject, predicate = _turned(body[:cut]), _turned(body[cut:])
    if not predicate:
        return None
    verb = aux.lower()
    if verb in {"do", "does", "did"}:
        if subject[0].lower() == "we" and verb == "does":
            verb = "do"
        middle = [verb, "not"] if negative else []
        if subject[0].lower() == "you" and verb == "does":
            middle = ["do", "not"] if negative else []
    else:
        if subject[0].lower() == "we" and verb in {"is", "was"}:
            verb = "are" if verb == "is" else "were"
        if subject[0].lower() == "you" and verb in {"is", "was"}:
            verb = "are" if verb == "is" else "were"
        middle = [verb, "not"] if negative else [verb]
    words = [*subject, *middle, *predicate]
    words[0] = words[0][:1].upper() + words[0][1:]
    statement = " ".join(words)
    if rest:
        rest = rest.rstrip()
        if polarity:
            statement += ", " + rest
        else:
            statement += " " + rest[:1].lower() + rest[1:]
    return statement if statement.endswith((".", "!", "?")) else statement + "."
