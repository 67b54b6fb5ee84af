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


def check(body: bytes) -> None:
    want = outcome(json.loads, body)
    got = outcome(lambda b: response(b).json(), body)
    assert want[0] == got[0], (body[:80], want, got)
    if want[0] == "value":
        assert same(want[1], got[1]), (body[:80], want, got)
    else:
        assert want[1] == got[1], (body[:80], want, got)


EDGES = [
    b'{"a":"\\ud800"}',  # a lone surrogate: json.loads keeps it
    b'{"a":"\\ud83d\\ude00", "b": "\\u00e9\\/\\"\\\\\\b\\f\\n\\r\\t"}',
    b"[NaN, Infinity, -Infinity]",
    b"-0",
    b"-0.0",
    b"1E400",
    b"-1e400",
    b"1.5e-400",
    b"5e-324",
    b"1.7976931348623157e308",
    b"0.1",
    b"1e5",
    b"1.0",
    b"123.456e1",
    b"-9223372036854775808",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775809",
    b"123456789012345678901234567890",
    b"9" * 5000,  # over Python's digit limit: json.loads's ValueError
    b'{"a":1,"a":2}',
    b'{"a" : 1 , "b":[ ] , "c" : { } }',
    b"\xef\xbb\xbf{}",  # a byte-order mark
    b"\xff\xfe{\x00}\x00",  # UTF-16
    b"  {} \n",
    b"{} x",
    b"[1]\x00",
    b'"\xff"',
    b'"\xc3\xa9"',
    b'{"\xc3\xa9":1}',
    b'"a\tb"',
    b"",
    b"  ",
    b"null",
    b"true",
    b"false",
    b"[1,]",
    b'{"a":1,}',
    b"nan",
    b"01",
    b"1.",
    b".5",
    b"+1",
    b'"\\x41"',
    b"[" * 199 + b"]" * 199,
    b"[" * 250 + b"]" * 250,  # deeper than the native parser goes
    b'{"a":' * 250 + b"1" + b"}" * 250,
    b"[" * 100000,  # deeper than json.loads goes: its RecursionError
]


@pytest.mark.parametrize("body", EDGES, ids=range(len(EDGES)))
def test_edge_cases_match_json_loads(body: bytes) -> None:
    check(body)


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


def test_random_documents_match_json_loads() -> None:
    rng = random.Random(20261203)
    for i in range(2000):
        value = random_value(rng)
        text = json.dumps(value, ensure_ascii=i % 2 == 0, indent=None if i % 3 else 1)
        check(text.encode())


def test_sandbox_answers_match_json_loads(api: Any) -> None:
    for r in (
        api.public.check(username="lilyachty"),
        api.public.posts(secUid=LILY, count=30),
        api.public.explore(count=30),
    ):
        assert same(r.json(), json.loads(r.content))
        assert r.json() is r.json()  # parsed once


def test_keys_are_shared_within_a_body() -> None:
    body = json.dumps([{"playCount": i, "diggCount": i} for i in range(3)]).encode()
    items = response(body).json()
    firsts = [next(iter(item)) for item in items]
    assert all(k is firsts[0] for k in firsts)


def test_async_responses_parse_the_same() -> None:
    body = b'{"items":[1,2.5,"x",null,true]}'
    assert response(body, AsyncAPIResponse).json() == json.loads(body)


def test_json_keyword_arguments_go_to_json_loads() -> None:
    r = response(b'{"a": 1.5}')
    assert r.json(parse_float=str) == {"a": "1.5"}
    assert r.json() == {"a": 1.5}
