"""Line charts drawn on the server as SVG (rcm.charts has the shared parts): a series per line,
each with its own marker and dash, so that they tell apart without colour."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString

from rcm.charts import (
    CHAR,
    FONT,
    MIN_WIDTH,
    _axis_max,
    _empty,
    _n,
    _Svg,
    _truncate,
    _unrecorded,
    _x_labels,
    _y_axis,
)

MARKERS = ("circle", "square", "triangle", "diamond", "cross")


def _marker(svg: _Svg, index: int, x: float, y: float, css: str, tip: str) -> None:
    shape = MARKERS[index % len(MARKERS)]
    tip_markup = f"<title>{escape(tip)}</title>"
    cls = f'class="chart-marker {escape(css)}"'
    if shape == "circle":
        element = f'<circle {cls} cx="{_n(x)}" cy="{_n(y)}" r="4">{tip_markup}</circle>'
    elif shape == "square":
        element = (
            f'<rect {cls} x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8">{tip_markup}</rect>'
        )
    else:
        points = {
            "triangle": [(0, -5), (4.5, 3.5), (-4.5, 3.5)],
            "diamond": [(0, -5), (5, 0), (0, 5), (-5, 0)],
            "cross": [(-1.5, -5), (1.5, -5), (1.5, -1.5), (5, -1.5), (5, 1.5), (1.5, 1.5), (1.5, 5),
                      (-1.5, 5), (-1.5, 1.5), (-5, 1.5), (-5, -1.5), (-1.5, -1.5)],
        }[shape]  # fmt: skip
        coordinates = " ".join(f"{_n(x + dx)},{_n(y + dy)}" for dx, dy in points)
        element = f'<polygon {cls} points="{coordinates}">{tip_markup}</polygon>'
    svg.body.append(element)


def line_chart_svg(
    *,
    title: str,
    description: str,
    categories: list[str],
    series: list[tuple[str, list[int], str]],
    chart_id: str | None = None,
) -> SafeString:
    """One line per series over the categories (years); series = (label, values, css_class).

    Lines differ by colour, dash and marker shape; each point carries its value where it does
    not collide with another line's. A value of None is a category nobody recorded: the lines
    break there and a grey band says "not recorded" (0 would say nothing happened).
    """
    svg = _Svg(title=title, description=description, chart_id=chart_id, kind="line")
    if not categories or not series or not any(any(values) for _l, values, _c in series):
        return _empty(svg)
    maximum = max(max(value or 0 for value in values) for _l, values, _c in series)
    axis_max, step = _axis_max(maximum)
    left = 14 + len(str(axis_max)) * CHAR
    slot = 38.0
    width = max(MIN_WIDTH, left + slot * len(categories) + 20)
    legend = []
    for index, (label, _values, css) in enumerate(series):
        legend.append((label, f"{css} chart-dash-{index % 4}", ""))
    legend_height = _line_legend(svg, legend, MIN_WIDTH)
    top = 8 + legend_height + 14
    plot_height = 200.0
    bottom = top + plot_height
    plot_right = width - 20
    slot = (plot_right - left) / len(categories)
    _y_axis(svg, left=left, right=plot_right, top=top, bottom=bottom, axis_max=axis_max, step=step)
    centres = [left + slot * i + slot / 2 for i in range(len(categories))]
    unrecorded = {
        i for i in range(len(categories)) if all(values[i] is None for _l, values, _c in series)
    }
    for i in sorted(unrecorded):
        _unrecorded(
            svg, x=left + slot * i, width=slot, top=top, bottom=bottom, category=categories[i]
        )
    lines = []
    for index, (label, values, css) in enumerate(series):
        points = [
            None if value is None else (x, bottom - plot_height * value / axis_max)
            for x, value in zip(centres, values, strict=True)
        ]
        lines.append((index, label, values, css, points))
        for stretch in _stretches(points):
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in stretch)
            svg.body.append(
                f'<polyline class="chart-line {escape(css)} chart-dash-{index % 4}" '
                f'points="{path}"/>'
            )
    for index, label, values, css, points in lines:
        for i, point in enumerate(points):
            if point:
                x, y = point
                _marker(svg, index, x, y, css, f"{categories[i]} – {label}: {values[i]}")
    # A value goes above its point, else below it; where both places are taken by the values of
    # other lines, or would cover another line's marker, it is left out of the picture (the
    # point's tooltip and the table keep it).
    placed: dict[int, list[float]] = {}
    for _index, _label, values, _css, points in lines:
        for i, point in enumerate(points):
            if not point:
                continue
            x, y = point
            taken = placed.setdefault(i, [])
            markers = [other[i][1] for *_rest, other in lines if other[i] and other[i] != point]
            for candidate in (y - 8, y + 17):
                # The text's baseline is `candidate`: it covers about a FONT above it.
                clear_of_markers = all(
                    not candidate - FONT - 4 < marker < candidate + 4 for marker in markers
                )
                if clear_of_markers and all(abs(candidate - other) >= FONT for other in taken):
                    taken.append(candidate)
                    svg.text(x, candidate, str(values[i]), "chart-value", "middle")
                    break
    used = _x_labels(svg, categories, centres, bottom=bottom, slot=slot)
    return svg.render(width, bottom + used + 8)


def _stretches(points: list) -> list[list[tuple[float, float]]]:
    """The runs of points between the gaps (None) of a line."""
    stretches: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if stretches[-1]:
                stretches.append([])
        else:
            stretches[-1].append(point)
    return [stretch for stretch in stretches if stretch]


def _line_legend(svg: _Svg, entries: list[tuple[str, str, str]], width: float) -> float:
    """A short stretch of each line, with its marker, and its label."""
    x, y, row = 8.0, 8.0, 18
    for index, (label, css, _pattern) in enumerate(entries):
        label = _truncate(label, int((width - 60) // CHAR))
        item = 30 + len(label) * CHAR + 14
        if x > 8 and x + item > width - 8:
            x, y = 8.0, y + row
        svg.body.append(
            f'<line class="chart-line {escape(css)}" x1="{_n(x)}" y1="{_n(y + 6)}" '
            f'x2="{_n(x + 24)}" y2="{_n(y + 6)}"/>'
        )
        _marker(svg, index, x + 12, y + 6, css.split()[0], label)
        svg.text(x + 30, y + 10.5, label, "chart-legend")
        x += item
    return y + row - 8
