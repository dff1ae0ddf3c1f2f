"""The report document as a PDF (fpdf2): the blocks of `outline`, A4, with the bundled DejaVu Serif fonts.

DejaVu Serif covers every Vietnamese letter; it is loaded from the package
(`debrief/fonts/`), never from the system, so the PDF looks the same on any
machine. Tables break across pages with their header row repeated, every page
has "Trang x/y" in its footer, and each team gets its opinion chart
(`pdf_chart`). The bundled fonts have no bold italic: a bold italic style is
drawn bold.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fpdf import FPDF, FontFace

from debrief.exports import pdf_chart
from debrief.exports.blocks import (FIRST_LINE_INDENT, MARGINS, STYLES, TEXT_WIDTH, Block, Chart, Columns, Fields,
                                    Heading, Para, Style, Table)
from debrief.exports.outline import outline
from debrief.exports.output import Target, binary_output

FONT = "DejaVuSerif"
FONTS = Path(__file__).resolve().parent.parent / "fonts"
SCALE = 0.8  # DejaVu Serif is wider than Times New Roman, the sizes' reference
LEADING = 1.3  # line height / font size
PT = 25.4 / 72  # mm per point
KEEP_WITH_HEADING = 28.0  # mm a heading needs below it, or it goes to the next page
HEADER_FILL = (225, 230, 238)


class ReportPDF(FPDF):
    """An A4 page with the report's margins and fonts, and the page number in the footer."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for emphasis, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf"), ("I", "DejaVuSerif-Italic.ttf")):
            self.add_font(FONT, emphasis, FONTS / name)
        self.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
        self.set_auto_page_break(True, MARGINS["bottom"])
        self.alias_nb_pages()
        self.set_lang("vi")

    def footer(self) -> None:
        self.set_y(-MARGINS["bottom"] + 8)
        self.set_font(FONT, "I", 8)
        self.cell(0, 4, f"Trang {self.page_no()}/{{nb}}", align="C")

    # --- styles --------------------------------------------------------------------------------------

    def use(self, style: Style, bold: bool | None = None) -> float:
        """Set the font of a style (`bold` overrides its weight); returns its line height in mm."""
        bold = style.bold if bold is None else bold
        emphasis = ("B" if bold else "I" if style.italic else "") + ("U" if style.underline else "")
        self.set_font(FONT, emphasis, style.size * SCALE)
        return style.size * SCALE * PT * LEADING

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm fit below the current position."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    # --- blocks --------------------------------------------------------------------------------------

    def put_paragraph(self, runs: list[tuple[str, bool]], style: Style, after: float = 1.5) -> None:
        """One paragraph of runs (text, bold) in a style, flowing across pages."""
        height = self.use(style)
        if not any(text for text, _ in runs):
            self.ln(height)
            return
        indent = FIRST_LINE_INDENT if style.indent else 0
        with self.text_columns(text_align=style.align[0].upper(), line_height=LEADING) as columns:
            with columns.paragraph(first_line_indent=indent, bottom_margin=after) as paragraph:
                for text, bold in runs:
                    self.use(style, bold)
                    paragraph.write(text)

    def put_heading(self, block: Heading) -> None:
        self.ln(2)
        self.room(KEEP_WITH_HEADING)
        self.put_paragraph([(block.text, True)], STYLES["heading" if block.level == 1 else "subheading"],
                           after=0.5 if block.en else 1.5)
        if block.en:
            self.put_paragraph([(block.en, False)], STYLES["english"])

    def put_fields(self, block: Fields) -> None:
        for label, value in block.rows:
            self.put_paragraph([(f"{label}: ", True), (value, False)], STYLES["field"], after=0.8)

    def put_table(self, block: Table) -> None:
        height = self.use(STYLES["cell"])  # fpdf2 keeps the header row with the first row below it
        with self.table(width=TEXT_WIDTH, col_widths=block.widths, line_height=height, align="LEFT", text_align="LEFT",
                        v_align="TOP", padding=1.2, repeat_headings=1,
                        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL)) as table:
            for row in (block.header, *block.rows):
                table.row(row)
        self.ln(3)

    def _column_height(self, paras: tuple[Para, ...], width: float) -> float:
        total = 0.0
        for para in paras:
            height = self.use(STYLES[para.style])
            total += self.multi_cell(width, height, para.text, dry_run=True, output="HEIGHT") if para.text else height
        return total

    def put_columns(self, block: Columns) -> None:
        """The two borderless columns, side by side; they stay on one page."""
        widths = (TEXT_WIDTH * block.share, TEXT_WIDTH * (1 - block.share))
        self.room(max(self._column_height(block.left, widths[0]), self._column_height(block.right, widths[1])))
        top, bottom = self.get_y(), self.get_y()
        for paras, x, width in ((block.left, self.l_margin, widths[0]),
                                (block.right, self.l_margin + widths[0], widths[1])):
            self.set_xy(x, top)
            for para in paras:
                style = STYLES[para.style]
                height = self.use(style)
                self.set_x(x)
                self.multi_cell(width, height, para.text, align=style.align[0].upper(), new_x="LEFT", new_y="NEXT")
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom + 3)

    def put_chart(self, block: Chart) -> None:
        self.room(pdf_chart.HEIGHT)
        pdf_chart.draw(self, block, self.l_margin, self.get_y(), TEXT_WIDTH)
        self.set_y(self.get_y() + pdf_chart.HEIGHT + 2)

    def draw(self, block: Block) -> None:
        if isinstance(block, Para):
            self.put_paragraph([(block.text, STYLES[block.style].bold)], STYLES[block.style])
        elif isinstance(block, Heading):
            self.put_heading(block)
        elif isinstance(block, Fields):
            self.put_fields(block)
        elif isinstance(block, Table):
            self.put_table(block)
        elif isinstance(block, Columns):
            self.put_columns(block)
        else:
            self.put_chart(block)


def write(document: Mapping[str, Any], target: Target) -> None:
    """Write the PDF of the report."""
    exercise = document["exercise"]
    pdf = ReportPDF()
    pdf.set_title(f"Báo cáo kết quả diễn tập: {exercise['title']}")
    pdf.set_author(exercise["instructor"] or "")
    pdf.set_creation_date(datetime.datetime.fromisoformat(exercise["date"]).replace(tzinfo=datetime.timezone.utc))
    pdf.add_page()
    for block in outline(document):
        pdf.draw(block)
    with binary_output(target) as out:
        out.write(bytes(pdf.output()))
