"""Words that bound what a sentence tells, cut from it with nothing else changed (concept27).

A sentence can change its meaning by losing a few words and gaining none: "to prevent imminent and serious harm"
-> "to prevent harm" reaches every harm, "You can ask us to stop it temporarily or permanently" -> "... temporarily"
keeps one of two remedies, "You can control whether your profile is indexed" -> "Your profile may be indexed"
takes a choice away. The residual reading counts only added words, so such cuts were silent. The readings here
compare the two sentences word by word (`cut_runs`: the new sentence is the old one less some runs of words, and
nothing else) and ask what kind of words the runs are, by legal concept rather than by sentence:
- words that bound a practice to its grave, needed or least cases (`bound_cut`): degree, extent and need;
- words that widen a right or a control of the reader (`breadth_cut`): all, any, every, an alternative remedy;
- a reader's choice over a practice that the new sentence states as done (`choice_dropped`).
The reverse of each (words added) narrows a practice or widens a right: `bounds_added` tells the residual so.
This module imports nothing of the detector's.
"""

from __future__ import annotations

import difflib
import re

from .text import COMPOUND_NUMBER, number_value

_WORD = re.compile(r"[\w’']+")

# Words that bound a practice to its grave, needed or least cases: of degree ("serious", "imminent"), of extent
# ("limited", "minimal", "strictly") and of need ("necessary", "needed"). Purpose limitation and data
# minimisation (GDPR Art. 5(1)(b)-(c)) and the interest named (Art. 13(1)(c)-(d)) are told in these words.
BOUND_WORDS = frozenset({
    "serious", "significant", "substantial", "imminent", "grave", "severe", "specific", "genuine", "immediate",
    "material", "urgent", "credible", "documented", "verified", "confirmed", "exceptional", "exceptionally",
    "limited", "minimal", "minimum", "strictly", "strict", "solely", "exclusively", "narrowly", "only",
    "necessary", "needed", "essential", "reasonably", "reasonable", "absolutely",
})
# Words that join bound words or frame a need ("imminent and serious", "where needed", "to the extent necessary",
# "in cases of significant fraud"): cut with them, they change nothing of their own.
_GLUE = frozenset({"and", "or", "a", "the", "of", "in", "where", "when", "if", "as", "to", "extent", "is", "it",
                   "this", "that", "cases", "case"})
# Words that widen a right or a control of the reader: its object ("all your data", "any of your information",
# "a complete copy"). (Not "permanently": "you can permanently delete it" -> "you can delete it" says the same.)
_BREADTH = frozenset({"all", "any", "every", "each", "entire", "whole", "complete", "full", "everything"})
_ALTERNATIVE = frozenset({"or"})
_ANY_TIME = re.compile(r"\bany\s*(?:time|point|moment)\b")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

# A reader's choice over a practice: "you can control whether …", "you decide who sees …", "you can stop us from
# …", "you may choose if …".
_CHOICE_OVER = re.compile(
    r"\b(?:you|users?|members?|customers?|players?|students?|parents?|account holders?|they)\s+"
    r"(?:can|may|are able to|is able to|get to|have the (?:option|choice) to|will be able to)?\s*"
    r"(?:\w+\s+)?(?:control|decide|choose|determine|select|manage|set)s?\s+(?:whether|if|who|when|how|which)\b"
    r"|\b(?:can|may|are able to)\s+(?:stop|prevent|block|keep)\s+us\s+from\b"
    r"|\b(?:it\s+is|it's)\s+(?:up\s+to\s+you|your\s+(?:choice|decision))\b",
    re.IGNORECASE)
# Any choice left in a sentence: a choice verb of the reader, a setting, an opt-out, a condition on the reader's
# wish.
_ANY_CHOICE = re.compile(
    r"\b(?:you|users?|members?|customers?|players?|students?|parents?|account holders?|they)\s+(?:\w+\s+){0,3}?"
    r"(?:control|decide|choose|chose|determine|select|manage|opt|turn|switch|disable|hide|stop|prevent|block|"
    r"unsubscribe|object|refuse|decline|withdraw)\w*\b"
    r"|\b(?:settings?|preferences?|opt[- ]?(?:out|in)|choice|choices|up to you|unless|if you (?:want|wish|like|prefer)|"
    r"toggle|consent)\b",
    re.IGNORECASE)
# What the practice is for, told after it ("… indexed by search engines so that others can find you", "… in order
# to show you relevant jobs"): the practice stated without the choice, with its reason added.
_PURPOSE_TAIL = re.compile(r"[,;]?\s+\b(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that))\b[^.;]*", re.IGNORECASE)
# A denial in a sentence.
_DENIAL = re.compile(r"\b(?:not|never|no|nor|cannot|without)\b|n[’']t\b", re.IGNORECASE)


def plain_words(text: str) -> list[str]:
    """The words of `text`, lowered, in order, "an" read as "a" (an article follows the next word's sound)."""
    return ["a" if w == "an" else w for w in (w.lower().replace("’", "'") for w in _WORD.findall(text))]


def cut_runs(old: str, new: str) -> list[list[str]] | None:
    """The runs of words `old` loses to become `new`, when `new` is `old` less those runs and nothing else;
    None when `new` adds or replaces a word, or is `old` word for word."""
    old_words, new_words = plain_words(old), plain_words(new)
    if len(new_words) >= len(old_words) or not new_words:
        return None
    runs = []
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag != "delete":
            return None
        runs.append(old_words[i1:i2])
    return runs or None


def _bounding_runs(runs: list[list[str]] | None) -> list[str] | None:
    """The bound words of `runs`, where each run holds one and is bound words and their glue only."""
    if not runs or sum(len(run) for run in runs) > 6:
        return None
    found: list[str] = []
    for run in runs:
        bound = [w for w in run if w in BOUND_WORDS]
        if not bound or any(w not in BOUND_WORDS and w not in _GLUE for w in run):
            return None
        found += bound
    return found


def _unbracketed(text: str) -> str:
    """`text` less what it puts in brackets (an example, an aside: "(e.g. to send you offers)")."""
    return _BRACKETED.sub(" ", text)


def bound_cut(old: str, new: str) -> list[str] | None:
    """The words of degree, extent or need `old` loses to become `new`, nothing else changed ("an imminent and
    serious threat" -> "a threat", "a limited set of logs" -> "a set of logs", "where needed" dropped): the
    practice the sentence tells now reaches every case, not the bounded ones. None otherwise, and where a word is
    a name's ("Brightbank Limited") or an example's in brackets."""
    found = _bounding_runs(cut_runs(_unbracketed(old), _unbracketed(new)))
    if found is None or any(re.search(rf"\b{word}\b", old) is None for word in found):
        return None     # (written capitalised only: a name's word, "Limited", "Essential Cookies")
    return found


def bounds_added(old: str, new: str) -> bool:
    """`new` is `old` with only words of degree, extent or need added ("to prevent harm" -> "to prevent serious
    harm"): the practice is narrower, its added words no practice of their own."""
    return _bounding_runs(cut_runs(new, old)) is not None


def breadth_cut(old: str, new: str) -> str | None:
    """The words widening a right or a control that `old` loses to become `new`, nothing else changed: the
    object's breadth ("a copy of all your data" -> "a copy of your data") or an alternative remedy ("stop this
    processing temporarily or permanently" -> "… temporarily", "erase or anonymise it" -> "anonymise it"). The
    right is given for less (GDPR Art. 12(2), 15-22). None otherwise; a run that cuts every alternative
    ("temporarily or permanently" dropped whole) leaves the right unbounded, and is none."""
    runs = cut_runs(_unbracketed(old), _unbracketed(new))
    if not runs or sum(len(run) for run in runs) > 6:
        return None
    cut: list[str] = []
    for run in runs:
        if _ANY_TIME.search(" ".join(run)):
            return None     # a promise of any time, not the right's breadth: `assurances` reads it
        # (one alternative of one word: "or permanently", "inaccurate or"; a longer run is a clause, a channel or
        # a party, others' to read: "or at dpo@…", "and be edited by other users")
        alternative = len(run) == 2 and (run[0] in _ALTERNATIVE) != (run[-1] in _ALTERNATIVE)
        if not (alternative or any(w in _BREADTH for w in run)):
            return None
        cut += run
    return " ".join(cut)


def choice_over(text: str) -> re.Match[str] | None:
    """Where `text` gives the reader a choice over a practice ("you can control whether …")."""
    return _CHOICE_OVER.search(text)


def choice_dropped(old: str, new: str) -> str | None:
    """The old sentence gave the reader a choice over a practice ("You can control whether your profile is
    indexed by search engines", "You can stop us from showing your workouts on the leaderboard"); the new one
    states the practice in the old sentence's own words ("Your profile may be indexed by search engines") and
    offers no choice and denies nothing: the choice is gone, the practice stays (GDPR Art. 13(2)(b), 21; CCPA
    §1798.120). A reason the new sentence gives the practice ("so that others can find you") is no word of the
    practice, and is not compared. The words of the old choice, or None."""
    choice = _CHOICE_OVER.search(old)
    if choice is None or _ANY_CHOICE.search(new) or _DENIAL.search(new) or _DENIAL.search(old):
        return None
    old_words = set(plain_words(old))
    new_words = [w for w in plain_words(_PURPOSE_TAIL.sub("", new)) if len(w) > 3]
    if len(new_words) < 2 or sum(w in old_words or w.rstrip("s") in old_words or w + "s" in old_words
                                 for w in new_words) < 0.7 * len(new_words):
        return None
    return choice.group(0)


# What the reader can do with their own data or account, told with the reader (not "we") as the one who acts:
# "Teen account holders can close their account", "members may download their posts".
_READER_ACT = re.compile(
    r"(?<!\bwe )(?<!\bit )\b(?:can|may|are able to|is able to|will be able to)\s+(?:\w+\s+){0,2}?"
    r"(?:close|leave|delete|remove|cancel|unsubscribe|opt|withdraw|object|download|export|request|ask|access|"
    r"correct|update|edit|hide|turn|switch|disable|stop|deactivate|erase|restrict|port|obtain|review|appeal|"
    r"complain|dispute|contest|reply|respond)\b",
    re.IGNORECASE)


def reader_act(text: str) -> bool:
    """`text` tells what the reader can do with their own data or account ("you can delete your history",
    "Teen account holders can close their account")."""
    return _READER_ACT.search(text) is not None


# A time, as policies write one ("24 hours", "7 days", "two weeks", "a month", "30 (thirty) days").
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
           "twenty-four": 24, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
_UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}
_DURATION = re.compile(r"\b(\d+|" + COMPOUND_NUMBER + "|" + "|".join(sorted(_COUNTS, key=len, reverse=True))
                       + r")\s+(?:\(\w+\)\s+)?"
                       r"(?:(?:business|working|calendar)\s+)?(hour|day|week|month|year)s?\b", re.IGNORECASE)
# The end of what is done with data: it stops, is removed, hidden, deleted, anonymised, expires.
_ENDING = re.compile(r"\b(?:stop\w*|ceas\w*|no longer|remov\w*|hidden|hide|delet\w*|eras\w*|anonymi[sz]\w*|"
                     r"disappear\w*|expir\w*|purg\w*)\b", re.IGNORECASE)


def _days(match: re.Match[str]) -> float:
    count = match.group(1).lower()
    amount = float(count) if count.isdigit() else _COUNTS.get(count) or number_value(count) or 0
    return amount * _UNIT_DAYS[match.group(2).lower()]


def ending_delayed(old: str, new: str) -> tuple[str, str] | None:
    """The time by which a practice ends, lengthened, the sentence otherwise word for word ("your profile stops
    being visible to others within 24 hours" -> "… within 7 days", "recordings are hidden from other users after a
    week" -> "… after a month"): the data is shown, kept or used that much longer (Art. 5(1)(e), 13(2)(a)). The
    old and the new time as written, or None (a shorter time, another change, or no ending told)."""
    if not _ENDING.search(old) or not _ENDING.search(new):
        return None
    before, after = list(_DURATION.finditer(old)), list(_DURATION.finditer(new))
    if len(before) != 1 or len(after) != 1:
        return None
    was, now = before[0], after[0]
    rest_old, rest_new = old[:was.start()] + " " + old[was.end():], new[:now.start()] + " " + new[now.end():]
    if plain_words(rest_old) != plain_words(rest_new) or _days(now) <= _days(was):
        return None
    return was.group(0), now.group(0)


# Who confirms a fact a safeguard rests on (that the reader is a child's parent, that a parent agrees, an age):
# the company or another person ("we confirm that you are the child's parent", "we'll ask your parent or guardian
# to confirm by email", "verified by our team"), or the reader on their own word ("we ask you to confirm that …",
# "you declare that …", "a self-declaration").
_OTHER_CONFIRMS = re.compile(
    r"\bwe(?:['’]ll|\s+will|\s+shall|\s+must)?\s+(?:\w+\s+)?(?:confirm|verify|check|validate)\b"
    r"|\bask\s+(?:your|the|a|their)\s+(?:\w+\s+){0,2}?(?:parents?|guardians?|employers?|schools?|doctors?)\b"
    r"[^.;]{0,40}?\bto\s+(?:confirm|verify|approve|consent|agree)\b"
    r"|\b(?:verified|confirmed|checked|validated)\s+by\s+(?:us|our|a|an|the|your)\b", re.IGNORECASE)
_READER_CONFIRMS = re.compile(
    r"\b(?:ask(?:s|ed)?|require(?:s|d)?|let(?:s)?)\s+you\s+(?:to\s+)?(?:confirm|declare|certify|attest|state)\b"
    r"|\byou\s+(?:confirm|declare|certify|attest|self-?declare)\b|\bself-?declar\w*", re.IGNORECASE)


def self_declared(old: str, new: str) -> str | None:
    """A fact a safeguard rests on that the company or another person confirmed in `old` ("Before we add a child
    to your account, we confirm that you are the child's parent"; "we'll ask your parent or guardian to confirm
    by email") and that `new`, in mostly the same words, takes on the reader's own word ("we ask you to confirm
    that you are the child's parent"; "we'll ask you to confirm that your parent or guardian is OK with it"). A
    self-declaration checks nothing: the safeguard is weakened (GDPR Art. 8(2): reasonable efforts to verify a
    parent's consent; Art. 32). The words of the new confirmation, or None."""
    if _OTHER_CONFIRMS.search(old) is None or _OTHER_CONFIRMS.search(new) or _READER_CONFIRMS.search(old) \
            or (_DENIAL.search(new) and not _DENIAL.search(old)):
        return None
    found = _READER_CONFIRMS.search(new)
    if found is None:
        return None
    old_words, new_words = set(plain_words(old)), [w for w in plain_words(new) if len(w) > 3]
    if not new_words or sum(w in old_words for w in new_words) < 0.5 * len(new_words):
        return None
    return found.group(0)
