"""The debrief pages with the Flask test client: a team's review and replay, teams side by side, courses, the report.

Teams play reference plays of the water drill stored as a live run stores them (`review_helpers.play_teams`);
the scores the pages must show come from a headless run of the same plays (`commands.simulate.simulate`).
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
import time
import zipfile
from collections import Counter

import pytest

from commands.simulate import simulate
from debrief.exports import FORMATS
from review_helpers import actions_of, json_block, play_teams
from scoring import ScoreCard
from security_helpers import audits, csrf_token
from tests.debrief_helpers import REFUSED, WATER, scenario
from web.extensions import db
from web.models import EventRecord, Exercise, Instructor, Member, Observation, Team
from web.models.debrief import Course, CourseExercise, ReportEdit
from web.review.access import can_review
from web.review.plan import saved_plan
from web.review.scores import team_scores

A_PLAYS = ["exemplary", "silent", None]  # the third team never starts
B_PLAYS = ["off_focal_point", "unverified"]


@functools.cache
def headless_card(play: str) -> ScoreCard:
    """The score card of a reference play run headless with the exercise's seed."""
    return simulate(scenario(WATER), actions_of(play), seed=1)[1]


def headless_total(play: str) -> float:
    return headless_card(play).total


def vn(value: float) -> str:
    """A number as the pages show it: one decimal, a decimal comma."""
    return f"{value:.1f}".replace(".", ",")


@pytest.fixture
def exercises(app, platform):
    """The instructor lan's exercises A (three teams) and B (two teams), played; returns {name: (id, [team ids])}."""
    made = {}
    for name, plays in (("A", A_PLAYS), ("B", B_PLAYS)):
        exercise_id, teams = platform.exercise(teams=len(plays))
        team_ids = [team_id for team_id, _ in teams]
        with app.app_context():
            play_teams(team_ids, plays)
        made[name] = (exercise_id, team_ids)
    return made


# ---- one team ---------------------------------------------------------------------------------------


def test_a_team_review_shows_its_trainees_score_rules_timeline_and_chart(app, platform, exercises):
    client = platform.instructor_client()
    _, (exemplary, silent, _) = exercises["A"]
    page = client.get(f"/review/teams/{exemplary}")
    assert page.status_code == 200
    text = page.data.decode()
    assert "Đội 1" in text and "Nguyễn Văn An 1" in text and "Trần Thị Bình 1" in text
    assert f'<strong class="score">{vn(headless_total("exemplary"))}</strong>' in text
    for rule in ("Bốn bước ứng xử theo thứ tự", "Một đầu mối phát ngôn", "Trả lời mọi yêu cầu của báo chí"):
        assert rule in text
    assert 'class="k-action"' in text and "— <strong>Nguyễn Văn An 1</strong>" in text  # who acted
    with app.app_context():
        stored = db.session.query(EventRecord).filter_by(team_id=exemplary)
        samples = sum(record.body["kind"] == "opinion" for record in stored)
    chart = json_block(page.data, "chart-data")
    assert len(chart["opinion"]) == samples > 0 and chart["levels"][0]["cause"] == "start"

    missed = client.get(f"/review/teams/{silent}").data.decode()
    assert missed.count('class="k-deadline_missed missed"') == 2  # call-paper and call-tv, visibly marked
    assert "call call-missed" in missed and f'<strong class="score">{vn(headless_total("silent"))}</strong>' in missed


def test_evidence_links_point_at_timeline_entries(platform, exercises):
    _, (_, silent, _) = exercises["A"]
    text = platform.instructor_client().get(f"/review/teams/{silent}").data.decode()
    targets = set(re.findall(r'<a href="#(ev-\d+)" class="jump"', text))
    assert targets and all(f'id="{target}"' in text for target in targets)


def test_an_observation_sits_in_the_timeline_at_its_minute_escaped(app, platform, exercises):
    _, (exemplary, _, _) = exercises["A"]
    with app.app_context():
        lan = db.session.query(Instructor).filter_by(username="lan").one()
        db.session.add(Observation(team_id=exemplary, instructor_id=lan.id, at=45, text="Chậm <b>trả lời</b>"))
        db.session.commit()
    text = platform.instructor_client().get(f"/review/teams/{exemplary}").data.decode()
    entry = re.search(r'<li id="obs-\d+"[^>]*class="k-observation"(.*?)</li>', text, re.S)
    assert entry and "Chậm &lt;b&gt;trả lời&lt;/b&gt;" in entry.group(1)
    assert '<span class="t">T+00:45</span>' in entry.group(1)


def test_the_replay_knows_what_each_seat_saw(app, platform, exercises):
    _, (exemplary, _, _) = exercises["A"]
    page = platform.instructor_client().get(f"/review/teams/{exemplary}/replay")
    assert page.status_code == 200
    data = json_block(page.data, "replay-data")
    events = {e["seq"]: e for e in data["events"]}
    post = next(e for e in data["events"] if e["kind"] == "inject" and e.get("inject") == "post-video")
    assert post["audience"] == ["info_department"]
    assert post["seq"] in data["visible"]["info_department"] and post["seq"] not in data["visible"]["spokesperson"]
    assert all("spokesperson" in events[seq]["audience"] for seq in data["visible"]["spokesperson"])
    assert any(e["kind"] == "opinion" for e in data["events"])  # the instructor's seat sees the samples
    assert not any(events[seq]["kind"] == "opinion" for role in data["visible"] for seq in data["visible"][role])
    assert data["events"][-1]["score"] == headless_total("exemplary")
    assert [r["id"] for r in data["roles"]] == ["spokesperson", "propaganda_board", "info_department"]
    call = next(e for e in data["events"] if e.get("inject") == "call-paper")
    assert call["call"]["response"] == "answered" and events[call["call"]["answer_seq"]]["kind"] == "action"


# ---- teams side by side -----------------------------------------------------------------------------


def test_teams_side_by_side_totals_matrix_curves_and_links(platform, exercises):
    exercise_id, (exemplary, silent, unstarted) = exercises["A"]
    page = platform.instructor_client().get(f"/review/exercises/{exercise_id}")
    assert page.status_code == 200
    text = page.data.decode()
    for team_id in (exemplary, silent, unstarted):
        assert f'href="/review/teams/{team_id}"' in text and f'href="/review/teams/{team_id}/replay"' in text
    assert f'<td class="n total">{vn(headless_total("exemplary"))}</td>' in text
    assert f'<td class="n total">{vn(headless_total("silent"))}</td>' in text
    assert ">Chưa chơi</span>" in text
    row = re.search(r'<tr data-rule="one_focal_point">(.*?)</tr>', text, re.S).group(1)
    cells = re.findall(r'<td class="cell (\w+)"', row)
    assert cells == ["pass", "fail", "none"]
    # the silent team's 24 hours run past the drill's end: not yet due, neither met nor failed (grey, not red)
    assert headless_card("silent").result("initial_information").status == "not_due"
    row = re.search(r'<tr data-rule="initial_information">(.*?)</tr>', text, re.S).group(1)
    assert re.findall(r'<td class="cell ([\w-]+)"', row) == ["pass", "not-due", "none"]
    assert "○ Chưa đến hạn" in row
    chart = json_block(page.data, "overlay-data")
    assert [t["team"] for t in chart["teams"]] == ["Đội 1", "Đội 2"]  # the unstarted team has no curve
    for name, writer in FORMATS.items():
        assert (f'data-format="{name}"' in text) == (writer is not None)


def test_a_format_not_available_yet_has_no_button_and_no_download(platform, exercises, monkeypatch):
    monkeypatch.setitem(FORMATS, "pdf", None)
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    assert 'data-format="pdf"' not in client.get(f"/review/exercises/{exercise_id}/report").data.decode()
    assert client.get(f"/review/exercises/{exercise_id}/report/pdf").status_code == 404
    assert client.get(f"/review/exercises/{exercise_id}/report/html").status_code == 404


# ---- access -------------------------------------------------------------------------------------------


def review_urls(exercise_id: int, team_id: int, course_id: int) -> list[str]:
    return [
        f"/review/teams/{team_id}",
        f"/review/teams/{team_id}/replay",
        f"/review/exercises/{exercise_id}",
        f"/review/exercises/{exercise_id}/report",
        f"/review/exercises/{exercise_id}/report/json",
        f"/review/courses/{course_id}",
    ]


@pytest.fixture
def course_of_lan(app, exercises):
    with app.app_context():
        lan = db.session.query(Instructor).filter_by(username="lan").one()
        lan_course = Course(instructor_id=lan.id, name="Lớp của Lan")
        db.session.add(lan_course)
        db.session.commit()
        db.session.add(CourseExercise(course_id=lan_course.id, exercise_id=exercises["A"][0]))
        db.session.commit()
        return lan_course.id


def test_another_instructor_gets_404_and_each_attempt_is_audited(app, platform, exercises, course_of_lan):
    exercise_id, (team_id, _, _) = exercises["A"]
    minh = platform.instructor_client("minh")
    app.config["REFUSAL_TALLY_SECONDS"] = 0  # a row for each refusal, repeats too (not one a minute with a count)
    before = len(audits(app))
    for url in review_urls(exercise_id, team_id, course_of_lan):
        response = minh.get(url)
        assert response.status_code == 404, url
        assert "Nước máy" not in response.data.decode() and "Đội 1" not in response.data.decode()
    for url in (
        f"/review/exercises/{exercise_id}/report",
        f"/review/courses/{course_of_lan}/exercises",
        f"/review/courses/{course_of_lan}/exercises/{exercise_id}/remove",
        f"/review/courses/{course_of_lan}/delete",
        f"/review/exercises/{exercise_id}/report/reset",
    ):
        assert minh.post(url, data={"exercise_id": exercise_id, "issue": "x"}).status_code == 404, url
    entries = audits(app)[before:]
    assert len(entries) == 11 and all(who == "instructor:2" for who, *_ in entries)
    with app.app_context():
        assert [e.id for e in db.session.get(Course, course_of_lan).exercises] == [exercise_id]
        assert db.session.query(ReportEdit).count() == 0
    assert "Lớp của Lan" not in minh.get("/review/").data.decode() + minh.get("/review/courses").data.decode()


def test_a_trainee_sees_no_review_page_and_is_audited(app, platform, exercises, course_of_lan):
    exercise_id, (team_id, _, _) = exercises["A"]
    with app.app_context():
        code = db.session.get(Team, team_id).join_code
    trainee = platform.trainee_client(code, "Nguyễn Văn An 1")
    app.config["REFUSAL_TALLY_SECONDS"] = 0  # a row for each refusal, repeats too (not one a minute with a count)
    before = len(audits(app))
    assert trainee.get(f"/review/teams/{team_id}").status_code == 404  # can_review says no
    assert trainee.get(f"/review/teams/{team_id}/replay").status_code == 404
    for url in ("/review/", "/review/courses", f"/review/exercises/{exercise_id}", f"/review/courses/{course_of_lan}"):
        assert trainee.get(url).status_code == 403, url
    assert len(audits(app)) - before == 6
    anonymous = app.test_client().get(f"/review/teams/{team_id}")
    assert anonymous.status_code == 302 and "/login" in anonymous.location


def test_can_review_is_the_exercise_instructor_only(app, exercises):
    _, (team_id, _, _) = exercises["A"]
    with app.app_context():
        team = db.session.get(Team, team_id)
        lan, minh = (db.session.query(Instructor).filter_by(username=u).one() for u in ("lan", "minh"))
        member = db.session.query(Member).filter_by(team_id=team_id).first()
        assert can_review(lan, team) and not can_review(minh, team) and not can_review(member, team)


# ---- courses --------------------------------------------------------------------------------------------


def test_a_course_averages_its_exercises_and_counts_the_rules_failed_most(app, platform, exercises):
    client = platform.instructor_client()
    created = client.post("/review/courses", data={"name": "  Lớp bồi dưỡng Q2/2026 –   Người phát ngôn "})
    assert created.status_code == 302
    course_id = int(created.location.rsplit("/", 1)[1])
    add = f"/review/courses/{course_id}/exercises"
    for name in ("A", "B"):
        assert client.post(add, data={"exercise_id": exercises[name][0]}).status_code == 302
    client.post(add, data={"exercise_id": exercises["A"][0]})  # twice: still once
    page = client.get(f"/review/courses/{course_id}")
    assert page.status_code == 200
    text = page.data.decode()
    assert "Lớp bồi dưỡng Q2/2026 – Người phát ngôn" in text

    totals = {play: headless_total(play) for play in ("exemplary", "silent", *B_PLAYS)}
    averages = re.findall(r'<strong class="exercise-average">([^<]*)</strong>', text)
    assert averages == [vn((totals["exemplary"] + totals["silent"]) / 2), vn(sum(totals[p] for p in B_PLAYS) / 2)]
    assert f'<span class="val" id="overall">{vn(sum(totals.values()) / 4)}</span>' in text

    cards = [headless_card(play) for play in totals]
    expected = Counter(rule.id for card in cards for rule in card.failures)
    shown = re.findall(r'<tr data-rule="(\w+)">.*?<strong class="count">(\d+)</strong> / 4', text, re.S)
    assert {rule: int(count) for rule, count in shown} == dict(expected)
    assert [int(count) for _, count in shown] == sorted(expected.values(), reverse=True)
    first = re.search(r'<table class="data" id="most-failed">.*?<tr data-rule="(\w+)">(.*?)</tr>', text, re.S)
    title = next(r.title.vi for card in cards for r in card.rules if r.id == first.group(1))
    source = next(r.source.vi for card in cards for r in card.rules if r.id == first.group(1))
    assert title in first.group(2) and html.escape(source) in first.group(2)

    assert client.post(f"/review/courses/{course_id}/exercises/{exercises['B'][0]}/remove").status_code == 302
    with app.app_context():
        assert [e.id for e in db.session.get(Course, course_id).exercises] == [exercises["A"][0]]


def test_a_team_ended_early_is_shown_incomplete_and_kept_out_of_averages_and_rule_counts(app, platform):
    """Issue 13: an instructor's End before the duration marks the team "Chưa hoàn thành" in the exercise and the
    course, with its score, and neither its total nor its failures count (as in the practice history)."""
    exercise_id, teams = platform.exercise(teams=3)
    team_ids = [team_id for team_id, _ in teams]
    with app.app_context():
        play_teams(team_ids, ["exemplary", "silent", "exemplary"], ends=[None, None, 80])
        early = team_scores(db.session.get(Exercise, exercise_id))[2]
        assert early.incomplete and not early.counted and early.review.card.failures
        early_total = early.review.card.total
    counted = (headless_total("exemplary") + headless_total("silent")) / 2
    assert round((2 * counted + early_total) / 3, 1) != round(counted, 1)  # counting it would show

    client = platform.instructor_client()
    text = client.get(f"/review/exercises/{exercise_id}").data.decode()
    assert f"điểm trung bình <strong>{vn(counted)}</strong>" in text
    assert "không tính 1 đội chưa hoàn thành" in text
    row = re.search(rf'<tr data-team="{team_ids[2]}">(.*?)</tr>', text, re.S).group(1)
    assert "Chưa hoàn thành" in row and "T+01:20" in row
    assert f'{vn(early_total)} <small class="not-counted">(không tính' in row
    for team_id in team_ids[:2]:
        assert "Chưa hoàn thành" not in re.search(rf'<tr data-team="{team_id}">(.*?)</tr>', text, re.S).group(1)
    assert re.search(r'<th class="team-col">Đội 3<small class="incomplete">Chưa hoàn thành</small></th>', text)

    course_id = int(client.post("/review/courses", data={"name": "Lớp Q3"}).location.rsplit("/", 1)[1])
    client.post(f"/review/courses/{course_id}/exercises", data={"exercise_id": exercise_id})
    text = client.get(f"/review/courses/{course_id}").data.decode()
    assert re.findall(r'<strong class="exercise-average">([^<]*)</strong>', text) == [vn(counted)]
    assert f'<span class="val" id="overall">{vn(counted)}</span>' in text
    assert "1 chưa hoàn thành, không tính" in text
    expected = Counter(rule.id for play in ("exemplary", "silent") for rule in headless_card(play).failures)
    shown = re.findall(r'<tr data-rule="(\w+)">.*?<strong class="count">(\d+)</strong> / (\d+)', text, re.S)
    assert {rule: int(count) for rule, count, _ in shown} == dict(expected)
    assert {total for _, _, total in shown} == {"2"}


def test_an_instructor_cannot_add_another_instructors_exercise_to_a_course(app, platform, exercises):
    client = platform.instructor_client("minh")
    course_id = int(client.post("/review/courses", data={"name": "Lớp của Minh"}).location.rsplit("/", 1)[1])
    before = len(audits(app))
    assert client.post(f"/review/courses/{course_id}/exercises", data={"exercise_id": exercises["A"][0]}).status_code == 404
    assert len(audits(app)) == before + 1
    with app.app_context():
        assert db.session.query(CourseExercise).filter_by(course_id=course_id).count() == 0


def test_a_course_needs_a_name(platform):
    client = platform.instructor_client()
    page = client.post("/review/courses", data={"name": "   "})
    assert page.status_code == 200 and 'class="field-error"' in page.data.decode()
    assert "Chưa có khóa học nào" in client.get("/review/").data.decode()


def test_the_index_lists_courses_and_exercises_by_progress(app, platform, exercises, course_of_lan):
    platform.exercise()  # never started: not listed
    text = platform.instructor_client().get("/review/").data.decode()
    assert "Lớp của Lan" in text
    finished = re.search(r'<ul class="plain-list" id="exercises-finished">(.*?)</ul>', text, re.S).group(1)
    for name in ("A", "B"):
        assert f'href="/review/exercises/{exercises[name][0]}"' in finished
    assert "1 bài chưa bắt đầu" in text


def test_every_form_of_the_review_pages_carries_its_csrf_token(app, platform, exercises, course_of_lan):
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    client.post(f"/review/exercises/{exercise_id}/report", data=GOOD_PLAN)  # an edited plan: its reset form shows
    app.config["WTF_CSRF_ENABLED"] = True
    pages = {"/review/courses": 3, f"/review/courses/{course_of_lan}": 5, f"/review/exercises/{exercise_id}/report": 4}
    for url, count in pages.items():  # the language switch, the logout form, and the page's own
        forms = re.findall(r'<form method="post".*?</form>', client.get(url).data.decode(), re.S)
        assert len(forms) == count and all('name="csrf_token"' in form for form in forms), url
    assert client.post("/review/courses", data={"name": "Không có mã"}).status_code == 400
    assert audits(app)[-1][1:] == ("POST /review/courses", "CSRF: The CSRF token is missing.")
    token = csrf_token(client.get("/review/courses").data.decode())
    assert client.post("/review/courses", data={"name": "Có mã", "csrf_token": token}).status_code == 302
    with app.app_context():
        assert [c.name for c in db.session.query(Course).order_by(Course.id)] == ["Lớp của Lan", "Có mã"]


# ---- the report and its plan ----------------------------------------------------------------------------------


def plan_rows(page: bytes) -> list[str]:
    body = re.search(r'<tbody id="plan-rows">(.*?)</tbody>', page.decode(), re.S).group(1)
    return re.findall(r'<tr class="plan-row[^"]*">.*?</tr>', body, re.S)


GOOD_PLAN = {
    "issue": ["Chậm trả lời báo chí", "Chưa một đầu mối"],
    "corrective_action": ["Tập huấn trả lời phỏng vấn", "Quy chế phát ngôn"],
    "objective": ["answer_press", "focal_point"],
    "role": ["spokesperson", "Sở Y tế tỉnh"],
    "due": ["2026-12-15", "2027-01-31"],
    "status": ["open", "in_progress"],
}


def test_the_plan_is_edited_saved_and_exported_with_the_report(app, platform, exercises):
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    page = client.get(f"/review/exercises/{exercise_id}/report")
    assert page.status_code == 200
    text = page.data.decode()
    generated = plan_rows(page.data)
    cards = [headless_card(play) for play in ("exemplary", "silent")]
    failed = {rule.id for card in cards for rule in card.failures}
    assert len(generated) == len(failed) and "Kế hoạch tạo tự động" in text
    assert 'data-objective="answer_press"' in text and "Điểm cần cải thiện" in text

    saved = client.post(f"/review/exercises/{exercise_id}/report", data=GOOD_PLAN)
    assert saved.status_code == 302
    page = client.get(f"/review/exercises/{exercise_id}/report")
    rows = plan_rows(page.data)
    assert len(rows) == 2 and "Kế hoạch do giảng viên chỉnh sửa" in page.data.decode()
    assert 'value="Sở Y tế tỉnh"' in rows[1] and '<option value="in_progress" selected>' in rows[1]
    with app.app_context():
        plan = saved_plan(db.session.get(Exercise, exercise_id))
    assert [(item.role, item.due, item.status) for item in plan] == [
        ("spokesperson", "2026-12-15", "open"),
        ("Sở Y tế tỉnh", "2027-01-31", "in_progress"),
    ]
    exported = json.loads(client.get(f"/review/exercises/{exercise_id}/report/json").data)
    assert exported["improvement_plan"] == {"edited": True, "items": [item.as_dict() for item in plan]}

    assert client.post(f"/review/exercises/{exercise_id}/report/reset").status_code == 302
    assert len(plan_rows(client.get(f"/review/exercises/{exercise_id}/report").data)) == len(failed)


def test_a_bad_plan_names_the_row_and_field_and_loses_nothing_saved(app, platform, exercises):
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    client.post(f"/review/exercises/{exercise_id}/report", data=GOOD_PLAN)
    bad = {**GOOD_PLAN, "due": ["2026-12-15", "31/01/2027"], "issue": ["Chậm trả lời báo chí", "Sửa lại <b>"]}
    page = client.post(f"/review/exercises/{exercise_id}/report", data=bad)
    assert page.status_code == 422
    rows = plan_rows(page.data)
    assert "has-errors" not in rows[0] and "has-errors" in rows[1]
    due_cell = re.search(r'<input name="due"[^>]*value="31/01/2027"[^>]*>(.*?)</td>', rows[1], re.S)
    assert due_cell and 'class="invalid"' in due_cell.group(0)
    assert "Dòng 2, cột “Hạn”: “31/01/2027” không phải ngày" in html.unescape(due_cell.group(1))
    client.set_cookie("lang", "en")
    english = html.unescape(client.post(f"/review/exercises/{exercise_id}/report", data=bad).data.decode())
    assert "Row 2, 'Due': '31/01/2027' is not a date such as 2026-10-15" in english
    assert "Sửa lại &lt;b&gt;" in rows[1]  # what was typed comes back, escaped
    assert "Chưa lưu" in page.data.decode()
    with app.app_context():
        plan = saved_plan(db.session.get(Exercise, exercise_id))
    assert [item.due for item in plan] == GOOD_PLAN["due"]  # the plan saved before is kept


EXPORT_CHECKS = {
    "json": lambda data: json.loads(data)["schema_version"] == 1,
    "csv": lambda data: "teams.csv" in zipfile.ZipFile(io.BytesIO(data)).namelist(),
    "pdf": lambda data: len(__import__("pypdf").PdfReader(io.BytesIO(data)).pages) > 0,
    "docx": lambda data: len(__import__("docx").Document(io.BytesIO(data)).paragraphs) > 0,
    "xlsx": lambda data: len(__import__("openpyxl").load_workbook(io.BytesIO(data)).sheetnames) > 0,
}
TYPES = {
    "json": "application/json",
    "csv": "application/zip",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUFFIXES = {"json": "json", "csv": "zip", "pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}


@pytest.mark.parametrize("name", list(EXPORT_CHECKS))
def test_each_export_downloads_a_file_its_library_opens(platform, exercises, name):
    if FORMATS.get(name) is None:
        pytest.skip(f"the {name} export is not written yet")
    exercise_id, _ = exercises["A"]
    response = platform.instructor_client().get(f"/review/exercises/{exercise_id}/report/{name}")
    assert response.status_code == 200
    assert response.mimetype == TYPES[name]
    assert f"filename=bao-cao-dien-tap-{exercise_id}.{SUFFIXES[name]}" in response.headers["Content-Disposition"]
    assert EXPORT_CHECKS[name](response.data)


def _summary_sheet(data: bytes) -> str:
    return __import__("openpyxl").load_workbook(io.BytesIO(data)).sheetnames[0]


def test_an_export_speaks_the_pages_language_unless_the_link_asks_for_the_other(platform, exercises):
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    url = f"/review/exercises/{exercise_id}/report/xlsx"
    assert _summary_sheet(client.get(url).data) == "Tổng hợp"  # a Vietnamese page
    english = client.get(f"{url}?lang=en")
    assert _summary_sheet(english.data) == "Summary"
    assert f"filename=bao-cao-dien-tap-{exercise_id}-en.xlsx" in english.headers["Content-Disposition"]
    page = client.get(f"/review/exercises/{exercise_id}/report").data.decode()
    assert f'href="/review/exercises/{exercise_id}/report/pdf?lang=en"' in page and "Bản tiếng Anh" in page
    assert f'href="/review/exercises/{exercise_id}/report/json?lang=en"' not in page  # the JSON holds both languages
    client.set_cookie("lang", "en")
    assert _summary_sheet(client.get(url).data) == "Summary"  # an English page
    assert _summary_sheet(client.get(f"{url}?lang=vi").data) == "Tổng hợp"
    page = client.get(f"/review/exercises/{exercise_id}").data.decode()
    assert f'href="/review/exercises/{exercise_id}/report/docx?layout=party&amp;lang=vi"' in page
    assert "Vietnamese copy" in page


def test_an_unknown_report_language_is_refused_in_the_pages_language(platform, exercises):
    exercise_id, _ = exercises["A"]
    client = platform.instructor_client()
    refused = client.get(f"/review/exercises/{exercise_id}/report/pdf?lang=fr")
    assert refused.status_code == 400
    assert "Không có ngôn ngữ báo cáo &#39;fr&#39; (các ngôn ngữ: vi, en)" in refused.data.decode()
    client.set_cookie("lang", "en")
    refused = client.get(f"/review/exercises/{exercise_id}/report/csv?lang=fr")
    assert refused.status_code == 400 and "no report language &#39;fr&#39; (languages: vi, en)" in refused.data.decode()


def test_the_json_export_is_the_report_of_every_team(platform, exercises):
    exercise_id, _ = exercises["B"]
    document = json.loads(platform.instructor_client().get(f"/review/exercises/{exercise_id}/report/json").data)
    assert [t["team"] for t in document["teams"]] == ["Đội 1", "Đội 2"]
    assert [t["card"]["total"] for t in document["teams"]] == [headless_total(p) for p in B_PLAYS]
    assert document["improvement_plan"]["edited"] is False


# ---- speed -------------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_pages_of_a_ten_team_exercise_load_in_under_a_second(app, platform):
    exercise_id, teams = platform.exercise(teams=10)
    team_ids = [team_id for team_id, _ in teams]
    with app.app_context():  # the whole 12-hour drill, a refusal too: more than a 3-hour exercise
        play_teams(team_ids, [[*actions_of("exemplary"), REFUSED]] * 5 + ["unverified"] * 5)
    client = platform.instructor_client()
    for url in (
        f"/review/teams/{team_ids[0]}",
        f"/review/teams/{team_ids[0]}/replay",
        f"/review/exercises/{exercise_id}",
        f"/review/exercises/{exercise_id}/report",
    ):
        client.get(url)  # warm: templates compiled
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        assert time.perf_counter() - start < 1.0, url
