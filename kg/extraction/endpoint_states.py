"""Endpoints named by the state the patients were in, not by a noun: '43.9% of participants in
the A group were continuously abstinent from smoking' reports continuous abstinence from
smoking, '28.8% of patients were hospitalized' hospitalization, and 'the probability of not
having progressed by 1 year' progression-free survival. The predicate's adjective or participle
becomes its noun (abstinent -> abstinence, hospitalized -> hospitalization), keeping what
kind of state it was (continuously -> continuous) and what it was free of (from smoking)."""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import outside_brackets

# '43.9% of participants in the A group were continuously abstinent from smoking compared with
# 17.6% ...', '28.8% of patients were hospitalized during A': a state the share of patients was
# in, named by the predicate's noun (abstinent -> abstinence, hospitalized -> hospitalization)
_STATE = (
    r"\b(?:were|was|remained|became|stayed)\s+(?:(?:still|also|then)\s+)?"
    r"(?P<how>[a-z]+ly\s+)?(?P<state>[a-z]+(?:ent|ant|ized|ised))\b"
    r"(?P<what>\s+(?:from|of)\s+(?!the\b|this\b|an?\b)[a-z][\w-]*)?"
    r"(?=\s*(?:[,;.(]|\b(?:at|after|during|by|through|throughout|compared|than|in|with|versus|vs)\b|$))"
)
_AFTER_STATE = re.compile(rf"(?i)^[^;()]*?{_STATE}")
# the same predicate after a share of patients, in the words before a later figure: '43.9% of
# participants in the A group were continuously abstinent from smoking compared with'
_SHARE_STATE = re.compile(
    rf"(?i)\d(?:\s*%|\s+of\s+\d+)[^;()%]*?{_STATE}(?:[^;()%\d]*\d[\d.]*\s*%)*[^;()%\d]*$"
)  # and the words before a comparison after the other arm's share: '... compared with 17.6% in B (
# -ent/-ant/-ized words that name no state of a patient's: 'were different', 'was evident'
_NOT_STATE = re.compile(
    r"(?i)^(?:different|evident|apparent|consistent|present|absent|significant|relevant|sufficient|"
    r"efficient|frequent|dependent|recent|excellent|important|constant|equivalent|prevalent|"
    r"randomi[sz]ed|organi[sz]ed|characteri[sz]ed|categori[sz]ed|summari[sz]ed|analy[sz]ed|utili[sz]ed|"
    r"minimi[sz]ed|maximi[sz]ed|standardi[sz]ed|recogni[sz]ed|emphasi[sz]ed|authori[sz]ed)$"
)


def unbracketed(text: str) -> str:
    """The text without its brackets ('(weeks 9-12)', '(OR, 3.85; 95% CI ...)'), one space where
    one stood."""
    return re.sub(r"\s+(?=[\s,;.]|$)", "", outside_brackets(text))


# adverbs of degree, time or comparison, not of the state's kind ('were significantly abstinent')
_NOT_KIND = re.compile(
    r"(?i)^(?:significantly|statistically|only|nearly|approximately|frequently|newly|previously|"
    r"subsequently|initially|randomly|finally|eventually|successfully|currently)$"
)


def state_phrase(words: str, share: bool = False) -> str | None:
    """The endpoint a share of patients is said to be in: 'were continuously abstinent from
    smoking' -> 'continuous abstinence from smoking', 'were hospitalized' -> 'hospitalization';
    None when the predicate names no state. ``share``: the words are those before a later
    figure, and the predicate must follow a share of patients ('43.9% of participants ...')."""
    m = _SHARE_STATE.search(unbracketed(words)) if share else _AFTER_STATE.match(words)
    if not m or _NOT_STATE.match(m.group("state")):
        return None
    noun = re.sub(r"i[sz]ed$", "ization", re.sub(r"([ae])nt$", r"\1nce", m.group("state").lower()))
    how = (m.group("how") or "").strip().lower()
    kind = "" if not how or _NOT_KIND.match(how) else how[:-2] + " "
    return f"{kind}{noun}{(m.group('what') or '').lower()}"


# 'the probability of not having progressed by 1 year': who has not had the event is free of it
_NOT_YET = re.compile(r"(?i)\bnot\s+(?:having\s+|yet\s+)?(progressed|relapsed|recurred)\b")
_FREE = {"progressed": "progression", "relapsed": "relapse", "recurred": "recurrence"}


def free_of_events(phrase: str) -> str:
    """'not having progressed' -> 'progression-free survival': who has not had the event."""
    return _NOT_YET.sub(lambda m: f"{_FREE[m.group(1).lower()]}-free survival", phrase)
