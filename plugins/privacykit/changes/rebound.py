"""A limit said again: a sentence that only bounded its neighbours ("We keep only the result.", "The photos are
processed solely to give the advice."), gone from a document rewritten whole, whose bound a new sentence sets
again on the same things ("We use the photos … only to give you the advice you asked for.") (realfa41).

`limits.removed` (prose.py) reads a removed sentence that sets a limit (only, consent) and affirms no practice of
its own as the limit gone from the practice its paragraph tells. It keeps the limits of the sentence's nearest new
form (`DocumentText.similar`, half the words) or of an added sentence of its own section that holds three in five of
its content words (`_merged_limits`). A rewrite of the whole document moves the sentence to another section, or
rewords it past half its words ("processed solely for the purpose of providing the advice requested" -> "we use the
photos … only to give you the advice you asked for"): neither finds it, and the limit reads as gone though the new
document sets it, on the same data and the same end. GDPR Art. 5(1)(b) binds the practice, not the sentence: a
limit is gone when no sentence of the new document sets it on what the old sentence bounded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .editorial import content_stems
from .items import PROCESSING_VERBS, Limit

if TYPE_CHECKING:
    from .prose import DocumentText, ProseFinding

# The limits `limits.removed` reports, by their value.
_BOUNDS = {Limit.ONLY.value: Limit.ONLY, Limit.CONSENT.value: Limit.CONSENT}
# At least this many of the removed sentence's content words, and this share of them, in the sentence that sets the
# limit again: what the limit bounded (the data, the end, the act) named there too.
_SHARED, _SHARE = 2, 0.4
# Words that name no thing a limit bounds: the limit's own words and the verbs of processing ("we keep only your
# email address" bounds other data than "we keep only your finishing time").
_NOT_BOUNDED = PROCESSING_VERBS | {"only", "sole", "solely", "exclusiv", "exclusively", "strict", "strictly"}
# The key of the data as a whole.
_WHOLE = "personal_data"


def limit_set_again(f: ProseFinding, old: DocumentText, new: DocumentText) -> bool:
    """Whether a limit `limits.removed` reads as gone (a finding of a removed sentence's "only" or "consent", no
    item, no new value) is set again by a sentence of the new document that the old one does not hold word for word
    (a sentence the old document told binds its own practice), that sets every limit the finding names and
    names at least `_SHARED` and `_SHARE` of the removed sentence's content words (its verbs of processing and limit
    words aside: what it bounded). Asked only of a whole document
    rewritten in many paragraphs (`prose._rewritten_alike_out`): in a single edit a sentence cut is the change."""
    if f.kind.value != "wider-scope" or f.item is not None or f.new is not None or not f.words or not f.sentence:
        return False
    bounds = {_BOUNDS.get(word) for word in f.words}
    if None in bounds or new.has_sentence(f.sentence) or not old.has_sentence(f.sentence):
        return False
    mine = content_stems(f.sentence) - _NOT_BOUNDED
    if len(mine) < _SHARED:
        return False
    for unit in new.units():
        if unit.heading or unit.title:
            continue
        shared = len(mine & content_stems(unit.text))     # (`mine` holds no word of `_NOT_BOUNDED`)
        # (The words first: a sentence's reading is made when first asked.)
        if shared >= _SHARED and shared >= _SHARE * len(mine) and bounds <= unit.statement.limits \
                and not old.has_sentence(unit.text):
            return True
    return False


def denial_kept(f: ProseFinding, old: DocumentText, new: DocumentText, cache: dict[str, object],
                alone: bool = False) -> bool:
    """Whether a value "denied and now stated" in a document rewritten whole is one the old document both denied and
    stated, the new document still denies, and whose new line the old document tells in full (realfa41). The
    reading compares a section: its old text denied the value in one context ("we don't need your email address to
    show you the leaderboard") and a line of the rewrite, moved in or summed up, states it in another ("To open an
    account, we need a name, an email address and a year group"), which the old document said elsewhere. Art. 13
    asks what the notice tells: the denial stands in the new document and the statement stood in the old, so the
    document tells no practice it denied. The line is read as rewrite39 reads a value new to its section
    (`gathered.stated_in_old_document`: every value, relation, number and name of the line stated by the old
    document); a consent-level reading (a sale, advertising, special data) is not asked, nor a value the new document
    no longer denies anywhere (the denial turned is the change)."""
    from .gathered import CONSENT_FRAMES, REWRITTEN_ITEMS, told_by_old_values
    from .prose import ProseKind  # (prose imports this module)

    if not (alone or (old.whole and new.whole)) or f.kind is not ProseKind.NOW_STATED or not f.key or not f.sentence:
        return False
    if f.item not in REWRITTEN_ITEMS or f.implied in CONSENT_FRAMES or new.document.section(f.section) is None:
        return False
    value = (f.item, f.key)
    if not (new.negative(value) and old.negative(value) and old.positive(value)):
        return False
    if f.key == _WHOLE:
        # The data as a whole ("your data", "personal data") is no kind of data the notice lists (Art. 13(1)(c)-(e)
        # name kinds, ends and recipients): a policy that states it processes personal data and still denies something
        # of it tells nothing new by stating it once more; what the line says of ends and recipients their own
        # findings judge.
        return True
    return told_by_old_values(f, old, new, cache, parties=True)
