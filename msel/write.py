"""Writing an MSEL: one row per inject in order of time, as XLSX (with the drill sheet) or CSV.

Rows are ordered by `at`; injects without one (a condition, a level releasing
them) follow in the drill's order. Column "STT / No." is the inject's position in
the drill, so an import puts the injects back in the drill's order. Roles are
written by the drill's names and channels by their Vietnamese names, as the
import reads them back. The XLSX has
a second sheet with the rest of the drill as YAML, one line per row in column A.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scenarios.labels import CHANNELS
from scenarios.model import Inject, Scenario
from msel.cells import Cell, csv_safe, format_time, plain_number
from msel.columns import COLUMNS, DRILL_SHEET, EVENTS_SHEET
from msel.drill import dump_yaml, scenario_data
from msel.expected import expected_actions, objective, role_name
from scenarios.texts import Text

DRILL_NOTE = (
    "Phần còn lại của kịch bản (mọi thứ trừ các tình huống), dạng YAML, mỗi dòng một ô /"
    " The rest of the drill (everything but the injects) as YAML, one line per cell"
)

Target = str | Path | BinaryIO


def _english(text: Text | None) -> str | None:
    return text.en if text is not None else None


def inject_cells(scenario: Scenario, inject: Inject, number: int) -> dict[str, Cell]:
    """An inject's row, by column key."""
    released = [str(level.level) for level in scenario.levels if inject.id in level.releases]
    return {
        "number": number,
        "at": format_time(inject.at) if inject.at is not None else None,
        "sender": inject.sender.vi,
        "to": ", ".join(role_name(scenario, role) for role in inject.to),
        "channel": CHANNELS[inject.channel.value].vi,
        "content": inject.content.vi,
        "expected": expected_actions(scenario, inject),
        "objective": objective(scenario, inject),
        "id": inject.id,
        "title": inject.title.vi if inject.title is not None else None,
        "title_en": _english(inject.title),
        "content_en": inject.content.en,
        "sender_en": inject.sender.en,
        "when": inject.when,
        "delay": plain_number(inject.delay) if inject.delay else None,
        "levels": ", ".join(released) or None,
        "claims": ", ".join(inject.claims) or None,
        "reach": inject.reach,
        "question": inject.question.vi if inject.question is not None else None,
        "question_en": _english(inject.question),
        "response_window": plain_number(inject.response_window) if inject.response_window is not None else None,
    }


def table(scenario: Scenario) -> list[list[Cell]]:
    """The header row, then one row per inject in order of time."""
    order = sorted(enumerate(scenario.injects, start=1), key=lambda pair: (pair[1].at is None, pair[1].at or 0, pair[0]))
    rows = [inject_cells(scenario, inject, number) for number, inject in order]
    return [[column.header for column in COLUMNS], *([row[column.key] for column in COLUMNS] for row in rows)]


def _put(sheet, row: int, column: int, value: Cell) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a text, not a formula


def write_xlsx(scenario: Scenario, target: Target, comment: str = "") -> None:
    """The events sheet (header frozen, widths set, text wrapped) and the drill sheet."""
    book = Workbook()
    events = book.active
    assert isinstance(events, Worksheet)  # a new workbook's one sheet
    events.title = EVENTS_SHEET
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(table(scenario), start=1):
        for c, value in enumerate(values, start=1):
            _put(events, r, c, value)
            events.cell(row=r, column=c).alignment = wrap
    for c, column in enumerate(COLUMNS, start=1):
        events.column_dimensions[get_column_letter(c)].width = column.width
        header = events.cell(row=1, column=c)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDEBF7")
    events.freeze_panes = "A2"
    events.auto_filter.ref = events.dimensions
    drill = book.create_sheet(DRILL_SHEET)
    drill.column_dimensions["A"].width = 120
    for r, line in enumerate(
        dump_yaml(scenario_data(scenario), "\n".join(filter(None, (DRILL_NOTE, comment)))).splitlines(), start=1
    ):
        _put(drill, r, 1, line)
        drill.cell(row=r, column=1).font = Font(name="Consolas")
    book.save(target)


def write_csv(scenario: Scenario, target: Target, comment: str = "") -> None:
    """The events only, UTF-8 with a byte-order mark so that Excel shows Vietnamese right (no room for `comment`).

    A text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe,
    which the import takes off again.
    """
    buffer = io.StringIO()
    csv.writer(buffer).writerows([csv_safe(value) for value in row] for row in table(scenario))
    data = buffer.getvalue().encode("utf-8-sig")
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
