"""Every page of the guarded blueprints refuses whoever may not use it, built from `app.url_map`, so a new view
cannot escape its blueprint's guard (`web.access.guard`).

The instructor's pages, authoring, the debrief, the evaluators' pages and self-practice past its open pages
are tried by a visitor who is not logged in and by each kind of user who may not use them (a trainee, an
evaluator, an instructor, a trainee account); where the address holds an id, the owner's id is tried by
another user of the right kind (another instructor, an evaluator the team is not assigned to, another
trainee account). Each attempt must be refused (a redirect elsewhere, 403 or 404) and logged.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from practice_helpers import sign_up, start
from security_helpers import audits
from web.extensions import db
from web.models import AuditEntry, Instructor, Observation
from web.models.debrief import Course
from web.models.drills import Drill
from web.models.evaluators import Evaluator
from web.models.practice import PracticeAttempt

GUARDED = ("instructor", "authoring", "review", "evaluation", "practice")
PUBLIC = {"practice.index", "practice.start", "practice.signup", "practice.login"}  # open to all, on purpose
REVIEWABLE = {"review.team", "review.replay"}  # open to whoever may review the team (its evaluators, a practice's trainee)
PRACTICE_ACCOUNT = {"practice.history", "practice.resume"}
EVALUATOR_PASSWORD = "quan-sat-2026"
OWNED_IDS = {"exercise_id", "team_id", "course_id", "observation_id", "evaluator_id", "drill_id", "attempt_id"}


def guarded_rules(app) -> list[tuple[str, str, object]]:
    """(endpoint, method, rule) for every rule of the guarded blueprints but the public ones."""
    return sorted(
        (
            (rule.endpoint, method, rule)
            for rule in app.url_map.iter_rules()
            if rule.endpoint.split(".")[0] in GUARDED and rule.endpoint not in PUBLIC
            for method in sorted(rule.methods & {"GET", "POST"})
        ),
        key=lambda row: (row[0], row[1]),
    )


@pytest.fixture
def world(app, platform):
    """Instructor lan's exercise, course, drill, evaluator and observation; trainee account hoa's practice."""
    app.config["REFUSAL_TALLY_SECONDS"] = 0  # every refusal its own audit row, even a repeat
    exercise_id, [(team_id, code), _] = platform.exercise("lan")
    lan = platform.instructor_client("lan")
    assert lan.post("/instructor/drills/new").status_code == 302
    hoa = sign_up(app, "hoa")
    start(hoa)
    kim = sign_up(app, "kim", "Lê Thị Kim")
    with app.app_context():
        lan_id = db.session.scalar(select(Instructor.id).where(Instructor.username == "lan"))
        course = Course(instructor_id=lan_id, name="Khóa 1")
        observation = Observation(team_id=team_id, instructor_id=lan_id, at=5, text="ghi chú")
        evaluator = Evaluator(instructor_id=lan_id, username="thu", display_name="Phạm Thị Thu")
        evaluator.set_password(EVALUATOR_PASSWORD)
        db.session.add_all([course, observation, evaluator])
        db.session.commit()
        values = {
            "exercise_id": exercise_id,
            "team_id": team_id,
            "course_id": course.id,
            "observation_id": observation.id,
            "evaluator_id": evaluator.id,
            "drill_id": db.session.scalar(select(Drill.id).where(Drill.instructor_id == lan_id)),
            "attempt_id": db.session.scalar(select(PracticeAttempt.id)),
            "number": 1,
            "rule_id": "procedure_order",
            "name": "pdf",
            "scenario_id": "nuoc-may-nhiem-doc",
        }
    thu = app.test_client()
    assert thu.post("/login", data={"username": "thu", "password": EVALUATOR_PASSWORD}).status_code == 302
    visitors = {
        "anonymous": app.test_client(),
        "trainee": platform.trainee_client(code, "Nguyễn Văn An 1"),
        "evaluator": thu,
        "instructor": platform.instructor_client("minh"),
        "account": kim,
        "practising": hoa,
    }
    return values, visitors


def address(rule, values) -> str:
    missing = rule.arguments - values.keys()
    assert not missing, f"{rule.rule}: give the test a value for {missing}"
    return rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]


def refusal_of(app, client, method: str, path: str) -> str | None:
    """Why the attempt was not refused and logged, or None if it was."""
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(AuditEntry))
    response = client.post(path) if method == "POST" else client.get(path)
    if response.status_code not in (302, 403, 404):
        return f"answered {response.status_code}"
    if response.status_code == 302 and response.location.split("?")[0] == path:
        return "redirected to itself"
    with app.app_context():
        if db.session.scalar(select(func.count()).select_from(AuditEntry)) == before:
            return f"answered {response.status_code} but not logged"
    return None


def wrong_for(visitor: str, endpoint: str, rule) -> bool:
    """Whether `visitor` may not use the page at all, or only not with the ids of the test (those of others)."""
    blueprint = endpoint.split(".")[0]
    # a built-in drill's scenario_id is every instructor's; an id the rule sets itself (a default) is no one's
    has_id = bool((rule.arguments - set(rule.defaults or {})) & OWNED_IDS)
    if visitor in ("anonymous", "trainee"):
        return True
    if visitor == "evaluator":
        return blueprint != "evaluation" or has_id  # the team of the test is not assigned to the evaluator
    if visitor == "instructor":  # minh: none of the test's ids are minh's
        return blueprint in ("evaluation", "practice") or has_id
    if visitor == "account":  # kim: the attempt of the test is hoa's
        return blueprint != "practice" or endpoint not in PRACTICE_ACCOUNT or has_id
    return blueprint != "practice"  # hoa, practising: the room and the account pages are hoa's own


def test_the_guarded_blueprints_have_their_pages(app):
    blueprints = {endpoint.split(".")[0] for endpoint, _, _ in guarded_rules(app)}
    assert blueprints == set(GUARDED) and len(guarded_rules(app)) >= 45


@pytest.mark.parametrize("visitor", ["anonymous", "trainee", "evaluator", "instructor", "account", "practising"])
def test_every_guarded_page_refuses_and_logs_whoever_may_not_use_it(app, world, visitor):
    values, visitors = world
    tried, failures = 0, []
    for endpoint, method, rule in guarded_rules(app):
        if not wrong_for(visitor, endpoint, rule):
            continue
        path = address(rule, values)
        tried += 1
        if why := refusal_of(app, visitors[visitor], method, path):
            failures.append(f"{visitor} {method} {path} ({endpoint}): {why}")
    assert tried >= 8 and failures == []


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page_before_any_instructor_or_evaluator_page(app, world):
    values, visitors = world
    for endpoint, method, rule in guarded_rules(app):
        if endpoint.split(".")[0] == "practice":
            continue
        path = address(rule, values)
        response = visitors["anonymous"].post(path) if method == "POST" else visitors["anonymous"].get(path)
        assert response.status_code == 302 and response.location.startswith("/login"), (method, path)
        assert audits(app)[-1][1:] == (f"page {path}", "not logged in")


def test_a_user_of_the_wrong_kind_gets_403_on_every_instructor_page_and_404_on_a_review_they_may_not_see(app, world):
    values, visitors = world
    for endpoint, method, rule in guarded_rules(app):
        if endpoint.split(".")[0] not in ("instructor", "authoring", "review"):
            continue
        path = address(rule, values)
        response = visitors["trainee"].post(path) if method == "POST" else visitors["trainee"].get(path)
        if endpoint in REVIEWABLE:
            assert response.status_code == 404, path
        else:
            assert response.status_code == 403, path
            assert audits(app)[-1][1:] == (f"instructor page {path}", "not an instructor")


def test_the_owner_passes_the_guard(app, platform, world):
    """The ids of the test are real: their owners reach the pages the others are refused."""
    values, visitors = world
    lan = platform.instructor_client("lan")
    for path in (
        f"/instructor/exercises/{values['exercise_id']}",
        f"/review/courses/{values['course_id']}",
        f"/instructor/drills/{values['drill_id']}",
        f"/review/teams/{values['team_id']}",
    ):
        assert lan.get(path).status_code == 200, path
    assert visitors["practising"].get("/practice/room").status_code == 200
    assert visitors["account"].get("/practice/history").status_code == 200
    with app.app_context():
        assert db.session.get(PracticeAttempt, values["attempt_id"]).account.username == "hoa"
