"""Teams' runs as the debrief reads them (`debrief.TeamRun`), from the database.

    runs = exercise_runs(exercise)      # every team of an exercise, in team order
    runs = exercise_runs(exercise, teams)   # only these of its teams (an evaluator's)
    run = team_run(team)                # one team
    meta = exercise_meta(exercise)      # title, date, instructor, scenario, who issues the printed report

A handful of queries per exercise, whatever its length and number of teams:
one each for members, events, action inputs, the instructor's verdict overrides and observations (with their
authors: an evaluator's, else the instructor's), all teams at once. Who took each action comes from the input log
(`debrief.attribution`): a `member:<id>` source is that trainee's name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select

from debrief.attribution import ActionInput, attribute
from debrief.exercise import ExerciseMeta
from debrief.issuance import FIELDS as ISSUANCE_FIELDS, Issuance
from debrief.team_run import Note, TeamRun, Trainee
from scoring.overrides import Override
from web.exercises import scenario_of
from web.extensions import db
from web.local_time import in_vietnam
from web.models import EventRecord, Exercise, InputRecord, Instructor, Member, Observation, Team
from web.models.debrief import ReportIssuance, VerdictOverride
from web.models.evaluators import Evaluator, EvaluatorObservation
from web.practice.attempts import PRACTICE_USERNAME
from web.review.notes import readable_note


def _runs(exercise: Exercise, teams: Sequence[Team]) -> list[TeamRun]:
    ids = [team.id for team in teams]
    scenario = scenario_of(exercise)
    members: dict[int, list[Member]] = defaultdict(list)
    for member in db.session.scalars(select(Member).where(Member.team_id.in_(ids)).order_by(Member.id)):
        members[member.team_id].append(member)
    events: dict[int, list[dict]] = defaultdict(list)
    for team_id, body in db.session.execute(
        select(EventRecord.team_id, EventRecord.body)
        .where(EventRecord.team_id.in_(ids))
        .order_by(EventRecord.team_id, EventRecord.seq)
    ):
        events[team_id].append(body)
    inputs: dict[int, list[ActionInput]] = defaultdict(list)
    for team_id, source, payload in db.session.execute(
        select(InputRecord.team_id, InputRecord.source, InputRecord.payload)
        .where(InputRecord.team_id.in_(ids), InputRecord.kind == "action")
        .order_by(InputRecord.team_id, InputRecord.number)
    ):
        inputs[team_id].append(ActionInput(source=source, role=payload.get("role")))
    notes: dict[int, list[Note]] = defaultdict(list)
    for observation, author in db.session.execute(  # an evaluator's observation is theirs, any other the instructor's
        select(Observation, func.coalesce(Evaluator.display_name, Instructor.display_name))
        .join(Instructor, Observation.instructor_id == Instructor.id)
        .outerjoin(EvaluatorObservation, EvaluatorObservation.observation_id == Observation.id)
        .outerjoin(Evaluator, EvaluatorObservation.evaluator_id == Evaluator.id)
        .where(Observation.team_id.in_(ids))
        .order_by(Observation.team_id, Observation.at, Observation.id)
    ):
        notes[observation.team_id].append(readable_note(observation, author, scenario.duration))
    overrides: dict[int, dict[str, Override]] = defaultdict(dict)
    for row, author in db.session.execute(
        select(VerdictOverride, Instructor.display_name)
        .join(Instructor, VerdictOverride.instructor_id == Instructor.id)
        .where(VerdictOverride.team_id.in_(ids))
    ):
        overrides[row.team_id][row.rule_id] = Override(row.verdict, row.reason, author)
    runs = []
    for team in teams:
        names = {m.get_id(): m.name for m in members[team.id]}
        runs.append(
            TeamRun(
                scenario=scenario,
                team=team.name,
                members=tuple(Trainee(m.name, m.role) for m in members[team.id]),
                events=tuple(events[team.id]),
                observations=tuple(notes[team.id]),
                actors=attribute(scenario, events[team.id], inputs[team.id], names),
                status=team.status,
                seed=exercise.seed,
                overrides=overrides[team.id],
            )
        )
    return runs


def exercise_runs(exercise: Exercise, teams: Sequence[Team] | None = None) -> list[TeamRun]:
    """The runs of every team of an exercise (or of `teams`, some of them), in team order."""
    return _runs(exercise, exercise.teams if teams is None else teams)


def team_run(team: Team) -> TeamRun:
    """The run of one team."""
    return _runs(team.exercise, [team])[0]


def _practice(exercise: Exercise) -> bool:
    return exercise.instructor.username == PRACTICE_USERNAME


def _issuance(exercise: Exercise) -> Issuance:
    """Who issues and signs the printed report: as the instructor gave it; for a self-practice
    attempt, the trainee signs as "HỌC VIÊN" with no parent agency and no "TM." line."""
    if _practice(exercise):
        trainee = next((m.name for team in exercise.teams for m in team.members), "")
        return Issuance(parent_agency="", on_behalf="", signer_title="HỌC VIÊN", signer_name=trainee)
    given = db.session.scalar(select(ReportIssuance).where(ReportIssuance.exercise_id == exercise.id))
    return Issuance(**{name: getattr(given, name) for name in ISSUANCE_FIELDS}) if given else Issuance()


def exercise_meta(exercise: Exercise) -> ExerciseMeta:
    """The exercise as a report's overview names it; its date is the day of its first input (Vietnam time),
    or the day it was created if no team has started. A self-practice attempt has no instructor."""
    first = db.session.scalar(
        select(func.min(InputRecord.created_at))
        .join(Team, InputRecord.team_id == Team.id)
        .where(Team.exercise_id == exercise.id)
    )
    practice = _practice(exercise)
    return ExerciseMeta(
        id=exercise.id,
        title=exercise.title,
        date=in_vietnam(first or exercise.created_at).date().isoformat(),
        instructor=None if practice else exercise.instructor.display_name,
        scenario=scenario_of(exercise),
        issuance=_issuance(exercise),
    )
