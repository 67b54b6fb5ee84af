//! What a test does to a running sandbox: script answers and faults, read
//! the calls that arrived, record or replay a cassette, reset. In-process
//! through [`Control`] (the Python and Node kits), or over HTTP for a
//! sandbox in another process (`tikapi sandbox`):
//!
//! | route | does |
//! |---|---|
//! | `POST /__sandbox/script` | adds the rule in the body (`crate::script::Rule::from_json`) |
//! | `GET /__sandbox/requests` | `{"requests": [{"endpoint", "method", "params"}, ...]}` |
//! | `POST /__sandbox/reset` | forgets rules, requests, cassette and counters |
//! | `POST /__sandbox/record` | `{"cassette": PATH, "upstream": URL}` |
//! | `POST /__sandbox/replay` | `{"cassette": PATH}` |
//!
//! Their errors are 400s with the message a [`Control`] method returns.

use std::path::Path;
use std::sync::Arc;

use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value as Json};

use crate::cassette::Cassette;
use crate::refusal::Refusal;
use crate::script::{Arrival, Rule};
use crate::state::{lock, Shared};

/// A handle on a running sandbox's test state; clones share it.
#[derive(Clone)]
pub struct Control(pub(crate) Arc<Shared>);

impl Control {
    /// Add a scripted rule; the oldest matching rule with answers left wins.
    pub fn script(&self, rule: Rule) {
        lock(&self.0.script).add(rule);
    }

    /// Add a rule from its JSON description ([`Rule::from_json`]); `Err`
    /// says what is wrong with it (an unknown endpoint named).
    pub fn script_json(&self, text: &str) -> Result<(), String> {
        self.script(Rule::from_json(text)?);
        Ok(())
    }

    /// The catalogue calls that arrived since the last reset, in order.
    pub fn requests(&self) -> Vec<Arrival> {
        lock(&self.0.arrivals).clone()
    }

    /// [`Control::requests`] as a JSON list.
    pub fn requests_json(&self) -> String {
        Json::Array(self.requests().iter().map(Arrival::to_json).collect()).to_string()
    }

    /// Back to a fresh sandbox: no rules, requests, cassette or counters.
    pub fn reset(&self) {
        self.0.reset();
    }

    /// From now on, forward every catalogue call to `upstream` and write
    /// each answer to the cassette at `path` (replaced).
    pub fn record(&self, path: &Path, upstream: &str) -> Result<(), String> {
        let cassette = Cassette::record(path, upstream)?;
        *lock(&self.0.cassette) = Some(cassette);
        Ok(())
    }

    /// From now on, answer every catalogue call from the cassette at `path`.
    pub fn replay(&self, path: &Path) -> Result<(), String> {
        let cassette = Cassette::replay(path)?;
        *lock(&self.0.cassette) = Some(cassette);
        lock(&self.0.misses).clear();
        Ok(())
    }

    /// Stop recording or replaying (scripted rules stay).
    pub fn eject(&self) {
        *lock(&self.0.cassette) = None;
    }

    /// The calls a replayed cassette did not hold, each message naming the
    /// endpoint and parameters.
    pub fn misses(&self) -> Vec<String> {
        lock(&self.0.misses).clone()
    }
}

/// The control routes' answer, or `None` for any other request.
pub fn serve(shared: &Arc<Shared>, parts: &Parts, body: &[u8]) -> Option<Response> {
    let path = parts.uri.path().trim_end_matches('/');
    let control = Control(shared.clone());
    let post = parts.method == axum::http::Method::POST;
    let field = |name: &str| -> Result<String, String> {
        serde_json::from_slice::<Json>(body)
            .ok()
            .and_then(|j| j.get(name)?.as_str().map(str::to_owned))
            .ok_or_else(|| format!("the body needs a {name:?} text field"))
    };
    let done = |r: Result<(), String>| match r {
        Ok(()) => axum::Json(json!({ "status": "success" })).into_response(),
        Err(e) => Refusal::new(StatusCode::BAD_REQUEST, e).into_response(),
    };
    Some(match path {
        "/__sandbox/requests" => {
            let list: Vec<Json> = control.requests().iter().map(Arrival::to_json).collect();
            axum::Json(json!({ "status": "success", "requests": list })).into_response()
        }
        "/__sandbox/script" if post => done(
            std::str::from_utf8(body)
                .map_err(|_| "the rule is not UTF-8".to_owned())
                .and_then(|t| control.script_json(t)),
        ),
        "/__sandbox/reset" if post => {
            control.reset();
            done(Ok(()))
        }
        "/__sandbox/record" if post => done(
            field("cassette")
                .and_then(|c| Ok((c, field("upstream")?)))
                .and_then(|(c, u)| control.record(Path::new(&c), &u)),
        ),
        "/__sandbox/replay" if post => {
            done(field("cassette").and_then(|c| control.replay(Path::new(&c))))
        }
        "/__sandbox/script" | "/__sandbox/reset" | "/__sandbox/record" | "/__sandbox/replay" => {
            Refusal::new(StatusCode::METHOD_NOT_ALLOWED, "Use POST.").into_response()
        }
        _ => return None,
    })
}
