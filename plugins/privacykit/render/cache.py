"""A small bounded cache that outlives one build, for `mkdocs serve`.

Keys are content digests, so an entry can never be stale: a changed text has another key.
Rebuilds after an edit then redo only the work for texts that changed.

A cache is bounded by its number of entries and, optionally, by the size of the text it
holds: a long history of a large statement has hundreds of distinct 500 KB bodies, which
must not all stay in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any


def text_size(value: Any) -> int:
    """The characters of a value's text: a string, or the strings of a tuple or list."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (tuple, list)):
        return sum(len(item) for item in value if isinstance(item, (str, bytes)))
    return 0


class BoundedCache:
    """Least-recently-used mapping with at most `size` entries and, with `budget`, at most
    about that many characters of text (as `weigh` counts them; the newest entry always stays)."""

    def __init__(self, size: int, budget: int | None = None, weigh: Callable[[Any], int] = text_size):
        self.size = size
        self.budget = budget
        self.weigh = weigh
        self._items: OrderedDict = OrderedDict()
        self._weights: dict[Any, int] = {}
        self._total = 0

    def get_or_make(self, key: Any, make: Callable[[], Any]) -> Any:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self.put(key, value)
        return value

    def get(self, key: Any) -> Any:
        """The value of `key` (now the most recently used), or None."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        if key in self._items:
            self._total -= self._weights.pop(key)
        self._items[key] = value
        weight = self.weigh(value) if self.budget is not None else 0
        self._weights[key] = weight
        self._total += weight
        while len(self._items) > 1 and (len(self._items) > self.size or
                                        (self.budget is not None and self._total > self.budget)):
            old, _ = self._items.popitem(last=False)
            self._total -= self._weights.pop(old)

    def __contains__(self, key: Any) -> bool:
        return key in self._items

    def clear(self) -> None:
        self._items.clear()
        self._weights.clear()
        self._total = 0
