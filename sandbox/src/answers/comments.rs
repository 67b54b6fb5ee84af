//! Comments: a video's comments, a comment's replies, and posting, liking,
//! unliking or deleting one.

use serde_json::{json, Value as Json};

use super::{obj, Answer, Body, Call};
use crate::world::Shapes;
use crate::world::NOW;

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("public.commentsList", list),
    ("user.posts.comments.list", list),
    ("public.commentRepliesList", replies),
    ("user.posts.comments.replies", replies),
    ("user.posts.comments.post", post),
    ("user.posts.comments.like", acknowledge),
    ("user.posts.comments.unlike", acknowledge),
    ("user.posts.comments.delete", acknowledge),
];

fn list(c: &Call<'_>) -> Body {
    page(c, None)
}

fn replies(c: &Call<'_>) -> Body {
    let parent = c.text("comment_id").unwrap_or_default();
    page(c, Some(&parent))
}

/// A page of a video's comments, or of one comment's replies: `comments[]`,
/// a numeric `cursor`, `has_more` 0/1 and `total`.
fn page(c: &Call<'_>, parent: Option<&str>) -> Body {
    let w = c.world;
    let media = w.video_id(&c.text("media_id").unwrap_or_default());
    let total = match parent {
        Some(p) => w.total("replies", p),
        None => w.total("comments", &media),
    };
    let win = c.window(total, 20);
    let comments: Vec<Json> = win
        .range()
        .map(|i| {
            let cid = w.comment_id(&media, parent, i);
            w.comment_json(&media, &cid, parent, &c.base)
        })
        .collect();
    let mut body = c.page("comments", comments, &win, true);
    body.insert("total".into(), json!(total));
    if parent.is_none() {
        body.insert("alias_comment_deleted".into(), json!(false));
        body.insert("reply_style".into(), json!(2));
    }
    body
}

/// The comment as posted by the account's user.
fn post(c: &Call<'_>) -> Body {
    let w = c.world;
    let media = w.video_id(&c.text("media_id").unwrap_or_default());
    let text = c.text("text").unwrap_or_default();
    let me = w.user_by_name(&c.me());
    let cid = w.id19(7, &["posted-comment", &media, &text, &c.me()]);
    let reply_id = c
        .text("reply_comment_id")
        .filter(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| "0".into());
    obj(json!({
        "comment": {
            "cid": cid,
            "aweme_id": media,
            "text": text,
            "create_time": NOW,
            "digg_count": 0,
            "reply_id": reply_id,
            "reply_to_reply_id": "0",
            "reply_comment_total": 0,
            "reply_comment": null,
            "status": 1,
            "text_extra": [],
            "user_digged": 0,
            "user_buried": false,
            "is_author_digged": false,
            "label_list": null,
            "user": w.comment_user(&me, &c.base),
        },
        "status_code": 0,
        "status_msg": "Comment sent successfully",
    }))
}

/// The acknowledgement of liking, unliking or deleting a comment.
fn acknowledge(c: &Call<'_>) -> Body {
    let mut body = obj(json!({
        "extra": { "now": NOW * 1000 },
        "log_pb": { "impr_id": c.rid },
    }));
    body.extend(obj(if c.ep.key == "user.posts.comments.delete" {
        json!({ "msg": "success", "status_code": 0 })
    } else {
        json!({ "status_code": 0, "status_msg": "" })
    }));
    body
}
