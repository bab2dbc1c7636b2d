"""The words of adverse-event statements: what counts as an event, its category, its cause.

One job: telling, from words alone, whether a phrase names an adverse event and which
summary category a phrase states. Two kinds of words make a statement an adverse-event one:

- summary words: 'adverse events', 'AEs', 'toxic effects', 'toxicity', 'side effects',
  'complications' ('Serious adverse events occurred in 66.0% ...');
- the name of an event ('Hypocalcemia rates were 8.6% with denosumab', 'Cumulative
  incidence of osteonecrosis of the jaw ...', 'Cisplatin induced nausea and vomiting in 86
  percent ...'). Events are recognised by the word formation of medical terms for harms
  (-itis, -penia, -aemia/-emia, -pathy, -algia, -rrhoea, -toxicity, hypo-/hyper-), and by a
  short list of the common terms that have no such ending (nausea, rash, fatigue, pain,
  infection, ...), the way CTCAE names them. What a trial measures as its outcome (cancer,
  recurrence, progression, response, survival, abstinence) is never an event here.

Categories follow the gold conventions: 'any', 'serious', 'severe' (the text says severe and
gives no grade), grades and grade ranges, 'grade 5' for deaths the text attributes to
treatment or toxicity, and 'leading to discontinuation'.
"""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions

AE_WORDS = re.compile(
    r"(?i)adverse[- ](?:events?|effects?|reactions?|drug reactions?)|\b(?:S?AEs?|TEAEs?|TRAEs?)\b|toxic effects|"
    r"\b\w*toxicit(?:y|ies)\b|side[- ]effects|\bcomplications?\b|\bCTCAEs?\b"
)

_SUFFIXES = (
    r"\w+itis|\w+penias?|\w+a?emias?|\w+pathy|\w+pathies|\w+algias?|\w*rrh?o?eas?|\w+toxicity|"
    r"hypo(?!thes|fraction)\w{4,}|hyper(?!fraction)\w{4,}|\w*necrosis|\w*thrombos[ie]s|\w*fibrosis|\w+emesis"
)
_TERMS = (
    r"nausea|vomiting|emesis|fatigue|asthenia|asthenic|lethargy|malaise|rash(?:es)?|acne|alopecia|hair loss|pain|"
    r"fever|pyrexia|cough|dyspno?eas?|infections?|sepsis|septic|pneumonia|bleeding|ha?emorrhages?|ha?emoptysis|"
    r"constipation|anorexia|appetite|insomnia|sleep disorders?|dreams?|headaches?|dizziness|o?edema|paronychia|"
    r"pruritus|itching|hiccups?|dysgeusia|dysphagia|odynophagia|weight loss|dehydration|syncope|seizures?|"
    r"strokes?|infarction|embol(?:ism|i|us)|perforation|fractures?|fistulas?|air leak|fibrillation|arrhythmias?|"
    r"mucositis|stomatitis|neutropenic|febrile|aminotransferase|transaminases?|bilirubin|creatinine|lipase|"
    r"amylase|neutrophil|lymphocyte|platelet|leucocyte|leukocyte|white blood cell|hot flush(?:es)?|flushing|"
    r"injection[- ]site|hand-foot|myelosuppression|neurotoxicity|ototoxicity|hypersensitivity|"
    r"interstitial lung disease|ILD|cardiac failure|heart failure|kidney injury|renal failure|hepatic dysfunction|"
    r"myelotoxicity|cerebrovascular accidents?|respiratory failure"
)
EVENT = re.compile(rf"(?i)\b(?:{_SUFFIXES}|{_TERMS})\b")
# what a trial measures as its outcome is not an event, even when it ends like one
_OUTCOME = re.compile(
    r"(?i)\b(?:cancers?|carcinomas?|tumou?rs?|malignan\w+|metasta\w+|recurrences?|relapses?|progression|response|"
    r"survival|abstinence|smoking|quit|remission|control|efficacy|quality of life|QoL|mortality|leuka?emia|relief|"
    r"palliation|improvement|scores?|symptoms? (?:relief|response|improvement))\b"
)


def names_event(phrase: str) -> bool:
    """True when a phrase names an adverse event ('osteonecrosis of the jaw', 'rash or acne'),
    not an outcome the trial measures ('lung cancer deaths', 'local recurrence')."""
    return bool(EVENT.search(phrase)) and not _OUTCOME.search(phrase)


def names_outcome(phrase: str) -> bool:
    """True when a phrase names what a trial measures as its outcome ('survival', 'response')."""
    return bool(_OUTCOME.search(phrase))


RELATED = re.compile(
    r"(?i)\b(?:treatment|drug|study[- ]drug|therapy|chemotherapy|radiation|radiotherapy)[- ](?:related|induced|associated)\b"
    r"|\brelated to (?:the )?(?:study )?(?:treatments?|drugs?|therap(?:y|ies))\b|\battributed to (?:the )?(?:study )?"
    r"(?:treatment|drug|therapy|radiation)|\b(?:surgical|operative|post-?operative) complications\b"
    r"|\btoxic effects\b|\btoxic(?:-related)? deaths?\b|\btoxic death rate\b"  # what a treatment did, by the word itself
    # 'Main grade 3 or 4 toxicities were rash (...)': a toxicity is the treatment's effect (not 'toxicity criteria',
    # 'toxicity was graded according to ...', 'evaluable for toxicity')
    r"|(?<!\bfor\s)\btoxicit(?:y|ies)\b(?!\s+criteria|\s+(?:was|were)\s+(?:graded|assessed|evaluated|scored|recorded|measured))"
)
_OTHER_RELATED = re.compile(r"(?i)\b([\w-]+?)-(?:related|induced|associated)\b")
_INDUCED_BY = re.compile(r"(?i)\b([\w-]+)\s+(?:induced|caused)\b")


def related(text: str, names: frozenset[str] = frozenset()) -> bool:
    """True when the words restrict events to those the treatment caused.

    'cetuximab-related' counts when the word before '-related' is a drug; 'immune-related'
    names a kind of event, not its cause. An intervention (one of ``names``, or a drug) that
    'induced' or 'caused' the events makes them treatment-related too ('Cisplatin induced
    nausea and vomiting in 86 percent').
    """
    if RELATED.search(text) or _treatment_deaths(text, names):
        return True
    causes = [m.group(1) for m in (*_OTHER_RELATED.finditer(text), *_INDUCED_BY.finditer(text))]
    return any(c.lower() in names or drug_mentions(c) for c in causes)


def ae_category(phrase: str) -> str:
    """The gold category a phrase names; 'any' when it names none."""
    p = phrase.lower()
    if "discontinu" in p or re.search(r"\bwithdr[ae]w", p):  # 'withdrawals due to adverse events'
        return "leading to discontinuation"
    if "serious" in p:
        return "serious"
    grade = grade_category(p)
    if grade:
        return grade
    if re.search(r"\bfatal\b|\bdeaths?\b|\bdied\b", p):
        return "grade 5"
    if re.search(r"\bsevere\b", p):
        return "severe"
    return "any"


def grade_category(phrase: str) -> str | None:
    """The category a grade phrase names ('grade 3 or 4' -> 'grade 3-4', 'grade >2' ->
    'grade >=3'); a grade or range the common categories do not cover is named as printed
    (see ``_other_grades``); None for a list of grades ('grades 2 and 3' may count each)."""
    p = phrase.lower()
    g = r"(?:grades?\s*|g)"
    if re.search(rf"{g}(?:3|iii)\s*(?:/|or|to|-|and|\+)\s*(?:4|iv)\b(?!,?\s*(?:or\s+)?5)", p):
        return "grade 3-4"
    if re.search(
        rf"{g}(?:3|iii)\s*(?:or (?:higher|worse|above|greater|more)|\+|to 5|-5|through 5|,\s*4,?\s*(?:or|and)\s*5)"
        rf"|{g}(?:≥|>=|> or =|>or=)\s*3|{g}>\s*2\b|(?:≥|>=)\s*grade\s*3|grades?\s*(?:iii|3)\s*-\s*v\b",
        p,
    ):
        return "grade >=3"
    if re.search(rf"{g}(?:1|i)\s*(?:/|or|to|-|and)\s*(?:2|ii)\b", p):
        return "grade 1-2"
    for grade in ("5", "4", "3"):
        if re.search(rf"{g}{grade}\b(?!\s*(?:/|-|or|to|and|through|\+|or higher)\s*\w)", p):
            return f"grade {grade}"
    return _other_grades(p)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_LEVEL = r"(?P<{}>[1-5]|iv|v|i{{1,3}})"
_AT_LEAST = r"(?:≥|>=|> or =|>or=)\s*"
_OTHER_GRADE = [
    # 'grade 2 or higher', 'grade ≥ 2', '≥ grade 2', 'grade 2+'
    (
        re.compile(
            rf"(?:grades?\s*|g)(?:{_AT_LEAST})?{_LEVEL.format('a')}\s*(?:or (?:higher|worse|above|greater|more)|\+)"
            rf"|(?:grades?\s*|g){_AT_LEAST}{_LEVEL.format('b')}|{_AT_LEAST}grades?\s*{_LEVEL.format('c')}"
        ),
        0,
    ),
    (re.compile(rf"(?:grades?\s*|g)>\s*{_LEVEL.format('a')}"), 1),  # 'grade >1'
    (
        re.compile(
            rf"(?:grades?\s*|g){_LEVEL.format('a')}\s*(?:/|or|to|through|-|\+)\s*{_LEVEL.format('z')}"
        ),
        None,
    ),
    (re.compile(rf"(?:grades?\s*|g){_LEVEL.format('a')}"), None),  # a lone 'grade 2'
]


def _level(m: re.Match, name: str) -> int | None:
    value = m.groupdict().get(name)
    return None if value is None else ROMAN.get(value) or int(value)


def _other_grades(p: str) -> str | None:
    """'grade 2/3' and 'grade 2 through 4' -> 'grade 2-3', 'grade 2-4'; 'grade 2 or higher',
    'grade >= 2', 'grade >1' -> 'grade >=2'; a lone 'grade 2' -> 'grade 2'. These count the
    events of those grades just as the common categories do; the category says which."""
    for pattern, above in _OTHER_GRADE:
        m = pattern.fullmatch(p.strip())
        if m is None:
            continue
        low = next(x for x in (_level(m, n) for n in "abc") if x is not None)
        high = _level(m, "z")
        if above is not None:
            return f"grade >={low + above}" if low + above <= 5 else None
        if high is None:
            return f"grade {low}"
        return f"grade {low}-{high}" if low < high else None
    return None


_GRADE = re.compile(
    r"(?i)(?:(?:≥|>=)\s*)?(?:\bgrades?|\bG(?=[1-5]))\s*(?:≥|>=|> or =|>or=|>)?\s*(?:[1-5]|i{1,3}|iv|v)\b"
    r"(?:\s*(?:,\s*(?:or|and)?|/|or|to|through|-|and|\+)\s*(?:[1-5]|iv|v)\b)*"
    r"(?:\s+or\s+(?:higher|worse|above|greater|more))?(?:\s*\+)?"
)
# a grade that bounds or qualifies the figures rather than naming what they count: 'greater
# than grade 3', 'pulmonary complications of above grade 2', 'mostly grade 1 or 2'
_GRADE_BOUND = re.compile(
    r"(?i)(?:greater than|higher than|more than|above|exceeding|over|under|below|less than)\s*$"
)
_GRADE_QUALIFIER = re.compile(
    r"(?i)\b(?:mostly|mainly|predominantly|primarily|generally|largely|all being|all were|were all|majority)\s+(?:of\s+)?$"
)
_NOT_SUMMARY = re.compile(
    r"(?i)\bdose\s+(?:interruption|reduction|modification|delay)s?|\binterruptions?\b|\bhospitali[sz]\w+"
    r"|\btransfusions?\b|\brequir\w+\b|\bdied during\b|\bcause of death\b"
)
_DISCONTINUATION = re.compile(
    r"(?i)\b(?:discontinu|withdr[ae]w|stopp?)\w*(?:\s+\S+){0,5}?\s+(?:because of|due to|owing to|for|as a result of)\s+"
    r"(?:\S+\s+){0,3}?(?:adverse|toxic|side|intolerable)"
    r"|(?:adverse events?|AEs?|toxic\w*)\s+(?:\S+\s+){0,3}?(?:leading|led)\s+to\s+(?:\S+\s+){0,2}?(?:discontinu|withdraw)"
)
_STOPPED = re.compile(r"(?i)\b(?:discontinu|withdr[ae]w)\w*")
_DEATH = re.compile(
    r"(?i)\bfatal\b|\bgrade\s*5\b|\bled to death|\bresulted in death|\b[\w-]+[- ](?:related|associated) (?:deaths?|mortality)\b"
    r"|\btoxic deaths?\b|\bdeaths? from toxicity\b|\boutcome of death\b"
    r"|\bdeaths?\s+(?:due to|from|related to|attributed to|caused by)\s+(?:\S+\s+){0,2}?(?:adverse|toxic|treatment)"
    r"|\bdied\s+(?:of|from|because of|due to)\s+(?:\S+\s+){0,3}?(?:complications?|toxicity|adverse|toxic)"
    # 'died during the blinded maintenance phase due to nontreatment-related AEs'
    r"|\bdied\s+(?:during|while|within|on)\b[^.;,()]{0,40}?\b(?:because of|due to)\s+(?:\S+\s+){0,2}?(?:adverse|AEs?\b)"
    r"|\bdeaths? (?:were|was) (?:\w+ )?(?:treatment|drug)[- ]related\b"
    # 'Two on-treatment deaths during the study were deemed to be related to study drug'
    r"|\bdeaths?\b[^.;,]{0,40}?\b(?:were|was)\s+(?:deemed|considered|judged|assessed)\s+(?:to\s+be\s+)?"
    r"(?:possibly\s+|probably\s+)?related\s+to\s+(?:the\s+)?(?:study\s+)?(?:treatment|drugs?|therapy)\b"
)
_SEVERE = re.compile(r"(?i)\bsevere\b(?!\s*\(\s*grade)")


# deaths put down to a treatment by its name: '5.5% died as a result of docetaxel'
_DIED_OF = re.compile(
    r"(?i)\b(?:died|deaths?)\s+(?:as a (?:result|consequence) of|because of|due to|caused by|attributed to|of|from)\s+"
    r"(?:the\s+)?(?P<cause>[\w-]+)"
)
_TREATMENTS = frozenset(("treatment", "therapy", "chemotherapy", "radiotherapy", "chemoradiotherapy"))


def _treatment_deaths(text: str, names: frozenset[str] = frozenset()) -> list[int]:
    """Where the words put deaths down to a treatment they name (a drug, an arm's name, or
    'treatment' itself)."""
    return [
        m.start()
        for m in _DIED_OF.finditer(text)
        if (c := m.group("cause").lower()) in _TREATMENTS or c in names or drug_mentions(c)
    ]


def harm_deaths(text: str) -> bool:
    """True when the words count deaths the treatment or its toxicity caused ('five
    treatment-related deaths', 'Four toxic deaths were recorded', 'died as a result of
    docetaxel'): such deaths are grade 5 adverse events even where no other adverse-event
    word is printed."""
    return bool(_DEATH.search(text) or _treatment_deaths(text))


def cues(text: str) -> list[tuple[int, str | None]]:
    """(position, category) for every phrase that says what a figure counts.

    None marks a phrase that makes the figures something other than an adverse-event
    summary (dose interruptions, hospital admissions), so they are skipped rather than read
    as 'any'.
    """
    deaths = [(m.start(), "grade 5") for m in _DEATH.finditer(text)]
    # 'died during' counts deaths of any cause, unless the words put them down to adverse events
    found: list[tuple[int, str | None]] = [
        (m.start(), None) for m in _NOT_SUMMARY.finditer(text) if (m.start(), "grade 5") not in deaths
    ]
    stops = [(m.start(), m.end()) for m in _DISCONTINUATION.finditer(text)]
    found += [(a, "leading to discontinuation") for a, _b in stops]
    # stopping treatment for other reasons ('mostly due to lack of efficacy or adverse events')
    found += [
        (m.start(), None) for m in _STOPPED.finditer(text) if not any(a <= m.start() < b for a, b in stops)
    ]
    found += deaths
    found += [(start, "grade 5") for start in _treatment_deaths(text)]
    found += [(m.start(), "serious") for m in re.finditer(r"(?i)\bserious\b", text)]
    found += [(m.start(), "severe") for m in _SEVERE.finditer(text)]
    found += [(m.start(), "any") for m in re.finditer(r"(?i)\b(?:any|all)[- ]grades?\b", text)]
    for m in _GRADE.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if _GRADE_QUALIFIER.search(before):
            continue
        found.append((m.start(), None if _GRADE_BOUND.search(before) else grade_category(m.group(0))))
    return sorted(found, key=lambda c: c[0])


# words that end an event's name: verbs, comparisons, rates, quantities, grades, the arms' words
_STOP = frozenset(
    re.split(
        r"\s+",
        """
        was were is are be been being occur occurs occurred occurring reported observed seen noted recorded
        developed experienced experiencing had has have having showed included including include induced
        caused produced resulted led such as mainly namely specifically particularly like in with between
        than similar more less higher lower greater fewer common commonest frequent frequently most least
        rate rates incidence incidences proportion cumulative overall the a an for on at by among during
        after before vs versus v both either each all any patients patient participants participant group
        groups arm arms treatment treatments therapy who which that grade grades severe serious mild
        moderate related possibly probably these those this other events event adverse effects effect toxic
        toxicity toxicities also only there no none not frequency of and or to compared respectively per
        cent percent whereas while but although however from into within without over under about due
        because commonly mostly predominantly primarily notably
        """.strip(),
    )
)
_TOKEN = re.compile(r"[A-Za-z][\w'-]*|\S")


def event_phrases(text: str) -> list[tuple[int, int]]:
    """The spans of the names of events in a stretch of words: each the run of content words
    around an event word, with 'of the jaw' and 'X and Y' / 'X or Y' / 'X/Y' / 'X with Y'
    kept inside ('osteonecrosis of the jaw', 'nausea and vomiting', 'rash or acne',
    'nausea/vomiting', 'neutropenia with infections', 'elevated aminotransferase levels'), cut at
    verbs, comparisons, rates, grades and commas."""
    tokens = list(_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    for m in EVENT.finditer(text):
        first = next(i for i, t in enumerate(tokens) if t.end() > m.start())
        last = next(i for i, t in enumerate(tokens) if t.end() >= m.end())
        if not all(_content(t.group()) for t in tokens[first : last + 1]):
            continue
        span = (tokens[_start(tokens, first)].start(), tokens[max(last, _extend(tokens, last))].end())
        if span not in spans and names_event(text[span[0] : span[1]]):
            spans.append(span)
    # a name inside a longer one is part of it ('neutropenia' of 'infection with grade 3 or 4 neutropenia')
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def event_phrase(text: str) -> tuple[int, int] | None:
    """The span of the last name of an event in a stretch of words (see event_phrases)."""
    spans = event_phrases(text)
    return spans[-1] if spans else None


def _extend(tokens: list[re.Match], i: int) -> int:
    """The last token of the name that token i is in, reading right."""
    hi = i
    while hi + 1 < len(tokens):
        nxt = tokens[hi + 1].group().lower()
        if _content(nxt) and not nxt.endswith("ed"):  # 'neuropathy increased from ...
            hi += 1
        elif (nxt in _JOINERS or _slash(tokens, hi + 1)) and hi + 2 < len(tokens):
            k = hi + 2
            if nxt == "of" and tokens[k].group().lower() == "the" and k + 1 < len(tokens):
                k += 1
            if nxt in ("with", "without"):  # 'infection with grade 3 or 4 neutropenia'
                k = _past_grade(tokens, k)
            run = k
            while run + 1 < len(tokens) and _content(tokens[run + 1].group()):
                run += 1
            words = " ".join(t.group() for t in tokens[k : run + 1])
            if not _content(tokens[k].group()) or (nxt != "of" and not EVENT.search(words)):
                break
            hi = run
        else:
            break
    return hi


def _past_grade(tokens: list[re.Match], k: int) -> int:
    """The first token after a grade that token k opens ('grade 3 or 4'), else k."""
    if tokens[k].group().lower() not in ("grade", "grades"):
        return k
    j = k + 1
    while j < len(tokens) - 1 and (tokens[j].group().isdigit() or tokens[j].group().lower() in _GRADE_JOINS):
        j += 1
    return j if j > k + 1 else k


_GRADE_JOINS = ("or", "and", "to", "/", "-")


def _start(tokens: list[re.Match], i: int) -> int:
    """The first token of the name that token i is in, reading left ('nausea and vomiting')."""
    lo = i
    while True:
        while lo > 0 and _content(tokens[lo - 1].group()):
            lo -= 1
        if (
            lo < 2
            or (tokens[lo - 1].group().lower() not in _JOINERS[1:] and not _slash(tokens, lo - 1))
            or not _content(tokens[lo - 2].group())
        ):
            return lo
        run = lo - 2
        while run > 0 and _content(tokens[run - 1].group()):
            run -= 1
        if not EVENT.search(" ".join(t.group() for t in tokens[run : lo - 1])):
            return lo
        lo = run


# words that join two event names into one ('nausea and vomiting', 'neutropenia with
# infections', 'infection without neutropenia'); 'of' also joins a site ('of the jaw')
_JOINERS = ("of", "and", "or", "with", "without")


def _slash(tokens: list[re.Match], i: int) -> bool:
    """Token i is a slash joining two words with no space ('nausea/vomiting', 'myalgia/arthralgia')."""
    return (
        tokens[i].group() == "/"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end() == tokens[i].start()
        and tokens[i].end() == tokens[i + 1].start()
    )


def content_word(word: str) -> bool:
    """A word that can be part of an event's name (not a verb, comparison, rate, grade...)."""
    return _content(word)


def _content(word: str) -> bool:
    return word[:1].isalpha() and word.lower() not in _STOP
