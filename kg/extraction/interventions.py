"""What kind of intervention a plain name denotes: ``intervention_kind("lobectomy")`` is
``"procedure"``.

Abstracts name non-drug interventions by what is done ("whole brain radiotherapy",
"video-assisted thoracoscopic surgery", "counselling", "low-dose computed tomography"), so the
kind follows from general word rules -- the words and suffixes of radiotherapy, surgery,
imaging and screening, behavioural programmes, supplements, biologicals -- never from a list
of trial-specific names.  Rules are tried in order and the first that matches decides, so an
earlier, more specific reading wins: "stereotactic radiosurgery" is radiation, not surgery;
"surgical staging" is a diagnostic strategy; "placebo patch" is a placebo.  A name no rule
reads is a drug only when it looks like one (:func:`kg.extraction.lexicon.is_drug_name`),
else "other".
"""

from __future__ import annotations

import re

from kg.extraction.lexicon import is_drug_name
from kg.model import InterventionKind


def _words(*patterns: str) -> re.Pattern[str]:
    """Case-insensitive alternatives, each starting at a word boundary."""
    return re.compile(r"(?i)\b(?:" + "|".join(patterns) + ")")


def _abbreviations(*names: str) -> re.Pattern[str]:
    """Upper-case abbreviations as whole words, case-sensitive ("CT", never "act")."""
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")


# (kind, pattern), in the order they are tried.
_RULES: tuple[tuple[InterventionKind, re.Pattern[str]], ...] = (
    ("placebo", _words(r"placebos?\b", r"dumm(?:y|ies)\b", r"sugar pills?\b", r"vehicle\b")),
    (
        "usual_care",
        _words(
            r"(?:best|optimal|optimi[sz]ed|standard|usual|routine|conventional)(?:[\s-]+\w+){0,2}[\s-]+care\b",
            r"(?:standard|usual)[\s-]+(?:of[\s-]+care|treatment|practice)\b",
            r"supportive care\b",
            r"observation\b",
            r"watchful waiting\b",
            r"active (?:surveillance|monitoring)\b",
            r"expectant management\b",
            r"wait[\s-]and[\s-]see\b",
            r"no (?:further |active )?(?:treatment|intervention|therapy)\b",
        ),
    ),
    ("usual_care", _abbreviations("BSC", "SOC")),
    ("combination_product", _words(r"combination product", r"drug[\s-](?:eluting|coated)")),
    (
        "radiation",
        re.compile(
            r"(?i)radiotherap|radiation|irradiat|radiosurg|brachytherap|tomotherap|radioemboli"
            r"|\bradioactive\b|\bradioiodine\b|\bproton (?:beam|therapy)|\bgamma knife|\bcyberknife"
            r"|\b\d+(?:[.,]\d+)?\s*c?Gy\b|\bc?Gy\b"
        ),
    ),
    ("radiation", _abbreviations(r"RT(?!-)", "WBRT", "SRS", "SBRT", "SABR", "IMRT", "PORT", "3D-CRT")),
    (
        "diagnostic",
        _words(
            r"screen(?:ing)?s?\b",
            r"staging\b",
            r"\w*tomogra(?:phy|phic|m)",
            r"\w*radiogra(?:phy|phs?|m)",
            r"x-?rays?\b",
            r"imaging\b",
            r"scan(?:s|ning)?\b",
            r"mammogra",
            r"magnetic resonance",
            r"\w*sonogra",
            r"ultrasound",
            r"\w*cardiogra",
            r"\w+scopy\b",
            r"diagnos",
            r"tests?\b",
            r"testing\b",
            r"assays?\b",
            r"biomarker",
            r"cytology\b",
            r"serolog",
            r"detection\b",
            r"polymerase chain reaction",
        ),
    ),
    (
        "diagnostic",
        _abbreviations("PCR", "CT", "LDCT", "CXR", "PET", "MRI", "EBUS", "EUS", "FDG", "ECG", "EKG"),
    ),
    (
        "procedure",
        _words(
            r"\w+(?:ectom(?:y|ies)|otom(?:y|ies)|ostom(?:y|ies)|plast(?:y|ies)|pexy|rrhaphy|centesis|desis)\b",
            r"surg(?:ery|eries|ical)\b",
            r"operati(?:on|ons|ve)\b",
            r"resections?\b",
            r"dissections?\b",
            r"excisions?\b",
            r"transplant(?:s|ation)?\b",
            r"amputations?\b",
            r"implantations?\b",
            r"ablations?\b",
            r"biops(?:y|ies)\b",
            r"sampling\b",
            r"drainage\b",
            r"curettage\b",
            r"ligation\b",
            r"fixation\b",
            r"repair\b",
            r"reconstruction\b",
            r"graft(?:s|ing)?\b",
            r"an(?:a)?esthesia\b",
            r"acupuncture\b",
            r"catheteri[sz]ation\b",
            r"intubation\b",
            r"emboli[sz]ation\b",
        ),
    ),
    ("procedure", _abbreviations("VATS", "RFA")),
    (
        "genetic",
        _words(r"gene(?:tic)?[\s-](?:therapy|transfer|editing)", r"genetically modified", r"viral vector"),
    ),
    (
        "device",
        _words(
            r"devices?\b",
            r"stents?\b",
            r"pumps?\b",
            r"catheters?\b",
            r"pacemakers?\b",
            r"defibrillators?\b",
            r"implants?\b",
            r"prosthes[ie]s\b",
            r"lasers?\b",
            r"stimulat(?:ion|or)\b",
            r"hearing aids?\b",
            r"ventilators?\b",
            r"monitors?\b",
            r"sensors?\b",
            r"apps?\b",
            r"smartphones?\b",
            r"dressings?\b",
        ),
    ),
    ("device", _abbreviations("CPAP", "TENS", "tDCS", "TMS")),
    (
        "dietary_supplement",
        _words(
            r"supplement(?:s|ation)?\b",
            r"(?:multi)?vitamins?\b",
            r"fish oil",
            r"omega[\s-]?3",
            r"probiotics?\b",
            r"\w*carotene\b",
            r"\w*tocopherol\b",
            r"lutein\b",
            r"herbal\b",
            r"extracts?\b",
        ),
    ),
    (
        "biological",
        re.compile(
            r"(?i)\w+mab\b|\bvaccin|\bantibod|\bimmunoglobulin|\w*globulin\b|\bplasma\b|\bbooster|\banti(?:serum|toxin|venom)|\binterferon"
            r"|\binterleukin|\bBCG\b|\btoxoid|\bcell(?:ular)?[\s-]*therap|\bCAR-?T\b"
            r"|\b(?:stem|T|NK|dendritic|killer)[\s-]cells?\b|\w{4,}cel\b"
        ),
    ),
    (
        "behavioral",
        _words(
            r"counsel(?:l?ing|s)?\b",
            r"behaviou?r",
            r"educat(?:ion|ional)\b",
            r"exercis(?:e|es|ing)\b",
            r"training\b",
            r"psychotherap",
            r"cognitive\b",
            r"mindfulness\b",
            r"motivational\b",
            r"coaching\b",
            r"self[\s-](?:help|management)\b",
            r"lifestyle\b",
            r"physical activity\b",
            r"rehabilitation\b",
            r"yoga\b",
            r"meditation\b",
            r"relaxation\b",
            r"problem[\s-]solving\b",
            r"reminders?\b",
            r"messag(?:e|es|ing)\b",
            r"support(?: groups?)?\b",
            r"diets?\b",
            r"program(?:me)?s?\b",
            r"quitlines?\b",
        ),
    ),
    ("behavioral", _abbreviations("CBT")),
    (
        "drug",
        _words(
            r"tablets?\b",
            r"capsules?\b",
            r"pills?\b",
            r"patch(?:es)?\b",
            r"gum\b",
            r"lozenges?\b",
            r"inhalers?\b",
            r"sprays?\b",
            r"injections?\b",
            r"infusions?\b",
            r"ointments?\b",
            r"creams?\b",
            r"suppositor(?:y|ies)\b",
            r"replacement therapy\b",
            r"\w+ic acid\b",
        ),
    ),
    ("drug", _abbreviations("NRT")),
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")


def intervention_kind(name: str) -> InterventionKind:
    """The kind of intervention a plain name (as an abstract prints it) denotes."""
    for kind, pattern in _RULES:
        if pattern.search(name):
            return kind
    return "drug" if looks_like_drug(name) else "other"


def looks_like_drug(name: str) -> bool:
    """The whole name, or one of its words, is a drug name the lexicon rules know."""
    return is_drug_name(name.strip()) or any(is_drug_name(w) for w in _TOKEN.findall(name))
