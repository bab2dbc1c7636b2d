"""Pages of ../shared/data/pool copied to tests/fixtures/pool, read whole: the trial each reports."""

from __future__ import annotations

from pathlib import Path

from kg.model import Trial
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def trial_of(pmid: str) -> Trial:
    """The trial the pool page PMID<pmid> (or PMC<id>) reports (the page must report one)."""
    name = pmid if pmid.startswith("PMC") else f"PMID{pmid}"  # PubMed Central pages are named by PMCID
    trial = read_document(POOL / f"{name}.txt").trial
    assert trial is not None
    return trial
