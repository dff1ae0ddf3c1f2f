"""Master Scenario Events List (MSEL): a drill's injects as the spreadsheet planners keep, and back.

    export_msel(scenario, target, format=None)          XLSX (events + the rest of the drill) or CSV (events)
    import_msel(source, base=None, format=None)         -> ImportResult(yaml_text, scenario, problems, notes)

`target` and `source` are paths or binary streams (BytesIO for uploads and
downloads). An import finds the header under any title block, merges the rows
that can be read into the base drill's injects (a row with an inject's id takes
its place), reports every other row with its problems, and checks the new drill
with the scenario loader, as `run.py validate` does. Without a base it makes a new
drill from the editor's skeleton. The layout is in docs/MSEL.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from scenarios.loader import ScenarioInvalid, ScenarioIssue, parse_scenario
from scenarios.library import SKELETON
from scenarios.model import Scenario
from msel.columns import Layout, check_format, column_of
from msel.drill import dump_yaml, header_comment, load_mapping, plain, with_injects
from msel.problems import MselError, MselProblem
from msel.read import Source, Table, read_table
from msel.rows import Names, ReadRow, read_rows
from msel.write import DRILL_NOTE, Target, write_csv, write_xlsx
from scenarios.messages import N_, Message

__all__ = ["ImportResult", "MselError", "MselProblem", "export_msel", "header_comment", "import_msel"]

_WRITERS = {"xlsx": write_xlsx, "csv": write_csv}
_INJECT_FIELD = re.compile(r"injects\[(\d+)\]((?:\.\w+|\[\d+\])*)")
YAML_COMMENT = "Kịch bản tạo từ bảng MSEL / Drill built from an MSEL (docs/MSEL.md)"


@dataclass(frozen=True)
class ImportResult:
    """The new drill as YAML; the Scenario if it is valid (else None); what went wrong; ignored columns;
    warnings; how the header was read."""

    yaml_text: str
    scenario: Scenario | None
    problems: tuple[MselProblem, ...]  # rows left out and why, then the drill's errors mapped to rows
    notes: tuple[MselProblem, ...]  # columns the import does not use (not errors)
    warnings: tuple[MselProblem, ...] = ()  # values filled in by default, what was dropped, a new drill's skeleton
    columns: tuple[tuple[str, str | None], ...] = ()  # every header in file order, with the column it was read as

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.problems


def export_msel(scenario: Scenario, target: Target, format: str | None = None, comment: str = "") -> None:
    """Write the drill's MSEL; `format` defaults to the path's suffix (.csv or .xlsx), XLSX for a stream.

    `comment` (the drill file's header comment, `header_comment(text)`) goes on the XLSX drill sheet, so that
    an import gives it back."""
    if format is None:
        suffix = Path(target).suffix.lower() if isinstance(target, (str, Path)) else ""
        format = "csv" if suffix == ".csv" else "xlsx"
    _WRITERS[check_format(format)](scenario, target, comment)


def _base(base: str | Scenario | None, table: Table) -> tuple[dict[str, Any], str, list[MselProblem]]:
    """The drill the rows are merged into, its header comment, and a warning if it is the skeleton."""
    if isinstance(base, Scenario):
        return plain(base.model_dump(mode="json")), YAML_COMMENT, []
    if base is not None:
        return load_mapping(base), header_comment(base) or YAML_COMMENT, []
    if table.drill_yaml is not None:
        comment = header_comment(table.drill_yaml).removeprefix(DRILL_NOTE).lstrip("\n")
        return load_mapping(table.drill_yaml), comment or YAML_COMMENT, []
    skeleton = load_mapping(SKELETON.read_text(encoding="utf-8"))
    skeleton.pop("injects", None)
    return (
        skeleton,
        YAML_COMMENT,
        [
            MselProblem(
                Message(
                    N_(
                        "không có kịch bản gốc: tạo kịch bản mới từ khung mẫu — "
                        "hãy sửa mã, tiêu đề, bối cảnh, vai, sự thật và tin sai"
                    )
                )
            )
        ],
    )


def _drill_problem(issue: ScenarioIssue, order: list[str | None], rows: list[ReadRow], layout: Layout | None) -> MselProblem:
    """A loader error, on the row and column of its inject when it is about one read from the sheet."""
    match = _INJECT_FIELD.fullmatch(issue.field)
    by_id = {row.inject["id"]: row for row in rows}
    row = by_id.get(order[int(match.group(1))]) if match and int(match.group(1)) < len(order) else None
    if match is None or row is None:
        return MselProblem(
            Message(N_("kịch bản không hợp lệ — %(field)s: %(reason)s"), {"field": issue.field, "reason": issue.message})
        )
    parts = tuple(int(i) if i else name for name, i in re.findall(r"\.(\w+)|\[(\d+)\]", match.group(2)))
    column = column_of(parts)
    return MselProblem(
        Message(N_("kịch bản không hợp lệ — %(reason)s"), {"reason": issue.message}),
        row.row,
        layout.header(column) if column and layout else None,
    )


def import_msel(
    source: Source,
    base: str | Scenario | None = None,
    format: str | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> ImportResult:
    """Read an MSEL into a base drill (YAML text or Scenario; for an XLSX, its drill sheet by default; else the
    editor's skeleton, a new drill), merging its rows into the base's injects.

    `mapping` (header as written -> column key, or None to ignore it) corrects how the header was read.
    Raises `MselError` only when the file cannot be read at all or the base drill is not YAML;
    anything wrong in the rows or the resulting drill is in `problems`, values filled in by default in
    `warnings`.
    """
    table = read_table(source, format)
    drill, comment, warnings = _base(base, table)
    layout, rows, problems, defaults = read_rows(table.rows, Names.of(drill), mapping)
    rows.sort(key=lambda row: (row.number is None, row.number or 0, row.row))
    released = {row.inject["id"]: row.levels for row in rows} if layout and "levels" in layout.index else None
    data, dropped = with_injects(drill, [row.inject for row in rows], released)
    yaml_text = dump_yaml(data, comment)
    try:
        if layout is None or not layout.usable():
            raise ScenarioInvalid([])  # no header, nothing read: not a drill built from this file
        scenario = parse_scenario(yaml_text, "<msel>")
    except ScenarioInvalid as exc:
        scenario = None
        order = [item.get("id") if isinstance(item, dict) else None for item in data["injects"]]
        problems += [_drill_problem(issue, order, rows, layout) for issue in exc.issues]
    return ImportResult(
        yaml_text,
        scenario,
        tuple(problems),
        tuple(layout.notes() if layout else ()),
        tuple(warnings + defaults + dropped),
        layout.mapped if layout else (),
    )
