"""Master Scenario Events List (MSEL): a drill's injects as the spreadsheet planners keep, and back.

    export_msel(scenario, target, format=None)          XLSX (events + the rest of the drill) or CSV (events)
    import_msel(source, base=None, format=None)         -> ImportResult(yaml_text, scenario, problems, notes)

`target` and `source` are paths or binary streams (BytesIO for uploads and
downloads). An import replaces the base drill's injects with the rows that can
be read, reports every other row with its problems, and checks the new drill with
the scenario loader, as `run.py validate` does. The layout is in docs/MSEL.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.loader import ScenarioInvalid, ScenarioIssue, parse_scenario
from scenarios.model import Scenario
from scenarios.msel.columns import Layout, check_format, column_of
from scenarios.msel.drill import dump_yaml, load_mapping, scenario_data, with_injects
from scenarios.msel.problems import MselError, MselProblem
from scenarios.msel.read import Source, Table, read_table
from scenarios.msel.rows import Names, ReadRow, read_rows
from scenarios.msel.write import Target, write_csv, write_xlsx

__all__ = ["ImportResult", "MselError", "MselProblem", "export_msel", "import_msel"]

_WRITERS = {"xlsx": write_xlsx, "csv": write_csv}
_INJECT_FIELD = re.compile(r"injects\[(\d+)\]((?:\.\w+|\[\d+\])*)")
YAML_COMMENT = "Kịch bản tạo từ bảng MSEL / Drill built from an MSEL (docs/MSEL.md)"


@dataclass(frozen=True)
class ImportResult:
    """The new drill as YAML; the Scenario if it is valid (else None); what went wrong; ignored columns."""

    yaml_text: str
    scenario: Scenario | None
    problems: tuple[MselProblem, ...]  # rows left out and why, then the drill's errors mapped to rows
    notes: tuple[MselProblem, ...]  # columns the import does not use (not errors)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.problems


def export_msel(scenario: Scenario, target: Target, format: str | None = None) -> None:
    """Write the drill's MSEL; `format` defaults to the path's suffix (.csv or .xlsx), XLSX for a stream."""
    if format is None:
        suffix = Path(target).suffix.lower() if isinstance(target, (str, Path)) else ""
        format = "csv" if suffix == ".csv" else "xlsx"
    _WRITERS[check_format(format)](scenario, target)


def _base(base: str | Scenario | None, table: Table) -> dict[str, Any]:
    if isinstance(base, Scenario):
        return scenario_data(base)
    if base is not None:
        return load_mapping(base)
    if table.drill_yaml is not None:
        return load_mapping(table.drill_yaml)
    raise MselError("cần kịch bản gốc: hãy chỉ ra kịch bản, hoặc dùng tệp XLSX xuất kèm trang kịch bản",
                    "a base drill is needed: give one, or use an XLSX exported with its drill sheet")


def _drill_problem(issue: ScenarioIssue, rows: list[ReadRow], layout: Layout | None) -> MselProblem:
    """A loader error, on the row and column of its inject when it is about one."""
    match = _INJECT_FIELD.fullmatch(issue.field)
    if match is None or int(match.group(1)) >= len(rows):
        return MselProblem(f"kịch bản không hợp lệ — {issue.field}: {issue.message}",
                           f"the drill is not valid — {issue.field}: {issue.message}")
    parts = tuple(int(i) if i else name for name, i in re.findall(r"\.(\w+)|\[(\d+)\]", match.group(2)))
    column = column_of(parts)
    return MselProblem(f"kịch bản không hợp lệ — {issue.message}", f"the drill is not valid — {issue.message}",
                       rows[int(match.group(1))].row, layout.header(column) if column and layout else None)


def import_msel(source: Source, base: str | Scenario | None = None, format: str | None = None) -> ImportResult:
    """Read an MSEL onto a base drill (YAML text or Scenario; for an XLSX, its drill sheet by default).

    Raises `MselError` only when the file cannot be read at all or no base drill is
    at hand; anything wrong in the rows or the resulting drill is in `problems`.
    """
    table = read_table(source, format)
    drill = _base(base, table)
    layout, rows, problems = read_rows(table.rows, Names.of(drill))
    rows.sort(key=lambda row: (row.number is None, row.number or 0, row.row))
    released = {row.inject["id"]: row.levels for row in rows} if layout and "levels" in layout.index else None
    yaml_text = dump_yaml(with_injects(drill, [row.inject for row in rows], released), YAML_COMMENT)
    try:
        scenario = parse_scenario(yaml_text, "<msel>")
    except ScenarioInvalid as exc:
        scenario = None
        problems += [_drill_problem(issue, rows, layout) for issue in exc.issues]
    return ImportResult(yaml_text, scenario, tuple(problems), tuple(layout.notes() if layout else ()))
