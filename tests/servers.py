"""Real SPARQL servers for the backend tests and benchmarks: an Oxigraph server (the `oxigraph`
package of the test extras) and Virtuoso (Debian's `virtuoso-opensource`, installed by .ci/run),
each in a folder of its own, on free loopback ports, in the foreground, stopped by PID.
"""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


class Server:
    """A server process started by ``start`` and stopped by its PID in ``kill``."""

    proc: subprocess.Popen | None = None

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class OxigraphServer(Server):
    """`oxigraph serve` querying the union of the named graphs when a query names no graph, or
    (``union_default_graph=False``) its own default graph, where ctkg keeps that union."""

    def __init__(self, location: Path, union_default_graph: bool = True):
        self.location = location
        self.port = free_port()
        self.union_flag = ["--union-default-graph"] if union_default_graph else []

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def quads(self) -> set:
        """Every quad the server holds (pyoxigraph quads; ctkg writes no blank nodes)."""
        import pyoxigraph

        request = urllib.request.Request(self.query_url.replace("/query", "/store"))
        request.add_header("Accept", "application/n-quads")
        with urllib.request.urlopen(request) as response:
            return set(pyoxigraph.parse(response.read(), format=pyoxigraph.RdfFormat.N_QUADS))

    def start(self) -> OxigraphServer:
        exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        command = [exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(
            [*command, *self.union_flag], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for_port(self.port, self.proc)
        return self


VIRTUOSO_INI = """[Database]
DatabaseFile = {root}/virtuoso.db
ErrorLogFile = {root}/virtuoso.log
LockFile = {root}/virtuoso.lck
TransactionFile = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {root}/virtuoso-temp.db
TransactionFile = {root}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {root}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxSortedTopRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
"""

# Anonymous SPARQL may update, and the Graph Store protocol (/sparql-graph-crud) may write.
VIRTUOSO_GRANTS = "grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


class VirtuosoServer(Server):
    """Debian's `virtuoso-t` with a generated virtuoso.ini, SPARQL at /sparql (query and update),
    the Graph Store protocol at /sparql-graph-crud."""

    def __init__(self, location: Path):
        self.location = location
        self.sql_port = free_port()
        self.port = free_port()

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def start(self) -> VirtuosoServer:
        self.location.mkdir(parents=True, exist_ok=True)
        ini = self.location / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(root=self.location, sql_port=self.sql_port, http_port=self.port))
        self.proc = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(ini)],
            cwd=self.location,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.proc, seconds=120)
        self._wait_until_answering()
        subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return self

    def _wait_until_answering(self, seconds: float = 120) -> None:
        """The HTTP port opens before the SPARQL service is ready: wait for an answer to ASK."""
        url = self.query_url + "?query=ASK%7B%7D"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"{self.query_url}: no answer")


class Proxy(http.server.ThreadingHTTPServer):
    """Forwards every request to a server on loopback, except those ``intercept`` answers:
    it sees (method, path with query, body) and returns an HTTP status to answer instead, or
    None to forward.  A server gone meanwhile gets the client hung up on, without an answer."""

    def __init__(self, upstream_port: int, intercept=lambda method, path, body: None):
        self.upstream_port, self.intercept = upstream_port, intercept
        super().__init__(("127.0.0.1", free_port()), _Forward)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Forward(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _forward(self) -> None:
        proxy: Proxy = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = proxy.intercept(self.command, self.path, body)
        headers = {"Content-Type": "text/plain"}
        data = b"refused by the test proxy\n"
        if status is None:
            url = f"http://127.0.0.1:{proxy.upstream_port}{self.path}"
            sent = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(url, body or None, sent, method=self.command)
                ) as r:
                    status, answer, data = r.status, r.headers, r.read()
            except urllib.error.HTTPError as err:
                status, answer, data = err.code, err.headers, err.read()
            except OSError:
                self.close_connection = True  # the server is gone: hang up without an answer
                return
            headers = {k: answer[k] for k in ("Content-Type", "Server") if answer.get(k)}
        self.send_response_only(status)  # the upstream's Server header, not ours
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward
