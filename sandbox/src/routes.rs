//! The routes: every endpoint of the core's catalogue at its method and
//! path, the sandbox's own `/__sandbox/...` routes, and a JSON 404 for the
//! rest. Faults, latency and the in-flight count are layers around these
//! (see `crate::router`); the handlers here only answer.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{RawPathParams, Request, State};
use axum::http::{header, request::Parts, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use serde_json::{json, Map, Value as Json};
use tikapi_core::{catalogue, Endpoint};

use crate::answers::{self, Answer, Call, TikTokError};
use crate::input::{Input, Raw};
use crate::refusal::Refusal;
use crate::state::Shared;
use crate::{auth, video, MAX_BODY};

/// One endpoint form of the catalogue, with its answer looked up once.
struct Form {
    method: Method,
    ep: &'static Endpoint,
    answer: Answer,
}

/// The routes, without layers.
pub fn build(shared: Arc<Shared>) -> Router {
    // Forms that share a path (none today) share its route.
    let mut by_path: BTreeMap<&'static str, Vec<Form>> = BTreeMap::new();
    for ep in &catalogue().endpoints {
        by_path.entry(ep.path.as_str()).or_default().push(Form {
            method: Method::from_bytes(ep.method.as_str().as_bytes()).unwrap_or(Method::GET),
            ep,
            answer: answers::find(&ep.key).unwrap_or(answers::bare),
        });
    }
    let mut router = Router::new();
    for (path, forms) in by_path {
        let forms: Arc<[Form]> = forms.into();
        // `any`, and the method checked in `endpoint`: axum's method routing
        // would answer HEAD with the GET handler and add an `Allow` header to
        // its 405, where the sandbox has always answered a JSON 405 to every
        // method the catalogue does not list. The catalogue's `{name}`
        // segments are axum's own path syntax.
        router = router.route(
            path,
            any(
                move |State(shared): State<Arc<Shared>>,
                      params: Result<RawPathParams, RawPathParamsRejection>,
                      request: Request| {
                    let forms = forms.clone();
                    async move { endpoint(&shared, &forms, params, request).await }
                },
            ),
        );
    }
    router
        .route("/__sandbox/stats", any(stats))
        .route("/__sandbox/health", any(health))
        .route("/__sandbox/image", any(image))
        .route("/__sandbox/image/{*name}", any(image))
        .route("/__sandbox/audio/{name}", any(audio))
        .route("/__sandbox/video/{rid}/{id}/{file}", any(video))
        .fallback(not_found)
        .with_state(shared)
}

/// The path with every leading and trailing `/` but one leading trimmed:
/// the sandbox has always matched `/public/check/` as `/public/check`, and
/// matchit (axum's router) does not. Runs before routing; a path that needs
/// nothing (every path the SDKs send) is passed on untouched.
pub fn trim_slashes(mut request: Request) -> Request {
    let path = request.uri().path();
    let trimmed = path.trim_matches('/');
    if trimmed.len() + 1 == path.len() {
        return request;
    }
    let mut path_and_query = format!("/{trimmed}");
    if let Some(q) = request.uri().query() {
        path_and_query.push('?');
        path_and_query.push_str(q);
    }
    let mut parts = request.uri().clone().into_parts();
    if let Ok(pq) = path_and_query.parse() {
        parts.path_and_query = Some(pq);
        if let Ok(uri) = Uri::from_parts(parts) {
            *request.uri_mut() = uri;
        }
    }
    request
}

async fn not_found() -> Response {
    Refusal::new(StatusCode::NOT_FOUND, "Endpoint not found.").into_response()
}

/// The query's pairs, decoded.
fn query(uri: &Uri) -> Vec<(String, String)> {
    uri.query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

/// A catalogue endpoint: the method, the keys, the parameters, then the
/// answer (from the cache when the same call was answered before).
async fn endpoint(
    shared: &Shared,
    forms: &[Form],
    params: Result<RawPathParams, RawPathParamsRejection>,
    request: Request,
) -> Response {
    // A path parameter that is not UTF-8 once percent-decoded matches no
    // endpoint.
    let Ok(params) = params else {
        return not_found().await;
    };
    let (parts, body) = request.into_parts();
    let Some(form) = forms.iter().find(|f| f.method == parts.method) else {
        return Refusal::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("Method {} is not allowed here.", parts.method),
        )
        .into_response();
    };
    // The body-limit layer has read the body already: this takes its one piece.
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return crate::layers::too_large();
    };
    let ep = form.ep;
    shared.count(&ep.key);
    let account_key = match auth::check(ep, &parts.headers) {
        Ok(k) => k,
        Err(refusal) => return refusal.into_response(),
    };
    let path_params: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let input = match read_input(ep, &parts, &path_params, &body) {
        Ok(input) => input,
        Err(refusal) => return refusal.into_response(),
    };
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    // Answers are pure functions of what was asked: keep recent ones, so the
    // sandbox is never the bottleneck of a client benchmark.
    let cache_key = format!(
        "{}\n{}\n{}\n{}",
        ep.key,
        host,
        account_key.as_deref().unwrap_or(""),
        input.canonical()
    );
    if let Some(bytes) = shared.cached(&cache_key) {
        return json_bytes(bytes);
    }
    let call = Call::new(
        &shared.world,
        ep,
        &input,
        format!("http://{host}"),
        account_key,
    );
    match answers::answer(&call, form.answer) {
        Ok(data) => {
            let mut out = Map::new();
            out.insert("status".into(), "success".into());
            out.extend(data);
            if call.has_videos() {
                out.insert(
                    "$other".into(),
                    json!({ "videoLinkHeaders": video::link_headers(&shared.world, &call.rid) }),
                );
            }
            let bytes = Bytes::from(Json::Object(out).to_string());
            shared.remember(cache_key, bytes.clone());
            json_bytes(bytes)
        }
        Err(TikTokError(code)) => {
            let message = tikapi_core::tiktok::describe(code).unwrap_or("Something went wrong.");
            Refusal::new(StatusCode::FORBIDDEN, message)
                .with("statusCode", code)
                .into_response()
        }
    }
}

/// The call's parameters, checked with the catalogue's rules; a 400 naming
/// the fields otherwise.
fn read_input(
    ep: &Endpoint,
    parts: &Parts,
    path: &[(String, String)],
    body: &Bytes,
) -> Result<Input, Refusal> {
    let json_body = if body.is_empty() {
        None
    } else {
        match serde_json::from_slice::<Json>(body) {
            Ok(Json::Object(m)) => Some(m),
            _ => {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "The request body must be a JSON object.",
                ))
            }
        }
    };
    let query = query(&parts.uri);
    let raw = Raw {
        path,
        query: &query,
        body: json_body.as_ref(),
    };
    Input::read(ep, &raw).map_err(|rejection| {
        let message = if rejection.missing {
            "Missing fields."
        } else {
            "Invalid fields."
        };
        Refusal::new(StatusCode::BAD_REQUEST, message).with("fields", rejection.fields)
    })
}

fn json_bytes(bytes: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

async fn stats(State(shared): State<Arc<Shared>>) -> Response {
    axum::Json(shared.stats()).into_response()
}

async fn health() -> Response {
    axum::Json(json!({ "status": "success" })).into_response()
}

/// Avatars and covers: one small PNG for every name.
async fn image() -> Response {
    (
        [(header::CONTENT_TYPE, "image/png")],
        Bytes::from_static(video::PNG),
    )
        .into_response()
}

/// The `n`th segment of the (trimmed) path, as sent: the sandbox's own file
/// links are matched on their raw segments.
fn segment(uri: &Uri, n: usize) -> &str {
    uri.path().trim_matches('/').split('/').nth(n).unwrap_or("")
}

/// A sound's file: seeded bytes of a size derived from its name.
async fn audio(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let id = segment(request.uri(), 2).trim_end_matches(".m4a");
    let len = 50_000 + shared.world.h(&["audio-size", id]) % 50_000;
    let clip = video::Clip::new(shared.world.h(&["audio-bytes", id]), len);
    video::file_response(clip, request.headers(), "audio/mp4")
}

/// A video's file, for requests that carry the link headers of the answer
/// that linked to it.
async fn video(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    shared.count("__sandbox.video");
    let uri = request.uri();
    let (rid, id) = (segment(uri, 2), segment(uri, 3));
    video::serve(&shared.world, rid, id, request.headers(), &query(uri))
}
