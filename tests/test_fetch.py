"""Fetching against a local server on loopback that replays recorded answers (no internet)."""

from __future__ import annotations

import http.server
import itertools
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from kg.fetch import Fetcher, FetchError

REPLAY = Path(__file__).parent / "fixtures" / "replay"
ELINK = """<?xml version="1.0"?><eLinkResult><LinkSet><DbFrom>pubmed</DbFrom><IdList><Id>36318760</Id></IdList>
<LinkSetDb><DbTo>pubmed</DbTo><LinkName>pubmed_pubmed_citedin</LinkName>
<Link><Id>38704912</Id></Link></LinkSetDb></LinkSet></eLinkResult>"""


class Replay(http.server.BaseHTTPRequestHandler):
    """Answers like E-utilities / ClinicalTrials.gov; 'trouble' scripts 429s and slow answers."""

    trouble: list[str] = []
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server protocol
        url = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(url.query)
        type(self).seen.append(self.path)
        if self.trouble:
            what = self.trouble.pop(0)
            if what == "429":
                self.send_response(429)
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            if what == "slow":
                time.sleep(1.0)
        if url.path.endswith("/efetch.fcgi"):
            body = (REPLAY / f"efetch-{q['id'][0]}.xml").read_bytes()
        elif url.path.endswith("/elink.fcgi"):
            body = ELINK.encode()
        elif "/studies/" in url.path:
            body = (REPLAY / f"study-{url.path.rsplit('/', 1)[1]}.json").read_bytes()
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    Replay.trouble, Replay.seen = [], []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def fetcher(server: str, tmp_path: Path, **kw) -> Fetcher:
    """A fetcher whose waits are recorded, not slept; its clock jumps 10 s a call unless told."""
    slept: list[float] = []
    kw.setdefault("clock", itertools.count(0, 10).__next__)
    f = Fetcher(cache=tmp_path / "cache", eutils=server, ctgov=server, sleep=slept.append, **kw)
    f.slept = slept  # type: ignore[attr-defined]
    return f


def test_pubmed_record_is_cached_and_not_fetched_twice(server, tmp_path):
    f = fetcher(server, tmp_path, api_key=None)
    (path,) = f.pubmed(["36318760"])
    assert path.read_bytes() == (REPLAY / "efetch-36318760.xml").read_bytes()
    f.pubmed(["36318760"])
    assert len(Replay.seen) == 1 and "db=pubmed" in Replay.seen[0] and "retmode=xml" in Replay.seen[0]


def test_requests_are_spaced_three_a_second_or_ten_with_a_key(server, tmp_path):
    f = fetcher(server, tmp_path, api_key=None, clock=lambda: 100.0)  # a clock that never moves
    f.linked("36318760", "cited-by")
    f.linked("36318760", "cited-by")
    assert f.slept == [pytest.approx(1 / 3)]
    g = fetcher(server, tmp_path, api_key="k", clock=lambda: 100.0)
    g.linked("36318760", "similar")
    g.linked("36318760", "similar")
    assert g.slept == [pytest.approx(1 / 10)] and "api_key=k" in Replay.seen[-1]


def test_links_are_read_from_elink(server, tmp_path):
    assert fetcher(server, tmp_path).linked("36318760", "cited-by") == ["38704912"]
    assert "linkname=pubmed_pubmed_citedin" in Replay.seen[0]


def test_a_429_is_retried_after_the_time_it_asks(server, tmp_path):
    Replay.trouble = ["429", "429"]
    f = fetcher(server, tmp_path)
    (path,) = f.trials(["NCT00973089"])
    assert path.name == "NCT00973089.json" and len(Replay.seen) == 3
    assert f.slept == [0.0, 0.0]  # Retry-After: 0, twice


def test_a_timeout_is_retried_with_back_off(server, tmp_path):
    Replay.trouble = ["slow"]
    f = fetcher(server, tmp_path, timeout=0.3, backoff=0.5)
    (path,) = f.pubmed(["36318760"])
    assert path.exists() and f.slept == [0.5]


def test_giving_up_is_a_clear_error_and_caches_nothing(server, tmp_path):
    Replay.trouble = ["429"] * 3
    f = fetcher(server, tmp_path, retries=2)
    with pytest.raises(FetchError, match="HTTP 429"):
        f.pubmed(["36318760"])
    assert not (tmp_path / "cache" / "pubmed" / "36318760.xml").exists()
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher(server, tmp_path).get(server + "nothing", {})


def test_cli_fetch_downloads_to_the_cache(server, tmp_path):
    env = {**os.environ, "CTKG_EUTILS_URL": server, "CTKG_CTGOV_URL": server}
    cmd = [sys.executable, "-m", "kg.cli", "fetch"]
    done = subprocess.run(
        [*cmd, "ctgov", "NCT00973089", "--cache", str(tmp_path), "--no-import"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / "ctgov" / "NCT00973089.json")
    bad = subprocess.run(
        [*cmd, "pubmed", "PMC123", "--cache", str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert bad.returncode == 2 and "not a PMID: PMC123" in bad.stderr


def test_cli_fetch_follows_links_and_imports(server, tmp_path):
    env = {**os.environ, "CTKG_EUTILS_URL": server, "CTKG_CTGOV_URL": server}
    store = str(tmp_path / "store")
    cmd = [sys.executable, "-m", "kg.cli"]
    run = dict(capture_output=True, text=True, env=env, timeout=120)
    done = subprocess.run(
        [
            *cmd,
            "fetch",
            "pubmed",
            "36318760",
            "--follow",
            "cited-by",
            "--cache",
            str(tmp_path),
            "--store",
            store,
        ],
        **run,
    )
    assert done.returncode == 0, done.stderr
    assert [Path(p).name for p in done.stdout.split()] == ["36318760.xml", "38704912.xml"]
    done = subprocess.run(
        [*cmd, "fetch", "ctgov", "NCT00973089", "--cache", str(tmp_path), "--store", store], **run
    )
    assert done.returncode == 0, done.stderr
    sources = subprocess.run([*cmd, "query", "sources", "--format", "csv", "--store", store], **run).stdout
    assert {"36318760.xml", "38704912.xml", "NCT00973089.json"} <= {
        line.split(",")[1] for line in sources.splitlines()[1:]
    }
    summary = subprocess.run(
        [*cmd, "query", "trial-summary", "--format", "csv", "--store", store], **run
    ).stdout
    assert "NCT00973089" in summary


def test_cli_fetch_imports_into_a_remote_endpoint(server, tmp_path, oxigraph):
    env = {**os.environ, "CTKG_EUTILS_URL": server, "CTKG_CTGOV_URL": server}
    cmd = [sys.executable, "-m", "kg.cli", "fetch", "ctgov", "NCT00973089", "--cache", str(tmp_path)]
    done = subprocess.run(
        [*cmd, "--endpoint", oxigraph.query_url], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "1/1 graphs loaded" in done.stderr
    sources = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "query",
            "sources",
            "--format",
            "csv",
            "--endpoint",
            oxigraph.query_url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "NCT00973089.json" in sources
