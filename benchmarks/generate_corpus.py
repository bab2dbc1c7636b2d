"""Generate a synthetic benchmark corpus: N ClinicalTrials.gov API v2 study records (JSON) and
N PubMed abstract pages in the seed's text format, varied the way the real ones in
``shared/data`` vary.

Why synthetic: the scale benchmark needs 100,000+ documents with the shape of real ones
(arms, drugs and regimens, endpoints, medians and hazard ratios with CIs, rates, adverse
events, citation lists, results present or not), and the few dozen real files cannot be
multiplied without making every trial the same node.  Every document is drawn from its own
random stream (``seed``, kind, index), so a corpus is the same for a seed whatever N is, any
document can be regenerated alone, and files are written one at a time (memory stays flat).

Trials are shared the way real ones are: some abstracts name the NCT id of a generated
registry record, and registry records list the PMID of a generated abstract as a result
reference; *Similar articles* and *Cited by* point at other generated abstracts.

``--manifest`` writes one JSON line per abstract with the hazard ratios printed in it, so a
run can check that extraction gives back what was generated.

``--archive studies.zip`` (or ``AllPublicXML.zip``, ``pubmed26n0001.xml.gz``; repeatable) writes the
corpus as the sources publish it whole instead (see ``corpus_archives``).

Usage: python benchmarks/generate_corpus.py --n N --seed S --out DIR [--manifest FILE] [--archive FORM]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

NCT_BASE = 90_000_000  # NCT9xxxxxxx and PMIDs 9xxxxxxx: clear of real identifiers in use today
PMID_BASE = 90_000_000
SHARD = 1000  # files per sub-folder: 100,000 files in one folder slow down every listing

PREFIXES = (
    "ab", "ve", "zo", "ta", "ri", "lo", "ne", "pa", "mo", "si", "du", "ce", "fa", "ga", "ki", "ma",
    "no", "ro", "te", "xa", "be", "co", "de", "li", "pe", "sa", "vo", "ze", "tu", "ho",
)  # fmt: skip
MIDDLES = ("ra", "li", "ve", "to", "ne", "ci", "zu", "mo", "da", "fe", "go", "ki", "lu", "pi", "sa", "ti")
STEMS = ("mab", "tinib", "ciclib", "parib", "lisib", "rafenib", "zumab", "ximab", "sertib", "metinib")
CHEMO = (
    "docetaxel", "paclitaxel", "pemetrexed", "gemcitabine", "cisplatin", "carboplatin", "oxaliplatin",
    "vinorelbine", "etoposide", "irinotecan", "capecitabine", "eribulin", "temozolomide", "fulvestrant",
)  # fmt: skip
CONDITIONS = (
    ("non-small cell lung cancer", "NSCLC"),
    ("small cell lung cancer", "SCLC"),
    ("renal cell carcinoma", "RCC"),
    ("hepatocellular carcinoma", "HCC"),
    ("urothelial carcinoma", "UC"),
    ("triple-negative breast cancer", "TNBC"),
    ("colorectal cancer", "CRC"),
    ("gastric cancer", "GC"),
    ("ovarian cancer", "OC"),
    ("prostate cancer", "PC"),
    ("melanoma", None),
    ("pancreatic cancer", None),
)
SPONSORS = ("Hoffmann-La Roche", "Merck Sharp & Dohme LLC", "AstraZeneca", "Novartis", "Pfizer",
            "Bristol-Myers Squibb", "National Cancer Institute (NCI)", "Exelixis", "Daiichi Sankyo")  # fmt: skip
JOURNALS = (("J Clin Oncol", "10.1200/JCO"), ("Lancet Oncol", "10.1016/S1470-2045"),
            ("N Engl J Med", "10.1056/NEJMoa"), ("Ann Oncol", "10.1016/j.annonc"),
            ("Lancet", "10.1016/S0140-6736"), ("JAMA Oncol", "10.1001/jamaoncol"))  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
AE_TERMS = (
    ("Diarrhoea", "Gastrointestinal disorders"), ("Nausea", "Gastrointestinal disorders"),
    ("Fatigue", "General disorders"), ("Neutropenia", "Blood and lymphatic system disorders"),
    ("Anaemia", "Blood and lymphatic system disorders"), ("Pneumonia", "Infections and infestations"),
    ("Rash", "Skin and subcutaneous tissue disorders"), ("Hypertension", "Vascular disorders"),
    ("Decreased appetite", "Metabolism and nutrition disorders"), ("Pyrexia", "General disorders"),
)  # fmt: skip
ENDPOINT_NAMES = {"OS": "overall survival", "PFS": "progression-free survival"}
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


# --- shared pieces ----------------------------------------------------------------------------


def nct_id(i: int) -> str:
    return f"NCT{NCT_BASE + i:08d}"


def pmid(i: int) -> str:
    return str(PMID_BASE + i)


def rng_for(seed: int, kind: str, i: int) -> random.Random:
    """One stream per document: a string seed is hashed (SHA-512), not salted per process."""
    return random.Random(f"{seed}:{kind}:{i}")


def new_drug(rng: random.Random) -> str:
    """An invented agent whose name ends in a real INN stem, as a new agent's would."""
    return rng.choice(PREFIXES) + rng.choice(MIDDLES) + rng.choice(STEMS)


def words(n: int) -> str:
    """186 -> 'One hundred eighty-six' (how journals start a sentence with a number)."""
    parts = []
    if n >= 100:
        parts.append(f"{SMALL[n // 100]} hundred")
        n %= 100
    if n >= 20:
        parts.append(TENS[n // 10] + (f"-{SMALL[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(SMALL[n])
    text = " ".join(parts)
    return text[0].upper() + text[1:]


def thousands(n: int) -> str:
    return f"{n:,}"


def fmt(x: float, places: int) -> str:
    return f"{x:.{places}f}"


def p_text(rng: random.Random, hr: float) -> tuple[str, str | None, str | None]:
    """(as printed, value, qualifier): the p-value a hazard ratio of this size would carry."""
    if hr < 0.75:
        return ("P < .001", "0.001", "<") if rng.random() < 0.5 else ("P<0.001", "0.001", "<")
    value = round(rng.uniform(0.002, 0.9), 4)
    shown = f"{value:.4f}".rstrip("0")
    return (f"P = {shown[1:]}", shown, None) if rng.random() < 0.5 else (f"P={shown}", shown, None)


class Trial:
    """The facts one synthetic trial has, drawn once and printed by both source formats."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.index = index
        self.condition, self.cond_abbr = rng.choice(CONDITIONS)
        # unique per trial: a trial without a registry id is named by its acronym alone
        self.acronym = f"{rng.choice(PREFIXES).upper()}{rng.choice(MIDDLES).upper()}-{index}"
        self.phase = rng.choice(("2", "3", "3", "3"))
        self.blinded = rng.random() < 0.3
        self.n_arms = rng.choices((2, 3), weights=(80, 20))[0]
        chemo = rng.sample(CHEMO, 3)
        self.arms: list[list[str]] = []
        for a in range(self.n_arms - 1):
            drugs = [new_drug(rng)]
            if rng.random() < 0.4:
                drugs.append(new_drug(rng) if rng.random() < 0.5 else chemo[a + 1])
            self.arms.append(drugs)
        self.arms.append(["placebo"] if self.blinded else [chemo[0]])
        self.doses = [[rng.choice((40, 75, 100, 200, 240, 480, 1200)) for _ in arm] for arm in self.arms]
        self.sizes = [rng.randint(40, 480) for _ in self.arms]
        self.primary = rng.choice(("OS", "PFS"))
        self.year = rng.randint(2012, 2025)
        self.sponsor = rng.choice(SPONSORS)
        self.medians: dict[str, list[tuple[float, float, float | None]]] = {}
        self.hrs: dict[str, list[tuple[float, float, float]]] = {}
        for ep, scale in (("OS", 14.0), ("PFS", 6.0)):
            ref = round(rng.uniform(0.5, 1.5) * scale, 1)
            hrs = [round(rng.uniform(0.45, 1.1), 2) for _ in self.arms[:-1]]
            meds = [round(ref / hr, 1) for hr in hrs] + [ref]
            self.medians[ep] = [(m, round(m * 0.8, 1), round(m * 1.25, 1) if rng.random() < 0.85 else None)
                                for m in meds]  # fmt: skip
            self.hrs[ep] = [(hr, round(hr * 0.78, 2), round(hr * 1.27, 2)) for hr in hrs]
        self.orr = [rng.randint(5, 60) for _ in self.arms]
        self.ae = [rng.randint(10, min(s, 250)) for s in self.sizes]

    def label(self, a: int) -> str:
        return " plus ".join(self.arms[a])

    def regimen(self, rng: random.Random, a: int) -> str:
        parts = []
        for drug, dose in zip(self.arms[a], self.doses[a], strict=True):
            if drug == "placebo":
                parts.append("matching placebo")
            elif rng.random() < 0.5:
                parts.append(f"{drug} {thousands(dose)} mg intravenously once every 3 weeks")
            else:
                parts.append(f"{drug} {dose} mg orally once daily")
        return " plus ".join(parts)


# --- PubMed abstract pages --------------------------------------------------------------------


class _Page:
    """What one abstract page prints about its publication, drawn before anything else so that
    another page's list entry for it (same title, DOI, journal) costs no more than this."""

    def __init__(self, seed: int, i: int, n: int) -> None:
        self.rng = rng = rng_for(seed, "pubmed", i)
        # about a third of the abstracts report a trial whose registry record is in the corpus
        shared = rng.random() < 0.35
        self.trial = trial = Trial(rng_for(seed, "trial", i), i) if shared else Trial(rng, n + i)
        self.nct = nct_id(i) if shared else (nct_id(n + i) if rng.random() < 0.5 else None)
        self.labels = [trial.label(a) for a in range(trial.n_arms)]
        self.title = _title(rng, trial, self.labels[0], self.labels[-1])
        self.journal, prefix = rng.choice(JOURNALS)
        self.doi = f"{prefix}.{trial.year}.{i:06d}"


def abstract_page(seed: int, i: int, n: int) -> tuple[str, dict]:
    """One abstract page and its manifest line (the hazard ratios as printed)."""
    page = _Page(seed, i, n)
    rng, trial, labels = page.rng, page.trial, page.labels
    results, hr_facts = _results(rng, trial, labels)
    lines = [page.title, f"- PMID: {pmid(i)}"]
    if rng.random() < 0.5:
        lines.append(f"- PMCID: PMC{11_000_000 + i}")
    lines += [f"- DOI: {page.doi}", page.title, "Abstract"]
    condition = f"{trial.condition} ({trial.cond_abbr})" if trial.cond_abbr else trial.condition
    registered = f" (ClinicalTrials.gov identifier: {page.nct})" if page.nct else ""
    lines.append(
        f"Purpose: A therapeutic need remains for patients with advanced {condition} after standard "
        f"therapy. {trial.acronym}{registered} evaluated {' and '.join(labels[:-1])} versus {labels[-1]}."
    )
    lines.append(f"Methods: {_methods(rng, trial)}")
    lines.append(f"Results: {results}")
    verdict = "improved" if trial.hrs[trial.primary][0][0] < 0.8 else "did not improve"
    lines.append(
        f"Conclusion: {labels[0][0].upper()}{labels[0][1:]} {verdict} {ENDPOINT_NAMES[trial.primary]} "
        f"compared with {labels[-1]}. Safety was consistent with known profiles of these agents."
    )
    lines += _page_tail(rng, seed, i, n)
    return "\n".join(lines) + "\n", {
        "pmid": pmid(i),
        "trial": trial.acronym,
        "title": page.title,
        "hazard_ratios": hr_facts,
    }


def _title(rng: random.Random, trial: Trial, exp: str, comp: str) -> str:
    first = exp[0].upper() + exp[1:]
    roman = {"2": "II", "3": "III"}[trial.phase]
    style = rng.choice(("jco", "nejm", "lancet"))
    if style == "jco":
        return (
            f"{trial.acronym}: A Randomized Phase {roman} Trial of {first} Versus {comp} "
            f"for Advanced {trial.condition.title()}"
        )
    if style == "lancet":
        return (
            f"{first} versus {comp} in advanced {trial.condition} ({trial.acronym}): a randomised, "
            f"{'double-blind' if trial.blinded else 'open-label'}, phase {trial.phase} trial"
        )
    return f"{first} versus {comp} in Advanced {trial.condition.title()}"


def _methods(rng: random.Random, trial: Trial) -> str:
    ratio = ":".join("1" for _ in trial.arms)
    blinding = "double-blind" if trial.blinded else "open-label"
    regimens = [trial.regimen(rng, a) for a in range(trial.n_arms)]
    arms = " or ".join(regimens) if trial.n_arms == 2 else f"{', '.join(regimens[:-1])}, or {regimens[-1]}"
    primary = ENDPOINT_NAMES[trial.primary]
    return (
        f"This multicenter, {blinding}, phase {trial.phase} trial randomly assigned patients {ratio} to "
        f"{arms}. The primary end point was {primary} ({trial.primary})."
    )


def _results(rng: random.Random, trial: Trial, labels: list[str]) -> tuple[str, list[dict]]:
    sents = []
    if trial.n_arms == 2:
        sents.append(
            f"{words(trial.sizes[0])} patients were assigned {labels[0]}, and {trial.sizes[1]} {labels[1]}."
        )
    else:
        sizes = ", ".join(f"{lab} (n = {s})" for lab, s in zip(labels, trial.sizes, strict=True))
        sents.append(f"A total of {thousands(sum(trial.sizes))} patients were randomly assigned to {sizes}.")
    facts = []
    for ep in ("OS", "PFS") if rng.random() < 0.7 else (trial.primary,):
        sent, fact = _survival(rng, trial, ep, labels)
        sents.append(sent)
        facts.append(fact)
    if rng.random() < 0.6:
        orr = " and ".join(f"{r}% with {lab}" for r, lab in zip(trial.orr, labels, strict=True))
        sents.append(f"The objective response rate was {orr}.")
    if rng.random() < 0.7:
        ae = [f"{n} ({100 * n / s:.1f}%) patients receiving {lab}" for n, s, lab in
              zip(trial.ae, trial.sizes, labels, strict=True)]  # fmt: skip
        sents.append(f"Grade 3/4 treatment-related AEs occurred in {' and '.join(ae)}.")
    return " ".join(sents), facts


def _survival(rng: random.Random, trial: Trial, ep: str, labels: list[str]) -> tuple[str, dict]:
    """Medians per arm, then the first experimental arm's hazard ratio against the comparator,
    in one of the journals' styles ('(stratified HR, 0.88 [95% CI, ...]; P = .36)').  A
    multi-arm abstract prints only that one ratio, as abstracts mostly do."""
    meds = []
    for (m, lo, hi), lab in zip(trial.medians[ep], labels, strict=True):
        upper = fmt(hi, 1) if hi is not None else "not reached"
        meds.append(f"{fmt(m, 1)} months (95% CI, {fmt(lo, 1)} to {upper}) with {lab}")
    hr, lo, hi = trial.hrs[ep][0]
    shown, p_value, qualifier = p_text(rng, hr)
    event = "death" if ep == "OS" else "disease progression or death"
    style = rng.randrange(3)
    if style == 0:
        ratio = f"{'stratified ' if rng.random() < 0.5 else ''}hazard ratio [HR], {fmt(hr, 2)} [95% CI, {fmt(lo, 2)} to {fmt(hi, 2)}]; {shown}"
    elif style == 1:
        ratio = f"hazard ratio for {event}, {fmt(hr, 2)}; 95% CI, {fmt(lo, 2)} to {fmt(hi, 2)}; {shown}"
    else:
        ratio = f"hazard ratio for {event} {fmt(hr, 2)} [95% CI {fmt(lo, 2)}-{fmt(hi, 2)}]; {shown.replace('P', 'p')}"
    name = "OS" if ep == "OS" else "progression-free survival"
    fact = {"endpoint": ENDPOINT_NAMES[ep], "arm": " + ".join(trial.arms[0]),
            "comparator": " + ".join(trial.arms[-1]), "estimate": fmt(hr, 2), "ci_lower": fmt(lo, 2),
            "ci_upper": fmt(hi, 2), "p_value": p_value, "p_value_qualifier": qualifier}  # fmt: skip
    return f"Median {name} was {' and '.join(meds)} ({ratio}).", fact


def _page_tail(rng: random.Random, seed: int, i: int, n: int) -> list[str]:
    """The headed blocks after the abstract; list entries point at other generated abstracts."""
    lines = ["Conflict of interest statement", "No potential conflicts of interest were reported.", "Figures"]
    others = [j for j in dict.fromkeys(rng.randrange(n) for _ in range(rng.randint(0, 10))) if j != i]
    split = rng.randint(0, len(others))
    for heading, entries in (("Similar articles", others[:split]), ("Cited by", others[split:])):
        if entries:
            lines.append(heading)
            for j in entries:
                lines += ["-", _list_entry(seed, j, n)]
    refs = rng.randint(0, 3)
    if refs:
        lines.append("References")
        for r in range(refs):
            lines += ["-", f"- Author{r} A, Writer B, et al. : A study of {rng.choice(CHEMO)} in "
                           f"{rng.choice(CONDITIONS)[0]}. J Clin Oncol {rng.randint(10, 42)}:"
                           f"{rng.randint(100, 999)}-{rng.randint(1000, 1999)}, {rng.randint(1995, 2024)} - PubMed"]  # fmt: skip
    lines += ["Publication types", "MeSH terms", "Substances", "LinkOut - more resources"]
    return lines


def _list_entry(seed: int, j: int, n: int) -> str:
    """PubMed's summary line for generated abstract j, the same on every page that lists it."""
    page = _Page(seed, j, n)
    rng = rng_for(seed, "entry", j)
    year = page.trial.year
    title = page.title if page.title.endswith(".") else page.title + "."
    tail = rng.choice(("Free PMC article. Clinical Trial.", "Clinical Trial.", "Review.", ""))
    return (
        f"{title}{page.journal}. {year} {rng.choice(MONTHS)} {rng.randint(1, 28)};{rng.randint(1, 400)}"
        f"({rng.randint(1, 24)}):{rng.randint(100, 999)}-{rng.randint(1000, 1999)}. doi: {page.doi}. "
        f"{page.journal}. {year}. PMID: {pmid(j)} {tail}"
    ).rstrip()


# --- ClinicalTrials.gov API v2 records ----------------------------------------------------------


def registry_record(seed: int, i: int, n: int) -> dict:
    """One API v2 study; about half carry a results section (results posted or not)."""
    rng = rng_for(seed, "ctgov", i)
    trial = Trial(rng_for(seed, "trial", i), i)
    arm_labels = [f"Arm {chr(65 + a)}: {trial.label(a).title()}" for a in range(trial.n_arms)]
    drugs = sorted({d for arm in trial.arms for d in arm})
    protocol = {
        "identificationModule": {
            "nctId": nct_id(i),
            "orgStudyIdInfo": {"id": f"SYN-{i}"},
            "secondaryIdInfos": [
                {
                    "id": f"20{trial.year % 100:02d}-{i % 1_000_000:06d}-{rng.randint(10, 99)}",
                    "type": "EUDRACT_NUMBER",
                }
            ]
            if rng.random() < 0.3
            else [],  # fmt: skip
            "briefTitle": f"A Study of {trial.label(0).title()} in {trial.condition.title()} ({trial.acronym})",
            "officialTitle": f"A Randomized, {'Double-Blind' if trial.blinded else 'Open-Label'}, Phase "
            f"{trial.phase} Study of {trial.label(0).title()} Versus {trial.label(trial.n_arms - 1).title()}",
            "acronym": trial.acronym,
        },
        "statusModule": {
            "overallStatus": rng.choice(("COMPLETED", "ACTIVE_NOT_RECRUITING", "RECRUITING", "TERMINATED")),
            "startDateStruct": {"date": f"{trial.year - 4}-{rng.randint(1, 12):02d}"},
            "completionDateStruct": {
                "date": f"{trial.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            },
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": trial.sponsor, "class": "INDUSTRY"}},
        "conditionsModule": {"conditions": [trial.condition.title()]},
        "designModule": {
            "studyType": "INTERVENTIONAL",
            "phases": [f"PHASE{trial.phase}"],
            "designInfo": {
                "allocation": "RANDOMIZED",
                "interventionModel": "PARALLEL",
                "primaryPurpose": "TREATMENT",
                "maskingInfo": {"masking": "DOUBLE" if trial.blinded else "NONE"},
            },
            "enrollmentInfo": {"count": sum(trial.sizes), "type": rng.choice(("ACTUAL", "ESTIMATED"))},
        },
        "armsInterventionsModule": {
            "armGroups": [
                {
                    "label": label,
                    "type": "EXPERIMENTAL"
                    if a < trial.n_arms - 1
                    else ("PLACEBO_COMPARATOR" if trial.blinded else "ACTIVE_COMPARATOR"),
                    "interventionNames": [f"Drug: {d.title()}" for d in trial.arms[a]],
                }
                for a, label in enumerate(arm_labels)
            ],
            "interventions": [
                {
                    "type": "DRUG",
                    "name": d.title(),
                    "armGroupLabels": [lab for a, lab in enumerate(arm_labels) if d in trial.arms[a]],
                }
                for d in drugs
            ],
        },  # fmt: skip
        "outcomesModule": {
            "primaryOutcomes": [
                {
                    "measure": f"{ENDPOINT_NAMES[trial.primary].title()} ({trial.primary})",
                    "timeFrame": "Up to 5 years",
                }
            ],
            "secondaryOutcomes": [{"measure": "Objective Response Rate (ORR)", "timeFrame": "Up to 5 years"}],
        },  # fmt: skip
        "eligibilityModule": {
            "eligibilityCriteria": f"Inclusion Criteria:\n\n* Advanced {trial.condition}\n* ECOG 0-1",
            "sex": "ALL",
            "minimumAge": "18 Years",
        },
    }
    if rng.random() < 0.4:  # the registry links the paper: pairs with the abstract of the same index
        protocol["referencesModule"] = {
            "references": [{"pmid": pmid(i), "type": "RESULT", "citation": f"{trial.acronym} results."}]
        }
    study: dict = {"protocolSection": protocol, "hasResults": False}
    if rng.random() < 0.5:
        study["resultsSection"] = _results_section(rng, trial, arm_labels)
        study["hasResults"] = True
    return study


def _groups(prefix: str, labels: list[str], titles: list[str] | None = None) -> list[dict]:
    return [{"id": f"{prefix}{k:03d}", "title": (titles or labels)[k]} for k in range(len(labels))]


def _results_section(rng: random.Random, trial: Trial, labels: list[str]) -> dict:
    # results tables repeat the arm's name loosely: sometimes without the "Arm A:" designator
    titles = [lab.split(": ", 1)[1] if rng.random() < 0.4 else lab for lab in labels]
    measures = [_survival_measure(rng, trial, ep, labels, titles) for ep in ("OS", "PFS")]
    measures.append(_rate_measure(rng, trial, labels, titles))
    if rng.random() < 0.5:
        measures.append(_mean_measure(rng, trial, labels, titles))
    return {
        "participantFlowModule": {
            "groups": _groups("FG", labels, titles),
            "periods": [
                {
                    "title": "Overall Study",
                    "milestones": [
                        {
                            "type": "STARTED",
                            "achievements": [
                                {"groupId": f"FG{k:03d}", "numSubjects": str(s)}
                                for k, s in enumerate(trial.sizes)
                            ],
                        }
                    ],
                }
            ],
        },  # fmt: skip
        "baselineCharacteristicsModule": {
            "groups": _groups("BG", labels, titles),
            "denoms": [
                {
                    "units": "Participants",
                    "counts": [
                        {"groupId": f"BG{k:03d}", "value": str(s - rng.randint(0, 3))}
                        for k, s in enumerate(trial.sizes)
                    ],
                }
            ],
        },  # fmt: skip
        "outcomeMeasuresModule": {"outcomeMeasures": measures},
        "adverseEventsModule": _adverse_events(rng, trial, labels, titles),
    }


def _survival_measure(
    rng: random.Random, trial: Trial, ep: str, labels: list[str], titles: list[str]
) -> dict:
    meds = trial.medians[ep]
    analyses = []
    for k, (hr, lo, hi) in enumerate(trial.hrs[ep]):
        shown, p_value, qualifier = p_text(rng, hr)
        analyses.append({
            "groupIds": [f"OG{k:03d}", f"OG{trial.n_arms - 1:03d}"],
            "pValue": f"{qualifier or ''}{p_value}",
            "statisticalMethod": "Log Rank",
            "paramType": "Hazard Ratio (HR)",
            "paramValue": fmt(hr, 2),
            "ciPctValue": "95",
            "ciNumSides": "TWO_SIDED",
            "ciLowerLimit": fmt(lo, 2),
            "ciUpperLimit": fmt(hi, 2),
        })  # fmt: skip
    return {
        "type": "PRIMARY" if ep == trial.primary else "SECONDARY",
        "title": f"{ENDPOINT_NAMES[ep].title()} ({ep})",
        "paramType": "MEDIAN",
        "dispersionType": "95% Confidence Interval",
        "unitOfMeasure": "months",
        "groups": _groups("OG", labels, titles),
        "classes": [{"categories": [{"measurements": [
            {"groupId": f"OG{k:03d}", "value": fmt(m, 1), "lowerLimit": fmt(lo, 1),
             "upperLimit": fmt(hi, 1) if hi is not None else "NA"}
            for k, (m, lo, hi) in enumerate(meds)]}]}],
        "analyses": analyses,
    }  # fmt: skip


def _rate_measure(rng: random.Random, trial: Trial, labels: list[str], titles: list[str]) -> dict:
    analyses = []
    if rng.random() < 0.5:
        odds = round(rng.uniform(0.8, 4.0), 2)
        analyses.append({"groupIds": ["OG000", f"OG{trial.n_arms - 1:03d}"], "paramType": "Odds Ratio (OR)",
                         "paramValue": fmt(odds, 2), "ciPctValue": "95", "ciLowerLimit": fmt(odds * 0.7, 2),
                         "ciUpperLimit": fmt(odds * 1.4, 2), "pValue": f"{rng.uniform(0.001, 0.5):.3f}"})  # fmt: skip
    return {
        "type": "SECONDARY",
        "title": "Objective Response Rate (ORR)",
        "paramType": "NUMBER",
        "dispersionType": "95% Confidence Interval",
        "unitOfMeasure": "percentage of participants",
        "groups": _groups("OG", labels, titles),
        "classes": [{"categories": [{"measurements": [
            {"groupId": f"OG{k:03d}", "value": fmt(r, 1), "lowerLimit": fmt(max(r - 6, 0), 1),
             "upperLimit": fmt(min(r + 6, 100), 1)} for k, r in enumerate(trial.orr)]}]}],
        "analyses": analyses,
    }  # fmt: skip


def _mean_measure(rng: random.Random, trial: Trial, labels: list[str], titles: list[str]) -> dict:
    return {
        "type": "SECONDARY",
        "title": "Change From Baseline in Global Health Status Score",
        "paramType": "MEAN",
        "dispersionType": rng.choice(("STANDARD_DEVIATION", "STANDARD_ERROR")),
        "unitOfMeasure": "score on a scale",
        "groups": _groups("OG", labels, titles),
        "classes": [{"categories": [{"measurements": [
            {"groupId": f"OG{k:03d}", "value": fmt(rng.uniform(-10, 10), 2), "spread": fmt(rng.uniform(1, 20), 2)}
            for k in range(trial.n_arms)]}]}],
    }  # fmt: skip


def _adverse_events(rng: random.Random, trial: Trial, labels: list[str], titles: list[str]) -> dict:
    groups = []
    for k, size in enumerate(trial.sizes):
        at_risk = size - rng.randint(0, 5)
        groups.append({"id": f"EG{k:03d}", "title": titles[k], "seriousNumAffected": rng.randint(0, at_risk // 2),
                       "seriousNumAtRisk": at_risk, "otherNumAffected": rng.randint(0, at_risk),
                       "otherNumAtRisk": at_risk})  # fmt: skip

    def events(count: int) -> list[dict]:
        return [{"term": term, "organSystem": organ, "sourceVocabulary": "MedDRA (26.0)",
                 "assessmentType": "SYSTEMATIC_ASSESSMENT",
                 "stats": [{"groupId": g["id"], "numAffected": rng.randint(0, g["seriousNumAtRisk"] // 3),
                            "numAtRisk": g["seriousNumAtRisk"]} for g in groups]}
                for term, organ in rng.sample(AE_TERMS, count)]  # fmt: skip

    return {
        "frequencyThreshold": "5",
        "eventGroups": groups,
        "seriousEvents": events(rng.randint(0, 3)),
        "otherEvents": events(rng.randint(1, 6)),
    }


# --- writing ----------------------------------------------------------------------------------


def generate(n: int, seed: int, out: Path, manifest: Path | None = None) -> int:
    """Write the corpus under ``out`` (one file at a time); returns the number of files."""
    written = 0
    made: set[Path] = set()
    sink = manifest.open("w", encoding="utf-8") if manifest else None
    try:
        for i in range(n):
            shard = f"{i // SHARD:03d}"
            record = json.dumps(registry_record(seed, i, n), ensure_ascii=False)
            text, facts = abstract_page(seed, i, n)
            for rel, body in ((f"ctgov/{shard}/{nct_id(i)}.json", record),
                              (f"abstracts/{shard}/PMID{pmid(i)}.txt", text)):  # fmt: skip
                path = out / rel
                if path.parent not in made:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made.add(path.parent)
                path.write_text(body, encoding="utf-8")
                written += 1
            if sink:
                sink.write(json.dumps(facts) + "\n")
    finally:
        if sink:
            sink.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="registry records, and as many abstracts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder to write (ctgov/, abstracts/)")
    parser.add_argument("--manifest", type=Path, help="JSON lines: the hazard ratios each abstract prints")
    parser.add_argument(
        "--archive",
        action="append",
        default=[],
        choices=("studies.zip", "AllPublicXML.zip", "pubmed26n0001.xml.gz"),
        help="write the corpus as this archive in OUT instead of folders of files (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    start = time.perf_counter()
    if args.archive:
        from corpus_archives import write_archives

        files = len(write_archives(args.n, args.seed, args.out, tuple(args.archive)))
    else:
        files = generate(args.n, args.seed, args.out, args.manifest)
    seconds = time.perf_counter() - start
    print(
        f"wrote {files} files to {args.out} in {seconds:.1f} s ({files / seconds:,.0f} files/s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
