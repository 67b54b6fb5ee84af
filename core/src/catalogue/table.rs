//! The README's endpoint table, generated from the catalogue.

use super::*;

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
