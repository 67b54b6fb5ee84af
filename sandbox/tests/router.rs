//! The sandbox's routes and layers, called through `tower::ServiceExt::oneshot`
//! on its `Router`: no socket. What needs a connection (faults that cut it,
//! TLS, the binary, many clients) is in `sandbox.rs` and `faults.rs`.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use serde_json::{json, Value as Json};
use tikapi_core::catalogue::{SANDBOX_ACCOUNT_KEY, SANDBOX_API_KEY as KEY};
use tikapi_sandbox::{router, Config, FAULT_HEADER};
use tower::ServiceExt as _;

const LILY: &str = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud";

fn app() -> Router {
    router(Config::default())
}

/// A request with the API key (and `headers`), no body.
fn request(method: Method, uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut r = Request::builder()
        .method(method)
        .uri(uri)
        .header("X-API-KEY", KEY);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.body(Body::empty()).unwrap()
}

fn get(uri: &str) -> Request<Body> {
    request(Method::GET, uri, &[])
}

async fn send(app: &Router, request: Request<Body>) -> Response {
    app.clone().oneshot(request).await.unwrap()
}

async fn bytes(response: Response) -> Bytes {
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a whole body")
}

async fn json(response: Response) -> Json {
    serde_json::from_slice(&bytes(response).await).expect("a JSON body")
}

/// The status and JSON body of the answer to `request`.
async fn call(app: &Router, request: Request<Body>) -> (StatusCode, Json) {
    let r = send(app, request).await;
    (r.status(), json(r).await)
}

async fn stats(app: &Router) -> Json {
    json(send(app, get("/__sandbox/stats")).await).await
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_answer_json_errors() {
    let app = app();
    let not_found = r#"{"status":"error","message":"Endpoint not found."}"#;
    let not_allowed =
        |m: &str| format!(r#"{{"status":"error","message":"Method {m} is not allowed here."}}"#);
    for (method, uri, status, body) in [
        (Method::GET, "/no/such/endpoint", 404, not_found.to_owned()),
        (
            Method::GET,
            "/public//check?username=a",
            404,
            not_found.to_owned(),
        ),
        // A path parameter that is not UTF-8 matches no endpoint.
        (
            Method::GET,
            "/public/discover/%FF",
            404,
            not_found.to_owned(),
        ),
        (Method::POST, "/public/check", 405, not_allowed("POST")),
        (Method::GET, "/user/edit/bio", 405, not_allowed("GET")),
        // HEAD is not GET: the catalogue lists GET only (and a HEAD answer
        // has no body).
        (Method::HEAD, "/public/check?username=a", 405, String::new()),
        // A literal segment wins over a parameter, and keeps its methods.
        (
            Method::POST,
            "/public/discover/v3",
            405,
            not_allowed("POST"),
        ),
    ] {
        let r = send(&app, request(method.clone(), uri, &[])).await;
        assert_eq!(r.status().as_u16(), status, "{method} {uri}");
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/json");
        assert!(r.headers().get(header::ALLOW).is_none(), "{method} {uri}");
        assert_eq!(bytes(r).await, body.as_bytes(), "{method} {uri}");
    }
    let s = stats(&app).await;
    assert_eq!(s["total"], 0, "refused requests are not counted: {s}");
}

#[tokio::test]
async fn leading_and_trailing_slashes_are_trimmed() {
    let app = app();
    let plain = bytes(send(&app, get("/public/check?username=lilyachty")).await).await;
    for uri in [
        "/public/check/?username=lilyachty",
        "//public/check//?username=lilyachty",
    ] {
        let r = send(&app, get(uri)).await;
        assert_eq!(r.status(), StatusCode::OK, "{uri}");
        assert_eq!(bytes(r).await, plain, "{uri}");
    }
    let r = send(&app, get("/__sandbox/health/")).await;
    assert_eq!(json(r).await, json!({ "status": "success" }));
}

#[tokio::test]
async fn path_parameters_are_read_from_the_path() {
    let app = app();
    let r = send(&app, get("/public/discover/hashtag?count=2")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = json(r).await;
    assert_eq!(
        body["challenges"].as_array().map(Vec::len),
        Some(2),
        "{body}"
    );

    // Percent-decoded, as they always were.
    let encoded = json(send(&app, get("/public/discover/hash%74ag?count=2")).await).await;
    assert_eq!(encoded, body);

    let r = send(&app, get("/public/discover/music?count=2")).await;
    assert!(json(r).await["music"].is_array());
}

#[tokio::test]
async fn server_side_validation_names_the_fields() {
    let app = app();
    let (status, body) = call(&app, get("/public/posts")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Missing fields.");
    assert!(body["fields"]["secUid"].is_string());

    let invalid = get(&format!("/public/posts?secUid={LILY}&count=abc"));
    let (status, body) = call(&app, invalid).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Invalid fields.");
    assert!(body["fields"]["count"].is_string(), "{body}");

    let no_key = Request::get("/public/check?username=a")
        .body(Body::empty())
        .unwrap();
    let (status, body) = call(&app, no_key).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no key at all");
    assert_eq!(body["message"], "A valid API Key is required.");

    let (status, body) = call(&app, get("/user/info")).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a user endpoint needs an account key"
    );
    assert_eq!(body["message"], "A valid Account Key is required.");
}

fn post(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header("X-API-KEY", KEY)
        .header("X-ACCOUNT-KEY", SANDBOX_ACCOUNT_KEY)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

#[tokio::test]
async fn post_bodies_are_json_objects_of_at_most_a_mebibyte() {
    let app = app();
    let r = send(&app, post("/user/edit/bio", r#"{"value":"hi"}"#)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = json(r).await;
    assert_eq!(body["data"], json!({ "field": "bio", "value": "hi" }));

    let r = send(&app, post("/user/edit/bio", "[1]")).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(r).await["message"],
        "The request body must be a JSON object."
    );

    let r = send(&app, post("/user/edit/bio", vec![b' '; (1 << 20) + 1])).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json(r).await["message"], "The request body is too large.");
}

/// The first post of the docs' user: its download link and link headers.
async fn first_video(app: &Router) -> (String, Json) {
    let body = json(send(app, get(&format!("/public/posts?secUid={LILY}"))).await).await;
    let link = body["itemList"][0]["video"]["downloadAddr"]
        .as_str()
        .unwrap()
        .to_owned();
    // Links name the host the request came to; here there was none.
    let path = link
        .strip_prefix("http://127.0.0.1")
        .expect("a link to this server")
        .to_owned();
    (path, body["$other"]["videoLinkHeaders"].clone())
}

fn video_request(path: &str, headers: &Json, extra: &[(&str, &str)]) -> Request<Body> {
    let mut r = Request::get(path);
    for (k, v) in headers.as_object().unwrap() {
        r = r.header(k.as_str(), v.as_str().unwrap());
    }
    for (k, v) in extra {
        r = r.header(*k, *v);
    }
    r.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn videos_need_their_link_headers_and_honour_ranges() {
    let app = app();
    let (path, headers) = first_video(&app).await;

    let r = send(&app, video_request(&path, &json!({}), &[])).await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "no link headers, no video"
    );

    let r = send(&app, video_request(&path, &headers, &[])).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "video/mp4");
    let full = bytes(r).await;
    assert!(full.len() > 100_000);
    assert_eq!(&full[4..8], b"ftyp", "an MP4 header");

    let r = send(
        &app,
        video_request(&path, &headers, &[("Range", "bytes=100-199")]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(bytes(r).await, full.slice(100..200));

    let again = bytes(send(&app, video_request(&path, &headers, &[])).await).await;
    assert_eq!(again, full, "the same bytes every time");

    let s = stats(&app).await;
    assert_eq!(s["endpoints"]["__sandbox.video"], 4, "{s}");
}

#[tokio::test]
async fn video_downloads_take_faults_from_the_query() {
    let app = app();
    let (path, headers) = first_video(&app).await;
    let r = send(
        &app,
        video_request(&format!("{path}?size=100000&fault=truncate"), &headers, &[]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_LENGTH], "100000");
    assert!(
        axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .is_err(),
        "the download stops halfway"
    );

    let r = send(
        &app,
        video_request(&format!("{path}?size=100000"), &headers, &[]),
    )
    .await;
    assert_eq!(bytes(r).await.len(), 100_000);

    let r = send(
        &app,
        video_request(&format!("{path}?fault=nope"), &headers, &[]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

fn faulty(fault: &str) -> Request<Body> {
    request(
        Method::GET,
        "/public/check?username=lilyachty",
        &[(FAULT_HEADER, fault)],
    )
}

#[tokio::test]
async fn answer_faults_misbehave_as_named() {
    let app = app();
    let normal = bytes(send(&app, get("/public/check?username=lilyachty")).await).await;

    let slow = send(&app, faulty("slow=10")).await;
    assert_eq!(slow.status(), StatusCode::OK);
    assert_eq!(
        bytes(slow).await,
        normal,
        "slow still delivers the whole body"
    );

    let r = send(&app, faulty("truncate")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()[header::CONTENT_LENGTH],
        normal.len().to_string().as_str(),
        "the full length is announced"
    );
    assert!(
        axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .is_err(),
        "truncate: the body ends early"
    );

    let r = send(&app, faulty("badjson")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(serde_json::from_slice::<Json>(&bytes(r).await).is_err());

    let r = send(&app, faulty("html502")).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "text/html");
    assert!(String::from_utf8_lossy(&bytes(r).await).contains("<html>"));

    let r = send(&app, faulty("redirect")).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(
        r.headers()[header::LOCATION],
        "/public/check?username=lilyachty"
    );

    let r = send(&app, faulty("status=429:3")).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()[header::RETRY_AFTER], "3");
    assert_eq!(
        json(r).await["message"],
        "Fault injected by X-Sandbox-Fault."
    );

    for expected in [503, 503, 200] {
        let r = send(&app, faulty("flaky=2:router-test")).await;
        assert_eq!(r.status().as_u16(), expected);
    }

    let r = send(&app, faulty("big=50000")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let padded = bytes(r).await;
    assert!(padded.len() >= 50_000);
    let padded: Json = serde_json::from_slice(&padded).unwrap();
    assert_eq!(
        padded["userInfo"],
        serde_json::from_slice::<Json>(&normal).unwrap()["userInfo"]
    );

    let r = send(&app, faulty("explode")).await;
    assert_eq!(
        r.status(),
        StatusCode::BAD_REQUEST,
        "an unknown fault is refused by name"
    );
    assert!(String::from_utf8_lossy(&bytes(r).await).contains("explode"));

    // Faults apply to every answer, a 404 too.
    let r = send(
        &app,
        request(Method::GET, "/nope", &[(FAULT_HEADER, "html502")]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);

    // And the server is still fine afterwards.
    let r = send(&app, get("/public/check?username=lilyachty")).await;
    assert_eq!(bytes(r).await, normal);
}

#[tokio::test]
async fn stats_count_requests_per_endpoint() {
    let app = app();
    for _ in 0..3 {
        send(&app, get("/public/check?username=lilyachty")).await;
    }
    send(&app, get("/key/info")).await;
    let s = stats(&app).await;
    assert_eq!(s["endpoints"]["public.check"], 3);
    assert_eq!(s["endpoints"]["key"], 1);
    assert_eq!(s["total"], 4);
    assert_eq!(s["in_flight"], 0);
}

#[tokio::test]
async fn stats_count_catalogue_calls_per_second_until_a_reset() {
    let app = app();
    for _ in 0..5 {
        send(&app, get("/public/check?username=lilyachty")).await;
    }
    // A scripted 429 still reached the server: it counts.
    send(&app, faulty("status=429:1")).await;
    // Neither the control routes nor unknown paths count.
    send(&app, get("/__sandbox/health")).await;
    send(&app, get("/no/such/endpoint")).await;
    let s = stats(&app).await;
    let seconds = s["per_second"]
        .as_object()
        .expect("per_second is an object");
    assert!(!seconds.is_empty(), "{s}");
    for (second, n) in seconds {
        assert!(
            second.parse::<u64>().is_ok_and(|t| t > 1_700_000_000),
            "{second}"
        );
        assert!(n.as_u64().is_some_and(|n| n >= 1), "{s}");
    }
    let sum: u64 = seconds.values().filter_map(Json::as_u64).sum();
    let max = seconds.values().filter_map(Json::as_u64).max();
    assert_eq!(sum, 6, "{s}");
    assert_eq!(s["max_per_second"].as_u64(), max, "{s}");

    send(&app, request(Method::POST, "/__sandbox/reset", &[])).await;
    let s = stats(&app).await;
    assert_eq!(s["per_second"], json!({}), "{s}");
    assert_eq!(s["max_per_second"], 0, "{s}");
}

#[tokio::test]
async fn in_flight_counts_requests_until_they_are_answered_or_abandoned() {
    let app = app();
    let hung = tokio::spawn(app.clone().oneshot(faulty("hang")));
    let mut seen = Json::Null;
    for _ in 0..10_000 {
        seen = stats(&app).await["in_flight"].clone();
        if seen == 1 {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert_eq!(seen, 1, "the hanging request is in flight");
    hung.abort();
    assert!(hung.await.unwrap_err().is_cancelled());
    assert_eq!(
        stats(&app).await["in_flight"],
        0,
        "abandoned, no longer counted"
    );
}

#[tokio::test(start_paused = true)]
async fn latency_delays_every_answer() {
    let latency = Duration::from_millis(250);
    let app = router(Config {
        latency,
        ..Config::default()
    });
    // The clock is tokio's paused one: it moves only when every task waits.
    for request in [
        get("/public/check?username=lilyachty"),
        get("/nope"),
        faulty("explode"),
    ] {
        let started = tokio::time::Instant::now();
        send(&app, request).await;
        assert_eq!(started.elapsed(), latency);
    }
    let started = tokio::time::Instant::now();
    send(&app, get("/public/check?username=lilyachty")).await;
    assert_eq!(started.elapsed(), latency, "cached answers too");
}

#[tokio::test]
async fn sandbox_files_are_served_to_any_method() {
    let app = app();
    for uri in ["/__sandbox/image", "/__sandbox/image/a/b.png"] {
        let r = send(&app, request(Method::POST, uri, &[])).await;
        assert_eq!(r.status(), StatusCode::OK, "{uri}");
        assert_eq!(r.headers()[header::CONTENT_TYPE], "image/png");
    }
    let r = send(
        &app,
        request(
            Method::GET,
            "/__sandbox/audio/123.m4a",
            &[("Range", "bytes=0-99")],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "audio/mp4");
    assert_eq!(bytes(r).await.len(), 100);
}
