"""Reading a roster: teams of trainees, each with a role, from the text box or from a table's rows.

The text box holds blocks separated by blank lines (a team's name, then 'role: name'
lines); a table (a CSV or XLSX file, `web.roster_file`) holds one trainee a row: name,
role, team. Both report every bad line at once, each by its number, in one
`ExerciseError`, and both remember each trainee's line, so that a role the drill does
not have is reported by its line too (`web.exercises.create_exercise`). Two names of
one team that differ only in case, spacing or Unicode normalisation are the same person
(`web.names`), so the second is a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext

from scenarios.messages import N_
from web.exercises import TeamPlan, all_errors
from web.names import clean_name, name_key


class _Teams:
    """Teams as their trainees are read, in the order they first appear; what is wrong, by line."""

    def __init__(self) -> None:
        self.members: dict[str, dict[str, str]] = {}
        self.lines: dict[str, dict[str, int]] = {}
        self.keys: dict[str, set[str]] = {}
        self.errors: list[str] = []

    def team(self, name: str) -> None:
        self.members.setdefault(name, {})
        self.lines.setdefault(name, {})
        self.keys.setdefault(name, set())

    def add(self, line: int, team: str, role: str, person: str) -> None:
        self.team(team)
        if name_key(person) in self.keys[team]:
            self.errors.append(gettext("Dòng %(line)d: tên '%(name)s' trùng.", line=line, name=person))
            return
        self.keys[team].add(name_key(person))
        self.members[team][person] = role
        self.lines[team][person] = line

    def plans(self) -> list[TeamPlan]:
        """The teams; with any bad line, an `ExerciseError` listing them and carrying the good lines' teams."""
        plans = [TeamPlan(name=name, members=members, lines=self.lines[name]) for name, members in self.members.items()]
        if self.errors:
            raise all_errors(self.errors, plans)
        return plans


def parse_roster(text: str) -> list[TeamPlan]:
    """Blocks separated by blank lines: a team's name, then 'role: name' lines."""
    teams = _Teams()
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            block.append((number, line.strip()))
            continue
        if not block:
            continue
        (_, name), entries = block[0], block[1:]
        teams.team(name)
        for line_number, entry in entries:
            role, sep, person = entry.partition(":")
            person = clean_name(person)
            if not sep or not person:
                teams.errors.append(gettext("Dòng %(line)d: cần 'vai: họ và tên'.", line=line_number))
            else:
                teams.add(line_number, name, role.strip(), person)
        block = []
    return teams.plans()


def parse_rows(rows: Iterable[tuple[int, str, str, str]]) -> list[TeamPlan]:
    """A table's rows, each (line number, name, role, team); a row missing any of the three is reported."""
    teams = _Teams()
    for line, person, role, team in rows:
        person, role, team = clean_name(person), " ".join(role.split()), " ".join(team.split())
        missing = [
            column for column, value in ((N_("họ tên"), person), (N_("vai trò"), role), (N_("đội"), team)) if not value
        ]
        if missing:
            teams.errors.append(
                gettext(
                    "Dòng %(line)d: thiếu %(missing)s.", line=line, missing=", ".join(gettext(column) for column in missing)
                )
            )
        else:
            teams.add(line, team, role, person)
    return teams.plans()
