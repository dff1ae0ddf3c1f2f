"""The app's forms: Flask-WTF's, with WTForms' own error messages in the user's language.

WTForms writes a validator's default message in English ("This field is required.") and has
no Vietnamese catalogue; `Form` looks each one up in `WTFORMS_MESSAGES` (its Vietnamese
message id, English in the app's catalogue) and leaves any other as WTForms wrote it. A
form's labels and its own messages are `lazy_gettext` texts.

    class LoginForm(Form):
        username = StringField(lazy_gettext("Tên đăng nhập"), validators=[DataRequired()])
"""

from __future__ import annotations

from flask_babel import gettext
from flask_wtf import FlaskForm

from scenarios.messages import N_

WTFORMS_MESSAGES = {  # WTForms' English -> our message id, for the validators the forms use without a message
    "This field is required.": N_("Cần điền ô này."),
    "Field cannot be longer than %(max)d character.": N_("Dài tối đa %(max)d ký tự."),
    "Field cannot be longer than %(max)d characters.": N_("Dài tối đa %(max)d ký tự."),
    "Field must be between %(min)d and %(max)d characters long.": N_("Cần từ %(min)d đến %(max)d ký tự."),
    "Invalid value, must be one of: %(values)s.": N_("Giá trị không hợp lệ, phải là một trong: %(values)s."),
    "Not a valid integer value.": N_("Không phải số nguyên."),
    "Not a valid float value.": N_("Không phải số."),
    "Not a valid choice.": N_("Lựa chọn không hợp lệ."),
}


class _Translations:
    """What WTForms asks its messages of: each known one in the user's language, any other as written."""

    def gettext(self, string: str) -> str:
        return gettext(WTFORMS_MESSAGES[string]) if string in WTFORMS_MESSAGES else string

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


class Form(FlaskForm):
    """A Flask-WTF form whose WTForms messages follow the user's language."""

    class Meta:
        def get_translations(self, form):
            return _Translations()
