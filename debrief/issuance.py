"""Who issues and signs an exercise's printed report, and the place name of its date line.

    Issuance(issuer="BAN CHỈ ĐẠO DIỄN TẬP", signer_name="Nguyễn Văn A")   # what the exercise holds
    place_name(scenario.setting)                                          # 'Hòa Giang'

Every field is optional: None means "the layout's default" (`debrief.exports.layouts`),
so an exercise created before these fields existed, a headless run and a
self-practice attempt all get a complete report. An empty string means "none"
(e.g. no parent agency, no "TM." line).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from scenarios.texts import Text

FIELDS = ("parent_agency", "issuer", "issuer_short", "on_behalf", "signer_title", "signer_name")
MAX_LENGTH = 200
# "tỉnh Hòa Giang", "thành phố Hải Phòng": the province-level unit a scenario's setting names
_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố)\s+([^\W\d_][^,;()\d]*?)\s*(?:[,;()]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Issuance:
    """The report's parent agency, issuing body (and its short symbol for the number), on whose behalf and by whom
    it is signed."""

    parent_agency: str | None = None  # cơ quan chủ quản, e.g. ỦY BAN NHÂN DÂN TỈNH HÒA GIANG
    issuer: str | None = None  # cơ quan ban hành, e.g. BAN CHỈ ĐẠO DIỄN TẬP
    issuer_short: str | None = None  # its symbol in the number, e.g. BCĐ (Số: …/BC-BCĐ)
    on_behalf: str | None = None  # the collective signed for (TM. BAN CHỈ ĐẠO); "" for none
    signer_title: str | None = None  # e.g. TRƯỞNG BAN
    signer_name: str | None = None  # e.g. Nguyễn Văn A

    def __post_init__(self) -> None:
        for name in FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise ValueError(f"issuance '{name}' must be text, got {type(value).__name__}")
            if len(value) > MAX_LENGTH:
                raise ValueError(f"issuance '{name}' is {len(value)} characters long; at most {MAX_LENGTH}")
            object.__setattr__(self, name, " ".join(value.split()))

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


def place_name(setting: Text | None) -> str | None:
    """The province (or centrally run city) a scenario's setting names, as the date line writes it: 'Hòa Giang'.

    Nghị định 30/2020/NĐ-CP, Phụ lục I: a province-level body writes its
    province's own name. None when the setting names no province or city."""
    if setting is None:
        return None
    found = _PROVINCE.search(setting.vi)
    return found.group(1).strip() if found else None
