"""The steps of a 代办 at the foot of the workspace, each with its key on the button.

The keys avoid the main window's (F5 syncs, Ctrl+1… switch tabs, Ctrl+L locks) and live only
while the workspace is shown. A step the chosen record's state does not allow is disabled and
says why, in its tooltip and in the line under the buttons when it is focused, hovered or its
key is pressed; a refusal of the service is said in the same line, in the service's words.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_desk.domain.proxy import ProxyRecord, ProxyState
from ui.naming import named
from ui.theme import set_role


class Step(StrEnum):
    NEW = "new"  # 新建代办
    AUTHORISE = "authorise"  # 导入委托书
    SCAN = "scan"  # 扫描委托书, with the window's scanner
    START_CASE = "startCase"  # 受理办件
    PAUSE = "pause"  # 中止
    RESUME = "resume"  # 恢复
    CONCLUDE = "conclude"  # 办结
    TERMINATE = "terminate"  # 终止
    CALL_BACK = "callBack"  # 回访
    PRINT = "print"  # 打印


ENDING = frozenset({Step.PAUSE, Step.RESUME, Step.CONCLUDE, Step.TERMINATE, Step.CALL_BACK})
KEYS = {
    Step.NEW: "F2",
    Step.AUTHORISE: "F4",
    Step.SCAN: "Shift+F4",
    Step.START_CASE: "F6",
    Step.PAUSE: "F7",
    Step.RESUME: "F8",
    Step.CONCLUDE: "F9",
    Step.TERMINATE: "F10",
    Step.CALL_BACK: "F11",
    Step.PRINT: "Ctrl+P",
}


def step_label(step: Step) -> str:
    labels = {
        Step.NEW: QCoreApplication.translate("ProxySteps", "New proxy service"),  # 新建代办
        Step.AUTHORISE: QCoreApplication.translate(
            "ProxySteps", "Import authorisation"
        ),  # 导入委托书
        Step.SCAN: QCoreApplication.translate("ProxySteps", "Scan authorisation"),  # 扫描委托书
        Step.START_CASE: QCoreApplication.translate("ProxySteps", "Start a case"),  # 受理办件
        Step.PAUSE: QCoreApplication.translate("ProxySteps", "Pause"),  # 中止
        Step.RESUME: QCoreApplication.translate("ProxySteps", "Resume"),  # 恢复
        Step.CONCLUDE: QCoreApplication.translate("ProxySteps", "Conclude"),  # 办结
        Step.TERMINATE: QCoreApplication.translate("ProxySteps", "Terminate"),  # 终止
        Step.CALL_BACK: QCoreApplication.translate("ProxySteps", "Call back"),  # 回访
        Step.PRINT: QCoreApplication.translate("ProxySteps", "Print"),  # 打印
    }
    return labels[step]


def step_problems(record: ProxyRecord | None) -> dict[Step, str]:
    """Why each step is not possible now for ``record`` ("": it is); the service has the
    last word (a 办结 with a case still running is refused there, in its words)."""
    choose = QCoreApplication.translate("ProxySteps", "choose a proxy service in the list first")
    if record is None:
        return {step: "" if step is Step.NEW else choose for step in Step}
    state = record.state
    in_progress = QCoreApplication.translate(
        "ProxySteps", "only while the proxy service is in progress"
    )
    ended = QCoreApplication.translate("ProxySteps", "the proxy service has ended")
    problems = {
        Step.NEW: "",
        Step.AUTHORISE: ended if record.ended else "",
        Step.SCAN: ended if record.ended else "",
        Step.START_CASE: in_progress if state is not ProxyState.OPEN else "",
        Step.PAUSE: in_progress if state is not ProxyState.OPEN else "",
        Step.RESUME: QCoreApplication.translate("ProxySteps", "only a paused proxy service")
        if state is not ProxyState.PAUSED
        else "",
        Step.CONCLUDE: in_progress if state is not ProxyState.OPEN else "",
        Step.TERMINATE: ended if record.ended else "",
        Step.CALL_BACK: "",
        Step.PRINT: "",  # the 受理单 applies at every stage
    }
    if state is ProxyState.OPEN and record.authorisation is None:
        problems[Step.START_CASE] = QCoreApplication.translate(
            "ProxySteps", "import the signed authorisation first"
        )
    if not record.ended:
        problems[Step.CALL_BACK] = QCoreApplication.translate(
            "ProxySteps", "call back once it is concluded or terminated"
        )
    elif record.callback is not None:
        problems[Step.CALL_BACK] = QCoreApplication.translate("ProxySteps", "already called back")
    return problems


class ProxyStepBar(QWidget):
    stepChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy.steps")
        self.problems: dict[Step, str] = dict.fromkeys(Step, "")
        self.buttons: dict[Step, QPushButton] = {}
        # Two rows, so that the bar fits a hall screen at twice the text size: opening and
        # working on a 代办 above, stopping and ending it (and printing) below.
        rows = (QHBoxLayout(), QHBoxLayout())
        for step in Step:
            label = step_label(step)
            button = named(QPushButton(f"{KEYS[step]} {label}"), f"proxy.step.{step}", label)
            button.setAutoDefault(False)
            button.setProperty("step", str(step))
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            row = rows[1] if step in ENDING or step is Step.PRINT else rows[0]
            if step is Step.PRINT:
                row.addStretch(1)
            row.addWidget(button)
            self.buttons[step] = button
        rows[0].addStretch(1)
        self.reasons = named(QLabel(), "proxy.stepReasons", self.tr("Why not now"))
        self.reasons.setWordWrap(True)
        self.reasons.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for row in rows:
            row.setSpacing(6)
            layout.addLayout(row)
        layout.addWidget(self.reasons)

    def _clicked(self) -> None:
        self.stepChosen.emit(self.sender().property("step"))

    def set_problems(self, problems: dict[Step, str]) -> None:
        """Enable each step with no problem; the others say theirs (in their tooltips; the
        line under the buttons keeps what it says)."""
        self.problems = problems
        for step, button in self.buttons.items():
            problem = problems[step]
            button.setEnabled(not problem)
            button.setToolTip(self._why(step) if problem else f"{step_label(step)} ({KEYS[step]})")

    def trigger(self, step: Step) -> None:
        """The step's key was pressed: take it, or say why it cannot be taken."""
        if self.problems[step]:
            self.explain(step)
        else:
            self.stepChosen.emit(str(step))

    def explain(self, step: Step) -> None:
        self.say(self._why(step) if self.problems[step] else "")

    def say(self, text: str, error: bool = False) -> None:
        """``text`` under the buttons; ``error``: a refusal, shown as one."""
        set_role(self.reasons, "error" if error else "muted")
        self.reasons.setText(text)
        self.reasons.setVisible(bool(text))

    def _why(self, step: Step) -> str:
        return self.tr("{step} not possible now: {reason}").format(
            step=step_label(step), reason=self.problems[step]
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            step = next((s for s, b in self.buttons.items() if b is watched), None)
            if step is not None and self.problems[step]:
                self.explain(step)
        return super().eventFilter(watched, event)
