"""Which releases are versions of a statement in one region: the one place that decides it.

A release is a record of the whole statement (every region it includes, the chain, `verify`);
a *version* of a region is what readers there are shown as one. A release that left a region's
text as it was (a release that changed only other regions, or translated another language's) is
no version there: it has no page, archive row, feed entry, API entry or fragment folder in that
region, it is not "the version in force" there, and it does not replace the version before it
(versions44). The site (pages, archive, feed, API, fragments), the gate's table and evidence
bundles all read `region_versions`; nothing else filters releases by region.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model.document import ResolvedDocument
from ..model.rules import Action
from .store import Version, VersionStore

# A decision that tells readers of a region something: a release that asked it is a version there
# even if its text read the same (its readers were notified, or asked to consent again).
TOLD = (Action.NOTIFY, Action.CONSENT)


def region_versions(releases: Sequence[Version], region: str,
                    document: Callable[[Version], ResolvedDocument]) -> list[Version]:
    """The versions of a statement in `region`, oldest first, among its `releases` (oldest first):
    the first release that includes the region, then each later one that includes it and changed
    what the region publishes since the version before: the text a reader reads (its
    `fingerprint`: words, titles, order, language), what it declares (its facts, in the API), or
    whose recorded decision there tells readers (notify, consent). `document(release)` is the
    release's frozen document in the region (the site passes the ones it has read already)."""
    versions: list[Version] = []
    last: ResolvedDocument | None = None
    for release in releases:
        if region not in release.regions:
            continue
        current = document(release)
        judged = release.region_verdict(region)
        if (last is None or current.fingerprint != last.fingerprint or current.facts != last.facts
                or (judged is not None and judged.decision in TOLD)):
            versions.append(release)
            last = current
    return versions


def versions_in(store: VersionStore, statement: str, region: str,
                releases: Sequence[Version] | None = None) -> list[Version]:
    """`region_versions` of `statement` in `region`, reading the frozen documents from `store`."""
    return region_versions(store.versions(statement) if releases is None else releases, region,
                           lambda release: store.document(release, region))
