"""What a piece of work changed, said once after it (the desk's change notices).

The database records every committed write (:meth:`local_cache.db.Database.take_touched`);
:meth:`Changes.from_touched` says what those writes mean to the people watching: which cases,
whether the outbox (and with it the sync counts) moved, whether new work was queued for the
platform, the catalog, the accounts. A settings save is added by the settings themselves
(:meth:`clerk_desk.settings.Settings.take_saved`). Plain data: the window turns it into one
Qt signal, the CLI has no use for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from local_cache.db import Touched

_OUTBOX = frozenset({"outbox", "sync_problems"})
_CATALOG = frozenset(
    {
        "catalog_items",
        "catalog_materials",
        "catalog_bundles",
        "catalog_meta",
        "dishonest_parties",
    }
)
_ACCOUNTS = frozenset({"accounts", "sign_in_throttle", "account_events"})
_RATINGS = frozenset({"contacts", "ratings", "followup_steps", "rating_reason_lists"})
_PROXIES = frozenset({"proxy_services"})


@dataclass(frozen=True)
class Changes:
    """``cases``: the uuids of the cases whose record or history changed; ``outbox``: rows or
    sync problems came or went (the pending and problem counts); ``queued``: a new row waits
    for the platform (sync should run now)."""

    cases: frozenset[str] = frozenset()
    outbox: bool = False
    queued: bool = False
    catalog: bool = False
    settings: bool = False
    accounts: bool = False
    ratings: bool = False  # contacts, ratings, follow-up steps or the reasons list
    proxies: bool = False  # 代办 records

    @classmethod
    def from_touched(cls, touched: Iterable[Touched]) -> Changes:
        rows = list(touched)
        return cls(
            cases=frozenset(row.case_uuid for row in rows if row.case_uuid),
            outbox=any(row.table in _OUTBOX for row in rows),
            queued=any(row.table == "outbox" and row.op == "INSERT" for row in rows),
            catalog=any(row.table in _CATALOG for row in rows),
            accounts=any(row.table in _ACCOUNTS for row in rows),
            ratings=any(row.table in _RATINGS for row in rows),
            proxies=any(row.table in _PROXIES for row in rows),
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            cases=self.cases | other.cases,
            outbox=self.outbox or other.outbox,
            queued=self.queued or other.queued,
            catalog=self.catalog or other.catalog,
            settings=self.settings or other.settings,
            accounts=self.accounts or other.accounts,
            ratings=self.ratings or other.ratings,
            proxies=self.proxies or other.proxies,
        )

    def __bool__(self) -> bool:
        return bool(
            self.cases
            or self.outbox
            or self.queued
            or self.catalog
            or self.settings
            or self.accounts
            or self.ratings
            or self.proxies
        )
