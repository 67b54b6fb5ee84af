//! Per-client options. Each field is optional so that a category scope can
//! override some and inherit the rest.

use std::time::Duration;

pub use crate::limit::RateLimit;

/// Connect timeout when none is configured.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Total timeout (connect to last body byte) when none is configured.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Largest body read into memory when no cap is configured (API responses).
pub const DEFAULT_MAX_BODY: u64 = 256 * 1024 * 1024;
/// Environment variable that replaces the production base.
pub const ENV_BASE: &str = "TIKAPI_BASE_URL";
/// Environment variable that replaces the sandbox base.
pub const ENV_SANDBOX: &str = "TIKAPI_SANDBOX_URL";

/// Build one with [`Options::default`] and the `with_*` setters (or the
/// bindings' option parser, `settings::parse`).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Production base URL.
    pub base: Option<String>,
    /// Sandbox base URL.
    pub sandbox_base: Option<String>,
    /// Extra headers sent with every API request.
    pub headers: Option<Vec<(String, String)>>,
    /// A proxy URL for every request (`http://`, `https://`, `socks5://`).
    pub proxy: Option<String>,
    /// Total time allowed for a call, from connecting to the last body byte.
    pub timeout: Option<Duration>,
    /// Time allowed to establish a connection.
    pub connect_timeout: Option<Duration>,
    /// Retry policy; `None` means no retries, as the official SDKs.
    pub retry: Option<RetryPolicy>,
    /// Largest response body accepted, in bytes.
    pub max_body_size: Option<u64>,
    /// Accept any TLS certificate. Only for tests against servers whose
    /// certificate cannot be verified; a private CA is trusted instead
    /// through `SSL_CERT_FILE` / `SSL_CERT_DIR`.
    pub danger_accept_invalid_certs: Option<bool>,
    /// At most this many requests in flight to one host (scheme, host and
    /// port) at a time in this process, among calls with the same limit; the
    /// others wait their turn, within their `timeout`. `None`: no limit.
    pub max_connections: Option<u32>,
    /// Add the W3C trace context (`traceparent`) of the request's span to
    /// each request, when an observer gives one (see [`crate::observe`]).
    /// `None`: yes.
    pub trace_context: Option<bool>,
    /// A rate and in-flight budget drawn from before each request, in this
    /// process or shared through Redis (see [`crate::limit`]).
    pub rate_limit: Option<RateLimit>,
}

/// `with_<field>(value)`: the options with that field set.
macro_rules! setters {
    ($($name:ident: $field:ident: $ty:ty),* $(,)?) => {
        $(
            #[doc = concat!("These options with `", stringify!($field), "` set.")]
            pub fn $name(mut self, value: $ty) -> Self {
                self.$field = Some(value);
                self
            }
        )*
    };
}

impl Options {
    setters! {
        with_base: base: String,
        with_sandbox_base: sandbox_base: String,
        with_headers: headers: Vec<(String, String)>,
        with_proxy: proxy: String,
        with_timeout: timeout: Duration,
        with_connect_timeout: connect_timeout: Duration,
        with_retry: retry: RetryPolicy,
        with_max_body_size: max_body_size: u64,
        with_danger_accept_invalid_certs: danger_accept_invalid_certs: bool,
        with_max_connections: max_connections: u32,
        with_trace_context: trace_context: bool,
        with_rate_limit: rate_limit: RateLimit,
    }

    /// Fill every unset field from `parent`.
    pub fn inherit(&self, parent: &Options) -> Options {
        Options {
            base: self.base.clone().or_else(|| parent.base.clone()),
            sandbox_base: self
                .sandbox_base
                .clone()
                .or_else(|| parent.sandbox_base.clone()),
            headers: match (&self.headers, &parent.headers) {
                (Some(mine), Some(theirs)) => {
                    let mut all = theirs.clone();
                    for (k, v) in mine {
                        all.retain(|(name, _)| !name.eq_ignore_ascii_case(k));
                        all.push((k.clone(), v.clone()));
                    }
                    Some(all)
                }
                (mine, theirs) => mine.clone().or_else(|| theirs.clone()),
            },
            proxy: self.proxy.clone().or_else(|| parent.proxy.clone()),
            timeout: self.timeout.or(parent.timeout),
            connect_timeout: self.connect_timeout.or(parent.connect_timeout),
            retry: self.retry.clone().or_else(|| parent.retry.clone()),
            max_body_size: self.max_body_size.or(parent.max_body_size),
            danger_accept_invalid_certs: self
                .danger_accept_invalid_certs
                .or(parent.danger_accept_invalid_certs),
            max_connections: self.max_connections.or(parent.max_connections),
            trace_context: self.trace_context.or(parent.trace_context),
            rate_limit: self
                .rate_limit
                .clone()
                .or_else(|| parent.rate_limit.clone()),
        }
    }

    /// Overwrite the fields `other` sets.
    pub fn update(&mut self, other: &Options) {
        *self = other.inherit(self);
    }
}

/// Exponential backoff with full jitter, on 429, 5xx and connect errors.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first backoff; each retry doubles it.
    pub initial_backoff: Duration,
    /// No single wait is longer than this.
    pub max_backoff: Duration,
    /// A `Retry-After` longer than this is not waited for: the error is returned.
    pub max_retry_after: Duration,
}

impl RetryPolicy {
    pub fn new(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(60),
        }
    }

    /// How long to wait before retry number `attempt` (1-based).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let cap = exp.min(self.max_backoff);
        // Full jitter in [cap/2, cap]: spreads retries without collapsing to zero.
        cap.mul_f64(0.5 + fastrand::f64() * 0.5)
    }
}
