"""What the bots write, composed from the drill's own content so it reads right on any valid drill.

A press-facing text is put together sentence by sentence: an opening naming
the speaker's role, the fact statements verification returned, the key
messages, and the CDC CERC phrases `sim.statements` recognises (empathy, what
is not yet known, the next update, commitment, where to learn more). A
sentence is kept only if `analyse_statement` finds in it no false claim and no
fact not yet verified; a fact or key message whose own wording fails falls
back to one of its keywords. So a bot never repeats the rumour or speaks
ahead of verification. Working notes (reports, agendas, requests) are short
Vietnamese sentences naming roles and items. The words are data (sim/bot_texts.yaml,
read and checked once by `sim.text_data`); this module puts them together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import Field

from scenarios.model import Scenario, Strict
from scenarios.placeholders import fill
from scenarios.actions import MAX_TEXT
from sim.bot_view import Event
from sim.statements import StatementAnalysis, analyse_statement
from sim.text_data import ByRuleSet, load_texts

Phrase = Annotated[str, Field(min_length=1)]


class CercSentences(Strict):
    """Two wordings per CERC item, each holding one of the item's phrases in sim.statements.CERC_ITEMS: the second is
    used when a drill's keywords make the first unsafe. A release speaks of the authority in the third person
    ("UBND tỉnh …"), never "Chúng tôi"."""

    empathy: tuple[Phrase, Phrase]
    unknowns: tuple[Phrase, Phrase]
    next_update: tuple[Phrase, Phrase]
    commitment: tuple[Phrase, Phrase]
    more_info: tuple[Phrase, Phrase]


class BotWords(Strict):
    """What the bots write, one field per key of sim/bot_texts.yaml (Vietnamese: the team's inputs)."""

    cerc_sentences: CercSentences
    correction_grounds: ByRuleSet[Phrase]
    official_information: Phrase
    initial_opening: Phrase  # {speaker}
    update_opening: Phrase  # {speaker}
    quick_opening: Phrase  # {speaker}
    answer_opening: Phrase  # {sender}
    fact_confirmed: Phrase  # {keyword}
    message_notice: Phrase  # {keyword}
    correction_to: Phrase  # {sender}
    correction_verified: Phrase  # {grounds}
    correction_request: Phrase  # {law}
    flag_note: Phrase  # {sender}, {level}
    report_summary: Phrase  # {reporter}, {sender}
    meeting_agenda: Phrase
    verification_note: Phrase
    form_note: Phrase
    proposal_note: Phrase
    press_guidance: Phrase  # {speaker}
    takedown_note: Phrase  # {sender}
    police_note: Phrase  # {sender}
    results_summary: Phrase  # {statements}, {answers}, {corrections}
    monitor_note: Phrase
    followup_order: Phrase
    admin_note: Phrase
    site_removal_note: Phrase
    cause_measure: Phrase
    daily_report: Phrase


WORDS = load_texts("bot_texts", BotWords)


class Writer:
    """Composes one drill's texts; remembers what the analysis found in each sentence."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._analyses: dict[tuple[str, frozenset[str]], StatementAnalysis] = {}

    def _analysis(self, sentence: str, verified: frozenset[str]) -> StatementAnalysis:
        key = (sentence, verified)
        if key not in self._analyses:
            self._analyses[key] = analyse_statement(self.scenario, sentence, set(verified))
        return self._analyses[key]

    def is_safe(self, sentence: str, verified: frozenset[str]) -> bool:
        """Whether a sentence repeats no false claim and uses no fact outside `verified`."""
        analysis = self._analysis(sentence, verified)
        return not analysis.claims and not analysis.unverified_facts

    def _first_safe(self, candidates: Iterable[str], verified: frozenset[str]) -> str | None:
        return next((c for c in candidates if self.is_safe(c, verified)), None)

    def fact_sentence(self, fact: Event, verified: frozenset[str]) -> str | None:
        """A verified fact as a sentence the analysis recognises: its statement, else one of its keywords;
        None when neither is safe."""
        known = self.scenario.fact(fact["fact"])
        assert known is not None, fact["fact"]  # a fact event names one of the drill's facts
        keywords = known.keywords
        candidates = [fact["statement"]["vi"], *(fill(WORDS.fact_confirmed, {"keyword": k}) for k in keywords)]
        return next(
            (c for c in candidates if self.is_safe(c, verified) and fact["fact"] in self._analysis(c, verified).facts), None
        )

    def _message_sentences(self, verified: frozenset[str]) -> list[str]:
        sentences = []
        for message in self.scenario.key_messages:
            sentence = self._first_safe(
                [message.text.vi, *(fill(WORDS.message_notice, {"keyword": k}) for k in message.keywords)], verified
            )
            if sentence:
                sentences.append(sentence)
        return sentences

    def _cerc(self, item: str, verified: frozenset[str]) -> list[str]:
        sentence = self._first_safe(getattr(WORDS.cerc_sentences, item), verified)
        return [sentence] if sentence else []

    def press_text(self, opening: str, facts: list[Event], verified: frozenset[str]) -> str:
        """A statement or answer: the opening, then empathy, facts, unknowns, key messages, next update,
        commitment and where to learn more, every sentence safe, within the length an action allows."""
        first = self._first_safe([opening, WORDS.official_information], verified)
        sentences = [
            *([first] if first else []),
            *self._cerc("empathy", verified),
            *(s for s in (self.fact_sentence(f, verified) for f in facts) if s),
            *self._cerc("unknowns", verified),
            *self._message_sentences(verified),
            *self._cerc("next_update", verified),
            *self._cerc("commitment", verified),
            *self._cerc("more_info", verified),
        ]
        text = ""
        for sentence in sentences:
            candidate = f"{text} {sentence}".strip()
            if len(candidate) <= MAX_TEXT:
                text = candidate
        return text

    def correction(self, item: Event, facts: list[Event], verified: frozenset[str]) -> str:
        """Written feedback to an outlet (Decree 244/2026 Art. 7.6): the grounds, a request to correct and apologise."""
        grounds = " ".join(s for s in (self.fact_sentence(f, verified) for f in facts) if s)
        law = WORDS.correction_grounds.of(self.scenario.rule_set)
        return " ".join(
            [
                fill(WORDS.correction_to, {"sender": item["sender"]["vi"]}),
                *([fill(WORDS.correction_verified, {"grounds": grounds})] if grounds else []),
                fill(WORDS.correction_request, {"law": law}),
            ]
        )


def role_label(scenario: Scenario, role_id: str) -> str:
    """A role's Vietnamese label (its id if the drill has no such role)."""
    role = scenario.role(role_id)
    return role.label.vi if role else role_id


def flag_note(item: Event, level: int) -> str:
    return fill(WORDS.flag_note, {"sender": item["sender"]["vi"], "level": str(level)})


def report_summary(scenario: Scenario, reporter: str, item: Event) -> str:
    return fill(WORDS.report_summary, {"reporter": role_label(scenario, reporter), "sender": item["sender"]["vi"]})


def opening(kind: str, speaker: str) -> str:
    """The first sentence of a statement (`kind`: initial, update or quick) by the role labelled `speaker`."""
    return fill(getattr(WORDS, f"{kind}_opening"), {"speaker": speaker})


def answer_opening(call: Event) -> str:
    return fill(WORDS.answer_opening, {"sender": call["sender"]["vi"]})


def press_guidance(scenario: Scenario, speaker: str) -> str:
    return fill(WORDS.press_guidance, {"speaker": role_label(scenario, speaker)})


def takedown_note(item: Event) -> str:
    return fill(WORDS.takedown_note, {"sender": item["sender"]["vi"]})


def police_note(item: Event) -> str:
    return fill(WORDS.police_note, {"sender": item["sender"]["vi"]})


def results_summary(statements: int, answers: int, corrections: int) -> str:
    return fill(
        WORDS.results_summary, {"statements": str(statements), "answers": str(answers), "corrections": str(corrections)}
    )
