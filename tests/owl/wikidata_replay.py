"""A stand-in for Wikidata's action API on 127.0.0.1, replaying recorded answers.

``search.json`` maps a search string to the ``search`` list wbsearchentities returned;
``entities.json`` maps an item id to the entity wbgetentities returned (labels, aliases, claims);
``sparql.json`` maps a property id to the SPARQL results the query service gave for a query
using it (POST /sparql, as Oxigraph sends a SERVICE clause).
Each request is appended to ``--log`` so a test can see what was asked.  Started by the linking
test as a child process, which prints ``PORT <n>`` once it listens, and stopped by its PID.
"""

from __future__ import annotations

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse


def make_handler(data: Path, log: Path | None) -> type[BaseHTTPRequestHandler]:
    search = json.loads((data / "search.json").read_text(encoding="utf-8"))
    entities = json.loads((data / "entities.json").read_text(encoding="utf-8"))
    sparql = json.loads((data / "sparql.json").read_text(encoding="utf-8"))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the http.server API)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            query = parse_qs(body).get("query", [""])[0] if "form" in self.headers.get("Content-Type", "") else body
            if log:
                with log.open("a", encoding="utf-8") as f:
                    f.write(json.dumps({"sparql": query}) + "\n")
            prop = next((p for p in sparql if f"/{p}>" in query), None)
            if prop is None:
                self.send_error(400, "no recorded answer for this query")
                return
            self._send(json.dumps(sparql[prop]).encode(), "application/sparql-results+json")

        def _send(self, payload: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            if log:
                with log.open("a", encoding="utf-8") as f:
                    f.write(json.dumps({"params": params, "agent": self.headers.get("User-Agent")}) + "\n")
            if params.get("action") == "wbsearchentities":
                body = {"search": search.get(params.get("search", ""), []), "success": 1}
            elif params.get("action") == "wbgetentities":
                ids = params.get("ids", "").split("|")
                body = {"entities": {i: entities.get(i, {"id": i, "missing": ""}) for i in ids}, "success": 1}
            else:
                self.send_error(400, "unknown action")
                return
            self._send(json.dumps(body).encode(), "application/json; charset=utf-8")

        def log_message(self, *args) -> None:  # keep the test output clean
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--log", type=Path)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.data, args.log))
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
