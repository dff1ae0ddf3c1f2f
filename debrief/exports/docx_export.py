"""The report document as a Word file (python-docx), laid out as a Vietnamese administrative (or Party) report.

    write(document, "report.docx")                 # Nghị định 30/2020/NĐ-CP
    write(document, stream, layout="party")        # Hướng dẫn 36-HD/VPTW
    write(document, "report-en.docx", language="en")  # the English copy

The blocks of `outline`, in the presentation of Nghị định 30/2020/NĐ-CP: A4,
margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt (14 in the Party layout),
set for Latin, East Asian and complex scripts alike so that Word substitutes
no other font for Vietnamese; body paragraphs justified with a 1.27 cm first
line; the page number (a PAGE field) centred in the top margin from page 2
on. The heading lines, the recipients and the signature are tables without
borders, their rows never split; a short rule is an empty paragraph with a
bottom border, indented to its length. Headings and labels are kept with the
next paragraph. The other tables have borders and repeat their header row on every page. The
opinion charts are drawn in the PDF only: the paragraph after each chart
says in words what it shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from debrief.exports.blocks import (
    FIRST_LINE_INDENT,
    KEEP_WITH_NEXT,
    MARGINS,
    PAGE,
    TEXT_WIDTH,
    Chart,
    Columns,
    Fields,
    Heading,
    Para,
    Rule,
    Style,
    Table,
)
from debrief.exports.layouts import layout_of
from debrief.exports.outline import outline
from debrief.exports.output import Target, binary_output
from debrief.exports.wording import Wording

FONT = "Times New Roman"
Styles = Mapping[str, Style]
HEADER_FILL = "E1E6EE"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
Container = WordDocument | _Cell
WORD_LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}  # the language Word checks the spelling in


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_fonts(rpr: Any) -> None:
    """Times New Roman for every script of a run properties element (theme fonts dropped)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)


def _page_number(paragraph: Any, style: Style) -> None:
    """A PAGE field (its last result "2" until Word or LibreOffice updates it) in a style."""
    paragraph.alignment = ALIGN[style.align]
    for kind, text in (("begin", None), ("instr", "PAGE"), ("separate", None), ("result", "2"), ("end", None)):
        run = paragraph.add_run(text if kind == "result" else None)
        run.font.size = Pt(style.size)
        if kind == "instr":
            instruction = _element("w:instrText")
            instruction.text = text
            run._r.append(instruction)
        elif kind != "result":
            run._r.append(_element("w:fldChar", fldCharType=kind))


def _setup(word: WordDocument, styles: Styles, language: str) -> None:
    """Page size and margins, the fonts of the defaults and of Normal, the page number from page 2."""
    body = styles["body"].size
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults)
    defaults.find(qn("w:lang")).set(qn("w:val"), WORD_LANGUAGES[language])
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(body)
    _set_fonts(normal.element.get_or_add_rPr())
    normal.element.get_or_add_rPr().append(_element("w:szCs", val=str(int(body * 2))))
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(6), 1.1
    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE[0]), Mm(PAGE[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True  # the first page's header stays empty
    _page_number(section.header.paragraphs[0], styles["page_number"])


def _paragraph(container: Container, runs: list[tuple[str, bool]], style: Style, reuse: bool = False) -> Any:
    """A paragraph of runs (text, bold) in a style; `reuse` writes into a table cell's first, empty paragraph."""
    paragraph = container.paragraphs[0] if reuse else container.add_paragraph()
    layout = paragraph.paragraph_format
    layout.alignment = ALIGN[style.align]
    if style.indent:
        layout.first_line_indent = Mm(FIRST_LINE_INDENT)
    for text, bold in runs:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold or None, style.italic or None, style.underline or None
        run.font.size = Pt(style.size)
    return paragraph


def _para(container: Container, block: Para, styles: Styles, reuse: bool = False) -> Any:
    style = styles[block.style]
    paragraph = _paragraph(container, [(block.text, style.bold)], style, reuse)
    if block.style in KEEP_WITH_NEXT:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _rule(container: Container, block: Rule, width: float, reuse: bool = False) -> None:
    """An empty 1 pt paragraph with a bottom border, indented on both sides so the border is `block.length` long."""
    paragraph = container.paragraphs[0] if reuse else container.add_paragraph()
    borders = _element("w:pBdr")  # first into the empty pPr: the schema puts it before spacing and ind
    borders.append(_element("w:bottom", val="single", sz="6", space="1", color="auto"))
    paragraph._p.get_or_add_pPr().append(borders)
    layout = paragraph.paragraph_format
    side = Mm(max(0.0, (width - block.length) / 2))
    layout.left_indent = layout.right_indent = side
    layout.space_before = layout.space_after = Pt(0)
    layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
    paragraph.add_run().font.size = Pt(1)


def _heading(word: WordDocument, block: Heading, styles: Styles) -> None:
    paragraph = _paragraph(word, [(block.text, True)], styles["heading" if block.level == 1 else "subheading"])
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True


def _fields(word: WordDocument, block: Fields, styles: Styles) -> None:
    for label, value in block.rows:
        _paragraph(word, [(f"{label}: ", True), (value, False)], styles["field"]).paragraph_format.space_after = Pt(2)


def _tight(paragraph: Any) -> None:
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0


def _widths(table: Any, shares: tuple[float, ...]) -> None:
    """Fixed column widths, in the grid (what Word lays out by) and in every cell (what other readers use)."""
    table.autofit = False
    widths = [Mm(TEXT_WIDTH * share / sum(shares)) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _table(word: WordDocument, block: Table, styles: Styles) -> None:
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style, table.alignment = word.styles["Table Grid"], WD_TABLE_ALIGNMENT.LEFT
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    cell_style = styles["cell"]
    for cell, text in zip(header.cells, block.header, strict=True):
        _tight(_paragraph(cell, [(text, True)], cell_style, reuse=True))
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=HEADER_FILL))
    for row, cells in zip(table.rows[1:], block.rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            _tight(_paragraph(cell, [(text, False)], cell_style, reuse=True))
    _widths(table, block.widths)
    word.add_paragraph().paragraph_format.space_after = Pt(0)  # a table is followed by a paragraph, else Word joins two


def _columns(word: WordDocument, block: Columns, styles: Styles) -> None:
    table = word.add_table(rows=1, cols=2)  # the default table style: no borders
    table.rows[0]._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))
    widths = (TEXT_WIDTH * block.share, TEXT_WIDTH * (1 - block.share))
    for cell, items, width in zip(table.rows[0].cells, (block.left, block.right), widths, strict=True):
        for index, item in enumerate(items):
            if isinstance(item, Rule):
                _rule(cell, item, width, reuse=index == 0)
            else:
                _tight(_para(cell, item, styles, reuse=index == 0))
    _widths(table, (block.share, 1 - block.share))
    word.add_paragraph()


def _chart(word: WordDocument, block: Chart, styles: Styles) -> None:
    """Nothing: the charts are drawn in the PDF only, and the paragraph after each says in words what it shows."""


DRAW: dict[type, Callable[[WordDocument, Any, Styles], None]] = {
    Para: _para,
    Heading: _heading,
    Fields: _fields,
    Table: _table,
    Columns: _columns,
    Chart: _chart,
    Rule: lambda word, block, styles: _rule(word, block, TEXT_WIDTH),
}


def write(document: Mapping[str, Any], target: Target, layout: str | None = None, language: str = "vi") -> None:
    """Write the Word file of the report in a layout (`layouts`: "state", the default, or "party") and a language
    ("vi", the default, or "en")."""
    chosen, say = layout_of(layout), Wording(language)
    exercise = document["exercise"]
    word = Document()
    _setup(word, chosen.styles, language)
    properties = word.core_properties
    properties.title = say(f"Báo cáo kết quả diễn tập: {exercise['title']}", f"Exercise report: {exercise['title']}")
    properties.author = chosen.issuance(exercise, language)["issuer"]
    properties.language = WORD_LANGUAGES[language]
    properties.created = properties.modified = datetime.datetime.fromisoformat(exercise["date"])
    for block in outline(document, chosen, language):
        DRAW[type(block)](word, block, chosen.styles)
    with binary_output(target) as out:
        word.save(out)
