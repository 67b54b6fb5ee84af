//! A Python observer (`tikapi._observe`) as the core's
//! [`Observer`](tikapi_core::observe::Observer): the core's description of
//! each request (`Attempt` / `Finished`, turned into dicts) handed to its
//! `start` and `finish`, on a Python thread:
//!
//! - a blocking call's hooks run on the thread that waits for it: directly
//!   when the call is polled there (the thread's own runtime, a download),
//!   else sent there by the call's task (`runtime::wait_serving`);
//! - an awaited call runs on the core's runtime, so the hooks are posted to
//!   the call's event loop ([`LoopHandle::post`]) and run on its thread, in
//!   order with the call's own end.
//!
//! Either way (`start`'s headers come back through a channel) the hooks
//! never run on a runtime thread: logging and tracing
//! see the app's thread, as with the official SDK, and no runtime thread
//! becomes a Python `_DummyThread`.
//!
//! A call abandoned mid-request (a cancelled task, Ctrl-C) has its open
//! requests told to the object's `abandoned()`, when the call's future is
//! dropped.
//!
//! What the hooks raise is reported with `sys.unraisablehook` and never
//! breaks the call; headers that are not `(str, str)` pairs, or not valid
//! in HTTP, are left out (and reported).

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use serde_json::Value as Json;
use tikapi_core::observe::{self, Attempt, Finished, Headers, Observer, StartFuture};

use crate::runtime::{self, LoopHandle};

/// The Python object told about each request of one call.
pub struct PyObserver {
    target: Arc<Py<PyAny>>,
    place: Place,
    /// Requests started and not yet finished: more than none when the
    /// observer goes means the call was abandoned mid-request (a cancelled
    /// task, Ctrl-C), and the object's `abandoned()` ends what it started.
    open: AtomicUsize,
}

impl PyObserver {
    fn new(target: Py<PyAny>, place: Place) -> PyObserver {
        PyObserver {
            target: Arc::new(target),
            place,
            open: AtomicUsize::new(0),
        }
    }
}

/// Where the Python hooks run.
enum Place {
    /// On the thread that polls the call (a blocking call's caller, which
    /// polls it with `runtime::wait_here`).
    Here,
    /// On the thread that waits for a blocking call (`wait`): directly when
    /// the hook is called there, else sent to it as a job.
    Caller {
        thread: std::thread::ThreadId,
        jobs: tokio::sync::mpsc::UnboundedSender<runtime::Job>,
    },
    /// On the thread of the event loop the call is awaited on.
    Loop(LoopHandle),
}

/// A blocking call: `fut` waited for as `runtime::wait` does, with
/// `observer` (if any) told about its requests on this thread: directly
/// when the call is polled here (the thread's own runtime), else sent here
/// by the call's task and run while this thread waits.
pub fn wait<F>(py: Python<'_>, observer: Option<Py<PyAny>>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let Some(target) = observer.filter(|o| !o.is_none(py)) else {
        return runtime::wait(py, fut);
    };
    let (jobs, serve) = tokio::sync::mpsc::unbounded_channel();
    let place = Place::Caller {
        thread: std::thread::current().id(),
        jobs,
    };
    let observer: Arc<dyn Observer> = Arc::new(PyObserver::new(target, place));
    runtime::wait_serving(py, observe::scope(Some(observer), fut), serve)
}

/// The observer for a blocking call polled with `runtime::wait_here`, or
/// none when `observer` is None.
pub fn blocking(py: Python<'_>, observer: Option<Py<PyAny>>) -> Option<Arc<dyn Observer>> {
    let target = observer.filter(|o| !o.is_none(py))?;
    Some(Arc::new(PyObserver::new(target, Place::Here)))
}

/// The observer for a call awaited on the running loop, or none when
/// `observer` is None.
pub fn awaited(py: Python<'_>, observer: Option<Py<PyAny>>) -> PyResult<Option<Arc<dyn Observer>>> {
    let Some(target) = observer.filter(|o| !o.is_none(py)) else {
        return Ok(None);
    };
    let place = Place::Loop(runtime::running_loop(py)?);
    Ok(Some(Arc::new(PyObserver::new(target, place))))
}

impl PyObserver {
    /// Run `hook` on the thread of [`Place`]: now when this is it, else
    /// sent there. A hook whose thread is gone is dropped.
    fn run(&self, hook: impl FnOnce(Python<'_>) + Send + 'static) {
        match &self.place {
            Place::Here => Python::attach(hook),
            Place::Caller { thread, .. } if *thread == std::thread::current().id() => {
                Python::attach(hook)
            }
            Place::Caller { jobs, .. } => {
                let _ = jobs.send(Box::new(hook));
            }
            Place::Loop(event_loop) => event_loop.post(hook),
        }
    }
}

impl Observer for PyObserver {
    fn start(&self, attempt: &Attempt) -> StartFuture {
        self.open.fetch_add(1, Ordering::Relaxed);
        let description = attempt.to_json();
        let target = self.target.clone();
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.run(move |py| {
            let _ = tx.send(start(py, &target, &description));
        });
        // Run here: ready at once. A thread gone before running it: no headers.
        Box::pin(async move { rx.await.unwrap_or_default() })
    }

    fn finish(&self, finished: &Finished) {
        self.open.fetch_sub(1, Ordering::Relaxed);
        let description = finished.to_json();
        let target = self.target.clone();
        self.run(move |py| finish(py, &target, &description));
    }
}

impl Drop for PyObserver {
    fn drop(&mut self) {
        if *self.open.get_mut() == 0 {
            return;
        }
        let target = self.target.clone();
        self.run(move |py| abandoned(py, &target));
    }
}

/// `target.abandoned()`, where it has one: the call ended without
/// finishing a request it started.
fn abandoned(py: Python<'_>, target: &Py<PyAny>) {
    let target = target.bind(py);
    let Ok(hook) = target.getattr("abandoned") else {
        return;
    };
    if let Err(e) = hook.call0() {
        e.write_unraisable(py, Some(target));
    }
}

/// A description as Python objects (dicts, lists, str, int, float, bool,
/// None), built straight from the JSON value.
fn to_python(py: Python<'_>, description: &Json) -> PyResult<Py<PyAny>> {
    Ok(value(py, description)?.unbind())
}

fn value<'py>(py: Python<'py>, v: &Json) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Json::Null => py.None().into_bound(py),
        Json::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Json::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Json::String(s) => PyString::new(py, s).into_any(),
        Json::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value(py, item)?)?;
            }
            list.into_any()
        }
        Json::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, value(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// `target.start(attempt)`, and the headers it returns.
fn start(py: Python<'_>, target: &Py<PyAny>, description: &Json) -> Headers {
    let target = target.bind(py);
    let returned = to_python(py, description).and_then(|d| target.call_method1("start", (d,)));
    let returned = match returned {
        Ok(r) => r,
        Err(e) => {
            e.write_unraisable(py, Some(target));
            return Vec::new();
        }
    };
    match headers(&returned) {
        Ok(headers) => headers,
        Err(e) => {
            e.write_unraisable(py, Some(target));
            Vec::new()
        }
    }
}

/// The `(name, value)` pairs of an iterable (None: none). One that is not a
/// pair of strings, or not a valid header, fails the whole set: a trace
/// context is sent whole or not at all.
fn headers(returned: &Bound<'_, PyAny>) -> PyResult<Headers> {
    if returned.is_none() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for item in returned.try_iter()? {
        let (name, value): (String, String) = item?.extract()?;
        let valid = http::HeaderName::from_bytes(name.as_bytes()).is_ok()
            && http::HeaderValue::from_str(&value).is_ok();
        if !valid {
            return Err(PyValueError::new_err(format!(
                "the observer's header {name:?} is not a valid HTTP header (name or value)"
            )));
        }
        out.push((name, value));
    }
    Ok(out)
}

/// `target.finish(finished)`.
fn finish(py: Python<'_>, target: &Py<PyAny>, description: &Json) {
    let target = target.bind(py);
    let outcome = to_python(py, description).and_then(|d| target.call_method1("finish", (d,)));
    if let Err(e) = outcome {
        e.write_unraisable(py, Some(target));
    }
}
