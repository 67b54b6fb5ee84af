//! `tikapi.testing.Sandbox`'s native half: the sandbox crate, running
//! in-process on a loopback port (its own thread and runtime), and its test
//! kit (`tikapi_sandbox::Control`). The kit's rules, cassettes and errors are
//! the crate's; this only passes text across.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use tikapi_sandbox::{Background, Config, Control};

#[pyclass(frozen, module = "tikapi._native", name = "Sandbox")]
pub struct NativeSandbox {
    url: String,
    control: Control,
    running: Mutex<Option<Background>>,
}

fn refused(e: String) -> PyErr {
    PyValueError::new_err(e)
}

#[pymethods]
impl NativeSandbox {
    /// Start serving on 127.0.0.1:`port` (0: a free port).
    #[new]
    #[pyo3(signature = (port = 0, seed = 0, latency_ms = 0, tls = false))]
    fn new(py: Python<'_>, port: u16, seed: u64, latency_ms: u64, tls: bool) -> PyResult<Self> {
        let config = Config {
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            seed,
            latency: Duration::from_millis(latency_ms),
            tls,
        };
        let background = py
            .detach(|| tikapi_sandbox::start_background(config))
            .map_err(|e| PyOSError::new_err(format!("sandbox: {e}")))?;
        Ok(NativeSandbox {
            url: background.url().to_owned(),
            control: background.control(),
            running: Mutex::new(Some(background)),
        })
    }

    #[getter]
    fn url(&self) -> String {
        self.url.clone()
    }

    /// Stop serving (waits for the server's thread); again is a no-op.
    fn close(&self, py: Python<'_>) {
        let taken = self.running.lock().ok().and_then(|mut r| r.take());
        py.detach(move || drop(taken));
    }

    /// Add a rule given as JSON text (`tikapi_sandbox::Rule::from_json`).
    fn script(&self, rule: &str) -> PyResult<()> {
        self.live()?;
        self.control.script_json(rule).map_err(refused)
    }

    /// The calls that arrived since the last reset, as JSON text.
    fn requests(&self) -> String {
        self.control.requests_json()
    }

    fn reset(&self) {
        self.control.reset();
    }

    fn record(&self, cassette: PathBuf, upstream: &str) -> PyResult<()> {
        self.live()?;
        self.control.record(&cassette, upstream).map_err(refused)
    }

    fn replay(&self, cassette: PathBuf) -> PyResult<()> {
        self.live()?;
        self.control.replay(&cassette).map_err(refused)
    }

    fn eject(&self) {
        self.control.eject();
    }

    fn misses(&self) -> Vec<String> {
        self.control.misses()
    }
}

impl NativeSandbox {
    fn live(&self) -> PyResult<()> {
        match self.running.lock() {
            Ok(r) if r.is_some() => Ok(()),
            _ => Err(PyRuntimeError::new_err("the sandbox is closed")),
        }
    }
}
