//! The process's one tokio runtime and its HTTP clients, and sending with
//! timeouts, a body cap and retries.
//!
//! Async callers share one multi-thread runtime and one connection pool per
//! transport configuration (proxy, connect timeout, TLS policy). Blocking
//! calls ([`run`]) share them too, except one thread calling one call after
//! another, which moves to a current-thread runtime of its own, with its own
//! pools, and pays no hand-over between threads per call.
//! After `fork()` the child gets fresh runtimes and pools on first use: the
//! parent's threads and connections are not its own.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use futures_util::future::Either;
use futures_util::StreamExt;
use tokio::runtime::Runtime;

use crate::error::{Error, Result, TransportKind};
use crate::options::{Options, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT};
use crate::request::redact_url;
use crate::response::Response;

#[derive(Clone, PartialEq, Eq, Hash)]
struct PoolKey {
    proxy: Option<String>,
    connect_timeout: Duration,
    accept_invalid_certs: bool,
    purpose: Purpose,
}

/// What a pooled client is for: API calls carry keys, downloads do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Purpose {
    /// Requests with `X-API-KEY` / `X-ACCOUNT-KEY`: redirects are followed
    /// only within the same origin, so a key never reaches another host.
    Api,
    /// Video downloads (no keys): CDN redirects are followed anywhere.
    Download,
}

/// The redirect policy for a purpose: at most 10 hops, and for API calls only
/// within the origin the request was sent to.
fn redirect_policy(purpose: Purpose) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 10 {
            return attempt.error("too many redirects (more than 10)");
        }
        let leaves_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() != attempt.url().origin());
        if purpose == Purpose::Api && leaves_origin {
            // Not followed: the app gets the 3xx answer itself.
            return attempt.stop();
        }
        attempt.follow()
    })
}

struct Engine {
    pid: u32,
    runtime: Arc<Runtime>,
    pools: Mutex<HashMap<PoolKey, reqwest::Client>>,
    /// Per (origin, limit): the `max_connections` budget.
    limits: Mutex<HashMap<(String, u32), Arc<tokio::sync::Semaphore>>>,
}

/// This process's engine. Published once per process and never freed, so
/// the per-call path is one atomic load and no lock: a child forked while
/// another thread held a lock here could never take it again.
static ENGINE: AtomicPtr<Engine> = AtomicPtr::new(std::ptr::null_mut());

impl Engine {
    fn new(pid: u32) -> Engine {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("tikapi")
            .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8)))
            .build()
            .expect("the tokio runtime starts");
        Engine {
            pid,
            runtime: Arc::new(runtime),
            pools: Mutex::new(HashMap::new()),
            limits: Mutex::new(HashMap::new()),
        }
    }
}

fn engine() -> &'static Engine {
    let pid = std::process::id();
    loop {
        let current = ENGINE.load(Ordering::Acquire);
        // SAFETY: a published engine is leaked, never freed: the pointer
        // stays valid for the life of the process (and of forked children,
        // which inherit the memory but not the threads).
        if let Some(e) = unsafe { current.as_ref() } {
            if e.pid == pid {
                return e;
            }
        }
        // First call in this process, or the first since a fork (the old
        // runtime's threads are gone; it is left as it is, never dropped).
        let fresh = Box::into_raw(Box::new(Engine::new(pid)));
        match ENGINE.compare_exchange(current, fresh, Ordering::AcqRel, Ordering::Acquire) {
            // SAFETY: just published; never freed from now on.
            Ok(_) => return unsafe { &*fresh },
            Err(_) => {
                // Another thread published first. Ours was never shared; it
                // is left idle rather than dropped, since dropping a runtime
                // from inside an async context would panic. (Only a race of
                // first calls gets here.)
            }
        }
    }
}

/// The shared runtime.
pub fn runtime() -> Arc<Runtime> {
    engine().runtime.clone()
}

/// Run a future to completion on the shared runtime, polling it on this
/// thread, which must not be one of the runtime's workers. For a call, prefer
/// [`run`]: polled here, a request talks to its connection (a task on a
/// worker) across threads at every step.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    runtime().block_on(fut)
}

/// Run a blocking call: from a thread that is not in an async context (a
/// binding's blocking call, a test, a plain Rust program), wait for `fut`.
///
/// Where it runs is [`BlockingCall`]'s choice: as a task on the shared
/// runtime, or, for a thread that keeps calling one call at a time, on the
/// thread's own runtime ([`run_here`]). A panic in the future resumes here.
pub fn run<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    run_with(fut, |call| call)
}

/// The call as [`run_with`] hands it to its `wait`: the future itself (run
/// on this thread's own runtime) or the task it was spawned as.
pub type BlockingFuture<F> = Either<F, Spawned<<F as Future>::Output>>;

/// [`run`], with the future polled on this thread being `wait(call)`: a
/// binding wraps the call to do something on the caller's thread while it
/// waits (Python's main thread looks for Ctrl-C). The choice of where the
/// call runs stays here.
pub fn run_with<F, W, G>(fut: F, wait: W) -> G::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
    W: FnOnce(BlockingFuture<F>) -> G,
    G: Future,
{
    let call = BlockingCall::start();
    if call.runs_here() {
        run_here(wait(Either::Left(fut)))
    } else {
        block_on(wait(Either::Right(spawn(fut))))
    }
}

/// The blocking calls a thread makes on the shared runtime before its calls
/// may move to a runtime of its own (see [`BlockingCall`]).
pub const OWN_RUNTIME_AFTER: u32 = 16;

/// Blocking calls in flight in this process.
static BLOCKING_IN_FLIGHT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One blocking call, from its start to its end (drop), and where it runs.
///
/// A call runs on the calling thread's own current-thread runtime, with the
/// thread's own connections, when the thread has made [`OWN_RUNTIME_AFTER`]
/// blocking calls already and no other blocking call is in flight: an app
/// making one call after another. There no other thread takes part in a
/// call; handing it to a worker of the shared runtime and back costs two
/// thread wake-ups, measured at ~13 % of a loopback call (BENCHMARKS.md).
/// Otherwise it runs as a task on the shared runtime with the shared pools:
/// a thread that makes a call or two (a web server's thread per request)
/// reuses warm connections (on a real network a new TLS connection costs far
/// more than the hand-over), and many threads calling at once are served
/// better by the runtime's workers than by a runtime each (measured: 25 %
/// fewer calls per second with 64 threads on their own runtimes).
pub struct BlockingCall {
    here: bool,
}

impl BlockingCall {
    /// Count a blocking call as started, and choose where it runs.
    pub fn start() -> BlockingCall {
        let others = BLOCKING_IN_FLIGHT.fetch_add(1, Ordering::AcqRel);
        let made = BLOCKING_CALLS.with(|n| {
            let made = n.get();
            n.set(made.saturating_add(1));
            made
        });
        BlockingCall {
            here: others == 0 && made >= OWN_RUNTIME_AFTER,
        }
    }

    /// `true`: run it with [`run_here`]; `false`: as a task ([`spawn`]).
    pub fn runs_here(&self) -> bool {
        self.here
    }
}

impl Drop for BlockingCall {
    fn drop(&mut self) {
        BLOCKING_IN_FLIGHT.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Run a future to completion on this thread's own current-thread runtime,
/// with the thread's own connection pools, from a thread that is not in an
/// async context. Connections opened here are reused by later calls of the
/// same thread; between calls they are idle and not polled.
pub fn run_here<F: Future>(fut: F) -> F::Output {
    LOCAL.with(|cell| {
        let pid = std::process::id();
        let mut slot = cell.borrow_mut();
        if !slot.as_ref().is_some_and(|l| l.pid == pid) {
            // First blocking call of this thread, or the first since a fork:
            // the parent's runtime and connections are not this process's.
            // They are left as they are (dropping them could touch what the
            // parent still uses), never dropped.
            if let Some(stale) = slot.take() {
                std::mem::forget(stale);
            }
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("the tokio runtime starts");
            *slot = Some(Local {
                pid,
                runtime: std::rc::Rc::new(runtime),
                pools: HashMap::new(),
            });
        }
        // Only `Runtime::block_on` drives a current-thread runtime's I/O and
        // timers (a `Handle` would wait forever). The cell is not borrowed
        // meanwhile: the call takes its clients from it.
        let runtime = slot.as_ref().map(|l| l.runtime.clone());
        drop(slot);
        let runtime = runtime.expect("made above");
        let _inside = InLocal::enter();
        runtime.block_on(async {
            // The thread's connections are not polled between its calls. A
            // server may have closed an idle one meanwhile: let them see that
            // first, so the call does not go out on a closed connection.
            settle().await;
            let out = fut.await;
            // And let them react to how the call ended: a request abandoned
            // mid-way (its future dropped, say on Ctrl-C) woke its
            // connection, which now closes instead of waiting for the next
            // call.
            settle().await;
            out
        })
    })
}

/// Give the current-thread runtime's I/O driver a turn and its woken tasks
/// (the connections) a run: `yield_now` defers the caller until the driver
/// has been polled; the second yield lets the tasks it woke run.
async fn settle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// A thread's own runtime and pools, for [`run_here`].
struct Local {
    pid: u32,
    runtime: std::rc::Rc<Runtime>,
    pools: HashMap<PoolKey, reqwest::Client>,
}

thread_local! {
    static LOCAL: std::cell::RefCell<Option<Local>> = const { std::cell::RefCell::new(None) };
    /// While [`run_here`] polls on this thread: clients come from its own pools
    /// (a connection belongs to the runtime that opened it).
    static IN_LOCAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Blocking calls this thread has made, for [`BlockingCall`].
    static BLOCKING_CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

struct InLocal(bool);

impl InLocal {
    fn enter() -> InLocal {
        InLocal(IN_LOCAL.with(|c| c.replace(true)))
    }
}

impl Drop for InLocal {
    fn drop(&mut self) {
        IN_LOCAL.with(|c| c.set(self.0));
    }
}

/// Run a future as a task on the shared runtime and wait for it from any
/// async context. Dropping the returned future aborts the task (so a caller
/// that gives up, say on Ctrl-C, also ends the request). A panic in the
/// task resumes here.
pub fn spawn<F>(fut: F) -> Spawned<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Spawned(runtime().spawn(fut))
}

/// A task on the shared runtime, awaited: see [`spawn`].
pub struct Spawned<T>(tokio::task::JoinHandle<T>);

impl<T> Future for Spawned<T> {
    type Output = T;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<T> {
        match std::pin::Pin::new(&mut self.0).poll(cx) {
            std::task::Poll::Pending => std::task::Poll::Pending,
            std::task::Poll::Ready(Ok(v)) => std::task::Poll::Ready(v),
            std::task::Poll::Ready(Err(e)) if e.is_panic() => {
                std::panic::resume_unwind(e.into_panic())
            }
            std::task::Poll::Ready(Err(_)) => panic!("the tikapi runtime shut down"),
        }
    }
}

impl<T> Drop for Spawned<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The HTTP client for a set of options, shared by every caller with the same
/// transport settings.
pub(crate) fn http_client(options: &Options, purpose: Purpose) -> Result<reqwest::Client> {
    let key = PoolKey {
        proxy: options.proxy.clone(),
        connect_timeout: options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
        accept_invalid_certs: options.danger_accept_invalid_certs.unwrap_or(false),
        purpose,
    };
    if IN_LOCAL.with(|c| c.get()) {
        // Polled by `run` on this thread: this thread's own pools.
        let found = LOCAL.with(|cell| {
            cell.borrow()
                .as_ref()
                .and_then(|l| l.pools.get(&key).cloned())
        });
        if let Some(c) = found {
            return Ok(c);
        }
        let client = build_client(&key)?;
        LOCAL.with(|cell| {
            if let Some(l) = cell.borrow_mut().as_mut() {
                l.pools.insert(key, client.clone());
            }
        });
        return Ok(client);
    }
    let engine = engine();
    let mut pools = engine.pools.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = pools.get(&key) {
        return Ok(c.clone());
    }
    let client = build_client(&key)?;
    pools.insert(key, client.clone());
    Ok(client)
}

fn build_client(key: &PoolKey) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(key.connect_timeout)
        .pool_idle_timeout(Duration::from_secs(90))
        .tcp_nodelay(true)
        .redirect(redirect_policy(key.purpose))
        .danger_accept_invalid_certs(key.accept_invalid_certs);
    if let Some(p) = &key.proxy {
        let proxy = reqwest::Proxy::all(p).map_err(|e| {
            Error::Usage(format!(
                "the proxy option is not a valid proxy URL ({})",
                short_reason(&e)
            ))
        })?;
        builder = builder.proxy(proxy);
    }
    builder.build().map_err(|e| {
        Error::Usage(format!(
            "the HTTP client could not be built: {}",
            short_reason(&e)
        ))
    })
}

/// One outgoing request, described independently of reqwest.
pub(crate) struct Outgoing<'a> {
    pub method: reqwest::Method,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Option<Bytes>,
    /// Whether repeating the request after a server error is safe.
    pub idempotent: bool,
}

impl Outgoing<'_> {
    pub(crate) fn target(&self) -> String {
        format!("{} {}", self.method, shorten(&redact_url(self.url)))
    }
}

/// The longest URL HTTP/1 clients here can send (hyper's limit).
pub const MAX_URL_BYTES: usize = 65_534;

/// A URL as error messages show it: at most 200 characters.
pub(crate) fn shorten(url: &str) -> String {
    const SHOWN: usize = 200;
    if url.len() <= SHOWN {
        return url.to_owned();
    }
    let mut end = SHOWN;
    while !url.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…({} bytes)", &url[..end], url.len())
}

/// Refuse, before sending, what no HTTP client can send: an over-long URL,
/// a header name or value that is not valid HTTP (the rule options are
/// checked by). The error names the header, never its value.
fn check_url_and_headers(out: &Outgoing<'_>) -> Result<()> {
    if out.url.len() > MAX_URL_BYTES {
        return Err(Error::Usage(format!(
            "the request URL would be {} bytes long, over the {MAX_URL_BYTES}-byte limit \
             (a parameter value is too long to send in a query)",
            out.url.len()
        )));
    }
    for (name, value) in out.headers {
        crate::settings::check_header(name, value).map_err(Error::Usage)?;
    }
    Ok(())
}

/// Send with the options' timeouts, body cap and retry policy. Any status is
/// returned as a response; only transport failures are errors.
pub(crate) async fn send(
    out: &Outgoing<'_>,
    options: &Options,
    user_agent: &str,
) -> Result<Response> {
    let client = http_client(options, Purpose::Api)?;
    let policy = options.retry.clone();
    let mut attempt = 0u32;
    loop {
        let result = send_once(&client, out, options, user_agent).await;
        let Some(policy) = policy.as_ref().filter(|p| attempt < p.max_retries) else {
            return result;
        };
        let wait = match &result {
            Ok(r) if r.status == 429 => match r.retry_after() {
                Some(after) if after > policy.max_retry_after => return result,
                Some(after) => after,
                None => policy.backoff(attempt + 1),
            },
            Ok(r) if r.status >= 500 && out.idempotent => match r.retry_after() {
                Some(after) if after <= policy.max_retry_after => after,
                _ => policy.backoff(attempt + 1),
            },
            Err(Error::Transport(t)) if t.kind == TransportKind::Connect => {
                policy.backoff(attempt + 1)
            }
            _ => return result,
        };
        attempt += 1;
        tokio::time::sleep(wait).await;
    }
}

/// The scheme, host and port of a URL this crate built (`https://host:port`).
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find(['/', '?', '#']) {
        Some(end) => &url[..after_scheme + end],
        None => url,
    }
}

/// A request's place under the option `max_connections` (none without it)
/// and the part of the call's `timeout` left for the request itself.
pub(crate) async fn connection_slot(
    url: &str,
    options: &Options,
    target: &str,
) -> Result<(Option<tokio::sync::OwnedSemaphorePermit>, Duration)> {
    let timeout = options.timeout.unwrap_or(DEFAULT_TIMEOUT);
    let Some(limit) = options.max_connections else {
        return Ok((None, timeout));
    };
    if limit == 0 {
        // No request could ever start: refused rather than waited out.
        return Err(Error::Usage(
            "the option max_connections / maxConnections must be at least 1".to_owned(),
        ));
    }
    let started = Instant::now();
    let origin = origin_of(url);
    let budget = {
        let mut limits = engine().limits.lock().unwrap_or_else(|e| e.into_inner());
        limits
            .entry((origin.to_owned(), limit))
            .or_insert_with(|| Arc::new(tokio::sync::Semaphore::new(limit as usize)))
            .clone()
    };
    let waited_too_long = || {
        Error::transport(
            TransportKind::Timeout,
            target.to_owned(),
            format!(
                "timed out after {timeout:.1?} waiting for one of the {limit} connections to \
                 {origin} (option max_connections / maxConnections)"
            ),
        )
    };
    let permit = tokio::time::timeout(timeout, budget.acquire_owned())
        .await
        .map_err(|_| waited_too_long())?
        .expect("the semaphore is never closed");
    let left = timeout.saturating_sub(started.elapsed());
    if left.is_zero() {
        return Err(waited_too_long());
    }
    Ok((Some(permit), left))
}

async fn send_once(
    client: &reqwest::Client,
    out: &Outgoing<'_>,
    options: &Options,
    user_agent: &str,
) -> Result<Response> {
    let started = Instant::now();
    let timeout = options.timeout.unwrap_or(DEFAULT_TIMEOUT);
    let cap = options.max_body_size.unwrap_or(DEFAULT_MAX_BODY);
    let target = out.target();
    check_url_and_headers(out)?;
    // The slot is held until the body is read (or the call fails).
    let (_slot, left) = connection_slot(out.url, options, &target).await?;
    let mut req = client
        .request(out.method.clone(), out.url)
        .timeout(left)
        .header(reqwest::header::USER_AGENT, user_agent);
    for (k, v) in out.headers {
        req = req.header(k.as_str(), v.as_str());
    }
    if let Some(body) = &out.body {
        req = req.body(body.clone());
    }
    let connect_timeout = options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    let proxied = options.proxy.is_some();
    let fail = |e: reqwest::Error| classify(e, &target, timeout, connect_timeout, proxied);
    let resp = req.send().await.map_err(fail)?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let url = redact_url(resp.url().as_str());
    if resp.content_length().is_some_and(|n| n > cap) {
        return Err(too_large(&target, cap));
    }
    let mut body = BytesMut::with_capacity(resp.content_length().unwrap_or(0).min(cap) as usize);
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(fail)?;
        if body.len() as u64 + chunk.len() as u64 > cap {
            return Err(too_large(&target, cap));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Response::new(
        status,
        headers,
        url,
        started.elapsed(),
        body.freeze(),
    ))
}

fn too_large(target: &str, cap: u64) -> Error {
    Error::transport(
        TransportKind::TooLarge,
        target.to_owned(),
        format!(
            "the response body is larger than the {cap}-byte limit (option max_body_size / maxBodySize)"
        ),
    )
}

/// Map a reqwest error to a transport error with a useful reason, by the
/// error's own flags and the errors it wraps (never by its wording); the
/// reqwest error stays the source. `proxied`: the connection goes through a
/// proxy, so a failure to connect is the proxy's.
pub(crate) fn classify(
    e: reqwest::Error,
    target: &str,
    timeout: Duration,
    connect_timeout: Duration,
    proxied: bool,
) -> Error {
    let target = target.to_owned();
    if e.is_timeout() && e.is_connect() {
        let reason =
            format!("could not connect within {connect_timeout:.1?} (option connect timeout)");
        return Error::transport_from(TransportKind::Timeout, target, reason, e);
    }
    let kind = if e.is_timeout() {
        TransportKind::Timeout
    } else if wraps_tls_error(&e) {
        TransportKind::Tls
    } else if e.is_connect() && proxied {
        TransportKind::Proxy
    } else if e.is_redirect() {
        TransportKind::Redirect
    } else if e.is_connect() {
        TransportKind::Connect
    } else if lost_connection(&e) {
        // Before the decode flag: the gzip/brotli layer reports a cut-off
        // body as a decode error.
        TransportKind::Body
    } else if e.is_decode() {
        TransportKind::Decode
    } else if e.is_body() {
        TransportKind::Body
    } else {
        TransportKind::Other
    };
    let reason = match kind {
        TransportKind::Timeout => format!("timed out (no complete answer within {:.1?})", timeout),
        _ => short_reason(&e),
    };
    Error::transport_from(kind, target, reason, e)
}

/// `e` and the errors it wraps, outermost first. An I/O error's payload is
/// visited too (its own `source()` skips it).
fn chain<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut out = Vec::new();
    let mut cur = Some(e);
    while let Some(err) = cur {
        out.push(err);
        cur = match err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => err.source(),
        };
    }
    out
}

/// Whether the TLS layer refused the connection (an untrusted certificate).
fn wraps_tls_error(e: &reqwest::Error) -> bool {
    chain(e).iter().any(|err| err.is::<rustls::Error>())
}

/// Whether the connection was lost or cut short: reset, closed early, or a
/// message that ended before it was complete.
fn lost_connection(e: &reqwest::Error) -> bool {
    use std::io::ErrorKind;
    chain(e).iter().any(|err| {
        if let Some(h) = err.downcast_ref::<hyper::Error>() {
            return h.is_incomplete_message() || h.is_closed() || h.is_canceled();
        }
        err.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                ErrorKind::UnexpectedEof
                    | ErrorKind::ConnectionReset
                    | ErrorKind::ConnectionAborted
                    | ErrorKind::BrokenPipe
            )
        })
    })
}

/// The innermost useful messages of an error chain, without the URL that
/// reqwest puts in its own message.
pub(crate) fn short_reason(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = e.source();
    while let Some(err) = cur {
        let text = err.to_string();
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        cur = err.source();
    }
    if parts.is_empty() {
        let top = e.to_string();
        return match top.find(" for url (") {
            Some(i) => top[..i].to_owned(),
            None => top,
        };
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://api.tikapi.io/public/check?username=x"),
            "https://api.tikapi.io"
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8710/a/b"),
            "http://127.0.0.1:8710"
        );
        assert_eq!(origin_of("http://h:1?q=1"), "http://h:1");
        assert_eq!(origin_of("http://h:1"), "http://h:1");
    }
}
