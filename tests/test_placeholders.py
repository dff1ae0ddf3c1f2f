"""Texts are data: placeholders are filled by `scenarios.placeholders.fill`, never by `str.format`.

A brace in a trainee's answer, an instructor's inject or an author's level name
once raised in the ticker (and again at every restart); a format spec made
megabyte articles; an attribute path leaked Python internals.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.loader import load_scenario
from scenarios.placeholders import escape, fill
from scenarios.texts import Text
from scenarios.actions import Action
from sim.world import World, play

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
HOSTILE = [
    "Chúng tôi {đang kiểm tra",
    "{resident:>1000000}",
    "{journalist.__class__.__mro__[1].__subclasses__}",
    "}{",
    "{0}",
    "{journalist!r}",
    "{{journalist}}",
    "{",
    "}",
]


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(FIXTURE)


def test_fill_replaces_known_names_and_leaves_every_other_brace():
    values = {"chair": "Nguyễn Văn An"}
    assert fill("Ông {chair} phát biểu", values) == "Ông Nguyễn Văn An phát biểu"
    assert fill("{other} và {chair", values) == "{other} và {chair"
    assert fill("{chair:>30}{chair.__class__}{chair!r}", values) == "{chair:>30}{chair.__class__}{chair!r}"
    assert fill("{{chair}} = {chair}", values) == "{chair} = Nguyễn Văn An"


def test_fill_does_not_scan_the_values_it_put_in():
    assert fill("{a}", {"a": "{b}", "b": "x"}) == "{b}"


@given(
    st.text(alphabet=st.sampled_from("{}abc_:!.0 ")), st.dictionaries(st.sampled_from(["a", "b", "c_"]), st.text(max_size=5))
)
def test_fill_never_raises_and_escape_is_undone_by_fill(text, values):
    assert fill(escape(text), values) == text
    filled = fill(text, values)
    assert len(filled) <= len(text) + len(text) * max((len(v) for v in values.values()), default=0)


@pytest.mark.parametrize("text", HOSTILE)
def test_an_answer_with_braces_is_quoted_as_written(scenario, text):
    world = play(
        scenario, [Action(at=70, role="spokesperson", type="answer_press", params={"call": "call-1", "text": text})]
    )
    (article,) = [e for e in world.events if e["kind"] == "inject" and e["inject"] == "call-1-report"]
    assert f"“{text}”" in article["content"]["vi"] and f"“{text}”" in article["content"]["en"]
    assert world.events[-1]["kind"] == "end"


@pytest.mark.parametrize("text", HOSTILE)
def test_an_instructors_inject_with_braces_is_delivered_as_written(scenario, text):
    world = World(scenario, seed=1)
    world.advance_to(30)
    world.custom_inject("press_call", Text(vi=text), ["spokesperson"], Text(vi=f"Báo {text}"))
    (inject,) = [e for e in world.events if e["kind"] == "inject" and e["origin"] == "instructor"]
    assert inject["content"]["vi"] == text.replace("{{", "{").replace("}}", "}")
    world.finish()  # its unanswered call's follow-up article quotes it too
    (followup,) = [e for e in world.events if e["kind"] == "inject" and e["inject"] == f"{inject['inject']}-followup"]
    assert "“" in followup["content"]["vi"]


def test_a_level_name_with_braces_escalates_as_written(scenario):
    levels = [lv.model_copy(update={"name": Text(vi="Cấp {x} – {", en="Level {0}")}) for lv in scenario.levels]
    world = play(scenario.model_copy(update={"levels": tuple(levels)}), [])
    names = [e["name"]["vi"] for e in world.events if e["kind"] == "escalation"]
    assert names and all(name == "Cấp {x} – {" for name in names)


def test_a_bilingual_text_is_filled_with_each_languages_values():
    from scenarios.placeholders import escape_text, fill_text

    template = Text("Đề nghị {agency} xác minh ({n} lần).", "Ask {agency} to verify ({n} times).")
    assert fill_text(template, {"agency": Text("Sở Y tế", "the health department"), "n": "2"}) == Text(
        "Đề nghị Sở Y tế xác minh (2 lần).", "Ask the health department to verify (2 times)."
    )
    assert fill_text(template, {"agency": Text("Công an {tỉnh}")}).en == "Ask Công an {tỉnh} to verify ({n} times)."
    assert fill_text(Text("Chỉ {x}"), {"x": Text("một", "one")}) == Text("Chỉ một")  # no English stays without
    assert escape_text(Text("{a}", "{b}")) == Text("{{a}}", "{{b}}") and escape_text(Text("{a}")) == Text("{{a}}")
