"""Efficacy results: per-arm figures (medians, means, rates, counts) and between-arm
comparisons (hazard, odds, risk and rate ratios; differences; relative reductions and
changes; numbers needed to treat).

A results sentence is read as a row of figures and of markers around them (endpoint names,
arm names, 'respectively').  Comparisons are read first (see ``stats``) and blanked out, so
their numbers are never taken for per-arm figures.  Each per-arm figure (see ``values``)
takes the arm named next to it, or its place in a run of figures ('14 and 10 months in the A
and B arms, respectively'; '(16% vs. 38%)' after 'fewer patients in A than in B'); its
endpoint is the one named last before it, or, when no known name is there, the noun phrase
the clause reports on (see ``endpoint_phrases``).
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.assignment import assign
from kg.extraction.clauses import clause_end, outcome_part
from kg.extraction.contrasts import ContrastReading
from kg.extraction.elliptical_items import elliptical_objects, run_arm
from kg.extraction.endpoint_disease import qualified
from kg.extraction.endpoint_lists import listed_endpoints, name_brackets, share_arms
from kg.extraction.endpoint_mentions import endpoint_mentions, listed_after, median_phrases
from kg.extraction.endpoint_names import normal_name
from kg.extraction.endpoint_objects import object_phrase
from kg.extraction.endpoint_phrases import NAME_THEN_LABEL, endpoint_phrase
from kg.extraction.endpoint_verbs import verbal_endpoint
from kg.extraction.endpoint_windows import windowed
from kg.extraction.figure_runs import GENERIC_WHAT, continues, next_item_start
from kg.extraction.from_to import from_to_figures
from kg.extraction.lexicon import ENDPOINTS
from kg.extraction.p_values import Figure, p_only_tests
from kg.extraction.shared_fields import (
    each_comparison,
    endpoints_beside,
    landmarks_of_comparisons,
    landmarks_of_lists,
    subgroups_of_brackets,
)
from kg.extraction.stats import (
    BARE_CI,
    BARE_RANGE,
    CI,
    CI_SCAN,
    RANGE,
    estimate,
    interval,
    spread,
)
from kg.extraction.subgroups import subgroup_at
from kg.extraction.text import Sentence
from kg.extraction.values import Item, items
from kg.extraction.whole_population import figure_owners, open_sentence
from kg.model import Arm, ArmResult, Comparison

# words that make a phrase a clause, not an endpoint's name: 'ACT continues to show a benefit (HR ...'
_CLAUSE_WORDS = re.compile(
    r"(?i)(?<!-)\b(?:continues?|continued|shows?|showed|shown|demonstrat\w+|suggest\w*|indicat\w+|confirm\w*)\b"
)
_LEADING_VERB = re.compile(r"(?i)^(?:shows?|showed|have|has|had)\s+(?:an?\s+|the\s+)?")


# an endpoint phrase that is one of the lexicon's names for an endpoint, in any case: 'pfs'
_KNOWN_NAMES = {alias.lower(): name for name, aliases in ENDPOINTS.items() for alias in aliases}


class OutcomeReader(ContrastReading):
    def __init__(
        self,
        arms: list[Arm],
        abbreviations: dict[str, str],
        primary: str | None = None,
        finder: ArmFinder | None = None,
        named: list[str] | None = None,
        total: int | None = None,
    ) -> None:
        self.arms = arms
        self.total = total  # patients randomised in all: a figure counted out of them is no one arm's
        self.primary = primary  # what 'the primary endpoint' refers to
        self.named = named or []  # the endpoints the methods name ('sensitivity for mediastinal ...')
        self.finder = finder or ArmFinder(arms)
        self.abbreviations = abbreviations
        self._spelled_out = {a.lower(): full for a, full in abbreviations.items()}
        self.experimental = next((a for a in arms if a.role == "experimental"), arms[0] if arms else None)
        self.comparator = next((a for a in arms if a.role == "comparator"), arms[-1] if arms else None)
        self.ci_level: str | None = None  # the last labelled interval's level, for bare ones
        self._sentence: Sentence | None = None  # the sentence being read, for evidence spans
        self._last_arms: list[Arm | None] = []  # the arms of the last sentence's figures, in order
        # the arms the last sentence with figures of two arms or more named, in order
        self._order: list[Arm] = []
        self._before: tuple[str, list[Arm]] = ("", [])  # the last sentence's section and the arms it named

    def read(self, sents: list[Sentence]) -> tuple[list[ArmResult], list[Comparison]]:
        per_arm: list[ArmResult] = []
        comparisons: list[Comparison] = []
        last_endpoint = last_read = None
        lists: dict[tuple[str, str], list[str]] = {}  # the landmark times of the last list
        for s in sents:
            self._sentence = s
            text = outcome_part(s.norm)
            if labelled := CI_SCAN.search(text):
                self.ci_level = self.ci_level or labelled.group("level")
            mentions = self._mentions(text)
            found, masked = self._comparisons(text, mentions, last_endpoint or last_read)
            each_comparison(text, found)
            figures, placed = self._per_arm(masked, mentions, last_endpoint, text, self._unattached(s, text))
            landmarks_of_lists(figures, lists)
            found += self._tests(masked, placed, mentions, last_endpoint) if self.arms else []
            endpoints_beside(found, figures)
            landmarks_of_comparisons(found, figures, {n for _p, n in mentions})
            subgroups_of_brackets(found, figures)
            figures += self._from_to(text, found)  # after: a difference's figures time no other comparison
            for fact in [*found, *figures]:
                fact.endpoint = windowed(qualified(fact.endpoint, s.norm), s.norm)
            comparisons += found
            per_arm += figures
            if mentions:
                last_endpoint = mentions[-1][1]
            # 'the 4-week continuous abstinence rates were ... Bupropion SR was also significantly more
            # efficacious than placebo (OR, 2.00; ...)': a ratio that names nothing is of what the last
            # figure of the sentence before was, when that sentence named it in words the lexicon lacks
            read = [f for f in [*found, *figures] if f.evidence is not None]
            last_read = max(read, key=lambda f: f.evidence.start).endpoint if read and not mentions else None
        return per_arm, comparisons

    def _unattached(self, s: Sentence, text: str) -> bool:
        """The sentence names no arm, does not go on about the one arm the sentence before it
        named ('In the 116 arm B patients, ...' then 'Forty-two percent received ...'), and ties
        no figure to part of the patients (see ``whole_population``)."""
        named = distinct([a for _s, _e, a in self.finder.find(text)])
        carried = self._before[0] == s.section and len(self._before[1]) == 1
        self._before = (s.section, named)
        return not named and not carried and open_sentence(text)

    def _mentions(self, text: str) -> list[tuple[int, str]]:
        mentions = endpoint_mentions(text, self.abbreviations)
        mentions += median_phrases(text, mentions, self.abbreviations)
        if self.primary:
            mentions += [
                (m.start(), self.primary) for m in re.finditer(r"(?i)primary (?:end\s?point|outcome)", text)
            ]
        return sorted(mentions)

    def interval_after(self, text: str, pos: int) -> tuple[dict, int]:
        """The interval printed right after a value (labelled, or bare in Lancet style)."""
        ci = CI.match(text, pos) or CI.match(text, pos + _gap(text[pos:]))
        if ci:
            self.ci_level = ci.group("level") or self.ci_level
            return interval(self.ci_level or "95", ci.group("lo"), ci.group("hi")), ci.end()
        bare = BARE_CI.match(text, pos)
        if bare and self.ci_level and not re.match(r"\s*,\s*\d+\s*(?:patients|of)\b", text[pos:]):
            return interval(self.ci_level, bare.group("lo"), bare.group("hi")), bare.end()
        return {}, pos

    def _interval_after_arm(self, text: str, item: Item) -> tuple[dict, tuple[int, int] | None]:
        """'26.8% for PemOx patients (95% confidence interval, 14.2-42.9)': the interval a figure
        prints after the arm it is for. Only a labelled interval, so a bracket of other figures
        after the arm is not taken; the figure's own span stays where it is, for the arm beside
        it, and its printed span reaches the interval."""
        after = _ARM_BEFORE_BRACKET.match(text, item.end)
        if not after or not self.finder.find(after.group("who")):
            return {}, item.printed
        ci = CI.match(text, after.end())
        if not ci:
            return {}, item.printed
        self.ci_level = ci.group("level") or self.ci_level
        return interval(self.ci_level or "95", ci.group("lo"), ci.group("hi")), (item.span()[0], ci.end())

    def _names_arm(self, phrase: str) -> bool:
        return bool(self.finder.find(phrase))

    def _open(self, phrase: str | None) -> str | None:
        """An endpoint phrase, as the methods named it when the phrase is its head noun
        ('sensitivities' for 'sensitivity for mediastinal nodal metastases', 'thoracotomy' for
        'unnecessary thoracotomy'); None when it names an arm ('arm B, 8.9 months')."""
        if phrase and (lead := _LEADING_VERB.match(phrase)):
            phrase = phrase[lead.end() :]  # 'show a decline in learning and memory function'
        if not phrase or self.finder.find(phrase) or self._is_arm(phrase) or _CLAUSE_WORDS.search(phrase):
            return None
        if full := self._spelled_out.get(phrase.lower()):
            phrase = full  # 'The mean LVEF was': the name the abbreviation was defined for
        said = _singular(phrase)
        for name in self.named:
            words = name.split()
            head = words[0] if re.search(r"\s(?:for|of|in)\s", name) else words[-1]
            if said == _singular(head) and len(words) > 1:
                return name
        return _KNOWN_NAMES.get(phrase.lower(), phrase)

    # -- comparisons ------------------------------------------------------------------------

    def _endpoint_before(self, text: str, pos: int, mentions, last_endpoint) -> str | None:
        before = [n for p, n in mentions if p < pos]
        if before:
            return before[-1]
        return self._open(endpoint_phrase(text[:pos])) or last_endpoint

    # -- per-arm figures --------------------------------------------------------------------

    def _per_arm(
        self, masked: str, mentions, last_endpoint, text: str, unattached: bool
    ) -> tuple[list[ArmResult], list[Figure]]:
        """The per-arm figures of a sentence with comparisons blanked out (``masked``);
        ``unattached``: the sentence names no arm and does not carry on about the one arm the
        sentence before it named, so a figure that takes no arm is everyone's (see
        ``whole_population``)."""
        found = items(masked, text)
        if not found or not self.arms:
            return [], []
        endpoints: list[str | None] = []
        slots = listed_endpoints(masked, mentions, found)
        elliptical = elliptical_objects(masked)  # '14% had an X, 50% a Y, and 5% a Z'
        for k, item in enumerate(found):
            if k in slots:  # 'The ORR, median PFS and median OS were 30%, 5.1 and 12.3 months'
                endpoints.append(slots[k].endpoint)
                item.timepoint = slots[k].timepoint
            elif item.start in elliptical:
                endpoints.append(elliptical[item.start])
            elif k and continues(masked, found[k - 1], item, mentions):
                endpoints.append(endpoints[-1])  # 'was 24.2% with A and 6.9% with B'
            else:
                endpoints.append(self._item_endpoint(masked, item, mentions, last_endpoint))
            if endpoints[-1] is not None and self._is_arm(endpoints[-1]):
                endpoints[-1] = None  # '462 patients underwent surgery': who got an arm, no result
        name_brackets(endpoints, masked, found, lambda head: self._open(self.abbreviations.get(head, head)))
        labelled = None  # the kind of the last labelled range: the bare brackets after it are ranges too
        for item in found:
            ranged = RANGE.match(masked, item.end)
            bare = BARE_RANGE.match(masked, item.end) if labelled else None
            if ranged and item.statistic in ("median", "mean"):
                item.spread, item.end = spread(ranged), ranged.end()
                labelled = ranged.group("kind")
            elif bare and item.statistic in ("median", "mean"):
                item.spread, item.end = spread(bare, labelled), bare.end()
            item.ci, item.end = self.interval_after(masked, item.end)
            if not item.ci and item.printed and item.printed[1] > item.end:
                # '10% [20 patients], 95% CI = 7% to 15%': the interval after the count printed with it
                item.ci, end = self.interval_after(masked, item.printed[1])
                item.printed = (item.printed[0], end)
            if not item.ci:
                item.ci, item.printed = self._interval_after_arm(masked, item)
        keys = [(e, i.unit, i.statistic) for e, i in zip(endpoints, found, strict=True)]
        spans = [(i.start, i.end) for i in found]
        arms, timepoints = assign(self.finder, masked, spans, keys, [i.timepoint for i in found], self._order)
        arms = [
            None if i.pooled else a for i, a in zip(found, arms, strict=True)
        ]  # every arm's: whole_population
        arms = run_arm(self.finder, masked, [i.start for i in found], arms, elliptical)
        share_arms(slots, arms, lambda a, b: distinct([arm for _s, _e, arm in self.finder.find(masked[a:b])]))
        if all(a is None for a in arms) and len(arms) == len(self._last_arms) > 1:
            arms = list(self._last_arms)  # 'This corresponded to sensitivities of 79% vs 85% and 94%'
        own = [None if e == last_endpoint and all(n != e for _p, n in mentions) else e for e in endpoints]
        owners = figure_owners(
            self.finder,
            masked,
            found,
            own,
            arms,
            unattached,
            lambda pos: subgroup_at(masked, pos, self._names_arm),
        )
        for k, item in enumerate(found):  # '52.0% (191/367) were women' in a trial of 367: no one arm's
            if len(self.arms) > 1 and item.total is not None and item.total == self.total:
                owners[k] = []
        self._last_arms = arms
        if len(given := distinct(arms)) > 1:
            self._order = given
        out, figures = [], []
        for item, endpoint, owner, timepoint in zip(found, endpoints, owners, timepoints, strict=True):
            if endpoint is None:
                continue
            for each in owner:
                try:
                    out.append(self._result(masked, item, endpoint, each, timepoint))
                except ValidationError:  # misread into an impossible figure: left for the report
                    continue
                figures.append(Figure(item.start, item.end, endpoint, each, timepoint, item.statistic))
        return out, figures

    def _from_to(self, text: str, compared: list[Comparison]) -> list[ArmResult]:
        """'an absolute improvement in 2-year survival of 9% from 20% to 29%': the two arms' figures
        of a difference, on its endpoint (see ``from_to``)."""
        by_label = {a.label: a for a in self.arms}
        return [
            self._result(text, item, difference.endpoint, by_label[label], item.timepoint)
            for item, difference, label in from_to_figures(text, compared)
            if label in by_label
        ]

    def _tests(self, masked: str, figures: list[Figure], mentions, last_endpoint) -> list[Comparison]:
        """Between-arm tests reported by their p-value alone (see ``p_values``)."""
        roles = (self.experimental, self.comparator) if len(self.arms) == 2 else (None, None)

        previous: tuple[str | None, int] = (None, 0)  # the test before: 'in cough (p ...), dyspnea (p ...)'

        def endpoint_at(pos: int) -> str | None:
            nonlocal previous
            endpoint = listed_after(masked, pos, *previous, self.abbreviations) or self._endpoint_before(
                masked, pos, mentions, last_endpoint
            )
            previous = (endpoint, pos)
            return endpoint

        out = []
        for t in p_only_tests(masked, figures, self.finder, roles, endpoint_at, self._sentence.norm):
            try:
                out.append(
                    Comparison(
                        endpoint=t.endpoint,
                        statistic="p_value",
                        arm=t.arm.label,
                        comparator=t.comparator.label,
                        timepoint=t.timepoint,
                        subgroup=subgroup_at(masked, t.start, self._names_arm),
                        evidence=self._sentence.evidence(t.start, t.end),
                        **t.fields,
                    )
                )
            except ValidationError:
                continue
        return out

    def _result(self, text: str, item: Item, endpoint: str, arm: Arm, timepoint: str | None) -> ArmResult:
        return ArmResult(
            endpoint=endpoint,
            statistic=item.statistic,
            arm=arm.label,
            timepoint=timepoint,
            subgroup=subgroup_at(text, item.start, self._names_arm),
            evidence=self._sentence.evidence(*item.span()),
            count=item.count,
            n_analysed=item.total,
            **estimate(item.raw, item.unit),
            **item.ci,
            **item.spread,
        )

    def _item_endpoint(self, text: str, item: Item, mentions, last_endpoint) -> str | None:
        if item.what and not GENERIC_WHAT.fullmatch(item.what):
            named = endpoint_mentions(item.what, self.abbreviations)
            return named[0][1] if named else normal_name(item.what)
        if NAME_THEN_LABEL.search(text, 0, item.start):  # 'lobectomy: S: 56%': named by its run
            return endpoint_phrase(text[: item.start])
        clause_start = max(text.rfind(";", 0, item.start), 0)
        # '... atelectasis (0% vs 6.3%, P = .035), fewer chest tubes draining ...': the item's own words
        clause_start = next_item_start(text, clause_start, item.start) or clause_start
        near = [n for p, n in mentions if clause_start <= p < item.start]
        if near:
            return near[-1]
        if verbal := verbal_endpoint(text[clause_start : item.start], self.named):
            return verbal  # 'Disease was correctly upstaged in 23 of 167 ...': 'correct upstaging'

        end = clause_end(text, item.end)
        after = [n for p, n in mentions if item.end <= p < end]
        named = object_phrase(text[item.end : end])
        received = bool(named and self._is_arm(named))  # '592 (34.7%) received BCP': who got which arm
        if (
            (after or (named and not received))
            and _OPENS_CLAUSE.fullmatch(text, clause_start, item.start)
            and self.finder.find(text[item.end : end])
        ):
            # '...; 32% of MIC/MVP and 26% of DCb patients had stable disease': named after its figures
            return after[0] if after else self._open(named) or last_endpoint
        phrase = self._open(endpoint_phrase(text[: item.start]))
        if phrase:
            return phrase
        before = [n for p, n in mentions if p < item.start]
        if before:
            return before[-1]
        if after:
            return after[0]  # '33 (55%) ... achieved an objective response'
        if received:
            return None  # '... and 1114 (65.3%) received CP': no result
        # '74 (49%) A patients received X'; 'There were 29 deaths in the Cisplatin arm vs. 27 for nihil': deaths
        return self._open(named) or ("deaths" if item.what == "deaths" else last_endpoint)

    def _is_arm(self, phrase: str) -> bool:
        """The phrase is an arm's name or alias, in any case."""
        return any(arm.called(phrase) for arm in self.arms)


# ' for PemOx patients (95% CI ...': an arm named between a figure and a bracket
_ARM_BEFORE_BRACKET = re.compile(
    r"(?i)\s+(?:for|in|among|with|on|of)\s+(?:the\s+)?(?P<who>[^()\[\];,.\d]{1,50}?)\s*(?=[(\[])"
)
_OPENS_CLAUSE = re.compile(r"(?i)[;,\s]*(?:(?:and|while|whereas|but)\s+)?")


def _singular(phrase: str) -> str:
    p = phrase.lower().strip()
    return re.sub(r"ies$", "y", p) if p.endswith("ies") else re.sub(r"(?<!s)s$", "", p)


def _gap(text: str) -> int:
    m = re.match(r"\s*[;,]\s*", text)
    return m.end() if m else 0
