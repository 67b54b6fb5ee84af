//! Finding things: hashtags, music, the discover pages and search.

use serde_json::{json, Value as Json};

use super::call::Ctx;
use super::{obj, Answer, Body, Call};
use crate::world::Shapes;

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("public.hashtag", hashtag),
    ("public.music", music),
    ("public.musicInfo", music_info),
    ("public.discover", discover),
    ("public.discoverKeyword", discover_keyword),
    ("public.search", search),
    ("user.posts.search", search),
];

/// By `id`: the hashtag's posts (with `challengeInfo` when `name` is given
/// too); by `name` alone: the hashtag's `challengeInfo`.
fn hashtag(c: &Call<'_>) -> Body {
    let w = c.world;
    let id = match (c.text("id"), c.text("name")) {
        (Some(id), _) => w.video_id(&id),
        (None, Some(name)) => {
            let id = w.hashtag_id(&name);
            return obj(json!({
                "challengeInfo": {
                    "challenge": w.hashtag_json(&id, &c.base),
                    "stats": w.hashtag_stats(&id),
                }
            }));
        }
        // Checked before: one of the two is required.
        (None, None) => return Body::new(),
    };
    let ctx = Ctx {
        tag: Some(&id),
        ..Ctx::default()
    };
    let mut body = c.video_page("hashtag", &id, ctx, false);
    if c.text("name").is_some() {
        body.insert(
            "challengeInfo".into(),
            json!({
                "challenge": w.hashtag_json(&id, &c.base),
                "stats": w.hashtag_stats(&id),
            }),
        );
    }
    body
}

/// The posts that use a sound.
fn music(c: &Call<'_>) -> Body {
    let id = c.text("id").unwrap_or_default();
    let ctx = Ctx {
        music: Some(&id),
        ..Ctx::default()
    };
    c.video_page("music", &id, ctx, false)
}

fn music_info(c: &Call<'_>) -> Body {
    let w = c.world;
    let id = c.text("id").unwrap_or_default();
    obj(json!({
        "musicInfo": {
            "music": w.music_json(&id, &c.base),
            "stats": { "videoCount": w.total("music", &id) },
        }
    }))
}

/// Users, music or hashtags of a region; posts when a keyword is given.
fn discover(c: &Call<'_>) -> Body {
    let w = c.world;
    if let Some(kw) = c.text("keyword") {
        return c.video_page("discover", &kw, Ctx::default(), false);
    }
    let category = c.text("category").unwrap_or_else(|| "users".into());
    let region = c.text("country").unwrap_or_else(|| "us".into());
    let owner = format!("{category}/{region}");
    let win = c.window(w.total("discover", &owner), 30);
    let (key, items): (&str, Vec<Json>) = match category.as_str() {
        "music" => (
            "music",
            win.range()
                .map(|i| w.music_json(&w.id19(6, &["discover-music", &owner, &i.to_string()]), &c.base))
                .collect(),
        ),
        "hashtag" => (
            "challenges",
            win.range()
                .map(|i| {
                    let id = w.hashtag_id(w.topic(w.h(&["discover-tag", &owner, &i.to_string()])));
                    let id = if i < 20 { id } else { w.id19(1, &["discover-tag-id", &owner, &i.to_string()]) };
                    json!({ "challenge": w.hashtag_json(&id, &c.base), "stats": w.hashtag_stats(&id) })
                })
                .collect(),
        ),
        _ => (
            "userList",
            win.range()
                .map(|i| w.user_entry(&w.pool_user(w.h(&["discover-user", &owner, &i.to_string()])), &c.base))
                .collect(),
        ),
    };
    c.page(key, items, &win, false)
}

/// A keyword's posts, and five users it matches.
fn discover_keyword(c: &Call<'_>) -> Body {
    let w = c.world;
    let kw = c.text("keyword").unwrap_or_default();
    let mut body = c.video_page("discover-keyword", &kw, Ctx::default(), false);
    let users: Vec<Json> = (0..5)
        .map(|i| {
            w.user_entry(
                &w.pool_user(w.h(&["kw-user", &kw, &i.to_string()])),
                &c.base,
            )
        })
        .collect();
    body.insert("users".into(), Json::Array(users));
    body
}

/// `data[]` of users and videos by category; words for `autocomplete`.
fn search(c: &Call<'_>) -> Body {
    let w = c.world;
    let category = c.text("category").unwrap_or_else(|| "general".into());
    let query = c.text("query").unwrap_or_default();
    let owner = format!("{category}/{}", query.to_lowercase());
    if category == "autocomplete" {
        let words: Vec<Json> = (0..10)
            .map(|i| json!({ "content": format!("{query} {}", w.topic(w.h(&["suggest", &query, &i.to_string()]))) }))
            .collect();
        return obj(json!({ "data": words, "has_more": 0 }));
    }
    let win = c.window(w.total("search", &owner), 12);
    let data: Vec<Json> = win
        .range()
        .map(|i| {
            let h = w.h(&["search", &owner, &i.to_string()]);
            if category == "users" || (category == "general" && h % 4 == 0) {
                let u = if i == 0 && category == "users" {
                    w.user_by_name(&query)
                } else {
                    w.pool_user(h)
                };
                let entry = w.user_entry(&u, &c.base);
                let user = &entry["user"];
                let mut card = w.comment_user(&u, &c.base);
                card["signature"] = user["signature"].clone();
                card["follower_count"] = entry["stats"]["followerCount"].clone();
                card["total_favorited"] = entry["stats"]["heartCount"].clone();
                card["follow_status"] = json!(0);
                card["room_id"] = json!(0);
                if let (Some(card), Some(user)) = (card.as_object_mut(), user.as_object()) {
                    // The camelCase profile this sandbox has always sent.
                    for (k, v) in user {
                        card.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                json!({ "type": 4, "user_info": card, "stats": entry["stats"] })
            } else {
                let id = w.list_video_id("search", &owner, i);
                json!({ "type": 1, "item": c.video(&id) })
            }
        })
        .collect();
    c.page("data", data, &win, true)
}
