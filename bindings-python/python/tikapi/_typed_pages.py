"""The page and item types of ``pages()`` / ``items()`` for type checkers: a page whose ``json()``
is its endpoint's body type. Hand-written; ``tikapi.types`` (generated)
re-exports them. Nothing here exists at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

B = TypeVar("B")
T = TypeVar("T")

if TYPE_CHECKING:
    from ._surface import AsyncItemIterator, AsyncPageIterator, ItemIterator, PageIterator
    from .response import APIResponse, AsyncAPIResponse

    class PageResponse(APIResponse, Generic[B]):
        """A page of ``pages()``: ``json()`` is the endpoint's body type."""

        def json(self, **kwargs: Any) -> B: ...

    class AsyncPageResponse(AsyncAPIResponse, Generic[B]):
        """A page of an async ``pages()``: ``json()`` is the endpoint's body type."""

        def json(self, **kwargs: Any) -> B: ...

    class Pages(PageIterator, Generic[B]):
        """``pages()`` of an endpoint whose body type is ``B``."""

        def __iter__(self) -> Pages[B]: ...

        def __next__(self) -> PageResponse[B]: ...

    class AsyncPages(AsyncPageIterator, Generic[B]):
        """``pages()`` of an async endpoint whose body type is ``B``."""

        def __aiter__(self) -> AsyncPages[B]: ...

        async def __anext__(self) -> AsyncPageResponse[B]: ...

    class Items(ItemIterator, Generic[T]):
        """``items()`` of an endpoint whose item type is ``T``."""

        def __iter__(self) -> Items[T]: ...

        def __next__(self) -> T: ...

    class AsyncItems(AsyncItemIterator, Generic[T]):
        """``items()`` of an async endpoint whose item type is ``T``."""

        def __aiter__(self) -> AsyncItems[T]: ...

        async def __anext__(self) -> T: ...
