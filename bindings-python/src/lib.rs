//! `tikapi._native`: the glue between the Python package `tikapi` and
//! `tikapi-core`. It converts values and errors; all behaviour is the core's.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

mod cli;
mod client;
mod convert;
mod error;
mod oauth;
mod response;
mod runtime;

/// Every endpoint form of the catalogue, as plain data: what the Python
/// surface and the generated type stubs are built from.
#[pyfunction]
fn catalogue(py: Python<'_>) -> PyResult<Py<PyList>> {
    let out = PyList::empty(py);
    for e in &tikapi_core::catalogue().endpoints {
        let d = PyDict::new(py);
        d.set_item("key", &e.key)?;
        d.set_item("method", e.method.as_str())?;
        d.set_item("path", &e.path)?;
        d.set_item("variant", e.variant.as_deref())?;
        d.set_item("hidden", e.hidden)?;
        d.set_item("deprecated", e.deprecated)?;
        d.set_item("in_official_sdk", e.in_official_sdk)?;
        d.set_item("in_docs", e.in_docs)?;
        d.set_item("paged", e.is_paged())?;
        d.set_item("positional", &e.positional)?;
        let params = PyList::empty(py);
        for p in &e.params {
            let pd = PyDict::new(py);
            pd.set_item("name", &p.key)?;
            pd.set_item("wire", &p.wire)?;
            pd.set_item("location", p.location.name())?;
            pd.set_item("type", p.ty.name())?;
            pd.set_item("required", p.required)?;
            pd.set_item("inherited", p.is_inherited())?;
            pd.set_item("secret", p.is_secret())?;
            pd.set_item("pattern", p.validate.as_ref().map(|r| r.as_str()))?;
            pd.set_item("max", p.max)?;
            pd.set_item("min", p.min)?;
            let opt = |v: &Option<tikapi_core::Value>| -> PyResult<Py<PyAny>> {
                v.as_ref().map_or(Ok(py.None()), |v| convert::to_py(py, v))
            };
            pd.set_item("default", opt(&p.default)?)?;
            pd.set_item("example", opt(&p.example)?)?;
            let allowed = match &p.allowed {
                Some(list) => {
                    let l = PyList::empty(py);
                    for v in list {
                        l.append(convert::to_py(py, v)?)?;
                    }
                    l.into_any().unbind()
                }
                None => py.None(),
            };
            pd.set_item("enum", allowed)?;
            params.append(pd)?;
        }
        d.set_item("params", params)?;
        out.append(d)?;
    }
    Ok(out.unbind())
}

/// What each category's constructor (and the root, `""`, `TikAPI(...)`)
/// takes by position: path -> names, from the catalogue.
#[pyfunction]
fn category_positional(py: Python<'_>) -> PyResult<Py<PyDict>> {
    let out = PyDict::new(py);
    for (path, names) in &tikapi_core::catalogue().category_positional {
        out.set_item(path, names)?;
    }
    Ok(out.unbind())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", tikapi_core::VERSION)?;
    m.add("DEFAULT_BASE", tikapi_core::catalogue::DEFAULT_BASE)?;
    m.add(
        "DEFAULT_SANDBOX_BASE",
        tikapi_core::catalogue::DEFAULT_SANDBOX_BASE,
    )?;
    m.add_function(wrap_pyfunction!(catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(category_positional, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::drain, m)?)?;
    oauth::register(m)?;
    m.add_function(wrap_pyfunction!(cli::cli_main, m)?)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<client::NativePages>()?;
    m.add_class::<response::NativeResponse>()?;
    Ok(())
}
