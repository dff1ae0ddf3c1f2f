"""Conditions: small boolean expressions over the world's variables, checked, never eval'd."""

from __future__ import annotations

import dataclasses

import pytest

from message_helpers import english
from scenarios.conditions import VARIABLES, Condition, ConditionError, parse_condition

WORLD = dict.fromkeys(VARIABLES, 0.0) | {
    "minute": 90,
    "level": 2,
    "seen": 12000,
    "believers": 800,
    "belief": 0.04,
    "seen_share": 0.06,
    "trust": 0.55,
    "media_pressure": 0.7,
    "statements": 0,
    "unanswered_calls": 1,
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("belief > 0.05", False),
        ("belief > 0.02", True),
        ("belief >= 0.04", True),
        ("belief < 0.04", False),
        ("belief <= 0.04", True),
        ("level == 2", True),
        ("level != 2", False),
        ("belief > 0.05 or media_pressure >= 0.6", True),
        ("belief > 0.05 or media_pressure >= 0.8", False),
        ("minute >= 60 and seen > 10000", True),
        ("minute >= 60 and seen > 20000", False),
        ("not belief > 0.05", True),
        ("not (belief > 0.05 or trust < 0.6)", False),
        ("0.5 < trust < 0.6", True),
        ("0.5 < trust < 0.55", False),  # chained: both comparisons must hold
        ("0.6 < trust < 0.9", False),
        ("1 <= level <= 2 < 3", True),
        ("statements == 0 and (unanswered_calls >= 1 or critical_articles > 0)", True),
        ("-belief < 0", True),
        ("seen > 1e4", True),
        ("  belief > 0.02  ", True),  # surrounding blanks are fine
        ("minute", True),  # a bare variable is truthy when non-zero
        ("statements", False),
    ],
)
def test_valid_conditions_evaluate(source, expected):
    condition = parse_condition(source)
    assert isinstance(condition, Condition) and condition.source == source
    result = condition.holds(WORLD)
    assert result is expected


def test_condition_follows_the_values():
    condition = parse_condition("belief > 0.05 and not unanswered_calls > 0")
    assert not condition.holds(WORLD)
    assert condition.holds(WORLD | {"belief": 0.1, "unanswered_calls": 0})


def test_condition_is_immutable():
    condition = parse_condition("trust < 0.5")
    with pytest.raises(dataclasses.FrozenInstanceError):
        condition.source = "trust > 0.5"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("abs(belief) > 0.1", "'abs(belief)' is not allowed"),
        ("__import__('os').system('true')", "is not allowed"),
        ("belief.real > 0", "'belief.real' is not allowed"),
        ("belief == 'high'", "only numbers may appear as values, not 'high'"),
        ("True", "only numbers may appear as values, not True"),
        ("level == None", "only numbers may appear as values, not None"),
        ("belief + trust > 1", "'belief + trust' is not allowed"),
        ("belief in (0.1, 0.2)", "only the comparisons"),
        ("belief is 0", "only the comparisons"),
        ("[belief][0] > 0", "is not allowed"),
        ("belief if trust else seen", "is not allowed"),
        ("lambda: belief", "is not allowed"),
        ("(x := 1) > 0", "is not allowed"),
        ("views > 100", "unknown variable 'views' (known: minute, level,"),
        ("Belief > 0.1", "unknown variable 'Belief'"),
        ("belief >", "cannot parse condition 'belief >'"),
        ("belief = 1", "cannot parse condition"),
        ("belief > 0.1; import os", "cannot parse condition"),
        ("", "cannot parse condition"),
        ("belief > 0.1\x00", "cannot parse condition"),
        ("not " * 5000 + "belief", "nested too deeply"),
    ],
    ids=lambda value: value if len(value) < 40 else value[:37] + "...",
)
def test_disallowed_conditions_are_rejected(source, message):
    with pytest.raises(ConditionError) as info:
        parse_condition(source)
    assert message in english(info.value.message)
    assert isinstance(info.value, ValueError)


def test_the_numbers_a_variable_is_compared_with():
    condition = parse_condition("level >= 2 and (belief > 0.1 or 3 == level) and 1 < level < 4")
    assert condition.compared_with("level") == {2, 3, 1, 4}
    assert condition.compared_with("belief") == {0.1}
