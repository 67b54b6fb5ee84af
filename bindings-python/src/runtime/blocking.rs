//! Blocking calls: the future polled with the GIL released, Ctrl-C still
//! handled on the main thread, a panic turned into an exception.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use pyo3::prelude::*;

use super::panic::panic_text;
use super::signals::{on_main_thread, MainWaiter, SIGNAL_TICK};
use crate::error;

/// A blocking call: `fut` on the thread's own runtime or as a task on the
/// shared one, as the core decides (`transport::run`), waited for as
/// [`wait_here`] says.
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let call = tikapi_core::transport::BlockingCall::start();
    if call.runs_here() {
        poll(py, fut, true)
    } else {
        poll(py, tikapi_core::transport::spawn(fut), false)
    }
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
    poll(py, fut, false)
}

/// Poll `fut` here: on the thread's own runtime (`own`), else on the shared
/// one (its connections are driven by the shared runtime's workers).
fn poll<F>(py: Python<'_>, fut: F, own: bool) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    fn drive<T: Future>(own: bool, fut: T) -> T::Output {
        if own {
            tikapi_core::transport::run_here(fut)
        } else {
            tikapi_core::transport::block_on(fut)
        }
    }
    let main = on_main_thread(py);
    let outcome = py.detach(|| {
        std::panic::catch_unwind(AssertUnwindSafe(|| {
            if !main {
                // Other threads never see signals: nothing to watch for.
                return Ok(drive(own, fut));
            }
            let _waiter = MainWaiter::enter();
            drive(own, async {
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
