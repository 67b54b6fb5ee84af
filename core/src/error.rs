//! The one error type of the core. Each binding maps it to host errors in one
//! place. No variant's `Display` or `Debug` ever contains an API or account key.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::response::Response;

/// Everything that can go wrong in a call.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A parameter broke a rule before anything was sent.
    Validation(ValidationError),
    /// The API answered with a status outside 2xx.
    Api(Box<Response>),
    /// No usable answer came back.
    Transport(TransportError),
    /// The call itself was malformed: an unknown endpoint, a URL too long.
    Usage(String),
    /// An option the app gave (`__options__`, `$options`, a download's)
    /// cannot be used: an unknown key or a value of the wrong kind.
    InvalidOption(OptionError),
}

/// An option that cannot be used, named as the app wrote it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OptionError {
    /// The option as the app spelt it: `$options.timeout`, `__options__["timeout"]`.
    pub field: String,
    pub message: String,
}

/// Which rule a parameter broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    Required,
    Type,
    Pattern,
    Max,
    Min,
    Enum,
    Finite,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Type => "type",
            Rule::Pattern => "pattern",
            Rule::Max => "max",
            Rule::Min => "min",
            Rule::Enum => "enum",
            Rule::Finite => "finite",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ValidationError {
    /// The parameter's argument name, as the official SDKs report it.
    pub field: String,
    pub rule: Rule,
    /// The official SDK's words for the broken rule, byte for byte (the
    /// parameter's help text, or the bound or allowed values), in the
    /// client's dialect.
    pub message: String,
    /// The precise explanation: the rule, the pattern, the value received
    /// (never a key's), a likely fix. The same as `message` for rules only
    /// this project has.
    pub detail: String,
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be made (refused, unreachable, DNS).
    Connect,
    /// The connect or total timeout fired.
    Timeout,
    /// TLS failed (for example an untrusted certificate).
    Tls,
    /// The proxy refused or failed.
    Proxy,
    /// The body could not be read completely (reset, truncated).
    Body,
    /// The body could not be decoded (gzip, brotli).
    Decode,
    /// Too many redirects, or a redirect loop.
    Redirect,
    /// The body exceeded the configured size cap.
    TooLarge,
    /// A local file could not be written.
    Io,
    /// The call was cancelled by the caller.
    Cancelled,
    Other,
}

impl TransportKind {
    /// Every kind with its name: the one table both directions read.
    pub const ALL: [(TransportKind, &'static str); 11] = [
        (TransportKind::Connect, "connect"),
        (TransportKind::Timeout, "timeout"),
        (TransportKind::Tls, "tls"),
        (TransportKind::Proxy, "proxy"),
        (TransportKind::Body, "body"),
        (TransportKind::Decode, "decode"),
        (TransportKind::Redirect, "redirect"),
        (TransportKind::TooLarge, "too_large"),
        (TransportKind::Io, "io"),
        (TransportKind::Cancelled, "cancelled"),
        (TransportKind::Other, "other"),
    ];

    /// The kind's name (`connect`, `too_large`, ...), as errors carry it.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("other", |(_, n)| n)
    }

    /// The kind of a name [`TransportKind::name`] gives.
    pub fn from_name(name: &str) -> Option<TransportKind> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }
}

#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TransportError {
    pub kind: TransportKind,
    /// The method and URL of the request, without credentials.
    pub target: String,
    /// The reason, in words.
    pub reason: String,
    /// The underlying error (the HTTP client's, a file's), for
    /// [`std::error::Error::source`].
    pub source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl TransportError {
    /// A failure of `kind` for the request `target` (`METHOD url`, without
    /// credentials), with no underlying error.
    pub fn new(kind: TransportKind, target: impl Into<String>, reason: impl Into<String>) -> Self {
        TransportError {
            kind,
            target: target.into(),
            reason: reason.into(),
            source: None,
        }
    }
}

impl ValidationError {
    /// An error whose message is also its detail (a rule only this project has).
    pub fn new(field: impl Into<String>, rule: Rule, message: impl Into<String>) -> Self {
        let message = message.into();
        ValidationError {
            field: field.into(),
            rule,
            detail: message.clone(),
            message,
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request to {} failed: {}", self.target, self.reason)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(v) => write!(f, "{v}"),
            Error::Api(r) => write!(f, "{}", r.message()),
            Error::Transport(t) => write!(f, "{t}"),
            Error::Usage(m) => f.write_str(m),
            Error::InvalidOption(o) => f.write_str(&o.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(t) => std::error::Error::source(t),
            _ => None,
        }
    }
}

impl Error {
    /// A rule only this project has: its message is its detail.
    pub(crate) fn validation(field: &str, rule: Rule, message: String) -> Self {
        Error::Validation(ValidationError::new(field, rule, message))
    }

    pub(crate) fn transport(
        kind: TransportKind,
        target: String,
        reason: impl Into<String>,
    ) -> Self {
        Error::Transport(TransportError {
            kind,
            target,
            reason: reason.into(),
            source: None,
        })
    }

    /// A transport error caused by `source`.
    pub(crate) fn transport_from(
        kind: TransportKind,
        target: String,
        reason: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error::Transport(TransportError {
            kind,
            target,
            reason: reason.into(),
            source: Some(Arc::new(source)),
        })
    }

    /// The caller gave up on the call to `target` (an aborted signal).
    pub fn cancelled(target: impl Into<String>) -> Self {
        Error::transport(
            TransportKind::Cancelled,
            target.into(),
            "the call was aborted",
        )
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(r) => Some(r.status),
            _ => None,
        }
    }

    /// For a 429, how long the server asked us to wait.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(r) => r.retry_after(),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
