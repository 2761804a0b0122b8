"""The project's own golden files, kept with the pytest fixtures product teams use.

Update them after an intended content change with: make snapshots
"""

from __future__ import annotations

import pytest

from conftest import REPO


@pytest.mark.parametrize("region", ["us", "br"])
def test_website_statement(statement_snapshot, region):
    statement_snapshot("website", region, root=REPO)


@pytest.mark.parametrize("section, region", [("lenovo-vantage", "eu"), ("moto-face-unlock", "br"),
                                             ("contact", "br"), ("contact", "cn")])
def test_products_sections(section_snapshot, section, region):
    section_snapshot("products", section, region, root=REPO)
