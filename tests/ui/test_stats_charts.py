"""The charts a supervisor reads: exact values on hover, grey-safe series, Chinese labels."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ui.stats.charts import DASHES, MARKERS, SERIES_COLOURS, BarChart, LineChart


def lightness(colour: str) -> float:
    c = QColor(colour)
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF()


def test_series_differ_in_grey_and_in_dash_and_marker() -> None:
    greys = sorted(lightness(colour) for colour in SERIES_COLOURS)
    assert all(b - a >= 0.15 for a, b in itertools.pairwise(greys))
    assert len(set(DASHES)) == len(DASHES)
    assert len(set(MARKERS)) == len(MARKERS)


def test_a_bar_shows_its_exact_value_on_hover(qtbot: QtBot) -> None:
    chart = BarChart("test.bars", "每小时收件", "时段", "件数（件）", "件", ["收件"])
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_data(["9时", "10时", "11时"], [[3.0, 12.0, 0.0]])
    assert chart.bar_texts() == ["3", "12"]
    # The mouse over the middle bar, half way up.
    view = chart.plot.getViewBox()
    chart._mouse_moved(view.mapViewToScene(QPointF(1, 6)))
    assert chart.hover_label.isVisible()
    assert chart.hover_label.toPlainText() == "10时：收件 12 件"
    chart._mouse_moved(view.mapViewToScene(QPointF(1.5, 6)))
    assert not chart.hover_label.isVisible()
    assert chart.plot.titleLabel.text == "每小时收件"
    assert "9时：收件 3 件" in chart.plot_widget.accessibleDescription()


def test_a_line_leaves_a_gap_where_a_day_has_no_rate(qtbot: QtBot) -> None:
    chart = LineChart(
        "test.lines", "按期办结率", "日期", "比率（%）", "%", ["按期办结率", "满意率"], decimals=1
    )
    qtbot.addWidget(chart)
    chart.set_data(["11-02", "11-03"], [[100.0, None], [80.0, 75.5]])
    assert chart.hover_text(1) == "11-03：按期办结率 —，满意率 75.5 %"
