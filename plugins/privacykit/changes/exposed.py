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
    r"profiles|drivers|collaborators|subscribers|viewers|guests)|(?:new|next|later)\s+(?:owners?|buyers?)|(?:main|primary)\s+user|account\s+(?:owner|holder|organi[sz]er|admins?)|organi[sz]er|"
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


# A denial told elliptically after the clause of exposure: "moderators see the reported messages, never the whole
# history" (notnov40).
_ELLIPTIC = LazyPattern(r"^\s*(?:(?:and|but)\s+)?(?:never|not)\s+(?:the|any|all|your|their|its|his|her)\b",
                        re.IGNORECASE)


def denials(text: str) -> int:
    """How many clauses of `text` keep the data from someone."""
    clauses = _clauses(text)
    return sum(1 for i, c in enumerate(clauses)
               if _denies(c) or (i and _ELLIPTIC.search(c) and not _EXPOSE.search(c)
                                 and any(_exposes(b) for b in clauses[:i])))


def may_expose(text: str) -> bool:
    """The cheap guard: a verb of exposure, or of linking services, somewhere in the text."""
    return _EXPOSE.search(text) is not None or _COMBINED.search(text) is not None


def _affirmed(text: str, old: str, staff: bool = False) -> str | None:
    """The first clause of `text`, not one `old` has word for word, that affirms an exposure to someone other than
    the company's staff (with `staff`, to the staff alone), or None."""
    clauses = _clauses(text)
    for i, clause in enumerate(clauses):
        if not _exposes(clause) or _denies(clause) or _ASKED.search(clause):
            continue
        if clause.strip() in old:
            # (the old clause with an object put beside it, "see the crash report and the full device log": the
            # clause and its new coordinate read as one, notnov40)
            following = clauses[i + 1] if i + 1 < len(clauses) else ""
            if not following or _EXPOSE.search(following) or following.strip() in old \
                    or not re.match(r"\s*and\s+(?:the|their|your|its|all)\b", text[text.find(following) - 5:]):
                continue
            clause = clause + " and " + following
        if (_STAFF.search(clause) or _COMPANY.search(clause)) and _COMBINED.search(clause) is None \
                and _PUBLIC.search(clause) is None:
            if staff and _STAFF.search(clause):
                return clause.strip()
            continue     # (the company or its staff reading more: a limit lifted, not a new audience)
        if staff:
            continue
        if _COMBINED.search(clause) is None and _PUBLIC.search(text) is None and _AUDIENCE.search(text) is None:
            continue     # (no one named who sees it: a sentence about what is seen, not by whom)
        return clause.strip()
    return None


# The exposure waits on an act of the person's own ("After you tap 'Connect friends', linked games can see …"): the
# old "only after you tap" said again in front, no new audience (notnov40).
_ON_THE_PERSONS_ACT = LazyPattern(r"\b(?:after|once|if|as\s+soon\s+as|only\s+when)\s+you\s+(?!have\b)\w+",
                                  re.IGNORECASE)


def waits_on_the_person(text: str) -> bool:
    """`text` lets the exposure wait on an act of the person's."""
    return _ON_THE_PERSONS_ACT.search(text) is not None


def exposure_turned(old: str, new: str, staff: bool = False) -> str | None:
    """The clause of `new` that affirms an exposure where `old` kept the data from someone in more clauses than
    `new` does (a denial gone, not said again), and `new` asks no yes; or None. With `staff`, the clause that lets
    the company's own staff see what the old text kept from them (notnov40: a notice, never consent)."""
    if not may_expose(new) or _ASKED.search(new):
        return None
    kept_before = denials(old)
    if not kept_before or denials(new) >= kept_before:
        return None
    return _affirmed(new, old, staff)


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


# -- Data from elsewhere tied to the person's account (consnov40) ----------------------------------------------------
# The data of another service, or of the person's visits to other sites, combined with or associated with the
# person's account: "combine information from your Poe conversations with your Quora account information", "so
# that Microsoft can combine it with the data in your Microsoft account", "information about the web page you
# visited … associate it with your Reddit account"; or answers the old text kept apart from the account ("we don't
# link them to your account") now linked to it. Combining personal data across services, or with what the person
# did on other sites, is a processing the person does not expect and the law puts on a yes (CJEU C-252/21 Meta v
# Bundeskartellamt, para. 117-154: off-service data combined with the account needs consent; DMA Art. 5(2)); data
# given on a promise that it stays apart is a further use incompatible with it (GDPR Art. 5(1)(b), 6(4)). What the
# same service learnt about the person before they logged in ("we will combine this data with your Spotify account
# data") or demographic data bought from brokers names neither source and is a notice.
_LINK_VERB = r"(?i:combin\w*|associat\w*|link|links|linked|linking|merg\w*|ties|tied|tie|match\w*|connect\w*)"
_ACCOUNT_LINK = LazyPattern(
    rf"\b{_LINK_VERB}\s+(?:[\w'’-]+\s+){{0,10}}?(?i:with|to)\s+"
    r"(?:(?i:the)\s+(?i:data|information)\s+(?i:in|from|of)\s+)?(?i:your|their|the\s+user['’]s)\s+"
    r"(?:(?P<service>[A-Z][\w-]*)\s+)?(?i:accounts?|profiles?)\b")
# Another named service the data come from ("from your Poe conversations"), or a named party other than the
# company combining what it receives ("Microsoft can combine it").
_FROM_SERVICE = LazyPattern(r"\bfrom\s+(?:your\s+|the\s+)?(?P<other>[A-Z][\w-]*)\b")
_COMBINER = LazyPattern(rf"\b(?P<other>[A-Z][\w-]*)\s+(?:can|may|will|could|would|might)\s+(?:also\s+)?{_LINK_VERB}")
_NOT_A_SERVICE = frozenset({"We", "It", "They", "You", "This", "These", "That", "Those", "Our", "He", "She", "Your",
                            "If", "When", "The", "A", "An", "And", "Or", "Then", "Where"})
# The person's visits to other sites or apps.
_ELSEWHERE = LazyPattern(
    r"\b(?:web\s*pages?|web\s*sites?|sites?|pages|apps|services)\s+(?:that\s+)?(?:you|they|users|people)\s+"
    r"(?:have\s+|had\s+)?(?:visit|view|open|use|brows)\w*|\b(?:off-(?:site|platform|\w+)\s+activity|"
    r"(?:other|third[- ]party|partner)\s+(?:web\s*sites?|sites|apps|services|platforms)|browsing\s+history)\b",
    re.IGNORECASE)
_KEPT_APART = LazyPattern(r"\b(?:not|never|no|nor|neither)\b[^.;:]{0,30}?\b(?:link|combin|associat|connect|merg|tie)\w*"
                          r"|n['’]t\s+(?:\w+\s+){0,2}?(?:link|combin|associat|connect|merg|tie)\w*|\banonymous(?:ly)?\b",
                          re.IGNORECASE)
_LINK_ASKED = LazyPattern(r"\b(?:consent\w*|opt(?:s|ed)?[- ]?in|permission|if\s+you\s+(?:agree|allow|choose|decide|"
                          r"want|turn|switch|ask|connect|link)|you\s+can\s+(?:choose|decide)|when\s+you\s+(?:choose|"
                          r"decide|connect|link)|(?:sign|log)(?:s|ged)?[- ]?(?:in|on)\s+(?:to\s+\w+\s+)?"
                          r"(?:with|using|through))\b", re.IGNORECASE)
_LINK_DENIED = LazyPattern(r"\b(?:not|never|no|nor|neither|cannot)\b|n['’]t\b", re.IGNORECASE)


def may_combine(text: str) -> bool:
    """The cheap guard: a word of an account or profile and a verb of combining before it."""
    return ("ccount" in text or "rofile" in text) and _ACCOUNT_LINK.search(text) is not None


def _tied(text: str) -> tuple[str, str | None, str] | None:
    """The clause of `text` that ties data to the person's account, with no denial and no yes asked: its words,
    the account's service named ("Reddit"), and the text before the verb in the sentence."""
    for clause in _PART.split(text):
        match = _ACCOUNT_LINK.search(clause) if clause else None
        if match is None or _LINK_DENIED.search(clause) or _LINK_ASKED.search(text):
            continue
        return match.group(0), match.group("service"), clause
    return None


def _from_elsewhere(clause: str, service: str | None, own: frozenset[str] = frozenset()) -> bool:
    """Whether the data tied come from another named service or a party combining them, or the person's visits
    to other sites. A name of the policy's own (`own_names`: "Spotify" in Spotify's policy) is no other service."""
    for pattern in (_FROM_SERVICE, _COMBINER):
        for found in pattern.finditer(clause):
            other = found.group("other")
            if other in _NOT_A_SERVICE or other in own:
                continue
            if other != service:
                return True
            if pattern is _COMBINER:
                # (a party named as the one combining is not the writer: "Microsoft can combine it")
                return True
    return _ELSEWHERE.search(clause) is not None


# (fragile41) The policy's own names, so that "your Wren account" or "Spotify may combine it with your Spotify
# account" in the policy of Wren or Spotify is read as the writer's own: the capitalised words of the statement's
# title; a name defined as "we" or "us" ('Spotify AB ("Spotify", "we", "us")'); and the brand words the document
# uses most (a word capitalised in the middle of a sentence somewhere, in at least three sentences and in at least
# half as many as the most used such word).
_DEFINED_US = LazyPattern(r"(?P<before>(?:[\w&.,-]+\s+){0,5}?)\((?P<inside>[^()]{0,160}?[\"“'‘](?i:we|us)[\"”'’]"
                          r"[^()]{0,80})\)")
_CAPITALISED = LazyPattern(r"\b[A-Z][\w-]*[a-z][\w-]*\b|\b[A-Z]{2,}\b")
_SENTENCE_FIRST = LazyPattern(r"^\W*[\w-]+")
_BRAND_SENTENCES = 3


def own_names(title: str, sentences: list[str]) -> frozenset[str]:
    """The names the policy calls itself by (see above)."""
    names = set(_CAPITALISED.findall(title or ""))
    counts: dict[str, int] = {}
    mid: set[str] = set()
    for sentence in sentences:
        if "(" in sentence and ("we" in sentence or "us" in sentence):
            for found in _DEFINED_US.finditer(sentence):
                names.update(_CAPITALISED.findall(found.group("before") + " " + found.group("inside")))
        first = _SENTENCE_FIRST.search(sentence)
        inside = set(_CAPITALISED.findall(sentence[first.end():] if first else sentence))
        mid.update(inside)
        for word in inside | set(_CAPITALISED.findall(first.group(0) if first else "")):
            counts[word] = counts.get(word, 0) + 1
    # (a word capitalised only where it opens a sentence is no name: "Partners", "Cookies")
    counts = {w: n for w, n in counts.items() if w in mid}
    top = max(counts.values(), default=0)
    names.update(w for w, n in counts.items() if n >= _BRAND_SENTENCES and 2 * n >= top)
    return frozenset(names - _NOT_A_SERVICE)


def account_combined(before: list[str], gone: list[str], new: str, own: frozenset[str] = frozenset()) -> str | None:
    """The words of `new` that tie data from another service, from the person's visits elsewhere, or data the
    old text kept apart (`gone`: the paired old sentence or the old sentences gone from the section) to the
    person's account, where no sentence of `before` (the old section) tied such data already; or None. `own` are
    the policy's own names (`own_names`), never another service."""
    tied = _tied(new) if may_combine(new) else None
    if tied is None:
        return None
    words, service, clause = tied
    if not _from_elsewhere(clause, service, own):
        if not any(may_combine(t) or "account" in t.lower() for t in gone):
            return None
        if not any(_KEPT_APART.search(t) and "account" in t.lower() for t in gone):
            return None
    if any(may_combine(t) and _tied(t) is not None and _from_elsewhere(_tied(t)[2], _tied(t)[1], own)  # type: ignore[index]
           for t in before):
        return None
    return words
