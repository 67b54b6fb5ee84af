//! Running core futures from Python: blocking calls with the GIL released,
//! and awaitables on the core's own (fork-aware) tokio runtime.

use std::cell::RefCell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use futures_util::FutureExt;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tokio::sync::Notify;

use crate::error;

/// How often a blocking call looks for a pending signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Blocking calls on Python's main thread, which alone sees signals.
static MAIN_WAITERS: AtomicUsize = AtomicUsize::new(0);
/// Woken every [`SIGNAL_CHECK`] by the ticker thread while a main-thread call waits.
static SIGNAL_TICK: Notify = Notify::const_new();
/// The process whose ticker thread runs (a forked child has none until it starts its own).
static TICKER_PID: AtomicU32 = AtomicU32::new(0);

/// A thread that wakes main-thread waiters now and then to look for a
/// pending signal. A tokio timer in every call would cost a millisecond of
/// latency (timer resolution in `block_on`); a `Notify` costs nothing.
fn start_ticker() {
    let pid = std::process::id();
    let seen = TICKER_PID.load(Ordering::Acquire);
    if seen == pid
        || TICKER_PID
            .compare_exchange(seen, pid, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
    {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("tikapi-signal-tick".into())
        .spawn(move || loop {
            std::thread::sleep(SIGNAL_CHECK);
            if TICKER_PID.load(Ordering::Acquire) != pid {
                return;
            }
            if MAIN_WAITERS.load(Ordering::Acquire) > 0 {
                SIGNAL_TICK.notify_waiters();
            }
        });
}

fn on_main_thread(py: Python<'_>) -> bool {
    // threading.main_thread() is threading.current_thread(): compare thread
    // idents, the main one looked up once.
    static MAIN_IDENT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let main = MAIN_IDENT.get_or_init(|| {
        py.import("threading")
            .and_then(|t| t.call_method0("main_thread"))
            .and_then(|m| m.getattr("ident"))
            .and_then(|i| i.extract::<u64>())
            .ok()
    });
    // What threading.get_ident() returns, without a Python call per call.
    // SAFETY: a plain query of the calling thread, valid with the GIL held.
    let current = unsafe { pyo3::ffi::PyThread_get_thread_ident() } as u64;
    *main == Some(current)
}

struct MainWaiter;

impl MainWaiter {
    fn enter() -> MainWaiter {
        start_ticker();
        MAIN_WAITERS.fetch_add(1, Ordering::AcqRel);
        MainWaiter
    }
}

impl Drop for MainWaiter {
    fn drop(&mut self) {
        MAIN_WAITERS.fetch_sub(1, Ordering::AcqRel);
    }
}

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
    let task = tikapi_core::transport::runtime().spawn(async move {
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

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    format!("internal error in tikapi: {what}")
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

/// Finished calls waiting for the loop. Owned by both sides, so that calls
/// queued by the last sender are still finished after it is gone.
struct Queue {
    items: Mutex<Vec<(Py<PyAny>, Deferred)>>,
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
        self.queue
            .items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((future, deferred));
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
        for (future, Deferred(finish)) in batch {
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

/// Runtime threads that hold, or are about to take, the GIL (the progress
/// callback of an awaited download; awaited calls themselves are finished on
/// their loop's thread).
///
/// A thread that is not Python's own and takes the GIL after the interpreter
/// has begun to finalize is killed mid-call (a crash at exit). An `atexit`
/// hook (`drain`) therefore waits, with the GIL released, until none is
/// left; the interpreter only starts to finalize after `atexit` hooks.
///
/// Counted per process: a child forked while the parent had some counts
/// none of its own (those threads do not exist in the child), so it starts
/// again from zero rather than waiting for them at exit.
static ACTIVE: Mutex<ActiveCount> = Mutex::new(ActiveCount { pid: 0, n: 0 });
static IDLE: Condvar = Condvar::new();

struct ActiveCount {
    pid: u32,
    n: usize,
}

impl ActiveCount {
    /// This process's count.
    fn here(&mut self) -> &mut usize {
        let pid = std::process::id();
        if self.pid != pid {
            self.pid = pid;
            self.n = 0;
        }
        &mut self.n
    }
}

/// One runtime thread's use of Python, from before it is scheduled until it
/// has let go of the GIL.
pub struct Active(());

impl Active {
    pub fn enter() -> Active {
        *ACTIVE.lock().unwrap_or_else(|e| e.into_inner()).here() += 1;
        Active(())
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        let mut active = ACTIVE.lock().unwrap_or_else(|e| e.into_inner());
        let n = active.here();
        *n = n.saturating_sub(1);
        if *n == 0 {
            IDLE.notify_all();
        }
    }
}

/// Take the GIL from a runtime thread (not a Python thread), counted in [`ACTIVE`].
pub fn attach_from_runtime<R>(f: impl FnOnce(Python<'_>) -> R) -> R {
    let _active = Active::enter();
    Python::attach(f)
}

/// Wait until no runtime thread uses Python, for at most `timeout`
/// (registered with `atexit` by the package). Returns whether all finished.
#[pyfunction]
pub fn drain(py: Python<'_>, timeout: f64) -> bool {
    let limit = Duration::from_secs_f64(timeout.clamp(0.0, 3600.0));
    py.detach(|| {
        let active = ACTIVE.lock().unwrap_or_else(|e| e.into_inner());
        let (mut active, _) = IDLE
            .wait_timeout_while(active, limit, |a| *a.here() > 0)
            .unwrap_or_else(|e| e.into_inner());
        *active.here() == 0
    })
}
