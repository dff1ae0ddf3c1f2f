"""Hostile drill texts end in a clear, line-numbered error, quickly: alias bombs, huge or deep documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from scenarios.loader import MAX_DEPTH, ScenarioInvalid, parse_scenario
from scoring.card import format_t

BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join('*' + chr(97 + i) for _ in range(10))}]\n" for i in range(8))


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(text, "drill.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_an_alias_bomb_is_refused_before_it_expands():
    started = time.process_time()
    (error,) = errors_of(BOMB)
    assert time.process_time() - started < 0.5  # 10^9 nodes if it expanded
    assert error.startswith("drill.yaml:1:") and "aliases" in error


def test_an_alias_is_refused_with_its_line():
    (error,) = errors_of("id: x\ntitle: &t {vi: a}\n")
    assert error.startswith("drill.yaml:2:")


def test_nesting_too_deep_and_a_text_too_large_are_refused():
    (deep,) = errors_of("id: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    assert "nested deeper" in deep
    (large,) = errors_of("id: x\nnotes: " + "a" * 1_000_001 + "\n")
    assert "larger than" in large


@pytest.mark.parametrize("t", [float("inf"), float("-inf"), float("nan"), 1e308])
def test_scenario_time_formats_whatever_number_reaches_it(t):
    assert format_t(t) == "T?"


@pytest.mark.parametrize("written, ruinous", [
    ("population: 200000", "population: 200000\n  sample_every: 0.001"),
    ("population: 200000", "population: 1e18"),
    ("spread_rate: 0.02", "spread_rate: 1e9"),
])
def test_numbers_that_would_make_a_run_ruinous_are_refused_with_their_line(written, ruinous):
    text = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    assert written in text
    changed = text.replace(written, ruinous)
    field = ruinous.split("\n")[-1].strip().split(":")[0]
    line = next(n for n, row in enumerate(changed.splitlines(), 1) if row.strip().startswith(f"{field}:"))
    errors = errors_of(changed)
    assert any(e.startswith(f"drill.yaml:{line}:") and field in e for e in errors), errors


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(data, path, new):
    if not path:
        return new
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replaced(data[head], tuple(rest), new)
    return copy


@pytest.mark.slow
@pytest.mark.parametrize("wrong", [["a", "b"], {"x": 1}])
def test_a_value_of_the_wrong_type_anywhere_is_a_line_numbered_error_not_an_exception(wrong):
    data = yaml.safe_load((Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    for path in list(_paths(data))[1:]:
        text = yaml.safe_dump(_replaced(data, path, wrong), allow_unicode=True)
        try:
            parse_scenario(text, "drill.yaml")
        except ScenarioInvalid as invalid:
            assert all(str(issue).startswith("drill.yaml:") for issue in invalid.issues)
