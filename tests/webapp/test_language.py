"""The language of the pages (web/i18n.py): Vietnamese by default, English at the user's choice, kept per user.

The choice is posted by the header's switch to /language: stored in the `lang` cookie, and for a logged-in user in
`LanguageChoice`, which wins over the cookie (another browser, the same user: the same language).
"""

from __future__ import annotations

import json

import pytest
from flask import abort

from web.extensions import db
from web.models.preferences import LanguageChoice


def _page(client, path: str = "/login") -> str:
    return client.get(path).get_data(as_text=True)


def test_a_page_speaks_vietnamese_by_default_and_offers_english(app):
    page = _page(app.test_client())
    assert '<html lang="vi">' in page and "<h1>Đăng nhập giảng viên</h1>" in page
    assert "Instructor login" not in page and 'lang="en">English</button>' in page


def test_the_lang_cookie_gives_the_english_page_with_a_switch_back(app):
    client = app.test_client()
    client.set_cookie("lang", "en")
    page = _page(client)
    assert '<html lang="en">' in page and "<h1>Instructor login</h1>" in page and ">Log in</button>" in page
    assert "Đăng nhập giảng viên" not in page and 'lang="vi">Tiếng Việt</button>' in page


def test_an_unknown_cookie_language_is_vietnamese(app):
    client = app.test_client()
    client.set_cookie("lang", "fr")
    assert '<html lang="vi">' in _page(client)


def test_the_switch_sets_the_cookie_and_returns_to_the_page(app):
    client = app.test_client()
    answer = client.post("/language", data={"lang": "en", "next": "/join?code=ABCD"})
    assert answer.status_code == 302 and answer.location == "/join?code=ABCD"
    assert "lang=en" in answer.headers["Set-Cookie"] and "HttpOnly" in answer.headers["Set-Cookie"]
    assert "<h1>Join your team</h1>" in _page(client, "/join")
    client.post("/language", data={"lang": "vi", "next": "/join"})
    assert "<h1>Vào đội diễn tập</h1>" in _page(client, "/join")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "", "join"])
def test_the_switch_returns_only_to_a_page_of_this_site(app, target):
    answer = app.test_client().post("/language", data={"lang": "en", "next": target})
    assert answer.status_code == 302 and answer.location == "/"


def test_the_switch_refuses_a_language_it_does_not_have(app):
    assert app.test_client().post("/language", data={"lang": "fr", "next": "/"}).status_code == 400


def test_a_logged_in_users_choice_is_kept_for_them_in_another_browser(app, platform):
    first = platform.instructor_client()
    first.post("/language", data={"lang": "en", "next": "/instructor/"})
    with app.app_context():
        assert db.session.get(LanguageChoice, "instructor:1").locale == "en"
    other = platform.instructor_client()  # no cookie: the stored choice
    assert '<html lang="en">' in _page(other, "/instructor/")
    other.set_cookie("lang", "vi")  # the user's choice wins over a cookie
    assert '<html lang="en">' in _page(other, "/instructor/")
    other.post("/language", data={"lang": "vi", "next": "/"})
    assert '<html lang="vi">' in _page(platform.instructor_client(), "/instructor/")


def test_the_switch_form_carries_the_csrf_token_and_is_refused_without_it(csrf_app):
    client = csrf_app.test_client()
    page = _page(client, "/")
    assert 'id="language-switch"' in page and 'name="csrf_token" value="' in page.split('id="language-switch"')[1]
    assert client.post("/language", data={"lang": "en", "next": "/"}).status_code == 400


def test_an_error_page_speaks_the_chosen_language(app):
    client = app.test_client()
    assert "Không tìm thấy trang." in _page(client, "/no-such-page")
    client.set_cookie("lang", "en")
    page = _page(client, "/no-such-page")
    assert "<h1>Error 404</h1>" in page and "Page not found." in page and "Không tìm thấy" not in page


def test_an_oversized_socket_body_is_refused_in_the_language_of_its_cookie(app):
    """The WSGI guard answers before Flask (no locale selector): it reads the `lang` cookie itself."""

    def refused(cookie: str | None) -> str:
        client = app.test_client()
        if cookie:
            client.set_cookie("lang", cookie)
        response = client.post("/socket.io/?EIO=4&transport=polling", data=b"x" * (64 * 1024 + 1))
        assert response.status_code == 413
        return response.get_data(as_text=True)

    assert refused(None) == refused("fr") == "Thông điệp quá lớn."
    assert refused("en") == "Message too large."


def test_the_forbidden_page_says_one_message_in_the_chosen_language(app):
    app.add_url_rule("/forbidden-test", "forbidden_test", lambda: abort(403))
    client = app.test_client()
    client.set_cookie("lang", "en")
    page = _page(client, "/forbidden-test")
    assert "You may not see this page." in page and "Bạn không có quyền" not in page


def _english(client, path: str) -> str:
    client.set_cookie("lang", "en")
    return _page(client, path)


def test_the_practice_page_in_english_shows_the_drills_own_english(app):
    page = _english(app.test_client(), "/practice/")
    assert "<h1>Practice</h1>" in page and "Start</button>" in page and "Tự luyện" not in page
    assert "<summary>The situation</summary>" in page and "Tình huống" not in page


def test_the_console_and_the_debrief_of_an_exercise_in_english(app, platform):
    exercise_id, teams = platform.exercise()
    client = platform.instructor_client()
    console = _english(client, f"/instructor/exercises/{exercise_id}")
    assert "<h2>Live control</h2>" in console and ">All teams</option>" in console and "Điều khiển trực tiếp" not in console
    review = _page(client, f"/review/exercises/{exercise_id}")
    assert "Each team's result" in review.replace("&#39;", "'") and ">Not played</span>" in review
    assert "Kết quả từng đội" not in review
    team = _page(client, f"/review/teams/{teams[0][0]}")
    assert '<h2 id="card-title">Score card <small>rule by rule</small></h2>' in team and "Phiếu chấm điểm" not in team


def test_the_drills_pages_in_english(app, platform):
    client = platform.instructor_client()
    page = _english(client, "/instructor/drills/")
    assert "<h1>Drills</h1>" in page and "Built-in drills" in page and "Kịch bản có sẵn" not in page


def test_the_page_scripts_texts_come_in_the_pages_language(app):
    english = app.test_client().get("/texts/en.js")
    assert english.status_code == 200 and english.mimetype == "text/javascript"
    texts = json.loads(english.get_data(as_text=True).removeprefix("window.DrillTexts = ").rstrip().removesuffix(";"))
    assert texts["Đã kết nối"] == "Connected" and texts["Cấp %(level)s"] == "Level %(level)s"
    assert "Đăng nhập giảng viên" not in texts  # a template's text, not a script's
    assert app.test_client().get("/texts/vi.js").get_data(as_text=True) == "window.DrillTexts = {};\n"
    assert app.test_client().get("/texts/fr.js").status_code == 404
    client = app.test_client()
    client.set_cookie("lang", "en")
    assert '<script src="/texts/en.js"></script>' in _page(client)
    assert '<script src="/texts/vi.js"></script>' in _page(app.test_client())
