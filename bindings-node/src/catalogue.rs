//! The catalogue, exported so the JS face builds its categories and methods
//! (and the type generator its declarations) from the same data as the core.

use napi_derive::napi;
use serde_json::{json, Value as Json};
use tikapi_core::{catalogue as core_catalogue, Endpoint, Param};

fn param(p: &Param) -> Json {
    json!({
        "key": p.key,
        "wire": p.wire,
        "location": p.location.name(),
        "type": p.ty.name(),
        "required": p.required,
        "inherited": p.is_inherited(),
        "pattern": p.validate.as_ref().map(|r| r.as_str()),
        "default": p.default.as_ref().map(|v| v.to_json()),
        "example": p.example.as_ref().map(|v| v.to_json()),
        "max": p.max,
        "min": p.min,
        "enum": p.allowed.as_ref().map(|a| a.iter().map(|v| v.to_json()).collect::<Vec<_>>()),
    })
}

fn endpoint(e: &Endpoint) -> Json {
    json!({
        "key": e.key,
        "method": e.method.as_str(),
        "path": e.path,
        "variant": e.variant,
        "hidden": e.hidden,
        "deprecated": e.deprecated,
        "inOfficialSdk": e.in_official_sdk,
        "inDocs": e.in_docs,
        "paged": e.is_paged(),
        "params": e.params.iter().map(param).collect::<Vec<_>>(),
    })
}

/// The catalogue as JSON text: every endpoint (each form of a two-form one)
/// with its parameters in resolution order.
#[napi]
pub fn catalogue() -> String {
    let c = core_catalogue();
    json!({
        "version": tikapi_core::VERSION,
        "base": c.base,
        "sandboxBase": c.sandbox_base,
        "endpoints": c.endpoints.iter().map(endpoint).collect::<Vec<_>>(),
    })
    .to_string()
}
