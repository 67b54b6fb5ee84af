"""Every catalogue endpoint through the binding, and the docs' request samples."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import ACCOUNT_KEY, catalogue, fills_in_sandbox, load, required_examples, resolve

FORMS = catalogue()


def form_id(form: dict[str, Any]) -> str:
    return form["key"] + (f"[{form['variant']}]" if form["variant"] else "")


def expected_path(form: dict[str, Any], args: dict[str, Any]) -> str:
    path: str = form["path"]
    for p in form["params"]:
        if p["location"] == "path":
            path = path.replace("{" + p["key"] + "}", str(args.get(p["key"], p["example"])))
    return path


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_every_endpoint(api: Any, form: dict[str, Any]) -> None:
    root = api.user(accountKey=ACCOUNT_KEY) if form["key"].startswith("user.") else api
    name = form["key"].removeprefix("user.") if form["key"].startswith("user.") else form["key"]
    args = required_examples(form)
    r = resolve(root, name)(**args)
    assert r.status_code == 200, r.text
    assert r.endpoint == form["key"]
    assert urlsplit(r.url).path == expected_path(form, args)
    assert isinstance(r.json(), dict)


@pytest.mark.parametrize(
    "form", [f for f in FORMS if f["inOfficialSdk"] and fills_in_sandbox(f)], ids=form_id
)
def test_every_official_endpoint_with_sandbox_examples_only(api: Any, form: dict[str, Any]) -> None:
    """Official apps in sandbox mode call endpoints with no arguments at all."""
    r = resolve(api, form["key"])()
    assert r.ok and r.endpoint == form["key"]


SAMPLES: list[str] = load("doc_samples.json")["samples"]


@pytest.mark.parametrize("code", SAMPLES)
def test_docs_request_samples(api: Any, code: str) -> None:
    scope: dict[str, Any] = {"api": api, "User": api.user(accountKey=ACCOUNT_KEY)}
    exec(code, scope)
    response = scope["response"]
    assert response.status_code == 200
    assert response.json()["status"] == "success"
