"""Reading untrusted JSON and XML files into Python objects without crashing or misreading.

Python's readers trust their input in ways a build must not: ``json`` accepts ``NaN`` and
``Infinity`` (not JSON), keeps the last of two equal keys, turns ``1e309`` into infinity,
recurses once per nesting level (a file 5,000 levels deep raises ``RecursionError``), and
lets a ``\\ud800`` escape through as a lone surrogate that fails much later, far from the file.
ElementTree raises ``LookupError``/``ValueError`` for an encoding declaration it cannot
use.  Each of these becomes a ``SourceError`` naming the file (and the line where it can be
told), so the parsers only ever see a sound tree.  Size, nesting and number length are
bounded far above anything a registry or PubMed publishes.
"""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from kg.sources.errors import SourceError

MAX_BYTES = 64 << 20  # the largest ClinicalTrials.gov search page we keep is 2.5 MB
MAX_DEPTH = 100  # registry JSON nests about 10 deep
MAX_DIGITS = 40  # a count or a figure; longer is not a number anyone published
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(rb"[\[\]{}]")
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]{0,200}?encoding\s*=\s*["']([^"']{0,100})["']""")


class _Refused(ValueError):
    """A token the JSON reader met that the file must not hold; ``token`` finds its line."""

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


def _check_size(path: str, raw: bytes) -> None:
    if len(raw) > MAX_BYTES:
        raise SourceError(path, f"{len(raw):,} bytes: larger than any record ({MAX_BYTES:,} at most)")


def _line_of(text: str, token: str) -> int | None:
    at = text.find(token)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _depth(raw: bytes) -> tuple[int, int]:
    """(deepest nesting of arrays and objects, byte offset where it is first reached),
    strings left out; one pass, no recursion."""
    depth = deepest = where = 0
    for m in _BRACKET.finditer(_STRING.sub(lambda s: b"." * len(s.group()), raw)):
        depth += 1 if m.group() in b"[{" else -1
        if depth > deepest:
            deepest, where = depth, m.start()
    return deepest, where


def _number(kind: type):
    def parse(token: str):
        if len(token.lstrip("-").replace(".", "")) > MAX_DIGITS:
            raise _Refused(f"a number of {len(token):,} characters (at most {MAX_DIGITS})", token)
        value = kind(token)
        if isinstance(value, float) and not math.isfinite(value):
            raise _Refused(f"the number {token} is out of range", token)
        return value

    return parse


def _constant(token: str):
    raise _Refused(f"{token} is not a JSON number (a value that was not published as a number)", token)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out and out[key] != value:
            raise _Refused(
                f"the key {key!r} appears twice in one object with different values"
                f" ({str(out[key])[:60]!r} and {str(value)[:60]!r}): which one holds cannot be told",
                f'"{key}"',
            )
        out[key] = value
    return out


def load_json(path: str, raw: bytes) -> Any:
    """The JSON value of a file, or a ``SourceError`` saying what is wrong and where."""
    _check_size(path, raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(path, f"not UTF-8 text (byte {err.start})") from None
    depth, at = _depth(raw)
    if depth > MAX_DEPTH:
        line = raw.count(b"\n", 0, at) + 1
        raise SourceError(path, f"not a record: nested {depth:,} deep (at most {MAX_DEPTH})", line)
    if m := _LONE_SURROGATE.search(text):
        raise SourceError(
            path, f"the escape {m.group()} is half a character (a lone surrogate)", _line_of(text, m.group())
        )
    try:
        return json.loads(
            text,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_constant,
            object_pairs_hook=_pairs,
        )
    except json.JSONDecodeError as err:
        raise SourceError(path, f"not valid JSON: {err.msg}", err.lineno) from None
    except _Refused as err:
        raise SourceError(path, f"not read: {err}", _line_of(text, err.token)) from None


def parse_xml(path: str, raw: bytes) -> ET.Element:
    """The root element; a malformed file raises ElementTree's ``ParseError`` as before, an
    encoding the file declares but that cannot be used a ``SourceError``."""
    _check_size(path, raw)
    _check_encoding(path, raw)
    try:
        return ET.fromstring(raw)
    except (LookupError, ValueError) as err:  # expat's own encoding refusals
        raise SourceError(path, f"XML that cannot be decoded: {err}", 1) from None


def _check_encoding(path: str, raw: bytes) -> None:
    import codecs

    m = _XML_ENCODING.match(raw)
    if not m:
        return
    name = m.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        raise SourceError(path, f"the XML declares an unknown encoding {name[:60]!r}", 1) from None


def xml_root_name(path: Path, raw: bytes | None = None) -> str:
    """The root element's name, read up to the root however long the prolog (comments,
    DOCTYPE), without reading the rest; a file that breaks before its root raises."""
    parser = ET.XMLPullParser(events=("start",))
    raw = path.read_bytes() if raw is None else raw
    _check_encoding(str(path), raw)
    try:
        for start in range(0, len(raw), 1 << 16):
            parser.feed(raw[start : start + (1 << 16)])
            for _event, element in parser.read_events():
                return element.tag
        parser.close()
    except ET.ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else None
        raise SourceError(str(path), f"malformed XML: {err}", line) from None
    except (LookupError, ValueError) as err:
        raise SourceError(str(path), f"XML that cannot be decoded: {err}", 1) from None
    return "?"
