"""MSEL files: real exports of the built-in drills (CSV and XLSX) with rows, cells and bytes edited.

A CSV export is read back into rows and edited (rows deleted, repeated, swapped,
cells given hostile values, a column dropped), written with a comma, semicolon
or tab, and encoded in UTF-8 or something else. An XLSX export has cells of its
events sheet or lines of its drill sheet replaced with openpyxl, or its bytes
cut short or flipped. The base drill is the drill's own text, none, or hostile YAML.
"""

from __future__ import annotations

import csv
import io
from functools import cache

from hypothesis import strategies as st
from openpyxl import load_workbook

from scenarios.loader import parse_scenario
from msel import export_msel
from msel.columns import DRILL_SHEET, EVENTS_SHEET

from .harness import Made
from .mutations import SHUFFLES, mutated, replace_one
from .scenario_texts import YAML_SCALARS, builtin_texts
from .values import FORMAT_TEXTS, ODD_TEXTS

CELLS = (
    "",
    " ",
    "=1+1",
    "'=cmd|' /C calc'!A0",
    "-1",
    "-0",
    "0",
    "1e308",
    "1e309",
    "inf",
    "nan",
    "NaN",
    "1" + "0" * 400,
    "9" * 5000,
    "12:30",
    "25:61",
    "1:2:3",
    "1,5",
    "2024-02-30",
    "spokesperson; police",
    "[1, 2]",
    "{a: 1}",
    "a\nb",
    "\x00",
    *FORMAT_TEXTS,
    *ODD_TEXTS,
)
XLSX_VALUES = (None, 0, -1, 10**18, 1e308, -1e308, 2.5, True, *CELLS[:20])


@cache
def export(name: str, kind: str) -> bytes:
    buffer = io.BytesIO()
    export_msel(parse_scenario(builtin_texts()[name], name), buffer, format=kind)
    return buffer.getvalue()


def _hostile_cell(draw, rows: list[list[str]], notes: list[str]) -> list[list[str]]:
    value = draw(st.sampled_from(CELLS) | st.text(max_size=30))

    def replace(row: list[str]) -> list[str]:
        if not row:
            return [value]
        column = draw(st.integers(0, len(row) - 1))
        return row[:column] + [value] + row[column + 1 :]

    return replace_one(draw, rows, notes, replace)


def _dropped_column(draw, rows: list[list[str]], notes: list[str]) -> list[list[str]]:
    column = draw(st.integers(0, 15))
    notes.append(f"drop column {column + 1}")
    return [row[:column] + row[column + 1 :] for row in rows]


@st.composite
def csv_files(draw, name: str) -> tuple[bytes, str]:
    rows = list(csv.reader(io.StringIO(export(name, "csv").decode("utf-8-sig"), newline="")))
    notes: list[str] = []
    rows = mutated(draw, rows, SHUFFLES + (_hostile_cell, _hostile_cell, _hostile_cell, _dropped_column), notes, most=5)
    delimiter = draw(st.sampled_from((",", ";", "\t")))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-8-sig", "utf-16", "cp1258")))
    return out.getvalue().encode(
        encoding, errors="replace"
    ), f"CSV of {name} ({delimiter!r}, {encoding}), rows: {'; '.join(notes)}"


@st.composite
def xlsx_files(draw, name: str) -> tuple[bytes, str]:
    data = export(name, "xlsx")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            return data[:at], f"XLSX of {name} cut at byte {at}"
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :], f"XLSX of {name} with byte {at} flipped"
    book = load_workbook(io.BytesIO(data))
    notes = []
    for _ in range(draw(st.integers(1, 4))):
        sheet = book[draw(st.sampled_from((EVENTS_SHEET, DRILL_SHEET)))]
        row, column = draw(st.integers(1, sheet.max_row + 1)), draw(st.integers(1, sheet.max_column + 1))
        pool = XLSX_VALUES if sheet.title == EVENTS_SHEET else YAML_SCALARS + ("  - x", "id: [", "b: &b [*b]")
        value = draw(st.sampled_from(pool))
        sheet.cell(row=row, column=column, value=value)
        notes.append(f"{sheet.title}!R{row}C{column} := {value!r:.60}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), f"XLSX of {name}: {'; '.join(notes)}"


@st.composite
def msel_files(draw) -> Made:
    """(file bytes, base drill text or None) and how they were made."""
    name = draw(st.sampled_from(sorted(builtin_texts())))
    kind = draw(st.sampled_from(("csv", "csv", "xlsx", "bytes")))
    if kind == "bytes":
        data, recipe = draw(st.binary(max_size=1000)), "random bytes"
    else:
        data, recipe = draw(csv_files(name) if kind == "csv" else xlsx_files(name))
    base_kind = draw(st.sampled_from(("own", "own", "none", "hostile")))
    base = {"own": builtin_texts()[name], "none": None}.get(base_kind) or draw(st.sampled_from(YAML_SCALARS))
    return Made((data, base), f"{recipe}; base: {base_kind if base_kind != 'hostile' else repr(base)[:60]}")
