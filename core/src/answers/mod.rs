//! What every endpoint answers, as data: the answer schema beside the
//! catalogue (`data/answers.json`).
//!
//! Shared objects (`User`, `Item`, `Comment`, `LiveMessage`, ...) are
//! described once; each endpoint key names the shape of its answer, which
//! adds an envelope (TikAPI's `status` and `message`, TikTok's codes) to its
//! own fields. Every field says where it is known from ([`Source`]) and
//! whether every real answer has it (required); unknown keys are always
//! allowed, because the service adds fields over time.
//!
//! The same description is exported as JSON Schema ([`json_schema`],
//! [`export_json`]), validates answers ([`validate`]) and drives the sandbox
//! and the typed bodies of both packages.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{json, Map, Value as Json};

mod parse;
mod schema;
mod validate;

pub use parse::parse;
pub use schema::{error_json_schema, export_json, json_schema};
pub use validate::{validate, validate_error};

/// The answer schema's source, embedded at build time.
pub const ANSWERS_JSON: &str = include_str!("../../data/answers.json");

/// The JSON Schema dialect of the exports.
pub const JSON_SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where a field is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A real TikAPI answer saved by an app.
    Real,
    /// TikAPI's own response samples.
    Sample,
    /// TikTok's web API, which TikAPI relays.
    Web,
    /// TikTok's app API (snake_case), which TikAPI relays.
    App,
    /// Modelled by this project.
    Modelled,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Real => "real",
            Source::Sample => "sample",
            Source::Web => "web",
            Source::App => "app",
            Source::Modelled => "modelled",
        }
    }

    fn parse(text: &str) -> Option<Source> {
        Some(match text {
            "real" => Source::Real,
            "sample" => Source::Sample,
            "web" => Source::Web,
            "app" => Source::App,
            "modelled" => Source::Modelled,
            _ => return None,
        })
    }
}

/// A field's JSON type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    String,
    /// A string of digits (ids, exact counts, cursors).
    Digits,
    Int,
    Number,
    Bool,
    Null,
    /// Any object.
    Object,
    /// Any array.
    Array,
    Any,
    /// A shared object, by name.
    Ref(String),
    /// An array of one type.
    List(Box<Type>),
    /// Any of several types.
    Either(Vec<Type>),
}

impl Type {
    fn parse(text: &str) -> Option<Type> {
        let alternatives: Vec<&str> = split_top(text);
        if alternatives.len() > 1 {
            return alternatives
                .into_iter()
                .map(Type::parse)
                .collect::<Option<Vec<_>>>()
                .map(Type::Either);
        }
        if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return Type::parse(inner).map(|t| Type::List(Box::new(t)));
        }
        Some(match text {
            "string" => Type::String,
            "digits" => Type::Digits,
            "int" => Type::Int,
            "number" => Type::Number,
            "bool" => Type::Bool,
            "null" => Type::Null,
            "object" => Type::Object,
            "array" => Type::Array,
            "any" => Type::Any,
            name if name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                Type::Ref(name.to_owned())
            }
            _ => return None,
        })
    }

    /// The shared objects this type names.
    fn refs<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Type::Ref(n) => out.push(n),
            Type::List(t) => t.refs(out),
            Type::Either(ts) => ts.iter().for_each(|t| t.refs(out)),
            _ => {}
        }
    }

    /// The type as JSON Schema.
    pub fn json_schema(&self) -> Json {
        match self {
            Type::String => json!({ "type": "string" }),
            Type::Digits => json!({ "type": "string", "pattern": "^[0-9]+$" }),
            Type::Int => json!({ "type": "integer" }),
            Type::Number => json!({ "type": "number" }),
            Type::Bool => json!({ "type": "boolean" }),
            Type::Null => json!({ "type": "null" }),
            Type::Object => json!({ "type": "object" }),
            Type::Array => json!({ "type": "array" }),
            Type::Any => json!({}),
            Type::Ref(n) => json!({ "$ref": format!("#/$defs/{n}") }),
            Type::List(t) => json!({ "type": "array", "items": t.json_schema() }),
            Type::Either(ts) => {
                json!({ "anyOf": ts.iter().map(Type::json_schema).collect::<Vec<_>>() })
            }
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::String => f.write_str("string"),
            Type::Digits => f.write_str("digits"),
            Type::Int => f.write_str("int"),
            Type::Number => f.write_str("number"),
            Type::Bool => f.write_str("bool"),
            Type::Null => f.write_str("null"),
            Type::Object => f.write_str("object"),
            Type::Array => f.write_str("array"),
            Type::Any => f.write_str("any"),
            Type::Ref(n) => f.write_str(n),
            Type::List(t) => write!(f, "[{t}]"),
            Type::Either(ts) => {
                let parts: Vec<String> = ts.iter().map(Type::to_string).collect();
                f.write_str(&parts.join("|"))
            }
        }
    }
}

/// `a|[b|c]|d` → `a`, `[b|c]`, `d`.
fn split_top(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '|' if depth == 0 => {
                parts.push(&text[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// One field of an object or an answer.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    /// Every real answer has it.
    pub required: bool,
    pub source: Source,
}

/// A shared object, or the shape of an answer.
#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    pub doc: String,
    /// Envelope fields first, then the shape's own.
    pub fields: Vec<Field>,
    /// How grounded the answer as a whole is (answers only).
    pub grounded: Option<Source>,
    /// Where a page's items are: a field name, `a|b` for either, or
    /// `notice_lists[0].notice_list` (answers only).
    pub items: Option<String>,
}

impl Shape {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// Every answer of the catalogue.
#[derive(Debug)]
pub struct Answers {
    /// What each [`Source`] stands for.
    pub sources: BTreeMap<String, String>,
    /// The shared objects, by name.
    pub objects: BTreeMap<String, Shape>,
    /// The answer shapes, by name (`profile`, `items`, ...).
    pub shapes: BTreeMap<String, Shape>,
    /// Endpoint key → shape name.
    pub endpoints: BTreeMap<String, String>,
}

/// The answer schema, parsed once.
pub fn answers() -> &'static Answers {
    static ANSWERS: OnceLock<Answers> = OnceLock::new();
    ANSWERS.get_or_init(|| parse(ANSWERS_JSON).expect("the embedded answer schema is valid"))
}

/// `public.check` → `PublicCheckBody`: the name of an endpoint's answer type
/// in both packages.
pub fn body_type_name(key: &str) -> String {
    let mut name = String::new();
    for part in key.split(['.', '_']) {
        let mut c = part.chars();
        if let Some(first) = c.next() {
            name.extend(first.to_uppercase());
            name.push_str(c.as_str());
        }
    }
    name.push_str("Body");
    name
}

/// `profile` → `ProfileAnswer`: the name of a shape's type.
pub fn shape_type_name(shape: &str) -> String {
    let mut c = shape.chars();
    let mut name: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    name.push_str(c.as_str());
    name.push_str("Answer");
    name
}

impl Answers {
    /// The shape of an endpoint's answer.
    pub fn shape(&self, key: &str) -> Option<&Shape> {
        self.shapes.get(self.endpoints.get(key)?)
    }

    /// The error answer's shape.
    pub fn error(&self) -> &Shape {
        &self.objects["Error"]
    }

    /// The types of a paged answer's items (one, or several for an answer
    /// that lists different things by its arguments).
    pub fn item_types(&self, shape: &Shape) -> Vec<Type> {
        let Some(items) = shape.items.as_deref() else {
            return Vec::new();
        };
        if let Some((outer, inner)) = items.split_once("[0].") {
            // `notice_lists[0].notice_list`
            return match shape.field(outer).map(|f| &f.ty) {
                Some(Type::List(t)) => match t.as_ref() {
                    Type::Ref(o) => self.objects[o]
                        .field(inner)
                        .and_then(|f| list_element(&f.ty))
                        .into_iter()
                        .collect(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
        }
        items
            .split('|')
            .filter_map(|name| list_element(&shape.field(name)?.ty))
            .collect()
    }

    /// The shared objects a shape needs, itself excluded, transitively.
    fn needs(&self, shape: &Shape) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = Vec::new();
        let push = |s: &Shape, todo: &mut Vec<String>| {
            for f in &s.fields {
                let mut refs = Vec::new();
                f.ty.refs(&mut refs);
                todo.extend(refs.into_iter().map(str::to_owned));
            }
        };
        push(shape, &mut todo);
        while let Some(n) = todo.pop() {
            if seen.insert(n.clone()) {
                push(&self.objects[&n], &mut todo);
            }
        }
        seen
    }

    /// One object or answer as a JSON Schema object (without `$defs`).
    pub fn shape_schema(&self, shape: &Shape, title: &str) -> Json {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for f in &shape.fields {
            let mut p = f.ty.json_schema();
            if let Json::Object(m) = &mut p {
                m.insert("x-source".into(), f.source.name().into());
            }
            properties.insert(f.name.clone(), p);
            if f.required {
                required.push(Json::from(f.name.clone()));
            }
        }
        let mut out = Map::new();
        out.insert("title".into(), title.into());
        if !shape.doc.is_empty() {
            out.insert("description".into(), shape.doc.clone().into());
        }
        out.insert("type".into(), "object".into());
        out.insert("properties".into(), Json::Object(properties));
        out.insert("required".into(), Json::Array(required));
        out.insert("additionalProperties".into(), true.into());
        if let Some(g) = shape.grounded {
            out.insert("x-grounded".into(), g.name().into());
        }
        Json::Object(out)
    }

    fn defs(&self, names: impl IntoIterator<Item = String>) -> Json {
        Json::Object(
            names
                .into_iter()
                .map(|n| {
                    let s = self.shape_schema(&self.objects[&n], &n);
                    (n, s)
                })
                .collect(),
        )
    }
}

fn list_element(ty: &Type) -> Option<Type> {
    match ty {
        Type::List(t) => Some(t.as_ref().clone()),
        Type::Either(ts) => ts.iter().find_map(list_element),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_parses_and_covers_the_catalogue() {
        let a = answers();
        let keys: BTreeSet<&str> = crate::catalogue().keys().into_iter().collect();
        let answered: BTreeSet<&str> = a.endpoints.keys().map(String::as_str).collect();
        assert_eq!(keys, answered);
    }

    #[test]
    fn names() {
        assert_eq!(body_type_name("public.check"), "PublicCheckBody");
        assert_eq!(
            body_type_name("user.posts.comments.list"),
            "UserPostsCommentsListBody"
        );
        assert_eq!(body_type_name("key"), "KeyBody");
        assert_eq!(shape_type_name("liveChat"), "LiveChatAnswer");
    }

    #[test]
    fn paged_answers_name_their_items() {
        let a = answers();
        let item = |key: &str| a.item_types(a.shape(key).unwrap());
        assert_eq!(item("public.posts"), vec![Type::Ref("Item".into())]);
        assert_eq!(item("user.notifications"), vec![Type::Ref("Notice".into())]);
        assert_eq!(
            item("user.live.chat"),
            vec![Type::Ref("LiveMessage".into())]
        );
        assert_eq!(item("public.discover").len(), 4);
        for ep in &crate::catalogue().endpoints {
            if ep.is_paged() && ep.key != "public.hashtag" {
                assert!(!item(&ep.key).is_empty() || a.shape(&ep.key).unwrap().items.is_none());
            }
        }
    }

    #[test]
    fn validation_names_the_path() {
        let body = json!({
            "status": "success", "message": "", "statusCode": 0, "status_code": 0,
            "extra": { "fatal_item_ids": [], "logid": "x", "now": 1 },
            "log_pb": { "impr_id": "x" },
            "shareMeta": { "desc": "", "title": "" },
            "userInfo": { "user": { "id": 5 }, "stats": {} },
        });
        let problems = validate("public.check", &body);
        assert!(
            problems.contains(&"userInfo.user.id: expected digits, got number".to_owned()),
            "{problems:?}"
        );
        assert!(
            problems.contains(&"userInfo.stats.heart: missing".to_owned()),
            "{problems:?}"
        );
        assert!(validate_error(&json!({ "status": "error", "message": "x" })).is_empty());
    }

    #[test]
    fn every_endpoint_exports_a_standalone_schema() {
        for key in crate::catalogue().keys() {
            let s = json_schema(key).unwrap();
            let text = s.to_string();
            let defs = s["$defs"].as_object().unwrap();
            // Every $ref points into the schema's own $defs.
            for piece in text.split("\"$ref\":\"#/$defs/").skip(1) {
                let name = &piece[..piece.find('"').unwrap()];
                assert!(defs.contains_key(name), "{key}: {name}");
            }
        }
        let whole: Json = serde_json::from_str(&export_json()).unwrap();
        assert_eq!(
            whole["x-endpoints"].as_object().unwrap().len(),
            answers().endpoints.len()
        );
    }
}
