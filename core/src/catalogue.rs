//! The endpoint catalogue: every TikAPI endpoint and parameter, as data.
//!
//! `data/endpoints.json` is the one description of the API. Validation,
//! request building, the bindings' surfaces, the generated type stubs and the
//! sandbox's routes all read it through this module.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value as Json;

use crate::value::Value;

/// The catalogue's source, embedded at build time.
pub const CATALOGUE_JSON: &str = include_str!("../data/endpoints.json");

/// The production API base.
pub const DEFAULT_BASE: &str = "https://api.tikapi.io";
/// TikAPI's hosted sandbox base.
pub const DEFAULT_SANDBOX_BASE: &str = "http://sandbox.tikapi.io";
/// The sandbox API key published in the docs.
pub const SANDBOX_API_KEY: &str = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s";
/// The sandbox account key published in the docs.
pub const SANDBOX_ACCOUNT_KEY: &str = "DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A";

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    Header,
    Path,
    Query,
    Body,
}

impl Location {
    pub fn name(self) -> &'static str {
        match self {
            Location::Header => "headers",
            Location::Path => "path",
            Location::Query => "query",
            Location::Body => "body",
        }
    }
}

/// A parameter's declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Number,
    Boolean,
    /// Declared without a type, or as `any`: not type-checked.
    Any,
}

impl ParamType {
    pub fn name(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
            ParamType::Any => "any",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One parameter of one endpoint.
#[derive(Debug, Clone)]
pub struct Param {
    /// The argument name callers use (`apiKey`, `secUid`, ...).
    pub key: String,
    /// The name on the wire (`X-API-KEY`, `secUid`, ...).
    pub wire: String,
    pub location: Location,
    /// Whether `location` was written in the catalogue or follows from the method.
    pub location_declared: bool,
    pub ty: ParamType,
    /// Whether `type` was written in the catalogue.
    pub ty_declared: bool,
    pub required: bool,
    pub validate: Option<Regex>,
    pub default: Option<Value>,
    pub example: Option<Value>,
    pub max: Option<f64>,
    pub min: Option<f64>,
    pub allowed: Option<Vec<Value>>,
}

impl Param {
    /// Parameters every endpoint of a category inherits, rather than declares.
    pub fn is_inherited(&self) -> bool {
        matches!(
            self.key.as_str(),
            "apiKey" | "accountKey" | "country" | "session_id"
        )
    }

    /// True for the API and account keys, whose values never appear in text.
    pub fn is_secret(&self) -> bool {
        matches!(self.key.as_str(), "apiKey" | "accountKey")
    }
}

/// One endpoint.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The dotted name callers use: `public.check`, `user.posts.comments.list`, `key`.
    pub key: String,
    pub method: Method,
    /// The path, with `{name}` placeholders for path parameters.
    pub path: String,
    pub enctype: Option<String>,
    pub hidden: bool,
    pub deprecated: bool,
    pub in_official_sdk: bool,
    pub in_docs: bool,
    /// For endpoints with two forms (`public.discover`), which form this is.
    pub variant: Option<String>,
    /// Parameters in resolution order: inherited ones first, then the endpoint's own.
    pub params: Vec<Param>,
    /// The parameters a caller may pass by position, in that order: the
    /// official Python SDK 3.2.2's method signature (inherited ones included
    /// where it puts them). Part of the drop-in contract. Of an endpoint
    /// with two forms only one has any: positions are bound before a form is
    /// chosen, so they follow the official SDK's form.
    pub positional: Vec<String>,
}

impl Endpoint {
    pub fn param(&self, key: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.key == key)
    }

    pub fn declares(&self, key: &str) -> bool {
        self.param(key).is_some()
    }

    /// The category path (`user.posts.comments`) and the method name (`list`).
    pub fn split_key(&self) -> (&str, &str) {
        match self.key.rsplit_once('.') {
            Some((category, name)) => (category, name),
            None => ("", &self.key),
        }
    }

    /// True when the endpoint acts for an authorised account.
    /// Whether the endpoint pages: it declares a cursor parameter the
    /// next-page rule fills (`cursor`, `offset`, `nextCursor`, or
    /// notifications' `min_time` / `max_time`).
    pub fn is_paged(&self) -> bool {
        crate::cursor::CURSOR_PARAMS
            .iter()
            .any(|p| self.declares(p))
    }

    pub fn needs_account(&self) -> bool {
        self.declares("accountKey")
    }
}

/// The whole catalogue.
#[derive(Debug)]
pub struct Catalogue {
    pub base: String,
    pub sandbox_base: String,
    pub endpoints: Vec<Endpoint>,
    /// For the root (`""`) and each category path, the values its
    /// constructor takes by position (`TikAPI(apiKey)`, `api.public(country,
    /// session_id)`, `api.user(accountKey)`), as in the official Python SDK.
    pub category_positional: BTreeMap<String, Vec<String>>,
}

impl Catalogue {
    /// Every form of an endpoint key (two for `public.discover`, one otherwise).
    pub fn forms(&self, key: &str) -> Vec<&Endpoint> {
        self.endpoints.iter().filter(|e| e.key == key).collect()
    }

    /// The first form of an endpoint key.
    pub fn get(&self, key: &str) -> Option<&Endpoint> {
        self.endpoints.iter().find(|e| e.key == key)
    }

    /// The distinct endpoint keys, in catalogue order.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        for e in &self.endpoints {
            if !keys.contains(&e.key.as_str()) {
                keys.push(&e.key);
            }
        }
        keys
    }

    /// The category paths (`public`, `user`, `user.posts`, ...), parents first.
    pub fn categories(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in &self.endpoints {
            let (category, _) = e.split_key();
            let mut prefix = String::new();
            for part in category.split('.').filter(|p| !p.is_empty()) {
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(part);
                if !out.contains(&prefix) {
                    out.push(prefix.clone());
                }
            }
        }
        out
    }

    /// Pick the form of `key` that fits the arguments a caller supplied:
    /// `public.discover` with a `category` is the docs' form, otherwise the SDK's.
    pub fn select<'a>(&'a self, key: &str, has_arg: impl Fn(&str) -> bool) -> Option<&'a Endpoint> {
        let forms = self.forms(key);
        if forms.len() <= 1 {
            return forms.into_iter().next();
        }
        // A form is chosen by a required parameter only it declares.
        for form in &forms {
            let distinctive = form.params.iter().any(|p| {
                p.required
                    && has_arg(&p.key)
                    && forms.iter().filter(|f| f.declares(&p.key)).count() == 1
            });
            if distinctive {
                return Some(form);
            }
        }
        // Otherwise the official SDK's form.
        forms
            .iter()
            .copied()
            .find(|f| f.in_official_sdk)
            .or(forms.first().copied())
    }
}

/// The catalogue, parsed once.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| parse(CATALOGUE_JSON).expect("the embedded catalogue is valid"))
}

/// Parse a catalogue document. Unknown keys are errors, so that nothing in the
/// data is silently ignored.
pub fn parse(text: &str) -> Result<Catalogue, String> {
    let doc: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let base = doc["base"].as_str().ok_or("missing base")?.to_owned();
    let sandbox_base = doc["sandboxBase"]
        .as_str()
        .ok_or("missing sandboxBase")?
        .to_owned();
    let list = doc["endpoints"].as_array().ok_or("missing endpoints")?;
    let endpoints = list
        .iter()
        .map(parse_endpoint)
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
        base,
        sandbox_base,
        endpoints,
        category_positional: BTreeMap::new(),
    };
    catalogue.category_positional = parse_category_positional(&doc, &catalogue)?;
    Ok(catalogue)
}

/// `category_positional`: every category (and the root, `""`) listed once,
/// each name one that an endpoint of the category declares.
fn parse_category_positional(
    doc: &Json,
    catalogue: &Catalogue,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let obj = doc["category_positional"]
        .as_object()
        .ok_or("missing category_positional")?;
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

fn parse_endpoint(e: &Json) -> Result<Endpoint, String> {
    let obj = e.as_object().ok_or("endpoint is not an object")?;
    const KNOWN: &[&str] = &[
        "key",
        "method",
        "path",
        "enctype",
        "hidden",
        "deprecated",
        "params",
        "in_official_sdk_3_2_2",
        "in_seed_docs",
        "variant",
        "positional",
    ];
    if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(format!("unknown endpoint attribute {k:?}"));
    }
    let key = obj["key"]
        .as_str()
        .ok_or("endpoint without key")?
        .to_owned();
    let method = match obj["method"].as_str() {
        Some("GET") => Method::Get,
        Some("POST") => Method::Post,
        other => return Err(format!("{key}: unknown method {other:?}")),
    };
    let flag = |name: &str| obj.get(name).and_then(Json::as_bool).unwrap_or(false);
    let params_obj = obj["params"]
        .as_object()
        .ok_or_else(|| format!("{key}: no params"))?;
    let params = params_obj
        .iter()
        .map(|(name, p)| parse_param(name, p, method).map_err(|m| format!("{key}.{name}: {m}")))
        .collect::<Result<Vec<_>, _>>()?;
    let positional = string_list(
        obj.get("positional")
            .ok_or_else(|| format!("{key}: no positional"))?,
    )
    .map_err(|m| format!("{key}.positional: {m}"))?;
    if let Some(n) = positional
        .iter()
        .find(|n| !params.iter().any(|p| &p.key == *n))
    {
        return Err(format!("{key}.positional: {n:?} is not a parameter"));
    }
    Ok(Endpoint {
        method,
        positional,
        path: obj["path"].as_str().ok_or("path")?.to_owned(),
        enctype: obj.get("enctype").and_then(Json::as_str).map(str::to_owned),
        hidden: flag("hidden"),
        deprecated: flag("deprecated"),
        in_official_sdk: flag("in_official_sdk_3_2_2"),
        in_docs: flag("in_seed_docs"),
        variant: obj.get("variant").and_then(Json::as_str).map(str::to_owned),
        params,
        key,
    })
}

fn parse_param(key: &str, p: &Json, method: Method) -> Result<Param, String> {
    let obj = p.as_object().ok_or("not an object")?;
    const KNOWN: &[&str] = &[
        "name", "type", "required", "validate", "location", "default", "example", "max", "min",
        "in",
    ];
    if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(format!("unknown parameter attribute {k:?}"));
    }
    let location = match obj.get("location").and_then(Json::as_str) {
        Some("headers") => Location::Header,
        Some("path") => Location::Path,
        Some("query") => Location::Query,
        Some("body") => Location::Body,
        Some(other) => return Err(format!("unknown location {other:?}")),
        None if method == Method::Post => Location::Body,
        None => Location::Query,
    };
    let ty = match obj.get("type").and_then(Json::as_str) {
        Some("string") => ParamType::String,
        Some("number") => ParamType::Number,
        Some("boolean") => ParamType::Boolean,
        Some("any") | None => ParamType::Any,
        Some(other) => return Err(format!("unknown type {other:?}")),
    };
    let validate = match obj.get("validate").and_then(Json::as_str) {
        Some(re) => Some(Regex::new(re).map_err(|e| e.to_string())?),
        None => None,
    };
    Ok(Param {
        key: key.to_owned(),
        wire: obj
            .get("name")
            .and_then(Json::as_str)
            .unwrap_or(key)
            .to_owned(),
        location,
        location_declared: obj.contains_key("location"),
        ty,
        ty_declared: obj.contains_key("type"),
        required: obj.get("required").and_then(Json::as_bool).unwrap_or(false),
        validate,
        default: obj.get("default").map(Value::from),
        example: obj.get("example").map(Value::from),
        max: obj.get("max").and_then(Json::as_f64),
        min: obj.get("min").and_then(Json::as_f64),
        allowed: obj
            .get("in")
            .and_then(Json::as_array)
            .map(|a| a.iter().map(Value::from).collect()),
    })
}

/// The compatibility table of the README: every endpoint, how to call it,
/// and where it comes from. Generated from the catalogue.
pub fn compatibility_table() -> String {
    let mut out = String::from(
        "| Endpoint (Python / JS) | Method | Path | Parameters (* required) | SDK 3.2.2 | Docs 3.1.4 | Notes |\n\
         |---|---|---|---|:-:|:-:|---|\n",
    );
    for e in &catalogue().endpoints {
        let params: Vec<String> = e
            .params
            .iter()
            .filter(|p| !p.is_inherited())
            .map(|p| format!("`{}`{}", p.key, if p.required { "*" } else { "" }))
            .collect();
        let mut notes = Vec::new();
        if let Some(v) = &e.variant {
            notes.push(format!("form: {v}"));
        }
        if e.hidden {
            notes.push("undocumented".to_owned());
        }
        if e.deprecated {
            notes.push("deprecated".to_owned());
        }
        let yes = |b: bool| if b { "✓" } else { "–" };
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} | {} | {} | {} |\n",
            e.key,
            e.method.as_str(),
            e.path,
            if params.is_empty() {
                "–".to_owned()
            } else {
                params.join(", ")
            },
            yes(e.in_official_sdk),
            yes(e.in_docs),
            notes.join("; ")
        ));
    }
    out
}
