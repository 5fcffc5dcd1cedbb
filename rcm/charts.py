"""Charts drawn on the server as SVG, for every app's pages.

The builders return markup that the site's Content-Security-Policy accepts: no inline style and
no script; colours come from classes in static/css/charts.css, and patterns, markers and value
labels tell the series apart without colour. Every chart also comes with its numbers as a table
(templates/agreements/_chart.html).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Chart:
    """A chart ready for templates/agreements/_chart.html: the SVG and its data as a table."""

    title: str
    description: str
    svg: SafeString
    row_header: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]

    @classmethod
    def drawn(
        cls,
        draw,
        *,
        title: str,
        description: str,
        row_header: str,
        columns: list[str],
        rows: list[tuple[str, list]],
        **drawing,
    ) -> Chart:
        """The chart whose SVG `draw` (one of the builders below) makes from the same title and
        description, and from `drawing`: its categories, series and options."""
        return cls(
            title=title,
            description=description,
            svg=draw(title=title, description=description, **drawing),
            row_header=row_header,
            columns=columns,
            rows=rows,
        )

    @property
    def scrolls(self) -> bool:
        """Drawn wider than a phone: its box scrolls sideways and takes the keyboard focus."""
        return "chart-min-" in self.svg.partition(">")[0]


# --- SVG ---------------------------------------------------------------------------------------

# Charts are drawn at their viewBox size, one unit one CSS pixel, never scaled to their box: the
# text is FONT px whether the chart has two bars or thirty (a wider chart scrolls in its box).
FONT = 13  # px
CHAR = 7.5  # a generous average width of a character at FONT
MIN_WIDTH = 340  # fits a 375 px screen, less the page's margins
MAX_WIDTH = 1200
WIDTH_STEP = 120  # wider charts get a min-width class (charts.css) and scroll sideways
PATTERNS = ("", "diagonal", "dots", "horizontal", "crosshatch", "vertical")


def _n(value: float) -> str:
    """A coordinate, short."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _prefix(title: str, description: str, chart_id: str | None) -> str:
    if chart_id:
        return slugify(chart_id) or "chart"
    digest = hashlib.sha1(f"{title}\n{description}".encode()).hexdigest()[:8]
    return f"chart-{slugify(title)[:30]}-{digest}".replace("--", "-")


def _nice_step(maximum: int, ticks: int = 4) -> int:
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return max(1, int(factor * magnitude))
    return int(10 * magnitude)


def _axis_max(maximum: int) -> tuple[int, int]:
    step = _nice_step(maximum)
    top = max(step, math.ceil(maximum / step) * step)
    return top, step


def _truncate(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(1, chars - 1)] + "…"


def _width_class(width: float) -> str:
    if width <= MIN_WIDTH:
        return ""
    bucket = min(MAX_WIDTH, math.ceil(width / WIDTH_STEP) * WIDTH_STEP)
    return f" chart-min-{bucket}"


class _Svg:
    """Collects the parts of one chart; every text goes through escape()."""

    def __init__(self, *, title: str, description: str, chart_id: str | None, kind: str):
        self.prefix = _prefix(title, description, chart_id)
        self.title = title
        self.description = description
        self.kind = kind
        self.defs: list[str] = []
        self.body: list[str] = []

    def pattern(self, index: int) -> str:
        """The id of the overlay pattern for a series (none for the first), defined once."""
        name = PATTERNS[index % len(PATTERNS)]
        if not name:
            return ""
        pattern_id = f"{self.prefix}-{name}"
        if any(f'id="{pattern_id}"' in part for part in self.defs):
            return pattern_id
        shapes = {
            "diagonal": '<path class="chart-hatch" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"/>',
            "dots": '<circle class="chart-dot" cx="4" cy="4" r="1.6"/>',
            "horizontal": '<path class="chart-hatch" d="M0,4 h8"/>',
            "crosshatch": '<path class="chart-hatch" d="M0,0 l8,8 M8,0 l-8,8"/>',
            "vertical": '<path class="chart-hatch" d="M4,0 v8"/>',
        }[name]
        self.defs.append(
            f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f"{shapes}</pattern>"
        )
        return pattern_id

    def rect(self, x, y, width, height, css: str, pattern: str = "", tip: str = "") -> None:
        box = f'x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}"'
        tip_markup = f"<title>{escape(tip)}</title>" if tip else ""
        self.body.append(f'<rect class="chart-bar {escape(css)}" {box}>{tip_markup}</rect>')
        if pattern:
            self.body.append(f'<rect class="chart-pattern" {box} fill="url(#{pattern})"/>')

    def text(self, x, y, text: str, css: str = "chart-label", anchor: str = "start", **attrs):
        extra = "".join(
            f' {key.replace("_", "-")}="{escape(value)}"' for key, value in attrs.items()
        )
        self.body.append(
            f'<text class="{css}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" '
            f'font-size="{FONT}"{extra}>{escape(text)}</text>'
        )

    def line(self, x1, y1, x2, y2, css: str) -> None:
        self.body.append(
            f'<line class="{css}" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}"/>'
        )

    def legend(self, entries: list[tuple[str, str, str]], width: float, top: float) -> float:
        """Swatches with their labels, wrapped to the width; returns the legend's height."""
        x, y, row = 8.0, top, 18
        for label, css, pattern in entries:
            label = _truncate(label, int((width - 46) // CHAR))
            item = 16 + len(label) * CHAR + 14
            if x > 8 and x + item > width - 8:
                x, y = 8.0, y + row
            self.rect(x, y, 12, 12, f"chart-swatch {css}", pattern)
            self.text(x + 16, y + 10.5, label, "chart-legend")
            x += item
        return y + row - top

    def render(self, width: float, height: float) -> SafeString:
        title_id, desc_id = f"{self.prefix}-title", f"{self.prefix}-desc"
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        # Every text and attribute value above went through escape().
        return mark_safe(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-{self.kind}'
            f'{_width_class(width)}" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}">'
            f'<title id="{title_id}">{escape(self.title)}</title>'
            f'<desc id="{desc_id}">{escape(self.description)}</desc>'
            f"{defs}{''.join(self.body)}</svg>"
        )


def _empty(svg: _Svg) -> SafeString:
    svg.text(MIN_WIDTH / 2, 44, _("No data to show."), "chart-label chart-empty", "middle")
    return svg.render(MIN_WIDTH, 80)


def _unrecorded(svg: _Svg, *, x: float, width: float, top: float, bottom: float, category: str):
    """The mark of a category (a year) nobody recorded: a grey band across the plot, saying so
    along it, where a bar or point of 0 would claim that nothing happened."""
    label = _("not recorded")
    tip = _("%(category)s: no records") % {"category": category}
    svg.body.append(
        # The fill is also given here: a page whose stylesheet is late or stale shows a pale
        # band, not SVG's default black.
        f'<rect class="chart-unrecorded" fill="#eef1f4" x="{_n(x)}" y="{_n(top)}" '
        f'width="{_n(width)}" '
        f'height="{_n(bottom - top)}"><title>{escape(tip)}</title></rect>'
    )
    cx, cy = x + width / 2 + 4, bottom - 6
    svg.text(
        cx, cy, label, "chart-unrecorded-label", "start", transform=f"rotate(-90 {_n(cx)} {_n(cy)})"
    )


def _y_axis(svg: _Svg, *, left, right, top, bottom, axis_max, step) -> None:
    plot_height = bottom - top
    for value in range(0, axis_max + 1, step):
        y = bottom - plot_height * value / axis_max
        svg.line(left, y, right, y, "chart-grid" if value else "chart-axis")
        svg.text(left - 6, y + 4, str(value), "chart-tick", "end")


def _x_labels(svg: _Svg, categories, centres, *, bottom, slot) -> float:
    """Category labels under the plot, turned when they do not fit; returns the space used."""
    longest = max(len(category) for category in categories)
    needed = longest * CHAR + 6  # a label and a gap to the next
    if needed <= slot:
        for category, x in zip(categories, centres, strict=True):
            svg.text(x, bottom + 16, category, "chart-tick", "middle")
        return 24
    if longest <= 4:
        # Years: every second (third …) one, level, rather than turned; the table has them all.
        every = math.ceil(needed / slot)
        for index, (category, x) in enumerate(zip(categories, centres, strict=True)):
            if index % every == 0:
                svg.text(x, bottom + 16, category, "chart-tick", "middle")
        return 24
    for category, x in zip(categories, centres, strict=True):
        label = _truncate(category, 18)
        svg.text(
            x,
            bottom + 14,
            label,
            "chart-tick",
            "end",
            transform=f"rotate(-45 {_n(x)} {_n(bottom + 14)})",
        )
    return 14 + min(longest, 18) * CHAR * 0.72


def bar_chart_svg(
    *,
    title: str,
    description: str,
    categories: list[str],
    series: list[tuple[str, list[int], str]],
    stacked: bool = True,
    chart_id: str | None = None,
) -> SafeString:
    """Vertical bars, one group per category; series = (label, values, css_class).

    Stacked bars carry each part's value inside it when there is room and the total on top;
    side-by-side bars carry their value on top. A category whose values are all None is one
    nobody recorded: a grey band says "not recorded" where bars of 0 would say nothing happened.
    """
    svg = _Svg(title=title, description=description, chart_id=chart_id, kind="bar")
    if not categories or not series or not any(any(values) for _l, values, _c in series):
        return _empty(svg)
    patterns = [svg.pattern(index) for index in range(len(series))]
    unrecorded = {
        i for i in range(len(categories)) if all(values[i] is None for _l, values, _c in series)
    }
    if stacked:
        totals = [sum(values[i] or 0 for _l, values, _c in series) for i in range(len(categories))]
        maximum = max(totals)
        slot = 38.0
    else:
        maximum = max(max(value or 0 for value in values) for _l, values, _c in series)
        slot = max(38.0, 16.0 * len(series) + 12)
    axis_max, step = _axis_max(maximum)
    left = 14 + len(str(axis_max)) * CHAR
    width = max(MIN_WIDTH, left + slot * len(categories) + 12)
    # The legend stays within what a phone shows first, however wide the chart scrolls.
    legend_height = svg.legend(
        [(label, css, patterns[i]) for i, (label, _v, css) in enumerate(series)], MIN_WIDTH, 8
    )
    top = 8 + legend_height + 14
    plot_height = 200.0
    bottom = top + plot_height
    plot_left = left
    plot_right = width - 12
    slot = (plot_right - plot_left) / len(categories)
    _y_axis(
        svg, left=plot_left, right=plot_right, top=top, bottom=bottom, axis_max=axis_max, step=step
    )
    centres = []
    for i, category in enumerate(categories):
        x0 = plot_left + slot * i
        centres.append(x0 + slot / 2)
        if i in unrecorded:
            _unrecorded(svg, x=x0, width=slot, top=top, bottom=bottom, category=category)
            continue
        if stacked:
            bar_width = min(slot * 0.7, 40)
            x = x0 + (slot - bar_width) / 2
            y = bottom
            for index, (label, values, css) in enumerate(series):
                value = values[i]
                if not value:
                    continue
                height = plot_height * value / axis_max
                y -= height
                svg.rect(
                    x, y, bar_width, height, css, patterns[index], f"{category} – {label}: {value}"
                )
                if height >= FONT + 2 and len(str(value)) * CHAR <= bar_width:
                    svg.text(
                        x + bar_width / 2,
                        y + height / 2 + 4,
                        str(value),
                        "chart-value-inside",
                        "middle",
                    )
            svg.text(x + bar_width / 2, y - 4, str(totals[i]), "chart-value", "middle")
        else:
            bar_width = min((slot - 10) / len(series), 28)
            x = x0 + (slot - bar_width * len(series)) / 2
            for index, (label, values, css) in enumerate(series):
                value = values[i] or 0
                height = plot_height * value / axis_max
                bx = x + bar_width * index
                if value:
                    svg.rect(
                        bx,
                        bottom - height,
                        bar_width,
                        height,
                        css,
                        patterns[index],
                        f"{category} – {label}: {value}",
                    )
                svg.text(
                    bx + bar_width / 2, bottom - height - 4, str(value), "chart-value", "middle"
                )
    used = _x_labels(svg, categories, centres, bottom=bottom, slot=slot)
    return svg.render(width, bottom + used + 8)


def horizontal_bar_svg(
    *,
    title: str,
    description: str,
    categories: list[str],
    values: list[int],
    css_class: str = "series-overdue",
    chart_id: str | None = None,
) -> SafeString:
    """One bar per category (a country), longest first as given, each with its value."""
    svg = _Svg(title=title, description=description, chart_id=chart_id, kind="hbar")
    if not categories or not any(values):
        return _empty(svg)
    width = float(MIN_WIDTH)
    label_chars = min(18, max(len(category) for category in categories))
    left = 8 + label_chars * CHAR + 8
    maximum = max(values)
    value_room = len(str(maximum)) * CHAR + 10
    plot_width = width - left - value_room - 8
    row, top = 26.0, 8.0
    for i, (category, value) in enumerate(zip(categories, values, strict=True)):
        y = top + row * i
        svg.text(left - 8, y + row / 2 + 4, _truncate(category, label_chars), "chart-tick", "end")
        length = plot_width * value / maximum if maximum else 0
        if value:
            svg.rect(left, y + 4, length, row - 8, css_class, tip=f"{category}: {value}")
        svg.text(left + length + 5, y + row / 2 + 4, str(value), "chart-value")
    bottom = top + row * len(categories)
    svg.line(left, top, left, bottom, "chart-axis")
    return svg.render(width, bottom + 8)
