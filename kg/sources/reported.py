"""The trial a publication reports, as both publication parsers (page and XML) read it."""

from __future__ import annotations

from pydantic import ValidationError

from kg.extraction import extract_trial
from kg.model import AbstractSection, Trial
from kg.sources.errors import first_error


def reported_trial(title: str, abstract: list[AbstractSection], warnings: list[str]) -> Trial | None:
    """The trial the abstract reports, or None when there is no abstract to read it from.

    Extraction can only misread a document, never make it unreadable: when what it read is
    impossible (two arms given one label...), the publication still loads and the reason
    goes to ``warnings``.  The trial carries no title: a publication's title is the
    publication's (a registry record gives the trial's own)."""
    if not any(section.text.strip() for section in abstract):
        return None
    try:
        trial = extract_trial(title, abstract)
    except ValidationError as err:
        warnings.append(
            f"the trial was not recorded: what the abstract was read as is impossible: {first_error(err)}"
        )
        return None
    if trial is not None:
        trial.title = None
    return trial
