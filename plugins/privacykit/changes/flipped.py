"""A default turned on: a practice the old text ran only after the user's yes, now on from the start with a way out
(consent36).

Consent is a clear affirmative act given before the processing; a default the user must undo (a pre-ticked box, a
feature switched on at install, cookies set from the first visit, e-mails sent "unless you opt out") is no consent
(GDPR Art. 4(11), 7(1), Recital 32; CJEU C-673/17 Planet49; ePrivacy Art. 5(3), 13(1)). Where the old text waited
on the user's yes, the practice was one the company itself rested on consent; the new text runs it by default:

- **the old yes** (`_OLD_YES`): the practice waits on an act of the user's ("only where they have opted in", "stays
  switched off until you say yes", "only … if you join the programme", "only set after you opt in", "off by
  default");
- **the new default** (`_ON`), in a clause that asks no yes and denies nothing: "switched on when you install",
  "switched on for all devices", "active from your first visit", "on by default", "unless they have opted out";
- **the same practice**: the clause shares two content words or more with the old sentence of the yes ("analytics
  tool inside the app", "advertising cookies", "Help Improve Detection").

Read paired (the old sentence and its rewritten form) or for an added sentence against the old sentences of the
section that are gone from the new one. None where another new sentence of the section asks the yes again, or the
feature turned on protects the user (encryption, two-step verification, a private mode, blocking): a protective
default is no processing that needs a yes.
"""

from __future__ import annotations

import re

from .limited import LIGHT, content_words
from .text import LazyPattern

_WHO = r"(?:you|they|users?|members?|customers?|the\s+user|people)"
_ACT = (r"(?:opt(?:s|ed)?[- ]?in|(?:say|said|says)\s+yes|agree[ds]?|consent(?:s|ed)?|join(?:s|ed)?|accept(?:s|ed)?|"
        r"allow(?:s|ed)?|turn(?:s|ed)?\s+(?:\w+\s+){0,2}?on|switch(?:es|ed)?\s+(?:\w+\s+){0,2}?on|enabled?|"
        r"tick(?:s|ed)?|cho(?:ose|oses|se|sen)\s+to|sign(?:s|ed)?\s+up\s+(?:for|to)|"
        # (paracons38: the reader's wish as the condition, "If you want, you can post it", "if you wish to share it")
        r"(?:want|wish)(?=\s*,|\s+to\s+(?:share|post|publish|show|send|upload|sync|connect|link)\b))")
# The practice waits on the user's act.
_OLD_YES = LazyPattern(
    rf"\b(?:if|when|once|after|where|until|unless)\s+{_WHO}(?:\s+have|\s+has|['’]ve)?\s+(?:\w+\s+){{0,2}}?{_ACT}\b"
    r"|\b(?:off|disabled)\s+by\s+default\b|\bopt[- ]?in\s+(?:only|basis)\b", re.IGNORECASE)
# A yes still asked in the new clause.
_YES_NOW = LazyPattern(
    rf"\b(?:if|when|once|after|where|until)\s+{_WHO}(?:\s+have|\s+has|['’]ve)?\s+(?:\w+\s+){{0,2}}?{_ACT}\b"
    r"|\b(?:consent|permission|opt[- ]?in)\b", re.IGNORECASE)
# The practice on from the start, with at most a way out.
_ON = LazyPattern(
    r"\b(?:switched|turned|set|is|are)\s+on\s+(?:by\s+default|automatically|for\s+(?:all|every|each|everyone)\b|"
    r"(?:when|as\s+soon\s+as|once)\s+you\s+(?:first\s+)?(?:install|download|sign\s+up|open|create|register|start)|"
    r"from\s+(?:the\s+start|install\w*|day\s+one))"
    r"|\bon\s+by\s+default\b|\b(?:enabled|activated)\s+(?:by\s+default|automatically|for\s+(?:all|every|everyone))\b"
    r"|\b(?:active|enabled|on|set|running|runs?|placed|loaded|used|sent)\s+(?:right\s+)?from\s+(?:your|the|a)\s+"
    r"(?:first|very\s+first)\s+(?:visit|launch|use|login|log-in|session|page)"
    r"|\bunless\s+(?:you|they|users?|members?|customers?|the\s+user)\s+(?:have\s+|has\s+|['’]ve\s+)?"
    # (paracons38: the way out told through a box or a setting, "unless you have ticked the box to opt out")
    r"(?:\w+\s+|(?:ticked|checked|selected|ticks|checks|selects|tick|check|select)\s+(?:the|a)\s+(?:\w+\s+)?box\s+to\s+)?"
    r"(?:opt(?:s|ed)?[- ]?out|turn(?:s|ed)?\s+(?:\w+\s+){0,2}?off|switch(?:es|ed)?\s+(?:\w+\s+){0,2}?off|"
    r"unsubscrib\w*|object\w*)", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nothing|without)\b|n['’]t\b", re.IGNORECASE)
# A default that protects the user.
_PROTECTIVE = LazyPattern(r"\b(?:encrypt\w*|two[- ](?:step|factor)|2fa|multi[- ]factor|private\s+mode|privacy\s+mode|"
                          r"incognito|block\w*|do\s+not\s+track|safe\s*search|parental\s+controls?|protect\w*|"
                          r"security\s+alerts?|backups?)\b", re.IGNORECASE)
_CLAUSE = LazyPattern(r"[;:]\s*|\.\s+|,\s+(?:and|but|while|whereas)\s+|\s+but\s+")
_LIGHT = LIGHT | {"until", "unless", "where", "off", "set", "switched", "turned", "stays", "stay", "now", "any", "all",
                 "time", "default", "first", "say", "yes", "opt", "opted", "out", "from", "at", "use", "used", "uses",
                 "data", "personal", "information"}


def _content(text: str) -> set[str]:
    return set(content_words(text, _LIGHT))


def may_flip(text: str) -> bool:
    """The cheap guard of a new sentence: a default on named."""
    return _ON.search(text) is not None


def old_yes(text: str) -> bool:
    """`text` lets a practice wait on the user's yes."""
    return _OLD_YES.search(text) is not None


def asks_yes(text: str) -> bool:
    """`text` asks the yes (another new sentence of the section that keeps the practice off until it)."""
    return _OLD_YES.search(text) is not None and not _ON.search(text)


def default_flipped(old: list[str], new: str) -> str | None:
    """The words of `new` that run by default a practice one sentence of `old` ran only after the user's yes, in a
    clause that asks no yes, denies nothing and protects nothing, sharing two content words or more with that old
    sentence; or None."""
    yeses = [text for text in old if _OLD_YES.search(text)]
    if not yeses or _PROTECTIVE.search(new):
        return None
    for clause in _CLAUSE.split(new):
        on = _ON.search(clause)
        if on is None or _YES_NOW.search(clause) or _DENIED.search(clause[:on.start()]):
            continue
        words = _content(clause)
        if any(len(words & _content(text)) >= 2 for text in yeses):
            return on.group(0)
    return None


def asked_again(new: str, others: list[str]) -> bool:
    """Another new sentence of the section that keeps the practice of `new` off until the user's yes ("Help Improve
    Detection stays off until you join it"): it asks the yes and shares two content words or more with `new`."""
    words = _content(new)
    return any(asks_yes(text) and len(words & _content(text)) >= 2 for text in others)
