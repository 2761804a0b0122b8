"""How a right is exercised, read once into a frame (notify22).

A right made harder to exercise is a notice (GDPR Art. 12(2): the controller facilitates the exercise of
the data subject's rights; Art. 7(3): withdrawing consent as easy as giving it). The rights readers of
`changes/prose.py` asked word orders ("you can edit your data under 'Edit profile'"); here a sentence is
read into the rights it gives and the ways it gives for each:

* right: what the reader does, by its verb and its object ("deactivate your account", "change your
  password", "delete your data", "withdraw consent");
* channel: `self` (the reader does it in the service: settings, the account or profile page, a
  dashboard, "visiting account.example.com and navigating to My Profile") or `request` (the company
  does it when asked: a request submitted, contacting it, writing to it).

`self_service_lost(old, news)` is the predicate: a right the old sentence let readers do themselves,
that the new sentences still give, and only by a request.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# A right the reader exercises: a verb of it, then its object within a few words.
_RIGHT = LazyPattern(
    r"\b(?P<verb>deactivat|delet|clos|eras|remov|correct|edit|updat|chang|amend|download|export|access|review|"
    r"withdraw|revok|opt(?:s|ed|ing)?[- ]?out|unsubscrib|object|turn(?:s|ed|ing)? off|switch(?:es|ed|ing)? off|"
    r"disabl)\w*"
    r"(?:\s+(?:\w+\s+){0,4}?(?P<object>accounts?|passwords?|data|information|details|profiles?|consent|"
    r"preferences?|settings|emails?|communications|of))?\b", re.IGNORECASE)
# The reader does it themselves, in the service.
_SELF = LazyPattern(
    r"\b(?:in|under|via|through|from|using|on|to|visiting|navigating to|going to|go to|log(?:ging)? in to)\s+"
    r"(?:your |the |our )?(?:[\w'‘’“”\[\].:/-]+\s+){0,3}?"
    r"(?:account settings|settings?|profiles?|dashboard|account page|privacy cent(?:er|re)|preferences?|"
    r"toggles?|controls?|(?:account|privacy|settings|profile) page|tools?)\b|"
    r"\b(?:visiting|navigating to|go(?:ing)? to)\s+\[?[\w-]+(?:\.[\w-]+)+|"
    r"\bnavigating to\b|\bself-service\b", re.IGNORECASE)
# The company does it when asked.
_REQUEST = LazyPattern(
    r"\b(?:submit\w*|send\w*|mak\w*|fil\w*)\s+(?:\[)?(?:a|an|your|the)\s+(?:\w+\s+){0,2}?requests?\b|"
    r"\b(?:by\s+)?(?:contact\w*|writ\w* to|e-?mail\w*|call\w*)\s+(?:us|our|the company|support|customer|[A-Z]\w+)\b|"
    r"\b(?:request|ask)\s+(?:that\s+)?(?:us|we)\b", re.IGNORECASE)

# The reader is sent to steps told elsewhere (realfa35): "follow the steps on our [Help Center](…)", "the
# instructions in this support article", "see how to change your privacy settings". A help page that walks the reader
# through doing it is a way of their own told by reference, not a request the company answers.
_GUIDED = LazyPattern(
    r"\b(?:follow(?:ing)?|using|use|see|read|check)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:steps|instructions|guide|"
    r"walkthrough)\b|"
    r"\b(?:steps|instructions)\s+(?:\w+\s+){0,3}?(?:on|in|at|from)\s+(?:our|the|this|that|a)\s+(?:[\w'‘’\[\]-]+\s+){0,3}?"
    r"(?:help|support|faqs?|guides?|articles?|pages?)\b|"
    # ("how to …" or "how on …": steps, not "see how we use your data", "your employer can see how you use it")
    r"\b(?:see|read|learn|find out)\s+how\s+(?:to|on|in)\b", re.IGNORECASE)


def guided(text: str) -> bool:
    """The sentence sends the reader to steps or instructions told elsewhere (a help page, an article) and asks
    no request of the company: the way stays the reader's own, told by reference."""
    return _GUIDED.search(text) is not None and _REQUEST.search(text) is None


_FAMILIES = (("deactivate", ("deactivat", "clos")), ("delete", ("delet", "eras", "remov")),
             ("correct", ("correct", "edit", "updat", "chang", "amend")), ("export", ("download", "export")),
             ("access", ("access", "review")), ("withdraw", ("withdraw", "revok")),
             ("opt-out", ("opt", "unsubscrib", "turn", "switch", "disabl")), ("object", ("object",)))


def _family(verb: str) -> str:
    verb = verb.lower()
    return next((name for name, stems in _FAMILIES if any(verb.startswith(s) for s in stems)), verb)


def rights(text: str) -> frozenset[tuple[str, str]]:
    """The rights a sentence names: (the verb's family, its object: "account", "password", "data", …)."""
    found = set()
    for match in _RIGHT.finditer(text):
        thing = (match.group("object") or "").lower().rstrip("s")
        thing = {"information": "data", "detail": "data", "of": ""}.get(thing, thing)
        found.add((_family(match.group("verb")), thing))
    return frozenset(found)


def channels(text: str) -> frozenset[str]:
    """The ways a sentence gives: `self` (in the service), `request` (asking the company)."""
    return frozenset(name for name, pattern in (("self", _SELF), ("request", _REQUEST)) if pattern.search(text))


def self_service_lost(old: str, news: list[str]) -> tuple[str, str] | None:
    """A right `old` gave the reader in the service (with or beside a request), that a sentence of `news`
    gives now only by a request, and no sentence of `news` gives in the service: (verb, object), or None."""
    if "self" not in channels(old):
        return None
    for right in sorted(rights(old)):
        # (a right named by a pronoun, "withdraw it", is the same right of its family)
        giving = [n for n in news if right in rights(n) or (right[0], "") in rights(n)]
        ways = [channels(n) for n in giving]
        # (a sentence that names no way at all, "select the content and choose to remove it", may be
        # the reader's own doing: only sentences that name a request, and no place in the service, count)
        if ways and all("request" in w and "self" not in w for w in ways):
            return right
    return None


# A check of who asks, and the proofs it takes ("we need to verify the request via your access to your
# account or to a verified email address"): proofs joined by "and" are each required, joined by "or"
# any one is enough (CCPA regulations §7060-7062: verification proportionate to the request).
_VERIFY = LazyPattern(r"\b(?:verify\w*|verif\w+ion|confirm\w*|authenticat\w*)\b[^.;]{0,60}?"
                      r"\b(?:via|by|through|using|with|against)\s+(?P<proofs>[^.;]+)", re.IGNORECASE)
_JOINED = LazyPattern(r"\s*,?\s+\b(?P<joint>and|or|and/or|as well as)\s+", re.IGNORECASE)


def proofs_required(text: str) -> int:
    """How many proofs a check of the requester asks all of (0 where the sentence checks no one)."""
    match = _VERIFY.search(text)
    if match is None:
        return 0
    joints = [j.group("joint").lower() for j in _JOINED.finditer(match.group("proofs"))]
    if any(j in ("or", "and/or") for j in joints):
        return 1
    return 1 + len(joints)


# The forms in which a reader may authorise an agent to exercise their rights for them (CCPA regulations
# §7063(a): the agent's signed permission, or a power of attorney; GDPR Art. 12(2)): each form accepted is
# a way to act through another, and a form no longer accepted makes the right harder to exercise.
_AGENT = LazyPattern(r"\b(?:authori[sz]ed\s+agents?|agents?|representatives?|someone\s+(?:else\s+)?to\s+act)\b",
                     re.IGNORECASE)
_AGENT_FORMS = (
    ("written", r"\bin\s+writing\b|\bwritten\s+(?:permission|authori[sz]ation|consent|mandate)\b|"
                r"\bsigned\s+(?:permission|authori[sz]ation|letter|statement|mandate)\b|\bsigned\s+by\s+you\b"),
    ("power-of-attorney", r"\bpowers?\s+of\s+attorney\b"),
    ("guardianship", r"\b(?:legal\s+guardian(?:ship)?|conservatorship|court\s+order)\b"),
)


def agent_forms(text: str) -> frozenset[str]:
    """The forms of authorising an agent a sentence about agents accepts ("in writing or through a power
    of attorney": written, power-of-attorney); empty where the sentence names no agent (recall23)."""
    if not _AGENT.search(text):
        return frozenset()
    return frozenset(name for name, pattern in _AGENT_FORMS if re.search(pattern, text, re.IGNORECASE))


def agent_forms_lost(old: str, new: str) -> frozenset[str]:
    """The forms of authorising an agent `old` accepted, among several, that `new`, still accepting
    some form, no longer does: fewer ways to act through an agent, a right harder to exercise."""
    before, after = agent_forms(old), agent_forms(new)
    if len(before) < 2 or not after:
        return frozenset()
    return before - after


__all__ = ["agent_forms", "agent_forms_lost", "channels", "proofs_required", "rights", "self_service_lost"]
