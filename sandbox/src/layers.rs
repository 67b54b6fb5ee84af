//! The layers around the routes other than the faults (`crate::faults`):
//! the in-flight count, the `--latency-ms` delay and the body limit. Their
//! order is set in `crate::router`.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::refusal::Refusal;
use crate::state::{InFlight, Shared};
use crate::MAX_BODY;

/// Count the request in `/__sandbox/stats`' `in_flight` until its answer is
/// returned or the request is abandoned (its connection closed).
pub async fn count_in_flight(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    // The stats route reads the count; it does not count itself.
    let _in_flight =
        (!request.uri().path().starts_with("/__sandbox/stats")).then(|| InFlight::enter(&shared));
    next.run(request).await
}

/// Wait `--latency-ms` before answering.
pub async fn delay(State(latency): State<Duration>, request: Request, next: Next) -> Response {
    tokio::time::sleep(latency).await;
    next.run(request).await
}

/// Read the whole request body, up to [`MAX_BODY`]; 413 past it.
pub async fn limit_body(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => too_large(),
    }
}

pub fn too_large() -> Response {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "The request body is too large.",
    )
    .into_response()
}
