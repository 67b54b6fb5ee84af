//! Client options as JavaScript gives them (`$options`).

use std::collections::HashMap;
use std::time::Duration;

use napi_derive::napi;
use tikapi_core::{Options, RetryPolicy};

/// `$options` of `set` and of a single call. Times are in milliseconds.
#[napi(object)]
#[derive(Default)]
pub struct JsOptions {
    pub base: Option<String>,
    pub sandbox_base: Option<String>,
    pub headers: Option<HashMap<String, String>>,
    pub proxy: Option<String>,
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    /// Retries after the first attempt: a whole number >= 0.
    pub retries: Option<f64>,
    pub max_body_size: Option<f64>,
    /// Requests in flight to one host at a time: a whole number >= 1.
    pub max_connections: Option<f64>,
    /// Turns off TLS certificate verification. Only for test servers with
    /// self-signed certificates; verification is on by default.
    pub dangerously_accept_invalid_certificates: Option<bool>,
}

/// The longest time accepted, as for `setTimeout`: 2^31 - 1 ms (about 24.8 days).
pub(crate) const MAX_MILLIS: f64 = 2_147_483_647.0;

fn millis(name: &str, ms: Option<f64>) -> napi::Result<Option<Duration>> {
    match ms {
        None => Ok(None),
        Some(ms) if ms.is_finite() && ms > 0.0 && ms <= MAX_MILLIS => {
            Ok(Some(Duration::from_secs_f64(ms / 1000.0)))
        }
        Some(ms) => Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!(
                "$options.{name} must be a positive number of milliseconds (at most {MAX_MILLIS}), not {ms}"
            ),
        )),
    }
}

/// `$options.<name>`: a whole number in `min..=u32::MAX`.
fn whole(name: &str, n: Option<f64>, min: u32) -> napi::Result<Option<u32>> {
    match n {
        None => Ok(None),
        Some(n)
            if n.is_finite()
                && n.fract() == 0.0
                && n >= f64::from(min)
                && n <= f64::from(u32::MAX) =>
        {
            Ok(Some(n as u32))
        }
        Some(n) => Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!("$options.{name} must be a whole number >= {min}, not {n}"),
        )),
    }
}

impl JsOptions {
    pub(crate) fn into_core(self) -> napi::Result<Options> {
        let max_body_size = match self.max_body_size {
            None => None,
            Some(n) if n.is_finite() && n >= 1.0 => Some(n as u64),
            Some(n) => {
                return Err(napi::Error::new(
                    napi::Status::InvalidArg,
                    format!("$options.maxBodySize must be a positive number of bytes, not {n}"),
                ))
            }
        };
        let retries = whole("retries", self.retries, 0)?;
        let max_connections = whole("maxConnections", self.max_connections, 1)?;
        Ok(Options {
            base: self.base,
            sandbox_base: self.sandbox_base,
            headers: self.headers.map(|h| {
                let mut pairs: Vec<(String, String)> = h.into_iter().collect();
                pairs.sort();
                pairs
            }),
            proxy: self.proxy,
            timeout: millis("timeout", self.timeout)?,
            connect_timeout: millis("connectTimeout", self.connect_timeout)?,
            retry: retries.map(RetryPolicy::new),
            max_body_size,
            danger_accept_invalid_certs: self.dangerously_accept_invalid_certificates,
            max_connections,
        })
    }
}

pub(crate) fn core(options: Option<JsOptions>) -> napi::Result<Options> {
    options.unwrap_or_default().into_core()
}
