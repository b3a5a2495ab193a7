"""Each readout's JSON record, cut from the year file the last build published rather than kept
in the build cache.

The records were nine tenths of the export pieces the cache kept (125 MB of 132 at 10,000
readouts): every build read, verified and unpickled them all, though a new readout rewrites one
year's file. That file holds its records already. The cache keeps only where each record lies in
it and the file's digest; a build that makes a year file again cuts each unchanged record from
the last one, and makes a record anew when the file is not byte for byte the one described.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from readouts.cache import CacheTable, sha256_hex

RecordsAt = tuple[str, int, tuple[str, ...], tuple[int, ...]]
"""(sha256 of the year file, where its first record starts, each record's key, each record's
length); the records are separated by one comma."""


def _entries(part: Mapping[str, RecordsAt]) -> frozenset[object]:
    """A path's entry changes as its file does."""
    return frozenset((path, hash(entry)) for path, entry in part.items())


YEAR_RECORDS: CacheTable[str, RecordsAt] = CacheTable("records", _entries)
"""Year file path → where the records lie in the file as last published: what PublishedRecords
keeps for the next build."""


class PublishedRecords:
    """The records of the year files the last build published, found by their key."""

    def __init__(self, before: Mapping[str, RecordsAt] | None = None,
                 read: Callable[[str], bytes | None] = lambda path: None) -> None:
        self.before: Mapping[str, RecordsAt] = before if before is not None else {}
        self.now: dict[str, RecordsAt] = {}
        """The entries of this build's year files, for the next build."""
        self._read = read
        self._where: dict[str, tuple[str, int]] | None = None
        self._files: dict[str, list[bytes] | None] = {}

    def keep(self, path: str, keys: Sequence[str]) -> None:
        """The year file at `path` is made from the records of `keys`: when the last build's was
        too, the file stays as it is, and so does where its records lie."""
        entry = self.before.get(path)
        if entry is not None and entry[2] == tuple(keys):
            self.now[path] = entry

    def record(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The record of `key`: cut from the last build's year file, else made."""
        if self._where is None:
            self._where = {k: (path, index) for path, entry in self.before.items() for index, k in enumerate(entry[2])}
        found = self._where.get(key)
        if found is not None:
            if found[0] not in self._files:
                self._files[found[0]] = _cut(self._read(found[0]), self.before[found[0]])
            records = self._files[found[0]]
            if records is not None:
                return records[found[1]]
        return make()

    def made(self, path: str, head: bytes, keys: Sequence[str], records: Sequence[bytes], data: bytes) -> None:
        """Record where the records of the year file made at `path` lie: `data` is `head`, then
        the records joined by commas, then the end."""
        self.now[path] = (sha256_hex(data), len(head), tuple(keys), tuple(len(record) for record in records))


def _cut(data: bytes | None, entry: RecordsAt) -> list[bytes] | None:
    """The records of a year file as `entry` says they lie; None when the file is missing or not
    the one the entry describes (a person edited it, or it is another build's)."""
    if data is None or sha256_hex(data) != entry[0]:
        return None
    records, start = [], entry[1]
    for length in entry[3]:
        records.append(data[start:start + length])
        start += length + 1
    return records
