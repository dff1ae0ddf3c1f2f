"""Drills in the database: create one (from scratch or a copy), save versions and the draft, delete, and what ran what.

Only a valid text that differs from the latest version becomes a new version;
any other text typed is kept as the drill's draft, so nothing is lost. A drill
always has a version 1 (the skeleton or the copied text), so it can always be
run. An exercise created from a version is linked to it; the exercise keeps its
own copy of the text, so saving a later version never changes a past review.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from sqlalchemy import select

from instructor.authoring.editing import Checked, check_text, valid_scenario, with_id
from scenarios.library import builtin_ids
from web.extensions import db
from web.local_time import in_vietnam
from web.models import Exercise, utcnow
from web.models.drills import NOTE_MAX, TITLE_MAX, Drill, DrillDraft, DrillDryRun, DrillVersion, ExerciseDrillVersion
from web.validation import as_id

VERSION_CHOICE = "v:"  # the exercise form's value for a drill version: "v:<version id>" (built-in drills: their id)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def owned_drills(instructor_id: int) -> list[Drill]:
    return list(db.session.scalars(select(Drill).where(Drill.instructor_id == instructor_id).order_by(Drill.id.desc())))


def _unique_slug(instructor_id: int, base: str) -> str:
    """The base id, or base-2, base-3…: not a built-in drill's id nor another of the instructor's drills'.

    A copy of 'x-2' is 'x-3', not 'x-2-2'.
    """
    taken = set(builtin_ids()) | set(db.session.scalars(select(Drill.slug).where(Drill.instructor_id == instructor_id)))
    if base in taken:
        base = re.sub(r"-\d+$", "", base)
    base = base[:58]
    candidates = itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))
    return next(slug for slug in candidates if slug not in taken)


def create_drill(instructor_id: int, text: str, copied_from: str | None, note: str) -> Drill:
    """A new drill whose version 1 is `text` (a valid drill) under an id of its own."""
    scenario = valid_scenario(text)
    slug = _unique_slug(instructor_id, scenario.id)
    if slug != scenario.id:
        text = with_id(text, slug)
    drill = Drill(instructor_id=instructor_id, slug=slug, title=scenario.title.vi[:TITLE_MAX], copied_from=copied_from)
    drill.versions.append(DrillVersion(number=1, text=text, note=note[:NOTE_MAX]))
    db.session.add(drill)
    db.session.commit()
    return drill


@dataclass(frozen=True)
class Saved:
    """What saving did: 'version' (a new one), 'unchanged' (same as the latest) or 'draft' (not valid: kept as the draft)."""

    status: str
    checked: Checked
    version: DrillVersion | None

    def as_dict(self) -> dict[str, Any]:
        version = {"number": self.version.number, "created_at": saved_at(self.version)} if self.version else None
        return {**self.checked.as_dict(), "status": self.status, "version": version}


def save_text(drill: Drill, text: str, note: str) -> Saved:
    """Save the text: a new version if it is valid and changed, else the draft (an invalid text) or nothing."""
    checked = check_text(text)
    if not checked.ok:
        keep_draft(drill, text)
        return Saved("draft", checked, None)
    if text == drill.latest.text:
        drill.draft = None
        db.session.commit()
        return Saved("unchanged", checked, drill.latest)
    assert checked.scenario is not None  # a valid text (checked.ok) has its scenario
    version = DrillVersion(number=drill.latest.number + 1, text=text, note=note.strip()[:NOTE_MAX])
    drill.versions.append(version)
    drill.slug, drill.title = checked.scenario.id, checked.scenario.title.vi[:TITLE_MAX]
    drill.draft = None
    db.session.commit()
    return Saved("version", checked, version)


def keep_draft(drill: Drill, text: str) -> None:
    """Keep the text being edited as the drill's draft (none when it is the latest version's text)."""
    if text == drill.latest.text:
        drill.draft = None
    elif drill.draft is None:
        drill.draft = DrillDraft(text=text)
    else:
        drill.draft.text, drill.draft.updated_at = text, utcnow()
    db.session.commit()


def discard_draft(drill: Drill) -> None:
    drill.draft = None
    db.session.commit()


def exercises_by_version(drill: Drill) -> dict[int, list[Exercise]]:
    """The exercises created from each version of the drill, by version number."""
    links = db.session.scalars(
        select(ExerciseDrillVersion)
        .join(DrillVersion)
        .where(DrillVersion.drill_id == drill.id)
        .order_by(ExerciseDrillVersion.exercise_id)
    )
    runs: dict[int, list[Exercise]] = {}
    for link in links:
        runs.setdefault(link.version.number, []).append(link.exercise)
    return runs


def delete_drill(drill: Drill) -> bool:
    """Delete the drill with its versions, draft and dry run; False (nothing deleted) if an exercise ran it."""
    if exercises_by_version(drill):
        return False
    db.session.delete(drill)
    db.session.commit()
    return True


def record_dry_run(drill: Drill, text: str, report: dict[str, Any]) -> None:
    """Keep the drill's last dry run (the report without its curves) with the digest of the text it played."""
    summary = {**report, "bots": [{k: v for k, v in bot.items() if k != "curve"} for bot in report["bots"]]}
    if drill.dry_run is None:
        drill.dry_run = DrillDryRun(digest=digest(text), summary=summary)
    else:
        drill.dry_run.digest, drill.dry_run.summary, drill.dry_run.created_at = digest(text), summary, utcnow()
    db.session.commit()


def dry_run_version(drill: Drill) -> int | None:
    """The number of the version the last dry run played (None: it played a text that is not a version)."""
    if drill.dry_run is None:
        return None
    return next((v.number for v in drill.versions if digest(v.text) == drill.dry_run.digest), None)


def version_title(version: DrillVersion) -> str:
    """The title a version itself has (the drill's title is its latest's; an old version may have had another)."""
    return valid_scenario(version.text).title.vi[:TITLE_MAX]


def saved_at(version: DrillVersion) -> str:
    """When a version was saved, as an ISO moment in Vietnam time (the zone written out, for the editor's script)."""
    return in_vietnam(version.created_at).isoformat(timespec="seconds")


def version_choices(instructor_id: int) -> list[tuple[str, str]]:
    """The exercise form's choices for the instructor's drills: every version, the latest first."""
    choices = []
    for drill in owned_drills(instructor_id):
        for version in reversed(drill.versions):
            latest = " — " + gettext("mới nhất") if version is drill.latest else ""
            choices.append(
                (
                    f"{VERSION_CHOICE}{version.id}",
                    f"{version_title(version)} ({drill.slug}) · "
                    + gettext("phiên bản %(number)d", number=version.number)
                    + latest,
                )
            )
    return choices


def chosen_version(instructor_id: int, choice: str) -> DrillVersion | None:
    """The version a form choice names, if it is one of the instructor's (None for a built-in drill's id)."""
    number = choice.removeprefix(VERSION_CHOICE)
    version_id = as_id(int(number)) if choice.startswith(VERSION_CHOICE) and number.isdigit() else None
    if version_id is None:
        return None
    version = db.session.get(DrillVersion, version_id)
    return version if version is not None and version.drill.instructor_id == instructor_id else None


def link_exercise(exercise: Exercise, version: DrillVersion) -> None:
    db.session.add(ExerciseDrillVersion(exercise_id=exercise.id, version_id=version.id))
    db.session.commit()


def versions_of_exercises(exercise_ids: list[int]) -> dict[int, DrillVersion]:
    """The drill version each of these exercises was created from, for those created from one."""
    links = db.session.scalars(select(ExerciseDrillVersion).where(ExerciseDrillVersion.exercise_id.in_(exercise_ids)))
    return {link.exercise_id: link.version for link in links}
