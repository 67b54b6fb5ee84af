//! `tikapi.oauth`'s native half: thin glue over `tikapi_core::oauth`.
//! Errors are `ValueError(message, kind)`; `tikapi/oauth.py` turns them into
//! `tikapi.oauth.OAuthError`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use tikapi_core::oauth::{self, LinkRequest, OAuthError};

fn to_py(e: OAuthError) -> PyErr {
    PyValueError::new_err((e.message, e.kind.name()))
}

#[pyfunction]
#[pyo3(signature = (client_id, redirect_uri, scopes, state=None, country=None, email=None))]
fn oauth_authorization_url(
    client_id: &str,
    redirect_uri: &str,
    scopes: Vec<String>,
    state: Option<&str>,
    country: Option<&str>,
    email: Option<&str>,
) -> PyResult<String> {
    let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
    oauth::authorization_url(&LinkRequest {
        client_id,
        redirect_uri,
        scopes: &scopes,
        state,
        country,
        email,
    })
    .map_err(to_py)
}

/// `{"account_key": ..., "scopes": [...], "state": ...}`.
#[pyfunction]
#[pyo3(signature = (url, expected_state=None))]
fn oauth_parse_redirect<'py>(
    py: Python<'py>,
    url: &str,
    expected_state: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let auth = oauth::parse_redirect(url, expected_state).map_err(to_py)?;
    let d = PyDict::new(py);
    d.set_item("account_key", auth.account_key())?;
    d.set_item("scopes", &auth.scopes)?;
    d.set_item("state", auth.state.as_deref())?;
    Ok(d)
}

/// The scopes (as sent in the link) an endpoint needs.
#[pyfunction]
fn oauth_required_scopes(endpoint: &str) -> PyResult<Vec<String>> {
    oauth::required_scopes(endpoint)
        .map(|v| v.iter().map(|s| s.sent.clone()).collect())
        .map_err(to_py)
}

/// Every scope: `[(sent, schema), ...]`.
#[pyfunction]
fn oauth_scopes() -> Vec<(String, String)> {
    oauth::scopes()
        .iter()
        .map(|s| (s.sent.clone(), s.schema.clone()))
        .collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(oauth_authorization_url, m)?)?;
    m.add_function(wrap_pyfunction!(oauth_parse_redirect, m)?)?;
    m.add_function(wrap_pyfunction!(oauth_required_scopes, m)?)?;
    m.add_function(wrap_pyfunction!(oauth_scopes, m)?)?;
    Ok(())
}
