"""Fuzz the editor's JSON endpoints: any body is answered JSON, 2xx or 4xx, never a 500 or an ERROR in the log.

Lan posts to check, save, draft, dry run and the MSEL export and import of her
own drill: JSON objects with hostile YAML, data and files, other JSON, broken
JSON and raw bytes. The MSEL export's success is the file itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from instructor.authoring.editing import skeleton_text
from instructor.authoring.store import create_drill

from .bodies import json_bodies
from .harness import Check, Made, Outcome, Target, fuzz_test
from .platform import platform


@contextmanager
def authoring_session() -> Iterator[Check]:
    with platform() as web:
        with web.app.app_context():
            drill_id = create_drill(web.instructor("lan").id, skeleton_text(), None, "fuzz").id
        client = web.login("lan")

        def check(made: Made) -> Outcome:
            endpoint, body = made.content
            path = "/instructor/drills/" + endpoint.replace("DRILL", str(drill_id))
            response = client.post(path, data=body, content_type="application/json")
            assert response.status_code < 500, f"{response.status_code} for {made!r}"
            web.assert_no_error_logged(made)
            if response.status_code == 413:
                return Outcome.ERROR  # over the size limit, refused before the endpoint
            is_file = endpoint == "api/msel" and response.status_code == 200
            assert is_file or response.is_json, f"{response.status_code} answered {response.content_type}: {made!r}"
            return Outcome.CLEAN if response.status_code < 400 else Outcome.ERROR

        yield check


TARGET = Target("authoring_api", json_bodies, authoring_session, ci_examples=250)
test_any_editor_body_is_answered_json_never_500 = fuzz_test(TARGET)
