//! `tikapi schema`: the JSON Schema of an endpoint's answer, from the core's
//! answer schema (`core/data/answers.json`), for apps in other languages and
//! data pipelines that validate what they receive.

use tikapi_core::answers::{self, Source};

use crate::{code, Failure, Outcome};

/// `tikapi schema ENDPOINT`, `tikapi schema error`, `tikapi schema --all`,
/// or, with nothing, the endpoints and how grounded each answer is.
pub(crate) fn run(endpoint: Option<String>, all: bool) -> Outcome<i32> {
    let text = match (endpoint.as_deref(), all) {
        (_, true) => answers::export_json(),
        (Some("error"), false) => pretty(&answers::error_json_schema()),
        (Some(key), false) => match answers::json_schema(key) {
            Some(schema) => pretty(&schema),
            None => {
                return Err(Failure::usage(format!(
                    "unknown endpoint {key:?}{}",
                    crate::endpoint::suggest(key)
                )))
            }
        },
        (None, false) => list(),
    };
    crate::out(format!("{text}\n").as_bytes())?;
    Ok(code::OK)
}

fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema).expect("a schema serialises")
}

/// Every endpoint, its answer's type and what its shape is grounded in.
fn list() -> String {
    let a = answers::answers();
    let mut text = String::from(
        "usage: tikapi schema ENDPOINT | error | --all\n\nendpoint answers, and what each shape is grounded in:\n",
    );
    for (key, shape) in &a.endpoints {
        let grounded = a.shapes[shape].grounded.unwrap_or(Source::Modelled);
        text.push_str(&format!(
            "  {key:<40} {:<34} {}\n",
            answers::body_type_name(key),
            grounded.name()
        ));
    }
    text.push_str("\ngrounded in: ");
    let sources: Vec<String> = a
        .sources
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    text.push_str(&sources.join("; "));
    text
}
