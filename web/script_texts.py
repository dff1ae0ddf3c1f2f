"""The page scripts' texts in the page's language: `/texts/<locale>.js` sets `window.DrillTexts`.

A script says `_("Đang kết nối…")` or `_("Cấp %(level)s", {level: 3})` (`static/texts.js`): the message id is the
Vietnamese text, as in the templates and Python. `pybabel extract` finds those ids in `web/static/*.js`
(web/babel.cfg); their English comes from the same catalogue as the pages' (`web/translations/<locale>/`),
read from its `.po`, whose entries say where each id is used. Vietnamese, the ids' own language, needs none:
its table is empty. Every page loads its language's table before its scripts (base.html).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from flask import Blueprint, Flask, Response, abort, current_app

CATALOGUES = Path(__file__).parent / "translations"
SCRIPTS = "web/static/"  # where a message id must be used to be a script's

bp = Blueprint("script_texts", __name__)


@cache
def table(locale: str) -> dict[str, str]:
    """The translation of every script message id into `locale` (none for the ids' own language)."""
    catalogue = CATALOGUES / locale / "LC_MESSAGES" / "messages.po"
    if not catalogue.exists():
        return {}
    with catalogue.open("rb") as po:
        return {
            message.id: message.string
            for message in read_po(po)
            if isinstance(message.id, str)  # a script's `_()` has no plural forms
            and isinstance(message.string, str)
            and message.id
            and message.string
            and any(path.startswith(SCRIPTS) for path, _line in message.locations)
        }


@bp.route("/texts/<locale>.js")
def script(locale: str):
    """`window.DrillTexts` for a page in `locale` (one the platform speaks: its own, or one with a catalogue)."""
    if locale not in {str(known) for known in current_app.extensions["babel"].instance.list_translations()}:
        abort(404)
    texts = json.dumps(table(locale), ensure_ascii=False)
    response = Response(f"window.DrillTexts = {texts};\n", mimetype="text/javascript")
    response.cache_control.public, response.cache_control.max_age = True, 3600
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
