# Generated from the core's endpoint catalogue: do not edit. Regenerate with
#   python bindings-python/tools/gen_stubs.py
"""Types of the endpoints, for type checkers only: every category and every
endpoint with its arguments (by position in the official SDK's order, the rest
by keyword), and what ``TikAPI`` / ``AsyncTikAPI`` hold (``_TikAPIEndpoints``,
``_AsyncTikAPIEndpoints``, their bases in ``api.py``). At runtime the
categories are installed by ``tikapi._surface.install`` and endpoints are
``tikapi._surface.Endpoint``; this module has no runtime counterpart."""

from typing import Any, Literal, Optional, TypeVar, overload

from . import types as _types
from .options import Options, ResumeToken
from .response import APIResponse, AsyncAPIResponse

_Client = TypeVar("_Client")


class _PublicCheckEndpoint:
    """``public.check``: GET /public/check"""

    def __call__(self, username: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicCheckV3Endpoint:
    """``public.checkV3``: GET /public/check/v3 [undocumented]"""

    def __call__(self, username: Optional[str] = None, user_id: Optional[str] = None, secUid: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicPostsEndpoint:
    """``public.posts``: GET /public/posts"""

    def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicPostsBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicPostsItem]: ...

class _PublicLikesEndpoint:
    """``public.likes``: GET /public/likes"""

    def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicLikesBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicLikesItem]: ...

class _PublicFollowersListEndpoint:
    """``public.followersList``: GET /public/followers"""

    def __call__(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicFollowersListBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicFollowersListItem]: ...

class _PublicFollowingListEndpoint:
    """``public.followingList``: GET /public/following"""

    def __call__(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicFollowingListBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicFollowingListItem]: ...

class _PublicExploreEndpoint:
    """``public.explore``: GET /public/explore"""

    def __call__(self, count: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicVideoEndpoint:
    """``public.video``: GET /public/video"""

    def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicVideoV2Endpoint:
    """``public.videoV2``: GET /public/video/v2 [undocumented]"""

    def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicVideoV3Endpoint:
    """``public.videoV3``: GET /public/video/v3 [undocumented]"""

    def __call__(self, id: str, username: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicRelatedPostsEndpoint:
    """``public.relatedPosts``: GET /public/related_posts"""

    def __call__(self, video_id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicPlaylistsEndpoint:
    """``public.playlists``: GET /public/playlists"""

    def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicPlaylistsBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicPlaylistsItem]: ...

class _PublicPlaylistItemsEndpoint:
    """``public.playlistItems``: GET /public/playlist/items"""

    def __call__(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicPlaylistItemsBody]: ...
    def items(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicPlaylistItemsItem]: ...

class _PublicExploreCategoryEndpoint:
    """``public.exploreCategory``: GET /public/explore/category [undocumented]"""

    def __call__(self, category_id: Any, count: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicHashtagEndpoint:
    """``public.hashtag``: GET /public/hashtag"""

    def __call__(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicHashtagBody]: ...
    def items(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicHashtagItem]: ...

class _PublicCommentsListEndpoint:
    """``public.commentsList``: GET /public/comment/list"""

    def __call__(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicCommentsListBody]: ...
    def items(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicCommentsListItem]: ...

class _PublicCommentRepliesListEndpoint:
    """``public.commentRepliesList``: GET /public/comment/reply/list"""

    def __call__(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicCommentRepliesListBody]: ...
    def items(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicCommentRepliesListItem]: ...

class _PublicMusicEndpoint:
    """``public.music``: GET /public/music"""

    def __call__(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicMusicBody]: ...
    def items(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicMusicItem]: ...

class _PublicMusicInfoEndpoint:
    """``public.musicInfo``: GET /public/music/info"""

    def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicDiscoverEndpoint:
    """``public.discover``: GET /public/discover/{category} (category (docs v3.1.4)); GET /public/discover/v3 (keyword (official SDK 3.2.2))"""

    @overload
    def __call__(self, *, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    @overload
    def __call__(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    @overload
    def pages(self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicDiscoverBody]: ...
    @overload
    def pages(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicDiscoverBody]: ...
    @overload
    def items(self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicDiscoverItem]: ...
    @overload
    def items(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicDiscoverItem]: ...

class _PublicDiscoverKeywordEndpoint:
    """``public.discoverKeyword``: GET /public/discover/keyword"""

    def __call__(self, keyword: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _PublicSearchEndpoint:
    """``public.search``: GET /public/search/{category}"""

    def __call__(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.PublicSearchBody]: ...
    def items(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.PublicSearchItem]: ...

class _UserInfoEndpoint:
    """``user.info``: GET /user/info"""

    def __call__(self, username: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserEditEndpoint:
    """``user.edit``: POST /user/edit/{field}"""

    def __call__(self, field: Literal['nickname', 'username', 'bio', 'private'], value: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserNotificationsEndpoint:
    """``user.notifications``: GET /user/notifications"""

    def __call__(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserNotificationsBody]: ...
    def items(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserNotificationsItem]: ...

class _UserAnalyticsEndpoint:
    """``user.analytics``: GET /creator/analytics/{type}"""

    def __call__(self, type: Literal['overview', 'content', 'video', 'followers', 'live'], days: Optional[float] = None, media_id: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserVerifyEndpoint:
    """``user.verify``: GET /user/session/check"""

    def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserFollowingV1Endpoint:
    """``user.followingV1``: GET /user/following/v1 [undocumented]"""

    def __call__(self, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserFollowingV1Body]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserFollowingV1Item]: ...

class _UserFollowingEndpoint:
    """``user.following``: GET /user/following"""

    def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserFollowingBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserFollowingItem]: ...

class _UserFollowersEndpoint:
    """``user.followers``: GET /user/followers"""

    def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserFollowersBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserFollowersItem]: ...

class _UserFollowEndpoint:
    """``user.follow``: POST /user/follow [undocumented, deprecated]"""

    def __call__(self, username: str, secUid: str, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserUnfollowEndpoint:
    """``user.unfollow``: POST /user/unfollow [undocumented, deprecated]"""

    def __call__(self, username: str, secUid: str, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsFeedEndpoint:
    """``user.posts.feed``: GET /user/feed"""

    def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsFeedBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsFeedItem]: ...

class _UserPostsLikesEndpoint:
    """``user.posts.likes``: GET /user/likes"""

    def __call__(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsLikesBody]: ...
    def items(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsLikesItem]: ...

class _UserPostsFollowingPostsEndpoint:
    """``user.posts.followingPosts``: GET /user/following_posts"""

    def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsFollowingPostsBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsFollowingPostsItem]: ...

class _UserPostsRelatedPostsEndpoint:
    """``user.posts.relatedPosts``: GET /user/related_posts"""

    def __call__(self, video_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsSavedPostsEndpoint:
    """``user.posts.savedPosts``: GET /user/saved"""

    def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsSavedPostsBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsSavedPostsItem]: ...

class _UserPostsPlaylistsEndpoint:
    """``user.posts.playlists``: GET /user/playlists"""

    def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsPlaylistsBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsPlaylistsItem]: ...

class _UserPostsPlaylistItemsEndpoint:
    """``user.posts.playlistItems``: GET /user/playlist/items"""

    def __call__(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsPlaylistItemsBody]: ...
    def items(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsPlaylistItemsItem]: ...

class _UserPostsExploreEndpoint:
    """``user.posts.explore``: GET /user/explore"""

    def __call__(self, count: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsSearchEndpoint:
    """``user.posts.search``: GET /user/search/{category}"""

    def __call__(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsSearchBody]: ...
    def items(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsSearchItem]: ...

class _UserPostsVideoEndpoint:
    """``user.posts.video``: GET /user/video"""

    def __call__(self, id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsLikeEndpoint:
    """``user.posts.like``: POST /user/like"""

    def __call__(self, media_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsUnlikeEndpoint:
    """``user.posts.unlike``: POST /user/unlike"""

    def __call__(self, media_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsCommentsListEndpoint:
    """``user.posts.comments.list``: GET /user/comment/list"""

    def __call__(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsCommentsListBody]: ...
    def items(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsCommentsListItem]: ...

class _UserPostsCommentsRepliesEndpoint:
    """``user.posts.comments.replies``: GET /user/comment/reply/list"""

    def __call__(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserPostsCommentsRepliesBody]: ...
    def items(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserPostsCommentsRepliesItem]: ...

class _UserPostsCommentsPostEndpoint:
    """``user.posts.comments.post``: POST /user/comment"""

    def __call__(self, media_id: str, text: str, reply_comment_id: Optional[str] = None, has_tags: Optional[bool] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsCommentsLikeEndpoint:
    """``user.posts.comments.like``: POST /user/comment/like"""

    def __call__(self, media_id: str, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsCommentsUnlikeEndpoint:
    """``user.posts.comments.unlike``: POST /user/comment/unlike"""

    def __call__(self, media_id: str, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserPostsCommentsDeleteEndpoint:
    """``user.posts.comments.delete``: POST /user/comment/delete"""

    def __call__(self, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserConversationsEndpoint:
    """``user.conversations``: GET /user/conversations"""

    def __call__(self, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserConversationsBody]: ...
    def items(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserConversationsItem]: ...

class _UserMessagesEndpoint:
    """``user.messages``: GET /user/messages"""

    def __call__(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserMessagesBody]: ...
    def items(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserMessagesItem]: ...

class _UserSendMessageEndpoint:
    """``user.sendMessage``: POST /user/message/send"""

    def __call__(self, text: str, conversation_id: str, conversation_short_id: str, ticket: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserConversationRequestsConversationsEndpoint:
    """``user.conversationRequests.conversations``: GET /user/conversations/requests"""

    def __call__(self, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserConversationRequestsConversationsBody]: ...
    def items(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[Any]: ...

class _UserConversationRequestsMessagesEndpoint:
    """``user.conversationRequests.messages``: GET /user/messages/requests"""

    def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserConversationRequestsMarkReadEndpoint:
    """``user.conversationRequests.markRead``: GET /user/conversations/requests/mark_read [undocumented]"""

    def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserConversationRequestsDeleteEndpoint:
    """``user.conversationRequests.delete``: GET /user/conversations/requests/delete"""

    def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserConversationRequestsAcceptEndpoint:
    """``user.conversationRequests.accept``: GET /user/conversations/requests/accept"""

    def __call__(self, conversation_id: Any, conversation_short_id: Any, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLivePermissionsEndpoint:
    """``user.live.permissions``: GET /user/live/info"""

    def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveStartEndpoint:
    """``user.live.start``: POST /user/live/start"""

    def __call__(self, title: Any, third_party: Optional[Any] = None, hashtag_id: Optional[float] = None, game_tag_id: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveStopEndpoint:
    """``user.live.stop``: POST /user/live/stop"""

    def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveInfoEndpoint:
    """``user.live.info``: GET /user/live/check"""

    def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveRecommendEndpoint:
    """``user.live.recommend``: GET /user/live/recommend"""

    def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveStatsEndpoint:
    """``user.live.stats``: GET /user/live/stats"""

    def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveChatEndpoint:
    """``user.live.chat``: GET /user/live/chat"""

    def __call__(self, room_id: str, nextCursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, room_id: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserLiveChatBody]: ...
    def items(self, room_id: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserLiveChatItem]: ...

class _UserLiveSendChatEndpoint:
    """``user.live.sendChat``: POST /user/live/chat/send"""

    def __call__(self, room_id: str, text: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveTopicsEndpoint:
    """``user.live.topics``: GET /user/live/topics"""

    def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveTransactionHistoryEndpoint:
    """``user.live.transactionHistory``: GET /user/wallet/transactions"""

    def __call__(self, page: Optional[Any] = None, count: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveSearchEndpoint:
    """``user.live.search``: GET /user/search/live"""

    def __call__(self, query: str, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, query: str, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserLiveSearchBody]: ...
    def items(self, query: str, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserLiveSearchItem]: ...

class _UserLiveAnalyticsEndpoint:
    """``user.live.analytics``: GET /user/live/analytics"""

    def __call__(self, days: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _UserLiveListEndpoint:
    """``user.live.list``: GET /user/live/list"""

    def __call__(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...
    def pages(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Pages[_types.UserLiveListBody]: ...
    def items(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.Items[_types.UserLiveListItem]: ...

class _UserLiveDetailsEndpoint:
    """``user.live.details``: GET /user/live/detail"""

    def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class _KeyEndpoint:
    """``key``: GET /key/info"""

    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> APIResponse: ...

class UserPostsComments:
    """The ``user.posts.comments`` category."""

    list: _UserPostsCommentsListEndpoint
    replies: _UserPostsCommentsRepliesEndpoint
    post: _UserPostsCommentsPostEndpoint
    like: _UserPostsCommentsLikeEndpoint
    unlike: _UserPostsCommentsUnlikeEndpoint
    delete: _UserPostsCommentsDeleteEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserPostsComments: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserPostsComments: ...
    def __copy__(self) -> UserPostsComments: ...
    def __deepcopy__(self, memo: Any) -> UserPostsComments: ...

class UserPosts:
    """The ``user.posts`` category."""

    feed: _UserPostsFeedEndpoint
    likes: _UserPostsLikesEndpoint
    followingPosts: _UserPostsFollowingPostsEndpoint
    relatedPosts: _UserPostsRelatedPostsEndpoint
    savedPosts: _UserPostsSavedPostsEndpoint
    playlists: _UserPostsPlaylistsEndpoint
    playlistItems: _UserPostsPlaylistItemsEndpoint
    explore: _UserPostsExploreEndpoint
    search: _UserPostsSearchEndpoint
    video: _UserPostsVideoEndpoint
    like: _UserPostsLikeEndpoint
    unlike: _UserPostsUnlikeEndpoint
    comments: UserPostsComments
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserPosts: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserPosts: ...
    def __copy__(self) -> UserPosts: ...
    def __deepcopy__(self, memo: Any) -> UserPosts: ...

class UserConversationRequests:
    """The ``user.conversationRequests`` category."""

    conversations: _UserConversationRequestsConversationsEndpoint
    messages: _UserConversationRequestsMessagesEndpoint
    markRead: _UserConversationRequestsMarkReadEndpoint
    delete: _UserConversationRequestsDeleteEndpoint
    accept: _UserConversationRequestsAcceptEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserConversationRequests: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserConversationRequests: ...
    def __copy__(self) -> UserConversationRequests: ...
    def __deepcopy__(self, memo: Any) -> UserConversationRequests: ...

class UserLive:
    """The ``user.live`` category."""

    permissions: _UserLivePermissionsEndpoint
    start: _UserLiveStartEndpoint
    stop: _UserLiveStopEndpoint
    info: _UserLiveInfoEndpoint
    recommend: _UserLiveRecommendEndpoint
    stats: _UserLiveStatsEndpoint
    chat: _UserLiveChatEndpoint
    sendChat: _UserLiveSendChatEndpoint
    topics: _UserLiveTopicsEndpoint
    transactionHistory: _UserLiveTransactionHistoryEndpoint
    search: _UserLiveSearchEndpoint
    analytics: _UserLiveAnalyticsEndpoint
    list: _UserLiveListEndpoint
    details: _UserLiveDetailsEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserLive: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> UserLive: ...
    def __copy__(self) -> UserLive: ...
    def __deepcopy__(self, memo: Any) -> UserLive: ...

class Public:
    """The ``public`` category."""

    check: _PublicCheckEndpoint
    checkV3: _PublicCheckV3Endpoint
    posts: _PublicPostsEndpoint
    likes: _PublicLikesEndpoint
    followersList: _PublicFollowersListEndpoint
    followingList: _PublicFollowingListEndpoint
    explore: _PublicExploreEndpoint
    video: _PublicVideoEndpoint
    videoV2: _PublicVideoV2Endpoint
    videoV3: _PublicVideoV3Endpoint
    relatedPosts: _PublicRelatedPostsEndpoint
    playlists: _PublicPlaylistsEndpoint
    playlistItems: _PublicPlaylistItemsEndpoint
    exploreCategory: _PublicExploreCategoryEndpoint
    hashtag: _PublicHashtagEndpoint
    commentsList: _PublicCommentsListEndpoint
    commentRepliesList: _PublicCommentRepliesListEndpoint
    music: _PublicMusicEndpoint
    musicInfo: _PublicMusicInfoEndpoint
    discover: _PublicDiscoverEndpoint
    discoverKeyword: _PublicDiscoverKeywordEndpoint
    search: _PublicSearchEndpoint
    def __call__(self, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> Public: ...
    def set(self, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> Public: ...
    def __copy__(self) -> Public: ...
    def __deepcopy__(self, memo: Any) -> Public: ...

class User:
    """The ``user`` category."""

    info: _UserInfoEndpoint
    edit: _UserEditEndpoint
    notifications: _UserNotificationsEndpoint
    analytics: _UserAnalyticsEndpoint
    verify: _UserVerifyEndpoint
    followingV1: _UserFollowingV1Endpoint
    following: _UserFollowingEndpoint
    followers: _UserFollowersEndpoint
    follow: _UserFollowEndpoint
    unfollow: _UserUnfollowEndpoint
    conversations: _UserConversationsEndpoint
    messages: _UserMessagesEndpoint
    sendMessage: _UserSendMessageEndpoint
    posts: UserPosts
    conversationRequests: UserConversationRequests
    live: UserLive
    def __call__(self, accountKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> User: ...
    def set(self, accountKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> User: ...
    def __copy__(self) -> User: ...
    def __deepcopy__(self, memo: Any) -> User: ...

class _TikAPIEndpoints:
    """The endpoints and categories of ``TikAPI``."""

    key: _KeyEndpoint
    public: Public
    user: User
    def set(self: _Client, apiKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> _Client: ...

class _AsyncPublicCheckEndpoint:
    """``public.check``: GET /public/check"""

    async def __call__(self, username: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicCheckV3Endpoint:
    """``public.checkV3``: GET /public/check/v3 [undocumented]"""

    async def __call__(self, username: Optional[str] = None, user_id: Optional[str] = None, secUid: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicPostsEndpoint:
    """``public.posts``: GET /public/posts"""

    async def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicPostsBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, user_id: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicPostsItem]: ...

class _AsyncPublicLikesEndpoint:
    """``public.likes``: GET /public/likes"""

    async def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicLikesBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicLikesItem]: ...

class _AsyncPublicFollowersListEndpoint:
    """``public.followersList``: GET /public/followers"""

    async def __call__(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicFollowersListBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicFollowersListItem]: ...

class _AsyncPublicFollowingListEndpoint:
    """``public.followingList``: GET /public/following"""

    async def __call__(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicFollowingListBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, nextCursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicFollowingListItem]: ...

class _AsyncPublicExploreEndpoint:
    """``public.explore``: GET /public/explore"""

    async def __call__(self, count: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicVideoEndpoint:
    """``public.video``: GET /public/video"""

    async def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicVideoV2Endpoint:
    """``public.videoV2``: GET /public/video/v2 [undocumented]"""

    async def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicVideoV3Endpoint:
    """``public.videoV3``: GET /public/video/v3 [undocumented]"""

    async def __call__(self, id: str, username: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicRelatedPostsEndpoint:
    """``public.relatedPosts``: GET /public/related_posts"""

    async def __call__(self, video_id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicPlaylistsEndpoint:
    """``public.playlists``: GET /public/playlists"""

    async def __call__(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicPlaylistsBody]: ...
    def items(self, secUid: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicPlaylistsItem]: ...

class _AsyncPublicPlaylistItemsEndpoint:
    """``public.playlistItems``: GET /public/playlist/items"""

    async def __call__(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicPlaylistItemsBody]: ...
    def items(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicPlaylistItemsItem]: ...

class _AsyncPublicExploreCategoryEndpoint:
    """``public.exploreCategory``: GET /public/explore/category [undocumented]"""

    async def __call__(self, category_id: Any, count: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicHashtagEndpoint:
    """``public.hashtag``: GET /public/hashtag"""

    async def __call__(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicHashtagBody]: ...
    def items(self, id: Optional[str] = None, name: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicHashtagItem]: ...

class _AsyncPublicCommentsListEndpoint:
    """``public.commentsList``: GET /public/comment/list"""

    async def __call__(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicCommentsListBody]: ...
    def items(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicCommentsListItem]: ...

class _AsyncPublicCommentRepliesListEndpoint:
    """``public.commentRepliesList``: GET /public/comment/reply/list"""

    async def __call__(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicCommentRepliesListBody]: ...
    def items(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicCommentRepliesListItem]: ...

class _AsyncPublicMusicEndpoint:
    """``public.music``: GET /public/music"""

    async def __call__(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicMusicBody]: ...
    def items(self, id: str, count: Optional[float] = None, cursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicMusicItem]: ...

class _AsyncPublicMusicInfoEndpoint:
    """``public.musicInfo``: GET /public/music/info"""

    async def __call__(self, id: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicDiscoverEndpoint:
    """``public.discover``: GET /public/discover/{category} (category (docs v3.1.4)); GET /public/discover/v3 (keyword (official SDK 3.2.2))"""

    @overload
    async def __call__(self, *, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    @overload
    async def __call__(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    @overload
    def pages(self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicDiscoverBody]: ...
    @overload
    def pages(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicDiscoverBody]: ...
    @overload
    def items(self, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, category: Literal['users', 'music', 'hashtag'], country: Optional[str] = None, session_id: Optional[float] = None, count: Optional[float] = None, offset: Optional[float] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicDiscoverItem]: ...
    @overload
    def items(self, keyword: str, count: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, session_id: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicDiscoverItem]: ...

class _AsyncPublicDiscoverKeywordEndpoint:
    """``public.discoverKeyword``: GET /public/discover/keyword"""

    async def __call__(self, keyword: str, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncPublicSearchEndpoint:
    """``public.search``: GET /public/search/{category}"""

    async def __call__(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.PublicSearchBody]: ...
    def items(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, session_id: Optional[float] = None, nextCursor: Optional[str] = None, country: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.PublicSearchItem]: ...

class _AsyncUserInfoEndpoint:
    """``user.info``: GET /user/info"""

    async def __call__(self, username: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserEditEndpoint:
    """``user.edit``: POST /user/edit/{field}"""

    async def __call__(self, field: Literal['nickname', 'username', 'bio', 'private'], value: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserNotificationsEndpoint:
    """``user.notifications``: GET /user/notifications"""

    async def __call__(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserNotificationsBody]: ...
    def items(self, filter: Optional[Literal['all', 'likes', 'comments', 'mentions', 'followers']] = None, count: Optional[float] = None, max_time: Optional[Any] = None, min_time: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserNotificationsItem]: ...

class _AsyncUserAnalyticsEndpoint:
    """``user.analytics``: GET /creator/analytics/{type}"""

    async def __call__(self, type: Literal['overview', 'content', 'video', 'followers', 'live'], days: Optional[float] = None, media_id: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserVerifyEndpoint:
    """``user.verify``: GET /user/session/check"""

    async def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserFollowingV1Endpoint:
    """``user.followingV1``: GET /user/following/v1 [undocumented]"""

    async def __call__(self, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserFollowingV1Body]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserFollowingV1Item]: ...

class _AsyncUserFollowingEndpoint:
    """``user.following``: GET /user/following"""

    async def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserFollowingBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserFollowingItem]: ...

class _AsyncUserFollowersEndpoint:
    """``user.followers``: GET /user/followers"""

    async def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserFollowersBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserFollowersItem]: ...

class _AsyncUserFollowEndpoint:
    """``user.follow``: POST /user/follow [undocumented, deprecated]"""

    async def __call__(self, username: str, secUid: str, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserUnfollowEndpoint:
    """``user.unfollow``: POST /user/unfollow [undocumented, deprecated]"""

    async def __call__(self, username: str, secUid: str, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsFeedEndpoint:
    """``user.posts.feed``: GET /user/feed"""

    async def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsFeedBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, secUid: Optional[str] = None, user_id: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsFeedItem]: ...

class _AsyncUserPostsLikesEndpoint:
    """``user.posts.likes``: GET /user/likes"""

    async def __call__(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsLikesBody]: ...
    def items(self, count: Optional[float] = None, secUid: Optional[str] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsLikesItem]: ...

class _AsyncUserPostsFollowingPostsEndpoint:
    """``user.posts.followingPosts``: GET /user/following_posts"""

    async def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsFollowingPostsBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsFollowingPostsItem]: ...

class _AsyncUserPostsRelatedPostsEndpoint:
    """``user.posts.relatedPosts``: GET /user/related_posts"""

    async def __call__(self, video_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsSavedPostsEndpoint:
    """``user.posts.savedPosts``: GET /user/saved"""

    async def __call__(self, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsSavedPostsBody]: ...
    def items(self, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsSavedPostsItem]: ...

class _AsyncUserPostsPlaylistsEndpoint:
    """``user.posts.playlists``: GET /user/playlists"""

    async def __call__(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsPlaylistsBody]: ...
    def items(self, secUid: Optional[str] = None, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsPlaylistsItem]: ...

class _AsyncUserPostsPlaylistItemsEndpoint:
    """``user.posts.playlistItems``: GET /user/playlist/items"""

    async def __call__(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsPlaylistItemsBody]: ...
    def items(self, playlist_id: Any, count: Optional[float] = None, cursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsPlaylistItemsItem]: ...

class _AsyncUserPostsExploreEndpoint:
    """``user.posts.explore``: GET /user/explore"""

    async def __call__(self, count: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsSearchEndpoint:
    """``user.posts.search``: GET /user/search/{category}"""

    async def __call__(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsSearchBody]: ...
    def items(self, category: Literal['general', 'users', 'videos', 'autocomplete'], query: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsSearchItem]: ...

class _AsyncUserPostsVideoEndpoint:
    """``user.posts.video``: GET /user/video"""

    async def __call__(self, id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsLikeEndpoint:
    """``user.posts.like``: POST /user/like"""

    async def __call__(self, media_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsUnlikeEndpoint:
    """``user.posts.unlike``: POST /user/unlike"""

    async def __call__(self, media_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsCommentsListEndpoint:
    """``user.posts.comments.list``: GET /user/comment/list"""

    async def __call__(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsCommentsListBody]: ...
    def items(self, media_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsCommentsListItem]: ...

class _AsyncUserPostsCommentsRepliesEndpoint:
    """``user.posts.comments.replies``: GET /user/comment/reply/list"""

    async def __call__(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserPostsCommentsRepliesBody]: ...
    def items(self, media_id: str, comment_id: str, count: Optional[float] = None, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserPostsCommentsRepliesItem]: ...

class _AsyncUserPostsCommentsPostEndpoint:
    """``user.posts.comments.post``: POST /user/comment"""

    async def __call__(self, media_id: str, text: str, reply_comment_id: Optional[str] = None, has_tags: Optional[bool] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsCommentsLikeEndpoint:
    """``user.posts.comments.like``: POST /user/comment/like"""

    async def __call__(self, media_id: str, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsCommentsUnlikeEndpoint:
    """``user.posts.comments.unlike``: POST /user/comment/unlike"""

    async def __call__(self, media_id: str, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserPostsCommentsDeleteEndpoint:
    """``user.posts.comments.delete``: POST /user/comment/delete"""

    async def __call__(self, comment_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserConversationsEndpoint:
    """``user.conversations``: GET /user/conversations"""

    async def __call__(self, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserConversationsBody]: ...
    def items(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserConversationsItem]: ...

class _AsyncUserMessagesEndpoint:
    """``user.messages``: GET /user/messages"""

    async def __call__(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserMessagesBody]: ...
    def items(self, conversation_id: Any, conversation_short_id: Any, nextCursor: Optional[str] = None, limit: Optional[Any] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserMessagesItem]: ...

class _AsyncUserSendMessageEndpoint:
    """``user.sendMessage``: POST /user/message/send"""

    async def __call__(self, text: str, conversation_id: str, conversation_short_id: str, ticket: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserConversationRequestsConversationsEndpoint:
    """``user.conversationRequests.conversations``: GET /user/conversations/requests"""

    async def __call__(self, nextCursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserConversationRequestsConversationsBody]: ...
    def items(self, nextCursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[Any]: ...

class _AsyncUserConversationRequestsMessagesEndpoint:
    """``user.conversationRequests.messages``: GET /user/messages/requests"""

    async def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserConversationRequestsMarkReadEndpoint:
    """``user.conversationRequests.markRead``: GET /user/conversations/requests/mark_read [undocumented]"""

    async def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserConversationRequestsDeleteEndpoint:
    """``user.conversationRequests.delete``: GET /user/conversations/requests/delete"""

    async def __call__(self, conversation_id: Any, conversation_short_id: Any, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserConversationRequestsAcceptEndpoint:
    """``user.conversationRequests.accept``: GET /user/conversations/requests/accept"""

    async def __call__(self, conversation_id: Any, conversation_short_id: Any, user_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLivePermissionsEndpoint:
    """``user.live.permissions``: GET /user/live/info"""

    async def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveStartEndpoint:
    """``user.live.start``: POST /user/live/start"""

    async def __call__(self, title: Any, third_party: Optional[Any] = None, hashtag_id: Optional[float] = None, game_tag_id: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveStopEndpoint:
    """``user.live.stop``: POST /user/live/stop"""

    async def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveInfoEndpoint:
    """``user.live.info``: GET /user/live/check"""

    async def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveRecommendEndpoint:
    """``user.live.recommend``: GET /user/live/recommend"""

    async def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveStatsEndpoint:
    """``user.live.stats``: GET /user/live/stats"""

    async def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveChatEndpoint:
    """``user.live.chat``: GET /user/live/chat"""

    async def __call__(self, room_id: str, nextCursor: Optional[str] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, room_id: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserLiveChatBody]: ...
    def items(self, room_id: str, nextCursor: Optional[str] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserLiveChatItem]: ...

class _AsyncUserLiveSendChatEndpoint:
    """``user.live.sendChat``: POST /user/live/chat/send"""

    async def __call__(self, room_id: str, text: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveTopicsEndpoint:
    """``user.live.topics``: GET /user/live/topics"""

    async def __call__(self, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveTransactionHistoryEndpoint:
    """``user.live.transactionHistory``: GET /user/wallet/transactions"""

    async def __call__(self, page: Optional[Any] = None, count: Optional[Any] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveSearchEndpoint:
    """``user.live.search``: GET /user/search/live"""

    async def __call__(self, query: str, cursor: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, query: str, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserLiveSearchBody]: ...
    def items(self, query: str, cursor: Optional[float] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserLiveSearchItem]: ...

class _AsyncUserLiveAnalyticsEndpoint:
    """``user.live.analytics``: GET /user/live/analytics"""

    async def __call__(self, days: Optional[float] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncUserLiveListEndpoint:
    """``user.live.list``: GET /user/live/list"""

    async def __call__(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...
    def pages(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncPages[_types.UserLiveListBody]: ...
    def items(self, count: Optional[float] = None, offset: Optional[float] = None, sort: Optional[Literal[0, 1]] = None, *, max_pages: Optional[int] = None, max_items: Optional[int] = None, resume: Optional[ResumeToken] = None, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> _types.AsyncItems[_types.UserLiveListItem]: ...

class _AsyncUserLiveDetailsEndpoint:
    """``user.live.details``: GET /user/live/detail"""

    async def __call__(self, room_id: str, *, accountKey: Optional[Any] = None, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class _AsyncKeyEndpoint:
    """``key``: GET /key/info"""

    async def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None) -> AsyncAPIResponse: ...

class AsyncUserPostsComments:
    """The ``user.posts.comments`` category."""

    list: _AsyncUserPostsCommentsListEndpoint
    replies: _AsyncUserPostsCommentsRepliesEndpoint
    post: _AsyncUserPostsCommentsPostEndpoint
    like: _AsyncUserPostsCommentsLikeEndpoint
    unlike: _AsyncUserPostsCommentsUnlikeEndpoint
    delete: _AsyncUserPostsCommentsDeleteEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserPostsComments: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserPostsComments: ...
    def __copy__(self) -> AsyncUserPostsComments: ...
    def __deepcopy__(self, memo: Any) -> AsyncUserPostsComments: ...

class AsyncUserPosts:
    """The ``user.posts`` category."""

    feed: _AsyncUserPostsFeedEndpoint
    likes: _AsyncUserPostsLikesEndpoint
    followingPosts: _AsyncUserPostsFollowingPostsEndpoint
    relatedPosts: _AsyncUserPostsRelatedPostsEndpoint
    savedPosts: _AsyncUserPostsSavedPostsEndpoint
    playlists: _AsyncUserPostsPlaylistsEndpoint
    playlistItems: _AsyncUserPostsPlaylistItemsEndpoint
    explore: _AsyncUserPostsExploreEndpoint
    search: _AsyncUserPostsSearchEndpoint
    video: _AsyncUserPostsVideoEndpoint
    like: _AsyncUserPostsLikeEndpoint
    unlike: _AsyncUserPostsUnlikeEndpoint
    comments: AsyncUserPostsComments
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserPosts: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserPosts: ...
    def __copy__(self) -> AsyncUserPosts: ...
    def __deepcopy__(self, memo: Any) -> AsyncUserPosts: ...

class AsyncUserConversationRequests:
    """The ``user.conversationRequests`` category."""

    conversations: _AsyncUserConversationRequestsConversationsEndpoint
    messages: _AsyncUserConversationRequestsMessagesEndpoint
    markRead: _AsyncUserConversationRequestsMarkReadEndpoint
    delete: _AsyncUserConversationRequestsDeleteEndpoint
    accept: _AsyncUserConversationRequestsAcceptEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserConversationRequests: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserConversationRequests: ...
    def __copy__(self) -> AsyncUserConversationRequests: ...
    def __deepcopy__(self, memo: Any) -> AsyncUserConversationRequests: ...

class AsyncUserLive:
    """The ``user.live`` category."""

    permissions: _AsyncUserLivePermissionsEndpoint
    start: _AsyncUserLiveStartEndpoint
    stop: _AsyncUserLiveStopEndpoint
    info: _AsyncUserLiveInfoEndpoint
    recommend: _AsyncUserLiveRecommendEndpoint
    stats: _AsyncUserLiveStatsEndpoint
    chat: _AsyncUserLiveChatEndpoint
    sendChat: _AsyncUserLiveSendChatEndpoint
    topics: _AsyncUserLiveTopicsEndpoint
    transactionHistory: _AsyncUserLiveTransactionHistoryEndpoint
    search: _AsyncUserLiveSearchEndpoint
    analytics: _AsyncUserLiveAnalyticsEndpoint
    list: _AsyncUserLiveListEndpoint
    details: _AsyncUserLiveDetailsEndpoint
    def __call__(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserLive: ...
    def set(self, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUserLive: ...
    def __copy__(self) -> AsyncUserLive: ...
    def __deepcopy__(self, memo: Any) -> AsyncUserLive: ...

class AsyncPublic:
    """The ``public`` category."""

    check: _AsyncPublicCheckEndpoint
    checkV3: _AsyncPublicCheckV3Endpoint
    posts: _AsyncPublicPostsEndpoint
    likes: _AsyncPublicLikesEndpoint
    followersList: _AsyncPublicFollowersListEndpoint
    followingList: _AsyncPublicFollowingListEndpoint
    explore: _AsyncPublicExploreEndpoint
    video: _AsyncPublicVideoEndpoint
    videoV2: _AsyncPublicVideoV2Endpoint
    videoV3: _AsyncPublicVideoV3Endpoint
    relatedPosts: _AsyncPublicRelatedPostsEndpoint
    playlists: _AsyncPublicPlaylistsEndpoint
    playlistItems: _AsyncPublicPlaylistItemsEndpoint
    exploreCategory: _AsyncPublicExploreCategoryEndpoint
    hashtag: _AsyncPublicHashtagEndpoint
    commentsList: _AsyncPublicCommentsListEndpoint
    commentRepliesList: _AsyncPublicCommentRepliesListEndpoint
    music: _AsyncPublicMusicEndpoint
    musicInfo: _AsyncPublicMusicInfoEndpoint
    discover: _AsyncPublicDiscoverEndpoint
    discoverKeyword: _AsyncPublicDiscoverKeywordEndpoint
    search: _AsyncPublicSearchEndpoint
    def __call__(self, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncPublic: ...
    def set(self, country: Optional[str] = None, session_id: Optional[float] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncPublic: ...
    def __copy__(self) -> AsyncPublic: ...
    def __deepcopy__(self, memo: Any) -> AsyncPublic: ...

class AsyncUser:
    """The ``user`` category."""

    info: _AsyncUserInfoEndpoint
    edit: _AsyncUserEditEndpoint
    notifications: _AsyncUserNotificationsEndpoint
    analytics: _AsyncUserAnalyticsEndpoint
    verify: _AsyncUserVerifyEndpoint
    followingV1: _AsyncUserFollowingV1Endpoint
    following: _AsyncUserFollowingEndpoint
    followers: _AsyncUserFollowersEndpoint
    follow: _AsyncUserFollowEndpoint
    unfollow: _AsyncUserUnfollowEndpoint
    conversations: _AsyncUserConversationsEndpoint
    messages: _AsyncUserMessagesEndpoint
    sendMessage: _AsyncUserSendMessageEndpoint
    posts: AsyncUserPosts
    conversationRequests: AsyncUserConversationRequests
    live: AsyncUserLive
    def __call__(self, accountKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUser: ...
    def set(self, accountKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> AsyncUser: ...
    def __copy__(self) -> AsyncUser: ...
    def __deepcopy__(self, memo: Any) -> AsyncUser: ...

class _AsyncTikAPIEndpoints:
    """The endpoints and categories of ``AsyncTikAPI``."""

    key: _AsyncKeyEndpoint
    public: AsyncPublic
    user: AsyncUser
    def set(self: _Client, apiKey: Optional[Any] = None, *, __sandbox__: Optional[bool] = None, __options__: Optional[Options] = None, **defaults: Any) -> _Client: ...
