"""HTTP bodies: the editor's JSON endpoints' bodies (any JSON, raw bytes, hostile YAML and MSEL files) and roster forms."""

from __future__ import annotations

import base64
import json

from hypothesis import strategies as st

from scenarios.library import builtin_ids

from .harness import Made
from .msel_files import export
from .platform import DRILL, MEMBERS
from .scenario_texts import YAML_SCALARS, alias_bombs, builtin_texts, deep_nesting, mutated_drills
from .values import json_values, texts

ENDPOINTS = ("api/validate", "DRILL/save", "DRILL/draft", "api/dry-run", "DRILL/dry-run", "api/msel", "DRILL/msel")
yaml_texts = (
    st.sampled_from(sorted(builtin_texts().values()))
    | st.sampled_from(YAML_SCALARS)
    | st.one_of(mutated_drills(), alias_bombs(), deep_nesting()).map(lambda made: made.content)
    | texts
)
files = (
    st.sampled_from([base64.b64encode(export(DRILL, kind)).decode() for kind in ("csv", "xlsx")])
    | st.binary(max_size=300).map(lambda data: base64.b64encode(data).decode())
    | texts
    | json_values(max_leaves=3)
)
objects = st.fixed_dictionaries(
    {},
    optional={
        "yaml": yaml_texts | json_values(max_leaves=3),
        "data": json_values(),
        "note": texts | json_values(max_leaves=3),
        "format": st.sampled_from(("xlsx", "csv", "pdf", "")) | json_values(max_leaves=2),
        "file": files,
    },
)
raw_bodies = st.sampled_from(
    (
        b"",
        b"{",
        b"null",
        b"[]",
        b'{"yaml": NaN}',
        b'{"yaml": "x", "yaml": 1}',
        b'{"data": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
        b'{"data": 1' + b"0" * 5000 + b"}",
        b"\xff\xfe{}",
        b'{"yaml": "\\ud800"}',
    )
) | st.binary(max_size=300)


def _encoded(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


json_bodies = st.tuples(st.sampled_from(ENDPOINTS), objects.map(_encoded) | json_values().map(_encoded) | raw_bodies).map(
    lambda case: Made(case, f"POST {case[0]} {case[1][:300]!r}{'…' if len(case[1]) > 300 else ''}")
)

roster_lines = st.one_of(
    st.sampled_from([f"{role}: {name}" for name, role in MEMBERS.items()]),
    st.builds(
        lambda role, name: f"{role}{':' if name is not None else ''}{name or ''}",
        st.sampled_from(sorted(set(MEMBERS.values())) + ["police", "", " ", "spokesperson "]) | texts,
        st.none() | texts | st.sampled_from(["Nguyễn Văn An", " Nguyễn  Văn An ", "a:b", "{0}"]),
    ),
    st.sampled_from(["Đội 1", "", " ", "\t", "\u00a0", "\u2028", "\x1c", "\x85", ":", "::", "x" * 5000]) | texts,
)
roster_forms = st.fixed_dictionaries(
    {
        "scenario": st.sampled_from(builtin_ids()) | st.sampled_from(("", "nowhere", "../etc/passwd")),
        "seed": st.sampled_from(("1", "0", "-1", "2147483648", "1e3", "x", "")),
        "speed": st.sampled_from(("10", "0", "0.1", "nan", "inf", "-0", "1e309", "10000", "x")),
        "roster": st.lists(roster_lines, max_size=25).map("\n".join) | st.sampled_from(("a\n" * 10_001,)),
    }
).filter(lambda form: all(_is_utf8(value) for value in form.values()))  # a browser cannot send a lone surrogate


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
