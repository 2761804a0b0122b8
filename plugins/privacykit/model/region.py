"""Regions and their fallback chains (`us-ca` -> `us` -> `global`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Region:
    """A market whose readers see one resolved text of each statement."""

    id: str
    name: str
    parent: str | None = None
    locale: str = "en"
    laws: tuple[str, ...] = ()
    variables: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))


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
