"""The After-Action Report (`debrief.aar`): objectives and HSEEP ratings, strengths, areas, the improvement plan."""

from __future__ import annotations

import datetime

import pytest

from message_helpers import english_text
from debrief import PlanError, after_action_report, review
from debrief.objectives import GUIDANCE, OBJECTIVES, rate, rating
from debrief.plan import PLAN_STATUSES, ImprovementItem, check_plan
from scoring import load_rule_set, rule_set_ids
from tests.debrief_helpers import DAY, SCHOOL, TRAINEES, WATER, meta, scenario, team_run

PROCEDURE_ROLES = {"spokesperson", "propaganda_board", "info_department"}


@pytest.fixture(scope="module")
def reviews():
    return [review(team_run(WATER, play)) for play in ("exemplary", "silent", "unverified")]


@pytest.fixture(scope="module")
def report(reviews):
    return after_action_report(meta(WATER), reviews)


def test_every_rule_of_every_packaged_rule_set_measures_one_objective():
    assert 4 <= len(OBJECTIVES) <= 6
    for rule_set in rule_set_ids():
        assert {e.id for e in load_rule_set(rule_set).entries} <= set(GUIDANCE), rule_set
    assert {g.objective for g in GUIDANCE.values()} == {o.id for o in OBJECTIVES}
    assert {g.role for g in GUIDANCE.values()} <= PROCEDURE_ROLES
    assert all(o.rules and o.name.vi and o.name.en for o in OBJECTIVES)


@pytest.mark.parametrize(
    "share, expected", [(1.0, "P"), (0.999, "S"), (0.6, "S"), (0.599, "M"), (0.25, "M"), (0.249, "U"), (0.0, "U")]
)
def test_rating_thresholds(share, expected):
    assert rating(share) == expected


def test_ratings_come_from_the_points_of_the_objectives_legal_rules(report, reviews):
    by_team = {r.team: r for r in reviews}
    for assessment in report.objectives:
        assert [r.team for r in assessment.ratings] == list(by_team)
        for team_rating in assessment.ratings:
            card = by_team[team_rating.team].card
            legal = [card.result(rule) for rule in assessment.objective.rules if not card.result(rule).bonus]
            assert team_rating.points == sum(r.points for r in legal)
            assert team_rating.max_points == sum(r.max_points for r in legal)
            assert team_rating.rating == rating(team_rating.points / team_rating.max_points)
    ratings = {o.objective.id: [r.rating for r in o.ratings] for o in report.objectives}
    assert all(codes[0] == "P" and codes[1] == "U" for codes in ratings.values())  # exemplary, silent
    assert ratings["verify"][2] == "U"  # unverified: repeating the rumour fails verified_facts_only outright


def test_a_bonus_rule_never_moves_a_rating():
    exemplary = review(team_run(WATER, "exemplary")).card
    assert exemplary.result("cerc_first_message").bonus
    assert (
        rate("focal_point", "Đội", exemplary).max_points == 37
    )  # 9 + 13 + 13 + 2 (press_conference_notice), without the bonus's 5


def test_strengths_are_rules_met_in_full_with_their_evidence(report, reviews):
    exemplary = reviews[0]
    for result in exemplary.card.rules:
        strength = next(s for s in report.strengths if s.rule_id == result.id)
        finding = next(t for t in strength.teams if t.team == exemplary.team)
        assert finding.evidence == result.evidence and finding.explanation == result.explanation
    assert not any(t.team == reviews[1].team for s in report.strengths for t in s.teams)  # silent met nothing


def test_areas_for_improvement_are_the_failed_rules_with_source_analysis_and_recommendation(report, reviews):
    silent, unverified = reviews[1], reviews[2]
    assert [a.rule_id for a in report.areas_for_improvement] == [r.id for r in silent.card.failures]
    rule_set = load_rule_set("vn-2026")
    for area in report.areas_for_improvement:
        entry = next(e for e in rule_set.entries if e.id == area.rule_id)
        assert area.source == entry.source and area.title == entry.rule.title
        assert area.recommendation.vi and area.recommendation.en and area.role in PROCEDURE_ROLES
        assert area.objective == GUIDANCE[area.rule_id].objective and not area.bonus
    verified = next(a for a in report.areas_for_improvement if a.rule_id == "verified_facts_only")
    assert [t.team for t in verified.teams] == [silent.team, unverified.team]
    assert verified.teams[1].explanation == unverified.card.result("verified_facts_only").explanation
    assert "Nghị định 244/2026/NĐ-CP" in verified.source.vi


def test_the_default_plan_has_a_row_per_area_due_thirty_days_on(report):
    assert not report.plan_edited
    assert len(report.plan) == len(report.areas_for_improvement)
    for item, area in zip(report.plan, report.areas_for_improvement, strict=True):
        assert area.title.vi in item.issue and area.title.en in item.issue
        assert area.recommendation.vi in item.corrective_action
        assert (item.objective, item.role, item.status) == (area.objective, area.role, "open")
        assert item.due == (DAY + datetime.timedelta(days=30)).isoformat() == "2026-10-15"
    assert "Đội silent" in report.plan[0].issue


def test_the_overview_names_the_exercise_scenario_rule_set_and_participants(report):
    overview = report.overview
    assert (overview.exercise_id, overview.date, overview.instructor) == (7, "2026-09-15", "Phạm Thị Dung")
    assert (overview.scenario, overview.level, overview.rule_set) == (WATER, 1, "vn-2026")
    assert overview.crisis_type == "pollution" and overview.crisis_type_label.vi == "Ô nhiễm môi trường"
    assert overview.rule_set_title.vi.startswith("Luật Báo chí 2025")
    team = overview.teams[0]
    assert [(p.name, p.role) for p in team.participants] == [(n, r) for r, n in TRAINEES.items()]
    assert team.participants[0].role_label.vi == "Người phát ngôn UBND tỉnh"


def test_an_edited_plan_replaces_the_generated_one(reviews):
    rows = [
        {
            "issue": "Chậm thông tin ban đầu",
            "corrective_action": "Soạn mẫu thông cáo",
            "objective": "focal_point",
            "role": "spokesperson",
            "due": "2026-11-01",
            "status": "in_progress",
        },
        ImprovementItem("Tập huấn", "Mở lớp tập huấn quý IV", "outcome", "Sở Y tế tỉnh", "2026-12-01"),
    ]
    report = after_action_report(meta(WATER), reviews, plan=rows)
    assert report.plan_edited
    assert report.plan == (ImprovementItem(**rows[0]), rows[1])


def test_an_edited_plan_with_errors_names_each_row_and_field():
    rows = [
        {"issue": "Ổn", "corrective_action": "Ổn", "objective": "verify", "role": "spokesperson", "due": "2026-11-01"},
        {
            "issue": "Sai ngày",
            "corrective_action": "Sửa",
            "objective": "verify",
            "role": "spokesperson",
            "due": "2026-02-30",
        },
        {
            "issue": "  ",
            "corrective_action": "Sửa",
            "objective": "speed",
            "role": "spokesman",
            "due": "mai",
            "status": "later",
            "owner": "An",
        },
    ]
    with pytest.raises(PlanError) as caught:
        check_plan(rows, scenario(WATER))
    problems = caught.value.problems
    assert not any(p.row == 1 for p in problems)
    assert any(str(p).startswith("Dòng 2, cột “Hạn”: “2026-02-30” không phải ngày") for p in problems)
    assert any(p.render(english_text, "en").startswith("Row 2, 'Due': '2026-02-30' is not a date") for p in problems)
    assert {p.field for p in problems if p.row == 3} == {"issue", "objective", "role", "due", "status", "owner"}
    assert any("“spokesman” không phải vai của kịch bản" in p.message.text() for p in problems)


def test_a_plan_must_be_a_list_of_rows():
    with pytest.raises(PlanError, match="kế hoạch phải là một danh sách dòng"):
        check_plan({"issue": "x"}, scenario(WATER))
    with pytest.raises(PlanError, match="Dòng 1: phải là một đối tượng"):
        check_plan(["x"], scenario(WATER))
    assert set(PLAN_STATUSES) == {"open", "in_progress", "done"}


def test_a_review_of_another_scenario_is_refused():
    with pytest.raises(ValueError, match="not the exercise's 'nuoc-may-nhiem-doc'"):
        after_action_report(meta(WATER), [review(team_run(SCHOOL, "silent"))])


def test_objectives_name_the_board_of_the_drills_rule_set():
    from debrief.objectives import objectives_for

    for rule_set, board in (
        ("vn-2021", "qua Ban Tuyên giáo Tỉnh ủy,"),
        ("vn-2026", "qua Ban Tuyên giáo và Dân vận Tỉnh ủy,"),
    ):
        objectives = objectives_for(rule_set)
        assert board in objectives[0].description.vi
        assert "standing members" in objectives[0].description.en
        assert not any("{" in o.description.vi + o.description.en for o in objectives)
