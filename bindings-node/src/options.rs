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
    pub retries: Option<u32>,
    pub max_body_size: Option<f64>,
}

fn millis(name: &str, ms: Option<f64>) -> napi::Result<Option<Duration>> {
    match ms {
        None => Ok(None),
        Some(ms) if ms.is_finite() && ms > 0.0 => Ok(Some(Duration::from_secs_f64(ms / 1000.0))),
        Some(ms) => Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!("$options.{name} must be a positive number of milliseconds, not {ms}"),
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
            retry: self.retries.map(RetryPolicy::new),
            max_body_size,
            danger_accept_invalid_certs: None,
        })
    }
}

pub(crate) fn core(options: Option<JsOptions>) -> napi::Result<Options> {
    options.unwrap_or_default().into_core()
}
