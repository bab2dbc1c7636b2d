"""kg.stores.http, the one SPARQL HTTP client: requests share one kept-alive connection."""

from __future__ import annotations

import http.server
import json
import threading

from kg.stores.endpoint import Endpoint
from kg.stores.http import select_json, update

EMPTY = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()


class _Counting(http.server.ThreadingHTTPServer):
    """Answers every POST with empty SPARQL results over HTTP/1.1; counts connections."""

    def __init__(self) -> None:
        self.connections, self.requests = 0, []
        super().__init__(("127.0.0.1", 0), _Answer)

    def process_request(self, request, client_address) -> None:
        self.connections += 1
        super().process_request(request, client_address)


class _Answer(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps the connection open, as SPARQL servers do

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.path, self.headers.get("Content-Type"), body))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(EMPTY)))
        self.end_headers()
        self.wfile.write(EMPTY)


def test_queries_and_updates_reuse_one_connection():
    server = _Counting()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        endpoint = Endpoint(f"{url}/query", f"{url}/update", f"{url}/store")
        for _ in range(3):
            assert select_json(endpoint, "SELECT ?x WHERE { ?x ?p ?o }")["results"]["bindings"] == []
        update(endpoint, "CLEAR SILENT GRAPH <urn:x>")
        assert server.connections == 1
        assert [(path, ctype) for path, ctype, _ in server.requests] == [
            *[("/query", "application/x-www-form-urlencoded")] * 3,
            ("/update", "application/x-www-form-urlencoded"),
        ]
        assert server.requests[-1][2] == b"update=CLEAR+SILENT+GRAPH+%3Curn%3Ax%3E"
    finally:
        server.shutdown()
