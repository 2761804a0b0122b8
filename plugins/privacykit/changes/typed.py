"""What the user does on the page recorded as it is done: keystrokes, mouse movements, session replays (consent35).

A script that records each keystroke, each movement of the mouse and the text typed into a form, and plays the visit
back (session replay), reads from the user's terminal what no service needs to record (ePrivacy Art. 5(3): access
to information in the terminal equipment not strictly necessary for the service asked for; EDPB Guidelines 2/2023,
para. 51 on session replay) and, where it captures what the user types before sending it, what the user did not
choose to send (GDPR Art. 5(1)(c); the wiretap reading of US state law, CIPA §631). Its data are the user's own
acts in the moment, read by kind:

- **keystrokes**: keystrokes, key presses, the text or what the user types as it is typed (before it is sent);
- **pointer**: mouse or cursor movements, mouse clicks;
- **replay**: session replays, session-recording scripts or tools, recordings of the user's visits or sessions.

The new text affirms recording one of them in a clause with no denial, no yes asked and nothing masked, where the
old text did not name it: a list of collected data gaining "session replays that record your mouse movements …
and keystrokes", a list of technologies gaining "session replay scripts", or a sentence added ("We may also record
session replays of your visits, including … text you type even if you do not submit it"). A kind the old text
named is told again, not new; a tool that masks what it records, or a recording the user turns on, is none.

The functions read plain text; the caller (`prose._Consent.input_recorded`) gives the old sentence or, for an added
one, the old section.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import LazyPattern
from .turned import _ASKED, _NEGATED, _clauses

_KINDS: dict[str, LazyPattern] = {
    # (what the user types counts only as it is typed, before it is sent: "what you type … as you type it", "text
    # you type even if you do not submit it"; "everything you type into forms" may be what the form sends)
    "keystrokes": LazyPattern(r"\b(?:keystrokes?|key\s*strokes?|key\s*presses)\b|\b(?:text|what|everything|anything)"
                              r"\s+you\s+type\b(?=[^.;]{0,60}?\b(?:as\s+you\s+type|before\s+you\s+(?:submit|send)|"
                              r"(?:even\s+if|whether\s+or\s+not)\s+you\s+(?:do\s+not\s+|don['’]t\s+)?(?:submit|send)))",
                              re.IGNORECASE),
    "pointer": LazyPattern(r"\b(?:mouse|cursor|pointer)\s+(?:movements?|moves|clicks?)\b", re.IGNORECASE),
    "replay": LazyPattern(r"\bsession[- ]replays?\b|\bsession[- ]record(?:ing|ings)\b|\brecord(?:s|ed|ing)?\s+"
                          r"(?:of\s+)?(?:your|each|every|users['’]?)\s+(?:visits?|sessions?)\b", re.IGNORECASE),
}
# What the tool does not keep: masked, redacted, blurred, left out.
_MASKED = LazyPattern(r"\b(?:mask\w*|redact\w*|blur\w*|anonymi[sz]\w*|exclud\w*|do(?:es)?\s+not\s+collect)\b",
                      re.IGNORECASE)
# The recording the user starts or allows, or a support session the user asked for ("the keystroke and screen
# recordings collected through our support software", audit21's notice).
_CHOSEN = LazyPattern(r"\b(?:if|when|once|after)\s+you\s+(?:\w+\s+){0,2}?(?:allow|agree|consent|choose|turn|switch|"
                      r"enable|opt|start|share\s+your\s+screen)\w*\b|\bwith\s+your\s+(?:consent|permission)\b|"
                      r"\bopt[- ]?in\b|\bsupport\s+(?:software|sessions?|tools?|agents?|calls?|team)\b", re.IGNORECASE)


def may_record(text: str) -> bool:
    """The cheap guard: a kind of the user's input named."""
    return any(p.search(text) for p in _KINDS.values())


@lru_cache(maxsize=256)
def _named(text: str) -> frozenset[str]:
    """The kinds `text` names (cached: the caller gives one old section for each of its added sentences)."""
    return frozenset({kind for kind, pattern in _KINDS.items() if pattern.search(text)})


def input_recorded(old: str, new: str) -> str | None:
    """The words of `new` that affirm recording a kind of the user's input `old` did not name, in a clause with no
    denial, no yes and nothing masked; or None. A sentence that asks a yes or masks what it records is none."""
    if not may_record(new) or _CHOSEN.search(new) or _MASKED.search(new) or _ASKED.search(new):
        return None
    had = _named(old)
    for clause in _clauses(new):
        if _NEGATED.search(clause):
            continue
        for kind, pattern in _KINDS.items():
            match = pattern.search(clause)
            if match is not None and kind not in had:
                return match.group(0)
    return None
