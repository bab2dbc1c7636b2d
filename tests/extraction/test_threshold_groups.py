"""kg.extraction.threshold_groups (with contrasts and bare_ratios): subgroups named by a
threshold of a score, each printed with its ratio.

Sentences quoted from ../shared/data/abstracts (copied to tests/fixtures/abstracts), read whole.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.threshold_groups import threshold_group
from kg.sources import read_document

_ABSTRACTS = Path(__file__).parents[1] / "fixtures" / "abstracts"


def test_each_threshold_population_with_its_ratio():
    # PMID30955977: 'Overall survival was significantly longer in the pembrolizumab group than in the
    # chemotherapy group in all three TPS populations (≥50% hazard ratio 0·69, 95% CI 0·56-0·85, p=0·0003;
    # ≥20% 0·77, 0·64-0·92, p=0·0020, and ≥1% 0·81, 0·71-0·93, p=0·0018).' (before: 'tumour proportion
    # score' was the endpoint, and the later two ratios were read as p-values alone)
    trial = read_document(_ABSTRACTS / "PMID30955977.txt").trial
    found = [
        (c.endpoint, c.subgroup, c.estimate, c.ci_lower, c.ci_upper, c.p_value)
        for c in trial.comparisons
        if c.p_value in (Decimal("0.0003"), Decimal("0.0020"), Decimal("0.0018"))
    ]
    assert found == [
        (
            "overall survival",
            "TPS ≥50%",
            Decimal("0.69"),
            Decimal("0.56"),
            Decimal("0.85"),
            Decimal("0.0003"),
        ),
        (
            "overall survival",
            "TPS ≥20%",
            Decimal("0.77"),
            Decimal("0.64"),
            Decimal("0.92"),
            Decimal("0.0020"),
        ),
        ("overall survival", "TPS ≥1%", Decimal("0.81"), Decimal("0.71"), Decimal("0.93"), Decimal("0.0018")),
    ]


def test_a_threshold_is_a_subgroup_only_where_the_sentence_names_what_it_is_of():
    text = "Survival was longer (≥50% hazard ratio 0.69"
    assert threshold_group(text, text.index("0.69")) is None
    text = "Survival was longer in the PD-L1 subgroups (≥50% hazard ratio 0.69"
    assert threshold_group(text, text.index("0.69")) == "PD-L1 ≥50%"


def test_a_ratio_figure_begins_at_the_threshold_that_names_its_subgroup():
    # PMID30955977: '... (≥50% hazard ratio 0·69, 95% CI 0·56-0·85, p=0·0003; ≥20% 0·77, ...': the first
    # part's threshold is the fact's, as the later parts' are (before: its span began at 'hazard ratio',
    # leaving 50 unread)
    trial = read_document(_ABSTRACTS / "PMID30955977.txt").trial
    (first,) = [c for c in trial.comparisons if c.p_value == Decimal("0.0003")]
    assert first.evidence.quote == "≥50% hazard ratio 0·69, 95% CI 0·56-0·85, p=0·0003"
