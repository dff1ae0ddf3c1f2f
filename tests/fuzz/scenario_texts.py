"""Scenario texts: mutations of the six built-in drills, alias bombs, deep nesting, random text and bytes.

A case is `Made` of a `str` (YAML text, for `parse_scenario`) or `bytes` (a
file's content, for `load_scenario`), with the recipe that rebuilds it. Mutations work on lines: delete, duplicate,
swap, cut short, or give a `key: value` line a hostile value (numbers past
the edges, YAML's .inf and .nan, format-string braces, lists and mappings
where a scalar belongs, tags, dangling aliases).
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import strategies as st

from scenarios.library import builtin_ids, scenario_path

from .harness import Made
from .mutations import SHUFFLES, mutated, replace_one
from .values import FORMAT_TEXTS

YAML_SCALARS = (
    "1e308",
    "-1e308",
    "1e309",
    "1.0e+400",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "-0",
    "-0.0",
    "0",
    "-1",
    "2147483648",
    "9223372036854775808",
    "0x7fffffffffffffff",
    "1" + "0" * 400,
    "9" * 4400,
    "0x_",
    "0o8",
    "1_0",
    "12:30:00",
    "~",
    "null",
    "''",
    "true",
    "no",
    "[]",
    "{}",
    "[1, [2, [3, [4]]]]",
    "{a: {b: c}}",
    "[spokesperson, 1, null]",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!python/object/apply:os.system ['true']",
    "!!float x",
    "!!int 1.5",
    "*nowhere",
    "&anchor value",
    "2024-02-30",
    "2026-09-01",
    "'" + "đ" * 5000 + "'",
    '"\\ud800"',
    '"\\x00"',
    "? [a]\n  : b",
    ">-\n  {x}",
    "|\n  {0}",
    *(f"'{text}'" for text in FORMAT_TEXTS),
    *(f'"{text} tại {{cdc_director}}"' for text in FORMAT_TEXTS),
    "{x}",
    "{0}",
    "{a.__class__}",
)
_VALUE_LINE = re.compile(r"^(\s*(?:- )?[\w-]+:[ ]+)(\S.*)$")
TOP_LEVEL_KEYS = ("id", "title", "sources", "cast", "roles", "injects", "levels", "duration", "facts", "incident")


@lru_cache(maxsize=1)
def builtin_texts() -> dict[str, str]:
    return {name: scenario_path(name).read_text(encoding="utf-8") for name in builtin_ids()}


def _builtin(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(builtin_texts())))
    return name, builtin_texts()[name]


def _hostile_value(draw, lines: list[str], notes: list[str]) -> list[str]:
    scalar = draw(st.sampled_from(YAML_SCALARS))

    def replace(line: str) -> str:
        match = _VALUE_LINE.match(line)
        return f"{match.group(1)}{scalar}" if match else f"{line} {scalar}"

    return replace_one(draw, lines, notes, replace)


def _foreign_line(draw, lines: list[str], notes: list[str]) -> list[str]:
    return replace_one(
        draw,
        lines,
        notes,
        lambda line: draw(st.sampled_from(("  ", "\t- x", "- {", "x: [", "%YAML 1.1", "---", "...", "<<: *nowhere", ": x"))),
    )


def _indented(draw, lines: list[str], notes: list[str]) -> list[str]:
    return replace_one(draw, lines, notes, lambda line: " " * draw(st.integers(1, 5)) + line)


@st.composite
def mutated_drills(draw) -> Made:
    """A built-in drill after one to four line edits."""
    name, text = _builtin(draw)
    notes: list[str] = []
    lines = mutated(draw, text.splitlines(), SHUFFLES + (_hostile_value, _hostile_value, _foreign_line, _indented), notes)
    return Made("\n".join(lines), f"{name}, lines: {'; '.join(notes)}")


@st.composite
def alias_bombs(draw) -> Made:
    """A built-in drill whose top-level field (given again at the end) is an alias that expands to width**depth leaves."""
    width, depth = draw(st.integers(2, 10)), draw(st.integers(2, 9))
    mapping = draw(st.booleans())
    if mapping:
        layers = [f"b{n}: &b{n} {{" + ", ".join(f"k{k}: *b{n - 1}" for k in range(width)) + "}" for n in range(1, depth)]
    else:
        layers = [f"b{n}: &b{n} [" + ", ".join([f"*b{n - 1}"] * width) + "]" for n in range(1, depth)]
    leaf = draw(st.sampled_from(("x", "'{x}'", "1e308", "[]")))
    bomb = "\n".join([f"b0: &b0 [{', '.join([leaf] * width)}]", *layers])
    key = draw(st.sampled_from(TOP_LEVEL_KEYS))
    name, text = _builtin(draw)
    shape = "mapping" if mapping else "list"
    return Made(
        f"{bomb}\n{text}\n{key}: *b{depth - 1}\n", f"alias bomb of {width}**{depth} {leaf} in a {shape}, as {key} of {name}"
    )


@st.composite
def deep_nesting(draw) -> Made:
    """Brackets, braces, block sequences or indented keys nested up to thousands deep, as a file or as a field."""
    depth = draw(st.integers(10, 20_000))
    kind = draw(st.sampled_from(("flow list", "flow map", "block list", "indented keys")))
    if kind == "flow list":
        nested = "[" * depth + "]" * depth
    elif kind == "flow map":
        nested = "{a: " * depth + "x" + "}" * depth
    elif kind == "block list":
        nested = "- " * depth + "x"
    else:
        depth = min(depth, 150)  # indentation grows with the square of the depth
        nested = "\n" + "\n".join("  " * (n + 1) + "a:" for n in range(depth)) + " x"
    where = draw(st.sampled_from(("file",) + TOP_LEVEL_KEYS))
    if where == "file":
        return Made(nested, f"{kind} {depth} deep")
    name, text = _builtin(draw)
    return Made(f"{text}\n{where}: {nested}\n", f"{kind} {depth} deep as {where} of {name}")


@st.composite
def foreign_encodings(draw) -> Made:
    """A built-in drill's file in another encoding, or in UTF-8 with a broken byte sequence."""
    name, text = _builtin(draw)
    encoding = draw(st.sampled_from(("utf-16", "utf-32", "cp1258", "latin-1", "broken utf-8")))
    if encoding != "broken utf-8":
        return Made(text.encode(encoding, errors="replace"), f"{name} in {encoding}")
    data = text.encode("utf-8")
    at = draw(st.integers(0, len(data)))
    broken = draw(st.sampled_from((b"\xff", b"\xc3", b"\xe1\xbb", b"\x00", b"\xed\xa0\x80")))
    return Made(data[:at] + broken + data[at:], f"{name} in UTF-8 with {broken!r} at byte {at}")


scenario_cases = st.one_of(
    mutated_drills(),
    mutated_drills(),
    alias_bombs(),
    deep_nesting(),
    foreign_encodings(),
    st.text(max_size=2000).map(lambda text: Made(text, f"random text {text!r}")),
    st.binary(max_size=2000).map(lambda data: Made(data, f"random bytes {data!r}")),
)
