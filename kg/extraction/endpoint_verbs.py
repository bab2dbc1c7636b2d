"""An endpoint the methods named as a noun, reported with its verb: 'Disease was correctly upstaged
in 23 of 167 PET-CT recipients' reports 'correct upstaging', 'was incorrectly understaged in 25'
'incorrect understaging', 'were successfully extubated' 'successful extubation'. Only a name the
abstract itself gave an endpoint is returned, so a verb that names nothing measured names nothing.
"""

from __future__ import annotations

import re

# 'was correctly upstaged in', 'were incorrectly understaged' (the clause's verb, before its figures)
_PASSIVE = re.compile(
    r"(?i)\b(?:was|were|had\s+been|been)\s+(?:(?P<adverb>[a-z]+ly)\s+)?(?P<verb>[a-z]+ed)\b"
)


def verbal_endpoint(clause: str, named: list[str]) -> str | None:
    """The named endpoint the clause's passive verb (and its adverb) nominalise, if one is."""
    m = _PASSIVE.search(clause)
    if not m or not named:
        return None
    adverb = (m.group("adverb") or "").lower()
    adjectives = (
        {adverb[:-2], re.sub(r"ily$", "y", adverb), re.sub(r"fully$", "ful", adverb)} if adverb else {""}
    )
    nouns = _nouns(m.group("verb").lower())
    for name in named:
        words = name.lower().split()
        head, lead = words[-1], " ".join(words[:-1])
        if head in nouns and lead in adjectives:
            return name
    return None


def _nouns(verb: str) -> set[str]:
    """The nouns a past participle's action goes by: 'upstaged' -> 'upstaging', 'resected' ->
    'resection', 'extubated' -> 'extubation', 'hospitalized' -> 'hospitalization'."""
    bare = verb[:-2]  # 'upstag', 'resect', 'extubat', 'hospitaliz'
    return {f"{bare}ing", f"{bare}ion", f"{bare}ation"}
