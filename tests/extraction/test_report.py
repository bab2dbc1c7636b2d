"""What cannot be read is reported: results sentences with numbers that gave no fact."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extraction.text import sentences
from kg.sources import read_document

ABSTRACTS = Path(__file__).parents[1] / "fixtures" / "abstracts"


def test_unread_sentences_are_listed():
    # baseline characteristics are no fact ctkg reads: their sentence is listed for a curator
    trial = read_document(ABSTRACTS / "PMID16014882.txt").trial
    assert trial.unread_sentences[0] == (
        "The median age of the 731 patients who underwent randomization was 61.4 years; 49 percent had "
        "received two prior chemotherapy regimens, and 93 percent had received platinum-based chemotherapy."
    )


def test_sentences_once_unread_are_read_now():
    trial = read_document(ABSTRACTS / "PMID30620668.txt").trial
    # the follow-up is read from its own words, and the deaths counted after it from theirs (a
    # follow-up clause does not mark its whole sentence read): 'At data cutoff (July 10, 2017; median
    # follow-up, 25.2 months), 73 patients in the pembrolizumab arm and 96 in the chemotherapy arm had died.'
    assert trial.median_follow_up_months == Decimal("25.2")
    assert [e.quote for e in trial.follow_up_evidence] == ["25.2 months"]
    deaths = [(r.arm, r.estimate, r.evidence.quote) for r in trial.arm_results if r.endpoint == "death"]
    assert deaths == [("pembrolizumab", Decimal("73"), "73 patients"), ("chemotherapy", Decimal("96"), "96")]
    assert trial.unread_sentences == []
    # 'Eighty-two patients assigned to chemotherapy crossed over on study to receive pembrolizumab.'
    assert [(c.stage, c.count, c.arm) for c in trial.participant_flow] == [
        ("crossed over", 82, "chemotherapy")
    ]
    # 'the hazard ratio for OS for pembrolizumab versus chemotherapy was 0.49 (95% CI, 0.34 to 0.69)'
    (adjusted,) = [c for c in trial.comparisons if c.estimate == Decimal("0.49")]
    assert (adjusted.endpoint, adjusted.arm, adjusted.comparator) == (
        "overall survival",
        "pembrolizumab",
        "chemotherapy",
    )
    assert (adjusted.ci_lower, adjusted.ci_upper) == (Decimal("0.34"), Decimal("0.69"))


def test_a_fully_read_abstract_reports_nothing(seed_path):
    assert read_document(seed_path).trial.unread_sentences == []


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?", text)}


@pytest.mark.parametrize("gold_path", sorted((ABSTRACTS / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_each_gold_number_is_read_or_its_sentence_listed(gold_path):
    """On the gold documents, a sentence holding a gold figure yields that figure or is listed."""
    gold = json.loads(gold_path.read_text())
    doc = read_document(ABSTRACTS / Path(gold["doc"]).name)
    trial = doc.trial
    read = {
        (f.evidence.sentence, str(v))
        for f in [*trial.arm_results, *trial.comparisons]
        if f.evidence
        for v in (f.estimate,)
        if v is not None
    }
    read |= {
        (e.evidence.sentence, str(v))
        for e in trial.adverse_events
        if e.evidence
        for v in (e.count, e.percent)
        if v is not None
    }
    sents = [s for sec in doc.abstract for s in sentences(sec.label, sec.text)]
    for fact in gold["efficacy"] + gold["safety"]:
        value = fact.get("estimate", fact.get("percent", fact.get("count")))
        if not value:
            continue  # a zero said in words ('none occurred') has no printed number to find
        holders = [s for s in sents if Decimal(str(value)) in _numbers(s.norm)]
        assert holders, f"{gold_path.stem}: {value} not printed anywhere"
        ok = [
            s
            for s in holders
            if s.text in trial.unread_sentences
            or any(sentence == s.text and Decimal(v) == Decimal(str(value)) for sentence, v in read)
        ]
        assert ok, f"{gold_path.stem}: {fact} neither read nor reported"
