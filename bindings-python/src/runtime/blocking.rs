//! Blocking calls: the future polled with the GIL released, Ctrl-C still
//! handled on the main thread, a panic turned into an exception.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use pyo3::prelude::*;

use super::panic::panic_text;
use super::signals::{on_main_thread, MainWaiter, SIGNAL_TICK};
use crate::error;

/// Run `fut` on this thread, as [`wait_here`].
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    wait_here(py, fut)
}

/// Poll `fut` on this thread with the GIL released, on the thread's own
/// runtime (`transport::run`: the request and its connection are polled here,
/// no other thread takes part; callbacks it makes, such as a download's
/// progress, run on the caller's thread). On the main
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
                return Ok(tikapi_core::transport::run(fut));
            }
            let _waiter = MainWaiter::enter();
            tikapi_core::transport::run(async {
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
