"""The replay's score so far carries the instructor's verdict overrides (web/review/replay.py): from the event at
which the automatic scoring judges the overridden rule, and every override at the log's last event, so that the
replay ends on the review's total."""

from __future__ import annotations

from dataclasses import replace

from debrief import review
from scoring import score
from scoring.overrides import Override, overridden
from tests.debrief_helpers import team_run
from web.review.replay import replay_events


def scores(run) -> list[tuple[int, float | None, float]]:
    """For each event that is not an opinion sample: its number in the log, the replay's score, the automatic score."""
    shown = replay_events(run, review(run))
    return [
        (number, item["score"], score(run.scenario, run.events[:number]).total)
        for number, item in enumerate(shown, start=1)
        if item["kind"] != "opinion"
    ]


def test_an_override_of_a_rule_judged_from_the_start_counts_from_the_start_and_ends_on_the_reviews_total():
    override = {"verified_facts_only": Override("met", "Số liệu đã được Sở Y tế xác nhận qua điện thoại.", "Lan")}
    run = replace(team_run(play="unverified"), overrides=override)
    shown = scores(run)
    for number, replayed, _ in shown:
        assert replayed == overridden(score(run.scenario, run.events[:number]), override).total
    assert any(replayed > automatic for _, replayed, automatic in shown)  # the automatic verdict was not met
    assert shown[-1][1] == review(run).card.total == 82.5


def test_an_override_of_a_deadline_counts_once_the_deadline_is_judged():
    override = {"initial_information": Override("not_met", "Thông tin ban đầu không đúng mẫu.", "Lan")}
    run = replace(team_run(play="unverified"), overrides=override)
    judged = next(
        n for n in range(1, len(run.events) + 1) if score(run.scenario, run.events[:n]).result("initial_information").due
    )
    shown = scores(run)
    assert 1 < judged < len(run.events)
    assert all(replayed == automatic for number, replayed, automatic in shown if number < judged)
    assert all(replayed < automatic for number, replayed, automatic in shown if number >= judged)
    assert shown[-1][1] == review(run).card.total


def test_an_override_of_a_rule_never_due_counts_at_the_end_as_on_the_review():
    override = {"initial_information": Override("met", "Đã thông tin trên cổng điện tử lúc 9 giờ.", "Lan")}
    run = replace(team_run(play="silent"), overrides=override)
    assert not score(run.scenario, run.events).result("initial_information").due  # the 24 h run past the 12 h drill
    shown = scores(run)
    assert all(replayed == automatic for _, replayed, automatic in shown[:-1])
    assert shown[-1][1] == review(run).card.total > shown[-1][2]
