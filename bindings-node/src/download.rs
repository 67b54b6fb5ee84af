//! A video download through an app's agent (`saveVideo(link, path,
//! {agent})`): the core's [`Download`] drives it. The face sends the plan's
//! request through the agent without following redirects, reports each
//! answer's head, streams a 200's body into `write` and ends with `commit`
//! (or `failed`); the headers, redirects, errors and the atomic file are the
//! core's.

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use napi::bindgen_prelude::Unknown;
use napi::Either;
use tikapi_core::download::{Download, DownloadPlan, DownloadStep};
use tikapi_core::observe::{Attempt, Finished};

use crate::answer::{response_of, NodeAnswer};
use crate::error::{failure, NativeFailure};
use crate::response::NativeResponse;

#[napi]
pub struct NativeDownload {
    inner: Mutex<Download>,
    /// The download as observers were told of it (by `observe`), and since when.
    observed: Mutex<Option<(Attempt, Instant)>>,
    /// How it ended, once it has, until `takeFinished`.
    finished: Mutex<Option<Finished>>,
    /// The option `traceContext`: whether observers' trace headers are sent.
    propagate: bool,
}

impl NativeDownload {
    pub(crate) fn new(plan: DownloadPlan, propagate: bool) -> Self {
        NativeDownload {
            inner: Mutex::new(Download::new(plan)),
            observed: Mutex::new(None),
            finished: Mutex::new(None),
            propagate,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Download) -> T) -> T {
        f(&mut self.inner.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The observed download is over: `outcome` (nothing when it was not
    /// observed, or its end was already given).
    fn end(&self, outcome: Result<u64, &tikapi_core::Error>) {
        let observed = self
            .observed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some((attempt, started)) = observed {
            let f = match outcome {
                Ok(n) => Finished::download(attempt, &Ok(n), started.elapsed()),
                Err(e) => Finished::new(attempt, Err(e), started.elapsed(), None),
            };
            *self.finished.lock().unwrap_or_else(|e| e.into_inner()) = Some(f);
        }
    }

    /// `result`, its failure recorded as the download's end.
    fn ending<T>(&self, result: tikapi_core::Result<T>) -> tikapi_core::Result<T> {
        if let Err(e) = &result {
            self.end(Err(e));
        }
        result
    }

    /// The download failed with `e`.
    fn fail(&self, e: tikapi_core::Error) -> tikapi_core::Error {
        self.end(Err(&e));
        e
    }
}

#[napi(object)]
pub struct DownloadHead {
    /// `redirect`, `body` (stream it into `write`) or `refused` (read it and
    /// hand it to `refuse`).
    pub step: String,
    /// The URL to send to next, for `redirect`.
    pub url: Option<String>,
}

#[napi]
impl NativeDownload {
    /// The link to send the first request to.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.with(|d| d.plan().url.to_string())
    }

    /// The headers to send, in order (never a key).
    #[napi(getter)]
    pub fn headers(&self) -> Vec<Vec<String>> {
        self.with(|d| {
            d.plan()
                .headers
                .iter()
                .map(|(k, v)| vec![k.clone(), v.clone()])
                .collect()
        })
    }

    /// The whole download's timeout, in milliseconds.
    #[napi(getter)]
    pub fn timeout_ms(&self) -> f64 {
        self.with(|d| d.plan().timeout.as_secs_f64() * 1000.0)
    }

    /// Take an answer's head: status, `Location`, the URL it came from and
    /// `Content-Length`.
    #[napi(ts_return_type = "DownloadHead | NativeFailure")]
    pub fn head(
        &self,
        status: u32,
        location: Option<String>,
        url: String,
        content_length: Option<f64>,
    ) -> napi::Either<DownloadHead, NativeFailure> {
        let status = u16::try_from(status).unwrap_or(0);
        let length = content_length.filter(|n| *n >= 0.0).map(|n| n as u64);
        match self.ending(self.with(|d| d.head(status, location.as_deref(), &url, length))) {
            Ok(DownloadStep::Redirect(url)) => napi::Either::A(DownloadHead {
                step: "redirect".to_owned(),
                url: Some(url),
            }),
            Ok(DownloadStep::Body) => napi::Either::A(DownloadHead {
                step: "body".to_owned(),
                url: None,
            }),
            Ok(DownloadStep::Refused) => napi::Either::A(DownloadHead {
                step: "refused".to_owned(),
                url: None,
            }),
            Err(e) => napi::Either::B(failure(e)),
        }
    }

    /// The failure of an answer `head` refused, with its body.
    #[napi]
    pub fn refuse(&self, answer: NodeAnswer) -> napi::Result<NativeFailure> {
        let answer = response_of(answer)?;
        Ok(failure(self.fail(self.with(|d| d.refuse(answer)))))
    }

    /// Write a chunk of the body; the bytes written so far, or the failure
    /// (the partial file is removed).
    #[napi(ts_return_type = "number | NativeFailure")]
    pub fn write(&self, chunk: Buffer) -> napi::Either<f64, NativeFailure> {
        match self.ending(self.with(|d| d.write(&chunk))) {
            Ok((written, _)) => napi::Either::A(written as f64),
            Err(e) => napi::Either::B(failure(e)),
        }
    }

    /// The body is complete: the file takes its place. The bytes written,
    /// or the failure (a body shorter than announced, a rename refused).
    #[napi(ts_return_type = "number | NativeFailure")]
    pub fn commit(&self) -> napi::Either<f64, NativeFailure> {
        let committed = self.with(|d| d.commit());
        self.end(committed.as_ref().copied());
        match committed {
            Ok(n) => napi::Either::A(n as f64),
            Err(e) => napi::Either::B(failure(e)),
        }
    }

    /// The download could not finish: `code` is Node's error code or a kind
    /// name of the core's; the partial file is removed.
    #[napi]
    pub fn failed(&self, code: String, answered: bool, reason: String) -> NativeFailure {
        failure(self.fail(self.with(|d| d.failed(&code, answered, &reason))))
    }

    /// The download about to be sent through the app's agent, as observers
    /// are told of it (the core's description); its end comes from
    /// `takeFinished` once written or failed.
    #[napi]
    pub fn observe(&self) -> serde_json::Value {
        let attempt = self.with(|d| d.attempt());
        let json = attempt.to_json();
        *self.observed.lock().unwrap_or_else(|e| e.into_inner()) = Some((attempt, Instant::now()));
        json
    }

    /// How the download `observe` described ended (once: null after that,
    /// and while it runs).
    #[napi]
    pub fn take_finished(&self) -> Option<serde_json::Value> {
        let f = self
            .finished
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        f.map(|f| f.to_json())
    }

    /// Whether an observer's trace headers (`traceparent`) are sent (the
    /// option `traceContext`, on unless set off).
    #[napi(getter)]
    pub fn propagate_trace(&self) -> bool {
        self.propagate
    }
}

/// A download of `link` to `path` for the response `page`, laid out by the
/// core, for the face to send through an app's agent (`saveVideo(link,
/// path, {agent})`): the core merges the headers and options, follows
/// redirects and writes the file atomically.
#[napi(ts_return_type = "NativeDownload | NativeFailure")]
pub fn download(
    page: &NativeResponse,
    link: String,
    path: String,
    #[napi(ts_arg_type = "{ headers?: unknown; timeout?: unknown } | null")] save: Option<
        Unknown<'_>,
    >,
) -> napi::Result<Either<NativeDownload, NativeFailure>> {
    let (extra, opts) = match page.download_settings(save)? {
        Ok(s) => s,
        Err(e) => return Ok(Either::B(failure(e))),
    };
    let plan = DownloadPlan::new(
        &link,
        &PathBuf::from(path),
        Some(page.core()),
        &extra,
        &opts,
    );
    Ok(match plan {
        Ok(plan) => Either::A(NativeDownload::new(
            plan,
            opts.trace_context.unwrap_or(true),
        )),
        Err(e) => Either::B(failure(e)),
    })
}
