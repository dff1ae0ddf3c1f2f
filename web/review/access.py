"""Who may see what of the debrief: `can_review(user, team)`, and the lookups that refuse everyone else.

A team's review and replay are its exercise's instructor's, and the evaluators
the team is assigned to may read them (nothing on them edits for anyone but the
instructor); the exercise, report and course pages are for instructors only,
each seeing only their own (an evaluator reads the report of their own teams
at `web.evaluation.report`).
A refusal is logged (`web.auth.refuse`) and answered 404, so nobody learns
whether another instructor's exercise, team or course exists. Self-practice
extends `can_review` so that a trainee sees the review of their own attempt.
"""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from web.auth import is_evaluator, is_instructor, refuse, who_is
from web.evaluation.access import is_assigned
from web.extensions import db
from web.models import Team
from web.models.debrief import Course
from web.practice.access import reviews_own_attempt
from web.validation import as_id


def can_review(user, team: Team) -> bool:
    """Whether `user` may see the after-action review and the replay of `team`."""
    if is_instructor(user):
        return team.exercise.instructor_id == user.id
    if is_evaluator(user):
        return is_assigned(user, team.id)
    return reviews_own_attempt(user, team)  # the trainee of a practice attempt, once it is over


def reviewable_team(team_id: int) -> Team:
    """The team, if the current user may review it; 404 (and logged) otherwise."""
    team = db.session.get(Team, team_id) if as_id(team_id) else None
    if team is None or not can_review(current_user, team):
        refuse(who_is(current_user), f"review of team {team_id}", "not a team this user may review")
        abort(404)
    return team


def owned_course(course_id: int) -> Course:
    """The current instructor's course; 404 (and logged) for another's or a missing one."""
    course = db.session.get(Course, course_id) if as_id(course_id) else None
    if course is None or course.instructor_id != current_user.id:
        refuse(who_is(current_user), f"course {course_id} ({request.method} {request.path})", "not the instructor's course")
        abort(404)
    return course
