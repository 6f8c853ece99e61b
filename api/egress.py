"""Where an allow-listed SERVICE or LOAD may connect: only to public addresses, unless the operator
says otherwise (`--service-allow-private`).

The allow-list (api/sparql_text.py) is literal, but an allowed name is only as safe as what it resolves
to: a DNS name that resolves to 127.0.0.1, 10.x or 169.254.169.254 (a cloud's metadata service), or an
IP written as `2130706433` or `[::ffff:127.0.0.1]`, would have the engine open a connection inside this
machine or its network.  So each target's host is resolved here, before the engine sees the query, and
every address it resolves to must be global.  The engine follows no redirects (pyoxigraph's limit is 0),
so a public endpoint cannot bounce it to a private one; tests/api/test_no_way_in.py proves both.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from diplograph.api.sparql_text import QueryRejected


def non_public(address: str) -> str | None:
    """Why `address` (an IP) is not a public one: 'loopback', 'private', 'link-local', ...; None if it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    return None if ip.is_global else "non-global"


async def check_public(targets: list[str | None], allow_private: bool, what: str) -> None:
    """Refuse (403) a target whose host resolves to any loopback, private, link-local or otherwise
    non-public address; the targets have passed the allow-list already."""
    if allow_private:
        return
    loop = asyncio.get_running_loop()
    for target in targets:
        parts = urlsplit(target or "")
        if not parts.hostname:
            raise QueryRejected(f"{what} <{target}> names no host", 403)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            infos = await loop.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
        except (OSError, ValueError) as exc:
            raise QueryRejected(f"{what} <{target}>: cannot resolve {parts.hostname!r} ({exc})", 403) from None
        for info in infos:
            address = str(info[4][0])
            reason = non_public(address)
            if reason:
                raise QueryRejected(
                    f"{what} <{target}> is not allowed: {parts.hostname} resolves to {address}, a {reason} "
                    "address (start the server with --service-allow-private to allow that)",
                    403,
                )
