"""Hostile values the strategies share: texts that look like format strings, numbers at and past the edges, any JSON.

Sizes stay bounded: the longest text is a few thousand characters, the widest
JSON a dozen leaves, so that a case measures the code under test, not its input.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

FORMAT_TEXTS = (
    "{",
    "}",
    "{}",
    "{x}",
    "{0}",
    "{0!r}",
    "{a.__class__}",
    "{0.__class__.__mro__}",
    "{spokesperson}",
    "{water_director}",
    "{{",
    "}}",
    "{{x}}",
    "{0:>99999999}",
    "%s %d %(x)s",
    "${x}",
    "{x",
    "x}",
)
ODD_TEXTS = (
    "",
    " ",
    "\t",
    "\x00",
    "\u202e",
    "\u2028",
    "\ufeff",
    "\ud800",
    "😀",
    "Đầu mối phát ngôn",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "a" * 3000,
    "đ" * 2500,
    "\n" * 50,
)
NUMBERS = (
    0,
    -0.0,
    1,
    -1,
    0.5,
    2**31,
    2**63,
    2**64,
    -(2**63),
    10**400,
    1e308,
    -1e308,
    1.7976931348623157e308,
    5e-324,
    float("inf"),
    float("-inf"),
    float("nan"),
    True,
    False,
)

texts = st.sampled_from(FORMAT_TEXTS + ODD_TEXTS) | st.text(max_size=40)
numbers = st.sampled_from(NUMBERS) | st.integers() | st.floats()
scalars = st.none() | st.booleans() | numbers | texts


def json_values(keys: SearchStrategy | None = None, max_leaves: int = 12) -> SearchStrategy:
    """Any JSON value (NaN and infinities included: Python's JSON reads them), keys drawn from `keys` or any text."""
    keys = keys if keys is not None else st.text(max_size=10)
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=max_leaves
    )


def nested_lists(depth: int) -> list:
    """[[[…]]] `depth` deep."""
    value: list = []
    for _ in range(depth):
        value = [value]
    return value
