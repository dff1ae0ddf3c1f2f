"""Throttled logins, sign-ups and joins; and a wrong login costs the same hash work whether the name exists or not.

Limits are set small through the app's config and time moves by the hand-turned
clock: the attempt after the limit is refused with 429, even with the right
password, until the window has passed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from security_helpers import audits, client_at, count
from web.models import core as models
from web.models.practice import TraineeAccount

PER_TARGET, PER_ADDRESS, WINDOW = 3, 5, 60
TOO_MANY = "Too many failed attempts"


@pytest.fixture
def small_limits(app, clock):
    app.config.update(THROTTLE_PER_TARGET=PER_TARGET, THROTTLE_PER_ADDRESS=PER_ADDRESS, THROTTLE_WINDOW_SECONDS=WINDOW)
    app.extensions["throttle"].clock = clock


@dataclass
class Door:
    """A form that lets someone in: where it posts, the right answer, and a wrong one for the same target."""

    url: str
    right: dict
    wrong: dict

    def other_target(self, n: int) -> dict:
        """A wrong answer for another target each time (another user name or team code)."""
        field = "code" if "code" in self.right else "username"
        return {**self.wrong, field: f"Z{n:05d}"}


def door(name: str, app, platform) -> Door:
    if name == "instructor login":
        return Door("/login", {"username": "lan", "password": "secret"}, {"username": "lan", "password": "wrong"})
    if name == "practice login":
        sign_up = {"username": "hoa", "display_name": "Hoa", "password": "mat-khau-2026", "confirm": "mat-khau-2026"}
        assert app.test_client().post("/practice/signup", data=sign_up).status_code == 302
        return Door(
            "/practice/login",
            {"username": "hoa", "password": "mat-khau-2026"},
            {"username": "hoa", "password": "sai-mat-khau"},
        )
    _, [(_, code), _] = platform.exercise()
    return Door("/join", {"code": code, "name": "Nguyễn Văn An 1"}, {"code": code, "name": "Người Lạ"})


DOORS = ["instructor login", "practice login", "join"]


@pytest.mark.parametrize("name", DOORS)
def test_after_the_limit_of_failures_on_a_target_even_the_right_answer_is_refused_until_the_window_passes(
    app, platform, clock, small_limits, name
):
    entrance = door(name, app, platform)
    for n in range(PER_TARGET):  # each from another address: the target's own limit
        assert client_at(app, f"10.0.0.{n}").post(entrance.url, data=entrance.wrong).status_code == 200
    refused = client_at(app, "10.0.1.1").post(entrance.url, data=entrance.right)
    assert refused.status_code == 429
    text = refused.get_data(as_text=True)
    assert "Quá nhiều lần thử sai" in text and TOO_MANY not in text  # the page in one language
    clock.advance(WINDOW - 1)
    assert client_at(app, "10.0.1.1").post(entrance.url, data=entrance.right).status_code == 429
    clock.advance(1)
    assert client_at(app, "10.0.1.1").post(entrance.url, data=entrance.right).status_code == 302


@pytest.mark.parametrize("name", DOORS)
def test_after_the_limit_of_failures_from_an_address_it_is_refused_whatever_the_target(
    app, platform, clock, small_limits, name
):
    entrance = door(name, app, platform)
    guesser = client_at(app, "10.0.0.9")
    for n in range(PER_ADDRESS):
        assert guesser.post(entrance.url, data=entrance.other_target(n)).status_code == 200
    assert guesser.post(entrance.url, data=entrance.right).status_code == 429
    assert client_at(app, "10.0.0.10").post(entrance.url, data=entrance.right).status_code == 302


def test_a_throttled_attempt_hashes_no_password_and_is_audited(app, platform, small_limits, monkeypatch):
    guesser = client_at(app, "10.0.0.9")
    for n in range(PER_ADDRESS):
        guesser.post("/login", data={"username": f"guess{n}", "password": "x"})
    hashes = []
    monkeypatch.setattr(models, "check_password_hash", lambda *args: hashes.append(args) or False)
    assert guesser.post("/login", data={"username": "lan", "password": "secret"}).status_code == 429
    assert hashes == []
    assert audits(app)[-1] == ("anonymous@10.0.0.9", "login", "too many failed attempts")


def test_signing_up_is_throttled_per_address(app, clock, small_limits):
    signer = client_at(app, "10.0.0.9")

    def sign_up(n: int):
        return signer.post(
            "/practice/signup",
            data={
                "username": f"hoc.vien{n}",
                "display_name": "Học viên",
                "password": "mat-khau-2026",
                "confirm": "mat-khau-2026",
            },
        )

    assert [sign_up(n).status_code for n in range(PER_ADDRESS + 1)] == [302] * PER_ADDRESS + [429]
    assert count(app, TraineeAccount) == PER_ADDRESS
    clock.advance(WINDOW)
    assert sign_up(PER_ADDRESS + 1).status_code == 302


def test_a_taken_user_name_counts_against_that_name(app, small_limits):
    taken = {"username": "hoa", "display_name": "Hoa", "password": "mat-khau-2026", "confirm": "mat-khau-2026"}
    assert client_at(app, "10.0.0.1").post("/practice/signup", data=taken).status_code == 302
    statuses = [
        client_at(app, f"10.0.1.{n}").post("/practice/signup", data=taken).status_code for n in range(PER_TARGET + 1)
    ]
    assert statuses == [200] * (PER_TARGET - 1) + [429, 429]


@pytest.mark.parametrize("url, known", [("/login", "lan"), ("/practice/login", "hoa")])
def test_an_unknown_user_name_costs_the_same_hash_work_as_a_known_one(app, monkeypatch, url, known):
    sign_up = {"username": "hoa", "display_name": "Hoa", "password": "mat-khau-2026", "confirm": "mat-khau-2026"}
    assert app.test_client().post("/practice/signup", data=sign_up).status_code == 302
    checked = []
    real_check = models.check_password_hash
    monkeypatch.setattr(
        models,
        "check_password_hash",
        lambda stored, password: checked.append(stored.split("$")[0]) or real_check(stored, password),
    )
    for username in (known, "nobody"):
        assert app.test_client().post(url, data={"username": username, "password": "wrong"}).status_code == 200
    known_method, unknown_method = checked
    assert known_method == unknown_method  # one hash each, by the same method (so the same cost)
