//! # tikapi-sandbox
//!
//! An offline TikAPI server: every endpoint of the core's catalogue answers
//! with deterministic data in the shapes the real API uses, with the
//! service's authentication, validation and error answers, pagination that
//! ends, videos behind their `videoLinkHeaders`, and fault switches for
//! testing clients.
//!
//! Run it with `cargo run -p tikapi-sandbox -- --addr 127.0.0.1:8710`, or
//! start it inside a test:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = tikapi_sandbox::start(tikapi_sandbox::Config::default()).await?;
//! println!("serving on {}", sandbox.url());
//! sandbox.stop().await;
//! # Ok(()) }
//! ```

mod answers;
mod faults;
mod input;
mod paging;
mod scopes;
mod server;
mod video;
mod world;

use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Map, Value as Json};
use tikapi_core::{catalogue, Endpoint};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use faults::Fault;
pub use scopes::{scoped_account_key, SCOPED_ACCOUNT_KEY_PREFIX};

use crate::answers::{Call, TikTokError};
use crate::input::{Input, Raw};
use crate::server::Connection;
use crate::world::World;

/// API keys with a reserved meaning.
pub const INVALID_API_KEY: &str = "InvalidApiKey0000000";
/// An API key whose every call is rate-limited (429 with `Retry-After`).
pub const RATE_LIMITED_API_KEY: &str = "RateLimitedKey000000";
/// An account key whose session has expired (428, `statusCode: 8`).
pub const EXPIRED_ACCOUNT_KEY: &str = "ExpiredAccountKey000";
/// The `Retry-After` the rate-limited key is answered with, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 1;
/// The header that switches on a fault for one response.
pub const FAULT_HEADER: &str = faults::HEADER;

/// How many answers the sandbox remembers before starting over.
const ANSWER_CACHE: usize = 4096;

/// Largest request body the sandbox reads (1 MiB).
const MAX_BODY: usize = 1 << 20;

/// How the sandbox behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// Seed of the generated data: the same seed gives the same answers.
    pub seed: u64,
    /// Delay added before every answer.
    pub latency: Duration,
    /// Serve HTTPS with the repository's self-signed certificate, for
    /// testing that clients refuse it.
    pub tls: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: 0,
            latency: Duration::ZERO,
            tls: false,
        }
    }
}

/// A running sandbox; dropping it stops it.
pub struct Sandbox {
    addr: SocketAddr,
    url: String,
    shutdown: watch::Sender<bool>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Sandbox {
    /// `http://HOST:PORT`, the value for `TIKAPI_SANDBOX_URL` / `TIKAPI_BASE_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stop accepting, close every connection, and wait for the server to end.
    pub async fn stop(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

/// Bind `config.addr` and serve on the current tokio runtime.
pub async fn start(config: Config) -> io::Result<Sandbox> {
    let listener = TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let (shutdown, rx) = watch::channel(false);
    let tls = if config.tls {
        Some(server::tls_acceptor()?)
    } else {
        None
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let router = router(config);
    let task = tokio::spawn(server::run(listener, router, tls, rx));
    Ok(Sandbox {
        addr,
        url: format!("{scheme}://{addr}"),
        shutdown,
        task: Some(task),
    })
}

/// A sandbox on a thread and runtime of its own, for synchronous tests and
/// for tests whose client runs on another runtime.
pub struct Background {
    url: String,
    shutdown: Option<watch::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(true);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Start a sandbox on its own thread; it stops when the handle is dropped.
pub fn start_background(config: Config) -> io::Result<Background> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("tikapi-sandbox")
        .build()?;
    let sandbox = runtime.block_on(start(config))?;
    let url = sandbox.url().to_owned();
    let (tx, mut rx) = watch::channel(false);
    let thread = std::thread::Builder::new()
        .name("tikapi-sandbox".into())
        .spawn(move || {
            runtime.block_on(async move {
                let _ = rx.wait_for(|s| *s).await;
                sandbox.stop().await;
            });
        })?;
    Ok(Background {
        url,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

/// What every request handler shares.
struct Shared {
    world: World,
    latency: Duration,
    routes: Vec<Route>,
    stats: Mutex<BTreeMap<String, u64>>,
    /// Requests whose handler is running (a client that gives up on a
    /// `hang` makes this fall again: the test of cancellation).
    in_flight: std::sync::atomic::AtomicI64,
    /// Recent success answers, by endpoint, host, account and parameters.
    answers: Mutex<std::collections::HashMap<String, Bytes>>,
    /// Requests seen per `flaky=` token.
    flaky: Mutex<std::collections::HashMap<String, u32>>,
}

/// One catalogue endpoint's path, split for matching.
struct Route {
    method: Method,
    segments: Vec<Segment>,
    ep: &'static Endpoint,
}

enum Segment {
    Literal(String),
    Param(String),
}

impl Route {
    fn new(ep: &'static Endpoint) -> Route {
        let segments = ep
            .path
            .trim_matches('/')
            .split('/')
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => Segment::Param(name.to_owned()),
                    None => Segment::Literal(s.to_owned()),
                },
            )
            .collect();
        Route {
            method: Method::from_bytes(ep.method.as_str().as_bytes()).unwrap_or(Method::GET),
            segments,
            ep,
        }
    }

    /// The path parameters, when `path` is this route's.
    fn matches(&self, path: &[&str]) -> Option<Vec<(String, String)>> {
        if path.len() != self.segments.len() {
            return None;
        }
        let mut params = Vec::new();
        for (seg, part) in self.segments.iter().zip(path) {
            match seg {
                Segment::Literal(l) if l == part => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => {
                    let value = percent_encoding::percent_decode_str(part)
                        .decode_utf8()
                        .ok()?
                        .into_owned();
                    params.push((name.clone(), value));
                }
            }
        }
        Some(params)
    }

    fn literals(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }
}

fn router(config: Config) -> Router {
    let mut routes: Vec<Route> = catalogue().endpoints.iter().map(Route::new).collect();
    // A literal segment wins over a parameter (`/public/discover/v3`).
    routes.sort_by_key(|r| std::cmp::Reverse(r.literals()));
    let shared = Arc::new(Shared {
        world: World::new(config.seed),
        latency: config.latency,
        routes,
        stats: Mutex::new(BTreeMap::new()),
        in_flight: std::sync::atomic::AtomicI64::new(0),
        flaky: Mutex::new(std::collections::HashMap::new()),
        answers: Mutex::new(std::collections::HashMap::new()),
    });
    Router::new().fallback(handle).with_state(shared)
}

fn error(status: StatusCode, message: &str, extra: Option<Map<String, Json>>) -> Response {
    let mut body = Map::new();
    body.insert("status".into(), "error".into());
    body.insert("message".into(), message.into());
    if let Some(extra) = extra {
        body.extend(extra);
    }
    (status, axum::Json(Json::Object(body))).into_response()
}

/// Counts a running handler in [`Shared::in_flight`] until it is dropped
/// (answered, or abandoned with its connection).
struct InFlight(Arc<Shared>);

impl InFlight {
    fn enter(shared: &Arc<Shared>) -> InFlight {
        shared
            .in_flight
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0
            .in_flight
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let _in_flight =
        (!request.uri().path().starts_with("/__sandbox/stats")).then(|| InFlight::enter(&shared));
    let (parts, body) = request.into_parts();
    let conn = parts.extensions.get::<Arc<Connection>>().cloned();
    // Video downloads carry no API headers: they take the fault as `?fault=`.
    let video_fault = if parts.uri.path().starts_with("/__sandbox/video/") {
        parts.uri.query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "fault")
                .map(|(_, v)| v.into_owned())
        })
    } else {
        None
    };
    let fault_text = match parts.headers.get(FAULT_HEADER).map(|v| v.to_str()) {
        Some(Ok(text)) => Some(Ok(text.to_owned())),
        Some(Err(_)) => Some(Err(())),
        None => video_fault.map(Ok),
    };
    let fault = match fault_text {
        None => None,
        Some(Ok(text)) => match Fault::parse(&text) {
            Ok(f) => Some(f),
            Err(unknown) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    &format!("Unknown {FAULT_HEADER} value {unknown:?}: use slow, slow=MS, drop, reset, truncate, badjson, html502, hang, redirect, status=CODE[:SECONDS], flaky=N:TOKEN or big=BYTES."),
                    None,
                )
            }
        },
        Some(Err(_)) => {
            return error(StatusCode::BAD_REQUEST, "Unreadable fault header.", None)
        }
    };
    if !shared.latency.is_zero() {
        tokio::time::sleep(shared.latency).await;
    }
    match &fault {
        Some(Fault::Drop) | Some(Fault::Reset) => {
            if let Some(conn) = conn {
                conn.kill(fault == Some(Fault::Reset));
            }
            // The connection is gone; this answer is never sent.
            return std::future::pending().await;
        }
        Some(Fault::Hang) => return std::future::pending().await,
        Some(Fault::Html502) => return faults::html502(),
        Some(Fault::BadJson) => return faults::bad_json(),
        Some(Fault::Redirect) => {
            let target = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into());
            return (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
        }
        Some(Fault::Status { code, retry_after }) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut r = error(status, "Fault injected by X-Sandbox-Fault.", None);
            if let Some(s) = retry_after {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*s));
            }
            return r;
        }
        Some(Fault::Flaky { times, token }) => {
            let seen = {
                let mut map = shared.flaky.lock().unwrap_or_else(|e| e.into_inner());
                let n = map.entry(token.clone()).or_default();
                *n += 1;
                *n
            };
            if seen <= *times {
                return error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Temporarily unavailable (flaky fault).",
                    None,
                );
            }
        }
        _ => {}
    }
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large.",
                None,
            )
        }
    };
    let response = answer(&shared, &parts.method, &parts.uri, &parts.headers, &body);
    match fault {
        Some(Fault::Slow(over)) => faults::slow(response, over),
        Some(Fault::Truncate) => faults::truncate(response, conn),
        Some(Fault::Big(bytes)) => pad(response, bytes).await,
        _ => response,
    }
}

/// A JSON object answer with a `padding` field that brings it to `bytes`.
async fn pad(response: Response, bytes: usize) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(raw) = axum::body::to_bytes(body, usize::MAX).await else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, "Could not pad.", None);
    };
    let Ok(Json::Object(mut obj)) = serde_json::from_slice::<Json>(&raw) else {
        return Response::from_parts(parts, raw.into());
    };
    // Many small objects rather than one long string, so parsing the padded
    // body costs what parsing a large real answer costs.
    let mut padding = Vec::new();
    let mut size = raw.len();
    let mut i = 0u64;
    while size < bytes {
        let entry = json!({
            "id": format!("{}", 7_000_000_000_000_000_000u64 + i),
            "desc": "padding entry for size tests #fyp",
            "stats": { "diggCount": i * 7 % 1000, "playCount": i * 13 % 100_000 },
            "verified": i % 2 == 0,
        });
        size += entry.to_string().len() + 1;
        padding.push(entry);
        i += 1;
    }
    obj.insert("padding".into(), Json::Array(padding));
    let mut r = axum::Json(Json::Object(obj)).into_response();
    *r.status_mut() = parts.status;
    r
}

fn json_bytes(bytes: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

fn count(shared: &Shared, key: &str) {
    let mut stats = shared.stats.lock().unwrap_or_else(|e| e.into_inner());
    *stats.entry(key.to_owned()).or_default() += 1;
}

fn answer(
    shared: &Shared,
    method: &Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Response {
    let query: Vec<(String, String)> = uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let path: Vec<&str> = uri.path().trim_matches('/').split('/').collect();

    // The sandbox's own routes.
    match path.as_slice() {
        ["__sandbox", "stats"] => {
            let stats = shared.stats.lock().unwrap_or_else(|e| e.into_inner());
            let total: u64 = stats.values().sum();
            let in_flight = shared.in_flight.load(std::sync::atomic::Ordering::SeqCst);
            return axum::Json(
                json!({ "total": total, "endpoints": *stats, "in_flight": in_flight }),
            )
            .into_response();
        }
        ["__sandbox", "health"] => {
            return axum::Json(json!({ "status": "success" })).into_response()
        }
        ["__sandbox", "image", ..] => {
            return (
                [(header::CONTENT_TYPE, "image/png")],
                Bytes::from_static(video::PNG),
            )
                .into_response();
        }
        ["__sandbox", "audio", name] => {
            let id = name.trim_end_matches(".m4a");
            let len = 50_000 + shared.world.h(&["audio-size", id]) % 50_000;
            let clip = video::Clip::new(shared.world.h(&["audio-bytes", id]), len);
            return video::file_response(clip, headers, "audio/mp4");
        }
        ["__sandbox", "video", rid, id, _file] => {
            count(shared, "__sandbox.video");
            return video::serve(&shared.world, rid, id, headers, &query);
        }
        _ => {}
    }

    let mut path_matched = false;
    let mut found = None;
    for route in &shared.routes {
        if let Some(params) = route.matches(&path) {
            path_matched = true;
            if route.method == *method {
                found = Some((route, params));
                break;
            }
        }
    }
    let Some((route, path_params)) = found else {
        return if path_matched {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("Method {method} is not allowed here."),
                None,
            )
        } else {
            error(StatusCode::NOT_FOUND, "Endpoint not found.", None)
        };
    };
    let ep = route.ep;
    count(shared, &ep.key);

    // Authentication, as the service does it.
    let api_key = headers.get("x-api-key").and_then(|v| v.to_str().ok());
    match api_key {
        Some(k) if k == INVALID_API_KEY || !well_formed(k) => {
            return error(
                StatusCode::UNAUTHORIZED,
                "A valid API Key is required.",
                None,
            )
        }
        None => {
            return error(
                StatusCode::UNAUTHORIZED,
                "A valid API Key is required.",
                None,
            )
        }
        Some(k) if k == RATE_LIMITED_API_KEY => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "API Key Rate-Limit reached.",
                None,
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
            return r;
        }
        Some(_) => {}
    }
    let account_key = if ep.needs_account() {
        match headers.get("x-account-key").and_then(|v| v.to_str().ok()) {
            Some(k) if k == EXPIRED_ACCOUNT_KEY => {
                let mut extra = Map::new();
                extra.insert("statusCode".into(), 8.into());
                return error(
                    StatusCode::PRECONDITION_REQUIRED,
                    "Account session expired, please ask user to re-login and re-authorize.",
                    Some(extra),
                );
            }
            Some(k) if well_formed(k) => {
                if let Some(refused) = scopes::refuse(&ep.key, k) {
                    return refused;
                }
                Some(k.to_owned())
            }
            _ => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "A valid Account Key is required.",
                    None,
                )
            }
        }
    } else {
        None
    };

    // The parameters, checked with the catalogue's rules.
    let json_body = if body.is_empty() {
        None
    } else {
        match serde_json::from_slice::<Json>(body) {
            Ok(Json::Object(m)) => Some(m),
            _ => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "The request body must be a JSON object.",
                    None,
                )
            }
        }
    };
    let raw = Raw {
        path: &path_params,
        query: &query,
        body: json_body.as_ref(),
    };
    let input = match Input::read(ep, &raw) {
        Ok(input) => input,
        Err(rejection) => {
            let mut extra = Map::new();
            extra.insert("fields".into(), Json::Object(rejection.fields));
            let message = if rejection.missing {
                "Missing fields."
            } else {
                "Invalid fields."
            };
            return error(StatusCode::BAD_REQUEST, message, Some(extra));
        }
    };

    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    // Answers are pure functions of what was asked: keep recent ones, so the
    // sandbox is never the bottleneck of a client benchmark.
    let cache_key = format!(
        "{}\n{}\n{}\n{}",
        ep.key,
        host,
        account_key.as_deref().unwrap_or(""),
        input.canonical()
    );
    if let Some(bytes) = shared
        .answers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&cache_key)
        .cloned()
    {
        return json_bytes(bytes);
    }
    let call = Call::new(
        &shared.world,
        ep,
        &input,
        format!("http://{host}"),
        account_key,
    );
    match call.answer() {
        Ok(data) => {
            let mut out = Map::new();
            out.insert("status".into(), "success".into());
            for (k, v) in data {
                out.insert(k, v);
            }
            if call.has_videos() {
                out.insert(
                    "$other".into(),
                    json!({ "videoLinkHeaders": video::link_headers(&shared.world, &call.rid) }),
                );
            }
            let bytes = Bytes::from(Json::Object(out).to_string());
            let mut cache = shared.answers.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() >= ANSWER_CACHE {
                cache.clear();
            }
            cache.insert(cache_key, bytes.clone());
            drop(cache);
            json_bytes(bytes)
        }
        Err(TikTokError(code)) => {
            let mut extra = Map::new();
            extra.insert("statusCode".into(), code.into());
            let message = tikapi_core::tiktok::describe(code).unwrap_or("Something went wrong.");
            error(StatusCode::FORBIDDEN, message, Some(extra))
        }
    }
}

/// A key as the service issues them: 20 to 128 letters and digits.
fn well_formed(key: &str) -> bool {
    (20..=128).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric())
}
