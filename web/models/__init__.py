"""The platform's database tables, one module per part of the platform.

    core      instructors, exercises, teams, trainees, inputs, events, observations, audit,
              open login sessions
    debrief   what the debrief adds: courses, the after-action report's edits
    drills    drills authored in the browser, and their versions
    practice  trainee accounts and their self-practice attempts

New tables go in new modules (or new classes); a column is never added to an
existing table without a migration, since deployed SQLite files keep their
old tables (`db.create_all()` only creates tables that are missing).
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
from web.models import debrief, drills, practice  # noqa: E402,F401 - their tables join the metadata
