"""统计: the supervisor's dashboard (今日, 趋势, 事项与缺口) and the 日报 page beside it.

Only :mod:`ui.stats.workspace` is imported at start-up; the pages import pyqtgraph when the
workspace is first shown.
"""
