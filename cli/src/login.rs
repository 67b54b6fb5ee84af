//! `tikapi login`: obtain an account key through TikAPI's authorisation
//! link, with a one-shot web server on a loopback port for the redirect.

use std::path::{Path, PathBuf};
use std::time::Duration;

use tikapi_core::oauth::{self, LinkRequest, OAuthErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::{code, Context, Failure, Outcome};

#[derive(clap::Args, Debug)]
pub(crate) struct LoginArgs {
    /// Your app's client id, from TikAPI's developer settings (c_...); or TIKAPI_CLIENT_ID.
    #[arg(long, env = "TIKAPI_CLIENT_ID")]
    client_id: String,
    /// The scopes to ask for, comma-separated (VIEW_PROFILE,EXPLORE or view_profile,explore).
    #[arg(long, value_delimiter = ',', required = true)]
    scopes: Vec<String>,
    /// The loopback port for the redirect (0: any free port). Register
    /// http://127.0.0.1:PORT/callback as your app's redirect URI.
    #[arg(long, default_value_t = 0)]
    redirect_port: u16,
    /// A two-letter country code for the login.
    #[arg(long)]
    country: Option<String>,
    /// The user's e-mail address, to prefill.
    #[arg(long)]
    email: Option<String>,
    /// Write the account key to this file (mode 600) instead of printing it.
    #[arg(long, value_name = "FILE")]
    save: Option<PathBuf>,
    /// Give up after this many seconds without the redirect.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    wait: u64,
}

fn page(title: &str, text: &str) -> String {
    format!(
        "<!doctype html><meta charset=utf-8><title>{title}</title><body style=\"font-family:sans-serif\"><h1>{title}</h1><p>{text}</p>"
    )
}

async fn respond(stream: &mut TcpStream, status: &str, body: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// The request target of one HTTP request (`/callback?...`), or `None`.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let mut parts = head.lines().next()?.split(' ');
    let method = parts.next()?;
    let target = parts.next()?;
    (method == "GET").then(|| target.to_owned())
}

fn save(path: &Path, key: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    std::io::Write::write_all(&mut file, format!("{key}\n").as_bytes())?;
    file.sync_all()
}

pub(crate) async fn run(ctx: &Context, args: LoginArgs) -> Outcome<i32> {
    let listener = TcpListener::bind(("127.0.0.1", args.redirect_port))
        .await
        .map_err(|e| {
            Failure::local(format!(
                "could not listen on 127.0.0.1:{}: {e}",
                args.redirect_port
            ))
        })?;
    let port = listener
        .local_addr()
        .map_err(|e| Failure::local(e.to_string()))?
        .port();
    let redirect_uri = format!("http://127.0.0.1:{port}/callback");
    let state = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
    let scopes: Vec<&str> = args.scopes.iter().map(String::as_str).collect();
    let link = oauth::authorization_url(&LinkRequest {
        client_id: &args.client_id,
        redirect_uri: &redirect_uri,
        scopes: &scopes,
        state: Some(&state),
        country: args.country.as_deref(),
        email: args.email.as_deref(),
    })
    .map_err(|e| Failure::usage(e.message))?;
    // The link is the point of the command: shown even with --quiet.
    eprintln!("Open this link in a browser and authorise the app:\n\n  {link}\n");
    ctx.note(&format!(
        "Waiting for TikAPI's redirect to {redirect_uri} ..."
    ));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(args.wait);
    let auth = loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = tokio::time::sleep_until(deadline) => {
                return Err(Failure { code: code::NETWORK, message: format!("no redirect came within {} s", args.wait) });
            }
            _ = tokio::signal::ctrl_c() => return Ok(code::INTERRUPTED),
        };
        let Ok((mut stream, _)) = accepted else {
            continue;
        };
        let Some(target) = read_target(&mut stream).await else {
            respond(
                &mut stream,
                "400 Bad Request",
                &page(
                    "Bad request",
                    "Only the authorisation redirect is served here.",
                ),
            )
            .await;
            continue;
        };
        if !(target == "/callback"
            || target.starts_with("/callback?")
            || target.starts_with("/callback#"))
        {
            respond(
                &mut stream,
                "404 Not Found",
                &page(
                    "Not found",
                    "Only the authorisation redirect is served here.",
                ),
            )
            .await;
            continue;
        }
        match oauth::parse_redirect(&format!("http://127.0.0.1:{port}{target}"), Some(&state)) {
            Ok(auth) => {
                respond(
                    &mut stream,
                    "200 OK",
                    &page(
                        "Authorisation complete",
                        "You can close this window and return to the terminal.",
                    ),
                )
                .await;
                break auth;
            }
            Err(e) if e.kind == OAuthErrorKind::StateMismatch => {
                // Not this login's redirect: keep waiting for the real one.
                respond(
                    &mut stream,
                    "400 Bad Request",
                    &page("Not this login", &e.message),
                )
                .await;
                ctx.note(&format!("ignored a redirect: {}", e.message));
            }
            Err(e) => {
                respond(
                    &mut stream,
                    "400 Bad Request",
                    &page("Authorisation failed", &e.message),
                )
                .await;
                let code = if e.kind == OAuthErrorKind::Denied {
                    code::API
                } else {
                    code::USAGE
                };
                return Err(Failure {
                    code,
                    message: e.message,
                });
            }
        }
    };
    let missing: Vec<&str> = scopes
        .iter()
        .filter_map(|s| oauth::resolve_scope(s).ok())
        .filter(|s| !auth.scopes.is_empty() && !auth.has_scope(&s.sent))
        .map(|s| s.sent.as_str())
        .collect();
    ctx.note(&format!(
        "granted scopes: {}",
        if auth.scopes.is_empty() {
            "(not stated)".to_owned()
        } else {
            auth.scopes.join(", ")
        }
    ));
    if !missing.is_empty() {
        eprintln!("warning: the user did not grant {}", missing.join(", "));
    }
    match &args.save {
        Some(path) => {
            save(path, auth.account_key())
                .map_err(|e| Failure::local(format!("could not write {}: {e}", path.display())))?;
            ctx.note(&format!("account key saved to {}", path.display()));
        }
        None => crate::out(format!("{}\n", auth.account_key()).as_bytes())?,
    }
    Ok(code::OK)
}
