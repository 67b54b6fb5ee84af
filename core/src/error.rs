//! The one error type of the core. Each binding maps it to host errors in one
//! place. No variant's `Display` or `Debug` ever contains an API or account key.

use std::fmt;
use std::time::Duration;

use crate::response::Response;

/// Everything that can go wrong in a call.
#[derive(Debug)]
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
pub struct OptionError {
    /// The option as the app spelt it: `$options.timeout`, `__options__["timeout"]`.
    pub field: String,
    pub message: String,
}

/// Which rule a parameter broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub struct ValidationError {
    /// The parameter's argument name, as the official SDKs report it.
    pub field: String,
    pub rule: Rule,
    pub message: String,
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    pub fn name(self) -> &'static str {
        match self {
            TransportKind::Connect => "connect",
            TransportKind::Timeout => "timeout",
            TransportKind::Tls => "tls",
            TransportKind::Proxy => "proxy",
            TransportKind::Body => "body",
            TransportKind::Decode => "decode",
            TransportKind::Redirect => "redirect",
            TransportKind::TooLarge => "too_large",
            TransportKind::Io => "io",
            TransportKind::Cancelled => "cancelled",
            TransportKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone)]
pub struct TransportError {
    pub kind: TransportKind,
    /// The method and URL of the request, without credentials.
    pub target: String,
    /// The reason, in words.
    pub reason: String,
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

impl std::error::Error for Error {}

impl Error {
    pub(crate) fn validation(field: &str, rule: Rule, message: String) -> Self {
        Error::Validation(ValidationError {
            field: field.to_owned(),
            rule,
            message,
        })
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
        })
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
