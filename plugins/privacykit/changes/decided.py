"""A person taken out of a significant decision before it is made (consent29).

The old sentence put a person in front of a decision that bears on the user: a ban, a suspension, a payout held,
an account closed, credit or a price granted ("A member of our team reviews every ban before it happens",
"Payout holds are always decided by a person", "a member of our payments team makes the final decision"). The new
one lets a machine make it ("our systems make the decision automatically", "they suspend or ban it right away"),
makes the person the usual case only ("normally decided by a person …, and in clear-cut cases they make the final
call"), or moves the person after the decision ("… hold it. A person then reviews every flag", "reviews a ban if
you appeal it"). What is left is a decision based solely on automated processing with a legal or similarly
significant effect: allowed only on a contract's necessity, a law, or the user's explicit consent (GDPR Art.
22(1)-(2); EDPB/WP29 Guidelines on automated decision-making, WP251 rev.01: a human review that is only a token,
or comes after the effect, is no human involvement).

A second old form (consent31): the old sentence denied solely automated decisions outright ("We do not make
decisions about you solely by automated means that have legal or similarly significant effects", "Spotify does not
carry out this type of automated decision making", "We do not use automated decision-making, including profiling");
the new one, in its place, tells a significant decision made by the machine ("Your Premium price is set
automatically each month from your activity and sleep scores", "applications … are rejected automatically without
review by an employee", "our systems then decide, without human involvement, whether to accept your order").

The functions read plain text; the caller (`prose._Consent.person_removed`) decides whether a consent reading
already told the change.
"""

from __future__ import annotations

import re

from .boundary import Ruling, decision_ruling
from .items import subject_denied
from .text import LazyPattern

# A person of the company: "a person", "a human", "a member of our … team", "our Trust & Safety team", "staff",
# "a moderator", "a reviewer", "someone on our team".
_PERSON = (r"(?:\b(?:person|human|humans|people|staff|employee\w*|moderators?|reviewers?|specialists?|analysts?|"
           r"agents?|officers?|underwriters?|adjusters?|tutors?|teachers?|clinicians?|pharmacists?|doctors?|"
           r"recruiters?|someone|somebody)\b|\bmember\s+of\s+(?:our|the)\b"
           r"|\b(?:our|the)\s+[\w&' -]{0,40}?\bteam\b)")
# The person comes first: decides, makes the final call, or reviews before the effect.
_PERSON_FIRST = LazyPattern(
    rf"{_PERSON}[^.;:]{{0,80}}?\b(?:before|prior to|decides?|decided|makes?\s+(?:the|every|each|all)\s+(?:final\s+)?"
    r"(?:decisions?|call|determination)|final\s+(?:decision|call|say|word)|approv\w*|signs?\s+off)\b"
    rf"|\b(?:decided|made|taken|approved|reviewed|checked|confirmed)\s+(?:\w+\s+){{0,2}}by\s+(?:a|an|one|the|our)\s+[^.;:,]{{0,40}}?{_PERSON}"
    rf"|\bbefore\b[^.;:]{{0,80}}?{_PERSON}",
    re.IGNORECASE)
# ... made the usual case only: "normally", "usually", "in most cases".
_ONLY_USUALLY = LazyPattern(
    r"\b(?:normally|usually|generally|typically|mostly|often|in\s+most\s+cases|as\s+a\s+rule|where\s+possible|"
    r"in\s+general)\b", re.IGNORECASE)
# A machine that acts: systems, tools, filters, models, software, algorithms, "automatically".
_MACHINE = LazyPattern(
    r"\b(?:systems?|tools?|filters?|models?|software|algorithms?|automat\w*|machines?|ai|classifiers?|"
    r"anti-?cheat|detectors?|bots?|engines?|scor\w+)\b", re.IGNORECASE)
# The person after the effect: "then reviews", "afterwards", "if you appeal", "on appeal", "after it is held".
_PERSON_AFTER = LazyPattern(
    r"\b(?:then|afterwards?|subsequently|thereafter)\b|\b(?:if|when|once|where)\s+(?:\w+\s+){1,3}?"
    r"(?:appeal|ask|object|dispute|complain|request|challenge)\w*|\bon\s+appeal\b|\bafter\s+(?:the|it|they|a|an|any|your)\b",
    re.IGNORECASE)
# A decision that bears on the user.
_SIGNIFICANT = LazyPattern(
    r"\b(?:ban\w*|suspen\w*|terminat\w*|clos(?:e|es|ed|ing|ure)|deactivat\w*|disabl\w*|hold|holds|held|freez\w*|"
    r"frozen|payouts?|payments?|credit|loans?|pay\s+later|instal+ments?|applications?|price\w*|premiums?|"
    r"refunds?|claims?|accounts?|decisions?|decides?|determin(?:e|es|ed|ing)|call)\b", re.IGNORECASE)

# A denial of automated decisions: a negation, then within its clause the machine's word and a decision's
# ("We do not make decisions … solely by automated means", "does not carry out … automated decision making").
_ADM_DENIED = LazyPattern(
    r"(?:\b(?:not|never|no|none)\b|n['’]t\b)[^.;:]{0,90}?\b(?:automat\w*|algorithm\w*)\b[^.;:]{0,60}?\bdecision"
    r"|(?:\b(?:not|never|no|none)\b|n['’]t\b)[^.;:]{0,40}?\bdecisions?\b[^.;:]{0,90}?\b(?:automat\w*|algorithm\w*)\b",
    re.IGNORECASE)
# The machine deciding, affirmed: "set automatically", "rejected automatically", "without human involvement",
# "no person reviews", "carries out … automated decision making", "solely by automated means".
_ADM_DONE = LazyPattern(
    r"\bautomatically\b|\bwithout\s+(?:any\s+)?(?:human|manual|personal)\s+(?:involvement|review|intervention|input)"
    r"|\bwithout\s+(?:any\s+)?review\s+by\b|\bno\s+(?:person|human|one|employee|member\s+of\s+staff)\s+"
    r"(?:reviews?|checks?|looks?|is\s+involved)|\bautomated\s+(?:decision|pre-?selection|scoring|assessment)"
    r"|\bsolely\s+(?:by|on)\s+automated\b|\balgorithms?\s+(?:decides?|sets?|determines?)\b",
    re.IGNORECASE)


def _adm_denied(text: str) -> bool:
    return _ADM_DENIED.search(text) is not None


def _person_first(text: str) -> bool:
    found = _PERSON_FIRST.search(text)
    return found is not None and not _ONLY_USUALLY.search(text[max(0, found.start() - 40):found.end()])


def may_have_removed(new: str, following: str = "") -> bool:
    """Whether `new` could be the machine's or the late person's form of a decision (read first, cheaply, before
    any old sentence is looked for)."""
    told = f"{new} {following}"
    return _SIGNIFICANT.search(new) is not None and (_MACHINE.search(told) is not None
                                                     or _PERSON_AFTER.search(told) is not None)


def person_removed(old: str, new: str, following: str = "") -> str | None:
    """The words of `new` (read with the sentence `following` it in its block) that let a machine make, or put a
    person only after, a significant decision `old` had a person make or review first, or None."""
    if _adm_denied(old) and not _person_first(old):
        return _denial_replaced(new, following)
    if not _person_first(old) or not _SIGNIFICANT.search(old):
        return None
    told = f"{new} {following}".strip()
    if _person_first(told) or not _SIGNIFICANT.search(new):
        return None
    machine, after = _MACHINE.search(told), _PERSON_AFTER.search(told)
    if machine is None and after is None:
        return None
    # (the machine denied its say in the new words is the promise kept: "our tools never decide on their own", "we
    # never take a decision with legal or similarly significant effects about you purely by automated means")
    if machine is not None and after is None and (_adm_denied(new) or re.search(
            r"\b(?:never|not|no|n['’]t)\b[^.;]{0,40}\b(?:decid|final|on\s+their\s+own|alone)", told, re.IGNORECASE)):
        return None
    hit = after if after is not None and (machine is None or after.start() < machine.start()) else machine
    assert hit is not None
    return told[max(0, hit.start() - 30):hit.end() + 40].strip(" ,;.")


def decided_by_machine_before(new: str, old_texts: list[str]) -> bool:
    """Whether a sentence of the old document already told the machine making the decision `new` names ("Our
    anti-cheat can ban an account automatically when it detects known cheat software" before "… it can ban the
    account automatically, without a human involved"): the same decision (`_decisions`) affirmed as automatic
    (`_ADM_DONE`) and not denied. A rewrite that moves the person's review after the ban, where the old notice
    already said the ban was automatic and the review came on appeal, tells no decision the reader was not told
    of (GDPR Art. 13(2)(f) asks the notice to tell it once; Art. 22 is about the practice, not its sentence)."""
    wanted = _decisions(new)
    return bool(wanted) and any(_ADM_DONE.search(t) and not _adm_denied(t) and wanted & _decisions(t)
                                for t in old_texts)


# The acts of a decision that bears on the user (`_SIGNIFICANT`'s verbs), by their first three letters ("ban",
# "banned"; "suspend", "suspension"): what was decided, not what it was decided on (an application, an account, a
# payout are named by decisions of every kind: "Match Scores are generated automatically" decides no application).
_DECISION_ACTS = LazyPattern(
    r"\b(?:ban|bans|banned|banning|suspen\w*|terminat\w*|clos(?:e|es|ed|ing|ure)|deactivat\w*|disabl\w*|hold|holds|"
    r"held|freez\w*|frozen)\b", re.IGNORECASE)


def _decisions(text: str) -> frozenset[str]:
    """The decisions bearing on the user a sentence names, by their act's first three letters."""
    return frozenset(m.group(0).lower()[:3] for m in _DECISION_ACTS.finditer(text))


def _denial_replaced(new: str, following: str) -> str | None:
    """The words of `new` (with the sentence `following` it) that tell a significant decision made by the machine
    in place of a denial of solely automated decisions, or None: the new sentence names a decision that bears on the
    user and the machine making it, denies neither, and puts no person first."""
    if _adm_denied(new) or not _SIGNIFICANT.search(new):
        return None
    told = f"{new} {following}".strip()
    if _person_first(told):
        return None
    done = _ADM_DONE.search(new) or _ADM_DONE.search(told)
    if done is None:
        return None
    # (the decisions named as a subject its verb group denies further on are the denial reworded: "Automated
    # decision-making with legal effects on you … does not take place")
    if subject_denied(done.group(0), done.string):
        return None
    return told[max(0, done.start() - 30):done.end() + 40].strip(" ,;.")


def ruled(new: str, following: str = "") -> Ruling:
    """The action `rules/boundaries.yml` gives a decision about the user now taken without a person, told by
    `new` (with the sentence `following` it): consent under Art. 22(2)(c) unless the decision has no legal or
    similarly significant effect or the text gives the contract's necessity or a law as its ground (a notice,
    Art. 22(2)(a)-(b)); special-category data in it always consent (Art. 22(4)). boundary39: the readings above
    find the decision, the rule decides what it needs (`prose._Record.add` asks it of every such finding)."""
    return decision_ruling(new, following)

