"""Stores for the evidence-synthesis tests: the seed, the 26 abstracts and the registry records
of tests/fixtures as ``ctkg build`` loads them; and a three-arm trial (PMID22949150, IFCT-GFPC
0502) whose abstract prints two hazard ratios against one control arm, as ``ctkg build`` loads it."""

from __future__ import annotations

import pyoxigraph
import pytest
from conftest import FIXTURES, SEED

from kg.build import build


@pytest.fixture(scope="session")
def synthesis_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    inputs = [SEED, FIXTURES / "abstracts", FIXTURES / "ctgov", FIXTURES / "ctgov-more"]
    build(inputs, store, progress=lambda _m: None, keep_going=True)
    return store


@pytest.fixture(scope="session")
def three_arm_store() -> pyoxigraph.Store:
    """IFCT-GFPC 0502: 'PFS was significantly prolonged by gemcitabine (...; hazard ratio [HR],
    0.56; 95% CI, 0.44 to 0.72; ...) and erlotinib (...; HR, 0.69; 95% CI, 0.54 to 0.88; ...)
    versus observation'."""
    store = pyoxigraph.Store()
    build([FIXTURES / "synthesis" / "PMID22949150.txt"], store, progress=lambda _m: None)
    return store
