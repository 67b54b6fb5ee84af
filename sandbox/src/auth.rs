//! Authentication, as the service does it: the API key on every endpoint,
//! the account key on user endpoints, and the reserved keys that stand for
//! an invalid key, a rate-limited key and an expired session.

use axum::http::{HeaderMap, StatusCode};
use tikapi_core::Endpoint;

use crate::refusal::Refusal;
use crate::{EXPIRED_ACCOUNT_KEY, INVALID_API_KEY, RATE_LIMITED_API_KEY, RETRY_AFTER_SECONDS};

/// The account key of a user endpoint's call (`None` for the others), or
/// the service's refusal.
pub fn check(ep: &Endpoint, headers: &HeaderMap) -> Result<Option<String>, Refusal> {
    match headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        Some(k) if k == RATE_LIMITED_API_KEY => {
            return Err(
                Refusal::new(StatusCode::TOO_MANY_REQUESTS, "API Key Rate-Limit reached.")
                    .retry_after(RETRY_AFTER_SECONDS),
            )
        }
        Some(k) if k != INVALID_API_KEY && well_formed(k) => {}
        _ => {
            return Err(Refusal::new(
                StatusCode::UNAUTHORIZED,
                "A valid API Key is required.",
            ))
        }
    }
    if !ep.needs_account() {
        return Ok(None);
    }
    match headers.get("x-account-key").and_then(|v| v.to_str().ok()) {
        Some(k) if k == EXPIRED_ACCOUNT_KEY => Err(Refusal::new(
            StatusCode::PRECONDITION_REQUIRED,
            "Account session expired, please ask user to re-login and re-authorize.",
        )
        .with("statusCode", 8)),
        Some(k) if well_formed(k) => match crate::scopes::refuse(&ep.key, k) {
            Some(refused) => Err(refused),
            None => Ok(Some(k.to_owned())),
        },
        _ => Err(Refusal::new(
            StatusCode::UNAUTHORIZED,
            "A valid Account Key is required.",
        )),
    }
}

/// A key as the service issues them: 20 to 128 letters and digits.
fn well_formed(key: &str) -> bool {
    (20..=128).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric())
}
