"""How wide a line of text is in the report's font, so that a rule under it can be as long as the line.

    text_width("Độc lập - Tự do - Hạnh phúc", STYLES["motto"])   # mm, in Liberation Serif = Times New Roman

The widths come from the bundled Liberation Serif (`debrief/fonts/`), whose
advance widths are those of Times New Roman: the PDF draws with it and Word
lays out the DOCX with Times New Roman, so one number serves both.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}
PT = 25.4 / 72  # mm per point


def emphasis(bold: bool, italic: bool) -> str:
    """The font variant's key in FILES: '', 'B', 'I' or 'BI'."""
    return ("B" if bold else "") + ("I" if italic else "")


@functools.cache
def _advances(variant: str) -> tuple[dict[int, int], float]:
    font = TTFont(FONTS / FILES[variant])
    widths, cmap = font["hmtx"].metrics, font.getBestCmap()
    return {code: widths[glyph][0] for code, glyph in cmap.items()}, float(font["head"].unitsPerEm)


def text_width(text: str, style) -> float:
    """The width in mm of `text` on one line in a `blocks.Style` (a character the font lacks counts as a space)."""
    advances, units = _advances(emphasis(style.bold, style.italic))
    space = advances.get(ord(" "), 0)
    return sum(advances.get(ord(c), space) for c in text) / units * style.size * PT
