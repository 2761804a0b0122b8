"""Data about people who have not joined, kept ahead of their joining (conscol39).

A service that keeps what users give about other people (the contacts on a phone, relatives, a friend it drafts a
profile for) so as to have it ready "when they join", processes data of people who are not its users, never saw its
notice and agreed to nothing (GDPR Art. 14, 6(1)(f) weighed against the non-user's expectations; EDPB Guidelines
on social media users, para. 37: contacts uploaded to find friends; health data of relatives, Art. 9(2)(a)). The
sentence that tells it has a grammar of its own, whatever the data or the service: a verb of taking in or keeping
(keep, store, hold, save, copy, upload, add to a profile, create or start a profile or a record) and, after it, the
person's joining still to come ("so we can tell you when they join", "if they register with us in the future",
"so it's ready when you join") or the person named as no user ("contacts who aren't members yet", "non-users").
Read:

- **kept ahead of joining**: one clause with no denial holds the verb of keeping, and the joining to come follows
  it in the sentence, or the person is named as no user;
- **someone else's data**: the sentence names another person (contacts, friends, relatives, family, "that person",
  "them", people) — a visitor's own cart kept "until you sign up" is no one else's;
- **no yes**: the sentence asks none ("if they agree", "with their consent");
- **new**: no sentence of the old text (the paired one, or the old section) already kept such data ahead of joining.

What users send to a friend ("we send them an invite") is `consent._invites_sent`'s; a list of contacts matched on the
phone and thrown away keeps nothing.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# The person's joining still to come, or the person named as no user.
_TO_JOIN = LazyPattern(
    r"\b(?:when|if|once|until|before|whenever|should|in\s+case)\s+(?:you|they|he|she|one\s+of\s+them|any\s+of\s+them|"
    r"that\s+person|the\s+person|those\s+people|(?:your|their|the)\s+(?:friends?|contacts?|relatives?|family\s+"
    r"members?))\s+(?:\w+\s+){0,2}?(?:join|joins|joined|register|registers|sign\s+up|signs\s+up|create\s+an\s+"
    r"account|creates\s+an\s+account|become\s+(?:a\s+)?(?:members?|users?|customers?)|becomes\s+(?:a\s+)?(?:member|"
    r"user|customer))\b"
    r"|\b(?:who|that)\s+(?:are\s+not|aren['’]t|is\s+not|isn['’]t|have\s+not|haven['’]t)\s+(?:yet\s+)?(?:(?:a|our)\s+)?"
    r"(?:members?|users?|customers?|patients?|joined|registered|signed\s+up)\b"
    r"|\bnon-?(?:members?|users?|customers?|patients?)\b", re.IGNORECASE)
# Taking in or keeping the data (the verb that must come before the joining to come).
_KEEPS = LazyPattern(
    r"\b(?:keep|keeps|kept|store|stores|stored|hold|holds|held|retain|retains|retained|save|saves|saved|copy|copies|"
    r"copied|upload|uploads|uploaded|(?:add|adds|added)\b[^.;]{0,40}?\b(?:profile|record|file|account)|"
    r"(?:creat(?:e|es|ed)|start(?:s|ed)?|build(?:s)?|built|set(?:s)?\s+up|draft(?:s|ed)?)\s+(?:\w+\s+){0,3}?"
    r"(?:profiles?|records?|accounts?|files?|pages?))\b", re.IGNORECASE)
# Another person named.
_SOMEONE_ELSE = LazyPattern(
    r"\b(?:contacts?|address\s+book|friends?|relatives?|family|that\s+person|the\s+person|other\s+people|people|"
    r"they|them|their|someone|invitees?|non-?(?:members?|users?))\b", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|nothing|none|nor|neither|without)\b|n['’]t\b", re.IGNORECASE)
# A denial inside a relative clause or of another person's act ("the contacts you don't pick", "who aren't members
# yet"): it names the person, it does not deny the keeping.
_OTHERS_DENIAL = LazyPattern(r"\b(?:who|that|which|you|they)\s+(?:do|does|did|are|is|have|has|were|was)(?:n['’]t|"
                             r"\s+not)\b", re.IGNORECASE)
_ASKED = LazyPattern(r"\b(?:consent\w*|permission|opt(?:s|ed|ing)?[- ]?in|if\s+(?:they|you)\s+(?:agree|allow|"
                     r"accept|choose))\b", re.IGNORECASE)
_ONLY = LazyPattern(r"\bonly\b", re.IGNORECASE)
_CLAUSE = LazyPattern(r";\s*|:\s+|\s+(?:but|while|whereas|although|though|however)\s+|\.\s+", re.IGNORECASE)


def may_keep_ahead(text: str) -> bool:
    """The cheap guard: a joining to come, or a person named as no user."""
    return _TO_JOIN.search(text) is not None


def kept_ahead(text: str) -> str | None:
    """The words of `text` that keep another person's data ahead of that person's joining, or None."""
    if not may_keep_ahead(text) or _ASKED.search(text) or not _SOMEONE_ELSE.search(text):
        return None
    for clause in (c for c in _CLAUSE.split(text) if c and c.strip()):
        keep = _KEEPS.search(clause)
        # (the denial of the keeping: before its verb or just after it, "we keep nothing about you")
        if keep is None or _DENIED.search(_OTHERS_DENIAL.sub(" ", clause[:keep.end() + 12])):
            continue
        join = _TO_JOIN.search(clause, keep.end()) if keep is not None else None
        # (a keeping only upon joining, "we only create a profile once they sign up", is not ahead of it)
        if keep is not None and join is not None and not _ONLY.search(clause, 0, join.start()):
            return clause[keep.start():join.end()].strip()[:90]
    return None


def tells_kept_ahead(text: str) -> bool:
    """`text` keeps another person's data ahead of joining already (each old sentence's test)."""
    return kept_ahead(text) is not None


def unjoined_kept(old: list[str], new: str) -> str | None:
    """The words of `new` that keep data about people who have not joined, where no sentence of `old` did; or
    None."""
    words = kept_ahead(new)
    if words is None or any(tells_kept_ahead(text) for text in old):
        return None
    return words
