"""Trainees: join a team with its code and your name, then act in your role's room.

The role is the one the instructor gave your name, never one the client asks
for; a trainee who drops joins again with the same code and name (matched
regardless of case, spacing and Unicode normalisation, `web.names`), and one
whose login is gone is sent back to `/join`. A browser logged in as someone
else (an instructor trying a join link) is warned that joining logs them out,
and joins only with the box ticked. The socket
namespace authenticates on connect and checks every message: its shape, its
size, and that the drill is under way; the role is always the member's own.
An `act` carries its submission's key (`key`, made by the client once per
submission): a resend with the same key, after a lost ack, a reconnect or a
server restart, gets the first answer and does not act twice.
A self-practice team is joined by nobody: `/practice` lets its trainee in, and
its room is `/practice/room`, the same room with the trainee's own clock.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required, login_user
from flask_socketio import ConnectionRefusedError, emit, join_room
from sqlalchemy import select
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from scenarios.messages import N_
from scenarios.actions import FORMS, LAWFUL_REFUSALS, STATEMENT_CHANNELS, actions_for
from web.auth import AuditedNamespace, is_instructor, is_member, refuse, refuse_attempt, throttled, who_is
from web.forms import Form
from web.validation import MAX_ID, MAX_NAME, is_plain, is_text, refusal
from web.exercises import scenario_of
from web.extensions import db, socketio
from web.controls import ControlError
from web.live import TeamUnavailable
from web.models import EventRecord, Member, Team
from web.names import clean_name, name_key
from web.outbox import TRAINEE_NAMESPACE, role_room
from web.practice.attempts import attempt_of_team

bp = Blueprint("trainee", __name__)


class JoinForm(Form):
    code = StringField(lazy_gettext("Mã đội"), validators=[DataRequired(), Length(min=4, max=12)])
    name = StringField(lazy_gettext("Họ và tên"), validators=[DataRequired(), Length(max=120)])


@bp.route("/join", methods=["GET", "POST"])
def join():
    if refused := throttled("join", request.form.get("code", "")):
        return refused
    form = JoinForm(code=request.args.get("code", ""))
    other, submitted = _other_login(current_user), form.validate_on_submit()
    if submitted and other and not request.form.get("leave"):
        flash(
            gettext(
                "Trình duyệt này đang đăng nhập là %(other)s. Hãy đánh dấu ô xác nhận bên dưới để vào đội (và "
                "đăng xuất tài khoản đó), hoặc mở liên kết trong cửa sổ ẩn danh.",
                other=other,
            ),
            "error",
        )
    elif submitted:
        code, name = (form.code.data or "").strip().upper(), clean_name(form.name.data or "")
        team = db.session.scalar(select(Team).where(Team.join_code == code))
        member = team and _member_named(team, name)
        practice = team is not None and attempt_of_team(team.id) is not None
        if member is None or practice:
            refuse_attempt(
                "join",
                code,
                f"team code '{code}' is a self-practice team" if practice else f"no member '{name}' in team code '{code}'",
                N_("Không tìm thấy tên này trong đội có mã đã nhập. Hãy hỏi giảng viên."),
            )
        else:
            login_user(member)
            return redirect(url_for("trainee.room"))
    return render_template("join.html", form=form, other=other, expired="next" in request.args)


def _other_login(user) -> str | None:
    """Who else this browser is logged in as (an instructor, a practice account), whom joining a team logs out."""
    if not getattr(user, "is_authenticated", False) or is_member(user):
        return None
    kind = gettext("giảng viên") if is_instructor(user) else gettext("tài khoản tự luyện")
    return f"{user.display_name} ({kind})"


def _member_named(team: Team, name: str) -> Member | None:
    """The team's member of this name, regardless of case, spacing and Unicode normalisation (`web.names`)."""
    key = name_key(name)
    return next((m for m in team.members if name_key(m.name) == key), None)


@bp.route("/room")
@login_required
def room():
    if not is_member(current_user):
        refuse(who_is(current_user), "trainee room", "not a trainee")
        return redirect(url_for("pages.index"))
    if attempt_of_team(current_user.team_id) is not None:
        return redirect(url_for("practice.room"))
    return render_template("room.html", **room_context(current_user))


def room_context(member: Member) -> dict[str, Any]:
    """What the room page needs: the member, their team, their role's brief and the forms they may use."""
    scenario = scenario_of(member.team.exercise)
    role = scenario.role(member.role)
    actions = actions_for(scenario, member.role)
    return {
        "member": member,
        "team": member.team,
        "scenario": scenario,
        "role": role,
        "actions": actions,
        "forms": FORMS,
        "channels": STATEMENT_CHANNELS,
        "refusals": LAWFUL_REFUSALS,
        "roles": scenario.roles,
    }


ACT_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")  # a submission's key, as the client makes it (random, URL-safe)
BAD_KEY = N_("'key' phải gồm 8–64 chữ cái, chữ số, '-' hoặc '_'.")
NOT_A_TRAINEE = N_("Chỉ dành cho học viên đã vào đội.")


def _visible(body: dict, role: str) -> bool:
    return role in body.get("audience", ())


class TraineeNamespace(AuditedNamespace):
    """The trainee's socket: authenticated on connect, every message checked."""

    def admit(self, auth=None):
        if not is_member(current_user):
            refuse(who_is(current_user), "trainee socket", "not a joined trainee")
            raise ConnectionRefusedError("not a trainee")
        join_room(role_room(current_user.team_id, current_user.role))
        hello = {"team_id": current_user.team_id, "role": current_user.role, "name": current_user.name}
        try:
            clock = _live().view(current_user.team_id, "clock")  # from the team's owner, wherever it is
        except TeamUnavailable:  # the room still shows what was stored; acts are refused with the reason
            team = db.session.get_one(Team, current_user.team_id)
            emit("hello", {**hello, "status": team.status, "minute": 0, "level": 0, "speed": team.speed, "fault": True})
            return
        emit(
            "hello",
            {
                **hello,
                "status": clock["status"],
                "minute": round(clock["now"], 2),
                "level": clock["level"],
                "speed": clock["speed"],
                "fault": clock["fault"] is not None,
            },
        )

    def on_act(self, data):
        """{type, params, key?} -> {ok, event | error}. The role is the member's own; a known key is not acted again."""
        member = current_user
        if not is_member(member):
            return refusal("act", "not a trainee", NOT_A_TRAINEE)
        if (
            not isinstance(data, dict)
            or not is_text(data.get("type"))
            or len(data["type"]) > MAX_NAME
            or not isinstance(data.get("params", {}), dict)
            or not is_plain(data.get("params", {}))
        ):
            return refusal("act", "malformed message")
        key = data.get("key")
        if key is not None and not (isinstance(key, str) and ACT_KEY.fullmatch(key)):
            return refusal("act", "malformed key", BAD_KEY)
        try:
            event = _live().act(member.team_id, member.get_id(), member.role, data["type"], data.get("params", {}), key)
        except ControlError as exc:
            return refusal(f"act {data['type']}", exc.logged, exc.message)
        if event is None:
            return {"ok": False, "error": gettext("Không ghi nhận được.")}
        if event["kind"] == "refused":
            refuse(member.get_id(), f"act {data['type']}", event["reason"]["en"])
        return {"ok": event["kind"] == "action", "event": event}

    def on_sync(self, data):
        """{after: seq} -> the events this role may see, after that sequence number."""
        member = current_user
        if not is_member(member):
            return refusal("sync", "not a trainee", NOT_A_TRAINEE)
        if not isinstance(data, dict):
            return refusal("sync", "malformed message")
        after = data.get("after", 0)
        if isinstance(after, bool) or not isinstance(after, int):
            return refusal("sync", "malformed cursor", N_("'after' phải là một số nguyên."))
        after = min(max(after, 0), MAX_ID)  # beyond what a database integer holds is "after everything"
        rows = db.session.scalars(
            select(EventRecord.body)
            .where(EventRecord.team_id == member.team_id, EventRecord.seq > after)
            .order_by(EventRecord.seq)
        )
        return {"ok": True, "events": [body for body in rows if _visible(body, member.role)]}


def _live():
    from flask import current_app

    return current_app.extensions["live"]


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    socketio.on_namespace(TraineeNamespace(TRAINEE_NAMESPACE))
