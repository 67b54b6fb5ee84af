//! Running core futures from Python: blocking calls with the GIL released,
//! and awaitables on the core's own (fork-aware) tokio runtime.

use std::cell::OnceCell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;

use pyo3::prelude::*;
use pyo3_async_runtimes::generic::{ContextExt, Runtime};
use pyo3_async_runtimes::TaskLocals;

use crate::error;

/// Wait for `fut` on the core runtime with the GIL released. A panic is
/// caught here and becomes an `APIException`, never an unwind into Python.
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let outcome = py.detach(|| {
        std::panic::catch_unwind(AssertUnwindSafe(|| tikapi_core::transport::block_on(fut)))
    });
    outcome.map_err(|panic| error::internal(py, &panic_text(&panic)))
}

/// Turn a future into a Python awaitable. The result is converted to a
/// Python object with the GIL held, after the future completes.
pub fn awaitable<'py, F>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = Deferred> + Send + 'static,
{
    pyo3_async_runtimes::generic::future_into_py::<CoreRuntime, _, _>(py, async move {
        match tokio::spawn(fut).await {
            Ok(v) => Ok(v),
            Err(e) if e.is_panic() => {
                let text = panic_text(&e.into_panic());
                Ok(Deferred::new(move |py| Err(error::internal(py, &text))))
            }
            Err(_) => Ok(Deferred::new(|py| {
                Err(error::internal(py, "the call was cancelled"))
            })),
        }
    })
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    format!("internal error in tikapi: {what}")
}

type Finish = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

/// A finished call whose Python value is built once the GIL is held
/// (pyo3-async-runtimes converts results on a blocking thread, not on a
/// runtime worker).
pub struct Deferred(Finish);

impl Deferred {
    pub fn new(f: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send + 'static) -> Self {
        Deferred(Box::new(f))
    }
}

impl<'py> IntoPyObject<'py> for Deferred {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (self.0)(py).map(|o| o.into_bound(py))
    }
}

/// pyo3-async-runtimes over the core's runtime, so that async calls use the
/// same connection pool as sync ones and survive `fork()` the same way.
struct CoreRuntime;

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

impl Runtime for CoreRuntime {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = tokio::task::JoinHandle<()>;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        tikapi_core::transport::runtime().spawn(fut)
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        tikapi_core::transport::runtime().spawn_blocking(f)
    }
}

impl ContextExt for CoreRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS
            .try_with(|c| c.get().cloned())
            .unwrap_or_default()
    }
}
