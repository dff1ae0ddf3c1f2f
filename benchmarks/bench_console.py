"""What the instructor's console receives, before and after summaries (issue 10), measured in one run.

    pip install -e ".[bench]"
    python benchmarks/bench_console.py [--teams 100 200] [--seconds 25] [--speed 300] [--baseline REF]

For each size and each code (this tree, and the baseline: git commit REF, default the
commit before the console's summaries, exported to a temporary folder and run with
the same Python): a real server (`python run.py serve`, bench_live's `Server`) on a
fresh SQLite file; an exercise of N teams of 5 trainees made in-process with
`web.exercises.create_exercise` (the baseline's text form stops at about 85 teams);
one instructor socket that does what the console page does (`watch`; after the
change also `open` on the first team); every team started at once; then, over a
fixed stretch of wall time, the bytes of every message the console receives (its
JSON), by message name, and the server's CPU time. No trainee is connected.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import socketio

import bench_live
from bench_live import Server, cookie_header, instructor_session

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "57bd965"  # the console before summaries: every team's events and a rescored card
CREATE = """
import sys
from sqlalchemy import select
from web import create_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Instructor
teams, speed = int(sys.argv[1]), float(sys.argv[2])
roles = ("spokesperson", "propaganda_board", "info_department", "propaganda_board", "info_department")
with create_app().app_context():
    demo = db.session.scalar(select(Instructor).where(Instructor.username == "demo"))
    plans = [TeamPlan(name=f"Đội {t}", members={f"Học viên {t}-{i}": r for i, r in enumerate(roles)}) for t in range(teams)]
    print(create_exercise(demo, "nuoc-may-nhiem-doc", 1, speed, plans).id)
"""


def export(ref: str, into: Path) -> Path:
    """The tree of commit `ref`, written under `into`."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def measure(root: Path, teams: int, seconds: float, speed: float, opens: bool) -> dict:
    """Bytes the console receives from `root`'s server over `seconds`, with `teams` teams running."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-console-"))
    database = workdir / "crisis.db"
    bench_live.ROOT = root  # bench_live's Server runs `run.py serve` from its module's ROOT
    server = Server(database, trace=False)
    try:
        env = {**os.environ, "CRISIS_DATABASE_URL": f"sqlite:///{database}", "CRISIS_SECRET_KEY": "bench"}
        made = subprocess.run(
            [sys.executable, "-c", CREATE, str(teams), str(speed)],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        exercise_id = int(made.stdout.split()[-1])
        session = instructor_session(server)
        console = socketio.Client(reconnection=False)
        sizes: Counter = Counter()
        counts: Counter = Counter()
        counting = False

        def on_any(event, *args):
            if counting:
                sizes[event] += len(json.dumps(args, ensure_ascii=False).encode())
                counts[event] += 1

        console.on("*", on_any, namespace="/instructor")
        console.connect(
            server.url, namespaces=["/instructor"], headers={"Cookie": cookie_header(session)}, transports=["websocket"]
        )
        started = time.time()
        watched = console.call("watch", {"exercise_id": exercise_id}, namespace="/instructor", timeout=120)
        first = len(json.dumps(watched, ensure_ascii=False).encode())
        if opens:
            opened = console.call("open", {"team_id": watched["teams"][0]["team_id"]}, namespace="/instructor", timeout=60)
            first += len(json.dumps(opened, ensure_ascii=False).encode())
        loaded = time.time() - started
        counting = True
        cpu = server.cpu()
        answer = console.call(
            "control", {"exercise_id": exercise_id, "command": "start"}, namespace="/instructor", timeout=120
        )
        assert answer["ok"], answer
        time.sleep(seconds)
        counting = False
        cpu = server.cpu() - cpu
        console.disconnect()
        return {
            "first": first,
            "loaded": loaded,
            "stream": sum(sizes.values()),
            "sizes": dict(sizes),
            "counts": dict(counts),
            "cpu": cpu,
            "control": len(json.dumps(answer, ensure_ascii=False).encode()),
        }
    finally:
        server.stop()


def mb(n: float) -> str:
    return f"{n / 1e6:,.2f} MB" if n >= 1e5 else f"{n / 1e3:,.1f} kB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--seconds", type=float, default=25)
    parser.add_argument("--speed", type=float, default=300)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    baseline = export(args.baseline, Path(tempfile.mkdtemp(prefix="bench-console-baseline-")))
    print(f"{args.seconds:g} s of wall time at speed {args.speed:g}, every team started at once; baseline {args.baseline}")
    print("| teams | code | watch (+ open) | received over the stretch | by message | server CPU |")
    print("|---|---|---|---|---|---|")
    for teams in args.teams:
        for name, root, opens in (("baseline", baseline, False), ("summaries", ROOT, True)):
            r = measure(root, teams, args.seconds, args.speed, opens)
            by = ", ".join(f"{event} {r['counts'][event]:,} × = {mb(size)}" for event, size in sorted(r["sizes"].items()))
            print(
                f"| {teams} | {name} | {mb(r['first'])} in {r['loaded']:.1f} s | {mb(r['stream'])} "
                f"(+ control ack {mb(r['control'])}) | {by} | {r['cpu']:.1f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
