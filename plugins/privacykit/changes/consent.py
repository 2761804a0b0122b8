"""Consent triggers: the few practices for which the laws ask a fresh legal basis, usually consent.

A change of a statement is at least a notice when it tells readers something new about what is
done with their data (`changes/prose.py`); it asks for consent again only when the sentence now
*affirms* one of these practices and the old text did not:

* training AI models on users' data: a purpose not compatible with the one data was collected
  for (GDPR Art. 6(4); EDPB Opinion 28/2024);
* selling personal information, or handing it over for money (CCPA §1798.120, GDPR Art. 6(1)(a));
* sharing it for advertising by others, or letting others track users for it (CPRA "sharing"
  for cross-context behavioural advertising, §1798.140(ah); ePrivacy Directive Art. 5(3));
* special categories and sensitive personal information (GDPR Art. 9(2)(a); CCPA §1798.121;
  LGPD Art. 11; PIPL Art. 29), precise location among them;
* profiling and decisions without human involvement (GDPR Art. 22), and profiles built by
  combining data from other sources to infer interests or behaviour (Art. 4(4));
* a kind of data used for a purpose incompatible with the one it was given for (GDPR Art. 6(4)):
  messages, contacts, photos, voice or location used for advertising, data handed to another
  company for its own purposes or to train its models.

A lower minimum age is read from the ages themselves (`changes/items.py`, quantities). Each
trigger counts only where its clause affirms it: "we do not sell", "unless you agree", and what
readers may ask or switch off ("you can opt out of the sale…") affirm nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model.facts import ChangeKind
from .classes import Classed, LegalClass, spans_of
from .frame import (
    child_marketed,
    child_targeted,
    consent_bundled,
    content_marketed,
    data_combined,
    location_kept,
    others_own_end,
    read_frames,
    sensed_in_background,
)
from .items import CORPORATE_TRANSACTION, affirmed_spans, consent_limited, sentences
from .negation import negated_verb_group, negation_marks, negation_tokens
from .practice import with_carve_outs
from .terms import GOVERNMENT_ID, Item, Lexicon, Match, Weight, stem, tokens
from .text import LazyPattern


@dataclass(frozen=True)
class Trigger:
    """One practice a sentence affirms that needs a fresh legal basis."""

    kind: ChangeKind
    item: Item
    concept: str        # "ai-training", "ai-training-by-others", "sale", "third-party-advertising",
                        # "others-own-purposes", "data-combination", "incompatible-use:<data>",
                        # "sensitive:<key>", "automated-decisions"
    words: str          # as written


# A person, or what they apply or claim with, put in an order or given a grade (the object named
# right after the verb, or the verb in the passive after it) ...
_RANKED_PERSON = (
    r"(?:\b(?:scor|rank|sort|filter|prioriti[sz]|screen|shortlist|grad|rat|assess)(?:e|es|ed|ing|s)?\s+"
    r"(?:and\s+\w+\s+)?"
    r"(?:(?:your|their|the|each|all|every|job|loan|credit|insurance|rental|tenancy|benefit|visa)\s+){0,3}"
    r"(?:applications?|applicants?|candidates?|candidacies|claims?|claimants?|tenants?|borrowers?|job seekers?|"
    r"résumés?|resumes?|cvs?|you)\b"
    r"|\b(?:applications?|applicants?|candidates?|claims?|résumés?|resumes?|cvs?)\s+(?:are|is|may be|will be|"
    r"can be|get|gets)\s+(?:\w+\s+)?(?:scored|ranked|sorted|filtered|prioriti[sz]ed|screened|shortlisted|"
    r"graded|rated)\b)")
# ... in a way that bears on a decision about them: whether they are seen, chosen or turned down.
# (One group: it follows a prefix in the patterns that use it.)
_BEARING = (r"(?:\b(?:affects?|affecting|influences?|influencing|determines?|determining|decides?|deciding|"
            r"impacts?)\s+(?:whether|if|which|who|how (?:likely|soon|high|far))\b"
            # or lets someone else turn them away on the strength of it ("so that recruiters can screen
            # out candidates our systems identify as a weaker match").
            r"|\b(?:screen(?:s|ed|ing)?|filter(?:s|ed|ing)?|weed(?:s|ed|ing)?|rul(?:e|es|ed|ing)) out\s+(?:the\s+)?"
            r"(?:\w+\s+)?(?:applicants?|applications?|candidates?|claimants?|tenants?|borrowers?|you|people|them)\b"
            r"|\bwhether (?:you|your \w+|they|it|an? \w+) (?:is|are|get|gets|will be|can be)\s+(?:\w+\s+)?"
            r"(?:reviewed|shortlisted|hired|selected|invited|interviewed|approved|considered|accepted|rejected|"
            r"declined|seen)\b"
            # or says what happens to those ranked low: turned down ("applications scoring below the
            # threshold may be declined").
            r"|\b(?:applications?|applicants?|candidates?|claims?|you)\s+(?:[\w-]+\s+){0,8}?(?:may|will|can|could|might|"
            r"are|is|get|gets)\s+(?:be\s+)?(?:automatically\s+)?(?:declined|rejected|refused|turned down|disqualified|"
            r"excluded|screened out|filtered out|removed from consideration)\b"
            # or the same said actively, the machine's verdict put to use ("employers may choose to
            # decline automatically any application that falls below a score they set").
            r"|\b(?:declin|reject|refus|disqualif)\w*\s+(?:automatically\s+)?(?:(?:any|all|the|your|their|each|"
            r"those|such)\s+)?(?:\w+\s+)?(?:applications?|applicants?|candidates?|claims?|claimants?|tenants?|"
            r"borrowers?)\b)")

# What a model is called: training needs any of these in its clause; developing or improving
# needs a model itself as its object ("improve our models", not "use AI to improve").
_AI = r"(?:ai|a\.i\.|artificial intelligence|machine[- ]learning|models?|llms?|large language models?|generative|" \
      r"neural networks?|algorithms?|chatbots?)"
# What learns from what it is given (not "algorithms", which a recommendation feed is fed into without learning).
_LEARNER = r"(?:ai|a\.i\.|artificial intelligence|machine[- ]learning|(?:ai |ml |language )?models?|llms?|" \
           r"large language models?|neural networks?)"
_MODEL = r"(?:(?:ai|ml|language|foundation|generative|machine[- ]learning) models?|models?|llms?|" \
         r"large language models?|neural networks?|machine[- ]learning)"
# Systems that learn, named by what they do or by the technique ("our speech recognition systems",
# "generative AI features"): developed, improved or taught only as the verb's own object.
_LEARNING_SYSTEM = r"(?:(?:generative )?(?:ai|a\.i\.|artificial intelligence|machine[- ]learning|ml|" \
                   r"speech[- ]recognition|voice[- ]recognition|image[- ]recognition|facial[- ]recognition|" \
                   r"natural[- ]language|language[- ]processing) " \
                   r"(?:systems?|features?|tools?|technolog(?:y|ies)|capabilities|" \
                   r"assistants?|products?|services?|engines?)|generative ai|artificial intelligence|chatbots?|" \
                   r"(?:ai|virtual|voice|digital) assistants?|" \
                   r"generative (?:features?|tools?|capabilities|products?|experiences|technolog(?:y|ies)))"
# What a generative system makes, said of a feature by example ("features such as AI voices and
# automatically written descriptions") or by what it does ("tools that generate images").
_GENERATED = r"(?:ai|a\.i\.|artificial intelligence|generative|(?:ai|machine|computer)[- ]generated|synthetic|" \
             r"automatically (?:written|generated|created|composed|produced|drawn))"
_GENERATING = r"(?:generat(?:e|es|ing)|writ(?:e|es)|compos(?:e|es)|synthesi[sz](?:e|es)|clon(?:e|es)|" \
              r"imitat(?:e|es)|mimic(?:s)?)"
_FEATURE = r"(?:features?|tools?|products?|capabilities|experiences|functions?|functionality)"
# The platforms that build audiences from lists of users advertisers upload to them.
_AD_PLATFORMS = r"(?:meta|facebook|instagram|google|tiktok|linkedin|snapchat|pinterest|twitter)"
# How far a pattern looks ahead within its clause (up to the next full stop or semicolon). A
# lookahead over the rest of the clause from every verb made one long sentence with no full stop
# cost its length squared (a 40 KB run took over a minute); the longest run without a full stop or
# semicolon in the corpora is about 2,700 characters, so a window of 4,000 reads every real clause
# whole, as before, and a hostile one in bounded time.
CLAUSE_WINDOW = 4000


def within_clause(pattern: str) -> str:
    """`pattern` with each look over the rest of a clause (`[^.;]*`) bounded to `CLAUSE_WINDOW`."""
    return pattern.replace("[^.;]*", f"[^.;]{{0,{CLAUSE_WINDOW}}}")


# Other companies' sites and apps, or the web at large: where a device recognised there is tracked.
_ELSEWHERE = (r"\b(?:(?:on|across|at|in|over|throughout)\s+(?:the\s+)?(?:other|third[- ]party|different|"
              r"partner|unaffiliated|non-[\w-]+|multiple|various)\s+(?:web)?(?:sites?|apps?|applications|services|"
              r"platforms|properties|devices)|across (?:the )?(?:web|internet|(?:web)?sites|apps|devices)|"
              r"(?:when|as|while|whenever) you (?:visit|use|browse|open) (?:other|third[- ]party)\s+"
              r"(?:web)?(?:sites?|apps?|applications|services)|elsewhere (?:online|on the (?:web|internet))|"
              r"off (?:of )?(?:our|the) (?:services?|sites?|apps?|platforms?))\b")


# What is said on a call or in a consultation (boundary39): calls, conversations, consultations, meetings held by
# telephone or video ("telephone calls", "video consultations", "Telefongespräche" read "Telefon conversations").
_SPOKEN = (r"(?:(?:tele)?phone\s+|telefon\s+|video\s+|voice\s+|audio\s+|support\s+|sales\s+|service\s+)?"
           r"(?:calls|conversations?|consultations?|video\s+meetings?|video\s+chats?)\b")
SPOKEN_WORD_RECORDED = "spoken-word-recorded"
# ... the user's own or held with the company: the reader or the company named in the sentence (not "recordings of
# conversations with artists" a podcast plays).
_PARTY = LazyPattern(r"\b(?:you|your|we|us|our)\b", re.IGNORECASE)


_PATTERNS: tuple[tuple[ChangeKind, Item, str, LazyPattern], ...] = tuple(
    (kind, item, concept, LazyPattern(within_clause(pattern), re.IGNORECASE)) for kind, item, concept, pattern in (
        # consent28: the users' calls with one another recorded by the service that carries them: listening to or
        # storing communications without the users' consent (ePrivacy Art. 5(1)); not a call with the company's
        # own staff ("calls with our support team may be recorded": `_OWN_CALLS`).
        (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "communications-recorded",
         r"\brecord(?:s|ed|ing)?\s+(?:all\s+|your\s+|the\s+|users['’]?\s+|members['’]?\s+|their\s+)?(?:(?:voice|video|"
         r"audio|group)\s+(?:(?:and|or|&)\s+(?:voice|video|audio)\s+)?)(?:calls|chats)\b"
         r"|\b(?:voice|video|audio|group)\s+(?:(?:and|or|&)\s+(?:voice|video|audio)\s+)?calls\s+(?:\w+\s+){0,3}?"
         r"(?:are|is|will\s+be|may\s+be|get|gets)\s+recorded\b"),
        # boundary39: the spoken word of a call, a consultation or a conversation with the company's own people
        # newly recorded ("Consultations are recorded in audio and video", "audio recordings of telephone calls
        # with our support hotline", "Telefongespräche … zeichnen wir … auf"): consent or a notice by
        # `rules/boundaries.yml` (spoken_word_recorded), which `prose._Record.add` asks (`changes/boundary.py`).
        (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, SPOKEN_WORD_RECORDED,
         rf"\brecord(?:s|ed|ing)?\s+(?:\w+\s+){{0,4}}?{_SPOKEN}"
         rf"|{_SPOKEN}\s+(?:[\w-]+\s+){{0,8}}?(?:are|is|will\s+be|may\s+be|can\s+be|get|gets|were|being)\s+"
         r"(?:\w+\s+){0,2}?(?:recorded|taped)\b"
         rf"|{_SPOKEN}\s+(?:[\w-]+\s+){{0,6}}?(?:we|they)\s+(?:\w+\s+)?record\b"
         rf"|\brecordings?\s+(?:and\s+transcripts?\s+)?of\s+(?:\w+\s+){{0,3}}?{_SPOKEN}"),
        # Training, fine-tuning or developing a model on what users give: a new, incompatible purpose.
        (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "ai-training",
         rf"\b(?:train(?:s|ed|ing)?|re-?train\w*|fine[- ]?tun\w*)\b(?=[^.;]*\b{_AI}\b)"
         rf"|\b{_AI}\b[^.;]*\btrain(?:s|ed|ing)?\b"
         rf"|\btraining (?:data|sets?|datasets?)\b"
         # (consent26: the model told as learning, "help our summary models learn", "learn from them to improve")
         rf"|\b{_MODEL}\s+(?:to\s+)?(?:learn|learns|learning)\b|\b(?:learn|learns)\s+from\s+(?:them|it|your\s+\w+)\b"
         rf"(?=[^.;]*\b(?:improve|better|models?|ai)\b)"
         # (paracons37: the data put into a system that learns, "fed into the AI that powers our drafting tool",
         # "supplied to our models as material"; or the system said to learn from it, "so that they can learn")
         rf"|\b(?:fed|feed(?:s|ing)?|input(?:s|ted)?|supplied|ingest(?:s|ed)?|poured|loaded)\s+(?:in)?to\s+"
         rf"(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?{_LEARNER}\b"
         rf"|\bfeed(?:s|ing)?\b[^.;]{{0,60}}?\binto\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?"
         rf"{_LEARNER}\b"
         rf"|\b{_LEARNER}\b(?=[^.;]{{0,80}}?\bso\s+(?:that\s+)?(?:it|they|these|those)\s+(?:can\s+|could\s+|will\s+"
         rf"|may\s+)?(?:learn|learns|get\s+better|improves?)\b)"
         rf"|\b(?:develop|improve|build|refine|teach|enhance|create)\w*\b(?=(?:\W+\w+){{0,6}}?\W+{_MODEL}\b)"
         rf"|\b(?:develop|improve|build|refine|teach|enhance|train)\w*\b(?=(?:\W+(?!with\b|using\b|by\b|through\b|"
         rf"via\b|in\b|of\b)\w+){{0,3}}?\W+{_LEARNING_SYSTEM}\b)"
         # Features developed that generate voices, text or images, told by example or by what they do:
         # a generative model built on the data, whatever the features are called (EDPB Opinion 28/2024).
         rf"|\b(?:develop(?:s|ed|ing)?|build(?:s|ing)?|built|creat(?:e|es|ed|ing)|design(?:s|ed|ing)?|"
         rf"train(?:s|ed|ing)?)\b(?=[^.;]{{0,80}}?\b(?:generative\s+{_FEATURE}\b|{_FEATURE}\b(?:[^.;]{{0,20}}?\b"
         rf"(?:such as|including|like|for example|e\.g\.)\W[^.;]{{0,40}}?\b{_GENERATED}\b|\s+(?:that|which)\s+"
         rf"(?:can\s+)?(?:automatically\s+)?{_GENERATING}\b)))"),
        # Personal information sold, rented or handed over for money or other valuable consideration.
        (ChangeKind.STARTS_SELLING, Item.SALE, "sale",
         r"\b(?:sell|sells|selling|sold|rent|rents|renting|rented|monetiz\w*|monetis\w*|trade|trades|trading|traded|"
         r"licen[cs]e|licen[cs]es|licen[cs]ing|licen[cs]ed|barter\w*)\b(?=(?:\W+(?:or|and)\W+(?:share|"
         r"disclose|rent|transfer|otherwise \w+))?(?:\W+(?:your|our|"
         r"their|the|this|that|such|any|all|certain|some|of|personal|user|users|customer|customers|member|members|"
         r"contact|account|usage|profile|mailing|email|e-mail|subscriber|subscribers|marketing|activity|listening|"
         r"viewing|browsing|location|individual-level|aggregated and individual-level|purchase|phone|postal|home))*\W+"
         r"(?:information|data|details|identifiers|profiles|email addresses|lists|addresses|address|numbers|"
         r"histor(?:y|ies)|records)\b)"
         # (short27: what is sold named loosely, "a limited audience file (ad ID and viewing interests)", with
         # the business it is sold to)
         r"|\b(?:sell|sells|selling|rent|rents|renting)\b(?=[^.;]{0,80}?\b(?:audiences?|data|information|"
         r"identifiers?|ids?|interests|profiles?|segments?|lists?|files?|histor(?:y|ies))\b)(?=[^.;]{0,120}?\bto\s+"
         r"(?:\w+\s+){0,3}?(?:partners?|companies|advertisers|brokers|third parties|businesses|firms|buyers|brands|"
         r"retailers|merchants|sponsors|labels|promoters|publishers|networks|agencies)\b)"
         r"|\b(?:information|data|details|identifiers|profiles?)\b(?:\W+\w+){0,6}?\W+(?:is|are|be|been|may be|"
         r"will be)\s+(?:sold|rented)\b"
         r"|\b(?:in exchange for|in return for|for)\s+(?:money|payment|a fee|monetary|valuable consideration|"
         r"compensation|remuneration)\b"
         # Others paying for the data ("advertisers pay us for access to user data").
         r"|\bcompensat\w* us for\b(?=[^.;]*\b(?:data|information)\b)"
         r"|(?<!\byou )(?<!\bcustomers )\bpa(?:y|ys|id)\s+(?:us\s+)?(?:for (?:access to |the use of |use of )?|"
         r"to (?:access|receive|obtain|use)\s+)(?:\w+\s+){0,4}?(?:data|information)\b"
         # Those the data is disclosed to paying for access to it ("made available to partners, who
         # pay us for access"); a fee paid for a service ("pays us a fee for processing") buys no data.
         r"|\b(?:share|shares|shared|disclose\w*|provide\w*|available|give|gives|offer\w*|"
         r"transfer\w*|send|sends|sent|pass\w*)\b(?=[^.;]*\b(?:who|which|that|they|them)\s+(?:also\s+)?"
         r"pa(?:y|ys|id)\s+(?:us\s+)?(?:a fee\s+)?(?:for (?:this |that |such |the )?(?:access|them|it)\b|"
         r"to (?:access|receive|obtain|use) (?:it|them|this|these)\b))"
         # The other way round: money received for the data ("payment in exchange for your data").
         r"|\b(?:payment|money|compensation|remuneration|valuable consideration)\b(?=[^.;]*\b(?:in exchange for|"
         r"in return for)\b[^.;]*\b(?:data|information|details)\b)"),
        # Advertising by others: data disclosed to advertising businesses, or users tracked and shown
        # ads off the service.
        (ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "third-party-advertising",
         r"\bcross[- ]context (?:behaviou?ral )?advertising\b"
         # Custom and lookalike audiences are lists of users handed to an ad platform.
         r"|\b(?:custom|lookalike|look-alike) audiences?\b"
         # The same, described: hashed e-mail addresses or phone numbers handed to an ad or social
         # platform, or people "with similar interests" found from a list of users.
         r"|\b(?:hash(?:ed|es)?|encrypted|scrambled)\b(?=[^.;]*\b(?:e-?mail|phone|contact|customer|subscriber)\w*\b)"
         rf"(?=[^.;]*\b(?:{_AD_PLATFORMS}|social (?:media|networks?|platforms?)|advertising platforms?|"
         rf"ad platforms?|advertising partners?|advertisers|ad networks?)\b)"
         r"(?=[^.;]*\b(?:ads?|advertis\w*|audiences?|target\w*)\b)"
         rf"|\bupload(?:s|ed|ing)?\b(?=[^.;]*\b(?:to|with)\s+{_AD_PLATFORMS}\b)"
         r"(?=[^.;]*\b(?:ads?|advertis\w*|audiences?|target\w*)\b)"
         r"|\bfind\w*\s+(?:other\s+|new\s+|more\s+)?(?:people|users|customers|readers|players|shoppers)\s+(?:with "
         r"similar|who (?:are|look|behave) (?:similar|like)|similar to|like (?:you|them|our))\w*\b"
         # Ads chosen from what users do on other businesses' sites (CPRA 1798.140(k)).
         r"|\b(?:ads?|advertis\w*)\b(?=[^.;]*\bbased on (?:your |the )?(?:activity|browsing|visits|information|"
         r"interactions|behaviou?r)\b[^.;]*\b(?:on|from|across|with) (?:other|third[- ]party|partner|non-\w+) "
         r"(?:web)?(?:sites?|apps?|applications|services|businesses|platforms|companies)\b)"
         r"|\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|transfer\w*|send|sends|sent|pass\w*|give|gives|"
         r"make available|made available)\b(?=(?:\W+\w+){0,10}?\W+(?:advertising partners?|advertisers|ad networks?|"
         r"advertising networks?|ad partners?|ad tech\w*|adtech\w*|advertising technology))"
         # Disclosed to other companies for targeted advertising, or for their own marketing (CPRA
         # "sharing"; direct marketing by another controller needs its own basis, GDPR Art. 6(1)(a)).
         r"|\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|transfer\w*|send|sends|sent|give|gives)\b"
         r"(?=[^.;]*\b(?:third[- ]part(?:y|ies)|partners|other companies|data brokers|advertisers)\b[^.;]*\b(?:"
         r"(?:targeted|interest[- ]based|personali[sz]ed|behaviou?ral) (?:advertising|ads|marketing)|their own "
         r"(?:direct )?(?:marketing|advertising|promotional) purposes|their own (?:marketing|advertising)\b))"
         r"|\b(?:allow|allows|let|lets|permit|permits|enable|enables|help|helps)\s+(?:us\s+(?:and|or)\s+)?"
         r"(?:our\s+|third[- ]party\s+)?(?:advertising partners|advertisers|ad networks|advertising networks|"
         r"ad partners|ad tech\w*)\s+(?:to\b|\w+\b(?=[^.;]*\b(?:ads?|advertis\w*)\b))"
         # The company and advertisers named as one subject of targeting ("we and our ad partners use
         # them to select the ads you see"): the partners use the data for ads too.
         r"|\b(?:we|us)\s+(?:and|or)\s+(?:our\s+|third[- ]party\s+)?(?:advertising partners|advertisers|"
         r"ad networks|advertising networks|ad partners)\b(?=[^.;]*\b(?:ads?|advertis\w*|target\w*)\b)"
         r"|\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|upload\w*|send|sends|sent|match\w*)\b(?=[^.;]*"
         r"\b(?:social media (?:platforms?|companies|networks|sites|services)|social networks?|advertising platforms?|"
         r"ad platforms?|ad exchanges?|data brokers?)\b[^.;]*\b(?:ads?|advertis\w*|audiences?|retarget\w*)\b)"
         # Data brokers dealt with, or data bought from them, for advertising: data from off the service used to
         # choose the person's ads (CJEU C-252/21 para. 117-118; CPRA 1798.140(d) "data broker").
         r"|\b(?:work\w*|partner\w*|deal\w*|contract\w*|collaborat\w*)\s+with\s+(?:\w+\s+){0,2}?data brokers?\b"
         r"(?=[^.;]*\b(?:ads?|advertis\w*|marketing|target\w*)\b)"
         r"|\b(?:buy|buys|bought|buying|purchas\w*|obtain\w*|acquir\w*|licen[cs]\w*|receiv\w*|get|gets|source\w*)\b"
         r"(?=(?:\W+\w+){0,8}?\W+from\s+(?:\w+\s+){0,2}?data brokers?\b)(?=[^.;]*\b(?:ads?|advertis\w*|marketing|"
         r"target\w*)\b)"
         r"|\b(?:third[- ]party (?:advertis\w+|ad) ?(?:companies|partners|networks|vendors|providers|platforms|"
         r"servers)|(?:advertising|ad|ad tech|adtech) (?:companies|partners|networks|vendors|providers|platforms)|"
         r"advertisers|data brokers)\W+(?:who\W+|which\W+|that\W+|may\W+|can\W+|also\W+|to\W+|"
         r"use\W+(?:them|it)\W+to\W+)*"
         r"(?:collect|place|set|read|access|track|receive|obtain|combine|gather|use\W+(?:cookies|pixels|tags|sdks|"
         r"identifiers|similar technologies|your|the information|information|data))\w*\b"
         r"(?=[^.;]*\b(?:ads?|advertis\w*|marketing)\b)"
         r"|\b(?:ads?|advertis\w*)\b(?=[^.;]*\b(?:on|across)\s+(?:other|third[- ]party|partner|non-\w+)\s+(?:web)?"
         r"(?:sites?|apps?|applications|services|platforms|properties)\b"
         # (the place as where the reader goes: "… ads when you use other apps and websites")
         r"|[^.;]*\b(?:when|while|as|whenever)\s+you\s+(?:use|visit|browse|open)\s+(?:other|third[- ]party)\s+"
         r"(?:web)?(?:sites?|apps?|applications|services|platforms)\b|[^.;]*\belsewhere\b|[^.;]*\bacross the "
         r"(?:web|internet)\b|[^.;]*\boff (?:of )?(?:our|the) (?:services?|sites?|apps?|platforms?)\b)"
         # Data "made available" to advertising partners, the verb split around what is given ("we make your
         # advertising identifier and viewing history available to our advertising partners").
         r"|\bmak(?:e|es|ing)\b(?=(?:\W+[\w'’]+){0,12}?\W+(?:identifiers?|data|information|histor(?:y|ies)|records?|"
         r"profiles?|details|addresses|lists?)\b(?:\W+[\w'’]+){0,10}?\W+available to\W+(?:our\W+|selected\W+|"
         r"third[- ]party\W+)?(?:(?:advertising|ad)(?: and measurement| and analytics)? partners?|advertisers|"
         r"ad networks?|advertising networks?)\b)"
         # Ads shown while the person uses others' services ("when you use other apps and websites").
         r"|\b(?:ads?|advertis\w*)\b(?=[^.;]*\bwhen you (?:use|visit|browse|open) (?:other|third[- ]party)\s+"
         r"(?:web)?(?:sites?|apps?|applications|services|platforms)\b)"
         # The same with the place first ("to show you, on other websites and apps, interest-based ads").
         r"|\b(?:on|across|in)\s+(?:other|third[- ]party|partner)\s+(?:web)?(?:sites?|apps?|applications|services|"
         r"platforms|properties)\b(?=[^.;]*\b(?:ads?|advertis\w*)\b)"),
        # Another company trains its own models on users' data: a recipient with a purpose of its
        # own, not the training the statement may already tell of (GDPR Art. 6(4), Art. 13(1)(e)).
        (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "ai-training-by-others",
         rf"\bfor (?:its|their|\w+['’]s) (?:own )?(?:\w+ )?(?:ai|a\.i\.|artificial intelligence|machine[- ]learning|"
         rf"model) (?:training|development)\b"
         rf"|\b(?:so that|so|to enable|enabl\w+|allow\w*|let|lets|permit\w*)\s+(?:it|them|they|third[- ]part\w+|"
         rf"partners?|affiliates?|(?:our |the |its )?parent company|other companies|developers|[A-Z]\w+)\s+"
         rf"(?:can\s+|may\s+|to\s+|could\s+)?(?:train|re-?train|fine[- ]?tune|develop|improve|build)\w*\b"
         rf"(?=[^.;]*\b{_AI}\b)"
         rf"|\b(?:train\w*|fine[- ]?tun\w*|develop\w*|improv\w*)\b(?=(?:\W+\w+){{0,8}}?\W+(?:its|their) (?:own )?"
         rf"(?:\w+ )?(?:ai|ml|language|foundation|generative)? ?models?\b)"
         # Training done by others, named as its agents ("training by third-party AI developers").
         rf"|\btrain\w*\s+by\s+(?:(?:third[- ]party|partner|other|outside|external)\s+)?(?:ai |a\.i\. |model |"
         rf"machine[- ]learning )?(?:developers|companies|firms|labs|partners|providers)\b"
         rf"|\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|licen[cs]\w*|transfer\w*|give|gives|sell\w*)\b"
         rf"(?=[^.;]*\b(?:third[- ]part(?:y|ies)|partners|other companies|developers|ai companies|ai developers|"
         rf"model developers)\b[^.;]*\btrain\w*\b[^.;]*\b{_AI}\b)(?![^.;]*\b(?:our (?:own )?(?:\w+ )?models?|"
         rf"on our behalf|help us)\b)"),
        # (Data handed to another company for its own ends, GDPR Art. 6(4), `others-own-purposes`, is read on
        # the clause's practice frame, `frame.others_own_end`: each coordinated end with its own "on our behalf".)
        # Sensitive data said in other words: a position accurate to metres is precise geolocation
        # (CPRA 1798.140(w): within a radius of 1,850 feet).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.location.precise",
         r"\blocation\b[^.;]{0,40}\baccurate to (?:within )?(?:about |approximately |around )?(?:a few |\d[\d,.]*\s*)"
         r"(?:m|meters?|metres?|feet|ft|yards?|km|kilometers?|kilometres?|miles?)\b"
         r"|\b(?:exact|precise) (?:physical |geographic )?(?:position|coordinates|whereabouts|address where you are)\b"
         r"|\b(?:geographic|location|geolocation|geo-?) ?coordinates\b|\blatitude\b|\blongitude\b"
         r"|\bgps (?:signals?|data|sensors?|information|location|position|coordinates)\b|\bgnss\b"
         r"|\bstreet[- ]level location\b"
         # A position told to within metres, feet or yards is within the law's 1,850 feet.
         # The user's or their device's position: not where an office, a store or the company is.
         r"|(?<!\bour )(?<!\boffice )(?<!\bstore )(?<!\bshop )(?<!\bbranch )(?<!\bbusiness )(?<!\bcompany )"
         r"(?<!\bheadquarters )\b(?:location|position|where (?:you|your \w+|it|they) (?:is|are))\b[^.;]{0,40}?"
         r"\bwithin (?:about |approximately |around )?(?:a few |\d[\d,.]*\s*)(?:m|meters?|metres?|feet|ft|yards?)\b"
         # A record of where someone has been over time is precise location however it is worded
         # ("a timeline of the places each device has visited", "a map of each route you ran").
         r"|\b(?:histor(?:y|ies)|timelines?|logs?|records?|trails?|maps?) of (?:(?!our\b|stores?\b|shops?\b|"
         r"offices?\b|branch\w*|dealer\w*|charging\b)\w+ ){0,2}?(?:places|locations|routes?|journeys|movements|"
         r"whereabouts)\b(?! (?:of|for|where) (?:our|we)\b)"
         r"|\b(?:places|locations)\s+(?:\w+\s+){0,3}?(?:ha(?:s|ve|d)\s+)?(?:visited|been to|gone to|travel+ed to)\b"
         # A person followed as they move, or placed to a street or a building: precise however said
         # ("we track where you are", "follow your movements", "down to the street you are on").
         r"|\b(?:track\w*|follow\w*|monitor\w*|trac(?:e|es|ed|ing))\s+(?:(?:of\s+)?(?:where you (?:are|go|travel)|"
         r"your (?:movements|whereabouts|journeys|live location|real-time location|route)|"
         r"the (?:movements|whereabouts|route) of (?:you|your \w+)))\b"
         r"|\b(?:down to|to within) (?:the|a) (?:street|building|block|house|doorstep|address)\b"),
        # (Where a person, a device or a photo was, kept by the company, is read on the clause's practice
        # frame, `frame.location_kept`: the location's legal class, the place named anywhere in the clause.)
        # A person's face, voice or fingerprint compared with an image or record of them is biometric
        # processing however it is worded (Art. 4(14): physical features processed by a technique that
        # confirms who someone is): "compare your face with the photo in your ID", "match a selfie
        # against your passport picture", "check your voice against a recorded sample".
        # (Lookaheads apart, not chained: a chain backtracks in polynomial time on long text.)
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.biometric",
         # A face, voice or fingerprint is a person's ("your face", "the user's voice"): "the problems
         # you face" or "the voice recordings of calls" are no biometric; a faceprint always is.
         # ("verification selfie" names the selfie, it compares nothing: a noun in -ication is read
         # as the act only with its "of".)
         r"\b(?:(?:compar|match|verif|check|scan)\w*(?<!ication)\s+(?:\w+\s+){0,3}?|verification\s+of\s+(?:\w+\s+){0,2}?)"
         r"(?:(?:your|their|his|her|"
         r"(?:the |a |each )?(?:user|person|customer|individual|member)s?['’]s?) (?:face|voice|fingerprints?)|"
         r"facial (?:images?|features|geometry)|face geometry|faceprints?|voiceprints?|"
         # (consent30: people's faces in plural, "compare the faces that appear in it with … photos")
         r"likeness|selfies?|photos? of (?:you|your face)|pictures? of (?:you|your face)|(?:the\s+)?faces)\b"
         r"(?=[^.;]*\b(?:with|against|to)\b)(?=[^.;]*\b(?:photos?|photographs?|pictures?|images?|selfies?|ids?|"
         r"identification|identity documents?|documents?|documentation|passports?|licen[cs]es?|recordings?|"
         r"samples?|templates?)\b)"),
        # A person or their device placed, located or pinpointed to within metres, or a position told
        # by its accuracy ("an accuracy of a few metres", "5-metre precision"): precise geolocation
        # however worded (CPRA 1798.140(w): within 1,850 feet). Up to three figures: a radius of
        # kilometres' worth of metres is no precise location.
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.location.precise",
         r"\b(?:plac|locat|pinpoint|position|pin|put|find|finds|found)\w*\s+(?:you|your (?:device|phone|vehicle|car|"
         r"watch)|users?|them|the user|people|each (?:user|device|member|rider|driver))\s+(?:\w+\s+){0,2}?(?:to\s+)?"
         r"within\s+(?:about |approximately |around |roughly |just )?(?:a few|\d{1,3})\s*(?:m|meters?|metres?|feet|"
         r"ft|yards?)\b"
         r"|\b(?:accuracy|precision) of (?:about |approximately |around |up to |roughly )?(?:a few|\d{1,3})\s*"
         r"(?:m|meters?|metres?|feet|ft|yards?)\b"
         r"|\b(?:a few|\d{1,3})[- ](?:meter|metre|foot|feet|yard)s? (?:accuracy|precision)\b"),
        # A voice or a face kept to tell who a person is ("a voice profile so that our systems recognise
        # you when you call again", "compares the faces it captures to recognise returning shoppers"):
        # physical features processed to identify someone uniquely (Art. 4(14), 9(1)), where
        # recognising what someone says ("recognise what you ask") identifies no one.
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.biometric.identification",
         r"(?<![-\s]to[-\s])\b(?:voices?|faces?|facial|vocal)\b(?![-\s]to[-\s]face)(?!\s+(?:commands?|requests?|"
         r"messages?|searches|assistants?|controls?|calls?|mail|masks?|value|id|of)\b)"
         r"(?=[^.;]*\b(?:recogni[sz]\w*|identif\w*|verif\w*|authenticat\w*|tell who)\s+(?:(?:that\s+)?it\s+is\s+)?"
         # (consent30: "who in your household is speaking": up to four words between)
         r"(?:you|your identity|who (?:you are|(?:[\w'’-]+\s+){0,4}?is (?:speaking|calling|talking))|"
         r"(?:the |returning |repeat |regular |"
         r"known |individual |each )?(?:callers?|customers?|users?|shoppers?|speakers?|visitors?|people|"
         r"individuals|persons?|members?|guests?|passengers?|employees?))\b(?!['’]))"
         r"|\b(?:recogni[sz]\w*|identif\w*|verif\w*|authenticat\w*)\s+(?:you|your identity|(?:the )?(?:returning |"
         r"repeat |regular |known |individual |each )?(?:callers?|"
         r"customers?|users?|speakers?))\b[^.;]{0,40}?\b(?:by|from|using|with|through)\s+(?:your|their|his|her|the)"
         r"\s+(?:voices?|faces?)\b"
         # The person's own voice or face as what is recognised ("to recognise your voice"): who speaks,
         # not what is said ("recognise your voice commands" is speech recognition).
         r"|\b(?:recogni[sz]\w*|identif\w*|verif\w*|authenticat\w*|match\w*)\s+(?:your|their|his|her|"
         r"(?:the |each |a )?(?:user|caller|customer|speaker|member)s?['’]s?)\s+(?:own\s+)?(?:voices?|faces?)\b"
         r"(?!\s+(?:commands?|requests?|input|inputs|messages?|searches|queries|instructions|assistants?|controls?))"
         # (consent30: software named by what it does to faces compares or checks: "Our face-matching software
         # compares the walker's ID document with a live selfie")
         r"|\b(?:face|facial)[- ](?:matching|recognition|comparison|identification)\s+(?:software|technology|tools?|"
         r"systems?|models?|algorithms?|engines?)\s+(?:\w+\s+){0,2}?(?:compar|match|check|verif|identif|recogni[sz])\w*"),
        # A print or a model of a person's face or voice made or kept by the company ("we turn a sample of
        # your voice into a voiceprint", "we keep face models built from your streams", "a faceprint is
        # created"): the template that tells one person from another (Art. 4(14), 9(1)), whatever verb makes it
        # (short27). Kept on the device or for unlocking it, the company holds none (the guards below).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.biometric.identification",
         r"\b(?:turn|convert|transform|build|built|creat|generat|mak|made|keep|keeps|kept|stor|sav|deriv|extract)\w*\b"
         r"(?=[^.;]{0,80}?\b(?:voice ?prints?|face ?prints?|(?:face|facial|voice) (?:models?|templates?|maps?)|"
         r"biometric templates?)\b)"
         r"|\b(?:voice ?prints?|face ?prints?|(?:face|facial|voice) (?:models?|templates?|maps?)|biometric templates?)"
         r"\s+(?:is|are|will be|gets?|get)\s+(?:created|made|built|generated|kept|stored|saved|derived)\b"),
        # A service directed to children collects their data (COPPA 16 CFR 312.2; GDPR Art. 8).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.childrens",
         r"\b(?:directed (?:to|at|towards)|intended for|designed for|aimed at|offered to) (?:\w+ )?"
         r"(?:children|kids|minors)\b"
         r"|\bchild[- ]directed\b"
         # Children's own data collected or used (COPPA; GDPR Art. 8; CPRA 1798.140(ae) under 16).
         r"|\b(?:collect|use|process|share|disclose|sell|obtain|receive)\w*\b(?=[^.;]*\b(?:children['’]s (?:personal )?"
         r"(?:data|information)|(?:personal )?(?:data|information) (?:from|of|about) (?:children|kids|minors|"
         r"(?:a )?child(?:ren)? under)|(?:users|children|kids|minors|members) (?:under|younger than) (?:the age of )?"
         r"1[0-7]\b))"
         # A child's own data named by what it is ("the child's first name and date of birth",
         # "each child's nickname"), or a profile made for a child.
         r"|\b(?:collect|use|process|share|disclose|obtain|receive|store|keep|record|creat|hold|log|ask\w* for|"
         r"add)\w*\b"
         r"(?=[^.;]*\b(?:the|your|each|every|a|their)\s+(?:child|kid|minor|pupil|son|daughter)['’]s\s+"
         r"(?:first |full |last |real )?(?:names?|nicknames?|dates? of birth|birth ?dates?|birthdays?|ages?|photos?|"
         r"pictures?|voice|location|school|class|grades?|reading levels?|usage|activity|messages|contacts|play ?time|"
         r"browsing|e-?mail)\b)"
         r"|\b(?:create|creates|created|set up|sets up|open|opens|opened|make|makes)\s+(?:a\s+|an\s+)?"
         r"(?:separate\s+)?(?:child|children['’]s|kids?['’]?)\s+(?:profiles?|accounts?)\b"
         # Accounts opened for children, by a school or a parent: the child's data is collected.
         r"|\b(?:create|creates|open|opens|set up|sets up|register|registers)\s+(?:\w+\s+){0,2}?accounts?\s+"
         r"(?:for|on behalf of)\s+(?:their\s+|your\s+)?(?:children|kids|minors|child|(?:pupils|students|learners|"
         r"users) (?:under|younger than|aged under) (?:the age of )?1[0-7]\b)"),
        # Special categories in the words of a practice (GDPR Art. 9(1)): a faith-based diet or a
        # prayer room reveals religious belief (unions and government IDs are named in the lexicon).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.demographic.religious_belief",
         r"\b(?:halal|kosher|qibla|shabbat|sabbath observance|ramadan|faith[- ]based (?:diets?|dietary|meals?|"
         r"observance)|prayer (?:mats?|rooms?|facilit\w+|times?|spaces?)|religious (?:observance|dietary|diets?|"
         r"practices?|requirements?))\b"
         # Faith named as an interest or a profile field is religious belief (Art. 9(1)); "in good
         # faith" is how something is done, not what is known of a person.
         r"|\bspiritual(?:ity| (?:beliefs?|practices?|life|interests?|views?))\b"
         r"|\b(?:your|their|users['’]?|members['’]?|his|her) (?:religious )?(?:faith|religion)\b"
         r"|\b(?:church|mosque|synagogue|temple|gurdwara) (?:attendance|membership)\b"),
        # Health data handed to insurers, whatever it is called (GDPR Art. 9(1), 6(4)).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "health-data-to-insurers",
         # (made available to them is handed over too: "we may make this information available to
         # insurance partners")
         r"\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|send|sends|sent|transfer\w*|sell\w*|give|gives|"
         r"(?:make|makes|made|making)\b(?=[^.;]{0,80}?\bavailable\b))\b"
         r"(?=[^.;]*\b(?:(?:health |life )?insurers|(?:health |life )?insurance (?:companies|partners|providers|"
         r"carriers|firms))\b)"),
        # Health data handed to an employer, where the sentence names the health data ("we share your sleep and
        # heart rate summaries with your employer"): no ground of GDPR Art. 9(2) but explicit consent covers a
        # service giving its users' health data to their employer (lead's decision, 2026-11-29; consent26).
        (ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "health-data-to-insurers",
         r"\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|send|sends|sent|transfer\w*|sell\w*|give|gives)\b"
         r"(?=[^.;]*\b(?:your |their )?(?:current |future )?employers?\b)"
         r"(?=[^.;]*\b(?:health|heart rate|sleep|medical|blood (?:pressure|oxygen|sugar)|mental|symptoms|"
         r"medications?|pregnan\w*|disabilit\w*|stress levels?)\b)"),
        # Profiling with effects on people, and decisions taken without a person.
        (ChangeKind.NEW_INCOMPATIBLE_USE, Item.AUTOMATED_DECISIONS, "automated-decisions",
         r"\bprofiling\b|\bautomated (?:individual )?decision\w*|\bsolely automated\b"
         r"|\bwithout (?:any )?human (?:review|involvement|intervention|oversight)\b"
         # (consent26: the person named otherwise, "without review by our staff", "no person reviews it", where a
         # decision is told in the sentence: Art. 22(1))
         r"|\b(?:decid|determin|assess|evaluat|approv|accept|reject|declin|score)\w*\b(?=[^.]{0,160}?\b(?:without\s+"
         r"(?:any\s+)?(?:review|involvement|intervention|oversight|check)\s+(?:by|from)\s+(?:a\s+|any\s+|our\s+)?"
         r"(?:person|people|human|staff|employees?|team|members? of (?:our )?staff)|no\s+(?:person|human|one|member of "
         r"(?:our )?(?:staff|team))\s+(?:ever\s+)?(?:reviews?|looks? at|checks?|is involved)))"
         r"|\b(?:without\s+(?:any\s+)?(?:review|involvement|intervention|oversight)\s+(?:by|from)\s+(?:a\s+|any\s+|our\s+)?"
         r"(?:person|people|human|staff|employees?|team))\b(?=[^.]{0,160}?\b(?:decid|determin|accept|reject|declin|"
         r"approv)\w*)"
         # The same said of the person left out: turned down "without being reviewed by a recruiter",
         # "without a person looking at it" (Art. 22(1): no human in the decision).
         r"|\b(?:declin|reject|refus|den(?:y|ie)|turn\w* down|disqualif|screen\w* out|filter\w* out|exclud)\w*\b"
         r"[^.;]{0,60}?\bwithout\s+(?:(?:(?:it|them)\s+)?(?:ever\s+)?being\s+(?:reviewed|seen|read|assessed|considered|checked|"
         r"looked at)\s+by|(?:a|any)\s+(?=\w+\s+(?:reviewing|seeing|reading|looking at|assessing|checking)\b))\s*"
         r"(?:a|an|any|one of our|our|the)?\s*(?:human|person|people|recruiter|reviewer|employee|member of (?:our )?"
         r"(?:staff|team)|staff member|underwriter|moderator|agent|hiring manager|hiring team)s?\b"
         r"|\bautomatically (?:decide|decides|determine|determines)\b"
         # Art. 22 in the words of its effects: people turned down, ranked out or given terms by a
         # machine ("applications below the threshold are automatically declined", "we set your
         # credit limit automatically").
         r"|\b(?:are|is|be|been|get|gets)\s+automatically\s+(?:declined|rejected|refused|denied|disqualified|"
         r"excluded|screened out|approved|banned|suspended|terminated|deactivated)\b"
         # (consent26: the effect before the adverb, "accounts the system flags are banned automatically")
         r"|\b(?:banned|suspended|terminated|deactivated|declined|rejected|disqualified)\s+automatically\b"
         # (short27: what a person has held back or shut by a machine, "Flagged payouts are held automatically",
         # "our filters can ban an account without a person looking at it": the effect told, the person left out)
         r"|\b(?:accounts?|payouts?|payments?|funds|earnings|withdrawals|applications?|claims?|listings?|profiles?|"
         r"channels?)\s+(?:are|is|get|gets|will be|may be|can be)\s+(?:automatically\s+(?:held|withheld|frozen|"
         r"blocked|suspended|closed|restricted|banned|limited|demonetized|demonetised)|(?:held|withheld|frozen|blocked|"
         r"suspended|closed|restricted|banned|limited|demonetized|demonetised)\s+automatically)\b"
         r"|\b(?:ban|bans|banned|suspend\w*|close|closes|closed|block\w*|freez\w*|froze|frozen|hold|holds|held|"
         r"withh(?:old|olds|eld)|terminat\w*|demoneti[sz]\w*|reject\w*|declin\w*)\b[^.;]{0,60}?\bwithout\s+"
         r"(?:anyone|anybody|any person|a person|a human|any human|human|people|staff|a moderator|a reviewer)\b"
         r"|\b(?:decisions?|these|this|it)\s+(?:is|are)\s+(?:made|taken)\s+automatically\b"
         r"|\bwithout\s+(?:anyone|anybody|any person|a person|a human)\s+(?:(?:on|from|at|in)\s+(?:our|the)\s+\w+\s+)?"
         r"(?:being\s+)?(?:involved|reviewing|looking|checking)\b"
         r"|\b(?:closes?|suspends?|bans?|terminates?|blocks?|rejects?|declines?|approves?|decides?)\b[^.;]{0,60}?"
         r"\b(?:on its own|by itself|with no (?:human|person)(?: review)?)\b"
         # An effect named by its verb is a decision on a person only where the sentence says what
         # it decides on ("automatically rejects applications", not "automatically rejects cookies").
         r"|\bautomatically\s+(?:declines?|rejects?|den(?:y|ies)|refuses?|disqualif\w+|screens? out|sets?|adjusts?|"
         r"approves?)\b"
         r"(?=[^.;]*\b(?:applications?|applicants?|candidates?|claims?|credit|loans?|overdrafts?|limits?|premiums?|"
         r"interest rates?|tenants?|orders?)\b)"
         r"|\b(?:set|sets|setting|adjust|adjusts|adjusting|decide|decides|determine|determines)\b(?=[^.;]*\b(?:"
         r"credit (?:card )?limits?|credit lines?|overdraft (?:and [\w ]+ )?limits?|overdrafts?|loan (?:amounts?|"
         r"limits?|terms)|interest rates?|insurance premiums?|premiums)\b[^.;]*\bautomatically\b)"
         r"|\blegal or similarly significant effects?\b"
         # A rating of the person made from their data (Art. 4(4): evaluating economic situation,
         # reliability or behaviour), however it is named ("combined into an affordability rating").
         r"|\b(?:combin|merg|calculat|comput|generat|produc|assign|build|built|creat|deriv|turn|convert|"
         r"brings? together|brought together)\w*\b[^.;]*\b(?:affordability|suitability|trust|trustworthiness|"
         r"reliability|eligibility|employability|risk|tenant|tenancy|applicant|candidate|driver|driving|behaviou?r|"
         r"creditworthiness) (?:ratings?|scores?|grades?|rankings?)\b"
         r"|\b(?:affordability|suitability|trust|trustworthiness|reliability|eligibility|employability|risk|tenant|"
         r"tenancy|applicant|candidate|driver|driving|behaviou?r|creditworthiness) (?:ratings?|scores?|grades?|"
         r"rankings?) (?:that |which )?(?:we )?(?:calculat|comput|generat|produc|deriv|build|assign|creat)\w*\b"
         # A score or rating of the person handed to those who set its terms (an insurer's premium, a
         # lender's or a landlord's decision): profiling with effects on the person.
         # (Three lookaheads, not one chain of them: a chain backtracks in polynomial time on long text.)
         r"|\b(?:scores?|ratings?|risk (?:profiles?|assessments?))\b(?=[^.;]*\b(?:insurers?|insurance (?:companies|"
         r"providers|partners|carriers)|lenders?|banks|employers?|landlords?|credit (?:agencies|bureaus?|reference "
         r"agencies))\b)(?=[^.;]*\b(?:use|uses|used|using|takes? (?:it|them|this|the score) into account|"
         r"rel(?:y|ies) on|factors? (?:it|them) in)\b)"
         r"(?=[^.;]*\b(?:premiums?|prices?|pricing|rates?|eligib\w*|decid\w*|decisions?|approv\w*|accept\w*|"
         r"reject\w*|offer (?:you )?(?:a )?(?:loan|credit|cover)|cover(?:age)?|credit limits?)\b)"
         # Prices set per person from what is predicted of them (personalised pricing).
         r"|\b(?:personali[sz]ed|individuali[sz]ed|individual|tailored) (?:prices?|pricing|fares?)\b"
         r"|\bprices? (?:personali[sz]ed|tailored|set individually|set for (?:you|each (?:user|customer|member)))\b"
         r"|\bwillingness to pay\b"
         # The terms offered to the one person decided from what is known of them ("to determine the
         # prices, discounts and financing offers made available to you"); prices shown in a
         # currency or set by country are the same for everyone there.
         r"|\b(?:determin|decid|tailor|personali[sz]|adjust)\w*\s+(?:the\s+|your\s+|which\s+)?(?:[\w-]+,?\s+){0,4}?"
         r"(?:prices?|pricing|discounts?|financing|credit|loans?|interest rates?|premiums?)(?:\s+(?:offers?|terms|"
         r"options))?\s+(?:(?:that|which)\s+(?:are|is|we)\s+)?(?:made available|offered|available|charged|given|"
         r"extended)\s+to\s+you\b(?![^.;]*\b(?:currency|currencies|country|countries|region|regions|taxes)\b)"
         # A price or offer chosen for the one person ("which prices we offer to you individually").
         r"|\b(?:prices?|pricing|premiums?|fares?|discounts?|promotions?)\b[^.;]{0,50}?\b(?:to|for) (?:you|each "
         r"(?:user|customer|member|buyer))\s+individually\b"
         # ... the person named beside it: prices set individually per product are no decision on anyone.
         r"|\b(?:prices?|pricing|premiums?|fares?|discounts?)\b(?=[^.;]{0,80}?\byou\b)[^.;]{0,50}?\b(?:offered|set|"
         r"charged|shown)\s+(?:to you\s+)?individually\b"
         # Whether the person qualifies decided together with the terms they get ("determine whether
         # you are eligible for accident protection, and at what price"): a decision on the person
         # with effects on them (Art. 22(1)), not a check that an order is complete.
         r"|\b(?:decide|decides|determine|determines|assess|assesses|evaluate|evaluates)\s+(?:whether|if)\s+"
         r"(?=(?:you|users?|customers?|members?|applicants?)\s+(?:are|is|may be)?\s*(?:eligib\w*|entitled|qualif\w*))"
         r"(?=[^.;]{0,120}\b(?:at what price|what (?:you|they) (?:pay|are charged)|"
         r"(?:the |your |their )?(?:prices?|premiums?|fees?|rates?) (?:you|they) (?:pay|are charged))\b)"
         r"|\b(?:how likely you are to|likelihood (?:that you will|of your?))\b(?=[^.;]*\b(?:prices?|pricing|fares?|"
         r"discounts?|premiums?)\b)"
         r"|\b(?:prices?|pricing|fares?|discounts?|premiums?)\b(?=[^.;]*\b(?:how likely you are to|likelihood "
         r"(?:that you will|of your?))\b)"
         # Art. 4(4): personal aspects evaluated or predicted ...
         r"|\b(?:evaluat|analy[sz]|predict|assess|scor|rate|rates|rating|rated|infer|estimat|determin|profil)\w*\b"
         r"(?=[^.;]*\b(?:your|users?'?|"
         r"members?'?|their|a person's|individuals?'?)\s+(?:\w+\s+)?(?:reliability|trustworthiness|creditworthiness|"
         r"credit ?worthiness|economic situation|financial situation|performance at work|work performance|job "
         r"performance|personal aspects|location or movements|movements|likely behaviou?r|future behaviou?r)\b)"
         # ... with an effect on the person (Art. 22): a decision, a rank, a score, a price or an offer.
         r"(?=[^.;]*\b(?:decid\w*|decisions?|determine whether|rank\w*|approv\w*|reject\w*|den(?:y|ies|ied)|"
         r"eligib\w*|prices?|pricing|scores?|offers?)\b)"
         r"|\b(?:decide|decides|decided|determine|determines|determined|approve|approves|reject|rejects|deny|denies)"
         r"\b[^.;]{0,60}\bautomatically\b"
         # A person's case judged by a machine, named as the agent that took a person's place ("assessed by
         # our automated underwriting system", "reviewed by software, which decides"), unless a person
         # still looks at it afterwards.
         r"|\b(?:reviewed|assessed|decided|evaluated|judged|scored|approved|rejected|declined|moderated)\s+"
         r"(?:(?:first|initially|entirely|only|solely|automatically)\s+)?by\s+(?:our\s+|an?\s+|the\s+)?"
         r"(?:software|algorithms?|machines?|computers?|ai|a\.i\.|artificial intelligence|(?:automated|automatic|"
         r"algorithmic|ai[- ]powered|computeri[sz]ed)\s+(?:\w+\s+){0,2}?(?:systems?|tools?|software|process(?:es)?|"
         r"models?|engines?))\b(?![^.;]*\b(?:then|before|after which|and (?:then )?(?:checked|reviewed|confirmed))\s+"
         r"(?:by\s+)?(?:a |an |one of )?(?:our )?(?:person|human|member|staff|employee|underwriter|reviewer|team|"
         r"people|moderators?|agents?)\w*\b)"
         r"|\bautomated (?:systems?|means|processing|tools?|technology|technologies)\b(?=[^.;]*\b(?:to decide|"
         r"to determine|to approve|to reject|to deny|decisions?)\b)"
         # A person, or their application or claim, scored or ranked by a machine in a way that bears on
         # what happens to them ("score and rank your job applications, which can affect whether a
         # hiring team reviews your application"): profiling with effects (Art. 4(4), Art. 22), where
         # ranking posts or products for a feed is not. The machine named before or after the ranking.
         r"|\b(?:automat\w*|algorithm\w*|machine[- ]learning|artificial intelligence|ai[- ](?:powered|based)|"
         r"(?:predictive|scoring|ranking) models?)\b(?=[^.;]*" + _RANKED_PERSON + r")(?=[^.;]*" + _BEARING + r")"
         r"|" + _RANKED_PERSON + r"(?=[^.;]*\b(?:automat\w*|algorithm\w*|machine[- ]learning|artificial "
         r"intelligence|ai[- ](?:powered|based)|(?:predictive|scoring|ranking) models?)\b)(?=[^.;]*" + _BEARING + r")"),
    ))

# What users keep to themselves or give for one use only (GDPR Art. 6(4)(b)-(d): the context of
# collection, the nature of the data), by the key of the concept it makes when put to advertising.
_OWN = r"(?:your|users['’]?|members['’]?|customers['’]?|(?:the )?contents? of (?:your )?)\s+(?:\w+\s+)?"
_PERSONAL_DATA = (
    ("messages", r"(?:messages|chats|conversations|communications|e-?mails|inbox|texts|dms)"),
    ("contacts", r"(?:contacts|contact lists?|address books?|phone ?books?|call logs?)"),
    ("photos", r"(?:photos|pictures|images|camera roll|photo library|videos|files|documents)"),
    ("voice", r"(?:voice|voice recordings|audio recordings|recordings|speech|voice commands)"),
    ("location", r"(?:location|location data|location information|geolocation|whereabouts|movements)"),
)
# (short27: ads under their short names, "sponsored messages", "sponsored posts": paid placements are ads)
_ADVERTISING_USE = (r"(?:advertis\w*|ads|marketing|promotional purposes|promotions|targeting|"
                    r"sponsored (?:messages|posts|content|listings|results|stories|placements|videos))")
# (consent26: the marketing in a short voice's words too, offers sent or shown: "to send you nearby deals")
_OFFERS_SENT = (r"to (?:show|send|email|text|push|serve|give)\s+(?:\w+\s+){0,4}?(?:deals|offers|coupons|discounts|"
                r"promotions)")
# The places a person goes, as what groups of people are drawn up from ("audience groups based on the
# places you visit", "segments built from where you go"): their movements profiled (Art. 4(4)).
_PLACES_PROFILED = (r"\b(?:audiences?|audience (?:groups?|segments?|lists?)|segments?|cohorts?|profiles?)\b"
                    r"[^.;]*?\b(?:based on|from|using|derived from|built from|according to)\s+(?:the\s+)?(?:"
                    r"(?:places|locations|stores|shops|venues|areas|neighbou?rhoods)\s+(?:that\s+)?(?:you|they|users|"
                    r"people|customers|members)\s+(?:visit|go to|frequent|spend time (?:at|in))|"
                    r"where (?:you|they|users|people|customers|members) (?:go|travel|spend (?:your|their) time))\b")
_INCOMPATIBLE = tuple(
    (key, LazyPattern(within_clause(
        # (short27: the choosing said plainly, "to pick ads", "helps us choose the ads")
        rf"\b{_OWN}{data}\b(?=[^.;]*\b(?:(?:for|(?:to|us) (?:show|serve|target|personali[sz]e|tailor|select|deliver|"
        rf"improve|measure|sell|pick|choose)|in)\s+(?:\w+\s+){{0,4}}?{_ADVERTISING_USE}|{_OFFERS_SENT})\b)"
        rf"|\b{_ADVERTISING_USE}\b[^.;]*\b(?:based on|using|from|informed by|derived from)\s+{_OWN}{data}\b"
        # (location profiled into groups for advertising, the advertising told after or before)
        + (rf"|{_PLACES_PROFILED}(?=[^.;]*\b{_ADVERTISING_USE}\b)|\b{_ADVERTISING_USE}\b[^.;]*{_PLACES_PROFILED}"
           if key == "location" else "")),
        re.IGNORECASE))
    for key, data in _PERSONAL_DATA)
# The content of what people say to one another through the service, put to an end of the company's
# beyond carrying it (ePrivacy Directive Art. 5(1): listening to, scanning or storing communications
# without the users' consent; GDPR Art. 6(4)(b)-(d): the context and nature of private messages;
# CPRA 1798.140(ae)(1)(E): the contents of mail, e-mail and text messages are sensitive): choosing ads,
# personalising, analytics, training models. Messages the company sends ("marketing messages", "send
# you messages") and what is known about a message without its content ("who you have communicated
# with", "how many messages") are not what the person said.
# The content itself is a legal class of the data named (`classes.LegalClass.COMMS`, `data/classes.txt`):
# messages the company sends and what is known of a message without its content lose it there.
# What the company does with that content beyond carrying it, by the key of the concept it makes.
_CONTENT_PUT_TO = (
    # (a kind of message the company sends, "our marketing communications", is no end)
    ("messages", r"\b(?:ads|ad (?:relevance|targeting|selection|personali[sz]ation)|advertis\w*(?! (?:communications|"
                 r"messages|e-?mails))|marketing(?! (?:communications|messages|e-?mails|materials))|promotional "
                 r"purposes|sponsored content)\b"),
    ("messages-personalisation", r"\b(?:personali[sz]\w*|tailor\w*|recommendations)\b"
                                 r"|\brecommend\w*\s+(?:you\s+|to you\s+)?(?:content|posts|products|people|jobs|"
                                 r"items|music|communities|answers|connections|groups)\b"),
    ("messages-analytics", r"\b(?:analytics|statistics|insights|understand (?:how|the use|usage|use of|"
                           r"our users|users))\b"),
    ("messages-ai-training", rf"\b(?:train(?:s|ed|ing)?|fine[- ]?tun\w*)\b(?=[^.;]*\b{_AI}\b)"
                             rf"|\b{_AI}\b[^.;]*\btrain(?:s|ed|ing)?\b|\btraining (?:data|sets?|datasets?)\b"
                             rf"|\b(?:develop|improve|build|refine|teach|enhance)\w*\b(?=(?:\W+\w+){{0,6}}?\W+{_MODEL}\b)"),
)
_PUT_TO = tuple((key, LazyPattern(within_clause(words), re.IGNORECASE)) for key, words in _CONTENT_PUT_TO)
# What the person opts out of "having … used for …" happens until they do: the practice is told, on an
# opt-out only (GDPR Art. 4(11), 7; CJEU C-673/17 Planet49).
_OPTED_OUT_PRACTICE = LazyPattern(r"\bopt(?:s|ed|ing)?[- ]out\s+(?:of\s+)?(?:having|us using|our using|the use of|"
                                  r"our use of)\b", re.IGNORECASE)

# Content kept safe (scanned for spam, abuse or harmful content, models trained for that) is carried
# securely, which the ePrivacy Directive allows (Art. 4, 5(1)); and a setting that lets the practice is the
# user's choice.
_SECURITY_ONLY = LazyPattern(r"\b(?:security|safety|spam|fraud|abuse|harmful)(?:[- ]related)? purposes\b"
                             r"|\b(?:if|where|when) your (?:\W*\w+\W*)?settings? (?:allow|permit|let)\b",
                             re.IGNORECASE)
_OPTED_IN = LazyPattern(r"\bopt(?:s|ed|ing)?[- ]in\b"
                        r"|\bwith your (?:express |explicit |prior )?(?:consent|permission)\b", re.IGNORECASE)


CONTENT_CONCEPT = "incompatible-use:messages"


def opted_out_practice(sentence: str) -> bool:
    """`sentence` names a practice readers must opt out of ("opt out of having …"), which is done until they do."""
    return _OPTED_OUT_PRACTICE.search(sentence) is not None


_AD_IDENTIFIER = LazyPattern(r"(?:advertising|ad)\s+(?:ids?|identifiers?)\b", re.IGNORECASE)
# Conversations named as a place ads stand in, not data put to them ("ads between chats, never inside them",
# consent26).
_PLACED_AMONG = LazyPattern(r"\b(?:between|inside|within|among|amid|alongside|beside|next to|in between)\s+"
                            r"(?:your\s+|the\s+|our\s+)?$", re.IGNORECASE)


def _content_put_to(sentence: str, affirmed: Callable[[int], bool]) -> list[Trigger]:
    """The content of the users' communications and an end beyond carrying it, each affirmed (or named in
    what an opt-out stops) in one clause of `sentence`: one trigger per end."""
    found: list[Trigger] = []
    if _USER_CHOOSES.search(sentence) or _OPTED_IN.search(sentence) or _SECURITY_ONLY.search(sentence):
        return found     # the person's own choice first: the consent the practice needs
    optout = _OPTED_OUT_PRACTICE.search(sentence)

    def told(at: int) -> bool:
        if affirmed(at):
            return True
        return optout is not None and optout.end() <= at and ";" not in sentence[optout.end():at]

    # (The content of communications is a class of the data named, `classes.LegalClass.COMMS`.)
    contents = [c for c in spans_of(sentence, LegalClass.COMMS) if told(c.start)
                and not _PLACED_AMONG.search(sentence[max(0, c.start - 24):c.start])]
    if not contents:
        return found
    for key, pattern in _PUT_TO:
        for end in pattern.finditer(sentence):
            if not told(end.start()) or _DEIDENTIFIED.search(_around(sentence, end.start())) \
                    or _AD_IDENTIFIER.match(sentence, end.start()):
                continue     # (an "advertising ID" is an identifier, no end: consent26)
            content = next((c for c in contents
                            if ";" not in sentence[min(c.start, end.start()):max(c.end, end.end())]),
                           None)
            if content is not None:
                found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "incompatible-use:" + key,
                                     content.words))
                break
    return found


# The device's own contents are a legal class of the data named (`classes.LegalClass.DEVICE`, and `KEPT`
# for what the user keeps there: the address book, the photo library, the call log, files, what the
# camera or microphone records; `data/classes.txt`, and by construction "X stored on / open on / from
# your device", "X from the camera"), not a list of nouns here.
# What the company reads from the user's device itself: its address book, its photo library, its
# microphone, its call log, the apps on it (ePrivacy Art. 5(3): access to information stored in
# terminal equipment; GDPR Art. 6(4): data kept for the user's own use). A verb that reaches the
# content (accessed, read, uploaded, scanned, synced, matched, listened to), before or after it.
_READ_VERB = (r"(?:access\w*|read\w*|upload\w*|scan\w*|sync\w*|import\w*|cop(?:y|ies|ied|ying)|"
              r"match\w*|compar\w*|analy[sz]\w*|collect\w*|gather\w*|retriev\w*|pull\w*|go(?:es)? through|"
              r"look\w* through|listen\w*|record\w*|switch\w* on|turn\w* on|activat\w*|check\w*|"
              r"process\w*|receiv\w*|obtain\w*|transmit\w*|sen[dt]s?)")
_READS = LazyPattern(rf"\b{_READ_VERB}\b", re.IGNORECASE)
_AUXILIARY = LazyPattern(r"\s(?:is|are|will be|may be|gets?|get)\s*$", re.IGNORECASE)


def device_spans(text: str, kept: bool = False) -> list[Classed]:
    """The data `text` names that are read from the user's device (with `kept`, only what the user keeps
    there), by their legal class."""
    return spans_of(text, LegalClass.KEPT if kept else LegalClass.DEVICE)


def _device_read(sentence: str, affirmed: Callable[[int], bool]) -> str | None:
    """A verb that reaches the device's own content, up to eight words before it or six after it (with
    its auxiliary), affirmed where it stands: the verb (or, the verb after, the content), or None."""
    spans = device_spans(sentence)
    if not spans:
        return None
    for verb in _READS.finditer(sentence):
        if any(c.start <= verb.start() < c.end for c in spans):
            continue     # a word of the data's own name ("recordings", "readings")
        for content in spans:
            if content.start >= verb.end() and content.start - verb.end() <= 160 \
                    and len(re.findall(r"\w+", sentence[verb.end():content.start])) <= 8:
                if affirmed(verb.start()):
                    return verb.group(0)
            elif content.end <= verb.start() and verb.start() - content.end <= 160:
                between = sentence[content.end:verb.start()]
                aux = _AUXILIARY.search(between)
                if len(re.findall(r"\w+", between[:aux.start()] if aux else between)) <= 6 and affirmed(content.start):
                    return content.words
    return None


# Ends beyond the service the user asked for: advertising, recommending, personalising, measuring,
# improving or developing products, training models, research. Reading the device for them is never
# strictly necessary for that service (ePrivacy Art. 5(3), second sentence; EDPB Guidelines 2/2023 on
# the technical scope of Art. 5(3)), and they are no purpose the data were kept on the device for
# (GDPR Art. 6(4)).
_BEYOND_END = LazyPattern(r"\b(?:recommend\w*|suggest\w*|advertis\w*|ads|marketing|personali[sz]\w*|tailor\w*|"
                          r"target(?:s|ed|ing)?|improv\w*|enhanc\w*|develop(?:s|ed|ing|ment)?|train(?:s|ed|ing)?|research|analytics|"
                          r"statistics|insights?|measur\w*|profil\w*)\b", re.IGNORECASE)
DEVICE_BEYOND = "device-access:beyond-service"


def _device_read_beyond(sentence: str, affirmed: Callable[[int], bool]) -> str | None:
    """Content read from the user's device (`LegalClass.DEVICE`: files, apps open or installed, photos,
    what the camera records) told in one clause with an end beyond the service the user asked for ("the
    names of files and apps open on the PC, in order to … recommend other applications", "sample images
    from the camera, which are uploaded to Lenovo to improve detection accuracy"): the words of the
    content, or None. Facts about the device listed as collected with no such end stay a new category
    (the label of written-ia-real-26); the content the carve-out of a denial names ("does not collect any
    data other than …") is told: `affirmed` reads it so (`practice.with_carve_outs`, the one reading of an
    exception to a denial)."""
    if _USER_CHOOSES.search(sentence) or STRICTLY_NECESSARY.search(sentence) or names_only(sentence) \
            or _SECURITY_ONLY.search(sentence) or _OPTED_IN.search(sentence):
        return None
    for content in device_spans(sentence):
        start = max(sentence.rfind(".", 0, content.start), sentence.rfind(";", 0, content.start)) + 1
        if not affirmed(content.start):
            continue
        stop = min((i for i in (sentence.find(".", content.end), sentence.find(";", content.end)) if i >= 0),
                   default=len(sentence))
        for end in _BEYOND_END.compiled().finditer(sentence, start, stop):
            if content.start <= end.start() < content.end or _DEIDENTIFIED.search(_around(sentence, end.start())):
                continue
            if affirmed(end.start()):
                return content.words
    return None


# The content of communications taken from another service the person uses (a social network they sign
# on with, an account they connect, a third party): the service that carried the messages was trusted
# with them for carrying them, and the people the person wrote to agreed to no more (ePrivacy Art. 5(1):
# the consent of the users concerned; GDPR Art. 6(4)(b)-(d)). The choice to sign on with that service
# is no consent to it (Art. 4(11): specific), so only consent said in words keeps it.
_COLLECTS = LazyPattern(r"\b(?:collect\w*|receiv\w*|obtain\w*|import\w*|pull\w*|access\w*|retriev\w*|get|gets|"
                        r"gather\w*|download\w*|read\w*|sync\w*|provides?|shares?)\b", re.IGNORECASE)
_OTHER_SERVICE = LazyPattern(
    r"\b(?:from|via|through)\s+(?:(?:your|their|the|these|those|such|a|an)\s+)?(?:social media|social network(?:ing)?|"
    r"third[- ]party|other|connected|linked|external|e-?mail)\s+(?:[\w-]+\s+){0,2}?(?:accounts?|profiles?|services?|"
    r"networks?|platforms?|apps?|sites?|providers?)\b|\b(?:from|via|through)\s+(?:a\s+|the\s+)?third[- ]part(?:y|ies)\b"
    r"|\b(?:sign(?:s|ed|ing)?|log(?:s|ged|ging)?)[- ]?(?:on|in|up)\s+(?:to\s+[\w-]+\s+)?(?:with|using|through|via)\b"
    # (a service that vouches for the person's identity: "a third-party identity provider", consent22)
    r"|\b(?:identity|log-?in|sign-?in|single sign-on|authentication)\s+providers?\b"
    r"|\b(?:connect|link|sync|integrat)\w*\s+(?:your|their)\b", re.IGNORECASE)
# (Another service named: "from Google", "from your Facebook account".)
_NAMED_SERVICE = LazyPattern(r"\b(?:from|via|through)\s+(?:your\s+)?[A-Z][\w]+(?:\s+(?:account|profile))?\b")
_CONSENT_SAID = LazyPattern(r"\bwith your (?:express |explicit |prior |separate )?(?:consent|permission)\b"
                            r"|\bopt(?:s|ed|ing)?[- ]in\b|\bask(?:s|ed)? (?:for )?your (?:consent|permission)\b",
                            re.IGNORECASE)
COMMS_RECEIVED = "comms-content:received"
# What the person keeps for their own use at that service (`LegalClass.KEPT`: a contact list, a photo
# library, files), taken from it the same way: held there for the person alone, and the people in a
# contact list agreed to nothing (GDPR Art. 6(4), 14; consent22, cgG-06).
KEPT_RECEIVED = "kept-content:received"


def _comms_received(sentence: str, affirmed: Callable[[int], bool],
                    wanted: LegalClass = LegalClass.COMMS) -> str | None:
    """The content of communications (`LegalClass.COMMS`), or with `wanted` what the person keeps
    (`LegalClass.KEPT`), the company collects or receives from another service, affirmed in a sentence
    that names that service as the source ("Lenovo may collect … from your social media account,
    including …, posts and private messages"; "if you sign in … with a third-party identity provider,
    that provider may share … your contacts list with us"): the words of the content, or None, with no
    end needed (the lead's label of cgF-24)."""
    if not (_OTHER_SERVICE.search(sentence) or _NAMED_SERVICE.search(sentence)) or _CONSENT_SAID.search(sentence) \
            or _SECURITY_ONLY.search(sentence):
        return None
    verb = next((m for m in _COLLECTS.finditer(sentence) if affirmed(m.start())), None)
    if verb is None:
        return None
    content = next((c for c in spans_of(sentence, wanted) if affirmed(c.start)), None)
    return content.words if content is not None else None


# consent24: the person's own circle at that service named as data: "your contacts", "your friends list",
# "your followers", "your connections" (not the people as recipients: "with your contacts", "to your
# followers"). The people in it agreed to nothing (GDPR Art. 14, 6(4)); a contact list, by its noun, is
# class22's `kept` already.
_CIRCLE = LazyPattern(r"(?<!\bwith )(?<!\bto )(?<!\bamong )(?<!\bby )(?<!\bfor )(?<!\bfrom )(?<!\binvite )"
                      r"\b(?:your|their|the user['’]s|a user['’]s)\s+(?:[\w-]+\s+)?"
                      r"(?:contacts|friends(?:\s+lists?)?|friend\s+lists?|followers(?:\s+lists?)?|connections|"
                      r"social\s+graph)\b(?!\s+(?:can|may|will|who|that|see|receive))", re.IGNORECASE)


def _circle_received(sentence: str, affirmed: Callable[[int], bool]) -> str | None:
    """The person's circle at another service (`_CIRCLE`) received from it, in a sentence `_comms_received`
    would read for kept content (another service the source, a verb of receiving affirmed, no consent
    said): the words of the circle, or None (consent24, cgK-16). The circle must be the object of that
    verb (the verb within 120 characters before it, or 80 after it: "… are obtained from Google"), the
    service named within 200 characters of it, and not an item of a list flattened into the sentence
    ("… the details of your query Your connections and group memberships Reports from you …": a
    capitalised "Your" inside the sentence opens an item)."""
    if not (_OTHER_SERVICE.search(sentence) or _NAMED_SERVICE.search(sentence)) or _CONSENT_SAID.search(sentence) \
            or _SECURITY_ONLY.search(sentence):
        return None
    verbs = [m.start() for m in _COLLECTS.finditer(sentence) if affirmed(m.start())]
    for circle in _CIRCLE.finditer(sentence):
        at = circle.start()
        if not affirmed(at) or (at > 0 and sentence[at].isupper()):
            continue
        if not any(at - 120 <= v < at or circle.end() <= v <= circle.end() + 80 for v in verbs):
            continue
        near = sentence[max(0, at - 200):circle.end() + 200]
        if _OTHER_SERVICE.search(near) or _NAMED_SERVICE.search(near):
            return circle.group(0)
    return None


# A feature the user starts, or access they grant first, rests on the consent that grant gives
# (the operating system's permission asked at the time): no new basis is needed.
_USER_CHOOSES = LazyPattern(
    r"\b(?:ask|asks|asked|asking) (?:for )?(?:your|you for) (?:permission|consent|approval)\b"
    r"|\b(?:if|when|once|where|whenever) you (?:choose|decide|opt|elect|want|wish|agree|allow|grant|give us|"
    r"give (?:the app|it) (?:access|permission)|enable|turn on|switch on|tap|select|use the|invite|pick)\b"
    r"|\b(?:with|after|upon) (?:your|you grant|you give|you allow)\s*(?:\w+\s+)?(?:permission|consent|approval|"
    r"agreement|authori[sz]ation)\b|\bonly (?:if|after|when|once) you\b|\byou (?:can|may) (?:choose|pick|select|"
    r"allow|grant|give)\b|\bstrictly necessary\b|\bon your device (?:only|alone)\b|\bnever leaves?\b",
    re.IGNORECASE)
# The company's own group (affiliates, subsidiaries, companies under common control) marketing to
# the person what the group sells is a new purpose of the group, told in a notice; another company
# marketing its own products needs a basis of its own (GDPR Art. 6(4)).
_GROUP = LazyPattern(r"\b(?:affiliates?|subsidiar(?:y|ies)|group companies|(?:companies|entities) (?:in|of) our group|"
                     r"common (?:control|ownership)|parent compan(?:y|ies)|corporate family)\b", re.IGNORECASE)
_OWN_MARKETING = LazyPattern(r"\b(?:send|show|offer|market|promot|advertis|pitch|email|e-mail|call|contact)\w*\s+"
                             r"(?:you\s+|to you\s+)?(?:their|its)\s+(?:own\s+)?", re.IGNORECASE)
_OWN_PURPOSES = LazyPattern(r"\bfor (?:their|its) own (?:\w+ )?(?:purposes|use|uses|business purposes|ends)\b",
                            re.IGNORECASE)
# Who recognises the device elsewhere, or with what: another party, or what is stored on or read
# from the device to do it.
_TRACKER = LazyPattern(r"\b(?:(?:advertising|ad|marketing|measurement|analytics) (?:partners?|providers?|networks?|"
                       r"companies|vendors)|advertisers|ad networks?|partners|third[- ]part(?:y|ies)|other companies|"
                       r"data brokers|cookies?|pixels?|web beacons?|tags?|sdks?|identifiers?|device ids?|ad ids?|"
                       r"advertising ids?|fingerprint\w*|similar technolog(?:y|ies)|local storage)\b", re.IGNORECASE)
# The person's device or browser recognised, followed or tracked on other companies' sites and apps
# ("identifiers that let our advertising partners recognize your device on other sites and apps", "cookies
# … to track your browsing across other websites"): identifiers stored on the device and read back
# elsewhere (ePrivacy Art. 5(3)), the profile across businesses that CPRA calls cross-context behavioural
# advertising (§1798.140(k), (ah)). Who tracks, or with what, must be named (`_TRACKER`): "we follow up on
# your request on other channels" recognises no one. The act is looked for in the 300 characters of its
# clause before the place, so a long clause is read in time proportional to its length.
_TRACKED = LazyPattern(
    r"\b(?:recogni[sz]\w*|identif(?:y|ies|ied|ying)|re-?identif\w*|track\w*|follow(?:s|ed|ing)?)\s+"
    r"(?:and\s+\w+\s+)?(?:(?:you|your|the|a|each|users['’]?|people['’]?s?|members['’]?)\s+)?(?:\w+\s+)?"
    r"(?:devices?|browsers?|phones?|activit(?:y|ies)|visits|browsing|behaviou?r|you|users|people|members)\b",
    re.IGNORECASE)
_ELSEWHERE_PLACE = LazyPattern(_ELSEWHERE, re.IGNORECASE)


def _tracked_elsewhere(sentence: str, affirmed: Callable[[int], bool]) -> str | None:
    """The words of an affirmed act of tracking the person elsewhere (`_TRACKED` before `_ELSEWHERE` in
    one clause, a tracker named in the sentence), or None."""
    if _TRACKER.search(sentence) is None:
        return None
    for place in _ELSEWHERE_PLACE.finditer(sentence):
        start = max(sentence.rfind(".", 0, place.start()), sentence.rfind(";", 0, place.start()),
                    place.start() - 300) + 1
        act = next((m for m in _TRACKED.compiled().finditer(sentence, max(0, start), place.start())
                    if affirmed(m.start())), None)
        if act is not None:
            return act.group(0)
    return None


# Concepts whose practice is told once for the whole document: a sentence that tells it again
# elsewhere is not a new practice.
_DOCUMENT_WIDE = frozenset({"sale", "third-party-advertising", "others-own-purposes", "ai-training-by-others",
                            "device-access", "cross-site-tracking",
                            "data-combination", "marketing-to-others", "marketing-unasked"})
# An insurer named ("health insurers"): its words tell who receives, not what is measured.
_INSURER = LazyPattern(r"\b(?:health |life )?(?:insurers?|insurance (?:companies|partners|providers|carriers|firms))\b",
                       re.IGNORECASE)
# What a body-worn device or a wellness app measures: handed to an insurer, it is health data.
_BODY_DATA = LazyPattern(r"\b(?:wellness|fitness|activity|health|heart|sleep|steps?|step count|workouts?|"
                         r"biometric|weight|blood)\b", re.IGNORECASE)
# A government ID asked for payouts, tax or a legal duty rests on that duty (GDPR Art. 6(1)(c);
# CPRA regulations §7027(m): sensitive information needed to provide what was asked for, or to
# verify a consumer's request, §7060), and one the sentence already asks consent for needs no
# fresh basis: none of these asks for consent anew. An ID asked with no such duty named (to open
# an account, to join a program) is consent-level (CPRA 1798.140(ae)(1), PIPL Art. 28).
_RIGHTS_REQUEST = (r"(?:consumer|privacy|rights?|data subject|your|the) requests?|"
                   r"requests? to (?:know|delete|correct|access)|exercis\w* (?:\w+ ){0,3}?rights?")
_ID_FOR_LAW_OR_CONSENT = LazyPattern(
    r"\b(?:tax|taxes|payouts?|pay you|billing|comply with (?:the |applicable )?"
    r"(?:law|laws|legal)|required by (?:\w+ )?law|where (?:legally |it is |this is )?required|as required|"
    r"legal (?:obligations?|requirements?)|anti-money-laundering|money laundering|consent|with your permission|"
    + _RIGHTS_REQUEST + r")\b",
    re.IGNORECASE)
# An identity checked ("to verify your identity", "so that we can confirm who you are") in a paragraph
# about requests to exercise rights: the check of a requester the law allows (GDPR Art. 12(6), CPRA
# regulations §7060), the document a proof asked of the right, not data collected for a use of its own.
_VERIFY_IDENTITY = LazyPattern(
    r"\b(?:verify\w*|confirm\w*|authenticat\w*|establish\w*|prov(?:e|ing))\s+"
    r"(?:your |their |his or her |the requester['’]s |the consumer['’]s )?identit(?:y|ies)\b|"
    r"\b(?:verif(?:y|ication) of|confirm\w*|check\w*|verify\w*) (?:who you are|that you are)\b",
    re.IGNORECASE)
_REQUEST_PARAGRAPH = LazyPattern(r"\b(?:" + _RIGHTS_REQUEST + r")\b", re.IGNORECASE)


def verifies_requester(sentence: str, paragraph: str) -> bool:
    """The sentence checks the identity of someone asking to exercise a right: it verifies an
    identity, and it or its paragraph speaks of such requests."""
    return _VERIFY_IDENTITY.search(sentence) is not None \
        and _REQUEST_PARAGRAPH.search(paragraph or sentence) is not None



# "Trading data", "trade history": what users trade on an exchange or a brokerage, named as a noun
# after a determiner or a verb that governs it ("we provide trading data to index providers").
_TRADING_NOUN = LazyPattern(r"\btrad(?:e|ing) (?:data|information|histor(?:y|ies)|records|details|activity)\b",
                            re.IGNORECASE)
_NOUN_BEFORE = LazyPattern(r"\b(?:your|our|their|the|its|of|provide|provides|provided|share|shares|shared|publish|"
                           r"publishes|collect|collects|collected|including|includes|such as|and|or|with|about|"
                           r"any|all|this|that|such)\s+$", re.IGNORECASE)
_LEARNED_OF_CHILD = LazyPattern(r"\b(?:if|when|should) (?:we|you) (?:learn|become aware|discover|find out|believe|"
                                r"have reason)|\b(?:delete|erase|remove|terminate)\w*\b", re.IGNORECASE)


# Decisions with legal or similarly significant effects (GDPR Art. 22(1); EDPB guidelines WP251rev.01,
# IV.B): a decision on credit, work, insurance, housing, education, prices or eligibility, named by
# its verb or as a kind of decision ...
_SIGNIFICANT_DECISION = LazyPattern(
    r"\b(?:approv\w*|declin\w*|reject\w*|den(?:y|ies|ied)|refus\w*|fail|fails|failing|accept\w*|disqualif\w*|"
    r"screen\w* out|sets?|setting|decid\w*|determin\w*)\b[^.;]{0,60}?\b(?:applications?|applicants?|candidates?|"
    r"financing|credit|loans?|premiums?|prices?|discounts?|exams?|admissions?|rental|tenan\w+|jobs?|eligib\w*|"
    r"insurance|benefits|refunds?|refund requests?|payouts?|chargebacks?)\b"
    # ... or the same with the thing decided on first ("refund requests are refused").
    r"|\b(?:applications?|refunds?|refund requests?|claims?|payouts?|loans?|credit)\b[^.;]{0,40}?\b(?:approved|"
    r"declined|rejected|denied|refused|disqualified|granted)\b"
    r"|\b(?:credit|lending|loan|hiring|recruitment|employment|admissions?|insurance|underwriting|tenant|tenancy|"
    r"rental|eligibility)\s+(?:screening\s+)?decisions?\b", re.IGNORECASE)
# ... or access to the service withdrawn from the person (an account suspended, access blocked)
# on the strength of an evaluation of them (a score, a flag, a prediction) ...
_ACCESS_WITHDRAWN = LazyPattern(
    r"\b(?:suspend\w*|block\w*|terminat\w*|clos(?:e|es|ed|ing)|restrict\w*|ban|bans|banned|disabl\w*)\b[^.;]{0,40}?"
    r"\b(?:(?:your|their|users?['’]?|customers?['’]?|members?['’]?|the|an?)\s+)?(?:\w+\s+)?(?:accounts?|access|"
    r"checkout)\b"
    # ... said in the passive ("the account may be closed", "access is blocked").
    r"|\b(?:accounts?|access|checkout)\s+(?:\w+\s+){0,3}?(?:suspended|blocked|terminated|closed|restricted|banned|"
    r"disabled|frozen)\b",
    re.IGNORECASE)
# A risk the company guards against ("the risk of misuse") is no evaluation of the person.
# The person's conduct judged against the rules ("our systems review Usage Data for breaches of our
# Terms of Use") is an evaluation of their behaviour too (Art. 4(4)).
_EVALUATED = LazyPattern(r"\b(?:scor\w*|risk(?!s? of\b)\w*|predict\w*|flag\w*|classif\w*|model|models|algorithm\w*|"
                         r"breach\w*|violat\w*)\b",
                         re.IGNORECASE)
# ... taken by a machine: automatically, by an algorithm or a model, or with no person in it.
_AUTOMATED = LazyPattern(
    r"\b(?:automatic(?:ally)?|automated|algorithm\w*|software|machine[- ]learning|artificial intelligence|"
    r"(?:fraud|risk|scoring|pricing|predictive|machine[- ]learning|ai|statistical) models?|predict\w*|how likely|"
    r"(?:without|with no) (?:\w+ ){0,3}?(?:human|person|people|recruiter|reviewer|teacher|staff|underwriter|one)\b|"
    r"no (?:human|person|recruiter|reviewer|teacher|underwriter) (?:\w+ ){0,2}?(?:involved|review\w*))",
    re.IGNORECASE)
# Prices set by currency, country or tax are the same for everyone there: no decision on a person.
_SAME_FOR_ALL = LazyPattern(r"\b(?:currenc(?:y|ies)|exchange rates?|countr(?:y|ies)|regions?|tax|taxes)\b",
                            re.IGNORECASE)
# Data from other sources joined to the person's account to learn about them (EDPB WP251rev.01,
# II.A: profiling by combining data; GDPR Art. 4(4), 14(2)(f)): the join, the source, the inference.
_JOINED_TO_PERSON = LazyPattern(
    # (Linking an account to another service joins accounts, not data: "link" is left out.)
    r"\b(?:add|adds|added|adding|associat\w*|attach\w*|join|joins|joined|tie|ties|tied|combin\w*|merg\w*|"
    r"append\w*)\b[^.;]{0,80}?\b(?:to|with)\s+(?:your|their|the|each|a user['’]s|users['’])\s+(?:[\w-]+\s+){0,2}?"
    r"(?:accounts?|profiles?|records?)\b"
    r"|\b(?:combin\w*|merg\w*|enrich\w*|append\w*)\b[^.;]{0,20}?\b(?:with|by)\b"
    # ("bring this together with your activity", "put it together with what we know")
    r"|\b(?:bring|brings|brought|bringing|put|puts|putting|pull|pulls|pulled|pulling)\s+(?:[\w'’-]+\s+){0,4}?"
    r"together\s+with\b", re.IGNORECASE)
_OTHER_SOURCE = LazyPattern(
    r"\b(?:data brokers?|(?:data|marketing|advertising|retail|business) partners|partners|third[- ]part(?:y|ies)|"
    r"public(?:ly available)? (?:sources|records|information|profiles)|social media|offline sources|retailers|"
    r"other (?:companies|sources|businesses)|commercial (?:data )?(?:sources|providers)|"
    # what the company receives is given by someone else than the person ("we also receive your friends
    # list" from the service they log in with)
    r"we (?:also |may |may also |will |will also )?(?:receive|obtain))\b", re.IGNORECASE)
_INFERENCE = LazyPattern(r"\b(?:infer\w*|interests?|preferences|predict\w*|picture of|profiling|profiles? (?:of|about) "
                         r"you|understand (?:you|your)|segments?|lifestyle|characteristics|traits)\b", re.IGNORECASE)


# A diagnosis is health data (Art. 4(15)): the noun a person's diagnosis, or one beside a doctor or
# a treatment, not the diagnosis of a device's fault.
_DIAGNOSIS = LazyPattern(r"\b(?:(?:your|their|medical|clinical|psychiatric|doctors?['’]?s?)\s+)?diagnos(?:is|es)\b",
                         re.IGNORECASE)
_MEDICAL = LazyPattern(r"\b(?:your|their|medical|clinical|psychiatric|doctors?|physicians?|clinic\w*|hospitals?|"
                       r"treatment|patients?|illness\w*|injur\w*)\s+diagnos|\b(?:doctors?|physicians?|clinic\w*|"
                       r"medical|hospitals?|treatment|patients?|illness\w*|injur\w*)\b", re.IGNORECASE)
# Depression is health data beside a word of the mind or of care, not a key's depression.
_DEPRESSION = LazyPattern(r"\bdepression\b", re.IGNORECASE)
_MENTAL = LazyPattern(r"\b(?:your|their|with|from|for) depression\b|\b(?:mental|mood|anxiety|psycholog\w*|"
                      r"psychiatr\w*|therap\w*|symptoms?|health|suffer\w*|treat\w*|condition|conditions|"
                      r"wellbeing|well-being)\b", re.IGNORECASE)
# Words that are health data only in a context of care or of the mind (Art. 4(15)).
_HEALTH_IN_CONTEXT = ((_DIAGNOSIS, (_MEDICAL,)), (_DEPRESSION, (_MEDICAL, _MENTAL)))
# Identifiers hashed and matched by an advertising party, the party named first or last.
# The advertising parties, named by their trade (one list for both orders below).
_AD_TRADE = r"advertising partners?|advertisers|ad networks?|ad platforms?|advertising platforms?"
_AD_PARTY = LazyPattern(rf"\b(?:{_AD_TRADE}|social (?:media|networks?) (?:platforms?|companies))\b", re.IGNORECASE)
_HASHED = LazyPattern(r"\b(?:hash(?:ed|es)?|encrypted|scrambled)\b", re.IGNORECASE)
_CONTACT_ID = LazyPattern(r"\b(?:e-?mail address(?:es)?|phone numbers?|contact details|customer lists?)\b",
                          re.IGNORECASE)
# paracons37: the same, told in another order: hashed contact identifiers handed to a social network or an ad
# platform in a sentence whose end is their ads ("So that social networks can target you with adverts, we share a
# hashed version of your email address with them"): the end fronted, the party named by its kind, "adverts".
_HANDED = LazyPattern(r"\b(?:share[sd]?|sharing|upload\w*|send|sends|sent|disclose\w*|provide\w*|pass\w*|"
                      r"giv(?:e|es|en)|transfer\w*|hand\w*|match\w*)\b", re.IGNORECASE)
_SOCIAL_OR_AD = LazyPattern(rf"\b(?:{_AD_PLATFORMS}|social (?:media|networks?|platforms?|networking "
                            rf"(?:sites|services))|{_AD_TRADE})\b", re.IGNORECASE)
_AD_END = LazyPattern(r"\b(?:ads|adverts?|advertis\w*|audiences?|target\w*)\b", re.IGNORECASE)
_NOT_HANDED = LazyPattern(r"\b(?:not|never|no)\b|n['’]t\b|\b(?:receiv\w*|obtain\w*|collect\w*|gets?|got)\b|"
                          r"\bfrom\s+(?:them\b|(?:(?:the|these|those|such|our)\s+)?(?:[\w-]+\s+){0,2}?(?:platforms?|"
                          r"networks?|partners?|advertisers|companies|media)\b)", re.IGNORECASE)


def _handed_for_ads(sentence: str) -> re.Match[str] | None:
    """The party to whom `sentence` affirms hashed contact identifiers handed for its ads, in any order, or None.
    None where the sentence denies it or tells data received ("receive", "from these platforms": a source)."""
    if _HASHED.search(sentence) is None or _CONTACT_ID.search(sentence) is None:
        return None
    party = _SOCIAL_OR_AD.search(sentence)
    if party is None or _HANDED.search(sentence) is None or _AD_END.search(sentence) is None \
            or _NOT_HANDED.search(sentence) is not None:
        return None
    return party


# Marketing sent to someone whose address a user gave (an invitee, a friend referred, a gift's
# recipient): a person with no relationship of their own with the company, so the customer
# exception for e-mail marketing does not reach them and it needs their prior consent (ePrivacy
# Directive Art. 13(1)-(2); GDPR Art. 6(1)(a), 14). The marketing, the one it goes to, and no "you"
# it is sent to (marketing to the reader is the statement's usual business).
_MARKETING_SENT = LazyPattern(
    r"\b(?:offers?|promotions?|promotional|marketing|newsletters?|advertis\w*|deals|discounts|news about)\b",
    re.IGNORECASE)
_SOMEONE_ELSE = LazyPattern(
    r"\b(?:invitees?|invitations?|invit(?:ed|es|ing|e) (?:(?:a |your )?(?:friends?|family members?|contacts?|"
    r"colleagues?|people)|them)|referr(?:ed|al|als)|refer (?:a |your )?(?:friends?|contacts?|colleagues?)|"
    r"(?:the |a |each )?(?:gift |card |invitation )?recipient['’]?s?|your friends?|the friend|a friend|"
    r"(?:people|persons?|those|contacts|friends|anyone|someone) (?:whom )?(?:you|a user|users|members|customers) "
    r"(?:invite|refer|recommend|nominate|send (?:a |an )?(?:gift|invitation|referral))\w*)\b",
    re.IGNORECASE)
# What the reader or the other person may stop ("can opt out of our marketing e-mails"): a right.
_STOPPED = LazyPattern(r"\b(?:opt(?:s|ed|ing)?[- ]out|unsubscrib\w*|object|stop receiving|withdraw\w*)\b",
                       re.IGNORECASE)
_SENT_TO_READER = LazyPattern(r"\b(?:send|sends|sent|sending|email|e-mail|e-?mails?|contact|offer|show|give)\s+you\b"
                              r"|\b(?:to|for) you\b|\byou (?:may |will |can )?(?:receive|get)\b", re.IGNORECASE)
_SENDING = LazyPattern(r"\b(?:send|sends|sent|sending|e-?mail(?:s|ed|ing)?|contact\w*|messag\w*)\b", re.IGNORECASE)

# The company itself inviting the people in a user's address book to join (an invitation to sign up is
# direct marketing, sent to people with no relationship of their own with the company: ePrivacy
# Directive Art. 13(1); GDPR Art. 6(1)(a), 14): the company the sender, the invitation, the contacts the
# user brought. The user sending it, or choosing whom it goes to, is the user's own message.
_WE_SEND = LazyPattern(r"\b(?:we|(?-i:(?!(?:Users|Members|You|They|People|Customers|Friends|Contacts|Invitees)\b)"
                       r"[A-Z][a-z]+))\s+(?:may\s+|will\s+|can\s+|might\s+|could\s+|would\s+)?(?:also\s+|then\s+|"
                       r"automatically\s+|periodically\s+)?(?:send|email|e-mail|text|call|message|contact|invite|"
                       r"remind)\w*\b"
                       # (consent26: the sending as the end of a use, "we use the numbers … to send an invite text")
                       r"|\bwe\s+(?:[\w-]+\s+){1,10}?to\s+(?:also\s+)?(?:send|text|email|e-mail|message|invite)\w*\b",
                       re.IGNORECASE)
_INVITATION = LazyPattern(r"\binvit(?:es?|ations?|ing)\b|\b(?:to|asking them to) (?:join|sign up)\b", re.IGNORECASE)
_USERS_CONTACTS = LazyPattern(
    r"\b(?:your|their|users['’]?|members['’]?)\s+(?:imported|uploaded|synced|synchroni[sz]ed|phone|device|e-?mail)?\s*"
    r"(?:contacts|address books?|contact lists?)\b"
    r"|\b(?:people|persons|friends|everyone|contacts)\s+(?:in|from|on)\s+(?:your|their)\s+(?:address books?|"
    r"contact lists?|contacts|phone ?books?)\b"
    r"|\bcontacts\s+(?:that\s+)?(?:you|they|users|members)\s+(?:have\s+)?(?:imported|uploaded|synced|shared with us)\b"
    # (consent26: the people reached named as those not on the service, "people who are not on Chirrup")
    r"|\b(?:people|persons|friends|contacts|numbers)\s+who\s+(?:are\s+not|aren['’]t)\s+(?:yet\s+)?(?:on|using|members|"
    r"registered|signed up)\b|\bnon-?(?:users|members)\b",
    re.IGNORECASE)
_CONTACTS_CHOSEN = LazyPattern(r"\b(?:contacts|people|friends)\s+(?:that\s+|whom\s+|who\s+)?(?:you|they)\s+"
                               r"(?:select|choose|pick|tick|mark)\b|\b(?:if|when|once|after)\s+you\s+ask\b",
                               re.IGNORECASE)


# Electronic marketing to the reader beyond the customer exception (consmatrix42): ePrivacy Art. 13(1) asks
# prior consent for marketing by e-mail, SMS or push; Art. 13(2)'s soft opt-in covers only the company's own
# similar products, to an address it obtained in a sale. So the reader's yes is needed where the message is sent
# by such a channel and either (a) it promotes others' goods (partners', third parties', sponsors'), or (b) the
# address was given for another end (to verify the account, for two-factor sign-in or security), or (c) the
# sentence says it is sent without a yes. A sentence that asks the yes itself ("if you opt in") is no widening.
_E_CHANNEL = LazyPattern(r"\b(?:sms|mms|(?:phone|mobile)\s+numbers?|text(?:s|ing)?\b(?:\s+messages?)?|e-?mails?|"
                         r"push(?:\s+notifications?|\s+messages?)?|whatsapp(?:\s+messages?)?|"
                         r"(?:automated\s+)?(?:phone\s+)?calls?)\b", re.IGNORECASE)
_OTHERS_GOODS = LazyPattern(
    r"\b(?:from|of|by|for|on\s+behalf\s+of|promoting|advertising)\s+(?:our\s+|selected\s+|trusted\s+|"
    r"carefully\s+selected\s+|other\s+)?(?:[a-z]+\s+)?(?:partners|third[- ]parties|sponsors|"
    r"advertisers|other\s+companies|other\s+businesses|other\s+brands)\b(?![- ](?:we|who|that)\b)"
    r"|\b(?:partners|third[- ]part(?:y|ies)|sponsors|advertisers|other\s+companies)['’]s?\s+(?:own\s+)?"
    r"(?:products|offers|services|promotions|goods|deals|brands)\b",
    re.IGNORECASE)
# The promotion itself (not "advertisers", a party) and a message sent or a communication made.
_PROMOTION = LazyPattern(r"\b(?:offers?|promotions?|promotional|promoting|marketing|newsletters?|advertis(?:e|es|ing)|"
                         r"advertisements?|ads|deals|discounts)\b", re.IGNORECASE)
_SENT = LazyPattern(r"\b(?:send|sends|sent|sending|text|texts|texting|e-?mail(?:s|ed|ing)?|contact(?:s|ed|ing)?|"
                    r"message|communicat\w*|push(?:es|ed)?|call|receive)\b", re.IGNORECASE)
_MESSAGES = LazyPattern(r"sms|mms|texts|text\s+messages?|e-?mails|push\s+\w+|whatsapp\s+messages?", re.IGNORECASE)
_ADDRESS_FOR_ELSE = LazyPattern(
    r"\b(?:(?:phone|mobile|cell(?:phone)?|telephone)\s+numbers?|numbers?|e-?mail\s+address(?:es)?)\b"
    r"(?=[^.;]*?\b(?:verif\w*|two-(?:factor|step)|2fa|authenticat\w*|security|account\s+recovery)\b)"
    r"|\b(?:verif\w*|two-(?:factor|step)|2fa|authenticat\w*)\b(?=[^.;]*?\b(?:(?:phone|mobile)\s+)?numbers?\b)",
    re.IGNORECASE)
_NO_YES_ASKED = LazyPattern(r"\bwithout\s+(?:\w+\s+){0,2}(?:consent|permission|opt(?:ing)?[- ]in|asking)\b"
                            r"|\bwhether\s+or\s+not\s+you\s+(?:have\s+)?(?:opted\s+in|agreed|subscribed)\b",
                            re.IGNORECASE)
_YES_FIRST = LazyPattern(
    r"\b(?:if|when|once|where|only\s+if|after)\s+you\s+(?:have\s+)?(?:\w+\s+)?(?:opt(?:ed)?[- ]in|agree[ds]?|"
    r"consent(?:ed)?|subscribe[ds]?|sign(?:ed)?\s+up|choose|chose|chosen|ask(?:ed)?|tick(?:ed)?|allow(?:ed)?|"
    r"select(?:ed)?|turn(?:ed)?\s+on|switch(?:ed)?\s+on|wish(?:ed)?|want(?:ed)?|would\s+like|['’]d\s+like|"
    r"prefer(?:red)?|elect(?:ed)?|request(?:ed)?)\b"
    r"|\b(?:with|after|upon)\s+your\s+(?:\w+\s+)?(?:consent|permission|agreement)\b",
    re.IGNORECASE)


def _marketing_unasked(sentence: str) -> re.Match[str] | None:
    """Marketing sent to the reader by e-mail, SMS or push that the soft opt-in does not cover (consmatrix42):
    others' goods, an address given for another end, or no yes asked; the marketing words, or None."""
    marketing = _PROMOTION.search(sentence)
    channel = _E_CHANNEL.search(sentence) if marketing is not None else None
    if channel is None or _YES_FIRST.search(sentence) is not None:
        return None
    if _MESSAGES.compiled().fullmatch(channel.group(0)) is None and _SENT.search(sentence) is None:
        return None      # (an e-mail address or a phone number as data, "a hash of an email", sends nothing)
    if _SOMEONE_ELSE.search(sentence) is not None:
        return None      # (marketing to an invitee or a friend: `marketing-to-others`)
    if _OTHERS_GOODS.search(sentence) or _ADDRESS_FOR_ELSE.search(sentence) or _NO_YES_ASKED.search(sentence):
        return marketing
    return None


def _invites_sent(sentence: str) -> re.Match[str] | None:
    """The company sending invitations to join to the contacts a user brought, on no choice of the user's."""
    sender = _WE_SEND.search(sentence)
    if sender is None or _USER_CHOOSES.search(sentence) or _CONTACTS_CHOSEN.search(sentence):
        return None
    contacts = _USERS_CONTACTS.search(sentence, sender.end())
    invitation = _INVITATION.search(sentence, sender.start())
    if contacts is None or invitation is None or ";" in sentence[sender.start():contacts.start()]:
        return None
    return invitation


def _stated_as_whole(sentence: str) -> list[Trigger]:
    """Automated decisions and profiles from combined data, each told by the parts the law names
    anywhere in the sentence (the machine before or after the effect, the source before or after
    the join), at the position of the effect or the join."""
    found = []
    decision = _SIGNIFICANT_DECISION.search(sentence)
    if decision is not None and _AUTOMATED.search(sentence) and not _SAME_FOR_ALL.search(sentence):
        found.append((decision, ChangeKind.NEW_INCOMPATIBLE_USE, Item.AUTOMATED_DECISIONS, "automated-decisions"))
    withdrawn = _ACCESS_WITHDRAWN.search(sentence)
    if withdrawn is not None and _AUTOMATED.search(sentence) and _EVALUATED.search(sentence):
        found.append((withdrawn, ChangeKind.NEW_INCOMPATIBLE_USE, Item.AUTOMATED_DECISIONS, "automated-decisions"))
    joined = _JOINED_TO_PERSON.search(sentence)
    if joined is not None and _OTHER_SOURCE.search(sentence) and _INFERENCE.search(sentence):
        found.append((joined, ChangeKind.NEW_INCOMPATIBLE_USE, Item.AUTOMATED_DECISIONS, "data-combination"))
    marketing = _MARKETING_SENT.search(sentence)
    if marketing is not None and _SOMEONE_ELSE.search(sentence) and _SENDING.search(sentence) \
            and not _SENT_TO_READER.search(sentence) and not _STOPPED.search(sentence):
        found.append((marketing, ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "marketing-to-others"))
    else:
        invited = _invites_sent(sentence)
        if invited is not None:
            found.append((invited, ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "marketing-to-others"))
        unasked = _marketing_unasked(sentence) if marketing is not None else None
        if unasked is not None:
            found.append((unasked, ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "marketing-unasked"))
    for word, contexts in _HEALTH_IN_CONTEXT:
        health = word.search(sentence)
        if health is not None and any(context.search(sentence) for context in contexts):
            found.append((health, ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.health_and_medical"))
    # In that order: the party, then what it hashes (an identifier named before the party is what
    # the sentence's subject holds, and the party may be a source of data).
    party = _AD_PARTY.search(sentence)
    hashed = _HASHED.search(sentence, party.end()) if party is not None else None
    if party is not None and hashed is not None and _CONTACT_ID.search(sentence, hashed.end()):
        found.append((party, ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "third-party-advertising"))
    else:
        handed = _handed_for_ads(sentence)
        if handed is not None:
            found.append((handed, ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "third-party-advertising"))
    return [Trigger(kind, item, concept, match.group(0)) for match, kind, item, concept in found]


def document_wide(concept: str) -> bool:
    """The practice is compared with the whole old document, not the old sentence."""
    return concept in _DOCUMENT_WIDE or concept.startswith("incompatible-use:")


def may_affirm(sentence: str, concept: str) -> bool:
    """False only where `sentence` cannot affirm `concept` (`affirmed_concepts([sentence], …)`): none of
    the patterns one of whose matches every reading that tells the concept needs may match it (by the
    prefilter's required words, `LazyPattern.possible`). A document asked whether it tells a concept
    anywhere reads only the sentences that pass (`prose.DocumentText.affirms`). Concepts told by a
    reading with no such pattern (the frame's, the lexicon's sensitive terms) may be in any sentence."""
    needed = _needed_patterns().get(concept)
    return needed is None or any(pattern.possible(sentence) for pattern in needed)


@lru_cache(maxsize=1)
def _needed_patterns() -> dict[str, tuple[LazyPattern, ...]]:
    """Per concept whose every reading in `_read_triggers` starts from a match of a pattern: those
    patterns (at least one of them must match for the concept to be told). Built on first use."""
    by_concept: dict[str, list[LazyPattern]] = {}
    for _, _, concept, pattern in _PATTERNS:
        by_concept.setdefault(concept, []).append(pattern)
    for key, pattern in _INCOMPATIBLE:
        by_concept.setdefault("incompatible-use:" + key, []).append(pattern)
    for key, pattern in _PUT_TO:     # `_content_put_to`: an end of the content
        by_concept.setdefault("incompatible-use:" + key, []).append(pattern)
    # The readings beside the patterns, each by the pattern its first test needs.
    extra = {
        "third-party-advertising": (_AD_PARTY,),                 # `_stated_as_whole`: the party, hashed ids
        "cross-site-tracking": (_TRACKER,),                      # `_tracked_elsewhere`
        "marketing-to-others": (_MARKETING_SENT, _INVITATION),   # `_stated_as_whole`, `_invites_sent`
        "marketing-unasked": (_MARKETING_SENT,),                  # `_stated_as_whole`, `_marketing_unasked`
        "device-access": (_READS,),                              # `_device_read`: a verb reaching the content
    }
    for concept, patterns in extra.items():
        by_concept.setdefault(concept, []).extend(patterns)
    # Only concepts no other reading tells: the frame (`framed`) tells data combination, others' own
    # ends, a kept location and a child marketed to; `_stated_as_whole` automated decisions, data
    # combination and health data; the lexicon sensitive data; `_device_read_beyond` and
    # `_comms_received` their own concepts.
    told_otherwise = {"data-combination", "others-own-purposes", "child-marketing", "automated-decisions",
                      DEVICE_BEYOND, COMMS_RECEIVED, KEPT_RECEIVED}
    return {concept: tuple(patterns) for concept, patterns in by_concept.items()
            if concept not in told_otherwise and not concept.startswith("sensitive:")}


# Words that show a sentence processes what it names (sensitive data merely mentioned, as in a
# list of what is never collected or in a definition, triggers nothing).
_PROCESSING = frozenset(stem(w) for w in (
    "collect", "use", "process", "share", "disclose", "store", "keep", "retain", "infer", "derive", "analyze",
    "analyse", "create", "scan", "record", "capture", "obtain", "receive", "ask", "request", "provide", "upload",
    "access", "track", "monitor", "determine", "estimate", "detect", "measure", "read", "verify", "combine",
    "sell", "transfer", "gather", "require", "submit", "include", "includes", "including", "reveal", "check",
    "screen", "evaluate", "assess", "predict", "learn", "identify", "recognize", "recognise", "log", "save",
    # What users add to a profile, and what it shows others, is collected and disclosed (Art. 4(2)).
    "add", "show", "display",
    # What others send or users enter reaches the company (Art. 4(2): collection).
    "send", "sent", "supply", "enter",
    # A profile's fields name what users fill in: what they give (Art. 4(2)).
    "fields"))
# Biometrics a phone or watch checks for itself ("the fingerprint reader of your phone", "device
# biometrics"): the company receives only the result, so it processes no biometric data (Art. 4(14)).
_ON_DEVICE = LazyPattern(r"\b(?:on|of|in|by|with) (?:your|the|their|a) (?:own )?(?:mobile )?(?:device|phone|"
                         r"smartphone|iphone|tablet|watch)(?:['’]s)?\b(?! (?:and|or) (?:stored|sent|kept|uploaded))"
                         r"|\bdevice biometrics\b|\b(?:face id|touch id)\b", re.IGNORECASE)
# A face or voice that unlocks the reader's own phone is checked on it (Moto Face Unlock).
_UNLOCK = LazyPattern(r"\bunlock\w*\b", re.IGNORECASE)
# Faces blurred or masked are made unrecognisable: kept from identifying anyone, not used to.
_OBSCURED = LazyPattern(r"\b(?:blur\w*|mask(?:s|ed|ing)?|obscur\w*|pixelat\w*|anonymi[sz]\w*|redact\w*)\b",
                        re.IGNORECASE)
_DEIDENTIFIED = LazyPattern(r"\b(?:de-?identified|anonymi[sz]ed|aggregated?|pseudonymi[sz]ed|non-?personal|"
                            r"statistics|statistical)\b", re.IGNORECASE)


# A sentence that defines what a category is, or tells readers what they may ask about it, names
# the data without processing it: a definition or a right is no new collection. A definition has
# the defined term as the subject of "means" or "refers to"; "which means you can sign in faster"
# tells a consequence, and "by electronic means" a way of processing, both of data processed.
_NAMED_ONLY = LazyPattern(
    r"(?<!\bwhich )(?<!\bthat )(?<!\bthis )(?<!\bit )(?<!\bwhat )(?<!\bby )(?<!\bautomated )"
    r"(?<!\belectronic )(?<!\bautomatic )(?<!\bdigital )(?<!\bother )(?<!\bany )(?<!\bsuch )(?<!\bthose )"
    r"(?<!\bthese )(?<!\bdifferent )(?<!\ba )(?<!\bone )(?<!\bmechanical )(?<!\btechnical )(?<!\blawful )"
    r"(?<!\blegal )(?<!\bappropriate )(?<!\breasonable )"
    r"\b(?:means|refers? to)\b(?!\s*(?:[,.;:)]|$|of\b|by\b|for\b|and\b|or\b|(?:that|this) (?:you|we)\b))"
    r"|\b(?:is|are) defined as\b|\bshall mean\b"
    r"|\b(?:right to|may ask us to|can ask us to|request that we|ask us to|direct us to) (?:limit|restrict)\b",
    re.IGNORECASE)


def names_only(sentence: str, at: int | None = None) -> bool:
    """The sentence defines a kind of data or tells a right over it: it processes none. A definition
    whose own words then tell what the company makes or does with the data ("Voice data means your
    recordings and the voice profile we create from them to recognise your voice") tells processing.
    With `at`, a position in a text of several sentences (a table cell), only the sentence that holds
    it is read: a definition ends with its sentence, and the next one ("Voice data means recordings
    of your voice. We also use them to build a voice profile …") tells what is done with the data."""
    if at is not None:
        sentence = _sentence_at(sentence, at)
    named = _NAMED_ONLY.search(sentence)
    if named is None:
        return False
    return not (named.group(0).lower().startswith(("means", "refer")) and _COMPANY_DOES.search(sentence, named.end()))


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` that holds position `at` (the whole text when it is one sentence)."""
    cursor = 0
    for piece in sentences(text):
        start = text.find(piece, cursor)
        if start < 0:
            return text
        cursor = start + len(piece)
        if at < cursor:
            return piece
    return text


# The company as the one who acts, in a definition's own words: "the profile we create from them".
_COMPANY_DOES = LazyPattern(r"\bwe\s+(?:also\s+|then\s+)?(?:create|build|generate|make|derive|compile|infer|extract)"
                            r"(?:s|d|ed)?\b", re.IGNORECASE)


def triggers(sentence: str, terms: Lexicon, affirmed_only: bool = True, processed: bool = False) -> list[Trigger]:
    """The consent triggers `sentence` (reading form) affirms (or, without `affirmed_only`,
    mentions in any way), in order of appearance; `processed` when what surrounds the sentence
    (its list's lead-in) says what it names is processed. A sentence is read once per lexicon
    (`Lexicon.read_once`): a long section repeats sentences, and each release reads again the
    text the previous one read."""
    return list(terms.read_once((sentence, "consent", str(affirmed_only), str(processed)),
                                lambda: tuple(_read_triggers(sentence, terms, affirmed_only, processed))))


_OWN_CALLS = LazyPattern(r"\b(?:customer (?:service|support|care)|support|helpdesk|help desk|call cent(?:er|re)|"
                         r"our (?:team|staff|agents?|representatives?)|with us|to us|quality|training purposes)\b",
                         re.IGNORECASE)


def own_calls(sentence: str) -> bool:
    """The sentence's calls are held with the company's own people (support, a call centre, "our staff", "with
    us", recorded "for quality"): not the users' calls with one another (consent28); `recorded.own_staff_call` asks
    it too (review40), so that one pattern says whose call it is."""
    return _OWN_CALLS.search(sentence) is not None


def _read_triggers(sentence: str, terms: Lexicon, affirmed_only: bool, processed: bool) -> list[Trigger]:
    # (An exception to a denial affirms what it names: `practice.with_carve_outs`.)
    spans = with_carve_outs(affirmed_spans(sentence), sentence) if affirmed_only else [(0, len(sentence))]
    if not spans:
        return []
    found: list[Trigger] = []
    # Spans are in order and do not overlap: the one that may hold a position is the last that
    # starts at or before it (a search, not a pass over every clause for every match).
    starts = [a for a, _ in spans]

    def affirmed(start: int) -> bool:
        at = bisect_right(starts, start) - 1
        return at >= 0 and start < spans[at][1]

    # What the whole sentence says, asked at most once however many matches ask it.
    whole = _WholeSentence(sentence)
    lowered = sentence.lower()
    for kind, item, concept, pattern in _PATTERNS:
        if concept == SPOKEN_WORD_RECORDED and "record" not in lowered and "taped" not in lowered:
            continue     # (every form of it names the recording: a keyword before the pattern)
        for match in pattern.finditer(sentence):
            if not affirmed(match.start()):
                continue
            if concept in ("sale", "third-party-advertising") and _DEIDENTIFIED.search(_around(sentence,
                                                                                            match.start())):
                continue     # aggregate statistics or de-identified data: not personal information sold
            if concept == "sale" and _TRADING_NOUN.compiled().match(sentence, match.start()) \
                    and _NOUN_BEFORE.search(sentence[max(0, match.start() - 20):match.start()]):
                continue     # "trading data" of a brokerage or an exchange: what users trade, not data sold
            if concept == "sale" and whole.corporate_transaction:
                continue     # the business sold or merged, with its data as an asset: not a sale of data
            if concept == "sensitive:user.childrens" and whole.learned_of_child:
                continue     # what happens to a child's data found by mistake: deletion, not collection
            if concept.startswith("sensitive:") and names_only(sentence, match.start()):
                continue     # a definition or a right names the data without processing it
            if concept == "communications-recorded" and _OWN_CALLS.search(sentence):
                continue     # a call with the company's own staff: no communication between users
            if concept == SPOKEN_WORD_RECORDED and (any(t.concept == "communications-recorded" for t in found)
                                                    or not _PARTY.search(sentence)):
                continue     # the users' calls with one another (ePrivacy Art. 5(1), told above), or no one's
            if concept == "health-data-to-insurers" and not whole.body_data_beside_insurer:
                continue     # an insurer told of a claim or a policy, not of readings of the body
            if concept == "sensitive:user.biometric.identification" and (
                    whole.on_device or _UNLOCK.search(sentence) or _OBSCURED.search(sentence)):
                continue     # the phone's own face or voice unlock: the company receives no biometric data
            found.append(Trigger(kind, item, concept, match.group(0)))
            break
    tracked = _tracked_elsewhere(sentence, affirmed)
    if tracked is not None:
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "cross-site-tracking", tracked))
    access = _device_read(sentence, affirmed)
    if access is not None and not _USER_CHOOSES.search(sentence) and not names_only(sentence):
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "device-access", access))
    beyond = _device_read_beyond(sentence, affirmed)
    if beyond is not None:
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, DEVICE_BEYOND, beyond))
    received = _comms_received(sentence, affirmed)
    if received is not None:
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.SOURCES, COMMS_RECEIVED, received))
    else:
        received = _comms_received(sentence, affirmed, LegalClass.KEPT) or _circle_received(sentence, affirmed)
        if received is not None:
            found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.SOURCES, KEPT_RECEIVED, received))
    seen = {t.concept for t in found}
    found += [t for t in _stated_as_whole(sentence)
              if t.concept not in seen and affirmed(sentence.lower().find(t.words.lower()))]
    for key, pattern in _INCOMPATIBLE:
        match = next((m for m in pattern.finditer(sentence) if affirmed(m.start())), None)
        if match is not None and not _DEIDENTIFIED.search(_around(sentence, match.start())):
            found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "incompatible-use:" + key,
                                 match.group(0)))
    seen = {t.concept for t in found}
    found += [t for t in _content_put_to(sentence, affirmed) if t.concept not in seen]
    seen = {t.concept for t in found}
    found += [t for t in framed(sentence, terms) if t.concept not in seen]
    words = tokens(sentence)
    stems = [stem(w) for w in words]
    if (processed or _PROCESSING & set(stems)) and not names_only(sentence):
        positions = word_offsets(sentence, words)
        for match in terms.find(stems, words) + _distributed(stems, words, terms) + _stacked(stems, words, terms):
            if match.term.item not in (Item.CATEGORIES, Item.SENSITIVE) or not (
                    match.term.weight is Weight.SENSITIVE or match.term.key == GOVERNMENT_ID):
                continue
            if match.term.key == GOVERNMENT_ID and whole.id_for_law_or_consent:
                continue     # an ID a law asks for, one given by consent already, or one shown for a right
            if match.start > 0 and words[match.start - 1] == "non":
                continue     # non-precise location, non-sensitive data
            if match.term.key.startswith("user.biometric") and whole.on_device:
                continue     # checked on the user's own device: the company processes no biometric data
            if any(a <= positions[match.start] < b for a, b in whole.control_names):
                continue     # "when Precise Location is off": the name of the setting, not the data
            if affirmed(positions[match.start]):
                found.append(Trigger(ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:" + match.term.key,
                                     " ".join(words[match.start:match.end])))
    return found


# Words that join two modifiers of one noun ("religious and political views").
_JOINING = frozenset({"and", "or", "&"})


def _distributed(stems: list[str], words: list[str], terms: Lexicon) -> list[Match]:
    """Terms two joined modifiers make with the noun they share, the first of them read with it
    ("religious and political leanings" names religious leanings too), at the first modifier's place:
    the second already stands next to the noun and is found as written."""
    found = []
    for i in range(len(stems) - 3):
        if stems[i + 1] not in _JOINING or stems[i] in _JOINING:
            continue
        shared = [stems[i], *stems[i + 3:i + 8]]
        match = next(iter(terms.find(shared, [words[i], *words[i + 3:i + 8]])), None)
        if match is not None and match.start == 0 and match.end > 1:
            found.append(Match(match.term, i, i + 1))
    return found


def _stacked(stems: list[str], words: list[str], terms: Lexicon) -> list[Match]:
    """Terms a modifier makes with its noun across one more modifier stacked between them ("precise
    current location" names precise location, "exact GPS position" an exact position): English stacks
    adjectives before a noun, and each still modifies it. The word between is no joining or function
    word (those are `_distributed`'s or break the phrase), and the term is read at the first word."""
    found = []
    for i in range(len(stems) - 2):
        between = words[i + 1]
        if stems[i + 1] in _JOINING or not between.isalpha() or between.lower() in _NOT_STACKED:
            continue
        match = next(iter(terms.find([stems[i], *stems[i + 2:i + 7]], [words[i], *words[i + 2:i + 7]])), None)
        if match is not None and match.start == 0 and match.end > 1:
            found.append(Match(match.term, i, i + match.end + 1))
    return found


# Words that end a modifier's phrase rather than stack in it: articles, pronouns, prepositions, verbs of
# being, negations.
_NOT_STACKED = frozenset({"a", "an", "the", "your", "our", "their", "its", "his", "her", "my", "this", "that",
                          "these", "those", "of", "in", "on", "at", "to", "for", "from", "by", "with", "is", "are",
                          "was", "were", "be", "not", "no", "non", "than", "as", "if", "when", "we", "you", "they",
                          "it", "which", "who"})


# A lead-in that denies ("We never collect:") says nothing of its items being processed.
_DENIAL_STEMS = frozenset(stem(w) for w in negation_tokens("not", "never", "no", "neither", "nor"))


def lead_processes(lead: frozenset[str]) -> bool:
    """The stems of a list's lead-in say its items are processed ("When you open a wallet, we ask
    for:"): a kind of data named alone in an item is collected."""
    return bool(lead & _PROCESSING) and not lead & _DENIAL_STEMS


def _around(sentence: str, at: int, words: int = 8) -> str:
    """The few words before and after position `at` (what a trigger's own words speak of)."""
    return " ".join(_last_words(sentence, at, words) + _first_words(sentence, at, words + 2))


# How many characters `_around` reads on each side first: words are short, so a window this wide
# holds them unless a "word" is very long, and then the whole side is read, as it always was.
_AROUND_WINDOW = 400


def _last_words(sentence: str, at: int, count: int) -> list[str]:
    """The last `count` whitespace-separated words of `sentence[:at]`, reading a window before
    `at`, not the whole text before it (each of many matches read it all: the square of its length)."""
    start = max(0, at - _AROUND_WINDOW)
    window = sentence[start:at].split()
    # The window's first word may be cut; one more word than asked for proves the rest whole.
    if start == 0 or len(window) > count:
        return window[-count:]
    return sentence[:at].split()[-count:]


def _first_words(sentence: str, at: int, count: int) -> list[str]:
    """The first `count` whitespace-separated words of `sentence[at:]`, read from a window after `at`."""
    end = at + _AROUND_WINDOW
    window = sentence[at:end].split()
    if end >= len(sentence) or len(window) > count:
        return window[:count]
    return sentence[at:].split()[:count]


class _WholeSentence:
    """What a few of the trigger reader's checks ask of the whole sentence, each read the first
    time it is asked and kept: asked once per match, they cost the sentence's length squared."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._answers: dict[str, bool] = {}
        self._names: list[tuple[int, int]] | None = None

    def _ask(self, name: str, read: Callable[[str], bool]) -> bool:
        if name not in self._answers:
            self._answers[name] = read(self.sentence)
        return self._answers[name]

    @property
    def corporate_transaction(self) -> bool:
        return self._ask("corporate", lambda s: CORPORATE_TRANSACTION.search(s) is not None)

    @property
    def learned_of_child(self) -> bool:
        return self._ask("child", lambda s: _LEARNED_OF_CHILD.search(s) is not None)

    @property
    def body_data_beside_insurer(self) -> bool:
        return self._ask("insurer", lambda s: _BODY_DATA.search(_INSURER.sub("", s)) is not None)

    @property
    def id_for_law_or_consent(self) -> bool:
        return self._ask("id", lambda s: _ID_FOR_LAW_OR_CONSENT.search(s) is not None)

    @property
    def on_device(self) -> bool:
        return self._ask("device", lambda s: _ON_DEVICE.search(s) is not None)

    @property
    def control_names(self) -> list[tuple[int, int]]:
        if self._names is None:
            self._names = [m.span(g) for m in _CONTROL_NAME.finditer(self.sentence) for g in (1, 2)
                           if m.start(g) >= 0]
        return self._names


# A setting or permission named in capitals after what it gates, where the sentence switches it or
# says whether it is on ("turn on Precise Location", "when Location History is off"): the control.
_CONTROL_NAME = LazyPattern(
    r"\b(?:[Tt]urn(?:s|ed|ing)?|[Ss]witch(?:es|ed|ing)?|[Ee]nabl(?:e|es|ed|ing)|[Dd]isabl(?:e|es|ed|ing))\s+"
    r"(?:on\s+|off\s+)?(?:the\s+)?((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)"
    r"|\b((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+(?:is|are|was|has been|have been)\s+(?:(?:turned|switched|set)\s+)?"
    r"(?:on|off|enabled|disabled)\b")


def new_triggers(sentence: str, before: list[str], terms: Lexicon,
                 stated: frozenset[str] | None = None, processed: bool = False) -> list[Trigger]:
    """Triggers `sentence` affirms that none of the old sentences `before` affirmed (one per concept);
    `stated`, when given, is `affirmed_concepts(before, terms)` read once by the caller; `processed`
    when the sentence's list lead-in says what it names is processed."""
    found = triggers(sentence, terms, processed=processed)
    if not found:
        return []
    if stated is None or processed:
        # The old sentences read as the new one is (an old item of the same list named its data too).
        stated = affirmed_concepts(before, terms, processed)
    out: dict[str, Trigger] = {}
    measures: dict[str, set[str] | None] = {}
    for trigger in found:
        if trigger.concept not in stated and _family(trigger.concept) not in stated:
            out.setdefault(trigger.concept, trigger)
        elif trigger.concept == "automated-decisions" and not _PROFILING_ONLY.compiled().fullmatch(trigger.words) \
                and DECIDED not in stated:
            # A decision on the person taken by a machine where the old text told only profiling
            # ("LinkedIn may use profiling techniques" for marketing): Art. 22(1) governs the decision
            # with its effects, which profiling told for other ends does not announce.
            out.setdefault(trigger.concept, trigger)
        elif _NAMED_DATUM.compiled().fullmatch(trigger.words):
            # A new datum of the category where the old text named only other data of it (heart
            # rate, now blood oxygen or medical conditions; sexual orientation, now sex life):
            # consent covers the data it was given for (Art. 9(2)(a), 7(2)).
            family = _family(trigger.concept)
            if family not in measures:
                measures[family] = _measures(before, terms, family, processed)
            named = measures[family]
            if named is not None and _measure(trigger.words) not in named:
                out.setdefault(trigger.concept + ":" + _measure(trigger.words), trigger)
    return list(out.values())


# Data of one special category each told by name: readings of the body a device takes, the
# conditions and medicines a person has, their orientation and their sex life. A term that names
# one of these is a named datum; any other ("health data", "fitness data") covers them all.
_NAMED_DATA = (
    ("heart rate", r"heart[- ]rate"), ("blood pressure", r"blood[- ]pressure"),
    ("blood oxygen", r"blood[- ]oxygen(?: saturation)?|spo2"), ("sleep", r"sleep(?: data| stages| patterns)?"),
    ("ecg", r"ecg|electrocardiogram"), ("blood glucose", r"blood[- ]glucose"),
    ("body temperature", r"body temperature"), ("menstrual cycle", r"menstrual(?: cycle)?"),
    ("medical conditions", r"(?:medical|health|pre-existing|chronic) (?:conditions?|histor(?:y|ies)|records?|"
                           r"illness(?:es)?|diagnos[ie]s)|medications?|prescriptions?|symptoms"),
    ("sexual orientation", r"sexual orientation|sexuality"),
    ("sex life", r"sex li(?:fe|ves)|sexual (?:activity|behaviou?r|history|partners|interests?|life|preferences)|"
                 r"intimate relationships?|intimacy"),
)
_NAMED_DATUM = LazyPattern("|".join(f"(?:{words})" for _, words in _NAMED_DATA), re.IGNORECASE)
_READING = tuple((name, LazyPattern(words, re.IGNORECASE)) for name, words in _NAMED_DATA)


def _measure(words: str) -> str:
    """The datum a term names, however it is written ("SpO2" and "blood-oxygen saturation" are
    "blood oxygen")."""
    return next((name for name, pattern in _READING if pattern.compiled().fullmatch(words)), words.lower())


def _measures(before: list[str], terms: Lexicon, family: str, processed: bool = False) -> set[str] | None:
    """The named data of `family` the old sentences affirm; None when they affirm the category in
    general."""
    found: set[str] = set()
    for text in before:
        for trigger in triggers(text, terms, processed=processed):
            if _family(trigger.concept) != family:
                continue
            if not _NAMED_DATUM.compiled().fullmatch(trigger.words):
                return None
            found.add(_measure(trigger.words))
    return found


# The company itself taking or using a location ("we collect your location", "your location is
# used to …"): where the old text did, keeping that location on its servers starts no collection.
_TAKING = LazyPattern(r"\b(?:collect|receiv|obtain|gather|track|access|upload|stor|keep|kept|retain|log|record|us)"
                     r"(?:e|es|ed|ing|s)?\b", re.IGNORECASE)
_TAKEN_PASSIVE = LazyPattern(r"^(?:\s+[\w'’,-]+){0,4}?\s+(?:is|are|may be|will be)\s+(?:collected|received|obtained|"
                             r"gathered|tracked|accessed|uploaded|stored|kept|retained|logged|recorded|used)\b",
                             re.IGNORECASE)


def _location_taken(sentence: str) -> bool:
    """The sentence affirms the company taking or using a location (`LegalClass.LOCATION`)."""
    places = spans_of(sentence, LegalClass.LOCATION)
    if not places:
        return False
    spans = affirmed_spans(sentence)

    def told(at: int) -> bool:
        return any(a <= at < b for a, b in spans)

    for verb in _TAKING.finditer(sentence):
        if told(verb.start()) and any(verb.end() <= c.start <= verb.end() + 160
                                      and len(re.findall(r"[\w'’,-]+", sentence[verb.end():c.start])) <= 6
                                      for c in places):
            return True
    return any(told(c.start) and _TAKEN_PASSIVE.search(sentence[c.end:]) for c in places)


# Profiling named as such (Art. 4(4)), not a decision taken on the person (Art. 22(1)); and the mark
# `affirmed_concepts` adds where an automated decision itself is told.
_PROFILING_ONLY = LazyPattern(r"profiling", re.IGNORECASE)
DECIDED = "automated-decisions:decision"


def affirmed_concepts(sentences: list[str], terms: Lexicon, processed: bool = False) -> frozenset[str]:
    """Every trigger concept the sentences affirm, with the family of each kind of sensitive data, and
    `DECIDED` where an automated decision on the person is told, not only profiling."""
    found = [t for text in sentences for t in triggers(text, terms, processed=processed)]
    concepts = {t.concept for t in found}
    if any(t.concept == "automated-decisions" and not _PROFILING_ONLY.compiled().fullmatch(t.words) for t in found):
        concepts.add(DECIDED)
    # (The location taken tells of no precise location: it adds the concept alone, not its family.)
    taken = {"sensitive:user.location.kept"} if any(_location_taken(text) for text in sentences) else set()
    return frozenset(concepts | {_family(c) for c in concepts} | taken)


# A disclosure to another company or to other users, not to those who act for the company: its
# basis is the user's consent once the statement made it wait on it (GDPR Art. 6(1)(a), 6(4)).
# paracons38: the party that uses the data on its own account is named as the reader's own ("to your employer"),
# as one ("to the insurer you choose", "with a data broker") or as many ("to insurers"): the same disclosure.
_DISCLOSURE_TO_OTHERS = LazyPattern(within_clause(
    r"\b(?:share|shares|shared|sharing|disclose\w*|provide\w*|give|gives|transfer\w*|send|sends|sent|pass\w*|"
    r"make available|made available|sell\w*|rent\w*)\b(?=[^.;]*\b(?:to|with)\s+(?:our\s+|other\s+|selected\s+|"
    r"trusted\s+)?(?:third[- ]part(?:y|ies)|partners?|partner \w+|other (?:members|users|customers|companies|"
    r"businesses|organi[sz]ations)|customers|merchants|advertisers|sponsors|insurers|employers|recruiters|"
    r"data brokers)\b"
    r"|[^.;]*\b(?:to|with)\s+(?:your|the|an?)\s+(?:\w+\s+)?(?:employers?|insurers?|insurance (?:company|provider)|"
    r"data brokers?|advertisers?|recruiters?)\b)"
    r"(?![^.;]*\b(?:service providers?|processors?|vendors|on (?:our|its) behalf)\b)"),
    re.IGNORECASE)


# Advertising chosen from tracking users' behaviour, here or on other sites (retargeting): the
# cookies and identifiers it reads need consent (ePrivacy Art. 5(3)), whatever basis a statement
# claims for showing the ads.
_BEHAVIOURAL_ADVERTISING = LazyPattern(r"\b(?:re-?target(?:ed|ing)|behaviou?ral(?: advertising| ads)?|"
                                       r"interest-based (?:advertising|ads))\b", re.IGNORECASE)


# Cookies and their kin: what is stored on or read from the user's device.
_STORAGE_NOUN = (r"(?:cookies?|trackers?|tracking (?:technolog(?:y|ies)|tools?|pixels?)|pixels?|web beacons?|tags?|"
                 r"sdks?|software development kits?|local storage|similar technolog(?:y|ies))")
# Storing or reading something on the user's device (ePrivacy Art. 5(3)): cookies and their kin set
# for a purpose the user did not ask for (analytics, measurement, advertising, personalisation) ...
_DEVICE_STORAGE = LazyPattern(
    rf"\b{_STORAGE_NOUN}\b"
    r"(?=[^.;]*\b(?:analytic\w*|advertis\w*|ads|marketing|measur\w*|statistic\w*|personali[sz]\w*|target\w*|"
    r"tracking|audiences?|performance|insights?|retarget\w*)\b)"
    r"|\b(?:analytic\w*|advertis\w*|ad|marketing|measurement|statistic\w*|personali[sz]ation|targeting|tracking|"
    r"performance|third[- ]party|non-?essential|non-?necessary|optional)\s+(?:and\s+\w+\s+)?(?:cookies?|trackers?|"
    r"pixels?|sdks?|tags?|technolog(?:y|ies))\b",
    re.IGNORECASE)
# ... strictly necessary storage needs no consent (Art. 5(3), second sentence).
STRICTLY_NECESSARY = LazyPattern(r"(?<!non-)(?<!non)\b(?:strictly necessary|essential|"
                                  r"necessary (?:to|for) (?:provide|run|operate)|"
                                  r"required (?:to|for) (?:provide|run|operate))\b", re.IGNORECASE)
# Reading the device limited to what a feature the user asked for needs ("if needed to provide features
# of the Service that require this data", "only where necessary for the feature to work"): the
# exemption of ePrivacy Art. 5(3), second sentence, told in the statement's own words.
_ONLY_AS_NEEDED = LazyPattern(
    r"\b(?:if|where|when|only (?:if|where|when)|to the extent|as|insofar as)\s+(?:it is\s+|this is\s+|they are\s+|"
    r"(?:strictly\s+)?)(?:needed|necessary|required)\s+(?:to|for|by)\b"
    r"|\bfeatures? (?:that|which) (?:require|requires|need|needs)\s+(?:this|these|it|them|such)\b",
    re.IGNORECASE)


# A verb of collecting, then the examples of what it collects ("We also collect information about your
# device, such as …", "we log data including …"): what the examples name is collected.
_EXAMPLES = LazyPattern(r"\b(?:such as|including|includes?|e\.g\.|for example|like|namely)(?=\W)", re.IGNORECASE)
_COLLECTING = LazyPattern(r"\b(?:collect|log|receive|obtain|gather|record|access|process)\w*\b", re.IGNORECASE)


def collected_example(text: str, at: int) -> bool:
    """What stands at `at` in `text` is among the examples of what its clause collects ("We also collect
    information about your device, such as …", "we log data including …"): a verb of collecting, then an
    example marker, before it in its clause."""
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    verb = _COLLECTING.compiled().search(text, start, at)
    return verb is not None and _EXAMPLES.compiled().search(text, verb.end(), at) is not None


def device_content_named(text: str, kept: bool = False) -> str | None:
    """The device's own content (its address book, the apps installed on it, its motion sensors; with
    `kept`, only what the user keeps there, `LegalClass.KEPT`) that `text` names where it affirms, with no
    choice of the user's or strict necessity said beside it: its words, or None. Read in a table row,
    which relates the data it lists to the row's purpose, and in a sentence that goes on with what
    the one before it collects ("We may log information …. This may include …")."""
    if _USER_CHOOSES.search(text) or STRICTLY_NECESSARY.search(text) or names_only(text):
        return None
    spans = affirmed_spans(text)
    found = next((c for c in device_spans(text, kept) if any(a <= c.start < b for a, b in spans)), None)
    return found.words if found is not None else None


def device_need_dropped(old: str, new: str) -> str | None:
    """The device content (its sensors, the apps on it, its address book) whose reading the old sentence
    limited to what a feature needs, which the new sentence still reads with that limit gone: the
    words of the content, or None. Access to information in the user's terminal equipment is exempt
    from consent only where strictly necessary for a service the user asked for (ePrivacy Art. 5(3),
    second sentence); without that limit the reading reaches further and rests on consent."""
    need = _ONLY_AS_NEEDED.search(old)
    if need is None or _ONLY_AS_NEEDED.search(new) or STRICTLY_NECESSARY.search(new) \
            or _USER_CHOOSES.search(new):
        return None
    # The content the limit bound: named in the old sentence's clause before the limit.
    bound = [c for c in device_spans(old) if max(0, need.start() - 160) <= c.start and c.end <= need.start()
             and not re.search(r"[.;]", old[c.end:need.start()])]
    if not bound:
        return None
    spans = affirmed_spans(new)
    named = {c.words.lower() for c in bound}
    kept = next((c for c in device_spans(new) if c.words.lower() in named
                 and any(a <= c.start < b for a, b in spans)), None)
    return kept.words if kept is not None else None
# An opt-in made an opt-out: the practice is on unless the user turns it off. A default the user
# must undo is no consent (GDPR Art. 4(11), 7; CJEU C-673/17 Planet49): the basis moved away from it.
OPT_OUT_DEFAULT = (r"\b(?:(?:on|enabled|active|activated|selected|ticked|checked) by default|"
                   r"(?:switched|turned|set) on (?:automatically|by default|when|for all|for every)|"
                   # on from an act the user does for something else (installing, signing up)
                   r"(?:on|active|enabled|activated|ready(?: to use| to go)?) "
                   r"(?:as soon as|when|once|from the moment|the moment|right after|immediately after) you "
                   r"(?:first )?(?:install|download|set up|sign up|register|create|start using)|"
                   r"(?:automatically|by default) (?:switched |turned )?(?:on|enabled|activated)|"
                   r"unless (?:and until )?you (?:turn|switch|opt) (?:it |them |this |these )?(?:off|out)|"
                   r"until you (?:turn|switch|opt) (?:it |them |this |these )?(?:off|out)|"
                   r"(?:you (?:can|may) )?(?:opt out|turn (?:it |them |this |these )?off|"
                   r"switch (?:it |them |this |these )?off|object|withdraw)\b[^.;]*\b(?:at any time|"
                   r"in (?:your |the |our )?(?:[\w-]+ )?(?:settings|"
                   r"preferences|privacy (?:centre|center|settings))|anytime)|set on arrival|on arrival)\b")
_OPT_OUT_DEFAULT = LazyPattern(OPT_OUT_DEFAULT, re.IGNORECASE)


def opt_out_default(sentence: str) -> bool:
    """The sentence tells a practice on until the user turns it off (an opt-out)."""
    return _OPT_OUT_DEFAULT.search(sentence) is not None


# A person's name or likeness published with what they wrote or as an endorsement (a testimonial
# "along with your name", a review "and photo in our marketing"): made public for the company's
# promotion, it rests on the person's consent, no contract or interest of the company's needs it
# (GDPR Art. 6(1)(a); the right to one's name and image).
_PUBLISHED_PERSON = LazyPattern(within_clause(
    r"\b(?:post|posts|posted|posting|publish\w*|display\w*|feature|features|featured|featuring|showcas\w*|"
    r"print\w*)\b(?=[^.;]*\b(?:your|their|his|her|customers['’]?|reviewers['’]?)\s+(?:\w+\s+(?:and|or|&)\s+)?"
    r"(?:(?:full|first|last|real)\s+)?"
    r"(?:names?|photos?|photographs?|pictures?|images?|likeness|portraits?)\b)"),
    re.IGNORECASE)


def consent_basis(sentence: str, terms: Lexicon) -> Trigger | None:
    """The practice a sentence affirms whose legal basis is consent once a consent condition is
    taken from it: a trigger, behavioural advertising, a disclosure to others,
    storing or reading on the device (ePrivacy Art. 5(3)), or any practice now on until the user
    turns it off (an opt-in made an opt-out). Marketing by e-mail or push with an unsubscribe link is
    not among them: the soft opt-in (ePrivacy Art. 13(2)) lets it rest on an opt-out, so it stays a
    notice."""
    return next(_consent_bases(sentence, terms, personalised=False), None)


def consent_bases(sentence: str, terms: Lexicon) -> list[Trigger]:
    """Every practice of `consent_basis` the sentence affirms, in the order that one ranks them, and
    advertising personalised for the person in any words (`_personalised_advertising`): read where a
    consent *basis* is swapped for another, not where a condition is lost ("where the law requires
    your consent" names the law's demand, and the same statement may tailor ads without it)."""
    return list(_consent_bases(sentence, terms, personalised=True))


def _consent_bases(sentence: str, terms: Lexicon, personalised: bool) -> Iterator[Trigger]:
    yield from triggers(sentence, terms)
    spans = affirmed_spans(sentence)
    storage = next((m for m in _DEVICE_STORAGE.finditer(sentence) if any(a <= m.start() < b for a, b in spans)), None)
    if storage is not None and not STRICTLY_NECESSARY.search(sentence):
        ads = re.search(r"\b(?:advertis\w*|ads|marketing|target\w*|retarget\w*|audiences?)\b", sentence, re.IGNORECASE)
        if ads is not None:
            yield Trigger(ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "device-storage", storage.group(0))
        else:
            yield Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "device-storage", storage.group(0))
    for kind, item, concept, pattern in (
            (ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "behavioural-advertising", _BEHAVIOURAL_ADVERTISING),
            (ChangeKind.NEW_INCOMPATIBLE_USE, Item.RECIPIENTS, "disclosure-to-others", _DISCLOSURE_TO_OTHERS),
            (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "device-access", None),
            (ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "opt-out-default", _OPT_OUT_DEFAULT),
            (ChangeKind.NEW_INCOMPATIBLE_USE, Item.RECIPIENTS, "published-person", _PUBLISHED_PERSON)):
        if pattern is None:
            # The device's own content, by its legal class (`device_spans`): reading it is Art. 5(3)'s.
            content = next((c for c in device_spans(sentence) if any(a <= c.start < b for a, b in spans)), None)
            if content is not None:
                yield Trigger(kind, item, concept, content.words)
            continue
        match = next((m for m in pattern.finditer(sentence) if any(a <= m.start() < b for a, b in spans)), None)
        if match is not None:
            yield Trigger(kind, item, concept, match.group(0))
    tailored = _personalised_advertising(sentence, terms, spans) if personalised else None
    if tailored is not None:
        yield Trigger(ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "behavioural-advertising", tailored)


# Advertising chosen for the person from what is known of them, in any of the words the lexicon
# names it by (personalised, tailored, targeted, interest-based ads): profiling for advertising,
# which a statement that asked consent for it cannot move to another basis (CJEU C-252/21 Meta v
# Bundeskartellamt, paras. 115-118: neither contract nor, in general, legitimate interests carry it;
# ePrivacy Art. 5(3) for the identifiers it reads). Read only where consent was its basis.
_PERSONALISED_ADS = "marketing.advertising.first_party.targeted"


def word_offsets(sentence: str, words: Sequence[str]) -> list[int]:
    """Where each of `words` (the sentence's tokens, in order, lowercased) starts in `sentence`."""
    lowered = sentence.lower()
    cursor = 0
    positions = []
    for word in words:
        cursor = lowered.find(word, cursor)
        positions.append(max(cursor, 0))
        cursor += len(word)
    return positions


def _personalised_advertising(sentence: str, terms: Lexicon, spans: list[tuple[int, int]]) -> str | None:
    """The words of personalised advertising `sentence` affirms (within `spans`), or None; "non-personalised
    advertising" is none."""
    words = tokens(sentence)
    stems = [stem(w) for w in words]
    if not any(s.startswith(("ad", "advert", "target", "remarket", "retarget")) for s in stems):
        return None
    positions = word_offsets(sentence, words)
    for match in terms.find(stems, words):
        if match.term.key != _PERSONALISED_ADS or (match.start > 0 and words[match.start - 1] == "non"):
            continue
        at = positions[match.start]
        if any(a <= at < b for a, b in spans):
            return " ".join(words[match.start:match.end])
    return None


# The user's choice overridden: a practice done even when the setting or permission that gates it
# is off, whether or not the user agreed, or regardless of their choices. A practice that needs
# consent done against the user's "no" has no consent (GDPR Art. 4(11), 7; ePrivacy Art. 5(3)).
CHOICE_OVERRIDDEN = LazyPattern(
    r"\beven (?:when|if|though|where|after)\b[^.;]{0,60}?\b(?:off|disabled|deactivated|paused|turned off|"
    r"switched off|declined?|refused?|den(?:y|ies|ied)|opted out|withdrawn|"
    r"(?:not|never|n['’]t) (?:\w+ ){0,3}?(?:on|enabled|allowed|granted|given|consented|agreed|opted in))\b"
    r"|\b(?:whether or not|regardless of whether)\s+you\b[^.;]{0,40}?\b(?:turn|switch|enable|allow|consent|agree|"
    r"opt|grant|give)\w*\b"
    r"|\b(?:regardless|irrespective) of (?:your|any|the) (?:\w+ )?(?:settings?|choices?|preferences?|permissions?|"
    r"consent|opt-outs?)\b", re.IGNORECASE)


# A child's use of the service no longer waiting on a parent: "without a parent's consent", "a
# parent does not need to approve it", "no longer need their parent's permission" (GDPR Art. 8(1):
# below the age of consent, processing is lawful only with the holder of parental responsibility's
# consent or authorisation; COPPA 16 CFR 312.5).
_PARENT = r"(?:parent(?:s|al|['’]s|s['’])?|guardian(?:s|['’]s|s['’])?|plan manager(?:['’]s)?|family manager(?:['’]s)?)"
_PARENT_ASSENT = r"(?:consent|approval|permission|authori[sz]ation|agreement|sign-off|go-ahead)"
_NOT_NEEDED = r"(?:no longer|do not|does not|don['’]t|doesn['’]t|need not|will not)"
PARENTAL_CONSENT_WAIVED = LazyPattern(
    rf"\bwithout\s+(?:(?:any|the|a|an|their|your|his|her)\s+)?{_PARENT}\s+(?:(?:or|and)\s+(?:\w+\s+){{0,2}}?)?"
    rf"{_PARENT_ASSENT}\b"
    rf"|\bwithout\s+(?:(?:any|the|a|an|their|your)\s+)?{_PARENT_ASSENT}\s+(?:of|from)\s+"
    rf"(?:(?:a|an|any|the|their|your)\s+)?{_PARENT}"
    rf"|\b{_NOT_NEEDED}\s+(?:need|require|have to get|have to obtain)\w*"
    rf"\s+(?:(?:a|an|any|the|their|your|his|her)\s+)?{_PARENT}\b"
    rf"(?:\s+(?:(?:or|and)\s+(?:\w+\s+){{0,2}}?)?{_PARENT_ASSENT})?"
    rf"|\b{_PARENT}\s+(?:(?:or|and)\s+(?:\w+\s+){{0,2}}?)?{_NOT_NEEDED}\s+"
    rf"(?:need to\s+|have to\s+)?(?:approve|consent|agree|permit|authori[sz]e|sign off|"
    rf"give (?:their |your )?{_PARENT_ASSENT})\b",
    re.IGNORECASE)
# A parent's assent asked for: the rule the waiver undoes.
PARENTAL_CONSENT_NEEDED = LazyPattern(
    rf"\b{_PARENT}\b[^.;]{{0,80}}?\b(?:{_PARENT_ASSENT}|approv\w*|consent\w*|permit\w*|authori[sz]\w*|agree\w*)\b"
    rf"|\b{_PARENT_ASSENT}\s+(?:of|from)\s+(?:(?:a|an|their|your|the)\s+)?{_PARENT}", re.IGNORECASE)
# Whom a sentence speaks of: children or teenagers, or an age under 18.
_CHILDREN_NAMED = LazyPattern(
    r"\b(?:child|children|kids?|minors?|teens?|teenagers?|young people|under (?:the age of )?1[0-7]|"
    r"(?:aged?|age of) 1[0-7]|1[0-7] (?:years?|and (?:over|older|up)|or (?:over|older))|between 1[0-7] and 1[0-7])\b",
    re.IGNORECASE)


# What happens once the company finds it holds a child's data ("If we become aware that we have collected
# personal information from a child under 13 …"), and the act that ends holding it.
_CHILD_FOUND = LazyPattern(r"\b(?:if|when|should|where|once|whenever) (?:we|you|it)\s+(?:\w+\s+)?(?:learn|become aware|"
                           r"becomes? aware|discover|find|believe|have reason|are made aware|are notified|are informed|"
                           r"determine|comes? to (?:our|its) attention)\w*\b", re.IGNORECASE)
_ERASED = LazyPattern(r"\b(?:delet\w*|eras\w*|remov\w*|destroy\w*|purg\w*|dispos\w* of|anonymi[sz]\w*|"
                      r"de-?identif\w*)\b", re.IGNORECASE)


_A_PARENT = LazyPattern(rf"\b{_PARENT}\b", re.IGNORECASE)
_ASSENT = LazyPattern(rf"\b{_PARENT_ASSENT}\b", re.IGNORECASE)


def child_data_found(sentence: str) -> str | None:
    """The child `sentence` tells of whose data the company finds it holds, with no parent's assent told
    beside it: the words naming the child, or None."""
    child = _CHILDREN_NAMED.search(sentence)
    if child is None or _CHILD_FOUND.search(sentence) is None or PARENTAL_CONSENT_NEEDED.search(sentence):
        return None
    for clause in re.split(r"[.;]", sentence):
        parent = _A_PARENT.search(clause)
        if parent is not None and _ASSENT.compiled().search(clause, parent.end()) is not None:
            return None     # a parent's consent told: the data are held on it
    return child.group(0)


def child_data_erased(sentence: str) -> bool:
    """`sentence` tells a child's data found to be held deleted (erased, destroyed, anonymised)."""
    if child_data_found(sentence) is None:
        return False
    spans = affirmed_spans(sentence)
    return any(any(a <= m.start() < b for a, b in spans) for m in _ERASED.finditer(sentence))


# Where the consent of ePrivacy Art. 5(3) and the GDPR is asked: the EU, the EEA, the UK (PECR reg. 6) and
# Switzerland, named, in a list, or as "Europe".
_CONSENT_REGION = (r"(?:the\s+)?(?:EU|E\.U\.|European Union|EEA|E\.E\.A\.|European Economic Area|Europe|European "
                   r"Region|UK|U\.K\.|United Kingdom|Britain|Switzerland|EU/EEA(?:/UK)?(?:/(?:Switzerland|CH))?)")
_CONSENT_REGIONS = rf"{_CONSENT_REGION}(?:(?:\s*,\s*|\s*/\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+){_CONSENT_REGION})*"
# A practice limited to people outside those places ("If you are outside the EU, EEA and Switzerland",
# "except for users in the UK", "outside the Designated Countries", a term the document defines by them).
_OUTSIDE = (r"\b(?:outside(?:\s+of)?|not\s+(?:located\s+|resident\s+|living\s+)?in|other than|except(?:\s+for)?"
            r"(?:\s+(?:users|people|members|customers|those|individuals))?\s+in|excluding(?:\s+(?:users|people|members|"
            r"customers|those|individuals))?(?:\s+in)?|apart from)\s+")
_OUTSIDE_REGION = LazyPattern(_OUTSIDE + _CONSENT_REGIONS + r"\b", re.IGNORECASE)
_OUTSIDE_TERM = LazyPattern(_OUTSIDE + r"(?:the\s+)?[“\"‘']?((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[”\"’']?")
_DEFINES_REGION = LazyPattern(rf"\b{_CONSENT_REGION}\b")


def outside_consent_region(sentence: str, document: str) -> str | None:
    """The words by which `sentence` limits what it tells to people outside the EU, the EEA, the UK or
    Switzerland, named, or by a capitalised term `document` uses beside those names ("the Designated
    Countries", which it defines as the EU, the EEA and Switzerland), or None."""
    named = _OUTSIDE_REGION.search(sentence)
    if named is not None:
        return named.group(0)
    for term in _OUTSIDE_TERM.finditer(sentence):
        # The term's definition: quoted as a term ("We use the term “Designated Countries” to refer to …"),
        # or followed by what it means.
        defined = re.compile(rf"[“\"‘']{re.escape(term.group(1))}[”\"’']|\b{re.escape(term.group(1))}\W+(?:means|"
                             rf"refers? to|shall mean|is defined as|includes|comprises)\b")
        if any(_DEFINES_REGION.search(line) for line in document.splitlines() if defined.search(line)):
            return term.group(0)
    return None


# Minors named by an age under 18 or by a word for them ("users under the age of 18", "teens", "children").
_MINORS = LazyPattern(r"\b(?:minors?|children|child|kids?|teens?|teenagers?|young people|"
                      r"(?:under|below|younger than)\s+(?:the\s+age\s+of\s+)?1[0-8](?!\s*(?:%|[.,]\d))|"
                      r"aged?\s+(?:under|below)\s+1[0-8])\b", re.IGNORECASE)
# Minors' data kept from advertising: not disclosed to advertising partners, not sold or shared for
# advertising, no ads tailored to them (CPRA §1798.120(c); GDPR Art. 8, recital 38; DSA Art. 28(2)).
# (A denial, then a verb of giving or targeting, then advertising, in one clause: read in three searches
# a clause, linear in its length.)
_NOT = LazyPattern(negation_marks("not", "never", "n't"), re.IGNORECASE)
_GIVEN_OR_TARGETED = LazyPattern(r"\b(?:disclos\w*|shar\w*|sell\w*|sold|provid\w*|pass\w*|transfer\w*|show\w*|"
                                 r"serv\w*|target\w*|personali[sz]\w*|tailor\w*)\b", re.IGNORECASE)
_TO_ADVERTISING = LazyPattern(r"\b(?:advertis\w*|ad partners?|ad networks?|ads)\b", re.IGNORECASE)


def minors_kept_from_ads(sentence: str) -> str | None:
    """The minors `sentence` keeps out of advertising ("With respect to users under the age of 18, we do
    not disclose personal data to advertising partners by default"): the words naming them, or None."""
    minors = _MINORS.search(sentence)
    if minors is None:
        return None
    for clause in re.split(r"[.;]", sentence):
        denial = _NOT.search(clause)
        verb = _GIVEN_OR_TARGETED.compiled().search(clause, denial.end()) if denial is not None else None
        if verb is not None and _TO_ADVERTISING.compiled().search(clause, verb.end()) is not None:
            return minors.group(0)
    return None


def parental_consent_waived(sentence: str) -> str | None:
    """The words by which `sentence` lets children act without a parent's assent, if it does."""
    if _CHILDREN_NAMED.search(sentence) is None:
        return None
    for match in PARENTAL_CONSENT_WAIVED.finditer(sentence):
        if match.group(0).lower().startswith("without") and _NOT_WITHOUT.search(
                sentence[max(0, match.start() - 80):match.start()]):
            continue     # "may not sign up without a parent's consent": the requirement, said again
        return match.group(0)
    return own_account_opened(sentence)


# consent28: the parent's assent as the parent acting for the child ("Pupils under 13 need a parent to open the
# account for them", "a guardian must set up the profile"): consent given or authorised by the holder of
# parental responsibility (GDPR Art. 8(1)); and its waiver, the child opening an account alone ("Pupils under 13
# can also open their own account", "kids can sign up by themselves").
_PARENT_ACTS = LazyPattern(
    rf"\b(?:need|needs|require|requires|must\s+have)\s+(?:a|an|their|your|the)\s+{_PARENT}\s+to\s+(?:open|create|"
    rf"set\s+up|make|register|sign\s+(?:them\s+)?up|approve)\b"
    rf"|\b{_PARENT}\s+(?:must|has\s+to|have\s+to|needs?\s+to|will\s+need\s+to)\s+(?:open|create|set\s+up|register|"
    rf"sign\s+(?:them\s+)?up)\b", re.IGNORECASE)
_OWN_ACCOUNT = LazyPattern(
    r"\b(?:can|may|are\s+able\s+to|are\s+allowed\s+to)\s+(?:also\s+|now\s+)?(?:open|create|set\s+up|make|register)\s+"
    r"(?:their|his\s+or\s+her|his|her)\s+own\s+(?:accounts?|profiles?)\b"
    r"|\b(?:can|may)\s+(?:also\s+|now\s+)?(?:sign\s+up|register)\s+(?:by|on)\s+(?:themselves|their\s+own)\b",
    re.IGNORECASE)
_OLDER_ONLY = LazyPattern(r"\b(?:over|older|and\s+up|at\s+least|aged?\s+1[3-8]\s*\+)\b|\b1[0-8]\s*\+", re.IGNORECASE)
_UNDER_AGE = LazyPattern(r"\b(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?1[0-7]\b"
                         r"|\b(?:child|children|kids?)\b", re.IGNORECASE)


def own_account_opened(sentence: str) -> str | None:
    """The words by which `sentence` lets children under an age (or children as such) open an account alone, or
    None (an age group at or over an age is no child let in alone: "Teens 16 and over can open their own
    account"; a parent named in the sentence keeps the assent)."""
    found = _OWN_ACCOUNT.search(sentence)
    if found is None or _UNDER_AGE.search(sentence) is None or _OLDER_ONLY.search(sentence) \
            or _A_PARENT.search(sentence) or _NOT_WITHOUT.search(sentence[:found.start()]):
        return None
    return found.group(0)


# A denial before "without" in its clause makes the parent's assent a condition, not a waiver.
_NOT_WITHOUT = LazyPattern(r"\b(?:not|never|cannot|can['’]t|won['’]t|mustn['’]t|no one|nobody|only)\b[^.;,]*$",
                           re.IGNORECASE)


def parental_consent_needed(sentence: str) -> bool:
    """`sentence` asks a parent's assent, and does not waive it."""
    return (PARENTAL_CONSENT_NEEDED.search(sentence) is not None or _PARENT_ACTS.search(sentence) is not None) \
        and PARENTAL_CONSENT_WAIVED.search(sentence) is None


def overrides_choice(sentence: str) -> bool:
    """The sentence says something is done despite the user's choice (`CHOICE_OVERRIDDEN`)."""
    return CHOICE_OVERRIDDEN.search(sentence) is not None


def choice_overridden(sentence: str, terms: Lexicon) -> list[Trigger]:
    """The practices needing consent that `sentence` affirms in the clause that says they are done
    despite the user's choice, each told by words outside that phrase: the name of the setting
    ("even when Precise Location is off") tells the choice, not the practice."""
    phrases = [(m.start(), m.end()) for m in CHOICE_OVERRIDDEN.finditer(sentence)]
    if not phrases:
        return []
    spans = affirmed_spans(sentence)
    lowered = sentence.lower()
    found: dict[str, Trigger] = {}
    for trigger in triggers(sentence, terms):
        words = trigger.words.lower()
        at = lowered.find(words)
        while at >= 0 and trigger.concept not in found:
            inside = any(a <= at < b for a, b in phrases)
            clause = next(((a, b) for a, b in spans if a <= at < b), None)
            if not inside and clause is not None and any(clause[0] <= a < clause[1] for a, _ in phrases):
                found[trigger.concept] = trigger
            at = lowered.find(words, at + 1)
    return list(found.values())


def clause_of(sentence: str, words: str) -> tuple[int, int] | None:
    """The affirmed clause of `sentence` in which `words` stand (None when they stand in none)."""
    at = sentence.lower().find(words.lower())
    if at < 0:
        return None
    return next(((a, b) for a, b in affirmed_spans(sentence) if a <= at < b), None)


def _family(concept: str) -> str:
    """Sensitive data of one kind under another name ("health data", "medical conditions") is the
    same category: compared on the first two parts of its key."""
    if not concept.startswith("sensitive:"):
        return concept
    if concept.endswith(".genetic") or concept.startswith("sensitive:user.demographic."):
        # Genetic data is a category of its own, and so is each belief or origin (Art. 9(1) lists
        # race, politics, religion and sexual orientation apart): one told does not tell another.
        return "family:" + concept.split(":", 1)[1]
    return "family:" + ".".join(concept.split(":", 1)[1].split(".")[:2])


# Storage on or access to the user's device, by any of its names (cookies and their kin).
# A storage noun that names a category of its own ("analytics cookies", "cookies that measure …"), not
# one a pronoun or a determiner points back to ("these cookies", "they"), nor the consent tool's name
# ("our cookie preferences", "the Cookie Settings link").
_NOT_THE_TOOL = (r"(?!\s+(?:settings?|preferences?|banners?|polic(?:y|ies)|notices?|tools?|choices?|consent|"
                 r"manager|centre|center|link|statement)\b)")
_OWN_STORAGE = LazyPattern(
    rf"\b(?!(?:these|those|such|the|our|all|they|them|of|its|their|your|any|some|many|certain|most|other|"
    rf"which|that|this|what)\b)[\w&-]+\s+(?:\([^)]*\)\s+)?"
    rf"{_STORAGE_NOUN}\b{_NOT_THE_TOOL}|^\W*{_STORAGE_NOUN}\b{_NOT_THE_TOOL}", re.IGNORECASE)
_ANY_STORAGE = LazyPattern(rf"\b{_STORAGE_NOUN}\b", re.IGNORECASE)
# Storage the law exempts from consent: strictly necessary for the service the user asked for
# (ePrivacy Art. 5(3), second sentence), as the Article 29 Working Party's Opinion 04/2012 lists it:
# the session, signing in, security the user asked for, load balancing, the consent choice itself.
_EXEMPT_STORAGE = LazyPattern(
    r"(?<!non-)(?<!non)\b(?:strictly necessary|essential|necessary|required|needed|indispensable)\b|"
    r"\b(?:authenticat\w*|log(?:ged)? in|sign(?:ed)? in|load[- ]balanc\w*|shopping (?:cart|basket)|"
    r"(?:remember|store|record)s? (?:your |the user['’]s )?(?:privacy|cookie|consent) "
    r"(?:choices?|preferences?|settings?))\b",
    re.IGNORECASE)
# The storage told as outside the user's choice: on whatever they choose, impossible to refuse, or no
# longer offered among the choices.
_NO_REFUSAL = LazyPattern(
    r"\b(?:are|is|remains?|stays?|will be|will remain)\s+(?:always|permanently)\s+(?:active|on|enabled|set|"
    r"switched on|turned on|in use)\b|"
    r"\b(?:cannot|can ?not|can['’]t|may not|could not|will not|won['’]t)\s+be\s+(?:(?:switched|turned)\s+off|"
    r"disabled|refused|declined|rejected|deactivated|deselected|blocked|opted out of|unticked)\b|"
    r"\byou\s+(?:cannot|can ?not|can['’]t|are not able to|will not be able to|won['’]t be able to|can no longer|"
    r"will no longer be able to|are no longer able to|may no longer|no longer have the option to)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:switch|turn)\w*\s+(?:\w+\s+){0,2}?off|disable|refuse|reject|decline|deselect|"
    r"opt out of|block)\b|"
    r"\b(?:do|does|will)\s+not\s+depend\s+on\s+(?:the\s+|any\s+|your\s+|what\s+)?(?:choices?|settings?|consent|"
    r"preferences?|selections?|you\s+(?:choose|select|decide))\b|"
    r"\bindependent(?:ly)?\s+of\s+(?:your|any|the|what)\s+(?:\w+\s+)?(?:choices?|settings?|consent|preferences?|"
    r"selections?|you\s+(?:choose|select|decide))\b|"
    r"\b(?:whatever|no matter what|whichever option)\s+you\s+(?:choose|select|decide|set|pick|accept|refuse)\b|"
    r"\bno longer\s+(?:\w+\s+){0,2}?(?:offered|shown|listed|available|included|optional|an option|a choice)\b"
    r"[^.;]{0,40}?\b(?:in|on|through|among)\s+(?:the\s+|our\s+)?(?:cookie|consent|privacy)\s+(?:settings|preferences|"
    r"banner|tool|centre|center|manager|choices|options)\b|"
    r"\b(?:cookie|consent|privacy)\s+(?:settings|preferences|banner|tool|manager)\s+(?:no longer|do not|does not|"
    r"will not)\s+(?:offer|list|show|include|let you (?:switch|turn|refuse|decline|reject))\w*\b|"
    # Consent told as not asked ("where the law does not require consent", "we do not need your consent"):
    # a choice never offered is none.
    r"\b(?!you\b)\w+\s+(?:does|do|will)\s+not\s+(?:require|need)\s+"
    r"(?:(?:your|the user['’]s)\s+|us\s+to\s+(?:obtain|collect|ask for|get|seek)\s+(?:your\s+)?)?consent\b|"
    r"\b(?:no\s+consent\s+is|consent\s+is\s+not)\s+(?:required|needed|necessary)\b|"
    r"\bwithout\s+(?:needing|requiring|asking for|seeking)\s+(?:your\s+)?consent\b",
    re.IGNORECASE)


def no_refusal(sentence: str) -> str | None:
    """The words by which `sentence` tells something as outside the user's choice ("always active", "cannot
    be switched off", "does not depend on your choices", "even if you decline"), or None."""
    match = _NO_REFUSAL.search(sentence) or CHOICE_OVERRIDDEN.search(sentence)
    return match.group(0) if match is not None else None


def names_own_storage(sentence: str) -> bool:
    """`sentence` names its own kind of storage on the device ("analytics cookies"), not only one a
    pronoun points back to ("These cookies", "They")."""
    return _OWN_STORAGE.search(sentence) is not None or (
        _ANY_STORAGE.search(sentence) is not None and _EXEMPT_STORAGE.search(sentence) is not None)


def names_storage(text: str) -> bool:
    """`text` names storage on or access to the device at all."""
    return _ANY_STORAGE.search(text) is not None


def refusal_taken(sentence: str, referent: str) -> Trigger | None:
    """Storage on the device that is not strictly necessary (`referent`, the text naming the kind the
    sentence speaks of: the sentence itself, or what its pronoun points back to), told by `sentence`
    as outside the user's choice: storing or reading it needs the user's consent (ePrivacy Art. 5(3),
    GDPR Art. 4(11), 7(3)), and a category the user can no longer refuse has none. Strictly necessary
    storage said to be always on is the exemption itself (Art. 5(3), second sentence)."""
    words = no_refusal(sentence)
    if words is None or not names_storage(referent) or exempt_storage(referent):
        return None
    if re.search(r"\b(?:advertis\w*|ads|marketing|target\w*|retarget\w*|audiences?)\b", referent, re.IGNORECASE):
        return Trigger(ChangeKind.STARTS_SHARING_FOR_ADVERTISING, Item.SALE, "device-storage", words)
    return Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "device-storage", words)


def same_storage(a: str, b: str) -> bool:
    """Two referents name the same kind of storage: they share a word of what it is for or who sets
    it, or name none."""
    def kinds(text: str) -> frozenset[str]:
        return frozenset(w[:6] for w in re.findall(
            r"\b(?:analytic\w*|advertis\w*|ads|marketing|measur\w*|statistic\w*|performance|personali[sz]\w*|"
            r"target\w*|tracking|social|functional\w*|functionality|preferences?|third[- ]party|audiences?)\b",
            text.lower()))
    ka, kb = kinds(a), kinds(b)
    return bool(ka & kb) or not (ka or kb)


def exempt_storage(text: str) -> bool:
    """`text` names storage the law exempts from consent (strictly necessary, `_EXEMPT_STORAGE`), in words
    other than those telling consent as not needed ("no consent is required" exempts nothing)."""
    return _EXEMPT_STORAGE.search(no_refusal_out(text)) is not None


def no_refusal_out(text: str) -> str:
    """`text` without the words that tell something as outside the user's choice."""
    return CHOICE_OVERRIDDEN.sub(" ", _NO_REFUSAL.sub(" ", text))


# Consent asked before a practice, in a policy's own words: a promise to ask ("we will ask your
# permission", "obtain your consent", "ask you to opt in"), the practice done with it ("with your
# consent") or kept from happening without it ("not … without your permission").
_ASSENT_WORDS = r"(?:consent|permission|authori[sz]ation|agreement|opt[- ]in(?: consent)?)"
# consent25: the qualifiers of consent may be stacked with commas ("your explicit, opt-in consent", "your prior,
# express consent", "your informed, specific consent": GDPR Art. 4(11)'s own adjectives are listed so).
_ASSENT_STRENGTH = (r"(?:(?:prior|express|explicit|affirmative|separate|opt-in|informed|specific|written|"
                    r"freely[- ]given|unambiguous)(?:\s*,\s*(?:and\s+)?|\s+(?:and\s+)?))*")
_CONSENT_ASKED = LazyPattern(
    rf"\b(?:obtain|ask(?:\s+you)?(?:\s+for)?|seek|request|get|secure)\s+(?:your\s+)?{_ASSENT_STRENGTH}{_ASSENT_WORDS}\b|"
    r"\bask\s+(?:you\s+)?to\s+(?:opt[- ]in|consent|agree|give\s+(?:us\s+)?(?:your\s+)?(?:consent|permission))\b|"
    r"\b(?:be|are|is)\s+asked\s+(?:for\s+(?:your\s+)?(?:consent|permission)|to\s+(?:consent|agree|opt[- ]in|"
    r"give\s+(?:us\s+)?(?:your\s+)?(?:consent|permission)))\b|"
    rf"\bwithout\s+(?:first\s+)?(?:obtaining\s+|asking\s+for\s+|getting\s+|seeking\s+)?(?:your\s+)?{_ASSENT_STRENGTH}"
    rf"{_ASSENT_WORDS}\b|"
    rf"\b(?:with|upon|subject\s+to)\s+your\s+{_ASSENT_STRENGTH}(?:consent|permission)\b|"
    # (consmatrix42: "… will not join unless you agree", the yes as the only way the practice happens)
    r"\b(?:if|once|after|when|where|unless)\s+you\s+(?:have\s+)?(?:consent(?:s|ed)?|opt(?:s|ed)?[- ]in|agree[ds]?|"
    r"allow(?:s|ed)?\s+(?:us|it)|permit(?:s|ted)?\s+(?:us|it)|"
    r"(?:given|granted)\s+(?:us\s+)?(?:your\s+)?(?:consent|permission))\b|"
    r"\byou\s+(?:must|need\s+to|will\s+need\s+to|have\s+to|would\s+need\s+to)\s+(?:first\s+)?(?:opt[- ]in|"
    r"consent|agree|(?:give|grant)\s+(?:us\s+)?(?:your\s+)?(?:consent|permission))\b", re.IGNORECASE)
# The reader told of a practice: a notice given, before it or as it happens.
_NOTICE_GIVEN = LazyPattern(
    r"\b(?:notif(?:y|ies|ied|ying)|inform(?:s|ing)?|tell(?:s|ing)?|told|let(?:s|ting)?\s+you\s+know|"
    # (consent25: "informed" qualifying a consent or a choice, "your informed, specific consent", is no notice)
    r"informed(?!(?:\s*,?\s+(?:and\s+)?[\w-]+){0,2}?\s*,?\s+(?:consent|permission|choices?|decisions?|agreement)\b)|"
    r"alert(?:s|ed|ing)?\s+you|make\s+you\s+aware|(?:give|giv(?:es|ing)|provide|provid(?:es|ing)|send|sending|"
    r"post|posting|display|displaying|show|showing)\s+(?:you\s+)?(?:with\s+)?(?:a\s+|an\s+)?(?:\w+\s+)?"
    r"(?:notice|notification)|(?:prior|advance)\s+notice|"
    r"(?:see|receive|get)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:notice|notification))\b", re.IGNORECASE)
# The practice told as happening of itself, with nothing asked: automatically, by default, without
# asking, pre-selected.
_UNASKED = LazyPattern(r"\bautomatic(?:ally)?\b|\bwithout\s+(?:first\s+)?asking(?:\s+you)?\b|\bby\s+default\b|"
                       r"\bpre-?(?:selected|ticked|checked|enabled)\b", re.IGNORECASE)
# Any word by which a sentence still waits on the user's yes.
_STILL_ASKED = LazyPattern(r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]in|permission|agree\w*|authori[sz]\w*)\b",
                           re.IGNORECASE)


def consent_made_notice(old: str, new: str) -> str | None:
    """The words by which `new` puts a notice where `old` asked consent for the same practice ("We'll ask
    your permission before we collect …" -> "We'll let you know when we collect …", "not … without your
    permission" -> "… without first notifying you"), or tells it done of itself ("automatically", "by
    default", "without asking"), or None. Being told is no consent: consent is a
    clear affirmative act (GDPR Art. 4(11), 7(1)), and information followed by the user's silence is
    none (CJEU C-673/17 Planet49, para. 52-62); the practice moves off the consent it rested on, which
    a controller cannot swap for another basis for the same processing (EDPB Guidelines 05/2020, para.
    121-123). A notice the old sentence already gave beside the consent is no notice put in its place,
    and a new sentence that still names the user's yes keeps it."""
    told = list(_NOTICE_GIVEN.finditer(new))
    if len(told) <= len(_NOTICE_GIVEN.findall(old)):
        # (or the practice told as done of itself: "automatically", "by default", "without asking")
        told = list(_UNASKED.finditer(new)) if len(_UNASKED.findall(new)) > len(_UNASKED.findall(old)) else []
    if _CONSENT_ASKED.search(old) is None or not told \
            or len(_CONSENT_ASKED.findall(new)) >= len(_CONSENT_ASKED.findall(old)):
        return None
    # (Read in the sentence that gives the notice: a table cell may go on to other sentences.)
    said = _sentence_at(new, told[0].start())
    return told[0].group(0) if _STILL_ASKED.search(said) is None else None


def asks_consent(sentence: str) -> bool:
    """The sentence asks the user's consent for a practice (`_CONSENT_ASKED`)."""
    return _CONSENT_ASKED.search(sentence) is not None


# A transfer of data the user may choose to make ("You can also choose to import your contacts", "you
# may choose to send us information about your contacts in …"): it waits on the user's act, which is
# their consent (GDPR Art. 4(11)).
_CHOSEN_TRANSFER = LazyPattern(r"\byou\s+(?:may|can|could)\s+(?:also\s+)?(?:(?:choose|elect|decide|opt)\s+to|"
                               r"(?:choose|decide)\s+whether\s+(?:or\s+not\s+)?to)\s+"
                               r"(?:share|disclose|send|import|upload|sync|synchroni[sz]e|connect|link|transfer|"
                               r"(?:give|grant)\s+us\s+access|allow\s+us\s+to\s+(?:access|import|collect|read))\b",
                               re.IGNORECASE)
# The company doing it itself: "we (also) import …", "we receive …", "we share … unless you choose not to".
_COMPANY_TAKES = LazyPattern(r"\bwe\s+(?:(?:also|may|will|can|then|automatically|now|routinely)\s+)*"
                             r"(?:share|disclose|send|import|upload|sync|synchroni[sz]e|connect|link|transfer|"
                             r"receive|obtain|collect|access|retrieve|pull|copy)(?:s|es|ed|d)?\b", re.IGNORECASE)
# A choice still the user's to make first (an opt-in in any words), not one to undo ("unless you choose
# not to", "if you do not want …", which are opt-outs).
_CHOICE_KEPT = LazyPattern(r"\b(?:if|when|where|once|after|only\s+if|whenever)\s+you\s+"
                           r"(?:(?!not\b|do\b|don)\w+\s+){0,2}?"
                           r"(?:choose|chose|decide|elect|opt\s+in|ask|request|instruct|direct|want|wish|select|"
                           r"allow|authori[sz]e|turn\s+on|enable|connect|link|import|upload|send|share)\b(?!\s+not\b)|"
                           r"\byou\s+(?:may|can|could)\s+(?:also\s+)?(?:choose|elect|decide|opt)\s+to\b|"
                           r"\b(?:at|upon|on)\s+your\s+(?:request|direction|instruction)\b", re.IGNORECASE)


def choice_taken(old: str, new: str) -> str | None:
    """The words by which `new` tells the company making a transfer of data that `old` left to the
    user's choice ("You can also choose to import your contacts to your account" -> "We also import
    your contacts …"; "You may choose to share your User Data for this purpose" -> "We share your User
    Data for this purpose unless you choose not to"), with no choice of the user's to make first, or
    None. The user's act was their consent (GDPR Art. 4(11)); without it the data move on none, and a
    way to undo it is no consent either (Art. 7; CJEU C-673/17 Planet49)."""
    taken = _COMPANY_TAKES.search(new)
    if _CHOSEN_TRANSFER.search(old) is None or taken is None:
        return None
    # (Read in the sentence that tells the transfer: "You can withdraw your consent at any time" after it
    # in the same table cell offers a way out, not a yes asked first.)
    said = _sentence_at(new, taken.start())
    return taken.group(0) if _CHOICE_KEPT.search(said) is None and _STILL_ASKED.search(said) is None else None


def choice_kept(sentence: str) -> bool:
    """The sentence leaves a practice to a choice the user makes first (`_CHOICE_KEPT`)."""
    return _CHOICE_KEPT.search(sentence) is not None


# consent24: a practice the user had to choose, now done unless the user undoes it. The choice offered,
# in any voice: "you can (also) choose for / to / whether …", "users may opt to …", "if you choose to …",
# "only if you turn it on", "at your option" (not a choice to refuse: "you can choose to hide …").
_REFUSING = (r"(?:not\b|n['’]t\b|no\s+longer\b|hide|turn\w*\s+(?:[\w-]+\s+){0,3}?off\b|switch\w*\s+(?:[\w-]+\s+){0,3}?"
             r"off\b|disabl\w*|opt\w*[- ]?out|stop\w*|limit\w*|restrict\w*|remov\w*|delet\w*|object\w*|"
             r"unsubscrib\w*|deactivat\w*|withdraw\w*|exclud\w*|block\w*|declin\w*|refus\w*|leave\s+out|"
             r"make\s+(?:it|them|this|these|that)\s+private|keep\s+(?:it|them|this|these|that)\s+private)")
_CHOICE_OFFERED = LazyPattern(
    r"\b(?:you|users?|members?|customers?|listeners?|subscribers?|account holders?)\s+(?:can|may|could|are able to|"
    r"have the (?:option|choice) to)\s+(?:also\s+|then\s+|later\s+|now\s+)?(?:choose|elect|decide|opt|select|pick)"
    r"(?:\s+(?:for|to|whether|if|in))?\b(?!\s+(?:to\s+)?" + _REFUSING + r")"
    r"|\b(?:if|when|where|once|only\s+if|only\s+when|only\s+after)\s+(?:you|users?|members?)\s+(?:have\s+|'ve\s+|’ve\s+)?"
    r"(?:choose|chose|chosen|choses|decide|decided|elect|elected|opt\s+in|opted\s+in|select|selected|turn\s+(?:[\w-]+\s+)?on|"
    r"turned\s+(?:[\w-]+\s+)?on|switch\s+(?:[\w-]+\s+)?on|enable|enabled|tick|ticked|check(?!\s+(?:out|in)\b)|checked)\b"
    r"(?!\s+(?:to\s+)?" + _REFUSING + r")"
    r"|\b(?:at|upon)\s+your\s+(?:option|choice|election|request)\b|\bopt[- ]in\b(?![- ]?out)",
    re.IGNORECASE)
# The practice now told as going on until the user undoes it: "…, unless you choose to hide it", "unless
# you tell us not to", "you can turn this off in Settings", "users may opt out at any time".
_UNDONE = LazyPattern(
    r"\b(?:unless|until)\s+(?:and\s+until\s+)?(?:you|the user|users?|members?)\s+(?:\w+\s+){0,3}?(?:to\s+)?"
    r"(?:" + _REFUSING + r"|chang\w*\s+(?:this|that|it|(?:your|the|their)\s+(?:[\w-]+\s+)?(?:settings?|preferences?))"
    r"|un-?(?:tick|check)\w*|clear\w*\s+(?:the|that|this)\s+(?:check\s*)?box)"
    r"|\b(?:unless|until)\s+(?:you|users?|members?)\s+(?:choose|decide|say|tell\s+us|indicate)\s+otherwise\b"
    r"|\b(?:you|users?|members?|customers?|listeners?)\s+(?:can|may|are able to|have the option to)\s+"
    r"(?:always\s+|also\s+|later\s+|then\s+|still\s+|at any time\s+)?(?:(?:choose|decide|elect|ask\s+us|tell\s+us)\s+"
    r"(?:to\s+)?)?" + _REFUSING +
    r"|\bif\s+you\s+(?:do\s+not|don['’]t|no\s+longer)\s+(?:want|wish)\b",
    re.IGNORECASE)
_NOT_DONE = LazyPattern(negation_marks("not", "never", "no longer", "n't"), re.IGNORECASE)


def choice_made_opt_out(old: str, new: str) -> str | None:
    """The words by which `new` tells a practice as going on until the user undoes it, where `old` left it
    to a choice the user made first ("You can also choose for your profile to include the content you
    upvote" -> "Your profile also includes the content you upvote, unless you choose to hide it"; "Users
    may opt to share their playlists with partners" -> "Playlists are shared with partners; you can turn
    this off"), or None. A choice made first is the user's consent; a default the user must undo is none
    (GDPR Art. 4(11), 7(1), Recital 32; CJEU C-673/17 Planet49), and a practice cannot be moved off the
    consent it rested on (EDPB Guidelines 05/2020, para. 121-123); a disclosure to the public the user
    did not choose also breaks Art. 25(2). Read in one sentence each: the new sentence must not still
    offer the choice first, nor name consent, and its undoing must follow a practice it affirms (the
    clause before the undoing denies nothing: "… is not shown unless you choose to show it" keeps it)."""
    if _CHOICE_OFFERED.search(old) is None or _UNDONE.search(old) is not None:
        return None
    undone = _UNDONE.search(new)
    if undone is None or _CHOICE_OFFERED.search(new) is not None or _STILL_ASKED.search(new) is not None:
        return None
    before = new[:undone.start()]
    clause = re.split(r"[;:]|\.\s", before)[-1]
    if not clause.strip():
        clause = before
    if _NOT_DONE.search(clause) is not None:
        return None
    return undone.group(0)


# consent25: the user's refusal, as the condition of a practice held back ("if you have hidden it in your
# settings", "where you have turned off location sharing", "once you opt out", "if you've asked us not to").
_REFUSED = (r"(?:hidden|hid|hide|turn(?:ed)?\s+(?:[\w-]+\s+){0,3}?off|switch(?:ed)?\s+(?:[\w-]+\s+){0,3}?off|"
            r"opt(?:ed)?[- ]?out|object(?:ed)?|disabl(?:e|ed)|declin(?:e|ed)|refus(?:e|ed)|unsubscrib(?:e|ed)|"
            r"withdrawn|withdr[ae]w|(?:asked|told|ask|tell)\s+us\s+not\s+to|made\s+(?:it|them|this)\s+private|"
            r"set\s+(?:[\w-]+\s+){0,3}?to\s+(?:private|off|hidden))")
_HELD_BACK_IF_REFUSED = LazyPattern(
    r"\b(?:if|where|when|whenever|once|after|as\s+long\s+as)\s+(?:you|users?|members?|customers?)"
    r"(?:\s+have|\s+has|'ve|’ve|\s+had)?\s+(?:already\s+|previously\s+)?" + _REFUSED + r"\b", re.IGNORECASE)


def consent_made_refusal(old: str, new: str) -> str | None:
    """The words by which `new` holds a practice back only where the user has refused it, where `old`
    held it back until the user consented ("We do not provide contact information to customers … without
    your consent" -> "… if you have hidden it in your settings"; "We will not share your location with
    partners without your permission" -> "… where you have turned off location sharing"), or None. The
    denial now waits on the user's no, not their yes: the practice goes on by default, and a default the
    user must undo is no consent (GDPR Art. 4(11), 7(1); CJEU C-673/17 Planet49); a practice cannot be
    moved off the consent it rested on (EDPB Guidelines 05/2020, para. 121-123). Read in one sentence each:
    the new sentence must deny the practice before its condition and name no consent."""
    if _CONSENT_ASKED.search(old) is None or _STILL_ASKED.search(new) is not None:
        return None
    held = _HELD_BACK_IF_REFUSED.search(new)
    if held is None or _HELD_BACK_IF_REFUSED.search(old) is not None:
        return None
    if _NOT_DONE.search(new[:held.start()]) is None:
        return None
    return held.group(0)


# consent25: a denial and its exceptions ("We do not share your personal data with any third-party advertisers
# or ad networks except for: (i) …; (ii) … or (iii) …"): the exceptions are what the practice does reach.
_DENIAL_WORD = LazyPattern(negated_verb_group(), re.IGNORECASE)
_EXCEPTED_FROM = LazyPattern(r"\b(?:except(?:\s+(?:for|as|in|where|when|that))?|other\s+than|apart\s+from|save\s+for|"
                             r"with\s+the\s+exceptions?\s+of)\b\s*:?", re.IGNORECASE)
_EXCEPTION_ITEM = LazyPattern(r"\s*(?:;|\((?:[ivx]{1,4}|[a-h]|\d{1,2})\))\s*(?:(?:or|and)\s+)?", re.IGNORECASE)
# Exceptions that take nothing of the reader's to the party named (data made anonymous, a legal duty, the company's
# own processors) or still wait on the reader's yes.
_HARMLESS_EXCEPTION = LazyPattern(r"\b(?:aggregat\w*|de-?identif\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|law\w*|legal\w*|"
                                  r"court|subpoena|authorit\w*|service\s+providers?|processors?|vendors?|on\s+our\s+behalf|"
                                  r"consent\w*|permission|opt(?:s|ed)?[- ]in|agree\w*|authori[sz]\w*|request|"
                                  r"instruct\w*|direct(?:s|ed|ion)?)\b", re.IGNORECASE)


def _exceptions_of(text: str) -> tuple[str, list[str]] | None:
    """The practice a sentence denies, told affirmatively ("We share your personal data with any third-party
    advertisers"), and the exceptions its denial makes, one a list item; or None for a sentence that denies
    nothing before an exception."""
    excepted = _EXCEPTED_FROM.search(text)
    if excepted is None:
        return None
    lead = text[:excepted.start()]
    denied = _DENIAL_WORD.search(lead)
    if denied is None:
        return None
    kept = denied.group(0).split()[0] if denied.group(0).split()[0].lower() in {"will", "shall", "would", "may",
                                                                                  "can"} else ""
    affirmed = lead[:denied.start()] + (kept + " " if kept else "") + lead[denied.end():]
    items = [i.strip(" ,.;:") for i in _EXCEPTION_ITEM.split(text[excepted.end():])]
    return affirmed.strip(" ,:"), [i for i in items if i]


def exception_added(old: str, new: str) -> tuple[str, str] | None:
    """A denied practice whose exceptions gained one ("We do not share your personal data with any
    third-party advertisers except for: (i) hashed IDs …; (ii) with your separate permission or (iii) data already
    visible …" -> "…; or (iv) data from your use of our Services"): the practice, told affirmatively, and the
    new exception; or None. The same denial must lead both sentences, and the new exception must take something
    of the reader's (not data made anonymous, a legal duty, the company's processors) and ask no consent of its
    own. What the denial's exceptions let through, the practice does: a new exception is that practice newly
    affirmed of that data."""
    before, after = _exceptions_of(old), _exceptions_of(new)
    if before is None or after is None or _overlap_words(before[0], after[0]) < 0.8:
        return None
    told = " ".join(before[1]).lower()
    added = [i for i in after[1] if i.lower() not in told and not any(i.lower() in o.lower() or o.lower() in i.lower()
                                                                       for o in before[1] if len(o) > 10)]
    if len(added) != 1 or len(after[1]) <= len(before[1]) or _HARMLESS_EXCEPTION.search(added[0]):
        return None
    return after[0], added[0]


def _overlap_words(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"[a-z]+", a.lower())), set(re.findall(r"[a-z]+", b.lower()))
    return len(wa & wb) / max(len(wa | wb), 1)


def framed(sentence: str, terms: Lexicon) -> list[Trigger]:
    """The consent readings told as predicates on the practice frame of each clause (`changes/frame.py`),
    whatever the order of its words: a device's position kept by the company, the place named anywhere
    (`sensitive:user.location.kept`); data of another source joined with the company's for advertising,
    the source before or after the verb (`data-combination`); an end of the recipients' own among the
    ends of a disclosure, each end with its own "on our behalf" (`others-own-purposes`); a child's data
    put to an end that markets to them (`child-marketing`, consent22)."""
    found: list[Trigger] = []
    for frame in read_frames(sentence, terms):
        kept = location_kept(frame)
        if kept is not None and not names_only(sentence, sentence.find(kept)):
            found.append(Trigger(ChangeKind.NEW_SENSITIVE_DATA, Item.SENSITIVE, "sensitive:user.location.kept", kept))
        joined = data_combined(frame)
        if joined is not None:
            found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.AUTOMATED_DECISIONS, "data-combination",
                                 joined))
        own = others_own_end(frame)
        if own is not None and not (_GROUP.search(frame.text) and _OWN_MARKETING.search(frame.text)
                                    and not _OWN_PURPOSES.search(frame.text)):
            found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.RECIPIENTS, "others-own-purposes", own))
        marketed = child_marketed(frame) or child_targeted(frame)
        if marketed is not None:
            found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "child-marketing", marketed))
    bundled = consent_bundled(sentence)
    if bundled is not None:
        # A consent made the price of the service: not freely given (GDPR Art. 7(4); consent26).
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.LEGAL_BASIS, "consent-bundled", bundled))
    background = sensed_in_background(sentence)
    if background is not None:
        # A sensor of the device kept on when the user is not using the service (consent26).
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "device-access:background", background))
    content = content_marketed(sentence, terms)
    if content is not None:
        # The content of the user's files or messages put to marketing (recall25).
        found.append(Trigger(ChangeKind.NEW_INCOMPATIBLE_USE, Item.PURPOSES, "content-marketing", content))
    return found


# fold26: the verbs of the reader's own choice, one set of synonyms. "If you choose to share …", "if you decide to
# share …", "if you elect / opt / want / wish / prefer to share …" all make the practice wait on the reader's act;
# a condition told with one of them is the same condition told with another. Each verb's forms, in the order of
# "choose"'s: the base, the third person, the past, the participle, the gerund.
_CHOOSE_FORMS = ("choose", "chooses", "chose", "chosen", "choosing")
CHOICE_VERBS: dict[str, tuple[str, ...]] = {
    "choose": _CHOOSE_FORMS,
    "decide": ("decide", "decides", "decided", "decided", "deciding"),
    "elect": ("elect", "elects", "elected", "elected", "electing"),
    # ("opt in" and "opt out" are other acts: only "opt to")
    "opt": ("opt", "opts", "opted", "opted", "opting"),
    "want": ("want", "wants", "wanted", "wanted", "wanting"),
    "wish": ("wish", "wishes", "wished", "wished", "wishing"),
    "prefer": ("prefer", "prefers", "preferred", "preferred", "preferring"),
}
_CHOICE_FORM = {form: n for forms in CHOICE_VERBS.values() for n, form in enumerate(forms)}
_CHOICE_VERB = LazyPattern(r"\b(" + "|".join(sorted(_CHOICE_FORM, key=len, reverse=True))
                           + r")\b(?=\s+(?:not\s+)?to\b)", re.IGNORECASE)


def as_chosen(sentence: str) -> str:
    """`sentence` with each verb of the reader's choice before its "to" told as "choose" ("if you decided to
    share" -> "if you chosen to share"; "if you decide not to" -> "if you choose not to"), so that readings keyed
    to "choose" read its synonyms alike. A swap within the set is then no change; nothing else is read anew."""
    return _CHOICE_VERB.sub(lambda m: _CHOOSE_FORMS[_CHOICE_FORM[m.group(1).lower()]], sentence)


def choice_verb_swapped(old: str, new: str) -> bool:
    """`old` makes a practice wait on the reader's consent, and `new` does too once its verbs of the reader's
    choice are told as "choose": the consent condition reworded with a synonym ("if you choose to share" -> "if
    you decide to share"), not removed. A condition turned into a refusal ("unless you choose not to") or
    dropped is still read as it was."""
    return consent_limited(old) and not consent_limited(new) and consent_limited(as_chosen(new))
