//! `tikapi._native`: the glue between the Python package `tikapi` and
//! `tikapi-core`. It converts values and errors; all behaviour is the core's.

use pyo3::prelude::*;
use pyo3::types::PyDict;

mod cli;
mod client;
mod convert;
mod error;
mod json;
mod oauth;
mod observe;
mod response;
mod runtime;
mod sandbox;

/// The core's export of the catalogue, as JSON text: `endpoints` (every
/// form, with its parameters) and the `categories` tree. The Python surface
/// and the generated type stubs are built from it.
#[pyfunction]
fn catalogue() -> String {
    tikapi_core::catalogue::export_json()
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
    m.add_class::<sandbox::NativeSandbox>()?;
    Ok(())
}
