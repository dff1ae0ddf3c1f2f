"""How planners name channels and agencies in an MSEL, in Vietnamese and English, and how names are compared.

`word_key` compares names loosely: case, punctuation, "và"/"and", the old and new
placement of tone marks ("hoá"/"hóa", "uỷ"/"ủy") and the usual abbreviations
(VHTTDL, TTTT, UBND) do not matter, so "Sở VHTTDL" is "Sở Văn hóa, Thể thao và Du
lịch". A channel cell is read by its wording, or by the longest wording it
contains ("Bài đăng Facebook" -> social_post); a recipient by the drill's role
labels, else by the agency wordings below when the drill has that role.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_ABBREVIATIONS = {
    "vhttdl": "văn hóa thể thao du lịch",
    "vh tt dl": "văn hóa thể thao du lịch",
    "tttt": "thông tin truyền thông",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "tgdv": "tuyên giáo dân vận",
    "tg dv": "tuyên giáo dân vận",
    "mxh": "mạng xã hội",
    "ca": "công an",
    "ppc": "provincial people's committee",
}
_SHORT = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _ABBREVIATIONS), key=len, reverse=True)) + r")(?!\w)")
_FILLERS = {"và", "and", "the", "of"}


def word_key(name: str) -> str:
    """A name as compared loosely: NFC, case-folded, tone marks placed one way, abbreviations spelt out, no punctuation."""
    text = unicodedata.normalize("NFC", name).casefold()
    for old, new in _TONES.items():
        text = text.replace(old, new)
    words = [w for w in re.split(r"[^\w']+", text) if w and w not in _FILLERS]
    spelt = _SHORT.sub(lambda match: _ABBREVIATIONS[match.group(0)], " ".join(words))
    return " ".join(w for w in spelt.split() if w not in _FILLERS)


CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "social_post": (
        "Mạng xã hội",
        "Bài đăng",
        "Bài đăng mạng xã hội",
        "Facebook",
        "Zalo",
        "TikTok",
        "YouTube",
        "Fanpage",
        "Diễn đàn",
        "Social media",
        "Social post",
        "Post",
        "Twitter",
        "Tweet",
    ),
    "press_call": (
        "Phóng viên gọi điện",
        "Phóng viên gọi",
        "Điện thoại phóng viên",
        "Cuộc gọi phóng viên",
        "Phóng viên",
        "Báo chí gọi điện",
        "Press call",
        "Media call",
        "Media inquiry",
        "Press inquiry",
        "Reporter call",
        "Journalist call",
        "Call from a reporter",
    ),
    "press_article": (
        "Bài báo",
        "Báo điện tử",
        "Báo in",
        "Báo mạng",
        "Tin bài",
        "Press article",
        "News article",
        "Online news",
        "Newspaper",
        "Article",
        "News story",
    ),
    "dispatch": (
        "Công văn",
        "Văn bản",
        "Văn bản chỉ đạo",
        "Chỉ đạo",
        "Thư điện tử",
        "Email",
        "Fax",
        "Dispatch",
        "Memo",
        "Official letter",
        "Directive",
        "Tasking",
    ),
    "hotline": ("Đường dây nóng", "Tổng đài", "Người dân gọi điện", "Hotline", "Citizen call", "Call centre", "Call center"),
    "monitoring_report": (
        "Báo cáo giám sát",
        "Báo cáo theo dõi",
        "Giám sát",
        "Theo dõi dư luận",
        "Monitoring report",
        "Media monitoring",
        "Monitoring",
        "Situation report",
        "Sitrep",
    ),
    "tv": ("Truyền hình", "Đài truyền hình", "Phóng sự truyền hình", "Tivi", "TV", "Television", "Broadcast"),
}

AGENCY_WORDS: dict[str, tuple[str, ...]] = {
    "spokesperson": (
        "UBND tỉnh",
        "Ủy ban nhân dân tỉnh",
        "Người phát ngôn",
        "Phát ngôn viên",
        "Văn phòng UBND tỉnh",
        "Spokesperson",
        "Spokesman",
        "Provincial People's Committee",
        "PPC",
        "Public information officer",
        "PIO",
    ),
    "propaganda_board": (
        "Ban Tuyên giáo",
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Tuyên giáo và Dân vận",
        "Ban TG&DV",
        "Ban TGDV",
        "Propaganda board",
        "Propaganda department",
    ),
    "info_department": (
        "Sở VHTTDL",
        "Sở TTTT",
        "Sở Thông tin và Truyền thông",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Phòng Quản lý báo chí",
        "Department of Information and Communications",
        "Department of Culture, Sports and Tourism",
        "DCST",
        "DIC",
        "Press management",
    ),
    "standing_committee": ("Thường trực Tỉnh ủy", "Tỉnh ủy", "Standing committee", "Provincial Party Committee"),
    "police": ("Công an tỉnh", "Công an", "Police", "Provincial police"),
    "agency_head": ("Thủ trưởng cơ quan", "Lãnh đạo cơ quan", "Head of agency", "Agency head"),
}

_CHANNEL_KEYS = {word_key(word): channel for channel, words in CHANNEL_WORDS.items() for word in words}


def channel_of(cell: str, names: dict[str, str]) -> str | None:
    """The channel a cell names: `names` (key -> channel: ids and the labels shown), the wordings, or the
    longest wording inside the cell; None if none."""
    key = word_key(cell)
    if key in names:
        return names[key]
    if key in _CHANNEL_KEYS:
        return _CHANNEL_KEYS[key]
    padded = f" {key} "
    inside = [word for word in {**names, **_CHANNEL_KEYS} if f" {word} " in padded]
    return ({**_CHANNEL_KEYS, **names})[max(inside, key=len)] if inside else None


def agencies(role_ids: set[str]) -> dict[str, str]:
    """Agency wordings (key -> role id) for the roles the drill has."""
    return {word_key(word): role for role, words in AGENCY_WORDS.items() if role in role_ids for word in words}
