"""The web platform's database tests again, on PostgreSQL: live runs, rebuilds, reviews, practice, drills, audit.

The tests of `MODULES` that use the platform (`app`, `csrf_app` or a fixture made from
them) are collected here a second time, and this module's `app` and `csrf_app` (the
conftest's, on a fresh PostgreSQL database of the test run's cluster) replace the SQLite
ones for them. `scripts/test` (and so CI) starts the cluster; without one they skip, and on
CI they fail. The choice: what writes and reads the database in every way the platform
does (inputs and events, a rebuild from the log, observations, courses and reports,
practice attempts, drill versions, audit rows and login sessions, resent acts,
how long a commit waits for the disk), about a minute in all.
"""

from __future__ import annotations

import inspect

import pytest

import test_authoring
import test_durability
import test_live_flow
import test_logout_sessions
import test_observations
import test_practice
import test_reconnect
import test_refusal_tally
import test_resends
import test_review
import test_team_faults
from app_factory import dispose, platform_app, postgres_database
from conftest import FakeClock

MODULES = (
    test_live_flow,
    test_reconnect,
    test_team_faults,
    test_observations,
    test_review,
    test_practice,
    test_authoring,
    test_refusal_tally,
    test_logout_sessions,
    test_resends,
    test_durability,
)
PLATFORM_FIXTURES = {"app", "csrf_app", "platform", "clock", "drill"}
SQLITE_ONLY = {  # they look into the database file with sqlite3 from a second connection
    "test_an_action_is_committed_with_its_stamp_before_the_world_applies_it",
    "test_a_control_is_committed_before_it_is_applied",
}


def _on_the_platform(name: str, function) -> bool:
    return name not in SQLITE_ONLY and bool(PLATFORM_FIXTURES & set(inspect.signature(function).parameters))


for _module in MODULES:
    for _name, _value in vars(_module).items():
        if _name.startswith("test_"):
            if callable(_value) and _on_the_platform(_name, _value):
                globals()[_name] = _value
        elif not _name.startswith("_"):  # the module's own fixtures (and helpers), for its tests here
            globals().setdefault(_name, _value)


@pytest.fixture
def app():
    with postgres_database(migrated=True) as url:
        app = platform_app(url, "test", FakeClock())
        yield app
        dispose(app)


@pytest.fixture
def csrf_app(app):
    """The app as it runs, CSRF protection on (read at each request), on PostgreSQL."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app
