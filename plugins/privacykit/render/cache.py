"""A small bounded cache that outlives one build, for `mkdocs serve`.

Keys are content digests, so an entry can never be stale: a changed text has another key.
Rebuilds after an edit then redo only the work for texts that changed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class BoundedCache:
    """Least-recently-used mapping with at most `size` entries."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()

    def get_or_make(self, key: Any, make: Callable[[], Any]) -> Any:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()
