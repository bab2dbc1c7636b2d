"""The one accessor for files bundled with ctkg (ontology, shapes, queries, examples).

In an installed wheel the top-level folders ship inside the package as ``kg/_bundled``;
in a source checkout they sit beside the package.  Callers never care which.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SEARCH = (_PACKAGE / "_bundled", _PACKAGE.parent)


def bundled_path(folder: str, name: str = "") -> Path:
    """Path of a bundled folder (``ontology``, ``shapes``, ``queries``) or a file in it."""
    if folder == "examples":
        return _PACKAGE / "examples" / name
    for root in _SEARCH:
        candidate = root / folder
        if candidate.is_dir():
            return candidate / name if name else candidate
    raise FileNotFoundError(f"bundled folder {folder!r} not found in {[str(r) for r in _SEARCH]}")
