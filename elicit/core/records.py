"""A base for small record classes that compare and print by their fields.

The bank loader and the findings it reports sit on the path of
``elicit banks validate``, which must start fast; importing ``dataclasses``
(and, through it, ``inspect``, ``ast`` and ``dis``) costs more than the
validation itself. Records declare their fields in ``__slots__`` and write
their own ``__init__``.
"""

from __future__ import annotations


class Record:
    """Equality and repr from the fields named in ``__slots__``; unhashable, like a mutable dataclass."""

    __slots__: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class FrozenRecord(Record):
    """A record that is never changed after it is made, so it can be hashed."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash((type(self), self._fields()))
