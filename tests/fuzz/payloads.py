"""Socket messages for the trainee and instructor namespaces: known events with hostile data, unknown events, any JSON.

Ids the cases cannot know in advance are `Ref`s (Lan's own team or exercise,
Minh's), put in by the session when the case runs; any other id is hostile
(0, negative, past a database integer, a float, a string, a list).
"""

from __future__ import annotations

import enum
from typing import Any

from hypothesis import strategies as st

from scenarios.actions import CATALOG, FORMS, STATEMENT_CHANNELS
from web.controls import CONTROLS

from .values import json_values, nested_lists, numbers, scalars, texts


class Ref(enum.Enum):
    OWN_TEAM = "own team"
    OWN_EXERCISE = "own exercise"
    FOREIGN_TEAM = "another instructor's team"
    FOREIGN_EXERCISE = "another instructor's exercise"

    def __repr__(self) -> str:
        return f"Ref.{self.name}"


def resolve(value: Any, ids: dict[Ref, int]) -> Any:
    """The value with every Ref replaced by its id."""
    if isinstance(value, Ref):
        return ids[value]
    if isinstance(value, dict):
        return {key: resolve(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, ids) for item in value]
    return value


def _without_long_integers(message: Any) -> bool:
    """Engine.IO's reader refuses integers of over 100 digits before any handler sees the message (browsers send none)."""
    if isinstance(message, (list, tuple)):
        return all(map(_without_long_integers, message))
    if isinstance(message, dict):
        return all(map(_without_long_integers, message.values()))
    return not isinstance(message, int) or abs(message) < 10**100


PARAM_NAMES = sorted({name for kind in CATALOG.values() for name in kind.params})
ROLES = ("spokesperson", "propaganda_board", "info_department", "police", "standing_committee", "*")
INJECTS = ("post-video", "call-paper", "nowhere", "")
param_values = (
    st.sampled_from(ROLES + INJECTS + FORMS + STATEMENT_CHANNELS)
    | scalars
    | st.lists(st.sampled_from(ROLES) | texts, max_size=4)
    | json_values(max_leaves=6)
    | st.sampled_from([nested_lists(3), nested_lists(6), nested_lists(150)])
)
hostile_ids = st.sampled_from((0, -1, 2**63, 2**64, 10**99, 1.0, 1.5, True, "1", "", None, [1], {"id": 1})) | numbers
odd_data = json_values() | st.sampled_from([nested_lists(150), "x" * 60_000])

trainee_messages = st.one_of(
    st.tuples(
        st.just("act"),
        st.fixed_dictionaries(
            {"type": st.sampled_from(sorted(CATALOG)) | texts},
            optional={"params": st.dictionaries(st.sampled_from(PARAM_NAMES) | texts, param_values, max_size=5) | odd_data},
        ),
    ),
    st.tuples(st.just("sync"), st.fixed_dictionaries({}, optional={"after": hostile_ids}) | odd_data),
    st.tuples(st.sampled_from(("act", "sync", "control", "watch", "observe", "hello", "connect")) | texts, odd_data),
).filter(_without_long_integers)

control_args = (
    st.fixed_dictionaries(
        {},
        optional={
            "speed": numbers | texts,
            "inject": st.sampled_from(INJECTS) | scalars,
            "channel": st.sampled_from(("social_post", "press_call", "dispatch", "tv")) | scalars,
            "to": st.lists(st.sampled_from(ROLES) | texts, max_size=4) | scalars,
            "content": texts,
            "sender": texts,
            "title": texts,
            "question": texts,
            "reach": numbers,
        },
    )
    | odd_data
)
own_or_hostile = {
    "team_id": st.sampled_from((Ref.OWN_TEAM, Ref.OWN_TEAM, Ref.FOREIGN_TEAM)) | hostile_ids,
    "exercise_id": st.sampled_from((Ref.OWN_EXERCISE, Ref.OWN_EXERCISE, Ref.FOREIGN_EXERCISE)) | hostile_ids,
}
instructor_messages = st.one_of(
    st.tuples(
        st.just("watch"), st.fixed_dictionaries({}, optional={"exercise_id": own_or_hostile["exercise_id"]}) | odd_data
    ),
    st.tuples(
        st.just("control"),
        st.fixed_dictionaries({"command": st.sampled_from(CONTROLS) | texts, "args": control_args}, optional=own_or_hostile),
    ),
    st.tuples(
        st.just("observe"),
        st.fixed_dictionaries({"text": texts}, optional={"team_id": own_or_hostile["team_id"], "at": numbers | texts}),
    ),
    st.tuples(st.sampled_from(("act", "sync", "control", "observe", "watch")) | texts, odd_data),
).filter(_without_long_integers)
