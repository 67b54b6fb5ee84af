//! Account authorisation (OAuth): the link that asks a TikTok user to
//! authorise an app, the redirect that brings back their account key, and
//! the scopes each user endpoint needs.
//!
//! The facts come from `data/scopes.json`, which names its sources: the
//! official SDK schema (`tikapi-io/tiktok-api`, `api.js`) for each endpoint's
//! scopes, and TikAPI's login popup (`tikapi-io/login-popup`, `popup.js`) for
//! the link's shape and the scope spelling that is sent.
//!
//! ```
//! use tikapi_core::oauth;
//! let link = oauth::authorization_url(&oauth::LinkRequest {
//!     client_id: "c_1234567890",
//!     redirect_uri: "https://example.com/callback",
//!     scopes: &["view_profile", "EXPLORE"],
//!     state: Some("xyz"),
//!     ..Default::default()
//! }).unwrap();
//! assert!(link.starts_with("https://tikapi.io/account/authorize?client_id=c_1234567890"));
//! let auth = oauth::parse_redirect(
//!     "https://example.com/callback?access_token=C5BGTXRtQs7jiy4CNURuwLXb&scope=VIEW_PROFILE&state=xyz",
//!     Some("xyz"),
//! ).unwrap();
//! assert_eq!(auth.scopes, ["VIEW_PROFILE"]);
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

/// The scopes document, embedded at build time.
pub const SCOPES_JSON: &str = include_str!("../data/scopes.json");

/// One scope an authorisation link may ask for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// The spelling sent in the link (the login popup's): `VIEW_PROFILE`.
    pub sent: String,
    /// The spelling of the official SDK schema: `view_profile`.
    pub schema: String,
}

/// What one user endpoint needs, with where that fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointScopes {
    /// Schema spellings.
    pub scopes: Vec<String>,
    pub source: String,
}

/// The parsed `data/scopes.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScopeCatalogue {
    pub about: String,
    pub authorize_url: String,
    pub sources: BTreeMap<String, String>,
    pub scopes: Vec<Scope>,
    pub spelling: String,
    pub client_id_pattern: String,
    pub endpoints: BTreeMap<String, EndpointScopes>,
}

impl ScopeCatalogue {
    /// The scope named `name` in either spelling, any case.
    pub fn find(&self, name: &str) -> Option<&Scope> {
        let name = name.trim();
        self.scopes
            .iter()
            .find(|s| s.sent.eq_ignore_ascii_case(name) || s.schema.eq_ignore_ascii_case(name))
    }
}

/// The scope catalogue, parsed once.
pub fn scope_catalogue() -> &'static ScopeCatalogue {
    static DOC: OnceLock<ScopeCatalogue> = OnceLock::new();
    DOC.get_or_init(|| {
        serde_json::from_str(SCOPES_JSON).expect("the embedded scopes.json is valid")
    })
}

/// Every scope, in the data's order.
pub fn scopes() -> &'static [Scope] {
    &scope_catalogue().scopes
}

/// What went wrong, in kinds a program can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OAuthErrorKind {
    /// A bad argument to [`authorization_url`] (client id, redirect URI, scope, ...).
    InvalidArgument,
    /// The redirect URL could not be read.
    BadRedirect,
    /// The redirect's `state` is not the expected one.
    StateMismatch,
    /// The user (or TikAPI) refused or cancelled the authorisation.
    Denied,
    /// The redirect carries no usable access token.
    MissingToken,
    /// No such endpoint in the catalogue.
    UnknownEndpoint,
}

impl OAuthErrorKind {
    /// The kind's name as both bindings expose it (`OAuthError.kind` in
    /// Python, `err.kind` in Node): `invalid_argument`, `bad_redirect`,
    /// `state_mismatch`, `denied`, `missing_token`, `unknown_endpoint`.
    pub fn name(self) -> &'static str {
        match self {
            OAuthErrorKind::InvalidArgument => "invalid_argument",
            OAuthErrorKind::BadRedirect => "bad_redirect",
            OAuthErrorKind::StateMismatch => "state_mismatch",
            OAuthErrorKind::Denied => "denied",
            OAuthErrorKind::MissingToken => "missing_token",
            OAuthErrorKind::UnknownEndpoint => "unknown_endpoint",
        }
    }
}

/// An authorisation error. Its text never contains an access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    pub kind: OAuthErrorKind,
    pub message: String,
}

impl fmt::Display for OAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OAuthError {}

impl From<OAuthError> for crate::Error {
    fn from(e: OAuthError) -> Self {
        crate::Error::Usage(e.message)
    }
}

fn err(kind: OAuthErrorKind, message: impl Into<String>) -> OAuthError {
    OAuthError {
        kind,
        message: message.into(),
    }
}

/// The parts of an authorisation link.
#[derive(Debug, Clone, Default)]
pub struct LinkRequest<'a> {
    /// The app's client id from TikAPI's developer settings (`c_...`).
    pub client_id: &'a str,
    /// Where TikAPI sends the user back: an absolute http(s) URL.
    pub redirect_uri: &'a str,
    /// Scopes, in either spelling (`view_profile` / `VIEW_PROFILE`).
    pub scopes: &'a [&'a str],
    /// An opaque value returned unchanged in the redirect (against CSRF).
    pub state: Option<&'a str>,
    /// A two-letter country code for the login.
    pub country: Option<&'a str>,
    /// The user's e-mail address, to prefill.
    pub email: Option<&'a str>,
}

/// Build `https://tikapi.io/account/authorize?client_id=...&redirect_uri=...&scope=...`.
///
/// Scopes are checked against the documented set and sent in the popup's
/// spelling, joined with `+` (which the query encodes as `%2B`), as TikAPI's
/// login popup sends them. Duplicates are sent once.
pub fn authorization_url(req: &LinkRequest<'_>) -> Result<String, OAuthError> {
    let doc = scope_catalogue();
    let client_id = req.client_id.trim();
    if client_id.is_empty() {
        return Err(err(
            OAuthErrorKind::InvalidArgument,
            "client_id is required: the app's client id from TikAPI's developer settings (c_...)",
        ));
    }
    let pattern = regex::Regex::new(&doc.client_id_pattern).expect("valid pattern");
    if !pattern.is_match(client_id) {
        return Err(err(
            OAuthErrorKind::InvalidArgument,
            format!(
                "client_id {client_id:?} is not a TikAPI client id: it should be c_ followed by at least 10 letters or digits"
            ),
        ));
    }
    check_redirect_uri(req.redirect_uri)?;
    if req.scopes.is_empty() {
        return Err(err(
            OAuthErrorKind::InvalidArgument,
            format!(
                "scopes must name at least one scope; known scopes: {}",
                known_scopes()
            ),
        ));
    }
    let mut sent: Vec<&str> = Vec::new();
    for name in req.scopes {
        let scope = resolve_scope(name)?;
        if !sent.contains(&scope.sent.as_str()) {
            sent.push(&scope.sent);
        }
    }
    if let Some(state) = req.state {
        if state.is_empty() {
            return Err(err(
                OAuthErrorKind::InvalidArgument,
                "state, when given, must not be empty",
            ));
        }
    }
    if let Some(country) = req.country {
        if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_lowercase())) {
            return Err(err(
                OAuthErrorKind::InvalidArgument,
                format!(
                    "country {country:?} is not a two-letter lower-case country code (us, gb, ...)"
                ),
            ));
        }
    }
    if let Some(email) = req.email {
        let ok = email
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
            && !email.chars().any(char::is_whitespace);
        if !ok {
            return Err(err(
                OAuthErrorKind::InvalidArgument,
                format!("email {email:?} is not an e-mail address"),
            ));
        }
    }
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("client_id", client_id);
    query.append_pair("redirect_uri", req.redirect_uri);
    query.append_pair("scope", &sent.join("+"));
    for (k, v) in [
        ("state", req.state),
        ("email", req.email),
        ("country", req.country),
    ] {
        if let Some(v) = v {
            query.append_pair(k, v);
        }
    }
    Ok(format!("{}?{}", doc.authorize_url, query.finish()))
}

fn check_redirect_uri(uri: &str) -> Result<(), OAuthError> {
    match url::Url::parse(uri) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => {
            if u.fragment().is_some() {
                return Err(err(
                    OAuthErrorKind::InvalidArgument,
                    format!("redirect_uri {uri:?} must not have a #fragment"),
                ));
            }
            Ok(())
        }
        _ => Err(err(
            OAuthErrorKind::InvalidArgument,
            format!("redirect_uri {uri:?} is not an absolute http(s) URL"),
        )),
    }
}

fn known_scopes() -> String {
    scopes()
        .iter()
        .map(|s| s.sent.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scope named `name` (either spelling, any case), or an error naming it
/// with the closest known scope.
pub fn resolve_scope(name: &str) -> Result<&'static Scope, OAuthError> {
    if let Some(s) = scope_catalogue().find(name) {
        return Ok(s);
    }
    let wanted = name.trim().to_ascii_uppercase();
    let best = scopes()
        .iter()
        .flat_map(|s| {
            [
                (crate::suggest::distance(&wanted, &s.sent), s),
                (
                    crate::suggest::distance(&wanted, &s.schema.to_ascii_uppercase()),
                    s,
                ),
            ]
        })
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= wanted.len().max(3) / 2)
        .map(|(_, s)| s);
    let hint = match best {
        Some(s) => format!("did you mean {}?", s.sent),
        None => format!("known scopes: {}", known_scopes()),
    };
    Err(err(
        OAuthErrorKind::InvalidArgument,
        format!("unknown scope {name:?}: {hint}"),
    ))
}

/// What an authorisation redirect brought back. `Debug` hides the key.
#[derive(Clone, PartialEq, Eq)]
pub struct Authorization {
    account_key: String,
    /// Granted scopes, in the sent spelling where known (`VIEW_PROFILE`).
    pub scopes: Vec<String>,
    /// The `state` the redirect carried.
    pub state: Option<String>,
}

impl Authorization {
    /// The account key (the redirect's `access_token`). Keep it secret.
    pub fn account_key(&self) -> &str {
        &self.account_key
    }

    /// Whether the grant includes `scope` (either spelling).
    pub fn has_scope(&self, scope: &str) -> bool {
        let wanted = scope_catalogue().find(scope).map(|s| s.sent.as_str());
        self.scopes
            .iter()
            .any(|s| Some(s.as_str()) == wanted || s.eq_ignore_ascii_case(scope))
    }
}

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("account_key", &"<redacted>")
            .field("scopes", &self.scopes)
            .field("state", &self.state)
            .finish()
    }
}

/// Read the URL TikAPI redirected the user to (or just its query string):
/// the account key (`access_token`), the granted `scope` and the `state`.
///
/// With `expected_state`, the redirect's `state` must equal it. A redirect
/// carrying `error` (or `type=error`) is a [`OAuthErrorKind::Denied`] error
/// with TikAPI's message. Parameters are read from the query, or from the
/// fragment when the query has none.
pub fn parse_redirect(
    url: &str,
    expected_state: Option<&str>,
) -> Result<Authorization, OAuthError> {
    let url = url.trim();
    let pairs: Vec<(String, String)> = {
        let (query, fragment) = if url.contains("://") {
            let u = url::Url::parse(url).map_err(|e| {
                err(
                    OAuthErrorKind::BadRedirect,
                    format!("the redirect is not a URL ({e})"),
                )
            })?;
            (
                u.query().unwrap_or("").to_owned(),
                u.fragment().unwrap_or("").to_owned(),
            )
        } else {
            (url.trim_start_matches('?').to_owned(), String::new())
        };
        let source = if query.is_empty() { fragment } else { query };
        url::form_urlencoded::parse(source.as_bytes())
            .into_owned()
            .collect()
    };
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if get("error").is_some() || get("type") == Some("error") {
        let reason = get("message")
            .or(get("error_description"))
            .or(get("error"))
            .unwrap_or("no reason given");
        return Err(err(
            OAuthErrorKind::Denied,
            format!("the authorisation was not granted: {reason}"),
        ));
    }
    let state = get("state").map(str::to_owned);
    if let Some(expected) = expected_state {
        match state.as_deref() {
            Some(s) if s == expected => {}
            Some(_) => {
                return Err(err(
                    OAuthErrorKind::StateMismatch,
                    "the redirect's state is not the one this link was made with: ignore this redirect (it may be forged)",
                ))
            }
            None => {
                return Err(err(
                    OAuthErrorKind::StateMismatch,
                    "the redirect carries no state, but one was expected: ignore this redirect (it may be forged)",
                ))
            }
        }
    }
    let token = get("access_token")
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            err(
                OAuthErrorKind::MissingToken,
                "the redirect carries no access_token (the account key)",
            )
        })?;
    if !(token.len() >= 10 && token.bytes().all(|b| b.is_ascii_alphanumeric())) {
        return Err(err(
            OAuthErrorKind::MissingToken,
            "the redirect's access_token is not a well-formed account key (10 or more letters and digits)",
        ));
    }
    let scopes = get("scope")
        .map(|s| {
            s.split(['+', ' ', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| match scope_catalogue().find(s) {
                    Some(known) => known.sent.clone(),
                    None => s.to_owned(),
                })
                .fold(Vec::new(), |mut v: Vec<String>, s| {
                    if !v.contains(&s) {
                        v.push(s);
                    }
                    v
                })
        })
        .unwrap_or_default();
    Ok(Authorization {
        account_key: token.to_owned(),
        scopes,
        state,
    })
}

/// The scopes an endpoint needs (empty for endpoints that act for no
/// account), or an error for a key the catalogue does not have.
pub fn required_scopes(endpoint_key: &str) -> Result<Vec<&'static Scope>, OAuthError> {
    let endpoint = crate::catalogue::catalogue()
        .get(endpoint_key)
        .ok_or_else(|| {
            err(
                OAuthErrorKind::UnknownEndpoint,
                format!("there is no endpoint named {endpoint_key:?}"),
            )
        })?;
    let Some(entry) = scope_catalogue().endpoints.get(endpoint_key) else {
        return Ok(Vec::new());
    };
    debug_assert!(endpoint.needs_account());
    Ok(entry
        .scopes
        .iter()
        .filter_map(|s| scope_catalogue().find(s))
        .collect())
}

/// Where the scope facts of an endpoint came from.
pub fn scope_source(endpoint_key: &str) -> Option<&'static str> {
    scope_catalogue()
        .endpoints
        .get(endpoint_key)
        .map(|e| e.source.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(scopes: &[&str]) -> Result<String, OAuthError> {
        authorization_url(&LinkRequest {
            client_id: "c_1234567890",
            redirect_uri: "http://127.0.0.1:8080/cb",
            scopes,
            ..Default::default()
        })
    }

    #[test]
    fn data_is_consistent_with_the_catalogue() {
        let doc = scope_catalogue();
        assert_eq!(doc.scopes.len(), 14);
        for e in &crate::catalogue::catalogue().endpoints {
            let entry = doc.endpoints.get(&e.key);
            assert_eq!(
                entry.is_some(),
                e.needs_account(),
                "{}: scopes recorded iff it acts for an account",
                e.key
            );
            if let Some(entry) = entry {
                assert!(!entry.scopes.is_empty(), "{}", e.key);
                for s in &entry.scopes {
                    assert!(doc.find(s).is_some(), "{}: unknown scope {s}", e.key);
                }
                assert!(entry.source.starts_with("schema:"), "{}", e.key);
            }
        }
        for key in doc.endpoints.keys() {
            assert!(crate::catalogue::catalogue().get(key).is_some(), "{key}");
        }
    }

    #[test]
    fn link_has_every_part_in_the_popup_form() {
        let url = authorization_url(&LinkRequest {
            client_id: "c_1234567890",
            redirect_uri: "https://app.example/cb?x=1",
            scopes: &["view_profile", "EXPLORE", "edit", "VIEW_PROFILE"],
            state: Some("s 1"),
            country: Some("us"),
            email: Some("a@b.co"),
        })
        .unwrap();
        assert_eq!(
            url,
            "https://tikapi.io/account/authorize?client_id=c_1234567890\
             &redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1\
             &scope=VIEW_PROFILE%2BEXPLORE%2BEDIT_PROFILE&state=s+1&email=a%40b.co&country=us"
        );
    }

    #[test]
    fn bad_link_arguments_are_named() {
        let e = link(&["view_profil"]).unwrap_err();
        assert_eq!(e.kind, OAuthErrorKind::InvalidArgument);
        assert!(e.message.contains("\"view_profil\""), "{e}");
        assert!(e.message.contains("did you mean VIEW_PROFILE?"), "{e}");
        let e = link(&["zzzzzzzzzzzz"]).unwrap_err();
        assert!(e.message.contains("known scopes: "), "{e}");
        assert!(link(&[])
            .unwrap_err()
            .message
            .contains("at least one scope"));
        for (client, uri, needle) in [
            ("", "http://x.y/", "client_id is required"),
            ("abc", "http://x.y/", "not a TikAPI client id"),
            ("c_1234567890", "/relative", "redirect_uri"),
            ("c_1234567890", "ftp://x.y/", "redirect_uri"),
        ] {
            let e = authorization_url(&LinkRequest {
                client_id: client,
                redirect_uri: uri,
                scopes: &["live"],
                ..Default::default()
            })
            .unwrap_err();
            assert!(e.message.contains(needle), "{e}");
        }
        let e = authorization_url(&LinkRequest {
            client_id: "c_1234567890",
            redirect_uri: "http://x.y/",
            scopes: &["live"],
            country: Some("USA"),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.message.contains("country"), "{e}");
    }

    #[test]
    fn redirect_gives_key_scopes_and_state() {
        let a = parse_redirect(
            "http://127.0.0.1:1/cb?access_token=C5BGTXRtQs7jiy4CNURuwLXbDxRl2VIk&scope=VIEW_PROFILE%2Bexplore&state=abc",
            Some("abc"),
        )
        .unwrap();
        assert_eq!(a.account_key(), "C5BGTXRtQs7jiy4CNURuwLXbDxRl2VIk");
        assert_eq!(a.scopes, ["VIEW_PROFILE", "EXPLORE"]);
        assert_eq!(a.state.as_deref(), Some("abc"));
        assert!(a.has_scope("view_profile"));
        assert!(!a.has_scope("live"));
        let shown = format!("{a:?}");
        assert!(!shown.contains("C5BGTX"), "{shown}");
        // Fragment form and a bare query.
        let a =
            parse_redirect("https://x.y/cb#access_token=AAAAAAAAAAAA&scope=LIVE", None).unwrap();
        assert_eq!(a.scopes, ["LIVE"]);
        let a = parse_redirect("?access_token=AAAAAAAAAAAA", None).unwrap();
        assert!(a.scopes.is_empty());
    }

    #[test]
    fn bad_redirects_are_errors_without_the_token() {
        let token = "SecretTokenValue123456";
        let cases = [
            (
                format!("http://x.y/?access_token={token}&state=evil"),
                Some("good"),
                OAuthErrorKind::StateMismatch,
            ),
            (
                format!("http://x.y/?access_token={token}"),
                Some("good"),
                OAuthErrorKind::StateMismatch,
            ),
            (
                "http://x.y/?state=good".to_owned(),
                Some("good"),
                OAuthErrorKind::MissingToken,
            ),
            (
                "http://x.y/?access_token=short".to_owned(),
                None,
                OAuthErrorKind::MissingToken,
            ),
            (
                "http://x.y/?type=error&message=Authorization+has+been+canceled+by+user."
                    .to_owned(),
                None,
                OAuthErrorKind::Denied,
            ),
            (
                "http://x.y/?error=access_denied".to_owned(),
                None,
                OAuthErrorKind::Denied,
            ),
            ("http://[bad/".to_owned(), None, OAuthErrorKind::BadRedirect),
        ];
        for (url, state, kind) in cases {
            let e = parse_redirect(&url, state).unwrap_err();
            assert_eq!(e.kind, kind, "{url}: {e}");
            assert!(!e.message.contains(token), "{e}");
        }
        let e = parse_redirect(
            "http://x.y/?type=error&message=Authorization+has+been+canceled+by+user.",
            None,
        )
        .unwrap_err();
        assert!(e.message.contains("canceled by user"), "{e}");
    }

    #[test]
    fn endpoints_know_their_scopes() {
        let names = |k: &str| -> Vec<String> {
            required_scopes(k)
                .unwrap()
                .iter()
                .map(|s| s.sent.clone())
                .collect()
        };
        assert_eq!(names("user.info"), ["VIEW_PROFILE"]);
        assert_eq!(names("user.edit"), ["EDIT_PROFILE"]);
        assert_eq!(names("user.live.chat"), ["LIVE", "SEND_MESSAGES"]);
        assert_eq!(names("user.posts.comments.delete"), ["MEDIA_ACTIONS"]);
        assert!(names("public.check").is_empty());
        assert!(scope_source("user.posts.comments.delete")
            .unwrap()
            .contains("category user.posts.comments"));
        let e = required_scopes("user.nope").unwrap_err();
        assert_eq!(e.kind, OAuthErrorKind::UnknownEndpoint);
    }
}
