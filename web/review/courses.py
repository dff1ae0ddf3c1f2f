"""Courses: an instructor groups exercises (e.g. "Lớp bồi dưỡng Q2/2026 – Người phát ngôn") to review them together.

    /review/courses                                  the instructor's courses; create one
    /review/courses/<id>                             its exercises with their teams and scores, the averages
                                                     (per exercise and over every team), the rules failed most often;
                                                     a team ended early is shown incomplete and counted in neither
    POST /review/courses/<id>/exercises              add one of the instructor's exercises
    POST /review/courses/<id>/exercises/<eid>/remove take one out
    POST /review/courses/<id>/delete                 delete the course (its exercises stay)

Every form carries its CSRF token; another instructor's course or exercise is refused (404) and logged.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from sqlalchemy import delete, select
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, Length

from web.extensions import db
from web.forms import Form
from web.models import Exercise
from web.models.debrief import COURSE_NAME_MAX, Course, CourseExercise
from web.review import bp
from web.access import owned_exercise
from web.review.access import owned_course
from web.review.scores import average, most_failed, team_scores


class CourseForm(Form):
    name = StringField(lazy_gettext("Tên khóa học"), validators=[DataRequired(), Length(max=COURSE_NAME_MAX)])


class AddExerciseForm(Form):
    exercise_id = IntegerField(lazy_gettext("Bài diễn tập"), validators=[DataRequired()])


@bp.route("/courses", methods=["GET", "POST"])
def courses():
    form = CourseForm()
    if form.validate_on_submit():
        course = Course(instructor_id=current_user.id, name=" ".join((form.name.data or "").split()))
        db.session.add(course)
        db.session.commit()
        return redirect(url_for("review.course", course_id=course.id))
    found = db.session.scalars(
        select(Course).where(Course.instructor_id == current_user.id).order_by(Course.id.desc())
    ).all()
    return render_template("review/courses.html", courses=found, form=form)


@bp.route("/courses/<int:course_id>")
def course(course_id: int):
    found = owned_course(course_id)
    exercises = [(exercise, team_scores(exercise)) for exercise in found.exercises]
    every_team = [score for _, scores in exercises for score in scores]
    others = db.session.scalars(
        select(Exercise)
        .where(Exercise.instructor_id == current_user.id, Exercise.id.not_in([e.id for e in found.exercises]))
        .order_by(Exercise.id.desc())
    ).all()
    return render_template(
        "review/course.html",
        course=found,
        exercises=exercises,
        average=average,
        overall=average(every_team),
        played=[s for s in every_team if s.played],
        counted=[s for s in every_team if s.counted],
        incomplete=[s for s in every_team if s.incomplete],
        failed=most_failed(every_team),
        others=others,
        form=AddExerciseForm(),
    )


@bp.route("/courses/<int:course_id>/exercises", methods=["POST"])
def add_exercise(course_id: int):
    found = owned_course(course_id)
    form = AddExerciseForm()
    if not form.validate_on_submit():
        flash(gettext("Hãy chọn một bài diễn tập."), "error")
        return redirect(url_for("review.course", course_id=found.id))
    exercise = owned_exercise(form.exercise_id.data or 0)  # validated: an id
    if db.session.get(CourseExercise, (found.id, exercise.id)) is None:
        db.session.add(CourseExercise(course_id=found.id, exercise_id=exercise.id))
        db.session.commit()
    return redirect(url_for("review.course", course_id=found.id))


@bp.route("/courses/<int:course_id>/exercises/<int:exercise_id>/remove", methods=["POST"])
def remove_exercise(course_id: int, exercise_id: int):
    found = owned_course(course_id)
    db.session.execute(
        delete(CourseExercise).where(CourseExercise.course_id == found.id, CourseExercise.exercise_id == exercise_id)
    )
    db.session.commit()
    return redirect(url_for("review.course", course_id=found.id))


@bp.route("/courses/<int:course_id>/delete", methods=["POST"])
def delete_course(course_id: int):
    found = owned_course(course_id)
    db.session.execute(delete(CourseExercise).where(CourseExercise.course_id == found.id))
    db.session.delete(found)
    db.session.commit()
    flash(gettext("Đã xóa khóa học “%(name)s”.", name=found.name), "ok")
    return redirect(url_for("review.courses"))
