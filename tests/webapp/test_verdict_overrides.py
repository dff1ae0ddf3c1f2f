"""The instructor overrides a rule's automatic verdict on a team's card from its review, with a written reason: kept,
shown beside the automatic verdict, used by the score (which says so) and in every export, with who and why. Nobody
else may (refused and logged); a missing reason is explained and changes nothing.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from review_helpers import json_block, one_team_played
from security_helpers import audits, count, csrf_token
from web.extensions import db
from web.models import Team
from web.models.debrief import VerdictOverride
from web.review.overrides import REMOVED, SAVED
from web.runs import team_run
from debrief import review

REASON = "Đội đã trả lời báo qua điện thoại, ngoài nền tảng; có biên bản kèm theo."


@pytest.fixture
def lesson(app, platform) -> tuple[int, int]:
    """Lan's exercise of one team that played the water drill silently to its end: (exercise id, team id)."""
    return one_team_played(app, platform, "silent")


def failed_rule(app, team_id: int) -> tuple[str, float]:
    with app.app_context():
        card = review(team_run(db.session.get(Team, team_id))).card
        rule = next(r for r in card.rules if r.status == "not_met" and not r.bonus)
        return rule.id, card.total


def total(app, team_id: int) -> float:
    with app.app_context():
        return review(team_run(db.session.get(Team, team_id))).card.total


def post(client, team_id: int, rule_id: str, suffix: str = "", **form):
    token = csrf_token(client.get(f"/review/teams/{team_id}").get_data(as_text=True))
    return client.post(
        f"/review/teams/{team_id}/rules/{rule_id}/override{suffix}",
        data={"csrf_token": token, **form},
        follow_redirects=True,
    )


def test_the_override_is_kept_shown_beside_the_automatic_verdict_and_moves_the_score(app, platform, lesson):
    _exercise_id, team_id = lesson
    rule_id, before = failed_rule(app, team_id)
    lan = platform.instructor_client()
    page = post(lan, team_id, rule_id, verdict="met", reason=f"  {REASON}  ").get_data(as_text=True)
    assert SAVED.split(" / ")[0] in page
    assert "Kết luận tự động" in page and "Giảng viên điều chỉnh" in page and REASON in page
    assert "Có kết luận điều chỉnh của giảng viên" in page
    after = total(app, team_id)
    assert after > before
    assert f"{after:g}".replace(".", ",") in page or f"{after:g}" in page
    replayed = json_block(lan.get(f"/review/teams/{team_id}/replay").data, "replay-data")["events"]
    assert replayed[-1]["score"] == after  # the replay's score so far ends on the review's, override included
    with app.app_context():
        row = db.session.query(VerdictOverride).one()
        assert (row.rule_id, row.verdict, row.reason) == (rule_id, "met", REASON)
    page = post(lan, team_id, rule_id, verdict="not_met", reason="Xét lại: chưa đủ minh chứng.").get_data(as_text=True)
    assert count(app, VerdictOverride) == 1 and "Xét lại: chưa đủ minh chứng." in page  # replaced, not added
    assert total(app, team_id) == before
    page = post(lan, team_id, rule_id, "/delete").get_data(as_text=True)
    assert REMOVED.split(" / ")[0] in page and count(app, VerdictOverride) == 0 and "Kết luận tự động" not in page


@pytest.mark.parametrize(
    "form,error",
    [
        ({"verdict": "met", "reason": "   "}, "Cần ghi rõ lý do điều chỉnh."),
        ({"verdict": "met"}, "Cần ghi rõ lý do điều chỉnh."),
        ({"verdict": "tốt", "reason": "lý do"}, "Kết luận phải là"),
    ],
)
def test_a_verdict_without_a_reason_or_a_bad_verdict_is_explained_and_changes_nothing(app, platform, lesson, form, error):
    _, team_id = lesson
    rule_id, _ = failed_rule(app, team_id)
    page = post(platform.instructor_client(), team_id, rule_id, **form).get_data(as_text=True)
    assert error in page and count(app, VerdictOverride) == 0


def test_nobody_but_the_exercises_instructor_may_override_and_each_try_is_logged(app, platform, lesson):
    _, team_id = lesson
    rule_id, _ = failed_rule(app, team_id)
    minh = platform.instructor_client("minh")
    token = csrf_token(minh.get("/instructor/").get_data(as_text=True))
    answer = minh.post(
        f"/review/teams/{team_id}/rules/{rule_id}/override", data={"csrf_token": token, "verdict": "met", "reason": REASON}
    )
    assert answer.status_code == 404
    anonymous = app.test_client().post(f"/review/teams/{team_id}/rules/{rule_id}/override", data={"verdict": "met"})
    assert anonymous.status_code in (302, 400)
    lan = platform.instructor_client()
    assert post(lan, team_id, "no-such-rule", verdict="met", reason=REASON).status_code == 404
    assert count(app, VerdictOverride) == 0
    reasons = [reason for _, _, reason in audits(app)]
    assert "not a team of the instructor's exercise" in reasons and "no such rule on the card" in reasons


def test_every_export_carries_the_override_with_who_and_why(app, platform, lesson):
    exercise_id, team_id = lesson
    rule_id, _ = failed_rule(app, team_id)
    lan = platform.instructor_client()
    post(lan, team_id, rule_id, verdict="met", reason=REASON)
    archive = zipfile.ZipFile(io.BytesIO(lan.get(f"/review/exercises/{exercise_id}/report/csv").data))
    name = next(n for n in archive.namelist() if "rules" in n)
    rows = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["rule_id"] == rule_id]
    assert (row["override_verdict"], row["override_by"], row["override_reason"]) == ("met", "Lan", REASON)
    assert row["automatic_passed"] == "false" and row["passed"] == "true"
    report = lan.get(f"/review/exercises/{exercise_id}/report/json").get_json()
    (card_rule,) = [r for r in report["teams"][0]["card"]["rules"] if r["id"] == rule_id]
    assert card_rule["override"]["by"] == "Lan" and report["teams"][0]["card"]["overridden"] is True
    for name in ("pdf", "docx", "xlsx"):
        assert lan.get(f"/review/exercises/{exercise_id}/report/{name}").status_code == 200, name
