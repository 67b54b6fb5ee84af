//! The catalogue, exported so the JS face builds its categories and methods
//! (and the type generator its declarations) from the same data as the core.

use napi_derive::napi;

/// The core's export of the catalogue as JSON text: every endpoint (each
/// form of a two-form one) with its parameters in resolution order, and the
/// `categories` tree.
#[napi]
pub fn catalogue() -> String {
    tikapi_core::catalogue::export_json()
}
