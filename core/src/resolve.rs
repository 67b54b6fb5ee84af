//! Resolving each parameter's value and validating it, in the official order.
//!
//! For each parameter the endpoint declares, in declared order, the value is
//! the first non-null of: the call's argument, the value bound by `set` or a
//! category constructor, the parameter's example (sandbox mode only), its
//! default. Then, parameter by parameter, the first broken rule wins:
//! required, type, pattern, max/min, enum.
//!
//! A broken rule is reported twice over: the official SDK's words (the
//! parameter's help text, or the bound or allowed values, from the
//! catalogue, in the dialect's wording) as the message, and the precise
//! explanation (the rule, the pattern, the value received) as the detail.

use crate::catalogue::{catalogue, Endpoint, Param, ParamType};
use crate::dialect::Dialect;
use crate::error::{Error, Result, Rule, ValidationError};
pub use crate::request::Resolved;
use crate::value::{Value, ValueKind};

/// Where bound values come from (a scope chain, or a plain [`crate::Args`]).
pub trait Bound {
    fn bound(&self, name: &str) -> Option<Value>;
}

impl Bound for crate::Args {
    fn bound(&self, name: &str) -> Option<Value> {
        self.get(name).cloned()
    }
}

/// Resolve and validate every parameter of `endpoint`.
pub fn resolve<'e>(
    endpoint: &'e Endpoint,
    call: &crate::Args,
    bound: &dyn Bound,
    sandbox: bool,
    dialect: Dialect,
) -> Result<Vec<Resolved<'e>>> {
    let mut out = Vec::with_capacity(endpoint.params.len());
    for param in &endpoint.params {
        let value = call
            .get(&param.key)
            .cloned()
            .or_else(|| bound.bound(&param.key))
            .or_else(|| if sandbox { param.example.clone() } else { None })
            .or_else(|| param.default.clone());
        match value {
            None if param.required => {
                return Err(broken(
                    param,
                    Rule::Required,
                    dialect,
                    format!(
                        "{} requires the parameter `{}`, and none was given.",
                        endpoint.key, param.key
                    ),
                ))
            }
            None => {}
            Some(value) => {
                let value = check(param, value, dialect)?;
                out.push(Resolved { param, value });
            }
        }
    }
    Ok(out)
}

/// Validate one value against its parameter's rules, returning it (coerced
/// where a documented leniency applies).
pub fn check(param: &Param, value: Value, dialect: Dialect) -> Result<Value> {
    let fail = |rule: Rule, detail: String| Err(broken(param, rule, dialect, detail));
    if value.has_non_finite() {
        return fail(
            Rule::Finite,
            format!(
                "`{}` must be a finite number, not {}.",
                param.key,
                show(param, &value, dialect)
            ),
        );
    }
    // Where a leniency took a value the official SDKs refuse by its type
    // (README, Leniencies), a later broken rule is worded as they word the
    // type: with the help text.
    let lenient = !matches!(
        (param.ty, &value),
        (ParamType::Any, _)
            | (ParamType::String, Value::Str(_))
            | (ParamType::Number, Value::Int(_) | Value::Float(_))
    );
    let fail = |rule: Rule, detail: String| {
        let mut e = broken(param, rule, dialect, detail);
        if let (true, Error::Validation(v)) = (lenient, &mut e) {
            v.message = official_message(param, Rule::Type, dialect);
        }
        Err(e)
    };
    let value = match coerce(param.ty, value) {
        Ok(v) => v,
        Err(v) => {
            return fail(
                Rule::Type,
                format!(
                    "`{}` must be a {}, not {}{} ({}).",
                    param.key,
                    param.ty.name(),
                    article(v.kind()),
                    v.kind().name(),
                    show(param, &v, dialect)
                ),
            )
        }
    };
    if let Some(re) = &param.validate {
        if !re.is_match(&value.text(dialect)) {
            return fail(
                Rule::Pattern,
                format!(
                    "`{}` {} (it must match {}); got {}.",
                    param.key,
                    pattern_hint(re.as_str()),
                    re.as_str(),
                    show(param, &value, dialect)
                ),
            );
        }
    }
    if let Some(n) = value.as_f64() {
        if let Some(max) = param.max {
            if n > max {
                return fail(
                    Rule::Max,
                    format!(
                        "`{}` must be at most {}; got {}.",
                        param.key,
                        max,
                        show(param, &value, dialect)
                    ),
                );
            }
        }
        if let Some(min) = param.min {
            if n < min {
                return fail(
                    Rule::Min,
                    format!(
                        "`{}` must be at least {}; got {}.",
                        param.key,
                        min,
                        show(param, &value, dialect)
                    ),
                );
            }
        }
    }
    if let Some(allowed) = &param.allowed {
        if !allowed.iter().any(|a| same(a, &value)) {
            let list: Vec<String> = allowed.iter().map(|a| quote(a, dialect)).collect();
            return fail(
                Rule::Enum,
                format!(
                    "`{}` must be one of {}; got {}.",
                    param.key,
                    list.join(", "),
                    show(param, &value, dialect)
                ),
            );
        }
    }
    Ok(value)
}

/// The error for `param` breaking `rule`: the official words, and `detail`.
fn broken(param: &Param, rule: Rule, dialect: Dialect, detail: String) -> Error {
    Error::Validation(ValidationError {
        field: param.key.clone(),
        rule,
        message: official_message(param, rule, dialect),
        detail,
    })
}

/// What the official SDK of `dialect` says when `param` breaks `rule`: the
/// bound or the allowed values in its template, else the parameter's help
/// text, else its template for a parameter without one. A value that is not
/// finite breaks no official rule by itself; where the official SDKs reject
/// one it is with the help text (the pattern), so ours says that too.
pub fn official_message(param: &Param, rule: Rule, dialect: Dialect) -> String {
    let wording = dialect.wording();
    let words = catalogue().messages(wording);
    let name = param.wire.as_str();
    match (rule, param.max, param.min, &param.allowed) {
        (Rule::Max, Some(max), _, _) => fill(&words.max, &[("name", name), ("max", &bound(max))]),
        (Rule::Min, _, Some(min), _) => fill(&words.min, &[("name", name), ("min", &bound(min))]),
        (Rule::Enum, _, _, Some(allowed)) => {
            let values: Vec<String> = allowed.iter().map(|a| a.text(dialect)).collect();
            fill(
                &words.allowed,
                &[
                    ("name", name),
                    ("values", &values.join(&words.enum_separator)),
                ],
            )
        }
        _ => match param.help(wording) {
            Some(help) => help.to_owned(),
            None => fill(&words.invalid, &[("key", &param.key)]),
        },
    }
}

/// `template` with each `{name}` of `values` replaced, in one pass (a value
/// holding braces is not read again).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match hit {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A bound as the official SDKs print it: `100`, `1.5`.
fn bound(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Type check with the README's leniencies: an integer where a string is
/// declared becomes its decimal text (the API's numeric-string cursors and
/// ids); a numeric string where a number is declared becomes the number.
fn coerce(ty: ParamType, value: Value) -> std::result::Result<Value, Value> {
    match (ty, value) {
        (ParamType::Any, v) => Ok(v),
        (ParamType::String, Value::Str(s)) => Ok(Value::Str(s)),
        (ParamType::String, Value::Int(i)) if i >= 0 => Ok(Value::Str(i.to_string())),
        (ParamType::Number, v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
        (ParamType::Number, Value::Str(s)) => parse_number(&s).ok_or(Value::Str(s)),
        (ParamType::Boolean, v @ Value::Bool(_)) => Ok(v),
        (_, v) => Err(v),
    }
}

fn parse_number(s: &str) -> Option<Value> {
    let t = s.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        || digits.matches('.').count() > 1
    {
        return None;
    }
    if digits.starts_with('.') || digits.ends_with('.') {
        return None;
    }
    if !digits.contains('.') {
        if let Ok(i) = t.parse::<i64>() {
            return Some(Value::Int(i));
        }
    }
    t.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Value::Float)
}

/// Enum membership: numbers compare by value, everything else exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn article(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Array | ValueKind::Object => "an ",
        ValueKind::Null => "",
        _ => "a ",
    }
}

fn pattern_hint(re: &str) -> &'static str {
    match re {
        "^[0-9]+$" => "must be a string of digits",
        "^[0-9]{1,2}$" => "must be a whole number of one or two digits",
        "^[a-z]{2}$" => "must be a two-letter lowercase ISO country code such as \"us\"",
        "^[a-zA-Z0-9]{10,}$" => "must be at least 10 letters or digits",
        "^(.*?){30,}$" => "must be a TikTok secUid on a single line",
        "^([0-9]+|https?://vm.tiktok.com/[a-zA-Z0-9]+/?)$" => {
            "must be a numeric id or a short vm.tiktok.com link"
        }
        "^([a-zA-Z0-9_.]+|https?://vm.tiktok.com/[a-zA-Z0-9]+/?)$" => {
            "must be a TikTok username (letters, digits, _ and .) or a short vm.tiktok.com link"
        }
        _ => "has the wrong format",
    }
}

fn quote(v: &Value, dialect: Dialect) -> String {
    match v {
        Value::Str(s) => format!("{s:?}"),
        other => other.text(dialect),
    }
}

/// The offending value as shown in a message: kind and a short preview, and
/// never the value of a key.
fn show(param: &Param, v: &Value, dialect: Dialect) -> String {
    if param.is_secret() {
        return "(a value that is not shown)".to_owned();
    }
    let text = match v {
        Value::Str(s) => format!("{s:?}"),
        Value::Array(_) | Value::Object(_) if dialect != Dialect::Python => {
            serde_json::to_string(&v.to_json()).unwrap_or_default()
        }
        other => other.text(dialect),
    };
    const LIMIT: usize = 80;
    if text.chars().count() > LIMIT {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head}… ({} characters)", text.chars().count())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_one_pass() {
        assert_eq!(
            fill("The {name} is {max}", &[("name", "{max}"), ("max", "5")]),
            "The {max} is 5"
        );
        assert_eq!(fill("{unknown} {name", &[("name", "x")]), "{unknown} {name");
        assert_eq!(bound(100.0), "100");
        assert_eq!(bound(1.5), "1.5");
    }

    #[test]
    fn numeric_strings_parse_strictly() {
        assert_eq!(parse_number("5"), Some(Value::Int(5)));
        assert_eq!(parse_number("-2.5"), Some(Value::Float(-2.5)));
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(parse_number("5."), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("nan"), None);
    }
}
