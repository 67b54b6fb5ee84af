# Generated from the core's answer schema (core/data/answers.json): do not edit.
# Regenerate with
#   python bindings-python/tools/gen_types.py
"""Typed answers: what each endpoint's ``json()`` holds, as ``TypedDict``.

``response.json()`` stays ``Any``, as in the official SDK; annotate to get a
checked, autocompleted body::

    from tikapi.types import PublicCheckBody

    body: PublicCheckBody = api.public.check(username="lilyachty").json()
    body["userInfo"]["user"]["uniqueId"]

An endpoint's ``pages()`` yields responses whose ``json()`` is its body type,
and its ``items()`` yields its item type (``Item`` for posts). Keys that not
every real answer has are optional; the service may send more keys than
these. The JSON Schema of every answer: ``tikapi schema ENDPOINT``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, TypedDict, Union

_AcknowledgementAnswer = TypedDict(
    "_AcknowledgementAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
    },
)
_AcknowledgementAnswerOptional = TypedDict(
    "_AcknowledgementAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "is_digg": "int",
        "follow_status": "int",
        "watch_status": "int",
        "msg": "str",
    },
    total=False,
)


class AcknowledgementAnswer(_AcknowledgementAnswer, _AcknowledgementAnswerOptional):
    "A write's acknowledgement. Grounded in: sample."


_AnalyticsAnswer = TypedDict(
    "_AnalyticsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
    },
)
_AnalyticsAnswerOptional = TypedDict(
    "_AnalyticsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "type": "str",
        "days": "int",
        "comment_history": "List[Any]",
        "like_history": "List[Any]",
        "pv_history": "List[Any]",
        "share_history": "List[Any]",
        "vv_history": "List[Any]",
        "follower_num_history": "List[Any]",
        "follower_num": "Dict[str, Any]",
        "user_info": "User",
    },
    total=False,
)


class AnalyticsAnswer(_AnalyticsAnswer, _AnalyticsAnswerOptional):
    "Creator analytics: a daily series per measure. Grounded in: modelled."


_AppEnvelope = TypedDict(
    "_AppEnvelope",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
    },
)
_AppEnvelopeOptional = TypedDict(
    "_AppEnvelopeOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class AppEnvelope(_AppEnvelope, _AppEnvelopeOptional):
    "TikAPI's keys and TikTok's snake_case codes, on snake_case answers."


_Bitrate = TypedDict(
    "_Bitrate",
    {
        "GearName": "str",
        "Bitrate": "int",
        "QualityType": "int",
        "CodecType": "str",
        "PlayAddr": "PlayAddr",
    },
)
_BitrateOptional = TypedDict(
    "_BitrateOptional",
    {
        "MVMAF": "str",
    },
    total=False,
)


class Bitrate(_Bitrate, _BitrateOptional):
    "``Bitrate``."


_Challenge = TypedDict(
    "_Challenge",
    {
        "id": "str",
        "title": "str",
        "desc": "str",
        "coverLarger": "str",
        "coverMedium": "str",
        "coverThumb": "str",
        "profileLarger": "str",
        "profileMedium": "str",
        "profileThumb": "str",
    },
)
_ChallengeOptional = TypedDict(
    "_ChallengeOptional",
    {
        "isCommerce": "bool",
        "stats": "ChallengeStats",
    },
    total=False,
)


class Challenge(_Challenge, _ChallengeOptional):
    "A hashtag."


_ChallengeEntry = TypedDict(
    "_ChallengeEntry",
    {
        "challenge": "Challenge",
        "stats": "ChallengeStats",
    },
)
_ChallengeEntryOptional = TypedDict(
    "_ChallengeEntryOptional",
    {},
    total=False,
)


class ChallengeEntry(_ChallengeEntry, _ChallengeEntryOptional):
    "``ChallengeEntry``."


_ChallengeInfo = TypedDict(
    "_ChallengeInfo",
    {
        "challenge": "Challenge",
        "stats": "ChallengeStats",
    },
)
_ChallengeInfoOptional = TypedDict(
    "_ChallengeInfoOptional",
    {
        "statsV2": "Dict[str, Any]",
        "challengeAnnouncement": "Dict[str, Any]",
    },
    total=False,
)


class ChallengeInfo(_ChallengeInfo, _ChallengeInfoOptional):
    "``ChallengeInfo``."


_ChallengeStats = TypedDict(
    "_ChallengeStats",
    {
        "videoCount": "int",
        "viewCount": "int",
    },
)
_ChallengeStatsOptional = TypedDict(
    "_ChallengeStatsOptional",
    {},
    total=False,
)


class ChallengeStats(_ChallengeStats, _ChallengeStatsOptional):
    "``ChallengeStats``."


_Comment = TypedDict(
    "_Comment",
    {
        "cid": "str",
        "aweme_id": "str",
        "text": "str",
        "create_time": "int",
        "digg_count": "int",
        "reply_id": "str",
        "reply_to_reply_id": "str",
        "status": "int",
        "text_extra": "List[CommentTextExtra]",
        "user": "CommentUser",
        "user_digged": "int",
        "user_buried": "bool",
        "is_author_digged": "bool",
    },
)
_CommentOptional = TypedDict(
    "_CommentOptional",
    {
        "reply_comment_total": "int",
        "reply_comment": "Union[List[Comment], None]",
        "author_pin": "bool",
        "collect_stat": "int",
        "comment_language": "str",
        "no_show": "bool",
        "stick_position": "int",
        "label_list": "Union[List[Any], None]",
        "image_list": "Union[List[Any], None]",
        "share_info": "Dict[str, Any]",
    },
    total=False,
)


class Comment(_Comment, _CommentOptional):
    "A comment or a reply, snake_case."


_CommentPostedAnswer = TypedDict(
    "_CommentPostedAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "comment": "Comment",
    },
)
_CommentPostedAnswerOptional = TypedDict(
    "_CommentPostedAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class CommentPostedAnswer(_CommentPostedAnswer, _CommentPostedAnswerOptional):
    "The comment as posted. Grounded in: sample."


_CommentTextExtra = TypedDict(
    "_CommentTextExtra",
    {
        "start": "int",
        "end": "int",
        "type": "int",
    },
)
_CommentTextExtraOptional = TypedDict(
    "_CommentTextExtraOptional",
    {
        "hashtag_name": "str",
        "hashtag_id": "str",
        "user_id": "str",
        "sec_uid": "str",
    },
    total=False,
)


class CommentTextExtra(_CommentTextExtra, _CommentTextExtraOptional):
    "``CommentTextExtra``."


_CommentUser = TypedDict(
    "_CommentUser",
    {
        "uid": "str",
        "unique_id": "str",
        "sec_uid": "str",
        "nickname": "str",
        "avatar_thumb": "Image2",
    },
)
_CommentUserOptional = TypedDict(
    "_CommentUserOptional",
    {
        "custom_verify": "str",
        "enterprise_verify_reason": "str",
        "id": "str",
        "uniqueId": "str",
        "secUid": "str",
        "avatarThumb": "str",
    },
    total=False,
)


class CommentUser(_CommentUser, _CommentUserOptional):
    "A comment's author, snake_case as the web API sends it (the camelCase keys are this sandbox's additions)."


_CommentsAnswer = TypedDict(
    "_CommentsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "comments": "List[Comment]",
        "cursor": "int",
        "has_more": "int",
        "total": "int",
        "reply_style": "int",
    },
)
_CommentsAnswerOptional = TypedDict(
    "_CommentsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "alias_comment_deleted": "bool",
        "has_filtered_comments": "int",
        "top_gifts": "Union[List[Any], None]",
    },
    total=False,
)


class CommentsAnswer(_CommentsAnswer, _CommentsAnswerOptional):
    "A page of a post's comments. Grounded in: web."


_CommerceUserInfo = TypedDict(
    "_CommerceUserInfo",
    {
        "commerceUser": "bool",
    },
)
_CommerceUserInfoOptional = TypedDict(
    "_CommerceUserInfoOptional",
    {
        "category": "str",
        "categoryButton": "bool",
    },
    total=False,
)


class CommerceUserInfo(_CommerceUserInfo, _CommerceUserInfoOptional):
    "``CommerceUserInfo``."


_Content = TypedDict(
    "_Content",
    {
        "desc": "str",
        "textExtra": "List[TextExtra]",
    },
)
_ContentOptional = TypedDict(
    "_ContentOptional",
    {},
    total=False,
)


class Content(_Content, _ContentOptional):
    "``Content``."


_Conversation = TypedDict(
    "_Conversation",
    {
        "id": "str",
        "short_id": "str",
        "ticket": "str",
    },
)
_ConversationOptional = TypedDict(
    "_ConversationOptional",
    {
        "conversationType": "int",
        "inboxType": "int",
        "isParticipant": "bool",
        "participantsCount": "int",
        "participantsUid": "List[str]",
        "ownerUid": "str",
        "ownerSecUid": "str",
        "messages": "List[Message]",
        "mute": "int",
        "favorite": "int",
        "notice": "str",
        "conversation_id": "str",
        "conversation_short_id": "str",
        "participants": "List[Any]",
        "unread_count": "int",
        "last_message": "Dict[str, Any]",
    },
    total=False,
)


class Conversation(_Conversation, _ConversationOptional):
    "``Conversation``."


_ConversationRequestsAnswer = TypedDict(
    "_ConversationRequestsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "conversation_requests": "List[Conversation]",
        "hasMore": "bool",
    },
)
_ConversationRequestsAnswerOptional = TypedDict(
    "_ConversationRequestsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "nextCursor": "Union[str, int]",
        "error_desc": "str",
        "inbox_type": "int",
    },
    total=False,
)


class ConversationRequestsAnswer(_ConversationRequestsAnswer, _ConversationRequestsAnswerOptional):
    "A page of the account's message requests. Grounded in: modelled."


_ConversationsAnswer = TypedDict(
    "_ConversationsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "conversations": "List[Conversation]",
        "hasMore": "bool",
    },
)
_ConversationsAnswerOptional = TypedDict(
    "_ConversationsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "nextCursor": "Union[str, int]",
        "error_desc": "str",
        "inbox_type": "int",
    },
    total=False,
)


class ConversationsAnswer(_ConversationsAnswer, _ConversationsAnswerOptional):
    "A page of the account's conversations. Grounded in: sample."


_DiscoverAnswer = TypedDict(
    "_DiscoverAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "hasMore": "bool",
    },
)
_DiscoverAnswerOptional = TypedDict(
    "_DiscoverAnswerOptional",
    {
        "status_msg": "str",
        "userList": "List[UserEntry]",
        "music": "List[Music]",
        "challenges": "List[ChallengeEntry]",
        "itemList": "List[Item]",
        "offset": "int",
        "nextCursor": "str",
        "$other": "Other",
    },
    total=False,
)


class DiscoverAnswer(_DiscoverAnswer, _DiscoverAnswerOptional):
    "Users (userList), sounds (music) or hashtags (challenges) of a region by offset; posts (itemList) for a keyword. Grounded in: sample."


_DiscoverKeywordAnswer = TypedDict(
    "_DiscoverKeywordAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "itemList": "List[Item]",
        "users": "List[UserEntry]",
        "hasMore": "bool",
    },
)
_DiscoverKeywordAnswerOptional = TypedDict(
    "_DiscoverKeywordAnswerOptional",
    {
        "status_msg": "str",
        "$other": "Other",
    },
    total=False,
)


class DiscoverKeywordAnswer(_DiscoverKeywordAnswer, _DiscoverKeywordAnswerOptional):
    "A keyword's posts and the users it matches. Grounded in: modelled."


_DuetInfo = TypedDict(
    "_DuetInfo",
    {
        "duetFromId": "str",
    },
)
_DuetInfoOptional = TypedDict(
    "_DuetInfoOptional",
    {},
    total=False,
)


class DuetInfo(_DuetInfo, _DuetInfoOptional):
    "``DuetInfo``."


_EditAnswer = TypedDict(
    "_EditAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "user": "Dict[str, Any]",
    },
)
_EditAnswerOptional = TypedDict(
    "_EditAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "data": "Dict[str, Any]",
    },
    total=False,
)


class EditAnswer(_EditAnswer, _EditAnswerOptional):
    "The edited profile. Grounded in: sample."


_Envelope = TypedDict(
    "_Envelope",
    {
        "status": "str",
        "message": "str",
    },
)
_EnvelopeOptional = TypedDict(
    "_EnvelopeOptional",
    {},
    total=False,
)


class Envelope(_Envelope, _EnvelopeOptional):
    "What TikAPI adds to every answer."


_Error = TypedDict(
    "_Error",
    {
        "status": "str",
        "message": "str",
    },
)
_ErrorOptional = TypedDict(
    "_ErrorOptional",
    {
        "statusCode": "int",
        "fields": "Dict[str, Any]",
    },
    total=False,
)


class Error(_Error, _ErrorOptional):
    "Every error answer (HTTP 4xx/5xx)."


_Extra = TypedDict(
    "_Extra",
    {
        "fatal_item_ids": "Union[List[Any], None]",
        "now": "int",
    },
)
_ExtraOptional = TypedDict(
    "_ExtraOptional",
    {
        "logid": "str",
    },
    total=False,
)


class Extra(_Extra, _ExtraOptional):
    "``Extra``."


_FollowInfo = TypedDict(
    "_FollowInfo",
    {
        "followingCount": "str",
        "followerCount": "str",
        "followStatus": "str",
        "pushStatus": "str",
    },
)
_FollowInfoOptional = TypedDict(
    "_FollowInfoOptional",
    {},
    total=False,
)


class FollowInfo(_FollowInfo, _FollowInfoOptional):
    "``FollowInfo``."


_HashtagAnswer = TypedDict(
    "_HashtagAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
)
_HashtagAnswerOptional = TypedDict(
    "_HashtagAnswerOptional",
    {
        "status_msg": "str",
        "itemList": "List[Item]",
        "hasMore": "bool",
        "cursor": "str",
        "$other": "Other",
        "challengeInfo": "ChallengeInfo",
    },
    total=False,
)


class HashtagAnswer(_HashtagAnswer, _HashtagAnswerOptional):
    "By id, a page of the hashtag's posts (with challengeInfo when name is given too); by name alone, the hashtag's challengeInfo. Grounded in: real."


_Image = TypedDict(
    "_Image",
    {
        "imageURL": "ImageUrl",
        "imageWidth": "int",
        "imageHeight": "int",
    },
)
_ImageOptional = TypedDict(
    "_ImageOptional",
    {},
    total=False,
)


class Image(_Image, _ImageOptional):
    "``Image``."


_Image2 = TypedDict(
    "_Image2",
    {
        "uri": "str",
        "url_list": "List[str]",
    },
)
_Image2Optional = TypedDict(
    "_Image2Optional",
    {
        "width": "int",
        "height": "int",
    },
    total=False,
)


class Image2(_Image2, _Image2Optional):
    "An image as the app API describes it."


_ImagePost = TypedDict(
    "_ImagePost",
    {
        "images": "List[Image]",
        "cover": "Image",
    },
)
_ImagePostOptional = TypedDict(
    "_ImagePostOptional",
    {
        "shareCover": "Image",
        "title": "str",
    },
    total=False,
)


class ImagePost(_ImagePost, _ImagePostOptional):
    "A photo post's pictures (the item has a video too, for its cover and sound)."


_ImageUrl = TypedDict(
    "_ImageUrl",
    {
        "urlList": "List[str]",
    },
)
_ImageUrlOptional = TypedDict(
    "_ImageUrlOptional",
    {},
    total=False,
)


class ImageUrl(_ImageUrl, _ImageUrlOptional):
    "``ImageUrl``."


_InboxAcknowledgementAnswer = TypedDict(
    "_InboxAcknowledgementAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
    },
)
_InboxAcknowledgementAnswerOptional = TypedDict(
    "_InboxAcknowledgementAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "error_desc": "str",
    },
    total=False,
)


class InboxAcknowledgementAnswer(_InboxAcknowledgementAnswer, _InboxAcknowledgementAnswerOptional):
    "A message request handled. Grounded in: modelled."


_Item = TypedDict(
    "_Item",
    {
        "id": "str",
        "desc": "str",
        "createTime": "int",
        "author": "User",
        "authorStats": "UserStats",
        "music": "Music",
        "video": "Video",
        "stats": "ItemStats",
        "isAd": "bool",
        "privateItem": "bool",
        "secret": "bool",
        "forFriend": "bool",
        "digged": "bool",
        "itemCommentStatus": "int",
        "duetEnabled": "bool",
        "stitchEnabled": "bool",
        "shareEnabled": "bool",
        "originalItem": "bool",
        "officalItem": "bool",
    },
)
_ItemOptional = TypedDict(
    "_ItemOptional",
    {
        "challenges": "List[Challenge]",
        "textExtra": "List[TextExtra]",
        "contents": "List[Content]",
        "imagePost": "ImagePost",
        "duetInfo": "DuetInfo",
        "stickersOnItem": "List[Sticker]",
        "poi": "Poi",
        "playlistId": "str",
        "collected": "bool",
        "duetDisplay": "int",
        "stitchDisplay": "int",
        "showNotPass": "bool",
        "vl1": "bool",
        "itemMute": "bool",
        "BAInfo": "str",
        "adAuthorization": "bool",
        "adLabelVersion": "int",
        "diversificationId": "int",
        "statsV2": "ItemStatsV2",
        "authorStatsV2": "UserStatsV2",
        "textLanguage": "str",
        "isPinnedItem": "bool",
    },
    total=False,
)


class Item(_Item, _ItemOptional):
    "A post (video or photo post) as the web API describes it."


_ItemInfo = TypedDict(
    "_ItemInfo",
    {
        "itemStruct": "Item",
    },
)
_ItemInfoOptional = TypedDict(
    "_ItemInfoOptional",
    {},
    total=False,
)


class ItemInfo(_ItemInfo, _ItemInfoOptional):
    "``ItemInfo``."


_ItemStats = TypedDict(
    "_ItemStats",
    {
        "diggCount": "int",
        "shareCount": "int",
        "commentCount": "int",
        "playCount": "int",
        "collectCount": "int",
    },
)
_ItemStatsOptional = TypedDict(
    "_ItemStatsOptional",
    {},
    total=False,
)


class ItemStats(_ItemStats, _ItemStatsOptional):
    "``ItemStats``."


_ItemStatsV2 = TypedDict(
    "_ItemStatsV2",
    {
        "diggCount": "str",
        "shareCount": "str",
        "commentCount": "str",
        "playCount": "str",
        "collectCount": "str",
    },
)
_ItemStatsV2Optional = TypedDict(
    "_ItemStatsV2Optional",
    {
        "repostCount": "str",
    },
    total=False,
)


class ItemStatsV2(_ItemStatsV2, _ItemStatsV2Optional):
    "``ItemStatsV2``."


_ItemsAnswer = TypedDict(
    "_ItemsAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "itemList": "List[Item]",
        "hasMore": "bool",
    },
)
_ItemsAnswerOptional = TypedDict(
    "_ItemsAnswerOptional",
    {
        "status_msg": "str",
        "cursor": "str",
        "$other": "Other",
    },
    total=False,
)


class ItemsAnswer(_ItemsAnswer, _ItemsAnswerOptional):
    "A page of posts. Grounded in: real."


_KeyAnswer = TypedDict(
    "_KeyAnswer",
    {
        "status": "str",
        "message": "str",
        "accounts": "List[Dict[str, Any]]",
    },
)
_KeyAnswerOptional = TypedDict(
    "_KeyAnswerOptional",
    {
        "credits": "int",
        "plan_id": "int",
        "has_expired": "bool",
    },
    total=False,
)


class KeyAnswer(_KeyAnswer, _KeyAnswerOptional):
    "What the service knows of the API key. Grounded in: modelled."


_LiveChatAnswer = TypedDict(
    "_LiveChatAnswer",
    {
        "status": "str",
        "message": "str",
        "messagesList": "List[LiveMessage]",
        "nextCursor": "str",
        "now": "str",
        "pushServer": "str",
    },
)
_LiveChatAnswerOptional = TypedDict(
    "_LiveChatAnswerOptional",
    {},
    total=False,
)


class LiveChatAnswer(_LiveChatAnswer, _LiveChatAnswerOptional):
    "A page of a live room's chat events; the chat never ends. Grounded in: real."


_LiveDataAnswer = TypedDict(
    "_LiveDataAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "Dict[str, Any]",
    },
)
_LiveDataAnswerOptional = TypedDict(
    "_LiveDataAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class LiveDataAnswer(_LiveDataAnswer, _LiveDataAnswerOptional):
    "A live answer: its data (TikAPI's samples show other shapes for some: modelled). Grounded in: modelled."


_LiveImage = TypedDict(
    "_LiveImage",
    {
        "urlListList": "List[str]",
        "uri": "str",
    },
)
_LiveImageOptional = TypedDict(
    "_LiveImageOptional",
    {
        "height": "str",
        "width": "str",
        "avgColor": "str",
        "imageType": "int",
        "isAnimated": "bool",
        "openWebUrl": "str",
    },
    total=False,
)


class LiveImage(_LiveImage, _LiveImageOptional):
    "``LiveImage``."


_LiveListAnswer = TypedDict(
    "_LiveListAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "list": "List[Dict[str, Any]]",
        "hasMore": "bool",
    },
)
_LiveListAnswerOptional = TypedDict(
    "_LiveListAnswerOptional",
    {
        "status_msg": "str",
        "offset": "int",
    },
    total=False,
)


class LiveListAnswer(_LiveListAnswer, _LiveListAnswerOptional):
    "A page of the account's past lives. Grounded in: modelled."


_LiveMessage = TypedDict(
    "_LiveMessage",
    {
        "messageType": "str",
        "msgId": "str",
        "createTime": "str",
    },
)
_LiveMessageOptional = TypedDict(
    "_LiveMessageOptional",
    {
        "user": "LiveUser",
        "userId": "str",
        "content": "str",
        "displayText": "LiveText",
        "anchorDisplayText": "LiveText",
        "action": "str",
        "actionDescription": "str",
        "actionDuration": "str",
        "anonymous": "int",
        "clientEnterSource": "str",
        "clientEnterType": "str",
        "clientLiveReason": "str",
        "displayStyle": "int",
        "enterType": "str",
        "fullScreenTextColor": "str",
        "inputType": "int",
        "isSetToAdmin": "bool",
        "isShowMsg": "bool",
        "isTopUser": "bool",
        "memberCount": "str",
        "popStr": "str",
        "popularity": "int",
        "priorityScore": "str",
        "rankScore": "str",
        "ranksList": "List[LiveRank]",
        "seatsList": "List[Any]",
        "source": "str",
        "supprotLandscape": "bool",
        "topUserNo": "str",
        "total": "int",
        "totalUser": "int",
        "userShareType": "str",
        "visibleToSender": "bool",
        "giftId": "int",
        "giftName": "str",
        "diamondCount": "int",
        "repeatCount": "int",
        "likeCount": "int",
    },
    total=False,
)


class LiveMessage(_LiveMessage, _LiveMessageOptional):
    "One event of a live room's chat: messageType says which (ChatMessage, GiftMessage, LikeMessage, MemberMessage, SocialMessage, RoomUserSeqMessage)."


_LivePiece = TypedDict(
    "_LivePiece",
    {
        "type": "int",
        "format": "LiveTextFormat",
        "stringValue": "str",
    },
)
_LivePieceOptional = TypedDict(
    "_LivePieceOptional",
    {
        "userValue": "LiveUserValue",
    },
    total=False,
)


class LivePiece(_LivePiece, _LivePieceOptional):
    "``LivePiece``."


_LiveRank = TypedDict(
    "_LiveRank",
    {
        "rank": "str",
        "score": "str",
        "delta": "str",
        "user": "LiveUser",
    },
)
_LiveRankOptional = TypedDict(
    "_LiveRankOptional",
    {},
    total=False,
)


class LiveRank(_LiveRank, _LiveRankOptional):
    "``LiveRank``."


_LiveRoomAnswer = TypedDict(
    "_LiveRoomAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "Room",
    },
)
_LiveRoomAnswerOptional = TypedDict(
    "_LiveRoomAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class LiveRoomAnswer(_LiveRoomAnswer, _LiveRoomAnswerOptional):
    "A live room. Grounded in: modelled."


_LiveRoomsAnswer = TypedDict(
    "_LiveRoomsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "List[Room]",
        "hasMore": "bool",
    },
)
_LiveRoomsAnswerOptional = TypedDict(
    "_LiveRoomsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class LiveRoomsAnswer(_LiveRoomsAnswer, _LiveRoomsAnswerOptional):
    "Recommended live rooms. Grounded in: modelled."


_LiveSearchAnswer = TypedDict(
    "_LiveSearchAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "List[LiveSearchResult]",
        "has_more": "int",
    },
)
_LiveSearchAnswerOptional = TypedDict(
    "_LiveSearchAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "cursor": "int",
        "backtrace": "str",
    },
    total=False,
)


class LiveSearchAnswer(_LiveSearchAnswer, _LiveSearchAnswerOptional):
    "A page of live rooms found. Grounded in: modelled."


_LiveSearchResult = TypedDict(
    "_LiveSearchResult",
    {
        "type": "int",
        "live_info": "Room",
    },
)
_LiveSearchResultOptional = TypedDict(
    "_LiveSearchResultOptional",
    {},
    total=False,
)


class LiveSearchResult(_LiveSearchResult, _LiveSearchResultOptional):
    "``LiveSearchResult``."


_LiveText = TypedDict(
    "_LiveText",
    {
        "key": "str",
        "defaultPattern": "str",
        "defaultFormat": "LiveTextFormat",
        "piecesList": "List[LivePiece]",
    },
)
_LiveTextOptional = TypedDict(
    "_LiveTextOptional",
    {},
    total=False,
)


class LiveText(_LiveText, _LiveTextOptional):
    "A display text: a pattern like \"{0:user} sent {1:gift}\" and its pieces."


_LiveTextFormat = TypedDict(
    "_LiveTextFormat",
    {
        "bold": "bool",
        "color": "str",
        "fontSize": "int",
        "italic": "bool",
        "italicAngle": "int",
        "useHeighLightColor": "bool",
        "useRemoteClor": "bool",
        "weight": "int",
    },
)
_LiveTextFormatOptional = TypedDict(
    "_LiveTextFormatOptional",
    {},
    total=False,
)


class LiveTextFormat(_LiveTextFormat, _LiveTextFormatOptional):
    "``LiveTextFormat``."


_LiveUser = TypedDict(
    "_LiveUser",
    {
        "id": "str",
        "displayId": "str",
        "nickname": "str",
        "secUid": "str",
        "avatarThumb": "LiveImage",
    },
)
_LiveUserOptional = TypedDict(
    "_LiveUserOptional",
    {
        "idStr": "str",
        "followInfo": "FollowInfo",
        "payGrade": "PayGrade",
        "userAttr": "UserAttr",
        "verified": "bool",
        "secret": "int",
        "status": "int",
        "createTime": "str",
        "modifyTime": "str",
        "bioDescription": "str",
        "bgImgUrl": "str",
        "constellation": "str",
        "exp": "int",
        "fanTicketCount": "str",
        "ticketCount": "str",
        "payScore": "str",
        "payScores": "str",
        "followStatus": "str",
        "isFollower": "bool",
        "isFollowing": "bool",
        "specialId": "str",
        "shareQrcodeUri": "str",
        "topVipNo": "str",
        "userRole": "int",
        "verifiedContent": "str",
        "verifiedReason": "str",
        "blockStatus": "int",
        "commentRestrict": "int",
        "disableIchat": "int",
        "enableIchatImg": "str",
        "ichatRestrictType": "int",
        "linkMicStats": "int",
        "needProfileGuide": "bool",
        "foldStrangerChat": "bool",
        "allowFindByContacts": "bool",
        "allowOthersDownloadVideo": "bool",
        "allowOthersDownloadWhenSharingVideo": "bool",
        "allowShareShowProfile": "bool",
        "allowShowInGossip": "bool",
        "allowShowMyAction": "bool",
        "allowStrangeComment": "bool",
        "allowUnfollowerComment": "bool",
        "allowUseLinkmic": "bool",
        "pushCommentStatus": "bool",
        "pushDigg": "bool",
        "pushFollow": "bool",
        "pushFriendAction": "bool",
        "pushIchat": "bool",
        "pushStatus": "bool",
        "pushVideoPost": "bool",
        "pushVideoRecommend": "bool",
        "withCarManagementPermission": "bool",
        "withCommercePermission": "bool",
        "withFusionShopEntry": "bool",
        "badgeImageListList": "List[Any]",
        "badgeListList": "List[Any]",
        "borderListList": "List[Any]",
        "commerceWebcastConfigIdsList": "List[Any]",
        "mediaBadgeImageListList": "List[Any]",
        "newRealTimeIconsList": "List[Any]",
        "realTimeIconsList": "List[Any]",
        "topFansList": "List[Any]",
    },
    total=False,
)


class LiveUser(_LiveUser, _LiveUserOptional):
    "A user as the live service describes it (counts and times as strings)."


_LiveUserValue = TypedDict(
    "_LiveUserValue",
    {
        "user": "LiveUser",
        "withColon": "bool",
    },
)
_LiveUserValueOptional = TypedDict(
    "_LiveUserValueOptional",
    {},
    total=False,
)


class LiveUserValue(_LiveUserValue, _LiveUserValueOptional):
    "``LiveUserValue``."


_LogPb = TypedDict(
    "_LogPb",
    {
        "impr_id": "str",
    },
)
_LogPbOptional = TypedDict(
    "_LogPbOptional",
    {},
    total=False,
)


class LogPb(_LogPb, _LogPbOptional):
    "``LogPb``."


_Message = TypedDict(
    "_Message",
    {
        "text": "str",
        "createTime": "Union[int, str]",
        "senderUid": "str",
    },
)
_MessageOptional = TypedDict(
    "_MessageOptional",
    {
        "senderSecUid": "str",
        "status": "int",
        "type": "Union[int, str]",
        "isStranger": "bool",
        "clientMessageId": "str",
        "content": "Dict[str, Any]",
        "message_id": "str",
        "conversation_id": "str",
        "sender": "str",
        "sender_unique_id": "str",
        "create_time": "int",
    },
    total=False,
)


class Message(_Message, _MessageOptional):
    "``Message``."


_MessageSentAnswer = TypedDict(
    "_MessageSentAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "body": "Dict[str, Any]",
    },
)
_MessageSentAnswerOptional = TypedDict(
    "_MessageSentAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "error_desc": "str",
        "log_id": "str",
    },
    total=False,
)


class MessageSentAnswer(_MessageSentAnswer, _MessageSentAnswerOptional):
    "The message as sent. Grounded in: modelled."


_MessagesAnswer = TypedDict(
    "_MessagesAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "messages": "List[Message]",
        "hasMore": "bool",
    },
)
_MessagesAnswerOptional = TypedDict(
    "_MessagesAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "nextCursor": "Union[int, str]",
        "error_desc": "str",
        "inbox_type": "int",
    },
    total=False,
)


class MessagesAnswer(_MessagesAnswer, _MessagesAnswerOptional):
    "A page of a conversation's messages. Grounded in: sample."


_Music = TypedDict(
    "_Music",
    {
        "id": "str",
        "title": "str",
        "authorName": "str",
        "original": "bool",
        "duration": "int",
        "playUrl": "str",
        "coverLarge": "str",
        "coverMedium": "str",
        "coverThumb": "str",
    },
)
_MusicOptional = TypedDict(
    "_MusicOptional",
    {
        "album": "str",
        "isCopyrighted": "bool",
        "private": "bool",
    },
    total=False,
)


class Music(_Music, _MusicOptional):
    "``Music``."


_MusicInfo = TypedDict(
    "_MusicInfo",
    {
        "music": "Music",
    },
)
_MusicInfoOptional = TypedDict(
    "_MusicInfoOptional",
    {
        "author": "User",
        "stats": "Dict[str, Any]",
    },
    total=False,
)


class MusicInfo(_MusicInfo, _MusicInfoOptional):
    "``MusicInfo``."


_MusicInfoAnswer = TypedDict(
    "_MusicInfoAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "musicInfo": "MusicInfo",
    },
)
_MusicInfoAnswerOptional = TypedDict(
    "_MusicInfoAnswerOptional",
    {
        "status_msg": "str",
    },
    total=False,
)


class MusicInfoAnswer(_MusicInfoAnswer, _MusicInfoAnswerOptional):
    "A sound. Grounded in: web."


_Notice = TypedDict(
    "_Notice",
    {
        "nid": "str",
        "type": "int",
        "create_time": "int",
        "has_read": "bool",
    },
)
_NoticeOptional = TypedDict(
    "_NoticeOptional",
    {
        "display_type": "int",
        "template_notice": "Dict[str, Any]",
        "kind": "str",
        "user": "User",
        "content": "str",
    },
    total=False,
)


class Notice(_Notice, _NoticeOptional):
    "``Notice``."


_NoticeGroup = TypedDict(
    "_NoticeGroup",
    {
        "notice_list": "List[Notice]",
        "has_more": "int",
        "min_time": "int",
        "max_time": "int",
    },
)
_NoticeGroupOptional = TypedDict(
    "_NoticeGroupOptional",
    {
        "group": "int",
        "total": "int",
    },
    total=False,
)


class NoticeGroup(_NoticeGroup, _NoticeGroupOptional):
    "``NoticeGroup``."


_NotificationsAnswer = TypedDict(
    "_NotificationsAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "notice_lists": "List[NoticeGroup]",
    },
)
_NotificationsAnswerOptional = TypedDict(
    "_NotificationsAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class NotificationsAnswer(_NotificationsAnswer, _NotificationsAnswerOptional):
    "The account's notifications, paged back in time. Grounded in: web."


_Other = TypedDict(
    "_Other",
    {
        "videoLinkHeaders": "VideoLinkHeaders",
    },
)
_OtherOptional = TypedDict(
    "_OtherOptional",
    {},
    total=False,
)


class Other(_Other, _OtherOptional):
    "TikAPI's own block on answers with videos: the headers a video download needs."


_PayGrade = TypedDict(
    "_PayGrade",
    {
        "level": "str",
    },
)
_PayGradeOptional = TypedDict(
    "_PayGradeOptional",
    {
        "name": "str",
        "nextName": "str",
        "nextPrivileges": "str",
        "score": "str",
        "screenChatType": "str",
        "upgradeNeedConsume": "str",
        "gradeBanner": "str",
        "gradeDescribe": "str",
        "gradeIconListList": "List[Any]",
    },
    total=False,
)


class PayGrade(_PayGrade, _PayGradeOptional):
    "``PayGrade``."


_PlayAddr = TypedDict(
    "_PlayAddr",
    {
        "Uri": "str",
        "UrlList": "List[str]",
        "DataSize": "int",
    },
)
_PlayAddrOptional = TypedDict(
    "_PlayAddrOptional",
    {
        "UrlKey": "str",
        "FileHash": "str",
        "FileCs": "str",
        "Width": "int",
        "Height": "int",
    },
    total=False,
)


class PlayAddr(_PlayAddr, _PlayAddrOptional):
    "``PlayAddr``."


_Playlist = TypedDict(
    "_Playlist",
    {
        "id": "str",
        "name": "str",
    },
)
_PlaylistOptional = TypedDict(
    "_PlaylistOptional",
    {
        "mixId": "str",
        "mixName": "str",
        "video_count": "int",
        "cover": "str",
        "creator": "Dict[str, Any]",
    },
    total=False,
)


class Playlist(_Playlist, _PlaylistOptional):
    "``Playlist``."


_PlaylistsAnswer = TypedDict(
    "_PlaylistsAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "playList": "List[Playlist]",
        "hasMore": "bool",
    },
)
_PlaylistsAnswerOptional = TypedDict(
    "_PlaylistsAnswerOptional",
    {
        "status_msg": "str",
        "cursor": "str",
    },
    total=False,
)


class PlaylistsAnswer(_PlaylistsAnswer, _PlaylistsAnswerOptional):
    "A page of playlists. Grounded in: modelled."


_Poi = TypedDict(
    "_Poi",
    {
        "id": "str",
        "name": "str",
    },
)
_PoiOptional = TypedDict(
    "_PoiOptional",
    {
        "address": "str",
        "category": "str",
        "city": "str",
        "cityCode": "str",
        "country": "str",
        "countryCode": "str",
        "fatherPoiId": "str",
        "fatherPoiName": "str",
        "province": "str",
        "ttTypeCode": "str",
        "ttTypeNameMedium": "str",
        "ttTypeNameSuper": "str",
        "ttTypeNameTiny": "str",
        "type": "int",
        "typeCode": "str",
    },
    total=False,
)


class Poi(_Poi, _PoiOptional):
    "A place tagged on a post."


_ProfileAnswer = TypedDict(
    "_ProfileAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "userInfo": "UserInfo",
        "shareMeta": "ShareMeta",
    },
)
_ProfileAnswerOptional = TypedDict(
    "_ProfileAnswerOptional",
    {
        "status_msg": "str",
    },
    total=False,
)


class ProfileAnswer(_ProfileAnswer, _ProfileAnswerOptional):
    "A profile. Grounded in: real."


_ProfileTab = TypedDict(
    "_ProfileTab",
    {
        "showPlayListTab": "bool",
    },
)
_ProfileTabOptional = TypedDict(
    "_ProfileTabOptional",
    {
        "showQuestionTab": "bool",
    },
    total=False,
)


class ProfileTab(_ProfileTab, _ProfileTabOptional):
    "``ProfileTab``."


_RepliesAnswer = TypedDict(
    "_RepliesAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "comments": "List[Comment]",
        "cursor": "int",
        "has_more": "int",
        "total": "int",
    },
)
_RepliesAnswerOptional = TypedDict(
    "_RepliesAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class RepliesAnswer(_RepliesAnswer, _RepliesAnswerOptional):
    "A page of a comment's replies. Grounded in: app."


_Room = TypedDict(
    "_Room",
    {
        "id": "str",
        "title": "str",
        "status": "int",
    },
)
_RoomOptional = TypedDict(
    "_RoomOptional",
    {
        "id_str": "str",
        "user_count": "int",
        "like_count": "int",
        "create_time": "int",
        "share_url": "str",
        "cover": "Dict[str, Any]",
        "owner": "User",
        "stats": "Dict[str, Any]",
    },
    total=False,
)


class Room(_Room, _RoomOptional):
    "A live room."


_SearchAnswer = TypedDict(
    "_SearchAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "List[SearchResult]",
        "has_more": "int",
    },
)
_SearchAnswerOptional = TypedDict(
    "_SearchAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
        "nextCursor": "str",
        "cursor": "int",
        "backtrace": "str",
        "$other": "Other",
    },
    total=False,
)


class SearchAnswer(_SearchAnswer, _SearchAnswerOptional):
    "A page of search cards. Grounded in: web."


_SearchResult = TypedDict(
    "_SearchResult",
    {},
)
_SearchResultOptional = TypedDict(
    "_SearchResultOptional",
    {
        "type": "int",
        "item": "Item",
        "user_info": "SearchUser",
        "stats": "UserStats",
        "common": "Dict[str, Any]",
        "content": "str",
    },
    total=False,
)


class SearchResult(_SearchResult, _SearchResultOptional):
    "A search card: a video (type 1), a user (type 4) or, for autocomplete, a suggested query."


_SearchUser = TypedDict(
    "_SearchUser",
    {
        "uid": "str",
        "unique_id": "str",
        "sec_uid": "str",
        "nickname": "str",
        "signature": "str",
        "avatar_thumb": "Image2",
        "follower_count": "int",
    },
)
_SearchUserOptional = TypedDict(
    "_SearchUserOptional",
    {
        "total_favorited": "int",
        "follow_status": "int",
        "custom_verify": "str",
        "room_id": "int",
        "id": "str",
        "uniqueId": "str",
        "secUid": "str",
    },
    total=False,
)


class SearchUser(_SearchUser, _SearchUserOptional):
    "A user card of a search, snake_case as the web API sends it (the camelCase keys are this sandbox's additions)."


_SessionAnswer = TypedDict(
    "_SessionAnswer",
    {
        "status": "str",
        "message": "str",
        "status_code": "int",
        "data": "Dict[str, Any]",
    },
)
_SessionAnswerOptional = TypedDict(
    "_SessionAnswerOptional",
    {
        "status_msg": "str",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
    total=False,
)


class SessionAnswer(_SessionAnswer, _SessionAnswerOptional):
    "The account's session is valid: its user. Grounded in: modelled."


_ShareMeta = TypedDict(
    "_ShareMeta",
    {
        "desc": "str",
        "title": "str",
    },
)
_ShareMetaOptional = TypedDict(
    "_ShareMetaOptional",
    {},
    total=False,
)


class ShareMeta(_ShareMeta, _ShareMetaOptional):
    "``ShareMeta``."


_Sticker = TypedDict(
    "_Sticker",
    {
        "stickerText": "List[str]",
        "stickerType": "int",
    },
)
_StickerOptional = TypedDict(
    "_StickerOptional",
    {},
    total=False,
)


class Sticker(_Sticker, _StickerOptional):
    "``Sticker``."


_Subtitle = TypedDict(
    "_Subtitle",
    {
        "Format": "str",
        "LanguageCodeName": "str",
        "LanguageID": "str",
        "Size": "int",
        "Source": "str",
        "Url": "str",
        "UrlExpire": "int",
        "Version": "str",
        "VideoSubtitleID": "int",
    },
)
_SubtitleOptional = TypedDict(
    "_SubtitleOptional",
    {},
    total=False,
)


class Subtitle(_Subtitle, _SubtitleOptional):
    "``Subtitle``."


_TextExtra = TypedDict(
    "_TextExtra",
    {
        "awemeId": "str",
        "start": "int",
        "end": "int",
        "type": "int",
        "subType": "int",
        "isCommerce": "bool",
        "hashtagName": "str",
    },
)
_TextExtraOptional = TypedDict(
    "_TextExtraOptional",
    {
        "hashtagId": "str",
        "userId": "str",
        "userUniqueId": "str",
        "secUid": "str",
    },
    total=False,
)


class TextExtra(_TextExtra, _TextExtraOptional):
    "A hashtag (type 1, with hashtagName and hashtagId) or a mention (type 0, with userId, userUniqueId and secUid) in a caption, by character offsets."


_User = TypedDict(
    "_User",
    {
        "id": "str",
        "uniqueId": "str",
        "nickname": "str",
        "secUid": "str",
        "signature": "str",
        "avatarLarger": "str",
        "avatarMedium": "str",
        "avatarThumb": "str",
        "verified": "bool",
        "privateAccount": "bool",
        "secret": "bool",
        "ftc": "bool",
        "relation": "int",
        "openFavorite": "bool",
        "commentSetting": "int",
        "duetSetting": "int",
        "stitchSetting": "int",
        "isADVirtual": "bool",
        "isEmbedBanned": "bool",
        "ttSeller": "bool",
    },
)
_UserOptional = TypedDict(
    "_UserOptional",
    {
        "downloadSetting": "int",
        "canExpPlaylist": "bool",
        "followingVisibility": "int",
        "profileEmbedPermission": "int",
        "commerceUserInfo": "CommerceUserInfo",
        "profileTab": "ProfileTab",
        "UserStoryStatus": "int",
        "nickNameModifyTime": "int",
        "roomId": "str",
        "createTime": "int",
        "region": "str",
        "language": "str",
    },
    total=False,
)


class User(_User, _UserOptional):
    "A TikTok user as the web API describes it (profile, item author, list entry)."


_UserAttr = TypedDict(
    "_UserAttr",
    {
        "isAdmin": "bool",
        "isMuted": "bool",
        "isSuperAdmin": "bool",
        "muteDuration": "str",
    },
)
_UserAttrOptional = TypedDict(
    "_UserAttrOptional",
    {},
    total=False,
)


class UserAttr(_UserAttr, _UserAttrOptional):
    "``UserAttr``."


_UserEntry = TypedDict(
    "_UserEntry",
    {
        "user": "User",
        "stats": "UserStats",
    },
)
_UserEntryOptional = TypedDict(
    "_UserEntryOptional",
    {
        "statsV2": "UserStatsV2",
    },
    total=False,
)


class UserEntry(_UserEntry, _UserEntryOptional):
    "An entry of a followers, following or discover list."


_UserInfo = TypedDict(
    "_UserInfo",
    {
        "user": "User",
        "stats": "UserStats",
    },
)
_UserInfoOptional = TypedDict(
    "_UserInfoOptional",
    {
        "statsV2": "UserStatsV2",
    },
    total=False,
)


class UserInfo(_UserInfo, _UserInfoOptional):
    "``UserInfo``."


_UserStats = TypedDict(
    "_UserStats",
    {
        "followerCount": "int",
        "followingCount": "int",
        "heart": "int",
        "heartCount": "int",
        "videoCount": "int",
        "diggCount": "int",
    },
)
_UserStatsOptional = TypedDict(
    "_UserStatsOptional",
    {
        "friendCount": "int",
    },
    total=False,
)


class UserStats(_UserStats, _UserStatsOptional):
    "A user's counts (rounded by TikTok for large accounts)."


_UserStatsV2 = TypedDict(
    "_UserStatsV2",
    {
        "followerCount": "str",
        "followingCount": "str",
        "heart": "str",
        "heartCount": "str",
        "videoCount": "str",
        "diggCount": "str",
    },
)
_UserStatsV2Optional = TypedDict(
    "_UserStatsV2Optional",
    {
        "friendCount": "str",
    },
    total=False,
)


class UserStatsV2(_UserStatsV2, _UserStatsV2Optional):
    "The same counts, exact, as strings of digits."


_UsersAnswer = TypedDict(
    "_UsersAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "userList": "List[UserEntry]",
        "hasMore": "bool",
    },
)
_UsersAnswerOptional = TypedDict(
    "_UsersAnswerOptional",
    {
        "status_msg": "str",
        "nextCursor": "Union[int, str]",
        "cursor": "Union[str, int]",
        "total": "int",
        "minCursor": "int",
        "maxCursor": "int",
        "isTruncated": "bool",
    },
    total=False,
)


class UsersAnswer(_UsersAnswer, _UsersAnswerOptional):
    "A page of users (followers, following). Grounded in: web."


_Video = TypedDict(
    "_Video",
    {
        "id": "str",
        "height": "int",
        "width": "int",
        "duration": "int",
        "ratio": "str",
        "cover": "str",
        "originCover": "str",
        "dynamicCover": "str",
        "playAddr": "str",
        "downloadAddr": "str",
    },
)
_VideoOptional = TypedDict(
    "_VideoOptional",
    {
        "format": "str",
        "bitrate": "int",
        "bitrateInfo": "List[Bitrate]",
        "codecType": "str",
        "definition": "str",
        "encodeUserTag": "str",
        "encodedType": "str",
        "reflowCover": "str",
        "shareCover": "List[str]",
        "size": "int",
        "subtitleInfos": "List[Subtitle]",
        "videoQuality": "str",
        "volumeInfo": "VolumeInfo",
        "zoomCover": "ZoomCover",
        "VQScore": "str",
    },
    total=False,
)


class Video(_Video, _VideoOptional):
    "``Video``."


_VideoAnswer = TypedDict(
    "_VideoAnswer",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
        "itemInfo": "ItemInfo",
    },
)
_VideoAnswerOptional = TypedDict(
    "_VideoAnswerOptional",
    {
        "status_msg": "str",
        "shareMeta": "ShareMeta",
        "$other": "Other",
    },
    total=False,
)


class VideoAnswer(_VideoAnswer, _VideoAnswerOptional):
    "One post. Grounded in: web."


_VideoLinkHeaders = TypedDict(
    "_VideoLinkHeaders",
    {
        "Cookie": "str",
    },
)
_VideoLinkHeadersOptional = TypedDict(
    "_VideoLinkHeadersOptional",
    {
        "Origin": "str",
        "Referer": "str",
    },
    total=False,
)


class VideoLinkHeaders(_VideoLinkHeaders, _VideoLinkHeadersOptional):
    "``VideoLinkHeaders``."


_VolumeInfo = TypedDict(
    "_VolumeInfo",
    {
        "Loudness": "float",
        "Peak": "float",
    },
)
_VolumeInfoOptional = TypedDict(
    "_VolumeInfoOptional",
    {},
    total=False,
)


class VolumeInfo(_VolumeInfo, _VolumeInfoOptional):
    "``VolumeInfo``."


_WebEnvelope = TypedDict(
    "_WebEnvelope",
    {
        "status": "str",
        "message": "str",
        "statusCode": "int",
        "status_code": "int",
        "extra": "Extra",
        "log_pb": "LogPb",
    },
)
_WebEnvelopeOptional = TypedDict(
    "_WebEnvelopeOptional",
    {
        "status_msg": "str",
    },
    total=False,
)


class WebEnvelope(_WebEnvelope, _WebEnvelopeOptional):
    "TikAPI's keys and TikTok's web codes, on camelCase answers."


_ZoomCover = TypedDict(
    "_ZoomCover",
    {},
)
_ZoomCoverOptional = TypedDict(
    "_ZoomCoverOptional",
    {
        "240": "str",
        "480": "str",
        "720": "str",
        "960": "str",
    },
    total=False,
)


class ZoomCover(_ZoomCover, _ZoomCoverOptional):
    "``ZoomCover``."


KeyBody = KeyAnswer
"""The answer of ``key``."""

PublicCheckBody = ProfileAnswer
"""The answer of ``public.check``."""

PublicCheckV3Body = ProfileAnswer
"""The answer of ``public.checkV3``."""

PublicCommentRepliesListBody = RepliesAnswer
"""The answer of ``public.commentRepliesList``."""

PublicCommentRepliesListItem = Comment
"""An item of ``public.commentRepliesList``: what its ``items()`` yields."""

PublicCommentsListBody = CommentsAnswer
"""The answer of ``public.commentsList``."""

PublicCommentsListItem = Comment
"""An item of ``public.commentsList``: what its ``items()`` yields."""

PublicDiscoverBody = DiscoverAnswer
"""The answer of ``public.discover``."""

PublicDiscoverItem = Union[UserEntry, Music, ChallengeEntry, Item]
"""An item of ``public.discover``: what its ``items()`` yields."""

PublicDiscoverKeywordBody = DiscoverKeywordAnswer
"""The answer of ``public.discoverKeyword``."""

PublicDiscoverKeywordItem = Item
"""An item of ``public.discoverKeyword``: what its ``items()`` yields."""

PublicExploreBody = ItemsAnswer
"""The answer of ``public.explore``."""

PublicExploreItem = Item
"""An item of ``public.explore``: what its ``items()`` yields."""

PublicExploreCategoryBody = ItemsAnswer
"""The answer of ``public.exploreCategory``."""

PublicExploreCategoryItem = Item
"""An item of ``public.exploreCategory``: what its ``items()`` yields."""

PublicFollowersListBody = UsersAnswer
"""The answer of ``public.followersList``."""

PublicFollowersListItem = UserEntry
"""An item of ``public.followersList``: what its ``items()`` yields."""

PublicFollowingListBody = UsersAnswer
"""The answer of ``public.followingList``."""

PublicFollowingListItem = UserEntry
"""An item of ``public.followingList``: what its ``items()`` yields."""

PublicHashtagBody = HashtagAnswer
"""The answer of ``public.hashtag``."""

PublicHashtagItem = Item
"""An item of ``public.hashtag``: what its ``items()`` yields."""

PublicLikesBody = ItemsAnswer
"""The answer of ``public.likes``."""

PublicLikesItem = Item
"""An item of ``public.likes``: what its ``items()`` yields."""

PublicMusicBody = ItemsAnswer
"""The answer of ``public.music``."""

PublicMusicItem = Item
"""An item of ``public.music``: what its ``items()`` yields."""

PublicMusicInfoBody = MusicInfoAnswer
"""The answer of ``public.musicInfo``."""

PublicPlaylistItemsBody = ItemsAnswer
"""The answer of ``public.playlistItems``."""

PublicPlaylistItemsItem = Item
"""An item of ``public.playlistItems``: what its ``items()`` yields."""

PublicPlaylistsBody = PlaylistsAnswer
"""The answer of ``public.playlists``."""

PublicPlaylistsItem = Playlist
"""An item of ``public.playlists``: what its ``items()`` yields."""

PublicPostsBody = ItemsAnswer
"""The answer of ``public.posts``."""

PublicPostsItem = Item
"""An item of ``public.posts``: what its ``items()`` yields."""

PublicRelatedPostsBody = ItemsAnswer
"""The answer of ``public.relatedPosts``."""

PublicRelatedPostsItem = Item
"""An item of ``public.relatedPosts``: what its ``items()`` yields."""

PublicSearchBody = SearchAnswer
"""The answer of ``public.search``."""

PublicSearchItem = SearchResult
"""An item of ``public.search``: what its ``items()`` yields."""

PublicVideoBody = VideoAnswer
"""The answer of ``public.video``."""

PublicVideoV2Body = VideoAnswer
"""The answer of ``public.videoV2``."""

PublicVideoV3Body = VideoAnswer
"""The answer of ``public.videoV3``."""

UserAnalyticsBody = AnalyticsAnswer
"""The answer of ``user.analytics``."""

UserConversationRequestsAcceptBody = InboxAcknowledgementAnswer
"""The answer of ``user.conversationRequests.accept``."""

UserConversationRequestsConversationsBody = ConversationRequestsAnswer
"""The answer of ``user.conversationRequests.conversations``."""

UserConversationRequestsDeleteBody = InboxAcknowledgementAnswer
"""The answer of ``user.conversationRequests.delete``."""

UserConversationRequestsMarkReadBody = InboxAcknowledgementAnswer
"""The answer of ``user.conversationRequests.markRead``."""

UserConversationRequestsMessagesBody = MessagesAnswer
"""The answer of ``user.conversationRequests.messages``."""

UserConversationRequestsMessagesItem = Message
"""An item of ``user.conversationRequests.messages``: what its ``items()`` yields."""

UserConversationsBody = ConversationsAnswer
"""The answer of ``user.conversations``."""

UserConversationsItem = Conversation
"""An item of ``user.conversations``: what its ``items()`` yields."""

UserEditBody = EditAnswer
"""The answer of ``user.edit``."""

UserFollowBody = AcknowledgementAnswer
"""The answer of ``user.follow``."""

UserFollowersBody = UsersAnswer
"""The answer of ``user.followers``."""

UserFollowersItem = UserEntry
"""An item of ``user.followers``: what its ``items()`` yields."""

UserFollowingBody = UsersAnswer
"""The answer of ``user.following``."""

UserFollowingItem = UserEntry
"""An item of ``user.following``: what its ``items()`` yields."""

UserFollowingV1Body = UsersAnswer
"""The answer of ``user.followingV1``."""

UserFollowingV1Item = UserEntry
"""An item of ``user.followingV1``: what its ``items()`` yields."""

UserInfoBody = ProfileAnswer
"""The answer of ``user.info``."""

UserLiveAnalyticsBody = LiveDataAnswer
"""The answer of ``user.live.analytics``."""

UserLiveChatBody = LiveChatAnswer
"""The answer of ``user.live.chat``."""

UserLiveChatItem = LiveMessage
"""An item of ``user.live.chat``: what its ``items()`` yields."""

UserLiveDetailsBody = LiveRoomAnswer
"""The answer of ``user.live.details``."""

UserLiveInfoBody = LiveRoomAnswer
"""The answer of ``user.live.info``."""

UserLiveListBody = LiveListAnswer
"""The answer of ``user.live.list``."""

UserLiveListItem = Dict[str, Any]
"""An item of ``user.live.list``: what its ``items()`` yields."""

UserLivePermissionsBody = LiveDataAnswer
"""The answer of ``user.live.permissions``."""

UserLiveRecommendBody = LiveRoomsAnswer
"""The answer of ``user.live.recommend``."""

UserLiveRecommendItem = Room
"""An item of ``user.live.recommend``: what its ``items()`` yields."""

UserLiveSearchBody = LiveSearchAnswer
"""The answer of ``user.live.search``."""

UserLiveSearchItem = LiveSearchResult
"""An item of ``user.live.search``: what its ``items()`` yields."""

UserLiveSendChatBody = LiveDataAnswer
"""The answer of ``user.live.sendChat``."""

UserLiveStartBody = LiveDataAnswer
"""The answer of ``user.live.start``."""

UserLiveStatsBody = LiveRoomAnswer
"""The answer of ``user.live.stats``."""

UserLiveStopBody = LiveDataAnswer
"""The answer of ``user.live.stop``."""

UserLiveTopicsBody = LiveDataAnswer
"""The answer of ``user.live.topics``."""

UserLiveTransactionHistoryBody = LiveDataAnswer
"""The answer of ``user.live.transactionHistory``."""

UserMessagesBody = MessagesAnswer
"""The answer of ``user.messages``."""

UserMessagesItem = Message
"""An item of ``user.messages``: what its ``items()`` yields."""

UserNotificationsBody = NotificationsAnswer
"""The answer of ``user.notifications``."""

UserNotificationsItem = Notice
"""An item of ``user.notifications``: what its ``items()`` yields."""

UserPostsCommentsDeleteBody = AcknowledgementAnswer
"""The answer of ``user.posts.comments.delete``."""

UserPostsCommentsLikeBody = AcknowledgementAnswer
"""The answer of ``user.posts.comments.like``."""

UserPostsCommentsListBody = CommentsAnswer
"""The answer of ``user.posts.comments.list``."""

UserPostsCommentsListItem = Comment
"""An item of ``user.posts.comments.list``: what its ``items()`` yields."""

UserPostsCommentsPostBody = CommentPostedAnswer
"""The answer of ``user.posts.comments.post``."""

UserPostsCommentsRepliesBody = RepliesAnswer
"""The answer of ``user.posts.comments.replies``."""

UserPostsCommentsRepliesItem = Comment
"""An item of ``user.posts.comments.replies``: what its ``items()`` yields."""

UserPostsCommentsUnlikeBody = AcknowledgementAnswer
"""The answer of ``user.posts.comments.unlike``."""

UserPostsExploreBody = ItemsAnswer
"""The answer of ``user.posts.explore``."""

UserPostsExploreItem = Item
"""An item of ``user.posts.explore``: what its ``items()`` yields."""

UserPostsFeedBody = ItemsAnswer
"""The answer of ``user.posts.feed``."""

UserPostsFeedItem = Item
"""An item of ``user.posts.feed``: what its ``items()`` yields."""

UserPostsFollowingPostsBody = ItemsAnswer
"""The answer of ``user.posts.followingPosts``."""

UserPostsFollowingPostsItem = Item
"""An item of ``user.posts.followingPosts``: what its ``items()`` yields."""

UserPostsLikeBody = AcknowledgementAnswer
"""The answer of ``user.posts.like``."""

UserPostsLikesBody = ItemsAnswer
"""The answer of ``user.posts.likes``."""

UserPostsLikesItem = Item
"""An item of ``user.posts.likes``: what its ``items()`` yields."""

UserPostsPlaylistItemsBody = ItemsAnswer
"""The answer of ``user.posts.playlistItems``."""

UserPostsPlaylistItemsItem = Item
"""An item of ``user.posts.playlistItems``: what its ``items()`` yields."""

UserPostsPlaylistsBody = PlaylistsAnswer
"""The answer of ``user.posts.playlists``."""

UserPostsPlaylistsItem = Playlist
"""An item of ``user.posts.playlists``: what its ``items()`` yields."""

UserPostsRelatedPostsBody = ItemsAnswer
"""The answer of ``user.posts.relatedPosts``."""

UserPostsRelatedPostsItem = Item
"""An item of ``user.posts.relatedPosts``: what its ``items()`` yields."""

UserPostsSavedPostsBody = ItemsAnswer
"""The answer of ``user.posts.savedPosts``."""

UserPostsSavedPostsItem = Item
"""An item of ``user.posts.savedPosts``: what its ``items()`` yields."""

UserPostsSearchBody = SearchAnswer
"""The answer of ``user.posts.search``."""

UserPostsSearchItem = SearchResult
"""An item of ``user.posts.search``: what its ``items()`` yields."""

UserPostsUnlikeBody = AcknowledgementAnswer
"""The answer of ``user.posts.unlike``."""

UserPostsVideoBody = VideoAnswer
"""The answer of ``user.posts.video``."""

UserSendMessageBody = MessageSentAnswer
"""The answer of ``user.sendMessage``."""

UserUnfollowBody = AcknowledgementAnswer
"""The answer of ``user.unfollow``."""

UserVerifyBody = SessionAnswer
"""The answer of ``user.verify``."""


if TYPE_CHECKING:
    # The page types of pages(), hand-written in _typed_pages.py.
    from ._typed_pages import AsyncItems as AsyncItems
    from ._typed_pages import AsyncPageResponse as AsyncPageResponse
    from ._typed_pages import AsyncPages as AsyncPages
    from ._typed_pages import Items as Items
    from ._typed_pages import PageResponse as PageResponse
    from ._typed_pages import Pages as Pages
