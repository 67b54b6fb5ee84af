//! The catalogue as both bindings and both type generators read it: JSON.

use regex::Regex;
use serde::{Serialize, Serializer};

use super::{catalogue, Category, Endpoint, Param, SECRET_HEADERS};

/// A parameter as exported: its fields and the facts derived from them.
#[derive(Serialize)]
struct ParamExport<'a> {
    #[serde(flatten)]
    param: &'a Param,
    inherited: bool,
    secret: bool,
}

pub(super) fn export_params<S: Serializer>(params: &[Param], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(params.iter().map(|param| ParamExport {
        param,
        inherited: param.is_inherited(),
        secret: param.is_secret(),
    }))
}

pub(super) fn pattern_text<S: Serializer>(re: &Option<Regex>, s: S) -> Result<S::Ok, S::Error> {
    match re {
        Some(re) => s.serialize_some(re.as_str()),
        None => s.serialize_none(),
    }
}

#[derive(Serialize)]
struct EndpointExport<'a> {
    #[serde(flatten)]
    endpoint: &'a Endpoint,
    paged: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Export<'a> {
    version: &'a str,
    base: &'a str,
    sandbox_base: &'a str,
    endpoints: Vec<EndpointExport<'a>>,
    categories: Category,
    secret_headers: &'a [&'a str],
    option_keys: OptionKeys,
}

/// The option keys of each language (see [`crate::settings::option_keys`]).
#[derive(Serialize)]
struct OptionKeys {
    python: Vec<&'static str>,
    js: Vec<&'static str>,
}

/// The catalogue as both bindings and both type generators read it, as JSON:
/// `version`, `base`, `sandboxBase`, `endpoints` (every form, each parameter
/// in resolution order with `inherited` and `secret`, each endpoint with
/// `paged`), `categories` (the tree of [`Catalogue::tree`]),
/// `secretHeaders` (the header names whose values are never shown) and `optionKeys` (the
/// option keys of each language, which the hand-written declarations are checked against).
pub fn export_json() -> String {
    let c = catalogue();
    let export = Export {
        version: crate::VERSION,
        base: &c.base,
        sandbox_base: &c.sandbox_base,
        endpoints: c
            .endpoints
            .iter()
            .map(|endpoint| EndpointExport {
                endpoint,
                paged: endpoint.is_paged(),
            })
            .collect(),
        categories: c.tree(),
        secret_headers: &SECRET_HEADERS,
        option_keys: OptionKeys {
            python: crate::settings::option_keys(crate::Dialect::Python),
            js: crate::settings::option_keys(crate::Dialect::Js),
        },
    };
    serde_json::to_string(&export).expect("the catalogue serialises")
}
