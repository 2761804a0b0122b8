"""A denial of targeting or of reading content, turned into the practice it denied (consent29).

The old sentence denied putting the data to ads, offers, recommendations or inferences about the user, or denied
reading the content of the user's messages ("It's never used for ads or recommendations", "we never use them to
pick the ads you see", "we do not read or analyse what they say"); its rewritten form affirms that very use ("It
also helps us recommend accessible streams and show you deals", "Pins about these topics can shape … the ads you
see", "our systems analyse what they say to suggest shows"). Read only of data consent binds: special categories
named around the sentence (GDPR Art. 9(1), 9(2)(a): explicit consent for each purpose; Art. 6(4)), or the content of
the user's communications (ePrivacy Directive Art. 5(1); CPRA 1798.140(ae)(1)(D)).

The functions read plain text; the caller (`prose._Consent.denial_turned`) finds the data around the sentence.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# An end of targeting or profiling: ads, offers, deals, recommendations, suggestions, inferences of interests.
_TARGETING = LazyPattern(
    r"\b(?:ads?|adverts?|advertising|advertisements?|offers?|deals?|promot\w+|sponsored|recommend\w*|suggest\w*|"
    r"target\w*|personali[sz]\w*|interests?|profiling|infer\w*|conclusions?|relevant)\b", re.IGNORECASE)
# Reading what the user says: scanning, analysing, reading, noting the content.
_READING = LazyPattern(r"\b(?:scan\w*|analy[sz]\w*|read|reads|reading|review\w*|monitor\w*|note|notes|noted|"
                       r"listen\w*|inspect\w*|process\w*)\b", re.IGNORECASE)
_NEGATED = LazyPattern(
    r"\b(?:not|never|no|neither|nor|without|none)\b|n['’]t\b|\b(?:out\s+of|apart\s+from|away\s+from|free\s+of|"
    r"excluded|exclude\w*|stays?\s+out|off[\s-]+limits|ruled\s+out)\b", re.IGNORECASE)
# What still asks or offers a way out: the use waits on a yes.
_ASKED = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?(?:in|out)|permission|if\s+you\s+(?:agree|allow|choose|turn|switch|let)|"
    r"only\s+(?:if|when|once|after)\s+you|unless\s+you|you\s+can\s+(?:turn|switch|opt|stop|choose))\b",
    re.IGNORECASE)
_CLAUSE = LazyPattern(r"[,;:]\s*|\s+(?:but|while|whereas|although|though)\s+|\s+and\s+(?=(?:we|it|they|our)\b)",
                      re.IGNORECASE)
# The content of the user's communications.
# (the user's own: "your messages", "the content of Whispers", "what you write"; not "we send you promotional
# messages", the company's marketing)
CONTENT = LazyPattern(
    r"\b(?:(?:your|their|users['’]|members['’]|players['’]|people['’]s|private|these|those)\s+(?:[\w-]+\s+)?"
    r"(?:messages?|chats?|conversations?|calls?|voice\s+notes?|recordings?|transcripts?|captions?|DMs?|"
    r"correspondence)|(?:contents?|text|words)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:messages?|chats?|"
    r"conversations?|correspondence|\w+s)|what\s+(?:you|they|users|members|people)\s+(?:write|say|said|post|type|"
    r"send))\b", re.IGNORECASE)


# Special categories named in words (GDPR Art. 9(1)), for the sentences around a pronoun.
SPECIAL_WORDS = LazyPattern(
    r"\b(?:health\w*|medical|religio\w*|politic\w*|sexual\w*|sex\s+life|orientation|ethnic\w*|racial|race|"
    r"disabilit\w*|biometric|genetic|beliefs?|trade[- ]union|pregnan\w*|diagnos\w*|special[- ]categor\w*|sensitive)\b",
    re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


def denial_turned(old: str, new: str) -> str | None:
    """The words of `new` that affirm the targeting end (or the reading of content) a clause of `old` denied, or
    None. A use that still waits on the user's yes is none."""
    clauses = _clauses(old)
    denied = [c for c in clauses if _NEGATED.search(c)]
    if any(_TARGETING.search(c) for c in clauses if not _NEGATED.search(c)):
        return None     # (a targeting end the old sentence told already)
    denied_target = any(_TARGETING.search(c) for c in denied)
    denied_reading = any(_READING.search(c) for c in denied)
    # (a yes the old sentence asked already, "we ask for your explicit consent before saving it", is for that)
    if not (denied_target or denied_reading) or (_ASKED.search(new) and not _ASKED.search(old)):
        return None
    for clause in _clauses(new):
        if _NEGATED.search(clause):
            continue
        target = _TARGETING.search(clause)
        if target is not None and (denied_target or denied_reading):
            return clause.strip()[:90]
        if denied_reading and _READING.search(clause) and CONTENT.search(clause):
            return clause.strip()[:90]
    return None
