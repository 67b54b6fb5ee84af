//! Running core futures from Python: blocking calls with the GIL released,
//! and awaitables on the core's own (fork-aware) tokio runtime.

use std::cell::OnceCell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3_async_runtimes::generic::{ContextExt, Runtime};
use pyo3_async_runtimes::TaskLocals;
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
    // threading.main_thread() is threading.current_thread(), without imports
    // on the hot path: compare thread idents.
    static MAIN_IDENT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let main = MAIN_IDENT.get_or_init(|| {
        py.import("threading")
            .and_then(|t| t.call_method0("main_thread"))
            .and_then(|m| m.getattr("ident"))
            .and_then(|i| i.extract::<u64>())
            .ok()
    });
    let current = py
        .import("threading")
        .and_then(|t| t.call_method0("get_ident"))
        .and_then(|i| i.extract::<u64>())
        .ok();
    main.is_some() && *main == current
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

/// Wait for `fut` on the core runtime with the GIL released. On the main
/// thread, pending signals are handled meanwhile, so Ctrl-C interrupts a long
/// call: the future is dropped (the request is abandoned) and
/// `KeyboardInterrupt` raised. A panic is caught here and becomes an
/// `APIException`, never an unwind into Python.
pub fn wait<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
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

/// Turn a future into a Python awaitable. The result is converted to a
/// Python object with the GIL held, after the future completes.
pub fn awaitable<'py, F>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = Deferred> + Send + 'static,
{
    let event_loop = pyo3_async_runtimes::get_running_loop(py)?.unbind();
    pyo3_async_runtimes::generic::future_into_py::<CoreRuntime, _, _>(py, async move {
        let deferred = match tokio::spawn(fut).await {
            Ok(v) => v,
            Err(e) if e.is_panic() => {
                let text = panic_text(&e.into_panic());
                Deferred::new(move |py| Err(error::internal(py, &text)))
            }
            Err(_) => Deferred::new(|py| Err(error::internal(py, "the call was cancelled"))),
        };
        Ok(deferred.for_loop(event_loop))
    })
}

thread_local! {
    /// While a [`Deferred`] is turned into a Python value on a runtime
    /// thread: the event loop its awaitable belongs to.
    static EVENT_LOOP: std::cell::RefCell<Option<Py<PyAny>>> =
        const { std::cell::RefCell::new(None) };
}

/// Call `f(*args)` on the Python thread of the call being finished: directly
/// for a blocking call; for an awaited one (finished on a runtime thread),
/// scheduled on its event loop. Python code run on a thread Python did not
/// start (`logging` asking `threading.current_thread()`) would register a
/// "Dummy" thread that `threading` never forgets.
pub fn call_on_caller_thread<'py>(
    py: Python<'py>,
    f: &Bound<'py, PyAny>,
    args: Bound<'py, pyo3::types::PyTuple>,
) -> PyResult<()> {
    let event_loop = EVENT_LOOP.with(|l| l.borrow().as_ref().map(|l| l.clone_ref(py)));
    match event_loop {
        None => f.call1(args).map(drop),
        Some(l) => {
            let mut all = vec![f.clone()];
            all.extend(args.iter());
            let all = pyo3::types::PyTuple::new(py, all)?;
            l.bind(py)
                .call_method1("call_soon_threadsafe", all)
                .map(drop)
        }
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

/// A finished call whose Python value is built once the GIL is held
/// (pyo3-async-runtimes converts results on a blocking thread, not on a
/// runtime worker).
pub struct Deferred(Finish, Option<Py<PyAny>>);

impl Deferred {
    pub fn new(f: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send + 'static) -> Self {
        Deferred(Box::new(f), None)
    }

    fn for_loop(mut self, event_loop: Py<PyAny>) -> Self {
        self.1 = Some(event_loop);
        self
    }
}

impl<'py> IntoPyObject<'py> for Deferred {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Deferred(finish, event_loop) = self;
        let previous = EVENT_LOOP.with(|l| l.replace(event_loop));
        let out = finish(py);
        // Dropped with the GIL held.
        drop(EVENT_LOOP.with(|l| l.replace(previous)));
        out.map(|o| o.into_bound(py))
    }
}

/// Runtime threads that hold, or are about to take, the GIL.
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

    /// pyo3-async-runtimes hands results to the event loop from here, with
    /// the GIL taken on a runtime thread: counted, so that exit waits for it.
    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        let active = Active::enter();
        tikapi_core::transport::runtime().spawn_blocking(move || {
            f();
            drop(active);
        })
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
