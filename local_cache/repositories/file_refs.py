"""Which stored files the cases and 代办 records refer to: the start-up sweep keeps exactly
these."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# SQLite's JSON functions walk every case's materials and their files, and the files kept
# with the case itself (the signed 材料流转单, a collector's 授权委托书). ``instr`` skips the
# documents without any file entry before the JSON is parsed. A 代办 record keeps its signed
# 代办服务委托书.
_REFERENCED = text(
    """
    SELECT json_extract(file.value, '$.sha256')
    FROM cases,
         json_each(cases.data, '$.materials') AS material,
         json_each(material.value, '$.files') AS file
    WHERE instr(cases.data, '"sha256"') > 0
    UNION
    SELECT json_extract(sheet.value, '$.sha256')
    FROM cases, json_each(cases.data, '$.transfer_sheets') AS sheet
    WHERE instr(cases.data, '"sha256"') > 0
    UNION
    SELECT json_extract(proxy_services.data, '$.authorisation.sha256') FROM proxy_services
    """
)


def referenced_files(session: Session) -> set[str]:
    """The sha256 of every file any case's or 代办 record's JSON document refers to."""
    return {sha256 for (sha256,) in session.execute(_REFERENCED) if sha256}
