"""A promise that an audience does not see the data, turned into that audience seeing it (consaud39).

The old sentence denied that someone sees, reads or reaches the data, or that the data of two services are put
together: "Your heart rate is never shown on a leaderboard", "The account owner can't see anyone else's rides",
"These businesses do not have access to your pharmacy record", "Profiles are hidden from search engines",
"recordings can be watched by you and your tutor, and no one else", "we keep the two accounts apart and don't
combine your data". Its rewritten form (or a sentence added where it is gone) affirms the exposure in a clause of
its own: "so other riders can see who is pushing hardest", "The main user can view the journeys of all profiles",
"These businesses can see your pharmacy record", "we link the two accounts and combine your data".

A new audience (other users, a household's owner, sister companies, the public) is a new recipient, a notice. It
needs the person's yes where what is shown is data the law guards, or where the exposure itself is one the law
binds to the person's own act:
- special categories (health, sexual life, medicines), a child's data, precise position and the journeys or
  routes that record it, the content of communications and recordings of the person (GDPR Art. 9(2)(a), 8;
  ePrivacy Art. 5(1), 9; CPRA 1798.121), named in the sentence or around it (`prose._Consent._special_or_content`);
- the profile made public or findable by search engines: by default data are not made accessible to an
  indefinite number of people without the individual's intervention (GDPR Art. 25(2));
- the data of two accounts, apps or services linked or combined (CJEU C-252/21 Meta v Bundeskartellamt, para.
  150-154; DMA Art. 5(2)): a combination the user was promised would not happen.

The staff of the company reading more (moderators, support, analysts) is no new audience: their access rests on
the company's own basis and is a notice (a limit on what they see, lifted). A clause that still asks a yes or
offers a way out is no exposure without consent.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# Seeing, being shown, reaching, finding; data put together.
_SHOW = (r"(?:see|sees|seen|view|views|viewed|viewing|show|shows|shown|showing|display|displays|displayed|"
         r"visible|watch|watches|watched|read|reads|access|accessible|find|finds|found|findable|public|publicly|"
         r"index|indexes|indexed|listed|appear|appears|appeared)")
_EXPOSE = LazyPattern(rf"\b{_SHOW}\b", re.IGNORECASE)
# The same verbs kept from others: "hidden from", "private to", "kept apart", "no one else".
_KEPT = LazyPattern(r"\b(?:hidden|hides?|private\s+to|kept\s+apart|keep\s+(?:\w+\s+){1,3}apart|no\s+one\s+else|"
                    r"nobody\s+else|only\s+(?:inside|within|to\s+you|by\s+you|you)\b)", re.IGNORECASE)
_NEGATION = LazyPattern(r"\b(?:not|never|no|neither|nor|cannot|only)\b|n['’]t\b", re.IGNORECASE)
_CLAUSE = LazyPattern(r"[,;:]\s*|\.\s+|\s+(?:but|while|whereas|although|though)\s+|\s+and\s+(?=(?:we|it|they|our|"
                      r"the|these|this|search|neither|no)\b)", re.IGNORECASE)
# A yes still asked, or a way out offered: the exposure waits on the person.
_ASKED = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?(?:in|out)|permission|if\s+you\s+(?:agree|allow|choose|turn|switch|let|"
    r"decide|want|make)|only\s+(?:if|when|once|after)\s+you|unless\s+you|you\s+(?:can|may)\s+(?:turn|switch|opt|"
    r"stop|choose|hide|decide|make)|ask\s+you|your\s+(?:choice|settings?|privacy\s+settings?))\b", re.IGNORECASE)
# The company's own staff: who reads more of what they already handle is no new audience.
_STAFF = LazyPattern(r"\b(?:staff|moderators?|employees?|engineers?|analysts?|agents?|reviewers?|support\s+team|"
                     r"our\s+team|team\s+members?|personnel)\b", re.IGNORECASE)
_COMPANY = LazyPattern(r"\b(?:we|us)\b", re.IGNORECASE)
# Words of a sentence that name what it is about: a denial gone elsewhere in the section is this one's only when it
# shares one (the data or the place they are shown: "heart rate", "leaderboard").
_WORD = LazyPattern(r"\b[a-z][a-z-]{4,}\b", re.IGNORECASE)
_COMMON = frozenset({"about", "after", "their", "there", "these", "those", "which", "where", "would", "could",
                     "should", "other", "every", "never", "always", "shown", "visible", "cannot", "can't",
                     "profile", "profiles", "members", "users", "people", "anyone", "someone"})
# An exposure the law binds to the person's act whatever the data: the public, search engines (Art. 25(2)).
_PUBLIC = LazyPattern(r"\b(?:search\s+engines?|public(?:ly)?\s+(?:web\s+)?(?:pages?|profiles?|visible|available|"
                      r"accessible)|(?:to|with|by)\s+the\s+(?:general\s+)?public|anyone\s+on\s+the\s+(?:web|internet)|made\s+public|is\s+public|"
                      r"are\s+public)\b", re.IGNORECASE)
# Two accounts, apps or services linked or combined.
_COMBINED = LazyPattern(r"(?<!\bthe\s)(?<!\ba\s)(?<!\bthis\s)(?<!\bthat\s)"
                        r"\b(?:link|links|linked|linking|combine|combines|combined|combining|merge|merges|merged|merging)\s+"
                        r"(?:(?:the|your|both|these|those|two|our|their)\s+)*(?:accounts|apps|services|platforms|profiles)\b",
                        re.IGNORECASE)
# Guarded data named by this reading beyond the special words: positions recorded over time, recordings of the
# person, a child (the caller asks `_special_or_content` for the special categories and communications).
_RECORDED = LazyPattern(r"\b(?:journeys?|journey\s+logs?|routes?|trips?\s+(?:you\s+)?(?:record|log|track)\w*|"
                        r"trip\s+(?:logs?|history|data)|whereabouts|location|locations|"
                        r"(?:lesson|call|video|voice|audio)\s+recordings?|recordings?\s+of\s+(?:you|your)|"
                        r"teens?|teenagers?|child(?:ren)?|kids?|minors?)\b", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


# The person shown their own data ("to show you nearby stores", "you can see your zones"): no audience.
_TO_THE_PERSON = LazyPattern(r"\s+(?:it\s+|them\s+)?(?:to\s+|for\s+)?you(?:rself)?\b(?!r)", re.IGNORECASE)
_THE_PERSON_SEES = LazyPattern(r"\byou\s+(?:can\s+|may\s+|will\s+|also\s+|could\s+)*$", re.IGNORECASE)


# "see Section 7.2", "see below": a cross-reference, no one seeing.
_REFERENCE = LazyPattern(r"\s+(?:also\s+)?(?:sections?|§|chapters?|clauses?|parts?|paragraphs?|above|below|our|the\s+"
                         r"(?:\w+\s+){0,2}?(?:section|policy|notice|table|page|list))\b", re.IGNORECASE)
_PICTURED = LazyPattern(r"\b(?:person|people|one|individual|you)\s+(?:is\s+|are\s+)?$", re.IGNORECASE)
# Who else sees: other users, the household's owner, friends, employers, companies, a profile or a board shown.
# ("they" or "them" only as the one who sees or is shown: "they can see", "shown to them"; not "they" of the data,
# "where they stay for a year", review40)
_AUDIENCE = LazyPattern(
    rf"\bthey\s+(?:\w+\s+){{0,2}}?{_SHOW}\b|\b(?:to|with|by|for)\s+them\b|"
    r"\b(?:others|everyone|everybody|anyone|anybody|(?:other|all|every|fellow)\s+(?:\w+\s+)?(?:users|members|"
    r"riders|learners|students|tutors|teachers|drivers|people|players|listeners|customers|patients|participants|"
    r"profiles|drivers)|(?:main|primary)\s+user|account\s+(?:owner|holder|organi[sz]er|admins?)|organi[sz]er|"
    r"household|family\s+members|employers?|insurers?|friends|followers|matches|contacts|connections|"
    r"businesses|compan(?:y|ies)|partners?|affiliates|sister\s+\w+|group\s+\w+|visitors|advertisers|"
    r"on\s+(?:your|their|the|each|every)\s+(?:public\s+)?(?:profiles?|pages?|leaderboards?)|leaderboards?)\b",
    re.IGNORECASE)


def _exposes(clause: str) -> bool:
    """A verb of exposure in the clause aimed at someone other than the person."""
    if _COMBINED.search(clause):
        return True
    for m in _EXPOSE.finditer(clause):
        if m.group(0).lower() == "see" and _REFERENCE.compiled().match(clause, m.end()):
            continue
        if _PICTURED.search(clause[max(0, m.start() - 24):m.start()]):
            continue     # ("the person shown in your photos": who is pictured, not who sees)
        if _TO_THE_PERSON.compiled().match(clause, m.end()) is None \
                and _THE_PERSON_SEES.search(clause[max(0, m.start() - 24):m.start()]) is None:
            return True
    return False


def _denies(clause: str) -> bool:
    """The clause keeps the data from someone: an exposure verb under a negation, or "hidden from" and its kin."""
    if _KEPT.search(clause):
        return True
    return _NEGATION.search(clause) is not None and _exposes(clause)


def denials(text: str) -> int:
    """How many clauses of `text` keep the data from someone."""
    return sum(1 for c in _clauses(text) if _denies(c))


def may_expose(text: str) -> bool:
    """The cheap guard: a verb of exposure, or of linking services, somewhere in the text."""
    return _EXPOSE.search(text) is not None or _COMBINED.search(text) is not None


def _affirmed(text: str, old: str) -> str | None:
    """The first clause of `text`, not one `old` has word for word, that affirms an exposure to someone other than
    the company's staff, or None."""
    for clause in _clauses(text):
        if not _exposes(clause) or _denies(clause) or _ASKED.search(clause) or clause.strip() in old:
            continue
        if (_STAFF.search(clause) or _COMPANY.search(clause)) and _COMBINED.search(clause) is None \
                and _PUBLIC.search(clause) is None:
            continue     # (the company or its staff reading more: a limit lifted, not a new audience)
        if _COMBINED.search(clause) is None and _PUBLIC.search(text) is None and _AUDIENCE.search(text) is None:
            continue     # (no one named who sees it: a sentence about what is seen, not by whom)
        return clause.strip()
    return None


def exposure_turned(old: str, new: str) -> str | None:
    """The clause of `new` that affirms an exposure where `old` kept the data from someone in more clauses than
    `new` does (a denial gone, not said again), and `new` asks no yes; or None."""
    if not may_expose(new) or _ASKED.search(new):
        return None
    kept_before = denials(old)
    if not kept_before or denials(new) >= kept_before:
        return None
    return _affirmed(new, old)


def bound_exposure(clause: str, sentence: str) -> str | None:
    """The words that bind the exposure to the person's yes whatever the data (the public, search engines, two
    services combined), in the affirmed clause or its sentence; or None."""
    m = _PUBLIC.search(clause) or _COMBINED.search(clause) or _PUBLIC.search(sentence)
    return m.group(0) if m is not None else None


def recorded_data(text: str) -> str | None:
    """Positions, recordings or a child's data named in `text`, or None."""
    m = _RECORDED.search(text)
    return m.group(0) if m is not None else None


def shares_subject(old: str, new: str) -> bool:
    """`old` and `new` share a word of what they are about (not a function word, not the verbs of showing)."""
    def words(text: str) -> set[str]:
        return {w.lower() for w in _WORD.compiled().findall(text)} - _COMMON
    return bool(words(old) & words(new))


# -- A person's likeness put in the company's ads or posts ---------------------------------------------------------
# A person's name with their face, voice or image, or clips of them, featured in the company's own advertising,
# marketing or social media posts: the use of a likeness for promotion needs the person's yes (Cal. Civ. Code
# 3344; N.Y. Civ. Rights Law 50-51; KUG 22; GDPR Art. 6(1)(a), 6(4): a purpose the data were not given for).
_LIKENESS = LazyPattern(r"\b(?:(?:profile\s+)?(?:photos?|pictures?|portraits?|images?|likeness|faces?|voices?|"
                        r"videos?|clips?|highlights|recordings?|selfies?))\b"
                        # (what the person watches is no likeness of theirs: "the videos you watch")
                        r"(?!\s+(?:that\s+)?(?:you|they|people|others)\s+(?:\w+\s+)?(?:watch|view|see|like|play|browse|"
                        r"search|open|click)\w*)", re.IGNORECASE)
_PERSONS = LazyPattern(r"\b(?:your|their|his|her|people['’]s)\b|\b(?:members|users|learners|customers|riders|"
                       r"players|listeners|students|patients|drivers)['’]", re.IGNORECASE)
_PROMOTION = LazyPattern(r"\b(?:ads|adverts?|advertising|advertisements?|marketing(?!\s+(?:e-?mails?|messages|"
                         r"communications))|promotional\s+(?:material|content|campaigns?|posts?)|campaigns?|"
                         r"social\s+media\s+(?:posts?|channels?|accounts?)|on\s+social\s+media|press\s+material)\b",
                         re.IGNORECASE)
_FEATURE = LazyPattern(r"\b(?:use|uses|used|using|feature|features|featured|featuring|include|includes|included|"
                       r"show|shows|shown|showcase\w*|display\w*|post|posts|posted|publish\w*|share|shares|shared|"
                       r"put)\b", re.IGNORECASE)
_REFUSED = LazyPattern(r"\b(?:not|never|no|without\s+your|nor)\b|n['’]t\b|\b(?:ask\w*\s+(?:you\s+)?first|"
                       r"ask\w*\s+(?:for\s+)?your|with\s+your\s+(?:\w+\s+)?(?:consent|permission|ok|okay|agreement)|"
                       r"if\s+you\s+(?:agree|allow|say|opt|choose|give|want|let)|only\s+(?:if|when|once|after)|"
                       r"opt(?:s|ed)?[- ]?in|consent\w*|permission)\b", re.IGNORECASE)


_PART = LazyPattern(r"[;:]\s*|\.\s+")


def may_feature(text: str) -> bool:
    """The cheap guard: an end of promotion and a word of a likeness."""
    return _PROMOTION.search(text) is not None and _LIKENESS.search(text) is not None


def _featured(text: str) -> str | None:
    """The likeness `text` affirms featuring in promotion, in one part of the sentence (a list of what is featured
    runs over its commas), with the person named before it."""
    for clause in _PART.split(text):
        if not clause or _PROMOTION.search(clause) is None or _FEATURE.search(clause) is None:
            continue
        for likeness in _LIKENESS.finditer(clause):
            # (the person's word just before the likeness: "your first name and profile photo")
            if _PERSONS.search(clause, max(0, likeness.start() - 45), likeness.start()) is not None:
                return likeness.group(0)
    return None


def likeness_promoted(before: list[str], new: str) -> str | None:
    """The likeness `new` puts in the company's promotion where no sentence of `before` did so without a yes, and
    `new` asks none and denies nothing; or None."""
    if not may_feature(new) or _REFUSED.search(new):
        return None
    words = _featured(new)
    if words is None:
        return None
    if any(features_likeness(t) for t in before):
        return None
    return words


def features_likeness(text: str) -> bool:
    """`text` features a likeness in the company's promotion without a yes already (each old sentence's test; the
    caller asks it of an old section once, review40)."""
    return may_feature(text) and _featured(text) is not None and _REFUSED.search(text) is None


# -- A recipient's own dealings with the person --------------------------------------------------------------------
# A party outside the company (an insurer, a lender or a finance company, a manufacturer) now uses the data for its
# own dealings with the person: setting what the person pays for a policy or the cover, deciding on credit,
# financing or leasing, inviting them to its own programmes or offers. Of guarded data (health, fitness and sleep,
# prescriptions, journeys), a further use by another controller for decisions with effects on the person needs
# the person's yes (GDPR Art. 6(4), 9(2)(a), 22; EDPB Guidelines 3/2020 on health data; CPRA 1798.121).
_PARTY = LazyPattern(r"\b(?:insurers?|lending\s+partners?|insurance\s+(?:companies|company|providers?|partners?)|"
                     r"lenders?|banks?|"
                     r"financ\w+\s+(?:arm|company|companies|services|partners?|providers?)|leasing\s+compan\w+|"
                     r"credit\s+(?:agenc\w+|bureaus?|reference\s+agenc\w+)|manufacturers?|pharmaceutical\s+"
                     r"compan\w+|drug\s+makers?|brokers?)\b", re.IGNORECASE)
_DEALING = LazyPattern(
    r"\b(?:set|sets|setting|calculat\w+|reduc\w+|lower\w*|rais\w+|increas\w+|adjust\w*|decid\w+\s+on|determin\w+)\s+"
    r"(?:\w+\s+){0,2}?(?:premiums?|prices?|rates?|tariffs?|what\s+you\s+pay|cover(?:age)?)\b"
    r"|\b(?:premiums?|coverage|cover|underwriting|credit(?:worthiness)?|loan|lending)\s+(?:decisions?|assessments?|"
    r"checks?|scor\w+)\b"
    r"|\b(?:assess\w*|decid\w+\s+on|review\w*)\s+(?:\w+\s+){0,2}?applications?\s+for\s+(?:\w+\s+){0,2}?"
    r"(?:financing|finance|credit|loans?|leasing|leases?|insurance|policies|mortgages?)\b"
    r"|\b(?:invite|offer|send|market\w*\s+to)\s+(?:you|them)\s+(?:to\s+(?:join\s+)?)?(?:\w+\s+){0,2}?their\s+(?:own\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:programmes?|programs?|offers?|products?|plans?|tariffs?|policies)\b"
    r"|\bfor\s+their\s+own\s+(?:offers|marketing|advertising|products|programmes?|programs?)\b",
    re.IGNORECASE)
_FORBIDDEN = LazyPattern(r"\b(?:not|never|no|nor|forbid\w*|prohibit\w*|bar|bars|barred|may\s+not|must\s+not)\b|"
                         r"n['’]t\b", re.IGNORECASE)


def may_deal(text: str) -> bool:
    """The cheap guard: an end of a party's own dealing with the person."""
    return _DEALING.search(text) is not None


def _dealing(text: str) -> str | None:
    """The party's dealing `text` affirms in a clause with no denial and no yes asked, or None."""
    if _ASKED.search(text):
        return None
    for clause in _CLAUSE.split(text):
        if not clause:
            continue
        m = _DEALING.search(clause)
        if m is not None and _FORBIDDEN.search(clause) is None:
            return m.group(0)
    return None


def party_deals(before: list[str], new: str, lead: str) -> str | None:
    """The end of its own dealing with the person that a party outside the company (named in `new` or in `lead`,
    the sentence before it in its list item) now serves with the data, where no sentence of `before` affirmed such an
    end; or None."""
    if not may_deal(new) or (_PARTY.search(new) is None and _PARTY.search(lead) is None):
        return None
    words = _dealing(new)
    if words is None or any(tells_dealing(t) for t in before):
        return None
    return words


def tells_dealing(text: str) -> bool:
    """`text` serves a party's own dealing with the person already (each old sentence's test; the caller asks it of
    an old section once, review40)."""
    return may_deal(text) and _dealing(text) is not None


# Who called whom and when, not what was said: traffic data, no content of communications.
_CALL_LOG = LazyPattern(r"\b(?:call|calling|phone)\s+(?:history|histories|logs?|lists?|records?|times?|durations?)\b",
                        re.IGNORECASE)


def call_log_only(text: str) -> bool:
    """`text` names a call history or log (traffic data), which the content patterns would read as calls."""
    return _CALL_LOG.search(text) is not None
