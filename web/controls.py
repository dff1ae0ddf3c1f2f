"""Instructor controls: which exist, and whether one can be applied to a team now.

Checked before the control is recorded, so a refused control leaves no trace in
the input log (the refusal itself is answered to the instructor).
"""

from __future__ import annotations

from typing import Any

from scenarios.model import Channel
from sim.world import World

CONTROLS = ("start", "pause", "resume", "speed", "jump", "fire", "custom", "end")


class ControlError(ValueError):
    """A control (or an input) that cannot be applied now; the message says why (Vietnamese / English)."""


def check_control(status: str, world: World, command: str, args: dict[str, Any]) -> None:
    """Raise `ControlError` if `command` cannot be applied to a team in `status` with this world."""
    if status == "ended":
        raise ControlError("Buổi diễn tập của đội đã kết thúc. / This team's drill has ended.")
    if command == "start" and status != "ready":
        raise ControlError("Đội đã bắt đầu. / The team has already started.")
    if command in ("pause", "jump") and status != "running":
        raise ControlError("Đội không đang chạy. / The team is not running.")
    if command == "resume" and status != "paused":
        raise ControlError("Đội không tạm dừng. / The team is not paused.")
    if command == "speed":
        speed = args.get("speed")
        if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not 0 < speed <= 10_000:
            raise ControlError("Tốc độ phải là số dương, tối đa 10000. / Speed must be a positive number up to 10000.")
    if command == "fire":
        inject = world.scenario.inject(str(args.get("inject")))
        if inject is None or inject.id in world.delivered:
            raise ControlError("Không có tin đó hoặc tin đã phát. / No such inject, or it is already out.")
    if command == "custom":
        _check_custom(world, args)


def _check_custom(world: World, args: dict[str, Any]) -> None:
    channels = {c.value for c in Channel}
    to = args.get("to")
    if not isinstance(args.get("channel"), str) or args["channel"] not in channels:  # a list cannot be looked up
        raise ControlError(f"Kênh phải là một trong / channel must be one of: {', '.join(sorted(channels))}")
    if not isinstance(to, list) or not to or any(r not in world.scenario.trainee_roles for r in to):
        raise ControlError("Cần chọn vai nhận hợp lệ. / Choose valid target roles.")
    for key in ("content", "sender"):
        text = args.get(key)
        if not isinstance(text, str) or not text.strip() or len(text) > 2000:
            raise ControlError(f"'{key}' phải là văn bản 1–2000 ký tự. / '{key}' must be 1-2000 characters.")
