"""Where an allow-listed SERVICE or LOAD may connect: only to public addresses, unless the operator
says otherwise (`--service-allow-private`).

The allow-list (api/sparql_text.py) is literal, but an allowed name is only as safe as what it resolves
to: a DNS name that resolves to 127.0.0.1, 10.x or 169.254.169.254 (a cloud's metadata service), or an
IP written as `2130706433` or `[::ffff:127.0.0.1]`, would have the engine open a connection inside this
machine or its network.  So each target's host is resolved here, before the engine sees the query, and
every address it resolves to must be global.  The engine follows no redirects (pyoxigraph's limit is 0),
so a public endpoint cannot bounce it to a private one; tests/api/test_no_way_in.py proves both.

The name is resolved once: the engine would resolve it again when it connects, and a DNS server that
answers a public address to the check and 127.0.0.1 to the engine (DNS rebinding) would get it inside.  So
the query the engine runs names a loopback `Relay` instead of the endpoint, and the relay opens the
connection to the address the check resolved (with the endpoint's name in Host and in TLS).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from diplograph.api.sparql_text import QueryRejected

FORWARDED = ("accept", "content-type", "user-agent")  # the request headers the relay passes on
MAX_REQUEST_BYTES = 16 * 1024 * 1024


def non_public(address: str) -> str | None:
    """Why `address` (an IP) is not a public one: 'loopback', 'private', 'link-local', ...; None if it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    return None if ip.is_global else "non-global"


async def check_public(targets: list[str | None], allow_private: bool, what: str) -> list[str]:
    """The address each target's host resolves to (the first), refusing (403) a target whose host resolves
    to any loopback, private, link-local or otherwise non-public address unless `allow_private`; the
    targets have passed the allow-list already."""
    loop = asyncio.get_running_loop()
    pinned = []
    for target in targets:
        parts = urlsplit(target or "")
        if not parts.hostname:
            raise QueryRejected(f"{what} <{target}> names no host", 403)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            infos = await loop.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
        except (OSError, ValueError) as exc:
            raise QueryRejected(f"{what} <{target}>: cannot resolve {parts.hostname!r} ({exc})", 403) from None
        for info in infos if not allow_private else ():
            address = str(info[4][0])
            reason = non_public(address)
            if reason:
                raise QueryRejected(
                    f"{what} <{target}> is not allowed: {parts.hostname} resolves to {address}, a {reason} "
                    "address (start the server with --service-allow-private to allow that)",
                    403,
                )
        pinned.append(str(infos[0][4][0]))
    return pinned


@dataclass
class Route:
    target: str  # the endpoint as the query names it
    address: str  # what its host resolved to when it was checked
    deadline: float  # loop time: the query's


class Relay:
    """An HTTP relay on 127.0.0.1 between the engines and the remote endpoints a query may use.

    Each checked target gets a secret path here, valid until its query's deadline; a request to it is
    sent on to the target's checked address, with the target's name in Host and as the TLS server name
    (so the certificate is checked against the name), following no redirect, and the answer streamed
    back.  Started on first use."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.server: asyncio.Server | None = None
        self.client: httpx.AsyncClient | None = None

    async def url(self, target: str, address: str, deadline: float) -> str:
        """A loopback URL standing for `target`, to be connected to at `address` until `deadline`."""
        if self.server is None:
            self.client = httpx.AsyncClient(follow_redirects=False, trust_env=False, timeout=None)
            self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        loop_time = asyncio.get_running_loop().time()
        self.routes = {token: r for token, r in self.routes.items() if r.deadline > loop_time}
        token = secrets.token_urlsafe(18)
        self.routes[token] = Route(target, address, deadline)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/{token}"

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
        if self.client is not None:
            await self.client.aclose()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One request from an engine (pyoxigraph sends one per connection, with a Content-Length)."""
        try:
            request_line = (await reader.readline()).decode("latin-1").split()
            headers = {}
            while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length") or 0)
            route = self.routes.get(request_line[1].lstrip("/")) if len(request_line) == 3 else None
            if route is None or not 0 <= length <= MAX_REQUEST_BYTES:
                writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                return
            body = await reader.readexactly(length)
            async with asyncio.timeout_at(route.deadline):
                await self._forward(request_line[0], route, headers, body, writer)
        except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError, httpx.HTTPError) as exc:
            with contextlib.suppress(OSError):  # the engine reads this as the SERVICE's failure
                message = f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")[:500]
                writer.write(b"HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\n"
                             b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(message), message))
        finally:
            with contextlib.suppress(OSError):
                await writer.drain()
                writer.close()

    async def _forward(self, method: str, route: Route, headers: dict, body: bytes, writer) -> None:
        assert self.client is not None
        parts = urlsplit(route.target)
        assert parts.hostname is not None
        host = f"[{route.address}]" if ":" in route.address else route.address
        url = parts._replace(netloc=f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}").geturl()
        sent = {name: headers[name] for name in FORWARDED if name in headers}
        sent["host"] = parts.netloc.rsplit("@", 1)[-1]
        request = self.client.build_request(
            method, url, headers=sent, content=body, extensions={"sni_hostname": parts.hostname}
        )
        response = await self.client.send(request, stream=True)
        try:
            head = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
            for name in ("content-type", "location"):
                if name in response.headers:
                    head.append(f"{name}: {response.headers[name]}")
            head += ["transfer-encoding: chunked", "connection: close"]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
            async for chunk in response.aiter_bytes():  # decoded: the engine asked for no compression
                if chunk:
                    writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    await writer.drain()
            writer.write(b"0\r\n\r\n")
        finally:
            await response.aclose()
