"""The `flask` command on the platform's app (`flask --app web ...`), as README and docs/DEPLOY.md use it.

`routes` lists the pages; `db upgrade`, `db current` and `db check` bring a new database to the latest
revision, say it is there and find the models equal to it. Run as a newcomer would, in another folder,
with the database named by CRISIS_DATABASE_URL.
"""

from __future__ import annotations

import os
import subprocess
import sys

from alembic.script import ScriptDirectory

from web.schema import MIGRATIONS

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def flask(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CRISIS_DATABASE_URL": f"sqlite:///{tmp_path / 'crisis.db'}", "CRISIS_SECRET_KEY": "cli"}
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "web", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_flask_routes_lists_the_pages(tmp_path):
    done = flask(tmp_path, "routes")
    assert done.returncode == 0, done.stderr
    rules = {line.split()[-1] for line in done.stdout.splitlines()[2:] if line.strip()}
    assert {"/", "/login", "/join", "/room", "/instructor/", "/practice/", "/review/"} <= rules, done.stdout
    assert not (tmp_path / "crisis.db").exists()  # listing the routes opens no database


def test_flask_db_upgrade_current_and_check(tmp_path):
    upgrade = flask(tmp_path, "db", "upgrade")
    assert upgrade.returncode == 0 and f"-> {HEAD}" in upgrade.stderr, upgrade.stderr
    current = flask(tmp_path, "db", "current")
    assert current.returncode == 0 and f"{HEAD} (head)" in current.stdout, current.stdout + current.stderr
    check = flask(tmp_path, "db", "check")
    assert check.returncode == 0 and "No new upgrade operations detected." in check.stdout + check.stderr
