//! The one place where core errors become Python exceptions
//! (`tikapi.exceptions`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use tikapi_core::{ApiErrorKind, Error, Response, TransportKind};

const MODULE: &str = "tikapi.exceptions";

fn class<'py>(py: Python<'py>, name: &'static str) -> PyResult<Bound<'py, PyType>> {
    // A handful of classes, looked up once each.
    static CACHE: [PyOnceLock<Py<PyType>>; 9] = [const { PyOnceLock::new() }; 9];
    const NAMES: [&str; 9] = [
        "APIException",
        "ValidationException",
        "ResponseException",
        "RateLimitError",
        "AccountSessionExpired",
        "TikTokError",
        "TimeoutError",
        "ConnectionError",
        "AuthenticationError",
    ];
    let slot = NAMES.iter().position(|n| *n == name).unwrap_or(0);
    CACHE[slot].import(py, MODULE, NAMES[slot]).cloned()
}

/// Map a core error to the exception the SDK documents:
///
/// | core | Python |
/// |---|---|
/// | validation | `ValidationException`: the official words, `.field`, `.rule`, `.detail` |
/// | API error, by the core's `error_kind()`: authentication / tiktok / account session expired / rate limit / other | `AuthenticationError` / `TikTokError` / `AccountSessionExpired` / `RateLimitError` / `ResponseException` (`.kind` names the kind), with `.response` |
/// | transport: timeout / connect / other | `TimeoutError` / `ConnectionError` / `ResponseException`, `.response` None |
/// | usage (unknown endpoint, bad option) | `APIException` |
///
/// `wrap` makes the Python response of an API error (the exception's
/// `.response`): the response module knows how, and calls this one.
pub fn to_py(
    py: Python<'_>,
    err: Error,
    wrap: &dyn Fn(Python<'_>, Response) -> PyResult<Py<PyAny>>,
) -> PyErr {
    build(py, err, wrap).unwrap_or_else(|e| e)
}

fn build(
    py: Python<'_>,
    err: Error,
    wrap: &dyn Fn(Python<'_>, Response) -> PyResult<Py<PyAny>>,
) -> PyResult<PyErr> {
    let kwargs = PyDict::new(py);
    let (cls, message, response) = match err {
        Error::Validation(v) => {
            kwargs.set_item("field", &v.field)?;
            kwargs.set_item("rule", v.rule.name())?;
            kwargs.set_item("detail", &v.detail)?;
            ("ValidationException", v.message, None)
        }
        Error::Api(resp) => {
            let message = resp.error_message(tikapi_core::Dialect::Python);
            let kind = resp.error_kind();
            kwargs.set_item("kind", kind.name())?;
            let cls = match kind {
                ApiErrorKind::Authentication => "AuthenticationError",
                ApiErrorKind::TikTok => {
                    kwargs.set_item("tiktok_code", resp.tiktok_code())?;
                    kwargs.set_item("description", resp.tiktok_description())?;
                    "TikTokError"
                }
                ApiErrorKind::AccountSessionExpired => "AccountSessionExpired",
                ApiErrorKind::RateLimit => {
                    kwargs.set_item("retry_after", resp.retry_after().map(|d| d.as_secs_f64()))?;
                    "RateLimitError"
                }
                _ => "ResponseException",
            };
            let wrapped = wrap(py, *resp)?;
            (cls, message, Some(wrapped))
        }
        Error::Transport(t) => {
            kwargs.set_item("kind", t.kind.name())?;
            let cls = match t.kind {
                TransportKind::Timeout => "TimeoutError",
                TransportKind::Connect => "ConnectionError",
                _ => "ResponseException",
            };
            // The core's wording; its target is already shortened for messages.
            let message = t.to_string();
            (cls, message, None)
        }
        Error::Usage(m) => ("APIException", m, None),
        Error::InvalidOption(o) => ("APIException", o.message, None),
        other => ("APIException", other.to_string(), None),
    };
    let args = match response {
        Some(r) => (message, r).into_pyobject(py)?.into_any(),
        None if cls == "APIException" || cls == "ValidationException" => {
            (message,).into_pyobject(py)?.into_any()
        }
        None => (message, py.None()).into_pyobject(py)?.into_any(),
    };
    let instance = class(py, cls)?.call(args.cast::<pyo3::types::PyTuple>()?, Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// A `ValidationException` the binding itself finds (a value that cannot
/// be converted), shaped as the core's.
pub fn validation(py: Python<'_>, field: &str, rule: &str, message: &str) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("field", field)?;
        kwargs.set_item("rule", rule)?;
        kwargs.set_item("detail", message)?;
        let instance = class(py, "ValidationException")?.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

/// An `APIException` for a value the binding cannot pass on (see
/// `convert::download_target`).
pub fn usage(py: Python<'_>, message: &str) -> PyErr {
    match class(py, "APIException").and_then(|c| c.call1((message,))) {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

/// An `APIException` for a failure of the binding itself (a caught panic).
pub fn internal(py: Python<'_>, message: &str) -> PyErr {
    usage(py, message)
}
