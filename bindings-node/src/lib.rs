//! The native half of the npm package `tikapi`: thin glue between JavaScript
//! and `tikapi-core`.
//!
//! JavaScript values become core [`tikapi_core::Value`]s ([`convert`]), calls
//! run on the core's shared tokio runtime and settle a promise on the JS
//! thread ([`task`]), and every core error reaches JavaScript through one
//! function ([`error::failure`]). The idiomatic JS face (categories, response
//! objects, error classes) lives in `bindings-node/js/`.

mod answer;
mod cancel;
mod catalogue;
mod cli;
mod client;
mod convert;
mod download;
mod error;
mod oauth;
mod observe;
mod options;
mod pages;
mod prepared;
mod response;
mod sandbox;
mod task;

pub use cancel::CancelHandle;
pub use catalogue::catalogue;
pub use cli::cli_main;
pub use client::NativeClient;
pub use download::{download, NativeDownload};
pub use error::NativeFailure;
pub use oauth::{
    oauth_authorization_url, oauth_parse_redirect, oauth_required_scopes, oauth_scopes,
};
pub use pages::NativePages;
pub use prepared::{prepare_next, NativeRequest};
pub use response::{failure_response, NativeResponse};
pub use sandbox::NativeSandbox;

/// The package version (the core's, which is the npm package's).
#[napi_derive::napi]
pub fn version() -> &'static str {
    tikapi_core::VERSION
}
