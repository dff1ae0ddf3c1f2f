"""A prepared server sets its garbage collector for serving (`web.collector`): what the start made is frozen and the
young collections are spaced, so that the objects of a message die before a collection reaches them.

Run in a process of its own: the collector's settings are the whole process's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from web import collector

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, sys
from web import create_app, prepared
before = {"frozen": gc.get_freeze_count(), "threshold": gc.get_threshold()}
app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + sys.argv[1], "SECRET_KEY": "probe"})
prepared(app)
after = {"frozen": gc.get_freeze_count(), "threshold": gc.get_threshold()}
print(json.dumps({"before": before, "after": after}))
"""


def test_a_prepared_server_freezes_its_start_and_spaces_the_young_collections(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "probe.db")],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "CRISIS_DEMO_PASSWORD": "probe-password"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state["before"] == {"frozen": 0, "threshold": [700, 10, 10]}  # CPython's, until the server is prepared
    assert state["after"]["threshold"] == [collector.YOUNG, collector.MIDDLE, collector.OLDEST]
    assert state["after"]["frozen"] > 50_000  # the modules, the app and the drill library: out of every collection
