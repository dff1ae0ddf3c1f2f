"""Vietnamese first, English at the user's choice (Flask-Babel; catalogues under `web/translations/`).

Message ids are the Vietnamese texts, so a page without a catalogue still speaks Vietnamese;
`web/translations/en/LC_MESSAGES/messages.po` gives each one's English. In templates
`{{ _('Đăng nhập') }}` or `{% trans %}…{% endtrans %}`; in Python `gettext` / `lazy_gettext`
from `flask_babel`; in the page scripts `_("Đang kết nối…")`, translated by `web.script_texts`.

A scenario's own texts come in both languages; `{{ text|localized }}` shows the page's language's side.

The page's language (`select_locale`): the logged-in user's stored choice (`LanguageChoice`), else the
`lang` cookie when it names one of `LOCALES`, else Vietnamese. The switch in every page's header posts to
`/language` (`choose`), which stores the choice for the user (if logged in) and in the cookie, and
returns to the page it came from.

Catalogues, from the repository root (the `.mo` files are committed beside their `.po`):
    pybabel extract -F web/babel.cfg -k lazy_gettext -o web/translations/messages.pot .
    pybabel update -i web/translations/messages.pot -d web/translations
    pybabel compile -d web/translations
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, has_request_context, redirect, request, url_for
from flask_babel import Babel, force_locale, get_locale, gettext
from flask_login import current_user

from scenarios.messages import Message, MessageError
from scenarios.texts import Text
from web import script_texts
from web.extensions import db
from web.models.preferences import LanguageChoice

LOCALES = ("vi", "en")  # the first is the default
LOCALE_COOKIE = "lang"
COOKIE_SECONDS = 365 * 24 * 3600

bp = Blueprint("i18n", __name__)


def _user_id() -> str | None:
    return current_user.get_id() if getattr(current_user, "is_authenticated", False) else None


def select_locale() -> str:
    """The language of this request's page and messages."""
    if not has_request_context():
        return LOCALES[0]
    user_id = _user_id()
    stored = db.session.get(LanguageChoice, user_id) if user_id else None
    if stored is not None and stored.locale in LOCALES:
        return stored.locale
    chosen = request.cookies.get(LOCALE_COOKIE)
    return chosen if chosen in LOCALES else LOCALES[0]


def _same_site(target: str | None) -> str:
    """`target` when it is a path on this site (no scheme, no host: no redirect elsewhere), else the home page."""
    parts = urlsplit(target or "")
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and not parts.scheme
        and not parts.netloc
        and "\\" not in target
    ):
        return target
    return url_for("pages.index")


@bp.post("/language")
def choose():
    """Store the chosen language (for the logged-in user, and in the cookie) and go back to the page."""
    locale = request.form.get("lang")
    if locale not in LOCALES:
        abort(400)
    user_id = _user_id()
    if user_id:
        db.session.merge(LanguageChoice(user_id=user_id, locale=locale))
        db.session.commit()
    response = redirect(_same_site(request.form.get("next")))
    response.set_cookie(LOCALE_COOKIE, locale, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True)
    return response


def localized(text) -> str:
    """The page's language's side of a content text in both (a `scenarios.texts.Text` or a `{"vi", "en"}` dict):
    its English on an English page when it has one, else its Vietnamese (the `localized` filter of the templates)."""
    if text is None:
        return ""
    if isinstance(text, Mapping):
        text = Text(text.get("vi") or "", text.get("en"))
    return text.in_(language())


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", LOCALES[0])
    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # as web/babel.cfg extracts the {% trans %} blocks
    app.register_blueprint(bp)
    script_texts.init_app(app)
    app.add_template_filter(localized)

    @app.context_processor
    def page_language():
        locale = language()
        return {"locale": locale, "other_locale": LOCALES[1] if locale == LOCALES[0] else LOCALES[0]}


# --- messages made in Python: in the language of whoever they are shown to ---------------------------------------
# Their ids are marked with `N_` (scenarios.messages; one of pybabel's default keywords), `gettext` or `lazy_gettext`.


def translated(message: Message) -> str:
    """`message` in the current request's language (Vietnamese outside a request: a background task has no user)."""
    return message.render(gettext)


class TranslatedError(MessageError):
    """An error whose message is shown to a user: `str` in the current request's language, `logged` in Vietnamese
    (what the logs and the audit keep, whoever was refused).

        raise TranslatedError(N_("Kênh phải là một trong: %(channels)s"), channels="sms, tv")
    """

    @property
    def logged(self) -> str:
        return self.message.text()

    def __str__(self) -> str:
        return translated(self.message)


def in_english(message: Message) -> str:
    """`message` in English, whatever the request's language (for a text given in both languages)."""
    with force_locale("en"):
        return translated(message)


def language() -> str:
    """The current request's language, one of LOCALES (Vietnamese outside a request)."""
    locale = get_locale()
    return str(locale) if locale is not None else LOCALES[0]
