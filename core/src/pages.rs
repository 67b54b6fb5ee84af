//! Pages: the call a response answered (kept with the response, so that
//! the page after it can be asked for), the next page, and auto-pagination
//! over every page of a call or every item across pages.

use serde_json::Value as Json;

use crate::args::Args;
use std::fmt;
use std::sync::Arc;

use crate::client::{select, CallOptions, Client};
use crate::dialect::Dialect;
use crate::error::{Error, Result, Rule};
use crate::options::Options;
use crate::request::Request;
use crate::resolve::Bound;
use crate::response::Response;
use crate::value::Value;

/// When to stop walking pages, beside the API saying there is no more:
/// `PageLimits::default().with_max_pages(5)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageLimits {
    /// Stop after this many pages.
    pub max_pages: Option<u64>,
    /// Stop once this many items have been seen; an item walk hands out
    /// exactly this many (see [`Pages::take`]).
    pub max_items: Option<u64>,
}

impl PageLimits {
    /// These limits with a page cap.
    pub fn with_max_pages(mut self, n: u64) -> Self {
        self.max_pages = Some(n);
        self
    }

    /// These limits with an item cap.
    pub fn with_max_items(mut self, n: u64) -> Self {
        self.max_items = Some(n);
        self
    }

    /// Limits as an app gave them: each null (no limit) or a whole number
    /// of at least 0 (a larger one than any walk reaches is no limit).
    /// Anything else is a validation error naming the limit as the language spells it
    /// (`max_pages` / `maxPages`).
    pub fn parse(max_pages: &Value, max_items: &Value, flavor: Dialect) -> Result<PageLimits> {
        let names = match flavor {
            Dialect::Python => ["max_pages", "max_items"],
            Dialect::Js | Dialect::Rust => ["maxPages", "maxItems"],
        };
        Ok(PageLimits {
            max_pages: limit(names[0], max_pages, flavor)?,
            max_items: limit(names[1], max_items, flavor)?,
        })
    }
}

fn limit(name: &str, v: &Value, flavor: Dialect) -> Result<Option<u64>> {
    let whole = match v {
        Value::Null => return Ok(None),
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 => Some(*f),
        _ => None,
    };
    let (rule, ok) = match whole {
        Some(n) if n < 0.0 => (Rule::Min, None),
        Some(n) => (Rule::Type, Some(n as u64)),
        None => (Rule::Type, None),
    };
    match ok {
        Some(n) => Ok(Some(n)),
        None => Err(Error::validation(
            name,
            rule,
            format!(
                "`{name}` must be a whole number >= 0 or {}, not {}",
                Value::Null.text(flavor),
                crate::settings::describe(v, flavor)
            ),
        )),
    }
}

/// The call a response answered: the scope, the endpoint, the arguments,
/// the per-call settings and the request sent. Kept in the response's
/// extensions, so that the page after it can be asked for.
pub(crate) struct Origin {
    client: Client,
    endpoint: String,
    args: Args,
    call: CallOptions,
    request: Arc<Request>,
}

impl Client {
    /// Call an endpoint by its key (`public.check`, `user.posts.comments.list`).
    /// A status outside 2xx is an [`crate::Error::Api`].
    pub async fn call(&self, endpoint: &str, args: Args) -> Result<Response> {
        self.call_with(endpoint, args, CallOptions::default()).await
    }

    /// [`Client::call`] with per-call settings.
    pub async fn call_with(
        &self,
        endpoint: &str,
        args: Args,
        call: CallOptions,
    ) -> Result<Response> {
        self.prepare_call(endpoint, args, call)?.send().await
    }

    /// Resolve, validate and lay out a call, keeping what is needed to send
    /// it here ([`Prepared::send`]) or to take an answer obtained elsewhere
    /// ([`Prepared::complete`]), such as through a binding's own HTTP stack.
    pub fn prepare_call(&self, endpoint: &str, args: Args, call: CallOptions) -> Result<Prepared> {
        let request = self.prepare(endpoint, &args, &call)?;
        let options = call.options.inherit(&self.options());
        Ok(Prepared {
            options,
            origin: Arc::new(Origin {
                client: self.clone(),
                endpoint: endpoint.to_owned(),
                args,
                call,
                request: Arc::new(request),
            }),
        })
    }

    /// The page after `response`, or `None` when it was the last.
    pub async fn next_page(response: &Response) -> Result<Option<Response>> {
        match Client::prepare_next(response) {
            None => Ok(None),
            Some(prepared) => prepared?.send().await.map(Some),
        }
    }

    /// The call for the page after `response`, laid out and not sent, or
    /// `None` when it was the last.
    pub fn prepare_next(response: &Response) -> Option<Result<Prepared>> {
        let (origin, args) = next_call(response)?;
        Some(
            origin
                .client
                .prepare_call(&origin.endpoint, args, origin.call.clone()),
        )
    }

    /// Whether [`Client::next_page`] would fetch another page, per the
    /// official rule of the client's flavor; nothing is sent.
    pub fn has_next_page(response: &Response) -> bool {
        next_call(response).is_some()
    }

    /// Every page of a call, as a stream, ending after the last page or the
    /// limits.
    pub fn pages(&self, endpoint: &str, args: Args, limits: PageLimits) -> Pages {
        Pages::new(self.clone(), endpoint.to_owned(), args, limits)
    }
}

/// A call laid out and not yet sent (see [`Client::prepare_call`]).
#[derive(Clone)]
pub struct Prepared {
    /// The options in force for the call (timeout, body cap, ...).
    pub options: Options,
    origin: Arc<Origin>,
}

impl fmt::Debug for Prepared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Prepared")
            .field("request", &self.origin.request)
            .finish_non_exhaustive()
    }
}

impl Prepared {
    /// The scope that makes the call.
    pub fn client(&self) -> &Client {
        &self.origin.client
    }

    /// The endpoint key (`public.posts`).
    pub fn endpoint(&self) -> &str {
        &self.origin.endpoint
    }

    /// What goes on the wire.
    pub fn request(&self) -> &Request {
        &self.origin.request
    }

    /// The call's own arguments (bound values not included).
    pub fn args(&self) -> &Args {
        &self.origin.args
    }

    /// Send the request over the core's transport and complete the answer.
    pub async fn send(&self) -> Result<Response> {
        let response = self
            .origin
            .client
            .send(&self.origin.request, &self.options)
            .await?;
        self.complete(response)
    }

    /// Take an answer to this request, however it was obtained: it gets the
    /// call's origin (so that its next page can be asked for), and a status
    /// outside 2xx becomes an [`Error::Api`].
    pub fn complete(&self, mut response: Response) -> Result<Response> {
        response.endpoint = Some(self.origin.endpoint.as_str().into());
        response.request = Some(self.origin.request.clone());
        response.extensions_mut().insert(self.origin.clone());
        if response.ok() {
            Ok(response)
        } else {
            Err(Error::Api(Box::new(response)))
        }
    }
}

/// The arguments of the call after `response`, per the official rule.
fn next_call(response: &Response) -> Option<(&Origin, Args)> {
    let origin = response.extensions().get::<Arc<Origin>>()?;
    // The JS SDK reads a body as JSON only when the server says it is; the
    // Python SDK tries to parse whatever came.
    if origin.client.flavor() != Dialect::Python && !response.is_json() {
        return None;
    }
    let json = response.head()?;
    let endpoint = select(&origin.endpoint, |name| {
        origin.args.contains(name) || origin.client.bound(name).is_some()
    })
    .ok()?;
    let args = crate::cursor::next_args(endpoint, &origin.args, json, origin.client.flavor())?;
    Some((origin, args))
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
    take: Option<usize>,
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
            take: None,
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
                self.take = None;
                // Counting items needs the whole body: only when a limit asks.
                if let Some(max) = self.limits.max_items {
                    let count = page
                        .json()
                        .and_then(item_list)
                        .map_or(0, |l| l.len() as u64);
                    let left = max.saturating_sub(self.items);
                    if count > left {
                        self.take = Some(left as usize);
                    }
                    self.items += count;
                }
                // The page is handed out; a cheap twin keeps what the next call needs.
                self.state = State::After(page.share());
                Some(Ok(page))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// How many items of the page [`Pages::next`] returned last belong to
    /// the walk: `None` for all of them, fewer when `max_items` ends the walk
    /// inside that page. An item walk hands out exactly `max_items` items by
    /// taking this many of the last page's [`item_list`].
    pub fn take(&self) -> Option<usize> {
        self.take
    }

    /// How many pages have been returned so far.
    pub fn page_count(&self) -> u64 {
        self.pages
    }
}

/// One step of a path into a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathStep {
    Key(&'static str),
    Index(usize),
}

/// Where the items of a page are, whatever the endpoint calls them: the
/// bindings use this path to hand out items without a second rule.
pub fn item_list_path(body: &Json) -> Option<&'static [PathStep]> {
    const NOTICES: &[PathStep] = &[
        PathStep::Key("notice_lists"),
        PathStep::Index(0),
        PathStep::Key("notice_list"),
    ];
    const KEYS: &[&[PathStep]] = &[
        &[PathStep::Key("itemList")],
        &[PathStep::Key("comments")],
        &[PathStep::Key("userList")],
        &[PathStep::Key("users")],
        &[PathStep::Key("data")],
        &[PathStep::Key("messages")],
        &[PathStep::Key("conversations")],
        &[PathStep::Key("messagesList")],
        &[PathStep::Key("music")],
        &[PathStep::Key("challenges")],
        &[PathStep::Key("playList")],
        &[PathStep::Key("list")],
        &[PathStep::Key("transactions")],
        &[PathStep::Key("topics")],
    ];
    std::iter::once(NOTICES)
        .chain(KEYS.iter().copied())
        .find(|path| follow(body, path).is_some_and(Json::is_array))
}

fn follow<'a>(body: &'a Json, path: &[PathStep]) -> Option<&'a Json> {
    path.iter().try_fold(body, |at, step| match step {
        PathStep::Key(k) => at.as_object()?.get(*k),
        PathStep::Index(i) => at.as_array()?.get(*i),
    })
}

/// The list of items a page carries, whatever the endpoint calls it.
pub fn item_list(body: &Json) -> Option<&Vec<Json>> {
    follow(body, item_list_path(body)?)?.as_array()
}
