//! A call laid out by `Client::prepare_call`, answered elsewhere (a
//! binding's own HTTP stack) and handed back to `Prepared::complete`: the
//! answer must behave as one the core fetched itself — API errors, and the
//! next page laid out from it with the same settings.

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue};
use tikapi_core::{args, CallOptions, Client, Dialect, Error, Options, Response};

const SEC_UID: &str =
    "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud";

fn json_response(status: u16, body: &str) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static("application/json"));
    Response::new(
        status,
        headers,
        "http://api.test/public/posts".into(),
        Duration::ZERO,
        Bytes::from(body.to_owned()),
    )
}

fn client() -> Client {
    let api = Client::with_dialect("Zyxwvutsrq9876543210", Dialect::Js);
    let options = Options::default()
        .with_base("http://api.test".into())
        .with_timeout(Duration::from_secs(7));
    api.set(&args! {}, None, Some(&options));
    api
}

#[test]
fn a_prepared_call_shows_its_request_and_options() {
    let call = CallOptions::default()
        .with_options(Options::default().with_headers(vec![("X-Extra".into(), "1".into())]));
    let p = client()
        .prepare_call("public.posts", args! { "secUid" => SEC_UID }, call)
        .unwrap();
    assert_eq!(p.endpoint(), "public.posts");
    assert!(p.request().url.starts_with("http://api.test/public/posts?"));
    assert!(p
        .request()
        .headers
        .iter()
        .any(|(k, v)| k == "X-API-KEY" && v == "Zyxwvutsrq9876543210"));
    assert!(p
        .request()
        .headers
        .iter()
        .any(|(k, v)| k == "X-Extra" && v == "1"));
    assert_eq!(p.options.timeout, Some(Duration::from_secs(7)));
    assert!(p.args().contains("secUid"));
    // Validation happens here, before anything could be sent.
    let bad = client().prepare_call(
        "public.check",
        args! { "username" => "not a name!" },
        CallOptions::default(),
    );
    assert!(matches!(bad, Err(Error::Validation(v)) if v.field == "username"));
}

#[test]
fn a_completed_answer_pages_with_the_same_settings() {
    let call = CallOptions::default()
        .with_options(Options::default().with_headers(vec![("X-Extra".into(), "kept".into())]));
    let p = client()
        .prepare_call("public.posts", args! { "secUid" => SEC_UID }, call)
        .unwrap();
    let page = p
        .complete(json_response(
            200,
            r#"{"hasMore":true,"cursor":"40","itemList":[]}"#,
        ))
        .unwrap();
    assert_eq!(page.endpoint(), Some("public.posts"));
    assert!(Client::has_next_page(&page));
    let next = Client::prepare_next(&page).unwrap().unwrap();
    assert!(
        next.request().url.contains("cursor=40"),
        "{}",
        next.request().url
    );
    assert!(
        next.request().url.contains("secUid="),
        "{}",
        next.request().url
    );
    assert!(next
        .request()
        .headers
        .iter()
        .any(|(k, v)| k == "X-Extra" && v == "kept"));
    // The last page has no next one.
    let last = next
        .complete(json_response(200, r#"{"hasMore":false,"itemList":[]}"#))
        .unwrap();
    assert!(Client::prepare_next(&last).is_none());
}

#[test]
fn a_completed_error_status_is_an_api_error() {
    let p = client()
        .prepare_call(
            "public.check",
            args! { "username" => "lilyachty" },
            CallOptions::default(),
        )
        .unwrap();
    match p.complete(json_response(
        403,
        r#"{"status":"error","message":"nope","statusCode":10202}"#,
    )) {
        Err(Error::Api(r)) => {
            assert_eq!(r.status, 403);
            assert_eq!(r.tiktok_code(), Some(10202));
            assert_eq!(r.message(), "nope");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}
