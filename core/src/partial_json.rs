//! A partial parse of a response body: the top-level fields the SDK's own
//! rules read, validated like a full parse but without building the rest.
//!
//! The next-page rule (`cursor`), `message`, the TikTok `statusCode` and the
//! video link headers only look at a handful of top-level keys. Building the
//! whole body as a `serde_json::Value` for them would cost as much as the
//! app's own parse of it; this scan skips everything else.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};

/// Top-level keys kept whole.
const KEEP: &[&str] = &[
    "message",
    "statusCode",
    "hasMore",
    "has_more",
    "cursor",
    "offset",
    "nextCursor",
    "$other",
];

/// Keys kept of the first entry of `notice_lists`.
const NOTICE_KEEP: &[&str] = &["has_more", "min_time", "max_time"];

/// `None` for invalid JSON; the kept fields of an object; `Null` for any
/// other valid JSON (no rule reads a non-object body).
pub(crate) fn parse(body: &[u8]) -> Option<Json> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let head = Top.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(head)
}

struct Top;

impl<'de> DeserializeSeed<'de> for Top {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(Keep {
            keys: KEEP,
            notices: true,
        })
    }
}

/// An object keeps `keys` (and, at the top, the first entry of
/// `notice_lists`); anything else is validated and dropped.
#[derive(Clone, Copy)]
struct Keep {
    keys: &'static [&'static str],
    notices: bool,
}

/// What both visitors do with anything but a container: describe
/// themselves, and read scalars and null as null.
macro_rules! ignore_scalars {
    () => {
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        ignore_scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);
        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
    };
    ($($name:ident: $ty:ty),*) => {
        $(fn $name<E>(self, _: $ty) -> Result<Json, E> { Ok(Json::Null) })*
    };
}

impl<'de> Visitor<'de> for Keep {
    type Value = Json;

    ignore_scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Json::Null)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.keys.contains(&key.as_str()) {
                let v: Json = map.next_value()?;
                out.insert(key, v);
            } else if self.notices && key == "notice_lists" {
                let v = map.next_value_seed(Notices)?;
                out.insert(key, v);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Json::Object(out))
    }
}

impl<'de> DeserializeSeed<'de> for Keep {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

/// `notice_lists`: an array whose first entry keeps [`NOTICE_KEEP`].
struct Notices;

impl<'de> DeserializeSeed<'de> for Notices {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(NoticesVisitor)
    }
}

struct NoticesVisitor;

impl<'de> Visitor<'de> for NoticesVisitor {
    type Value = Json;

    ignore_scalars!();

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Json::Object(Map::new()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let first = Keep {
            keys: NOTICE_KEEP,
            notices: false,
        };
        let mut out = Vec::new();
        if let Some(entry) = seq.next_element_seed(first)? {
            out.push(entry);
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Json::Array(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The head holds exactly what a full parse holds for the kept keys.
    fn agrees(body: &str) {
        let full: Option<Json> = serde_json::from_str(body).ok();
        let head = parse(body.as_bytes());
        assert_eq!(full.is_some(), head.is_some(), "validity of {body}");
        let (Some(full), Some(head)) = (full, head) else {
            return;
        };
        for k in KEEP {
            assert_eq!(full.get(*k), head.get(*k), "{k} of {body}");
        }
        for k in NOTICE_KEEP {
            assert_eq!(
                full.get("notice_lists")
                    .and_then(|l| l.get(0))
                    .and_then(|n| n.get(*k)),
                head.get("notice_lists")
                    .and_then(|l| l.get(0))
                    .and_then(|n| n.get(*k)),
                "notice {k} of {body}"
            );
        }
    }

    #[test]
    fn keeps_what_the_rules_read_and_agrees_with_a_full_parse() {
        for body in [
            r#"{"status":"success","itemList":[{"id":"1","desc":"x"}],"cursor":"123","hasMore":true}"#,
            r#"{"message":"User doesn't exist","statusCode":10202,"status":"error"}"#,
            r#"{"notice_lists":[{"notice_list":[{"a":1}],"has_more":1,"min_time":5,"max_time":9},{"has_more":0}]}"#,
            r#"{"notice_lists":[[1,2],{"x":1}]}"#,
            r#"{"notice_lists":"weird","nextCursor":7,"has_more":0,"offset":0}"#,
            r#"{"$other":{"videoLinkHeaders":{"Cookie":"a=b"}},"message":5}"#,
            r#"{"message":"dup","message":"second"}"#,
            r#"[1,2,3]"#,
            r#""text""#,
            r#"null"#,
            r#"{"a":1} trailing"#,
            r#"{"a":"#,
            "",
            r#"{"hasMore":true,"cursor":null}"#,
        ] {
            agrees(body);
        }
        assert_eq!(
            parse(br#"{"itemList":[1],"cursor":"9","hasMore":true}"#),
            Some(json!({"cursor":"9","hasMore":true}))
        );
    }
}
