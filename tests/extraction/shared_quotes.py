"""Sections of ../shared/data/abstracts (and of benchmarks/unseen) that several test modules read, quoted as printed.

Each trial is (title, (label, text), ...) with the sections that set out its design, ready for
the ``read`` fixture (``read(*SABR, ("FINDINGS", ...))``); a test adds the sentences it is about.
"""

from __future__ import annotations

# PMID23154554
DENOSUMAB = (
    "Overall survival improvement in patients with lung cancer and bone metastases treated with denosumab "
    "versus zoledronic acid: subgroup analysis from a randomized phase 3 study.",
    (
        "INTRODUCTION",
        "We present survival data for the subset of patients with lung cancer, participating in the phase "
        "3 trial of denosumab versus zoledronic acid (ZA) in the treatment of bone metastases from solid "
        "tumors (except breast or prostate) or multiple myeloma.",
    ),
    (
        "METHODS",
        "Patients were randomized 1:1 to receive monthly subcutaneous denosumab 120 mg or intravenous ZA 4 mg.",
    ),
)

# PMID25981812
SABR = (
    "Stereotactic ablative radiotherapy versus lobectomy for operable stage I non-small-cell lung cancer: "
    "a pooled analysis of two randomised trials.",
    (
        "BACKGROUND",
        "Stereotactic ablative radiotherapy (SABR) for inoperable stage I NSCLC has shown promising results.",
    ),
    (
        "METHODS",
        "Patients were randomly assigned in a 1:1 ratio to SABR or lobectomy with mediastinal lymph node "
        "dissection or sampling.",
    ),
)

# PMID21714641
NLST = (
    "Reduced lung-cancer mortality with low-dose computed tomographic screening.",
    (
        "BACKGROUND",
        "The advent of low-dose helical computed tomography (CT) altered the landscape of lung-cancer "
        "screening, with studies indicating that low-dose CT detects many tumors at early stages.",
    ),
    (
        "METHODS",
        "Participants were randomly assigned to undergo three annual screenings with either low-dose CT "
        "(26,722 participants) or single-view posteroanterior chest radiography (26,732).",
    ),
)

# PMID25601342
RTOG_0617 = (
    "Standard-dose versus high-dose conformal radiotherapy with concurrent and consolidation carboplatin "
    "plus paclitaxel with or without cetuximab for patients with stage IIIA or IIIB non-small-cell lung "
    "cancer (RTOG 0617): a randomised, two-by-two factorial phase 3 study.",
    (
        "METHODS",
        "We randomly assigned (1:1:1:1) patients to receive either 60 Gy (standard dose), 74 Gy (high "
        "dose), 60 Gy plus cetuximab, or 74 Gy plus cetuximab.",
    ),
)


# PMID27458945 (benchmarks/unseen)
SRS_ALONE = (
    "Effect of Radiosurgery Alone vs Radiosurgery With Whole Brain Radiation Therapy on Cognitive Function in "
    "Patients With 1 to 3 Brain Metastases: A Randomized Clinical Trial.",
    (
        "DESIGN, SETTING, AND PARTICIPANTS",
        "At 34 institutions in North America, patients with 1 to 3 brain metastases were randomized to receive "
        "SRS or SRS plus WBRT between February 2002 and December 2013.",
    ),
)

# PMID22878823 (../shared/data/pool)
CALGB_30102 = (
    "Optimal management of malignant pleural effusions (results of CALGB 30102).",
    (
        "",
        "Patients with unilateral MPEs were randomized to either daily tunneled catheter drainage (TCD) or bedside "
        "talc pleurodesis (TP).",
    ),
)
