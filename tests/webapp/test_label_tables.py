"""The pages' scripts get their label tables from Python (`scenarios.labels`), not from a copy of their own."""

from __future__ import annotations

import json

from scenarios.labels import ACTION_TYPES, AGENCIES, CATEGORIES, EVENT_KINDS
from scenarios.actions import CAUSE_ROUTES, LAWFUL_REFUSALS, STATEMENT_CHANNELS


def test_the_label_tables_script_carries_the_python_tables(app):
    response = app.test_client().get("/label-tables.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    prefix, suffix = "window.DrillTables = ", ";\n"
    text = response.get_data(as_text=True)
    assert text.startswith(prefix) and text.endswith(suffix)
    tables = json.loads(text[len(prefix) : -len(suffix)])
    assert tables["ACTIONS"] == {key: label.as_dict() for key, label in ACTION_TYPES.items()}
    assert tables["AGENCIES"] == {key: label.as_dict() for key, label in AGENCIES.items()}
    assert tables["KINDS"] == {key: label.as_dict() for key, label in EVENT_KINDS.items()}
    assert set(tables["KINDS"]) == set(CATEGORIES) | {"opinion"}  # the timeline's categories, and opinion samples
    assert list(tables["STATEMENT_CHANNELS"]) == list(STATEMENT_CHANNELS)
    assert "portal" not in tables["INJECT_CHANNELS"] and "press_call" in tables["INJECT_CHANNELS"]
    # every choice the action catalog accepts has its label: none is shown to a user by its code
    assert list(tables["ROUTES"]) == list(CAUSE_ROUTES) and set(tables["REFUSALS"]) >= set(LAWFUL_REFUSALS)
