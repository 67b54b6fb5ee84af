//! What the SDK tells an app's observability tools about each request,
//! decided once for every language.
//!
//! Every request the SDK puts on the wire (each retry, each page, each video
//! download) is an [`Attempt`] when it starts and a [`Finished`] when it is
//! over. Both carry everything a trace span, a metric point, a log line or a
//! diagnostics message needs, already named after OpenTelemetry's HTTP
//! client semantic conventions (`http.request.method`, `url.full`,
//! `server.address`, `server.port`, `http.response.status_code`,
//! `error.type`, `http.request.resend_count`) plus `tikapi.endpoint` (the
//! catalogue key) and `tikapi.status_code` (TikTok's `statusCode`, where the
//! answer has one). No key can be in them: keys travel in headers, which are
//! never described, and the URL's user info and secret-looking query values
//! are replaced by `REDACTED`.
//!
//! A binding hands these to its language's tools through an [`Observer`],
//! set for the duration of one call with [`scope`]. Without one (the usual
//! case), the only cost is a task-local lookup per request.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Map, Value as Json};

use crate::error::{Error, Result, TransportKind};
use crate::response::Response;

/// Headers an observer asks to add to the request it is told about (the
/// W3C `traceparent` / `tracestate` of its span).
pub type Headers = Vec<(String, String)>;

/// What [`Observer::start`] returns: the headers, possibly after a hop to
/// the language's own thread.
pub type StartFuture = Pin<Box<dyn Future<Output = Headers> + Send>>;

/// Told about every request of the calls it observes (see [`scope`]).
/// Attempts of one call come one after the other; attempts of different
/// calls may interleave, and are told apart by [`Attempt::id`].
pub trait Observer: Send + Sync {
    /// A request is about to be sent. The headers returned are added to it
    /// (unless the call's option `trace_context` / `traceContext` is off).
    fn start(&self, attempt: &Attempt) -> StartFuture;

    /// The request started as `finished.attempt` is over.
    fn finish(&self, finished: &Finished);
}

tokio::task_local! {
    static OBSERVER: Arc<dyn Observer>;
}

/// Run `call` with `observer` told about each of its requests (none: run it
/// as it is).
pub async fn scope<F: Future>(observer: Option<Arc<dyn Observer>>, call: F) -> F::Output {
    match observer {
        Some(o) => OBSERVER.scope(o, call).await,
        None => call.await,
    }
}

/// The observer of the call running here, if any.
pub fn current() -> Option<Arc<dyn Observer>> {
    OBSERVER.try_with(Arc::clone).ok()
}

/// What a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Purpose {
    /// An API call (each page of a walk is one).
    Api,
    /// A video download.
    Download,
}

impl Purpose {
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Api => "api",
            Purpose::Download => "download",
        }
    }
}

/// A request about to be sent.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// Unique in the process; pairs a [`Finished`] with its start.
    pub id: u64,
    pub purpose: Purpose,
    /// The catalogue key (`public.check`); `None` for a download.
    pub endpoint: Option<String>,
    pub method: String,
    /// The URL without user info or secret query values.
    pub url: String,
    pub server_address: String,
    pub server_port: u16,
    /// 0 for the first send of a call, then 1, 2, ... for its retries.
    pub resend_count: u32,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Query parameter names whose values are never shown: a word of the
/// name (without case) that ends with one of these, or holds a long one
/// (`accountKey`, `access_token`, `x-signature`, `sig`).
const SECRET_QUERY_PARTS: [&str; 6] = ["key", "token", "secret", "password", "signature", "sig"];

/// `raw` as observability tools may keep it: user info and the values of
/// secret-looking query parameters (`accountKey`, `access_token`,
/// `x-signature`, ...) replaced by `REDACTED`, as the HTTP semantic
/// conventions ask.
pub fn safe_url(raw: &str) -> String {
    let Ok(mut url) = url::Url::parse(raw) else {
        return crate::request::redact_url(raw);
    };
    if !url.username().is_empty() || url.password().is_some() {
        let _ = url.set_username("REDACTED");
        let _ = url.set_password(Some("REDACTED"));
    }
    if url.query().is_some() {
        let secret = |name: &str| {
            let name = name.to_ascii_lowercase();
            name.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| {
                    SECRET_QUERY_PARTS
                        .iter()
                        .any(|p| word.ends_with(p) || (p.len() > 3 && word.contains(p)))
                })
        };
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                let v = if secret(&k) { "REDACTED".into() } else { v };
                (k.into_owned(), v.into_owned())
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.into()
}

impl Attempt {
    /// A request of `method` to `url`, the `resend_count`-th resend of its
    /// call.
    pub fn new(
        purpose: Purpose,
        endpoint: Option<&str>,
        method: &str,
        url: &str,
        resend_count: u32,
    ) -> Attempt {
        let parsed = url::Url::parse(url).ok();
        let server_address = parsed
            .as_ref()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default();
        let server_port = parsed
            .as_ref()
            .and_then(url::Url::port_or_known_default)
            .unwrap_or(0);
        Attempt {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            purpose,
            endpoint: endpoint.map(str::to_owned),
            method: method.to_owned(),
            url: safe_url(url),
            server_address,
            server_port,
            resend_count,
        }
    }

    /// The span's name: the method, as HTTP client instrumentations name
    /// theirs (`GET`), so dashboards grouping by name keep working.
    pub fn span_name(&self) -> &str {
        &self.method
    }

    /// The span's attributes at its start.
    pub fn attributes(&self) -> Map<String, Json> {
        let mut a = Map::new();
        a.insert("http.request.method".into(), json!(self.method));
        a.insert("url.full".into(), json!(self.url));
        a.insert("server.address".into(), json!(self.server_address));
        a.insert("server.port".into(), json!(self.server_port));
        if self.resend_count > 0 {
            a.insert("http.request.resend_count".into(), json!(self.resend_count));
        }
        if let Some(e) = &self.endpoint {
            a.insert("tikapi.endpoint".into(), json!(e));
        }
        a.insert("tikapi.purpose".into(), json!(self.purpose.name()));
        a
    }

    /// The path of the URL, for log lines (no query: log lines stay short
    /// and never carry a parameter value).
    pub fn path(&self) -> &str {
        let after_scheme = self.url.find("://").map_or(0, |i| i + 3);
        let rest = &self.url[after_scheme..];
        let start = rest.find('/').unwrap_or(rest.len());
        let rest = &rest[start..];
        let end = rest.find(['?', '#']).unwrap_or(rest.len());
        if rest[..end].is_empty() {
            "/"
        } else {
            &rest[..end]
        }
    }

    /// The description diagnostics channels and bindings pass on.
    pub fn to_json(&self) -> Json {
        json!({
            "id": self.id,
            "purpose": self.purpose.name(),
            "endpoint": self.endpoint,
            "method": self.method,
            "url": self.url,
            "path": self.path(),
            "resendCount": self.resend_count,
            "name": self.span_name(),
            "attributes": self.attributes(),
            "log": self.log_line(),
        })
    }

    /// The debug line of a request being sent (only retries are logged at
    /// their start; a first send is logged when it is over).
    pub fn log_line(&self) -> String {
        match self.resend_count {
            0 => format!("{} {} sending", self.method, self.path()),
            n => format!("{} {} sending again (retry {n})", self.method, self.path()),
        }
    }
}

/// A request that is over: answered (any status) or failed.
#[derive(Debug, Clone)]
pub struct Finished {
    pub attempt: Attempt,
    /// The HTTP status, when an answer came.
    pub status: Option<u16>,
    /// TikTok's `statusCode` in the answer, when it has one.
    pub tiktok_code: Option<i64>,
    /// The kind of failure when no answer came (`timeout`, `connect`, ...).
    pub failure: Option<TransportKind>,
    pub duration: Duration,
    /// Bytes of the body read (a download: written).
    pub body_size: Option<u64>,
    /// When the call sends again: after this wait.
    pub retry_in: Option<Duration>,
}

impl Finished {
    /// `attempt` answered or failed as `outcome` says.
    pub fn new(
        attempt: Attempt,
        outcome: std::result::Result<&Response, &Error>,
        duration: Duration,
        retry_in: Option<Duration>,
    ) -> Finished {
        let answer = match outcome {
            Ok(r) => Some(r),
            Err(Error::Api(r)) => Some(&**r),
            Err(_) => None,
        };
        let failure = match outcome {
            Err(Error::Transport(t)) => Some(t.kind),
            _ => None,
        };
        Finished {
            attempt,
            status: answer.map(|r| r.status),
            tiktok_code: answer.and_then(Response::tiktok_code),
            failure,
            duration,
            body_size: answer.map(|r| r.body.len() as u64),
            retry_in,
        }
    }

    /// A download that wrote `outcome` bytes or failed.
    pub fn download(attempt: Attempt, outcome: &Result<u64>, duration: Duration) -> Finished {
        match outcome {
            Ok(written) => Finished {
                attempt,
                status: Some(200),
                tiktok_code: None,
                failure: None,
                duration,
                body_size: Some(*written),
                retry_in: None,
            },
            Err(e) => Finished::new(attempt, Err(e), duration, None),
        }
    }

    /// `error.type`: the failure's kind, or the status as text for a
    /// status of 400 or more (the semantic conventions' rule).
    pub fn error_type(&self) -> Option<String> {
        if let Some(kind) = self.failure {
            return Some(kind.name().to_owned());
        }
        match self.status {
            Some(s) if s >= 400 => Some(s.to_string()),
            Some(_) => None,
            None => Some("_OTHER".to_owned()),
        }
    }

    /// Whether the span's status is an error.
    pub fn is_error(&self) -> bool {
        self.error_type().is_some()
    }

    /// The span's attributes at its end: the start's and the outcome's.
    pub fn attributes(&self) -> Map<String, Json> {
        let mut a = self.attempt.attributes();
        if let Some(s) = self.status {
            a.insert("http.response.status_code".into(), json!(s));
        }
        if let Some(c) = self.tiktok_code {
            a.insert("tikapi.status_code".into(), json!(c));
        }
        if let Some(e) = self.error_type() {
            a.insert("error.type".into(), json!(e));
        }
        if let Some(n) = self.body_size {
            a.insert("http.response.body.size".into(), json!(n));
        }
        a
    }

    /// The attributes of the `http.client.request.duration` point: the
    /// low-cardinality ones (no URL).
    pub fn metric_attributes(&self) -> Map<String, Json> {
        let mut a = Map::new();
        let at = &self.attempt;
        a.insert("http.request.method".into(), json!(at.method));
        a.insert("server.address".into(), json!(at.server_address));
        a.insert("server.port".into(), json!(at.server_port));
        if let Some(s) = self.status {
            a.insert("http.response.status_code".into(), json!(s));
        }
        if let Some(e) = self.error_type() {
            a.insert("error.type".into(), json!(e));
        }
        if let Some(e) = &at.endpoint {
            a.insert("tikapi.endpoint".into(), json!(e));
        }
        a
    }

    /// The debug line: `GET /public/check 200 12ms`, with what follows.
    pub fn log_line(&self) -> String {
        let at = &self.attempt;
        let outcome = match (self.status, self.failure) {
            (_, Some(kind)) => format!("failed ({})", kind.name()),
            (Some(s), None) => s.to_string(),
            (None, None) => "failed".to_owned(),
        };
        let mut line = format!(
            "{} {} {} {:.0}ms",
            at.method,
            at.path(),
            outcome,
            self.duration.as_secs_f64() * 1000.0
        );
        if at.purpose == Purpose::Download {
            if let Some(n) = self.body_size {
                line.push_str(&format!(" ({n} bytes)"));
            }
        }
        if let Some(c) = self.tiktok_code {
            line.push_str(&format!(" statusCode={c}"));
        }
        if let Some(wait) = self.retry_in {
            line.push_str(&format!(
                ", retry {} in {:.1}s",
                at.resend_count + 1,
                wait.as_secs_f64()
            ));
        }
        line
    }

    /// The description diagnostics channels and bindings pass on.
    pub fn to_json(&self) -> Json {
        json!({
            "id": self.attempt.id,
            "attempt": self.attempt.to_json(),
            "status": self.status,
            "tiktokCode": self.tiktok_code,
            "errorType": self.error_type(),
            "error": self.is_error(),
            "durationSeconds": self.duration.as_secs_f64(),
            "retryInSeconds": self.retry_in.map(|d| d.as_secs_f64()),
            "attributes": self.attributes(),
            "metric": {
                "name": METRIC_NAME,
                "unit": "s",
                "value": self.duration.as_secs_f64(),
                "attributes": self.metric_attributes(),
            },
            "log": self.log_line(),
        })
    }
}

/// The metric every finished request records.
pub const METRIC_NAME: &str = "http.client.request.duration";

/// The unit and description of [`METRIC_NAME`], as the conventions give them.
pub const METRIC_DESCRIPTION: &str = "Duration of HTTP client requests.";

/// Run one request under `observer` (if any): tell it the request starts,
/// send with the headers it asks for (when `propagate`), tell it how it
/// ended. `retry_in` says, from the outcome, whether the call sends again.
pub(crate) async fn attempt<T, S, Fut>(
    observer: Option<&Arc<dyn Observer>>,
    attempt: impl FnOnce() -> Attempt,
    propagate: bool,
    send: S,
    finished: impl FnOnce(Attempt, &Result<T>, Duration) -> Finished,
) -> Result<T>
where
    S: FnOnce(Headers) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let Some(observer) = observer else {
        return send(Vec::new()).await;
    };
    let attempt = attempt();
    let headers = observer.start(&attempt).await;
    let headers = if propagate { headers } else { Vec::new() };
    let started = std::time::Instant::now();
    let outcome = send(headers).await;
    observer.finish(&finished(attempt, &outcome, started.elapsed()));
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_secrets() {
        assert_eq!(
            safe_url("https://u:p@api.tikapi.io/x?username=lily&accountKey=abc&access_token=t&x-signature=s&cursor=1"),
            "https://REDACTED:REDACTED@api.tikapi.io/x?username=lily&accountKey=REDACTED&access_token=REDACTED&x-signature=REDACTED&cursor=1"
        );
        assert_eq!(
            safe_url("https://api.tikapi.io/public/check?username=lily"),
            "https://api.tikapi.io/public/check?username=lily"
        );
        // Words that merely contain "sig" are kept (design, signal).
        assert_eq!(
            safe_url("https://h/x?design=1&sig=2"),
            "https://h/x?design=1&sig=REDACTED"
        );
    }

    #[test]
    fn attempts_carry_the_conventions_names() {
        let a = Attempt::new(
            Purpose::Api,
            Some("public.check"),
            "GET",
            "http://127.0.0.1:9000/public/check?username=lily",
            2,
        );
        let attrs = a.attributes();
        assert_eq!(attrs["server.address"], "127.0.0.1");
        assert_eq!(attrs["server.port"], 9000);
        assert_eq!(attrs["http.request.resend_count"], 2);
        assert_eq!(attrs["tikapi.endpoint"], "public.check");
        assert_eq!(a.path(), "/public/check");
        assert_eq!(a.span_name(), "GET");
        let first = Attempt::new(Purpose::Api, None, "GET", "https://h", 0);
        assert!(!first.attributes().contains_key("http.request.resend_count"));
        assert_eq!(first.server_port, 443);
        assert_eq!(first.path(), "/");
        assert_ne!(first.id, a.id);
    }

    #[test]
    fn finished_requests_say_how() {
        let a = Attempt::new(Purpose::Api, Some("public.check"), "GET", "https://h/p", 0);
        let body = bytes::Bytes::from_static(br#"{"status":"error","statusCode":10201}"#);
        let r = Response::new(
            429,
            http::HeaderMap::new(),
            "https://h/p".into(),
            Duration::ZERO,
            body,
        );
        let f = Finished::new(
            a.clone(),
            Ok(&r),
            Duration::from_millis(12),
            Some(Duration::from_secs(1)),
        );
        assert_eq!(f.error_type().as_deref(), Some("429"));
        assert_eq!(f.attributes()["tikapi.status_code"], 10201);
        assert_eq!(
            f.log_line(),
            "GET /p 429 12ms statusCode=10201, retry 1 in 1.0s"
        );
        assert!(!f.metric_attributes().contains_key("url.full"));

        let e = Error::transport(TransportKind::Timeout, "GET https://h/p".into(), "slow");
        let f = Finished::new(a.clone(), Err(&e), Duration::from_millis(5), None);
        assert_eq!(f.error_type().as_deref(), Some("timeout"));
        assert_eq!(f.status, None);
        assert_eq!(f.log_line(), "GET /p failed (timeout) 5ms");

        let ok = Finished::download(a, &Ok(1234), Duration::from_millis(3));
        assert_eq!(ok.status, Some(200));
        assert!(!ok.is_error());
        assert_eq!(ok.to_json()["attributes"]["http.response.body.size"], 1234);
    }
}
