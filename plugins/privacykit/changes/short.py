"""The subject a short voice carries in from around the sentence (short27).

Policies in a terse or friendly voice tell one idea a sentence and let the sentence before, the bold lead of a
list item or the section's title name what the practice is about: "**Nearby Streams:** if you enable it, we use
your device's precise location to show you local streamers. We also use it to pick ads near you.", "- **Health,
beliefs, politics, sex life.** We use the channels you join to guess these.", "## Sensitive data … It also helps
us pick ads that suit you." The consent readings (`consent.triggers`) read one sentence at a time, so "it",
"them" and "these" hide the data the end is told of: precise location put to advertising (ePrivacy Art. 9, CPRA
1798.140(ae), 1798.121), special categories inferred or put to advertising (GDPR Art. 9(1), 9(2)(a); CJEU C-184/20
OT: data that reveal a category indirectly are of it), contacts or message content put to an end of the
company's own (Art. 6(4)).

Two readings, for `prose._Consent.carried`:

* `restated`: the sentence with each pronoun that stands for data ("it", "them", "these", "those", "this" used
  alone) replaced by the data the nearest sentence before it in its block names (the item's lead, or the
  sentence it goes on from), as the consent readings can read it.
* `special_pool`: the special-category data a sentence of a section about them relates: those its pronoun
  stands for, and, where the section's title names the special class ("Sensitive data", "Extra-careful data",
  "Special categories"), every special category the section named before it, affirmed or denied.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .items import SWITCH_VERBS, Claim, Item
from .text import LazyPattern, place, where

if TYPE_CHECKING:
    from .prose import Unit

# A pronoun standing for data: "it" (and "it's"), "them", "these", "those", and "this" or "that" standing alone
# (before a verb or at the end of a clause), never as a determiner ("this policy") nor a conjunction ("so that").
_ANAPHOR = LazyPattern(
    r"\b(?:it(?:['’]s)?|them|these|those)\b"
    r"|(?<!\bso )(?<!\bnow )\b(?:this|that)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:is|are|was|also|only|never|helps?|lets?|"
    r"goes|stays|will|may|can|gets|powers)\b)",
    re.IGNORECASE)
# "it" as the subject of a weather or cleft sentence, or the object of a phrasal verb about a feature, not data
# (`items.SWITCH_VERBS`, beside the table of plain-voice verbs).
_NO_REFERENT = LazyPattern(rf"\b(?:{'|'.join(SWITCH_VERBS)})\s+(?:it|them|this|that)\s+(?:on|off)\b"
                           r"|\bit(?:['’]s| is)\s+(?:up to|your|off|on|optional|free|important|possible|easy|"
                           r"not|ok|okay|fine)\b", re.IGNORECASE)
# A section about the special class as a whole, by its title.
_SPECIAL_TITLE = LazyPattern(r"\b(?:sensitive|special[- ]categor\w*|extra[- ]careful|extra[- ]sensitive|"
                             r"especially (?:private|sensitive)|health)\b", re.IGNORECASE)
_DATA_ITEMS = (Item.CATEGORIES, Item.SENSITIVE)
_GENERIC = frozenset({"personal_data"})
# How many sentences back a pronoun may reach in its block.
_REACH = 3


def _data_claims(unit: Unit) -> list[Claim]:
    """The kinds of data a sentence names, affirmed or denied: a pronoun stands for the noun, whatever the
    sentence that named it said of it."""
    return [c for c in unit.statement.claims if c.item in _DATA_ITEMS and c.key not in _GENERIC and c.words]


def referent(unit: Unit, units: Sequence[Unit]) -> list[Claim]:
    """The data a pronoun of `unit` stands for: those the nearest sentence before it in its block names (at
    most `_REACH` back), or nothing."""
    at = place(units, unit)
    if at is None:
        return []
    earlier = [u for u in units[max(0, at - _REACH):at] if u.block == unit.block and not u.heading]
    for before in reversed(earlier):
        found = _data_claims(before)
        if found:
            return found
    return []


def _anaphors(text: str) -> list[re.Match[str]]:
    if _NO_REFERENT.search(text) and len(_ANAPHOR.findall(text)) <= 1:
        return []
    return [m for m in _ANAPHOR.finditer(text)
            if not _NO_REFERENT.match(text, max(0, m.start() - 8)) and not _follows_phrasal(text, m)]


def _follows_phrasal(text: str, match: re.Match[str]) -> bool:
    """The pronoun is the object of "turn … on/off" (a feature, not data)."""
    return re.match(r"\s+(?:on|off)\b", text[match.end():]) is not None \
        and re.search(rf"\b(?:{'|'.join(SWITCH_VERBS)})\s+$", text[:match.start()], re.IGNORECASE) is not None


def restated(unit: Unit, units: Sequence[Unit]) -> str | None:
    """`unit`'s sentence with each pronoun that stands for data replaced by the data it stands for
    (`referent`), or None where it has no such pronoun or nothing before it names data."""
    found = _anaphors(unit.text)
    if not found:
        return None
    data = referent(unit, units)
    if not data:
        return None
    words = " and ".join(dict.fromkeys(c.words for c in data))
    named = words if re.match(r"(?:your|the|our|their)\b", words, re.IGNORECASE) else f"your {words}"
    out, last = [], 0
    for m in found:
        out.append(unit.text[last:m.start()])
        said = m.group(0)
        out.append(f"{named} is" if re.search(r"['’]s$", said) else named)
        last = m.end()
    out.append(unit.text[last:])
    return "".join(out)


def _heading(unit: Unit) -> bool:
    return unit.heading or unit.title


def special_pool(unit: Unit, units: Sequence[Unit], title: str) -> list[Claim]:
    """The sensitive data a sentence of a section about them relates by a pronoun or by the section itself:
    `referent`'s, and, under a title naming the special class (`_SPECIAL_TITLE`), every sensitive kind the
    section named before the sentence."""
    found = place(units, unit)
    at = len(units) if found is None else found
    pool: list[Claim] = []
    if _anaphors(unit.text):
        # (the pronoun may stand for what the sentence's own lead names: "Health conditions: we infer them …")
        # (only where the pronoun stands for special data alone: "We use them to … show ads" after a list of every
        # kind collected, sensitive information among them, tells the ends of the list, not of each kind)
        named = referent(unit, units) + _data_claims(unit)
        pool = named if named and all(c.item is Item.SENSITIVE for c in named) else []
    titles = " ".join([title] + [units[i].text for i in where(units, _heading) if i < at])
    if _SPECIAL_TITLE.search(titles):
        pool += [c for u in units[:at] for c in _data_claims(u) if c.item is Item.SENSITIVE]
    return pool


# -- a yes dropped from a practice that waited on it -------------------------------------------------------
# The user's own act that let a practice happen, said plainly: "only if you tap 'Allow'", "unless you tap
# 'Share my number'", "only if you say yes", "once you switch it on", "with your OK".
_YES = LazyPattern(
    r"\b(?:only\s+)?(?:if|when|once|after|as soon as)\s+you(?:['’]ve|\s+have)?\s+(?:first\s+)?(?:say|said|tap|tapped|"
    r"click|clicked|press|pressed|agree|agreed|allow|allowed|accept|accepted|opt|opted|consent|consented|approve|"
    r"approved|tick|ticked|give\s+(?:us\s+)?(?:the\s+)?(?:ok|okay|go-ahead))\b"
    r"|\bunless\s+you\s+(?:first\s+)?(?:say\s+yes|tap|click|press|agree|allow|accept|opt\s+in|consent|approve|tick)\b"
    r"|\bwith\s+your\s+(?:ok|okay|go-ahead|say-so|yes)\b", re.IGNORECASE)
# Any ask, choice or way out left in the new sentence (or the short one after it).
_STILL_ASKED = LazyPattern(
    r"\b(?:if|when|once|after|unless|until)\s+you(?:['’]ve|\s+have)?\s+(?:first\s+)?(?:say|said|tap|click|press|agree|"
    r"allow|accept|opt|consent|approve|choose|chose|decide|want|wish|turn|switch|enable|tick|give|let|pick|select)\w*\b|"
    r"\byou\s+(?:can|may|decide|choose|pick)\b|\bup to you\b|"
    r"\byour (?:call|choice|decision|ok|okay)\b|\boptional\b|\b(?:consent\w*|opt[- ]in|opt[- ]out|permission|agree\w*|"
    r"accept\w*|allow\w*|ask\w*)\b|\b(?:turn|switch|toggle)\w*\s+(?:\w+\s+)?(?:on|off)\b|\bsettings?\b",
    re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nothing|n['’]t)\b", re.IGNORECASE)
# Practices a yes must let: data going to another party that receives it ("A bot gets your phone number", "They
# get your location", "we share … with partners"), and messages sent to market ("We send you news … by email").
_OTHERS_GET = LazyPattern(
    r"^\W*(?:(?:a|an|the|each|every|these|those|other|third[- ]party|partner|outside)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bots?|apps?|mini[- ]apps?|developers?|partners?|advertisers?|extensions?|integrations?|games?|sites?|"
    r"companies|they|brands?|sponsors?|merchants?|sellers?|creators?|streamers?)\s+(?:(?:also|will|then|now|never|only|not|don['’]t|doesn['’]t|won['’]t|can['’]t)\s+)*"
    r"(?:gets?|receives?|sees?|learns?|obtains?|can\s+see|can\s+read|is\s+sent|are\s+sent|access\w*)\b"
    r"|\b(?:share|shares|give|gives|send|sends|pass|passes|hand|hands|disclose|discloses)\b[^.;]{0,60}?\b(?:with|to)\s+"
    r"(?:the\s+|our\s+|other\s+|third[- ]party\s+|selected\s+)?(?:partners?|advertisers?|developers?|bots?|apps?|"
    r"companies|third parties|sponsors|brands|merchants)\b", re.IGNORECASE)
_MARKETING_SENT = LazyPattern(
    r"\b(?:send|sends|email|e-mail|text|message)\s+you\b[^.;]{0,60}?\b(?:news|offers?|deals|newsletters?|updates|"
    r"promotions?|tips)\b(?=[^.;]{0,80}?\b(?:e-?mail|sms|texts?|push|notifications?|post)\b)", re.IGNORECASE)
_CONTENT = LazyPattern(r"[a-z][a-z'’-]+", re.IGNORECASE)
_LIGHT = frozenset({"we", "you", "your", "our", "the", "a", "an", "and", "or", "of", "to", "it", "if", "only", "unless",
                    "never", "not", "when", "once", "after", "by", "for", "with", "in", "on", "also", "so", "can",
                    "they", "them", "their", "is", "are", "gets", "get", "tap", "say", "yes", "allow", "share"})


def _content(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _CONTENT.findall(text)} - _LIGHT


def yes_dropped(old: str, new: str, new_next: str = "") -> str | None:
    """The words of `new` that tell, with no yes of the user's left, a practice the old sentence let happen only
    on the user's own act ("A bot never gets your phone number unless you tap "Share my number"." -> "A bot gets
    your phone number when you start it."; "We send you news by email only if you say yes." -> "We send you news
    and partner offers by email."), where the practice gives the data to another party or markets to the user:
    the tap or the yes was the consent the disclosure or the marketing rested on, and a controller cannot swap
    consent for another basis for the same processing (GDPR Art. 6(1)(a), 7; EDPB Guidelines 05/2020, para.
    121-123; ePrivacy Art. 13(1)). The two sentences must tell the same practice (half the old one's content
    words); the new one must affirm it and leave no ask, choice or way out in itself or in the short sentence
    after it."""
    if _YES.search(old) is None:
        return None
    practice = _OTHERS_GET.search(new) or _MARKETING_SENT.search(new)
    if practice is None or (_OTHERS_GET.search(old) or _MARKETING_SENT.search(old)) is None:
        return None
    if _STILL_ASKED.search(new) or (new_next and len(new_next.split()) <= 12 and _STILL_ASKED.search(new_next)):
        return None
    if _DENIED.search(new[:practice.end()]) or _DENIED.search(new[practice.end():practice.end() + 40]):
        return None
    before = _content(_YES.split(old)[0] if _YES.search(old) else old)
    if not before or len(before & _content(new)) < 0.5 * len(before):
        return None
    return practice.group(0).strip()


# -- a denial that covers less data ------------------------------------------------------------------------
# Words that widen or only point: never a narrowing qualifier ("any chats", "all your photos").
_NOT_QUALIFIER = frozenset({"any", "all", "every", "each", "other", "own", "personal", "such", "these", "those",
                            "this", "that", "ever", "at", "used", "use", "using", "train", "trained", "training"})


# Words of the denial's frame, never what it covers: negators and their joints, auxiliaries, people in general.
_FRAME_WORDS = frozenset({"nor", "neither", "either", "do", "doe", "did", "will", "would", "be", "been", "being",
                          "wa", "were", "have", "ha", "had", "from", "who", "which", "anyone", "anybody", "knowingly",
                          "ever", "u", "any", "no", "none", "nothing", "but", "this", "that", "these", "those",
                          "don't", "doesn't", "won't", "didn't", "can't", "cannot"})


_EXCEPTION = LazyPattern(r"\b(?:except|other than|unless|besides|apart from|save for|as (?:otherwise )?(?:permitted|"
                         r"required|allowed)|to the extent)\b", re.IGNORECASE)


def _all_words(text: str) -> list[str]:
    return [w.lower().rstrip("s") for w in _CONTENT.findall(text)]


def _noun_words(text: str) -> list[str]:
    return [w for w in _all_words(text) if w not in _FRAME_WORDS]


def denial_covers_less(old: str, new: str) -> str | None:
    """The data a denial kept in the same words no longer covers: a member dropped from its list ("We don't use
    your messages, voice notes, stories or photos to train AI models." -> "We don't use your messages or voice
    notes …": stories and photos), or a qualifier put before what it denied ("We don't train our models on your
    chats." -> "… on your secret chats.": the other chats). What the denial leaves out may now be done: the
    caller reads the practice it denies (a use the law asks consent for, GDPR Art. 6(4), 9(2)(a); ePrivacy Art.
    5(1)). The words left out, or None. The two must be the same sentence but for them."""
    # (only what the denial covers, before its exception: "except … as permitted by the CCPA or other laws" names
    # the laws the exception rests on, not the data)
    old, new = _EXCEPTION.split(old)[0], _EXCEPTION.split(new)[0]
    a, b = _noun_words(old), _noun_words(new)
    kept_a, kept_b = set(a) - _LIGHT, set(b) - _LIGHT
    dropped, added = kept_a - kept_b, kept_b - kept_a
    if not kept_a or len(kept_a & kept_b) < 0.6 * len(kept_a):
        return None
    if dropped and not added:
        # Members of a list: each dropped word stands beside a comma or a joining word in the old sentence.
        listed = [w for w in dropped
                  if re.search(rf"(?:,|\b(?:or|and|nor))\s+(?:your\s+)?(?:\w+\s+)?{re.escape(w)}s?\b"
                               rf"|\b{re.escape(w)}s?\s*(?:,|\b(?:or|and|nor)\b)", old, re.IGNORECASE)]
        return ", ".join(sorted(listed)) if listed and len(listed) == len(dropped) else None
    if added and not dropped and not added & _NOT_QUALIFIER:
        # A qualifier: each added word put between two words that stood side by side in the old sentence
        # ("your chats" -> "your secret chats"), before a word the old sentence had.
        old_all, new_all = _all_words(old), _all_words(new)
        pairs = set(itertools.pairwise(old_all))
        ok = all(0 < i < len(new_all) - 1 and new_all[i + 1] in kept_a and (new_all[i - 1], new_all[i + 1]) in pairs
                 for i, w in enumerate(new_all) if w in added)
        return ", ".join(sorted(added)) if ok else None
    return None


# -- what stayed on the device, now held by the company ----------------------------------------------------
# A sentence that keeps data from the company: it stays or runs on the user's device, never leaves it, or the
# company never receives, sees or keeps it.
_KEPT_FROM_US = LazyPattern(
    r"\b(?:never|don['’]t|do\s+not|doesn['’]t|does\s+not|won['’]t|can['’]t|cannot)\s+(?:\w+\s+)?(?:leaves?|receive|"
    r"see|get|store|keep|upload|send|access)\b"
    r"|\b(?:stays?|remains?|runs?|happens?|processed|stored|kept|works?)\s+(?:\w+\s+){0,3}?(?:on|in)\s+(?:your|the)\s+"
    r"(?:own\s+)?(?:device|phone|computer|browser|watch)\b|\bon[- ]device\b", re.IGNORECASE)


def kept_from_us_lost(old: Sequence[str], new: Sequence[str]) -> str | None:
    """The first sentence of the old section that kept data from the company (`_KEPT_FROM_US`: "Fingerprint and face
    unlock run on your device.", "We never receive them.", "Face data never leaves your device.") that the new
    section no longer has, or None."""
    kept = set(new)
    return next((text for text in old if text not in kept and _KEPT_FROM_US.search(text)), None)


# -- what the sentence before or after settles ---------------------------------------------------------------
# A question the short voice asks itself and answers no to at once: "… with a device fingerprint? We don't do
# that.", "Selling your data? Never.", "Reading your messages for ads? No."
_DENIED_ANSWER = LazyPattern(
    r"^\s*(?:no\b|nope\b|never\b|not\s+(?:us|here|at all|ever)\b|none\b|(?:we|pling|it|they)\s+(?:don['’]t|do\s+not|"
    r"never|won['’]t|will\s+not)\b|that['’]s\s+not\b|(?:this|that)\s+(?:is\s+not|isn['’]t)\b)", re.IGNORECASE)


def question_denied(text: str, words: str, following: str = "") -> bool:
    """`words` stand in a question of `text` that the words right after it (or `following`, the next sentence,
    where the question ends `text`) answer no to ("Fingerprinting: recognising you across sites with a device
    fingerprint? We don't do that."): a question affirms nothing, and its answer denies it."""
    at = text.lower().find(words.lower())
    if at < 0:
        return False
    mark = text.find("?", at)
    if mark < 0 or "." in text[at:mark]:
        return False
    answer = text[mark + 1:] if text[mark + 1:].strip() else following
    return _DENIED_ANSWER.match(answer) is not None


# A sentence that goes on from the one before it in time ("Then we hash …", "After that, …", "Once it's on, …",
# "When you do, …"): its condition is the sentence before.
_GOES_ON = LazyPattern(r"^\W*(?:then|after\s+that|afterwards|once\s+(?:it['’]s|it\s+is|that['’]s|you\s+do)|"
                       r"when\s+(?:it['’]s|it\s+is|you\s+do)|if\s+you\s+do|while\s+(?:it['’]s|it\s+is))\b",
                       re.IGNORECASE)
# The user's choice of a feature, in the sentence before: "Contact matching stays off until you switch it on.",
# "If you turn on contact matching, …", "It's up to you."
_CHOSEN = LazyPattern(r"\b(?:off|disabled)\s+(?:by default|until)\b|\b(?:until|unless|if|when|once|only if)\s+you\s+"
                      r"(?:first\s+)?(?:switch|turn|toggle|opt|choose|decide|agree|allow|tap|enable|say yes)\b"
                      r"|\bup to you\b|\byour (?:call|choice)\b|\boptional\b", re.IGNORECASE)


def condition_before(unit: Unit, units: Sequence[Unit]) -> bool:
    """`unit` opens by going on from the sentence before it in its block (`_GOES_ON`), and that sentence leaves
    the feature to the user's choice (`_CHOSEN`): the practice waits on the user's act as if one sentence said
    both ("Contact matching stays off until you switch it on. Then we hash each number in your address book")."""
    # (a sentence rejoined with the one before it holds both: "… off until you switch it on. Then we …")
    parts = re.split(r"(?<=[.!?])\s+", unit.text)
    if any(_GOES_ON.match(part) and _CHOSEN.search(" ".join(parts[:n])) for n, part in enumerate(parts) if n):
        return True
    if _GOES_ON.match(unit.text) is None:
        return False
    at = place(units, unit)
    if not at:
        return False
    before = units[at - 1]
    return before.block == unit.block and _CHOSEN.search(before.text) is not None


def next_in_block(unit: Unit, units: Sequence[Unit]) -> str:
    """The text of the sentence after `unit` in its block, or ""."""
    at = place(units, unit)
    if at is None or at + 1 >= len(units) or units[at + 1].block != unit.block:
        return ""
    return units[at + 1].text


# -- storage on the device the old section said it did without -------------------------------------------------
# Storage or reading on the user's device for an end no service the user asked for needs: analytics, advertising,
# tracking (ePrivacy Art. 5(3); its exemption covers only what is strictly necessary).
_NON_ESSENTIAL = LazyPattern(
    r"\b(?P<kind>analytics|advertising|ad|ads|marketing|tracking|performance|measurement|third[- ]party|social media|"
    r"retargeting)\s+(?:cookies|trackers|pixels|sdks|tags|beacons|scripts)\b", re.IGNORECASE)
_NEGATED_BEFORE = LazyPattern(r"\b(?:no|not|never|none|without)\b|n['’]t\b", re.IGNORECASE)


def storage_named(sentence: str) -> bool:
    """The sentence names storage on the device for an end no service needs (what `storage_started` reads)."""
    return _NON_ESSENTIAL.search(sentence) is not None


def storage_started(old: Sequence[str], new: Sequence[str], sentence: str, following: str = "") -> str | None:
    """The words of `sentence` that tell a kind of storage on the device no service needs (`_NON_ESSENTIAL`: "We
    also use analytics cookies to see how the web client is used.") which a sentence of the old section denied
    ("No analytics cookies.", "We don't use ad trackers.") and the new section denies no more, with no ask, choice
    or way out said in the sentence or the short one after it: storage the law asks consent for, started without
    it (ePrivacy Art. 5(3); GDPR Art. 4(11)). None otherwise."""
    found = _NON_ESSENTIAL.search(sentence)
    if found is None or _NEGATED_BEFORE.search(sentence[:found.start()]) \
            or _NEGATED_BEFORE.search(sentence[found.end():found.end() + 30]):
        return None
    if _STILL_ASKED.search(sentence) or (following and len(following.split()) <= 12 and _STILL_ASKED.search(following)):
        return None
    kind = found.group("kind").lower()

    def denies(text: str) -> bool:
        return any(m.group("kind").lower() == kind and _NEGATED_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                   for m in _NON_ESSENTIAL.finditer(text))
    kept = set(new)
    if not any(denies(text) and text not in kept for text in old) or any(denies(text) for text in new):
        return None
    return found.group(0)
