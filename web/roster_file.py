"""A roster file: a CSV or XLSX table of trainees, one a row, with the columns name, role and team.

The first row names the columns, in English or in Vietnamese ("Họ tên" or "Họ và tên",
"Vai trò" or "Vai", "Đội" or "Tên đội"), in any order, case and spacing; other columns
are ignored. A CSV is UTF-8 (Excel's "CSV UTF-8", with or without its byte-order mark),
separated by commas, semicolons or tabs. Rows are numbered as a spreadsheet numbers
them (the header is row 1); blank rows are skipped. `read_roster_file` gives the
teams (`web.roster.parse_rows`) or raises `ExerciseError` saying what is wrong.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator

from flask_babel import gettext
from openpyxl import load_workbook

from web.exercises import ExerciseError, TeamPlan
from web.roster import parse_rows

MAX_FILE = 1024 * 1024  # bytes: 1,000 trainees take about 40 kB as CSV, 30 kB as XLSX
MAX_ROWS = 5000  # rows below the header in one file
HEADERS = {
    "name": ("name", "full name", "trainee", "họ tên", "họ và tên", "tên", "học viên"),
    "role": ("role", "vai trò", "vai"),
    "team": ("team", "team name", "đội", "tên đội"),
}
COLUMNS_VI = "Họ tên, Vai trò, Đội (name, role, team)"


def _key(text: object) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text or "").split())).casefold()


HEADER_OF = {_key(word): column for column, words in HEADERS.items() for word in words}


def _columns(header: tuple) -> dict[str, int]:
    """Each column's position in the header row; raises naming the columns that are missing."""
    found: dict[str, int] = {}
    for position, cell in enumerate(header):
        column = HEADER_OF.get(_key(cell))
        if column and column not in found:
            found[column] = position
    missing = [column for column in HEADERS if column not in found]
    if missing:
        raise ExerciseError(
            gettext(
                "Dòng 1 của tệp phải đặt tên các cột %(columns)s; thiếu cột: %(missing)s.",
                columns=COLUMNS_VI,
                missing=", ".join(missing),
            )
        )
    return found


def _csv_rows(data: bytes) -> Iterator[tuple]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExerciseError(gettext("Tệp CSV phải ở dạng UTF-8 (trong Excel: Lưu thành “CSV UTF-8”).")) from exc
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    yield from (tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> Iterator[tuple]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ExerciseError(gettext("Không đọc được tệp XLSX (tệp hỏng, hoặc không phải bảng tính Excel).")) from exc
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def _cell(row: tuple, position: int) -> str:
    value = row[position] if position < len(row) else None
    if isinstance(value, float) and value.is_integer():  # a team numbered 1, 2, 3 in a spreadsheet
        value = int(value)
    return "" if value is None else str(value)


def read_roster_file(filename: str, data: bytes) -> list[TeamPlan]:
    """The teams a roster file (`filename` says CSV or XLSX) holds; raises `ExerciseError` on any bad row, naming each."""
    if len(data) > MAX_FILE:
        raise ExerciseError(gettext("Tệp danh sách lớn quá %(kb)d KB.", kb=MAX_FILE // 1024))
    kind = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind not in ("csv", "xlsx"):
        raise ExerciseError(gettext("Tệp danh sách phải là .csv hoặc .xlsx."))
    rows = enumerate(_csv_rows(data) if kind == "csv" else _xlsx_rows(data), start=1)
    header = next((row for _, row in rows), None)
    if header is None:
        raise ExerciseError(gettext("Tệp danh sách trống."))
    columns = _columns(header)
    table: list[tuple[int, str, str, str]] = []
    for line, row in rows:
        name, role, team = cells = [_cell(row, columns[column]) for column in HEADERS]
        if line > MAX_ROWS + 1:  # blank rows count too: a workbook may declare a million of them
            raise ExerciseError(gettext("Tệp có quá %(most)d dòng.", most=MAX_ROWS))
        if not any(cell.strip() for cell in cells):
            continue
        table.append((line, name, role, team))
    if not table:
        raise ExerciseError(gettext("Tệp danh sách không có học viên nào."))
    return parse_rows(table)
