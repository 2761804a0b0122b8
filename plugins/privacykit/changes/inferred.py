"""Special data newly inferred: patterns in ordinary data read as a sign of a health condition, a diet, a belief
(consent36).

Data that reveal health, a disability, religion or sexual life are special categories whether the user told them
or the company worked them out (GDPR Art. 9(1); CJEU C-184/20 OT, para. 123-128: data from which such a trait can be
deduced; EDPB Guidelines 8/2020 on targeting, para. 117-121: inferred special data). A sentence that starts
deducing one needs an Art. 9(2) condition, in a consumer service the user's explicit consent. Read by the grammar
of an inference, not by a case's words:

- **an inference**: a verb of working out (spot, detect, identify, infer, guess, predict, work out, deduce,
  recognise, flag, estimate, notice, pick up on; or a search "for signs of", paracons37: review, check, scan, screen,
  analyse, examine, monitor, look through) and a verb of pointing (patterns that "point to", "suggest",
  "indicate", "reveal", "may be a sign of", "signs of") in one sentence;
- **a guarded trait**: a condition, disease, disorder, diagnosis, a named one (dyslexia, diabetes, coeliac disease,
  PCOS, depression, ADHD …), a diet, pregnancy, a disability, religion, sexual orientation, ethnic origin, or what
  consent34's special kind reads (`guarded._KINDS["special"]`: health, symptoms, medication …);
- affirmed: no denial in the sentence ("We don't guess your health from what you buy" is the old promise);
- new: no sentence of the old text (the paired one, or the old section) affirmed patterns pointing to a guarded
  trait, with or without a verb of working out.

What a user logs or tells ("the symptoms you log") is not inferred: the verbs of working out are needed. Fraud,
security or system health spotted from patterns names no trait of the person.
"""

from __future__ import annotations

import re

from .guarded import _KINDS as _GUARDED
from .text import LazyPattern

_WORK_OUT = LazyPattern(r"\b(?:spot(?:s|ted|ting)?|detect(?:s|ed|ing)?|identif(?:y|ies|ied|ying)|infer(?:s|red|ring)?|"
                        r"guess(?:es|ed|ing)?|predict(?:s|ed|ing)?|work(?:s|ed|ing)?\s+out|deduc(?:e|es|ed|ing)|"
                        r"recogni[sz](?:e|es|ed|ing)|flag(?:s|ged|ging)?|estimat(?:e|es|ed|ing)|notic(?:e|es|ed|ing)|"
                        r"pick(?:s|ed|ing)?\s+up\s+on)\b"
                        # (paracons37: a search for signs, "reviews what you log for signs of", "screens your entries
                        # for possible symptoms of": looking through data for a trait is working it out)
                        r"|\b(?:review|check|scan|screen|analy[sz]|examin|assess|monitor|search|comb|look)\w*\b"
                        r"(?=[^.;]{0,80}?\bfor\s+(?:any\s+|possible\s+|potential\s+|early\s+|the\s+)*"
                        r"(?:signs?|indications?|indicators?|markers?|symptoms?|red\s+flags?)\s+of\b)", re.IGNORECASE)
_POINTING = LazyPattern(r"\b(?:point(?:s|ing)?\s+to(?:wards)?|suggest(?:s|ing)?|indicat(?:e|es|ing)|reveal(?:s|ing)?|"
                        r"(?:be\s+)?(?:a\s+|early\s+)?signs?\s+of|(?:indications?|indicators?|markers?|symptoms?|"
                        r"red\s+flags?)\s+of|hint(?:s|ing)?\s+at|consistent\s+with|linked\s+to)\b",
                        re.IGNORECASE)
_TRAIT = LazyPattern(r"\b(?:(?:medical|health|mental[- ]health)\s+)?(?:conditions?|diseases?|disorders?|illness(?:es)?|"
                     r"dyslexi\w*|dyspraxi\w*|adhd|autis\w*|depress\w*|anxiety|diabet\w*|coeliac|celiac|pcos|"
                     r"endometriosis|diets?|dietary|pregnan\w*|disabilit\w*|impairments?|addiction\w*|"
                     r"sexual\s+orientation|religio\w*|ethnic\w*|political\s+(?:views?|opinions?|leanings?))\b",
                     re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|nothing|nor|neither)\b|n['’]t\b", re.IGNORECASE)
# What is spotted about a system or an account, not a person's trait.
_NOT_A_PERSON = LazyPattern(r"\b(?:fraud\w*|spam\w*|abuse|attacks?|bots?|malware|security|outages?|faults?|errors?|"
                            r"crash\w*|bugs?|issues|troubleshoot\w*|technical|(?:system|battery|device|network|account|server)\s+health)"
                            r"\b", re.IGNORECASE)
# "diagnose" as the company's own verb ("to diagnose and fix issues with the Service") names no trait.
_VERB_OF_CARE = LazyPattern(r"diagnos(?:e|es|ed|ing)", re.IGNORECASE)


def may_infer(text: str) -> bool:
    """The cheap guard: a verb of working out and a verb of pointing."""
    return _WORK_OUT.search(text) is not None and _POINTING.search(text) is not None


def _trait(text: str) -> str | None:
    match = _TRAIT.search(text) or next((m for m in _GUARDED["special"].finditer(text)
                                         if not _VERB_OF_CARE.compiled().fullmatch(m.group(0))), None)
    return match.group(0) if match is not None else None


def infers(text: str) -> str | None:
    """The guarded trait `text` affirms working out from patterns, or None."""
    if not may_infer(text) or _DENIED.search(text) or _NOT_A_PERSON.search(text):
        return None
    return _trait(text)


def _told(text: str) -> bool:
    """`text` affirms that patterns point to a guarded trait, with or without a verb of working out ("Hints
    notices writing patterns that may point to dyslexia")."""
    return _POINTING.search(text) is not None and _DENIED.search(text) is None and _trait(text) is not None


def tells_inference(text: str) -> bool:
    """`text` tells an inference of a guarded trait: the test each old sentence is put to (`special_inferred`)."""
    return _told(text)


def special_inferred(old: list[str], new: str) -> str | None:
    """The trait `new` starts inferring where no sentence of `old` told an inference of a guarded trait, or None."""
    trait = infers(new)
    if trait is None or any(_told(text) for text in old):
        return None
    return trait
