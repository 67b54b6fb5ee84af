//! An answer Node received (through an app's agent), as a core response.

use std::time::Duration;

use bytes::Bytes;
use napi::bindgen_prelude::Buffer;
use tikapi_core::request::redact_url;
use tikapi_core::Response;

/// A core response from what Node received.
pub(crate) fn response_of(
    status: u32,
    status_text: String,
    headers: Vec<Vec<String>>,
    url: String,
    body: Buffer,
    elapsed_ms: f64,
) -> napi::Result<Response> {
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
