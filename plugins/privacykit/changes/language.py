"""Which language a statement is written in, and its reading in the detector's language.

The judges (`items.py`, `prose.py`, `consent.py`, `editorial.py`) read English: their cues are
English words and word orders. A statement in another language is read through that
language's *reading file*, `data/reading.<code>.txt`: its common function words (to tell the
language from a text when the caller does not know it), and phrases of the language with the
English words the judges read for them ("mit Ihrer Einwilligung" = "with your consent",
"Gesundheitsdaten" = "health data", "nicht" = "not"). The reading is a gloss, never shown to
readers: the findings quote the text's own words (`Reading.original`). A next language is a
next file; the code does not change.

Words are matched on a rough stem (case endings removed), so "Dienstleister",
"Dienstleistern" and "Dienstleisters" are one word. German writes a kind of data, a recipient
or a purpose as one compound ("Standortdaten", "Werbepartner", "Zahlungsdienstleister"): a
stem match on the whole word misses every compound the file does not list, so a word the file
does not know is split at a *head* the file marks (`*daten = data`), and read as its modifier
(glossed when known, kept as written otherwise) followed by the head ("Logistikpartner" =
"logistik partners"), which is how the English reader takes an open phrase before a head noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import shipped_file
from ..model.document import ResolvedDocument
from ..model.region import primary_language
from .negation import negation_tokens
from .prose import ProseChanges
from .text import LazyPattern

ENGLISH = "en"
# The share of a text's words that are the language's function words, from which on a text
# is in it (about a third in prose; a quoted name or a list of terms stays below).
_SHARE = 0.15
_WORD = LazyPattern(r"[^\W\d_]+")
_SENTENCE_END = LazyPattern(r"(?<=[.!?])\s+|\n+")
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:]\s+|\n\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+)?)$")
_SPACES = LazyPattern(r"\s+")
# A company's legal form: the capitalised words before it are a name, kept as written. (An
# acronym the file reads, "DNI", "RGPD", is read even in a name's neighbourhood.)
_LEGAL_FORMS = frozenset({"gmbh", "ag", "se", "kg", "ohg", "ug", "mbh", "e.v", "inc", "ltd", "llc", "sa", "sas",
                          "bv", "plc", "co", "ltda", "lda", "eireli", "sl", "slu", "sau", "srl", "cv"})
_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")
# The length from which a word one letter off a known word is read as that word, misspelt.
_MISSPELT_LENGTH = 8
# The accent a joined pronoun puts on a verb's stressed vowel ("enviándole", "comunicárselos").
_ACUTE = str.maketrans("áéíóú", "aeiou")
# Linking letters between the parts of a compound ("Gesundheit-s-daten", "Kunde-n-konto").
_LINKS = ("s", "es", "n", "en", "")


def _opens_sentence(gap: str) -> bool:
    """Whether a word after `gap` (what stands between it and the word before, or the text's
    start) begins a sentence or a list item. The cue holds no letter, so the gap alone decides,
    which keeps a long text linear; a run of spaces is one space, or one line break when it holds
    one, so a long run is not rescanned from each of its characters."""
    return _SENTENCE_START.search(_SPACES.sub(lambda run: "\n" if "\n" in run.group(0) else " ", gap)) is not None


def stem(word: str, endings: tuple[str, ...] = _ENDINGS) -> str:
    """A rough stem: the word in lower case with up to two case, gender or plural endings removed
    (German's by default; a reading file names its language's own, longest first)."""
    w = word.lower()
    for _ in range(2):
        for ending in endings:
            if w.endswith(ending) and len(w) - len(ending) >= 3:
                w = w[:-len(ending)]
                break
        else:
            break
    return w


# How many glossed texts a reading keeps (a statement's sections and sentences, several versions over).
_GLOSSED_TEXTS = 4096


@dataclass
class Reading:
    """One language's reading file: its function words and its phrases with their English reading."""

    code: str
    function_words: frozenset[str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)
    # Each long known stem under itself and each of its one-letter deletions (`_misspelt`).
    near: dict[str, set[str]] = field(default_factory=dict)
    longest: int = 0
    endings: tuple[str, ...] = _ENDINGS
    # Whether a capitalised word the file does not know is a name ("M. Paul Girard"), where the
    # language capitalises names only (German capitalises every noun).
    capitals_are_names: bool = False
    # A negation written in two parts around the verb ("ne … pas"): each opening stem with the
    # stems that close it and the two readings.
    pairs: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # Texts already glossed, with the readings each adds to `seen`: a release compares the new text
    # with the one the previous release glossed, and each section is glossed whole and by sentence.
    glossed: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict, repr=False,
                                                                          compare=False)
    # Pronouns the language joins to the end of a verb ("compartirlos"), longest first, with their reading.
    enclitics: list[tuple[str, str]] = field(default_factory=list)

    def stem(self, word: str) -> str:
        """A word's rough stem under this language's endings."""
        return stem(word, self.endings)

    def gloss(self, text: str, seen: dict[str, str] | None = None) -> str:
        """`text` with the words the file knows replaced by their English reading; `seen` collects
        each English reading of a value with the words the text wrote it in."""
        known = self.glossed.get(text)
        if known is None:
            readings: dict[str, str] = {}
            known = (self._gloss(text, readings), tuple(readings.items()))
            if len(self.glossed) >= _GLOSSED_TEXTS:
                self.glossed.clear()
            self.glossed[text] = known
        if seen is not None:
            for english, original in known[1]:
                seen.setdefault(english, original)
        return known[0]

    def _gloss(self, text: str, seen: dict[str, str]) -> str:
        found = list(_WORD.finditer(text))
        stems = [self.stem(m.group(0)) for m in found]
        pieces: list[list[str]] = []     # [what stands before, the reading, its mark (">" or "<"), the word]
        at = 0
        i = 0
        closing: dict[int, str] = {}     # the closing word of a two-part negation, with its reading
        carried = ""                     # what stands before a word read as nothing
        while i < len(found):
            m = found[i]
            english: str | None
            size, english = self._phrase(text, found, stems, i)
            paired = i in closing or (stems[i] in self.pairs and not size)
            if i in closing:
                size, english = 1, closing.pop(i)
            elif paired:
                size, english = 1, self._pair(text, found, stems, i, closing)
            elif size == 1 and stems[i] in self.pairs:
                # A separable verb that is a word of its own too ("lädt" invites, "lädt … hoch"
                # uploads): read with its particle when the particle stands later in the clause.
                held: dict[int, str] = {}
                first = self._pair(text, found, stems, i, held)
                if held:
                    closing.update(held)
                    english, paired = first, True
            if english == "" and size == 1:
                # (the half of a negation the other half reads: its words vanish, not its spacing)
                carried += text[at:m.start()]
                at = m.end()
                i += 1
                continue
            if paired or size > 1 or (size and m.group(0).lower() not in self.forms):
                end = found[i + size - 1].end()
                original = text[m.start():end]
            elif m.group(0).lower() in self.forms:
                size, end, original = 1, m.end(), m.group(0)
                english = self.forms[original.lower()]
            else:
                size, end, original = 1, m.end(), m.group(0)
                english = self._compound(original.lower())
                if english is None:
                    english = self._enclitic(original.lower())
                if english is None:
                    english = self._misspelt(original.lower())
            if english and m.group(0).lower() in _THIRD_PERSON and m.group(0).islower() \
                    and english.split()[0].lower() in ("you", "your"):
                english = self._third_person(english, m.group(0), pieces,
                                             text[found[i - 1].end() if i else 0:m.start()])
            if english and english.split()[0] in ("your", "their") and m.group(0).lower() in _GENITIVES \
                    and self._after_noun(text, found, i):
                english = "of " + english     # "eine Kopie deiner Daten" is "a copy of your data" (german38)
            if len(original) == 1 and original.isupper() and text[end:end + 1] == ".":
                english = None     # an initial ("S.A.", "J. Silva"), not the word of that letter
            if size == 1 and english and not original.isupper() and self._name(text, found, i) \
                    and self._capital_inside(text, found, i):
                english = None     # a word of a company's name ("Banque Coralis SA") is kept as written
            if english is None:
                # (a word the file does not know keeps the capital that opens its sentence, so that the English
                # reader still sees a sentence start there: "In Ranglisten sehen …" after a line break; not a
                # letter, "lit. a", german39)
                opens = len(original) > 1 and _opens_sentence(text[found[i - 1].end() if i else 0:m.start()])
                out = original if self._name(text, found, i) or (
                    self.capitals_are_names and self._capital_inside(text, found, i)) \
                    else _cased(original.lower(), opens)
            else:
                if english and len(english) > 3:
                    seen.setdefault(english.lower().lstrip("><^"), original)
                out = _cased(english.lstrip("><^"), _opens_sentence(text[found[i - 1].end() if i else 0:m.start()]))
            gap = text[at:m.start()]
            # (a space on each side of a word read as nothing is one space)
            before = gap if carried.isspace() and gap else carried + gap
            carried = ""
            if pieces and _elided(before):
                before = before[:-1] + " "     # "l'accès" is read "the access", "d'accès" "of access"
            pieces.append([before, out, english[:1] if english and english[:1] in "><^" else "", original.lower()])
            at = end
            i += size
        pieces = _negation_before_verb(self._adjectives_first(pieces))
        return "".join(p[0] + p[1] for p in _english_order(pieces)) + carried + text[at:]

    def _pair(self, text: str, found: list[re.Match[str]], stems: list[str], i: int,
              closing: dict[int, str]) -> str | None:
        """The reading of a word that opens a two-part negation, when a word that closes it follows
        in the same clause within a few words (the closing word's reading kept in `closing`);
        else its reading alone, or nothing."""
        inside = False
        held: tuple[int, str, str] | None = None     # a closing word inside an inset not yet closed
        for j in range(i + 1, min(i + _PAIR_SPAN, len(found))):
            gap = text[found[j - 1].end():found[j].start()]
            if _CLAUSE_END.search(gap):
                # An inset between commas ("ne vendons, en aucun cas, vos données") does not end
                # the clause; any other mark does, and so does an inset left open.
                if gap.strip() != ",":
                    break
                inside = not inside
                if not inside and held:
                    at, first, second = held
                    closing[at] = second
                    # (the inset denies on its own: the verb it interrupts is read denied, "we not sell")
                    return first or ("not" if second.lstrip("^") in _NEGATIONS | _BEFORE_VERB else "")
            word = found[j].group(0).lower()
            for closer, first, second in self.pairs[stems[i]]:
                if stems[j] == closer or closer == f'"{word}"':
                    if not inside:
                        # (a preposition or an article that is also a particle, "Wir werten Daten aus Ihrem Konto
                        # aus", "Du lädst ein Foto hoch", is passed over for the particle that closes the clause,
                        # german39)
                        last, first, second = self._clause_last(text, found, stems, i, j, (first, second))
                        closing[last] = second
                        return first
                    held = held or (j, first, second)
        # (an opener the file reads alone, else one kept as written: "gleichen" is "same" when no "ab" follows)
        return self.forms.get(found[i].group(0).lower(), self.words.get(stems[i]))

    def _clause_last(self, text: str, found: list[re.Match[str]], stems: list[str], i: int, j: int,
                     readings: tuple[str, str]) -> tuple[int, str, str]:
        """The `j`th word, a pair's closer, with its readings; or a closer of the same opener further on in the
        clause when it is the clause's last word (German's particle stands there), with its own readings."""
        for k in range(j + 1, min(i + _PAIR_SPAN, len(found))):
            if _CLAUSE_END.search(text[found[k - 1].end():found[k].start()]):
                break
            if k + 1 < len(found) and not _CLAUSE_END.search(text[found[k].end():found[k + 1].start()]):
                continue
            word = found[k].group(0).lower()
            for closer, first, second in self.pairs[stems[i]]:
                if stems[k] == closer or closer == f'"{word}"':
                    return k, first, second
        return j, *readings

    def _adjectives_first(self, pieces: list[list[str]]) -> list[list[str]]:
        """Words the file marks `<`, which the language writes after the noun they describe and
        English before it ("dados pessoais sensíveis" is read "sensitive personal data"), each
        moved before the noun and the words already moved before it."""
        result: list[list[str]] = []
        start = -1
        for piece in pieces:
            if piece[2] == "<" and start >= 0 and not piece[0].strip() \
                    and result[-1][3] not in self.function_words:
                result.insert(start, [result[start][0], piece[1], "", piece[3]])
                result[start + 1][0] = piece[0]
                continue
            start = len(result)
            result.append(piece if piece[2] != "<" else [*piece[:2], "", piece[3]])
        return result

    def _phrase(self, text: str, found: list[re.Match[str]], stems: list[str], i: int) -> tuple[int, str]:
        for phrase, english in self.phrases.get(stems[i], ()):
            size = len(phrase)
            if tuple(stems[i:i + size]) == phrase and all(
                    not text[found[j].end():found[j + 1].start()].strip(" -'’\u00a0") for j in range(i, i + size - 1)):
                return size, english
        return 0, ""

    def _compound(self, word: str, depth: int = 0) -> str | None:
        """A compound read as modifier and head, or None when no head of the file ends it."""
        for k in range(3, len(word) - 2):
            head = self.heads.get(self.stem(word[k:]))
            if head is None:
                continue
            modifier = word[:k]
            for link in _LINKS:
                if link and not modifier.endswith(link):
                    continue
                part = modifier[:len(modifier) - len(link)] if link else modifier
                known = self.words.get(self.stem(part)) or (self._compound(part, depth + 1) if depth < 2 else None)
                if known is not None:
                    # (a verb's stem as a modifier, "Nutzer-daten", makes a noun: never moved as a verb)
                    return f"{known.lstrip('><^')} {head}"
            return f"{modifier} {head}"
        return None

    def _enclitic(self, word: str) -> str | None:
        """A verb the file knows with a pronoun joined to its end, read as the verb and the pronoun
        ("compartirlos" = "share them"; the accent the joined form puts on the verb,
        "comunicárselos", is dropped); None when the part before the pronoun is not a known word."""
        for pronoun, english in self.enclitics:
            if word.endswith(pronoun) and len(word) - len(pronoun) >= 3:
                verb = self.words.get(self.stem(word[:-len(pronoun)].translate(_ACUTE)))
                if verb:
                    return f"{verb} {english}".rstrip()
        return None

    def _misspelt(self, word: str) -> str | None:
        """The reading of the one long word or compound head the file knows that `word` misses by
        one letter ("Bestelung", "Zahlungsdienstleiter"): a typo read as another word would be a
        changed value. Short words are left alone, where one letter makes another word."""
        if len(self.stem(word)) < _MISSPELT_LENGTH:
            return None
        whole = self._near(self.stem(word), self.words)
        if whole is not None:
            return whole
        for k in range(3, len(word) - _MISSPELT_LENGTH + 1):
            head = self._near(self.stem(word[k:]), self.heads)
            if head is not None:
                modifier = word[:k]
                parts = (self.stem(modifier[:len(modifier) - len(link)]) for link in _LINKS if modifier.endswith(link))
                known = next((self.words[part] for part in parts if part in self.words), None)
                return f"{known or modifier} {head}"
        return None

    def _near(self, word: str, known: dict[str, str]) -> str | None:
        # A word longer than every known one by two letters misses them all by more than one,
        # and its deletions would cost the square of its length.
        if len(word) > self.longest + 1:
            return None
        found = set().union(*(self.near.get(v, set()) for v in {word, *(word[:i] + word[i + 1:]
                                                                       for i in range(len(word)))}))
        found = {f for f in found if f in known}
        return known[found.pop()] if len(found) == 1 else None

    @staticmethod
    def _third_person(english: str, word: str, pieces: list[list[str]], gap: str) -> str:
        """A lower-case "sie", "ihnen", "ihr…" inside a sentence: they, them, their, never the reader, whom German
        addresses with a capital ("Wir löschen sie nach 30 Tagen": "we delete them"; "Partner nutzen ihre eigenen
        Cookies": "their own cookies"). "sie" is "them" after a preposition or when the clause already has its
        subject pronoun ("wenn du sie hinterlegst"), else "they" (german39)."""
        first, _, rest = english.partition(" ")
        if first.lower() == "your":
            third = "their"
        elif word == "ihnen":
            third = "them"
        else:
            clause: list[list[str]] = []
            for piece in [] if _CLAUSE_END.search(gap) else reversed(pieces):
                clause.append(piece)
                if _CLAUSE_END.search(piece[0]):
                    break
            subject = any(_subject(p) or p[1].lower() in ("we", "i") for p in clause)
            third = "them" if subject or (clause and clause[0][3] in _PREPOSITIONS) else "they"
        return f"{third} {rest}".rstrip()

    def _after_noun(self, text: str, found: list[re.Match[str]], i: int) -> bool:
        """Whether the word before the `i`th stands in the same phrase and is a noun: capitalised inside the
        sentence and no function word or pronoun of the file ("die Verarbeitung Ihrer Daten", not "mit Ihrer
        Einwilligung", "wenn Sie Ihrer Kasse")."""
        if i == 0 or text[found[i - 1].end():found[i].start()].strip():
            return False
        before = found[i - 1].group(0)
        return self._capital_inside(text, found, i - 1) and before.lower() not in self.function_words \
            and self.stem(before) not in _SUBJECTS and before.lower() not in self.forms \
            and self.words.get(self.stem(before), "x")[:1] not in "><^"

    @staticmethod
    def _capital_inside(text: str, found: list[re.Match[str]], i: int) -> bool:
        """A capitalised word that does not open a sentence or a list item: capitalised for itself,
        as a name's words are, not for where it stands."""
        return i > 0 and found[i].group(0)[:1].isupper() \
            and not _opens_sentence(text[found[i - 1].end():found[i].start()])

    def _name(self, text: str, found: list[re.Match[str]], i: int) -> bool:
        """A capitalised word of a company's name: a legal form follows among the next words."""
        word = found[i].group(0)
        if not word[:1].isupper():
            return False
        if len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:])):
            return True
        # (A form written with dots, "S.A.", "Lda.", is read with them removed, the form's own letters included.)
        near = text[max(0, found[i].start() - 2):found[min(i + 4, len(found) - 1)].end() + 1].lower().replace(".", "")
        return any(w in _LEGAL_FORMS for w in _WORD.findall(near))


# What ends a clause: German puts its verbs (and a verb's "nicht") last, English second.
_CLAUSE_END = LazyPattern(r"[.,;:!?()\n–—]")
_NEGATIONS = negation_tokens("not", "never", "neither", "nor", "no")
_QUOTES = " \"'„“”‚‘’»«"
_INFINITIVE_LEADS = frozenset({"um", "ohne"})
# A possessive in the genitive: after a noun it reads "of your" ("Ihrer", "deiner" are dative too, after a preposition).
_GENITIVES = frozenset({"ihres", "ihrer", "deines", "deiner"})
# The third person, which German writes in lower case and the formal "you" with a capital (german39).
_THIRD_PERSON = frozenset({"sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"})
_PREPOSITIONS = frozenset({"ohne", "für", "an", "mit", "auf", "über", "durch", "gegen", "um", "zu", "bei", "von",
                           "aus", "nach", "in", "vor", "unter", "zwischen", "neben"})


def _english_order(pieces: list[list[str]]) -> list[list[str]]:
    """Words that German puts at the end of a clause (the file marks them `>`: verbs, "nicht")
    moved to its third word, where the English reader looks for them ("Wir können Ihre Daten
    nicht verkaufen" is read "we may not sell your data")."""
    result: list[list[str]] = []
    clause: list[list[str]] = []
    for piece in [*pieces, ["", "", "", ""]]:
        if _CLAUSE_END.search(piece[0]) or not piece[1]:
            moved = 0
            while moved < len(clause) - 3 and clause[len(clause) - 1 - moved][2] \
                    and not clause[len(clause) - 1 - moved][0].strip(_QUOTES):
                moved += 1
            # A negation before the verbs already denies them where they stand ("werden weder
            # verkauft noch an Werbetreibende weitergegeben"): moved before it, they would be affirmed.
            if moved and not any(p[1].lower() in _NEGATIONS for p in clause[:len(clause) - moved]):
                tail = [[" ", p[1], "", p[3]] for p in clause[len(clause) - moved:]]
                # ("um Ihnen Werbung auszuspielen": the infinitive follows "in order" at once)
                at = 1 if clause[0][3] in _INFINITIVE_LEADS else _after_finite(clause, len(clause) - moved)
                # ("Wir werden außerdem Ihre Daten löschen": "we will also delete your data", german39)
                if at < len(clause) - moved and clause[at][1].lower() in _MID_ADVERBS and not clause[at][0].strip():
                    at += 1
                # (a denial alone at the end, "Auf deine Fotos greift die App nicht zu", stays for `_not_before_verb`
                # when the clause has a full verb, german39)
                if all(p[1].lower() in _MIDDLE_DENIALS for p in clause[len(clause) - moved:]) \
                        and _full_verb(clause, len(clause) - moved) is not None:
                    at = -1
                if at >= 0:
                    clause = clause[:at] + tail + clause[at:len(clause) - moved]
            opens = not result or _SENTENCE_BREAK.search(clause[0][0]) is not None if clause else False
            result.extend(_not_before_verb(_subject_first(clause, opens, "," in piece[0])))
            clause = []
        if piece[1]:
            clause.append(piece)
    return result


def _after_finite(clause: list[list[str]], end: int) -> int:
    """Where the verbs moved from a clause's end go: after its finite verb, which German puts second in the
    clause after a first part of any length ("Telefongespräche mit unserem Kundenservice werden nicht
    aufgezeichnet": "… customer service are not recorded"; "Anträge per E-Mail können wir nicht bearbeiten":
    "… may we not process"), and after the subject pronoun that follows it; the third word when no auxiliary
    stands before them (german38)."""
    finite = next((k for k in range(2, end) if clause[k][1].lower() in _AUXILIARIES and not clause[k][2]), None)
    if finite is None or clause[0][3] in _CONJUNCTIONS - _ARTICLES:
        return 2
    return finite + 2 if finite + 1 < end and _subject(clause[finite + 1]) else finite + 1


_SUBJECTS = frozenset({"wir", "sie", "du"})


def _subject(piece: list[str]) -> bool:
    """A German subject pronoun ("du" only where it reads "you": French "du" is "of the")."""
    return piece[3] in _SUBJECTS and (piece[3] != "du" or piece[1].lower() == "you") and piece[1].lower() != "them"


# Words that open a subordinate clause, whose verb stands last, never first.
_CONJUNCTIONS = frozenset({"damit", "wenn", "falls", "sofern", "ob", "dass", "weil", "da", "um", "soweit", "sobald",
                           "bevor", "nachdem", "während", "indem", "ohne", "bis", "als", "wie", "wer", "was", "die",
                           "der", "das"})
_ARTICLES = frozenset({"die", "der", "das"})
_SENTENCE_BREAK = LazyPattern(r"[.!?\n]")
_AUXILIARIES = frozenset({"is", "are", "was", "were", "may", "must", "will", "can", "has", "have"})


def _subject_first(clause: list[list[str]], opens: bool = False, conditional: bool = False) -> list[list[str]]:
    """A clause that starts with what the verb is about ("Die Daten speichern wir auf Servern in
    …") has its verb before the subject; English puts "we" or "you" first ("the data we store on
    servers in …"), where the English reader looks for who does what. A sentence that opens with
    its verb and goes on after a comma is a condition ("Möchten Sie keine Befragungen erhalten,
    können Sie …" is read "if you wish no surveys receive, you may …")."""
    # (A clause that opens with a conjunction, "Damit Sie sehen …", is no verb put first.)
    if len(clause) > 2 and _subject(clause[1]) and not clause[1][0].strip() \
            and clause[0][3] not in _CONJUNCTIONS:
        verb, subject = clause[0], clause[1]
        if opens and conditional:
            condition = _cased("if " + subject[1].lower(), verb[1][:1].isupper())
            return [[verb[0], condition, "", subject[3]], [subject[0], verb[1].lower(), "", verb[3]], *clause[2:]]
        if not opens and (verb[2] or verb[1].lower() in _AUXILIARIES):
            return _adverb_before_verb([[verb[0], subject[1].lower(), "", subject[3]],
                                        [subject[0], verb[1], verb[2], verb[3]], *clause[2:]])
    for i in range(1, len(clause) - 1):
        verb, subject = clause[i], clause[i + 1]
        if _subject(subject) and (verb[2] or verb[1].lower() in _AUXILIARIES) \
                and not subject[0].strip() and not any(_subject(p) for p in clause[:i]):
            return _adverb_before_verb([*clause[:i], [verb[0], subject[1], "", subject[3]],
                                        [subject[0], verb[1], verb[2], verb[3]], *clause[i + 2:]])
    return _adverb_before_verb(clause)


# A denial German writes in the middle of its clause ("nicht", "nie", "zu keinem Zeitpunkt"): marked `>` in the file.
_MIDDLE_DENIALS = frozenset({"not", "never"})


_COORDINATORS = frozenset({"und", "oder", "aber", "sowie", "sondern"})
_NOUN_LEADS = frozenset({"die", "der", "das", "den", "dem", "ein", "eine", "einen", "einem", "unsere", "unser"})


def _full_verb(clause: list[list[str]], end: int) -> int | None:
    """The place of a clause's finite full verb (marked `>`, no auxiliary) among its first eight words, before
    `end`; None in a clause opened by a conjunction, whose verb stands last."""
    if not clause or clause[0][3] in _CONJUNCTIONS - _ARTICLES:
        return None
    verb = next((k for k in range(1, min(8, end)) if clause[k][2] == ">"), None)
    return None if verb is None or clause[verb][1].lower() in _AUXILIARIES | _NEGATIONS else verb


def _not_before_verb(clause: list[list[str]]) -> list[list[str]]:
    """A clause's "nicht" that stands after its finite full verb, in the middle of the clause ("die App greift
    dafür nicht auf Ihr Adressbuch zu"), denies the clause: English puts "not" before that verb, where its
    readers look for a denial ("the app not accesses for this on your address book"; "we not sell your data").
    The finite verb is the first verb of the clause, within its first four words, after a subject and not an
    auxiliary, which English denies after itself ("are not recorded", "may not sell": left as they are). A
    clause opened by a conjunction has its verb last and its "nicht" before it already (german39)."""
    verb = _full_verb(clause, len(clause))
    if verb is None or clause[verb][0].strip(" "):
        return clause
    denial = next((k for k in range(verb + 1, len(clause)) if clause[k][1].lower() in _MIDDLE_DENIALS), None)
    # (not across "und": "verarbeiten die Daten … und dürfen sie nicht nutzen" denies the second verb only)
    if denial is None or clause[denial][0].strip(" ") or not clause[denial][2] \
            or any(p[3] in _COORDINATORS for p in clause[verb + 1:denial]):
        return clause
    moved = [clause[verb][0], clause[denial][1], "", clause[denial][3]]
    rest = [p for k, p in enumerate(clause) if k != denial and k >= verb]
    rest[0] = [" ", *rest[0][1:]]
    if clause[0][3] in _PREPOSITIONS and denial > verb + 2 and clause[verb + 1][3] in _NOUN_LEADS \
            and not any(_CLAUSE_END.search(p[0]) or p[0].strip(" ") for p in clause[verb + 1:verb + 3]):
        # A clause opened by what the verb is about, its subject after the verb ("Auf Ihr Adressbuch greift die
        # App nicht zu"), is read in English order, the subject first ("The app not accesses on your address
        # book"), as the same denial written subject first is.
        subject = [[clause[0][0], _cased(clause[verb + 1][1], clause[0][1][:1].isupper()), "", clause[verb + 1][3]],
                   [" ", *clause[verb + 2][1:]]]
        opening = [[" ", _cased(clause[0][1][:1].lower() + clause[0][1][1:], False), "", clause[0][3]], *clause[1:verb]]
        return [*subject, [" ", *moved[1:]], [" ", *rest[0][1:]], *opening, *rest[3:]]
    return [*clause[:verb], moved, *rest]


# Adverbs English puts before a full verb and after an auxiliary ("we also need", "we may also share"), which
# German puts after its finite verb ("benötigen wir außerdem Ihre …", "wir speichern jetzt …").
_MID_ADVERBS = frozenset({"also", "now", "still", "always", "already", "additionally", "likewise"})


def _adverb_before_verb(clause: list[list[str]]) -> list[list[str]]:
    """An adverb of `_MID_ADVERBS` right after a subject pronoun and its full verb (not an auxiliary) moved
    before the verb, where English has it: "Für die Anmeldung benötigen wir außerdem Ihre Mobilfunknummer" is
    read "… we also need your mobile phone number" (german39). After an auxiliary it stays ("we may also")."""
    for i in range(len(clause) - 2):
        subject, verb, adverb = clause[i], clause[i + 1], clause[i + 2]
        if _subject(subject) and verb[2] == ">" and verb[1].lower() not in _AUXILIARIES \
                and adverb[1].lower() in _MID_ADVERBS and not verb[0].strip() and not adverb[0].strip():
            return [*clause[:i + 1], [verb[0], adverb[1], "", adverb[3]], [adverb[0], verb[1], "", verb[3]],
                    *clause[i + 3:]]
    return clause


def _cased(english: str, start: bool) -> str:
    return english[:1].upper() + english[1:] if start else english


# How far the closing word of a two-part negation may stand from its opening word.
_PAIR_SPAN = 12
# A negation the language writes after the verb ("n'utilisons jamais"), which English writes before it
# unless the verb is an auxiliary ("are not sold").
_BEFORE_VERB = frozenset({"not", "never", "no longer"})


def _elided(before: str) -> bool:
    """Whether a word is elided against the next, with only an apostrophe between ("l'accès")."""
    return before in ("'", "’")


def _negation_before_verb(pieces: list[list[str]]) -> list[list[str]]:
    """The closing half of a two-part negation (marked `^`) moved before the verb it follows,
    unless that verb is an auxiliary, where English puts "not" after it."""
    result: list[list[str]] = []
    for piece in pieces:
        if piece[2] == "^":
            piece = [piece[0], piece[1].lstrip("^"), "", piece[3]]
            if result and piece[1].lower() in _BEFORE_VERB and result[-1][1].lower() not in _AUXILIARIES | {"be", "do"}:
                verb = result.pop()
                result += [[verb[0], piece[1], "", piece[3]], [piece[0], verb[1], verb[2], verb[3]]]
                continue
        result.append(piece)
    return result


@lru_cache(maxsize=8)
def reading(code: str) -> Reading | None:
    """The reading file of a language (`data/reading.<code>.txt`), or None when none ships."""
    path = shipped_file(f"data/reading.{code}.txt")
    if not path.is_file():
        return None
    result = Reading(code, function_words().get(code, frozenset()))
    lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
    # The endings are needed to stem every phrase, wherever the file names them.
    endings = tuple(e for line in lines if line.startswith("endings:") for e in line[8:].split())
    if endings:
        result.endings = tuple(sorted(endings, key=len, reverse=True))
    for line in lines:
        if not line or line.startswith(("#", "endings:")):
            continue
        if line == "capitals: names":
            result.capitals_are_names = True
            continue
        if line.startswith("words:"):
            result.function_words = result.function_words | frozenset(line[6:].split())
            continue
        source, _, english = (part.strip() for part in line.partition("="))
        if source.startswith('"'):
            # One written form, where stems collide ("unserer" is "our", its stem that of "uns").
            result.forms[source.strip('"').lower()] = english
            continue
        if "…" in source:
            opener, closer = (_WORD.findall(part)[0] for part in source.split("…"))
            first, _, second = (part.strip() for part in english.partition("…"))
            # A quoted closing word is that written form alone, where stems collide ("personne",
            # "personnel").
            written = source.partition("…")[2].strip().startswith('"')
            result.pairs.setdefault(result.stem(opener), []).append(
                (f'"{closer.lower()}"' if written else result.stem(closer), first, "^" + second if second else ""))
            continue
        if source.startswith("-"):
            result.enclitics.append((source[1:].strip().lower(), english))
            continue
        head = source.startswith("*")
        source = source.lstrip("*").strip()
        phrase = tuple(result.stem(w) for w in _WORD.findall(source))
        if not phrase:
            continue
        result.phrases.setdefault(phrase[0], []).append((phrase, english))
        if len(phrase) == 1:
            result.words.setdefault(phrase[0], english)
            if head:
                result.heads[phrase[0]] = english
    for entries in result.phrases.values():
        entries.sort(key=lambda e: -len(e[0]))
    result.enclitics.sort(key=lambda e: -len(e[0]))
    # Built here, with the reading, so that a shared reading is never written to.
    for entry in result.words:
        if len(entry) >= _MISSPELT_LENGTH:
            for variant in {entry, *(entry[:i] + entry[i + 1:] for i in range(len(entry)))}:
                result.near.setdefault(variant, set()).add(entry)
    result.longest = max(map(len, result.words), default=0)
    return result


# ("in" is German too: a short German sentence with two of them would read as English.)
_ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "you", "we", "your", "our", "is", "for", "with", "that",
                            "this", "or", "are", "be", "may", "not", "it", "by", "as", "on", "use", "information"})


def english_share(text: str) -> float:
    """The share of a text's words that are common English words (about a third in English prose)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower()[:20000])
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) if words else 0.0


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Each shipped language's commonest function words (`data/function-words.txt`): enough to tell
    a text's language without loading any reading file."""
    result: dict[str, frozenset[str]] = {}
    for line in shipped_file("data/function-words.txt").read_text("utf-8").splitlines():
        code, colon, words = line.partition(":")
        if colon and not line.startswith("#"):
            result[code.strip()] = result.get(code.strip(), frozenset()) | frozenset(words.split())
    return result


def detect(text: str, declared: str = "") -> str:
    """The language of a text: the one declared (a locale such as "de-DE") when a reading file
    ships for it, else English when common English words make its share, else the shipped
    language whose function words alone make the largest share, else "" (unknown: too few
    function words, or two languages with as many)."""
    code = primary_language(declared)
    if code and code != ENGLISH and reading(code) is not None:
        return code
    if english_share(text) >= _SHARE:
        return ENGLISH
    # (Related languages share function words: the one that makes the largest share is the text's,
    # and a tie tells neither. Only the language chosen loads its reading file.)
    found = _WORD.findall(text.lower()[:20000])
    counts = sorted(((sum(w in words for w in found), other) for other, words in function_words().items()),
                    reverse=True)
    if not counts or not counts[0][0] or counts[0][0] / len(found) < _SHARE \
            or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return ""
    best = counts[0][1]
    return best if reading(best) is not None else ""


@dataclass(frozen=True)
class ReadPair:
    """Two versions of a document in another language than English, read in English, with the
    words each English reading of a value stands for (`original`)."""

    language: str
    old: ResolvedDocument
    new: ResolvedDocument
    originals: dict[str, str]
    sentences: dict[str, str]

    def original(self, english: str) -> str:
        """The words the text wrote a value in ("Standortdaten" for "location data"), else `english`."""
        return self.originals.get(english.lower(), english)

    def sentence(self, english: str) -> str:
        """The sentence of the text an English reading of a sentence stands for (the one that
        shares most of its words when the judges cut it otherwise)."""
        key = english.strip().lower()
        if not key or key in self.sentences:
            return self.sentences.get(key, english)
        words = set(_WORD.findall(key))
        best = max(self.sentences, key=lambda s: len(words & set(_WORD.findall(s))), default="")
        return self.sentences[best] if best and words & set(_WORD.findall(best)) else english

    def originals_of(self, changes: ProseChanges) -> ProseChanges:
        """Findings that quote the text's own words: each value and sentence as the text writes them."""
        def own(value: str | None) -> str | None:
            return None if value is None else self.original(value)

        findings = tuple(replace(f, old=own(f.old), new=own(f.new), words=tuple(self.original(w) for w in f.words),
                                 sentence=self.sentence(f.sentence)) for f in changes.findings)
        return replace(changes, findings=findings)


def _text(document: ResolvedDocument) -> str:
    return "\n".join(s.markdown for s in document.sections)


def read_pair(old: ResolvedDocument, new: ResolvedDocument) -> ReadPair | None:
    """Both versions read in English when they are written in one other language that has a
    reading file (a version too short to tell takes the other's language); None when they are
    in English, in two languages or in one without a file."""
    languages = {detect(_text(old), old.language), detect(_text(new), new.language)} - {""}
    if len(languages) != 1 or ENGLISH in languages:
        return None
    found = reading(languages.pop())
    if found is None:
        return None
    seen: dict[str, str] = {}
    sentences: dict[str, str] = {}

    def read(document: ResolvedDocument) -> ResolvedDocument:
        for section in document.sections:
            for sentence in _SENTENCE_END.compiled().split(section.markdown):
                if sentence.strip():
                    sentences.setdefault(found.gloss(sentence).strip().lower(), sentence.strip())
        sections = tuple(replace(s, title=found.gloss(s.title, seen), markdown=found.gloss(s.markdown, seen))
                         for s in document.sections)
        # (the reading keeps the language the text is written in: a rule of `rules/boundaries.yml` asks it, fragile41)
        return replace(document, sections=sections, source_language=found.code)

    return ReadPair(found.code, read(old), read(new), seen, sentences)
