//! HTTP: the pooled clients, sending with timeouts, a body cap, the
//! connection cap and retries, and errors classified by type. Where a call
//! runs (the runtimes and their pools) is [`crate::runtime`]'s.

use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;

use crate::error::{Error, Result, TransportKind};
use crate::observe::{self, Attempt, Finished, Purpose as ObservedPurpose};
use crate::options::{Options, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT};
use crate::request::redact_url;
use crate::response::Response;
use crate::runtime::{self, PoolKey};

pub(crate) use crate::policy::Purpose;
use crate::policy::{redirect_rule, retry_wait, timeout_reason, too_large_reason, Redirect};

/// reqwest's redirect policy for a purpose: the exchange's redirect rule.
fn redirect_policy(purpose: Purpose) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        let hops = attempt.previous().len().saturating_sub(1) as u32;
        let Some(first) = attempt.previous().first().cloned() else {
            return attempt.follow();
        };
        match redirect_rule(purpose, &first, attempt.url(), hops) {
            Redirect::Follow => attempt.follow(),
            // Not followed: the app gets the 3xx answer itself.
            Redirect::Stop => attempt.stop(),
            Redirect::TooMany => attempt.error(crate::policy::too_many_redirects()),
        }
    })
}

/// The HTTP client for a set of options, shared by every caller with the same
/// transport settings on the same runtime (see [`runtime::pooled`]).
pub(crate) fn http_client(options: &Options, purpose: Purpose) -> Result<reqwest::Client> {
    let key = PoolKey {
        proxy: options.proxy.clone(),
        connect_timeout: options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
        accept_invalid_certs: options.danger_accept_invalid_certs.unwrap_or(false),
        purpose,
    };
    runtime::pooled(key, build_client)
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
    /// The catalogue key of the call, for observers.
    pub endpoint: Option<&'a str>,
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
    let client = &http_client(options, Purpose::Api)?;
    let observer = observe::current();
    let propagate = options.trace_context.unwrap_or(true);
    let mut attempt = 0u32;
    loop {
        let mut wait = None;
        let result = observe::attempt(
            observer.as_ref(),
            || {
                let method = out.method.as_str();
                Attempt::new(ObservedPurpose::Api, out.endpoint, method, out.url, attempt)
            },
            propagate,
            |extra| async move { send_once(client, out, &extra, options, user_agent).await },
            |a, result, elapsed| {
                wait = retry_wait(options.retry.as_ref(), attempt, result, out.idempotent);
                Finished::new(a, result.as_ref(), elapsed, wait)
            },
        )
        .await;
        if observer.is_none() {
            wait = retry_wait(options.retry.as_ref(), attempt, &result, out.idempotent);
        }
        match wait {
            None => return result,
            Some(wait) => {
                attempt += 1;
                tokio::time::sleep(wait).await;
            }
        }
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
    let budget = runtime::connection_budget(origin, limit);
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
    extra: &[(String, String)],
    options: &Options,
    user_agent: &str,
) -> Result<Response> {
    let started = Instant::now();
    let timeout = options.timeout.unwrap_or(DEFAULT_TIMEOUT);
    let cap = options.max_body_size.unwrap_or(DEFAULT_MAX_BODY);
    let target = out.target();
    check_url_and_headers(out)?;
    // The places are held until the body is read (or the call fails).
    let (place, left) = crate::limit::place(options.rate_limit.as_ref(), &target, timeout).await?;
    let limited = Options {
        timeout: Some(left),
        ..Options::default()
    };
    let (_slot, left) = match place {
        Some(_) => connection_slot(out.url, &limited.inherit(options), &target).await?,
        None => connection_slot(out.url, options, &target).await?,
    };
    let mut req = client
        .request(out.method.clone(), out.url)
        .timeout(left)
        .header(reqwest::header::USER_AGENT, user_agent);
    for (k, v) in out.headers.iter().chain(extra) {
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
    if let (429, Some((limiter, _))) = (status, &place) {
        // The service asks everyone drawing on this budget to wait.
        if let Some(pause) = crate::response::retry_after_header(&headers) {
            limiter.pause(pause).await;
        }
    }
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
        too_large_reason(cap),
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
        TransportKind::Timeout => timeout_reason(timeout),
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
