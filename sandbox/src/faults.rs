//! Faults: what a scripted endpoint (`crate::script`) or one request's
//! `X-Sandbox-Fault` header makes the sandbox do instead of answering
//! normally, so clients' error handling can be tested.
//!
//! | value | what happens |
//! |---|---|
//! | `slow` (or `slow=MS`) | the body trickles out in 20 pieces over 2 s (or MS) |
//! | `drop` | the connection closes without an answer |
//! | `truncate` | the body stops halfway through its `Content-Length`, and the connection closes |
//! | `badjson` | `200` with a JSON content type and a body that is not JSON |
//! | `html502` | `502` with an HTML page, as a proxy in front of the API would |
//! | `reset` | the connection is reset (TCP RST) without an answer |
//! | `hang` (or `timeout`) | the request is read and never answered; the connection stays open |
//! | `redirect` | `302` back to the same URL: a redirect loop |
//! | `status=CODE` / `status=CODE:SECONDS` | that status with an error body (and `Retry-After`) |
//! | `rate_limit=SECONDS` | `429` with `Retry-After: SECONDS`, the service's rate-limit answer |
//! | `tiktok=CODE` | `403` with TikTok's `statusCode` CODE and its description, as the service relays it |
//! | `flaky=N:TOKEN` | `503` for the first N requests carrying TOKEN, then the normal answer |
//! | `big=BYTES` | the normal answer, padded to at least BYTES with a `padding` field |
//!
//! Video downloads carry no API headers: they take the fault as `?fault=`.
//!
//! Two layers apply them (see `crate::router`): [`replace`] finds the
//! request's fault (its header, else a scripted rule, else the cassette in
//! use) and answers instead of the endpoint (`drop`, `reset`, `hang`,
//! `html502`, `badjson`, `redirect`, `status`, `rate_limit`, `tiktok`,
//! `flaky`, and scripted status-and-body answers); [`distort`], nearer the
//! routes, changes how the endpoint's own answer is delivered (`slow`,
//! `truncate`, `big`). [`replace`] also writes down every catalogue call
//! (`crate::script::Arrival`) and serves the kit's control routes
//! (`/__sandbox/script`, `/__sandbox/requests`, `/__sandbox/reset`,
//! `/__sandbox/record`, `/__sandbox/replay`).
//!
//! `drop`, `reset` and `truncate` act on the connection itself, below axum:
//! the accept loop (`crate::server`) hands every request its connection's
//! kill switch as an extension, and these faults pull it. A request that
//! comes without one (through `tower::ServiceExt::oneshot` in tests) gets a
//! body that fails halfway for `truncate`, and no answer at all for `drop`
//! and `reset`.

use std::future::Future as _;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::{Buf, Bytes};
use http_body::{Frame, SizeHint};
use serde_json::{json, Value as Json};
use tokio::time::Sleep;

use crate::cassette::{self, Mode};
use crate::control;
pub use crate::fault::{Fault, HEADER, KNOWN};
use crate::refusal::Refusal;
use crate::script::{Arrival, Reply};
use crate::server::Connection;
use crate::state::{lock, Shared};
use crate::MAX_BODY;

/// The fault a request asks for: its `X-Sandbox-Fault` header, or a video
/// download's `?fault=`; a 400 naming an unknown one.
fn requested(request: &Request) -> Result<Option<Fault>, Refusal> {
    let text = match request.headers().get(HEADER).map(|v| v.to_str()) {
        Some(Ok(text)) => text.to_owned(),
        Some(Err(_)) => {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "Unreadable fault header.",
            ))
        }
        None if request.uri().path().starts_with("/__sandbox/video/") => {
            let from_query = request.uri().query().and_then(|q| {
                form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "fault")
                    .map(|(_, v)| v.into_owned())
            });
            match from_query {
                Some(text) => text,
                None => return Ok(None),
            }
        }
        None => return Ok(None),
    };
    Fault::parse(&text).map(Some).map_err(|unknown| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("Unknown {HEADER} value {unknown:?}: {KNOWN}."),
        )
    })
}

/// The outer fault layer: the request's fault or scripted answer, else the
/// cassette's; the faults that change how the endpoint's own answer is
/// delivered go on to [`distort`] as a request extension.
pub async fn replace(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let header_fault = match requested(&request) {
        Ok(f) => f,
        Err(refusal) => return refusal.into_response(),
    };
    // The body-limit layer has read the body already: this takes its one piece.
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return crate::layers::too_large();
    };
    if let Some(answer) = control::serve(&shared, &parts, &body) {
        return answer;
    }
    let arrival = Arrival::read(&parts.method, &parts.uri, &body);
    if let Some(a) = &arrival {
        shared.arrived(a.clone());
    }
    let reply = match (header_fault, &arrival) {
        (Some(f), _) => Some(Reply::Fault(f)),
        (None, Some(a)) => lock(&shared.script).reply(a),
        (None, None) => None,
    };
    let request = Request::from_parts(parts, Body::from(body));
    match reply {
        Some(Reply::Fault(fault)) => apply(&shared, fault, request, next).await,
        Some(Reply::Answer {
            status,
            body,
            headers,
        }) => scripted(status, &body, &headers),
        None => match arrival {
            Some(a) => match from_cassette(&shared, a, request).await {
                Ok(answer) => answer,
                Err(request) => next.run(request).await,
            },
            None => next.run(request).await,
        },
    }
}

/// A scripted status and JSON body.
fn scripted(status: u16, body: &Json, headers: &[(String, String)]) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut r = (status, axum::Json(body.clone())).into_response();
    for (k, v) in headers {
        if let (Ok(k), Ok(v)) = (
            header::HeaderName::try_from(k.as_str()),
            HeaderValue::try_from(v.as_str()),
        ) {
            r.headers_mut().insert(k, v);
        }
    }
    r
}

/// The cassette's answer (replaying) or the upstream's (recording); the
/// request back when there is no cassette.
async fn from_cassette(
    shared: &Shared,
    arrival: Arrival,
    request: Request,
) -> Result<Response, Request> {
    let (client, upstream) = {
        let mut cassette = lock(&shared.cassette);
        match cassette.as_mut() {
            None => return Err(request),
            Some(c) => match &c.mode {
                Mode::Replay => {
                    return Ok(match c.lookup(&arrival) {
                        Ok(answer) => answer,
                        Err(message) => {
                            lock(&shared.misses).push(message.clone());
                            cassette::miss(&message)
                        }
                    })
                }
                Mode::Record { client, upstream } => (client.clone(), upstream.clone()),
            },
        }
    };
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Ok(crate::layers::too_large());
    };
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let (interaction, answer) = match cassette::forward(
        &client,
        &upstream,
        arrival,
        &parts.method,
        &path,
        &parts.headers,
        body,
    )
    .await
    {
        Ok(done) => done,
        Err(refused) => return Ok(refused),
    };
    if let Some(c) = lock(&shared.cassette).as_mut() {
        if let Err(e) = c.add(interaction) {
            return Ok(Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e).into_response());
        }
    }
    Ok(answer)
}

/// Answer with `fault`, or hand it to [`distort`].
async fn apply(shared: &Shared, fault: Fault, mut request: Request, next: Next) -> Response {
    match &fault {
        Fault::Drop | Fault::Reset => {
            if let Some(conn) = request.extensions().get::<Arc<Connection>>() {
                conn.kill(fault == Fault::Reset);
            }
            // The connection is gone; this answer is never sent.
            return std::future::pending().await;
        }
        Fault::Hang => return std::future::pending().await,
        Fault::Html502 => return html502(),
        Fault::BadJson => return bad_json(),
        Fault::Redirect => {
            let target = request
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into());
            return (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
        }
        Fault::Status { code, retry_after } => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let refusal = Refusal::new(status, "Fault injected by X-Sandbox-Fault.");
            return match retry_after {
                Some(s) => refusal.retry_after(*s),
                None => refusal,
            }
            .into_response();
        }
        Fault::RateLimit(seconds) => {
            return Refusal::new(StatusCode::TOO_MANY_REQUESTS, "API Key Rate-Limit reached.")
                .retry_after(*seconds)
                .into_response()
        }
        Fault::TikTok(code) => {
            let message = tikapi_core::tiktok::describe(*code).unwrap_or("Something went wrong.");
            return Refusal::new(StatusCode::FORBIDDEN, message)
                .with("statusCode", *code)
                .into_response();
        }
        Fault::Flaky { times, token } => {
            if shared.flaky_seen(token) <= *times {
                return Refusal::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Temporarily unavailable (flaky fault).",
                )
                .into_response();
            }
        }
        Fault::Slow(_) | Fault::Truncate | Fault::Big(_) => {}
    }
    request.extensions_mut().insert(fault);
    next.run(request).await
}

/// The inner fault layer: the endpoint's answer, delivered slowly, cut
/// short, or padded.
pub async fn distort(request: Request, next: Next) -> Response {
    let fault = request.extensions().get::<Fault>().cloned();
    let conn = request.extensions().get::<Arc<Connection>>().cloned();
    let response = next.run(request).await;
    match fault {
        Some(Fault::Slow(over)) => slow(response, over),
        Some(Fault::Truncate) => truncate(response, conn),
        Some(Fault::Big(bytes)) => pad(response, bytes).await,
        _ => response,
    }
}

/// A JSON object answer with a `padding` field that brings it to `bytes`.
async fn pad(response: Response, bytes: usize) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(raw) = axum::body::to_bytes(body, usize::MAX).await else {
        return Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Could not pad.").into_response();
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

pub const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

pub const BAD_JSON: &str =
    "{\"status\":\"success\",\"itemList\":[{\"id\":\"7003402629929913605\",\"desc\":";

/// The answers that replace the endpoint's own.
fn html502() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        HTML_502,
    )
        .into_response()
}

fn bad_json() -> Response {
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
fn truncate(resp: Response, conn: Option<Arc<Connection>>) -> Response {
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
fn slow(resp: Response, over: Duration) -> Response {
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
