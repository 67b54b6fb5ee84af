//! The service's error answers: `{"status": "error", "message": ...}`, then
//! the fields that go with the error (`statusCode`, `fields`), with
//! `Retry-After` when there is one.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value as Json};

/// An error answer, made into a response when it is sent.
pub struct Refusal {
    status: StatusCode,
    message: Cow<'static, str>,
    extra: Vec<(&'static str, Json)>,
    retry_after: Option<u64>,
}

impl Refusal {
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Refusal {
        Refusal {
            status,
            message: message.into(),
            extra: Vec::new(),
            retry_after: None,
        }
    }

    /// A field of the body after `status` and `message`.
    pub fn with(mut self, key: &'static str, value: impl Into<Json>) -> Refusal {
        self.extra.push((key, value.into()));
        self
    }

    /// The `Retry-After` header, in seconds.
    pub fn retry_after(mut self, seconds: u64) -> Refusal {
        self.retry_after = Some(seconds);
        self
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("status".into(), "error".into());
        body.insert("message".into(), self.message.into_owned().into());
        for (k, v) in self.extra {
            body.insert(k.into(), v);
        }
        let mut r = (self.status, axum::Json(Json::Object(body))).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}
