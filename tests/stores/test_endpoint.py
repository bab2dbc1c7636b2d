"""Endpoint URLs, credentials (environment or config file, never the command line), errors."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from kg.cli import _parser, main
from kg.stores.endpoint import RemoteError, derive_urls, resolve_endpoint
from kg.stores.http import select_json


@pytest.mark.parametrize(
    "query,update,store",
    [
        ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),  # oxigraph serve
        ("http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data"),  # Fuseki
        ("http://h:3030/ds/sparql", "http://h:3030/ds/update", "http://h:3030/ds/data"),
        ("http://h:3030/ds", "http://h:3030/ds/update", "http://h:3030/ds/data"),
        (
            "http://h:7200/repositories/trials",  # GraphDB
            "http://h:7200/repositories/trials/statements",
            "http://h:7200/repositories/trials/rdf-graphs/service",
        ),
        ("http://h:8000/sparql", "http://h:8000/update", "http://h:8000/store"),  # ctkg serve
    ],
)
def test_update_and_graph_store_urls_are_derived(query, update, store):
    assert derive_urls(query) == (update, store)
    endpoint = resolve_endpoint(query)
    assert (endpoint.update_url, endpoint.store_url) == (update, store)


def test_explicit_urls_win(monkeypatch, tmp_path):
    monkeypatch.setenv("CTKG_CONFIG", str(tmp_path / "none.toml"))
    e = resolve_endpoint("http://h/q", update_url="http://h/u", store_url="http://h/g", timeout=5)
    assert (e.update_url, e.store_url, e.timeout) == ("http://h/u", "http://h/g", 5.0)


def test_no_endpoint_means_the_embedded_store(monkeypatch, tmp_path):
    monkeypatch.delenv("CTKG_ENDPOINT", raising=False)
    monkeypatch.setenv("CTKG_CONFIG", str(tmp_path / "none.toml"))
    assert resolve_endpoint() is None


def test_config_file_gives_endpoint_and_credentials(monkeypatch, tmp_path):
    conf = tmp_path / "config.toml"
    conf.write_text(
        '[endpoint]\nquery = "http://h:3030/ds/query"\nuser = "ana"\npassword = "s3cret"\ntimeout = 7\n'
    )
    monkeypatch.setenv("CTKG_CONFIG", str(conf))
    for var in ("CTKG_ENDPOINT", "CTKG_ENDPOINT_USER", "CTKG_ENDPOINT_PASSWORD", "CTKG_ENDPOINT_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    e = resolve_endpoint()
    assert (e.query_url, e.store_url, e.timeout) == ("http://h:3030/ds/query", "http://h:3030/ds/data", 7.0)
    assert e.auth_header() == {"Authorization": "Basic YW5hOnMzY3JldA=="}  # base64("ana:s3cret")
    monkeypatch.setenv("CTKG_ENDPOINT_TOKEN", "tok")
    assert resolve_endpoint().auth_header() == {"Authorization": "Bearer tok"}


def test_a_broken_config_file_is_named(monkeypatch, tmp_path):
    conf = tmp_path / "config.toml"
    conf.write_text("[endpoint\n")
    monkeypatch.setenv("CTKG_CONFIG", str(conf))
    with pytest.raises(RemoteError, match=f"{conf}: not a valid config file"):
        resolve_endpoint("http://h/query")


@pytest.mark.parametrize("option", ["--password", "--user", "--token"])
def test_credentials_are_not_command_line_options(option):
    with pytest.raises(SystemExit):
        _parser().parse_args(["query", "arms", "--endpoint", "http://h/query", option, "x"])


class _Recorder(http.server.ThreadingHTTPServer):
    def __init__(self, answer: tuple[int, str, bytes]):
        self.answer, self.seen = answer, []
        super().__init__(("127.0.0.1", 0), _Answer)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/query"


class _Answer(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append(dict(self.headers))
        status, ctype, body = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def recorder(request):
    server = _Recorder(request.param)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


EMPTY = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()


@pytest.mark.parametrize("recorder", [(200, "application/sparql-results+json", EMPTY)], indirect=True)
def test_credentials_from_the_environment_are_sent(recorder, monkeypatch):
    monkeypatch.setenv("CTKG_ENDPOINT_USER", "ana")
    monkeypatch.setenv("CTKG_ENDPOINT_PASSWORD", "s3cret")
    select_json(resolve_endpoint(recorder.url), "SELECT ?x WHERE { ?x ?p ?o }")
    assert recorder.seen[-1]["Authorization"] == "Basic YW5hOnMzY3JldA=="


@pytest.mark.parametrize(
    "recorder,message",
    [
        ((200, "text/html", b"<html>hello</html>"), "not a SPARQL endpoint"),
        ((401, "text/plain", b"who are you"), r"refused the credentials \(HTTP 401\)"),
        ((403, "text/plain", b"no"), r"refused the request \(HTTP 403\)"),
        ((500, "text/plain", b"boom"), r"failed \(HTTP 500\): boom"),
        ((400, "text/plain", b"bad"), r"rejected the query as malformed \(HTTP 400\)"),
    ],
    indirect=["recorder"],
)
def test_refusing_or_malformed_endpoints_give_clear_errors(recorder, message, capsys):
    assert main(["query", "arms", "--endpoint", recorder.url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ctkg query: error: {recorder.url}: ")
    assert __import__("re").search(message, err)


def test_a_silent_server_times_out(capsys):
    import socket

    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        assert main(["query", "arms", "--endpoint", url, "--timeout", "1"]) == 2
    assert f"{url}: no answer within the timeout" in capsys.readouterr().err
