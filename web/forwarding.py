"""Asking the process that owns a team's world to do something with it, over Redis, and answering such asks.

    forwarding = Forwarding(redis_client, process_id, answer)   # answer(name, team_id, args) -> a JSON value
    forwarding.call(owner, "act", team_id, [...], timeout=5)     # the owner's result, or its refusal raised here
    forwarding.serve()                                           # this process's answering loop (a background task)

Each process has a request list, `crisis:process:<id>:requests`. A caller pushes a request (its name,
the team, the arguments, a deadline and a fresh reply key) onto the owner's list and waits on the reply
key (BLPOP, at most `timeout` seconds). The owner's loop pops requests and answers each in a task of
its own: `answer` runs it where the world is (committed, applied, then answered: what is acknowledged
is stored), and the result, or the refusal's message, is pushed onto the reply key. A request whose
deadline has passed when the owner pops it is dropped unanswered: its caller has stopped waiting and
may be asking another owner. An owner that has lost the team answers `moved` (`NotHere` at the caller,
who asks again where the team is now); any other failure is answered as a refusal. A caller that
hears nothing in time gets `OwnerSilent` (the owner may be dead: its lease expires and the caller can
take the team over). Redis calls block the calling thread, or under gevent (redis-py over
monkey-patched sockets) only the calling greenlet.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from scenarios.messages import N_, Message
from web.controls import ControlError

logger = logging.getLogger(__name__)
REQUESTS = "crisis:process:{}:requests"
REPLY = "crisis:reply:{}"
REPLY_KEPT = 60  # seconds a reply nobody took stays in Redis
FAILED = N_("Máy chủ không xử lý được yêu cầu; hãy thử lại (%(error)s).")
POLL = 1  # seconds the answering loop waits for a request before looking again


class OwnerSilent(RuntimeError):
    """The owner did not answer in time."""


class NotHere(RuntimeError):
    """This process does not own the team (any more): raised by `answer`, and by `call` when the owner said so."""


class Refused(ControlError):
    """The owner refused the request; `kind` names the refusal's class there (`ControlError`, `TeamUnavailable`…)."""

    def __init__(self, message: Message, kind: str):
        super().__init__(message)
        self.kind = kind


Answer = Callable[[str, int, list[Any]], Any]


class Forwarding:
    """Requests to other processes' teams, and this process's answers to theirs."""

    def __init__(self, redis, me: str, answer: Answer, spawn: Callable[..., Any] | None = None):
        self.redis = redis
        self.me = me
        self.answer = answer
        self.spawn = spawn or (lambda task, *args: task(*args))

    def call(self, owner: str, name: str, team_id: int, args: list[Any], timeout: float) -> Any:
        """`name(team_id, *args)` run by `owner`: its result; its refusal raised as `Refused`; `OwnerSilent` in time."""
        reply = REPLY.format(uuid.uuid4().hex)
        deadline = time.time() + timeout / 2  # the other half: for the owner to do it and answer
        request = {"name": name, "team_id": team_id, "args": args, "reply": reply, "deadline": deadline}
        self.redis.rpush(REQUESTS.format(owner), json.dumps(request))
        got = self.redis.blpop([reply], timeout=timeout)
        if got is None:
            raise OwnerSilent(f"process {owner} did not answer {name} for team {team_id} within {timeout:g} s")
        answered = json.loads(got[1])
        if "moved" in answered:
            raise NotHere(f"process {owner} does not own team {team_id} any more")
        if "refused" in answered:
            raise Refused(Message(answered["refused"], answered.get("params") or {}), answered["kind"])
        return answered["result"]

    def serve(self, running: Callable[[], bool] = lambda: True) -> None:
        """Answer the requests sent to this process, each in its own task, while `running()`."""
        while running():
            try:
                got = self.redis.blpop([REQUESTS.format(self.me)], timeout=POLL)
            except Exception:
                logger.exception("waiting for forwarded requests failed; trying again")
                time.sleep(POLL)
                continue
            if got is not None:
                self.spawn(self._answer, json.loads(got[1]))

    def _answer(self, request: dict[str, Any]) -> None:
        if time.time() > request["deadline"]:  # its caller gave up: not done, so not done twice
            return
        try:
            answered = {"result": self.answer(request["name"], request["team_id"], request["args"])}
        except NotHere:
            answered = {"moved": True}
        except ControlError as exc:  # its message id and parameters: the caller says it in its user's language
            params = {
                name: value.text() if isinstance(value, Message) else value for name, value in exc.message.params.items()
            }
            answered = {"refused": exc.message.msgid, "params": params, "kind": type(exc).__name__}
        except Exception as exc:  # noqa: BLE001 - logged by `answer`'s owner; the caller is told, not left waiting
            answered = {"refused": FAILED, "params": {"error": type(exc).__name__}, "kind": "error"}
        reply = self.redis.pipeline(transaction=False)  # one round trip for both
        reply.rpush(request["reply"], json.dumps(answered))
        reply.expire(request["reply"], REPLY_KEPT)
        reply.execute()
