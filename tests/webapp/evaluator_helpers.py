"""Evaluator accounts for the tests: an instructor makes one (`make_evaluator`) and assigns teams (`assign`); the
evaluator logs in (`log_in`)."""

from __future__ import annotations

from security_helpers import csrf_token
from web.extensions import db
from web.models.evaluators import Evaluator

PASSWORD = "quan-sat-2026"


def make_evaluator(client, username: str = "thu", name: str = "Phạm Thị Thu"):
    page = client.get("/instructor/evaluators").get_data(as_text=True)
    return client.post(
        "/instructor/evaluators",
        data={"csrf_token": csrf_token(page), "username": username, "display_name": name, "password": PASSWORD},
    )


def evaluator_id(app, username: str = "thu") -> int:
    with app.app_context():
        return db.session.query(Evaluator).filter_by(username=username).one().id


def assign(client, evaluator: int, *teams: int):
    page = client.get("/instructor/evaluators").get_data(as_text=True)
    return client.post(
        f"/instructor/evaluators/{evaluator}/teams", data={"csrf_token": csrf_token(page), "team": [str(t) for t in teams]}
    )


def log_in(app, username: str = "thu", password: str = PASSWORD):
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": password})
    return client, response
