"""What each user chose for themselves: the language of their pages (`web.i18n`).

Keyed by the Flask-Login id (`instructor:3`, `member:5`, `account:2`, `evaluator:1`), so one table serves
every kind of user; a user who never chose has no row and gets the `lang` cookie's language or Vietnamese.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from web.extensions import Model


class LanguageChoice(Model):
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True)  # current_user.get_id()
    locale: Mapped[str] = mapped_column(String(8))  # one of web.i18n.LOCALES
