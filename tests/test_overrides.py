"""An instructor's override of a rule's automatic verdict (scoring/overrides.py): the automatic verdict kept beside
it, the total computed again with it, a reason required."""

from __future__ import annotations

import pytest

from message_helpers import english
from scoring import score
from scoring.overrides import Override, OverrideError, overridden
from scoring_helpers import minimal, silent


def test_an_override_replaces_the_verdict_keeps_the_automatic_one_and_moves_the_total():
    card = score(minimal(), silent().events)
    failed = next(r for r in card.rules if r.status == "not_met" and not r.bonus)
    new = overridden(card, {failed.id: Override("met", "Đã gửi báo cáo qua điện thoại, không có trong nhật ký.", "Lan")})
    rule = new.result(failed.id)
    assert (rule.status, rule.passed, rule.points) == ("met", True, rule.max_points)
    assert (rule.override.automatic_status, rule.override.automatic_points) == ("not_met", failed.points)
    assert rule.override.by == "Lan" and "điện thoại" in rule.override.reason
    assert new.total == pytest.approx(card.total + 100 * (rule.max_points - failed.points) / card.due_points, abs=0.1)
    assert new.overridden and not card.overridden
    assert new.as_dict()["rules"][[r.id for r in new.rules].index(failed.id)]["override"]["verdict"] == "met"


def test_a_met_rule_overridden_as_not_met_earns_nothing():
    card = score(minimal(), silent().events)
    met = next(r for r in card.rules if r.status == "met" and not r.bonus)
    new = overridden(card, {met.id: Override("not_met", "Thông tin sai.", "Lan")})
    assert new.result(met.id).points == 0 and not new.result(met.id).passed and new.total < card.total


@pytest.mark.parametrize("verdict,reason", [("met", ""), ("met", "   "), ("maybe", "lý do"), ("met", "x" * 2001)])
def test_an_override_needs_a_verdict_and_a_written_reason(verdict, reason):
    with pytest.raises(OverrideError) as caught:
        Override(verdict, reason, "Lan")
    assert english(caught.value.message) != caught.value.message.text()  # Vietnamese, with its English


def test_an_override_of_a_rule_the_card_lacks_changes_nothing():
    card = score(minimal(), silent().events)
    assert overridden(card, {"no-such-rule": Override("met", "lý do", "Lan")}) == card
