"""The ``Options`` TypedDict lists exactly the option keys the core reads in
Python (the core's one table, exported with the catalogue as ``optionKeys``),
in the core's order."""

from __future__ import annotations

import json
import typing

from tikapi import _native
from tikapi.options import Options


def test_options_typeddict_has_the_core_keys_in_order() -> None:
    core = json.loads(_native.catalogue())["optionKeys"]["python"]
    declared = list(typing.get_type_hints(Options))
    assert declared == core
