"""HTTP/1.1 over a bare socket, for requests no client library would send: raw bytes in the request
target (invalid UTF-8, `..`, broken escapes), duplicated headers, wrong lengths.  The response is read
to the end (the request says `Connection: close`) and parsed just enough for the tests."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]  # lower-case names; the last value of a repeated header
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def raw_request(
    base_url: str,
    method: str,
    target: bytes,
    headers: list[tuple[str, str]] | None = None,
    body: bytes | None = None,
    timeout: float = 60,
) -> RawResponse:
    """Send one request exactly as given (plus Host, Content-Length when there is a body, and
    Connection: close) and return the parsed response."""
    parts = urlsplit(base_url)
    lines = [method.encode() + b" " + target + b" HTTP/1.1", f"Host: {parts.netloc}".encode()]
    lines += [f"{name}: {value}".encode("latin-1") for name, value in headers or []]
    if body is not None:
        lines.append(f"Content-Length: {len(body)}".encode())
    lines.append(b"Connection: close")
    request = b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")
    received = bytearray()
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered (413) and closed before reading all of the body: read its answer
        try:
            while chunk := sock.recv(1 << 16):
                received += chunk
        except ConnectionResetError:
            if not received:
                raise
    return parse_response(bytes(received), method)


def parse_response(data: bytes, method: str = "GET") -> RawResponse:
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split()[1])
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if method == "HEAD":
        return RawResponse(status, headers, b"")
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0] or b"0", 16)
            if size == 0:
                break
            body += rest[:size]
            rest = rest[size + 2 :]
        return RawResponse(status, headers, bytes(body))
    if "content-length" in headers:
        rest = rest[: int(headers["content-length"])]
    return RawResponse(status, headers, rest)
