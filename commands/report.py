"""`run.py report EXERCISE --format F --out FILE`: the report of an exercise in the platform's database.

The database is the server's: `CRISIS_DATABASE_URL`, or the SQLite file in
`instance/`. Formats: json, csv (a ZIP of CSV tables), pdf, docx, xlsx; without
--format, the extension of FILE decides (.json, .zip, .pdf, .docx, .xlsx).
--layout (pdf, docx): "state", a report after Nghị định 30/2020/NĐ-CP (the
default), or "party", after Hướng dẫn 36-HD/VPTW for a political school.
--language: vi (the default) or en, the one language the file speaks. The
improvement plan is the one the instructor saved on the report page, else the
generated one. Exit 1 with a message naming the problem on an unknown
exercise, a format not available, or a file that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from commands.loading import cannot_write
from debrief import TeamRunError, report_document
from debrief.exports import FORMATS, LAID_OUT, LANGUAGES, LAYOUTS, ExportError, check_layout, format_of, write, writer
from scenarios.messages import N_
from web import create_app
from web.console import say
from web.extensions import db
from web.models import Exercise
from web.review.plan import saved_plan
from web.runs import exercise_meta, exercise_runs
from web.schema import upgrade_database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="EXERCISE", help="exercise id (as in /instructor/exercises/<id>)")
    parser.add_argument("--format", choices=list(FORMATS), help="default: from the extension of --out")
    parser.add_argument("--out", required=True, metavar="FILE", help="file to write")
    parser.add_argument(
        "--layout",
        choices=list(LAYOUTS),
        help=f"{', '.join(LAID_OUT)} only: "
        + "; ".join(f"{k} = {v.label.en}" for k, v in LAYOUTS.items())
        + " (default: state)",
    )
    parser.add_argument(
        "--language",
        choices=list(LANGUAGES),
        default=LANGUAGES[0],
        help="the one language of the report (json holds both): vi = Vietnamese (default), en = English",
    )


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def main(args: argparse.Namespace) -> int:
    try:
        name = args.format or format_of(args.out)
        writer(name)  # an unknown or unavailable format, or a layout it has not, fails before the database is read
        check_layout(name, args.layout)
    except ExportError as exc:
        return _fail(say(exc.message))
    if not args.exercise.isdigit():
        return _fail(say(N_("Mã bài diễn tập phải là một số, không phải '%(exercise)s'"), exercise=args.exercise))
    app = create_app()
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    database = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_file():
        return _fail(say(N_("Không có cơ sở dữ liệu %(database)s (nền tảng chưa chạy lần nào?)"), database=database))
    with app.app_context():
        try:
            exercise = db.session.get(Exercise, int(args.exercise))
            if exercise is None:
                return _fail(
                    say(
                        N_("Không có bài diễn tập %(exercise)s trong cơ sở dữ liệu %(database)s"),
                        exercise=args.exercise,
                        database=database,
                    )
                )
            upgrade_database()  # the tables and columns a newer version added, as the server's start does
            document = report_document(exercise_meta(exercise), exercise_runs(exercise), plan=saved_plan(exercise))
        except SQLAlchemyError as exc:
            return _fail(
                say(
                    N_(
                        "Không đọc được cơ sở dữ liệu %(database)s (nền tảng đã chạy với cơ sở dữ liệu này chưa?): "
                        "%(reason)s"
                    ),
                    database=database,
                    reason=f"{type(exc).__name__}: {getattr(exc, 'orig', None) or exc}",
                )
            )
        except TeamRunError as exc:
            return _fail(
                say(N_("Bài diễn tập %(exercise)s: nhật ký không khớp: %(reason)s"), exercise=args.exercise, reason=exc)
            )
    try:
        write(document, name, args.out, layout=args.layout, language=args.language)
    except OSError as exc:
        return _fail(cannot_write(args.out, exc))
    print(
        say(
            N_("Đã ghi báo cáo: %(file)s (%(format)s, %(teams)s đội)"),
            file=args.out,
            format=name,
            teams=len(document["teams"]),
        )
    )
    return 0
