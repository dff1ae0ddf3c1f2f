"""Live teams: each team's world in memory, driven by the wall clock, fed by stamped inputs.

One `LiveExercises` per app (`app.extensions["live"]`). Every input is stamped
with the team's current scenario minute and committed to the database before it
is applied and acknowledged (a trainee's action with the key of one already made is
answered with that one's event, not made again); every event the world emits
is stored (its commit not waiting for the disk, `web.durability`) and then
handed to the outbox. What a tick emits is stored in one transaction for all the teams; what an input
makes is stored after its ack (which carries the input's own event) by the ticker, woken for it, with
whatever else is due; without a ticker (an app driven by hand) at once. Whoever holds a team's lock took
its database connection first (`_flush_teams`). A team not in memory (after a restart) is rebuilt from its
exercise's scenario text, seed and input log, and comes back paused (a takeover: below).

A self-practice team (one with a `PracticeAttempt`) also has bots: the exemplary
bot plays every trainee role but the trainee's. Wherever the world is moved on
(the ticker, an input's stamp), its bots act at their own scenario minute, each
action recorded as an input from `bot:<role>` before it is applied, like a
trainee's. A rebuilt practice team gets fresh bots fed the replayed log; what
they did is in that log, so they do not do it again. A practice trainee may ask
for a hint: what the procedure expects of their role next, recorded as a `hint`
input, which changes nothing in the world.

A team's world lives in exactly one process. Alone (no CRISIS_REDIS_URL, the embedded default) that is this
one, at no cost. With Redis between several processes, the one holding the team's lease (`web.ownership`:
a few seconds' lease, renewed by its owner's ticker) has the world; every public method that needs it (an
act, a hint, a control, a jump's preview, a `view` of the team for a page or a console) goes through
`_at_owner`: done here when this process owns the team or takes its free lease, else sent to the owner
(`web.forwarding`), which commits, applies, then answers, so the caller gets the owner's result or its
refusal as if it were local; a non-owner never builds the world. A killed owner stops renewing: within a
lease's ttl another process takes the team (its next input there, or its ticker, which looks each second
for teams under way that nobody owns) and rebuilds it from the log. That is a takeover, not a restart:
the team keeps its status, a running one runs on from where its stored log left it. A start of the
platform (no other process alive) pauses the running teams first, as one process's restart does. A
process stalled past its lease that still writes its old team finds the input's number taken
(`web.input_log`) and lets the team go.

A fault stays with its team. When a team's world raises (in the ticker, under an
input, or while it is rebuilt), that team alone stops: it is paused, the error is
logged once and kept as its `fault`, its watchers are told, and it takes no more
inputs but the instructor's `end`; every other team goes on. A team whose drill
text can no longer be read is `unavailable`: the server starts without it, and
whoever asks for it is told why.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, cast

from flask import Flask
from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from scenarios.messages import N_, Message
from scenarios.actions import Action
from sim.bot_policy import Intent, next_expected
from sim.bots import Bot, BotTeam
from sim.driver import Driver
from sim.world import Event, World
from web.controls import CONTROLS, ENDED, ControlError, check_control
from web.durability import rebuildable
from web.exercises import scenario_of
from web.extensions import db
from web.forwarding import Forwarding, NotHere, OwnerSilent, Refused
from web.input_log import InputNumberTaken, append_input
from web.ownership import Leases
from web.models import EventRecord, InputRecord, Team
from web.models.practice import PracticeAttempt
from web.jump_preview import jump_preview
from web.replay import apply_input, first_difference, replay
from web.team_summary import rescore, state as team_state, summary

# what a refused input or control is told (`ControlError`: in the language of whoever reads it)
FAULT = N_("Đội tạm dừng do lỗi của hệ thống; giảng viên có thể kết thúc đội để xem lại.")
NO_PRACTICE_JUMP = N_("Không thể nhảy thời gian khi tự luyện.")
NOT_UNDER_WAY = N_("Buổi diễn tập chưa bắt đầu hoặc đã kết thúc.")
UNKNOWN_CONTROL = N_("Lệnh không hợp lệ: %(command)s")
UNREADABLE = N_("Không dựng lại được đội vì kịch bản không còn đọc được (%(error)s).")
NO_OWNER = N_("Máy chủ đang chuyển đội sang tiến trình khác; hãy thử lại.")
FORWARDED = ("act", "control", "jump_preview", "hint", "view")  # what is done where the team's world is
EVENTS = cast(Table, EventRecord.__table__)  # the events' table, written with Core (`_store`)
OWNERSHIP_CHECK = 0.2  # of the lease's ttl: how often its owner renews its leases and looks for teams without one


class TeamUnavailable(ControlError):
    """A team that cannot be rebuilt at all (its drill text no longer loads); the message says why."""


@dataclass
class LiveTeam:
    """A team's world and its bookkeeping, guarded by `lock`."""

    team_id: int
    exercise_id: int
    driver: Driver
    status: str
    inputs: int  # inputs recorded so far
    sent: int  # events stored and emitted so far
    bots: BotTeam | None = None  # a practice team's bots; None for an instructor-led team
    fault: str | None = None  # why its world stopped (the exception, one line); None while it is sound
    card: dict[str, Any] | None = None  # its score card as last computed (`web.team_summary`); None until then
    answers: dict[tuple[str, str], int] = field(default_factory=dict)  # (source, act key) -> the action's event seq
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def world(self) -> World:
        return self.driver.world


Outbox = Callable[[LiveTeam, list[Event], float], None]


class LiveExercises:
    """Every live team of an app."""

    def __init__(
        self,
        app: Flask,
        outbox: Outbox,
        announce: Callable[[LiveTeam], None] = lambda live: None,
        clock: Callable[[], float] = time.monotonic,
        leases: Leases | None = None,
    ):
        self.app = app
        self.outbox = outbox
        self.announce = announce  # tells a team's trainees its status changed
        self.clock = clock
        self._teams: dict[int, LiveTeam] = {}
        self._unavailable: dict[int, Message] = {}  # team id -> why it cannot be rebuilt
        self._registry_lock = threading.Lock()
        self._ticker_started = False
        self._between_teams: Callable[[], None] = lambda: None  # the ticker's: lets acks run between two teams' ticks
        self.leases = leases  # with Redis: which process owns which team (`web.ownership`); None: this one, all
        self.forwarding = None if leases is None else Forwarding(leases.redis, leases.me, self._answer)  # to owners
        self._leased: set[int] = set()  # the teams whose lease this process holds
        self._wake: threading.Event | None = None  # set to wake the ticker (`_flush_soon`); None: no ticker
        self._unsent: dict[int, LiveTeam] = {}  # teams whose inputs' events the ticker is to store and send
        self._unsent_lock = threading.Lock()

    # --- loading and rebuilding -----------------------------------------------------------------

    def team(self, team_id: int) -> LiveTeam:
        """The live team, rebuilt from the database if it is not in memory.

        With Redis, only by the team's owner: its lease is taken first when free, and `NotHere` is raised
        when another process holds it (that process has the world; this one never builds it).
        """
        with self._registry_lock:
            live = self._teams.get(team_id)
            if live is None:
                if team_id in self._unavailable:
                    raise TeamUnavailable(self._unavailable[team_id])
                self._take_lease(team_id)
                live = self._rebuild(team_id)
                self._take_lease(team_id)  # still ours after the rebuild (which renews nothing)?
                self._teams[team_id] = live
                with live.lock:
                    self._flush(live)  # events a stop cut off between an input's commit and their own
            return live

    def _take_lease(self, team_id: int) -> None:
        if self.leases is None:
            return
        if self.leases.claim(team_id) != self.leases.me:
            self._leased.discard(team_id)
            raise NotHere(f"team {team_id} is owned by process {self.leases.owner(team_id)}")
        self._leased.add(team_id)

    def _evict(self, team_id: int) -> None:
        """Forget a team this process no longer owns (its world is played by its new owner)."""
        with self._registry_lock:
            self._teams.pop(team_id, None)
            self._unavailable.pop(team_id, None)
            self._leased.discard(team_id)

    def _rebuild(self, team_id: int) -> LiveTeam:
        team = db.session.get_one(Team, team_id)
        exercise = team.exercise
        records = db.session.scalars(
            select(InputRecord).where(InputRecord.team_id == team_id).order_by(InputRecord.number)
        ).all()
        stored = db.session.scalars(
            select(EventRecord.body).where(EventRecord.team_id == team_id).order_by(EventRecord.seq)
        ).all()
        try:
            scenario = scenario_of(exercise)
        except Exception as exc:  # the text it ran no longer loads: this team only is out
            self.app.logger.error("team %s: its drill text cannot be read, so it cannot be rebuilt: %s", team_id, exc)
            self._unavailable[team_id] = Message(UNREADABLE, {"error": _one_line(exc)})
            raise TeamUnavailable(self._unavailable[team_id]) from exc
        replayed = replay(scenario, exercise.seed, records, len(stored))
        world = replayed.world
        if replayed.fault is None:
            differs_from = first_difference(stored, world)
            if differs_from is not None:
                self.app.logger.error(
                    "team %s: the rebuilt world differs from the stored events from seq %s on; "
                    "clients keep the stored ones (was the code changed mid-exercise?)",
                    team_id,
                    differs_from,
                )
        driver = Driver(world, speed=team.speed)
        driver.clock.jump_to(world.now, self.clock())
        if world.over and team.status != "ended" and replayed.fault is None:  # stopped between the end and its mark
            team.status = "ended"
            db.session.commit()
        elif team.status == "running" and self.leases is None:  # the server stopped under a running team: it
            team.status = "paused"  # comes back paused
            db.session.commit()
        elif team.status == "running":  # taken over from a dead owner: it runs on from where its log left it
            driver.resume(self.clock())
            self.app.logger.warning(
                "team %s: taken over at minute %.2f, running on (its owner's lease had expired)", team_id, world.now
            )
        live = LiveTeam(
            team_id=team.id,
            exercise_id=exercise.id,
            driver=driver,
            status=team.status,
            inputs=records[-1].number if records else 0,
            sent=len(stored),
            bots=_practice_bots(team_id, world),
            answers=replayed.answers,
        )
        if replayed.fault is not None:
            self._fail(live, replayed.fault, "while it was rebuilt")
            live.sent = max(live.sent, len(world.events))  # what a cut-short replay made is not new
        return live

    def recover_all(self) -> list[int]:
        """Rebuild every instructor-led team not ended (at server start); returns their ids.

        Practice teams are left to be rebuilt when their trainee comes back (`team`), so
        attempts abandoned mid-drill do not pile up in memory at every start. With Redis, a team
        another process owns is left to it; and a start of the platform (no other process alive)
        pauses every running team first, as one process's restart does.
        """
        if self.leases is not None:
            if not self.leases.others_alive():
                db.session.execute(update(Team).where(Team.status == "running").values(status="paused"))
                db.session.commit()
            self.leases.beat()
        practice = select(PracticeAttempt.team_id)
        ids = db.session.scalars(select(Team.id).where(Team.status != "ended", Team.id.not_in(practice))).all()
        for team_id in ids:
            try:
                self.team(team_id)
            except NotHere:  # another process plays it
                continue
            except TeamUnavailable:  # logged once where it was found; the other teams and the server go on
                db.session.rollback()
        return list(ids)

    # --- faults ---------------------------------------------------------------------------------

    @contextmanager
    def _guarded(self, live: LiveTeam) -> Iterator[None]:
        """Run world code for `live`: a fault in it stops this team (and is raised as a `ControlError`)."""
        try:
            yield
        except (ControlError, SQLAlchemyError, NotHere):  # refusals, storage errors that are retried, a lost lease
            raise
        except Exception as exc:  # whatever the world raised stays with its team
            self._fail(live, exc, f"at minute {live.world.now:g}")
            raise ControlError(FAULT) from exc

    def _fail(self, live: LiveTeam, exc: BaseException, where: str) -> None:
        """Stop a team whose world raised: paused, the fault kept and logged once, its watchers told."""
        db.session.rollback()
        live.fault = _one_line(exc)
        self.app.logger.error("team %s: its world failed %s; the team is stopped", live.team_id, where, exc_info=exc)
        if live.status == "running":
            live.driver.clock.pause(self.clock())  # the clock only: the world is not moved again
            self._set_status(live, "paused")
        self.announce(live)

    def _refuse_if_failed(self, live: LiveTeam) -> None:
        if live.fault is not None:
            raise ControlError(FAULT)

    # --- inputs ---------------------------------------------------------------------------------

    def _record(
        self, live: LiveTeam, source: str, kind: str, payload: dict[str, Any], now: float, act_key: str | None = None
    ) -> float:
        """Stamp an input with the scenario minute at wall time `now` and commit it. Caller holds the lock."""
        at = self._stamp_at(live, now)
        self._commit_input(live, source, kind, payload, at, act_key)
        return at

    def _stamp_at(self, live: LiveTeam, now: float) -> float:
        """Bring the world to wall time `now` and store what it emitted; the minute an input now is stamped with."""
        self._advance(live, now)
        if self._settle(live):  # the drill reached its end in this very tick: nothing more is recorded
            raise ControlError(ENDED)
        return live.world.now  # what it emitted on the way is stored with the input's own events (`_flush_soon`)

    def _commit_input(
        self, live: LiveTeam, source: str, kind: str, payload: dict[str, Any], at: float, act_key: str | None = None
    ) -> None:
        """Commit the input as the team's next; a number already taken means another process plays the team."""
        number = live.inputs + 1
        try:
            append_input(live.team_id, number, at=at, source=source, kind=kind, payload=payload, act_key=act_key)
        except InputNumberTaken as exc:  # its lease was lost (this process stalled past it): the owner is elsewhere
            raise NotHere(f"team {live.team_id}: input {number} was written by another process") from exc
        live.inputs = number

    def act(
        self, team_id: int, member_source: str, role: str, kind: str, params: dict[str, Any], key: str | None = None
    ) -> Event | None:
        """A trainee's action: committed, applied, its events sent; returns the action's own event.

        An action with the `key` of one this source already made is not made again: the first one's event is
        returned (a client that lost the ack resends it, also after a reconnect or a restart).
        """
        return self._at_owner("act", team_id, member_source, role, kind, params, key)

    def _act_here(
        self, team_id: int, member_source: str, role: str, kind: str, params: dict[str, Any], key: str | None = None
    ) -> Event | None:
        live = self.team(team_id)
        try:
            with live.lock:
                if key is not None and (member_source, key) in live.answers:
                    return live.world.events[live.answers[(member_source, key)] - 1]
                if live.status not in ("running", "paused"):
                    raise ControlError(NOT_UNDER_WAY)
                self._refuse_if_failed(live)
                payload = {"role": role, "type": kind, "params": params}
                with self._guarded(live):
                    at = self._record(live, member_source, "action", payload, self.clock(), act_key=key)
                    event = apply_input(live.world, "action", payload, at)
                if key is not None and event is not None:
                    live.answers[(member_source, key)] = event["seq"]
                return event
        finally:  # refused or not, what the world emitted on the way is stored and sent
            self._flush_soon(live)

    def control(self, team_id: int, instructor_source: str, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """An instructor's control: committed, then applied. Returns the team's state."""
        if command not in CONTROLS:
            raise ControlError(UNKNOWN_CONTROL, command=command)
        return self._at_owner("control", team_id, instructor_source, command, args)

    def _control_here(self, team_id: int, instructor_source: str, command: str, args: dict[str, Any]) -> dict[str, Any]:
        live = self.team(team_id)
        with live.lock:
            check_control(live.status, live.world, command, args)
            if command == "jump" and live.bots is not None:  # the clock would leap over the bots' minutes
                raise ControlError(NO_PRACTICE_JUMP)
            if live.fault is not None:
                return self._end_failed(live, instructor_source, command, args)
            now = self.clock()  # one reading: the stamp and the command see the same instant
            with self._guarded(live):
                at = self._record(live, instructor_source, command, args, now)
                self._apply_control(live, command, args, at, now)
            self._flush(live)
            self.announce(live)
            return self.state(live)

    def jump_preview(self, team_id: int) -> dict[str, Any]:
        """What `jump` would do to the team now (`web.jump_preview`), refused as the jump itself would be."""
        return self._at_owner("jump_preview", team_id)

    def _jump_preview_here(self, team_id: int) -> dict[str, Any]:
        live = self.team(team_id)
        with live.lock:
            check_control(live.status, live.world, "jump", {})
            if live.bots is not None:
                raise ControlError(NO_PRACTICE_JUMP)
            self._refuse_if_failed(live)
            with self._guarded(live):
                self._advance(live, self.clock())
            self._flush(live)
            return jump_preview(team_id, live.sent, live.world.now)

    def _apply_control(self, live: LiveTeam, command: str, args: dict[str, Any], at: float, now: float) -> None:
        if command in ("start", "resume"):
            live.driver.resume(now)
            self._set_status(live, "running")
        elif command == "pause":
            live.driver.pause(now)
            self._set_status(live, "paused")
        elif command == "speed":
            live.driver.set_speed(float(args["speed"]), now)
            db.session.get_one(Team, live.team_id).speed = float(args["speed"])
            db.session.commit()
        elif command == "jump":
            live.driver.jump_to_next_inject(now)
        else:
            apply_input(live.world, command, args, at)
            if command == "end":
                self._set_status(live, "ended")

    def _end_failed(self, live: LiveTeam, instructor_source: str, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """A stopped team takes one control, `end`: recorded and marked, its world left where it failed."""
        if command != "end":
            raise ControlError(FAULT)
        self._commit_input(live, instructor_source, command, args, live.world.now)
        self._set_status(live, "ended")
        self.announce(live)
        return self.state(live)

    def hint(self, team_id: int, member_source: str, role: str) -> list[Intent]:
        """What the procedure expects of `role` next (a practice hint), recorded as a `hint` input; soonest first."""
        return [Intent.from_dict(intent) for intent in self._at_owner("hint", team_id, member_source, role)]

    def _hint_here(self, team_id: int, member_source: str, role: str) -> list[dict[str, Any]]:
        live = self.team(team_id)
        try:
            with live.lock:
                if live.status not in ("running", "paused"):
                    raise ControlError(NOT_UNDER_WAY)
                self._refuse_if_failed(live)
                with self._guarded(live):
                    at = self._stamp_at(live, self.clock())
                expected = next_expected(live.world.scenario, live.world.events, role, at)
                hinted = [intent.as_dict() for intent in expected]
                self._commit_input(live, member_source, "hint", {"role": role, "expected": hinted}, at)
                return hinted
        finally:  # what the world emitted on the way to the hint's minute
            self._flush_soon(live)

    def view(self, team_id: int, what: str) -> dict[str, Any]:
        """What a page or a console reads of a team's world, as JSON (from its owner, with Redis):

        `summary` (`web.team_summary.summary`), `opened` ({state: rescored `state`, duration}: a console or an
        evaluator opening the team), `total` ({total}: rescored now) or `clock` ({status, now, level, speed,
        fault, duration}: a trainee's hello, an observation's minute). `TeamUnavailable` if it cannot be rebuilt.
        """
        if what not in VIEWS:
            raise ValueError(f"no view {what!r}")
        return self._at_owner("view", team_id, what)

    def _view_here(self, team_id: int, what: str) -> dict[str, Any]:
        live = self.team(team_id)
        with live.lock:
            return VIEWS[what](self, live)

    # --- where a team's world is ----------------------------------------------------------------

    def _at_owner(self, name: str, team_id: int, *args: Any) -> Any:
        """`_<name>_here(team_id, *args)` run where the team's world is: here without Redis, or when this
        process holds (or now takes) the team's lease; else by the owner, through `web.forwarding`, its refusal
        raised here as it was there. An owner that does not answer within a ttl may be dead: the lease is looked
        at again (free once it has expired: taken here, the team rebuilt from its log), for up to three ttls."""
        here = getattr(self, f"_{name}_here")
        if self.leases is None:
            return here(team_id, *args)
        assert self.forwarding is not None  # made with the leases
        give_up = time.monotonic() + 3 * self.leases.ttl
        while True:
            owner = self.leases.me if team_id in self._teams else self.leases.claim(team_id)
            try:
                if owner == self.leases.me:
                    return here(team_id, *args)
                return self.forwarding.call(owner, name, team_id, list(args), timeout=self.leases.ttl)
            except NotHere:  # lost to another process, or its owner has just lost it: ask where it is now
                self._evict(team_id)
            except OwnerSilent:
                self.app.logger.warning("team %s: its owner did not answer %s in time", team_id, name)
            except Refused as refused:
                error = TeamUnavailable if refused.kind == TeamUnavailable.__name__ else ControlError
                raise error(refused.message) from refused  # its id and parameters: said in each reader's language
            if time.monotonic() > give_up:
                raise ControlError(NO_OWNER)

    def _answer(self, name: str, team_id: int, args: list[Any]) -> Any:
        """A request another process forwarded here (`web.forwarding`): done if this process owns the team."""
        if name not in FORWARDED:
            raise ControlError(f"no request {name!r}")
        with self.app.app_context():
            try:
                db.session.connection()  # before the team's lock, as every holder of one (`_flush_teams`)
                if team_id not in self._teams:
                    self._take_lease(team_id)
                return getattr(self, f"_{name}_here")(team_id, *args)
            except NotHere:
                self._evict(team_id)
                raise
            except ControlError:
                raise
            except Exception:
                self.app.logger.exception("team %s: the forwarded %s failed", team_id, name)
                raise
            finally:
                db.session.remove()

    def _keep_leases(self) -> None:
        """The owner's upkeep: say it is alive, renew its leases (forgetting the teams it lost), and take over
        the teams under way that nobody owns (their owner died): rebuilt here, running on if they ran."""
        if self.leases is None:  # without Redis there is no upkeep (the ticker does not call this)
            return
        self.leases.beat()
        for team_id in self.leases.renew(set(self._leased)):
            self.app.logger.warning("team %s: its lease was lost; another process plays it now", team_id)
            self._evict(team_id)
        practice = select(PracticeAttempt.team_id)
        under_way = db.session.scalars(
            select(Team.id).where(or_(Team.status == "running", (Team.status == "paused") & Team.id.not_in(practice)))
        ).all()
        db.session.rollback()  # end the read: the rebuild reads what was committed since
        for team_id in self.leases.free(i for i in under_way if i not in self._leased):
            try:
                self.team(team_id)
            except (NotHere, TeamUnavailable):  # another survivor was quicker; or it cannot be rebuilt (logged)
                db.session.rollback()

    def _release_leases(self) -> None:
        """At a clean exit: give the teams up at once, for the other processes to take without waiting a ttl."""
        if self.leases is None:  # registered only with Redis
            return
        with suppress(Exception):  # Redis gone: the leases expire by themselves
            self.leases.release(set(self._leased))

    def _set_status(self, live: LiveTeam, status: str) -> None:
        live.status = status
        db.session.get_one(Team, live.team_id).status = status
        db.session.commit()

    # --- time -----------------------------------------------------------------------------------

    def tick(self) -> None:
        """Advance every running team to the wall clock; store what their worlds emitted in one transaction
        (with the inputs' events not stored yet, `_flush_soon`), then send each team's."""
        running = [live for live in list(self._teams.values()) if live.status == "running"]
        if running:
            db.session.connection()  # before the teams' locks, as every holder of one (`_flush_teams`)
        ticked = []
        for live in running:
            try:
                with live.lock:
                    self._tick_team(live)
                ticked.append(live)
            except ControlError:  # its world failed: that team is stopped, logged and told; the others go on
                continue
            except NotHere:  # a bot's input met the new owner's: this process lost the team
                self._evict(live.team_id)
            except SQLAlchemyError:  # not stored, so not sent: retried on the next tick
                db.session.rollback()
                self.app.logger.exception("team %s: its tick could not be stored; retried", live.team_id)
            self._between_teams()
        self._flush_teams(ticked + self._take_unsent())

    def _tick_team(self, live: LiveTeam) -> None:
        if live.status != "running":  # changed while waiting for the lock
            return
        with self._guarded(live):
            self._advance(live, self.clock())
        self._settle(live)

    def _settle(self, live: LiveTeam) -> bool:
        """A world that reached its end: marked ended, then what it emitted sent at once (so the message carrying
        its `end` event says `ended`), then its watchers told. True if the world is over."""
        if not live.world.over:
            return False
        ended = live.status != "ended"
        if ended:
            self._set_status(live, "ended")
        self._flush(live)
        if ended:
            self.announce(live)
        return True

    def _advance(self, live: LiveTeam, now: float) -> None:
        """Play the world to the clock's minute at wall time `now`; a practice team's bots act on the way."""
        if live.bots is None:
            live.driver.tick(now)
            return

        def record_then_apply(action: Action) -> None:  # the world is at the action's own minute
            payload = {"role": action.role, "type": action.type, "params": action.params}
            self._commit_input(live, f"bot:{action.role}", "action", payload, action.at)
            apply_input(live.world, "action", payload, action.at)

        live.bots.advance(live.world, live.driver.clock.minute(now), apply=record_then_apply)

    def start_ticker(self, interval: float = 0.1) -> None:
        """Run `tick` every `interval` seconds in one background task (idempotent)."""
        from web.extensions import socketio

        if self._ticker_started:
            return
        self._ticker_started = True
        # Under gevent a database commit does not yield: a sweep of 200 teams would hold every ack behind it.
        self._between_teams = lambda: socketio.sleep(0)

        self._wake = wake = threading.Event()  # under gevent, one of its events (the standard library is patched)

        def loop() -> None:  # ticks every `interval`; woken between two ticks to store and send inputs' events
            due = time.monotonic()
            while True:
                wake.wait(max(0.0, due - time.monotonic()))
                wake.clear()
                with self.app.app_context():
                    try:
                        if time.monotonic() >= due:
                            due = time.monotonic() + interval
                            self.tick()
                        else:
                            self._flush_teams(self._take_unsent())
                    except Exception:  # a failed tick (the database busy, say) is retried: the ticker lives on
                        self.app.logger.exception("tick failed")
                    finally:
                        db.session.remove()

        def upkeep() -> None:  # a task of its own: a long sweep of the teams never lets their leases lapse
            assert self.leases is not None
            while True:
                with self.app.app_context():
                    try:
                        self._keep_leases()
                    except Exception:  # Redis or the database out of reach: tried again, the teams tick on
                        db.session.rollback()
                        self.app.logger.exception("keeping the teams' leases failed")
                    finally:
                        db.session.remove()
                socketio.sleep(OWNERSHIP_CHECK * self.leases.ttl)

        socketio.start_background_task(loop)
        if self.leases is not None:
            socketio.start_background_task(upkeep)
        if self.forwarding is not None:
            self.forwarding.spawn = socketio.start_background_task
            socketio.start_background_task(self.forwarding.serve)
            atexit.register(self._release_leases)

    # --- events ---------------------------------------------------------------------------------

    def _flush(self, live: LiveTeam) -> None:
        """Store what the team's world emitted, then send it. Caller holds the team's lock."""
        self._store([live])

    def _flush_soon(self, live: LiveTeam) -> None:
        """An input's events, stored and sent after the input is answered: by the ticker, woken for it, with
        whatever other teams emitted meanwhile (one transaction for all); without the ticker (an app driven
        by hand), at once. Either way after the input's own commit, so what the ack answers is stored."""
        if len(live.world.events) <= live.sent:
            return
        if self._wake is None:
            with live.lock:
                self._flush(live)
            return
        with self._unsent_lock:
            self._unsent[live.team_id] = live
        self._wake.set()

    def _take_unsent(self) -> list[LiveTeam]:
        with self._unsent_lock:
            unsent, self._unsent = list(self._unsent.values()), {}
        return unsent

    def _flush_teams(self, teams: list[LiveTeam]) -> None:
        """Store the new events of `teams` in one transaction, then send each team's, one team at a time.

        A team's lock is taken without waiting: one held by an input or a control is left to its holder,
        or to the next round; once its events are sent it is let go, and other greenlets run before the next
        team's are. A batch the database refuses is stored again team by team, so that one team's refused
        rows keep no other team waiting (they are tried again on the next tick).

        The database connection is taken before any lock: the inputs waiting for these teams' locks each hold
        one, and a full pool would otherwise wait for them while they wait for the locks (a deadlock until
        the pool's timeout, seen at 1,000 trainees on PostgreSQL)."""
        if not any(len(live.world.events) > live.sent for live in teams):
            return
        db.session.connection()
        held: dict[int, LiveTeam] = {}
        for live in teams:
            if live.team_id not in held and len(live.world.events) > live.sent and live.lock.acquire(blocking=False):
                held[live.team_id] = live

        def sent(live: LiveTeam) -> None:
            held.pop(live.team_id).lock.release()
            self._between_teams()

        try:
            try:
                self._store(list(held.values()), sent)
            except SQLAlchemyError:
                if len(held) < 2:
                    raise
                for live in list(held.values()):
                    try:
                        self._store([live], sent)
                    except SQLAlchemyError:
                        self.app.logger.exception("team %s: its events could not be stored; retried", live.team_id)
        except SQLAlchemyError:
            self.app.logger.exception("teams %s: their events could not be stored; retried", sorted(held))
        finally:
            for live in held.values():  # those not sent
                live.lock.release()

    def _store(self, teams: list[LiveTeam], sent: Callable[[LiveTeam], None] = lambda live: None) -> None:
        """Insert the new events of `teams` (whose locks the caller holds) in one statement and commit, then
        send each team's (`sent(team)` after each); nothing is sent of what could not be stored (the next
        flush tries it again)."""
        batches = [(live, live.world.events[live.sent :]) for live in teams]
        rows = [{"team_id": live.team_id, "seq": e["seq"], "t": e["t"], "body": e} for live, new in batches for e in new]
        if not rows:
            return
        produced = time.time()  # wall time the events left the world, for the latency trace
        with rebuildable():  # the log makes them again: their commit does not wait for the disk (`web.durability`)
            try:
                db.session.execute(insert(EVENTS), rows)  # one statement, no unit of work nor ORM bulk
                db.session.commit()
            except Exception:  # not stored, so not sent
                db.session.rollback()
                raise
        for live, new in batches:
            live.sent += len(new)
            self.outbox(live, new, produced)
            sent(live)

    def state(self, live: LiveTeam) -> dict[str, Any]:
        """What the console shows of a team: its summary, opinion and last score card (`web.team_summary`)."""
        return team_state(live)


def _opened(live_exercises: LiveExercises, live: LiveTeam) -> dict[str, Any]:
    rescore(live)
    return {"state": live_exercises.state(live), "duration": live.world.scenario.duration}


def _clock(live_exercises: LiveExercises, live: LiveTeam) -> dict[str, Any]:
    return {
        "status": live.status,
        "now": live.world.now,
        "level": live.world.level,
        "speed": live.driver.clock.speed,
        "fault": live.fault,
        "duration": live.world.scenario.duration,
    }


VIEWS: dict[str, Callable[[LiveExercises, LiveTeam], dict[str, Any]]] = {
    "summary": lambda live_exercises, live: summary(live),
    "opened": _opened,
    "total": lambda live_exercises, live: {"total": rescore(live)["total"]},
    "clock": _clock,
}


def _one_line(exc: BaseException) -> str:
    """An exception as one short line, for the log's summary and the console."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 300 else text[:299] + "…"


def _practice_bots(team_id: int, world: World) -> BotTeam | None:
    """A practice team's bots (the exemplary bot in every trainee role but the trainee's), fed `world`'s log so far."""
    role = db.session.scalar(select(PracticeAttempt.role).where(PracticeAttempt.team_id == team_id))
    if role is None:
        return None
    scenario = world.scenario
    bots = BotTeam([Bot("exemplary", scenario, roles=set(scenario.trainee_roles) - {role})])
    bots.catch_up(world.events)
    return bots
