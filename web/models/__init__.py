"""The platform's database tables, one module per part of the platform.

    core      instructors, exercises, teams, trainees, inputs, events, observations, audit,
              open login sessions
    debrief   what the debrief adds: courses, the after-action report's edits
    drills    drills authored in the browser, and their versions
    evaluators  evaluator accounts and the teams assigned to them
    practice  trainee accounts and their self-practice attempts
    preferences  what each user chose for themselves (the language of their pages)

New tables go in new modules (or new classes). Every change of the tables goes
with a revision in web/migrations/versions (`flask --app web db migrate`, see
docs/DEPLOY.md): a deployed database is upgraded by those at the server's start,
and tests/test_migrations.py fails while models and revisions differ.
"""

from web.models.core import (  # noqa: F401 - the public names of the package
    AuditEntry,
    AuditTally,
    EventRecord,
    Exercise,
    InputRecord,
    Instructor,
    LoginSession,
    Member,
    Observation,
    Team,
    utcnow,
)
from web.models import debrief, drills, evaluators, practice, preferences  # noqa: F401 - their tables join the metadata
