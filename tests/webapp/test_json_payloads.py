"""Every JSON endpoint answers a malformed body with a clear refusal, logged once, no traceback, nothing stored.

The endpoints: the practice room's control, and the drill editor's check, save, draft, dry run and MSEL
export and import. The bodies: invalid JSON, bytes that are not UTF-8, JSON that is not an object,
NaN and Infinity, a lone surrogate (JSON's "\\ud800", which UTF-8 cannot hold), nesting past what
Python's JSON reader follows, an empty object, and fields of the wrong type or size.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from practice_helpers import start
from web.extensions import db
from web.models import InputRecord
from web.models.drills import Drill, DrillDraft, DrillDryRun, DrillVersion

BASE = "/instructor/drills"
DEEP_LIST = b"[" * 30_000 + b"]" * 30_000
DEEP_OBJECT = b'{"a":' * 10_000 + b"1" + b"}" * 10_000
ANY_BODY = {
    "invalid-json": b"{not json",
    "not-utf8": b'{"yaml": "\xff\xfe"}',
    "array": b"[1, 2]",
    "text": b'"x"',
    "number": b"42",
    "null": b"null",
    "nan": b'{"yaml": NaN}',
    "infinity": b'{"yaml": "x", "n": Infinity}',
    "deep-list": DEEP_LIST,
    "deep-object": DEEP_OBJECT,
    "empty": b"{}",
    "lone-surrogate": b'{"command": "\\ud800", "yaml": "\\ud800", "args": {"\\ud800": 1}}',
}

ENDPOINTS = {  # name: (path, its own bad bodies); DRILL stands for Lan's drill's id
    "practice-control": (
        "/practice/room/control",
        {
            "command-list": b'{"command": ["start"]}',
            "command-object": b'{"command": {"a": 1}}',
            "command-huge": b'{"command": "' + b"x" * 50_000 + b'"}',
            "args-list": b'{"command": "start", "args": [1]}',
            "args-text": b'{"command": "start", "args": "x"}',
            "speed-nan": b'{"command": "speed", "args": {"speed": NaN}}',
            "speed-text": b'{"command": "speed", "args": {"speed": "60"}}',
            "args-deep": b'{"command": "start", "args": ' + b'{"a": [[[[[1]]]]]}}',
        },
    ),
    "validate": (
        f"{BASE}/api/validate",
        {
            "yaml-list": b'{"yaml": ["x"]}',
            "data-list": b'{"data": [1]}',
            "yaml-huge": b'{"yaml": "' + b"#" * 300_000 + b'"}',
        },
    ),
    "save": (f"{BASE}/DRILL/save", {"yaml-object": b'{"yaml": {"a": 1}}', "note-list": b'{"yaml": "id: x", "note": [1]}'}),
    "draft": (f"{BASE}/DRILL/draft", {"yaml-number": b'{"yaml": 5}'}),
    "dry-run": (f"{BASE}/api/dry-run", {"yaml-list": b'{"yaml": [1]}', "yaml-invalid": b'{"yaml": "id: ["}'}),
    "msel-export": (
        f"{BASE}/api/msel",
        {
            "format-list": b'{"yaml": "id: x", "format": ["csv"]}',
            "format-huge": b'{"yaml": "id: x", "format": "' + b"x" * 50_000 + b'"}',
        },
    ),
    "msel-import": (
        f"{BASE}/DRILL/msel",
        {"file-list": b'{"yaml": "id: x", "file": [1]}', "file-not-base64": b'{"yaml": "id: x", "file": "%%%"}'},
    ),
}


def _cases():
    for endpoint, (_, own) in ENDPOINTS.items():
        for name, body in {**ANY_BODY, **own}.items():
            yield pytest.param(endpoint, body, id=f"{endpoint}-{name}")


@pytest.fixture
def clients(app, platform):
    """Lan (with a copy of the water drill) and a trainee practising alone, each with their client."""
    lan = platform.instructor_client("lan")
    response = lan.post(f"{BASE}/copy", data={"source": "builtin:nuoc-may-nhiem-doc"})
    assert response.status_code == 302, response.data
    trainee = app.test_client()
    start(trainee)
    with app.app_context():
        drill_id = db.session.scalar(select(Drill.id))
    return {"lan": lan, "trainee": trainee, "drill": drill_id}


def stored(app) -> tuple[int, ...]:
    with app.app_context():
        return tuple(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (InputRecord, DrillVersion, DrillDraft, DrillDryRun)
        )


@pytest.mark.parametrize("endpoint, body", list(_cases()))
def test_a_malformed_body_is_refused_once_without_a_traceback_and_changes_nothing(app, clients, caplog, endpoint, body):
    path = ENDPOINTS[endpoint][0].replace("DRILL", str(clients["drill"]))
    client = clients["trainee" if endpoint.startswith("practice") else "lan"]
    before = stored(app)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        response = client.post(path, data=body, content_type="application/json")
    assert response.status_code in (400, 403), response.data[:300]
    error = response.get_json()["error"]
    assert (error and " / " not in error) if isinstance(error, str) else (error["vi"] and error["en"]), error  # one language
    assert [r.getMessage()[:8] for r in caplog.records if r.levelno == logging.WARNING] == ["refused:"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert stored(app) == before
