"""The scenario clock: wall seconds in (given by the caller), scenario minutes out."""

import pytest

from sim.clock import ScenarioClock


def test_a_new_clock_stands_still_until_started():
    clock = ScenarioClock(speed=10)
    assert clock.minute(1000.0) == 0 and not clock.running


def test_speed_is_scenario_minutes_per_real_minute():
    clock = ScenarioClock(speed=10)
    clock.start(100.0)
    assert clock.minute(160.0) == pytest.approx(10)


def test_pause_freezes_and_resume_continues():
    clock = ScenarioClock(speed=2)
    clock.start(0.0)
    clock.pause(60.0)
    assert clock.minute(600.0) == pytest.approx(2)
    clock.resume(600.0)
    assert clock.minute(630.0) == pytest.approx(3)


def test_a_speed_change_applies_from_that_moment():
    clock = ScenarioClock(speed=1)
    clock.start(0.0)
    clock.set_speed(60, 60.0)
    assert clock.minute(61.0) == pytest.approx(2)
    with pytest.raises(ValueError):
        clock.set_speed(0, 61.0)


def test_jumping_moves_forward_only():
    clock = ScenarioClock(speed=1)
    clock.start(0.0)
    clock.jump_to(90, 60.0)
    assert clock.minute(120.0) == pytest.approx(91)
    with pytest.raises(ValueError):
        clock.jump_to(10, 120.0)
