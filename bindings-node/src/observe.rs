//! The app's observability tools, seen from the core: a [`NodeObserver`]
//! built from the JS face's `{ start(attempt), finish(finished) }` (see
//! `js/observe.cjs`) for one call. The core tells it about each request it
//! sends (`tikapi_core::observe`); both functions run on the JS thread
//! through thread-safe functions that never keep the process alive (weak),
//! and are released when the call is over.
//!
//! Nothing the JS side does can break a call: a throw, or a `start` that
//! returns something other than `[name, value]` pairs, adds no header; a
//! pair that is not a valid header is left out. [`run`] waits until JS has
//! been told every request's end before the call's result is handed back,
//! so an app that awaits the call finds its spans ended.

use std::future::Future;
use std::sync::{Arc, Mutex};

use napi::bindgen_prelude::{Function, JsObjectValue, Object};
use napi::threadsafe_function::{
    ThreadsafeFunction, ThreadsafeFunctionCallMode, UnknownReturnValue,
};
use serde_json::Value as Json;
use tikapi_core::observe::{self, Attempt, Finished, Headers, Observer, StartFuture};
use tokio::sync::oneshot;

/// `start(attempt)`: returns `[name, value]` header pairs.
type StartFn = ThreadsafeFunction<Json, Vec<Vec<String>>, Json, napi::Status, false, true>;
/// `finish(finished)`: its value is not used.
type FinishFn = ThreadsafeFunction<Json, UnknownReturnValue, Json, napi::Status, false, true>;

/// The JS face's observer of one call, callable from the runtime's threads.
pub(crate) struct NodeObserver {
    start: Arc<StartFn>,
    finish: FinishFn,
    /// One receiver per `finish` not yet run by JS.
    pending: Mutex<Vec<oneshot::Receiver<()>>>,
}

/// The observer of `given` (`{ start, finish }`), none when not given.
pub(crate) fn from_js(given: Option<Object<'_>>) -> napi::Result<Option<Arc<NodeObserver>>> {
    let Some(o) = given else { return Ok(None) };
    let start: Function<'_, Json, Vec<Vec<String>>> = o.get_named_property("start")?;
    let finish: Function<'_, Json, UnknownReturnValue> = o.get_named_property("finish")?;
    Ok(Some(Arc::new(NodeObserver {
        start: Arc::new(
            start
                .build_threadsafe_function()
                .callee_handled::<false>()
                .weak::<true>()
                .build()?,
        ),
        finish: finish
            .build_threadsafe_function()
            .callee_handled::<false>()
            .weak::<true>()
            .build()?,
        pending: Mutex::new(Vec::new()),
    })))
}

/// Run `call` observed by `observer` (if any); its result comes once JS has
/// been told how each of its requests ended.
pub(crate) async fn run<F: Future>(observer: Option<Arc<NodeObserver>>, call: F) -> F::Output {
    let Some(o) = observer else { return call.await };
    let out = observe::scope(Some(o.clone() as Arc<dyn Observer>), call).await;
    o.flush().await;
    out
}

impl NodeObserver {
    /// Wait until JS has run every `finish` told so far (a `finish` that
    /// could not be delivered counts as run).
    async fn flush(&self) {
        for rx in self.unfinished() {
            let _ = rx.await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<oneshot::Receiver<()>>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Take the receivers of the `finish` calls not yet run by JS.
    fn unfinished(&self) -> Vec<oneshot::Receiver<()>> {
        std::mem::take(&mut *self.lock())
    }
}

impl Observer for NodeObserver {
    fn start(&self, attempt: &Attempt) -> StartFuture {
        // JS hears of the previous request's end (a retry's) before this
        // start: the two functions are two queues, ordered only here.
        let unfinished = self.unfinished();
        let start = self.start.clone();
        let attempt = attempt.to_json();
        Box::pin(async move {
            for rx in unfinished {
                let _ = rx.await;
            }
            let (tx, rx) = oneshot::channel();
            // A refused call (the environment is closing) drops `tx`: no headers.
            let _ = start.call_with_return_value(
                attempt,
                ThreadsafeFunctionCallMode::NonBlocking,
                move |pairs: napi::Result<Vec<Vec<String>>>, _env| {
                    let _ = tx.send(pairs.map(valid_headers).unwrap_or_default());
                    Ok(())
                },
            );
            rx.await.unwrap_or_default()
        })
    }

    fn finish(&self, finished: &Finished) {
        let (tx, rx) = oneshot::channel();
        let _ = self.finish.call_with_return_value(
            finished.to_json(),
            ThreadsafeFunctionCallMode::NonBlocking,
            move |_: napi::Result<UnknownReturnValue>, _env| {
                let _ = tx.send(());
                Ok(())
            },
        );
        self.lock().push(rx);
    }
}

/// The pairs that are valid header names and values (a propagator's
/// `traceparent`, `tracestate`, `baggage`); anything else is left out.
pub(crate) fn valid_headers(pairs: Vec<Vec<String>>) -> Headers {
    pairs
        .into_iter()
        .filter_map(|pair| match <[String; 2]>::try_from(pair) {
            Ok([name, value])
                if http::HeaderName::from_bytes(name.as_bytes()).is_ok()
                    && http::HeaderValue::from_str(&value).is_ok() =>
            {
                Some((name, value))
            }
            _ => None,
        })
        .collect()
}
