"""Endpoints no list knows, named by the words of the sentence that reports them.

Results of any field are reported as 'The rate of positive screening tests was 24.2% ...',
'fewer patients in A than in B had depressive symptoms (16% vs. 38%)', 'A had a better
quality of life than did B (... 98.0 vs. 91.5)', 'continuous abstinence from smoking was
reported for 40% of participants receiving A', 'Salvage brain treatment was less frequently
required in A (n = 10) than ...'.  The endpoint is the noun phrase in one of these places:
the item of a list whose items each carry their figures in a bracket ('more hospitalizations
(...), infectious complications (47.3% v 39.4%)'), what 'there was' introduces ('there was
greater decline in immediate recall (P = .03)'), the object of 'had / received / required ...'
right before the figures, the noun after 'a better / higher ...', or the clause's subject
before its verb (a state a group of patients remained in, a disease that recurred).  Words that only frame a
figure ('the rate of', 'the proportion of patients with', 'median') are dropped, and the
usual epidemiological forms are written one way ('the incidence of lung cancer' -> 'lung
cancer incidence', 'deaths from lung cancer' -> 'lung cancer mortality').
"""

from __future__ import annotations

import re

from kg.extraction.endpoint_frames import achieved_endpoint, aimed_endpoint, defined_endpoint
from kg.extraction.endpoint_names import LANDMARK
from kg.extraction.endpoint_names import STOPPED as _STOPPED
from kg.extraction.endpoint_states import state_phrase
from kg.extraction.phrase_cleaning import FRAME as _FRAME
from kg.extraction.phrase_cleaning import GROUP as _GROUP
from kg.extraction.phrase_cleaning import NOT_FIRST as _NOT_FIRST
from kg.extraction.phrase_cleaning import clean_phrase
from kg.extraction.text import CONNECTIVES, SHORT_NAME

VERB = (
    r"was|were|is|are|has|have|had|did|does|occurred|occurs|improved|reduced|increased|decreased|differed|"
    r"favou?red|remained|showed|reached|prevented|prolonged|doubled|halved|led|resulted|appeared|tended|seemed|"
    r"compared|corresponded|amounted|rose|fell|declined|achieved|developed|experienced|required|received|"
    r"reported|observed|seen|noted|found|recorded|detected|identified|attributed|diagnosed|measured|estimated"
)
_SUBJECT = re.compile(
    rf"(?i)^(?P<x>.+?)\s+(?:(?:was|were|is|are)\s+)?(?:not\s+|significantly\s+|also\s+)*\b(?P<verb>{VERB})\b"
)
_LIKELY = re.compile(
    r"(?i)\b(?:more|less|as|equally)\s+likely\s+to\s+(?:(?:have|be|get)\s+)?([a-z][\w\s'-]{2,60}?)(?:\s+(?:than|as)\b.*)?$"
)
_NOUN_OF = re.compile(
    r"(?i)\b(?:to|into|in|with|showed|shows|had|has|have|reached|achieved|yielded|gave)\s+(?:a|an|the)?\s*"
    r"((?:[a-z][\w'-]*\s+){0,3}?[a-z][\w'-]*)\s+of$"
)
# 'no difference in X (', 'no significant differences were noted in 5-year X (', '... was observed for X ('
_DIFFERENCE_IN = re.compile(
    r"(?i)\bdifferences?\s+(?:(?:was|were)\s+(?:noted|observed|found|seen|detected|identified|shown|demonstrated)\s+"
    r"(?:in|for|regarding)|in)\s+(?:terms\s+of\s+)?(?:the\s+)?(?:\d+-(?:year|month|week|day)\s+)?([a-z][\w\s'/-]{2,60}?)\s*$"
)
_LANDMARK_LIST = re.compile(
    r"(?i)\b\d+-?,\s*(?:\d+-?,\s*)*(?:and|or)\s+\d+[- ](?:years?|months?|weeks?|days?)\b\s*"
)
_CAUSE = re.compile(
    r"(?i)\b(?:deaths?|mortality)\s+(?:was|were)\s+(?:attributed|attributable|due)\s+to\s+([a-z-]+)\s+causes\b"
)
_FINDING = {"found", "detected", "identified", "diagnosed"}
# who died of a disease, or had it diagnosed: its mortality or incidence ('More women died from lung
# cancer in the A group than in the B group (73 vs 40 deaths', 'deaths from non-small-cell lung cancer',
# '61 women in the A group were diagnosed with lung cancer compared with 54 in the B group'); not 'of neurologic causes',
# read as such a death, nor 'of any cause'; not the risk of such a death, which a survival endpoint
# counts; not where a later clause of its own reports the figure ('died from DM, the rate of which was')
_DIED_OF = re.compile(
    r"(?i)(?<!risk of )(?<!hazard of )\b(?:(?P<died>died|deaths?)\s+(?:of|from|due\s+to)|(?:were|was|been)\s+diagnosed\s+with)\s+(?!any\b)"
    r"(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?<!causes)"
    r"(?=\s+(?:in|among|with|than|compared|during|after|on|versus|vs)\b|\s*[(,;]|\s*$)(?![^()]*\b(?:was|were)\b)"
)
_OBJECT = re.compile(
    r"(?i)(?<!-)\b(?:had|has|have|received|required|developed|experienced|achieved|underwent|reported|showed|"
    r"prevented|reduced|increased|decreased|lowered|delayed|resulted\s+in|led\s+to|associated\s+with|"
    # 'Enemas didn't significantly change episiorraphy dehiscence rates (', 'treatment did not influence OS ('
    r"(?:did\s+not|didn't|does\s+not|doesn't|failed\s+to)\s+(?:significantly\s+)?"
    r"(?:change|affect|alter|improve|reduce|increase|decrease|influence|prolong|modify|prevent|delay))\s+"
    r"(?:a\s+|an\s+|the\s+)?(?:(?:significantly|statistically|clinically|much|slightly)\s+)?"
    r"(?:better|worse|higher|lower|greater|longer|shorter|improved|reduced|fewer|more|less|lower)?\s*"
    r"(?!(?:for|in|with|at|by|of|to|on|from|among|than|as)\b)(?P<x>[a-z][\w\s'/-]{2,80}?)(?:,?\s+(?:than|(?:as\s+)?compared\s+(?:with|to)|versus|vs\.?)(?!\w).*)?\s*$"
)
# 'was associated with significantly higher risk of death from lung cancer': a risk of death is
# what a survival endpoint counts, named elsewhere, not a mortality of its own
_RISK_OF_DEATH = re.compile(r"(?i)\brisk\s+of\s+(?:death|dying)\b")
# '... at week 12 (65.5% vs. 47.0%; P = 0.01) and week 24': a later landmark's figures follow
_LATER_LANDMARK = re.compile(
    r"(?i)\)\s*,?\s*(?:and|or)\s+(?:at\s+)?(?:(?:weeks?|months?|days?|years?)\s+\d+|\d+\s+(?:weeks?|months?|days?|years?))\s*$"
)
_LATER_VERB = re.compile(
    r"(?i)\s(?<!-)\b(?:had|has|have|received|required|developed|experienced|achieved|underwent|reported)\s+(?:an?\s+|the\s+)?"
)
_ADVERBIAL = re.compile(
    rf"(?i)^(?:(?:{CONNECTIVES}|overall|despite\s+[^,]+|although\s+[^,]+|"
    r"as\s+(?:previously\s+)?(?:reported|described|expected|shown|planned)(?:\s+[^,]{0,30})?|"
    r"(?:using|with|by|after|on)\s+(?:multiple\s+)?(?:imputation|adjustment|sensitivity\s+analys[ie]s)\b[^,]{0,50}|"
    # 'For weeks 9 through 12, the 4-week continuous abstinence rates were': the time the figures cover
    r"(?:for|during|through(?:out)?|over|within)\s+(?:the\s+)?(?:(?:first|last|final)\s+)?(?:\d+\s+)?"
    r"(?:weeks?|months?|days?|years?)\b[^,()]{0,40}(?:\([^()]{0,20}\))?|"
    r"at\s+(?:\d+|one|two|three)\s+\w+|after\s+[^,]{0,40}|in\s+(?:the\s+)?[^,]{0,60}?(?:analysis|population|groups?|subgroups?|cohorts?|arms)|"
    # 'For long-term survivors, the incidence of cognitive deterioration was less ...': the patients it is of
    # 'Among 198 patients who concluded follow-up, efficacy was ...', 'Considering ...': who, with what they did
    r"(?:for|in|among|considering|including)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,4}?(?:patients|participants|subjects|"
    r"survivors|women|men|smokers|children|adults|responders)(?:\s+(?:who|with|whose|that)\b[^,()]{0,60})?),\s*)+"
)
# 'Multivariate regression analysis revealed that patients ... had better ...': the clause a
# finding is reported in holds the endpoint, not the analysis that reports it
_REPORTED_THAT = re.compile(
    r"(?i)^[^,;]*?\b(?:revealed|showed|shown|demonstrated|indicated|suggested|found|confirmed)\s+that\s+"
)
_ASIDE = re.compile(
    r"(?i),\s*(?:as|when|where)\s+(?:determined|assessed|measured|evaluated|defined|judged|calculated)\b[^,;]{0,60},"
)


def endpoint_phrase(before: str) -> str | None:
    """The endpoint named by a clause's words before its figures, or None."""
    text = _clause(before)
    if not text:
        return None
    narrowed = _NARROWED.search(text)
    if narrowed and "(" in text[: narrowed.start()]:
        return endpoint_phrase(text[: text.rfind("(", 0, narrowed.start())])
    site = _SITE_ITEM.search(text)
    if site and "(" in text[: site.start()]:
        earlier = endpoint_phrase(text[: text.rfind("(", 0, site.start())])
        head = earlier and re.split(r"\s+(?:at|in|within)\s+", earlier)[0]
        return f"{head} {site.group('x').lower()}" if head else None
    if achieved := achieved_endpoint(text):  # 'The percentage of patients who achieved ACR20 ... was'
        return clean_phrase(achieved, named=True)
    for candidate in _candidates(text):
        if _NOT_FIRST.match(_FRAME.sub("", candidate.strip())):
            return None  # 'its effect', 'these parameters': named before, not here
        name = clean_phrase(candidate)
        if name:
            return name
    return None


# 'NAME: ARM: figure, ARM: figure': a run of arm-labelled figures under the name of what they count
NAME_THEN_LABEL = re.compile(
    r"(?:^|[(,;])\s*(?P<name>[A-Za-z][\w\s'/-]{2,60}?)\s*:\s*[A-Za-z][\w/+-]{0,12}(?:\s+[A-Za-z0-9][\w/+-]{0,5})?\s*:\s*$"
)


# a statistic's label, not what a bracket's figures are of: '(95% CI: ', '(median: ', '; RR 0.66'
STATISTIC_LABEL = (
    r"(?:the\s+)?(?:median|mean|average|range|IQR|SD|SE|CI|HR|OR|RR|n|p|respectively|all|overall|total)"
)
# what a bracket says its figures are, before a colon: '(weight at week 28 of gestation: ', not a
# statistic's label ('(95% CI: ', '(median: ', '(range: ')
_BRACKET_LABEL = re.compile(
    rf"\s*(?!{STATISTIC_LABEL}\s*:)"
    r"(?P<name>[A-Za-z][\w'/-]*(?:\s+[\w'/-]+){1,9}?)\s*:\s*$"
)

# a name with a comma, each item of a bracket's list: '[PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50, '
_BRACKET_ITEM = re.compile(
    rf"\s*(?:and\s+)?(?!(?:{STATISTIC_LABEL}|including|e\.g|i\.e|vs|versus)\s*,)(?P<name>[A-Za-z][\w'/-]*(?:\s+[\w'/-]+){{0,4}}?)\s*,\s*"
)

# a scale's short name, as such a list prints it: 'PASI 75', 'ACR20', 'WOMAC pain' (not an arm's: 'DCb', 'arm A')
_SCALE_NAME = re.compile(r"(?!(?:arm|group)\b)[A-Z]{2,}[a-z]*\s?\d+|[A-Z]{2,}[\w-]*(?:\s+[a-z][\w'-]*){1,3}")


def _clause(before: str) -> str:
    """The words of the figures' own clause: after the last ';', ':' or top-level '(',
    without a parenthesis the figures sit in."""
    labelled = NAME_THEN_LABEL.search(before)
    if labelled:  # '(lobectomy: S: 56%, CT-S: 60%, complete resection: S: 80%, ...)'
        return labelled.group("name")
    opened: list[int] = []  # where each unclosed bracket opens
    cut = 0
    for i, ch in enumerate(before):
        if ch in "([":
            opened.append(i)
        elif ch in ")]":
            opened = opened[:-1]
        elif ch in ";:" and not opened:
            cut = i + 1
    if opened and (label := _BRACKET_LABEL.match(before, opened[-1] + 1)):
        return label.group("name")  # '(weight at week 28 of gestation: 67.5 ± 11.4 vs. 71.6 ± 10.3 kg'
    item = _BRACKET_ITEM.fullmatch(before, max(opened[-1], before.rfind(";")) + 1) if opened else None
    if item and _SCALE_NAME.fullmatch(item.group("name")) and ":" not in before[opened[-1] :]:
        # '[PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50, 92·4% vs. ...': a scale's short name; not what
        # a bracket says of its figures ('(mean change from baseline, -0.1 vs -12.0 points'), nor an arm's
        # label after a name's colon ('(TGSS: placebo, 0.4±1.1; TCZ, 0.2±0.7')
        return item.group("name")
    # '(5 [10%] of 49': the figures sit in the outermost open bracket
    text = before[cut : opened[0]] if opened and opened[0] >= cut else before[cut:]
    if cut and (not re.search(r"[a-z]{3}", text) or re.fullmatch(r"[^:;]*?\bin\s+\d+\s*", text)):
        # 'N patients (43%) have died: A in 217 (44%) ...': the clause before the colon says what
        text = re.sub(
            r"^.*?\b(?:patients|participants)\b\s*(?:\([^)]*\))?\s*", "", before[:cut].rstrip(":; ")
        )
    text = _REPORTED_THAT.sub("", text)  # 'Multivariate regression analysis revealed that ...'
    text = _ASIDE.sub("", text)  # 'the rate of tumor response, as determined radiographically, was'
    return _ADVERBIAL.sub("", text.strip(" ,"))


# 'had more hospitalizations (2.4 v 1.7), ..., infectious complications (47.3% v 39.4%)': in a list
# whose items each carry their figures in a bracket, the words after the last item's bracket
_NEXT_LISTED = re.compile(
    r"(?i)\)\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+|with\s+(?=(?:changes?|increases?|decreases?|reductions?)\s+in\b))"
    r"(?:(?:had|has|have|showed|experienced)\s+)?(?:an?\s+)?"
    r"(?P<own>(?:better|worse|more|less|greater|higher|lower|fewer|improved|reduced|increased|decreased)\s+)?"
    r"(?!(?:especially|particularly|notably|mainly|mostly|including|respectively|whereas|while|but|although)\b)"
    # not a subgroup or a time: 'and after neoadjuvant chemotherapy (HR 0.48)', 'and in patients with'
    r"(?!(?:after|before|among|with|without|at|by|during|within|than|versus|vs|in\s+(?:the\s+)?(?:patients|subgroups?|those))\b)"
    r"(?P<x>[a-z][\w\s'/-]{2,90}?)\s*$"
)


# 'there were no significant differences in MMSE (P = .60)', 'there was greater decline in
# immediate recall (P = .03)': what 'there was' introduces is the clause's subject
_THERE_WAS = re.compile(
    r"(?i)\b(?:there\s+(?:was|were|is|are)|where)\s+(?:no\s+(?:(?:statistically\s+)?significant\s+)?differences?\s+in|"
    r"(?:an?\s+)?(?:significantly\s+)?(?:better|worse|more|less|greater|higher|lower|fewer)|"
    r"(?:an?\s+)?(?:(?:statistically\s+)?significant\s+)?(?:increase|decrease|reduction|rise|fall)s?\s+in)\s+"
    r"(?P<x>[a-z][\w\s'/-]{2,60}?)\s*$"
)
# 'There was less cognitive deterioration at 3 months after SRS alone (40/63 patients [63.5%]) than after SRS
# plus WBRT (44/48 patients [91.7%]; difference, ...': the same clause, the figures' bracket after the first
_THERE_WAS_BEFORE = re.compile(
    _THERE_WAS.pattern.removesuffix(r"\s*$")
    + r"(?=\s+(?:at|after|than|compared|versus|vs\.?|during|among|for)\b[^;]*$)"
)


# '(8.7 vs. 5.9; P = .036), especially in the subgroup with impaired expansion (9.1 vs. 4.6)': the
# figures of a subgroup, on the endpoint of the figures before
_NARROWED = re.compile(
    r"(?i)\)\s*,\s*(?:and\s+)?(?:especially|particularly|notably|mainly|mostly|even)\s+(?:in|among|for|with)\b[^()]*$"
)
# '(5 [10%] of 49 ...) and at other sites in the brain (7 [14%] of 49 ...)': the event of the
# item before, at other sites
_SITE_ITEM = re.compile(
    r"(?i)\)\s*,?\s*(?:and|or)\s+(?P<x>(?:at|in|within)\s+(?:the\s+)?(?:other|distant|distal|remote|local|"
    r"primary|original|same)\s+sites?\b[^()]*?)\s*$"
)
# the head the first item of such a list names its noun under: 'the mean scores over time for'
_LIST_HEAD = re.compile(r"(?i)\b(?P<head>(?:[a-z][\w'-]*\s+){1,5}(?:for|of|in))\s+[a-z][\w'/-]*\s*$")


# a disease that came back or grew: its recurrence is what the figures count
_RECURRED = re.compile(
    r"(?i)^(?P<x>[a-z][\w\s-]{2,60}?(?<!\bnot)(?<!\bhaving)(?<!\bbeen))\s+(?P<verb>recurred|relapsed|progressed)\b"
)


# 'superior ... in patients with adenocarcinoma (n = 847; ...) and large-cell carcinoma histology
# (...)': the first item of the list is a subgroup, and so is every item after it
_SUBGROUP_FIRST = re.compile(
    r"(?i)\b(?:in|among|for)\s+(?:the\s+)?(?:patients|participants|subjects|those|subgroups?)\s+"
    r"(?:with|without|who|whose|of)\b[^()]*$"
)


# what a trend is 'for', named right before its figures' bracket: 'similar trends favouring the
# valerian group for night awakenings (difference = 6.0%'
_TOPIC = re.compile(
    r"(?i)\b(?:trends?|favou?ring|in\s+favou?r\s+of)\b[^();]*?"
    r"\bfor\s+(?!(?:the\s+)?(?:\w+\s+)?(?:groups?|arms?|patients|participants|studies|trials)\b)"
    r"(?P<x>[a-z][\w\s'/-]{2,60}?)\s*\(?\s*$"
)


# ... or a one-word gloss: 'time to first-and-subsequent (multiple) SRE ('
_SHORT_NAME_WITHIN = re.compile(rf"\s*(?:{SHORT_NAME}(?=\s+[a-z])|\([a-z][\w-]{{2,14}}\)(?=\s+\w))")


# the one item of a class the figures are of, named last before them
_INCLUDING = re.compile(
    r"(?i),?\s+(?:including|especially|particularly|notably|such\s+as)\s+(?P<x>[a-z][\w\s'/-]{2,60}?)\s*$"
)


def _candidates(text: str) -> list[str]:
    state = state_phrase(text, share=True)
    if state:  # '43.9% of participants in A were continuously abstinent compared with': the state
        return [state]
    text = _LANDMARK_LIST.sub("", text)  # '2-, 3-, 4-, and 5-year survival rates': the list of times goes
    listed = _NEXT_LISTED.search(text)
    if listed is None and (bare := _SHORT_NAME_WITHIN.sub("", text)) != text:
        # '(20% vs. 27%), and breast-conserving surgery (BCS) rates (': the item's short name is no bracket
        # of its own; the item follows the bracket of the figures before it
        listed = _NEXT_LISTED.search(bare)
        listed = listed if listed and re.search(r"\([^()]*\d[^()]*$", bare[: listed.start()]) else None
    if listed and _SUBGROUP_FIRST.search(text, 0, text.find("(")):
        listed = None
    # '..., the overall brain relapse rate was reduced comparably (9.1% ...)': an item that is a
    # clause of its own names its endpoint as its subject
    clause = listed and _SUBJECT.match(listed.group("x"))
    item = clause or listed or _THERE_WAS.search(text) or _THERE_WAS_BEFORE.search(text)
    out = [_ADVERBIAL.sub("", item.group("x"))] if item else []
    if clause and (state := _state(listed.group("x"), clause)):
        out[0] = state
    head = listed and not (clause or listed.group("own")) and _LIST_HEAD.search(text, 0, text.find("("))
    if head and not re.search(rf"(?i)\b(?:{VERB}|differences?)\b", head.group("head")):
        # 'the mean scores over time for cough (p ...), dyspnea (p ...)': the items share the head
        out[0] = f"{head.group('head')} {out[0]}"
    topic = None if out else _TOPIC.search(text)
    if topic:  # 'There were similar trends favouring the valerian group for night awakenings ('
        out.append(topic.group("x"))
    defined = defined_endpoint(text)
    if defined:  # 'The primary efficacy end point was the continuous abstinence rate ..., which was 45.0%'
        return [defined]
    aim = aimed_endpoint(text)
    if aim:  # 'Denosumab was noninferior to ZA in delaying time to first on-study SRE (hazard ratio'
        out.append(aim)
    differs = _DIFFERENCE_IN.search(text)
    if differs:  # 'there was no difference in freedom from local recurrence (88% vs 90%)'
        out.append(differs.group(1))
    of = _NOUN_OF.search(text)
    if of:  # 'This corresponded to sensitivities of 79%', 'with response rates of'
        out.append(of.group(1))
    comparative = re.search(
        r"(?i)\b(?:a|an)\s+(?:significantly\s+)?(?:better|worse|higher|lower|greater|longer|shorter)\s+([a-z][\w\s'-]{2,60}?)\s+than\b",
        text,
    )
    if comparative:
        out.append(comparative.group(1))
    cause = _CAUSE.search(text)
    if cause:  # 'Death was attributed to neurologic causes in 22.8%'
        out.append(f"{cause.group(1)} death")
    for died in list(_DIED_OF.finditer(text))[-1:]:  # the last named: '..., mainly ... deaths from NSCLC ('
        # 'More women died from lung cancer in the A group (', '61 women ... were diagnosed with lung cancer'
        out.append(f"{died.group('x')} {'mortality' if died.group('died') else 'incidence'}")
    likely = _LIKELY.search(text)
    if likely:  # 'were less likely to die of neurologic causes than'
        out.append(likely.group(1))
    # 'had static PGA of clear/almost clear at week 12 (65.5% vs. 47.0%; ...) and week 24 (': the
    # object a later bracket's figures share with the first's
    obj = _OBJECT.search(text)
    if obj is None and _LATER_LANDMARK.search(text):
        obj = _OBJECT.search(re.sub(r"\s*\([^()]*\)", "", text))
    if (
        obj
        and not re.search(r"\d", LANDMARK.sub("", obj.group("x")))
        and not _RISK_OF_DEATH.search(obj.group("x"))
    ):
        # 'patients who underwent A had no complications': the object of the last verb
        out.append(_LATER_VERB.split(obj.group("x"))[-1])
    stopped = _STOPPED.search(
        re.sub(r"\([^()]*\)", " ", text)
    )  # not '(including those who ... discontinued treatment)'
    if stopped:  # 'More patients on the VC arm discontinued therapy because of toxicity (P =.001)'
        out.append("treatment discontinuation")
    recurred = _RECURRED.match(text)
    if recurred:  # 'Intrathoracic disease recurred within the radiation field in 30 of 234 patients'
        out.append(f"{recurred.group('x')} {EVENTS[recurred.group('verb').lower()]}")
    # 'Quality of life was higher ..., including overall quality of life ('
    if including := _INCLUDING.search(text):
        out.append(including.group("x"))
    subject = _SUBJECT.match(text)
    if subject and subject.group("verb").lower() in _FINDING:  # 'Nodal metastases were found in 41'
        out.append(f"{subject.group('x')} detected")
    elif subject:
        out.append(_state(text, subject) or subject.group("x"))
    elif len(text.split()) <= 10:
        out.append(text)  # the words before the verb that reports the figure: the subject
    return out


def _state(text: str, subject: re.Match) -> str | None:
    """'the patients treated with surgery remained functionally independent longer': when a group
    of patients stays in a state, the state is what was measured ('remained progression-free
    longer' -> progression-free survival)."""
    if not (_GROUP.match(subject.group("x")) and subject.group("verb").lower() in ("remained", "stayed")):
        return None
    state = re.sub(r"(?i)\s+(?:longer|shorter|more|less|better|worse)$", "", text[subject.end() :].strip())
    words = state.lower().split()
    if not words or not re.search(r"[ae]nt$", words[-1]):
        return state
    # 'functionally independent', 'abstinent': a state kept for a time is its duration
    noun = [re.sub(r"ally$", "al", w) for w in words[:-1]] + [re.sub(r"([ae])nt$", r"\1nce", words[-1])]
    return "duration of " + " ".join(noun)


EVENTS = {
    "died": "death",
    "responded": "response",
    "progressed": "progression",
    "relapsed": "relapse",
    "recurred": "recurrence",
}
EVENT_VERBS = r"died|responded|progressed|relapsed|discontinued"
