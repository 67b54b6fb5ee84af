//! Live: permissions, starting and stopping, rooms (info, stats,
//! recommendations, search), the chat, topics, analytics, the account's past
//! lives and its wallet.

use serde_json::{json, Value as Json};

use super::{obj, Answer, Body, Call};
use crate::paging::{decode_token, encode_token, Window};
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

/// An endless stream: every page has a next one.
fn chat(c: &Call<'_>) -> Body {
    let w = c.world;
    let room = c.text("room_id").unwrap_or_default();
    let from = c.text("nextCursor").map_or(0, |t| decode_token(&t));
    const PAGE: u64 = 10;
    let events: Vec<Json> = (from..from + PAGE)
        .map(|seq| {
            let h = w.h(&["chat", &room, &seq.to_string()]);
            let who = w.pool_user(h);
            let user = json!({ "userId": who.id, "uniqueId": who.username, "secUid": who.sec_uid });
            let time = NOW * 1000 + seq * 1_500;
            match h % 10 {
                0 => json!({ "type": "gift", "seq": seq, "createTime": time, "user": user,
                             "gift": { "id": 5655, "name": "Rose", "diamondCount": 1, "repeatCount": 1 + h % 5 } }),
                1 => json!({ "type": "like", "seq": seq, "createTime": time, "user": user, "likeCount": 1 + h % 15 }),
                2 => json!({ "type": "member", "seq": seq, "createTime": time, "user": user, "action": "joined" }),
                _ => json!({ "type": "chat", "seq": seq, "createTime": time, "user": user, "comment": w.comment_text(h >> 8) }),
            }
        })
        .collect();
    obj(json!({
        "messagesList": events,
        "nextCursor": encode_token(from + PAGE),
        "now": (NOW * 1000 + (from + PAGE) * 1_500).to_string(),
    }))
}

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
