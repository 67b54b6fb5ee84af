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

use napi::bindgen_prelude::Unknown;
use napi::Either;
use tikapi_core::download::{Download, DownloadPlan, DownloadStep};

use crate::answer::{response_of, NodeAnswer};
use crate::error::{failure, NativeFailure};
use crate::response::NativeResponse;

#[napi]
pub struct NativeDownload {
    inner: Mutex<Download>,
}

impl NativeDownload {
    pub(crate) fn new(plan: DownloadPlan) -> Self {
        NativeDownload {
            inner: Mutex::new(Download::new(plan)),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Download) -> T) -> T {
        f(&mut self.inner.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Which step comes after an answer's head.
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
        match self.with(|d| d.head(status, location.as_deref(), &url, length)) {
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
        Ok(failure(self.with(|d| d.refuse(answer))))
    }

    /// Write a chunk of the body; the bytes written so far, or the failure
    /// (the partial file is removed).
    #[napi(ts_return_type = "number | NativeFailure")]
    pub fn write(&self, chunk: Buffer) -> napi::Either<f64, NativeFailure> {
        match self.with(|d| d.write(&chunk)) {
            Ok((written, _)) => napi::Either::A(written as f64),
            Err(e) => napi::Either::B(failure(e)),
        }
    }

    /// The body is complete: the file takes its place. The bytes written,
    /// or the failure (a body shorter than announced, a rename refused).
    #[napi(ts_return_type = "number | NativeFailure")]
    pub fn commit(&self) -> napi::Either<f64, NativeFailure> {
        match self.with(|d| d.commit()) {
            Ok(n) => napi::Either::A(n as f64),
            Err(e) => napi::Either::B(failure(e)),
        }
    }

    /// The download could not finish: `code` is Node's error code or a kind
    /// name of the core's; the partial file is removed.
    #[napi]
    pub fn failed(&self, code: String, answered: bool, reason: String) -> NativeFailure {
        failure(self.with(|d| d.failed(&code, answered, &reason)))
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
        Ok(plan) => Either::A(NativeDownload::new(plan)),
        Err(e) => Either::B(failure(e)),
    })
}
