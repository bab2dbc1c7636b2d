"""Events named with a slash, each arm's percents joined by it (kg.extraction.ae_slash_runs)."""

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

PAGE = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID27022112.txt"


def test_each_arms_slash_run_takes_the_slashed_events_in_order():
    # PMID27022112: 'The primary grade 3 or 4 toxicities were rash (2.2% for gefitinib v 18.1% for
    # erlotinib) and alanine aminotransferase (ALT)/aspartate aminotransferase (AST) elevation
    # (6.1%/13.0% for gefitinib v 2.2%/3.3% for erlotinib).' (before: the slashed pairs were unread)
    trial = read_document(PAGE).trial
    got = [
        (e.arm, e.category, e.treatment_related, e.term, e.percent)
        for e in trial.adverse_events
        if e.term and "aminotransferase" in e.term
    ]
    alt, ast = "alanine aminotransferase elevation", "aspartate aminotransferase elevation"
    assert got == [
        ("gefitinib", "grade 3-4", True, alt, Decimal("6.1")),
        ("gefitinib", "grade 3-4", True, ast, Decimal("13.0")),
        ("erlotinib", "grade 3-4", True, alt, Decimal("2.2")),
        ("erlotinib", "grade 3-4", True, ast, Decimal("3.3")),
    ]
