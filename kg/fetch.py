"""Download PubMed (E-utilities) and ClinicalTrials.gov (API v2) records to a local cache.

NCBI asks for at most 3 requests a second without an API key and 10 with one; both
services answer 429 or time out under load.  Every request therefore waits its turn,
and a 429, a 5xx or a timeout is retried with growing back-off (honouring Retry-After),
a bounded number of times, before a clear error.  Files land in the cache whole (written
beside, then renamed), so a failed download never leaves half a record to import.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.files import write_atomically

EUTILS = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
CTGOV = "https://clinicaltrials.gov/api/v2/"
LINKS = {"cited-by": "pubmed_pubmed_citedin", "similar": "pubmed_pubmed", "references": "pubmed_pubmed_refs"}


class FetchError(RuntimeError):
    """A record that could not be downloaded, and why."""


def default_cache() -> Path:
    """$CTKG_CACHE, else the per-user cache folder ($XDG_CACHE_HOME or ~/.cache)/ctkg."""
    if os.environ.get("CTKG_CACHE"):
        return Path(os.environ["CTKG_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ctkg"


@dataclass
class Fetcher:
    cache: Path = field(default_factory=default_cache)
    eutils: str = field(default_factory=lambda: os.environ.get("CTKG_EUTILS_URL", EUTILS))
    ctgov: str = field(default_factory=lambda: os.environ.get("CTKG_CTGOV_URL", CTGOV))
    api_key: str | None = field(default_factory=lambda: os.environ.get("NCBI_API_KEY"))
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: float | None = None

    @property
    def interval(self) -> float:
        """Seconds between two NCBI requests: 1/10 with an API key, 1/3 without."""
        return 1 / 10 if self.api_key else 1 / 3

    def get(self, url: str, params: dict[str, str]) -> bytes:
        """One GET, spaced and retried as the services ask."""
        query = dict(params)
        if self.api_key and url.startswith(self.eutils):
            query["api_key"] = self.api_key
        full = f"{url}?{urllib.parse.urlencode(query)}" if query else url
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                with urllib.request.urlopen(full, timeout=self.timeout) as response:  # noqa: S310
                    return response.read()
            except urllib.error.HTTPError as err:
                if err.code != 429 and err.code < 500 or attempt == self.retries:
                    raise FetchError(f"{url}: HTTP {err.code} {err.reason}") from None
                asked = _retry_after(err)
                delay = asked if asked is not None else self.backoff * 2**attempt
            except (TimeoutError, urllib.error.URLError) as err:
                if attempt == self.retries:
                    raise FetchError(f"{url}: no answer after {self.retries + 1} tries ({err})") from None
                delay = self.backoff * 2**attempt
            self.sleep(delay)
        raise AssertionError("unreachable")

    def _wait_turn(self) -> None:
        now = self.clock()
        if self._last is not None and now - self._last < self.interval:
            self.sleep(self.interval - (now - self._last))
            now = self.clock()
        self._last = now

    def pubmed(self, pmids: list[str]) -> list[Path]:
        """PubMed XML of each PMID, from the cache or E-utilities efetch."""
        paths = []
        for pmid in pmids:
            path = self.cache / "pubmed" / f"{pmid}.xml"
            if not path.exists():
                data = self.get(self.eutils + "efetch.fcgi", {"db": "pubmed", "id": pmid, "retmode": "xml"})
                write_atomically(data, path)
            paths.append(path)
        return paths

    def linked(self, pmid: str, link: str) -> list[str]:
        """PMIDs PubMed links to one article: 'cited-by', 'similar' or 'references'."""
        data = self.get(
            self.eutils + "elink.fcgi",
            {"dbfrom": "pubmed", "db": "pubmed", "id": pmid, "linkname": LINKS[link]},
        )
        try:
            root = ET.fromstring(data)
        except ET.ParseError as err:
            raise FetchError(f"elink for {pmid}: unreadable answer ({err})") from None
        return [e.text for e in root.iterfind(".//LinkSetDb/Link/Id") if e.text]

    def trials(self, ncts: list[str]) -> list[Path]:
        """ClinicalTrials.gov API v2 JSON of each NCT id, from the cache or the API."""
        paths = []
        for nct in ncts:
            path = self.cache / "ctgov" / f"{nct}.json"
            if not path.exists():
                write_atomically(self.get(self.ctgov + f"studies/{nct}", {"format": "json"}), path)
            paths.append(path)
        return paths


def _retry_after(err: urllib.error.HTTPError) -> float | None:
    value = err.headers.get("Retry-After") if err.headers else None
    try:
        return float(value) if value else None
    except ValueError:
        return None
