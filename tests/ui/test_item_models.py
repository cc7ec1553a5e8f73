"""Every item model of the window passes Qt's model tester (pytest-qt's ``qtmodeltester``),
with real rows: cases, accounts, refusals and pages made through the desk's own services.

The C++ ``QAbstractItemModelTester`` and pytest-qt's Python tester both stay attached while
the model then changes as the window changes it (new search, sort, next page, new rows), so a
row inserted or reset the wrong way fails the test too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from case_factory import CLERK, SEAL_FILING, make_case, mark, person, write_png
from PIL import Image
from platform_fixtures import SandboxProcess
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QPixmap
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sync_ui_helpers import spoil_id_number
from ui_test_helpers import settle

from clerk_desk.desk import Desk
from clerk_desk.devices.base import ColourMode
from clerk_desk.domain.case import MaterialMark
from clerk_desk.imaging.encode import encode_page
from clerk_desk.services.accounts import SignInError
from clerk_desk.services.demo_data import make_demo_cases
from clerk_desk.services.intake import CaseQuery
from ui.accounts_page import AccountsModel
from ui.case_list import CASE_NO, ORDERS, PAGE_SIZE, CaseListModel
from ui.desk_worker import DeskWorker
from ui.intake.materials_table import MaterialsModel
from ui.intake.pages_panel import PagesModel
from ui.sync_problems import ProblemsModel
from ui.translations import Translators

DISPLAY = Qt.ItemDataRole.DisplayRole
TESTERS = pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])


def texts(model: CaseListModel | ProblemsModel | AccountsModel | MaterialsModel) -> list[list[str]]:
    return [
        [model.index(row, column).data(DISPLAY) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def assert_nothing_outside(model: QAbstractItemModel) -> None:
    """What the testers leave out: no data for the invalid index, no header past the ends
    (a view or a screen reader may ask for either)."""
    for role in (DISPLAY, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        assert model.data(QModelIndex(), role) is None
    for section in (-1, model.columnCount()):
        assert model.headerData(section, Qt.Orientation.Horizontal, DISPLAY) is None


@TESTERS
def test_the_case_list_model(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    demo_desk: Desk,
    demo_worker: DeskWorker,
    translators: Translators,
    force_py: bool,
) -> None:
    make_demo_cases(demo_desk, 260, 10, seed=5)  # more than one page, every decision
    refused = demo_desk.intake.reject(
        make_case(demo_desk, (SEAL_FILING,), applicant=person("欧阳明辉", 23)),
        CLERK,
        "不属于本机关职权",
    )
    total = len(demo_desk.intake.find_cases(CaseQuery(limit=1000)))
    assert total > PAGE_SIZE
    model = CaseListModel(demo_worker)
    qtmodeltester.check(model, force_py=force_py)

    with qtbot.waitSignal(model.loaded):
        model.search(CaseQuery())
    assert model.rowCount() == PAGE_SIZE
    with qtbot.waitSignal(model.loaded):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    for column in range(len(ORDERS)):
        with qtbot.waitSignal(model.loaded):
            model.sort(column, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.loaded):
        model.search(CaseQuery(text="欧阳"))
    [row] = texts(model)
    assert refused.case_no is not None
    assert row[CASE_NO].replace("-", "") == refused.case_no.replace("-", "")
    assert "欧" in row[2] and "明辉" not in row[2]  # the list masks names
    assert_nothing_outside(model)
    settle(demo_worker)


@TESTERS
def test_the_accounts_model(
    qtmodeltester: ModelTester, demo_desk: Desk, translators: Translators, force_py: bool
) -> None:
    model = AccountsModel()
    qtmodeltester.check(model, force_py=force_py)
    for _ in range(5):
        with pytest.raises(SignInError):
            demo_desk.accounts.sign_in("output", "wrong")
    model.set_rows(demo_desk.accounts.account_rows())
    users = {row[0]: row for row in texts(model)}
    assert {"clerk", "reviewer", "output", "supervisor", "admin"} <= set(users)
    assert users["reviewer"][3] == "市场监督管理局"
    locked = model.index(model.row_of("output"), 4)
    assert locked.data(Qt.ItemDataRole.ToolTipRole).startswith("登录失败次数过多")
    assert_nothing_outside(model)


@TESTERS
def test_the_sync_problems_model(
    qtmodeltester: ModelTester,
    demo_desk: Desk,
    sandbox_server: SandboxProcess,
    translators: Translators,
    force_py: bool,
) -> None:
    translators.install("en")
    demo_desk.settings.override("platform_url", sandbox_server.url)
    spoiled = make_case(demo_desk, accept_by=CLERK)
    spoil_id_number(demo_desk, spoiled)
    make_case(demo_desk, applicant=person(sequence=13), accept_by=CLERK)
    demo_desk.sync.run_once()
    problems = demo_desk.sync.problems()
    assert len(problems) == 1

    model = ProblemsModel(None)
    qtmodeltester.check(model, force_py=force_py)
    model.set_problems(problems)
    [[_case_no, what, reason, fields, _when]] = texts(model)
    assert (what, fields) == ("Submit", "Applicant's ID number")
    assert reason
    assert_nothing_outside(model)
    model.set_problems([])
    assert model.rowCount() == 0


@TESTERS
def test_the_materials_model(
    qtmodeltester: ModelTester,
    demo_desk: Desk,
    translators: Translators,
    force_py: bool,
    tmp_path: Path,
) -> None:
    case = make_case(demo_desk, mark=None, attach=write_png(tmp_path), attach_to="营业执照")
    mark(case, "食品经营许可申请书", MaterialMark.DEFECTIVE, "缺少签名")
    model = MaterialsModel()
    qtmodeltester.check(model, force_py=force_py)
    model.set_materials(case.materials)
    rows = texts(model)
    assert len(rows) == len(case.materials)
    licence = next(row for row in rows if row[1] == "营业执照")
    assert "1" in licence[0]  # its page count
    case.materials[0].mark = MaterialMark.RECEIVED
    model.refresh_row(0)
    assert_nothing_outside(model)
    model.set_materials([])
    assert model.rowCount() == 0


@TESTERS
def test_the_pages_model(
    qtmodeltester: ModelTester, demo_desk: Desk, translators: Translators, force_py: bool
) -> None:
    case = make_case(demo_desk, mark=None)
    pages = [encode_page(Image.new("L", (420, 300), shade), ColourMode.GREY) for shade in (60, 200)]
    case = demo_desk.pages.add_pages(case, "营业执照", pages)
    files = next(m for m in case.materials if m.name == "营业执照").files
    model = PagesModel()
    qtmodeltester.check(model, force_py=force_py)
    model.set_files(files)
    assert model.rowCount() == 2
    for file in files:
        pixmap = QPixmap()
        assert pixmap.loadFromData(demo_desk.pages.thumbnail(file.sha256, 64))
        model.set_thumbnail(file.sha256, pixmap)
    assert model.index(1).data(DISPLAY) == "2"
    assert model.index(1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(QModelIndex()) is None
    model.set_files(())
    assert model.rowCount() == 0
