"""Trainee accounts: sign up and log in under /practice, to keep a history of one's practice.

Passwords are hashed as instructors' are; a wrong login is refused, logged and
throttled like an instructor's, and so is signing up (every attempt counts
against the address, and against the user name asked for). Logging out is the
platform's (`POST /logout`).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import login_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from web.auth import WRONG_LOGIN, LoginForm, password_matches, refuse_attempt, throttled
from web.extensions import db
from web.forms import Form
from web.models.practice import TraineeAccount
from web.practice import bp

MIN_PASSWORD = 8
TAKEN = lazy_gettext("Tên đăng nhập này đã có người dùng.")


class SignupForm(Form):
    username = StringField(
        lazy_gettext("Tên đăng nhập"),
        validators=[
            DataRequired(),
            Length(min=3, max=64),
            Regexp(r"^[a-z0-9._-]+$", message=lazy_gettext("Chỉ chữ thường không dấu, số và . _ -")),
        ],
    )
    display_name = StringField(lazy_gettext("Họ và tên"), validators=[DataRequired(), Length(max=120)])
    password = PasswordField(
        lazy_gettext("Mật khẩu"),
        validators=[
            DataRequired(),
            Length(min=MIN_PASSWORD, max=200, message=lazy_gettext("Mật khẩu từ %(min)d đến %(max)d ký tự.")),
        ],
    )
    confirm = PasswordField(
        lazy_gettext("Nhập lại mật khẩu"),
        validators=[DataRequired(), EqualTo("password", message=lazy_gettext("Hai mật khẩu không khớp."))],
    )


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    if refused := throttled("signup", request.form.get("username", "")):
        return refused
    form = SignupForm()
    if form.validate_on_submit():
        current_app.extensions["throttle"].count("signup", request.remote_addr, form.username.data)
        account = TraineeAccount(username=form.username.data, display_name=" ".join((form.display_name.data or "").split()))
        account.set_password(form.password.data or "")
        db.session.add(account)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            form.username.errors.append(TAKEN)  # type: ignore[attr-defined]  # a list once validated
        else:
            login_user(account)
            flash(gettext("Đã tạo tài khoản. Chọn một kịch bản để luyện tập."))
            return redirect(url_for("practice.index"))
    return render_template("practice/account.html", form=form, signup=True)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if refused := throttled("practice login", request.form.get("username", "")):
        return refused
    form = LoginForm()
    if form.validate_on_submit():
        account = db.session.scalar(select(TraineeAccount).where(TraineeAccount.username == form.username.data))
        if password_matches(account, form.password.data or ""):
            login_user(account)
            return redirect(url_for("practice.index"))
        refuse_attempt(
            "practice login", form.username.data or "", f"wrong username or password for '{form.username.data}'", WRONG_LOGIN
        )
    return render_template("practice/account.html", form=form, signup=False)
