"""Which response a page's 'response rate' is. The lexicon reads 'response rate', 'overall response'
and 'ORR' as a tumour's objective response rate, which is what oncology abstracts mean; a page that
is on no tumour means another response: of people to a questionnaire ('The response rate before
the reminder was 17.9% for the Internet group'), of a disease to treatment on a clinical scale
(ACR, depression scores). There the figures keep the plain name 'response rate', unless their own
sentence says 'objective'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import ArmResult, Comparison, Endpoint

OBJECTIVE_RESPONSE = "objective response rate"
PLAIN_RESPONSE = "response rate"
_TUMOUR = re.compile(
    r"(?i)\b(?:cancers?|carcinomas?|tumou?rs?|neoplas\w*|lymphomas?|leuka?emias?|myelomas?|sarcomas?|melanomas?|"
    r"metasta\w*|oncolog\w*|gliomas?|\w+blastomas?|mesotheliomas?|malignan\w*|RECIST)\b"
)
_OBJECTIVE = re.compile(r"(?i)\bobjective\b|\bORR\b")


def plain_responses(
    text: str, figures: Sequence[ArmResult | Comparison], endpoints: Sequence[Endpoint]
) -> None:
    """In place: on a page (``text``: title and abstract) that names no tumour, the figures
    and endpoints read as the objective response rate are the plain response rate."""
    if _TUMOUR.search(text):
        return
    for f in figures:
        if f.endpoint == OBJECTIVE_RESPONSE and not (f.evidence and _OBJECTIVE.search(f.evidence.sentence)):
            f.endpoint = PLAIN_RESPONSE
    if not _OBJECTIVE.search(text):
        for e in endpoints:
            if e.name == OBJECTIVE_RESPONSE:
                e.name = PLAIN_RESPONSE
