//! A call's parameters as the server receives them, checked with the
//! catalogue's own rules (`tikapi_core::resolve::check`).

use std::collections::HashMap;

use serde_json::{Map, Value as Json};
use tikapi_core::catalogue::{Endpoint, Location, ParamType};
use tikapi_core::resolve::check;
use tikapi_core::{Dialect, Error, Value};

/// The raw parts of a request that carry parameters.
pub struct Raw<'a> {
    pub path: &'a [(String, String)],
    pub query: &'a [(String, String)],
    pub body: Option<&'a Map<String, Json>>,
}

/// The endpoint's parameters, validated, by argument name.
#[derive(Debug, Default)]
pub struct Input {
    values: HashMap<String, Value>,
}

/// A 400 answer: `Missing fields.` or `Invalid fields.`, field by field.
pub struct Rejection {
    pub missing: bool,
    pub fields: Map<String, Json>,
}

impl Input {
    /// Read and check every non-header parameter of `ep`.
    pub fn read(ep: &Endpoint, raw: &Raw<'_>) -> Result<Input, Rejection> {
        let mut values = HashMap::new();
        let mut fields = Map::new();
        let mut missing = false;
        for p in ep.params.iter().filter(|p| p.location != Location::Header) {
            let found = find(raw, p.location, &p.wire)
                .or_else(|| {
                    // Be lenient about where a value came: a POST's field in
                    // the query, a GET's in a JSON body.
                    [Location::Query, Location::Body]
                        .into_iter()
                        .filter(|l| *l != p.location)
                        .find_map(|l| find(raw, l, &p.wire))
                })
                .map(|v| typed(p.ty, v));
            match found {
                None if p.required => {
                    missing = true;
                    fields.insert(
                        p.wire.clone(),
                        Json::String(format!("A valid {} is required.", p.wire)),
                    );
                }
                None => {
                    if let Some(d) = &p.default {
                        values.insert(p.key.clone(), d.clone());
                    }
                }
                Some(v) => match check(p, v, Dialect::Js) {
                    Ok(v) => {
                        values.insert(p.key.clone(), v);
                    }
                    Err(Error::Validation(e)) => {
                        fields.insert(p.wire.clone(), Json::String(e.message));
                    }
                    Err(other) => {
                        fields.insert(p.wire.clone(), Json::String(other.to_string()));
                    }
                },
            }
        }
        if fields.is_empty() {
            Ok(Input { values })
        } else {
            Err(Rejection { missing, fields })
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key).filter(|v| !v.is_null())
    }

    /// A value as text (numbers in decimal).
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key)
            .map(|v| v.text(Dialect::Js))
            .filter(|s| !s.is_empty())
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        match self.get(key)? {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.is_finite() => Some(*f as i64),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// Every value, in a stable order, for deriving per-response tokens.
    pub fn canonical(&self) -> String {
        let mut pairs: Vec<(String, String)> = self
            .values
            .iter()
            .map(|(k, v)| (k.clone(), v.text(Dialect::Js)))
            .collect();
        pairs.sort();
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn find(raw: &Raw<'_>, location: Location, wire: &str) -> Option<Value> {
    match location {
        Location::Path => raw
            .path
            .iter()
            .find(|(k, _)| k == wire)
            .map(|(_, v)| Value::Str(v.clone())),
        Location::Query => raw
            .query
            .iter()
            .rev()
            .find(|(k, v)| k == wire && !v.is_empty())
            .map(|(_, v)| Value::Str(v.clone())),
        Location::Body => raw
            .body
            .and_then(|b| b.get(wire))
            .filter(|v| !v.is_null())
            .map(Value::from),
        // Headers are not parameters the sandbox reads back (nor is any
        // location a later catalogue adds: `Location` is non-exhaustive).
        _ => None,
    }
}

/// Query text that stands for a boolean becomes one.
fn typed(ty: ParamType, v: Value) -> Value {
    match (ty, &v) {
        (ParamType::Boolean, Value::Str(s)) => match s.as_str() {
            "true" | "True" | "1" => Value::Bool(true),
            "false" | "False" | "0" => Value::Bool(false),
            _ => v,
        },
        _ => v,
    }
}
