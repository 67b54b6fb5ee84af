//! # tikapi-sandbox
//!
//! An offline TikAPI server: every endpoint of the core's catalogue answers
//! with deterministic data in the shapes the real API uses, with the
//! service's authentication, validation and error answers, pagination that
//! ends, videos behind their `videoLinkHeaders`, and a test kit: scripted
//! answers and faults per endpoint, the calls that arrived, and cassettes
//! recorded from an upstream and replayed offline ([`Control`]).
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
//!
//! The Python and Node packages link it in: `tikapi sandbox`,
//! `tikapi.testing.Sandbox` and `startSandbox` from `tikapi/testing`.
//!
//! Or call its [`router`] directly, with no socket, through
//! `tower::ServiceExt::oneshot`.

mod answers;
mod auth;
mod cassette;
mod control;
mod fault;
mod faults;
mod input;
mod layers;
mod paging;
mod refusal;
mod routes;
mod scopes;
mod script;
mod server;
mod state;
mod video;
mod world;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::watch;
use tower::ServiceExt as _;

pub use cassette::SCRUBBED;
pub use control::Control;
pub use fault::Fault;
pub use scopes::{scoped_account_key, SCOPED_ACCOUNT_KEY_PREFIX};
pub use script::{Arrival, Reply, Rule};

use crate::state::Shared;

/// API keys with a reserved meaning.
pub const INVALID_API_KEY: &str = "InvalidApiKey0000000";
/// An API key whose every call is rate-limited (429 with `Retry-After`).
pub const RATE_LIMITED_API_KEY: &str = "RateLimitedKey000000";
/// An account key whose session has expired (428, `statusCode: 8`).
pub const EXPIRED_ACCOUNT_KEY: &str = "ExpiredAccountKey000";
/// The `Retry-After` the rate-limited key is answered with, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 1;
/// The header that switches on a fault for one response.
pub const FAULT_HEADER: &str = fault::HEADER;

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
    /// Serve HTTPS with the repository's test certificate (`sandbox/tls/`),
    /// issued by a test CA that clients refuse unless told to trust it.
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
    control: Control,
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

    /// Script answers and faults, read the calls that arrived, record or
    /// replay a cassette.
    pub fn control(&self) -> Control {
        self.control.clone()
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

/// A burst of connections (a load test's thousands of concurrent calls) must
/// wait in the accept queue, not be refused: tokio's `bind` asks for 1,024,
/// so ask for the most Linux allows by default (`net.core.somaxconn`, 4,096).
const ACCEPT_BACKLOG: u32 = 4096;

/// The listening socket; an error names the address (and says when the
/// port is taken).
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let bound = (|| {
        let socket = if addr.is_ipv4() {
            TcpSocket::new_v4()?
        } else {
            TcpSocket::new_v6()?
        };
        socket.set_reuseaddr(true)?;
        socket.bind(addr)?;
        socket.listen(ACCEPT_BACKLOG)
    })();
    bound.map_err(|e| {
        let why = match e.kind() {
            io::ErrorKind::AddrInUse => format!("port {} is in use", addr.port()),
            _ => e.to_string(),
        };
        io::Error::new(e.kind(), format!("cannot listen on {addr}: {why}"))
    })
}

/// Bind `config.addr` and serve on the current tokio runtime.
pub async fn start(config: Config) -> io::Result<Sandbox> {
    let listener = listen(config.addr)?;
    let addr = listener.local_addr()?;
    let (shutdown, rx) = watch::channel(false);
    let tls = if config.tls {
        Some(server::tls_acceptor()?)
    } else {
        None
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let shared = Arc::new(Shared::new(config.seed));
    let control = Control(shared.clone());
    let router = app(config, shared);
    let task = tokio::spawn(server::run(listener, router, tls, rx));
    Ok(Sandbox {
        addr,
        url: format!("{scheme}://{addr}"),
        control,
        shutdown,
        task: Some(task),
    })
}

/// A sandbox on a thread and runtime of its own, for synchronous tests and
/// for tests whose client runs on another runtime.
pub struct Background {
    url: String,
    control: Control,
    shutdown: Option<watch::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    pub fn url(&self) -> &str {
        &self.url
    }

    /// See [`Sandbox::control`].
    pub fn control(&self) -> Control {
        self.control.clone()
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
    let control = sandbox.control();
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
        control,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

/// The whole sandbox as an axum [`Router`], for serving or for calling
/// directly with `tower::ServiceExt::oneshot` (no socket). Requests pass,
/// outermost first, through:
///
/// 1. the in-flight count (`/__sandbox/stats`' `in_flight`);
/// 2. the `--latency-ms` delay, when there is one;
/// 3. the body limit (413 past 1 MiB);
/// 4. the faults and scripted answers that answer instead of the endpoint,
///    the cassette, the record of arrivals and the control routes
///    (`faults::replace`);
/// 5. the faults that change how the answer is delivered (`faults::distort`);
/// 6. the routes (`routes::build`), after leading and trailing slashes are
///    trimmed from the path.
///
/// The faults that cut the connection (`drop`, `reset`, `truncate`) need the
/// accept loop of [`start`] below them; through `oneshot` they cannot close
/// anything (see `faults`).
pub fn router(config: Config) -> Router {
    let shared = Arc::new(Shared::new(config.seed));
    app(config, shared)
}

fn app(config: Config, shared: Arc<Shared>) -> Router {
    let routes = routes::build(shared.clone()).map_request(routes::trim_slashes);
    // The routes sit in the fallback of a router of layers: a `Router`'s own
    // layers run after its routing, and the slash trimming must come before
    // it; the layers also see the path as it was sent (`redirect` points
    // back at it).
    let mut app = Router::new()
        .fallback_service(routes)
        .layer(from_fn(faults::distort))
        .layer(from_fn_with_state(shared.clone(), faults::replace))
        .layer(from_fn(layers::limit_body));
    if !config.latency.is_zero() {
        app = app.layer(from_fn_with_state(config.latency, layers::delay));
    }
    app.layer(from_fn_with_state(shared, layers::count_in_flight))
}
