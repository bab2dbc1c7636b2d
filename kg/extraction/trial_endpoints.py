"""The endpoints a trial names (primary, secondary); whether it says the primary was met is
``primary_verdict``'s."""

from __future__ import annotations

import re

from kg.extraction.abbreviations import definitions
from kg.extraction.endpoint_names import normal_name
from kg.extraction.lexicon import ENDPOINTS
from kg.extraction.primary_forms import primary_phrases
from kg.extraction.text import Sentence
from kg.model import Endpoint


def endpoint_name(phrase: str) -> str:
    """Plain endpoint name for a phrase: 'OS' -> 'overall survival'."""
    p = phrase.strip()
    for name, aliases in ENDPOINTS.items():
        for alias in aliases:
            if alias.isupper() and p == alias:
                return name
            if not alias.isupper() and p.lower() == alias:
                return name
    return normal_name(p)


def endpoints(sents: list[Sentence], abbreviations: dict[str, str]) -> list[Endpoint]:
    found = _named_endpoints(sents, abbreviations)
    if not any(e.role == "primary" for e in found):
        found += _unqualified_endpoints(sents, abbreviations, found)
    return found


# 'Endpoints were X and Y', 'The outcome measures were X and Y' (all of them, not 'included'):
# a trial that calls none of its endpoints primary names its main ones so; not 'Outcomes were
# correlated with ...', 'Survival outcomes were similar', 'Patient-reported outcomes were evaluated'
_UNQUALIFIED = re.compile(
    r"(?i)^(?:the\s+)?(?:study\s+|trial\s+)?(?:end[\s-]?points?|outcome\s+measures?|outcomes)\s+(?:were|was)\s+"
    r"(?!(?:\w+ed|similar|comparable|better|worse|poor|good|not|also|then|significantly|taken)\b)(.+?)[.;]?$"
)
_METHODS = re.compile(r"(?i)^(?:|methods?|.*\b(?:design|outcome|end\s?point|measure|intervention)s?\b.*)$")


def _unqualified_endpoints(
    sents: list[Sentence], abbreviations: dict[str, str], found: list[Endpoint]
) -> list[Endpoint]:
    """The endpoints a methods sentence lists with no role, as the primary ones: what a trial that
    names no primary endpoint was designed to measure."""
    out: list[Endpoint] = []
    for s in sents:
        if not _METHODS.match(s.section) or "secondary" in s.norm.lower():
            continue
        if m := _UNQUALIFIED.match(s.norm):
            for phrase in _split_list(m.group(1)):
                name, abbrev = _endpoint_phrase(phrase, abbreviations)
                if name and not any(e.name == name for e in [*found, *out]):
                    out.append(Endpoint(name=name, abbreviation=abbrev, role="primary"))
            break
    return out


# a heading's text that restates the heading: 'Main outcome measure: Primary outcome was refill adherence ...'
_RESTATED = re.compile(
    r"(?i)^\s*(?:the\s+)?(?:primary|main|principal)\s+(?:efficacy\s+)?(?:end[\s-]?points?|outcomes?|measures?)\s+(?:was|were|is|are)\s+"
)


def _named_endpoints(sents: list[Sentence], abbreviations: dict[str, str]) -> list[Endpoint]:
    found: list[Endpoint] = []
    for s in sents:
        if not re.search(r"(?i)primary|secondary|\b(?:main|principal)\s+(?:end|outcome)", s.norm):
            continue
        for role, pattern in (
            (
                "primary",
                # 'The primary end point was ...', 'Primary efficacy end points were ...', 'Primary endpoint: ...',
                # 'Primary efficacy measures included ...', 'The main outcome measure was ...', 'The primary
                # trial outcome was ...'
                r"(?i)\b(?:(?:co-?)?primary|main|principal)\s+(?:(?:efficacy|trial|study|comparison)\s+)?(?:(?:end[\s-]?points?|outcomes?|objectives?)(?:\s+measures?)?|measures?|variables?)"
                r"(?:\s+(?:of|for|in)\s+(?:the|this|these)\s+(?:[\w-]+\s+){0,2}?(?:comparison|study|trial|analys[ie]s))?"
                # a bracket's ';' ends no entry: '(WT population; patients with EGFR ... were excluded)'
                r"(?:(?:\s+(?:was|were|is|are|included)\s+|\s*:\s*)((?:[^()]|\((?:[^()]|\([^()]*\))*\))+?)(?:[;.]\s|[;.]?$)|,\s+([^,]+),\s+was\b)"
                r"|\b(?:using|with)\s+([a-z][\w -]{2,60}?)\s+as\s+(?:the|its)\s+primary\s+(?:end\s?point|outcome)",
            ),
            (
                "secondary",
                r"(?i)\bsecondary\s+(?:efficacy\s+)?(?:end[\s-]?points?|outcomes?)(?:\s+(?:was|were|is|are|included)\s+|\s*:\s*)"
                r"(.+?)(?:[;.]\s|[;.]?$)",
            ),
        ):
            m = re.search(pattern, s.norm)
            if m:
                listed = next(g for g in m.groups() if g)
            elif role == "primary" and (other := primary_phrases(s.norm)):
                listed = other[0]
            else:
                continue
            if role == "primary":  # '...; secondary end points included ...': the primary list ends there
                listed = _SECONDARY_STARTS.sub("", _RESTATED.sub("", listed))
            phrases = _split_list(listed)
            if m and _SINGULAR.search(m.group(0)) and len(phrases[0].split()) > 1:
                phrases = phrases[:1] + [p for p in phrases[1:] if _known(p, abbreviations)]
            for phrase in phrases:
                if _NOT_AN_ENDPOINT.match(phrase.strip()):
                    continue  # 'superiority in patients with ...': a hypothesis, not a measure
                name, abbrev = _endpoint_phrase(phrase, abbreviations)
                if name and not any(e.name == name for e in found):
                    found.append(Endpoint(name=name, abbreviation=abbrev, role=role))
    return found


_NOT_AN_ENDPOINT = re.compile(
    r"(?i)^(?:(?:the\s+)?(?:superiority|non-?inferiority|equivalence|safety|efficacy|feasibility|tolerability)\b"
    r"|(?:co-?primary\s+)?analys[ie]s\b|to\s+(?!compare|assess|determine|evaluate)\w+"
    # the rest of a sentence, not an entry of the list: 'analysed on an intention-to-treat basis',
    # 'as determined by ...', 'those with adenocarcinoma', 'where LR included ...', 'thereby avoiding ...'
    r"|(?:analy[sz]ed|as\s+determined|determined|those|where|whereas|thereby|which|for\s+which|while)\b)"
)
_SECONDARY_STARTS = re.compile(
    r"(?i)\s*(?:[,;]\s*|\s(?:and|with)\s+)(?:the\s+)?(?:key\s+|main\s+|major\s+)?secondary\s+"
    r"(?:end[\s-]?points?|outcomes?|parameters?|objectives?|measures?)\b.*$"
)
# where a named endpoint's definition starts: ', defined as ...', ' for the last 4 weeks'
_DEFINITION = re.compile(
    r"(?i),\s*(?:defined|assessed|measured|as\s+assessed|according|which|in\s+the|based\s+on)\b.*$"
    r"|\s+defined\s+(?:as|by)\b.*$"
    # 'overall survival (OS) measured from random assignment', 'PFS (...) after random assignment',
    # 'PFS in all analysable patients ...', 'PFS in patients eligible for treatment ...'
    r"|\s+(?:(?:measured|calculated|counted|assessed)\s+)?(?:from|after)\s+(?:the\s+)?(?:random\s+assignment|"
    r"randomi[sz]ation|registration|enrol?ment)\b.*$"
    r"|\s+in\s+(?:all\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants)\b.*$"
    r"|\s+(?:for|at|in\s+participants|in\s+patients|during|from|over|within|after)\s+(?:the\s+)?"
    r"(?:last|first|\d+|one|two|three|end|week|month|year|participants|patients)\b.*$"
)


# 'the percentage of patients at 21 months with ...': the landmark of a share, not where its name ends
_SHARE_AT = re.compile(
    r"(?i)\b((?:proportion|percentage|number)\s+of\s+(?:patients|participants))\s+at\s+\d+(?:\.\d+)?\s+"
    r"(?:days?|weeks?|months?|years?)(?=\s+(?:with|who|achieving)\b)"
)


# where the population a list of endpoints is measured in starts: 'overall survival in the
# intention-to-treat population and PD-L1 subgroups', '... both among patients in the WT population',
# '(...) in participants who completed the baseline and 3-month assessments'
_POPULATION = re.compile(
    r"(?i)\s+(?:both\s+)?(?:in|among)\s+(?:the\s+|all\s+)?(?:[\w()/-]+\s+){0,4}?"
    r"(?:population|patients|participants|subgroups?|cohorts?)\b(?!\s+(?:with|who|achieving|at)\b[^.;]*?\b(?:and|or)\b).*$"
)


# 'and overall survival in the WT population': after a population, the next entry of the list
_NEXT_ENTRY = re.compile(r"(?i)(?:,\s*|\s)and\s+(?:the\s+)?(?P<entry>(?:[\w-]+\s+){0,3}[\w-]+)")


def _without_populations(text: str) -> str:
    """The list without the populations its entries are measured in: 'investigator-assessed
    progression-free survival both among patients in the intention-to-treat population who had
    a wild-type genotype (...) and overall survival in the WT population' lists two entries."""
    m = _POPULATION.search(text)
    if not m:
        return text
    opened = 0
    for i in range(m.start(), len(text)):
        opened += {"(": 1, ")": -1}.get(text[i], 0)
        entry = _NEXT_ENTRY.match(text, i) if not opened else None
        if entry and any(
            endpoint_name(" ".join(entry.group("entry").split()[:n])) in ENDPOINTS for n in (1, 2, 3, 4)
        ):
            return text[: m.start()] + " and " + _without_populations(text[entry.start("entry") :])
    return text[: m.start()]


# how an entry was measured, up to the next entry: 'physical function measured by the Western Ontario
# and McMaster Universities (WOMAC) LK3.1 OA Index, and ...'
_MEASURED_BY = re.compile(
    r"(?i)(?<![,\s])(?<!\bas)\s+(?:as\s+)?(?:measured|assessed|evaluated)\s+(?:by|using|with)\s+[^,;()]*(?:\([^()]*\)[^,;()]*)*"
)


def _without_measures(text: str) -> str:
    """The list without how its entries were measured, where that is not inside a bracket."""
    for m in reversed(list(_MEASURED_BY.finditer(text))):
        before = text[: m.start()]
        if before.count("(") == before.count(")"):
            text = before + text[m.end() :]
    return text


# 'The primary end point was X ...': one endpoint, whatever 'and' its description holds ('cognitive
# deterioration (...) in participants who completed the baseline and 3-month assessments')
_SINGULAR = re.compile(
    r"(?i)\b(?<!co-)(?<!co)primary\s+(?:efficacy\s+)?(?:end[\s-]?point|outcome(?:\s+measure)?)\s+was\b"
)


def _known(phrase: str, abbreviations: dict[str, str]) -> bool:
    """A phrase that names an endpoint of the lexicon or one the abstract abbreviates."""
    p = re.sub(r"(?i)^(?:the|an?)\s+", "", phrase.strip())
    return endpoint_name(p) in ENDPOINTS or p in abbreviations or p in abbreviations.values()


def _split_list(text: str) -> list[str]:
    # 'Knee injury and Osteoarthritis Outcome Score (KOOS)' is one entry
    for short, long in definitions(text).items():
        if re.search(r",|\band\b", long):
            text = text.replace(f"{long} ({short})", short)
    text = re.sub(r"(?i)^defined\s+as\s+", "", text)
    # '(1) the percentage change in X between baseline and 2 months and (2) the proportion of ...'
    numbered = re.split(r"\s*(?:,\s*)?(?:and\s+)?\(\d\)\s*", text)
    if len(numbered) > 2 and not numbered[0].strip():
        return [p for entry in numbered[1:] for p in _split_list(_WINDOW.sub("", entry))]
    return [
        re.sub(r"\s+", " ", p).strip()
        for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", _prepared(text))
        if p.strip()
    ]


def _prepared(text: str) -> str:
    """The list without what is no part of its entries: landmarks, measures, populations, definitions."""
    text = _SHARE_AT.sub(r"\1", text)
    text = _without_measures(text)
    text = _without_populations(text)
    text = re.sub(r"^([^:,;]{3,60}?):\s.*$", r"\1", text)  # 'combined success: drainage, lung expansion, ...'
    text = re.sub(r"\[([A-Za-z]{2,6})\]", r"(\1)", text)  # 'systemic objective response rates [ORRs]'
    text = _DEFINITION.sub("", text) if text.count(",") else text
    return re.sub(r"\([^()]*\([^()]*\)[^()]*\)|\((?![A-Z]{2,6}\))[^()]*\)", "", text)


# the window an entry is measured over: 'between baseline and 2 months sustained for > or =4 weeks'
_WINDOW = re.compile(r"(?i)\s+(?:between\s+baseline\s+and|from\s+baseline\s+to)\b.*$")


# '18-month overall survival': a landmark opening a name; '(OS)' followed by more of the name
_LANDMARK_FIRST = re.compile(r"(?i)^\d+(?:\.\d+)?[- ](?:years?|months?|weeks?|days?)\b\s*(?P<rest>.*)$")
_DEFINED_INSIDE = re.compile(r"\s*\(([A-Za-z]{2,6})\)(?=\s+\w)")


def _endpoint_phrase(phrase: str, abbreviations: dict[str, str]) -> tuple[str, str | None]:
    p = re.sub(r"(?i)^(?:the|an?|their|its)\s+", "", phrase.strip())
    p = re.sub(r"(?i)^(?:amended|changed)\s+from\s+.+?\s+to\s+", "", p)  # 'amended from OS to PFS'

    # 'to compare overall survival between the groups': the endpoint the aim is about
    p = re.sub(
        r"(?i)^to\s+(?:compare|assess|determine|evaluate|show|demonstrate|test|estimate)\s+(?:whether\s+)?(?:the\s+)?",
        "",
        p,
    )
    p = re.sub(r"(?i)\s+(?:between|among|across)\s+(?:the\s+)?(?:groups?|arms?|treatments?)\b.*$", "", p)
    p = re.sub(
        r"(?i)^(?:(?:median|(?:[\w-]+\s+){1,4}?assessed(?=\s+(?!by\b|in\b|at\b)\w)|investigator-assessed|independently assessed|centrally assessed|confirmed|rates?\s+of|biochemically\s+"
        r"confirmed|self-reported|patient-reported|comparison\s+of|changes?\s+in|improved|(?:the\s+)?(?:proportion|percentage|"
        r"number)\s+of\s+(?:patients|participants)\s+(?:who\s+(?:achieved|had|were)|with|achieving)\s+(?:an?\s+|(?:>/=|≥|>=|at\s+least)\s*(?:1|one)\s+)?)\s*)+",
        "",
        p,
    )
    p = _DEFINITION.sub("", re.sub(r"\s+", " ", p)).strip()
    p = re.sub(r"(?i)\s+(?:for\s+\S+\s+)?(?:versus|vs\.?|v\.?|compared\s+with)\b.*$", "", p)
    p = re.sub(r"(?i)^(?:the|an?)\s+", "", p)
    p = re.sub(
        r"(?i)\s+(?:as assessed|assessed|as measured|measured|(?:as\s+)?determined|analy[sz]ed|using|according to|by|in (?:a|an|the)\b[^,]*population)\b.*$",
        "",
        p,
    )
    # '2-year overall survival (OS) rate': an abbreviation the abstract defines inside the name is no part of it
    p = _DEFINED_INSIDE.sub(lambda d: "" if d.group(1) in abbreviations else d.group(), p)
    m = re.match(r"^(.*?)\s*\(([A-Za-z]{2,6})\)$", p)
    name, abbrev = (m.group(1), m.group(2)) if m else (p, None)
    if name in abbreviations:
        name, abbrev = abbreviations[name], name
    name = endpoint_name(name)
    if name not in ENDPOINTS and re.search(r"\w\s+rates?$", name):  # the rate is the statistic
        name = re.sub(r"\s+rates?$", "", name)
    # '2-year overall survival rate', '12-month and 18-month progression-free survival rates': the
    # landmark is when the endpoint is read, not what it is (a landmark alone names nothing)
    timed = _LANDMARK_FIRST.match(name)
    if timed and (not timed.group("rest") or endpoint_name(timed.group("rest")) in ENDPOINTS):
        name = endpoint_name(timed.group("rest"))
    if len(name) < 3:
        return "", None
    if abbrev is None:
        abbrev = next((a for a, full in abbreviations.items() if full == name), None)
    return name, abbrev


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the abstract defines, to plain endpoint names where they name one:
    'overall survival (OS)' -> {'OS': 'overall survival'}, 'quality-adjusted life-years (QALYs)'."""
    return {short: endpoint_name(long) for short, long in definitions(text).items()}
