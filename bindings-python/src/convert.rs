//! Python values into core values: call arguments, bound defaults, options.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use tikapi_core::settings::{self, Source};
use tikapi_core::{Args, Dialect, Error, Options, Value};

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

/// `save_video`'s link and path as the core takes them, or an
/// `APIException` saying which one cannot be used: text with a lone
/// surrogate, a path this file system cannot name. Wrong types are a
/// `TypeError`, as for any argument.
pub fn download_target(
    link: &Bound<'_, PyAny>,
    path: &Bound<'_, PyAny>,
) -> PyResult<(String, std::path::PathBuf)> {
    let py = link.py();
    let unencodable = |e: &PyErr| e.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(py);
    // The path's own type error (os.fspath) comes first, as it always has.
    let target = py.import("os")?.call_method1("fspath", (path,))?;
    let link: String = link.extract().map_err(|e| {
        if unencodable(&e) {
            crate::error::usage(
                py,
                "the video link holds text that is not valid Unicode (a lone surrogate)",
            )
        } else {
            e
        }
    })?;
    let path = target.extract().map_err(|e| {
        if !unencodable(&e) {
            return e;
        }
        match target.repr() {
            Ok(shown) => crate::error::usage(
                py,
                &format!("the path {shown} cannot be named on this file system"),
            ),
            Err(e) => e,
        }
    })?;
    Ok((link, path))
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

/// The `__options__` keyword, when given and not None, read by the core.
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

/// `__options__` as the core reads it: a mapping's entries as core values
/// (the official hooks, which the SDK accepts and does not call, are not
/// converted); anything else as its value, which the core refuses by name.
pub fn options(obj: &Bound<'_, PyAny>) -> Result<Options, OptionError> {
    let input = match obj.cast::<PyMapping>() {
        Ok(map) => {
            let mut entries = Vec::new();
            for item in map.items()?.iter() {
                let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
                let Ok(key) = k.extract::<String>() else {
                    let shown = k.repr().map(|r| r.to_string()).unwrap_or_default();
                    return Err(OptionError::Core(settings::key_not_text(
                        Dialect::Python,
                        Source::Call,
                        &shown,
                    )));
                };
                entries.push((key, v));
            }
            option_input(entries, Source::Call)?
        }
        Err(_) => value(obj)?,
    };
    settings::parse(&input, Dialect::Python, Source::Call).map_err(OptionError::Core)
}

/// Named Python values as the core's option input.
pub fn option_input(
    entries: Vec<(String, Bound<'_, PyAny>)>,
    source: Source,
) -> Result<Value, OptionError> {
    let mut out = Vec::with_capacity(entries.len());
    for (key, v) in entries {
        let converted = if settings::handled_by_binding(Dialect::Python, &key) {
            Value::Null
        } else {
            value(&v).map_err(|e| {
                if e.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(v.py()) {
                    OptionError::Core(settings::not_convertible(
                        Dialect::Python,
                        source,
                        &key,
                        settings::NOT_UNICODE,
                    ))
                } else {
                    OptionError::Python(e)
                }
            })?
        };
        out.push((key, converted));
    }
    Ok(Value::Object(out))
}
