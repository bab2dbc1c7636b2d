"""`ctkg serve` under hostile requests keeps serving: while each attack runs, and after it,
a watcher asks ``ASK {}`` over and over and every answer must come, 200, within 1 s (the one
time bound issue 16 sets).  The attacks: 5,000 nested parentheses, ORDER BY over the seed
store's mixed literals (a panic in pyoxigraph 0.5), runaway joins, 110 idle half-sent
connections, SERVICE to a loopback port, invalid bytes and IRIs, made-up paths."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from conftest import SEED

CTKG = str(Path(sys.executable).with_name("ctkg"))
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 630^3 rows to count


def http(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 60):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


class Watcher(threading.Thread):
    """Asks ``ASK {}`` back to back; remembers every answer that was not a 200 within 1 s."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url = url + "?" + urlencode({"query": "ASK {}"})
        self.asked, self.late = 0, []
        self.running = True

    def run(self) -> None:
        while self.running:
            start = time.monotonic()
            try:
                status, _, body = http(self.url, timeout=1.0)
                ok = status == 200 and json.loads(body)["boolean"] is True
            except (OSError, ValueError) as err:
                status, ok = repr(err), False
            took = time.monotonic() - start
            self.asked += 1
            if not ok or took > 1.0:
                self.late.append((status, round(took, 2)))
            time.sleep(0.05)

    def stop(self) -> None:
        self.running = False
        self.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "store"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    log = folder / "serve.log"
    with open(log, "w") as err:
        proc = subprocess.Popen(
            [CTKG, "serve", "--store", str(store), "--port", "0", "--timeout", "2", "--workers", "3"],
            stderr=err,
        )
    deadline = time.monotonic() + 60
    while not (m := re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read_text())):
        assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
    watcher = Watcher(m.group(0))
    watcher.start()
    yield m.group(0), watcher, log
    watcher.stop()
    proc.terminate()
    proc.wait(10)
    assert watcher.asked > 20 and watcher.late == []  # and after every attack, too
    assert "Traceback" not in log.read_text()


def attack(server, status: int | tuple[int, ...], *, query: str | None = None, **kwargs) -> bytes:
    """One hostile request: its status as expected, a plain body, nosniff, the watcher happy."""
    url, watcher, _log = server
    if query is not None:
        url += "?" + urlencode({"query": query})
    got, headers, body = http(kwargs.pop("url", url), **kwargs)
    assert got in ((status,) if isinstance(status, int) else status), body[:300]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert b"Traceback" not in body
    assert watcher.late == []
    return body


def test_five_thousand_nested_parentheses_are_refused(server):
    deep = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }"
    body = attack(server, 400, query=deep)
    assert b"nests brackets 5,002 deep; at most 64" in body


def test_order_by_over_mixed_literals_costs_one_worker_not_the_server(server):
    # pyoxigraph 0.5.13 panics sorting the seed store's literals (README, known issues): the
    # worker dies, the query is answered 500, the server goes on
    body = attack(server, (200, 500), query="SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert body.startswith(b'{"head"') or b"the query engine crashed on this query" in body
    attack(server, (200, 500), query="SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")  # and again


def test_runaway_joins_are_stopped_at_the_timeout_and_cost_nothing_after(server):
    for _ in range(3):
        assert b"timed out after 2 s" in attack(server, 503, query=RUNAWAY)
    threads = [
        threading.Thread(target=attack, args=(server, 503), kwargs={"query": RUNAWAY}) for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_110_idle_half_sent_connections_block_nobody(server):
    url, watcher, _log = server
    port = int(re.search(r":(\d+)/", url).group(1))
    idle = []
    try:
        for _ in range(110):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\n")  # never finished
            idle.append(s)
        asked = watcher.asked
        while watcher.asked < asked + 10:  # ten answers while all of them are open
            time.sleep(0.1)
        attack(server, 200, query="ASK {}")
    finally:
        for s in idle:
            s.close()


def test_service_to_loopback_is_refused_and_nothing_is_called(server):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for query in (
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",  # SPARQL's own escapes
            "SELECT * WHERE { BIND(<" + target + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        ):
            assert b"is not allowed here" in attack(server, 400, query=query)
        with pytest.raises(TimeoutError):
            listener.accept()  # no request ever came


def test_bad_bytes_and_bad_iris_are_4xx_without_traceback(server):
    url, _watcher, _log = server
    attack(
        server,
        400,
        data=b"SELECT * WHERE { ?s ?p '\xff\xfe' }",
        headers={"Content-Type": "application/sparql-query"},
    )
    attack(server, 400, url=url + "?query=ASK%20%7B%7D%FF%FE")
    attack(server, 400, url=url + "?" + urlencode({"query": "ASK {}", "default-graph-uri": "not an iri"}))
    attack(
        server,
        400,
        data=b"query=ASK%20%7B%7D%C3%28",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    base = url.rsplit("/", 1)[0]
    attack(server, 404, url=base + "/trial/%00x")
    attack(
        server, 404, url=base + "/pub/doi/10.1000%2F" + quote("\u0000\ud800".encode("utf-8", "surrogatepass"))
    )


def test_made_up_resource_paths_are_404s(server):
    base = server[0].rsplit("/", 1)[0]
    for n in range(20):
        attack(
            server, 404, url=f"{base}/pub/doi/10.{n}/made/up/{'x/' * n}y", headers={"Accept": "text/turtle"}
        )
