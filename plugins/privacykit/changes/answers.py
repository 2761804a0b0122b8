"""A question heading read together with its answer (consent26).

Policies written as answers to questions ("### Do we use your location for ads?" then "Yes, if you use the
free plan.") state a practice across the two: the answer's "Yes", "No" or "Only if you agree" has no practice
of its own, and the question has no verdict. A reader takes the practice from the question and its polarity
and condition from the answer; so does this module. `answered` rewrites the answer's first sentence as the
statement the two make ("We use your location for ads, if you use the free plan."; "We do not use your location
for ads."; "We share your contacts only if you agree."), in the company's voice: a question asked in the
reader's ("Do you read my chats?") is turned ("we read your chats"). The answer's other sentences are read as
written. Only a closed question (one opened by an auxiliary) is read: "What do we collect?" has no yes or no.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import Block, split_blocks
from .items import (
    PROCESSING_VERBS,
    Voice,
    consent_limited,
    plain_alternation,
    plain_participles,
    plain_verbs,
    sentences,
)
from .terms import stem
from .text import LazyPattern, reading_form

# A closed question: an auxiliary, its subject, the rest ("Do we use your location for ads?").
_CLOSED = LazyPattern(r"^\W*(?P<aux>do|does|did|will|would|can|could|may|might|should|is|are|was|were|has|have)\s+"
                      r"(?P<subject>(?:the\s+|our\s+|your\s+|my\s+)?[\w'’-]+(?:\s+(?:app|apps|services?|"
                      r"information|data|team|partners?))?)\s+(?P<rest>[^?]{3,200}?)\s*\?\s*$", re.IGNORECASE)
# The answer's opening word and what follows it. A verbal opening ("We do.", "It can't,") stands alone: "We don't
# sell it." is a sentence of its own, not an opening.
_VERBAL_END = r"(?=\s*(?:[,.;:!—–-]|$))"
_YES = LazyPattern(r"^\W*(?:(?:yes|yeah|yep|yup|sure|certainly|absolutely|definitely|of course|correct)\b|"
                   r"(?:we|they|it|you|he|she)\s+(?:do|does|can|will|may|are|is)" + _VERBAL_END + r")[\s,.;:!—–-]*",
                   re.IGNORECASE)
_NO = LazyPattern(r"^\W*(?:(?:no|nope|never|not at all|not ever|absolutely not|certainly not|definitely not|"
                  r"of course not)\b|(?:we|they|it|you|he|she)\s+(?:don['’]t|do not|doesn['’]t|does not|won['’]t|"
                  r"will not|can['’]t|cannot|can not|aren['’]t|are not|isn['’]t|is not)" + _VERBAL_END + r")"
                  r"(?:\s*,?\s*(?:never|not ever|not at all|we don['’]t|we do not|we never)\b)?[\s,.;:!—–-]*",
                  re.IGNORECASE)
# An answer that grants the practice in part, or sometimes: "Partly.", "Mostly no.", "Not usually.", "It depends: …".
_PARTLY = LazyPattern(r"^\W*(?:partly|partially|in part|sometimes|occasionally|in (?:some|certain|limited|rare) cases|"
                      r"mostly(?:\s+(?:not|no|yes))?|usually(?:\s+not)?|not usually|not always|not often|"
                      r"not necessarily|rarely|seldom|(?:it|that)\s+depends|depends|to some extent|some of (?:it|them)|"
                      r"yes and no|only partly|only some(?: of (?:it|them))?)\b[\s,.;:!—–-]*", re.IGNORECASE)
# "Only if …", "Only with your permission", "Not unless you …", "Just when …": the practice under a condition.
_ONLY = LazyPattern(r"^\W*(?:(?:yes|no)\s*[,.;:—–-]\s*)?(?:but\s+)?(?P<word>only|just|not\s+unless|unless)\s+"
                    r"(?P<condition>(?:if|when|where|with|after|once|while|for|to)\b.*|(?<=unless\s)(?:you|we)\b.*)$",
                    re.IGNORECASE | re.DOTALL)
# An answer whose rest opens a condition or a limit of the practice ("Yes, if you …", "Yes, but only …").
_CONDITION_OPENING = LazyPattern(r"^(?:if|when|where|whenever|unless|with|once|after|but|as long as|provided|"
                                 r"only|for|to|in|on|through|by|while|so)\b", re.IGNORECASE)

# An answer's rest that is a sentence of its own ("Yes, we …", "No, it …"), not a phrase of the statement's.
_SUBJECT_OPENING = LazyPattern(r"^(?:(?:only|just|also|even)\s+)?(?:we|we['’]\w+|they|it|it['’]s|you|i|he|she|our|your|"
                               r"their|its|this|that|these|those|there|(?:some|all|most|many|each|every|both|none|neither)\s+"
                               r"(?:of\s+)?\w+|(?-i:[A-Z]\w+)\s+(?:\w+\s+)?(?:is|are|was|were|has|have|will|may|can|do|does|"
                               r"gets?|uses?|shares?|sees?|sells?|collects?|keeps?|go|goes|stays?|remains?|helps?|lets?))\b",
                               re.IGNORECASE)
# (a sentence opened by a phrase and a comma: "At any time, you can …", "In that case, we …")
_FRONTED = LazyPattern(r"^[^,.;:!?]{1,50},\s*", re.IGNORECASE)
# A condition or an exception that binds the practice ("if you use the free plan", "unless a court orders us to",
# "only when you ask"); a time the reader is free to choose ("at any time", "whenever you like") binds nothing.
_CONDITION = LazyPattern(r"^(?:if|when|where|whenever|unless|once|after|as long as|so long as|provided|while|except|"
                         r"but only|only\s+(?:if|when|where|with|after|once|while|for|to)|with your|depending on|"
                         r"on condition|subject to)\b(?!\s+you\s+(?:like|want|wish|choose|please)\b)", re.IGNORECASE)
# A label before a question or its answer ("Q:", "Question:", "A:", "Answer:").
_QUESTION_LABEL = LazyPattern(r"^\W*(?:q|question)\s*[:.)]\s*", re.IGNORECASE)
_ANSWER_LABEL = LazyPattern(r"^\W*(?:a|answer)\s*[:)]\s*", re.IGNORECASE)
# The reader's voice turned to the company's: the question's "you" is the company, "my" the reader's.
_READER_WORDS = LazyPattern(r"\b(?:my|me|i|mine|myself)\b", re.IGNORECASE)
_TURNED = {"you": "we", "your": "our", "yours": "ours", "yourself": "ourselves", "my": "your", "me": "you",
           "i": "you", "mine": "yours", "myself": "yourself"}
_TURN_WORD = LazyPattern(r"\b(?:you|your|yours|yourself|my|me|i|mine|myself)\b", re.IGNORECASE)
# A question put to the reader ("Do you have to give us your phone number?"): its "you" is the reader.
_ADDRESSED = LazyPattern(r"\b(?:your|yours|yourself|us|our|ours)\b", re.IGNORECASE)
_DO = frozenset({"do", "does", "did"})
_PLURAL_SUBJECTS = frozenset({"we", "you", "they", "i"})


def _turned(text: str) -> str:
    """`text` in the company's voice: "you" (the company, asked) -> "we", "my" (the asker) -> "your"."""
    return _TURN_WORD.sub(lambda m: _TURNED[m.group(0).lower()], text)


def _third_person(verb: str) -> str:
    """The verb after a "does" subject, inflected ("sell" -> "sells", "share" -> "shares")."""
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


# Verbs a closed question's subject is followed by, and the participles of its passive ("Is my purchase history
# sold …?"): where the subject's first words are followed by neither, the subject runs on ("your support staff").
_QUESTION_VERBS = frozenset({"see", "view", "get", "know", "ask", "tell", "let", "help", "need", "have", "make",
                             "take", "contact", "delete", "download", "change", "find", "target", "train", "buy",
                             "check", "save", "remove", "stop", "request", "update", "build", "decide", "learn",
                             "follow", "show", "give"})
# (the participles of the plain-voice verbs, fold28, and of verbs a question asks with that no policy uses for
# processing: "Is my account taken over?", "Are my messages hidden?")
_PARTICIPLE = LazyPattern(rf"^(?:\w+ed|{plain_alternation(plain_participles())}|taken|stolen|hidden|written)$",
                          re.IGNORECASE)


def _resplit(aux: str, subject: str, rest: str) -> tuple[str, str]:
    """The question's subject and rest, the subject run on by a word or two where the rest would open with neither
    a verb nor, after "is"/"are", a participle ("Can your support staff see …?", "Is my purchase history sold …?")."""
    words = rest.split()
    passive = aux in ("is", "are", "was", "were")

    def fits(word: str) -> bool:
        word = word.lower()
        if passive:
            return _PARTICIPLE.match(word) is not None
        return word in _QUESTION_VERBS or _processing(word)

    if not words or fits(words[0]):
        return subject, rest
    for k in (1, 2):
        if k < len(words) and fits(words[k]) and re.fullmatch(r"[\w'’-]+", " ".join(words[:k]).replace(" ", "")):
            return f"{subject} {' '.join(words[:k])}", " ".join(words[k:])
    return subject, rest


def statement(question: str, denied: bool = False) -> str | None:
    """The closed question as the statement it asks about ("Do we use your location for ads?" -> "we use your
    location for ads"; denied: "we do not use your location for ads"), in the company's voice; None for a
    question that is not closed."""
    found = _CLOSED.match(question.strip())
    if found is None:
        return None
    aux, subject, rest = found.group("aux").lower(), found.group("subject"), found.group("rest")
    subject, rest = _resplit(aux, subject, rest)
    if _READER_WORDS.search(question) or (subject.lower() == "you" and not _ADDRESSED.search(rest)):
        subject, rest = _turned(subject), _turned(rest)
    if aux in _DO:
        if denied:
            return f"{subject} {aux} not {rest}"
        if aux == "does" and subject.lower() not in _PLURAL_SUBJECTS:
            verb, _, tail = rest.partition(" ")
            return f"{subject} {_third_person(verb)} {tail}".rstrip()
        if aux == "did":
            return f"{subject} did {rest}"
        return f"{subject} {rest}"
    if subject.lower() == "we" and aux in ("is", "was"):
        aux = "are" if aux == "is" else "were"
    if denied and aux == "can":
        return f"{subject} cannot {rest}"
    return f"{subject} {aux}{' not' if denied else ''} {rest}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def question_over(blocks: Sequence[Block], index: int, title: str) -> str:
    """The closed question that `blocks[index]` answers: the heading right above the paragraph, or the section's
    title where the paragraph opens the section; empty for any other block."""
    block = blocks[index]
    if block.kind != "p":
        return ""
    above = blocks[index - 1] if index else None
    # (a question set as a paragraph of its own, "**Do we sell your data?**", stands as a heading does)
    if above is not None and not (above.kind == "h" or (above.kind == "p" and above.text.rstrip().endswith("?")
                                                         and len(above.text.split()) <= 20)):
        return ""
    question = question_text(above.text if above is not None else title)
    return question if _CLOSED.match(question) else ""


@dataclass(frozen=True)
class Answer:
    """A closed question's answer read as its parts (answers27): its polarity ("yes", "no" or "partly": granted in
    part, sometimes, "it depends"), the condition or exception it sets as written ("only if you ask us", "unless a
    court orders us to"; "" for none), the rest of its words and its opening as written ("Yes,", "Not usually.")."""

    polarity: str
    condition: str
    rest: str
    opening: str

    @property
    def scope(self) -> int:
        """How far the answer grants the practice: 0 not at all ("No."), 1 in part or under a condition ("Partly.",
        "Only if you ask us.", "No, unless …", "Yes, if …"), 2 wholly ("Yes.")."""
        if self.polarity == "no" and not self.condition:
            return 0
        return 2 if self.polarity == "yes" and not self.condition else 1


def question_text(text: str) -> str:
    """A question heading or line without its markup and label ("**Q: Do we …?**" -> "Do we …?")."""
    return _QUESTION_LABEL.compiled().sub("", text.strip().strip("*_#").strip(), count=1).strip().strip("*_").strip()


def read_answer(answer: str) -> Answer | None:
    """The answer's first sentence as polarity, condition and rest; None where it opens with no yes, no, part or
    condition."""
    answer = _ANSWER_LABEL.compiled().sub("", answer.strip(), count=1)
    only = _ONLY.match(answer)
    if only is not None:
        word = only.group("word").lower()
        condition = answer[only.start("word"):].strip().rstrip(".!;:").strip()
        return Answer("no" if word.startswith(("not", "unless")) else "yes", condition, "",
                      answer[:only.start("word")] + only.group("word"))
    for polarity, pattern in (("partly", _PARTLY), ("no", _NO), ("yes", _YES)):
        opening = pattern.match(answer)
        if opening is None:
            continue
        rest = answer[opening.end():].strip()
        condition = ""
        if _CONDITION.match(rest) or (polarity == "partly" and re.search(r"depends\W*$", opening.group(0), re.I)
                                      and re.search(r"[A-Za-z]", rest)):
            condition = re.split(r"[.;!]\s", rest, maxsplit=1)[0].rstrip(".!;:").strip()
        return Answer(polarity, condition, rest, answer[:opening.end()].rstrip())
    return None


# A condition that leaves the practice to the reader's settings or choice ("on your privacy settings", "if you opt in").
_READERS_CHOICE = LazyPattern(r"\byour\s+(?:[\w-]+\s+)?(?:settings?|preferences|choices?|controls|permission|consent|"
                              r"say-so|ok(?:ay)?)\b|\byou\s+(?:first\s+)?(?:choose|decide|opt|agree|allow|consent|"
                              r"accept|tap|click|turn|switch|enable|sign up|ask)\b", re.IGNORECASE)


def reader_chooses(condition: str) -> bool:
    """Whether an answer's condition leaves the practice to the reader's choice (`consent_limited`, or the reader's
    settings, permission or act: "It depends on your privacy settings", "Only if you turn on Tailored Ads")."""
    return consent_limited(condition) or _READERS_CHOICE.search(condition) is not None


def _own_sentence(rest: str) -> bool:
    """Whether an answer's rest is a sentence of its own ("we keep them for 30 days", "At any time, you can …"), not
    a phrase of the statement's ("to advertising partners who pay us", "every time you open the app")."""
    if _CONDITION.match(rest):
        return False
    if _SUBJECT_OPENING.match(rest):
        return True
    fronted = _FRONTED.match(rest)
    return fronted is not None and _SUBJECT_OPENING.match(rest[fronted.end():]) is not None


def _glued(rest: str) -> str:
    """The rest as a phrase of the statement: its first word lowered unless it is a name."""
    first = rest.split(None, 1)[0] if rest.split() else ""
    if first[1:2].islower() and first.lower().strip(",") in _FUNCTION_WORDS:
        return rest[:1].lower() + rest[1:]
    return rest


_FUNCTION_WORDS = frozenset({"if", "when", "where", "whenever", "unless", "once", "after", "as", "so", "provided",
                             "while", "except", "but", "only", "with", "at", "any", "anytime", "to", "for", "in", "on",
                             "through", "by", "from", "every", "each", "some", "via", "using", "depending", "subject"})


def answered(question: str, answer: str) -> list[str] | None:
    """The answer's first sentence `answer`, read with the question heading over it, as the sentences they make
    together; None where the question is no closed one or the answer opens with no yes, no, part or condition.
    "Yes." -> the statement; "Yes, if you …" -> the statement with its condition; "Yes. We …" / "Yes, we …" -> the
    statement, then the answer's own words; "No." / "No, never." -> the statement denied; "No. We …" -> the denial,
    then the answer's words; "Only if you agree." / "Not unless you ask" -> the statement "only if" / denied
    "unless" its condition; "Partly." / "Not usually." -> the statement "in some cases". Whether the answer's other
    words are a phrase of the statement or a sentence of their own is told by their form, not by the punctuation
    after "Yes" ("Yes, at any time, you can …" and "Yes. Whenever you like, you can …" are read alike)."""
    answer = _ANSWER_LABEL.compiled().sub("", answer.strip(), count=1)
    only = _ONLY.match(answer)
    if only is not None:
        word = only.group("word").lower()
        if word.startswith(("not", "unless")):
            said = statement(question, denied=True)
            return None if said is None else [_capitalised(f"{said} unless {_after_unless(only.group('condition'))}")]
        said = statement(question)
        return None if said is None else [_capitalised(f"{said} only {only.group('condition')}")]
    reading = read_answer(answer)
    if reading is None:
        return None
    said = statement(question, denied=reading.polarity == "no")
    if said is None:
        return None
    if reading.polarity == "partly":
        said = f"{said}, in some cases"
    rest = reading.rest
    if not rest or not re.search(r"[A-Za-z]", rest):
        return [_capitalised(said) + "."]
    if not _own_sentence(rest):
        # "Yes, if you …", "Yes, every time you open the app": the answer's words are the statement's own.
        return [_capitalised(f"{said}, {_glued(rest)}")]
    return [_capitalised(said) + ".", _capitalised(rest)]


def answer_pieces(question: str, pieces: list[str]) -> tuple[str, list[str]]:
    """The question a paragraph answers and its sentences as read (answers27): the first sentence read with the
    question (`answered`), a bare "Yes." read with the phrase after it ("Yes. Whenever you like, from the
    Recordings page."), a question asked in the paragraph itself ("Q: Do you …? A: No.", "**Do we …?** No.")
    read with the sentence after it. `question` is the heading over the paragraph ("" for none)."""
    if not pieces:
        return question, pieces
    at = 0
    if not question and len(pieces) > 1:
        inline = question_text(pieces[0])
        if inline.endswith("?") and _CLOSED.match(inline) and read_answer(pieces[1]) is not None:
            question, at = inline, 1
    if not question or at >= len(pieces):
        return question, pieces
    first, after = pieces[at], pieces[at + 1:]
    reading = read_answer(first)
    if reading is not None and after and not re.search(r"[A-Za-z]", reading.rest) and not reading.condition \
            and not _own_sentence(after[0]):
        first, after = f"{first} {after[0]}", after[1:]
    read = answered(question, first) if reading is not None else None
    return question, [*pieces[:at], *(read or [first]), *after]


def answers_in(markdown: str, title: str) -> list[tuple[str, Answer, str]]:
    """Each closed question of a section's Markdown with its answer read (`read_answer`) and the answer's opening
    sentence as written: the question heading or line over a paragraph, or asked in the paragraph itself."""
    blocks = split_blocks(markdown)
    found = []
    for i, block in enumerate(blocks):
        if block.kind != "p":
            continue
        pieces = sentences(reading_form(block.text))
        question = question_over(blocks, i, title)
        asked, read = answer_pieces(question, pieces)
        if not asked or not read:
            continue
        at = 1 if not question else 0
        if at >= len(pieces):
            continue
        first = pieces[at]
        reading = read_answer(first)
        if reading is not None and not re.search(r"[A-Za-z]", reading.rest) and not reading.condition \
                and at + 1 < len(pieces) and not _own_sentence(pieces[at + 1]):
            first = f"{first} {pieces[at + 1]}"
            reading = read_answer(first)
        if reading is not None:
            found.append((asked, reading, first))
    return found


def asks_practice(question: str) -> bool:
    """Whether a closed question asks whether the company does something to the reader's data ("Do you share my
    location?", "Can your staff read my messages?"), not whether the reader may ("Can I delete my account?") or
    whether the data are safe ("Are my messages private?"): only there is a "yes" the wider answer."""
    said = statement(question)
    if said is None:
        return False
    words = re.findall(r"[A-Za-z]+", said.lower())
    if not words or words[0] == "you":
        return False
    if words[0] == "your":
        # (the reader's data as the subject: done to it in the passive, "Is my purchase history sold …?")
        return any(be in ("is", "are", "was", "were") and (_processing(w) or w in _SEEN)
                   for be, w in itertools.pairwise(words))
    return any(_processing(w) or w in _SEEN for w in words[1:6])


# Verbs that put the reader's data to a use or in others' hands, beyond the stems of processing (GDPR Art. 4(2))
# `items.PROCESSING_VERBS` holds: a short voice's "give", "pass", "show", "match" (answers27), from the table of
# plain-voice verbs (fold28); "look at" and "back up" as phrases.
_POINTING_VERBS = frozenset(verb for verb in plain_verbs(Voice.POINTS) if " " not in verb)
_POINTING_PHRASAL = frozenset(verb for verb in plain_verbs(Voice.POINTS) if " " in verb)
# (and, for a question's practice, the reader's data seen or handed on: "Can your staff see my messages?")
_SEEN = plain_verbs(Voice.SEEN) | plain_participles(Voice.SEEN)


@dataclass(frozen=True)
class Widened:
    """An answer that grants more than before (answers27): the question, the two readings and the answers as
    written."""

    question: str
    old: Answer
    new: Answer
    old_written: str
    new_written: str
    # An alternative added to the condition or exception, at the same scope ("unless you apply for a loan" ->
    # "… or your account is overdrawn"); "" where the scope itself widened.
    alternative: str = ""


def _question_key(question: str) -> str:
    said = statement(question) or question
    return " ".join(re.findall(r"[a-z]+", said.lower()))


def widened(old_markdown: str, old_title: str, new_markdown: str, new_title: str) -> list[Widened]:
    """The answers of a section's closed questions about a practice that grant it further in the new version: "No."
    -> "Only if you ask us." -> "Yes." (the scope of `Answer`). An answer is paired with the old one to the same
    question; a section with one question on each side pairs them whatever the question's words."""
    olds, news = answers_in(old_markdown, old_title), answers_in(new_markdown, new_title)
    if not olds or not news:
        return []
    by_key = {_question_key(q): (q, a, w) for q, a, w in olds}
    pairs = []
    for q, a, w in news:
        old = by_key.get(_question_key(q))
        if old is None and len(olds) == len(news) == 1:
            old = olds[0]
        if old is not None:
            pairs.append((old, (q, a, w)))
    found = []
    for (_, a0, w0), (q, a1, w1) in pairs:
        if not asks_practice(q):
            continue
        if a1.scope > a0.scope:
            found.append(Widened(q, a0, a1, w0, w1))
        elif a1.scope == a0.scope == 1 and a0.condition and a1.condition:
            alternative = _alternative_added(a0.condition, a1.condition)
            if alternative:
                found.append(Widened(q, a0, a1, w0, w1, alternative))
    return found


_CONTENT_WORD = LazyPattern(r"[a-z][a-z'’-]+")
_NOT_CONTENT = frozenset({"only", "if", "when", "where", "unless", "with", "your", "you", "the", "a", "an", "and", "or",
                          "to", "of", "in", "on", "for", "we", "us", "it", "them", "they", "is", "are", "be", "through",
                          "by", "our", "at", "after", "once", "while"})


def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _CONTENT_WORD.compiled().findall(text.lower()) if w not in _NOT_CONTENT)


def _alternative_added(old: str, new: str) -> str:
    """An alternative joined by "or" to an answer's condition or exception whose words the old one lacks, the old
    one's words all kept ("unless you apply for a loan" -> "unless you apply for a loan or your account is
    overdrawn"): the practice is granted in one case more (answers27). "" for none."""
    if not _words(old) <= _words(new):
        return ""
    for alternative in re.split(r",?\s+or\s+", new)[1:]:
        if len(_words(alternative) - _words(old)) >= 2:
            return alternative.strip()
    return ""


def _after_unless(condition: str) -> str:
    """The condition of "Not unless …" without a second "unless" or "if"."""
    return re.sub(r"^(?:if|when)\s+", "", condition, flags=re.IGNORECASE)


# consent26: data named in one sentence and put to use in the next by a pronoun ("We collect your precise
# location to show nearby stores. We also use it to target ads."): a short voice states the data and the use
# across two sentences, as a question and its answer state the practice and its verdict.
# (the verb is any word: `_processing` tells whether it is one of processing, from `items.PROCESSING_VERBS`' stems
# and the verbs of a short voice in `_POINTING_VERBS`; answers27 folded a list of inflected verbs into them)
_PRONOUN_OBJECT = LazyPattern(r"^(?P<lead>(?:we|[A-Z]\w+)\s+(?:(?:also|may|might|can|will|then|now|sometimes|"
                              r"often|could|would|routinely|only)\s+){0,2}(?P<verb>[a-z]+(?:\s+(?:at|up))?)"
                              r")\s+(?P<pron>it|them)\b",
                              re.IGNORECASE)


def _processing(verb: str) -> bool:
    """Whether a verb ("uses", "looks at", "syncs") processes the data it takes: a stem of `items.PROCESSING_VERBS`
    or a verb of `_POINTING_VERBS` ("look at" and "back up" by their first word)."""
    first = verb.split()[0].lower()
    if len(verb.split()) > 1:
        return " ".join(verb.lower().split()) in _POINTING_PHRASAL
    return first in _POINTING_VERBS or stem(first) in PROCESSING_VERBS


# (the participles of the passive; those in "-ed" the pattern takes as they come)
_IRREGULAR = frozenset(p for p in plain_participles(Voice.PASSIVE) if not p.endswith("ed"))
_PRONOUN_SUBJECT = LazyPattern(r"^(?P<pron>it|they)\s+(?=(?:(?:is|are|may be|can be|will be|might be|could be|get|"
                               r"gets)\s+"
                               r"(?:also\s+|then\s+|sometimes\s+|only\s+)?(?:\w+ed|"
                               rf"{plain_alternation(_IRREGULAR)})\b))",
                               re.IGNORECASE)
_YOUR_DATA = LazyPattern(r"\byour\s+((?:[\w-]+\s+){0,2}?[\w-]+?)(?=\s+(?:to|when|if|and|or|for|with|on|in|from|so|"
                         r"because|at|that|which|while|whenever|once|after|before|as|by|into|through|until|unless|"
                         r"is|are|was|were|will|would|may|might|can|could|stays?|remains?|gets?|goes|go)\b|"
                         r"\s*[.,;:!?)]|\s*$)", re.IGNORECASE)
_NOT_DATA = LazyPattern(r"^(?:account|device|phone|app|browser|settings?|consent|permission|choice|request|friends?|"
                        r"experience|use|own|privacy|rights?|country|behalf|name\s+and)$", re.IGNORECASE)


def pointed_back(pieces: list[str]) -> list[str]:
    """The sentences of a paragraph with a pronoun that stands for the data of the sentence before it spelled out
    ("We also use it to target ads." after "We collect your precise location …" -> "We also use your precise
    location to target ads."), where that sentence names the reader's data once ("your X") and the pronoun is
    the object of a verb of processing or the subject of one in the passive; the others as written."""
    out = list(pieces)
    for i in range(1, len(out)):
        # (the sentence before, or the one before that where the sentence between names no data: "Mostly.")
        named: list[str] = []
        for before in pieces[max(0, i - 2):i][::-1]:
            named = [m.group(1) for m in _YOUR_DATA.finditer(before) if not _NOT_DATA.match(m.group(1))]
            if named or _YOUR_DATA.search(before):
                break
        if len(set(named)) != 1:
            continue
        data = named[0]
        found = _PRONOUN_OBJECT.match(out[i])
        if found is not None and _processing(found.group("verb")):
            out[i] = f"{out[i][:found.start('pron')]}your {data}{out[i][found.end('pron'):]}"
            continue
        found = _PRONOUN_SUBJECT.match(out[i])
        if found is not None:
            out[i] = f"Your {data} {out[i][found.end('pron'):].lstrip()}"
    return out
