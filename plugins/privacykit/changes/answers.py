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

import re
from collections.abc import Sequence

from .blocks import Block
from .text import LazyPattern

# A closed question: an auxiliary, its subject, the rest ("Do we use your location for ads?").
_CLOSED = LazyPattern(r"^\W*(?P<aux>do|does|did|will|would|can|could|may|might|should|is|are|was|were|has|have)\s+"
                      r"(?P<subject>(?:the\s+|our\s+|your\s+|my\s+)?[\w'’-]+(?:\s+(?:app|apps|services?|"
                      r"information|data|team|partners?))?)\s+(?P<rest>[^?]{3,200}?)\s*\?\s*$", re.IGNORECASE)
# The answer's opening word and what follows it.
_YES = LazyPattern(r"^\W*(?:yes|yeah|yep|we do|it does|they do|we can|we will|sometimes|in some cases)\b[\s,.;:!—–-]*",
                   re.IGNORECASE)
_NO = LazyPattern(r"^\W*(?:no|nope|never|we don['’]t|we do not|we won['’]t|we can['’]t|we cannot|it doesn['’]t|"
                  r"not at all)\b(?:\s*,?\s*(?:never|not ever|not at all|we don['’]t|we do not|we never))?"
                  r"[\s,.;:!—–-]*",
                  re.IGNORECASE)
# "Only if …", "Only with your permission", "Not unless you …", "Just when …": the practice under a condition.
_ONLY = LazyPattern(r"^\W*(?:(?:yes|no)\s*[,.;:—–-]\s*)?(?:but\s+)?(?P<word>only|just|not\s+unless|unless)\s+"
                    r"(?P<condition>(?:if|when|where|with|after|once|while|for|to)\b.*|(?<=unless\s)(?:you|we)\b.*)$",
                    re.IGNORECASE | re.DOTALL)
# An answer whose rest opens a condition or a limit of the practice ("Yes, if you …", "Yes, but only …").
_CONDITION_OPENING = LazyPattern(r"^(?:if|when|where|whenever|unless|with|once|after|but|as long as|provided|"
                                 r"only|for|to|in|on|through|by|while|so)\b", re.IGNORECASE)

# An answer's rest that is a sentence of its own ("Yes, we …", "No, it …"), not a phrase of the statement's.
_SUBJECT_OPENING = LazyPattern(r"^(?:we|we['’]\w+|they|it|it['’]s|you|i|he|she|our|your|their|its|this|that|these|"
                               r"those|there|(?-i:[A-Z]\w+)\s+(?:\w+\s+)?(?:is|are|was|were|has|have|will|may|can|do|does|"
                               r"gets?|uses?|shares?|sees?|sells?|collects?|keeps?))\b", re.IGNORECASE)
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


def statement(question: str, denied: bool = False) -> str | None:
    """The closed question as the statement it asks about ("Do we use your location for ads?" -> "we use your
    location for ads"; denied: "we do not use your location for ads"), in the company's voice; None for a
    question that is not closed."""
    found = _CLOSED.match(question.strip())
    if found is None:
        return None
    aux, subject, rest = found.group("aux").lower(), found.group("subject"), found.group("rest")
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
    question = (above.text if above is not None else title).strip().strip("*_#").strip()
    return question if _CLOSED.match(question) else ""


def answered(question: str, answer: str) -> list[str] | None:
    """The answer's first sentence `answer`, read with the question heading over it, as the sentences they make
    together; None where the question is no closed one or the answer opens with no yes, no or condition.
    "Yes." -> the statement; "Yes, if you …" -> the statement with its condition; "Yes. We …" / "Yes, we …" -> the
    statement, then the answer's own words; "No." / "No, never." -> the statement denied; "No. We …" -> the denial,
    then the answer's words; "Only if you agree." / "Not unless you ask" -> the statement "only if" / denied
    "unless" its condition."""
    answer = answer.strip()
    only = _ONLY.match(answer)
    if only is not None:
        word = only.group("word").lower()
        if word.startswith(("not", "unless")):
            said = statement(question, denied=True)
            return None if said is None else [_capitalised(f"{said} unless {_after_unless(only.group('condition'))}")]
        said = statement(question)
        return None if said is None else [_capitalised(f"{said} only {only.group('condition')}")]
    yes, no = _YES.match(answer), _NO.match(answer)
    opening = yes or no
    if opening is None or (yes is not None and no is not None):
        return None
    said = statement(question, denied=no is not None)
    if said is None:
        return None
    rest = answer[opening.end():].strip()
    if not rest or not re.search(r"[A-Za-z]", rest):
        return [_capitalised(said) + "."]
    separator = answer[:opening.end()].rstrip()[-1:]
    if separator not in (".", "!") and (_CONDITION_OPENING.match(rest) or not _SUBJECT_OPENING.match(rest)):
        # "Yes, if you …", "Yes, every time you open the app": the answer's words are the statement's own.
        return [_capitalised(f"{said}, {rest}")]
    return [_capitalised(said) + ".", _capitalised(rest)]


def _after_unless(condition: str) -> str:
    """The condition of "Not unless …" without a second "unless" or "if"."""
    return re.sub(r"^(?:if|when)\s+", "", condition, flags=re.IGNORECASE)


# consent26: data named in one sentence and put to use in the next by a pronoun ("We collect your precise
# location to show nearby stores. We also use it to target ads."): a short voice states the data and the use
# across two sentences, as a question and its answer state the practice and its verdict.
_PROCESSING_VERB = (r"(?:use|uses|used|collect|collects|collected|gather|gathers|track|tracks|tracked|record|records|"
                    r"recorded|share|shares|shared|sell|sells|sold|read|reads|scan|scans|scanned|upload|"
                    r"uploads|uploaded|send|sends|sent|keep|keeps|kept|store|stores|stored|analy[sz]e|analy[sz]es|analy[sz]ed|"
                    r"combine|combines|combined|give|gives|gave|pass|passes|passed|disclose|discloses|disclosed|process|"
                    r"processes|processed|access|accesses|accessed|review|reviews|reviewed|transfer|transfers|"
                    r"transferred|sync|syncs|synced|look\s+at|looks\s+at|back\s+up|backs\s+up|rent|rents|license|"
                    r"licenses|match|matches|matched|link|links|linked|feed|feeds|fed|add|adds|added|put|puts|turn|"
                    r"turns|show|shows|publish|publishes)")
_PRONOUN_OBJECT = LazyPattern(r"^(?P<lead>(?:we|[A-Z]\w+)\s+(?:(?:also|may|might|can|will|then|now|sometimes|"
                              r"often|could|would|routinely|only)\s+){0,2}" + _PROCESSING_VERB
                              + r")\s+(?P<pron>it|them)\b",
                              re.IGNORECASE)
_PRONOUN_SUBJECT = LazyPattern(r"^(?P<pron>it|they)\s+(?=(?:(?:is|are|may be|can be|will be|might be|could be|get|"
                               r"gets)\s+"
                               r"(?:also\s+|then\s+|sometimes\s+|only\s+)?(?:\w+ed|sold|sent|kept|read|shown|given|fed|"
                               r"built|made|seen|put)\b))", re.IGNORECASE)
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
        if found is not None:
            out[i] = f"{out[i][:found.start('pron')]}your {data}{out[i][found.end('pron'):]}"
            continue
        found = _PRONOUN_SUBJECT.match(out[i])
        if found is not None:
            out[i] = f"Your {data} {out[i][found.end('pron'):].lstrip()}"
    return out
