//! Auto-pagination: every page of a call, or every item across pages.

use serde_json::Value as Json;

use crate::args::Args;
use crate::client::{next_call, CallOptions, Client};
use crate::error::Result;
use crate::response::Response;

/// When to stop walking pages, beside the API saying there is no more.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageLimits {
    /// Stop after this many pages.
    pub max_pages: Option<u64>,
    /// Stop once this many items have been seen.
    pub max_items: Option<u64>,
}

enum State {
    First(Args, CallOptions),
    After(Response),
    Done,
}

/// The pages of one call. Call [`Pages::next`] until it gives `None`.
pub struct Pages {
    client: Client,
    endpoint: String,
    state: State,
    limits: PageLimits,
    pages: u64,
    items: u64,
}

impl Pages {
    pub(crate) fn new(client: Client, endpoint: String, args: Args, limits: PageLimits) -> Pages {
        Pages::with_call(client, endpoint, args, CallOptions::default(), limits)
    }

    /// Pages of a call with per-call settings.
    pub fn with_call(
        client: Client,
        endpoint: String,
        args: Args,
        call: CallOptions,
        limits: PageLimits,
    ) -> Pages {
        Pages {
            client,
            endpoint,
            state: State::First(args, call),
            limits,
            pages: 0,
            items: 0,
        }
    }

    /// The next page, `None` after the last one. An error ends the walk.
    pub async fn next(&mut self) -> Option<Result<Response>> {
        if self.limits.max_pages.is_some_and(|m| self.pages >= m)
            || self.limits.max_items.is_some_and(|m| self.items >= m)
        {
            self.state = State::Done;
        }
        let result = match std::mem::replace(&mut self.state, State::Done) {
            State::Done => return None,
            State::First(args, call) => self.client.call_with(&self.endpoint, args, call).await,
            State::After(prev) => {
                let (origin, args) = next_call(&prev)?;
                origin
                    .client
                    .call_with(&origin.endpoint, args, origin.call.clone())
                    .await
            }
        };
        match result {
            Ok(page) => {
                self.pages += 1;
                self.items += page
                    .json()
                    .and_then(item_list)
                    .map_or(0, |l| l.len() as u64);
                // The page is handed out; a cheap twin keeps what the next call needs.
                self.state = State::After(page.share());
                Some(Ok(page))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// How many pages have been returned so far.
    pub fn page_count(&self) -> u64 {
        self.pages
    }
}

/// The list of items a page carries, whatever the endpoint calls it.
pub fn item_list(body: &Json) -> Option<&Vec<Json>> {
    const KEYS: &[&str] = &[
        "itemList",
        "comments",
        "userList",
        "users",
        "data",
        "messages",
        "conversations",
        "messagesList",
        "music",
        "challenges",
        "playList",
        "list",
        "transactions",
        "topics",
    ];
    let obj = body.as_object()?;
    if let Some(list) = obj
        .get("notice_lists")
        .and_then(|l| l.get(0))
        .and_then(|first| first.get("notice_list"))
        .and_then(Json::as_array)
    {
        return Some(list);
    }
    KEYS.iter()
        .find_map(|k| obj.get(*k).and_then(Json::as_array))
}
