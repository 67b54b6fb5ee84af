"""The native module (Rust, pyo3): thin glue over tikapi-core. Not public API."""

import os
from collections.abc import Callable
from typing import Any, Optional, Union, final

__all__ = [
    "DEFAULT_BASE",
    "DEFAULT_SANDBOX_BASE",
    "Client",
    "Pages",
    "Response",
    "__version__",
    "catalogue",
    "category_positional",
    "cli_main",
    "drain",
    "oauth_authorization_url",
    "oauth_parse_redirect",
    "oauth_required_scopes",
    "oauth_scopes",
]

__version__: str
DEFAULT_BASE: str
DEFAULT_SANDBOX_BASE: str

def catalogue() -> str: ...
def category_positional() -> dict[str, list[str]]: ...
def drain(timeout: float) -> bool: ...

@final
class Client:
    def __new__(cls, api_key: str) -> Client: ...
    def scope(self, values: Optional[dict[str, Any]] = None) -> Client: ...
    def duplicate(self) -> Client: ...
    def set(self, values: Optional[dict[str, Any]] = None) -> None: ...
    @property
    def sandbox(self) -> bool: ...
    def call(self, endpoint: str, kwargs: Optional[dict[str, Any]] = None) -> Any: ...
    def call_async(self, endpoint: str, kwargs: Optional[dict[str, Any]] = None) -> Any: ...
    def pages(
        self,
        endpoint: str,
        kwargs: Optional[dict[str, Any]] = None,
        max_pages: Any = None,
        max_items: Any = None,
    ) -> Pages: ...
    def prepare(self, endpoint: str, kwargs: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...

@final
class Pages:
    def next(self) -> Any: ...
    def next_async(self) -> Any: ...
    def next_items(self) -> Optional[tuple[Any, Optional[int]]]: ...
    def next_items_async(self) -> Any: ...

@final
class Response:
    @property
    def status(self) -> int: ...
    @property
    def reason(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def method(self) -> str: ...
    @property
    def endpoint(self) -> Optional[str]: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> list[tuple[str, str]]: ...
    @property
    def message(self) -> str: ...
    def request(
        self,
    ) -> Optional[tuple[str, str, list[tuple[str, str]], Optional[bytes]]]: ...
    def state(self) -> tuple[Any, ...]: ...
    @staticmethod
    def restore(
        face_async: bool,
        status: int,
        url: str,
        elapsed: float,
        headers: list[tuple[str, str]],
        body: bytes,
        endpoint: Optional[str],
        request: Optional[tuple[str, str, list[tuple[str, str]], Optional[bytes]]],
    ) -> Response: ...
    def item_path(self) -> Optional[tuple[Any, ...]]: ...
    def error(self) -> Optional[BaseException]: ...
    def next_page(self) -> Any: ...
    def next_page_async(self) -> Any: ...
    def save_video(
        self,
        link: str,
        path: Union[str, os.PathLike[str]],
        headers: Optional[dict[str, str]] = None,
        timeout: Any = None,
        proxies: Any = None,
        progress: Optional[Callable[[int, Optional[int]], object]] = None,
    ) -> int: ...
    def save_video_async(
        self,
        link: str,
        path: Union[str, os.PathLike[str]],
        headers: Optional[dict[str, str]] = None,
        timeout: Any = None,
        proxies: Any = None,
        progress: Optional[Callable[[int, Optional[int]], object]] = None,
    ) -> Any: ...

# tikapi.oauth's native half (errors: ValueError(message, kind)).
def oauth_authorization_url(
    client_id: str,
    redirect_uri: str,
    scopes: list[str],
    state: Optional[str] = None,
    country: Optional[str] = None,
    email: Optional[str] = None,
) -> str: ...
def oauth_parse_redirect(url: str, expected_state: Optional[str] = None) -> dict[str, Any]: ...
def oauth_required_scopes(endpoint: str) -> list[str]: ...
def oauth_scopes() -> list[tuple[str, str]]: ...

# The `tikapi` command (tikapi._cli:main).
def cli_main(argv: list[str]) -> int: ...
