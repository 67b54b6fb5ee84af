//! Videos: lists of posts (a user's, liked, explore, related, following,
//! saved, a playlist's), playlists, one video, and liking or unliking one.

use serde_json::{json, Value as Json};

use super::call::Ctx;
use super::{obj, Answer, Body, Call};
use crate::world::{KNOWN_PLAYLIST, NOW};

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("public.posts", posts),
    ("user.posts.feed", posts),
    ("public.likes", likes),
    ("user.posts.likes", likes),
    ("public.explore", explore),
    ("user.posts.explore", explore),
    ("public.exploreCategory", explore_category),
    ("public.relatedPosts", related),
    ("user.posts.relatedPosts", related),
    ("user.posts.followingPosts", following_posts),
    ("user.posts.savedPosts", saved),
    ("public.video", video),
    ("public.videoV2", video),
    ("public.videoV3", video),
    ("user.posts.video", video),
    ("public.playlists", playlists),
    ("user.posts.playlists", playlists),
    ("public.playlistItems", playlist_items),
    ("user.posts.playlistItems", playlist_items),
    ("user.posts.like", like),
    ("user.posts.unlike", like),
];

/// The posts of the user the call is about.
fn posts(c: &Call<'_>) -> Body {
    let u = c.subject();
    let ctx = Ctx {
        author: Some(&u.username),
        ..Ctx::default()
    };
    c.video_page("posts", &u.username, ctx, false)
}

fn likes(c: &Call<'_>) -> Body {
    let u = c.subject();
    c.video_page("likes", &u.username, Ctx::default(), false)
}

fn explore(c: &Call<'_>) -> Body {
    let region = c.text("country").unwrap_or_else(|| "us".into());
    c.video_page("explore", &region, Ctx::default(), false)
}

fn explore_category(c: &Call<'_>) -> Body {
    let cat = c.text("category_id").unwrap_or_default();
    c.video_page("explore-category", &cat, Ctx::default(), false)
}

fn related(c: &Call<'_>) -> Body {
    let id = c.world.video_id(&c.text("video_id").unwrap_or_default());
    c.video_page("related", &id, Ctx::default(), false)
}

fn following_posts(c: &Call<'_>) -> Body {
    c.video_page("following-posts", &c.me(), Ctx::default(), false)
}

fn saved(c: &Call<'_>) -> Body {
    c.video_page("saved", &c.me(), Ctx::default(), false)
}

/// One video: `itemInfo.itemStruct`.
fn video(c: &Call<'_>) -> Body {
    let id = c.world.video_id(&c.text("id").unwrap_or_default());
    obj(json!({ "itemInfo": { "itemStruct": c.video(&id) } }))
}

fn playlists(c: &Call<'_>) -> Body {
    let w = c.world;
    let u = c.subject();
    let win = c.window(w.total("playlists", &u.username), 30);
    let lists: Vec<Json> = win
        .range()
        .map(|i| {
            let id = if i == 0 && u.username == KNOWN_PLAYLIST.1 {
                KNOWN_PLAYLIST.0.to_owned()
            } else {
                w.id19(7, &["playlist", &u.username, &i.to_string()])
            };
            let h = w.h(&["playlist-name", &id]);
            json!({
                "id": id,
                "mixId": id,
                "name": format!("{} {}", w.topic(h), w.topic(h >> 8)),
                "mixName": format!("{} {}", w.topic(h), w.topic(h >> 8)),
                "video_count": w.total("playlist", &id),
                "cover": format!("{}/__sandbox/image/playlist/{id}.png", c.base),
                "creator": { "uniqueId": u.username, "secUid": u.sec_uid, "id": u.id },
            })
        })
        .collect();
    c.page("playList", lists, &win, false)
}

fn playlist_items(c: &Call<'_>) -> Body {
    let id = c.text("playlist_id").unwrap_or_default();
    let owner = (id == KNOWN_PLAYLIST.0).then_some(KNOWN_PLAYLIST.1);
    let ctx = Ctx {
        author: owner,
        ..Ctx::default()
    };
    c.video_page("playlist", &id, ctx, false)
}

/// The acknowledgement of `user.posts.like` and `user.posts.unlike`.
fn like(c: &Call<'_>) -> Body {
    obj(json!({
        "is_digg": u8::from(c.ep.key == "user.posts.like"),
        "extra": { "now": NOW * 1000 },
        "log_pb": { "impr_id": c.rid },
        "status_code": 0,
    }))
}
