//! Transport against loopback servers: statuses, timeouts, retries, body
//! caps, connection failures, pagination over HTTP, and downloads.

mod support;

use std::time::Duration;

use support::{closed_port_url, json, respond, serve, Action};
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Dialect, Error, Options, Pages, RetryPolicy, TransportKind};

const KEY: &str = "Zyxwvutsrq9876543210";

fn client(base: &str, dialect: Dialect, options: Options) -> Client {
    let api = Client::with_dialect(KEY, dialect);
    let o = options
        .with_base(base.into())
        .with_sandbox_base(base.into());
    api.set(&Args::new(), None, Some(&o));
    api
}

fn quick_retries(n: u32) -> RetryPolicy {
    let mut policy = RetryPolicy::new(n);
    policy.initial_backoff = Duration::from_millis(1);
    policy.max_backoff = Duration::from_millis(5);
    policy
}

#[test]
fn success_carries_status_headers_url_and_lazy_json() {
    let s = serve(vec![json(
        200,
        r#"{"status":"success","message":"","statusCode":0}"#,
    )]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let r = block_on(api.call("key", Args::new())).unwrap();
    assert_eq!((r.status, r.reason.as_str(), r.ok()), (200, "OK", true));
    assert_eq!(r.message(), "Success.");
    assert_eq!(r.tiktok_code(), None);
    assert!(r.url.ends_with("/key/info"));
    assert_eq!(r.json().unwrap()["status"], "success");
    let seen = &s.seen.lock().unwrap()[0];
    assert_eq!(seen.header("x-api-key").as_deref(), Some(KEY));
    assert_eq!(
        seen.header("user-agent").unwrap(),
        format!("tikapi-rs/{} (node)", tikapi_core::VERSION)
    );
}

#[test]
fn api_errors_carry_status_body_message_and_tiktok_code() {
    let s = serve(vec![json(
        403,
        r#"{"status":"error","message":"User doesn't exist","statusCode":10202}"#,
    )]);
    let api = client(&s.url, Dialect::Python, Options::default());
    let err = block_on(api.call("public.check", args! {"username" => "doesnotexist"})).unwrap_err();
    let Error::Api(r) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(r.status, 403);
    assert_eq!(r.tiktok_code(), Some(10202));
    assert_eq!(r.tiktok_description(), Some("User doesn't exist"));
    assert_eq!(err.to_string(), "User doesn't exist");

    let s = serve(vec![respond(
        502,
        &[("content-type", "text/html")],
        b"<html>bad gateway</html>",
    )]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.to_string(), "Something went wrong.");
}

#[test]
fn post_sends_json_body() {
    let s = serve(vec![json(200, "{}")]);
    let api = client(&s.url, Dialect::Js, Options::default());
    block_on(api.call(
        "user.posts.like",
        args! {"accountKey" => "Acct0123456789", "media_id" => "7109178205151464746"},
    ))
    .unwrap();
    let seen = &s.seen.lock().unwrap()[0];
    assert!(seen.head.starts_with("POST /user/like "));
    assert_eq!(
        seen.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        seen.header("x-account-key").as_deref(),
        Some("Acct0123456789")
    );
    assert_eq!(seen.body, br#"{"media_id":"7109178205151464746"}"#);
}

#[test]
fn connection_refused_is_a_connect_error_naming_the_url() {
    let url = closed_port_url();
    let api = client(&url, Dialect::Js, Options::default());
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(t.kind, TransportKind::Connect, "{t}");
    assert!(
        err.to_string().contains(&format!("GET {url}/key/info")),
        "{err}"
    );
    assert!(!err.to_string().contains(KEY));
    // The HTTP client's error is kept as the source, down to the OS error.
    let mut chain = Vec::new();
    let mut cur = std::error::Error::source(&err);
    while let Some(e) = cur {
        chain.push(e);
        cur = e.source();
    }
    assert!(!chain.is_empty(), "a source");
    assert!(
        chain.iter().any(|e| e.is::<std::io::Error>()),
        "an io::Error below: {chain:?}"
    );
}

#[test]
fn a_server_that_never_answers_hits_the_total_timeout() {
    let s = serve(vec![Action::Hang]);
    let options = Options::default().with_timeout(Duration::from_millis(200));
    let api = client(&s.url, Dialect::Js, options);
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(t.kind, TransportKind::Timeout, "{t}");
    assert!(t.reason.contains("timed out"), "{t}");
}

#[test]
fn closed_without_answer_and_truncated_bodies_are_body_errors() {
    let s = serve(vec![Action::Close]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert!(matches!(&err, Error::Transport(_)), "{err:?}");

    let mut raw =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"a\":"
            .to_vec();
    raw.extend_from_slice(b"1");
    let s = serve(vec![Action::Raw(raw)]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(t.kind, TransportKind::Body, "{t}");
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let s = serve(vec![json(
        200,
        &format!("{{\"x\":\"{}\"}}", "a".repeat(5000)),
    )]);
    let options = Options::default().with_max_body_size(1000);
    let api = client(&s.url, Dialect::Js, options);
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(t.kind, TransportKind::TooLarge);
}

#[test]
fn retries_are_off_by_default() {
    let s = serve(vec![
        respond(429, &[("retry-after", "3")], b"{}"),
        json(200, "{}"),
    ]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
    assert_eq!(s.seen.lock().unwrap().len(), 1);
}

#[test]
fn retries_recover_from_429_5xx_and_refused_connections() {
    let s = serve(vec![
        respond(429, &[("retry-after", "0")], b"{}"),
        json(503, "{}"),
        json(200, r#"{"ok":1}"#),
    ]);
    let api = client(
        &s.url,
        Dialect::Js,
        Options::default().with_retry(quick_retries(3)),
    );
    let r = block_on(api.call("key", Args::new())).unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(s.seen.lock().unwrap().len(), 3);

    // Gives up after max_retries, returning the last answer.
    let s = serve(vec![json(500, r#"{"message":"boom"}"#)]);
    let api = client(
        &s.url,
        Dialect::Js,
        Options::default().with_retry(quick_retries(2)),
    );
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert_eq!(err.to_string(), "boom");
    assert_eq!(s.seen.lock().unwrap().len(), 3);

    // A Retry-After longer than the policy allows is returned at once.
    let s = serve(vec![respond(429, &[("retry-after", "3600")], b"{}")]);
    let api = client(
        &s.url,
        Dialect::Js,
        Options::default().with_retry(quick_retries(2)),
    );
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(s.seen.lock().unwrap().len(), 1);

    // Refused connections are retried, then reported.
    let url = closed_port_url();
    let api = client(
        &url,
        Dialect::Js,
        Options::default().with_retry(quick_retries(2)),
    );
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert!(
        matches!(&err, Error::Transport(t) if t.kind == TransportKind::Connect),
        "{err:?}"
    );
}

#[test]
fn posts_are_not_retried_after_a_server_error() {
    let s = serve(vec![json(500, "{}"), json(200, "{}")]);
    let api = client(
        &s.url,
        Dialect::Js,
        Options::default().with_retry(quick_retries(3)),
    );
    let err =
        block_on(api.call("user.live.stop", args! {"accountKey" => "Acct0123456789"})).unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(s.seen.lock().unwrap().len(), 1);
}

#[test]
fn backoff_grows_and_is_capped() {
    let p = RetryPolicy::new(5);
    for attempt in 1..=10 {
        let d = p.backoff(attempt);
        assert!(d <= p.max_backoff, "{d:?}");
        let expected = p
            .initial_backoff
            .saturating_mul(1 << (attempt - 1))
            .min(p.max_backoff);
        assert!(d >= expected / 2, "{attempt}: {d:?}");
    }
}

#[test]
fn next_page_over_http_follows_the_cursor_until_the_end() {
    let s = serve(vec![
        json(200, r#"{"hasMore":true,"cursor":"30","itemList":[1,2]}"#),
        json(200, r#"{"hasMore":true,"cursor":"60","itemList":[3]}"#),
        json(200, r#"{"hasMore":false,"cursor":"90","itemList":[4]}"#),
    ]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let sec = "S".repeat(40);
    let mut page =
        Some(block_on(api.call("public.posts", args! {"secUid" => sec.as_str()})).unwrap());
    let mut n = 0;
    while let Some(r) = page {
        n += 1;
        page = block_on(Client::next_page(&r)).unwrap();
    }
    assert_eq!(n, 3);
    let targets: Vec<String> = s.seen.lock().unwrap().iter().map(|x| x.target()).collect();
    assert!(targets[1].ends_with("&count=30&cursor=30"), "{targets:?}");
    assert!(targets[2].ends_with("&count=30&cursor=60"), "{targets:?}");
}

#[test]
fn pages_stream_honours_limits() {
    let s = serve(vec![json(
        200,
        r#"{"hasMore":true,"cursor":"30","itemList":[1,2,3]}"#,
    )]);
    let api = client(&s.url, Dialect::Python, Options::default());
    let sec = "S".repeat(40);
    let limits = tikapi_core::PageLimits::default().with_max_pages(4);
    let mut pages = Pages::new(
        api.clone(),
        "public.posts".into(),
        args! {"secUid" => sec.as_str()},
        limits,
    );
    let mut n = 0;
    while let Some(p) = block_on(pages.next()) {
        p.unwrap();
        n += 1;
    }
    assert_eq!(n, 4);
    let limits = tikapi_core::PageLimits::default().with_max_items(7);
    let mut pages = Pages::new(
        api.clone(),
        "public.posts".into(),
        args! {"secUid" => sec.as_str()},
        limits,
    );
    let mut takes = Vec::new();
    while let Some(p) = block_on(pages.next()) {
        p.unwrap();
        takes.push(pages.take());
    }
    assert_eq!(takes.len(), 3, "3 + 3 + 3 items reach 7 on the third page");
    // An item walk takes every item of the first two pages and 1 of the third: exactly 7.
    assert_eq!(takes, [None, None, Some(1)]);
}

#[test]
fn page_limits_are_whole_numbers_named_in_each_language() {
    use tikapi_core::{PageLimits, Rule, Value};
    let ok = PageLimits::parse(&Value::Int(2), &Value::Null, Dialect::Js).unwrap();
    assert_eq!((ok.max_pages, ok.max_items), (Some(2), None));
    let huge = PageLimits::parse(&Value::Null, &Value::Float(1e30), Dialect::Python).unwrap();
    assert_eq!(huge.max_items, Some(u64::MAX));
    let cases = [
        (Value::Int(-1), Rule::Min),
        (Value::Float(-1e24), Rule::Min),
        (Value::Float(1.5), Rule::Type),
        (Value::Float(f64::NAN), Rule::Type),
        (Value::Str("3".into()), Rule::Type),
        (Value::Bool(true), Rule::Type),
    ];
    for (value, rule) in cases {
        for (dialect, name) in [(Dialect::Js, "maxPages"), (Dialect::Python, "max_pages")] {
            match PageLimits::parse(&value, &Value::Null, dialect) {
                Err(Error::Validation(v)) => {
                    assert_eq!((v.field.as_str(), v.rule), (name, rule), "{value:?}");
                    assert!(v.message.contains(name), "{}", v.message);
                }
                other => panic!("{value:?} for {name}: {other:?}"),
            }
        }
    }
}

#[test]
fn a_non_json_content_type_ends_paging_for_js_but_not_python() {
    let body = br#"{"hasMore":true,"cursor":"30"}"#;
    let s = serve(vec![respond(200, &[("content-type", "text/html")], body)]);
    let sec = "S".repeat(40);
    let js = client(&s.url, Dialect::Js, Options::default());
    let r = block_on(js.call("public.posts", args! {"secUid" => sec.as_str()})).unwrap();
    assert!(block_on(Client::next_page(&r)).unwrap().is_none());
    let py = client(&s.url, Dialect::Python, Options::default());
    let r = block_on(py.call("public.posts", args! {"secUid" => sec.as_str()})).unwrap();
    assert!(block_on(Client::next_page(&r)).unwrap().is_some());
}

#[test]
fn redirects_to_another_origin_are_not_followed_so_keys_stay_home() {
    let elsewhere = serve(vec![json(200, r#"{"status":"success"}"#)]);
    // Same server, other origin: `localhost` instead of `127.0.0.1`.
    let other = elsewhere.url.replace("127.0.0.1", "localhost");
    let location = format!("{other}/steal");
    let home = serve(vec![respond(302, &[("location", &location)], b"")]);
    let api = client(&home.url, Dialect::Js, Options::default());
    let user = api.scope(args! { "accountKey" => "Abcdefghij0123456789" });
    match block_on(user.call("user.info", Args::new())) {
        Err(Error::Api(r)) => assert_eq!(r.status, 302, "the app sees the redirect"),
        other => panic!("expected the 302 itself, got {other:?}"),
    }
    assert!(
        elsewhere.seen.lock().unwrap().is_empty(),
        "nothing, and so no key, reached the other origin"
    );

    // A different port is a different origin too: not followed.
    let target = serve(vec![json(200, r#"{"status":"success"}"#)]);
    let hop = serve(vec![respond(
        307,
        &[("location", &format!("{}/moved", target.url))],
        b"",
    )]);
    let api = client(&hop.url, Dialect::Js, Options::default());
    assert!(
        matches!(block_on(api.call("key", Args::new())), Err(Error::Api(r)) if r.status == 307)
    );
    assert!(target.seen.lock().unwrap().is_empty());
}

#[test]
fn redirects_within_the_origin_are_followed() {
    let s = serve(vec![
        respond(307, &[("location", "/key/info-moved")], b""),
        json(200, r#"{"status":"success"}"#),
    ]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let r = block_on(api.call("key", Args::new())).unwrap();
    assert_eq!(r.status, 200);
    assert!(r.url.ends_with("/key/info-moved"));
    let seen = s.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].header("x-api-key").as_deref(), Some(KEY));
}

#[test]
fn over_long_urls_and_bad_headers_are_refused_before_sending_by_name() {
    let s = serve(vec![json(200, r#"{"status":"success"}"#)]);
    let api = client(&s.url, Dialect::Js, Options::default());
    let huge = "a".repeat(70_000);
    let e = block_on(api.call("public.check", args! { "username" => huge.as_str() })).unwrap_err();
    let text = e.to_string();
    assert!(matches!(e, Error::Usage(_)), "{e:?}");
    assert!(
        text.contains("65534-byte limit") && text.len() < 400,
        "{text}"
    );

    for (name, value) in [("X-Bad\nName", "v"), ("X-Fine", "line\r\nbreak")] {
        let o = Options::default().with_headers(vec![(name.into(), value.into())]);
        let api = client(&s.url, Dialect::Js, o);
        let e = block_on(api.call("key", Args::new())).unwrap_err();
        assert!(matches!(e, Error::Usage(_)), "{e:?}");
        let text = e.to_string();
        assert!(
            text.contains(name.escape_debug().to_string().as_str()) || text.contains("X-Fine"),
            "{text}"
        );
        assert!(!text.contains("line\r\nbreak"), "never the value: {text}");
    }
    assert!(s.seen.lock().unwrap().is_empty(), "nothing was sent");
}

#[test]
fn error_targets_shorten_long_urls() {
    let url = closed_port_url();
    let api = client(&url, Dialect::Js, Options::default());
    let long = "b".repeat(5_000);
    let e = block_on(api.call("public.check", args! { "username" => long.as_str() })).unwrap_err();
    let text = e.to_string();
    assert!(text.len() < 600, "{} chars: {}", text.len(), &text[..200]);
    assert!(text.contains("bytes)"), "{text}");
}

#[test]
fn run_returns_the_tasks_output_and_resumes_its_panic() {
    assert_eq!(tikapi_core::runtime::run(async { 6 * 7 }), 42);
    let panicked = std::panic::catch_unwind(|| tikapi_core::runtime::run(async { panic!("boom") }));
    let payload = panicked.expect_err("the task's panic reaches the caller");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom"));
}

#[test]
fn run_here_makes_calls_with_io_and_timers_on_each_callers_thread() {
    // `run_here` polls on the caller's own current-thread runtime: its I/O and
    // timers (a retry's backoff) must be driven there, from any thread.
    let ok = r#"{"status":"success","message":"","statusCode":0}"#;
    let s = serve(vec![
        json(503, "{}"),
        json(200, ok),
        json(200, ok),
        json(200, ok),
    ]);
    let api = client(
        &s.url,
        Dialect::Python,
        Options::default().with_retry(quick_retries(1)),
    );
    let r = tikapi_core::runtime::run_here(api.call("key", Args::new())).unwrap();
    assert_eq!(r.status, 200, "the 503 was retried after a backoff");
    let again = tikapi_core::runtime::run_here(api.call("key", Args::new())).unwrap();
    assert_eq!(again.status, 200);
    let other = api.clone();
    let from_another_thread = std::thread::spawn(move || {
        tikapi_core::runtime::run_here(other.call("key", Args::new()))
            .unwrap()
            .status
    });
    assert_eq!(from_another_thread.join().unwrap(), 200);
    assert_eq!(s.seen.lock().unwrap().len(), 4);
}

#[test]
fn dropping_a_spawned_future_aborts_its_task() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    struct SetOnDrop(Arc<AtomicBool>);
    impl Drop for SetOnDrop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }
    let dropped = Arc::new(AtomicBool::new(false));
    let guard = SetOnDrop(dropped.clone());
    let (started, on_start) = tokio::sync::oneshot::channel();
    let task = tikapi_core::runtime::spawn(async move {
        let _guard = guard;
        started.send(()).unwrap();
        std::future::pending::<()>().await;
    });
    block_on(async {
        tokio::pin!(task);
        // Waited on until the task runs, then dropped.
        tokio::select! {
            biased;
            _ = &mut task => unreachable!("the task never ends by itself"),
            _ = on_start => {}
        }
    });
    // Aborting is asynchronous: wait for it, with a bound only a failure reaches.
    for _ in 0..3000 {
        if dropped.load(Ordering::SeqCst) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(dropped.load(Ordering::SeqCst), "the task still runs");
}

#[test]
fn max_connections_caps_requests_in_flight_per_host() {
    // Every connection hangs: with a limit of 2, the server sees 2 requests
    // and the others wait for a slot.
    let s = serve(vec![Action::Hang]);
    let options = Options::default()
        .with_timeout(Duration::from_secs(120))
        .with_max_connections(2);
    let api = client(&s.url, Dialect::Python, options);
    let rt = tikapi_core::runtime::runtime();
    let calls: Vec<_> = (0..5)
        .map(|_| {
            let api = api.clone();
            rt.spawn(async move { api.call("key", Args::new()).await })
        })
        .collect();
    let arrived = || s.seen.lock().unwrap().len();
    for _ in 0..3000 {
        if arrived() >= 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(arrived(), 2);
    // Were the cap broken, the three others would arrive within this pause.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(arrived(), 2, "more requests in flight than max_connections");

    // A call that cannot get a slot within its timeout says why.
    let quick = Options::default()
        .with_timeout(Duration::from_millis(100))
        .with_max_connections(2);
    let call = tikapi_core::CallOptions::default().with_options(quick);
    let err = block_on(api.call_with("key", Args::new(), call)).unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(t.kind, TransportKind::Timeout, "{t}");
    assert!(
        t.reason.contains("waiting for one of the 2 connections"),
        "{t}"
    );
    assert!(t.reason.contains("max_connections"), "{t}");
    assert!(!t.to_string().contains(KEY));
    for c in calls {
        c.abort();
    }
}

#[test]
fn calls_over_max_connections_take_their_turn_and_all_succeed() {
    let s = serve(vec![json(
        200,
        r#"{"status":"success","message":"","statusCode":0}"#,
    )]);
    let options = Options::default().with_max_connections(1);
    let api = client(&s.url, Dialect::Js, options);
    let all = futures_util::future::join_all((0..10).map(|_| api.call("key", Args::new())));
    let results = block_on(all);
    assert!(results.iter().all(|r| r.as_ref().is_ok_and(|r| r.ok())));
    assert_eq!(s.seen.lock().unwrap().len(), 10);
}

#[test]
fn max_connections_of_zero_is_refused_not_waited_out() {
    let s = serve(vec![json(200, r#"{"status":"success"}"#)]);
    let options = Options::default().with_max_connections(0);
    let api = client(&s.url, Dialect::Python, options);
    let err = block_on(api.call("key", Args::new())).unwrap_err();
    assert!(
        matches!(&err, Error::Usage(m) if m.contains("max_connections")),
        "{err:?}"
    );
    assert!(s.seen.lock().unwrap().is_empty());
}
