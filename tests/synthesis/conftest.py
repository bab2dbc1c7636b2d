"""Stores for the evidence-synthesis tests: the seed, the 25 abstracts and the registry records
of tests/fixtures as ``ctkg build`` loads them; and a three-arm trial whose two hazard ratios
against one control arm are given as a reader of its abstract gives them."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph
import pytest
from conftest import FIXTURES, SEED, quoted

from kg.build import build
from kg.model import Comparison
from kg.sources import read_document

# PMID22949150 (IFCT-GFPC 0502), RESULTS: the hazard ratios of both maintenance arms vs observation
IFCT_0502 = (
    "PFS was significantly prolonged by gemcitabine (median, 3.8 v 1.9 months; hazard ratio [HR], 0.56;"
    " 95% CI, 0.44 to 0.72; log-rank P < .001) and erlotinib (median, 2.9 v 1.9 months; HR, 0.69; 95% CI,"
    " 0.54 to 0.88; log-rank P = .003) versus observation; this benefit was consistent across all"
    " clinical subgroups."
)
GEMCITABINE = "hazard ratio [HR], 0.56; 95% CI, 0.44 to 0.72"
ERLOTINIB = "HR, 0.69; 95% CI, 0.54 to 0.88"


@pytest.fixture(scope="session")
def synthesis_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    inputs = [SEED, FIXTURES / "abstracts", FIXTURES / "ctgov", FIXTURES / "ctgov-more"]
    build(inputs, store, progress=lambda _m: None, keep_going=True)
    return store


def _hr(arm: str, quote: str, estimate: str, lower: str, upper: str) -> Comparison:
    return Comparison(
        endpoint="progression-free survival",
        statistic="hazard_ratio",
        arm=arm,
        comparator="observation",
        estimate=Decimal(estimate),
        ci_lower=Decimal(lower),
        ci_upper=Decimal(upper),
        ci_level=Decimal(95),
        evidence=quoted("RESULTS", IFCT_0502, quote),
    )


@pytest.fixture(scope="session")
def three_arm_store() -> pyoxigraph.Store:
    """IFCT-GFPC 0502 with its two printed hazard ratios, each on its own arm."""
    from kg.mapping import document_graph
    from kg.namespaces import DEFAULT_BASE
    from kg.stores.embedded import replace_graphs

    doc = read_document(FIXTURES / "synthesis" / "PMID22949150.txt")
    results = next(s.text for s in doc.abstract if s.label == "RESULTS")
    assert IFCT_0502 in " ".join(results.split())
    comparisons = [
        _hr("gemcitabine", GEMCITABINE, "0.56", "0.44", "0.72"),
        _hr("erlotinib", ERLOTINIB, "0.69", "0.54", "0.88"),
    ]
    doc.trial = doc.trial.model_copy(update={"comparisons": comparisons})
    store = pyoxigraph.Store()
    replace_graphs(store, [document_graph(doc, DEFAULT_BASE)])
    return store
