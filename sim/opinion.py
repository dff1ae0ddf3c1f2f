"""Public opinion: who has seen the rumour, who believes it, trust, media pressure.

A small compartment model in the spirit of rumour-spreading models (Daley-Kendall):
believers pass the rumour on to people who have not seen it, at a rate that
saturates as the population is reached; a share of new viewers believe it,
fewer when trust in the authorities is high and when an official correction has
already reached them. Official statements win believers back, more when they are
early, carry verified facts and key messages, come through strong channels and
agree with each other. Takedowns and police action slow the spread; silence
erodes trust; unanswered journalists raise media pressure.

All figures are plain floats; `step` is deterministic given its `noise` argument,
which the world draws from the run's seeded random generator.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.model import OpinionModel

FORM_WEIGHT = {
    "press_conference": 1.0,
    "press_release": 0.9,
    "interview": 0.8,
    "briefing": 0.8,
    "portal_post": 0.7,
    "written_reply": 0.6,
}
CHANNEL_WEIGHT: dict[str | None, float] = {"tv": 1.0, "press": 0.9, "social_media": 0.85, "radio": 0.8, "portal": 0.7}


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


@dataclass
class Opinion:
    """The state of public opinion, changed in place by the world."""

    params: OpinionModel
    seen: float = 0.0
    believers: float = 0.0
    trust: float = 0.6
    media_pressure: float = 0.0
    corrected: float = 0.0  # share of the population an official correction has reached
    spread_factor: float = 1.0  # 1 = unchecked; takedowns and police action lower it
    statements: int = 0

    @classmethod
    def start(cls, params: OpinionModel) -> Opinion:
        seen = float(params.initial_seen)
        return cls(params=params, seen=seen, believers=seen * params.belief_rate, trust=params.initial_trust)

    @property
    def population(self) -> int:
        return self.params.population

    def belief_chance(self) -> float:
        """Chance that a new viewer believes: lower with trust and with corrections already out."""
        return _clamp(self.params.belief_rate * (1.5 - self.trust) * (1 - self.corrected))

    def expose(self, people: float, believe_factor: float = 1.0) -> None:
        """`people` more see the rumour (a post, an article); some of them believe it."""
        fresh = min(people, self.population - self.seen)
        self.seen += fresh
        self.believers = min(self.seen, self.believers + fresh * _clamp(self.belief_chance() * believe_factor))

    def step(self, minutes: float, noise: float, silent: bool) -> None:
        """Advance `minutes`: the rumour spreads, pressure fades, silence costs trust."""
        unseen_share = 1 - self.seen / self.population
        new_viewers = self.params.spread_rate * self.believers * self.spread_factor * unseen_share * minutes * noise
        self.expose(max(0.0, new_viewers))
        self.media_pressure *= (1 - self.params.media_pressure_decay) ** (minutes / 60)
        if silent:
            self.trust = _clamp(self.trust - self.params.silence_trust_loss * minutes / 60)

    def statement(
        self, quality: float, form: str, channel: str | None, minutes_since_trigger: float, consistent: bool
    ) -> float:
        """An official statement; returns its effect (0-1), the share of believers it won back."""
        timeliness = 0.5 ** (max(0.0, minutes_since_trigger) / self.params.timeliness_half_life)
        weight = FORM_WEIGHT.get(form, 0.7) * CHANNEL_WEIGHT.get(channel, 0.8)
        repeat = 1 / (1 + 0.5 * self.statements)
        effect = self.params.statement_effect * quality * (0.3 + 0.7 * timeliness) * weight * repeat
        if not consistent:
            effect *= 0.3
            self.trust = _clamp(self.trust - 0.1)
            self.media_pressure = _clamp(self.media_pressure + 0.1)
        else:
            self.trust = _clamp(self.trust + 0.08 * quality * (0.5 + 0.5 * timeliness))
        self.believers *= 1 - effect
        self.corrected = _clamp(self.corrected + (1 - self.corrected) * effect)
        self.statements += 1
        return round(effect, 4)

    def press_answered(self) -> None:
        self.media_pressure = _clamp(self.media_pressure - 0.05)

    def evasive(self) -> None:
        """A refusal without a lawful reason looks evasive."""
        self.media_pressure = _clamp(self.media_pressure + 0.1)
        self.trust = _clamp(self.trust - 0.03)

    def pressure(self, amount: float) -> None:
        self.media_pressure = _clamp(self.media_pressure + amount)

    def adjust_trust(self, amount: float) -> None:
        self.trust = _clamp(self.trust + amount)

    def slow_spread(self, share: float) -> None:
        """A takedown or police action removes `share` of the remaining spread."""
        self.spread_factor *= 1 - share

    def win_back(self, share: float) -> None:
        """A correction published by an outlet wins back `share` of believers."""
        self.believers *= 1 - share
        self.corrected = _clamp(self.corrected + (1 - self.corrected) * share)

    def variables(self) -> dict[str, float]:
        return {
            "seen": round(self.seen),
            "believers": round(self.believers),
            "belief": round(self.believers / self.population, 5),
            "seen_share": round(self.seen / self.population, 5),
            "trust": round(self.trust, 4),
            "media_pressure": round(self.media_pressure, 4),
        }
