"""One line for each event of the log, in Vietnamese and English, as a timeline shows it.

An inject shows its channel, sender and title (or question, or the start of its
text); an action its type and key parameters (the role it names, the form, the
item it is about by title, the start of its text); a refusal its reason; a
reply, a fact, an escalation (with its condition in words), a missed deadline
and the end what they say.
Trainees' own texts are quoted as written, in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from scenarios.labels import ACTION_TYPES, ACTORS, AGENCIES, CHANNELS, FORMS, MODES, REFUSALS, ROUTES, label, role_label
from debrief.team_run import Event
from scenarios.condition_words import condition_words
from scenarios.model import Scenario
from scenarios.texts import Text
from scenarios.figures import format_percent, format_t

EXCERPT = 120  # characters of a text quoted in a summary
TEXT_PARAMS = ("text", "summary", "agenda", "note")  # the first one present is quoted
ITEM_PARAMS = ("article", "post", "item")


def excerpt(text: str | None, limit: int = EXCERPT) -> str:
    """The text on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def same(text: str) -> Text:
    """A text that reads the same in both languages (a name, a quotation)."""
    return Text(text, text)


def inject_name(inject: Event | None, inject_id: str, scenario: Scenario) -> Text:
    """What an inject is called: its title, else its sender, as delivered; one never delivered by the drill's title
    or sender for it; its id only when nothing else names it."""
    name = Text.from_dict((inject or {}).get("title") or (inject or {}).get("sender"))
    planned = None if name.vi else scenario.inject(inject_id)
    if planned is not None:
        name = (planned.title or planned.sender).complete()
    return name if name.vi else same(inject_id)


class Summariser:
    """Summaries of one run's events; knows the scenario (role labels) and the injects delivered (titles)."""

    def __init__(self, scenario: Scenario, events: Sequence[Event]):
        self.scenario = scenario
        self.injects: dict[str, Event] = {}
        for event in events:
            if event.get("kind") == "inject":
                self.injects.setdefault(event["inject"], event)
        self._kinds: dict[str, Callable[[Event], Text]] = {
            "inject": self._inject,
            "action": self._action,
            "refused": self._refused,
            "reply": self._reply,
            "fact": self._fact,
            "escalation": self._escalation,
            "deadline_missed": self._deadline_missed,
            "end": self._end,
        }

    def summary(self, event: Event) -> Text:
        """The one-line summary of an event (its kind, for a kind the timeline does not show)."""
        summarise = self._kinds.get(event["kind"])
        return summarise(event) if summarise else same(str(event.get("kind")))

    # --- by kind -----------------------------------------------------------------------------------

    def _inject(self, event: Event) -> Text:
        channel, sender = label(CHANNELS, event.get("channel")), Text.from_dict(event.get("sender"))
        headline = Text.from_dict(event.get("title") or event.get("question") or event.get("content"))
        return Text(
            f"{channel.vi} — {sender.vi}: {excerpt(headline.vi)}", f"{channel.en} — {sender.en}: {excerpt(headline.en)}"
        )

    def _action(self, event: Event) -> Text:
        kind = label(ACTION_TYPES, event.get("type"))
        details = self._details(event.get("params") or {})
        if not details:
            return kind
        return Text(
            f"{kind.vi}: " + "; ".join(d.vi for d in details), f"{kind.en}: " + "; ".join(d.en or "" for d in details)
        )

    def _refused(self, event: Event) -> Text:
        kind, reason = label(ACTION_TYPES, event.get("type")), event.get("reason") or {}
        return Text(f"{kind.vi} — bị từ chối: {reason.get('vi', '')}", f"{kind.en} — refused: {reason.get('en', '')}")

    def _reply(self, event: Event) -> Text:
        actor, content = label(ACTORS, event.get("actor")), Text.from_dict(event.get("content"))
        return Text(f"{actor.vi}: {excerpt(content.vi)}", f"{actor.en}: {excerpt(content.en)}")

    def _fact(self, event: Event) -> Text:
        source, statement = label(AGENCIES, event.get("source")), Text.from_dict(event.get("statement"))
        return Text(f"Xác minh từ {source.vi}: {excerpt(statement.vi)}", f"Verified by {source.en}: {excerpt(statement.en)}")

    def _escalation(self, event: Event) -> Text:
        name, before, after = Text.from_dict(event.get("name")), event.get("from"), event.get("to")
        why = condition_words(event.get("condition"))
        when = Text(f" (khi {why.vi})", f" (when {why.en})") if why.vi else Text("", "")
        return Text(
            f"Khủng hoảng leo thang từ cấp {before} lên cấp {after}: {name.vi}{when.vi}",
            f"The crisis escalated from level {before} to level {after}: {name.en}{when.en}",
        )

    def _deadline_missed(self, event: Event) -> Text:
        call = inject_name(self.injects.get(event["inject"]), str(event["inject"]), self.scenario)
        due = format_t(event.get("deadline"))
        return Text(f"Không trả lời {call.vi} trong hạn ({due})", f"No answer to {call.en} by its deadline ({due})")

    def _end(self, event: Event) -> Text:
        final, top = event.get("final_level"), event.get("max_level")
        belief, trust = float(event.get("belief") or 0), float(event.get("trust") or 0)
        return Text(
            f"Kết thúc: cấp cuối {final}, cao nhất {top}; {format_percent(belief, 'vi')} dân số tin tin đồn; "
            f"niềm tin vào chính quyền {format_percent(trust, 'vi')}",
            f"End: final level {final}, highest {top}; {format_percent(belief, 'en')} of the population believe the "
            f"rumour; trust in the authorities {format_percent(trust, 'en')}",
        )

    # --- action parameters -------------------------------------------------------------------------

    def _details(self, params: Mapping[str, Any]) -> list[Text]:
        details = []
        for key, value in params.items():
            detail = self._detail(key, value)
            if detail is not None:
                details.append(detail)
        quoted = next((params[key] for key in TEXT_PARAMS if isinstance(params.get(key), str)), None)
        if quoted:
            details.append(same(f"“{excerpt(quoted)}”"))
        return details

    def _detail(self, key: str, value: Any) -> Text | None:
        if key in ("to", "speaker"):
            role = role_label(self.scenario, str(value))
            return Text(
                f"{'gửi' if key == 'to' else 'người phát ngôn'}: {role.vi}",
                f"{'to' if key == 'to' else 'speaker'}: {role.en}",
            )
        if key == "name":
            return same(str(value))
        if key == "participants" and isinstance(value, list):
            roles = [role_label(self.scenario, str(r)) for r in value]
            return Text(
                "thành phần: " + ", ".join(r.vi for r in roles), "participants: " + ", ".join(r.en or "" for r in roles)
            )
        if key == "call":
            caller = inject_name(self.injects.get(value), str(value), self.scenario)
            return Text(f"cuộc gọi của {caller.vi}", f"call from {caller.en}")
        if key in ITEM_PARAMS:
            name = inject_name(self.injects.get(value), str(value), self.scenario)
            return Text(f"về “{excerpt(name.vi, 60)}”", f"on “{excerpt(name.en, 60)}”")
        if key == "level":
            return Text(f"cấp {value}", f"level {value}")
        if key == "refusal":
            reason = label(REFUSALS, str(value))
            return Text(f"từ chối: {reason.vi}", f"refused: {reason.en}")
        tables = {"form": FORMS, "channel": CHANNELS, "mode": MODES, "route": ROUTES, "agency": AGENCIES}
        if key in tables:
            return label(tables[key], str(value))
        return None
