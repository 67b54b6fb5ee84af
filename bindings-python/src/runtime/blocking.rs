//! Blocking calls: the future polled with the GIL released, Ctrl-C still
//! handled on the main thread, a panic turned into an exception.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use pyo3::prelude::*;

use super::panic::panic_text;
use super::signals::{on_main_thread, MainWaiter, SIGNAL_TICK};
use crate::error;

/// Run `fut` as a task on the core runtime (see `transport::run`: the
/// request and its connection stay on one worker) and wait for it, as
/// [`wait_here`]. Ctrl-C aborts the task.
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    wait_here(py, tikapi_core::transport::spawn(fut))
}

/// Poll `fut` on this thread (so callbacks it makes, such as a download's
/// progress, run on the caller's thread) with the GIL released. On the main
/// thread, pending signals are handled meanwhile, so Ctrl-C interrupts a long
/// call: the future is dropped (the request is abandoned) and
/// `KeyboardInterrupt` raised. A panic is caught here and becomes an
/// `APIException`, never an unwind into Python.
pub fn wait_here<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let main = on_main_thread(py);
    let outcome = py.detach(|| {
        std::panic::catch_unwind(AssertUnwindSafe(|| {
            if !main {
                // Other threads never see signals: nothing to watch for.
                return Ok(tikapi_core::transport::block_on(fut));
            }
            let _waiter = MainWaiter::enter();
            tikapi_core::transport::block_on(async {
                tokio::pin!(fut);
                loop {
                    tokio::select! {
                        out = &mut fut => return Ok(out),
                        _ = SIGNAL_TICK.notified() => {
                            Python::attach(|py| py.check_signals())?;
                        }
                    }
                }
            })
        }))
    });
    outcome.map_err(|panic| error::internal(py, &panic_text(&panic)))?
}
