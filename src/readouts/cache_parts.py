"""A table of the build cache kept in named parts, each read only when one of its keys is asked
for (`cache.CacheTable.part_by`), with the list of every key in a file of its own.

Why. A table loaded whole is read, checked against its seal and unpickled on every build, however
little of it the build uses: the search index's word counts were 66 MB at 10,000 readouts,
half of the cache, of which adding one readout uses the counts of its search shard (a run of
days, some 170 readouts). Kept by the month of each readout's date, the build that adds one
reads the key list and the few months its shard spans; a cold build, which reads no part,
still knows from the key list alone which readouts it must count (in workers).

A part is read whole before any of its keys is changed, so that a part written is whole;
parts never read are never written. The key list is written after the parts: a build killed
between the two leaves a list that names a key a part lacks, or lacks one a part holds, and
either costs the work of making that entry again (`PartedEntries.get` answers None).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, TypeVar

KEYS = "keys"
"""The name of the part that lists every key (`<table>-keys.pickle`): no part by month is named so."""


Key = TypeVar("Key")
Entry = TypeVar("Entry")


class PartedEntries(MutableMapping[Key, Entry]):
    """A table's entries, read part by part as they are asked for; what `BuildCache[table]`
    gives for a table kept in parts."""

    def __init__(self, part_by: Callable[[Any], str], read: Callable[[str], dict[Any, Any] | None],
                 keys: frozenset[Any] = frozenset()) -> None:
        self._part_by = part_by
        self._read = read
        """Part name → its entries as its file holds them, None when missing or unreadable."""
        self._keys: dict[str, set[Any]] = {}
        """Part name → its keys as they are now, read or not."""
        for key in keys:
            self._keys.setdefault(part_by(key), set()).add(key)
        self.keys_saved = keys
        """The keys its key list holds, as read or last written."""
        self._on_disk = frozenset(self._keys)
        """The parts the key list named when loaded: written again when all is replaced."""
        self.loaded: dict[str, dict[Any, Any]] = {}
        """Part name → its entries, for the parts read (or made) so far."""
        self.saved: dict[str, frozenset[Any]] = {}
        """Part name → the keys its file holds, for the parts read or written by this process."""

    def _part(self, name: str) -> dict[Any, Any]:
        """The entries of part `name`, read from its file on first use."""
        found = self.loaded.get(name)
        if found is None:
            found = self.loaded[name] = self._read(name) or {}
            self.saved[name] = frozenset(found)
            self._keys[name] = set(found)  # the file is what it holds, whatever the key list said
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._keys.get(self._part_by(key), ())

    def __getitem__(self, key: Any) -> Any:
        if key not in self:
            raise KeyError(key)
        return self._part(self._part_by(key))[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        name = self._part_by(key)
        self._part(name)[key] = value
        self._keys[name].add(key)

    def __delitem__(self, key: Any) -> None:
        name = self._part_by(key)
        del self._part(name)[key]
        self._keys[name].discard(key)

    def __iter__(self) -> Iterator[Any]:
        for keys in list(self._keys.values()):
            yield from list(keys)

    def __len__(self) -> int:
        return sum(map(len, self._keys.values()))

    def copy(self) -> PartedEntries[Key, Entry]:
        """Another table of the same entries, to change without changing this one; parts not
        read yet are read by either from the same files."""
        other: PartedEntries[Key, Entry] = PartedEntries(self._part_by, self._read)
        other._keys = {name: set(keys) for name, keys in self._keys.items()}
        other._on_disk, other.keys_saved = self._on_disk, self.keys_saved
        other.loaded = {name: dict(entries) for name, entries in self.loaded.items()}
        other.saved = dict(self.saved)
        return other

    def replace(self, entries: dict[Any, Any]) -> None:
        """Hold `entries` and nothing else, every part known to be written as it is now."""
        parts: dict[str, dict[Any, Any]] = {name: {} for name in self._on_disk | set(self._keys)}
        for key, value in entries.items():
            parts.setdefault(self._part_by(key), {})[key] = value
        self.loaded = parts
        self._keys = {name: set(part) for name, part in parts.items()}

    def changed_parts(self) -> Iterator[tuple[str, dict[Any, Any]]]:
        """(name, entries) of each part read whose keys differ from its file's."""
        for name, part in self.loaded.items():
            if self.saved.get(name) != frozenset(part):
                yield name, part

    def all_keys(self) -> frozenset[Any]:
        """Every key, for the key list."""
        return frozenset(key for keys in self._keys.values() for key in keys)
