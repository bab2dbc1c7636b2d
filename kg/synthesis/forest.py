"""Forest plots as inline SVG: ratios with their intervals on a log axis, one line each, and
pooled estimates as diamonds; for the web pages (kg.web.pages) and ``ctkg meta``
(kg.synthesis.plot) alike.

Drawn on the server so a page needs no script to show them, the figures are real text (a
reader can select and search them) and a static copy of the site shows the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from kg.figures import number, ratio_text

_TICKS = (0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10, 20)
_ROW = 30
_LABEL_W = 340
_PLOT_W = 320
_TEXT_W = 190
_TOP = 34
_BOTTOM = 58


@dataclass(frozen=True)
class Line:
    """One line of a plot: what is compared, the ratio and its interval, and where it links."""

    label: str
    detail: str
    estimate: Decimal
    lower: Decimal
    upper: Decimal
    level: object = None
    href: str | None = None


def _bounds(lines: list[Line]) -> tuple[float, float]:
    low = min([1.0] + [float(x.lower) for x in lines])
    high = max([1.0] + [float(x.upper) for x in lines])
    low = max(max(t for t in _TICKS if t <= low) if low >= _TICKS[0] else low, 1e-3)
    high = min(t for t in _TICKS if t >= high) if high <= _TICKS[-1] else high
    if high / low < 2.5:
        low, high = min(low, 0.5), max(high, 1.5)
    return low, high


def _fit(text: str, width: float) -> str:
    """The text, cut with an ellipsis where it would run into the plot (about 6.3 px a character at 13 px)."""
    room = max(int(width / 6.3), 4)
    return text if len(text) <= room else text[: room - 1].rstrip() + "\u2026"


def _diamond(line: Line, mid: float, x) -> str:
    """A pooled estimate: a diamond spanning its interval, its widest point at the estimate."""
    lo, hi, est = x(float(line.lower)), x(float(line.upper)), x(float(line.estimate))
    points = f"{lo:.1f},{mid:.1f} {est:.1f},{mid - 7:.1f} {hi:.1f},{mid:.1f} {est:.1f},{mid + 7:.1f}"
    return f'<polygon class="pooled" points="{points}" fill="#b03a2e" stroke="#7b241c"/>'


def forest_svg(lines: list[Line], statistic: str = "HR", caption: str = "", pooled: list[Line] = ()) -> str:
    """The plot as an ``<svg>`` element; ``statistic`` names the ratio in the header; ``pooled``
    estimates (a meta-analysis) follow the lines, each drawn as a diamond."""
    study_lines = len(lines)
    lines = [*lines, *pooled]
    low, high = _bounds(lines)
    span = math.log(high) - math.log(low)

    def x(v: float) -> float:
        return _LABEL_W + (math.log(min(max(v, low), high)) - math.log(low)) / span * _PLOT_W

    height = _TOP + _ROW * len(lines) + _BOTTOM
    width = _LABEL_W + _PLOT_W + _TEXT_W
    axis_y = _TOP + _ROW * len(lines) + 6
    out = [
        f'<svg class="forest" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="13">',
        f"<title>{escape(caption or 'Forest plot')}</title>",
        '<text x="0" y="18" font-weight="600">Comparison</text>',
        f'<text x="{_LABEL_W + _PLOT_W / 2:.1f}" y="18" text-anchor="middle" font-weight="600">'
        f"{escape(statistic)} (log scale)</text>",
        f'<text x="{width - _TEXT_W + 12}" y="18" font-weight="600">{escape(statistic)} (CI)</text>',
    ]
    one = x(1.0)
    out.append(
        f'<line x1="{one:.1f}" y1="{_TOP - 6}" x2="{one:.1f}" y2="{axis_y}" stroke="#555" stroke-dasharray="3 3"/>'
    )
    for i, line in enumerate(lines):
        mid = _TOP + _ROW * i + _ROW / 2
        if i % 2 == 0:
            out.append(
                f'<rect x="0" y="{mid - _ROW / 2:.1f}" width="{width}" height="{_ROW}" fill="#f4f6f8"/>'
            )
        detail = _fit(line.detail, _LABEL_W - 12 - len(line.label) * 7.6) if line.detail else ""
        label = f'<tspan font-weight="600">{escape(line.label)}</tspan>'
        if detail:
            label += f'<tspan fill="#444"> {escape(detail)}</tspan>'
        full = f"{line.label} {line.detail}".strip()
        text = f'<text x="4" y="{mid + 4:.1f}"><title>{escape(full)}</title>{label}</text>'
        out.append(f'<a href="{escape(line.href)}">{text}</a>' if line.href else text)
        lo, hi, est = x(float(line.lower)), x(float(line.upper)), x(float(line.estimate))
        if i >= study_lines:
            out.append(_diamond(line, mid, x))
        else:
            out.append(
                f'<line x1="{lo:.1f}" y1="{mid:.1f}" x2="{hi:.1f}" y2="{mid:.1f}" stroke="#1f4e79" stroke-width="2"/>'
            )
            for end in (lo, hi):
                out.append(
                    f'<line x1="{end:.1f}" y1="{mid - 5:.1f}" x2="{end:.1f}" y2="{mid + 5:.1f}" stroke="#1f4e79" stroke-width="2"/>'
                )
            out.append(f'<rect x="{est - 5:.1f}" y="{mid - 5:.1f}" width="10" height="10" fill="#1f4e79"/>')
        level = f" {number(line.level)}%" if line.level is not None and number(line.level) != "95" else ""
        out.append(
            f'<text class="ratio" x="{width - _TEXT_W + 12}" y="{mid + 4:.1f}">'
            f"{escape(ratio_text(line.estimate, line.lower, line.upper))}{escape(level)}</text>"
        )
    out.append(f'<line x1="{_LABEL_W}" y1="{axis_y}" x2="{_LABEL_W + _PLOT_W}" y2="{axis_y}" stroke="#333"/>')
    last = -1e9
    for t in _TICKS:
        if low <= t <= high and x(t) - last >= 26:  # no crowded labels (0.2 next to 0.25)
            last = x(t)
            out.append(
                f'<line x1="{x(t):.1f}" y1="{axis_y}" x2="{x(t):.1f}" y2="{axis_y + 5}" stroke="#333"/>'
            )
            out.append(
                f'<text x="{x(t):.1f}" y="{axis_y + 18}" text-anchor="middle" font-size="11">{t:g}</text>'
            )
    favours = axis_y + 38
    out.append(
        f'<text x="{one - 6:.1f}" y="{favours}" text-anchor="end" font-size="11" fill="#444">\u2190 favours experimental arm</text>'
    )
    out.append(
        f'<text x="{one + 6:.1f}" y="{favours}" font-size="11" fill="#444">favours comparator \u2192</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
