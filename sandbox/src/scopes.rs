//! Account keys with limited scopes, as an authorisation grants them.
//!
//! A key `ScopedAccountKey` + four hex digits is granted the scopes whose
//! bits are set, in the order of `tikapi_core::oauth::scopes()`
//! ([`scoped_account_key`] builds one). A user endpoint that needs a scope
//! the key lacks answers 403 with a message naming the missing scope(s) and
//! a `scopes` list of them. TikAPI's docs do not show this answer; its shape
//! is this sandbox's model (the status and words of its other 403s). Any
//! other well-formed account key has every scope.

use axum::http::StatusCode;
use serde_json::Value as Json;
use tikapi_core::oauth::{self, OAuthError, Scope};

use crate::refusal::Refusal;

/// The prefix of an account key with limited scopes.
pub const SCOPED_ACCOUNT_KEY_PREFIX: &str = "ScopedAccountKey";

/// An account key granted exactly `scopes` (either spelling).
pub fn scoped_account_key(scopes: &[&str]) -> Result<String, OAuthError> {
    let mut bits = 0u32;
    for name in scopes {
        let scope = oauth::resolve_scope(name)?;
        let index = oauth::scopes()
            .iter()
            .position(|s| s == scope)
            .expect("resolved from the list");
        bits |= 1 << index;
    }
    Ok(format!("{SCOPED_ACCOUNT_KEY_PREFIX}{bits:04x}"))
}

/// The scopes a key is granted; `None` for a key that is not a scoped one
/// (it has every scope).
pub fn granted(key: &str) -> Option<Vec<&'static Scope>> {
    let hex = key.strip_prefix(SCOPED_ACCOUNT_KEY_PREFIX)?;
    if hex.len() != 4 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let bits = u32::from_str_radix(hex, 16).ok()?;
    Some(
        oauth::scopes()
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, s)| s)
            .collect(),
    )
}

/// The scopes `endpoint` needs that `account_key` lacks, in the sent spelling.
pub fn missing(endpoint: &str, account_key: &str) -> Vec<&'static str> {
    let Some(have) = granted(account_key) else {
        return Vec::new();
    };
    oauth::required_scopes(endpoint)
        .unwrap_or_default()
        .into_iter()
        .filter(|s| !have.contains(s))
        .map(|s| s.sent.as_str())
        .collect()
}

/// The hook (in `auth::check`): the 403 refusal when the key lacks a scope
/// the endpoint needs.
pub(crate) fn refuse(endpoint: &str, account_key: &str) -> Option<Refusal> {
    let lacking = missing(endpoint, account_key);
    if lacking.is_empty() {
        return None;
    }
    let message = format!(
        "This Account Key was not authorized with the {} scope{} this endpoint needs: ask the user to authorize again with {}.",
        lacking.join(", "),
        if lacking.len() == 1 { "" } else { "s" },
        if lacking.len() == 1 { "it" } else { "them" },
    );
    let list = Json::Array(lacking.iter().map(|s| Json::from(*s)).collect());
    Some(Refusal::new(StatusCode::FORBIDDEN, message).with("scopes", list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_encode_their_scopes() {
        let key = scoped_account_key(&["view_profile", "EXPLORE"]).unwrap();
        assert!(
            key.starts_with(SCOPED_ACCOUNT_KEY_PREFIX) && key.len() == 20,
            "{key}"
        );
        let names: Vec<&str> = granted(&key)
            .unwrap()
            .iter()
            .map(|s| s.sent.as_str())
            .collect();
        assert_eq!(names, ["VIEW_PROFILE", "EXPLORE"]);
        assert!(granted("DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39A").is_none());
        assert!(scoped_account_key(&["nope"]).is_err());
    }

    #[test]
    fn missing_scopes_are_named() {
        let key = scoped_account_key(&["VIEW_PROFILE"]).unwrap();
        assert!(missing("user.info", &key).is_empty());
        assert_eq!(missing("user.live.chat", &key), ["LIVE", "SEND_MESSAGES"]);
        assert!(missing("user.live.chat", "DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39A").is_empty());
        assert!(refuse("user.info", &key).is_none());
        let refused =
            axum::response::IntoResponse::into_response(refuse("user.follow", &key).unwrap());
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
}
