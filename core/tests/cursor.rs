//! The next-page rule on every response shape in the docs. Expectations were
//! recorded from the official SDKs 3.2.2 (tests/conformance/record), except
//! where the official SDK loops or fails, which is said case by case.

use serde_json::{json, Value as Json};
use tikapi_core::cursor::next_args;
use tikapi_core::{catalogue, Args, Dialect, Value};

fn next(key: &str, body: Json, dialect: Dialect) -> Option<Vec<(String, Value)>> {
    let endpoint = catalogue().get(key).unwrap();
    let original = Args::new().with("secUid", "S".repeat(40));
    next_args(endpoint, &original, &body, dialect).map(|a| a.iter().skip(1).cloned().collect())
}

fn s(v: &str) -> Value {
    Value::Str(v.into())
}

const BOTH: [Dialect; 2] = [Dialect::Js, Dialect::Python];

#[test]
fn cursor_with_has_more() {
    for f in BOTH {
        let n = next(
            "public.posts",
            json!({"hasMore": true, "cursor": "100", "itemList": []}),
            f,
        );
        assert_eq!(n, Some(vec![("cursor".into(), s("100"))]), "{f:?}");
    }
}

#[test]
fn numeric_cursor_with_has_more_as_a_number() {
    // Comments: `cursor` is a number and `has_more` is 0/1.
    for f in BOTH {
        let n = next(
            "public.commentsList",
            json!({"has_more": 1, "cursor": 40}),
            f,
        );
        assert_eq!(n, Some(vec![("cursor".into(), Value::Int(40))]), "{f:?}");
        assert_eq!(
            next(
                "public.commentsList",
                json!({"has_more": 0, "cursor": 40}),
                f
            ),
            None,
            "{f:?}"
        );
    }
}

#[test]
fn offset_and_cursor_precedence_differs_between_the_sdks() {
    let body = json!({"hasMore": true, "offset": 30, "cursor": "100"});
    // JS takes `cursor` first, Python `offset`; each value goes to every
    // cursor name the endpoint declares.
    assert_eq!(
        next("user.live.list", body.clone(), Dialect::Js),
        Some(vec![("offset".into(), s("100"))])
    );
    assert_eq!(
        next("user.live.list", body.clone(), Dialect::Python),
        Some(vec![("offset".into(), Value::Int(30))])
    );
    assert_eq!(
        next("public.posts", body.clone(), Dialect::Python),
        Some(vec![("cursor".into(), Value::Int(30))])
    );
    assert_eq!(
        next("public.posts", body, Dialect::Rust),
        Some(vec![("cursor".into(), s("100"))])
    );
}

#[test]
fn next_cursor_style() {
    for f in BOTH {
        let n = next(
            "public.followersList",
            json!({"hasMore": true, "nextCursor": "20"}),
            f,
        );
        assert_eq!(n, Some(vec![("nextCursor".into(), s("20"))]), "{f:?}");
        let n = next(
            "public.search",
            json!({"has_more": 1, "nextCursor": "20"}),
            f,
        );
        assert_eq!(n, Some(vec![("nextCursor".into(), s("20"))]), "{f:?}");
        // A nextCursor is followed even when hasMore is false...
        let n = next(
            "public.followersList",
            json!({"hasMore": false, "nextCursor": "20"}),
            f,
        );
        assert_eq!(n, Some(vec![("nextCursor".into(), s("20"))]), "{f:?}");
        // ...which makes live chat an endless stream.
        let n = next(
            "user.live.chat",
            json!({"nextCursor": "xyz", "messagesList": []}),
            f,
        );
        assert_eq!(n, Some(vec![("nextCursor".into(), s("xyz"))]), "{f:?}");
        // The last page carries none.
        assert_eq!(
            next(
                "public.followersList",
                json!({"hasMore": false, "userList": []}),
                f
            ),
            None
        );
    }
}

#[test]
fn notifications_use_min_and_max_time() {
    for f in BOTH {
        let n = next(
            "user.notifications",
            json!({"notice_lists": [{"has_more": 1, "min_time": 100, "max_time": 200}]}),
            f,
        );
        assert_eq!(
            n,
            Some(vec![
                ("min_time".into(), Value::Int(100)),
                ("max_time".into(), Value::Int(200))
            ]),
            "{f:?}"
        );
        let stop = [
            json!({"notice_lists": [{"has_more": 0, "min_time": 100, "max_time": 200}]}),
            json!({"notice_lists": [{"has_more": 1, "min_time": 0, "max_time": 200}]}),
            json!({"notice_lists": []}),
            json!({"notice_lists": null}),
        ];
        for body in stop {
            assert_eq!(
                next("user.notifications", body.clone(), f),
                None,
                "{f:?} {body}"
            );
        }
    }
}

#[test]
fn nothing_more() {
    for f in BOTH {
        for body in [
            json!({"cursor": "100"}),
            json!({"hasMore": false, "cursor": "100"}),
            json!([1, 2]),
            json!("text"),
            json!(null),
        ] {
            assert_eq!(next("public.posts", body.clone(), f), None, "{f:?} {body}");
        }
    }
}

#[test]
fn has_more_without_a_cursor_stops() {
    // The official JS SDK asks for the same page again here, forever; the
    // Python SDK stops. Both of ours stop.
    for f in BOTH {
        assert_eq!(
            next("public.posts", json!({"hasMore": true}), f),
            None,
            "{f:?}"
        );
    }
    // Python also stops on a falsy cursor; JS passes it on.
    assert_eq!(
        next(
            "public.posts",
            json!({"hasMore": true, "cursor": 0}),
            Dialect::Python
        ),
        None
    );
    assert_eq!(
        next(
            "public.posts",
            json!({"hasMore": true, "cursor": 0}),
            Dialect::Js
        ),
        Some(vec![("cursor".into(), Value::Int(0))])
    );
}

#[test]
fn endpoints_without_cursor_parameters_repeat_like_the_official_sdks() {
    // public.explore declares no cursor: the next call is the same call
    // (a fresh batch of trending posts), as in both official SDKs.
    for f in BOTH {
        assert_eq!(
            next(
                "public.explore",
                json!({"hasMore": true, "cursor": "100"}),
                f
            ),
            Some(vec![]),
            "{f:?}"
        );
    }
}
