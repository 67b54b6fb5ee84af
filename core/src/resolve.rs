//! Resolving each parameter's value and validating it, in the official order.
//!
//! For each parameter the endpoint declares, in declared order, the value is
//! the first non-null of: the call's argument, the value bound by `set` or a
//! category constructor, the parameter's example (sandbox mode only), its
//! default. Then, parameter by parameter, the first broken rule wins:
//! required, type, pattern, max/min, enum.

use crate::catalogue::{Endpoint, Param, ParamType};
use crate::dialect::Dialect;
use crate::error::{Error, Result, Rule};
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
    flavor: Dialect,
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
                return Err(Error::validation(
                    &param.key,
                    Rule::Required,
                    format!(
                        "{} requires the parameter `{}`, and none was given.",
                        endpoint.key, param.key
                    ),
                ))
            }
            None => {}
            Some(value) => {
                let value = check(param, value, flavor)?;
                out.push(Resolved { param, value });
            }
        }
    }
    Ok(out)
}

/// Validate one value against its parameter's rules, returning it (coerced
/// where a documented leniency applies).
pub fn check(param: &Param, value: Value, flavor: Dialect) -> Result<Value> {
    let fail = |rule: Rule, message: String| Err(Error::validation(&param.key, rule, message));
    if value.has_non_finite() {
        return fail(
            Rule::Finite,
            format!(
                "`{}` must be a finite number, not {}.",
                param.key,
                show(param, &value, flavor)
            ),
        );
    }
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
                    show(param, &v, flavor)
                ),
            )
        }
    };
    if let Some(re) = &param.validate {
        if !re.is_match(&value.text(flavor)) {
            return fail(
                Rule::Pattern,
                format!(
                    "`{}` {} (it must match {}); got {}.",
                    param.key,
                    pattern_hint(re.as_str()),
                    re.as_str(),
                    show(param, &value, flavor)
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
                        show(param, &value, flavor)
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
                        show(param, &value, flavor)
                    ),
                );
            }
        }
    }
    if let Some(allowed) = &param.allowed {
        if !allowed.iter().any(|a| same(a, &value)) {
            let list: Vec<String> = allowed.iter().map(|a| quote(a, flavor)).collect();
            return fail(
                Rule::Enum,
                format!(
                    "`{}` must be one of {}; got {}.",
                    param.key,
                    list.join(", "),
                    show(param, &value, flavor)
                ),
            );
        }
    }
    Ok(value)
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

fn quote(v: &Value, flavor: Dialect) -> String {
    match v {
        Value::Str(s) => format!("{s:?}"),
        other => other.text(flavor),
    }
}

/// The offending value as shown in a message: kind and a short preview, and
/// never the value of a key.
fn show(param: &Param, v: &Value, flavor: Dialect) -> String {
    if param.is_secret() {
        return "(a value that is not shown)".to_owned();
    }
    let text = match v {
        Value::Str(s) => format!("{s:?}"),
        Value::Array(_) | Value::Object(_) if flavor != Dialect::Python => {
            serde_json::to_string(&v.to_json()).unwrap_or_default()
        }
        other => other.text(flavor),
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
    fn numeric_strings_parse_strictly() {
        assert_eq!(parse_number("5"), Some(Value::Int(5)));
        assert_eq!(parse_number("-2.5"), Some(Value::Float(-2.5)));
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(parse_number("5."), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("nan"), None);
    }
}
