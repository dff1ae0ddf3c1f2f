"""The report document as a PDF (fpdf2): the blocks of `outline`, A4, in the bundled Liberation Serif.

Liberation Serif has the metrics of Times New Roman (the font of Nghị định
30/2020/NĐ-CP and of the Word report) and every Vietnamese letter; it is
loaded from the package (`debrief/fonts/`), never from the system, and
embedded, so the PDF looks the same on any machine. Tables break across pages
with their header row repeated; the page number is centred in the top margin
from page 2 on; a heading (or a label such as "a) …") never ends a page: it
goes to the next one with the start of what follows it. Each team gets its
opinion chart (`pdf_chart`).

    write(document, "report.pdf")                  # the state layout
    write(document, stream, layout="party")        # Hướng dẫn 36-HD/VPTW
    write(document, "report-en.pdf", language="en")  # the English copy
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, cast

from fpdf import FPDF, FontFace

from debrief.exports import pdf_chart
from debrief.exports.blocks import (
    FIRST_LINE_INDENT,
    KEEP_WITH_NEXT,
    MARGINS,
    TEXT_WIDTH,
    Block,
    Chart,
    Columns,
    Fields,
    Heading,
    Para,
    Rule,
    Style,
    Table,
)
from debrief.exports.layouts import Layout, layout_of
from debrief.exports.metrics import FILES, FONTS, PT, emphasis
from debrief.exports.outline import outline
from debrief.exports.output import Target, binary_output
from debrief.exports.wording import Wording

FONT = "LiberationSerif"
LEADING = 1.25  # line height / font size
HEADER_FILL = (225, 230, 238)
PAGE_NUMBER_Y = 10.0  # mm from the top edge, in the top margin
RULE_WIDTH = 0.3  # mm
SAFETY = 2.0  # mm added to what a heading must keep with it


class ReportPDF(FPDF):
    """An A4 page with the report's margins and fonts, and the page number top centre from page 2."""

    def __init__(self, layout: Layout, language: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.styles = layout.styles
        for variant, name in FILES.items():
            self.add_font(FONT, variant, FONTS / name)
        self.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
        self.set_auto_page_break(True, MARGINS["bottom"])
        self.set_lang(language)

    def header(self) -> None:
        if self.page_no() < 2:
            return
        self.set_y(PAGE_NUMBER_Y)
        self.use(self.styles["page_number"])
        self.cell(0, 5, str(self.page_no()), align="C")
        self.set_y(MARGINS["top"])

    # --- styles --------------------------------------------------------------------------------------

    def use(self, style: Style, bold: bool | None = None) -> float:
        """Set the font of a style (`bold` overrides its weight); returns its line height in mm."""
        bold = style.bold if bold is None else bold
        self.set_font(FONT, emphasis(bold, style.italic) + ("U" if style.underline else ""), style.size)
        return style.size * PT * LEADING

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm fit below the current position."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def text_height(self, text: str, style: Style, width: float = TEXT_WIDTH) -> float:
        """The height of a paragraph of `text` in a style and width, as multi_cell lays it out."""
        height = self.use(style)
        if not text:
            return height
        return cast(float, self.multi_cell(width, height, text, dry_run=True, output="HEIGHT"))  # what HEIGHT asks

    # --- blocks --------------------------------------------------------------------------------------

    def put_paragraph(self, runs: list[tuple[str, bool]], style: Style, after: float = 1.5) -> None:
        """One paragraph of runs (text, bold) in a style, flowing across pages."""
        height = self.use(style)
        if not any(text for text, _ in runs):
            self.ln(height)
            return
        indent = FIRST_LINE_INDENT if style.indent else 0
        with (
            self.text_columns(text_align=style.align[0].upper(), line_height=LEADING) as columns,
            columns.paragraph(first_line_indent=indent, bottom_margin=after) as paragraph,
        ):
            for text, bold in runs:
                self.use(style, bold)
                paragraph.write(text)

    def put_heading(self, block: Heading) -> None:
        self.ln(2)
        self.put_paragraph([(block.text, True)], self.styles["heading" if block.level == 1 else "subheading"])

    def put_fields(self, block: Fields) -> None:
        for label, value in block.rows:
            self.put_paragraph([(f"{label}: ", True), (value, False)], self.styles["field"], after=0.8)

    def put_table(self, block: Table) -> None:
        height = self.use(self.styles["cell"])  # fpdf2 keeps the header row with the first row below it
        with self.table(
            width=TEXT_WIDTH,
            col_widths=block.widths,
            line_height=height,
            align="LEFT",
            text_align="LEFT",
            v_align="TOP",
            padding=1.2,
            repeat_headings=1,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        ) as table:
            for row in (block.header, *block.rows):
                table.row(row)
        self.ln(3)

    def put_rule(self, block: Rule, x: float = MARGINS["left"], width: float = TEXT_WIDTH) -> None:
        """A line `block.length` long, centred in the column from x of `width`, just under the line above."""
        y = self.get_y() + 1.0
        self.set_line_width(RULE_WIDTH)
        self.line(x + (width - block.length) / 2, y, x + (width + block.length) / 2, y)
        self.set_line_width(0.2)
        self.set_y(y + 1.6)

    def _column_height(self, items: tuple[Para | Rule, ...], width: float) -> float:
        return sum(
            2.2 if isinstance(item, Rule) else self.text_height(item.text, self.styles[item.style], width) for item in items
        )

    def put_columns(self, block: Columns) -> None:
        """The two borderless columns, side by side; they stay on one page."""
        widths = (TEXT_WIDTH * block.share, TEXT_WIDTH * (1 - block.share))
        self.room(max(self._column_height(block.left, widths[0]), self._column_height(block.right, widths[1])))
        top, bottom = self.get_y(), self.get_y()
        for items, x, width in ((block.left, self.l_margin, widths[0]), (block.right, self.l_margin + widths[0], widths[1])):
            self.set_xy(x, top)
            for item in items:
                if isinstance(item, Rule):
                    self.put_rule(item, x, width)
                    continue
                style = self.styles[item.style]
                height = self.use(style)
                self.set_x(x)
                self.multi_cell(width, height, item.text, align=style.align[0].upper(), new_x="LEFT", new_y="NEXT")
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom + 3)

    def put_chart(self, block: Chart) -> None:
        self.room(pdf_chart.HEIGHT)
        pdf_chart.draw(self, block, self.l_margin, self.get_y(), TEXT_WIDTH)
        self.set_y(self.get_y() + pdf_chart.HEIGHT + 2)

    def draw(self, block: Block) -> None:
        if isinstance(block, Para):
            self.put_paragraph([(block.text, self.styles[block.style].bold)], self.styles[block.style])
        elif isinstance(block, Heading):
            self.put_heading(block)
        elif isinstance(block, Fields):
            self.put_fields(block)
        elif isinstance(block, Table):
            self.put_table(block)
        elif isinstance(block, Rule):
            self.put_rule(block)
        elif isinstance(block, Columns):
            self.put_columns(block)
        else:
            self.put_chart(block)

    # --- keeping a heading with what follows it -------------------------------------------------------

    def lead_height(self, block: Block) -> float:
        """How much of a block must follow a heading on its page: all of a paragraph, chart or columns;
        a table's header and first row; the first labelled value."""
        if isinstance(block, Heading):
            return 2 + self.text_height(block.text, self.styles["heading"])
        if isinstance(block, Para):
            return self.text_height(block.text, self.styles[block.style])
        if isinstance(block, Fields):
            label, value = block.rows[0] if block.rows else ("", "")
            return self.text_height(f"{label}: {value}", self.styles["field"])
        if isinstance(block, Table):
            shares = [w / sum(block.widths) * TEXT_WIDTH - 2.4 for w in block.widths]
            rows = [block.header, *block.rows[:1]]
            return sum(
                max(self.text_height(cell, self.styles["cell"], w) for cell, w in zip(row, shares, strict=True)) + 2.4
                for row in rows
            )
        if isinstance(block, Chart):
            return pdf_chart.HEIGHT
        if isinstance(block, Columns):
            return self._column_height(block.left, TEXT_WIDTH * block.share)
        return 2.2

    def keep_together(self, blocks: Sequence[Block], start: int) -> None:
        """Before a heading (or label) at `start`: go to a new page unless it, the headings and labels
        right after it and the lead of the first other block fit on this one."""
        end = start
        while end < len(blocks) and _keeps_with_next(blocks[end]):
            end += 1
        group = blocks[start : end + 1]
        self.room(sum(self.lead_height(block) for block in group) + SAFETY)


def _keeps_with_next(block: Block) -> bool:
    return isinstance(block, Heading) or (isinstance(block, Para) and block.style in KEEP_WITH_NEXT)


def write(document: Mapping[str, Any], target: Target, layout: str | None = None, language: str = "vi") -> None:
    """Write the PDF of the report in a layout (`layouts`: "state", the default, or "party") and a language
    ("vi", the default, or "en")."""
    chosen, say = layout_of(layout), Wording(language)
    exercise = document["exercise"]
    pdf = ReportPDF(chosen, language)
    pdf.set_title(say(f"Báo cáo kết quả diễn tập: {exercise['title']}", f"Exercise report: {exercise['title']}"))
    pdf.set_author(chosen.issuance(exercise, language)["issuer"])
    pdf.set_creation_date(datetime.datetime.fromisoformat(exercise["date"]).replace(tzinfo=datetime.UTC))
    pdf.add_page()
    blocks = outline(document, chosen, language)
    previous: Block | None = None
    for index, block in enumerate(blocks):
        if _keeps_with_next(block) and (previous is None or not _keeps_with_next(previous)):
            pdf.keep_together(blocks, index)
        pdf.draw(block)
        previous = block
    with binary_output(target) as out:
        out.write(bytes(pdf.output()))
