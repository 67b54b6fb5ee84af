//! `tikapi sandbox [--port N] [--seed N] [--latency-ms N] [--tls]`: the
//! offline sandbox (the `tikapi-sandbox` crate, linked in), for apps' tests
//! in any language. The first line on stdout is `listening on URL`; Ctrl-C
//! stops it. Tests script it over HTTP (`/__sandbox/script`, see the
//! sandbox crate's `control` module).

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use crate::{code, Failure, Outcome};

#[derive(clap::Args, Debug)]
pub(crate) struct SandboxArgs {
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8710)]
    port: u16,
    /// Seed of the generated data: the same seed gives the same answers.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Delay added before every answer, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency_ms: u64,
    /// Serve HTTPS with a certificate of a test CA that clients refuse unless told to trust it.
    #[arg(long)]
    tls: bool,
}

pub(crate) async fn run(args: SandboxArgs) -> Outcome<i32> {
    let config = tikapi_sandbox::Config {
        addr: SocketAddr::from(([127, 0, 0, 1], args.port)),
        seed: args.seed,
        latency: Duration::from_millis(args.latency_ms),
        tls: args.tls,
    };
    let sandbox = tikapi_sandbox::start(config)
        .await
        .map_err(|e| Failure::local(format!("sandbox: {e}")))?;
    crate::out(format!("listening on {}\n", sandbox.url()).as_bytes())?;
    let _ = std::io::stdout().flush();
    let _ = tokio::signal::ctrl_c().await;
    sandbox.stop().await;
    Ok(code::OK)
}
