//! Parameter values as the bindings hand them over, and how a value prints
//! in each dialect.

use std::fmt::Write as _;

use crate::dialect::Dialect;

/// A parameter value. Bindings convert host values into this before anything
/// else happens, so the core sees one representation whatever the language.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// The type a value has, in the catalogue's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueKind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl ValueKind {
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Null => "null",
            ValueKind::Boolean => "boolean",
            ValueKind::Number => "number",
            ValueKind::String => "string",
            ValueKind::Array => "array",
            ValueKind::Object => "object",
        }
    }
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Null => ValueKind::Null,
            Value::Bool(_) => ValueKind::Boolean,
            Value::Int(_) | Value::Float(_) => ValueKind::Number,
            Value::Str(_) => ValueKind::String,
            Value::Array(_) => ValueKind::Array,
            Value::Object(_) => ValueKind::Object,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value's text form as the host language prints it: what the
    /// official SDKs test regexes against and put in a query string or path.
    pub fn text(&self, dialect: Dialect) -> String {
        let mut out = String::new();
        self.write_text(dialect, &mut out, true);
        out
    }

    fn write_text(&self, dialect: Dialect, out: &mut String, top: bool) {
        let py = dialect == Dialect::Python;
        match self {
            Value::Null => out.push_str(if py {
                "None"
            } else if top {
                "null"
            } else {
                ""
            }),
            Value::Bool(b) => out.push_str(match (py, b) {
                (true, true) => "True",
                (true, false) => "False",
                (false, true) => "true",
                (false, false) => "false",
            }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => write_float(*f, py, out),
            Value::Str(s) => {
                if py && !top {
                    let _ = write!(out, "'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
                } else {
                    out.push_str(s)
                }
            }
            Value::Array(items) => {
                if py {
                    out.push('[');
                }
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(if py { ", " } else { "," });
                    }
                    item.write_text(dialect, out, false);
                }
                if py {
                    out.push(']');
                }
            }
            Value::Object(fields) => {
                if py {
                    out.push('{');
                    for (i, (k, v)) in fields.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        let _ = write!(out, "'{k}': ");
                        v.write_text(dialect, out, false);
                    }
                    out.push('}');
                } else {
                    out.push_str("[object Object]");
                }
            }
        }
    }

    /// The value as JSON, for request bodies. Non-finite numbers have been
    /// rejected by validation before a body is built; here they become null.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Str(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => items.iter().map(Value::to_json).collect(),
            Value::Object(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// True when this value, or anything inside it, is a NaN or an infinity.
    pub fn has_non_finite(&self) -> bool {
        match self {
            Value::Float(f) => !f.is_finite(),
            Value::Array(items) => items.iter().any(Value::has_non_finite),
            Value::Object(fields) => fields.iter().any(|(_, v)| v.has_non_finite()),
            _ => false,
        }
    }
}

fn write_float(f: f64, py: bool, out: &mut String) {
    if f.is_nan() {
        out.push_str(if py { "nan" } else { "NaN" });
    } else if f.is_infinite() {
        let neg = if f < 0.0 { "-" } else { "" };
        out.push_str(neg);
        out.push_str(if py { "inf" } else { "Infinity" });
    } else if f.fract() == 0.0 && f.abs() < 1e16 {
        // Python prints an integral float as `5.0`, JavaScript as `5`.
        let _ = write!(out, "{}", f as i64);
        if py {
            out.push_str(".0");
        }
    } else {
        let _ = write!(out, "{f}");
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(items) => {
                Value::Array(items.iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        Value::from(&v)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Self {
        Value::Int(i.into())
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_follow_the_host_language() {
        assert_eq!(Value::Bool(true).text(Dialect::Python), "True");
        assert_eq!(Value::Bool(true).text(Dialect::Js), "true");
        assert_eq!(Value::Float(5.0).text(Dialect::Python), "5.0");
        assert_eq!(Value::Float(5.0).text(Dialect::Js), "5");
        assert_eq!(Value::Float(1.5).text(Dialect::Js), "1.5");
        let arr = Value::Array(vec![Value::Int(1), Value::Str("a".into())]);
        assert_eq!(arr.text(Dialect::Python), "[1, 'a']");
        assert_eq!(arr.text(Dialect::Js), "1,a");
        assert_eq!(Value::Float(f64::NAN).text(Dialect::Js), "NaN");
        assert_eq!(
            Value::Float(f64::NEG_INFINITY).text(Dialect::Python),
            "-inf"
        );
    }
}
