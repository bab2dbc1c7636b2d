"""Arms a randomised experiment states without a randomising verb: what the treated animals or
patients were given, then what the control groups were given instead ('a dose of 750 μmol/kg
magnesium sulfate was given intramuscularly immediately after surgery. Control groups for both
infected and sham-operated rats were injected with equal volume of saline.')."""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions

__all__ = ["control_given"]

_GIVEN = r"(?:were|was)\s+(?:given|injected\s+with|treated\s+with|administered|fed)"
# 'Control groups for both infected and sham-operated rats were injected with equal volume of saline'
_CONTROLS = re.compile(
    rf"(?i)\bcontrols?(?:\s+(?:groups?|animals|rats|mice|patients|subjects))?\b[^.;]{{0,80}}?\b{_GIVEN}\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:equal|same|identical|equivalent)\s+(?:volumes?|amounts?|doses?)\s+of\s+)?"
    r"(?P<agent>[^.;,]+)"
)
# 'a dose of 750 μmol/kg magnesium sulfate was given intramuscularly immediately after surgery'
_TREATED = re.compile(
    r"(?i)(?:^|,\s*)(?P<what>[^,;.]*?)\s+(?:was|were)\s+(?P<verb>given|administered|injected)\b(?P<how>[^,;]*)"
)


def control_given(sentences: list[str], n: int) -> str | None:
    """'X given ... or Y' for sentence ``n`` saying what the controls were given, when one of
    the two sentences before it says a drug was given (passive) and names no control."""
    m = _CONTROLS.search(sentences[n])
    if m is None:
        return None
    for before in reversed(sentences[max(0, n - 2) : n]):
        t = _TREATED.search(before)
        if t and drug_mentions(t.group("what")) and not re.search(r"(?i)\bcontrol", before):
            how = t.group("how").rstrip(" .")
            return f"{t.group('what').strip()} {t.group('verb')}{how} or {m.group('agent').strip()}"
    return None
