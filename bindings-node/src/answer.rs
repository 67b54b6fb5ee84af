//! An answer Node received (through an app's agent), as a core response.

use std::time::Duration;

use bytes::Bytes;
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use tikapi_core::request::redact_url;
use tikapi_core::Response;

/// What Node received for one request: `node-send.cjs` gives it in this shape.
#[napi(object)]
pub struct NodeAnswer {
    pub status: u32,
    pub status_text: String,
    /// `[name, value]` pairs, as they came.
    pub headers: Vec<Vec<String>>,
    /// The URL the answer came from.
    pub url: String,
    pub body: Buffer,
    /// From sending to the end of the body (0 when not measured).
    pub elapsed_ms: Option<f64>,
}

/// A core response from what Node received.
pub(crate) fn response_of(answer: NodeAnswer) -> napi::Result<Response> {
    let NodeAnswer {
        status,
        status_text,
        headers,
        url,
        body,
        elapsed_ms,
    } = answer;
    let elapsed_ms = elapsed_ms.unwrap_or(0.0);
    let status = u16::try_from(status)
        .ok()
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| {
            napi::Error::new(
                napi::Status::InvalidArg,
                format!("an HTTP status must be 100..999, not {status}"),
            )
        })?;
    let mut map = http::HeaderMap::new();
    for pair in headers {
        let [name, value] = <[String; 2]>::try_from(pair).map_err(|_| {
            napi::Error::new(napi::Status::InvalidArg, "headers are [name, value] pairs")
        })?;
        // A header Node accepted but http does not is skipped, not fatal.
        if let (Ok(n), Ok(v)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(&value),
        ) {
            map.append(n, v);
        }
    }
    let elapsed = Duration::from_secs_f64(elapsed_ms.max(0.0) / 1000.0);
    let mut response = Response::new(
        status,
        map,
        redact_url(&url),
        elapsed,
        Bytes::from(body.to_vec()),
    );
    if !status_text.is_empty() {
        response.reason = status_text;
    }
    Ok(response)
}
