//! The native side of `tikapi.APIResponse`: a core response, the scope that
//! made it (for the next page and for download options), and which face,
//! sync or async, the Python object shows.

use std::sync::OnceLock;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyType};
use tikapi_core::settings::{self, Source};
use tikapi_core::{catalogue, Client, Dialect, Error, Options, Response};

use tikapi_core::observe::scope;

use crate::convert::{self, OptionError};
use crate::error;
use crate::observe;
use crate::runtime::{self, Deferred};

/// Which Python response class a result is wrapped in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Sync,
    Async,
}

#[pyclass(frozen, module = "tikapi._native", name = "Response")]
pub struct NativeResponse {
    inner: Response,
    client: Client,
    face: Face,
    /// The `bytes` object, made once.
    content: OnceLock<Py<PyBytes>>,
    /// Set on a response rebuilt from its pickled state: it has no client of
    /// this process behind it.
    restored: Option<Restored>,
}

/// What a response rebuilt from a pickle keeps beside the core response.
struct Restored {
    endpoint: Option<String>,
    request: Option<Sent>,
}

/// A request as sent: method, URL, headers (keys included), body.
type Sent = (String, String, Vec<(String, String)>, Option<Vec<u8>>);

/// Why a restored response cannot fetch or download: said by both
/// `next_items()` and `save_video()`.
const DETACHED: &str = "has no client: it was restored from a pickle (sent from another process \
or loaded from storage), and a client, which holds the keys, never travels with it. Call the \
endpoint again on a client of this process (the cursor is in the response's json())";

/// Wrap a core response in the Python class of `face`.
pub fn wrap(py: Python<'_>, inner: Response, client: Client, face: Face) -> PyResult<Py<PyAny>> {
    static SYNC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static ASYNC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let cls = match face {
        Face::Sync => SYNC.import(py, "tikapi.response", "APIResponse")?,
        Face::Async => ASYNC.import(py, "tikapi.response", "AsyncAPIResponse")?,
    };
    let native = Py::new(
        py,
        NativeResponse {
            inner,
            client,
            face,
            content: OnceLock::new(),
            restored: None,
        },
    )?;
    Ok(cls.call_method1("_wrap", (native,))?.unbind())
}

/// The exception for a core error, an API error's response wrapped in the
/// class of `face` with the scope that made it.
pub fn raise(py: Python<'_>, err: Error, client: &Client, face: Face) -> PyErr {
    error::to_py(py, err, &|py, r| wrap(py, r, client.clone(), face))
}

/// The end of every call: a response, None (no next page), or the mapped
/// exception. (Each request's debug line is the observer's: `tikapi._observe`.)
pub fn finish(
    py: Python<'_>,
    result: Result<Option<Response>, Error>,
    client: &Client,
    face: Face,
) -> PyResult<Py<PyAny>> {
    match result {
        Ok(Some(r)) => wrap(py, r, client.clone(), face),
        Ok(None) => Ok(py.None()),
        Err(e) => Err(raise(py, e, client, face)),
    }
}

fn method_of(r: &Response) -> &'static str {
    r.endpoint()
        .and_then(|k| catalogue().get(k))
        .map_or("GET", |e| e.method.as_str())
}

impl NativeResponse {
    /// An `APIException` for what a restored response cannot do.
    fn refuse_detached(&self, py: Python<'_>, what: &str) -> PyResult<()> {
        if self.restored.is_none() {
            return Ok(());
        }
        Err(error::internal(
            py,
            &format!("{what}: this response {DETACHED}"),
        ))
    }

    fn finish_next(
        py: Python<'_>,
        client: &Client,
        face: Face,
        result: Result<Option<Response>, Error>,
    ) -> PyResult<Py<PyAny>> {
        finish(py, result, client, face)
    }

    /// The options a download uses, the scope's and then the call's
    /// keywords read by the core, and its extra headers.
    fn download_options(
        &self,
        py: Python<'_>,
        headers: Option<&Bound<'_, PyDict>>,
        timeout: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(Options, Vec<(String, String)>)> {
        let given = [
            ("headers", headers.map(|h| h.as_any())),
            ("timeout", timeout),
            ("proxies", proxies),
        ];
        let entries = given
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), v?.clone())))
            .collect();
        let read = || -> Result<Options, OptionError> {
            let input = convert::option_input(entries, Source::Download)?;
            settings::parse(&input, Dialect::Python, Source::Download).map_err(OptionError::Core)
        };
        let over = match read() {
            Ok(over) => over,
            Err(OptionError::Python(e)) => return Err(e),
            Err(OptionError::Core(e)) => return Err(raise(py, e, &self.client, self.face)),
        };
        let (extra, options) = tikapi_core::download::download_settings(over, Some(&self.client));
        Ok((options, extra))
    }
}

/// A Python `progress(written, total)` callable as the core's progress hook.
/// It runs with the GIL taken for the call; an exception it raises is
/// reported as unraisable (the download goes on, as with a logging hook).
fn progress_callback(
    py: Python<'_>,
    progress: Option<Py<PyAny>>,
) -> Option<tikapi_core::download::Progress> {
    let callback = progress.filter(|p| !p.is_none(py))?;
    Some(Box::new(move |written: u64, total: Option<u64>| {
        // Runs on a runtime thread in async downloads.
        runtime::attach_from_runtime(|py| {
            if let Err(e) = callback.call1(py, (written, total)) {
                e.write_unraisable(py, Some(callback.bind(py)));
            }
        });
    }))
}

#[pymethods]
impl NativeResponse {
    #[getter]
    fn status(&self) -> u16 {
        self.inner.status
    }

    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }

    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// Seconds from sending the request to the end of the body.
    #[getter]
    fn elapsed(&self) -> f64 {
        self.inner.elapsed.as_secs_f64()
    }

    #[getter]
    fn method(&self) -> &'static str {
        method_of(&self.inner)
    }

    #[getter]
    fn endpoint(&self) -> Option<&str> {
        match &self.restored {
            Some(r) => r.endpoint.as_deref(),
            None => self.inner.endpoint(),
        }
    }

    /// The request that was sent: (method, URL, headers, body bytes or
    /// None). The headers are the ones the core set, `User-Agent` first,
    /// keys included; the Python face hides those in every repr.
    fn request(&self) -> Option<Sent> {
        if let Some(r) = &self.restored {
            return r.request.clone();
        }
        let request = self.inner.request()?;
        let mut headers = Vec::with_capacity(request.headers.len() + 1);
        headers.push(("User-Agent".to_owned(), self.client.user_agent()));
        headers.extend(request.headers.iter().cloned());
        Some((
            request.method.as_str().to_owned(),
            request.url.clone(),
            headers,
            request.body_bytes(),
        ))
    }

    /// Everything a pickle keeps: (status, URL, elapsed seconds, headers,
    /// body, endpoint, request). See `restore`.
    #[allow(clippy::type_complexity)]
    fn state(
        &self,
        py: Python<'_>,
    ) -> (
        u16,
        String,
        f64,
        Vec<(String, String)>,
        Py<PyBytes>,
        Option<String>,
        Option<Sent>,
    ) {
        (
            self.inner.status,
            self.inner.url.clone(),
            self.inner.elapsed.as_secs_f64(),
            self.headers(),
            self.content(py),
            self.endpoint().map(str::to_owned),
            self.request(),
        )
    }

    /// A response rebuilt from `state()`, for unpickling. It answers
    /// everything from its data; `next_page` and `save_video` refuse, naming
    /// why.
    #[staticmethod]
    #[pyo3(signature = (face_async, status, url, elapsed, headers, body, endpoint, request))]
    #[allow(clippy::too_many_arguments)]
    fn restore(
        face_async: bool,
        status: u16,
        url: String,
        elapsed: f64,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        endpoint: Option<String>,
        request: Option<Sent>,
    ) -> PyResult<NativeResponse> {
        use pyo3::exceptions::PyValueError;
        let mut map = http::HeaderMap::new();
        for (k, v) in headers {
            let name = http::HeaderName::from_bytes(k.as_bytes())
                .map_err(|_| PyValueError::new_err(format!("{k:?} is not a header name")))?;
            let value = http::HeaderValue::from_bytes(v.as_bytes())
                .map_err(|_| PyValueError::new_err(format!("the header {k:?} has a bad value")))?;
            map.append(name, value);
        }
        if !(elapsed.is_finite() && elapsed >= 0.0) {
            return Err(PyValueError::new_err(
                "elapsed must be a finite number >= 0",
            ));
        }
        let inner = Response::new(
            status,
            map,
            url,
            Duration::from_secs_f64(elapsed),
            body.into(),
        );
        Ok(NativeResponse {
            inner,
            client: Client::with_dialect("", tikapi_core::Dialect::Python),
            face: if face_async { Face::Async } else { Face::Sync },
            content: OnceLock::new(),
            restored: Some(Restored { endpoint, request }),
        })
    }

    /// The body, as one `bytes` object shared by every caller.
    #[getter]
    fn content(&self, py: Python<'_>) -> Py<PyBytes> {
        self.content
            .get_or_init(|| PyBytes::new(py, &self.inner.body).unbind())
            .clone_ref(py)
    }

    /// The body parsed as JSON, or None where `json.loads` is to decide
    /// (see `crate::json`).
    fn parse_json(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        crate::json::parse(py, &self.inner.body)
    }

    /// Header (name, value) pairs in the order received.
    #[getter]
    fn headers(&self) -> Vec<(String, String)> {
        self.inner
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect()
    }

    #[getter]
    fn message(&self) -> String {
        self.inner.message()
    }

    /// How to reach this page's item list in its JSON (`["itemList"]`,
    /// `["notice_lists", 0, "notice_list"]`), or None.
    fn item_path(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        use tikapi_core::pages::{item_list_path, PathStep};
        let Some(path) = self.inner.json().and_then(item_list_path) else {
            return Ok(None);
        };
        let steps = pyo3::types::PyList::empty(py);
        for step in path {
            match step {
                PathStep::Key(k) => steps.append(*k)?,
                PathStep::Index(i) => steps.append(*i)?,
            }
        }
        Ok(Some(
            pyo3::types::PyTuple::new(py, steps)?.into_any().unbind(),
        ))
    }

    /// The exception a call would raise for this response (for
    /// `raise_for_status`), or None for a 2xx response.
    fn error(&self, py: Python<'_>) -> Option<PyErr> {
        if self.inner.ok() {
            return None;
        }
        let err = Error::Api(Box::new(self.inner.share()));
        Some(raise(py, err, &self.client, self.face))
    }

    /// The next page (a response), or None after the last. `observer`
    /// (`tikapi._observe`) is told about the request.
    #[pyo3(signature = (observer=None))]
    fn next_page(&self, py: Python<'_>, observer: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        self.refuse_detached(py, "next_items()")?;
        let inner = self.inner.share();
        let result = observe::wait(py, observer, async move { Client::next_page(&inner).await })?;
        Self::finish_next(py, &self.client, Face::Sync, result)
    }

    #[pyo3(signature = (observer=None))]
    fn next_page_async<'py>(
        &self,
        py: Python<'py>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.refuse_detached(py, "next_items()")?;
        let inner = self.inner.share();
        let client = self.client.clone();
        let observer = observe::awaited(py, observer)?;
        runtime::awaitable(py, async move {
            let result = scope(observer, Client::next_page(&inner)).await;
            Deferred::new(move |py| Self::finish_next(py, &client, Face::Async, result))
        })
    }

    /// Stream `link` to `path`; returns the bytes written. `progress` is
    /// called with (bytes written, total or None) as the body arrives;
    /// `observer` is told about the download's request.
    #[pyo3(signature = (link, path, headers=None, timeout=None, proxies=None, progress=None, observer=None))]
    #[allow(clippy::too_many_arguments)]
    fn save_video(
        &self,
        py: Python<'_>,
        link: &Bound<'_, PyAny>,
        path: &Bound<'_, PyAny>,
        headers: Option<&Bound<'_, PyDict>>,
        timeout: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
        progress: Option<Py<PyAny>>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<u64> {
        let (link, path) = convert::download_target(link, path)?;
        self.refuse_detached(py, "save_video()")?;
        let (options, extra) = self.download_options(py, headers, timeout, proxies)?;
        let inner = &self.inner;
        let progress = progress_callback(py, progress);
        let observer = observe::blocking(py, observer);
        // Polled here: the progress callback and the observer run on the
        // caller's thread.
        let result = runtime::wait_here(py, async {
            let download = tikapi_core::download::save_video(
                &link,
                &path,
                Some(inner),
                &extra,
                &options,
                progress,
            );
            scope(observer, download).await
        })?;
        result.map_err(|e| raise(py, e, &self.client, self.face))
    }

    #[pyo3(signature = (link, path, headers=None, timeout=None, proxies=None, progress=None, observer=None))]
    #[allow(clippy::too_many_arguments)]
    fn save_video_async<'py>(
        &self,
        py: Python<'py>,
        link: &Bound<'py, PyAny>,
        path: &Bound<'py, PyAny>,
        headers: Option<&Bound<'py, PyDict>>,
        timeout: Option<&Bound<'py, PyAny>>,
        proxies: Option<&Bound<'py, PyAny>>,
        progress: Option<Py<PyAny>>,
        observer: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (link, path) = convert::download_target(link, path)?;
        self.refuse_detached(py, "save_video()")?;
        let (options, extra) = self.download_options(py, headers, timeout, proxies)?;
        let progress = progress_callback(py, progress);
        let inner = self.inner.share();
        let client = self.client.clone();
        let face = self.face;
        let observer = observe::awaited(py, observer)?;
        runtime::awaitable(py, async move {
            let download = tikapi_core::download::save_video(
                &link,
                &path,
                Some(&inner),
                &extra,
                &options,
                progress,
            );
            let result = scope(observer, download).await;
            Deferred::new(move |py| match result {
                Ok(n) => Ok(n.into_pyobject(py)?.into_any().unbind()),
                Err(e) => Err(raise(py, e, &client, face)),
            })
        })
    }

    fn __repr__(&self) -> String {
        format!("<tikapi._native.Response [{}]>", self.inner.status)
    }
}
