//! The native half of `oauth` (bindings-node/js/oauth.cjs): thin glue over
//! `tikapi_core::oauth`. Each function answers a JSON string, either
//! `{"ok": ...}` or `{"error": {"message", "kind"}}`, so that the JS side
//! builds its own `OAuthError` without a second rule.

use serde_json::{json, Value as Json};
use tikapi_core::oauth::{self, LinkRequest, OAuthError};

fn answer(r: Result<Json, OAuthError>) -> String {
    match r {
        Ok(v) => json!({ "ok": v }),
        Err(e) => json!({ "error": { "message": e.message, "kind": e.kind.name() } }),
    }
    .to_string()
}

#[napi_derive::napi]
pub fn oauth_authorization_url(
    client_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    state: Option<String>,
    country: Option<String>,
    email: Option<String>,
) -> String {
    let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
    answer(
        oauth::authorization_url(&LinkRequest {
            client_id: &client_id,
            redirect_uri: &redirect_uri,
            scopes: &scopes,
            state: state.as_deref(),
            country: country.as_deref(),
            email: email.as_deref(),
        })
        .map(Json::String),
    )
}

#[napi_derive::napi]
pub fn oauth_parse_redirect(url: String, expected_state: Option<String>) -> String {
    answer(
        oauth::parse_redirect(&url, expected_state.as_deref()).map(
            |a| json!({ "accountKey": a.account_key(), "scopes": a.scopes, "state": a.state }),
        ),
    )
}

#[napi_derive::napi]
pub fn oauth_required_scopes(endpoint: String) -> String {
    answer(
        oauth::required_scopes(&endpoint)
            .map(|v| json!(v.iter().map(|s| &s.sent).collect::<Vec<_>>())),
    )
}

#[napi_derive::napi]
pub fn oauth_scopes() -> String {
    json!(oauth::scopes()
        .iter()
        .map(|s| json!({ "sent": s.sent, "schema": s.schema }))
        .collect::<Vec<_>>())
    .to_string()
}
