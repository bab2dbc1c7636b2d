"""kg.extraction.clauses: the part of a results sentence that may report outcomes.

The sentences are quoted from benchmarks/unseen (PMID beside each).
"""

from __future__ import annotations

from kg.extraction.clauses import outcome_part

# PMID14519751
MVP_METHODS = (
    "Between January 1994 and January 1999, 1209 patients with stage I, II, or IIIA NSCLC were randomly assigned to "
    "receive mitomycin C (8 mg/m2 on day 1), vindesine (3 mg/m2 on days 1 and 8), and cisplatin (100 mg/m2 on day "
    "1) every 3 weeks for three cycles (MVP group; n = 606) or no treatment (control group; n = 603) after complete "
    "resection."
)
COMPLETED = "Radiotherapy was completed by 65% of patients in the MVP arm and by 82% of patients in the control group."
# PMID28636851
SUBSEQUENT = (
    "A total of 128 of 212 patients (60%) in the chemotherapy group received nivolumab as subsequent therapy."
)


def test_what_patients_were_given_reports_no_outcome():
    assert outcome_part(COMPLETED) == ""
    assert outcome_part(SUBSEQUENT) == ""


def test_a_treatment_completed_is_no_endpoint_of_the_trial(read):
    # before: an endpoint 'radiotherapy' with rates of 65% and 82%
    trial = read("", ("METHODS", MVP_METHODS), ("RESULTS", COMPLETED)).trial
    assert trial.arm_results == []
    assert [e.name for e in trial.endpoints] == []
