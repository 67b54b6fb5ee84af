//! Fault switches: the request header `X-Sandbox-Fault` makes that one
//! response misbehave, so clients' error handling can be tested.
//!
//! | value | what happens |
//! |---|---|
//! | `slow` (or `slow=MS`) | the body trickles out in 20 pieces over 2 s (or MS) |
//! | `drop` | the connection closes without an answer |
//! | `truncate` | the body stops halfway through its `Content-Length`, and the connection closes |
//! | `badjson` | `200` with a JSON content type and a body that is not JSON |
//! | `html502` | `502` with an HTML page, as a proxy in front of the API would |
//! | `reset` | the connection is reset (TCP RST) without an answer |
//! | `hang` | the request is read and never answered; the connection stays open |
//! | `redirect` | `302` back to the same URL: a redirect loop |
//! | `status=CODE` / `status=CODE:SECONDS` | that status with an error body (and `Retry-After`) |
//! | `flaky=N:TOKEN` | `503` for the first N requests carrying TOKEN, then the normal answer |
//! | `big=BYTES` | the normal answer, padded to at least BYTES with a `padding` field |

use std::future::Future as _;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::{Buf, Bytes};
use http_body::{Frame, SizeHint};
use tokio::time::Sleep;

use crate::server::Connection;

pub const HEADER: &str = "x-sandbox-fault";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Slow(Duration),
    Drop,
    Truncate,
    BadJson,
    Html502,
    Reset,
    Hang,
    Redirect,
    Status { code: u16, retry_after: Option<u64> },
    Flaky { times: u32, token: String },
    Big(usize),
}

/// Largest padding `big=` may ask for (64 MiB).
const MAX_PADDING: usize = 64 << 20;

impl Fault {
    /// Parse the header's value; `Err` names an unknown fault.
    pub fn parse(text: &str) -> Result<Fault, String> {
        let text = text.trim().to_ascii_lowercase();
        let (name, arg) = match text.split_once('=') {
            Some((n, a)) => (n.trim().to_owned(), Some(a.trim().to_owned())),
            None => (text.clone(), None),
        };
        Ok(match name.as_str() {
            "slow" => Fault::Slow(Duration::from_millis(
                arg.and_then(|a| a.parse().ok())
                    .unwrap_or(2_000)
                    .min(600_000),
            )),
            "drop" => Fault::Drop,
            "truncate" => Fault::Truncate,
            "badjson" => Fault::BadJson,
            "html502" => Fault::Html502,
            "reset" => Fault::Reset,
            "hang" => Fault::Hang,
            "redirect" => Fault::Redirect,
            "status" => {
                let arg = arg.ok_or_else(|| text.clone())?;
                let (code, after) = match arg.split_once(':') {
                    Some((c, a)) => (c, Some(a.parse().map_err(|_| text.clone())?)),
                    None => (arg.as_str(), None),
                };
                let code: u16 = code.parse().map_err(|_| text.clone())?;
                if !(200..=599).contains(&code) {
                    return Err(text);
                }
                Fault::Status {
                    code,
                    retry_after: after,
                }
            }
            "flaky" => {
                let arg = arg.ok_or_else(|| text.clone())?;
                let (times, token) = arg.split_once(':').unwrap_or((arg.as_str(), ""));
                Fault::Flaky {
                    times: times.parse().map_err(|_| text.clone())?,
                    token: token.to_owned(),
                }
            }
            "big" => Fault::Big(
                arg.and_then(|a| a.parse::<usize>().ok())
                    .ok_or_else(|| text.clone())?
                    .min(MAX_PADDING),
            ),
            _ => return Err(text),
        })
    }
}

pub const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

pub const BAD_JSON: &str =
    "{\"status\":\"success\",\"itemList\":[{\"id\":\"7003402629929913605\",\"desc\":";

/// The answers that replace the endpoint's own.
pub fn html502() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        HTML_502,
    )
        .into_response()
}

pub fn bad_json() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        BAD_JSON,
    )
        .into_response()
}

/// The answer's size, from its body or its `Content-Length`.
fn length(resp: &Response) -> Option<u64> {
    http_body::Body::size_hint(resp.body()).exact().or_else(|| {
        resp.headers()
            .get(header::CONTENT_LENGTH)?
            .to_str()
            .ok()?
            .parse()
            .ok()
    })
}

/// Send half of the body under the full `Content-Length`, then close.
pub fn truncate(resp: Response, conn: Option<Arc<Connection>>) -> Response {
    let total = length(&resp).unwrap_or(0);
    let (mut parts, body) = resp.into_parts();
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(total));
    let body = Truncated {
        inner: body,
        total,
        limit: total / 2,
        sent: 0,
        conn,
    };
    Response::from_parts(parts, Body::new(body))
}

/// Send the body in small pieces with pauses.
pub fn slow(resp: Response, over: Duration) -> Response {
    const PIECES: u64 = 20;
    let total = length(&resp);
    let piece = total.map_or(1024, |t| t.div_ceil(PIECES).max(1)) as usize;
    let pause = over / PIECES as u32;
    let (parts, body) = resp.into_parts();
    let body = Slow {
        inner: body,
        pending: Bytes::new(),
        piece,
        pause,
        sleep: None,
        hint: total,
    };
    Response::from_parts(parts, Body::new(body))
}

struct Truncated {
    inner: Body,
    total: u64,
    limit: u64,
    sent: u64,
    conn: Option<Arc<Connection>>,
}

impl http_body::Body for Truncated {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.sent >= self.limit {
            return match &self.conn {
                // Stall: the connection closes once the half is flushed.
                Some(conn) => {
                    conn.kill_after_flush();
                    Poll::Pending
                }
                None => Poll::Ready(Some(Err(axum::Error::new("truncated")))),
            };
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                Ok(mut data) => {
                    let room = (self.limit - self.sent) as usize;
                    if data.len() > room {
                        data.truncate(room);
                    }
                    self.sent += data.len() as u64;
                    Poll::Ready(Some(Ok(Frame::data(data))))
                }
                // Trailers are not sent: the body never gets that far.
                Err(_) => {
                    self.sent = self.limit;
                    self.poll_frame(cx)
                }
            },
            Poll::Ready(None) => {
                self.sent = self.limit;
                self.poll_frame(cx)
            }
            other => other,
        }
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.total)
    }
}

struct Slow {
    inner: Body,
    pending: Bytes,
    piece: usize,
    pause: Duration,
    sleep: Option<Pin<Box<Sleep>>>,
    hint: Option<u64>,
}

impl http_body::Body for Slow {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        loop {
            if let Some(sleep) = self.sleep.as_mut() {
                if sleep.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                self.sleep = None;
            }
            if !self.pending.is_empty() {
                let n = self.piece.min(self.pending.len());
                let out = self.pending.split_to(n);
                let pause = self.pause;
                self.sleep = Some(Box::pin(tokio::time::sleep(pause)));
                return Poll::Ready(Some(Ok(Frame::data(out))));
            }
            match Pin::new(&mut self.inner).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(mut data) => self.pending = data.copy_to_bytes(data.remaining()),
                    Err(frame) => return Poll::Ready(Some(Ok(frame))),
                },
                other => return other,
            }
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self.hint {
            Some(n) => SizeHint::with_exact(n),
            None => SizeHint::default(),
        }
    }
}
