"""Benchmark of the debrief: an exercise of many teams read from the database, its report built and exported.

    python benchmarks/bench_debrief.py [--teams 10] [--scenario ngo-doc-truong-hoc] [--repeat 3] [--keep DIR] [--page]

Prints figures, asserts nothing (record them in docs/BENCHMARKS.md, "Debrief exports").

1. A temporary SQLite database holds one exercise of N teams of three named trainees, stored
   the way a live run stores it: each team played to the end by bots (`sim.bots`, plans
   exemplary, off_focal_point and silent in turn), every action an `InputRecord` numbered and
   stamped with its minute and its trainee (`member:<id>`), every event an `EventRecord`, two
   instructor observations per team, the team ended.
2. Timed (median of --repeat, after a warm-up): reading the runs from the database
   (`web.runs.exercise_meta` + `exercise_runs`, in a fresh session), building the document
   (`report_document`), and writing each format (json, csv, pdf, docx, xlsx) to memory;
   seconds per team per format (target < 2 s).
3. Peak memory: Python allocations during each step (tracemalloc, in a separate pass, since
   tracing slows the code down) and the process's peak resident set.
4. `--page`: the review pages' load time (target < 1 s), see `review_page_seconds`.
"""

from __future__ import annotations

import argparse
import io
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import url_for

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from debrief import report_document  # noqa: E402
from debrief.exports import FORMATS, write  # noqa: E402
from scenarios.actions import Action  # noqa: E402
from sim.bots import Bot, BotTeam  # noqa: E402
from sim.world import World  # noqa: E402
from web import create_app  # noqa: E402
from web.exercises import TeamPlan, create_exercise, scenario_of  # noqa: E402
from web.extensions import db  # noqa: E402
from web.models import EventRecord, Exercise, InputRecord, Instructor, Observation, Team  # noqa: E402
from web.replay import apply_input  # noqa: E402
from web.runs import exercise_meta, exercise_runs  # noqa: E402
from timing import timed  # noqa: E402 - benchmarks/timing.py, beside this script

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang")
PLANS = ("exemplary", "off_focal_point", "silent")
EXTENSIONS = {"json": "json", "csv": "zip", "pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}


def play_team(team: Team, plan: str) -> tuple[int, int]:
    """Play a team's drill to the end with bots, storing inputs and events as a live run does; (inputs, events)."""
    scenario = scenario_of(team.exercise)
    world = World(scenario, seed=team.exercise.seed)
    members = {m.role: m for m in team.members}
    inputs = 0

    def record_then_apply(action: Action) -> None:
        nonlocal inputs
        inputs += 1
        payload = {"role": action.role, "type": action.type, "params": action.params}
        db.session.add(
            InputRecord(
                team_id=team.id,
                number=inputs,
                at=action.at,
                source=members[action.role].get_id(),
                kind="action",
                payload=payload,
            )
        )
        apply_input(world, "action", payload, action.at)

    BotTeam([Bot(plan, scenario)]).advance(world, scenario.duration, apply=record_then_apply)
    db.session.add_all(EventRecord(team_id=team.id, seq=e["seq"], t=e["t"], body=e) for e in world.events)
    team.status = "ended"
    return inputs, len(world.events)


def build(app, teams: int, scenario_id: str) -> tuple[int, int, int]:
    """The exercise in the database; (exercise id, inputs, events) stored."""
    with app.app_context():
        db.create_all()
        instructor = Instructor(username="bench", display_name="Phạm Thị Lan", password_hash="-")
        db.session.add(instructor)
        db.session.commit()
        roles = ("spokesperson", "propaganda_board", "info_department")
        plans = [
            TeamPlan(
                f"Đội {n} – Sở Thông tin và Truyền thông",
                {f"{NAMES[(n + i) % len(NAMES)]} {n}": role for i, role in enumerate(roles)},
            )
            for n in range(1, teams + 1)
        ]
        exercise = create_exercise(instructor, scenario_id, seed=1, speed=60, teams=plans)
        inputs = events = 0
        for index, team in enumerate(exercise.teams):
            stored = play_team(team, PLANS[index % len(PLANS)])
            inputs, events = inputs + stored[0], events + stored[1]
            for at, text in ((30, "Phát hiện tin đồn nhanh, báo cáo đúng quy trình"), (150, "Chậm trả lời phóng viên")):
                db.session.add(Observation(team_id=team.id, instructor_id=instructor.id, at=at, text=text))
        db.session.commit()
        return exercise.id, inputs, events


def load(app, exercise_id: int) -> tuple[Any, list]:
    """The exercise's meta and runs, read in a fresh session."""
    with app.app_context():
        db.session.remove()
        exercise = db.session.get(Exercise, exercise_id)
        return exercise_meta(exercise), exercise_runs(exercise)


def peak_mb(function: Callable[[], Any]) -> float:
    """Peak Python allocations (MB) while `function` runs."""
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def exported(document: dict[str, Any], name: str) -> bytes:
    stream = io.BytesIO()
    write(document, name, stream)
    return stream.getvalue()


# ---------------------------------------------------------------------------------------------------
# HOOK for the lead: the review pages' load time (target < 1 s). Measures each endpoint of PAGES that
# `web.review` has (none yet, a no-op); adjust PAGES if the pages' endpoints are named otherwise.
# ---------------------------------------------------------------------------------------------------
PAGES = {"review.exercise": "exercise_id", "review.team": "team_id"}  # endpoint -> its one argument


def review_page_seconds(app, exercise_id: int, repeat: int) -> dict[str, float]:
    """Median seconds of a logged-in instructor's GET of each review page (the exercise's, its first team's)."""
    with app.app_context():
        exercise = db.session.get(Exercise, exercise_id)
        ids = {"exercise_id": exercise.id, "team_id": exercise.teams[0].id}
        instructor = exercise.instructor.get_id()
    with app.test_request_context():
        urls = {
            endpoint: url_for(endpoint, **{argument: ids[argument]})
            for endpoint, argument in PAGES.items()
            if endpoint in app.view_functions
        }
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = instructor, True

    def get(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: {response.status_code}")

    return {url: timed(lambda url=url: get(url), repeat)[0] for url in urls.values()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--scenario", default="ngo-doc-truong-hoc", help="a built-in drill of 180 minutes or more")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="also write each format to DIR, to look at")
    parser.add_argument("--page", action="store_true", help="time the review page too (once web.review has one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench",
                "WTF_CSRF_ENABLED": False,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(directory) / 'bench.db'}",
            }
        )
        start = time.perf_counter()
        exercise_id, inputs, events = build(app, args.teams, args.scenario)
        print(
            f"Python {platform.python_version()}, {platform.machine()}; drill {args.scenario}, {args.teams} teams: "
            f"{inputs} action inputs, {events} events stored in {time.perf_counter() - start:.1f} s"
        )
        meta, runs = load(app, exercise_id)
        if meta.scenario.duration < 180:
            print(f"warning: {args.scenario} lasts {meta.scenario.duration:g} scenario minutes, under 180")
        document = report_document(meta, runs)
        timeline = sum(len(t["timeline"]) for t in document["teams"])
        print(
            f"scenario length {meta.scenario.duration:g} min; timeline entries {timeline}; "
            f"plan rows {len(document['improvement_plan']['items'])}"
        )

        rows = [
            (
                "load runs from the database",
                timed(lambda: load(app, exercise_id), args.repeat)[0],
                peak_mb(lambda: load(app, exercise_id)),
                None,
            ),
            (
                "build the document",
                timed(lambda: report_document(meta, runs), args.repeat)[0],
                peak_mb(lambda: report_document(meta, runs)),
                None,
            ),
        ]
        for name in FORMATS:
            data = exported(document, name)
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                (Path(args.keep) / f"report.{EXTENSIONS[name]}").write_bytes(data)
            rows.append(
                (
                    f"write {name} ({len(data) / 1024:,.0f} KB)",
                    timed(lambda name=name: exported(document, name), args.repeat)[0],
                    peak_mb(lambda name=name: exported(document, name)),
                    name,
                )
            )
        print(f"\n{'step':<34} {'seconds':>8} {'s / team':>9} {'peak MB':>8}")
        for label, seconds, peak, _ in rows:
            print(f"{label:<34} {seconds:8.3f} {seconds / args.teams:9.3f} {peak:8.1f}")
        every = sum(seconds for _, seconds, _, name in rows if name) + rows[0][1] + rows[1][1]
        print(f"{'load + document + every format':<34} {every:8.3f} {every / args.teams:9.3f}")
        print(f"process peak resident set: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

        if args.page:
            pages = review_page_seconds(app, exercise_id, args.repeat)
            for url, seconds in pages.items():
                print(f"review page {url}: {seconds:.3f} s (target < 1 s)")
            if not pages:
                print(f"review pages: none of {', '.join(PAGES)} in web.review yet (see review_page_seconds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
