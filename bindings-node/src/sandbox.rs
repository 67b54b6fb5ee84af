//! `startSandbox()`'s native half (`tikapi/testing`): the sandbox crate,
//! in-process on a loopback port (its own thread and runtime), and its test
//! kit (`tikapi_sandbox::Control`). Rules, cassettes and their errors are the
//! crate's; this only passes text across.

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use napi_derive::napi;
use tikapi_sandbox::{Background, Config, Control};

#[napi]
pub struct NativeSandbox {
    url: String,
    control: Control,
    running: Mutex<Option<Background>>,
}

fn refused(e: String) -> napi::Error {
    napi::Error::new(napi::Status::InvalidArg, e)
}

#[napi]
impl NativeSandbox {
    /// Start serving on 127.0.0.1:`port` (0: a free port).
    #[napi(constructor)]
    pub fn new(
        port: Option<u32>,
        seed: Option<i64>,
        latency_ms: Option<u32>,
        tls: Option<bool>,
    ) -> napi::Result<Self> {
        let port = u16::try_from(port.unwrap_or(0)).map_err(|_| {
            refused(format!(
                "port {} is not a port (0-65535)",
                port.unwrap_or(0)
            ))
        })?;
        let config = Config {
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            seed: seed.unwrap_or(0).max(0) as u64,
            latency: Duration::from_millis(u64::from(latency_ms.unwrap_or(0))),
            tls: tls.unwrap_or(false),
        };
        let background = tikapi_sandbox::start_background(config)
            .map_err(|e| napi::Error::new(napi::Status::GenericFailure, format!("sandbox: {e}")))?;
        Ok(NativeSandbox {
            url: background.url().to_owned(),
            control: background.control(),
            running: Mutex::new(Some(background)),
        })
    }

    #[napi(getter)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Stop serving; again is a no-op.
    #[napi]
    pub fn close(&self) {
        let taken = self.running.lock().ok().and_then(|mut r| r.take());
        drop(taken);
    }

    /// Add a rule given as JSON text (`tikapi_sandbox::Rule::from_json`).
    #[napi]
    pub fn script(&self, rule: String) -> napi::Result<()> {
        self.live()?;
        self.control.script_json(&rule).map_err(refused)
    }

    /// The calls that arrived since the last reset, as JSON text.
    #[napi]
    pub fn requests(&self) -> String {
        self.control.requests_json()
    }

    #[napi]
    pub fn reset(&self) {
        self.control.reset();
    }

    #[napi]
    pub fn record(&self, cassette: String, upstream: String) -> napi::Result<()> {
        self.live()?;
        self.control
            .record(Path::new(&cassette), &upstream)
            .map_err(refused)
    }

    #[napi]
    pub fn replay(&self, cassette: String) -> napi::Result<()> {
        self.live()?;
        self.control.replay(Path::new(&cassette)).map_err(refused)
    }

    #[napi]
    pub fn eject(&self) {
        self.control.eject();
    }

    #[napi]
    pub fn misses(&self) -> Vec<String> {
        self.control.misses()
    }
}

impl NativeSandbox {
    fn live(&self) -> napi::Result<()> {
        match self.running.lock() {
            Ok(r) if r.is_some() => Ok(()),
            _ => Err(napi::Error::new(
                napi::Status::GenericFailure,
                "the sandbox is closed",
            )),
        }
    }
}
