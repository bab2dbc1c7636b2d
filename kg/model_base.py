"""The base of every record model class, and where a fact was read (shared by ``kg.model``
and ``kg.model_results``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(Record):
    """Where a fact was read: the sentence as printed and the character span within it."""

    section: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @property
    def quote(self) -> str:
        return self.sentence[self.start : self.end]


class Published(Record):
    """A figure a registry record publishes, with the record's field path to it.

    A figure read from prose that contradicts itself (a CI whose bounds cross, a percent of
    120) is a misreading and is refused here.  A figure a registry published is what the
    registry says: it is kept as published, and the same checks become SHACL warnings that
    name ``source_path`` (shapes/ctkg-shapes.ttl, the *-published rules)."""

    source_path: str | None = Field(
        default=None,
        description="the registry record's field path to the figure, e.g. "
        "'resultsSection.outcomeMeasuresModule.outcomeMeasures[2].classes[0].categories[0].measurements[1]'",
    )
