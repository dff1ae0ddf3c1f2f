"""Vietnamese first, English at the user's choice (Flask-Babel; catalogues under `web/translations/`).

Message ids are the Vietnamese texts, so a page without a catalogue still speaks Vietnamese;
`web/translations/en/LC_MESSAGES/messages.po` gives each one's English. In templates
`{{ _('Đăng nhập') }}` or `{% trans %}…{% endtrans %}`; in Python `gettext` / `lazy_gettext`
from `flask_babel`.

The page's language (`select_locale`): the `lang` cookie when it names one of `LOCALES`, else Vietnamese.

Catalogues, from the repository root (the `.mo` files are committed beside their `.po`):
    pybabel extract -F web/babel.cfg -k lazy_gettext -o web/translations/messages.pot .
    pybabel update -i web/translations/messages.pot -d web/translations
    pybabel compile -d web/translations
"""

from __future__ import annotations

from flask import Flask, request
from flask_babel import Babel, force_locale, get_locale, gettext

from scenarios.messages import Message, MessageError

LOCALES = ("vi", "en")  # the first is the default
LOCALE_COOKIE = "lang"


def select_locale() -> str:
    """The language of this request's page and messages."""
    chosen = request.cookies.get(LOCALE_COOKIE) if request else None
    return chosen if chosen in LOCALES else LOCALES[0]


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", LOCALES[0])
    Babel(app, locale_selector=select_locale)


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
