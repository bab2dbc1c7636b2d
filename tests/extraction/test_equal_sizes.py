"""kg.extraction.equal_sizes: arms of one size printed once for all of them.

Each test quotes a real abstract of the PMC sets (``benchmarks/pmc``; its id beside it) and reads it
through ``extract_trial``.
"""

from __future__ import annotations

# PMC5009836
PARTURIENTS = (
    "Eighty-two healthy parturients undergoing elective CD were included in the study. Patients were randomly "
    "assigned to two groups (41 patients in each group) to receive either Lactated Ringer's solution (1500 ml) or "
    "hydroxyethyl starch (6% in normal saline, 500 ml) 30 min prior to placement of spinal anesthesia."
)
# PMC3511948
CESAREAN = (
    "60 women undergoing elective cesarean section were allocated into three groups of 20 each in a randomized "
    "blinded fashion. Epidural analgesia was administered with sufentanil 50 mcg in Group S; morphine 4 mg in Group "
    "M; and, a combination of sufentanil 25 mcg and morphine 2 mg was used in Group SM."
)


def test_a_size_in_each_group_is_every_arms(read):
    # before: no arm sized, no total
    reading = read("", ("MATERIAL AND METHODS", PARTURIENTS))
    assert [a.n_randomized for a in reading.trial.arms] == [41, 41]
    assert reading.trial.n_randomized == 82


def test_groups_of_a_size_each_are_every_arms_when_they_make_the_total(read):
    # before: no arm sized
    reading = read("", ("MATERIALS AND METHODS", CESAREAN))
    assert [(sorted(a.drug_names), a.n_randomized) for a in reading.trial.arms] == [
        (["sufentanil"], 20),
        (["morphine"], 20),
        (["morphine", "sufentanil"], 20),
    ]
    assert reading.trial.n_randomized == 60
