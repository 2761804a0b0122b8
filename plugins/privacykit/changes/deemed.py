"""A yes to guarded processing taken from an act done for something else: signing up, booking, accepting the
terms or this policy (conscol39).

Consent is a distinct, specific act (GDPR Art. 4(11), 7(2): a request for consent clearly distinguishable from other
matters; 7(4), Recital 43: not bundled with a contract or a service; EDPB Guidelines 05/2020, para. 26-30, 81-82),
and the explicit consent that special data (Art. 9(2)(a)) or a transfer without safeguards (Art. 49(1)(a), after
being told of its risks) rest on even more so. A policy that now says the user gives it by registering, booking a
lesson, signing up "together with accepting our Terms" or "by accepting this policy" takes the yes the law asks for
from an act that is no yes: the user must be asked anew. Read by the grammar of a yes deemed from an act, whatever
the act or the data:

- **a yes**: consent, explicit consent, "you agree", "you consent", "you give your consent";
- **taken from an act**: the act joined to the yes by "by", "when", "once", "which you give when/by", "together
  with", "as part of", "in one step with": registering, signing up, creating an account or an ID, booking,
  buying, accepting the terms, the conditions or this policy, using or continuing to use the service;
- **of guarded processing**: special data (health, sensitive fields, biometrics …), a transfer abroad, or a yes
  the sentence calls explicit;
- affirmed (no denial before the yes), and new (no sentence of the old text deemed it already).

A yes asked on its own ("we ask for your explicit consent before …", "you can give it in Settings") names no act; the
terms accepted as a contract name no yes.
"""

from __future__ import annotations

import re

from .text import LazyPattern
from .turned import SPECIAL_WORDS

_YES = (r"(?:(?:your\s+|their\s+|this\s+|such\s+|that\s+)?(?:explicit\s+|express\s+)?consent|"
        r"you\s+(?:also\s+)?(?:agree|consent|accept)|agreement)")
# Words between, in one sentence (a period only inside a word or after "Art"/"No": "Art. 49(1)(a)").
_GAP = r"(?:[^.;]|\.(?=\S)|(?<=\bArt)\.|(?<=\bNo)\.)"
# The acts the yes is taken from that conscol39 listed (kept inside `_ACT`).
_LISTED_ACT = (r"(?:regist(?:er|ers|ering|ration)|sign(?:s|ing)?[- ]?up|"
        r"creat(?:e|es|ing)\s+(?:an?\s+|your\s+)?(?:[\w-]+\s+)?"
        r"(?:account|id|profile)|book(?:s|ing)?|buy(?:s|ing)?|purchas(?:e|es|ing)|order(?:s|ing)?|plac(?:e|es|ing)\s+(?:an?\s+|your\s+)?order|"
        r"check(?:ing)?[- ]out|"
        r"accept(?:s|ing)?\s+(?:of\s+)?(?:our\s+|the\s+|this\s+|these\s+)?(?:[\w-]+\s+){0,2}?(?:terms|conditions|"
        r"policy|notice|agreement)|acceptance\s+of\s+(?:our\s+|the\s+|this\s+|these\s+)?(?:[\w-]+\s+){0,2}?(?:terms|"
        r"conditions|policy|notice|agreement)|(?:continu(?:e|es|ing)\s+to\s+)?us(?:e|es|ing)\s+(?:our|the|this)\s+(?:[\w-]+\s+)?"
        r"(?:services?|app|apps|site|website|platform))")
# (fragile41) The act read by its role, not a list: whatever the person does in the place of the act ("by
# downloading the app", "when you pair your meter", "upon installation", "which you give when joining a team"): a
# gerund, a verb after "you", or a noun of an act (-tion, -ment). Not an act that is itself a yes or a control for
# one (ticking, clicking, switching on, enabling, choosing, confirming, giving, allowing, agreeing): Art. 4(11)'s
# "clear affirmative action" may be exactly that.
_CONTROL = (r"(?:tick|check(?!\w*[- ]?out)|click|tap|press|toggl|switch|turn|enabl|activat|opt|choos|chose|select|"
            r"confirm|giv|gave|grant|allow|authori[sz]|permit|agree|consent|approv|say|said|accept|provid|indicat|"
            r"withdr|revok)")
# (words that end as a gerund but are no act: "nothing", "during", "including")
_NOT_ACTS = (r"(?:being|having|doing|\w*thing|during|including|excluding|regarding|concerning|following|according|"
             r"pending|notwithstanding|are|is|have|do|can|will|may|must|should|would|could|also|then|now|already)\b")
_BY_ROLE = (rf"(?:(?!{_CONTROL}|{_NOT_ACTS})[a-z][a-z-]*ing\b(?:\s+(?:up|in|on|out|into))?"
            rf"|(?<=\byou\s)(?!{_CONTROL}|{_NOT_ACTS})[a-z][a-z-]+\b"
            # (a noun of an act only as a time, "upon installation", "on registration": "by the organisation" is none)
            rf"|(?:(?<=\bon\s)|(?<=\bupon\s))(?:your\s+|the\s+)?(?!{_CONTROL})[a-z][a-z-]*(?:tion|ment)s?\b)")
_ACT = rf"(?:{_LISTED_ACT}|{_BY_ROLE})"
# The terms accepted as a contract: no yes ("you agree to our Terms of Service", review40).
_TO_TERMS = (r"(?!\s+to\s+(?:our|the|these|its)\s+(?:[\w-]+\s+){0,2}?(?:terms|conditions|agreement|eula)\b)")
_DEEMED = LazyPattern(
    # "by accepting this policy you agree", "when you sign up, you give your consent"
    rf"\b(?:by|when|once|on|upon|as\s+you)\s+(?:you\s+)?{_ACT}\b{_GAP}{{0,80}}?\b(?:you\s+(?:also\s+)?(?:(?:agree|consent|"
    rf"accept){_TO_TERMS}|give\s+(?:your\s+|us\s+your\s+|this\s+)?(?:explicit\s+)?consent)|(?:is|are)\s+(?:treated|taken|deemed)\s+"
    rf"as\s+(?:your\s+)?consent)\b"
    # "your explicit consent, which you give when registering", "you give your consent … together with accepting"
    rf"|\b{_YES}\b{_GAP}{{0,120}}?\b(?:which|that)\s+you\s+give\s+(?:by|when|as\s+you|on|upon|in)\s+(?:you\s+)?{_ACT}\b"
    rf"|\b(?:give|gives|given)\s+(?:your\s+|their\s+|us\s+your\s+)?(?:explicit\s+)?consent\b{_GAP}{{0,120}}?"
    rf"\b(?:together\s+with|along\s+with|as\s+part\s+of|in\s+one\s+step\s+with|by|when|with)\s+(?:you\s+)?{_ACT}\b"
    rf"|\b{_ACT}\b{_GAP}{{0,40}}?\b(?:counts?|is\s+treated|is\s+taken|is\s+deemed|means)\s+(?:as\s+)?(?:your\s+)?"
    rf"(?:explicit\s+)?(?:consent|agreement)\b", re.IGNORECASE)
# Guarded processing: special data, a transfer abroad, a yes called explicit.
_GUARDED = LazyPattern(r"\b(?:explicit|transfer\w*|abroad|outside\s+(?:the\s+)?(?:EEA|EU|UK|European)|"
                       r"Art(?:icle|\.)?\s*49|Art(?:icle|\.)?\s*9|sensitive|special\s+categor\w*)\b", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|nor|neither|without\s+asking)\b|n['’]t\b", re.IGNORECASE)
# A yes given apart from the act: a tick box or a toggle of its own, a separate step.
_SEPARATE = LazyPattern(r"\b(?:separate(?:ly)?|tick[- ]?box(?:es)?|check[- ]?box(?:es)?|toggle|unticked|"
                        r"distinct(?:ly)?|on\s+its\s+own|asked\s+apart|"
                        r"(?:consent|permission)\s+(?:form|request|screen|dialog|prompt))\b", re.IGNORECASE)
_CUE = LazyPattern(r"\b(?:consent|agree)", re.IGNORECASE)


def may_deem(text: str) -> bool:
    """The cheap guard: a word of consent or agreement."""
    return _CUE.search(text) is not None


def deemed(text: str) -> str | None:
    """The words of `text` that take a yes to guarded processing from an act done for something else, or None."""
    if not may_deem(text):
        return None
    match = _DEEMED.search(text)
    if match is None:
        return None
    if not (_GUARDED.search(text) or SPECIAL_WORDS.search(text)):
        return None
    if _SEPARATE.search(text):
        return None     # (a yes given apart from the act, by a box or a step of its own: Art. 7(2) is met, review40)
    # (a denial in the yes's own clause, before it or in it: "we never treat signing up as your consent")
    lead = re.split(r"[,;:]", text[:match.start()])[-1]
    if _DENIED.search(lead) or _DENIED.search(match.group(0)):
        return None
    return match.group(0)[:90]


def tells_deemed(text: str) -> bool:
    """`text` deems a yes from an act already (each old sentence's test)."""
    return may_deem(text) and _DEEMED.search(text) is not None


def yes_deemed(old: list[str], new: str) -> str | None:
    """The words of `new` that take a yes to guarded processing from an act, where no sentence of `old` took one;
    or None."""
    words = deemed(new)
    if words is None or any(tells_deemed(text) for text in old):
        return None
    return words
