"""Shared fixtures: the CONTACT-01 example parsed, mapped and loaded into an in-memory store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build
from kg.resources import bundled_path

FIXTURES = Path(__file__).parent / "fixtures"
SEED = bundled_path("examples", "contact-01.pubmed.txt")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((FIXTURES / "contact-01.gold.json").read_text())


@pytest.fixture(scope="session")
def contact_build():
    store = pyoxigraph.Store()
    result = build([SEED], store, progress=lambda _m: None)
    return store, result.documents[0]


@pytest.fixture(scope="session")
def contact_store(contact_build):
    return contact_build[0]


@pytest.fixture(scope="session")
def contact_doc(contact_build):
    return contact_build[1]
