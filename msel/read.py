"""Reading an MSEL file into numbered rows of cells: XLSX (events sheet and drill sheet) or CSV.

The format is taken from the argument, else from the content (an XLSX is a ZIP
archive). Rows keep the numbers a spreadsheet shows, so that problems can name
them. A CSV may be separated by commas, semicolons or tabs (Excel in a
Vietnamese locale writes semicolons) and must be UTF-8, with or without BOM.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from xml.etree.ElementTree import ParseError
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from msel.cells import Cell, from_csv
from msel.columns import DRILL_SHEET, EVENTS_SHEET, check_format
from msel.problems import MselError
from scenarios.messages import N_

Source = str | Path | BinaryIO


@dataclass(frozen=True)
class Table:
    """An MSEL's rows as (row number, cells), and the drill sheet's YAML if the file has one."""

    rows: list[tuple[int, list[Cell]]]
    drill_yaml: str | None = None


def _bytes(source: Source) -> bytes:
    if isinstance(source, (str, Path)):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise MselError(N_("không đọc được tệp %(file)s: %(reason)s"), file=source, reason=exc.strerror) from None
    return source.read()


def _format(data: bytes, format: str | None) -> str:
    if format is not None:
        return check_format(format)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise MselError(N_("tệp .xls (Excel 97–2003) không được hỗ trợ: hãy lưu thành .xlsx hoặc CSV UTF-8"))
    return "xlsx" if data.startswith(b"PK\x03\x04") else "csv"


def _xlsx(data: bytes) -> Table:
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        zlib.error,
        ParseError,
        KeyError,
        OSError,
        ValueError,
    ) as exc:  # damaged
        raise MselError(N_("không mở được tệp XLSX: %(reason)s"), reason=str(exc)) from None
    events = book[EVENTS_SHEET] if EVENTS_SHEET in book.sheetnames else book.worksheets[0]
    rows = [(number, list(values)) for number, values in enumerate(events.iter_rows(values_only=True), start=1)]
    drill = None
    if DRILL_SHEET in book.sheetnames:
        lines = (row[0] if row else None for row in book[DRILL_SHEET].iter_rows(values_only=True))
        drill = "\n".join("" if line is None else str(line) for line in lines)  # not stripped: indents matter
    # data_only=True: the cells' cached values, never a formula (or rich text, not asked for)
    return Table(cast(list[tuple[int, list[Cell]]], rows), drill)


def _csv(data: bytes) -> Table:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MselError(N_("tệp CSV không phải UTF-8: trong Excel hãy lưu bằng 'CSV UTF-8'")) from None
    first_lines = "\n".join(content.split("\n", 10)[:10])  # a title block may come above the header
    delimiter = max(",;\t", key=first_lines.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        return Table([(number, [from_csv(v) for v in values]) for number, values in enumerate(reader, start=1)])
    except csv.Error as exc:
        raise MselError(N_("tệp CSV hỏng ở dòng %(line)s: %(reason)s"), line=reader.line_num, reason=str(exc)) from None


def read_table(source: Source, format: str | None = None) -> Table:
    """The rows of an MSEL file or binary stream; `MselError` if it cannot be read at all."""
    data = _bytes(source)
    return _xlsx(data) if _format(data, format) == "xlsx" else _csv(data)
