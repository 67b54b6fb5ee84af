//! The test kit over sockets, with the core's client as an app: scripted
//! answers and faults, the calls that arrived, record and replay (from a
//! local sandbox standing in for the real API), and the errors that name
//! what is wrong.

use std::time::Duration;

use serde_json::{json, Value as Json};
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Dialect, Error, Options, RetryPolicy, TransportKind};
use tikapi_sandbox::{start_background, Background, Config, SCRUBBED};

const KEY: &str = "SecretApiKey0123456789abcdef";
const ACCOUNT: &str = "SecretAccountKey0123456789";

fn sandbox() -> Background {
    start_background(Config::default()).expect("sandbox starts")
}

fn client(url: &str, extra: Options) -> Client {
    let api = Client::with_dialect(KEY, Dialect::Rust);
    api.set(
        &args! { "accountKey" => ACCOUNT },
        None,
        Some(&extra.with_base(url.into())),
    );
    api
}

fn check(api: &Client, username: &str) -> Result<tikapi_core::Response, Error> {
    block_on(api.call("public.check", args! { "username" => username }))
}

#[test]
fn a_scripted_answer_replaces_the_generated_one_as_many_times_as_asked() {
    let s = sandbox();
    let api = client(s.url(), Options::default());
    s.control()
        .script_json(r#"{"endpoint": "public.check", "status": 200, "body": {"status": "success", "scripted": true}, "times": 2}"#)
        .unwrap();
    for _ in 0..2 {
        let r = check(&api, "lilyachty").unwrap();
        assert_eq!(r.json().unwrap()["scripted"], true);
    }
    let r = check(&api, "lilyachty").unwrap();
    assert_eq!(
        r.json().unwrap()["userInfo"]["user"]["uniqueId"],
        "lilyachty"
    );
}

#[test]
fn scripted_errors_rate_limits_and_faults_reach_the_app() {
    let s = sandbox();
    let c = s.control();
    let api = client(s.url(), Options::default());
    c.script_json(r#"{"endpoint": "public.check", "fault": "tiktok=10201", "times": 1}"#)
        .unwrap();
    match check(&api, "a").unwrap_err() {
        Error::Api(r) => {
            assert_eq!(r.status, 403);
            assert_eq!(r.tiktok_code(), Some(10201));
        }
        e => panic!("{e:?}"),
    }
    c.script_json(r#"{"endpoint": "public.check", "status": 500, "body": {"status": "error", "message": "down"}, "times": 1}"#)
        .unwrap();
    match check(&api, "a").unwrap_err() {
        Error::Api(r) => assert_eq!((r.status, r.message()), (500, "down".to_owned())),
        e => panic!("{e:?}"),
    }
    c.script_json(r#"{"endpoint": "public.check", "fault": "drop", "times": 1}"#)
        .unwrap();
    assert!(matches!(check(&api, "a").unwrap_err(), Error::Transport(_)));
    c.script_json(r#"{"endpoint": "public.check", "fault": "timeout", "times": 1}"#)
        .unwrap();
    let slow = client(
        s.url(),
        Options::default().with_timeout(Duration::from_millis(300)),
    );
    match check(&slow, "a").unwrap_err() {
        Error::Transport(t) => assert_eq!(t.kind, TransportKind::Timeout),
        e => panic!("{e:?}"),
    }
    // A scripted 429 with Retry-After: the app's retry waits and succeeds.
    c.script_json(r#"{"endpoint": "public.check", "fault": "rate_limit=0", "times": 1}"#)
        .unwrap();
    let retrying = client(s.url(), Options::default().with_retry(RetryPolicy::new(2)));
    assert_eq!(check(&retrying, "a").unwrap().status, 200);
    // Other endpoints were never scripted.
    let r = block_on(api.call("public.posts", args! { "secUid" => "x" }));
    assert_eq!(r.unwrap().status, 200);
}

#[test]
fn rules_may_match_parameters_and_the_arrivals_name_endpoint_and_parameters_never_keys() {
    let s = sandbox();
    let c = s.control();
    let api = client(s.url(), Options::default());
    c.script_json(r#"{"endpoint": "public.check", "params": {"username": "ghost"}, "status": 404, "body": {"status": "error", "message": "no such user"}}"#)
        .unwrap();
    assert_eq!(check(&api, "lilyachty").unwrap().status, 200);
    assert!(matches!(check(&api, "ghost"), Err(Error::Api(r)) if r.status == 404));
    let arrivals = c.requests_json();
    assert!(
        !arrivals.contains(KEY) && !arrivals.contains(ACCOUNT),
        "{arrivals}"
    );
    let list: Json = serde_json::from_str(&arrivals).unwrap();
    assert_eq!(
        list,
        json!([
            { "endpoint": "public.check", "method": "GET", "params": { "username": "lilyachty" } },
            { "endpoint": "public.check", "method": "GET", "params": { "username": "ghost" } },
        ])
    );
    c.reset();
    assert!(c.requests().is_empty());
    assert_eq!(check(&api, "ghost").unwrap().status, 200);
}

#[test]
fn unknown_endpoints_and_faults_are_named() {
    let s = sandbox();
    let e = s
        .control()
        .script_json(r#"{"endpoint": "public.chek", "status": 500}"#)
        .unwrap_err();
    assert!(e.contains("public.chek"), "{e}");
    // The HTTP control route says the same.
    let r = block_on(async {
        reqwest::Client::new()
            .post(format!("{}/__sandbox/script", s.url()))
            .body(r#"{"endpoint": "public.check", "fault": "explode"}"#)
            .send()
            .await
            .unwrap()
    });
    assert_eq!(r.status(), 400);
    let body: Json = block_on(r.json()).unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("explode"),
        "{body}"
    );
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let e = start_background(Config {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        ..Config::default()
    })
    .err()
    .expect("the port is taken");
    assert!(
        e.to_string().contains(&format!("port {port} is in use")),
        "{e}"
    );
}

#[test]
fn a_cassette_records_without_keys_and_replays_offline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cassettes/check.json");
    // The "real API": another sandbox, answering with the keys echoed where
    // an answer could hold them.
    let upstream = sandbox();
    upstream
        .control()
        .script_json(&format!(
            r#"{{"endpoint": "user.info", "body": {{"status": "success", "accountKey": "{ACCOUNT}", "note": "key {KEY}"}}}}"#
        ))
        .unwrap();
    let recorder = sandbox();
    recorder.control().record(&path, upstream.url()).unwrap();
    let api = client(recorder.url(), Options::default());
    let first = check(&api, "lilyachty").unwrap();
    let info = block_on(api.call("user.info", Args::new())).unwrap();
    assert_eq!(info.json().unwrap()["accountKey"], SCRUBBED);
    assert_eq!(upstream.control().requests().len(), 2);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains(KEY) && !text.contains(ACCOUNT), "{text}");
    assert!(text.contains("\"public.check\"") && text.contains(SCRUBBED));
    drop(upstream);

    let player = sandbox();
    player.control().replay(&path).unwrap();
    let api = client(player.url(), Options::default());
    let again = check(&api, "lilyachty").unwrap();
    assert_eq!(again.json().unwrap(), first.json().unwrap());
    match check(&api, "someoneelse").unwrap_err() {
        Error::Api(r) => {
            assert_eq!(r.status, 404);
            assert!(r.message().contains("public.check"), "{}", r.message());
            assert!(r.message().contains("someoneelse"), "{}", r.message());
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(player.control().misses().len(), 1);

    std::fs::write(dir.path().join("bad.json"), "{\"tikapiCassette\": 1").unwrap();
    let e = player
        .control()
        .replay(&dir.path().join("bad.json"))
        .unwrap_err();
    assert!(
        e.contains("bad.json") && e.contains("not valid JSON"),
        "{e}"
    );
}
