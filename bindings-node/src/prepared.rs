//! A call laid out by the core and not yet sent, for the JS face's own
//! sending path (`$options.on_request`, `$options.fetch_agent`): the face
//! reads the request, lets the app's hook see it, and either sends it here
//! (the native transport) or sends it itself through the app's agent and
//! hands the answer back to [`NativeRequest::complete`], so that parsing,
//! API errors and the next page stay the core's.

use std::time::Duration;

use bytes::Bytes;
use napi::bindgen_prelude::{Buffer, Object};
use napi::{Either, Env};
use napi_derive::napi;
use tikapi_core::options::{DEFAULT_MAX_BODY, DEFAULT_TIMEOUT};
use tikapi_core::request::redact_url;
use tikapi_core::{Error, Method, Prepared, Response, TransportError, TransportKind};

use crate::cancel::CancelHandle;
use crate::error::{failure, NativeFailure};
use crate::response::NativeResponse;
use crate::task::promise;

#[napi]
pub struct NativeRequest {
    inner: Prepared,
}

impl NativeRequest {
    pub(crate) fn new(inner: Prepared) -> Self {
        NativeRequest { inner }
    }
}

fn transport_kind(name: &str) -> TransportKind {
    match name {
        "connect" => TransportKind::Connect,
        "timeout" => TransportKind::Timeout,
        "tls" => TransportKind::Tls,
        "proxy" => TransportKind::Proxy,
        "body" => TransportKind::Body,
        "decode" => TransportKind::Decode,
        "redirect" => TransportKind::Redirect,
        "too_large" => TransportKind::TooLarge,
        "io" => TransportKind::Io,
        "cancelled" => TransportKind::Cancelled,
        _ => TransportKind::Other,
    }
}

#[napi]
impl NativeRequest {
    /// `GET` or `POST`.
    #[napi(getter)]
    pub fn method(&self) -> &'static str {
        self.inner.request().method.as_str()
    }

    /// The full URL, query included.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.inner.request().url.clone()
    }

    /// Header pairs in the order they are sent (the keys included: this is
    /// the app's own request, handed to the app's own hook).
    #[napi(getter)]
    pub fn headers(&self) -> Vec<Vec<String>> {
        self.inner
            .request()
            .headers
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect()
    }

    /// The JSON body of a POST, as text.
    #[napi(getter)]
    pub fn body(&self) -> Option<String> {
        self.inner
            .request()
            .body_bytes()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// The `User-Agent` the native transport sends.
    #[napi(getter)]
    pub fn user_agent(&self) -> String {
        self.inner.client().user_agent()
    }

    /// The call's total timeout, in milliseconds.
    #[napi(getter)]
    pub fn timeout_ms(&self) -> f64 {
        self.inner
            .options
            .timeout
            .unwrap_or(DEFAULT_TIMEOUT)
            .as_secs_f64()
            * 1000.0
    }

    /// The largest body accepted, in bytes.
    #[napi(getter)]
    pub fn max_body_size(&self) -> f64 {
        self.inner.options.max_body_size.unwrap_or(DEFAULT_MAX_BODY) as f64
    }

    /// Whether the call is a POST (redirects to GET drop the body).
    #[napi(getter)]
    pub fn is_post(&self) -> bool {
        self.inner.request().method == Method::Post
    }

    /// The call's own arguments as JSON text (for the hook's `params`).
    #[napi]
    pub fn args_json(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = self
            .inner
            .args()
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        serde_json::Value::Object(map).to_string()
    }

    /// Send over the native transport; resolves to a response or a failure.
    #[napi(ts_return_type = "Promise<NativeResponse | NativeFailure>")]
    pub fn send<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Object<'env>> {
        let prepared = self.inner.clone();
        let what = self.inner.request().target();
        promise(env, what, cancel.cloned(), async move {
            let client = prepared.client().clone();
            let r = prepared.send().await?;
            Ok(NativeResponse::with_client(r, Some(client)))
        })
    }

    /// Take an answer the JS face obtained itself: the response (2xx) or the
    /// failure for another status, exactly as a native send gives them.
    #[napi]
    pub fn complete(
        &self,
        status: u32,
        status_text: String,
        headers: Vec<Vec<String>>,
        url: String,
        body: Buffer,
        elapsed_ms: f64,
    ) -> napi::Result<Either<NativeResponse, NativeFailure>> {
        let response = response_of(status, status_text, headers, url, body, elapsed_ms)?;
        let client = self.inner.client().clone();
        Ok(match self.inner.complete(response) {
            Ok(r) => Either::A(NativeResponse::with_client(r, Some(client))),
            Err(e) => Either::B(failure(e)),
        })
    }

    /// The failure for a request the JS face could not complete (see
    /// [`transport_failure`]).
    #[napi]
    pub fn failure(
        &self,
        kind: String,
        method: String,
        url: String,
        reason: String,
    ) -> NativeFailure {
        transport_failure(kind, method, url, reason)
    }
}

/// The failure for a request the JS face could not complete: `kind` is a
/// transport kind (`connect`, `timeout`, `proxy`, ...), `url` the URL it was
/// sent to (credentials are removed), `reason` what happened.
#[napi]
pub fn transport_failure(
    kind: String,
    method: String,
    url: String,
    reason: String,
) -> NativeFailure {
    failure(Error::Transport(TransportError {
        kind: transport_kind(&kind),
        target: format!("{method} {}", redact_url(&url)),
        reason,
    }))
}

/// The failure for an answer outside 2xx the JS face received itself (a
/// video download through an app's agent): an API error, as the native path
/// gives it.
#[napi]
pub fn answer_failure(
    status: u32,
    status_text: String,
    headers: Vec<Vec<String>>,
    url: String,
    body: Buffer,
) -> napi::Result<NativeFailure> {
    let response = response_of(status, status_text, headers, url, body, 0.0)?;
    Ok(failure(Error::Api(Box::new(response))))
}

/// A core response from what Node received.
fn response_of(
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
