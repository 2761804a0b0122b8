"""Regions and their fallback chains (`us-ca` -> `us` -> `global`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def primary_language(tag: str) -> str:
    """The primary language of a language tag or locale, in lower case: `pt-BR` (or `pt_BR`) -> `pt`."""
    return tag.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Region:
    """A market whose readers see one resolved text of each statement."""

    id: str
    name: str
    parent: str | None = None
    locale: str = "en"
    laws: tuple[str, ...] = ()
    variables: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    language: str | None = None      # BCP 47 tag of the statement text; None: the parent's


class RegionSet:
    """All regions of a project. Construct only from a validated, acyclic mapping."""

    def __init__(self, regions: dict[str, Region]):
        self._regions = dict(regions)

    def __contains__(self, region_id: object) -> bool:
        return region_id in self._regions

    def __getitem__(self, region_id: str) -> Region:
        return self._regions[region_id]

    def __iter__(self):
        return iter(self._regions.values())

    def __len__(self) -> int:
        return len(self._regions)

    def suggest(self, value: str) -> str:
        """A hint for an unknown region `value` (author44): the region whose id is near it, else whose name, id
        or locale it spells out ('brazil' for `br`, named Brasil; 'china' for `cn`; 'pt-br'), else the ids."""
        import difflib

        wanted = str(value).casefold().replace("_", "-")
        ids = list(self._regions)
        close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.75)
        if not close:
            named = {r.name.casefold(): rid for rid, r in self._regions.items() if r.name}
            close = [named[n] for n in difflib.get_close_matches(wanted, list(named), n=1, cutoff=0.7)]
        if not close:
            close = [rid for rid, r in self._regions.items() if (r.locale or "").casefold() == wanted]
        if not close:
            close = [rid for rid in ids if len(rid) >= 2 and wanted.startswith(rid) and len(wanted) <= len(rid) + 5]
        if close:
            region = self._regions[close[0]]
            return f"did you mean '{close[0]}' ({region.name})?"
        return f"use one of: {', '.join(sorted(ids)[:6])}, …"

    @property
    def ids(self) -> list[str]:
        return list(self._regions)

    def chain(self, region_id: str) -> list[str]:
        """The region and its ancestors, nearest first: ['us-ca', 'us', 'global']."""
        out = []
        current: str | None = region_id
        while current is not None:
            out.append(current)
            current = self._regions[current].parent
        return out

    def is_within(self, region_id: str, ancestor: str) -> bool:
        """True when `region_id` is `ancestor` or one of its descendants."""
        return ancestor in self.chain(region_id)

    def variables(self, region_id: str) -> dict[str, Any]:
        """Variables of the region merged along its chain; the nearest region wins."""
        merged: dict[str, Any] = {}
        for rid in reversed(self.chain(region_id)):
            merged.update(self._regions[rid].variables)
        return merged

    def language(self, region_id: str) -> str:
        """The language readers of a region read: the nearest declared one along its chain.

        A chain that declares none reads the source language, named after the root
        region's locale (`en-US` -> `en`).
        """
        for rid in self.chain(region_id):
            if self._regions[rid].language:
                return self._regions[rid].language  # type: ignore[return-value]
        return primary_language(self._regions[self.chain(region_id)[-1]].locale)

    def source_language(self, region_id: str) -> str:
        """The language statements are written in for this region: its root region's."""
        return self.language(self.chain(region_id)[-1])

    def translates(self, region_id: str) -> bool:
        """True when the region reads statements translated from their source language."""
        return self.language(region_id) != self.source_language(region_id)

    def laws(self, region_id: str) -> tuple[str, ...]:
        """Laws of the region and of every ancestor (a US-California reader is also a US one)."""
        seen: list[str] = []
        for rid in self.chain(region_id):
            for law in self._regions[rid].laws:
                if law not in seen:
                    seen.append(law)
        return tuple(seen)


def find_cycle(parents: dict[str, str | None]) -> list[str] | None:
    """Return one parent cycle (as a list of ids) if there is one, else None."""
    for start in parents:
        path: list[str] = []
        current: str | None = start
        while current is not None and current in parents:
            if current in path:
                return [*path[path.index(current):], current]
            path.append(current)
            current = parents[current]
    return None
