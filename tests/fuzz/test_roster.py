"""Fuzz the roster an instructor pastes to create an exercise: an exercise is made, or the page says what is wrong.

Lan posts the dashboard's form (drill, seed, speed, roster) with hostile rosters:
lines without a colon, unknown roles, repeated names, Unicode line separators
(`str.splitlines` splits on them), huge blocks. Clean: a redirect to the new
exercise's console, which opens. Clear error: the form again with a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .bodies import roster_forms
from .harness import Check, Outcome, Target, fuzz_test
from .platform import platform


@contextmanager
def roster_session() -> Iterator[Check]:
    with platform() as web:
        client = web.login("lan")

        def check(form: dict[str, str]) -> Outcome:
            response = client.post("/instructor/", data=form)
            web.assert_no_error_logged(form)
            if response.status_code == 302:
                assert client.get(response.location).status_code == 200, f"the console of {response.location} fails"
                return Outcome.CLEAN
            assert response.status_code == 200, f"{response.status_code} for {form!r:.300}"
            page = response.get_data(as_text=True)
            assert 'class="flash error"' in page or "error" in page, f"refused without a message: {form!r:.300}"
            return Outcome.ERROR

        yield check


TARGET = Target("roster", roster_forms, roster_session, ci_examples=300)
test_any_roster_makes_an_exercise_or_says_what_is_wrong = fuzz_test(TARGET)
