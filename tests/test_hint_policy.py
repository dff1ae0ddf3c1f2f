"""The hints of self-practice (sim.bot_policy.next_expected) give the reasons of sim/hint_texts.py: over a whole
exemplary run of every built-in drill, no reason names an inject or an agency by id, and the reasons of step 1
name the bodies of the drill's rule set."""

from __future__ import annotations

import pytest

from scenarios.bodies import bodies
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from sim.bot_policy import next_expected
from sim.bots import Bot, play_with_bots


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_hint_reasons_name_things_in_words(scenario_id):
    scenario = load_scenario(scenario_path(scenario_id))
    events = play_with_bots(scenario, [Bot("exemplary", scenario)], seed=0).events
    ids = {i.id for i in scenario.injects} | {f.source for f in scenario.facts}
    reasons = []
    for cut in range(0, len(events), max(1, len(events) // 40)):
        for role in scenario.trainee_roles:
            reasons += [i.reason for i in next_expected(scenario, events[:cut], role)]
    assert reasons
    for reason in reasons:
        words = set(reason.vi.replace("(", " ").replace(")", " ").replace(":", " ").split())
        assert not words & ids, (reason.vi, words & ids)
    for reason in (r for r in reasons if "(bước 1," in r.vi):
        assert bodies(scenario.rule_set).board.vi in reason.vi and "Thường trực Tỉnh ủy qua" in reason.vi
