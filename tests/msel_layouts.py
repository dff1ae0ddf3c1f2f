"""MSEL sheets laid out as planners make them, for the import's tests: XLSX built with openpyxl.

The CSV layouts are files in tests/fixtures/msel/ (`hseep.csv`: an HSEEP English sheet under a
title block; `vn-tinh.csv`: a provincial Vietnamese sheet, semicolons, old-style tone marks).
`vn_xlsx()` is a Vietnamese workbook with merged title cells, Excel times and a recipients
column headed in a way the import does not know ("Đối tượng nhận"), for the mapping report.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

LAYOUTS = Path(__file__).parent / "fixtures" / "msel"
UNKNOWN_TO = "Đối tượng nhận"
VN_ROWS = [
    ["TT", "Thời gian (T+)", "Hình thức", "Nguồn", UNKNOWN_TO, "Mô tả sự kiện", "Phản ứng mong đợi", "Ghi chú"],
    [
        1,
        datetime.time(0, 10),
        "Bài đăng Facebook",
        "Fanpage 'Tin nóng Hòa Giang'",
        "Sở VHTTDL",
        "Bài đăng nói thủy điện sắp xả lũ khẩn cấp, dân phải sơ tán ngay.",
        "Phát hiện, báo cáo",
        "",
    ],
    [
        2,
        datetime.time(0, 30),
        "Báo cáo giám sát",
        "Tổ giám sát thông tin – Sở VHTTDL",
        "Sở VHTTDL; Ban Tuyên giáo",
        "Bài đăng có 800 lượt chia sẻ sau 20 phút.",
        "Họp phối hợp",
        "",
    ],
    [
        3,
        datetime.time(1, 10),
        "Điện thoại phóng viên",
        "Phóng viên Đài truyền hình tỉnh",
        "Uỷ ban nhân dân tỉnh",
        "Phóng viên hỏi có đúng thủy điện xả lũ khẩn cấp không.",
        "Trả lời báo chí",
        "",
    ],
    [
        4,
        "T+02:00",
        "Truyền hình",
        "Đài Phát thanh – Truyền hình Hòa Giang",
        "UBND tỉnh",
        "Bản tin trưa đưa tin người dân hoang mang.",
        "Theo dõi",
        "",
    ],
]


def vn_xlsx() -> io.BytesIO:
    """A provincial workbook: two merged title rows, a blank row, the header, four events."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Kịch bản diễn tập"
    sheet["A1"] = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HÒA GIANG"
    sheet["A2"] = "DANH SÁCH SỰ KIỆN DIỄN TẬP: LŨ QUÉT VÀ TIN ĐỒN XẢ LŨ"
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("A2:H2")
    sheet["A1"].font = sheet["A2"].font = Font(bold=True)
    for r, row in enumerate(VN_ROWS, start=4):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer
