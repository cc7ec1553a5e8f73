from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea
from ui_test_helpers import find, settle


def test_shots(qtbot, main_window, demo_worker) -> None:
    window = main_window("admin", "demo-admin")
    find(window, QPushButton, "main.tab.settings").click()
    settle(demo_worker)
    scroll = window.findChild(QScrollArea, "settings.scroll")
    inner = scroll.widget()
    cards = [c for c in inner.findChildren(QFrame) if c.property("role") == "card"]
    print("\nSCROLL", window.size(), scroll.viewport().size(), inner.minimumSizeHint(), inner.size(), [(c.objectName(), c.minimumSizeHint().height(), c.height()) for c in cards])
