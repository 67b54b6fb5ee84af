"""Conformance of the Python drop-in surface beyond keyword calls: positional
arguments (every endpoint and category), signatures, the rest of
``requests.Response``, and pickle / copy of responses, exceptions and clients.

    python dropin_py.py run TAG OUT.json       # with the official or our python
    python dropin_py.py compare OFFICIAL.json OURS.json [REPORT.md]

``run`` starts a small recording server of its own on loopback, runs every
case with whichever ``tikapi`` the interpreter imports, and writes what each
case saw and what each request carried. ``compare`` checks the two runs case
by case, prints ``dropin-py: N passed, M failed`` (exit 1 on a failure) and,
given a report, appends its section to it.

Where ours deliberately differs (documented in the README), the case records
only what both must share: e.g. that ``copy.copy(api)`` works and sends the
same requests, not whether the copy is the same object.
"""

from __future__ import annotations

import concurrent.futures
import copy
import inspect
import json
import multiprocessing
import pickle
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit

HERE = Path(__file__).resolve().parent
CATALOGUE = HERE.parent.parent / "core" / "data" / "endpoints.json"
KEY = "Zyxwvutsrq9876543210"
KEY2 = "Abcdefghij0123456789"
ACCOUNT_KEY = "Accountkey0123456789abcd"
OFFICIAL = ("ValidationException", "APIException", "ResponseException")

RECORDS: dict[str, list[dict[str, Any]]] = {}
LOCK = threading.Lock()

JSON = {"Content-Type": "application/json"}
LINKS = '<http://127.0.0.1/next?page=2>; rel="next", <http://127.0.0.1/last>; rel="last"'


def error(message: str, **more: Any) -> dict[str, Any]:
    return {"status": "error", "message": message, **more}


SCENARIOS: dict[str, tuple[int, dict[str, str], Any]] = {
    "ok": (
        200,
        {**JSON, "Set-Cookie": "sid=abc123; Path=/", "Link": LINKS},
        {"status": "success", "itemList": [{"id": "1"}], "hasMore": True, "cursor": "10"},
    ),
    "text": (200, {"Content-Type": "text/plain; charset=utf-8"}, "line one\nline two\n"),
    "bad_request": (400, JSON, error("Missing fields.", fields={"secUid": "required"})),
    "unauthorized": (401, JSON, error("A valid API Key is required.")),
    "tiktok_403": (
        403,
        {**JSON, "Set-Cookie": "trace=t1; Path=/"},
        error("User doesn't exist", statusCode=10202),
    ),
    "session_expired": (428, JSON, error("Account session expired.", statusCode=8)),
    "rate_limited": (429, {**JSON, "Retry-After": "7"}, error("API Key Rate-Limit reached.")),
    "server_error": (
        500,
        {"Content-Type": "text/html"},
        "<html><body>Internal error</body></html>",
    ),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def handle_any(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        segs = parts.path.split("/")  # /s/<case>/<scenario>/<api path>
        case, scenario = segs[2], segs[3]
        record = {
            "method": self.command,
            "path": "/" + "/".join(segs[4:]),
            "query": parse_qsl(parts.query, keep_blank_values=True),
            "body": json.loads(raw) if raw else None,
            "apiKey": self.headers.get("X-API-KEY"),
            "accountKey": self.headers.get("X-ACCOUNT-KEY"),
            "contentType": self.headers.get("Content-Type"),
        }
        with LOCK:
            RECORDS.setdefault(case, []).append(record)
        status, headers, payload = SCENARIOS[scenario]
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = handle_any
    do_POST = handle_any


# -- values for every parameter ------------------------------------------------

CANDIDATES = ["7012345678901234567", "lilyachty", "abcdefghij", "Hello there", "12"]


def value_for(name: str, spec: dict[str, Any]) -> Any:
    """A valid value for a parameter (its example, else one its rules accept)."""
    if spec.get("in"):
        return spec["example"] if spec.get("example") in spec["in"] else spec["in"][0]
    if "example" in spec and spec["example"] not in (None, ""):
        return spec["example"]
    if spec.get("type") == "number":
        return min(7, int(spec.get("max", 7)))
    if spec.get("type") == "boolean":
        return True
    pattern = spec.get("validate")
    for candidate in CANDIDATES:
        if pattern is None or re.match(pattern, candidate):
            return candidate
    raise ValueError(f"no value for {name}")


def endpoints() -> list[dict[str, Any]]:
    """The official SDK's endpoints (one form per key)."""
    data = json.loads(CATALOGUE.read_text())
    return [e for e in data["endpoints"] if e["in_official_sdk_3_2_2"]]


# -- running -------------------------------------------------------------------


def segment(case: str) -> str:
    """A case id as one URL path segment (records are kept under it)."""
    return case.replace("/", "~")


class Runner:
    def __init__(self, root: str) -> None:
        self.root = root
        self.results: dict[str, Any] = {}

    def base(self, case: str, scenario: str = "ok") -> str:
        return f"{self.root}/s/{segment(case)}/{scenario}"

    def client(self, case: str, scenario: str = "ok") -> Any:
        from tikapi import TikAPI

        api = TikAPI(KEY)
        base = self.base(case, scenario)
        api.set(__options__={"base": base, "sandboxBase": base})
        return api

    def case(self, case: str, fn: Callable[[], Any]) -> None:
        try:
            self.results[case] = {"value": fn()}
        except Exception as e:
            self.results[case] = {"raised": describe_error(e)}


def classes(e: BaseException) -> list[str]:
    return [c.__name__ for c in type(e).__mro__ if c.__name__ in OFFICIAL]


def describe_error(e: BaseException) -> dict[str, Any]:
    out: dict[str, Any] = {"classes": classes(e)}
    if isinstance(e, TypeError):
        # The callable's qualified name is each SDK's own
        # (Rests.<locals>.Public.check / Public.check); the rest is Python's.
        out["type"] = "TypeError"
        out["str"] = re.sub(r"^[\w.<>]*?\.?(\w+)\(\)", r"\1()", str(e))
    elif "ValidationException" in classes(e):
        # The official words, byte for byte, and the field.
        out["field"] = getattr(e, "field", None)
        out["str"] = str(e)
        out["args"] = list(e.args)
    elif classes(e):
        out["str"] = str(e)
        out["args"] = list(e.args)
        if hasattr(e, "field"):
            out["field"] = e.field
        if "ResponseException" in out["classes"]:
            r = e.response
            out["response"] = None if r is None else describe_response(r, brief=True)
    else:
        out["type"] = type(e).__name__
    return out


def request_view(req: Any) -> dict[str, Any]:
    body = req.body
    if isinstance(body, bytes):
        body = json.loads(body)
    return {
        "method": req.method,
        "url": req.url,
        "body": body,
        "apiKey": req.headers.get("X-API-KEY"),
        "accountKey": req.headers.get("x-account-key"),
        "contentType": req.headers.get("Content-Type"),
        "repr": repr(req),
    }


def describe_response(r: Any, brief: bool = False) -> dict[str, Any]:
    try:
        body = r.json()
    except ValueError:
        body = "<not json>"
    out: dict[str, Any] = {
        "status": r.status_code,
        "ok": r.ok,
        "truthy": bool(r),
        "url": r.url,
        "json": body,
        "text": r.text,
        "content": r.content.decode(),
        "content_type": r.headers.get("content-type"),
        "request": request_view(r.request),
    }
    if brief:
        return out
    cookies = r.cookies
    out.update(
        {
            "reason": r.reason,
            "encoding": r.encoding,
            "history": list(r.history),
            "next": r.next,
            "is_redirect": r.is_redirect,
            "is_permanent_redirect": r.is_permanent_redirect,
            "cookies.get_dict": cookies.get_dict(),
            "cookies.keys": sorted(cookies.keys()),
            "cookies.items": sorted(cookies.items()),
            "cookies.contains": "sid" in cookies,
            "cookies.getitem": cookies["sid"] if "sid" in cookies else None,
            "cookies.get": cookies.get("sid", "none"),
            "cookies.list": sorted((c.name, c.value, c.domain, c.path) for c in cookies),
            "cookies.dict": dict(cookies),
            "links": r.links,
            "elapsed": type(r.elapsed).__name__,
            "iter_content": b"".join(r.iter_content(7)) == r.content,
            "iter_content_text": "".join(r.iter_content(5, decode_unicode=True)),
            "iter_lines": [line.decode() for line in r.iter_lines()],
            "iter": b"".join(r) == r.content,
            "raw.read": callable(getattr(r.raw, "read", None)),
            "context_manager": _context(r),
            "close": r.close(),
            "raise_for_status": r.raise_for_status() if r.ok else "not ok",
            "connection.close": callable(getattr(r.connection, "close", None)),
        }
    )
    return out


def _context(r: Any) -> bool:
    with r as inner:
        return inner is r


def public_attributes(r: Any) -> list[str]:
    return sorted(a for a in dir(r) if not a.startswith("_"))


def sig_view(fn: Any) -> list[list[Any]]:
    return [[n, p.kind.name] for n, p in inspect.signature(fn).parameters.items()]


def scope_for(api: Any, key: str) -> tuple[Any, list[str]]:
    parts = key.split(".")
    if parts[0] == "user":
        return api.user(ACCOUNT_KEY), parts[1:]
    return api, parts


def walk(target: Any, parts: list[str]) -> Any:
    for p in parts:
        target = getattr(target, p)
    return target


def run_positional(run: Runner) -> None:
    for e in endpoints():
        key, names = e["key"], e["positional"]
        values = [value_for(n, e["params"][n]) for n in names]
        required = {
            n: value_for(n, p)
            for n, p in e["params"].items()
            if p.get("required") and n not in ("apiKey", "accountKey")
        }

        def call(case: str, *args: Any, key: str = key, **kwargs: Any) -> Any:
            api = run.client(case)
            scope, parts = scope_for(api, key)
            return walk(scope, parts)(*args, **kwargs).status_code

        cid = f"pos-all/{key}"
        run.case(cid, lambda cid=cid, values=values: call(cid, *values))
        if names:
            first = names[0]
            rest = {k: v for k, v in required.items() if k != first}
            cid = f"pos-first/{key}"
            run.case(cid, lambda cid=cid, v=values[0], rest=rest: call(cid, v, **rest))
            cid = f"pos-twice/{key}"
            run.case(cid, lambda cid=cid, v=values[0], f=first: call(cid, v, **{f: v}))
        cid = f"pos-too-many/{key}"
        run.case(cid, lambda cid=cid, values=values: call(cid, *values, "extra"))
        run.case(f"sig/{key}", lambda key=key: sig_view(walk(*scope_for(run.client("sig"), key))))


def run_categories(run: Runner) -> None:
    def public_scope(case: str, *args: Any, **kwargs: Any) -> Any:
        api = run.client(case)
        return api.public(*args, **kwargs).check("lilyachty").status_code

    run.case("cat/public-positional", lambda: public_scope("cat/public-positional", "gb", 3))
    run.case("cat/public-one", lambda: public_scope("cat/public-one", "ca"))
    run.case("cat/public-too-many", lambda: public_scope("cat/public-too-many", "gb", 3, 4))
    run.case("cat/public-twice", lambda: public_scope("cat/public-twice", "gb", country="ca"))

    def user_scope(case: str, *args: Any, **kwargs: Any) -> Any:
        api = run.client(case)
        user = api.user(*args, **kwargs)
        return [
            user.info().status_code,
            user.posts.feed().status_code,
            user.live.stop().status_code,
        ]

    run.case("cat/user-positional", lambda: user_scope("cat/user-positional", ACCOUNT_KEY))
    run.case("cat/user-too-many", lambda: user_scope("cat/user-too-many", ACCOUNT_KEY, "x"))
    run.case("cat/user-twice", lambda: user_scope("cat/user-twice", ACCOUNT_KEY, accountKey="x"))
    run.case("cat/posts-positional", lambda: run.client("c").user.posts("x"))

    def set_key(case: str) -> Any:
        api = run.client(case)
        api.set(KEY2)
        return api.key().status_code

    run.case("cat/set-positional", lambda: set_key("cat/set-positional"))

    # **otherParams: any declared parameter by keyword beside the positions
    # (the account key per call), names no endpoint declares are not sent.
    def other_params(case: str) -> Any:
        api = run.client(case)
        return [
            api.public.check("lilyachty", unknown="x").status_code,
            api.user.info("lilyachty", accountKey=ACCOUNT_KEY).status_code,
            api.user.posts.feed(10, accountKey=ACCOUNT_KEY, nothing=None).status_code,
        ]

    run.case("cat/other-params", lambda: other_params("cat/other-params"))
    run.case("cat/set-too-many", lambda: run.client("c").set(KEY2, "x"))

    from tikapi import TikAPI

    run.case("sig/TikAPI", lambda: sig_view(TikAPI))
    run.case("sig/api.set", lambda: sig_view(run.client("sig").set))
    api = run.client("sig")
    for path in ("public", "user", "user.posts", "user.posts.comments", "user.live",
                 "user.conversationRequests"):  # fmt: skip
        run.case(f"sig/{path}", lambda path=path: sig_view(walk(api, path.split("."))))
        run.case(f"sig/{path}.set", lambda path=path: sig_view(walk(api, path.split(".")).set))


def run_responses(run: Runner) -> None:
    def answer(case: str, scenario: str = "ok", user: bool = False) -> Any:
        api = run.client(case, scenario)
        if user:
            return api.user(ACCOUNT_KEY).posts.comments.post("7012345678901234567", "Nice one")
        return api.public.check("lilyachty")

    run.case("resp/get", lambda: describe_response(answer("resp/get")))
    run.case("resp/post", lambda: describe_response(answer("resp/post", user=True)))
    run.case("resp/text", lambda: describe_response(answer("resp/text", "text")))
    run.case("resp/attributes", lambda: public_attributes(answer("resp/attributes")))


def attempt(fn: Callable[[], Any]) -> Any:
    """What `fn` gave, or the class and words of what it raised (a
    KeyError's, a TypeError's, CookieConflictError's: the jar's own)."""
    try:
        return {"value": fn()}
    except Exception as e:
        return {"raised": type(e).__name__, "runtime": isinstance(e, RuntimeError), "str": str(e)}


def jar_view(jar: Any) -> list[Any]:
    return [(c.name, c.value, c.domain, c.path, c.secure, c.expires, c.discard) for c in jar]


def run_cookies(run: Runner) -> None:
    """``response.cookies`` as ``requests.cookies.RequestsCookieJar``: every
    method, on the response's own jar and on jars grown from it."""
    import collections.abc
    import copy as copying
    import http.cookiejar
    import http.cookies
    import pickle

    def fresh() -> Any:
        return run.client("jar").public.check("lilyachty").cookies

    def grown() -> Any:
        jar = fresh()
        jar.set("a", "1")
        jar.set("a", "2", domain="example.com", path="/x", secure=True)
        jar["b"] = "3"
        return jar

    morsel = http.cookies.SimpleCookie()
    morsel.load("m=v1; Domain=example.org; Path=/m; Max-Age=60; HttpOnly")
    cases: dict[str, Callable[[], Any]] = {
        "types": lambda: [
            type(fresh()).__name__,
            isinstance(fresh(), collections.abc.MutableMapping),
            isinstance(fresh(), collections.abc.Mapping),
            isinstance(fresh(), http.cookiejar.CookieJar),
        ],
        "repr": lambda: repr(fresh()),
        "len": lambda: [len(fresh()), len(grown())],
        "iter": lambda: jar_view(grown()),
        "keys": lambda: [fresh().keys(), grown().keys(), list(grown().iterkeys())],
        "values": lambda: [grown().values(), list(grown().itervalues())],
        "items": lambda: [grown().items(), list(grown().iteritems()), dict(fresh())],
        "list_domains": lambda: [fresh().list_domains(), grown().list_domains()],
        "list_paths": lambda: [fresh().list_paths(), grown().list_paths()],
        "multiple_domains": lambda: [fresh().multiple_domains(), grown().multiple_domains()],
        "get": lambda: [
            fresh().get("sid"),
            fresh().get("nope"),
            fresh().get("nope", "dflt"),
            fresh().get("sid", domain="127.0.0.1"),
            fresh().get("sid", domain="example.com"),
            fresh().get("sid", path="/"),
            grown().get("a", domain="example.com"),
            grown().get("a", path="/"),
        ],
        "get conflict": lambda: attempt(lambda: grown().get("a")),
        "getitem": lambda: [attempt(lambda: fresh()["sid"]), attempt(lambda: fresh()["nope"])],
        "getitem conflict": lambda: attempt(lambda: grown()["a"]),
        "contains": lambda: ["sid" in fresh(), "nope" in fresh(), "a" in grown(), 5 in fresh()],
        "get_dict": lambda: [
            grown().get_dict(),
            grown().get_dict(domain="example.com"),
            grown().get_dict(path="/x"),
            grown().get_dict(domain="nowhere"),
        ],
        "set returns": lambda: (lambda c: [type(c).__name__, c.name, c.value, c.domain, c.path])(
            fresh().set("n", "v", domain="d.example", path="/p")
        ),
        "set None removes": lambda: (
            lambda j: (j.set("a", None, domain="example.com"), jar_view(j))
        )(grown()),
        "set morsel": lambda: (
            lambda j: (
                j.set("m", morsel["m"]),
                [
                    (
                        c.name,
                        c.value,
                        c.domain,
                        c.path,
                        c.discard,
                        c.expires is not None,
                        c.get_nonstandard_attr("HttpOnly"),
                    )
                    for c in j
                    if c.name == "m"
                ],
            )
        )(fresh())[1],
        "set bad keyword": lambda: attempt(lambda: fresh().set("x", "y", bogus=1)),
        "set quoted": lambda: (lambda j: (j.set("q", '"a\\"b"'), j.get("q")))(fresh())[1],
        "setitem delitem": lambda: (
            lambda j: (
                j.__setitem__("z", "9"),
                j.__delitem__("sid"),
                j.__delitem__("nope"),
                jar_view(j),
            )
        )(fresh())[3],
        "update dict": lambda: (lambda j: (j.update({"u": "1", "v": "2"}), jar_view(j)))(fresh())[
            1
        ],
        "update jar": lambda: (lambda j: (j.update(grown()), jar_view(j)))(fresh())[1],
        "copy": lambda: (
            lambda j: (
                lambda c: (
                    c.set("only", "copy"),
                    [
                        type(c).__name__,
                        c is j,
                        jar_view(j),
                        jar_view(c),
                        c.get_policy() is j.get_policy(),
                    ],
                )
            )(j.copy())
        )(grown())[1],
        "get_policy": lambda: [
            type(fresh().get_policy()).__name__,
            isinstance(fresh().get_policy(), http.cookiejar.CookiePolicy),
        ],
        "mapping methods": lambda: (
            lambda j: [j.pop("sid"), j.pop("nope", "d"), j.setdefault("s", "t"), jar_view(j)]
        )(fresh()),
        "eq": lambda: [
            fresh() == {"sid": "abc123"},
            fresh() == {"sid": "x"},
            attempt(lambda: hash(fresh())),
        ],
        "clear": lambda: (lambda j: (j.clear("example.com"), jar_view(j)))(grown())[1],
        "pickle": lambda: jar_view(pickle.loads(pickle.dumps(grown()))),
        "deepcopy": lambda: (lambda j: [type(j).__name__, jar_view(j), dict(fresh())])(
            copying.deepcopy(grown())
        ),
    }
    for name, fn in cases.items():
        run.case(f"jar/{name}", fn)


def error_of(run: Runner, case: str, scenario: str) -> BaseException:
    try:
        run.client(case, scenario).public.check("lilyachty")
    except Exception as e:
        return e
    raise AssertionError("no error")


def validation_error(run: Runner) -> BaseException:
    try:
        run.client("v").public.posts()
    except Exception as e:
        return e
    raise AssertionError("no error")


def api_exception() -> BaseException:
    from tikapi import TikAPI

    try:
        TikAPI(None)  # type: ignore[arg-type]
    except Exception as e:
        return e
    raise AssertionError("no error")


def round_trips(obj: Any) -> dict[str, Any]:
    """Every pickle protocol and both copies."""
    out = {
        f"pickle{p}": pickle.loads(pickle.dumps(obj, p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)
    }
    out["deepcopy"] = copy.deepcopy(obj)
    out["copy"] = copy.copy(obj)
    return out


def same_error(a: BaseException, b: BaseException) -> bool:
    """A copy keeps the class, message, args and every attribute's value."""
    return (
        type(a) is type(b)
        and str(a) == str(b)
        and a.args == b.args
        and sorted(vars(a)) == sorted(vars(b))
        and getattr(a, "field", None) == getattr(b, "field", None)
    )


def describe_copied(r: Any) -> dict[str, Any]:
    """What a pickled or copied response keeps (the official loses ``raw``
    and ``next`` on the way: requests does not pickle them)."""
    out = describe_response(r, brief=True)
    out.update(
        {
            "reason": r.reason,
            "encoding": r.encoding,
            "history": list(r.history),
            "elapsed": type(r.elapsed).__name__,
            "headers": sorted((k.lower(), v) for k, v in r.headers.items() if k.lower() != "date"),
            "cookies": r.cookies.get_dict(),
        }
    )
    return out


def run_pickling(run: Runner) -> None:
    scenarios = (
        "bad_request",
        "unauthorized",
        "tiktok_403",
        "session_expired",
        "rate_limited",
        "server_error",
    )
    errors = [(s, error_of(run, f"err-{s}", s)) for s in scenarios]
    errors += [("validation", validation_error(run)), ("api-exception", api_exception())]
    for label, err in errors:
        run.case(f"pickle/{label}/original", lambda e=err: describe_error(e))
        for how, copied in round_trips(err).items():
            run.case(
                f"pickle/{label}/{how}",
                lambda c=copied, e=err: {**describe_error(c), "same": same_error(c, e)},
            )
            if getattr(copied, "response", None) is not None:
                run.case(
                    f"pickle/{label}/{how}/response", lambda c=copied: describe_copied(c.response)
                )
    ok = run.client("pickle-ok").public.check("lilyachty")
    for how, copied in round_trips(ok).items():
        run.case(f"pickle/response/{how}", lambda c=copied: describe_copied(c))
    posted = run.client("pickle-post").user(ACCOUNT_KEY).posts.like("7012345678901234567")
    for how, copied in round_trips(posted).items():
        run.case(f"pickle/post-response/{how}", lambda c=copied: describe_copied(c))

    # Clients: copies work and send what the original sends; pickling refuses.
    def copied_calls(case: str, how: Callable[[Any], Any]) -> Any:
        api = run.client(case)
        api.set(country="us")
        user = api.user(ACCOUNT_KEY)
        return [
            how(api).public.check("lilyachty").status_code,
            how(api.public).check("lilyachty").status_code,
            how(user).info().status_code,
            how(user.posts).feed().status_code,
        ]

    run.case("client/copy", lambda: copied_calls("client/copy", copy.copy))
    run.case("client/deepcopy", lambda: copied_calls("client/deepcopy", copy.deepcopy))
    for label in ("api", "public", "user"):

        def pickles(label: str = label) -> Any:
            api = run.client("client-pickle")
            target = {"api": api, "public": api.public, "user": api.user(ACCOUNT_KEY)}[label]
            try:
                pickle.dumps(target)
            except Exception:
                return "refused"
            return "pickled"

        run.case(f"client/pickle-{label}", pickles)


def worker_error(base: str) -> Any:
    from tikapi import TikAPI

    api = TikAPI(KEY)
    api.set(__options__={"base": base})
    return api.public.check("lilyachty")


def run_processes(run: Runner) -> None:
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        for scenario in ("tiktok_403", "rate_limited", "ok"):
            base = run.base(f"proc-{scenario}", scenario)
            future = pool.submit(worker_error, base)

            def outcome(future: Any = future) -> Any:
                return describe_response(future.result(timeout=60), brief=True)

            run.case(f"process/{scenario}", outcome)


def run_all(tag: str, out: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}"
    run = Runner(root)
    for part in (
        run_positional,
        run_categories,
        run_responses,
        run_cookies,
        run_pickling,
        run_processes,
    ):
        part(run)
    server.shutdown()
    text = json.dumps({"results": run.results, "records": RECORDS}, default=repr)
    Path(out).write_text(text.replace(root, "BASE"))
    print(f"dropin-py {tag}: {len(run.results)} cases")


# -- comparing -----------------------------------------------------------------

GROUPS = {
    "pos-all": "every endpoint, every positional parameter",
    "pos-first": "every endpoint, the first parameter by position",
    "pos-too-many": "every endpoint, one position too many (TypeError)",
    "pos-twice": "every endpoint, a name given twice (TypeError)",
    "cat": "category constructors and set() by position",
    "sig": "inspect.signature of endpoints, categories, TikAPI, set",
    "resp": "the rest of requests.Response (request, cookies, raw, ...)",
    "jar": "response.cookies as requests' RequestsCookieJar, method by method",
    "pickle": "pickle (all protocols), copy, deepcopy of errors and responses",
    "process": "errors and responses back from a spawn ProcessPoolExecutor",
    "client": "copy / deepcopy / pickle of clients and scopes",
}


def label(group: str) -> str:
    base, sent = group.removesuffix(" (sent)"), group.endswith(" (sent)")
    return f"{GROUPS.get(base, base)}{': requests sent' if sent else ''}"


def compare(official_path: str, ours_path: str, report: str | None) -> int:
    official = json.loads(Path(official_path).read_text())
    ours = json.loads(Path(ours_path).read_text())
    groups: dict[str, list[int]] = {}
    failures: list[str] = []

    def check(group: str, name: str, a: Any, b: Any, ok: bool | None = None) -> None:
        passed = (a == b) if ok is None else ok
        cell = groups.setdefault(group, [0, 0])
        cell[0 if passed else 1] += 1
        if not passed:
            failures.append(f"{name}: official {json.dumps(a)[:400]} != ours {json.dumps(b)[:400]}")

    for case, a in official["results"].items():
        b = ours["results"].get(case)
        group = case.split("/")[0]
        if case == "resp/attributes":
            # Every public attribute of the official response exists on ours.
            missing = sorted(set(a["value"]) - set(b["value"])) if b and "value" in b else a
            check(group, case, [], missing)
            continue
        check(group, case, a, b)
        if case.startswith(("pos-", "cat/", "client/", "resp/")):
            ra, rb = official["records"].get(segment(case)), ours["records"].get(segment(case))
            check(group + " (sent)", case + " (requests sent)", ra, rb)
    extra = sorted(set(ours["results"]) - set(official["results"]))
    for case in extra:
        check("extra", case, None, ours["results"][case])
    passed = sum(c[0] for c in groups.values())
    failed = sum(c[1] for c in groups.values())
    print(f"dropin-py: {passed} passed, {failed} failed")
    for f in failures[:50]:
        print("  FAIL", f)
    if report:
        lines = [
            "",
            "## Python drop-in surface (`dropin_py.py`)",
            "",
            "Positional calls of every endpoint and category (the requests sent and the",
            "`TypeError`s), `inspect.signature`, the rest of `requests.Response`, and pickle /",
            "copy of responses, exceptions and clients (also across a `ProcessPoolExecutor`):",
            "official 3.2.2 vs ours, same inputs. Cells: passed / failed.",
            "",
            "| Group | Checks |",
            "|---|---|",
        ]
        lines += [f"| {label(g)} | {c[0]}/{c[1]} |" for g, c in groups.items()]
        lines += ["", f"**Total: {passed} passed, {failed} failed.**", ""]
        if failures:
            lines += ["### Failures", ""] + [f"- {f}" for f in failures[:100]] + [""]
        with open(report, "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines))
    return 1 if failed else 0


def main() -> int:
    if sys.argv[1] == "run":
        run_all(sys.argv[2], sys.argv[3])
        return 0
    if sys.argv[1] == "compare":
        return compare(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
