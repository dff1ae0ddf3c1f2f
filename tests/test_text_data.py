"""The simulation's constant texts are data (sim/replies.yaml, sim/hints.yaml, sim/bot_texts.yaml), read once and
checked: a text missing fails at load."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from scenarios.texts import Text
from sim.bot_texts import WORDS, BotWords
from sim.hint_texts import HINTS
from sim.replies import REPLIES, Replies
from sim.text_data import DATA_DIR, TextDataError, load_texts

VIETNAMESE = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
REPLY_PLACEHOLDERS = {
    "directive": {"board"},
    "assigned": {"head", "speaker", "board", "basis"},
    "followup": {"question"},
    "report": {"answer"},
    "monitoring": {"seen", "belief_pct", "media_pressure"},
}
HINT_PLACEHOLDERS = {
    "quoted": {"name"},
    "report_to_board": {"standing", "board"},
    "report_to_standing": {"standing"},
    "assign_verification": {"agency"},
    "verify": {"agency"},
    "decree_articles": {"articles", "decree"},
    "propose_spokesperson": {"law"},
    "assign_spokesperson": {"law"},
    "initial_information": {"since"},
    "answer_press": {"item"},
    "takedown": {"item"},
    "refer_police": {"item"},
    "correction": {"item"},
    "report_results": {"standing"},
    "contact_admin": {"item"},
    "request_site_removal": {"item"},
}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(texts: BaseModel, prefix: str = "") -> list[tuple[str, Text]]:
    """Every text of a model, by its key (a nested model's as `key.inner`)."""
    found = []
    for key, value in texts:
        found += [(prefix + key, value)] if isinstance(value, Text) else _texts(value, f"{prefix}{key}.")
    return found


@pytest.mark.parametrize(
    "name, texts, placeholders", [("replies", REPLIES, REPLY_PLACEHOLDERS), ("hints", HINTS, HINT_PLACEHOLDERS)]
)
def test_every_text_is_read_in_vietnamese_with_diacritics_and_english(name, texts, placeholders):
    assert set(type(texts).model_fields) == set(yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8")))
    for key, text in _texts(texts):
        assert VIETNAMESE & set(text.vi.lower()) or key == "quoted", key
        assert text.en and (text.en != text.vi or key == "quoted"), key
        assert "  " not in text.vi + text.en and "\n" not in text.vi + text.en, key  # a folded line reads as one space
        assert _placeholders(text.vi) == _placeholders(text.en) == placeholders.get(key, set()), key


BOT_PLACEHOLDERS = {
    "initial_opening": {"speaker"},
    "update_opening": {"speaker"},
    "quick_opening": {"speaker"},
    "answer_opening": {"sender"},
    "fact_confirmed": {"keyword"},
    "message_notice": {"keyword"},
    "correction_to": {"sender"},
    "correction_verified": {"grounds"},
    "correction_request": {"law"},
    "flag_note": {"sender", "level"},
    "report_summary": {"reporter", "sender"},
    "press_guidance": {"speaker"},
    "takedown_note": {"sender"},
    "police_note": {"sender"},
    "results_summary": {"statements", "answers", "corrections"},
}


def _phrases(words: object, key: str = "") -> list[tuple[str, str]]:
    """Every phrase the bots write, by its key (a nested one's as `key.inner`, a list's items under its key)."""
    if isinstance(words, str):
        return [(key, words)]
    if isinstance(words, tuple):
        return [phrase for item in words for phrase in _phrases(item, key)]
    return [phrase for name, value in words for phrase in _phrases(value, f"{key}.{name}" if key else name)]


def test_every_phrase_the_bots_write_is_vietnamese_with_its_placeholders():
    assert set(BotWords.model_fields) == set(yaml.safe_load((DATA_DIR / "bot_texts.yaml").read_text(encoding="utf-8")))
    phrases = _phrases(WORDS)
    assert len(phrases) == len(BotWords.model_fields) - 2 + 5 * 2 + 2  # five CERC items of two wordings, two rule sets
    for key, phrase in phrases:
        assert VIETNAMESE & set(phrase.lower()) and "  " not in phrase and "\n" not in phrase, key
        assert _placeholders(phrase) == BOT_PLACEHOLDERS.get(key, set()), key
    assert WORDS.correction_grounds.of("vn-2021") == "Nghị định 09/2017/NĐ-CP"
    assert WORDS.correction_grounds.of(None) == WORDS.correction_grounds.of("vn-2026") == "Điều 7.6 Nghị định 244/2026/NĐ-CP"


def test_the_texts_are_as_the_actors_said_them():
    assert REPLIES.acknowledged.vi == (
        "Thường trực Tỉnh ủy ghi nhận báo cáo kết quả; đề nghị tiếp tục theo dõi dư luận và đề xuất nhiệm vụ tiếp theo."
    )
    assert REPLIES.not_a_site.en == (
        "This is a press agency, not a general information site: send written feedback "
        "asking correction (Decree 244/2026 Art. 7.6)."
    )


def _write(folder: Path, data: object) -> None:
    (folder / "replies.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _data() -> dict:
    return {key: text.as_dict() for key, text in REPLIES}


def test_a_missing_unknown_or_empty_text_fails_at_load_naming_the_file_and_the_key(tmp_path):
    path = tmp_path / "replies.yaml"
    data = _data()
    del data["removed"]
    data["remove"] = {"vi": "Đã gỡ.", "en": "Removed."}
    data["corrected"] = {"vi": "", "en": "Corrected."}
    _write(tmp_path, data)
    with pytest.raises(TextDataError) as error:
        load_texts("replies", Replies, tmp_path)
    assert str(error.value).splitlines() == [
        f"{path}: corrected.vi: String should have at least 1 character",
        f"{path}: removed: Field required",
        f"{path}: remove: Extra inputs are not permitted",
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("- a list\n", "must be a mapping of text keys to {vi, en}"),
        ("acknowledged: [\n", "cannot be read"),
    ],
)
def test_a_file_that_is_no_mapping_fails_at_load(tmp_path, content, message):
    (tmp_path / "replies.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(
        TextDataError, match=f"^{tmp_path / 'replies.yaml'}: " + message.replace("{", r"\{").replace("[", r"\[")
    ):
        load_texts("replies", Replies, tmp_path)


def test_a_good_copy_of_the_file_reads_back_the_same_texts(tmp_path):
    _write(tmp_path, _data())
    assert load_texts("replies", Replies, tmp_path) == REPLIES
