//! Record and replay. Recording, the sandbox forwards every catalogue call to
//! an upstream base URL (the real API, or in tests a local server standing in
//! for it) and writes each answer to a cassette file; replaying, it answers
//! from that file with no network, and a call the cassette does not hold gets
//! an error naming the endpoint and parameters.
//!
//! A cassette is readable JSON, the same for the Python and Node kits:
//!
//! ```json
//! {
//!   "tikapiCassette": 1,
//!   "interactions": [
//!     {
//!       "request": {"endpoint": "public.check", "method": "GET", "params": {"username": "lilyachty"}},
//!       "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": {"status": "success"}}
//!     }
//!   ]
//! }
//! ```
//!
//! Keys never reach the file: requests are written without their headers
//! (where the keys travel) and without any parameter named like a key; the
//! answers keep only `content-type` and `retry-after`, and any text equal to
//! the call's API or account key, or any field named like a key, is replaced
//! by [`SCRUBBED`].

use std::path::{Path, PathBuf};

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Map, Value as Json};

use crate::refusal::Refusal;
use crate::script::{is_secret_name, same, Arrival, Params};

/// What a key is replaced with in a cassette.
pub const SCRUBBED: &str = "[scrubbed]";
/// The format's version, the value of `tikapiCassette`.
const VERSION: u64 = 1;
/// The answer headers a cassette keeps.
const KEPT_HEADERS: &[&str] = &["content-type", "retry-after"];

/// One recorded call and its answer.
#[derive(Debug, Clone)]
pub struct Interaction {
    pub request: Arrival,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// A JSON answer, or the text of any other.
    pub body: Answer,
}

#[derive(Debug, Clone)]
pub enum Answer {
    Json(Json),
    Text(String),
}

pub enum Mode {
    Record {
        upstream: String,
        client: reqwest::Client,
    },
    Replay,
}

pub struct Cassette {
    pub path: PathBuf,
    pub mode: Mode,
    interactions: Vec<Interaction>,
    /// Which interactions replay has served (the same call recorded twice is
    /// answered in the recorded order, the last one again after that).
    served: Vec<bool>,
}

impl Cassette {
    /// Record into `path` (written after every call), forwarding to `upstream`.
    pub fn record(path: &Path, upstream: &str) -> Result<Cassette, String> {
        let upstream = upstream.trim_end_matches('/').to_owned();
        if !(upstream.starts_with("http://") || upstream.starts_with("https://")) {
            return Err(format!(
                "recording: upstream {upstream:?} is not an http:// or https:// base URL"
            ));
        }
        let client = reqwest::Client::builder()
            .build()
            .map_err(|e| format!("recording: cannot make a client: {e}"))?;
        let cassette = Cassette {
            path: path.to_owned(),
            mode: Mode::Record { upstream, client },
            interactions: Vec::new(),
            served: Vec::new(),
        };
        cassette.save()?;
        Ok(cassette)
    }

    /// Replay `path`; a missing or malformed file is an error naming it.
    pub fn replay(path: &Path) -> Result<Cassette, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cassette {}: cannot read it: {e}", path.display()))?;
        let interactions = parse(&text).map_err(|e| format!("cassette {}: {e}", path.display()))?;
        Ok(Cassette {
            path: path.to_owned(),
            mode: Mode::Replay,
            served: vec![false; interactions.len()],
            interactions,
        })
    }

    /// The recorded answer to `arrival`, or `Err` with the miss's message.
    pub fn lookup(&mut self, arrival: &Arrival) -> Result<Response, String> {
        let matching: Vec<usize> = (0..self.interactions.len())
            .filter(|&i| same_call(&self.interactions[i].request, arrival))
            .collect();
        let Some(&last) = matching.last() else {
            return Err(format!(
                "the cassette {} holds no answer for {} {}",
                self.path.display(),
                arrival.endpoint,
                Json::Object(arrival.params.clone())
            ));
        };
        let i = matching
            .iter()
            .copied()
            .find(|&i| !self.served[i])
            .unwrap_or(last);
        self.served[i] = true;
        Ok(self.interactions[i].to_response())
    }

    /// Add a recorded call and rewrite the file.
    pub fn add(&mut self, interaction: Interaction) -> Result<(), String> {
        self.interactions.push(interaction);
        self.served.push(true);
        self.save()
    }

    fn save(&self) -> Result<(), String> {
        let doc = json!({
            "tikapiCassette": VERSION,
            "interactions": self.interactions.iter().map(Interaction::to_json).collect::<Vec<_>>(),
        });
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cassette {}: cannot write it: {e}", self.path.display()))?;
        }
        // Written whole, then renamed: a reader never sees half a cassette.
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, &self.path))
            .map_err(|e| format!("cassette {}: cannot write it: {e}", self.path.display()))
    }
}

fn same_call(a: &Arrival, b: &Arrival) -> bool {
    a.endpoint == b.endpoint
        && a.method == b.method
        && a.params.len() == b.params.len()
        && a.params
            .iter()
            .all(|(k, v)| b.params.get(k).is_some_and(|w| same(v, w)))
}

impl Interaction {
    fn to_json(&self) -> Json {
        let headers: Map<String, Json> = self
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), Json::String(v.clone())))
            .collect();
        let mut response = json!({ "status": self.status, "headers": headers });
        match &self.body {
            Answer::Json(j) => response["body"] = j.clone(),
            Answer::Text(t) => response["text"] = Json::String(t.clone()),
        }
        json!({ "request": self.request.to_json(), "response": response })
    }

    fn to_response(&self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        let mut r = match &self.body {
            Answer::Json(j) => (status, axum::Json(j.clone())).into_response(),
            Answer::Text(t) => (status, t.clone()).into_response(),
        };
        for (k, v) in &self.headers {
            if let (Ok(k), Ok(v)) = (
                HeaderName::try_from(k.as_str()),
                HeaderValue::try_from(v.as_str()),
            ) {
                r.headers_mut().insert(k, v);
            }
        }
        r
    }
}

/// The interactions of a cassette's text; `Err` says what is wrong and where.
fn parse(text: &str) -> Result<Vec<Interaction>, String> {
    let doc: Json = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Json::Object(doc) = doc else {
        return Err("not a cassette: the file is not a JSON object".into());
    };
    match doc.get("tikapiCassette").and_then(Json::as_u64) {
        Some(VERSION) => {}
        Some(v) => {
            return Err(format!(
                "cassette format {v} is not known (this kit reads {VERSION})"
            ))
        }
        None => return Err("not a cassette: no \"tikapiCassette\": 1 field".into()),
    }
    let Some(Json::Array(list)) = doc.get("interactions") else {
        return Err("not a cassette: no \"interactions\" list".into());
    };
    list.iter()
        .enumerate()
        .map(|(i, item)| interaction(item).map_err(|e| format!("interaction {i}: {e}")))
        .collect()
}

fn interaction(item: &Json) -> Result<Interaction, String> {
    let request = item.get("request").ok_or("no \"request\"")?;
    let endpoint = request
        .get("endpoint")
        .and_then(Json::as_str)
        .ok_or("the request has no \"endpoint\" text")?;
    if tikapi_core::catalogue::catalogue().get(endpoint).is_none() {
        return Err(format!("unknown endpoint {endpoint:?}"));
    }
    let method = request
        .get("method")
        .and_then(Json::as_str)
        .ok_or("the request has no \"method\" text")?;
    let params = match request.get("params") {
        None | Some(Json::Null) => Params::new(),
        Some(Json::Object(p)) => p.clone(),
        Some(_) => return Err("the request's \"params\" is not an object".into()),
    };
    let response = item.get("response").ok_or("no \"response\"")?;
    let status = response
        .get("status")
        .and_then(Json::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (100..=599).contains(s))
        .ok_or("the response has no \"status\" between 100 and 599")?;
    let headers = match response.get("headers") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Object(h)) => h
            .iter()
            .map(|(k, v)| match v {
                Json::String(s) => Ok((k.clone(), s.clone())),
                _ => Err(format!("the response header {k:?} is not text")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("the response's \"headers\" is not an object".into()),
    };
    let body = match (response.get("body"), response.get("text")) {
        (Some(b), _) => Answer::Json(b.clone()),
        (None, Some(Json::String(t))) => Answer::Text(t.clone()),
        _ => return Err("the response has no \"body\" (JSON) or \"text\"".into()),
    };
    Ok(Interaction {
        request: Arrival {
            endpoint: endpoint.to_owned(),
            method: method.to_owned(),
            params,
        },
        status,
        headers,
        body,
    })
}

/// Send the call to the upstream and make the interaction to record, keys
/// scrubbed. `Err` is the 502 to answer when the upstream cannot be reached.
pub async fn forward(
    client: &reqwest::Client,
    upstream: &str,
    arrival: Arrival,
    method: &axum::http::Method,
    path_and_query: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<(Interaction, Response), Response> {
    let url = format!("{upstream}{path_and_query}");
    let mut out = reqwest::header::HeaderMap::new();
    let mut secrets = Vec::new();
    for (name, value) in headers {
        if matches!(
            name.as_str(),
            "host" | "content-length" | "connection" | "transfer-encoding" | "accept-encoding"
        ) || name.as_str() == crate::fault::HEADER
        {
            continue;
        }
        if is_secret_name(name.as_str()) {
            if let Ok(v) = value.to_str() {
                secrets.push(v.to_owned());
            }
        }
        out.append(name.clone(), value.clone());
    }
    let method = reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap_or_default();
    let sent = client
        .request(method, &url)
        .headers(out)
        .body(body)
        .send()
        .await;
    let answer = match sent {
        Ok(r) => r,
        Err(e) => {
            return Err(Refusal::new(
                StatusCode::BAD_GATEWAY,
                format!(
                    "recording: the upstream {upstream} did not answer {}: {}",
                    arrival.endpoint,
                    e.without_url()
                ),
            )
            .into_response())
        }
    };
    let status = answer.status().as_u16();
    let kept: Vec<(String, String)> = KEPT_HEADERS
        .iter()
        .filter_map(|h| {
            let v = answer.headers().get(*h)?.to_str().ok()?;
            Some(((*h).to_owned(), v.to_owned()))
        })
        .collect();
    let bytes = match answer.bytes().await {
        Ok(b) => b,
        Err(e) => {
            return Err(Refusal::new(
                StatusCode::BAD_GATEWAY,
                format!(
                    "recording: the upstream's answer to {} broke off: {}",
                    arrival.endpoint,
                    e.without_url()
                ),
            )
            .into_response())
        }
    };
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    for s in secrets.iter().filter(|s| s.len() >= 8) {
        text = text.replace(s.as_str(), SCRUBBED);
    }
    let body = match serde_json::from_str::<Json>(&text) {
        Ok(mut j) => {
            scrub_fields(&mut j);
            Answer::Json(j)
        }
        Err(_) => Answer::Text(text),
    };
    let interaction = Interaction {
        request: arrival,
        status,
        headers: kept,
        body,
    };
    let response = interaction.to_response();
    Ok((interaction, response))
}

/// Replace the value of every field named like a key.
fn scrub_fields(v: &mut Json) {
    match v {
        Json::Object(m) => {
            for (k, v) in m.iter_mut() {
                if is_secret_name(k) && v.is_string() {
                    *v = Json::String(SCRUBBED.into());
                } else {
                    scrub_fields(v);
                }
            }
        }
        Json::Array(a) => a.iter_mut().for_each(scrub_fields),
        _ => {}
    }
}

/// The answer to a call the cassette does not hold.
pub fn miss(message: &str) -> Response {
    Refusal::new(StatusCode::NOT_FOUND, message.to_owned())
        .with("cassette", "miss")
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_cassettes_are_named() {
        for (text, says) in [
            ("{", "not valid JSON"),
            ("[]", "not a JSON object"),
            ("{}", "tikapiCassette"),
            (r#"{"tikapiCassette": 2, "interactions": []}"#, "format 2"),
            (r#"{"tikapiCassette": 1}"#, "interactions"),
            (
                r#"{"tikapiCassette": 1, "interactions": [{"request": {"endpoint": "public.nope", "method": "GET"}}]}"#,
                "interaction 0: unknown endpoint \"public.nope\"",
            ),
            (
                r#"{"tikapiCassette": 1, "interactions": [{"request": {"endpoint": "public.check", "method": "GET"}, "response": {"status": 99}}]}"#,
                "status",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn fields_named_like_keys_are_scrubbed() {
        let mut j = json!({ "a": { "accountKey": "abc", "list": [{ "X-API-KEY": "k" }] }, "n": 1 });
        scrub_fields(&mut j);
        assert_eq!(
            j,
            json!({ "a": { "accountKey": SCRUBBED, "list": [{ "X-API-KEY": SCRUBBED }] }, "n": 1 })
        );
    }
}
