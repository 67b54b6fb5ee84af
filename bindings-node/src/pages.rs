//! Auto-pagination for `for await`: the core's page walker behind a lock,
//! advanced one page per `next()`.

use std::sync::Arc;

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use tikapi_core::{Client, Pages};
use tokio::sync::Mutex;

use crate::cancel::CancelHandle;
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
    ) -> napi::Result<Object<'env>> {
        let walk = self.walk.clone();
        let client = self.client.clone();
        let what = format!("a page of {}", self.endpoint);
        promise(env, what, cancel.cloned(), async move {
            let mut walk = walk.lock().await;
            match walk.next().await {
                None => Ok(None),
                Some(Ok(page)) => {
                    let take = walk.take();
                    Ok(Some(
                        NativeResponse::with_client(page, Some(client)).with_take(take),
                    ))
                }
                Some(Err(e)) => Err(e),
            }
        })
    }
}
