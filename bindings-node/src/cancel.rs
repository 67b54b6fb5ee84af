//! Cancelling a call from JavaScript (an `AbortSignal` fires `cancel()`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use napi_derive::napi;
use tokio::sync::Notify;

#[derive(Default)]
struct Flag {
    set: AtomicBool,
    notify: Notify,
}

/// A one-shot cancellation switch shared between JS and a running call.
#[napi]
#[derive(Clone, Default)]
pub struct CancelHandle {
    flag: Arc<Flag>,
}

#[napi]
impl CancelHandle {
    #[napi(constructor)]
    pub fn new() -> Self {
        CancelHandle::default()
    }

    /// Stop the call this handle was given to; the call settles as cancelled.
    #[napi]
    pub fn cancel(&self) {
        self.flag.set.store(true, Ordering::SeqCst);
        self.flag.notify.notify_waiters();
    }

    #[napi(getter)]
    pub fn cancelled(&self) -> bool {
        self.flag.set.load(Ordering::SeqCst)
    }
}

impl CancelHandle {
    /// Resolves once `cancel()` has been called.
    pub(crate) async fn wait(&self) {
        loop {
            let notified = self.flag.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.flag.set.load(Ordering::SeqCst) {
                return;
            }
            notified.await;
        }
    }
}
