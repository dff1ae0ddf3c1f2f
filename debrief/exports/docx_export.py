"""The report document as a Word file (python-docx), laid out as a Vietnamese administrative report.

The blocks of `outline`, in the presentation of Nghị định 30/2020/NĐ-CP: A4,
margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt,
set for Latin, East Asian and complex scripts alike so that Word substitutes
no other font for Vietnamese; body paragraphs justified with a 1.27 cm first
line; the page number centred in the top margin from page 2 on. The national
heading, the recipients and the signature are tables without borders; the
other tables have borders and repeat their header row on every page. The
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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from debrief.exports.blocks import (FIRST_LINE_INDENT, MARGINS, PAGE, STYLES, TEXT_WIDTH, Chart, Columns, Fields,
                                    Heading, Para, Style, Table)
from debrief.exports.outline import outline
from debrief.exports.output import Target, binary_output

FONT = "Times New Roman"
BODY = STYLES["body"].size
HEADER_FILL = "E1E6EE"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
Container = WordDocument | _Cell


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_fonts(rpr: Any) -> None:
    """Times New Roman for every script of a run properties element (theme fonts dropped), in Vietnamese."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)


def _setup(word: WordDocument) -> None:
    """Page size and margins, the fonts of the defaults and of Normal, the page number from page 2."""
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults)
    defaults.find(qn("w:lang")).set(qn("w:val"), "vi-VN")
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY)
    _set_fonts(normal.element.get_or_add_rPr())
    normal.element.get_or_add_rPr().append(_element("w:szCs", val=str(int(BODY * 2))))
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(6), 1.1
    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE[0]), Mm(PAGE[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = number.add_run()
    run._r.append(_element("w:fldChar", fldCharType="begin"))
    instruction = _element("w:instrText")
    instruction.text = "PAGE"
    run._r.append(instruction)
    run._r.append(_element("w:fldChar", fldCharType="end"))


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


def _heading(word: WordDocument, block: Heading) -> None:
    paragraph = _paragraph(word, [(block.text, True)], STYLES["heading" if block.level == 1 else "subheading"])
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    if block.en:
        paragraph.paragraph_format.space_after = Pt(0)
        _paragraph(word, [(block.en, False)], STYLES["english"]).paragraph_format.keep_with_next = True


def _fields(word: WordDocument, block: Fields) -> None:
    for label, value in block.rows:
        _paragraph(word, [(f"{label}: ", True), (value, False)], STYLES["field"]).paragraph_format.space_after = Pt(2)


def _fill(cell: _Cell, paras: list[tuple[list[tuple[str, bool]], Style]]) -> None:
    """Write paragraphs into a table cell, tight (no space after)."""
    for index, (runs, style) in enumerate(paras):
        paragraph = _paragraph(cell, runs, style, reuse=index == 0)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0


def _widths(table: Any, shares: tuple[float, ...]) -> None:
    """Fixed column widths, in the grid (what Word lays out by) and in every cell (what other readers use)."""
    table.autofit = False
    widths = [Mm(TEXT_WIDTH * share / sum(shares)) for share in shares]
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _table(word: WordDocument, block: Table) -> None:
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style, table.alignment = word.styles["Table Grid"], WD_TABLE_ALIGNMENT.LEFT
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    cell_style = STYLES["cell"]
    for cell, text in zip(header.cells, block.header):
        _fill(cell, [([(text, True)], cell_style)])
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=HEADER_FILL))
    for row, cells in zip(table.rows[1:], block.rows):
        for cell, text in zip(row.cells, cells):
            _fill(cell, [([(text, False)], cell_style)])
    _widths(table, block.widths)
    word.add_paragraph().paragraph_format.space_after = Pt(0)  # a table is followed by a paragraph, else Word joins two


def _columns(word: WordDocument, block: Columns) -> None:
    table = word.add_table(rows=1, cols=2)  # the default table style: no borders
    for cell, paras in zip(table.rows[0].cells, (block.left, block.right)):
        _fill(cell, [([(p.text, STYLES[p.style].bold)], STYLES[p.style]) for p in paras])
    _widths(table, (block.share, 1 - block.share))
    word.add_paragraph()


def _chart(word: WordDocument, block: Chart) -> None:
    """Nothing: the charts are drawn in the PDF only, and the paragraph after each says in words what it shows."""


DRAW: dict[type, Callable[[WordDocument, Any], None]] = {
    Para: lambda word, block: _paragraph(word, [(block.text, STYLES[block.style].bold)], STYLES[block.style]),
    Heading: _heading, Fields: _fields, Table: _table, Columns: _columns, Chart: _chart,
}


def write(document: Mapping[str, Any], target: Target) -> None:
    """Write the Word file of the report."""
    exercise = document["exercise"]
    word = Document()
    _setup(word)
    properties = word.core_properties
    properties.title = f"Báo cáo kết quả diễn tập: {exercise['title']}"
    properties.author = exercise["instructor"] or ""
    properties.language = "vi-VN"
    properties.created = properties.modified = datetime.datetime.fromisoformat(exercise["date"])
    for block in outline(document):
        DRAW[type(block)](word, block)
    with binary_output(target) as out:
        word.save(out)
