"""What a statement says: the facts it uses, the false claims it repeats, the messages it carries.

Matching is by the keywords the scenario gives each fact, claim and message,
case-insensitive and also without diacritics (trainees in a hurry often type
Vietnamese without them). The same function serves the world (a statement's
effect on opinion) and scoring (whether it spoke only on verified facts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from scenarios.model import Scenario

CERC_ITEMS: dict[str, tuple[str, ...]] = {
    "empathy": ("chia sẻ", "thông cảm", "lo lắng", "xin lỗi", "thấu hiểu", "hiểu được", "quan tâm", "chia buồn"),
    "unknowns": ("đang xác minh", "chưa xác định", "chưa có kết luận", "đang tiếp tục", "chưa rõ", "đang làm rõ"),
    "next_update": ("sẽ cập nhật", "sẽ thông tin", "tiếp tục thông tin", "tiếp tục cung cấp", "thông tin tiếp", "họp báo lúc"),
    "commitment": ("cam kết", "quyết liệt", "xử lý nghiêm", "bảo đảm", "đảm bảo", "không để"),
    "more_info": ("đường dây nóng", "cổng thông tin", "hotline", "trang thông tin", "số điện thoại"),
}
# The same items said in the other ways people write them, with a few words between the parts
# ("đang được Công an tỉnh xác minh", "sẽ tiếp tục thông báo"): patterns on the folded text.
_GAP = r"(?:\S+ ){0,5}"
CERC_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "unknowns": (re.compile(rf"\bdang (?:duoc )?{_GAP}(?:xac minh|dieu tra|lam ro|kiem tra|kiem nghiem|tim hieu|"
                            r"khac phuc|tim kiem)\b"),
                 re.compile(r"\bchua (?:co )?(?:xac dinh|ket luan|ket qua|du co so|the khang dinh)\b")),
    "next_update": (re.compile(rf"\bse {_GAP}(?:cap nhat|thong bao|thong tin|cung cap)\b"),),
}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d), collapse white space."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip()


def mentions(folded_text: str, keywords: Iterable[str]) -> bool:
    """Whether a text already folded (`fold`) contains any keyword, with or without diacritics."""
    return any(fold(k) in folded_text for k in keywords)


@dataclass(frozen=True)
class StatementAnalysis:
    """What one press-facing text contains (see docs/EVENTS.md)."""

    facts: tuple[str, ...]
    unverified_facts: tuple[str, ...]
    claims: tuple[str, ...]
    messages: tuple[str, ...]
    cerc: tuple[str, ...]

    def quality(self, scenario: Scenario) -> float:
        """0-1: base credit for speaking, plus verified facts and key messages; repeating the rumour halves it."""
        verified_share = (len(self.facts) - len(self.unverified_facts)) / len(scenario.facts)
        message_share = len(self.messages) / len(scenario.key_messages) if scenario.key_messages else 1.0
        score = 0.3 + 0.35 * min(1.0, verified_share * 2) + 0.35 * message_share
        if self.claims:
            score *= 0.5
        if self.unverified_facts:
            score *= 0.7
        return round(min(1.0, score), 4)

    def as_dict(self, scenario: Scenario) -> dict:
        return {
            "press_facing": True,
            "facts": list(self.facts),
            "unverified_facts": list(self.unverified_facts),
            "claims": list(self.claims),
            "messages": list(self.messages),
            "cerc": list(self.cerc),
            "quality": self.quality(scenario),
        }


def analyse_statement(scenario: Scenario, text: str, verified: set[str]) -> StatementAnalysis:
    """Analyse a statement's text, given the ids of facts verified so far."""
    folded = fold(text)
    facts = tuple(f.id for f in scenario.facts if mentions(folded, f.keywords))
    cerc = [item for item, words in CERC_ITEMS.items()
            if mentions(folded, words) or any(p.search(folded) for p in CERC_PATTERNS.get(item, ()))]
    if facts:
        cerc.insert(1, "facts")
    return StatementAnalysis(
        facts=facts,
        unverified_facts=tuple(f for f in facts if f not in verified),
        claims=tuple(c.id for c in scenario.false_claims if mentions(folded, c.keywords)),
        messages=tuple(m.id for m in scenario.key_messages if mentions(folded, m.keywords)),
        cerc=tuple(cerc),
    )
