"""What can go wrong reading a Master Scenario Events List (MSEL), in Vietnamese and English.

`MselProblem` is one row (or the drill) that could not be read, with the spreadsheet
row and the column as the file heads it, and the loader's or Pydantic's `Message` (`cause`)
when that says why (shown after the texts, in the reader's language where there is one); `CellError` is raised by
a cell parser and becomes a problem of its row; `MselError` means the file cannot be read at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.messages import Message
from scenarios.texts import Text


@dataclass(frozen=True)
class MselProblem:
    """Why a row, or the drill built from the rows, is not right."""

    text: Text
    row: int | None = None  # the row number a spreadsheet shows (the header row counts)
    column: str | None = None  # the column's header as written in the file
    cause: Message | None = None  # why, from the loader or Pydantic: follows `vi` / `en`

    def where(self, row: str, column: str, drill: str) -> str:
        if self.row is None:
            return drill
        return f"{row} {self.row}" + (
            f", {column} {quote([self.column], 'vi' if row == 'dòng' else 'en')}" if self.column else ""
        )

    def full(self, lang: str, cause: str | None = None) -> str:
        """The problem in `lang` ("vi" or "en") with where it is; the cause as given (the web layer translates it),
        else in Vietnamese."""
        cause = cause if cause is not None else (self.cause.text() if self.cause else "")
        words = ("dòng", "cột", "kịch bản") if lang == "vi" else ("row", "column", "drill")
        return f"{self.where(*words)}: {self.text.in_(lang)}{cause}"

    def __str__(self) -> str:
        """Both languages; with a cause, Vietnamese only (the cause's English is in the web's catalogue)."""
        return self.full("vi") if self.cause else f"{self.full('vi')} / {self.full('en')}"


def quote(names, lang: str) -> str:
    """Names quoted as each language quotes them: “a”, “b” in Vietnamese, 'a', 'b' in English."""
    return ", ".join(f"“{name}”" if lang == "vi" else f"'{name}'" for name in names)


class BilingualError(ValueError):
    """An error whose message (`text`) is given in Vietnamese and English."""

    def __init__(self, vi: str, en: str):
        self.text = Text(vi, en)
        super().__init__(f"{vi} / {en}")


class CellError(BilingualError):
    """A cell that cannot be read; it becomes a problem of its row."""


class MselError(BilingualError):
    """A file that cannot be read as an MSEL at all, or an import without a base drill."""
