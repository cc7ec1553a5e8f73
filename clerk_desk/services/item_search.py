"""Finding a catalog item as the clerk types: by name, basic code, full pinyin or initials.

一件事 bundles are found the same way (by their name and code) and ranked among the items; a
bundle's hit says so and carries the codes of its items, which the clerk adds in one step.

The index lives in memory and is built once from the catalog's search rows; each keystroke is
answered without touching the database. Ranking, best first:

1. the basic code typed exactly,
2. a basic code starting with the query,
3. a name, full pinyin or pinyin initials starting with the query,
4. anything else containing the query (name, pinyin, initials or code).

Within each rank the items this desk takes most often come first, then the rest by name in
pinyin order (the order a Chinese reader expects; code-point order would put 租 before 购). A
query of several words matches items containing every word; an item ranks by its best word.

Speed (≤ 10 ms per keystroke on 20,000 items, see ``benchmarks/bench_search.py``) comes from
doing the per-item work in C: one ``in`` test per item on a precomputed lower-case string that
joins all four fields, bisection over sorted field values for the prefix ranks, and items kept
in name order so that "by name" is just "by position".
"""

from __future__ import annotations

import heapq
import unicodedata
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clerk_desk.services.catalog import CatalogService

# Never inside a query term: str.split() treats it as whitespace.
_FIELD_SEPARATOR = "\x1f"
_AFTER_EVERYTHING = "\U0010ffff"


class MatchKind(StrEnum):
    """Why an item was found, best first (the order of this enum is the ranking order)."""

    CODE = "code"
    CODE_PREFIX = "code_prefix"
    NAME_PREFIX = "name_prefix"
    PINYIN_PREFIX = "pinyin_prefix"
    INITIALS_PREFIX = "initials_prefix"
    NAME = "name"
    PINYIN = "pinyin"
    INITIALS = "initials"
    CODE_PART = "code_part"
    FREQUENT = "frequent"
    BUNDLE_LIST = "bundle_list"  # listed without a query: the 一件事 bundles


_KIND_ORDER = {kind: position for position, kind in enumerate(MatchKind)}


@dataclass(frozen=True)
class SearchHit:
    """An item or a bundle found. ``item_codes`` is what choosing it adds to the case: the item
    itself, or every item of the bundle. A bundle's ``basic_code`` is the bundle's code, and
    its category and department list those of its items."""

    basic_code: str
    name: str
    window_category: str
    department: str
    match: MatchKind
    use_count: int
    item_codes: tuple[str, ...]
    is_bundle: bool = False


def normalize(text: str) -> str:
    """Full-width letters and digits folded to ASCII, then case-folded.

    Chinese input methods often leave full-width ``ｓｐ`` or ``００１``; they must find the
    same items as ``sp`` and ``001``.
    """
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class _Entry:
    basic_code: str
    name: str
    window_category: str
    department: str
    item_codes: tuple[str, ...]
    is_bundle: bool
    categories: tuple[str, ...]


class _PrefixTable:
    """One field's values sorted, so every value starting with a prefix is one slice."""

    def __init__(self, values: list[str]) -> None:
        order = sorted(range(len(values)), key=values.__getitem__)
        self._values = [values[i] for i in order]
        self._positions = order

    def starting_with(self, prefix: str) -> list[int]:
        low = bisect_left(self._values, prefix)
        high = bisect_left(self._values, prefix + _AFTER_EVERYTHING, low)
        return self._positions[low:high]


class ItemSearchIndex:
    """Items are held in name (pinyin) order; an item's position is its rank among equals."""

    def __init__(self, entries: list[_Entry], fields: list[tuple[str, str, str, str]]) -> None:
        self._entries = entries
        self._codes = [f[0] for f in fields]
        self._names = [f[1] for f in fields]
        self._pinyin = [f[2] for f in fields]
        self._initials = [f[3] for f in fields]
        self._haystacks = [_FIELD_SEPARATOR.join(f) for f in fields]
        self._latin_fields = [_FIELD_SEPARATOR.join((f[0], f[2], f[3])) for f in fields]
        self._names_with_latin = [
            p
            for p, name in enumerate(self._names)
            if any(c.isascii() and c.isalnum() for c in name)
        ]
        self._by_code = {code: position for position, code in enumerate(self._codes)}
        self._code_prefixes = _PrefixTable(self._codes)
        self._name_prefixes = [
            _PrefixTable(self._names),
            _PrefixTable(self._pinyin),
            _PrefixTable(self._initials),
        ]
        self._by_category: dict[str, set[int]] = {}
        for position, entry in enumerate(entries):
            for category in entry.categories:
                self._by_category.setdefault(category, set()).add(position)
        self._bundles = [p for p, entry in enumerate(entries) if entry.is_bundle]
        self._usage: dict[int, int] = {}

    @classmethod
    def build(
        cls,
        rows: Iterable[Mapping[str, Any]],
        usage: Mapping[str, int] | None = None,
        bundles: Iterable[Mapping[str, Any]] = (),
    ) -> ItemSearchIndex:
        """Rows as given by :meth:`CatalogService.search_rows`; usage maps code to use count;
        bundles as given by :meth:`CatalogService.bundle_rows`."""
        items = {row["basic_code"]: row for row in rows}
        entries = [
            (
                row,
                _Entry(
                    row["basic_code"],
                    row["name"],
                    row["window_category"],
                    row["department"],
                    (row["basic_code"],),
                    False,
                    (row["window_category"],),
                ),
            )
            for row in items.values()
        ]
        entries.extend((row, _bundle_entry(row, items)) for row in bundles)
        entries.sort(key=lambda pair: (pair[0]["name_pinyin"], pair[1].name, pair[1].basic_code))
        fields = [
            (
                normalize(entry.basic_code),
                normalize(entry.name),
                normalize(row["name_pinyin"]),
                normalize(row["name_initials"]),
            )
            for row, entry in entries
        ]
        index = cls([entry for _, entry in entries], fields)
        index.set_usage(usage or {})
        return index

    @classmethod
    def from_catalog(cls, catalog: CatalogService) -> ItemSearchIndex:
        return cls.build(catalog.search_rows(), catalog.usage_counts(), catalog.bundle_rows())

    def __len__(self) -> int:
        return len(self._entries)

    def set_usage(self, usage: Mapping[str, int]) -> None:
        """Replace all use counts; codes not in the catalog are ignored."""
        self._usage = {}
        for code, count in usage.items():
            position = self._by_code.get(normalize(code))
            if position is not None and count > 0:
                self._usage[position] = count

    def record_use(self, basic_code: str) -> None:
        """Count one more use in memory (the caller stores it with CatalogService.record_use)."""
        position = self._by_code.get(normalize(basic_code))
        if position is not None:
            self._usage[position] = self._usage.get(position, 0) + 1

    def frequent(
        self, limit: int = 20, categories: Collection[str] | None = None
    ) -> list[SearchHit]:
        """The 常办 list: items this desk has taken, most often first."""
        allowed = self._allowed(categories)
        used = [p for p in self._usage if allowed is None or p in allowed]
        used.sort(key=self._usage_rank)
        return [self._hit(p, MatchKind.FREQUENT) for p in used[:limit]]

    def bundles(self, categories: Collection[str] | None = None) -> list[SearchHit]:
        """Every 一件事 bundle, in name order (those with an item of ``categories``)."""
        allowed = self._allowed(categories)
        return [
            self._hit(p, MatchKind.BUNDLE_LIST)
            for p in self._bundles
            if allowed is None or p in allowed
        ]

    def search(
        self, query: str, limit: int = 20, categories: Collection[str] | None = None
    ) -> list[SearchHit]:
        """Best ``limit`` items for ``query``; an empty query gives the frequent items.

        ``categories`` limits the result to those window categories (default: all items).
        """
        terms = normalize(query).split()
        if not terms:
            return self.frequent(limit, categories)
        if limit <= 0:
            return []
        matched = self._matching(terms, self._allowed(categories))
        if not matched:
            return []
        ranks = self._prefix_ranks(terms)
        if len(terms) > 1 or categories is not None:
            matched_set = set(matched)
            ranks = [rank & matched_set for rank in ranks]
        chosen: list[int] = []
        seen: set[int] = set()
        for rank in ranks:
            rank -= seen
            chosen.extend(self._best_of_rank(rank, limit - len(chosen)))
            seen |= rank
            if len(chosen) >= limit:
                break
        else:
            chosen.extend(self._best_of_rest(matched, seen, limit - len(chosen)))
        return [self._hit(p, self._match_kind(p, terms)) for p in chosen]

    def _allowed(self, categories: Collection[str] | None) -> set[int] | None:
        if categories is None:
            return None
        return set().union(*(self._by_category.get(category, ()) for category in categories))

    def _matching(self, terms: list[str], allowed: set[int] | None) -> list[int]:
        """Positions, in name order, of the items containing every term."""
        longest_first = sorted(terms, key=len, reverse=True)
        matched = self._containing(longest_first[0])
        haystacks = self._haystacks
        for term in longest_first[1:]:
            matched = [p for p in matched if term in haystacks[p]]
        if allowed is not None:
            matched = [p for p in matched if p in allowed]
        return matched

    def _containing(self, term: str) -> list[int]:
        """Positions of the items with ``term`` in any field, in name order.

        Scans strings of one kind only: ``in`` between a Latin-1 term and a string holding
        Chinese converts the term on every call, which costs more than the search itself.
        Codes and pinyin are ASCII; only names can hold Chinese.
        """
        names = self._names
        if not term.isascii():
            return [p for p, name in enumerate(names) if term in name]
        found = [p for p, text in enumerate(self._latin_fields) if term in text]
        has_alnum = any(c.isalnum() for c in term)
        candidates = self._names_with_latin if has_alnum else range(len(names))
        in_names = [p for p in candidates if term in names[p]]
        return sorted(set(found).union(in_names)) if in_names else found

    def _prefix_ranks(self, terms: list[str]) -> list[set[int]]:
        exact: set[int] = set()
        code_prefix: set[int] = set()
        name_prefix: set[int] = set()
        for term in terms:
            if term in self._by_code:
                exact.add(self._by_code[term])
            code_prefix.update(self._code_prefixes.starting_with(term))
            for table in self._name_prefixes:
                name_prefix.update(table.starting_with(term))
        return [exact, code_prefix, name_prefix]

    def _usage_rank(self, position: int) -> tuple[int, int]:
        return (-self._usage[position], position)

    def _best_of_rank(self, rank: set[int], wanted: int) -> list[int]:
        used = sorted((p for p in self._usage if p in rank), key=self._usage_rank)
        if len(used) >= wanted:
            return used[:wanted]
        unused = heapq.nsmallest(wanted + len(used), rank)
        return used + [p for p in unused if p not in self._usage][: wanted - len(used)]

    def _best_of_rest(self, matched: list[int], taken: set[int], wanted: int) -> list[int]:
        """Matches outside the prefix ranks; ``matched`` is already in name order."""
        matched_set = set(matched) if self._usage else set()
        used = sorted(
            (p for p in self._usage if p in matched_set and p not in taken), key=self._usage_rank
        )
        result = used[:wanted]
        for position in matched:
            if len(result) >= wanted:
                break
            if position not in taken and position not in self._usage:
                result.append(position)
        return result

    def _match_kind(self, position: int, terms: list[str]) -> MatchKind:
        return min(
            (self._term_kind(position, term) for term in terms),
            key=_KIND_ORDER.__getitem__,
        )

    def _term_kind(self, position: int, term: str) -> MatchKind:
        code = self._codes[position]
        name = self._names[position]
        pinyin = self._pinyin[position]
        initials = self._initials[position]
        checks = (
            (code == term, MatchKind.CODE),
            (code.startswith(term), MatchKind.CODE_PREFIX),
            (name.startswith(term), MatchKind.NAME_PREFIX),
            (pinyin.startswith(term), MatchKind.PINYIN_PREFIX),
            (initials.startswith(term), MatchKind.INITIALS_PREFIX),
            (term in name, MatchKind.NAME),
            (term in pinyin, MatchKind.PINYIN),
            (term in initials, MatchKind.INITIALS),
        )
        return next((kind for hit, kind in checks if hit), MatchKind.CODE_PART)

    def _hit(self, position: int, kind: MatchKind) -> SearchHit:
        entry = self._entries[position]
        return SearchHit(
            basic_code=entry.basic_code,
            name=entry.name,
            window_category=entry.window_category,
            department=entry.department,
            match=kind,
            use_count=self._usage.get(position, 0),
            item_codes=entry.item_codes,
            is_bundle=entry.is_bundle,
        )


def _bundle_entry(row: Mapping[str, Any], items: Mapping[str, Mapping[str, Any]]) -> _Entry:
    """A bundle as the index holds it: in the window categories of any of its items."""
    codes = tuple(row["item_codes"])
    known = [items[code] for code in codes if code in items]
    categories = tuple(dict.fromkeys(item["window_category"] for item in known))
    departments = dict.fromkeys(item["department"] for item in known)
    return _Entry(
        row["code"],
        row["name"],
        "、".join(categories),
        "、".join(departments),
        codes,
        True,
        categories,
    )
