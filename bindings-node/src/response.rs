//! A response as JavaScript sees it: status, headers and the body text; the
//! JS face parses the JSON, lazily and once.

use std::path::PathBuf;

use napi::bindgen_prelude::{FnArgs, Function, Object, Unknown};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Env;
use napi_derive::napi;
use tikapi_core::settings::Source;
use tikapi_core::{Client, Response};

use crate::cancel::CancelHandle;
use crate::error::NativeFailure;
use crate::observe;
use crate::options;
use crate::task::promise;

#[napi]
pub struct NativeResponse {
    inner: Response,
    /// The scope that made the call: its options (proxy, timeout) apply to downloads.
    client: Option<Client>,
    /// In a page walk, which of this page's items belong to it: skipped at
    /// the start (a resumed walk), and taken after that (`maxItems`).
    skip: usize,
    take: Option<usize>,
}

impl From<Response> for NativeResponse {
    fn from(inner: Response) -> Self {
        NativeResponse {
            inner,
            client: None,
            skip: 0,
            take: None,
        }
    }
}

/// The progress callback, callable from the runtime's threads (no error argument).
type ProgressArgs = FnArgs<(f64, Option<f64>)>;
type ProgressFn = ThreadsafeFunction<ProgressArgs, (), ProgressArgs, napi::Status, false>;

#[napi]
impl NativeResponse {
    #[napi(getter)]
    pub fn status(&self) -> u32 {
        self.inner.status.into()
    }

    /// The reason phrase (`OK`, `Forbidden`, ...).
    #[napi(getter)]
    pub fn reason(&self) -> String {
        self.inner.reason.clone()
    }

    #[napi(getter)]
    pub fn ok(&self) -> bool {
        self.inner.ok()
    }

    /// The final URL, without credentials.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.inner.url.clone()
    }

    #[napi(getter)]
    pub fn elapsed_ms(&self) -> f64 {
        self.inner.elapsed.as_secs_f64() * 1000.0
    }

    /// Header pairs in arrival order; a repeated header appears once per value.
    #[napi(getter)]
    pub fn headers(&self) -> Vec<Vec<String>> {
        self.inner
            .headers
            .iter()
            .map(|(k, v)| {
                vec![
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                ]
            })
            .collect()
    }

    /// Whether the server labelled the body JSON.
    #[napi(getter)]
    pub fn is_json(&self) -> bool {
        self.inner.is_json()
    }

    /// The body as text (UTF-8; invalid sequences replaced). An ASCII body
    /// (JSON with escaped non-ASCII text) is handed to V8 as Latin-1, which
    /// it copies as it is, ~5x faster than decoding UTF-8 (a 72 KB page:
    /// 27 -> 5 us); any other body is decoded from UTF-8 without a copy here.
    #[napi(ts_return_type = "string")]
    pub fn text<'env>(&self, env: &'env Env) -> napi::Result<napi::JsString<'env>> {
        let body = &self.inner.body;
        if body.is_ascii() {
            return env.create_string_latin1(body);
        }
        env.create_string(self.inner.text())
    }

    /// The body's `message`, or the official default for the status.
    #[napi]
    pub fn message(&self) -> String {
        self.inner.message()
    }

    /// TikTok's own error code in the body, when there is one.
    #[napi(getter)]
    pub fn tiktok_code(&self) -> Option<i64> {
        self.inner.tiktok_code()
    }

    #[napi(getter)]
    pub fn tiktok_description(&self) -> Option<&'static str> {
        self.inner.tiktok_description()
    }

    /// The core's classification of an API error (`rate_limit`, `tiktok`, ...).
    #[napi(getter)]
    pub fn error_kind(&self) -> &'static str {
        self.inner.error_kind().name()
    }

    /// For a 429: how long the server asked to wait, in milliseconds.
    #[napi(getter)]
    pub fn retry_after_ms(&self) -> Option<f64> {
        self.inner.retry_after().map(|d| d.as_secs_f64() * 1000.0)
    }

    /// The endpoint key of the call (`public.posts`).
    #[napi(getter)]
    pub fn endpoint(&self) -> Option<String> {
        self.inner.endpoint().map(str::to_owned)
    }

    /// Where this page's items are in its JSON: `["itemList"]`,
    /// `["notice_lists", "0", "notice_list"]`, or null.
    #[napi]
    pub fn items_path(&self) -> Option<Vec<String>> {
        use tikapi_core::pages::{item_list_path, PathStep};
        let path = item_list_path(self.inner.json()?)?;
        Some(
            path.iter()
                .map(|step| match step {
                    PathStep::Key(k) => (*k).to_owned(),
                    PathStep::Index(i) => i.to_string(),
                })
                .collect(),
        )
    }

    /// In an item walk, how many of this page's items belong to it: null for
    /// all, fewer on the page where `maxItems` is reached (the core counts).
    #[napi(getter)]
    pub fn items_take(&self) -> Option<u32> {
        self.take.map(|n| n.min(u32::MAX as usize) as u32)
    }

    /// In an item walk, how many items at the start of this page it skips
    /// (the first page of a resumed walk).
    #[napi(getter)]
    pub fn items_skip(&self) -> u32 {
        self.skip.min(u32::MAX as usize) as u32
    }

    /// Whether there is a next page, decided by the core from this page's body
    /// alone (the official rule), so that `nextItems()` can answer null at
    /// once as the official SDK does.
    #[napi(getter)]
    pub fn has_next_page(&self) -> bool {
        tikapi_core::Client::has_next_page(&self.inner)
    }

    /// A promise of the next page (null after the last), per the official rule.
    #[napi(ts_return_type = "Promise<NativeResponse | null | NativeFailure>")]
    pub fn next_page<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelHandle>,
        #[napi(
            ts_arg_type = "{ start: (attempt: any) => string[][]; finish: (finished: any) => void } | null"
        )]
        observer: Option<Object<'_>>,
    ) -> napi::Result<Object<'env>> {
        let observer = observe::from_js(observer)?;
        let response = self.inner.share();
        let client = self.client.clone();
        let what = format!(
            "the next page of {}",
            self.inner.endpoint().unwrap_or("a call")
        );
        promise(env, what, cancel.cloned(), async move {
            Ok(observe::run(observer, Client::next_page(&response))
                .await?
                .map(|r| NativeResponse::with_client(r, client)))
        })
    }

    /// Stream `link` to `path` (atomically), with this response's video link
    /// headers; resolves to the number of bytes written.
    // The JS face's positional arguments, as napi hands them over.
    #[allow(clippy::too_many_arguments)]
    #[napi(ts_return_type = "Promise<number | NativeFailure>")]
    pub fn save_video<'env>(
        &self,
        env: &'env Env,
        link: String,
        path: String,
        #[napi(ts_arg_type = "{ headers?: unknown; timeout?: unknown } | null")] save: Option<
            Unknown<'_>,
        >,
        #[napi(ts_arg_type = "((written: number, total: number | null) => void) | null")]
        progress: Option<Function<'env, ProgressArgs, ()>>,
        cancel: Option<&CancelHandle>,
        #[napi(
            ts_arg_type = "{ start: (attempt: any) => string[][]; finish: (finished: any) => void } | null"
        )]
        observer: Option<Object<'_>>,
    ) -> napi::Result<Object<'env>> {
        let what = format!("GET {link}");
        let observer = observe::from_js(observer)?;
        let (extra, opts) = match self.download_settings(save)? {
            Ok(s) => s,
            Err(e) => return promise(env, what, None, async move { Err::<f64, _>(e) }),
        };
        let progress: Option<tikapi_core::download::Progress> = match progress {
            None => None,
            Some(f) => {
                let tsfn: ProgressFn = f
                    .build_threadsafe_function()
                    .callee_handled::<false>()
                    .build()?;
                Some(Box::new(move |written: u64, total: Option<u64>| {
                    let _ = tsfn.call(
                        (written as f64, total.map(|t| t as f64)).into(),
                        ThreadsafeFunctionCallMode::NonBlocking,
                    );
                }))
            }
        };
        let source = self.inner.share();
        promise(env, what, cancel.cloned(), async move {
            let path = PathBuf::from(path);
            let save = tikapi_core::download::save_video(
                &link,
                &path,
                Some(&source),
                &extra,
                &opts,
                progress,
            );
            let written = observe::run(observer, save).await?;
            Ok(written as f64)
        })
    }
}

impl NativeResponse {
    /// `{ headers, timeout }` of a download, read by the core, over the
    /// options of the scope that made the call.
    pub(crate) fn download_settings(
        &self,
        save: Option<Unknown<'_>>,
    ) -> napi::Result<tikapi_core::Result<tikapi_core::download::DownloadSettings>> {
        Ok(options::read(save.as_ref(), Source::Download)?
            .map(|given| tikapi_core::download::download_settings(given, self.client.as_ref())))
    }

    /// The core response.
    pub(crate) fn core(&self) -> &Response {
        &self.inner
    }

    pub(crate) fn with_client(inner: Response, client: Option<Client>) -> Self {
        NativeResponse {
            inner,
            client,
            skip: 0,
            take: None,
        }
    }

    pub(crate) fn with_range(mut self, skip: usize, take: Option<usize>) -> Self {
        self.set_range(skip, take);
        self
    }

    pub(crate) fn set_range(&mut self, skip: usize, take: Option<usize>) {
        self.skip = skip;
        self.take = take;
    }
}

/// The response of an API error (a status outside 2xx), or null.
#[napi]
pub fn failure_response(failure: &NativeFailure) -> Option<NativeResponse> {
    failure
        .api_response()
        .map(|r| NativeResponse::from(r.share()))
}
