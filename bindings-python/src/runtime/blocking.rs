//! Blocking calls: the future polled with the GIL released, Ctrl-C still
//! handled on the main thread, a panic turned into an exception.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use pyo3::prelude::*;

use super::panic::panic_text;
use super::signals::{on_main_thread, MainWaiter, SIGNAL_TICK};
use crate::error;

/// A blocking call: `fut` where the core runs it (`runtime::run_with`:
/// the thread's own runtime or a task on the shared one), waited for as
/// [`wait_here`] says.
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let main = on_main_thread(py);
    detached(py, move || {
        tikapi_core::runtime::run_with(fut, |call| watch_signals(main, call))
    })
}

/// A piece of Python that a call's task sends to the thread waiting for the
/// call (an observer's hook, see [`wait_serving`]).
pub type Job = Box<dyn FnOnce(Python<'_>) + Send>;

/// [`wait`], running meanwhile on this thread the `jobs` the call sends
/// (when the call runs as a task on the shared runtime; on the thread's own
/// runtime it is polled here and needs none). Jobs sent before the call
/// ended all run before this returns.
pub fn wait_serving<F>(
    py: Python<'_>,
    fut: F,
    jobs: tokio::sync::mpsc::UnboundedReceiver<Job>,
) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let main = on_main_thread(py);
    detached(py, move || {
        tikapi_core::runtime::run_with(fut, |call| serve(jobs, watch_signals(main, call)))
    })
}

/// `call`, with the `jobs` that arrive meanwhile run here (the GIL taken
/// for each), and those left when it ends.
async fn serve<T: Future>(
    mut jobs: tokio::sync::mpsc::UnboundedReceiver<Job>,
    call: T,
) -> T::Output {
    tokio::pin!(call);
    let out = loop {
        tokio::select! {
            biased;
            Some(job) = jobs.recv() => Python::attach(job),
            out = &mut call => break out,
        }
    };
    while let Ok(job) = jobs.try_recv() {
        Python::attach(job);
    }
    out
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
    detached(py, move || {
        tikapi_core::runtime::block_on(watch_signals(main, fut))
    })
}

/// Run `wait` with the GIL released, a panic turned into an exception.
fn detached<T: Send>(py: Python<'_>, wait: impl FnOnce() -> PyResult<T> + Send) -> PyResult<T> {
    let outcome = py.detach(|| std::panic::catch_unwind(AssertUnwindSafe(wait)));
    outcome.map_err(|panic| error::internal(py, &panic_text(&panic)))?
}

/// `fut`, and on the main thread, which alone sees signals, Python's signal
/// handlers run whenever the ticker wakes it: a `KeyboardInterrupt` drops
/// `fut` and is returned.
async fn watch_signals<T: Future>(main: bool, fut: T) -> PyResult<T::Output> {
    if !main {
        return Ok(fut.await);
    }
    let _waiter = MainWaiter::enter();
    tokio::pin!(fut);
    loop {
        tokio::select! {
            out = &mut fut => return Ok(out),
            _ = SIGNAL_TICK.notified() => {
                Python::attach(|py| py.check_signals())?;
            }
        }
    }
}
