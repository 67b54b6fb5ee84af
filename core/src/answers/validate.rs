//! Whether an answer fits its endpoint's schema, and where it does not.

use super::*;

/// Where an answer departs from its endpoint's schema: one line per
/// problem, with the path (`itemList[3].author.id: expected digits, got
/// number`). Empty when it fits; an unknown key gives one problem.
pub fn validate(key: &str, body: &Json) -> Vec<String> {
    let a = answers();
    match a.shape(key) {
        Some(shape) => {
            let mut problems = Vec::new();
            check_shape(a, shape, body, "", &mut problems);
            problems
        }
        None => vec![format!("no answer schema for {key}")],
    }
}

/// [`validate`] for an error answer.
pub fn validate_error(body: &Json) -> Vec<String> {
    let a = answers();
    let mut problems = Vec::new();
    check_shape(a, a.error(), body, "", &mut problems);
    problems
}

fn check_shape(a: &Answers, shape: &Shape, value: &Json, at: &str, out: &mut Vec<String>) {
    let Some(obj) = value.as_object() else {
        out.push(format!(
            "{}: expected {}, got {}",
            path(at),
            shape.name,
            kind(value)
        ));
        return;
    };
    for f in &shape.fields {
        let here = if at.is_empty() {
            f.name.clone()
        } else {
            format!("{at}.{}", f.name)
        };
        match obj.get(&f.name) {
            Some(v) => check(a, &f.ty, v, &here, out),
            None if f.required => out.push(format!("{here}: missing")),
            None => {}
        }
    }
}

fn check(a: &Answers, ty: &Type, value: &Json, at: &str, out: &mut Vec<String>) {
    let fits = match ty {
        Type::String => value.is_string(),
        Type::Digits => value
            .as_str()
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())),
        Type::Int => value.is_i64() || value.is_u64(),
        Type::Number => value.is_number(),
        Type::Bool => value.is_boolean(),
        Type::Null => value.is_null(),
        Type::Object => value.is_object(),
        Type::Array => value.is_array(),
        Type::Any => true,
        Type::Ref(n) => return check_shape(a, &a.objects[n], value, at, out),
        Type::List(t) => match value.as_array() {
            Some(items) => {
                for (i, v) in items.iter().enumerate() {
                    check(a, t, v, &format!("{at}[{i}]"), out);
                }
                true
            }
            None => false,
        },
        Type::Either(ts) => ts.iter().any(|t| {
            let mut inner = Vec::new();
            check(a, t, value, at, &mut inner);
            inner.is_empty()
        }),
    };
    if !fits {
        out.push(format!("{}: expected {ty}, got {}", path(at), kind(value)));
    }
}

fn path(at: &str) -> &str {
    if at.is_empty() {
        "(root)"
    } else {
        at
    }
}

fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "bool",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}
