"""Property: any drill the editor's check accepts loads with `parse_scenario` and plays to its end headless.

Drills are made the way the editor's form makes them (web/static/authoring-model.js), starting from every
built-in drill and the skeleton a new drill starts from: random timings (a minute, a condition, a level
that releases the inject), thresholds, reach, response windows, channels, delays, durations; injects,
facts, false claims and levels added and removed, with the references the form keeps in step. Whatever
`check_data` (the editor's check: the form's data as YAML through the loader) calls valid must load and
play: `sim.world.play` with no action, and `sim.bots.play_with_bots` with the exemplary bot.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from instructor.authoring.editing import check_data, form_data, skeleton_text
from scenarios.conditions import VARIABLES
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import parse_scenario
from sim.bots import Bot, play_with_bots
from sim.world import play

CHANNELS = ["social_post", "press_call", "press_article", "dispatch", "hotline", "monitoring_report", "tv"]
SHARES = ["belief", "seen_share", "trust", "media_pressure"]
OPERATORS = [">", ">=", "<", "<=", "==", "!="]


@lru_cache(maxsize=1)
def bases() -> tuple[dict, ...]:
    texts = [scenario_path(name).read_text(encoding="utf-8") for name in builtin_ids()] + [skeleton_text()]
    return tuple(form_data(text) for text in texts)


# --- what the form does (authoring-model.js) ---------------------------------------------------------


def _follow(data: dict, kind: str, old: str) -> None:
    """An inject or false claim removed: the references to it go too."""
    if kind == "injects":
        for level in data.get("levels", []):
            if old in level.get("releases", []):
                level["releases"] = [i for i in level["releases"] if i != old]
    else:
        for inject in data.get("injects", []):
            if old in inject.get("claims", []):
                inject["claims"] = [c for c in inject["claims"] if c != old]


def _unique(taken: list[str], base: str) -> str:
    return next(f"{base}-{n}" for n in range(1, 10_000) if f"{base}-{n}" not in taken)


def _set_channel(inject: dict, channel: str) -> None:
    inject["channel"] = channel
    if channel == "press_call":
        inject.setdefault("question", {"vi": "Có đúng như trên mạng nói không?"})
        inject.setdefault("response_window", 60)
    else:
        inject.pop("response_window", None)
        inject.pop("question", None)
    if channel in ("social_post", "press_article"):
        inject.setdefault("reach", 5000)
    if channel not in ("social_post", "press_article", "tv"):
        inject.pop("reach", None)


def _top_level(data: dict) -> dict:
    return max(data["levels"], key=lambda level: level["level"])


def _pick(items: list, index: int):
    return items[index % len(items)] if items else None


def _condition(variable: str, op: str, value: float) -> str:
    return f"{variable} {op} {value:g}"


def apply(data: dict, edit: tuple) -> None:
    kind, index, *args = edit
    injects = data["injects"]
    inject = _pick(injects, index)
    if kind == "at" and inject:
        inject.pop("when", None)
        inject["at"] = args[0]
    elif kind == "when" and inject:
        inject.pop("at", None)
        inject["when"] = _condition(*args)
    elif kind == "level" and inject:
        inject.pop("at", None)
        inject.pop("when", None)
        top = _top_level(data)
        if inject["id"] not in top.get("releases", []):
            top["releases"] = [*top.get("releases", []), inject["id"]]
    elif kind == "delay" and inject:
        inject["delay"] = args[0]
    elif kind == "reach" and inject and "reach" in inject:
        inject["reach"] = args[0]
    elif kind == "window" and inject and inject["channel"] == "press_call":
        inject["response_window"] = args[0]
    elif kind == "channel" and inject:
        _set_channel(inject, args[0])
    elif kind == "threshold":
        start = min(level["level"] for level in data["levels"])
        above = [level for level in data["levels"] if level["level"] != start]
        if above:
            _pick(above, index)["escalate_when"] = _condition(*args)
    elif kind == "remove_inject" and len(injects) > 1:
        removed = injects.pop(index % len(injects))
        _follow(data, "injects", removed["id"])
    elif kind == "add_inject":
        roles = [role["id"] for role in data["roles"]]
        new = {
            "id": _unique([i["id"] for i in injects], "tin"),
            "channel": args[0],
            "at": args[1],
            "sender": {"vi": "Trang tin 'Hóng biến'"},
            "to": [_pick(roles, index)],
            "content": {"vi": "Nội dung tin mới."},
        }
        _set_channel(new, args[0])
        injects.append(new)
    elif kind == "duplicate" and inject:
        twin = copy.deepcopy(inject)
        twin["id"] = _unique([i["id"] for i in injects], inject["id"])
        injects.insert(index % len(injects) + 1, twin)
    elif kind == "claim" and inject and data.get("false_claims"):
        claim = _pick(data["false_claims"], args[0])["id"]
        claims = inject.get("claims", [])
        inject["claims"] = [c for c in claims if c != claim] if claim in claims else [*claims, claim]
    elif kind == "remove_claim" and data.get("false_claims"):
        removed = data["false_claims"].pop(index % len(data["false_claims"]))
        _follow(data, "false_claims", removed["id"])
    elif kind == "add_claim":
        data.setdefault("false_claims", []).append(
            {
                "id": _unique([c["id"] for c in data.get("false_claims", [])], "claim"),
                "text": {"vi": "Một điều sai sự thật."},
                "keywords": ["sai sự thật"],
            }
        )
    elif kind == "remove_fact" and len(data["facts"]) > 1:
        data["facts"].pop(index % len(data["facts"]))
    elif kind == "add_fact":
        data["facts"].append(
            {
                "id": _unique([f["id"] for f in data["facts"]], "fact"),
                "statement": {"vi": "Đã xác minh."},
                "source": "police",
                "delay": args[0],
                "keywords": ["đã xác minh"],
            }
        )
    elif kind == "add_level":
        top = _top_level(data)
        data["levels"].append(
            {"level": top["level"] + 1, "name": {"vi": f"Cấp {top['level'] + 1}"}, "escalate_when": _condition(*args)}
        )
        data["level"] = top["level"] + 1
    elif kind == "remove_level" and len(data["levels"]) > 2:
        removed = data["levels"].pop(data["levels"].index(_top_level(data)))
        data["level"] = _top_level(data)["level"]
        for inject_id in removed.get("releases", []):  # the form would show these injects with no timing left
            _top_level(data).setdefault("releases", []).append(inject_id)
    elif kind == "duration":
        data["duration"] = args[0]
    elif kind == "opinion":
        data["opinion"][args[0]] = args[1]


# --- edits as hypothesis draws them ----------------------------------------------------------------------

index = st.integers(0, 40)
minute = st.one_of(
    st.integers(0, 3000), st.floats(0, 3000, allow_nan=False).map(lambda x: round(x, 1)), st.integers(-30, -1)
)
condition = st.one_of(
    st.tuples(st.sampled_from(SHARES), st.sampled_from(OPERATORS), st.floats(0, 1).map(lambda x: round(x, 3))),
    st.tuples(
        st.sampled_from(sorted(set(VARIABLES) - set(SHARES) - {"level"})),
        st.sampled_from(OPERATORS),
        st.integers(0, 200_000),
    ),
    st.tuples(st.just("level"), st.sampled_from([">=", "=="]), st.integers(0, 3)),
)
edits = st.one_of(
    st.tuples(st.just("at"), index, minute),
    st.tuples(
        st.just("when"),
        index,
        st.sampled_from(SHARES),
        st.sampled_from(OPERATORS),
        st.floats(0, 1).map(lambda x: round(x, 3)),
    ),
    st.tuples(st.just("when"), index, st.just("minute"), st.sampled_from([">=", ">"]), st.integers(0, 2000)),
    st.tuples(st.just("level"), index),
    st.tuples(st.just("delay"), index, st.integers(0, 120)),
    st.tuples(st.just("reach"), index, st.integers(0, 1_000_000)),
    st.tuples(st.just("window"), index, st.one_of(st.integers(-10, 400), st.floats(0.5, 400).map(lambda x: round(x, 1)))),
    st.tuples(st.just("channel"), index, st.sampled_from(CHANNELS)),
    condition.map(lambda c: ("threshold", 0, *c)),
    st.tuples(st.just("remove_inject"), index),
    st.tuples(st.just("add_inject"), index, st.sampled_from(CHANNELS), st.integers(0, 800)),
    st.tuples(st.just("duplicate"), index),
    st.tuples(st.just("claim"), index, index),
    st.tuples(st.just("remove_claim"), index),
    st.tuples(st.just("add_claim"), index),
    st.tuples(st.just("remove_fact"), index),
    st.tuples(st.just("add_fact"), index, st.integers(0, 300)),
    condition.map(lambda c: ("add_level", 0, *c)),
    st.tuples(st.just("remove_level"), index),
    st.tuples(st.just("duration"), index, st.sampled_from([120, 360, 720, 1440, 2880])),
    st.tuples(
        st.just("opinion"),
        index,
        st.sampled_from(["spread_rate", "belief_rate", "statement_effect", "initial_trust"]),
        st.floats(0, 1).map(lambda x: round(x, 3)),
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.integers(0, 6), changes=st.lists(edits, max_size=8), seed=st.integers(0, 3))
def test_a_drill_the_editor_accepts_loads_and_plays_to_its_end(base, changes, seed):
    data = copy.deepcopy(bases()[base % len(bases())])
    for change in changes:
        apply(data, change)
    checked = check_data(data)
    event("valid" if checked.ok else "refused")
    if not checked.ok:
        assert checked.errors and all(e["path"] and e["line"] >= 1 and e["message"] for e in checked.errors)
        return
    scenario = parse_scenario(checked.yaml)
    assert scenario == checked.scenario
    world = play(scenario, [], seed=seed)
    assert world.over and world.events[-1]["kind"] == "end"
    assert scenario.start_level <= world.max_level <= scenario.top_level
    played = play_with_bots(scenario, [Bot("exemplary", scenario)], seed=seed)
    assert played.over and played.events[-1]["kind"] == "end"
