"""The printed report as neutral blocks, and the page they go on: what the PDF and DOCX renderers both draw.

`debrief.exports.outline` turns the report document into a tuple of blocks;
`pdf_export` and `docx_export` each draw every kind of block, in order, so the
two files have the same content in the same order. STYLES follow the
presentation of Nghị định 30/2020/NĐ-CP (văn bản hành chính): A4, margins
top and bottom 20 mm, left 30 mm, right 15 mm, 13 pt body, the heading lines
and the place and date in their own styles; `layouts` changes the sizes for
the Party layout. Sizes are in points of Times New Roman, the DOCX font, and
of Liberation Serif, the PDF's, which has the same metrics.

Texts are NFC-normalised when a block is made, so a diacritic is always one
precomposed character (what the fonts draw best and what text extraction gives back).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PAGE = (210.0, 297.0)  # A4, mm
MARGINS = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}  # mm
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]  # 165 mm
FIRST_LINE_INDENT = 12.7  # mm, the 1.27 cm of Nghị định 30


@dataclass(frozen=True)
class Style:
    """How a paragraph looks: size in points, emphasis, alignment (left, center, right, justify), first-line indent."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "left"
    indent: bool = False


STYLES: dict[str, Style] = {
    "parent": Style(12.5, align="center"),  # the parent agency (cơ quan chủ quản), in capitals
    "issuer": Style(12.5, bold=True, align="center"),  # the issuing body, in capitals
    "star": Style(13, align="center"),  # the "*" under a Party issuer
    "number": Style(13, align="center"),  # Số: …/BC-…
    "nation": Style(12, bold=True, align="center"),  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    "motto": Style(13, bold=True, align="center"),  # Độc lập - Tự do - Hạnh phúc (a rule under it)
    "place_date": Style(13, italic=True, align="center"),
    "title": Style(14, bold=True, align="center"),  # BÁO CÁO
    "subject": Style(13.5, bold=True, align="center"),  # the subject line
    "heading": Style(13, bold=True),  # I., II., ...
    "subheading": Style(13, bold=True),  # 1., 2., ...
    "label": Style(13, italic=True),  # a), b), ... inside a subsection; kept with what follows
    "body": Style(13, align="justify", indent=True),
    "item": Style(13, align="justify"),  # a line of a list, starting with "- "
    "field": Style(13),  # "label: value" (Fields)
    "note": Style(11, italic=True, align="justify"),
    "cell": Style(10.5),
    "recipients_title": Style(12, bold=True, italic=True),  # Nơi nhận:
    "recipients": Style(11),
    "on_behalf": Style(13, bold=True, align="center"),  # TM. BAN CHỈ ĐẠO
    "signer_title": Style(13, bold=True, align="center"),  # TRƯỞNG BAN
    "signer_name": Style(13, bold=True, align="center"),
    "page_number": Style(13, align="center"),  # top centre, from page 2
}
KEEP_WITH_NEXT = ("label",)  # paragraph styles that, like headings, stay on the page of what follows them


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Para:
    """A paragraph in one of STYLES."""

    text: str
    style: str = "body"

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Heading:
    """A section (level 1: "I. …") or subsection (level 2: "1. …") heading.

    Renderers keep a heading on the page of what follows it."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Fields:
    """Labelled values, one a line: "label: value" with the label in bold."""

    rows: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple((nfc(k), nfc(v)) for k, v in self.rows))


@dataclass(frozen=True)
class Table:
    """A bordered table: a header row (repeated on every page it runs onto) and rows of text.

    `widths` are the columns' shares of the text width (they need not add up to 1)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]

    def __post_init__(self) -> None:
        if not len(self.header) == len(self.widths) or any(len(row) != len(self.header) for row in self.rows):
            raise ValueError(f"a table of {len(self.header)} columns needs as many widths and cells a row")
        object.__setattr__(self, "header", tuple(nfc(h) for h in self.header))
        object.__setattr__(self, "rows", tuple(tuple(nfc(c) for c in row) for row in self.rows))


@dataclass(frozen=True)
class Rule:
    """A short horizontal line, centred in its column or on the page: under the issuer, the motto, the subject line."""

    length: float  # mm


@dataclass(frozen=True)
class Columns:
    """Two columns without borders, side by side: the heading lines, the recipients and the signature.

    `share` is the left column's share of the text width."""

    left: tuple[Para | Rule, ...]
    right: tuple[Para | Rule, ...]
    share: float = 0.42


@dataclass(frozen=True)
class Chart:
    """One team's opinion and crisis level over scenario time: belief and trust (0–1) and the level's steps.

    Drawn in the PDF only; the text around it (`outline`) says what it shows in both formats."""

    title: str
    points: tuple[tuple[float, float, float], ...]  # (minute, belief, trust)
    steps: tuple[tuple[float, int], ...]  # (minute, level from then on)
    duration: float
    top_level: int
    lang: str = "vi"  # of the legend and the axis labels


Block = Para | Heading | Fields | Table | Rule | Columns | Chart
