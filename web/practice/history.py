"""A trainee account's practice history: its attempts, the score over time, the rules it keeps failing.

Only complete attempts count in the chart and in the rules failed: one ended
before the drill's duration (the trainee's End) is listed as incomplete, with
its score, and averaged nowhere (an early end would otherwise inflate it: the
obligations of the unplayed hours never came).

    GET  /practice/history                the account's attempts (accounts only, `web.practice.access`; each its own)
    POST /practice/attempts/<id>/resume   back into the room of an unfinished attempt of one's own

An attempt whose drill ended while nobody looked at its card is scored here.
The chart is inline SVG drawn from the scores (no script).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import login_user
from sqlalchemy import select

from web.auth import refuse
from web.extensions import db
from web.models.practice import PracticeAttempt
from web.practice import bp
from web.practice.access import the_account
from web.practice.attempts import close_ended, ended_early
from web.practice.catalog import drill
from web.validation import as_id

CHART_WIDTH, CHART_HEIGHT = 640, 220
CHART_PAD = {"left": 40, "right": 16, "top": 14, "bottom": 30}


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    score: float
    number: int  # the attempt's rank among the scored ones, from 1


def score_chart(scores: list[float]) -> dict:
    """Where to draw each score (0-100) of a series, oldest first, in a CHART_WIDTH x CHART_HEIGHT box."""
    pad = CHART_PAD
    width = CHART_WIDTH - pad["left"] - pad["right"]
    height = CHART_HEIGHT - pad["top"] - pad["bottom"]

    def y(value: float) -> float:
        return round(pad["top"] + (100 - value) / 100 * height, 1)

    step = width / (len(scores) - 1) if len(scores) > 1 else 0
    points = [
        ChartPoint(x=round(pad["left"] + (i * step if len(scores) > 1 else width / 2), 1), y=y(s), score=s, number=i + 1)
        for i, s in enumerate(scores)
    ]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": pad["left"],
        "right": CHART_WIDTH - pad["right"],
        "bottom": CHART_HEIGHT - pad["bottom"],
        "grid": [(value, y(value)) for value in (0, 25, 50, 75, 100)],
        "points": points,
        "line": " ".join(f"{p.x},{p.y}" for p in points),
    }


def most_failed(attempts: list[PracticeAttempt]) -> list[dict]:
    """The legal rules failed over the scored attempts, most often first: {id, title, source, count}."""
    counts: Counter[str] = Counter()
    rules: dict[str, dict] = {}
    for attempt in attempts:
        for rule in attempt.failed_rules or ():
            counts[rule["id"]] += 1
            rules[rule["id"]] = rule
    return [
        {**rules[rule_id], "count": count}
        for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], rules[item[0]]["title"]["vi"]))
    ]


@bp.route("/history")
def history():
    account = the_account()
    attempts = db.session.scalars(
        select(PracticeAttempt)
        .where(PracticeAttempt.account_id == account.id)
        .order_by(PracticeAttempt.started_at, PracticeAttempt.id)
    ).all()
    close_ended(attempts)
    early = {a.id for a in attempts if a.final_score is not None and ended_early(a)}
    scored = [a for a in attempts if a.final_score is not None and a.id not in early]
    rows = [
        {"attempt": a, "drill": drill(a.drill_id), "status": a.team.status, "incomplete": a.id in early}
        for a in reversed(attempts)
    ]
    return render_template(
        "practice/history.html",
        account=account,
        rows=rows,
        scored=len(scored),
        early=len(early),
        chart=score_chart([a.final_score for a in scored if a.final_score is not None]) if scored else None,
        failing=most_failed(scored),
    )


@bp.route("/attempts/<int:attempt_id>/resume", methods=["POST"])
def resume(attempt_id: int):
    account = the_account()
    attempt = db.session.get(PracticeAttempt, attempt_id) if as_id(attempt_id) else None
    if attempt is None or attempt.account_id != account.id:
        refuse(account.get_id(), f"resume practice {attempt_id}", "not this account's attempt")
        abort(404)
    if attempt.team.status == "ended":
        flash(gettext("Buổi luyện tập này đã kết thúc."), "error")
        return redirect(url_for("practice.history"))
    login_user(attempt.team.members[0])
    return redirect(url_for("practice.room"))
