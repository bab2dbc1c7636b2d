"""A progress line on standard error: documents read (of those expected), documents per second, time left."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def stderr_line(text: str) -> None:
    """Redraw one line on a terminal; elsewhere (logs, CI) print it as a line of its own."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{text}")
        sys.stderr.flush()
    else:
        print(text, file=sys.stderr)


class Progress:
    """Calls ``say`` with a progress line at most every ``every`` seconds, and at the end."""

    def __init__(self, total: int, say: Callable[[str], None], every: float | None = None) -> None:
        self.total, self.say = total, say
        self.every = every if every is not None else (0.2 if sys.stderr.isatty() else 5.0)
        self.start = self.last = time.monotonic()
        self.files = self.documents = 0

    def advance(self, files: int, documents: int) -> None:
        self.files += files
        self.documents += documents
        now = time.monotonic()
        if now - self.last >= self.every or self.files == self.total:
            self.last = now
            self.say(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        width = 30
        filled = int(width * self.files / self.total) if self.total else width
        left = (self.total - self.files) * elapsed / self.files if self.files else 0.0
        eta = f"{int(left // 60)}:{int(left % 60):02d}"
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.files:,}/{self.total:,} documents"
            f"  {self.documents / elapsed:,.0f} documents/s  ETA {eta}"
        )

    def finish(self) -> None:
        """End the redrawn line, so what is printed next starts on a line of its own."""
        if self.say is stderr_line and sys.stderr.isatty():
            sys.stderr.write("\n")
