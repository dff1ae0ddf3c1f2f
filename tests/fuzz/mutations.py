"""Mutations of a sequence (lines of a file, rows of a sheet): delete, duplicate, swap, cut short, replace one item.

Each edit takes `draw`, the items and a list of notes, appends what it did to
the notes (lines counted from 1) and returns the edited items, so that a case
can say how it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

Edit = Callable[[Any, list, list[str]], list]


def _index(draw, items: list) -> int:
    return draw(st.integers(0, max(len(items) - 1, 0)))


def delete(draw, items: list, notes: list[str]) -> list:
    index = _index(draw, items)
    notes.append(f"delete {index + 1}")
    return items[:index] + items[index + 1 :]


def duplicate(draw, items: list, notes: list[str]) -> list:
    index = _index(draw, items)
    notes.append(f"duplicate {index + 1}")
    return items[: index + 1] + items[index:]


def swap(draw, items: list, notes: list[str]) -> list:
    first, second = _index(draw, items), _index(draw, items)
    swapped = list(items)
    if swapped:
        swapped[first], swapped[second] = swapped[second], swapped[first]
    notes.append(f"swap {first + 1} and {second + 1}")
    return swapped


def cut_short(draw, items: list, notes: list[str]) -> list:
    index = _index(draw, items)
    notes.append(f"keep the first {index}")
    return items[:index]


SHUFFLES: tuple[Edit, ...] = (delete, duplicate, swap, cut_short)


def replace_one(draw, items: list, notes: list[str], replacement: Callable[[Any], Any]) -> list:
    """`items` with one item (drawn) replaced by `replacement(item)`."""
    if not items:
        return items
    index = _index(draw, items)
    new = replacement(items[index])
    notes.append(f"{index + 1} := {new!r:.200}")
    return items[:index] + [new] + items[index + 1 :]


def mutated(draw, items: list, edits: tuple[Edit, ...], notes: list[str], most: int = 4) -> list:
    """`items` after one to `most` edits, each drawn from `edits`."""
    for _ in range(draw(st.integers(1, most))):
        items = draw(st.sampled_from(edits))(draw, items, notes)
    return items
