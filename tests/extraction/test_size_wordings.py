"""kg.extraction.sizes: the randomised total and the arms' sizes in wordings of pages of the
source repository (copies in tests/fixtures/pool, with their source rows), each quoted beside it."""

from __future__ import annotations

import pytest
from pool_pages import trial_of


@pytest.mark.parametrize(
    ("pmid", "total", "arms"),
    [
        # REVEL: 'we screened 1825 patients, of whom 1253 patients were randomly allocated to treatment'
        ("24933332", 1253, None),
        # 'Chemotherapy-naive PS 2 patients with advanced NSCLC were randomized ...' (a score, no count);
        # 'A total of 400 patients were enrolled.'
        ("18520802", 400, None),
        # POPLAR: '144 patients were randomly allocated to the atezolizumab group, and 143 to the docetaxel group.'
        ("26970723", 287, [144, 143]),
        # EURTAC: '174 patients with EGFR mutations were enrolled. One patient received treatment before
        # randomisation and was thus withdrawn from the study; of the remaining patients, 86 were randomly
        # assigned to receive erlotinib and 87 to receive standard chemotherapy.'
        ("22285168", 173, [86, 87]),
        # 'The study was terminated early after randomisation of 49 patients (25 in the local consolidative
        # therapy group and 24 in the maintenance treatment group) ...' (74 had been enrolled)
        ("27789196", 49, None),
    ],
)
def test_the_randomised_total_and_the_arms_sizes(pmid, total, arms):
    trial = trial_of(pmid)
    assert trial.n_randomized == total
    if arms is not None:
        assert [a.n_randomized for a in trial.arms] == arms


def test_a_count_whose_participle_says_all_took_part_is_the_total():
    # PMID17674975: 'Of the 132 enrolled patients, MMSE scores were available for 110.' (no verb after the
    # count says what it is; its participle does; before: no total)
    assert trial_of("17674975").n_randomized == 132
    # not a count the verb only follows: 'ASCEND-1 was an open-label, phase 1 trial that recruited patients
    # from 20 academic hospitals ...' (PMID26973324: the total stays the 255 it prints later)
    assert trial_of("26973324").n_randomized == 255


def test_a_count_recruited_and_randomly_assigned_is_the_randomised_total():
    # PMID15197196: 'One hundred eighty-four patients with stage I-II NSCLC were recruited and randomly
    # assigned; 92% had stage I disease. Following exclusion of one ineligible patient, 92 patients were
    # assigned to no PET and 91 to PET.'
    assert trial_of("15197196").n_randomized == 184


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        # benchmarks/pmc/arms/dev-36 PMC3661884
        (
            "Sixteen trained men were randomly divided into 2 groups: the static stretching group (SSG) and "
            "passive interval group (PIG).",
            16,
        ),
        # benchmarks/pmc/blind-c PMC3003523
        (
            "Patients with active RA (N = 982) were randomized 2:2:1 to subcutaneous CZP (400 mg at weeks 0, 2 and "
            "4; followed by CZP 200 mg or 400 mg) plus methotrexate (MTX) every other week, or placebo (PBO) plus MTX.",
            982,
        ),
        # benchmarks/pmc/blind-a PMC2039813
        ("In 20 centers, 333 patients randomly received perindopril or matching placebo.", 333),
        # benchmarks/pmc/blind-h PMC3139306: all the patients, assigned to the groups the text counts
        (
            "In this prospective randomized, double-blinded, controlled study, 39 patients with obstructive sleep "
            "apnea syndrome undergoing uvulopalatopharyngoplasty were assigned to two groups.",
            39,
        ),
        # benchmarks/pmc/blind-c PMC3034877: the count after the people and their age
        (
            "Non-western immigrants, aged 18–65 years (n = 232) and serum 25(OH)D < 25 nmol/l were randomly "
            "assigned to supplementation (daily 800 IU or 100,000 IU/3 months) or advice for sunlight exposure for "
            "6 months (March–September).",
            232,
        ),
        # ../shared/data/pool PMID29023213: each histology's own trial, neither count the total
        (
            "Patients with stage IIIB/IV squamous (N = 272) or nonsquamous (N = 582) NSCLC and disease progression "
            "during or after prior platinum-based chemotherapy were randomly assigned 1:1 to nivolumab (3 mg/kg "
            "every 2 weeks) or docetaxel (75 mg/m2 every 3 weeks).",
            None,
        ),
    ],
)
def test_the_randomised_total_in_wordings_outside_oncology(read, sentence, total):
    # before: no total for the first five
    assert read("", ("METHODS", sentence)).trial.n_randomized == total
