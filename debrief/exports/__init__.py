"""Export formats of the report: each renders the one document of `debrief.document.report_document`.

    from debrief.exports import write
    write(document, "csv", "report.zip")          # or a binary stream, e.g. io.BytesIO()
    write(document, "pdf", "report.pdf", layout="party")   # the printed formats have two layouts

`FORMATS` maps a format's name to its writer, `write(document, target)` where
target is a path or a binary stream. A format planned but not written yet maps
to None: asking for it raises `ExportError`, a clear message, not a crash.
Adding one is one line: its writer in place of the None. The printed
formats (`LAID_OUT`: pdf, docx) take a layout (`layouts.LAYOUTS`: "state",
Nghị định 30/2020/NĐ-CP, the default; "party", Hướng dẫn 36-HD/VPTW).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from debrief.exports import csv_export, json_export
from debrief.exports.layouts import LAYOUTS, LayoutError, layout_of  # noqa: F401 - LAYOUTS for the commands
from debrief.exports.lazy import lazy
from debrief.exports.output import Target

Writer = Callable[..., None]  # (document, target), and `layout=` for pdf and docx

FORMATS: dict[str, Writer | None] = {
    "json": json_export.write,
    "csv": csv_export.write,  # a ZIP of CSV tables
    "pdf": lazy("pdf_export"),
    "docx": lazy("docx_export"),  # a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP)
    "xlsx": lazy("xlsx_export"),
}
EXTENSIONS = {".json": "json", ".zip": "csv", ".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx"}
LAID_OUT = ("pdf", "docx")  # the formats with a layout


class ExportError(ValueError):
    """A format that does not exist or is not available yet, or a file name whose format is unknown."""


def available() -> list[str]:
    """The formats that can be written now."""
    return [name for name, writer in FORMATS.items() if writer is not None]


def writer(name: str) -> Writer:
    """The writer of a format; ExportError if it is unknown or not available yet."""
    if name not in FORMATS:
        raise ExportError(f"Không có định dạng '{name}' / no format '{name}' (formats: {', '.join(FORMATS)})")
    found = FORMATS[name]
    if found is None:
        raise ExportError(
            f"Định dạng '{name}' chưa có / the '{name}' format is not available yet (available: {', '.join(available())})"
        )
    return found


def format_of(path: str | Path) -> str:
    """The format a file name asks for by its extension (.json, .zip for the CSV tables, .pdf, .docx, .xlsx)."""
    extension = Path(path).suffix.lower()
    if extension not in EXTENSIONS:
        raise ExportError(
            f"Không rõ định dạng của '{path}' / cannot tell the format of '{path}': "
            f"use one of {', '.join(EXTENSIONS)} (.zip holds the CSV tables)"
        )
    return EXTENSIONS[extension]


def check_layout(name: str, layout: str | None) -> None:
    """ExportError if `layout` is not one of LAYOUTS, or is given for a format without layouts."""
    if layout is None:
        return
    try:
        layout_of(layout)
    except LayoutError as exc:
        raise ExportError(str(exc)) from None
    if name not in LAID_OUT:
        raise ExportError(
            f"Định dạng '{name}' không có mẫu trình bày (chỉ {', '.join(LAID_OUT)}) / "
            f"the '{name}' format has no layouts (only {', '.join(LAID_OUT)}): leave the layout out"
        )


def write(document: Mapping[str, Any], name: str, target: Target, layout: str | None = None) -> None:
    """Write the document in a format to a path or a binary stream; `layout` (pdf, docx only): one of LAYOUTS."""
    found = writer(name)
    check_layout(name, layout)
    if layout is None:
        found(document, target)
    else:
        found(document, target, layout=layout)
