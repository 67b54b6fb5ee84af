//! The process's one tokio runtime, the runtimes of threads that make one
//! blocking call after another, and where a call runs.
//!
//! Async callers share one multi-thread runtime and one connection pool per
//! transport configuration (proxy, connect timeout, TLS policy). Blocking
//! calls ([`run`]) share them too, except one thread calling one call after
//! another, which moves to a current-thread runtime of its own, with its own
//! pools, and pays no hand-over between threads per call.
//! After `fork()` the child gets fresh runtimes and pools on first use: the
//! parent's threads and connections are not its own.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::future::Either;
use tokio::runtime::Runtime;

use crate::error::Result;
use crate::policy::Purpose;

/// What a pooled HTTP client is for: its transport settings. A connection
/// belongs to the runtime that opened it, so each runtime keeps its own.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PoolKey {
    pub proxy: Option<String>,
    pub connect_timeout: Duration,
    pub accept_invalid_certs: bool,
    pub purpose: Purpose,
}

struct Engine {
    pid: u32,
    runtime: Arc<Runtime>,
    pools: Mutex<HashMap<PoolKey, reqwest::Client>>,
    /// Per (origin, limit): the `max_connections` budget.
    limits: Mutex<HashMap<(String, u32), Arc<tokio::sync::Semaphore>>>,
}

/// This process's engine. Published once per process and never freed, so
/// the per-call path is one atomic load and no lock: a child forked while
/// another thread held a lock here could never take it again.
static ENGINE: AtomicPtr<Engine> = AtomicPtr::new(std::ptr::null_mut());

impl Engine {
    fn new(pid: u32) -> Engine {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("tikapi")
            .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8)))
            .build()
            .expect("the tokio runtime starts");
        Engine {
            pid,
            runtime: Arc::new(runtime),
            pools: Mutex::new(HashMap::new()),
            limits: Mutex::new(HashMap::new()),
        }
    }
}

fn engine() -> &'static Engine {
    let pid = std::process::id();
    loop {
        let current = ENGINE.load(Ordering::Acquire);
        // SAFETY: a published engine is leaked, never freed: the pointer
        // stays valid for the life of the process (and of forked children,
        // which inherit the memory but not the threads).
        if let Some(e) = unsafe { current.as_ref() } {
            if e.pid == pid {
                return e;
            }
        }
        // First call in this process, or the first since a fork (the old
        // runtime's threads are gone; it is left as it is, never dropped).
        let fresh = Box::into_raw(Box::new(Engine::new(pid)));
        match ENGINE.compare_exchange(current, fresh, Ordering::AcqRel, Ordering::Acquire) {
            // SAFETY: just published; never freed from now on.
            Ok(_) => return unsafe { &*fresh },
            Err(_) => {
                // Another thread published first. Ours was never shared; it
                // is left idle rather than dropped, since dropping a runtime
                // from inside an async context would panic. (Only a race of
                // first calls gets here.)
            }
        }
    }
}

/// The shared runtime.
pub fn runtime() -> Arc<Runtime> {
    engine().runtime.clone()
}

/// Run a future to completion on the shared runtime, polling it on this
/// thread, which must not be one of the runtime's workers. For a call, prefer
/// [`run`]: polled here, a request talks to its connection (a task on a
/// worker) across threads at every step.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    runtime().block_on(fut)
}

/// Run a blocking call: from a thread that is not in an async context (a
/// binding's blocking call, a test, a plain Rust program), wait for `fut`.
///
/// Where it runs is [`BlockingCall`]'s choice: as a task on the shared
/// runtime, or, for a thread that keeps calling one call at a time, on the
/// thread's own runtime ([`run_here`]). A panic in the future resumes here.
pub fn run<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    run_with(fut, |call| call)
}

/// The call as [`run_with`] hands it to its `wait`: the future itself (run
/// on this thread's own runtime) or the task it was spawned as.
pub type BlockingFuture<F> = Either<F, Spawned<<F as Future>::Output>>;

/// [`run`], with the future polled on this thread being `wait(call)`: a
/// binding wraps the call to do something on the caller's thread while it
/// waits (Python's main thread looks for Ctrl-C). The choice of where the
/// call runs stays here.
pub fn run_with<F, W, G>(fut: F, wait: W) -> G::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
    W: FnOnce(BlockingFuture<F>) -> G,
    G: Future,
{
    let call = BlockingCall::start();
    if call.runs_here() {
        run_here(wait(Either::Left(fut)))
    } else {
        block_on(wait(Either::Right(spawn(fut))))
    }
}

/// The blocking calls a thread makes on the shared runtime before its calls
/// may move to a runtime of its own (see [`BlockingCall`]).
pub const OWN_RUNTIME_AFTER: u32 = 16;

/// Blocking calls in flight in this process.
static BLOCKING_IN_FLIGHT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One blocking call, from its start to its end (drop), and where it runs.
///
/// A call runs on the calling thread's own current-thread runtime, with the
/// thread's own connections, when the thread has made [`OWN_RUNTIME_AFTER`]
/// blocking calls already and no other blocking call is in flight: an app
/// making one call after another. There no other thread takes part in a
/// call; handing it to a worker of the shared runtime and back costs two
/// thread wake-ups, measured at ~13 % of a loopback call (BENCHMARKS.md).
/// Otherwise it runs as a task on the shared runtime with the shared pools:
/// a thread that makes a call or two (a web server's thread per request)
/// reuses warm connections (on a real network a new TLS connection costs far
/// more than the hand-over), and many threads calling at once are served
/// better by the runtime's workers than by a runtime each (measured: 25 %
/// fewer calls per second with 64 threads on their own runtimes).
pub struct BlockingCall {
    here: bool,
}

impl BlockingCall {
    /// Count a blocking call as started, and choose where it runs.
    pub fn start() -> BlockingCall {
        let others = BLOCKING_IN_FLIGHT.fetch_add(1, Ordering::AcqRel);
        let made = BLOCKING_CALLS.with(|n| {
            let made = n.get();
            n.set(made.saturating_add(1));
            made
        });
        BlockingCall {
            here: others == 0 && made >= OWN_RUNTIME_AFTER,
        }
    }

    /// `true`: run it with [`run_here`]; `false`: as a task ([`spawn`]).
    pub fn runs_here(&self) -> bool {
        self.here
    }
}

impl Drop for BlockingCall {
    fn drop(&mut self) {
        BLOCKING_IN_FLIGHT.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Run a future to completion on this thread's own current-thread runtime,
/// with the thread's own connection pools, from a thread that is not in an
/// async context. Connections opened here are reused by later calls of the
/// same thread; between calls they are idle and not polled.
pub fn run_here<F: Future>(fut: F) -> F::Output {
    LOCAL.with(|cell| {
        let pid = std::process::id();
        let mut slot = cell.borrow_mut();
        if !slot.as_ref().is_some_and(|l| l.pid == pid) {
            // First blocking call of this thread, or the first since a fork:
            // the parent's runtime and connections are not this process's.
            // They are left as they are (dropping them could touch what the
            // parent still uses), never dropped.
            if let Some(stale) = slot.take() {
                std::mem::forget(stale);
            }
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("the tokio runtime starts");
            *slot = Some(Local {
                pid,
                runtime: std::rc::Rc::new(runtime),
                pools: HashMap::new(),
            });
        }
        // Only `Runtime::block_on` drives a current-thread runtime's I/O and
        // timers (a `Handle` would wait forever). The cell is not borrowed
        // meanwhile: the call takes its clients from it.
        let runtime = slot.as_ref().map(|l| l.runtime.clone());
        drop(slot);
        let runtime = runtime.expect("made above");
        let _inside = InLocal::enter();
        runtime.block_on(async {
            // The thread's connections are not polled between its calls. A
            // server may have closed an idle one meanwhile: let them see that
            // first, so the call does not go out on a closed connection.
            settle().await;
            let out = fut.await;
            // And let them react to how the call ended: a request abandoned
            // mid-way (its future dropped, say on Ctrl-C) woke its
            // connection, which now closes instead of waiting for the next
            // call.
            settle().await;
            out
        })
    })
}

/// Give the current-thread runtime's I/O driver a turn and its woken tasks
/// (the connections) a run: `yield_now` defers the caller until the driver
/// has been polled; the second yield lets the tasks it woke run.
async fn settle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// A thread's own runtime and pools, for [`run_here`].
struct Local {
    pid: u32,
    runtime: std::rc::Rc<Runtime>,
    pools: HashMap<PoolKey, reqwest::Client>,
}

thread_local! {
    static LOCAL: std::cell::RefCell<Option<Local>> = const { std::cell::RefCell::new(None) };
    /// While [`run_here`] polls on this thread: clients come from its own pools
    /// (a connection belongs to the runtime that opened it).
    static IN_LOCAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Blocking calls this thread has made, for [`BlockingCall`].
    static BLOCKING_CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

struct InLocal(bool);

impl InLocal {
    fn enter() -> InLocal {
        InLocal(IN_LOCAL.with(|c| c.replace(true)))
    }
}

impl Drop for InLocal {
    fn drop(&mut self) {
        IN_LOCAL.with(|c| c.set(self.0));
    }
}

/// Run a future as a task on the shared runtime and wait for it from any
/// async context. Dropping the returned future aborts the task (so a caller
/// that gives up, say on Ctrl-C, also ends the request). A panic in the
/// task resumes here.
pub fn spawn<F>(fut: F) -> Spawned<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Spawned(runtime().spawn(fut))
}

/// A task on the shared runtime, awaited: see [`spawn`].
pub struct Spawned<T>(tokio::task::JoinHandle<T>);

impl<T> Future for Spawned<T> {
    type Output = T;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<T> {
        match std::pin::Pin::new(&mut self.0).poll(cx) {
            std::task::Poll::Pending => std::task::Poll::Pending,
            std::task::Poll::Ready(Ok(v)) => std::task::Poll::Ready(v),
            std::task::Poll::Ready(Err(e)) if e.is_panic() => {
                std::panic::resume_unwind(e.into_panic())
            }
            std::task::Poll::Ready(Err(_)) => panic!("the tikapi runtime shut down"),
        }
    }
}

impl<T> Drop for Spawned<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The pooled client for `key` on the runtime this call runs on, made with
/// `build` the first time.
pub(crate) fn pooled(
    key: PoolKey,
    build: impl FnOnce(&PoolKey) -> Result<reqwest::Client>,
) -> Result<reqwest::Client> {
    if IN_LOCAL.with(|c| c.get()) {
        // Polled by `run_here` on this thread: this thread's own pools.
        let found = LOCAL.with(|cell| {
            cell.borrow()
                .as_ref()
                .and_then(|l| l.pools.get(&key).cloned())
        });
        if let Some(c) = found {
            return Ok(c);
        }
        let client = build(&key)?;
        LOCAL.with(|cell| {
            if let Some(l) = cell.borrow_mut().as_mut() {
                l.pools.insert(key, client.clone());
            }
        });
        return Ok(client);
    }
    let engine = engine();
    let mut pools = engine.pools.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = pools.get(&key) {
        return Ok(c.clone());
    }
    let client = build(&key)?;
    pools.insert(key, client.clone());
    Ok(client)
}

/// The process's `max_connections` budget for (origin, limit).
pub(crate) fn connection_budget(origin: &str, limit: u32) -> Arc<tokio::sync::Semaphore> {
    let mut limits = engine().limits.lock().unwrap_or_else(|e| e.into_inner());
    limits
        .entry((origin.to_owned(), limit))
        .or_insert_with(|| Arc::new(tokio::sync::Semaphore::new(limit as usize)))
        .clone()
}
