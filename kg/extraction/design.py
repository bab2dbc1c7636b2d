"""Trial-level facts from an abstract: registration, design, population, endpoints, follow-up."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kg.extraction.abbreviations import definitions
from kg.extraction.lexicon import is_drug_name
from kg.extraction.text import Cued
from kg.model import Condition, Population

REGISTRY_IDS = re.compile(
    r"\b(NCT\d{8}|\d{4}-\d{6}-\d{2}|JapicCTI-\d{6}|ISRCTN\d{8}|ChiCTR[-A-Z0-9]+|ACTRN\d{14}|UMIN\d{9})\b"
)
# as abstracts print them: a space or a dash may part the prefix from the digits ('NCT 00176137',
# 'ISRCTN 80978588', 'NCT‐00552175'); the id is the prefix and digits together
PRINTED_REGISTRY_IDS = re.compile(
    r"\b(?:(?P<prefix>NCT|ISRCTN|ACTRN|UMIN)[\s\u2010\u2011\u2013-]?(?P<digits>\d{14}|\d{8,9})|"
    + REGISTRY_IDS.pattern.removeprefix(r"\b(").removesuffix(r")\b")
    + r")\b"
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_STAGE_WORDS = (
    "locally advanced",
    "advanced",
    "metastatic",
    "recurrent",
    "unresectable",
    "early-stage",
    "early",
    "relapsed",
    "refractory",
    "stage iiib or iv",
    "stage iv",
    "stage iii",
)
# A disease word that names an institution, a study group or a gene is no condition:
# 'National Cancer Institute', 'cancer treatment facilities', 'the Lung Cancer Study Group',
# 'anaplastic lymphoma kinase'.
_NAMES_NO_DISEASE = (
    r"(?!\s+(?:treatment\s+)?(?:institutes?|cent(?:er|re)s?|facilities|society|kinase|network|registry|"
    r"foundation|council)\b|\s+(?-i:Study|Trial|Group|Collaborative|Research)\b)"
)
_DISEASE = re.compile(
    # words start at a word's start: 'chemotherapy-naïve advanced non-small cell lung cancer' has no word 've'
    r"(?i)((?:(?<![\w-])[a-z][a-z-]*\s){0,5}?)(cancer|carcinoma|melanoma|lymphoma|leuka?emia|myeloma|"
    r"mesothelioma|sarcoma|glioblastoma|glioma)\b" + _NAMES_NO_DISEASE + r"(?:\s*\(([A-Z]{2,8})\))?"
)
_STOP = {
    "for",
    "with",
    "of",
    "in",
    "patients",
    "and",
    "the",
    "a",
    "an",
    "after",
    "to",
    "versus",
    "vs",
    "or",
    "who",
    "had",
    "have",
    "as",
    "treatment",
    "previously",
    "treated",
    "untreated",
    # verbs and prepositions before a disease name: 'will develop metastatic cancer', 'is
    # comparing lung cancer screening', 'mortality from lung cancer', 'radiotherapy on inoperable'
    # ('from' stays: 'brain metastases from extracranial primary cancer')
    "on",
    "is",
    "are",
    "was",
    "were",
    "will",
    "develop",
    "comparing",
    "compared",
    "mortality",
    "staging",
    "against",
    "treat",
    "treating",
}


def registry_ids(text: str) -> list[str]:
    """The registry numbers a text prints, each written as its registry writes it."""
    found = (
        m.group("prefix") + m.group("digits") if m.group("prefix") else m.group()
        for m in PRINTED_REGISTRY_IDS.finditer(text)
    )
    return list(dict.fromkeys(i for i in found if REGISTRY_IDS.fullmatch(i)))


def acronym(title: str, text: str) -> str | None:
    """The trial's short name: 'CONTACT-01: ...', '(ACRONYM)' in a title, 'X ClinicalTrials.gov',
    'the X trial'; never a stage, phase, measure, disease, gene, agency or drug code printed
    the same way (see ``_names_a_trial``)."""
    for candidate, before in _acronym_candidates(title, text):
        if _names_a_trial(candidate, before, text):
            return candidate
    return None


def _acronym_candidates(title: str, text: str) -> list[tuple[str, str]]:
    """(candidate, the words just before it when an agent's code could be meant), most
    telling place first: a title's head, the registration sentence, a title's brackets,
    then '(the) ... X trial'."""
    found = []
    m = re.match(r"^([A-Z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+){0,2})\s*:", title)
    if m and re.search(r"\d|[A-Z]{3,}|[a-z][A-Z]", m.group(1)):  # 'PointBreak: a randomized phase III study'
        found.append((m.group(1), ""))
    m = re.search(r"(?:;|\.)\s*([A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)?)\s+ClinicalTrials\.gov", text)
    if m and m.group(1).split()[0] not in {"Funded", "The", "This"}:
        found.append((m.group(1), ""))
    m = re.search(r"\b([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s+\(ClinicalTrials\.gov", text)
    if m and re.search(r"\d|[A-Z]{3,}", m.group(1)):
        found.append((m.group(1), ""))
    found += [(m.group(1), "") for m in _TITLE_NAME.finditer(title)]
    found += [(m.group(1), "") for m in _TITLE_TAIL.finditer(title)]
    found += [(m.group(1), "") for m in _TITLE_END_NAME.finditer(title)]
    found += [(m.group(1), "") for m in _GROUP_CODE.finditer(title)]
    found += [(m.group(1), title[: m.start()]) for m in _TITLE_CODE.finditer(title)]
    found += [(m.group(1), "") for m in _NAMED_TRIAL.finditer(title)]
    found += [(_group_number(m), "") for m in _GROUP_NUMBER.finditer(title)]
    found += [(m.group(1), "") for m in _DEFINED_NAME.finditer(text)]
    found += [(m.group(1), "") for m in _NAMED_TRIAL.finditer(text)]
    return found


_TITLE_NAME = re.compile(  # '(RTOG 0617):', '(LUX-Lung 8):'
    r"\(([A-Z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)*?[- ]?\d[A-Za-z]?|[A-Z][A-Z0-9-]{2,})\)\s*:"
)
# a cooperative group's code and number after the title's colon: '...: CALGB 9633 with the Cancer and Leukemia
# Group B, ...'
_GROUP_CODE = re.compile(r":\s*([A-Z]{3,8}\s\d{3,5}[A-Z]?)\b(?![./-]\d)")
# a numbered name closing the title: '...Advanced Lung Adenocarcinoma: WJOG 5108L.'
_TITLE_TAIL = re.compile(r"(?::|--)\s*([A-Z][A-Za-z]*(?:[- ][A-Z][A-Za-z]*)?[- ]?\d+[A-Za-z]?)\.?\s*$")
# the trial a title ends on naming: '...: updated survival analysis of JBR-10', '(results of CALGB 30102)',
# '... the randomized multicenter phase III trial BMS099'
_TITLE_END_NAME = re.compile(
    r"\b(?:(?:results?|analys[ie]s|report|update)\s+of(?:\s+the)?|[Tt]rial|[Ss]tudy)\s+"
    r"([A-Z][A-Za-z]*(?:[- ][A-Z][A-Za-z]*)?[- ]?\d+[A-Za-z]?)\)?\.?\s*$"
)
# 'The National Lung Screening Trial (NLST)', 'a multicohort study (KEYNOTE-021)'
_DEFINED_NAME = re.compile(
    r"\b(?:[Tt]rial|[Ss]tudy)\s*\(([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*(?: \d{3,5}[A-Z]?)?)\)"
)
# in brackets without the colon, a code may also be an agent's ('crizotinib (PF02341066)')
_TITLE_CODE = re.compile(r"\(([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\d[A-Za-z]?)\)")
_NAMED_TRIAL = re.compile(
    r"\b([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*(?: \d{3,5}[A-Z]?)?)\s+"
    r"(?:(?:randomi[sz]ed|controlled|clinical|multicent(?:er|re)|prospective)\s+){0,3}"
    r"(?:[Tt]rial|[Ss]tudy)\b(?!\s+assays?\b)"  # 'the 22C3 and SP263 clinical trial assays' name assays
)
# a cooperative group's numbered trial: 'Southwest Oncology Group Trial S9900' (the code is the
# name, as 'ACOSOG Z0030 Trial' is Z0030's), 'Radiation Therapy Oncology Group (RTOG) 0212'
# (the group's initials and the number, split by the spelt-out name's bracket); never a
# performance status ('Eastern Cooperative Oncology Group (ECOG) 0-1'). In a title only: the
# text names other trials too ('... survival in the Radiation Therapy Oncology Group (RTOG) 0617
# study. We assessed ...' of a pooled analysis of other trials)
_GROUP_NUMBER = re.compile(
    r"\b(?:Group|Intergroup|Consortium|Network)\s+(?:(?:[Tt]rial|[Ss]tudy|[Pp]rotocol)\s+"
    r"(?P<code>[A-Z]{1,6}-?\d{3,5}[A-Z]?)|\((?P<group>[A-Z]{2,8})\)\s+(?P<number>\d{3,5}[A-Z]?|\d{2}-\d{2}))"
    r"(?![\w%/.-]*\d)(?![\w%/-])"
)
_NOT_A_NAME = re.compile(
    r"(?:I{1,3}|IV|VI{0,3}|IX|X)[A-D]?"  # roman numerals: phases, stages ('III', 'IIIB')
    r"|(?:[TNM][0-4Xx][a-d]?)+"  # TNM categories ('N2', 'T1N0M0')
    r"|[A-Z]\d{2,4}[A-Z]"  # protein variants ('V600E', 'L858R', 'T790M')
    r"|(?i:nct)\d+"  # a registry number, whatever its case
)
# a code in brackets right after an agent's name is the agent's ('crizotinib (PF02341066)')
_AGENT_BEFORE = re.compile(r"(?i)(?:inhibitors?|antibody|agent|compound|drug)\s*$")


def _group_number(m: re.Match[str]) -> str:
    return m.group("code") or f"{m.group('group')} {m.group('number')}"


@cache
def _not_trial_names() -> frozenset[str]:
    """Abbreviations printed like a trial's name that name something else (a measure, a
    disease, a gene, a cooperative group...): the curated list kg/lexicon/not-trial-names.txt."""
    text = resources.files("kg").joinpath("lexicon", "not-trial-names.txt").read_text(encoding="utf-8")
    return frozenset(w.upper() for line in text.splitlines() for w in line.split("#")[0].split())


def _names_a_trial(candidate: str, before: str, text: str) -> bool:
    name = candidate.strip()
    if name.upper() in _not_trial_names() or _NOT_A_NAME.fullmatch(name) or is_drug_name(name):
        return False
    if any(not re.search(r"\d|[A-Z].*[A-Z]", word) for word in name.split()):
        return False  # 'FDA Approval Summary', 'KRAS mutation': words, not a name
    words = before.split()
    if words and (is_drug_name(words[-1].strip("(),")) or _AGENT_BEFORE.search(before)):
        return False
    if name in definitions(text):  # spelled out by its initials somewhere in the text
        spelled = re.search(r"(\S+)\s+\(" + re.escape(name) + r"\)", text)
        # in lower-case words a common noun's ('non-small cell lung cancer (NSCLC)'); a
        # proper name's in capitals ("Women's Health Initiative (WHI)")
        return bool(spelled and spelled.group(1)[:1].isupper())
    return True


def phase(text: str) -> str | None:
    # 'phase 2B' is phase 2
    m = re.search(r"(?i)\bphase\s+(I{1,3}V?|[1-4])[ab]?(?:\s*(?:/|-|and)\s*(I{1,3}V?|[1-4])[ab]?)?\b", text)
    if not m:
        return None
    parts = [_ROMAN.get(p.lower(), p) for p in m.groups() if p]
    return "/".join(parts)


# randomised trials a report calls for, not its own design: 'These results will need further
# validation by prospective, randomized trials', 'support the assessment of nivolumab in randomised,
# controlled, phase 3 studies', 'randomized trials are needed'
_CALLED_FOR = re.compile(
    r"(?i)\b(?:further|future|larger|additional|confirmatory|validation\s+(?:by|in))\s+(?:[\w-]+,?\s+){0,4}?"
    r"randomi[sz]ed\s+(?:[\w-]+,?\s+){0,3}?(?:trials?|studies)"
    r"|\b(?:assessment|evaluation|investigation|testing)\s+of\s+[^.;]{1,60}?\s+in\s+(?:[\w-]+,?\s+){0,3}?"
    r"randomi[sz]ed\s+(?:[\w-]+,?\s+){0,4}?(?:trials?|studies)"
    r"|\brandomi[sz]ed\s+(?:[\w-]+,?\s+){0,3}?(?:trials?|studies)\s+(?:are|is|will\s+be)\s+(?:\w+\s+)?"
    r"(?:needed|warranted|required|necessary)"
)


def randomized(text: str) -> bool | None:
    # 'randomly assigned', 'assigned randomly', 'allocated at random', 'randomly divided' (not 'non-randomised')
    text = _CALLED_FOR.sub(" ", text)
    if re.search(
        r"(?i)(?<!non-)(?<!non)\brandomi[sz](?:ed|ation)|\brandomly\s+(?:assigned|allocated|divided|distributed)"
        r"|\b(?:assigned|allocated|divided|distributed)\s+(?:at\s+random|randomly)\b",
        text,
    ):
        return True
    if re.search(r"(?i)\b(single-arm|non-?randomi[sz]ed)\b", text):
        return False
    return None


_OWN_TRIAL = Cued(
    re.compile(
        r"(?i)\b(?:a|this|the\s+present)\s+(?:randomi[sz]ed\s+)?(?:multicent\w+\s+)?phase\s+(?:I{1,3}V?|[1-4])\w?\s+"
        r"(?:study|trial)\s+(?:was|has\s+been)\s+(?:performed|conducted|undertaken|done|carried\s+out|designed)"
        r"|\b(?:were|was|we|being|been)\s+(?:\w+\s+){0,2}(?:randomi[sz]ed|randomly\s+(?:assigned|allocated))"
        r"|\brandomi[sz]ed\s+(?:to|into|between)\b|\bthis\s+(?:\w+[\s,-]+){0,5}(?:trial|study)\b"
        r"|\b(?:in|this)\s+(?:an?\s+)?(?:open-label\s+|double-blind\s+|multicent\w+\s+|randomi[sz]ed\s+|"
        r"controlled\s+|,\s*)*phase\s+(?:I{1,3}V?|[1-4])(?:/(?:I{1,3}|[1-4]))?[a-b]?\s+(?:\w+\s+){0,3}(?:trial|study)\b"
    ),
    ("random", "phase", "this"),
)
_REVIEW = Cued(
    re.compile(
        r"(?i)\b(?:meta-?analys[ie]s|systematic\s+review|pooled\s+analysis\s+of\s+(?!two|2\b)|review\s+of\s+the\s+literature|"
        r"literature\s+review|we\s+review(?:ed)?|this\s+review|narrative\s+review|consensus|guideline)"
    ),
    ("analys", "review", "consensus", "guideline"),
)


# a title whose subtitle names the trial it reports: '...: A Phase 2 Randomized Clinical Trial.',
# '...: a randomised, double-blind, phase 3 trial', '...: results of a randomized trial'
_TITLE_TRIAL = re.compile(
    r"(?i):\s*(?:(?:final\s+)?results\s+(?:of|from)\s+)?(?:an?|the)\s+(?:[\w-]+,?\s+){0,6}?"
    r"(?:randomi[sz]ed|phase\s+(?:I{1,3}V?|[1-4])[a-b]?)(?:,?\s+[\w-]+){0,6}?\s+(?:clinical\s+)?(?:trial|study)\.?\s*$"
)


def reports_trial(title: str, text: str) -> bool:
    """The text reports a trial of its own: participants it randomised ('patients were
    randomly assigned'), 'this phase II study', or a title that says so ('...: A Phase 2
    Randomized Clinical Trial'); not a review or meta-analysis of trials."""
    both = f"{title}. {text}"
    return bool(_OWN_TRIAL.search(both) or _TITLE_TRIAL.search(title)) and not _REVIEW.search(both)


# a ratio of whole numbers, however spaced ('1:1', '2:2:1', '1 : 1', '1: 1'), not a decimal's
# tail ('a male/female ratio of 1.9:1')
_RATIO = r"(?<![\d.])(\d+(?:\s?:\s?\d+)+)\b"
# the ratio the participants were allocated in: after the allocating verb in its sentence
# ('randomly assigned in a 2:1 ratio', 'were assigned (1:1) to receive'), or naming itself
# ('(2:2:1 allocation ratio)', 'a 1:1 randomized controlled trial')
_ALLOCATION_RATIO = re.compile(
    rf"(?i)\b(?:random|allocat|assign)\w*[^.]{{0,200}}?{_RATIO}|{_RATIO}\s+(?:allocation|randomi[sz])"
)


def allocation_ratio(text: str) -> str | None:
    """The allocation ratio as printed without spaces ('2:2:1')."""
    m = _ALLOCATION_RATIO.search(text)
    return re.sub(r"\s", "", m.group(1) or m.group(2)) if m else None


# 'Those who progressed on placebo received open-label erlotinib', 'an open-label extension':
# the drug or phase after the randomised comparison is unmasked, not the comparison
_LATER_PHASE = re.compile(
    r"(?i)\bprogress\w*|\bcross(?:ed)?[- ]?over\b|\bswitch\w*|\bextension\b|\bat\s+relapse\b"
)
_OPEN_LABEL = re.compile(r"(?i)\bopen[- ]label\b(?:\s+([\w-]+))?")


def blinding(text: str) -> str | None:
    """How the randomised comparison was masked: 'open-label', 'double-blind' (with
    'placebo-controlled' when said), 'single-blind'."""
    low = text.lower()
    if any(_open_trial(sentence) for sentence in re.split(r"(?<=[.;])\s+", text)):
        return "open-label"
    if "double-blind" in low or "double blind" in low:
        return "placebo-controlled double-blind" if "placebo-controlled" in low else "double-blind"
    if "single-blind" in low:
        return "single-blind"
    return None


def _open_trial(sentence: str) -> bool:
    """An 'open-label' that tells how the trial was run, not one that qualifies the drug or
    the phase of a later step ('received open-label erlotinib' at progression)."""
    for m in _OPEN_LABEL.finditer(sentence):
        later = m.group(1) and (is_drug_name(m.group(1)) or m.group(1).lower() in {"extension", "phase"})
        if not (later and _LATER_PHASE.search(sentence)):
            return True
    return False


def multicenter(text: str) -> bool | None:
    if re.search(r"(?i)\bmulti-?cent(?:er|re)|\bmultinational\b|\bmulti-?institutional\b", text):
        return True
    sites = re.search(
        r"(?i)\b(\d+)\s+(?:[\w.-]+\s+){0,4}?(?:sites|centres|centers|hospitals|institutions|clinics|practices)\b",
        text,
    )
    if sites and int(sites.group(1)) > 1:
        return True
    if re.search(r"(?i)\bsingle-?cent(?:er|re)\b", text):
        return False
    return None


def population(title: str, text: str) -> Population:
    both = f"{title}. {text}"
    cond = condition(title) or condition(text)
    if cond and not cond.abbreviation:
        cond.abbreviation = _abbreviation_in(both, cond.name)
    low = both.lower()
    stage = next((w for w in _STAGE_WORDS if w in low and re.search(rf"\b{w}\b", low)), None)
    setting = re.search(r"(?i)\b(?:after|following)\s+(?:an?\s+)?([^.;:]+)$", title)
    return Population(
        condition=cond,
        disease_stage=stage,
        line_of_therapy=line_of_therapy(title) or line_of_therapy(text),
        setting=setting.group(0).strip().lower() if setting else None,
    )


def condition(text: str) -> Condition | None:
    for m in _DISEASE.finditer(text):
        words = m.group(1).split()
        keep: list[str] = []
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _STOP:
                if words[i].lower() == "and" and i and words[i - 1].lower() == "head":
                    keep[:0] = words[i - 1 : i + 1]  # 'head and neck cancer' is one disease
                break
            keep.insert(0, words[i])
        name = " ".join(keep + [m.group(2)]).lower()
        for stage in _STAGE_WORDS:
            name = re.sub(rf"^{stage}\s+", "", name)
        name = re.sub(r"^(?:and|or|from)\s+", "", name)
        # a gene's result whose gene stands in brackets before it: 'ALK (...)-positive NSCLC'
        name = re.sub(r"^(?:positive|negative|mutant|mutated|rearranged)\s+", "", name)
        if len(name.split()) >= 2 or m.group(2).lower() not in {"cancer", "carcinoma"}:
            abbrev = m.group(3) or _abbreviation_in(text, name)
            return Condition(name=name, abbreviation=abbrev)
    return None


def _abbreviation_in(text: str, name: str) -> str | None:
    m = re.search(re.escape(name) + r"\s*\(([A-Z]{2,8})\)", text, re.IGNORECASE)
    return m.group(1) if m else None


def line_of_therapy(text: str) -> str | None:
    low = text.lower()
    for pattern, line in (
        (r"\bfirst-line\b|\buntreated\b|\btreatment-na[iï]ve\b|\bchemo(?:therapy-)?na[iï]ve\b", "first-line"),
        (r"\bsecond-line\b", "second-line"),
        (
            r"\bpreviously treated\b|\bpretreated\b|\bafter (?:disease )?progression\b|\bprogressed\b"
            r"|\brefractory\b|\bafter (?:a |an )?\w+ (?:inhibitor|chemotherapy)",
            "previously treated",
        ),
        (r"\bmaintenance\b", "maintenance"),
        (r"\badjuvant\b", "adjuvant"),
    ):
        if re.search(pattern, low):
            return line
    return None
