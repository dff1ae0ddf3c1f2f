"""The two layouts of the printed report: a state administrative report, or a Party one for a political school.

    layout = layout_of("party")          # LayoutError naming the layouts for any other name
    layout.styles["body"].size           # 14
    layout.default("issuer", exercise)   # Text("TRƯỜNG CHÍNH TRỊ", "POLITICAL SCHOOL")

`state` (the default) follows Nghị định 30/2020/NĐ-CP, Phụ lục I: the parent
agency above the issuing body top-left with a short rule under the issuer,
"Số: …/BC-…"; the national name and the motto top-right with a rule as long
as the motto; the place and date in italics; "TM. <collective>" above the
signer's post and name. `party` follows Hướng dẫn 36-HD/VPTW (2018) of the
Party Central Office: the Party body above (e.g. TỈNH ỦY …) and the issuing
body top-left with a "*" under it, "Số …-BC/…"; "ĐẢNG CỘNG SẢN VIỆT NAM"
top-right with a rule as long as it; 14 pt body; "T/M <collective>";
"Nơi nhận:" underlined. Where 36-HD/VPTW was not at hand to check a detail
(the five hyphens under the subject line, 16 pt for the document's name),
the layout follows common practice of Party documents; docs/REPORTS.md says so.

Each fixed text (the national name and motto, the number line, the defaults)
is a `Text`: an English copy of the report gives them in English translation
("SOCIALIST REPUBLIC OF VIET NAM"), as an English copy of a Vietnamese official
document does; what the exercise's issuance sets is printed as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from debrief.exports.blocks import STYLES, Style
from scenarios.messages import N_, MessageError
from scenarios.texts import Text

Document = Mapping[str, Any]
NONE = Text("")


def _upper_place(template: Text) -> Any:
    """A default that names the exercise's province in capitals, or none when the scenario names no province."""

    def default(exercise: Document) -> Text:
        place = (exercise.get("place") or "").upper()
        return Text(template.vi.format(place=place), (template.en or "").format(place=place)) if place else NONE

    return default


@dataclass(frozen=True)
class Layout:
    """A layout: its label, its paragraph styles, the heading lines, and the defaults of the issuance fields."""

    name: str
    label: Text
    styles: Mapping[str, Style]
    nation: tuple[Text, ...]  # the heading lines top right, each with its style
    number: Text  # the number line, with {short} for the issuer's symbol
    on_behalf_prefix: Text  # "TM." or "T/M"
    under_issuer: str  # "rule" or "star"
    under_subject: str  # "rule" or "hyphens"
    defaults: Mapping[str, Any]  # issuance field -> Text, or a function of the document's exercise giving one

    def default(self, field: str, exercise: Document) -> Text:
        value = self.defaults[field]
        return value(exercise) if callable(value) else value

    def issuance(self, exercise: Document, lang: str = "vi") -> dict[str, str]:
        """The exercise's issuance with this layout's default (in `lang`) for each field it leaves unset (None)."""
        given = exercise.get("issuance") or {}
        return {
            field: self.default(field, exercise).in_(lang) if given.get(field) is None else given[field]
            for field in self.defaults
        }


def _instructor(exercise: Document) -> Text:
    return Text(exercise.get("instructor") or "")


STATE = Layout(
    name="state",
    label=Text("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)", "State administrative (Decree 30/2020)"),
    styles=STYLES,
    nation=(
        Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
        Text("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    ),
    number=Text("Số: …/BC-{short}", "No.: …/BC-{short}"),
    on_behalf_prefix=Text("TM.", "ON BEHALF OF"),
    under_issuer="rule",
    under_subject="rule",
    defaults={
        "parent_agency": _upper_place(Text("UBND TỈNH {place}", "{place} PROVINCIAL PEOPLE'S COMMITTEE")),
        "issuer": Text("BAN CHỈ ĐẠO DIỄN TẬP", "EXERCISE STEERING COMMITTEE"),
        "issuer_short": Text("BCĐ"),
        "on_behalf": Text("BAN CHỈ ĐẠO", "THE STEERING COMMITTEE"),
        "signer_title": Text("TRƯỞNG BAN", "HEAD OF THE COMMITTEE"),
        "signer_name": _instructor,
    },
)

_PARTY_SIZES = {
    "parent": 14,
    "issuer": 14,
    "number": 14,
    "nation": 15,
    "place_date": 14,
    "title": 16,
    "subject": 14,
    "heading": 14,
    "subheading": 14,
    "label": 14,
    "body": 14,
    "item": 14,
    "field": 14,
    "on_behalf": 14,
    "signer_title": 14,
    "signer_name": 14,
    "recipients_title": 14,
    "recipients": 12,
    "star": 14,
    "page_number": 14,
}
PARTY = Layout(
    name="party",
    label=Text(
        "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW), cho trường chính trị",
        "Party document (Guidance 36-HD/VPTW), for a political school",
    ),
    styles={
        **STYLES,
        **{key: replace(STYLES[key], size=size) for key, size in _PARTY_SIZES.items()},
        "recipients_title": Style(14, underline=True),
    },
    nation=(Text("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIET NAM"),),
    number=Text("Số …-BC/{short}", "No. …-BC/{short}"),
    on_behalf_prefix=Text("T/M", "ON BEHALF OF"),
    under_issuer="star",
    under_subject="hyphens",
    defaults={
        "parent_agency": _upper_place(Text("TỈNH ỦY {place}", "{place} PROVINCIAL PARTY COMMITTEE")),
        "issuer": Text("TRƯỜNG CHÍNH TRỊ", "POLITICAL SCHOOL"),
        "issuer_short": Text("TCT"),
        "on_behalf": NONE,
        "signer_title": Text("HIỆU TRƯỞNG", "PRINCIPAL"),
        "signer_name": _instructor,
    },
)

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (STATE, PARTY)}


class LayoutError(MessageError):
    """A layout name that is not one of LAYOUTS."""


def layout_of(name: str | None) -> Layout:
    """The layout of a name (None: state); LayoutError naming the layouts otherwise."""
    if name is None:
        return STATE
    if name not in LAYOUTS:
        raise LayoutError(
            N_("Không có mẫu trình bày '%(layout)s' (các mẫu: %(layouts)s)"), layout=name, layouts=", ".join(LAYOUTS)
        )
    return LAYOUTS[name]
