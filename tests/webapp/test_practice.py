"""Self-practice: trainee accounts, one trainee and bots in the other roles, the trainee's own clock,
hints that cost points, the score at the end, the history, and a rebuild that repeats no bot action.

Driven through the test client and the Socket.IO test client, with the conftest's hand-turned clock:
at speed 60 a real second is a scenario minute.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app_factory import csrf_protected_app
from live_helpers import received, stored_events, stored_inputs
from practice_helpers import DRILL, control, sign_up, start
from security_helpers import XSS, XSS_ESCAPED, audits, count, csrf_token
from scenarios.actions import Action
from sim.bots import Bot, play_with_bots
from web.exercises import scenario_of
from web.extensions import db
from web.models import Exercise, InputRecord, Instructor, Member, Team
from web.models.practice import PracticeAttempt, TraineeAccount
from web.outbox import TRAINEE_NAMESPACE
from web.practice.access import reviews_own_attempt
from web.practice.attempts import PRACTICE_USERNAME
from web.practice.card import HINT_COST
from web.setup import prepare

OTHERS = {"propaganda_board", "info_department"}


# --- helpers ------------------------------------------------------------------------------------


def run(platform, clock, seconds: float, step: float = 5.0) -> None:
    while seconds > 0:
        clock.advance(min(step, seconds))
        seconds -= step
        platform.tick()


def now_of(app, team_id: int) -> float:
    with app.app_context():
        return app.extensions["live"].team(team_id).world.now


def status_of(app, team_id: int) -> str:
    with app.app_context():
        return db.session.get(Team, team_id).status


def attempt_of(app, team_id: int) -> dict:
    with app.app_context():
        a = db.session.scalars(select(PracticeAttempt).where(PracticeAttempt.team_id == team_id)).one()
        return {
            "account_id": a.account_id,
            "role": a.role,
            "drill_id": a.drill_id,
            "hints_allowed": a.hints_allowed,
            "hint_cost": a.hint_cost,
            "final_score": a.final_score,
            "card_total": a.card_total,
            "hints_used": a.hints_used,
            "ended_at": a.ended_at,
            "failed": [r["id"] for r in a.failed_rules or ()],
        }


def play_to_the_end(platform, clock, app, team_id: int, step: float = 20.0) -> None:
    while status_of(app, team_id) != "ended":
        run(platform, clock, step, step)


def canon(events: list[dict]) -> list[str]:
    return [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in events]


def restart(app) -> None:
    """What a new process on the same database does: no team in memory, then `prepare` (rebuild all)."""
    app.extensions["live"]._teams.clear()
    with app.app_context():
        db.session.remove()
        prepare(app)


# --- accounts -----------------------------------------------------------------------------------


def test_sign_up_then_log_in_with_a_hashed_password_and_clear_errors(app):
    client = sign_up(app)
    with app.app_context():
        account = db.session.scalars(select(TraineeAccount)).one()
        assert account.display_name == "Trần Thị Hoa" and account.password_hash != "mat-khau-2026"
        assert account.get_id() == f"account:{account.id}"
    page = client.get("/practice/").get_data(as_text=True)
    assert "Trần Thị Hoa" in page and "/practice/history" in page

    other = app.test_client()
    taken = other.post(
        "/practice/signup",
        data={"username": "hoa", "display_name": "Hoa khác", "password": "12345678", "confirm": "12345678"},
    )
    assert taken.status_code == 200 and "Tên đăng nhập này đã có người dùng." in taken.get_data(as_text=True)
    differ = other.post(
        "/practice/signup",
        data={"username": "lan.anh", "display_name": "Lan Anh", "password": "12345678", "confirm": "87654321"},
    )
    assert "Hai mật khẩu không khớp" in differ.get_data(as_text=True)
    bad = other.post(
        "/practice/signup", data={"username": "Lan Anh", "display_name": "Lan Anh", "password": "short", "confirm": "short"}
    )
    text = bad.get_data(as_text=True)
    assert "Chỉ chữ thường không dấu, số và . _ -" in text and "Mật khẩu từ 8 đến 200 ký tự." in text
    assert count(app, TraineeAccount) == 1

    wrong = other.post("/practice/login", data={"username": "hoa", "password": "sai-mat-khau"})
    assert wrong.status_code == 200 and "Sai tên đăng nhập hoặc mật khẩu." in wrong.get_data(as_text=True)
    assert audits(app)[-1][1:] == ("practice login", "wrong username or password for 'hoa'")
    right = other.post("/practice/login", data={"username": "hoa", "password": "mat-khau-2026"})
    assert right.status_code == 302 and right.location == "/practice/"
    assert "Trần Thị Hoa" in other.get("/practice/").get_data(as_text=True)


def test_a_trainees_name_is_escaped_on_every_practice_page(app, platform, clock):
    client = sign_up(app, "xss", XSS)
    start(client)
    control(client, "start")
    control(client, "end")
    for path in ("/practice/", "/practice/room", "/practice/history"):
        page = client.get(path).get_data(as_text=True)
        assert XSS not in page and XSS_ESCAPED in page, path


def test_the_system_practice_instructor_cannot_log_in_and_no_dashboard_lists_practices(app, platform):
    start(sign_up(app))
    with app.app_context():
        exercise = db.session.scalars(select(Exercise)).one()
        assert exercise.instructor.username == PRACTICE_USERNAME
    for password in ("", "!", "practice", "secret"):
        response = app.test_client().post("/login", data={"username": PRACTICE_USERNAME, "password": password})
        assert response.status_code == 200  # the login page again: refused
    dashboard = platform.instructor_client("lan").get("/instructor/").get_data(as_text=True)
    assert 'id="exercise-' not in dashboard


def test_the_practice_list_shows_each_built_in_drill_with_what_a_trainee_needs_to_choose(app):
    from scenarios.library import builtin_ids

    page = app.test_client().get("/practice/").get_data(as_text=True)
    for drill_id in builtin_ids():
        assert f'id="drill-{drill_id}"' in page
    assert "12 giờ" in page and "vn-2021" in page and "Ô nhiễm môi trường" in page and "Thiên tai" in page
    assert 'value="spokesperson"' in page and "60× — khoảng 12 phút" in page
    assert f"mỗi gợi ý trừ {HINT_COST:g} điểm" in page


# --- starting, and the bots ---------------------------------------------------------------------


def test_starting_as_spokesperson_opens_a_room_of_one_trainee_in_practice_mode(app, platform):
    client = sign_up(app)
    team_id = start(client)
    with app.app_context():
        team = db.session.get(Team, team_id)
        account = db.session.scalars(select(TraineeAccount)).one()
        assert [(m.name, m.role) for m in team.members] == [("Trần Thị Hoa", "spokesperson")]
        assert team.status == "ready" and team.speed == 60
    attempt = attempt_of(app, team_id)
    assert attempt["account_id"] == account.id and attempt["role"] == "spokesperson" and attempt["drill_id"] == DRILL
    assert attempt["hints_allowed"] and attempt["hint_cost"] == HINT_COST and attempt["final_score"] is None
    room = client.get("/practice/room").get_data(as_text=True)
    assert 'id="practice-bar"' in room and "practice_room.js" in room and "Gợi ý sẽ trừ 5 điểm" in room
    socket = platform.trainee_socket(client)
    hello = received(socket, "hello")[0]
    assert hello["role"] == "spokesperson" and hello["team_id"] == team_id and hello["status"] == "ready"
    assert client.get("/room").location == "/practice/room"  # the room with the trainee's own clock


def test_bots_play_every_other_role_and_never_the_trainees(app, platform, clock):
    client = sign_up(app)
    team_id = start(client)
    socket = platform.trainee_socket(client)
    assert control(client, "start").json["state"]["status"] == "running"
    run(platform, clock, 90)

    inputs = stored_inputs(app, team_id)
    bots = [i for i in inputs if i["source"].startswith("bot:")]
    assert {i["source"] for i in bots} == {f"bot:{role}" for role in OTHERS}
    assert all(i["kind"] == "action" and i["source"] == f"bot:{i['payload']['role']}" for i in bots)
    assert not [i for i in inputs if i["payload"].get("role") == "spokesperson"]
    events = stored_events(app, team_id)
    actions = [e for e in events if e["kind"] == "action"]
    assert {e["role"] for e in actions} == OTHERS
    # Each bot input was applied at its own stamp: its action event has the input's minute and parameters.
    assert [(i["at"], i["payload"]["role"], i["payload"]["type"]) for i in bots] == [
        (e["t"], e["role"], e["type"]) for e in events if e["kind"] in ("action", "refused")
    ]
    # The trainee's socket got the bot actions its role may see, as any action.
    got = received(socket, "event")
    seen = [e for e in got if e["kind"] == "action"]
    assert any(e["type"] == "propose_spokesperson" and e["params"]["speaker"] == "spokesperson" for e in seen)
    assert all("spokesperson" in e["audience"] for e in seen)
    decisions = [e for e in got if e.get("effect") == "assigned"]  # the simulated head's
    assert [e["spokesperson"] for e in decisions] == ["spokesperson"]


@pytest.mark.parametrize("role", ["propaganda_board", "info_department"])
def test_whichever_role_the_trainee_takes_the_bots_leave_it_alone(app, platform, clock, role):
    client = sign_up(app)
    team_id = start(client, role=role)
    control(client, "start")
    run(platform, clock, 240, 20)
    sources = {i["source"] for i in stored_inputs(app, team_id) if i["kind"] == "action"}
    assert sources and f"bot:{role}" not in sources
    assert sources <= {f"bot:{other}" for other in {"spokesperson", *OTHERS} - {role}}


def test_an_instructor_led_exercise_has_no_bots(app, platform, clock):
    _exercise_id, [(team_id, _), _] = platform.exercise()
    teacher = platform.instructor_socket(platform.instructor_client())
    teacher.emit("control", {"team_id": team_id, "command": "start"}, namespace="/instructor", callback=True)
    run(platform, clock, 120)
    with app.app_context():
        assert app.extensions["live"].team(team_id).bots is None
    assert [i["source"] for i in stored_inputs(app, team_id)] == ["instructor:1"]
    assert not [e for e in stored_events(app, team_id) if e["kind"] == "action"]


def test_a_silent_spokesperson_scores_low_and_the_crisis_escalates(app, platform, clock):
    client = sign_up(app)
    team_id = start(client)
    control(client, "start")
    assert client.get("/practice/room/card").status_code == 409  # no card before the end
    play_to_the_end(platform, clock, app, team_id)

    events = stored_events(app, team_id)
    assert events[-1]["kind"] == "end" and any(e["kind"] == "escalation" for e in events)
    assert events[-1]["max_level"] > scenario_start_level(app, team_id)
    answer = client.get("/practice/room/card").json
    card = answer["card"]
    assert card["score"] == card["total"] < 30 and card["hints"] == 0 and card["penalty"] == 0
    failed = {rule["id"]: rule for rule in card["failed"]}
    assert "press_requests_answered" in failed and "initial_information" not in failed
    rule = failed["press_requests_answered"]
    assert rule["title"]["vi"] and rule["explanation"]["en"] and "244/2026" in rule["source"]["vi"]
    not_due = {rule["id"]: rule for rule in card["not_due"]}  # 24 h from the case, after a 12-hour drill
    assert set(not_due) == {"initial_information"} and "Chưa đến hạn" in not_due["initial_information"]["explanation"]["vi"]
    assert answer["links"]["review"] == f"/review/teams/{team_id}" and answer["links"]["history"] == "/practice/history"
    stored = attempt_of(app, team_id)
    assert stored["final_score"] == card["score"] and stored["ended_at"] is not None
    assert set(stored["failed"]) == set(failed)


def scenario_start_level(app, team_id: int) -> int:
    with app.app_context():
        return scenario_of(db.session.get(Team, team_id).exercise).start_level


def test_an_exemplary_spokesperson_scores_high_and_keeps_the_crisis_down(app, platform, clock):
    """The trainee plays as the exemplary bot would for the spokesperson, reading the team's log as it grows."""
    client = sign_up(app)
    team_id = start(client)
    socket = platform.trainee_socket(client)
    with app.app_context():
        scenario = scenario_of(db.session.get(Team, team_id).exercise)
    me = Bot("exemplary", scenario, roles={"spokesperson"})
    control(client, "start")
    fed = 0
    while status_of(app, team_id) != "ended":
        run(platform, clock, 1, 1)
        events = stored_events(app, team_id)
        for event in events[fed:]:
            me.feed(event)
        fed = len(events)
        for action in me.due(now_of(app, team_id)):
            ack = socket.emit(
                "act", {"type": action.type, "params": action.params}, namespace=TRAINEE_NAMESPACE, callback=True
            )
            assert ack["ok"], ack
    card = client.get("/practice/room/card").json["card"]
    assert card["score"] >= 90, card["failed"]
    events = stored_events(app, team_id)
    assert not any(e["kind"] == "escalation" for e in events)
    assert {e["role"] for e in events if e["kind"] == "action"} == OTHERS | {"spokesperson"}


# --- hints --------------------------------------------------------------------------------------


def test_hints_are_recorded_change_nothing_and_cost_points(app, platform, clock):
    client = sign_up(app)
    team_id = start(client)
    assert client.post("/practice/room/hint").status_code == 409  # not under way yet
    control(client, "start")
    run(platform, clock, 60)
    before = stored_events(app, team_id)
    first = client.post("/practice/room/hint").json
    assert first["ok"] and first["used"] == 1 and first["cost"] == HINT_COST and first["penalty"] == HINT_COST
    expected = first["hints"]
    assert expected and all(h["role"] == "spokesperson" for h in expected)
    assert expected[0]["type"] == "issue_statement" and expected[0]["deadline"] is not None
    assert expected[0]["reason"]["vi"] and expected[0]["reason"]["en"]
    assert any(h["type"] == "answer_press" and h["params"]["call"] for h in expected)
    second = client.post("/practice/room/hint").json
    assert second["used"] == 2 and second["penalty"] == 2 * HINT_COST
    assert stored_events(app, team_id) == before  # a hint changes nothing in the world

    hints = [i for i in stored_inputs(app, team_id) if i["kind"] == "hint"]
    assert len(hints) == 2 and all(i["source"].startswith("member:") for i in hints)
    assert hints[0]["payload"] == {"role": "spokesperson", "expected": expected}
    assert attempt_of(app, team_id)["hints_used"] == 2

    control(client, "end")
    card = client.get("/practice/room/card").json["card"]
    assert card["hints"] == 2 and card["penalty"] == 10 and card["score"] == max(0.0, round(card["total"] - 10, 1))
    stored = attempt_of(app, team_id)
    assert stored["final_score"] == card["score"] and stored["card_total"] == card["total"]


def test_no_hints_when_the_trainee_chose_none(app, platform, clock):
    client = sign_up(app)
    team_id = start(client, hints=False)
    assert 'id="pc-hint"' not in client.get("/practice/room").get_data(as_text=True)
    control(client, "start")
    answer = client.post("/practice/room/hint")
    assert answer.status_code == 403 and not answer.json["ok"]
    assert audits(app)[-1][1:] == ("practice hint", "hints are off for this attempt")
    assert not [i for i in stored_inputs(app, team_id) if i["kind"] == "hint"]


# --- the trainee's clock, and what stays refused ---------------------------------------------------


def test_the_trainee_starts_pauses_resumes_sets_the_speed_and_ends(app, platform, clock):
    client = sign_up(app)
    team_id = start(client)
    assert control(client, "pause").status_code == 409  # not running yet
    assert control(client, "start").json["state"] == {"status": "running", "minute": 0, "speed": 60.0, "level": 0}
    run(platform, clock, 30)
    paused = control(client, "pause").json["state"]
    assert paused["status"] == "paused" and paused["minute"] == 30
    run(platform, clock, 30)
    assert now_of(app, team_id) == 30  # paused: scenario time stands still
    assert control(client, "speed", speed=120).json["state"]["speed"] == 120
    assert control(client, "resume").json["state"]["status"] == "running"
    run(platform, clock, 30)
    assert now_of(app, team_id) == 90  # 30 real seconds at 120×
    assert control(client, "speed", speed=999).status_code == 400  # not a speed on offer
    ended = control(client, "end").json["state"]
    assert ended["status"] == "ended" and status_of(app, team_id) == "ended"
    assert [i["kind"] for i in stored_inputs(app, team_id) if i["source"].startswith("member:")] == [
        "start",
        "pause",
        "speed",
        "resume",
        "end",
    ]
    assert control(client, "resume").status_code == 409


@pytest.mark.parametrize(
    "command, args",
    [
        ("jump", {}),
        ("fire", {"inject": "call-paper"}),
        ("custom", {"channel": "hotline", "sender": "X", "content": "Y", "to": ["spokesperson"]}),
        ("observe", {}),
    ],
)
def test_a_practising_trainee_may_not_fire_write_or_jump(app, platform, clock, command, args):
    client = sign_up(app)
    team_id = start(client)
    control(client, "start")
    before = stored_inputs(app, team_id)
    answer = control(client, command, **args)
    assert answer.status_code == 403 and not answer.json["ok"]
    who, what, reason = audits(app)[-1]
    assert who.startswith("member:") and what == f"practice control {command}" and reason == "not a control of self-practice"
    assert stored_inputs(app, team_id) == before


@pytest.mark.parametrize("command", ["fire", "end", "custom", "start", "pause", "jump"])
def test_a_trainee_of_an_instructor_led_exercise_may_not_use_the_practice_controls(app, platform, command):
    _, [(team_id, code), _] = platform.exercise()
    client = platform.trainee_client(code, "Nguyễn Văn An 1")
    with app.app_context():
        member = db.session.scalars(select(Member).where(Member.name == "Nguyễn Văn An 1")).one().get_id()
    answer = control(client, command, inject="call-paper")
    assert answer.status_code == 403
    assert audits(app)[-1] == (member, f"practice control {command}", "not the trainee of a practice")
    socket = platform.trainee_socket(client)
    ack = socket.emit("control", {"team_id": team_id, "command": command}, namespace=TRAINEE_NAMESPACE, callback=True)
    assert ack["ok"] is False
    assert audits(app)[-1] == (member, "socket event control", "no such event on /trainee")
    for path in ("/practice/room/hint", "/practice/room/card"):
        response = client.post(path) if path.endswith("hint") else client.get(path)
        assert response.status_code == 403
    assert client.get("/practice/room").status_code == 302
    assert status_of(app, team_id) == "ready" and count(app, InputRecord) == 0


def test_nobody_joins_a_practice_team_with_its_code(app):
    client = app.test_client()
    team_id = start(client)
    with app.app_context():
        code = db.session.get(Team, team_id).join_code
    joined = app.test_client().post("/join", data={"code": code, "name": "Học viên tự luyện"})
    assert joined.status_code == 200 and "Không tìm thấy tên này trong đội có mã đã nhập." in joined.get_data(as_text=True)
    assert audits(app)[-1][1:] == ("join", f"team code '{code}' is a self-practice team")


def test_practice_posts_need_their_csrf_token(tmp_path):
    app = csrf_protected_app(tmp_path)
    client = app.test_client()
    token = csrf_token(client.get("/practice/").get_data(as_text=True))
    assert client.post("/practice/start", data={"drill": DRILL, "role": "spokesperson", "speed": "60"}).status_code == 400
    started = client.post(
        "/practice/start", data={"drill": DRILL, "role": "spokesperson", "speed": "60", "csrf_token": token}
    )
    assert started.status_code == 302
    room = client.get("/practice/room").get_data(as_text=True)
    practice = json.loads(room.split('id="practice-data">')[1].split("</script>")[0])
    assert client.post("/practice/room/control", json={"command": "start"}).status_code == 400
    assert audits(app)[-1][1] == "POST /practice/room/control"
    answer = client.post("/practice/room/control", json={"command": "start"}, headers={"X-CSRFToken": practice["csrf"]})
    assert answer.status_code == 200 and answer.json["state"]["status"] == "running"


# --- history and review ----------------------------------------------------------------------


def test_the_history_lists_only_ones_own_attempts_and_the_rules_most_failed(app, platform, clock):
    hoa, binh = sign_up(app), sign_up(app, "binh", "Lê Văn Bình")
    hoa_teams = []
    for _ in range(2):  # two silent attempts played to the end of the drill
        hoa_teams.append(start(hoa))
        control(hoa, "start")
        play_to_the_end(platform, clock, app, hoa_teams[-1], step=60)
    unfinished = start(hoa, role="info_department")
    binh_team = start(binh, role="propaganda_board")

    page = hoa.get("/practice/history").get_data(as_text=True)
    for team_id in hoa_teams:
        assert f"/review/teams/{team_id}" in page
    assert f"/review/teams/{binh_team}" not in page and "Lê Văn Bình" not in page
    assert page.count('<tr id="attempt-') == 3 and "Tiếp tục" in page  # the unfinished one may be resumed
    assert 'class="chart score-chart"' in page and page.count('class="score-dot"') == 2
    failing = page.split('class="failing"')[1].split("</ol>")[0]
    assert "2/2" in failing and "Nghị định 244/2026/NĐ-CP" in failing
    first = failing.split("<li")[1]
    assert "2/2" in first  # most frequent first
    assert all(attempt_of(app, t)["final_score"] is not None for t in hoa_teams)
    assert attempt_of(app, unfinished)["final_score"] is None

    binh_page = binh.get("/practice/history").get_data(as_text=True)
    assert binh_page.count('<tr id="attempt-') == 1 and "Trần Thị Hoa" not in binh_page

    with app.app_context():
        hoa_attempt = db.session.scalars(select(PracticeAttempt).where(PracticeAttempt.team_id == unfinished)).one().id
    stolen = binh.post(f"/practice/attempts/{hoa_attempt}/resume")
    assert stolen.status_code == 404 and audits(app)[-1][2] == "not this account's attempt"
    resumed = hoa.post(f"/practice/attempts/{hoa_attempt}/resume")
    assert resumed.status_code == 302 and resumed.location == "/practice/room"
    assert received(platform.trainee_socket(hoa), "hello")[0]["team_id"] == unfinished


def test_an_attempt_ended_early_is_incomplete_and_kept_out_of_the_history_chart_and_counts(app, platform, clock):
    client = sign_up(app)
    full = start(client)
    control(client, "start")
    play_to_the_end(platform, clock, app, full, step=60)
    early = start(client)
    control(client, "start")
    run(platform, clock, 80)  # End at T+01:20 with 11 of 12 hours unplayed
    control(client, "end")

    card = client.get("/practice/room/card").json["card"]
    assert card["complete"] is False and card["completion"] == "ended_early" and card["ended_at"] == 80
    assert card["duration"] == 720 and card["score"] is not None
    page = client.get("/practice/history").get_data(as_text=True)
    row = page.split('<tr id="attempt-')[1:]
    early_row = next(r for r in row if f"/review/teams/{early}" in r)
    full_row = next(r for r in row if f"/review/teams/{full}" in r)
    assert "Chưa hoàn thành" in early_row and "không tính" in early_row
    assert "Chưa hoàn thành" not in full_row
    assert page.count('class="score-dot"') == 1  # only the complete attempt is charted
    assert "1 lần đã chấm điểm, 1 lần kết thúc sớm không tính" in page
    failing = page.split('class="failing"')[1].split("</ol>")[0]
    assert '<span class="count">1/1</span>' in failing and '<span class="count">2/' not in failing
    assert attempt_of(app, early)["final_score"] == card["score"]  # kept, shown, never averaged
    review = client.get(f"/review/teams/{early}").get_data(as_text=True)
    assert 'id="incomplete"' in review and "kết thúc sớm lúc T+01:20" in review
    not_due = review.split('id="rule-initial_information"')[1].split("</header>")[0]
    assert "rule-not-due" in review and "Chưa đến hạn" in not_due and "Chưa đạt" not in not_due
    assert 'id="incomplete"' not in client.get(f"/review/teams/{full}").get_data(as_text=True)


def test_a_rule_with_full_marks_is_not_among_the_practice_cards_failures():
    from scoring import score
    from scoring_helpers import LogBuilder, exemplary, minimal
    from web.practice.card import practice_card

    log = exemplary()
    log.events[-1]["belief"] = 0.02001  # the outcome earns 0.99994 of its points: full marks as shown
    card = practice_card(score(minimal(), log.events), hints=0, cost=HINT_COST)
    assert card["failed"] == [] and card["total"] == 100 and card["complete"] is True

    short = LogBuilder(minimal())
    short.end(600, final_level=1, max_level=1, belief=0.03)
    failed = {r["id"]: r for r in practice_card(score(minimal(), short.events), 0, HINT_COST)["failed"]}
    assert (
        failed["outcome"]["points"]
        == round(failed["outcome"]["max_points"] * (0.5 + 0.5 * 17 / 18), 1)
        < failed["outcome"]["max_points"]
    )


def test_the_history_is_for_accounts_only(app):
    anonymous = app.test_client()
    response = anonymous.get("/practice/history")
    assert response.status_code == 302 and response.location == "/practice/login"
    assert audits(app)[-1][1:] == ("practice history", "no trainee account")
    team_id = start(anonymous)
    assert attempt_of(app, team_id)["account_id"] is None
    assert anonymous.get("/practice/history").status_code == 302
    assert 'href="/practice/history"' not in anonymous.get("/practice/room").get_data(as_text=True)


def test_only_the_trainee_of_an_attempt_may_review_it_and_only_once_it_is_over(app, platform, clock):
    hoa, binh, anonymous = sign_up(app), sign_up(app, "binh", "Lê Văn Bình"), app.test_client()
    hoa_team, anonymous_team = start(hoa), start(anonymous)
    _exercise_id, [(led_team, code), _] = platform.exercise()
    led_trainee = platform.trainee_client(code, "Nguyễn Văn An 1")
    with app.app_context():
        hoa_member = db.session.scalars(select(Member).where(Member.team_id == hoa_team)).one()
        anonymous_member = db.session.scalars(select(Member).where(Member.team_id == anonymous_team)).one()
        hoa_account, binh_account = db.session.scalars(select(TraineeAccount).order_by(TraineeAccount.id)).all()
        lan = db.session.scalars(select(Instructor).where(Instructor.username == "lan")).one()
        team = db.session.get(Team, hoa_team)
        assert not reviews_own_attempt(hoa_member, team)  # not over yet
    for client in (hoa, anonymous):
        control(client, "start")
        control(client, "end")
    with app.app_context():
        hoa_member, anonymous_member, hoa_account, binh_account, lan = (
            db.session.merge(x) for x in (hoa_member, anonymous_member, hoa_account, binh_account, lan)
        )
        team, other = db.session.get(Team, hoa_team), db.session.get(Team, anonymous_team)
        assert reviews_own_attempt(hoa_member, team) and reviews_own_attempt(hoa_account, team)
        assert not reviews_own_attempt(binh_account, team) and not reviews_own_attempt(anonymous_member, team)
        assert reviews_own_attempt(anonymous_member, other) and not reviews_own_attempt(hoa_account, other)
        assert not reviews_own_attempt(lan, team) and not reviews_own_attempt(hoa_account, db.session.get(Team, led_team))
    assert hoa.get(f"/review/teams/{hoa_team}").status_code == 200
    assert anonymous.get(f"/review/teams/{anonymous_team}").status_code == 200
    for client, team_id in ((binh, hoa_team), (anonymous, hoa_team), (hoa, anonymous_team), (led_trainee, hoa_team)):
        assert client.get(f"/review/teams/{team_id}").status_code == 404


# --- a restart mid-practice ------------------------------------------------------------------------


def test_a_rebuild_mid_practice_repeats_no_bot_action_and_gives_the_straight_runs_events(app, platform, clock):
    client = sign_up(app)
    team_id = start(client)
    socket = platform.trainee_socket(client)
    control(client, "start")
    run(platform, clock, 14.5, 2.5)  # the info department has flagged and reported; the board is about to act
    before = stored_inputs(app, team_id)
    assert {i["source"] for i in before if i["source"].startswith("bot:")} == {"bot:info_department"}

    restart(app)
    assert team_id not in app.extensions["live"]._teams  # not rebuilt at start: when its trainee comes back
    with app.app_context():
        live = app.extensions["live"].team(team_id)
        assert live.inputs == len(before) and live.bots.next_at() is not None  # more to do, nothing redone
    assert status_of(app, team_id) == "paused"
    assert stored_inputs(app, team_id) == before
    control(client, "resume")
    run(platform, clock, 22.75, 2.5)
    assert socket.emit(
        "act",
        {"type": "report_up", "params": {"to": "propaganda_board", "summary": "Nước đục"}},
        namespace=TRAINEE_NAMESPACE,
        callback=True,
    )["ok"]
    run(platform, clock, 20, 3)
    client.post("/practice/room/hint")
    restart(app)  # again, after a trainee's action and a hint
    control(client, "resume")
    run(platform, clock, 30, 1.5)
    assert socket.emit(
        "act",
        {"type": "message", "params": {"text": "Tôi đang chuẩn bị thông cáo."}},
        namespace=TRAINEE_NAMESPACE,
        callback=True,
    )["ok"]
    play_to_the_end(platform, clock, app, team_id, step=7)

    inputs = stored_inputs(app, team_id)
    bot_actions = [
        (i["payload"]["role"], i["payload"]["type"], json.dumps(i["payload"]["params"], sort_keys=True))
        for i in inputs
        if i["source"].startswith("bot:")
    ]
    assert len(bot_actions) == len(set(bot_actions))  # no bot action twice
    # The straight run: the same drill and seed played headless, with the trainee's stamped actions.
    with app.app_context():
        exercise = db.session.get(Team, team_id).exercise
        scenario, seed = scenario_of(exercise), exercise.seed
    trainee = [
        Action(at=i["at"], role=i["payload"]["role"], type=i["payload"]["type"], params=i["payload"]["params"])
        for i in inputs
        if i["source"].startswith("member:") and i["kind"] == "action"
    ]
    assert len(trainee) == 2
    straight = play_with_bots(scenario, [Bot("exemplary", scenario, roles=OTHERS)], seed=seed, trainee_actions=trainee)
    assert canon(stored_events(app, team_id)) == canon(straight.events)
    headless_bots = [
        (e["role"], e["type"], json.dumps(e["params"], sort_keys=True))
        for e in straight.events
        if e["kind"] == "action" and e["role"] in OTHERS
    ]
    assert bot_actions == headless_bots
