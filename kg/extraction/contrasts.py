"""Between-arm comparisons a results sentence prints: hazard, odds, risk and rate ratios,
differences, relative reductions and changes, numbers needed to treat (the patterns are in
``stats``), each with its interval, p-value, endpoint and the two arms it compares.

``ContrastReading`` is the part of ``OutcomeReader`` that reads them; the sentence's other
figures are read once these are blanked out.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from kg.extraction.arm_ratios import ratios_by_arm
from kg.extraction.armrefs import distinct
from kg.extraction.bare_ratios import Labelled, bare_ratios
from kg.extraction.clause_bounds import clause_start
from kg.extraction.contrast_pairs import ArmPairing
from kg.extraction.endpoint_disease import qualified
from kg.extraction.endpoint_mentions import endpoint_mentions, listed_after
from kg.extraction.endpoint_names import normal_name
from kg.extraction.endpoint_phrases import endpoint_phrase
from kg.extraction.interactions import interaction_tests
from kg.extraction.lexicon import HR_EVENTS
from kg.extraction.ratio_events import deaths_counted, event_before
from kg.extraction.restated_ratios import RESTATING, restated
from kg.extraction.stats import (
    BRACKETED_BOUNDS,
    CONTRASTS,
    FOR_PHRASE,
    NEXT_RATIO,
    PLURAL_RATIO,
    RATIO,
    TIME_UNIT,
    P,
    estimate,
    fitting,
    interval,
    p_value,
    ratio_kind,
    turned,
    unit_of,
)
from kg.extraction.subgroups import names_group, ratio_group, subgroup_at
from kg.extraction.text import NUM
from kg.extraction.threshold_groups import threshold_group, threshold_start, without_group_words
from kg.extraction.values import landmark
from kg.model import Arm, Comparison

_LATER_CI = re.compile(
    r"\s*(?P<bracket>\([^()]*\))\s*,?\s*(?:with|and)\s+(?=(?:(?:one|two|1|2)-sided\s+)?\d)"
)
# 'HR was 1.00 (median OS, 12.6 v 13.4 months; P = .949)': the arms' figures a ratio's bracket prints
# before the p of its test
_ARMS_BEFORE_P = re.compile(
    rf"(?i)\s*[(\[;,]?\s*(?:(?:median|mean)\s+)?(?:[A-Za-z][\w-]*\s*,?\s+)?{NUM}\s*(?:{TIME_UNIT}|%)?\s*"
    rf"(?:v|vs\.?|versus)\s*{NUM}\s*(?:{TIME_UNIT}|%)?\s*[;,]\s*(?=P\b|p\s*[=<])"
)
_NEXT_IN_LIST = re.compile(rf"\s*,\s*(?:and\s+)?(?P<est>{NUM})(?![\d.%])")
_LIST_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NEXT_RESPECTIVE = re.compile(rf"\s*[)\]]?\s*,?\s*(?:and\s+)?(?P<est>{NUM})(?![\d.%])")
# a unit printed after an interval's upper bound, which the estimate printed bare
# an interval named as the contrast's own: its bracket holds the bounds, not the estimate
_INTERVAL_FOR = re.compile(r"(?i)(?:confidence\s+interval|\bCI)\s*(?:\(CI\))?\s+(?:for|of)\s+(?:the\s+)?$")
_BOUND_UNIT = re.compile(r"(?i)\d\s*(?P<unit>percentage\s+points?|points?)\b")
_FROM_TO = re.compile(rf"[^;.]{{0,80}}?\bfrom\s+(?P<a>{NUM})\s*%\s+to\s+{NUM}\s*%")
_MEASURE_ONLY = re.compile(
    r"(?i)(?:proportion|percentage|rate|number|mean|median|change)s?"
)  # no endpoint's name


class ContrastReading(ArmPairing):
    """Comparison reading for ``OutcomeReader`` (which provides the arms, the finder, the
    sentence being read and ``interval_after``)."""

    # the last labelled ratio of the sentence before, whose kind the next one's bare ratios share
    _carried: Labelled | None = None
    # whether the sentence before counted the trial's deaths, and whether this one does
    _deaths_before: bool = False
    _deaths: bool = False

    def _comparisons(self, text: str, mentions, last_endpoint) -> tuple[list[Comparison], str]:
        self._deaths_before, self._deaths = self._deaths, deaths_counted(text)
        out, masked = [], text
        mentions = without_group_words(text, mentions)
        self._arms_figures: list[tuple[int, int]] = []
        previous: tuple[str | None, int] = (None, 0)
        labelled: list[Labelled] = []
        for m in RATIO.finditer(text):
            endpoint = listed_after(text, m.start(), *previous, self.abbreviations) or self._ratio_endpoint(
                m, mentions, last_endpoint, text
            )
            previous = (endpoint, m.start())
            kind = ratio_kind(m.group("kind"))
            stop = self._end(text, m.end())[0]
            found = [(m, self._listed_endpoint(text, stop) or endpoint, kind)]
            follow = NEXT_RATIO.match(text, stop)
            while follow:
                found.append((follow, self._phrase_endpoint(follow.group("endpoint")), kind))
                follow = NEXT_RATIO.match(text, self._end(text, follow.end())[0])
            found += self._ratio_list(text, stop, kind)
            for match, ep, kind in found:
                comparison, stop = self._comparison(text, match, kind, ep, m, None)
                if comparison is not None:
                    out.append(comparison)
                    labelled.append(Labelled(stop, kind, ep))
                masked = masked[: match.start()] + " " * (stop - match.start()) + masked[stop:]
        read, masked = self._bare_ratios(text, masked, labelled, mentions)
        out += read
        for m in PLURAL_RATIO.finditer(text):
            for match, ep, pair in self._respective_ratios(text, m) or self._arm_by_arm(text, m):
                comparison, stop = self._comparison(
                    text, match, ratio_kind(m.group("kind")), ep, m, None, pair
                )
                if comparison is not None:
                    out.append(comparison)
                masked = masked[: match.start()] + " " * (stop - match.start()) + masked[stop:]
        ratios = bool(out) or bool(RATIO.search(text))  # a ratio printed, read or not
        for statistic, pattern in CONTRASTS:
            for m in pattern.finditer(masked):
                if _INTERVAL_FOR.search(masked, max(0, m.start() - 60), m.start()):
                    continue  # 'The 90 % confidence interval (CI) for the difference in score (0.05, 0.17)'
                ratio, pair = None, None
                if (
                    ratios
                    and statistic.startswith("relative")
                    and RESTATING.search(text[max(0, m.start() - 60) : m.end()])
                ):
                    ratio = restated(out, m, statistic)
                    # 'gave a hazard ratio of 0.87 (13% reduction in the risk of death' with 0.87 unread
                    if ratio is None:
                        masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
                        continue
                    pair = (self._arm(ratio.arm), self._arm(ratio.comparator))
                named = m.groupdict().get("ep") or m.groupdict().get("rate")
                ep = (HR_EVENTS.get(named.lower()) or self._named_endpoint(named)) if named else None
                ep = None if ep and _MEASURE_ONLY.fullmatch(ep) else ep  # 'a difference in the proportion'
                ep = (
                    ratio.endpoint
                    if ratio
                    else ep or self._endpoint_before(masked, m.start(), mentions, last_endpoint)
                )
                comparison, stop = self._comparison(masked, m, statistic, ep, None, unit_of(m), pair)
                if comparison is not None:
                    out.append(comparison)
                masked = masked[: m.start()] + _blank(masked[m.start() : stop]) + masked[stop:]
                if rates := _FROM_TO.match(masked, stop) if statistic == "difference" else None:
                    # '... of 9% from 20% to 29%': the reference arm's rate first, which the reading of
                    # per-arm figures, taking the arms in their usual order, would swap; left unread
                    a, b = rates.start("a"), rates.end()
                    masked = masked[:a] + " " * (b - a) + masked[b:]
        for test, (a, b) in interaction_tests(text, out, self._sentence.evidence):
            out.append(test)
            masked = masked[:a] + " " * (b - a) + masked[b:]
        for a, b in self._arms_figures:  # the arms' own figures in the bracket are read as theirs
            masked = masked[:a] + text[a:b] + masked[b:]
        return out, masked

    def _bare_ratios(
        self, text: str, masked: str, labelled: list[Labelled], mentions
    ) -> tuple[list[Comparison], str]:
        """The ratios a sentence prints without their name, after a labelled one of its own or,
        with none, of the sentence before ('Preplanned subgroup analyses showed significantly
        longer survival ... for never-smokers (n=375; 0.67 [0.49-0.92], p=0.012 ...)'), where an
        endpoint this sentence names first is theirs."""
        carried = self._carried
        self._carried = labelled[-1] if labelled else None
        # the sentence before's ratio carries over to a sentence naming an arm ('longer survival in
        # the gefitinib group than the placebo group for never-smokers (n=375; 0.67 [...]'), not to
        # one on other factors ('In the multivariate analysis, IPM2 (1.554, ...')
        # one too before this sentence's own first ('... no significant difference for pembrolizumab
        # 2 mg/kg versus docetaxel (0.88, 0.74-1.05; p=0.07) or for ... (HR 0.79, 95% CI ...')
        if carried is not None and self.finder.find(text):
            named = [n for _p, n in mentions]
            labelled = [Labelled(0, carried.kind, named[0] if named else carried.endpoint), *labelled]
        out = []
        for match, ratio in bare_ratios(masked, labelled):
            comparison, stop = self._comparison(text, match, ratio.kind, ratio.endpoint, match, None)
            if comparison is not None and comparison.ci_lower is not None:
                out.append(comparison)
                masked = masked[: match.start()] + " " * (stop - match.start()) + masked[stop:]
                self._carried = self._carried or carried
        return out, masked

    def _arm(self, label: str | None) -> Arm | None:
        return next((a for a in self.arms if a.label == label), None)

    def _other_groups(self, words: str) -> bool:
        """The ratio names two groups of its own ('for T2 versus T1') and they are not two arms
        ('The pooled RR for varenicline versus bupropion at one year was 1.52', bupropion no arm)."""
        named = distinct([a for _s, _e, a in self.finder.find(words)])
        return bool(re.search(r"(?i)\b(?:versus|vs\.?)\b", words)) and len(named) < 2

    def _listed_endpoint(self, text: str, pos: int) -> str | None:
        """'1.08 (95% CI ...) for SPTs, ...': the endpoint named right after a ratio."""
        m = FOR_PHRASE.match(text, pos)
        return self._phrase_endpoint(m.group("ep")) if m and not names_group(m.group("ep")) else None

    def _phrase_endpoint(self, phrase: str) -> str:
        """The endpoint a phrase names: a known one, else the words (an abbreviation the abstract
        defines spelt out: 'a lower independent risk of RND (odds ratio, OR, 0.75')."""
        phrase = self.abbreviations.get(phrase.strip(), phrase)
        named = endpoint_mentions(phrase, self.abbreviations)
        return named[0][1] if named else normal_name(phrase.strip())

    def _ratio_list(self, text: str, pos: int, kind: str) -> list[tuple[re.Match, str | None, str]]:
        """'... was 1.08 (...) for SPTs, 0.99 (...) for recurrence, and 1.07 (...) for
        mortality': the further ratios of a list, each for the endpoint named after it."""
        out = []
        after = FOR_PHRASE.match(text, pos)
        while after:
            nxt = _NEXT_IN_LIST.match(text, after.end())
            if not nxt:
                break
            stop = self._end(text, nxt.end())[0]
            endpoint = self._listed_endpoint(text, stop)
            if endpoint is None:
                break
            out.append((nxt, endpoint, kind))
            after = FOR_PHRASE.match(text, stop)
        return out

    def _respective_ratios(self, text: str, m: re.Match) -> list[tuple[re.Match, str, None]]:
        """'The hazard ratios for PFS and overall survival were 0.70 (...) and 0.63 (...)': one
        ratio an endpoint, in the order named; nothing unless the ratios printed match the
        endpoints named one to one."""
        names = [n.strip() for n in _LIST_PARTS.split(m.group("eps")) if n.strip()]
        matches, stop = [m], self._end(text, m.end())[0]
        while len(matches) < len(names):
            nxt = _NEXT_RESPECTIVE.match(text, stop)
            if not nxt:
                break
            matches.append(nxt)
            stop = self._end(text, nxt.end())[0]
        if len(names) < 2 or len(matches) != len(names) or _NEXT_RESPECTIVE.match(text, stop):
            return []
        return [
            (match, self._named_endpoint(name) or name, None)
            for match, name in zip(matches, names, strict=True)
        ]

    def _arm_by_arm(self, text: str, m: re.Match) -> list[tuple[re.Match, str, tuple[Arm, Arm]]]:
        """'the hazard ratios for PFS were 0.75 (...) in the low-dose group and 0.82 (...) in the
        high-dose group compared with placebo': one endpoint, one ratio an arm."""
        name = m.group("eps").strip()
        if len([n for n in _LIST_PARTS.split(name) if n.strip()]) != 1:
            return []
        endpoint = self._named_endpoint(name) or name
        found = ratios_by_arm(text, m, lambda pos: self._end(text, pos)[0], self.finder, self.comparator)
        return [(match, endpoint, (arm, comparator)) for match, arm, comparator in found]

    def _end(self, text: str, pos: int) -> tuple[int, dict, re.Match | None]:
        interval_, end = self.interval_after(text, pos)
        bare = BRACKETED_BOUNDS.match(text, pos)
        # 'hazard ratio [HR] 0.87 [0.70-1.10]': the level is the abstract's last, else 95
        if not interval_ and bare:
            interval_, end = interval(self.ci_level or "95", bare.group("lo"), bare.group("hi")), bare.end()
        later = _LATER_CI.match(text, pos)
        if not interval_ and later:  # '4.7 days (46.4 ... vs 41.7 ...), with two-sided 90% CI of ...'
            interval_, end = self.interval_after(text, later.end())
            if interval_:
                self._arms_figures.append(
                    (later.start(), later.start("bracket") + len(later.group("bracket")))
                )
        p = P.search(text, end, min(len(text), end + 40))
        if (first := _ARMS_BEFORE_P.match(text, end)) and (tested := P.match(text, first.end())):
            self._arms_figures.append((first.start(), first.end()))  # read as the arms' own
            return tested.end(), interval_, tested
        if p and re.search(
            r"[A-Za-z]{4,}",
            re.sub(
                r"(?i)stratified|log[- ]?rank|(?:one|two|1|2)-sided|less than|value",
                "",
                text[end : p.start()],
            ),
        ):
            p = None
        return (p.end() if p else end), interval_, p

    def _comparison(
        self, text, match, statistic, endpoint, ratio, unit, pair: tuple[Arm, Arm] | None = None
    ) -> tuple[Comparison | None, int]:
        """The comparison a figure prints; ``pair``: its (arm, comparator) when the caller knows them."""
        stop, interval_, p = self._end(text, match.end())
        arm, comparator = pair or self._pair(text, match, ratio, statistic)
        if endpoint is None or arm is None or comparator is None or arm is comparator:
            return None, stop
        if ratio is not None and self._other_groups(text[ratio.start() : ratio.start("est")]):
            return None, stop  # 'HR for squamous versus nonsquamous': a prognostic factor, not the arms
        stratified = None
        strat = (ratio.groupdict().get("strat") or "") if ratio is not None else ""
        if re.match(r"(?i)un|stra", strat):
            stratified = not strat.lower().startswith("un")
        elif p is not None and re.search(
            r"(?i)\bstratified\b", text[match.end() : p.end()]
        ):  # 'stratified log-rank p<
            stratified = True
        # 'mean difference, 11.9; 95% CI, 4.8-19.0 points': the unit its bounds print
        if unit is None and interval_ and (after := _BOUND_UNIT.search(text, match.end(), stop)):
            unit = unit_of(after)
        est = dict(estimate(match.group("est"), unit), **fitting(interval_, match.group("est")))
        if statistic == "difference" and interval_ and turned(est, interval_):
            arm, comparator = comparator, arm
        if statistic == "relative_change" and re.match(r"(?i)lower|less", match.groupdict().get("dir") or ""):
            est["estimate"] = -est["estimate"]
        if p:
            est.update(p_value(p))
        est_at = match.start("est")
        try:
            return Comparison(
                endpoint=endpoint,
                statistic=statistic,
                arm=arm.label,
                comparator=comparator.label,
                stratified=stratified,
                subgroup=threshold_group(text, est_at)
                or ratio_group(text, match, stop)
                or subgroup_at(text, match.start(), self._names_arm),
                timepoint=None
                if ratio is not None
                else landmark(text[clause_start(text, match.start()) : match.start("est")], text[stop:]),
                evidence=self._sentence.evidence(
                    min(match.start(), threshold_start(text, est_at) or stop), stop
                ),
                **est,
            ), stop
        except ValidationError:  # misread into an impossible figure: left for the report
            return None, stop

    def _named_endpoint(self, phrase: str) -> str | None:
        named = endpoint_mentions(phrase, self.abbreviations)
        if named:
            return named[0][1]
        cleaned = endpoint_phrase(phrase + " was")
        return cleaned or normal_name(phrase.strip()) if len(phrase.split()) <= 8 else None

    def _cause_of_death(self, event: str, text: str, pos: int, mentions) -> str | None:
        """'Deaths from lung cancer did not differ between the two groups (...; HR of death = 1.07,
        ...)': a ratio for death, in a sentence that names the deaths of one cause before it, is for
        those deaths, not for death from any cause."""
        named = self._endpoint_before(text, pos, mentions, None) if event == "death" else None
        return named if named and named.endswith(" mortality") else None

    def _ratio_endpoint(self, m: re.Match, mentions, last_endpoint, text: str) -> str | None:
        event = re.sub(r"(?i)^for\s+", "", (m.group("event") or m.group("on") or "").strip())
        if event in HR_EVENTS:
            return self._cause_of_death(event, text, m.start(), mentions) or HR_EVENTS[event]
        if event:
            named = endpoint_mentions(event, self.abbreviations)
            if named:
                return named[0][1]
            if m.group("on"):  # 'a relative risk of lung cancer of 1.28'
                return qualified("incidence", f"incidence of {event}") if _DISEASE.search(event) else event
        event = event_before(text, m.start(), mentions)
        if event:
            known = HR_EVENTS.get(event.lower()) or HR_EVENTS.get(f"risk of {event.lower()}")
            return known or self._phrase_endpoint(event)
        said = self._endpoint_before(text, m.start(), mentions, last_endpoint)
        if said is not None and names_group(said):  # 'EGFR protein expression was also related to clinical
            said = (
                None  # outcome (HR for positive, 0.77; ...': the factor that cuts the subgroups, no endpoint
            )
        return said or self._carried_endpoint(text, m)

    def _carried_endpoint(self, text: str, m: re.Match) -> str | None:
        """The endpoint of a ratio that names none, from the sentence before: a subgroup's ratio
        ('There was a trend for interaction with disease stage (P = .09; HR for stage II, 0.68;
        ...') is on the endpoint of the last ratio the sentences before printed; any ratio right
        after a sentence that counts the trial's deaths ('there were 271 deaths in 482 randomly
        assigned patients. ACT continues to show a benefit (hazard ratio [HR], 0.78') is for death."""
        if self._carried is not None and ratio_group(text, m, self._end(text, m.end())[0]):
            return self._carried.endpoint
        return HR_EVENTS["death"] if self._deaths_before else None


_DISEASE = re.compile(r"(?i)\b(?:cancer|carcinoma|disease|infections?|fractures?)$")


def _blank(span: str) -> str:
    """A read figure's words as spaces, keeping a closing bracket opened before them ('for night
    awakenings (difference = 6.0%, 95% CI-0.5 to 12.5) and sleep duration (...)'): the bracket
    still ends, and what follows it is a clause of its own."""
    depth, out = 0, []
    for ch in span:
        depth += (ch == "(") - (ch == ")")
        out.append(")" if depth < 0 and ch == ")" else " ")
        depth = max(depth, 0)
    return "".join(out)
