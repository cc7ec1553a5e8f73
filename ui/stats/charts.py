"""The 统计 workspace's charts: pyqtgraph plots a supervisor reads at a glance.

Every chart has a Chinese title, axis labels with their unit (件, %, 工作日) and a legend; its
series differ in lightness as well as hue, and line series also in dash and marker, so a grey
print keeps them apart; the exact value of a bar or point shows on hover (a label inside the
plot) and is written above each bar. Chinese needs the CJK families named explicitly
(``ui.fonts``): fontconfig's fallback draws Japanese forms.

This module imports pyqtgraph (and numpy through it): only the pages of the workspace import
it, when the workspace is first shown, so the window's start-up does not pay for it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.fonts import BODY_PX, installed_sc_families
from ui.naming import named

# Dark, light, middle, lightest: lightness differs by 0.15 or more, so they stay apart in grey.
SERIES_COLOURS = ("#17365d", "#f0a030", "#2a9d8f", "#cfd8e0")
HATCHES = (
    Qt.BrushStyle.NoBrush,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
)
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
)
MARKERS = ("o", "s", "t", "d")
TEXT_COLOUR = "#1f2328"
CHART_PX = 13
TITLE_PX = 15
BAR_WIDTH = 0.8
HEADROOM = 1.25  # room above the tallest bar for its value
MOST_TICKS = 12
MIN_PLOT_PX = 170  # at 100 % text; below it the page scrolls
MARKED_POINTS = 62

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_COLOUR)


def text_scale() -> float:
    """The application's text size against 100 % (14 px body text)."""
    body = QApplication.font().pixelSize()
    return body / BODY_PX if body > 0 else 1.0


def chart_font(pixels: int = CHART_PX, bold: bool = False) -> QFont:
    """The Simplified Chinese families, at ``pixels`` for 100 % text size, scaled as the
    application's body text is (设置's text size, up to 200 %)."""
    font = QFont()
    families = installed_sc_families()
    if families:
        font.setFamilies(families)
    font.setPixelSize(round(pixels * text_scale()))
    font.setBold(bold)
    return font


def number_text(value: float | None, unit: str = "", decimals: int = 0) -> str:
    """A value as shown: "—" for none; ``decimals`` places; the unit after it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:.{decimals}f}"
    return f"{text} {unit}".strip()


def tick_step(count: int) -> int:
    """Every how many categories a tick label is written (at most :data:`MOST_TICKS`)."""
    return max(1, math.ceil(count / MOST_TICKS))


class Chart(QWidget):
    """A titled plot with labelled axes and a legend; subclasses draw the series."""

    def __init__(
        self,
        object_name: str,
        title: str,
        x_label: str,
        y_label: str,
        unit: str,
        series: Sequence[str],
        decimals: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = title
        self.unit = unit
        self.series = list(series)
        self.decimals = decimals
        self.categories: list[str] = []
        self.values: list[list[float | None]] = [[] for _ in self.series]
        self.plot_widget = named(pg.PlotWidget(), f"{object_name}.plot", title)
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_widget.setMinimumHeight(round(MIN_PLOT_PX * text_scale()))
        # The room the page has, never the scene's own wish (the page scrolls below it).
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.plot: Any = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        heading = chart_font(TITLE_PX, bold=True)
        # The size in the label's own markup (pyqtgraph writes 11pt there otherwise).
        self.plot.setTitle(title, color=TEXT_COLOUR, size=f"{heading.pixelSize()}px", bold=True)
        self.plot.titleLabel.item.setFont(heading)
        font = chart_font()
        for side, text in (("bottom", x_label), ("left", y_label)):
            axis = self.plot.getAxis(side)
            axis.setLabel(text, color=TEXT_COLOUR)
            axis.label.setFont(font)
            axis.setStyle(tickFont=font)
            axis.setPen(pg.mkPen(TEXT_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.enableAutoSIPrefix(False)  # never "(x0.001)" after a Chinese label
            # Drawn once into a pixmap: replaying Chinese text on every repaint costs ~5 ms
            # an axis, the bulk of a refresh's time on the GUI thread.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.hover_label: Any = pg.TextItem(color=TEXT_COLOUR, fill=pg.mkBrush(255, 255, 225, 235))
        self.hover_label.setFont(font)
        self.hover_label.setZValue(100)
        self.hover_label.hide()
        self.plot.addItem(self.hover_label, ignoreBounds=True)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        # The legend below the plot, never over a bar or a point.
        self.legend = QWidget()
        self.legend.setObjectName(f"{object_name}.legend")
        legend = QHBoxLayout(self.legend)
        legend.setContentsMargins(8, 2, 8, 2)
        legend.setSpacing(6)
        legend.addStretch(1)
        for position, name in enumerate(self.series):
            swatch = QLabel()
            swatch.setPixmap(self.swatch(position))
            caption = QLabel(name)
            caption.setFont(font)
            legend.addWidget(swatch)
            legend.addWidget(caption)
            legend.addSpacing(18)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.legend)
        self.setStyleSheet("background: white;")

    def swatch(self, position: int) -> QPixmap:
        raise NotImplementedError

    def set_data(self, categories: Sequence[str], values: Sequence[Sequence[float | None]]) -> None:
        """One value per category for each series (``None``: nothing to show that day)."""
        if list(categories) == self.categories and [list(v) for v in values] == self.values:
            return  # the same figures: nothing to draw again
        self.categories = list(categories)
        self.values = [list(series) for series in values]
        self.hover_label.hide()
        self.draw()
        axis = self.plot.getAxis("bottom")
        step = tick_step(len(self.categories))
        axis.setTicks(
            [[(index, text) for index, text in enumerate(self.categories) if index % step == 0]]
        )
        self.plot.setXRange(-0.6, max(0, len(self.categories) - 1) + 0.6, padding=0)
        shown = [v for series in self.values for v in series if v is not None]
        top = max(shown, default=0.0)
        # A little below 0, so a point or marker at 0 shows whole.
        self.plot.setYRange(0, max(top * HEADROOM, self.least_top()), padding=0.02)
        self.plot_widget.setAccessibleDescription(self.summary())

    def least_top(self) -> float:
        return 1.0

    def draw(self) -> None:
        raise NotImplementedError

    def hover_text(self, index: int) -> str:
        """The exact values of category ``index``: "10时：收件 3 件"."""
        parts = [
            f"{name} {number_text(series[index], self.unit, self.decimals)}"
            for name, series in zip(self.series, self.values, strict=True)
            if index < len(series)
        ]
        return f"{self.categories[index]}：" + "，".join(parts)

    def summary(self) -> str:
        """What a screen reader says for the chart: every category's values."""
        return "；".join(self.hover_text(index) for index in range(len(self.categories)))

    def hover(self, index: int | None) -> None:
        """Show the exact values of category ``index`` beside it (``None`` hides the label)."""
        if index is None or not 0 <= index < len(self.categories):
            self.hover_label.hide()
            return
        top = max((s[index] or 0.0 for s in self.values if index < len(s)), default=0.0)
        self.hover_label.setText(self.hover_text(index))
        # Anchored left of the point on the right half, so the label stays inside the plot.
        right_half = index > len(self.categories) / 2
        self.hover_label.setAnchor((1.0 if right_half else 0.0, 1.0))
        beside = -BAR_WIDTH / 2 if right_half else BAR_WIDTH / 2
        self.hover_label.setPos(QPointF(index + beside, top))
        self.hover_label.show()

    def _mouse_moved(self, position: QPointF) -> None:
        view = self.plot.getViewBox()
        if not view.sceneBoundingRect().contains(position):
            self.hover(None)
            return
        point = view.mapSceneToView(position)
        index = round(point.x())
        self.hover(index if abs(point.x() - index) <= BAR_WIDTH / 2 else None)


class BarChart(Chart):
    """Bars per category, one bar per series side by side; values written above the bars."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._items: list[Any] = []
        self._value_labels: list[Any] = []
        for position in range(len(self.series)):
            colour = QColor(SERIES_COLOURS[position % len(SERIES_COLOURS)])
            bars = pg.BarGraphItem(
                x=[], height=[], width=0.1, brush=colour, pen=pg.mkPen(TEXT_COLOUR, width=0.5)
            )
            self.plot.addItem(bars)
            self._items.append(bars)
            hatch = HATCHES[position % len(HATCHES)]
            if hatch != Qt.BrushStyle.NoBrush:
                # A hatch over the fill: the series stays apart in grey and in black and white.
                overlay = pg.BarGraphItem(
                    x=[], height=[], width=0.1, brush=QBrush(QColor("#ffffff"), hatch), pen=None
                )
                self.plot.addItem(overlay)
                self._items.append(overlay)

    def swatch(self, position: int) -> QPixmap:
        """A filled square as the series' bars are drawn, hatch and all."""
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(TEXT_COLOUR), 0.5))
        painter.setBrush(QColor(SERIES_COLOURS[position % len(SERIES_COLOURS)]))
        painter.drawRect(1, 1, 14, 14)
        hatch = HATCHES[position % len(HATCHES)]
        if hatch != Qt.BrushStyle.NoBrush:
            painter.setBrush(QBrush(QColor("#ffffff"), hatch))
            painter.drawRect(1, 1, 14, 14)
        painter.end()
        return pixmap

    def draw(self) -> None:
        count = len(self.series)
        width = BAR_WIDTH / count
        item = 0
        for position, series in enumerate(self.values):
            xs = [i - BAR_WIDTH / 2 + width * (position + 0.5) for i in range(len(series))]
            heights = [v or 0.0 for v in series]
            self._items[item].setOpts(x=xs, height=heights, width=width * 0.92)
            item += 1
            if HATCHES[position % len(HATCHES)] != Qt.BrushStyle.NoBrush:
                self._items[item].setOpts(x=xs, height=heights, width=width * 0.92)
                item += 1
        self._write_values()

    def _write_values(self) -> None:
        font = chart_font(CHART_PX - 1)
        wanted = [
            (i - BAR_WIDTH / 2 + BAR_WIDTH / len(self.series) * (p + 0.5), v)
            for p, series in enumerate(self.values)
            for i, v in enumerate(series)
            if v
        ]
        while len(self._value_labels) < len(wanted):
            label = pg.TextItem(color=TEXT_COLOUR, anchor=(0.5, 1.0))
            label.setFont(font)
            self.plot.addItem(label, ignoreBounds=True)
            self._value_labels.append(label)
        for label, (x, value) in zip(self._value_labels, wanted, strict=False):
            label.setText(number_text(value, decimals=self.decimals))
            label.setPos(QPointF(x, value))
            label.show()
        for label in self._value_labels[len(wanted) :]:
            label.hide()

    def bar_texts(self) -> list[str]:
        """The values written above the bars, left to right (tests read them)."""
        return [label.toPlainText() for label in self._value_labels if label.isVisible()]


class LineChart(Chart):
    """A line per series with markers; dash and marker differ by series."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lines: list[Any] = []
        for position in range(len(self.series)):
            colour = QColor(SERIES_COLOURS[position % len(SERIES_COLOURS)])
            pen = QPen(colour)
            pen.setWidthF(2.2)
            pen.setStyle(DASHES[position % len(DASHES)])
            pen.setCosmetic(True)
            line = pg.PlotDataItem(
                [],
                [],
                pen=pen,
                symbol=MARKERS[position % len(MARKERS)],
                symbolSize=7,
                symbolBrush=colour,
                symbolPen=pg.mkPen(TEXT_COLOUR, width=0.8),
                connect="finite",
            )
            line.setProperty("marker", MARKERS[position % len(MARKERS)])
            self.plot.addItem(line)
            self._lines.append(line)

    def swatch(self, position: int) -> QPixmap:
        """A stretch of the series' line with its marker."""
        pixmap = QPixmap(34, 16)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(SERIES_COLOURS[position % len(SERIES_COLOURS)])
        pen = QPen(colour, 2.2)
        pen.setStyle(DASHES[position % len(DASHES)])
        painter.setPen(pen)
        painter.drawLine(1, 8, 33, 8)
        painter.setPen(QPen(QColor(TEXT_COLOUR), 0.8))
        painter.setBrush(colour)
        marker = MARKERS[position % len(MARKERS)]
        if marker == "o":
            painter.drawEllipse(QPointF(17, 8), 4, 4)
        elif marker == "s":
            painter.drawRect(13, 4, 8, 8)
        elif marker == "t":
            painter.drawPolygon(QPolygonF([QPointF(13, 4), QPointF(21, 4), QPointF(17, 12)]))
        else:
            painter.drawPolygon(
                QPolygonF([QPointF(17, 3), QPointF(22, 8), QPointF(17, 13), QPointF(12, 8)])
            )
        painter.end()
        return pixmap

    def draw(self) -> None:
        for line, series in zip(self._lines, self.values, strict=True):
            # Only the days with a value, joined where they follow each other: a day without
            # one (no case concluded) leaves a gap, and no NaN reaches pyqtgraph.
            xs = [x for x, v in enumerate(series) if v is not None]
            ys = [v for v in series if v is not None]
            joined = np.array([b - a == 1 for a, b in itertools.pairwise(xs)] + [False])
            line.setData(xs, ys, connect=joined if xs else "all")
            # Markers on a month of days; on a year they would hide the lines.
            line.setSymbol(line.property("marker") if len(series) <= MARKED_POINTS else None)
