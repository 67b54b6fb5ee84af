"""`json()` parses the body natively; whatever it returns is what `json.loads`
returns for the same bytes, and whatever it cannot take exactly as
`json.loads` would goes to `json.loads` (same value or same exception)."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest
from tikapi.response import APIResponse, AsyncAPIResponse, _restore

LILY = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def response(body: bytes, cls: type = APIResponse) -> Any:
    # The state a pickled response carries (see APIResponse.__reduce__).
    state = (
        200,
        "http://127.0.0.1/",
        0.0,
        [("content-type", "application/json")],
        body,
        None,
        None,
    )
    return _restore(cls, state)


def outcome(parse: Any, body: bytes) -> tuple[str, Any]:
    try:
        return ("value", parse(body))
    except Exception as e:
        return ("error", (type(e), str(e)))


def same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN, -0.0 told from 0.0, int from float and
    bool from int (== alone would not tell them apart)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


def check(body: bytes, native: bool | None = None) -> None:
    """`json()` of `body` is what `json.loads` gives; `native`: whether the
    native parser takes it (True) or leaves it to `json.loads` (False)."""
    want = outcome(json.loads, body)
    got = outcome(lambda b: response(b).json(), body)
    assert want[0] == got[0], (body[:80], want, got)
    if want[0] == "value":
        assert same(want[1], got[1]), (body[:80], want, got)
    else:
        assert want[1] == got[1], (body[:80], want, got)
    if native is not None:
        parsed = response(body)._native.parse_json()
        if native:
            assert parsed is not None, body[:80]
            assert same(parsed, json.loads(body)), body[:80]
        else:
            assert parsed is None, body[:80]


NATIVE = [
    b'{"a":"\\ud83d\\ude00", "b": "\\u00e9\\u00E9\\/\\"\\\\\\b\\f\\n\\r\\t"}',
    b"-0",
    b"-0.0",
    b"0e0",
    b"-0e0",
    b"1E400",
    b"-1e400",
    b"1.5e-400",
    b"5e-324",
    b"2.2250738585072011e-308",
    b"1.7976931348623157e308",
    b"1.00000000000000011102230246251565404236316680908203125",
    b"7.689539722041643e164",
    b"0.1",
    b"1e5",
    b"1E+5",
    b"1.0",
    b"123.456e1",
    b"-9223372036854775808",
    b"9223372036854775807",
    b'{"a":1,"a":2}',
    b'{"a" : 1 , "b":[ ] , "c" : { } }',
    b"[1,\t\r\n 2]",
    b"  {} \n",
    b'"\x7f"',
    b'"\xc3\xa9"',
    b'{"\xc3\xa9":1}',
    b'"\\u0000"',
    b"true",
    b"false",
    b"[]",
    b"{}",
    b"[" * 64 + b"]" * 64,
]
FALLBACK = [
    b"null",  # None is the parser's "not mine": json.loads answers None itself
    b'{"a":"\\ud800"}',  # a lone surrogate: json.loads keeps it
    b'"\xed\xa0\x80"',  # a UTF-8-encoded surrogate: json.loads keeps it (surrogatepass)
    b"[NaN, Infinity, -Infinity]",  # json.loads's own NaN/inf objects
    b"[NaN]",
    b"9223372036854775808",
    b"-9223372036854775809",
    b"123456789012345678901234567890",
    b"9" * 5000,  # over Python's digit limit: json.loads's ValueError
    b"\xef\xbb\xbf{}",  # a byte-order mark
    b"\xff\xfe{\x00}\x00",  # UTF-16
    b"1\x00",  # UTF-16 too, as json.loads reads it
    b"{} x",
    b"[1]\x00",
    b"[1,\x0c2]",
    b"\xc2\xa0[]",
    b'"\xff"',
    b'"a\tb"',
    b"",
    b"  ",
    b"[1,]",
    b'{"a":1,}',
    b"nan",
    b"-NaN",
    b"infinity",
    b"01",
    b"1.",
    b".5",
    b"+1",
    b'"\\x41"',
    b"[" * 65 + b"]" * 65,  # deeper than the native parser goes
    b'{"a":' * 250 + b"1" + b"}" * 250,
    b"[" * 100000,  # deeper than json.loads goes: its RecursionError
]
EDGES = [(b, True) for b in NATIVE] + [(b, False) for b in FALLBACK]


@pytest.mark.parametrize(("body", "native"), EDGES, ids=range(len(EDGES)))
def test_edge_cases_match_json_loads(body: bytes, native: bool) -> None:
    check(body, native)


def random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 6 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice(
            [0, -1, 1, 2**31, -(2**63), 2**63 - 1, 2**64, rng.randrange(-(10**30), 10**30)]
        )
    if kind == 3:
        return rng.choice(
            [
                0.0,
                -0.0,
                1e-320,
                1e308,
                math.inf,
                -math.inf,
                rng.uniform(-1e6, 1e6),
                rng.random() * 10 ** rng.randrange(-300, 300),
            ]
        )
    if kind in (4, 5):
        alphabet = 'ab"\\/\n\t\x00\x1f é漢😀\u2028'
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
    if kind in (6, 7):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(5))]
    keys = ["id", "desc", "stats", "é", "😀", "", 'q"', "id"]
    return {
        rng.choice(keys) + str(rng.randrange(3)): random_value(rng, depth + 1)
        for _ in range(rng.randrange(6))
    }


def native_fits(value: Any) -> bool:
    """Whether the native parser takes the document of `value`: no infinity
    (NaN / Infinity in the text) and no integer beyond 64 bits."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return -(2**63) <= value < 2**63
    if isinstance(value, list):
        return all(native_fits(v) for v in value)
    if isinstance(value, dict):
        return all(native_fits(v) for v in value.values())
    return True


def test_random_documents_match_json_loads() -> None:
    rng = random.Random(20261203)
    native = 0
    for i in range(2000):
        value = random_value(rng)
        text = json.dumps(value, ensure_ascii=i % 2 == 0, indent=None if i % 3 else 1)
        fits = native_fits(value) and value is not None
        check(text.encode(), native=fits)
        native += fits
    assert native > 1000  # most take the native path, the rest json.loads


def test_sandbox_answers_match_json_loads(api: Any) -> None:
    for r in (
        api.public.check(username="lilyachty"),
        api.public.posts(secUid=LILY, count=30),
        api.public.explore(count=30),
    ):
        assert r._native.parse_json() is not None  # the native path
        assert same(r.json(), json.loads(r.content))
        assert r.json() is r.json()  # parsed once


def test_keys_are_shared_within_a_body() -> None:
    body = json.dumps([{"playCount": i, "diggCount": i} for i in range(3)]).encode()
    items = response(body)._native.parse_json()
    firsts = [next(iter(item)) for item in items]
    assert all(k is firsts[0] for k in firsts)


def test_async_responses_parse_the_same() -> None:
    body = b'{"items":[1,2.5,"x",null,true]}'
    assert response(body, AsyncAPIResponse).json() == json.loads(body)


def test_json_keyword_arguments_go_to_json_loads() -> None:
    r = response(b'{"a": 1.5}')
    assert r.json(parse_float=str) == {"a": "1.5"}
    assert r.json() == {"a": 1.5}
