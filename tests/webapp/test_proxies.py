"""Behind a reverse proxy (web/proxies.py): with CRISIS_TRUSTED_PROXIES set, the per-address limits count the client
from X-Forwarded-For and X-Forwarded-Proto: https means TLS (HSTS, Secure session cookie); unset, a forged header
changes nothing."""

from __future__ import annotations

import pytest
import socketio

from security_helpers import client_at
from server_helpers import DEMO_PASSWORD, Browser, Server
from web import create_app
from web.outbox import INSTRUCTOR_NAMESPACE

PROXY = "127.0.0.1"  # nginx on the same machine
WRONG_LOGIN = {"username": "lan", "password": "sai-mat-khau"}


@pytest.fixture
def forms_limited(app):
    app.config["RATE_LIMIT_FORMS"] = "3 per minute"


def post_login(client, forwarded_for: str):
    return client.post("/login", data=WRONG_LOGIN, headers={"X-Forwarded-For": forwarded_for}).status_code


def test_untrusted_a_forged_forwarded_for_is_ignored_and_the_limit_counts_the_real_address(app, forms_limited):
    client = client_at(app, "10.0.0.7")
    assert [post_login(client, f"10.9.9.{n}") for n in range(3)] == [200, 200, 200]
    assert post_login(client, "10.9.9.99") == 429  # every attempt counted against 10.0.0.7, whatever it claimed


def test_behind_one_trusted_proxy_the_limit_counts_each_client_not_the_proxy(app, forms_limited):
    app.config["TRUSTED_PROXIES"] = 1
    proxy = client_at(app, PROXY)
    assert [post_login(proxy, "10.0.0.7") for _ in range(3)] == [200, 200, 200]
    assert post_login(proxy, "10.0.0.7") == 429
    assert post_login(proxy, "10.0.0.8") == 200  # another client behind the same proxy is not held back
    # a client's own X-Forwarded-For is kept by nginx on the left; only the proxy's own entry (rightmost) counts
    assert post_login(proxy, "10.0.0.8, 10.0.0.7") == 429
    assert post_login(proxy, "10.0.0.7, 10.0.0.8") == 200


@pytest.mark.parametrize("trusted_proxies, secure", [(1, True), (0, False)])
def test_forwarded_proto_https_marks_the_session_cookie_secure_only_behind_a_trusted_proxy(app, trusted_proxies, secure):
    app.config["TRUSTED_PROXIES"] = trusted_proxies
    response = app.test_client().post(
        "/login", data={"username": "lan", "password": "secret"}, headers={"X-Forwarded-Proto": "https"}
    )
    assert response.status_code == 302
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert ("; Secure" in cookie) is secure, cookie
    assert ("Strict-Transport-Security" in response.headers) is secure


@pytest.mark.parametrize("value", ["-1", "một", "true"])
def test_a_count_that_is_not_a_whole_number_stops_the_start(tmp_path, monkeypatch, value):
    monkeypatch.setenv("CRISIS_TRUSTED_PROXIES", value)
    with pytest.raises(SystemExit, match="CRISIS_TRUSTED_PROXIES"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}", "SECRET_KEY": "x"})


@pytest.mark.slow
def test_socket_connections_behind_a_trusted_proxy_are_limited_per_forwarded_address(tmp_path):
    server = Server(
        f"sqlite:///{tmp_path / 'proxy.db'}",
        "proxy-test",
        tmp_path / "server.log",
        production=True,
        env={"CRISIS_TRUSTED_PROXIES": "1", "CRISIS_RATE_LIMIT_CONNECTS": "2 per minute"},
    ).start(timeout=60)
    browser = Browser(server.base)
    try:
        browser.login("demo", DEMO_PASSWORD)

        def connects(address: str) -> bool:
            client = socketio.Client(reconnection=False)
            try:
                client.connect(
                    server.base,
                    namespaces=[INSTRUCTOR_NAMESPACE],
                    transports=["websocket"],
                    wait_timeout=10,
                    headers={"Cookie": browser.cookie(), "X-Forwarded-For": address},
                )
            except socketio.exceptions.ConnectionError:
                return False
            client.disconnect()
            return True

        assert [connects("10.0.0.7") for _ in range(3)] == [True, True, False]
        assert connects("10.0.0.8")  # the proxy's other clients still get in
    finally:
        browser.close()
        server.kill()
