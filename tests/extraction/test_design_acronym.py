"""A trial's short name (kg.extraction.design.acronym), from titles and sentences of the
shared documents: what names a trial is taken, what is printed the same way but names a
phase, a stage, a measure, a disease, a gene, an agent or an agency is not."""

from __future__ import annotations

import pytest

from kg.extraction.design import acronym


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (  # kg/examples/contact-01.pubmed.txt
            "CONTACT-01: A Randomized Phase III Trial of Atezolizumab + Cabozantinib Versus Docetaxel"
            " for Metastatic Non-Small Cell Lung Cancer After a Checkpoint Inhibitor and Chemotherapy",
            "",
            "CONTACT-01",
        ),
        (  # PMID 26028407
            "Nivolumab versus Docetaxel in Advanced Squamous-Cell Non-Small-Cell Lung Cancer.",
            "(Funded by Bristol-Myers Squibb; CheckMate 017 ClinicalTrials.gov number, NCT01642004.).",
            "CheckMate 017",
        ),
        (  # PMID 28602779: after an agent's name, but the bracket closes with a colon
            "Ceritinib versus chemotherapy in patients with ALK-rearranged non-small-cell lung cancer"
            " previously given chemotherapy and crizotinib (ASCEND-5): a randomised, controlled,"
            " open-label, phase 3 trial.",
            "",
            "ASCEND-5",
        ),
        (  # PMID 27022112
            "Randomized Phase III Study Comparing Gefitinib With Erlotinib in Patients With Previously"
            " Treated Advanced Lung Adenocarcinoma: WJOG 5108L.",
            "This randomized phase III study was conducted to investigate the difference between these"
            " two EGFR-TKIs.",
            "WJOG 5108L",
        ),
        (  # PMID 30620668
            "Updated Analysis of KEYNOTE-024: Pembrolizumab Versus Platinum-Based Chemotherapy for"
            " Advanced Non-Small-Cell Lung Cancer With PD-L1 Tumor Proportion Score of 50% or Greater.",
            "PURPOSE: In the randomized, open-label, phase III KEYNOTE-024 study, pembrolizumab"
            " significantly improved progression-free survival and overall survival (OS) compared with"
            " platinum-based chemotherapy in patients with previously untreated advanced"
            " non-small-cell lung cancer (NSCLC) with a programmed death ligand 1 tumor proportion"
            " score of 50% or greater and without EGFR/ALK aberrations.",
            "KEYNOTE-024",
        ),
        (  # PMID 20231678: a cooperative group's trial code, as 'ACOSOG Z0030 Trial' is Z0030
            "Surgery with or without preoperative paclitaxel and carboplatin in early-stage"
            " non-small-cell lung cancer: Southwest Oncology Group Trial S9900, an intergroup,"
            " randomized, phase III trial.",
            "",
            "S9900",
        ),
        (  # PMID 20800380: the group's initials and the number, split by the bracket
            "Primary analysis of a phase II randomized trial Radiation Therapy Oncology Group (RTOG)"
            " 0212: impact of different total doses and schedules of prophylactic cranial irradiation"
            " on chronic neurotoxicity and quality of life for patients with limited-disease"
            " small-cell lung cancer.",
            "",
            "RTOG 0212",
        ),
        (  # PMID 21610154
            "Survival benefit with erlotinib maintenance therapy in patients with advanced"
            " non-small-cell lung cancer (NSCLC) according to response to first-line chemotherapy.",
            "BACKGROUND: In the placebo-controlled phase III SATURN study, maintenance erlotinib after"
            " first-line chemotherapy demonstrated significantly prolonged progression-free survival"
            " (PFS) and overall survival (OS) in the overall study population of patients with advanced"
            " non-small-cell lung cancer (NSCLC).",
            "SATURN",
        ),
    ],
)
def test_a_trials_name_is_taken(title, text, expected):
    assert acronym(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a phase: four unrelated trials were once one node, 'trial/acronym/iii'
        (  # PMID 15741225
            "Gemcitabine-docetaxel versus cisplatin-vinorelbine in advanced or metastatic"
            " non-small-cell lung cancer: a phase III study addressing the case for cisplatin.",
            "BACKGROUND: This multicenter, randomized, phase III study compared the efficacy,"
            " including progression-free survival (PFS), and safety of gemcitabine-docetaxel (GD)"
            " combination versus cisplatin-vinorelbine (CV) in the treatment of advanced"
            " non-small-cell lung cancer (NSCLC).",
        ),
        (  # PMID 18506025
            "Phase III study comparing cisplatin plus gemcitabine with cisplatin plus pemetrexed in"
            " chemotherapy-naive patients with advanced-stage non-small-cell lung cancer.",
            "This is the first prospective phase III study in NSCLC to show survival differences based"
            " on histologic type.",
        ),
        (  # PMID 22547591
            "Weekly nab-paclitaxel in combination with carboplatin versus solvent-based paclitaxel plus"
            " carboplatin as first-line therapy in patients with advanced non-small-cell lung cancer:"
            " final results of a phase III trial.",
            "PURPOSE: This phase III trial compared the efficacy and safety of albumin-bound paclitaxel"
            " (nab-paclitaxel) plus carboplatin with solvent-based paclitaxel (sb-paclitaxel) plus"
            " carboplatin in advanced non-small-cell lung cancer (NSCLC).",
        ),
        # a disease's abbreviation (PMID 16500915)
        (
            "Concomitant radio-chemotherapy based on platin compounds in patients with locally advanced"
            " non-small cell lung cancer (NSCLC): a meta-analysis of individual data from 1764 patients.",
            "",
        ),
        # words, not a name (PMID 26984449, 23401440) and a debate's heading (PMID 19619768)
        (
            "FDA Approval Summary: Nivolumab for the Treatment of Metastatic Non-Small Cell Lung Cancer"
            " With Progression On or After Platinum-Based Chemotherapy.",
            "",
        ),
        ("KRAS mutation: should we test for it, and does it matter?", ""),
        ("POINT: Operative risk of pneumonectomy--influence of preoperative induction therapy.", ""),
        # an agent's code (PMID 25271963, 21623265), a protein variant (PMID 27080216), a nodal
        # stage (PMID 12243809)
        (
            "Discovery of a potent and selective EGFR inhibitor (AZD9291) of both sensitizing and"
            " T790M resistance mutations that spares the wild type form of the receptor.",
            "",
        ),
        (
            "Activity of crizotinib (PF02341066), a dual mesenchymal-epithelial transition (MET) and"
            " anaplastic lymphoma kinase (ALK) inhibitor, in a non-small cell lung cancer patient with"
            " de novo MET amplification.",
            "",
        ),
        (
            "Dabrafenib in patients with BRAF(V600E)-positive advanced non-small-cell lung cancer: a"
            " single-arm, multicentre, open-label, phase 2 trial.",
            "",
        ),
        (
            "Phase III study comparing chemotherapy and radiotherapy with preoperative chemotherapy and"
            " surgical resection in patients with non-small-cell lung cancer with spread to mediastinal"
            " lymph nodes (N2); final report of RTOG 89-01. Radiation Therapy Oncology Group.",
            "",
        ),
        # another trial the text refers to (PMID 28113017, a pooled analysis of other trials)
        (
            "Cardiac Toxicity After Radiotherapy for Stage III Non-Small-Cell Lung Cancer: Pooled"
            " Analysis of Dose-Escalation Trials Delivering 70 to 90 Gy.",
            "Purpose The significance of radiotherapy (RT) -associated cardiac injury for stage III"
            " non-small-cell lung cancer (NSCLC) is unclear, but higher heart doses were associated with"
            " worse overall survival in the Radiation Therapy Oncology Group (RTOG) 0617 study. We"
            " assessed the impact of heart dose in patients treated at our institution on several"
            " prospective dose-escalation trials.",
        ),
    ],
)
def test_what_is_printed_like_a_name_but_names_no_trial_is_not_taken(title, text):
    assert acronym(title, text) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (  # pool PMID24439929 and unseen PMID26156651: a name of words and a number in the title's bracket
            "Afatinib versus erlotinib as second-line treatment of patients with advanced squamous cell carcinoma"
            " of the lung (LUX-Lung 8): an open-label randomised controlled phase 3 trial.",
            "LUX-Lung 8",
        ),
        (  # unseen PMID24145346: a name written in camel case before the title's colon
            "PointBreak: a randomized phase III study of pemetrexed plus carboplatin and bevacizumab followed by"
            " maintenance pemetrexed and bevacizumab versus paclitaxel plus carboplatin and bevacizumab ...",
            "PointBreak",
        ),
        (  # unseen PMID18809614: a cooperative group's code and number after the title's colon
            "Adjuvant paclitaxel plus carboplatin compared with observation in stage IB non-small-cell lung cancer:"
            " CALGB 9633 with the Cancer and Leukemia Group B, Radiation Therapy Oncology Group, and North"
            " Central Cancer Treatment Group Study Groups.",
            "CALGB 9633",
        ),
    ],
)
def test_names_printed_as_words_and_numbers_or_in_camel_case(title, expected):
    assert acronym(title, "") == expected


def test_a_phase_with_its_letter_is_the_phase():
    from kg.extraction.design import phase

    # unseen PMID27083334: '(LUX-Lung 7): a phase 2B, open-label, randomised controlled trial.'; pool
    # PMID22452896: 'In this phase 2b/3 trial'; pool PMID25074459: 'This phase Ib study'
    assert phase("(LUX-Lung 7): a phase 2B, open-label, randomised controlled trial.") == "2"
    assert phase("In this phase 2b/3 trial, we enrolled patients") == "2/3"
    assert phase("This phase Ib study combining afatinib and cetuximab") == "1"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (  # PMID19933915 (pool)
            "Randomized phase III trial of vinorelbine plus cisplatin compared with observation in completely"
            " resected stage IB and II non-small-cell lung cancer: updated survival analysis of JBR-10",
            "JBR-10",
        ),
        (
            "Optimal management of malignant pleural effusions (results of CALGB 30102)",
            "CALGB 30102",
        ),  # PMID22878823
        (  # PMID20100966
            "Cetuximab and first-line taxane/carboplatin chemotherapy in advanced non-small-cell lung cancer:"
            " results of the randomized multicenter phase III trial BMS099.",
            "BMS099",
        ),
        (  # PMID20457350
            "A phase I/II radiation dose escalation study with concurrent chemotherapy for patients with inoperable"
            " stages I to III non-small-cell lung cancer: phase I results of RTOG 0117.",
            "RTOG 0117",
        ),
    ],
)
def test_the_trial_a_title_ends_on_is_its_name(title, expected):
    # before: none of these titles gave a name
    assert acronym(title, "") == expected
