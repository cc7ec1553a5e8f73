"""Clipped text: every visible text-bearing widget measured against its own geometry.

A widget's text is measured with its font metrics (what the style draws) and compared with
the room its style gives it: a label's contents rectangle (word-wrapped labels by
``heightForWidth``), a button's, check box's or radio button's contents sub-element, a line
edit's text area (its placeholder, which cannot scroll, and the height of a line), a combo
box's edit field, a header section less the theme's padding, a tab bar's tab. One pixel of
slack for rounding. ``ElidedLabel`` cuts its text short by design (the whole text is its
tooltip) and is left out.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

from ui.elided_label import ElidedLabel

SLACK = 1
# The theme's QHeaderView::section padding (4px 8px) and QTabBar::tab padding (6px 14px).
HEADER_PADDING = 16
TAB_PADDING = 28
MNEMONIC = int(Qt.TextFlag.TextShowMnemonic)


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` whose text does not fit, described for a message."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window().isHidden():
            continue
        problem = _problem(widget)
        if problem:
            problems.append(f"{_where(widget)}: {problem}")
    return problems


def _problem(widget: QWidget) -> str:
    if isinstance(widget, ElidedLabel):
        return ""
    if isinstance(widget, QLabel):
        return _label(widget)
    if isinstance(widget, QAbstractButton):
        return _button(widget)
    if isinstance(widget, QLineEdit):
        return _line_edit(widget)
    if isinstance(widget, QComboBox):
        return _combo(widget)
    if isinstance(widget, QHeaderView):
        return _header(widget)
    if isinstance(widget, QTabBar):
        return _tabs(widget)
    return ""


def _too_small(text: str, need: QSize, room: QRect | QSize) -> str:
    size = room.size() if isinstance(room, QRect) else room
    if need.width() <= size.width() + SLACK and need.height() <= size.height() + SLACK:
        return ""
    return f"{text!r} needs {need.width()}×{need.height()}, has {size.width()}×{size.height()}"


def _label(label: QLabel) -> str:
    text = label.text()
    if not text:
        return ""
    margin = label.margin()
    room = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    if label.wordWrap():
        height = label.heightForWidth(label.width())
        if height > label.height() + SLACK:
            return f"{text!r} wrapped needs height {height}, has {label.height()}"
        return ""
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        size = document.size()
        need = QSize(int(size.width() + 0.999), int(size.height() + 0.999))
        return _too_small(text, need, room)
    flags = MNEMONIC if label.buddy() is not None else 0
    return _too_small(text, label.fontMetrics().size(flags, text), room)


def _button(button: QAbstractButton) -> str:
    text = button.text()
    if not text:
        return ""
    need = button.fontMetrics().size(MNEMONIC, text)
    if not button.icon().isNull():
        need.setWidth(need.width() + button.iconSize().width() + 4)
    element = {
        QPushButton: QStyle.SubElement.SE_PushButtonContents,
        QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
        QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
    }
    for kind, sub in element.items():
        if isinstance(button, kind):
            option = QStyleOptionButton()
            button.initStyleOption(option)  # type: ignore[attr-defined]
            return _too_small(text, need, button.style().subElementRect(sub, option, button))
    if isinstance(button, QToolButton):
        return _too_small(text, need, button.rect().adjusted(2, 2, -2, -2))
    return _too_small(text, need, button.rect())


def _line_edit(edit: QLineEdit) -> str:
    shown = edit.text() or edit.placeholderText()
    metrics = edit.fontMetrics()
    margins = edit.textMargins()
    room = edit.contentsRect().adjusted(
        margins.left(), margins.top(), -margins.right(), -margins.bottom()
    )
    # Typed text scrolls; a placeholder cannot, and a line must fit in height either way.
    width = metrics.horizontalAdvance(shown) if not edit.text() else 0
    return _too_small(shown, QSize(width, metrics.height()), room)


def _combo(combo: QComboBox) -> str:
    text = combo.currentText()
    if not text:
        return ""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().size(0, text)
    return _too_small(text, need, field)


def _header(header: QHeaderView) -> str:
    model = header.model()
    if model is None:
        return ""
    metrics = QFontMetrics(header.font())
    found = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) <= 0:
            continue
        text = str(model.headerData(logical, header.orientation()) or "")
        if not text:
            continue
        need = metrics.size(0, text)
        need.setWidth(need.width() + HEADER_PADDING)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            need.setWidth(need.width() + metrics.height())
        if header.orientation() == Qt.Orientation.Horizontal:
            room = QSize(header.sectionSize(logical), header.height())
        else:
            room = QSize(header.width(), header.sectionSize(logical))
        problem = _too_small(text, need, room)
        if problem:
            found.append(f"section {logical} {problem}")
    return "; ".join(found)


def _tabs(bar: QTabBar) -> str:
    metrics = bar.fontMetrics()
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index)
        need = metrics.size(MNEMONIC, text)
        need.setWidth(need.width() + TAB_PADDING)
        problem = _too_small(text, need, bar.tabRect(index))
        if problem:
            found.append(f"tab {index} {problem}")
    return "; ".join(found)


def _where(widget: QWidget) -> str:
    """The widget and its named ancestors, so a report says where to look."""
    names = []
    current: QWidget | None = widget
    while current is not None:
        if current.objectName() and not current.objectName().startswith("qt_"):
            names.append(current.objectName())
        current = current.parentWidget()
    return f"{type(widget).__name__} in {' < '.join(names) or '?'}"
