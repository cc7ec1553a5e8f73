"""The right column's checklist: one row per material, marked with single keys.

Space toggles 已收取 in the form and count the catalog asks for; O and C take it as 原件 or
复印件 instead, + and - change the count taken. M 缺少, G 容缺 (only where the catalog allows it
and never for a key material), P 告知承诺 (where allowed), D 不符合要求 (asks the reason),
A 导入文件 (asks for the files; the workspace adds their pages), S 扫描 (the window's scanner),
K 高拍仪 (the document camera), U 复用 (pages of an earlier case of the same applicant),
Delete 移除文件 (asks which of the attached files to take off). A mark that is not
allowed is refused with the reason in ``refused``; the workspace shows it in its status line.
The model edits the case's own material objects; ``marked`` tells the workspace to save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from clerk_desk.domain.case import MARK_LABELS, PRESENT_MARKS, CaseMaterial, MaterialMark
from clerk_desk.i18n import translate
from ui.table_headers import column_header

Index = QModelIndex | QPersistentModelIndex
MARK_SYMBOLS = {
    MaterialMark.UNCHECKED: "○",
    MaterialMark.RECEIVED: "✓",
    MaterialMark.ATTACHED: "✓",
    MaterialMark.MISSING: "✗",
    MaterialMark.DEFECTIVE: "⚠",
    MaterialMark.GAP: "◐",
    MaterialMark.PROMISED: "◇",
}
MARK_COLUMN, NAME_COLUMN, FORM_COLUMN = range(3)


def mark_text(mark: MaterialMark) -> str:
    return f"{MARK_SYMBOLS[mark]} {translate('core', MARK_LABELS[mark])}"


class MaterialsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.materials: list[CaseMaterial] = []

    def set_materials(self, materials: list[CaseMaterial]) -> None:
        self.beginResetModel()
        self.materials = materials
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.materials)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(
            (self.tr("Mark"), self.tr("Material"), self.tr("Form")), section, orientation, role
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        material = self.materials[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MARK_COLUMN:
                return self.mark_text(material)
            if column == NAME_COLUMN:
                return material.name
            return self.form_text(material)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.detail(material)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == MARK_COLUMN:
            return translate("core", MARK_LABELS[material.mark])
        return None

    def mark_text(self, material: CaseMaterial) -> str:
        """The mark, and how many pages are attached (N 页) when there are any."""
        if not material.files:
            return mark_text(material.mark)
        files = self.tr("{count} page(s)").format(count=len(material.files))
        return f"{mark_text(material.mark)} · {files}"

    def form_text(self, material: CaseMaterial) -> str:
        """What was taken when the material is present, else what the catalog asks for."""
        present = material.mark in PRESENT_MARKS and material.received_form
        form = material.received_form if present else material.form
        count = material.received_copies if present else material.copies
        copies = self.tr(" ×{count}").format(count=count) if count else ""
        optional = "" if material.required else self.tr(" (optional)")
        return f"{form}{copies}{optional}"

    def asked_text(self, material: CaseMaterial) -> str:
        copies = self.tr(" ×{count}").format(count=material.copies) if material.copies else ""
        return self.tr("Catalog asks: {form}{copies}").format(form=material.form, copies=copies)

    def detail(self, material: CaseMaterial) -> str:
        """The detail line: what the catalog allows and the 受理标准."""
        allowed = []
        if material.is_key:
            allowed.append(self.tr("key material"))
        if material.gap_allowed:
            allowed.append(self.tr("gap allowed (G)"))
        if material.promise_allowed:
            allowed.append(self.tr("promise allowed (P)"))
        head = " · ".join([self.asked_text(material), *allowed])
        standard = material.acceptance_standard or self.tr("no standard in the catalog")
        lines = [head, self.tr("Standard: {standard}").format(standard=standard)]
        if material.note and material.mark is MaterialMark.DEFECTIVE:
            lines.append(self.tr("Reason: {note}").format(note=material.note))
        elif material.note:
            lines.append(self.tr("Note: {note}").format(note=material.note))
        if material.files:
            names = "、".join(file.name for file in material.files)
            lines.append(self.tr("Files: {names}").format(names=names))
        return "\n".join(lines)

    def received_count(self) -> int:
        return sum(1 for material in self.materials if material.mark in PRESENT_MARKS)

    def refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class MaterialsTable(QTableView):
    """The checklist view; keys mark the current row (see the module docstring)."""

    marked = Signal(int)
    refused = Signal(str)
    defectWanted = Signal(int)
    attachWanted = Signal(int)
    detachWanted = Signal(int)
    scanWanted = Signal(int)
    cameraWanted = Signal(int)
    reuseWanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materials.table")
        self.setAccessibleName(self.tr("Materials checklist"))
        self.materials = MaterialsModel(self)
        self.setModel(self.materials)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(MARK_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FORM_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.setToolTip(
            self.tr(
                "Space: collected · O: original · C: copy · +/-: count · M: missing · G: gap"
                " · P: promise · D: defective · A: import files · S: scan · K: camera"
                " · Delete: remove files"
            )
        )

    def set_materials(self, materials: list[CaseMaterial]) -> None:
        row = max(self.currentIndex().row(), 0)
        self.materials.set_materials(materials)
        self.resizeRowsToContents()
        if materials:
            self.setCurrentIndex(self.materials.index(min(row, len(materials) - 1), NAME_COLUMN))

    def current_material(self) -> CaseMaterial | None:
        row = self.currentIndex().row()
        return self.materials.materials[row] if 0 <= row < len(self.materials.materials) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        handled = key in _MARK_KEYS or key in _FORM_KEYS or key in _COUNT_KEYS
        if modifiers or not (handled or key in _CAPTURE_KEYS or key == Qt.Key.Key_Delete):
            super().keyPressEvent(event)
            return
        row = self.currentIndex().row()
        if row < 0:
            return
        if key in _FORM_KEYS:
            self.take_as(row, _FORM_KEYS[Qt.Key(key)])
            return
        if key in _COUNT_KEYS:
            self.change_count(row, _COUNT_KEYS[Qt.Key(key)])
            return
        if key in _CAPTURE_KEYS:
            {
                Qt.Key.Key_A: self.attachWanted,
                Qt.Key.Key_S: self.scanWanted,
                Qt.Key.Key_K: self.cameraWanted,
                Qt.Key.Key_U: self.reuseWanted,
            }[Qt.Key(key)].emit(row)
            return
        if key == Qt.Key.Key_Delete:
            self._ask_detach(row)
            return
        if key == Qt.Key.Key_D:
            self.defectWanted.emit(row)
            return
        self.set_mark(row, _MARK_KEYS[Qt.Key(key)])

    def set_mark(self, row: int, mark: MaterialMark, note: str = "") -> None:
        """Mark one material, toggling back to 未核验 when it already has ``mark``."""
        material = self.materials.materials[row]
        refusal = self.refusal(material, mark)
        if refusal:
            self.refused.emit(refusal)
            return
        if material.mark is mark and mark is not MaterialMark.DEFECTIVE:
            mark = MaterialMark.UNCHECKED
        _set_note(material, mark, note)
        material.mark = mark
        present = mark in PRESENT_MARKS
        material.received_form = material.form if present else ""
        material.received_copies = material.copies if present else 0
        self.materials.refresh_row(row)
        self.marked.emit(row)

    def _ask_detach(self, row: int) -> None:
        material = self.materials.materials[row]
        if not material.files:
            self.refused.emit(self.tr("No file is attached to “{name}”").format(name=material.name))
            return
        self.detachWanted.emit(row)

    def take_as(self, row: int, form: str) -> None:
        """已收取 as 原件 or 复印件, whatever the catalog asked for (the clerk sees what came)."""
        material = self.materials.materials[row]
        if material.mark not in PRESENT_MARKS:
            _set_note(material, MaterialMark.RECEIVED)
            material.mark = MaterialMark.RECEIVED
        material.received_form = form
        material.received_copies = max(material.received_copies, 1)
        self.materials.refresh_row(row)
        self.marked.emit(row)

    def change_count(self, row: int, step: int) -> None:
        """How many copies were taken, for a material already marked present (0 to 99)."""
        material = self.materials.materials[row]
        if material.mark not in PRESENT_MARKS:
            self.refused.emit(
                self.tr("Mark “{name}” as collected first (Space, O or C)").format(
                    name=material.name
                )
            )
            return
        count = min(max(material.received_copies + step, 0), MAX_COPIES)
        if count == material.received_copies:
            return
        material.received_copies = count
        self.materials.refresh_row(row)
        self.marked.emit(row)

    def refusal(self, material: CaseMaterial, mark: MaterialMark) -> str:
        if mark is MaterialMark.GAP and material.is_key:
            return self.tr("“{name}” is a key material; it cannot be a gap (容缺)").format(
                name=material.name
            )
        if mark is MaterialMark.GAP and not material.gap_allowed:
            return self.tr("The catalog does not allow “{name}” as a gap (容缺)").format(
                name=material.name
            )
        if mark is MaterialMark.PROMISED and not material.promise_allowed:
            return self.tr("The catalog does not allow a promise (承诺) for “{name}”").format(
                name=material.name
            )
        return ""


def _set_note(material: CaseMaterial, mark: MaterialMark, reason: str = "") -> None:
    """A defect's reason goes with the defect; any other note (where reused pages came from)
    stays whatever the clerk marks."""
    if mark is MaterialMark.DEFECTIVE:
        material.note = reason
    elif material.mark is MaterialMark.DEFECTIVE:
        material.note = ""


_MARK_KEYS = {
    Qt.Key.Key_Space: MaterialMark.RECEIVED,
    Qt.Key.Key_M: MaterialMark.MISSING,
    Qt.Key.Key_G: MaterialMark.GAP,
    Qt.Key.Key_P: MaterialMark.PROMISED,
    Qt.Key.Key_D: MaterialMark.DEFECTIVE,
}
_FORM_KEYS = {Qt.Key.Key_O: "原件", Qt.Key.Key_C: "复印件"}
_CAPTURE_KEYS = (Qt.Key.Key_A, Qt.Key.Key_S, Qt.Key.Key_K, Qt.Key.Key_U)
_COUNT_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1}
MAX_COPIES = 99
