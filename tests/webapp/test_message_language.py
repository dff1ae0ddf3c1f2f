"""The server's own messages speak the user's language: Vietnamese by default, English with the `lang` cookie.

A socket's refusals are in the language of the browser that connected it (the cookies of its
connecting request), so two users of one team are each told in their own; what has no user
(a background task) is in Vietnamese. Forms, flashed messages and the loader's errors (in the
drill editor's check, `test_authoring`, and in the MSEL import report) follow the same choice.
"""

from __future__ import annotations

import base64
import csv
import io
import re

from flask import Flask

from live_helpers import act, control
from practice_helpers import control as practice_control, start as start_practice
from scenarios.library import scenario_path
from scenarios.messages import N_
from web.controls import ControlError
from web.outbox import INSTRUCTOR_NAMESPACE


def in_english(client):
    client.set_cookie("lang", "en")
    return client


def test_a_trainee_is_refused_in_the_language_of_their_own_browser(platform):
    _, [(_, code), _] = platform.exercise()
    vietnamese = platform.trainee_socket(platform.trainee_client(code, "Nguyễn Văn An 1"))
    english = platform.trainee_socket(in_english(platform.trainee_client(code, "Trần Thị Bình 1")))
    assert act(vietnamese, "monitor") == {"ok": False, "error": "Buổi diễn tập chưa bắt đầu hoặc đã kết thúc."}
    assert act(english, "monitor") == {"ok": False, "error": "The drill is not under way."}
    assert (
        vietnamese.emit("sync", {"after": "x"}, namespace="/trainee", callback=True)["error"]
        == "'after' phải là một số nguyên."
    )
    assert (
        english.emit("sync", {"after": "x"}, namespace="/trainee", callback=True)["error"]
        == "'after' must be a whole number."
    )


def test_an_instructor_is_refused_in_their_language_with_the_message_s_parameters(platform):
    _, [(team_id, _), _] = platform.exercise()
    english = platform.instructor_socket(in_english(platform.instructor_client()))
    vietnamese = platform.instructor_socket(platform.instructor_client())

    def ask(sock, command, **args):
        return sock.emit(
            "control", {"team_id": team_id, "command": command, "args": args}, namespace=INSTRUCTOR_NAMESPACE, callback=True
        )["error"]

    assert ask(english, "pause") == "The team is not running."
    assert ask(vietnamese, "pause") == "Đội không đang chạy."
    control(vietnamese, team_id, "start")
    assert ask(english, "resume") == "The team is not paused." and ask(vietnamese, "start") == "Đội đã bắt đầu."
    assert ask(english, "custom", channel="pigeon", to=[], content="x", sender="y").startswith(
        "The channel must be one of: "
    )
    assert ask(vietnamese, "custom", channel="pigeon").startswith("Kênh phải là một trong: ")
    assert (
        english.emit("open", {"team_id": 10_000}, namespace=INSTRUCTOR_NAMESPACE, callback=True)["error"] == "No such team."
    )
    assert english.emit("nonsense", {}, namespace=INSTRUCTOR_NAMESPACE, callback=True)["error"] == "No such operation."


def test_the_practice_room_refuses_in_the_trainee_s_language(app):
    client = app.test_client()
    start_practice(client)
    assert practice_control(client, "jump").get_json()["error"] == "Lệnh không dùng được khi tự luyện."
    in_english(client)
    assert practice_control(client, "jump").get_json()["error"] == "Not a self-practice control."
    assert practice_control(client, "speed", speed=7).get_json()["error"].startswith("Speed must be one of: ")


def test_a_message_without_a_user_is_vietnamese_and_its_log_too(app: Flask):
    error = ControlError(N_("Lệnh không hợp lệ: %(command)s"), command="bay")
    with app.app_context():  # a background task: no request, so no cookie
        assert str(error) == "Lệnh không hợp lệ: bay"
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        assert str(error) == "Unknown control: bay" and error.logged == "Lệnh không hợp lệ: bay"


# --- forms and flashed messages --------------------------------------------------------------------------------


def test_the_login_form_and_its_refusal_speak_the_browser_s_language(app):
    vietnamese, english = app.test_client(), in_english(app.test_client())
    page = vietnamese.post("/login", data={"username": "lan", "password": "sai"}).get_data(as_text=True)
    assert "Sai tên đăng nhập hoặc mật khẩu." in page and "Tên đăng nhập" in page and "Wrong username" not in page
    page = english.post("/login", data={"username": "lan", "password": "sai"}).get_data(as_text=True)
    assert "Wrong username or password." in page and "<label>Username <input" in page and "Sai tên đăng nhập" not in page


def test_a_validation_error_and_a_flash_are_in_english_when_chosen(app):
    english = in_english(app.test_client())
    page = english.post(
        "/practice/signup", data={"username": "Lan Anh", "display_name": "Lan Anh", "password": "short", "confirm": "short"}
    ).get_data(as_text=True)
    assert "Lowercase letters without accents, digits and . _ - only." in page and "8 to 200 characters." in page
    signed_up = english.post(
        "/practice/signup",
        data={"username": "hoa", "display_name": "Hoa", "password": "12345678", "confirm": "12345678"},
        follow_redirects=True,
    )
    assert "Account created. Pick a drill to practise." in signed_up.get_data(as_text=True)


def test_the_roster_s_errors_are_in_the_instructor_s_language(platform):
    roster = "Đội A\nkhông có dấu hai chấm\nchef: Trần Văn Bếp\n"
    form = {"scenario": "nuoc-may-nhiem-doc", "seed": "1", "speed": "60", "roster": roster}
    page = platform.instructor_client().post("/instructor/", data=form).get_data(as_text=True)
    assert "Dòng 2: cần &#39;vai: họ và tên&#39;." in page
    page = in_english(platform.instructor_client()).post("/instructor/", data=form).get_data(as_text=True)
    assert "Line 2: expected &#39;role: name&#39;." in page and "Line 3: Team Đội A, Trần Văn Bếp: no role" in page


# --- the loader's errors, shown by the web ----------------------------------------------------------------------


def test_the_msel_report_gives_the_loader_s_reason_in_the_user_s_language(platform):
    lan = platform.instructor_client()
    drill_id = re.search(
        r"/(\d+)/edit$", lan.post("/instructor/drills/copy", data={"source": "builtin:nuoc-may-nhiem-doc"}).location
    ).group(1)
    text = scenario_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8")
    rows = list(
        csv.reader(
            io.StringIO(
                lan.post("/instructor/drills/api/msel", json={"yaml": text, "format": "csv"}).data.decode("utf-8-sig")
            )
        )
    )
    condition = rows[0].index("Điều kiện / Condition")
    number, row = next((n, row) for n, row in enumerate(rows) if n and row[condition])  # an inject released by a condition
    row[condition] = "level >= 7"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    upload = {"yaml": text, "file": base64.b64encode(out.getvalue().encode()).decode()}
    (problem,) = lan.post(f"/instructor/drills/{drill_id}/msel", json=upload).get_json()["problems"]
    assert (
        problem["vi"]
        == problem["message"]
        == f"dòng {number + 1}, cột “Điều kiện / Condition”: kịch bản không hợp lệ — cấp 7 không tồn tại (các cấp: 0, 1)"
    )
    assert problem["en"] == (
        f"row {number + 1}, column 'Điều kiện / Condition': the drill is not valid — level 7 does not exist (levels: 0, 1)"
    )
    in_english(lan)
    (problem,) = lan.post(f"/instructor/drills/{drill_id}/msel", json=upload).get_json()["problems"]
    assert problem["message"] == problem["en"]


def test_wtforms_own_messages_are_vietnamese_by_default_and_english_when_chosen(platform):
    form = {"scenario": "nuoc-may-nhiem-doc", "seed": "một", "speed": "60", "roster": "Đội A\nspokesperson: An\n"}
    page = platform.instructor_client().post("/instructor/", data=form).get_data(as_text=True)
    assert "Seed: Không phải số nguyên." in page and "Not a valid integer" not in page
    page = in_english(platform.instructor_client()).post("/instructor/", data=form).get_data(as_text=True)
    assert "Seed: Not a valid integer value." in page


def test_the_editor_refuses_a_body_in_both_languages_and_says_it_in_the_user_s(platform):
    lan = platform.instructor_client()
    error = lan.post("/instructor/drills/api/validate", json={"note": 1}).get_json()["error"]
    assert error == {"vi": "Cần 'yaml' hoặc 'data'.", "en": "Send 'yaml' or 'data'.", "message": "Cần 'yaml' hoặc 'data'."}
    error = in_english(lan).post("/instructor/drills/api/validate", json={"note": 1}).get_json()["error"]
    assert error["message"] == "Send 'yaml' or 'data'."
