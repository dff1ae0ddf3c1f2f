"""What a statement says: the facts it uses, the false claims it repeats or denies, the messages it carries.

Matching is by the keywords the scenario gives each fact, claim and message, on
whole words of the folded text (lower case, no diacritics: trainees in a hurry
often type Vietnamese without them), so "xem thông tin" never matches "ém thông
tin" nor "phân chăn màn" "ăn chặn". A claim named in a clause that denies it
("Thông tin … là sai sự thật", "không có học sinh nào tử vong") is refuted, not
repeated; named any other way (stated, hedged, "sẽ được làm rõ") it is repeated.

What is known when a statement is made: the facts verified so far and those the
drill's brief already tells (`briefed`). A denial stands on the facts its claim
lists in `refuted_by`, and a safety assurance ("nước máy an toàn", "yên tâm sử
dụng") on the facts marked `assures`: said before one of them is known, it is
an unverified claim, and those facts are listed among `unverified_facts`. The
same function serves the world (a statement's effect on opinion) and scoring
(whether it spoke only on verified facts). docs/BENCHMARKS.md measures it on
tests/fixtures/statements/labelled.jsonl.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from scenarios.model import Scenario

CERC_ITEMS: dict[str, tuple[str, ...]] = {
    "empathy": ("chia sẻ", "thông cảm", "lo lắng", "xin lỗi", "thấu hiểu", "hiểu được", "quan tâm", "chia buồn"),
    "unknowns": ("đang xác minh", "chưa xác định", "chưa có kết luận", "đang tiếp tục", "chưa rõ", "đang làm rõ"),
    "next_update": (
        "sẽ cập nhật",
        "sẽ thông tin",
        "tiếp tục thông tin",
        "tiếp tục cung cấp",
        "thông tin tiếp",
        "họp báo lúc",
    ),
    "commitment": ("cam kết", "quyết liệt", "xử lý nghiêm", "bảo đảm", "đảm bảo", "không để"),
    "more_info": ("đường dây nóng", "cổng thông tin", "hotline", "trang thông tin", "số điện thoại"),
}
# The same items said in the other ways people write them, with a few words between the parts
# ("đang được Công an tỉnh xác minh", "sẽ tiếp tục thông báo"): patterns on the folded text.
_GAP = r"(?:\S+ ){0,5}"
CERC_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "unknowns": (
        re.compile(
            rf"\bdang (?:duoc )?{_GAP}(?:xac minh|dieu tra|lam ro|kiem tra|kiem nghiem|tim hieu|"
            r"khac phuc|tim kiem)\b"
        ),
        re.compile(r"\bchua (?:co )?(?:xac dinh|ket luan|ket qua|du co so|the khang dinh)\b"),
    ),
    "next_update": (re.compile(rf"\bse {_GAP}(?:cap nhat|thong bao|thong tin|cung cap)\b"),),
}

# Words that call what the clause names false: the whole sentence is a denial.
DENIALS = re.compile(
    r"\b(?:sai su that|khong dung su that|(?:la|hoan toan) khong dung|khong dung (?:voi )?thuc te|"
    r"khong chinh xac|khong co that|la (?:hoan toan )?sai(?= *$| *[.,;!?])|bia dat|tin gia|tin sai|"
    r"vu khong|xuyen tac|khong co co so|bac bo|phu nhan|cat ghep|gia mao|khong xay ra|khong he co)\b"
)
# A negation a few words before the claim's words denies it ("không ai bị hành hung", "chưa có trường hợp nào
# tử vong")...
NEGATION = re.compile(r"\b(?:khong|chua|chang|cha he)\b")
# ...unless something between them starts a new thought ("không thể dùng vì nhiễm độc")...
SCOPE_BREAK = re.compile(r"\b(?:vi|nen|ma|boi vi)\b")
# ...or the clause only hedges: a possibility kept open is a repetition ("có thể bị nhiễm độc").
HEDGES = re.compile(
    r"\b(?:co the|nhieu kha nang|kha nang|nghi ngo|nghi van|nghi la|chua loai tru|khong loai tru|"
    r"chua the khang dinh|chua khang dinh|chua ket luan|chua co ket luan|chua xac dinh|hay khong|"
    r"hay chua|neu|khong biet|chua biet|chua ro|chua nam duoc)\b"
)
NEGATION_WINDOW = 8  # words
# "để người dân yên tâm, …" is an aim, not an assurance.
AIM = re.compile(r"\b(?:de|giup|nham)(?: \S+){0,3} $")
# Safety assurances: a claim that something is safe, which only a verified fact can ground.
_SAFE_THINGS = r"(?:nuoc may|nguon nuoc|nuoc|thuc pham|thuc an|bua an|suat an|dap|ho chua|cho moi|cho)"
ASSURANCES = (
    re.compile(r"\byen tam\b"),
    re.compile(r"\b(?:hoan toan|van|deu|la|rat) an toan\b"),
    re.compile(r"\ban toan (?:de |khi )?(?:su dung|dung|uong|an uong|sinh hoat|cho suc khoe|tuyet doi)\b"),
    re.compile(rf"\b{_SAFE_THINGS}(?: \S+){{0,2}}? an toan\b"),
    re.compile(r"\bkhong (?:gay )?(?:anh huong|hai|nguy hai|nguy hiem|doc hai)(?: \S+){0,2}? suc khoe\b"),
    re.compile(r"\bkhong (?:co gi )?(?:dang|phai|can) lo\b"),
)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[\n;]")
_CLAUSE_BREAK = re.compile(r",(?!\d)|:|\s(?:nhung|song|tuy nhien)\s")


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d), collapse white space."""
    return re.sub(r"\s+", " ", fold_aligned(text)).strip()


@lru_cache(maxsize=4096)
def fold_aligned(text: str) -> str:
    """`fold` one character for one character (white space kept as spaces): offsets in it are offsets in `text`."""
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=2048)
def _fold_char(c: str) -> str:
    if c.isspace():
        return " "
    decomposed = unicodedata.normalize("NFD", c.lower().replace("đ", "d"))
    return ("".join(ch for ch in decomposed if not unicodedata.combining(ch)) or " ")[:1]


@lru_cache(maxsize=4096)
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as whole words of the folded text; a number is never the start or end of a longer one."""
    words = fold(keyword).split(" ")
    return re.compile(r"(?<!\w)(?<!\d[.,])" + r"\s+".join(map(re.escape, words)) + r"(?!\w|[.,]\d)")


def keyword_spans(folded: str, keyword: str) -> list[tuple[int, int]]:
    """Where a keyword occurs in a folded text, as (start, end) offsets."""
    return [m.span() for m in keyword_pattern(keyword).finditer(folded)]


def mentions(folded_text: str, keywords: Iterable[str]) -> bool:
    """Whether a text already folded (`fold`) contains any keyword as whole words, with or without diacritics."""
    return any(keyword_spans(folded_text, k) for k in keywords)


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The pieces of text[start:end] between matches of `pattern`."""
    for match in pattern.finditer(text, start, end):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < end:
        yield start, end


def clauses(folded: str) -> list[tuple[int, int, int, int]]:
    """Each clause as (start, end, sentence start, sentence end); sentences end at . ! ? ; or a new line."""
    return [
        (cs, ce, ss, se)
        for ss, se in _spans(_SENTENCE_END, folded, 0, len(folded))
        for cs, ce in _spans(_CLAUSE_BREAK, folded, ss, se)
    ]


def _negated(folded: str, clause_start: int, at: int) -> bool:
    """Whether a negation within NEGATION_WINDOW words before `at`, in its clause, bears on what follows."""
    before = folded[clause_start:at].split()[-NEGATION_WINDOW:]
    window = " ".join(before)
    negations = list(NEGATION.finditer(window))
    return bool(negations) and not SCOPE_BREAK.search(window, negations[-1].end())


def _denies(folded: str, clause: tuple[int, int, int, int], at: int) -> bool:
    """Whether the clause holding `at` denies what is named there (the sentence calls it false, or a negation
    precedes it), rather than stating or hedging it."""
    start, end, sentence_start, sentence_end = clause
    if DENIALS.search(folded, sentence_start, sentence_end):
        return True
    if HEDGES.search(folded, start, end):
        return False
    return _negated(folded, start, at)


def _clause_of(spans: list[tuple[int, int, int, int]], at: int) -> tuple[int, int, int, int]:
    return next((c for c in spans if c[0] <= at < c[1]), (at, at + 1, at, at + 1))


def briefed_facts(scenario: Scenario) -> frozenset[str]:
    """Facts the drill's brief tells every trainee: known from the first minute."""
    return frozenset(f.id for f in scenario.facts if f.briefed)


@dataclass(frozen=True)
class StatementAnalysis:
    """What one press-facing text contains (see docs/EVENTS.md).

    `unverified_facts` holds the facts the text uses before they are known, and those an unverified claim of
    it stands on (a denial's `refuted_by`, an assurance's `assures` facts); `unverified_claims` says which
    denials and assurances made them so, with the words quoted.
    """

    facts: tuple[str, ...]
    unverified_facts: tuple[str, ...]
    claims: tuple[str, ...]
    messages: tuple[str, ...]
    cerc: tuple[str, ...]
    refuted: tuple[str, ...] = ()
    unverified_claims: tuple[dict, ...] = ()

    @property
    def category(self) -> str:
        """One word for the statement, the worst first: repeat, unverified, refute or neutral."""
        if self.claims:
            return "repeat"
        if self.unverified_facts:
            return "unverified"
        return "refute" if self.refuted else "neutral"

    def quality(self, scenario: Scenario) -> float:
        """0-1: base credit for speaking, plus verified facts and key messages; repeating the rumour halves it."""
        verified_share = len([f for f in self.facts if f not in self.unverified_facts]) / len(scenario.facts)
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
            "refuted": list(self.refuted),
            "unverified_claims": [dict(c) for c in self.unverified_claims],
            "messages": list(self.messages),
            "cerc": list(self.cerc),
            "quality": self.quality(scenario),
        }


def _claims(scenario: Scenario, folded: str, spans: list) -> tuple[list[str], list[tuple[str, tuple[int, int]]]]:
    """False claims repeated, and those denied with the clause that denies them (a repetition anywhere wins)."""
    repeated, refuted = [], []
    for claim in scenario.false_claims:
        hits = [(s, _clause_of(spans, s)) for k in claim.keywords for s, _ in keyword_spans(folded, k)]
        if any(not _denies(folded, clause, s) for s, clause in hits):
            repeated.append(claim.id)
        elif hits:
            refuted.append((claim.id, hits[0][1][:2]))
    return repeated, refuted


def _assurance(folded: str, spans: list) -> tuple[int, int] | None:
    """The first clause that assures something is safe (and is not negated or hedged), if any."""
    for pattern in ASSURANCES:
        for match in pattern.finditer(folded):
            clause = _clause_of(spans, match.start())
            before = folded[clause[0] : match.start()]
            if not _negated(folded, clause[0], match.start()) and not HEDGES.search(before) and not AIM.search(before):
                return clause[:2]
    return None


def analyse_statement(scenario: Scenario, text: str, verified: set[str]) -> StatementAnalysis:
    """Analyse a statement's text, given the ids of facts verified so far (briefed facts are known anyway)."""
    text = unicodedata.normalize("NFC", text)
    folded, whole = fold_aligned(text), fold(text)
    spans = clauses(folded)
    known = set(verified) | briefed_facts(scenario)
    facts = tuple(f.id for f in scenario.facts if mentions(folded, f.keywords))
    cerc = [
        item
        for item, words in CERC_ITEMS.items()
        if mentions(whole, words) or any(p.search(whole) for p in CERC_PATTERNS.get(item, ()))
    ]
    if facts:
        cerc.insert(1, "facts")
    repeated, refuted = _claims(scenario, folded, spans)
    unverified = [f for f in facts if f not in known]
    ungrounded: list[dict] = []
    refuted_by = {c.id: c.refuted_by for c in scenario.false_claims}
    for claim_id, (start, end) in refuted:
        grounds = refuted_by[claim_id]
        if grounds and not known & set(grounds):
            ungrounded.append(
                {"kind": "denial", "claim": claim_id, "facts": list(grounds), "quote": text[start:end].strip()}
            )
    assurance = _assurance(folded, spans)
    assuring = [f.id for f in scenario.facts if f.assures]
    if assurance is not None and assuring and not known & set(assuring):
        ungrounded.append({"kind": "assurance", "facts": assuring, "quote": text[assurance[0] : assurance[1]].strip()})
    for claim in ungrounded:
        unverified += [f for f in claim["facts"] if f not in unverified]
    return StatementAnalysis(
        facts=facts,
        unverified_facts=tuple(unverified),
        claims=tuple(repeated),
        messages=tuple(m.id for m in scenario.key_messages if mentions(folded, m.keywords)),
        cerc=tuple(cerc),
        refuted=tuple(c for c, _ in refuted),
        unverified_claims=tuple(ungrounded),
    )
