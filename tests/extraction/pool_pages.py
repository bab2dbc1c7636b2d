"""Pages of ../shared/data/pool copied to tests/fixtures/pool, read whole: the trial each reports."""

from __future__ import annotations

from pathlib import Path

from kg.model import Trial
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def trial_of(pmid: str) -> Trial:
    """The trial the pool page PMID<pmid> reports (the page must report one)."""
    trial = read_document(POOL / f"PMID{pmid}.txt").trial
    assert trial is not None
    return trial
