"""The shape of a rule-set file (scoring/rulesets/*.yaml) as Pydantic models, and the source of its JSON Schema.

Like the scenario models, every model forbids unknown fields, is frozen and takes
finite numbers only. A rule's name must be in the registry (`scoring.rules.RULES`)
and its parameters must be ones the rule accepts (checked by building the rule,
so the error is the rule's own). What needs the whole set (unique ids, the
lateness rules being in the set, the weights summing to 100) is checked by
`scoring.ruleset`, which also turns these models into the `RuleSet` scoring uses.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator

from scenarios.model import Strict
from scenarios.texts import Text
from scoring.rules import RULES, RuleParamError

MAX_LATENESS_MINUTES = 1_000_000


class TextPair(Strict):
    """A text in Vietnamese and English; English left out or blank is the Vietnamese."""

    vi: Annotated[str, Field(pattern=r"\S")]
    en: str | None = None

    @property
    def text(self) -> Text:
        return Text(self.vi, self.en if self.en and self.en.strip() else self.vi)


def _bilingual(what: str) -> BeforeValidator:
    """Text (the same in both languages) or {vi, en} with a Vietnamese that is not blank; else `what` is the error."""

    def as_pair(value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            return {"vi": value, "en": value}
        if isinstance(value, dict) and isinstance(value.get("vi"), str) and value["vi"].strip():
            return value
        raise ValueError(f"{what}, as text or {{vi, en}}")

    return BeforeValidator(as_pair, json_schema_input_type=Annotated[str, Field(pattern=r"\S")] | TextPair)


def _known_rule(name: str) -> str:
    if name not in RULES:
        raise ValueError(f"unknown rule {name!r} (known: {', '.join(sorted(RULES))})")
    return name


def _at_least_one(what: str) -> AfterValidator:
    """A list that must not be empty, checked after its items (a length check would also count the items in error)."""

    def check(items: tuple) -> tuple:
        if not items:
            raise ValueError(f"must list at least one {what}")
        return items

    return AfterValidator(check)


Title = Annotated[TextPair, _bilingual("must be the rule set's title")]
Description = Annotated[TextPair, _bilingual("must be a description")]
Source = Annotated[TextPair, _bilingual("must cite a law and article or a seed document")]
RuleName = Annotated[str, AfterValidator(_known_rule), Field(json_schema_extra={"enum": sorted(RULES)})]
RuleId = Annotated[str, Field(min_length=1)]
Points = Annotated[float, Field(gt=0, strict=True)]
Minutes = Annotated[float, Field(gt=0, le=MAX_LATENESS_MINUTES, strict=True)]


class RuleEntryFile(Strict):
    """One rule of the set: which rule, its parameters, its points and the source it rests on."""

    rule: RuleName = Field(description="a rule of the registry (scoring.rules.RULES)")
    id: RuleId | None = Field(default=None, description="unique in the set; the rule's name if left out")
    weight: Points = Field(description="points; the weights of the non-bonus rules sum to 100")
    params: dict[str, Any] | None = Field(
        default=None, validate_default=True, description="the rule's parameters (docs/SCORING.md); its defaults if left out"
    )
    source: Source = Field(description="the law and article, or the seed document, the rule rests on")
    bonus: bool = Field(
        default=False, strict=True, description="a bonus adds to the total (capped at 100), never a legal failure"
    )

    @field_validator("params")
    @classmethod
    def _params_the_rule_accepts(cls, params: dict[str, Any] | None, info: ValidationInfo) -> dict[str, Any]:
        params = params or {}
        if "rule" in info.data:  # else the rule's name is the error
            try:
                RULES[info.data["rule"]](params)
            except RuleParamError as exc:
                raise ValueError(str(exc)) from None
        return params

    @property
    def rule_id(self) -> str:
        return self.id or self.rule


class LatenessFile(Strict):
    """Which rules lose points to silence past the first deadline, and how fast (`scoring.deadlines.lateness`)."""

    span: Minutes = Field(description="minutes of silence that take all their points (linear)")
    within: Minutes = Field(description="minutes after the case is received by which the agency must speak anyway")
    rules: Annotated[tuple[RuleId, ...], _at_least_one("rule id")] = Field(
        json_schema_extra={"minItems": 1}, description="ids of rules in this set"
    )


class RuleSetFile(Strict):
    """A rule set: its name, title, the rules with their weights and sources, and what lateness costs."""

    id: RuleId = Field(description="the rule set's name, e.g. vn-2026 (a packaged file is named after it)")
    title: Title | None = Field(default=None, description="shown on the score card; the id if left out")
    description: Description | None = None
    lateness: LatenessFile | None = Field(default=None, description="left out: lateness costs no rule")
    rules: Annotated[tuple[RuleEntryFile, ...], _at_least_one("rule")] = Field(json_schema_extra={"minItems": 1})
