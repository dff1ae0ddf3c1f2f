"""What users read carries no internal ids, with the Flask test client: the console's data names injects by their
titles with the cast filled in and conditions in words; the report shows rule titles, not rule ids, and the plan's
roles by label (and takes a label); pages name the rule set by its title; the roster takes Vietnamese role names.
"""

from __future__ import annotations

import html
import json
import re

from review_helpers import play_teams
from scenarios.condition_words import condition_words
from scenarios.library import builtin_ids
from scoring.rules import RULES
from tests.debrief_helpers import WATER, scenario
from web.extensions import db
from web.models import EventRecord, Exercise
from web.review.plan import saved_plan

ROLE_IDS = ("propaganda_board", "info_department", "standing_committee", "agency_head")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def visible_text(page: bytes) -> str:
    """A page's text as a reader sees it: no scripts, no tags, no attributes."""
    body = re.sub(r"<script.*?</script>|<template.*?</template>", "", page.decode(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def console_data(page: bytes) -> dict:
    found = re.search(r'<script type="application/json" id="console-data">(.*?)</script>', page.decode(), re.S)
    return json.loads(found.group(1))


def test_the_console_names_every_inject_by_its_title_with_the_cast_filled(app, platform):
    client = platform.instructor_client()
    for drill in builtin_ids():
        exercise_id, _ = platform.exercise(teams=1, scenario=drill)
        texts = console_data(client.get(f"/instructor/exercises/{exercise_id}").data)["texts"]
        drill_model = scenario(drill)
        assert set(texts["titles"]) == {i.id for i in drill_model.injects}
        for title in texts["titles"].values():
            assert not PLACEHOLDER.search(title["vi"]), title  # e.g. '{resident}' filled with a name
        placeholders = [i for i in drill_model.injects if PLACEHOLDER.search((i.title or i.question or i.content).vi)]
        if drill == WATER:
            assert placeholders, "the water drill has injects naming its cast"
        for source, words in texts["conditions"].items():
            assert words == condition_words(source).as_dict() and source not in words["vi"]


def test_the_console_fills_the_cast_as_the_trainees_see_it(app, platform):
    exercise_id, (team, *_) = platform.exercise(teams=1)
    with app.app_context():
        play_teams([team[0]], ["exemplary"])
        records = db.session.query(EventRecord).filter_by(team_id=team[0]).all()
        delivered = {r.body["inject"]: r.body for r in records if r.body.get("kind") == "inject"}
    texts = console_data(platform.instructor_client().get(f"/instructor/exercises/{exercise_id}").data)["texts"]
    planned = {i.id for i in scenario(WATER).injects}  # the world also writes articles of its own
    assert planned & set(delivered)
    for inject_id, event in delivered.items():
        if inject_id not in planned:
            continue
        shown = event.get("title") or event.get("question") or event.get("content")
        assert texts["titles"][inject_id] == shown


def test_the_report_shows_rule_titles_and_role_labels_not_ids(app, platform):
    exercise_id, teams = platform.exercise(teams=2)
    with app.app_context():
        play_teams([t for t, _ in teams], ["exemplary", "off_focal_point"])
    client = platform.instructor_client()
    for url in (
        f"/review/exercises/{exercise_id}/report",
        f"/review/exercises/{exercise_id}",
        f"/review/teams/{teams[1][0]}",
    ):
        text = visible_text(client.get(url).data)
        for rule_id in (r for r in RULES if "_" in r):  # 'outcome' is an English word too
            assert rule_id not in text, (url, rule_id)
        for role_id in ROLE_IDS:
            assert role_id not in text, (url, role_id)
        assert "vn-2026" not in text and "Nghị định 244/2026/NĐ-CP" in text, url
        assert "HSEEP" not in text and "AAR" not in text, url
    report = client.get(f"/review/exercises/{exercise_id}/report").data.decode()
    assert 'value="Người phát ngôn UBND tỉnh"' in report  # the generated plan's role, by its label


def test_a_plan_role_written_as_its_label_is_kept_as_the_role(app, platform):
    exercise_id, _ = platform.exercise(teams=1)
    client = platform.instructor_client()
    plan = {
        "issue": ["Chậm trả lời báo chí", "Chưa một đầu mối"],
        "corrective_action": ["Tập huấn trả lời phỏng vấn", "Quy chế phát ngôn"],
        "objective": ["answer_press", "focal_point"],
        "role": ["người phát ngôn  UBND tỉnh", "Sở Y tế tỉnh"],
        "due": ["2026-12-15", "2027-01-31"],
        "status": ["open", "in_progress"],
    }
    assert client.post(f"/review/exercises/{exercise_id}/report", data=plan).status_code == 302
    with app.app_context():
        assert [i.role for i in saved_plan(db.session.get(Exercise, exercise_id))] == ["spokesperson", "Sở Y tế tỉnh"]
    bad = client.post(f"/review/exercises/{exercise_id}/report", data={**plan, "role": ["spokesperzon", "Sở Y tế"]})
    assert bad.status_code == 422 and "chọn một vai (Người phát ngôn UBND tỉnh" in html.unescape(bad.data.decode())


def test_the_roster_takes_vietnamese_role_names(app, platform):
    client = platform.instructor_client()
    dashboard = client.get("/instructor/").data.decode()
    example = re.search(r'<textarea id="roster"[^>]*>(.*?)</textarea>', dashboard, re.S).group(1)
    assert not any(role in example for role in (*ROLE_IDS, "spokesperson")) and "Người phát ngôn: " in example
    for drill, department in (("nuoc-may-nhiem-doc", "Sở VHTTDL"), ("tin-gia-lanh-dao", "sở tt&tt")):
        roster = (
            f"Đội A\nNgười phát ngôn: Nguyễn Văn An\nBan Tuyên giáo: Trần Thị Bình\n{department}: Lê Văn Cường\n"
            "\nĐội B\ninfo_department: Phạm Thị Dung\n"
        )
        response = client.post(
            "/instructor/", data={"scenario": drill, "seed": "1", "speed": "60", "roster": html.unescape(roster)}
        )
        assert response.status_code == 302, response.data.decode()
        with app.app_context():
            exercise = db.session.query(Exercise).order_by(Exercise.id.desc()).first()
            roles = {m.name: m.role for team in exercise.teams for m in team.members}
        assert roles == {
            "Nguyễn Văn An": "spokesperson",
            "Trần Thị Bình": "propaganda_board",
            "Lê Văn Cường": "info_department",
            "Phạm Thị Dung": "info_department",
        }
    unknown = client.post(
        "/instructor/", data={"scenario": WATER, "seed": "1", "speed": "60", "roster": "Đội A\nPhóng viên: Nguyễn Văn An\n"}
    )
    assert "không có vai &#39;Phóng viên&#39;" in unknown.data.decode() or "Phóng viên" in unknown.data.decode()
