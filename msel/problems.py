"""What can go wrong reading a Master Scenario Events List (MSEL), said in the reader's language.

`MselProblem` is one row (or the drill) that could not be read, with the spreadsheet
row and the column as the file heads it, and why: a `scenarios.messages.Message` (its id
the Vietnamese text, marked with `N_`; a loader's or Pydantic's message may be one of its
parameters). `located()` is that message with where it is; whoever shows it renders it in
the reader's language (`web.i18n.translated` in the web, `web.console` on the command line);
`str` is its Vietnamese. `CellError` is raised by a cell parser and becomes a problem of
its row; `MselError` means the file cannot be read at all. Both are `MessageError`s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scenarios.messages import N_, Message, MessageError

IN_THE_DRILL = N_("kịch bản: %(problem)s")
ON_A_ROW = N_("dòng %(row)s: %(problem)s")
IN_A_CELL = N_("dòng %(row)s, cột “%(column)s”: %(problem)s")


@dataclass(frozen=True)
class MselProblem:
    """Why a row, or the drill built from the rows, is not right."""

    message: Message
    row: int | None = None  # the row number a spreadsheet shows (the header row counts)
    column: str | None = None  # the column's header as written in the file

    def located(self) -> Message:
        """The problem with where it is: the drill, a row, or a row's cell."""
        if self.row is None:
            return Message(IN_THE_DRILL, {"problem": self.message})
        if self.column is None:
            return Message(ON_A_ROW, {"row": self.row, "problem": self.message})
        return Message(IN_A_CELL, {"row": self.row, "column": self.column, "problem": self.message})

    def __str__(self) -> str:
        return self.located().text()


def quote(names: Iterable[str]) -> str:
    """Names as a message quotes them: “a”, “b”."""
    return ", ".join(f"“{name}”" for name in names)


class CellError(MessageError):
    """A cell that cannot be read; it becomes a problem of its row."""


class MselError(MessageError):
    """A file that cannot be read as an MSEL at all, or an import without a base drill."""
