"""Where trainees join: the address the console's join links carry.

A configured public URL (`CRISIS_PUBLIC_URL`, or `run.py serve --public-url`) wins;
served on every interface (`--host 0.0.0.0`) without one, the platform uses this
machine's address on its network (`lan_address`); otherwise the links use the host
the instructor's own request came to. A link on a loopback host (127.0.0.1,
localhost) opens on this machine only, and the console says so.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from flask import current_app, request

from scenarios.messages import N_, MessageError

ALL_INTERFACES = ("0.0.0.0", "::", "")


def join_base() -> str:
    """The scheme and host (no trailing slash) of the join links, for the request being answered."""
    return (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/")


def local_only(base: str) -> bool:
    """Whether a link on `base` opens only on the machine that serves it (a loopback host)."""
    host = urlsplit(base).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_public_url(url: str) -> str:
    """`url` as a base for links (http or https, a host, no path), or a `MessageError` (a ValueError) saying what is
    wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query:
        raise MessageError(N_("Địa chỉ công khai phải có dạng http://máy:cổng, không phải %(url)s"), url=repr(url))
    return f"{parts.scheme}://{parts.netloc}"


def lan_address() -> str | None:
    """This machine's address on its network (the interface of its default route), or None if it has none.

    A UDP socket 'connected' to an outside address sends nothing; it only picks the interface.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if ipaddress.ip_address(address).is_loopback else address


def serving_url(host: str, port: int, public_url: str | None) -> str | None:
    """The public URL the platform runs with: the one given, or on every interface this machine's network address."""
    if public_url:
        return checked_public_url(public_url)
    if host in ALL_INTERFACES:
        address = lan_address()
        return f"http://{address}:{port}" if address else None
    return None
