//! One call's exchange with the server as a state machine that does no I/O
//! of its own (the shape of `h11` or `quinn-proto`): it says what to send,
//! takes what came back, and decides everything else — whether to follow a
//! redirect, whether to send again after a failure and how long to wait
//! first, which error a failure is, and the finished [`Response`].
//!
//! The core's own transport ([`crate::transport`]) is one driver: reqwest
//! moves the bytes, and the redirect and retry rules below are the ones it
//! applies ([`crate::policy`]). A binding's own HTTP stack is another (Node's `http` / `https`
//! with an app's agent): it sends [`Exchange::wire`], reports each answer or
//! failure with [`Exchange::answer`] / [`Exchange::failed`], and does what the
//! returned [`Step`] says.

use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::catalogue::Method;
use crate::client::Prepared;
use crate::error::{Error, Result, TransportKind};
use crate::observe::{Attempt, Finished, Purpose as ObservedPurpose};
use crate::options::{DEFAULT_MAX_BODY, DEFAULT_TIMEOUT};
use crate::policy::{
    kind_of_code, redirect_rule, redirected_method, retry_wait, timeout_reason, too_large_reason,
    too_many_redirects, Purpose, Redirect,
};
use crate::request::redact_url;
use crate::response::Response;

/// One request as a driver puts it on the wire.
#[derive(Clone)]
pub struct Wire {
    pub method: Method,
    /// The full URL, query included.
    pub url: String,
    /// In the order they are sent, `User-Agent` included; holds the keys.
    pub headers: Vec<(String, String)>,
    pub body: Option<Bytes>,
    /// The time the driver gives each send (each hop and each retry).
    pub timeout: Duration,
    /// The largest body to read; a larger one is reported as `too_large`.
    pub max_body_size: u64,
}

impl std::fmt::Debug for Wire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wire")
            .field("method", &self.method.as_str())
            .field("url", &redact_url(&self.url))
            .field("timeout", &self.timeout)
            .field("max_body_size", &self.max_body_size)
            .finish_non_exhaustive()
    }
}

/// What the driver does next.
#[derive(Debug)]
pub enum Step {
    /// Send the same request again, after waiting this long.
    Retry(Duration),
    /// Send the request to `url` with `method`; `drop_body`: without its
    /// body (and its `Content-Type` / `Content-Length`).
    Redirect {
        url: String,
        method: Method,
        drop_body: bool,
    },
    /// The call is over (boxed: a response is large beside the other steps).
    Done(Box<Result<Response>>),
}

/// One call's exchange, from the first request to its result (see the
/// module's documentation).
pub struct Exchange {
    prepared: Prepared,
    purpose: Purpose,
    method: Method,
    first: Option<url::Url>,
    hops: u32,
    attempt: u32,
    /// The request being sent, as observers were told of it, and since when.
    observed: Option<(Attempt, Instant)>,
    finished: Option<Finished>,
}

impl Exchange {
    /// The exchange of a prepared API call.
    pub fn new(prepared: Prepared) -> Exchange {
        let method = prepared.request().method;
        let first = url::Url::parse(&prepared.request().url).ok();
        Exchange {
            prepared,
            purpose: Purpose::Api,
            method,
            first,
            hops: 0,
            attempt: 0,
            observed: None,
            finished: None,
        }
    }

    /// The call being exchanged.
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    /// The first request to send.
    pub fn wire(&self) -> Wire {
        let request = self.prepared.request();
        let mut headers = vec![("User-Agent".to_owned(), self.prepared.client().user_agent())];
        headers.extend(request.headers.iter().cloned());
        Wire {
            method: request.method,
            url: request.url.clone(),
            headers,
            body: request.body_bytes().map(Bytes::from),
            timeout: self.timeout(),
            max_body_size: self.max_body_size(),
        }
    }

    /// The request about to be sent (the first, or a retry after
    /// [`Step::Retry`]) as observers are told of it; after the answer or
    /// failure that ends it, [`Exchange::take_finished`] gives its end.
    /// Hops of a redirect belong to the request they follow.
    pub fn observe(&mut self) -> Attempt {
        let request = self.prepared.request();
        let attempt = Attempt::new(
            ObservedPurpose::Api,
            Some(self.prepared.endpoint()),
            request.method.as_str(),
            &request.url,
            self.attempt,
        );
        self.observed = Some((attempt.clone(), Instant::now()));
        attempt
    }

    /// Whether the driver adds the observer's trace headers to the request
    /// (the option `trace_context` / `traceContext`, on unless set off).
    pub fn propagate_trace(&self) -> bool {
        self.prepared.options.trace_context.unwrap_or(true)
    }

    /// How the request [`Exchange::observe`] gave last ended, once it has.
    pub fn take_finished(&mut self) -> Option<Finished> {
        self.finished.take()
    }

    /// `METHOD url` of the request, without credentials: for errors.
    pub fn target(&self) -> String {
        self.prepared.request().target()
    }

    /// Take an answer (any status) to the request last sent.
    pub fn answer(&mut self, response: Response) -> Step {
        if let Some(step) = self.redirect(&response) {
            return step;
        }
        self.settle(Ok(response))
    }

    /// Take a failure to get an answer, reported by kind or code (see
    /// [`kind_of_code`]); `reason` is what the driver saw, for the message
    /// (kinds whose words the core owns, a timeout or a body over the cap,
    /// get the core's).
    pub fn failed(&mut self, code: &str, answered: bool, reason: &str) -> Step {
        let kind = kind_of_code(code, answered);
        let reason = match kind {
            TransportKind::Timeout => timeout_reason(self.timeout()),
            TransportKind::TooLarge => too_large_reason(self.max_body_size()),
            _ => reason.to_owned(),
        };
        let error = Error::Transport(crate::error::TransportError::new(
            kind,
            self.target(),
            reason,
        ));
        self.settle(Err(error))
    }

    /// The time a driver gives each send.
    pub fn timeout(&self) -> Duration {
        self.prepared.options.timeout.unwrap_or(DEFAULT_TIMEOUT)
    }

    /// The largest body a driver reads.
    pub fn max_body_size(&self) -> u64 {
        self.prepared
            .options
            .max_body_size
            .unwrap_or(DEFAULT_MAX_BODY)
    }

    fn redirect(&mut self, response: &Response) -> Option<Step> {
        if !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
            return None;
        }
        let location = response
            .headers
            .get(http::header::LOCATION)?
            .to_str()
            .ok()?;
        let first = self.first.as_ref()?;
        let base = url::Url::parse(&response.url)
            .ok()
            .unwrap_or_else(|| first.clone());
        let next = base.join(location).ok()?;
        match redirect_rule(self.purpose, first, &next, self.hops) {
            Redirect::Stop => None,
            Redirect::TooMany => Some(Step::Done(Box::new(Err(Error::Transport(
                crate::error::TransportError::new(
                    TransportKind::Redirect,
                    self.target(),
                    too_many_redirects(),
                ),
            ))))),
            Redirect::Follow => {
                self.hops += 1;
                let method = redirected_method(response.status, self.method);
                let drop_body = method != self.method;
                self.method = method;
                Some(Step::Redirect {
                    url: next.into(),
                    method,
                    drop_body,
                })
            }
        }
    }

    fn settle(&mut self, result: Result<Response>) -> Step {
        let idempotent = self.prepared.request().method == Method::Get;
        let policy = self.prepared.options.retry.as_ref();
        let wait = retry_wait(policy, self.attempt, &result, idempotent);
        if let Some((attempt, started)) = self.observed.take() {
            let finished = Finished::new(attempt, result.as_ref(), started.elapsed(), wait);
            self.finished = Some(finished);
        }
        if let Some(wait) = wait {
            self.attempt += 1;
            self.hops = 0;
            self.method = self.prepared.request().method;
            return Step::Retry(wait);
        }
        Step::Done(Box::new(result.and_then(|r| self.prepared.complete(r))))
    }
}
