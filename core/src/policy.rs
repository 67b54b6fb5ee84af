//! The rules every driver of a call applies, as pure functions: where a
//! redirect may go and with which method, whether to send again after an
//! answer or a failure and how long to wait, the transport kind of a
//! failure a driver reports by code, and the words of the failures whose
//! wording the core owns. The core's transport ([`crate::transport`]) and
//! the state machine a binding drives ([`crate::exchange`]) both use them.

use std::time::Duration;

use crate::catalogue::Method;
use crate::error::{Error, Result, TransportKind};
use crate::options::RetryPolicy;
use crate::response::Response;

/// Redirects followed in one call at the most.
pub const MAX_REDIRECTS: u32 = 10;

/// What a request is for, which decides where its redirects may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Requests with `X-API-KEY` / `X-ACCOUNT-KEY`: redirects are followed
    /// only within the same origin, so a key never reaches another host.
    Api,
    /// Video downloads (no keys): CDN redirects are followed anywhere.
    Download,
}

/// What to do with a redirect answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redirect {
    /// Send the request to the new URL.
    Follow,
    /// Not followed: the answer is handed to the app as it came.
    Stop,
    /// The call fails: too many redirects.
    TooMany,
}

/// The redirect rule, for both drivers: at most [`MAX_REDIRECTS`] hops
/// (`hops` already followed), and for API calls only within the origin of
/// the first request.
pub fn redirect_rule(purpose: Purpose, first: &url::Url, next: &url::Url, hops: u32) -> Redirect {
    if !matches!(next.scheme(), "http" | "https") {
        return Redirect::Stop;
    }
    if purpose == Purpose::Api && first.origin() != next.origin() {
        return Redirect::Stop;
    }
    if hops >= MAX_REDIRECTS {
        return Redirect::TooMany;
    }
    Redirect::Follow
}

/// The reason given for too many redirects.
pub fn too_many_redirects() -> String {
    format!("too many redirects (more than {MAX_REDIRECTS})")
}

/// The method a redirect is followed with: a 303, and a 301 / 302 after a
/// POST, turn into a GET without a body (as browsers, reqwest and node-fetch
/// do); the others keep the method and body.
pub fn redirected_method(status: u16, method: Method) -> Method {
    match (status, method) {
        (303, _) | (301 | 302, Method::Post) => Method::Get,
        (_, m) => m,
    }
}

/// How long to wait before sending a call again after `result` (attempt
/// `attempt`, 0-based), or `None`: the result stands. One rule for both
/// drivers: a 429 waits its `Retry-After` (or the backoff), a 5xx of an
/// idempotent request and a failure to connect wait the backoff.
pub fn retry_wait(
    policy: Option<&RetryPolicy>,
    attempt: u32,
    result: &Result<Response>,
    idempotent: bool,
) -> Option<Duration> {
    let policy = policy.filter(|p| attempt < p.max_retries)?;
    match result {
        Ok(r) if r.status == 429 => match r.retry_after() {
            Some(after) if after > policy.max_retry_after => None,
            Some(after) => Some(after),
            None => Some(policy.backoff(attempt + 1)),
        },
        Ok(r) if r.status >= 500 && idempotent => match r.retry_after() {
            Some(after) if after <= policy.max_retry_after => Some(after),
            _ => Some(policy.backoff(attempt + 1)),
        },
        Err(Error::Transport(t)) if t.kind == TransportKind::Connect => {
            Some(policy.backoff(attempt + 1))
        }
        _ => None,
    }
}

/// The reason of a body over the cap.
pub fn too_large_reason(cap: u64) -> String {
    format!(
        "the response body is larger than the {cap}-byte limit (option max_body_size / maxBodySize)"
    )
}

/// The reason of a call that timed out.
pub fn timeout_reason(timeout: Duration) -> String {
    format!("timed out (no complete answer within {timeout:.1?})")
}

/// The transport kind of a failure a driver reports by name: one of the
/// kinds' own names ([`TransportKind::name`]), or an operating system or
/// platform error code (Node's `err.code`: `ECONNREFUSED`, `CERT_HAS_EXPIRED`,
/// `Z_DATA_ERROR` ...). `answered`: the failure came after the status line,
/// while the body was read. Never guessed from message text.
pub fn kind_of_code(code: &str, answered: bool) -> TransportKind {
    if let Some(kind) = TransportKind::from_name(code) {
        return kind;
    }
    const TLS_CODES: &[&str] = &[
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "UNABLE_TO_GET_ISSUER_CERT",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "CERT_HAS_EXPIRED",
        "CERT_NOT_YET_VALID",
        "CERT_UNTRUSTED",
        "CERT_REJECTED",
        "HOSTNAME_MISMATCH",
        "ERR_TLS_CERT_ALTNAME_INVALID",
    ];
    const DECODE_CODES: &[&str] = &["Z_DATA_ERROR", "Z_BUF_ERROR", "Z_NEED_DICT", "ERR_ZLIB"];
    const CONNECT_CODES: &[&str] = &[
        "ECONNREFUSED",
        "ENOTFOUND",
        "EAI_AGAIN",
        "EAI_FAIL",
        "EHOSTUNREACH",
        "ENETUNREACH",
        "EADDRNOTAVAIL",
    ];
    const LOST_CODES: &[&str] = &[
        "ECONNRESET",
        "EPIPE",
        "ECONNABORTED",
        "ERR_STREAM_PREMATURE_CLOSE",
    ];
    if TLS_CODES.contains(&code) || code.starts_with("ERR_TLS_") || code.starts_with("ERR_SSL_") {
        TransportKind::Tls
    } else if DECODE_CODES.contains(&code) || code.starts_with("ERR_BROTLI") {
        TransportKind::Decode
    } else if CONNECT_CODES.contains(&code) {
        TransportKind::Connect
    } else if LOST_CODES.contains(&code) {
        // Lost before any answer: the connection failed; during the body:
        // the body is incomplete.
        if answered {
            TransportKind::Body
        } else {
            TransportKind::Connect
        }
    } else if code == "ETIMEDOUT" {
        TransportKind::Timeout
    } else {
        TransportKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn api_redirects_stay_in_their_origin() {
        let first = u("https://api.tikapi.io/a");
        assert_eq!(
            redirect_rule(Purpose::Api, &first, &u("https://api.tikapi.io/b"), 0),
            Redirect::Follow
        );
        assert_eq!(
            redirect_rule(Purpose::Api, &first, &u("https://evil.example/b"), 0),
            Redirect::Stop
        );
        assert_eq!(
            redirect_rule(
                Purpose::Download,
                &first,
                &u("https://cdn.example/v.mp4"),
                3
            ),
            Redirect::Follow
        );
        assert_eq!(
            redirect_rule(Purpose::Api, &first, &u("https://api.tikapi.io/b"), 10),
            Redirect::TooMany
        );
    }

    #[test]
    fn codes_map_to_kinds_without_reading_messages() {
        assert_eq!(kind_of_code("ECONNREFUSED", false), TransportKind::Connect);
        assert_eq!(kind_of_code("ECONNRESET", false), TransportKind::Connect);
        assert_eq!(kind_of_code("ECONNRESET", true), TransportKind::Body);
        assert_eq!(kind_of_code("Z_DATA_ERROR", true), TransportKind::Decode);
        assert_eq!(kind_of_code("CERT_HAS_EXPIRED", false), TransportKind::Tls);
        assert_eq!(
            kind_of_code("ERR_TLS_CERT_ALTNAME_INVALID", false),
            TransportKind::Tls
        );
        assert_eq!(kind_of_code("too_large", true), TransportKind::TooLarge);
        assert_eq!(kind_of_code("timeout", false), TransportKind::Timeout);
        assert_eq!(kind_of_code("EWHATEVER", false), TransportKind::Other);
    }

    #[test]
    fn see_other_and_post_redirects_become_get() {
        assert_eq!(redirected_method(303, Method::Post), Method::Get);
        assert_eq!(redirected_method(302, Method::Post), Method::Get);
        assert_eq!(redirected_method(307, Method::Post), Method::Post);
        assert_eq!(redirected_method(301, Method::Get), Method::Get);
    }
}
