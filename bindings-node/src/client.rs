//! A client scope: the root `TikAPI(key)` or a category scope such as
//! `new api.user({accountKey})`.

use napi::bindgen_prelude::{Object, Unknown};
use napi::{Either, Env, ValueType};
use napi_derive::napi;
use tikapi_core::settings::Source;
use tikapi_core::{Client, Dialect, Pages, ResumePoint};

use crate::cancel::CancelHandle;
use crate::convert;
use crate::error::{failure, NativeFailure};
use crate::observe;
use crate::options;
use crate::pages::NativePages;
use crate::prepared::NativeRequest;
use crate::response::NativeResponse;
use crate::task::promise;

#[napi]
pub struct NativeClient {
    inner: Client,
}

#[napi]
impl NativeClient {
    /// A root client for `apiKey`, following the official npm SDK's rules.
    #[napi(constructor)]
    pub fn new(api_key: String) -> Self {
        NativeClient {
            inner: Client::with_dialect(&api_key, Dialect::Js),
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

    /// Bind default values, switch the sandbox, change options (`$options`,
    /// read by the core). Null values are ignored. Nothing changes when the
    /// options are refused: the failure is returned.
    #[napi]
    pub fn set(
        &self,
        values: Option<Unknown<'_>>,
        sandbox: Option<bool>,
        options: Option<Unknown<'_>>,
    ) -> napi::Result<Option<NativeFailure>> {
        let given = options
            .as_ref()
            .is_some_and(|o| !matches!(o.get_type(), Ok(ValueType::Undefined | ValueType::Null)));
        let options = match options::read(options.as_ref(), Source::Call)? {
            Ok(o) => o,
            Err(e) => return Ok(Some(failure(e))),
        };
        let values = convert::args(values.as_ref())?;
        self.inner.set(&values, sandbox, given.then_some(&options));
        Ok(None)
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
        settings: Option<Unknown<'_>>,
        cancel: Option<&CancelHandle>,
        #[napi(
            ts_arg_type = "{ start: (attempt: any) => string[][]; finish: (finished: any) => void } | null"
        )]
        observer: Option<Object<'_>>,
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
        let call = match options::call(settings.as_ref())? {
            Ok(call) => call,
            Err(e) => return promise(env, what, None, async move { Err::<NativeResponse, _>(e) }),
        };
        let observer = observe::from_js(observer)?;
        let client = self.inner.clone();
        promise(env, what, cancel.cloned(), async move {
            let r = observe::run(observer, client.call_with(&endpoint, args, call)).await?;
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
        settings: Option<Unknown<'_>>,
    ) -> napi::Result<Either<NativeRequest, NativeFailure>> {
        let args = match convert::args(args.as_ref()) {
            Ok(args) => args,
            Err(e) => return Ok(Either::B(failure(e.into_core()?))),
        };
        let call = match options::call(settings.as_ref())? {
            Ok(call) => call,
            Err(e) => return Ok(Either::B(failure(e))),
        };
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
        settings: Option<Unknown<'_>>,
        #[napi(
            ts_arg_type = "{ maxPages?: unknown; maxItems?: unknown; resume?: unknown } | null"
        )]
        limits: Option<Unknown<'_>>,
    ) -> napi::Result<Either<NativePages, NativeFailure>> {
        let args = match convert::args(args.as_ref()) {
            Ok(args) => args,
            Err(e) => return Ok(Either::B(failure(e.into_core()?))),
        };
        let call = match options::call(settings.as_ref())? {
            Ok(call) => call,
            Err(e) => return Ok(Either::B(failure(e))),
        };
        let limits_in = limits;
        let limits = match options::limits(limits_in.as_ref())? {
            Ok(limits) => limits,
            Err(e) => return Ok(Either::B(failure(e))),
        };
        let token = options::resume(limits_in.as_ref())?;
        let pages = if token.is_null() {
            Pages::with_call(self.inner.clone(), endpoint.clone(), args, call, limits)
        } else {
            match ResumePoint::for_call(&token.to_json(), &endpoint, &args) {
                Ok(point) => Pages::resume(self.inner.clone(), point, call, limits),
                Err(e) => return Ok(Either::B(failure(e))),
            }
        };
        Ok(Either::A(NativePages::new(
            pages,
            endpoint,
            self.inner.clone(),
        )))
    }
}
