//! The `tikapi` command, on `tikapi-core`.
//!
//! [`run`] takes the arguments (program name first) and returns the exit
//! code, so that the binary and the Python and Node packages' `tikapi` entry
//! points are the same code:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | a local failure (a file could not be written) |
//! | 2 | usage or validation error (nothing was sent) |
//! | 3 | the API answered with an error (4xx/5xx) |
//! | 4 | network error (no usable answer) |
//! | 130 | interrupted (Ctrl-C) |
//!
//! No API or account key is ever printed: not in help (environment values are
//! hidden), progress, errors or output.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use tikapi_core::{Args, Client, Error, Options, RetryPolicy};

mod download;
mod endpoint;
mod export;
mod key;
mod login;
mod output;
mod sandbox;
mod schema;
mod sink;

/// Exit codes.
pub mod code {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const API: i32 = 3;
    pub const NETWORK: i32 = 4;
    pub const INTERRUPTED: i32 = 130;
}

/// A failure with its exit code. The message never holds a key.
#[derive(Debug)]
pub(crate) struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: code::USAGE,
            message: message.into(),
        }
    }

    pub fn local(message: impl Into<String>) -> Failure {
        Failure {
            code: code::FAILURE,
            message: message.into(),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        match &e {
            // The precise explanation, not the official SDKs' words: a person reads it.
            Error::Validation(v) => Failure::usage(v.detail.clone()),
            Error::Usage(m) => Failure::usage(m.clone()),
            Error::Api(r) => {
                let mut message = format!(
                    "the API answered {} {}: {}",
                    r.status,
                    r.reason,
                    r.message()
                );
                if let Some(c) = r.tiktok_code() {
                    message.push_str(&format!(" (TikTok statusCode {c}"));
                    if let Some(d) = r.tiktok_description() {
                        message.push_str(&format!(": {d}"));
                    }
                    message.push(')');
                }
                Failure {
                    code: code::API,
                    message,
                }
            }
            Error::Transport(t) if t.kind == tikapi_core::TransportKind::Io => {
                Failure::local(t.to_string())
            }
            Error::Transport(t) => Failure {
                code: code::NETWORK,
                message: t.to_string(),
            },
            #[allow(unreachable_patterns)]
            _ => Failure::local(e.to_string()),
        }
    }
}

pub(crate) type Outcome<T = ()> = Result<T, Failure>;

#[derive(Parser, Debug)]
#[command(
    name = "tikapi",
    version = tikapi_core::VERSION,
    about = "TikAPI from the command line: call any endpoint, export every page, download videos, check a key, obtain an account key.",
    after_help = "Exit codes: 0 success, 1 local failure, 2 usage or validation error, 3 API error, 4 network error, 130 interrupted."
)]
pub(crate) struct Cli {
    /// The API key (or the environment variable TIKAPI_KEY). With --sandbox and no key, the docs' sandbox key.
    #[arg(long, env = "TIKAPI_KEY", hide_env_values = true, global = true)]
    api_key: Option<String>,
    /// The account key for user endpoints (or TIKAPI_ACCOUNT_KEY).
    #[arg(
        long,
        env = "TIKAPI_ACCOUNT_KEY",
        hide_env_values = true,
        global = true
    )]
    account_key: Option<String>,
    /// Use the sandbox (TIKAPI_SANDBOX_URL, else TikAPI's hosted sandbox).
    #[arg(long, global = true)]
    sandbox: bool,
    /// Replace the base URL in use (the sandbox base with --sandbox).
    #[arg(long, value_name = "URL", global = true)]
    base: Option<String>,
    /// Total time allowed for one request, in seconds.
    #[arg(long, value_name = "SECONDS", global = true)]
    timeout: Option<f64>,
    /// Retry 429, 5xx and refused connections this many times, with backoff.
    #[arg(long, value_name = "N", global = true)]
    retries: Option<u32>,
    /// Send every request through this proxy (http://, https://, socks5://).
    #[arg(long, value_name = "URL", global = true)]
    proxy: Option<String>,
    /// No progress and no summaries on stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Call one endpoint and print its JSON body: tikapi call public.check --username lilyachty
    Call {
        /// The endpoint key (see the list below); `tikapi call ENDPOINT --help` for its parameters.
        endpoint: Option<String>,
        /// The endpoint's parameters, as --name value.
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "--PARAM VALUE"
        )]
        params: Vec<String>,
    },
    /// Walk every page of a paged endpoint and write the items to a file (jsonl, csv, json); resumable.
    Export {
        /// The endpoint key; `tikapi export ENDPOINT --help` for every option.
        endpoint: Option<String>,
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "--PARAM VALUE"
        )]
        params: Vec<String>,
    },
    /// Download every video of the walked items into a directory, named by video id.
    Download {
        /// The endpoint key; `tikapi download ENDPOINT --help` for every option.
        endpoint: Option<String>,
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "--PARAM VALUE"
        )]
        params: Vec<String>,
    },
    /// The key's credits, bandwidth and expiry (/key/info).
    Key {
        /// Print the JSON body instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Obtain an account key: prints an authorisation link, waits for TikAPI's redirect on a loopback port.
    Login(login::LoginArgs),
    /// Print the JSON Schema of an endpoint's answer (`error` for the error answers, --all for every one).
    Schema {
        /// The endpoint key, or `error`; nothing lists the endpoints.
        endpoint: Option<String>,
        /// Every answer in one document.
        #[arg(long)]
        all: bool,
    },
    /// Serve the offline sandbox on 127.0.0.1 (first line: `listening on URL`) until Ctrl-C.
    Sandbox(sandbox::SandboxArgs),
}

/// What every subcommand gets: the client and how to talk to the user.
pub(crate) struct Context {
    pub client: Client,
    pub quiet: bool,
    /// Whether stderr is a terminal (progress bars).
    pub progress: bool,
}

impl Context {
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}

/// Run the command line `argv` (program name first) and return the exit code.
pub fn run<I, T>(argv: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
    if let Some(code) = endpoint_help(&argv) {
        return code;
    }
    let command =
        Cli::command().mut_subcommand("call", |c| c.after_help(endpoint::endpoint_list()));
    let matches = match command.try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            let code = if e.use_stderr() {
                code::USAGE
            } else {
                code::OK
            };
            let _ = e.print();
            return code;
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return code::USAGE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: could not start: {e}");
            return code::FAILURE;
        }
    };
    match runtime.block_on(dispatch(cli)) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("error: {}", f.message);
            f.code
        }
    }
}

/// `tikapi call|export|download ENDPOINT ... --help`: the endpoint's own
/// help, generated from the catalogue (clap would show the subcommand's).
fn endpoint_help(argv: &[OsString]) -> Option<i32> {
    const TAKES_VALUE: &[&str] = &[
        "--api-key",
        "--account-key",
        "--base",
        "--timeout",
        "--retries",
        "--proxy",
    ];
    let words: Vec<String> = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut i = 0;
    while i < words.len() && words[i].starts_with('-') {
        i += if TAKES_VALUE.contains(&words[i].as_str()) {
            2
        } else {
            1
        };
    }
    let sub = words.get(i)?.as_str();
    if !matches!(sub, "call" | "export" | "download") {
        return None;
    }
    let endpoint = words.get(i + 1).filter(|e| !e.starts_with('-'))?;
    if !words[i + 2..].iter().any(|w| w == "--help" || w == "-h") {
        return None;
    }
    let extra = |c: clap::Command| match sub {
        "export" => export::options(c),
        "download" => download::options(c),
        _ => c,
    };
    match endpoint::parse(sub, Some(endpoint.clone()), &["--help".to_owned()], extra) {
        Ok(_) => Some(code::OK),
        Err(f) => {
            eprintln!("error: {}", f.message);
            Some(f.code)
        }
    }
}

fn client(cli: &Cli) -> Outcome<Client> {
    let key = match (&cli.api_key, cli.sandbox, &cli.command) {
        (Some(k), _, _) => k.as_str(),
        (None, true, _) => tikapi_core::catalogue::SANDBOX_API_KEY,
        (None, false, Command::Login(_)) => "",
        (None, false, _) => {
            return Err(Failure::usage(
                "no API key: give --api-key KEY or set TIKAPI_KEY (or use --sandbox)",
            ))
        }
    };
    let client = Client::new(key);
    let mut o = Options::default();
    if let Some(base) = &cli.base {
        if cli.sandbox {
            o.sandbox_base = Some(base.clone());
        } else {
            o.base = Some(base.clone());
        }
    }
    if let Some(t) = cli.timeout {
        if !(t.is_finite() && t > 0.0) {
            return Err(Failure::usage(format!(
                "--timeout {t} is not a positive number of seconds"
            )));
        }
        o.timeout = Some(Duration::from_secs_f64(t));
    }
    if let Some(n) = cli.retries {
        o.retry = Some(RetryPolicy::new(n));
    }
    o.proxy = cli.proxy.clone();
    let mut bound = Args::new();
    if let Some(k) = &cli.account_key {
        bound.set("accountKey", k.as_str());
    }
    client.set(&bound, Some(cli.sandbox), Some(&o));
    Ok(client)
}

async fn dispatch(cli: Cli) -> Outcome<i32> {
    // Needs no key: the schema is part of the package; the sandbox needs no client.
    let mut cli = match cli.command {
        Command::Schema { endpoint, all } => return schema::run(endpoint, all),
        Command::Sandbox(args) => return sandbox::run(args).await,
        _ => cli,
    };
    // An empty key is no key: the sandbox's example key, or the SDK's
    // "required" error.
    cli.api_key = cli.api_key.take().filter(|k| !k.is_empty());
    cli.account_key = cli.account_key.take().filter(|k| !k.is_empty());
    let ctx = Context {
        client: client(&cli)?,
        quiet: cli.quiet,
        progress: !cli.quiet && std::io::stderr().is_terminal(),
    };
    match cli.command {
        Command::Call { endpoint, params } => call(&ctx, endpoint, params).await,
        Command::Export { endpoint, params } => export::run(&ctx, endpoint, params).await,
        Command::Download { endpoint, params } => download::run(&ctx, endpoint, params).await,
        Command::Key { json } => key::run(&ctx, json).await,
        Command::Login(args) => login::run(&ctx, args).await,
        Command::Schema { endpoint, all } => schema::run(endpoint, all),
        Command::Sandbox(args) => sandbox::run(args).await,
    }
}

async fn call(ctx: &Context, endpoint: Option<String>, params: Vec<String>) -> Outcome<i32> {
    let Some(parsed) = endpoint::parse("call", endpoint, &params, |c| c)? else {
        return Ok(code::OK);
    };
    match ctx.client.call(&parsed.key, parsed.args).await {
        Ok(r) => {
            output::print_body(&r)?;
            Ok(code::OK)
        }
        Err(Error::Api(r)) => {
            let f = Failure::from(Error::Api(r.clone()));
            // The body is the answer too: scripts read it from stdout.
            output::print_body(&r)?;
            Err(f)
        }
        Err(e) => Err(e.into()),
    }
}

/// Write `text` to stdout; a closed pipe is not an error.
pub(crate) fn out(text: &[u8]) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::local(format!("could not write to stdout: {e}"))),
    }
}
