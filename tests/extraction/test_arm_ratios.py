"""kg.extraction.arm_ratios (with contrasts): ratios of one endpoint printed arm by arm.

Read from a real page copied to tests/fixtures/pool (PMID beside each test).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document


def test_each_ratio_of_a_list_is_the_arm_named_after_it_against_the_arm_named_last():
    # PMID19188680: 'PFS was significantly prolonged; the hazard ratios for PFS were 0.75 (median PFS,
    # 6.7 v 6.1 months for placebo; P = .003) in the low-dose group and 0.82 (median PFS, 6.5 v 6.1
    # months for placebo; P = .03) in the high-dose group compared with placebo.' (before: neither
    # ratio was read)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID19188680.txt").trial
    ratios = [
        (c.endpoint, c.estimate, c.arm, c.comparator)
        for c in trial.comparisons
        if c.statistic == "hazard_ratio"
    ]
    low, high, placebo = (a.label for a in trial.arms)
    assert "15 mg/kg" in high and "placebo" in placebo
    assert ratios == [
        ("progression-free survival", Decimal("0.75"), low, placebo),
        ("progression-free survival", Decimal("0.82"), high, placebo),
    ]
