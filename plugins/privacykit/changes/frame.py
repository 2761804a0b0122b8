"""The practice a clause tells, read once into slots (frame22).

The consent readings of `changes/consent.py` were written as word orders: the place had to follow the
verb ("keep … on its servers"), the other source had to follow "combine", an advertiser's own end had to
be "their own offers" right after "send you", and "on our behalf" anywhere after the verb vetoed every
end. Other policies say the same practice in another order, and those readings did not reach them
(docs/design-notes.md, "Why the consent rules do not transfer (diag21)").

Here a clause is read once into a `Frame` whose slots are filled wherever their words stand in it:

* act: collect, keep, upload, share, sell, combine, read, use (the verbs found, affirmed or denied);
* data: the lexicon's terms in the clause (`terms.Lexicon`), and a device's or a photo's position;
* source: the user, the device, another company or service, public sources;
* ends: one per coordinated purpose ("to X and to Y" are two), each with its own "on our behalf";
* place: on the device, or with the company (its servers, sent to it, or kept by it);
* condition: the user's act or choice, consent, on by default, on until refused (opt-out), only told
  (notice), despite a refusal, or none;
* guards: de-identified, disregarded, processed locally, aggregated;
* classes and subjects: the legal classes of the data (`changes/classes.py`), and whether the data are a
  child's (consent22).

The consent readings are then predicates on a frame (`triggers`: what one clause does) or on the old
and the new frame of the same practice (`moved`: what changed between them). A clause is a piece of a
sentence as `items` cuts it (`items.clause_parts`), with a second predicate of the same subject (", and
combine …") kept in its clause; what it affirms is `items.affirmed_spans`'s reading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .classes import Classed, LegalClass, classed
from .items import _clause_parts as clause_parts
from .items import affirmed_spans
from .negation import negation_marks
from .terms import Item, Lexicon, stem, tokens
from .text import LazyPattern

# -- slots ------------------------------------------------------------------------------------------

# Each act's verbs, in their inflections (the noun "providers" hands nothing over).
_ACTS = {
    "collect": r"collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|"
               r"receiv(?:e|es|ed|ing)|record(?:s|ed|ing)?|captur(?:e|es|ed|ing)",
    "keep": r"keep(?:s|ing)?|kept|stor(?:e|es|ed|ing)|retain(?:s|ed|ing)?|sav(?:e|es|ed|ing)|hold(?:s|ing)?|held|"
            r"back(?:s|ed)? up|log(?:s|ged|ging)?",
    "upload": r"upload(?:s|ed|ing)?|transmit(?:s|ted|ting)?|sync(?:s|ed|ing)?|synchroni[sz](?:e|es|ed|ing)|"
              r"cop(?:y|ies|ied|ying)",
    "share": r"shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|transfer(?:s|red|ring)?|"
             r"give|gives|given|gave|pass(?:es|ed|ing)?|hand(?:s|ed|ing)?|licen[cs](?:e|es|ed|ing)|"
             # (consent31: data forwarded to a partner, "we forward your contact data to the sales partner")
             r"forward(?:s|ed|ing)?|"
             r"make available|makes available|made available|"
             r"(?:work|works|worked|working|partner|partners|partnered|collaborat(?:e|es|ed|ing))\s+with",
    "sell": r"sell(?:s|ing)?|sold|rent(?:s|ed|ing)?",
    "combine": r"combin(?:e|es|ed|ing)|match(?:es|ed|ing)?|merg(?:e|es|ed|ing)|append(?:s|ed|ing)?|"
               r"enrich(?:es|ed|ing)?|supplement(?:s|ed|ing)?|join(?:s|ed)?|cross[- ]referenc(?:e|es|ed|ing)|"
               r"link(?:s|ed|ing)?|associat(?:e|es|ed|ing) (?:it |them )?with|bring together|brought together",
    "read": r"read(?:s|ing)?|access(?:es|ed|ing)?|scan(?:s|ned|ning)?|detect(?:s|ed|ing)?",
    "use": r"us(?:e|es|ed|ing)|process(?:es|ed|ing)?|analy[sz](?:e|es|ed|ing)",
}
_ACT = LazyPattern(r"\b(?:" + "|".join(f"(?P<{name}>{verbs})" for name, verbs in _ACTS.items()) + r")\b",
                   re.IGNORECASE)
# Sent to someone: "sent to Lenovo", "sends it to us" (the verb alone is ambiguous: "send you offers").
_SENT_TO = LazyPattern(r"\b(?:send|sends|sent|sending)\s+(?:(?:it|them|this|these|that)\s+)?(?:also\s+)?to\s+"
                       r"(?:us|our|the company|[A-Z]\w+)", re.IGNORECASE)

# A profile of the person built (fold23, consent21b's reading moved onto the frame): "build an advertising
# profile of you", "create profiles about users", "advertising profiles … we build or share". Profiling
# across what is known of a person (GDPR Art. 4(4); CPRA 1798.140(z)) is read as the act "profile".
_PROFILE_BUILT = LazyPattern(
    r"\b(?:build|builds|built|building|create|creates|created|creating|compile\w*|develop|develops|developed|"
    r"maintain\w*|construct\w*)\s+(?:a |an )?(?:detailed |comprehensive |individual |personal )?(?:advertising |"
    r"marketing |interest |user |behaviou?ral |consumer |customer |lifestyle |demographic |spending |psychographic )?"
    r"profiles? (?:of|about|on|for) (?:you|users|individuals|each (?:user|customer|member|driver|subscriber)|"
    r"customers|members|your interests)\b"
    r"|\b(?:advertising|marketing|interest|behaviou?ral|consumer) profiles?\b(?=[^.;]*\b(?:build|create|compile|use|"
    r"share|sell|develop)\w*\b)", re.IGNORECASE)

# A device's or a photo's position, by nature read from the device (its GPS): the lexicon's location
# terms, or a position said of the device or a photo.
_DEVICE_POSITION = LazyPattern(
    r"\bgeo-?tag(?:s|ged)?\b|\bgeo-?tagging\b|\bgps\b"
    r"|\b(?:position|location|coordinates)\s+(?:of|from|reported by)\s+(?:your|the|their)\s+(?:own\s+)?"
    r"(?:phones?|devices?|photos?|pictures?|images?|videos?|handsets?|tablets?)\b"
    r"|\b(?:phone|device|photo|picture|image)['’]?s?\s+(?:position|location|coordinates)\b", re.IGNORECASE)
# A position named by a word that points back ("this location information"): the device's where the
# old text said so (`position_moved`).
# The same of the reader's own position ("your location"), as the verb's object.
_POINTED_POSITION = LazyPattern(r"\b(?:this|that|such|the same|your(?: current| exact)?)\s+(?:geo-?)?location"
                                r"(?:\s+(?:data|information))?\b", re.IGNORECASE)
# How far before a verb its negator or its subject is looked for: bounded, so that a hostile clause of a
# thousand verbs is read in linear time.
_NEAR = 200
_NEGATOR = LazyPattern(negation_marks("not", "never", "no longer", "neither", "nor", "cannot", "n't"), re.IGNORECASE)
# A position the clause calls coarse, or one the user types in: not the device's.
_COARSE = LazyPattern(r"\b(?:approximate|general|coarse|non-precise|city|country|region|ip address|postal code|"
                      r"zip code|you (?:select|choose|enter|type|give))\b", re.IGNORECASE)

# Where data come from.
_OTHERS = (r"(?:third[- ]part(?:y|ies)(?: \w+)?|other (?:sources|companies|services|apps)|external sources|"
           r"outside sources|data brokers?|(?:our |its |their )?(?:advertising |marketing |business |data )?partners|"
           r"advertisers|data (?:providers|suppliers|vendors)|consumer research firms|(?:our )?affiliates)")
_SOURCES = {
    "others": LazyPattern(
        rf"\b(?:from|by|through|via|licensed from|bought from|purchased from)\s+(?:the\s+)?{_OTHERS}\b"
        rf"|\b{_OTHERS}\s+(?:(?:may|will|can)\s+)?(?:give|gives|provide|provides|supply|supplies|share|shares|"
        rf"send|sends|tell|tells)\s+(?:us|to us)\b"
        rf"|\b(?:data|information)\s+(?:that\s+|which\s+)?{_OTHERS}\s+(?:give|provide|supply|share|send)\b"
        rf"|\b(?:that|which)\s+we\s+(?:receive|obtain|acquire|buy|purchase|license|get)\s+from\s+(?:the\s+)?{_OTHERS}\b"
        # (data of another source named as such, or what others already hold: "with third-party data", "with
        # other information they already have about you": fold23, from consent21b's pattern)
        r"|\b(?:third[- ]party|external|outside|offline)\s+(?:data|databases|records|information)\b"
        r"|\bother\s+(?:information|data)\s+(?:that\s+)?(?:they|it|these \w+)\s+(?:already\s+)?(?:have|hold|collect)\b",
        re.IGNORECASE),
    "public": LazyPattern(r"\b(?:from\s+)?public(?:ly available)?\s+(?:sources|records|databases)\b", re.IGNORECASE),
    "device": LazyPattern(r"\bfrom\s+(?:your|the)\s+(?:device|phone|computer|pc|browser)\b", re.IGNORECASE),
    "user": LazyPattern(r"\bfrom you\b|\byou (?:give|provide|send|share|enter|upload)\b", re.IGNORECASE),
    # The services of the company's group or of other companies (fold23, from consent21b's pattern): "data
    # from the services of our affiliates", "information from our parent company's apps", "from other
    # Microsoft products" (CJEU C-252/21 para. 27-28: a group's other services; DMA Art. 5(2)).
    "group": LazyPattern(
        r"\b(?:across|with|from)\b[^.;]{0,80}?\b(?:services|products|platforms|apps|data|information) of "
        r"(?:our |its |their )?(?:affiliates|affiliated companies|group companies|parent company|other companies|"
        r"partners|third parties)\b"
        r"|\bfrom\s+(?:our\s+)?(?:other|sister|group|affiliated)\s+(?:[\w-]+\s+){0,2}?(?:companies|company products|"
        r"products|services|apps|platforms|brands)\b"
        r"|\b(?:across|with|from)\s+(?:\w+\s+){0,6}?(?:our |its )?(?:affiliates['’]|parent company['’]s|partners['’]|"
        r"third parties['’]|other companies['’]) (?:services|products|platforms|apps|data|information)\b",
        re.IGNORECASE),
}

# Where the data are: on the device, or with the company.
_ON_DEVICE = LazyPattern(r"\b(?:(?:only|solely)\s+)?(?:locally|on (?:your|the|this) (?:own )?(?:device|phone|"
                         r"computer|pc|tablet)|(?:stays?|remains?) on (?:your|the) (?:device|phone))\b", re.IGNORECASE)
_WITH_COMPANY = LazyPattern(
    r"\b(?:on|to|in|onto|into)\s+(?:its|our|their|the company['’]s|[A-Z]\w+['’]s)\s+(?:own\s+)?(?:servers?|cloud|"
    r"systems|databases?|data ?cent(?:er|re)s?)\b"
    r"|\b(?:uploaded|sent|transmitted|copied|synced|transferred|backed up)\s+(?:also\s+)?to\s+"
    r"(?:us|the company|(?-i:[A-Z]\w+))\b", re.IGNORECASE)
# The company as the one that acts: "we", "Lenovo", "our teams" before the verb.
_COMPANY_SUBJECT = LazyPattern(r"(?:^|[,;:]\s*|\band\s+)(?:\w+\s+)?(?:we|(?-i:[A-Z][a-z]+))\s+"
                               r"(?:(?:may|will|can|might|could|would|also|then|otherwise|only)\s+){0,3}$",
                               re.IGNORECASE)

# What the practice waits on.
_DESPITE = LazyPattern(
    r"\b(?:even|also)\s+(?:if|when|after|though|once)\s+you\b[^.;]{0,60}?\b(?:turn\w* off|switch\w* off|disabl\w*|"
    r"block\w*|opt\w* out|refus\w*|declin\w*|withdraw\w*|delet\w* (?:your )?cookies)\b"
    r"|\b(?:if|when|after|once)\s+you\s+(?:\w+\s+){0,2}?(?:turn\w* off|switch\w* off|disabl\w*|block\w*|opt\w* out|"
    r"refus\w*|declin\w*|withdraw\w*)\b[^.;]{0,160}?\b(?:still|continue\w*|nevertheless|anyway)\b"
    r"|\bregardless of (?:your|the) (?:settings|choices?|preferences)\b", re.IGNORECASE)
_DEFAULT = LazyPattern(
    r"\b(?:is|are|will be|gets?|stays?)\s+(?:\w+\s+)?(?:turned|switched|set|toggled)\s+on\b"
    r"|\b(?:(?:is|are|will be)\s+)?(?:enabled|activated|selected|turned on|switched on|on|active)\s+"
    r"(?:by default|automatically|from the (?:start|outset|moment you \w+)|at (?:set-?up|sign-?up|registration|"
    r"first (?:start|use|launch))|during (?:set-?up|sign-?up|registration|account creation|on-?boarding)|"
    r"when you (?:first\s+)?(?:set up|sign up|join|register|create (?:an|your) account|start|use|open|launch))\b"
    r"|\b(?:pre-?(?:selected|ticked|checked|enabled)|on by default|enabled by default|default setting is on)\b"
    r"|\bfrom the moment you (?:join|sign up|register|create)\b|\bfor everyone\b"
    # (consent21a's words of a preset, read here since fold23: "ticked by default", "turned on as soon as you
    # sign up", "active once you install", "automatically enabled")
    r"|\b(?:ticked|checked) by default\b"
    r"|\b(?:switched|turned|set) on (?:automatically|by default|(?:when|once|as soon as) you|for (?:all|every))\b"
    r"|\b(?:on|active|enabled|activated|ready(?: to use| to go)?) (?:as soon as|when|once|from the moment|"
    r"the moment|right after|immediately after) you (?:first )?(?:install|download|set up|sign up|register|create|"
    r"start using|join|open)\b"
    r"|\b(?:automatically|by default) (?:switched |turned )?(?:on|enabled|activated)\b", re.IGNORECASE)
_OFF_UNTIL = LazyPattern(r"\b(?:off|disabled|inactive)\s+(?:by default|until)\b|\b(?:unless|until)\s+(?:and until\s+)?"
                         r"you\s+(?:first\s+)?(?:(?:turn|switch|toggle)\w*(?!(?:\s+[\w-]+){0,4}?\s+off\b)|"
                         r"opt(?:s|ed)?[- ]?in|select|choose|enable)\b", re.IGNORECASE)
# consent26: a choice or a consent in everyday words: "it's up to you", "your call", "you decide", "if you want to",
# "only if you say yes", "we ask you first", "we'll check with you before", "until you switch it on", "tap Allow".
# A choice to refuse, which asks no yes ("if you wish to deactivate this collection", "you decide to leave").
_PLAIN_REFUSAL = (r"(?:not|stop\w*|turn\w*\s+(?:[\w-]+\s+){0,3}?off|switch\w*\s+(?:[\w-]+\s+){0,3}?off|opt\w*\s+out|"
                  r"deactivat\w*|disabl\w*|delet\w*|remov\w*|unsubscrib\w*|withdraw\w*|hide|limit\w*|restrict\w*|"
                  r"object\w*|block\w*|declin\w*|refus\w*|clos\w*|cancel\w*|leave|exclud\w*|erase|change)")
PLAIN_ASKED = LazyPattern(
    r"\b(?:it['’]s|it\s+is|that['’]s|this\s+is|the\s+choice\s+is)\s+(?:entirely\s+|completely\s+|totally\s+|always\s+)?"
    r"(?:up\s+to\s+you|your\s+(?:choice|call|decision))\b"
    r"|\b(?:is|are|remains?|stays?)\s+(?:entirely\s+|completely\s+|always\s+)?(?:up\s+to\s+you|your\s+(?:choice|call|"
    r"decision)|optional)\b"
    r"|\byou\s+(?:decide|choose)\b(?!\s+(?:to\s+)?" + _PLAIN_REFUSAL + r")"
    r"|\b(?:if|when|whenever|only\s+if|only\s+when)\s+you\s+(?:want|wish|['’]d\s+like|would\s+like)(?:\s+(?:us\s+)?to)?\b"
    r"(?!\s+(?:to\s+)?" + _PLAIN_REFUSAL + r")"
    r"|\b(?:if|when|once|after|until|unless|only\s+if|only\s+when|only\s+after)\s+you\s+(?:first\s+|have\s+|['’]ve\s+)?"
    r"(?:say|said)\s+"
    r"(?:yes|ok(?:ay)?|so)\b"
    r"|\b(?:if|when|once|after|until|unless|only\s+if|only\s+when|only\s+after)\s+you\s+(?:first\s+)?"
    r"(?:tap|click|press|select|hit)\s+[\"“']?(?:allow|yes|ok(?:ay)?|accept|agree|turn on|enable|i agree)\b"
    r"|\b(?:until|unless|only\s+if|only\s+when|only\s+after|if|when|once)\s+you\s+(?:first\s+)?(?:turn|switch|toggle)"
    r"\w*\s+(?:[\w-]+\s+){0,3}?on\b"
    r"|\b(?:we|we['’]ll|we\s+will|we\s+always|the\s+app(?:\s+will)?)\s+(?:always\s+|first\s+)?(?:ask|check\s+with)\s+"
    r"(?:you\s+)?(?:first|before|beforehand)\b"
    r"|\b(?:only\s+)?with\s+your\s+(?:ok(?:ay)?|go-ahead|say-so|yes)\b"
    # (what the user makes public or turns on: "private unless you make them public", "Turn it on to match …")
    r"|\b(?:unless|until|only\s+if|only\s+when|if|once|when)\s+you\s+(?:choose\s+to\s+|decide\s+to\s+)?"
    r"(?:make|set|mark)\s+(?:it|them|this|these|that|(?:your|the)\s+\w+)\s+(?:public|visible|searchable)\b"
    r"|(?:^|[.!?]\s+)\W*(?:turn|switch|toggle)\s+(?:it|this|them)\s+on\b",
    re.IGNORECASE)
# On until the user refuses (consent22): "unless you turn off such data collection", "unless you opt out",
# "you can opt out at any time". Silence or inactivity is no consent (GDPR Art. 4(11), Recital 32).
_REPLY_STOP = r"\breply(?:ing)?\s+[\"“']?stop\b"
_OPT_OUT = LazyPattern(
    r"\bunless\s+(?:and until\s+)?you\s+(?:\w+\s+){0,2}?(?:turn|switch|toggle)\w*(?:\s+[\w-]+){0,4}?\s+off\b"
    r"|\bunless\s+you\s+(?:\w+\s+)?(?:opt\w*[- ]out|object\w*|disabl\w*|declin\w*|refus\w*|withdraw\w*|"
    r"deactivat\w*|unsubscrib\w*)\b"
    r"|\byou\s+(?:can|may|are able to)\s+(?:always\s+|later\s+|then\s+)?(?:opt[- ]out|object|unsubscribe)\b"
    # (optout23: the people the practice reaches, able to refuse it: "…, who can reply STOP at any time to
    # unsubscribe"; a text answered to stop it)
    r"|\bwho\s+(?:can|may|are able to)\s+(?:[\w\"“”']+\s+){0,6}?(?:opt[- ]out|object|unsubscribe)\b"
    r"|" + _REPLY_STOP,
    re.IGNORECASE)
# Texts stopped by a reply ("reply STOP at any time to unsubscribe"): a way to refuse.
REPLY_STOP = LazyPattern(_REPLY_STOP, re.IGNORECASE)
# Told, not asked (consent22): "without notice to you", "after notifying you".
_NOTICE = LazyPattern(r"\b(?:without|with|after|upon|following)\s+(?:prior\s+|advance\s+|giving\s+)?(?:notice|"
                      r"notification)(?:\s+to\s+you)?\b|\b(?:after|once)\s+(?:we\s+(?:have\s+)?)?(?:notif|inform)"
                      r"\w*\s+you\b", re.IGNORECASE)
_CONSENT = LazyPattern(r"\b(?:with|without|upon|after)\s+your\s+(?:\w+\s+)?(?:consent|permission|agreement)\b"
                       r"|\b(?:needs?|requires?|subject to|based on|rests? on)\s+your\s+(?:\w+\s+)?(?:consent|"
                       r"permission)\b"
                       r"|\b(?:unless|until)\s+(?:and until\s+)?you\s+(?:first\s+)?(?:(?:give|grant|provide)\s+"
                       r"(?:us\s+)?(?:your\s+)?(?:\w+\s+)?(?:consent|permission)|consent|agree|allow us|"
                       r"opt(?:s|ed)?[- ]?in)\b"
                       r"|\b(?:if|when|once|where)\s+you\s+(?:have\s+)?(?:consent|agree|opt(?:ed)?[- ]in|allow us|"
                       r"give us (?:your )?permission)\w*\b|\b(?:ask|obtain|seek|request)\w*\s+(?:for\s+)?your\s+"
                       r"(?:consent|permission)\b|\bexplicitly (?:permitted|allowed|authori[sz]ed) by you\b"
                       # (optout23: the people who said yes: "sent only to members who have opted in")
                       r"|\b(?:members|users|customers|subscribers|listeners|people|those|persons|individuals)\s+"
                       r"who\s+(?:have\s+|had\s+)?(?:opted[- ]?in|consented|agreed)\b",
                       re.IGNORECASE)
_CHOICE = LazyPattern(
    r"\byou\s+(?:can|may|could|are able to|have the option to)\s+(?:also\s+|later\s+|then\s+)?(?:choose|select|"
    r"pick|opt|elect|decide|turn on|switch on|enable|activate|tick|check|sign up|subscribe)\b"
    r"|\b(?:if|when|once|where|whenever)\s+you\s+(?:choose|decide|opt|elect|select|turn on|switch on|enable|"
    r"activate|want|wish)\b|\bif you choose\b|\bat your (?:choice|option|direction|request)\b"
    # (consent24: the choice told as made, "where you've chosen to use a voice feature", "once you have
    # turned on …")
    r"|\b(?:if|when|once|where|whenever|after)\s+you\s*(?:have\s+|['’]ve\s+)(?:chosen|decided|opted|elected|"
    r"selected|turned\s+on|switched\s+on|enabled|activated)\b"
    # (the user's settings gate it: "if your settings allow", "subject to your privacy settings")
    r"|\b(?:if|when|where|as|to the extent)\s+your\s+(?:[\w-]+\s+)?(?:settings|preferences|choices)\s+"
    r"(?:allow|permit|let|enable)\w*\b|\b(?:subject to|according to|in (?:accordance|line) with|depending on|"
    r"based on)\s+your\s+(?:[\w-]+\s+)?(?:settings|preferences)\b", re.IGNORECASE)

# What protects the data while the practice goes on.
_GUARDS = {
    "deidentified": LazyPattern(r"\b(?:de-?identified|anonymi[sz]ed|anonymous|pseudonymi[sz]ed|non-?identifiable|"
                                r"non-?personal|(?:cannot|can ?not|can['’]t|(?:is|are|will be) not|never)\s+(?:be\s+)?"
                                r"(?:associated|linked|connected|tied|matched)\b|not (?:associated|linked|connected|"
                                r"tied) (?:to|with))", re.IGNORECASE),
    "aggregated": LazyPattern(r"\baggregat(?:e|ed)\b", re.IGNORECASE),
    "disregarded": LazyPattern(r"\b(?:disregarded|ignored|discarded|deleted (?:immediately|at once|right away)|"
                               r"not (?:used|kept|stored|retained))\b", re.IGNORECASE),
    "local": LazyPattern(r"\b(?:processed|analy[sz]ed|handled|performed|kept|stored)\s+(?:only\s+)?(?:locally|on "
                         r"(?:your|the) (?:device|phone))\b", re.IGNORECASE),
}

# Ends: a purpose opens at one of these; a purpose coordinated with the one before ("…, and to …",
# "… and for …") opens an end of its own.
_END_OPENING = LazyPattern(
    # (a predicate of another subject coordinated after the first: "…, and each partner may then …")
    r"(?<=, and )(?:each|every|any|the|these|those|such|our)\s+\w+\s+(?:may|can|will|could|might)\b|"
    r"\b(?:in order to|so that|so (?:we|they|it|partners) (?:can|may)|to allow|to enable|to let|to help|"
    r"for (?:the purposes? of|(?:their|its|our) (?:own )?)|for (?:\w+ )?purposes\b|"
    r"to (?!(?:the|a|an|your|our|their|its|us|you|them|him|her|this|that|these|those|other|third|any|all|each|"
    r"such|which|whom|be|do|date|which|within|servers?)\b)(?-i:[a-z])\w+)", re.IGNORECASE)
_COORDINATED = LazyPattern(r"(?:,\s*|\s)(?:and|or|as well as)\s*(?:also\s+)?$|,\s*$", re.IGNORECASE)
_ON_BEHALF = LazyPattern(r"\b(?:on (?:our|its|the company['’]s|[A-Z]\w+['’]s) behalf|for us|to help us|as our "
                         r"(?:service providers?|processors?|agents?|vendors?)|in each case on our behalf)\b",
                         re.IGNORECASE)
_OWN_THINGS = (r"(?:products|services|offers|offerings|promotions|deals|ads|advertising|marketing|insurance|"
               r"policies|plans|loans|credit|newsletters|news|events|brands?|business(?:es)?|platforms?|purposes|"
               r"uses?|ends|technolog(?:y|ies)|models?)")
# What is theirs as an end ("their own products", "their own marketing purposes"), not the rules they keep
# ("in accordance with their own privacy policies").
_OWN_ENDS = (r"(?:products|services|offers|offerings|promotions|deals|ads|advertising|marketing|newsletters|brands?|"
             r"business(?:es)?|platforms?|purposes|uses?|ends|technolog(?:y|ies)|models?|research|analytics)")
_OTHERS_OWN = LazyPattern(
    rf"\b(?:their|its) own\s+(?!privacy\b|data protection\b|terms\b)(?:[\w-]+\s+){{0,2}}?{_OWN_ENDS}\b"
    rf"|\b(?:send|show|offer|market|promot|advertis|pitch|email|e-mail|sell)\w*\s+(?:you\s+|to you\s+)?"
    rf"(?:(?:offers?|news|deals|ads)\s+(?:for|about|on|of)\s+)?(?:their|its)\s+{_OWN_THINGS}\b"
    # (consent31: the recipients telling the person of their wares: "so that they can tell you about their products")
    rf"|\b(?:tell|tells|inform|informs)\s+you\s+(?:about|of)\s+(?:their|its)\s+(?:[\w-]+\s+)?"
    rf"(?:products|services|offers|offerings|promotions|deals|insurance|policies|plans|loans|credit|events|brands?)\b"
    # (or the recipients named as the ones who then send the person news and offers: "the venue may then
    # email you offers for its upcoming shows", "so that it can contact you with news and promotions")
    rf"|\b(?:they|it|who|which|(?:the|each|every|any|these|those|such) \w+|partners|advertisers)\s+"
    rf"(?:can|may|will|could|might)\s+(?:also\s+|then\s+)?"
    rf"(?:send|email|e-mail|text|call|contact|message)\s+you\b[^.;]{{0,40}}?\b(?:news|offers?|promotions?|"
    rf"promotional|marketing|newsletters?|deals|advertis\w*)\b"
    # (consent26: the recipients' end named as theirs without "own": "with third parties for their market research")
    rf"|\bfor\s+(?:their|its)\s+(?:market(?:ing)?\s+research|marketing|advertising|ads|research|analytics|"
    rf"commercial\s+purposes|business\s+purposes|product\s+development)\b", re.IGNORECASE)
_BARRED = LazyPattern(r"\b(?:not permitted|prohibited|forbidden|barred|banned|may not|cannot|can ?not|never|"
                      r"not allowed)\b", re.IGNORECASE)
_ADVERTISING = LazyPattern(r"\b(?:ads?|advertis\w*|target\w*|marketing|audiences?|segments?|profil\w*|interests?|"
                           r"infer\w*|predict\w*|lifestyle|characteristics|"
                           r"promot\w*)\b", re.IGNORECASE)


# Whom the data are about (consent22): a child, named by a word for minors, an age under 18, or a mode or
# an account made for them ("in youth mode", "Spotify Kids accounts", "the young user").
# ("child sexual abuse material", "child exploitation": a kind of content a service detects, named by the harm done to
# children, not data about the person the sentence processes, real33)
_CHILD = LazyPattern(r"\b(?:minors?|children|child['’]?s?(?!\s+(?:sexual\s+)?(?:abuse|exploitation))|kids?|"
                     r"teens?|teenagers?|young (?:people|users?|members?|"
                     r"listeners?)|youth|juniors?|(?:under|below|younger than)\s+(?:the\s+age\s+of\s+)?1[0-7]"
                     r"(?!\s*(?:%|[.,]\d))|aged?\s+(?:under|below\s+)?1[0-7]|1[0-7]\s+(?:and|or|to)\s+1[0-7])\b",
                     re.IGNORECASE)
# An end that markets to the person: ads, offers, products recommended or promoted to them.
_MARKETING_END = LazyPattern(r"\b(?:ads?|advertis\w*|marketing|promot\w*|offers?|deals|discounts?|coupons?|"
                             r"(?:recommend|suggest|show|sell|pitch)\w*\s+(?:[\w-]+\s+){0,3}?(?:products?|purchases?|"
                             r"subscriptions?|upgrades?|plans?|items?))\b", re.IGNORECASE)


@dataclass(frozen=True)
class End:
    """One purpose of a clause: its words, and whose purpose it is."""

    start: int
    end: int
    words: str
    on_behalf: bool     # done for the company ("on our behalf", "to help us")
    others_own: bool    # an end of the recipient's own ("offers for their own products")
    advertising: bool   # ads, targeting, marketing, profiles, audiences
    affirmed: bool


@dataclass(frozen=True)
class Frame:
    """The practice one clause tells, its slots filled wherever their words stand."""

    start: int
    end: int
    text: str
    acts: frozenset[str]          # acts the clause affirms
    denied: frozenset[str]        # acts it denies ("does not retain"; not those under a condition)
    act_at: tuple[tuple[str, int, bool], ...]   # (act, position in the sentence, affirmed)
    data: frozenset[str]          # lexicon keys of the data named, and "device-position"
    sources: frozenset[str]       # others, public, device, user
    ends: tuple[End, ...]
    places: frozenset[str]        # device, company (named); company-by-act (kept by the company)
    condition: str                # despite-refusal | default | opt-out | consent | choice | notice | none
    guards: frozenset[str]        # deidentified, aggregated, disregarded, local
    classes: frozenset[LegalClass] = frozenset()   # the legal classes of the data named (`classes.classed`)
    subjects: frozenset[str] = frozenset()          # whom the data are about: "child" (consent22)

    @property
    def location(self) -> bool:
        """A person's or their device's position (not a coarse one) is among the data: data of the legal
        class `LOCATION` (`classes.classed`: the lexicon's locations, precise ones, geotags, where a photo
        was taken), or the device's position read from its words (fold23)."""
        return (LegalClass.LOCATION in self.classes or "device-position" in self.data) \
            and not _COARSE.search(self.text)

    @property
    def at_company(self) -> bool:
        """The data are with the company: named there, or kept by it and placed on no device."""
        return "company" in self.places or ("company-by-act" in self.places and "device" not in self.places)


# An opening subordinate clause ("If you turn off cookies, …", "When you choose …, …") is the condition
# of the clause it opens: read with it.
_OPENING = LazyPattern(r"\W*(?:if|even if|when|whenever|once|where|after|unless|until)\b", re.IGNORECASE)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """The clauses of `sentence` as frames read them: `items.clause_parts`, with a second predicate of the
    same subject (", and combine …", ", and we also share …") kept with the first."""
    spans: list[tuple[int, int]] = []
    at = 0
    for part in clause_parts(sentence):
        if not part or not part.strip():
            continue
        start = sentence.find(part, at)
        if start < 0:
            continue
        end = start + len(part)
        gap = sentence[at:start]
        if spans and (re.fullmatch(r",?\s+and\s+(?:(?:we|they)\s+)?(?:also\s+|only\s+)?", gap, re.IGNORECASE)
                      or (len(spans) == 1 and _OPENING.match(sentence, spans[0][0]) and not gap.strip())):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        at = end
    return spans


def _ends(sentence: str, start: int, end: int, affirmed) -> tuple[End, ...]:
    """The coordinated purposes of the clause `sentence[start:end]`, each with its own words; words
    between the act and the first purpose ("share it with partners on our behalf to …") belong to it."""
    openings = [m.start() for m in _END_OPENING.compiled().finditer(sentence, start, end)]
    heads = [at for i, at in enumerate(openings) if i == 0 or _COORDINATED.search(sentence[openings[i - 1]:at])]
    if not heads:
        heads = [start]     # no purpose opened: what the clause says is its one end
    found = []
    for i, head in enumerate(heads):
        stop = heads[i + 1] if i + 1 < len(heads) else end
        words = sentence[head:stop]
        # The first purpose takes what precedes it; a predicate of another subject does not.
        owned = sentence[start:stop] if i == 0 and sentence[max(start, head - 6):head] != ", and " else words
        behalf = _ON_BEHALF.search(owned)
        own = _OTHERS_OWN.search(words)
        found.append(End(head, stop, words, behalf is not None,
                         own is not None and not _BARRED.search(words[:own.start()]), _ADVERTISING.search(words)
                         is not None, affirmed(head) and (own is None or affirmed(head + own.start()))))
    return tuple(found)


def _condition(text: str) -> str:
    if _DESPITE.search(text):
        return "despite-refusal"
    if _DEFAULT.search(text) and not _OFF_UNTIL.search(text):
        return "default"
    if _CONSENT.search(text):
        return "consent"
    if _OPT_OUT.search(text):
        return "opt-out"
    if _CHOICE.search(text) or _OFF_UNTIL.search(text) or PLAIN_ASKED.search(text):
        return "choice"
    if _NOTICE.search(text):
        return "notice"
    return "none"


def read_frames(sentence: str, terms: Lexicon) -> tuple[Frame, ...]:
    """The frames of `sentence` (reading form), one per clause, read once per lexicon."""
    return terms.read_once((sentence, "frames"), lambda: _read(sentence, terms))


def _read(sentence: str, terms: Lexicon) -> tuple[Frame, ...]:
    spans = affirmed_spans(sentence)
    starts = [a for a, _ in spans]

    def affirmed(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < spans[i][1]

    frames = []
    for start, end in _clauses(sentence):
        text = sentence[start:end]
        act_at = []
        negated = []
        for match in _ACT.compiled().finditer(sentence, start, end):
            name = match.lastgroup or ""
            act_at.append((name, match.start(), affirmed(match.start())))
            if not affirmed(match.start()) and _NEGATOR.compiled().search(sentence, max(start, match.start() - _NEAR),
                                                                          match.start()):
                negated.append(name)
        for match in _SENT_TO.compiled().finditer(sentence, start, end):
            act_at.append(("upload", match.start(), affirmed(match.start())))
        for match in _PROFILE_BUILT.compiled().finditer(sentence, start, end):
            act_at.append(("profile", match.start(), affirmed(match.start())))
        words = tokens(text)
        data = {m.term.key for m in terms.find([stem(w) for w in words], words)
                if m.term.item in (Item.CATEGORIES, Item.SENSITIVE)}
        if _DEVICE_POSITION.search(text):
            data.update(("device-position", "device-origin"))
        elif _POINTED_POSITION.search(text):
            data.add("device-position")
        places = set()
        if _ON_DEVICE.search(text):
            places.add("device")
        if _WITH_COMPANY.search(text):
            places.add("company")
        if any(act in ("keep", "collect") and ok and _COMPANY_SUBJECT.search(sentence[max(start, at - _NEAR):at])
               for act, at, ok in act_at):
            places.add("company-by-act")
        frames.append(Frame(
            start, end, text,
            frozenset(a for a, _, ok in act_at if ok), frozenset(negated),
            tuple(sorted(act_at, key=lambda x: x[1])), frozenset(data),
            frozenset(name for name, pattern in _SOURCES.items() if pattern.search(text)),
            _ends(sentence, start, end, affirmed), frozenset(places), _condition(text),
            frozenset(name for name, pattern in _GUARDS.items() if pattern.search(text)),
            _classes(text),
            frozenset({"child"}) if _CHILD.search(text) else frozenset()))
    return tuple(frames)


# Where the company's premises are ("the location of our servers", "the location of its offices"), or
# places named in the plural with no one's position in them ("replicated across both locations"): no
# person's or device's position.
_PREMISES_AFTER = LazyPattern(r"^\s+of\s+(?:our|its|the|their)\s+(?:servers?|data|offices?|stores?)\b", re.IGNORECASE)
_PLACES = LazyPattern(r"\blocations$", re.IGNORECASE)
_WHOSE = LazyPattern(r"\b(?:your|their|his|her|users?['’]s?|members?['’]s?|(?:device|phone|photo)['’]?s?)\s+"
                     r"(?:[\w-]+\s+)?$", re.IGNORECASE)


def _no_position(found: Classed, text: str) -> bool:
    return LegalClass.LOCATION in found.classes and LegalClass.PRECISE not in found.classes and (
        _PREMISES_AFTER.search(text[found.end:]) is not None
        or (_PLACES.search(found.words) is not None and not _WHOSE.search(text[max(0, found.start - 30):found.start])))


def _classes(text: str) -> frozenset[LegalClass]:
    """The legal classes of the data the clause names (`classes.classed`), less a location that is no one's
    position (`_no_position`: the company's premises, places in the plural)."""
    return frozenset(c for found in classed(text) if not _no_position(found, text) for c in found.classes)


# -- readings on one frame --------------------------------------------------------------------------

def location_kept(frame: Frame) -> str | None:
    """A position (`Frame.location`: a datum of the class `LOCATION`, or a device's or a photo's position)
    kept, uploaded or sent to the company, the place named ("… on its servers", "sent to Lenovo")
    wherever it stands in the clause, or the company the one that keeps a position read from the device
    ("We also store the geotags embedded in images"): reading a device's own position for the company's
    ends needs consent (ePrivacy Art. 5(3), 9; CPRA 1798.140(ae)). The one reading of a location kept by
    the company (fold23: `consent._location_kept` read the same from the class, the verb before the
    place)."""
    if not frame.location or "device" in frame.places:
        return None
    if "company" not in frame.places and not ("company-by-act" in frame.places and "device-origin" in frame.data):
        return None     # (kept by the company, a position named only as "this location": `position_moved`)
    if not frame.acts & {"keep", "upload"}:
        return None
    return frame.text.strip()


# Sources other than the company and the person: other companies, public sources, the group's other services.
_OTHER_SOURCES = frozenset({"others", "public", "group"})
# What others already hold about the person, joined with what they are given ("these third parties may
# combine that information with other information they already have about you"): a profile of the person
# built by them, whatever end they name.
_HELD_ABOUT_YOU = LazyPattern(r"\b(?:they|it|these \w+)\s+(?:already\s+)?(?:have|hold|know|collect)\s+about you\b",
                              re.IGNORECASE)


def data_combined(frame: Frame) -> str | None:
    """Data from another company or service (or public sources, or the group's other services) joined
    with the company's for advertising or profiling, the source before or after the verb ("data from
    third party sources … to supplement the information we collect … and to target advertising"), or a
    profile of the person built ("build an advertising profile of you"): a profile built across sources
    (GDPR Art. 4(4), 6(1)(a); CJEU C-252/21 para. 27-28, 117-118). The one reading of data combination
    (fold23: consent21b's `data-combination` pattern read the same in a fixed word order)."""
    if "profile" in frame.acts:
        return next(m.group(0) for m in _PROFILE_BUILT.finditer(frame.text))
    if "combine" not in frame.acts or not frame.sources & _OTHER_SOURCES:
        return None
    if not any(e.advertising and e.affirmed for e in frame.ends) and not _HELD_ABOUT_YOU.search(frame.text):
        return None
    return next(m.group(0) for m in _ACT.finditer(frame.text) if m.lastgroup == "combine")


def others_own_end(frame: Frame) -> str | None:
    """Data handed to others with an end of theirs among the ends, each end with its own "on our behalf"
    ("to manage loyalty programs on our behalf and to send you offers for their own products"): a
    purpose of another controller (GDPR Art. 6(4); CPRA a disclosure to a third party)."""
    if "share" not in frame.acts and "sell" not in frame.acts:
        return None
    for end in frame.ends:
        if end.others_own and end.affirmed and not end.on_behalf:
            own = _OTHERS_OWN.search(end.words)
            mark = end.start + (own.start() if own else 0)
            # (the data handed over before the recipients' end, or in a predicate of their own after it:
            # "…, and we collaborate with universities and companies that may use it to …")
            if any(act in ("share", "sell") and ok and not mark <= at < end.start + (own.end() if own else 0)
                   for act, at, ok in frame.act_at):
                return end.words.strip()
    return None


# A parent's assent asked, or marketing kept from the child: no reading.
_PARENT_ASKED = LazyPattern(r"\b(?:parents?|guardians?)['’]?s?\b[^.;]{0,60}?\b(?:consent|permission|approv\w*|"
                            r"agree\w*|authori[sz]\w*)", re.IGNORECASE)


def child_marketed(frame: Frame) -> str | None:
    """A child's data put to an end that markets to them (ads, offers, products recommended): the end's
    words, or None. Children merit specific protection where their data are used for marketing or to
    build profiles of them (GDPR Art. 8(1), Recital 38); a platform may show minors no ads built on their
    profile (DSA Art. 28(2)); a minor's data sold or shared for advertising need their or a parent's
    opt-in (CPRA 1798.120(c)). A parent's assent said keeps it; an end denied is none."""
    if "child" not in frame.subjects or _PARENT_ASKED.search(frame.text) or frame.denied:
        return None
    for end in frame.ends:
        found = _MARKETING_END.search(end.words)
        # ("see no ads": a "no" before the ads denies them too, consent26)
        if end.affirmed and found is not None and not _NO_MARKETING.search(end.words[:found.start()]):
            return end.words.strip()
    return None


# Marketing done to the person, told by its act rather than as an end ("we show personalized ads to users under
# 16", "kids may see targeted offers", "teen accounts get promotional messages").
_MARKETED_TO = LazyPattern(
    r"\b(?:show|shows|showing|shown|serve|serves|served|serving|send|sends|sent|sending|target|targets|targeted|"
    r"targeting|display|displays|displayed|deliver|delivers|delivered|see|sees|get|gets|receive|receives)\s+"
    r"(?:them\s+|you\s+|it\s+)?(?:[\w-]+\s+){0,3}?(?:ads|adverts?|advertising|advertisements?|offers|promotions|"
    r"promotional\s+(?:messages|emails|offers|content)|marketing(?:\s+(?:messages|emails))?)\b"
    r"|\b(?:personali[sz]ed|targeted|tailored|interest-based|behaviou?ral)\s+(?:ads|advertising|advertisements|"
    r"offers|marketing)\b", re.IGNORECASE)


def child_targeted(frame: Frame) -> str | None:
    """A child's data put to marketing told by its act, not by an end ("We show personalized ads to users under 16",
    "Teen accounts may see targeted ads"): the act's words, or None. The grounds of `child_marketed` (GDPR Art.
    8(1), Recital 38; DSA Art. 28(2); CPRA 1798.120(c)); a parent's assent said, or a denial before the act, keeps
    it (consent26)."""
    if "child" not in frame.subjects or _PARENT_ASKED.search(frame.text) or frame.denied:
        return None
    found = _MARKETED_TO.search(frame.text)
    if found is None or _NEGATOR.search(frame.text[:found.start()]) or _NO_MARKETING.search(found.group(0)) \
            or _EVERY_AGE_BARRED.search(frame.text):
        return None
    return found.group(0)


_NO_MARKETING = LazyPattern(r"\b(?:not|never|no|cannot)\b|n['’]t\b", re.IGNORECASE)
# A ban stated after the act ("… ads are never shown to children", "… to anyone but adults").
_EVERY_AGE_BARRED = LazyPattern(r"\b(?:never|not|no)\b[^.;]{0,40}\b(?:minors?|children|kids?|teens?|under)\b",
                                re.IGNORECASE)


# consent26: a sensor of the device kept on when the user is not using it ("listens in the background", "the
# microphone is always on", "uses your location all the time, even when the app is closed").
_SENSOR = LazyPattern(r"\b(?:microphones?|mic|cameras?|listens?|listening|sensors?|precise location|exact location|gps|"
                      r"record(?:s|ing)?\s+(?:audio|video|sound|your voice|what you say))\b", re.IGNORECASE)
_BACKGROUND = LazyPattern(r"\b(?:in the background|always[- ]on|(?:is|are|stays?) always on|always listening|"
                          r"all the time|at all times|around the clock|24/7|continuously|constantly|"
                          r"even when (?:the app is|you are|you['’]re|your (?:phone|device) is) (?:closed|"
                          r"not (?:using|open)|in the background|locked|asleep|off|idle)|"
                          r"(?:while|when) the app is (?:closed|not open|in the background)"
                          # (short27: a spoken wake phrase is heard only by a microphone left listening: "or say
                          # 'Hey Pling'", "listens for the wake word")
                          r"|(?:wake|hot)[- ]?(?:words?|phrases?)"
                          r"|(?:say|says|saying)\s+[\"“'‘]?(?:hey|ok|okay|hi)\s+\w+"
                          # (consent28: the listener named with the phrase it waits for: "listens for "Hey
                          # Glimmer"", "listening out for 'OK Nova'")
                          r"|listen(?:s|ing)?\s+(?:out\s+)?for\s+[\"“'‘]?(?:hey|ok|okay|hi)\s+\w+)\b",
                          re.IGNORECASE)


def sensed_in_background(sentence: str) -> str | None:
    """The words by which `sentence` tells a sensor of the user's device (the microphone, the camera, the precise
    position) kept on when the user is not using the service ("It listens in the background so we can suggest
    songs", "We use your precise location all the time, even when the app is closed"), or None. Reading the
    terminal beyond what the user asked for needs consent (ePrivacy Art. 5(3)), as does a position used beyond
    the service the user asked for (Art. 9). Denied before it in its clause ("never in the background"), or
    only while the user acts ("only while you hold the button"), it is none (consent26)."""
    for clause in re.split(r"[;:]|,\s+(?:and|but|while|whereas)\s+", sentence):
        found = _BACKGROUND.search(clause)
        sensor = _SENSOR.search(clause)
        if found is None or sensor is None:
            continue
        if _NO_MARKETING.search(clause[:max(found.start(), sensor.start())]) or _NO_MARKETING.search(found.group(0)):
            continue
        return f"{sensor.group(0)} … {found.group(0)}" if sensor.start() < found.start() else found.group(0)
    return None


# consent26: a consent made the price of the service ("You need to turn on health features to use Stridely", "you
# must allow location access to sign up"): not freely given (GDPR Art. 7(4), Recital 43). The terms of service
# accepted to use it are a contract, no consent.
_BUNDLED = LazyPattern(
    r"\b(?:you|users?|members?)\s+(?:need|needs|must|have|has|will need|would need)\s+(?:to\s+)?(?:first\s+)?"
    r"(?:turn on|switch on|enable|allow|agree to|consent to|accept|opt in to|give us (?:access|permission))\b"
    r"(?![^.;]{0,40}\b(?:terms|conditions|agreement|contract|this policy)\b)[^.;]{0,80}?"
    r"\bto\s+(?:use|access|sign up|join|create|keep using|continue using|open)\b", re.IGNORECASE)


def consent_bundled(sentence: str) -> str | None:
    """The words by which `sentence` makes a consent (a feature or a permission the user must turn on or allow) a
    condition of using the service, or None (consent26)."""
    found = _BUNDLED.search(sentence)
    return found.group(0) if found is not None else None


def preset_on(sentence: str, terms: Lexicon) -> str | None:
    """The words by which a clause of `sentence` tells its practice on from the start, before the user
    acts on it (the condition `default`: "is turned on when you join", "enabled by default"), or None: a
    pre-set default is no consent (GDPR Art. 4(11), 7(1); CJEU C-673/17 Planet49). The one reading of a
    preset (fold23: consent21a's `_PRESET` read the same words again)."""
    for frame in read_frames(sentence, terms):
        if frame.condition == "default":
            found = _DEFAULT.search(frame.text)
            if found is not None:
                return found.group(0)
    return None


# -- readings on the old and the new frame ----------------------------------------------------------

_NAME = LazyPattern(r"[“\"‘]([^”\"’]{3,60})[”\"’]|\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))+)\b", re.IGNORECASE)
_SHORT = 4


def same_practice(old: str, new: str) -> bool:
    """Two sentences tell the same practice: a name they share (a quoted option, a capitalised feature:
    "“Enhanced Device Support”"), or a third of their content words."""
    names = {m.group(1) or m.group(2) for m in _NAME.finditer(old)}
    if any((m.group(1) or m.group(2)) in names for m in _NAME.finditer(new)):
        return True
    a = {stem(w) for w in tokens(old) if len(w) >= _SHORT}
    b = {stem(w) for w in tokens(new) if len(w) >= _SHORT}
    return bool(a and b) and len(a & b) / max(len(a), len(b)) >= 0.3


def position_moved(old: Frame, new: Frame) -> bool:
    """A position the old clause kept from the company (its keeping or collecting denied, or kept on the
    device), now kept by the company (ePrivacy Art. 5(3)): the place moved."""
    if not new.location or not new.at_company or not new.acts & {"keep", "upload"}:
        return False
    if not old.location:
        return False
    return bool(old.denied & {"keep", "collect", "upload", "share"}) or "device" in old.places


# What the user is asked, and what the company only presets or tells (consent22).
ASKED = ("choice", "consent")
# An opt-out in place of the opt-in is told too (optout23, the lead's decision of 2026-11-29): a way to
# switch off what now runs by default is no consent (GDPR Art. 4(11), 7; Planet49; EDPB 05/2020 para.
# 121-123), for device telemetry (ePrivacy Art. 5(3)) and marketing messages (Art. 13(1)) alike.
_TOLD = ("default", "notice", "despite-refusal", "opt-out")
# Data whose processing rests on consent whatever the company's interest: read from the device (ePrivacy
# Art. 5(3)), the content of communications (Art. 5(1)), special categories (GDPR Art. 9(1)).
_CONSENT_CLASSES = frozenset({LegalClass.DEVICE, LegalClass.COMMS, LegalClass.SENSITIVE})


def consent_only(frame: Frame) -> bool:
    """The practice needs consent whatever the basis the company would claim: data of a class the law
    reserves to consent (`classes.LegalClass`)."""
    return bool(frame.classes & _CONSENT_CLASSES)


def condition_moved(old: Frame, new: Frame) -> bool:
    """The practice waited on the user's choice or consent, and now is on by default: a box ticked in
    advance is no consent (GDPR Art. 4(11), 7(1); CJEU C-673/17 Planet49). So too (consent22) when it is
    now only told ("without notice to you" where it was "without your consent") or goes on regardless of
    the user's settings: silence and inactivity are no consent (Recital 32). The condition dropped with
    nothing in its place is that only for a practice that needs consent whatever the basis
    (`consent_only`), and only where the new clause denies nothing: elsewhere another basis may stand,
    a notice."""
    if old.condition not in ASKED:
        return False
    if new.condition in _TOLD:
        return True
    return new.condition == "none" and consent_only(new) and not new.denied


# A way to switch the practice off, told in words of refusing: opt out, unsubscribe, object, stop receiving,
# withdraw, turn or switch it off, disable, deactivate, change or manage your preferences or settings (fold24:
# optout23 read them in prose.py beside the frame's `_OPT_OUT`, a second reading of the same condition).
REFUSING = LazyPattern(r"\b(?:opt(?:s|ed|ing)?[- ]out|unsubscrib\w*|object\w*|stop receiving|withdraw\w*|"
                       r"turn (?:it |this |that |them |these )?off|switch (?:it |this |that |them |these )?off|"
                       r"disable|deactivate|(?:change|update|manage) your (?:\w+ )?(?:preferences|settings))\b",
                       re.IGNORECASE)
# Words that still ask the user ("consent", "opt in", "permission", "agree", "accept", "allow"): a refusal beside
# them withdraws a consent still asked, no opt-out in its place.
ASKING = LazyPattern(r"\b(?:consent\w*|opt[- ]in|permission|agree\w*|accept\w*|allow\w*)\b", re.IGNORECASE)


def opt_out_offered(sentence: str, following: str, terms: Lexicon) -> bool:
    """The practice of `sentence` goes on until the user refuses it: the condition `opt-out` of one of its
    clauses ("unless you opt out", "…, who can reply STOP"), or, read across the sentence's end, a way to
    switch it off in the sentence or in `following`, the next sentence of its paragraph ("" if none): "You
    can turn them off at any time", "You can deactivate these messages", "change your preferences", "opt
    out". A sentence whose refusal stands beside words of asking ("you can withdraw your consent") offers
    no opt-out: the consent is still asked (optout23; one reading since fold24)."""
    if any(f.condition == "opt-out" for f in read_frames(sentence, terms)):
        return True
    return any((REFUSING.search(text) is not None or REPLY_STOP.search(text) is not None)
               and ASKING.search(text) is None for text in (sentence, following) if text)


def guard_dropped(old: tuple[Frame, ...], new: tuple[Frame, ...]) -> frozenset[str]:
    """The guards a practice that goes on despite the user's refusal had and no longer has (what beacons
    detect after cookies are turned off, no longer disregarded): the refusal made ineffective, and
    reading the device without consent (ePrivacy Art. 5(3); GDPR Art. 7(3), 21). Read over the frames of
    one sentence each: the guard often stands in a clause of its own ("…, but the notices they generate
    are disregarded")."""
    if not any(f.condition == "despite-refusal" for f in old) or not any(f.condition == "despite-refusal" for f in new):
        return frozenset()
    return frozenset(g for f in old for g in f.guards) - frozenset(g for f in new for g in f.guards)


# -- what a denial covers (notify22) ------------------------------------------------------------------

# An act named as a statute defines it ("do not 'sell' or 'share' personal information as those terms are
# defined under the CCPA"): "share" is then the CPRA's sharing, disclosure for cross-context behavioural
# advertising (Cal. Civ. Code 1798.140(ah)), not any handing over.
_DEFINED_TERMS = LazyPattern(r"\bas (?:those|that|these|such) terms? (?:is|are) (?:defined|used)\b|"
                             r"\b(?:ccpa|cpra|california consumer privacy act|california privacy rights act)\b",
                             re.IGNORECASE)
# Decisions or profiling without a person (GDPR Art. 22), and the effects a statement names of them.
_AUTOMATED = LazyPattern(r"\b(?:profiling|automated (?:individual )?decision[- ]?(?:making|s)?|"
                         r"decisions? based solely on automated)\b", re.IGNORECASE)
_EFFECTS = (("legal", LazyPattern(r"\blegal(?:ly)?\b(?:\s+(?:or|and)\s+[\w\s]{0,30}?)?\s+(?:effects?|affects?)|"
                                  r"\blegal(?:ly)?\s+(?:effects?|affects?)\b", re.IGNORECASE)),
            ("significant", LazyPattern(r"\b(?:similarly\s+)?significant(?:ly)?\s+(?:\w+\s+)?(?:effects?|affects?|"
                                        r"impacts?)\b|\bsimilarly significant\b", re.IGNORECASE)))


def denied_scope(sentence: str, terms: Lexicon, defined: bool = True,
                 covering: frozenset[str] | None = None) -> frozenset[str]:
    """What a sentence denies of the practices the law asks consent for, read on its frames: the sale,
    the CPRA's sharing (`share` under a statute's definition), and decisions without a person by the
    effects the denial names ("automated-decisions:legal", "automated-decisions:significant"). With
    `defined` False, any sharing denied counts (what a sentence still denies, not what it newly allows).
    With `covering` (the data another denial named), only denials that reach as far count: every user,
    no exception, those data at least (`_covers`)."""
    scope: set[str] = set()
    for frame in read_frames(sentence, terms):
        if covering is not None and not _covers(frame, covering):
            continue
        if "sell" in frame.denied and _still_denied(frame, "sell"):
            scope.add("sale")
        if "share" in frame.denied and _still_denied(frame, "share") \
                and (not defined or _DEFINED_TERMS.search(frame.text)):
            scope.add("third-party-advertising")
        automated = _AUTOMATED.search(frame.text)
        if automated and _NEGATOR.search(frame.text[:automated.start()]):
            scope.update("automated-decisions:" + name for name, pattern in _EFFECTS
                         if pattern.search(frame.text, automated.start()))
    return frozenset(scope)


# A subject of its own after a denial ("…, and we 'share' personal information only with advertising partners"):
# what follows it is affirmed, whatever the first predicate denied.
_NEW_SUBJECT = LazyPattern(r"[,;]\s*(?:and|but|while|whereas)\s+(?:we|it|they|(?-i:[A-Z][\w.]*))\s+", re.IGNORECASE)


def _still_denied(frame: Frame, act: str) -> bool:
    """`act`, denied in the clause, is denied where it stands: no subject of its own between the last negator
    before it and it (optout23: "Reddit does not 'sell' …, and we 'share' … for cross-context behavioral
    advertising" denies the sale only). An act the frame placed nowhere stays denied."""
    placed = [at for name, at, affirmed in frame.act_at if name == act and not affirmed]
    if not placed:
        return True
    for at in placed:
        before = frame.text[:max(0, at - frame.start)]
        negators = [m.end() for m in _NEGATOR.compiled().finditer(before)]
        subjects = [m.end() for m in _NEW_SUBJECT.compiled().finditer(before)]
        if negators and (not subjects or subjects[-1] < negators[-1]):
            return True
    return False


# A denial made of every age ("including children under 16", "of anyone, whatever their age").
_EVERY_AGE = LazyPattern(r"\b(?:including|includes|even|regardless of|whatever|irrespective of|any age|all ages|"
                         r"anyone|everyone|any users?|all users|adults and)\b", re.IGNORECASE)


def _minors_only(frame: Frame) -> bool:
    """The clause tells of minors only ("does not have knowledge that it sells or shares the personal
    information of users under 16"): a denial of it leaves adults' data uncovered (optout23; CPRA
    1798.120(c) is a rule for minors, not the adults' denial)."""
    return "child" in frame.subjects and not _EVERY_AGE.search(frame.text)


# An exception to a denial ("We do not disclose sensitive personal information except to provide …").
_EXCEPTED = LazyPattern(r"\b(?:except|excepting|other than|apart from|save (?:for|as)|unless)\b", re.IGNORECASE)


def _covers(frame: Frame, data: frozenset[str]) -> bool:
    """The clause's denial reaches as far as a denial of `data` did (optout23): not minors' data only, no
    exception, and every kind of data the other denial named ("sensitive personal information" does not
    cover "personal information")."""
    return not _minors_only(frame) and not _EXCEPTED.search(frame.text) and data <= frame.data


def denied_data(sentence: str, terms: Lexicon) -> frozenset[str]:
    """The data the denials of `sentence` name (the frames that deny an act)."""
    return frozenset().union(*(frame.data for frame in read_frames(sentence, terms) if frame.denied))


def denial_narrowed(old: str, new: str, terms: Lexicon) -> frozenset[str]:
    """What a denial still made covers no more ("does not sell or share" -> "does not sell"; "decisions
    that produce legal or similarly significant effects" -> "… legal effects"): the practices the old
    sentence denied and the new one, still denying, leaves out. A denial dropped whole is read elsewhere."""
    before, after = denied_scope(old, terms), denied_scope(new, terms)
    if not after:
        return frozenset()
    return frozenset(before - after)


# -- the content of the user's files or messages put to marketing (recall25) --------------------------

# The content of what the user keeps or sends ("the names and contents of the files you transfer", "the text
# of your messages", "file contents"): its content, not that a file exists or was sent.
_CONTENT_OF = LazyPattern(
    r"\b(?:contents?|text|body|bodies)\s+of\s+(?:the\s+|your\s+|their\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:files?|documents?|photos?|pictures?|images?|messages?|e-?mails?|communications?|conversations?|chats?|"
    r"notes?|recordings?)\b"
    r"|\b(?:file|document|message|e-?mail|chat|photo)\s+contents?\b", re.IGNORECASE)
# An end that sells to the reader: products, accessories, software or offers recommended to them, ads, marketing.
_SELLING_END = LazyPattern(
    r"\b(?:ads|advertis\w*|marketing|promot\w*"
    r"|(?:recommend|suggest|show|offer|pitch|sell|market)\w*\s+(?:you\s+)?(?:[\w-]+,?\s+){0,3}?(?:products?|"
    r"accessor(?:y|ies)|software|apps|offers?|deals|purchases?|subscriptions?|upgrades?|plans?|items?))\b",
    re.IGNORECASE)


def content_marketed(sentence: str, terms: Lexicon) -> str | None:
    """The content of the user's own files or messages (`_CONTENT_OF`) read and put to an end that sells to
    them (products recommended, ads, marketing), affirmed, with no consent or choice asked in the sentence:
    the words of the end, or None. What a person keeps or writes is read for a purpose no tool they use
    needs, one they cannot expect from the tool's own purpose (GDPR Art. 6(4), 5(1)(b)); reading what is
    stored on their device for the company's own ends needs their consent (ePrivacy Art. 5(3)), as does the
    content of their communications (ePrivacy Art. 5(1)). A new incompatible use: consent."""
    content = _CONTENT_OF.search(sentence)
    end = _SELLING_END.search(sentence)
    if content is None or end is None:
        return None
    spans = affirmed_spans(sentence)
    if not any(a <= content.start() < b for a, b in spans) or not any(a <= end.start() < b for a, b in spans):
        return None
    frames = read_frames(sentence, terms)
    if any(f.condition in ("consent", "choice") or f.denied for f in frames) \
            or _NEGATOR.search(sentence[:end.start()]):
        return None
    return end.group(0)
