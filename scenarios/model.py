"""Typed, immutable model of a crisis scenario, and the source of its JSON Schema.

A scenario file (YAML) is parsed into these Pydantic models. Every model forbids
unknown fields, so a typo in a key is an error, and is frozen, so a loaded
scenario cannot be changed by the world that plays it. Cross-references (roles,
levels, facts, claims, injects, condition variables) are checked by
`scenarios.references`, not here: this module only describes the shape.

Every number, list and text has a range that keeps a drill's cost bounded (the
world steps once per opinion sample and the dry run plays a drill nine times),
far above what the built-in drills use; the limits are named below (a text's, `MAX_TEXT`,
in `scenarios.texts`, whose `Text` every text field holds).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from scenarios.messages import N_, MessageError
from scenarios.pydantic_messages import pydantic_message
from scenarios.texts import MAX_TEXT, Text
from scenarios.times import clock_pattern, scenario_minute

Identifier = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64, description="lower-case id: letters, digits, _ and -"),
]
MAX_MINUTES = 14 * 24 * 60  # two weeks of scenario time: the longest drill, and every delay within it
MAX_POPULATION = 200_000_000  # people: the built-in drills have at most 1 million
MAX_OPINION_SAMPLES = 1440  # a run's opinion samples (duration / sample_every): the built-in drills make at most 288
MAX_INJECTS = 300  # the built-in drills have at most 21
MAX_ITEMS = 50  # roles, facts, false claims, key messages, sources, cast, an inject's claims: built-ins at most 8
MAX_KEYWORDS = 20  # keywords of a fact, claim or message: built-ins at most 4
MAX_PHRASE = 200  # characters of a keyword: built-ins at most 35
MAX_CONDITION = 500  # characters of a condition: built-ins at most 58
PARTY_ROLES = ("propaganda_board", "standing_committee")  # Party organs, not state agencies: never the speaker

CLOCK_PATTERN = clock_pattern(MAX_MINUTES)


def scenario_minutes(**bounds: Any) -> object:
    """Scenario minutes within `bounds`, written as a number or as T+HH:MM (`scenarios.times`): the schema shows both."""
    return Annotated[
        float,
        Field(**bounds),
        BeforeValidator(
            scenario_minute,
            json_schema_input_type=(Annotated[float, Field(**bounds)] | Annotated[str, Field(pattern=CLOCK_PATTERN)]),
        ),
    ]


if TYPE_CHECKING:  # mypy cannot read a type a call builds: to it these are the floats the fields hold
    Minute = float
    SignedMinute = float
    Length = float
else:
    Minute = Annotated[
        scenario_minutes(ge=0, le=MAX_MINUTES),
        Field(description="scenario minutes from the start of the drill (or T+HH:MM)"),
    ]
    SignedMinute = scenario_minutes(ge=-MAX_MINUTES, le=MAX_MINUTES)  # negative: before the drill starts
    Length = scenario_minutes(gt=0, le=MAX_MINUTES)
Share = Annotated[float, Field(ge=0, le=1)]
People = Annotated[int, Field(ge=0, le=MAX_POPULATION)]
Keywords = Annotated[
    tuple[Annotated[str, Field(min_length=2, max_length=MAX_PHRASE)], ...], Field(min_length=1, max_length=MAX_KEYWORDS)
]
ConditionText = Annotated[str, Field(max_length=MAX_CONDITION)]


class Strict(BaseModel):
    """Base: unknown fields are errors, instances are immutable, numbers are finite (YAML's .inf and .nan are not)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class CrisisType(str, Enum):
    """Kinds of crisis the seeds name."""

    public_health = "public_health"
    pollution = "pollution"
    land_clearance = "land_clearance"
    complaint = "complaint"
    fake_news_official = "fake_news_official"
    natural_disaster = "natural_disaster"
    food_safety = "food_safety"
    other = "other"


class Channel(str, Enum):
    """How an inject reaches the players."""

    social_post = "social_post"
    press_call = "press_call"
    press_article = "press_article"
    dispatch = "dispatch"
    hotline = "hotline"
    monitoring_report = "monitoring_report"
    tv = "tv"


class Role(Strict):
    """A role in play, with the brief its player reads before the drill starts."""

    id: Identifier
    label: Text
    brief: Text
    played_by: Literal["trainee", "simulation"] = "trainee"
    regular_spokesperson: bool | None = Field(
        default=None,
        description="holds the post of regular spokesperson (người phát ngôn thường xuyên, Decree 244/2026 Art. 3.2.b, "
        "e.g. the Chánh Văn phòng): speaks for the agency from the start, before any case assignment. Unset on every "
        "role: the role `spokesperson` is the regular spokesperson unless it says false",
    )
    head_of_agency: bool | None = Field(
        default=None,
        description="the head of the state agency the spokesperson speaks for (người đứng đầu, Art. 3.2.a, 4.1; for a "
        "provincial spokesperson the Chủ tịch UBND tỉnh): may speak, and assigns or authorises in writing the "
        "spokesperson of the case on the propaganda board's proposal. Unset on every role: the role `agency_head` "
        "is the head unless it says false",
    )
    operational: bool = Field(
        default=False,
        description="an operational command (e.g. Ban Chỉ huy phòng, chống thiên tai): its situation reports "
        "(`situation_report`) inform on the operation and are not a second voice under the one-focal-point rule",
    )


class Level(Strict):
    """A crisis level: the condition that escalates the crisis to it and what it releases."""

    level: Annotated[int, Field(ge=0, le=5)]
    name: Text
    escalate_when: ConditionText | None = Field(
        default=None,
        description="condition on opinion variables, e.g. 'belief > 0.05 or media_pressure >= 0.6'; "
        "absent only for the starting level",
    )
    releases: tuple[Identifier, ...] = Field(
        default_factory=tuple, max_length=MAX_INJECTS, description="ids of injects delivered on reaching this level"
    )


class Inject(Strict):
    """Something that reaches the players: a post, a call, an article, a dispatch..."""

    id: Identifier
    channel: Channel
    at: Minute | None = Field(default=None, description="deliver at this scenario minute")
    when: ConditionText | None = Field(default=None, description="deliver once this condition holds")
    delay: Minute = Field(default=0, description="minutes after the condition holds or the level is reached")
    sender: Text = Field(description="who it comes from (account, outlet, agency, citizen)")
    to: tuple[Identifier, ...] = Field(min_length=1, max_length=MAX_ITEMS, description="roles that receive it")
    title: Text | None = None
    content: Text
    claims: tuple[Identifier, ...] = Field(
        default_factory=tuple, max_length=MAX_ITEMS, description="false claims this inject spreads"
    )
    reach: People | None = Field(
        default=None, description="people a social post or article reaches (at most the population)"
    )
    question: Text | None = Field(default=None, description="a press call's question")
    response_window: Annotated[float, Field(gt=0, le=MAX_MINUTES)] | None = Field(
        default=None, description="minutes a journalist waits for an answer"
    )

    @model_validator(mode="after")
    def _channel_fields(self) -> Inject:
        if self.at is not None and self.when is not None:
            raise MessageError(N_("chỉ chọn một: thời điểm 'at' hoặc điều kiện 'when'"))
        if self.channel is Channel.press_call and (self.question is None or self.response_window is None):
            raise MessageError(
                N_("cuộc gọi của phóng viên (press_call) cần câu hỏi 'question' và thời hạn trả lời 'response_window'")
            )
        if self.channel is not Channel.press_call and self.response_window is not None:
            raise MessageError(N_("chỉ cuộc gọi của phóng viên (press_call) mới có thời hạn trả lời 'response_window'"))
        if self.channel in (Channel.social_post, Channel.press_article) and self.reach is None:
            raise MessageError(N_("tin kênh %(channel)s cần số lượt tiếp cận 'reach'"), channel=self.channel.value)
        return self


class Fact(Strict):
    """A true fact that verification returns, after a delay."""

    id: Identifier
    statement: Text
    source: Identifier = Field(description="agency that confirms it, e.g. police, health_department")
    delay: Minute = Field(description="minutes from the verify request to the answer")
    keywords: Keywords = Field(description="phrases that show a statement uses this fact")
    label: Text | None = Field(
        None, description="a short name for the fact in verdicts and reports (else the start of its statement)"
    )
    briefed: bool = Field(
        False, description="the drill's brief already tells it: known from the start, no verification needed"
    )
    assures: bool = Field(
        False,
        description="a safety assurance ('an toàn', 'yên tâm sử dụng', 'không ảnh hưởng sức khỏe') "
        "stands on this fact: before a fact so marked is verified, an assurance is an "
        "unverified claim",
    )


class FalseClaim(Strict):
    """A false claim the rumour carries; repeating it in a statement is penalised, denying it is not."""

    id: Identifier
    text: Text
    keywords: Keywords
    refuted_by: Annotated[tuple[Identifier, ...], Field(max_length=MAX_KEYWORDS)] = Field(
        (),
        description="facts that ground a denial of this claim: denying it "
        "before one of them is known is an unverified claim",
    )


class KeyMessage(Strict):
    """A message a good statement carries (reassurance, action, where to learn more)."""

    id: Identifier
    text: Text
    keywords: Keywords


def _one_or_many(value: object) -> str:
    return "many" if isinstance(value, (list, tuple)) else "one"


# An inject id, or a list of them: validated as whichever was written, so an error names that one only.
InjectIds = Annotated[
    Annotated[Identifier, Tag("one")]
    | Annotated[tuple[Identifier, ...], Field(min_length=1, max_length=MAX_ITEMS), Tag("many")],
    Discriminator(_one_or_many),
]


class Incident(Strict):
    """When the incident happened and which inject(s) tell the agency about it.

    Rule sets differ on which of the two starts the 24-hour clock for initial
    information: vn-2021 counts from `occurred_at`, vn-2026 from `received_by`
    (one inject, or a list of them: the first delivered starts the clock, since
    the agency may learn of the case by several routes). `opinion_divided` marks
    a case that splits public opinion (a rumour): Decree 244/2026 Art. 7.4, the
    24 hours count from when the agency determined the impact.
    """

    occurred_at: SignedMinute = Field(description="scenario minute the incident occurred (negative: before the drill)")
    received_by: InjectIds = Field(
        description="inject (or list of injects) whose delivery means the agency has received the case; "
        "the first delivered of them counts"
    )
    opinion_divided: bool = Field(False, description="the case divides public opinion (Decree 244/2026 Art. 7.4)")

    @field_validator("received_by", mode="wrap")
    @classmethod
    def _received_by(cls, value: object, handler):
        """The error of the form written (one id, or a list), at `incident.received_by`, naming a list's item."""
        try:
            return handler(value)
        except ValidationError as error:
            first = error.errors()[0]
            item = next((part for part in first["loc"] if isinstance(part, int)), None)
            raise (
                MessageError(pydantic_message(first))
                if item is None
                else MessageError(N_("mục %(item)d: %(error)s"), item=item, error=pydantic_message(first))
            ) from None

    @property
    def receipts(self) -> tuple[str, ...]:
        """The injects by which the agency may receive the case, as a tuple."""
        return (self.received_by,) if isinstance(self.received_by, str) else tuple(self.received_by)


class OpinionModel(Strict):
    """Parameters of the rumour and opinion model (see `sim.opinion`)."""

    population: Annotated[int, Field(gt=0, le=MAX_POPULATION)] = Field(description="online population the rumour can reach")
    initial_seen: People = Field(0, description="people who have seen the rumour at the start (at most the population)")
    spread_rate: Annotated[float, Field(ge=0, le=10)] = Field(
        description="new viewers per believer per minute (before saturation)"
    )
    belief_rate: Share = Field(description="share of new viewers who believe the rumour")
    initial_trust: Share = 0.6
    statement_effect: Share = Field(0.5, description="share of believers a perfect, first-minute statement wins back")
    timeliness_half_life: Annotated[float, Field(gt=0, le=MAX_MINUTES)] = Field(
        240, description="minutes for a statement's effect to halve"
    )
    silence_trust_loss: Share = Field(0.02, description="trust lost per hour without an official statement")
    takedown_damping: Share = Field(0.5, description="share of the spread a takedown removes")
    media_pressure_decay: Share = Field(0.05, description="share of media pressure that fades per hour")
    sample_every: Annotated[float, Field(ge=1, le=240)] = Field(
        10, description="minutes between opinion samples (at least 1: the cost of a run grows with the samples)"
    )


class ActorDelays(Strict):
    """How long the actors the simulation plays take to respond, in minutes."""

    standing_committee: Minute = 30
    police: Minute = 120
    platform: Minute = 60
    outlet_correction: Minute = 120
    journalist_followup: Minute = 30
    head_decision: Minute = Field(
        5,
        description="minutes the head of the agency, when simulated, takes to decide on "
        "the spokesperson the propaganda board proposed",
    )


class CastMember(Strict):
    """A fictional person generated per run by Faker's vi_VN locale from the seed."""

    kind: Literal["name", "male_name", "female_name", "last_name"] = "name"
    title: Text | None = Field(default=None, description="post or description, e.g. 'phóng viên báo Tin Nhanh'")


class Scenario(Strict):
    """A crisis drill."""

    id: Identifier
    title: Text
    brief: Text
    crisis_type: CrisisType
    level: Annotated[int, Field(ge=1, le=5)] = Field(description="the crisis level this drill trains: its highest level")
    rule_set: Literal["vn-2026", "vn-2021"] = "vn-2026"
    duration: Length = Field(description="length in scenario minutes")
    setting: Text | None = Field(default=None, description="fictional place and time of the drill")
    sources: tuple[Annotated[str, Field(max_length=MAX_TEXT)], ...] = Field(
        default_factory=tuple, max_length=MAX_ITEMS, description="seed documents and laws the drill is grounded in"
    )
    cast: dict[Identifier, CastMember] = Field(  # a dict (not frozen): read it, never change it
        default_factory=dict,
        max_length=MAX_ITEMS,
        description="people named in texts as {id}; names come from the run's seed",
    )
    incident: Incident
    roles: tuple[Role, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    levels: tuple[Level, ...] = Field(min_length=2, max_length=6, description="levels 0 to 5 at most")
    injects: tuple[Inject, ...] = Field(min_length=1, max_length=MAX_INJECTS)
    facts: tuple[Fact, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    false_claims: tuple[FalseClaim, ...] = Field(default_factory=tuple, max_length=MAX_ITEMS)
    key_messages: tuple[KeyMessage, ...] = Field(default_factory=tuple, max_length=MAX_ITEMS)
    opinion: OpinionModel
    actors: ActorDelays = ActorDelays()

    @model_validator(mode="after")
    def _speakers(self) -> Scenario:
        for flag in ("regular_spokesperson", "head_of_agency"):
            marked = [r.id for r in self.roles if getattr(r, flag)]
            if len(marked) > 1:
                raise MessageError(
                    N_("chỉ một vai được là '%(flag)s', không phải %(roles)s"), flag=flag, roles=", ".join(marked)
                )
            party = [r for r in marked if r in PARTY_ROLES]
            if party:
                raise MessageError(
                    N_(
                        "'%(role)s' là cơ quan của Đảng, không phải cơ quan nhà nước: không thể là "
                        "'%(flag)s' (Nghị định 244/2026, Điều 3.2)"
                    ),
                    role=party[0],
                    flag=flag,
                )
        return self

    def _marked(self, flag: str, default: str) -> str | None:
        marked = next((r.id for r in self.roles if getattr(r, flag)), None)
        if marked is not None:
            return marked
        role = self.role(default)
        return default if role is not None and getattr(role, flag) is None else None

    @property
    def regular_spokesperson(self) -> str | None:
        """The role holding the regular spokesperson's post (Decree 244/2026 Art. 3.2.b), if the drill has one."""
        return self._marked("regular_spokesperson", "spokesperson")

    @property
    def head_of_agency(self) -> str | None:
        """The role of the head of the agency, who may speak and assigns the spokesperson (Art. 3.2.a, 4.1)."""
        return self._marked("head_of_agency", "agency_head")

    @property
    def operational_roles(self) -> frozenset[str]:
        """Roles whose situation reports are operational information, not a second voice."""
        return frozenset(r.id for r in self.roles if r.operational)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def inject(self, inject_id: str | None) -> Inject | None:
        return next((i for i in self.injects if i.id == inject_id), None)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    @property
    def trainee_roles(self) -> list[str]:
        return [r.id for r in self.roles if r.played_by == "trainee"]

    @property
    def start_level(self) -> int:
        return min(lv.level for lv in self.levels)

    @property
    def top_level(self) -> int:
        return max(lv.level for lv in self.levels)
