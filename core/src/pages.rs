//! Auto-pagination over every page of a call or every item across pages,
//! with exact limits and a resume point that can be carried elsewhere.

use std::sync::Arc;

use serde_json::Value as Json;

use crate::args::Args;
use crate::client::{next_call, CallOptions, Client, Origin, Prepared};
use crate::dialect::Dialect;
use crate::error::{Error, Result, Rule};
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
    pub fn parse(max_pages: &Value, max_items: &Value, dialect: Dialect) -> Result<PageLimits> {
        let names = match dialect {
            Dialect::Python => ["max_pages", "max_items"],
            Dialect::Js | Dialect::Rust => ["maxPages", "maxItems"],
        };
        Ok(PageLimits {
            max_pages: limit(names[0], max_pages, dialect)?,
            max_items: limit(names[1], max_items, dialect)?,
        })
    }
}

fn limit(name: &str, v: &Value, dialect: Dialect) -> Result<Option<u64>> {
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
                Value::Null.text(dialect),
                crate::settings::describe(v, dialect)
            ),
        )),
    }
}

enum State {
    /// The first page's call, not yet made.
    First(Args, CallOptions),
    /// The call of a page handed out by [`Pages::next_call`] and not yet
    /// answered: its own arguments.
    Asked(Args),
    /// After a page: the page (its next-page rule gives the next call).
    After(Response),
    Done,
}

/// Where a walk stands, as a value that can be stored and carried to
/// another process: the endpoint, the arguments of the next page to fetch,
/// and how many items of that page were already handed out. It holds no key
/// and no setting (see [`Pages::resume`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ResumePoint {
    /// The endpoint key (`public.posts`).
    pub endpoint: String,
    /// The next page's own arguments (bound values not included).
    pub args: Args,
    /// Items of that page already handed out, to skip.
    pub skip: u64,
}

impl ResumePoint {
    /// As JSON: `{"endpoint": ..., "args": {...}, "skip": n}`. An account
    /// key given as an argument is left out: a token never holds a key (the
    /// walk that resumes gets it from its scope or its own arguments).
    pub fn to_json(&self) -> Json {
        let args: serde_json::Map<String, Json> = self
            .args
            .iter()
            .filter(|(k, _)| !is_secret_param(k))
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        serde_json::json!({ "endpoint": self.endpoint, "args": args, "skip": self.skip })
    }

    /// From the JSON of [`ResumePoint::to_json`]; anything else is a usage
    /// error naming what is wrong.
    pub fn from_json(json: &Json) -> Result<ResumePoint> {
        let bad = |what: &str| Error::Usage(format!("the resume token is not valid: {what}"));
        let obj = json.as_object().ok_or_else(|| bad("it is not an object"))?;
        let endpoint = obj
            .get("endpoint")
            .and_then(Json::as_str)
            .ok_or_else(|| bad("`endpoint` is not a string"))?;
        if crate::catalogue::catalogue().get(endpoint).is_none() {
            return Err(bad(&format!("`{endpoint}` is not an endpoint")));
        }
        let args = obj
            .get("args")
            .and_then(Json::as_object)
            .ok_or_else(|| bad("`args` is not an object"))?;
        let skip = match obj.get("skip") {
            None => 0,
            Some(v) => v
                .as_u64()
                .ok_or_else(|| bad("`skip` is not a whole number >= 0"))?,
        };
        let mut out = Args::new();
        for (k, v) in args {
            out.set(k.clone(), Value::from(v));
        }
        Ok(ResumePoint {
            endpoint: endpoint.to_owned(),
            args: out,
            skip,
        })
    }

    /// The point `token` gives, for a walk of `endpoint` called with
    /// `given` arguments beside the token. The token's arguments win where
    /// they page (the cursor); any other argument given must agree with the
    /// token's, and those the token lacks (an account key) are added.
    pub fn for_call(token: &Json, endpoint: &str, given: &Args) -> Result<ResumePoint> {
        let mut point = ResumePoint::from_json(token)?;
        if point.endpoint != endpoint {
            return Err(Error::Usage(format!(
                "the resume token continues a walk of {}, not of {endpoint}",
                point.endpoint
            )));
        }
        for (name, value) in given.iter() {
            if value.is_null() {
                continue;
            }
            match point.args.get(name) {
                None => point.args.set(name.clone(), value.clone()),
                Some(_) if crate::catalogue::CURSOR_PARAMS.contains(&name.as_str()) => {}
                Some(theirs) if theirs == value => {}
                Some(theirs) => {
                    return Err(Error::Usage(format!(
                        "the resume token continues a walk with {name}={}, not {name}={}: \
                         pass the token of this walk, or leave {name} out",
                        theirs.to_json(),
                        value.to_json()
                    )))
                }
            }
        }
        Ok(point)
    }
}

/// Parameters a resume token never holds.
fn is_secret_param(name: &str) -> bool {
    name.eq_ignore_ascii_case("accountKey")
}

/// The pages of one call. Call [`Pages::next`] until it gives `None`.
///
/// The walk itself does no I/O: [`Pages::next_call`] hands out the next
/// page's call and [`Pages::accept`] takes its outcome, so a binding that
/// sends through its own HTTP stack walks with the same limits and counts;
/// [`Pages::next`] is the two with the core's own transport between them.
pub struct Pages {
    client: Client,
    endpoint: String,
    state: State,
    limits: PageLimits,
    pages: u64,
    items: u64,
    /// Items to skip on the next page (a resumed walk).
    skip: u64,
    /// The range of the last page's items that belong to the walk.
    range: (usize, Option<usize>),
}

impl Pages {
    /// Every page of a call to `endpoint` by `client`, ending after the last
    /// page or the limits.
    pub fn new(client: Client, endpoint: String, args: Args, limits: PageLimits) -> Pages {
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
            skip: 0,
            range: (0, None),
        }
    }

    /// A walk that continues where `point` says: its page first, without
    /// the items already handed out. The limits count from here.
    pub fn resume(
        client: Client,
        point: ResumePoint,
        call: CallOptions,
        limits: PageLimits,
    ) -> Pages {
        let mut pages = Pages::with_call(client, point.endpoint, point.args, call, limits);
        pages.skip = point.skip;
        pages
    }

    /// The next page, `None` after the last one. An error ends the walk.
    pub async fn next(&mut self) -> Option<Result<Response>> {
        let call = match self.next_call()? {
            Ok(call) => call,
            Err(e) => return Some(Err(e)),
        };
        let outcome = call.send().await;
        Some(self.accept(outcome))
    }

    /// The call of the next page, laid out and not sent, or `None` when the
    /// walk is over (the last page, or a limit). Its outcome goes to
    /// [`Pages::accept`] before the next one is asked for.
    pub fn next_call(&mut self) -> Option<Result<Prepared>> {
        if self.limits.max_pages.is_some_and(|m| self.pages >= m)
            || self.limits.max_items.is_some_and(|m| self.items >= m)
        {
            // Stopped by a limit: the state stays, so the walk can be
            // resumed after its last item.
            return None;
        }
        let call = match std::mem::replace(&mut self.state, State::Done) {
            State::Done | State::Asked(_) => return None,
            State::First(args, call) => self.client.prepare_call(&self.endpoint, args, call),
            State::After(prev) => Client::prepare_next(&prev)?,
        };
        if let Ok(c) = &call {
            self.state = State::Asked(c.args().clone());
        }
        Some(call)
    }

    /// Take the outcome of the call [`Pages::next_call`] gave, and hand it
    /// back: a page counts towards the limits; an error ends the walk.
    pub fn accept(&mut self, outcome: Result<Response>) -> Result<Response> {
        let page = match outcome {
            Ok(page) => page,
            Err(e) => {
                self.state = State::Done;
                return Err(e);
            }
        };
        self.pages += 1;
        let skip = std::mem::take(&mut self.skip);
        // Counting items needs the whole body: only when a limit or a skip asks.
        if self.limits.max_items.is_some() || skip > 0 {
            let count = page
                .json()
                .and_then(item_list)
                .map_or(0, |l| l.len() as u64);
            let from = skip.min(count);
            let mut end = count;
            if let Some(max) = self.limits.max_items {
                end = end.min(from + max.saturating_sub(self.items));
            }
            self.items += end - from;
            self.range = (from as usize, (end < count).then_some(end as usize));
        } else {
            self.range = (0, None);
        }
        // The page is handed out; a cheap twin keeps what the next call needs.
        self.state = State::After(page.share());
        Ok(page)
    }

    /// How many items of the page [`Pages::next`] returned last belong to
    /// the walk, counted from [`Pages::skip`]: `None` for all the rest,
    /// fewer when `max_items` ends the walk inside that page. An item walk
    /// hands out exactly `max_items` items by taking
    /// `item_list[skip..take]`.
    pub fn take(&self) -> Option<usize> {
        self.range.1
    }

    /// How many items at the start of the last page the walk skips (a
    /// resumed walk's first page).
    pub fn skip(&self) -> usize {
        self.range.0
    }

    /// How many pages have been returned so far.
    pub fn page_count(&self) -> u64 {
        self.pages
    }

    /// Where the walk stands (see [`ResumePoint`]): `None` once it has
    /// nothing more to fetch (past the last page). A walk stopped by a limit
    /// resumes after the last item it handed out.
    pub fn resume_point(&self) -> Option<ResumePoint> {
        let point = |args: &Args, skip: u64| ResumePoint {
            endpoint: self.endpoint.clone(),
            args: args.clone(),
            skip,
        };
        match &self.state {
            State::First(args, _) => Some(point(args, self.skip)),
            State::Asked(args) => Some(point(args, self.skip)),
            State::Done => None,
            State::After(page) => {
                let origin = page.extensions().get::<Arc<Origin>>()?;
                if let Some(end) = self.range.1 {
                    // Cut inside this page: its other items come next time.
                    return Some(point(&origin.args, end as u64));
                }
                let (_, args) = next_call(page)?;
                Some(point(&args, 0))
            }
        }
    }

    /// Where an item walk stands after `handed` items of the page
    /// [`Pages::next`] returned last were handed out (counted from
    /// [`Pages::skip`]): that page again without them, or, once all its items
    /// of the walk are out, the point after it ([`Pages::resume_point`]).
    pub fn item_resume_point(&self, handed: u64) -> Option<ResumePoint> {
        let State::After(page) = &self.state else {
            return self.resume_point();
        };
        let (from, end) = self.range;
        let end = match end {
            Some(end) => end as u64,
            None => page
                .json()
                .and_then(item_list)
                .map_or(0, |l| l.len() as u64),
        };
        let at = from as u64 + handed;
        if at >= end {
            return self.resume_point();
        }
        let origin = page.extensions().get::<Arc<Origin>>()?;
        Some(ResumePoint {
            endpoint: self.endpoint.clone(),
            args: origin.args.clone(),
            skip: at,
        })
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
