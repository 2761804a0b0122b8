"""An end the policy forswore for the user's data, now served (consent33).

A policy that says what it will not do with the data sets the purposes the user can expect (GDPR Recital 50,
Art. 6(4)(b)): an end it denied is incompatible with the ones the data were collected for, and the ends the law
asks a yes for are exactly the ones policies deny: training AI models on what users write or upload, advertising,
marketing and the profiles behind them (ePrivacy Art. 13; CJEU C-252/21), messages to people who never agreed
(ePrivacy Art. 13), a decision on the person's claim or price drawn from data collected for something else. The
old sentence denied one of these ends; the new one, in its place, serves it:

- **turned**: the denial affirmed ("We do not use Cloud Content … to train machine-learning models" -> "We use Cloud
  Content and voice messages, but not Secret Chats, to train …"), or the end moved out of the denial into its
  exception ("We do not use such information to infer your interests, to select ads or for any purpose other
  than providing the Services" -> "… other than providing the Services to you and selecting ads");
- **narrowed**: the denial kept, the data it covered fewer ("We don't use your secret boards, your messages or
  your Lens photos to train them." -> "We don't use your messages to train them."), or a member moved from the
  denied side of the sentence to the affirmed one ("… on likes and passes, not on your photos or messages" ->
  "… on likes, passes and your photos, not on your messages").

The end is read by its family (the legal ground), not by the case's words; the data need not be special. Not
read: a new sentence that asks a yes the old did not, a denial reworded (a negation still over the end), an end
the old sentence affirmed already outside its denial.

The functions read plain text; the caller (`prose._Consent.forsworn_served`) pairs the sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .adends import AD_NOUNS, MARKETING
from .items import answered_no
from .text import LazyPattern

# The ends, by legal ground. Training models on the data; advertising, marketing and the profiles behind them;
# contacting people; deciding on the person's claim, cover or price.
_FAMILIES: dict[str, LazyPattern] = {
    "training": LazyPattern(
        r"\btrain(?:s|ed|ing)?\b|\blearns?\s+from\b|\bmachine[- ]learning\b|\bartificial[- ]intelligence\b|"
        r"\b(?:develop|improv|build|fine[- ]?tun)\w*\s+(?:\w+\s+){0,3}?"
        r"(?:AI|LLMs?|(?:language|AI|generative)\s+models?)\b",
        re.IGNORECASE),
    # (consent35: the nouns of advertising and of marketing are `adends`'s; what is this family's own is said there)
    "targeting": LazyPattern(
        rf"\b(?:{AD_NOUNS}|{MARKETING}|ad|advertisers?|"
        r"(?:user|individual|interest|advertising|marketing)\s+profiles?|"
        r"profiles?\s+of\s+(?:your|their)|infer\s+(?:your|their)\s+interests?)\b"
        r"|\boffers\b(?!\s+(?:you|to|a|an|the|its|our|this|these|more|several|many|various|\w+ing)\b)"
        r"|\b(?:tailor|personali[sz]e|pick|choose|select)\w*\s+(?:\w+\s+){0,3}?(?:offers?|ads?)\b",
        re.IGNORECASE),
    "contact": LazyPattern(
        r"\b(?:to|we|never|not|will|may|can|also|and|or|an?)\s+(?:contact|e-?mail|text|message|call|invite)(?:s|ed|ing)?"
        r"\s+(?!address|book|list)(?:\w+\s+){0,3}?(?:people|persons|non-?users|anyone|your\s+contacts|your\s+friends)\b",
        re.IGNORECASE),
    "decision": LazyPattern(
        r"\bdecid\w*\s+(?:\w+\s+){0,5}?(?:claims?|cover|premiums?|prices?|credit|loans?|eligib\w+|applications?)\b"
        # (paracons37: the decision said by another verb, "when assessing whether a claim is payable", "to determine
        # the premium", "in evaluating your application")
        r"|\b(?:determin|assess|evaluat|judg|settl)\w*\s+(?:whether\s+|if\s+|how\s+much\s+)?(?:\w+\s+){0,4}?"
        r"(?:claims?|cover|premiums?|prices?|credit|loans?|eligib\w+|applications?)\b",
        re.IGNORECASE),
}

# A negation over what follows it in its part.
_NEGATION = LazyPattern(r"\b(?:not|never|no|nor|neither|none|nothing|without|(?:kept|keeps?|stays?|left)\s+out\s+of|"
                        r"(?:leaves?|leaving|left)\s+(?:\w+\s+){1,5}?out\b|free\s+of|"
                        r"exclud\w*|stays?\s+out|hidden|off[\s-]+limits|ruled\s+out|out\s+of\s+the\s+question|"
                        r"blocked|refrain\w*|prohibit\w*|avoid\w*|disabled|off\s+by\s+default|(?:turned|switched)\s+off)\b"
                        r"|n['’]t\b", re.IGNORECASE)
# Where the clause of a negation begins: a denial reaches back over its subject ("Ads … are never based on …"), not
# over the clause before it ("Marketing preferences: … so that we do not contact you", "… * where Spotify does not
# provide a control"). What stands before a subordinate clause or a colon is affirmed; before a comma it may be the
# denial's own subject ("Automated decision-making, including profiling, … does not take place", "Your heart rate,
# sleep and cycle data are never used"), denied with it.
_CLAUSE_START = LazyPattern(r"[,:*(]\s*|\s+(?:where|when|if|because|so\s+that|as)\s+", re.IGNORECASE)
# A negation inside a relative clause or a fixed phrase denies nothing of the sentence's verb ("people who are not
# on Chirrup", "no later than", "not only", "whether or not"); "nothing … prevents us from" affirms.
_LOCAL_NEGATION = LazyPattern(
    r"\b(?:who|that|which|where)\s+(?:\w+\s+)?(?:are|is|were|was|do|does|did|have|has|can|could|will|would)\s*"
    r"(?:not\b|n['’]t\b)"
    r"|\bno\s+(?:later|longer|more)\s+than\b|\bnot\s+only\b|\bor\s+not\b|\bno\s+matter\b"
    r"|\bnothing\s+(?:\w+\s+){0,4}?(?:prevents?|limits?|restricts?|stops?|affects?)\b", re.IGNORECASE)
# A way out is a right, not a denial: kept as one word the served stretch's check still sees ("opt-out").
_OPT_OUT = LazyPattern(r"\bopt(?:s|ed|ing)?[- ]out\s+of\b", re.IGNORECASE)
# An exception of a denial: what follows it is affirmed.
_EXCEPTION = LazyPattern(r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|besides|save\s+for|unless)\b",
                         re.IGNORECASE)
# A denial put after a comma stands on its own ("… on likes and passes, not on your photos"): what comes before it
# is affirmed.
_CONTRAST = LazyPattern(r",\s*(?:but\s+|and\s+)?(?=(?:not|never)\b)", re.IGNORECASE)
_FRONTED = LazyPattern(r"\s*(?:even\s+)?(?:if|when|where|because|although|though|once|unless)\b", re.IGNORECASE)
# (the main clause after an opening clause begins at its subject: a pronoun, or a name, "…, Lenovo uses …")
_MAIN = LazyPattern(r",\s+(?=(?:we|you|they|it|our|this|these|such)\b|(?-i:[A-Z][a-z]+\s+(?!and\b|or\b)[a-z]+))",
                    re.IGNORECASE)
_KEPT_OUT = LazyPattern(r",\s*(?:but\s+)?((?:not|never)\s+[^,;.]{1,60}),", re.IGNORECASE)
_PARTS = LazyPattern(r";\s*|\s+(?:but|however|whereas|while|although)\s+|(?<=[a-z]{4}[.!?])\s+(?=[A-Z])"
                     r"|,?\s+and\s+(?=(?:we|it|they|our|you)\b)", re.IGNORECASE)
_LISTED = LazyPattern(r"\s(?:or|and|nor)\s", re.IGNORECASE)
_JOINTS = LazyPattern(r",\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|and|nor)\s+", re.IGNORECASE)
# A verb that puts the data to a use: a denial of showing ads ("We do not show third-party advertising") is no
# promise about the data.
_USE = LazyPattern(r"\b(?:us(?:e|es|ed|ing)|process\w*|shar(?:e|es|ed|ing)|sell\w*|sold|pass\w*|disclos\w*|"
                   r"combin\w*|analy[sz]\w*|scan\w*|read\w*|train\w*|learns?|creat\w*|build\w*|receiv\w*|obtain\w*|"
                   r"rel(?:y|ies|ied)|draw\w*|infer\w*|guess\w*|profil\w+|contact\w*|decid\w*|licen[sc]\w*)\b",
                   re.IGNORECASE)
# A limit over the new words keeps the end bounded ("You will only receive Tailored Ads once you have reached …"),
# and a way out of it is a right, not a use ("You can also opt out of sharing and targeted advertising").
_ONLY = LazyPattern(r"\bonly\b|\bopt(?:s|ed|ing)?[- ]?out\b|\bright\s+to\b|\bobject\b|\boptional\b|\bpreferences?\b|"
                    r"\bcontrol\b|\bchoices?\b", re.IGNORECASE)
# A denial until a condition is met ("You will not receive Tailored Ads unless you have reached the appropriate age")
# allows the end once it is: told again under a condition ("When you reach the appropriate age, you will start to
# receive tailored advertising"), it is the same promise.
_UNTIL = LazyPattern(r"\b(?:unless|until)\b", re.IGNORECASE)
_CONDITION = LazyPattern(r"\b(?:when|once|if|after|as\s+soon\s+as|until|unless)\b", re.IGNORECASE)
# What still waits on the user's yes.
_ASKED = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?(?:in|out)|permission|(?:if|once|until|when)\s+you\s+(?:agree|allow|choose|"
    r"turn|switch|let|say\s+yes|accept|opt)\w*|only\s+(?:if|when|once|after)\s+you|unless\s+you|"
    r"you\s+can\s+(?:turn|switch|opt|stop|choose))\b",
    re.IGNORECASE)
# Another actor as the subject of a served stretch, and the controller's words after it.
_ACTOR = LazyPattern(r"\s*(?:(?:and|but|also|then)\s+)?(?:(?:our|the|these|those|such|some|other|certain|"
                     r"third[- ]party|advertising|marketing|ad)\s+)*(?:advertisers?|partners?|third[- ]part(?:y|ies)|"
                     r"vendors?|networks?|brands?|companies|others|they)\b", re.IGNORECASE)
_FIRST_PERSON = LazyPattern(r"\b(?:we|us|our|ours)\b", re.IGNORECASE)
# Where the object of a verb of use ends: the end it is put to, or whom it goes to.
_PURPOSE = LazyPattern(r"\b(?:for|to|in\s+order\s+to|so|as|when|if|with|by|in|on|about)\b", re.IGNORECASE)
_PASSIVE = LazyPattern(r"\b(?:is|are|was|were|be|been|being|get|gets)\b", re.IGNORECASE)
# Another's end: "their (own)" or "for them" just before the end's words.
_OWNER = LazyPattern(r"\b(?:their(?:\s+own)?|for\s+them)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
# A sentence that points back to the one before it and extends what it says.
_SAME = LazyPattern(r"\b(?:the\s+same\s+(?:is\s+true|holds|applies|goes)|likewise|similarly|equally)\b", re.IGNORECASE)
# Words of a denied side that name no data: frame, function and the ends' own words.
_WORD = LazyPattern(r"[A-Za-z][A-Za-z'’-]+")
# An end a denied stretch names of its own (not one pointing back: "for that", "to do so").
_OWN_END = LazyPattern(r"\b(?:to|for)\s+(?!(?:that|this|it|them|those|these|such|the\s+same|do\s+so|any|us|you)\b)"
                       r"(?!(?:the|a|an|your|our|their)\s)\w+", re.IGNORECASE)
_LIGHT = frozenset({"a", "an", "the", "and", "or", "nor", "not", "no", "never", "neither", "none", "without", "we",
                    "us", "our", "you", "your", "they", "them", "their", "it", "its", "this", "that", "these",
                    "those", "do", "does", "did", "don't", "doesn't", "didn't", "will", "would", "won't", "can",
                    "cannot", "can't", "may", "might", "shall", "should", "to", "for", "of", "on", "in", "at", "by",
                    "with", "from", "as", "any", "all", "other", "such", "is", "are", "was", "were", "be", "been",
                    "being", "have", "has", "had", "use", "used", "uses", "using", "who", "which", "what", "when",
                    "where", "how", "also", "only", "either", "ever"})


def may_serve(text: str) -> bool:
    """The cheap guard of a new sentence: the word of an end in it."""
    return any(p.search(text) for p in _FAMILIES.values())


def may_forswear(text: str) -> bool:
    """The cheap guard: a negation and the word of an end in the sentence."""
    return _NEGATION.search(text) is not None and any(p.search(text) for p in _FAMILIES.values())


def _scopes(text: str) -> tuple[list[str], list[str]]:
    """The affirmed and the denied stretches of a sentence."""
    if answered_no(text):
        return [], [text]     # a practice named as a label and answered "No", "Neither": all of it denied
    affirmed: list[str] = []
    denied: list[str] = []
    text = _OPT_OUT.sub("opt-out-of", _LOCAL_NEGATION.sub(" ", text))
    # (a list after a colon, its items parted by semicolons, is one clause: "we do not use: your messages; your
    # photos; your contacts")
    colon = text.find(":")
    if colon >= 0 and ";" in text[colon:]:
        text = text[:colon + 1] + text[colon + 1:].replace(";", ",")
    # (a member kept out between commas, "We use A and B, but not C, to train …": the rest is one affirmed clause)
    denied.extend(m.group(1) for m in _KEPT_OUT.finditer(text))
    text = _KEPT_OUT.sub(",", text)
    last: str | None = None
    for part in _PARTS.split(text):
        if not part or not part.strip() or part.rstrip().endswith("?"):
            continue     # (a question affirms nothing: "Third-party advertisers? We do not share …")
        for piece in _CONTRAST.split(part):
            negation = _NEGATION.search(piece)
            if negation is None and denied and denied[-1] is last and _SAME.search(piece) \
                    and not any(p.search(piece) for p in _FAMILIES.values()):
                # (a part that points back to the denial before it, naming no end of its own, extends it: "…
                # never used for advertising. The same is true of podcast comments.")
                denied.append(piece)
                last = piece
                continue
            if negation is None:
                affirmed.append(piece)
                last = None
                continue
            fronted = _FRONTED.match(piece)
            main = _MAIN.search(piece, negation.end()) if fronted else None
            if main is not None:
                # (a denial in an opening clause ends where the main clause begins: "If you do not add your phone
                # number, employer or school, we still use …")
                denied.append(piece[:main.start()])
                affirmed.append(piece[main.end():])
                last = None
                continue
            begins = [m for m in _CLAUSE_START.finditer(piece[:negation.start()]) if m.group(0).strip() != ","]
            start = begins[-1].end() if begins else 0
            if begins:
                affirmed.append(piece[:begins[-1].start()])     # (a clause of its own before the denial's)
            exception = _EXCEPTION.search(piece, negation.end())
            if exception is None:
                denied.append(piece[start:])
                last = denied[-1]
            else:
                denied.append(piece[start:exception.start()])
                affirmed.append(piece[exception.end():])
                last = None
    return affirmed, denied


def _families(stretches: list[str]) -> set[str]:
    return {name for name, pattern in _FAMILIES.items() if any(pattern.search(s) for s in stretches)}


def _data_words(stretch: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _WORD.findall(stretch) if w.lower() not in _LIGHT}


def _datum(stretch: str) -> set[str]:
    """The data a stretch puts to use or denies: the object of its verb of use, up to the end it is put to ("use
    the content of your messages to select ads"), or the subject before a passive ("Your messages are never
    used …"); the whole stretch where no verb of use stands. A pronoun names none ("We do not use them for …")."""
    verb = _USE.search(stretch)
    if verb is not None:
        after = stretch[verb.end():]
        cut = _PURPOSE.search(after)
        named = _data_words(after[:cut.start()] if cut else after)
        stretch = stretch[:verb.start()] if not named and _PASSIVE.search(stretch, 0, verb.start()) else \
            (after[:cut.start()] if cut else after)
    for pattern in _FAMILIES.values():
        stretch = pattern.sub(" ", stretch)
    return _data_words(_NEGATION.sub(" ", stretch))


def _denials(family: str, elsewhere: Iterable[str], nearby: Iterable[str]) -> list[str]:
    """The denied stretches of other sentences that still deny: those of the end's family anywhere in the text,
    and any in the sentence after the new one (a denial split in two: "Nor do we use your photos for that.")."""
    pattern = _FAMILIES[family]
    far = [s for text in elsewhere if _NEGATION.search(text) and pattern.search(text) for s in _scopes(text)[1]
           if pattern.search(s)]
    # (paracons37: a denial after it with an end of its own, "We do not use Sensor Data to infer anything about
    # …", is another promise, not this one split off)
    near = [s for text in nearby if _NEGATION.search(text) for s in _scopes(text)[1]
            if pattern.search(s) or not _OWN_END.search(s)]
    # (a sentence after the denial that names no end of its own and points back to it extends it: "The same is
    # true of podcast comments.")
    return far + near + [text for text in nearby if not _NEGATION.search(text) and _SAME.search(text)
                         and not any(p.search(text) for p in _FAMILIES.values())]


def _other_actor(stretch: str) -> bool:
    """Whether the served stretch tells what another actor does with its own means ("Advertisers may use their
    own data to show you ads", "Our partners may send you marketing if you sign up with them"): a subject that
    is a third party, and no word of the controller after it."""
    subject = _ACTOR.match(stretch)
    return subject is not None and _FIRST_PERSON.search(stretch, subject.end()) is None


def _actor(stretch: str) -> set[str]:
    """The words of the subject of an active denial, the one who denies ("Spotify never uses …"); none in the
    passive, whose subject is the data ("Your playlists are never used …")."""
    negation = _NEGATION.search(stretch)
    verb = _USE.search(stretch, negation.end()) if negation else None
    if negation is None or verb is None or _PASSIVE.search(stretch[negation.end():verb.start()]):
        return set()
    return _data_words(stretch[:negation.start()])


def _theirs(stretch: str, pattern: LazyPattern) -> bool:
    """Whether every naming of the end in the stretch is another's: "their own marketing", "for them to advertise"."""
    return all(_OWNER.search(stretch[max(m.start() - 40, 0):m.start()]) for m in pattern.finditer(stretch))


def forsworn_served(old: str, new: str, elsewhere: Iterable[str] = (),
                    nearby: Iterable[str] = ()) -> tuple[str, str, str] | None:
    """(the end's family, the form "turned" or "narrowed", the words of `new` that serve it or the data the denial
    no longer covers) where `new` serves an end `old` denied, or None. `elsewhere`: the other sentences of the new
    text, where a denial the pair lost may stand still (moved), `nearby` the one after `new` (split off); both
    are read only once a form is found."""
    if not may_forswear(old) or (_ASKED.search(new) and not _ASKED.search(old)):
        return None
    old_affirmed, old_denied = _scopes(old)
    new_affirmed, new_denied = _scopes(new)
    denied, affirmed = _families(old_denied), _families(old_affirmed)
    # Turned: an end the old sentence denied and nowhere affirmed, affirmed now.
    for family in sorted(denied - affirmed):
        pattern = _FAMILIES[family]
        if _USE.search(old) is None:
            continue
        served = next((s for s in new_affirmed if pattern.search(s) and not _ONLY.search(s)), None)
        if served is not None and _UNTIL.search(old) and _CONDITION.search(new):
            continue
        if served is None or _other_actor(served.strip()):
            continue
        # (an end the denial gave to others, "… to third parties to use for their own marketing purposes", is not
        # the controller's own end: "It is in our legitimate interests to provide advertising" serves another)
        if all(_theirs(s, pattern) for s in old_denied if pattern.search(s)) and not _theirs(served, pattern):
            continue
        # (the end served for other data while the old denial's data stay denied, in this sentence or another:
        # "We do not use the content of your messages to select ads" -> "We use the pages you follow to select
        # ads; we do not use the content of your messages" denies the same datum still)
        was = set().union(*(_datum(s) for s in old_denied if pattern.search(s)))
        if was and not (_datum(served) & was) and any(
                _datum(s) & was for s in new_denied + _denials(family, elsewhere, nearby)):
            continue
        return family, "turned", served.strip()[:90]
    # Narrowed: the end named on both sides of both sentences, or denied in both; the denied side lost data and
    # gained none.
    for family in sorted((denied | affirmed) & _families(new_affirmed + new_denied)):
        if not (new_denied and old_denied):
            continue
        if family not in denied and family not in _families(new_denied) and family not in _families(new_affirmed):
            continue
        for stretch in new_denied:
            now = _data_words(stretch)
            source = max(old_denied, key=lambda s: len(_data_words(s) & now))
            was = _data_words(source)
            lost, gained = was - now, now - was
            # (members of the denial's list gone: fewer members, joined by "or", "and", "nor" or by commas in a
            # list of three or more; a clause after a comma is no member)
            members = _JOINTS.split(source)
            listed = len(members) >= 3 or _LISTED.search(source) is not None
            if not (now and lost and not gained and listed and len(_JOINTS.split(stretch)) < len(members)):
                continue
            # (a member still denied in another part of the sentence or in another sentence is not lost: "…;
            # neither are your photos", "Nor do we use your photos for that.", the denial moved to another section)
            # (only the data the denial covered are lost, not its actor: "Spotify never uses A or B for ads" -> "A is
            # never used for ads" loses no datum by its subject)
            lost -= _actor(source)
            others = [s for s in new_denied if s is not stretch]
            lost -= set().union(set(), *map(_data_words, others))
            if lost:
                lost -= set().union(set(), *map(_data_words, _denials(family, elsewhere, nearby)))
            if not lost:
                continue
            moved = lost & set().union(*map(_data_words, new_affirmed)) if new_affirmed else set()
            if family in denied or moved:
                return family, "narrowed", ", ".join(sorted(moved or lost))[:90]
    return None
