//! The official "next page" rule, in one function.
//!
//! Given a page's JSON body, decide whether there is a next page and which
//! cursor arguments fetch it. The rule follows the response shapes in the
//! docs: `cursor` / `offset` / `nextCursor` with `hasMore` / `has_more`,
//! notifications' `notice_lists` with `min_time` / `max_time`, and endless
//! `nextCursor` streams (live chat).

use serde_json::Value as Json;

use crate::args::Args;
use crate::catalogue::Endpoint;
use crate::dialect::Dialect;
use crate::value::Value;

pub use crate::catalogue::CURSOR_PARAMS;

/// The arguments of the next page's call, or `None` when there is no next page.
///
/// `original` are the arguments of the first call; the result is those plus
/// the cursor parameters the endpoint declares.
pub fn next_args(
    endpoint: &Endpoint,
    original: &Args,
    body: &Json,
    dialect: Dialect,
) -> Option<Args> {
    let obj = body.as_object()?;
    let mut next = original.clone();
    let mut put = |name: &str, value: &Json| {
        if endpoint.declares(name) {
            next.set(name, Value::from(value));
        }
    };

    let has_more = obj.get("hasMore").or_else(|| obj.get("has_more"));
    if has_more.is_some_and(truthy) {
        // Which body field carries the cursor differs between the official
        // SDKs: the first one present wins.
        let order: [&str; 3] = match dialect {
            Dialect::Python => ["offset", "cursor", "nextCursor"],
            Dialect::Js | Dialect::Rust => ["cursor", "offset", "nextCursor"],
        };
        // With no cursor at all the official JS SDK would ask for the same
        // page again, forever; we stop, as the Python SDK does.
        let cursor = order
            .iter()
            .filter_map(|k| obj.get(*k))
            .find(|v| !v.is_null())?;
        if dialect == Dialect::Python && !truthy(cursor) {
            return None;
        }
        for name in ["cursor", "offset", "nextCursor"] {
            put(name, cursor);
        }
        return Some(next);
    }

    if let Some(lists) = obj.get("notice_lists") {
        let first = lists.as_array()?.first()?;
        let (has_more, min, max) = (
            first.get("has_more")?,
            first.get("min_time")?,
            first.get("max_time")?,
        );
        if !(truthy(has_more) && truthy(min) && truthy(max)) {
            return None;
        }
        put("min_time", min);
        put("max_time", max);
        return Some(next);
    }

    if let Some(cursor) = obj.get("nextCursor").filter(|c| truthy(c)) {
        put("nextCursor", cursor);
        return Some(next);
    }
    None
}

/// JavaScript's and Python's shared idea of a true value for JSON.
fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        Json::Object(_) => true,
    }
}
