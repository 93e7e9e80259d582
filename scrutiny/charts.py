"""Server-side SVG charts for the Plan's measures: pure functions returning escaped, accessible
markup (``role="img"`` with a ``<title>`` and ``<desc>``). Each chart is shown beside a table of
the same figures, which is what screen readers and printouts rely on."""

from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass(frozen=True)
class Point:
    label: str
    value: Decimal


def plain_number(value) -> str:
    """``76.5`` for 76.50, ``100`` for 100.00: a figure as a person writes it."""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scale(points: list[Point], target) -> tuple[float, float]:
    values = [float(p.value) for p in points]
    if target is not None:
        values.append(float(target))
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 1
    return low, high + (high - low) * 0.1


def _frame(title: str, description: str, body: list[str], chart_id: str) -> str:
    name = escape(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="opcc-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="arial, sans-serif" '
        f'aria-labelledby="{name}-title {name}-desc">'
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _axes(low: float, high: float, points: list[Point], x_of) -> list[str]:
    plot_bottom = HEIGHT - BOTTOM
    parts = [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{plot_bottom}" stroke="#0b0c0c"/>',
        f'<line x1="{LEFT}" y1="{plot_bottom}" x2="{WIDTH - RIGHT}" y2="{plot_bottom}" '
        f'stroke="#0b0c0c"/>',
    ]
    for fraction in (0, 0.5, 1):
        value = low + (high - low) * fraction
        y = plot_bottom - (plot_bottom - TOP) * fraction
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12">'
            f"{escape(plain_number(round(Decimal(value), 1)))}</text>"
        )
    for index, point in enumerate(points):
        parts.append(
            f'<text x="{x_of(index):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'font-size="12">{escape(point.label)}</text>'
        )
    return parts


def _y(value, low: float, high: float) -> float:
    plot_bottom = HEIGHT - BOTTOM
    return plot_bottom - (plot_bottom - TOP) * (float(value) - low) / (high - low)


def _target_line(target, low: float, high: float) -> list[str]:
    if target is None:
        return []
    y = _y(target, low, high)
    return [
        f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#d4351c" '
        f'stroke-dasharray="6 4"/>',
        f'<text x="{WIDTH - RIGHT}" y="{y - 4:.1f}" text-anchor="end" font-size="12" '
        f'fill="#d4351c">Target {escape(plain_number(target))}</text>',
    ]


def _description(points: list[Point], target, unit: str) -> str:
    figures = "; ".join(f"{p.label}: {plain_number(p.value)}{unit}" for p in points)
    aim = f" Target {plain_number(target)}{unit}." if target is not None else ""
    return f"{figures}.{aim}" if points else "No figures yet."


def line_chart(
    title: str, points: list[Point], *, target=None, unit: str = "", chart_id: str = "chart"
) -> str:
    """A line chart of ``points`` in order, with the target as a dashed line."""
    if not points:
        return _frame(title, "No figures yet.", [], chart_id)
    low, high = _scale(points, target)
    step = (WIDTH - LEFT - RIGHT) / max(len(points), 1)

    def x_of(index):
        return LEFT + step * (index + 0.5)

    coordinates = " ".join(
        f"{x_of(i):.1f},{_y(p.value, low, high):.1f}" for i, p in enumerate(points)
    )
    body = [
        *_axes(low, high, points, x_of),
        *_target_line(target, low, high),
        f'<polyline points="{coordinates}" fill="none" stroke="#1d70b8" stroke-width="3"/>',
        *(
            f'<circle cx="{x_of(i):.1f}" cy="{_y(p.value, low, high):.1f}" r="4" fill="#1d70b8"/>'
            for i, p in enumerate(points)
        ),
    ]
    return _frame(title, _description(points, target, unit), body, chart_id)


def bar_chart(
    title: str, points: list[Point], *, target=None, unit: str = "", chart_id: str = "chart"
) -> str:
    """A bar chart of ``points`` in order, with the target as a dashed line."""
    if not points:
        return _frame(title, "No figures yet.", [], chart_id)
    low, high = _scale(points, target)
    step = (WIDTH - LEFT - RIGHT) / len(points)
    zero = _y(0, low, high)

    def x_of(index):
        return LEFT + step * (index + 0.5)

    bars = []
    for index, point in enumerate(points):
        y = _y(point.value, low, high)
        top, height = min(y, zero), abs(zero - y)
        bars.append(
            f'<rect x="{x_of(index) - step * 0.3:.1f}" y="{top:.1f}" width="{step * 0.6:.1f}" '
            f'height="{height:.1f}" fill="#1d70b8"/>'
        )
    body = [*_axes(low, high, points, x_of), *bars, *_target_line(target, low, high)]
    return _frame(title, _description(points, target, unit), body, chart_id)
