"""The layout of an MSEL: its sheets, its columns' order, headers and widths, the names accepted on import.

The seven columns of a Master Scenario Events List (HSEEP practice) come first,
after the number; then the columns that carry the rest of an inject, so that
nothing is lost. A column's key is the inject field it holds (`title_en` is the
English of `title`); `expected` and `objective` are derived on export and never
read back. On import a header may be the full bilingual header, either half of
it, or one of the column's usual MSEL names, in any case; see docs/MSEL.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from msel.problems import MselError, MselProblem
from scenarios.messages import N_, Message
from msel.wordings import word_key
from scenarios.texts import Text


@dataclass(frozen=True)
class Column:
    """One column: the inject field it holds, its header and width, other names it goes by."""

    key: str
    title: Text  # the two halves of its header
    width: int
    aliases: tuple[str, ...] = ()
    derived: bool = False  # written on export, ignored on import

    @property
    def header(self) -> str:
        return f"{self.title.vi} / {self.title.en}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, self.title.vi, self.title.en or self.title.vi, *self.aliases)


FORMATS = ("xlsx", "csv")
EVENTS_SHEET = "MSEL"  # the XLSX sheet of events (else the first sheet is read)
DRILL_SHEET = "Kịch bản - Drill"  # the XLSX sheet with the rest of the drill as YAML, one line per row
COLUMNS: tuple[Column, ...] = (
    Column(
        "number",
        Text("STT", "No."),
        6,
        (
            "No",
            "#",
            "Số",
            "Số TT",
            "Số thứ tự",
            "TT",
            "Event number",
            "Event No.",
            "Event #",
            "Inject No.",
            "Inject #",
            "MSEL #",
            "Serial",
        ),
    ),
    Column(
        "at",
        Text("Thời điểm", "Time"),
        11,
        (
            "Thời gian",
            "Giờ",
            "Mốc thời gian",
            "Thời gian kịch bản",
            "Thời điểm phát",
            "Scenario time",
            "Exercise time",
            "Inject time",
            "at",
        ),
    ),
    Column(
        "sender",
        Text("Người gửi", "From"),
        28,
        ("Sender", "Nguồn tin", "Nguồn", "Đơn vị gửi", "Người/đơn vị gửi", "Simulated sender", "Originator", "Source"),
    ),
    Column(
        "to",
        Text("Người nhận", "To"),
        24,
        (
            "Recipient",
            "Recipients",
            "Player",
            "Players",
            "Đơn vị nhận",
            "Nơi nhận",
            "Người/đơn vị nhận",
            "Đơn vị xử lý",
            "Responder",
            "Receiving agency",
        ),
    ),
    Column(
        "channel",
        Text("Kênh", "Channel"),
        16,
        (
            "Method",
            "Channel/Method",
            "Phương thức",
            "Kênh/Phương thức",
            "Kênh thông tin",
            "Hình thức",
            "Loại sự kiện",
            "Event type",
            "Event Type/Channel",
            "Inject type",
            "Delivery method",
            "Mode",
        ),
    ),
    Column(
        "content",
        Text("Nội dung tình huống", "Inject"),
        60,
        (
            "Nội dung",
            "Mô tả",
            "Nội dung sự kiện",
            "Mô tả sự kiện",
            "Nội dung tin",
            "Event",
            "Description",
            "Event description",
            "Inject description",
            "Message",
            "content",
        ),
    ),
    Column(
        "expected",
        Text("Hành động mong đợi", "Expected action"),
        40,
        (
            "Expected player action",
            "Expected actions",
            "Expected response",
            "Hành động dự kiến",
            "Phản ứng mong đợi",
            "Yêu cầu xử lý",
        ),
        derived=True,
    ),
    Column("objective", Text("Mục tiêu", "Objective"), 40, ("Objectives", "Capability", "Core capability"), derived=True),
    Column("id", Text("Mã", "Id"), 20, ("Mã tình huống", "Inject id")),
    Column("title", Text("Tiêu đề", "Title"), 36, ("Event title", "Inject title", "Tên sự kiện", "Tên tình huống")),
    Column("title_en", Text("Tiêu đề (tiếng Anh)", "Title (English)"), 36),
    Column("content_en", Text("Nội dung (tiếng Anh)", "Inject (English)"), 60, ("Content (English)",)),
    Column("sender_en", Text("Người gửi (tiếng Anh)", "From (English)"), 28, ("Sender (English)",)),
    Column("when", Text("Điều kiện", "Condition"), 28, ("when",)),
    Column("delay", Text("Trễ (phút)", "Delay (min)"), 10, ("Trễ", "Delay")),
    Column("levels", Text("Phát hành khi lên cấp", "Released at level"), 12, ("Cấp", "Level", "Levels")),
    Column("claims", Text("Tin sai", "False claims"), 24, ("Claims",)),
    Column("reach", Text("Lượt tiếp cận", "Reach"), 12),
    Column("question", Text("Câu hỏi", "Question"), 48),
    Column("question_en", Text("Câu hỏi (tiếng Anh)", "Question (English)"), 48),
    Column(
        "response_window",
        Text("Thời hạn trả lời (phút)", "Response window (min)"),
        14,
        ("Thời hạn trả lời", "Response window"),
    ),
)
BY_KEY: dict[str, Column] = {column.key: column for column in COLUMNS}
REQUIRED = ("sender", "to", "channel", "content")
HEADER_ROWS = 30  # the header is looked for among the first rows that are not empty (a title block comes above it)


def header_key(header: str) -> str:
    """A header as compared: loosely (`word_key`), '#' read as 'number'."""
    return word_key(header.replace("#", " number "))


_BY_NAME: dict[str, str] = {header_key(name): column.key for column in COLUMNS for name in column.names}


def column_for(header: str) -> str | None:
    """The column a header names, as written or without what it adds in brackets ('Thời gian (T+)')."""
    return _BY_NAME.get(header_key(header)) or _BY_NAME.get(header_key(re.sub(r"\(.*?\)|\[.*?\]", " ", header)))


@dataclass(frozen=True)
class Layout:
    """Where a file's columns are: the header's row, key -> position, key -> header as written, ignored headers."""

    row: int
    index: dict[str, int]
    headers: dict[str, str]
    ignored: tuple[str, ...]
    mapped: tuple[tuple[str, str | None], ...] = ()  # every header in file order, with the column it was read as

    def usable(self) -> bool:
        """The header has every column a row needs."""
        return all(key in self.index for key in REQUIRED)

    def header(self, key: str) -> str:
        """The header the file uses for a column (the standard header if the file has none)."""
        return self.headers.get(key, BY_KEY[key].header)

    def notes(self) -> list[MselProblem]:
        """A note for each column the import does not use (not an error)."""
        return [MselProblem(Message(N_("cột này không được dùng, đã bỏ qua")), self.row, header) for header in self.ignored]


def read_header(row: int, cells: list[str], mapping: Mapping[str, str | None] | None = None) -> Layout:
    """Match a header row's cells to columns; unknown and repeated headers are ignored.

    `mapping` (a header as written -> a column key, or None / '' to ignore it) overrides
    the recognised names, as the user corrects them in the editor's mapping report.
    """
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    mapped: list[tuple[str, str | None]] = []
    for position, header in enumerate(cells):
        if not header:
            continue
        key = (mapping[header] or None) if mapping and header in mapping else column_for(header)
        if key is not None and key not in BY_KEY:
            raise MselError(N_("cột “%(key)s” không tồn tại"), key=key)
        if key is None or key in index:
            ignored.append(header)
            mapped.append((header, None))
            continue
        index[key], headers[key] = position, header
        mapped.append((header, key))
    return Layout(row, index, headers, tuple(ignored), tuple(mapped))


def column_of(field: tuple[str | int, ...]) -> str | None:
    """The column holding an inject field, e.g. ('sender', 'en') -> 'sender_en', ('to', 0) -> 'to'."""
    if not field or not isinstance(field[0], str):
        return None
    key = f"{field[0]}_en" if field[1:2] == ("en",) else field[0]
    return key if key in BY_KEY else None


def check_format(format: str) -> str:
    """The format, if it is one an MSEL is written in; else `MselError`."""
    if format not in FORMATS:
        raise MselError(N_("định dạng “%(format)s” không được hỗ trợ (xlsx, csv)"), format=format)
    return format
