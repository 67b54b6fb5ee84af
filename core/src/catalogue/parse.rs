//! Reading `data/endpoints.json`: strict (unknown keys and values are
//! errors), with every cross-check the rest of the core relies on.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;
use serde_json::Value as Json;

use super::*;

/// The catalogue document as written (`data/endpoints.json`). Unknown keys
/// and unknown values (a `location`, a `type`, a `method`) are errors, so
/// that nothing in the data is silently ignored or guessed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Document {
    base: String,
    sandbox_base: String,
    endpoints: Vec<EndpointDoc>,
    /// Checked against the categories once the endpoints are read.
    #[serde(default, rename = "category_positional")]
    category_positional: Option<serde_json::Map<String, Json>>,
    /// Required; checked after the endpoints, whose errors come first.
    #[serde(default)]
    messages: BTreeMap<Wording, Messages>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointDoc {
    key: String,
    method: Method,
    path: String,
    #[serde(default)]
    enctype: Option<String>,
    #[serde(default)]
    hidden: bool,
    #[serde(default)]
    deprecated: bool,
    /// In resolution order (the JSON object's order).
    params: serde_json::Map<String, Json>,
    #[serde(default, rename = "in_official_sdk_3_2_2")]
    in_official_sdk: bool,
    #[serde(default, rename = "in_seed_docs")]
    in_docs: bool,
    #[serde(default)]
    variant: Option<String>,
    /// Required; checked after the parameters, whose errors come first.
    #[serde(default)]
    positional: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamDoc {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "type")]
    ty: Option<ParamType>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    validate: Option<String>,
    #[serde(default)]
    location: Option<Location>,
    #[serde(default)]
    default: Option<Json>,
    #[serde(default)]
    example: Option<Json>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default, rename = "in")]
    allowed: Option<Vec<Json>>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    help_python: Option<String>,
}

/// Parse a catalogue document. Unknown keys and values are errors, so that
/// nothing in the data is silently ignored.
pub fn parse(text: &str) -> Result<Catalogue, String> {
    let doc: Document = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let endpoints = doc
        .endpoints
        .into_iter()
        .map(endpoint)
        .collect::<Result<Vec<_>, _>>()?;
    for key in endpoints.iter().map(|e| &e.key) {
        let positional = endpoints
            .iter()
            .filter(|e| &e.key == key && !e.positional.is_empty())
            .count();
        if positional > 1 {
            return Err(format!(
                "{key}: only one form of an endpoint may take positional arguments"
            ));
        }
    }
    let mut catalogue = Catalogue {
        base: doc.base,
        sandbox_base: doc.sandbox_base,
        endpoints,
        category_positional: BTreeMap::new(),
        messages: doc.messages,
    };
    for wording in [Wording::Js, Wording::Python] {
        if !catalogue.messages.contains_key(&wording) {
            return Err(format!("messages: {wording:?} is not listed"));
        }
    }
    let listed = doc
        .category_positional
        .as_ref()
        .ok_or("missing category_positional")?;
    catalogue.category_positional = parse_category_positional(listed, &catalogue)?;
    Ok(catalogue)
}

/// `category_positional`: every category (and the root, `""`) listed once,
/// each name one that an endpoint of the category declares.
fn parse_category_positional(
    obj: &serde_json::Map<String, Json>,
    catalogue: &Catalogue,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut paths = catalogue.categories();
    paths.push(String::new());
    let mut out = BTreeMap::new();
    for (path, names) in obj {
        if !paths.contains(path) {
            return Err(format!("category_positional: no category {path:?}"));
        }
        let names = string_list(names).map_err(|m| format!("category_positional.{path}: {m}"))?;
        for name in &names {
            let declared = catalogue.endpoints.iter().any(|e| {
                (path.is_empty() || e.key.starts_with(&format!("{path}."))) && e.declares(name)
            });
            if !declared {
                return Err(format!(
                    "category_positional.{path}: no endpoint of it declares {name:?}"
                ));
            }
        }
        out.insert(path.clone(), names);
    }
    if let Some(missing) = paths.iter().find(|p| !out.contains_key(*p)) {
        return Err(format!("category_positional: {missing:?} is not listed"));
    }
    Ok(out)
}

/// A JSON list of distinct strings.
fn string_list(v: &Json) -> Result<Vec<String>, String> {
    let list = v.as_array().ok_or("not a list")?;
    let mut out: Vec<String> = Vec::new();
    for item in list {
        let name = item.as_str().ok_or("not a list of strings")?;
        if out.iter().any(|n| n == name) {
            return Err(format!("{name:?} is listed twice"));
        }
        out.push(name.to_owned());
    }
    Ok(out)
}

fn endpoint(e: EndpointDoc) -> Result<Endpoint, String> {
    let params = e
        .params
        .into_iter()
        .map(|(name, p)| {
            let doc: ParamDoc =
                serde_json::from_value(p).map_err(|m| format!("{}.{name}: {m}", e.key))?;
            param(name.clone(), doc, e.method).map_err(|m| format!("{}.{name}: {m}", e.key))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let key = e.key;
    let positional = e
        .positional
        .ok_or_else(|| format!("{key}: no positional"))?;
    let positional =
        string_list(&Json::from(positional)).map_err(|m| format!("{key}.positional: {m}"))?;
    if let Some(n) = positional
        .iter()
        .find(|n| !params.iter().any(|p| &p.key == *n))
    {
        return Err(format!("{key}.positional: {n:?} is not a parameter"));
    }
    Ok(Endpoint {
        key,
        method: e.method,
        positional,
        path: e.path,
        enctype: e.enctype,
        hidden: e.hidden,
        deprecated: e.deprecated,
        in_official_sdk: e.in_official_sdk,
        in_docs: e.in_docs,
        variant: e.variant,
        params,
    })
}

fn param(key: String, p: ParamDoc, method: Method) -> Result<Param, String> {
    let validate = match &p.validate {
        Some(re) => Some(Regex::new(re).map_err(|e| e.to_string())?),
        None => None,
    };
    Ok(Param {
        wire: p.name.unwrap_or_else(|| key.clone()),
        key,
        location: p.location.unwrap_or(match method {
            Method::Post => Location::Body,
            Method::Get => Location::Query,
        }),
        location_declared: p.location.is_some(),
        ty: p.ty.unwrap_or(ParamType::Any),
        ty_declared: p.ty.is_some(),
        required: p.required,
        validate,
        default: p.default.as_ref().map(Value::from),
        example: p.example.as_ref().map(Value::from),
        max: p.max,
        min: p.min,
        allowed: p.allowed.map(|a| a.iter().map(Value::from).collect()),
        help: p.help,
        help_python: p.help_python,
    })
}
