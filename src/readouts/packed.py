"""What the build cache keeps packed until a page reads it, and how the data model pickles fast.

A build that adds one readout of 10,000 reads the bodies and paragraph topics of a few dozen;
unpacking all of them, and pickling hundreds of thousands of small records field by field, was
most of the time of loading and saving the cache. These helpers keep model.py the data model.
"""

from __future__ import annotations

import marshal
import operator
import pickle
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from readouts.model import Block


class Unpacked(Mapping[str, Any]):
    """Readout id → one part of what link found in that readout alone, kept marshalled until
    read.

    Each readout's paragraph topics and quoted blocks are read for the few readouts a rebuild
    renders; unpickling them for all 10,000 (a dict per readout, a tuple per paragraph) was a
    fifth of loading the build cache. `packed` holds marshal.dumps of a tuple of the parts."""

    __slots__ = ("_packed", "_part", "_seen")

    def __init__(self, packed: Mapping[str, bytes], part: int) -> None:
        self._packed = packed
        self._part = part
        self._seen: dict[str, Any] = {}

    def __getitem__(self, readout_id: str) -> Any:
        found = self._seen.get(readout_id)
        if found is None:
            found = marshal.loads(self._packed[readout_id])[self._part]
            if isinstance(found, dict):
                found = MappingProxyType(found)
            self._seen[readout_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


class Blocks(Sequence["Block"]):
    """A readout's body, kept pickled and compressed until something reads it.

    The build cache holds every readout of the site, and a build that adds one readout of
    10,000 reads the bodies of a few dozen: unpickling half a million blocks it does not look at
    was most of its time. Compressed, the bodies are 26 MB rather than 90 of the cache every
    build reads and verifies (zlib's fastest level: 0.07 ms a body to pack, in the workers that
    parse them, 0.03 ms to unpack); the packed body is kept once unpacked, a quarter of its
    size, so saving the cache does not pack it again. Reads as the tuple of blocks it holds
    (equality, hash, repr), so a fingerprint made from it does not depend on whether it was
    unpacked.
    """

    __slots__ = ("_items", "_packed")

    def __init__(self, items: tuple[Block, ...] = (), packed: bytes | None = None) -> None:
        self._items: tuple[Block, ...] | None = None if packed is not None else tuple(items)
        self._packed = packed

    @property
    def items(self) -> tuple[Block, ...]:
        if self._items is None:
            assert self._packed is not None
            self._items = pickle.loads(zlib.decompress(self._packed))
        return self._items

    @overload
    def __getitem__(self, index: int) -> Block: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Block, ...]: ...
    def __getitem__(self, index: int | slice) -> Block | tuple[Block, ...]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Blocks):
            return self.items == other.items
        return isinstance(other, tuple) and self.items == other

    def __hash__(self) -> int:
        return hash(self.items)

    def __repr__(self) -> str:
        return repr(self.items)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        packed = (self._packed if self._packed is not None
                  else zlib.compress(pickle.dumps(self._items, pickle.HIGHEST_PROTOCOL), _FASTEST))
        return _packed_blocks, (packed,)


_FASTEST = 1
"""zlib's fastest level: a body packs to a quarter of its size at level 1, a fifth at 6, in
two thirds of the time."""


def _packed_blocks(packed: bytes) -> Blocks:
    return Blocks(packed=packed)


def pickle_by_fields(cls: type) -> None:
    """Pickle instances as (class, field values).

    Python's default for slotted dataclasses looks the fields up again for every object; the
    build cache holds hundreds of thousands of blocks, and that made it take seconds to save
    and load.
    """
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def reduce(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
