"""The protocol's update dataset (``using-graph-uri``, ``using-named-graph-uri``) applied to an
update: pyoxigraph's update takes no dataset, so each operation that has a WHERE clause gets
the ``USING <g>`` / ``USING NAMED <g>`` clauses the parameters stand for (SPARQL 1.1 Protocol
§2.2.3: the parameters and those clauses mean the same; an update that names its own with
USING or WITH while the parameters are given is an error, 400).

The update is read as the engine reads it: strings, comments and IRIs are skipped before
keywords and braces are looked at, so ``WHERE`` in a string or an IRI counts for nothing.
"""

from __future__ import annotations

import re

_SKIP = r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*|<[^<>"{}|^`\\\s]*>'
_TOKEN = re.compile(rf"({_SKIP})|([{{}}])|(?<![\w:?$])(WHERE|DELETE|USING|WITH)(?![\w:])", re.I | re.S)


class UpdateDatasetError(ValueError):
    """The parameters cannot be applied to this update (the message says why)."""


def with_dataset(update: str, default: list[str], named: list[str]) -> str:
    """``update`` with the protocol's dataset as USING clauses before each WHERE."""
    import pyoxigraph

    if not default and not named:
        return update
    if re.search(r"\\[uU][0-9A-Fa-f]{4}", update):
        raise UpdateDatasetError("using-graph-uri with \\u escapes in the update: write the update plainly")
    try:
        clauses = [f"USING {pyoxigraph.NamedNode(g)} " for g in default]
        clauses += [f"USING NAMED {pyoxigraph.NamedNode(g)} " for g in named]
    except ValueError as err:
        raise UpdateDatasetError(f"a using-graph-uri is not an IRI: {err}") from None
    using = "".join(clauses)
    out, last, depth, previous = [], 0, 0, ""
    for m in _TOKEN.finditer(update):
        if m.group(1):
            continue
        if m.group(2):
            depth += 1 if m.group(2) == "{" else -1
            previous = m.group(2)
            continue
        keyword = m.group(3).upper()
        if depth == 0 and keyword in ("USING", "WITH"):
            raise UpdateDatasetError(f"the update has {keyword} and the request using-graph-uri: send one")
        if depth == 0 and keyword == "WHERE":
            if previous == "DELETE":
                raise UpdateDatasetError("DELETE WHERE takes no dataset; write DELETE { … } WHERE { … }")
            out.append(update[last : m.start()] + using)
            last = m.start()
        previous = keyword if depth == 0 else previous
    return "".join(out) + update[last:]
