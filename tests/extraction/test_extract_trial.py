"""kg.extraction.extract_trial over real pages: every page that reports a randomised trial
yields a trial with two or more arms.

The pages are the real PubMed pages of tests/fixtures/pool and tests/fixtures/pages (sources
in their SOURCES files); which of them report a randomised trial is judged by
``kg.extraction.report_kind``, which reads nothing the extractor reads.  A page with a title
and no abstract text is left out: a title alone cannot name two arms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction.report_kind import reports_randomised_trial
from kg.sources import read_document

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = sorted([*(FIXTURES / "pool").glob("PMID*.txt"), *(FIXTURES / "pages").glob("PMID*.txt")])

# pages where it does not hold today, with what the extractor gives instead
FAILING = {
    "PMID10561343": "read_document(...).trial is None: 'Phase III study of concurrent versus sequential thoracic "
    "radiotherapy in combination with mitomycin, vindesine, and cisplatin' with 'In the concurrent arm ...; In "
    "the sequential arm ...' yields no trial at all",
}


def _trial_reports() -> list:
    out = []
    for path in PAGES:
        doc = read_document(path)
        if not any(s.text.strip() for s in doc.abstract):
            continue
        if reports_randomised_trial(doc.publication.title or "", doc.abstract).randomised:
            reason = FAILING.get(path.stem)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(path, id=f"{path.parent.name}/{path.stem}", marks=marks))
    return out


TRIAL_REPORTS = _trial_reports()


def test_the_fixture_pages_hold_trial_reports_of_both_folders():
    folders = {p.values[0].parent.name for p in TRIAL_REPORTS}
    assert folders == {"pool", "pages"}


@pytest.mark.parametrize("path", TRIAL_REPORTS)
def test_a_randomised_trial_report_yields_two_or_more_arms(path: Path):
    trial = read_document(path).trial
    assert trial is not None
    assert len(trial.arms) >= 2
    assert all(arm.interventions for arm in trial.arms)
