//! Building the HTTP request for a resolved call.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::catalogue::{Endpoint, Location, Method, Param};
use crate::dialect::Dialect;
use crate::value::Value;

/// Characters escaped in a path segment: everything but RFC 3986 unreserved
/// characters, so a value can never add a segment, a query or a fragment.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b':')
    .add(b';')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'?')
    .add(b'@')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'&')
    .add(b'+')
    .add(b',')
    .add(b'$')
    .add(b'!')
    .add(b'\'')
    .add(b'(')
    .add(b')')
    .add(b'*');

/// A parameter with its resolved, validated value.
#[derive(Debug, Clone)]
pub struct Resolved<'e> {
    pub param: &'e Param,
    pub value: Value,
}

/// A request ready to send.
#[derive(Clone)]
pub struct Request {
    pub endpoint: &'static Endpoint,
    pub method: Method,
    /// The full URL, query included.
    pub url: String,
    /// The path, with path parameters filled in and percent-encoded.
    pub path: String,
    /// Query parameters, decoded, in resolution order.
    pub query: Vec<(String, String)>,
    /// Headers in the order they are sent; includes the keys, so `Debug`
    /// hides their values.
    pub headers: Vec<(String, String)>,
    /// The JSON body of a POST.
    pub body: Option<serde_json::Value>,
}

pub use crate::catalogue::SECRET_HEADERS;

/// Whether `name` is one of [`SECRET_HEADERS`] (any case).
pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(name))
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    if is_secret_header(k) {
                        "<hidden>"
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("Request")
            .field("endpoint", &self.endpoint.key)
            .field("method", &self.method.as_str())
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

impl Request {
    /// Lay out resolved parameters as an HTTP request against `base`.
    pub fn build(
        endpoint: &'static Endpoint,
        resolved: &[Resolved<'_>],
        base: &str,
        extra_headers: &[(String, String)],
        dialect: Dialect,
    ) -> Request {
        let mut path = endpoint.path.clone();
        let mut query = Vec::new();
        let mut headers = Vec::new();
        let mut body = serde_json::Map::new();
        for r in resolved {
            let p = r.param;
            match p.location {
                Location::Header => headers.push((p.wire.clone(), r.value.text(dialect))),
                Location::Path => {
                    let text = r.value.text(dialect);
                    let encoded = utf8_percent_encode(&text, SEGMENT).to_string();
                    path = path.replace(&format!("{{{}}}", p.wire), &encoded);
                }
                Location::Query => query.push((p.wire.clone(), r.value.text(dialect))),
                Location::Body => {
                    body.insert(p.wire.clone(), r.value.to_json());
                }
            }
        }
        for (k, v) in extra_headers {
            // Option headers may not replace the keys the call resolved.
            if !headers.iter().any(|(h, _)| h.eq_ignore_ascii_case(k)) {
                headers.push((k.clone(), v.clone()));
            }
        }
        // A POST with body parameters sends them as JSON; one without sends
        // no body at all, as the official SDKs do (`user.live.stop`).
        let body = if endpoint.method == Method::Post && !body.is_empty() {
            headers.push(("Content-Type".into(), "application/json".into()));
            Some(serde_json::Value::Object(body))
        } else {
            None
        };
        let mut url = format!("{}{}", base.trim_end_matches('/'), path);
        if !query.is_empty() {
            url.push('?');
            url.push_str(
                &url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(query.iter())
                    .finish(),
            );
        }
        Request {
            endpoint,
            method: endpoint.method,
            url,
            path,
            query,
            headers,
            body,
        }
    }

    /// The JSON body as bytes.
    pub fn body_bytes(&self) -> Option<Vec<u8>> {
        self.body
            .as_ref()
            .map(|b| serde_json::to_vec(b).unwrap_or_default())
    }

    /// `METHOD url` with any credentials in the URL removed: safe for messages.
    pub fn target(&self) -> String {
        format!("{} {}", self.method.as_str(), redact_url(&self.url))
    }
}

/// A URL with any `user:password@` part removed.
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        _ => raw.to_owned(),
    }
}
