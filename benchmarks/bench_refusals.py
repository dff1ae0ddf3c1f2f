"""Benchmark of refused floods: prints figures, asserts nothing (record them in docs/BENCHMARKS.md).

    python benchmarks/bench_refusals.py [--requests N]

Fires N refused requests of each kind through the Flask test client, from one
address, on an SQLite file as deployed, and prints the audit rows written and
the requests per second of each answer (status):

1. anonymous GETs of a page that needs a login;
2. wrong instructor logins (unknown user name);
3. wrong joins (a made-up team code).

Then the login timing oracle: the median time of a wrong login for an unknown
user name and for a known one, with the production password hashing (the
throttle set out of the way).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from timing import timed  # noqa: E402 - benchmarks/timing.py, beside this script
from web import create_app  # noqa: E402
from web.extensions import db  # noqa: E402
from web.setup import DEMO_USERNAME, ensure_demo_instructor  # noqa: E402

FLOODS = {
    "anonymous page": lambda client, n: client.get("/instructor/"),
    "wrong login": lambda client, n: client.post("/login", data={"username": f"guess{n}", "password": "x"}),
    "wrong join": lambda client, n: client.post("/join", data={"code": f"Z{n:05d}", "name": "Người Lạ"}),
}


def audit_rows(app) -> int:
    """Rows in every audit table (whatever tables the code of the day has)."""
    with app.app_context():
        tables = [table for name, table in db.metadata.tables.items() if name.startswith("audit")]
        return sum(db.session.scalar(select(func.count()).select_from(table)) for table in tables)


def new_app(folder: Path, name: str, **config):
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / name}.db",
            **config,
        }
    )
    with app.app_context():
        db.create_all()
        ensure_demo_instructor()
    return app


def flood(app, fire, requests: int) -> tuple[int, dict[int, tuple[int, float]]]:
    """(audit rows written, {status: (how many got it, their requests per second)})."""
    client, before, seconds = app.test_client(), audit_rows(app), {}
    for n in range(requests):
        start = time.perf_counter()
        status = fire(client, n).status_code
        seconds.setdefault(status, []).append(time.perf_counter() - start)
    return audit_rows(app) - before, {status: (len(took), len(took) / sum(took)) for status, took in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=15, help="logins timed for the oracle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'flood':<16} {'requests':>8} {'audit rows':>10}  answers: status x count at req/s")
        for kind, fire in FLOODS.items():
            rows, answers = flood(new_app(Path(folder), kind.replace(" ", "_")), fire, args.requests)
            shown = ", ".join(f"{status} x {n} at {rate:.0f}" for status, (n, rate) in sorted(answers.items()))
            print(f"{kind:<16} {args.requests:>8} {rows:>10}  {shown}")
        app = new_app(Path(folder), "oracle", THROTTLE_PER_ADDRESS=10**6, THROTTLE_PER_TARGET=10**6)
        for which, username in (("an unknown", "nobody"), ("a known", DEMO_USERNAME)):
            median, _ = timed(
                lambda username=username: app.test_client().post("/login", data={"username": username, "password": "wrong"}),
                args.repeat,
            )
            print(f"wrong login for {which} user name: {median * 1000:.1f} ms (median of {args.repeat})")


if __name__ == "__main__":
    main()
