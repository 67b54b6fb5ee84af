//! What each endpoint answers, in the shapes the real API uses.
//!
//! The routes come from the catalogue; this module only knows, per endpoint
//! key, which answer builds its body. Answers are grouped by what they are
//! about, one family per file, and each family lists the keys it answers in
//! its `ANSWERS` table: adding an endpoint touches one family file. The table
//! is looked up once per route when the router is built, never per request.
//! A key no family answers still answers, with a bare success body.

mod account;
mod call;
mod comments;
mod discovery;
mod live;
mod messages;
mod users;
mod videos;

use serde_json::{json, Map, Value as Json};

use crate::world::NOW;

pub use call::Call;

/// An answer's body, without `status` (the server adds it).
pub type Body = Map<String, Json>;

/// Builds one endpoint's body. Reserved values that make TikTok refuse are
/// checked before, for every endpoint alike ([`answer`]).
pub type Answer = fn(&Call<'_>) -> Body;

/// A TikTok error: its `statusCode`.
pub struct TikTokError(pub i64);

/// Every family's table of (endpoint key, answer).
const FAMILIES: [&[(&str, Answer)]; 7] = [
    users::ANSWERS,
    videos::ANSWERS,
    discovery::ANSWERS,
    comments::ANSWERS,
    messages::ANSWERS,
    live::ANSWERS,
    account::ANSWERS,
];

/// The answer for an endpoint key, from the family that answers it.
pub fn find(key: &str) -> Option<Answer> {
    FAMILIES
        .iter()
        .flat_map(|family| family.iter())
        .find(|(k, _)| *k == key)
        .map(|(_, answer)| *answer)
}

/// The answer of an endpoint no family knows: a bare success body.
pub fn bare(_: &Call<'_>) -> Body {
    Map::new()
}

/// The answer's body, or the TikTok error a reserved value asks for.
pub fn answer(call: &Call<'_>, answer: Answer) -> Result<Body, TikTokError> {
    refusal(call)?;
    let mut body = answer(call);
    envelope(call, &mut body);
    Ok(body)
}

/// The envelope the endpoint's answer schema gives it (TikAPI's `message`,
/// TikTok's codes, `extra` and `log_pb`), around what the family answered.
fn envelope(call: &Call<'_>, body: &mut Body) {
    let Some(shape) = tikapi_core::answers::answers().shape(&call.ep.key) else {
        return;
    };
    for field in &shape.fields {
        let value = match field.name.as_str() {
            "message" => json!(""),
            "statusCode" | "status_code" => json!(0),
            "extra" => json!({ "fatal_item_ids": [], "logid": call.rid, "now": NOW * 1000 }),
            "log_pb" => json!({ "impr_id": call.rid }),
            _ => continue,
        };
        match (body.get_mut(&field.name), value) {
            // A family's own `extra` keeps its keys and gains the rest.
            (Some(Json::Object(own)), Json::Object(all)) => {
                for (k, v) in all {
                    own.entry(k).or_insert(v);
                }
            }
            (Some(_), _) => {}
            (None, value) => {
                body.insert(field.name.clone(), value);
            }
        }
    }
}

/// The reserved values that make TikTok refuse.
fn refusal(call: &Call<'_>) -> Result<(), TikTokError> {
    let is = |k: &str, v: &str| call.text(k).as_deref() == Some(v);
    let key = call.ep.key.as_str();
    if is("username", "doesnotexist") {
        return Err(TikTokError(10202));
    }
    let video_endpoint = key.contains("video") || key.contains("Video");
    if is("video_id", "1") || is("media_id", "1") || (video_endpoint && is("id", "1")) {
        return Err(TikTokError(10204));
    }
    if key.starts_with("public.music") && is("id", "1") {
        return Err(TikTokError(10203));
    }
    if key == "public.hashtag" {
        if is("name", "blacklisted") {
            return Err(TikTokError(10209));
        }
        if is("id", "1") {
            return Err(TikTokError(10205));
        }
    }
    if is("room_id", "1") {
        return Err(TikTokError(10210));
    }
    Ok(())
}

/// A `json!({...})` literal as a body.
fn obj(v: Json) -> Body {
    match v {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_catalogue_endpoint_has_an_answer() {
        let missing: Vec<&str> = tikapi_core::catalogue()
            .keys()
            .into_iter()
            .filter(|k| find(k).is_none())
            .collect();
        assert!(missing.is_empty(), "no family answers {missing:?}");
    }

    #[test]
    fn every_answered_key_is_in_the_catalogue_once() {
        let catalogue = tikapi_core::catalogue();
        let mut seen = HashSet::new();
        for (key, _) in FAMILIES.iter().flat_map(|f| f.iter()) {
            assert!(
                catalogue.get(key).is_some(),
                "{key} is not in the catalogue"
            );
            assert!(seen.insert(*key), "{key} is answered twice");
        }
    }
}
