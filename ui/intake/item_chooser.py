"""The left column of 受理: search the catalog as the clerk types, and the items chosen.

The search index is built once on the database thread; every keystroke is answered from
memory on the GUI thread. Up and Down move through the results without leaving the search
box; Enter adds the highlighted item, takes up the case whose number was typed (back with a
supplement), or looks up the applicant whose ID number or credit code was typed (a returning
applicant: filled in, their last items offered first). A case may hold several items: a
一件事 bundle is found like an item, marked as one in the results (and listed under the
frequent items while the search is empty), and Enter adds all its items at once. Delete in
the chosen list takes one item out again.

A search that found nothing and settled (the text stood unchanged for ``SETTLED_MS``, or Enter
was pressed) is kept for the supervisor's list of catalog gaps through
``desk.reports.record_unmatched_search`` on the database thread (the service refuses a text
holding a run of digits: an ID or phone number typed in the wrong box). The same text is not
kept twice in a row during one intake.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
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

from clerk_desk.desk import Desk
from clerk_desk.domain.case_number import is_valid_case_no
from clerk_desk.domain.identity import validate_credit_code, validate_id_number
from clerk_desk.services.item_search import ItemSearchIndex, SearchHit
from ui.desk_worker import DeskWorker
from ui.naming import described, named

RESULT_LIMIT = 30
CODE_ROLE = Qt.ItemDataRole.UserRole
ITEM_CODES_ROLE = Qt.ItemDataRole.UserRole + 1
SETTLED_MS = 2000  # a search text unchanged this long with no hit is a catalog gap


class ItemChooser(QWidget):
    itemsChosen = Signal(list)
    itemRemoved = Signal(str)
    # A case number typed and Enter: the applicant is back with a supplement.
    caseNumberEntered = Signal(str)
    # An ID number or credit code typed and Enter: a returning applicant, to fill in.
    applicantNumberEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None, worker: DeskWorker | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.itemChooser")
        self.index: ItemSearchIndex | None = None
        self.preferred: list[str] = []  # a returning applicant's last items, offered first
        # Where unmatched searches are kept; without one, the workspace's worker (an ancestor).
        self.worker = worker
        self.last_unmatched = ""  # the last search kept, not kept again in a row
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(SETTLED_MS)
        self.settle_timer.timeout.connect(self._settled)
        self.search = named(QLineEdit(), "intake.itemSearch", self.tr("Search items"))
        # Short enough for the column at 200 % text; the example in the tooltip.
        self.search.setPlaceholderText(self.tr("Name, code, pinyin"))
        self.search.setToolTip(self.tr("Name, code or pinyin initials, e.g. spjy"))
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):
            described(
                named(button, "intake.itemSearch.clear", self.tr("Clear the search")),
                self.tr("Clear the search"),
            )
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.results_caption = QLabel(self.tr("Frequent items"))
        self.results_caption.setProperty("role", "muted")
        self.results = named(QListWidget(), "intake.itemResults", self.tr("Matching items"))
        self.results.itemActivated.connect(lambda item: self.choose(item.data(ITEM_CODES_ROLE)))
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
        """Show the items matching the search text; when it is empty, the frequent items and
        then the bundles."""
        self.results.clear()
        if self.index is None:
            return
        query = self.search.text()
        hits = self.index.search(query, limit=RESULT_LIMIT)
        if query.strip():
            caption = self.tr("Matching items") if hits else self.tr("No item matches")
        elif self.preferred:
            first = [hit for code in self.preferred for hit in self._item(code)]
            hits = [*first, *(hit for hit in hits if hit.basic_code not in self.preferred)]
            caption = self.tr("This applicant's last items first, then frequent items")
        else:
            bundles = self.index.bundles()
            if hits and bundles:
                caption = self.tr("Frequent items, then bundles")
            elif hits:
                caption = self.tr("Frequent items")
            elif bundles:
                caption = self.tr("Bundles")
            else:
                caption = self.tr("Type to search the catalog")
            hits += bundles
        self.results_caption.setText(caption)
        if query.strip() and not hits:
            self.settle_timer.start()
        else:
            self.settle_timer.stop()
        for hit in hits:
            self.results.addItem(self._row(hit))
        # Enter in an untouched search box must not add a whole bundle: Down picks one first.
        if hits and (query.strip() or not hits[0].is_bundle):
            self.results.setCurrentRow(0)

    def _item(self, code: str) -> list[SearchHit]:
        assert self.index is not None
        return [hit for hit in self.index.search(code, limit=1) if hit.basic_code == code]

    def offer_first(self, codes: list[str]) -> None:
        """Offer these items (a returning applicant's last) first, Enter taking the top one;
        none: a new intake starts, where any search may be kept again."""
        self.preferred = list(codes)
        if not codes:
            self.last_unmatched = ""
        self.search.clear()
        self.refresh()

    def _settled(self) -> None:
        self.keep_unmatched(self.search.text())

    def keep_unmatched(self, text: str) -> None:
        """Keep ``text`` as a search that found no item, if it still finds none, is not a case
        or applicant number, and is not the one kept last."""
        text = " ".join(text.split())
        self.settle_timer.stop()
        if (
            not text
            or self.index is None
            or text == self.last_unmatched
            or self.index.search(text, limit=1)
            or _is_number(text)
        ):
            return
        worker = self._worker()
        if worker is None:
            return
        self.last_unmatched = text

        def keep(desk: Desk) -> bool:
            window = int(desk.settings.get("window_number") or 0)
            return desk.reports.record_unmatched_search(text, window)

        worker.run(keep, owner=self)

    def _worker(self) -> DeskWorker | None:
        if self.worker is not None:
            return self.worker
        parent = self.parentWidget()
        while parent is not None:
            found = getattr(parent, "worker", None)
            if isinstance(found, DeskWorker):
                return found
            parent = parent.parentWidget()
        return None

    def _row(self, hit: SearchHit) -> QListWidgetItem:
        if hit.is_bundle:
            text = self.tr("Bundle: {name} ({count} items)").format(
                name=hit.name, count=len(hit.item_codes)
            )
        else:
            text = hit.name
        row = QListWidgetItem(text)
        row.setData(CODE_ROLE, hit.basic_code)
        row.setData(ITEM_CODES_ROLE, list(hit.item_codes))
        uses = self.tr(", taken {count} times").format(count=hit.use_count) if hit.use_count else ""
        row.setToolTip(f"{hit.basic_code} · {hit.department}{uses}")
        return row

    def choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.choose(item.data(ITEM_CODES_ROLE))

    def choose(self, codes: list[str]) -> None:
        """Ask for the items (one, or a bundle's) that the case does not hold yet."""
        held = self.codes()
        new = [code for code in codes if code not in held]
        if new:
            self.itemsChosen.emit(new)

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
                text = self.search.text().strip()
                if is_valid_case_no(text):
                    self.caseNumberEntered.emit(text)
                elif validate_id_number(text, date.today()).ok or validate_credit_code(text).ok:
                    self.applicantNumberEntered.emit(text)
                elif self.results.currentItem() is None:
                    self.keep_unmatched(text)
                else:
                    self.choose_current()
                return True
        if watched is self.chosen and key == Qt.Key.Key_Delete:
            item = self.chosen.currentItem()
            if item is not None:
                self.itemRemoved.emit(item.data(CODE_ROLE))
            return True
        return super().eventFilter(watched, event)


def _is_number(text: str) -> bool:
    """A case number, ID number or credit code: looked up, never a catalog gap."""
    return (
        is_valid_case_no(text)
        or validate_id_number(text, date.today()).ok
        or validate_credit_code(text).ok
    )
