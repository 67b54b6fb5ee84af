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
from ._observe import observer
from .options import ResumeToken
from .response import APIResponse, AsyncAPIResponse

_EXPORT: dict[str, Any] = json.loads(_native.catalogue())
CATALOGUE: list[dict[str, Any]] = _EXPORT["endpoints"]
#: Category path (``""`` for the client) -> what its constructor takes by position.
CATEGORY_POSITIONAL: dict[str, list[str]] = _native.category_positional()


def class_name(path: str) -> str:
    """``user.posts.comments`` -> ``UserPostsComments``."""
    return "".join(part[:1].upper() + part[1:] for part in path.split("."))


def qualified_name(key: str) -> str:
    """How errors name an endpoint or category method, as Python names the
    official SDK's: ``public.check`` -> ``Public.check``; ``key`` -> ``TikAPI.key``."""
    category, _, name = key.rpartition(".")
    return f"{class_name(category) if category else 'TikAPI'}.{name}"


# Endpoint key -> (qualified name, positional names): the official SDK's
# order, from the catalogue. Of a two-form endpoint only one form has any.
POSITIONAL: dict[str, tuple[str, tuple[str, ...]]] = {}
for _e in CATALOGUE:
    if _e["positional"] or _e["key"] not in POSITIONAL:
        POSITIONAL[_e["key"]] = (qualified_name(_e["key"]), tuple(_e["positional"]))


def bind(qualname: str, names: tuple[str, ...], args: tuple[Any, ...], kwargs: Any) -> Any:
    """Put positional ``args`` into ``kwargs`` under ``names``, refusing too
    many and a name given twice in Python's own words. As in the official
    SDK's methods, the count includes the implicit ``cls``."""
    if len(args) > len(names):
        most = len(names) + 1
        takes = (
            "takes 1 positional argument"
            if most == 1
            else f"takes from 1 to {most} positional arguments"
        )
        raise TypeError(f"{qualname}() {takes} but {len(args) + 1} were given")
    for name, value in zip(names, args):
        if name in kwargs:
            raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
        kwargs[name] = value
    return kwargs


_SIGNATURES: dict[Any, Any] = {}


def make_signature(names: tuple[str, ...], rest: str, returns: Any = None) -> Any:
    """``(name=None, ..., **rest)``: what ``inspect.signature`` shows, made
    once per shape. None is every default, as passing None is passing
    nothing. ``inspect`` is imported here, on first use: importing it costs
    about as much as the rest of the package."""
    sig = _SIGNATURES.get((names, rest, returns))
    if sig is None:
        import inspect

        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        params = [inspect.Parameter(n, kind, default=None) for n in names]
        params.append(inspect.Parameter(rest, inspect.Parameter.VAR_KEYWORD))
        empty = inspect.Signature.empty
        sig = inspect.Signature(params, return_annotation=empty if returns is None else returns)
        _SIGNATURES[(names, rest, returns)] = sig
    return sig


class Setter:
    """``api.set`` / ``api.public.set``: binds default values in the scope,
    taking positions as its constructor does (``api.set(apiKey)``,
    ``api.public.set(country, session_id)``); returns the scope.
    ``inspect.signature`` shows the official ``(..., **values)``."""

    __slots__ = ("_scope",)

    def __init__(self, scope: Any) -> None:
        self._scope = scope

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        scope = self._scope
        if args:
            bind(scope._qualname + ".set", scope._positional, args, kwargs)
        scope._native.set(kwargs)
        return scope

    @property
    def __signature__(self) -> Any:
        return make_signature(self._scope._positional, "values")

    def __repr__(self) -> str:
        return f"<bound set of {self._scope!r}>"


class _EndpointSignature:
    """``Endpoint.__signature__``: the official method's signature, made
    once per endpoint. None on the class, so the class itself inspects as usual."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return None
        returns = AsyncAPIResponse if isinstance(obj, AsyncEndpoint) else APIResponse
        return make_signature(POSITIONAL[obj._key][1], "otherParams", returns)


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
    """Every page of a call, fetched as iteration asks for it.
    ``resume_token`` says where the walk stands (see ``ResumeToken``)."""

    __slots__ = ("_pages",)

    def __init__(self, pages: Any) -> None:
        self._pages = pages

    def __iter__(self) -> PageIterator:
        return self

    def __next__(self) -> APIResponse:
        page: Optional[APIResponse] = self._pages.next(observer())
        if page is None:
            raise StopIteration
        return page

    @property
    def resume_token(self) -> Optional[ResumeToken]:
        """Where the walk continues after the pages handed out so far (None
        once it is over): pass it as ``pages(..., resume=token)``."""
        token: Optional[ResumeToken] = self._pages.resume_token()
        return token


class AsyncPageIterator(AsyncIterator[AsyncAPIResponse]):
    """Every page of a call, for ``async for``."""

    __slots__ = ("_pages",)

    def __init__(self, pages: Any) -> None:
        self._pages = pages

    def __aiter__(self) -> AsyncPageIterator:
        return self

    async def __anext__(self) -> AsyncAPIResponse:
        page: Optional[AsyncAPIResponse] = await self._pages.next_async(observer())
        if page is None:
            raise StopAsyncIteration
        return page

    @property
    def resume_token(self) -> Optional[ResumeToken]:
        """See ``PageIterator.resume_token``."""
        token: Optional[ResumeToken] = self._pages.resume_token()
        return token


class ItemIterator(Iterator[Any]):
    """Every item of every page of a call. The core says which items of each
    page belong to the walk (``items[skip:take]``: fewer on a resumed walk's
    first page and where ``max_items`` ends it). ``resume_token`` says where
    the walk stands, after the last item handed out."""

    __slots__ = ("_handed", "_items", "_pages", "_started")

    def __init__(self, pages: Any) -> None:
        self._pages = pages
        self._items: list[Any] = []
        self._handed = 0
        self._started = False

    def __iter__(self) -> ItemIterator:
        return self

    def _take(self, step: Any) -> bool:
        if step is None:
            return False
        page, skip, take = step
        self._items = page._items()[skip:take]
        self._handed = 0
        self._started = True
        return True

    def __next__(self) -> Any:
        while self._handed >= len(self._items):
            if not self._take(self._pages.next_items(observer())):
                raise StopIteration
        item = self._items[self._handed]
        self._handed += 1
        return item

    @property
    def resume_token(self) -> Optional[ResumeToken]:
        """Where the walk continues, right after the last item handed out
        (None once it is over): pass it as ``items(..., resume=token)``, here
        or in another process."""
        token: Optional[ResumeToken] = self._pages.resume_token(
            self._handed if self._started else None
        )
        return token


class AsyncItemIterator(AsyncIterator[Any]):
    """``ItemIterator`` for ``async for``."""

    __slots__ = ("_handed", "_items", "_pages", "_started")

    def __init__(self, pages: Any) -> None:
        self._pages = pages
        self._items: list[Any] = []
        self._handed = 0
        self._started = False

    def __aiter__(self) -> AsyncItemIterator:
        return self

    async def __anext__(self) -> Any:
        while self._handed >= len(self._items):
            step = await self._pages.next_items_async(observer())
            if step is None:
                raise StopAsyncIteration
            page, skip, take = step
            self._items = page._items()[skip:take]
            self._handed = 0
            self._started = True
        item = self._items[self._handed]
        self._handed += 1
        return item

    @property
    def resume_token(self) -> Optional[ResumeToken]:
        """See ``ItemIterator.resume_token``."""
        token: Optional[ResumeToken] = self._pages.resume_token(
            self._handed if self._started else None
        )
        return token


def _pages(native: Any, key: str, kwargs: Any, max_pages: Any, max_items: Any, resume: Any) -> Any:
    # The core checks the limits (whole numbers >= 0, or None) and the token.
    return native.pages(key, kwargs, max_pages, max_items, resume)


class Endpoint:
    """One endpoint of one scope: call it with the endpoint's arguments, by
    keyword or, in the official SDK's order, by position; ``pages(...)`` and
    ``items(...)`` walk every page."""

    __slots__ = ("_key", "_native")
    __signature__ = _EndpointSignature()

    def __init__(self, native: Any, key: str) -> None:
        self._native = native
        self._key = key

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return self._native.call(self._key, kwargs, observer())

    def pages(
        self,
        *args: Any,
        max_pages: Optional[int] = None,
        max_items: Optional[int] = None,
        resume: Optional[ResumeToken] = None,
        **kwargs: Any,
    ) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return PageIterator(_pages(self._native, self._key, kwargs, max_pages, max_items, resume))

    def items(
        self,
        *args: Any,
        max_pages: Optional[int] = None,
        max_items: Optional[int] = None,
        resume: Optional[ResumeToken] = None,
        **kwargs: Any,
    ) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return ItemIterator(_pages(self._native, self._key, kwargs, max_pages, max_items, resume))

    def __repr__(self) -> str:
        return f"<tikapi endpoint {self._key}>"


class AsyncEndpoint(Endpoint):
    """One endpoint of an ``AsyncTikAPI`` scope: awaited."""

    __slots__ = ()

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return await self._native.call_async(self._key, kwargs, observer())

    def pages(
        self,
        *args: Any,
        max_pages: Optional[int] = None,
        max_items: Optional[int] = None,
        resume: Optional[ResumeToken] = None,
        **kwargs: Any,
    ) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return AsyncPageIterator(
            _pages(self._native, self._key, kwargs, max_pages, max_items, resume)
        )

    def items(
        self,
        *args: Any,
        max_pages: Optional[int] = None,
        max_items: Optional[int] = None,
        resume: Optional[ResumeToken] = None,
        **kwargs: Any,
    ) -> Any:
        if args:
            bind(*POSITIONAL[self._key], args, kwargs)
        return AsyncItemIterator(
            _pages(self._native, self._key, kwargs, max_pages, max_items, resume)
        )


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


class _CategorySignature:
    """``Category.__signature__``: the official constructor's, e.g.
    ``(country=None, session_id=None, **values)`` for ``api.public``."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return None
        return make_signature(obj._positional, "values")


class Category:
    """A category of endpoints (``api.public``, ``api.user.posts``). Calling
    it binds default values in a new scope: ``api.user(accountKey=...)``, or
    by position in the official SDK's order: ``api.user(accountKey)``,
    ``api.public(country, session_id)``."""

    __slots__ = ("_native",)
    __signature__ = _CategorySignature()
    _path = ""
    # Set per class by ``install``.
    _positional: tuple[str, ...] = ()
    _qualname = ""

    def __init__(self, native: Any) -> None:
        self._native = native

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args:
            bind(self._qualname + ".__new__", self._positional, args, kwargs)
        scope = type(self)(self._native.scope())
        scope._native.set(kwargs)
        return scope

    @property
    def set(self) -> Setter:
        """Bind defaults, ``__sandbox__`` or ``__options__`` in this scope
        (by position as the constructor takes them); returns the scope."""
        return Setter(self)

    def __copy__(self) -> Any:
        """An independent scope with the same settings (``set`` on one is not
        seen by the other)."""
        return type(self)(self._native.duplicate())

    def __deepcopy__(self, memo: Any) -> Any:
        return self.__copy__()

    def __reduce__(self) -> Any:
        raise TypeError(
            f"{type(self).__name__} objects cannot be pickled: a client holds the keys"
            " (make a client in each process instead)"
        )

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
        positional = tuple(CATEGORY_POSITIONAL[path])
        cls = type(
            name,
            (Category,),
            {
                "__slots__": (),
                "_path": path,
                "_positional": positional,
                "_qualname": class_name(path),
                **attributes(path),
            },
        )
        cls.__module__ = module
        classes[path] = cls
    for name, attr in attributes("").items():
        if name in vars(root):
            raise RuntimeError(f"the catalogue name {name!r} clashes with {root.__name__}.{name}")
        setattr(root, name, attr)
    return classes
