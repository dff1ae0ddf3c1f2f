"""Logging out ends that session on the server: its cookie, copied before, lets nobody in afterwards, its sockets close."""

from __future__ import annotations

import pytest

from web.extensions import socketio
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE

ACCOUNT = {"username": "hoa", "display_name": "Hoa", "password": "mat-khau-2026", "confirm": "mat-khau-2026"}


def logged_in_client(kind: str, app, platform):
    """A client logged in as `kind`, and a page only that kind may open."""
    if kind == "instructor":
        return platform.instructor_client(), "/instructor/"
    if kind == "trainee":
        _, [(_, code), _] = platform.exercise()
        return platform.trainee_client(code, "Nguyễn Văn An 1"), "/room"
    client = app.test_client()
    assert client.post("/practice/signup", data=ACCOUNT).status_code == 302
    return client, "/practice/history"


def replay(app, cookie: str):
    """A new client that presents a copied session cookie."""
    client = app.test_client()
    client.set_cookie("session", cookie)
    return client


@pytest.mark.parametrize("kind", ["instructor", "trainee", "account"])
def test_a_session_cookie_copied_before_logout_does_not_work_after(app, platform, kind):
    client, page = logged_in_client(kind, app, platform)
    cookie = client.get_cookie("session").value
    assert replay(app, cookie).get(page).status_code == 200  # the copy works while the session is open
    assert client.post("/logout").status_code == 302
    assert replay(app, cookie).get(page).status_code == 302  # sent to log in


def test_logging_out_ends_only_that_session(app, platform):
    first, second = platform.instructor_client(), platform.instructor_client()
    first.post("/logout")
    assert second.get("/instructor/").status_code == 200


def test_a_socket_with_a_cookie_copied_before_logout_is_refused(app, platform):
    client, _ = logged_in_client("trainee", app, platform)
    cookie = client.get_cookie("session").value
    client.post("/logout")
    socket = socketio.test_client(app, namespace=TRAINEE_NAMESPACE, flask_test_client=replay(app, cookie))
    assert not socket.is_connected(TRAINEE_NAMESPACE)


def test_logout_closes_the_logins_open_sockets_and_no_other(app, platform):
    _, [(_, code), _] = platform.exercise()
    trainee, other = platform.trainee_client(code, "Nguyễn Văn An 1"), platform.trainee_client(code, "Trần Thị Bình 1")
    teacher = platform.instructor_client()
    sockets = [platform.trainee_socket(trainee), platform.trainee_socket(trainee)]  # two tabs of one login
    others = [platform.trainee_socket(other), platform.instructor_socket(teacher)]
    assert all(s.is_connected(TRAINEE_NAMESPACE) for s in sockets)

    assert trainee.post("/logout").status_code == 302
    assert not any(s.is_connected(TRAINEE_NAMESPACE) for s in sockets)
    assert others[0].is_connected(TRAINEE_NAMESPACE) and others[1].is_connected(INSTRUCTOR_NAMESPACE)

    teacher.post("/logout")
    assert not others[1].is_connected(INSTRUCTOR_NAMESPACE) and others[0].is_connected(TRAINEE_NAMESPACE)


def test_a_new_login_in_the_same_browser_closes_the_previous_logins_sockets(app, platform):
    _, [(_, code), _] = platform.exercise()
    client = platform.instructor_client()
    socket = platform.instructor_socket(client)
    assert client.post("/join", data={"code": code, "name": "Nguyễn Văn An 1", "leave": "1"}).status_code == 302
    assert not socket.is_connected(INSTRUCTOR_NAMESPACE)
