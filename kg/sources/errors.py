"""The one error type every source parser raises, so the CLI can name file and line."""

from __future__ import annotations

from pydantic import ValidationError


class SourceError(ValueError):
    """Input that cannot be read faithfully: names the file, the line when known, the problem."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.line, self.problem = path, line, message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # build workers send errors back to the parent process pickled
        return (SourceError, (self.path, self.problem, self.line))


def first_error(err: Exception) -> str:
    """The first problem of a validation error, with the field it concerns."""
    if isinstance(err, ValidationError):
        e = err.errors()[0]
        where = ".".join(str(p) for p in e["loc"])
        return f"{where}: {e['msg']}" if where else e["msg"]
    return str(err)
