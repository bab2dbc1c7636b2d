"""Plain names of interventions that are not drugs, from the words an abstract prints.

'three annual screenings with either low-dose CT (26,722 participants)' names the
intervention 'low-dose computed tomography'; 'postoperative whole-brain radiotherapy
(radiotherapy group, 49 patients)' names 'postoperative whole-brain radiotherapy'. A name is
the noun phrase of the arm description: leading verbs and quantities go, the phrase ends where
a preposition or clause starts ('for two weeks', 'in case ...', 'given daily'), abbreviations
the abstract defines are written out, and spellings of one modality become one
('radiation therapy' is 'radiotherapy').
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"(?i)^(?:\s*(?:(?:the\s+)?(?:outcomes?|results?|performance|(?:diagnostic\s+)?accuracy|ability|impact|effects?|"
    r"efficacy|role|value|receipt|benefits?|feasibility|those)\s+(?:of|between|after)\s+|(?:an?\s+)?combination\s+of\s+|\d\)|[a-d]\)|(?:and|or)\s+[a-d],|and|or|either|both|to|receive|receiving|undergo|undergoing|be\s+treated\s+with|treated\s+with|"
    # 'and then began radiation therapy on day 50': when a treatment started is not its name
    r"(?:then\s+)?(?:began|begun|started|commenced|initiated)(?:\s+(?:receiving|with))?|"
    r"intravenous|oral|subcutaneous|transdermal|intramuscular|inhaled|monthly|weekly|daily|"
    # 'a twice weekly supervised one hour exercise intervention', '2 ml of alpaca seminal plasma'
    r"(?:once|twice|thrice|(?:three|four|\d)\s+times)[\s-](?:daily|weekly|a\s+day|a\s+week)|"
    r"(?:(?:supervised|one|two|\d+)[\s-]+)+(?:hours?|minutes?|min)(?=\s+\w)|"
    # 'an 8-week mindfulness course', 'a 9-session group program': its length, not its name
    r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve)-(?:sessions?|weeks?|months?|days?|years?|visits?|"
    r"lessons?|modules?)(?:-long)?(?=\s+\w)|"
    r"\d+(?:\.\d+)?\s*(?:ml|mL|mg|g|µg|μg|mcg|IU|litres?|liters?)(?:/(?:kg|day|d))?\s+(?:of\b)?|(?:single\s+)?(?:tablets?|capsules?|pills?)\s+(?:of|containing)|"
    r"treatment\s+with|therapy\s+with|management\s+with|the|an?|immediate|(?:an?\s+)?additional|further|"
    r"(?:(?:a\s+)?single|\d+|one|two|three|four|five|six|eight|twelve)(?:\s*\([^()]{1,12}\))?(?:\s+or\s+\w+)?\s+"
    r"(?:more\s+|additional\s+|further\s+)?(?:annual\s+|weekly\s+|daily\s+|monthly\s+)?"
    r"(?:cycles?|courses?|sessions?|doses?|weeks?|months?|years?|days?|rounds?|screenings?|fractions?)\s+(?:of|with)|"
    r"(?:\d+|one|two|three|four|five|six|eight|twelve)\s+annual\s+screenings?\s+with)\b[\s,:]*)+"
)
_STOP = re.compile(
    r"(?i)\s+(?:for|in\s+case|if|when|whenever|until|on|at|during|per|every|once|twice|given|administered|"
    r"delivered|prescribed|scheduled|lasting|consisting|emulsified|dissolved|diluted|suspended|reconstituted|"
    r"without|daily|weekly|from|after|before|to|in|by|via|using|according|as|which|who|that|where|while|"
    r"including|within|over|up\s+to|starting|beginning|uptitrated|titrated|reducing|plus|followed|and\s+then|"
    r"on\s+days?|q\d|×|x\s*\d|"
    r"intramuscularly|intravenously|orally|subcutaneously|topically|intranasally|intraperitoneally|"
    # a clause about the intervention starts: 'thoracoscopic lobectomy is associated with ...'
    # a word of a hyphenated name stops nothing: 'on-demand antibiotics', 'as-needed salbutamol'
    r"is|are|was|were|has|have|had|remains?|remained|between|versus|vs|compared|than|available|but)\b(?!-\w)"
    r"|[,;:(\[]|\s+\d|\s+-\s+"
)
_TAIL = re.compile(r"(?i)(?:\s+(?:alone|only|group|arm|arms|regimen|strategy|therapy\s+alone|of|with))+\s*$")
_NOT_NAMES = re.compile(
    r"(?i)^(?:patients?|participants?|subjects?|treatments?|therapy|therapies|groups?|arms?|regimens?|study|"
    r"trial|control|controls|intervention|experimental|active|test|one|two|three|four|both|either|each|all|other|rest|options?|alternatives?|"
    r"training|validation|derivation|"  # the cohorts of a model's development, not treatments
    r"modalities|approaches|[\w-]*\s*(?:rest\s+)?"
    r"(?:period|interval|break|pause|lead-in|run-in|washout|cycles?|weeks?|months?|days?|years?|schedule|time|times|dose|doses))$"
)
_NO_TREATMENT = re.compile(
    r"(?i)^\s*(?:to\s+)?(?:no\s+(?:further|additional|adjuvant|active|other)?\s*(?:treatment|therapy|intervention|"
    r"management)|observation(?:\s+alone|\s+only)?|watchful waiting|surveillance(?:\s+alone)?)\b"
)
# spellings of one modality, written one way so that two sources' names meet
_CANONICAL = (
    (re.compile(r"(?i)\bradiation therapy\b"), "radiotherapy"),
    # 'high-dose radiation', 'radiation alone': the modality the name ends on
    (re.compile(r"(?i)(?<![\w-])radiation$"), "radiotherapy"),
    # 'a non-intervention control group': the control that gets none of it
    (re.compile(r"(?i)^non-(intervention|treatment|exercise|infusion|training)(?:\s+control)?$"), r"no \1"),
    # 'surgical removal of the brain tumor', 'surgical excision': the operation, named one way
    (
        re.compile(
            r"(?i)\bsurgical\s+(?:removal|excision)(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:tumou?rs?|lesions?|metastas[ie]s))?"
        ),
        "surgical resection",
    ),
)


# a class of agents, named as the treatment ('prophylactic third generation cephalosporins', 'on-demand
# antibiotics'): plural, as the singular is often an adjective ('the analgesic actions of ...')
AGENT_CLASS = (
    r"antibiotics|cephalosporins|antibod(?:y|ies)|antidepressants|antihypertensives|antiemetics|analgesics|"
    r"an(?:a|ae|e)sthetics|opioids|(?:cortico)?steroids|statins|probiotics|anticoagulants|antivirals|antifungals|"
    r"antipsychotics|bisphosphonates|diuretics|bronchodilators|sedatives|laxatives"
)
_HEAD_WORD = re.compile(
    r"(?i)\w*(?:therapy|therapies|ectomy|otomy|ostomy|plasty|scopy|graphy|surgery|surgeries)|radiation|irradiation|"
    r"resection|removal|excision|dissection|sampling|biopsy|staging|screening|scans?|scanning|imaging|observation|"
    r"surveillance|care|support|counsell?ing|education|program(?:me)?s?|interventions?|exercise|training|"
    r"rehabilitation|diet|supplementation|supplements?|vitamins?|placebo|vehicle|vaccines?|vaccination|transplant(?:ation)?|"
    r"implant|stent|device|ablation|curettage|saline|embolization|hyperthermia|acupuncture|massage|meditation|yoga|management|"
    r"consultation|visits?|monitoring|testing|assessment|x-ray|radiograph|mri|ct|pet|ultrasound|drainage|pleurodesis|"
    r"oxygen|nutrition|tocopherol|carotene|oil|extract|patch(?:es)?|gum|lozenges?|inhaler|spray|radiosurgery|"
    # preparations applied or taken: 'silicone gel', 'fluoride varnish', 'chlorhexidine mouthwash'
    r"gel|cream|ointment|lotion|mouthwash|rinse|toothpaste|varnish|dressings?|juice|"
    # foods and drinks a nutrition trial gives: 'caffeinated or decaffeinated coffee', 'a soy shake'
    r"coffee|tea|milk|yog(?:h)?urt|drinks?|beverages?|meals?|breakfasts?|snacks?|shakes?|formula|chocolate|"
    # what a behavioural or information trial gives: 'an attention control health information package',
    # 'a smoking cessation website', 'a mobile phone application', 'an educational booklet'
    r"package|website|app|application|booklet|leaflet|brochure|pamphlet|video|messages|messaging|reminders?|"
    r"feedback|coaching|advice|workshops?|classes|"
    rf"{AGENT_CLASS}|an(?:a|ae|e)sthesia|sedation|prophylaxis"
)
_QUALIFIED = re.compile(
    r"(?i)\b(?:standard|usual|experimental|conventional|control|supportive|conservative|active|best|routine|"
    r"immediate|delayed|deferred|sequential|concurrent|adjuvant|neoadjuvant|maintenance|continuous|intermittent|"
    r"intensive|individualized|combined|multimodal\w*)\s+(?:\w+\s+)?(?:treatment|treatments|regimen|approach)\b"
)


def credible(name: str) -> bool:
    """Whether a phrase names an intervention: a word of it is a kind of treatment, test or
    care ('early palliative care', 'lobectomy', 'chest radiography'), not a disease, a date
    or a measure ('non-small-cell lung cancer', 'April', 'median follow-up of')."""
    return any(_HEAD_WORD.fullmatch(w) for w in re.split(r"[\s/-]+", name)) or bool(_QUALIFIED.search(name))


_NOT_AGENT = re.compile(
    r"(?i)\b(?:cancers?|carcinomas?|tumou?rs?|metasta\w*|diseases?|patients?|participants?|smokers?|quitters?|"
    r"women|men|children|adults|volunteers|people|individuals|cessation|abstinence|stage|eligible|"
    r"analys[ie]s|respectively|survival|response|progression|toxicit\w*|events?|january|february|march|april|may|"
    # measures: 'or the control, with body mass index (BMI) as the primary outcome'
    r"body\s+mass\s+index|blood\s+pressure|heart\s+rate|"
    r"june|july|august|september|october|november|december|(?:19|20)\d\d|follow-up|median|mean|rates?|ratios?|"
    # a word before a hyphen modifies the next ('patient-oriented problem-solving')
    r"withdrawal|consent|age|scores?|quality|outcomes?|end\s?points?)\b(?!-)"
    # a time is a duration or a date ('12 weeks', 'per day', 'days 1 and 8'), not a word of a name ('alternate day
    # fasting', 'day care')
    r"|(?:\d\s*|\b(?:per|each|every|a|one|two|three|four|five|six|several|the|first|last|next)\s+)"
    r"(?:years?|months?|weeks?|days?|hours?)\b|\b(?:years?|months?|weeks?|days?|hours?)(?:\s+\d|\s*$)"
)


# words no agent's name holds: pronouns, comparatives, function words, verbs in the past
_NOT_NAME_WORD = re.compile(
    r"(?i)^(?:and|or|only|those|these|this|that|such|same|other|more|most|less|least|than|smaller|larger|"
    r"respect|end|data|origin|function|results?|eligibility|validation|morbidity|mortality|[a-z]+ed)$"
)


def plausible(name: str) -> bool:
    """A phrase that could name an agent the abstract does not describe further ('cytisine'):
    not a disease, a population, an outcome or a date, and no word of it a function word, a
    comparative or a past participle ('those', 'more compared', 'assessed'); a participle before
    the noun it describes is an adjective ('computer printed signature')."""
    words = name.split()
    return (
        not _NOT_AGENT.search(name)
        and len(words) <= 4
        and not any(
            _NOT_NAME_WORD.match(w) and not (k < len(words) - 1 and w.endswith("ed"))
            for k, w in enumerate(words)
        )
    )


# words in brackets beside a treatment that say how it is given or whom the figures count, not
# what the arm is called: '(IV)', '(intravenously)', '(area under the curve)', '(the intent-to-treat population)'
_NOT_ARM_NAME = re.compile(
    r"(?i)^(?:(?:receive\s+)?(?:iv|i\.v\.|intravenous(?:ly)?|oral(?:ly)?|p\.o\.|subcutaneous(?:ly)?|"
    r"intramuscular(?:ly)?)|fr|fx|auc|area\s+under\s+(?:the\s+)?(?:[\w-]+\s+)?curve|(?:the\s+)?[\w-]+\s+population)$"
)


def names_arm(alias: str, abbreviations: dict[str, str]) -> bool:
    """Whether a name printed beside an arm's treatment can name the arm: not a route, a dose's
    measure or a population, nor a disease or an outcome, as printed ('improved response rate')
    or as the abstract defines it ('(NSCLC)', '(TTP)' for 'time to progression')."""
    long = abbreviations.get(alias, "")
    return not (_NOT_ARM_NAME.match(alias.strip()) or _NOT_AGENT.search(alias) or _NOT_AGENT.search(long))


def without_lead(text: str) -> str:
    """The words of an arm's piece after its leading verbs, quantities and schedule ('a single
    session of true' -> 'true')."""
    return _LEAD.sub("", text)


def is_no_treatment(text: str) -> bool:
    """'no further treatment', 'observation alone': an arm that receives no intervention."""
    return bool(_NO_TREATMENT.match(text))


# 'or control', 'to a wait-list control', 'the attention comparison group': an arm named by its role
_CONTROL_ONLY = re.compile(
    r"(?i)^\s*(?:to\s+)?(?:(?:an?|the)\s+)?(?P<name>(?:(?:usual|standard|attention|wait(?:ing)?[- ]?list|"
    r"no[- ]intervention|no[- ]treatment|sham|inactive)\s+)?(?:control|comparison))"
    # what follows the control's name is about the trial: '... versus a wait-list control group (control) on
    # weight outcomes in overweight and obese adults'
    r"(?:\s+(?:group|arm|condition|intervention|session|treatment))?s?\s*(?:\([^()]*\))?"
    # or what it got: '... or to a control group that received text messages unrelated to quitting'
    r"(?:\s+(?:on|in|for|among|with)\s.*|\s+(?:that|who|which)\s+(?:received|got|(?:was|were)\s+given)\s.*)?\s*[.;]?\s*$"
)


def control_name(text: str) -> str | None:
    """The name of an arm a listing names only as a control ('wait-list control'), or None."""
    m = _CONTROL_ONLY.match(text)
    return re.sub(r"(?i)\bcomparison$", "control", m.group("name")).lower() if m else None


def expand(text: str, abbreviations: dict[str, str]) -> str:
    """Abbreviations the abstract defined, written out ('WBRT plus SRS' -> 'whole-brain
    radiation therapy plus stereotactic radiosurgery'); only whole words, as printed."""
    if not abbreviations:
        return text
    keys = sorted(abbreviations, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, keys)) + r")(?![\w])")
    return pattern.sub(lambda m: abbreviations[m.group(1)], text)


def canonical(name: str) -> str:
    for pattern, replacement in _CANONICAL:
        name = pattern.sub(replacement, name)
    return re.sub(r"\s+", " ", name).strip().lower()


def printed_forms(name: str) -> list[str]:
    """How a text may print a name ``canonical`` wrote one way: 'high-dose radiotherapy' is also
    'high-dose radiation therapy' and 'high-dose radiation'."""
    if not re.search(r"\bradiotherapy$", name):
        return []
    return [name[: -len("radiotherapy")] + form for form in ("radiation therapy", "radiation")]


def intervention_name(text: str, abbreviations: dict[str, str]) -> str | None:
    """The plain name a piece of an arm description gives its intervention, or None when it
    names none ('a three-week rest period', 'patients')."""
    bare = re.sub(r"(?i)^(?:the\s+)?", "", text.strip().rstrip(".,;"))
    if bare in abbreviations and len(abbreviations[bare].split()) <= 8:  # 'DAART': its long form is its name
        return canonical(abbreviations[bare])
    t = _LEAD.sub("", expand(text.strip(), abbreviations))
    stop = _STOP.search(" " + t)
    if stop and stop.group(0) == "," and re.fullmatch(r"\w+-[\w-]+", t[: stop.start() - 1]):
        # 'third-generation, platinum-doublet treatment': the comma joins two modifiers
        after = _STOP.search(" " + t, stop.end())
        t = t[: stop.start() - 1] + (" " + t)[stop.end() : after.start() if after else None]
    elif stop:
        t = (" " + t)[: stop.start()]
    t = _TAIL.sub("", t.strip())
    t = re.sub(r"(?i)^(?:the|an?)\s+", "", t.strip(" .-"))
    if not t or _NOT_NAMES.match(t) or len(t.split()) > 8 or not re.search(r"[A-Za-z]{3}", t):
        return None
    return canonical(t)
