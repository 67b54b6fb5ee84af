//! The exit drain: the interpreter must not finalize while a runtime thread
//! holds the GIL.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use pyo3::prelude::*;

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
