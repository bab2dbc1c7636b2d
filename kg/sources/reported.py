"""The trial a publication reports, as both publication parsers (page and XML) read it."""

from __future__ import annotations

from pydantic import ValidationError

from kg.extraction import extract_trial
from kg.model import AbstractSection, Trial
from kg.sources.errors import first_error

# PubMed abstracts run to about 4,000 characters, rarely 6,000 (the longest of the 1,059-page
# pool: 6,221); extraction's cost grows with the text, so a page that is mostly something
# else (a pasted table, a repeated phrase) is not read as an abstract at all
MAX_ABSTRACT_CHARS = 20_000
MAX_TITLE_CHARS = 1_000  # the longest title of the shared pages: 332 characters
# the longest run without a space in the shared pages' abstracts: 56 characters (a URL); the
# rules' cost grows with the square of such a run (16,000 digits in a word: 30 s)
MAX_WORD_CHARS = 200


def reported_trial(title: str, abstract: list[AbstractSection], warnings: list[str]) -> Trial | None:
    """The trial the abstract reports, or None when it reports none; a page with no abstract
    text yields the trial its title names, if it names one ('...: A Phase 2 Randomized
    Clinical Trial').

    Extraction can only misread a document, never make it unreadable: when what it read is
    impossible (two arms given one label...), the publication still loads and the reason
    goes to ``warnings``.  The trial carries no title: a publication's title is the
    publication's (a registry record gives the trial's own)."""
    if not any(section.text.strip() for section in abstract):
        abstract = []
    run = max(map(len, title.split()), default=0)
    if len(title) > MAX_TITLE_CHARS or run > MAX_WORD_CHARS:
        warnings.append(
            f"the title ({len(title):,} characters, {run:,} without a space) is not one PubMed prints"
            f" (at most {MAX_TITLE_CHARS:,} and {MAX_WORD_CHARS:,} read): the trial is read from the"
            " abstract alone"
        )
        title = ""
    size = sum(len(section.text) for section in abstract)
    if size > MAX_ABSTRACT_CHARS:
        warnings.append(
            f"the trial was not read: an abstract of {size:,} characters is longer than any PubMed"
            f" publishes (at most {MAX_ABSTRACT_CHARS:,} read)"
        )
        return None
    word = max((len(w) for section in abstract for w in section.text.split()), default=0)
    if word > MAX_WORD_CHARS:
        warnings.append(
            f"the trial was not read: the abstract runs {word:,} characters without a space, which"
            f" is not prose (at most {MAX_WORD_CHARS:,} read)"
        )
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
