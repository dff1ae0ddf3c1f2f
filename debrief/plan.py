"""The improvement plan of the After-Action Report: one row per corrective action, with who does it and by when.

By default the plan is generated from the rules failed: one row per failed
legal rule (teams that failed it named in the issue), the rule's corrective
action and responsible role (`debrief.objectives.GUIDANCE`), due 30 days after
the exercise, status `open`. The instructor may edit it before exporting; an
edited plan is checked by `check_plan`, which names every bad row and field;
a role may be written as its label ("Người phát ngôn") and is kept as its id.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from debrief.objectives import OBJECTIVES
from scenarios.messages import N_, Message
from scenarios.model import Scenario
from scenarios.texts import Text

DUE_AFTER = datetime.timedelta(days=30)
PLAN_STATUSES: dict[str, Text] = {
    "open": Text("Chưa thực hiện", "Open"),
    "in_progress": Text("Đang thực hiện", "In progress"),
    "done": Text("Đã hoàn thành", "Done"),
}
MAX_TEXT = 2000
ROLE_LIKE = re.compile(r"^[a-z][a-z0-9_]*$")  # looks like a role id, not a unit written out


@dataclass(frozen=True)
class ImprovementItem:
    """A row of the improvement plan.

    `objective` is an objective id (debrief.objectives.OBJECTIVES); `role` a role
    id of the scenario (shown by its label) or the name of a unit written out; `due` an ISO date;
    `status` one of PLAN_STATUSES.
    """

    issue: str
    corrective_action: str
    objective: str
    role: str
    due: str
    status: str = "open"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


FIELDS = tuple(f.name for f in fields(ImprovementItem))
ONE_OF = N_("“%(value)s” phải là một trong: %(values)s")
FIELD_LABELS: dict[str, Text] = {  # as the report page heads its columns
    "issue": Text("Vấn đề", "Issue"),
    "corrective_action": Text("Biện pháp khắc phục", "Corrective action"),
    "objective": Text("Mục tiêu", "Objective"),
    "role": Text("Vai/đơn vị phụ trách", "Responsible"),
    "due": Text("Hạn", "Due"),
    "status": Text("Tình trạng", "Status"),
}


@dataclass(frozen=True)
class PlanProblem:
    """What is wrong in an edited plan, and where: the row (from 1, or None for the whole plan) and the field."""

    row: int | None
    field: str | None
    message: Message

    def render(self, translate: Callable[[str], str] = str, lang: str = "vi") -> str:
        """The problem in `lang` ("vi" or "en"; its message through `translate`) with where it is."""
        text = self.message.render(translate)
        if self.row is None:
            return text
        column = FIELD_LABELS.get(self.field or "", Text(str(self.field), str(self.field)))
        if lang == "en":
            where = f"Row {self.row}, '{column.en}'" if self.field else f"Row {self.row}"
        else:
            where = f"Dòng {self.row}, cột “{column.vi}”" if self.field else f"Dòng {self.row}"
        return f"{where}: {text}"

    def __str__(self) -> str:
        return self.render()


class PlanError(ValueError):
    """An edited improvement plan with errors; `problems` lists each, naming the row and the field."""

    def __init__(self, problems: list[PlanProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def default_item(issue: Text, action: Text, objective: str, role: str, exercise_day: datetime.date) -> ImprovementItem:
    """A generated row: texts in Vietnamese then English, due 30 days after the exercise, open."""
    return ImprovementItem(
        issue=f"{issue.vi} / {issue.en}",
        corrective_action=f"{action.vi} / {action.en}",
        objective=objective,
        role=role,
        due=(exercise_day + DUE_AFTER).isoformat(),
    )


def role_id(scenario: Scenario, written: str) -> str:
    """A role written as its label (Vietnamese or English, any case) as the role's id; anything else as written."""
    key = " ".join(written.split()).casefold()
    for role in scenario.roles:
        if key in {role.id.casefold(), role.label.vi.casefold(), (role.label.en or "").casefold()}:
            return role.id
    return written


def _text_problem(value: Any) -> Message | None:
    if not isinstance(value, str) or not value.strip():
        return Message(N_("cần điền nội dung"))
    if len(value) > MAX_TEXT:
        return Message(N_("dài quá %(most)d ký tự"), {"most": MAX_TEXT})
    return None


def _problems(row: Mapping[str, Any], scenario: Scenario) -> dict[str, Message]:
    """field -> what is wrong with it, for one row."""
    problems: dict[str, Message] = {}
    for name in sorted(set(row) - set(FIELDS)):
        problems[name] = Message(
            N_("trường không có trong kế hoạch (các trường: %(fields)s)"), {"fields": ", ".join(FIELDS)}
        )
    for name in ("issue", "corrective_action", "role"):
        problem = _text_problem(row.get(name))
        if problem:
            problems[name] = problem
    role = row.get("role")
    roles = [r.id for r in scenario.roles]
    if "role" not in problems and isinstance(role, str) and ROLE_LIKE.match(role.strip()) and role.strip() not in roles:
        problems["role"] = Message(
            N_("“%(role)s” không phải vai của kịch bản; chọn một vai (%(roles)s) hoặc ghi tên đơn vị đầy đủ"),
            {"role": role, "roles": ", ".join(roles)},
        )
    ids = [o.id for o in OBJECTIVES]
    if row.get("objective") not in ids:
        problems["objective"] = Message(ONE_OF, {"value": row.get("objective"), "values": ", ".join(ids)})
    due = row.get("due")
    try:
        datetime.date.fromisoformat(due if isinstance(due, str) else "")
    except ValueError:
        problems["due"] = Message(N_("“%(value)s” không phải ngày dạng YYYY-MM-DD, ví dụ 2026-10-15"), {"value": due})
    status = row.get("status", "open")
    if status not in PLAN_STATUSES:
        problems["status"] = Message(ONE_OF, {"value": status, "values": ", ".join(PLAN_STATUSES)})
    return problems


def check_plan(items: Sequence[ImprovementItem | Mapping[str, Any]], scenario: Scenario) -> tuple[ImprovementItem, ...]:
    """An edited plan, checked: rows as ImprovementItem or as dicts (e.g. stored JSON) with the same fields.

    Raises PlanError listing every problem (`PlanProblem`, shown as "Dòng 2, cột “Hạn”: …", or in English
    "Row 2, 'Due': …").
    """
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Sequence):
        raise PlanError([PlanProblem(None, None, Message(N_("kế hoạch phải là một danh sách dòng")))])
    checked: list[ImprovementItem] = []
    problems: list[PlanProblem] = []
    for number, item in enumerate(items, start=1):
        row = item.as_dict() if isinstance(item, ImprovementItem) else item
        if not isinstance(row, Mapping):
            problems.append(
                PlanProblem(
                    number,
                    None,
                    Message(N_("phải là một đối tượng có các trường %(fields)s"), {"fields": ", ".join(FIELDS)}),
                )
            )
            continue
        found = _problems(row, scenario)
        problems.extend(PlanProblem(number, name, problem) for name, problem in found.items())
        if not found:
            values = {name: row[name].strip() for name in FIELDS if name in row}
            checked.append(ImprovementItem(**{**values, "role": role_id(scenario, values["role"])}))
    if problems:
        raise PlanError(problems)
    return tuple(checked)
