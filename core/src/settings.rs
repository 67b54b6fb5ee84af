//! Options as apps write them, read once for every binding: `__options__`
//! (Python) and `$options` (JavaScript) of `set`, a category scope or one
//! call, and a video download's `headers` / `timeout` / `proxies`.
//!
//! The bindings convert the language's value into a [`Value`] and hand it
//! here with their [`Dialect`]; this module knows both spellings of every key
//! (`max_body_size` / `maxBodySize`), the units of each language (seconds in
//! Python, milliseconds in JavaScript), the header rules, the "did you mean"
//! hints, and the one wording of every complaint.

use std::time::Duration;

use crate::dialect::Dialect;
use crate::error::{Error, OptionError, Result};
use crate::options::{Options, RateLimit, RetryPolicy};
use crate::value::Value;

/// Which group of options is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// `__options__` / `$options` of `set`, a category scope or one call.
    Call,
    /// The options of a video download (`save_video` / `saveVideo`).
    Download,
}

/// The longest time accepted, as JavaScript's `setTimeout` takes it:
/// 2^31 - 1 ms (about 24.8 days), in every language.
pub const MAX_MILLIS: u64 = 2_147_483_647;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Base,
    SandboxBase,
    Headers,
    Proxies,
    Proxy,
    Timeout,
    ConnectTimeout,
    Retries,
    MaxBodySize,
    MaxConnections,
    InvalidCerts,
    TraceContext,
    RateLimit,
    /// JavaScript's `$options.values`: defaults for the call's parameters,
    /// merged by the binding; checked here to be an object.
    Values,
    /// A value of the language (a hook, an agent) that the binding handles.
    Binding,
}

/// One option: its spelling in each language (`None`: not an option there)
/// and whether a download takes it.
struct Spec {
    kind: Kind,
    python: Option<&'static str>,
    js: Option<&'static str>,
    download: bool,
}

const fn spec(kind: Kind, python: Option<&'static str>, js: Option<&'static str>) -> Spec {
    Spec {
        kind,
        python,
        js,
        download: false,
    }
}

const fn both(kind: Kind, name: &'static str) -> Spec {
    spec(kind, Some(name), Some(name))
}

/// Every option, in the order the known keys are listed.
const SPECS: &[Spec] = &[
    both(Kind::Base, "base"),
    both(Kind::SandboxBase, "sandboxBase"),
    Spec {
        download: true,
        ..both(Kind::Headers, "headers")
    },
    Spec {
        download: true,
        ..spec(Kind::Proxies, Some("proxies"), None)
    },
    both(Kind::Proxy, "proxy"),
    Spec {
        download: true,
        ..both(Kind::Timeout, "timeout")
    },
    spec(Kind::ConnectTimeout, None, Some("connectTimeout")),
    both(Kind::Retries, "retries"),
    spec(
        Kind::MaxBodySize,
        Some("max_body_size"),
        Some("maxBodySize"),
    ),
    spec(
        Kind::MaxConnections,
        Some("max_connections"),
        Some("maxConnections"),
    ),
    spec(
        Kind::InvalidCerts,
        Some("dangerously_accept_invalid_certificates"),
        Some("dangerouslyAcceptInvalidCertificates"),
    ),
    spec(
        Kind::TraceContext,
        Some("trace_context"),
        Some("traceContext"),
    ),
    spec(Kind::RateLimit, Some("rate_limit"), Some("rateLimit")),
    // The official SDKs' own keys. Python accepts its hooks and does not
    // call them; the JavaScript face runs them.
    both(Kind::Binding, "on_request"),
    both(Kind::Binding, "on_success"),
    both(Kind::Binding, "on_error"),
    spec(Kind::Binding, None, Some("fetch_agent")),
    spec(Kind::Binding, None, Some("params")),
    spec(Kind::Values, None, Some("values")),
    spec(Kind::Binding, None, Some("$other")),
];

/// Spellings of other libraries and SDKs, and the option meant.
const ALIASES: &[(&str, Kind)] = &[
    ("limit_per_host", Kind::MaxConnections),
    ("max_body", Kind::MaxBodySize),
    ("verify", Kind::InvalidCerts),
    ("danger_accept_invalid_certs", Kind::InvalidCerts),
    ("connect_timeout", Kind::ConnectTimeout),
    ("retry", Kind::Retries),
];

impl Spec {
    fn name(&self, dialect: Dialect) -> Option<&'static str> {
        match dialect {
            Dialect::Python => self.python,
            Dialect::Js | Dialect::Rust => self.js,
        }
    }

    fn other_name(&self, dialect: Dialect) -> Option<&'static str> {
        match dialect {
            Dialect::Python => self.js,
            Dialect::Js | Dialect::Rust => self.python,
        }
    }

    fn applies(&self, source: Source) -> bool {
        source == Source::Call || self.download
    }
}

fn find(dialect: Dialect, source: Source, key: &str) -> Option<&'static Spec> {
    SPECS
        .iter()
        .find(|s| s.applies(source) && s.name(dialect) == Some(key))
}

/// Every option key an app may write in `dialect`, in the order the known
/// keys are listed (the one table: the bindings' declarations are checked
/// against it through the catalogue export, `optionKeys`).
pub fn option_keys(dialect: Dialect) -> Vec<&'static str> {
    SPECS.iter().filter_map(|s| s.name(dialect)).collect()
}

/// Whether `key` is an option the binding handles itself (a hook, an agent):
/// its value is not converted or read here.
pub fn handled_by_binding(dialect: Dialect, key: &str) -> bool {
    find(dialect, Source::Call, key).is_some_and(|s| s.kind == Kind::Binding)
}

/// Where options come from, as the app wrote it: `$options`, `__options__`.
fn container(dialect: Dialect, source: Source) -> &'static str {
    match (dialect, source) {
        (Dialect::Python, Source::Call) => "__options__",
        (Dialect::Python, Source::Download) => "save_video options",
        (_, Source::Call) => "$options",
        (_, Source::Download) => "saveVideo options",
    }
}

/// One option as the app wrote it: `$options.timeout`, `__options__["timeout"]`.
pub fn field(dialect: Dialect, source: Source, key: &str) -> String {
    match (dialect, source) {
        (Dialect::Python, Source::Call) => format!("__options__[{key:?}]"),
        (Dialect::Python, Source::Download) => format!("save_video({key}=...)"),
        _ => format!("{}.{key}", container(dialect, source)),
    }
}

/// Why a binding could not convert a value: text that UTF-8 cannot carry
/// (a lone surrogate such as `"\ud800"`).
pub const NOT_UNICODE: &str =
    "holds text that is not valid Unicode (a lone surrogate), which cannot be sent";

/// The complaint for an option whose value the binding could not convert,
/// `why` saying what is wrong with it (see [`NOT_UNICODE`]).
pub fn not_convertible(dialect: Dialect, source: Source, key: &str, why: &str) -> Error {
    let field = field(dialect, source, key);
    invalid(field.clone(), format!("{field} {why}"))
}

/// The complaint for options whose keys are not all text.
pub fn key_not_text(dialect: Dialect, source: Source, shown: &str) -> Error {
    let whole = container(dialect, source);
    invalid(whole, format!("{whole} keys must be strings, not {shown}"))
}

fn invalid(field: impl Into<String>, message: String) -> Error {
    Error::InvalidOption(OptionError {
        field: field.into(),
        message,
    })
}

/// A value as a complaint shows it (a string's first 40 characters).
pub fn describe(v: &Value, dialect: Dialect) -> String {
    let py = dialect == Dialect::Python;
    match v {
        Value::Null => (if py { "None" } else { "null" }).to_owned(),
        Value::Bool(_) => v.text(dialect),
        Value::Int(_) | Value::Float(_) => format!("the number {}", v.text(dialect)),
        Value::Str(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if shown.len() < s.len() { "..." } else { "" };
            format!("the string {:?}", format!("{shown}{more}"))
        }
        Value::Array(_) => (if py { "a list" } else { "an array" }).to_owned(),
        Value::Object(_) => (if py { "a dict" } else { "an object" }).to_owned(),
    }
}

/// Read options as an app wrote them. Null values leave an option unset; an
/// unknown key or a value of the wrong kind is an [`Error::InvalidOption`]
/// naming it as the app spelt it.
pub fn parse(input: &Value, dialect: Dialect, source: Source) -> Result<Options> {
    let py = dialect == Dialect::Python;
    let Value::Object(entries) = input else {
        let whole = container(dialect, source);
        let what = if py { "a dict" } else { "an object" };
        return Err(invalid(
            whole,
            format!(
                "{whole} must be {what} of options, not {}",
                describe(input, dialect)
            ),
        ));
    };
    let mut o = Options::default();
    for (key, value) in entries {
        let Some(spec) = find(dialect, source, key) else {
            return Err(unknown(dialect, source, key));
        };
        if value.is_null() {
            continue;
        }
        let field = field(dialect, source, key);
        let bad = |what: &str| {
            invalid(
                field.clone(),
                format!("{field} must be {what}, not {}", describe(value, dialect)),
            )
        };
        let text = |what: &str| value.as_str().map(str::to_owned).ok_or_else(|| bad(what));
        match spec.kind {
            Kind::Base => o.base = Some(text("a URL string")?),
            Kind::SandboxBase => o.sandbox_base = Some(text("a URL string")?),
            Kind::Proxy => o.proxy = Some(text("a proxy URL string")?),
            Kind::Proxies => o.proxy = proxies(value, &bad)?,
            Kind::Headers => o.headers = Some(headers(value, &field, dialect)?),
            Kind::Timeout if py => {
                let what = "a positive number of seconds (at most 2147483.647), or a \
                            (connect, total) pair of them";
                let (connect, total) = match value {
                    Value::Array(pair) if pair.len() == 2 => (
                        duration(&pair[0], dialect).ok_or_else(|| bad(what))?,
                        duration(&pair[1], dialect).ok_or_else(|| bad(what))?,
                    ),
                    single => (None, duration(single, dialect).ok_or_else(|| bad(what))?),
                };
                o.connect_timeout = connect;
                o.timeout = total;
            }
            Kind::Timeout | Kind::ConnectTimeout => {
                let what = format!("a positive number of milliseconds (at most {MAX_MILLIS})");
                let d = duration(value, dialect)
                    .flatten()
                    .ok_or_else(|| bad(&what))?;
                if spec.kind == Kind::Timeout {
                    o.timeout = Some(d);
                } else {
                    o.connect_timeout = Some(d);
                }
            }
            Kind::Retries => {
                let n =
                    whole(value, 0, u32::MAX.into()).ok_or_else(|| bad("a whole number >= 0"))?;
                o.retry = Some(RetryPolicy::new(n as u32));
            }
            Kind::MaxBodySize => {
                let n =
                    whole(value, 1, u64::MAX).ok_or_else(|| bad("a whole number of bytes >= 1"))?;
                o.max_body_size = Some(n);
            }
            Kind::MaxConnections => {
                let n =
                    whole(value, 1, u32::MAX.into()).ok_or_else(|| bad("a whole number >= 1"))?;
                o.max_connections = Some(n as u32);
            }
            Kind::InvalidCerts => match value {
                Value::Bool(b) => o.danger_accept_invalid_certs = Some(*b),
                _ => return Err(bad(if py { "True or False" } else { "true or false" })),
            },
            Kind::TraceContext => match value {
                Value::Bool(b) => o.trace_context = Some(*b),
                _ => return Err(bad(if py { "True or False" } else { "true or false" })),
            },
            Kind::RateLimit => o.rate_limit = Some(rate_limit(value, &field, dialect)?),
            Kind::Values => {
                if !matches!(value, Value::Object(_)) {
                    return Err(bad("an object of parameter values"));
                }
            }
            Kind::Binding => {}
        }
    }
    Ok(o)
}

/// The option `rate_limit` / `rateLimit`: `{rate, burst, max_in_flight /
/// maxInFlight, redis, name}`, a rate or an in-flight cap at least.
fn rate_limit(value: &Value, field: &str, dialect: Dialect) -> Result<RateLimit> {
    let py = dialect == Dialect::Python;
    let in_flight = if py { "max_in_flight" } else { "maxInFlight" };
    let keys = ["rate", "burst", in_flight, "redis", "name"];
    let Value::Object(entries) = value else {
        let what = if py { "a dict" } else { "an object" };
        return Err(invalid(
            field,
            format!(
                "{field} must be {what} with {}, not {}",
                keys.join(", "),
                describe(value, dialect)
            ),
        ));
    };
    let mut out = RateLimit::per_second(1.0);
    out.rate = None;
    let mut burst = None;
    for (key, v) in entries {
        let sub = if py {
            format!("{field}[{key:?}]")
        } else {
            format!("{field}.{key}")
        };
        let bad = |what: &str| {
            invalid(
                sub.clone(),
                format!("{sub} must be {what}, not {}", describe(v, dialect)),
            )
        };
        if v.is_null() {
            continue;
        }
        match key.as_str() {
            "rate" => {
                let r = v
                    .as_f64()
                    .filter(|r| r.is_finite() && *r > 0.0 && *r <= 1e6)
                    .ok_or_else(|| bad("a number of requests per second > 0"))?;
                out.rate = Some(r);
            }
            "burst" => {
                burst = Some(
                    whole(v, 1, u32::MAX.into()).ok_or_else(|| bad("a whole number >= 1"))? as u32,
                );
            }
            k if k == in_flight => {
                out.max_in_flight = Some(
                    whole(v, 1, u32::MAX.into()).ok_or_else(|| bad("a whole number >= 1"))? as u32,
                );
            }
            "redis" => {
                // Never shown back: the URL may hold a password.
                let Value::Str(url) = v else {
                    return Err(bad("a redis:// URL string"));
                };
                out.redis = Some(url.clone());
            }
            "name" => match v {
                Value::Str(n) if RateLimit::valid_name(n) => out.name = n.clone(),
                _ => {
                    return Err(bad(
                        "a name of 1 to 64 letters, digits, '_', '-', '.' or ':'",
                    ))
                }
            },
            other => {
                let hint = crate::suggest::closest(other, keys.iter().copied(), |n| 2.max(n / 3))
                    .map(|s| format!(" (did you mean {s:?}?)"))
                    .unwrap_or_default();
                return Err(invalid(
                    sub.clone(),
                    format!(
                        "Unknown {field} key {other:?}{hint}; the known keys are {}",
                        keys.join(", ")
                    ),
                ));
            }
        }
    }
    if out.rate.is_none() && out.max_in_flight.is_none() {
        return Err(invalid(
            field,
            format!("{field} must set \"rate\" or {in_flight:?} (or both)"),
        ));
    }
    // A bucket holds a second's worth unless told otherwise (at least one).
    out.burst = burst.unwrap_or_else(|| out.rate.map_or(1, |r| r.ceil().max(1.0) as u32));
    Ok(out)
}

/// A time in the language's unit: `Some(None)` for null (unset, in a
/// Python pair), `None` when it is not a positive number within the limit.
fn duration(v: &Value, dialect: Dialect) -> Option<Option<Duration>> {
    if v.is_null() {
        return Some(None);
    }
    let n = match v {
        Value::Int(_) | Value::Float(_) => v.as_f64()?,
        _ => return None,
    };
    let millis = if dialect == Dialect::Python {
        n * 1000.0
    } else {
        n
    };
    (millis.is_finite() && millis > 0.0 && millis <= MAX_MILLIS as f64)
        .then(|| Some(Duration::from_secs_f64(millis / 1000.0)))
}

/// A whole number in `min..=max` (a bool is not a number).
fn whole(v: &Value, min: u64, max: u64) -> Option<u64> {
    match v {
        Value::Int(i) => u64::try_from(*i).ok().filter(|n| (min..=max).contains(n)),
        _ => None,
    }
}

/// requests-style proxies: one URL for every request is what the transport
/// supports, so the `https` entry wins (the API is HTTPS), then `all`, then `http`.
fn proxies(v: &Value, bad: &dyn Fn(&str) -> Error) -> Result<Option<String>> {
    const WHAT: &str = "a proxy URL string or a dict such as {\"https\": \"http://host:port\"}";
    match v {
        Value::Str(s) => Ok(Some(s.clone())),
        Value::Object(entries) => {
            for scheme in ["https", "all", "http"] {
                match entries.iter().find(|(k, _)| k == scheme).map(|(_, v)| v) {
                    None | Some(Value::Null) => continue,
                    Some(Value::Str(s)) => return Ok(Some(s.clone())),
                    Some(_) => return Err(bad(WHAT)),
                }
            }
            Ok(None)
        }
        _ => Err(bad(WHAT)),
    }
}

/// Extra headers: an object (a dict) of names to values, or a list of
/// `[name, value]` pairs. Values print as the language prints them; null
/// values are left out. Each is checked as HTTP requires.
fn headers(v: &Value, field: &str, dialect: Dialect) -> Result<Vec<(String, String)>> {
    let what = if dialect == Dialect::Python {
        "a dict of header names to values"
    } else {
        "an object of header names to values"
    };
    let pairs: Vec<(String, &Value)> = match v {
        Value::Object(entries) => entries.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Array(pair) if pair.len() == 2 => Ok((pair[0].text(dialect), &pair[1])),
                _ => Err(invalid(
                    field,
                    format!("{field} must hold [name, value] pairs"),
                )),
            })
            .collect::<Result<_>>()?,
        _ => {
            return Err(invalid(
                field,
                format!("{field} must be {what}, not {}", describe(v, dialect)),
            ))
        }
    };
    let mut out = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        if value.is_null() {
            continue;
        }
        let value = value.text(dialect);
        check_header(&name, &value).map_err(|why| invalid(field, format!("{field}: {why}")))?;
        out.push((name, value));
    }
    Ok(out)
}

/// Whether a header can be sent as HTTP requires: a name of token
/// characters, a value without line breaks or other control characters
/// (tab aside). The reason names the header, never its value.
pub fn check_header(name: &str, value: &str) -> std::result::Result<(), String> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(format!(
            "the header name {name:?} is not a valid HTTP header name"
        ));
    }
    if value.chars().any(|c| c != '\t' && c.is_control()) {
        return Err(format!(
            "the value of the header {name:?} holds a line break or another control character"
        ));
    }
    Ok(())
}

/// The complaint for a key that is not an option, with the option probably
/// meant and every known key.
fn unknown(dialect: Dialect, source: Source, key: &str) -> Error {
    let known: Vec<&str> = SPECS
        .iter()
        .filter(|s| s.applies(source))
        .filter_map(|s| s.name(dialect))
        .collect();
    let meant = SPECS
        .iter()
        .find(|s| s.other_name(dialect) == Some(key))
        .map(|s| s.kind)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == key).map(|(_, k)| *k));
    let spelled = |kind: Kind| {
        SPECS
            .iter()
            .find(|s| s.kind == kind && s.applies(source))
            .and_then(|s| s.name(dialect))
    };
    let hint = match meant {
        Some(Kind::InvalidCerts) => format!(
            " (certificates are always verified; the only opt-out is {:?}: {})",
            spelled(Kind::InvalidCerts).unwrap_or_default(),
            Value::Bool(true).text(dialect)
        ),
        Some(Kind::ConnectTimeout) if spelled(Kind::ConnectTimeout).is_none() => {
            " (did you mean \"timeout\", as a (connect, total) pair of seconds?)".to_owned()
        }
        Some(Kind::Proxies) if dialect != Dialect::Python => {
            " (did you mean \"proxy\"?)".to_owned()
        }
        Some(kind) => spelled(kind)
            .map(|s| format!(" (did you mean {s:?}?)"))
            .unwrap_or_default(),
        None => closest(key, &known)
            .map(|s| format!(" (did you mean {s:?}?)"))
            .unwrap_or_default(),
    };
    invalid(
        field(dialect, source, key),
        format!(
            "Unknown {} key {key:?}{hint}; the known keys are {}",
            container(dialect, source),
            known.join(", ")
        ),
    )
}

/// The known name nearest to `name` (edit distance, case-insensitive),
/// when it is near enough to be a typo.
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    crate::suggest::closest(name, known.iter().copied(), |n| 2.max(n / 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(entries: &[(&str, Value)]) -> Value {
        Value::Object(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    /// The field and message of the refusal of one option.
    fn refused(key: &str, value: Value, dialect: Dialect) -> (String, String) {
        message(parse(&obj(&[(key, value)]), dialect, Source::Call))
    }

    fn message(r: Result<Options>) -> (String, String) {
        match r {
            Err(Error::InvalidOption(e)) => (e.field, e.message),
            other => panic!("expected an option error, got {other:?}"),
        }
    }

    #[test]
    fn each_language_spells_and_measures_its_own_way() {
        let py = parse(
            &obj(&[
                (
                    "timeout",
                    Value::Array(vec![Value::Int(2), Value::Float(7.5)]),
                ),
                ("max_body_size", Value::Int(10)),
                (
                    "proxies",
                    obj(&[("http", "http://a".into()), ("https", "http://b".into())]),
                ),
            ]),
            Dialect::Python,
            Source::Call,
        )
        .unwrap();
        assert_eq!(py.connect_timeout, Some(Duration::from_secs(2)));
        assert_eq!(py.timeout, Some(Duration::from_millis(7500)));
        assert_eq!(py.max_body_size, Some(10));
        assert_eq!(py.proxy.as_deref(), Some("http://b"));
        let js = parse(
            &obj(&[
                ("timeout", Value::Int(7500)),
                ("connectTimeout", Value::Int(2000)),
                ("maxBodySize", Value::Int(10)),
                ("on_success", Value::Object(vec![])),
            ]),
            Dialect::Js,
            Source::Call,
        )
        .unwrap();
        assert_eq!(js.timeout, py.timeout);
        assert_eq!(js.connect_timeout, py.connect_timeout);
        assert_eq!(js.max_body_size, Some(10));
    }

    #[test]
    fn the_other_languages_spelling_is_named_not_taken() {
        let (field, m) = refused("maxBodySize", Value::Int(1), Dialect::Python);
        assert_eq!(field, "__options__[\"maxBodySize\"]");
        assert!(m.contains("did you mean \"max_body_size\"?"), "{m}");
        let (field, m) = refused("timout", Value::Int(1), Dialect::Js);
        assert_eq!(field, "$options.timout");
        assert!(m.starts_with("Unknown $options key \"timout\" (did you mean \"timeout\"?); the known keys are base, "), "{m}");
        let (_, m) = refused("somethingElse", Value::Int(1), Dialect::Js);
        assert!(!m.contains("did you mean"), "{m}");
        let (_, m) = refused("connect_timeout", Value::Int(1), Dialect::Python);
        assert!(m.contains("(connect, total)"), "{m}");
        let (_, m) = refused("verify", Value::Bool(false), Dialect::Python);
        assert!(
            m.contains("\"dangerously_accept_invalid_certificates\": True"),
            "{m}"
        );
    }

    #[test]
    fn bad_values_are_named_with_what_was_expected() {
        #[rustfmt::skip]
        let cases: &[(Dialect, &str, Value, &str)] = &[
            (Dialect::Js, "timeout", Value::Int(0), "$options.timeout must be a positive number of milliseconds"),
            (Dialect::Js, "timeout", Value::Int(2_147_483_648), "at most 2147483647"),
            (Dialect::Python, "timeout", Value::Float(f64::NAN), "__options__[\"timeout\"] must be a positive number of seconds"),
            (Dialect::Python, "timeout", Value::Array(vec![Value::Int(1); 3]), "(connect, total)"),
            (Dialect::Js, "retries", Value::Float(1.5), "a whole number >= 0, not the number 1.5"),
            (Dialect::Js, "maxConnections", Value::Int(0), "a whole number >= 1"),
            (Dialect::Python, "max_body_size", Value::Bool(true), "not True"),
            (Dialect::Python, "dangerously_accept_invalid_certificates", Value::Int(1), "True or False"),
            (Dialect::Js, "values", Value::Str("x".into()), "$options.values must be an object"),
            (Dialect::Js, "base", Value::Int(5), "$options.base must be a URL string, not the number 5"),
        ];
        for (dialect, key, value, words) in cases {
            let (field, m) = message(parse(
                &obj(&[(*key, value.clone())]),
                *dialect,
                Source::Call,
            ));
            assert!(field.contains(key), "{field}");
            assert!(m.contains(words), "{key}: {m}");
        }
        let (_, m) = message(parse(
            &Value::Str("x".into()),
            Dialect::Python,
            Source::Call,
        ));
        assert!(m.starts_with("__options__ must be a dict"), "{m}");
    }

    #[test]
    fn headers_are_checked_by_name_never_by_value() {
        let bad_value = obj(&[(
            "headers",
            obj(&[("X-Test", "secret\r\nInjected: 1".into())]),
        )]);
        let (field, m) = message(parse(&bad_value, Dialect::Js, Source::Call));
        assert_eq!(field, "$options.headers");
        assert!(
            m.contains("\"X-Test\"") && m.contains("line break") && !m.contains("secret"),
            "{m}"
        );
        let bad_name = obj(&[("headers", obj(&[("bad name", "x".into())]))]);
        assert!(message(parse(&bad_name, Dialect::Python, Source::Call))
            .1
            .contains("\"bad name\""));
        let pairs = obj(&[(
            "headers",
            Value::Array(vec![
                Value::Array(vec!["X-N".into(), Value::Int(5)]),
                Value::Array(vec!["only".into()]),
            ]),
        )]);
        assert!(message(parse(&pairs, Dialect::Js, Source::Call))
            .1
            .contains("[name, value] pairs"));
        let ok = obj(&[(
            "headers",
            obj(&[("X-N", Value::Int(5)), ("X-Skip", Value::Null)]),
        )]);
        let o = parse(&ok, Dialect::Python, Source::Call).unwrap();
        assert_eq!(o.headers, Some(vec![("X-N".to_owned(), "5".to_owned())]));
    }

    #[test]
    fn downloads_take_only_their_own_keys() {
        let o = parse(
            &obj(&[("timeout", Value::Int(5))]),
            Dialect::Python,
            Source::Download,
        )
        .unwrap();
        assert_eq!(o.timeout, Some(Duration::from_secs(5)));
        let (field, m) = message(parse(
            &obj(&[("timeout", "soon".into())]),
            Dialect::Python,
            Source::Download,
        ));
        assert_eq!(field, "save_video(timeout=...)");
        assert!(m.contains("timeout"), "{m}");
        assert!(parse(
            &obj(&[("retries", Value::Int(1))]),
            Dialect::Js,
            Source::Download
        )
        .is_err());
    }
}
