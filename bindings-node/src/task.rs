//! Running a call on the core's tokio runtime and settling its promise on the
//! JS thread. The JS thread only converts arguments and builds results.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use napi::bindgen_prelude::{Object, ToNapiValue};
use napi::{Either, Env};
use tikapi_core::Error;

use crate::cancel::CancelHandle;
use crate::error::{failure, internal, NativeFailure};

/// What a native promise resolves to: the value, or what went wrong.
pub(crate) type Outcome<T> = Either<T, NativeFailure>;

/// Start `work` on the shared runtime and return a promise of its outcome.
/// `what` names the work in a cancellation or internal-error message.
pub(crate) fn promise<'env, T, F>(
    env: &'env Env,
    what: String,
    cancel: Option<CancelHandle>,
    work: F,
) -> napi::Result<Object<'env>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = tikapi_core::Result<T>> + Send + 'static,
{
    let (deferred, promise) = env.create_deferred()?;
    let run = async move {
        let result = match cancel {
            None => work.await,
            Some(c) => tokio::select! {
                r = work => r,
                () = c.wait() => Err(Error::cancelled(what.clone())),
            },
        };
        match result {
            Ok(v) => Either::A(v),
            Err(e) => Either::B(failure(e)),
        }
    };
    tikapi_core::runtime::runtime().spawn(async move {
        let outcome: Outcome<T> = match AssertUnwindSafe(run).catch_unwind().await {
            Ok(outcome) => outcome,
            Err(_) => Either::B(internal("running a call")),
        };
        deferred.resolve(move |_env| Ok(outcome));
    });
    Ok(promise)
}
