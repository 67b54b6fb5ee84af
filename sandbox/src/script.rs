//! Scripted answers and faults, per test: a [`Rule`] makes one endpoint (or
//! one endpoint with given parameters) answer a given status and JSON body,
//! or misbehave with one of the [`Fault`]s, once, N times or until reset.
//! Everything not scripted keeps its generated answer.
//!
//! The `X-Sandbox-Fault` header is the same mechanism for one request: its
//! value is a [`Fault`], applied by the same layer (`crate::faults::replace`).
//!
//! Every request to a catalogue endpoint is also written down as an
//! [`Arrival`] (endpoint, method, parameters; never a header, so never a
//! key), for tests to assert what their app sent.

use std::sync::OnceLock;

use axum::http::{Method, Uri};
use percent_encoding::percent_decode_str;
use serde_json::{json, Map, Value as Json};
use tikapi_core::catalogue::{catalogue, Endpoint};

use crate::fault::Fault;

/// The parameters of a request, by their wire name: path segments, query
/// pairs and the fields of a JSON body.
pub type Params = Map<String, Json>;

/// What a scripted endpoint does instead of its generated answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// This status and JSON body (and headers).
    Answer {
        status: u16,
        body: Json,
        headers: Vec<(String, String)>,
    },
    /// One of the fault switches.
    Fault(Fault),
}

/// One scripted behaviour of one endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The endpoint key, as the SDKs name it: `public.check`.
    pub endpoint: String,
    /// Only requests carrying these parameters (with these values) match.
    pub params: Params,
    pub reply: Reply,
    /// How many requests it answers; `None` until reset.
    pub times: Option<u32>,
}

fn endpoint_named(name: &str) -> Result<&'static Endpoint, String> {
    catalogue().get(name).ok_or_else(|| {
        format!("unknown endpoint {name:?}: use an endpoint key such as \"public.check\" (`tikapi call --help` lists them)")
    })
}

impl Rule {
    /// Answer `status` with `body` on every call of `endpoint` (an unknown
    /// endpoint is an error naming it).
    pub fn answer(endpoint: &str, status: u16, body: Json) -> Result<Rule, String> {
        endpoint_named(endpoint)?;
        if !(100..=599).contains(&status) {
            return Err(format!("status {status} is not an HTTP status (100-599)"));
        }
        Ok(Rule {
            endpoint: endpoint.to_owned(),
            params: Params::new(),
            reply: Reply::Answer {
                status,
                body,
                headers: Vec::new(),
            },
            times: None,
        })
    }

    /// Misbehave with `fault` (the `X-Sandbox-Fault` grammar) on every call.
    pub fn fault(endpoint: &str, fault: &str) -> Result<Rule, String> {
        endpoint_named(endpoint)?;
        let fault = Fault::parse(fault)
            .map_err(|f| format!("unknown fault {f:?}: {}", crate::fault::KNOWN))?;
        Ok(Rule {
            endpoint: endpoint.to_owned(),
            params: Params::new(),
            reply: Reply::Fault(fault),
            times: None,
        })
    }

    /// Answer only `n` requests, then let the next rule or the generated
    /// answer take over.
    pub fn times(mut self, n: u32) -> Rule {
        self.times = Some(n);
        self
    }

    /// Match only requests with these parameters.
    pub fn params(mut self, params: Params) -> Rule {
        self.params = params;
        self
    }

    /// A rule from its JSON description, the form the Python and Node kits
    /// send:
    ///
    /// ```json
    /// {"endpoint": "public.check", "status": 200, "body": {...}, "headers": {...},
    ///  "fault": "rate_limit=1", "times": 1, "params": {"username": "lilyachty"}}
    /// ```
    ///
    /// with either `fault` or `body` / `status`.
    pub fn from_json(text: &str) -> Result<Rule, String> {
        let spec: Map<String, Json> =
            serde_json::from_str(text).map_err(|e| format!("a rule is a JSON object: {e}"))?;
        for key in spec.keys() {
            if !matches!(
                key.as_str(),
                "endpoint" | "status" | "body" | "headers" | "fault" | "times" | "params"
            ) {
                return Err(format!(
                    "unknown rule field {key:?}: use endpoint, status, body, headers, fault, times, params"
                ));
            }
        }
        let endpoint = match spec.get("endpoint") {
            Some(Json::String(s)) => s.as_str(),
            _ => return Err("a rule needs an endpoint key, such as \"public.check\"".into()),
        };
        let mut rule = match spec.get("fault") {
            Some(Json::String(f)) => {
                if spec.contains_key("body") || spec.contains_key("status") {
                    return Err(format!(
                        "{endpoint}: a rule has a fault or a status and body, not both"
                    ));
                }
                Rule::fault(endpoint, f)?
            }
            Some(other) => return Err(format!("{endpoint}: fault must be text, not {other}")),
            None => {
                let status = match spec.get("status") {
                    None | Some(Json::Null) => 200,
                    Some(s) => s
                        .as_u64()
                        .and_then(|s| u16::try_from(s).ok())
                        .ok_or_else(|| format!("{endpoint}: status {s} is not an HTTP status"))?,
                };
                let body = spec
                    .get("body")
                    .cloned()
                    .unwrap_or_else(|| default_body(status));
                Rule::answer(endpoint, status, body)?
            }
        };
        if let Some(headers) = spec.get("headers") {
            let Json::Object(headers) = headers else {
                return Err(format!("{endpoint}: headers is an object of text values"));
            };
            let Reply::Answer { headers: h, .. } = &mut rule.reply else {
                return Err(format!("{endpoint}: headers go with a status and body"));
            };
            for (name, value) in headers {
                let value = match value {
                    Json::String(s) => s.clone(),
                    Json::Number(n) => n.to_string(),
                    other => return Err(format!("{endpoint}: header {name}: {other} is not text")),
                };
                if axum::http::HeaderName::try_from(name.as_str()).is_err()
                    || axum::http::HeaderValue::try_from(value.as_str()).is_err()
                {
                    return Err(format!("{endpoint}: header {name:?} is not a valid header"));
                }
                h.push((name.clone(), value));
            }
        }
        match spec.get("times") {
            None | Some(Json::Null) => {}
            Some(t) => {
                let n = t
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        format!("{endpoint}: times {t} is not a positive whole number")
                    })?;
                rule = rule.times(n);
            }
        }
        match spec.get("params") {
            None | Some(Json::Null) => {}
            Some(Json::Object(p)) => rule = rule.params(p.clone()),
            Some(other) => {
                return Err(format!("{endpoint}: params must be an object, not {other}"))
            }
        }
        Ok(rule)
    }

    fn matches(&self, arrival: &Arrival) -> bool {
        self.endpoint == arrival.endpoint
            && self
                .params
                .iter()
                .all(|(k, v)| arrival.params.get(k).is_some_and(|got| same(got, v)))
    }
}

/// A body for a scripted status given without one: success for 2xx, the
/// service's error shape otherwise.
fn default_body(status: u16) -> Json {
    if (200..300).contains(&status) {
        json!({ "status": "success" })
    } else {
        json!({ "status": "error", "message": "Scripted error." })
    }
}

/// Two parameter values are the same when their text is: a query parameter
/// arrives as text, a script may give it as a number.
pub fn same(a: &Json, b: &Json) -> bool {
    text(a) == text(b)
}

fn text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The rules, oldest first: the oldest matching rule with answers left
/// answers (so `once` then `once` answers in that order).
#[derive(Default)]
pub struct Script {
    rules: Vec<Rule>,
}

impl Script {
    pub fn add(&mut self, rule: Rule) {
        self.rules.push(rule);
    }

    pub fn clear(&mut self) {
        self.rules.clear();
    }

    /// The reply for `arrival`, counting it against its rule.
    pub fn reply(&mut self, arrival: &Arrival) -> Option<Reply> {
        let i = self.rules.iter().position(|r| r.matches(arrival))?;
        let rule = &mut self.rules[i];
        let reply = rule.reply.clone();
        if let Some(n) = &mut rule.times {
            *n -= 1;
            if *n == 0 {
                self.rules.remove(i);
            }
        }
        Some(reply)
    }
}

/// A request to a catalogue endpoint, as tests see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    pub endpoint: String,
    pub method: String,
    /// Path, query and JSON body parameters by wire name; never a header.
    pub params: Params,
}

impl Arrival {
    /// The endpoint `method` and `uri` reach, with the request's parameters;
    /// `None` for a path outside the catalogue.
    pub fn read(method: &Method, uri: &Uri, body: &[u8]) -> Option<Arrival> {
        let path: Vec<&str> = uri.path().trim_matches('/').split('/').collect();
        let mut params = Params::new();
        let ep = templates().iter().find_map(|(m, parts, ep)| {
            (*m == method.as_str() && {
                params.clear();
                path_matches(parts, &path, &mut params)
            })
            .then_some(*ep)
        })?;
        if let Some(q) = uri.query() {
            for (k, v) in form_urlencoded::parse(q.as_bytes()) {
                params.insert(k.into_owned(), Json::String(v.into_owned()));
            }
        }
        if let Ok(Json::Object(fields)) = serde_json::from_slice::<Json>(body) {
            params.extend(fields);
        }
        // Keys travel in headers; one sent as a parameter is not written down either.
        params.retain(|k, _| !is_secret_name(k));
        Some(Arrival {
            endpoint: ep.key.clone(),
            method: method.as_str().to_owned(),
            params,
        })
    }

    pub fn to_json(&self) -> Json {
        json!({ "endpoint": self.endpoint, "method": self.method, "params": self.params })
    }
}

/// Names that hold an API or account key.
pub fn is_secret_name(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        n.as_str(),
        "apikey" | "accountkey" | "xapikey" | "xaccountkey"
    )
}

/// Every endpoint's method and path segments, split once: every request is
/// matched against them.
fn templates() -> &'static [(&'static str, Vec<&'static str>, &'static Endpoint)] {
    static TEMPLATES: OnceLock<Vec<(&'static str, Vec<&'static str>, &'static Endpoint)>> =
        OnceLock::new();
    TEMPLATES.get_or_init(|| {
        catalogue()
            .endpoints
            .iter()
            .map(|ep| {
                let parts = ep.path.trim_matches('/').split('/').collect();
                (ep.method.as_str(), parts, ep)
            })
            .collect()
    })
}

/// Whether the template's segments (`public`, `discover`, `{category}`)
/// match the path's, filling `params` with the path parameters.
fn path_matches(parts: &[&str], path: &[&str], params: &mut Params) -> bool {
    if parts.len() != path.len() {
        return false;
    }
    for (t, p) in parts.iter().zip(path) {
        match t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(name) => {
                if p.is_empty() {
                    return false;
                }
                let value = percent_decode_str(p).decode_utf8_lossy().into_owned();
                params.insert(name.to_owned(), Json::String(value));
            }
            None if t == p => {}
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arrival(uri: &str) -> Arrival {
        Arrival::read(&Method::GET, &uri.parse().unwrap(), b"").unwrap()
    }

    #[test]
    fn arrivals_name_the_endpoint_and_parameters_without_keys() {
        let a = arrival("/public/check?username=lilyachty&apiKey=SecretApiKey0123456789");
        assert_eq!(a.endpoint, "public.check");
        assert_eq!(
            a.params,
            json!({ "username": "lilyachty" })
                .as_object()
                .unwrap()
                .clone()
        );
        let a = arrival("/public/discover/hashtag?count=5");
        assert_eq!(a.params["category"], "hashtag");
        assert!(Arrival::read(&Method::GET, &"/nope".parse().unwrap(), b"").is_none());
    }

    #[test]
    fn rules_answer_in_order_then_fall_through() {
        let mut s = Script::default();
        s.add(
            Rule::answer("public.check", 500, json!({}))
                .unwrap()
                .times(1),
        );
        s.add(Rule::fault("public.check", "drop").unwrap().times(2));
        let a = arrival("/public/check?username=x");
        assert!(matches!(
            s.reply(&a),
            Some(Reply::Answer { status: 500, .. })
        ));
        assert_eq!(s.reply(&a), Some(Reply::Fault(Fault::Drop)));
        assert_eq!(s.reply(&a), Some(Reply::Fault(Fault::Drop)));
        assert_eq!(s.reply(&a), None);
    }

    #[test]
    fn rules_match_on_parameters_by_text() {
        let mut s = Script::default();
        let p = json!({ "count": 5 }).as_object().unwrap().clone();
        s.add(Rule::fault("public.posts", "timeout").unwrap().params(p));
        assert_eq!(s.reply(&arrival("/public/posts?secUid=x&count=6")), None);
        assert!(s
            .reply(&arrival("/public/posts?secUid=x&count=5"))
            .is_some());
    }

    #[test]
    fn bad_rules_are_named() {
        let e = Rule::from_json(r#"{"endpoint": "public.chek", "status": 200}"#).unwrap_err();
        assert!(e.contains("unknown endpoint \"public.chek\""), "{e}");
        let e = Rule::from_json(r#"{"endpoint": "public.check", "fault": "explode"}"#).unwrap_err();
        assert!(e.contains("unknown fault \"explode\""), "{e}");
        let e = Rule::from_json(r#"{"endpoint": "public.check", "times": 0}"#).unwrap_err();
        assert!(e.contains("times"), "{e}");
        let e = Rule::from_json("[").unwrap_err();
        assert!(e.contains("JSON object"), "{e}");
        let r =
            Rule::from_json(r#"{"endpoint": "public.check", "fault": "rate_limit=2", "times": 1}"#)
                .unwrap();
        assert_eq!(r.times, Some(1));
    }
}
