"""The driver: a world advanced by the clock from wall times the caller gives, inputs stamped as they arrive."""

import json
from pathlib import Path

from scenarios.loader import load_scenario
from sim.driver import Driver
from sim.world import World, play

SCENARIO = load_scenario(Path(__file__).parent / "fixtures" / "minimal.yaml")


def test_ticks_follow_the_clock_and_stop_while_paused():
    driver = Driver(World(SCENARIO), speed=60)  # one scenario hour per real minute
    driver.start(0.0)
    assert driver.tick(6.0) == 6.0
    assert [e["inject"] for e in driver.world.events if e["kind"] == "inject"] == ["post-1"]
    driver.pause(10.0)
    assert driver.tick(500.0) == 10.0


def test_submitted_actions_are_stamped_with_the_scenario_minute():
    driver = Driver(World(SCENARIO), speed=60)
    driver.start(0.0)
    event = driver.submit("info_department", "report_up", {"to": "propaganda_board", "summary": "Tin đồn"}, now=12.5)
    assert event["t"] == 12.5 and driver.inputs[0].at == 12.5


def test_a_live_run_replays_to_the_same_log():
    driver = Driver(World(SCENARIO, seed=5), speed=30)
    driver.start(0.0)
    driver.submit("propaganda_board", "propose_spokesperson", {"speaker": "spokesperson"}, now=20.0)
    driver.set_speed(120, 40.0)
    driver.submit("spokesperson", "answer_press", {"call": "call-1", "refusal": "under_investigation"}, now=70.0)
    driver.tick(10_000.0)
    live = json.dumps(driver.world.events, ensure_ascii=False, sort_keys=True)
    replayed = json.dumps(play(SCENARIO, driver.inputs, seed=5).events, ensure_ascii=False, sort_keys=True)
    assert driver.world.events[-1]["kind"] == "end" and live == replayed


def test_jump_to_the_next_inject():
    driver = Driver(World(SCENARIO), speed=1)
    driver.start(0.0)
    assert driver.jump_to_next_inject(1.0) == 5
    assert driver.jump_to_next_inject(2.0) == 60
    assert any(e.get("inject") == "call-1" for e in driver.world.events) is False  # an input at 60 still comes first
    driver.tick(3.0)
    assert any(e.get("inject") == "call-1" for e in driver.world.events)
