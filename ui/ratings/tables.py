"""The searchable, sortable list both 好差评 panes share: a search box over a table.

Typing filters at once; Down or Enter in the search box goes into the table; Enter (or a
double-click) on a row asks to open it (``opened``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from ui.naming import described, named
from ui.ratings.models import UUID_ROLE, RowsModel, SearchProxy


class SearchTable(QObject):
    opened = Signal(str)  # the uuid of the row
    currentChanged = Signal(str)  # "" when no row is current

    def __init__(
        self,
        model: RowsModel,
        name: str,
        table_name: str,
        search_name: str,
        placeholder: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = SearchProxy(parent)
        self.proxy.setSourceModel(model)
        self.search = named(QLineEdit(), f"{name}.search", search_name)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):
            described(
                named(clear, f"{name}.searchClear", self.tr("Clear the search")),
                self.tr("Clear the search"),
            )
        self.table = named(QTableView(), f"{name}.table", table_name)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._open(index))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._refilling = False

    def _filter(self, text: str) -> None:
        current = self.current_uuid()
        self.proxy.set_words(text)
        self._refilling = True
        self.select(current)
        self._refilling = False
        self.currentChanged.emit(self.current_uuid())

    def set_rows(self, rows: Sequence[object]) -> None:
        """New rows; the current one stays current if it is still there."""
        current = self.current_uuid()
        self._refilling = True
        try:
            self.model.set_rows(list(rows))
            self.select(current)
        finally:
            self._refilling = False
        self.currentChanged.emit(self.current_uuid())

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), 260))

    def select(self, uuid: str) -> bool:
        if uuid:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(UUID_ROLE) == uuid:
                    self.table.selectRow(row)
                    return True
        self.table.setCurrentIndex(QModelIndex())
        self.table.clearSelection()
        return False

    def current_uuid(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(UUID_ROLE) or "") if index.isValid() else ""

    def shown(self) -> int:
        return self.proxy.rowCount()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._refilling:
            self.currentChanged.emit(
                str(current.data(UUID_ROLE) or "") if current.isValid() else ""
            )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(str(index.data(UUID_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box goes into the table; Enter on a row opens it."""
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and (enter or event.key() == Qt.Key.Key_Down):
            if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                self.table.selectRow(0)
            self.table.setFocus()
            return True
        if watched is self.table and enter and not event.modifiers():
            self._open(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)
