"""Export formats of the report: each renders the one document of `debrief.document.report_document`.

    from debrief.exports import write
    write(document, "csv", "report.zip")          # or a binary stream, e.g. io.BytesIO()
    write(document, "pdf", "report.pdf", layout="party")   # the printed formats have two layouts
    write(document, "xlsx", "report.xlsx", language="en")  # every format but json in Vietnamese or English

`FORMATS` maps a format's name to its writer, `write(document, target)` where
target is a path or a binary stream. A format planned but not written yet maps
to None: asking for it raises `ExportError`, a clear message, not a crash.
Adding one is one line: its writer in place of the None. The printed
formats (`LAID_OUT`: pdf, docx) take a layout (`layouts.LAYOUTS`: "state",
Nghị định 30/2020/NĐ-CP, the default; "party", Hướng dẫn 36-HD/VPTW). Every
format but json (the document itself, in both languages) is written in one
`LANGUAGES`: "vi", the default, or "en".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from debrief.exports import csv_export, json_export
from debrief.exports.layouts import LAYOUTS, LayoutError, layout_of  # noqa: F401 - LAYOUTS for the commands
from debrief.exports.lazy import lazy
from debrief.exports.output import Target
from debrief.exports.wording import LANGUAGES
from scenarios.messages import N_, MessageError

Writer = Callable[..., None]  # (document, target), `language=` but for json, and `layout=` for pdf and docx

FORMATS: dict[str, Writer | None] = {
    "json": json_export.write,
    "csv": csv_export.write,  # a ZIP of CSV tables
    "pdf": lazy("pdf_export"),
    "docx": lazy("docx_export"),  # a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP)
    "xlsx": lazy("xlsx_export"),
}
EXTENSIONS = {".json": "json", ".zip": "csv", ".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx"}
LAID_OUT = ("pdf", "docx")  # the formats with a layout
BILINGUAL = ("json",)  # the formats that hold the document itself, both languages: no language to choose


class ExportError(MessageError):
    """A format that does not exist or is not available yet, a file name whose format is unknown, a layout or a
    language that is not one of the report's; its `message` is shown in the reader's language."""


def available() -> list[str]:
    """The formats that can be written now."""
    return [name for name, writer in FORMATS.items() if writer is not None]


def writer(name: str) -> Writer:
    """The writer of a format; ExportError if it is unknown or not available yet."""
    if name not in FORMATS:
        raise ExportError(
            N_("Không có định dạng '%(format)s' (các định dạng: %(formats)s)"), format=name, formats=", ".join(FORMATS)
        )
    found = FORMATS[name]
    if found is None:
        raise ExportError(
            N_("Định dạng '%(format)s' chưa có (các định dạng có: %(formats)s)"), format=name, formats=", ".join(available())
        )
    return found


def format_of(path: str | Path) -> str:
    """The format a file name asks for by its extension (.json, .zip for the CSV tables, .pdf, .docx, .xlsx)."""
    extension = Path(path).suffix.lower()
    if extension not in EXTENSIONS:
        raise ExportError(
            N_("Không rõ định dạng của '%(path)s': dùng một trong %(extensions)s (.zip chứa các bảng CSV)"),
            path=str(path),
            extensions=", ".join(EXTENSIONS),
        )
    return EXTENSIONS[extension]


def check_layout(name: str, layout: str | None) -> None:
    """ExportError if `layout` is not one of LAYOUTS, or is given for a format without layouts."""
    if layout is None:
        return
    try:
        layout_of(layout)
    except LayoutError as exc:
        raise ExportError(exc.message) from None
    if name not in LAID_OUT:
        raise ExportError(
            N_("Định dạng '%(format)s' không có mẫu trình bày (chỉ %(laid_out)s): bỏ mẫu trình bày đi"),
            format=name,
            laid_out=", ".join(LAID_OUT),
        )


def check_language(language: str) -> None:
    """ExportError if `language` is not one of LANGUAGES."""
    if language not in LANGUAGES:
        raise ExportError(
            N_("Không có ngôn ngữ báo cáo '%(language)s' (các ngôn ngữ: %(languages)s)"),
            language=language,
            languages=", ".join(LANGUAGES),
        )


def write(
    document: Mapping[str, Any], name: str, target: Target, layout: str | None = None, language: str = LANGUAGES[0]
) -> None:
    """Write the document in a format to a path or a binary stream; `layout` (pdf, docx only): one of LAYOUTS;
    `language`: one of LANGUAGES ("vi", the default, or "en"), the only one the file speaks."""
    found = writer(name)
    check_layout(name, layout)
    check_language(language)
    options: dict[str, Any] = {} if name in BILINGUAL else {"language": language}
    if layout is not None:
        options["layout"] = layout
    found(document, target, **options)
