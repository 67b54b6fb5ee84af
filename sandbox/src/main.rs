//! `tikapi-sandbox [--addr HOST:PORT] [--seed N] [--latency-ms N] [--tls]`
//!
//! The first line on stdout is `listening on http://HOST:PORT`.

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

use tikapi_sandbox::Config;

const USAGE: &str =
    "usage: tikapi-sandbox [--addr HOST:PORT] [--seed N] [--latency-ms N] [--tls]\n\
  --addr        where to listen (default 127.0.0.1:8710; port 0 picks a free port)\n\
  --seed        seed of the generated data (default 0)\n\
  --latency-ms  delay added before every answer (default 0)\n\
  --tls         serve HTTPS with a certificate of a test CA (sandbox/tls/ca.pem)\n\
                that clients refuse unless they are told to trust it";

fn parse(args: &[String]) -> Result<Config, String> {
    let mut config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 8710)),
        ..Config::default()
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (flag.as_str(), None),
        };
        if name == "-h" || name == "--help" {
            return Err(String::new());
        }
        if name == "--tls" {
            config.tls = true;
            continue;
        }
        let value = match inline.or_else(|| it.next().cloned()) {
            Some(v) => v,
            None => return Err(format!("{name} needs a value")),
        };
        match name {
            "--addr" => {
                config.addr = value
                    .to_socket_addrs()
                    .map_err(|e| format!("--addr {value:?}: {e}"))?
                    .next()
                    .ok_or_else(|| format!("--addr {value:?}: no address"))?;
            }
            "--seed" => {
                config.seed = value
                    .parse()
                    .map_err(|_| format!("--seed {value:?}: not a whole number"))?;
            }
            "--latency-ms" => {
                let ms: u64 = value
                    .parse()
                    .map_err(|_| format!("--latency-ms {value:?}: not a whole number"))?;
                config.latency = Duration::from_millis(ms);
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(config)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match parse(&args) {
        Ok(c) => c,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("tikapi-sandbox: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tikapi-sandbox: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let sandbox = match tikapi_sandbox::start(config).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("tikapi-sandbox: cannot listen: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on {}", sandbox.url());
        let _ = out.flush();
        drop(out);
        let _ = tokio::signal::ctrl_c().await;
        sandbox.stop().await;
        ExitCode::SUCCESS
    })
}
