//! Ctrl-C during a blocking call: only Python's main thread sees signals, so
//! a main-thread waiter is woken now and then to let Python handle them.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

use pyo3::prelude::*;
use tokio::sync::Notify;

/// How often a blocking call looks for a pending signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Blocking calls on Python's main thread, which alone sees signals.
static MAIN_WAITERS: AtomicUsize = AtomicUsize::new(0);
/// Woken every [`SIGNAL_CHECK`] by the ticker thread while a main-thread call waits.
pub(super) static SIGNAL_TICK: Notify = Notify::const_new();
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

pub(super) fn on_main_thread(py: Python<'_>) -> bool {
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

/// A blocking call waiting on the main thread, counted while it lasts.
pub(super) struct MainWaiter;

impl MainWaiter {
    pub(super) fn enter() -> MainWaiter {
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
