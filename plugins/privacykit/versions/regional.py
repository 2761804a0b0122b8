"""Which releases are versions of a statement in one region: the one place that decides it.

A release is a record of the whole statement (every region it includes, the chain, `verify`);
a *version* of a region is what readers there are shown as one. A release that left a region's
text as it was (a release that changed only other regions, or translated another language's) is
no version there: it has no page, archive row, feed entry, API entry or fragment folder in that
region, it is not "the version in force" there, and it does not replace the version before it
(versions44). The site (pages, archive, feed, API, fragments), the gate's table and evidence
bundles all read `region_versions` (bundles through `versions_among`, from what the manifests
record or what their frozen text recomputes); nothing else filters releases by region.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..model.document import ResolvedDocument
from ..model.rules import Action
from .store import Version, VersionStore

# A decision that tells readers of a region something: a release that asked it is a version there
# even if its text read the same (its readers were notified, or asked to consent again).
TOLD = (Action.NOTIFY, Action.CONSENT)


@dataclass(frozen=True)
class Published:
    """What a release publishes in one region, as `region_versions` compares it (bundle45): the
    `fingerprint` of the text a reader reads there (`ResolvedDocument.fingerprint`: words, titles,
    order, language), the sha256 of what it declares (`facts`), and the `language` it reads in.
    A manifest records it per region (`texts`); it is recomputed from a frozen document alike."""

    fingerprint: str
    facts: str
    language: str

    @classmethod
    def of(cls, document: ResolvedDocument) -> Published:
        facts = json.dumps(document.facts.to_dict(), sort_keys=True, ensure_ascii=False)
        return cls(document.fingerprint, hashlib.sha256(facts.encode("utf-8")).hexdigest(),
                   document.text_language())

    @classmethod
    def from_manifest(cls, data: object) -> Published | None:
        """A manifest's `texts` entry, or None when it is not one (an older manifest has none)."""
        if not isinstance(data, Mapping) or not all(isinstance(data.get(k), str)
                                                    for k in ("fingerprint", "facts", "language")):
            return None
        return cls(data["fingerprint"], data["facts"], data["language"])

    def to_manifest(self) -> dict[str, str]:
        return {"language": self.language, "fingerprint": self.fingerprint, "facts": self.facts}


def versions_among(releases: Sequence[Version], region: str,
                   published: Callable[[Version], Published]) -> list[Version]:
    """The versions of a statement in `region`, oldest first, among its `releases` (oldest first):
    the first release that includes the region, then each later one that includes it and changed
    what the region publishes since the version before: the text a reader reads (its fingerprint),
    what it declares (its facts, in the API), or whose recorded decision there tells readers (notify,
    consent). A release that leaves the region out (dropped from regions.yml) ends its version: the
    next one that includes it again begins a version, whatever its text (mend1). `published(release)`
    is what the release publishes in the region."""
    versions: list[Version] = []
    last: Published | None = None
    for release in releases:
        if region not in release.regions:
            last = None
            continue
        current = published(release)
        judged = release.region_verdict(region)
        if (last is None or current.fingerprint != last.fingerprint or current.facts != last.facts
                or (judged is not None and judged.decision in TOLD)):
            versions.append(release)
            last = current
    return versions


def region_versions(releases: Sequence[Version], region: str,
                    document: Callable[[Version], ResolvedDocument]) -> list[Version]:
    """`versions_among` the `releases`, where `document(release)` is the release's frozen document in
    the region (the site passes the ones it has read already)."""
    return versions_among(releases, region, lambda release: Published.of(document(release)))


def versions_in(store: VersionStore, statement: str, region: str,
                releases: Sequence[Version] | None = None) -> list[Version]:
    """`region_versions` of `statement` in `region`, reading the frozen documents from `store`."""
    return region_versions(store.versions(statement) if releases is None else releases, region,
                           lambda release: store.document(release, region))
