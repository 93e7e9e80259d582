"""Server-side SVG charts: pure markup, escaped labels, an accessible name, bars to scale; and
the bars of the PDF's chart tables, to scale."""

import re

from custody_visits.charts import Chart, bar_chart_svg


def bar_widths(svg):
    return [float(width) for width in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]


def test_chart_is_an_image_named_by_its_title():
    svg = bar_chart_svg(Chart("days", "Visits by day", [("Monday", 2), ("Tuesday", 1)]))
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-labelledby="days-title days-desc"' in svg
    assert '<title id="days-title">Visits by day</title>' in svg
    assert '<desc id="days-desc">Monday: 2; Tuesday: 1</desc>' in svg


def test_bars_are_drawn_to_scale():
    svg = bar_chart_svg(Chart("c", "Chart", [("Four", 4), ("Two", 2), ("None", 0)]))
    four, two, none = bar_widths(svg)
    assert four == 2 * two
    assert none == 0


def test_labels_are_escaped():
    svg = bar_chart_svg(Chart("c", "<b>Title</b>", [('<script>alert("x")</script>', 1)]))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in svg


def test_targets_are_marked_and_scale_the_chart():
    chart = Chart("suites", "Visits against target", [("Northgate", 6)], targets=[12])
    svg = bar_chart_svg(chart)
    assert "The red marks show the targets" in svg
    line_x = float(re.search(r'<line x1="([\d.]+)"[^>]*stroke="#d4351c"', svg).group(1))
    (bar,) = bar_widths(svg)
    # The target (12) is twice the visits (6): its mark stands at twice the bar's length.
    assert line_x - 200 == 2 * bar
    assert chart.table_rows == [("Northgate", 6, 12)]


def test_an_empty_chart_still_draws():
    svg = bar_chart_svg(Chart("c", "Nothing yet", []))
    assert "<rect" not in svg and "</svg>" in svg


def test_the_pdf_bars_are_drawn_to_scale_with_the_target_marked():
    # The PDF draws each chart as its table, a bar in each row (pdf/_custody_visiting_chart.html).
    chart = Chart("suites", "Visits against target", [("Northgate", 6), ("Eastfield", 3)],
                  targets=[12, 0])  # fmt: skip
    assert chart.bar_rows == [
        {"label": "Northgate", "value": 6, "target": 12, "bar": 50.0, "mark": 100.0},
        {"label": "Eastfield", "value": 3, "target": 0, "bar": 25.0, "mark": None},
    ]
    assert Chart("c", "Nothing yet", [("None", 0)]).bar_rows[0]["bar"] == 0
