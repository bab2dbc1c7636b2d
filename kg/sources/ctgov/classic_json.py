"""The retired classic-API JSON (``FullStudiesResponse``, API 1.x), rewritten into the API v2
layout the readers take.

The classic layout is regular: a list is ``"XList": {"X": [...]}`` and an item's keys repeat
its entity's name ("OutcomeMeasureTitle" in an "OutcomeMeasure").  So the rewrite is
generic: a key loses the leading words it shares with its entity and becomes lowerCamel
("title"); a list becomes the plural of what its items are called after the words shared
with the enclosing entity ("OutcomeGroupList" in an OutcomeMeasure -> "groups").  The few
names v2 spells otherwise are listed.  Values stay as printed ("Interventional", "Phase 1",
"December 22, 2017"); the readers accept both spellings.  Each list item carries ``_path``,
its place in the file.
"""

from __future__ import annotations

import re
from typing import Any

from kg.sources.ctgov.values import Study

# list items whose v2 list name the generic rule would not give
LIST_KEYS = {
    "OutcomeMeasure": "outcomeMeasures",
    "FlowGroup": "groups",
    "FlowPeriod": "periods",
    "SeriousEventStats": "stats",
    "OtherEventStats": "stats",
    "DesignWhoMasked": "whoMasked",
    "NCTIdAlias": "nctIdAliases",
}
# keys whose v2 name the generic rule would not give
FIELD_KEYS = {
    "DesignInfo": "designInfo",
    "EligibilityCriteria": "eligibilityCriteria",
    "EventsFrequencyThreshold": "frequencyThreshold",
    "EventsTimeFrame": "timeFrame",
    "EventsDescription": "description",
}


def studies(data: Any) -> list[Study] | None:
    """The studies of a ``FullStudiesResponse`` in the v2 layout; None if ``data`` is not one."""
    response = data.get("FullStudiesResponse") if isinstance(data, dict) else None
    if not isinstance(response, dict):
        return None
    out = []
    for n, entry in enumerate(response.get("FullStudies") or []):
        where = f"FullStudiesResponse.FullStudies[{n}].Study"
        study = entry.get("Study") if isinstance(entry, dict) else None
        out.append(_convert(study, "Study", where) if isinstance(study, dict) else study)
    return out


def _words(name: str) -> list[str]:
    """'OutcomeMeasureCIPctValue' -> ['Outcome', 'Measure', 'CI', 'Pct', 'Value']."""
    return re.findall(r"[A-Z]+(?=[A-Z][a-z]|\b|$)|[A-Z]?[a-z0-9]+|[A-Z]+", name)


def _rest(name: str, entity: str) -> list[str]:
    """The words of ``name`` after those it shares, in order, with ``entity``'s; when it
    shares all of its words, the last one ('StartDate' in 'StartDateStruct' -> 'Date')."""
    mine, theirs = _words(name), _words(entity)
    n = 0
    while n < len(mine) and n < len(theirs) and mine[n] == theirs[n]:
        n += 1
    return mine[n:] or mine[-1:]


def _camel(words: list[str]) -> str:
    first, *others = words
    return first.lower() + "".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in others)


def _plural(word: str) -> str:
    if word.endswith(("ss", "x")):
        return word + "es"
    if word.endswith("sis"):
        return word[:-3] + "ses"
    if word.endswith("s"):
        return word
    if word.endswith("y"):
        return word[:-1] + "ies"
    return word + "s"


def _convert(node: Any, entity: str, where: str) -> Any:
    if not isinstance(node, dict):
        return node
    out: Study = {}
    for key, value in node.items():
        here = f"{where}.{key}"
        if key.endswith("List") and isinstance(value, dict) and len(value) == 1:
            [(item, items)] = value.items()
            items = items if isinstance(items, list) else [items]
            name = LIST_KEYS.get(item) or _plural(_camel(_rest(item, entity)))
            out[name] = [_item(x, item, f"{here}.{item}[{n}]") for n, x in enumerate(items)]
        else:
            out[FIELD_KEYS.get(key) or _camel(_rest(key, entity))] = _convert(value, key, here)
    return out


def _item(node: Any, entity: str, where: str) -> Any:
    converted = _convert(node, entity, where)
    return {**converted, "_path": where} if isinstance(converted, dict) else converted
