"""The one answer type of ``ctkg serve``: every part (protocol, worker processes, linked-data
pages) returns a ``Response``, and only ``kg.web.app`` turns it into a WSGI reply.

It is a plain dataclass so that a worker process can send it back through a pipe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

CORS = (("Access-Control-Allow-Origin", "*"),)
NOSNIFF = ("X-Content-Type-Options", "nosniff")


@dataclass
class Response:
    status: str
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    def with_headers(self, *extra: tuple[str, str]) -> Response:
        return Response(self.status, self.content_type, self.body, self.headers + tuple(extra))

    def send(self, start_response: Callable, head_only: bool = False) -> Iterable[bytes]:
        """Start the WSGI reply; the body, or nothing for a HEAD request (same headers)."""
        headers = [("Content-Type", self.content_type), ("Content-Length", str(len(self.body)))]
        start_response(self.status, [*headers, *self.headers, NOSNIFF])
        return [b""] if head_only else [self.body]


def text_response(status: str, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def timed_out(seconds: float) -> Response:
    return text_response("503 Service Unavailable", f"query timed out after {seconds:g} s")
