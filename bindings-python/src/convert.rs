//! Python values into core values: call arguments, bound defaults, options.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use tikapi_core::{Args, Error, Options, RetryPolicy, Value};

/// One Python value as a core value. `bool` is checked before `int`, since
/// a Python bool is also an int.
pub fn value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(match obj.extract::<i64>() {
            Ok(i) => Value::Int(i),
            // Beyond 64 bits: the nearest float, as JSON would carry it.
            Err(_) => Value::Float(obj.extract::<f64>()?),
        });
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Value::Float(f.value()));
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Value::Str(obj.extract::<String>()?));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return list
            .iter()
            .map(|v| value(&v))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return tuple
            .iter()
            .map(|v| value(&v))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut fields = Vec::with_capacity(dict.len());
        for (k, v) in dict.iter() {
            fields.push((k.str()?.extract::<String>()?, value(&v)?));
        }
        return Ok(Value::Object(fields));
    }
    // Anything else travels as its text, as it would in a query string.
    Ok(Value::Str(obj.str()?.extract::<String>()?))
}

/// Keyword arguments as call arguments. The SDK's own `__name__` keywords
/// (`__sandbox__`, `__options__`) are not parameters.
pub fn args(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Args> {
    let mut out = Args::new();
    if let Some(kwargs) = kwargs {
        for (k, v) in kwargs.iter() {
            let name: String = k.extract()?;
            if is_sdk_keyword(&name) {
                continue;
            }
            let v = value(&v).map_err(|e| unencodable(k.py(), &name, e))?;
            out.set(name, v);
        }
    }
    Ok(out)
}

/// A value that cannot be sent at all, text that UTF-8 cannot carry (a lone
/// surrogate such as `"\ud800"`) or a whole number beyond any float, is a
/// `ValidationException` naming the parameter, like any other bad value;
/// other errors pass through.
fn unencodable(py: Python<'_>, field: &str, e: PyErr) -> PyErr {
    let (rule, message) = if e.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(py) {
        (
            "type",
            format!(
                "`{field}` holds text that is not valid Unicode (a lone surrogate such as \
                 '\\ud800'), which cannot be sent"
            ),
        )
    } else if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) {
        (
            "finite",
            format!("`{field}` holds a whole number too large to be sent as a number"),
        )
    } else {
        return e;
    };
    crate::error::validation(py, field, rule, &message)
}

pub fn is_sdk_keyword(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// The `__sandbox__` keyword, when given and not None.
pub fn sandbox(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Option<bool>> {
    match kwargs
        .map(|k| k.get_item("__sandbox__"))
        .transpose()?
        .flatten()
    {
        Some(v) if !v.is_none() => Ok(Some(v.is_truthy()?)),
        _ => Ok(None),
    }
}

/// The `__options__` keyword, when given and not None.
pub fn call_options(kwargs: Option<&Bound<'_, PyDict>>) -> Result<Options, OptionError> {
    match kwargs
        .map(|k| k.get_item("__options__"))
        .transpose()?
        .flatten()
    {
        Some(v) if !v.is_none() => options(&v),
        _ => Ok(Options::default()),
    }
}

/// Why options could not be read: a Python error while reading them, or a
/// value the core rejects (reported as the core reports it).
pub enum OptionError {
    Python(PyErr),
    Core(Error),
}

impl From<PyErr> for OptionError {
    fn from(e: PyErr) -> Self {
        OptionError::Python(e)
    }
}

fn bad(message: String) -> OptionError {
    OptionError::Core(Error::Usage(message))
}

/// Every key `__options__` accepts. The official SDK's hooks are accepted
/// and not called; any other key is an error, so that a misspelt option
/// (a timeout, the TLS opt-out) never goes unnoticed.
pub const OPTION_KEYS: [&str; 13] = [
    "base",
    "sandboxBase",
    "headers",
    "proxies",
    "proxy",
    "timeout",
    "retries",
    "max_body_size",
    "max_connections",
    "dangerously_accept_invalid_certificates",
    "on_request",
    "on_success",
    "on_error",
];

/// Known spellings of other SDKs and libraries, and the key meant.
const OPTION_ALIASES: [(&str, &str); 10] = [
    ("maxBodySize", "max_body_size"),
    ("maxConnections", "max_connections"),
    ("limit_per_host", "max_connections"),
    ("max_body", "max_body_size"),
    ("verify", "dangerously_accept_invalid_certificates"),
    (
        "danger_accept_invalid_certs",
        "dangerously_accept_invalid_certificates",
    ),
    (
        "dangerouslyAcceptInvalidCertificates",
        "dangerously_accept_invalid_certificates",
    ),
    ("connectTimeout", "timeout"),
    ("connect_timeout", "timeout"),
    ("retry", "retries"),
];

/// The error for a key `__options__` does not know.
fn unknown_option(key: &str) -> OptionError {
    let hint = OPTION_ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map(|(_, meant)| match *meant {
            "timeout" => {
                " (did you mean timeout, as a (connect, total) pair of seconds?)".to_owned()
            }
            "dangerously_accept_invalid_certificates" => " (certificates are always verified; \
                 the only opt-out is dangerously_accept_invalid_certificates=True)"
                .to_owned(),
            meant => format!(" (did you mean {meant}?)"),
        })
        .unwrap_or_default();
    bad(format!(
        "unknown __options__ key {key:?}{hint}; the known keys are {}",
        OPTION_KEYS.join(", ")
    ))
}

/// The official `__options__` dict: `base`, `sandboxBase`, `headers`,
/// `proxies` (requests-style), and ours: `timeout` (seconds, or a
/// `(connect, total)` pair), `retries`, `max_body_size` (bytes),
/// `max_connections` and `dangerously_accept_invalid_certificates`. The official hooks are
/// accepted and ignored; any other key is an error naming it.
pub fn options(obj: &Bound<'_, PyAny>) -> Result<Options, OptionError> {
    let map = obj
        .cast::<PyMapping>()
        .map_err(|_| bad("__options__ must be a dict".to_owned()))?;
    for key in map.keys()?.iter() {
        match key.extract::<String>() {
            Ok(k) if OPTION_KEYS.contains(&k.as_str()) => {}
            Ok(k) => return Err(unknown_option(&k)),
            Err(_) => {
                let shown = key.repr().map(|r| r.to_string()).unwrap_or_default();
                return Err(bad(format!(
                    "__options__ keys must be strings, not {shown}"
                )));
            }
        }
    }
    let get = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        match map.get_item(name) {
            Ok(v) if !v.is_none() => Ok(Some(v)),
            Ok(_) => Ok(None),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(obj.py()) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let text = |name: &str, v: &Bound<'_, PyAny>| -> Result<String, OptionError> {
        v.extract::<String>()
            .map_err(|_| bad(format!("the option {name} must be a string")))
    };
    let mut o = Options::default();
    if let Some(v) = get("base")? {
        o.base = Some(text("base", &v)?);
    }
    if let Some(v) = get("sandboxBase")? {
        o.sandbox_base = Some(text("sandboxBase", &v)?);
    }
    if let Some(v) = get("headers")? {
        let headers = v
            .cast::<PyMapping>()
            .map_err(|_| bad("the option headers must be a dict".to_owned()))?;
        let mut list = Vec::new();
        for item in headers.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            if v.is_none() {
                continue;
            }
            list.push(header(&k, &v)?);
        }
        o.headers = Some(list);
    }
    if let Some(v) = get("proxies")? {
        o.proxy = proxy(&v)?;
    }
    if let Some(v) = get("proxy")? {
        o.proxy = Some(text("proxy", &v)?);
    }
    if let Some(v) = get("timeout")? {
        let (connect, total) = timeout(&v)?;
        o.connect_timeout = connect;
        o.timeout = total;
    }
    if let Some(v) = get("max_body_size")? {
        let why = "the option max_body_size must be a whole number of bytes > 0";
        o.max_body_size = Some(whole(&v, 1, u64::MAX, why)?);
    }
    if let Some(v) = get("max_connections")? {
        let why = "the option max_connections must be a whole number > 0";
        o.max_connections = Some(whole(&v, 1, u32::MAX.into(), why)? as u32);
    }
    if let Some(v) = get("dangerously_accept_invalid_certificates")? {
        let on = v.cast::<PyBool>().map_err(|_| {
            bad(
                "the option dangerously_accept_invalid_certificates must be True or False"
                    .to_owned(),
            )
        })?;
        o.danger_accept_invalid_certs = Some(on.is_true());
    }
    if let Some(v) = get("retries")? {
        let n = whole(
            &v,
            0,
            u32::MAX.into(),
            "the option retries must be a whole number >= 0",
        )?;
        o.retry = Some(RetryPolicy::new(n as u32));
    }
    Ok(o)
}

/// An option that is a whole number in `min..=max` (not a bool), or the
/// usage error `why`.
fn whole(v: &Bound<'_, PyAny>, min: u64, max: u64, why: &str) -> Result<u64, OptionError> {
    v.extract::<u64>()
        .ok()
        .filter(|n| (min..=max).contains(n) && !v.is_instance_of::<PyBool>())
        .ok_or_else(|| bad(why.to_owned()))
}

/// One extra header, checked as HTTP requires: a name of token characters,
/// a value without line breaks or other control characters. A bad one is a
/// usage error naming it, before anything is sent.
pub fn header(k: &Bound<'_, PyAny>, v: &Bound<'_, PyAny>) -> Result<(String, String), OptionError> {
    let text = |x: &Bound<'_, PyAny>| -> Result<String, OptionError> {
        let s = x.str()?;
        s.extract::<String>().map_err(|_| {
            bad(format!(
                "the header {s:?} is not valid Unicode (a lone surrogate)"
            ))
        })
    };
    let name = text(k)?;
    let value = text(v)?;
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(bad(format!(
            "the header name {name:?} is not a valid HTTP header name"
        )));
    }
    if value.chars().any(|c| c != '\t' && (c.is_control())) {
        return Err(bad(format!(
            "the value of the header {name} holds a line break or another control character"
        )));
    }
    Ok((name, value))
}

/// requests-style proxies: one URL for every request is what the core
/// supports, so the `https` entry wins (the API is HTTPS), then `all`, then `http`.
pub fn proxy(v: &Bound<'_, PyAny>) -> Result<Option<String>, OptionError> {
    if let Ok(s) = v.extract::<String>() {
        return Ok(Some(s));
    }
    let map = v.cast::<PyMapping>().map_err(|_| {
        bad(
            "the option proxies must be a dict such as {\"https\": \"http://host:port\"}"
                .to_owned(),
        )
    })?;
    for key in ["https", "all", "http"] {
        if let Ok(p) = map.get_item(key) {
            if !p.is_none() {
                return Ok(Some(p.extract::<String>().map_err(|_| {
                    bad(format!("the proxies entry {key:?} must be a URL string"))
                })?));
            }
        }
    }
    Ok(None)
}

/// Seconds, or a `(connect, total)` pair of seconds (either may be None).
pub fn timeout(v: &Bound<'_, PyAny>) -> Result<(Option<Duration>, Option<Duration>), OptionError> {
    let secs = |x: &Bound<'_, PyAny>| -> Result<Option<Duration>, OptionError> {
        if x.is_none() {
            return Ok(None);
        }
        let f: f64 = x
            .extract()
            .map_err(|_| bad("the option timeout must be a number of seconds".to_owned()))?;
        if !f.is_finite() || f <= 0.0 {
            return Err(bad(format!(
                "the option timeout must be a positive number of seconds, not {f}"
            )));
        }
        Ok(Some(Duration::from_secs_f64(f)))
    };
    if let Ok(pair) = v.cast::<PyTuple>() {
        if pair.len() != 2 {
            return Err(bad("a timeout pair must be (connect, total)".to_owned()));
        }
        return Ok((secs(&pair.get_item(0)?)?, secs(&pair.get_item(1)?)?));
    }
    Ok((None, secs(v)?))
}

/// A core value as a Python value (catalogue defaults, examples, enums).
pub fn to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any().unbind(),
        Value::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        Value::Float(f) => f.into_pyobject(py)?.into_any().unbind(),
        Value::Str(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (k, item) in fields {
                dict.set_item(k, to_py(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}
