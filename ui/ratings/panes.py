"""The two panes of 好差评: 差评整改 (the follow-ups, with a selected one's rating and steps)
and 评价 (one day's ratings with the day's counts)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.ratings import LEVELS
from ui.naming import described, named
from ui.ratings.loads import DayLoad, FollowUpLine, FollowUpsLoad, RatingLine
from ui.ratings.models import F_DEADLINE, R_TIME, FollowUpsModel, RatingsModel, rater_text
from ui.ratings.tables import SearchTable
from ui.ratings.words import (
    LEVEL_COLOURS,
    OVERDUE_COLOUR,
    contact_word,
    level_word,
    origin_word,
    overdue_word,
    state_word,
    step_summary,
    struck_word,
)
from ui.theme import set_role


def _card(*widgets: QWidget, stretch_last: bool = True) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setSpacing(6)
    for position, widget in enumerate(widgets):
        last = position == len(widgets) - 1
        layout.addWidget(widget, 1 if last and stretch_last else 0)
    return card


def _coloured(text: str, colour: str) -> str:
    return f'<span style="color:{colour}; font-weight:600">{text}</span>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FollowUpsPane(QWidget):
    """差评整改: the list on the left, the chosen 差评 and its history on the right."""

    currentChanged = Signal()
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratings.followupsPane")
        self.lines: dict[str, FollowUpLine] = {}
        self.model = FollowUpsModel(self)
        self.list = SearchTable(
            self.model,
            "ratings.followups",
            self.tr("Poor ratings to follow up"),
            self.tr("Search the poor ratings"),
            self.tr("Case number, department, staff or state"),
            self,
        )
        self.list.table.sortByColumn(F_DEADLINE, Qt.SortOrder.AscendingOrder)
        self.count = named(QLabel(), "ratings.followupsCount", self.tr("Poor ratings listed"))
        self.count.setProperty("role", "muted")
        self.facts = named(QLabel(), "ratings.followupFacts", self.tr("The poor rating"))
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        history_title = QLabel(self.tr("Steps taken"))
        history_title.setProperty("role", "subtitle")
        self.history = named(QListWidget(), "ratings.history", self.tr("Steps taken"))
        self.history.setWordWrap(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.list.search)
        left_layout.addWidget(self.list.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("ratings.followupsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(_card(left))
        splitter.addWidget(_card(self.facts, history_title, self.history))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.currentChanged.connect(self._show_current)
        self.list.opened.connect(self.opened)
        self._show_current("")

    def show_load(self, load: FollowUpsLoad) -> None:
        self.lines = {line.uuid: line for line in load.lines}
        self.list.set_rows(load.lines)
        self.list.fit_columns()
        self.count.setText(
            self.tr("{total} poor ratings · {open} open · {overdue} overdue").format(
                total=len(load.lines), open=load.open, overdue=load.overdue
            )
        )

    def current(self) -> FollowUpLine | None:
        return self.lines.get(self.list.current_uuid())

    def _show_current(self, uuid: str) -> None:
        line = self.lines.get(uuid)
        self.history.clear()
        if line is None:
            self.facts.setText(self.tr("Choose a poor rating in the list to see it here."))
            set_role(self.facts, "muted")
        else:
            set_role(self.facts, "")
            self.facts.setText(self._facts(line))
            for step in line.followup.steps:
                self.history.addItem(step_summary(step))
            if not line.followup.steps:
                self.history.addItem(self.tr("No step yet."))
        self.currentChanged.emit()

    def _facts(self, line: FollowUpLine) -> str:
        followup = line.followup
        rating = followup.rating
        deadline = followup.deadline.isoformat()
        if followup.overdue:
            deadline = _coloured(f"{deadline} {overdue_word()}", OVERDUE_COLOUR)
        state = state_word(followup.state)
        rows = [
            (self.tr("Case"), _escape(display_case_no(rating.case_no) if rating.case_no else "")),
            (
                self.tr("Level"),
                _coloured(level_word(rating.level), LEVEL_COLOURS[rating.level])
                + (f" · {struck_word()}" if rating.struck else ""),
            ),
            (self.tr("State"), state),
            (self.tr("Deadline"), deadline),
            (
                self.tr("Contact"),
                self.tr("{contact}, rating no. {seq}, window {window}, {staff}").format(
                    contact=contact_word(rating.contact_kind),
                    seq=rating.seq,
                    window=rating.window_number,
                    staff=_escape(rating.staff_name),
                ),
            ),
            (self.tr("Rated at"), f"{rating.rated_at:%Y-%m-%d %H:%M}"),
            (self.tr("Reasons"), _escape("、".join(r.text for r in rating.reasons))),
            (self.tr("Comment"), _escape(rating.comment)),
        ]
        if line.shows_rater:
            rows.append(
                (self.tr("Rater"), _escape(rater_text(rating.rater_name, rating.rater_phone)))
            )
        body = "".join(
            f"<tr><td style='padding-right:10px; color:#57606a'>{caption}</td><td>{value}</td></tr>"
            for caption, value in rows
            if value
        )
        return f"<table>{body}</table>"


class DayPane(QWidget):
    """评价: the ratings of one day (today first), with its counts per level, the platform's
    defaults, the struck ones and the contacts left unrated."""

    dayChosen = Signal(object)  # date
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratings.dayPane")
        self.lines: dict[str, RatingLine] = {}
        self.today: date | None = None
        self.model = RatingsModel(self)
        self.list = SearchTable(
            self.model,
            "ratings.day",
            self.tr("Ratings of the day"),
            self.tr("Search the ratings"),
            self.tr("Case number, staff, level or words of the comment"),
            self,
        )
        self.list.table.sortByColumn(R_TIME, Qt.SortOrder.AscendingOrder)
        self.day = named(QDateEdit(), "ratings.date", self.tr("Day"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day_button = named(QPushButton(self.tr("&Today")), "ratings.today", self.tr("Today"))
        described(self.day_button, self.tr("Today"))
        self.day_button.setAutoDefault(False)
        self.counts = named(QLabel(), "ratings.dayCounts", self.tr("Counts of the day"))
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.detail = named(QLabel(), "ratings.ratingDetail", self.tr("The rating"))
        self.detail.setWordWrap(True)
        self.detail.setProperty("role", "muted")
        self.detail.hide()
        caption = QLabel(self.tr("&Day"))
        caption.setBuddy(self.day)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(caption)
        top.addWidget(self.day)
        top.addWidget(self.day_button)
        top.addWidget(self.list.search, 1)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(6)
        inner.addLayout(top)
        inner.addWidget(self.counts)
        inner.addWidget(self.list.table, 1)
        inner.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_card(box))
        self.day.dateChanged.connect(self._day_changed)
        self.day_button.clicked.connect(self._to_today)
        self.list.currentChanged.connect(self._show_current)
        self.list.opened.connect(self.opened)

    def show_load(self, load: DayLoad, today: date) -> None:
        self.today = today
        self.day.blockSignals(True)
        self.day.setDate(QDate(load.day.year, load.day.month, load.day.day))
        self.day.blockSignals(False)
        self.lines = {line.rating.uuid: line for line in load.lines}
        self.list.set_rows(load.lines)
        self.list.fit_columns()
        levels = " · ".join(
            f"{_coloured(level_word(level), LEVEL_COLOURS[level])} {load.levels[level]}"
            for level in LEVELS
        )
        extra = self.tr("default {defaults} · struck {struck} · unrated {unrated}").format(
            defaults=load.defaults, struck=load.struck, unrated=load.unrated
        )
        total = self.tr("{count} ratings").format(count=len(load.lines))
        self.counts.setText(f"{total}：{levels} · {extra}")

    def _day_changed(self, chosen: QDate) -> None:
        self.dayChosen.emit(date(chosen.year(), chosen.month(), chosen.day()))

    def _to_today(self) -> None:
        if self.today is not None:
            self.day.setDate(QDate(self.today.year, self.today.month, self.today.day))

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _show_current(self, uuid: str) -> None:
        line = self.lines.get(uuid)
        if line is None:
            self.detail.clear()
            self.detail.hide()  # the table takes the room while nothing is chosen
            return
        self.detail.show()
        rating = line.rating
        parts = [
            display_case_no(rating.case_no) if rating.case_no else "",
            level_word(rating.level),
            origin_word(rating.origin),
            struck_word() if rating.struck else "",
            "、".join(r.text for r in rating.reasons),
            rating.comment,
        ]
        self.detail.setText(" · ".join(part for part in parts if part))
