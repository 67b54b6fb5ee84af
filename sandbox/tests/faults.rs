//! The core's client against the sandbox's fault switches: each fault gives
//! its documented error, nothing hangs, and no key appears in any message.

use std::time::Duration;

use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Dialect, Error, Options, RetryPolicy, TransportKind};
use tikapi_sandbox::{start_background, Background, Config};

const KEY: &str = "SecretApiKey0123456789abcdef";
const ACCOUNT: &str = "SecretAccountKey0123456789";

fn sandbox() -> Background {
    start_background(Config::default()).expect("sandbox starts")
}

fn client(url: &str, fault: &str, extra: Options) -> Client {
    let api = Client::with_dialect(KEY, Dialect::Rust);
    let o = extra
        .with_base(url.into())
        .with_headers(vec![("X-Sandbox-Fault".into(), fault.into())]);
    api.set(&Args::new(), None, Some(&o));
    api
}

fn call(api: &Client) -> Result<tikapi_core::Response, Error> {
    block_on(api.call("public.check", args! { "username" => "lilyachty" }))
}

/// Every message a failure can show, checked for keys.
fn assert_no_secret(e: &Error) {
    for text in [e.to_string(), format!("{e:?}")] {
        assert!(!text.contains(KEY), "API key leaked: {text}");
        assert!(!text.contains(ACCOUNT), "account key leaked: {text}");
    }
}

fn transport(e: Error) -> (TransportKind, String) {
    assert_no_secret(&e);
    match e {
        Error::Transport(t) => {
            let message = Error::Transport(t.clone()).to_string();
            (t.kind, message)
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}

fn timeouts(total_ms: u64) -> Options {
    Options::default().with_timeout(Duration::from_millis(total_ms))
}

#[test]
fn a_server_that_never_answers_hits_the_total_timeout() {
    let s = sandbox();
    let (kind, message) = transport(call(&client(s.url(), "hang", timeouts(300))).unwrap_err());
    assert_eq!(kind, TransportKind::Timeout);
    assert!(
        message.contains("/public/check"),
        "names the URL: {message}"
    );
}

#[test]
fn a_slow_body_past_the_timeout_is_a_timeout() {
    let s = sandbox();
    let (kind, _) = transport(call(&client(s.url(), "slow=5000", timeouts(300))).unwrap_err());
    assert_eq!(kind, TransportKind::Timeout);
}

#[test]
fn resets_drops_and_short_bodies_are_body_or_connect_errors() {
    let s = sandbox();
    for fault in ["reset", "drop", "truncate"] {
        let (kind, message) =
            transport(call(&client(s.url(), fault, Options::default())).unwrap_err());
        assert!(
            matches!(
                kind,
                TransportKind::Body | TransportKind::Connect | TransportKind::Other
            ),
            "{fault}: {kind:?} {message}"
        );
        assert!(
            message.contains("127.0.0.1"),
            "{fault}: names the host: {message}"
        );
    }
}

#[test]
fn invalid_json_is_a_response_without_json() {
    let s = sandbox();
    let r = call(&client(s.url(), "badjson", Options::default())).unwrap();
    assert_eq!(r.status, 200);
    assert!(r.json().is_none());
    assert!(!r.text().is_empty(), "the body is still there");
}

#[test]
fn an_html_502_is_a_server_api_error() {
    let s = sandbox();
    match call(&client(s.url(), "html502", Options::default())).unwrap_err() {
        Error::Api(r) => {
            assert_eq!(r.status, 502);
            assert_eq!(r.error_kind(), tikapi_core::ApiErrorKind::Server);
            assert_eq!(r.message(), "Something went wrong.");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rate_limits_carry_retry_after_and_retries_wait_it_out() {
    let s = sandbox();
    match call(&client(s.url(), "status=429:1", Options::default())).unwrap_err() {
        Error::Api(r) => {
            assert_eq!(r.status, 429);
            assert_eq!(r.retry_after(), Some(Duration::from_secs(1)));
        }
        other => panic!("{other:?}"),
    }
    match call(&client(s.url(), "status=429", Options::default())).unwrap_err() {
        Error::Api(r) => assert_eq!(r.retry_after(), None),
        other => panic!("{other:?}"),
    }
    let mut retry = RetryPolicy::new(3);
    retry.initial_backoff = Duration::from_millis(1);
    retry.max_backoff = Duration::from_millis(5);
    let quick = Options::default().with_retry(retry);
    let r = call(&client(s.url(), "flaky=2:retry-test", quick.clone())).unwrap();
    assert_eq!(r.status, 200, "two 503s, then success");
    let e = call(&client(s.url(), "flaky=9:retry-fail", quick)).unwrap_err();
    assert!(matches!(&e, Error::Api(r) if r.status == 503), "{e:?}");
}

#[test]
fn a_redirect_loop_is_a_redirect_error() {
    let s = sandbox();
    let (kind, message) =
        transport(call(&client(s.url(), "redirect", Options::default())).unwrap_err());
    assert_eq!(kind, TransportKind::Redirect, "{message}");
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let s = sandbox();
    let capped = Options::default().with_max_body_size(100_000);
    let (kind, _) = transport(call(&client(s.url(), "big=200000", capped.clone())).unwrap_err());
    assert_eq!(kind, TransportKind::TooLarge);
    let r = call(&client(s.url(), "big=50000", capped)).unwrap();
    assert!(r.body.len() >= 50_000);
}

#[test]
fn self_signed_certificates_are_refused_unless_explicitly_accepted() {
    let s = start_background(Config {
        tls: true,
        ..Config::default()
    })
    .unwrap();
    assert!(s.url().starts_with("https://"));
    let (kind, message) =
        transport(call(&client(s.url(), "slow=0", Options::default())).unwrap_err());
    assert_eq!(kind, TransportKind::Tls, "{message}");

    let insecure = Options::default().with_danger_accept_invalid_certs(true);
    let r = call(&client(s.url(), "slow=0", insecure)).unwrap();
    assert_eq!(r.status, 200);
}

#[test]
fn keys_never_appear_in_errors_of_user_calls() {
    let s = sandbox();
    let api = client(s.url(), "reset", Options::default());
    let user = api.scope(args! { "accountKey" => ACCOUNT });
    let e = block_on(user.call("user.info", Args::new())).unwrap_err();
    assert_no_secret(&e);
    let api = client(s.url(), "slow=0", Options::default());
    let user = api.scope(args! { "accountKey" => "bad key!" });
    let e = block_on(user.call("user.info", Args::new())).unwrap_err();
    assert!(matches!(e, Error::Validation(_)));
    assert!(!e.to_string().contains("bad key!"), "{e}");
}
