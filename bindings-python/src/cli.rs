//! The `tikapi` command for `pip install`: the entry point `tikapi._cli:main`
//! calls this, which runs the command-line crate with the GIL released.

use pyo3::prelude::*;

/// Run `tikapi ARGS...` (`argv[0]` is the program name); returns the exit code.
#[pyfunction]
pub fn cli_main(py: Python<'_>, argv: Vec<String>) -> i32 {
    py.detach(|| tikapi_cli::run(argv))
}
