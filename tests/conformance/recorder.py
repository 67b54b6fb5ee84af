"""A recording TikAPI stand-in on loopback.

Requests arrive at /r/<run>/<case>/<scenario>/<api path>. Each is recorded
under (run, case) and answered according to the scenario. GET /__dump returns
everything recorded, as JSON. Prints `listening on http://HOST:PORT` first.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

RECORDS: dict[str, list[dict]] = {}
LOCK = threading.Lock()

FIXED = {
    "rec": (200, "application/json", {}, {"status": "success"}),
    "ok_json": (200, "application/json", {}, {"status": "success", "message": "", "statusCode": 0, "data": [1, 2]}),
    "ok_text": (200, "text/plain", {}, "plain words"),
    "bad_request": (400, "application/json", {}, {"status": "error", "message": "Missing fields.",
                                                  "fields": {"secUid": "A valid TikTok secUid is required."}}),
    "unauthorized": (401, "application/json", {}, {"message": "A valid API Key is required.", "status": "error"}),
    "tiktok_403": (403, "application/json", {}, {"status": "error", "message": "User doesn't exist",
                                                 "statusCode": 10202}),
    "session_expired": (428, "application/json", {}, {
        "status": "error", "message": "Account session expired, please ask user to re-login and re-authorize.",
        "statusCode": 8}),
    "rate_limited": (429, "application/json", {"Retry-After": "7"},
                     {"status": "error", "message": "API Key Rate-Limit reached."}),
    "server_error": (500, "text/html", {}, "<html><body>Internal error</body></html>"),
}

PAGES = 3


def page_body(style: str, query: dict[str, str]) -> dict:
    """Page i (0-based) of a three-page list in the given cursor style."""
    def index(name: str, scale: int = 10, base: int = 0) -> int:
        raw = query.get(name)
        return 0 if raw in (None, "") else abs(int(float(raw)) - base) // scale

    last = PAGES - 1
    if style == "cursor":
        i = index("cursor")
        return {"status": "success", "itemList": [{"id": str(i)}], "hasMore": i < last, "cursor": str((i + 1) * 10)}
    if style == "has_more_01":
        i = index("cursor")
        return {"status": "success", "comments": [{"cid": str(i)}], "has_more": int(i < last), "cursor": (i + 1) * 10}
    if style in ("next_cursor", "next_cursor_number"):
        i = index("nextCursor")
        body = {"status": "success", "data": [i], "hasMore": i < last}
        if i < last:
            body["nextCursor"] = (i + 1) * 10 if style == "next_cursor_number" else str((i + 1) * 10)
        return body
    if style == "offset":
        i = index("offset")
        return {"status": "success", "list": [i], "hasMore": i < last, "offset": (i + 1) * 10}
    if style == "notices":
        i = 1000 - int(query["min_time"]) if "min_time" in query else 0
        return {"status": "success", "notice_lists": [
            {"notice_list": [i], "has_more": int(i < last), "min_time": 1000 - (i + 1), "max_time": 2000 + i}]}
    if style == "endless":
        i = index("nextCursor")
        return {"status": "success", "messagesList": [i], "nextCursor": str((i + 1) * 10)}
    raise KeyError(style)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def handle_any(self):
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        if parts.path == "/__dump":
            with LOCK:
                return self.answer(200, "application/json", {}, RECORDS)
        segs = parts.path.split("/")
        if len(segs) < 6 or segs[1] != "r":
            return self.answer(404, "application/json", {}, {"message": "not a recording path"})
        run, case, scenario = segs[2], segs[3], segs[4]
        api_path = "/" + "/".join(segs[5:])
        query = parse_qsl(parts.query, keep_blank_values=True)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"__unparsed__": raw.decode("utf-8", "replace")}
        record = {
            "method": self.command,
            "path": api_path,
            "query": query,
            "body": body,
            "apiKey": self.headers.get("X-API-KEY"),
            "accountKey": self.headers.get("X-ACCOUNT-KEY"),
            "contentType": self.headers.get("Content-Type"),
            "custom": self.headers.get("X-Custom"),
            "userAgent": self.headers.get("User-Agent"),
        }
        with LOCK:
            RECORDS.setdefault(f"{run}/{case}", []).append(record)
        if scenario.startswith("page_"):
            return self.answer(200, "application/json", {}, page_body(scenario[5:], dict(query)))
        status, ctype, headers, payload = FIXED.get(scenario, FIXED["rec"])
        return self.answer(status, ctype, headers, payload)

    def answer(self, status, ctype, headers, payload):
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    do_GET = handle_any
    do_POST = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
