"""Instructor controls: which exist, and whether one can be applied to a team now.

Checked before the control is recorded, so a refused control leaves no trace in
the input log (the refusal itself is answered to the instructor).
"""

from __future__ import annotations

from typing import Any

from scenarios.messages import N_
from scenarios.model import Channel
from sim.world import World
from web.i18n import TranslatedError

CONTROLS = ("start", "pause", "resume", "speed", "jump", "fire", "custom", "end")


ENDED = N_("Buổi diễn tập của đội đã kết thúc.")


class ControlError(TranslatedError):
    """A control (or an input) that cannot be applied now; the message says why (`web.i18n.TranslatedError`)."""


def check_control(status: str, world: World, command: str, args: dict[str, Any]) -> None:
    """Raise `ControlError` if `command` cannot be applied to a team in `status` with this world."""
    if status == "ended":
        raise ControlError(ENDED)
    if command == "start" and status != "ready":
        raise ControlError(N_("Đội đã bắt đầu."))
    if command in ("pause", "jump") and status != "running":
        raise ControlError(N_("Đội không đang chạy."))
    if command == "resume" and status != "paused":
        raise ControlError(N_("Đội không tạm dừng."))
    if command == "speed":
        speed = args.get("speed")
        if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not 0 < speed <= 10_000:
            raise ControlError(N_("Tốc độ phải là số dương, tối đa 10000."))
    if command == "fire":
        inject = world.scenario.inject(str(args.get("inject")))
        if inject is None or inject.id in world.delivered:
            raise ControlError(N_("Không có tin đó hoặc tin đã phát."))
    if command == "custom":
        _check_custom(world, args)


def _check_custom(world: World, args: dict[str, Any]) -> None:
    channels = {c.value for c in Channel}
    to = args.get("to")
    if not isinstance(args.get("channel"), str) or args["channel"] not in channels:  # a list cannot be looked up
        raise ControlError(N_("Kênh phải là một trong: %(channels)s"), channels=", ".join(sorted(channels)))
    if not isinstance(to, list) or not to or any(r not in world.scenario.trainee_roles for r in to):
        raise ControlError(N_("Cần chọn vai nhận hợp lệ."))
    for key in ("content", "sender"):
        text = args.get(key)
        if not isinstance(text, str) or not text.strip() or len(text) > 2000:
            raise ControlError(N_("'%(key)s' phải là văn bản 1–2000 ký tự."), key=key)
