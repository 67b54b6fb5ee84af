//! Users: profiles, follower and following lists, and following or
//! unfollowing someone.

use serde_json::json;

use super::{obj, Answer, Body, Call};
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
    obj(json!({
        "userInfo": { "user": w.user_json(&u, &c.base), "stats": w.user_stats(&u) },
    }))
}

fn followers(c: &Call<'_>) -> Body {
    let u = c.subject();
    c.user_page("followers", &u.username, "userList", false)
}

fn following(c: &Call<'_>) -> Body {
    let u = c.subject();
    c.user_page("following", &u.username, "userList", false)
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
