"""HTTP content negotiation: the best of the media types we offer for an Accept header."""

from __future__ import annotations


def _ranges(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out


def _specificity(media_range: str, offer: str) -> int | None:
    """How precisely a range names an offer (2 exact, 1 type/*, 0 */*), None if it does not match."""
    if media_range == offer:
        return 2
    kind, _, sub = media_range.partition("/")
    if sub == "*" and offer.startswith(kind + "/"):
        return 1
    if media_range in ("*/*", "*"):
        return 0
    return None


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers most (ties go to our order), or None if it accepts none.

    No Accept header means anything: the first offer.  Each offer takes the q of the most
    specific range that matches it, as RFC 9110 says.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges = _ranges(accept)
    best, best_q = None, 0.0
    for offer in offers:
        matches = [(spec, q) for r, q in ranges if (spec := _specificity(r, offer)) is not None]
        if not matches:
            continue
        q = max(matches)[1]
        if q > best_q:
            best, best_q = offer, q
    return best
