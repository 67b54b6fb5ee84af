//! The native side of `TikAPI`, its category scopes, and page iterators.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use tikapi_core::Dialect;
use tikapi_core::{Args, CallOptions, Client, PageLimits, Pages, ResumePoint, Value};

use tikapi_core::observe::scope;

use crate::convert::{self, OptionError};
use crate::observe;
use crate::response::{finish, raise, Face};
use crate::runtime::{self, Deferred};

#[pyclass(frozen, module = "tikapi._native", name = "Client")]
pub struct NativeClient {
    inner: Client,
}

/// A call's arguments and per-call settings, read from its keywords.
struct Call {
    args: Args,
    settings: CallOptions,
}

impl NativeClient {
    fn read_call(&self, py: Python<'_>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Call> {
        let options = match convert::call_options(kwargs) {
            Ok(o) => o,
            Err(OptionError::Python(e)) => return Err(e),
            Err(OptionError::Core(e)) => return Err(raise(py, e, &self.inner, Face::Sync)),
        };
        Ok(Call {
            args: convert::args(kwargs)?,
            settings: CallOptions::default()
                .with_sandbox(convert::sandbox(kwargs)?)
                .with_options(options),
        })
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    fn new(api_key: &str) -> Self {
        NativeClient {
            inner: Client::with_dialect(api_key, Dialect::Python),
        }
    }

    /// A category scope with its own bound values (`api.user(accountKey=...)`).
    #[pyo3(signature = (values=None))]
    fn scope(&self, values: Option<&Bound<'_, PyDict>>) -> PyResult<NativeClient> {
        Ok(NativeClient {
            inner: self.inner.scope(convert::args(values)?),
        })
    }

    /// An independent copy of this client or scope (and the scopes above
    /// it), for `copy.copy` / `copy.deepcopy`.
    fn duplicate(&self) -> NativeClient {
        NativeClient {
            inner: self.inner.duplicate(),
        }
    }

    /// `set(__sandbox__=..., __options__=..., **defaults)`. None values are dropped.
    #[pyo3(signature = (values=None))]
    fn set(&self, py: Python<'_>, values: Option<&Bound<'_, PyDict>>) -> PyResult<()> {
        let call = self.read_call(py, values)?;
        let options = values
            .map(|v| v.contains("__options__"))
            .transpose()?
            .unwrap_or(false)
            .then_some(&call.settings.options);
        self.inner.set(&call.args, call.settings.sandbox, options);
        Ok(())
    }

    /// Whether calls go to the sandbox.
    #[getter]
    fn sandbox(&self) -> bool {
        self.inner.sandbox(None)
    }

    /// Call an endpoint and wait for it, with the GIL released. `observer`
    /// (`tikapi._observe`) is told about each request sent.
    #[pyo3(signature = (endpoint, kwargs=None, observer=None))]
    fn call(
        &self,
        py: Python<'_>,
        endpoint: &str,
        kwargs: Option<&Bound<'_, PyDict>>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let call = self.read_call(py, kwargs)?;
        let client = self.inner.clone();
        let endpoint = endpoint.to_owned();
        let result = observe::wait(py, observer, async move {
            client.call_with(&endpoint, call.args, call.settings).await
        })?;
        finish(py, result.map(Some), &self.inner, Face::Sync)
    }

    /// Call an endpoint; an awaitable of the response.
    #[pyo3(signature = (endpoint, kwargs=None, observer=None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        endpoint: String,
        kwargs: Option<&Bound<'py, PyDict>>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = self.read_call(py, kwargs)?;
        let client = self.inner.clone();
        let observer = observe::awaited(py, observer)?;
        runtime::awaitable(py, async move {
            let call = client.call_with(&endpoint, call.args, call.settings);
            let result = scope(observer, call).await;
            Deferred::new(move |py| finish(py, result.map(Some), &client, Face::Async))
        })
    }

    /// The pages of a call, or of the walk a resume token continues.
    #[pyo3(signature = (endpoint, kwargs=None, max_pages=None, max_items=None, resume=None))]
    fn pages(
        &self,
        py: Python<'_>,
        endpoint: String,
        kwargs: Option<&Bound<'_, PyDict>>,
        max_pages: Option<&Bound<'_, PyAny>>,
        max_items: Option<&Bound<'_, PyAny>>,
        resume: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativePages> {
        let value = |v: Option<&Bound<'_, PyAny>>| v.map_or(Ok(Value::Null), convert::value);
        let limits = PageLimits::parse(&value(max_pages)?, &value(max_items)?, Dialect::Python)
            .map_err(|e| raise(py, e, &self.inner, Face::Sync))?;
        let call = self.read_call(py, kwargs)?;
        let token = value(resume.filter(|r| !r.is_none()))?;
        let pages = if token.is_null() {
            Pages::with_call(
                self.inner.clone(),
                endpoint,
                call.args,
                call.settings,
                limits,
            )
        } else {
            let point = ResumePoint::for_call(&token.to_json(), &endpoint, &call.args)
                .map_err(|e| raise(py, e, &self.inner, Face::Sync))?;
            Pages::resume(self.inner.clone(), point, call.settings, limits)
        };
        Ok(NativePages {
            client: self.inner.clone(),
            pages: Arc::new(tokio::sync::Mutex::new(pages)),
        })
    }

    /// The request a call would send, without sending it: method, URL,
    /// headers (keys hidden) and JSON body text.
    #[pyo3(signature = (endpoint, kwargs=None))]
    fn prepare(
        &self,
        py: Python<'_>,
        endpoint: &str,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let call = self.read_call(py, kwargs)?;
        let request = self
            .inner
            .prepare(endpoint, &call.args, &call.settings)
            .map_err(|e| raise(py, e, &self.inner, Face::Sync))?;
        let out = PyDict::new(py);
        out.set_item("method", request.method.as_str())?;
        out.set_item("url", &request.url)?;
        out.set_item("path", &request.path)?;
        out.set_item("query", request.query.clone())?;
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(k, v)| {
                let shown = if tikapi_core::request::is_secret_header(k) {
                    "<hidden>".to_owned()
                } else {
                    v.clone()
                };
                (k.clone(), shown)
            })
            .collect();
        out.set_item("headers", headers)?;
        out.set_item("body", request.body.as_ref().map(|b| b.to_string()))?;
        Ok(out.into_any().unbind())
    }

    fn __repr__(&self) -> String {
        format!(
            "<tikapi._native.Client sandbox={}>",
            self.inner.sandbox(None)
        )
    }
}

/// Pages of one call, for `for` and `async for`. The lock keeps one page
/// request in flight at a time when several threads share the iterator.
#[pyclass(frozen, module = "tikapi._native", name = "Pages")]
pub struct NativePages {
    client: Client,
    pages: Arc<tokio::sync::Mutex<Pages>>,
}

#[pymethods]
impl NativePages {
    /// The next page, or None after the last. `observer` is told about
    /// this step's request (each step has its own: each page is a child of
    /// the span current when it is fetched).
    #[pyo3(signature = (observer=None))]
    fn next(&self, py: Python<'_>, observer: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        let pages = self.pages.clone();
        let result = observe::wait(py, observer, async move { pages.lock().await.next().await })?;
        finish(py, result.transpose(), &self.client, Face::Sync)
    }

    #[pyo3(signature = (observer=None))]
    fn next_async<'py>(
        &self,
        py: Python<'py>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let pages = self.pages.clone();
        let client = self.client.clone();
        let observer = observe::awaited(py, observer)?;
        runtime::awaitable(py, async move {
            let result = scope(observer, async { pages.lock().await.next().await }).await;
            Deferred::new(move |py| finish(py, result.transpose(), &client, Face::Async))
        })
    }

    /// Where the walk stands, as a JSON-serialisable dict (None once it is
    /// over): after `handed` items of the last page for an item walk, after
    /// the last page for a page walk.
    #[pyo3(signature = (handed=None))]
    fn resume_token(&self, py: Python<'_>, handed: Option<u64>) -> PyResult<Py<PyAny>> {
        let pages = self.pages.clone();
        // Waits for a page being fetched by another thread, GIL released.
        let point = py.detach(move || {
            let pages = pages.blocking_lock();
            match handed {
                Some(n) => pages.item_resume_point(n),
                None => pages.resume_point(),
            }
        });
        Ok(match point {
            Some(p) => crate::json::parse(py, p.to_json().to_string().as_bytes())
                .unwrap_or_else(|| py.None()),
            None => py.None(),
        })
    }

    /// For an item walk: the next page and which of its items belong to
    /// the walk, `(page, skip, take)` for `items[skip:take]` (take None: to
    /// the end; less when `max_items` ends inside it), or None after the
    /// last page.
    #[pyo3(signature = (observer=None))]
    fn next_items(&self, py: Python<'_>, observer: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        let pages = self.pages.clone();
        let (result, take) = observe::wait(py, observer, async move {
            let mut pages = pages.lock().await;
            let result = pages.next().await;
            (result, (pages.skip(), pages.take()))
        })?;
        with_take(
            py,
            finish(py, result.transpose(), &self.client, Face::Sync)?,
            take,
        )
    }

    #[pyo3(signature = (observer=None))]
    fn next_items_async<'py>(
        &self,
        py: Python<'py>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let pages = self.pages.clone();
        let client = self.client.clone();
        let observer = observe::awaited(py, observer)?;
        runtime::awaitable(py, async move {
            let mut pages = pages.lock().await;
            let result = scope(observer, pages.next()).await;
            let take = (pages.skip(), pages.take());
            Deferred::new(move |py| {
                let page = finish(py, result.transpose(), &client, Face::Async)?;
                with_take(py, page, take)
            })
        })
    }
}

/// `(page, skip, take)`: the walk's items are `items[skip:take]`; None
/// after the last page.
fn with_take(
    py: Python<'_>,
    page: Py<PyAny>,
    (skip, take): (usize, Option<usize>),
) -> PyResult<Py<PyAny>> {
    if page.is_none(py) {
        return Ok(page);
    }
    Ok((page, skip, take).into_pyobject(py)?.into_any().unbind())
}
