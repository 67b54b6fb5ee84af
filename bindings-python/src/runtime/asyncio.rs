//! Awaitables: a call runs on the core's runtime and completes an asyncio
//! future of the running loop, on the loop's own thread.

use std::cell::RefCell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::FutureExt;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

#[cfg(not(unix))]
use super::exit::attach_from_runtime;
use super::panic::panic_text;
use crate::error;

/// Turn a future into a Python awaitable: an asyncio future of the running
/// loop, completed on the loop's own thread (see [`Bridge`]). Cancelling it
/// aborts the call.
pub fn awaitable<'py, F>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = Deferred> + Send + 'static,
{
    let bridge = Bridge::for_running_loop(py)?;
    let future = bridge
        .event_loop
        .bind(py)
        .call_method0(intern!(py, "create_future"))?;
    let target = future.clone().unbind();
    let shared = bridge.shared.clone();
    let task = tikapi_core::runtime::runtime().spawn(async move {
        let deferred = match AssertUnwindSafe(fut).catch_unwind().await {
            Ok(d) => d,
            Err(panic) => {
                let text = panic_text(&panic);
                Deferred::new(move |py| Err(error::internal(py, &text)))
            }
        };
        shared.complete(target, deferred);
    });
    future.call_method1(
        intern!(py, "add_done_callback"),
        (Abort(task.abort_handle()),),
    )?;
    Ok(future)
}

/// The running loop, for runtime threads to run Python on its thread (see
/// [`LoopHandle::post`]). Must be called on the loop's thread.
pub fn running_loop(py: Python<'_>) -> PyResult<LoopHandle> {
    Ok(LoopHandle(Bridge::for_running_loop(py)?.shared.clone()))
}

/// A running loop, as runtime threads reach it.
#[derive(Clone)]
pub struct LoopHandle(Arc<Shared>);

impl LoopHandle {
    /// Run `job` on the loop's thread, in order with the calls it finishes
    /// (a job posted before a call's end runs before its awaiter resumes).
    /// A job the loop never runs (it was closed) is dropped.
    pub fn post(&self, job: impl FnOnce(Python<'_>) + Send + 'static) {
        self.0.push(Job::Run(Box::new(job)));
    }
}

/// Aborts a call's task when its asyncio future is done: a no-op if the task
/// completed it, the end of the request if the future was cancelled.
#[pyclass(frozen, module = "tikapi._native")]
struct Abort(tokio::task::AbortHandle);

#[pymethods]
impl Abort {
    fn __call__(&self, _future: &Bound<'_, PyAny>) {
        self.0.abort();
    }
}

type Finish = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

/// A finished call whose Python value is built once the GIL is held, on the
/// thread that will use it.
pub struct Deferred(Finish);

impl Deferred {
    pub fn new(f: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send + 'static) -> Self {
        Deferred(Box::new(f))
    }
}

/// Where finished async calls wait for their event loop.
///
/// Runtime threads never take the GIL to finish an awaited call: they push
/// it onto this queue and, only when the queue was empty, write one byte to
/// a socket the loop watches (`loop.add_reader`). The loop's thread then
/// finishes every queued call in one go. At 64 calls in flight this is one
/// wake-up for a whole batch, where a `call_soon_threadsafe` per call cost a
/// GIL hand-over and a loop wake-up each.
struct Shared {
    queue: Arc<Queue>,
    /// Closed when the last sender (the thread's cache, a running call) is
    /// gone: the loop then sees end-of-file and stops watching.
    wake: Wake,
}

/// What the loop's thread does for a runtime thread: complete an awaited
/// call's future, or run a piece of Python (an observer's hook, see
/// [`LoopHandle::post`]).
enum Job {
    Complete(Py<PyAny>, Deferred),
    Run(Box<dyn FnOnce(Python<'_>) + Send>),
}

/// Finished calls waiting for the loop. Owned by both sides, so that calls
/// queued by the last sender are still finished after it is gone.
struct Queue {
    items: Mutex<Vec<Job>>,
    /// A wake-up is on its way (a byte written and not yet read).
    signalled: AtomicBool,
}

#[cfg(unix)]
struct Wake(std::os::unix::net::UnixStream);

/// Without `add_reader` (Windows' proactor loop), the loop is woken with
/// `call_soon_threadsafe(drainer)`.
#[cfg(not(unix))]
struct Wake(Py<PyAny>);

impl Shared {
    fn complete(self: &Arc<Self>, future: Py<PyAny>, deferred: Deferred) {
        self.push(Job::Complete(future, deferred));
    }

    fn push(self: &Arc<Self>, job: Job) {
        self.queue
            .items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(job);
        if !self.queue.signalled.swap(true, Ordering::AcqRel) {
            self.wake();
        }
    }

    #[cfg(unix)]
    fn wake(self: &Arc<Self>) {
        use std::io::Write;
        // One byte per batch: the socket cannot be full.
        let _ = (&self.wake.0).write(&[1]);
    }

    #[cfg(not(unix))]
    fn wake(self: &Arc<Self>) {
        attach_from_runtime(|py| {
            let drainer = Drainer {
                queue: self.queue.clone(),
                event_loop: self.wake.0.clone_ref(py),
            };
            let _ = self
                .wake
                .0
                .call_method1(py, "call_soon_threadsafe", (drainer,));
        });
    }
}

/// The loop side of a [`Shared`] queue, registered as its reader.
#[pyclass(frozen, module = "tikapi._native")]
struct Drainer {
    queue: Arc<Queue>,
    #[cfg(unix)]
    read: std::os::unix::net::UnixStream,
    event_loop: Py<PyAny>,
}

#[pymethods]
impl Drainer {
    fn __call__(&self, py: Python<'_>) {
        #[cfg(unix)]
        {
            use std::io::Read;
            let mut buf = [0u8; 64];
            loop {
                match (&self.read).read(&mut buf) {
                    Ok(0) => {
                        // Every sender is gone (a newer bridge replaced this
                        // one and its calls have finished): stop watching.
                        use std::os::fd::AsRawFd;
                        let _ = self.event_loop.call_method1(
                            py,
                            "remove_reader",
                            (self.read.as_raw_fd(),),
                        );
                        break;
                    }
                    Ok(_) => continue,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
        }
        self.queue.signalled.store(false, Ordering::Release);
        let batch =
            std::mem::take(&mut *self.queue.items.lock().unwrap_or_else(|e| e.into_inner()));
        for job in batch {
            let (future, Deferred(finish)) = match job {
                Job::Complete(future, deferred) => (future, deferred),
                Job::Run(run) => {
                    // A panic stays in the job: the rest of the batch runs.
                    if let Err(panic) = std::panic::catch_unwind(AssertUnwindSafe(|| run(py))) {
                        error::internal(py, &panic_text(&panic)).write_unraisable(py, None);
                    }
                    continue;
                }
            };
            let future = future.bind(py);
            // Cancelled meanwhile: nobody waits for the value.
            if future
                .call_method0(intern!(py, "done"))
                .and_then(|d| d.is_truthy())
                .unwrap_or(true)
            {
                continue;
            }
            let outcome = match finish(py) {
                Ok(value) => future.call_method1(intern!(py, "set_result"), (value,)),
                Err(e) => future.call_method1(intern!(py, "set_exception"), (e.into_value(py),)),
            };
            if let Err(e) = outcome {
                e.write_unraisable(py, Some(future));
            }
        }
    }
}

/// The running loop's [`Shared`] queue, made on first use per loop and thread.
struct Bridge {
    event_loop: Py<PyAny>,
    shared: Arc<Shared>,
    pid: u32,
}

thread_local! {
    /// This thread's last event loop and its bridge. A loop runs on one
    /// thread; a thread runs one loop at a time.
    static BRIDGE: RefCell<Option<Rc<Bridge>>> = const { RefCell::new(None) };
}

impl Bridge {
    fn for_running_loop(py: Python<'_>) -> PyResult<Rc<Bridge>> {
        static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let running = GET_RUNNING_LOOP
            .import(py, "asyncio", "get_running_loop")?
            .call0()?;
        let pid = std::process::id();
        let cached = BRIDGE.with(|b| b.borrow().clone());
        if let Some(bridge) = cached {
            if bridge.pid == pid && bridge.event_loop.bind(py).is(&running) {
                return Ok(bridge);
            }
        }
        let bridge = Rc::new(Bridge::new(py, running)?);
        // The old bridge (if any) is dropped with the GIL held.
        let old = BRIDGE.with(|b| b.borrow_mut().replace(bridge.clone()));
        drop(old);
        Ok(bridge)
    }

    #[cfg(unix)]
    fn new(py: Python<'_>, event_loop: Bound<'_, PyAny>) -> PyResult<Bridge> {
        use std::os::fd::AsRawFd;
        let (read, write) = std::os::unix::net::UnixStream::pair()
            .and_then(|(r, w)| {
                r.set_nonblocking(true)?;
                w.set_nonblocking(true)?;
                Ok((r, w))
            })
            .map_err(|e| {
                error::internal(
                    py,
                    &format!("internal error in tikapi: no wake-up socket: {e}"),
                )
            })?;
        let fd = read.as_raw_fd();
        let queue = Arc::new(Queue {
            items: Mutex::new(Vec::new()),
            signalled: AtomicBool::new(false),
        });
        let shared = Arc::new(Shared {
            queue: queue.clone(),
            wake: Wake(write),
        });
        let drainer = Drainer {
            queue,
            read,
            event_loop: event_loop.clone().unbind(),
        };
        event_loop.call_method1("add_reader", (fd, drainer))?;
        Ok(Bridge {
            event_loop: event_loop.unbind(),
            shared,
            pid: std::process::id(),
        })
    }

    #[cfg(not(unix))]
    fn new(_py: Python<'_>, event_loop: Bound<'_, PyAny>) -> PyResult<Bridge> {
        let event_loop = event_loop.unbind();
        let shared = Arc::new(Shared {
            queue: Arc::new(Queue {
                items: Mutex::new(Vec::new()),
                signalled: AtomicBool::new(false),
            }),
            wake: Wake(event_loop.clone_ref(_py)),
        });
        Ok(Bridge {
            event_loop,
            shared,
            pid: std::process::id(),
        })
    }
}
