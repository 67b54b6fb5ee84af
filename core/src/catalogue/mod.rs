//! The endpoint catalogue: every TikAPI endpoint and parameter, as data.
//!
//! `data/endpoints.json` is the one description of the API. Validation,
//! request building, the bindings' surfaces, the generated type stubs and the
//! sandbox's routes all read it through this module.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::dialect::Wording;
use crate::value::Value;

mod export;
mod parse;
mod table;

pub use export::export_json;
pub use parse::parse;
pub use table::compatibility_table;

/// The catalogue's source, embedded at build time.
pub const CATALOGUE_JSON: &str = include_str!("../../data/endpoints.json");

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
    #[serde(rename = "pattern", serialize_with = "export::pattern_text")]
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
    #[serde(serialize_with = "export::export_params")]
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

/// The header names whose values are secrets (the API's key headers):
/// never shown in a log, a repr or an error, never sent with a video
/// download. The bindings read this list from the export (`secretHeaders`).
pub const SECRET_HEADERS: [&str; 2] = ["X-API-KEY", "X-ACCOUNT-KEY"];

/// The catalogue, parsed once.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| parse(CATALOGUE_JSON).expect("the embedded catalogue is valid"))
}
