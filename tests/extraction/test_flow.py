"""kg.extraction.flow: the participant counts a results section prints, per stage and arm.

Each test reads a real page (tests/fixtures/pool, or ../shared/data/abstracts quoted) and checks
the counts exactly.
"""

from __future__ import annotations

from pathlib import Path

from kg.extraction.armrefs import ArmFinder
from kg.extraction.flow import participant_flow
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document


def _arm(label: str, *aliases: str) -> Arm:
    return Arm(label=label, aliases=list(aliases), interventions=[Intervention(drug=Drug(name=label))])


def test_per_arm_parts_printed_after_the_stage_of_a_whole_count():
    # PMID20493771 (tests/fixtures/pool): '884 patients were analysable for PFS; 437 in the erlotinib
    # group and 447 in the placebo group.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID20493771.txt").trial
    assert [(c.stage, c.arm, c.count) for c in trial.participant_flow if c.stage == "evaluable"] == [
        ("evaluable", None, 884),
        ("evaluable", "erlotinib", 437),
        ("evaluable", "placebo", 447),
    ]


def test_parts_in_a_bracket_after_the_stage():
    # PMID15741225 (../shared/data/abstracts): 'A total of 311 patients were enrolled (155 GD and 156 CV).'
    finder = ArmFinder([_arm("gemcitabine + docetaxel", "GD"), _arm("cisplatin + vinorelbine", "CV")])
    sents = sentences("RESULTS", "A total of 311 patients were enrolled (155 GD and 156 CV).")
    assert [(c.stage, c.arm, c.count) for c in participant_flow(sents, finder)] == [
        ("enrolled", None, 311),
        ("enrolled", "gemcitabine + docetaxel", 155),
        ("enrolled", "cisplatin + vinorelbine", 156),
    ]


def test_who_received_the_assigned_intervention_and_its_parts():
    # PMID30280658 (PACIFIC, tests/fixtures/pool): 'Of the 713 patients who underwent randomization, 709
    # received the assigned intervention (473 patients received durvalumab and 236 received placebo).'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID30280658.txt").trial
    assert [(c.stage, c.arm, c.count) for c in trial.participant_flow if c.stage == "treated"] == [
        ("treated", None, 709),
        ("treated", "durvalumab", 473),
        ("treated", "placebo", 236),
    ]
