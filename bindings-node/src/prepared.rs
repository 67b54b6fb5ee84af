//! A call laid out by the core, for the JS face's own sending path
//! (`$options.on_request`, `$options.fetch_agent`). The core's
//! [`Exchange`] drives it: the face sends one request through the app's agent,
//! hands back what came ([`NativeRequest::answer`]) or how it failed
//! ([`NativeRequest::failed`], by error code), and does what the step says:
//! send again after a wait, follow a redirect, or take the result. Redirects,
//! retries, error kinds and the response are the core's; Node only moves bytes.

use std::sync::Mutex;

use napi::bindgen_prelude::{Either4, Object};
use napi::{Either, Env};
use napi_derive::napi;
use tikapi_core::{Exchange, Prepared, Step};

use crate::answer::{response_of, NodeAnswer};
use crate::cancel::CancelHandle;
use crate::error::{failure, NativeFailure};
use crate::observe;
use crate::response::NativeResponse;
use crate::task::promise;

/// Send the same request again after `retryMs`.
#[napi(object)]
pub struct RetryStep {
    pub retry_ms: f64,
}

/// Send the request to `url` with `method`; `dropBody`: without its body.
#[napi(object)]
pub struct RedirectStep {
    pub url: String,
    pub method: String,
    pub drop_body: bool,
}

/// What the face does after an answer or a failure.
pub type NativeStep = Either4<NativeResponse, NativeFailure, RetryStep, RedirectStep>;

#[napi]
pub struct NativeRequest {
    inner: Prepared,
    exchange: Mutex<Exchange>,
}

impl NativeRequest {
    pub(crate) fn new(inner: Prepared) -> Self {
        NativeRequest {
            exchange: Mutex::new(Exchange::new(inner.clone())),
            inner,
        }
    }

    fn step(&self, f: impl FnOnce(&mut Exchange) -> Step) -> NativeStep {
        match f(&mut self.exchange()) {
            Step::Done(done) => match *done {
                Ok(r) => Either4::A(NativeResponse::with_client(
                    r,
                    Some(self.inner.client().clone()),
                )),
                Err(e) => Either4::B(failure(e)),
            },
            Step::Retry(wait) => Either4::C(RetryStep {
                retry_ms: wait.as_secs_f64() * 1000.0,
            }),
            Step::Redirect {
                url,
                method,
                drop_body,
            } => Either4::D(RedirectStep {
                url,
                method: method.as_str().to_owned(),
                drop_body,
            }),
        }
    }
}

#[napi]
impl NativeRequest {
    /// `GET` or `POST`.
    #[napi(getter)]
    pub fn method(&self) -> &'static str {
        self.inner.request().method.as_str()
    }

    /// The full URL, query included.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.inner.request().url.clone()
    }

    /// Header pairs in the order they are sent (the keys included: this is
    /// the app's own request, handed to the app's own hook).
    #[napi(getter)]
    pub fn headers(&self) -> Vec<Vec<String>> {
        self.inner
            .request()
            .headers
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect()
    }

    /// The JSON body of a POST, as text.
    #[napi(getter)]
    pub fn body(&self) -> Option<String> {
        self.inner
            .request()
            .body_bytes()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// The `User-Agent` the native transport sends.
    #[napi(getter)]
    pub fn user_agent(&self) -> String {
        self.inner.client().user_agent()
    }

    /// The time each send may take, in milliseconds (the core's).
    #[napi(getter)]
    pub fn timeout_ms(&self) -> f64 {
        self.exchange().timeout().as_secs_f64() * 1000.0
    }

    /// The largest body to read, in bytes (the core's).
    #[napi(getter)]
    pub fn max_body_size(&self) -> f64 {
        self.exchange().max_body_size() as f64
    }

    /// The call's own arguments as JSON text (for the hook's `params`).
    #[napi]
    pub fn args_json(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = self
            .inner
            .args()
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        serde_json::Value::Object(map).to_string()
    }

    /// The request about to be sent through the app's agent (the first, or
    /// the one after a retry step) as observers are told of it (the core's
    /// description); its end comes from `takeFinished` once answered or
    /// failed.
    #[napi]
    pub fn observe(&self) -> serde_json::Value {
        self.exchange().observe().to_json()
    }

    /// How the request `observe` described ended (once: null after that,
    /// and before its answer or failure).
    #[napi]
    pub fn take_finished(&self) -> Option<serde_json::Value> {
        self.exchange().take_finished().map(|f| f.to_json())
    }

    /// Whether an observer's trace headers (`traceparent`) are added to the
    /// request (the option `traceContext`, on unless set off).
    #[napi(getter)]
    pub fn propagate_trace(&self) -> bool {
        self.exchange().propagate_trace()
    }

    /// Send over the native transport; resolves to a response or a failure.
    #[napi(ts_return_type = "Promise<NativeResponse | NativeFailure>")]
    pub fn send<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelHandle>,
        #[napi(
            ts_arg_type = "{ start: (attempt: any) => string[][]; finish: (finished: any) => void } | null"
        )]
        observer: Option<Object<'_>>,
    ) -> napi::Result<Object<'env>> {
        let observer = observe::from_js(observer)?;
        let prepared = self.inner.clone();
        let what = self.inner.request().target();
        promise(env, what, cancel.cloned(), async move {
            let client = prepared.client().clone();
            let r = observe::run(observer, prepared.send()).await?;
            Ok(NativeResponse::with_client(r, Some(client)))
        })
    }

    /// Take the answer (any status) to the request last sent through the
    /// app's agent; the core says what comes next.
    #[napi(ts_return_type = "NativeResponse | NativeFailure | RetryStep | RedirectStep")]
    pub fn answer(&self, answer: NodeAnswer) -> napi::Result<NativeStep> {
        let response = response_of(answer)?;
        Ok(self.step(|x| x.answer(response)))
    }

    /// The request last sent got no complete answer: `code` is Node's error
    /// code or a kind name of the core's (`timeout`, `too_large`);
    /// `answered`: it failed while the body was read. The core classifies.
    #[napi(ts_return_type = "NativeResponse | NativeFailure | RetryStep | RedirectStep")]
    pub fn failed(&self, code: String, answered: bool, reason: String) -> NativeStep {
        self.step(|x| x.failed(&code, answered, &reason))
    }
}

impl NativeRequest {
    fn exchange(&self) -> std::sync::MutexGuard<'_, Exchange> {
        self.exchange.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The call for the page after `page`, laid out and not sent (null after the
/// last page), for the face's own sending path.
#[napi]
pub fn prepare_next(page: &NativeResponse) -> Option<Either<NativeRequest, NativeFailure>> {
    tikapi_core::Client::prepare_next(page.core()).map(|p| match p {
        Ok(p) => Either::A(NativeRequest::new(p)),
        Err(e) => Either::B(failure(e)),
    })
}
