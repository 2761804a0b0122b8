"""The order the test suite runs in under pytest-xdist (conftest.long_first): each worker's chunk opens on its
long tests, and the tests of a heavy session fixture run in the chunk whose worker builds it."""

from __future__ import annotations

from dataclasses import dataclass, field

from conftest import HEAVY_FIXTURES, LONG_TESTS, chunk_sizes, heavy_owners, long_first, worker_chunk


@dataclass(eq=False)
class Item:
    nodeid: str
    fixturenames: list[str] = field(default_factory=list)


def _items() -> list[Item]:
    long = sorted(LONG_TESTS, key=LONG_TESTS.get)[-6:]
    items = [Item(f"tests/test_a.py::test_{n}") for n in range(40)]
    items += [Item(f"tests/{name}") for name in long]
    items += [Item(f"tests/test_b.py::test_corpus_{n}", ["corpus_imports"]) for n in range(5)]
    items += [Item(f"tests/test_c.py::test_site_{n}", ["example_site", "tmp_path"]) for n in range(5)]
    items += [Item(f"tests/test_d.py::test_pdf_{n}", ["pdf_site"]) for n in range(3)]
    return items + [Item(f"tests/test_e.py::test_{n}") for n in range(30)]


def test_every_test_runs_once_in_chunks_of_the_schedulers_sizes():
    items = _items()
    for workers in (2, 3):
        ordered = long_first(items, workers)
        assert sorted(i.nodeid for i in ordered) == sorted(i.nodeid for i in items)
        assert len({id(i) for i in ordered}) == len(items)
        assert sum(chunk_sizes(len(items), workers)) == len(items)


def test_the_tests_of_a_heavy_fixture_run_in_the_chunk_that_builds_it_and_long_tests_open_the_chunks():
    items = _items()
    owners = heavy_owners(items, 2)
    assert set(owners) == set(HEAVY_FIXTURES)
    assert owners["corpus_imports"] != owners["example_site"]     # built side by side
    ordered = long_first(items, 2)
    sizes = chunk_sizes(len(items), 2)
    chunks = [ordered[:sizes[0]], ordered[sizes[0]:]]
    for name, n in owners.items():
        assert all(item in chunks[n] for item in items if name in item.fixturenames), name
    for chunk in chunks:
        weights = [LONG_TESTS.get(i.nodeid.split("/", 1)[1], 0) for i in chunk]
        opening = weights[:sum(w > 0 for w in weights)]
        assert all(opening) and opening == sorted(opening, reverse=True)
    # A worker tells its chunk by the first test it runs, whichever worker the scheduler sent it to.
    assert [worker_chunk(ordered, chunk[0], 2) for chunk in chunks] == [0, 1]
    assert worker_chunk(ordered, ordered[1], 2) is None
