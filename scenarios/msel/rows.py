"""Reading an MSEL's rows into injects: every cell checked, every problem named by row and column.

The first non-empty row is the header; empty rows are skipped. A row with any
problem is left out and each of its problems reported; the rows that can be read
become inject data (as a scenario file writes them), checked against the
`Inject` model. Roles, false claims and levels are looked up in the base drill.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable

from pydantic import TypeAdapter, ValidationError

from debrief.labels import CHANNELS

from scenarios.conditions import ConditionError, parse_condition
from scenarios.model import Channel, Identifier, Inject
from scenarios.msel.cells import Cell, items, match_names, name_key, parse_count, parse_minutes, parse_time, text
from scenarios.msel.columns import BY_KEY, REQUIRED, Layout, column_of, read_header
from scenarios.msel.drill import plain
from scenarios.msel.problems import CellError, MselProblem, quote

_IDENTIFIER = TypeAdapter(Identifier)
_CHANNELS = {name_key(name): c.value for c in Channel
             for name in (c.value, c.value.replace("_", " "), CHANNELS[c.value].vi, CHANNELS[c.value].en)}


@dataclass(frozen=True)
class Names:
    """What the base drill lets rows refer to: roles by id or label, false claims by id, level numbers."""

    roles: dict[str, str]
    claims: dict[str, str]
    levels: frozenset[int]

    @classmethod
    def of(cls, drill: dict[str, Any]) -> "Names":
        def entries(key: str) -> list[dict]:
            value = drill.get(key)
            return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []

        roles: dict[str, str] = {}
        for role in entries("roles"):
            if isinstance(role.get("id"), str):
                label = role.get("label") if isinstance(role.get("label"), dict) else {}
                for name in (label.get("vi"), label.get("en"), role["id"]):  # an id wins over a label
                    if isinstance(name, str):
                        roles[name_key(name)] = role["id"]
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

    def cell(self, key: str) -> Cell:
        position = self.layout.index.get(key)
        return self.cells[position] if position is not None and position < len(self.cells) else None

    def problem(self, key: str | None, vi: str, en: str) -> None:
        self.problems.append(MselProblem(vi, en, self.row, self.layout.header(key) if key else None))

    def read(self, key: str, parse: Callable[[Cell], Any]) -> Any:
        try:
            return parse(self.cell(key))
        except CellError as exc:
            self.problem(key, exc.vi, exc.en)
            return None

    def required(self, key: str) -> str:
        value = text(self.cell(key))
        if not value:
            column = BY_KEY[key]
            self.problem(key, f"thiếu {column.vi.lower()}", f"the {column.en} cell is empty")
        return value

    def local(self, key: str) -> dict[str, str] | None:
        """A {vi, en} text from the column and its English twin; None when both are empty."""
        vi, en = text(self.cell(key)), text(self.cell(f"{key}_en"))
        if en and not vi:
            self.problem(key, "có bản tiếng Anh nhưng thiếu tiếng Việt",
                         "the English is given but the Vietnamese is empty")
        return {"vi": vi, "en": en or None} if vi else None


def _pick(row: _Row, key: str, names: dict[str, str], what: tuple[str, str]) -> list[str]:
    found, unknown = match_names(row.cell(key), names)
    if unknown:
        known = ", ".join(sorted(set(names.values())))
        row.problem(key, f"{what[0]} không có trong kịch bản: {quote(unknown, 'vi')} (có: {known})",
                    f"unknown {what[1]}: {quote(unknown, 'en')} (known: {known})")
    return found


def _levels(row: _Row, levels: frozenset[int]) -> tuple[int, ...]:
    found: list[int] = []
    for item in items(row.cell("levels")):
        if item.isascii() and item.isdigit() and int(item) in levels:
            found.append(int(item))
        else:
            known = ", ".join(map(str, sorted(levels)))
            row.problem("levels", f"cấp “{item}” không có trong kịch bản (có: {known})",
                        f"level '{item}' does not exist (levels: {known})")
    return tuple(found)


def _condition(row: _Row) -> str | None:
    when = text(row.cell("when"))
    if when:
        try:
            parse_condition(when)
        except ConditionError as exc:
            row.problem("when", f"điều kiện không hợp lệ: {exc}", f"bad condition: {exc}")
    return when or None


def _identifier(row: _Row) -> str:
    value = text(row.cell("id"))
    if value:
        try:
            _IDENTIFIER.validate_python(value)
        except ValidationError:
            row.problem("id", f"mã “{value}” không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, “_” và “-”,"
                        " bắt đầu bằng chữ",
                        f"bad id '{value}': lower-case letters, digits, '_' and '-', starting with a letter")
    return value


def _inject(row: _Row, names: Names) -> tuple[int | None, dict[str, Any], tuple[int, ...]]:
    """The row's 'No.', its inject data and the levels that release it; problems recorded on the row."""
    number = row.read("number", parse_count)
    at = row.read("at", parse_time)
    when = _condition(row)
    if at is not None and when is not None:
        row.problem("at", "chỉ ghi thời điểm hoặc điều kiện, không ghi cả hai",
                    "give either a time or a condition, not both")
    channel = row.required("channel")
    if channel and name_key(channel) not in _CHANNELS:
        row.problem("channel", f"kênh “{channel}” không tồn tại (có: {', '.join(CHANNELS[c.value].vi for c in Channel)})",
                    f"unknown channel '{channel}' (known: {', '.join(c.value for c in Channel)})")
    inject = {
        "id": _identifier(row),
        "channel": _CHANNELS.get(name_key(channel)),
        "at": at,
        "when": when,
        "delay": row.read("delay", parse_minutes) or None,
        "sender": row.local("sender") if row.required("sender") else None,
        "to": _pick(row, "to", names.roles, ("vai trò", "role")) if row.required("to") else [],
        "title": row.local("title"),
        "content": row.local("content") if row.required("content") else None,
        "claims": _pick(row, "claims", names.claims, ("tin sai", "false claim")),
        "reach": row.read("reach", parse_count),
        "question": row.local("question"),
        "response_window": row.read("response_window", lambda cell: parse_minutes(cell, positive=True)),
    }
    return number, plain(inject), _levels(row, names.levels)


def _check_model(row: _Row, inject: dict[str, Any]) -> None:
    try:
        Inject.model_validate(inject)
    except ValidationError as exc:
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            column = column_of(tuple(error["loc"]))
            row.problem(column, f"tình huống không hợp lệ: {message}", f"invalid inject: {message}")


def _new_id(row: int, taken: set[str]) -> str:
    candidate, suffix = f"inject-{row}", 1
    while candidate in taken:
        suffix += 1
        candidate = f"inject-{row}-{suffix}"
    return candidate


def read_rows(rows: Iterable[tuple[int, list[Cell]]],
              names: Names) -> tuple[Layout | None, list[ReadRow], list[MselProblem]]:
    """The header's layout, the rows that can be read, and the problems of the others (or of the header)."""
    filled = [(number, cells) for number, cells in rows if any(text(cell) for cell in cells)]
    if not filled:
        return None, [], [MselProblem("tệp không có dòng tiêu đề nào", "the file has no header row")]
    (header_row, header), body = filled[0], filled[1:]
    layout = read_header(header_row, [text(cell) for cell in header])
    missing = [BY_KEY[key].header for key in REQUIRED if key not in layout.index]
    if missing:
        return layout, [], [MselProblem(f"thiếu cột {quote(missing, 'vi')}", f"missing column(s) {quote(missing, 'en')}",
                                        header_row)]
    read = [(row, _inject(row, names)) for row in (_Row(number, cells, layout) for number, cells in body)]
    taken = {inject["id"] for _, (_, inject, _) in read if inject.get("id")}
    first: dict[str, int] = {}
    kept: list[ReadRow] = []
    problems: list[MselProblem] = []
    for row, (number, inject, levels) in read:
        inject["id"] = inject.get("id") or _new_id(row.row, taken)
        if inject["id"] in first:
            row.problem("id", f"mã “{inject['id']}” trùng với dòng {first[inject['id']]}",
                        f"id '{inject['id']}' is already used by row {first[inject['id']]}")
        first.setdefault(inject["id"], row.row)
        if not row.problems:
            _check_model(row, inject)
        problems += row.problems
        if not row.problems:
            kept.append(ReadRow(row.row, number, inject, levels))
    return layout, kept, problems
