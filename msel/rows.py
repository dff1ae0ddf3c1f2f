"""Reading an MSEL's rows into injects: every cell checked, every problem named by row and column.

The header is the first of the first rows to have every needed column (a title
block may come above it); empty rows are skipped. Values a planner's sheet leaves
out (a post's reach, a press call's window and question) are filled in by default
with a warning. A row with any
problem is left out and each of its problems reported; the rows that can be read
become inject data (as a scenario file writes them), checked against the
`Inject` model. Roles, false claims and levels are looked up in the base drill.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from scenarios.labels import CHANNELS

from scenarios.conditions import ConditionError, parse_condition
from scenarios.messages import Message
from scenarios.model import Channel, Identifier, Inject
from msel.cells import Cell, items, match_names, name_key, parse_count, parse_minutes, parse_time, text
from msel.columns import BY_KEY, HEADER_ROWS, REQUIRED, Layout, column_of, read_header
from msel.wordings import agencies, channel_of, word_key
from msel.drill import plain
from msel.problems import CellError, MselProblem, quote
from scenarios.pydantic_messages import pydantic_message
from scenarios.texts import Text

_IDENTIFIER = TypeAdapter(Identifier)
_CHANNELS = {
    word_key(name): c.value
    for c in Channel
    for name in (c.value, c.value.replace("_", " "), CHANNELS[c.value].vi, CHANNELS[c.value].in_("en"))
}
DEFAULT_REACH = 5000  # people a post or article reaches when the sheet does not say (the skeleton's first post)
DEFAULT_WINDOW = 60  # minutes a journalist waits when the sheet does not say


@dataclass(frozen=True)
class Names:
    """What the base drill lets rows refer to: roles by id or label, false claims by id, level numbers."""

    roles: dict[str, str]
    claims: dict[str, str]
    levels: frozenset[int]

    @classmethod
    def of(cls, drill: dict[str, Any]) -> Names:
        def entries(key: str) -> list[dict]:
            value = drill.get(key)
            return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []

        roles: dict[str, str] = agencies({r["id"] for r in entries("roles") if isinstance(r.get("id"), str)})
        for role in entries("roles"):
            if isinstance(role.get("id"), str):
                label = role["label"] if isinstance(role.get("label"), dict) else {}
                for name in (label.get("vi"), label.get("en"), role["id"]):  # an id wins over a label
                    if isinstance(name, str):
                        roles[word_key(name)] = role["id"]
        claims = {name_key(c["id"]): c["id"] for c in entries("false_claims") if isinstance(c.get("id"), str)}
        levels = frozenset(lv["level"] for lv in entries("levels") if isinstance(lv.get("level"), int))
        return cls(roles, claims, levels)


@dataclass(frozen=True)
class ReadRow:
    """A row read into an inject: its row number, its 'No.' (if any), the inject data, the levels releasing it."""

    row: int
    number: int | None
    inject: dict[str, Any]
    levels: tuple[int, ...]


@dataclass
class _Row:
    """One row's cells by column key; reading a cell records its problem, if any."""

    row: int
    cells: list[Cell]
    layout: Layout
    problems: list[MselProblem] = field(default_factory=list)
    warnings: list[MselProblem] = field(default_factory=list)

    def cell(self, key: str) -> Cell:
        position = self.layout.index.get(key)
        return self.cells[position] if position is not None and position < len(self.cells) else None

    def problem(self, key: str | None, vi: str, en: str | None, cause: Message | None = None) -> None:
        self.problems.append(MselProblem(Text(vi, en), self.row, self.layout.header(key) if key else None, cause))

    def warn(self, key: str | None, vi: str, en: str) -> None:
        self.warnings.append(MselProblem(Text(vi, en), self.row, self.layout.header(key) if key else None))

    def read(self, key: str, parse: Callable[[Cell], Any]) -> Any:
        try:
            return parse(self.cell(key))
        except CellError as exc:
            self.problem(key, exc.text.vi, exc.text.en)
            return None

    def required(self, key: str) -> str:
        value = text(self.cell(key))
        if not value:
            column = BY_KEY[key]
            self.problem(key, f"thiếu {column.title.vi.lower()}", f"the {column.title.en} cell is empty")
        return value

    def local(self, key: str) -> dict[str, str | None] | None:
        """A {vi, en} text from the column and its English twin; None when both are empty."""
        vi, en = text(self.cell(key)), text(self.cell(f"{key}_en"))
        if en and not vi:
            self.problem(key, "có bản tiếng Anh nhưng thiếu tiếng Việt", "the English is given but the Vietnamese is empty")
        return Text(vi, en or None).as_dict() if vi else None


def _pick(row: _Row, key: str, names: dict[str, str], what: tuple[str, str], loose: bool = False) -> list[str]:
    found, unknown = match_names(row.cell(key), names, word_key if loose else name_key)
    if unknown:
        known = ", ".join(sorted(set(names.values())))
        row.problem(
            key,
            f"{what[0]} không có trong kịch bản: {quote(unknown, 'vi')} (có: {known})",
            f"unknown {what[1]}: {quote(unknown, 'en')} (known: {known})",
        )
    return found


def _levels(row: _Row, levels: frozenset[int]) -> tuple[int, ...]:
    found: list[int] = []
    for item in items(row.cell("levels")):
        if item.isascii() and item.isdigit() and int(item) in levels:
            found.append(int(item))
        else:
            known = ", ".join(map(str, sorted(levels)))
            row.problem(
                "levels",
                f"cấp “{item}” không có trong kịch bản (có: {known})",
                f"level '{item}' does not exist (levels: {known})",
            )
    return tuple(found)


def _condition(row: _Row) -> str | None:
    when = text(row.cell("when"))
    if when:
        try:
            parse_condition(when)
        except ConditionError as exc:
            row.problem("when", "điều kiện không hợp lệ: ", "bad condition: ", exc.message)
    return when or None


def _identifier(row: _Row) -> str:
    value = text(row.cell("id"))
    if value:
        try:
            _IDENTIFIER.validate_python(value)
        except ValidationError:
            row.problem(
                "id",
                f"mã “{value}” không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, “_” và “-”, bắt đầu bằng chữ",
                f"bad id '{value}': lower-case letters, digits, '_' and '-', starting with a letter",
            )
    return value


def _inject(row: _Row, names: Names) -> tuple[int | None, dict[str, Any], tuple[int, ...]]:
    """The row's 'No.', its inject data and the levels that release it; problems recorded on the row."""
    number = row.read("number", parse_count)
    at = row.read("at", parse_time)
    when = _condition(row)
    if at is not None and when is not None:
        row.problem(
            "at", "chỉ ghi thời điểm hoặc điều kiện, không ghi cả hai", "give either a time or a condition, not both"
        )
    channel = row.required("channel")
    channel_id = channel_of(channel, _CHANNELS) if channel else None
    if channel and channel_id is None:
        row.problem(
            "channel",
            f"kênh “{channel}” không tồn tại (có: {', '.join(CHANNELS[c.value].vi for c in Channel)})",
            f"unknown channel '{channel}' (known: {', '.join(c.value for c in Channel)})",
        )
    inject = {
        "id": _identifier(row),
        "channel": channel_id,
        "at": at,
        "when": when,
        "delay": row.read("delay", parse_minutes) or None,
        "sender": row.local("sender") if row.required("sender") else None,
        "to": _pick(row, "to", names.roles, ("vai trò", "role"), loose=True) if row.required("to") else [],
        "title": row.local("title"),
        "content": row.local("content") if row.required("content") else None,
        "claims": _pick(row, "claims", names.claims, ("tin sai", "false claim")),
        "reach": row.read("reach", parse_count),
        "question": row.local("question"),
        "response_window": row.read("response_window", lambda cell: parse_minutes(cell, positive=True)),
    }
    _defaults(row, inject)
    return number, plain(inject), _levels(row, names.levels)


def _defaults(row: _Row, inject: dict[str, Any]) -> None:
    """What a planner's sheet does not say but the drill needs, filled in with a warning to check it."""
    if inject["channel"] in ("social_post", "press_article") and inject["reach"] is None and not row.problems:
        inject["reach"] = DEFAULT_REACH
        row.warn(
            "reach",
            f"chưa ghi lượt tiếp cận: đặt mặc định {DEFAULT_REACH:,} người".replace(",", "."),
            f"no reach given: set to {DEFAULT_REACH:,} people by default",
        )
    if inject["channel"] == "press_call" and not row.problems:
        if inject["response_window"] is None:
            inject["response_window"] = DEFAULT_WINDOW
            row.warn(
                "response_window",
                f"chưa ghi thời hạn trả lời: đặt mặc định {DEFAULT_WINDOW} phút",
                f"no response window given: set to {DEFAULT_WINDOW} minutes by default",
            )
        if inject["question"] is None and inject["content"] is not None:
            inject["question"] = dict(inject["content"])
            row.warn(
                "question",
                "chưa ghi câu hỏi của phóng viên: dùng nội dung tình huống làm câu hỏi",
                "no journalist's question given: the inject's text is used as the question",
            )


def _check_model(row: _Row, inject: dict[str, Any]) -> None:
    try:
        Inject.model_validate(inject)
    except ValidationError as exc:
        for error in exc.errors():
            column = column_of(tuple(error["loc"]))
            row.problem(column, "tình huống không hợp lệ: ", "invalid inject: ", pydantic_message(error))


def _new_id(row: int, taken: set[str]) -> str:
    candidate, suffix = f"inject-{row}", 1
    while candidate in taken:
        suffix += 1
        candidate = f"inject-{row}-{suffix}"
    return candidate


def find_header(filled: list[tuple[int, list[Cell]]], mapping: Mapping[str, str | None] | None) -> tuple[int, Layout]:
    """The header among the first rows (a title block may come above it): the first with every needed
    column, else the one with the most recognised columns, else the first row."""
    layouts = []
    for at, (number, cells) in enumerate(filled[:HEADER_ROWS]):
        layout = read_header(number, [text(cell) for cell in cells], mapping)
        if layout.usable():
            return at, layout
        layouts.append((at, layout))
    return max(layouts, key=lambda pair: (len(pair[1].index), -pair[0]))


def read_rows(
    rows: Iterable[tuple[int, list[Cell]]], names: Names, mapping: Mapping[str, str | None] | None = None
) -> tuple[Layout | None, list[ReadRow], list[MselProblem], list[MselProblem]]:
    """The header's layout, the rows that can be read, the problems of the others (or of the header), and the
    warnings (values filled in by default)."""
    filled = [(number, cells) for number, cells in rows if any(text(cell) for cell in cells)]
    if not filled:
        return None, [], [MselProblem(Text("tệp không có dòng tiêu đề nào", "the file has no header row"))], []
    at, layout = find_header(filled, mapping)
    header_row, body = filled[at][0], filled[at + 1 :]
    missing = [BY_KEY[key].header for key in REQUIRED if key not in layout.index]
    if missing:
        return (
            layout,
            [],
            [
                MselProblem(
                    Text(f"thiếu cột {quote(missing, 'vi')}", f"missing column(s) {quote(missing, 'en')}"), header_row
                )
            ],
            [],
        )
    read = [(row, _inject(row, names)) for row in (_Row(number, cells, layout) for number, cells in body)]
    taken = {inject["id"] for _, (_, inject, _) in read if inject.get("id")}
    first: dict[str, int] = {}
    kept: list[ReadRow] = []
    problems: list[MselProblem] = []
    warnings: list[MselProblem] = []
    for row, (number, inject, levels) in read:
        inject["id"] = inject.get("id") or _new_id(row.row, taken)
        if inject["id"] in first:
            row.problem(
                "id",
                f"mã “{inject['id']}” trùng với dòng {first[inject['id']]}",
                f"id '{inject['id']}' is already used by row {first[inject['id']]}",
            )
        first.setdefault(inject["id"], row.row)
        if not row.problems:
            _check_model(row, inject)
        problems += row.problems
        if not row.problems:
            warnings += row.warnings
            kept.append(ReadRow(row.row, number, inject, levels))
    return layout, kept, problems, warnings
