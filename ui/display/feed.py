"""What the customer display follows: which case is at the counter, told by the workspaces.

The main window owns one feed; the 受理 workspace says which case it is taking in, the 出件
workspace which case it is handing over. Nothing else reaches the display: it loads what it
shows itself, masked (:mod:`clerk_desk.services.visitor_view`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.ratings import ContactKind


class CounterFeed(QObject):
    """``serving(uuid, kind)`` when a case comes to the counter (or another case replaces
    it); ``nextVisitor`` when the clerk starts over for the next visitor."""

    serving = Signal(str, str)
    nextVisitor = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case_uuid = ""
        self.kind = ContactKind.INTAKE

    def serve(self, case_uuid: str, kind: ContactKind) -> None:
        if not case_uuid:
            return
        if (case_uuid, kind) == (self.case_uuid, self.kind):
            return
        self.case_uuid, self.kind = case_uuid, kind
        self.serving.emit(case_uuid, str(kind))

    def next_visitor(self) -> None:
        self.case_uuid = ""
        self.nextVisitor.emit()
