"""An endpoint measured over a window of weeks its sentence opens on is named with the window
('For weeks 9 through 12, the 4-week continuous abstinence rates were ...' -> 'continuous
abstinence weeks 9 through 12'): the same measure over another window (weeks 9 through 52) is
another endpoint, and without the window the two would merge into one."""

from __future__ import annotations

import re

_WINDOW = r"weeks?\s+\d+\s*(?:through|to|-|–)\s*\d+"
# 'For weeks 9 through 24, ...', 'During the last 4 weeks of treatment (weeks 9-12), ...'
_OPENING_WINDOW = re.compile(
    rf"(?i)^(?:(?:for|during|through(?:out)?|over|in)\s+(?:the\s+)?(?P<window>{_WINDOW})"
    rf"|(?:for|during|over|in)\s+[^,;()]{{0,60}}\((?P<bracket>{_WINDOW})\))\s*,"
)
_RATE_WORD = re.compile(r"(?i)\s+rates?$")
_WINDOW_SUFFIX = re.compile(rf"(?i)\s+{_WINDOW}$")


def windowed(name: str, sentence: str) -> str:
    """The endpoint's name with the window of weeks its sentence opens on, if any and if the
    name does not already say its weeks; a trailing 'rate' is the statistic's word, not the
    endpoint's."""
    m = _OPENING_WINDOW.match(sentence)
    if m is None or re.search(r"(?i)\bweeks?\s+\d", name):
        return name
    return f"{_RATE_WORD.sub('', name)} {m.group('window') or m.group('bracket')}"


def unwindowed(name: str) -> str:
    """The measure a windowed endpoint's name holds: 'continuous abstinence' for 'continuous
    abstinence weeks 9 through 12' (its windows are one measure's landmarks)."""
    return _WINDOW_SUFFIX.sub("", name)
