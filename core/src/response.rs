//! A response from the API: status, headers, the body bytes, and its JSON
//! parsed at most once, on first use.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use http::HeaderMap;

use crate::dialect::Dialect;
use crate::request::Request;

/// The kinds of API error apps commonly tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: a parameter the API refused (`fields` names them).
    BadRequest,
    /// 401: the API key is missing or not valid.
    Authentication,
    /// 403 with a TikTok `statusCode`.
    TikTok,
    /// 428: the account key's session expired; the user must re-authorise.
    AccountSessionExpired,
    /// 429: the key's rate limit or bandwidth limit was reached.
    RateLimit,
    /// 5xx.
    Server,
    /// Any other status.
    Other,
}

impl ApiErrorKind {
    /// A stable name, for the bindings' discriminants.
    pub fn name(self) -> &'static str {
        match self {
            ApiErrorKind::BadRequest => "bad_request",
            ApiErrorKind::Authentication => "authentication",
            ApiErrorKind::TikTok => "tiktok",
            ApiErrorKind::AccountSessionExpired => "account_session_expired",
            ApiErrorKind::RateLimit => "rate_limit",
            ApiErrorKind::Server => "server",
            ApiErrorKind::Other => "other",
        }
    }
}

/// Cloning is cheap: the body and the parsed JSON are shared.
#[derive(Clone)]
pub struct Response {
    pub status: u16,
    /// The reason phrase (`OK`, `Not Found`, ...).
    pub reason: String,
    pub headers: HeaderMap,
    /// The final URL, after redirects.
    pub url: String,
    /// Time from sending the request to the end of the body.
    pub elapsed: Duration,
    pub body: Bytes,
    json: Arc<OnceLock<Option<serde_json::Value>>>,
    /// The top-level fields the SDK's own rules read, parsed without
    /// building the rest of the body (see [`Response::head`]).
    head: Arc<OnceLock<Option<serde_json::Value>>>,
    /// The endpoint key of the call that produced this response.
    pub(crate) endpoint: Option<Arc<str>>,
    /// The request this response answers, as handed to the transport.
    pub(crate) request: Option<Arc<Request>>,
    /// Data of the layers above, as in `reqwest` and `http`: the call a
    /// response answered is kept here by [`crate::Client::call`], for the next page.
    extensions: http::Extensions,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("url", &self.url)
            .field("bytes", &self.body.len())
            .finish()
    }
}

impl Response {
    pub fn new(
        status: u16,
        headers: HeaderMap,
        url: String,
        elapsed: Duration,
        body: Bytes,
    ) -> Self {
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("")
            .to_owned();
        Response {
            status,
            reason,
            headers,
            url,
            elapsed,
            body,
            json: Arc::new(OnceLock::new()),
            head: Arc::new(OnceLock::new()),
            endpoint: None,
            request: None,
            extensions: http::Extensions::new(),
        }
    }

    /// Data the layers above keep with this response.
    pub fn extensions(&self) -> &http::Extensions {
        &self.extensions
    }

    pub fn extensions_mut(&mut self) -> &mut http::Extensions {
        &mut self.extensions
    }

    /// A handle on the same response (body and parsed JSON are shared).
    pub fn share(&self) -> Response {
        self.clone()
    }

    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The `Content-Type` header's media type, lowercased.
    pub fn content_type(&self) -> Option<String> {
        let raw = self
            .headers
            .get(http::header::CONTENT_TYPE)?
            .to_str()
            .ok()?;
        Some(
            raw.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
        )
    }

    /// Whether the server says the body is JSON.
    pub fn is_json(&self) -> bool {
        self.content_type()
            .is_some_and(|t| t == "application/json" || t.ends_with("+json"))
    }

    /// The body parsed as JSON, or `None` when it is not valid JSON.
    /// Parsed once; later calls reuse the result.
    pub fn json(&self) -> Option<&serde_json::Value> {
        self.json
            .get_or_init(|| serde_json::from_slice(&self.body).ok())
            .as_ref()
    }

    /// The parts of the body the SDK's rules read (`message`, `statusCode`,
    /// the cursor fields, `notice_lists[0]`'s times, `$other`), or `None`
    /// when the body is not valid JSON. When the app has not asked for the
    /// whole JSON, only these are built: reading a message or deciding on a
    /// next page then costs a scan of the body, not a copy of it.
    pub fn head(&self) -> Option<&serde_json::Value> {
        if let Some(full) = self.json.get() {
            return full.as_ref();
        }
        self.head
            .get_or_init(|| crate::partial_json::parse(&self.body))
            .as_ref()
    }

    /// The body as text (UTF-8, invalid sequences replaced).
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The body's `message`, or the official SDKs' default for the status.
    pub fn message(&self) -> String {
        let from_body = self
            .head()
            .and_then(|j| j.get("message"))
            .and_then(|m| m.as_str())
            .filter(|m| !m.is_empty());
        match from_body {
            Some(m) => m.to_owned(),
            None if self.ok() => "Success.".to_owned(),
            None => "Something went wrong.".to_owned(),
        }
    }

    /// What an app sees as the error's text for this (non-2xx) response,
    /// as each official SDK words it.
    ///
    /// JS: the body's `message`, else `Something went wrong.`. Python: the
    /// body's `message` in Python's `str()` form when the body is a JSON
    /// object that has one; otherwise the `requests` library's own wording,
    /// `500 Server Error: Internal Server Error for url: URL`.
    pub fn error_message(&self, dialect: Dialect) -> String {
        if dialect != Dialect::Python {
            return self.message();
        }
        if let Some(m) = self.head().and_then(|j| j.as_object()?.get("message")) {
            return match m {
                serde_json::Value::String(s) => s.clone(),
                other => crate::value::Value::from(other).text(Dialect::Python),
            };
        }
        let side = if self.status < 500 {
            "Client"
        } else {
            "Server"
        };
        format!(
            "{} {side} Error: {} for url: {}",
            self.status, self.reason, self.url
        )
    }

    /// Which kind of API error this (non-2xx) response is, for the bindings'
    /// precise error classes.
    pub fn error_kind(&self) -> ApiErrorKind {
        match self.status {
            401 => ApiErrorKind::Authentication,
            403 if self.tiktok_code().is_some() => ApiErrorKind::TikTok,
            428 => ApiErrorKind::AccountSessionExpired,
            429 => ApiErrorKind::RateLimit,
            400 => ApiErrorKind::BadRequest,
            s if s >= 500 => ApiErrorKind::Server,
            _ => ApiErrorKind::Other,
        }
    }

    /// TikTok's own status code, when the body carries a non-zero one.
    pub fn tiktok_code(&self) -> Option<i64> {
        self.head()
            .and_then(|j| j.get("statusCode"))
            .and_then(|c| c.as_i64())
            .filter(|c| *c != 0)
    }

    /// The docs' description of [`Response::tiktok_code`].
    pub fn tiktok_description(&self) -> Option<&'static str> {
        self.tiktok_code().and_then(crate::tiktok_codes::describe)
    }

    /// `Retry-After`, as seconds or an HTTP date.
    pub fn retry_after(&self) -> Option<Duration> {
        retry_after_header(&self.headers)
    }

    /// The headers the video CDN wants with a download of one of this
    /// response's video links (`$other.videoLinkHeaders`).
    pub fn video_link_headers(&self) -> Vec<(String, String)> {
        let Some(map) = self
            .head()
            .and_then(|j| j.get("$other"))
            .and_then(|o| o.get("videoLinkHeaders"))
            .and_then(|h| h.as_object())
        else {
            return Vec::new();
        };
        map.iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::String(s) => Some((k.clone(), s.clone())),
                serde_json::Value::Number(n) => Some((k.clone(), n.to_string())),
                _ => None,
            })
            .collect()
    }

    /// The endpoint key of the call that produced this response.
    pub fn endpoint(&self) -> Option<&str> {
        self.endpoint.as_deref()
    }

    /// The request that produced this response, as built and handed to the
    /// transport (which adds only `User-Agent`: see [`Client::user_agent`]).
    /// Its headers hold the keys: never print them.
    ///
    /// [`Client::user_agent`]: crate::Client::user_agent
    pub fn request(&self) -> Option<&Request> {
        self.request.as_deref()
    }
}

/// A `Retry-After` header, as seconds or an HTTP date.
pub fn retry_after_header(headers: &http::HeaderMap) -> Option<Duration> {
    let raw = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = raw.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let when = httpdate::parse_http_date(raw).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}
