"""What ``ctkg serve`` refuses to hand the engine: queries too long or nested too deep to be
anything but an attack (5,000 nested parentheses overflow the engine's stack), and SERVICE
calls, which would make the server send requests to any address a client names (SSRF),
unless the endpoint is on the allow-list the server was started with.

The query is read as the engine reads it: SPARQL's ``\\uXXXX`` escapes are decoded first
(``\\u0053ERVICE`` is SERVICE), and strings, comments and IRIs are set aside before
keywords and brackets are looked at, so a parenthesis in a string or ``SERVICE`` in an IRI
counts for nothing.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 200_000
MAX_NESTING = 64  # the bundled queries nest 6 deep
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SET_ASIDE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*|<[^<>"{}|^`\\\s]*>',
    re.S,
)
_BRACKET = re.compile(r"[(){}\[\]]")
_SERVICE = re.compile(r"(?i)(?<![\w:?$])SERVICE\s+(?:SILENT\s+)?(\S+)")


def _unescaped(text: str) -> str:
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 else m.group()

    return _ESCAPE.sub(char, text)


def _set_aside(text: str) -> tuple[str, list[str]]:
    """The query with strings and comments blanked and each IRI replaced by ``<n>``."""
    iris: list[str] = []

    def keep(m: re.Match) -> str:
        token = m.group()
        if token.startswith("<"):
            iris.append(token[1:-1])
            return f"<{len(iris) - 1}>"
        return " "

    return _SET_ASIDE.sub(keep, text), iris


def _nesting(text: str) -> int:
    depth = deepest = 0
    for m in _BRACKET.finditer(text):
        depth += 1 if m.group() in "({[" else -1
        deepest = max(deepest, depth)
    return deepest


def refusal(text: str, allowed_services: frozenset[str] = frozenset()) -> str | None:
    """Why the query is refused, or None to run it."""
    if len(text) > MAX_QUERY_CHARS:
        return f"the query has {len(text):,} characters; at most {MAX_QUERY_CHARS:,} are taken"
    plain, iris = _set_aside(_unescaped(text))
    depth = _nesting(plain)
    if depth > MAX_NESTING:
        return f"the query nests brackets {depth:,} deep; at most {MAX_NESTING} are taken"
    for m in _SERVICE.finditer(plain):
        target = m.group(1)
        iri = iris[int(target[1:-1])] if re.fullmatch(r"<\d+>", target) else None
        if iri is None or iri not in allowed_services:
            named = f"<{iri}>" if iri is not None else target
            return (
                f"SERVICE {named} is not allowed here (a server calls only the endpoints it was started with)"
            )
    return None
