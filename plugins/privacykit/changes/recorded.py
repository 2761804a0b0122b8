"""A promise not to record a communication turned: calls, consultations, lessons or what the user types now recorded
(conscol39).

Recording what people say to one another, or to the company's staff, in a call, a video consultation or a lesson,
or what they type and click as they do it, takes the content of a communication (ePrivacy Directive Art. 5(1):
listening, tapping, storing communications only with the users' consent; § 201 StGB, the confidentiality of the
spoken word; CIPA §§ 631-632, all-party consent) or, for a health consultation, special data beyond what care needs
(GDPR Art. 9(2)(a)). Where the old sentence told the reader such a communication is NOT recorded ("We never record
video calls", "Telephone calls with the assistance centre are not recorded", "We do not use session-recording
tools"), the user spoke or typed on that promise; the rewritten sentence that records it is a new use the person
would not expect, and one the law puts on a yes. Read by the grammar, not a case's words:

- **the old denial**: a clause of the old sentence with a denial (not, never, no) and a word of recording
  (record, recorded, recording, a session-recording tool, session replay), naming a communication;
- **the new recording**: a clause of the new sentence with no denial that records ("is recorded", "we record",
  "records your", "a session-recording tool", "session replays"), and names a communication: a call, a video or
  voice call, a consultation, a conversation, a session, a lesson, a meeting, a chat, messages, the voice, audio or
  video, the screen, or what the user says, types or clicks;
- **no yes**: the new sentence asks none (consent, opt in, "if you agree", "only if you choose") and masks
  nothing (masked, redacted, blurred).

A recording the old sentence affirmed already (recorded "for quality and training" before and after) is no turn;
a right to download or delete recordings names no recording. What a device's sensor records is `accessed.py`'s;
keystrokes newly named in a list, `typed.py`'s.

**The user's activity, second form (consnov40).** The same turn of a promise where what was not recorded is the
user's own activity on the device or online rather than a communication: the websites, pages, domains or services
the user visits, views or accesses, the buttons or links tapped or clicked, "what you do there", an identifier
stored on the device, the user followed "from one session to the next". An old clause denies recording, logging,
tracking, following, storing, seeing or monitoring it ("we do not record which websites … are accessed via the
hotspot", "we don't see what you do there", "without storing any identifier on your device"); a clause of the new
sentence with no denial records, logs, tracks, follows, stores, captures or recognises it, and asks no yes. Storing
an identifier on the device, or reading what the user does through it, is access to the terminal equipment not
strictly necessary for the service asked for (ePrivacy Directive Art. 5(3); EDPB Guidelines 2/2023, para. 35-51 on
tracking pixels, URL tracking and unique identifiers), on a yes; and the person used the device on the promise.
"""

from __future__ import annotations

import re

from .consent import own_calls
from .text import LazyPattern

# A word of recording, in any form (the cheap guard for both sentences).
# (German, as german37 reads it: "werden nicht aufgezeichnet", "zeichnen wir … auf", "Aufzeichnungen")
_GERMAN_RECORD = (r"\baufgezeichnet\b|\baufzuzeichnen\b|\baufzeichn\w*|"
                  r"\bzeichn(?:e|en|et|t)\s+(?:[\w-]+\s+){0,8}?auf\b|"
                  r"\bmitgeschnitten\b|\bschneid(?:en|et)\s+(?:[\w-]+\s+){0,8}?mit\b")
_RECORD_WORD = LazyPattern(r"\brecord(?:s|ed|ing|ings)?\b|\bsession[- ]replays?\b|" + _GERMAN_RECORD, re.IGNORECASE)
# A recording affirmed as done: a participle, the verb after a subject or modal, the verb before its object, or a
# recording tool run ("a session-recording tool"); not the noun "your record" or "medical records".
_RECORDS = LazyPattern(
    r"\brecorded\b|\b(?:we|they|it|to|may|will|also|and|can|then|always|automatically|now)\s+record\b|"
    r"\brecords\s+(?:all\s+|every\s+|each\s+|the\s+|your\s+|their\s+|any\s+)|"
    r"\brecording\s+(?:all\s+|every\s+|each\s+|the\s+|your\s+|their\s+|any\s+)|"
    r"\bsession[- ]record(?:ing|er)s?\b|\bsession[- ]replays?\b|\bscreen[- ]record\w*|" + _GERMAN_RECORD, re.IGNORECASE)
# A communication, or the user's acts as they happen.
_COMMUNICATION = LazyPattern(
    r"\b(?:(?:video|voice|phone|telephone|audio|group)\s+)?(?:calls?|consultations?|conversations?|"
    # (a session the user lives through, not the log-in one an account keeps: "your login sessions", review40)
    r"(?<!login\s)(?<!log-in\s)(?<!sign-in\s)(?<!signin\s)(?<!logon\s)sessions?(?!\s+(?:cookies?|tokens?|ids?|"
    r"identifiers?|keys?))|"
    r"lessons?|meetings?|chats?|messages?|appointments?)\b|\b(?:voice|audio|video|screens?)\b|"
    r"\bsession[- ]record\w*|\bsession[- ]replays?\b|"
    r"\bwhat\s+(?:you|they|users|people|members|patients|customers)\s+(?:say|said|type|typed|click|write|enter)\b|"
    r"\w*(?:gespräch|telefonat|anruf|sprechstunde|beratung|konsultation)\w*|\b(?:videos?|audio|chats?)\b",
    re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nobody|nor|neither|without|nicht|nie|niemals|kein\w*|ohne)\b|n['’]t\b",
                      re.IGNORECASE)
# A yes asked, or the recording left to the user.
_ASKED = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?in|permission|if\s+you\s+(?:agree|allow|choose|ask|want|turn|switch|let|"
    r"request)|only\s+(?:if|when|once|after|with)\s+(?:you|your|both|all|every)|unless\s+you|when\s+you\s+(?:turn|"
    r"switch|start|press)|with\s+your\s+(?:agreement|approval))\b|\b(?:mask\w*|redact\w*|blur\w*)\b|"
    r"\b(?:einwillig\w*|zustimm\w*|zustimmung|wenn\s+sie\s+(?:zustimmen|einwilligen|möchten))\b", re.IGNORECASE)
_CLAUSE = LazyPattern(r";\s*|:\s+|\s+(?:but|while|whereas|although|though|however)\s+|,\s+(?=(?:and|or|so)\s+)|"
                      r"\.\s+", re.IGNORECASE)


# (consnov40) The user's activity on the device or online: sites, pages, domains or services visited, viewed or
# accessed; buttons or links tapped or clicked; what the user does there; an identifier on the device; the user
# followed from one session to the next.
_ACTIVITY = LazyPattern(
    r"\b(?:web\s*sites?|web\s*pages?|pages|sites|domains?|urls|services|apps)\b[^.;:]{0,40}?"
    r"\b(?:visit|view|open|access|brows|use)\w*|"
    r"\b(?:buttons?|links?|ads)\s+(?:you|they|users|people|passengers|members)\s+(?:tap|click|press|open)\w*|"
    r"\bwhat\s+(?:you|they|users|people|passengers|members)\s+(?:do|view|read|browse)\s+(?:there|on|in|elsewhere|"
    r"outside|online)\b|"
    r"\b(?:identifiers?|ids?)\b[^.;:]{0,30}?\bon\s+(?:your|their|the\s+user['’]s|a\s+user['’]s)\s+"
    r"(?:device|phone|browser|computer|tablet|pc|laptop|console|tv|car|vehicle)s?\b|"
    r"\bfrom\s+one\s+(?:session|visit)\s+to\s+the\s+next\b|\bacross\s+(?:sessions|visits)\b|"
    r"\bbrowsing\s+(?:history|activity|behaviou?r)\b", re.IGNORECASE)
# A verb of recording or tracking (the cheap guard; affirmed in the new clause, denied in the old one).
_TRACK_WORD = LazyPattern(
    r"\b(?:record|log|track|follow|stor|sav|monitor|captur|recogni[sz])\w*|\bsee\b", re.IGNORECASE)
_TRACKS = LazyPattern(
    r"\b(?:records?|recorded|recording|logs|logged|logging|tracks?|tracked|tracking|follows?|followed|following|"
    r"stores?|stored|storing|saves?|saved|saving|monitors?|monitored|monitoring|captures?|captured|capturing|"
    r"recogni[sz]\w*)\b|\b(?:we|they|it|to|may|will|also|and|can|then|always|automatically|now)\s+log\b",
    re.IGNORECASE)
_TRACKING_DENIED = LazyPattern(
    r"(?:\b(?:not|never|no|nor|neither|without)|n['’]t)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:record|log|track|follow|stor|sav|monitor|captur|see\b|know\b|collect)\w*", re.IGNORECASE)


def may_turn(old: str) -> bool:
    """The cheap guard on the old sentence: a word of recording (or, consnov40, of tracking the user's activity)
    and a denial."""
    return (_RECORD_WORD.search(old) is not None or _TRACK_WORD.search(old) is not None) \
        and _DENIED.search(old) is not None


def mentions_recording(text: str) -> bool:
    """The cheap guard on the new sentence: a word of recording (or of tracking)."""
    return _RECORD_WORD.search(text) is not None or _TRACK_WORD.search(text) is not None


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


# The denial bearing on the recording itself, a few words before its verb ("we do not record", "is never recorded",
# "do not use session-recording tools"); not a denial of a use of recordings ("we do not use your voice recordings
# to train models"). German puts its denial inside the verb ("zeichnen … nicht auf"): any denial of the clause.
_RECORDING_DENIED = LazyPattern(
    r"(?:\b(?:not|never|no|nor|neither|without)|n['’]t)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:session[- ])?record(?:s|ed|ing)?\b|session[- ]replays?\b)", re.IGNORECASE)
_GERMAN = LazyPattern(_GERMAN_RECORD, re.IGNORECASE)
# (fragile41) The denial's scope read by the grammar of the clause, not its distance from the verb:
# - a parenthesis set off by commas between the denial and the verb ("we will never, under any circumstances,
#   record …") stands outside the clause's grammar: read without it;
# - the denial as the subject's determiner, the recording its passive predicate ("no calls are recorded", "none of
#   your sessions will ever be recorded"), or a subject that is no one ("nobody records your calls");
# - the recording as the subject, the denial on a verb of happening ("recording does not take place", "the
#   recording of lessons is never carried out", "no recording of your calls takes place", "there is no recording").
# A denial of another verb whose object is a recording ("we do not use your voice recordings", "no recordings are
# shared") denies that verb, not the recording: the recording word there is a plural noun or follows another verb.
_PARENTHESIS = LazyPattern(r",\s+(?:[\w'’-]+\s+){0,5}[\w'’-]+,\s+")
_SUBJECT_DENIED = LazyPattern(
    r"\b(?:no|none\s+of\s+(?:the|your|their|our|these|those)|neither)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:is|are|was|were|will|shall|can|may|would|could|gets?|get)\s+(?:ever\s+|be\s+|being\s+|been\s+){0,2}"
    r"(?:recorded|taped)\b|\b(?:no\s*one|nobody)\s+(?:will\s+|can\s+|may\s+)?(?:ever\s+)?(?:records?|tapes?)\b",
    re.IGNORECASE)
_HAPPENING = (r"(?:take\s+place|takes\s+place|happens?|occurs?|be\s+(?:made|done|carried\s+out|performed|undertaken|"
              r"made)|made|done|carried\s+out|performed|undertaken)")
_NOMINAL_DENIED = LazyPattern(
    rf"\b(?:recording|taping)\b(?:\s+(?:of|from|during)\s+(?:[\w'’-]+\s+){{0,6}}?)?\s*(?:does|do|did|will|shall|is|"
    rf"are|can|may)\s+(?:not|never)\s+(?:ever\s+)?{_HAPPENING}\b"
    rf"|\b(?:recording|taping)\b(?:\s+(?:of|from|during)\s+(?:[\w'’-]+\s+){{0,6}}?)?\s*(?:does|do|did|will|shall|is|"
    rf"are|can)n['’]t\s+(?:ever\s+)?{_HAPPENING}\b"
    rf"|\bno\s+(?:audio\s+|video\s+|voice\s+|call\s+|screen\s+|session\s+)?(?:recording|taping)\b(?!s)"
    rf"(?=\s*(?:[.;,]|$|of\b|takes?\b|happens?\b|occurs?\b|is\s+(?:made|done)\b|will\b))", re.IGNORECASE)


def _denies(clause: str) -> bool:
    if _GERMAN.search(clause) is not None and _DENIED.search(clause) is not None:
        return True
    read = _PARENTHESIS.sub(" ", clause) if "," in clause else clause
    return _RECORDING_DENIED.search(read) is not None or _SUBJECT_DENIED.search(read) is not None \
        or _NOMINAL_DENIED.search(read) is not None


# An exception to the denial: the old sentence recorded in that case already ("We do not record voice chat unless a
# player submits a report": told again as "Voice chat is recorded only when a player submits a report").
_EXCEPT = LazyPattern(r"\b(?:unless|except|other\s+than|apart\s+from|save\s+where|außer|es\s+sei\s+denn)\b",
                      re.IGNORECASE)


def denies_recording(old: str) -> bool:
    """A clause of `old` denies recording a communication, with no exception ("We never record video calls")."""
    return any(_denies(c) and _COMMUNICATION.search(c) and not _EXCEPT.search(c) for c in _clauses(old))


def affirms_recording(old: str) -> bool:
    """A clause of `old` with no denial records a communication (told already: no turn)."""
    return any(not _DENIED.search(c) and _RECORDS.search(c) and _COMMUNICATION.search(c) for c in _clauses(old))


def activity_turned(old: str, new: str) -> str | None:
    """The words of `new` that record or track the user's activity (sites visited, buttons tapped, an identifier on
    the device) where a clause of `old` denied recording or tracking it, with no exception, and no clause of `old`
    affirmed it; `new` asks no yes (consnov40). None otherwise."""
    if _ACTIVITY.search(old) is None or _ACTIVITY.search(new) is None or _ASKED.search(new):
        return None
    clauses = _clauses(old)
    if not any(_TRACKING_DENIED.search(c) and _ACTIVITY.search(c) and not _EXCEPT.search(c) for c in clauses):
        return None
    if any(not _DENIED.search(c) and _TRACKS.search(c) and _ACTIVITY.search(c) for c in clauses):
        return None
    told = {" ".join(c.split()).lower() for c in clauses}
    for clause in _clauses(new):
        if _DENIED.search(clause) or " ".join(clause.split()).lower() in told:
            continue
        if _TRACKS.search(clause) and _ACTIVITY.search(clause):
            return clause.strip()[:90]
    return None


def recording_turned(old: str, new: str) -> str | None:
    """The words of `new` that record a communication a clause of `old` said was not recorded, where `new` asks no
    yes and masks nothing; or, of the user's activity, `activity_turned`'s; or None."""
    if not may_turn(old):
        return None
    if _RECORD_WORD.search(new) is None or _ASKED.search(new):
        return activity_turned(old, new)
    if not denies_recording(old) or affirms_recording(old):
        return activity_turned(old, new)
    for clause in _clauses(new):
        if _DENIED.search(clause) or not _COMMUNICATION.search(clause):
            continue
        match = _RECORDS.search(clause)
        if match is not None:
            return clause.strip()[:90]
    return activity_turned(old, new)


# -- A call with the company's own staff (review40) ----------------------------------------------------------------
# A promise not to record turned into recording a telephone call with the company's own people (its support line, a
# call centre, "our staff") is boundary39's `spoken_word_recorded`: consent or a notice by `rules/boundaries.yml`
# (German law, special data, a child; else a notice on legitimate interests), not consent by this reading. The
# calls between users, session replay, a consultation or a lesson, the screen or what the user types keep this
# reading's consent.
_CALL = LazyPattern(r"\b(?:(?:tele)?phone|calls?|conversations?)\b|\w*(?:gespräch|telefonat|anruf)\w*", re.IGNORECASE)
_NOT_STAFF_CALL = LazyPattern(
    r"\b(?:consultations?|session[- ]?\w*|screens?|lessons?|appointments?|between\s+(?:users|members|you)|with\s+"
    r"(?:each\s+other|one\s+another|other\s+(?:users|members|players|riders|people)|friends|matches|contacts)|"
    r"what\s+(?:you|they|users|people)\s+(?:say|said|type|typed|click))\b|\w*(?:beratung|sprechstunde|konsultation)\w*",
    re.IGNORECASE)


def own_staff_call(text: str) -> bool:
    """`text` records a call with the company's own people (`consent.own_calls`), not a consultation, a lesson, a
    session or the users' calls with one another: the boundary rule's to decide."""
    return _CALL.search(text) is not None and own_calls(text) and _NOT_STAFF_CALL.search(text) is None
