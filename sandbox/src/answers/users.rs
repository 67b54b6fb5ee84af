//! Users: profiles, follower and following lists, and following or
//! unfollowing someone.

use serde_json::json;

use super::{obj, Answer, Body, Call};
use crate::world::Shapes;
use crate::world::NOW;

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("public.check", profile),
    ("public.checkV3", profile),
    ("user.info", profile),
    ("public.followersList", followers),
    ("user.followers", followers),
    ("public.followingList", following),
    ("user.following", following),
    ("user.followingV1", following),
    ("user.follow", follow),
    ("user.unfollow", follow),
];

/// `userInfo.user` and `userInfo.stats` of the user the call is about.
fn profile(c: &Call<'_>) -> Body {
    let w = c.world;
    let u = c.subject();
    let nickname = w.user_json(&u, &c.base)["nickname"].clone();
    obj(json!({
        "userInfo": {
            "user": w.user_json(&u, &c.base),
            "stats": w.user_stats(&u),
            "statsV2": w.user_stats_v2(&u),
        },
        "shareMeta": {
            "title": format!("{} on TikTok", nickname.as_str().unwrap_or_default()),
            "desc": format!("@{} {} Followers, {} Following", u.username, w.total("followers", &u.username), w.total("following", &u.username)),
        },
    }))
}

fn followers(c: &Call<'_>) -> Body {
    let u = c.subject();
    user_list(
        c,
        c.user_page("followers", &u.username, "userList", false),
        "followers",
        &u.username,
    )
}

fn following(c: &Call<'_>) -> Body {
    let u = c.subject();
    user_list(
        c,
        c.user_page("following", &u.username, "userList", false),
        "following",
        &u.username,
    )
}

/// What TikTok's user lists add to a page: the list's length and times.
fn user_list(c: &Call<'_>, mut body: Body, list: &str, owner: &str) -> Body {
    body.insert("total".into(), json!(c.world.total(list, owner)));
    body.insert("minCursor".into(), json!(NOW - 86_400));
    body.insert("maxCursor".into(), json!(0));
    body.insert("isTruncated".into(), json!(false));
    body
}

/// The acknowledgement of `user.follow` and `user.unfollow`.
fn follow(c: &Call<'_>) -> Body {
    let follow = c.ep.key == "user.follow";
    obj(json!({
        "follow_status": u8::from(follow),
        "watch_status": u8::from(follow),
        "extra": { "now": NOW * 1000 },
        "status_code": 0,
    }))
}
