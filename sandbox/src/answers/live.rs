//! Live: permissions, starting and stopping, rooms (info, stats,
//! recommendations, search), the chat, topics, analytics, the account's past
//! lives and its wallet.

use serde_json::{json, Value as Json};

use super::{obj, Answer, Body, Call};
use crate::paging::{decode_token, encode_token, Window};
use crate::world::Shapes;
use crate::world::NOW;

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("user.live.permissions", permissions),
    ("user.live.start", start),
    ("user.live.stop", stop),
    ("user.live.info", room_info),
    ("user.live.details", room_info),
    ("user.live.stats", room_info),
    ("user.live.recommend", recommend),
    ("user.live.search", search),
    ("user.live.chat", chat),
    ("user.live.sendChat", send_chat),
    ("user.live.topics", topics),
    ("user.live.analytics", analytics),
    ("user.live.list", list),
    ("user.live.transactionHistory", transactions),
];

fn permissions(_: &Call<'_>) -> Body {
    obj(json!({
        "data": {
            "can_be_live_podcast": true,
            "third_party_stream": true,
            "is_anchor": true,
            "live_permission": 1,
        },
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn start(c: &Call<'_>) -> Body {
    let room = c.world.id19(7, &["started-room", &c.me()]);
    obj(json!({
        "data": {
            "room_id": room,
            "title": c.text("title"),
            "third_party": c.input.get("third_party").map(|v| v.to_json()),
            "stream_url": {
                "rtmp_push_url": format!("rtmp://127.0.0.1/live/{room}"),
                "stream_key": format!("sandbox-{room}"),
            },
        },
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn stop(_: &Call<'_>) -> Body {
    obj(json!({
        "data": {},
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn room_info(c: &Call<'_>) -> Body {
    let room_id = c.text("room_id").unwrap_or_default();
    obj(json!({
        "data": room(c, &room_id),
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn recommend(c: &Call<'_>) -> Body {
    let room_id = c.text("room_id").unwrap_or_default();
    let rooms: Vec<Json> = (0..8)
        .map(|i| {
            room(
                c,
                &c.world.id19(7, &["recommend", &room_id, &i.to_string()]),
            )
        })
        .collect();
    obj(json!({
        "data": rooms,
        "extra": { "now": NOW * 1000 },
        "hasMore": false,
        "status_code": 0,
    }))
}

fn search(c: &Call<'_>) -> Body {
    let w = c.world;
    let query = c.text("query").unwrap_or_default();
    let win = c.window(w.total("live-search", &query), 12);
    let data: Vec<Json> = win
        .range()
        .map(|i| {
            let room_id = w.id19(7, &["live-search", &query, &i.to_string()]);
            json!({ "type": 1, "live_info": room(c, &room_id) })
        })
        .collect();
    let mut body = c.page("data", data, &win, true);
    body.insert("backtrace".into(), json!(""));
    body
}

/// An endless stream: every page has a next one. Events as TikTok's live
/// service sends them, of several kinds: chat messages, gifts, likes,
/// members joining, follows and shares, and the room's viewer ranking.
fn chat(c: &Call<'_>) -> Body {
    let room = c.text("room_id").unwrap_or_default();
    let from = c.text("nextCursor").map_or(0, |t| decode_token(&t));
    const PAGE: u64 = 10;
    let events: Vec<Json> = (from..from + PAGE)
        .map(|seq| live_event(c, &room, seq))
        .collect();
    obj(json!({
        "messagesList": events,
        "nextCursor": encode_token(from + PAGE),
        "now": (NOW * 1000 + (from + PAGE) * 1_500).to_string(),
        "pushServer": format!("wss://{}/webcast/im/push/", c.base.trim_start_matches("http://")),
    }))
}

/// The kinds of live events, in the order a room's stream cycles through
/// them (chat most often).
const LIVE_KINDS: &[&str] = &[
    "ChatMessage",
    "MemberMessage",
    "ChatMessage",
    "GiftMessage",
    "SocialMessage",
    "ChatMessage",
    "LikeMessage",
    "RoomUserSeqMessage",
    "ChatMessage",
    "SocialMessage",
];

/// The `seq`-th event of a room's chat.
fn live_event(c: &Call<'_>, room: &str, seq: u64) -> Json {
    let w = c.world;
    let h = w.h(&["chat", room, &seq.to_string()]);
    let who = w.pool_user(h);
    let user = live_user(c, &who);
    let kind = LIVE_KINDS[((seq + h % 3) % LIVE_KINDS.len() as u64) as usize];
    let time = (NOW * 1000 + seq * 1_500).to_string();
    let mut event = json!({
        "messageType": kind,
        "msgId": w.id19(7, &["chat-msg", room, &seq.to_string()]),
        "createTime": time,
        "user": user,
        "userId": who.id,
        "displayStyle": 0,
        "priorityScore": "0",
        "isShowMsg": true,
    });
    let name = w.user_json(&who, &c.base)["nickname"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let set = |event: &mut Json, extra: Json| {
        if let (Some(e), Json::Object(x)) = (event.as_object_mut(), extra) {
            e.extend(x);
        }
    };
    match kind {
        "ChatMessage" => set(
            &mut event,
            json!({
                "content": w.comment_text(h >> 8),
                "visibleToSender": true,
                "fullScreenTextColor": "#FFFFFF",
                "inputType": 0,
            }),
        ),
        "GiftMessage" => {
            let (gift, diamonds) = GIFTS[((h >> 8) % GIFTS.len() as u64) as usize];
            let repeat = 1 + h % 5;
            set(
                &mut event,
                json!({
                    "giftId": 5000 + (h >> 8) % GIFTS.len() as u64,
                    "giftName": gift,
                    "diamondCount": diamonds,
                    "repeatCount": repeat,
                    "displayText": live_text(c, "live_gift_send_message_to_guest", "{0:user} sent {1:string}", &who, &format!("{gift} x{repeat}")),
                }),
            )
        }
        "LikeMessage" => set(
            &mut event,
            json!({
                "likeCount": 1 + h % 15,
                "total": 1_000 + (h >> 4) % 100_000,
                "displayText": live_text(c, "pm_mt_msg_viewer", "{0:user} liked the LIVE", &who, ""),
            }),
        ),
        "MemberMessage" => set(
            &mut event,
            json!({
                "action": "1",
                "actionDescription": "",
                "actionDuration": "0",
                "memberCount": (100 + (h >> 8) % 5_000).to_string(),
                "enterType": "0",
                "clientEnterSource": "webcast_live_square",
                "clientEnterType": "click",
                "clientLiveReason": "",
                "isSetToAdmin": false,
                "isTopUser": false,
                "popStr": "",
                "rankScore": "0",
                "topUserNo": "0",
                "anonymous": 0,
                "source": "0",
                "supprotLandscape": false,
                "displayText": live_text(c, "live_room_enter_toast", "{0:user} joined", &who, ""),
                "anchorDisplayText": live_text(c, "live_room_enter_toast_anchor", "{0:user} joined", &who, ""),
            }),
        ),
        "SocialMessage" => {
            let (action, share, pattern) = if h % 2 == 0 {
                ("1", "", "{0:user} followed the LIVE creator")
            } else {
                ("3", "1", "{0:user} shared the LIVE")
            };
            set(
                &mut event,
                json!({
                    "action": action,
                    "userShareType": share,
                    "displayText": live_text(c, "pm_main_follow_message_viewer_2", pattern, &who, &name),
                }),
            )
        }
        _ => {
            // RoomUserSeqMessage: the viewers' ranking.
            let ranks: Vec<Json> = (0..3u64)
                .map(|r| {
                    let fan = w.pool_user(w.h(&["rank", room, &seq.to_string(), &r.to_string()]));
                    json!({
                        "rank": (r + 1).to_string(),
                        "score": (5_000 / (r + 1)).to_string(),
                        "delta": "0",
                        "user": live_user(c, &fan),
                    })
                })
                .collect();
            set(
                &mut event,
                json!({
                    "ranksList": ranks,
                    "seatsList": [],
                    "total": 100 + (h >> 8) % 5_000,
                    "totalUser": 1_000 + (h >> 8) % 50_000,
                    "popularity": (h >> 12) % 100_000,
                    "popStr": format!("{}K", (h >> 12) % 100),
                    "anonymous": 0,
                }),
            )
        }
    }
    event
}

const GIFTS: &[(&str, u64)] = &[
    ("Rose", 1),
    ("TikTok", 1),
    ("Finger Heart", 5),
    ("Galaxy", 1_000),
];

/// A display text: a pattern and its pieces (the user, then a string).
fn live_text(c: &Call<'_>, key: &str, pattern: &str, who: &crate::world::User, text: &str) -> Json {
    let format = json!({
        "bold": false,
        "color": "#ffffffff",
        "fontSize": 15,
        "italic": false,
        "italicAngle": 0,
        "useHeighLightColor": false,
        "useRemoteClor": false,
        "weight": 400,
    });
    let mut pieces = vec![json!({
        "type": 11,
        "format": format,
        "stringValue": "",
        "userValue": { "user": live_user(c, who), "withColon": false },
    })];
    if !text.is_empty() {
        pieces.push(json!({ "type": 1, "format": format, "stringValue": text }));
    }
    json!({
        "key": key,
        "defaultPattern": pattern,
        "defaultFormat": format,
        "piecesList": pieces,
    })
}

/// A user as the live service describes it: counts and times as strings.
fn live_user(c: &Call<'_>, who: &crate::world::User) -> Json {
    let w = c.world;
    let profile = w.user_json(who, &c.base);
    let stats = w.user_stats(who);
    let h = w.h(&["live-user", &who.username]);
    let count = |k: &str| stats[k].as_u64().unwrap_or(0).to_string();
    let mut user = json!({
        "id": who.id,
        "idStr": who.id,
        "displayId": who.username,
        "nickname": profile["nickname"],
        "secUid": who.sec_uid,
        "avatarThumb": {
            "urlListList": [profile["avatarThumb"]],
            "uri": format!("avatar/{}", who.id),
            "height": "0",
            "width": "0",
            "avgColor": "#A3A3A3",
            "imageType": 0,
            "isAnimated": false,
            "openWebUrl": "",
        },
        "followInfo": {
            "followingCount": count("followingCount"),
            "followerCount": count("followerCount"),
            "followStatus": "0",
            "pushStatus": "0",
        },
        "payGrade": {
            "level": ((h % 40) + 1).to_string(),
            "name": "",
            "nextName": "",
            "nextPrivileges": "",
            "score": (h % 100_000).to_string(),
            "screenChatType": "0",
            "upgradeNeedConsume": "0",
            "gradeBanner": "",
            "gradeDescribe": "",
            "gradeIconListList": [],
        },
        "userAttr": { "isAdmin": false, "isMuted": false, "isSuperAdmin": false, "muteDuration": "0" },
        "verified": profile["verified"],
        "secret": 0,
        "status": 1,
        "createTime": "0",
        "modifyTime": (NOW - h % 10_000_000).to_string(),
        "bioDescription": profile["signature"],
        "bgImgUrl": "",
        "constellation": "",
        "exp": 0,
        "fanTicketCount": "0",
        "ticketCount": "0",
        "payScore": "0",
        "payScores": "0",
        "followStatus": "0",
        "isFollower": false,
        "isFollowing": false,
        "specialId": "",
        "shareQrcodeUri": "",
        "topVipNo": "0",
        "userRole": 0,
        "verifiedContent": "",
        "verifiedReason": "",
        "blockStatus": 0,
        "commentRestrict": 0,
        "disableIchat": 0,
        "enableIchatImg": "0",
        "ichatRestrictType": 0,
        "linkMicStats": 0,
    });
    if let Some(m) = user.as_object_mut() {
        for flag in LIVE_USER_FLAGS {
            m.insert((*flag).into(), json!(false));
        }
        for list in LIVE_USER_LISTS {
            m.insert((*list).into(), json!([]));
        }
    }
    user
}

/// A live user's switches, all off in the sandbox.
const LIVE_USER_FLAGS: &[&str] = &[
    "needProfileGuide",
    "foldStrangerChat",
    "allowFindByContacts",
    "allowOthersDownloadVideo",
    "allowOthersDownloadWhenSharingVideo",
    "allowShareShowProfile",
    "allowShowInGossip",
    "allowShowMyAction",
    "allowStrangeComment",
    "allowUnfollowerComment",
    "allowUseLinkmic",
    "pushCommentStatus",
    "pushDigg",
    "pushFollow",
    "pushFriendAction",
    "pushIchat",
    "pushStatus",
    "pushVideoPost",
    "pushVideoRecommend",
    "withCarManagementPermission",
    "withCommercePermission",
    "withFusionShopEntry",
];

/// A live user's lists (badges, borders, icons, fans), empty in the sandbox.
const LIVE_USER_LISTS: &[&str] = &[
    "badgeImageListList",
    "badgeListList",
    "borderListList",
    "commerceWebcastConfigIdsList",
    "mediaBadgeImageListList",
    "newRealTimeIconsList",
    "realTimeIconsList",
    "topFansList",
];

fn send_chat(c: &Call<'_>) -> Body {
    obj(json!({
        "data": {
            "msg_id": c.world.id19(7, &["chat-sent", &c.rid]),
            "content": c.text("text"),
            "room_id": c.text("room_id"),
        },
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn topics(c: &Call<'_>) -> Body {
    let topics: Vec<Json> = (0..10)
        .map(|i| json!({ "id": 1000 + i, "name": c.world.topic(i) }))
        .collect();
    obj(json!({
        "data": { "topics": topics },
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

fn analytics(c: &Call<'_>) -> Body {
    let w = c.world;
    let days = c.input.int("days").unwrap_or(7).clamp(1, 365) as u64;
    let me = c.me();
    let history: Vec<Json> = (0..days)
        .map(|d| {
            let h = w.h(&["live-analytics", &me, &d.to_string()]);
            json!({ "date": NOW - d * 86_400, "views": h % 5_000, "diamonds": (h >> 16) % 900 })
        })
        .collect();
    obj(json!({
        "data": { "days": days, "history": history },
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

/// The account's past lives, newest first (`sort=1`: oldest first).
fn list(c: &Call<'_>) -> Body {
    let w = c.world;
    let me = c.me();
    let win = c.window(w.total("lives", &me), 30);
    let ascending = c.input.int("sort") == Some(1);
    let total = win.total;
    let list: Vec<Json> = win
        .range()
        .map(|i| {
            let n = if ascending { total - 1 - i } else { i };
            let room = w.id19(7, &["my-live", &me, &n.to_string()]);
            let h = w.h(&["my-live-stats", &room]);
            json!({
                "room_id": room,
                "title": w.phrase(h),
                "start_time": NOW - (n + 1) * 86_400,
                "duration": 600 + h % 7_200,
                "viewers": h % 20_000,
                "diamonds": (h >> 16) % 5_000,
            })
        })
        .collect();
    c.page("list", list, &win, false)
}

/// Paged by `page` and `count`, which the SDKs' next-page rule does not
/// follow: the body says `hasMore: false` and `has_next_page` for callers
/// that page by hand.
fn transactions(c: &Call<'_>) -> Body {
    let w = c.world;
    let me = c.me();
    let total = w.total("transactions", &me);
    let count = c.input.int("count").unwrap_or(12).clamp(1, 50) as u64;
    let page = c.input.int("page").unwrap_or(1).max(1) as u64;
    let win = Window::new((page - 1) * count, count, total);
    let list: Vec<Json> = win
        .range()
        .map(|i| {
            let h = w.h(&["transaction", &me, &i.to_string()]);
            json!({
                "id": w.id19(7, &["transaction-id", &me, &i.to_string()]),
                "type": if h % 3 == 0 { "recharge" } else { "gift" },
                "coins": 1 + h % 500,
                "create_time": NOW - i * 43_200,
            })
        })
        .collect();
    obj(json!({
        "data": {
            "transactions": list,
            "page": page,
            "count": count,
            "total": total,
            "has_next_page": win.more(),
        },
        "hasMore": false,
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}

/// One live room, as every live answer shows it.
fn room(c: &Call<'_>, room: &str) -> Json {
    let w = c.world;
    let h = w.h(&["room", room]);
    let owner = if room == "7112492061034646278" {
        w.user_by_name("lilyachty")
    } else {
        w.pool_user(h)
    };
    json!({
        "id": room,
        "id_str": room,
        "title": w.phrase(h),
        "status": 2,
        "user_count": h % 30_000,
        "like_count": (h >> 16) % 1_000_000,
        "create_time": NOW - h % 7_200,
        "owner": w.user_json(&owner, &c.base),
        "stats": { "total_user": (h >> 8) % 100_000, "enter_count": (h >> 12) % 200_000 },
    })
}
