"""The label tables of `scenarios.labels`, served to the pages' scripts, so Python and JavaScript share one copy.

`/label-tables.js` sets `window.DrillTables` (action types, channels, forms, lawful
refusals, modes, agencies, actors, team statuses, event kinds, each `{id: {vi, en}}`, and the
bodies of each rule set, `scenarios.bodies`); `labels.js`, loaded after it
(`_labels.html`, which tells it the page's rule set), builds its helpers on them. `init_app` also
gives the templates `console_texts` (the console's words for the drill's ids)
and `rule_set_title` (a rule set named by its title, not its id).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache

from flask import Blueprint, Flask, Response

from scenarios.labels import (
    ACTION_TYPES,
    ACTORS,
    AGENCIES,
    CHANNELS,
    EVENT_KINDS,
    FORMS,
    MODES,
    REFUSALS,
    ROUTES,
    TEAM_STATUSES,
)
from scenarios.bodies import BODIES
from scenarios.model import Channel
from scenarios.texts import Text
from scoring.ruleset import RuleSetError, load_rule_set
from scenarios.actions import STATEMENT_CHANNELS
from web.console_texts import console_texts

bp = Blueprint("label_tables", __name__)


def _table(table: Mapping[str, Text], keys: Iterable[str] | None = None) -> dict[str, dict[str, str | None]]:
    return {key: table[key].as_dict() for key in (table if keys is None else keys)}


@lru_cache(maxsize=1)
def script() -> str:
    """The script that sets `window.DrillTables`."""
    tables = {
        "ACTIONS": _table(ACTION_TYPES),
        "INJECT_CHANNELS": _table(CHANNELS, (channel.value for channel in Channel)),
        "STATEMENT_CHANNELS": _table(CHANNELS, STATEMENT_CHANNELS),
        "FORMS": _table(FORMS),
        "REFUSALS": _table(REFUSALS),
        "MODES": _table(MODES),
        "ROUTES": _table(ROUTES),
        "AGENCIES": _table(AGENCIES),
        "ACTORS": _table(ACTORS),
        "STATUS": _table(TEAM_STATUSES),
        "KINDS": _table(EVENT_KINDS),
        "BODIES": {
            rule_set: {f.name: getattr(names, f.name).as_dict() for f in dataclasses.fields(names)}
            for rule_set, names in BODIES.items()
        },
    }
    return f"window.DrillTables = {json.dumps(tables, ensure_ascii=False)};\n"


def rule_set_title(rule_set: str) -> dict[str, str | None]:
    """A rule set's title ("Luật Báo chí 2025 và Nghị định 244/2026/NĐ-CP …"), for pages that name it; its id if unknown."""
    try:
        return load_rule_set(rule_set).title.as_dict()
    except RuleSetError:  # an id no packaged rule set has
        return Text(rule_set, rule_set).as_dict()


@bp.route("/label-tables.js")
def tables():
    response = Response(script(), mimetype="text/javascript")
    response.cache_control.public, response.cache_control.max_age = True, 3600
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_template_global(console_texts)  # the console's words for its ids (web.console_texts)
    app.add_template_global(rule_set_title)
