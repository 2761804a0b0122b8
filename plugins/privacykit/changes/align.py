"""Aligning two sequences (sections, blocks, words) in near-linear time.

`difflib.SequenceMatcher` is quadratic in the worst case: on long, repetitive inputs
(a 3,000-word paragraph, 20,000 alike blocks) it takes seconds to minutes. This is a
patience diff: the common head and tail are trimmed, elements that occur exactly once on
each side anchor the alignment (their longest increasing run), and the gaps between
anchors are aligned the same way. Gaps without a unique element are anchored on their
least frequent common element; small gaps are left to difflib, whose result is optimal
there. A budget bounds the total work, so no input makes it quadratic: a region left
when the budget is spent is reported as replaced.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Hashable, Sequence
from typing import NamedTuple

# Regions at most this large (len(a) * len(b)) are aligned by difflib.
SMALL_REGION = 4_096
# Work allowed per element of the inputs before the remaining regions are replaced whole.
WORK_PER_ELEMENT = 64


class Opcode(NamedTuple):
    """One step turning a[i1:i2] into b[j1:j2]: 'equal', 'replace', 'delete' or 'insert'."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def align(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Opcodes (as `difflib.SequenceMatcher.get_opcodes`) turning `a` into `b`."""
    matches = _matches(a, b)
    out: list[Opcode] = []
    i = j = 0
    for ai, bj, size in matches:
        if i < ai and j < bj:
            out.append(Opcode("replace", i, ai, j, bj))
        elif i < ai:
            out.append(Opcode("delete", i, ai, j, j))
        elif j < bj:
            out.append(Opcode("insert", i, i, j, bj))
        if size:
            out.append(Opcode("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return out


def _matches(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int, int]]:
    """Matching runs (i, j, size) in increasing order, closed by (len(a), len(b), 0)."""
    found: list[tuple[int, int, int]] = []
    budget = WORK_PER_ELEMENT * (len(a) + len(b) + 1)
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        # The common head and tail (most edits touch a few places).
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        if head:
            found.append((alo, blo, head))
            alo, blo = alo + head, blo + head
        tail = 0
        while ahi - tail > alo and bhi - tail > blo and a[ahi - 1 - tail] == b[bhi - 1 - tail]:
            tail += 1
        if tail:
            found.append((ahi - tail, bhi - tail, tail))
            ahi, bhi = ahi - tail, bhi - tail
        if alo == ahi or blo == bhi:
            continue
        if (ahi - alo) * (bhi - blo) <= SMALL_REGION:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            found.extend((alo + m.a, blo + m.b, m.size) for m in matcher.get_matching_blocks() if m.size)
            continue
        budget -= (ahi - alo) + (bhi - blo)
        if budget < 0:
            continue  # out of budget: the region is replaced whole
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            continue  # nothing in common
        # The gaps between anchors are aligned in turn (pushed in reverse so order is kept).
        gaps = []
        i, j = alo, blo
        for ai, bj in anchors:
            found.append((ai, bj, 1))
            gaps.append((i, ai, j, bj))
            i, j = ai + 1, bj + 1
        gaps.append((i, ahi, j, bhi))
        stack.extend(gap for gap in reversed(gaps) if gap[0] < gap[1] or gap[2] < gap[3])
    found.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, size in found:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((i, j, size))
    merged.append((len(a), len(b), 0))
    return merged


def _anchors(a: Sequence[Hashable], alo: int, ahi: int, b: Sequence[Hashable], blo: int,
             bhi: int) -> list[tuple[int, int]]:
    """Pairs (i, j) to align on: unique common elements, else the rarest common one."""
    count_a: dict[Hashable, int] = {}
    where_a: dict[Hashable, int] = {}
    for i in range(alo, ahi):
        x = a[i]
        count_a[x] = count_a.get(x, 0) + 1
        where_a[x] = i
    count_b: dict[Hashable, int] = {}
    where_b: dict[Hashable, int] = {}
    for j in range(blo, bhi):
        x = b[j]
        if x in count_a:
            count_b[x] = count_b.get(x, 0) + 1
            where_b[x] = j
    if not count_b:
        return []
    unique = sorted((where_a[x], where_b[x]) for x, n in count_b.items() if n == 1 and count_a[x] == 1)
    if unique:
        return _longest_increasing(unique)
    # No element is unique on both sides: pair the occurrences of the rarest common one in order.
    rarest = min(count_b, key=lambda x: (max(count_a[x], count_b[x]), count_a[x] + count_b[x]))
    ia = [i for i in range(alo, ahi) if a[i] == rarest]
    jb = [j for j in range(blo, bhi) if b[j] == rarest]
    if len(ia) == len(jb):
        return list(zip(ia, jb, strict=True))
    # Unequal counts: keep the first and last occurrences paired, which always makes progress.
    n = min(len(ia), len(jb))
    half = n // 2
    start_a, start_b = len(ia) - (n - half), len(jb) - (n - half)
    return list(zip(ia[:half], jb[:half], strict=True)) + list(zip(ia[start_a:], jb[start_b:], strict=True))


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by i) whose j also increase (patience sorting)."""
    tails: list[int] = []          # smallest j ending a run of each length
    tail_index: list[int] = []     # index in `pairs` of that j
    previous: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    out = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        out.append(pairs[k])
        k = previous[k]
    out.reverse()
    return out
