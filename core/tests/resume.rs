//! Resume points of item walks: cut anywhere, carried as JSON text, a new
//! walk continues right after the last item handed out, every item once;
//! no key in the token; a token checked against the call it resumes.

use std::io::{Read, Write};
use std::net::TcpListener;

use tikapi_core::pages::{item_list, ResumePoint};
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, CallOptions, Client, Dialect, Options, PageLimits, Pages};

const KEY: &str = "Zyxwvutsrq9876543210";
const ACCOUNT: &str = "AccountKey5555444433332222";

/// Answers by cursor, whatever the order: items 1..=7 over three pages.
fn paged_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(mut sock) = sock else { return };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                match sock.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let head = String::from_utf8_lossy(&buf);
            let body = if head.contains("cursor=60") {
                r#"{"hasMore":false,"cursor":"90","itemList":[7]}"#
            } else if head.contains("cursor=30") {
                r#"{"hasMore":true,"cursor":"60","itemList":[4,5,6]}"#
            } else {
                r#"{"hasMore":true,"cursor":"30","itemList":[1,2,3]}"#
            };
            let answer = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = sock.write_all(answer.as_bytes());
        }
    });
    url
}

fn client(base: &str) -> Client {
    let api = Client::with_dialect(KEY, Dialect::Python);
    let o = Options::default()
        .with_base(base.into())
        .with_sandbox_base(base.into());
    api.set(&Args::new(), None, Some(&o));
    api
}

/// Walk items as a binding does (`item_list[skip..take]`), stopping after
/// `stop` items: the items and the token at that point.
fn walk(pages: &mut Pages, stop: usize) -> (Vec<i64>, Option<String>) {
    let mut got = Vec::new();
    while got.len() < stop {
        let Some(page) = block_on(pages.next()) else {
            return (got, pages.resume_point().map(|p| p.to_json().to_string()));
        };
        let page = page.unwrap();
        let list = item_list(page.json().unwrap()).unwrap().clone();
        let end = pages.take().unwrap_or(list.len());
        let mut handed = 0;
        for item in &list[pages.skip()..end] {
            if got.len() == stop {
                break;
            }
            got.push(item.as_i64().unwrap());
            handed += 1;
        }
        if got.len() == stop {
            let token = pages
                .item_resume_point(handed)
                .map(|p| p.to_json().to_string());
            return (got, token);
        }
    }
    (got, pages.resume_point().map(|p| p.to_json().to_string()))
}

fn sec() -> String {
    "S".repeat(40)
}

#[test]
fn a_walk_cut_anywhere_resumes_with_every_item_once() {
    let url = paged_server();
    let api = client(&url);
    let user = api.scope(Args::new());
    for stop in 0..=7 {
        let first = Pages::new(
            user.clone(),
            "public.posts".into(),
            args! {"secUid" => sec().as_str(), "accountKey" => ACCOUNT},
            PageLimits::default(),
        );
        let mut first = first;
        let (mut got, token) = walk(&mut first, stop);
        let Some(token) = token else {
            assert_eq!(got, (1..=7).collect::<Vec<_>>(), "cut after {stop}");
            continue;
        };
        assert!(!token.contains(ACCOUNT) && !token.contains(KEY), "{token}");
        // Another process: only the text crosses.
        let json: serde_json::Value = serde_json::from_str(&token).unwrap();
        let given = args! {"secUid" => sec().as_str(), "accountKey" => ACCOUNT};
        let point = ResumePoint::for_call(&json, "public.posts", &given).unwrap();
        assert_eq!(
            point.args.get("accountKey").and_then(|v| v.as_str()),
            Some(ACCOUNT)
        );
        let mut rest = Pages::resume(
            api.clone(),
            point,
            CallOptions::default(),
            PageLimits::default(),
        );
        let (more, end) = walk(&mut rest, usize::MAX);
        got.extend(more);
        assert_eq!(
            got,
            (1..=7).collect::<Vec<_>>(),
            "cut after {stop}: {token}"
        );
        assert!(end.is_none());
    }
}

#[test]
fn a_walk_stopped_by_max_items_resumes_after_its_last_item() {
    let url = paged_server();
    let api = client(&url);
    let limits = PageLimits::default().with_max_items(5);
    let mut pages = Pages::new(
        api.clone(),
        "public.posts".into(),
        args! {"secUid" => sec().as_str()},
        limits,
    );
    let (got, token) = walk(&mut pages, usize::MAX);
    assert_eq!(got, [1, 2, 3, 4, 5]);
    let json: serde_json::Value = serde_json::from_str(&token.unwrap()).unwrap();
    assert_eq!(json["skip"], 2);
    let point = ResumePoint::for_call(&json, "public.posts", &Args::new()).unwrap();
    let mut rest = Pages::resume(api, point, CallOptions::default(), PageLimits::default());
    assert_eq!(walk(&mut rest, usize::MAX).0, [6, 7]);
}

#[test]
fn a_token_must_fit_the_call() {
    let token = serde_json::json!({"endpoint": "public.posts", "args": {"secUid": "A", "cursor": "30"}, "skip": 1});
    let e = ResumePoint::for_call(&token, "public.likes", &Args::new()).unwrap_err();
    assert!(
        e.to_string()
            .contains("continues a walk of public.posts, not of public.likes"),
        "{e}"
    );
    let e = ResumePoint::for_call(&token, "public.posts", &args! {"secUid" => "B"}).unwrap_err();
    assert!(
        e.to_string().contains(r#"with secUid="A", not secUid="B""#),
        "{e}"
    );
    // The cursor is the token's; an equal argument is fine.
    let p = ResumePoint::for_call(
        &token,
        "public.posts",
        &args! {"secUid" => "A", "cursor" => "0"},
    )
    .unwrap();
    assert_eq!(p.args.get("cursor").and_then(|v| v.as_str()), Some("30"));
    assert_eq!(p.skip, 1);
    for bad in [
        serde_json::json!("x"),
        serde_json::json!({"endpoint": "nope.nothing", "args": {}}),
        serde_json::json!({"endpoint": "public.posts", "args": {}, "skip": -1}),
    ] {
        let e = ResumePoint::for_call(&bad, "public.posts", &Args::new()).unwrap_err();
        assert!(
            e.to_string().contains("the resume token is not valid"),
            "{e}"
        );
    }
}
