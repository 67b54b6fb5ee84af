//! The endpoint catalogue: every TikAPI endpoint and parameter, as data.
//!
//! `data/endpoints.json` is the one description of the API. Validation,
//! request building, the bindings' surfaces, the generated type stubs and the
//! sandbox's routes all read it through this module.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value as Json;

use crate::dialect::Wording;
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

/// The parameters the next-page rule (the `cursor` module) fills in, when an
/// endpoint declares them.
pub const CURSOR_PARAMS: &[&str] = &["cursor", "offset", "nextCursor", "min_time", "max_time"];

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Location {
    #[serde(rename = "headers")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
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

/// One parameter of one endpoint. Serialised (see [`export_json`]) with
/// its derived facts (`inherited`, `secret`).
#[derive(Debug, Clone, Serialize)]
pub struct Param {
    /// The argument name callers use (`apiKey`, `secUid`, ...).
    pub key: String,
    /// The name on the wire (`X-API-KEY`, `secUid`, ...).
    pub wire: String,
    pub location: Location,
    /// Whether `location` was written in the catalogue or follows from the method.
    #[serde(skip)]
    pub location_declared: bool,
    #[serde(rename = "type")]
    pub ty: ParamType,
    /// Whether `type` was written in the catalogue.
    #[serde(skip)]
    pub ty_declared: bool,
    pub required: bool,
    #[serde(rename = "pattern", serialize_with = "pattern_text")]
    pub validate: Option<Regex>,
    pub default: Option<Value>,
    pub example: Option<Value>,
    pub max: Option<f64>,
    pub min: Option<f64>,
    #[serde(rename = "enum")]
    pub allowed: Option<Vec<Value>>,
    /// What the official SDKs say when the value is missing, of the wrong
    /// type or of the wrong format (the parameter's `help`).
    #[serde(skip)]
    pub help: Option<String>,
    /// The official Python SDK's `help`, where it differs from the npm one's.
    #[serde(skip)]
    pub help_python: Option<String>,
}

impl Param {
    /// The official help text in `wording`'s words, if the parameter has one.
    pub fn help(&self, wording: Wording) -> Option<&str> {
        match wording {
            Wording::Python => self.help_python.as_deref().or(self.help.as_deref()),
            Wording::Js => self.help.as_deref(),
        }
    }

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

/// One endpoint. Serialised (see [`export_json`]) with its derived facts
/// (`paged`, and each parameter's).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
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
    #[serde(serialize_with = "export_params")]
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
        CURSOR_PARAMS.iter().any(|p| self.declares(p))
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
    /// The official validation messages that are not a parameter's help
    /// text, in each official SDK's words.
    pub messages: BTreeMap<Wording, Messages>,
}

/// The templates of one official SDK's validation messages. `{key}` is the
/// argument name, `{name}` the name on the wire, `{max}` / `{min}` the bound,
/// `{values}` the allowed values joined with `enum_separator`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    /// A rule broken by a parameter that has no help text.
    pub invalid: String,
    pub max: String,
    pub min: String,
    #[serde(rename = "enum")]
    pub allowed: String,
    pub enum_separator: String,
}

impl Catalogue {
    /// The official templates in `wording`'s words.
    pub fn messages(&self, wording: Wording) -> &Messages {
        &self.messages[&wording]
    }

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

    /// The categories and endpoints as a tree, in catalogue order: what each
    /// binding's surface and each type generator lays out.
    pub fn tree(&self) -> Category {
        let mut root = Category {
            path: String::new(),
            entries: Vec::new(),
        };
        for e in &self.endpoints {
            let (category, name) = e.split_key();
            let mut node = &mut root;
            for part in category.split('.').filter(|p| !p.is_empty()) {
                node = node.child(part);
            }
            let known = node
                .entries
                .iter()
                .any(|x| matches!(x, Entry::Endpoint { name: n, .. } if n == name));
            if !known {
                node.entries.push(Entry::Endpoint {
                    name: name.to_owned(),
                    endpoint: e.key.clone(),
                });
            }
        }
        root
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

/// A category of the surface (`user.posts`; the root is `""`) and what it
/// holds, in catalogue order: endpoints and sub-categories, as both bindings
/// and both type generators lay them out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    /// The dotted path (`user.posts`), `""` for the root.
    pub path: String,
    pub entries: Vec<Entry>,
}

/// One name in a category: an endpoint (its key) or a sub-category.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    Endpoint { name: String, endpoint: String },
    Category { name: String, category: Category },
}

impl Category {
    fn child(&mut self, name: &str) -> &mut Category {
        let at = self
            .entries
            .iter()
            .position(|e| matches!(e, Entry::Category { name: n, .. } if n == name));
        let at = at.unwrap_or_else(|| {
            let path = if self.path.is_empty() {
                name.to_owned()
            } else {
                format!("{}.{name}", self.path)
            };
            self.entries.push(Entry::Category {
                name: name.to_owned(),
                category: Category {
                    path,
                    entries: Vec::new(),
                },
            });
            self.entries.len() - 1
        });
        match &mut self.entries[at] {
            Entry::Category { category, .. } => category,
            Entry::Endpoint { .. } => unreachable!("the position of a category"),
        }
    }
}

/// A parameter as exported: its fields and the facts derived from them.
#[derive(Serialize)]
struct ParamExport<'a> {
    #[serde(flatten)]
    param: &'a Param,
    inherited: bool,
    secret: bool,
}

fn export_params<S: Serializer>(params: &[Param], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(params.iter().map(|param| ParamExport {
        param,
        inherited: param.is_inherited(),
        secret: param.is_secret(),
    }))
}

fn pattern_text<S: Serializer>(re: &Option<Regex>, s: S) -> Result<S::Ok, S::Error> {
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
}

/// The catalogue as both bindings and both type generators read it, as JSON:
/// `version`, `base`, `sandboxBase`, `endpoints` (every form, each parameter
/// in resolution order with `inherited` and `secret`, each endpoint with
/// `paged`), `categories` (the tree of [`Catalogue::tree`]) and
/// `secretHeaders` (the header names whose values are never shown).
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
    };
    serde_json::to_string(&export).expect("the catalogue serialises")
}

/// The header names whose values are secrets (the API's key headers):
/// never shown in a log, a repr or an error, never sent with a video
/// download. The bindings read this list from the export (`secretHeaders`).
pub const SECRET_HEADERS: [&str; 2] = ["X-API-KEY", "X-ACCOUNT-KEY"];

/// The catalogue, parsed once.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| parse(CATALOGUE_JSON).expect("the embedded catalogue is valid"))
}

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
