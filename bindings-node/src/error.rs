//! The one place where core errors become something JavaScript can see.
//!
//! A call's promise always resolves on the native side, either to its value
//! or to a [`NativeFailure`]; the JS face turns a failure into the error the
//! app sees (a `ValidationError` with `.field`, the official response-shaped
//! rejection for a non-2xx status, a `NetworkError` naming the URL and
//! reason). Rejecting with anything but an `Error` is not possible from
//! native code, and the official SDK rejects API errors with a plain object.

use napi_derive::napi;
use tikapi_core::{Error, Response, TransportKind};

/// What went wrong in a call, in plain fields.
#[napi]
pub struct NativeFailure {
    kind: &'static str,
    message: String,
    field: Option<String>,
    rule: Option<&'static str>,
    detail: Option<String>,
    transport_kind: Option<&'static str>,
    target: Option<String>,
    reason: Option<String>,
    response: Option<Response>,
}

/// Map a core error. No message of the core contains a key, and nothing is added here.
pub(crate) fn failure(e: Error) -> NativeFailure {
    let message = e.to_string();
    let mut f = NativeFailure {
        kind: "usage",
        message,
        field: None,
        rule: None,
        detail: None,
        transport_kind: None,
        target: None,
        reason: None,
        response: None,
    };
    match e {
        Error::Validation(v) => {
            f.kind = "validation";
            f.field = Some(v.field);
            f.rule = Some(v.rule.name());
            f.detail = Some(v.detail);
        }
        Error::Api(r) => {
            f.kind = "api";
            f.response = Some(*r);
        }
        Error::Transport(t) => {
            f.kind = if t.kind == TransportKind::Cancelled {
                "abort"
            } else {
                "network"
            };
            f.transport_kind = Some(t.kind.name());
            f.target = Some(t.target);
            f.reason = Some(t.reason);
        }
        Error::Usage(_) => {}
        Error::InvalidOption(o) => f.field = Some(o.field),
        _ => {}
    }
    f
}

/// A panic caught before it could cross into JavaScript.
pub(crate) fn internal(what: &str) -> NativeFailure {
    NativeFailure {
        kind: "internal",
        message: format!("tikapi: an internal error occurred while {what}; please report it"),
        field: None,
        rule: None,
        detail: None,
        transport_kind: None,
        target: None,
        reason: None,
        response: None,
    }
}

#[napi]
impl NativeFailure {
    /// `validation`, `api`, `network`, `abort`, `usage` or `internal`.
    #[napi(getter)]
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    #[napi(getter)]
    pub fn message(&self) -> String {
        self.message.clone()
    }

    /// The parameter that broke a rule (validation), or the option refused
    /// (`$options.timeout`).
    #[napi(getter)]
    pub fn field(&self) -> Option<String> {
        self.field.clone()
    }

    /// Which rule it broke: required, type, pattern, max, min, enum, finite.
    #[napi(getter)]
    pub fn rule(&self) -> Option<&'static str> {
        self.rule
    }

    /// The precise explanation of a validation failure (the rule, the
    /// pattern, the value received); the message is the official SDK's words.
    #[napi(getter)]
    pub fn detail(&self) -> Option<String> {
        self.detail.clone()
    }

    /// connect, timeout, tls, proxy, body, decode, redirect, too_large, io, cancelled, other.
    #[napi(getter)]
    pub fn transport_kind(&self) -> Option<&'static str> {
        self.transport_kind
    }

    /// `METHOD url` (or the file) the failure concerns, without credentials.
    #[napi(getter)]
    pub fn target(&self) -> Option<String> {
        self.target.clone()
    }

    #[napi(getter)]
    pub fn reason(&self) -> Option<String> {
        self.reason.clone()
    }
}

impl NativeFailure {
    /// The response of an API error (a status outside 2xx); the response
    /// module shows it to JavaScript.
    pub(crate) fn api_response(&self) -> Option<&Response> {
        self.response.as_ref()
    }
}
