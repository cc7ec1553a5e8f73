"""Rotating log files under the data directory (``logs/clerk-desk.log``, 2 MB × 6).

The window and every command log here, so an error chain that the clerk sees as one short
sentence (a storage fault, a platform that cannot be reached) stays in the log with its
traceback. The file is opened at the first record and its folder is never created here
(opening the desk makes ``logs/``), so ``doctor`` on a folder that does not exist yet leaves
it so; when the data folder cannot take a record (full, read-only, gone), the record is
dropped instead of ending up as a traceback on the clerk's terminal.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "clerk-desk.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5


class _LogFile(logging.handlers.RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        del record  # the log's own disk failed: nowhere left to say so


def configure(log_dir: Path, level: int = logging.INFO) -> Path:
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    handler = _LogFile(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    return path
