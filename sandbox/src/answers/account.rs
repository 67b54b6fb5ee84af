//! The authorised account and the API key: the key's info, the account's
//! notifications and creator analytics, editing its profile and checking its
//! session.

use serde_json::{json, Value as Json};

use super::{obj, Answer, Body, Call};
use crate::paging::{page_size, start, Style, Window, NOTICE_STEP};
use crate::world::Shapes;
use crate::world::{NOW, SANDBOX_ACCOUNT_USER};

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("key", key_info),
    ("user.notifications", notifications),
    ("user.analytics", analytics),
    ("user.edit", edit),
    ("user.verify", verify),
];

/// What the service knows of the API key: plan, credits, accounts.
fn key_info(c: &Call<'_>) -> Body {
    let accounts: Vec<Json> = [SANDBOX_ACCOUNT_USER, "lilyachty"]
        .iter()
        .map(|name| {
            let u = c.world.user_by_name(name);
            json!({ "id": u.id, "username": u.username, "secUid": u.sec_uid, "status": 1 })
        })
        .collect();
    obj(json!({
        "accounts": accounts,
        "active": 1,
        "app": { "name": "tikapi-sandbox" },
        "bandwidth": { "used": 0, "limit": 107_374_182_400u64 },
        "credits": 779,
        "dark_mode": 0,
        "date_expiry": 1_659_088_800,
        "email": "sandbox@example.com",
        "has_expired": false,
        "id": 1,
        "logs": [],
        "logs_count": 0,
        "plan_id": 3,
        "sub_id": 5,
        "subscription_active": 1,
    }))
}

/// `notice_lists[0]`, paged back in time by `max_time`.
fn notifications(c: &Call<'_>) -> Body {
    let w = c.world;
    let filter = c.text("filter").unwrap_or_else(|| "all".into());
    let me = c.me();
    let owner = format!("{me}/{filter}");
    let total = w.total("notifications", &owner);
    let win = Window::new(start(Style::Times, c.input), page_size(c.input, 30), total);
    let kinds: &[(&str, u64)] = &[
        ("likes", 41),
        ("comments", 31),
        ("mentions", 45),
        ("followers", 33),
    ];
    let list: Vec<Json> = win
        .range()
        .map(|i| {
            let h = w.h(&["notice", &owner, &i.to_string()]);
            let (name, kind) = match filter.as_str() {
                "all" => kinds[(h % kinds.len() as u64) as usize],
                f => kinds
                    .iter()
                    .copied()
                    .find(|(n, _)| *n == f)
                    .unwrap_or(kinds[0]),
            };
            let from = w.pool_user(h >> 4);
            json!({
                "nid": w.id19(7, &["nid", &owner, &i.to_string()]),
                "type": kind,
                "kind": name,
                "create_time": NOW - NOTICE_STEP * (i + 1),
                "user": w.user_json(&from, &c.base),
                "content": match name {
                    "likes" => "liked your video.".to_owned(),
                    "comments" => format!("commented: {}", w.comment_text(h)),
                    "mentions" => "mentioned you in a comment.".to_owned(),
                    _ => "started following you.".to_owned(),
                },
                "has_read": i >= 5,
            })
        })
        .collect();
    let (min_time, max_time) = if win.end > win.start {
        (
            NOW - NOTICE_STEP * (win.start + 1),
            NOW - NOTICE_STEP * win.end,
        )
    } else {
        let m = c.input.int("max_time").map_or(NOW, |m| m.max(1) as u64);
        (m, m)
    };
    obj(json!({
        "notice_lists": [{
            "group": 500,
            "notice_list": list,
            "has_more": u8::from(win.more()),
            "min_time": min_time,
            "max_time": max_time,
            "total": total,
        }],
        "status_code": 0,
        "status_msg": "",
    }))
}

/// Creator analytics: a daily series per measure.
fn analytics(c: &Call<'_>) -> Body {
    let w = c.world;
    let me = c.me();
    let kind = c.text("type").unwrap_or_else(|| "overview".into());
    let days = c.input.int("days").unwrap_or(7).clamp(1, 365) as u64;
    let series = |name: &str| -> Json {
        Json::Array(
            (0..days)
                .map(|d| {
                    let h = w.h(&["analytics", &me, &kind, name, &d.to_string()]);
                    json!({ "date": NOW - (days - d) * 86_400, "value": h % 10_000 })
                })
                .collect(),
        )
    };
    let u = w.user_by_name(&me);
    obj(json!({
        "type": kind,
        "days": days,
        "media_id": c.text("media_id"),
        "comment_history": series("comments"),
        "like_history": series("likes"),
        "pv_history": series("profile-views"),
        "share_history": series("shares"),
        "vv_history": series("video-views"),
        "follower_num_history": series("followers"),
        "follower_num": { "value": w.total("followers", &me) },
        "user_info": w.user_json(&u, &c.base),
        "status_code": 0,
    }))
}

fn edit(c: &Call<'_>) -> Body {
    let field = c.text("field").unwrap_or_default();
    let value = c.text("value").unwrap_or_default();
    obj(json!({
        "message": format!("Profile {field} updated."),
        "data": { "field": field, "value": value },
        "user": edited_user(c, &field, &value),
        "status_code": 0,
    }))
}

/// The account's user after the edit, snake_case as TikTok's app answers.
fn edited_user(c: &Call<'_>, field: &str, value: &str) -> Json {
    let w = c.world;
    let u = w.user_by_name(&c.me());
    let profile = w.user_json(&u, &c.base);
    let avatar = json!({ "uri": format!("avatar/{}", u.id), "url_list": [profile["avatarThumb"]] });
    let mut user = json!({
        "uid": u.id,
        "unique_id": u.username,
        "nickname": profile["nickname"],
        "signature": profile["signature"],
        "secret": 0,
        "short_id": 0,
        "verification_type": 0,
        "avatar_larger": avatar,
        "avatar_medium": avatar,
        "avatar_thumb": avatar,
    });
    let key = match field {
        "username" => "unique_id",
        "bio" | "signature" => "signature",
        "nickname" | "name" => "nickname",
        _ => "",
    };
    if !key.is_empty() {
        user[key] = json!(value);
    }
    user
}

/// The account's session is valid: its user.
fn verify(c: &Call<'_>) -> Body {
    let w = c.world;
    let u = w.user_by_name(&c.me());
    obj(json!({
        "message": "success",
        "data": { "valid": true, "user": w.user_json(&u, &c.base) },
    }))
}
