//! Auto-pagination for `for await`: the core's page walker behind a lock,
//! advanced one page per `next()` over the native transport, or, for the
//! JS face's own sending path, one `prepare()` / `accept()` pair per page
//! (the walk's limits and counts are the core's either way).

use std::sync::Arc;

use napi::bindgen_prelude::Object;
use napi::{Either, Env};
use napi_derive::napi;
use tikapi_core::{Client, Pages};
use tokio::sync::Mutex;

use crate::cancel::CancelHandle;
use crate::error::{failure, NativeFailure};
use crate::observe;
use crate::prepared::NativeRequest;
use crate::response::NativeResponse;
use crate::task::promise;

#[napi]
pub struct NativePages {
    walk: Arc<Mutex<Pages>>,
    endpoint: String,
    client: Client,
}

impl NativePages {
    pub(crate) fn new(pages: Pages, endpoint: String, client: Client) -> Self {
        NativePages {
            walk: Arc::new(Mutex::new(pages)),
            endpoint,
            client,
        }
    }
}

#[napi]
impl NativePages {
    /// A promise of the next page, or null after the last one (or the limits).
    #[napi(ts_return_type = "Promise<NativeResponse | null | NativeFailure>")]
    pub fn next<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelHandle>,
        #[napi(
            ts_arg_type = "{ start: (attempt: any) => string[][]; finish: (finished: any) => void } | null"
        )]
        observer: Option<Object<'_>>,
    ) -> napi::Result<Object<'env>> {
        let observer = observe::from_js(observer)?;
        let walk = self.walk.clone();
        let client = self.client.clone();
        let what = format!("a page of {}", self.endpoint);
        promise(env, what, cancel.cloned(), async move {
            let mut walk = walk.lock().await;
            match observe::run(observer, walk.next()).await {
                None => Ok(None),
                Some(Ok(page)) => Ok(Some(
                    NativeResponse::with_client(page, Some(client))
                        .with_range(walk.skip(), walk.take()),
                )),
                Some(Err(e)) => Err(e),
            }
        })
    }

    /// The call of the next page, laid out and not sent (null when the walk
    /// is over), for the face's own sending path; its page goes to `accept`.
    #[napi]
    pub fn prepare(&self) -> napi::Result<Option<Either<NativeRequest, NativeFailure>>> {
        let mut walk = self.busy()?;
        Ok(walk.next_call().map(|call| match call {
            Ok(p) => Either::A(NativeRequest::new(p)),
            Err(e) => Either::B(failure(e)),
        }))
    }

    /// Take the page the call of `prepare` answered: it counts towards the
    /// limits, and learns which of its items belong to the walk.
    #[napi]
    pub fn accept(&self, page: &mut NativeResponse) -> napi::Result<()> {
        let mut walk = self.busy()?;
        let _ = walk.accept(Ok(page.core().share()));
        page.set_range(walk.skip(), walk.take());
        Ok(())
    }

    /// Where the walk stands, as JSON text (null once it is over): after
    /// `handed` items of the last page for an item walk, after the last page
    /// for a page walk.
    #[napi]
    pub fn resume_token(&self, handed: Option<u32>) -> napi::Result<Option<String>> {
        let walk = self.busy()?;
        let point = match handed {
            Some(n) => walk.item_resume_point(n.into()),
            None => walk.resume_point(),
        };
        Ok(point.map(|p| p.to_json().to_string()))
    }

    /// The call of `prepare` failed or was answered by a hook: the walk ends.
    #[napi]
    pub fn end(&self) -> napi::Result<()> {
        let mut walk = self.busy()?;
        let _ = walk.accept(Err(tikapi_core::Error::Usage("the walk ended".to_owned())));
        Ok(())
    }
}

impl NativePages {
    fn busy(&self) -> napi::Result<tokio::sync::MutexGuard<'_, Pages>> {
        self.walk.try_lock().map_err(|_| {
            napi::Error::new(
                napi::Status::GenericFailure,
                "a page of this walk is still being fetched",
            )
        })
    }
}
