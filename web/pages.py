"""Pages for everyone: the landing page, and error pages that say what went wrong in the page's language (a 403 also
who this browser is logged in as and where to log in again)."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template, request
from flask_babel import gettext
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from scenarios.messages import N_
from web.auth import refuse, who_is
from web.extensions import db

bp = Blueprint("pages", __name__)


@bp.route("/")
def index():
    return render_template("index.html")


def _error(code: int, message: str):
    """The handler of an error `code` that shows `message` (a message id, translated when the page is made)."""

    def handler(error):
        db.session.rollback()
        return render_template("error.html", code=code, message=gettext(message)), code

    return handler


def _forbidden(error):
    """403, with who this browser is logged in as and how to log in as someone who may see the page.

    The usual way here: an instructor tried a join link in their own browser, so the browser is
    now that trainee's; the page says so and links to the instructor login and to /join.
    """
    db.session.rollback()
    who = None
    if getattr(current_user, "is_authenticated", False):
        who = (
            current_user.display_name
            if hasattr(current_user, "display_name")
            else (gettext("%(name)s (học viên, %(team)s)", name=current_user.name, team=current_user.team.name))
        )
    return render_template(
        "error.html",
        code=403,
        message=gettext("Bạn không có quyền truy cập trang này."),
        login_help=True,
        who=who,
    ), 403


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    bad_request = _error(400, N_("Yêu cầu không hợp lệ (có thể phiên đã hết hạn)."))
    app.register_error_handler(400, bad_request)

    def csrf_refused(error):
        """A form posted without its session's CSRF token: refused (400) and logged, like any refused attempt."""
        refuse(who_is(current_user), f"{request.method} {request.path}", f"CSRF: {error.description}")
        return bad_request(error)

    app.register_error_handler(CSRFError, csrf_refused)
    app.register_error_handler(403, _forbidden)
    app.register_error_handler(404, _error(404, N_("Không tìm thấy trang.")))
    app.register_error_handler(413, _error(413, N_("Dữ liệu gửi lên quá lớn.")))
    app.register_error_handler(500, _error(500, N_("Lỗi hệ thống; dữ liệu đã lưu không bị mất.")))
