"""Bar charts drawn on the server as SVG, so the page and the PDF (WeasyPrint renders inline SVG)
show the same chart, and no script is needed to draw it.

Pure functions returning markup: every label is escaped. A chart is an image with a title for
screen readers; its figures are always shown in a table beside it as well
(templates/custody_visits/reports/_chart.html).
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 640
LABEL_WIDTH = 200  # room for the row labels, left of the bars
VALUE_ROOM = 60  # room for the figure printed after the longest bar
ROW_HEIGHT = 30
BAR_HEIGHT = 18
PADDING = 10
BAR_COLOUR = "#1d70b8"  # GOV.UK blue
TARGET_COLOUR = "#d4351c"  # GOV.UK red: stands apart from the bars for the target mark
TEXT_COLOUR = "#0b0c0c"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    rows: list[tuple[str, int]]
    value_label: str = "Number"
    row_label: str = ""  # the heading of the table's first column
    targets: list[int] | None = None  # one target per row, drawn as a mark across the bar

    @property
    def table_rows(self) -> list[tuple]:
        if self.targets is None:
            return [(label, value) for label, value in self.rows]
        return [
            (label, value, target)
            for (label, value), target in zip(self.rows, self.targets, strict=True)
        ]

    @property
    def svg(self) -> SafeString:
        return bar_chart_svg(self)

    @property
    def largest(self) -> int:
        """The figure the longest bar stands for: the largest value or target, at least 1."""
        targets = [t or 0 for t in self.targets or []]
        return max([value for _, value in self.rows] + targets + [1])

    @property
    def bar_rows(self) -> list[dict]:
        """For the PDF, where the chart is drawn as its table with a bar in each row: each row's
        label, figure and target, with the bar's and the target mark's length in percent."""
        targets = self.targets or [None] * len(self.rows)
        largest = self.largest
        return [
            {
                "label": label,
                "value": value,
                "target": target,
                "bar": round(100 * value / largest, 1),
                "mark": round(100 * target / largest, 1) if target else None,
            }
            for (label, value), target in zip(self.rows, targets, strict=True)
        ]


def bar_chart_svg(chart: Chart) -> SafeString:
    """A horizontal bar chart: one row per label, the bar's length to scale, its figure at its
    end, and the row's target (if any) as a red mark."""
    targets = chart.targets or [None] * len(chart.rows)
    largest = chart.largest
    scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM - PADDING) / largest
    height = PADDING * 2 + ROW_HEIGHT * max(len(chart.rows), 1)

    rows = []
    for index, ((label, value), target) in enumerate(zip(chart.rows, targets, strict=True)):
        top = PADDING + index * ROW_HEIGHT
        bar_top = top + (ROW_HEIGHT - BAR_HEIGHT) // 2
        middle = top + ROW_HEIGHT // 2 + 5
        length = round(value * scale, 1)
        rows.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}">{}</text>',
                LABEL_WIDTH - 8,
                middle,
                label,
                LABEL_WIDTH,
                bar_top,
                length,
                BAR_HEIGHT,
                BAR_COLOUR,
                LABEL_WIDTH + length + 6,
                middle,
                value,
            )
        )
        if target:
            x = round(LABEL_WIDTH + target * scale, 1)
            rows.append(
                format_html(
                    '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"></line>',
                    x,
                    top + 2,
                    x,
                    top + ROW_HEIGHT - 2,
                    TARGET_COLOUR,
                )
            )

    description = format_html_join("; ", "{}: {}", chart.rows)
    if chart.targets is not None:
        description = format_html("{}. The red marks show the targets.", description)
    # Every row above was built with format_html, which escaped each label and number.
    safe_rows = SafeString("".join(rows))  # nosec B703
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="icv-chart" role="img" '
        'aria-labelledby="{key}-title {key}-desc" viewBox="0 0 {width} {height}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" font-family="Arial, sans-serif" '
        'font-size="14" fill="{text}">'
        '<title id="{key}-title">{title}</title><desc id="{key}-desc">{description}</desc>'
        '<line x1="{label_width}" y1="{padding}" x2="{label_width}" y2="{bottom}" '
        'stroke="{text}" stroke-width="1"></line>'
        "{rows}</svg>",
        key=chart.key,
        width=WIDTH,
        height=height,
        text=TEXT_COLOUR,
        title=chart.title,
        description=description,
        label_width=LABEL_WIDTH,
        padding=PADDING,
        bottom=height - PADDING,
        rows=safe_rows,
    )


def report_charts(figures) -> list[Chart]:
    """The charts of a custody visiting report, from custody_visits.figures.VisitingFigures."""
    return [
        Chart(
            "visits-per-suite",
            "Visits per custody suite against target",
            [(suite.name, suite.visits) for suite in figures.suites],
            value_label="Visits",
            row_label="Custody suite",
            targets=[suite.target for suite in figures.suites],
        ),
        Chart(
            "times-of-day",
            "Visits by time of arrival",
            figures.times_of_day,
            "Visits",
            "Time of arrival",
        ),
        Chart("days-of-week", "Visits by day of the week", figures.days_of_week, "Visits", "Day"),
        Chart(
            "detainees",
            "Detainees in custody and what happened when visitors called",
            [
                ("In custody", figures.detainees_in_custody),
                ("Visited", figures.detainees_visited),
                ("Declined a visit", figures.detainees_declined),
                ("Not offered a visit", figures.detainees_not_offered),
            ],
            "Number",
            "Detainees",
        ),
        Chart(
            "findings-by-category",
            "Findings by category",
            figures.findings_by_category,
            "Findings",
            "Category",
        ),
        Chart(
            "findings-by-severity",
            "Findings by severity",
            figures.findings_by_severity,
            "Findings",
            "Severity",
        ),
    ]
