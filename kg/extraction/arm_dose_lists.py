"""Arms that are doses of one drug printed as one list: 'dexamethasone 2, 4 or 6 mg',
'remifentanil at doses of 2 mg, 4 mg or 6 mg'. The listing is cut at its last 'or', so the
doses before it stay in one piece ('dexamethasone 2, 4') and the last is a bare dose ('6 mg');
each dose of the list is a piece of its own, in the unit the last one prints when it prints
none (the last, a bare dose, is the drug's before it: see ``arms._same_drug``).
"""

from __future__ import annotations

import re

from kg.extraction.regimens import DOSE_UNIT

_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = rf"(?:{DOSE_UNIT})"
# the doses before the last: 'dexamethasone 2, 4', 'dexamethasone at doses of 2 mg, 4 mg'
_LEADING = re.compile(
    rf"(?i)^(?P<head>.*?[A-Za-z)]\S*)\s+(?:(?:at|in)\s+(?:a\s+)?doses?\s+of\s+)?"
    rf"(?P<doses>{_NUMBER}(?:\s*{_UNIT})?(?:\s*,\s*{_NUMBER}(?:\s*{_UNIT})?)*)\s*,?\s*$"
)
# the last dose, alone in its piece: '6 mg', '6 mg once daily'
_LAST = re.compile(rf"(?i)^\s*(?P<n>{_NUMBER})\s*(?P<unit>{_UNIT})\b(?P<rest>.*)$")
# the drug named after the last dose: '80 mg of bilastine daily'
_OF_DRUG = re.compile(r"(?i)^\s+of\s+[A-Za-z]")
_ONE = re.compile(rf"(?i)(?P<n>{_NUMBER})\s*(?P<unit>{_UNIT})?")


def dose_list_pieces(parts: list[str]) -> list[str]:
    """The pieces with a list of doses of one drug cut into one piece per dose, each with the
    drug's name, the dose's unit and what the last dose's piece prints after it; an item before
    the doses that the last dose names its drug after ('placebo, 20, 40 or 80 mg of bilastine')
    is a piece of its own."""
    out: list[str] = []
    for k, part in enumerate(parts):
        last = _LAST.match(parts[k + 1]) if k + 1 < len(parts) else None
        lead = _LEADING.match(part) if last else None
        if lead is None or last is None:
            out.append(part)
            continue
        head, rest = lead.group("head").strip(), last.group("rest")
        # 'placebo, 20, 40 or 80 mg of bilastine': an item of its own, then the doses of the drug after 'of'
        if head.endswith(",") and _OF_DRUG.match(rest):
            out.append(head.rstrip(","))
            head = ""
        for dose in _ONE.finditer(lead.group("doses")):
            out.append(f"{head} {dose.group('n')} {dose.group('unit') or last.group('unit')}{rest}".strip())
    return out
