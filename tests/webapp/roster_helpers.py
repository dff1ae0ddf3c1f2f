"""Roster files as instructors make them (CSV saved by Excel, XLSX), for the roster tests."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

ROLES_VI = ("Người phát ngôn", "Ban Tuyên giáo và Dân vận", "Sở VHTTDL", "Người phát ngôn", "spokesperson")
HEADER_VI = ("STT", "Họ tên", "Vai trò", "Đội")


def roster_rows(teams: int) -> list[tuple]:
    """`teams` teams of 5 trainees: a number column the reader ignores, then name, role (as people write it), team."""
    return [(n * 5 + k + 1, f"Nguyễn Văn Học {n}-{k}", ROLES_VI[k], f"Đội {n + 1}") for n in range(teams) for k in range(5)]


def as_csv(header: tuple, rows: list[tuple], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([header, *rows])
    return out.getvalue().encode("utf-8-sig")  # as Excel saves "CSV UTF-8"


def as_xlsx(header: tuple, rows: list[tuple]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in (header, *rows):
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
