"""Per-document results a process only passes on, held as a few compressed bytes instead of objects."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Packed(Generic[T]):
    """A value pickled and compressed where it was made (a worker), opened where it is used.

    The central process of the local engine holds every document's results between stages;
    rows it never reads there (entity candidates, event and place rows) cost a tenth as much
    memory packed as they do as Python tuples, and leave no small objects to fragment its heap.
    """

    data: bytes

    @classmethod
    def of(cls, value: T) -> Packed[T]:
        """``value`` packed (fast compression: the point is the objects' overhead, not the bytes)."""
        return cls(zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))

    def open(self) -> T:
        """The value, unpacked."""
        return pickle.loads(zlib.decompress(self.data))


def opened(value: T | Packed[T]) -> T:
    """``value`` itself, or the value it packs."""
    return value.open() if isinstance(value, Packed) else value
