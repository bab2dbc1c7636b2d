"""Baseline characteristics an abstract prints of the patients a trial enrolled: 'Median age
was 77 years', '59% were men', '31 533 (59%) were men', '(median age: 57 years; stage IV
disease: 74%)', '34% female; median age, 63 years; 39.4% stage IIIA', '(stages: 38% IB, 10% IIA)'.

A clause is read as baseline when it says who the patients were and reports no outcome: no
survival, response, progression, harm, ratio, interval or p-value, nothing that happened on
treatment. Its figures are the whole trial's (the group pooled from every arm, or the one arm
of a one-arm study); a clause that names an arm or says 'respectively' sets groups side by
side, which the results readers handle, and a clause about another population ('Among
Tobacco Use Supplement respondents who met NLST criteria, 59% were men') or a subgroup ('Of
the 92 patients who underwent surgery, ...') is not the trial's baseline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extraction.armrefs import ArmFinder
from kg.extraction.baseline_clauses import clauses
from kg.extraction.biomarkers import FOUND, MARKER_STATUS, denominator, marker_prevalence
from kg.extraction.text import NUM, Sentence, dec
from kg.model import BaselineMeasurement, Evidence

_OUTCOME = re.compile(
    r"(?i)\b(?:surviv\w*|respon\w*|progress\w*|recurr(?!ent\s+disease)\w*|relapse\w*|deaths?|died|mortality|toxicit\w*|adverse|"
    r"grade|hazard|odds|risk|(?-i:HR|OR|RR|CI)|confidence|p\s*[=<>≤]|events?|complications?|improv\w*|reduc\w*|"
    r"increas\w*|decreas\w*|benefit\w*|effects?|quit\w*|abstinen\w*|cessation|underwent|completed|started|"
    r"received(?!\s+(?:\d+\s+|one\s+|two\s+|three\s+)?(?:prior|previous)\b)|treated|assigned|allocated|"
    r"randomi[sz]\w*\b(?!\s+(?:participants|patients|subjects))|discontinu\w*|follow-up|rates?|incidence|detected|"
    r"positive|negative|failure|control)\b"
)
_STAT_AGE = re.compile(
    rf"(?i)\b(?P<stat>median|mean)\s+age(?:\s+of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:participants|patients|subjects)"
    r"(?:\s+who\s+[a-z\s]{3,40}?(?=\s+was\b))?)?"
    rf"\s*(?:was|of|,|:|=)?\s*(?P<v>{NUM})\s*(?:years?|yrs?|y)?\b"
    rf"(?:\s*(?:[(\[]|[;,])\s*(?P<spread>range|IQR|interquartile\s+range),?\s*(?P<lo>{NUM})\s*(?:-|to)\s*(?P<hi>{NUM})"
    r"(?:\s*years?)?(?:\s*[)\]])?"
    # 'a mean age of 60.6 years (SD, 10.5 years)'
    rf"|\s*[(\[]\s*(?:SD|standard\s+deviation)\s*[,:=]?\s*(?P<sd>{NUM})\s*(?:years?)?\s*[)\]])?"
)
# 'aged 47-81 years (mean 66)'
_AGED = re.compile(
    rf"(?i)\baged\s+(?P<lo>{NUM})\s*(?:-|to)\s*(?P<hi>{NUM})\s*years?\s*\(\s*(?P<stat>median|mean)\s*(?:age\s*)?"
    rf"(?P<v>{NUM})\s*(?:years?)?\s*\)"
)
# '90 males and 16 females, 50 with squamous cell, ..., and 35 with adenocarcinoma': counts of the
# sexes, and of the classes a list of them goes on with
_SEXES = re.compile(r"(?i)(?<![\d.%,])(?P<n>\d+)\s+(?P<what>men|women|males|females)\b")
_WITH_ITEM = re.compile(
    r"(?i)(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<n>\d+)\s+with\s+(?P<what>[a-z][\w /-]{2,40}?)"
    r"(?=\s*(?:[,;()]|\.(?:\s|$)|\s+and\s|$))"
)
# '59% were men', 'Most (61%) were clinical stage I', '90% had a Karnofsky performance score of 90-100', '16 839 (32%) had a college degree'
_HAD = re.compile(
    rf"(?i)(?<![\w.,])(?:(?P<n>\d+)\s*\(\s*(?P<npct>{NUM})\s*%\s*\)"
    rf"|(?P<most>(?:most|the\s+majority)\s*\(\s*)?(?P<pct>{NUM})\s*(?:%|percent)(?(most)\s*\)))"
    r"\s+(?:(?:of\s+(?:the\s+)?(?:(?P<of>\d+)\s+)?(?:[\w-]+\s+){0,2}?)?(?:patients|participants|subjects)"
    r"(?:\s+(?:randomi[sz]ed|enrolled))?(?:\s*\(\s*(?P<part>\d+)\s+of\s+(?P<whole>\d+)\s*\))?\s+)?"
    r"(?:were|was|had|have)\s+(?P<what>[^,;()]+?)(?=\s*(?:[,;()]|\.(?:\s|$)|\s+and\s+\d|$))"
)
# '(median age: 57 years; stage IV disease: 74%; ...)', 'stage IV disease, 74%', 'Karnofsky
# performance status (KPS) >80: 41%' (a class of a score, its abbreviation in brackets)
_LABELLED = re.compile(
    rf"(?i)(?:^\s*|(?<=[(;,:]\s))(?P<what>[a-z][\w -]{{2,40}}?(?:\s*\([A-Z]{{2,6}}\))?(?:\s*[<>]=?\s*\d+)?)"
    rf"\s*[:,]\s*(?P<pct>{NUM})\s*%(?=\s*[;,)]|$)"
)
# 'Sixty-seven patients were age 70 years or older (29%)': a count of patients, its share after
_COUNTED_SHARE = re.compile(
    rf"(?i)(?<![\w.,])(?P<n>\d+)\s+(?:patients|participants|subjects)\s+(?:were|had)\s+(?P<what>[^,;()]+?)"
    rf"\s*\(\s*{NUM}\s*%\s*\)"
)
# 'Median cigarette exposure was 48 pack-years': how much the patients had smoked
_PACK_YEARS = re.compile(
    rf"(?i)\b(?P<stat>median|mean)\s+(?P<what>[a-z][\w -]{{2,40}}?)\s+(?:was|of)\s+(?P<v>{NUM})\s*pack-years\b"
)
# '95% ... had cough, 47% haemoptysis, 59% chest pain': the verb of the first item holds for the list
_LISTED = re.compile(
    rf"(?i)(?:,\s*(?:and\s+)?|\s+and\s+)(?P<pct>{NUM})\s*%\s+(?P<what>[a-z][\w /-]{{2,40}}?)(?=\s*(?:[,;)]|\.(?:\s|$)|\s+and\s|$))"
)
# '34% female; ...; and 60.6% stage IIIB', 'with 31% stage II', '(stages: 38% IB, 10% IIA, ...)': a
# figure and what it counts, alone in its part of a list (the list's head, if any, is what it classes)
_BARE = re.compile(
    rf"(?i)(?:^\s*|(?<=[(;,:]\s)|(?<=\band\s)|(?<=\bwith\s))(?P<pct>{NUM})\s*(?:%|percent)\s+"
    r"(?P<what>[a-z][\w /-]{0,40}?)(?=\s*(?:[,;)]|\.(?:\s|$)|\s+and\s|$))"
)
_HEAD = re.compile(r"(?i)(?:^|[(;]\s*)(?P<head>[a-z][\w -]{2,30}?):\s*$")
_NEXT_ITEM = re.compile(r"\s*,\s*(?:and\s+)?")
# 'Pathologic stage was IA in 424 (42%), IB in 418 (41%), ...': the classes of one characteristic
_CLASSES = re.compile(
    rf"(?i)\b(?P<head>[a-z][\w -]{{2,30}}?)\s+was\s+(?P<first>[\w-]{{1,8}}\s+in\s+\d+\s*\(\s*{NUM}\s*%\s*\)"
    rf"(?:\s*,?\s*(?:and\s+)?[\w-]{{1,8}}\s+in\s+\d+\s*\(\s*{NUM}\s*%\s*\))+)"
)
_CLASS = re.compile(rf"(?P<label>[\w-]{{1,8}})\s+in\s+(?P<n>\d+)\s*\(\s*(?P<pct>{NUM})\s*%\s*\)")
# '44% and 35% had adenocarcinoma and squamous carcinoma, respectively': rates of classes in order
_RESPECTIVE = re.compile(
    rf"(?i)(?<![\w.,])(?P<figs>{NUM}\s*%(?:\s*,\s*{NUM}\s*%)*\s*,?\s*and\s+{NUM}\s*%)\s+"
    r"(?:of\s+(?:the\s+)?(?:patients|participants)\s+)?(?:were|had|have)\s+(?P<whats>[^;()]+?),?\s+respectively\b"
)
# '(48 in arm A and 53 in arm B)': how the patients counted before it split between the arms
# '(52 in the A group and ...)', '(SRS alone, n = 111; SRS plus WBRT, n = 102)': how many each arm has
_BREAKDOWN = re.compile(r"(?i)\(\s*\d+\s+(?:in|to|on)\s+[^()]*\)|\([^()]*\bn\s*=\s*\d+[^()]*\)")
_OTHER_POPULATION = re.compile(r"(?i)^\s*(?:among|in|of|for)\s+(?P<who>[^,]{3,120}?),")
# who the trial's own patients are, in an opener: 'Among the 878 randomized patients', 'In both
# groups' (every group alike: the figures describe the whole trial)
_TRIAL_PEOPLE = re.compile(
    r"(?i)\b(?:patients|participants|subjects|enrolled|randomi[sz]ed|analy[sz]able|cohort)\b"
    r"|^\s*(?:both|all|the\s+two)\s+(?:groups|arms)\s*$"
)


def baseline_characteristics(
    sents: Iterable[Sentence], finder: ArmFinder, population: str | None, taken: list[Evidence]
) -> list[BaselineMeasurement]:
    """Every baseline figure of the whole trial the sentences print (none without a population
    to give them to); figures another fact took (``taken``) are that fact's."""
    if population is None:
        return []
    out: list[BaselineMeasurement] = []
    for s in sents:
        for start, clause in clauses(s.norm):
            if not _the_trials(clause, finder) or _OUTCOME.search(_without_figures(_described(clause))):
                continue
            read = _respective if "respectively" in clause else _figures
            for figure in read(s, clause, start, population):
                ev = figure.evidence
                if ev is not None and not any(_overlap(ev, t) for t in taken):
                    out.append(figure)
    return out


# 'and median follow-up was 30.3 months (range 8.6-45.2)': how long the patients were followed,
# which the follow-up reader takes; it reports no outcome
_FOLLOWED = re.compile(
    rf"(?i)\b(?:median|mean)\s+(?:duration\s+of\s+)?follow-up\s+(?:was|of)\s+{NUM}\s*[a-z]+(?:\s*\([^()]*\))?"
)


def _without_figures(clause: str) -> str:
    """The clause without what the figures describe ('had a Karnofsky performance score of
    90-100') and how long patients were followed: only the words around them say whether it
    reports an outcome."""
    for pattern in (_STAT_AGE, _HAD, _COUNTED_SHARE, _FOLLOWED, FOUND):
        clause = pattern.sub(" ", clause)
    return clause


def _described(clause: str) -> str:
    """The clause without its opener naming the trial's patients ('Among the 878 randomized
    patients, the median age was 63'): the opener says whom the figures describe, and that they
    were randomised is no outcome."""
    opener = _OTHER_POPULATION.match(clause)
    return clause[opener.end() :] if opener else clause


def _the_trials(clause: str, finder: ArmFinder) -> bool:
    """Whether the clause describes the trial's own patients, all of them together."""
    if (
        "respectively" in clause
        and not _RESPECTIVE.search(clause)
        or finder.find(_BREAKDOWN.sub(" ", clause))
    ):
        return False
    opener = _OTHER_POPULATION.match(clause)
    if not opener:
        return True
    who = opener.group("who")
    return bool(_TRIAL_PEOPLE.search(who)) and not re.search(r"(?i)\b(?:who|with|without|whose)\b", who)


def _figures(s: Sentence, clause: str, offset: int, population: str) -> list[BaselineMeasurement]:
    out = []
    for m in [*_STAT_AGE.finditer(clause), *_AGED.finditer(clause)]:
        ranged = m.group("lo") is not None
        spread = (m.groupdict().get("spread") or "range").lower()
        out.append(
            BaselineMeasurement(
                characteristic="age",
                statistic=m.group("stat").lower(),
                arm=population,
                estimate=dec(m.group("v")),
                unit="years",
                dispersion=(
                    ("FULL_RANGE" if spread == "range" else "INTER_QUARTILE_RANGE")
                    if ranged
                    else "STANDARD_DEVIATION"
                    if m.groupdict().get("sd")
                    else None
                ),
                spread_lower=dec(m.group("lo")) if ranged else None,
                spread_upper=dec(m.group("hi")) if ranged else None,
                spread=dec(sd) if (sd := m.groupdict().get("sd")) else None,
                evidence=s.evidence(offset + m.start(), offset + m.end()),
            )
        )
    for m in _PACK_YEARS.finditer(clause):
        if re.search(r"(?i)\b(?:among|in|for|of)\b", m.group("what")):
            continue  # 'Median cigarette exposure among this group': another population's
        out.append(
            BaselineMeasurement(
                characteristic=m.group("what").lower(),
                statistic=m.group("stat").lower(),
                arm=population,
                estimate=dec(m.group("v")),
                unit="pack-years",
                evidence=s.evidence(offset + m.start(), offset + m.end()),
            )
        )
    had = [
        m
        for m in [*_HAD.finditer(clause), *_COUNTED_SHARE.finditer(clause)]
        if (w := _characteristic(m.group("what"))) and (not _OUTCOME.search(w) or MARKER_STATUS.match(w))
    ]
    listed = [m for m in _LISTED.finditer(clause, had[0].end()) if m.start() >= had[-1].end()] if had else []
    for m in [*had, *listed, *_LABELLED.finditer(clause)]:
        what = _characteristic(m.group("what"))
        if what is None or _OUTCOME.search(what) and not MARKER_STATUS.match(what):
            continue
        counted = m.groupdict().get("n") is not None
        of = denominator(clause) if counted else None
        total = of.group("total") if of else m.groupdict().get("whole") or m.groupdict().get("of")
        out.append(
            BaselineMeasurement(
                characteristic=what,
                statistic="count" if counted else "rate",
                arm=population,
                estimate=dec(m.group("n")) if counted else dec(m.group("pct")),
                unit="participants" if counted else "percent",
                n_analysed=int(total) if total else None,
                evidence=s.evidence(offset + (of.start("total") if of else m.start()), offset + m.end()),
            )
        )
        if m.groupdict().get("part"):  # '31% of patients (275 of 888) had ...': the count too
            out.append(_count(s, offset, m, what, population, "part", int(total)))
    out += _classes(s, clause, offset, population) + _counted(s, clause, offset, population)
    out += marker_prevalence(s, clause, offset, population)
    read = [(f.evidence.start, f.evidence.end) for f in out if f.evidence is not None]
    return out + _bare_items(s, clause, offset, population, read)


def _respective(s: Sentence, clause: str, offset: int, population: str) -> list[BaselineMeasurement]:
    """'44% and 35% had adenocarcinoma and squamous carcinoma, respectively': each figure is the
    rate of the class in its place of the list (a list naming arms is no baseline: see
    ``_the_trials``)."""
    out = []
    for m in _RESPECTIVE.finditer(clause):
        names = [_characteristic(w) for w in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("whats"))]
        figures = list(re.finditer(NUM, m.group("figs")))
        if len(names) != len(figures) or any(n is None or _OUTCOME.search(n) for n in names):
            continue
        for figure, name in zip(figures, names, strict=True):
            at = offset + m.start("figs")
            out.append(
                BaselineMeasurement(
                    characteristic=name,
                    statistic="rate",
                    arm=population,
                    estimate=dec(figure.group()),
                    unit="percent",
                    evidence=s.evidence(at + figure.start(), at + figure.end()),
                )
            )
    return out


def _counted(s: Sentence, clause: str, offset: int, population: str) -> list[BaselineMeasurement]:
    """'90 males and 16 females, 50 with squamous cell, ...': the count of each sex, and of each
    class the list goes on with."""
    out = []
    for m in _SEXES.finditer(clause):
        out.append(_count(s, offset, m, m.group("what").lower(), population))
        end = m.end()
        while (item := _WITH_ITEM.match(clause, end)) and not _SEXES.match(clause, item.start("n")):
            what = _characteristic(item.group("what"))
            if what is None or _OUTCOME.search(what):
                break
            out.append(_count(s, offset, item, what, population))
            end = item.end()
    return out


def _count(
    s: Sentence,
    offset: int,
    m: re.Match,
    what: str,
    population: str,
    group: str = "n",
    total: int | None = None,
) -> BaselineMeasurement:
    """The count in ``group`` of what ``m`` says, spanning to the match's end (or to the
    denominator ``total`` printed after it: '275 of 888')."""
    return BaselineMeasurement(
        characteristic=what,
        statistic="count",
        arm=population,
        estimate=dec(m.group(group)),
        unit="participants",
        n_analysed=total,
        evidence=s.evidence(offset + m.start(group), offset + (m.end("whole") if total else m.end())),
    )


def _bare_items(
    s: Sentence, clause: str, offset: int, population: str, read: list[tuple[int, int]]
) -> list[BaselineMeasurement]:
    """'34% female', '(stages: 38% IB, 10% IIA; histology: 43% squamous)': figures no other
    form of the clause read, each the rate of what follows it, or of the class it names of the
    head its list follows."""
    out = []
    head, end = None, -1
    for m in _BARE.finditer(clause):
        span = s.evidence(offset + m.start("pct"), offset + m.end())
        if any(a < span.end and span.start < b for a, b in read):
            continue
        if not (end >= 0 and _NEXT_ITEM.fullmatch(clause, end, m.start())):
            before = _HEAD.search(clause[: m.start()])
            head = _characteristic(before.group("head")) if before else None
        end = m.end()
        what = _characteristic(m.group("what"))
        if what is None or _OUTCOME.search(what) or re.match(r"\w+ed\b", what):
            continue  # '25% continued to smoke': a verb says what they did, not who they were
        out.append(
            BaselineMeasurement(
                characteristic=head or what,
                subgroup=m.group("what").strip() if head else None,
                statistic="rate",
                arm=population,
                estimate=dec(m.group("pct")),
                unit="percent",
                evidence=span,
            )
        )
    return out


def _classes(s: Sentence, clause: str, offset: int, population: str) -> list[BaselineMeasurement]:
    """'Pathologic stage was IA in 424 (42%), IB in 418 (41%)': one count per class."""
    out = []
    for m in _CLASSES.finditer(clause):
        head = _characteristic(m.group("head"))
        if head is None:
            continue
        for c in _CLASS.finditer(clause, m.start("first"), m.end("first")):
            out.append(
                BaselineMeasurement(
                    characteristic=head,
                    subgroup=c.group("label"),
                    statistic="count",
                    arm=population,
                    estimate=dec(c.group("n")),
                    unit="participants",
                    evidence=s.evidence(offset + c.start(), offset + c.end()),
                )
            )
    return out


def _characteristic(words: str) -> str | None:
    """The characteristic as printed, without articles and trailing words; None when it is
    no description of people ('at least one dose')."""
    text = re.sub(r"(?i)^(?:a|an|the)\s+", "", words.strip(" .")).strip()
    if not text or len(text.split()) > 8 or not re.search(r"[A-Za-z]{2}", text):
        return None
    if re.match(
        r"(?i)(?:with|in|for|on|at|by|to|from|after|during|of|were|was|had|have|vs?\.?|versus)\b", text
    ):
        return None  # '47% with IMRT': a group of a treatment, not a characteristic
    return text.lower()


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a.sentence == b.sentence and a.start < b.end and b.start < a.end


__all__ = ["baseline_characteristics"]
