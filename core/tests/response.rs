//! What apps read off an error response, per official SDK.

use std::time::Duration;

use bytes::Bytes;
use http::HeaderMap;
use tikapi_core::{ApiErrorKind, Dialect, Response};

fn resp(status: u16, body: &str) -> Response {
    Response::new(
        status,
        HeaderMap::new(),
        "http://127.0.0.1:9/public/check?username=a".into(),
        Duration::ZERO,
        Bytes::copy_from_slice(body.as_bytes()),
    )
}

#[test]
fn python_words_errors_as_requests_does_when_the_body_has_no_message() {
    let r = resp(500, "<html>oops</html>");
    assert_eq!(
        r.error_message(Dialect::Python),
        "500 Server Error: Internal Server Error for url: http://127.0.0.1:9/public/check?username=a"
    );
    assert_eq!(
        resp(404, "{}").error_message(Dialect::Python),
        "404 Client Error: Not Found for url: http://127.0.0.1:9/public/check?username=a"
    );
    assert_eq!(r.error_message(Dialect::Js), "Something went wrong.");
}

#[test]
fn the_body_message_wins_in_both_dialects() {
    let r = resp(
        403,
        r#"{"status":"error","message":"User doesn't exist","statusCode":10202}"#,
    );
    assert_eq!(r.error_message(Dialect::Python), "User doesn't exist");
    assert_eq!(r.error_message(Dialect::Js), "User doesn't exist");
    // Python's str() of a non-string message.
    assert_eq!(
        resp(400, r#"{"message": 5}"#).error_message(Dialect::Python),
        "5"
    );
    assert_eq!(
        resp(400, r#"{"message": null}"#).error_message(Dialect::Python),
        "None"
    );
}

#[test]
fn error_kinds_follow_the_status_and_tiktok_code() {
    let cases = [
        (400, "{}", ApiErrorKind::BadRequest),
        (401, "{}", ApiErrorKind::Authentication),
        (403, r#"{"statusCode":10202}"#, ApiErrorKind::TikTok),
        (403, r#"{"message":"no"}"#, ApiErrorKind::Other),
        (
            428,
            r#"{"statusCode":8}"#,
            ApiErrorKind::AccountSessionExpired,
        ),
        (429, "{}", ApiErrorKind::RateLimit),
        (502, "<html>", ApiErrorKind::Server),
        (418, "{}", ApiErrorKind::Other),
    ];
    for (status, body, kind) in cases {
        assert_eq!(resp(status, body).error_kind(), kind, "{status} {body}");
    }
}
