"""Trainee accounts: sign up and log in under /practice, to keep a history of one's practice.

Passwords are hashed as instructors' are; a wrong login is refused, logged and
throttled like an instructor's, and so is signing up (every attempt counts
against the address, and against the user name asked for). Logging out is the
platform's (`POST /logout`).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from web.auth import WRONG_LOGIN, password_matches, refuse_attempt, throttled
from web.extensions import db
from web.models.practice import TraineeAccount
from web.practice import bp

MIN_PASSWORD = 8
TAKEN = "Tên đăng nhập này đã có người dùng. / This username is taken."


class SignupForm(FlaskForm):
    username = StringField("Tên đăng nhập / Username", validators=[
        DataRequired(), Length(min=3, max=64),
        Regexp(r"^[a-z0-9._-]+$", message="Chỉ chữ thường không dấu, số và . _ - / "
                                          "Lowercase letters without accents, digits and . _ - only.")])
    display_name = StringField("Họ và tên / Full name", validators=[DataRequired(), Length(max=120)])
    password = PasswordField("Mật khẩu / Password", validators=[
        DataRequired(), Length(min=MIN_PASSWORD, max=200,
                               message=f"Mật khẩu từ {MIN_PASSWORD} đến 200 ký tự. / {MIN_PASSWORD} to 200 characters.")])
    confirm = PasswordField("Nhập lại mật khẩu / Repeat the password", validators=[
        DataRequired(), EqualTo("password", message="Hai mật khẩu không khớp. / The passwords differ.")])


class LoginForm(FlaskForm):
    username = StringField("Tên đăng nhập / Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Mật khẩu / Password", validators=[DataRequired(), Length(max=200)])


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
            flash("Đã tạo tài khoản. Chọn một kịch bản để luyện tập. / Account created. Pick a drill to practise.")
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
        refuse_attempt("practice login", form.username.data or "",
                       f"wrong username or password for '{form.username.data}'", WRONG_LOGIN)
    return render_template("practice/account.html", form=form, signup=False)
