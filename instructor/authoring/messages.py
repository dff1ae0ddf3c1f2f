"""Vietnamese for what the scenario model names in English: conditions' variables, crisis types.

`variables()` lists the variables a condition may use (`scenarios.conditions.VARIABLES`)
in both languages; `crisis_types()` names the model's crisis types in both
(`scenarios.labels`). The loader's errors are `scenarios.messages.Message`s, shown in the
user's language by `web.i18n`.
"""

from __future__ import annotations

from scenarios.labels import CRISIS_TYPES, label
from scenarios.conditions import VARIABLES
from scenarios.model import CrisisType

VARIABLES_VI = {
    "minute": "số phút kịch bản từ lúc bắt đầu",
    "level": "cấp khủng hoảng hiện tại",
    "seen": "số người đã thấy tin đồn",
    "believers": "số người tin tin đồn",
    "belief": "tỷ lệ dân số tin tin đồn (0–1)",
    "seen_share": "tỷ lệ dân số đã thấy tin đồn (0–1)",
    "trust": "niềm tin vào chính quyền (0–1)",
    "media_pressure": "sức ép của báo chí (0–1)",
    "statements": "số lần phát ngôn chính thức đến lúc đó",
    "unanswered_calls": "số cuộc gọi của phóng viên quá hạn chưa được trả lời",
    "critical_articles": "số bài báo phê phán đã đăng",
}


def variables() -> list[dict[str, str]]:
    """The variables a condition may use, with what each means in Vietnamese (when known) and English."""
    return [{"name": name, "vi": VARIABLES_VI.get(name, en), "en": en} for name, en in VARIABLES.items()]


def crisis_types() -> list[dict[str, str | None]]:
    """The model's crisis types, each with its name in Vietnamese and English (the id itself when unnamed)."""
    return [{"id": kind.value, **label(CRISIS_TYPES, kind.value).as_dict()} for kind in CrisisType]
