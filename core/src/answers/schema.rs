//! The answers as JSON Schema (draft 2020-12), for `tikapi schema` and for
//! users in other languages.

use super::*;

/// The JSON Schema of an endpoint's answer (a 2xx body), standalone: the
/// objects it uses are in its `$defs`. `None` for a key the catalogue lacks.
pub fn json_schema(key: &str) -> Option<Json> {
    let a = answers();
    let shape = a.shape(key)?;
    let mut schema = a.shape_schema(shape, &body_type_name(key));
    if let Json::Object(m) = &mut schema {
        let mut head = Map::new();
        head.insert("$schema".into(), JSON_SCHEMA_DIALECT.into());
        head.insert("$id".into(), format!("tikapi:answers/{key}").into());
        head.extend(std::mem::take(m));
        head.insert("$defs".into(), a.defs(a.needs(shape)));
        *m = head;
    }
    Some(schema)
}

/// The JSON Schema of the error answers every endpoint may give.
pub fn error_json_schema() -> Json {
    let a = answers();
    let mut schema = a.shape_schema(a.error(), "ErrorBody");
    if let Json::Object(m) = &mut schema {
        m.insert("$schema".into(), JSON_SCHEMA_DIALECT.into());
    }
    schema
}

/// The whole set as one JSON Schema document, as both packages ship it and
/// both type generators read it: every shared object and every answer shape
/// (`ProfileAnswer`, ...) in `$defs`, and `x-endpoints`, per endpoint key, the
/// name of its body type, its answer's definition and, for paged answers,
/// its items' types.
pub fn export_json() -> String {
    let a = answers();
    let mut defs = match a.defs(a.objects.keys().cloned()) {
        Json::Object(m) => m,
        _ => Map::new(),
    };
    for (name, shape) in &a.shapes {
        let title = shape_type_name(name);
        defs.insert(title.clone(), a.shape_schema(shape, &title));
    }
    let endpoints: Map<String, Json> = a
        .endpoints
        .iter()
        .map(|(key, shape)| {
            let s = &a.shapes[shape];
            let items: Vec<Json> = a.item_types(s).iter().map(Type::json_schema).collect();
            (
                key.clone(),
                json!({
                    "body": body_type_name(key),
                    "answer": { "$ref": format!("#/$defs/{}", shape_type_name(shape)) },
                    "items": items,
                }),
            )
        })
        .collect();
    let doc = json!({
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": "tikapi:answers",
        "title": "TikAPI answers",
        "description": "The answer of every TikAPI endpoint. x-source on each property: where the field is known from (see x-sources); required: every real answer has it; unknown keys are allowed.",
        "x-sources": a.sources,
        "x-endpoints": endpoints,
        "$defs": defs,
    });
    serde_json::to_string_pretty(&doc).expect("the answer schema serialises")
}
