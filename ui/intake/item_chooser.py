"""The left column of 受理: search the catalog as the clerk types, and the items chosen.

The search index is built once on the database thread; every keystroke is answered from
memory on the GUI thread. Up and Down move through the results without leaving the search
box; Enter adds the highlighted item. A case may hold several items (a 一件事 bundle); Delete
in the chosen list takes one out again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.services.item_search import ItemSearchIndex, SearchHit
from ui.naming import named

RESULT_LIMIT = 30
CODE_ROLE = Qt.ItemDataRole.UserRole


class ItemChooser(QWidget):
    itemChosen = Signal(str)
    itemRemoved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.itemChooser")
        self.index: ItemSearchIndex | None = None
        self.search = named(QLineEdit(), "intake.itemSearch", self.tr("Search items"))
        self.search.setPlaceholderText(self.tr("Name, code or pinyin (e.g. spjy)"))
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):
            named(button, "intake.itemSearch.clear", self.tr("Clear the search"))
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.results_caption = QLabel(self.tr("Frequent items"))
        self.results_caption.setProperty("role", "muted")
        self.results = named(QListWidget(), "intake.itemResults", self.tr("Matching items"))
        self.results.itemActivated.connect(lambda item: self.choose(item.data(CODE_ROLE)))
        chosen_caption = QLabel(self.tr("Items of this case"))
        chosen_caption.setProperty("role", "muted")
        self.chosen = named(QListWidget(), "intake.chosenItems", self.tr("Items of this case"))
        self.chosen.setToolTip(self.tr("Delete removes the selected item"))
        self.chosen.setMaximumHeight(110)
        self.chosen.installEventFilter(self)

        caption = QLabel(self.tr("&Item"))
        caption.setBuddy(self.search)
        caption.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(caption)
        layout.addWidget(self.search)
        layout.addWidget(self.results_caption)
        layout.addWidget(self.results, 1)
        layout.addWidget(chosen_caption)
        layout.addWidget(self.chosen)

    def set_index(self, index: ItemSearchIndex) -> None:
        self.index = index
        self.refresh()

    def refresh(self) -> None:
        """Show the items matching the search text (the frequent items when it is empty)."""
        self.results.clear()
        if self.index is None:
            return
        query = self.search.text()
        hits = self.index.search(query, limit=RESULT_LIMIT)
        if query.strip():
            caption = self.tr("Matching items") if hits else self.tr("No item matches")
        else:
            caption = self.tr("Frequent items") if hits else self.tr("Type to search the catalog")
        self.results_caption.setText(caption)
        for hit in hits:
            self.results.addItem(self._row(hit))
        if hits:
            self.results.setCurrentRow(0)

    def _row(self, hit: SearchHit) -> QListWidgetItem:
        row = QListWidgetItem(hit.name)
        row.setData(CODE_ROLE, hit.basic_code)
        uses = self.tr(", taken {count} times").format(count=hit.use_count) if hit.use_count else ""
        row.setToolTip(f"{hit.basic_code} · {hit.department}{uses}")
        return row

    def choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.choose(item.data(CODE_ROLE))

    def choose(self, code: str) -> None:
        if code in self.codes():
            return
        self.itemChosen.emit(code)

    def codes(self) -> list[str]:
        return [self.chosen.item(row).data(CODE_ROLE) for row in range(self.chosen.count())]

    def set_chosen(self, items: list[tuple[str, str]]) -> None:
        """Show the case's items as (basic code, name)."""
        self.chosen.clear()
        for code, name in items:
            row = QListWidgetItem(name)
            row.setData(CODE_ROLE, code)
            row.setToolTip(code)
            self.chosen.addItem(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.results.currentRow() + step
                if 0 <= row < self.results.count():
                    self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
        if watched is self.chosen and key == Qt.Key.Key_Delete:
            item = self.chosen.currentItem()
            if item is not None:
                self.itemRemoved.emit(item.data(CODE_ROLE))
            return True
        return super().eventFilter(watched, event)
