"""Pages for everyone: the landing page, and error pages that say what went wrong in both languages."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

from web.extensions import db

bp = Blueprint("pages", __name__)


@bp.route("/")
def index():
    return render_template("index.html")


def _error(code: int, vi: str, en: str):
    def handler(error):
        db.session.rollback()
        return render_template("error.html", code=code, vi=vi, en=en), code

    return handler


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.register_error_handler(400, _error(400, "Yêu cầu không hợp lệ (có thể phiên đã hết hạn).",
                                           "Bad request (the form may have expired)."))
    app.register_error_handler(403, _error(403, "Bạn không có quyền truy cập trang này.", "You may not see this page."))
    app.register_error_handler(404, _error(404, "Không tìm thấy trang.", "Page not found."))
    app.register_error_handler(413, _error(413, "Dữ liệu gửi lên quá lớn.", "What was sent is too large."))
    app.register_error_handler(500, _error(500, "Lỗi hệ thống; dữ liệu đã lưu không bị mất.",
                                           "Server error; nothing already saved was lost."))
