"""Action files (JSON lines): the built-in drill's reference plays with lines edited, broken or made hostile.

Lines come from the four plays of `nuoc-may-nhiem-doc`; an edit gives a field
a hostile JSON value, drops or adds a field, repeats a key, breaks the JSON,
writes NaN or a huge number, or puts random bytes on a line.
"""

from __future__ import annotations

import json
from functools import lru_cache

from hypothesis import strategies as st

from scenarios.library import scenario_path
from scenarios.actions import CATALOG

from .harness import Made
from .mutations import SHUFFLES, mutated, replace_one
from .values import json_values

DRILL = "nuoc-may-nhiem-doc"
FIELDS = ("at", "role", "type", *sorted({name for kind in CATALOG.values() for name in kind.params}))


@lru_cache(maxsize=1)
def play_lines() -> tuple[str, ...]:
    plays = scenario_path(DRILL).parent / "plays"
    return tuple(
        line
        for path in sorted(plays.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )


def _hostile_field(draw, lines: list[bytes], notes: list[str]) -> list[bytes]:
    key, value = draw(st.sampled_from(FIELDS)), draw(json_values(st.sampled_from(FIELDS)))

    def replace(line: bytes) -> bytes:
        try:
            data = json.loads(line)
        except ValueError:
            return line
        if not isinstance(data, dict):
            return line
        if value is None and draw(st.booleans()):
            data.pop(key, None)
        else:
            data[key] = value
        return json.dumps(data, ensure_ascii=False).encode("utf-8", errors="surrogatepass")

    return replace_one(draw, lines, notes, replace)


def _broken_line(draw, lines: list[bytes], notes: list[str]) -> list[bytes]:
    broken = draw(
        st.sampled_from(
            (
                b'{"at": 1, "at": 2, "role": "spokesperson", "type": "monitor"}',
                b'{"at": NaN, "role": "x", "type": "y"}',
                b'{"at": Infinity, "role": "spokesperson", "type": "monitor"}',
                b'{"at": 1' + b"0" * 5000 + b', "role": "a", "type": "b"}',
                b"[1, 2]",
                b'"text"',
                b"null",
                b"{",
                b"\xff\xfe",
                b"\xef\xbb\xbf{}",
                b"   ",
                b"\r",
                b"[" * 5000 + b"]" * 5000,
                b'{"at": 30, "role": "spokesperson", "type": "issue_statement", "channel": "press", '
                b'"form": "press_release", "text": "{0.__class__} {x} {"}',
                b'{"at": 5, "role": "spokesperson", "type": "message", "text": "\\ud800"}',
            )
        )
        | st.binary(max_size=200)
    )
    return replace_one(draw, lines, notes, lambda line: broken)


@st.composite
def action_files(draw) -> Made:
    """An action file's bytes: reference-play lines after up to six edits."""
    count = draw(st.integers(0, 30))
    lines = [line.encode("utf-8") for line in draw(st.lists(st.sampled_from(play_lines()), min_size=count, max_size=count))]
    notes: list[str] = []
    lines = mutated(draw, lines, SHUFFLES + (_hostile_field, _hostile_field, _broken_line), notes, most=6)
    data = draw(st.sampled_from((b"\n", b"\r\n"))).join(lines)
    return Made(data, f"{len(lines)} lines, {data[:300]!r}{'…' if len(data) > 300 else ''}; edits: {'; '.join(notes)}")
