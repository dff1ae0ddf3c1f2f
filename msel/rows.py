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
from scenarios.messages import N_, Message
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
UNKNOWN_ROLES = N_("vai trò không có trong kịch bản: %(names)s (có: %(known)s)")
UNKNOWN_CLAIMS = N_("tin sai không có trong kịch bản: %(names)s (có: %(known)s)")


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

    def problem(self, key: str | None, msgid: str, **params: Any) -> None:
        """A problem of the row (in the cell of column `key`, if given): the message id and its parameters."""
        self.problems.append(MselProblem(Message(msgid, params), self.row, self.layout.header(key) if key else None))

    def warn(self, key: str | None, msgid: str, **params: Any) -> None:
        self.warnings.append(MselProblem(Message(msgid, params), self.row, self.layout.header(key) if key else None))

    def read(self, key: str, parse: Callable[[Cell], Any]) -> Any:
        try:
            return parse(self.cell(key))
        except CellError as exc:
            self.problems.append(MselProblem(exc.message, self.row, self.layout.header(key)))
            return None

    def required(self, key: str) -> str:
        value = text(self.cell(key))
        if not value:
            self.problem(key, N_("ô này bắt buộc nhưng đang trống"))
        return value

    def local(self, key: str) -> dict[str, str | None] | None:
        """A {vi, en} text from the column and its English twin; None when both are empty."""
        vi, en = text(self.cell(key)), text(self.cell(f"{key}_en"))
        if en and not vi:
            self.problem(key, N_("có bản tiếng Anh nhưng thiếu tiếng Việt"))
        return Text(vi, en or None).as_dict() if vi else None


def _pick(row: _Row, key: str, names: dict[str, str], unknown_names: str, loose: bool = False) -> list[str]:
    """The ids the cell names; the names it does not know are a problem saying `unknown_names` (a message id)."""
    found, unknown = match_names(row.cell(key), names, word_key if loose else name_key)
    if unknown:
        row.problem(key, unknown_names, names=quote(unknown), known=", ".join(sorted(set(names.values()))))
    return found


def _levels(row: _Row, levels: frozenset[int]) -> tuple[int, ...]:
    found: list[int] = []
    for item in items(row.cell("levels")):
        if item.isascii() and item.isdigit() and int(item) in levels:
            found.append(int(item))
        else:
            known = ", ".join(map(str, sorted(levels)))
            row.problem("levels", N_("cấp “%(level)s” không có trong kịch bản (có: %(known)s)"), level=item, known=known)
    return tuple(found)


def _condition(row: _Row) -> str | None:
    when = text(row.cell("when"))
    if when:
        try:
            parse_condition(when)
        except ConditionError as exc:
            row.problem("when", N_("điều kiện không hợp lệ: %(reason)s"), reason=exc.message)
    return when or None


def _identifier(row: _Row) -> str:
    value = text(row.cell("id"))
    if value:
        try:
            _IDENTIFIER.validate_python(value)
        except ValidationError:
            row.problem(
                "id",
                N_("mã “%(id)s” không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, “_” và “-”, bắt đầu bằng chữ"),
                id=value,
            )
    return value


def _inject(row: _Row, names: Names) -> tuple[int | None, dict[str, Any], tuple[int, ...]]:
    """The row's 'No.', its inject data and the levels that release it; problems recorded on the row."""
    number = row.read("number", parse_count)
    at = row.read("at", parse_time)
    when = _condition(row)
    if at is not None and when is not None:
        row.problem("at", N_("chỉ ghi thời điểm hoặc điều kiện, không ghi cả hai"))
    channel = row.required("channel")
    channel_id = channel_of(channel, _CHANNELS) if channel else None
    if channel and channel_id is None:
        known = ", ".join(f"{CHANNELS[c.value].vi} ({c.value})" for c in Channel)  # the names a sheet may use
        row.problem("channel", N_("kênh “%(channel)s” không tồn tại (có: %(known)s)"), channel=channel, known=known)
    inject = {
        "id": _identifier(row),
        "channel": channel_id,
        "at": at,
        "when": when,
        "delay": row.read("delay", parse_minutes) or None,
        "sender": row.local("sender") if row.required("sender") else None,
        "to": _pick(row, "to", names.roles, UNKNOWN_ROLES, loose=True) if row.required("to") else [],
        "title": row.local("title"),
        "content": row.local("content") if row.required("content") else None,
        "claims": _pick(row, "claims", names.claims, UNKNOWN_CLAIMS),
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
        row.warn("reach", N_("chưa ghi lượt tiếp cận: đặt mặc định %(reach)s người"), reach=DEFAULT_REACH)
    if inject["channel"] == "press_call" and not row.problems:
        if inject["response_window"] is None:
            inject["response_window"] = DEFAULT_WINDOW
            row.warn(
                "response_window", N_("chưa ghi thời hạn trả lời: đặt mặc định %(minutes)s phút"), minutes=DEFAULT_WINDOW
            )
        if inject["question"] is None and inject["content"] is not None:
            inject["question"] = dict(inject["content"])
            row.warn("question", N_("chưa ghi câu hỏi của phóng viên: dùng nội dung tình huống làm câu hỏi"))


def _check_model(row: _Row, inject: dict[str, Any]) -> None:
    try:
        Inject.model_validate(inject)
    except ValidationError as exc:
        for error in exc.errors():
            column = column_of(tuple(error["loc"]))
            row.problem(column, N_("tình huống không hợp lệ: %(reason)s"), reason=pydantic_message(error))


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
        return None, [], [MselProblem(Message(N_("tệp không có dòng tiêu đề nào")))], []
    at, layout = find_header(filled, mapping)
    header_row, body = filled[at][0], filled[at + 1 :]
    missing = [BY_KEY[key].header for key in REQUIRED if key not in layout.index]
    if missing:
        return (
            layout,
            [],
            [MselProblem(Message(N_("thiếu cột %(columns)s"), {"columns": quote(missing)}), header_row)],
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
            row.problem("id", N_("mã “%(id)s” trùng với dòng %(row)s"), id=inject["id"], row=first[inject["id"]])
        first.setdefault(inject["id"], row.row)
        if not row.problems:
            _check_model(row, inject)
        problems += row.problems
        if not row.problems:
            warnings += row.warnings
            kept.append(ReadRow(row.row, number, inject, levels))
    return layout, kept, problems, warnings
