"""Who is logged in, and where a logged-out user goes (issue 13.4, 13.5, and the join links of 13.10).

An instructor who tries a join link in their own browser is warned first (joining logs them out)
and must tick a box to go on; a 403 says who the browser is logged in as and links to both ways
in; a trainee whose login is gone is sent to /join (in Vietnamese), not to the instructor login.
The join links carry the configured public URL, else the request's host, and the console warns
when that host opens on the serving machine only.
"""

from __future__ import annotations

import json
import re

import pytest

from run import main as run_main
from web.extensions import db
from web.join_links import checked_public_url, local_only, serving_url
from web.models import Team


def _code(app) -> str:
    with app.app_context():
        return db.session.query(Team).order_by(Team.id).first().join_code


def test_an_instructor_trying_a_join_link_is_warned_and_stays_logged_in_unless_they_confirm(app, platform):
    platform.exercise()
    code, name = _code(app), "Nguyễn Văn An 1"
    instructor = platform.instructor_client()
    page = instructor.get(f"/join?code={code}").get_data(as_text=True)
    assert 'id="switch-warning"' in page and "cửa sổ ẩn danh" in page and "Lan (giảng viên" in page
    refused = instructor.post("/join", data={"code": code, "name": name})
    assert refused.status_code == 200 and "đánh dấu ô xác nhận" in refused.get_data(as_text=True)
    assert instructor.get("/instructor/").status_code == 200  # still the instructor
    joined = instructor.post("/join", data={"code": code, "name": name, "leave": "1"})
    assert joined.status_code == 302 and joined.location.endswith("/room")
    assert 'id="switch-warning"' not in app.test_client().get("/join").get_data(as_text=True)  # nobody logged in


def test_a_403_says_who_is_logged_in_and_how_to_log_in_again(app, platform):
    platform.exercise()
    trainee = platform.trainee_client(_code(app), "Nguyễn Văn An 1")
    answer = trainee.get("/instructor/")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 403 and 'id="login-help"' in page
    assert "Nguyễn Văn An 1 (học viên, Đội 1)" in page
    assert 'href="/login"' in page and 'href="/join"' in page
    trainee.set_cookie("lang", "en")
    assert "Nguyễn Văn An 1 (trainee, Đội 1)" in trainee.get("/instructor/").get_data(as_text=True)


def test_a_trainee_whose_login_is_gone_is_sent_to_join_in_vietnamese(app, platform):
    platform.exercise()
    code = _code(app)
    trainee = platform.trainee_client(code, "Nguyễn Văn An 1")
    page = trainee.get("/room").get_data(as_text=True)
    rejoin = json.loads(re.search(r'id="room-data">(.*?)</script>', page).group(1))["rejoin"]
    assert rejoin == f"/join?code={code}&next=/room"  # where the room's script goes when its socket is refused
    trainee.post("/logout")
    answer = trainee.get("/room")
    assert answer.status_code == 302 and answer.location.startswith("/join?next=")
    page = trainee.get(answer.location).get_data(as_text=True)
    assert "phiên vào phòng đã hết hạn" in page and "Hãy nhập mã đội" in page


def test_join_links_use_the_public_url_else_the_request_host_and_warn_on_a_loopback_host(app, platform):
    exercise_id, _ = platform.exercise()

    def console(host: str) -> tuple[str, bool]:
        instructor = app.test_client()  # logged in on that host: its cookie is that host's
        instructor.post("/login", data={"username": "lan", "password": "secret"}, base_url=f"http://{host}")
        page = instructor.get(f"/instructor/exercises/{exercise_id}", base_url=f"http://{host}").get_data(as_text=True)
        data = json.loads(re.search(r'id="console-data">(.*?)</script>', page).group(1))
        return data["join_base"], 'id="join-local"' in page

    assert console("127.0.0.1:5000") == ("http://127.0.0.1:5000", True)
    assert console("192.168.1.20:5000") == ("http://192.168.1.20:5000", False)
    app.config["PUBLIC_URL"] = "http://drill.lan:8080"
    assert console("127.0.0.1:5000") == ("http://drill.lan:8080", False)


def test_the_public_url_is_checked_and_on_every_interface_defaults_to_the_network_address():
    assert serving_url("127.0.0.1", 5000, None) is None  # the request's host then
    assert serving_url("127.0.0.1", 5000, "https://drill.lan:8443/") == "https://drill.lan:8443"
    guessed = serving_url("0.0.0.0", 5000, None)
    assert guessed is None or (guessed.startswith("http://") and guessed.endswith(":5000") and not local_only(guessed))
    for bad in ("drill.lan:5000", "ftp://drill.lan", "http://drill.lan/join", "http://"):
        with pytest.raises(ValueError, match="http://máy:cổng"):
            checked_public_url(bad)


def test_run_py_serve_refuses_a_public_url_that_cannot_be_a_link(capsys):
    assert run_main(["serve", "--public-url", "drill.lan:5000"]) == 2
    assert "Địa chỉ công khai phải có dạng" in capsys.readouterr().out
