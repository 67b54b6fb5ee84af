"""The category and endpoint surface, built from the native catalogue.

Nothing here lists endpoints: every category class, endpoint attribute and
nested category comes from ``_native.catalogue()``, so adding an endpoint to
the core's catalogue adds it here (and to the generated stubs).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any, Optional

from . import _native
from .response import APIResponse, AsyncAPIResponse

_EXPORT: dict[str, Any] = json.loads(_native.catalogue())
CATALOGUE: list[dict[str, Any]] = _EXPORT["endpoints"]


def class_name(path: str) -> str:
    """``user.posts.comments`` -> ``UserPostsComments``."""
    return "".join(part[:1].upper() + part[1:] for part in path.split("."))


def tree() -> dict[str, dict[str, Any]]:
    """Category path -> {"endpoints": {name: key}, "children": {name: path}},
    indexed from the core's category tree. The root category is ``""``."""
    nodes: dict[str, dict[str, Any]] = {}

    def index(category: dict[str, Any]) -> None:
        node: dict[str, Any] = {"endpoints": {}, "children": {}}
        nodes[category["path"]] = node
        for entry in category["entries"]:
            if "endpoint" in entry:
                node["endpoints"][entry["name"]] = entry["endpoint"]
            else:
                node["children"][entry["name"]] = entry["category"]["path"]
                index(entry["category"])

    index(_EXPORT["categories"])
    return nodes


class PageIterator(Iterator[APIResponse]):
    """Every page of a call, fetched as iteration asks for it."""

    __slots__ = ("_pages",)

    def __init__(self, pages: Any) -> None:
        self._pages = pages

    def __iter__(self) -> PageIterator:
        return self

    def __next__(self) -> APIResponse:
        page: Optional[APIResponse] = self._pages.next()
        if page is None:
            raise StopIteration
        return page


class AsyncPageIterator(AsyncIterator[AsyncAPIResponse]):
    """Every page of a call, for ``async for``."""

    __slots__ = ("_pages",)

    def __init__(self, pages: Any) -> None:
        self._pages = pages

    def __aiter__(self) -> AsyncPageIterator:
        return self

    async def __anext__(self) -> AsyncAPIResponse:
        page: Optional[AsyncAPIResponse] = await self._pages.next_async()
        if page is None:
            raise StopAsyncIteration
        return page


def _pages(native: Any, key: str, kwargs: Any, max_pages: Any, max_items: Any) -> Any:
    # The core checks the limits (whole numbers >= 0, or None).
    return native.pages(key, kwargs, max_pages, max_items)


def _items(pages: Any) -> Iterator[Any]:
    # The core says how many of each page's items belong to the walk: all,
    # or fewer on the page where ``max_items`` is reached.
    while (step := pages.next_items()) is not None:
        page, take = step
        yield from page._items()[:take]


async def _aitems(pages: Any) -> AsyncIterator[Any]:
    while (step := await pages.next_items_async()) is not None:
        page, take = step
        for item in page._items()[:take]:
            yield item


class Endpoint:
    """One endpoint of one scope: call it with the endpoint's keyword
    arguments; ``pages(...)`` and ``items(...)`` walk every page."""

    __slots__ = ("_key", "_native")

    def __init__(self, native: Any, key: str) -> None:
        self._native = native
        self._key = key

    def __call__(self, **kwargs: Any) -> Any:
        return self._native.call(self._key, kwargs)

    def pages(
        self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, **kwargs: Any
    ) -> Any:
        return PageIterator(_pages(self._native, self._key, kwargs, max_pages, max_items))

    def items(
        self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, **kwargs: Any
    ) -> Any:
        return _items(_pages(self._native, self._key, kwargs, max_pages, max_items))

    def __repr__(self) -> str:
        return f"<tikapi endpoint {self._key}>"


class AsyncEndpoint(Endpoint):
    """One endpoint of an ``AsyncTikAPI`` scope: awaited."""

    __slots__ = ()

    async def __call__(self, **kwargs: Any) -> Any:
        return await self._native.call_async(self._key, kwargs)

    def pages(
        self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, **kwargs: Any
    ) -> Any:
        return AsyncPageIterator(_pages(self._native, self._key, kwargs, max_pages, max_items))

    def items(
        self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, **kwargs: Any
    ) -> Any:
        return _aitems(_pages(self._native, self._key, kwargs, max_pages, max_items))


class _EndpointAttribute:
    """Class attribute that gives the endpoint of the instance's scope."""

    __slots__ = ("_cls", "_key")

    def __init__(self, key: str, cls: type[Endpoint]) -> None:
        self._key = key
        self._cls = cls

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return self._cls(obj._native, self._key)


class _CategoryAttribute:
    """Class attribute that gives a nested category in the same scope."""

    __slots__ = ("_cls",)

    def __init__(self, cls: type[Category]) -> None:
        self._cls = cls

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self._cls
        return self._cls(obj._native)


class Category:
    """A category of endpoints (``api.public``, ``api.user.posts``). Calling
    it binds default values in a new scope: ``api.user(accountKey=...)``."""

    __slots__ = ("_native",)
    _path = ""

    def __init__(self, native: Any) -> None:
        self._native = native

    def __call__(self, **kwargs: Any) -> Any:
        scope = type(self)(self._native.scope())
        scope._native.set(kwargs)
        return scope

    def set(self, **kwargs: Any) -> Any:
        """Bind defaults, ``__sandbox__`` or ``__options__`` in this scope."""
        self._native.set(kwargs)
        return self

    def __repr__(self) -> str:
        return f"<tikapi category {self._path} sandbox={self._native.sandbox}>"


def install(root: type, *, asynchronous: bool, module: str) -> dict[str, type]:
    """Give ``root`` (TikAPI or AsyncTikAPI) the catalogue's categories and
    endpoints. Returns the category classes made, by path."""
    endpoint_cls: type[Endpoint] = AsyncEndpoint if asynchronous else Endpoint
    prefix = "Async" if asynchronous else ""
    nodes = tree()
    classes: dict[str, type] = {}

    def attributes(path: str) -> dict[str, Any]:
        node = nodes[path]
        attrs: dict[str, Any] = {}
        for name, key in node["endpoints"].items():
            attrs[name] = _EndpointAttribute(key, endpoint_cls)
        for name, child in node["children"].items():
            attrs[name] = _CategoryAttribute(classes[child])
        return attrs

    # Deepest first, so a category's children exist when it is made.
    for path in sorted((p for p in nodes if p), key=lambda p: -p.count(".")):
        name = prefix + class_name(path)
        cls = type(name, (Category,), {"__slots__": (), "_path": path, **attributes(path)})
        cls.__module__ = module
        classes[path] = cls
    for name, attr in attributes("").items():
        if name in vars(root):
            raise RuntimeError(f"the catalogue name {name!r} clashes with {root.__name__}.{name}")
        setattr(root, name, attr)
    return classes
