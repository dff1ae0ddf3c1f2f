"""The one bilingual text (`scenarios.texts.Text`): picked by locale, its JSON form, and its bounds when read from a file."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from message_helpers import english
from scenarios.loader import ScenarioInvalid, parse_scenario
from scenarios.texts import MAX_TEXT, Text

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Press call"),
        ("en-GB", "Press call"),
        ("en_US", "Press call"),
        ("EN", "Press call"),
        ("vi", "Phóng viên gọi"),
        ("fr", "Phóng viên gọi"),
        ("", "Phóng viên gọi"),
        (None, "Phóng viên gọi"),
    ],
)
def test_a_text_is_picked_by_locale_vietnamese_when_unknown(lang, expected):
    assert Text("Phóng viên gọi", "Press call").in_(lang) == expected


@pytest.mark.parametrize("english", [None, ""])
def test_a_text_without_english_gives_its_vietnamese_in_english(english):
    text = Text("Công văn hỏa tốc", english)
    assert text.in_("en") == "Công văn hỏa tốc"
    assert text.complete() == Text("Công văn hỏa tốc", "Công văn hỏa tốc")
    assert Text("a", "b").complete() == Text("a", "b")


def test_the_json_form_is_vi_and_en_and_reads_back():
    assert Text("Họp báo", "Press conference").as_dict() == {"vi": "Họp báo", "en": "Press conference"}
    assert Text("Họp báo").as_dict() == {"vi": "Họp báo", "en": None}  # as events store a text the author left in Vietnamese
    assert Text.from_dict({"vi": "Họp báo", "en": "Press conference"}) == Text("Họp báo", "Press conference")
    assert Text.from_dict({"vi": "Họp báo", "en": None}) == Text("Họp báo", "Họp báo")
    assert Text.from_dict({"en": "Only English"}) == Text("Only English", "Only English")
    assert Text.from_dict(None) == Text.from_dict({}) == Text("", "")


def test_a_text_is_immutable_and_a_value():
    text = Text("a", "b")
    with pytest.raises(FrozenInstanceError):
        text.vi = "c"  # type: ignore[misc]
    assert text == Text("a", "b") and hash(text) == hash(Text("a", "b")) and text != Text("a", "c")


def _issues(replace: str, by: str) -> list[str]:
    text = FIXTURE.read_text(encoding="utf-8")
    assert replace in text
    with pytest.raises(ScenarioInvalid) as error:
        parse_scenario(text.replace(replace, by, 1))
    return [f"{issue.field}: {english(issue.message)}" for issue in error.value.issues]


def test_read_from_a_file_a_text_is_bounded_and_takes_no_other_key():
    scenario = parse_scenario(FIXTURE.read_text(encoding="utf-8"))
    assert isinstance(scenario.title, Text) and isinstance(scenario.roles[0].label, Text)
    title = 'title: {vi: "Tin đồn rò rỉ hóa chất (kiểm thử)", en: "Chemical leak rumour (test)"}'
    assert _issues(title, "title: {vie: x}") == ["title.vie: unknown field 'vie' (did you mean 'vi'?)"]
    assert _issues(title, "title: {vi: ''}") == ["title.vi: String should have at least 1 character"]
    assert _issues(title, f"title: {{vi: {'x' * (MAX_TEXT + 1)}}}") == [
        f"title.vi: String should have at most {MAX_TEXT} characters"
    ]
    assert _issues(title, "title: plain") == ["title: Input should be a valid dictionary"]
