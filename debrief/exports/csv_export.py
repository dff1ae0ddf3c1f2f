"""The report document as a ZIP archive of CSV tables, for spreadsheets.

Each table is UTF-8 with a byte-order mark (so Excel shows Vietnamese as it
is), comma-separated, one header row. Booleans are `true`/`false`, numbers use
a decimal point, a missing value is empty. A text that a spreadsheet would run
as a formula (= + - @, a tab or a carriage return first: a trainee's name, an
action's text, a plan entry) gets a leading apostrophe, as in the MSEL CSV;
numbers stay numbers. The tables and their columns are documented in docs/REPORTS.md.

The column names are the same in both languages (they are the tables' keys, as
in the JSON). The scenario's texts come in both (`title_vi`, `title_en`); a
label looked up for an id comes in the language asked for, its column named
after it: `category_vi` in Vietnamese (the default), `category_en` in English.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from debrief.exports.output import Target, binary_output
from debrief.exports.wording import Wording
from msel.cells import csv_safe

Row = list[Any]
Table = tuple[list[str], Iterable[Row]]
ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so the same document gives the same archive


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_safe(value)


class Labels:
    """Labels the tables look up, in one language (`lang`): roles from the exercise, the rest from the document's
    `labels`; a label without English is given in Vietnamese."""

    def __init__(self, document: Mapping[str, Any], lang: str = "vi"):
        self.roles = {r["id"]: r["label"] for r in document["exercise"]["roles"]}
        self.tables = document["labels"]
        self.objectives = {o["id"]: o["name"] for o in document["aar"]["objectives"]}
        self.say = Wording(lang)

    def role(self, role: str | None, lang: str | None = None) -> str:
        """A role's label (in `lang`, else the labels' language); a free-text unit (in an edited plan) as written."""
        if role is None:
            return ""
        if role not in self.roles:
            return role
        return Wording(lang).pick(self.roles[role]) if lang else self.say.pick(self.roles[role])

    def objective(self, objective: str) -> str:
        return self.say.pick(self.objectives[objective])

    def of(self, table: str, key: str | None) -> str:
        if key is None:
            return ""
        label = self.tables[table].get(key)
        return self.say.pick(label) if label else key


def teams(document: Mapping[str, Any], labels: Labels) -> Table:
    header = [
        "team",
        "status",
        "seed",
        "score_total",
        "score_overridden",
        "bonus",
        "final_level",
        "max_level",
        "final_belief",
        "final_trust",
        "missed_deadlines",
        "trainees",
    ]
    rows = (
        [
            t["team"],
            t["status"],
            t["seed"],
            t["card"]["total"],
            t["card"]["overridden"],
            t["card"]["bonus"],
            t["final_level"],
            t["max_level"],
            t["final_belief"],
            t["final_trust"],
            len(t["missed_deadlines"]),
            "; ".join(f"{m['name']} ({labels.role(m['role'])})" for m in t["members"]),
        ]
        for t in document["teams"]
    )
    return header, rows


def rules(document: Mapping[str, Any], labels: Labels) -> Table:
    header = [
        "team",
        "rule_id",
        "title_vi",
        "title_en",
        "passed",
        "points",
        "max_points",
        "bonus",
        "source_vi",
        "source_en",
        "explanation_vi",
        "explanation_en",
        "automatic_passed",
        "automatic_points",
        "override_verdict",
        "override_by",
        "override_reason",
    ]
    rows = (
        [
            t["team"],
            r["id"],
            r["title"]["vi"],
            r["title"]["en"],
            r["passed"],
            r["points"],
            r["max_points"],
            r["bonus"],
            r["source"]["vi"],
            r["source"]["en"],
            r["explanation"]["vi"],
            r["explanation"]["en"],
            *_override_columns(r),
        ]
        for t in document["teams"]
        for r in t["card"]["rules"]
    )
    return header, rows


def _override_columns(rule: Mapping[str, Any]) -> list[Any]:
    """The automatic verdict and the instructor's override of a rule (all empty but the automatic one when none)."""
    override = rule.get("override")
    if not override:
        return [rule["passed"], rule["points"], "", "", ""]
    return [
        override["automatic_passed"],
        override["automatic_points"],
        override["verdict"],
        override["by"],
        override["reason"],
    ]


def timeline(document: Mapping[str, Any], labels: Labels) -> Table:
    header = [
        "team",
        "seq",
        "t",
        "time",
        "category",
        f"category_{labels.say.lang}",
        "role",
        f"role_{labels.say.lang}",
        "who",
        "summary_vi",
        "summary_en",
        "audience",
        "deadline",
        "response",
    ]
    rows = (
        [
            t["team"],
            e["seq"],
            e["t"],
            e["time"],
            e["category"],
            labels.of("categories", e["category"]),
            e["role"],
            labels.role(e["role"]),
            e["who"],
            e["summary"]["vi"],
            e["summary"]["en"],
            " ".join(e["audience"]),
            (e["press_call"] or {}).get("deadline_time"),
            (e["press_call"] or {}).get("response"),
        ]
        for t in document["teams"]
        for e in t["timeline"]
    )
    return header, rows


def trainees(document: Mapping[str, Any], labels: Labels) -> Table:
    header = ["team", "trainee", "role", "role_vi", "role_en", "accepted", "refused", "press_facing"]
    rows = (
        [
            t["team"],
            p["name"],
            p["role"],
            labels.role(p["role"], "vi"),
            labels.role(p["role"], "en"),
            p["accepted"],
            p["refused"],
            p["press_facing"],
        ]
        for t in document["teams"]
        for p in t["by_trainee"]
    )
    return header, rows


def objectives(document: Mapping[str, Any], labels: Labels) -> Table:
    header = [
        "team",
        "objective",
        "objective_vi",
        "objective_en",
        "rating",
        f"rating_{labels.say.lang}",
        "share",
        "points",
        "max_points",
    ]
    rows = (
        [
            r["team"],
            o["id"],
            o["name"]["vi"],
            o["name"]["en"],
            r["rating"],
            labels.of("ratings", r["rating"]),
            r["share"],
            r["points"],
            r["max_points"],
        ]
        for o in document["aar"]["objectives"]
        for r in o["ratings"]
    )
    return header, rows


def improvement_plan(document: Mapping[str, Any], labels: Labels) -> Table:
    header = [
        "row",
        "issue",
        "corrective_action",
        "objective",
        f"objective_{labels.say.lang}",
        "role",
        f"role_{labels.say.lang}",
        "due",
        "status",
        f"status_{labels.say.lang}",
    ]
    rows = (
        [
            n,
            i["issue"],
            i["corrective_action"],
            i["objective"],
            labels.objective(i["objective"]),
            i["role"],
            labels.role(i["role"]),
            i["due"],
            i["status"],
            labels.of("plan_statuses", i["status"]),
        ]
        for n, i in enumerate(document["improvement_plan"]["items"], start=1)
    )
    return header, rows


TABLES: dict[str, Callable[[Mapping[str, Any], Labels], Table]] = {
    "teams.csv": teams,
    "rules.csv": rules,
    "timeline.csv": timeline,
    "trainees.csv": trainees,
    "objectives.csv": objectives,
    "improvement_plan.csv": improvement_plan,
}


def table_bytes(header: list[str], rows: Iterable[Row]) -> bytes:
    """One CSV table, UTF-8 with a byte-order mark."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")


def write(document: Mapping[str, Any], target: Target, language: str = "vi") -> None:
    """Write the ZIP archive of every table of TABLES, its label columns in `language` ("vi" or "en")."""
    labels = Labels(document, language)
    with binary_output(target) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in TABLES.items():
            archive.writestr(
                zipfile.ZipInfo(name, ZIP_DATE), table_bytes(*table(document, labels)), compress_type=zipfile.ZIP_DEFLATED
            )
