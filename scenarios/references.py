"""Checks that a scenario's parts refer to each other correctly and agree with each other.

Works on the raw parsed data, not the typed model, so it runs even when the
shape check has found errors: an author sees a typo and an unknown role from
one run. Parts of the wrong shape are skipped here (the shape check reports
them). Each problem is a location (the path of keys and list indexes into the
file) and a message; the loader gives it a line number. Besides references:
no delay longer than the drill, no reach beyond the population, and no more
opinion samples a run than `MAX_OPINION_SAMPLES` (what a run costs).
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterator
from typing import Any

from scenarios.conditions import ConditionError, parse_condition
from scenarios.messages import N_, Message
from scenarios.model import MAX_OPINION_SAMPLES, OpinionModel
from scenarios.times import scenario_minute
from scenarios.yaml_issues import Location

Problem = tuple[Location, Message]
TEXT_FIELDS = ("sender", "title", "content", "question")
UNKNOWN_INJECT = N_("tin '%(id)s' không có trong kịch bản")


def _entries(data: dict, key: str) -> list[tuple[int, dict]]:
    """The mapping entries of a list field, with their indexes; anything else is skipped."""
    value = data.get(key)
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def _number(value: Any) -> float | None:
    """A finite number, else None (an int too large for a float too): the shape check reports the rest."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _minutes(value: Any) -> float | None:
    """A time as the loader reads it (minutes, or T+HH:MM), else None: the shape check reports the rest."""
    try:
        return _number(scenario_minute(value))
    except ValueError:
        return None


def _positive(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and number > 0 else None


def _figure(number: float) -> str:
    """A number as written, without an exponent: 200000000, 90.5."""
    return f"{number:.15g}"


def _ids(data: dict, key: str) -> set[str]:
    return {item["id"] for _, item in _entries(data, key) if isinstance(item.get("id"), str)}


def _duplicates(data: dict, key: str, kind: Message) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in _entries(data, key):
        item_id = item.get("id")
        if not isinstance(item_id, str):  # the shape check reports it
            continue
        if item_id in seen:
            yield (key, index, "id"), Message(N_("mã %(kind)s '%(id)s' bị trùng"), {"kind": kind, "id": item_id})
        seen.add(item_id)


def _level_numbers(data: dict) -> list[int]:
    numbers = [lv.get("level") for _, lv in _entries(data, "levels")]
    return [number for number in numbers if isinstance(number, int) and not isinstance(number, bool)]


def _condition(source: Any, location: Location, levels: list[int]) -> Iterator[Problem]:
    if not isinstance(source, str):
        return
    try:
        condition = parse_condition(source)
    except ConditionError as exc:
        yield location, exc.message
        return
    for number in sorted(condition.compared_with("level") - set(levels)):
        yield (
            location,
            Message(
                N_("cấp %(level)s không tồn tại (các cấp: %(levels)s)"),
                {"level": f"{number:g}", "levels": ", ".join(map(str, sorted(levels)))},
            ),
        )


def _levels(data: dict, inject_ids: set[str]) -> Iterator[Problem]:
    levels: list[tuple[int, dict, Any]] = [(i, lv, lv.get("level")) for i, lv in _entries(data, "levels")]
    numbers = _level_numbers(data)
    if not numbers:
        return
    start = min(numbers)
    for index, lv, number in levels:
        if numbers.count(number) > 1:
            yield ("levels", index, "level"), Message(N_("cấp %(level)s được khai báo hơn một lần"), {"level": number})
        if number == start and lv.get("escalate_when") is not None:
            yield ("levels", index, "escalate_when"), Message(N_("cấp khởi đầu không có điều kiện leo thang"))
        if number != start and number in numbers and lv.get("escalate_when") is None:
            yield (
                ("levels", index, "escalate_when"),
                Message(N_("cấp %(level)s cần điều kiện leo thang 'escalate_when'"), {"level": number}),
            )
        yield from _condition(lv.get("escalate_when"), ("levels", index, "escalate_when"), numbers)
        for r, inject_id in _strings(lv.get("releases")):
            if inject_id not in inject_ids:
                yield ("levels", index, "releases", r), Message(UNKNOWN_INJECT, {"id": inject_id})
    if sorted(numbers) != list(range(start, start + len(numbers))):
        yield (
            ("levels",),
            Message(N_("các cấp phải là những số liên tiếp, hiện có %(levels)s"), {"levels": str(sorted(numbers))}),
        )
    level = data.get("level")
    if isinstance(level, int) and level != max(numbers):
        yield (
            ("level",),
            Message(
                N_("cấp của kịch bản (%(level)s) phải là cấp cao nhất trong danh sách cấp (%(top)s)"),
                {"level": level, "top": max(numbers)},
            ),
        )


def _placeholders(text: Any) -> Iterator[str]:
    """Placeholder names in a {vi, en} text; ValueError on unbalanced braces."""
    if not isinstance(text, dict):
        return
    for value in (text.get("vi"), text.get("en")):
        if isinstance(value, str):
            for _, field, _, _ in string.Formatter().parse(value):
                if field is not None:
                    yield field


def _cast_references(inject: dict, index: int, cast: set[str]) -> Iterator[Problem]:
    for key in TEXT_FIELDS:
        try:
            fields = list(_placeholders(inject.get(key)))
        except ValueError as exc:  # unbalanced braces: rendering the text would fail
            yield (
                ("injects", index, key),
                Message(
                    N_("dấu ngoặc nhọn không khớp: %(error)s (viết '{{' và '}}' cho dấu ngoặc thật)"), {"error": str(exc)}
                ),
            )
            continue
        for field in fields:
            if field not in cast:
                yield (
                    ("injects", index, key),
                    Message(N_("'{%(field)s}' không có trong danh sách nhân vật (cast)"), {"field": field}),
                )


def _injects(data: dict, role_ids: set[str], claim_ids: set[str]) -> Iterator[Problem]:
    released = {i for _, lv in _entries(data, "levels") for _, i in _strings(lv.get("releases"))}
    trainees = {
        role["id"]
        for _, role in _entries(data, "roles")
        if isinstance(role.get("id"), str) and role.get("played_by", "trainee") == "trainee"
    }
    duration = _minutes(data.get("duration"))
    cast = set(data["cast"]) if isinstance(data.get("cast"), dict) else set()
    for index, inject in _entries(data, "injects"):
        for r, role in _strings(inject.get("to")):
            if role not in role_ids:
                yield ("injects", index, "to", r), Message(N_("vai '%(id)s' không có trong kịch bản"), {"id": role})
        recipients = {role for _, role in _strings(inject.get("to"))}
        if recipients and recipients <= role_ids and not recipients & trainees:
            yield (
                ("injects", index, "to"),
                Message(
                    N_(
                        "không học viên nào nhận tin này (mọi vai trong 'to' do mô "
                        "phỏng đảm nhận): hãy thêm một vai do học viên đảm nhận"
                    )
                ),
            )
        for c, claim in _strings(inject.get("claims")):
            if claim not in claim_ids:
                yield ("injects", index, "claims", c), Message(N_("tin sai '%(id)s' không có trong kịch bản"), {"id": claim})
        at = _minutes(inject.get("at"))
        if at is not None and duration is not None and at > duration:
            yield (
                ("injects", index, "at"),
                Message(
                    N_("phút %(at)s nằm sau khi kịch bản kết thúc (phút %(end)s)"), {"at": f"{at:g}", "end": f"{duration:g}"}
                ),
            )
        yield from _condition(inject.get("when"), ("injects", index, "when"), _level_numbers(data))
        if inject.get("at") is None and inject.get("when") is None and str(inject.get("id")) not in released:
            yield ("injects", index), Message(N_("tin cần thời điểm 'at', điều kiện 'when', hoặc một cấp phát hành nó"))
        yield from _cast_references(inject, index, cast)


def _incident(data: dict, inject_ids: set[str]) -> Iterator[Problem]:
    incident = data.get("incident")
    if not isinstance(incident, dict):
        return
    received_by = incident.get("received_by")
    if isinstance(received_by, str) and received_by not in inject_ids:
        yield ("incident", "received_by"), Message(UNKNOWN_INJECT, {"id": received_by})
    for index, inject_id in enumerate(received_by if isinstance(received_by, list) else ()):
        if isinstance(inject_id, str) and inject_id not in inject_ids:
            yield ("incident", "received_by", index), Message(UNKNOWN_INJECT, {"id": inject_id})
    occurred, duration = _minutes(incident.get("occurred_at")), _minutes(data.get("duration"))
    if occurred is not None and duration is not None and occurred > duration:
        yield ("incident", "occurred_at"), Message(N_("sự cố xảy ra sau khi kịch bản kết thúc"))


def _delays(data: dict) -> Iterator[tuple[Location, Any]]:
    for index, inject in _entries(data, "injects"):
        yield ("injects", index, "delay"), inject.get("delay")
        yield ("injects", index, "response_window"), inject.get("response_window")
    for index, fact in _entries(data, "facts"):
        yield ("facts", index, "delay"), fact.get("delay")
    actors = data.get("actors")
    for name, delay in actors.items() if isinstance(actors, dict) else ():
        yield ("actors", name), delay


def _people(data: dict, opinion: dict) -> Iterator[tuple[Location, Any]]:
    yield ("opinion", "initial_seen"), opinion.get("initial_seen")
    for index, inject in _entries(data, "injects"):
        yield ("injects", index, "reach"), inject.get("reach")


def _within_the_drill(data: dict) -> Iterator[Problem]:
    """Delays within the drill's length, people within its population, and its opinion samples bounded."""
    opinion = data["opinion"] if isinstance(data.get("opinion"), dict) else {}
    duration = _positive(_minutes(data.get("duration")))
    every = _positive(opinion.get("sample_every", OpinionModel.model_fields["sample_every"].default))
    if duration is not None and every is not None and math.ceil(duration / every) > MAX_OPINION_SAMPLES:
        yield (
            ("duration",),
            Message(
                N_(
                    "%(duration)s phút, lấy mẫu dư luận mỗi %(every)s phút, là %(samples)d lần "
                    "lấy mẫu mỗi lượt chạy, quá mức %(most)d: hãy lấy mẫu thưa hơn hoặc rút ngắn "
                    "kịch bản"
                ),
                {
                    "duration": _figure(duration),
                    "every": _figure(every),
                    "samples": math.ceil(duration / every),
                    "most": MAX_OPINION_SAMPLES,
                },
            ),
        )
    for location, value in _delays(data) if duration is not None else ():
        minutes = _minutes(value)
        if minutes is not None and duration is not None and minutes > duration:  # (a duration: else no loop)
            yield (
                location,
                Message(
                    N_("%(minutes)s phút dài hơn cả kịch bản (%(duration)s phút)"),
                    {"minutes": _figure(minutes), "duration": _figure(duration)},
                ),
            )
    population = _positive(opinion.get("population"))
    for location, value in _people(data, opinion) if population is not None else ():
        people = _number(value)
        if people is not None and population is not None and people > population:  # (a population: else no loop)
            yield (
                location,
                Message(
                    N_("%(people)s người, nhiều hơn dân số mạng của kịch bản (%(population)s)"),
                    {"people": _figure(people), "population": _figure(population)},
                ),
            )


def _refutations(data: dict, fact_ids: set[str]) -> Iterator[Problem]:
    for index, claim in _entries(data, "false_claims"):
        for f, fact in _strings(claim.get("refuted_by")):
            if fact not in fact_ids:
                yield (
                    ("false_claims", index, "refuted_by", f),
                    Message(N_("sự thật '%(id)s' không có trong kịch bản"), {"id": fact}),
                )


def find_problems(data: dict) -> list[Problem]:
    """Every reference problem in the parsed data of a scenario file."""
    role_ids = _ids(data, "roles")
    inject_ids = _ids(data, "injects")
    claim_ids = _ids(data, "false_claims")
    problems: list[Problem] = []
    for key, kind in (
        ("roles", Message(N_("vai"))),
        ("injects", Message(N_("tin"))),
        ("facts", Message(N_("sự thật"))),
        ("false_claims", Message(N_("tin sai"))),
        ("key_messages", Message(N_("thông điệp chính"))),
    ):
        problems += _duplicates(data, key, kind)
    roles = _entries(data, "roles")
    if roles and all(role.get("played_by", "trainee") != "trainee" for _, role in roles):
        problems.append((("roles",), Message(N_("cần ít nhất một vai do học viên đảm nhận"))))
    problems += _levels(data, inject_ids)
    problems += _injects(data, role_ids, claim_ids)
    problems += _incident(data, inject_ids)
    problems += _refutations(data, _ids(data, "facts"))
    problems += _within_the_drill(data)
    return problems
