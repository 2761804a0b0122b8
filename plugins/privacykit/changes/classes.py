"""Legal classes of the data a sentence names: properties the law attaches consent to, not kinds.

The lexicon (`data/terms.txt`) says what kind of data a phrase names ("messages" are user content,
"camera" a sensor). Whether a change of practice needs consent turns on other properties of the
same data, which cut across those kinds:

- **device**: the data are read from the user's terminal equipment (ePrivacy Directive Art. 5(3):
  storing or gaining access to information stored in it needs consent unless strictly necessary
  for the service the user asked for): files, photos, contacts, the apps on it, what its camera,
  microphone and sensors pick up, a photo's metadata;
- **kept**: of those, what the user keeps there, theirs or other people's (files, photos, the
  address book, the call log, what the camera or microphone records), unlike facts about the device
  itself (the apps installed, its motion sensors);
- **comms**: the content of communications (ePrivacy Art. 5(1); CPRA 1798.140(ae)(1)(E): "the
  contents of a consumer's mail, email, and text messages");
- **precise**: precise geolocation (CPRA 1798.140(w): within a radius of 1,850 feet; GPS, geotags);
- **sensitive**: a special category (GDPR Art. 9) or sensitive personal information (CPRA).

Terms get their classes from `data/classes.txt` (by lexicon key, by weight, or by phrase), and a
phrase that names data by where they are gets them by construction, whatever the data are: "X
stored on your device", "X open on the PC", "X on your phone", "X from the camera" are read from the
terminal ("the names of files and apps open on the PC", "sample images from the camera"). Readings
test a class (`classed`, `spans_of`), never a list of nouns of their own.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import shipped_file
from ..machine_cache import ParsedCache, cache_folder
from . import terms as terms_module
from .terms import LEXICON_DATA, Item, Lexicon, Term, Weight, listed_terms, phrase_stems, stem, tokens
from .text import LazyPattern

CLASSES_DATA = "data/classes.txt"


class LegalClass(str, enum.Enum):
    """A property of data that the law attaches a consent requirement to."""

    DEVICE = "device"          # ePrivacy Art. 5(3): read from the terminal equipment
    KEPT = "kept"              # what the user keeps on the device (a subset of DEVICE)
    COMMS = "comms"            # ePrivacy Art. 5(1); CPRA 1798.140(ae)(1)(E): content of communications
    LOCATION = "location"      # where a person or their device is, of any precision
    PRECISE = "precise"        # CPRA 1798.140(w): precise geolocation
    SENSITIVE = "sensitive"    # GDPR Art. 9; CPRA 1798.140(ae)


@dataclass(frozen=True)
class Classed:
    """Data named in a text (character offsets) with the legal classes the words give them."""

    start: int
    end: int
    words: str
    classes: frozenset[LegalClass]
    built: bool = False        # read by construction (where the data are), not from a term


def _parse(text: str) -> list[tuple[frozenset[LegalClass], list[str]]]:
    rows: list[tuple[frozenset[LegalClass], list[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, entries = (part.strip() for part in line.split("|", 1))
        rows.append((frozenset(LegalClass(n) for n in names.split()),
                     [e.strip() for e in entries.split(",") if e.strip()]))
    return rows


@lru_cache(maxsize=1)
def _table() -> tuple[Lexicon, dict[Term, frozenset[LegalClass]]]:
    """The lexicon of classed phrases, and each of its terms' classes. Stemming the phrases is most of
    its cost, paid by every process's first reading of a class: the table is kept per machine as plain
    data (`_table_rows`), keyed by the two data files and the code that reads them, as the lexicon is."""
    return table_from(ParsedCache(cache_folder()))


def table_from(cache: ParsedCache) -> tuple[Lexicon, dict[Term, frozenset[LegalClass]]]:
    """`_table`, its plain data read from `cache` when it holds this one's."""
    sources = (shipped_file(CLASSES_DATA), shipped_file(LEXICON_DATA), Path(__file__), Path(terms_module.__file__))
    term_rows, phrases, exact, classed = cache.parsed("classes", sources, _table_rows)
    made = [Term(Item(item), key, label, Weight(weight)) for item, key, label, weight in term_rows]
    return (Lexicon([(tuple(stems), made[index]) for stems, index in phrases],
                    [(word, made[index]) for word, index in exact]),
            {made[index]: frozenset(LegalClass(name) for name in names) for index, names in classed})


def _table_rows() -> tuple[list[tuple[str, str, str, str]], list[tuple[tuple[str, ...], int]], list[tuple[str, int]],
                           list[tuple[int, list[str]]]]:
    """`_table` as plain data: its terms (item, key, label, weight), its phrases as stems and its words
    matched as written, each with the index of its term, and each term's classes in the table's order."""
    rows = _parse(shipped_file(CLASSES_DATA).read_text("utf-8"))
    listed = listed_terms()
    classes: dict[Term, frozenset[LegalClass]] = {}
    phrases: list[tuple[tuple[str, ...], Term]] = []
    exact: list[tuple[str, Term]] = []
    for number, (names, entries) in enumerate(rows):
        own = Term(Item.CATEGORIES, "class:" + str(number), " ".join(sorted(n.value for n in names)))
        for entry in entries:
            if entry.startswith(("key:", "weight:")):
                field, value = entry.split(":", 1)
                for found in listed:
                    if (found.term.key if field == "key" else found.term.weight.value) != value:
                        continue
                    classes[found.term] = classes.get(found.term, frozenset()) | names
                    if found.exact:
                        exact.extend((form[0], found.term) for form in found.forms())
                    else:
                        phrases.extend((form, found.term) for form in found.forms())
                continue
            classes[own] = names
            words = tokens(entry)
            if len(words) == 1:
                exact.append((words[0], own))     # a single word only as written ("messages", not "message")
            else:
                phrases.append((phrase_stems(entry), own))
    indexes: dict[Term, int] = {}

    def index(term: Term) -> int:
        return indexes.setdefault(term, len(indexes))

    phrase_rows = [(tuple(stems), index(term)) for stems, term in phrases]
    exact_rows = [(word, index(term)) for word, term in exact]
    class_rows = [(index(term), sorted(n.value for n in names)) for term, names in classes.items()]
    term_rows = [(t.item.value, t.key, t.label, t.weight.value) for t in indexes]
    return term_rows, phrase_rows, exact_rows, class_rows


_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

# Messages the company sends, or what is known about messages without their content ("marketing
# messages", "send you messages", "the number of messages"): no one's communication but the
# company's own. Read just before a class of communications.
_COMPANY_SENT = LazyPattern(
    r"\b(?:send|sends|sending|sent)(?:\s+you)?\s+(?:\w+\s+)?$|\b(?:number of|many|our|such|these|those|marketing|"
    r"promotional|promotions?|commercial|service|transactional|sponsored|advertising|system|automated|account|"
    r"push|text|sms|e-?mail|notification|reminder|administrative|security|draft|inmails or|receive|engage with|"
    r"important|operational)\s+$", re.IGNORECASE)
_COMPANY_SENT_AFTER = LazyPattern(r"^\s+(?:from (?:us|our|advertisers|sponsors|\w+ (?:team|support))\b|we send\b|"
                                  r"about (?:our|your account)\b|(?:preferences|settings)\b|with (?:us|our)\b)",
                                  re.IGNORECASE)

# Where data are, by construction: a device of the user's (their phone, PC, tablet, watch), and what
# the data are (a kept thing, an app, or anything named by a noun of content).
_DEVICE_NOUN = (r"(?:(?:mobile |smart ?)?(?:devices?|phones?|smartphones?|handsets?|pcs?|computers?|laptops?|"
                r"tablets?|desktops?|consoles?|watch(?:es)?|wearables?|hard (?:drive|disk)s?|notebooks?|"
                r"headsets?))")
_PLACE = (rf"(?:your|the|this|that|a|each|their|his|her|the user['’]s|users['’]|a user['’]s|"
          rf"(?:your|the|this) (?:own|personal|\w+['’]s))\s+(?:[\w-]+\s+)?{_DEVICE_NOUN}\b")
_KEPT_HEAD = (r"(?:files?|documents?|photos?|photographs?|pictures?|images?|videos?|recordings?|audio|contacts|"
              r"messages|text messages|texts|notes|screenshots?|media|footage|content|contents|sounds?|voice|"
              r"streams?|feeds?|snapshots?|clips?|folders?|albums?|calendars?|emails|e-mails)")
_APP_HEAD = r"(?:apps?|applications?|programs?|software|processes|windows|games)"
# Any other thing named in the plural is data where it is on the device ("the spreadsheets stored on your
# laptop"), but for the words that name no data: the device's storage and its kin (the storage reading's),
# the data named without a kind, what the company shows or offers there, and words of grammar.
_NOT_DATA = (r"(?:cookies|pixels|tags|beacons|sdks|identifiers|ids|technologies|data|information|details|settings|"
             r"preferences|permissions|notifications|ads|advertisements|features|services|products|experiences|"
             r"functions|versions|updates|controls|tools|options|choices|instructions|things|users|members|people|"
             r"ways|steps|changes|times|does|goes|always|perhaps|whereas|across|various|previous|yours|ours|theirs|"
             r"others|unless|pages|websites|sites|links|emails|e-mails|messages|texts|promotions|offers)")
# (Nor a verb in the third person, told of data named before it: "this information remains on your device".)
_VERB_S = (r"(?:remains|stays|lives|runs|works|appears|exists|resides|sits|persists|happens|occurs|loads|opens|"
           r"plays|shows|displays|gets|comes|keeps|saves|stores|uses|needs|requires|means|helps|allows|lets|makes|"
           r"takes|starts|stops|ends|belongs|travels|leaves|moves|goes)")
_ANY_HEAD = rf"(?!{_NOT_DATA}\b)(?!{_VERB_S}\b)[a-z][a-z-]{{2,}}s(?<!ss)(?<!us)(?<!is)"
_HEAD = rf"(?:{_KEPT_HEAD}|{_APP_HEAD}|{_ANY_HEAD})"
# A noun phrase of such heads, coordinated ("files and apps", "photos, videos or documents").
# (Up to two words before a head modify it; words that join or govern a phrase do not.)
_MODIFIER = (r"(?:(?!(?:than|and|or|but|to|for|with|from|by|in|on|at|as|if|we|you|it|they|is|are|be|was|were|may|"
             r"can|will|which|that|other|such|any|all|no|not|collect\w*|access\w*|read\w*|upload\w*|delet\w*|remov\w*|"
             r"shar\w*|us(?:e|es|ed|ing)|tak(?:e|es|en|ing)|stor\w*|keep\w*|sav\w*|send\w*|sync\w*|scan\w*|cop\w*|"
             r"view\w*|edit\w*|manag\w*|see|open)\b)[\w'’-]+\s+)")
_DATA = (rf"{_MODIFIER}{{0,2}}?{_HEAD}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
         rf"{_MODIFIER}{{0,2}}?{_HEAD})*")
_STORED = (r"(?:(?:\s+(?:that|which|you have|you've|you|are|is|were|currently|being|have been|been|kept|"
           r"saved|stored|held|located|open|opened|running|installed|downloaded|residing|accessible|available|"
           r"created|taken|captured|recorded)){0,3})")
# Each construction is found from its anchor (the place, the source, the sensor) and the data are read in
# a bounded window before it: a pattern that started at every word of a long list and read it to its end
# cost the list's length squared, and more.
_WINDOW = 160
_ON_PLACE = LazyPattern(rf"\s+(?:on|in|within)\s+{_PLACE}", re.IGNORECASE)
_OFF_PLACE = LazyPattern(rf"\s+(?:from|off)\s+{_PLACE}", re.IGNORECASE)
# What the camera, the microphone or the device's sensors pick up ("sample images from the camera",
# "audio captured by your microphone", "camera recordings").
_SENSOR = r"(?:cameras?|microphones?|mics?|webcams?|sensors?|lens(?:es)?)"
_BY_SENSOR = LazyPattern(
    rf"\s+(?:(?:captured|taken|recorded|picked up|collected|obtained|read|gathered|received)\s+)?"
    rf"(?:from|by|with|through|using|via)\s+(?:(?:the|your|its|a|this|their|"
    rf"(?:the |your )?(?:device|phone|pc|computer|laptop|tablet)['’]s)\s+)?(?:[\w-]+\s+)?{_SENSOR}\b",
    re.IGNORECASE)
_SENSOR_DATA = LazyPattern(rf"\b(?:camera|microphone|webcam|mic)['’]?s?\s+(?:[\w-]+\s+)?{_KEPT_HEAD}\b",
                           re.IGNORECASE)
# What the software on the device gathers by itself (consent22): the device, its apps or software, or the
# maker's products the subject of a verb of collecting told "automatically" ("Certain Lenovo Products,
# software, and services automatically collect and store performance information", "the app automatically
# records crash reports"): read from the terminal equipment (ePrivacy Art. 5(3)), whatever it is. The
# data are the words after the verb, up to a purpose, a place or the clause's end.
_BY_ITSELF = LazyPattern(
    rf"\b(?:{_DEVICE_NOUN}|{_APP_HEAD}|app|products|firmware)(?:\s*,\s*(?:and\s+)?[\w-]+)*"
    rf"(?:\s+(?:and|or)\s+[\w-]+)?\s+(?:(?:may|can|will|also|might|could)\s+){{0,2}}automatically\s+"
    rf"(?:collect|record|gather|log|capture|read)s?(?:\s+and\s+(?:store|keep|retain|save|send|transmit|upload)s?)?\s+"
    rf"(?P<data>(?:(?!(?:in order|to|for|from|on|when|while|if|so|that|which)\b)[\w'’-]+\s*){{1,8}})",
    re.IGNORECASE)
# The data just before an anchor: a phrase of heads, then up to three words of being stored ("that are
# stored", "you have open").
_DATA_BEFORE = LazyPattern(rf"\b(?P<data>{_DATA})\b{_STORED}$", re.IGNORECASE)


def _built(text: str) -> list[tuple[int, int, str]]:
    """The data read by construction: (start of the data, end of the construction, the data's words)."""
    found: list[tuple[int, int, str]] = []
    for anchor in (_ON_PLACE, _OFF_PLACE, _BY_SENSOR):
        for m in anchor.finditer(text):
            start = max(0, m.start() - _WINDOW)
            if start > 0:
                start = text.find(" ", start, m.start()) + 1     # (a whole word at the window's edge)
            data = _DATA_BEFORE.search(text[start:m.start()])
            if data is not None:
                found.append((start + data.start("data"), m.end(), data.group("data")))
    found.extend((m.start(), m.end(), m.group(0)) for m in _SENSOR_DATA.finditer(text))
    return found


def _by_itself(text: str) -> list[tuple[int, int, str]]:
    """What the device's software gathers by itself (`_BY_ITSELF`): read from the device, not kept by the
    user there (`DEVICE` alone)."""
    found = []
    for m in _BY_ITSELF.finditer(text):
        words = m.group("data").rstrip()
        if re.search(r"[a-z]", words) and not re.fullmatch(r"(?:the |your |some |certain )?(?:data|information)",
                                                            words, re.IGNORECASE):
            found.append((m.start("data"), m.start("data") + len(words), words))
    return found


_APP_WORD = LazyPattern(rf"^(?:{_MODIFIER}{{0,2}}?{_APP_HEAD}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)?)+$",
                        re.IGNORECASE)
# The content of communications by construction ("the contents of those communications", "your
# communications", "messages that you send").
_CONVERSED = r"(?:messages|chats|conversations|communications|dms|e-?mails|calls|texts|correspondence)"
_COMMS_BUILT = LazyPattern(
    rf"\b(?:the\s+)?contents?\s+of\s+(?:(?:your|their|those|these|the|such|any|users['’]?|members['’]?)\s+)?"
    rf"(?:[\w-]+\s+(?:and|or)\s+)?(?:private\s+)?{_CONVERSED}\b"
    rf"|\b(?:your|users['’]?|members['’]?)\s+(?:private\s+)?(?:communications|e-?mails)\b"
    rf"|\b(?:messages|conversations|chats)\s+(?:that\s+)?(?:you|they|users|members|people)\s+(?:send|receive|"
    rf"exchange|write|have)\b", re.IGNORECASE)


# Where a photo was taken, told with the photo ("the location data of your photos", "photos tagged with
# location data"): the device's own GPS fix, precise by nature.
_PHOTO_LOCATION = LazyPattern(
    r"\b(?:location|geo-?location|position|gps)(?:\s+(?:data|information|metadata|details|coordinates))?\s+"
    r"(?:of|in|on|attached to|embedded in|stored in|added to)\s+(?:(?:your|the|their|these|those|each)\s+)?"
    r"(?:photos?|pictures?|images?|videos?|photographs?)\b"
    r"|\b(?:photos?|pictures?|images?|videos?|photographs?)\s+(?:and\s+(?:photos?|videos?|pictures?|images?)\s+)?"
    r"(?:(?:that\s+are\s+|are\s+)?(?:tagged|geo-?tagged|stamped|marked)\s+)?with\s+(?:your\s+|their\s+|the\s+)?"
    r"(?:location|geo-?location|gps)(?:\s+(?:data|information|coordinates))?\b", re.IGNORECASE)
_PHOTO_CLASSES = frozenset({LegalClass.DEVICE, LegalClass.LOCATION, LegalClass.PRECISE})


def classed(text: str) -> list[Classed]:
    """The data `text` names, each with its legal classes, in order of appearance (a phrase read both
    from a term and by construction is given once, with the classes of both)."""
    return list(_classed(text))


@lru_cache(maxsize=4096)
def _classed(text: str) -> tuple[Classed, ...]:
    terms, classes = _table()
    lowered = text.lower()
    found: list[Classed] = []
    spots = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(lowered)]
    words = [w for _, _, w in spots]
    stems = [stem(w) for w in words]
    for match in terms.find(stems, words):
        names = classes.get(match.term, frozenset())
        start, end = spots[match.start][0], spots[match.end - 1][1]
        if LegalClass.COMMS in names and (_COMPANY_SENT.search(text[max(0, start - 30):start])
                                          or _COMPANY_SENT_AFTER.search(text[end:end + 30])):
            names = names - {LegalClass.COMMS}
        if names:
            found.append(Classed(start, end, text[start:end], names))
    for start, end, data in _built(text):
        names = frozenset({LegalClass.DEVICE})
        if not _APP_WORD.match(data):
            names |= {LegalClass.KEPT}     # the user's files, photos, recordings; not the apps alone
        found.append(Classed(start, end, text[start:end], names, built=True))
    for start, end, _data in _by_itself(text):
        found.append(Classed(start, end, text[start:end], frozenset({LegalClass.DEVICE}), built=True))
    for m in _PHOTO_LOCATION.finditer(text):
        found.append(Classed(m.start(), m.end(), m.group(0), _PHOTO_CLASSES, built=True))
    for m in _COMMS_BUILT.finditer(text):
        found.append(Classed(m.start(), m.end(), m.group(0), frozenset({LegalClass.COMMS}), built=True))
    found.sort(key=lambda c: (c.start, -c.end))
    return tuple(found)


def spans_of(text: str, wanted: LegalClass) -> list[Classed]:
    """The data `text` names that have the class `wanted`."""
    return [c for c in classed(text) if wanted in c.classes]


def has_class(words: str, wanted: LegalClass) -> bool:
    """The words name data of the class `wanted` (a term of the class, or by construction)."""
    return any(wanted in c.classes for c in classed(words))


# A demonstrative that points back to data told before ("this location information", "such data", "the
# same location data").
_POINTED = LazyPattern(r"\b(?:this|that|these|those|such|the same|said|the above)\s+$", re.IGNORECASE)


def pointed_classes(words: str, sentence: str, before: str) -> frozenset[LegalClass]:
    """The classes the data `words` of `sentence` take from what they point back to: where a demonstrative
    stands before them ("this location information"), the classes of the nearest data of the same kind told
    in `before` (the paragraph's text before the sentence) that are not the words' own, else none. A location
    that points back to a geotag is precise however it is called (CPRA 1798.140(w))."""
    at = sentence.find(words)
    if at < 0 or not _POINTED.search(sentence[max(0, at - 20):at]):
        return frozenset()
    own = _classes_of(words)
    kind = own & {LegalClass.LOCATION, LegalClass.COMMS, LegalClass.DEVICE}
    if not kind:
        return frozenset()
    earlier = [c for c in classed(before) if c.classes & kind]
    if not earlier:
        return frozenset()
    # (The nearest: the data that end last, with every reading of the same words, a term and the phrase
    # built around it: "photos and videos with location data" and its "location data".)
    last = max(earlier, key=lambda c: (c.end, c.end - c.start))
    near = [c for c in earlier if c.start < last.end and last.start < c.end]
    return frozenset().union(*(c.classes for c in near)) - own


def _classes_of(words: str) -> frozenset[LegalClass]:
    return frozenset(c for found in classed(words) for c in found.classes)

