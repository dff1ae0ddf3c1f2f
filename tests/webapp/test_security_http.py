"""Security of the pages: CSRF on every form, bounded bodies, escaped user text, who may see what, hashed passwords."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

import pytest
from sqlalchemy import select

from instructor.views import ROSTER_BODY_MAX
from security_helpers import XSS, XSS_ESCAPED, audits, count, csrf_token
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Exercise, Instructor, Member, Observation
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE

SPOKESPERSON = "Nguyễn Văn An 1"  # a trainee `Platform.exercise` lists in team 1
ROSTER = "Đội Một\nspokesperson: Nguyễn Văn An\ninfo_department: Lê Văn Cường\n"
NEW_EXERCISE = {"scenario": "nuoc-may-nhiem-doc", "seed": "1", "speed": "60", "roster": ROSTER}


def user_id(app, model, **where) -> str:
    with app.app_context():
        return db.session.scalars(select(model).filter_by(**where)).one().get_id()


def new_exercise(app) -> str:
    """Lan's exercise with one team, made directly; its join code."""
    with app.app_context():
        lan = db.session.scalars(select(Instructor).filter_by(username="lan")).one()
        exercise = create_exercise(
            lan, "nuoc-may-nhiem-doc", seed=1, speed=60, teams=[TeamPlan("Đội 1", {SPOKESPERSON: "spokesperson"})]
        )
        return exercise.teams[0].join_code


def logged_in(client) -> str | None:
    """'instructor', 'trainee' or None, judged by what the client may open."""
    if client.get("/instructor/").status_code == 200:
        return "instructor"
    return "trainee" if client.get("/room").status_code == 200 else None


# --- CSRF (the app with CSRF on: the `csrf_app` fixture of conftest.py) -----------------------------


def _csrf_login(app):
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"username": "lan", "password": "secret", "csrf_token": token}).status_code == 302
    return client


@dataclass
class Form:
    client: object
    page: str  # where the form (and its token) is
    url: str  # where it posts
    data: dict
    done: Callable[[], bool]  # whether the post took effect


def _form(name: str, app) -> Form:
    if name == "login":
        client = app.test_client()
        return Form(
            client, "/login", "/login", {"username": "lan", "password": "secret"}, lambda: logged_in(client) == "instructor"
        )
    if name == "join":
        code, client = new_exercise(app), app.test_client()
        return Form(client, "/join", "/join", {"code": code, "name": SPOKESPERSON}, lambda: logged_in(client) == "trainee")
    client = _csrf_login(app)
    if name == "logout":
        return Form(client, "/instructor/", "/logout", {}, lambda: logged_in(client) is None)
    return Form(client, "/instructor/", "/instructor/", dict(NEW_EXERCISE), lambda: count(app, Exercise) == 1)


FORMS = ["login", "join", "logout", "create-exercise"]


@pytest.mark.parametrize("name", FORMS)
def test_a_form_without_its_csrf_token_is_rejected_and_does_nothing(csrf_app, name):
    form = _form(name, csrf_app)
    response = form.client.post(form.url, data=form.data)
    assert response.status_code == 400 and "Yêu cầu không hợp lệ" in response.get_data(as_text=True)
    who, what, reason = audits(csrf_app)[-1]
    assert (who.split("@")[0].split(":")[0], what) == (
        "instructor" if name in ("logout", "create-exercise") else "anonymous",
        f"POST {form.url}",
    )
    assert reason == "CSRF: The CSRF token is missing."
    assert not form.done()


@pytest.mark.parametrize("name", FORMS)
def test_a_form_with_a_token_of_another_session_is_rejected(csrf_app, name):
    form = _form(name, csrf_app)
    form.client.get(form.page)  # the victim has the site open: their session holds its own token
    stranger = csrf_app.test_client()
    token = csrf_token(stranger.get("/login").get_data(as_text=True))
    assert form.client.post(form.url, data={**form.data, "csrf_token": token}).status_code == 400
    assert audits(csrf_app)[-1][1:] == (f"POST {form.url}", "CSRF: The CSRF tokens do not match.")
    assert not form.done()


@pytest.mark.parametrize("name", FORMS)
def test_a_form_with_its_csrf_token_works(csrf_app, name):
    form = _form(name, csrf_app)
    token = csrf_token(form.client.get(form.page).get_data(as_text=True))
    assert form.client.post(form.url, data={**form.data, "csrf_token": token}).status_code == 302
    assert form.done()


def test_logging_out_takes_a_post(platform):
    client = platform.instructor_client()
    assert client.get("/logout").status_code == 405
    assert logged_in(client) == "instructor"


# --- bounded bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize("url, field", [("/login", "username"), ("/join", "name"), ("/instructor/", "roster")])
def test_a_post_over_the_size_limit_gets_413_and_stores_nothing(app, platform, url, field):
    _, [(_, code), _] = platform.exercise()
    client = platform.instructor_client() if url.startswith("/instructor") else app.test_client()
    limit = ROSTER_BODY_MAX if url == "/instructor/" else 64 * 1024  # the creation form may carry a roster file
    data = {"username": "lan", "password": "secret", "code": code, **NEW_EXERCISE, field: "x" * (limit + 1)}
    response = client.post(url, data=data)
    assert response.status_code == 413 and "Dữ liệu gửi lên quá lớn" in response.get_data(as_text=True)
    assert audits(app) == [] and count(app, Exercise) == 1  # only the one made above
    if url != "/instructor/":
        assert logged_in(client) is None


# --- escaping ------------------------------------------------------------------------------------


@pytest.fixture
def hostile_exercise(app, platform):
    """An exercise whose team and one trainee are named with a script tag, made through the form."""
    lan = platform.instructor_client()
    roster = f"{XSS}\nspokesperson: {XSS}\ninfo_department: Lê Văn Cường\n"
    response = lan.post("/instructor/", data={**NEW_EXERCISE, "roster": roster})
    assert response.status_code == 302, response.data
    with app.app_context():
        exercise = db.session.scalars(select(Exercise)).one()
        return {"lan": lan, "id": exercise.id, "code": exercise.teams[0].join_code}


@pytest.mark.parametrize("page", ["dashboard", "console", "room"])
def test_team_and_trainee_names_are_escaped_on_every_page(app, platform, hostile_exercise, page):
    if page == "room":
        client, url = platform.trainee_client(hostile_exercise["code"], XSS), "/room"
    else:
        client = hostile_exercise["lan"]
        url = "/instructor/" if page == "dashboard" else f"/instructor/exercises/{hostile_exercise['id']}"
    html = client.get(url).get_data(as_text=True)
    assert XSS not in html and XSS_ESCAPED in html
    if page == "room":  # the name in the page's JSON data, too, cannot close its <script> element
        assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
        assert html.count("</script>") == html.count("<script")


REFLECTED = '"><script>alert(1)</script>'
REFLECTED_ESCAPED = "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("case", ["login-username", "join-code", "join-name", "roster-error"])
def test_text_sent_back_in_a_page_is_escaped(app, platform, case):
    _, [(_, code), _] = platform.exercise()
    client = app.test_client()
    if case == "login-username":
        response = client.post("/login", data={"username": REFLECTED, "password": "wrong"})
    elif case == "join-code":
        response = client.get("/join", query_string={"code": REFLECTED})
    elif case == "join-name":
        response = client.post("/join", data={"code": code, "name": REFLECTED})
    else:
        client = platform.instructor_client()
        roster = f"{REFLECTED}\nchef: {REFLECTED}\n"  # no role 'chef': the error names the team and the trainee
        response = client.post("/instructor/", data={**NEW_EXERCISE, "roster": roster})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert REFLECTED not in html and "<script>alert(1)" not in html and REFLECTED_ESCAPED in html


def test_text_sent_over_sockets_is_stored_verbatim_and_never_rendered_raw_by_the_server(app, platform, clock):
    """Chat, custom injects and observations reach browsers only as socket data (escaped there, see
    test_browser.py); the server keeps them exactly as typed and no server-rendered page shows them raw."""
    exercise_id, [(team_id, code), _] = platform.exercise()
    lan = platform.instructor_client()
    teacher = platform.instructor_socket(lan)
    trainee = platform.trainee_client(code, SPOKESPERSON)
    room = platform.trainee_socket(trainee)
    assert teacher.emit("control", {"team_id": team_id, "command": "start"}, namespace=INSTRUCTOR_NAMESPACE, callback=True)[
        "ok"
    ]
    custom = {"channel": "dispatch", "sender": XSS, "content": XSS, "to": ["spokesperson"]}
    assert teacher.emit(
        "control", {"team_id": team_id, "command": "custom", "args": custom}, namespace=INSTRUCTOR_NAMESPACE, callback=True
    )["ok"]
    observed = teacher.emit("observe", {"team_id": team_id, "text": XSS}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    chat = room.emit("act", {"type": "message", "params": {"text": XSS}}, namespace=TRAINEE_NAMESPACE, callback=True)
    assert chat["event"]["params"]["text"] == XSS and observed["observation"]["text"] == XSS
    with app.app_context():
        assert db.session.scalars(select(Observation.text)).all() == [XSS]
    for client, url in [(lan, "/instructor/"), (lan, f"/instructor/exercises/{exercise_id}"), (trainee, "/room")]:
        assert XSS not in client.get(url).get_data(as_text=True)


# --- who may see what ----------------------------------------------------------------------------


@pytest.mark.parametrize("username, password", [("lan", "not-the-password"), ("nobody", "secret")])
def test_a_wrong_login_is_refused_and_audited(app, username, password):
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 200 and "Sai tên đăng nhập hoặc mật khẩu." in response.get_data(as_text=True)
    assert logged_in(client) is None
    [(who, _what, reason)] = [a for a in audits(app) if a[1] == "login"]
    assert who.startswith("anonymous@") and username in reason and password not in reason


def test_a_wrong_join_is_refused_and_audited(app, platform):
    _, [(_, code), _] = platform.exercise()
    client = app.test_client()
    response = client.post("/join", data={"code": code, "name": "Người Lạ"})
    assert response.status_code == 200 and logged_in(client) is None
    assert [a[1:] for a in audits(app) if a[1] == "join"] == [("join", f"no member 'Người Lạ' in team code '{code}'")]


@pytest.mark.parametrize(
    "who, method, path, status, what",
    [
        ("anonymous", "get", "/room", 302, "page /room"),
        ("anonymous", "get", "/instructor/", 302, "page /instructor/"),
        ("anonymous", "get", "/instructor/exercises/EXERCISE", 302, "page /instructor/exercises/EXERCISE"),
        ("instructor", "get", "/room", 302, "trainee room"),
        ("trainee", "get", "/instructor/", 403, "instructor page /instructor/"),
        ("trainee", "get", "/instructor/exercises/EXERCISE", 403, "instructor page /instructor/exercises/EXERCISE"),
        ("trainee", "post", "/instructor/", 403, "instructor page /instructor/"),
    ],
)
def test_a_page_for_another_kind_of_user_is_refused_and_audited(app, platform, who, method, path, status, what):
    exercise_id, [(_, code), _] = platform.exercise()
    path, what = path.replace("EXERCISE", str(exercise_id)), what.replace("EXERCISE", str(exercise_id))
    client = {
        "anonymous": app.test_client,
        "instructor": platform.instructor_client,
        "trainee": lambda: platform.trainee_client(code, SPOKESPERSON),
    }[who]()
    response = client.post(path, data=NEW_EXERCISE) if method == "post" else client.get(path)
    assert response.status_code == status
    if who == "anonymous":
        assert response.location.startswith("/join" if path == "/room" else "/login")  # a trainee joins again
    elif who == "instructor":
        assert response.location == "/"
    assert audits(app)[-1][1] == what and count(app, Exercise) == 1
    expected_who = {
        "anonymous": "anonymous@",
        "instructor": user_id(app, Instructor, username="lan"),
        "trainee": user_id(app, Member, name=SPOKESPERSON),
    }[who]
    assert audits(app)[-1][0].startswith(expected_who)


@pytest.mark.parametrize("target", ["another's", "missing", "zero", "huge"])
def test_an_instructor_cannot_open_a_console_that_is_not_theirs(app, platform, target):
    lans, _ = platform.exercise("lan")
    minhs, _ = platform.exercise("minh")
    exercise_id = {"another's": lans, "missing": lans + minhs + 1, "zero": 0, "huge": 10**30}[target]
    minh = platform.instructor_client("minh")
    assert minh.get(f"/instructor/exercises/{minhs}").status_code == 200
    response = minh.get(f"/instructor/exercises/{exercise_id}")
    assert response.status_code == 404
    assert audits(app)[-1][:2] == (user_id(app, Instructor, username="minh"), f"exercise {exercise_id}")
    if target == "another's":
        assert "Đội 1" not in response.get_data(as_text=True)


# --- credentials ---------------------------------------------------------------------------------


def test_passwords_are_stored_hashed_and_never_logged(app, tmp_path, real_hashing):
    client = app.test_client()
    client.post("/login", data={"username": "lan", "password": "hunter2-wrong"})
    with app.app_context():
        lan = db.session.scalars(select(Instructor).filter_by(username="lan")).one()
        assert lan.password_hash.startswith("scrypt:") and "secret" not in lan.password_hash
        assert lan.check_password("secret") and not lan.check_password("hunter2-wrong")
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("test.db*"))  # the database and its WAL
    assert b"lan" in stored  # the file is the database we mean
    assert b"secret" not in stored and b"hunter2" not in stored


def test_the_session_cookie_is_http_only_and_same_site(app):
    response = app.test_client().post("/login", data={"username": "lan", "password": "secret"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_refusal_cannot_forge_log_lines(app, caplog):
    """User text in a refusal (here a username) is logged on one line: no fake 'refused: ...' entries."""
    app.test_client().post("/login", data={"username": "x\nrefused: admin tried nothing", "password": "wrong"})
    messages = [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused")]
    assert len(messages) == 1 and "\n" not in messages[0] and "x refused: admin" in messages[0]
