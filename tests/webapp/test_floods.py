"""Floods rate-limited per client address (web/floods.py): posts to every form that lets someone in, right or
wrong, and socket connections; refused with 429 (or a refused connection) and audited in one row per minute."""

from __future__ import annotations

import pytest

from security_helpers import audits, client_at, count
from web.models import AuditEntry
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE

FLOOD = "Quá nhiều yêu cầu từ địa chỉ này"


@pytest.fixture
def forms_limited(app):
    app.config["RATE_LIMIT_FORMS"] = "5 per minute"


def doors(app, platform) -> dict[str, dict]:
    """Each form that lets someone in, with a right answer."""
    _, [(_, code), _] = platform.exercise()
    return {
        "/login": {"username": "lan", "password": "secret"},
        "/join": {"code": code, "name": "Nguyễn Văn An 1"},
        "/practice/login": {"username": "hoa", "password": "mat-khau-2026"},
        "/practice/signup": {
            "username": "hoa",
            "display_name": "Hoa",
            "password": "mat-khau-2026",
            "confirm": "mat-khau-2026",
        },
    }


@pytest.mark.parametrize("url", ["/login", "/join", "/practice/login", "/practice/signup"])
def test_a_flood_of_posts_is_refused_past_the_limit_even_right_ones_and_only_from_its_address(
    app, platform, forms_limited, url
):
    right = doors(app, platform)[url]
    flood = client_at(app, "10.0.0.7")
    answers = [flood.post(url, data={**right, "password": "x"} if "password" in right else right) for _ in range(5)]
    assert all(a.status_code != 429 for a in answers)
    refused = flood.post(url, data=right)
    assert refused.status_code == 429 and FLOOD in refused.get_data(as_text=True)
    assert "Quá nhiều yêu cầu từ địa chỉ này" in refused.get_data(as_text=True)
    assert client_at(app, "10.0.0.8").post(url, data=right).status_code != 429  # another address is not held back


def test_the_forms_share_one_limit_per_address(app, platform, forms_limited):
    flood = client_at(app, "10.0.0.7")
    for url in ("/login", "/join", "/practice/login", "/login", "/join"):
        assert flood.post(url, data={"username": "x", "password": "y", "code": "ZZZZ", "name": "x"}).status_code != 429
    assert flood.post("/practice/login", data={"username": "x", "password": "y"}).status_code == 429


def test_a_refused_flood_adds_one_audit_row_not_one_per_attempt(app, platform, forms_limited):
    before = count(app, AuditEntry)
    flood = client_at(app, "10.0.0.7")
    for _ in range(300):
        flood.post("/login", data={"username": "lan", "password": "x"})
    rows = [a for a in audits(app) if a[0] == "address@10.0.0.7"]
    assert rows == [("address@10.0.0.7", "login", "too many requests from this address")]
    assert count(app, AuditEntry) - before <= 3  # the first failed logins, the throttle's refusal, the flood's


def test_a_flood_of_socket_connections_is_refused_past_the_limit_and_audited_once(app, platform):
    app.config["RATE_LIMIT_CONNECTS"] = "3 per minute"
    _, [(_, code), _] = platform.exercise()
    trainee, teacher = platform.trainee_client(code, "Nguyễn Văn An 1"), platform.instructor_client()
    accepted = [platform.trainee_socket(trainee), platform.trainee_socket(trainee), platform.instructor_socket(teacher)]
    assert accepted[0].is_connected(TRAINEE_NAMESPACE) and accepted[2].is_connected(INSTRUCTOR_NAMESPACE)
    for _ in range(50):
        assert not platform.trainee_socket(trainee).is_connected(TRAINEE_NAMESPACE)
    assert not platform.instructor_socket(teacher).is_connected(INSTRUCTOR_NAMESPACE)
    flood_rows = [a for a in audits(app) if a[2] == "too many connections from this address"]
    assert [(who.split("@")[0], what) for who, what, _ in flood_rows] == [
        ("address", "socket /trainee"),
        ("address", "socket /instructor"),
    ]
    assert accepted[0].is_connected(TRAINEE_NAMESPACE)  # the sockets already in are not thrown out
