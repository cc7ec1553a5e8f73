"""First start: the desk's demo accounts (in centre 340100), the demo catalog and version 1
of the rating reasons (the desk's ``DEFAULT_REASONS``).

Idempotent: an account or catalog already there is left alone, so a restart keeps passwords
and tokens, and a catalog the operator replaced stays replaced.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from clerk_desk.demo import DEMO_ACCOUNTS, DEMO_SETTINGS
from clerk_desk.resources import resource_path
from platform_sandbox import rating_store
from platform_sandbox.auth import hash_password
from platform_sandbox.catalog import catalog_version
from platform_sandbox.models import Account, CatalogRow
from platform_sandbox.platform import Platform

DEMO_CENTRE = str(DEMO_SETTINGS["centre_code"])
DEMO_CATALOG = ("catalog", "demo_catalog.json")


def seed(platform: Platform) -> None:
    with platform.database.read() as session:
        present = set(session.scalars(select(Account.username)))
        has_catalog = session.get(CatalogRow, 1) is not None
    # Hash outside the write transaction: argon2 is slow on purpose.
    missing = [
        Account(
            username=account.username,
            password_hash=hash_password(account.password),
            display_name=account.display_name,
            roles=",".join(str(role) for role in account.roles),
            centre_code=DEMO_CENTRE,
            department=account.department,
        )
        for account in DEMO_ACCOUNTS
        if account.username not in present
    ]
    with platform.database.write() as session:
        for row in missing:
            if session.get(Account, row.username) is None:
                session.add(row)
        if not has_catalog and session.get(CatalogRow, 1) is None:
            document = json.loads(resource_path(*DEMO_CATALOG).read_text(encoding="utf-8"))
            session.add(CatalogRow(id=1, version=catalog_version(document), document=document))
        rating_store.ensure_first(session, datetime.now().replace(microsecond=0))
