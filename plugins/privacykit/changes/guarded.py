"""Data the law guards specially, recognised by kind (consent34).

An end of advertising, marketing or profiling added to data of these kinds is a purpose the user never agreed to
and one the law keeps apart from the end the data were given for (GDPR Art. 6(4)(c), 9; ePrivacy Art. 5(1), 5(3),
9; COPPA; CPRA's sensitive personal information):

- **special**: health and the body (wellness, fitness, heart rate, sleep, cycle, symptoms, medication), beliefs,
  sexual life, ethnic origin, union membership, biometrics; and what reveals them: dietary needs (health or
  religion), accessibility needs (disability);
- **children**: a child's, a minor's, a pupil's, a teenager's data;
- **location**: a precise position (GPS, geolocation, the places where the user or the device is);
- **communications**: the content of private messages (messages, chats, direct messages, whispers, voice notes
  the user sends or receives);
- **given for a narrower end**: identity verification (an ID document, verification data, a selfie to check an
  ID) and a job application (a candidacy, a CV): data handed over for one check, not for a profile.

Each kind is a word of the data, never of an end: "location-based ads" names no datum ("based" binds it to the
ad), and "children's privacy" names no data either; the patterns ask for a word of a datum or of the person.
The caller (`prose._Consent.targeting_added`) reads the sentence, its old form, and where the sentence names its
data by a pronoun or a demonstrative, its list item's label and the two sentences of its block before it.
"""

from __future__ import annotations

import re

from .adends import AD_NOUNS, MARKETING, PROMOTE
from .text import LazyPattern

_KINDS: dict[str, LazyPattern] = {
    "special": LazyPattern(
        r"(?<!system\s)(?<!battery\s)(?<!device\s)(?<!account\s)(?<!network\s)\b"
        r"(?:health(?!\s+of\s+(?:the|your|their|its)\s+(?:PCs?|devices?|batter\w+|systems?|accounts?|networks?))\w*|"
        r"medical|wellness|fitness|heart[- ]rate|sleep\s+(?:data|patterns?|records?|scores?)|"
        r"menstrua\w*|fertility|pregnan\w*|(?:cycle|period)\s+(?:data|tracking|logs?)|symptoms?|medications?|"
        # (consmatrix42) what the law's "data concerning health" names in a patient's or a wearer's words (Recital
        # 35: medicines taken, clinical records; readings of the body; the state of the mind)
        r"medicines?|prescriptions?|pharmacy\s+records?|clinical\s+(?:records?|photos?|notes?|images?|data|"
        r"information)|(?:heart|cycle|period)(?:\s+(?:and|or)\s+(?:heart|cycle|period|sleep))?\s+(?:data|readings?|"
        r"history|measurements?)|psycholog\w+\s+(?:wellbeing|well-being|state|health|condition)|mental\s+state|"
        r"diagnos\w*|religio\w*|politic\w+\s+(?:views?|opinions?|affiliations?)|sexual\w*(?!\s+(?:abuse|exploitation))|sex\s+life|"
        r"ethnic\w*|racial|disabilit\w*|biometric\w*|genetic|trade[- ]union|union\s+membership|"
        r"(?:dietary|accessibility)\s+(?:needs?|requirements?|restrictions?|preferences?)|allerg\w+|"
        r"special[- ]categor\w*)\b", re.IGNORECASE),
    "children": LazyPattern(
        r"\b(?:child(?:ren)?['’]?s?|kids?['’]?s?|minors['’]?|minor['’]s|pupils?['’]?s?|teen(?:ager)?s?['’]?s?|"
        r"(?:users|people)\s+under\s+1[3-8])\b(?!\s+(?:privacy|protection|safety|sexual|abuse|exploitation)\b)",
        re.IGNORECASE),
    "location": LazyPattern(
        r"\b(?:precise|exact|GPS|live|real[- ]time)\s+(?:geo)?locations?\b|\bgeolocation\b|\bGPS\b|"
        r"\blocation\s+(?:history|data|of\s+(?:your|their)\s+devices?)\b|"
        r"\b(?:places?|where)\s+(?:where\s+)?(?:you|your\s+(?:\w+\s+)?(?:devices?|phones?|family|children|kids))\s+"
        r"(?:are|is|go|visit)\b|\bwhereabouts\b", re.IGNORECASE),
    "communications": LazyPattern(
        r"\b(?:your|their|private|personal)\s+(?:(?!marketing|promotional|service|push|transactional|our)[\w-]+\s+)?"
        r"(?:messages|chats|conversations|whispers|DMs|"
        r"voice\s+notes|emails|calls)\b(?!\s+(?:and\s+[\w\s]{0,20})?with\s+(?:us|our|the\s+support))|\bwhispers\b|\bdirect\s+messages\b|"
        r"\b(?:messages|chats|whispers|emails|calls)\s+(?:that\s+)?(?:you|they|members|users)\s+(?:send|receive|"
        r"exchange|write|make)\b|\b(?:read|scan|listen\s+to)\s+(?:the\s+content\s+of\s+)?your\s+(?:messages|"
        r"chats|whispers|conversations|emails|calls)\b", re.IGNORECASE),
    "narrower": LazyPattern(
        r"\b(?:verification\s+(?:data|information|details|documents?|selfies?)|"
        r"government[- ](?:issued\s+)?IDs?|"
        r"ID\s+(?:documents?|cards?|scans?)|passports?|candidacy|job\s+applica\w+|applicants?['’]?|"
        r"recruit(?:ment|ing)\s+(?:data|information|process))\b", re.IGNORECASE),
}
# The sentence names its data by a pronoun or a demonstrative: what it is stands before it.
_POINTER = LazyPattern(r"\b(?:this|these|those|such|that)\s+(?:[\w-]+\s+){0,2}?(?:information|data|details|"
                       r"records?|readings?|content)\b|\b(?:in|from|of|scan|read|use|analy[sz]e|process)\s+"
                       r"(?:them|it)\b", re.IGNORECASE)


# The kind's word names what is offered, not the data ("offers on health insurance", "ads for fitness trackers").
_OFFERED = LazyPattern(r"\b(?:offers?|deals?|ads?|adverts?|advertising|promotions?|products?|services?|insurance|"
                       r"plans?|courses?|discounts?|recipes?|guides?)\s+(?:\w+\s+)?(?:on|for|about|in|from|of)\s+"
                       r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def guarded_kind(text: str) -> str | None:
    """The kind of guarded data `text` names ("special", "children", "location", "communications", "narrower"),
    or None. A kind's word that names what is offered is none."""
    for kind, pattern in _KINDS.items():
        for m in pattern.finditer(text):
            if _OFFERED.search(text, max(0, m.start() - 60), m.start()) is None:
                return kind
    return None


def points_back(text: str) -> bool:
    """The sentence names its data by a pronoun or a demonstrative ("this information", "scan them")."""
    return _POINTER.search(text) is not None


# An end of advertising, marketing or offers, and a denial or a yes over it (targeted.py's and turned.py's words).
# (consent35) The nouns of advertising and of marketing are `adends`'s; what is this reading's own is said there.
_END = LazyPattern(
    rf"\b(?:{AD_NOUNS}|{MARKETING}|{PROMOTE}|offers|"
    r"target\s+(?:ads|adverts|advertising|you|them|users|people|members))\b",
    re.IGNORECASE)
_DENIAL = LazyPattern(
    r"\b(?:not|never|no|neither|nor|without|none|only)\b|n['’]t\b|\b(?:out\s+of|apart\s+from|free\s+of|"
    r"exclud\w*|opt(?:s|ed|ing)?[- ]?out|consent\w*|permission|unless|you\s+(?:can\s+|may\s+)?choose|choices?|"
    r"opt[- ]?in)\b",
    re.IGNORECASE)


def ad_end(text: str) -> bool:
    """An end of ads, offers or marketing named in the text."""
    return _END.search(text) is not None


def _kinds(text: str) -> dict[str, str]:
    """Each guarded kind `text` names, with the words that name it."""
    found: dict[str, str] = {}
    for kind, pattern in _KINDS.items():
        for m in pattern.finditer(text):
            if _OFFERED.search(text, max(0, m.start() - 60), m.start()) is None:
                found.setdefault(kind, m.group(0))
    return found


def guarded_joined(old: str, new: str, ends: str) -> str | None:
    """The guarded data `new` names and `old` did not (a kind `old` named none of: a datum reworded is none),
    where the sentence or `ends` (its section's title and the sentences that lead its list) tell an end of ads,
    offers or marketing, and neither the sentence nor its lead denies, limits or asks a yes ("search history,
    feed, content you read" -> "…, messages you send or receive", in the list led by "We target ads … using the
    following data"), or None."""
    if _DENIAL.search(new) or not (_END.search(new) or _END.search(ends)) or _DENIAL.search(ends):
        return None
    had, now = _kinds(old), _kinds(new)
    added = sorted(words for kind, words in now.items() if kind not in had)
    return ", ".join(added) if added else None


def guarded_targeted(text: str) -> str | None:
    """The end of ads, offers or marketing an added sentence puts guarded data to, with no denial, limit or yes in
    it ("Partner publishers: they learn which topics a pupil finds hard, and email the parent matching revision
    guide offers"), or None."""
    end = _END.search(text)
    if end is None or _DENIAL.search(text) or guarded_kind(text) is None:
        return None
    return text[max(0, end.start() - 60):end.end() + 30].strip(" ,")


# The data handed over for a check, named by its end: the sentence before an "also" of offers.
_CHECKED = LazyPattern(r"\b(?:for\s+(?:identity\s+|account\s+)?verification(?:\s+purposes)?|to\s+verify\s+your\s+"
                       r"(?:identity|account|phone(?:\s+number)?|age))\b", re.IGNORECASE)
# A denial anywhere in the sentence: its end of targeting may be what it denies ("Targeting never draws on …").
_NEGATION = LazyPattern(r"\b(?:not|never|no|none|nor|neither)\b|n['’]t\b", re.IGNORECASE)
_ALSO = LazyPattern(r"\b(?:also|as\s+well|too)\b", re.IGNORECASE)


def also_targeted(text: str) -> str | None:
    """An added sentence that tells an end of ads, offers or marketing as a further use ("also") of what the
    sentence before it told ("… we may send you a SMS message for verification purposes. If you provide a phone
    number, we may also send you SMS messages about new features, promotions, and offers."), with no denial, limit
    or yes: its end's words, or None. The caller asks the sentence before for the guarded kind."""
    end = _END.search(text)
    if end is None or _ALSO.search(text) is None or _DENIAL.search(text):
        return None
    return text[max(0, end.start() - 60):end.end() + 30].strip(" ,")


def checked_before(text: str) -> bool:
    """The sentence before an "also" of offers names guarded data, or data handed over for a check."""
    return guarded_kind(text) is not None or _CHECKED.search(text) is not None


def denies(text: str) -> bool:
    """A negation anywhere in the sentence."""
    return _NEGATION.search(text) is not None


# (guard35) What `prose._Consent._guarded_around` reads as guarded data bound to a sentence's new end of targeting:
# a kind's word that names the data, not a coarse region or an audience, and an end told as an end, not an example
# of what the data are about.
# A position no finer than a region: qualified as approximate or general, derived from an IP address, or explained
# as a country, a city or a region ("approximate location data, such as your country"; "where you are, like your
# country or city").
_COARSE_BEFORE = LazyPattern(r"\b(?:approximate|general|coarse|rough|imprecise|non-precise|IP[- ]based|IP|"
                             r"(?:country|city|region)[- ]level)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_COARSE_AFTER = LazyPattern(r"^[^.;]{0,30}?\b(?:such\s+as|like|e\.g\.|i\.e\.|namely|for\s+example|as\s+inferred|"
                            r"derived|inferred|based\s+on)\s+(?:from\s+)?(?:your\s+|the\s+|a\s+)?(?:country|city|"
                            r"region|state|province|area|time\s*zone|post(?:al)?\s*code|zip|IP\s+address)\b",
                            re.IGNORECASE)
# A child's word that names the audience of a service or a product's name, not whose data it is ("the Kids app for
# children", "content suitable for kids").
_AUDIENCE = LazyPattern(r"\b(?:for|to|towards?|at|among|with)\s+(?:young\s+|younger\s+|older\s+)?$", re.IGNORECASE)

# The service itself at the other end of a message.
_WITH_US = LazyPattern(r"^[^.;,]{0,25}?\b(?:from|to|with|by)\s+(?:us|our\s+(?:team|staff|company|newsletters?))\b",
                       re.IGNORECASE)


def _bound(text: str, kind: str, m: re.Match[str]) -> bool:
    """The kind's word `m` names data: not a coarse region (location), not an audience or a name (children), not a
    message the service itself sends or is sent (communications)."""
    if kind == "location":
        return _COARSE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None \
            and _COARSE_AFTER.search(text[m.end():m.end() + 90]) is None
    if kind == "communications":
        # (the messages the service itself sends or is sent: "the emails you receive from us", "your messages from
        # our team" are no private communications between users)
        return _WITH_US.search(text[m.end():m.end() + 60]) is None
    if kind == "children":
        if _AUDIENCE.search(text, max(0, m.start() - 30), m.start()) is not None:
            return False
        # (a capitalised word inside the sentence is a name: "Spotify Kids", "the Kids app")
        return not (m.group(0)[:1].isupper() and m.start() > 0 and text[:m.start()].strip()[-1:] not in ".:;!?-*(")
    return True


def bound_kind(text: str) -> str | None:
    """`guarded_kind`, each kind's word naming the data it guards: a position finer than a region, a child whose data
    it is (guard35)."""
    for kind, pattern in _KINDS.items():
        for m in pattern.finditer(text):
            if _OFFERED.search(text, max(0, m.start() - 60), m.start()) is None and _bound(text, kind, m):
                return kind
    return None


# The marker that governs an end of targeting: an end told ("to shape the offers", "for ad personalisation", "so
# that … can let your family know about deals", "topics that help us pick your ads") or an example of what the data
# are about ("messages …, such as questions about an item or an offer").
_PURPOSE = LazyPattern(r"\b(?:to\s+(?!(?:the|a|an|our|us|you|them|your|other|their|its|it|him|her|me|which|whom)\b)"
                       r"\w+|for(?!\s+(?:example|instance)\b)|so(?:\s+that)?\s+(?:we|they|it|you|\w+\s+can)|"
                       r"in\s+order\s+to|help\w*)\b", re.IGNORECASE)
_EXAMPLE = LazyPattern(r"\b(?:such\s+as|like|including|for\s+(?:example|instance)|e\.g\.|i\.e\.|namely)\b",
                       re.IGNORECASE)
_TOLD_WORD = LazyPattern(r"[a-z]+", re.IGNORECASE)
# An example's phrase ends at a comma, a semicolon, a dash or a bracket closed.
_CLAUSE_END = LazyPattern(r"[,;)]|\s[-–—]\s")


def end_told(old: str, new: str) -> bool:
    """An end of targeting the new sentence adds (its word not in the old one) is told as an end: the nearest marker
    before it is one of purpose, and it stands outside an example's phrase (guard35)."""
    from .targeted import _END as _TARGET_END

    had = {w.lower() for w in _TOLD_WORD.findall(old)}
    for m in _TARGET_END.finditer(new):
        if _TOLD_WORD.findall(m.group(0).lower())[0] in had:
            continue
        before = new[:m.start()]
        example = max((e.end() for e in _EXAMPLE.finditer(before)), default=0)
        if example and not _CLAUSE_END.search(before[example:]):
            continue     # (inside the example: "such as a request for a late check-out or a promotion code")
        if _PURPOSE.search(before[example:]):
            return True
    return False


# (consgen41) The data the general consent test guards: `bound_kind`'s special categories (Art. 9), a child's data
# (Art. 8, COPPA), precise positions and the content of private communications (ePrivacy Art. 5(1)), and, of CPRA's
# sensitive personal information and ePrivacy Art. 5(3), what the kinds above do not name: a government id, the
# log-ins of an account, a financial account's numbers, and what is kept on the person's own device (the contacts,
# photos or files on the phone). Data handed over for a check or a job application alone ("narrower") are not kept
# apart by the law itself, only by the end they were given for.
_LAW_ONLY = LazyPattern(
    r"\b(?:social\s+security\s+numbers?|driver['’]?s?\s+licen[cs]es?|passports?|national\s+(?:ID|identity)\s+"
    r"(?:numbers?|cards?)|government[- ](?:issued\s+)?(?:IDs?|identification)|ID\s+(?:documents?|cards?|scans?)|"
    r"(?:bank|financial)\s+account\s+(?:numbers?|details|information)|"
    r"(?:contacts|photos|pictures|files|address\s+book|contact\s+list|text\s+messages)\s+(?:(?:stored|saved|kept)\s+)?"
    r"(?:on|in)\s+your\s+(?:phone|device|computer|PC|laptop|tablet)s?|"
    # (biometrics for identification, and a child told by an age bound, that `bound_kind`'s words leave out)
    r"fingerprints?|face\s*(?:prints?|scans?|geometry|templates?)|voice\s*prints?|iris\s+scans?|facial\s+recognition|"
    r"(?:students|pupils|members|anyone|individuals|persons|people|users|children|those)\s+(?:aged\s+)?under\s+"
    r"(?:the\s+age\s+of\s+)?1[0-8])\b", re.IGNORECASE)

_BIOMETRIC = LazyPattern(r"fingerprints?|face|voice\s*prints?|iris|facial", re.IGNORECASE)
_AGE_BOUND = LazyPattern(r"\bunder\b", re.IGNORECASE)

# (consgen41) A word of a kind that names no guarded data: a technical check ("the device diagnosis", "a diagnosis
# points to a network fault"), or whether a message was read, not what it says ("when you have read their messages").
_TECHNICAL = LazyPattern(r"\b(?:devices?|hardware|software|network\w*|faults?|errors?|troubleshoot\w*|batter\w+|"
                         r"systems?|crash\w*)\b", re.IGNORECASE)
_READ_RECEIPT = LazyPattern(r"\b(?:when|whether|that|if)\s+(?:you|they)\s+(?:have\s+)?(?:read|opened|seen|"
                            r"received)\s+$", re.IGNORECASE)


def _names_data(text: str, kind: str, m: re.Match[str], skip: tuple[int, int] | None) -> bool:
    """The kind's word `m` names guarded data: `bound_kind`'s tests, and not a name (a capital inside the sentence:
    "Vitalis Health Group"), not the words of the recipient or the end found (`skip`), not a technical check, not
    whether a message was read."""
    if _OFFERED.search(text, max(0, m.start() - 60), m.start()) is not None or not _bound(text, kind, m):
        return False
    if skip is not None and m.start() < skip[1] and skip[0] < m.end():
        return False
    if m.group(0)[:1].isupper() and m.start() > 0 and text[:m.start()].strip()[-1:] not in ".:;!?-*(":
        return False
    if kind == "special" and m.group(0).lower().startswith("diagnos") and _TECHNICAL.search(text):
        return False
    return not (kind == "communications" and _READ_RECEIPT.search(text, max(0, m.start() - 40), m.start()))


def law_guarded(text: str, skip: tuple[int, int] | None = None,
                kinds: frozenset[str] | None = None) -> str | None:
    """The kind of data the law guards specially that `text` names ("special", "children", "location",
    "communications", "sensitive"), outside the span `skip`, or None (consgen41); with `kinds`, only a kind of
    those (a fingerprint or face scan counts as "special", people told by an age bound as "children")."""
    for kind, pattern in _KINDS.items():
        if kind == "narrower" or (kinds is not None and kind not in kinds):
            continue
        for m in pattern.finditer(text):
            if _names_data(text, kind, m, skip):
                return kind
    for m in _LAW_ONLY.finditer(text):
        if skip is None or not (m.start() < skip[1] and skip[0] < m.end()):
            kind = "special" if _BIOMETRIC.match(m.group(0)) else \
                "children" if _AGE_BOUND.search(m.group(0)) else "sensitive"
            if kinds is None or kind in kinds:
                return kind
    return None
