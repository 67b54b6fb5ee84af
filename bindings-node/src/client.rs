//! A client scope: the root `TikAPI(key)` or a category scope such as
//! `new api.user({accountKey})`.

use napi::bindgen_prelude::{Object, Unknown};
use napi::{Either, Env};
use napi_derive::napi;
use tikapi_core::{CallOptions, Client, Flavor, PageLimits, Pages};

use crate::cancel::CancelHandle;
use crate::convert;
use crate::error::{failure, NativeFailure};
use crate::options::{self, JsOptions};
use crate::pages::NativePages;
use crate::prepared::NativeRequest;
use crate::response::NativeResponse;
use crate::task::promise;

#[napi]
pub struct NativeClient {
    inner: Client,
}

/// Per-call settings beside the endpoint's arguments.
#[napi(object)]
#[derive(Default)]
pub struct CallSettings {
    /// `$sandbox` for this call only.
    pub sandbox: Option<bool>,
    /// `$options` for this call only.
    pub options: Option<JsOptions>,
}

/// When an auto-paginating walk stops, beside the last page.
#[napi(object)]
#[derive(Default)]
pub struct Limits {
    pub max_pages: Option<f64>,
    pub max_items: Option<f64>,
}

fn call_options(settings: Option<CallSettings>) -> napi::Result<CallOptions> {
    let settings = settings.unwrap_or_default();
    Ok(CallOptions {
        sandbox: settings.sandbox,
        options: options::core(settings.options)?,
    })
}

fn limit(n: Option<f64>) -> Option<u64> {
    n.filter(|n| n.is_finite() && *n >= 0.0).map(|n| n as u64)
}

#[napi]
impl NativeClient {
    /// A root client for `apiKey`, following the official npm SDK's rules.
    #[napi(constructor)]
    pub fn new(api_key: String) -> Self {
        NativeClient {
            inner: Client::with_flavor(&api_key, Flavor::Js),
        }
    }

    /// A category scope below this one, with `bound` values (`{accountKey}`).
    #[napi]
    pub fn scope(&self, bound: Option<Unknown<'_>>) -> napi::Result<NativeClient> {
        let bound = convert::args(bound.as_ref())?;
        Ok(NativeClient {
            inner: self.inner.scope(bound),
        })
    }

    /// Bind default values, switch the sandbox, change options. Null values are ignored.
    #[napi]
    pub fn set(
        &self,
        values: Option<Unknown<'_>>,
        sandbox: Option<bool>,
        options: Option<JsOptions>,
    ) -> napi::Result<()> {
        let values = convert::args(values.as_ref())?;
        let options = match options {
            Some(o) => Some(o.into_core()?),
            None => None,
        };
        self.inner.set(&values, sandbox, options.as_ref());
        Ok(())
    }

    /// Whether calls go to the sandbox.
    #[napi(getter)]
    pub fn sandbox(&self) -> bool {
        self.inner.sandbox(None)
    }

    /// Call `endpoint` (`public.check`); resolves to a response or a failure.
    #[napi(ts_return_type = "Promise<NativeResponse | NativeFailure>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        endpoint: String,
        args: Option<Unknown<'_>>,
        settings: Option<CallSettings>,
        cancel: Option<&CancelHandle>,
    ) -> napi::Result<Object<'env>> {
        let what = endpoint.clone();
        let args = match convert::args(args.as_ref()) {
            Ok(args) => args,
            // A parameter that cannot be taken fails the call like a broken rule.
            Err(e) => {
                let e = e.into_core()?;
                return promise(env, what, None, async move { Err::<NativeResponse, _>(e) });
            }
        };
        let call = call_options(settings)?;
        let client = self.inner.clone();
        promise(env, what, cancel.cloned(), async move {
            let r = client.call_with(&endpoint, args, call).await?;
            Ok(NativeResponse::with_client(r, Some(client)))
        })
    }

    /// Resolve, validate and lay out a call without sending it: the request
    /// for the JS face's own path, or the failure (validation) of the call.
    #[napi]
    pub fn prepare(
        &self,
        endpoint: String,
        args: Option<Unknown<'_>>,
        settings: Option<CallSettings>,
    ) -> napi::Result<Either<NativeRequest, NativeFailure>> {
        let args = match convert::args(args.as_ref()) {
            Ok(args) => args,
            Err(e) => return Ok(Either::B(failure(e.into_core()?))),
        };
        let call = call_options(settings)?;
        Ok(match self.inner.prepare_call(&endpoint, args, call) {
            Ok(p) => Either::A(NativeRequest::new(p)),
            Err(e) => Either::B(failure(e)),
        })
    }

    /// The pages of a call, fetched one at a time by `next()`; a failure
    /// when a parameter cannot be taken.
    #[napi]
    pub fn pages(
        &self,
        endpoint: String,
        args: Option<Unknown<'_>>,
        settings: Option<CallSettings>,
        limits: Option<Limits>,
    ) -> napi::Result<Either<NativePages, NativeFailure>> {
        let args = match convert::args(args.as_ref()) {
            Ok(args) => args,
            Err(e) => return Ok(Either::B(failure(e.into_core()?))),
        };
        let call = call_options(settings)?;
        let limits = limits.unwrap_or_default();
        let limits = PageLimits {
            max_pages: limit(limits.max_pages),
            max_items: limit(limits.max_items),
        };
        let pages = Pages::with_call(self.inner.clone(), endpoint.clone(), args, call, limits);
        Ok(Either::A(NativePages::new(
            pages,
            endpoint,
            self.inner.clone(),
        )))
    }
}
