//! The client: bound values and options in a chain of scopes (the root,
//! category scopes such as `api.user(accountKey=...)`), and the calls.

use std::fmt;
use std::sync::{Arc, RwLock};

use bytes::Bytes;

use crate::args::Args;
use crate::catalogue::{catalogue, Endpoint, Method, DEFAULT_BASE, DEFAULT_SANDBOX_BASE};
use crate::dialect::Dialect;
use crate::error::{Error, Result};
use crate::options::{Options, ENV_BASE, ENV_SANDBOX};
use crate::request::Request;
use crate::resolve::{resolve, Bound};
use crate::response::Response;
use crate::transport::{self, Outgoing};
use crate::value::Value;

#[derive(Default, Clone)]
struct ScopeState {
    bound: Args,
    sandbox: Option<bool>,
    options: Options,
}

struct Node {
    parent: Option<Client>,
    dialect: Dialect,
    /// Bases from the environment, read when the root was created.
    env: Options,
    state: RwLock<ScopeState>,
}

/// A TikAPI client, or a category scope of one. Cheap to clone; clones share
/// state, so `set` on one is seen by all.
///
/// ```no_run
/// # async fn demo() -> Result<(), tikapi_core::Error> {
/// use tikapi_core::{args, Client};
/// let api = Client::new("myAPIKey");
/// let r = api.call("public.check", args! { "username" => "lilyachty" }).await?;
/// println!("{}", r.json().unwrap()["userInfo"]["user"]["nickname"]);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    node: Arc<Node>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.node.state.read().unwrap_or_else(|e| e.into_inner());
        let names: Vec<&str> = state.bound.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("Client")
            .field("dialect", &self.node.dialect)
            .field("sandbox", &self.sandbox(None))
            .field("bound", &names)
            .finish_non_exhaustive()
    }
}

/// Per-call settings beside the endpoint's own arguments:
/// `CallOptions::default().with_sandbox(true)`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CallOptions {
    /// Overrides the scope's sandbox flag for this call.
    pub sandbox: Option<bool>,
    /// Overrides options for this call (timeout, headers, retries, ...).
    pub options: Options,
}

impl CallOptions {
    /// These settings with the sandbox turned on or off for the call
    /// (`None`: as the scope says).
    pub fn with_sandbox(mut self, on: impl Into<Option<bool>>) -> Self {
        self.sandbox = on.into();
        self
    }

    /// These settings with options for the call.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }
}

impl Client {
    /// A client for `api_key`, speaking Rust's dialect of the official rules.
    pub fn new(api_key: &str) -> Client {
        Client::with_dialect(api_key, Dialect::Rust)
    }

    /// A client following one official SDK's rules where they differ.
    pub fn with_dialect(api_key: &str, dialect: Dialect) -> Client {
        let env = Options {
            base: std::env::var(ENV_BASE).ok().filter(|s| !s.is_empty()),
            sandbox_base: std::env::var(ENV_SANDBOX).ok().filter(|s| !s.is_empty()),
            ..Options::default()
        };
        let client = Client {
            node: Arc::new(Node {
                parent: None,
                dialect,
                env,
                state: RwLock::new(ScopeState::default()),
            }),
        };
        client.state_mut().bound.set("apiKey", api_key);
        client
    }

    /// A category scope below this one with its own bound values
    /// (`api.user(accountKey=...)`).
    pub fn scope(&self, bound: Args) -> Client {
        let state = ScopeState {
            bound,
            ..ScopeState::default()
        };
        Client {
            node: Arc::new(Node {
                parent: Some(self.clone()),
                dialect: self.node.dialect,
                env: Options::default(),
                state: RwLock::new(state),
            }),
        }
    }

    pub fn dialect(&self) -> Dialect {
        self.node.dialect
    }

    /// An independent copy of this client or scope, and of the scopes above
    /// it: the same bound values, sandbox flag and options, but a later
    /// `set` on the copy is not seen by the original, nor the reverse.
    pub fn duplicate(&self) -> Client {
        Client {
            node: Arc::new(Node {
                parent: self.node.parent.as_ref().map(Client::duplicate),
                dialect: self.node.dialect,
                env: self.node.env.clone(),
                state: RwLock::new(self.state().clone()),
            }),
        }
    }

    fn state_mut(&self) -> std::sync::RwLockWriteGuard<'_, ScopeState> {
        self.node.state.write().unwrap_or_else(|e| e.into_inner())
    }

    fn state(&self) -> std::sync::RwLockReadGuard<'_, ScopeState> {
        self.node.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Bind default values for any parameter of these names, turn the sandbox
    /// on or off, and change options. Null values are ignored.
    pub fn set(&self, values: &Args, sandbox: Option<bool>, options: Option<&Options>) {
        let mut state = self.state_mut();
        for (k, v) in values.iter().filter(|(_, v)| !v.is_null()) {
            state.bound.set(k.clone(), v.clone());
        }
        if sandbox.is_some() {
            state.sandbox = sandbox;
        }
        if let Some(o) = options {
            state.options.update(o);
        }
    }

    /// Whether calls go to the sandbox.
    pub fn sandbox(&self, per_call: Option<bool>) -> bool {
        per_call
            .or_else(|| self.state().sandbox)
            .unwrap_or_else(|| match &self.node.parent {
                Some(p) => p.sandbox(None),
                None => false,
            })
    }

    /// The options in force: this scope's, then its parents', then the environment.
    pub fn options(&self) -> Options {
        let mine = self.state().options.clone();
        let inherited = match &self.node.parent {
            Some(p) => p.options(),
            None => self.node.env.clone(),
        };
        mine.inherit(&inherited)
    }

    /// Resolve, validate and lay out a call without sending it.
    pub fn prepare(&self, endpoint: &str, args: &Args, call: &CallOptions) -> Result<Request> {
        let sandbox = self.sandbox(call.sandbox);
        let chosen = select(endpoint, |name| {
            args.contains(name) || self.bound(name).is_some()
        })?;
        let resolved = resolve(chosen, args, self, sandbox, self.node.dialect)?;
        let options = call.options.inherit(&self.options());
        let base = if sandbox {
            options
                .sandbox_base
                .as_deref()
                .unwrap_or(DEFAULT_SANDBOX_BASE)
        } else {
            options.base.as_deref().unwrap_or(DEFAULT_BASE)
        };
        check_base(base)?;
        let extra = options.headers.unwrap_or_default();
        Ok(Request::build(
            chosen,
            &resolved,
            base,
            &extra,
            self.node.dialect,
        ))
    }

    /// Send a prepared request.
    pub async fn send(&self, request: &Request, options: &Options) -> Result<Response> {
        let out = Outgoing {
            method: match request.method {
                Method::Get => reqwest::Method::GET,
                Method::Post => reqwest::Method::POST,
            },
            url: &request.url,
            headers: &request.headers,
            body: request.body_bytes().map(Bytes::from),
            endpoint: Some(&request.endpoint.key),
            idempotent: request.method == Method::Get,
        };
        transport::send(&out, options, &self.user_agent()).await
    }

    /// `tikapi-rs/<version> (<python|node|rust>)`.
    pub fn user_agent(&self) -> String {
        format!(
            "tikapi-rs/{} ({})",
            env!("CARGO_PKG_VERSION"),
            self.node.dialect.name()
        )
    }

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
    /// official rule of the client's dialect; nothing is sent.
    pub fn has_next_page(response: &Response) -> bool {
        next_call(response).is_some()
    }
}

impl Bound for Client {
    fn bound(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.state().bound.get(name) {
            return Some(v.clone());
        }
        self.node.parent.as_ref().and_then(|p| p.bound(name))
    }
}

/// The form of `endpoint` that fits the arguments at hand.
pub(crate) fn select(endpoint: &str, has: impl Fn(&str) -> bool) -> Result<&'static Endpoint> {
    catalogue()
        .select(endpoint, has)
        .ok_or_else(|| Error::Usage(format!("there is no endpoint named {endpoint:?}")))
}

fn check_base(base: &str) -> Result<()> {
    match url::Url::parse(base) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => Ok(()),
        _ => Err(Error::Usage(format!(
            "the base URL {:?} is not an http(s) URL",
            crate::request::redact_url(base)
        ))),
    }
}

/// The call a response answered: the scope, the endpoint, the arguments,
/// the per-call settings and the request sent. Kept in the response's
/// extensions, so that the page after it can be asked for.
pub(crate) struct Origin {
    pub(crate) client: Client,
    pub(crate) endpoint: String,
    pub(crate) args: Args,
    pub(crate) call: CallOptions,
    pub(crate) request: Arc<Request>,
}

/// A call laid out and not yet sent (see [`Client::prepare_call`]).
#[derive(Clone)]
pub struct Prepared {
    /// The options in force for the call (timeout, body cap, ...).
    pub options: Options,
    pub(crate) origin: Arc<Origin>,
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
pub(crate) fn next_call(response: &Response) -> Option<(&Origin, Args)> {
    let origin = response.extensions().get::<Arc<Origin>>()?;
    // The JS SDK reads a body as JSON only when the server says it is; the
    // Python SDK tries to parse whatever came.
    if origin.client.dialect() != Dialect::Python && !response.is_json() {
        return None;
    }
    let json = response.head()?;
    let endpoint = select(&origin.endpoint, |name| {
        origin.args.contains(name) || origin.client.bound(name).is_some()
    })
    .ok()?;
    let args = crate::cursor::next_args(endpoint, &origin.args, json, origin.client.dialect())?;
    Some((origin, args))
}
