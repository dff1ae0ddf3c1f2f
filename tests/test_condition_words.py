"""A drill's conditions in words (scenarios/condition_words.py): every condition of every built-in drill reads
as Vietnamese and English words with no variable name left, and what cannot be put in words is shown as written."""

from __future__ import annotations

import pytest

from scenarios.conditions import VARIABLES
from scenarios.condition_words import COUNTS, MEASURES, condition_words
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario


def test_the_reviewers_example():
    words = condition_words("statements >= 1 and minute >= 120")
    assert words.vi == "đã có ít nhất 1 phát ngôn và từ phút 120 (T+02:00)"
    assert words.en == "at least 1 official statement and from minute 120 (T+02:00)"


@pytest.mark.parametrize(
    "source, vi",
    [
        (
            "(belief > 0.05 or media_pressure >= 0.8) and minute >= 480",
            "(tỷ lệ dân số tin tin đồn trên 5,0% hoặc sức ép của báo chí từ 80,0%) và từ phút 480 (T+08:00)",
        ),
        ("statements == 0 and minute >= 200", "chưa có phát ngôn chính thức nào và từ phút 200 (T+03:20)"),
        ("seen > 20000 and trust < 0.5", "hơn 20.000 người đã thấy tin đồn và niềm tin vào chính quyền dưới 50,0%"),
        ("60 <= minute", "từ phút 60 (T+01:00)"),
        ("level >= 2", "cấp độ khủng hoảng từ 2"),
        ("not unanswered_calls >= 1", "không phải (ít nhất 1 yêu cầu của báo chí quá hạn chưa được trả lời)"),
    ],
)
def test_conditions_in_words(source, vi):
    assert condition_words(source).vi == vi


@pytest.mark.parametrize("source", ["1 < minute < 5", "seen > believers", "belief >", "seen > 1e999", "minute >= x"])
def test_what_has_no_reading_is_shown_as_written(source):
    assert condition_words(source).vi == condition_words(source).en == source


def test_every_variable_has_words():
    assert set(VARIABLES) == set(COUNTS) | set(MEASURES) | {"minute"}


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_every_condition_of_the_built_in_drills_reads_in_words(scenario_id):
    scenario = load_scenario(scenario_path(scenario_id))
    sources = [s for s in [*(lv.escalate_when for lv in scenario.levels), *(i.when for i in scenario.injects)] if s]
    for source in sources:
        words = condition_words(source)
        for variable in VARIABLES:
            assert variable not in words.vi.split(), (source, words.vi)
        assert ">" not in words.vi + words.en and "<" not in words.vi + words.en and "==" not in words.vi, words
