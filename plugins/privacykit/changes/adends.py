"""The words of an advertising or marketing end, shared by the consent readings that read one (consent35).

Three readings ask whether a sentence names an end of advertising or marketing: consent30's `targeted._END` (an end
of choosing what to show the user, added in place to consent-bound data), consent34's `guarded._END` (an end of
ads, offers or marketing for data the law guards by kind) and consent33's `forsworn._FAMILIES["targeting"]` (an end
of ads a policy forswore). They share the nouns of advertising itself (`AD_NOUNS`); consent34 and consent33 share the
ends of marketing and the profiles behind it (`MARKETING`). Where a reading's end differs from another's it does so
on purpose, and each pattern says why beside its own words:

- `targeted` reads what is SHOWN or SENT to the user: also recommendations, suggestions and personalising, an offer
  or a deal in the singular and "target" as a verb; not "marketing" or "profiling" (an end of the business, not of
  choosing what the user sees: consent30 measured its binding on what is shown);
- `guarded` reads an end for guarded data: "offers" and "deals" only in the plural (the singular is what a message
  is about, "a question about an offer"), "target" only as a verb with its object ("target ads", "target you");
- `forsworn` reads an end under a denial: also "ad" in the singular and "advertisers" (a denial names whom the data
  are not given to: "we do not share it with advertisers"), not the verb "promote" (policies deny "promoting"
  things that are no use of the data: "we do not promote hate"), and "offers" only as a noun (`forsworn` keeps
  the verb out by what follows it).
"""

from __future__ import annotations

# The nouns of advertising itself: every reading of an advertising end names these.
AD_NOUNS = r"ads|adverts?|advertising|advertisements?|sponsored|deals|promotions?|promotional"
# Marketing and the profiling behind it: ends of the business a denial or a guarded datum's new end names (not
# `targeted`'s, which reads what is shown to the user).
MARKETING = r"marketing|profiling|targeted|targeting"
# The verb of promoting something (not `forsworn`'s: see the module's note).
PROMOTE = r"promot(?:e|es|ed|ing)"
